"""A label for every source, so Datasette shows a name wherever a source is referenced.

Three of the seed articles print no headline, and a title is never invented; their
label says what the article does state: "Anadolu Agency, 2025-08 (untitled)".
Datasette uses ``label`` as the sources table's label column. A full load fills it
(the schema changing makes the next load a full one).

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("sources", sa.Column("label", sa.Text()))


def downgrade() -> None:
    op.drop_column("sources", "label")
