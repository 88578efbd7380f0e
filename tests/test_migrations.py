"""Migrations: up and down on empty and populated databases, and models that match them."""

from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from click.testing import CliRunner

from timeline import database
from timeline.cli import cli
from timeline.models import Base

from .conftest import file_digest


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


def test_data_written_at_the_first_revision_survives_every_upgrade(tmp_path):
    """A database populated at 0001 keeps every record, value for value, up to head."""
    db = tmp_path / "old.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["db", "upgrade", "0001", "--db", str(db)]).exit_code == 0
    connection = sqlite3.connect(db)
    rows = {
        "event_types": [("meeting", "People meet.")],
        "actor_types": [("person", "A named individual.")],
        "sources": [
            (
                "s1",
                "Title",
                "Publisher",
                None,
                None,
                "2025-08",
                "month",
                0,
                "en",
                None,
                "Tokayev met Zelenskyy. “Peace,” he said.",
                "Tokayev met Zelenskyy. “Peace,” he said.",
                "hash",
                "articles/s1.txt",
                "filehash",
            )
        ],
        "source_inferences": [("s1", "published", "2025-08", "from the dateline")],
        "source_boilerplate": [("s1", 0, 3, "test")],
        "actors": [("tokayev", "Kassym-Jomart Tokayev", "person", "President of Kazakhstan")],
        "actor_aliases": [("tokayev", "Tokayev", "tokayev")],
        "places": [("astana", "Astana", "Kazakhstan", 51.17, 71.45)],
        "events": [
            (
                "e1",
                "They meet",
                None,
                "meeting",
                "happened",
                "2025-08",
                "month",
                "2025-08-01",
                "2025-08-31",
                "2025-08-01/2025-08-31",
                0,
                0,
                None,
                0,
                None,
                "astana",
            )
        ],
        "event_actors": [("e1", "tokayev", "participant")],
        "event_sources": [("e1", "s1", 0, "Tokayev met Zelenskyy.", 22)],
        "quotes": [("q1", "Peace,", "tokayev", "s1", 24, 30, "e1", None)],
    }
    for table, values in rows.items():
        marks = ", ".join("?" * len(values[0]))
        connection.executemany(f"insert into {table} values ({marks})", values)
    connection.commit()
    columns = {
        table: [c[1] for c in connection.execute(f"pragma table_info({table})")] for table in rows
    }
    connection.close()

    result = runner.invoke(cli, ["db", "upgrade", "--db", str(db)])

    assert result.exit_code == 0, result.output
    connection = sqlite3.connect(db)
    for table, values in rows.items():
        kept = connection.execute(f"select {', '.join(columns[table])} from {table}").fetchall()
        assert kept == values, table
    assert connection.execute("select origin from events").fetchone() == ("curated",)
    assert connection.execute("select sources_differ from events").fetchone() == (0,)
    hits = connection.execute("select count(*) from quotes_fts where quotes_fts match 'peace'")
    assert hits.fetchone() == (1,)


def test_quote_kinds_are_filled_from_the_notes_when_0012_upgrades_an_old_database(tmp_path):
    """Rows stored before quotes had a kind get one: answers by their note, others quotation."""
    db = tmp_path / "answers.db"
    runner = CliRunner()
    assert runner.invoke(cli, ["db", "upgrade", "0010", "--db", str(db)]).exit_code == 0
    connection = sqlite3.connect(db)
    connection.execute(
        "insert into sources (id, text, search_text, content_hash, file_path, file_hash, "
        "language, published_inferred) values ('s1', 'x', 'x', 'h', 'a.txt', 'h', 'en', 0)"
    )
    for quote_id, notes in [
        ("curated-answer", "Interview answer; also supports event e2."),
        ("extracted-answer", "extracted; speaker by interview answer"),
        ("marked", "'he said'"),
        ("bare", None),
    ]:
        connection.execute(
            "insert into quotes (id, text, source_id, start_offset, end_offset, notes) "
            "values (?, 'x', 's1', 0, 1, ?)",
            (quote_id, notes),
        )
    connection.commit()
    connection.close()

    result = runner.invoke(cli, ["db", "upgrade", "--db", str(db)])
    assert result.exit_code == 0, result.output
    connection = sqlite3.connect(db)
    kinds = dict(connection.execute("select id, kind from quotes"))
    connection.close()
    assert kinds == {
        "curated-answer": "interview answer",
        "extracted-answer": "interview answer",
        "marked": "quotation",
        "bare": "quotation",
    }

    result = runner.invoke(cli, ["db", "downgrade", "0010", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert count(db, "quotes") == 4


def test_downgrade_and_upgrade_by_relative_steps(minimal_db):
    runner = CliRunner()
    revisions = database.known_revisions()

    back = runner.invoke(cli, ["db", "downgrade", "-1", "--db", str(minimal_db)])
    assert back.exit_code == 0, back.output
    assert back.output == f"At revision {revisions[-2]}\n"

    forward = runner.invoke(cli, ["db", "upgrade", "+1", "--db", str(minimal_db)])
    assert forward.exit_code == 0, forward.output
    assert forward.output == f"At revision {revisions[-1]}\n"


@pytest.mark.parametrize(
    ("command", "revision"),
    [("downgrade", "nope"), ("upgrade", "0999"), ("downgrade", "-99"), ("upgrade", "+5")],
)
def test_a_revision_that_cannot_be_reached_is_one_line(minimal_db, command, revision):
    before = file_digest(minimal_db)
    result = CliRunner().invoke(cli, ["db", command, revision, "--db", str(minimal_db)])

    assert result.exit_code == 1
    assert len(result.output.strip().splitlines()) == 1, result.output
    assert f"cannot migrate to {revision!r}" in result.output
    assert "known revisions: base, 0001, " in result.output
    assert file_digest(minimal_db) == before


def test_upgrading_a_database_from_0006_fills_every_source_label(tmp_path):
    """Labels came with 0008; the load after `db upgrade` reads no unchanged file, so
    the migration itself must fill them, as a load derives them."""
    import timeline

    from .conftest import SEEDS

    def labels(db):
        connection = sqlite3.connect(db)
        try:
            return sorted(connection.execute("select id, label from sources"))
        finally:
            connection.close()

    db = tmp_path / "old.db"
    timeline.load(SEEDS, str(db))
    expected = labels(db)
    assert any(label.endswith("(untitled)") for _, label in expected)
    runner = CliRunner()
    assert runner.invoke(cli, ["db", "downgrade", "0006", "--db", str(db)]).exit_code == 0
    assert runner.invoke(cli, ["db", "current", "--db", str(db)]).output.startswith("0006")

    upgraded = runner.invoke(cli, ["db", "upgrade", "--db", str(db)])
    loaded = runner.invoke(cli, ["load", str(SEEDS), "--db", str(db)])

    assert upgraded.exit_code == 0, upgraded.output
    assert loaded.exit_code == 0, loaded.output
    assert "No seed file changed" in loaded.output
    assert labels(db) == expected
