"""PostgreSQL: make foreign keys deferrable, so an incremental load can replace rows in place.

An incremental load deletes and re-inserts the rows of the seed files that changed,
inside one transaction. Rows of unchanged files may point at them meanwhile, so the
load asks the database to check foreign keys at commit: SQLite does that with
``PRAGMA defer_foreign_keys``; PostgreSQL only for constraints declared DEFERRABLE.
They stay INITIALLY IMMEDIATE, so every other write is checked as before. Nothing
changes on SQLite.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _alter_foreign_keys(clause: str) -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    inspector = sa.inspect(bind)
    for table in inspector.get_table_names():
        for foreign_key in inspector.get_foreign_keys(table):
            op.execute(f'ALTER TABLE "{table}" ALTER CONSTRAINT "{foreign_key["name"]}" {clause}')


def upgrade() -> None:
    _alter_foreign_keys("DEFERRABLE INITIALLY IMMEDIATE")


def downgrade() -> None:
    _alter_foreign_keys("NOT DEFERRABLE")
