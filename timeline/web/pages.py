"""What each timeline page shows, read from one Datasette database (async).

The Datasette plugin turns URLs into calls here and renders the result; nothing in this
module knows about HTML except the highlighted source text, which ``highlight`` builds.
"""

from __future__ import annotations

import asyncio
import json
from collections import Counter
from typing import Any

from ..vocabulary import QUOTE_KINDS
from .browse import (
    Page,
    TimelineFilters,
    assemble_events,
    event_queries,
    fts_query,
    group_by_period,
)
from .display import display_date
from .highlight import Span, highlight

Row = dict[str, Any]


async def rows(db, sql: str, params: dict | None = None) -> list[Row]:
    return [dict(row) for row in await db.execute(sql, params or {})]


async def is_timeline_database(db) -> bool:
    return await db.table_exists("events") and await db.table_exists("event_actors")


# Up to this many events, their actors, sources and quotes are fetched by id; beyond
# it (a whole-timeline export) by repeating the filter, to stay clear of SQLite's
# 32,766 bound parameters.
LIST_IDS_UP_TO = 10_000


async def load_events(db, filters: TimelineFilters, page: Page | None = None) -> list[Row]:
    """The events matching the filters (one page of them, if ``page``), nested.

    The events are read first and what belongs to them by their ids afterwards:
    repeating the filter in each of those queries searched and sorted every match
    four times (a search for a common word at a million events: 418 ms a page, 51 ms
    this way).
    """
    search = fts_query(filters.q) if filters.q else None
    many_matches = bool(page and search and await _many_matches(db, search, page))
    queries = event_queries(filters, page=page, many_matches=many_matches)
    results = {"events": await rows(db, *queries["events"])}
    ids = [row["id"] for row in results["events"]]
    if len(ids) <= LIST_IDS_UP_TO:
        queries = event_queries(event_ids=ids)
    for name in ("actors", "sources", "quotes"):
        results[name] = await rows(db, *queries[name])
    if len(ids) <= 1_000:
        return assemble_events(results)
    # Thousands of events (an export) are shaped off the event loop.
    return await asyncio.to_thread(assemble_events, results)


async def count_events(db, filters: TimelineFilters, up_to: int) -> int:
    """How many events match the filters, counting no further than ``up_to`` + 1."""
    where, params = filters.where()
    sql = f"SELECT count(*) AS n FROM (SELECT 1 FROM events e{where} LIMIT {int(up_to) + 1})"
    return (await rows(db, sql, params))[0]["n"]


async def _many_matches(db, search: str, page: Page) -> bool:
    """Whether the search (an FTS5 query from ``fts_query``) matches so many events that a
    page is found fastest by walking the events in date order (``Page.scan_in_date_order``)."""
    # Counting in the full-text index reads no event rows: 4 ms for 200,000 matches.
    matches = (
        await rows(
            db,
            "SELECT count(*) AS n FROM events_fts WHERE events_fts MATCH :q",
            {"q": search},
        )
    )[0]["n"]
    # The largest rowid stands in for the number of events: exact enough, and free.
    events = (await rows(db, "SELECT max(rowid) AS n FROM events"))[0]["n"] or 0
    return page.scan_in_date_order(matches, events)


# Above this many events, counting each filter choice's events would scan millions of
# rows on every page view; the form then lists the choices without counts.
COUNT_CHOICES_UP_TO = 50_000


async def filter_choices(db, total: int) -> Row:
    """The values the filter form offers: only those that have events."""
    if total > COUNT_CHOICES_UP_TO:
        return {
            "actors": await rows(
                db,
                "SELECT a.id, a.name, NULL AS events FROM actors a WHERE EXISTS "
                "(SELECT 1 FROM event_actors ea WHERE ea.actor_id = a.id) ORDER BY a.name",
            ),
            "types": await rows(
                db,
                "SELECT t.id, NULL AS events FROM event_types t WHERE EXISTS "
                "(SELECT 1 FROM events e WHERE e.type = t.id) ORDER BY t.id",
            ),
            "places": await rows(
                db,
                "SELECT p.id, p.name, NULL AS events FROM places p WHERE EXISTS "
                "(SELECT 1 FROM events e WHERE e.place_id = p.id) ORDER BY p.name",
            ),
        }
    return {
        "actors": await rows(
            db,
            "SELECT a.id, a.name, count(DISTINCT ea.event_id) AS events FROM actors a "
            "JOIN event_actors ea ON ea.actor_id = a.id GROUP BY a.id, a.name ORDER BY a.name",
        ),
        "types": await rows(
            db, "SELECT type AS id, count(*) AS events FROM events GROUP BY type ORDER BY type"
        ),
        "places": await rows(
            db,
            "SELECT p.id, p.name, count(*) AS events FROM events e JOIN places p "
            "ON p.id = e.place_id GROUP BY p.id, p.name ORDER BY p.name",
        ),
    }


async def timeline_page(db, filters: TimelineFilters, page: Page | None = None) -> Row:
    page = page or Page()
    events = await load_events(db, filters, page)
    more = len(events) > page.size
    events = events[: page.size]
    total = (await rows(db, "SELECT count(*) AS n FROM events"))[0]["n"]
    choices = await filter_choices(db, total)
    names = {
        "actor": {a["id"]: a["name"] for a in choices["actors"]},
        "place": {p["id"]: p["name"] for p in choices["places"]},
    }
    chips = []
    for name, key in TimelineFilters.URL_NAMES.items():
        value = getattr(filters, name)
        if value:
            label = names.get(name, {}).get(value, value)
            chips.append({"label": f"{key}: {label}", "remove": filters.query_string(**{key: ""})})
    later = None
    if more:
        last = events[-1]
        sort_key = f"{last['date']['start']}/{last['date']['end']}"
        later = filters.query_string(after=f"{sort_key}~{last['id']}")
    return {
        "events": events,
        "later": later,
        "paged": bool(page.after),
        "years": group_by_period(events),
        "choices": choices,
        "filters": filters,
        "chips": chips,
        "total": total,
    }


# An actor can be in thousands of events at a million: a page with all 2,070 of one
# actor's took 384 ms (p95), most of it rendering 2.4 MB of HTML. The page shows the
# timeline's first page of them and the first quotes (37 ms), and links to the pages
# that list them all.
ACTOR_PAGE_QUOTES = 100


async def actor_page(db, actor_id: str) -> Row | None:
    """The actor, its first page of events (with its roles) and of quotes, and how many
    there are of each; ``more_events`` / ``more_quotes`` say whether some are not shown."""
    found = await rows(
        db, "SELECT id, name, type, description FROM actors WHERE id = :id", {"id": actor_id}
    )
    if not found:
        return None
    aliases = await rows(
        db,
        "SELECT alias FROM actor_aliases WHERE actor_id = :id ORDER BY alias",
        {"id": actor_id},
    )
    page = Page()
    events = await load_events(db, TimelineFilters(actor=actor_id), page)
    more_events = len(events) > page.size
    events = events[: page.size]
    for event in events:
        event["roles"] = next((a["roles"] for a in event["actors"] if a["id"] == actor_id), [])
    quotes = await rows(
        db,
        "SELECT q.id, q.text, q.kind, q.notes, q.source_id, s.title AS source_title, "
        "s.label AS source_label, s.publisher AS source_publisher, "
        "s.published AS source_published, s.url AS source_url, "
        "q.event_id, e.title AS event_title, e.date AS event_date "
        "FROM quotes q JOIN sources s ON s.id = q.source_id "
        "LEFT JOIN events e ON e.id = q.event_id WHERE q.speaker_id = :id "
        # Said at an event: that event's date; otherwise the article's date.
        "ORDER BY coalesce(e.date_start, s.published), q.source_id, q.start_offset "
        f"LIMIT {ACTOR_PAGE_QUOTES + 1}",
        {"id": actor_id},
    )
    more_quotes = len(quotes) > ACTOR_PAGE_QUOTES
    quotes = quotes[:ACTOR_PAGE_QUOTES]
    kinds = await _actor_quote_kinds(db, actor_id) if more_quotes else _kinds_of(quotes)
    for quote in quotes:
        quote["event_display_date"] = (
            display_date(quote["event_date"]) if quote["event_date"] else None
        )
    return {
        # Not "actor": Datasette's templates use that name for the signed-in user.
        "subject": found[0],
        "aliases": [row["alias"] for row in aliases if row["alias"] != found[0]["name"]],
        "events": events,
        "event_count": await _actor_event_count(db, actor_id) if more_events else len(events),
        "more_events": more_events,
        "years": group_by_period(events),
        "quotes": quotes,
        "quote_count": sum(kinds.values()),
        "quote_kinds": kinds,
        "more_quotes": more_quotes,
    }


async def _actor_event_count(db, actor_id: str) -> int:
    """Events the actor takes part in, counted along the event_actors actor_id index
    (an actor with two roles in one event counts once): 3 ms for 2,070 events."""
    sql = "SELECT count(DISTINCT event_id) AS n FROM event_actors WHERE actor_id = :id"
    return (await rows(db, sql, {"id": actor_id}))[0]["n"]


async def _actor_quote_kinds(db, actor_id: str) -> dict[str, int]:
    """Quotes the actor said, per kind, counted along the quotes speaker_id index."""
    sql = "SELECT kind, count(*) AS n FROM quotes WHERE speaker_id = :id GROUP BY kind"
    return _in_vocabulary_order(
        {row["kind"]: row["n"] for row in await rows(db, sql, {"id": actor_id})}
    )


def _kinds_of(quotes: list[Row]) -> dict[str, int]:
    return _in_vocabulary_order(Counter(quote["kind"] for quote in quotes))


def _in_vocabulary_order(counts: dict[str, int]) -> dict[str, int]:
    """Quotations first, then interview answers: a reader counting someone's quotes does
    not count their answers in an interview as quotations."""
    return {kind: counts[kind] for kind in (*QUOTE_KINDS, *counts) if kind in counts}


# Notes listed beside an article, per kind (quotes, evidence, figures): every mark is in
# the text, but a list of 10,000 notes is neither readable nor quick to render.
SOURCE_PAGE_NOTES = 200


async def source_page(db, source_id: str, database_url: str, timeline_url: str) -> Row | None:
    """The article, its marked text and a note per mark linking to the record behind it."""
    found = await rows(db, "SELECT * FROM sources WHERE id = :id", {"id": source_id})
    if not found:
        return None
    source = found[0]
    params = {"id": source_id}
    quotes = await rows(
        db,
        "SELECT q.id, q.text, q.kind, q.start_offset, q.end_offset, q.speaker_id, "
        "a.name AS speaker_name, "
        "q.event_id, e.title AS event_title FROM quotes q "
        "LEFT JOIN actors a ON a.id = q.speaker_id LEFT JOIN events e ON e.id = q.event_id "
        "WHERE q.source_id = :id ORDER BY q.start_offset",
        params,
    )
    evidence = await rows(
        db,
        "SELECT es.event_id, es.excerpt, es.start_offset, es.end_offset, e.title AS event_title, "
        "e.date AS event_date FROM event_sources es JOIN events e ON e.id = es.event_id "
        "WHERE es.source_id = :id ORDER BY es.start_offset",
        params,
    )
    figures = await rows(
        db,
        "SELECT id, subject, value, value_max, unit, excerpt, start_offset, end_offset "
        "FROM figures WHERE source_id = :id ORDER BY start_offset",
        params,
    )
    boilerplate = await rows(
        db,
        "SELECT start_offset, end_offset, reason FROM source_boilerplate WHERE source_id = :id "
        "ORDER BY start_offset",
        params,
    )
    inferences = await rows(
        db, "SELECT field, value, evidence FROM source_inferences WHERE source_id = :id", params
    )
    spans = []
    spans += _mark(
        quotes,
        "quote",
        "Q",
        lambda q: f"quote:{q['id']}",
        lambda n, q: f"Quote {n}: {q['speaker_name'] or 'speaker not named'}",
    )
    spans += _mark(
        evidence,
        "evidence",
        "E",
        lambda e: f"evidence:{e['event_id']}:{e['start_offset']}",
        lambda n, e: f"Evidence for: {e['event_title']}",
    )
    spans += _mark(figures, "figure", "F", lambda f: f"figure:{f['id']}",
                   lambda n, f: f"Figure: {f['subject']}")  # fmt: skip
    for quote in quotes:
        quote["href"] = f"{database_url}/quotes/{quote['id']}"
    for item in evidence:
        item["href"] = f"{timeline_url}#event-{item['event_id']}"
        item["event_display_date"] = display_date(item["event_date"])
    for figure in figures:
        figure["href"] = f"{database_url}/figures/{figure['id']}"
    for number, junk in enumerate(boilerplate, 1):
        spans.append(
            Span(
                "boilerplate",
                f"boilerplate:{number}",
                junk["start_offset"],
                junk["end_offset"],
                title=f"Boilerplate: {junk['reason']}",
            )
        )
    # An article with thousands of marks: the text is marked off the event loop, and
    # the notes beside it list the first SOURCE_PAGE_NOTES of each kind.
    text_html = await asyncio.to_thread(highlight, source["text"], spans)
    return {
        "source": source,
        "tags": _json_list(source.get("tags")),
        "categories": _json_list(source.get("categories")),
        "other_front_matter": other_front_matter(source.get("extra")),
        "published_display": display_date(source["published"]) if source["published"] else None,
        "inferences": inferences,
        "text_html": text_html,
        "quotes": quotes[:SOURCE_PAGE_NOTES],
        "evidence": evidence[:SOURCE_PAGE_NOTES],
        "figures": figures[:SOURCE_PAGE_NOTES],
        "counts": {"quotes": len(quotes), "evidence": len(evidence), "figures": len(figures)},
        "notes_shown": SOURCE_PAGE_NOTES,
        "boilerplate": boilerplate,
    }


async def map_page(db) -> Row:
    places = await rows(
        db,
        "SELECT p.*, (SELECT count(*) FROM events e WHERE e.place_id = p.id) AS events "
        "FROM places p ORDER BY p.name",
    )
    located = [p for p in places if p["latitude"] is not None and p["longitude"] is not None]
    return {
        "located": located,
        "unlocated": [p for p in places if p not in located],
        "markers": [
            {
                "id": p["id"],
                "name": p["name"],
                "lat": p["latitude"],
                "lng": p["longitude"],
                "events": p["events"],
                "origin": p.get("coordinates_origin"),
            }
            for p in located
        ],
    }


def _json_list(text: str | None) -> list[str]:
    """A sources.tags / categories value (a JSON array, or NULL) as a list."""
    return [str(item) for item in json.loads(text)] if text else []


def other_front_matter(text: str | None) -> list[tuple[str, str]]:
    """(key, value) of every front matter key no column holds (sources.extra), in the
    file's order; a value that is not text is shown as JSON. The template escapes both."""
    if not text:
        return []
    extra = json.loads(text)
    return [
        (key, value if isinstance(value, str) else json.dumps(value, ensure_ascii=False))
        for key, value in extra.items()
    ]


def _mark(items: list[Row], kind: str, prefix: str, anchor, title) -> list[Span]:
    """Number the items (Q1, Q2, ...) and give each the highlight span at its offsets."""
    spans = []
    for number, item in enumerate(items, 1):
        item["label"] = f"{prefix}{number}"
        item["span"] = Span(kind, anchor(item), item["start_offset"], item["end_offset"],
                            item["label"], title(number, item))  # fmt: skip
        spans.append(item["span"])
    return spans
