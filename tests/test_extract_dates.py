"""Relative and absolute date expressions, resolved against a publication date."""

from __future__ import annotations

import pytest

from timeline.articles import read_article
from timeline.dates import parse_date
from timeline.extract.pipeline import extract_article
from timeline.extract.relative_dates import (
    Published,
    find_dates,
    resolve_relative_date,
    timeline_date,
)

from .conftest import FIXTURES

ARTICLES = FIXTURES / "extract" / "articles"


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("on Sunday", "2025-09-01", "2025-08-31"),  # across a month boundary
        ("On Friday", "2025-08-11", "2025-08-08"),
        ("on Monday", "2025-09-01", "2025-09-01"),  # the day itself
        ("last Monday", "2025-09-01", "2025-08-25"),
        ("yesterday", "2025-03-01", "2025-02-28"),
        ("last fall", "2026-02", "2025-23"),
        ("last fall", "2025-10-15", "2024-23"),  # autumn 2025 is not over yet
        ("last autumn", "2025-12-05", "2025-23"),
        ("this summer", "2026-03", "2026-22"),
        ("last winter", "2026-04", "2025-24"),
        ("last August", "2026-02", "2025-08"),
        ("nearly a decade ago", "2025-03-14", "2015~"),  # decades are approximate
        ("two decades ago", "2025", "2005~"),
        ("Fourteen years ago", "2025-03-14", "2011"),  # number words past twelve
        ("just over 48 hours ago", "2025-03-14", "2025-03-12~"),
        ("six hours ago", "2025-03-14", "2025-03-14~"),
        ("from 1998 to 2003", "2025-03-14", "1998/2003"),  # spans of years and months
        ("between May 2010 and June 2012", "2025-03-14", "2010-05/2012-06"),
        ("in 2016-2018", None, "2016/2018"),
        ("in 2016 and 2018", None, "2016"),  # two years, not a span
        ("from 2018 to 2016", None, "2018"),  # backwards: no span
        ("the 1996 Olympics", None, "1996"),  # a year naming a happening
        ("since the 2008 crisis", None, "2008"),
        ("in the past few days", "2025-03-14", "2025-03-08/2025-03-14~"),
        ("over the last two weeks", "2025-03-14", "2025-02-28/2025-03-14"),
        ("last August", "2025-09-10", "2025-08"),
        ("a month ago", "2025-10", "2025-09"),
        ("About a month ago", "2025-10", "2025-09~"),
        ("two weeks ago", "2025-10-15", "2025-10-01"),
        ("three years ago", "2025", "2022"),
        ("In June 2022", None, "2022-06"),
        ("in early September 2025", None, "2025-09"),
        ("In June", "2025-10", "2025-06"),
        ("Feb. 25", "2026-02", "2026-02-25"),
        ("on Aug. 15", "2025-08-11", "2025-08-15"),
        ("On March 6, 2022", None, "2022-03-06"),
        ("10 February 2026", None, "2026-02-10"),
        ("four years since", "2026-02", "2022"),
        ("This year", "2026-02", "2026"),
        ("last year", "2026-02", "2025"),
        ("next year", "2026-02", "2027"),
        ("last month", "2026-01-20", "2025-12"),
        ("last week", "2025-08-13", "2025-08-04/2025-08-10"),
        ("in the summer of 2023", None, "2023-22"),
        ("spring 2026", None, "2026-21"),
        ("in 2019", None, "2019"),
        ("since 2022", "2026", "2022"),
        # a quarter is its three months
        ("in the first quarter of 2023", None, "2023-01/2023-03"),
        ("during the fourth quarter of 2022", "2024-03-15", "2022-10/2022-12"),
        ("in Q3 2024", None, "2024-07/2024-09"),
    ],
)
def test_expression_resolves_to_edtf(expression, published, expected):
    found = resolve_relative_date(expression, published)
    assert found is not None, expression
    assert found.date.edtf == expected
    assert found.expression.lower() in expression.lower()
    assert found.reasoning


@pytest.mark.parametrize(
    ("expression", "published"),
    [
        ("on Sunday", "2025-08"),  # a weekday needs the day of publication
        ("on Sunday", None),
        ("last fall", None),
        ("a month ago", "2025"),
        ("as quoted by Mayko", "2026-02"),  # "by May" is not a month here
        ("4,750 miles in 2025 tons", None),
        ("the 2000 people who signed", None),  # a count, not a year
        ("between 2020 and 2023 people", None),
        ("in the past few days", "2025-03"),  # needs the day of publication
        ("six hours ago", "2025-03"),
    ],
)
def test_expression_without_enough_context_is_left_unresolved(expression, published):
    found = resolve_relative_date(expression, published)
    assert found is None or found.expression.lower() != expression.lower()


def test_future_tense_picks_the_next_weekday():
    found = resolve_relative_date("on Friday", "2025-08-11", future=True)
    assert found.date.edtf == "2025-08-15"


@pytest.mark.parametrize(
    "edtf", ["2025-08-10", "2025-08", "2025", "2025-21", "2025-23", "2025-24", "2025-09~"]
)
def test_fast_dates_equal_the_edtf_parser(edtf):
    assert timeline_date(edtf) == parse_date(edtf)


def test_precision_is_kept():
    assert resolve_relative_date("last year", "2026-02").date.precision == "year"
    assert resolve_relative_date("last fall", "2026-02").date.precision == "season"
    assert resolve_relative_date("last August", "2026-02").date.precision == "month"


@pytest.mark.parametrize(
    ("expression", "published", "anchor", "article", "expected"),
    [
        ("That same month", "2025-08", "2022-03-06", "", "2022-03"),
        ("the same day", "2025-08", "2022-03-06", "", "2022-03-06"),
        ("later that year", "2025-08", "2022-03", "", "2022"),
        ("that same week", "2025-08", "2025-08-13", "", "2025-08-11/2025-08-17"),
        ("Hours later", "2025-08", "2022-02-21", "", "2022-02-21~"),  # may pass midnight
        ("a day later", "2025-08", "2025-08-10", "", "2025-08-11"),
        ("later that night", "2025-08", "2025-08-10", "", "2025-08-10~"),
        # a month-dated source: a period's end next to a full date does not stop the search
        (
            "on Sunday",
            "2025-08",
            None,
            "By the end of this week. On August 10 it rained.",
            "2025-08-10",
        ),
        # A source dated only to the month: the weekday is the article's one full date
        # that falls on it ("on Sunday" ... "the call on August 10").
        ("on Sunday", "2025-08", None, "The call on August 10 lasted an hour.", "2025-08-10"),
    ],
)
def test_expression_resolves_from_context(expression, published, anchor, article, expected):
    found = resolve_relative_date(expression, published, anchor=anchor, article=article)
    assert found is not None, expression
    assert found.date.edtf == expected
    assert found.reasoning


@pytest.mark.parametrize(
    ("expression", "published", "anchor", "article"),
    [
        ("That same month", "2025-08", "2022", ""),  # the anchor is only a year
        ("the same day", "2025-08", "2022-03", ""),
        ("Hours later", "2025-08", None, ""),
        ("on Sunday", "2025-08", None, "On August 11 and August 12."),  # no full date a Sunday
        ("on Sunday", "2025-08", None, "On August 3 and on August 10."),  # two Sundays
        ("last Sunday", "2025-08", None, "The call on August 10."),
    ],
)
def test_context_too_weak_leaves_the_expression_unresolved(expression, published, anchor, article):
    assert resolve_relative_date(expression, published, anchor=anchor, article=article) is None


@pytest.fixture(scope="module")
def month_dated_events():
    article = read_article(ARTICLES / "patterns-month-dated.txt", "patterns-month-dated.txt", [])
    extraction = extract_article(article, [], [])
    dates = {e["id"]: e["date"] for e in extraction.events}
    return {s["excerpt"]: dates[s["event_id"]] for s in extraction.event_sources}


@pytest.mark.parametrize(
    ("excerpt", "expected", "pattern"),
    [
        (
            "Moldovan President Ana Rusu on Sunday discussed a new river bridge with Romanian "
            "Prime Minister Victor Popa.",
            "2025-08-10",
            "weekday named by the article's full date 'August 10'",
        ),
        (
            "Victor Popa thanked Ana Rusu for the invitation in a statement a day later.",
            "2025-08-11",
            "'a day later' chained on the weekday",
        ),
        (
            "as both Chisinau and Bucharest confirmed a summit in Varna set for Aug. 22.",
            "2025-08-22",
            "dated clause on its own; 'On Friday' is not the future Aug. 22",
        ),
        ("That same month, Moldova sent engineers to Romania.", "2022-03", "that same month"),
    ],
)
def test_month_dated_article_events(month_dated_events, excerpt, expected, pattern):
    assert month_dated_events.get(excerpt) == expected, pattern


def test_an_undated_clause_gets_no_date_from_its_neighbour(month_dated_events):
    assert not any(e.startswith("On Friday") for e in month_dated_events)


@pytest.mark.parametrize(
    ("start", "expected", "rule"),
    [
        ("On Friday, Bulgarian", "2025-08-08", "past clause: the Friday before Sunday 10 August"),
        ("Moldovan President Ana Rusu will meet", "2025-08-15", "future clause: the Friday after"),
    ],
)
def test_future_wording_counts_only_in_its_own_clause(start, expected, rule):
    """A meeting 'set for Aug. 15' later in the sentence does not make 'On Friday' future."""
    found = events_of("patterns-day-dated")
    assert [dates for excerpt, dates in found.items() if excerpt.startswith(start)] == [
        [expected]
    ], rule


def events_of(name):
    """Excerpt -> the dates extraction gives it (several when a sentence holds two)."""
    article = read_article(ARTICLES / f"{name}.txt", f"{name}.txt", [])
    extraction = extract_article(article, [], [])
    dates = {e["id"]: e["date"] for e in extraction.events}
    found: dict[str, list[str]] = {}
    for link in extraction.event_sources:
        found.setdefault(link["excerpt"], []).append(dates[link["event_id"]])
    return found


@pytest.mark.parametrize(
    ("start", "expected", "rule"),
    [
        ("The previous time", ["2019"], "'in 2019' outranks 'six years ago' (2018 here)"),
        ("In June, Ana Rusu", ["2021-06"], "a bare month takes the paragraph's year"),
    ],
)
def test_year_dated_article_events(start, expected, rule):
    found = events_of("patterns-year-dated")
    assert [dates for excerpt, dates in found.items() if excerpt.startswith(start)] == [expected], (
        rule
    )


def test_a_bare_month_with_no_year_before_it_in_its_paragraph_stays_unresolved():
    found = events_of("patterns-year-dated")
    assert not any(excerpt.startswith("In June, Moldova") for excerpt in found)


@pytest.mark.parametrize(
    ("start", "expected", "rule"),
    [
        ("Since 2022", ["2022/2026-02"], "since + present perfect: a range, not 2022"),
        ("Since taking office", ["2025-08", "2025-08/2026-02"],
         "the taking office, and what went on since"),
        ("Romanian officials have suggested", ["2026-01", "2026-01/2026-02"],
         "'following talks … in January' with a present perfect"),
        ("Moldova recalled", ["2024"], "past tense: 'after … in 2024' stays a point"),
        ("More recently, in January", ["2026-01"],
         "a month-dated source keeps the nearest January, not last year's"),
    ],
)  # fmt: skip
def test_ongoing_article_events(start, expected, rule):
    found = events_of("patterns-ongoing")
    assert [dates for excerpt, dates in found.items() if excerpt.startswith(start)] == [expected], (
        rule
    )


def test_an_ongoing_range_and_its_starting_point_are_each_typed_by_their_words():
    article = read_article(ARTICLES / "patterns-ongoing.txt", "patterns-ongoing.txt", [])
    extraction = extract_article(article, [], [])
    ranged = next(e for e in extraction.events if e["date"] == "2025-08/2026-02")
    assert ranged["type"] == "visit"
    assert ranged["date_expression"].startswith("Since taking office")
    point = next(e for e in extraction.events if e["date"] == "2025-08")
    assert point["type"] == "appointment"  # "taking office", its own words


@pytest.mark.parametrize(
    ("sentence", "future", "expected"),
    [
        ("The minister arrived in Kyiv on the 14th.", False, "2024-03-14"),
        # a day after publication's, in the past tense: the month before
        ("The minister arrived in Kyiv on the 20th.", False, "2024-02-20"),
        ("The minister will arrive in Kyiv on the 20th.", True, "2024-03-20"),
        ("The minister will arrive in Kyiv on the 2nd.", True, "2024-04-02"),
    ],
)
def test_a_day_of_the_month_alone_is_the_nearest_such_day(sentence, future, expected):
    [found] = find_dates(sentence, 0, len(sentence), Published.parse("2024-03-15"), None, future)
    assert found.date.edtf == expected


def test_an_ordinal_that_is_no_day_is_no_date():
    for sentence in ("He finished on the 3rd of the race.", "It stood on the 5th floor."):
        assert find_dates(sentence, 0, len(sentence), Published.parse("2024-03-15")) == []
