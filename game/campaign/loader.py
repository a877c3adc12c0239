"""Campaign files in, ``Campaign`` objects out, or one ``CampaignError`` listing every problem.

The same guarded steps as a scenario (size cap, UTF-8, safe YAML composed into
nodes, the spec walked over them), then each day's scenario is found by name
(a slug, so no path from the file is ever followed), loaded and checked, and
what the day adds to it — residents moving in, events — is checked against it
with marks in the campaign file.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from yaml.nodes import Node, SequenceNode

from game.campaign.model import Campaign, CampaignDay
from game.campaign.spec import CAMPAIGN
from game.scenario.context import ROOT, Context, TooManyErrors
from game.scenario.errors import ScenarioError, did_you_mean
from game.scenario.fieldtypes import INVALID, ListOf
from game.scenario.loader import document_root, load_scenario
from game.scenario.model import Scenario
from game.scenario.spec import EVENT
from game.scenario.yamlnodes import child, decode, read_limited

# Finds a day's scenario by name: the Scenario, or None when there is no such file.
# Raises ScenarioError when the file is there but wrong.
ScenarioFinder = Callable[[str], Scenario | None]


class CampaignError(ScenarioError):
    """A campaign file cannot be used; ``diagnostics`` lists every problem, in file order."""


def scenario_folders(campaign_path: str | os.PathLike[str]) -> tuple[Path, ...]:
    """Where a campaign's days look for their scenarios: beside it, then ../scenarios."""
    here = Path(campaign_path).resolve().parent
    return (here, here.parent / "scenarios")


def find_in(folders: tuple[Path, ...]) -> ScenarioFinder:
    cache: dict[str, Scenario | None] = {}

    def find(name: str) -> Scenario | None:
        if name not in cache:
            path = next((f / f"{name}.yaml" for f in folders if (f / f"{name}.yaml").is_file()), None)
            cache[name] = None if path is None else load_scenario(path)
        return cache[name]
    return find


def load_campaign(path: str | os.PathLike[str], find: ScenarioFinder | None = None) -> Campaign:
    """Load and check a campaign file and every scenario its days play."""
    source = os.fspath(path)
    try:
        data = read_limited(path, source)
    except ScenarioError as exc:
        raise CampaignError(exc.source, exc.diagnostics) from None
    return load_campaign_bytes(data, source, find or find_in(scenario_folders(path)))


def load_campaign_bytes(data: bytes, source: str, find: ScenarioFinder) -> Campaign:
    try:
        text = decode(data, source)
        root = document_root(text, source, "campaign", "docs/campaigns.md shows a starter")
    except ScenarioError as exc:  # the file's own syntax: the same guards as a scenario's
        raise CampaignError(exc.source, exc.diagnostics) from None
    ctx = Context(text)
    try:
        fields = CAMPAIGN.check(root, ROOT, ctx)
        campaign = None if fields is INVALID else _with_scenarios(fields, root, text, ctx, find)
    except TooManyErrors:
        raise CampaignError(source, ctx.diagnostics, stopped_early=True) from None
    if ctx.diagnostics or campaign is None:
        raise CampaignError(source, ctx.diagnostics)
    return replace(campaign, source=source, content_hash=hashlib.sha256(data).hexdigest(),
                   content=data)


def _with_scenarios(fields: dict[str, Any], root: Node, text: str, ctx: Context,
                    find: ScenarioFinder) -> Campaign | None:
    days_node = child(root, "days")
    assert isinstance(days_node, SequenceNode)  # the spec checked it
    scenarios: dict[str, Scenario] = {}
    days: list[CampaignDay] = []
    for k, ((day, event_nodes), day_node) in enumerate(zip(fields["days"], days_node.value,
                                                           strict=True)):
        path = ((ROOT, "days"), k)
        scenario = _scenario(day.scenario, day_node, path, ctx, find)
        if scenario is None:
            continue
        scenarios[day.scenario] = scenario
        _check_moves_in(day, scenario, day_node, path, ctx)
        events = _events(event_nodes, scenario, day_node, path, text, ctx)
        days.append(replace(day, events=events))
    if len(days) != len(fields["days"]):
        return None
    return Campaign(**{**fields, "days": tuple(days)}, scenarios=scenarios)


def _scenario(name: str, day_node: Node, path: Any, ctx: Context,
              find: ScenarioFinder) -> Scenario | None:
    node = child(day_node, "scenario")
    assert node is not None
    try:
        scenario = find(name)
    except ScenarioError as exc:
        first = exc.lines()[0] if exc.lines() else str(exc)
        ctx.error(node, (path, "scenario"), f"scenario '{name}' does not load: {first}",
                  "fix that scenario file first (`frontporch validate FILE` lists every problem)")
        return None
    if scenario is None:
        ctx.error(node, (path, "scenario"), f"there is no scenario file '{name}.yaml'",
                  "put it beside the campaign or in the scenarios folder next to it")
    return scenario


def _check_moves_in(day: CampaignDay, scenario: Scenario, day_node: Node, path: Any,
                    ctx: Context) -> None:
    items = child(day_node, "moves_in")
    if items is None:
        return
    for k, (rid, item) in enumerate(zip(day.moves_in, items.value, strict=True)):
        if rid not in scenario.resident_index:
            ctx.error(item, ((path, "moves_in"), k), f"'{scenario.id}' has no resident '{rid}'",
                      did_you_mean(rid, scenario.resident_index) or
                      "a resident moving in must live in the day's scenario")


def _events(nodes: tuple[Node, ...], scenario: Scenario, day_node: Node, path: Any, text: str,
            ctx: Context) -> tuple[Any, ...]:
    """The day's events, checked as a scenario's events would be against its shift and places."""
    if not nodes:
        return ()
    local = Context(text)
    local.top["shift"] = scenario.shift
    for place in scenario.places:
        local.define("place", False, place.id)
    events_node = child(day_node, "events")
    assert events_node is not None
    checked = ListOf(EVENT, key="id").check(events_node, (path, "events"), local)
    local.resolve_references()
    taken = {ev.id for ev in scenario.events}
    if checked is not INVALID:
        for k, (ev, node) in enumerate(zip(checked, nodes, strict=True)):
            if ev.id in taken:
                local.error(node, ((path, "events"), k),
                            f"'{scenario.id}' already has an event '{ev.id}'", "give it another id")
    for d in local.diagnostics:
        ctx.diagnostics.append(d)
    return () if checked is INVALID or local.diagnostics else tuple(checked)
