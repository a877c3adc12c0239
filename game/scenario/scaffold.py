"""`frontporch new`: a starter scenario that validates and explains every section.

Instructors learn the format from this file more than from any manual, so the
comments say what each field does and which rules the validator enforces.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

from game.errors import UserError
from game.scenario.schema import SCHEMA_FILE

REPO_ROOT = SCHEMA_FILE.parents[1]
SCENARIO_SUFFIXES = (".yaml", ".yml")
_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")


def derive_id(path: Path) -> str:
    """``scenarios/Elm Street 2.yaml`` -> ``elm-street-2``."""
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    if not slug:
        raise UserError(f"cannot make an id from the file name '{path.name}'; pass --id")
    return slug


def derive_title(path: Path) -> str:
    """``elm-street_2.yaml`` -> ``Elm Street 2``."""
    return " ".join(word.capitalize() for word in re.split(r"[-_\s]+", path.stem) if word)


def schema_reference(target: Path) -> str | None:
    """Where the new file's editor finds the schema, as a path relative to the file, so the
    line keeps working when the folder is copied or shared: the nearest copy of the schema
    in the file's folder or above it (``scenario.schema.json``, or ``schema/`` beside a
    folder, as in this repository). None when there is no copy to point at."""
    folder = target.resolve().parent
    for ancestor in (folder, *folder.parents):
        for candidate in (ancestor / SCHEMA_FILE.name, ancestor / "schema" / SCHEMA_FILE.name):
            if candidate.is_file():
                return Path(os.path.relpath(candidate, folder)).as_posix()
    return None


# Outside the repository with no schema nearby: a path beside the file, and how to put it there.
SCHEMA_BESIDE = SCHEMA_FILE.name
SCHEMA_NOTE = ("# (no schema copy found near this file: write one beside it with\n"
               f"#  python run_game.py schema -o {SCHEMA_FILE.name})\n")


def starter_text(scenario_id: str, title: str, schema_ref: str | None) -> str:
    if not _SLUG.fullmatch(scenario_id):
        raise UserError(f"--id '{scenario_id}' is not a lowercase slug (a-z, 0-9 and '-')")
    modeline = f"{schema_ref}\n" if schema_ref else f"{SCHEMA_BESIDE}\n{SCHEMA_NOTE}"
    return (
        _TEMPLATE.replace("@SCHEMA@\n", modeline)
        .replace("@ID@", scenario_id)
        .replace("@TITLE@", json.dumps(title.strip() or scenario_id, ensure_ascii=False))
    )


def write_starter(path: Path, scenario_id: str | None, title: str | None) -> bool:
    """Create ``path``; never overwrites (exclusive create), so a typo cannot eat a scenario.
    Returns whether the modeline found a schema to point at."""
    if path.suffix not in SCENARIO_SUFFIXES:
        raise UserError(f"{path}: scenario files end in .yaml or .yml")
    if not path.parent.is_dir():
        raise UserError(f"{path}: folder {path.parent} does not exist")
    schema_ref = schema_reference(path)
    text = starter_text(scenario_id or derive_id(path), title or derive_title(path), schema_ref)
    try:
        with path.open("x", encoding="utf-8") as stream:
            stream.write(text)
    except FileExistsError:
        raise UserError(f"{path}: already exists; not overwriting it") from None
    except OSError as exc:
        raise UserError(f"{path}: cannot write: {exc.strerror}") from None
    return schema_ref is not None


_TEMPLATE = """\
# yaml-language-server: $schema=@SCHEMA@
# A Front Porch scenario: one neighborhood, one shift. Check it with
#   python run_game.py validate THIS_FILE
# Errors and warnings name the line, the column and the field, with a hint.

# format 2 is the scenario language of docs/authoring.md (format-1 files still
# load); id is a lowercase slug (a-z, 0-9, '-') unique among scenarios; title
# and summary are what the trainee reads first.
format: 2
id: @ID@
title: @TITLE@
summary: One or two sentences the trainee reads in the briefing.
difficulty: 1             # 1 (gentle) .. 3 (hard)
seed: 0                   # same seed + same choices = same shift (replays rely on it)

# When the shift starts (clock time, HH:MM), how long it lasts in game minutes,
# and how many real seconds one game minute takes at normal speed. A shift may
# run past midnight. Every time below must lie inside the shift (its end counts).
shift: {start: "14:00", minutes: 240, seconds_per_minute: 1.5}

# The neighborhood as a grid of tiles. Every character in rows must be in the
# legend; the legend maps one character to one of: road, sidewalk, house,
# porch, yard, shop, park, church, school, car_spawn. Rows all have the same
# width, and exactly one tile is car_spawn (where the patrol car starts).
map:
  legend: {"#": road, ".": sidewalk, "H": house, "P": porch, "y": yard, "S": shop, "=": park, "C": car_spawn}
  rows: |
    HPHHyyHPHH.SS===
    ................
    ###C############
    ................
    HHPHHyyHHPH.====

# Named spots. at: [column, row], counted from 0 at the top left. A place sits
# on a tile of its own kind: porch, shop, park, church, school or yard.
# name is optional (defaults to the id in words).
places:
  - {id: lee-porch, at: [1, 0], kind: porch, name: The Lees' porch}
  - {id: ortiz-porch, at: [7, 0], kind: porch, name: Ms. Ortiz's porch}
  - {id: corner-shop, at: [11, 0], kind: shop}
  - {id: pocket-park, at: [13, 0], kind: park}

# The people. home and schedule places are place ids. trust 0..100 at the
# start (default 50); openness 0..1, how fast good contact moves them (0.5);
# influence 0..1, their weight in neighborhood trust and word of mouth (0.5).
# story beats unlock as the officer's familiarity (0..1) with them grows;
# concerns are worries the officer can follow up at a place.
residents:
  - id: ana-ortiz
    name: Ana Ortiz
    home: ortiz-porch
    trust: 40
    openness: 0.6
    influence: 0.8
    schedule:
      - {from: "14:00", to: "16:00", at: ortiz-porch}
      - {from: "16:00", to: "18:00", at: pocket-park}
    story:
      - {familiarity: 0.2, text: Has run the block's summer cookout for twenty years.}
      - {familiarity: 0.5, text: Her grandson was stopped and searched last spring; nobody explained why.}
    concerns:
      - {id: speeding, text: Cars race down the block after school., follow_up: corner-shop}
  - id: sam-lee
    name: Sam Lee
    home: lee-porch
    schedule:
      - {from: "15:00", to: "18:00", at: corner-shop}
    story:
      - {familiarity: 0.15, text: Works nights at the bakery and sleeps until two.}

# Word of mouth: [resident, resident, weight 0..1]. Ties are undirected, so
# list each pair once, and a resident is never tied to themself.
ties:
  - [ana-ortiz, sam-lee, 0.6]

# Calls for service. priority 1 is the most urgent; arriving within
# window_minutes of the call counts as in time.
calls:
  - id: shop-dispute
    at: "15:30"
    place: corner-shop
    priority: 1
    kind: disturbance
    text: Two customers arguing loudly outside the shop.
    window_minutes: 6

# Things happening in the neighborhood between from and to (from before to).
events:
  - id: kids-play
    from: "16:00"
    to: "17:00"
    place: pocket-park
    kind: kids_play
    text: Kids with water balloons in the park.

# Department rules, by name. A choice can name one in violates: taking it is
# recorded as a policy breach. Leave this section out to get the default
# (social_media); writing it replaces the default.
policies:
  social_media: {on_duty_needs_approval: true, text: Posting on duty needs media-office approval.}

# Scripted conversations. when names exactly one trigger: {call: ID},
# {event: ID} or {resident: ID, familiarity_at_least: 0..1}. with lists the
# residents whose trust the choices move. start and every goto name a node of
# this encounter; every node must be reachable from start; a choice without
# goto ends the conversation. quality runs from -1 (harmful) to 1 (excellent);
# tags explain the choice in the debrief: voice, respect, neutrality,
# trustworthy_motives, disrespect, bias, dismissal, threat.
# Text with commas inside { } must be in quotes.
encounters:
  - id: shop-dispute-talk
    when: {call: shop-dispute}
    with: [sam-lee]
    start: arrive
    nodes:
      arrive:
        text: Two customers shout over a dented car door while Sam watches from the counter.
        choices:
          - {say: Separate them and hear each side., tags: [voice, neutrality], quality: 0.7, goto: calm}
          - {say: Threaten to arrest them both., tags: [threat], quality: -0.6}
      calm:
        text: Both calm down once each has been heard.
        choices:
          - {say: "Thank Sam for calling, and ask how business is.", tags: [respect], quality: 0.4}
          - say: Film the handshake for the department's page.
            quality: 0.1
            violates: social_media

# How the shift is scored: exactly one check each, {stories_heard: N},
# {calls_in_time: {priority: P, share: 0..1}} or {trust_at_least: 0..100};
# weight > 0. Objectives are one part of the score, each with partial credit (see the guide).
objectives:
  - {id: stories, text: Hear two residents' stories, check: {stories_heard: 2}, weight: 1}
  - id: calls
    text: Reach every priority-1 call in time
    check: {calls_in_time: {priority: 1, share: 1.0}}
    weight: 2
  - {id: trust, text: End with neighborhood trust of 55 or more, check: {trust_at_least: 55}, weight: 2}

# Optional overrides of trust-model constants, by name (see game/tuning.py),
# e.g. {asymmetry: 6}. Leave empty for the defaults.
tuning: {}

# Questions for the instructor-led debrief.
debrief:
  - What did Ms. Ortiz tell you that changed how you handled the shop call?
"""
