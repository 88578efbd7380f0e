"""How each extracted row was found, and extracted places.

Extraction writes rows nobody checked; a reviewer must see why each one exists and a
wrong rule must be traceable. Every table extraction writes gets ``extraction_method``
(the rule that found the row: "speaker: verb-name after", "place: gazetteer (shipped)")
and ``extraction_basis`` (the words it rests on). Both stay NULL on curated rows.
Extraction now also finds places (countries, regions, cities from an offline gazetteer),
so ``places`` gets the ``origin`` column the other extracted tables got in 0004. Plain
ADD COLUMN, not batch mode, as in 0004.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = (
    "actors",
    "actor_aliases",
    "places",
    "events",
    "event_actors",
    "event_sources",
    "quotes",
)


def upgrade() -> None:
    op.add_column(
        "places", sa.Column("origin", sa.String(20), nullable=False, server_default="curated")
    )
    for table in TABLES:
        op.add_column(table, sa.Column("extraction_method", sa.Text(), nullable=True))
        op.add_column(table, sa.Column("extraction_basis", sa.Text(), nullable=True))


def downgrade() -> None:
    for table in reversed(TABLES):
        op.drop_column(table, "extraction_basis")
        op.drop_column(table, "extraction_method")
    op.drop_column("places", "origin")
