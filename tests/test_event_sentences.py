"""Which dated sentences become events on articles nobody annotated, and the dates they
get. One row per rule, sentences written for these tests; articles published Friday
14 March 2025 unless said. A date in a sentence does not make it an event: a figure, a
state or a counterfactual dated by a year is not a happening."""

from __future__ import annotations

import pytest

from timeline.extract.pipeline import article_from_row, extract_article


def extracted(body: str, published: str = "2025-03-14") -> list[dict]:
    article = article_from_row(
        {"id": "sentences", "text": body, "search_text": body, "published": published}
    )
    return extract_article(article, [], []).events


def events(body: str, published: str = "2025-03-14") -> list[tuple[str, str, str]]:
    """(date, status, date expression) of every event extracted from the text."""
    return [(e["date"], e["status"], e["date_expression"]) for e in extracted(body, published)]


@pytest.mark.parametrize(
    "body",
    [
        # figures: a quantity with a verb of measure or change, dated by when it holds
        "The firm accounted for 70 percent of the national market in 2009.",
        "Its share has dropped to approximately 45 percent today.",
        "By 2050, demand for water would increase by 30 percent, the study found.",
        "Food prices have increased by 12 percent since 2020.",
        "Average rents rose 8% in 2024 across the region.",
        "Unemployment stood at 5 percent in 2024.",
        "The number of registered voters reached 2 million in 2024.",  # a number after the verb
        # counts over a period
        "The clinic hired 40 doctors since January.",
        "Police recorded more than 300 burglaries in 2023.",
        # states: a copula and nothing done
        "This year's slogan was unity in diversity.",
        "The previous referendum in the province was before the 2011 war.",
        "Yesterday's verdict is a blow to the families.",
        "Last year the harbour was the busiest in the country.",
        # a counterfactual, an opinion about a date
        "Twenty years ago, such a vote would not have been possible.",
        # "for 2015" after no word of planning names no happening's year
        "The budget figures for 2015 were released.",
        # a question asks, a rule of thumb predicts nothing dated
        "Will the talks resume next week?",
        "The more we invest this year, the better results we will see in December.",
        # "today" meaning nowadays
        "The mill sold him a loom which he still uses today.",
    ],
)  # fmt: skip
def test_figures_states_and_counterfactuals_are_not_events(body):
    assert events(body) == []


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # passives, progressives, "was able to", a gerund after "prior to": happenings
        ("The referendum was held on Sunday, with a turnout of 58%.",
         ("2025-03-09", "happened", "on Sunday")),
        ("By Thursday night the ministry's website was not loading at all.",
         ("2025-03-13", "happened", "Thursday")),
        ("The singer was a guest at the festival this weekend and was able to meet fans.",
         ("2025-03-08/2025-03-09", "happened", "this weekend")),
        ("Prior to joining the bank in May 2020, she was an adviser to the minister.",
         ("2020-05", "happened", "in May 2020")),
        # a figure beside an action the type rules know is the action's report
        ("Rebels attacked the depot on Monday, destroying 40 percent of its fuel.",
         ("2025-03-10", "happened", "on Monday")),
        # "reached a deal": a verb of measure with no number after it
        ("Negotiators reached a deal on Monday after 3 days of talks.",
         ("2025-03-10", "happened", "on Monday")),
        ("Over 4 million visitors attended the fair last year.",
         ("2024", "happened", "last year")),
        # a quoted fragment woven into the sentence is the article's own report
        ('The agency said it had "warned the council two years ago."',
         ("2023", "happened", "two years ago")),
    ],
)  # fmt: skip
def test_happenings_around_copulas_and_figures_stay_events(body, expected):
    assert events(body) == [expected]


def test_a_date_inside_a_quotation_is_tested_on_the_quoted_clause_it_dates():
    # "concluded" is the article's verb; the week dates the ranking inside the quotation
    body = 'The survey concluded, "Over the past two weeks the app has been #1 in Spain."'
    assert events(body) == []
    # a quoted happening stays: the speaker reports something done
    quoted = '"We signed the contract on Tuesday," the mayor said.'
    assert events(quoted) == [("2025-03-11", "happened", "on Tuesday")]


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        ("Delegates met in Oslo on February 26-27, 2024 to discuss fishing quotas.", "2025-03-14",
         ("2024-02-26/2024-02-27", "happened", "on February 26-27, 2024")),
        ("Delegates gathered for a June summit in Geneva.", "2025-03-14",
         ("2024-06", "happened", "a June")),
        ("The strike ended on Tuesday, March 11, after talks.", "2025-03-14",
         ("2025-03-11", "happened", "on Tuesday, March 11")),
        ("Fires spread across the hills over the weekend.", "2025-03-14",
         ("2025-03-08/2025-03-09", "happened", "over the weekend")),
        ("The ministry will publish the new rules by June.", "2025-03-14",
         ("2025-06", "planned", "by June")),
        ("Farmers began planting in early March.", "2025-03-14",
         ("2025-03", "happened", "early March")),
        ("Engineers finished the repairs in mid-February.", "2025-03-14",
         ("2025-02", "happened", "mid-February")),
        ("A ruling could come by the end of this week.", "2025-03-12",
         ("2025-03-14/2025-03-16~", "forecast", "by the end of this week")),
        ("The company expects to close the deal by the end of this week.", "2025-03-12",
         ("2025-03-14/2025-03-16~", "planned", "by the end of this week")),
        ("The ferry service would resume on Monday, the company said.", "2025-03-14",
         ("2025-03-17", "planned", "on Monday")),
        # a plan's year; a number glued to a name ("ST-12") counts nothing
        ("A new bridge is scheduled for 2027.", "2025-03-14", ("2027", "planned", "for 2027")),
        ("The crew returned from mission ST-12 last month.", "2025-03-14",
         ("2025-02", "happened", "last month")),
        # a progressive reports a happening
        ("Engineers are testing the new engine this week.", "2025-03-14",
         ("2025-03-10/2025-03-16", "happened", "this week")),
    ],
)  # fmt: skip
def test_dates_of_the_issue_list(body, published, expected):
    assert events(body, published) == [expected]


def test_two_days_after_a_day_the_previous_sentence_dates():
    body = "The vote took place on March 3. Two days after the vote, the minister resigned."
    assert events(body) == [
        ("2025-03-03", "happened", "on March 3"),
        ("2025-03-05", "happened", "Two days after"),
    ]
    inferred = extracted(body)[1]
    assert "2025-03-03" in inferred["date_reasoning"]


def test_a_kept_event_says_how_it_was_found():
    (event,) = extracted("Rebels attacked the depot on Monday, destroying 40 percent of its fuel.")
    assert event["date_expression"] == "on Monday"
    assert "Monday" in event["date_reasoning"]
