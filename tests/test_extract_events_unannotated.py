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
    ],
)  # fmt: skip
def test_date_expressions_of_news_writing(body, published, expected):
    assert events(body, published) == [expected]
