"""Alembic migrations for the timeline schema (installed as ``timeline.migrations``)."""
