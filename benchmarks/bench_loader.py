"""Scenario load + validate vs a bare YAML parse of the same file, at the residents limit.

Target (issue 3): ``load_scenario`` (read, safe compose, every check, model
objects) costs at most 2x ``yaml.load(text, Loader=yaml.CSafeLoader)``, which
only builds plain dicts. The file is the synthetic world of worlds.py written
out as format-1 YAML (places, schedules, stories, concerns, ties, calls,
events, plus encounters and objectives); the benchmark checks that loading it
gives back that same world before timing anything. Best of --repeat runs,
all in this one process. Prints a line per figure, or one JSON object with --json.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
from pathlib import Path
from types import MappingProxyType

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench_sim import best_of
from worlds import synthetic_scenario

from game.scenario import load_scenario
from game.scenario.limits import MAX_RESIDENTS
from game.scenario.model import Choice, Encounter, Node, Objective, Scenario, StoriesHeard, Trigger


def with_encounters(scenario: Scenario, every: int = 40) -> Scenario:
    """Add a three-node encounter for every ``every``-th resident, and objectives."""
    encounters = tuple(
        Encounter(
            id=f"talk-{r.id}", trigger=Trigger("resident", r.id, 0.2), with_=(r.id,), start="open",
            nodes=MappingProxyType({
                "open": Node("open", "A neighbor waves.", (
                    Choice("Stop and listen.", 0.5, ("voice", "respect"), "more"),
                    Choice("Wave back and drive on.", -0.1, ("dismissal",)),
                )),
                "more": Node("more", "They talk about the block.", (
                    Choice("Ask what would help.", 0.6, ("voice",), "close"),
                )),
                "close": Node("close", "They thank you.", (Choice("Say goodbye.", 0.2),)),
            }),
        )
        for r in scenario.residents[::every]
    )
    objectives = (Objective("stories", "Hear ten stories.", StoriesHeard(10), 2.0),)
    return dataclasses.replace(scenario, encounters=encounters, objectives=objectives)


def to_yaml(s: Scenario) -> str:
    """Format-1 YAML for a scenario, in the style of the shipped files."""
    q = json.dumps  # a JSON string is a valid double-quoted YAML scalar
    clock = s.shift.clock
    out = [
        "format: 1", f"id: {s.id}", f"title: {q(s.title)}", f"seed: {s.seed}",
        f'shift: {{start: "{clock(0)}", minutes: {s.shift.minutes}, '
        f"seconds_per_minute: {s.shift.seconds_per_minute}}}",
        "map:",
        "  legend: {" + ", ".join(f"{q(k)}: {v}" for k, v in s.map.legend.items()) + "}",
        "  rows: |", *(f"    {row}" for row in s.map.rows),
        "places:",
        *(f"  - {{id: {p.id}, at: [{p.at[0]}, {p.at[1]}], kind: {p.kind}, name: {q(p.name)}}}"
          for p in s.places),
        "residents:",
    ]
    for r in s.residents:
        out += [f"  - id: {r.id}", f"    name: {q(r.name)}", f"    home: {r.home}",
                f"    trust: {r.trust!r}", f"    openness: {r.openness!r}",
                f"    influence: {r.influence!r}"]
        if r.schedule:
            out += ["    schedule:", *(f'      - {{from: "{clock(e.start)}", to: "{clock(e.end)}", '
                                       f"at: {e.place}}}" for e in r.schedule)]
        out += ["    story:", *(f"      - {{familiarity: {b.familiarity!r}, text: {q(b.text)}}}"
                                for b in r.story)]
        out += ["    concerns:", *(f"      - {{id: {c.id}, text: {q(c.text)}, follow_up: {c.follow_up}}}"
                                   for c in r.concerns)]
    out += ["ties:", *(f"  - [{t.a}, {t.b}, {t.weight!r}]" for t in s.ties)]
    out += ["calls:", *(f'  - {{id: {c.id}, at: "{clock(c.at)}", place: {c.place}, priority: '
                        f"{c.priority}, kind: {c.kind}, text: {q(c.text)}, "
                        f"window_minutes: {c.window_minutes!r}}}" for c in s.calls)]
    out += ["events:", *(f'  - {{id: {e.id}, from: "{clock(e.start)}", to: "{clock(e.end)}", '
                         f"place: {e.place}, kind: {e.kind}, text: {q(e.text)}}}" for e in s.events)]
    out.append("encounters:")
    for e in s.encounters:
        out += [f"  - id: {e.id}",
                f"    when: {{resident: {e.trigger.target}, "
                f"familiarity_at_least: {e.trigger.familiarity_at_least!r}}}",
                f"    with: [{', '.join(e.with_)}]", f"    start: {e.start}", "    nodes:"]
        for node in e.nodes.values():
            out += [f"      {node.id}:", f"        text: {q(node.text)}", "        choices:"]
            for c in node.choices:
                goto = f", goto: {c.goto}" if c.goto else ""
                out.append(f"          - {{say: {q(c.say)}, quality: {c.quality!r}, "
                           f"tags: [{', '.join(c.tags)}]{goto}}}")
    out += ["objectives:", *(f"  - {{id: {o.id}, text: {q(o.text)}, check: {{stories_heard: "
                             f"{o.check.count}}}, weight: {o.weight!r}}}" for o in s.objectives)]
    return "\n".join(out) + "\n"


def measure(residents: int, repeat: int) -> dict[str, object]:
    world = with_encounters(synthetic_scenario(residents))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.yaml"
        path.write_text(to_yaml(world), encoding="utf-8")
        text = path.read_text(encoding="utf-8")
        loaded = load_scenario(path)
        same = dataclasses.replace(loaded, source=world.source, content_hash=world.content_hash)
        if same != world:
            raise SystemExit("bench_loader: the loaded scenario differs from the one written")
        bare = best_of(repeat, lambda: yaml.load(text, Loader=yaml.CSafeLoader))
        full = best_of(repeat, lambda: load_scenario(path))
    return {
        "benchmark": "loader", "residents": residents, "places": len(world.places),
        "ties": len(world.ties), "encounters": len(world.encounters), "bytes": len(text.encode()),
        "bare_yaml_s": round(bare, 4), "load_validate_s": round(full, 4),
        "ratio": round(full / bare, 2), "target_ratio": 2.0,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--repeat", type=int, default=5, help="best of this many runs")
    parser.add_argument("--residents", type=int, default=MAX_RESIDENTS)
    args = parser.parse_args()
    result = measure(args.residents, args.repeat)
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{result['residents']:,} residents, {result['bytes']:,} bytes of YAML")
        print(f"  yaml.load (CSafeLoader): {result['bare_yaml_s'] * 1000:8.1f} ms")
        print(f"  load_scenario:           {result['load_validate_s'] * 1000:8.1f} ms")
        print(f"  ratio:                   {result['ratio']:8.2f}x (target <= 2x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
