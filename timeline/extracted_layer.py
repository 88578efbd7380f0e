"""The extracted layer: rows found automatically in sources no curated record covers.

Each uncovered source is extracted once and its result stored (``extraction_cache``),
cut into its parts in clusters (an actor, a place, a spelling, a block of events, its
quotes: ``extract.clusters``) and indexed (``resolution_store``). A load resolves
again only the clusters that the sources added, changed or removed since belong to,
each from its members in source-id order, and writes only the rows that changed: the
same folder gives the same rows however it was loaded. A block of events that only
gained members after its last one goes on from where its replay stood
(``resolution_store.grown_blocks``) instead of being replayed from its first member.

A reviewed ``timeline extract`` draft kept in the seeds folder turns extracted rows
into curated ones with the same ids. Curated rows always win, so a load that changes
curated records takes the extracted layer out *before* it writes them
(``delete_extracted``), then resolves every cluster again around them.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import Connection, bindparam, text

from .models import Base

# Every table that holds extracted rows (it has an ``origin`` column), children first.
EXTRACTED_TABLES = tuple(
    table.name for table in reversed(Base.metadata.sorted_tables) if "origin" in table.columns
)


def delete_extracted(connection: Connection) -> None:
    """Take out every extracted row: before curated rows are written (a kept draft
    reuses the extracted ids), and before the layer is built again from nothing."""
    from .resolution_store import forget_outputs

    for table in EXTRACTED_TABLES:
        connection.execute(text(f"DELETE FROM {table} WHERE origin = 'extracted'"))
    forget_outputs(connection)


# Covered: a curated quote or curated evidence cites it (the extracted rows of an
# uncovered source stay between loads, and must not make it look covered).
_NOT_COVERED = (
    "FROM sources s WHERE ((NOT EXISTS (SELECT 1 FROM quotes q WHERE q.source_id = s.id"
    " AND q.origin = 'curated') AND NOT EXISTS (SELECT 1 FROM event_sources e"
    " WHERE e.source_id = s.id AND e.origin = 'curated'))"
    # An article under review (timeline.review) stays extracted beside its curated rows.
    " OR EXISTS (SELECT 1 FROM reviews r WHERE r.source_id = s.id))"
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
    connection: Connection, progress=None, warnings: list[str] | None = None, reset: bool = False
) -> dict[str, int]:
    """Bring the extracted layer up to date: extract the uncovered sources that have no
    stored result under today's key (on every core), then resolve again the clusters
    those sources, and the sources gone or changed since, belong to
    (``extract.clusters``), writing only the rows that changed.

    ``reset``: the curated rows changed (or the layer was taken out): resolve every
    cluster, from an empty extracted layer. ``warnings``: gets one line per uncovered
    source not in English (not extracted). Returns rows deleted, updated, inserted.
    """
    from . import extraction_cache, resolution_store
    from .extract.version import extractor_version, knowledge_version
    from .review.store import article_reviews, review_key

    if reset or not resolution_store.has_outputs(connection):
        # Without outputs nothing says which extracted rows are whose: start empty.
        delete_extracted(connection)
        reset = True
    if warnings is not None:
        for row in connection.execute(text(SKIPPED_LANGUAGES)):
            warnings.append(
                f"{row.file_path}: language {row.language!r}: extraction skipped "
                "(its rules read English only); curate its records by hand"
            )
    # Extraction reads the headline and the publisher too (an interview's headline names
    # the interviewee, its publisher's name labels the questions), so a changed title or
    # publisher is a changed input.
    uncovered = {
        row.id: hashlib.sha256(
            f"{row.content_hash}\0{row.title or ''}\0{row.publisher or ''}".encode()
        ).hexdigest()
        for row in connection.execute(
            text("SELECT s.id, s.content_hash, s.title, s.publisher " + _UNCOVERED)
        )
    }
    # An article under review is extracted as any other, then its review is applied to
    # its resolution input. Its review (rejections, the curated rows it now has) is part
    # of the key its stored result is checked against, so a changed review redoes that
    # one article, and every other stays as it was.
    reviews = article_reviews(connection)
    for source_id, review in reviews.items():
        if source_id in uncovered:
            uncovered[source_id] = review_key(uncovered[source_id], review)
    if not uncovered and reset:
        # Nothing to extract and nothing extracted: a curated corpus pays no more.
        extraction_cache.forget_all(connection)
        resolution_store.forget_all(connection)
        return {"deleted": 0, "updated": 0, "inserted": 0}
    actors = _rows(connection, "SELECT * FROM actors WHERE origin = 'curated' ORDER BY id")
    aliases = _rows(
        connection,
        "SELECT * FROM actor_aliases WHERE origin = 'curated' ORDER BY actor_id, alias",
    )
    places = _rows(connection, "SELECT * FROM places WHERE origin = 'curated' ORDER BY id")
    key = extraction_cache.ExtractionKey(
        extractor_version(), knowledge_version(actors, aliases, places)
    )
    missing, stale = extraction_cache.plan_extraction(connection, uncovered, key)
    touched = sorted(set(missing) | set(stale))
    dirty = resolution_store.clusters_of(connection, touched)
    replayed = set(dirty)  # an earlier member changed or went: no summary holds
    resolution_store.forget_inputs(connection, touched)
    if missing:
        # Imported here: a load that extracts nothing (a removal) loads no rule module.
        from .extract.parallel import extract_sources

        sources = _sources_by_id(connection, missing)
        if progress:
            sources = progress(sources, "Extracting", length=len(missing))
        extractions = extract_sources(sources, actors, aliases, places, len(missing))
        pending: list = []

        def index(extraction) -> None:
            parts = _resolution_input(extraction, reviews.get(extraction.source_id))
            if not reset:  # a reset resolves every cluster: no need to collect them
                dirty.update(parts)
            pending.append((extraction.source_id, parts))
            if len(pending) >= extraction_cache.BATCH:
                resolution_store.store_inputs(connection, pending)
                pending.clear()

        extraction_cache.store(connection, extractions, uncovered, key, seen=index)
        resolution_store.store_inputs(connection, pending)
    curated = None
    written = {"deleted": 0, "updated": 0, "inserted": 0}
    if not reset:
        # Blocks of events that only gained members after their last one go on from
        # their summaries instead of being replayed from the first member.
        grown = [c for c in dirty - replayed if c.startswith(resolution_store.EVENT_BLOCKS)]
        if grown:
            curated = _curated_knowledge(connection, actors, aliases, places)
            dirty -= _resume_blocks(connection, grown, curated, written)
    # A batch's members are in memory at once, up to a budget of parts; a block of
    # events larger than that is read a row at a time (``resolution_store``).
    batches = resolution_store.cluster_batches(connection, None if reset else sorted(dirty))
    for batch in batches:
        if curated is None:
            curated = _curated_knowledge(connection, actors, aliases, places)
        clusters = batch.clusters
        parts = resolution_store.members(connection, clusters, batch.streamed)
        before = {} if reset else resolution_store.outputs(connection, clusters)
        resolved, summaries = {}, {}
        for cluster in clusters:
            if cluster.startswith(resolution_store.EVENT_BLOCKS):
                replay = replay_block(parts[cluster], curated)
                resolved[cluster], summaries[cluster] = replay.rows(), replay.summary()
            else:
                resolved[cluster] = resolve_cluster(cluster, parts[cluster], curated)
        resolution_store.save_block_summaries(connection, summaries)
        for name, count in resolution_store.write_changes(connection, resolved, before).items():
            written[name] += count
    return written


def _resume_blocks(connection: Connection, clusters: list[str], curated, written) -> set[str]:
    """Resolve those of ``clusters`` that can go on from their summaries, write their
    new and changed rows (adding the counts to ``written``), and return them."""
    from . import resolution_store
    from .extract.clusters import resume_block

    resolved, summaries = {}, {}
    for grown in resolution_store.grown_blocks(connection, clusters):
        cluster = grown.cluster

        def part_of(source_id, cluster=cluster):
            return resolution_store.stored_part(connection, cluster, source_id)

        replay = resume_block(grown.summary, grown.added, curated, part_of)
        if replay is not None:
            resolved[cluster], summaries[cluster] = replay.rows(), replay.summary()
    if resolved:
        before = resolution_store.outputs(connection, sorted(resolved))
        resolution_store.save_block_summaries(connection, summaries)
        changes = resolution_store.write_changes(connection, resolved, before, partial=resolved)
        for name, count in changes.items():
            written[name] += count
    return set(resolved)


def _resolution_input(extraction, review=None) -> dict:
    """Where an article's stored extraction becomes its resolution input: with its
    review applied, when the article is under review (``timeline.review``)."""
    from .extract.clusters import resolution_input
    from .review.rejections import apply_review

    return resolution_input(apply_review(extraction, review) if review else extraction)


def resolve_cluster(cluster, members, curated):
    from .extract.clusters import resolve_cluster as resolve

    return resolve(cluster, members, curated)


def replay_block(members, curated):
    from .extract.clusters import replay_block as replay

    return replay(members, curated)


def _curated_knowledge(connection: Connection, actors, aliases, places):
    """What resolution reads of the curated rows; their events indexed for matching."""
    from .extract.clusters import Curated
    from .extract.merging import EventIndex

    events = _rows(
        connection,
        "SELECT id, type, date_start, date_end FROM events WHERE origin = 'curated' ORDER BY id",
    )
    links = _rows(
        connection,
        "SELECT event_id, actor_id FROM event_actors WHERE origin = 'curated' "
        "ORDER BY event_id, actor_id",
    )
    return Curated(
        actor_ids={a["id"] for a in actors},
        place_ids={p["id"] for p in places},
        alias_owner={a["alias_key"]: a["actor_id"] for a in aliases},
        alias_pairs={(a["actor_id"], a["alias"]) for a in aliases},
        event_ids={e["id"] for e in events},
        events=EventIndex(events, links, actors),
    )


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
