"""Review files into the database at load time, and the review applied at extraction.

Every load replaces the ``reviews`` table with what the seeds folder's review files
say (a few small files), so the database follows the folder whatever was loaded
before. The extracted layer applies each article's review to its resolution input, and
keeps its stored extraction under ``review_key``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy import Connection, bindparam, text

from ..errors import Problem, SeedError
from ..seeds import display_path
from .rejections import ArticleReview
from .review_file import read_review


def store_reviews(
    connection: Connection, seeds_dir: Path, files: Mapping, hashes: dict[str, str] | None = None
) -> None:
    """Replace the reviews table with the review files among ``files`` (seed path ->
    ScannedFile); a review of a source that does not exist is refused. ``hashes`` gets
    the SHA-256 of each file's bytes as read, which the load records (a full plan's
    scan hashes nothing)."""
    rows, problems = [], []
    for relative in sorted(path for path, state in files.items() if state.kind == "review"):
        path = seeds_dir / relative
        display = display_path(path, seeds_dir)
        try:
            data = path.read_bytes()
            if hashes is not None:
                hashes[relative] = hashlib.sha256(data).hexdigest()
            review = read_review(path, display, data)
        except SeedError as error:
            problems.extend(error.problems)
            continue
        rows.append(
            {
                "source_id": review["source"],
                "seed_file": relative,
                "rejections": json.dumps(review["rejected"], ensure_ascii=False),
            }
        )
    # Only the reviewed ids: reading every source id cost a load of 10,000 articles with
    # no review file 20 ms.
    known = _existing_sources(connection, sorted({row["source_id"] for row in rows}))
    seen: dict[str, str] = {}
    for row in rows:
        if row["source_id"] not in known:
            problems.append(
                Problem(
                    f"review of source {row['source_id']!r}, which does not exist",
                    file=row["seed_file"],
                    line=1,
                    hint="correct 'source:', or delete the file if its article is gone",
                )
            )
        elif row["source_id"] in seen:
            problems.append(
                Problem(
                    f"a second review of source {row['source_id']!r} "
                    f"(the first is {seen[row['source_id']]})",
                    file=row["seed_file"],
                    line=1,
                    hint="keep one review file per article",
                )
            )
        seen[row["source_id"]] = row["seed_file"]
    if problems:
        raise SeedError(problems)
    connection.execute(text("DELETE FROM reviews"))
    if rows:
        connection.execute(
            text(
                "INSERT INTO reviews (source_id, seed_file, rejections) "
                "VALUES (:source_id, :seed_file, :rejections)"
            ),
            rows,
        )


def _existing_sources(connection: Connection, source_ids: list[str]) -> set[str]:
    """Which of ``source_ids`` (a few: one per review file) are sources."""
    if not source_ids:
        return set()
    statement = text("SELECT id FROM sources WHERE id IN :ids").bindparams(
        bindparam("ids", expanding=True)
    )
    return {row.id for row in connection.execute(statement, {"ids": source_ids})}


def article_reviews(connection: Connection) -> dict[str, ArticleReview]:
    """The review of every article under review, with its curated rows' ids and places."""
    reviews = {
        row.source_id: ArticleReview(json.loads(row.rejections))
        for row in connection.execute(text("SELECT source_id, rejections FROM reviews"))
    }
    if not reviews:
        return reviews
    for row in connection.execute(
        text(
            "SELECT q.id, q.source_id, q.start_offset FROM quotes q JOIN reviews r "
            "ON r.source_id = q.source_id WHERE q.origin = 'curated'"
        )
    ):
        reviews[row.source_id].curated_quote_ids.add(row.id)
        reviews[row.source_id].curated_quote_starts.add(row.start_offset)
    for row in connection.execute(
        text(
            "SELECT es.event_id, es.source_id, es.start_offset FROM event_sources es "
            "JOIN reviews r ON r.source_id = es.source_id WHERE es.origin = 'curated'"
        )
    ):
        reviews[row.source_id].curated_event_ids.add(row.event_id)
        reviews[row.source_id].curated_evidence_starts.add(row.start_offset)
    return reviews


def review_key(content_hash: str, review: ArticleReview) -> str:
    """The hash an article under review's stored extraction is kept under: its text's,
    with its review folded in, so changing the review redoes that article alone."""
    state = {
        "text": content_hash,
        "rejected": review.rejected,
        "quotes": sorted(review.curated_quote_ids),
        "quote_starts": sorted(review.curated_quote_starts),
        "events": sorted(review.curated_event_ids),
        "evidence_starts": sorted(review.curated_evidence_starts),
    }
    encoded = json.dumps(state, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()
