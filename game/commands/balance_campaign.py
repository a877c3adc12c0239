"""`balance --campaign FILE [--seeds N] [--seed S] [--json]`: is the week still a dilemma?

Every strategy of the bot family plays N weeks of the campaign headless
through game.campaign's runner (week k on campaign seed ``S + k``, each day
from the street the day before left, the bots sleeping every night). A week's
figure is the mean over its days, so the table and the flags are `balance`'s
own: a strategy best on every measure over a week is as solved as over a shift.
The weeks play one after another in this process (each day needs the day
before), so ``--jobs`` is for a scenario only.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from game.commands.balance import StrategyRow, flags, table, to_json

if TYPE_CHECKING:
    from game.campaign.model import Campaign


def play_family_over_weeks(campaign: Campaign, seeds: Sequence[int],
                           progress: Callable[[int, int], None] | None = None) -> list[StrategyRow]:
    """Every family member over a week per seed, in the family's order; each row's runs are
    its weeks' days, week after week."""
    from game.bots.strategies import FAMILY
    from game.campaign.runner import run_campaign

    rows = []
    total, done = len(FAMILY) * len(seeds), 0
    for strategy in FAMILY:
        days = []
        for seed in seeds:
            days += [d.results for d in run_campaign(replace(campaign, seed=seed), strategy.name)]
            done += 1
            if progress is not None:
                progress(done, total)
        rows.append(StrategyRow(strategy.name, strategy.about, tuple(days), len(campaign.days)))
    return rows


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
    rows = play_family_over_weeks(campaign, seeds, progress)
    found = flags(rows)
    if args.json:
        figures = to_json(campaign.id, seeds, rows, found)
        del figures["scenario"]
        print(json.dumps({"campaign": campaign.id, "days": len(campaign.days), **figures}))
    else:
        print(table(campaign.id, seeds, rows, found))
    return 0
