"""Keeping a `timeline extract` draft: extracted rows become curated ones, on any database.

The README's workflow loads a seeds folder with an uncurated article (extraction adds
rows for it), saves the article's draft next to it, and loads again into the same
database. Whatever is kept, edited or removed afterwards, every load must end exactly
where a load of the same folder into an empty database ends, on SQLite and PostgreSQL.
"""

from __future__ import annotations

import shutil

import pytest
from click.testing import CliRunner

from timeline.cli import cli
from timeline.extracted_layer import EXTRACTED_TABLES

from .conftest import FIXTURES, SEEDS, dump_tables, table_keys
from .test_incremental import age

ARTICLE = FIXTURES / "extract" / "articles" / "patterns-news.txt"
SOURCE_ID = "patterns-news"
DRAFT = "records/patterns-news.yaml"


@pytest.fixture
def seeds(tmp_path):
    """The project's seeds and one article no curated record covers."""
    folder = shutil.copytree(SEEDS, tmp_path / "seeds")
    shutil.copy(ARTICLE, folder / "articles")
    age(folder)
    return folder


def load(seeds, db, *options):
    result = CliRunner().invoke(cli, ["load", str(seeds), "--db", db, "--quiet", *options])
    assert result.exit_code == 0, result.output
    return result


def fresh_load(seeds, new_database, *options):
    """The dump of the same folder loaded into an empty database."""
    db = new_database()
    load(seeds, db, *options)
    return dump_tables(db)


def keep_draft(seeds) -> str:
    """`timeline extract ARTICLE --seeds SEEDS > SEEDS/records/...`, kept as it is."""
    result = CliRunner().invoke(
        cli, ["extract", str(seeds / "articles" / ARTICLE.name), "--seeds", str(seeds)]
    )
    assert result.exit_code == 0, result.output
    (seeds / DRAFT).write_text(result.output, encoding="utf-8")
    age(seeds)
    return result.output


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    age(path.parent.parent)


@pytest.mark.parametrize("options", [(), ("--no-extract",)], ids=["extract", "no-extract"])
def test_keeping_a_draft_on_an_existing_database_ends_like_a_fresh_load(
    seeds, new_database, options
):
    db = new_database()
    load(seeds, db)
    extracted = table_keys(db, "extracted")
    keep_draft(seeds)

    load(seeds, db, *options)

    # The stored extractions (and the resolution index made from them) are a cache
    # that a --no-extract load neither uses nor clears (the next load with extraction
    # reuses them); the data must be equal.
    kept, fresh = dump_tables(db), fresh_load(seeds, new_database, *options)
    if options:
        for cache in ("extractions", "resolution_inputs"):
            kept.pop(cache), fresh.pop(cache)
    assert kept == fresh
    if not options:
        # Every kind of row the extraction wrote is now curated, under the same key:
        # actors, aliases, events, their actors and evidence, quotes.
        curated = table_keys(db, "curated")
        assert table_keys(db, "extracted") == {table: set() for table in EXTRACTED_TABLES}
        for table in EXTRACTED_TABLES:
            assert extracted[table], f"the article gave no extracted {table}"
            assert extracted[table] <= curated[table], table


def test_a_kept_draft_edited_then_removed_ends_like_a_fresh_load_each_time(seeds, new_database):
    db = new_database()
    load(seeds, db)
    before = dump_tables(db)
    draft = keep_draft(seeds)
    assert "name: Aram Petrosyan" in draft and "- id: x-patterns-news-q2" in draft
    load(seeds, db)

    # Reviewed: an actor renamed, a quote deleted.
    edit(seeds / DRAFT, "name: Aram Petrosyan", "name: Aram G. Petrosyan")
    lines = (seeds / DRAFT).read_text(encoding="utf-8").split("\n")
    start = lines.index("- id: x-patterns-news-q2")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("- id:"))
    (seeds / DRAFT).write_text("\n".join(lines[:start] + lines[end:]), encoding="utf-8")
    age(seeds)
    load(seeds, db)
    edited = dump_tables(db)
    assert edited == fresh_load(seeds, new_database)
    assert any("'Aram G. Petrosyan'" in row for row in edited["actors"])
    assert not any("'x-patterns-news-q2'" in row for row in edited["quotes"])

    # Thrown away: the article is uncurated again, and its extracted rows come back.
    (seeds / DRAFT).unlink()
    load(seeds, db)
    assert dump_tables(db) == fresh_load(seeds, new_database)
    without_stamps = {table: rows for table, rows in before.items() if table != "seed_files"}
    assert {t: r for t, r in dump_tables(db).items() if t != "seed_files"} == without_stamps


def test_a_draft_kept_for_one_of_two_articles_that_share_actors(seeds, new_database):
    # A second report of the same meeting: before the draft is kept, both articles'
    # extracted rows share the extracted actors; after, the other links to the curated ones.
    text = ARTICLE.read_text(encoding="utf-8").replace(
        f"id: {SOURCE_ID}\n", f"id: {SOURCE_ID}-again\n"
    )
    (seeds / "articles" / "patterns-news-again.txt").write_text(text, encoding="utf-8")
    age(seeds)
    db = new_database()
    load(seeds, db)
    keep_draft(seeds)

    load(seeds, db)

    assert dump_tables(db) == fresh_load(seeds, new_database)
    extracted = table_keys(db, "extracted")
    assert ("x-patterns-news-again-q1",) in extracted["quotes"]
    assert ("aram-petrosyan",) in table_keys(db, "curated")["actors"]
    assert not extracted["actors"] & table_keys(db, "curated")["actors"]
