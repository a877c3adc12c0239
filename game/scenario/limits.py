"""How big a scenario may be: the limits that make "validate accepts it" mean "the game plays it".

Each limit is enforced by the spec (a clean error naming the field and the
limit) and exported in the JSON Schema. The figures come from measurements on
a 2-core machine (docs/authoring.md "Limits" says how they were taken): within
them the first frame appears in under 5 s and the game keeps 60 frames a second
at 1280x720.
"""

from __future__ import annotations

# Seeds are stored as SQLite INTEGER (signed 64-bit); numpy takes any of them.
MAX_SEED = 2**63 - 1

# --- text, in characters -------------------------------------------------------
# Labels drawn on one line (ellipsized when too wide) and texts wrapped into
# panels; a frame lays out every visible one, so each has a ceiling.
MAX_NAME_CHARS = 80  # resident and place names, call and event kinds
MAX_TITLE_CHARS = 120  # the scenario title
MAX_LINE_CHARS = 300  # a choice's words, an objective, a debrief question
MAX_TEXT_CHARS = 2000  # summaries, stories, concerns, dispatch and encounter texts

# --- the world -------------------------------------------------------------------
MAX_MAP_SIDE = 200  # tiles per row and rows per map
MAX_MAP_TILES = 8000  # width x height: drawing the map is most of the first frame
MAX_RESIDENTS = 1000
MAX_PLACES = 2000
MAX_ENCOUNTER_NODES = 100  # nodes in one encounter
MAX_TIES = 20_000  # word-of-mouth pairs
MAX_LIST_ITEMS = 5000  # any other list: calls, events, encounters, story beats...
MAX_OBJECTIVE_WEIGHT = 1000.0  # an objective counts at most this many times another
# A game minute lasts 0.1 .. 60 real seconds: faster, the shift is over in a blink
# (and a frame would run thousands of steps); slower, nothing moves.
MIN_SECONDS_PER_MINUTE, MAX_SECONDS_PER_MINUTE = 0.1, 60.0
MAX_WINDOW_MINUTES = 1440.0  # a call's window is at most a day
MAX_ID_CHARS = 64  # ids, policy and encounter-node names
