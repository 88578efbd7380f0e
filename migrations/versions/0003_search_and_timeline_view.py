"""Full-text search (SQLite FTS5) over events, quotes and sources, and the ``timeline`` view.

The FTS tables follow the layout sqlite-utils and Datasette expect (``<table>_fts`` with
``content=[<table>]``, kept in sync by triggers), so Datasette's search box works on
the events, quotes and sources tables. Sources are indexed on ``search_text``, the body
with boilerplate blanked out, so page junk never matches a search.

``timeline`` is one row per event with its place, actors and sources as names: what a
spreadsheet user wants from ``timeline export events``. ``actor_names`` is a JSON array
(Datasette facets on it), ``event_rowid`` lets Datasette search the view through
``events_fts`` (SQLite only).

Later migrations that rebuild ``events``, ``quotes`` or ``sources`` (SQLite batch mode)
must drop and re-create these triggers and the view around the rebuild.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEARCHABLE = {
    "events": ["title", "summary"],
    "quotes": ["text"],
    "sources": ["title", "search_text"],
}


def _fts_statements(table: str, columns: list[str]) -> list[str]:
    cols = ", ".join(f"[{c}]" for c in columns)
    new = ", ".join(f"new.[{c}]" for c in columns)
    old = ", ".join(f"old.[{c}]" for c in columns)
    fts = f"{table}_fts"
    return [
        f"CREATE VIRTUAL TABLE [{fts}] USING FTS5 ({cols}, content=[{table}])",
        f"CREATE TRIGGER [{table}_ai] AFTER INSERT ON [{table}] BEGIN "
        f"INSERT INTO [{fts}] (rowid, {cols}) VALUES (new.rowid, {new}); END",
        f"CREATE TRIGGER [{table}_ad] AFTER DELETE ON [{table}] BEGIN "
        f"INSERT INTO [{fts}] ([{fts}], rowid, {cols}) VALUES ('delete', old.rowid, {old}); END",
        f"CREATE TRIGGER [{table}_au] AFTER UPDATE ON [{table}] BEGIN "
        f"INSERT INTO [{fts}] ([{fts}], rowid, {cols}) VALUES ('delete', old.rowid, {old}); "
        f"INSERT INTO [{fts}] (rowid, {cols}) VALUES (new.rowid, {new}); END",
        f"INSERT INTO [{fts}] ([{fts}]) VALUES ('rebuild')",
    ]


TIMELINE_VIEW_SQLITE = """
CREATE VIEW timeline AS
SELECT
    e.sort_key,
    e.date,
    e.date_precision,
    e.date_start,
    e.date_end,
    substr(e.date_start, 1, 4) AS year,
    e.status,
    e.type,
    e.title,
    e.summary,
    p.name AS place,
    (SELECT json_group_array(name) FROM (
        SELECT DISTINCT a.name FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
        WHERE ea.event_id = e.id ORDER BY a.name)) AS actor_names,
    (SELECT group_concat(label, '; ') FROM (
        SELECT a.name || ' (' || ea.role || ')' AS label
        FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
        WHERE ea.event_id = e.id ORDER BY a.name, ea.role)) AS actors,
    (SELECT group_concat(label, '; ') FROM (
        SELECT DISTINCT coalesce(s.publisher, '?') || ': ' || coalesce(s.title, s.id) AS label
        FROM event_sources es JOIN sources s ON s.id = es.source_id
        WHERE es.event_id = e.id ORDER BY label)) AS sources,
    (SELECT count(*) FROM quotes q WHERE q.event_id = e.id) AS quote_count,
    e.sources_differ,
    e.conflict_note,
    e.date_inferred,
    e.date_reasoning,
    e.id AS event_id,
    e.rowid AS event_rowid
FROM events e LEFT JOIN places p ON p.id = e.place_id
"""

TIMELINE_VIEW_POSTGRESQL = """
CREATE VIEW timeline AS
SELECT
    e.sort_key,
    e.date,
    e.date_precision,
    e.date_start,
    e.date_end,
    substr(e.date_start, 1, 4) AS year,
    e.status,
    e.type,
    e.title,
    e.summary,
    p.name AS place,
    (SELECT coalesce(json_agg(DISTINCT a.name ORDER BY a.name), '[]'::json)::text
        FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
        WHERE ea.event_id = e.id) AS actor_names,
    (SELECT string_agg(a.name || ' (' || ea.role || ')', '; ' ORDER BY a.name, ea.role)
        FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
        WHERE ea.event_id = e.id) AS actors,
    (SELECT string_agg(DISTINCT coalesce(s.publisher, '?') || ': ' || coalesce(s.title, s.id),
            '; ')
        FROM event_sources es JOIN sources s ON s.id = es.source_id
        WHERE es.event_id = e.id) AS sources,
    (SELECT count(*) FROM quotes q WHERE q.event_id = e.id) AS quote_count,
    e.sources_differ,
    e.conflict_note,
    e.date_inferred,
    e.date_reasoning,
    e.id AS event_id
FROM events e LEFT JOIN places p ON p.id = e.place_id
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for table, columns in SEARCHABLE.items():
            for statement in _fts_statements(table, columns):
                op.execute(statement)
        op.execute(TIMELINE_VIEW_SQLITE)
    else:
        op.execute(TIMELINE_VIEW_POSTGRESQL)


def downgrade() -> None:
    op.execute("DROP VIEW timeline")
    if op.get_bind().dialect.name == "sqlite":
        for table in SEARCHABLE:
            for suffix in ("ai", "ad", "au"):
                op.execute(f"DROP TRIGGER [{table}_{suffix}]")
            op.execute(f"DROP TABLE [{table}_fts]")
