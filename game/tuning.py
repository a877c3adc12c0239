"""Every constant of the trust model and the world, in one documented place.

A scenario's ``tuning:`` block overrides any of these by name (the validator
rejects unknown names with a did-you-mean). Units are in the comments; game
time is measured in minutes, distance in map tiles (one tile is about one house
lot, ~10 m). Where a default comes from research, the comment says so; the rest
are balance choices checked by the bot tests in tests/integration/test_balance.py.
docs/trust-model.md writes out every equation these constants enter.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace

# --- units and bands (not tunable: they define the scales themselves) -----------
METRES_PER_TILE = 10  # metres: one map tile is about one house lot
MINUTES_PER_DAY = 24 * 60  # the shift clock wraps at midnight
# Trust bands (0..100): below WARY_FROM a resident distrusts the police, from TRUSTING_FROM
# they trust them. One place for the HUD words, the ring shapes and the colours.
WARY_FROM = 35.0
TRUSTING_FROM = 65.0


@dataclass(frozen=True)
class Tuning:
    # --- time and movement -------------------------------------------------
    tick_minutes: float = 0.25  # game minutes per fixed simulation step
    walk_speed: float = 4.5  # tiles per game minute (~0.75 m/s foot-patrol amble on ~10 m tiles)
    car_speed: float = 30.0  # tiles per game minute (~30 km/h residential street)
    resident_speed: float = 4.0  # tiles per game minute (strolling)
    door_minutes: float = 0.5  # getting in or out of the patrol car
    arrival_radius: float = 2.5  # tiles: how close to a call's place counts as "arrived"
    # tiles: stopped this close to the nearest tile the car (or feet) can reach counts as arrived
    arrival_slack: float = 0.5
    talk_radius: float = 1.6  # tiles: how close the officer must be to talk
    car_talk_reach: float = 1.0  # tiles added to talk_radius from the stopped car (the kerb)
    car_reach: float = 1.5  # tiles: how close to the car the officer must be to get in
    resident_speed_spread: float = 0.2  # each resident walks at resident_speed × (1 ± this), uniform
    standing_apart: float = 0.28  # tiles: people sharing a porch or a park stand up to this far apart

    # --- trust model (DESIGN.md "Trust model") -----------------------------
    gain: float = 10.0  # trust points per unit of contact quality
    # Skogan (2006), "Asymmetry in the impact of encounters with police": bad
    # contacts weigh about 4 to 14 times more than good ones. We use the low end.
    asymmetry: float = 4.0
    openness_floor: float = 0.5  # the (0.5 + f) term: a stranger still counts half
    spread: float = 0.35  # share of a trust change that reaches a resident's ties
    word_of_mouth_half_life: float = 30.0  # game minutes for half the news to travel
    decay_half_life_shifts: float = 12.0  # trust returns halfway to baseline in this many shifts
    repeat_damping: float = 0.5  # each repeat of the same talk with the same person counts this much less

    # --- familiarity ---------------------------------------------------------
    familiarity_per_talk_minute: float = 0.03  # per game minute in conversation
    presence_radius: float = 3.0  # tiles: "walking past" distance
    presence_per_minute: float = 0.004  # familiarity per game minute nearby on foot
    # Through a windshield people learn little about you (Wilson & Kelling 1982,
    # "Broken Windows": the patrol car isolates officers from residents).
    car_window_factor: float = 0.1

    # --- built-in conversation actions: quality (-1..1) and game minutes --------
    greet_quality: float = 0.2
    greet_minutes: float = 1.0
    listen_quality: float = 0.5
    listen_minutes: float = 4.0
    story_quality: float = 0.4
    story_minutes: float = 4.0
    follow_up_quality: float = 0.8  # coming back about what worried them matters most
    follow_up_minutes: float = 3.0
    porch_quality: float = 0.5
    porch_minutes: float = 10.0
    play_quality: float = 0.6
    play_minutes: float = 10.0
    choice_minutes: float = 2.0  # one line of a scripted encounter
    car_talk_factor: float = 0.5  # quality multiplier for talking through the car window
    rushed_factor: float = 0.5  # quality multiplier while a priority-1 call waits

    # --- social media --------------------------------------------------------
    post_without_consent_quality: float = -0.3
    consent_quality: float = 0.2
    post_quality: float = 0.3  # a consented post shows the department cares about them
    post_decision_minutes: float = 1.0  # game minutes each step of the social-media moment takes
    approval_minutes: float = 20.0  # how long the media office takes to answer

    # --- calls for service ----------------------------------------------------
    call_in_time_quality: float = 0.6  # caller's view of a prompt response
    call_late_quality: float = -0.4  # caller's view of a late priority-1 response (x asymmetry)
    late_priority_scale: float = 0.5  # lateness hurts lower priorities this much less per level
    cleared_after_minutes: float = 45.0  # game minutes past the window before another unit takes it
    safety_start: float = 50.0  # perceived safety, 0..100
    safety_in_time: float = 4.0
    safety_late: float = -8.0


TUNING_NAMES: tuple[str, ...] = tuple(f.name for f in fields(Tuning))

# Valid range of each constant as (minimum, maximum, exclusive_minimum); None = unbounded.
# A zero time step or half-life would divide by zero, a negative speed would walk backwards;
# past 1000 (tiles, minutes, points per contact) a value means nothing in a shift and only
# risks overflow, so every positive constant stops there.
_POSITIVE = (None, 1000.0, 0.0)
_SHARE = (0.0, 1.0, None)
_QUALITY = (-1.0, 1.0, None)
TUNING_LIMITS: dict[str, tuple[float | None, float | None, float | None]] = {
    name: _POSITIVE for name in TUNING_NAMES
}
TUNING_LIMITS.update({
    "tick_minutes": (0.01, 5.0, None),  # under 0.01 a shift would take millions of steps
    "openness_floor": _SHARE, "spread": _SHARE, "repeat_damping": _SHARE,
    "car_window_factor": _SHARE, "car_talk_factor": _SHARE, "rushed_factor": _SHARE,
    "late_priority_scale": _SHARE,
    "resident_speed_spread": (0.0, 0.9, None),  # 1 or more would stop or reverse a walker
    "standing_apart": (0.0, 0.49, None),  # stay within the tile of the place they stand at
    "car_talk_reach": (0.0, 10.0, None),
    "safety_start": (0.0, 100.0, None),
    "safety_in_time": (-100.0, 100.0, None), "safety_late": (-100.0, 100.0, None),
})
TUNING_LIMITS.update({name: _QUALITY for name in TUNING_NAMES if name.endswith("_quality")})


def tuning_with(overrides: Mapping[str, float]) -> Tuning:
    """Defaults with a scenario's validated ``tuning:`` overrides applied."""
    return replace(Tuning(), **{k: float(v) for k, v in overrides.items()})
