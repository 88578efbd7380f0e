"""The per-article records file a review writes: the format `timeline extract` drafts.

Accepted and corrected records of one article go to ``<source-id>.yaml`` in the seeds
folder's ``records/`` (or beside the article when there is none), the file a person
would have kept from `timeline extract`. It is rewritten whole (YAML dumped as the
draft dumps it), records upserted by id, so each decision is one readable diff.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

KINDS = ("actors", "places", "events", "quotes")
HEADER = (
    "# Records of source {source!r}, reviewed in the browser\n"
    "# (`timeline serve --review`). Curated: edit them like any record file.\n"
    "# What was rejected is in {review!r}.\n"
)


def records_path(seeds_dir: Path, source_id: str, article_file: str, existing: str | None) -> Path:
    """Where the article's reviewed records go: the file that already holds its curated
    records, else ``records/<source-id>.yaml``, else beside the article."""
    if existing:
        return seeds_dir / existing
    if (seeds_dir / "records").is_dir():
        return seeds_dir / "records" / f"{source_id}.yaml"
    return (seeds_dir / article_file).with_name(f"{source_id}.yaml")


def read_records(path: Path) -> dict[str, list[dict[str, Any]]]:
    if not path.exists():
        return {}
    from ..errors import Problem, TimelineError

    try:
        content = yaml.safe_load(path.read_text("utf-8")) or {}
    except yaml.YAMLError as error:
        raise TimelineError(
            Problem(f"{path}: cannot be read as YAML ({error})", hint="fix it by hand first")
        ) from None
    if not isinstance(content, dict):
        raise TimelineError(Problem(f"{path}: not a records file", hint="fix it by hand first"))
    return {kind: list(content.get(kind) or []) for kind in content}


def upsert(records: dict[str, list[dict[str, Any]]], kind: str, record: dict[str, Any]) -> None:
    """Put ``record`` in its list, replacing the record with the same id."""
    items = records.setdefault(kind, [])
    for index, item in enumerate(items):
        if item.get("id") == record["id"]:
            items[index] = record
            return
    items.append(record)


def has_record(records: dict[str, list[dict[str, Any]]], kind: str, record_id: str) -> bool:
    return any(item.get("id") == record_id for item in records.get(kind, []))


def records_text(records: dict[str, list[dict[str, Any]]], source_id: str, review: str) -> str:
    from ..extract.draft import _Dumper  # the draft's layout; the extractor loads late

    ordered = {kind: records[kind] for kind in (*KINDS, "figures") if records.get(kind)}
    body = yaml.dump(ordered, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return HEADER.format(source=source_id, review=review) + body
