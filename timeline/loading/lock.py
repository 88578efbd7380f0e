"""One load at a time per database: a second load says who holds it, and stops.

SQLite: ``flock`` on a lock file beside the database (``.NAME.lock``). SQLite's own
write lock cannot do this job: a load into a new path writes to its own temporary
file (``.NAME.loading-PID``), so two such loads never meet inside SQLite, both commit
and the second rename silently replaces the first corpus. ``flock`` belongs to the
open file, so the kernel releases it when the process dies however it dies: a killed
load leaves no stale lock. The file holds the pid of the load, for the message, and
goes when the load ends.

PostgreSQL: a session advisory lock (``pg_try_advisory_lock``) on a connection held
for the whole load; the server releases it when that connection ends.
"""

from __future__ import annotations

import errno
import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import make_url

from ..database import create_db_engine, display_name, sqlite_path
from ..errors import Problem, TimelineError

# The two int4 keys of the PostgreSQL advisory lock: "tl" and "load".
ADVISORY_KEYS = (0x746C, 0x6C6F6164)


def lock_file(path: Path) -> Path:
    return path.with_name(f".{path.name}.lock")


@contextmanager
def one_load_at_a_time(url: str) -> Iterator[None]:
    """Hold this database's load lock for the duration, or raise TimelineError."""
    path = sqlite_path(url)
    if path is not None:
        with _sqlite_lock_file(url, path):
            yield
    elif make_url(url).get_backend_name() == "postgresql":
        with _postgres_advisory_lock(url):
            yield
    else:  # an in-memory SQLite database is this process's alone
        yield


def busy_message(url: str, holder: str | None, hint: str) -> Problem:
    holder = f" ({holder})" if holder else ""
    return Problem(
        f"another load into {display_name(url)} is running{holder}; nothing was loaded",
        hint=hint,
    )


@contextmanager
def _sqlite_lock_file(url: str, path: Path) -> Iterator[None]:
    lock = lock_file(path)
    descriptor = _locked_descriptor(url, lock, path)
    try:
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        # Removed while still held: a load that opened it meanwhile finds, once it
        # gets the lock, that the name no longer leads to this file, and starts over.
        lock.unlink(missing_ok=True)
        os.close(descriptor)  # releases the flock


def _locked_descriptor(url: str, lock: Path, path: Path) -> int:
    while True:
        try:
            descriptor = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise TimelineError(_cannot_write_beside(path, error)) from None
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(descriptor, 32, 0).decode("ascii", "replace").strip()
            os.close(descriptor)
            raise TimelineError(
                busy_message(
                    url,
                    f"pid {holder}" if holder.isdigit() else None,
                    "wait for it to finish and load again; a load that was killed "
                    "releases its lock by itself",
                )
            ) from None
        try:
            current = os.stat(lock)
        except FileNotFoundError:
            current = None
        if current is not None and current.st_ino == os.fstat(descriptor).st_ino:
            return descriptor
        os.close(descriptor)  # the load before us removed this file as we opened it


def _cannot_write_beside(path: Path, error: OSError) -> Problem:
    folder = str(path.parent)
    if error.errno == errno.ENOENT:
        return Problem(
            f"folder {folder!r} does not exist; nothing was written",
            hint="create it, or give --db a path in an existing folder",
        )
    return Problem(
        f"cannot create files in folder {folder!r} ({error.strerror}); nothing was written",
        hint="a SQLite database needs a writable folder (SQLite keeps -wal and -shm files "
        "beside it): make the folder writable, or give --db a path in another folder",
    )


@contextmanager
def _postgres_advisory_lock(url: str) -> Iterator[None]:
    engine = create_db_engine(url)
    try:
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
            keys = {"a": ADVISORY_KEYS[0], "b": ADVISORY_KEYS[1]}
            if not connection.execute(text("SELECT pg_try_advisory_lock(:a, :b)"), keys).scalar():
                holder = connection.execute(
                    text(
                        "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted"
                        " AND classid = :a AND objid = :b AND objsubid = 2"
                        " AND database = (SELECT oid FROM pg_database"
                        " WHERE datname = current_database())"
                    ),
                    keys,
                ).scalar()
                raise TimelineError(
                    busy_message(
                        url,
                        f"PostgreSQL server process {holder}" if holder else None,
                        "wait for it to finish and load again",
                    )
                )
            try:
                yield
            finally:
                connection.execute(text("SELECT pg_advisory_unlock(:a, :b)"), keys)
    finally:
        engine.dispose()
