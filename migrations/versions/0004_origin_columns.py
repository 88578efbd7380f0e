"""Where a row came from: 'curated' (written by a person in seeds/) or 'extracted'.

Automatic extraction fills in sources that nobody has annotated yet. Its rows sit next
to curated ones in the same tables, so every table extraction writes to gets an
``origin`` column a user can filter on; existing rows are curated by definition, hence
the server default. Plain ADD COLUMN, not batch mode: a batch rebuild of a populated
SQLite table trips the foreign keys that point at it.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("actors", "actor_aliases", "events", "event_actors", "event_sources", "quotes")
INDEXED = ("events", "quotes")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(
            table,
            sa.Column("origin", sa.String(20), nullable=False, server_default="curated"),
        )
    for table in INDEXED:
        op.create_index(f"ix_{table}_origin", table, ["origin"])


def downgrade() -> None:
    for table in INDEXED:
        op.drop_index(f"ix_{table}_origin", table_name=table)
    for table in reversed(TABLES):
        op.drop_column(table, "origin")
