"""Every extracted row says how it was found; extracted places land on the map."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

import timeline

from .conftest import FIXTURES, dump_database

ARTICLES = FIXTURES / "extract" / "articles"
EXTRACTED_TABLES = (
    "actors",
    "actor_aliases",
    "places",
    "events",
    "event_actors",
    "event_sources",
    "quotes",
)


@pytest.fixture
def loaded(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "minimal", seeds)
    shutil.copy(ARTICLES / "patterns-news.txt", seeds / "articles")
    db = tmp_path / "t.db"
    timeline.load(seeds, str(db))
    return seeds, db


def rows(db, sql):
    connection = sqlite3.connect(db)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


@pytest.mark.parametrize("table", EXTRACTED_TABLES)
def test_every_extracted_row_names_its_method_and_basis(loaded, table):
    _, db = loaded
    extracted = rows(
        db, f"select extraction_method, extraction_basis from {table} where origin = 'extracted'"
    )
    assert extracted, f"no extracted {table}"
    assert all(method for method, _ in extracted)
    assert sum(1 for _, basis in extracted if basis) >= len(extracted) * 0.9
    curated = rows(db, f"select count(*) from {table} where origin = 'curated' "
                   "and extraction_method is not null")  # fmt: skip
    assert curated == [(0,)]


def test_the_speaker_rule_and_its_words_are_on_the_quote(loaded):
    _, db = loaded
    found = rows(
        db,
        "select extraction_method, extraction_basis from quotes "
        "where text = 'The talks were long but useful,'",
    )
    assert found == [("quotation marks; speaker: verb-who", "said Petrosyan.")]


def test_a_mentioned_city_becomes_a_place_with_coordinates_and_the_events_place(loaded):
    _, db = loaded
    place = rows(
        db,
        "select name, country, round(latitude), round(longitude), coordinates_origin, "
        "extraction_basis from places where origin = 'extracted' and name = 'Tbilisi'",
    )
    assert place and place[0][:4] == ("Tbilisi", "Georgia", 42.0, 45.0)
    assert place[0][4].startswith("geonames:")
    assert "after a preposition of place" in place[0][5]
    events = rows(
        db,
        "select e.place_id from events e join event_sources s on s.event_id = e.id "
        "where s.excerpt like 'Georgian Foreign Minister Nino Kavtaradze met%'",
    )
    assert events == [("tbilisi",)]


def test_loading_again_into_the_same_database_keeps_the_extracted_places(loaded, tmp_path):
    seeds, db = loaded
    before = dump_database(db)
    timeline.load(seeds, str(db))
    assert dump_database(db) == before
