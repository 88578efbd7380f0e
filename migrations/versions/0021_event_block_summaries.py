"""Where each block of events' replay stood after its last member.

Adding one article to a block of events (its year and first-named actor) replayed
the block from its first member: at 10,000 articles a country's block has thousands
of members, and one addition decoded about 10 MB of their JSON and matched every
event again (0.5 to 1 s of a two-second load). With the replay's state kept per block
(each event's shape, the member its row came from, the dates finer sentences gave
it, the states its members name), an article whose id follows every member's goes on
from there: it decodes the summary and its own part. Anything else (an article with
an earlier id, a change, a removal) replays the block and writes its summary anew.

Databases loaded before this have no summaries: a block gets one the next time it is
resolved (and a load into an older schema resolves every block).

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-03
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0021"
down_revision: str | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "resolution_event_blocks",
        sa.Column("cluster", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("cluster", name="pk_resolution_event_blocks"),
    )


def downgrade() -> None:
    op.drop_table("resolution_event_blocks")
