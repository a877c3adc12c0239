"""Errors that reach the user as one clean message (never a traceback)."""

from __future__ import annotations


class UserError(Exception):
    """Invalid input from the user: bad arguments, unknown ids, unreadable files.

    The CLI prints the message and exits with status 2.
    """

    exit_status = 2
