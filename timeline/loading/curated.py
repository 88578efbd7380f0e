"""The full load, streamed: a batch of seed files at a time is validated and written.

Holding a whole seeds folder in memory (records, rows and article texts) took about
1 GiB per 100,000 events. Streaming holds one batch of files, the few articles its
quotes cite, and the actors' aliases; everything already written lives in the
database, inside the load's one transaction.

A batch is checked like a small corpus, except for references to actors, places and
events in other files: those are checked in SQL once every file is written, so files
may refer to each other in any order. Articles go first, so each quote and evidence
excerpt is found verbatim in its article as its batch is read.

Problems are not worded here. A batch with any problem, a batch whose ids collide
with rows already written, and a file whose references lead nowhere are only
*flagged*. At the end the flagged files are validated again the way an incremental
load validates changed files (with line numbers, against everything else already in
the database), which words every problem exactly as a load of a small folder would;
the caller's transaction then rolls back. Only a load with problems pays for that.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, text

from ..errors import SeedError
from ..refusals import RecordRefused
from ..seeds import file_kind, read_paths, read_seed_files, seed_file_paths, seed_path
from ..validate import Corpus, PriorRecords, Validator, validate
from ..vocabulary import vocabulary_rows
from ..write import insert_rows
from . import plan

# A batch is read, validated and written together: big enough that executemany
# dominates, small enough that memory stays flat (a few MB of YAML).
ARTICLE_BATCH_FILES = 200
RECORD_BATCH_BYTES = 4_000_000

# Seed files whose rows refer to an actor, place or event that no file defined.
DANGLING_REFERENCES = (
    "SELECT DISTINCT e.seed_file FROM event_actors ea JOIN events e ON e.id = ea.event_id"
    " WHERE NOT EXISTS (SELECT 1 FROM actors a WHERE a.id = ea.actor_id)",
    "SELECT DISTINCT seed_file FROM events e WHERE e.place_id IS NOT NULL"
    " AND NOT EXISTS (SELECT 1 FROM places p WHERE p.id = e.place_id)",
    "SELECT DISTINCT seed_file FROM quotes q WHERE q.speaker_id IS NOT NULL"
    " AND NOT EXISTS (SELECT 1 FROM actors a WHERE a.id = q.speaker_id)",
    "SELECT DISTINCT seed_file FROM quotes q WHERE q.event_id IS NOT NULL"
    " AND NOT EXISTS (SELECT 1 FROM events e WHERE e.id = q.event_id)",
    "SELECT DISTINCT seed_file FROM figures f WHERE f.actor_id IS NOT NULL"
    " AND NOT EXISTS (SELECT 1 FROM actors a WHERE a.id = f.actor_id)",
    "SELECT DISTINCT seed_file FROM figures f WHERE f.event_id IS NOT NULL"
    " AND NOT EXISTS (SELECT 1 FROM events e WHERE e.id = f.event_id)",
)


def stream_seed_files(connection: Connection, seeds_dir: Path, progress=None) -> list[str]:
    """Write every curated row of the seeds folder into an empty database; return the
    warnings. Raises SeedError with every problem (the caller then rolls back)."""
    stream = _Stream(connection, seeds_dir)
    stream.write_vocabularies()
    paths = seed_file_paths(seeds_dir)
    articles = [path for path in paths if file_kind(path) == "article"]
    records = [path for path in paths if file_kind(path) == "records"]
    ordered = articles + records
    shown = progress(ordered, "Loading seed files") if progress else ordered
    batch: list[Path] = []
    size = 0
    for path in shown:
        # Articles first (records cite them), then records; a batch never mixes them.
        if batch and file_kind(batch[0]) != file_kind(path):
            stream.write_batch(batch)
            batch, size = [], 0
        batch.append(path)
        size += path.stat().st_size
        if (file_kind(path) == "article" and len(batch) >= ARTICLE_BATCH_FILES) or (
            file_kind(path) == "records" and size >= RECORD_BATCH_BYTES
        ):
            stream.write_batch(batch)
            batch, size = [], 0
    if batch:
        stream.write_batch(batch)
    stream.flag_dangling_references()
    stream.report_flagged()
    if not articles:
        stream.warnings.append(f"{seeds_dir}: no articles (*.txt, *.md) found")
    return stream.warnings


class _Stream:
    """The state a streaming load carries from batch to batch."""

    def __init__(self, connection: Connection, seeds_dir: Path):
        self.connection, self.seeds_dir = connection, seeds_dir
        self.flagged: set[str] = set()
        self.warnings: list[str] = []
        self.alias_owners: dict[str, str] = {}

    def write_vocabularies(self) -> None:
        """Once, before any batch: each batch's corpus then leaves them out."""
        insert_rows(self.connection, Corpus(**vocabulary_rows()))

    def write_batch(self, paths: list[Path]) -> None:
        """Validate and write a batch; on any problem, each of its files on its own,
        so only the files with a problem are flagged."""
        if not self._write(paths) and len(paths) > 1:
            for path in paths:
                self._write([path])

    def _write(self, paths: list[Path]) -> bool:
        files = {seed_path(path, self.seeds_dir) for path in paths}
        # Looked up afresh for each batch: the sources written since would be
        # remembered as missing.
        sources = plan.StoredSources(self.connection, set(), self.seeds_dir)
        prior = PriorRecords(alias_owners=self.alias_owners, sources=sources)
        prior.ids["sources"] = sources
        try:
            seeds = read_paths(paths, self.seeds_dir, located=False)
            corpus = Validator(seeds, prior, references_checked_later=True).run()
        except (SeedError, RecursionError):
            if len(paths) == 1:
                self.flagged |= files
            return False
        corpus.event_types, corpus.actor_types = [], []
        try:
            insert_rows(self.connection, corpus)
        except RecordRefused:
            # An id an earlier batch already wrote: insert_rows undid this batch.
            if len(paths) == 1:
                self.flagged |= files
            return False
        self.warnings += corpus.warnings
        self.alias_owners.update(
            (row["alias_key"], row["actor_id"]) for row in corpus.actor_aliases
        )
        return True

    def flag_dangling_references(self) -> None:
        for sql in DANGLING_REFERENCES:
            self.flagged.update(row[0] for row in self.connection.execute(text(sql)))
        self.flagged.discard(None)

    def report_flagged(self) -> None:
        """Validate the flagged files again, against everything else written, to word
        their problems; if they turn out to have none, write them as validated."""
        if not self.flagged:
            return
        plan.delete_owned_rows(self.connection, self.flagged)
        seeds = read_seed_files(self.seeds_dir, only=self.flagged)
        prior = plan.prior_records(self.connection, self.flagged, self.seeds_dir)
        corpus = validate(seeds, prior)
        corpus.event_types, corpus.actor_types = [], []
        # What validation finds no fault in but the database still refuses (a value
        # longer than a PostgreSQL column) is named at its file and record here.
        insert_rows(self.connection, corpus, self.seeds_dir)
        self.warnings += corpus.warnings
