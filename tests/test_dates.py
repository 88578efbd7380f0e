"""Event dates: each EDTF form we accept, its precision and bounds, and clear refusals."""

from __future__ import annotations

import datetime as dt
import time

import edtf
import pytest

from timeline.dates import DateError, parse_date, parse_published

D = dt.date


@pytest.mark.parametrize(
    ("written", "edtf_text", "precision", "start", "end"),
    [
        ("2025-08-10", "2025-08-10", "day", D(2025, 8, 10), D(2025, 8, 10)),
        ("2025-08", "2025-08", "month", D(2025, 8, 1), D(2025, 8, 31)),
        ("2024-02", "2024-02", "month", D(2024, 2, 1), D(2024, 2, 29)),
        ("2025", "2025", "year", D(2025, 1, 1), D(2025, 12, 31)),
        ("2025-23", "2025-23", "season", D(2025, 9, 1), D(2025, 11, 30)),
        ("autumn 2025", "2025-23", "season", D(2025, 9, 1), D(2025, 11, 30)),
        ("Fall 2025", "2025-23", "season", D(2025, 9, 1), D(2025, 11, 30)),
        ("summer 2023", "2023-22", "season", D(2023, 6, 1), D(2023, 8, 31)),
        ("spring 2026", "2026-21", "season", D(2026, 3, 1), D(2026, 5, 31)),
        ("winter 2023", "2023-24", "season", D(2023, 12, 1), D(2024, 2, 29)),
        ("2025-06/2025-07", "2025-06/2025-07", "range", D(2025, 6, 1), D(2025, 7, 31)),
        ("2019/2021", "2019/2021", "range", D(2019, 1, 1), D(2021, 12, 31)),
        ("2025-08-10/2025-08-11", "2025-08-10/2025-08-11", "range", D(2025, 8, 10), D(2025, 8, 11)),
    ],
)
def test_dates_have_precision_and_bounds(written, edtf_text, precision, start, end):
    date = parse_date(written)

    assert (date.edtf, date.precision, date.start, date.end) == (edtf_text, precision, start, end)
    assert date.sort_key == f"{start.isoformat()}/{end.isoformat()}"


@pytest.mark.parametrize(
    "written",
    [
        "2025-08-10",
        "2025-08",
        "2025",
        "2025-22",
        "2025-23",
        "2025-06/2025-07",
        "2019/2021",
        "2024-02",
        "2025-06~",
        "2025?",
    ],
)
def test_bounds_agree_with_the_edtf_package(written):
    ours = parse_date(written)
    theirs = edtf.parse_edtf(written)

    def as_date(value: time.struct_time) -> dt.date:
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday)

    assert ours.start == as_date(theirs.lower_strict())
    assert ours.end == as_date(theirs.upper_strict())


def test_qualifiers_mark_approximate_and_uncertain():
    assert parse_date("2025-06~").approximate and not parse_date("2025-06~").uncertain
    assert parse_date("2025?").uncertain and not parse_date("2025?").approximate
    both = parse_date("2025-06%")
    assert both.approximate and both.uncertain


@pytest.mark.parametrize(
    ("written", "message"),
    [
        ("2025-02-30", "'2025-02-30' is not a real day: February 2025 has 28 days"),
        ("2023-02-29", "not a real day: February 2023 has 28 days"),
        ("2025-13-01", "has month 13; months run from 01 to 12"),
        ("2025-00", "00 is neither a month (01-12) nor a season"),
        ("2025-08-10/2025-08-01", "ends before it starts"),
        ("last fall", "'last fall' is not a date we understand"),
        ("2025/2026/2027", "a range has exactly one '/'"),
        ("", "is not a date we understand"),
    ],
)
def test_impossible_dates_say_what_is_wrong(written, message):
    with pytest.raises(DateError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_date(written)


def test_winter_runs_into_the_next_year():
    assert parse_date("2025-24").end == D(2026, 2, 28)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2025", ("2025", "year")),
        ("2025-08", ("2025-08", "month")),
        ("2025-08-11", ("2025-08-11", "day")),
        (2025, ("2025", "year")),
    ],
)
def test_publication_dates_are_partial_iso(written, expected):
    assert parse_published(written) == expected


def test_publication_date_cannot_be_a_season():
    with pytest.raises(DateError, match="a publication date is a year, a month or a day"):
        parse_published("2025-23")
