"""The review file of one article: ``<source-id>.review.yaml`` beside its records file.

Its presence puts the article under review (it stays extracted beside its curated
rows); its ``rejected:`` list names what a person rejected and why, by what the
article says rather than by extracted ids, so a new extractor version that renumbers
its ids does not bring a rejected item back:

* a quote by its verbatim text and start offset;
* an event by its evidence sentence, that sentence's start offset and the event type;
* an actor or a place by its name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..errors import Problem, SeedError
from ..seeds import REVIEW_SUFFIX
from ..yaml_records import line_of, load_yaml

KINDS = ("quote", "event", "actor", "place")
HEADER = (
    "# Review of source {source!r}, written by `timeline serve --review`.\n"
    "# While this file exists the article stays extracted. Accepted and corrected\n"
    "# records are curated in {records!r}; what is listed under rejected:\n"
    "# is never proposed again, however often the article is extracted.\n"
)


def review_path(records_file: Path, source_id: str) -> Path:
    return records_file.with_name(source_id + REVIEW_SUFFIX)


def read_review(path: Path, display: str, data: bytes | None = None) -> dict[str, Any]:
    """{"source": id, "rejected": [...]} of a review file, checked; SeedError names the
    file, the line and the fix. ``data``: the file's bytes, when the caller read them."""
    data = path.read_bytes() if data is None else data
    content = load_yaml(data.decode("utf-8").removeprefix("\ufeff"), display)

    def problem(message: str, where: Any = None, hint: str | None = None) -> SeedError:
        return SeedError(Problem(message, file=display, line=line_of(where, 1), hint=hint))

    if not isinstance(content, dict) or not isinstance(content.get("source"), str):
        raise problem(
            "a review file must be a mapping with 'source: <source id>' and 'rejected:'",
            content,
            hint="see README, section Review in the browser",
        )
    unknown = set(content) - {"source", "rejected"}
    if unknown:
        raise problem(f"unknown key {sorted(unknown)[0]!r} in a review file", content)
    rejected = content.get("rejected") or []
    if not isinstance(rejected, list):
        raise problem("'rejected:' must be a list (lines starting with '- ')", content)
    for entry in rejected:
        kinds = [kind for kind in KINDS if isinstance(entry, dict) and kind in entry]
        if len(kinds) != 1:
            raise problem(
                "each rejection names exactly one of " + ", ".join(f"'{k}:'" for k in KINDS),
                entry if isinstance(entry, dict) else content,
            )
        kind = kinds[0]
        if not isinstance(entry[kind], str) or not entry[kind].strip():
            raise problem(f"'{kind}:' must be the text that was rejected", entry)
        if kind in ("quote", "event") and not isinstance(entry.get("start"), int):
            raise problem(f"a rejected {kind} needs 'start:', its offset in the article", entry)
        if kind == "event" and not isinstance(entry.get("type"), str):
            raise problem("a rejected event needs 'type:', the type it was proposed as", entry)
        if not isinstance(entry.get("reason"), str) or not entry["reason"].strip():
            raise problem(
                "each rejection needs 'reason:', why it is wrong", entry, hint="a few words do"
            )
    return {"source": content["source"], "rejected": [dict(entry) for entry in rejected]}


def review_text(source_id: str, records_name: str, rejected: list[dict[str, Any]]) -> str:
    body = yaml.safe_dump(
        {"source": source_id, "rejected": rejected},
        sort_keys=False,
        allow_unicode=True,
        width=100,
    )
    return HEADER.format(source=source_id, records=records_name) + body
