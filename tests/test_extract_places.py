"""Places an article mentions, from the shipped gazetteer and, when installed, the full
one: one row per pattern of English news writing, each run against both."""

from __future__ import annotations

import pytest

from timeline.extract.places import (
    builtin_places,
    find_places,
    full_places,
    without_accents,
    without_accents_each,
)
from timeline.extract.sentences import paragraphs

GAZETTEERS = [
    pytest.param(builtin_places, id="compact"),
    pytest.param(full_places, id="with-towns"),
]


def places_in(text: str, gazetteer) -> dict[str, tuple[str, str]]:
    """Words as written -> (kind, ISO country code) of the place they name."""
    found = find_places(text, paragraphs(text), [], {}, gazetteer())
    return {text[m.start : m.end]: (m.place.kind, m.place.country_code) for m in found}


@pytest.mark.parametrize("gazetteer", GAZETTEERS)
@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Floods hit Kharkiv on Sunday.", "Kharkiv", ("city", "UA")),
        ("KYIV (AFP) - Shelling continued.", "KYIV", ("city", "UA")),
        ("The storm reached Arlington, Texas, at noon.", "Arlington", ("city", "US")),
        ("Pilgrims gathered in Mecca.", "Mecca", ("city", "SA")),  # an English exonym
        ("Talks opened in Tbilisi. Georgia wants to join.", "Georgia", ("country", "GE")),
        ("Voters in Atlanta backed him. Georgia is a swing state.", "Georgia",
         ("region", "US")),
        ("She flew to Washington for the talks.", "Washington", ("city", "US")),
        ("Wildfires burned across Washington state.", "Washington", ("region", "US")),
        ("Canada and Mexico signed the deal.", "Mexico", ("country", "MX")),
        ("Crowds filled Saudi Arabia's holy sites.", "Saudi Arabia", ("country", "SA")),
        ("Rain fell on Sydney.", "Sydney", ("city", "AU")),  # not the Sydney in Canada
        ("Aid trucks crossed into Jordan.", "Jordan", ("country", "JO")),  # a sign of place
        ("Talks opened in Amman. Jordan wants calm.", "Jordan", ("country", "JO")),
        ("The envoy landed in Washington D.C. on Monday.", "Washington D.C.", ("city", "US")),
        ("Crews were hired by the Municipality of Livorno.", "Livorno", ("city", "IT")),
    ],
)  # fmt: skip
def test_places_are_found_and_disambiguated(gazetteer, text, words, expected):
    assert places_in(text, gazetteer).get(words) == expected


@pytest.mark.parametrize("gazetteer", GAZETTEERS)
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Paris Hilton arrived late.", "Paris"),  # a longer name holds the word
        ("She studied at the University of Texas.", "Texas"),
        ("Washington State University won.", "Washington"),
        ("Nice weather helped the crowds.", "Nice"),  # a city needs a sign of place
        ("The vote is due in March.", "March"),  # a month, not the town
        ("He dressed up as Batman.", "Batman"),
        ("Jordan scored twice in the final.", "Jordan"),  # a country that is a given name
        ("Chad thanked his coach.", "Chad"),
    ],
)
def test_names_that_are_not_places(gazetteer, text, words):
    assert words not in places_in(text, gazetteer)


@pytest.mark.parametrize("gazetteer", GAZETTEERS)
@pytest.mark.parametrize(
    ("text", "words", "kind"),
    [
        ("Carnival began in Rio de Janeiro.", "Rio de Janeiro", "city"),  # a particle inside
        ("Fans flew to St. Louis.", "St. Louis", "city"),
        ("Rain fell across England.", "England", "region"),  # a nation of the UK
        ("The Ministry of Health of Ukraine said so.", "Ukraine", "country"),
    ],
)
def test_names_with_particles_abbreviations_and_nations(gazetteer, text, words, kind):
    assert places_in(text, gazetteer).get(words, ("missing",))[0] == kind


def test_fast_run_pattern_finds_the_same_runs_as_the_plain_one():
    """The run regex opens with a capital so the engine can skip ahead; it must find
    exactly the runs the plainly written one finds, on every seed and dev-set article."""
    from pathlib import Path

    from timeline.extract.places import _PLAIN_RUN, _RUN

    root = Path(__file__).resolve().parent.parent
    paths = list((root / "seeds" / "articles").glob("*.txt"))
    paths += (root / "fixtures" / "devset" / "articles").glob("*.txt")
    runs = 0
    for path in paths:
        text = path.read_text(encoding="utf-8") + " St. Louis, Ste. Marie, Mt. Fuji, D.C."
        fast = [(m.start(), m.group()) for m in _RUN.finditer(text)]
        assert fast == [(m.start(), m.group()) for m in _PLAIN_RUN.finditer(text)], path.name
        runs += len(fast)
    assert runs > 3000


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("A native of Hackettstown, New Jersey, she joined in 2010.", "Hackettstown",
         ("city", "US")),
        ("The launch was watched from Cape Canaveral, Florida, on Tuesday.", "Cape Canaveral",
         ("city", "US")),
        ("The team spent the winter in Antarctica.", "Antarctica", ("region", "")),
        ("Exports to North America rose.", "North America", ("region", "")),
    ],
)  # fmt: skip
def test_towns_and_continents_come_from_the_towns_table(text, words, expected):
    assert places_in(text, full_places).get(words) == expected
    assert words not in places_in(text, builtin_places)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("He grew up in Hackettstown before college.", "Hackettstown"),  # no state after it
        ("Officers met Mr. Buxton on Friday.", "Buxton"),  # a surname
    ],
)
def test_a_town_needs_its_region_or_country_after_it(text, words):
    assert words not in places_in(text, full_places)


def test_towns_table_is_read_lazily_and_says_each_place_name():
    index = full_places()
    assert "Hackettstown" in index and "Nowhere Special Town" not in index
    assert index.get("Nowhere Special Town") is None
    (town,) = index["Hackettstown"]
    assert (town.name, town.region, town.country) == ("Hackettstown", "New Jersey",
                                                      "United States")  # fmt: skip
    # a name in both tables keeps the compact table's places first
    assert index["Paris"][0] == builtin_places()["Paris"][0]


def test_first_extraction_does_not_pay_for_the_towns_table():
    """Issue 13: building the gazetteer parses no town; a lookup parses only its own name.

    Checked by what is parsed, not by a clock (the machines are shared), in a fresh
    process so that other tests' lookups do not count."""
    import subprocess
    import sys

    script = (
        "from timeline.extract.places import gazetteer\n"
        "towns = gazetteer(); before = len(towns.parsed)\n"
        "places = towns['Buxton']\n"
        "print(before, sorted(towns.parsed), len(places), len(towns.lines))\n"
    )
    out = subprocess.run([sys.executable, "-c", script], check=True,
                         capture_output=True, text=True).stdout.split(maxsplit=1)  # fmt: skip
    assert out[0] == "0"
    parsed, found, raw = out[1].rsplit(maxsplit=2)
    assert parsed == "['Buxton']" and int(found) >= 1 and int(raw) > 10_000


@pytest.mark.parametrize(
    ("text", "words", "name", "expected"),
    [
        ("Protests spread to Sao Paulo on Monday.", "Sao Paulo", "São Paulo", ("city", "BR")),
        ("The summit met in Zurich.", "Zurich", "Zürich", ("city", "CH")),
        ("Workers marched in Lodz, Poland.", "Lodz", "Łódź", ("city", "PL")),
        ("The ferry left Gdansk, Poland, at dawn.", "Gdansk", "Gdańsk", ("city", "PL")),
    ],
)  # fmt: skip
def test_a_name_written_without_its_accents_is_the_accented_place(text, words, name, expected):
    """English news drops diacritics; the place keeps its gazetteer name."""
    found = find_places(text, paragraphs(text), [], {}, full_places())
    (mention,) = [m for m in found if text[m.start : m.end] == words]
    assert (mention.place.kind, mention.place.country_code) == expected
    assert mention.place.name == name and mention.written == words


def test_a_spelling_the_table_holds_wins_over_an_unaccented_one():
    """An unaccented spelling reads as the accented name, nothing more; no name is made up."""
    index = full_places()
    assert index.get("Nowhere Special") is None
    plain = [p.geonameid for p in index["Sao Paulo"]]
    assert plain == [p.geonameid for p in index["São Paulo"]]


def test_folding_every_name_at_once_gives_each_names_own_folding():
    """The tables' names are folded in one pass; each must come out as it does alone."""
    names = sorted(set(builtin_places()) | set(full_places().lines))
    assert any(not name.isascii() for name in names)
    assert without_accents_each(names) == [without_accents(name) for name in names]
    assert without_accents_each(["Łódź", "Zürich", "Gdańsk", "Paris"]) == [
        "Lodz",
        "Zurich",
        "Gdansk",
        "Paris",
    ]
    assert without_accents_each([]) == []


def test_state_initials_as_an_adjective_name_the_country_of_a_state():
    # "U.S. district court" names the United States as "American" would: a state of it
    # after a weak sign ("the district of Delaware") is then a place
    plain = "The suit was filed in district court for the district of Delaware."
    initials = "The suit was filed in U.S. district court for the district of Delaware."
    # (the towns table's Delaware, Ohio, is what asks for the country to be named)
    assert "Delaware" not in places_in(plain, full_places)
    assert places_in(initials, full_places)["Delaware"][1] == "US"
