"""Take out the rows a load replaces, and find the unchanged files that must be re-read.

Every row of an owned table names the seed file it came from (``seed_file``). A load
deletes the rows of the files it re-reads or that are gone, then writes them again;
a full plan empties every table instead. An unchanged file must be re-read too when
it refers to what a replaced file defined: records citing an article that changed
(their offsets may have moved), or ids that are gone.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import Connection, bindparam, text

from ..models import Base
from ..validate import Corpus

# Tables whose rows belong to a seed file, parents last (delete order).
OWNED_TABLES = ("figures", "quotes", "events", "places", "actors", "sources")
CHUNK = 5000

# Rows that belong to an owned row (its aliases, links, inferences): deleted with it.
# Named here rather than left to ON DELETE CASCADE, which SQLite skips when foreign
# keys are off (a full load writes that way).
CHILD_TABLES = {
    "events": (("event_actors", "event_id"), ("event_sources", "event_id")),
    "actors": (("actor_aliases", "actor_id"),),
    "sources": (("source_inferences", "source_id"), ("source_boilerplate", "source_id")),
}

# For each kind of id, how to find the seed files of curated rows that refer to it.
REFERRING_FILES = {
    "sources": [
        "SELECT seed_file FROM quotes WHERE source_id IN :ids",
        "SELECT e.seed_file FROM event_sources es JOIN events e ON e.id = es.event_id "
        "WHERE es.source_id IN :ids AND es.origin = 'curated'",
        "SELECT seed_file FROM figures WHERE source_id IN :ids",
    ],
    "actors": [
        "SELECT e.seed_file FROM event_actors ea JOIN events e ON e.id = ea.event_id "
        "WHERE ea.actor_id IN :ids AND ea.origin = 'curated'",
        "SELECT seed_file FROM quotes WHERE speaker_id IN :ids",
        "SELECT seed_file FROM figures WHERE actor_id IN :ids",
    ],
    "places": ["SELECT seed_file FROM events WHERE place_id IN :ids"],
    "events": [
        "SELECT seed_file FROM quotes WHERE event_id IN :ids",
        "SELECT seed_file FROM figures WHERE event_id IN :ids",
    ],
}


def chunks(values: list[str]) -> Iterator[list[str]]:
    """Slices SQLite accepts as the values of one ``IN``."""
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def select_in(connection: Connection, sql: str, values: set[str]) -> list:
    """Rows of ``sql`` (with one ``IN :ids``) for every value, in chunks SQLite accepts."""
    statement = text(sql).bindparams(bindparam("ids", expanding=True))
    rows = []
    for chunk in chunks(sorted(values)):
        rows.extend(connection.execute(statement, {"ids": chunk}))
    return rows


def defer_foreign_keys(connection: Connection) -> None:
    """Check foreign keys at commit: rows of unchanged files point at rows being replaced."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    else:
        connection.exec_driver_sql("SET CONSTRAINTS ALL DEFERRED")


def clear_all(connection: Connection) -> None:
    """A full plan replaces every row (the schema, just migrated, stays)."""
    tables = Base.metadata.tables
    for name in reversed(Corpus.TABLES):
        connection.execute(tables[name].delete())
    connection.execute(text("DELETE FROM seed_files"))


def clear_vocabularies(connection: Connection) -> None:
    """The vocabularies come from the code, and every load writes them whole: clear
    them so the insert that follows writes the current ones."""
    tables = Base.metadata.tables
    for name in ("event_types", "actor_types"):
        connection.execute(tables[name].delete())


def owned_records(connection: Connection, files: set[str]) -> dict[str, dict[str, str]]:
    """Per owned table, id -> seed file of every row these files wrote."""
    return {
        table: {
            row.id: row.seed_file
            for row in select_in(
                connection, f"SELECT id, seed_file FROM {table} WHERE seed_file IN :ids", files
            )
        }
        for table in OWNED_TABLES
    }


def delete_owned_rows(connection: Connection, files: set[str]) -> None:
    """Delete every row read from these files, and the rows that belong to them."""
    for table in OWNED_TABLES:
        owned = f"SELECT id FROM {table} WHERE seed_file IN :ids"
        statements = [
            f"DELETE FROM {child} WHERE {column} IN ({owned})"
            for child, column in CHILD_TABLES.get(table, ())
        ] + [f"DELETE FROM {table} WHERE seed_file IN :ids"]
        for sql in statements:
            statement = text(sql).bindparams(bindparam("ids", expanding=True))
            for chunk in chunks(sorted(files)):
                connection.execute(statement, {"ids": chunk})


def dependent_files(
    connection: Connection,
    defined: dict[str, dict[str, str]],
    new_ids: dict[str, set[str]],
    replaced: set[str],
) -> set[str]:
    """Unchanged files that must be re-read because a replaced file's ids moved or went.

    ``defined``: ``owned_records`` of the replaced files, taken before their rows were
    deleted; ``new_ids``: the ids the re-read files define now, as parsed.
    """
    gone: dict[str, set[str]] = {
        # Any article that changed: records citing it must be located in its new text.
        "sources": set(defined.get("sources", ())),
    }
    for kind in ("actors", "places", "events"):
        gone[kind] = set(defined.get(kind, ())) - new_ids.get(kind, set())
    files: set[str] = set()
    for kind, ids in gone.items():
        if ids:
            for sql in REFERRING_FILES[kind]:
                files.update(row.seed_file for row in select_in(connection, sql, ids))
    files.discard(None)
    return files - replaced
