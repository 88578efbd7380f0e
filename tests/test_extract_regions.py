"""States, provinces and oblasts outside the US and UK, from the shipped ISO 3166-2 regions
table: found when the article speaks of their country, left alone when nothing says the
word is a place, and never given a point."""

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
    """Words as written -> (kind, ISO country code, ISO region code) of their place."""
    found = find_places(text, paragraphs(text), [], {}, gazetteer())
    return {
        text[m.start : m.end]: (m.place.kind, m.place.country_code, m.place.code) for m in found
    }


@pytest.mark.parametrize("gazetteer", GAZETTEERS)
@pytest.mark.parametrize(
    ("text", "words", "code"),
    [
        ("Floods hit Bavaria on Sunday, Germany's weather service said.", "Bavaria", "DE-BY"),
        ("Heavy snow fell across Ontario, Canada's most populous province.", "Ontario",
         "CA-ON"),
        ("The drought in New South Wales worsened, Australian farmers said.",
         "New South Wales", "AU-NSW"),
        ("Farmers in Victoria and Queensland, Australia, lost their crops.", "Victoria",
         "AU-VIC"),
        ("Fishermen off the coast of Aceh, Indonesia, rescued 400 people.", "Aceh", "ID-AC"),
        ("Russian troops shelled villages in Kharkiv Oblast overnight.", "Kharkiv Oblast",
         "UA-63"),
        # the region's category after a name a city has too
        ("Shelling hit the Kharkiv region overnight, Ukrainian officials said.", "Kharkiv",
         "UA-63"),
        ("The schools in Livorno, Tuscany, must pay the tax, an Italian court ruled.",
         "Tuscany", "IT-52"),
        ("Lombardia and Lombardy are one region of Italy.", "Lombardia", "IT-25"),
    ],
)  # fmt: skip
def test_a_region_of_a_country_the_article_names_is_found(gazetteer, text, words, code):
    kind, _, found_code = places_in(text, gazetteer)[words]
    assert (kind, found_code) == ("region", code)


@pytest.mark.parametrize("gazetteer", GAZETTEERS)
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Victoria said she would run again next year.", "Victoria"),  # a given name
        ("Central banks raised rates again.", "Central"),  # Ghana's region, a common word
        ("Northern lights were seen overnight.", "Northern"),
        ("Bavaria is a word on many beer labels.", "Bavaria"),  # no word of Germany
    ],
)
def test_a_region_name_with_no_sign_of_place_is_no_place(gazetteer, text, words):
    assert words not in places_in(text, gazetteer)


@pytest.mark.parametrize("gazetteer", GAZETTEERS)
def test_a_city_shares_its_name_with_its_region(gazetteer):
    # "Kharkiv" alone is the city; only "the Kharkiv region" is the oblast
    text = "Shelling hit Kharkiv overnight, Ukrainian officials said."
    assert places_in(text, gazetteer)["Kharkiv"][0] == "city"


@pytest.mark.parametrize("gazetteer", GAZETTEERS)
def test_a_big_city_beats_a_province_of_its_name_in_another_country(gazetteer):
    # Córdoba: a province of Argentina, and cities of Argentina (1.4 million) and Spain
    kind, country, _ = places_in("Flights to Córdoba resumed.", gazetteer)["Córdoba"]
    assert (kind, country) == ("city", "AR")


def extracted(body: str, known_places=()):
    article = article_from_row(
        {"id": "regions", "text": body, "search_text": body, "published": "2025-03-14"}
    )
    return extract_article(article, [], [], list(known_places))


def test_a_region_row_has_no_point_and_says_where_it_came_from():
    extraction = extracted("Floods hit Bavaria on Sunday, Germany's weather service said.")
    row = next(p for p in extraction.places if p["name"] == "Bavaria")
    assert row["id"] == "bavaria-de-by"
    assert (row["latitude"], row["longitude"], row["coordinates_origin"]) == (None, None, None)
    assert "ISO 3166-2 regions table" in row["extraction_method"]
    assert "DE-BY" in row["extraction_method"]
    event = extraction.events[0]
    assert event["place_id"] == "bavaria-de-by"


def test_a_region_never_fills_a_curated_place_of_its_name():
    curated = {"id": "bavaria", "name": "Bavaria", "country": "Germany",
               "latitude": None, "longitude": None}  # fmt: skip
    extraction = extracted(
        "Floods hit Bavaria on Sunday, Germany's weather service said.", [curated]
    )
    assert "bavaria" not in {p["id"] for p in extraction.places}  # the curated row stays
    assert not any(p["name"] == "Bavaria" for p in extraction.places)
    assert extraction.events[0]["place_id"] == "bavaria"


def test_the_table_holds_first_level_regions_only():
    names = builtin_places()
    assert any(p.code == "UA-63" for p in names["Kharkiv Oblast"])
    assert all(p.latitude is None for p in names["Ontario"] if p.code)
    # Italy's provinces (second level) and Slovenia's municipalities are not regions here
    assert not any(p.code.startswith("IT-") and p.kind == "region" for p in names.get("Pisa", []))
    # the US states stay the places table's, with their point
    texas = [p for p in names["Texas"] if p.kind == "region"]
    assert len(texas) == 1 and texas[0].latitude is not None and not texas[0].code


@pytest.mark.parametrize("gazetteer", GAZETTEERS)
@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("A research vessel reached the Ross Sea in January.", "Ross Sea"),
        ("Fighting spread across the Balkans.", "Balkans"),
        ("Oil spilled into the Gulf of Mexico on Tuesday.", "Gulf of Mexico"),
        ("Boats crossed the Mediterranean overnight.", "Mediterranean"),
        ("Wildfires burned across the Pacific Northwest.", "Pacific Northwest"),
    ],
)
def test_seas_and_regions_without_a_government_are_places(gazetteer, text, words):
    kind, _, code = places_in(text, gazetteer)[words]
    assert (kind, code) == ("region", "")


@pytest.mark.parametrize("gazetteer", GAZETTEERS)
def test_the_country_inside_a_seas_name_is_not_named(gazetteer):
    assert "Mexico" not in places_in("Oil spilled into the Gulf of Mexico.", gazetteer)


@pytest.mark.parametrize("gazetteer", GAZETTEERS)
@pytest.mark.parametrize(
    "text",
    [
        "Analysts at the Atlantic Council said so.",  # part of a longer name
        "The Atlantic reported the story first.",  # the magazine: no lowercase "the"
    ],
)
def test_a_sea_inside_another_name_is_no_place(gazetteer, text):
    assert not any("Atlantic" in words for words in places_in(text, gazetteer))


def test_a_sea_row_has_no_point_and_says_which_list():
    extraction = extracted("Oil spilled into the Gulf of Mexico on Tuesday, officials said.")
    row = next(p for p in extraction.places if p["name"] == "Gulf of Mexico")
    assert (row["latitude"], row["coordinates_origin"]) == (None, None)
    assert "seas and regions list" in row["extraction_method"]


@pytest.mark.parametrize("gazetteer", GAZETTEERS)
def test_a_sea_after_a_capitalised_word_is_part_of_that_name(gazetteer):
    text = "She sailed with the Royal Bay of Biscay Club last year."
    assert "Bay of Biscay" not in places_in(text, gazetteer)


def test_a_loaded_region_stays_pointless_and_is_not_looked_up_again(tmp_path):
    """A region has no point by design: a load neither warns about it nor asks the city
    gazetteer for one (asking built the whole GeoNames index on every reload)."""
    import sqlite3

    import timeline

    seeds = tmp_path / "seeds"
    (seeds / "articles").mkdir(parents=True)
    (seeds / "articles" / "floods.txt").write_text(
        "---\nid: floods\ntitle: Floods in Bavaria\npublished: 2024-06-03\nlanguage: en\n---\n"
        "Floods forced thousands from their homes in Bavaria, Germany, on Sunday, officials "
        "said.\n",
        encoding="utf-8",
    )
    db = tmp_path / "timeline.db"
    result = timeline.load(seeds, f"sqlite:///{db}")
    with sqlite3.connect(db) as connection:
        rows = connection.execute(
            "SELECT name, latitude, coordinates_origin FROM places WHERE origin = 'extracted'"
        ).fetchall()
    assert ("Bavaria", None, None) in rows
    assert not [w for w in result.warnings if "Bavaria" in w or "bavaria" in w]
