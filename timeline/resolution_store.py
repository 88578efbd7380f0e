"""The resolution index in the database: each article's parts in its clusters, and the
rows each cluster last wrote.

``resolution_inputs`` answers "which clusters does this article belong to" and "what
do that cluster's members hold" without reading any extraction whole;
``resolution_outputs`` keeps, per cluster, the primary key and a hash of each row it
wrote, so that resolving a cluster again deletes, updates and inserts only the rows
that changed (``write_changes``); ``resolution_event_blocks`` keeps where each block of
events' replay stood after its last member, so that articles added after every member
are resolved from there (``grown_blocks``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, and_, bindparam, text

from .models import Base
from .validate import Corpus
from .write import insert_rows

BATCH = 500
# Parents before children when writing, children before parents when deleting.
WRITE_ORDER = (
    "actors",
    "places",
    "actor_aliases",
    "events",
    "event_actors",
    "event_sources",
    "quotes",
)

Outputs = dict[str, dict[str, str]]  # table -> primary key (JSON) -> hash of the row


def _chunks(values: list, size: int = BATCH) -> Iterator[list]:
    for start in range(0, len(values), size):
        yield values[start : start + size]


def _in(sql: str):
    return text(sql).bindparams(bindparam("ids", expanding=True))


def store_inputs(connection: Connection, inputs: Iterable[tuple[str, dict[str, Any]]]) -> None:
    """Write each (source id, cluster -> part) pair's parts."""
    rows = []
    for source_id, parts in inputs:
        for cluster, part in parts.items():
            payload = json.dumps(part)
            distinct = cluster.startswith(DISTINCT_PARTS)
            rows.append(
                {
                    "cluster": cluster,
                    "source_id": source_id,
                    "payload": payload,
                    "part_hash": part_hash(payload) if distinct else None,
                }
            )
    table = Base.metadata.tables["resolution_inputs"]
    for chunk in _chunks(rows, 2000):
        connection.execute(table.insert(), chunk)


def clusters_of(connection: Connection, source_ids: Iterable[str]) -> set[str]:
    statement = _in("SELECT DISTINCT cluster FROM resolution_inputs WHERE source_id IN :ids")
    found: set[str] = set()
    for chunk in _chunks(sorted(source_ids)):
        found.update(row.cluster for row in connection.execute(statement, {"ids": chunk}))
    return found


def forget_inputs(connection: Connection, source_ids: Iterable[str]) -> None:
    statement = _in("DELETE FROM resolution_inputs WHERE source_id IN :ids")
    for chunk in _chunks(sorted(source_ids)):
        connection.execute(statement, {"ids": chunk})


# Clusters whose row is their smallest member's: the others need not be read.
FIRST_MEMBER_ONLY = ("actor:", "place:")
# Up to this many such clusters (or spellings) are looked up one by one (``members``).
FEW_CLUSTERS = 100
_SMALLEST = text(
    "SELECT source_id, payload FROM resolution_inputs WHERE cluster = :cluster "
    "ORDER BY source_id LIMIT 1"
)
_SMALLEST_OF_EACH = (
    "SELECT r.cluster, r.source_id, r.payload FROM resolution_inputs r "
    "WHERE r.cluster IN :ids AND r.source_id = (SELECT min(m.source_id) "
    "FROM resolution_inputs m WHERE m.cluster = r.cluster)"
)

# Clusters read once per distinct part, under its smallest source id: a spelling's
# (an alias key's) parts are few, but a country's is in nearly every article. Their
# parts carry a hash, indexed with the cluster, so each distinct part is one look-up.
DISTINCT_PARTS = ("alias:",)
_NEXT_PART = (
    "SELECT source_id, payload, part_hash FROM resolution_inputs WHERE cluster = :cluster "
    "AND part_hash > :after ORDER BY part_hash, source_id{order} LIMIT 1"
)
# Many clusters at once (a first load): the smallest source of each distinct part, read
# from the index alone, then those parts.
_DISTINCT_PARTS = (
    "SELECT r.cluster, r.source_id, r.payload FROM (SELECT cluster, part_hash, "
    "min(source_id{order}) AS source_id FROM resolution_inputs WHERE cluster IN :ids "
    "AND part_hash IS NOT NULL GROUP BY cluster, part_hash) d "
    "JOIN resolution_inputs r ON r.cluster = d.cluster AND r.source_id = d.source_id"
)


def part_hash(payload: str) -> str:
    """What tells a part from the other parts of its cluster (migration 0019 wrote it
    the same way)."""
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:32]


# Clusters whose size does not say how much of them is read: a batch counts them one.
FEW_READ = FIRST_MEMBER_ONLY + DISTINCT_PARTS
# An event block's or a source's quotes' parts name their source, so none repeats:
# grouping them by payload only sorted megabytes of text (60 ms for three country blocks
# at 10,000 articles).
EVERY_MEMBER = ("events:", "quotes:")
_EVERY_PART = "SELECT cluster, source_id, payload FROM resolution_inputs WHERE cluster IN :ids"


# Parts decoded at once: a batch of clusters holds up to this many (an actor's, a
# place's or a spelling's cluster counts one: only its smallest member, or its few
# distinct parts, are read), and an event
# block with more is read a row at a time (``MemberStream``). Measured at 10,000
# articles: one batch of 2,000 clusters held 40,000 parts, nearly every event block,
# and decoding them took 285 MiB; a country's block grows with the corpus.
PART_BUDGET = 5000
# And at most this many clusters (a source's quotes are a cluster of one part each).
CLUSTERS_PER_BATCH = 2000
# Kinds of cluster read a row at a time when they hold more than the budget: the other
# kinds read one row, or one per distinct spelling, whatever their size.
STREAMED = ("events:",)


@dataclass
class Batch:
    """Clusters resolved (and written) together; ``streamed``: the one among them too
    large to read at once, if any (it is then alone in its batch)."""

    clusters: list[str]
    streamed: frozenset[str] = frozenset()


def cluster_batches(
    connection: Connection,
    clusters: list[str] | None = None,
    budget: int | None = None,
    most: int | None = None,
) -> Iterator[Batch]:
    """``clusters`` (every cluster when None), in order, in batches of at most ``most``
    clusters (``CLUSTERS_PER_BATCH``) and ``budget`` parts read (``PART_BUDGET``); a
    cluster with more parts is a batch alone."""
    budget = PART_BUDGET if budget is None else budget
    most = CLUSTERS_PER_BATCH if most is None else most
    sized = _every_cluster_sized(connection) if clusters is None else _sized(connection, clusters)
    batch: list[str] = []
    parts = 0
    for cluster, count in sized:
        weight = 1 if cluster.startswith(FEW_READ) else count
        if batch and (parts + weight > budget or len(batch) >= most):
            yield Batch(batch)
            batch, parts = [], 0
        if weight > budget:
            streamed = frozenset([cluster]) if cluster.startswith(STREAMED) else frozenset()
            yield Batch([cluster], streamed)
            continue
        batch.append(cluster)
        parts += weight
    if batch:
        yield Batch(batch)


def _every_cluster_sized(connection: Connection, page: int = 2000) -> Iterator[tuple[str, int]]:
    """Every cluster and its number of parts, in order, read from the primary key page
    by page: a first load of 100,000 articles has millions of clusters (an event naming
    no actor is a block of its own), and listing them at once held them all."""
    statement = text(
        "SELECT cluster, count(*) AS parts FROM resolution_inputs WHERE cluster > :after "
        "GROUP BY cluster ORDER BY cluster LIMIT :limit"
    )
    after = ""
    while True:
        rows = connection.execute(statement, {"after": after, "limit": page}).all()
        if not rows:
            return
        yield from ((row.cluster, row.parts) for row in rows)
        after = rows[-1].cluster


def _sized(connection: Connection, clusters: list[str]) -> list[tuple[str, int]]:
    """``clusters`` in order, each with its number of parts (0 once its last member is
    gone). An actor's, a place's or a spelling's is not counted: a country's has a
    member in nearly every article, and only its smallest or its distinct are read."""
    counted = sorted(cluster for cluster in clusters if not cluster.startswith(FEW_READ))
    statement = _in(
        "SELECT cluster, count(*) AS parts FROM resolution_inputs WHERE cluster IN :ids "
        "GROUP BY cluster"
    )
    parts: dict[str, int] = {}
    for chunk in _chunks(counted):
        parts.update(
            (row.cluster, row.parts) for row in connection.execute(statement, {"ids": chunk})
        )
    return [(cluster, parts.get(cluster, 0)) for cluster in sorted(clusters)]


class MemberStream:
    """One cluster's members in source-id order, as ``members`` gives them, read a row
    at a time each time it is iterated, so that a block of events as large as a
    country's in a large corpus is never decoded whole (resolving a block reads its
    members twice: first the states they name, then the replay)."""

    def __init__(self, connection: Connection, cluster: str):
        self.connection, self.cluster = connection, cluster
        # Source-id order as Python sorts it (code points): PostgreSQL's default
        # collation may order ids otherwise; SQLite compares bytes already.
        order = ' COLLATE "C"' if connection.dialect.name == "postgresql" else ""
        self._every = text(
            "SELECT source_id, payload FROM resolution_inputs WHERE cluster = :cluster "
            f"ORDER BY source_id{order}"
        ).execution_options(stream_results=True)

    def __iter__(self) -> Iterator[tuple[str, Any]]:
        for row in self.connection.execute(self._every, {"cluster": self.cluster}):
            yield row.source_id, json.loads(row.payload)

    def __bool__(self) -> bool:
        return self.connection.execute(_SMALLEST, {"cluster": self.cluster}).first() is not None


def members(
    connection: Connection, clusters: list[str], streamed: Iterable[str] = ()
) -> dict[str, Any]:
    """Each cluster's members' parts, in source-id order. Only what resolution reads is
    read: the smallest member of an actor or place (a country may be named in every
    article), each distinct spelling part once, under its smallest source id (the same
    spellings come from many articles), and every part of an event block or quotes.
    A cluster in ``streamed`` is not read here: it gets a ``MemberStream``."""
    streamed = set(streamed)
    found: dict[str, Any] = {cluster: MemberStream(connection, cluster) for cluster in streamed}
    clusters = [cluster for cluster in clusters if cluster not in streamed]
    first = [cluster for cluster in clusters if cluster.startswith(FIRST_MEMBER_ONLY)]
    every = [cluster for cluster in clusters if cluster.startswith(EVERY_MEMBER)]
    distinct = [cluster for cluster in clusters if cluster.startswith(DISTINCT_PARTS)]
    unknown = set(clusters) - set(first) - set(every) - set(distinct)
    if unknown:
        raise ValueError(f"no way to read the members of {sorted(unknown)[:3]}")
    found.update({cluster: [] for cluster in clusters})
    order = ' COLLATE "C"' if connection.dialect.name == "postgresql" else ""
    # A change touches a few clusters: one look-up each in the primary key (cluster,
    # source_id). The correlated min() reads every member of a country's cluster (9,000
    # rows at 10,000 articles) to return one, but answers thousands of clusters (a
    # first load) in one statement.
    if len(first) <= FEW_CLUSTERS:
        for cluster in first:
            row = connection.execute(_SMALLEST, {"cluster": cluster}).first()
            if row is not None:
                found[cluster].append((row.source_id, json.loads(row.payload)))
        first = []
    for chunk in _chunks(first):
        for row in connection.execute(_in(_SMALLEST_OF_EACH), {"ids": chunk}):
            found[row.cluster].append((row.source_id, json.loads(row.payload)))
    # The same for spellings: one look-up per distinct part, skipping from each part's
    # hash to the next in the index.
    if len(distinct) <= FEW_CLUSTERS:
        following = text(_NEXT_PART.format(order=order))
        for cluster in distinct:
            after = ""
            while row := connection.execute(
                following, {"cluster": cluster, "after": after}
            ).first():
                found[cluster].append((row.source_id, json.loads(row.payload)))
                after = row.part_hash
        distinct = []
    for chosen, sql in ((distinct, _DISTINCT_PARTS.format(order=order)), (every, _EVERY_PART)):
        for chunk in _chunks(chosen):
            for row in connection.execute(_in(sql), {"ids": chunk}):
                found[row.cluster].append((row.source_id, json.loads(row.payload)))
    for cluster in clusters:
        found[cluster].sort(key=lambda member: member[0])
    return found


def outputs(connection: Connection, clusters: list[str]) -> dict[str, Outputs]:
    statement = _in("SELECT cluster, rows FROM resolution_outputs WHERE cluster IN :ids")
    return {
        row.cluster: json.loads(row.rows)
        for row in connection.execute(statement, {"ids": clusters})
    }


def has_outputs(connection: Connection) -> bool:
    return connection.execute(text("SELECT 1 FROM resolution_outputs LIMIT 1")).first() is not None


def forget_outputs(connection: Connection) -> None:
    connection.execute(text("DELETE FROM resolution_outputs"))
    connection.execute(text("DELETE FROM resolution_event_blocks"))


# The clusters whose replay can go on from a summary (``extract.clusters.BlockReplay``).
EVENT_BLOCKS = "events:"


@dataclass
class GrownBlock:
    """A block of events whose members are those its summary was made from, followed
    by ``added``: members whose source ids follow the summary's last one."""

    cluster: str
    summary: dict[str, Any]
    added: list[tuple[str, Any]]


def grown_blocks(connection: Connection, clusters: list[str]) -> Iterator[GrownBlock]:
    """Those of ``clusters`` (blocks no earlier member of which changed or went) that
    have a summary and whose new members all come after its last member, with the new
    members' parts. The others must be replayed whole."""
    order = ' COLLATE "C"' if connection.dialect.name == "postgresql" else ""
    earlier = text(
        "SELECT count(*) FROM resolution_inputs WHERE cluster = :cluster "
        f"AND source_id{order} <= :last"
    )
    later = text(
        "SELECT source_id, payload FROM resolution_inputs WHERE cluster = :cluster "
        f"AND source_id{order} > :last ORDER BY source_id{order}"
    )
    statement = _in("SELECT cluster, summary FROM resolution_event_blocks WHERE cluster IN :ids")
    for chunk in _chunks(sorted(clusters)):
        for row in connection.execute(statement, {"ids": chunk}).all():
            summary = json.loads(row.summary)
            where = {"cluster": row.cluster, "last": summary["last"]}
            # One more member up to the last one: an article with an earlier id joined.
            if connection.execute(earlier, where).scalar_one() != summary["members"]:
                continue
            added = [
                (member.source_id, json.loads(member.payload))
                for member in connection.execute(later, where)
            ]
            yield GrownBlock(row.cluster, summary, added)


def stored_part(connection: Connection, cluster: str, source_id: str) -> Any:
    """One member's part of a cluster."""
    row = connection.execute(
        text(
            "SELECT payload FROM resolution_inputs WHERE cluster = :cluster "
            "AND source_id = :source_id"
        ),
        {"cluster": cluster, "source_id": source_id},
    ).one()
    return json.loads(row.payload)


def save_block_summaries(connection: Connection, summaries: dict[str, dict | None]) -> None:
    """Replace the summaries of these blocks (None: the block has no members left)."""
    clusters = sorted(summaries)
    for chunk in _chunks(clusters):
        connection.execute(
            _in("DELETE FROM resolution_event_blocks WHERE cluster IN :ids"), {"ids": chunk}
        )
    rows = [
        {"cluster": cluster, "summary": json.dumps(summaries[cluster], sort_keys=True)}
        for cluster in clusters
        if summaries[cluster] is not None
    ]
    table = Base.metadata.tables["resolution_event_blocks"]
    for chunk in _chunks(rows, 2000):
        connection.execute(table.insert(), chunk)


def forget_all(connection: Connection) -> None:
    connection.execute(text("DELETE FROM resolution_inputs"))
    forget_outputs(connection)


def _key(table, row: dict[str, Any]) -> str:
    return json.dumps([row[column.name] for column in table.primary_key.columns])


def _hash(row: dict[str, Any]) -> str:
    encoded = json.dumps(row, sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha1(encoded.encode()).hexdigest()[:16]


def write_changes(
    connection: Connection,
    resolved: dict[str, dict[str, list[dict[str, Any]]]],
    before: dict[str, Outputs],
    partial: Iterable[str] = (),
) -> dict[str, int]:
    """Bring the database from the rows the clusters wrote ``before`` to the rows they
    give now (``resolved``: cluster -> table -> rows); returns rows written per kind
    (deleted, updated, inserted). A cluster in ``partial`` gives only its new and
    changed rows: the rows it wrote before and does not give stay."""
    partial = set(partial)
    tables = Base.metadata.tables
    gone: dict[str, list[str]] = {name: [] for name in WRITE_ORDER}
    changed: dict[str, list[dict]] = {name: [] for name in WRITE_ORDER}
    added = Corpus()
    saved = []
    for cluster in sorted(set(resolved) | set(before)):
        old = before.get(cluster, {})
        grown = cluster in partial
        now: Outputs = {name: dict(hashes) for name, hashes in old.items()} if grown else {}
        for name, rows in resolved.get(cluster, {}).items():
            table, hashes = tables[name], now.get(name, {})
            previous = old.get(name, {})
            for row in rows:
                key, digest = _key(table, row), _hash(row)
                hashes[key] = digest
                if key not in previous:
                    getattr(added, name).append(row)
                elif previous[key] != digest:
                    changed[name].append(row)
            if hashes:
                now[name] = hashes
        if grown:
            # Tables in the order a replay from the first member gives them, so that
            # the saved outputs are those of a fresh load (keys: old ones, then new).
            now = {name: now[name] for name in WRITE_ORDER if name in now}
        else:
            for name, previous in old.items():
                gone[name].extend(key for key in previous if key not in now.get(name, {}))
        if now != old:
            saved.append((cluster, now))
    for name in reversed(WRITE_ORDER):
        _delete(connection, tables[name], gone[name])
    for name in WRITE_ORDER:
        _update(connection, tables[name], changed[name])
    insert_rows(connection, added)
    _save_outputs(connection, saved)
    return {
        "deleted": sum(map(len, gone.values())),
        "updated": sum(map(len, changed.values())),
        "inserted": sum(map(len, added.tables().values())),
    }


def _delete(connection: Connection, table, keys: list[str]) -> None:
    if not keys:
        return
    columns = list(table.primary_key.columns)
    statement = table.delete().where(
        and_(*(column == bindparam(f"k_{column.name}") for column in columns))
    )
    parameters = [
        {f"k_{column.name}": value for column, value in zip(columns, json.loads(key), strict=True)}
        for key in keys
    ]
    for chunk in _chunks(parameters, 2000):
        connection.execute(statement, chunk)


def _update(connection: Connection, table, rows: list[dict[str, Any]]) -> None:
    if not rows:
        return
    keys = list(table.primary_key.columns)
    names = [name for name in rows[0] if name not in {column.name for column in keys}]
    statement = (
        table.update()
        .where(and_(*(column == bindparam(f"k_{column.name}") for column in keys)))
        .values({name: bindparam(f"v_{name}") for name in names})
    )
    parameters = [
        {
            **{f"k_{column.name}": row[column.name] for column in keys},
            **{f"v_{name}": row.get(name) for name in names},
        }
        for row in rows
    ]
    connection.execute(statement, parameters)


def _save_outputs(connection: Connection, saved: list[tuple[str, Outputs]]) -> None:
    table = Base.metadata.tables["resolution_outputs"]
    clusters = [cluster for cluster, _ in saved]
    for chunk in _chunks(clusters):
        connection.execute(
            _in("DELETE FROM resolution_outputs WHERE cluster IN :ids"), {"ids": chunk}
        )
    rows = [{"cluster": cluster, "rows": json.dumps(now)} for cluster, now in saved if now]
    for chunk in _chunks(rows, 2000):
        connection.execute(table.insert(), chunk)
