"""Figures a trainee reads as words: the same words on screen and in the report."""

from __future__ import annotations


def familiarity_words(f: float) -> str:
    """How well a resident knows the officer (familiarity 0..1), never the raw number."""
    if f < 0.05:
        return "a stranger"
    if f < 0.3:
        return "seen you around"
    if f < 0.6:
        return "knows you"
    return "knows you well"
