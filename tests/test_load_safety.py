"""A load never takes what it finds beside, inside or below it for something it is not.

Stale -wal/-shm files of a deleted database, an open reader, folders and links that
cannot be read, a second load at the same time, another program's database, a full
disk: each gives the new rows or one clear message, never old rows or silent loss.

The tests run as root, which ignores permission bits: an unreadable folder or file is
simulated by making ``os.scandir`` or ``Path.read_bytes`` raise PermissionError for
that one path (what the kernel does for another user), and a read-only folder by
making the lock file's ``os.open`` raise EROFS (what a read-only mount does). Dead and
looping links are real.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import Engine, event

import timeline
from timeline.cli import cli

from .conftest import FIXTURES, dump_database, file_digest

TITLE = "Tokayev and Zelenskyy discuss peace"  # the title in fixtures/minimal

# Holds a database open with a big uncommitted-to-the-file write-ahead log, the way a
# running `timeline serve` or `sqlite3` shell holds it, until its stdin closes.
HOLD_OPEN = """
import sqlite3, sys
connection = sqlite3.connect(sys.argv[1], isolation_level=None)
connection.execute("PRAGMA wal_autocheckpoint = 0")
connection.execute("CREATE TABLE junk (x)")
connection.executemany("INSERT INTO junk VALUES (?)", [("y" * 500,)] * 2000)
connection.execute("UPDATE sources SET title = 'OLD STALE'")
print("ready", flush=True)
sys.stdin.read()
"""

# Holds the load lock of a database, as a load in another process does, until stdin closes.
HOLD_LOCK = """
import sys
from timeline.database import resolve_database_url
from timeline.loading.lock import one_load_at_a_time
with one_load_at_a_time(resolve_database_url(sys.argv[1])):
    print("ready", flush=True)
    sys.stdin.read()
"""


def invoke(*args):
    return CliRunner().invoke(cli, [str(arg) for arg in args])


def sql(db, statement):
    connection = sqlite3.connect(db)
    try:
        return connection.execute(statement).fetchall()
    finally:
        connection.close()


class Holder:
    """A separate process running one of the scripts above."""

    def __init__(self, script: str, argument):
        self.process = subprocess.Popen(
            [sys.executable, "-c", script, str(argument)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout.readline().strip() == "ready"

    def close(self):
        self.process.stdin.close()
        self.process.wait(timeout=30)


@pytest.fixture
def holders():
    started = []
    yield lambda script, argument: started.append(Holder(script, argument)) or started[-1]
    for holder in started:
        if holder.process.poll() is None:
            holder.close()


# -- 1. a fresh load, whatever lies next to the path ------------------------------------


def test_a_database_deleted_under_an_open_reader_is_loaded_anew(tmp_path, holders):
    db = tmp_path / "t.db"
    timeline.load(FIXTURES / "minimal", str(db))
    reader = holders(HOLD_OPEN, db)
    assert Path(f"{db}-wal").stat().st_size > 1_000_000  # the reader's log, not yet in t.db

    db.unlink()  # what `rm timeline.db` does while `timeline serve` runs
    result = invoke("load", FIXTURES / "minimal", "--db", db)

    assert result.exit_code == 0, result.output
    for _ in ("while the reader is open", "after it exits"):
        assert sql(db, "SELECT title FROM sources") == [(TITLE,)]
        assert sql(db, "SELECT name FROM sqlite_master WHERE name = 'junk'") == []
        assert sql(db, "PRAGMA integrity_check") == [("ok",)]
        reader.close()


def test_fresh_replaces_a_database_an_open_reader_holds(tmp_path, holders):
    db = tmp_path / "t.db"
    timeline.load(FIXTURES / "minimal", str(db))
    reader = holders(HOLD_OPEN, db)
    assert sql(db, "SELECT title FROM sources") == [("OLD STALE",)]

    result = invoke("load", FIXTURES / "minimal", "--db", db, "--fresh")

    assert result.exit_code == 0, result.output
    assert "Loaded 1 sources" in result.output
    reader.close()
    assert sql(db, "SELECT title FROM sources") == [(TITLE,)]
    assert sql(db, "SELECT name FROM sqlite_master WHERE name = 'junk'") == []
    assert sql(db, "PRAGMA integrity_check") == [("ok",)]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["t.db"]


def test_fresh_gives_the_database_a_new_load_gives(tmp_path):
    fresh, new = tmp_path / "fresh.db", tmp_path / "new.db"
    timeline.load(FIXTURES / "boilerplate", str(fresh))
    timeline.load(FIXTURES / "minimal", str(new))

    result = invoke("load", FIXTURES / "minimal", "--db", fresh, "--fresh")

    assert result.exit_code == 0, result.output
    assert dump_database(fresh) == dump_database(new)


def test_a_broken_database_is_refused_and_fresh_rebuilds_it(tmp_path):
    db = tmp_path / "t.db"
    timeline.load(FIXTURES / "minimal", str(db))
    with open(db, "r+b") as broken:  # overwrite the header: no longer a SQLite file
        broken.write(b"\0" * 100)
    before = file_digest(db)

    refused = invoke("load", FIXTURES / "minimal", "--db", db)

    assert refused.exit_code == 1
    assert "Traceback" not in refused.output
    assert refused.output.count("\n") == 1
    assert "t.db as a SQLite database (file is not a database)" in refused.output
    assert "timeline load --fresh" in refused.output
    assert file_digest(db) == before

    rebuilt = invoke("load", FIXTURES / "minimal", "--db", db, "--fresh")
    assert rebuilt.exit_code == 0, rebuilt.output
    assert sql(db, "SELECT title FROM sources") == [(TITLE,)]


# -- 7. another program's database is left alone -----------------------------------------


def other_programs_database(db: Path, revision: str | None, with_sources: bool = False):
    connection = sqlite3.connect(db)  # a rollback-journal database, as most tools make
    connection.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
    connection.execute("INSERT INTO notes (body) VALUES ('keep me')")
    if revision:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        connection.execute("INSERT INTO alembic_version VALUES (?)", (revision,))
    if with_sources:
        connection.execute("CREATE TABLE sources (id TEXT PRIMARY KEY)")
    connection.commit()
    connection.close()


@pytest.mark.parametrize(
    "revision, with_sources, message",
    [
        (None, False, "t.db is not a timeline database (it holds notes)"),
        ("ae1027a6acf", False, "at Alembic revision 'ae1027a6acf'"),
        ("0099", True, "t.db was made by a newer timeline (revision '0099'"),
    ],
    ids=["another-tool", "another-alembic-project", "newer-timeline"],
)
def test_a_database_timeline_cannot_migrate_is_left_byte_for_byte(
    tmp_path, revision, with_sources, message
):
    db = tmp_path / "t.db"
    other_programs_database(db, revision, with_sources)
    before = file_digest(db)

    result = invoke("load", FIXTURES / "minimal", "--db", db)

    assert result.exit_code == 1
    assert message in result.output
    assert "nothing was changed" in result.output
    assert "Traceback" not in result.output
    assert file_digest(db) == before
    assert sql(db, "PRAGMA journal_mode") == [("delete",)]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["t.db"]


def test_db_upgrade_leaves_another_programs_database_alone(tmp_path):
    db = tmp_path / "t.db"
    other_programs_database(db, None)
    before = file_digest(db)

    result = invoke("db", "upgrade", "--db", db)

    assert result.exit_code == 1
    assert "is not a timeline database" in result.output
    assert file_digest(db) == before


def test_fresh_does_not_replace_another_programs_database(tmp_path):
    db = tmp_path / "t.db"
    other_programs_database(db, None)
    before = file_digest(db)

    result = invoke("load", FIXTURES / "minimal", "--db", db, "--fresh")

    assert result.exit_code == 1
    assert "is not a timeline database" in result.output
    assert file_digest(db) == before


# -- 3. what cannot be read is an error, never a deletion --------------------------------


@pytest.fixture
def two_folders(tmp_path):
    """fixtures/minimal plus a second article in a sub-folder, loaded."""
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "minimal", seeds)
    (seeds / "share").mkdir()
    (seeds / "share" / "other.txt").write_text("---\nid: other\ntitle: Other\n---\nBody.\n")
    db = tmp_path / "t.db"
    timeline.load(seeds, str(db))
    assert sql(db, "SELECT count(*) FROM sources") == [(2,)]
    return seeds, db


def test_a_folder_that_cannot_be_listed_is_an_error_not_a_deletion(two_folders, monkeypatch):
    seeds, db = two_folders
    before = file_digest(db)
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path).endswith("share"):
            raise PermissionError(errno.EACCES, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = invoke("load", seeds, "--db", db)

    assert result.exit_code == 1
    assert "share: this folder cannot be read (Permission denied)" in result.output
    assert "not taken as deleted" in result.output
    assert file_digest(db) == before


@pytest.mark.parametrize("kind", ["target-gone", "link-loop"])
def test_a_link_to_an_article_that_cannot_be_followed_is_an_error_not_a_deletion(tmp_path, kind):
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "minimal", seeds)
    share = tmp_path / "share"
    share.mkdir()
    (share / "other.txt").write_text("---\nid: other\ntitle: Other\n---\nBody.\n")
    link = seeds / "articles" / "other.txt"
    link.symlink_to(share / "other.txt")
    db = tmp_path / "t.db"
    timeline.load(seeds, str(db))
    before = file_digest(db)

    if kind == "target-gone":
        shutil.rmtree(share)  # the share is unmounted
    else:
        link.unlink()
        link.symlink_to(link)
    result = invoke("load", seeds, "--db", db)

    assert result.exit_code == 1
    assert "articles/other.txt: is a link whose target cannot be read" in result.output
    assert "Traceback" not in result.output
    assert file_digest(db) == before
    assert sql(db, "SELECT count(*) FROM sources WHERE id = 'other'") == [(1,)]


def test_a_file_that_cannot_be_read_is_an_error_naming_it(two_folders, monkeypatch):
    seeds, db = two_folders
    unreadable = seeds / "share" / "other.txt"
    unreadable.write_text("---\nid: other\ntitle: Changed\n---\nBody.\n")  # must be re-read
    before = file_digest(db)
    real_read_bytes = Path.read_bytes

    def read_bytes(self):
        if self == unreadable:
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = invoke("load", seeds, "--db", db)

    assert result.exit_code == 1
    assert "share/other.txt: this file cannot be read (Permission denied)" in result.output
    assert result.output.count("\n") == 1
    assert file_digest(db) == before


@pytest.mark.parametrize("existing", [True, False], ids=["existing-db", "new-db"])
def test_a_file_name_that_is_not_utf8_is_an_error_naming_it(tmp_path, existing):
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "minimal", seeds)
    db = tmp_path / "t.db"
    if existing:
        timeline.load(seeds, str(db))
    before = file_digest(db) if existing else None
    text = b"---\nid: cafe\ntitle: Cafe\n---\nBody.\n"
    with open(os.fsencode(seeds / "articles") + b"/caf\xe9.txt", "wb") as article:
        article.write(text)

    result = invoke("load", seeds, "--db", db)

    assert result.exit_code == 1
    assert "caf\\xe9.txt: file name is not valid UTF-8" in result.output
    assert "rename" in result.output
    assert "Traceback" not in result.output
    assert (file_digest(db) if db.exists() else None) == before


# -- 5. one load at a time ---------------------------------------------------------------


@pytest.mark.parametrize("existing", [True, False], ids=["existing-db", "new-db"])
def test_a_second_load_into_the_same_database_is_refused(tmp_path, holders, existing):
    db = tmp_path / "t.db"
    if existing:
        timeline.load(FIXTURES / "minimal", str(db))
    before = file_digest(db) if existing else None
    first = holders(HOLD_LOCK, db)

    result = invoke("load", FIXTURES / "boilerplate", "--db", db)

    assert result.exit_code == 1
    assert f"another load into {db} is running (pid {first.process.pid})" in result.output
    assert "wait for it" in result.output
    assert (file_digest(db) if db.exists() else None) == before
    first.close()
    assert invoke("load", FIXTURES / "boilerplate", "--db", db).exit_code == 0
    assert not (tmp_path / ".t.db.lock").exists()


def test_loads_into_different_databases_run_side_by_side(tmp_path, holders):
    holders(HOLD_LOCK, tmp_path / "one.db")
    assert invoke("load", FIXTURES / "minimal", "--db", tmp_path / "two.db").exit_code == 0


def test_the_files_of_killed_loads_are_removed(tmp_path):
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    alive = os.getppid()
    leftovers = [f".t.db.loading-{gone.pid}", f".t.db.loading-{gone.pid}-wal"]
    kept = [f".t.db.loading-{alive}", ".other.db.loading-1", "notes.txt"]
    for name in leftovers + kept:
        (tmp_path / name).write_bytes(b"x")

    result = invoke("load", FIXTURES / "minimal", "--db", tmp_path / "t.db")

    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in tmp_path.iterdir()) == sorted(kept + ["t.db"])


def test_fresh_on_postgres_replaces_every_row(postgres_url, tmp_path):
    from .test_postgres import table_rows

    new = tmp_path / "new.db"
    assert invoke("load", FIXTURES / "boilerplate", "--db", postgres_url).exit_code == 0
    result = invoke("load", FIXTURES / "minimal", "--db", postgres_url, "--fresh")

    assert result.exit_code == 0, result.output
    assert invoke("load", FIXTURES / "minimal", "--db", new).exit_code == 0
    assert invoke("db", "copy", "--db", postgres_url, "--to", tmp_path / "copy.db").exit_code == 0
    assert sql(tmp_path / "copy.db", "SELECT id, title FROM sources") == sql(
        new, "SELECT id, title FROM sources"
    )
    assert table_rows(postgres_url)["events"]


def test_a_second_load_into_the_same_postgres_database_is_refused(postgres_url):
    from timeline.database import resolve_database_url
    from timeline.loading.lock import one_load_at_a_time

    with one_load_at_a_time(resolve_database_url(postgres_url)):
        result = invoke("load", FIXTURES / "minimal", "--db", postgres_url)

    assert result.exit_code == 1
    assert "another load into" in result.output
    assert "is running (PostgreSQL server process" in result.output
    assert invoke("load", FIXTURES / "minimal", "--db", postgres_url).exit_code == 0


# -- 13. one line, not a traceback -------------------------------------------------------


def test_a_database_in_a_read_only_folder_is_one_line(tmp_path, monkeypatch):
    real_open = os.open

    def read_only_mount(path, flags, *args, **kwargs):
        if os.fspath(path).startswith(str(tmp_path)) and flags & os.O_CREAT:
            raise OSError(errno.EROFS, "Read-only file system", os.fspath(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", read_only_mount)
    result = invoke("load", FIXTURES / "minimal", "--db", tmp_path / "t.db")

    assert result.exit_code == 1
    assert result.output.count("\n") == 1
    assert f"cannot create files in folder '{tmp_path}' (Read-only file system)" in result.output
    assert "writable" in result.output


def test_a_database_in_a_folder_that_does_not_exist_is_one_line(tmp_path):
    result = invoke("load", FIXTURES / "minimal", "--db", tmp_path / "nope" / "t.db")

    assert result.exit_code == 1
    assert f"folder '{tmp_path / 'nope'}' does not exist" in result.output


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Enough rows to fill a few hundred pages, in several streamed batches."""
    from timeline.synthetic import CorpusSize, write_corpus

    size = CorpusSize(sources=20, events_per_source=50, quotes_per_source=10, actors=100)
    return write_corpus(tmp_path_factory.mktemp("corpus") / "seeds", size)


@pytest.fixture
def fill_the_disk():
    """From the call on, every SQLite connection may grow its file by so many pages
    only: SQLite then reports what it does on a full disk ("database or disk is full")."""
    limits = []

    def fill(pages_left: int):
        def limit(dbapi_connection, _record):
            pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
            dbapi_connection.execute(f"PRAGMA max_page_count = {pages + pages_left}")

        limits.append(limit)
        event.listen(Engine, "connect", limit)

    yield fill
    for limit in limits:
        event.remove(Engine, "connect", limit)


@pytest.mark.parametrize(
    "existing, pages_left",
    # 300 pages fill up inside a batch's savepoint: SQLite rolls the whole
    # transaction back and the old message was "no such savepoint: sa_savepoint_2".
    [(True, 2), (False, 2), (False, 300)],
    ids=["existing-db", "new-db", "new-db-inside-a-batch"],
)
def test_a_full_disk_says_so_and_writes_nothing(
    tmp_path, corpus, fill_the_disk, existing, pages_left
):
    db = tmp_path / "t.db"
    if existing:
        timeline.load(FIXTURES / "minimal", str(db))
    before = dump_database(db) if existing else None
    fill_the_disk(pages_left)

    result = invoke("load", corpus, "--db", db)

    assert result.exit_code == 1
    assert "t.db: the disk or the database is full; nothing was written" in result.output
    assert "savepoint" not in result.output
    assert result.output.count("\n") == 1
    assert (dump_database(db) if db.exists() else None) == before
    assert sorted(path.name for path in tmp_path.iterdir()) == (["t.db"] if existing else [])
