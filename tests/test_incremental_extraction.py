"""A growing uncurated corpus: each article is extracted once, and the order articles
arrive in never changes the database."""

from __future__ import annotations

import random
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, text

import timeline
from timeline.database import resolve_database_url
from timeline.extract import parallel, version
from timeline.extracted_layer import EXTRACTED_TABLES

from .conftest import FIXTURES, SEEDS, table_keys

# Articles nobody annotated: the extraction fixtures (two of them report the same
# events) and the five seed articles without their records.
UNCURATED = sorted((FIXTURES / "extract" / "articles").glob("*.txt")) + sorted(
    (SEEDS / "articles").glob("*.txt")
)
BOOKKEEPING = {"alembic_version", "seed_files", "extractions"}


def database_rows(url: str) -> dict[str, list[tuple]]:
    """Every row of every data table, sorted, so two databases compare as wholes."""
    engine = create_engine(url)
    with engine.connect() as connection:
        names = [
            name
            for name in inspect(connection).get_table_names()
            if name not in BOOKKEEPING and "_fts" not in name
        ]
        rows = {
            name: sorted(
                (tuple(row) for row in connection.execute(text(f'SELECT * FROM "{name}"'))),
                key=repr,
            )
            for name in names
        }
    engine.dispose()
    return rows


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


@pytest.fixture
def count_extractions(monkeypatch):
    """How many articles were extracted (in this process: one worker)."""
    monkeypatch.setenv("TIMELINE_EXTRACT_WORKERS", "1")
    extracted: list[str] = []
    real = parallel.extract_article

    def counting(article, *knowledge):
        extracted.append(article.id)
        return real(article, *knowledge)

    monkeypatch.setattr(parallel, "extract_article", counting)
    return extracted


def folder_with(tmp_path: Path, name: str, articles: list[Path]) -> Path:
    folder = tmp_path / name
    target = folder / "articles"
    if folder.exists():
        shutil.rmtree(folder)
    target.mkdir(parents=True)
    for article in articles:
        shutil.copy(article, target / article.name)
    return folder


def test_adding_one_article_extracts_only_that_article(tmp_path, count_extractions):
    seeds = folder_with(tmp_path, "seeds", UNCURATED[:-1])
    db = str(tmp_path / "t.db")
    timeline.load(seeds, db)
    assert len(count_extractions) == len(UNCURATED) - 1

    count_extractions.clear()
    shutil.copy(UNCURATED[-1], seeds / "articles" / UNCURATED[-1].name)
    timeline.load(seeds, db)

    assert len(count_extractions) == 1


def test_a_new_extractor_version_extracts_everything_again(
    tmp_path, count_extractions, monkeypatch
):
    seeds = folder_with(tmp_path, "seeds", UNCURATED[:3])
    db = str(tmp_path / "t.db")
    timeline.load(seeds, db)
    monkeypatch.setattr(version, "extractor_version", lambda: "a-new-rule")
    (seeds / "articles" / UNCURATED[0].name).unlink()  # something to load
    count_extractions.clear()

    timeline.load(seeds, db)

    assert sorted(count_extractions) == sorted(
        timeline.articles.read_article(path, path.name, []).id for path in UNCURATED[1:3]
    )


def test_an_unchanged_folder_is_extracted_again_after_the_extractor_changed(
    tmp_path, count_extractions, monkeypatch
):
    """Upgrading timeline (or editing a rule) and loading the same folder again gives
    the database a fresh load would, not the old extractor's rows."""
    seeds = folder_with(tmp_path, "seeds", UNCURATED[:2])
    db = str(tmp_path / "t.db")
    timeline.load(seeds, db)
    assert timeline.load(seeds, db).mode == "unchanged"
    monkeypatch.setattr(version, "extractor_version", lambda: "a-new-rule")
    count_extractions.clear()

    assert timeline.load(seeds, db).mode != "unchanged"

    assert len(count_extractions) == 2
    with sqlite3.connect(db) as connection:
        stored = {row[0] for row in connection.execute("SELECT extractor_version FROM extractions")}
    assert stored == {"a-new-rule"}
    count_extractions.clear()
    assert timeline.load(seeds, db).mode == "unchanged"
    assert count_extractions == []


def test_a_new_curated_actor_extracts_everything_again(tmp_path, count_extractions):
    seeds = folder_with(tmp_path, "seeds", UNCURATED[:3])
    db = str(tmp_path / "t.db")
    timeline.load(seeds, db)
    count_extractions.clear()
    (seeds / "records").mkdir()
    (seeds / "records" / "actors.yaml").write_text(
        "actors:\n  - id: someone-new\n    name: Someone New\n    type: person\n",
        encoding="utf-8",
    )

    timeline.load(seeds, db)

    assert len(count_extractions) == 3


def test_removing_an_article_leaves_no_trace(tmp_path):
    seeds = folder_with(tmp_path, "seeds", UNCURATED)
    db = tmp_path / "t.db"
    timeline.load(seeds, str(db))
    removed = timeline.articles.read_article(UNCURATED[0], UNCURATED[0].name, []).id
    (seeds / "articles" / UNCURATED[0].name).unlink()

    timeline.load(seeds, str(db))

    engine = create_engine(sqlite_url(db))
    with engine.connect() as connection:
        for table, column in (
            ("sources", "id"),
            ("quotes", "source_id"),
            ("event_sources", "source_id"),
            ("extractions", "source_id"),
        ):
            left = connection.execute(
                text(f"SELECT count(*) FROM {table} WHERE {column} = :id"), {"id": removed}
            ).scalar_one()
            assert left == 0, f"{table} still names {removed}"
    engine.dispose()


def arrivals(seed: int) -> list[tuple[str, Path]]:
    """A random arrival order of every article, with one article removed on the way and
    added back later: (action, article) steps."""
    rng = random.Random(seed)
    order = list(UNCURATED)
    rng.shuffle(order)
    gone = order[rng.randrange(len(order) // 2)]
    steps = [("add", article) for article in order]
    steps.insert(len(steps) - 2, ("remove", gone))
    steps.append(("add", gone))
    return steps


def grow_one_article_at_a_time(folder: Path, url: str, steps) -> None:
    (folder / "articles").mkdir(parents=True)
    for action, article in steps:
        target = folder / "articles" / article.name
        if action == "add":
            shutil.copy(article, target)
        else:
            target.unlink()
        timeline.load(folder, url)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_any_arrival_order_gives_the_database_of_a_fresh_load(tmp_path, seed, monkeypatch):
    monkeypatch.setenv("TIMELINE_EXTRACT_WORKERS", "1")
    grown = tmp_path / "grown.db"
    grow_one_article_at_a_time(tmp_path / "grown", sqlite_url(grown), arrivals(seed))
    fresh = tmp_path / "fresh.db"
    timeline.load(tmp_path / "grown", str(fresh))

    assert database_rows(sqlite_url(grown)) == database_rows(sqlite_url(fresh))


def test_any_arrival_order_gives_the_database_of_a_fresh_load_on_postgres(
    tmp_path, postgres_server, monkeypatch
):
    monkeypatch.setenv("TIMELINE_EXTRACT_WORKERS", "1")
    grown = postgres_server.create_database("t_grown_in_arrival_order")
    grow_one_article_at_a_time(tmp_path / "grown", grown, arrivals(7))
    fresh = postgres_server.create_database("t_fresh_of_the_same_folder")
    timeline.load(tmp_path / "grown", fresh)

    assert database_rows(grown) == database_rows(fresh)


def many_articles(tmp_path: Path, copies: int) -> Path:
    """Each uncurated article under several ids and dates: enough to start a pool."""
    folder = tmp_path / "many" / "articles"
    folder.mkdir(parents=True)
    for number in range(copies):
        for article in UNCURATED:
            body = article.read_text(encoding="utf-8").split("\n---\n", 1)[1]
            front = (
                f"---\nid: copy-{number}-{article.stem}\ntitle: Copy {number}\n"
                f"published: 202{number % 5}-0{1 + number % 9}-1{number % 9}\n---\n"
            )
            (folder / f"copy-{number}-{article.name}").write_text(front + body, "utf-8")
    return folder.parent


def test_extraction_on_every_core_gives_what_one_core_gives(tmp_path, monkeypatch):
    seeds = many_articles(tmp_path, 4)
    assert len(list((seeds / "articles").iterdir())) >= parallel.MIN_ARTICLES_FOR_POOL
    monkeypatch.setenv("TIMELINE_EXTRACT_WORKERS", "1")
    timeline.load(seeds, str(tmp_path / "one.db"))
    monkeypatch.setenv("TIMELINE_EXTRACT_WORKERS", "2")
    timeline.load(seeds, str(tmp_path / "two.db"))

    one = database_rows(sqlite_url(tmp_path / "one.db"))
    assert one["quotes"] and one["events"]
    assert one == database_rows(sqlite_url(tmp_path / "two.db"))


# Articles whose rows interact: one meeting reported twice, an actor named in two
# articles, a spelling two actors share (see fixtures/resolve/README.md).
INTERACTING = sorted((FIXTURES / "resolve" / "articles").glob("*.txt"))
EDITED = {path.name: path for path in (FIXTURES / "resolve" / "changed").glob("*.txt")}


def rows_of(db: str) -> dict[str, list[tuple]]:
    return database_rows(resolve_database_url(db))


def test_the_interacting_articles_share_clusters(tmp_path):
    """The fixture really exercises resolution across articles (else the order tests
    below would prove little)."""
    seeds = folder_with(tmp_path, "seeds", INTERACTING)
    db = str(tmp_path / "t.db")
    timeline.load(seeds, db)
    rows = rows_of(db)

    meeting = [r for r in rows["event_sources"] if r[0] == "x-2025-09-23-meeting-ana-rusu"]
    assert sorted(r[1] for r in meeting) == ["b-early", "c-middle"]
    aliases = {(r[0], r[1]) for r in rows["actor_aliases"]}
    assert ("ion-rusu", "Rusu") in aliases and ("ana-rusu", "Rusu") not in aliases
    (lungu,) = [r for r in rows["actors"] if r[0] == "victor-lungu"]
    assert "Prut" in lungu[-1]  # its basis is c-middle's sentence, the smaller id


def test_removing_the_article_a_cluster_came_from_hands_it_to_the_next(tmp_path):
    seeds = folder_with(tmp_path, "seeds", INTERACTING)
    db = str(tmp_path / "t.db")
    timeline.load(seeds, db)
    for name in ("a-interior.txt", "c-middle.txt"):
        (seeds / "articles" / name).unlink()
    timeline.load(seeds, db)
    fresh = str(tmp_path / "fresh.db")
    timeline.load(seeds, fresh)

    rows = rows_of(db)
    assert rows == rows_of(fresh)
    (lungu,) = [r for r in rows["actors"] if r[0] == "victor-lungu"]
    assert "Ungheni" in lungu[-1]  # now from d-late
    meeting = [r for r in rows["event_sources"] if r[0] == "x-2025-09-23-meeting-ana-rusu"]
    assert [r[1] for r in meeting] == ["b-early"]
    assert ("ana-rusu", "Rusu") in {(r[0], r[1]) for r in rows["actor_aliases"]}


def random_history(seed: int, extra: int = 4) -> list[tuple[str, str]]:
    """Adds, edits and removals of the interacting articles in a random order, every
    article added at least once, never the last one removed: (action, file name) steps."""
    rng = random.Random(seed)
    names = [path.name for path in INTERACTING]
    order = names[:]
    rng.shuffle(order)
    history: list[tuple[str, str]] = []
    present: set[str] = set()
    edited: set[str] = set()

    def act(name: str) -> None:
        if name not in present:
            action = "add"
            present.add(name)
        elif name in EDITED and rng.random() < 0.5:
            action = "restore" if name in edited else "edit"
            edited.symmetric_difference_update({name})
        elif len(present) > 1:
            action = "remove"
            present.discard(name)
            edited.discard(name)
        else:
            return
        history.append((action, name))

    for name in order:
        if name not in present:
            act(name)
        if rng.random() < 0.5:
            act(rng.choice(names))
    for _ in range(extra):
        act(rng.choice(names))
    return history


def apply(folder: Path, action: str, name: str) -> None:
    target = folder / "articles" / name
    target.parent.mkdir(parents=True, exist_ok=True)
    if action == "remove":
        target.unlink()
    else:
        original = next(path for path in INTERACTING if path.name == name)
        shutil.copy(EDITED[name] if action == "edit" else original, target)


@pytest.mark.parametrize("seed", [11, 13, 15])
def test_every_step_of_a_history_of_adds_edits_removals_equals_a_fresh_load(
    tmp_path, seed, new_database, monkeypatch
):
    monkeypatch.setenv("TIMELINE_EXTRACT_WORKERS", "1")
    history = random_history(seed)
    assert {action for action, _ in history} >= {"add", "remove"}
    folder, grown = tmp_path / "grown", new_database()
    for number, (action, name) in enumerate(history):
        apply(folder, action, name)
        timeline.load(folder, grown)
        fresh = new_database()
        timeline.load(folder, fresh)
        assert rows_of(grown) == rows_of(fresh), f"after step {number}: {action} {name}"


def test_the_ids_of_extracted_rows_do_not_depend_on_the_arrival_order(tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_EXTRACT_WORKERS", "1")
    keys = []
    for order in (INTERACTING, list(reversed(INTERACTING))):
        folder, db = tmp_path / f"grown-{len(keys)}", str(tmp_path / f"t{len(keys)}.db")
        for path in order:
            apply(folder, "add", path.name)
            timeline.load(folder, db)
        keys.append(table_keys(db, "extracted"))
    assert keys[0] == keys[1]
    assert keys[0]["events"] and keys[0]["actors"] and keys[0]["actor_aliases"]


def extracted_rows_by_rowid(db: Path) -> dict[str, dict[tuple, int]]:
    """SQLite: each extracted row's content -> the rowid it was written under (a row
    deleted and written again gets a new one)."""
    connection = sqlite3.connect(db)
    found = {
        table: {
            tuple(row[1:]): row[0]
            for row in connection.execute(
                f"SELECT rowid, * FROM {table} WHERE origin = 'extracted'"
            )
        }
        for table in EXTRACTED_TABLES
    }
    connection.close()
    return found


def test_adding_an_article_rewrites_only_the_rows_it_changes(tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_EXTRACT_WORKERS", "1")
    # The smallest id: a rewrite of the whole layer in id order would move every row.
    seeds = folder_with(tmp_path, "seeds", [p for p in INTERACTING if p.name != "a-interior.txt"])
    db = tmp_path / "t.db"
    timeline.load(seeds, str(db))
    before = extracted_rows_by_rowid(db)
    apply(seeds, "add", "a-interior.txt")

    timeline.load(seeds, str(db))

    after = extracted_rows_by_rowid(db)
    kept = {table: set(rows) & set(after[table]) for table, rows in before.items()}
    assert sum(map(len, kept.values())) > 10
    for table, rows in kept.items():
        for row in rows:
            assert after[table][row] == before[table][row], f"{table} row {row[0]} rewritten"
    new = {table: set(after[table]) - set(before[table]) for table in after}
    assert {row[1] for row in new["event_sources"]} == {"a-interior"}
    assert {row[0] for row in new["quotes"]} == {"x-a-interior-q1"}
    # "Rusu" is Ion Rusu's now (the smaller id), no longer Ana Rusu's.
    assert {row[:2] for row in new["actor_aliases"]} >= {("ion-rusu", "Rusu")}
    assert ("ana-rusu", "Rusu") not in {row[:2] for row in after["actor_aliases"]}


def test_a_few_clusters_read_one_by_one_give_what_a_whole_batch_gives(tmp_path, monkeypatch):
    """A change looks up each actor's and place's smallest member on its own; a first
    load reads thousands in one statement. Both readings give the same database."""
    from timeline import resolution_store

    monkeypatch.setenv("TIMELINE_EXTRACT_WORKERS", "1")
    seeds = folder_with(tmp_path, "seeds", INTERACTING + UNCURATED)
    timeline.load(seeds, str(tmp_path / "one_by_one.db"))
    monkeypatch.setattr(resolution_store, "FEW_CLUSTERS", 0)
    timeline.load(seeds, str(tmp_path / "batch.db"))

    one_by_one = rows_of(str(tmp_path / "one_by_one.db"))
    assert one_by_one["actors"] and one_by_one["places"]
    assert one_by_one == rows_of(str(tmp_path / "batch.db"))
