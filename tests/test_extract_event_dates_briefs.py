"""Date and event rules found on the fifth round of development-set articles (a briefs
page, a results report, a feature of claims with background years; issue 12). The
sentences are invented, in the shape of the real ones."""

from __future__ import annotations

import pytest

from timeline.extract.pipeline import article_from_row, extract_article
from timeline.extract.relative_dates import resolve_relative_date


def dated(body: str, published: str) -> list[tuple[str, str]]:
    """(date, date expression) of every event extracted from the text."""
    article = article_from_row(
        {"id": "briefs", "text": body, "search_text": body, "published": published}
    )
    return [(e["date"], e["date_expression"]) for e in extract_article(article, [], []).events]


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        # a part of the day of publication, or of the day before
        ("this evening", "2011-03-04", "2011-03-04"),
        ("This morning", "2011-03-04", "2011-03-04"),
        ("this afternoon", "2011-03-04", "2011-03-04"),
        ("tonight", "2011-03-04", "2011-03-04"),
        ("last night", "2011-03-04", "2011-03-03"),
        # the days of the week of publication (a Friday) before or after it
        ("Earlier in the week", "2011-03-04", "2011-02-28/2011-03-03"),
        ("earlier this week", "2011-03-04", "2011-02-28/2011-03-03"),
        ("later this week", "2011-03-02", "2011-03-03/2011-03-06"),
        ("later in the week", "2011-03-02", "2011-03-03/2011-03-06"),
        ("this week", "2011-03-04", "2011-02-28/2011-03-06"),  # unchanged: the whole week
        # two years in a row are one span; two years apart stay two years
        ("in 2003 and 2004", None, "2003/2004"),
        ("in 2003 and 2006", None, "2003"),
    ],
)
def test_part_of_day_side_of_week_and_years_in_a_row(expression, published, expected):
    found = resolve_relative_date(expression, published)
    assert found is not None and found.date.edtf == expected
    assert found.expression.lower() == expression.lower() or expected == "2003"


def test_a_happening_this_evening_is_an_event_of_the_day():
    body = "The ferry left the harbour this evening at 6:15 p.m. to reach the island."
    assert dated(body, "2011-03-04") == [("2011-03-04", "this evening")]


def test_a_citation_line_is_no_happening():
    body = (
        "The council voted on Tuesday to close the bridge.\n\n"
        '* "Council closes river bridge" — Daily Courier, March 2, 2011\n\n'
        'Jane Roe. "Bridge shut after vote" — Evening Post, March 3, 2011'
    )
    assert dated(body, "2011-03-04") == [("2011-03-01", "on Tuesday")]


def test_a_sentence_opening_with_until_tells_a_state_up_to_then():
    body = (
        "Until yesterday, both clubs had four league titles. "
        "Until 2009, the ferry ran twice a day. "
        "The suspect was held until Monday, when a judge released him."
    )
    assert dated(body, "2011-03-04") == [("2011-02-28", "Monday")]


def test_a_number_before_a_full_stop_counts_nothing_in_the_next_sentence():
    # "aged 14." ends a sentence: the next one's "In 1995" dates its own happening
    body = "She joined the choir aged 14. In 1995, she was asked to leave it."
    assert dated(body, "2011-03-04") == [("1995", "In 1995")]
    # a count right before the date still dates nothing
    assert dated("The clinic hired 85 nurses in 2010.", "2011-03-04") == []


def test_died_is_a_happening_verb():
    # "died" is too short for the "-ed" rule: a death with no actor named was no event
    assert dated("He died at his home Sunday, aged 71.", "2011-03-04") == [("2011-02-27", "Sunday")]


def test_the_outcome_of_a_happening_is_its_report():
    # a copula, but the subject is a happening and the complement how it ended
    assert dated("In 2008, a bid to buy the club was unsuccessful.", "2011-03-04") == [
        ("2008", "In 2008")
    ]
    # an outcome of no happening noun stays a state
    assert dated("In 2008, the new bridge was a failure.", "2011-03-04") == []


@pytest.mark.parametrize(
    "listing",
    [
        "Smith in 1998, Jones in 2002 and Brown in 2006.",
        "The town chose the winners: Smith in 1998, Jones in 2002 and Brown in 2006.",
    ],
)
def test_a_list_of_names_and_years_is_one_happening_an_item(listing):
    # a line of names and "in <year>" is no title: each item tells who won when
    body = "Mayors John Smith, Mary Jones and Ann Brown each won the race. " + listing
    assert dated(body, "2011-03-04") == [
        ("1998", "in 1998"),
        ("2002", "in 2002"),
        ("2006", "in 2006"),
    ]


def test_a_reference_line_of_names_and_a_bare_date_stays_no_happening():
    line = "Bureau of Labor Statistics, Consumer Price Index - June 2010."
    assert dated(line, "2011-03-04") == []


def test_a_since_range_leaves_the_sentences_other_date_its_happening():
    # the tenure runs up to publication; the resignation is Friday's
    body = "Lopez, who has led the party since 2008, resigned on Friday."
    assert dated(body, "2011-03-04") == [
        ("2011-03-04", "on Friday"),
        ("2008/2011-03-04", "since 2008"),
    ]


def test_a_present_perfect_reports_a_happening_with_no_actor_named():
    # "has been working" is the present perfect the since-range runs on
    body = "Since 2008, the group has been working with local farmers."
    assert dated(body, "2011-03-04") == [("2008/2011-03-04", "Since 2008")]
    # a state since then stays none
    assert dated("Since 2008, the group has been the largest in town.", "2011-03-04") == []


def test_an_announcement_and_the_planned_happening_it_announces_are_two_events():
    body = (
        "WASHINGTON – The Department today announced that the minister will attend the "
        "regional summit in Washington, D.C. March 7-9, 2011."
    )
    assert dated(body, "2011-03-04") == [
        ("2011-03-04", "today"),
        ("2011-03-07/2011-03-09", "March 7-9, 2011"),
    ]
    article = article_from_row(
        {"id": "briefs", "text": body, "search_text": body, "published": "2011-03-04"}
    )
    statuses = [e["status"] for e in extract_article(article, [], []).events]
    assert statuses == ["happened", "planned"]


def test_a_deadline_asked_of_whoever_wishes_to_come_is_no_happening():
    body = "Media who wish to attend must RSVP to jane.doe@agency.gov by Friday, March 4."
    assert dated(body, "2011-03-02") == []


def test_a_date_after_an_initialisms_full_stop_stays_in_its_sentence():
    from timeline.extract.sentences import Span, sentences

    text = "The talks open in Washington, D.C. March 7, 2011. Officials will attend."
    assert [s.text for s in sentences(Span(0, len(text), text))] == [
        "The talks open in Washington, D.C. March 7, 2011.",
        "Officials will attend.",
    ]


def test_a_zero_width_space_before_the_dateline_keeps_it_a_dateline():
    body = "\u200bWASHINGTON – The Department today announced new rules for banks."
    article = article_from_row(
        {"id": "briefs", "text": body, "search_text": body, "published": "2011-03-04"}
    )
    assert [e["place_id"] for e in extract_article(article, [], []).events] == ["washington"]


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("in the spring", "2011-10-04", "2011-21"),  # the latest spring begun
        ("in the spring", "2011-02-04", "2010-21"),
        ("in the winter", "2011-10-04", "2010-24"),  # December 2010 to February 2011
        ("in the fall of last year", "2011-03-04", "2010-23"),
        ("in the summer of 2009", None, "2009-22"),  # unchanged: a season with its year
    ],
)
def test_a_season_without_its_year(expression, published, expected):
    found = resolve_relative_date(expression, published)
    assert found is not None and found.date.edtf == expected


def test_a_season_ahead_in_future_tense_is_the_next_one():
    assert dated("The plant will reopen in the spring.", "2011-10-04") == [
        ("2012-21", "in the spring")
    ]


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("This past weekend", "2011-03-04", "2011-02-26/2011-02-27"),
        ("at the beginning of March", "2011-03-24", "2011-03"),
        ("the end of January", "2011-03-04", "2011-01"),
        ("in mid-2009", None, "2009"),
        ("between March 1 and March 3", "2011-03-24", "2011-03-01/2011-03-03"),
        ("from June 5 to 9, 2009", None, "2009-06-05/2009-06-09"),
        ("in the 1990s", None, "1990/1999"),
        ("since the early 2000s", None, "2000/2003~"),
    ],
)
def test_more_date_expressions_of_news_text(expression, published, expected):
    found = resolve_relative_date(expression, published)
    assert found is not None and found.date.edtf == expected


def test_a_decade_in_a_relative_clause_dates_nothing():
    # who is meant, over ten years; the sentence tells a habit
    assert dated("Families who settled there in the 1990s run most shops.", "2011-03-04") == []
    assert dated("The bridge was built in the 1990s.", "2011-03-04") == [
        ("1990/1999", "in the 1990s")
    ]


@pytest.mark.parametrize(
    ("expression", "published", "expected"),
    [
        ("a couple of years back", "2011-03-04", "2009~"),
        ("a few weeks ago", "2011-03-04", "2011-02-11~"),
        ("two years back", "2011-03-04", "2009"),
    ],
)
def test_back_and_a_few_count_back_from_publication(expression, published, expected):
    found = resolve_relative_date(expression, published)
    assert found is not None and found.date.edtf == expected


def test_a_date_inside_a_quoted_title_leaves_the_sentence_its_own_date():
    body = 'The paper ran a story a couple of years back titled "No Election News Today".'
    assert dated(body, "2011-03-04") == [("2009~", "a couple of years back")]


def test_a_weekday_in_a_speakers_simple_present_is_a_habit():
    body = '"We sort the letters on a Monday, meet Tuesday and pick the best ones," she said.'
    assert dated(body, "2011-03-04") == []
    # a past deed on a weekday stays a happening
    assert dated('"We met Tuesday and picked the best ones," she said.', "2011-03-04") == [
        ("2011-03-01", "Tuesday")
    ]


def test_the_next_weekday_counts_from_the_day_told_before():
    # "the next Tuesday" in a story is the Tuesday after the day the story told
    body = "I visited the fair on Wednesday, March 2. I went back the next Tuesday."
    assert dated(body, "2011-03-10") == [
        ("2011-03-02", "on Wednesday, March 2"),
        ("2011-03-08", "next Tuesday"),
    ]
    # with no day told before it names no day
    assert dated("I went back the next Tuesday and saw the lanterns.", "2011-03-10") == []
    # "next Tuesday" without "the" stays the one after publication
    assert dated("The council will meet next Tuesday.", "2011-03-10") == [
        ("2011-03-15", "next Tuesday")
    ]


def test_the_period_a_payment_covers_is_no_happening():
    body = "The schools were told to pay 422,000 euros for the period from 2004 to 2009."
    assert dated(body, "2011-03-04") == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # the present of a schedule is the next such day, planned
        ("Voters go to the polls on Sunday.", [("2011-03-06", "on Sunday")]),
        ("The summit takes place on March 20.", [("2011-03-20", "on March 20")]),
        ("The fair runs through March 25.", [("2011-03-25", "March 25")]),
        ("Talks resume on Monday in Geneva.", [("2011-03-07", "on Monday")]),
        # "is expected / set / due to": a plan, the next such day
        ("The mayor is expected to sign the bill on Friday.", [("2011-03-11", "on Friday")]),
        ("The trial is set to begin on Monday.", [("2011-03-07", "on Monday")]),
        ("The minister is due to visit Kyiv on Thursday.", [("2011-03-10", "on Thursday")]),
        # the past stays the past
        ("The fair opened on Friday.", [("2011-03-04", "on Friday")]),
    ],
)
def test_a_schedule_in_the_present_or_expected_is_ahead(body, expected):
    assert dated(body, "2011-03-05") == expected


def test_to_be_announced_later_today_is_planned():
    body = "The results will be announced later today."
    article = article_from_row(
        {"id": "briefs", "text": body, "search_text": body, "published": "2011-03-04"}
    )
    assert [e["status"] for e in extract_article(article, [], []).events] == ["planned"]


def test_a_forecast_condition_dates_no_happening():
    body = "Forecasters predicted good weather for this evening."
    assert dated(body, "2011-03-04") == []
    # the happening of that evening still is one
    assert dated("The ferry left this evening at 6 p.m.", "2011-03-04") == [
        ("2011-03-04", "this evening")
    ]
