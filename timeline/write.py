"""Writing validated rows in bulk, inside the caller's transaction."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, insert

from .models import Base
from .validate import Corpus


def insert_rows(connection: Connection, corpus: Corpus) -> dict[str, int]:
    """Insert every row of the corpus; return rows written per table.

    Rows go in through Core ``insert()`` executemany: ORM objects are ~8x slower.
    """
    tables = Base.metadata.tables
    counts = {}
    for name, rows in corpus.tables().items():
        if rows:
            rows = complete_rows(tables[name], rows)
            if connection.dialect.name == "sqlite":
                _insert_tuples(connection, tables[name], rows)
            else:
                connection.execute(insert(tables[name]), rows)
        counts[name] = len(rows)
    return counts


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
