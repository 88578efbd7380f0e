"""Leaving what a person rejected or already curated out of one article's extraction.

A pure filter, applied before resolution: the rest of the extraction resolves as if
the extractor had never proposed the dropped items, so a reload, or a new extractor
version, cannot bring them back while the review file says no.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the extractor's modules take a while to import; loads need not
    from ..extract.pipeline import Extraction


@dataclass
class ArticleReview:
    """What to leave out of one article's extraction."""

    rejected: list[dict] = field(default_factory=list)
    # Curated rows citing the article (accepted or corrected in the browser): their
    # ids, and where they sit, so a renumbered extraction does not propose them twice.
    curated_quote_ids: set[str] = field(default_factory=set)
    curated_quote_starts: set[int] = field(default_factory=set)
    curated_event_ids: set[str] = field(default_factory=set)
    curated_evidence_starts: set[int] = field(default_factory=set)

    def rejects(self, kind: str) -> list[dict]:
        return [entry for entry in self.rejected if kind in entry]


def apply_review(extraction: Extraction, review: ArticleReview) -> Extraction:
    """The extraction without its rejected and its already-curated items."""
    source = extraction.source_id
    quote_rejects = review.rejects("quote")
    quotes = [
        quote
        for quote in extraction.quotes
        if quote["id"] not in review.curated_quote_ids
        and quote["start_offset"] not in review.curated_quote_starts
        and not any(
            r["quote"] == quote["text"] or r["start"] == quote["start_offset"]
            for r in quote_rejects
        )
    ]
    evidence_of: dict[str, list[dict]] = {}
    for link in extraction.event_sources:
        evidence_of.setdefault(link["event_id"], []).append(link)
    event_rejects = review.rejects("event")

    def event_dropped(event: dict) -> bool:
        if event["id"] in review.curated_event_ids:
            return True
        for link in evidence_of.get(event["id"], []):
            if link["source_id"] != source:
                continue
            if link["start_offset"] in review.curated_evidence_starts:
                return True
            for r in event_rejects:
                same_words = r["event"] == link["excerpt"] or r["start"] == link["start_offset"]
                if same_words and r["type"] == event["type"]:
                    return True
        return False

    dropped_events = {event["id"] for event in extraction.events if event_dropped(event)}
    rejected_names = {r["actor"].casefold() for r in review.rejects("actor")}
    dropped_actors = {a["id"] for a in extraction.actors if a["name"].casefold() in rejected_names}
    rejected_places = {r["place"].casefold() for r in review.rejects("place")}
    dropped_places = {p["id"] for p in extraction.places if p["name"].casefold() in rejected_places}
    events = []
    for event in extraction.events:
        if event["id"] in dropped_events:
            continue
        if event.get("place_id") in dropped_places:
            event = {**event, "place_id": None}
        events.append(event)
    quotes = [
        {
            **quote,
            "speaker_id": _unless(quote.get("speaker_id"), dropped_actors),
            "event_id": _unless(quote.get("event_id"), dropped_events),
        }
        for quote in quotes
    ]
    return dataclasses.replace(
        extraction,
        actors=[a for a in extraction.actors if a["id"] not in dropped_actors],
        actor_aliases=[
            a
            for a in extraction.actor_aliases
            if a["actor_id"] not in dropped_actors and a["alias"].casefold() not in rejected_names
        ],
        places=[p for p in extraction.places if p["id"] not in dropped_places],
        events=events,
        event_actors=[
            link
            for link in extraction.event_actors
            if link["event_id"] not in dropped_events and link["actor_id"] not in dropped_actors
        ],
        event_sources=[
            link for link in extraction.event_sources if link["event_id"] not in dropped_events
        ],
        quotes=quotes,
        mentioned_actor_ids=[i for i in extraction.mentioned_actor_ids if i not in dropped_actors],
    )


def _unless(value, dropped: set[str]):
    return None if value in dropped else value
