"""`simulate --campaign FILE --bot NAME --seeds N [--json] [--save | --continue]`: bot-played weeks.

Each of the N weeks uses campaign seed ``seed + k`` (each day's seed drawn from
it). With ``--save`` every day is saved as it ends, together with the run's
next carry, so a week interrupted half way keeps the days it finished;
``--continue`` plays the rest of the latest unfinished run of that very file.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from datetime import datetime, timezone
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from game.campaign.debrief import WeekDebrief
    from game.campaign.model import Campaign
    from game.campaign.runner import DayPlayed
    from game.sessions.store import SessionStore
    from game.sim.carry import DayCarry


def play_rest(campaign: Campaign, bot: str, store: SessionStore | None, run_id: int | None,
              start: int = 0, carry: DayCarry | None = None) -> list[DayPlayed]:
    """Let ``bot`` play from day ``start``; with a store, save each day as it ends."""
    from game.campaign.runner import after_day, run_campaign
    from game.sessions import campaigns as saved

    started = datetime.now(timezone.utc)

    def keep(day: DayPlayed) -> None:
        nonlocal started
        if store is not None and run_id is not None:
            saved.save_day(store, run_id, day, after_day(campaign, day), bot=bot,
                           started_at=started)
        started = datetime.now(timezone.utc)

    return run_campaign(campaign, bot, on_day=keep, start=start, carry=carry)


def run_campaign_command(args: argparse.Namespace) -> int:
    from game.bots import BOTS
    from game.campaign.loader import load_campaign
    from game.campaign.runner import first_carry, week_of
    from game.errors import UserError
    from game.scenario.limits import MAX_SEED
    from game.sessions import SessionStore
    from game.sessions import campaigns as saved
    from game.sessions.recording import to_json

    if args.bot not in BOTS:
        raise UserError(f"unknown bot {args.bot!r} (known bots: {', '.join(BOTS)})")
    if args.seeds < 1:
        raise UserError("--seeds must be at least 1")
    if args.resume and args.save:
        raise UserError("--continue already saves each day; leave out --save")
    campaign = load_campaign(args.campaign)
    first_seed = campaign.seed if args.seed is None else args.seed
    if first_seed + args.seeds - 1 > MAX_SEED:
        raise UserError(f"--seeds {args.seeds} from seed {first_seed} would pass the largest "
                        f"seed, {MAX_SEED}; start lower or run fewer weeks")
    weeks: list[dict[str, Any]] = []
    with SessionStore.open() if (args.save or args.resume) else _no_store() as store:
        if args.resume:
            run = saved.in_progress(store, campaign)
            if run is None or run.next_carry is None:
                raise UserError(f"no unfinished run of {args.campaign} to continue (start one "
                                "with --save)")
            week = replace(campaign, seed=run.seed)
            played = play_rest(week, args.bot, store, run.id, run.days_done, run.next_carry)
            weeks.append(_figures(week, played, run.id, saved.week(store, run.id)))
        for k in range(0 if args.resume else args.seeds):
            week = replace(campaign, seed=first_seed + k)
            run_id = (saved.begin(store, week, bot=args.bot, first=first_carry(week))
                      if store is not None else None)
            played = play_rest(week, args.bot, store, run_id)
            debrief = week_of(week, played) if run_id is None else saved.week(store, run_id)
            weeks.append(_figures(week, played, run_id, debrief))
    if args.json:
        print(to_json({"campaign": campaign.id, "bot": args.bot, "runs": weeks}, "simulate",
                      compact=False))
    else:
        print(_table(campaign.id, args.bot, weeks))
    return 0


def _no_store() -> Any:
    from contextlib import nullcontext

    return nullcontext()


def _figures(week: Campaign, played: list[DayPlayed], run_id: int | None,
             debrief: WeekDebrief | None) -> dict[str, Any]:
    """One week's figures: the days played now, and the debrief of every day of the run."""
    figures: dict[str, Any] = {"seed": week.seed, "days": [d.results.summary() for d in played],
                               "week": None if debrief is None else debrief.to_dict()}
    if run_id is not None:
        figures["run_id"] = run_id
    return figures


def _table(campaign_id: str, bot: str, weeks: list[dict[str, Any]]) -> str:
    lines = [f"{campaign_id} · bot {bot}",
             f"{'seed':>6} {'trust by day':<36} {'kept':>5} {'broken':>7} {'grudges':>8} "
             f"{'score':>6}"]
    for w in weeks:
        trust = " ".join(f"{d['trust_end']:5.1f}" for d in w["week"]["days"])
        score = sum(d["score"] for d in w["week"]["days"]) / len(w["week"]["days"])
        lines.append(f"{w['seed']:>6} {trust:<36} {w['week']['promises']['kept']:>5} "
                     f"{w['week']['promises']['broken']:>7} {len(w['week']['grudges']):>8} "
                     f"{score:>6.1f}")
    return "\n".join(lines)
