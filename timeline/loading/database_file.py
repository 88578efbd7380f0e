"""The files of a SQLite database on disk: a new one built beside the old, and what lies next to it.

SQLite keeps a database in up to three files: ``NAME``, and while connections are open
``NAME-wal`` (committed pages not yet copied into ``NAME``) and ``NAME-shm`` (the index
of that log, shared by every connection). A rollback journal, ``NAME-journal``, plays
the part of the log for databases not in WAL mode. Nothing in these companions says
which database file they belong to: SQLite opens whatever ``-wal`` and ``-shm`` lie
next to the path. So a file renamed into place beside the companions of a deleted (or
replaced) database inherits that database's pages: old rows, or "database disk image
is malformed". A new file therefore only moves in once those companions are gone.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..database import sqlite_path

COMPANION_SUFFIXES = ("-wal", "-shm", "-journal")
LOADING_MARK = ".loading-"


def companions(path: Path) -> list[Path]:
    return [path.with_name(path.name + suffix) for suffix in COMPANION_SUFFIXES]


def loading_name(path: Path, pid: int) -> Path:
    """The hidden name a new database is built under: ``.NAME.loading-PID``."""
    return path.with_name(f".{path.name}{LOADING_MARK}{pid}")


@contextmanager
def new_database_file(url: str, fresh: bool = False) -> Iterator[str]:
    """The URL a full load writes to.

    For a SQLite file that does not exist yet (or, with ``fresh``, one to replace): a
    temporary file beside it, renamed into place only once the load has committed. A
    failed load then leaves no file behind, and no reader ever opens a half-built
    database. Any other URL is itself.
    """
    path = sqlite_path(url)
    if path is None or (path.exists() and not fresh):
        yield url
        return
    temporary = loading_name(path, os.getpid())
    own_files = [temporary, *companions(temporary)]
    for leftover in own_files:
        leftover.unlink(missing_ok=True)
    try:
        yield f"sqlite:///{temporary}"
        _checkpoint(temporary)
        # The companions beside the path belong to the database being replaced, or to
        # one deleted while a reader held it open (the reader keeps its own open
        # files; only the names go). Left there, they would be read as the new file's.
        for stale in companions(path):
            stale.unlink(missing_ok=True)
        os.replace(temporary, path)
    finally:
        for leftover in own_files:
            leftover.unlink(missing_ok=True)


def _checkpoint(path: Path) -> None:
    """Fold the write-ahead log into the file itself, so the file alone is the database."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def remove_files_of_killed_loads(path: Path) -> list[Path]:
    """Delete the ``.NAME.loading-PID`` files (and their companions) of loads whose
    process is gone: a killed load cannot clean up after itself. Returns what went."""
    prefix = f".{path.name}{LOADING_MARK}"
    removed = []
    try:
        names = os.listdir(path.parent)
    except OSError:
        return removed
    for name in names:
        if not name.startswith(prefix):
            continue
        pid_text = name[len(prefix) :]
        for suffix in COMPANION_SUFFIXES:
            pid_text = pid_text.removesuffix(suffix)
        if not pid_text.isdigit() or _process_alive(int(pid_text)):
            continue
        leftover = path.parent / name
        leftover.unlink(missing_ok=True)
        removed.append(leftover)
    return removed


def _process_alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True
