"""Campaign runs in the session store: begin, save a day, continue, list, replay a day.

Saving a day is one transaction: the day's session, its row in
``campaign_days`` and the run's next carry commit together or not at all, so a
game killed mid-day or mid-save loses at most the day under way and the
campaign continues from the last finished day. Every value read back is
checked; a damaged run is reported by id and the others stay usable.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from game.campaign.days import day_scenario
from game.campaign.debrief import WeekDay, WeekDebrief, week_debrief, worry_texts
from game.campaign.loader import CampaignError, load_campaign_bytes
from game.campaign.model import Campaign
from game.campaign.runner import DayPlayed
from game.scenario import ScenarioError, load_scenario_bytes
from game.scenario.model import Scenario
from game.sessions import checks
from game.sessions.backend import Backend, Row
from game.sessions.checks import Damage
from game.sessions.recording import to_json
from game.sessions.replay import ReplayOutcome, load_recorded_scenario, replay
from game.sessions.store import Session, SessionStore, SessionStoreError
from game.sim.carry import DayCarry, ResidentCarry, resident_from_dict, resident_to_dict

_RUN_COLUMNS = ("id, campaign_id, campaign_title, campaign_hash, campaign_path, seed, trainee, bot, "
                "started_at, days_total, days_done, next_carry, finished_at")


@dataclass(frozen=True)
class CampaignRun:
    """One play-through of a campaign, as the store has it."""

    id: int
    campaign_id: str
    title: str
    campaign_hash: str
    campaign_path: str
    seed: int
    trainee: str | None
    bot: str | None
    started_at: datetime
    days_total: int
    days_done: int
    next_carry: DayCarry | None  # None once every day is played
    finished_at: datetime | None

    @property
    def in_progress(self) -> bool:
        return self.finished_at is None


@dataclass(frozen=True)
class SavedDay:
    index: int
    session_id: int
    carry: DayCarry
    ended: Mapping[str, ResidentCarry]


def begin(store: SessionStore, campaign: Campaign, *, bot: str | None = None,
          trainee: str | None = None, first: DayCarry) -> int:
    """A new run of ``campaign``, with every scenario its days play kept in the store."""
    source = str(Path(campaign.source).resolve()) if campaign.source else ""
    statements: list[tuple[str, Sequence[Any]]] = [
        ("INSERT INTO scenarios (hash, content) VALUES (?, ?) ON CONFLICT DO NOTHING",
         (s.content_hash, s.content))
        for s in campaign.scenarios.values() if s.content]
    statements.append((
        "INSERT INTO campaign_runs (campaign_id, campaign_title, campaign_hash, campaign_content, "
        "campaign_path, scenario_hashes, seed, trainee, bot, started_at, days_total, days_done, "
        "next_carry, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, NULL) "
        "RETURNING id",
        (campaign.id, campaign.title, campaign.content_hash, campaign.content, source,
         to_json({name: s.content_hash for name, s in campaign.scenarios.items()}), campaign.seed,
         trainee, bot, datetime.now(timezone.utc).isoformat(), len(campaign.days),
         to_json(first.to_dict()))))
    return int(store.write(statements)[0]["id"])


def save_day(store: SessionStore, run: int, played: DayPlayed, following: DayCarry | None, *,
             bot: str | None = None, trainee: str | None = None,
             started_at: datetime | None = None) -> int:
    """Save a finished day as a session and move the run on to the next day, atomically."""
    ended = to_json({rid: resident_to_dict(r) for rid, r in sorted(played.left.items())})
    carry = to_json(played.carry.to_dict())

    def along(backend: Backend, session_id: int) -> None:
        backend.run("INSERT INTO campaign_days (run_id, day_index, session_id, carry, ended) "
                    "VALUES (?, ?, ?, ?, ?)", (run, played.index, session_id, carry, ended))
        backend.run("UPDATE campaign_runs SET days_done = ?, next_carry = ?, finished_at = ? "
                    "WHERE id = ?",
                    (played.index + 1, "" if following is None else to_json(following.to_dict()),
                     None if following is not None else datetime.now(timezone.utc).isoformat(),
                     run))

    return store.save(played.sim, bot=bot, trainee=trainee, started_at=started_at,
                      settings={"command": "campaign", "campaign_run": run,
                                "campaign_day": played.index}, along=along)


def set_next_carry(store: SessionStore, run: int, carry: DayCarry) -> None:
    """The next day's carry changed after the day was saved (the evening off duty)."""
    store.write([("UPDATE campaign_runs SET next_carry = ? WHERE id = ?",
                  (to_json(carry.to_dict()), run))])


def runs(store: SessionStore, damaged: list[str] | None = None) -> list[CampaignRun]:
    """Every run, oldest first; a damaged one goes to ``damaged`` (or raises) by id."""
    out = []
    for row in store.read(f"SELECT {_RUN_COLUMNS} FROM campaign_runs ORDER BY id"):
        try:
            out.append(_run(row))
        except Damage as exc:
            error = SessionStoreError(f"campaign run {row['id']} in {store.where} is damaged: {exc}")
            if damaged is None:
                raise error from exc
            damaged.append(str(error))
    return out


def in_progress(store: SessionStore, campaign: Campaign) -> CampaignRun | None:
    """The latest unfinished run of this very campaign file (same bytes), if any."""
    found = [r for r in runs(store) if r.in_progress and r.campaign_hash == campaign.content_hash]
    return found[-1] if found else None


def latest_in_progress(store: SessionStore) -> CampaignRun | None:
    """The most recent unfinished run of any campaign (the title screen's "Continue the week")."""
    found = [r for r in runs(store) if r.in_progress]
    return found[-1] if found else None


def days(store: SessionStore, run: int) -> list[SavedDay]:
    out = []
    for row in store.read("SELECT day_index, session_id, carry, ended FROM campaign_days "
                          "WHERE run_id = ? ORDER BY day_index", (run,)):
        try:
            carry = DayCarry.from_dict(checks.mapping(checks.json_value(row["carry"], "carry"),
                                                      "carry"))
            ended = {str(k): resident_from_dict(v) for k, v in checks.mapping(
                checks.json_value(row["ended"], "ended"), "ended").items()}
        except (Damage, KeyError, TypeError, ValueError) as exc:
            raise SessionStoreError(f"campaign run {run} day {row['day_index']} in {store.where} "
                                    f"is damaged: {exc}") from exc
        out.append(SavedDay(checks.integer(row["day_index"], "day_index", 0),
                            checks.integer(row["session_id"], "session_id", 1), carry, ended))
    return out


def stored_campaign(store: SessionStore, run: int) -> Campaign:
    """The run's campaign from the bytes the store keeps, and its scenarios from the store's
    copies: no path read from the database is opened."""
    rows = store.read("SELECT campaign_content, campaign_path, scenario_hashes FROM campaign_runs "
                      "WHERE id = ?", (run,))
    if not rows:
        raise SessionStoreError(f"there is no campaign run {run} in {store.where}")
    row = rows[0]
    try:
        content = row["campaign_content"]
        if not isinstance(content, bytes):
            raise Damage("campaign_content is not the file's bytes")
        hashes = checks.mapping(checks.json_value(row["scenario_hashes"], "scenario_hashes"),
                                "scenario_hashes")
        path = checks.text(row["campaign_path"], "campaign_path")
    except Damage as exc:
        raise SessionStoreError(f"campaign run {run} in {store.where} is damaged: {exc}") from exc

    def find(name: str) -> Scenario | None:
        digest = hashes.get(name)
        found = store.read("SELECT content FROM scenarios WHERE hash = ?", (str(digest),))
        data = found[0]["content"] if found else None
        if not isinstance(data, bytes) or hashlib.sha256(data).hexdigest() != digest:
            return None
        return load_scenario_bytes(data, f"{name}.yaml (as saved with campaign run {run})")

    try:
        return load_campaign_bytes(content, f"{path or 'campaign'} (as saved with campaign run "
                                            f"{run})", find)
    except (CampaignError, ScenarioError) as exc:
        raise SessionStoreError(f"campaign run {run} no longer passes this version's checks:\n"
                                f"{exc}") from None


def day_of(store: SessionStore, session_id: int) -> tuple[int, int] | None:
    """(run, day index) when the session is a campaign's day, else None."""
    rows = store.read("SELECT run_id, day_index FROM campaign_days WHERE session_id = ?",
                      (session_id,))
    if not rows:
        return None
    return (checks.integer(rows[0]["run_id"], "run_id", 1),
            checks.integer(rows[0]["day_index"], "day_index", 0))


@dataclass(frozen=True)
class DayStart:
    """What a saved day started from: its session, the day's scenario and the carried street."""

    session_id: int
    scenario: Scenario  # the day's scenario: its title, events and the worries come back as calls
    carry: DayCarry


def day_start(store: SessionStore, run: int, index: int) -> DayStart:
    saved = next((d for d in days(store, run) if d.index == index), None)
    if saved is None:
        raise SessionStoreError(f"campaign run {run} has no finished day {index + 1}")
    campaign = stored_campaign(store, run)
    return DayStart(saved.session_id, day_scenario(campaign, index, saved.carry), saved.carry)


def session_start(store: SessionStore, session: Session) -> tuple[Scenario, DayCarry | None]:
    """The scenario and carry ``session`` started from: a campaign day's from its run (the
    street the day before left), any other session's from its own stored scenario and none."""
    campaign_day = day_of(store, session.summary.id)
    if campaign_day is None:
        return load_recorded_scenario(session), None
    start = day_start(store, *campaign_day)
    return start.scenario, start.carry


def replay_day(store: SessionStore, run: int, index: int) -> ReplayOutcome:
    """Re-run one saved day from the carry it started with and compare it with its recording."""
    start = day_start(store, run, index)
    return replay(store.get(start.session_id), start.scenario, start.carry)


def _run(row: Row) -> CampaignRun:
    raw = row["next_carry"]
    if not isinstance(raw, str):
        raise Damage("next_carry is not text")
    try:
        carry = DayCarry.from_dict(json.loads(raw)) if raw else None
    except (KeyError, TypeError, ValueError) as exc:
        raise Damage(f"next_carry cannot be read: {exc}") from exc
    finished = row["finished_at"]
    return CampaignRun(
        id=checks.integer(row["id"], "id", 1),
        campaign_id=checks.text(row["campaign_id"], "campaign_id"),
        title=checks.text(row["campaign_title"], "campaign_title"),
        campaign_hash=checks.text(row["campaign_hash"], "campaign_hash"),
        campaign_path=checks.text(row["campaign_path"], "campaign_path"),
        seed=checks.integer(row["seed"], "seed"),
        trainee=checks.optional_text(row["trainee"], "trainee"),
        bot=checks.optional_text(row["bot"], "bot"),
        started_at=checks.moment(row["started_at"], "started_at"),
        days_total=checks.integer(row["days_total"], "days_total", 1),
        days_done=checks.integer(row["days_done"], "days_done", 0),
        next_carry=carry,
        finished_at=None if finished is None else checks.moment(finished, "finished_at"),
    )


def week(store: SessionStore, run: int) -> WeekDebrief | None:
    """The debrief of a run's finished days (None before the first day is saved)."""
    saved = days(store, run)
    if not saved:
        return None
    campaign = stored_campaign(store, run)
    out = []
    for d in saved:
        session = store.get(d.session_id)
        results = session.recording.results
        day = campaign.days[d.index]
        out.append(WeekDay(day.title, campaign.weekday(d.index), day.day, d.carry, d.ended,
                           float(results["trust_start"]), session.summary.trust,
                           session.summary.score, d.session_id))
    first = campaign.scenarios[campaign.days[0].scenario]
    return week_debrief(out, {r.id: r.name for s in campaign.scenarios.values()
                              for r in s.residents},
                        {r.id: r.trust for r in first.residents},
                        worry_texts(campaign.scenarios.values()))
