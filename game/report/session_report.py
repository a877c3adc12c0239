"""The after-action report for one saved session: one self-contained HTML page.

It reads only what the store recorded (results, ledger, trust history, heat
maps) plus the scenario for the map, place names and debrief questions, so
it shows the shift as it was played without re-running it.
"""

from __future__ import annotations

from game.bots.par import par_results
from game.report.charts import heat_map, kind_legend, trust_chart
from game.report.debrief import Debrief, ResidentDebrief, build_debrief
from game.report.html import Html, join, page, signed, table, tag, tag_words
from game.report.words import familiarity_words
from game.scenario.model import Scenario
from game.sessions.store import Session, SessionSummary
from game.sim.carry import DayCarry

FOOT_COLOUR, CAR_COLOUR = "#d55e00", "#0072b2"


def session_report(session: Session, scenario: Scenario, carry: DayCarry | None = None) -> str:
    """The whole page for ``session`` played on ``scenario`` (from ``carry``, a campaign day's
    street as the day before left it: par plays the day from the same street)."""
    recording = session.recording
    par = par_results(scenario, session.summary.seed, recording.ticks, carry)
    debrief = build_debrief(recording.shift_results(), recording.trust_changes(), scenario, par,
                            recording.action_log())
    summary = session.summary
    kinds = [[scenario.map.kind_at(x, y) for x in range(scenario.map.width)]
             for y in range(scenario.map.height)]
    vmax = float(max(recording.foot_heat.max(initial=0.0), recording.car_heat.max(initial=0.0)))
    chart = trust_chart(recording.history, debrief.calls, scenario.shift.minutes,
                        scenario.shift.clock)
    maps = tag("div", _map_figure("On foot", heat_map(kinds, recording.foot_heat, vmax, FOOT_COLOUR,
                                                      "Minutes on foot per tile"),
                                  debrief.foot_minutes),
               _map_figure("In the car", heat_map(kinds, recording.car_heat, vmax, CAR_COLOUR,
                                                  "Minutes in the car per tile"),
                           debrief.car_minutes), cls="maps")
    return page(
        f"{debrief.scenario_title} · session {summary.id}",
        tag("header", tag("h1", debrief.scenario_title), tag("p", _meta(summary), cls="meta")),
        _figures(debrief),
        _section("How the score was made", _score(debrief)),
        _section("What to try next time", tag("ul", join(
            tag("li", tag("b", tip.title), ". ", tip.why) for tip in debrief.tips), cls="tips")),
        _section("Trust over the shift", tag(
            "figure", chart, tag("figcaption",
                                 "Solid blue: neighborhood trust. Dashed green: how safe the "
                                 "neighborhood feels. Pink dashed lines: calls coming in; the bar "
                                 "along the top runs until you arrived (green in time, red late).")
        )),
        _section("Where the shift went", maps, kind_legend(kinds)),
        *_instructor_section(debrief),
        _section("Residents", _residents(debrief)),
        _section("Calls for service", _calls(debrief)),
        _section("Objectives", _objectives(debrief)),
        _section("Policy", _breaches(debrief)),
        _section("Questions for the debrief", tag("ol", join(tag("li", q) for q in debrief.questions))
                 if debrief.questions else tag("p", "This scenario has no debrief questions.",
                                                cls="note")),
    )


def _instructor_section(debrief: Debrief) -> list[Html]:
    """The instructor's flags and injected calls on the shift's clock (none: no section)."""
    if not debrief.instructor:
        return []
    return [_section("The instructor's flags and calls", table(
        ("Time", "What", "Note"), [(m.clock, m.kind.value, m.text) for m in debrief.instructor]))]


def _section(title: str, *content: object) -> Html:
    return tag("section", tag("h2", title), *content)


def _meta(summary: SessionSummary) -> str:
    parts = [f"Session {summary.id}", f"trainee {summary.trainee}" if summary.trainee
             else "no trainee name"]
    if summary.bot:
        parts.append(f"played by the {summary.bot} bot")
    parts += [summary.ended_at.astimezone().strftime("%Y-%m-%d %H:%M"), f"seed {summary.seed}"]
    return " · ".join(parts)


def _figure(label: str, value: object, note: object = "") -> Html:
    return tag("div", label, tag("b", value), note, cls="figure")


def _figures(d: Debrief) -> Html:
    share = d.foot_share
    in_time = sum(c.in_time for c in d.calls)
    return tag(
        "div",
        _figure("Neighborhood trust", f"{d.trust_end:.1f}",
                join([f"from {d.trust_start:.1f} ", signed(d.trust_end - d.trust_start)])),
        _figure("Score", f"{d.score:.0f}", "of 100" if d.par_score is None else f"par {d.par_score:.0f}"),
        _figure("Safety", f"{d.safety:.0f}", "of 100"),
        _figure("On foot", f"{d.foot_minutes:.0f} min",
                "" if share is None else f"{100 * share:.0f}% of the shift"),
        _figure("In the car", f"{d.car_minutes:.0f} min"),
        _figure("Stories heard", str(d.stories_heard), f"of {len(d.residents)} residents"),
        _figure("Calls in time", f"{in_time} of {len(d.calls)}"),
        cls="figures",
    )


def _map_figure(title: str, svg: Html, minutes: float) -> Html:
    return tag("figure", tag("h3", title), svg,
               tag("figcaption", f"{minutes:.0f} minutes. The darker a tile, the longer you spent "
                                 "there; hover a tile for its minutes."))


def _residents(d: Debrief) -> Html:
    biggest_first = sorted(d.residents, key=lambda r: -abs(r.change))
    overview = table(
        ("Resident", "Trust at start", "At end", "Change", "Stories", "Knows you"),
        [(r.name, f"{r.trust_start:.1f}", f"{r.trust_end:.1f}", signed(r.change), str(r.stories_heard),
          familiarity_words(r.familiarity)) for r in biggest_first],
        numeric=(1, 2, 3, 4),
    )
    return join([overview, *(_resident_card(r) for r in biggest_first if _moved(r))])


def _moved(r: ResidentDebrief) -> bool:
    return bool(r.contacts or r.word_of_mouth or r.drift)


def _resident_card(r: ResidentDebrief) -> Html:
    parts: list[object] = [tag("h3", r.name, " ", signed(r.change))]
    if r.contacts:
        parts.append(table(("Time", "What happened", "Procedural justice", "Trust"),
                           [(c.clock, c.cause, tag_words(c.tags), signed(c.delta))
                            for c in r.contacts], numeric=(3,)))
    if r.word_of_mouth:
        parts.append(tag("p", "Word of mouth: ", join(
            (join([f"from {w.source} ", signed(w.delta)]) for w in r.word_of_mouth), "; ")))
    if r.drift:
        parts.append(tag("p", "Easing back toward their usual trust: ", signed(r.drift), cls="note"))
    return tag("div", *parts, cls="card")


def _calls(d: Debrief) -> Html:
    if not d.calls:
        return tag("p", "No calls came in this shift.", cls="note")
    return table(
        ("Call", "Priority", "Place", "Came in", "Window", "Response", "Outcome"),
        [(c.text or "-", str(c.priority), c.place, c.came_in,  # what dispatch said, not the call's id
          "-" if c.window_minutes is None else f"{c.window_minutes:g} min",
          "-" if c.response_minutes is None else f"{c.response_minutes:.1f} min",
          tag("span", c.outcome, cls="met" if c.in_time else "missed"))
         for c in d.calls],
        numeric=(1, 4, 5),
    )


def _score(d: Debrief) -> Html:
    """Each part of the score, what earned it, and par's figure for the same part."""
    note = tag("p", "The score is the weighted mean of these parts, each from 0 to 100%. Par is "
                    "what the project's best bot made of the same street and seed.", cls="note")
    return join([table(
        ("Part", "You", "Par", "Counts", "What earned it"),
        ((line.label, f"{100 * line.value:.0f}%",
          "-" if line.par is None else f"{100 * line.par:.0f}%", f"×{line.weight:g}", line.detail)
         for line in d.score_lines),
        numeric=(1, 2, 3),
    ), note])


def _objectives(d: Debrief) -> Html:
    if not d.objectives:
        return tag("p", "This scenario has no objectives of its own; the other parts make the score.",
                   cls="note")
    return tag("ul", join(
        tag("li", tag("span", "✓ met" if o.met else "✗ missed", cls="met" if o.met else "missed"),
            f" — {o.text} ({o.detail})")
        for o in d.objectives))


def _breaches(d: Debrief) -> Html:
    if not d.breaches:
        return tag("p", "No policy breaches.", cls="note")
    return tag("ul", join(tag("li", b) for b in d.breaches))
