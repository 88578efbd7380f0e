"""Fill the label of every source that has none, as a load derives it.

Migration 0008 added ``sources.label`` empty and left filling it to the next load,
expecting that load to be a full one. But a load after ``timeline db upgrade``
finds the schema at head and the seed files unchanged, reads nothing, and the labels
stayed NULL for good (Datasette then shows bare ids). A migration that adds derived
data fills it itself: the title, or what the article does state ("Anadolu Agency,
2025-08 (untitled)"), or the id ("aa-call (untitled)"), exactly as ``Article.label``.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Empty text counts as missing, as in Python. Portable SQL: SQLite and PostgreSQL.
FILL_LABELS = """
UPDATE sources SET label = CASE
    WHEN COALESCE(title, '') <> '' THEN title
    WHEN COALESCE(publisher, '') <> '' AND COALESCE(published, '') <> ''
        THEN publisher || ', ' || published || ' (untitled)'
    WHEN COALESCE(publisher, '') <> '' THEN publisher || ' (untitled)'
    WHEN COALESCE(published, '') <> '' THEN published || ' (untitled)'
    ELSE id || ' (untitled)'
END
WHERE label IS NULL
"""


def upgrade() -> None:
    op.execute(FILL_LABELS)


def downgrade() -> None:
    # Nothing to undo: the labels are the ones a load writes, and the column stays
    # (migration 0008's downgrade removes it).
    pass
