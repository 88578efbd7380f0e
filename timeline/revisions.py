"""Which schema revision a database is at, and which revisions this timeline knows,
without loading Alembic.

Every load asks both (is the database at head? is its revision one we know?), and a
load into a database already at head migrates nothing. Asking Alembic cost a fifth of
a second of a two-second one-article load: importing it (it loads every dialect's DDL
and its template engine) and then its script directory, which runs every migration
module to read two names from each. Those names are written on one line each by the
migration template (``migrations/script.py.mako``), so they are read from there;
``tests/test_revisions.py`` checks the answer against Alembic's own.
"""

from __future__ import annotations

import ast
import functools
import re
from importlib import resources
from pathlib import Path

from sqlalchemy import Connection, inspect, text

# Alembic's default version table (migrations/env.py does not rename it).
VERSION_TABLE = "alembic_version"
# "revision: str = '0018'" / "down_revision: str | None = '0017'", as the template writes them
_ASSIGNMENT = re.compile(r"^(revision|down_revision)\s*(?::[^=]*)?=\s*(.+?)\s*$", re.MULTILINE)


def current_revision(connection: Connection) -> str | None:
    """The revision the database is at; None for a database Alembic never migrated or
    migrated down to base (no version table, or an empty one)."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    rows = connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).all()
    if len(rows) > 1:  # timeline's migrations never branch; Alembic refuses this too
        raise ValueError(f"{VERSION_TABLE} holds {len(rows)} revisions, expected one")
    return rows[0][0] if rows else None


def versions_directory() -> Path:
    """The migration scripts: ``migrations/versions`` in a checkout, installed as
    ``timeline.migrations.versions``."""
    return Path(str(resources.files("timeline.migrations.versions")))


@functools.cache
def known_revisions() -> tuple[str, ...]:
    """Every migration id, oldest first (each revises the one before)."""
    revises: dict[str, str | None] = {}
    for script in versions_directory().glob("*.py"):
        names = dict(_ASSIGNMENT.findall(script.read_text(encoding="utf-8")))
        if "revision" in names:
            revises[ast.literal_eval(names["revision"])] = ast.literal_eval(
                names.get("down_revision", "None")
            )
    following = {down: revision for revision, down in revises.items()}
    chain, revision = [], following.get(None)
    while revision is not None:
        chain.append(revision)
        revision = following.get(revision)
    if len(chain) != len(revises):
        raise RuntimeError(f"the migrations in {versions_directory()} do not form one chain")
    return tuple(chain)


def head_revision() -> str:
    """The newest revision: the one a load leaves the database at."""
    return known_revisions()[-1]
