"""Turning a table page's query string into a streamed CSV of every row it selects.

The Datasette plugin serves this at ``/<database>/-/export/<table>.csv`` and links to it
from table pages ("Export every matching row as CSV"); this module holds everything in
between: which arguments are understood, the WHERE clause and order they stand for, and
the rows read back a chunk at a time on Datasette's read-only connection.
"""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from array import array
from urllib.parse import quote, urlencode

from datasette.database import QueryInterrupted
from datasette.filters import Filters
from datasette.plugins import pm
from datasette.tracer import trace
from datasette.utils import (
    LimitedWriter,
    WriteLimitExceeded,
    await_me_maybe,
    escape_sqlite,
    sqlite_timelimit,
    tilde_decode,
)
from datasette.utils.asgi import AsgiStream, BadRequest, NotFound
from datasette.views.base import ureg

from ..safe_output import spreadsheet_row

# Datasette's own streamed CSV (/<db>/events.csv?_stream=on) re-runs its table page
# for every 100 rows (1,000 with _size=max): at a million events, 10,000 filtered
# rows took 1.7 s, because each page looked for its rows along the sort_key index.
# This export takes the same filters, finds every matching row in one query, then
# reads them in chunks: 10,000 rows in a few tens of milliseconds. Each query runs on
# Datasette's read-only connection under its SQL time limit.

# Query-string arguments of Datasette's table pages that the export understands.
# _search, _where and _through are read by Datasette's own filters_from_request hooks;
# the others only ask for what the export does anyway (every row, streamed).
EXPORT_ARGUMENTS = {"_search", "_searchmode", "_where", "_through", "_sort", "_sort_desc",
                    "_stream", "_size", "_nofacet", "_nocount", "_dl", "_header",
                    "_spreadsheet"}  # fmt: skip
# ?_spreadsheet=1: the CSV for spreadsheets, where a cell that would start a formula
# (=, +, -, @) begins with an apostrophe (``safe_output.spreadsheet_cell``). Without
# it the CSV holds every value exactly as stored, for programs and data work.
SPREADSHEET_ARGUMENT = "_spreadsheet"


def export_url(datasette, database: str, table: str, request=None) -> str:
    """The export of ``table``, keeping the filters of the table page being viewed."""
    url = f"{datasette.urls.database(database)}/-/export/{quote(table, safe='')}.csv"
    if request is None:
        return url
    kept = [
        (key, value)
        for key in request.args
        for value in request.args.getlist(key)
        if key in EXPORT_ARGUMENTS or not key.startswith("_") or "__" in key
    ]
    return f"{url}?{urlencode(kept)}" if kept else url


async def matching_rows_csv(datasette, request, db) -> AsgiStream:
    """Every row of the table in the URL that the filters select, as CSV, in the table
    page's order. ``db`` is the requested database, already checked by the caller."""
    table = tilde_decode(request.url_vars["table"])
    if not await db.table_exists(table):
        raise NotFound(f"Table not found: {table}")
    await datasette.ensure_permissions(
        request.actor,
        [("view-table", (db.name, table)), ("view-database", db.name), "view-instance"],
    )
    if not datasette.setting("allow_csv_stream"):
        raise BadRequest("CSV streaming is disabled")
    unknown = sorted(
        key for key in request.args
        if key.startswith("_") and "__" not in key and key not in EXPORT_ARGUMENTS
        and not key.startswith("_search_")
    )  # fmt: skip
    if unknown:
        raise BadRequest(
            f"{', '.join(unknown)} not supported by this export; "
            f"use {datasette.urls.table(db.name, table)}.csv for those"
        )
    where, params = await _export_filters(datasette, request, db, table)
    order = await _export_order(datasette, request, db, table)
    rowids = await _matching_rowids(datasette, db, table, where, params, order)
    columns = await db.table_column_details(table)
    for_spreadsheets = request.args.get(SPREADSHEET_ARGUMENT) not in (None, "", "0", "off")
    # A download, named after the table, whatever the browser would make of text/csv.
    name = "".join(char if char.isalnum() or char in "-_." else "_" for char in table)
    name = f"{name}-for-spreadsheets.csv" if for_spreadsheets else f"{name}.csv"
    headers = {"content-disposition": f'attachment; filename="{name}"'}
    content_type = "text/csv; charset=utf-8"
    write_csv = _spreadsheet_csv_text if for_spreadsheets else _csv_text

    async def stream(writer):
        limited = LimitedWriter(writer, datasette.setting("max_csv_mb"))
        try:
            if request.args.get("_header") != "off":
                await limited.write(write_csv([[column.name for column in columns]]))
            chunk = datasette.setting("max_returned_rows") or 1000
            for start in range(0, len(rowids), chunk):
                await limited.write(
                    await _csv_of_rows(
                        datasette, db, table, columns, rowids[start : start + chunk], write_csv
                    )
                )
        except (QueryInterrupted, WriteLimitExceeded) as error:
            # The status line has gone out; say why the file ends here, as Datasette does.
            await writer.write(f"\nError: {error}\n")

    return AsgiStream(stream, headers=headers, content_type=content_type)


async def _export_filters(datasette, request, db, table) -> tuple[str, dict]:
    """WHERE clause and parameters from the table page's filter arguments
    (column__lookup=value) and Datasette's own filter hooks (_search, _where, _through)."""
    filter_args = [
        (key, value)
        for key in request.args
        if not (key.startswith("_") and "__" not in key)
        for value in request.args.getlist(key)
    ]
    units = datasette.table_metadata(db.name, table).get("units", {})
    filters = Filters(sorted(filter_args), units, ureg)
    # Datasette's table page lets these through: SQLite reads an unknown "column" as a
    # string and the filter matches every row (or is dropped, for an unknown lookup).
    # An export that silently ignores a filter is worse than one that says no.
    columns = {*await db.table_columns(table), "rowid"}
    for column, lookup, _ in filters.selections():
        if column not in columns:
            raise BadRequest(f"Cannot filter by {column}: {table} has no such column")
        if lookup not in filters._filters_by_key:
            raise BadRequest(f"Unknown filter {column}__{lookup}")
    clauses, params = filters.build_where_clauses(table)
    for hook in pm.hook.filters_from_request(
        request=request, table=table, database=db.name, datasette=datasette
    ):
        arguments = await await_me_maybe(hook)
        if arguments:
            clauses.extend(arguments.where_clauses)
            params.update(arguments.params)
    return (f"WHERE {' AND '.join(clauses)}" if clauses else ""), params


async def _export_order(datasette, request, db, table) -> list[tuple[str, bool]]:
    """(column, descending) pairs: the table page's sort (?_sort, ?_sort_desc or the
    metadata's), then the primary key (or rowid), so the order is complete."""
    metadata = datasette.table_metadata(db.name, table)
    sort, sort_desc = request.args.get("_sort"), request.args.get("_sort_desc")
    if not sort and not sort_desc:
        sort, sort_desc = metadata.get("sort"), metadata.get("sort_desc")
    if sort and sort_desc:
        raise BadRequest("Cannot use _sort and _sort_desc at the same time")
    keys = [(pk, False) for pk in await db.primary_keys(table)] or [("rowid", False)]
    column = sort or sort_desc
    if column:
        sortable = metadata.get("sortable_columns") or await db.table_columns(table)
        if column not in sortable:
            raise BadRequest(f"Cannot sort table by {column}")
        keys.insert(0, (column, bool(sort_desc)))
    return keys


async def _matching_rowids(datasette, db, table, where, params, order) -> array:
    """The rowids of every matching row, in order, from one query under the time limit.

    Only rowids are kept (8 bytes a row), so a million-row export holds 8 MB, not the
    rows; the rows are read a chunk at a time while the CSV is written.
    """
    # Matches first, then sort them. Left to itself, SQLite (no statistics on how
    # selective a filter is) walks the whole sort_key index to avoid a sort: 1 s for
    # 10,000 of a million events, against 6 ms this way; 0.7 s for all of them.
    columns = list(dict.fromkeys(column for column, _ in order))
    selected = ", ".join(["rowid AS export_rowid_", *map(escape_sqlite, columns)])
    keys = ", ".join(
        ("export_rowid_" if column == "rowid" else escape_sqlite(column))
        + (" DESC" if descending else "")
        for column, descending in order
    )
    sql = (
        f"WITH matching AS MATERIALIZED (SELECT {selected} FROM {escape_sqlite(table)} "
        f"{where}) SELECT export_rowid_ FROM matching ORDER BY {keys}"
    )
    try:
        return await _read(
            datasette, db, sql, params, lambda cursor: array("q", (row[0] for row in cursor))
        )
    except QueryInterrupted:
        raise BadRequest(
            "Finding the rows took longer than the SQL time limit "
            f"({datasette.setting('sql_time_limit_ms')} ms); narrow the filters, "
            "or use `timeline export` on the command line"
        ) from None
    except sqlite3.Error as error:  # a _where that is not SQL, ...
        raise BadRequest(f"Cannot export: {error}") from None


async def _csv_of_rows(datasette, db, table, columns, rowids, write_csv) -> str:
    """CSV lines of the rows with these rowids, in the order given: one query, one
    parameter. BLOB columns are written as hex (a timeline database has none)."""
    selected = ", ".join(
        f"hex(t.{escape_sqlite(column.name)})"
        if "BLOB" in (column.type or "").upper()
        else f"t.{escape_sqlite(column.name)}"
        for column in columns
    )
    sql = (
        f"SELECT {selected} FROM json_each(:rowids) AS j "
        f"JOIN {escape_sqlite(table)} AS t ON t.rowid = j.value ORDER BY j.key"
    )
    return await _read(datasette, db, sql, {"rowids": json.dumps(list(rowids))}, write_csv)


async def _read(datasette, db, sql, params, consume):
    """``consume(cursor)`` of one query, in Datasette's thread for the database, on its
    read-only connection, under its SQL time limit.

    Like ``Database.execute``, but the rows are consumed where they are read (written
    as CSV text, kept as rowids) rather than wrapped one by one: half the time.
    """
    limit_ms = datasette.setting("sql_time_limit_ms")

    def run(connection):
        with sqlite_timelimit(connection, limit_ms):
            try:
                return consume(connection.execute(sql, params))
            except sqlite3.OperationalError as error:
                if error.args == ("interrupted",):
                    raise QueryInterrupted(error, sql, params) from error
                raise

    with trace("sql", database=db.name, sql=sql, params=params):
        return await db.execute_fn(run)


def _csv_text(rows) -> str:
    """Rows as CSV text, as Datasette's CSV writes them (None as an empty cell)."""
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue()


def _spreadsheet_csv_text(rows) -> str:
    """CSV text in which no cell starts a spreadsheet formula."""
    return _csv_text(spreadsheet_row(row) for row in rows)
