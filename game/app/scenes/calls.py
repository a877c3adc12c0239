"""Taking a waiting call from any panel over the street, one way for all of them.

The radio does not wait for a conversation, a porch view or the people list to
close: each of them lists the calls that wait ("Take the call: P1 at …") and
answers R, and all of them go through ``take_call``, which heads for the call
through the orders (the one door) and returns to the street, or says why not.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from game.app.scenes.base import Scene
from game.app.scenes.dispatch import call_summary
from game.sim.queries import most_urgent_call
from game.sim.simulation import Simulation

if TYPE_CHECKING:
    from game.app.scenes.play import PlayScene

ANSWER_FIRST = "Answer first: the call waits until you do."
NONE_WAITING = "No calls are waiting."


@dataclass(frozen=True)
class WaitingCall:
    """One call a panel offers to take, in words."""

    call_id: str
    priority: int
    label: str  # "Take the call: P1 at Tran's Corner Store"
    detail: str  # "5 min left  ·  ~1 min by car"
    short: str  # "P1, Tran's Corner Store": for a hint line


def waiting_calls(sim: Simulation) -> list[WaitingCall]:
    """The calls that wait, most urgent first (as R would take them)."""
    waiting = sorted(sim.active_calls(), key=lambda c: (c.call.priority, c.deadline, c.call.id))
    out = []
    for state in waiting:
        place, priority = sim.places[state.call.place].name, state.call.priority
        out.append(WaitingCall(state.call.id, priority, f"Take the call: P{priority} at {place}",
                               call_summary(sim, state), f"P{priority}, {place}"))
    return out


def take_call(play: PlayScene, call_id: str | None) -> tuple[Scene | None, str]:
    """Head for ``call_id`` (None: the most urgent) from whatever panel is open.

    Returns the street to go back to, or None and the reason it could not be taken (no call,
    a scripted scene to answer first, a watched replay, the simulation's own refusal).
    """
    sim = play.sim
    if play.hands_off:
        return None, "Watching a replay: the calls are the recorded officer's."
    if most_urgent_call(sim) is None:
        return None, NONE_WAITING
    if sim.open_encounter is not None:
        return None, ANSWER_FIRST
    play.app.audio.play("click")
    if play.orders.respond(call_id):
        return play.back_to_the_street(), ""
    toasts = play.toasts.items
    return None, toasts[-1].text if toasts else ""  # the refusal, in the panel rather than under it
