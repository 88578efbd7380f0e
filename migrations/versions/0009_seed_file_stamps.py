"""Size and modification time of each seed file, so unchanged files need no hashing.

Hashing every file of a 10,000-article folder takes about a second, half the budget
of a load after one article changed. A file whose size and modification time match
the last load's keeps its hash, as git's index does; a file modified within two
seconds of being scanned gets no stamp and is always hashed ("racy" files).

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-24
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("seed_files", sa.Column("size", sa.BigInteger()))
    op.add_column("seed_files", sa.Column("mtime_ns", sa.BigInteger()))


def downgrade() -> None:
    op.drop_column("seed_files", "mtime_ns")
    op.drop_column("seed_files", "size")
