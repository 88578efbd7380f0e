"""When the database refuses a row: find which one, and name the seed file and record it came from.

Validation checks every record before it is written, so a refusal means something
validation cannot see: a row put into the database by other means with an id a seed
file now uses, a value longer than a PostgreSQL column holds (SQLite has no lengths),
or a bug in the loader. The database's own message names a constraint ("UNIQUE
constraint failed: actors.id"), never a record. ``first_refused_row`` finds the row,
and ``RecordRefused`` words it as a problem at the record's file and line.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, String, Table, and_, select
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError

from .errors import Problem, SeedError
from .models import Base
from .seeds import display_path, read_seed_files

# table -> (what its rows are called, the column naming the record a row belongs to).
# Links, aliases and inferences belong to the record that wrote them.
RECORDS = {
    "sources": ("source", "id"),
    "source_inferences": ("source", "source_id"),
    "source_boilerplate": ("source", "source_id"),
    "actors": ("actor", "id"),
    "actor_aliases": ("actor", "actor_id"),
    "places": ("place", "id"),
    "events": ("event", "id"),
    "event_actors": ("event", "event_id"),
    "event_sources": ("event", "event_id"),
    "quotes": ("quote", "id"),
    "figures": ("figure", "id"),
}
OWNER_TABLES = {kind: f"{kind}s" for kind, _ in RECORDS.values()}
# What part of its record a child row is, for the message.
DETAILS = {
    "actor_aliases": lambda row: f"alias {row['alias']!r}",
    "event_actors": lambda row: f"actor {row['actor_id']!r} as {row['role']!r}",
    "event_sources": lambda row: f"evidence in source {row['source_id']!r}",
    "source_inferences": lambda row: f"inferred {row['field']}",
    "source_boilerplate": lambda row: f"boilerplate at offset {row['start_offset']}",
}


class RecordRefused(SeedError):
    """The database refused a row; the problem names the record, and its file and line
    once ``located`` is given the seeds folder."""

    def __init__(self, problem: Problem, kind: str, record_id: str, seed_file: str | None):
        super().__init__(problem)
        self.kind, self.record_id, self.seed_file = kind, record_id, seed_file

    def located(self, seeds_dir: Path) -> SeedError:
        """The same problem at the file and line where the record is written."""
        problem = self.problems[0]
        if self.seed_file is None or not (seeds_dir / self.seed_file).is_file():
            return self
        file, line = display_path(seeds_dir / self.seed_file, seeds_dir), None
        try:
            seeds = read_seed_files(seeds_dir, only={self.seed_file})
        except SeedError:
            seeds = None
        if seeds is not None and self.kind == "source":
            line = next((a.front_matter_line for a in seeds.articles), None)
        elif seeds is not None:
            line = next(
                (
                    entry.line
                    for entry in seeds.records[OWNER_TABLES[self.kind]]
                    if entry.data.get("id") == self.record_id
                ),
                None,
            )
        return SeedError(
            Problem(problem.message, file=file, line=line, record=problem.record, hint=problem.hint)
        )


def first_refused_row(
    connection: Connection, table: Table, insert: Callable[[list[dict]], None], rows: list[dict]
) -> tuple[dict, DBAPIError, dict | None] | None:
    """The first row the database refuses after the rows before it, with its error and
    the row already holding its key (if any). Found by halving: each try runs in a
    savepoint, and everything is undone before returning."""
    outer = connection.begin_nested()
    try:
        candidates = rows
        while len(candidates) > 1:
            half = len(candidates) // 2
            try:
                with connection.begin_nested():
                    insert(candidates[:half])
            except (IntegrityError, DataError):
                candidates = candidates[:half]
            else:  # kept: the refused row may collide with one of these
                candidates = candidates[half:]
        try:
            with connection.begin_nested():
                insert(candidates)
        except (IntegrityError, DataError) as error:
            # Looked up before the undo: the holder may be a row written just before.
            return candidates[0], error, holder_of_key(connection, table, candidates[0])
        return None
    finally:
        outer.rollback()


def holder_of_key(connection: Connection, table: Table, row: dict) -> dict | None:
    """The row already stored under this row's primary key, if there is one."""
    key = [column == row[column.name] for column in table.primary_key.columns]
    found = connection.execute(select(table).where(and_(*key))).mappings().first()
    return dict(found) if found is not None else None


def refusal(
    connection: Connection,
    table: Table,
    row: dict,
    error: DBAPIError,
    holder: dict | None,
    written: dict[str, list[dict]],
) -> RecordRefused:
    """The problem to show for a refused row. ``written``: the rows being written with
    it, by table, where a child row's record and an extracted row's source are found."""
    kind, id_column = RECORDS.get(table.name, (table.name, None))
    record_id = row.get(id_column) if id_column else None
    owner = _owner_row(connection, kind, record_id, row, table.name, written)
    extracted = (owner or row).get("origin") == "extracted"
    seed_file = (owner or {}).get("seed_file")
    what = f"{'extracted ' if extracted else ''}{kind} {record_id!r}"
    if table.name in DETAILS:
        what = f"{what}, {DETAILS[table.name](row)}"
    reason, hint = _reason(table, row, error, holder)
    message = f"the database refused {what}: {reason}"
    if extracted:
        source = _extracted_from(kind, record_id, row, written)
        file = _source_file(connection, source, written) if source else None
        message += f" (extracted from source {source!r})" if source else ""
        hint = hint or "this is a bug in the extractor; load with --no-extract meanwhile"
        problem = Problem(message, file=file, hint=hint)
        return RecordRefused(problem, kind, record_id, None)
    return RecordRefused(Problem(message, hint=hint), kind, record_id, seed_file)


def _reason(table: Table, row: dict, error: DBAPIError, holder: dict | None) -> tuple[str, str]:
    too_long = [
        (column.name, len(row[column.name]), column.type.length)
        for column in table.columns
        if isinstance(column.type, String)
        and column.type.length
        and isinstance(row.get(column.name), str)
        and len(row[column.name]) > column.type.length
    ]
    if too_long:
        name, length, limit = too_long[0]
        return (
            f"{name} is {length} characters long; the database holds at most {limit}",
            f"shorten {name} to {limit} characters or fewer",
        )
    if holder is not None:
        return (
            f"its key is already taken by {_describe_holder(holder)}",
            "ids must be unique across the seeds folder and the database; rename one",
        )
    detail = getattr(getattr(error.orig, "diag", None), "message_primary", None)
    return (detail or str(error.orig).splitlines()[0]), None


def _describe_holder(holder: dict) -> str:
    if holder.get("origin") == "extracted":
        return "an extracted row"
    if holder.get("seed_file"):
        return f"a row from seed file {holder['seed_file']!r}"
    return "a row no seed file holds (written into the database by other means)"


def _owner_row(connection, kind, record_id, row, table_name, written) -> dict | None:
    """The row of the record a refused row belongs to: itself, or its parent."""
    owner_table = OWNER_TABLES.get(kind)
    if owner_table is None or owner_table == table_name:
        return row
    for candidate in written.get(owner_table, []):
        if candidate.get("id") == record_id:
            return candidate
    parent = Base.metadata.tables[owner_table]
    found = connection.execute(select(parent).where(parent.c.id == record_id)).mappings().first()
    return dict(found) if found is not None else None


def _extracted_from(kind: str, record_id: str, row: dict, written) -> str | None:
    """The source an extracted row was found in."""
    if row.get("source_id"):
        return row["source_id"]
    if kind == "event":
        links = written.get("event_sources", [])
        return next((link["source_id"] for link in links if link["event_id"] == record_id), None)
    if kind == "actor":
        for quote in written.get("quotes", []):
            if quote.get("speaker_id") == record_id:
                return quote["source_id"]
        events = {
            link["event_id"]
            for link in written.get("event_actors", [])
            if link["actor_id"] == record_id
        }
        for link in written.get("event_sources", []):
            if link["event_id"] in events:
                return link["source_id"]
    return None


def _source_file(connection, source_id: str, written) -> str | None:
    for source in written.get("sources", []):
        if source["id"] == source_id:
            return source["file_path"]
    sources = Base.metadata.tables["sources"]
    return connection.execute(select(sources.c.file_path).where(sources.c.id == source_id)).scalar()


def refuse_dangling_references(
    connection: Connection, defined: dict[str, dict[str, str]], seeds_dir: Path
) -> None:
    """Raise a SeedError when a row still refers to a record this load took away.

    ``defined``: per table, id -> seed file of the records the re-read files defined
    before the load. Validation re-reads every seed file that refers to them, so only
    rows no seed file holds can be left pointing at nothing; the database would refuse
    the commit with a bare "FOREIGN KEY constraint failed".
    """
    problems = []
    for parent_name, ids in defined.items():
        if not ids:
            continue
        parent = Base.metadata.tables[parent_name]
        still = set(_values_in(connection, parent, parent.c.id, sorted(ids), [parent.c.id]))
        gone = sorted(set(ids) - {row.id for row in still})
        if not gone:
            continue
        for child in Base.metadata.sorted_tables:
            for key in child.foreign_keys:
                if key.column.table is not parent:
                    continue
                column = key.parent
                for row in _values_in(connection, child, column, gone, list(child.columns)):
                    row = dict(row._mapping)
                    removed = row[column.name]
                    kind, id_column = RECORDS.get(child.name, (child.name, None))
                    what = f"{kind} {row.get(id_column)!r}" if id_column else child.name
                    if child.name in DETAILS:
                        what = f"{what}, {DETAILS[child.name](row)}"
                    owner = _owner_row(connection, kind, row.get(id_column), row, child.name, {})
                    problems.append(
                        Problem(
                            f"{RECORDS[parent_name][0]} {removed!r} is no longer defined, but "
                            f"{what}, {_describe_holder(owner or row)}, still refers to it",
                            file=display_path(seeds_dir / ids[removed], seeds_dir),
                            hint="define it again, or delete the row that refers to it",
                        )
                    )
    if problems:
        raise SeedError(problems)


def _values_in(connection: Connection, table: Table, column, values: list[str], columns):
    """Rows of ``table`` whose ``column`` is one of ``values``, a chunk at a time."""
    for start in range(0, len(values), 5000):
        chunk = values[start : start + 5000]
        yield from connection.execute(select(*columns).where(column.in_(chunk)))
