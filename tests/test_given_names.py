"""The shipped given-names table: which capitalised words say "a person's name"."""

from __future__ import annotations

from importlib import resources

import pytest

from timeline.extract.given_names import GIVEN_NAMES, is_given_name


@pytest.mark.parametrize("word", ["Maziar", "Keyvan", "Devin", "Aaban", "Zzyzx", "Laura"])
def test_names_of_the_table_and_the_hand_list_are_given_names(word):
    assert is_given_name(word)


@pytest.mark.parametrize(
    "word",
    [
        "Will", "May", "Hope", "Summer", "Major",  # English words
        "Paris", "Houston", "Jordan",  # places
        "Santa", "Rio",  # words that open many place names
        "President", "Tuesday", "Bank",  # words the rules read otherwise
        "Maziarz", "", "A", "maziar", "Dev-in",  # not in the table, or no name's spelling
    ],
)  # fmt: skip
def test_words_places_and_unknown_words_are_not_given_names(word):
    assert not is_given_name(word)


def test_the_table_is_sorted_names_under_its_licence_header():
    text = resources.files("timeline.extract").joinpath("data/given_names.txt").read_text()
    header, _, body = text.partition("\n# end of header\n")
    assert "public domain" in header and "make_given_names_table.py" in header
    names = body.split()
    assert names == sorted(names) and len(names) > 50_000
    assert all(name.isalpha() and len(name) >= 3 for name in names)
    assert not set(names) & GIVEN_NAMES  # the table only adds to the hand list
