"""Each event's place: the most specific place its sentence names, else the place the
article is set in (its dateline, or the city it names most), said to be inferred. One row
per pattern of news writing; every text is made up."""

from __future__ import annotations

import pytest

from timeline.extract.pipeline import article_from_row, extract_article


def extracted(body: str):
    article = article_from_row(
        {"id": "places", "text": body, "search_text": body, "published": "2025-03-14"}
    )
    return extract_article(article, [], [])


def event_places(body: str) -> list[tuple[str | None, str]]:
    """(place name, the event's basis) of every event, in order."""
    extraction = extracted(body)
    names = {p["id"]: p["name"] for p in extraction.places}
    return [(names.get(e["place_id"]), e["extraction_basis"]) for e in extraction.events]


@pytest.mark.parametrize(
    ("body", "place"),
    [
        # a city before its region, before its country
        ("Delegates gathered in Phoenix in July before a tour of Eureka Springs, Arkansas.",
         "Phoenix"),
        ("A fire broke out near Lyon, France, on Monday.", "Lyon"),
        ("Farmers in Texas and Mexico lost crops last summer.", "Texas"),
        ("The storm reached Florida on Monday.", "Florida"),
        # of two cities, the one nearest the date
        ("The band played in Madrid on Friday and flew to Lisbon a week later.", "Madrid"),
        ("The request was made by the Municipality of Livorno in 2010.", "Livorno"),
        ("The team won a medal on Tuesday in Washington D.C. Fans cheered.", "Washington D.C."),
        ("Refugees crossed into Jordan on Sunday.", "Jordan"),
    ],
)  # fmt: skip
def test_an_event_takes_the_place_its_sentence_names(body, place):
    name, basis = event_places(body)[0]
    assert name == place
    assert "inferred" not in basis


@pytest.mark.parametrize(
    ("body", "place", "inferred_from"),
    [
        ("KYIV (AFP) - Officials met at dawn. Power returned on Monday after repairs.",
         "Kyiv", "the article's dateline"),
        ("Fans came to Porto for the final. Hotels in Porto were full. The match ended late "
         "on Sunday after extra time.", "Porto", "the article names Porto most often (2 times)"),
    ],
)  # fmt: skip
def test_an_event_whose_sentence_names_no_place_takes_the_articles_setting(
    body, place, inferred_from
):
    name, basis = event_places(body)[-1]
    assert name == place
    assert f"(inferred: {inferred_from}" in basis


@pytest.mark.parametrize(
    "body",
    [
        "A storm flooded the old town on Monday.",  # no place anywhere
        # two cities named as often: the article is set in neither for sure
        "Fans flew to Porto and to Braga. Hotels in Porto and in Braga were full. The match "
        "ended late on Sunday.",
        "Jordan scored twice on Sunday, and the crowd cheered.",  # a person's name
        "She studied at the University of Texas until 2010, then moved on.",
    ],
)
def test_no_place_when_the_article_does_not_say_where(body):
    assert [name for name, _ in event_places(body)][-1] is None


def headline_event_places(title: str, body: str) -> list[tuple[str | None, str]]:
    article = article_from_row(
        {"id": "places", "text": body, "search_text": body, "published": "2007-03-05",
         "title": title}
    )  # fmt: skip
    extraction = extract_article(article, [], [])
    names = {p["id"]: p["name"] for p in extraction.places}
    return [(names.get(e["place_id"]), e["extraction_basis"]) for e in extraction.events]


def test_an_event_with_no_place_takes_the_city_its_headline_names():
    title = "Lantern Festival in Taipei lights up the night"
    body = (
        "The Taipei lantern festival marks the end of the new year. "
        "A sudden rain storm on Sunday night caused a mass exodus of people."
    )
    name, basis = headline_event_places(title, body)[-1]
    assert name == "Taipei"
    assert "(inferred: the headline names Taipei)" in basis


def test_a_headline_place_the_body_never_names_sets_nothing():
    title = "Lantern Festival in Taipei lights up the night"
    body = "A sudden rain storm on Sunday night caused a mass exodus of people."
    assert headline_event_places(title, body)[-1][0] is None


def test_the_dateline_comes_before_the_headline():
    title = "Talks in Geneva end without a deal"
    body = "KYIV (AFP) - Officials met in Geneva. Power returned on Monday after repairs."
    name, basis = headline_event_places(title, body)[-1]
    assert name == "Kyiv" and "dateline" in basis


@pytest.mark.parametrize(
    ("body", "place", "words"),
    [
        ("Floods hit Porto and Lisbon last week. On Monday the city opened three shelters.",
         "Lisbon", "the city"),
        ("Talks opened in Vilnius on Friday. Protesters marched through the capital on "
         "Sunday.", "Vilnius", "the capital"),
    ],
)  # fmt: skip
def test_the_city_speaks_of_the_last_city_named(body, place, words):
    name, basis = event_places(body)[-1]
    assert name == place
    assert f"(inferred: “{words}” after {place} was named)" in basis


@pytest.mark.parametrize(
    "body",
    [
        # "the capital" after a city that is no capital: which capital is not said
        "Fans flew to Porto on Friday. On Sunday they toured the capital by bus.",
        # "the city council" is a body, not a back-reference to where it happened
        "Fans flew to Porto on Friday. Hotels in Braga were full. On Sunday the city "
        "council of a town met.",
    ],
)
def test_a_back_reference_with_no_city_to_point_at_sets_no_place(body):
    assert event_places(body)[-1][0] is None


# -- venues that stand for their city --------------------------------------------------------


def _venue_events(body: str) -> list[tuple[str | None, str | None]]:
    article = article_from_row(
        {"id": "venue", "text": body, "search_text": body, "published": "2024-03-15"}
    )
    extraction = extract_article(article, [], [])
    places = {p["id"]: p for p in extraction.places}
    return [
        (
            places[e["place_id"]]["name"] if e["place_id"] else None,
            places[e["place_id"]]["extraction_basis"] if e["place_id"] else None,
        )
        for e in extraction.events
    ]


def test_a_meeting_at_the_white_house_is_in_washington():
    [(name, basis)] = _venue_events(
        "President Biden met Prime Minister Kishida at the White House on Friday."
    )
    assert name == "Washington"
    assert "inferred: the White House is in Washington" in basis


def test_a_venue_speaking_for_its_government_is_no_place():
    # "The White House said": the government, not where anything happened
    assert _venue_events("The White House said on Friday that talks would continue.") == [
        (None, None)
    ]
