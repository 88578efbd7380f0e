"""The same models, migrations, load, query and export on a real PostgreSQL server."""

from __future__ import annotations

import csv
import io

from click.testing import CliRunner
from sqlalchemy import text

import timeline
from timeline.cli import cli
from timeline.database import create_db_engine, resolve_database_url
from timeline.web.serve import build_datasette

from .conftest import FIXTURES


def invoke(*args):
    return CliRunner().invoke(cli, list(args))


def table_rows(url: str) -> dict[str, list]:
    """Every row of the data tables, sorted, read straight from PostgreSQL."""
    engine = create_db_engine(resolve_database_url(url))
    tables = (
        "sources",
        "actors",
        "actor_aliases",
        "events",
        "event_actors",
        "event_sources",
        "quotes",
        "source_inferences",
    )
    try:
        with engine.connect() as connection:
            return {
                table: sorted(map(repr, connection.execute(text(f"select * from {table}"))))
                for table in tables
            }
    finally:
        engine.dispose()


def test_load_into_postgres_and_reload_changes_nothing(postgres_url):
    result = timeline.load(FIXTURES / "minimal", postgres_url)
    first = table_rows(postgres_url)

    timeline.load(FIXTURES / "minimal", postgres_url)

    assert result.counts["events"] == 1
    assert result.database_url.startswith("postgresql+psycopg://")
    assert table_rows(postgres_url) == first
    assert len(first["actor_aliases"]) == 5


def test_query_and_export_on_postgres(postgres_url):
    timeline.load(FIXTURES / "minimal", postgres_url)

    query = invoke("query", "select id, type from events", "--db", postgres_url, "--format", "csv")
    events = invoke("export", "events", "--db", postgres_url)
    actors = invoke("export", "actors", "--db", postgres_url)

    assert query.output == "id,type\n2025-08-10-call,phone_call\n"
    row = next(csv.DictReader(io.StringIO(events.output)))
    assert row["actors"] == "Kassym-Jomart Tokayev (participant); Volodymyr Zelenskyy (participant)"
    aliases = {r["id"]: r["aliases"] for r in csv.DictReader(io.StringIO(actors.output))}
    assert aliases["volodymyr-zelenskyy"] == "Volodymyr Zelenskyy; Zelensky; Zelenskyy"


def test_query_on_postgres_is_read_only(postgres_url):
    timeline.load(FIXTURES / "minimal", postgres_url)

    result = invoke("query", "delete from quotes", "--db", postgres_url)

    assert result.exit_code == 1
    assert "read-only transaction" in result.output
    assert len(table_rows(postgres_url)["quotes"]) == 1


def test_bad_input_leaves_postgres_unchanged(postgres_url, monkeypatch):
    timeline.load(FIXTURES / "minimal", postgres_url)
    before = table_rows(postgres_url)
    monkeypatch.chdir(FIXTURES / "bad" / "quote_not_in_source")

    result = invoke("load", "seeds", "--db", postgres_url)

    assert result.exit_code == 1
    assert table_rows(postgres_url) == before


def test_db_upgrade_downgrade_on_postgres(postgres_url):
    assert invoke("db", "upgrade", "--db", postgres_url).exit_code == 0
    timeline.load(FIXTURES / "minimal", postgres_url)

    down = invoke("db", "downgrade", "0001", "--db", postgres_url)
    up = invoke("db", "upgrade", "--db", postgres_url)

    assert down.exit_code == 0, down.output
    assert up.exit_code == 0, up.output
    assert len(table_rows(postgres_url)["events"]) == 1


def test_copy_postgres_to_sqlite_for_datasette(postgres_url, tmp_path):
    import asyncio

    timeline.load(FIXTURES / "minimal", postgres_url)
    copy = tmp_path / "copy.db"

    result = invoke("db", "copy", "--db", postgres_url, "--to", str(copy))

    assert result.exit_code == 0, result.output
    datasette = build_datasette(str(copy))
    response = asyncio.run(datasette.client.get("/copy/timeline.json?_shape=array"))
    assert [row["event_id"] for row in response.json()] == ["2025-08-10-call"]


def test_incremental_load_on_postgres_ends_like_a_fresh_load(postgres_server, tmp_path):
    import shutil

    from .conftest import SEEDS

    seeds = shutil.copytree(SEEDS, tmp_path / "seeds")
    incremental_url = postgres_server.create_database("incremental_target")
    fresh_url = postgres_server.create_database("fresh_target")
    timeline.load(seeds, incremental_url)
    article = seeds / "articles" / "anadolu-2025-08-tokayev-zelenskyy-call.txt"
    front, body = article.read_text(encoding="utf-8").split("\n---\n", 1)
    article.write_text(front + "\n---\nUpdated.\n" + body, encoding="utf-8")

    result = timeline.load(seeds, incremental_url)
    timeline.load(seeds, fresh_url)

    assert result.mode == "incremental"
    assert table_rows(incremental_url) == table_rows(fresh_url)
