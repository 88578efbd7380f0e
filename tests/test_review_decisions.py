"""Each review decision through the library (what the POST route calls): the records it
writes, that a load of them gives the rows, and that a refused one changes nothing."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
import yaml

import timeline
from timeline.errors import TimelineError
from timeline.review import decisions
from timeline.review.apply import apply_change

from .conftest import FIXTURES, dump_database, file_digest

SOURCE = "river-gazette-2026-03-04-bridge"
MEETING = "x-2026-03-02-meeting-mircea-dobre"


@pytest.fixture
def site(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "review", seeds)
    db = tmp_path / "t.db"
    timeline.load(seeds, str(db))
    return seeds, db


def decide(site, decision, *arguments, **options):
    seeds, db = site
    article = decisions.Article(seeds, db, SOURCE)
    try:
        change = decision(article, *arguments, **options)
    finally:
        article.close()
    apply_change(change, seeds, str(db))
    return change.message


def rows(db: Path, sql: str) -> list[tuple]:
    connection = sqlite3.connect(db)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def records(seeds: Path) -> dict:
    return yaml.safe_load((seeds / "records" / f"{SOURCE}.yaml").read_text("utf-8"))


def test_correct_an_event_date_type_place_and_actors(site, tmp_path):
    seeds, db = site
    # Extraction places the meeting in Chisinau, as its sentence says; the reviewer files
    # it under Orhei, the town whose bridge it was about, and Ana Rusu took part too.
    message = decide(
        site,
        decisions.correct_event,
        MEETING,
        date="2026-03-02",
        event_type="visit",
        place="orhei",
        actors=["mircea-dobre", "ana-rusu"],
    )
    assert message == f"Event {MEETING} corrected (type, place, actors)"
    [event] = records(seeds)["events"]
    assert event["type"] == "visit" and event["place"] == "orhei"
    assert event["actors"] == [
        {"actor": "mircea-dobre", "role": "participant"},
        {"actor": "ana-rusu", "role": "participant"},
    ]
    assert event["sources"][0]["evidence"].startswith("Mayor Ana Rusu of Orhei met")
    # The extracted actor and place it uses are now curated with it.
    assert [a["id"] for a in records(seeds)["actors"]] == ["mircea-dobre"]
    assert [p["id"] for p in records(seeds)["places"]] == ["orhei"]
    assert rows(db, f"SELECT origin, type, place_id FROM events WHERE id = '{MEETING}'") == [
        ("curated", "visit", "orhei")
    ]
    # Not proposed a second time by the article's extraction.
    assert rows(db, "SELECT count(*) FROM event_sources WHERE start_offset = 0") == [(1,)]
    fresh = tmp_path / "fresh.db"
    timeline.load(seeds, str(fresh))
    assert dump_database(fresh) == dump_database(db)


def test_a_reviewers_date_says_so(site):
    seeds, db = site
    decide(site, decisions.correct_event, MEETING, date="2026-03-01")
    [event] = records(seeds)["events"]
    assert event["date"] == "2026-03-01"
    assert event["date_reasoning"].startswith("set by a reviewer (extraction proposed 2026-03-02")


def test_accept_and_reject_actors_and_places(site):
    seeds, db = site
    assert decide(site, decisions.accept_actor, "elena-popa") == "Actor elena-popa accepted"
    assert decide(site, decisions.accept_place, "orhei") == "Place orhei accepted"
    decide(site, decisions.reject, "actor", "orhei-water-company", "not an actor of the story")
    assert rows(db, "SELECT origin FROM actors WHERE id = 'elena-popa'") == [("curated",)]
    assert rows(db, "SELECT origin FROM places WHERE id = 'orhei'") == [("curated",)]
    assert rows(db, "SELECT id FROM actors WHERE id = 'orhei-water-company'") == []
    review = yaml.safe_load((seeds / "records" / f"{SOURCE}.review.yaml").read_text("utf-8"))
    assert review["rejected"] == [
        {"actor": "Orhei Water Company", "reason": "not an actor of the story"}
    ]


def test_merge_into_a_curated_actor_adds_an_alias_to_the_actors_file(site):
    seeds, db = site
    before = (seeds / "records" / "actors.yaml").read_text("utf-8")
    decide(site, decisions.merge_actors, "elena-popa", "ana-rusu")
    after = (seeds / "records" / "actors.yaml").read_text("utf-8")
    assert after == before.replace(
        "aliases: [Ana Rusu, Rusu, Mayor Rusu]", "aliases: [Ana Rusu, Rusu, Mayor Rusu, Elena Popa]"
    )
    assert rows(db, "SELECT id FROM actors WHERE id = 'elena-popa'") == []
    assert ("ana-rusu", "Elena Popa") in rows(db, "SELECT actor_id, alias FROM actor_aliases")


@pytest.mark.parametrize(
    "decision, arguments, words",
    [
        (decisions.reject, ("quote", f"x-{SOURCE}-q1", " "), "say why it is wrong"),
        (decisions.merge_actors, ("elena-popa", "nobody"), "no other actor with id 'nobody'"),
        (decisions.accept_quote, ("no-such-quote",), "no extracted quote 'no-such-quote'"),
    ],
)
def test_a_refused_decision_changes_nothing(site, decision, arguments, words):
    seeds, db = site
    files = {p: file_digest(p) for p in seeds.rglob("*") if p.is_file()}
    before = dump_database(db)
    with pytest.raises(TimelineError) as refused:
        decide(site, decision, *arguments)
    assert words in str(refused.value)
    assert {p: file_digest(p) for p in seeds.rglob("*") if p.is_file()} == files
    assert dump_database(db) == before


def test_a_correction_the_loader_refuses_puts_every_file_back(site):
    seeds, db = site
    decide(site, decisions.accept_quote, f"x-{SOURCE}-q1")
    files = {p: file_digest(p) for p in seeds.rglob("*") if p.is_file()}
    before = dump_database(db)
    with pytest.raises(TimelineError) as refused:
        decide(site, decisions.correct_event, MEETING, date="the day before")
    assert f"{SOURCE}.yaml" in str(refused.value) and "date" in str(refused.value)
    assert {p: file_digest(p) for p in seeds.rglob("*") if p.is_file()} == files
    assert dump_database(db) == before
