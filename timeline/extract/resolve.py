"""Resolution: the extractions of many articles become one set of rows, merged in order.

This is the sequential merge that ``timeline extract`` drafts and ``timeline eval``
use (one article, or a few, merged into a corpus in memory). A load resolves by
cluster instead (``clusters``), the same rules replayed within each cluster, so that
a change re-resolves only what it touches.

Each article is extracted on its own (``pipeline.extract_article``), against the
curated actors only, so its result depends on nothing but its own text and the
curated knowledge. What links articles to each other happens here: an actor named in
several articles is one row (extracted actor ids are slugs of the name, so the same
name gives the same id), a spelling belongs to the first actor that claims it, and an
extracted event that reports an existing event (curated, or extracted from an earlier
article) becomes more evidence for it.

Extractions are resolved in source-id order, always: the outcome is a function of the
set of articles, never of the order in which they arrived, so any sequence of
incremental loads gives the database a fresh load of the same folder gives. Every
look-up goes through an index kept for the whole run, so resolving N articles costs
O(N), not O(N^2).
"""

from __future__ import annotations

from typing import Any

from ..validate import Corpus
from .merging import EventIndex


class Resolver:
    """Merges extractions into a corpus (curated rows plus what was merged before)."""

    def __init__(self, corpus: Corpus, events: EventIndex | None = None):
        self.corpus = corpus
        self.events = events or EventIndex(corpus.events, corpus.event_actors, corpus.actors)
        self.actor_ids = {a["id"] for a in corpus.actors}
        self.place_ids = {p["id"] for p in corpus.places}
        self.alias_owner = {a["alias_key"]: a["actor_id"] for a in corpus.actor_aliases}
        self.alias_pairs = {(a["actor_id"], a["alias"]) for a in corpus.actor_aliases}
        self.event_ids = {e["id"] for e in corpus.events}
        self.evidence = {
            (s["event_id"], s["source_id"], s["start_offset"]) for s in corpus.event_sources
        }
        self.quote_ids = {q["id"] for q in corpus.quotes}

    def merge(self, extraction) -> dict[str, str]:
        """Add one extraction's rows, re-using existing actors and events, never
        duplicating ids. An article's own events never merge with each other: they are
        distinct happenings (two sentences that report one already share an id).
        Returns extracted event id -> the id it now has."""
        corpus = self.corpus
        for actor in extraction.actors:
            if actor["id"] not in self.actor_ids:
                self.actor_ids.add(actor["id"])
                corpus.actors.append(actor)
        for place in extraction.places:
            if place["id"] not in self.place_ids:
                self.place_ids.add(place["id"])
                corpus.places.append(place)
        self.events.note_states(extraction.actors)
        for alias in extraction.actor_aliases:
            key, pair = alias["alias_key"], (alias["actor_id"], alias["alias"])
            if pair in self.alias_pairs or self.alias_owner.get(key, pair[0]) != pair[0]:
                continue
            self.alias_owner[key] = pair[0]
            self.alias_pairs.add(pair)
            corpus.actor_aliases.append(alias)
        renamed = self._merge_events(extraction)
        for link in extraction.event_sources:
            row = {**link, "event_id": renamed[link["event_id"]]}
            key = (row["event_id"], row["source_id"], row["start_offset"])
            if key not in self.evidence:
                self.evidence.add(key)
                corpus.event_sources.append(row)
        for quote in extraction.quotes:
            if quote["id"] not in self.quote_ids:
                self.quote_ids.add(quote["id"])
                corpus.quotes.append(quote)
        return renamed

    def _merge_events(self, extraction) -> dict[str, str]:
        renamed: dict[str, str] = {}
        added: list[tuple[dict[str, Any], set[str]]] = []
        actors_of: dict[str, list[dict[str, Any]]] = {}
        for link in extraction.event_actors:
            actors_of.setdefault(link["event_id"], []).append(link)
        for event in extraction.events:
            actors = {a["actor_id"] for a in actors_of.get(event["id"], [])}
            wording = extraction.event_wording.get(event["id"], [])
            types = getattr(extraction, "event_types", {}).get(event["id"])
            existing = self.events.match(event, actors, wording, types)
            if existing:
                renamed[event["id"]] = existing
                self.events.refine(existing, event)
                continue
            new_id, number = event["id"], 2
            while new_id in self.event_ids:
                new_id, number = f"{event['id']}-{number}", number + 1
            self.event_ids.add(new_id)
            renamed[event["id"]] = new_id
            row = {**event, "id": new_id}
            self.corpus.events.append(row)
            self.corpus.event_actors.extend(
                {**a, "event_id": new_id} for a in actors_of.get(event["id"], [])
            )
            added.append((row, actors))
        # Only after the whole article: its own events never merge with each other.
        for event, actors in added:
            self.events.add(event, actors)
        return renamed
