"""``timeline load``: read the seeds, validate everything, then migrate and write at once."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .database import resolve_database_url, transaction, upgrade
from .extract.pipeline import extend_corpus
from .gazetteer import fill_place_coordinates
from .seeds import read_seed_files
from .validate import validate
from .write import write_corpus


@dataclass
class LoadResult:
    """What a load did: rows per table and the warnings a user should read."""

    database_url: str
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        shown = (
            "sources",
            "actors",
            "actor_aliases",
            "places",
            "events",
            "event_actors",
            "event_sources",
            "quotes",
            "figures",
        )
        return ", ".join(f"{self.counts.get(name, 0)} {name}" for name in shown)


def load(
    seeds_dir: str | Path = "seeds", db: str | None = None, extract: bool = True
) -> LoadResult:
    """Load a seeds folder into a database (path or URL; default ``timeline.db``).

    Nothing touches the database until every file has been read and every record
    checked; then migration and writing run in one transaction.
    """
    url = resolve_database_url(db)
    corpus = validate(read_seed_files(Path(seeds_dir)))
    if extract:  # sources no curated record covers get extracted rows (origin 'extracted')
        extend_corpus(corpus)
    with transaction(url) as connection:
        upgrade(connection, url)
        counts = write_corpus(connection, corpus)
        place_notes = fill_place_coordinates(connection)
    return LoadResult(database_url=url, counts=counts, warnings=corpus.warnings + place_notes)
