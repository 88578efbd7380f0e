"""``timeline query``: run SQL on a read-only connection and format the rows."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, OperationalError

from .database import create_db_engine, resolve_database_url, sqlite_path
from .errors import Problem, TimelineError
from .safe_output import spreadsheet_row

FORMATS = ("table", "csv", "json")


def run_query(sql: str, db: str | None = None, params: dict | None = None):
    """(column names, rows) of a SELECT, on a connection that cannot write."""
    url = resolve_database_url(db)
    path = sqlite_path(url)
    if path is not None and not path.exists():
        raise TimelineError(
            Problem(f"database {str(path)!r} does not exist", hint="run `timeline load` first")
        )
    engine = create_db_engine(url, read_only=True)
    try:
        with engine.connect() as connection:
            result = connection.execute(text(sql), params or {})
            if not result.returns_rows:
                return [], []
            return list(result.keys()), [tuple(row) for row in result]
    except (OperationalError, DBAPIError) as error:
        message = str(error.orig)
        hint = None
        if "readonly" in message.replace(" ", "").lower() or "read-only" in message.lower():
            hint = "`timeline query` is read-only; change the seeds and run `timeline load`"
        raise TimelineError(Problem(f"query failed: {message}", hint=hint)) from None
    finally:
        engine.dispose()


def _plain(value: Any) -> Any:
    """Whole-number floats print as integers: 410000000, not 4.1e+08 or 410000000.0."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e18:
        return int(value)
    return value


def format_rows(
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    fmt: str,
    *,
    spreadsheet_safe: bool = False,
) -> str:
    """The rows as a table, CSV or JSON text ending in a newline.

    ``spreadsheet_safe`` (CSV only): cells that a spreadsheet would run as a formula
    start with an apostrophe (``safe_output.spreadsheet_cell``); without it every value
    is written exactly as stored.
    """
    rows = [tuple(_plain(value) for value in row) for row in rows]
    if fmt == "json":
        text = json.dumps(
            [dict(zip(columns, row, strict=True)) for row in rows],
            ensure_ascii=False,
            indent=2,
            default=str,
        )
        return text + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        if spreadsheet_safe:
            writer.writerow(spreadsheet_row(columns))
            writer.writerows(spreadsheet_row(row) for row in rows)
        else:
            writer.writerow(columns)
            writer.writerows(rows)
        return buffer.getvalue()
    from tabulate import tabulate  # installed with sqlite-utils

    return tabulate(rows, headers=list(columns), tablefmt="simple") + "\n"
