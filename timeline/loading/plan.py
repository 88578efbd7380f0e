"""Plan a load: which seed files changed since the last load, and the seed_files table
that remembers each file's hash and stamp for the next one.

The plan is the only thing that differs between loads. A **full** plan (a new
database, one at an older schema, ``--fresh``, or more than half the files changed)
says every file changed and every row goes; an **incremental** plan names the files
that are new, changed or removed. The stages after it are the same for both.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, bindparam, text

from ..database import current_revision, head_revision
from ..seeds import ScannedFile
from .replace import chunks

# Above this share of changed files, re-reading everything is simpler and no slower.
FULL_LOAD_SHARE = 0.5


@dataclass
class LoadPlan:
    """What changed in the seeds folder since the last load.

    ``kept``: bytes the scan already read (changed files), handed to the read stage.
    """

    files: dict[str, ScannedFile]
    changed: set[str]
    removed: set[str]
    stored: dict[str, ScannedFile]
    full: bool = False
    kept: dict[str, bytes] = field(default_factory=dict)

    @property
    def nothing_changed(self) -> bool:
        return not self.changed and not self.removed


def stored_seed_files(connection: Connection) -> dict[str, ScannedFile]:
    """What the last load recorded of each file; nothing from an older schema."""
    if current_revision(connection) != head_revision():
        return {}
    rows = connection.execute(
        text("SELECT path, kind, content_hash, size, mtime_ns FROM seed_files")
    )
    return {
        row.path: ScannedFile(row.kind, row.content_hash, row.size, row.mtime_ns) for row in rows
    }


def plan_load(
    files: dict[str, ScannedFile],
    stored: dict[str, ScannedFile],
    kept: dict[str, bytes] | None = None,
) -> LoadPlan:
    """The plan for ``files`` (the scan) against ``stored`` (``stored_seed_files``,
    empty for a new database or one at an older revision): full when nothing is
    stored or most files changed, else the files to re-read and to remove."""
    kept = kept or {}
    if not stored:
        return LoadPlan(files, set(files), set(), stored, full=True, kept=kept)
    changed = {path for path, state in files.items() if not state.same_content(stored.get(path))}
    removed = set(stored) - set(files)
    if len(changed) + len(removed) > FULL_LOAD_SHARE * max(len(files), 1):
        return LoadPlan(files, set(files), set(), stored, full=True, kept=kept)
    # A touched file hashed the same: its bytes are not needed.
    kept = {path: content for path, content in kept.items() if path in changed}
    return LoadPlan(files, changed, removed, stored, kept=kept)


def record_seed_files(
    connection: Connection, files: dict[str, ScannedFile], paths: set[str], hashes: dict[str, str]
) -> None:
    """Remember the hash and stamp of each file in ``paths``. ``hashes``: what the read
    stage hashed, which wins over the scan's (a full plan's scan hashes nothing)."""
    rows = []
    for path in sorted(paths):
        state = files.get(path)
        content_hash = hashes.get(path) or (state.content_hash if state else None)
        if state is not None and content_hash is not None:
            rows.append({"path": path, **state._replace(content_hash=content_hash)._asdict()})
    if rows:
        connection.execute(
            text(
                "INSERT INTO seed_files (path, kind, content_hash, size, mtime_ns) "
                "VALUES (:path, :kind, :content_hash, :size, :mtime_ns)"
            ),
            rows,
        )


def restamp_seed_files(connection: Connection, plan: LoadPlan) -> None:
    """Record new stamps of files whose content did not change (touched, or stamped
    for the first time now that they are old enough), so they are not hashed again."""
    files, stored = plan.files, plan.stored
    rows = [
        {"path": path, "size": state.size, "mtime_ns": state.mtime_ns}
        for path, state in files.items()
        if path in stored and stored[path] != state and state.same_content(stored[path])
    ]
    if rows:
        connection.execute(
            text("UPDATE seed_files SET size = :size, mtime_ns = :mtime_ns WHERE path = :path"),
            rows,
        )


def forget_seed_files(connection: Connection, paths: set[str] | None = None) -> None:
    if paths is None:
        connection.execute(text("DELETE FROM seed_files"))
        return
    statement = text("DELETE FROM seed_files WHERE path IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    for chunk in chunks(sorted(paths)):
        connection.execute(statement, {"ids": chunk})
