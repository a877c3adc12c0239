"""What the nights between two days change: memory with consequences.

Pure functions of the street as one day left it and the calendar:
- trust drifts back toward each resident's usual view over the calendar days
  that pass (gains at ``decay_half_life_days``, losses at ``loss_half_life_days``);
- a worry still unanswered past ``promise_days`` is a broken promise: the next
  morning it takes back what the listening brought and costs a contact of
  ``broken_promise_quality`` besides; a promise broken during the shift costs
  the morning contact too;
- a worry nobody answered for ``concern_worsens_days`` comes back as a call;
- a grudge keeps the resident from talking to the officer until it runs out,
  and each morning of it their ties hear about it again.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

import numpy as np

from game.campaign.evening import MET_RESIDENTS, Audience, EveningChoice, option, rest_missed
from game.scenario.model import Resident, Scenario
from game.sim.carry import (
    ConcernCarry,
    ConcernStatus,
    DayCarry,
    MorningChange,
    MorningKind,
    ResidentCarry,
)
from game.sim.trust import TRUST_MAX, TRUST_MIN, drift_share
from game.tuning import Tuning, tuning_with


def next_day(left: Mapping[str, ResidentCarry], before: DayCarry, scenario: Scenario,
             calendar_day: int, minutes_since: float, moves_in: tuple[str, ...] = (),
             evening: tuple[EveningChoice, ...] = (), flags: tuple[str, ...] = ()) -> DayCarry:
    """The carry for the day ``calendar_day``, played on ``scenario``.

    ``left``: the residents as the last shift ended; ``before``: that shift's own
    carry (to tell a promise broken today from one broken earlier);
    ``minutes_since``: calendar minutes from the end of that shift to the start
    of this one. Residents who ``moves_in`` today start as strangers; ``evening``:
    what the officer did off duty after that shift (game.campaign.evening); ``flags``:
    the scenario flags set by the end of that shift, which stay set.
    """
    t = tuning_with(scenario.tuning)
    residents: dict[str, ResidentCarry] = {}
    morning: list[MorningChange] = []
    returning: list[tuple[str, str]] = []
    for r in scenario.residents:
        rc = left.get(r.id)
        if rc is None or r.id in moves_in:
            continue
        earlier = before.residents.get(r.id)
        was_broken = {c.id for c in earlier.concerns if c.status is ConcernStatus.BROKEN} \
            if earlier is not None else set()
        concerns = []
        for c in rc.concerns:
            c, news = _judge(c, r, t, calendar_day, was_broken)
            morning += news
            if not c.returned and c.status is not ConcernStatus.FOLLOWED_UP and \
                    calendar_day - c.heard_on >= t.concern_worsens_days:
                c = replace(c, returned=True)
                returning.append((r.id, c.id))
            concerns.append(c)
        trust = _drift(rc.trust, r.trust, minutes_since, t)
        residents[r.id] = replace(rc, trust=trust, concerns=tuple(concerns))
    morning += _grudges_retold(residents, scenario, calendar_day, t)
    morning += _evening_news(evening, residents, scenario, t)
    breaches = tuple((o.policy, f"{o.label.lower()} ({o.consequence.rstrip('.')})")
                     for o in map(option, evening) if o.policy)
    return DayCarry(calendar_day, residents, tuple(morning), tuple(returning),
                    tuple(c.value for c in evening), breaches, rest_missed(evening), flags)


def _evening_news(evening: tuple[EveningChoice, ...], residents: Mapping[str, ResidentCarry],
                  scenario: Scenario, t: Tuning) -> list[MorningChange]:
    """Who heard of last night: the residents the officer knows best (a post, a visit), or
    the whole street by word of mouth (``spread`` of a contact)."""
    out = []
    known = sorted(residents, key=lambda rid: (-residents[rid].familiarity, rid))
    for o in map(option, evening):
        if o.audience is Audience.NOBODY or o.quality == 0:
            continue
        who = known[:MET_RESIDENTS] if o.audience is Audience.MET else known
        points = t.gain * o.quality * (1.0 if o.quality >= 0 else t.asymmetry)
        if o.audience is Audience.STREET:
            points *= t.spread
        out += [MorningChange(MorningKind.OFF_DUTY, rid, o.choice.value, points, o.consequence)
                for rid in who]
    return out


def _judge(c: ConcernCarry, r: Resident, t: Tuning, calendar_day: int,
           was_broken: set[str]) -> tuple[ConcernCarry, list[MorningChange]]:
    """A worry's promise at the start of ``calendar_day``, and what breaking it costs now."""
    cost = t.gain * t.asymmetry * t.broken_promise_quality  # a contact: negative quality
    text = next((x.text for x in r.concerns if x.id == c.id), "what they told you")
    if c.status.pending and calendar_day > c.heard_on + t.promise_days:
        # Broken overnight: what the listening brought goes too.
        points = cost - c.gain * t.unkept_concern_share
    elif c.status is ConcernStatus.BROKEN and c.id not in was_broken:
        points = cost  # broken during the shift: the listening was taken back then
    else:
        return c, []
    news = MorningChange(MorningKind.BROKEN_PROMISE, r.id, c.id, points,
                         f"{r.name} waited for you to come back about: {text}")
    return replace(c, status=ConcernStatus.BROKEN), [news]


def _drift(trust: float, usual: float, minutes: float, t: Tuning) -> float:
    share = float(drift_share(np.array(trust >= usual), max(0.0, minutes), t))
    return min(TRUST_MAX, max(TRUST_MIN, trust + (usual - trust) * share))


def _grudges_retold(residents: Mapping[str, ResidentCarry], scenario: Scenario,
                    calendar_day: int, t: Tuning) -> list[MorningChange]:
    names = {r.id: r.name for r in scenario.residents}
    out = []
    for tie in scenario.ties:
        for teller, listener in ((tie.a, tie.b), (tie.b, tie.a)):
            rc = residents.get(teller)
            if rc is None or not rc.grudging(calendar_day):
                continue
            out.append(MorningChange(
                MorningKind.GRUDGE_RETOLD, listener, teller, -t.grudge_retell_points * tie.weight,
                f"{names[teller]} is still telling people how you treated them"))
    return out
