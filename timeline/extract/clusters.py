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
  order, or a range that starts in the year before. Where a block's replay stands
  after its last member is kept (``BlockReplay.summary``): an article whose id follows
  every member's goes on from there, and any other change replays the block.
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
    """Every row of a block of events."""
    return replay_block(members, curated).rows()


def replay_block(members, curated: Curated) -> BlockReplay:
    """A block's replay from its first member: the states every member names first
    (an event's candidates depend on them), then each member in source-id order."""
    states: set[str] = set()
    for _, items in members:
        for item in items:
            states.update(item["states"])
    replay = BlockReplay(curated, states)
    for source_id, items in members:
        replay.add_member(source_id, items)
    return replay


def resume_block(summary: dict, added, curated: Curated, part_of) -> BlockReplay | None:
    """The replay of a block that ``summary`` (``BlockReplay.summary``) left, gone on
    with ``added``, members whose source ids all follow its last one: the rows a replay
    from the first member would give that differ from what the block wrote before (the
    new events, their actors and evidence, and any earlier event a finer date refines).
    ``part_of(source_id)``: a member's stored part, read for an event that is refined.
    None when a new member names a state no earlier member did: the earlier members'
    matches depend on which actors are states, so the block is replayed whole."""
    known = set(summary["states"]) | curated.state_ids
    states: set[str] = set()
    for _, items in added:
        for item in items:
            states.update(item["states"])
    if not states <= known:
        return None
    replay = BlockReplay(curated, set(summary["states"]) | states, summary, part_of)
    for source_id, items in added:
        replay.add_member(source_id, items)
    return replay


class BlockReplay:
    """The sequential match of ``merging`` replayed inside one block of events, member
    by member, in source-id order: an event joins a curated event or an earlier event
    of its block, else it is new. Its ``summary`` is where it stands after the last
    member (each event's shape and where its row came from, the dates finer sentences
    gave it, the states the members name), so that an article added after every member
    goes on from there (``resume_block``) instead of decoding and replaying every
    member again: a country's block holds thousands of members in a large corpus."""

    def __init__(self, curated: Curated, states: set[str], summary=None, part_of=None):
        self.curated = curated
        self.member_states = set(states)
        self.states = set(curated.state_ids) | self.member_states
        self.block = BlockEvents(load_row=self._stored_row)
        self.taken = set(curated.event_ids)
        # Per id, the next number to try: every smaller one is taken (``taken`` only
        # grows), so the 1,000th copy of an id does not try the 999 numbers before it.
        self.next_number: dict[str, int] = {}
        # Event id -> [source id, index of its item in that member's part] and, for a
        # dated event, its shape: [type, first day, last day, actor ids].
        self.entries: dict[str, list] = {}
        self.refined: dict[str, dict[str, Any]] = {}  # event id -> dates it was given
        self.last, self.count = None, 0
        self.events: list[dict] = []
        self.event_actors: list[dict] = []
        self.event_sources: list[dict] = []
        self.changed: dict[str, dict] = {}  # rows of earlier members a finer date refined
        self.created: set[str] = set()
        self.part_of = part_of
        if summary:
            self._restore(summary)

    def _restore(self, summary: dict) -> None:
        self.last, self.count = summary["last"], summary["members"]
        self.refined = summary["refined"]
        for event_id, entry in summary["events"].items():
            self.entries[event_id] = entry
            self.taken.add(event_id)
            if len(entry) > 2:
                kind, start, end, actors = entry[2:]
                self.block.restore(event_id, kind, _day(start), _day(end), frozenset(actors))

    def _stored_row(self, event_id: str) -> dict[str, Any]:
        """The row of an earlier member's event, as the replay from the first member
        holds it: its part's event under its id, with the dates it was given since."""
        source_id, index = self.entries[event_id][:2]
        event = self.part_of(source_id)[index]["event"]
        row = {**event, "id": event_id, **self.refined.get(event_id, {})}
        return row

    def add_member(self, source_id: str, items: list[dict]) -> None:
        block, states = self.block, self.states
        renamed: dict[str, str] = {}
        added = []
        # An article's own events never merge with each other: they join the block
        # only after the whole article (as in ``resolve.Resolver``).
        for index, item in enumerate(items):
            event = item["event"]
            actors = {a["actor_id"] for a in item["actors"]}
            # One state alone (or no actor) joins nothing: states are weak evidence
            # (``merging``), so the look-ups are skipped; most copies of a repeated
            # sentence are such events.
            existing = None
            if len(actors - states) or len(actors) > 1:
                types = set(item["types"])
                ranked = block.ranked(event, actors, types, states)
                if self.curated.events is not None:
                    ranked += self.curated.events.ranked(event, actors, types, states)
                existing = best_match(ranked)
            if existing:
                renamed[event["id"]] = existing
                if existing in block.shape_of and block.refine(existing, event):
                    self._note_refined(existing, event)
                continue
            new_id = event["id"]
            if new_id in self.taken:
                number = self.next_number.get(new_id, 2)
                while f"{new_id}-{number}" in self.taken:
                    number += 1
                self.next_number[new_id] = number + 1
                new_id = f"{new_id}-{number}"
            self.taken.add(new_id)
            renamed[event["id"]] = new_id
            row = {**event, "id": new_id}
            self.events.append(row)
            self.created.add(new_id)
            self.event_actors.extend({**a, "event_id": new_id} for a in item["actors"])
            self.entries[new_id] = [source_id, index]
            added.append((row, actors))
        for row, actors in added:
            block.add(row, actors)
            if row["id"] in block.shape_of:
                self.entries[row["id"]] += self._shape(row["id"])
        evidence: set[tuple] = set()
        for item in items:
            for link in item["evidence"]:
                row = {**link, "event_id": renamed[link["event_id"]]}
                key = (row["event_id"], row["source_id"], row["start_offset"])
                if key not in evidence:
                    evidence.add(key)
                    self.event_sources.append(row)
        self.last, self.count = source_id, self.count + 1

    def _shape(self, event_id: str) -> list:
        kind, start, end, actors = self.block.shape_of[event_id]
        return [kind, start.isoformat(), end.isoformat(), sorted(actors)]

    def _note_refined(self, event_id: str, finer: dict[str, Any]) -> None:
        dates = {name: finer[name] for name in DATE_FIELDS if name in finer}
        self.refined[event_id] = {**self.refined.get(event_id, {}), **dates}
        self.entries[event_id] = self.entries[event_id][:2] + self._shape(event_id)
        if event_id not in self.created:
            self.changed[event_id] = self.block.rows[event_id]

    def rows(self) -> dict[str, list[dict]]:
        """The rows this replay made or changed: every row of the block when it began
        at the first member."""
        return {
            "events": self.events + list(self.changed.values()),
            "event_actors": self.event_actors,
            "event_sources": self.event_sources,
        }

    def summary(self) -> dict[str, Any] | None:
        """Where the replay stands (None for a block with no members left)."""
        if not self.count:
            return None
        return {
            "last": self.last,
            "members": self.count,
            "states": sorted(self.member_states),
            "events": self.entries,
            "refined": self.refined,
        }


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

    def __init__(self, load_row=None):
        # The rows of the events added here; one restored from a summary (``restore``)
        # has its row read (``load_row``) only when a finer date would change it.
        self.rows: dict[str, dict[str, Any]] = {}
        self.load_row = load_row
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

    def restore(self, event_id: str, kind: str, start, end, actors: frozenset) -> None:
        """An event of an earlier replay, from its shape alone (``BlockReplay``)."""
        self._place(event_id, kind, start, end, actors)

    def refine(self, event_id: str, finer: dict[str, Any]) -> bool:
        """``EventIndex.refine``: a narrower date of a sentence that joined the event.
        Did it change the event's row?"""
        kind, start, end, actors = self.shape_of[event_id]
        finer_start, finer_end = _day(finer["date_start"]), _day(finer["date_end"])
        if (finer_end - finer_start) >= (end - start):
            return False
        row = self.rows.get(event_id)
        if row is None:
            row = self.rows[event_id] = self.load_row(event_id)
        if row.get("origin") != "extracted":
            return False
        row.update({name: finer[name] for name in DATE_FIELDS if name in finer})
        self.ids[(kind, start, end, actors)].remove(event_id)
        self._place(event_id, kind, finer_start, finer_end, actors)
        return True

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
