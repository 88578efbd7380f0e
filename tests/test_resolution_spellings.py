"""A spelling's cluster (an alias key) is read once per distinct part, under its smallest
source id, through the indexed part hash: the same members as reading every part."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text

import timeline
from timeline import resolution_store
from timeline.cli import cli
from timeline.database import resolve_database_url

from .test_incremental_extraction import INTERACTING, UNCURATED, folder_with


def distinct_parts_read_whole(connection, clusters: list[str]) -> dict[str, list]:
    """Each cluster's distinct payloads under their smallest source id, from every row."""
    smallest: dict[tuple[str, str], str] = {}
    for row in connection.execute(
        text("SELECT cluster, source_id, payload FROM resolution_inputs")
    ):
        if row.cluster in clusters:
            key = (row.cluster, row.payload)
            smallest[key] = min(smallest.get(key, row.source_id), row.source_id)
    found: dict[str, list] = {cluster: [] for cluster in clusters}
    for (cluster, payload), source_id in smallest.items():
        found[cluster].append((source_id, json.loads(payload)))
    return {cluster: sorted(parts, key=lambda part: part[0]) for cluster, parts in found.items()}


@pytest.mark.parametrize("few", [100, 0], ids=["one-by-one", "in-one-statement"])
def test_a_spelling_is_read_once_per_distinct_part(tmp_path, new_database, monkeypatch, few):
    monkeypatch.setenv("TIMELINE_EXTRACT_WORKERS", "1")
    seeds = folder_with(tmp_path, "seeds", INTERACTING + UNCURATED)
    url = resolve_database_url(new_database())
    timeline.load(seeds, url)
    monkeypatch.setattr(resolution_store, "FEW_CLUSTERS", few)
    engine = create_engine(url)
    with engine.connect() as connection:
        spellings = sorted(
            row.cluster
            for row in connection.execute(
                text(
                    "SELECT cluster FROM resolution_inputs WHERE cluster LIKE 'alias:%' "
                    "GROUP BY cluster"
                )
            )
        )
        members = resolution_store.members(connection, spellings + ["alias:gone-long-ago"])
        expected = distinct_parts_read_whole(connection, spellings)
        # Some spelling has a member that repeats an earlier one: it is read once.
        shared = connection.execute(
            text(
                "SELECT count(*) FROM resolution_inputs WHERE cluster LIKE 'alias:%' "
                "GROUP BY cluster, payload HAVING count(*) > 1"
            )
        ).first()
    engine.dispose()
    assert shared is not None
    assert spellings and {cluster: members[cluster] for cluster in spellings} == expected
    assert members["alias:gone-long-ago"] == []


def stored_hashes(db) -> dict[tuple[str, str], str | None]:
    engine = create_engine(resolve_database_url(str(db)))
    with engine.connect() as connection:
        rows = connection.execute(
            text("SELECT cluster, source_id, part_hash FROM resolution_inputs")
        ).all()
    engine.dispose()
    return {(row.cluster, row.source_id): row.part_hash for row in rows}


def test_the_migration_hashes_the_spellings_a_load_would(tmp_path, monkeypatch):
    """A database made before the hashes gets them from the migration, as a load into
    a new database writes them; the other clusters have none."""
    monkeypatch.setenv("TIMELINE_EXTRACT_WORKERS", "1")
    seeds = folder_with(tmp_path, "seeds", INTERACTING + UNCURATED)
    db = tmp_path / "t.db"
    timeline.load(seeds, str(db))
    loaded = stored_hashes(db)
    assert {key for key, value in loaded.items() if value} == {
        key for key in loaded if key[0].startswith("alias:")
    }
    runner = CliRunner()
    down = runner.invoke(cli, ["db", "downgrade", "0018", "--db", str(db)])
    assert down.exit_code == 0, down.output
    up = runner.invoke(cli, ["db", "upgrade", "--db", str(db)])
    assert up.exit_code == 0, up.output
    assert stored_hashes(db) == loaded
