"""Where the database is, how to connect to it, and how to migrate it (Alembic underneath)."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import SQLAlchemyError

from .errors import Problem, TimelineError
from .revisions import current_revision, head_revision, known_revisions

if TYPE_CHECKING:  # Alembic loads only to migrate (``revisions`` answers the rest)
    from alembic.config import Config

__all__ = ["current_revision", "head_revision", "known_revisions"]

DEFAULT_DATABASE = "timeline.db"
DATABASE_ENV_VAR = "TIMELINE_DB"


def resolve_database_url(db: str | None) -> str:
    """Turn ``--db`` (a file path or a SQLAlchemy URL) into a URL.

    Nothing given: ``$TIMELINE_DB``, else ``timeline.db`` in the current folder.
    """
    db = db or os.environ.get(DATABASE_ENV_VAR) or DEFAULT_DATABASE
    if db.startswith(("postgresql://", "postgres://")):
        # We ship psycopg 3; SQLAlchemy's bare postgresql:// would look for psycopg2.
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    if "://" in db:
        return db
    return f"sqlite:///{Path(db).expanduser().resolve()}"


def display_name(url: str) -> str:
    """How to show a database to its user: a file path relative to here, a URL without password."""
    path = sqlite_path(url)
    if path is None:
        return make_url(url).render_as_string(hide_password=True)
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other engines."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or not parsed.database:
        return None
    return Path(parsed.database)


def _prepare_sqlite_connection(dbapi_connection, _record, foreign_keys: bool = True) -> None:
    # Python's sqlite3 would run DDL outside any transaction; take transaction control
    # away from it so a migration and the data written after it commit or fail together.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
    cursor.close()


def _use_write_ahead_log(dbapi_connection, _record) -> None:
    # WAL: readers (Datasette) keep seeing the last committed state while a load
    # writes, and never get "database is locked". The setting is stored in the file.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.close()


def _begin_sqlite_transaction(connection: Connection) -> None:
    # IMMEDIATE takes the write lock at once, so a concurrent writer fails early and
    # clearly instead of half-way through a load.
    connection.exec_driver_sql("BEGIN IMMEDIATE")


def create_db_engine(url: str, *, read_only: bool = False, foreign_keys: bool = True) -> Engine:
    """An engine with foreign keys enforced on SQLite, optionally refusing all writes.

    ``foreign_keys=False``: SQLite skips its per-row look-ups, for a writer that checks
    every reference itself (a full load, in one query per kind: loading/curated.py).
    """
    path = sqlite_path(url)
    if path is not None:
        if read_only:
            # mode=ro makes SQLite itself refuse writes; uri=true lets us say so.
            engine = create_engine("sqlite://", creator=lambda: _connect_sqlite_read_only(path))
        else:
            engine = create_engine(url)
        event.listen(
            engine,
            "connect",
            lambda dbapi_connection, record: _prepare_sqlite_connection(
                dbapi_connection, record, foreign_keys
            ),
        )
        if not read_only:
            event.listen(engine, "connect", _use_write_ahead_log)
            event.listen(engine, "begin", _begin_sqlite_transaction)
        return engine
    try:
        engine = create_engine(url)
    except ModuleNotFoundError as error:
        raise TimelineError(
            Problem(
                f"no database driver for {make_url(url).drivername}: {error}",
                hint="for PostgreSQL: pip install 'timeline[postgres]'",
            )
        ) from None
    if read_only:
        event.listen(
            engine,
            "connect",
            lambda dbapi_connection, _record: _set_postgres_read_only(dbapi_connection),
        )
    return engine


def _connect_sqlite_read_only(path: Path):
    import sqlite3

    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, check_same_thread=False)


def _set_postgres_read_only(dbapi_connection) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
    cursor.close()
    dbapi_connection.commit()


def managed_by_migrations(name: str | None, type_: str, parent_names: dict) -> bool:
    """Autogenerate filter: FTS tables and their shadows are made by SQL in migration 0003,
    not by the models, so comparing models to the database must skip them."""
    return not (type_ == "table" and name is not None and "_fts" in name)


def migrations_directory() -> Path:
    """The Alembic scripts: ``migrations/`` in a checkout, ``timeline/migrations`` installed."""
    return Path(str(resources.files("timeline.migrations")))


def alembic_config(url: str, connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrations_directory()))
    # ConfigParser treats % as interpolation; URLs may contain %-escapes.
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def upgrade(connection: Connection, url: str, revision: str = "head") -> None:
    """Migrate forward on an open connection (inside the caller's transaction)."""
    from alembic import command

    with _revision_errors(revision):
        command.upgrade(alembic_config(url, connection), revision)


def downgrade(connection: Connection, url: str, revision: str) -> None:
    """Migrate back to ``revision``: an id, ``base``, or a step count such as ``-1``."""
    from alembic import command

    with _revision_errors(revision):
        command.downgrade(alembic_config(url, connection), revision)


@contextmanager
def _revision_errors(revision: str) -> Iterator[None]:
    """Alembic's refusal of a revision (unknown id, too many steps, wrong direction) as
    one line naming the revisions there are, instead of its traceback."""
    from alembic.util import CommandError

    try:
        yield
    except CommandError as error:
        raise TimelineError(
            Problem(
                f"cannot migrate to {revision!r}: {error}",
                hint=f"known revisions: base, {', '.join(known_revisions())}, head; "
                "or a number of steps such as -1 or +1",
            )
        ) from None


def history_text() -> str:
    """What ``alembic history`` prints: one line per migration, newest first."""
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config("sqlite://"))
    return "".join(
        f"{script.cmd_format(verbose=False, include_doc=True, include_parents=True)}\n"
        for script in scripts.walk_revisions()
    )


@contextmanager
def transaction(url: str, foreign_keys: bool = True) -> Iterator[Connection]:
    """One connection, one transaction: committed on success, rolled back on any error."""
    engine = create_db_engine(url, foreign_keys=foreign_keys)
    try:
        with engine.begin() as connection:
            yield connection
    finally:
        engine.dispose()


@functools.cache
def known_revision_ids() -> frozenset[str]:
    return frozenset(known_revisions())


def check_revision(url: str, fresh: bool = False) -> None:
    """Refuse, before anything is written or even set, a database timeline cannot
    migrate: another program's, one at a revision this timeline does not know (made
    by a newer timeline), or a file SQLite cannot read.

    Opened read-only: not even the journal mode of a foreign file changes. ``fresh``
    (the database is about to be replaced) refuses only another program's data.
    """
    path = sqlite_path(url)
    if path is not None and (not path.exists() or path.stat().st_size == 0):
        return
    name = display_name(url)
    engine = create_db_engine(url, read_only=True)
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            revision = current_revision(connection) if "alembic_version" in tables else None
    except SQLAlchemyError as error:
        if fresh or path is None:
            return  # a server that cannot be reached says so at the load itself
        detail = getattr(error, "orig", None) or error
        raise TimelineError(
            Problem(
                f"cannot read {name} as a SQLite database ({detail}); nothing was changed",
                hint="if it is a timeline database that broke, rebuild it from the seeds "
                "with `timeline load --fresh`; otherwise choose another --db",
            )
        ) from None
    finally:
        engine.dispose()
    if not tables or (path is None and "alembic_version" not in tables):
        # On PostgreSQL other programs' tables may share the database: only another
        # Alembic project's version table is a clash there.
        return
    if revision is None and "alembic_version" in tables:
        return  # downgraded to base: an empty version table
    if revision is None or (revision not in known_revision_ids() and "sources" not in tables):
        shown = ", ".join(sorted(tables)[:5])
        raise TimelineError(
            Problem(
                f"{name} is not a timeline database (it holds {shown}"
                + (f" at Alembic revision {revision!r}" if revision else "")
                + "); nothing was changed",
                hint="give --db a new file (or another database) for the timeline",
            )
        )
    if revision not in known_revision_ids() and not fresh:
        raise TimelineError(
            Problem(
                f"{name} was made by a newer timeline (revision {revision!r}; this "
                f"timeline knows up to {head_revision()!r}); nothing was changed",
                hint="upgrade timeline (pip install -U timeline), or rebuild the "
                "database from the seeds with `timeline load --fresh`",
            )
        )
