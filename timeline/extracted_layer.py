"""The extracted layer: rows found automatically in sources no curated record covers.

Extraction merges into curated events and shares actors between sources, so after a
change it is rebuilt as a whole from the curated rows, sorted by key, exactly as a
full load builds it; the same input gives the same rows either way.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from .validate import Corpus
from .write import insert_rows

# Delete order: children first.
EXTRACTED_TABLES = (
    "event_sources",
    "event_actors",
    "quotes",
    "events",
    "places",
    "actor_aliases",
    "actors",
)
SORT_KEYS = {
    "sources": ("id",),
    "actors": ("id",),
    "actor_aliases": ("actor_id", "alias"),
    "places": ("id",),
    "events": ("id",),
    "event_actors": ("event_id", "actor_id", "role"),
    "event_sources": ("event_id", "source_id", "start_offset"),
    "quotes": ("id",),
}


def sort_for_extraction(corpus: Corpus) -> None:
    """Put the rows extraction reads in key order, so its choices never depend on file order."""
    for name, keys in SORT_KEYS.items():
        getattr(corpus, name).sort(key=lambda row, keys=keys: tuple(row[k] for k in keys))


def extend_with_extraction(corpus: Corpus, progress=None) -> None:
    """Add extracted rows for the corpus's uncovered sources (the full-load path)."""
    from .extract.pipeline import extend_corpus

    sort_for_extraction(corpus)
    extend_corpus(corpus, progress)


def delete_extracted(connection: Connection) -> None:
    for table in EXTRACTED_TABLES:
        connection.execute(text(f"DELETE FROM {table} WHERE origin = 'extracted'"))


_UNCOVERED = (
    "FROM sources s WHERE NOT EXISTS (SELECT 1 FROM quotes q WHERE q.source_id = s.id)"
    " AND NOT EXISTS (SELECT 1 FROM event_sources e WHERE e.source_id = s.id)"
)
UNCOVERED_SOURCES = "SELECT * " + _UNCOVERED


def uncovered_sources_exist(connection: Connection) -> bool:
    """Is any source without a quote or evidence pointing at it (so extraction has work)?"""
    # Only the id: the rows carry whole articles, and reading 10,000 of them to find
    # that every one is covered took 0.3 s; the id is in the primary key's index.
    query = "SELECT s.id " + _UNCOVERED + " LIMIT 1"
    return connection.execute(text(query)).first() is not None


def _rows(connection: Connection, sql: str) -> list[dict]:
    return [dict(row) for row in connection.execute(text(sql)).mappings()]


def rebuild_extracted(connection: Connection, progress=None) -> dict[str, int]:
    """Replace the extracted layer with a fresh extraction of every uncovered source."""
    from .extract.pipeline import extend_corpus

    delete_extracted(connection)
    sources = _rows(connection, UNCOVERED_SOURCES)
    if not sources:
        return {}
    corpus = Corpus(
        sources=sources,
        actors=_rows(connection, "SELECT * FROM actors"),
        actor_aliases=_rows(connection, "SELECT * FROM actor_aliases"),
        places=_rows(connection, "SELECT * FROM places"),
        events=_rows(connection, "SELECT * FROM events"),
        event_actors=_rows(connection, "SELECT * FROM event_actors"),
        event_sources=_rows(connection, "SELECT * FROM event_sources"),
        quotes=_rows(connection, "SELECT id, source_id FROM quotes"),
    )
    sort_for_extraction(corpus)
    before = {name: len(rows) for name, rows in corpus.tables().items()}
    extend_corpus(corpus, progress)
    added = Corpus()
    for name, rows in corpus.tables().items():
        setattr(added, name, rows[before[name] :] if name != "sources" else [])
    return insert_rows(connection, added)


def has_extracted_rows(connection: Connection) -> bool:
    return (
        connection.execute(
            text(
                "SELECT 1 FROM actors WHERE origin = 'extracted' UNION ALL "
                "SELECT 1 FROM events WHERE origin = 'extracted' UNION ALL "
                "SELECT 1 FROM quotes WHERE origin = 'extracted' LIMIT 1"
            )
        ).first()
        is not None
    )
