"""``timeline serve``: a real Datasette over the database, with the project's metadata."""

from __future__ import annotations

import asyncio
import errno
import socket
import sqlite3
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from datasette.app import Datasette

from ..database import resolve_database_url, sqlite_path
from ..errors import Problem, TimelineError
from ..review.web import check_review_host, review_config
from .host_check import allowed_hosts

# Datasette's own limits, stated so nobody loosens them by accident. Facet *suggestions*
# are off: computing them took three quarters of a search page's time at 30,000 events
# (189 ms -> 52 ms); the configured facets stay, and any column can still be faceted.
SETTINGS = {
    "sql_time_limit_ms": 1000,
    "max_returned_rows": 1000,
    "max_csv_mb": 100,
    "truncate_cells_html": 2048,
    "allow_download": False,
    "suggest_facets": False,
}
# What the SQL time limit cannot bound (the size of values, functions that reach into
# SQLite itself) is bounded per connection by ``sqlite_guard``.


# Above this many rows, a table's configured facets are left off its page. Each facet
# groups every row the page selects, on every view: at a million events the events
# page took 450 ms with its five facets and 70 ms without; a search for a word in a
# fifth of them, 720 ms and 200 ms. A reader still facets by any column with
# ?_facet=column.
FACETS_UP_TO = 50_000


def datasette_metadata(database_name: str) -> dict[str, Any]:
    """The packaged metadata, keyed to this database's name (its file name without .db)."""
    raw = resources.files("timeline.web").joinpath("datasette_metadata.yaml").read_text("utf-8")
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


def build_datasette(
    db: str | None = None,
    host: str = "127.0.0.1",
    allow_hosts: tuple[str, ...] = (),
    review_seeds: str | Path | None = None,
) -> Datasette:
    """The Datasette instance `timeline serve` runs on ``host``; tests use its ``client``.

    It answers only requests addressed to loopback, to ``host`` or to one of
    ``allow_hosts`` (``host_check``; ``*`` turns the check off). ``review_seeds``: the
    seeds folder the review controls write to (``timeline.review``; loopback only).
    """
    if review_seeds is not None:
        check_review_host(host, allow_hosts)
    path = database_file(db)
    metadata = facets_for_size(datasette_metadata(path.stem), path.stem, path)
    plugin = metadata.setdefault("plugins", {}).setdefault("timeline", {})
    plugin["allowed_hosts"] = allowed_hosts(host, allow_hosts)
    if review_seeds is not None:
        plugin["review"] = review_config(review_seeds, path)
    return Datasette(files=[str(path)], metadata=metadata, settings=SETTINGS)


def ensure_port_free(host: str, port: int) -> None:
    """Refuse, before anything is printed, a port another program already listens on."""
    try:
        addresses = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise TimelineError(Problem(f"cannot serve on host {host!r}: {error.strerror}")) from None
    for family, kind, protocol, _, address in addresses:
        with socket.socket(family, kind, protocol) as probe:
            # As uvicorn binds: a port left in TIME_WAIT by a stopped server is free.
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            try:
                probe.bind(address)
            except OSError as error:
                raise TimelineError(
                    Problem(
                        f"cannot serve on {host}:{port}: {error.strerror}"
                        + (
                            " (another server, or another `timeline serve`, uses it)"
                            if error.errno == errno.EADDRINUSE
                            else ""
                        ),
                        hint=f"pass another port, e.g. `timeline serve --port {port + 1}`",
                    )
                ) from None


def run_datasette(datasette: Datasette, host: str, port: int) -> None:
    import uvicorn

    asyncio.run(datasette.invoke_startup())
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning")
