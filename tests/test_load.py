"""Loading seeds: what lands in the database, exactly, and that a reload changes nothing."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

import timeline
from timeline.cli import cli

from .conftest import FIXTURES, dump_database


def rows(db, sql, *params):
    connection = sqlite3.connect(db)
    connection.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in connection.execute(sql, params)]
    finally:
        connection.close()


def test_load_reports_counts_per_table(tmp_path):
    result = timeline.load(FIXTURES / "minimal", str(tmp_path / "t.db"))

    assert result.counts["sources"] == 1
    assert result.counts["actors"] == 2
    assert result.counts["actor_aliases"] == 5
    assert result.counts["events"] == 1
    assert result.counts["event_actors"] == 2
    assert result.counts["quotes"] == 1
    assert result.warnings == []


def test_quote_and_evidence_offsets_point_at_their_text(minimal_db):
    quote = rows(
        minimal_db,
        "select q.text, q.start_offset, q.end_offset, s.text as body from quotes q "
        "join sources s on s.id = q.source_id",
    )[0]
    assert quote["body"][quote["start_offset"] : quote["end_offset"]] == quote["text"]
    evidence = rows(
        minimal_db,
        "select e.excerpt, substr(s.text, e.start_offset + 1, e.end_offset - e.start_offset) "
        "as sliced from event_sources e join sources s on s.id = e.source_id",
    )[0]
    assert evidence["sliced"] == evidence["excerpt"]


def test_inferred_publication_date_keeps_its_evidence(minimal_db):
    source = rows(minimal_db, "select published, published_inferred from sources")[0]
    inference = rows(minimal_db, "select field, value, evidence from source_inferences")[0]

    assert source == {"published": "2025-08-11", "published_inferred": 1}
    assert inference["field"] == "published"
    assert "on Sunday" in inference["evidence"]


def test_event_date_has_precision_bounds_and_reasoning(minimal_db):
    event = rows(minimal_db, "select * from events")[0]

    assert event["date"] == "2025-08-10"
    assert event["date_precision"] == "day"
    assert (event["date_start"], event["date_end"]) == ("2025-08-10", "2025-08-10")
    assert event["date_expression"] == "on Sunday"
    assert event["date_inferred"] == 1
    assert "published Monday" in event["date_reasoning"]


def test_aliases_include_canonical_name_and_lookup_key(minimal_db):
    aliases = rows(
        minimal_db,
        "select alias, alias_key from actor_aliases where actor_id = 'volodymyr-zelenskyy' "
        "order by alias",
    )
    assert [a["alias"] for a in aliases] == ["Volodymyr Zelenskyy", "Zelensky", "Zelenskyy"]
    assert aliases[1]["alias_key"] == "zelensky"


def test_second_load_changes_nothing(tmp_path):
    db = tmp_path / "t.db"
    timeline.load(FIXTURES / "minimal", str(db))
    first = dump_database(db)

    timeline.load(FIXTURES / "minimal", str(db))

    assert dump_database(db) == first


def test_article_body_is_stored_byte_for_byte(tmp_path):
    db = tmp_path / "t.db"
    timeline.load(FIXTURES / "bare_txt", str(db))
    original = (FIXTURES / "bare_txt" / "2025-08-15_astana-report.txt").read_bytes()

    stored = rows(db, "select text from sources")[0]["text"]

    assert stored.encode("utf-8") == original


def test_bare_txt_loads_with_warnings_naming_what_is_missing(tmp_path):
    result = CliRunner().invoke(
        cli, ["load", str(FIXTURES / "bare_txt"), "--db", str(tmp_path / "t.db")]
    )

    assert result.exit_code == 0, result.output
    assert "warning: " in result.output
    assert "no front matter; id, title, publisher and published missing" in result.output
    source = rows(tmp_path / "t.db", "select id, title, published from sources")[0]
    assert source == {"id": "2025-08-15-astana-report", "title": None, "published": "2025-08-15"}


def test_boilerplate_is_kept_in_text_but_not_searchable(tmp_path):
    db = tmp_path / "t.db"
    timeline.load(FIXTURES / "boilerplate", str(db))

    source = rows(db, "select text, search_text from sources")[0]
    spans = rows(db, "select start_offset, end_offset, reason from source_boilerplate")
    ticker_hits = rows(db, "select rowid from sources_fts where sources_fts match 'USD'")
    body_hits = rows(db, "select rowid from sources_fts where sources_fts match 'ambassador'")

    assert "KZT/USD" in source["text"]
    assert "KZT/USD" not in source["search_text"]
    assert len(source["search_text"]) == len(source["text"])
    assert spans[0]["reason"] == "currency ticker"
    assert source["text"][spans[0]["start_offset"] :].startswith("  • KGS/USD")
    assert ticker_hits == []
    assert len(body_hits) == 1


def test_load_command_prints_counts(tmp_path):
    result = CliRunner().invoke(
        cli, ["load", str(FIXTURES / "minimal"), "--db", str(tmp_path / "t.db")]
    )
    assert result.exit_code == 0, result.output
    assert "Loaded 1 sources, 2 actors, 5 actor_aliases" in result.output


def test_database_defaults_to_environment_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_DB", str(tmp_path / "from-env.db"))
    result = CliRunner().invoke(cli, ["load", str(FIXTURES / "minimal")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "from-env.db").exists()


def _text_columns(db: Path) -> dict[str, list]:
    """The rows of fixtures/numbers_as_text, whose text fields YAML reads as numbers."""
    event = "'2025-08-10-payment'"
    return {
        "sources": rows(db, "select id, title, publisher, notes from sources where id = '007'"),
        "actors": rows(db, "select id, name from actors where id = '007'"),
        "aliases": rows(db, "select alias from actor_aliases where actor_id = '007' order by 1"),
        "events": rows(db, f"select id, title from events where id = {event}"),
        "event_actors": rows(
            db, f"select actor_id, role from event_actors where event_id = {event}"
        ),
        "evidence": rows(
            db,
            f"select excerpt, start_offset, end_offset from event_sources where event_id = {event}",
        ),
        "quotes": rows(
            db, "select text, speaker_id, start_offset, end_offset from quotes where id = '007-q1'"
        ),
    }


def test_text_fields_keep_numbers_as_written_on_every_load_path(tmp_path):
    # yaml-rs reads 007 as 7 and 1.50 as 1.5; an id, a title or a quote is text. The
    # quote "1.50" must not be found as "1.5" (a shorter span of the article).
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "numbers_as_text", seeds)
    shutil.copytree(FIXTURES / "minimal", seeds / "more")
    db = tmp_path / "t.db"
    timeline.load(seeds, str(db), extract=False)  # a first load: streamed, values unlocated
    expected = {
        "sources": [{"id": "007", "title": "1.50", "publisher": "0x1F", "notes": "true"}],
        "actors": [{"id": "007", "name": "007"}],
        "aliases": [{"alias": "007"}, {"alias": "0x1F"}, {"alias": "Bond"}],
        "events": [{"id": "2025-08-10-payment", "title": "1.50"}],
        "event_actors": [{"actor_id": "007", "role": "0x1F"}],
        "evidence": [{"excerpt": "1.50", "start_offset": 15, "end_offset": 19}],
        "quotes": [{"text": "1.50", "speaker_id": "007", "start_offset": 15, "end_offset": 19}],
    }
    assert _text_columns(db) == expected

    records = seeds / "records" / "all.yaml"
    records.write_text(records.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    result = timeline.load(seeds, str(db), extract=False)  # incremental: that file re-read
    assert result.mode == "incremental"
    assert _text_columns(db) == expected


@pytest.mark.parametrize(
    "flag", ["date_inferred: yes", "date_inferred: 'true'", "sources_differ: 1"]
)
def test_a_record_flag_that_is_not_a_boolean_is_refused(tmp_path, flag):
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "minimal", seeds)
    records = seeds / "records" / "all.yaml"
    records.write_text(
        records.read_text(encoding="utf-8").replace(
            "    type: phone_call\n", f"    type: phone_call\n    {flag}\n", 1
        ),
        encoding="utf-8",
    )
    with pytest.raises(timeline.SeedError) as raised:
        timeline.load(seeds, str(tmp_path / "t.db"))
    key = flag.split(":")[0]
    assert f"'{key}' must be true or false" in str(raised.value)
