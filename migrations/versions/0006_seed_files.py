"""Incremental loads: remember each seed file's hash, and which file every record came from.

``seed_files`` holds the path (relative to the seeds folder) and SHA-256 of every file
the last load read. Sources, actors, places, events, quotes and figures name the file
they were read from in ``seed_file`` (their child rows follow them by cascade), so a
load re-reads only files whose hash changed and replaces exactly their rows.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OWNED_TABLES = ("sources", "actors", "places", "events", "quotes", "figures")


def upgrade() -> None:
    op.create_table(
        "seed_files",
        sa.Column("path", sa.Text(), primary_key=True),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
    )
    for table in OWNED_TABLES:
        op.add_column(table, sa.Column("seed_file", sa.Text()))
        op.create_index(f"ix_{table}_seed_file", table, ["seed_file"])


def downgrade() -> None:
    for table in OWNED_TABLES:
        op.drop_index(f"ix_{table}_seed_file", table)
        op.drop_column(table, "seed_file")
    op.drop_table("seed_files")
