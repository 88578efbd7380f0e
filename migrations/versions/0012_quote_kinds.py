"""Every quote says what kind of words it is: a quotation in marks or an interview answer.

Interview answers (a Q&A's answer paragraphs, printed without quotation marks) stood in
``quotes`` next to quotations, told apart only by a note, so counting quotes by speaker
counted an interviewee's every answer passage as a quotation. ``kind`` holds one word
of the small vocabulary in ``timeline/vocabulary.py`` (``QUOTE_KINDS``). Rows already
stored get ``quotation``, or ``interview answer`` where their note says so (curated
rows' "Interview answer ...", extraction's "speaker by interview answer"); the next
load, a full one since the schema changed, writes every row's kind from the seeds.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column(
        "quotes",
        sa.Column("kind", sa.String(20), nullable=False, server_default="quotation"),
    )
    op.execute(
        "UPDATE quotes SET kind = 'interview answer' "
        "WHERE notes LIKE 'Interview answer%' OR notes = 'extracted; speaker by interview answer'"
    )


def downgrade() -> None:
    op.drop_column("quotes", "kind")
