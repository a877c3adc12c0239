"""Exact replay: the recorded actions, re-applied on the recorded seed, give the recorded shift.

This is the same loop the UI and the bots drive (apply the actions for this
tick, then ``step()``), so a replay that does not match means the simulation
lost its determinism — unless the session was played under other rules
(game.sim.rules), when the replay follows today's and says so.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from game.errors import UserError
from game.scenario.model import Scenario
from game.sessions.recording import Recording
from game.sessions.store import Session
from game.sim.actions import Action, ActionError
from game.sim.carry import DayCarry
from game.sim.rules import RULES_VERSION
from game.sim.simulation import Simulation


@dataclass(frozen=True, eq=False)
class ReplayOutcome:
    sim: Simulation  # the replayed shift, for showing results or building a report
    differences: tuple[str, ...]  # what did not match the recording, in plain words
    recorded_rules: int | None = RULES_VERSION  # the rules it was played under (None: unknown)

    @property
    def matches(self) -> bool:
        return not self.differences

    @property
    def rules_changed(self) -> bool:
        """Played under other rules than this version's: differences are expected, not damage."""
        return self.recorded_rules != RULES_VERSION

    def rules_note(self) -> str:
        """Why a replay under changed rules differs, in words."""
        played = ("before the game kept a version of its rules (version 1)"
                  if self.recorded_rules is None
                  else f"under version {self.recorded_rules} of the game's rules")
        return (f"played {played}; this game plays version {RULES_VERSION}, so the replay follows "
                "today's rules and its figures may differ where the rules changed")


class ActionPlayback:
    """Applies a recorded action log at its recorded ticks.

    It has a bot's ``act(sim)``, so the UI can show a replay through the same
    runner that lets bots play (``replay --watch``); ``rerun`` uses it headless.
    """

    def __init__(self, action_log: list[tuple[int, Action]]) -> None:
        self._by_tick: dict[int, list[Action]] = defaultdict(list)
        for tick, action in action_log:
            self._by_tick[tick].append(action)
        self.refused: list[str] = []

    def act(self, sim: Simulation) -> None:
        for action in self._by_tick.pop(sim.tick, ()):
            try:
                sim.apply(action)
            except ActionError as exc:
                self.refused.append(f"tick {sim.tick}: {action.kind} was refused: {exc}")

    def never_applied(self) -> list[str]:
        return [f"tick {tick}: {len(actions)} action(s) never applied (the shift had ended)"
                for tick, actions in sorted(self._by_tick.items())]


def rerun(scenario: Scenario, seed: int, action_log: list[tuple[int, Action]],
          ticks: int, carry: DayCarry | None = None) -> tuple[Simulation, list[str]]:
    """Play ``action_log`` on a fresh simulation up to ``ticks``; also return refused actions.

    Actions recorded at the final tick (a shift ended early, after an action)
    are applied too, so the replayed log is the whole recorded log.
    """
    sim = Simulation(scenario, seed, carry=carry)
    playback = ActionPlayback(action_log)
    while sim.tick < ticks and not sim.finished:
        playback.act(sim)
        sim.step()
    playback.act(sim)
    return sim, playback.refused + playback.never_applied()


def replay(session: Session, scenario: Scenario, carry: DayCarry | None = None) -> ReplayOutcome:
    """Re-run ``session`` on ``scenario`` and compare everything recorded with what happened.

    ``carry``: a campaign day starts from what the day before left (game.sim.carry).
    """
    recorded = session.recording
    try:
        action_log = recorded.action_log()
    except (ValueError, TypeError) as exc:
        raise UserError(f"session {session.id} holds an action this version cannot replay: {exc}"
                        ) from exc
    sim, refused = rerun(scenario, session.summary.seed, action_log, recorded.ticks, carry)
    return ReplayOutcome(sim, tuple(refused + recorded.differences(Recording.of(sim))),
                         recorded.rules_version)


def load_recorded_scenario(session: Session) -> Scenario:
    """The scenario ``session`` was played on, from the copy the store keeps with it.

    No file is opened: the scenario may have moved, changed or gone since. A
    copy whose recorded figures do not fit it (a resident or map it does not
    have) is damage, reported like any other.
    """
    from game.scenario import ScenarioError, load_scenario_bytes

    summary = session.summary
    where = f"session {summary.id} ({summary.scenario_id})"
    if session.scenario is None:
        how = ("was played on a scenario built in code" if not summary.scenario_path else
               "was saved before sessions kept their scenario, and its file had changed or gone "
               "when the session database was upgraded")
        raise UserError(f"{where} {how}, so it cannot be replayed or reported")
    label = f"{summary.scenario_path or summary.scenario_id} (as saved with session {summary.id})"
    try:
        scenario = load_scenario_bytes(session.scenario, label)
    except ScenarioError as exc:
        raise UserError(f"{where}: its scenario no longer passes this version's checks:\n{exc}"
                        ) from None
    problem = _mismatch(session.recording, scenario)
    if problem:
        raise UserError(f"session {summary.id} is damaged: {problem} (the other sessions are fine)")
    return scenario


def _mismatch(recording: Recording, scenario: Scenario) -> str | None:
    """What in the recording cannot belong to ``scenario``, if anything."""
    shape = (scenario.map.height, scenario.map.width)
    if recording.foot_heat.shape != shape:
        return f"its heat maps are {recording.foot_heat.shape[1]}x{recording.foot_heat.shape[0]}, " \
               f"the scenario's map {shape[1]}x{shape[0]}"
    count = len(scenario.residents)
    for k, change in enumerate(recording.ledger):
        for name in ("resident", "via"):
            index = change.get(name)
            if index is not None and not 0 <= index < count:
                return f"ledger[{k}].{name} is {index}, but the scenario has {count} residents"
    return None
