"""Resolution by cluster: what links uncurated articles, resolved one cluster at a time.

An article's extraction is cut into its parts in *clusters* (``resolution_input``):
each actor it defines (cluster ``actor:<id>``), each place (``place:<id>``), the
spellings of each alias key (``alias:<key>``), its events by *block* (``events:<year>|
<first actor>``) and its own quotes (``quotes:<source>``). A cluster's rows are a
function of its members' parts, taken in source-id order, and of the curated rows
(``resolve_cluster``); nothing else. So a load resolves again only the clusters an
added, changed or removed article belongs to, and the outcome never depends on the
order the articles arrived in:

* an actor or a place: the row of its smallest source id (unless it is curated);
* an alias key: owned by the curated actor that has it, else by the actor of the
  smallest source that spells it; every spelling of that owner's is kept;
* a block of events: the sequential match of ``merging`` replayed inside the block,
  in source-id order: an event joins a curated event or an earlier event of its
  block, else it is new (an id already taken gets ``-2``, ``-3``, …). A block holds
  the events of one year (of their start) whose first-named actor is the same (an
  event naming no actor is its own block, since it can join nothing), so two
  reports of one happening meet there. What this gives up: an event joins no
  extracted event of another block, say one naming the same people in another
  order, or a range that starts in the year before.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from .merging import (
    DATE_FIELDS,
    EventIndex,
    _day,
    best_match,
    could_join,
    join_rank,
    wording_types,
)

ACTOR, PLACE, ALIAS, EVENTS, QUOTES = "actor", "place", "alias", "events", "quotes"


def resolution_input(extraction) -> dict[str, Any]:
    """An article's part in each cluster it belongs to: the one place where a stored
    extraction becomes what resolution reads (a per-article filter, such as a
    reviewer's rejections, belongs just before this)."""
    inputs: dict[str, Any] = {}
    for actor in extraction.actors:
        inputs.setdefault(f"{ACTOR}:{actor['id']}", actor)
    for place in extraction.places:
        inputs.setdefault(f"{PLACE}:{place['id']}", place)
    for alias in extraction.actor_aliases:
        inputs.setdefault(f"{ALIAS}:{alias['alias_key']}", []).append(alias)
    states = {a["id"] for a in extraction.actors if a["type"] == "state"}
    links: dict[str, list[dict]] = {}
    for link in extraction.event_actors:
        links.setdefault(link["event_id"], []).append(link)
    evidence: dict[str, list[dict]] = {}
    for row in extraction.event_sources:
        evidence.setdefault(row["event_id"], []).append(row)
    for event in extraction.events:
        actors = links.get(event["id"], [])
        types = extraction.event_types.get(event["id"]) or sorted(
            wording_types(extraction.event_wording.get(event["id"], []), event["type"])
        )
        inputs.setdefault(f"{EVENTS}:{event_block(event, actors)}", []).append(
            {
                "event": event,
                "actors": actors,
                "types": types,
                "states": sorted(states & {a["actor_id"] for a in actors}),
                "evidence": evidence.get(event["id"], []),
            }
        )
    if extraction.quotes:
        inputs[f"{QUOTES}:{extraction.source_id}"] = extraction.quotes
    return inputs


def event_block(event: dict[str, Any], actors: list[dict]) -> str:
    """The block an extracted event is matched in: its start's year and its first
    actor (the subject of its id, so that two events with one id meet in one block)."""
    year = str(event["date_start"])[:4]
    return f"{year}|{actors[0]['actor_id']}" if actors else f"{year}|~{event['id']}"


@dataclass
class Curated:
    """What resolution reads of the curated rows (the extracted ones never change it)."""

    actor_ids: set[str] = field(default_factory=set)
    place_ids: set[str] = field(default_factory=set)
    alias_owner: dict[str, str] = field(default_factory=dict)
    alias_pairs: set[tuple[str, str]] = field(default_factory=set)
    event_ids: set[str] = field(default_factory=set)
    events: EventIndex | None = None

    @property
    def state_ids(self) -> set[str]:
        return self.events.state_ids if self.events else set()


def resolve_cluster(
    cluster: str, members: list[tuple[str, Any]], curated: Curated
) -> dict[str, list[dict[str, Any]]]:
    """The rows one cluster gives (table -> rows), from its members' parts in
    source-id order (``members``: (source id, part) pairs, sorted)."""
    kind, key = cluster.split(":", 1)
    if not members:
        return {}
    if kind == ACTOR:
        return {} if key in curated.actor_ids else {"actors": [members[0][1]]}
    if kind == PLACE:
        return {} if key in curated.place_ids else {"places": [members[0][1]]}
    if kind == ALIAS:
        return {"actor_aliases": _aliases(key, members, curated)}
    if kind == QUOTES:
        return {"quotes": list(members[0][1])}
    if kind == EVENTS:
        return _events(members, curated)
    raise ValueError(f"unknown cluster kind {kind!r}")


def _aliases(key: str, members, curated: Curated) -> list[dict]:
    owner = curated.alias_owner.get(key) or members[0][1][0]["actor_id"]
    seen = set(curated.alias_pairs)
    rows = []
    for _, aliases in members:
        for alias in aliases:
            pair = (alias["actor_id"], alias["alias"])
            if pair[0] == owner and pair not in seen:
                seen.add(pair)
                rows.append(alias)
    return rows


def _events(members, curated: Curated) -> dict[str, list[dict]]:
    states = set(curated.state_ids)
    for _, items in members:
        for item in items:
            states.update(item["states"])
    block = BlockEvents()
    events, event_actors, event_sources = [], [], []
    taken = set(curated.event_ids)
    # Per id, the next number to try: every smaller one is taken (``taken`` only grows),
    # so the 1,000th copy of an id does not try the 999 numbers before it.
    next_number: dict[str, int] = {}
    evidence: set[tuple] = set()
    for _, items in members:
        renamed: dict[str, str] = {}
        added = []
        # An article's own events never merge with each other: they join the block
        # only after the whole article (as in ``resolve.Resolver``).
        for item in items:
            event = item["event"]
            actors = {a["actor_id"] for a in item["actors"]}
            # One state alone (or no actor) joins nothing: states are weak evidence
            # (``merging``), so the look-ups are skipped; most copies of a repeated
            # sentence are such events.
            existing = None
            if len(actors - states) or len(actors) > 1:
                types = set(item["types"])
                ranked = block.ranked(event, actors, types, states)
                if curated.events is not None:
                    ranked += curated.events.ranked(event, actors, types, states)
                existing = best_match(ranked)
            if existing:
                renamed[event["id"]] = existing
                if existing in block.rows:
                    block.refine(existing, event)
                continue
            new_id = event["id"]
            if new_id in taken:
                number = next_number.get(new_id, 2)
                while f"{new_id}-{number}" in taken:
                    number += 1
                next_number[new_id] = number + 1
                new_id = f"{new_id}-{number}"
            taken.add(new_id)
            renamed[event["id"]] = new_id
            row = {**event, "id": new_id}
            events.append(row)
            event_actors.extend({**a, "event_id": new_id} for a in item["actors"])
            added.append((row, actors))
        for row, actors in added:
            block.add(row, actors)
        for item in items:
            for link in item["evidence"]:
                row = {**link, "event_id": renamed[link["event_id"]]}
                key = (row["event_id"], row["source_id"], row["start_offset"])
                if key not in evidence:
                    evidence.add(key)
                    event_sources.append(row)
    return {"events": events, "event_actors": event_actors, "event_sources": event_sources}


# What matching reads of an event: (type, first day, last day, actor ids).
Shape = tuple[str, Any, Any, frozenset]


class BlockEvents:
    """The extracted events of one block as ``merging.EventIndex`` holds them, for the
    replay of ``_events``, with the same answers: events alike in everything matching
    reads (type, dates, actors) are compared once, as one *shape*.

    A block often holds many such events: a sentence many articles repeat that joins
    nothing (two equally good matches are a tie, which merges nothing, so the next
    copy ties again), and ``EventIndex`` compared each new copy with every earlier
    one: 2 s for one block of 2,800 articles. Only the two smallest ids of a shape can
    reach the top of a ranking (``best_match`` reads the first two), so a shape gives
    at most two candidates."""

    def __init__(self):
        self.rows: dict[str, dict[str, Any]] = {}
        self.shape_of: dict[str, Shape] = {}
        self.ids: dict[Shape, list[str]] = {}
        self.by_actor: dict[str, set[Shape]] = {}
        self.by_actor_set: dict[frozenset, set[Shape]] = {}

    def add(self, event: dict[str, Any], actor_ids) -> None:
        if not event.get("date_start") or not event.get("date_end"):
            return  # an undated event cannot be matched by date
        self.rows[event["id"]] = event
        start, end = _day(event["date_start"]), _day(event["date_end"])
        self._place(event["id"], event["type"], start, end, frozenset(actor_ids))

    def _place(self, event_id: str, kind: str, start, end, actors: frozenset) -> None:
        shape = (kind, start, end, actors)
        self.shape_of[event_id] = shape
        if shape not in self.ids:
            self.ids[shape] = []
            for actor_id in actors:
                self.by_actor.setdefault(actor_id, set()).add(shape)
            self.by_actor_set.setdefault(actors, set()).add(shape)
        bisect.insort(self.ids[shape], event_id)

    def refine(self, event_id: str, finer: dict[str, Any]) -> None:
        """``EventIndex.refine``: a narrower date of a sentence that joined the event."""
        row, shape = self.rows[event_id], self.shape_of[event_id]
        kind, start, end, actors = shape
        finer_start, finer_end = _day(finer["date_start"]), _day(finer["date_end"])
        if row.get("origin") != "extracted" or (finer_end - finer_start) >= (end - start):
            return
        row.update({name: finer[name] for name in DATE_FIELDS if name in finer})
        self.ids[shape].remove(event_id)
        self._place(event_id, kind, finer_start, finer_end, actors)

    def ranked(
        self, event: dict[str, Any], actors: set[str], types: set[str], state_ids: set[str]
    ) -> list[tuple[int, int, str]]:
        """``EventIndex.ranked``, up to two entries per shape."""
        start, end = _day(event["date_start"]), _day(event["date_end"])
        ranked = []
        for shape in could_join(self.by_actor, self.by_actor_set, actors, state_ids):
            rank = join_rank(start, end, types, actors, state_ids, *shape)
            if rank is not None:
                ranked.extend((*rank, event_id) for event_id in self.ids[shape][:2])
        return ranked
