"""A source dated only to the month or year: its dateline gives the day "on Tuesday" counts
from, and says so; a dateline that contradicts the front matter is not trusted."""

from __future__ import annotations

import pytest

from timeline.extract.pipeline import article_from_row, extract_article


def events(body: str, published: str) -> list[tuple[str, str, str]]:
    article = article_from_row(
        {"id": "dateline", "text": body, "search_text": body, "published": published}
    )
    return [
        (e["date"], e["date_expression"], e["date_reasoning"])
        for e in extract_article(article, [], []).events
    ]


@pytest.mark.parametrize(
    ("body", "published", "dateline"),
    [
        (
            "Thursday, May 7, 2015\n\nOn Tuesday, the government announced a new tax on sugar.",
            "2015-05",
            "Thursday, May 7, 2015",
        ),
        (
            "WASHINGTON, May 7, 2015 — On Tuesday, the government announced a new tax on sugar.",
            "2015-05",
            "WASHINGTON, May 7, 2015",
        ),
        (
            "KYIV, May 7 (Reuters) - Ukraine's parliament on Tuesday approved a new budget.",
            "2015",
            "KYIV, May 7",
        ),
    ],
)
def test_a_weekday_counts_from_the_datelines_day(body, published, dateline):
    [(date, _, reasoning)] = events(body, published)
    assert date == "2015-05-05"
    assert f"inferred from the dateline “{dateline}”" in reasoning


def test_a_dateline_outside_the_published_month_is_not_trusted():
    body = "WASHINGTON, May 7, 2015 — On Tuesday, the government announced a new tax on sugar."
    assert [d for d, _, _ in events(body, "2015-06")] == []


def test_the_dateline_itself_dates_no_happening():
    # the day is the dateline's, "on Tuesday" the happening's
    body = "KYIV, May 7 (Reuters) - Ukraine's parliament on Tuesday approved a new budget."
    assert [(d, x) for d, x, _ in events(body, "2015-05-07")] == [("2015-05-05", "on Tuesday")]
