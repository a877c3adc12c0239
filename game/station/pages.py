"""The station's server-made pages: sign-in, the console's frame, the class dashboard.

Built with the reports' escaping HTML helpers, so every trainee name and
scenario title is text, never markup. The live console itself is a static
script (``static/console.js``) that fills the frame from the WebSocket.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from urllib.parse import urlencode

from game.report.html import Html, esc, join, page, table, tag
from game.sessions import Session, SessionStore, load_recorded_scenario
from game.sessions.store import SessionSummary
from game.station.trends import score_trends, who

# The station's pages load their script and style from the station itself, and talk only to it.
POLICY = ("default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
          "connect-src 'self'")
STYLE = Html('<link rel="stylesheet" href="/static/console.css">')


def link(href: str, text: object) -> Html:
    return Html(f'<a href="{esc(href)}">{esc(text)}</a>')


def _document(title: str, *body: object, script: str = "") -> str:
    """A station page: the reports' look plus the console's style sheet (all served here)."""
    scripts = Html(f'<script src="/static/{esc(script)}" defer></script>') if script else ""
    return page(title, STYLE, *body, scripts, policy=POLICY)


def login_page(problem: str = "") -> str:
    form = Html('<form method="post" action="/login" class="login">'
                '<label>Instructor passphrase <input type="password" name="passphrase" '
                'autocomplete="current-password" maxlength="200" autofocus required></label>'
                '<button type="submit">Sign in</button></form>')
    return _document("Front Porch · instructor station", tag("h1", "Instructor station"),
                     tag("p", problem, cls="problem") if problem else "", form)


def console_page(code: str) -> str:
    nav = join([link("/dashboard", "Class dashboard"),
                Html('<form method="post" action="/logout" class="inline">'
                     '<button type="submit">Sign out</button></form>')], " · ")
    return _document(
        "Front Porch · class console",
        tag("header", tag("h1", "Class console"),
            tag("p", "Class code ", tag("b", code, cls="code"), " · trainees join with ",
                tag("code", f"play --class HOST:PORT --trainee NAME --code {code}"), cls="meta"),
            tag("nav", nav)),
        Html('<section id="everyone" class="everyone"></section>'
             '<p id="status" class="note">Connecting…</p>'
             '<section id="cards" class="cards"></section>'
             '<section id="detail" class="detail" hidden></section>'),
        script="console.js")


def only_trainee(rows: Sequence[SessionSummary], trainee: str | None) -> list[SessionSummary]:
    wanted = (trainee or "").casefold()
    return [s for s in rows if not wanted or wanted in (s.trainee or "").casefold()]


@functools.lru_cache(maxsize=256)
def _par(session_id: int, store: str) -> float | None:
    """The par score of one session's shift (the best bot on the same seed, over the same
    minutes); cached, since a par run plays a whole shift."""
    from game.bots.par import par_results
    from game.errors import UserError

    try:
        with SessionStore.open(store or None, read_only_ok=True) as opened:
            session = opened.get(session_id)
        return float(par_results(load_recorded_scenario(session), session.summary.seed,
                                 session.recording.ticks).score)
    except UserError:
        return None


def session_details(store: str, rows: Sequence[SessionSummary]) -> dict[int, tuple[Session, float | None]]:
    """Each listed session in full (its score parts and flags) with its par score."""
    out: dict[int, tuple[Session, float | None]] = {}
    with SessionStore.open(store or None, read_only_ok=True) as opened:
        for summary in rows:
            try:
                out[summary.id] = (opened.get(summary.id), _par(summary.id, store))
            except Exception:  # a damaged row: listed without its parts
                continue
    return out


def _parts(session: Session | None) -> str:
    if session is None:
        return ""
    parts = session.recording.results.get("score_parts", ())
    return "; ".join(f"{p['label']} {100 * p['value']:.0f}% ×{p['weight']:g}" for p in parts)


def _flags(session: Session | None) -> str:
    """What the instructor did in the session, counted by kind (nothing done: empty)."""
    if session is None:
        return ""
    kinds = [entry[1].get("kind") for entry in session.recording.actions]
    return ", ".join(_count(kinds.count(kind), noun) for kind, noun in
                     (("flag", "flag"), ("inject_call", "injected call"),
                      ("inject_event", "started event")) if kind in kinds)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def dashboard_page(rows: Sequence[SessionSummary], details: dict[int, tuple[Session, float | None]],
                   problems: Sequence[str], scenario: str | None, trainee: str | None) -> str:
    shown = only_trainee(rows, trainee)
    scenarios = sorted({s.scenario_id for s in rows})
    options = join(Html(f'<option value="{esc(s)}"{" selected" if s == scenario else ""}>{esc(s)}'
                        "</option>") for s in scenarios)
    filters = Html(
        '<form method="get" action="/dashboard" class="filters">'
        f'<label>Scenario <select name="scenario"><option value="">all</option>{options}</select></label>'
        f'<label>Trainee <input name="trainee" maxlength="80" value="{esc(trainee or "")}"></label>'
        '<button type="submit">Filter</button></form>')
    query = urlencode({k: v for k, v in (("scenario", scenario), ("trainee", trainee)) if v})
    by_trainee = sorted(shown, key=lambda s: ((s.trainee or "").casefold(), s.ended_at, s.id))
    body = table(
        ("Trainee", "Session", "Ended", "Scenario", "Score", "Par", "Score parts", "Trust",
         "Instructor"),
        [(who(s), link(f"/report/{s.id}", f"#{s.id} report"),
          s.ended_at.astimezone().strftime("%Y-%m-%d %H:%M"), s.scenario_title, f"{s.score:.0f}",
          _number(details.get(s.id, (None, None))[1]), _parts(details.get(s.id, (None, None))[0]),
          f"{s.trust:.1f}", _flags(details.get(s.id, (None, None))[0])) for s in by_trainee],
        numeric=(4, 5, 7))
    return _document(
        "Front Porch · class dashboard",
        tag("header", tag("h1", "Class dashboard"),
            tag("p", f"{len(shown)} of {len(rows)} sessions", cls="meta"),
            tag("nav", join([link("/class", "Live console"),
                             link(f"/dashboard.csv?{query}", "Export CSV")], " · "))),
        filters, *(tag("p", p, cls="problem") for p in problems), _trends(shown),
        tag("h2", "Sessions"), body)


def _trends(rows: Sequence[SessionSummary]) -> Html:
    """Each trainee's score day by day, oldest first, and how far it moved."""
    return tag("section", tag("h2", "Trends over days"), table(
        ("Trainee", "Days", "Score by day", "Trend"),
        [(t.trainee, str(len(t.days)),
          " · ".join(f"{d.day:%b %d} {d.score:.0f}" + (f" ({d.sessions} sessions)" if d.sessions > 1 else "")
                     for d in t.days),
          "—" if t.change is None else f"{'▲' if t.change > 0 else '▼' if t.change < 0 else '='} "
                                       f"{t.change:+.0f}")
         for t in score_trends(rows)], numeric=(1,)))


def _number(value: float | None) -> str:
    return "—" if value is None else f"{value:.0f}"


def problem_page(message: str) -> str:
    return _document("Front Porch · station", tag("h1", "Cannot show that"),
                     tag("p", message, cls="problem"), link("/dashboard", "Back to the dashboard"))
