"""Scripted encounters: branching conversations that start when their trigger fires.

An encounter with ``requires`` starts only if its conditions hold as the trigger fires; if
not, it waits for the trigger to fire again (an event or a resident fires each tick the
officer is there). A follow-up (a breach or a flag trigger) is scheduled ``after_minutes``
later and asks its conditions then. Each scene shows the first of its lines that fits and
offers only the choices whose conditions hold, decided once as the scene opens so the
menu the trainee reads is the menu ``Choose`` indexes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from game.scenario.model import ANY_POLICY, Choice, Condition, Encounter, Node

Holds = Callable[[tuple[Condition, ...]], bool]


@dataclass(frozen=True)
class OpenEncounter:
    encounter: Encounter
    node_id: str
    text: str  # the line of the scene that fits the shift as it opened
    choices: tuple[Choice, ...]  # the choices offered, in the scenario's order

    @property
    def node(self) -> Node:
        return self.encounter.nodes[self.node_id]


class EncounterBook:
    """Which encounters wait on which triggers, which have run, and the one open now."""

    def __init__(self, encounters: Sequence[Encounter], holds: Holds) -> None:
        self._holds = holds
        self._by_trigger: dict[tuple[str, str], list[Encounter]] = {}
        for enc in encounters:
            self._by_trigger.setdefault((enc.trigger.kind, enc.trigger.target), []).append(enc)
        self.resident_triggered = [e for e in encounters if e.trigger.kind == "resident"]
        self.done: set[str] = set()
        self.open: OpenEncounter | None = None
        self.queue: list[Encounter] = []  # triggered while another was open
        self.follow_ups: list[tuple[float, Encounter]] = []  # (due minute, encounter), by due

    def fire(self, kind: str, target: str) -> bool:
        """Queue the encounters waiting on this trigger whose conditions hold; whether any was."""
        return self._queue(self._by_trigger.get((kind, target), ()))

    def _queue(self, encounters: Sequence[Encounter]) -> bool:
        queued = False
        for enc in encounters:
            if enc.id not in self.done and enc not in self.queue and self._holds(enc.requires):
                self.queue.append(enc)
                self.done.add(enc.id)
                queued = True
        return queued

    def schedule(self, kind: str, target: str, now: float) -> None:
        """A breach (``kind`` "breach", the policy) or a flag set: its follow-ups fall due later.

        A breach trigger naming ``any`` policy follows every breach.
        """
        waiting = [*self._by_trigger.get((kind, target), ())]
        if kind == "breach":
            waiting += self._by_trigger.get((kind, ANY_POLICY), ())
        pending = {enc.id for _, enc in self.follow_ups}
        for enc in waiting:
            if enc.id not in self.done and enc.id not in pending:
                self.follow_ups.append((now + enc.trigger.after_minutes, enc))
                pending.add(enc.id)
        self.follow_ups.sort(key=lambda due: due[0])  # stable: same minute, scheduling order

    def fire_due(self, now: float) -> None:
        """Follow-ups whose minute has come start if their conditions hold; else they lapse."""
        while self.follow_ups and self.follow_ups[0][0] <= now + 1e-9:
            _, enc = self.follow_ups.pop(0)
            self._queue((enc,))

    def start_next(self) -> OpenEncounter | None:
        if self.open is None and self.queue:
            enc = self.queue.pop(0)
            self.open = self._scene(enc, enc.start)
            return self.open
        return None

    def advance(self, choice: Choice) -> None:
        assert self.open is not None
        if choice.goto is None:
            self.open = None
        else:
            self.open = self._scene(self.open.encounter, choice.goto)

    def _scene(self, enc: Encounter, node_id: str) -> OpenEncounter:
        node = enc.nodes[node_id]
        text = next((line.text for line in node.lines if self._holds(line.requires)), node.text)
        choices = tuple(c for c in node.choices if not c.requires or self._holds(c.requires))
        return OpenEncounter(enc, node_id, text, choices)
