"""Read, check and write the curated rows of the files a plan re-reads, a batch at a time.

This is the one way a load validates records, for a full plan (every file, into empty
tables) and an incremental one (the changed files, then the unchanged files that
depend on them, into tables that hold everything else).

Holding a whole seeds folder in memory (records, rows and article texts) took about
1 GiB per 100,000 events. A batch holds its files, the few articles its quotes cite,
and the actors' aliases; everything already written lives in the database, inside
the load's one transaction. Each file is read once: its bytes are hashed (what the
plan stage records) and parsed from the same read.

A batch is checked like a small corpus, except for references to actors, places and
events in other files: those are checked in SQL once every file is written, so files
may refer to each other in any order. Articles go first, so each quote and evidence
excerpt is found verbatim in its article as its batch is read.

Problems are not worded here. A batch with any problem, a batch whose ids collide
with rows already written, and a file whose references lead nowhere are only
*flagged*. At the end the flagged files are validated again, with line numbers,
against everything else already in the database (``stored.prior_records``), which
words every problem exactly as a load of a small folder would; the caller's
transaction then rolls back. Only a load with problems pays for that.
"""

from __future__ import annotations

from collections import ChainMap
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import Connection, text

from ..errors import SeedError
from ..refusals import RecordRefused
from ..seeds import file_kind, read_paths, read_seed_files, seed_path
from ..validate import Corpus, PriorRecords, Validator, validate
from ..vocabulary import vocabulary_rows
from ..write import insert_rows
from .replace import delete_owned_rows, select_in
from .stored import StoredAliasOwners, StoredSources, prior_records

# The kinds of record other files refer to (quotes and figures are referred to by none).
DEFINED_KINDS = ("actors", "places", "events")

# A batch is read, validated and written together: big enough that executemany
# dominates, small enough that memory stays flat (a few MB of YAML).
ARTICLE_BATCH_FILES = 200
RECORD_BATCH_BYTES = 4_000_000

# Seed files whose rows refer to an actor, place or event that no file defined:
# (query, the column naming the row's seed file, for a load that looks only at the
# files it wrote).
DANGLING_REFERENCES = (
    (
        "SELECT DISTINCT e.seed_file FROM event_actors ea JOIN events e ON e.id = ea.event_id"
        " WHERE NOT EXISTS (SELECT 1 FROM actors a WHERE a.id = ea.actor_id)",
        "e.seed_file",
    ),
    (
        "SELECT DISTINCT seed_file FROM events e WHERE e.place_id IS NOT NULL"
        " AND NOT EXISTS (SELECT 1 FROM places p WHERE p.id = e.place_id)",
        "e.seed_file",
    ),
    (
        "SELECT DISTINCT seed_file FROM quotes q WHERE q.speaker_id IS NOT NULL"
        " AND NOT EXISTS (SELECT 1 FROM actors a WHERE a.id = q.speaker_id)",
        "q.seed_file",
    ),
    (
        "SELECT DISTINCT seed_file FROM quotes q WHERE q.event_id IS NOT NULL"
        " AND NOT EXISTS (SELECT 1 FROM events e WHERE e.id = q.event_id)",
        "q.seed_file",
    ),
    (
        "SELECT DISTINCT seed_file FROM figures f WHERE f.actor_id IS NOT NULL"
        " AND NOT EXISTS (SELECT 1 FROM actors a WHERE a.id = f.actor_id)",
        "f.seed_file",
    ),
    (
        "SELECT DISTINCT seed_file FROM figures f WHERE f.event_id IS NOT NULL"
        " AND NOT EXISTS (SELECT 1 FROM events e WHERE e.id = f.event_id)",
        "f.seed_file",
    ),
)


class CuratedWriter:
    """The state the curated stage carries from batch to batch.

    ``everything``: the plan re-reads every file, so the reference check looks at every
    row; otherwise only at the rows of the files written here. ``contents``: bytes the
    scan already read, taken instead of reading those files again.
    """

    def __init__(
        self,
        connection: Connection,
        seeds_dir: Path,
        everything: bool,
        contents: dict[str, bytes] | None = None,
    ):
        self.connection, self.seeds_dir, self.everything = connection, seeds_dir, everything
        self.contents = contents if contents is not None else {}
        self.flagged: set[str] = set()
        self.written: set[str] = set()
        self.warnings: list[str] = []
        self.alias_owners: dict[str, str] = {}
        self.articles_read = 0
        # What the files define as parsed, valid or not (which ids are gone), and
        # the SHA-256 of the bytes each was parsed from.
        # (Not kept for a full plan: every file is read, no file depends on them.)
        self.new_ids: dict[str, set[str]] = {kind: set() for kind in DEFINED_KINDS}
        self.hashes: dict[str, str] = {}

    def write_vocabularies(self) -> None:
        """Once, before any batch: each batch's corpus then leaves them out."""
        insert_rows(self.connection, Corpus(**vocabulary_rows()))

    def write_files(self, files: Iterable[str], progress=None) -> None:
        """Read, check and write these seed files (seed paths), articles first."""
        paths = [self.seeds_dir / relative for relative in sorted(files, key=_path_order)]
        articles = [path for path in paths if file_kind(path) == "article"]
        ordered = articles + [path for path in paths if file_kind(path) == "records"]
        self.articles_read += len(articles)
        shown = progress(ordered, "Loading seed files") if progress else ordered
        batch: list[Path] = []
        size = 0
        for path in shown:
            # Articles first (records cite them), then records; a batch never mixes them.
            if batch and file_kind(batch[0]) != file_kind(path):
                self.write_batch(batch)
                batch, size = [], 0
            batch.append(path)
            size += path.stat().st_size
            if (file_kind(path) == "article" and len(batch) >= ARTICLE_BATCH_FILES) or (
                file_kind(path) == "records" and size >= RECORD_BATCH_BYTES
            ):
                self.write_batch(batch)
                batch, size = [], 0
        if batch:
            self.write_batch(batch)

    def write_batch(self, paths: list[Path]) -> None:
        """Validate and write a batch; on any problem, each of its files on its own,
        so only the files with a problem are flagged."""
        if not self._write(paths) and len(paths) > 1:
            for path in paths:
                self._write([path])

    def _write(self, paths: list[Path]) -> bool:
        files = {seed_path(path, self.seeds_dir) for path in paths}
        self.written |= files
        # Looked up afresh for each batch: the sources written since would be
        # remembered as missing.
        sources = StoredSources(self.connection, set(), self.seeds_dir)
        # An incremental plan's files meet the spellings of the actors left in the
        # database too (a full plan's are all in ``alias_owners``: it wrote them).
        owners = (
            self.alias_owners
            if self.everything
            else ChainMap(self.alias_owners, StoredAliasOwners(self.connection, set()))
        )
        prior = PriorRecords(alias_owners=owners, sources=sources)
        prior.ids["sources"] = sources
        try:
            seeds = read_paths(
                paths, self.seeds_dir, located=False, contents=self.contents, hashes=self.hashes
            )
        except (SeedError, RecursionError):
            if len(paths) == 1:
                self.flagged |= files
            return False
        for kind in () if self.everything else DEFINED_KINDS:
            self.new_ids[kind].update(
                entry.data.get("id")
                for entry in seeds.records[kind]
                if isinstance(entry.data.get("id"), str)
            )
        try:
            corpus = Validator(seeds, prior, references_checked_later=True).run()
        except (SeedError, RecursionError):
            if len(paths) == 1:
                self.flagged |= files
            return False
        corpus.event_types, corpus.actor_types = [], []
        try:
            insert_rows(self.connection, corpus)
        except RecordRefused:
            # An id an earlier batch (or an unchanged file) already wrote: insert_rows
            # undid this batch.
            if len(paths) == 1:
                self.flagged |= files
            return False
        self.warnings += corpus.warnings
        self.alias_owners.update(
            (row["alias_key"], row["actor_id"]) for row in corpus.actor_aliases
        )
        return True

    def flag_dangling_references(self) -> None:
        for sql, seed_file in DANGLING_REFERENCES:
            if self.everything:
                rows = self.connection.execute(text(sql))
            else:
                rows = select_in(self.connection, f"{sql} AND {seed_file} IN :ids", self.written)
            self.flagged.update(row[0] for row in rows)

    def report_flagged(self) -> None:
        """Validate the flagged files again, against everything else in the database,
        and raise what that finds (with line numbers, as any load words it)."""
        if not self.flagged:
            return
        delete_owned_rows(self.connection, self.flagged)
        seeds = read_seed_files(self.seeds_dir, only=self.flagged)
        prior = prior_records(self.connection, self.flagged, self.seeds_dir)
        corpus = validate(seeds, prior)
        corpus.event_types, corpus.actor_types = [], []
        # What validation finds no fault in but the database still refuses (a value
        # longer than a PostgreSQL column) is named at its file and record here.
        insert_rows(self.connection, corpus, self.seeds_dir)
        self.warnings += corpus.warnings

    def finish(self) -> list[str]:
        """Check what every written file refers to, word the problems of the flagged
        ones (raising SeedError), and return the warnings."""
        self.flag_dangling_references()
        self.report_flagged()
        return self.warnings


def _path_order(relative: str) -> list[str]:
    return relative.split("/")
