"""`timeline query` and `timeline export`: read-only SQL and spreadsheets with names joined."""

from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from timeline.cli import cli

from .conftest import file_digest


def invoke(*args):
    return CliRunner().invoke(cli, list(args))


def test_query_prints_a_table(minimal_db):
    result = invoke("query", "select id, type from events", "--db", str(minimal_db))

    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        "id               type",
        "---------------  ----------",
        "2025-08-10-call  phone_call",
    ]


def test_query_as_csv_and_json(minimal_db):
    sql = "select alias from actor_aliases where actor_id = 'kassym-jomart-tokayev' order by alias"
    as_csv = invoke("query", sql, "--db", str(minimal_db), "--format", "csv")
    as_json = invoke("query", sql, "--db", str(minimal_db), "--format", "json")

    assert as_csv.output == "alias\nKassym-Jomart Tokayev\nTokayev\n"
    assert json.loads(as_json.output) == [{"alias": "Kassym-Jomart Tokayev"}, {"alias": "Tokayev"}]
    assert as_json.output.endswith("]\n")  # a shell prompt starts on its own line


def test_query_refuses_to_write_and_changes_nothing(minimal_db):
    before = file_digest(minimal_db)

    result = invoke("query", "delete from quotes", "--db", str(minimal_db))

    assert result.exit_code == 1
    assert "attempt to write a readonly database" in result.output
    assert "`timeline query` is read-only" in result.output
    assert file_digest(minimal_db) == before


def test_query_with_bad_sql_is_a_clear_error(minimal_db):
    result = invoke("query", "select nope from events", "--db", str(minimal_db))
    assert result.exit_code == 1
    assert "query failed: no such column: nope" in result.output


def test_query_on_a_missing_database_says_to_load_first(tmp_path):
    result = invoke("query", "select 1", "--db", str(tmp_path / "missing.db"))
    assert result.exit_code == 1
    assert "does not exist (run `timeline load` first)" in result.output
    assert not (tmp_path / "missing.db").exists()


def test_export_events_joins_actor_and_source_names(minimal_db):
    result = invoke("export", "events", "--db", str(minimal_db))

    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert len(rows) == 1
    assert rows[0]["date"] == "2025-08-10"
    assert rows[0]["actors"] == (
        "Kassym-Jomart Tokayev (participant); Volodymyr Zelenskyy (participant)"
    )
    assert rows[0]["sources"] == "Anadolu Agency: Tokayev and Zelenskyy discuss peace"


def test_export_quotes_with_speaker_and_source(minimal_db):
    result = invoke("export", "quotes", "--db", str(minimal_db), "--format", "json")

    quotes = json.loads(result.output)
    assert quotes[0]["speaker"] == "Kassym-Jomart Tokayev"
    assert quotes[0]["publisher"] == "Anadolu Agency"
    assert quotes[0]["text"] == "A bad peace is better than a good quarrel,"


def test_export_actors_lists_aliases_and_counts(minimal_db):
    result = invoke("export", "actors", "--db", str(minimal_db))

    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(result.output))}
    assert rows["volodymyr-zelenskyy"]["aliases"] == "Volodymyr Zelenskyy; Zelensky; Zelenskyy"
    assert rows["kassym-jomart-tokayev"]["quotes"] == "1"


def test_export_to_a_file(minimal_db, tmp_path):
    out = tmp_path / "sources.csv"

    result = invoke("export", "sources", "--db", str(minimal_db), "-o", str(out))

    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert rows[0]["id"] == "aa-2025-08-11-call"
    assert rows[0]["published_inferred"] == "1"
    assert "on Sunday" in rows[0]["published_evidence"]
