"""``timeline export``: the tables people want as spreadsheets, with names instead of ids."""

from __future__ import annotations

from ..database import resolve_database_url
from ..query import run_query


def _join(expression: str, dialect: str) -> str:
    """Concatenate a column's values with '; ' in SQLite and PostgreSQL alike."""
    if dialect == "postgresql":
        return f"string_agg({expression}, '; ' ORDER BY {expression})"
    return f"group_concat({expression}, '; ')"


def export_sql(name: str, dialect: str) -> str:
    if name == "events":
        return (
            "SELECT date, date_precision, status, type, title, summary, place, actors, "
            "sources, quote_count, sources_differ, conflict_note, date_inferred, "
            "date_reasoning, event_id FROM timeline ORDER BY sort_key, event_id"
        )
    if name == "quotes":
        return (
            "SELECT s.published AS source_published, a.name AS speaker, q.text, q.kind, "
            "s.publisher, s.title AS source_title, s.label AS source_label, s.url AS source_url, "
            "e.title AS event, q.notes, q.start_offset, q.end_offset, q.id AS quote_id, "
            "q.source_id, q.speaker_id, q.event_id "
            "FROM quotes q JOIN sources s ON s.id = q.source_id "
            "LEFT JOIN actors a ON a.id = q.speaker_id "
            "LEFT JOIN events e ON e.id = q.event_id "
            "ORDER BY s.published, q.source_id, q.start_offset"
        )
    if name == "actors":
        aliases = _join("aa.alias", dialect)
        return (
            f"SELECT a.id, a.name, a.type, a.description, "
            f"(SELECT {aliases} FROM actor_aliases aa WHERE aa.actor_id = a.id) AS aliases, "
            "(SELECT count(DISTINCT ea.event_id) FROM event_actors ea "
            "WHERE ea.actor_id = a.id) AS events, "
            "(SELECT count(*) FROM quotes q WHERE q.speaker_id = a.id) AS quotes "
            "FROM actors a ORDER BY a.name"
        )
    if name == "sources":
        return (
            "SELECT s.id, s.title, s.publisher, s.author, s.url, s.published, "
            "s.published_precision, s.published_inferred, "
            "(SELECT si.evidence FROM source_inferences si WHERE si.source_id = s.id "
            "AND si.field = 'published') AS published_evidence, s.language, "
            "s.tags, s.categories, s.extra, "
            "length(s.text) AS characters, s.file_path, s.content_hash "
            "FROM sources s ORDER BY s.published, s.id"
        )
    if name == "figures":
        return (
            "SELECT f.subject, f.value, f.value_max, f.unit, f.date, s.publisher, "
            "s.title AS source_title, a.name AS stated_by, e.title AS event, f.excerpt, "
            "f.notes, f.id AS figure_id "
            "FROM figures f JOIN sources s ON s.id = f.source_id "
            "LEFT JOIN actors a ON a.id = f.actor_id LEFT JOIN events e ON e.id = f.event_id "
            "ORDER BY f.subject, f.date, f.id"
        )
    raise KeyError(name)


EXPORTS = ("events", "quotes", "actors", "sources", "figures")


def export_rows(name: str, db: str | None = None):
    """(columns, rows) of one named export."""
    url = resolve_database_url(db)
    dialect = "postgresql" if url.startswith("postgresql") else "sqlite"
    return run_query(export_sql(name, dialect), db=url)
