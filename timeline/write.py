"""Writing validated rows in bulk, inside the caller's transaction."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import Connection, insert
from sqlalchemy.exc import DataError, IntegrityError

from .models import Base
from .refusals import first_refused_row, refusal
from .validate import Corpus


def insert_rows(
    connection: Connection, corpus: Corpus, seeds_dir: Path | None = None
) -> dict[str, int]:
    """Insert every row of the corpus; return rows written per table.

    Rows go in through Core ``insert()`` executemany: ORM objects are ~8x slower. A row
    the database refuses raises a SeedError naming its record (and, given ``seeds_dir``,
    the file and line it is written at), never a bare database message; the rows of
    this call are then undone, and the caller's transaction stays usable.
    """
    tables = Base.metadata.tables
    counts: dict[str, int] = {}
    written = corpus.tables()
    table, rows = None, []
    try:
        # A savepoint: after a refusal PostgreSQL accepts no statement until it is undone.
        with connection.begin_nested():
            for name, rows in written.items():
                table = tables[name]
                if rows:
                    rows = complete_rows(table, rows)
                    _insert(connection, table, rows)
                counts[name] = len(rows)
    except (IntegrityError, DataError) as error:
        # What a row itself can cause. A locked file, a full disk or a lost server
        # (OperationalError) is no fault of a record: it goes up as it is.
        if table is None or not rows:
            raise
        raise _refused(connection, table, rows, error, written, seeds_dir) from None
    return counts


def _insert(connection: Connection, table, rows: list[dict[str, Any]]) -> None:
    if connection.dialect.name == "sqlite":
        _insert_tuples(connection, table, rows)
    else:
        connection.execute(insert(table), rows)


def _refused(connection, table, rows, error, written, seeds_dir):
    """The problem naming the first row of ``rows`` the database refuses."""

    def insert_some(some: list[dict[str, Any]]) -> None:
        _insert(connection, table, some)

    found = first_refused_row(connection, table, insert_some, rows)
    if found is None:  # refused only together with rows of other tables: name the first
        found = rows[0], error, None
    row, row_error, holder = found
    refused = refusal(connection, table, row, row_error, holder, written)
    return refused.located(seeds_dir) if seeds_dir is not None else refused


def _insert_tuples(connection: Connection, table, rows: list[dict[str, Any]]) -> None:
    """SQLite: straight to the driver's executemany with tuples. Core's per-row
    parameter processing cost a third as much again as the insert itself, and SQLite
    needs no type conversion that sqlite3 does not already do."""
    columns = list(rows[0])
    names = ", ".join(f'"{column}"' for column in columns)
    marks = ", ".join("?" * len(columns))
    connection.exec_driver_sql(
        f'INSERT INTO "{table.name}" ({names}) VALUES ({marks})',
        [tuple(row[column] for column in columns) for row in rows],
    )


def complete_rows(table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give every row every column: executemany takes its columns from the first row,
    and curated and extracted rows do not always carry the same optional keys."""
    defaults = {column.name: _default(column) for column in table.columns}
    if all(row.keys() == defaults.keys() for row in rows):
        return rows
    return [{**defaults, **row} for row in rows]


def _default(column) -> Any:
    if column.default is not None and column.default.is_scalar:
        return column.default.arg
    if column.server_default is not None:
        return getattr(column.server_default.arg, "text", column.server_default.arg)
    return None
