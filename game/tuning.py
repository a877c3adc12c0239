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
# Calls this urgent or more (priority 1) need the patrol car on scene unless the scenario says
# ``needs_car: false``: an emergency is answered with lights and siren, the trauma kit and
# defibrillator are in the trunk, and someone may have to be driven. Foot-beat officers are
# tethered to their car for the emergencies dispatch gives them; this is what makes how far
# to walk from it a judgment (a rule of the world, not a tunable rate).
CAR_CALL_PRIORITY = 1


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

    # --- trust model (docs/trust-model.md) -------------------------------------
    # A good contact moves trust by gain · q · receptiveness(openness, familiarity),
    # a bad one by gain · asymmetry · q: receptiveness is 1 at the reference first
    # contact (openness 0.5, a stranger), so there a bad contact weighs `asymmetry`
    # times a good one, more with closed strangers and less with open friends.
    gain: float = 2.0  # trust points per unit of quality in a good reference contact
    # Skogan (2006), "Asymmetry in the impact of encounters with police" (Policing &
    # Society 16:2): bad contacts weigh about 4 to 14 times more than good ones. 8 sits
    # mid-band; receptiveness keeps every openness and familiarity within 2-20x.
    asymmetry: float = 8.0
    openness_weight: float = 1.0  # receptiveness ∝ (openness_weight + openness): a closed person still hears
    openness_floor: float = 0.6  # receptiveness ∝ (openness_floor + familiarity): a stranger still counts
    # Mazerolle et al. (2013, 2015): a procedurally just contact does its good in the first
    # minutes; longer talk adds little. A talk's effect is (1 - exp(-minutes / this)) of its
    # whole, so 2 minutes give 86% of it and a conversation cut short gives only what was spent.
    talk_saturation_minutes: float = 1.0
    spread: float = 0.35  # share of a trust change that reaches a resident's ties
    word_of_mouth_half_life: float = 30.0  # game minutes for half the news to travel
    # Trust drifts back toward each resident's usual view by calendar time, not by shifts
    # (a short shift must not forget faster than a long one). Peyton, Sierra-Arevalo & Rand
    # (2019, PNAS 116:19894): one non-enforcement door-to-door visit still raised attitudes
    # 21 days later, so half of a gain is left after this many days (>= 40% at day 21).
    decay_half_life_days: float = 21.0
    # Skogan (2006): the bad weighs more and lasts longer. Trust below a resident's usual view
    # returns to it with this half-life in days instead.
    loss_half_life_days: float = 42.0
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

    # --- when routine talk goes wrong --------------------------------------------
    # Pressing a wary stranger (their worries before a hello, their life story before they
    # know you, a long porch sit, a hello from the cruiser) can backfire. Chance =
    # backfire_chance × how far short of the familiarity the topic needs × wariness, where
    # wariness = (backfire_trust_from - trust) / backfire_trust_span, clipped to 0..1.
    backfire_chance: float = 0.6
    backfire_trust_from: float = 70.0  # trust points: above this nobody takes offence
    backfire_trust_span: float = 50.0  # trust points below that over which wariness grows to 1
    backfire_quality: float = -0.3  # the contact when it backfires
    listen_familiarity: float = 0.03  # asking about worries is welcome after a hello
    porch_familiarity: float = 0.12  # a long porch sit needs some acquaintance
    # A cruiser slowing at the porch can feel like being watched (Wilson & Kelling 1982).
    car_window_familiarity: float = 0.05
    # After a bad contact a resident turns away for a while (Skogan 2006: one bad contact
    # outweighs many good ones). Contacts of this quality or worse start it.
    refusal_quality: float = -0.25
    refusal_minutes: float = 60.0  # game minutes they will not talk to you

    # --- follow-through -----------------------------------------------------------
    # Blair et al. (2021, Science 374:eabd3446): community policing without follow-up raised
    # no trust across six countries. A worry heard and not reported back on within this many
    # game minutes takes back unkept_concern_share of the trust the listening brought.
    follow_up_deadline_minutes: float = 150.0
    unkept_concern_share: float = 1.0

    # --- social media --------------------------------------------------------
    post_without_consent_quality: float = -0.3
    consent_quality: float = 0.2
    post_quality: float = 0.3  # a consented post shows the department cares about them
    post_decision_minutes: float = 1.0  # game minutes each step of the social-media moment takes
    approval_minutes: float = 20.0  # how long the media office takes to answer

    # --- calls for service ----------------------------------------------------
    call_in_time_quality: float = 0.6  # caller's view of a prompt response
    # What never arriving costs the caller (× asymmetry); a late arrival costs this times
    # (1 - its lateness credit), so late always beats never.
    call_missed_quality: float = -0.35
    late_priority_scale: float = 0.5  # lateness hurts lower priorities this much less per level
    cleared_after_minutes: float = 45.0  # game minutes past the window before another unit takes it
    # Lateness credit: 1 in time; late_credit × exp(-minutes late / m) when late (partial,
    # never 0); 0 for never. Scales the response score, the safety a late arrival brings and
    # (as 1 - credit) what lateness costs the caller. m is late_credit_minutes for a
    # priority-1 call and late_credit_slowdown times longer per level down: minutes matter
    # most where something is happening now (Spelman & Brown 1981: on-scene arrests for
    # in-progress crimes fall off within minutes, while for discovered ones response time
    # hardly matters; Blanes i Vidal & Kirchmaier 2018, Rev Econ Stud 85:855: slower
    # responses clear fewer crimes).
    late_credit: float = 0.6
    late_credit_minutes: float = 5.0  # priority 1
    late_credit_slowdown: float = 3.0  # × per priority level down (15 min for 2, 45 for 3)

    # --- trust co-produces safety ------------------------------------------------
    # Community policing works through cooperation (Gill et al. 2014, J Exp Criminol 10:399;
    # Weisburd et al. 2022, PNAS 119:e2118780119; Tyler & Fagan 2008: legitimacy → reporting).
    # Whether a resident reports a problem, or helps at a call: a logistic in their trust
    # (plus familiarity_help_points × familiarity when helping), centred on *_trust_mid.
    # Witnesses do not wait (Spelman & Brown 1981, "Calling the Police": on-scene results fall
    # off with response time): the chance of help is × exp(-response minutes / this).
    report_trust_mid: float = 45.0  # trust points: an even chance of calling it in
    help_trust_mid: float = 50.0  # trust points: an even chance of helping on scene
    cooperation_spread: float = 8.0  # trust points: the logistic's scale (smaller = sharper)
    familiarity_help_points: float = 40.0  # knowing the officer counts as this much trust, at f = 1
    witness_patience_minutes: float = 3.0
    witness_radius: float = 5.0  # tiles: who is near enough to a call's place to see or help
    scene_minutes_helped: float = 2.0  # on scene when people help
    scene_minutes_alone: float = 6.0  # on scene when nobody saw anything
    safety_start: float = 50.0  # perceived safety, 0..100
    safety_resolved: float = 4.0  # a call sorted out in time (scaled by lateness credit)
    safety_unresolved: float = -2.0  # came, but nobody saw anything
    safety_missed: float = -8.0  # never came (cleared, escalated or still waiting at the end)
    safety_unreported: float = -2.0  # a problem nobody called in still makes the street less safe
    # Pate (1981), "The Newark Foot Patrol Experiment" (Police Foundation): where foot patrol
    # was kept, residents feared crime less and felt safer, though recorded crime did not fall.
    # Safety points the street gains when every resident has seen the officer about for long
    # (each resident's share: 1 - exp(-minutes seen / reassurance_minutes); through a
    # windshield a minute counts car_window_factor of one).
    foot_patrol_safety: float = 6.0
    reassurance_minutes: float = 15.0  # game minutes seen for 63% of a resident's share

    # --- the score (0..100): weights of its components --------------------------------
    score_trust: float = 3.0  # influence-weighted trust gained
    score_response: float = 3.0  # response to every call, by priority
    score_resolved: float = 1.5  # calls resolved
    score_safety: float = 1.5  # perceived safety gained
    score_policy: float = 1.0  # no policy breaches
    score_follow_through: float = 1.0  # the street's worries the officer heard and reported back on
    score_objectives: float = 2.0  # the scenario's own named goals, with partial credit
    score_trust_scale: float = 8.0  # trust points of gain that earn about 73% of the trust part
    score_safety_scale: float = 8.0  # safety points of gain that earn about 73% of the safety part
    score_breach_share: float = 0.5  # each breach keeps this share of the policy part
    score_priority_weight: float = 2.0  # a call counts this much more per priority level up

    # --- a week on the beat: what carries from one day to the next (docs/campaigns.md) ----
    # Skogan (2006): one bad contact outweighs many good ones. After a contact bad enough to
    # make them turn away, a resident refuses to talk for this many calendar days ...
    grudge_days: float = 3.0
    # ... and each morning of the grudge tells their ties again: each tie loses this many trust
    # points times the tie's weight.
    grudge_retell_points: float = 1.0
    # A worry still unanswered when the shift ends may be answered within this many calendar
    # days; after that it is a broken promise.
    promise_days: float = 1.0
    # Blair et al. (2021): follow-through is what builds trust. A broken promise costs a contact
    # of this quality the next morning, on top of taking back what the listening brought, so
    # breaking it costs more than keeping it pays.
    broken_promise_quality: float = -0.25
    # A worry nobody answered gets worse: this many calendar days after it was heard it comes
    # back as a call for service, once, at returning_call_minute of that day's shift.
    concern_worsens_days: float = 2.0
    returning_call_minute: float = 60.0  # game minutes after the shift starts
    returning_call_window_minutes: float = 15.0
    # Anderson (2001), "Heat and violence" (Current Directions in Psychological Science 10:33):
    # tempers shorten in hot weather. On a day of `weather: heat` pressing someone backfires
    # this many times as often (capped at certain).
    heat_backfire_factor: float = 1.5
    # Vila (2006), "Impact of long work hours on police officers and the communities they
    # serve" (Am J Ind Med 49:972): tired officers are less patient and make more mistakes.
    # Each hour of sleep an off-duty evening costs raises tomorrow's backfire chance by this share.
    tired_backfire_factor: float = 0.15


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
    # Receptiveness divides by these: near 0 a good contact would be worth without limit.
    "openness_floor": (0.05, 1.0, None), "openness_weight": (0.05, 10.0, None),
    "cooperation_spread": (0.5, 50.0, None),  # trust points: sharper than a coin flip per half point
    "spread": _SHARE, "repeat_damping": _SHARE,
    "car_window_factor": _SHARE, "car_talk_factor": _SHARE, "rushed_factor": _SHARE,
    "late_priority_scale": _SHARE,
    "talk_saturation_minutes": (0.05, 60.0, None),
    "backfire_chance": _SHARE, "unkept_concern_share": (0.0, 2.0, None), "late_credit": _SHARE,
    "late_credit_slowdown": (1.0, 10.0, None),
    "listen_familiarity": _SHARE, "porch_familiarity": _SHARE, "car_window_familiarity": _SHARE,
    "backfire_trust_from": (0.0, 100.0, None), "report_trust_mid": (0.0, 100.0, None),
    "help_trust_mid": (0.0, 100.0, None), "familiarity_help_points": (0.0, 100.0, None),
    "safety_resolved": (-100.0, 100.0, None), "safety_unresolved": (-100.0, 100.0, None),
    "safety_missed": (-100.0, 100.0, None), "safety_unreported": (-100.0, 100.0, None),
    "score_breach_share": _SHARE,
    "grudge_retell_points": (0.0, 100.0, None), "grudge_days": (0.0, 60.0, None),
    "promise_days": (0.0, 60.0, None), "concern_worsens_days": (0.0, 60.0, None),
    "score_priority_weight": (1.0, 10.0, None),
    "resident_speed_spread": (0.0, 0.9, None),  # 1 or more would stop or reverse a walker
    "standing_apart": (0.0, 0.49, None),  # stay within the tile of the place they stand at
    "car_talk_reach": (0.0, 10.0, None),
    "safety_start": (0.0, 100.0, None), "foot_patrol_safety": (0.0, 100.0, None),
    "reassurance_minutes": (0.05, 1000.0, None),  # a share divides minutes seen by it
})
TUNING_LIMITS.update({name: _QUALITY for name in TUNING_NAMES if name.endswith("_quality")})


def tuning_with(overrides: Mapping[str, float]) -> Tuning:
    """Defaults with a scenario's validated ``tuning:`` overrides applied."""
    return replace(Tuning(), **{k: float(v) for k, v in overrides.items()})
