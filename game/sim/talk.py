"""Talking with people: the built-in conversations, the kids' game, scripted encounters.

``talk_options`` is the one statement of what can be said to whom right now;
the UI builds its menu from it, the bots choose from it and ``talk`` enforces
it. Every handler checks first and changes nothing when it refuses.

A talk is a judgment, not a button:
- its good is done in the first minutes (Mazerolle et al.): a conversation
  settles when it ends, worth ``1 - exp(-minutes / talk_saturation_minutes)``
  of its quality for the minutes actually spent, so one cut short for the
  radio counts only what was said;
- pressing a wary stranger can backfire (their worries before a hello, their
  story before they know you, a long porch sit, a hello from the cruiser):
  the chance is drawn from the shift's seed, the feed says why, and they turn
  away for a while;
- a worry heard is a promise: report back within ``follow_up_deadline_minutes``
  or the trust the listening brought is taken back (Blair et al. 2021).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from game.scenario.model import Choice, Concern, Place, Resident
from game.sim import actions as act
from game.sim.actions import ActionError
from game.sim.conversation import (
    REPEATS_DAMPED,
    TOPIC_CAUSE,
    TalkOption,
    tag_cause,
    topic_quality_and_minutes,
)
from game.sim.feed import FeedEvent
from game.sim.ledger import Source, SourceKind
from game.sim.officer import Doing
from game.sim.state import ShiftState

# What pressing too early sounds like, per topic, for the feed.
PRESSED = {
    "listen": "didn't want to share their worries with someone who hadn't even said hello",
    "story": "didn't want to tell a stranger about their life",
    "porch": "didn't want a near-stranger sitting on their porch for so long",
    "greet": "felt watched when the cruiser slowed at their porch",
}


@dataclass
class Conversation:
    """A talk or a game under way; it settles on the minutes actually spent."""

    topic: str
    residents: tuple[int, ...]
    quality: float  # the whole talk's quality, before saturation
    source: Source
    started: float
    minutes: float  # as planned
    through_car_window: bool = False
    rushed: bool = False
    concern: str | None = None  # follow_up: which worry
    tells_story: bool = False  # story: they are ready to tell the next beat


class Talk:
    def __init__(self, state: ShiftState) -> None:
        self.state = state
        self.to_look_into: list[tuple[int, str, Place]] = []  # concerns heard, place not yet visited
        self.conversation: Conversation | None = None
        self.promises: list[tuple[float, int, str]] = []  # (due, resident, concern): worries heard

    # --- queries ----------------------------------------------------------------------
    def resident(self, rid: str) -> int:
        try:
            return self.state.index[rid]
        except KeyError:
            raise ActionError(f"There is nobody called {rid!r} here.") from None

    def can_reach(self, i: int) -> bool:
        """Close enough to talk: on foot beside them, or in the stopped car right by them."""
        state = self.state
        d = state.officer.distance_to(*state.resident_pos(i))
        if state.officer.in_car:
            return not state.officer.route and d <= self.reach()
        return d <= self.reach()

    def reach(self) -> float:
        """Tiles within which the officer can talk: a little further from the car at the kerb."""
        t = self.state.tuning
        return t.talk_radius + (t.car_talk_reach if self.state.officer.in_car else 0.0)

    def talk_options(self, resident_id: str) -> list[TalkOption]:
        """Every built-in conversation with this resident, and whether it is possible now."""
        state = self.state
        i = self.resident(resident_id)
        r, known, fam = state.residents[i], state.known[i], state.trust.familiarity[i]
        in_car = state.officer.in_car
        car_only = "Get out of the car for this." if in_car else ""
        stranger = "They hardly know you yet." if fam < state.tuning.listen_familiarity else ""
        options = [TalkOption("greet", f"Say hello to {r.name}", True),
                   TalkOption("listen", "Ask what's on their mind", not car_only, car_only,
                              hint=stranger)]
        if known.stories_heard >= len(r.story):
            story_reason = "They have told you their story." if r.story else "They keep to themselves."
            options.append(TalkOption("story", "Ask about their life", False, story_reason))
        else:
            ready = known.next_story(r, fam) is not None
            options.append(TalkOption("story", "Ask about their life", not car_only, car_only,
                                      hint="" if ready else "They don't know you well yet."))
        for cid in known.followable():
            options.append(TalkOption("follow_up", f"Report back: {concern_of(r, cid).text}",
                                      not in_car, car_only, concern=cid))
        porch_reason = car_only or ("" if state.people.is_home(i) else "They are not on their porch.")
        options.append(TalkOption("porch", "Sit with them on the porch", not porch_reason,
                                  porch_reason, hint=stranger))
        if known.refusing(state.time):
            why = f"{r.name} doesn't want to talk to you right now: {known.refusal_reason}."
            return [replace(o, available=False, reason=why, hint="") for o in options]
        return options

    def places_to_look_into(self) -> list[Place]:
        """Where concerns the officer has heard can be followed up, not yet visited."""
        return [place for _, _, place in self.to_look_into]

    # --- orders -----------------------------------------------------------------------
    def talk(self, a: act.Talk) -> None:
        state, t = self.state, self.state.tuning
        i = self.resident(a.resident)
        r = state.residents[i]
        if not self.can_reach(i):
            raise ActionError(f"{r.name} is too far away to talk to.")
        option = next((o for o in self.talk_options(a.resident)
                       if o.topic == a.topic and (a.topic != "follow_up" or o.concern == a.concern)),
                      None)
        if option is None:
            raise ActionError(f"You can't do '{a.topic}' with {r.name} now.")
        if not option.available:
            raise ActionError(option.reason)
        quality, minutes = topic_quality_and_minutes(a.topic, t)
        known = state.known[i]
        if a.topic in REPEATS_DAMPED:
            quality *= t.repeat_damping ** known.times.get(a.topic, 0)
        known.times[a.topic] = known.times.get(a.topic, 0) + 1
        in_car, rushed = state.officer.in_car, state.priority_one_waiting()
        self.settle()  # the last talk is over (the officer is free): it counts before this one
        if state.rng.random() < self.backfire_chance(i, a.topic):
            self._backfire(i, a.topic, in_car)
            return
        if in_car:
            quality *= t.car_talk_factor
        if rushed:
            quality *= t.rushed_factor
        tells = a.topic == "story" and known.next_story(r, state.trust.familiarity[i]) is not None
        if a.topic == "story" and not tells:
            quality = min(quality, t.greet_quality)  # they smile and change the subject
        self.conversation = Conversation(
            a.topic, (i,), quality, Source(SourceKind.TALK, a.topic), state.time, minutes,
            through_car_window=in_car, rushed=rushed, concern=a.concern, tells_story=tells)
        state.occupy(minutes, Doing.TALKING, r.name)
        line = r.line_for(a.topic, state.holds)
        if line is not None:
            state.say(FeedEvent.INFO, f"{r.name}: {line}", resident=i, at=state.resident_pos(i))

    def backfire_chance(self, i: int, topic: str) -> float:
        """How likely this talk is to go wrong: pressing further than they know you, if wary."""
        state, t = self.state, self.state.tuning
        r, known, fam = state.residents[i], state.known[i], float(state.trust.familiarity[i])
        if state.officer.in_car:
            needed = t.car_window_familiarity if topic == "greet" else 0.0
        elif topic == "listen":
            needed = t.listen_familiarity
        elif topic == "porch":
            needed = t.porch_familiarity
        elif topic == "story" and known.stories_heard < len(r.story):
            needed = r.story[known.stories_heard].familiarity
        else:
            needed = 0.0
        if needed <= 0.0 or fam >= needed:
            return 0.0
        shortfall = (needed - fam) / needed
        trust = float(state.trust.trust[i])
        wariness = min(1.0, max(0.0, (t.backfire_trust_from - trust) / t.backfire_trust_span))
        return t.backfire_chance * shortfall * wariness

    def _backfire(self, i: int, topic: str, in_car: bool) -> None:
        state, t = self.state, self.state.tuning
        r = state.residents[i]
        pressed = PRESSED.get(topic, PRESSED["listen"])
        state.say(FeedEvent.INFO, f"{r.name} {pressed}.", resident=i, at=state.resident_pos(i))
        state.contact(i, t.backfire_quality, "pressed too soon", Source(SourceKind.TALK, topic),
                      through_car_window=in_car, refusal=f"they felt pressed ({pressed})")
        state.occupy(t.greet_minutes, Doing.TALKING, r.name)

    def join_play(self, _: act.JoinPlay) -> None:
        state, t = self.state, self.state.tuning
        events = state.events_here("kids_play")
        if not events:
            raise ActionError("There is no kids' game under way here. Walk to one first.")
        ev = events[0]
        quality, minutes = topic_quality_and_minutes("play", t)
        quality *= t.repeat_damping ** self.state.play_counts.get(ev.id, 0)
        self.state.play_counts[ev.id] = self.state.play_counts.get(ev.id, 0) + 1
        self.settle()
        self.conversation = Conversation("play", tuple(state.near_place(ev.place)), quality,
                                         Source(SourceKind.PLAY, ev.id), state.time, minutes)
        state.occupy(minutes, Doing.PLAYING)

    def choose(self, a: act.Choose) -> None:
        """Answer the open scripted encounter: the line moves everyone it is with, each by
        their own quality when the scenario gives one per resident, and has its consequences."""
        state, t = self.state, self.state.tuning
        opened = state.encounters.open
        if opened is None:
            raise ActionError("No conversation is waiting for an answer.")
        if not 0 <= a.index < len(opened.choices):
            raise ActionError(f"Choose 1 to {len(opened.choices)}.")
        choice = opened.choices[a.index]
        enc = opened.encounter
        minutes = t.choice_minutes
        said = f"of what you said (\u201c{choice.say}\u201d)"
        for rid in enc.with_:
            i = state.index[rid]
            state.contact(i, choice.quality_for(rid), tag_cause(choice.tags),
                          Source(SourceKind.ENCOUNTER, enc.id), choice.tags, refusal=said)
            state.trust.add_familiarity(i, t.familiarity_per_talk_minute * minutes)
        if choice.violates:
            state.breach(choice.violates, f'said "{choice.say}"')
        self._consequences(choice, said)
        state.encounters.advance(choice)
        if state.encounters.open is not None:
            state.say(FeedEvent.ENCOUNTER, state.encounters.open.text, at=state.officer.pos)
        state.occupy(minutes, Doing.IN_CONVERSATION)

    def _consequences(self, choice: Choice, said: str) -> None:
        """Flags set, residents who turn away for a while, residents who walk off home."""
        state = self.state
        state.set_flags(choice.sets)
        for rid, minutes in choice.turns_away.items():
            i = state.index[rid]
            known = state.known[i]
            known.refuses_until = max(known.refuses_until, state.time + minutes)
            known.refusal_reason = said
            state.say(FeedEvent.INFO, f"{state.residents[i].name} turns away from you.",
                      resident=i, at=state.resident_pos(i))
        for rid in choice.leaves:
            i = state.index[rid]
            if not state.people.is_home(i):
                state.people.send_home(i)
                state.say(FeedEvent.INFO, f"{state.residents[i].name} has had enough and heads "
                          "home.", resident=i, at=state.resident_pos(i))

    # --- settling a conversation ----------------------------------------------------------
    def settle(self) -> None:
        """End the talk under way, worth the minutes actually spent (cut short or not)."""
        talk, state, t = self.conversation, self.state, self.state.tuning
        if talk is None:
            return
        self.conversation = None
        spent = min(talk.minutes, max(0.0, state.time - talk.started))
        share = 1.0 - math.exp(-spent / t.talk_saturation_minutes)
        whole = spent >= talk.minutes / 2  # long enough to have heard them out
        factor = t.car_window_factor if talk.through_car_window else 1.0
        for i in talk.residents:
            change = state.contact(i, talk.quality * share, TOPIC_CAUSE[talk.topic], talk.source,
                                   through_car_window=talk.through_car_window, rushed=talk.rushed)
            state.trust.add_familiarity(i, t.familiarity_per_talk_minute * spent * factor)
            if not whole:
                continue
            if talk.topic == "listen":
                self._hear_concern(i, change.delta)
            elif talk.topic == "story" and talk.tells_story:
                self._tell_story(i)
            elif talk.topic == "follow_up":
                state.known[i].concerns_done.add(talk.concern or "")

    def settle_if_over(self) -> None:
        if self.conversation is not None and not self.state.busy:
            self.settle()

    def _tell_story(self, i: int) -> None:
        state = self.state
        r, known = state.residents[i], state.known[i]
        beat = r.story[known.stories_heard].text
        known.stories_heard += 1
        state.say(FeedEvent.STORY, f"{r.name}: {beat}", resident=i, at=state.resident_pos(i))

    def _hear_concern(self, i: int, gain: float) -> None:
        state = self.state
        r, known = state.residents[i], state.known[i]
        for concern in r.concerns:
            if concern.id not in known.concerns_heard:
                known.concerns_heard.append(concern.id)
                known.concern_gain[concern.id] = max(0.0, gain)
                self.promises.append((state.time + state.tuning.follow_up_deadline_minutes, i,
                                      concern.id))
                if concern.follow_up is None:
                    known.concerns_checked.add(concern.id)
                else:
                    self.to_look_into.append((i, concern.id, state.places[concern.follow_up]))
                where = (f" (look into it at {state.places[concern.follow_up].name})"
                         if concern.follow_up else "")
                state.say(FeedEvent.CONCERN_HEARD, f"{r.name} is worried: {concern.text}{where}",
                          resident=i, at=state.resident_pos(i))
                return

    # --- per tick -----------------------------------------------------------------------
    def check_follow_up_places(self) -> None:
        state = self.state
        radius = state.tuning.arrival_radius
        for i, cid, place in list(self.to_look_into):
            if state.officer.distance_to(*place.at) <= radius:
                self.to_look_into.remove((i, cid, place))
                state.known[i].concerns_checked.add(cid)
                state.say(FeedEvent.CONCERN_CHECKED, f"You looked into it at {place.name}. "
                          f"Tell {state.residents[i].name}.", resident=i, at=place.at)

    def check_promises(self) -> None:
        """A worry not reported back on in time takes back the trust the listening brought."""
        state, t = self.state, self.state.tuning
        while self.promises and self.promises[0][0] <= state.time:  # heard in order: due in order
            _, i, cid = self.promises.pop(0)
            known = state.known[i]
            if cid in known.concerns_done:
                continue
            r = state.residents[i]
            owed = known.concern_gain.get(cid, 0.0) * t.unkept_concern_share
            change = state.trust.shift_directly(state.time, i, -owed, "never heard back about their worry",
                                                Source(SourceKind.FOLLOW_THROUGH, cid))
            state.feed_change(change)
            state.say(FeedEvent.CONCERN_LET_DOWN,
                      f"{r.name} never heard back about: {concern_of(r, cid).text}",
                      resident=i, at=state.resident_pos(i))

    def check_triggers(self) -> None:
        """Encounters that start when the officer on foot reaches an event or a resident (and
        the events the officer has attended, which is the same test)."""
        state = self.state
        if state.officer.in_car:
            return
        for ev in state.events_here():
            state.attended.add(ev.id)
            state.encounters.fire("event", ev.id)
        for enc in state.encounters.resident_triggered:
            if enc.id in state.encounters.done:
                continue
            i = state.index[enc.trigger.target]
            if state.trust.familiarity[i] >= enc.trigger.familiarity_at_least - 1e-9 and \
                    self.can_reach(i):
                state.encounters.fire("resident", enc.trigger.target)


def concern_of(r: Resident, cid: str) -> Concern:
    return next(c for c in r.concerns if c.id == cid)
