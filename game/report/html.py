"""Safe HTML building for the reports: every piece of text is escaped unless marked as markup.

Scenario authors and trainees write the text these pages show (names,
titles, debrief questions), so escaping is the default and markup is the
exception: only ``Html`` values, built here or by the chart code, pass through.
"""

from __future__ import annotations

import html
import os
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import game


class Html(str):
    """A fragment of markup that is already safe to include as it is."""


def esc(value: object) -> Html:
    """Text (or markup, unchanged) made safe for element content and quoted attributes."""
    if isinstance(value, Html):
        return value
    return Html(html.escape(str(value), quote=True))


def tag(name: str, *children: object, cls: str = "") -> Html:
    attr = f' class="{esc(cls)}"' if cls else ""
    return Html(f"<{name}{attr}>{''.join(esc(c) for c in children)}</{name}>")


def join(parts: Iterable[object], sep: str = "") -> Html:
    return Html(sep.join(esc(p) for p in parts))


def table(headers: Sequence[str], rows: Iterable[Sequence[object]],
          numeric: Sequence[int] = ()) -> Html:
    """A table; columns listed in ``numeric`` are right-aligned with tabular figures."""
    def cells(values: Sequence[object], cell: str) -> Html:
        return join(tag(cell, v, cls="num" if k in numeric else "") for k, v in enumerate(values))
    head = tag("thead", tag("tr", cells(headers, "th")))
    body = tag("tbody", join(tag("tr", cells(row, "td")) for row in rows))
    return tag("table", head, body)


def signed(delta: float, digits: int = 1) -> Html:
    """+3.2 / −1.5 with a class for colour; the sign and arrow carry it without colour too."""
    if round(delta, digits) == 0:
        return esc(f"{0:.{digits}f}")
    arrow, cls = ("▲", "up") if delta > 0 else ("▼", "down")
    text = f"{arrow} {delta:+.{digits}f}".replace("-", "−")
    return tag("span", text, cls=cls)


def tag_words(tags: Sequence[str]) -> str:
    return ", ".join(t.replace("_", " ") for t in tags)


CSS = """
:root { --ink: #2b2622; --paper: #fbf7f0; --card: #fffdf9; --muted: #6b6259; --accent: #8c4b2f;
  --line: #e4d9c6; --good: #1d6b4c; --bad: #a4342a; --car: #0072b2; --foot: #d55e00;
  --safety: #009e73; --call: #cc79a7; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif; }
main { max-width: 62rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
h1, h2, h3 { font-family: Georgia, "Iowan Old Style", "Times New Roman", serif; line-height: 1.2; }
h1 { color: var(--accent); font-size: 2.1rem; margin: 0 0 .3rem; }
h2 { margin: 2.5rem 0 .75rem; padding-bottom: .3rem; border-bottom: 2px solid var(--line); }
h3 { margin: 0 0 .4rem; font-size: 1.15rem; }
.meta, figcaption, .note { color: var(--muted); }
figcaption { font-size: .92rem; margin-top: .4rem; }
.figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: .75rem;
  margin: 1.5rem 0; }
.figure, .card { background: var(--card); border: 1px solid var(--line); border-radius: .6rem;
  padding: .75rem 1rem; }
.figure b { display: block; font-size: 1.55rem; font-variant-numeric: tabular-nums; }
.card { margin: .9rem 0; }
.tips li { margin: .6rem 0; }
.tips b { color: var(--accent); }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; font-variant-numeric: tabular-nums; }
th, td { text-align: left; padding: .35rem .6rem; border-bottom: 1px solid var(--line);
  vertical-align: top; }
th { font-weight: 600; background: #f4ecdf; }
.num { text-align: right; white-space: nowrap; }
.up { color: var(--good); } .down { color: var(--bad); }
.met { color: var(--good); } .missed { color: var(--bad); }
.maps { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: 1rem; }
figure { margin: 1rem 0; }
svg { display: block; max-width: 100%; height: auto; }
svg text { font: 12px system-ui, sans-serif; fill: var(--ink); }
footer { margin-top: 3rem; font-size: .85rem; color: var(--muted); }
@media print {
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  figure, .card, .figure, tr, li { break-inside: avoid; }
}
"""


REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


def page(title: str, *body: object, policy: str = REPORT_POLICY) -> str:
    """A whole, self-contained document: inline CSS, no scripts, nothing fetched from the network
    (the instructor station's pages widen ``policy`` to their own server's files)."""
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{esc(policy)}\">\n"
        f"<title>{esc(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n<main>\n"
        f"{join(body)}\n"
        f"<footer>Made by Front Porch {esc(game.__version__)}.</footer>\n</main>\n</body>\n</html>\n"
    )


def write_page(out_dir: str | os.PathLike[str], document: str) -> Path:
    """Write ``out_dir/index.html`` (creating the folder) atomically: a reader never sees half a page."""
    folder = Path(out_dir)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / "index.html"
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".index-", suffix=".html")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(document)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; a report is meant to be shared
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return target
