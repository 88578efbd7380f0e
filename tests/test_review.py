"""Review mode without a browser: who may write, the review file's format and errors,
and the rejection filter. The browser flow is in test_browser_review.py."""

from __future__ import annotations

import asyncio
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

import timeline
from timeline.cli import cli
from timeline.errors import SeedError
from timeline.extract.pipeline import Extraction
from timeline.review.rejections import ArticleReview, apply_review
from timeline.web.serve import build_datasette

from .conftest import FIXTURES, SEEDS, dump_database, file_digest

SOURCE = "river-gazette-2026-03-04-bridge"
REVIEW_FILE = f"records/{SOURCE}.review.yaml"


@pytest.fixture
def review_seeds(tmp_path) -> Path:
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "review", seeds)
    return seeds


def rows(db: Path, sql: str) -> list[tuple]:
    connection = sqlite3.connect(db)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_server_without_review_refuses_writes(review_seeds, tmp_path):
    db = tmp_path / "t.db"
    timeline.load(review_seeds, str(db))
    datasette = build_datasette(str(db))

    async def visit():
        page = await datasette.client.get(f"/t/-/sources/{SOURCE}")
        post = await datasette.client.post(
            f"/t/-/review/{SOURCE}", data={"action": "accept", "kind": "quote", "id": "x"}
        )
        queue = await datasette.client.get("/t/-/review")
        return page, post, queue

    page, post, queue = asyncio.run(visit())
    assert page.status_code == 200 and "rv-panel" not in page.text
    assert 'method="post"' not in page.text
    assert post.status_code == 403 and "read-only" in post.text and "--review" in post.text
    assert queue.status_code == 403
    assert not (review_seeds / REVIEW_FILE).exists()


def test_review_refuses_a_post_without_a_cookie_and_a_get(review_seeds, tmp_path):
    db = tmp_path / "t.db"
    timeline.load(review_seeds, str(db))
    datasette = build_datasette(str(db), review_seeds=review_seeds)
    before = {p: file_digest(p) for p in review_seeds.rglob("*") if p.is_file()}

    async def visit():
        post = await datasette.client.post(
            f"/t/-/review/{SOURCE}", data={"action": "accept", "kind": "quote", "id": "x"}
        )
        get = await datasette.client.get(f"/t/-/review/{SOURCE}")
        return post, get

    post, get = asyncio.run(visit())
    assert post.status_code == 403 and "CSRF" in post.text
    assert get.status_code == 405
    assert {p: file_digest(p) for p in review_seeds.rglob("*") if p.is_file()} == before


@pytest.mark.parametrize(
    "arguments, words",
    [
        (["--host", "0.0.0.0"], "serves on a loopback host only; not on '0.0.0.0'"),
        (["--host", "192.168.1.20"], "serves on a loopback host only; not on '192.168.1.20'"),
        (["--allow-host", "timeline.example"], "cannot be combined with --allow-host"),
    ],
)
def test_review_serves_on_loopback_only(review_seeds, tmp_path, arguments, words):
    db = tmp_path / "t.db"
    timeline.load(review_seeds, str(db))
    result = CliRunner().invoke(
        cli, ["serve", "--db", str(db), "--review", "--seeds", str(review_seeds), *arguments]
    )
    assert result.exit_code != 0
    assert words in " ".join(result.output.split())


def test_review_needs_the_seeds_folder(tmp_path, review_seeds):
    db = tmp_path / "t.db"
    timeline.load(review_seeds, str(db))
    result = CliRunner().invoke(
        cli, ["serve", "--db", str(db), "--review", "--seeds", str(tmp_path / "nowhere")]
    )
    assert result.exit_code != 0 and "--seeds DIR" in result.output


def test_a_review_file_written_by_hand_keeps_the_article_extracted(review_seeds, tmp_path):
    """Curated records of an article normally stop its extraction; with a review file
    the unreviewed rest stays, and what it rejects is gone, in any load order."""
    (review_seeds / "records" / f"{SOURCE}.yaml").write_text(
        "quotes:\n"
        f"  - id: x-{SOURCE}-q1\n    source: {SOURCE}\n    speaker: ana-rusu\n"
        "    text: The bridge will open before the winter,\n",
        encoding="utf-8",
    )
    db = tmp_path / "t.db"
    timeline.load(review_seeds, str(db))
    assert rows(db, "SELECT count(*) FROM quotes WHERE origin = 'extracted'") == [(0,)]

    (review_seeds / REVIEW_FILE).write_text(
        f"source: {SOURCE}\nrejected:\n"
        "  - quote: Everyone here has waited twenty years for this bridge.\n"
        "    start: 0\n    reason: not said by anyone named\n"
        "  - actor: Orhei Water Company\n    reason: a made-up company\n",
        encoding="utf-8",
    )
    result = timeline.load(review_seeds, str(db))
    assert result.mode == "incremental"
    quotes = rows(db, "SELECT id, origin FROM quotes ORDER BY id")
    assert quotes == [
        (f"x-{SOURCE}-q1", "curated"),
        (f"x-{SOURCE}-q2", "extracted"),
        (f"x-{SOURCE}-q3", "extracted"),
    ]
    assert rows(db, "SELECT id FROM actors WHERE name = 'Orhei Water Company'") == []
    fresh = tmp_path / "fresh.db"
    timeline.load(review_seeds, str(fresh))
    assert dump_database(fresh) == dump_database(db)

    # Deleting the review file makes the article covered again, as before any review.
    (review_seeds / REVIEW_FILE).unlink()
    timeline.load(review_seeds, str(db))
    assert rows(db, "SELECT count(*) FROM quotes WHERE origin = 'extracted'") == [(0,)]
    assert rows(db, "SELECT count(*) FROM reviews") == [(0,)]


@pytest.mark.parametrize(
    "content, words",
    [
        ("rejected: []\n", "a review file must be a mapping with 'source: <source id>'"),
        (f"source: {SOURCE}\nrejected:\n  - quote: Hello\n    reason: no\n", "needs 'start:'"),
        (
            f"source: {SOURCE}\nrejected:\n  - event: It rained.\n    start: 3\n    reason: x\n",
            "needs 'type:'",
        ),
        (f"source: {SOURCE}\nrejected:\n  - actor: Ion Ceban\n", "needs 'reason:'"),
        (f"source: {SOURCE}\nrejected:\n  - speaker: Ion\n    reason: x\n", "exactly one of"),
        (f"source: {SOURCE}\naccepted: []\n", "unknown key 'accepted'"),
        ("source: no-such-article\nrejected: []\n", "review of source 'no-such-article'"),
    ],
)
def test_a_bad_review_file_names_file_and_line_and_changes_nothing(
    review_seeds, tmp_path, content, words
):
    db = tmp_path / "t.db"
    timeline.load(review_seeds, str(db))
    before = dump_database(db)
    (review_seeds / REVIEW_FILE).write_text(content, encoding="utf-8")
    with pytest.raises(SeedError) as refused:
        timeline.load(review_seeds, str(db))
    assert words in str(refused.value)
    assert REVIEW_FILE.split("/")[-1] in str(refused.value) and ":" in str(refused.value)
    assert dump_database(db) == before


def test_hand_curated_seeds_have_no_review(tmp_path):
    db = tmp_path / "seeds.db"
    timeline.load(SEEDS, str(db))
    assert rows(db, "SELECT count(*) FROM reviews") == [(0,)]
    assert rows(db, "SELECT count(*) FROM quotes WHERE origin = 'extracted'") == [(0,)]


def _extraction() -> Extraction:
    source = "s"
    return Extraction(
        source_id=source,
        actors=[
            {"id": "ion", "name": "Ion Ceban"},
            {"id": "ana", "name": "Ana Rusu"},
        ],
        actor_aliases=[{"actor_id": "ion", "alias": "Ion Ceban", "alias_key": "ion ceban"}],
        places=[{"id": "orhei", "name": "Orhei"}],
        events=[
            {"id": "e1", "type": "meeting", "place_id": "orhei"},
            {"id": "e2", "type": "visit", "place_id": None},
        ],
        event_actors=[
            {"event_id": "e1", "actor_id": "ion", "role": "participant"},
            {"event_id": "e2", "actor_id": "ana", "role": "participant"},
        ],
        event_sources=[
            {"event_id": "e1", "source_id": source, "start_offset": 10, "excerpt": "They met."},
            {"event_id": "e2", "source_id": source, "start_offset": 40, "excerpt": "She went."},
        ],
        quotes=[
            {"id": "q1", "text": "Yes", "start_offset": 5, "speaker_id": "ion", "event_id": "e1"},
            {"id": "q2", "text": "No", "start_offset": 50, "speaker_id": "ana", "event_id": None},
        ],
        mentioned_actor_ids=["ion", "ana"],
    )


@pytest.mark.parametrize(
    "review, quotes, events, actors",
    [
        (ArticleReview(), ["q1", "q2"], ["e1", "e2"], ["ion", "ana"]),
        # A quote by its words, or by where it starts (a new version's other span).
        (ArticleReview([{"quote": "Yes", "start": 99, "reason": "r"}]), ["q2"], ["e1", "e2"],
         ["ion", "ana"]),
        (ArticleReview([{"quote": "Oui", "start": 50, "reason": "r"}]), ["q1"], ["e1", "e2"],
         ["ion", "ana"]),
        # An event by its sentence and type: the same sentence as another type stays.
        (ArticleReview([{"event": "They met.", "start": 10, "type": "meeting", "reason": "r"}]),
         ["q1", "q2"], ["e2"], ["ion", "ana"]),
        (ArticleReview([{"event": "They met.", "start": 10, "type": "visit", "reason": "r"}]),
         ["q1", "q2"], ["e1", "e2"], ["ion", "ana"]),
        # An actor by name: its links go, its quotes stay without a speaker.
        (ArticleReview([{"actor": "ion ceban", "reason": "r"}]), ["q1", "q2"], ["e1", "e2"],
         ["ana"]),
        # Already curated (accepted in the browser): by id, or where it sits.
        (ArticleReview(curated_quote_ids={"q2"}, curated_evidence_starts={10}), ["q1"], ["e2"],
         ["ion", "ana"]),
    ],
)  # fmt: skip
def test_apply_review_leaves_out_what_was_rejected_or_curated(review, quotes, events, actors):
    extraction = _extraction()
    original = repr(extraction)
    reviewed = apply_review(extraction, review)
    assert [q["id"] for q in reviewed.quotes] == quotes
    assert [e["id"] for e in reviewed.events] == events
    assert [a["id"] for a in reviewed.actors] == actors
    kept_events = {e["id"] for e in reviewed.events}
    kept_actors = {a["id"] for a in reviewed.actors}
    assert {link["event_id"] for link in reviewed.event_sources} == kept_events
    assert all(link["actor_id"] in kept_actors for link in reviewed.event_actors)
    assert all(q["speaker_id"] in kept_actors | {None} for q in reviewed.quotes)
    assert all(q["event_id"] in kept_events | {None} for q in reviewed.quotes)
    assert repr(extraction) == original  # a pure filter: the stored extraction is untouched


def test_rejecting_a_place_unlinks_its_events():
    review = ArticleReview([{"place": "Orhei", "reason": "not in the story"}])
    reviewed = apply_review(_extraction(), review)
    assert reviewed.places == []
    assert [e["place_id"] for e in reviewed.events] == [None, None]
