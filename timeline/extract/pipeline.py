"""Entry points: extract one article into rows, or extend a corpus with what is uncurated.

Rows are shaped exactly like the curated rows of ``timeline.validate.Corpus`` plus
``origin: 'extracted'``; ids are deterministic (``x-<source>-q3``, ``x-<date>-<type>-<actor>``,
actor slugs), so loading the same seeds twice writes the same database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..articles import Article
from ..dates import parse_date
from ..validate import Corpus, alias_key
from .actors import ActorBook, find_mentions
from .datelines import dateline_day
from .event_places import EventPlaces
from .events import EventCandidate, find_candidates
from .gazetteer import STATE_NAMES
from .interviewees import publisher_name
from .interviews import find_answers
from .merging import EventIndex, wording_types
from .names import name_key
from .places import PlaceMention, builtin_places, find_places, gazetteer
from .places import place_id as _place_id
from .quotations import extract_quotes, quote_rows
from .quotes import find_quote_spans
from .relative_dates import Published
from .sentences import paragraphs as split_paragraphs
from .statements import find_statements
from .venues import venue_places

EXTRACTED = "extracted"


@dataclass
class Extraction:
    """Rows extracted from one source, shaped like Corpus rows, each with origin 'extracted'."""

    source_id: str
    actors: list[dict[str, Any]] = field(default_factory=list)
    actor_aliases: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    event_actors: list[dict[str, Any]] = field(default_factory=list)
    event_sources: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    # Every actor mentioned (known or new), for reviewers and evaluation.
    mentioned_actor_ids: list[str] = field(default_factory=list)
    # Reasoning per event id, and how each quote's speaker was found, for drafts.
    quote_methods: dict[str, str] = field(default_factory=dict)
    # The words each event was typed from, per event id: merging checks types against them.
    event_wording: dict[str, list[str]] = field(default_factory=dict)
    # The types that wording supports, per event id: found once here, on every core,
    # rather than at every resolution (matching regexes was most of resolving's time).
    event_types: dict[str, list[str]] = field(default_factory=dict)


def extract_article(
    article: Article,
    known_actors: list[dict],
    known_aliases: list[dict],
    known_places: list[dict] = (),
) -> Extraction:
    """Quotes, actors, places, dated event candidates of one article, linked to known
    actors and places."""
    text = article.search_text
    published = Published.parse(article.fields.get("published"))
    paragraphs = split_paragraphs(text)
    quote_spans = find_quote_spans(text, paragraphs)
    answers = find_answers(
        paragraphs, publisher_name(article.fields.get("publisher")), article.fields.get("title")
    )
    book = ActorBook(known_actors, known_aliases)
    known_ids = set(book.actors)
    known_forms = {(a.id, name_key(f)) for a in book.actors.values() for f in a.forms}
    quoted = [(q.start, q.end) for q in quote_spans] + [(a.start, a.end) for a in answers]
    statements = find_statements(paragraphs, quoted)
    quoted += [(p.start, p.end) for s in statements for p in s.paragraphs]
    mentions = find_mentions(text, paragraphs, book, quoted)

    quotes = extract_quotes(
        text,
        paragraphs,
        quote_spans,
        answers,
        mentions,
        book,
        article.fields.get("title"),
        statements=statements,
    )
    # A source dated only to the month: its dateline may give the day ("May 7, 2015 —").
    dated = dateline_day(text, paragraphs, published)
    candidates = find_candidates(
        text, paragraphs, mentions, book, dated, [(q.start, q.end) for q in quote_spans]
    )
    index = gazetteer()
    places = find_places(
        text, paragraphs, mentions, {a.id: a.type for a in book.actors.values()}, index
    )
    # "at the White House": the city the venue is in, where the happening took place
    places = sorted([*places, *venue_places(text, paragraphs, index)], key=lambda m: m.start)

    extraction = Extraction(article.id)
    place_ids = _add_places(extraction, places, known_places, index is not builtin_places())
    # An interviewee is named by an answer's label or the headline, where no mention is.
    answering = [q.speaker_id for q in quotes if q.answer and q.speaker_id]
    extraction.mentioned_actor_ids = list(
        dict.fromkeys([*(m.actor_id for m in mentions), *answering])
    )
    # A speaker found only as a speaker (an interviewee the headline names) is an actor too.
    used = set(extraction.mentioned_actor_ids) | {q.speaker_id for q in quotes if q.speaker_id}
    for actor in book.actors.values():
        if actor.id in known_ids:
            for form in actor.forms:
                if (actor.id, name_key(form)) not in known_forms:
                    extraction.actor_aliases.append(_alias_row(actor.id, form))
            continue
        if actor.id not in used:
            continue
        extraction.actors.append(
            {
                "id": actor.id,
                "name": actor.name,
                "type": actor.type,
                "description": None,
                "origin": EXTRACTED,
                "extraction_method": actor.method or "actor: named in the article",
                "extraction_basis": actor.basis or actor.name,
            }
        )
        for form in actor.forms:
            extraction.actor_aliases.append(_alias_row(actor.id, form))
    for row, method in quote_rows(article.id, article.text, quotes):
        extraction.quote_methods[row["id"]] = method
        extraction.quotes.append(row)
    _add_events(extraction, article, candidates, places, place_ids)
    extraction.event_types = {
        event["id"]: sorted(wording_types(extraction.event_wording[event["id"]], event["type"]))
        for event in extraction.events
    }
    return extraction


def _alias_row(actor_id: str, form: str) -> dict[str, Any]:
    return {
        "actor_id": actor_id,
        "alias": form,
        "alias_key": alias_key(form),
        "origin": EXTRACTED,
        "extraction_method": "alias: a spelling the article uses",
        "extraction_basis": form,
    }


def _add_places(
    extraction: Extraction, places: list[PlaceMention], known: list[dict], full: bool
) -> dict[int, str]:
    """Place rows for the places mentioned (a known place of the same name and country is
    re-used, not repeated); returns place key (GeoNames id, or ISO code) -> place id."""
    by_name = {(alias_key(p["name"]), alias_key(p.get("country") or "")): p for p in known}
    by_name_only = {alias_key(p["name"]): p for p in known}
    taken = {p["id"]: -1 for p in known}
    ids: dict[int | str, str] = {}
    source = "GeoNames tables shipped with timeline" if full else "GeoNames table shipped"
    for mention in places:
        place = mention.place
        if place.key in ids:
            continue
        existing = by_name.get((alias_key(place.name), alias_key(place.country))) or (
            by_name_only.get(alias_key(place.name))
            if not by_name_only.get(alias_key(place.name), {}).get("country")
            else None
        )
        if existing:
            ids[place.key] = existing["id"]
            continue
        place_id = _place_id(place, taken)
        if place.code:
            table = f"ISO 3166-2 regions table shipped with timeline, {place.code}"
        elif place.geonameid is None:
            table = "seas and regions list shipped with timeline"
        else:
            table = source
        ids[place.key] = place_id
        extraction.places.append(
            {
                "id": place_id,
                # An English exonym as written ("Mecca" for Makkah), not a state's alias
                # nor its initials ("U.S.", "UK").
                "name": mention.written
                if mention.written
                and mention.written not in STATE_NAMES
                and mention.written.istitle()
                and not mention.written.isupper()
                else place.name,
                "country": place.country or None,
                "latitude": place.latitude,
                "longitude": place.longitude,
                # A region of the ISO table has no point: nothing to say where one came from.
                "coordinates_origin": f"geonames:{place.geonameid}"
                if place.latitude is not None
                else None,
                "origin": EXTRACTED,
                "extraction_method": f"place: {place.kind} in the gazetteer ({table})",
                "extraction_basis": mention.basis,
            }
        )
    return ids


def _headline_places(article: Article) -> list[PlaceMention]:
    """The places the headline names ("Lantern Festival in Taipei lights up the night")."""
    title = article.fields.get("title")
    if not title:
        return []
    return find_places(title, split_paragraphs(title), [], {}, gazetteer())


def _add_events(
    extraction: Extraction,
    article: Article,
    candidates: list[EventCandidate],
    places: list[PlaceMention],
    place_ids: dict[int, str],
):
    by_id: dict[str, dict[str, Any]] = {}
    linked: set[tuple[str, str]] = set()
    event_places = EventPlaces(article.search_text, places, _headline_places(article))
    for candidate in candidates:
        row = by_id.get(candidate.id)
        if row is None:
            date = candidate.date.date
            located = event_places.of(candidate.evidence, candidate.date.start)
            where = located.mention if located else None
            typed = (
                f"type {candidate.type} by “{candidate.type_words}”"
                if candidate.type_words
                else "no type keyword"
            )
            basis = f"date “{candidate.date.expression}”; {typed}"
            if located:
                words = article.search_text[where.start : where.end]
                basis += f"; place “{words}”" + (
                    f" (inferred: {located.inferred})" if located.inferred else ""
                )
            row = {
                "id": candidate.id,
                "title": candidate.title,
                "summary": None,
                "type": candidate.type,
                "status": candidate.status,
                "date": date.edtf,
                "date_precision": date.precision,
                "date_start": date.start.isoformat(),
                "date_end": date.end.isoformat(),
                "sort_key": date.sort_key,
                "date_approximate": date.approximate,
                "date_uncertain": date.uncertain,
                "date_expression": candidate.date.expression,
                "date_inferred": True,
                "date_reasoning": candidate.date.reasoning,
                "place_id": place_ids.get(where.place.key) if where else None,
                "sources_differ": False,
                "conflict_note": None,
                "origin": EXTRACTED,
                "extraction_method": "event: a sentence with a resolved date",
                "extraction_basis": basis,
            }
            by_id[candidate.id] = row
            extraction.events.append(row)
        for actor_id in candidate.actor_ids:
            if (candidate.id, actor_id) not in linked:
                linked.add((candidate.id, actor_id))
                extraction.event_actors.append(
                    {
                        "event_id": candidate.id,
                        "actor_id": actor_id,
                        "role": "participant",
                        "origin": EXTRACTED,
                        "extraction_method": "event actor: named in the evidence",
                        "extraction_basis": candidate.actor_words.get(actor_id),
                    }
                )
        extraction.event_wording.setdefault(candidate.id, []).append(candidate.wording)
        extraction.event_sources.append(
            {
                "event_id": candidate.id,
                "source_id": article.id,
                "excerpt": article.text[candidate.evidence.start : candidate.evidence.end],
                "start_offset": candidate.evidence.start,
                "end_offset": candidate.evidence.end,
                "origin": EXTRACTED,
                "extraction_method": (
                    f"evidence: the dated sentence or clause, restating ({candidate.restates})"
                    if candidate.restates
                    else "evidence: the dated sentence or clause"
                ),
                "extraction_basis": candidate.date.expression,
            }
        )


# -- extending a corpus -------------------------------------------------------------------


def article_from_row(row: dict[str, Any]) -> Article:
    """The Article a sources row was made from (enough of it for extraction)."""
    return Article(
        id=row["id"],
        file_path=row.get("file_path") or row["id"],
        text=row["text"],
        search_text=row["search_text"],
        content_hash=row.get("content_hash", ""),
        file_hash=row.get("file_hash", ""),
        front_matter_line=1,
        fields={
            "published": row.get("published"),
            "published_precision": row.get("published_precision"),
            "title": row.get("title"),
            "publisher": row.get("publisher"),
        },
    )


def merge_extraction(
    corpus: Corpus, extraction: Extraction, events: EventIndex | None = None
) -> dict[str, str]:
    """Add one extraction's rows to a corpus (see ``resolve.Resolver.merge``).

    ``events``: the corpus's events, indexed (built here when not given; pass one to
    keep over many extractions). Returns extracted event id -> the id it now has.
    """
    from .resolve import Resolver

    return Resolver(corpus, events).merge(extraction)


__all__ = ["Extraction", "extract_article", "merge_extraction", "parse_date"]
