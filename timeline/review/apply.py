"""A decision's files written, then loaded; on any failure every file is put back.

The loader is the only judge of a record: the new files are written in place (each
through a temporary file and an atomic rename), then an ordinary incremental
``timeline.load`` reads them. A load is one transaction, so when it refuses the
database is untouched; the files are then restored byte for byte (or removed, if the
decision created them), and the loader's own message goes back to the reviewer.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..errors import TimelineError
from ..load import LoadResult, load
from .decisions import Change


def _write_atomically(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(content)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def apply_change(change: Change, seeds_dir: Path, db: str) -> LoadResult:
    """Write ``change`` and load it; raise the loader's TimelineError with every file
    as it was before."""
    before = {path: path.read_bytes() if path.exists() else None for path in change.files}
    try:
        for path, text in change.files.items():
            _write_atomically(path, text.encode("utf-8"))
        return load(seeds_dir, db)
    except BaseException:
        for path, content in before.items():
            if content is None:
                path.unlink(missing_ok=True)
            else:
                _write_atomically(path, content)
        raise


__all__ = ["TimelineError", "apply_change"]
