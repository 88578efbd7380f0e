"""The resolution index: which clusters each uncurated article belongs to, and what
each cluster last wrote.

Before this, any change to an uncurated corpus deleted every extracted row and
resolved every stored extraction again (3.4 to 4.3 s at 800 articles, most of it
matching events). With each article's part in each cluster kept (an actor id, a
place id, a spelling, a block of events, its own quotes), a load resolves again only
the clusters the changed articles belong to, and writes only the rows that changed.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "resolution_inputs",
        sa.Column("cluster", sa.Text(), nullable=False),
        sa.Column("source_id", sa.String(200), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("cluster", "source_id", name="pk_resolution_inputs"),
    )
    op.create_index(
        "ix_resolution_inputs_source_id", "resolution_inputs", ["source_id"], unique=False
    )
    op.create_table(
        "resolution_outputs",
        sa.Column("cluster", sa.Text(), nullable=False),
        sa.Column("rows", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("cluster", name="pk_resolution_outputs"),
    )
    # Extractions stored before this revision have no inputs yet: resolving from them
    # again is the next load's job (it finds no outputs, so it resolves everything).
    op.execute("DELETE FROM extractions")


def downgrade() -> None:
    op.drop_table("resolution_outputs")
    op.drop_index("ix_resolution_inputs_source_id", table_name="resolution_inputs")
    op.drop_table("resolution_inputs")
