"""One load pipeline: a full load and an incremental load read each seed file once, and
the hash a load records is that of the bytes it loaded."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections import Counter
from pathlib import Path

import pytest

import timeline

from .conftest import SEEDS, dump_database
from .test_incremental import age


@pytest.fixture
def reads(monkeypatch) -> Counter:
    """How many times each file's bytes were read, by seed path."""
    counts: Counter = Counter()
    real = Path.read_bytes

    def counting(self):
        counts[self.name] += 1
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", counting)
    return counts


def seed_copy(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    age(seeds)
    return seeds


def seed_names(seeds: Path) -> set[str]:
    return {path.name for path in seeds.rglob("*") if path.suffix in {".txt", ".md", ".yaml"}}


def test_a_full_load_reads_each_seed_file_once(tmp_path, reads):
    seeds = seed_copy(tmp_path)
    timeline.load(seeds, str(tmp_path / "t.db"), extract=False)
    assert set(reads) == seed_names(seeds)
    assert set(reads.values()) == {1}


def test_a_fresh_load_of_an_existing_database_reads_each_seed_file_once(tmp_path, reads):
    seeds = seed_copy(tmp_path)
    timeline.load(seeds, str(tmp_path / "t.db"), extract=False)
    reads.clear()
    timeline.load(seeds, str(tmp_path / "t.db"), extract=False, fresh=True)
    assert set(reads) == seed_names(seeds)
    assert set(reads.values()) == {1}


def test_a_changed_article_is_read_once_and_only_what_cites_it_with_it(tmp_path, reads):
    seeds = seed_copy(tmp_path)
    db = tmp_path / "t.db"
    timeline.load(seeds, str(db), extract=False)
    article = next((seeds / "articles").glob("*.txt"))
    article.write_text(article.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
    reads.clear()

    result = timeline.load(seeds, str(db), extract=False)

    assert result.mode == "incremental"
    assert reads[article.name] == 1
    assert set(reads.values()) == {1}
    assert len(reads) == result.files_read < len(seed_names(seeds))


def test_the_recorded_hash_is_that_of_the_loaded_bytes(tmp_path):
    seeds = seed_copy(tmp_path)
    db = tmp_path / "t.db"
    timeline.load(seeds, str(db), extract=False)
    connection = sqlite3.connect(db)
    try:
        recorded = dict(connection.execute("select path, content_hash from seed_files"))
    finally:
        connection.close()
    expected = {
        path.relative_to(seeds).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in seeds.rglob("*")
        if path.name in seed_names(seeds)
    }
    assert recorded == expected


def test_a_full_plan_on_an_existing_database_equals_a_new_load(tmp_path):
    """More than half the files changed: the full plan, on the database in place."""
    seeds = seed_copy(tmp_path)
    db = tmp_path / "t.db"
    timeline.load(seeds, str(db), extract=False)
    for path in seeds.rglob("*.txt"):
        path.write_text(path.read_text(encoding="utf-8") + "\nOne more line.\n", "utf-8")
    for path in seeds.rglob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8") + "\n", "utf-8")
    age(seeds)

    result = timeline.load(seeds, str(db), extract=False)
    timeline.load(seeds, str(tmp_path / "new.db"), extract=False)

    assert result.mode == "full"
    assert dump_database(db) == dump_database(tmp_path / "new.db")
