"""`balance SCENARIO [--seeds N] [--seed S] [--json] [--jobs J]`: is the shift still a dilemma?

(`balance --campaign FILE` asks the same of a week: game.commands.balance_campaign.)

For instructors and scenario designers: the whole strategy family plays the
scenario over N seeds, and the table shows what each strategy trades for
what. Below it, the flags name what a designer must fix: a strategy best on
every measure (the choice is solved), a score that saturates, ignoring calls
paying better than answering them, seeds that change nothing, staying in the
car or never using it coming within ten points of the best, the best leash at
either end of the ladder, a walker who never misses an emergency the car meets,
and walking that builds hardly more trust than driving.

The figures come from ``ShiftResults`` through ``MEASURES`` only: a new
figure is one more line there, and the table, the JSON and the "best on
every measure" check all pick it up.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from game.commands import arguments
from game.sim.results import ShiftResults

SCORE_MAX = 100.0  # the score's ceiling (ShiftResults.score runs 0..100)
SATURATION_SHARE = 0.05  # of all runs: more at the ceiling than this and the score can't rank play
TIE = 1e-9  # figures closer than this are equal
NEGLIGIBLE = 1.0  # in a figure's own unit: a seed-to-seed spread under this changes nothing one sees
PURE_MARGIN = 10.0  # score points: car-only and walk-only should each fall at least this far short
WALK_TRUST_MARGIN = 2.0  # trust points walk-only should end above car-only: more than seed noise


def _share(part: int, whole: int) -> float | None:
    return 100.0 * part / whole if whole else None


@dataclass(frozen=True)
class Measure:
    """One figure of a shift: where it comes from in ``ShiftResults`` and which way is better."""

    key: str  # in the JSON
    label: str  # the table's column
    read: Callable[[ShiftResults], float | None]  # None: no such figure this shift (no calls)
    higher_is_better: bool
    unit: str = ""


MEASURES: tuple[Measure, ...] = (
    Measure("trust", "trust", lambda r: r.trust, True),
    Measure("mean_wait_minutes", "waited", lambda r: r.mean_wait_minutes, False, "m"),
    Measure("calls_in_time_pct", "in time", lambda r: _share(r.calls_in_time, r.calls_total),
            True, "%"),
    Measure("calls_reached_pct", "reached",
            lambda r: _share(sum(c.response_minutes is not None for c in r.calls), r.calls_total),
            True, "%"),
    Measure("calls_resolved_pct", "resolved", lambda r: _share(r.calls_resolved, r.calls_total),
            True, "%"),
    Measure("safety", "safety", lambda r: r.safety, True),
    # Emergencies whose window passed: what straying from the car costs (0 with no such call).
    Measure("p1_missed", "P1 missed",
            lambda r: float(sum(c.priority == 1 and not c.in_time for c in r.calls)), False),
    Measure("score", "score", lambda r: r.score, True),
)
SCORE = next(m for m in MEASURES if m.key == "score")
P1_MISSED = next(m for m in MEASURES if m.key == "p1_missed")
TRUST = next(m for m in MEASURES if m.key == "trust")


class FlagKind(Enum):
    DOMINANT = "dominant strategy"
    SATURATED = "score saturates"
    IGNORING_PAYS = "ignoring calls pays"
    SEEDS_IRRELEVANT = "seeds change nothing"
    PURE_STRATEGY_CLOSE = "one means is enough"
    LEASH_AT_AN_END = "the best leash is an extreme"
    WALKER_MEETS_EMERGENCIES = "emergencies need no car"
    WALKING_BUILDS_NO_TRUST = "walking builds no trust"


@dataclass(frozen=True)
class Flag:
    kind: FlagKind
    text: str


def play_figure(play: Sequence[ShiftResults], measure: Measure) -> float | None:
    """One play's figure: a shift's own, or a week's mean over the days that have it."""
    values = [v for r in play if (v := measure.read(r)) is not None]
    return statistics.fmean(values) if values else None


@dataclass(frozen=True)
class StrategyRow:
    """One strategy over every seed: its runs and their means.

    A play is one shift per seed, or over a campaign one week per seed (its
    ``shifts_per_play`` days, in order, in ``runs``): the figures are each
    play's, so a week counts once, whatever its length.
    """

    name: str
    about: str
    runs: tuple[ShiftResults, ...]
    shifts_per_play: int = 1

    def plays(self) -> list[tuple[ShiftResults, ...]]:
        n = self.shifts_per_play
        return [self.runs[k:k + n] for k in range(0, len(self.runs), n)]

    def figures(self, measure: Measure) -> list[float]:
        """Each play's figure (plays without it left out)."""
        return [v for play in self.plays() if (v := play_figure(play, measure)) is not None]

    def mean(self, measure: Measure) -> float | None:
        values = self.figures(measure)
        return statistics.fmean(values) if values else None

    def spread(self, measure: Measure) -> float:
        values = self.figures(measure)
        return max(values) - min(values) if values else 0.0

    def seeds_change_nothing(self) -> bool:
        """No figure moves by a whole unit (a trust point, a minute, a percent) from seed to seed."""
        return all(self.spread(m) < NEGLIGIBLE for m in MEASURES)


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    from game.commands.simulate import add_jobs_argument

    parser = subparsers.add_parser(
        "balance", help="play the whole strategy family and flag what a designer must fix",
        description="Play every strategy of the bot family (car only, walk only, leashes of 0-20 "
                    "tiles, call policies, porch camping, greeting spam) over N seeds of SCENARIO "
                    "and print the trade-off table and the flags. Progress goes to stderr.",
    )
    parser.add_argument("scenario", nargs="?", help="scenario YAML file")
    parser.add_argument("--campaign", metavar="FILE",
                        help="play the family over the campaign's week instead: each figure a "
                             "week's mean over its days (--jobs plays weeks side by side)")
    parser.add_argument("--seeds", type=int, default=10,
                        help="seeds (with --campaign: weeks) per strategy (default: 10)")
    parser.add_argument("--seed", type=arguments.seed, default=None,
                        help="first seed (default: the scenario's or the campaign's own seed)")
    parser.add_argument("--json", action="store_true",
                        help="print exactly one JSON object on stdout")
    add_jobs_argument(parser)
    parser.set_defaults(run=run)


def play_family(scenario, seeds: Sequence[int], jobs: int, progress=None) -> list[StrategyRow]:
    """Every family member over every seed, grouped by strategy in the family's order."""
    from game.bots.batch import play_many
    from game.bots.strategies import FAMILY

    plays = [(s.name, seed) for s in FAMILY for seed in seeds]
    results = play_many(scenario, plays, jobs, progress)
    n = len(seeds)
    return [StrategyRow(s.name, s.about, tuple(results[k * n:(k + 1) * n]))
            for k, s in enumerate(FAMILY)]


def _better(measure: Measure, a: float | None, b: float | None) -> bool:
    """Whether ``a`` is at least as good as ``b`` (having no figure is worst)."""
    if b is None:
        return True
    if a is None:
        return False
    return a >= b - TIE if measure.higher_is_better else a <= b + TIE


def best_score(rows: Iterable[StrategyRow]) -> float:
    """The best strategy's mean score (a strategy with none counts as 0)."""
    return max((row.mean(SCORE) or 0.0) for row in rows)


def flags(rows: Sequence[StrategyRow]) -> list[Flag]:
    from game.bots.strategies import BALANCED, NO_CALLS

    found = []
    compared = [m for m in MEASURES if any(row.mean(m) is not None for row in rows)]
    for row in rows:
        if all(_better(m, row.mean(m), other.mean(m)) for m in compared for other in rows):
            found.append(Flag(FlagKind.DOMINANT,
                              f"{row.name} is best (or tied) on every measure: the choice is solved; "
                              "give every strategy something to lose"))
    scores = [score for row in rows for score in row.figures(SCORE)]
    top = sum(score >= SCORE_MAX - TIE for score in scores)
    if top > SATURATION_SHARE * len(scores):
        found.append(Flag(FlagKind.SATURATED,
                          f"{top} of {len(scores)} runs score {SCORE_MAX:g}: the score cannot tell good "
                          f"play from great (at most {SATURATION_SHARE:.0%} should)"))
    by_name = {row.name: row for row in rows}
    ignoring, answering = by_name[NO_CALLS.name].mean(SCORE), by_name[BALANCED.name].mean(SCORE)
    if ignoring is not None and answering is not None and ignoring > answering + TIE:
        found.append(Flag(FlagKind.IGNORING_PAYS,
                          f"{NO_CALLS.name} scores {ignoring:.1f}, above {BALANCED.name}'s "
                          f"{answering:.1f}: ignoring calls must cost more than answering them"))
    if len(rows[0].plays()) > 1:
        same = [row.name for row in rows if row.seeds_change_nothing()]
        if same:
            who = "every strategy" if len(same) == len(rows) else ", ".join(same)
            found.append(Flag(FlagKind.SEEDS_IRRELEVANT,
                              f"no figure moves by {NEGLIGIBLE:g} from seed to seed for {who}: a "
                              "shift that can be memorised; let the seed draw what happens"))
    found += _walking_builds_no_trust(by_name)
    if any(r.calls_total for row in rows for r in row.runs):  # without calls, walking is right
        found += _pure_strategies_close(by_name)
        found += _leash_at_an_end(by_name)
        found += _walker_meets_emergencies(by_name)
    return found


WALKING_EARNS_LITTLE = ("walking earns too little: more residents worth walking to, concerns with "
                        "a follow_up, story objectives")
CAR_SELDOM_NEEDED = ("the car is seldom needed: priority-1 calls (which need the car unless they "
                     "say needs_car: false), needs_car on the far corners' urgent kinds, or "
                     "windows only the car meets from where walkers gather")


def _walking_builds_no_trust(by_name: dict[str, StrategyRow]) -> list[Flag]:
    """Walk-only ending with hardly more trust than car-only: the research direction the
    game teaches (time on foot builds trust) does not show on this street."""
    from game.bots.strategies import CAR, WALK

    car, walk = by_name[CAR.name].mean(TRUST), by_name[WALK.name].mean(TRUST)
    if car is None or walk is None or walk >= car + WALK_TRUST_MARGIN:
        return []
    return [Flag(FlagKind.WALKING_BUILDS_NO_TRUST,
                 f"walk ends with trust {walk:.1f}, car {car:.1f}: less than "
                 f"{WALK_TRUST_MARGIN:g} points apart; {WALKING_EARNS_LITTLE}")]


def _pure_strategies_close(by_name: dict[str, StrategyRow]) -> list[Flag]:
    """Car-only or walk-only within PURE_MARGIN of the best: one means is enough."""
    from game.bots.strategies import CAR, WALK

    best = best_score(by_name.values())
    found = []
    for name, fix in ((CAR.name, WALKING_EARNS_LITTLE), (WALK.name, CAR_SELDOM_NEEDED)):
        score = by_name[name].mean(SCORE)
        if score is not None and score > best - PURE_MARGIN:
            found.append(Flag(FlagKind.PURE_STRATEGY_CLOSE,
                              f"{name} scores {score:.1f}, within {PURE_MARGIN:g} of the best "
                              f"({best:.1f}): {fix}"))
    return found


def _leash_at_an_end(by_name: dict[str, StrategyRow]) -> list[Flag]:
    """The best distance from the car is none at all, or any: how far to stray is no judgment.
    A tie with a middle leash is no flag (on a small street several leashes play the same)."""
    from game.bots.strategies import LEASH_LADDER

    scored = [(by_name[s.name].mean(SCORE) or 0.0, s.name, leash) for s, leash in LEASH_LADDER]
    middle = max(score for score, _, _ in scored[1:-1])
    for (score, name, leash), fix in ((scored[0], WALKING_EARNS_LITTLE), (scored[-1], CAR_SELDOM_NEEDED)):
        if score > middle + TIE:
            where = "staying by the car" if leash == 0 else "never going back to the car"
            return [Flag(FlagKind.LEASH_AT_AN_END,
                         f"{name} ({where}) scores {score:.1f}, above every leash in between "
                         f"({middle:.1f}): {fix}")]
    return []


def _walker_meets_emergencies(by_name: dict[str, StrategyRow]) -> list[Flag]:
    """Where the car meets every priority-1 window, walking all shift should miss at least one a
    shift: otherwise an emergency never asks where the car is."""
    from game.bots.strategies import CAR, WALK

    car, walk = by_name[CAR.name].mean(P1_MISSED) or 0.0, by_name[WALK.name].mean(P1_MISSED) or 0.0
    if car > TIE or walk >= 1.0:
        return []
    return [Flag(FlagKind.WALKER_MEETS_EMERGENCIES,
                 f"walk misses {walk:.1f} priority-1 windows a shift, and the car none: "
                 f"{CAR_SELDOM_NEEDED}")]


def _cell(measure: Measure, value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}{measure.unit}"


def table(scenario_id: str, seeds: Sequence[int], rows: Sequence[StrategyRow],
          found: Sequence[Flag]) -> str:
    best = best_score(rows)
    name_width = max(len(row.name) for row in rows)
    labels = ["strategy", *(m.label for m in MEASURES), "spread", "to best"]
    widths = [name_width, *(max(len(label), 7) for label in labels[1:])]

    def line(cells: Sequence[str]) -> str:
        return " ".join([cells[0].ljust(widths[0])]
                        + [c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True)])

    days = rows[0].shifts_per_play
    over = "seeds" if days == 1 else f"seeds of each week's mean over its {days} days"
    lines = [f"{scenario_id} · {len(rows)} strategies × {len(seeds)} seeds "
             f"({seeds[0]}-{seeds[-1]}): means over {over}; spread: the score's range over seeds; "
             "to best: mean score against the best strategy's", line(labels)]
    for row in rows:
        lines.append(line([row.name, *(_cell(m, row.mean(m)) for m in MEASURES),
                           f"{row.spread(SCORE):.1f}", f"{(row.mean(SCORE) or 0.0) - best:.1f}"]))
    lines.append("")
    lines += [f"  {row.name:<{name_width}}  {row.about}" for row in rows]
    lines.append("")
    if found:
        lines.append(f"{len(found)} thing(s) to fix:")
        lines += [f"  ! {flag.kind.value}: {flag.text}" for flag in found]
    else:
        lines.append("Nothing to fix: no strategy wins everywhere, the score does not saturate, "
                     "ignoring calls does not pay, the seed matters, the car and the street "
                     "are both needed, and the best leash lies in between.")
    return "\n".join(lines)


def to_json(scenario_id: str, seeds: Sequence[int], rows: Sequence[StrategyRow],
            found: Sequence[Flag]) -> dict[str, Any]:
    best = best_score(rows)

    def rounded(value: float | None) -> float | None:
        return None if value is None else round(value, 2)

    return {
        "scenario": scenario_id,
        "seeds": list(seeds),
        "strategies": [
            {"name": row.name, "about": row.about,
             "mean": {m.key: rounded(row.mean(m)) for m in MEASURES},
             "score_spread": rounded(row.spread(SCORE)),
             "to_best": rounded((row.mean(SCORE) or 0.0) - best),
             "runs": [{"seed": seed, **{m.key: rounded(play_figure(play, m)) for m in MEASURES}}
                      for seed, play in zip(seeds, row.plays(), strict=True)]}
            for row in rows
        ],
        "flags": [{"kind": flag.kind.name.lower(), "text": flag.text} for flag in found],
    }


class _Progress:
    """Shifts done, on stderr: one updating line on a terminal, a line per tenth elsewhere."""

    def __init__(self, unit: str = "shifts") -> None:
        self.tty = sys.stderr.isatty()
        self.said = -1
        self.unit = unit

    def __call__(self, done: int, total: int) -> None:
        tenth = 10 * done // total
        if self.tty:
            print(f"\rbalance: {done}/{total} {self.unit}", end="" if done < total else "\n",
                  file=sys.stderr, flush=True)
        elif tenth != self.said:
            self.said = tenth
            print(f"balance: {done}/{total} {self.unit}", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    from game.commands.simulate import check_jobs
    from game.errors import UserError
    from game.scenario import load_scenario

    if args.seeds < 1:
        raise UserError(f"--seeds must be at least 1 (got {args.seeds})")
    check_jobs(args.jobs)
    if (args.campaign is None) == (args.scenario is None):
        raise UserError("give a SCENARIO file, or --campaign FILE for a week (not both)")
    if args.campaign is not None:
        from game.commands.balance_campaign import run_campaign_balance

        return run_campaign_balance(args, _Progress("weeks"))
    scenario = load_scenario(args.scenario)
    first = scenario.seed if args.seed is None else args.seed
    seeds = list(range(first, first + args.seeds))
    rows = play_family(scenario, seeds, args.jobs, _Progress())
    found = flags(rows)
    if args.json:
        print(json.dumps(to_json(scenario.id, seeds, rows, found)))
    else:
        print(table(scenario.id, seeds, rows, found))
    return 0
