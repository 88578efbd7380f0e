"""Incremental loads re-read only what changed and end exactly where a fresh load would."""

from __future__ import annotations

import os
import shutil
import sqlite3

import pytest
from click.testing import CliRunner

import timeline
from timeline.cli import cli

from .conftest import FIXTURES, SEEDS, dump_database, file_digest


@pytest.fixture
def seeds(tmp_path):
    """A private copy of the project's seeds, free to edit."""
    return shutil.copytree(SEEDS, tmp_path / "seeds")


def fresh_dump(seeds_dir, tmp_path, **options):
    db = tmp_path / "fresh.db"
    if db.exists():
        db.unlink()
    timeline.load(seeds_dir, str(db), **options)
    return dump_database(db)


def test_unchanged_seeds_load_reads_nothing_and_changes_nothing(seeds, tmp_path):
    db = tmp_path / "t.db"
    timeline.load(seeds, str(db))
    before = dump_database(db)

    result = timeline.load(seeds, str(db))

    assert result.mode == "unchanged"
    assert result.files_read == 0
    assert result.counts["events"] == 61
    assert dump_database(db) == before


def test_editing_an_article_rereads_it_and_the_records_that_cite_it(seeds, tmp_path):
    db = tmp_path / "t.db"
    timeline.load(seeds, str(db))
    article = seeds / "articles" / "anadolu-2025-08-tokayev-zelenskyy-call.txt"
    # A new first line moves every offset in the article.
    text = article.read_text(encoding="utf-8")
    front, body = text.split("\n---\n", 1)
    article.write_text(front + "\n---\nUpdated: corrected a typo.\n" + body, encoding="utf-8")

    result = timeline.load(seeds, str(db))

    assert result.mode == "incremental"
    assert result.files_changed == 1
    # The article, its own record file, and the other files citing it.
    assert 2 <= result.files_read < 10
    assert dump_database(db) == fresh_dump(seeds, tmp_path)


def test_changes_removals_and_additions_end_like_a_fresh_load(seeds, tmp_path):
    db = tmp_path / "t.db"
    timeline.load(seeds, str(db))
    records = seeds / "records" / "unknown-2025-08-kazakhstan-ukraine-relations.yaml"
    records.write_text(
        records.read_text(encoding="utf-8").replace(
            "title: Anti-war rally in Almaty", "title: Anti-war rally held in Almaty"
        ),
        encoding="utf-8",
    )
    actors = seeds / "records" / "actors.yaml"
    actors.write_text(
        actors.read_text(encoding="utf-8").replace("aliases: [", "aliases: [Nobody Else, ", 1),
        encoding="utf-8",
    )
    # A new article no curated record covers: extraction adds rows for it.
    shutil.copy(FIXTURES / "bare_txt" / "2025-08-15_astana-report.txt", seeds / "articles")
    shutil.copy(FIXTURES / "minimal" / "records" / "all.yaml", seeds / "records" / "extra.yaml")
    (seeds / "records" / "extra.yaml").write_text(
        "places:\n  - {id: somewhere-new, name: Somewhere New, latitude: 1.5, longitude: 2.5}\n",
        encoding="utf-8",
    )
    # Past the two seconds in which stamps are not trusted: otherwise whether the two
    # loads below stamp the new files depends on how fast the machine is.
    age(seeds)

    added = timeline.load(seeds, str(db))
    assert added.mode == "incremental"
    assert dump_database(db) == fresh_dump(seeds, tmp_path)

    (seeds / "records" / "extra.yaml").unlink()
    (seeds / "articles" / "2025-08-15_astana-report.txt").unlink()
    age(seeds)
    removed = timeline.load(seeds, str(db))
    assert removed.mode == "incremental"
    assert removed.counts["places"] == 27
    assert dump_database(db) == fresh_dump(seeds, tmp_path)


def test_removing_an_actor_still_in_use_names_the_file_that_uses_it(seeds, tmp_path, monkeypatch):
    db = tmp_path / "t.db"
    timeline.load(seeds, str(db))
    before = file_digest(db)
    actors = seeds / "records" / "actors.yaml"
    lines = actors.read_text(encoding="utf-8").split("\n")
    start = lines.index("  - id: petr-vrublevsky")
    end = next(i for i in range(start + 1, len(lines)) if lines[i].startswith("  - id:"))
    actors.write_text("\n".join(lines[:start] + lines[end:]), encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    result = CliRunner().invoke(cli, ["load", "seeds", "--db", str(db)])

    assert result.exit_code == 1
    assert "seeds/records/unknown-2025-08-kazakhstan-ukraine-relations.yaml:" in result.output
    assert "'petr-vrublevsky': no actor has this id" in result.output
    assert file_digest(db) == before


def test_extraction_follows_the_seeds_incrementally(seeds, tmp_path):
    db = tmp_path / "t.db"
    timeline.load(seeds, str(db), extract=False)
    shutil.copy(FIXTURES / "bare_txt" / "2025-08-15_astana-report.txt", seeds / "articles")

    timeline.load(seeds, str(db), extract=False)
    assert dump_database(db) == fresh_dump(seeds, tmp_path, extract=False)

    result = timeline.load(seeds, str(db))  # same files, extraction now asked for
    assert result.mode == "incremental"
    assert dump_database(db) == fresh_dump(seeds, tmp_path)


def test_load_command_says_what_changed(seeds, tmp_path):
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    runner.invoke(cli, ["load", str(seeds), "--db", db])

    again = runner.invoke(cli, ["load", str(seeds), "--db", db])
    (seeds / "records" / "places.yaml").write_text(
        (seeds / "records" / "places.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    changed = runner.invoke(cli, ["load", str(seeds), "--db", db])

    assert again.output.startswith("No seed file changed;")
    assert changed.output.startswith("1 seed files changed (")


def test_every_curated_row_names_its_seed_file(seed_db):
    import sqlite3

    connection = sqlite3.connect(seed_db)
    for table in ("sources", "actors", "places", "events", "quotes", "figures"):
        origin = "origin = 'curated'" if table in ("actors", "events", "quotes") else "1"
        missing = connection.execute(
            f"select count(*) from {table} where {origin} and seed_file is null"
        ).fetchone()[0]
        assert missing == 0, table


def age(folder, seconds: int = 3600) -> None:
    """Date every file an hour back, past the window where stamps are not trusted."""
    for path in folder.rglob("*"):
        if path.is_file():
            stat = path.stat()
            os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - seconds * 10**9))


def stamps(db) -> dict[str, tuple]:
    connection = sqlite3.connect(db)
    try:
        return {
            row[0]: row[1:]
            for row in connection.execute("SELECT path, size, mtime_ns FROM seed_files")
        }
    finally:
        connection.close()


def test_files_just_written_get_no_stamp_and_are_always_hashed(seeds, tmp_path):
    db = tmp_path / "t.db"
    for path in seeds.rglob("*"):
        os.utime(path)  # modified now
    timeline.load(seeds, str(db))
    assert set(stamps(db).values()) == {(None, None)}
    article = next((seeds / "articles").iterdir())
    article.write_text(article.read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert timeline.load(seeds, str(db)).mode == "incremental"


def test_stamped_files_are_not_read_again_until_size_or_time_changes(seeds, tmp_path):
    db = tmp_path / "t.db"
    age(seeds)
    timeline.load(seeds, str(db))
    article = next((seeds / "articles").iterdir())
    size, mtime_ns = stamps(db)[f"articles/{article.name}"]
    assert (size, mtime_ns) == (article.stat().st_size, article.stat().st_mtime_ns)

    # Touched, same bytes: hashed again, found unchanged, and stamped anew.
    os.utime(article, ns=(mtime_ns, mtime_ns + 10**9))
    assert timeline.load(seeds, str(db)).mode == "unchanged"
    assert stamps(db)[f"articles/{article.name}"] == (size, mtime_ns + 10**9)

    # Same size and stamp, different bytes: trusted without reading, like git and make.
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("a", "b", 1) if "a" in text else text, encoding="utf-8")
    os.utime(article, ns=(mtime_ns, mtime_ns + 10**9))
    assert timeline.load(seeds, str(db)).mode == "unchanged"

    # Any real edit moves the modification time: read and reloaded.
    article.write_text(text + " ", encoding="utf-8")
    assert timeline.load(seeds, str(db)).mode == "incremental"


def test_an_alias_another_file_already_gives_is_refused_as_in_a_fresh_load(
    seeds, tmp_path, monkeypatch
):
    """A new actors file claiming a spelling an unchanged file already gives one actor:
    the incremental load words it exactly as a load into an empty database does."""
    db = tmp_path / "t.db"
    timeline.load(seeds, str(db))
    before = file_digest(db)
    (seeds / "records" / "more-actors.yaml").write_text(
        "actors:\n  - id: viktor-maiko-2\n    name: Viktor Maiko Jr\n    type: person\n"
        "    aliases: [Mayko]\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)

    incremental = CliRunner().invoke(cli, ["load", "seeds", "--db", str(db)])
    fresh = CliRunner().invoke(cli, ["load", "seeds", "--db", str(tmp_path / "new.db")])

    assert incremental.exit_code == 1
    assert "seeds/records/more-actors.yaml:" in incremental.output
    assert "alias 'Mayko' also belongs to actor" in incremental.output
    assert incremental.output == fresh.output
    assert file_digest(db) == before
