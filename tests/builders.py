"""Small scenarios built in code, so simulation tests do not depend on YAML files."""

from __future__ import annotations

from types import MappingProxyType

from game.scenario.model import (
    Call,
    CallsInTime,
    Choice,
    Concern,
    Encounter,
    Event,
    GameMap,
    Node,
    Objective,
    Place,
    Resident,
    Scenario,
    ScheduleEntry,
    Shift,
    StoriesHeard,
    StoryBeat,
    Tie,
    Trigger,
    TrustAtLeast,
)

# A two-sided street: houses with porches north and south, a shop east, a park west.
STREET_ROWS = (
    "HHHHHHHHHHHHHHHHHHHHHHHHHHHHSS",
    "HPHHPHHHPHHHPHHHHPHHHHPHHHHHSS",
    "..............................",
    "C#############################",
    "##############################",
    "..............................",
    "HHPHHHPHHHHPHHHHPHHHHPHHHHHP==",
    "HHHHHHHHHHHHHHHHHHHHHHHHHHHH==",
)
LEGEND = {"H": "house", ".": "sidewalk", "#": "road", "P": "porch", "S": "shop", "=": "park",
          "C": "car_spawn"}


def street_scenario(residents_count: int = 8, **overrides) -> Scenario:
    game_map = GameMap(MappingProxyType(dict(LEGEND)), STREET_ROWS)
    porches = [(x, y) for y, row in enumerate(STREET_ROWS) for x, c in enumerate(row) if c == "P"]
    places = [Place(f"porch-{i}", at, "porch", f"Porch {i}") for i, at in enumerate(porches)]
    places += [Place("shop", (28, 0), "shop", "Corner shop"), Place("park", (29, 7), "park", "Park")]
    residents = []
    for i in range(residents_count):
        home = places[i % len(porches)].id
        schedule = (ScheduleEntry(60 + 10 * i, 150 + 10 * i, "park"),) if i % 3 == 0 else ()
        residents.append(Resident(
            id=f"r{i}", name=f"Resident {i}", home=home, trust=40.0 + i, openness=0.6,
            influence=0.5 + 0.05 * (i % 5), schedule=schedule,
            story=(StoryBeat(0.05, f"Story of {i}."), StoryBeat(0.4, f"Secret of {i}.")),
            concerns=(Concern(f"c{i}", f"Worry {i}.", "shop"),),
        ))
    ties = tuple(Tie(f"r{i}", f"r{i + 1}", 0.8) for i in range(residents_count - 1))
    calls = (
        Call("c1", 40, "shop", 1, "disturbance", "Shouting outside the shop.", 6.0),
        Call("c2", 200, "porch-0", 2, "noise", "Loud music.", 10.0),
    )
    events = (Event("play", 100, 180, "park", "kids_play", "Water fight"),)
    encounters = (
        Encounter("shop-argument", Trigger("call", "c1"), ("r0",), "open", MappingProxyType({
            "open": Node("open", "Two men argue.", (
                Choice("Hear both sides.", 0.7, ("voice", "neutrality"), "end"),
                Choice("Threaten arrest.", -0.6, ("threat",)),
            )),
            "end": Node("end", "They calm down.", (Choice("Thank them.", 0.3, ("respect",)),)),
        })),
    )
    objectives = (
        Objective("stories", "Hear three stories", StoriesHeard(3), 2.0),
        Objective("calls", "Reach priority-1 calls", CallsInTime(1, 1.0), 3.0),
        Objective("trust", "Trust 50", TrustAtLeast(50.0), 3.0),
    )
    fields = dict(
        id="test-street", title="Test Street", shift=Shift(16 * 60, 300, 1.0), map=game_map,
        places=tuple(places), residents=tuple(residents), ties=ties, calls=calls, events=events,
        encounters=encounters, objectives=objectives, seed=3,
    )
    fields.update(overrides)
    return Scenario(**fields)


def walk_home_to(sim, i: int = 0) -> None:
    """Get out of the car and walk to resident ``i``'s home (where they are at the start)."""
    import game.sim.actions as act

    sim.apply(act.GetOut())
    sim.run(until_tick=sim.tick + 4)
    sim.apply(act.WalkTo(*sim.places[sim.residents[i].home].at))
    while sim.officer.route:
        sim.step()


def have_talk(sim, rid: str, topic: str, concern: str | None = None) -> float:
    """A whole built-in conversation, until it has settled; the trust it moved."""
    import game.sim.actions as act

    i = sim.index[rid]
    before = float(sim.trust.trust[i])
    sim.apply(act.Talk(rid, topic, concern))
    while sim.busy or sim.talk.conversation is not None:
        sim.step()
    return float(sim.trust.trust[i]) - before
