"""A block of events goes on from its summary when an article joins it after every
member, and ends as a replay from its first member would (migration 0021)."""

from __future__ import annotations

import json

from sqlalchemy import create_engine, text

import timeline
from timeline import resolution_store

from .conftest import FIXTURES
from .test_incremental_extraction import rows_of

RESOLVE = FIXTURES / "resolve" / "articles"


def write_article(folder, source_id: str, fixture: str) -> None:
    """A fixture article's text under another id (the ids set the members' order)."""
    text_ = (RESOLVE / fixture).read_text(encoding="utf-8")
    head, body = text_.split("\n---\n", 1)
    head = "\n".join(
        f"id: {source_id}" if line.startswith("id:") else line for line in head.splitlines()
    )
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    (folder / "articles" / f"{source_id}.txt").write_text(f"{head}\n---\n{body}", "utf-8")


def summaries(db: str) -> dict[str, dict]:
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as connection:
        rows = connection.execute(text("SELECT cluster, summary FROM resolution_event_blocks"))
        found = {row.cluster: json.loads(row.summary) for row in rows}
    engine.dispose()
    return found


def clusters_read(monkeypatch) -> list[str]:
    """The clusters every later read of stored members asks for, in order."""
    read: list[str] = []
    real = resolution_store.members

    def recording(connection, clusters, streamed=()):
        read.extend(clusters)
        return real(connection, clusters, streamed)

    monkeypatch.setattr(resolution_store, "members", recording)
    return read


def test_a_finer_report_added_last_refines_the_event_without_replaying_its_block(
    tmp_path, monkeypatch
):
    monkeypatch.setenv("TIMELINE_EXTRACT_WORKERS", "1")
    seeds, db = tmp_path / "seeds", str(tmp_path / "t.db")
    # "Last month" first (the smaller id), then the day itself: the day refines it.
    write_article(seeds, "a-month", "c-middle.txt")
    timeline.load(seeds, db)
    (block,) = [c for c, s in summaries(db).items() if "ana-rusu" in c]
    assert summaries(db)[block]["last"] == "a-month"

    read = clusters_read(monkeypatch)
    write_article(seeds, "b-day", "b-early.txt")
    timeline.load(seeds, db)

    assert block not in read
    assert not [cluster for cluster in read if cluster.startswith("events:2025|ana-rusu")]
    rows = rows_of(db)
    (meeting,) = [r for r in rows["events"] if r[0].startswith("x-2025-09") and "rusu" in r[0]]
    assert "2025-09-23" in meeting
    assert {r[1] for r in rows["event_sources"] if r[0] == meeting[0]} == {"a-month", "b-day"}
    assert summaries(db)[block]["last"] == "b-day"
    assert summaries(db)[block]["refined"]
    fresh = str(tmp_path / "fresh.db")
    timeline.load(seeds, fresh)
    assert rows_of(db) == rows_of(fresh)


def test_an_article_added_before_the_last_member_replays_the_block(tmp_path, monkeypatch):
    monkeypatch.setenv("TIMELINE_EXTRACT_WORKERS", "1")
    seeds, db = tmp_path / "seeds", str(tmp_path / "t.db")
    write_article(seeds, "z-month", "c-middle.txt")
    timeline.load(seeds, db)

    read = clusters_read(monkeypatch)
    write_article(seeds, "b-day", "b-early.txt")
    timeline.load(seeds, db)

    assert [cluster for cluster in read if cluster.startswith("events:2025|ana-rusu")]
    fresh = str(tmp_path / "fresh.db")
    timeline.load(seeds, fresh)
    assert rows_of(db) == rows_of(fresh)
    assert summaries(db) == summaries(fresh)
