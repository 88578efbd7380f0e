"""What is already in the database, as validation sees it: the ids, sources and aliases
of seed files this load does not re-read.

Looked up one id at a time, so checking a few references costs a few queries; only an
error message's did-you-mean walks them all.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import Connection, text

from ..seeds import RECORD_KINDS, display_path, read_seed_files
from ..validate import PriorRecords, StoredSource


class StoredIds(Mapping):
    """Curated ids already in the database, outside the files being replaced."""

    def __init__(self, connection: Connection, table: str, replaced: set[str]):
        self.connection, self.table, self.replaced = connection, table, replaced
        self._one = text(f"SELECT seed_file FROM {table} WHERE id = :id")
        self._cache: dict[str, str | None] = {}

    def _lookup(self, key: str) -> str | None:
        if key not in self._cache:
            found = self.connection.execute(self._one, {"id": key}).scalar()
            self._cache[key] = found if found is not None and found not in self.replaced else None
        return self._cache[key]

    def __getitem__(self, key):
        return self.file_of(key)

    def file_of(self, key) -> str:
        """The seed file a stored id comes from."""
        found = self._lookup(key) if isinstance(key, str) else None
        if found is None:
            raise KeyError(key)
        return found

    def __contains__(self, key) -> bool:
        return isinstance(key, str) and self._lookup(key) is not None

    def __iter__(self):
        rows = self.connection.execute(
            text(f"SELECT id, seed_file FROM {self.table} WHERE seed_file IS NOT NULL")
        )
        return (row.id for row in rows if row.seed_file not in self.replaced)

    def __len__(self) -> int:
        return sum(1 for _ in self)


class StoredSources(StoredIds):
    """Sources already in the database, with the text quotes must be found in.

    Texts are kept for the most recently cited sources only: record files tend to cite
    one article again and again, and 10,000 articles' texts would not fit the budget.
    """

    TEXTS_KEPT = 64

    def __init__(self, connection: Connection, replaced: set[str], seeds_dir: Path):
        super().__init__(connection, "sources", replaced)
        self.seeds_dir = seeds_dir
        self._texts: OrderedDict[str, StoredSource] = OrderedDict()

    def __getitem__(self, key) -> StoredSource:
        self.file_of(key)
        if key in self._texts:
            self._texts.move_to_end(key)
            return self._texts[key]
        row = self.connection.execute(
            text("SELECT search_text, seed_file FROM sources WHERE id = :id"), {"id": key}
        ).one()
        shown = display_path(self.seeds_dir / row.seed_file, self.seeds_dir)
        self._texts[key] = StoredSource(key, row.search_text, shown)
        if len(self._texts) > self.TEXTS_KEPT:
            self._texts.popitem(last=False)
        return self._texts[key]


class StoredAliasOwners(Mapping):
    """alias_key -> curated actor id, for actors outside the files being replaced."""

    def __init__(self, connection: Connection, replaced: set[str]):
        self.connection, self.replaced = connection, replaced
        self._one = text(
            "SELECT a.actor_id, x.seed_file FROM actor_aliases a JOIN actors x "
            "ON x.id = a.actor_id WHERE a.alias_key = :key AND a.origin = 'curated'"
        )

    def __getitem__(self, key):
        for row in self.connection.execute(self._one, {"key": key}):
            if row.seed_file not in self.replaced:
                return row.actor_id
        raise KeyError(key)

    def __iter__(self):
        return iter(())

    def __len__(self) -> int:
        return 0


def prior_records(connection: Connection, replaced: set[str], seeds_dir: Path) -> PriorRecords:
    """The database as validation sees it, leaving out the files in ``replaced``."""
    ids = {kind: StoredIds(connection, kind, replaced) for kind in RECORD_KINDS}
    ids["sources"] = StoredSources(connection, replaced, seeds_dir)

    def where(kind: str, record_id: str) -> tuple[str, int | None]:
        """(file, line) of a stored record, as a full load names it (errors only)."""
        seeds = read_seed_files(seeds_dir, only={ids[kind].file_of(record_id)})
        if kind == "sources":
            article = next(a for a in seeds.articles if a.id == record_id)
            return article.file_path, article.front_matter_line
        entry = next(e for e in seeds.records[kind] if e.data.get("id") == record_id)
        return entry.file, entry.line

    return PriorRecords(
        ids=ids,
        alias_owners=StoredAliasOwners(connection, replaced),
        sources=ids["sources"],
        where=where,
    )
