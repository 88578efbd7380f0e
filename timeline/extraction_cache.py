"""Stored extractions: each uncurated article's result, under the key it was made with.

The key is the article's content hash, the extractor's version (a hash of its code)
and the curated knowledge's version (a hash of the curated actors and spellings). A
load asks which uncurated articles have no result under today's key, extracts only
those, and forgets results whose article is gone, curated or changed.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator
from typing import TYPE_CHECKING

from sqlalchemy import Connection, delete, insert, select, text

from .models import CachedExtraction

if TYPE_CHECKING:  # the extractor's modules load only when something is extracted
    from .extract.pipeline import Extraction

TABLE = CachedExtraction.__table__
# Results are read and written this many at a time: a large corpus's extractions
# never need to be in memory together.
BATCH = 500


@dataclasses.dataclass(frozen=True)
class ExtractionKey:
    extractor_version: str
    knowledge_version: str


def made_by_another_extractor(connection: Connection, extractor_version: str) -> bool:
    """Was any stored result made by another extractor (timeline upgraded, or a rule
    edited, since the last load)? Then a folder whose files are all unchanged must still
    be extracted again: its database would otherwise differ from a fresh load's."""
    query = select(TABLE.c.source_id).where(TABLE.c.extractor_version != extractor_version)
    return connection.execute(query.limit(1)).first() is not None


def plan_extraction(
    connection: Connection, uncovered: dict[str, str], key: ExtractionKey
) -> tuple[list[str], list[str]]:
    """(the uncovered sources, id -> content hash, with no result under ``key``; the
    sources whose stored result no longer applies: gone, curated, changed or made
    under another key), each in id order. The stale results are deleted."""
    stored = {
        row.source_id: row
        for row in connection.execute(
            select(
                TABLE.c.source_id,
                TABLE.c.content_hash,
                TABLE.c.extractor_version,
                TABLE.c.knowledge_version,
            )
        )
    }
    stale = sorted(
        source_id
        for source_id, row in stored.items()
        if uncovered.get(source_id) != row.content_hash
        or row.extractor_version != key.extractor_version
        or row.knowledge_version != key.knowledge_version
    )
    for start in range(0, len(stale), BATCH):
        connection.execute(delete(TABLE).where(TABLE.c.source_id.in_(stale[start : start + BATCH])))
    kept = set(stored) - set(stale)
    return sorted(source_id for source_id in uncovered if source_id not in kept), stale


def sources_to_extract(
    connection: Connection, uncovered: dict[str, str], key: ExtractionKey
) -> list[str]:
    """Ids of the uncovered sources with no result under ``key`` (``plan_extraction``)."""
    return plan_extraction(connection, uncovered, key)[0]


def store(
    connection: Connection,
    extractions: Iterator[Extraction],
    hashes: dict[str, str],
    key: ExtractionKey,
    seen=None,
) -> int:
    """Write each extraction under its source's content hash and ``key``; ``seen``:
    called with each extraction on the way (the resolution index is built from it)."""
    written, batch = 0, []
    for extraction in extractions:
        if seen is not None:
            seen(extraction)
        batch.append(
            {
                "source_id": extraction.source_id,
                "content_hash": hashes[extraction.source_id],
                "extractor_version": key.extractor_version,
                "knowledge_version": key.knowledge_version,
                "result": json.dumps(_fields(extraction), ensure_ascii=False),
            }
        )
        if len(batch) >= BATCH:
            connection.execute(insert(TABLE), batch)
            written, batch = written + len(batch), []
    if batch:
        connection.execute(insert(TABLE), batch)
        written += len(batch)
    return written


def _fields(extraction: Extraction) -> dict:
    """The extraction's fields as they are: its rows are plain lists and dicts, which
    JSON writes directly. ``dataclasses.asdict`` deep-copies every row first, and that
    copy was three quarters of the main process's time on a first load. (The field
    names are read from the instance: this module does not import the extractor.)"""
    return {name: getattr(extraction, name) for name in extraction.__dataclass_fields__}


def stored_extractions(connection: Connection) -> Iterator[Extraction]:
    """Every stored extraction, in source-id order, a batch at a time."""
    from .extract.pipeline import Extraction

    after = ""
    statement = text(
        "SELECT source_id, result FROM extractions WHERE source_id > :after "
        "ORDER BY source_id LIMIT :limit"
    )
    while True:
        rows = connection.execute(statement, {"after": after, "limit": BATCH}).all()
        if not rows:
            return
        for row in rows:
            yield Extraction(**json.loads(row.result))
        after = rows[-1].source_id


def forget_all(connection: Connection) -> None:
    connection.execute(delete(TABLE))
