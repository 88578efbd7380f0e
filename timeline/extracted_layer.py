"""The extracted layer: rows found automatically in sources no curated record covers.

Each uncovered source is extracted once and its result stored (``extraction_cache``);
after a change the stored results are resolved again against the curated rows, in
source-id order (``extract.resolve``), so the same folder gives the same rows however
it was loaded.

A reviewed ``timeline extract`` draft kept in the seeds folder turns extracted rows
into curated ones with the same ids. Curated rows always win, so an incremental load
takes the extracted layer out *before* it writes the curated rows
(``delete_extracted``), then builds it again around them.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import Connection, bindparam, text

from .models import Base
from .validate import Corpus
from .write import insert_rows

# Every table that holds extracted rows (it has an ``origin`` column), children first.
EXTRACTED_TABLES = tuple(
    table.name for table in reversed(Base.metadata.sorted_tables) if "origin" in table.columns
)


def delete_extracted(connection: Connection) -> None:
    """Take out every extracted row: before curated rows are written (a kept draft
    reuses the extracted ids), and before the layer is built again."""
    for table in EXTRACTED_TABLES:
        connection.execute(text(f"DELETE FROM {table} WHERE origin = 'extracted'"))


_NOT_COVERED = (
    "FROM sources s WHERE NOT EXISTS (SELECT 1 FROM quotes q WHERE q.source_id = s.id)"
    " AND NOT EXISTS (SELECT 1 FROM event_sources e WHERE e.source_id = s.id)"
)
# The rules read English (speech verbs, titles, date words): on another language they
# would find nonsense, so such sources are skipped, and the load says so.
_ENGLISH = "(s.language IS NULL OR lower(s.language) = 'en' OR lower(s.language) LIKE 'en-%')"
_UNCOVERED = f"{_NOT_COVERED} AND {_ENGLISH}"
SKIPPED_LANGUAGES = (
    f"SELECT s.file_path, s.language {_NOT_COVERED} AND NOT {_ENGLISH} ORDER BY s.id"
)


def uncovered_sources_exist(connection: Connection) -> bool:
    """Is any source without a quote or evidence pointing at it (so extraction has work)?"""
    # Only the id: the rows carry whole articles, and reading 10,000 of them to find
    # that every one is covered took 0.3 s; the id is in the primary key's index.
    query = "SELECT s.id " + _UNCOVERED + " LIMIT 1"
    return connection.execute(text(query)).first() is not None


def _rows(connection: Connection, sql: str) -> list[dict]:
    return [dict(row) for row in connection.execute(text(sql)).mappings()]


def rebuild_extracted(
    connection: Connection, progress=None, warnings: list[str] | None = None
) -> dict[str, int]:
    """Replace the extracted layer: extract the uncovered sources that have no stored
    result under today's key (on every core), then resolve every stored result
    against the curated rows, in source-id order, and write the rows.

    ``warnings``: gets one line per uncovered source not in English (not extracted).
    """
    from . import extraction_cache
    from .extract.parallel import extract_sources
    from .extract.resolve import Resolver
    from .extract.version import extractor_version, knowledge_version

    delete_extracted(connection)
    if warnings is not None:
        for row in connection.execute(text(SKIPPED_LANGUAGES)):
            warnings.append(
                f"{row.file_path}: language {row.language!r}: extraction skipped "
                "(its rules read English only); curate its records by hand"
            )
    # Extraction reads the headline too (an interview's headline names the interviewee),
    # so a changed title is a changed input.
    uncovered = {
        row.id: hashlib.sha256(f"{row.content_hash}\0{row.title or ''}".encode()).hexdigest()
        for row in connection.execute(text("SELECT s.id, s.content_hash, s.title " + _UNCOVERED))
    }
    if not uncovered:
        extraction_cache.forget_all(connection)
        return {}
    # Every actor and place left is curated: the extracted ones were just deleted.
    actors = _rows(connection, "SELECT * FROM actors ORDER BY id")
    aliases = _rows(connection, "SELECT * FROM actor_aliases ORDER BY actor_id, alias")
    places = _rows(connection, "SELECT * FROM places ORDER BY id")
    key = extraction_cache.ExtractionKey(
        extractor_version(), knowledge_version(actors, aliases, places)
    )
    missing = extraction_cache.sources_to_extract(connection, uncovered, key)
    if missing:
        sources = _sources_by_id(connection, missing)
        if progress:
            sources = progress(sources, "Extracting", length=len(missing))
        extractions = extract_sources(sources, actors, aliases, places, len(missing))
        extraction_cache.store(connection, extractions, uncovered, key)
    corpus = Corpus(
        actors=actors,
        actor_aliases=aliases,
        places=places,
        events=_rows(connection, "SELECT * FROM events ORDER BY id"),
        event_actors=_rows(
            connection, "SELECT * FROM event_actors ORDER BY event_id, actor_id, role"
        ),
        event_sources=_rows(
            connection,
            "SELECT event_id, source_id, start_offset FROM event_sources "
            "ORDER BY event_id, source_id, start_offset",
        ),
        quotes=_rows(connection, "SELECT id, source_id FROM quotes ORDER BY id"),
    )
    before = {name: len(rows) for name, rows in corpus.tables().items()}
    resolver = Resolver(corpus)
    for extraction in extraction_cache.stored_extractions(connection):
        resolver.merge(extraction)
    added = Corpus()
    for name, rows in corpus.tables().items():
        setattr(added, name, rows[before[name] :] if name != "sources" else [])
    return insert_rows(connection, added)


def _sources_by_id(connection: Connection, ids: list[str], batch: int = 200):
    """The sources rows of ``ids``, in that order, read a batch at a time."""
    statement = text("SELECT * FROM sources WHERE id IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    for start in range(0, len(ids), batch):
        chunk = ids[start : start + batch]
        rows = {
            row["id"]: dict(row) for row in connection.execute(statement, {"ids": chunk}).mappings()
        }
        for source_id in chunk:
            yield rows[source_id]


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
