"""Pages served by a real Datasette (its own test client) with the project's metadata."""

from __future__ import annotations

import asyncio
import csv
import html
import io
import sqlite3
import time
from urllib.parse import quote

import pytest

from timeline.web.serve import build_datasette


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
    assert (
        labels["anadolu-2025-08-tokayev-zelenskyy-call"] == "Anadolu Agency, 2025-08-10 (untitled)"
    )
    assert labels["unknown-2025-08-kazakhstan-ukraine-relations"] == "2025-08 (untitled)"
    assert labels["tca-2026-02-10-maiko-interview"].startswith("Ukrainian Ambassador to Kazakhstan")


# -- The plugin's CSV export: /<db>/-/export/<table>.csv ----------------------------------


def csv_text(columns, rows) -> str:
    """What Python's csv module writes for these rows (None as an empty cell)."""
    out = io.StringIO()
    csv.writer(out).writerows([columns, *rows])
    return out.getvalue()


def sql_rows(db, sql, params=()):
    connection = sqlite3.connect(db)
    cursor = connection.execute(sql, params)
    columns = [column[0] for column in cursor.description]
    rows = cursor.fetchall()
    connection.close()
    return columns, rows


@pytest.fixture
def small_chunks(seed_db):
    """The seed database served with 7-row chunks, so an export spans many chunks."""
    from datasette.app import Datasette

    from timeline.web.serve import SETTINGS, datasette_metadata

    return Datasette(
        files=[str(seed_db)],
        metadata=datasette_metadata("timeline"),
        settings={**SETTINGS, "max_returned_rows": 7},
    )


@pytest.mark.parametrize(
    ("arguments", "where", "params", "order"),
    [
        ("", "", (), "sort_key, id"),
        ("?date_start__gte=2025-08-01", "WHERE date_start >= ?", ("2025-08-01",), "sort_key, id"),
        ("?type=statement&_sort_desc=date_end", "WHERE type = ?", ("statement",),
         "date_end DESC, id"),
        ("?_search=Zelenskyy", "WHERE rowid IN (SELECT rowid FROM events_fts "
         "WHERE events_fts MATCH ?)", ('"Zelenskyy"',), "sort_key, id"),
        ("?id__lt=2022-03", "WHERE id < ?", ("2022-03",), "sort_key, id"),
    ],
)  # fmt: skip
def test_export_returns_exactly_the_rows_of_the_sql_query(
    small_chunks, seed_db, arguments, where, params, order
):
    response = get(small_chunks, f"/timeline/-/export/events.csv{arguments}")

    expected = sql_rows(seed_db, f"SELECT * FROM events {where} ORDER BY {order}", params)
    assert response.status_code == 200
    assert len(expected[1]) > 1
    assert response.text == csv_text(*expected)


def test_export_has_the_rows_of_datasettes_own_csv(seed_db):
    datasette = build_datasette(str(seed_db))
    query = "date_start__gte=2025-01-01&_sort=date_end"

    ours = get(datasette, f"/timeline/-/export/events.csv?{query}").text.splitlines()
    theirs = get(datasette, f"/timeline/events.csv?_stream=on&{query}").text.splitlines()

    assert ours[0] == theirs[0]
    assert sorted(ours) == sorted(theirs)
    assert len(ours) > 20


def test_export_of_a_whole_table_in_primary_key_order(datasette, minimal_db):
    # The table page's link carries no _dl: the export is a download all the same.
    response = get(datasette, "/minimal/-/export/actor_aliases.csv")

    expected = sql_rows(minimal_db, "SELECT * FROM actor_aliases ORDER BY actor_id, alias")
    assert response.text == csv_text(*expected)
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="actor_aliases.csv"'


@pytest.mark.parametrize(
    ("path", "status", "message"),
    [
        ("/minimal/-/export/nowhere.csv", 404, "Table not found"),
        ("/minimal/-/export/timeline.csv", 404, "Table not found"),  # a view: no rowids
        ("/minimal/-/export/events.csv?_sort=nowhere", 400, "Cannot sort table by nowhere"),
        ("/minimal/-/export/events.csv?_labels=on", 400, "_labels not supported"),
        ("/minimal/-/export/events.csv?nowhere__gt=1", 400, "events has no such column"),
        ("/minimal/-/export/events.csv?id__near=1", 400, "Unknown filter id__near"),
    ],
)
def test_export_explains_what_it_cannot_do(datasette, path, status, message):
    response = get(datasette, path)

    assert response.status_code == status
    assert message in html.unescape(response.text)


@pytest.mark.parametrize(
    ("arguments", "status"),
    [
        ("id=x%27%3B+delete+from+events%3B+--", 200),  # a value is a bound parameter
        ("_sort=id%3B+drop+table+events", 400),
        ("_where=1%3B+delete+from+events", 400),
        ("_where=1+in+(select+1)+%29%3B+delete+from+events%3B+--", 400),
    ],
)
def test_export_refuses_writes(datasette, minimal_db, arguments, status):
    before = sql_rows(minimal_db, "SELECT * FROM events ORDER BY id")

    response = get(datasette, f"/minimal/-/export/events.csv?{arguments}")

    assert response.status_code == status
    if status == 200:
        assert response.text.splitlines() == [",".join(before[0])]  # the header: no rows
    assert sql_rows(minimal_db, "SELECT * FROM events ORDER BY id") == before


def test_export_reads_through_a_connection_that_cannot_write(datasette):
    """The export's queries go through Datasette's read connection (mode=ro)."""
    db = datasette.get_database("minimal")

    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        asyncio.run(db.execute_fn(lambda connection: connection.execute("delete from events")))


def test_export_stops_a_runaway_filter_at_the_time_limit(datasette):
    runaway = (
        "(with recursive c(x) as (select 1 union all select x + 1 from c) "
        "select count(*) from c) > 0"
    )

    started = time.perf_counter()
    response = get(datasette, f"/minimal/-/export/events.csv?_where={quote(runaway)}")

    assert response.status_code == 400
    assert "longer than the SQL time limit (1000 ms)" in response.text
    assert time.perf_counter() - started < 10


def test_table_pages_link_to_the_export_with_their_filters(datasette):
    page = get(datasette, "/minimal/events?type=phone_call&_search=phone").text
    view = get(datasette, "/minimal/timeline").text

    assert 'href="/minimal/-/export/events.csv?type=phone_call&amp;_search=phone"' in page
    assert "/-/export/" not in view


def test_big_tables_leave_their_configured_facets_off(minimal_db, monkeypatch):
    monkeypatch.setattr("timeline.web.serve.FACETS_UP_TO", 0)
    datasette = build_datasette(str(minimal_db))

    events = get(datasette, "/minimal/events.json").json()
    asked = get(datasette, "/minimal/events.json?_facet=type").json()
    page = get(datasette, "/minimal/events").text

    assert events["facet_results"] == {}
    assert set(asked["facet_results"]) == {"type"}
    assert "Facets are off by default above 0 rows; add ?_facet=type" in page
