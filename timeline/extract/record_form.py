"""Extracted rows written back as curated records, in the seeds format people edit.

Shared by the drafts of ``timeline extract`` and by the review pages' decisions, so an
accepted row reads exactly as the draft of the same row would. Light on purpose: the
review server imports it without the extractor's modules.
"""

from __future__ import annotations

from typing import Any

from ..text_spans import find_occurrences


def occurrence(excerpt: str, start: int, text: str) -> int | None:
    """Which occurrence of ``excerpt`` starts at ``start`` (None when it occurs once),
    as a records file says it."""
    starts = find_occurrences(excerpt, text)
    if len(starts) <= 1 or start not in starts:
        return None
    return starts.index(start) + 1


def evidence_entry(source_id: str, excerpt: str, start: int, text: str) -> dict[str, Any]:
    """One item of an event record's ``sources:``."""
    entry: dict[str, Any] = {"source": source_id, "evidence": excerpt}
    number = occurrence(excerpt, start, text)
    if number:
        entry["occurrence"] = number
    return entry


def event_record(
    event: dict[str, Any], links: list[dict[str, Any]], sources: list[dict[str, Any]]
) -> dict[str, Any]:
    """An event row, its actor links and its evidence entries as an event record."""
    return {
        "id": event["id"],
        "title": event["title"],
        "type": event["type"],
        "status": event["status"],
        "date": event["date"],
        "date_expression": event["date_expression"],
        "date_reasoning": event["date_reasoning"],
        **({"place": event["place_id"]} if event.get("place_id") else {}),
        "actors": [{"actor": link["actor_id"], "role": link["role"]} for link in links],
        "sources": sources,
    }


def quote_record(quote: dict[str, Any], source_id: str, text: str) -> dict[str, Any]:
    """A quote row as a quote record (its notes left to the caller)."""
    record = {
        "id": quote["id"],
        "source": source_id,
        "speaker": quote["speaker_id"],
        "text": quote["text"],
        "kind": quote["kind"],
    }
    number = occurrence(quote["text"], quote["start_offset"], text)
    if number:
        record["occurrence"] = number
    return record
