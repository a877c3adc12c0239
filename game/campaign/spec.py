"""Campaign format version 1, declared once with the scenario format's own field types.

The same checks as a scenario file (``file:line:col``, the field path, a
did-you-mean), so an instructor writing a week meets the same messages as one
writing a street. What depends on a day's scenario (its residents, places and
shift hours) is checked by the loader once that scenario is loaded.
"""

from __future__ import annotations

from typing import Any

from yaml.nodes import Node, SequenceNode

from game.campaign.model import FORMAT_VERSION, WEATHERS, WEEKDAYS, Campaign, CampaignDay
from game.scenario.context import Context, FieldPath
from game.scenario.fieldtypes import (
    INVALID,
    Enum,
    Field,
    FieldType,
    Int,
    ListOf,
    Record,
    Text,
    Version,
)
from game.scenario.limits import MAX_LINE_CHARS, MAX_LIST_ITEMS, MAX_SEED, MAX_TITLE_CHARS
from game.scenario.spec import EVENT, SLUG, TUNING
from game.scenario.yamlnodes import SEQ_TAG

MAX_DAYS = 60  # shifts in one campaign: two months of a beat is plenty for a training course
MAX_CALENDAR_DAY = 366  # a campaign spans at most a year


class EventNodes(FieldType):
    """Events to add on one day: a list, checked against the day's scenario by the loader
    (their times need its shift and their places its map)."""

    def check(self, node: Node, path: FieldPath, ctx: Context) -> Any:
        if node.__class__ is not SequenceNode or node.tag != SEQ_TAG:
            ctx.expected(node, path, "a list")
            return INVALID
        if len(node.value) > MAX_LIST_ITEMS:
            ctx.error(node, path, f"has {len(node.value):,} items; the limit is {MAX_LIST_ITEMS:,}")
            return INVALID
        return tuple(node.value)

    def json_schema(self) -> dict[str, Any]:
        return {"type": "array", "items": EVENT.json_schema(), "maxItems": MAX_LIST_ITEMS}


def _day(events: tuple[Node, ...] = (), **fields: Any) -> tuple[CampaignDay, tuple[Node, ...]]:
    return CampaignDay(**fields), events


def _days_in_order(ctx: Context, values: list[Any], nodes: list[Node], path: FieldPath) -> bool:
    ok = True
    for k in range(1, len(values)):
        if values[k][0].day <= values[k - 1][0].day:
            ctx.error(nodes[k], (path, k), f"day {values[k][0].day} does not come after day "
                      f"{values[k - 1][0].day}", "list the days in calendar order, each once")
            ok = False
    return ok


DAY = Record(CampaignDay, [
    Field("day", Int(1, MAX_CALENDAR_DAY), "Calendar day of the campaign, 1 = its first day.",
          required=True),
    Field("scenario", SLUG, "The scenario this day plays: a file NAME.yaml beside the campaign "
          "or in the scenarios folder next to it.", required=True),
    Field("title", Text(max_chars=MAX_TITLE_CHARS), "The day's title, e.g. 'Tuesday: the heat'.",
          required=True),
    Field("briefing", Text(allow_empty=True), "What the trainee reads before the shift."),
    Field("weather", Enum(WEATHERS, "weather"),
          "fair, or heat (shorter tempers: pressing people backfires more)."),
    Field("moves_in", ListOf(SLUG, unique=True), "Residents new to the street today."),
    Field("events", EventNodes(), "Events added to the scenario today, as in a scenario."),
    Field("tuning", TUNING, "Overrides of model constants for this day only."),
], build=_day)

CAMPAIGN = Record(Campaign, [
    Field("format", Version((FORMAT_VERSION,)), "Campaign format version.", required=True),
    Field("id", SLUG, "Unique id of the campaign (lowercase slug).", required=True),
    Field("title", Text(max_chars=MAX_TITLE_CHARS), "Title shown on the title screen.",
          required=True),
    Field("summary", Text(allow_empty=True, max_chars=MAX_LINE_CHARS * 4), "A few sentences."),
    Field("starts_on", Enum(WEEKDAYS, "weekday"), "The weekday of day 1, e.g. monday."),
    Field("seed", Int(0, MAX_SEED), "Seed of the campaign; each day's seed is drawn from it."),
    Field("days", ListOf(DAY, min_items=1, max_items=MAX_DAYS, check=_days_in_order),
          "The shifts, in calendar order.", required=True),
], build=lambda **fields: fields)
