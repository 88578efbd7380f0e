"""Incremental loads: re-read only the seed files whose hash changed, replace only their rows.

Every row of an owned table names the seed file it came from (``seed_file``), and
``seed_files`` remembers each file's hash. A load hashes the seeds folder and re-reads:

* the files that are new or changed;
* the unchanged files that refer to what a changed or removed file defined: records
  citing an article that changed (their offsets may have moved), or ids that are gone.

Those files are validated against the records already in the database (looked up
one id at a time, so a small change stays small), their old rows are deleted and the
new ones inserted in one transaction, with foreign keys checked at commit. The result
is the same database a load into an empty one gives (tests/test_incremental.py).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, bindparam, text

from ..database import current_revision, head_revision
from ..seeds import RECORD_KINDS, ScannedFile, SeedFiles, display_path, read_seed_files
from ..validate import Corpus, PriorRecords, StoredSource, validate

# Tables whose rows belong to a seed file, parents last (delete order).
OWNED_TABLES = ("figures", "quotes", "events", "places", "actors", "sources")
# Above this share of changed files, re-reading everything is simpler and no slower.
FULL_LOAD_SHARE = 0.5
CHUNK = 5000

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


@dataclass
class LoadPlan:
    """What changed in the seeds folder since the last load."""

    files: dict[str, ScannedFile]
    changed: set[str]
    removed: set[str]
    stored: dict[str, ScannedFile]

    @property
    def nothing_changed(self) -> bool:
        return not self.changed and not self.removed


def stored_seed_files(connection: Connection) -> dict[str, ScannedFile]:
    """What the last load recorded of each file; nothing from an older schema."""
    if current_revision(connection) != head_revision():
        return {}
    rows = connection.execute(
        text("SELECT path, kind, content_hash, size, mtime_ns FROM seed_files")
    )
    return {
        row.path: ScannedFile(row.kind, row.content_hash, row.size, row.mtime_ns) for row in rows
    }


def plan_load(files: dict[str, ScannedFile], stored: dict[str, ScannedFile]) -> LoadPlan | None:
    """The incremental plan, or None when only a full load will do (new database,
    older schema, or most files changed). ``stored``: ``stored_seed_files``, empty
    for a database at an older revision."""
    if not stored:
        return None
    changed = {path for path, state in files.items() if not state.same_content(stored.get(path))}
    removed = set(stored) - set(files)
    if len(changed) + len(removed) > FULL_LOAD_SHARE * max(len(files), 1):
        return None
    return LoadPlan(files, changed, removed, stored)


def _chunks(values: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _select_in(connection: Connection, sql: str, values: set[str]) -> list:
    """Rows of ``sql`` (with one ``IN :ids``) for every value, in chunks SQLite accepts."""
    statement = text(sql).bindparams(bindparam("ids", expanding=True))
    rows = []
    for chunk in _chunks(sorted(values)):
        rows.extend(connection.execute(statement, {"ids": chunk}))
    return rows


def _owned_ids(connection: Connection, table: str, files: set[str]) -> set[str]:
    rows = _select_in(connection, f"SELECT id FROM {table} WHERE seed_file IN :ids", files)
    return {row.id for row in rows}


def dependent_files(connection: Connection, replaced: set[str], seeds: SeedFiles) -> set[str]:
    """Unchanged files that must be re-read because a replaced file's ids moved or went."""
    new_ids = {
        kind: {e.data.get("id") for e in seeds.records[kind] if isinstance(e.data.get("id"), str)}
        for kind in RECORD_KINDS
    }
    gone: dict[str, set[str]] = {
        # Any article that changed: records citing it must be located in its new text.
        "sources": _owned_ids(connection, "sources", replaced),
    }
    for kind in ("actors", "places", "events"):
        gone[kind] = _owned_ids(connection, kind, replaced) - new_ids[kind]
    files: set[str] = set()
    for kind, ids in gone.items():
        if ids:
            for sql in REFERRING_FILES[kind]:
                files.update(row.seed_file for row in _select_in(connection, sql, ids))
    files.discard(None)
    return files - replaced


class StoredIds(Mapping):
    """Curated ids already in the database, outside the files being replaced.

    Looked up one at a time, so checking a few references costs a few queries; only an
    error message's did-you-mean walks them all.
    """

    def __init__(self, connection: Connection, table: str, replaced: set[str]):
        self.connection, self.table, self.replaced = connection, table, replaced
        self._one = text(f"SELECT seed_file FROM {table} WHERE id = :id")
        self._cache: dict[str, str | None] = {}

    def _lookup(self, key: str) -> str | None:
        if key not in self._cache:
            found = self.connection.execute(self._one, {"id": key}).scalar()
            self._cache[key] = found if found is not None and found not in self.replaced else None
        return self._cache[key]

    def __getitem__(self, key):
        return self.file_of(key)

    def file_of(self, key) -> str:
        """The seed file a stored id comes from."""
        found = self._lookup(key) if isinstance(key, str) else None
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key) -> bool:
        return isinstance(key, str) and self._lookup(key) is not None

    def __iter__(self):
        rows = self.connection.execute(
            text(f"SELECT id, seed_file FROM {self.table} WHERE seed_file IS NOT NULL")
        )
        return (row.id for row in rows if row.seed_file not in self.replaced)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class StoredSources(StoredIds):
    """Sources already in the database, with the text quotes must be found in.

    Texts are kept for the most recently cited sources only: record files tend to cite
    one article again and again, and 10,000 articles' texts would not fit the budget.
    """

    TEXTS_KEPT = 64

    def __init__(self, connection: Connection, replaced: set[str], seeds_dir: Path):
        super().__init__(connection, "sources", replaced)
        self.seeds_dir = seeds_dir
        self._texts: OrderedDict[str, StoredSource] = OrderedDict()

    def __getitem__(self, key) -> StoredSource:
        self.file_of(key)
        if key in self._texts:
            self._texts.move_to_end(key)
            return self._texts[key]
        row = self.connection.execute(
            text("SELECT search_text, seed_file FROM sources WHERE id = :id"), {"id": key}
        ).one()
        shown = display_path(self.seeds_dir / row.seed_file, self.seeds_dir)
        self._texts[key] = StoredSource(key, row.search_text, shown)
        if len(self._texts) > self.TEXTS_KEPT:
            self._texts.popitem(last=False)
        return self._texts[key]


class StoredAliasOwners(Mapping):
    """alias_key -> curated actor id, for actors outside the files being replaced."""

    def __init__(self, connection: Connection, replaced: set[str]):
        self.connection, self.replaced = connection, replaced
        self._one = text(
            "SELECT a.actor_id, x.seed_file FROM actor_aliases a JOIN actors x "
            "ON x.id = a.actor_id WHERE a.alias_key = :key AND a.origin = 'curated'"
        )

    def __getitem__(self, key):
        for row in self.connection.execute(self._one, {"key": key}):
            if row.seed_file not in self.replaced:
                return row.actor_id
        raise KeyError(key)

    def __iter__(self):
        return iter(())

    def __len__(self) -> int:
        return 0


def prior_records(connection: Connection, replaced: set[str], seeds_dir: Path) -> PriorRecords:
    ids = {kind: StoredIds(connection, kind, replaced) for kind in RECORD_KINDS}
    ids["sources"] = StoredSources(connection, replaced, seeds_dir)

    def where(kind: str, record_id: str) -> tuple[str, int | None]:
        """(file, line) of a stored record, as a full load names it (errors only)."""
        seeds = read_seed_files(seeds_dir, only={ids[kind].file_of(record_id)})
        if kind == "sources":
            article = next(a for a in seeds.articles if a.id == record_id)
            return article.file_path, article.front_matter_line
        entry = next(e for e in seeds.records[kind] if e.data.get("id") == record_id)
        return entry.file, entry.line

    return PriorRecords(
        ids=ids,
        alias_owners=StoredAliasOwners(connection, replaced),
        sources=ids["sources"],
        where=where,
    )


def read_changes(
    connection: Connection, seeds_dir: Path, plan: LoadPlan, progress=None
) -> tuple[Corpus, set[str]]:
    """Validated rows of every file to re-read, and the set of files being replaced."""
    seeds = read_seed_files(seeds_dir, only=plan.changed, progress=progress)
    replaced = plan.changed | plan.removed
    dependents = dependent_files(connection, replaced, seeds) - plan.removed
    if dependents:
        more = read_seed_files(seeds_dir, only=dependents, progress=progress)
        seeds.articles += more.articles
        for kind in RECORD_KINDS:
            seeds.records[kind] += more.records[kind]
        seeds.warnings += more.warnings
        replaced |= dependents
    return validate(seeds, prior_records(connection, replaced, seeds_dir)), replaced


def defer_foreign_keys(connection: Connection) -> None:
    """Check foreign keys at commit: rows of unchanged files point at rows being replaced."""
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    else:
        connection.exec_driver_sql("SET CONSTRAINTS ALL DEFERRED")


# Rows that belong to an owned row (its aliases, links, inferences): deleted with it.
# Named here rather than left to ON DELETE CASCADE, which SQLite skips when foreign
# keys are off (the streaming full load writes that way).
CHILD_TABLES = {
    "events": (("event_actors", "event_id"), ("event_sources", "event_id")),
    "actors": (("actor_aliases", "actor_id"),),
    "sources": (("source_inferences", "source_id"), ("source_boilerplate", "source_id")),
}


def owned_records(connection: Connection, files: set[str]) -> dict[str, dict[str, str]]:
    """Per owned table, id -> seed file of every row these files wrote."""
    return {
        table: {
            row.id: row.seed_file
            for row in _select_in(
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
            for chunk in _chunks(sorted(files)):
                connection.execute(statement, {"ids": chunk})


def record_seed_files(
    connection: Connection, files: dict[str, ScannedFile], paths: set[str] | None = None
) -> None:
    """Remember the hash and stamp of each file in ``paths`` (all files when None)."""
    paths = set(files) if paths is None else paths
    rows = [{"path": path, **files[path]._asdict()} for path in sorted(paths) if path in files]
    if rows:
        connection.execute(
            text(
                "INSERT INTO seed_files (path, kind, content_hash, size, mtime_ns) "
                "VALUES (:path, :kind, :content_hash, :size, :mtime_ns)"
            ),
            rows,
        )


def restamp_seed_files(connection: Connection, plan: LoadPlan) -> None:
    """Record new stamps of files whose content did not change (touched, or stamped
    for the first time now that they are old enough), so they are not hashed again."""
    files, stored = plan.files, plan.stored
    rows = [
        {"path": path, "size": state.size, "mtime_ns": state.mtime_ns}
        for path, state in files.items()
        if path in stored and stored[path] != state and state.same_content(stored[path])
    ]
    if rows:
        connection.execute(
            text("UPDATE seed_files SET size = :size, mtime_ns = :mtime_ns WHERE path = :path"),
            rows,
        )


def forget_seed_files(connection: Connection, paths: set[str] | None = None) -> None:
    if paths is None:
        connection.execute(text("DELETE FROM seed_files"))
        return
    statement = text("DELETE FROM seed_files WHERE path IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    for chunk in _chunks(sorted(paths)):
        connection.execute(statement, {"ids": chunk})
