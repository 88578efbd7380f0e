"""``timeline load``: read the seeds, validate, then migrate and write in one transaction.

Two paths give the same database. A **full load** (new database, older schema, or most
files changed) streams every file through validation into the database, a batch at a
time (see ``streaming.py``); a new SQLite file is written under a temporary name and
only renamed into place when the load commits. An **incremental load** re-reads only
the files whose hash changed and the files that depend on them (see
``incremental.py``); unchanged seeds are a no-op. Either way it is one transaction.
"""

from __future__ import annotations

import errno
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, func, select
from sqlalchemy.exc import OperationalError

from . import incremental
from .database import (
    check_revision,
    display_name,
    resolve_database_url,
    sqlite_path,
    transaction,
    upgrade,
)
from .errors import Problem, TimelineError
from .extracted_layer import (
    delete_extracted,
    has_extracted_rows,
    rebuild_extracted,
    uncovered_sources_exist,
)
from .gazetteer import fill_place_coordinates
from .load_lock import one_load_at_a_time
from .models import Base
from .refusals import refuse_dangling_references
from .seeds import scan_seed_files
from .sqlite_files import new_database_file, remove_files_of_killed_loads
from .streaming import stream_seed_files
from .validate import Corpus
from .write import insert_rows

# The tables a load's summary line counts: every corpus table but the vocabularies
# and the per-source details.
SUMMARY_TABLES = tuple(
    name
    for name in Corpus.TABLES
    if name not in {"event_types", "actor_types", "source_inferences", "source_boilerplate"}
)


@dataclass
class LoadResult:
    """What a load did: rows now in each table, files read, and warnings to read."""

    database_url: str
    mode: str = "full"  # full | incremental | unchanged
    files_read: int = 0
    files_changed: int = 0
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return ", ".join(f"{self.counts.get(name, 0)} {name}" for name in SUMMARY_TABLES)


def load(
    seeds_dir: str | Path = "seeds",
    db: str | None = None,
    extract: bool = True,
    progress=None,
    fresh: bool = False,
) -> LoadResult:
    """Load a seeds folder into a database (path or URL; default ``timeline.db``).

    ``extract``: add extracted rows for sources no curated record covers.
    ``progress``: optional ``progress(items, label)`` wrapper around the files being read
    and the sources being extracted (the CLI passes a progress bar).
    ``fresh``: ignore what the database holds and build it anew from the seeds (a
    SQLite file is built beside the old one and replaces it when the load commits).
    """
    url = resolve_database_url(db)
    seeds_dir = Path(seeds_dir)
    with one_load_at_a_time(url):
        path = sqlite_path(url)
        if path is not None:
            remove_files_of_killed_loads(path)
        check_revision(url, fresh)
        try:
            return _load(url, seeds_dir, extract, progress, fresh)
        except (OperationalError, sqlite3.Error, OSError) as error:
            if _is_disk_full(error):
                raise TimelineError(_full_problem(url)) from None
            raise


def _load(url: str, seeds_dir: Path, extract: bool, progress, fresh: bool) -> LoadResult:
    path = sqlite_path(url)
    if not fresh and (path is None or path.exists()):
        with transaction(url) as connection:
            stored = incremental.stored_seed_files(connection)
            files = scan_seed_files(seeds_dir, stored)
            plan = incremental.plan_load(files, stored)
            if plan is not None:
                return _incremental_load(connection, url, seeds_dir, plan, extract, progress)
    else:
        files = scan_seed_files(seeds_dir)
    return _full_load(url, seeds_dir, files, extract, progress, fresh)


def _is_disk_full(error: BaseException | None) -> bool:
    """Is "database or disk is full" anywhere in the chain? A full disk inside a batch's
    savepoint makes SQLite roll the whole transaction back, so what surfaces is the
    failed ROLLBACK TO SAVEPOINT ("no such savepoint") with the cause as its context."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        original = getattr(error, "orig", None)
        for candidate in (error, original):
            if candidate is None:
                continue
            if "database or disk is full" in str(candidate):
                return True
            if getattr(candidate, "sqlstate", None) == "53100":  # PostgreSQL disk_full
                return True
            if getattr(candidate, "errno", None) in (errno.ENOSPC, errno.EDQUOT):
                return True
        error = error.__cause__ or error.__context__
    return False


def _full_problem(url: str) -> Problem:
    path = sqlite_path(url)
    where = f"the disk holding {path.parent}" if path else "the database server's disk"
    return Problem(
        f"{display_name(url)}: the disk or the database is full; nothing was written "
        "and the database is as it was",
        hint=f"free space on {where} (a load needs room for a second copy of the "
        "database while it runs) and load again",
    )


def _full_load(url, seeds_dir: Path, files, extract: bool, progress, fresh: bool) -> LoadResult:
    # SQLite's own foreign-key look-ups are off: stream_seed_files checks every
    # reference, set-wise, before it returns (tests run PRAGMA foreign_key_check).
    with (
        new_database_file(url, fresh) as write_url,
        transaction(write_url, foreign_keys=False) as connection,
    ):
        upgrade(connection, write_url)
        _clear_all(connection)
        incremental.defer_foreign_keys(connection)
        warnings = stream_seed_files(connection, seeds_dir, progress)
        if extract:
            rebuild_extracted(connection, progress, warnings, reset=True)
        incremental.record_seed_files(connection, files)
        notes = fill_place_coordinates(connection)
        counts = table_counts(connection)
    return LoadResult(url, "full", len(files), len(files), counts, warnings + notes)


def _incremental_load(
    connection: Connection, url, seeds_dir: Path, plan, extract: bool, progress
) -> LoadResult:
    incremental.restamp_seed_files(connection, plan)
    if plan.nothing_changed and _extraction_is_current(connection, extract):
        return LoadResult(url, "unchanged", 0, 0, table_counts(connection))
    corpus, replaced = incremental.read_changes(connection, seeds_dir, plan, progress)
    incremental.defer_foreign_keys(connection)
    defined = incremental.owned_records(connection, replaced)
    # When curated records change, the extracted rows go first: a kept draft's curated
    # records reuse their ids, and curated rows must replace them, as in a load into an
    # empty database. When only uncurated articles change, the extracted layer stays
    # and only the clusters those articles touch are resolved again.
    curated_changed = _curated_rows_changed(corpus, defined)
    if curated_changed or not extract:
        delete_extracted(connection)
    incremental.delete_owned_rows(connection, replaced)
    _clear_vocabularies(connection)
    insert_rows(connection, corpus, seeds_dir)
    incremental.forget_seed_files(connection, replaced)
    incremental.record_seed_files(connection, plan.files, replaced - plan.removed)
    if extract:
        rebuild_extracted(connection, progress, corpus.warnings, reset=curated_changed)
    refuse_dangling_references(connection, defined, seeds_dir)
    notes = fill_place_coordinates(connection)
    read = len(replaced - plan.removed)
    changed = len(plan.changed | plan.removed)
    return LoadResult(
        url, "incremental", read, changed, table_counts(connection), corpus.warnings + notes
    )


# Rows an article file gives by itself: changing them changes no curated record.
_ARTICLE_TABLES = {
    "sources",
    "source_inferences",
    "source_boilerplate",
    "event_types",
    "actor_types",
}


def _curated_rows_changed(corpus: Corpus, defined: dict[str, dict[str, str]]) -> bool:
    """Did the changed files hold, or do they now hold, any curated record (not only
    articles)?"""
    if any(ids for table, ids in defined.items() if table != "sources"):
        return True
    return any(rows for name, rows in corpus.tables().items() if name not in _ARTICLE_TABLES)


def _extraction_is_current(connection: Connection, extract: bool) -> bool:
    """Does the extracted layer match what this load asks for (after a --no-extract load,
    a plain load must still add it)?"""
    if has_extracted_rows(connection):
        return extract
    return not extract or not uncovered_sources_exist(connection)


def _clear_all(connection: Connection) -> None:
    """A full load replaces every row (the schema, just migrated, stays)."""
    tables = Base.metadata.tables
    for name in reversed(Corpus.TABLES):
        connection.execute(tables[name].delete())
    incremental.forget_seed_files(connection)


def _clear_vocabularies(connection: Connection) -> None:
    """The vocabularies come from the code, and every corpus carries them whole: clear
    them so the insert that follows writes the current ones."""
    tables = Base.metadata.tables
    for name in ("event_types", "actor_types"):
        connection.execute(tables[name].delete())


def table_counts(connection: Connection) -> dict[str, int]:
    tables = Base.metadata.tables
    return {
        name: connection.execute(select(func.count()).select_from(tables[name])).scalar_one()
        for name in SUMMARY_TABLES
    }
