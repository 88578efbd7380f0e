"""Events with everything said about them: the SQL and the shaping behind the timeline
pages and the TimelineJS / iCalendar / JSON exports.

The queries are plain SQL with named parameters, run by whoever holds a connection:
the Datasette plugin through ``Database.execute`` (async), the CLI through
``query.run_query`` (SQLAlchemy). Both hand the rows back to ``assemble_events``, so a
page and an export of the same filter show the same events.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlencode

from .display import display_date, month_heading

Row = dict[str, Any]

EVENT_SELECT = """
SELECT e.id, e.title, e.summary, e.type, e.status, e.date, e.date_precision,
    e.date_start, e.date_end, e.sort_key, e.date_approximate, e.date_uncertain,
    e.date_expression, e.date_inferred, e.date_reasoning, e.sources_differ,
    e.conflict_note, e.place_id, p.name AS place_name, p.country AS place_country,
    p.latitude AS place_latitude, p.longitude AS place_longitude
FROM events e LEFT JOIN places p ON p.id = e.place_id
"""

_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


class FilterError(ValueError):
    """A filter value we cannot use; the message says what to write instead."""


def period_bounds(text: str, *, end: bool) -> str:
    """First (or last) ISO day of '2025', '2025-08' or '2025-08-10'."""
    match = _PERIOD.match(text.strip())
    if not match:
        raise FilterError(f"{text!r} is not a date: write 2025, 2025-08 or 2025-08-10")
    year, month, day = match.groups()
    if day:
        return f"{year}-{month}-{day}"
    if month:
        if not 1 <= int(month) <= 12:
            raise FilterError(f"{text!r}: months run from 01 to 12")
        last = calendar.monthrange(int(year), int(month))[1]
        return f"{year}-{month}-{last:02d}" if end else f"{year}-{month}-01"
    return f"{year}-12-31" if end else f"{year}-01-01"


_WORD = re.compile(r"\w")


def fts_query(text: str) -> str | None:
    """The words of a search box as an FTS5 query every word of which must match, each
    quoted so nothing a reader types is FTS syntax (a stray ", NEAR, a - or a *); None
    when no word is left (a box holding only quotes or punctuation)."""
    words = [word for word in text.split() if _WORD.search(word)]
    if not words:
        return None
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


@dataclass
class TimelineFilters:
    """What a reader narrowed the timeline to; every field is a URL query parameter."""

    actor: str = ""
    type: str = ""
    place: str = ""
    start: str = ""  # "from" in the URL: events whose date reaches this period or later
    end: str = ""  # "to" in the URL
    q: str = ""  # full-text search in event titles and summaries (events_fts)
    errors: list[str] = field(default_factory=list)

    URL_NAMES = {"actor": "actor", "type": "type", "place": "place", "start": "from",
                 "end": "to", "q": "q"}  # fmt: skip

    @classmethod
    def from_args(cls, args) -> TimelineFilters:
        """From a query string (anything with ``.get``): unknown keys are ignored."""
        return cls(**{name: (args.get(key) or "").strip() for name, key in cls.URL_NAMES.items()})

    def query_string(self, **changes: str) -> str:
        """This filter as a query string, with some values changed ('' removes one)."""
        values = {key: getattr(self, name) for name, key in self.URL_NAMES.items()}
        values.update(changes)
        return urlencode({key: value for key, value in values.items() if value})

    @property
    def active(self) -> bool:
        return any(getattr(self, name) for name in self.URL_NAMES)

    def where(
        self, *, full_text: bool = True, many_matches: bool = False
    ) -> tuple[str, dict[str, str]]:
        """A WHERE clause over ``events e`` and its parameters; bad values go to ``errors``.

        ``full_text`` needs SQLite's events_fts; exports to other engines pass False.
        ``many_matches`` says the search words match a large share of all events (see
        ``Page.scan_in_date_order``).
        """
        clauses, params = [], {}
        if self.actor:
            clauses.append("e.id IN (SELECT event_id FROM event_actors WHERE actor_id = :actor)")
            params["actor"] = self.actor
        if self.type:
            clauses.append("e.type = :type")
            params["type"] = self.type
        if self.place:
            clauses.append("e.place_id = :place")
            params["place"] = self.place
        for name, column, comparison, is_end in (
            ("start", "e.date_end", ">=", False),
            ("end", "e.date_start", "<=", True),
        ):
            value = getattr(self, name)
            if not value:
                continue
            try:
                params[name] = period_bounds(value, end=is_end)
            except FilterError as error:
                self.errors.append(str(error))
                continue
            clauses.append(f"{column} {comparison} :{name}")
        search = fts_query(self.q) if self.q and full_text else None
        if self.q and full_text and search is None:
            self.errors.append(f"{self.q!r} has no word to search for (letters or digits)")
        if search:
            # SQLite cannot tell how many rows a MATCH yields and plans for few: it looks
            # each one up by rowid and sorts them all, 90 ms for 200,000 matches at a
            # million events. The unary + keeps it off rowid, so it walks the sort_key
            # index in date order and stops after a page: 17 ms. Few matches are faster
            # the first way.
            rowid = "+e.rowid" if many_matches else "e.rowid"
            clauses.append(f"{rowid} IN (SELECT rowid FROM events_fts WHERE events_fts MATCH :q)")
            params["q"] = search
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


@dataclass(frozen=True)
class Page:
    """A page of the timeline: events after (sort_key, id) ``after``, at most ``size``.

    Keyset paging: the next page starts where this one ended, so page 1,000 costs what
    page 1 costs (an index range scan on sort_key), unlike OFFSET.
    """

    size: int = 100
    after: tuple[str, str] | None = None

    def scan_in_date_order(self, matches: int, events: int) -> bool:
        """Whether finding this page is cheaper by walking all events in date order and
        keeping the matching ones than by sorting every match.

        Walking finds a page after about size * events / matches events; sorting touches
        all ``matches``. Walking wins when matches * matches > size * events: above 10,000
        matches at a million events (a word in 1% of them), above 1,000 at 10,000.
        """
        return matches * matches > (self.size + 1) * events

    @classmethod
    def from_cursor(cls, cursor: str, size: int = 100) -> Page:
        """``after=<sort_key>~<id>`` in the URL; anything unreadable means the first page."""
        key, _, event_id = (cursor or "").partition("~")
        return cls(size, (key, event_id) if key and event_id else None)


def event_queries(
    filters: TimelineFilters | None = None,
    *,
    full_text: bool = True,
    event_ids: list[str] | None = None,
    page: Page | None = None,
    many_matches: bool = False,
):
    """{name: (sql, params)}: the events matching the filters and what belongs to them.

    ``event_ids`` narrows to those events (a Datasette table page's rows); ``page``
    to one page of them (one more row than the page size is asked for, to tell
    whether another page follows); ``many_matches`` as in ``TimelineFilters.where``.
    """
    filters = filters or TimelineFilters()
    where, params = filters.where(full_text=full_text, many_matches=many_matches)
    if event_ids is not None:
        names = [f"id{index}" for index in range(len(event_ids))]
        params.update(zip(names, event_ids, strict=True))
        listed = f"e.id IN ({', '.join(':' + name for name in names)})" if names else "0"
        where = f"{where} AND {listed}" if where else f" WHERE {listed}"
    order = " ORDER BY e.sort_key, e.id"
    if page is not None:
        if page.after:
            later = "(e.sort_key > :after_key OR (e.sort_key = :after_key AND e.id > :after_id))"
            where = f"{where} AND {later}" if where else f" WHERE {later}"
            params.update(after_key=page.after[0], after_id=page.after[1])
        order = f"{order} LIMIT {int(page.size) + 1}"
    ids = f"SELECT e.id FROM events e{where}{order}"
    return {
        "events": (f"{EVENT_SELECT}{where}{order}", params),
        "actors": (
            "SELECT ea.event_id, ea.role, a.id, a.name, a.type FROM event_actors ea "
            f"JOIN actors a ON a.id = ea.actor_id WHERE ea.event_id IN ({ids}) "
            "ORDER BY a.name, ea.role",
            params,
        ),
        "sources": (
            "SELECT es.event_id, es.excerpt, es.start_offset, "
            "es.end_offset, s.id AS source_id, s.title, s.publisher, s.url, s.published "
            f"FROM event_sources es JOIN sources s ON s.id = es.source_id "
            f"WHERE es.event_id IN ({ids}) ORDER BY s.published, s.id, es.start_offset",
            params,
        ),
        "quotes": (
            "SELECT q.id, q.text, q.kind, q.event_id, q.notes, q.speaker_id, "
            "a.name AS speaker_name, q.source_id, s.title AS source_title, "
            "s.label AS source_label, s.publisher AS source_publisher "
            "FROM quotes q JOIN sources s ON s.id = q.source_id "
            "LEFT JOIN actors a ON a.id = q.speaker_id "
            f"WHERE q.event_id IN ({ids}) ORDER BY s.published, q.source_id, q.start_offset",
            params,
        ),
    }


def shape_event(row: Row) -> Row:
    """One events row as a nested record with its date in words."""
    place = None
    if row["place_id"]:
        place = {
            "id": row["place_id"],
            "name": row["place_name"],
            "country": row["place_country"],
            "latitude": row["place_latitude"],
            "longitude": row["place_longitude"],
        }
    return {
        "id": row["id"],
        "title": row["title"],
        "summary": row["summary"],
        "type": row["type"],
        "status": row["status"],
        "date": {
            "edtf": row["date"],
            "display": display_date(row["date"]),
            "precision": row["date_precision"],
            "start": row["date_start"],
            "end": row["date_end"],
            "approximate": bool(row["date_approximate"]),
            "uncertain": bool(row["date_uncertain"]),
            "expression": row["date_expression"],
            "inferred": bool(row["date_inferred"]),
            "reasoning": row["date_reasoning"],
        },
        "place": place,
        "sources_differ": bool(row["sources_differ"]),
        "conflict_note": row["conflict_note"],
        "actors": [],
        "sources": [],
        "quotes": [],
    }


def assemble_events(results: dict[str, list[Row]]) -> list[Row]:
    """Nested event records, in date order, from the rows of ``event_queries``."""
    events = {row["id"]: shape_event(row) for row in results["events"]}
    for row in results["actors"]:
        if row["event_id"] in events:
            events[row["event_id"]]["actors"].append(
                {"id": row["id"], "name": row["name"], "type": row["type"], "role": row["role"]}
            )
    for row in results["sources"]:
        if row["event_id"] in events:
            events[row["event_id"]]["sources"].append(
                {key: row[key] for key in row if key != "event_id"}
            )
    for row in results["quotes"]:
        if row["event_id"] in events:
            events[row["event_id"]]["quotes"].append(
                {key: row[key] for key in row if key != "event_id"}
            )
    for event in events.values():
        event["actors"] = _merge_roles(event["actors"])
    return list(events.values())


def _merge_roles(actors: list[Row]) -> list[Row]:
    """One entry per actor with all its roles: 'Tokayev (host, speaker)'."""
    merged: dict[str, Row] = {}
    for actor in actors:
        entry = merged.setdefault(actor["id"], {**actor, "roles": []})
        entry["roles"].append(actor["role"])
    for entry in merged.values():
        entry.pop("role")
    return list(merged.values())


def group_by_period(events: list[Row]) -> list[Row]:
    """[{year, months: [{heading, events}]}] in the events' (date) order."""
    years: list[Row] = []
    for event in events:
        date = event["date"]
        year = date["start"][:4]
        heading = month_heading(date["edtf"], date["start"], date["end"])
        if not years or years[-1]["year"] != year:
            years.append({"year": year, "months": []})
        months = years[-1]["months"]
        if not months or months[-1]["heading"] != heading:
            months.append({"heading": heading, "events": []})
        months[-1]["events"].append(event)
    return years


def rows_as_dicts(columns, rows) -> list[Row]:
    return [dict(zip(columns, row, strict=True)) for row in rows]


def load_events(db: str | None = None, filters: TimelineFilters | None = None) -> list[Row]:
    """Nested event records from a database path or URL (the CLI's way in)."""
    from ..database import resolve_database_url
    from ..query import run_query

    url = resolve_database_url(db)
    queries = event_queries(filters, full_text=not url.startswith("postgresql"))
    return assemble_events(
        {
            name: rows_as_dicts(*run_query(sql, url, params))
            for name, (sql, params) in queries.items()
        }
    )
