"""Exact replay: the recorded actions, re-applied on the recorded seed, give the recorded shift.

This is the same loop the UI and the bots drive (apply the actions for this
tick, then ``step()``), so a replay that does not match means the simulation
lost its determinism, or the scenario file changed since the session was played.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from game.errors import UserError
from game.scenario.model import Scenario
from game.sessions.recording import Recording
from game.sessions.store import Session, SessionSummary
from game.sim.actions import Action, ActionError
from game.sim.simulation import Simulation


@dataclass(frozen=True, eq=False)
class ReplayOutcome:
    sim: Simulation  # the replayed shift, for showing results or building a report
    differences: tuple[str, ...]  # what did not match the recording, in plain words

    @property
    def matches(self) -> bool:
        return not self.differences


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
          ticks: int) -> tuple[Simulation, list[str]]:
    """Play ``action_log`` on a fresh simulation up to ``ticks``; also return refused actions.

    Actions recorded at the final tick (a shift ended early, after an action)
    are applied too, so the replayed log is the whole recorded log.
    """
    sim = Simulation(scenario, seed)
    playback = ActionPlayback(action_log)
    while sim.tick < ticks and not sim.finished:
        playback.act(sim)
        sim.step()
    playback.act(sim)
    return sim, playback.refused + playback.never_applied()


def replay(session: Session, scenario: Scenario) -> ReplayOutcome:
    """Re-run ``session`` on ``scenario`` and compare everything recorded with what happened."""
    recorded = session.recording
    try:
        action_log = recorded.action_log()
    except (ValueError, TypeError) as exc:
        raise UserError(f"session {session.id} holds an action this version cannot replay: {exc}"
                        ) from exc
    sim, refused = rerun(scenario, session.summary.seed, action_log, recorded.ticks)
    return ReplayOutcome(sim, tuple(refused + recorded.differences(Recording.of(sim))))


def load_recorded_scenario(summary: SessionSummary) -> tuple[Scenario, list[str]]:
    """The scenario a session was played on, loaded from its recorded path, plus warnings.

    Missing file → UserError (exit 2). Changed file → a warning: the replay
    still runs, but need not match.
    """
    from game.scenario import load_scenario

    where = f"session {summary.id} ({summary.scenario_id})"
    if not summary.scenario_path:
        raise UserError(f"{where} was played on a scenario built in code, not loaded from a file, "
                        "so it cannot be loaded again")
    path = Path(summary.scenario_path)
    if not path.is_file():
        raise UserError(f"{where} was played on {path}, which no longer exists; put the scenario "
                        "file back there to replay or report it")
    scenario = load_scenario(str(path))
    warnings = []
    if scenario.content_hash != summary.scenario_hash:
        warnings.append(f"warning: {path} has changed since {where} was played; the replay and "
                        "report use the file as it is now and may not match the recording")
    return scenario, warnings
