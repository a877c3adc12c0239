"""Calls for service: when they come in, whether the officer got there in time."""

from __future__ import annotations

from dataclasses import dataclass

from game.scenario.model import Call


@dataclass
class CallState:
    call: Call
    caller: int | None = None  # resident index of who called, once it has come in
    status: str = "pending"  # pending → waiting → (late) → reached | cleared
    arrived_at: float | None = None
    late: bool = False  # the window passed before the officer arrived

    @property
    def deadline(self) -> float:
        return self.call.at + self.call.window_minutes

    @property
    def active(self) -> bool:
        """Come in and not yet reached or taken by another unit."""
        return self.status == "waiting"

    @property
    def reached(self) -> bool:
        return self.arrived_at is not None

    @property
    def in_time(self) -> bool:
        return self.arrived_at is not None and not self.late

    @property
    def response_minutes(self) -> float | None:
        return None if self.arrived_at is None else self.arrived_at - self.call.at

    def time_left(self, now: float) -> float:
        """Minutes until the window closes (negative once late)."""
        return self.deadline - now
