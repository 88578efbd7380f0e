"""Articles under review in the browser (`timeline serve --review`).

An article with curated records is not extracted at all; one whose records a person
is making in the browser must stay extracted, minus what they accepted or rejected,
or accepting one quote would hide every other unreviewed row of it. This table says
which articles are under review and what was rejected in each, as read from their
review files (``<source-id>.review.yaml``) on every load.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0017"
down_revision: str | None = "0016"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "reviews",
        sa.Column("source_id", sa.String(200), nullable=False),
        sa.Column("seed_file", sa.Text(), nullable=False),
        sa.Column("rejections", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("source_id", name="pk_reviews"),
    )


def downgrade() -> None:
    op.drop_table("reviews")
