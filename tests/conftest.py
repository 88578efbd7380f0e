"""Shared test helpers: real seed folders, real SQLite files, real comparisons."""

from __future__ import annotations

import hashlib
import itertools
import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import inspect, text

import timeline
from timeline.database import create_db_engine, resolve_database_url, sqlite_path
from timeline.extracted_layer import EXTRACTED_TABLES
from timeline.models import Base

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "fixtures"
SEEDS = REPO / "seeds"


def _dump_query(table: str) -> str:
    # A seed file's size and mtime stamp is a hint for the next scan, left out for files
    # modified within two seconds of it: how fast a load ran decides it, not the data.
    if table == "seed_files":
        return "select path, kind, content_hash from seed_files"
    return f"select * from [{table}]"


def dump_database(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table, sorted: two databases with equal dumps hold the same data.

    FTS5 shadow tables are left out: their b-tree segments depend on insert history, not
    on content; the ``<table>_fts`` tables themselves (their indexed text) are compared.
    """
    connection = sqlite3.connect(path)
    try:
        tables = [
            row[0]
            for row in connection.execute(
                "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'"
                " and name not glob '*_fts_*'"
            )
        ]
        return {
            table: sorted(map(repr, connection.execute(_dump_query(table))))
            for table in sorted(tables)
        }
    finally:
        connection.close()


def dump_tables(db: str | Path) -> dict[str, list[str]]:
    """``dump_database`` for any database, a SQLite file or a PostgreSQL URL: every row
    of every table, sorted (compare dumps of the same engine: values print per engine)."""
    url = resolve_database_url(str(db))
    if sqlite_path(url) is not None:
        return dump_database(sqlite_path(url))
    engine = create_db_engine(url)
    try:
        with engine.connect() as connection:
            return {
                table: sorted(map(repr, connection.execute(text(f'select * from "{table}"'))))
                for table in sorted(inspect(connection).get_table_names())
            }
    finally:
        engine.dispose()


def table_keys(db: str | Path, origin: str) -> dict[str, set[tuple]]:
    """The primary keys of the rows of one origin (curated, extracted), per table that has both."""
    engine = create_db_engine(resolve_database_url(str(db)))
    try:
        with engine.connect() as connection:
            keys = {}
            for name in EXTRACTED_TABLES:
                table = Base.metadata.tables[name]
                columns = ", ".join(column.name for column in table.primary_key.columns)
                rows = connection.execute(
                    text(f"select {columns} from {name} where origin = :origin"),
                    {"origin": origin},
                )
                keys[name] = {tuple(row) for row in rows}
            return keys
    finally:
        engine.dispose()


def file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def minimal_db(tmp_path: Path) -> Path:
    """A database loaded from fixtures/minimal."""
    db = tmp_path / "minimal.db"
    timeline.load(FIXTURES / "minimal", str(db))
    return db


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory) -> Path:
    """A database loaded from the project's own seeds/ (loaded once per test run)."""
    db = tmp_path_factory.mktemp("seeds") / "timeline.db"
    timeline.load(SEEDS, str(db))
    return db


@pytest.fixture(scope="session")
def postgres_server():
    """One PostgreSQL server for the whole run; skipped only where no binaries exist."""
    from .postgres_server import PostgresServer

    server = PostgresServer()
    if not server.available:
        message = "PostgreSQL binaries (initdb, pg_ctl) not found; .ci/run installs them"
        if os.environ.get("TIMELINE_REQUIRE_POSTGRES") == "1":  # set by .ci/run
            pytest.fail(message)
        pytest.skip(message)
    server.start()
    yield server
    server.stop()


_database_numbers = itertools.count()


@pytest.fixture(params=["sqlite", "postgresql"])
def new_database(request, tmp_path):
    """Makes empty databases of one kind: a file on SQLite, a database on the test server
    (the test runs once on each)."""

    def make() -> str:
        name = f"t{next(_database_numbers)}"
        if request.param == "sqlite":
            return str(tmp_path / f"{name}.db")
        return request.getfixturevalue("postgres_server").create_database(f"empty_{name}")

    return make


@pytest.fixture
def postgres_url(postgres_server, request) -> str:
    """A new, empty PostgreSQL database for one test."""
    name = "t_" + "".join(c if c.isalnum() else "_" for c in request.node.name.lower())[:50]
    return postgres_server.create_database(name)
