"""Scripted encounters: branching conversations that start when their trigger fires."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.scenario.model import Choice, Encounter, Node


@dataclass
class OpenEncounter:
    encounter: Encounter
    node_id: str

    @property
    def node(self) -> Node:
        return self.encounter.nodes[self.node_id]

    @property
    def choices(self) -> tuple[Choice, ...]:
        return self.node.choices


class EncounterBook:
    """Which encounters wait on which triggers, which have run, and the one open now."""

    def __init__(self, encounters: Sequence[Encounter]) -> None:
        self._by_trigger: dict[tuple[str, str], list[Encounter]] = {}
        for enc in encounters:
            self._by_trigger.setdefault((enc.trigger.kind, enc.trigger.target), []).append(enc)
        self.resident_triggered = [e for e in encounters if e.trigger.kind == "resident"]
        self.done: set[str] = set()
        self.open: OpenEncounter | None = None
        self.queue: list[Encounter] = []  # triggered while another was open

    def fire(self, kind: str, target: str) -> bool:
        """Queue the encounters waiting on this trigger; whether any was."""
        queued = False
        for enc in self._by_trigger.get((kind, target), ()):
            if enc.id not in self.done and enc not in self.queue:
                self.queue.append(enc)
                self.done.add(enc.id)
                queued = True
        return queued

    def start_next(self) -> OpenEncounter | None:
        if self.open is None and self.queue:
            enc = self.queue.pop(0)
            self.open = OpenEncounter(enc, enc.start)
            return self.open
        return None

    def advance(self, choice: Choice) -> None:
        assert self.open is not None
        if choice.goto is None:
            self.open = None
        else:
            self.open = OpenEncounter(self.open.encounter, choice.goto)
