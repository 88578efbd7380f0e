"""Front matter as scrapers and site generators write it: tags, categories, extra keys.

Articles from scrapers and Jekyll/Hugo sites carry front matter keys the loader used
to refuse (``tags``, ``layout``, ``draft``, ...), one per run. ``tags`` and
``categories`` are now JSON arrays people can facet on in Datasette; every other
unknown key is kept, as written, in ``extra``, a JSON object SQL's JSON functions can
query. All three are NULL for a source whose front matter has none, as every source
loaded before this revision: its front matter could not have held any.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("tags", "categories", "extra")


def upgrade() -> None:
    # Plain ADD COLUMN, no batch rebuild: a rebuild of `sources` would drop its
    # full-text triggers and trip the foreign keys that point at it.
    for name in COLUMNS:
        op.add_column("sources", sa.Column(name, sa.Text()))


def downgrade() -> None:
    for name in reversed(COLUMNS):
        op.drop_column("sources", name)
