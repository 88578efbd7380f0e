"""Migrations: up and down on empty and populated databases, and models that match them."""

from __future__ import annotations

import sqlite3

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner

from timeline import database
from timeline.cli import cli
from timeline.models import Base


def table_names(db) -> set[str]:
    connection = sqlite3.connect(db)
    try:
        return {
            row[0]
            for row in connection.execute("select name from sqlite_master where type = 'table'")
        }
    finally:
        connection.close()


def count(db, table) -> int:
    connection = sqlite3.connect(db)
    try:
        return connection.execute(f"select count(*) from [{table}]").fetchone()[0]
    finally:
        connection.close()


def test_upgrade_and_downgrade_an_empty_database(tmp_path):
    db = str(tmp_path / "empty.db")
    runner = CliRunner()

    assert runner.invoke(cli, ["db", "upgrade", "--db", db]).exit_code == 0
    assert {"sources", "actors", "events", "quotes", "figures", "events_fts"} <= table_names(db)

    result = runner.invoke(cli, ["db", "downgrade", "base", "--db", db])
    assert result.exit_code == 0, result.output
    assert table_names(db) == {"alembic_version"}

    assert runner.invoke(cli, ["db", "upgrade", "--db", db]).exit_code == 0
    assert "events" in table_names(db)


def test_downgrade_and_upgrade_keep_the_data_of_a_populated_database(minimal_db):
    runner = CliRunner()
    before = {table: count(minimal_db, table) for table in ("sources", "events", "quotes")}

    for revision in ("0002", "0001"):
        result = runner.invoke(cli, ["db", "downgrade", revision, "--db", str(minimal_db)])
        assert result.exit_code == 0, result.output
        assert {table: count(minimal_db, table) for table in before} == before

    result = runner.invoke(cli, ["db", "upgrade", "--db", str(minimal_db)])
    assert result.exit_code == 0, result.output
    assert {table: count(minimal_db, table) for table in before} == before
    # The search index is rebuilt from the surviving rows on the way up.
    connection = sqlite3.connect(minimal_db)
    hits = connection.execute("select count(*) from events_fts where events_fts match 'phone'")
    assert hits.fetchone()[0] == 1


def test_models_match_the_migrations(minimal_db):
    engine = database.create_db_engine(database.resolve_database_url(str(minimal_db)))
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={"include_name": database.managed_by_migrations, "compare_type": True},
        )
        differences = compare_metadata(context, Base.metadata)
    engine.dispose()
    assert differences == []


def test_current_and_history_name_the_revisions(minimal_db):
    runner = CliRunner()
    current = runner.invoke(cli, ["db", "current", "--db", str(minimal_db)])
    history = runner.invoke(cli, ["db", "history"])

    assert (
        current.output.strip() == f"{database.head_revision()} (head is {database.head_revision()})"
    )
    assert "<base> -> 0001" in history.output
    assert "(head)" in history.output


def test_current_on_a_missing_database_creates_nothing(tmp_path):
    result = CliRunner().invoke(cli, ["db", "current", "--db", str(tmp_path / "none.db")])
    assert result.output.startswith("base (empty)")
    assert not (tmp_path / "none.db").exists()
