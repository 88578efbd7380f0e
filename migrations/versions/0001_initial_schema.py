"""Initial schema: sources, actors and aliases, places, events, quotes, and their links.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "event_types",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("description", sa.Text(), nullable=False),
    )
    op.create_table(
        "actor_types",
        sa.Column("id", sa.String(40), primary_key=True),
        sa.Column("description", sa.Text(), nullable=False),
    )
    op.create_table(
        "sources",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("title", sa.Text()),
        sa.Column("publisher", sa.Text()),
        sa.Column("author", sa.Text()),
        sa.Column("url", sa.Text()),
        sa.Column("published", sa.String(10)),
        sa.Column("published_precision", sa.String(10)),
        sa.Column("published_inferred", sa.Boolean(), nullable=False),
        sa.Column("language", sa.String(10), nullable=False),
        sa.Column("notes", sa.Text()),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("content_hash", sa.String(64), nullable=False),
        sa.Column("file_path", sa.Text(), nullable=False),
        sa.Column("file_hash", sa.String(64), nullable=False),
    )
    op.create_index("ix_sources_publisher", "sources", ["publisher"])
    op.create_index("ix_sources_published", "sources", ["published"])
    op.create_table(
        "source_inferences",
        sa.Column(
            "source_id",
            sa.String(200),
            sa.ForeignKey("sources.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("field", sa.String(40), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
    )
    op.create_table(
        "source_boilerplate",
        sa.Column(
            "source_id",
            sa.String(200),
            sa.ForeignKey("sources.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("start_offset", sa.Integer(), primary_key=True),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
    )
    op.create_table(
        "actors",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("type", sa.String(40), sa.ForeignKey("actor_types.id"), nullable=False),
        sa.Column("description", sa.Text()),
    )
    op.create_index("ix_actors_name", "actors", ["name"])
    op.create_index("ix_actors_type", "actors", ["type"])
    op.create_table(
        "actor_aliases",
        sa.Column(
            "actor_id",
            sa.String(200),
            sa.ForeignKey("actors.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("alias", sa.Text(), primary_key=True),
        sa.Column("alias_key", sa.Text(), nullable=False),
    )
    op.create_index("ix_actor_aliases_alias_key", "actor_aliases", ["alias_key"])
    op.create_table(
        "places",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("country", sa.Text()),
        sa.Column("latitude", sa.Float()),
        sa.Column("longitude", sa.Float()),
    )
    op.create_index("ix_places_name", "places", ["name"])
    op.create_table(
        "events",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text()),
        sa.Column("type", sa.String(40), sa.ForeignKey("event_types.id"), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("date", sa.String(40), nullable=False),
        sa.Column("date_precision", sa.String(10), nullable=False),
        sa.Column("date_start", sa.String(10), nullable=False),
        sa.Column("date_end", sa.String(10), nullable=False),
        sa.Column("sort_key", sa.String(21), nullable=False),
        sa.Column("date_approximate", sa.Boolean(), nullable=False),
        sa.Column("date_uncertain", sa.Boolean(), nullable=False),
        sa.Column("date_expression", sa.Text()),
        sa.Column("date_inferred", sa.Boolean(), nullable=False),
        sa.Column("date_reasoning", sa.Text()),
        sa.Column("place_id", sa.String(200), sa.ForeignKey("places.id")),
    )
    op.create_index("ix_events_type", "events", ["type"])
    op.create_index("ix_events_status", "events", ["status"])
    op.create_index("ix_events_date_start", "events", ["date_start"])
    op.create_index("ix_events_sort_key", "events", ["sort_key"])
    op.create_index("ix_events_place_id", "events", ["place_id"])
    op.create_table(
        "event_actors",
        sa.Column(
            "event_id",
            sa.String(200),
            sa.ForeignKey("events.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("actor_id", sa.String(200), sa.ForeignKey("actors.id"), primary_key=True),
        sa.Column("role", sa.String(40), primary_key=True),
    )
    op.create_index("ix_event_actors_actor_id", "event_actors", ["actor_id"])
    op.create_table(
        "event_sources",
        sa.Column(
            "event_id",
            sa.String(200),
            sa.ForeignKey("events.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("source_id", sa.String(200), sa.ForeignKey("sources.id"), primary_key=True),
        sa.Column("start_offset", sa.Integer(), primary_key=True),
        sa.Column("excerpt", sa.Text(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
    )
    op.create_index("ix_event_sources_source_id", "event_sources", ["source_id"])
    op.create_table(
        "quotes",
        sa.Column("id", sa.String(200), primary_key=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("speaker_id", sa.String(200), sa.ForeignKey("actors.id")),
        sa.Column("source_id", sa.String(200), sa.ForeignKey("sources.id"), nullable=False),
        sa.Column("start_offset", sa.Integer(), nullable=False),
        sa.Column("end_offset", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.String(200), sa.ForeignKey("events.id")),
        sa.Column("notes", sa.Text()),
    )
    op.create_index("ix_quotes_speaker_id", "quotes", ["speaker_id"])
    op.create_index("ix_quotes_source_id", "quotes", ["source_id"])
    op.create_index("ix_quotes_event_id", "quotes", ["event_id"])


def downgrade() -> None:
    for table in (
        "quotes",
        "event_sources",
        "event_actors",
        "events",
        "places",
        "actor_aliases",
        "actors",
        "source_boilerplate",
        "source_inferences",
        "sources",
        "actor_types",
        "event_types",
    ):
        op.drop_table(table)
