"""Figures and conflicting claims: numbers sources state, and events on which sources differ.

Articles disagree (44 or 45 children, two wordings of one proverb): both claims stay,
each with its source. A figure is a number with its unit, date, source and verbatim
evidence; an event records that its sources differ and how.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Plain ADD COLUMN: SQLite supports it natively, and a batch rebuild of `events`
    # would trip the foreign keys that point at it in a populated database.
    op.add_column(
        "events",
        sa.Column("sources_differ", sa.Boolean(), nullable=False, server_default=sa.false()),
    )
    op.add_column("events", sa.Column("conflict_note", sa.Text()))
    op.create_table(
        "figures",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("value", sa.Float(), nullable=False),
        sa.Column("value_max", sa.Float()),
        sa.Column("unit", sa.String(40), nullable=False),
        sa.Column("date", sa.String(40)),
        sa.Column("source_id", sa.String(200), sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("excerpt", sa.Text(), nullable=False),
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(200), sa.ForeignKey("events.id")),
        sa.Column("actor_id", sa.String(200), sa.ForeignKey("actors.id")),
        sa.Column("notes", sa.Text()),
    )
    op.create_index("ix_figures_subject", "figures", ["subject"])
    op.create_index("ix_figures_source_id", "figures", ["source_id"])
    op.create_index("ix_figures_event_id", "figures", ["event_id"])
    op.create_index("ix_figures_actor_id", "figures", ["actor_id"])


def downgrade() -> None:
    op.drop_table("figures")
    # Native DROP COLUMN (SQLite >= 3.35): a batch rebuild of `events` would drop the
    # table that event_actors and quotes point at, which foreign keys forbid.
    op.drop_column("events", "conflict_note")
    op.drop_column("events", "sources_differ")
