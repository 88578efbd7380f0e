"""Each uncurated article's extraction, kept under the key it was made from.

Extraction is a pure function of an article's text, the extractor's code and the
curated actors it reads. Keeping its result keyed by those three (the article's
content hash, the extractor's version, the curated knowledge's version) means a load
after one article was added, changed or removed extracts that one article again, not
all of them: before this, adding one article to 6,400 uncurated ones took 410 s.

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "extractions",
        sa.Column("source_id", sa.String(200), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("extractor_version", sa.String(64), nullable=False),
        sa.Column("knowledge_version", sa.String(64), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("source_id", name="pk_extractions"),
    )


def downgrade() -> None:
    op.drop_table("extractions")
