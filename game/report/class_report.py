"""The class view: many sessions side by side, for an instructor comparing a group.

Built from the session list (no replays, no scenario files), so it is quick for
a whole class and still works after scenario files have moved; the instructor's
flags and calls come from each session's action log and the scenario copy the
store keeps with it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from game.errors import UserError
from game.report.charts import scatter, strip_plot
from game.report.html import Html, page, table, tag
from game.report.instructor import InstructorMoment, instructor_moments
from game.sessions.replay import load_recorded_scenario
from game.sessions.store import SessionStore, SessionStoreError, SessionSummary

Moments = Mapping[int, Sequence[InstructorMoment]]  # session id -> its instructor's flags and calls


def class_moments(store: SessionStore,
                  sessions: Sequence[SessionSummary]) -> dict[int, tuple[InstructorMoment, ...]]:
    """Each session's instructor flags and calls, read from its action log (no replay).

    A session whose recording or scenario copy cannot be read has none here: the rest of
    the class report still shows it, and `report ID` says what is wrong with it."""
    out = {}
    for s in sessions:
        try:
            session = store.get(s.id)
            moments = instructor_moments(session.recording.action_log(), load_recorded_scenario(session))
        except (SessionStoreError, UserError):
            continue
        if moments:
            out[s.id] = moments
    return out


def _who(s: SessionSummary) -> str:
    return s.trainee or (f"{s.bot} bot" if s.bot else "no name")


def _label(s: SessionSummary) -> str:
    return f"#{s.id} {_who(s)}"


def class_report(sessions: Sequence[SessionSummary], scenario: str | None = None,
                 moments: Moments | None = None) -> str:
    """The page comparing ``sessions`` (all of one scenario when ``scenario`` is given), with
    the instructor's flags and calls of each (``class_moments``) when there are any."""
    scope = f"scenario {scenario}" if scenario else "all scenarios"
    titles = sorted({s.scenario_title for s in sessions})
    with_share = [s for s in sessions if s.foot_share is not None]
    return page(
        f"Class sessions · {scope}",
        tag("header", tag("h1", "Class sessions"),
            tag("p", f"{len(sessions)} sessions · {scope}"
                     + (f" ({', '.join(titles)})" if titles else ""), cls="meta")),
        tag("section", tag("h2", "Neighborhood trust at the end of the shift"), tag(
            "figure", strip_plot("Final neighborhood trust per session",
                                 [(_label(s), s.trust) for s in sessions]),
            tag("figcaption", "One dot per session; the orange line is the class mean.")),
        ),
        tag("section", tag("h2", "Score"), tag(
            "figure", strip_plot("Score per session", [(_label(s), s.score) for s in sessions]),
            tag("figcaption", "Score: weighted share of the scenario's objectives met, 0–100.")),
        ),
        tag("section", tag("h2", "Time on foot against the outcome"), tag(
            "div",
            tag("figure", scatter("Share of time on foot against final trust",
                                  [(_label(s), 100 * (s.foot_share or 0), s.trust) for s in with_share],
                                  "time on foot (%)", "final trust")),
            tag("figure", scatter("Share of time on foot against score",
                                  [(_label(s), 100 * (s.foot_share or 0), s.score) for s in with_share],
                                  "time on foot (%)", "score")),
            cls="maps"),
            tag("p", "Each dot is a session: left is mostly in the car, right mostly on foot.",
                cls="note"),
        ),
        *_instructor_section(sessions, moments or {}),
        tag("section", tag("h2", "Sessions"), _table(sessions)),
    )


def _instructor_section(sessions: Sequence[SessionSummary], moments: Moments) -> list[Html]:
    """Every flag and injected call of the class, session by session (none: no section)."""
    rows = [(_label(s), m.clock, m.kind.value, m.text) for s in sessions for m in moments.get(s.id, ())]
    if not rows:
        return []
    return [tag("section", tag("h2", "The instructor's flags and calls"),
                table(("Session", "Time", "What", "Note"), rows))]


def _table(sessions: Sequence[SessionSummary]) -> Html:
    return table(
        ("Session", "When", "Scenario", "Trainee", "Bot", "Seed", "Trust", "Score", "On foot"),
        [(str(s.id), s.ended_at.astimezone().strftime("%Y-%m-%d %H:%M"), s.scenario_id,
          s.trainee or "", s.bot or "", str(s.seed), f"{s.trust:.1f}", f"{s.score:.1f}",
          "-" if s.foot_share is None else f"{100 * s.foot_share:.0f}%")
         for s in sessions],
        numeric=(0, 5, 6, 7, 8),
    )
