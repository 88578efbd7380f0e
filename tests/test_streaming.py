"""The streaming full load: batch size never changes the database or the messages.

Each test loads the same folder twice, once in batches of one file (every reference
and duplicate crosses a batch) and once in a single batch, and compares.
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

import timeline
from timeline.loading import curated

from .conftest import FIXTURES, dump_database

ARTICLE = "---\nid: {id}\ntitle: T\npublisher: P\npublished: 2025-08-11\n---\n{body}\n"


@pytest.fixture
def one_file_per_batch(monkeypatch):
    monkeypatch.setattr(curated, "ARTICLE_BATCH_FILES", 1)
    monkeypatch.setattr(curated, "RECORD_BATCH_BYTES", 1)


@pytest.fixture
def flagged(monkeypatch) -> list[set[str]]:
    """The files each load flagged for re-validation."""
    seen: list[set[str]] = []
    real = curated.CuratedWriter.report_flagged

    def spy(self):
        seen.append(set(self.flagged))
        real(self)

    monkeypatch.setattr(curated.CuratedWriter, "report_flagged", spy)
    return seen


def write(root: Path, files: dict[str, str]) -> Path:
    for relative, content in files.items():
        path = root / "seeds" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    return root / "seeds"


def cross_referencing_folder(root: Path) -> Path:
    """Records refer forward and backward across files: a.yaml uses what z.yaml defines."""
    return write(
        root,
        {
            "articles/one.txt": ARTICLE.format(id="one", body="Ana met Bo in Astana."),
            "articles/two.txt": ARTICLE.format(id="two", body="“We agreed,” Bo said."),
            "records/a.yaml": (
                "events:\n  - id: meeting\n    title: Ana meets Bo\n    date: 2025-08-10\n"
                "    type: meeting\n    place: astana\n"
                "    actors: [{actor: ana, role: host}, {actor: bo, role: guest}]\n"
                "    sources: [{source: one, evidence: Ana met Bo in Astana.}]\n"
            ),
            "records/m.yaml": (
                "quotes:\n  - {id: q1, source: two, speaker: bo, text: 'We agreed,', "
                "event: meeting}\n"
            ),
            "records/z.yaml": (
                "actors:\n  - {id: ana, name: Ana, type: person}\n"
                "  - {id: bo, name: Bo, type: person, aliases: [Bo B.]}\n"
                "places:\n  - {id: astana, name: Astana, latitude: 51.1, longitude: 71.4}\n"
            ),
        },
    )


def test_references_across_files_load_in_any_batch_size(tmp_path, monkeypatch, flagged):
    seeds = cross_referencing_folder(tmp_path)
    timeline.load(seeds, str(tmp_path / "whole.db"))
    monkeypatch.setattr(curated, "ARTICLE_BATCH_FILES", 1)
    monkeypatch.setattr(curated, "RECORD_BATCH_BYTES", 1)
    timeline.load(seeds, str(tmp_path / "batched.db"))

    assert dump_database(tmp_path / "batched.db") == dump_database(tmp_path / "whole.db")
    assert flagged == [set(), set()], "a clean load must never need the re-validation path"


def test_the_seed_corpus_is_the_same_in_batches_of_one(tmp_path, one_file_per_batch, flagged):
    timeline.load(Path("seeds"), str(tmp_path / "batched.db"))
    assert flagged == [set()]
    counts = timeline.load(Path("seeds"), str(tmp_path / "again.db")).counts
    assert counts["events"] > 50 and counts["quotes"] > 90
    assert dump_database(tmp_path / "batched.db") == dump_database(tmp_path / "again.db")


def problems_of(seeds: Path, db: Path) -> list[str]:
    with pytest.raises(timeline.SeedError) as raised:
        timeline.load(seeds, str(db))
    assert not db.exists(), "a failed load into a new file leaves no file"
    return [str(problem) for problem in raised.value.problems]


def test_problems_across_batches_are_all_reported_with_lines(tmp_path, monkeypatch):
    seeds = cross_referencing_folder(tmp_path)
    write(
        tmp_path,
        {
            # A duplicate event id, an unknown actor, and figures pointing nowhere.
            "records/b.yaml": (
                "events:\n  - id: meeting\n    title: Again\n    date: 2025-08-10\n"
                "    type: meeting\n    actors: [{actor: nobody}]\n"
                "    sources: [{source: one, evidence: Ana met Bo in Astana.}]\n"
                "figures:\n  - {id: f1, subject: s, value: 1, unit: u, source: one, "
                "evidence: Ana met Bo, event: no-event, actor: no-actor}\n"
            ),
            "articles/three.txt": ARTICLE.format(id="one", body="A second article id one."),
        },
    )
    whole = problems_of(seeds, tmp_path / "whole.db")
    monkeypatch.setattr(curated, "ARTICLE_BATCH_FILES", 1)
    monkeypatch.setattr(curated, "RECORD_BATCH_BYTES", 1)
    batched = problems_of(seeds, tmp_path / "batched.db")

    assert sorted(batched) == sorted(whole)
    joined = "\n".join(batched)
    assert "records/b.yaml:2: duplicate event id 'meeting', first defined at" in joined
    assert "actor 'nobody': no actor has this id" in joined
    assert "event 'no-event': no event has this id" in joined
    assert "actor 'no-actor': no actor has this id" in joined
    assert "duplicate source id 'one'" in joined


def test_a_full_load_over_an_existing_database_replaces_every_row(tmp_path):
    db = tmp_path / "t.db"
    timeline.load(FIXTURES / "boilerplate", str(db))
    seeds = shutil.copytree(FIXTURES / "minimal", tmp_path / "minimal")
    result = timeline.load(seeds, str(db))  # every file differs: a full load

    assert result.mode == "full"
    timeline.load(seeds, str(tmp_path / "fresh.db"))
    assert dump_database(db) == dump_database(tmp_path / "fresh.db")


def foreign_key_problems(db: Path) -> list:
    connection = sqlite3.connect(db)
    try:
        return connection.execute("PRAGMA foreign_key_check").fetchall()
    finally:
        connection.close()


def test_every_reference_holds_though_sqlite_checked_none_while_writing(tmp_path):
    # The streaming load writes with SQLite's foreign keys off and checks references
    # itself; the finished database must pass SQLite's own check all the same.
    timeline.load(Path("seeds"), str(tmp_path / "seeds.db"))
    timeline.load(cross_referencing_folder(tmp_path), str(tmp_path / "cross.db"))
    assert foreign_key_problems(tmp_path / "seeds.db") == []
    assert foreign_key_problems(tmp_path / "cross.db") == []


def test_a_new_database_is_built_aside_and_ends_in_write_ahead_log_mode(tmp_path):
    # Built under a temporary name, then served and reloaded with readers around: it
    # must be whole, alone (no -wal file left to lose) and in WAL mode.
    timeline.load(Path("seeds"), str(tmp_path / "t.db"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["t.db"]
    connection = sqlite3.connect(tmp_path / "t.db")
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        connection.close()


def test_a_flagged_file_without_problems_is_written_as_validated(tmp_path, monkeypatch):
    """The re-validation path must give the same database when a flag was needless (a
    file that only looked suspicious), including the rows that belong to its rows."""
    seeds = cross_referencing_folder(tmp_path)
    timeline.load(seeds, str(tmp_path / "plain.db"))
    real = curated.CuratedWriter.flag_dangling_references

    def flag_everything(self):
        real(self)
        self.flagged |= {"records/a.yaml", "records/z.yaml", "articles/one.txt"}

    monkeypatch.setattr(curated.CuratedWriter, "flag_dangling_references", flag_everything)
    timeline.load(seeds, str(tmp_path / "flagged.db"))

    assert dump_database(tmp_path / "flagged.db") == dump_database(tmp_path / "plain.db")
    assert foreign_key_problems(tmp_path / "flagged.db") == []
