"""Limits on what one query may make SQLite do for an anonymous reader of the server.

Datasette runs any read-only SQL a visitor types (``?sql=``) under a time limit, but
time is not size: ``select zeroblob(500000000)`` takes no time in SQLite and then 3 GB
and a minute of the server's one event loop to turn into JSON. Each connection Datasette
opens (its ``prepare_connection`` hook) gets:

* a largest value (``SQLITE_LIMIT_LENGTH``): no string or blob bigger than the largest a
  seed file could have put in the database; SQLite refuses it with "string or blob too
  big" before it exists;
* a budget per query: a cursor that has handed out more than ``RESULT_BYTES`` of values
  stops with "result too large", so a thousand rows of big values cannot add up either;
* an authorizer that refuses ``fts3_tokenizer`` (it returns a pointer into the server's
  memory, and with two arguments could install code) and the functions that make big
  values out of nothing (``zeroblob``, ``randomblob``).
"""

from __future__ import annotations

import sqlite3
import weakref

# Values above this are refused whatever the database holds... unless a seed file was
# bigger: a value may be as big as the largest file loaded (an article's text).
SMALLEST_VALUE_LIMIT = 16 * 1024 * 1024
# What one query may hand out, in bytes of its values: several copies of the largest
# article (a source row holds its text twice, as text and search_text).
RESULT_BYTES = 64 * 1024 * 1024
REFUSED_FUNCTIONS = frozenset({"fts3_tokenizer", "zeroblob", "randomblob"})


class ResultTooLarge(sqlite3.OperationalError):
    """A query's rows add up to more than the connection's budget."""


def value_limit(connection: sqlite3.Connection) -> int:
    """The largest value a query may make: the larger of SMALLEST_VALUE_LIMIT and the
    largest seed file recorded (``seed_files.size``), so every stored value can be read."""
    try:
        largest = connection.execute("SELECT max(size) FROM seed_files").fetchone()[0]
    except sqlite3.Error:  # not a timeline database, or one from before file sizes
        largest = None
    return max(SMALLEST_VALUE_LIMIT, int(largest or 0))


def _authorize(action, first, second, database, trigger):
    if action == sqlite3.SQLITE_FUNCTION and (second or "").lower() in REFUSED_FUNCTIONS:
        return sqlite3.SQLITE_DENY
    return sqlite3.SQLITE_OK


def budgeted_rows(row_factory, budget: int):
    """A row factory that builds rows with ``row_factory`` and raises ResultTooLarge once
    the rows of one cursor hold more than ``budget`` bytes of values (text and blobs by
    their length, anything else as 8)."""
    spent: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    def make_row(cursor, row):
        # Called for every row Datasette reads: kept to a loop of type checks.
        total = spent.get(cursor, 0) + 8 * len(row)
        for value in row:
            if type(value) is str or type(value) is bytes:
                total += len(value)
        if total > budget:
            raise ResultTooLarge(
                f"result too large: more than {budget // (1024 * 1024)} MB; "
                "ask for fewer rows or columns (LIMIT, substr())"
            )
        spent[cursor] = total
        return row_factory(cursor, row) if row_factory else row

    return make_row


def guard_connection(connection: sqlite3.Connection) -> None:
    """Apply the limits above to one of Datasette's connections."""
    limit = value_limit(connection)
    connection.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, limit)
    connection.set_authorizer(_authorize)
    connection.row_factory = budgeted_rows(connection.row_factory, max(RESULT_BYTES, 3 * limit))
