"""`balance --campaign FILE [--seeds N] [--seed S] [--json] [--jobs J]`: is the week still a dilemma?

Every strategy of the bot family plays N weeks of the campaign headless
through game.campaign's runner (week k on campaign seed ``S + k``, each day
from the street the day before left, the bots sleeping every night). A week's
figure is the mean over its days, so the table and the flags are `balance`'s
own: a strategy best on every measure over a week is as solved as over a shift.
Each week's days play one after another (each needs the day before), but the
weeks are independent: ``--jobs`` plays them on that many processes.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from functools import partial
from typing import TYPE_CHECKING

from game.commands.balance import StrategyRow, flags, table, to_json

if TYPE_CHECKING:
    from game.campaign.model import Campaign
    from game.sim.results import ShiftResults


def play_family_over_weeks(campaign: Campaign, seeds: Sequence[int], jobs: int = 1,
                           progress: Callable[[int, int], None] | None = None) -> list[StrategyRow]:
    """Every family member over a week per seed, in the family's order; each row's runs are
    its weeks' days, week after week."""
    from game.bots.batch import run_pooled
    from game.bots.strategies import FAMILY

    plays = [(strategy.name, seed) for strategy in FAMILY for seed in seeds]
    weeks = run_pooled(partial(play_week, campaign), plays, jobs, progress)
    n = len(seeds)
    return [StrategyRow(strategy.name, strategy.about,
                        tuple(day for week in weeks[k * n:(k + 1) * n] for day in week),
                        len(campaign.days))
            for k, strategy in enumerate(FAMILY)]


def play_week(campaign: Campaign, play: tuple[str, int]) -> list[ShiftResults]:
    """One week of ``campaign`` played by a bot on a campaign seed: each day's results."""
    from game.campaign.runner import run_campaign

    bot, seed = play
    return [d.results for d in run_campaign(replace(campaign, seed=seed), bot)]


def run_campaign_balance(args: argparse.Namespace, progress: Callable[[int, int], None]) -> int:
    from game.campaign.loader import load_campaign
    from game.errors import UserError
    from game.scenario.limits import MAX_SEED

    campaign = load_campaign(args.campaign)
    first = campaign.seed if args.seed is None else args.seed
    if first + args.seeds - 1 > MAX_SEED:
        raise UserError(f"--seeds {args.seeds} from seed {first} would pass the largest seed, "
                        f"{MAX_SEED}; start lower or run fewer weeks")
    seeds = list(range(first, first + args.seeds))
    rows = play_family_over_weeks(campaign, seeds, args.jobs, progress)
    found = flags(rows)
    if args.json:
        figures = to_json(campaign.id, seeds, rows, found)
        del figures["scenario"]
        print(json.dumps({"campaign": campaign.id, "days": len(campaign.days), **figures}))
    else:
        print(table(campaign.id, seeds, rows, found))
    return 0
