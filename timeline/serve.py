"""``timeline serve``: a real Datasette over the database, with the project's metadata."""

from __future__ import annotations

import asyncio
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


def datasette_metadata(database_name: str) -> dict[str, Any]:
    """The packaged metadata, keyed to this database's name (its file name without .db)."""
    raw = resources.files("timeline").joinpath("datasette_metadata.yaml").read_text("utf-8")
    return yaml.safe_load(raw.replace("{db}", database_name))


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
        metadata=datasette_metadata(path.stem),
        settings=SETTINGS,
    )


def run_datasette(datasette: Datasette, host: str, port: int) -> None:
    import uvicorn

    asyncio.run(datasette.invoke_startup())
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning")
