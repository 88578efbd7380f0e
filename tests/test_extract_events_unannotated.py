"""Events on unannotated news: dated happenings with or without a named actor, counts
over a period that are not dated happenings, and date expressions news writing uses.
One row per pattern; articles published Friday 14 March 2025 unless said."""

from __future__ import annotations

import pytest

from timeline.extract.pipeline import article_from_row, extract_article


def events(body: str, published: str = "2025-03-14") -> list[tuple[str, str, str]]:
    """(date, status, date expression) of every event extracted from one sentence."""
    article = article_from_row(
        {"id": "events", "text": body, "search_text": body, "published": published}
    )
    extraction = extract_article(article, [], [])
    return [(e["date"], e["status"], e["date_expression"]) for e in extraction.events]


@pytest.mark.parametrize(
    ("body", "date"),
    [
        # no actor named: still a dated happening
        ("A sudden storm flooded the old town on March 4.", "2025-03-04"),
        ("The database was unveiled in 1999 to track pollution.", "1999"),
        ("Last week, at least 76 people were killed when a hotel collapsed.",
         "2025-03-03/2025-03-09"),
    ],
)  # fmt: skip
def test_a_dated_happening_with_no_named_actor_is_an_event(body, date):
    assert [e[0] for e in events(body)] == [date]


@pytest.mark.parametrize(
    "body",
    [
        "Police recorded more than 100 thefts in 2023.",  # a count over a year
        "The hospital hired 85 nurses since January.",  # a count since a month
        "Exports rose 12 percent in 2024, figures show.",
        "Friday, March 14, 2025",  # a date line, no happening
        "Police recorded more than 900 thefts between 2020 and 2023.",  # a count over a span
    ],
)
def test_counts_over_a_period_and_date_lines_are_not_events(body):
    assert events(body) == []


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        ("The new trains would begin running on Sunday, the operator said.", "2025-03-14",
         ("2025-03-16", "planned", "on Sunday")),
        ("The summit was held on January 26-27, 2023 in Oslo.", "2025-03-14",
         ("2023-01-26/2023-01-27", "happened", "on January 26-27, 2023")),
        ("Ministers agreed at a July meeting to cut tariffs.", "2025-03-14",
         ("2024-07", "happened", "a July")),
        ("Protesters marched on Friday, August 8, in the capital.", "2025-08-20",
         ("2025-08-08", "happened", "on Friday, August 8")),
        ("Protesters marched on Thursday, August 8, in the capital.", "2025-08-20",
         ("2024-08-08", "happened", "on Thursday, August 8")),  # the year it is a Thursday
        ("Storms hit the coast over the weekend.", "2025-03-14",
         ("2025-03-08/2025-03-09", "happened", "over the weekend")),
        ("A decision on the new budget is expected by the end of this week.", "2025-03-14",
         ("2025-03-14/2025-03-16~", "forecast", "by the end of this week")),
        ("The agency says it will publish rules by the end of the year.", "2025-03-14",
         ("2025-12~", "planned", "by the end of the year")),
        # counted from a day the same sentence dates
        ("Two days after the vote on March 3, the minister resigned.", "2025-03-14",
         ("2025-03-05", "happened", "Two days after the vote on March 3")),
        ("A week before the election on May 20, 2024, the party broke apart.", "2025-03-14",
         ("2024-05-13", "happened", "A week before the election on May 20, 2024")),
        ("The talks resumed two days after a truce was agreed on Tuesday.", "2025-03-14",
         ("2025-03-13", "happened", "two days after a truce was agreed on Tuesday")),
        # spans of years and months, a year naming a happening
        ("The school ran at a loss from 2004 to 2009, the court found.", "2025-03-14",
         ("2004/2009", "happened", "from 2004 to 2009")),
        ("Researchers tested pupils between July 2003 and December 2004.", "2025-03-14",
         ("2003-07/2004-12", "happened", "between July 2003 and December 2004")),
        ("Turnout fell sharply after the 2019 protests.", "2025-03-14",
         ("2019", "happened", "the 2019 protests")),
        ("Crowds returned to the beach throughout the weekend.", "2025-03-14",
         ("2025-03-08/2025-03-09", "happened", "throughout the weekend")),
        ("Two towns began charging the fee over the past three days.", "2025-03-14",
         ("2025-03-11/2025-03-14", "happened", "over the past three days")),
        # planned on the day of writing, unless already said or done
        ("Figures to be published today show a record number of crossings.", "2025-03-14",
         ("2025-03-14", "planned", "today")),
        ("The agency today is to begin issuing new permits.", "2025-03-14",
         ("2025-03-14", "planned", "today")),
        ("Officials said today they will reopen the bridge.", "2025-03-14",
         ("2025-03-14", "happened", "today")),
        # a dateline run into the first sentence is not the happening's date
        ("Friday, March 14, 2025 On Tuesday, the council approved the plan.", "2025-03-14",
         ("2025-03-11", "happened", "On Tuesday")),
        # a "will" inside a quotation is the speaker's: the weekday outside it is past
        ('On Wednesday, the minister defended the plan: "We will bring the bill forward."',
         "2025-03-14", ("2025-03-12", "happened", "On Wednesday")),
        ('The minister defended the plan: "We will vote on Wednesday."', "2025-03-14",
         ("2025-03-19", "planned", "on Wednesday")),
    ],
)  # fmt: skip
def test_date_expressions_of_news_writing(body, published, expected):
    assert events(body, published) == [expected]
