"""``timeline load``: one pipeline from the seeds folder to the database, each stage once.

Follow one file from scan to database:

1. **lock** (``loading/lock.py``): one load at a time per database; the leftovers of
   killed loads go (``loading/database_file.py``).
2. **scan** (``seeds.scan_seed_files``): list the seed files and stat them; a file
   whose size and mtime match what the last load recorded is not read. The others are
   hashed, and their bytes kept for step 5, so a changed file is read once.
3. **plan** (``loading/plan.py``): which files changed or went since the last load. A
   new database, an older schema, ``--fresh`` or more than half the files changed give
   the *full* plan: every file changed, every row goes (nothing is hashed in step 2;
   step 5 hashes what it parses). Nothing changed: the load stops here.
4. **replace** (``loading/replace.py``), in one transaction (a full plan on a new
   SQLite file writes a temporary file, renamed into place at commit): the extracted
   layer, then the rows of the changed and removed files are deleted (a full plan
   empties every table).
5. **read, check, write curated rows** (``loading/curated.py``, a batch at a time):
   read and hash each file (``seeds.read_paths``, ``articles.py``,
   ``yaml_records.py``), check it into rows (``validate.py``, against what the database
   holds: ``loading/stored.py``), insert them (``write.py``). Then the unchanged files
   that cite a changed article or a removed id (``replace.dependent_files``), the same
   way. Then every reference the written rows make, in SQL; a file with any problem
   is validated again with line numbers, which words every problem, and the load
   rolls back.
6. **record** (``loading/plan.py``): each file's hash and stamp, for the next scan.
7. **extract, resolve, write extracted rows** (``extracted_layer.rebuild_extracted``):
   extract the sources no curated record covers whose stored result is stale, resolve
   every result against the curated rows, write the rows.
8. **finish**: refuse rows left pointing at a removed record (``refusals.py``), fill
   place coordinates (``gazetteer.py``), count the rows; commit.

A full load and an incremental load are the same stages with a different plan.
"""

from __future__ import annotations

import errno
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, func, select
from sqlalchemy.exc import OperationalError

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
from .extraction_cache import made_by_another_extractor
from .gazetteer import fill_place_coordinates
from .loading.curated import CuratedWriter
from .loading.database_file import new_database_file, remove_files_of_killed_loads
from .loading.lock import one_load_at_a_time
from .loading.plan import (
    LoadPlan,
    forget_seed_files,
    plan_load,
    record_seed_files,
    restamp_seed_files,
    stored_seed_files,
)
from .loading.replace import (
    clear_all,
    clear_vocabularies,
    defer_foreign_keys,
    delete_owned_rows,
    dependent_files,
    owned_records,
)
from .models import Base
from .refusals import refuse_dangling_references
from .review.store import store_reviews
from .seeds import file_kind, scan_seed_files
from .validate import Corpus

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
    """Scan and plan, then run the plan in one transaction: on the database itself, or
    for a full plan, on a new file when there is none yet (or ``fresh``)."""
    path = sqlite_path(url)
    if not fresh and (path is None or path.exists()):
        with transaction(url) as connection:
            stored = stored_seed_files(connection)
            kept: dict[str, bytes] = {}
            files = scan_seed_files(seeds_dir, stored, hash_files=bool(stored), kept=kept)
            plan = plan_load(files, stored, kept)
            if not plan.full:
                return _run(connection, url, seeds_dir, plan, extract, progress)
    else:
        plan = plan_load(scan_seed_files(seeds_dir, hash_files=False), {})
    # SQLite's own foreign-key look-ups are off: the curated stage checks every
    # reference, set-wise, before it returns (tests run PRAGMA foreign_key_check).
    with (
        new_database_file(url, fresh) as write_url,
        transaction(write_url, foreign_keys=False) as connection,
    ):
        upgrade(connection, write_url)
        return _run(connection, url, seeds_dir, plan, extract, progress)


def _run(
    connection: Connection, url: str, seeds_dir: Path, plan: LoadPlan, extract: bool, progress
) -> LoadResult:
    """Steps 4 to 8 of the module docstring, for any plan."""
    if plan.full:
        clear_all(connection)
        defined: dict[str, dict[str, str]] = {}
    else:
        restamp_seed_files(connection, plan)
        if plan.nothing_changed and _extraction_is_current(connection, extract):
            return LoadResult(url, "unchanged", 0, 0, table_counts(connection))
    defer_foreign_keys(connection)
    replaced = plan.changed | plan.removed
    if not plan.full:
        defined = owned_records(connection, replaced)
    # When curated records change, the extracted rows go first: a kept draft's curated
    # records reuse their ids, and curated rows must replace them, as in a load into an
    # empty database. When only uncurated articles change, the extracted layer stays
    # and only the clusters those articles touch are resolved again.
    curated_changed = plan.full or _curated_files_changed(replaced, defined)
    if curated_changed or not extract:
        delete_extracted(connection)
    if not plan.full:
        delete_owned_rows(connection, replaced)
        clear_vocabularies(connection)

    curated = CuratedWriter(connection, seeds_dir, everything=plan.full, contents=plan.kept)
    curated.write_vocabularies()
    curated.write_files(plan.changed, progress)
    dependents = set()
    if not plan.full:
        dependents = dependent_files(connection, defined, curated.new_ids, replaced)
        dependents -= plan.removed
        if dependents and not curated_changed:
            # Record files citing a changed article are written again: curated rows.
            delete_extracted(connection)
            curated_changed = True
        delete_owned_rows(connection, dependents)
        curated.write_files(dependents)
    warnings = curated.finish()
    if plan.full and not curated.articles_read:
        warnings.append(f"{seeds_dir}: no articles (*.txt, *.md) found")

    read = plan.changed | dependents
    if not plan.full:  # a full plan's clear_all forgot them all
        forget_seed_files(connection, replaced | dependents)
    store_reviews(connection, seeds_dir, plan.files, curated.hashes)
    record_seed_files(connection, plan.files, read, curated.hashes)
    if extract:
        rebuild_extracted(connection, progress, warnings, reset=curated_changed)
    refuse_dangling_references(connection, defined, seeds_dir)
    notes = fill_place_coordinates(connection)
    mode = "full" if plan.full else "incremental"
    changed = len(plan.changed | plan.removed)
    return LoadResult(url, mode, len(read), changed, table_counts(connection), warnings + notes)


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


def _curated_files_changed(replaced: set[str], defined: dict[str, dict[str, str]]) -> bool:
    """Did a changed or removed file hold, or does it now hold, curated records (not only
    an article)? Review files count: what they change is which rows are curated."""
    if any(ids for table, ids in defined.items() if table != "sources"):
        return True
    return any(file_kind(Path(path)) != "article" for path in replaced)


def _extraction_is_current(connection: Connection, extract: bool) -> bool:
    """Does the extracted layer match what this load asks for (after a --no-extract load,
    a plain load must still add it; after an upgrade of the extractor, an unchanged
    folder is extracted again)?"""
    if has_extracted_rows(connection):
        from .extract.version import extractor_version

        return extract and not made_by_another_extractor(connection, extractor_version())
    return not extract or not uncovered_sources_exist(connection)


def table_counts(connection: Connection) -> dict[str, int]:
    tables = Base.metadata.tables
    return {
        name: connection.execute(select(func.count()).select_from(tables[name])).scalar_one()
        for name in SUMMARY_TABLES
    }
