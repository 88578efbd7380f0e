"""Cues that make a word a place or keep it from being one: "X-based", a state's initials
ending a phrase, the name of a person or thing the article gives, a work's title, a city
after "of" with no word of its country. One row per pattern of news writing."""

from __future__ import annotations

import pytest

from timeline.extract.pipeline import article_from_row, extract_article
from timeline.extract.places import builtin_places, find_places, full_places
from timeline.extract.sentences import paragraphs

GAZETTEERS = [
    pytest.param(builtin_places, id="compact"),
    pytest.param(full_places, id="with-towns"),
]


def places_in(text: str, gazetteer) -> dict[str, tuple[str, str, str]]:
    """Words as written -> (kind, ISO country code, basis) of the place they name."""
    found = find_places(text, paragraphs(text), [], {}, gazetteer())
    return {text[m.start : m.end]: (m.place.kind, m.place.country_code, m.basis) for m in found}


@pytest.mark.parametrize("gazetteer", GAZETTEERS)
@pytest.mark.parametrize(
    ("text", "words", "kind", "country"),
    [
        ("The Manchester-based band toured all summer.", "Manchester", "city", "GB"),
        ("A Chicago-based fund bought the plant.", "Chicago", "city", "US"),
        ("The Texas-born singer won again.", "Texas", "region", "US"),
        ("Migrants who live and work in the UK, the report said, pay tax.", "UK", "country",
         "GB"),
        ("Ozone has declined across the U.S. from 1980 to 2012.", "U.S.", "country", "US"),
        ("The University of Sheffield of the UK has analysed the data.", "UK", "country",
         "GB"),
        ("The mayor of Bursa said Turkish cities would help.", "Bursa", "city", "TR"),
        ("Crews were hired by the Municipality of Livorno.", "Livorno", "city", "IT"),
    ],
)  # fmt: skip
def test_a_cue_makes_the_word_a_place(gazetteer, text, words, kind, country):
    found_kind, found_country, _ = places_in(text, gazetteer)[words]
    assert (found_kind, found_country) == (kind, country)


@pytest.mark.parametrize("gazetteer", GAZETTEERS)
def test_the_basis_names_the_based_cue(gazetteer):
    _, _, basis = places_in("The Manchester-based band toured.", gazetteer)["Manchester"]
    assert "“-based”" in basis


@pytest.mark.parametrize("gazetteer", GAZETTEERS)
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("The US team won the final.", "US"),  # initials qualifying a noun
        ("The U.S. Environmental Protection Agency said so.", "U.S."),
        ("Migrants strain the UK's welfare system, he said.", "UK"),
        ("Kevin Conroy, the voice of Batman, signed autographs.", "Batman"),  # no Turkey
        ("Fans queued for a demo of Batman: Arkham VR in the hall.", "Batman"),  # a title
    ],
)
def test_no_place_without_a_cue(gazetteer, text, words):
    assert words not in places_in(text, gazetteer)


def extracted_places(body: str) -> set[str]:
    article = article_from_row(
        {"id": "cues", "text": body, "search_text": body, "published": "2010-10-09"}
    )
    return {p["name"] for p in extract_article(article, [], []).places}


def test_a_persons_surname_that_is_a_town_is_the_person():
    # Montalvo is a town of Ecuador; here, after "Daniel Montalvo", it is the man
    body = (
        "Daniel Montalvo, 29, was arrested in Los Angeles on Thursday. Prosecutors brought a "
        "case against Montalvo. Friends tried to help Montalvo. Montalvo denied the charges."
    )
    assert extracted_places(body) == {"Los Angeles"}


def test_the_last_word_of_a_things_name_is_that_thing():
    body = (
        "The prototype orbiter, Space Shuttle Enterprise, would be moved to New York. "
        "Discovery will take the place of Enterprise at the museum near Washington."
    )
    assert "Enterprise" not in extracted_places(body)


def test_a_town_named_in_the_persons_name_still_counts_with_a_strong_sign():
    # "in Montalvo" right after the preposition is the town, even beside Daniel Montalvo
    body = "Daniel Montalvo grew up in Montalvo, Ecuador, before he moved to Quito in 2001."
    assert "Montalvo" in extracted_places(body)


@pytest.mark.parametrize("gazetteer", GAZETTEERS)
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # between countries: the country, even in an article that names the United States
        ("The United States backs the route. It passes through Romania, Bulgaria, Turkey, "
         "Georgia, and Azerbaijan.", "country"),
        # between US states: the state
        ("Storms hit Alabama, Georgia and Florida overnight.", "region"),
    ],
)  # fmt: skip
def test_a_name_in_a_list_takes_the_kind_of_its_neighbours(gazetteer, text, kind):
    assert places_in(text, gazetteer)["Georgia"][0] == kind


def test_a_states_initials_give_the_row_its_name():
    assert extracted_places("Ozone has declined across the U.S. since 1980.") == {"United States"}


@pytest.mark.parametrize(
    ("body", "place"),
    [
        # the actor rules take "Mountain View" for a body; its state after it says town
        ("The fair was held at Google's headquarters located in Mountain View, California.",
         "Mountain View"),
        # inside an institution's name, but with its state after it
        ("The orbiter goes to the Evergreen Aviation & Space Museum of McMinnville, Oregon.",
         "McMinnville"),
        # a nation of the United Kingdom after a town whose row names no region
        ("He spoke at the British Ring Convention in Buxton, England last year.", "Buxton"),
        # a place before an office and its holder
        ("Texas Governor Greg Abbott signed the bill.", "Texas"),
        ("Kharkiv Mayor Ihor Terekhov said the city had no power.", "Kharkiv"),
        ("In a statement, Governor of Washington Chris Gregoire said the museum won.",
         "Washington"),
    ],
)  # fmt: skip
def test_a_town_with_its_region_or_before_an_office_is_a_place(body, place):
    assert place in extracted_places(body)


def test_a_governors_place_is_the_state():
    body = "In a statement, Governor of Washington Chris Gregoire said the museum won."
    article = article_from_row(
        {"id": "cues", "text": body, "search_text": body, "published": "2011-04-13"}
    )
    rows = extract_article(article, [], []).places
    assert [p["extraction_method"] for p in rows if p["name"] == "Washington"] == [
        "place: region in the gazetteer (GeoNames tables shipped with timeline)"
    ]


@pytest.mark.parametrize(
    "body",
    [
        "Washington Post reporters asked the question.",
        "Paris Hilton arrived late to the gala.",
        "Victoria Beckham arrived late to the gala.",
    ],
)
def test_a_place_opening_another_name_is_no_place(body):
    assert extracted_places(body) == set()
