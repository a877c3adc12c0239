"""`simulate --campaign FILE --bot NAME --seeds N [--json] [--save]`: bot-played weeks, headless.

Each of the N weeks uses campaign seed ``seed + k`` (each day's seed drawn from
it). With ``--save`` every day is saved as it ends, together with the run's
next carry, so a week interrupted half way keeps the days it finished.
"""

from __future__ import annotations

import argparse
from datetime import datetime, timezone
from typing import Any


def run_campaign_command(args: argparse.Namespace) -> int:
    from game.bots import BOTS
    from game.campaign.loader import load_campaign
    from game.campaign.runner import after_day, first_carry, run_campaign, week_of
    from game.errors import UserError
    from game.scenario.limits import MAX_SEED
    from game.sessions import SessionStore
    from game.sessions import campaigns as saved
    from game.sessions.recording import to_json

    if args.bot not in BOTS:
        raise UserError(f"unknown bot {args.bot!r} (known bots: {', '.join(BOTS)})")
    if args.seeds < 1:
        raise UserError("--seeds must be at least 1")
    campaign = load_campaign(args.campaign)
    first_seed = campaign.seed if args.seed is None else args.seed
    if first_seed + args.seeds - 1 > MAX_SEED:
        raise UserError(f"--seeds {args.seeds} from seed {first_seed} would pass the largest "
                        f"seed, {MAX_SEED}; start lower or run fewer weeks")
    from dataclasses import replace

    weeks: list[dict[str, Any]] = []
    store = SessionStore.open() if args.save else None
    try:
        for k in range(args.seeds):
            week = replace(campaign, seed=first_seed + k)
            run_id = (saved.begin(store, week, bot=args.bot, first=first_carry(week))
                      if store is not None else None)
            started = datetime.now(timezone.utc)

            def keep(day: Any, week: Any = week, run_id: int | None = run_id) -> None:
                nonlocal started
                if store is not None and run_id is not None:
                    saved.save_day(store, run_id, day, after_day(week, day), bot=args.bot,
                                   started_at=started)
                started = datetime.now(timezone.utc)

            played = run_campaign(week, args.bot, on_day=keep)
            figures = {"seed": week.seed, "days": [d.results.summary() for d in played],
                       "week": week_of(week, played).to_dict()}
            if run_id is not None:
                figures["run_id"] = run_id
            weeks.append(figures)
    finally:
        if store is not None:
            store.close()
    if args.json:
        print(to_json({"campaign": campaign.id, "bot": args.bot, "runs": weeks}, "simulate",
                      compact=False))
    else:
        print(_table(campaign.id, args.bot, weeks))
    return 0


def _table(campaign_id: str, bot: str, weeks: list[dict[str, Any]]) -> str:
    lines = [f"{campaign_id} · bot {bot}",
             f"{'seed':>6} {'trust by day':<36} {'kept':>5} {'broken':>7} {'grudges':>8} "
             f"{'score':>6}"]
    for w in weeks:
        trust = " ".join(f"{d['trust']:5.1f}" for d in w["days"])
        score = sum(d["score"] for d in w["days"]) / len(w["days"])
        lines.append(f"{w['seed']:>6} {trust:<36} {w['week']['promises']['kept']:>5} "
                     f"{w['week']['promises']['broken']:>7} {len(w['week']['grudges']):>8} "
                     f"{score:>6.1f}")
    return "\n".join(lines)
