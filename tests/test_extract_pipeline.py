"""Extraction in a load: uncurated sources get extracted rows, curated ones stay as written."""

from __future__ import annotations

import shutil
import sqlite3

import pytest
import yaml
from click.testing import CliRunner

import timeline
from timeline.cli import cli
from timeline.extract.evaluate import is_marked
from timeline.extract.quotes import find_quote_spans
from timeline.extract.sentences import paragraphs

from .conftest import FIXTURES, dump_database

ARTICLES = FIXTURES / "extract" / "articles"


def seeds_with_extractable_article(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "minimal", seeds)
    shutil.copy(ARTICLES / "patterns-news.txt", seeds / "articles")
    return seeds


def rows(db, sql):
    connection = sqlite3.connect(db)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_load_extracts_uncurated_sources_and_marks_origin(tmp_path):
    seeds = seeds_with_extractable_article(tmp_path)
    db = tmp_path / "t.db"
    timeline.load(seeds, str(db))
    origins = dict(rows(db, "select origin, count(*) from quotes group by origin"))
    assert origins["curated"] == 1
    assert origins["extracted"] >= 8
    assert rows(db, "select distinct source_id from quotes where origin = 'extracted'") == [
        ("patterns-news",)
    ]
    assert rows(db, "select count(*) from events where origin = 'extracted'")[0][0] >= 1


def test_no_extract_loads_curated_rows_only(tmp_path):
    seeds = seeds_with_extractable_article(tmp_path)
    db = tmp_path / "t.db"
    timeline.load(seeds, str(db), extract=False)
    assert rows(db, "select count(*) from quotes where origin = 'extracted'") == [(0,)]


def test_second_load_with_extraction_changes_nothing(tmp_path):
    seeds = seeds_with_extractable_article(tmp_path)
    first, second = tmp_path / "a.db", tmp_path / "b.db"
    timeline.load(seeds, str(first))
    timeline.load(seeds, str(second))
    assert dump_database(first) == dump_database(second)


def test_extract_command_prints_a_draft_that_loads(tmp_path):
    result = CliRunner().invoke(cli, ["extract", str(ARTICLES / "patterns-news.txt")])
    assert result.exit_code == 0, result.output
    records = yaml.safe_load(result.output)
    assert {"actors", "events", "quotes"} <= set(records)
    seeds = tmp_path / "seeds"
    (seeds / "articles").mkdir(parents=True)
    (seeds / "records").mkdir()
    shutil.copy(ARTICLES / "patterns-news.txt", seeds / "articles")
    (seeds / "records" / "draft.yaml").write_text(result.output, encoding="utf-8")
    loaded = timeline.load(seeds, str(tmp_path / "t.db"))
    assert loaded.counts["quotes"] == len(records["quotes"])


def test_extract_command_rejects_a_bad_published_date():
    result = CliRunner().invoke(
        cli, ["extract", str(ARTICLES / "patterns-news.txt"), "--published", "2025-13"]
    )
    assert result.exit_code != 0


def test_eval_command_prints_a_table(tmp_path):
    result = CliRunner().invoke(cli, ["eval", str(FIXTURES / "minimal")])
    assert result.exit_code == 0, result.output
    assert "quotes P" in result.output
    assert result.output.splitlines()[-1].startswith("overall")


@pytest.mark.parametrize(
    ("text", "start", "end", "marked"),
    [
        ("He said “we will go” then.", 9, 19, True),  # opening mark just before
        ("He said “we will go, now” then.", 12, 19, True),  # inside a marked span
        ("- We will go.\n", 2, 13, False),  # an interview answer: no marks
    ],
)
def test_eval_tells_marked_quotations_from_interview_passages(text, start, end, marked):
    spans = [(s.mark_start, s.mark_end) for s in find_quote_spans(text, paragraphs(text))]
    quote = {"start_offset": start, "end_offset": end}
    assert is_marked(quote, text, spans) is marked


def test_eval_misses_lists_each_item_with_its_sentence():
    result = CliRunner().invoke(cli, ["eval", str(FIXTURES / "minimal"), "--misses"])
    assert result.exit_code == 0, result.output
    assert "passages R" in result.output.splitlines()[0]


def test_extractor_version_changes_with_a_data_file_not_with_bytecode(tmp_path):
    """A regenerated word list or gazetteer table must redo stored extractions, as a
    changed rule does; Python's bytecode cache must not."""
    from timeline.extract.version import code_version

    package = tmp_path / "extract"
    (package / "data").mkdir(parents=True)
    (package / "rules.py").write_text("RULE = 1\n")
    (package / "data" / "towns.tsv").write_text("Hackettstown\tus\n")
    before = code_version(package)
    (package / "__pycache__").mkdir()
    (package / "__pycache__" / "rules.cpython-311.pyc").write_bytes(b"\0compiled")
    assert code_version(package) == before
    (package / "data" / "towns.tsv").write_text("Hackettstown\tus\nEureka Springs\tus\n")
    assert code_version(package) != before
