"""Resolution reads its clusters' members a bounded batch at a time, and a block of
events too large for one batch a row at a time: the database is the same either way."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

import timeline
from timeline import resolution_store
from timeline.database import resolve_database_url

from .test_incremental_extraction import (
    INTERACTING,
    UNCURATED,
    arrivals,
    folder_with,
    grow_one_article_at_a_time,
    rows_of,
)


@pytest.fixture
def streams_read(monkeypatch) -> list[str]:
    """The clusters read a row at a time (each time one is iterated)."""
    read: list[str] = []
    real = resolution_store.MemberStream.__iter__

    def counting(self):
        read.append(self.cluster)
        return real(self)

    monkeypatch.setattr(resolution_store.MemberStream, "__iter__", counting)
    return read


def test_blocks_read_a_row_at_a_time_give_the_rows_read_at_once(
    tmp_path, new_database, monkeypatch, streams_read
):
    monkeypatch.setenv("TIMELINE_EXTRACT_WORKERS", "1")
    seeds = folder_with(tmp_path, "seeds", INTERACTING + UNCURATED)
    at_once, streamed = new_database(), new_database()
    timeline.load(seeds, at_once)
    assert not streams_read
    # Every block of two or more articles' events is then read a row at a time.
    monkeypatch.setattr(resolution_store, "PART_BUDGET", 1)
    timeline.load(seeds, streamed)

    assert streams_read
    assert all(cluster.startswith("events:") for cluster in streams_read)
    rows = rows_of(at_once)
    assert rows["events"] and rows["event_sources"]
    assert rows == rows_of(streamed)


def test_a_corpus_grown_in_small_batches_equals_a_fresh_load(tmp_path, monkeypatch, streams_read):
    monkeypatch.setenv("TIMELINE_EXTRACT_WORKERS", "1")
    monkeypatch.setattr(resolution_store, "PART_BUDGET", 2)
    grown = str(tmp_path / "grown.db")
    grow_one_article_at_a_time(tmp_path / "grown", grown, arrivals(5))
    assert streams_read  # the incremental loads streamed blocks too
    monkeypatch.undo()
    monkeypatch.setenv("TIMELINE_EXTRACT_WORKERS", "1")
    fresh = str(tmp_path / "fresh.db")
    timeline.load(tmp_path / "grown", fresh)

    assert rows_of(grown) == rows_of(fresh)


def _parts(connection) -> dict[str, int]:
    return dict(
        connection.execute(
            text("SELECT cluster, count(*) FROM resolution_inputs GROUP BY cluster")
        ).all()
    )


def _weight(cluster: str, parts: dict[str, int]) -> int:
    # Only the smallest member of an actor or a place is read, and a spelling's few
    # distinct parts: each counts one.
    return 1 if cluster.startswith(("actor:", "place:", "alias:")) else parts.get(cluster, 0)


@pytest.mark.parametrize("budget", [1, 7, 60])
def test_no_batch_reads_more_parts_than_the_budget(tmp_path, budget):
    seeds = folder_with(tmp_path, "seeds", INTERACTING + UNCURATED)
    db = tmp_path / "t.db"
    timeline.load(seeds, str(db))
    engine = create_engine(resolve_database_url(str(db)))
    with engine.connect() as connection:
        parts = _parts(connection)
        assert max(parts.values()) > 7  # some cluster is larger than the small budgets
        gone = "events:1999|nobody"  # a cluster whose last member was removed
        for clusters in (None, sorted(parts)[::3] + [gone]):
            batches = list(
                resolution_store.cluster_batches(connection, clusters, budget=budget, most=5)
            )
            expected = sorted(parts) if clusters is None else sorted(clusters)
            assert [c for batch in batches for c in batch.clusters] == expected
            for batch in batches:
                read = sum(_weight(cluster, parts) for cluster in batch.clusters)
                assert len(batch.clusters) <= 5
                assert read <= budget or len(batch.clusters) == 1
                over = {c for c in batch.clusters if c.startswith("events:") and read > budget}
                assert batch.streamed == over
    engine.dispose()
