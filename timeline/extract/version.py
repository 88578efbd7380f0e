"""The extractor's version: a hash of its own code and word lists.

A cached extraction is reused only when it was made by the same extractor. A version
number bumped by hand is forgotten the day a rule changes; the hash of every file of
this package changes with any rule, pattern or vocabulary, so a stale result is never
reused.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent


@cache
def extractor_version() -> str:
    return code_version(PACKAGE)


def code_version(package: Path) -> str:
    """A hash of every file of a package but its compiled bytecode: code and data alike
    (a regenerated gazetteer table changes what extraction finds as much as a rule)."""
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".pyc":
            digest.update(path.relative_to(package).as_posix().encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def knowledge_version(actors: list[dict], aliases: list[dict], places: list[dict] = ()) -> str:
    """A hash of the curated actors, spellings and places an extraction reads, whatever
    their order."""
    digest = hashlib.sha256()
    for actor in sorted(
        (a["id"], a["name"], a["type"], a.get("description") or "") for a in actors
    ):
        digest.update("\0".join(actor).encode() + b"\n")
    digest.update(b"--\n")
    for alias in sorted((a["actor_id"], a["alias"]) for a in aliases):
        digest.update("\0".join(alias).encode() + b"\n")
    digest.update(b"--\n")
    for place in sorted((p["id"], p["name"], p.get("country") or "") for p in places):
        digest.update("\0".join(place).encode() + b"\n")
    return digest.hexdigest()[:16]
