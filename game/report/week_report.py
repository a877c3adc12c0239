"""The week's debrief as a self-contained HTML page: trust per resident across the days,
promises kept and broken, grudges and how they ended, what changed because you came back.

Every text from the campaign or its scenarios goes through ``esc``.
"""

from __future__ import annotations

from game.campaign.debrief import WeekDebrief
from game.report.charts import days_chart
from game.report.html import Html, esc, join, page, signed, table, tag
from game.sim.carry import ConcernStatus

STATUS_WORDS = {
    ConcernStatus.OPEN: "still open", ConcernStatus.CHECKED: "looked into, not told yet",
    ConcernStatus.FOLLOWED_UP: "kept", ConcernStatus.BROKEN: "broken",
}


def week_report(title: str, week: WeekDebrief) -> str:
    days = ["start", *(d.weekday[:3] for d in week.days)]
    series = [(week.names.get(rid, rid), values) for rid, values in week.trust_by_resident.items()]
    return page(
        f"{title}: the week",
        tag("h1", title),
        tag("p", f"{len(week.days)} shifts; promises kept {week.kept}, broken {week.broken}; "
                 f"{len(week.grudges)} grudge(s)."),
        tag("h2", "Trust per resident, day by day"),
        Html(f"<figure>{days_chart('Trust per resident across the days', days, series)}</figure>"),
        tag("h2", "The days"),
        table(["day", "title", "trust", "change", "score", "the night before"],
              [[esc(d.weekday), esc(d.title), f"{d.trust_end:.1f}",
                signed(d.trust_end - d.trust_start), f"{d.score:.1f}",
                join((esc(m.text) for m in d.carry.morning), Html("<br>")) or "-"]
               for d in week.days]),
        tag("h2", "Promises"),
        table(["resident", "worry", "heard on day", "answered on day", "promise", "came back as a call"],
              [[esc(week.names.get(p.resident, p.resident)), esc(p.worry), str(p.heard_on),
                "-" if p.answered_on is None else str(p.answered_on), STATUS_WORDS[p.status],
                "yes" if p.came_back_as_call else "no"] for p in week.promises])
        if week.promises else tag("p", "No worries were heard this week."),
        tag("h2", "Grudges"),
        table(["resident", "why", "from day", "talks again on day", "trust before", "trust now"],
              [[esc(week.names.get(g.resident, g.resident)), esc(g.reason), str(g.began_on),
                str(g.until), f"{g.trust_before:.1f}", f"{g.trust_at_end:.1f}"]
               for g in week.grudges])
        if week.grudges else tag("p", "Nobody turned away from you this week."),
        tag("h2", "Off duty"),
        table(["the evening before", "choice", "rule", "sleep lost", "what it meant"],
              [[esc(d.title), esc(o.label), esc((o.policy or "allowed").replace("_", " ")),
                f"{o.rest_hours:g} h", esc(o.consequence)] for d, o in week.evenings()])
        if week.evenings() else tag("p", "You went home and slept every night."),
        tag("h2", "What changed because you came back"),
        tag("ul", *(tag("li", line) for line in week.came_back())),
    )
