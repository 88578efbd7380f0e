"""Dates in words, TimelineJS and iCalendar exports (CLI and Datasette), and the gazetteer."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import sqlite3

import icalendar
import pytest
from click.testing import CliRunner

import timeline
from timeline.cli import cli
from timeline.export.formats import ics
from timeline.gazetteer import find_place
from timeline.web.browse import load_events
from timeline.web.display import display_date
from timeline.web.serve import build_datasette

from .conftest import FIXTURES


@pytest.fixture(scope="module")
def browse_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("formats") / "browse.db"
    timeline.load(FIXTURES / "browse", str(db))
    return db


def export(db, fmt):
    result = CliRunner().invoke(cli, ["export", "events", "--db", str(db), "--format", fmt])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize(
    ("edtf", "words"),
    [
        ("2025-08-10", "10 August 2025"),
        ("2025-08", "August 2025"),
        ("2025", "2025"),
        ("2025-23", "autumn 2025"),
        ("2025-24", "winter 2025"),
        ("2025-08-10/2025-08-15", "10–15 August 2025"),
        ("2025-07-30/2025-08-02", "30 July – 2 August 2025"),
        ("2025-06/2025-07", "June – July 2025"),
        ("2024/2025", "2024–2025"),
        ("2025-12-30/2026-01-02", "30 December 2025 – 2 January 2026"),
        ("2025-06~", "about June 2025"),
        ("2025?", "2025 (uncertain)"),
    ],
)
def test_display_date_is_as_precise_as_the_date(edtf, words):
    assert display_date(edtf) == words


def test_timelinejs_export_keeps_each_dates_precision(browse_db):
    document = json.loads(export(browse_db, "timelinejs"))

    slides = {slide["unique_id"]: slide for slide in document["events"]}
    assert list(slides) == [event["id"] for event in load_events(str(browse_db))]
    day = slides["2024-03-04-aktau-talks"]
    assert day["start_date"] == {"year": 2024, "month": 3, "day": 4, "display_date": "4 March 2024"}
    assert "end_date" not in day
    year = slides["2026-first-ferry"]
    assert year["start_date"] == {"year": 2026, "display_date": "2026"}
    assert year["text"]["headline"] == "First ferry expected to sail (forecast)"
    season = slides["2024-autumn-planned-signing"]
    assert season["display_date"] == "autumn 2024"
    assert season["start_date"]["month"] == 9 and season["end_date"] == {"year": 2024, "month": 11}
    span = slides["2025-11-port-inspections"]
    assert span["end_date"] == {"year": 2025, "month": 11, "day": 14}
    assert day["group"] == "meeting"
    assert "“Our harbours have waited long enough,” — Mara Olsen" in day["text"]["text"]
    assert 'href="https://example.org/riverside/2024-03-05-talks"' in day["text"]["text"]
    assert document["title"]["text"]["headline"] == "Timeline"


def test_ics_export_is_valid_icalendar_with_all_day_events(browse_db):
    text = export(browse_db, "ics")
    calendar = icalendar.Calendar.from_ical(text)

    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == 6
    talks = events["2024-03-04-aktau-talks@timeline"]
    assert talks["DTSTART"].dt == dt.date(2024, 3, 4)
    assert talks["DTEND"].dt == dt.date(2024, 3, 5)
    assert str(talks["SUMMARY"]) == "Harbour talks open in Aktau"
    assert str(talks["LOCATION"]) == "Aktau"
    assert "Riverside Gazette: Harbour talks open in Aktau" in str(talks["DESCRIPTION"])
    assert "https://example.org/riverside/2024-03-05-talks" in str(talks["DESCRIPTION"])
    year = events["2026-first-ferry@timeline"]
    assert (year["DTSTART"].dt, year["DTEND"].dt) == (dt.date(2026, 1, 1), dt.date(2027, 1, 1))
    assert str(year["STATUS"]) == "TENTATIVE" and str(year["TRANSP"]) == "TRANSPARENT"
    assert "Date: 2026 (year)" in str(year["DESCRIPTION"])


def test_ics_lines_are_crlf_and_folded_at_75_octets(browse_db):
    text = ics(load_events(str(browse_db)), stamp=dt.datetime(2026, 1, 1, tzinfo=dt.UTC))

    lines = text.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2:] == ["END:VCALENDAR", ""]
    assert "\n" not in text.replace("\r\n", "")
    assert max(len(line.encode("utf-8")) for line in lines) <= 75
    assert "DTSTAMP:20260101T000000Z" in lines


def test_ics_uids_are_stable_across_exports(browse_db):
    assert [line for line in export(browse_db, "ics").splitlines() if line.startswith("UID")] == [
        line for line in export(browse_db, "ics").splitlines() if line.startswith("UID")
    ]


def test_event_formats_refuse_other_exports(browse_db):
    result = CliRunner().invoke(
        cli, ["export", "quotes", "--db", str(browse_db), "--format", "ics"]
    )

    assert result.exit_code == 2
    assert "--format ics exports events only" in result.output


def get(datasette, path):
    return asyncio.run(datasette.client.get(path))


def test_datasette_serves_the_filtered_exports(browse_db):
    datasette = build_datasette(str(browse_db))

    filtered = get(datasette, "/browse/-/timeline.timelinejs?actor=bekzat-nurlanov&from=2024")
    calendar = get(datasette, "/browse/-/timeline.ics?type=agreement")
    nested = get(datasette, "/browse/-/timeline.json?q=inspections")

    assert [s["unique_id"] for s in filtered.json()["events"]] == [
        "2024-03-04-aktau-talks",
        "2025-11-18-ferry-agreement",
    ]
    assert calendar.headers["content-type"].startswith("text/calendar")
    assert calendar.text.count("BEGIN:VEVENT") == 2
    assert nested.json()[0]["actors"] == [
        {"id": "ferry-ministry", "name": "Ministry of Ferries", "type": "government_body",
         "roles": ["organiser"]}
    ]  # fmt: skip


def test_output_renderers_follow_datasette_table_filters(browse_db):
    datasette = build_datasette(str(browse_db))

    view = get(datasette, "/browse/timeline.timelinejs?type=agreement")
    table = get(datasette, "/browse/events.ics?status=forecast")
    html = get(datasette, "/browse/timeline").text

    assert [s["unique_id"] for s in view.json()["events"]] == [
        "2024-autumn-planned-signing",
        "2025-11-18-ferry-agreement",
    ]
    assert "UID:2026-first-ferry@timeline" in table.text and table.text.count("BEGIN:VEVENT") == 1
    assert "/browse/timeline.ics" in html and "/browse/timeline.timelinejs" in html


def test_gazetteer_fills_only_missing_coordinates_and_says_so(browse_db):
    rows = sqlite3.connect(browse_db).execute(
        "select id, latitude, longitude, coordinates_origin from places order by id"
    )

    assert list(rows) == [
        ("aktau", 43.6532, 51.1975, "curated"),
        ("almaty", 43.25249, 76.9115, "geonames:1526384"),
    ]


def test_load_reports_filled_coordinates(tmp_path):
    result = timeline.load(FIXTURES / "browse", str(tmp_path / "b.db"))

    assert any("'almaty'" in w and "GeoNames 1526384" in w for w in result.warnings)


@pytest.mark.parametrize(
    ("name", "country", "expected"),
    [
        ("Almaty", "Kazakhstan", 1526384),
        ("Bilhorod-Dnistrovskyi (Belgorod-Dnestrovsky)", "Ukraine", 712160),
        ("Alma-Ata", None, 1526384),
        ("Kingston", None, "names cities in several countries; add a country"),
        ("Kuryk", "Kazakhstan", "no GeoNames city of that name"),
        ("Almaty", "Atlantis", "country 'Atlantis' is not in GeoNames"),
    ],
)
def test_find_place(name, country, expected):
    found = find_place(name, country)
    if isinstance(expected, int):
        assert found.geonameid == expected
    else:
        assert expected in found
