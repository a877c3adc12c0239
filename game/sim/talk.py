"""Talking with people: the built-in conversations, the kids' game, scripted encounters.

``talk_options`` is the one statement of what can be said to whom right now;
the UI builds its menu from it, the bots choose from it and ``talk`` enforces
it. Concerns heard become errands: visit the follow-up place, then report back.
Every handler checks first and changes nothing when it refuses.
"""

from __future__ import annotations

from game.scenario.model import Concern, Place, Resident
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


class Talk:
    def __init__(self, state: ShiftState) -> None:
        self.state = state
        self.to_look_into: list[tuple[int, str, Place]] = []  # concerns heard, place not yet visited
        self.play_counts: dict[str, int] = {}  # event id -> times the officer joined the game

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
        options = [TalkOption("greet", f"Say hello to {r.name}", True),
                   TalkOption("listen", "Ask what's on their mind", not car_only, car_only)]
        story = known.next_story(r, fam)
        if known.stories_heard >= len(r.story):
            story_reason = "They have told you their story." if r.story else "They keep to themselves."
        elif story is None:
            need = r.story[known.stories_heard].familiarity
            story_reason = f"They don't know you well enough yet ({fam:.2f} of {need:.2f})."
        else:
            story_reason = car_only
        options.append(TalkOption("story", "Ask about their life", not story_reason, story_reason))
        for cid in known.followable():
            options.append(TalkOption("follow_up", f"Report back: {concern_of(r, cid).text}",
                                      not in_car, car_only, concern=cid))
        porch_reason = car_only or ("" if state.people.is_home(i) else "They are not on their porch.")
        options.append(TalkOption("porch", "Sit with them on the porch", not porch_reason,
                                  porch_reason))
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
        if in_car:
            quality *= t.car_talk_factor
        if rushed:
            quality *= t.rushed_factor
        state.contact(i, quality, TOPIC_CAUSE[a.topic], Source(SourceKind.TALK, a.topic),
                      through_car_window=in_car, rushed=rushed)
        factor = t.car_window_factor if in_car else 1.0
        state.trust.add_familiarity(i, t.familiarity_per_talk_minute * minutes * factor)
        if a.topic == "listen":
            self._hear_concern(i)
        elif a.topic == "story":
            text = known.next_story(r, state.trust.familiarity[i])
            known.stories_heard += 1
            state.say(FeedEvent.STORY, f"{r.name}: {text}", resident=i, at=state.resident_pos(i))
        elif a.topic == "follow_up":
            known.concerns_done.add(a.concern or "")
        state.occupy(minutes, Doing.TALKING, r.name)

    def join_play(self, _: act.JoinPlay) -> None:
        state, t = self.state, self.state.tuning
        events = state.events_here("kids_play")
        if not events:
            raise ActionError("There is no kids' game under way here. Walk to one first.")
        ev = events[0]
        quality, minutes = topic_quality_and_minutes("play", t)
        quality *= t.repeat_damping ** self.play_counts.get(ev.id, 0)
        self.play_counts[ev.id] = self.play_counts.get(ev.id, 0) + 1
        for i in state.near_place(ev.place):
            state.contact(i, quality, TOPIC_CAUSE["play"], Source(SourceKind.PLAY, ev.id))
            state.trust.add_familiarity(i, t.familiarity_per_talk_minute * minutes)
        state.occupy(minutes, Doing.PLAYING)

    def choose(self, a: act.Choose) -> None:
        """Answer the open scripted encounter: the line moves everyone it is with."""
        state, t = self.state, self.state.tuning
        opened = state.encounters.open
        if opened is None:
            raise ActionError("No conversation is waiting for an answer.")
        if not 0 <= a.index < len(opened.choices):
            raise ActionError(f"Choose 1 to {len(opened.choices)}.")
        choice = opened.choices[a.index]
        enc = opened.encounter
        minutes = t.choice_minutes
        for rid in enc.with_:
            i = state.index[rid]
            state.contact(i, choice.quality, tag_cause(choice.tags),
                          Source(SourceKind.ENCOUNTER, enc.id), choice.tags)
            state.trust.add_familiarity(i, t.familiarity_per_talk_minute * minutes)
        if choice.violates:
            state.breach(choice.violates, f'said "{choice.say}"')
        state.encounters.advance(choice)
        if state.encounters.open is not None:
            state.say(FeedEvent.ENCOUNTER, state.encounters.open.node.text, at=state.officer.pos)
        state.occupy(minutes, Doing.IN_CONVERSATION)

    def _hear_concern(self, i: int) -> None:
        state = self.state
        r, known = state.residents[i], state.known[i]
        for concern in r.concerns:
            if concern.id not in known.concerns_heard:
                known.concerns_heard.append(concern.id)
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

    def check_triggers(self) -> None:
        """Encounters that start when the officer on foot reaches an event or a resident."""
        state = self.state
        if state.officer.in_car:
            return
        for ev in state.events_here():
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
