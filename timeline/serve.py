"""``timeline serve``: a real Datasette over the database, with the project's metadata."""

from __future__ import annotations

import asyncio
import sqlite3
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from datasette.app import Datasette

from .database import resolve_database_url, sqlite_path
from .errors import Problem, TimelineError

# Datasette's own limits, stated so nobody loosens them by accident. Facet *suggestions*
# are off: computing them took three quarters of a search page's time at 30,000 events
# (189 ms -> 52 ms); the configured facets stay, and any column can still be faceted.
SETTINGS = {
    "sql_time_limit_ms": 1000,
    "max_returned_rows": 1000,
    "allow_download": False,
    "suggest_facets": False,
}


# Above this many rows, a table's configured facets are left off its page. Each facet
# groups every row the page selects, on every view: at a million events the events
# page took 450 ms with its five facets and 70 ms without; a search for a word in a
# fifth of them, 720 ms and 200 ms. A reader still facets by any column with
# ?_facet=column.
FACETS_UP_TO = 50_000


def datasette_metadata(database_name: str) -> dict[str, Any]:
    """The packaged metadata, keyed to this database's name (its file name without .db)."""
    raw = resources.files("timeline").joinpath("datasette_metadata.yaml").read_text("utf-8")
    return yaml.safe_load(raw.replace("{db}", database_name))


def facets_for_size(metadata: dict[str, Any], database_name: str, path: Path) -> dict[str, Any]:
    """The metadata without configured facets on tables and views above FACETS_UP_TO
    rows; their descriptions say how to ask for a facet instead."""
    tables = metadata.get("databases", {}).get(database_name, {}).get("tables", {})
    faceted = [name for name, table in tables.items() if table.get("facets")]
    if not faceted:
        return metadata
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        for name in faceted:
            try:
                rows = connection.execute(
                    f"SELECT count(*) FROM (SELECT 1 FROM [{name}] LIMIT {FACETS_UP_TO + 1})"
                ).fetchone()[0]
            except sqlite3.Error:  # not in this database (an older schema)
                continue
            if rows > FACETS_UP_TO:
                table = tables[name]
                example = table.pop("facets")[0]
                example = example if isinstance(example, str) else "column"
                table["description"] = (
                    f"{table.get('description', '')} Facets are off by default above "
                    f"{FACETS_UP_TO:,} rows; add ?_facet={example} (or any column) to the URL."
                ).strip()
    finally:
        connection.close()
    return metadata


def database_file(db: str | None) -> Path:
    url = resolve_database_url(db)
    path = sqlite_path(url)
    if path is None:
        raise TimelineError(
            Problem(
                "Datasette serves SQLite files only",
                hint="export a copy to SQLite first: `timeline load seeds --db copy.db`",
            )
        )
    if not path.exists():
        raise TimelineError(
            Problem(f"database {str(path)!r} does not exist", hint="run `timeline load` first")
        )
    return path


def build_datasette(db: str | None = None) -> Datasette:
    """The Datasette instance `timeline serve` runs; tests use its ``client``."""
    path = database_file(db)
    return Datasette(
        files=[str(path)],
        metadata=facets_for_size(datasette_metadata(path.stem), path.stem, path),
        settings=SETTINGS,
    )


def run_datasette(datasette: Datasette, host: str, port: int) -> None:
    import uvicorn

    asyncio.run(datasette.invoke_startup())
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning")
