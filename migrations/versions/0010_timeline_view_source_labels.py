"""The timeline view names untitled sources by their label, not their id.

Migration 0008 gave every source a label ("Anadolu Agency, 2025-08 (untitled)") for
Datasette; the view's ``sources`` column still fell back to the bare id when an article
prints no headline. Titled sources read as before ("Ukrinform: ...").

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-24
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The view as migration 0003 made it (a migration is a snapshot: it copies, it does not
# import another), and the one expression that changes: how a source is named.
OLD_VIEW_SQLITE = """
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

OLD_VIEW_POSTGRESQL = """
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


OLD_NAME = "coalesce(s.publisher, '?') || ': ' || coalesce(s.title, s.id)"
NEW_NAME = (
    "CASE WHEN s.title IS NOT NULL THEN coalesce(s.publisher, '?') || ': ' || s.title"
    " ELSE coalesce(s.label, s.id) END"
)
assert OLD_NAME in OLD_VIEW_SQLITE and OLD_NAME in OLD_VIEW_POSTGRESQL
NEW_VIEW_SQLITE = OLD_VIEW_SQLITE.replace(OLD_NAME, NEW_NAME)
NEW_VIEW_POSTGRESQL = OLD_VIEW_POSTGRESQL.replace(OLD_NAME, NEW_NAME)


def _replace_view(sqlite_sql: str, postgresql_sql: str) -> None:
    op.execute("DROP VIEW timeline")
    op.execute(sqlite_sql if op.get_bind().dialect.name == "sqlite" else postgresql_sql)


def upgrade() -> None:
    _replace_view(NEW_VIEW_SQLITE, NEW_VIEW_POSTGRESQL)


def downgrade() -> None:
    _replace_view(OLD_VIEW_SQLITE, OLD_VIEW_POSTGRESQL)
