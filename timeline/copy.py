"""``timeline db copy``: copy a database (say, the team's PostgreSQL) into a SQLite file.

Datasette serves SQLite files; a team that keeps its timeline in PostgreSQL copies it
to a file to browse or publish it.
"""

from __future__ import annotations

from itertools import islice

from sqlalchemy import insert, select

from .database import (
    create_db_engine,
    current_revision,
    head_revision,
    resolve_database_url,
    sqlite_path,
    transaction,
    upgrade,
)
from .errors import Problem, TimelineError
from .models import Base

BATCH_ROWS = 5000


def copy_database(source_db: str | None, target_file: str) -> dict[str, int]:
    """Copy every row of every table into a new SQLite file at the newest revision."""
    source_url = resolve_database_url(source_db)
    target_url = resolve_database_url(target_file)
    target_path = sqlite_path(target_url)
    if target_path is None:
        raise TimelineError(Problem("the copy's target must be a SQLite file path"))
    if target_path.exists():
        raise TimelineError(
            Problem(f"{str(target_path)!r} already exists", hint="remove it or pick a new name")
        )
    source = create_db_engine(source_url, read_only=True)
    counts: dict[str, int] = {}
    try:
        with source.connect() as reader:
            revision = current_revision(reader)
            if revision != head_revision():
                raise TimelineError(
                    Problem(
                        f"the source database is at revision {revision}, not {head_revision()}",
                        hint="run `timeline db upgrade --db ...` on it first",
                    )
                )
            with transaction(target_url) as writer:
                upgrade(writer, target_url)
                for table in Base.metadata.sorted_tables:
                    rows = reader.execute(select(table)).mappings()
                    counts[table.name] = 0
                    while batch := [dict(row) for row in islice(rows, BATCH_ROWS)]:
                        writer.execute(insert(table), batch)
                        counts[table.name] += len(batch)
    except TimelineError:
        if target_path.exists():
            target_path.unlink()
        raise
    finally:
        source.dispose()
    return counts
