"""The schema revisions a load reads without Alembic agree with Alembic's own answers."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from click.testing import CliRunner
from sqlalchemy import create_engine

from timeline import database, revisions
from timeline.cli import cli

REPO = Path(__file__).resolve().parent.parent


def alembic_scripts() -> ScriptDirectory:
    return ScriptDirectory.from_config(database.alembic_config("sqlite://"))


def test_known_revisions_are_alembics_in_order():
    scripts = alembic_scripts()
    assert list(revisions.known_revisions()) == [
        script.revision for script in reversed(list(scripts.walk_revisions()))
    ]
    assert revisions.head_revision() == scripts.get_current_head()


def test_current_revision_is_what_alembic_reads(tmp_path, minimal_db):
    empty = tmp_path / "empty.db"
    for path in (minimal_db, empty):
        engine = create_engine(f"sqlite:///{path}")
        with engine.connect() as connection:
            assert revisions.current_revision(connection) == (
                MigrationContext.configure(connection).get_current_revision()
            )
        engine.dispose()
    engine = create_engine(f"sqlite:///{minimal_db}")
    with engine.connect() as connection:
        assert revisions.current_revision(connection) == revisions.head_revision()
    engine.dispose()


def test_downgraded_to_base_is_no_revision(minimal_db):
    result = CliRunner().invoke(cli, ["db", "downgrade", "base", "--db", str(minimal_db)])
    assert result.exit_code == 0, result.output
    engine = create_engine(f"sqlite:///{minimal_db}")
    with engine.connect() as connection:
        assert revisions.current_revision(connection) is None
    engine.dispose()


def test_a_load_at_head_does_not_import_alembic(minimal_db):
    """A load into a database already at head migrates nothing, so it must not pay for
    Alembic (a fifth of a second, every load)."""
    script = (
        "import sys, timeline\n"
        f"timeline.load({str(REPO / 'fixtures' / 'minimal')!r}, {str(minimal_db)!r})\n"
        "print('alembic' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=REPO
    )
    assert done.stdout.strip() == "False"
