"""Pages served by a real Datasette (its own test client) with the project's metadata."""

from __future__ import annotations

import asyncio

import pytest

from timeline.serve import build_datasette


def get(datasette, path):
    return asyncio.run(datasette.client.get(path))


@pytest.fixture
def datasette(minimal_db):
    return build_datasette(str(minimal_db))


def test_foreign_keys_show_names_not_ids(datasette):
    response = get(datasette, "/minimal/quotes.json?_labels=on&_shape=array")

    quote = response.json()[0]
    assert quote["speaker_id"] == {
        "value": "kassym-jomart-tokayev",
        "label": "Kassym-Jomart Tokayev",
    }
    assert quote["source_id"]["label"] == "Tokayev and Zelenskyy discuss peace"
    assert quote["event_id"]["label"] == "Tokayev and Zelenskyy speak by phone"


def test_html_table_page_shows_labels_and_descriptions(datasette):
    response = get(datasette, "/minimal/event_actors")

    assert response.status_code == 200
    assert "Kassym-Jomart Tokayev" in response.text
    assert "Who took part in each event, and in what role." in response.text


def test_configured_facets_are_computed(datasette):
    response = get(datasette, "/minimal/timeline.json")

    facets = response.json()["facet_results"]
    assert {"type", "year", "actor_names"} <= set(facets)
    assert facets["year"]["results"][0]["value"] == "2025"
    actor_facet = {row["value"] for row in facets["actor_names"]["results"]}
    assert actor_facet == {"Kassym-Jomart Tokayev", "Volodymyr Zelenskyy"}


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/minimal/events.json?_search=phone&_shape=array", 1),
        ("/minimal/events.json?_search=agreement&_shape=array", 0),
        ("/minimal/quotes.json?_search=quarrel&_shape=array", 1),
        ("/minimal/sources.json?_search=Zelenskyy&_shape=array", 1),
        ("/minimal/timeline.json?_search=phone&_shape=array", 1),
    ],
)
def test_full_text_search(datasette, path, expected):
    assert len(get(datasette, path).json()) == expected


def test_canned_query_finds_an_actor_by_any_spelling(datasette):
    response = get(datasette, "/minimal/actor_timeline.json?actor=Zelensky&_shape=array")

    assert [row["event_id"] for row in response.json()] == ["2025-08-10-call"]


def test_canned_query_events_between_two_dates(datasette):
    inside = get(
        datasette, "/minimal/events_between.json?start=2025-08-01&end=2025-08-31&_shape=array"
    )
    outside = get(
        datasette, "/minimal/events_between.json?start=2024-01-01&end=2024-12-31&_shape=array"
    )

    assert len(inside.json()) == 1
    assert outside.json() == []


def test_database_is_served_read_only(datasette):
    response = get(datasette, "/minimal.json?sql=delete+from+quotes")
    assert response.status_code == 400


def test_every_foreign_key_in_the_seed_database_shows_a_name(seed_db):
    """No bare ids: each foreign key value has a non-empty label (sources without a
    headline are labelled with what they do state, never an invented title)."""
    import sqlite3

    connection = sqlite3.connect(seed_db)
    tables = [
        r[0]
        for r in connection.execute(
            "select name from sqlite_master where type = 'table' and name not like '%_fts%'"
        )
    ]
    foreign_keys = {
        table: [row[3] for row in connection.execute(f"pragma foreign_key_list([{table}])")]
        for table in tables
    }
    connection.close()
    datasette = build_datasette(str(seed_db))
    checked = 0
    for table, columns in foreign_keys.items():
        if not columns:
            continue
        rows = get(datasette, f"/timeline/{table}.json?_labels=on&_shape=array&_size=max").json()
        for row in rows:
            for column in columns:
                if row[column] is not None:
                    assert row[column]["label"], (table, column, row[column])
                    checked += 1
    assert checked > 500


def test_untitled_sources_are_labelled_by_what_they_state(seed_db):
    datasette = build_datasette(str(seed_db))
    labels = {
        row["id"]: row["label"]
        for row in get(datasette, "/timeline/sources.json?_shape=array").json()
    }
    assert labels["anadolu-2025-08-tokayev-zelenskyy-call"] == "Anadolu Agency, 2025-08 (untitled)"
    assert labels["unknown-2025-08-kazakhstan-ukraine-relations"] == "2025-08 (untitled)"
    assert labels["tca-2026-02-10-maiko-interview"].startswith("Ukrainian Ambassador to Kazakhstan")
