"""Names listed after a plural kind of body ("customers such as X, Y, and Z"): each one
is a body of that kind, even a one-word brand or a town's name; sentences of our own."""

from __future__ import annotations

import pytest

from tests.actor_mentions import mentions_of


@pytest.mark.parametrize(
    ("text", "name", "actor_type"),
    [
        (
            "Vexcor forced major customers such as Quillan, Tarsio, Brevik, and Olmond "
            "into exclusive deals.",
            "Tarsio",
            "organisation",
        ),
        (
            "Vexcor forced major customers such as Quillan, Tarsio, Brevik, and Olmond "
            "into exclusive deals.",
            "Olmond",
            "organisation",
        ),
        # a town's name in a list of banks is the bank
        ("Loans came from banks such as Santander and Quillan.", "Santander", "organisation"),
        # a name of two words in a list of retailers
        (
            "Quotas were set for key retailers such as Copper Kettle and Olmond.",
            "Copper Kettle",
            "organisation",
        ),
        ("The story ran in outlets including Brevik and Tarsio.", "Brevik", "media"),
    ],
)
def test_names_listed_after_a_kind_of_body_are_bodies_of_that_kind(text, name, actor_type):
    book, linked = mentions_of(text)
    (actor_id,) = linked[name]
    assert book.actors[actor_id].type == actor_type


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Exports went to countries such as Quillan and Tarsio.", "Tarsio"),
        ("Critics such as Tarsio and Brevik wrote letters.", "Tarsio"),
    ],
)
def test_a_list_after_no_kind_of_body_makes_no_body(text, name):
    book, linked = mentions_of(text)
    assert all(book.actors[a].type not in ("organisation", "media") for a in linked.get(name, ()))


def test_a_listed_name_ending_in_a_places_word_is_still_of_the_lists_kind():
    book, linked = mentions_of("Quotas hit key retailers such as Copper Kettle and Tarsio City.")
    (actor_id,) = linked["Tarsio City"]
    assert book.actors[actor_id].type == "organisation"


@pytest.mark.parametrize(
    ("text", "name", "actor_type"),
    [
        ("Vexcor was shut out from Tarsio Markt, Europe's largest computer retailer, "
         "last year.", "Tarsio Markt", "organisation"),
        ("Loans came from Tarsio Vexmark, a regional bank based in Ohio.", "Tarsio Vexmark",
         "organisation"),
    ],
)  # fmt: skip
def test_an_apposition_naming_a_kind_of_body_types_a_name_of_two_words(text, name, actor_type):
    book, linked = mentions_of(text)
    (actor_id,) = linked[name]
    assert book.actors[actor_id].type == actor_type


def test_a_person_with_a_given_name_keeps_an_apposition_about_a_company():
    book, linked = mentions_of("Laura Brennan, a company founder, spoke first.")
    (person,) = linked["Laura Brennan"]
    assert book.actors[person].type == "person"
