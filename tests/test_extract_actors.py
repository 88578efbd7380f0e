"""Actors: linking spellings to known actors, and typing new ones from their names."""

from __future__ import annotations

import pytest

from timeline.extract.actors import ActorBook, find_mentions
from timeline.extract.names import same_name
from timeline.extract.sentences import paragraphs
from timeline.validate import alias_key

KNOWN = [
    {"id": "viktor-maiko", "name": "Viktor Maiko", "type": "person", "description": None},
    {"id": "volodymyr-zelenskyy", "name": "Volodymyr Zelenskyy", "type": "person"},
    {"id": "ukraine", "name": "Ukraine", "type": "state"},
]
ALIASES = [
    {"actor_id": a["id"], "alias": a["name"], "alias_key": alias_key(a["name"])} for a in KNOWN
]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Victor Mayko", "Viktor Maiko", True),
        ("Zelensky", "Zelenskyy", True),
        ("Tokayev", "Tokaev", True),
        ("Russia", "Prussia", False),
        ("Kazakhstan", "Uzbekistan", False),
    ],
)
def test_transliterations(a, b, same):
    assert same_name(a, b) is same


@pytest.mark.parametrize(
    ("text", "actor_id", "actor_type"),
    [
        ("Ambassador Victor Mayko said so.", "viktor-maiko", "person"),
        ("President Volodymyr Zelensky called.", "volodymyr-zelenskyy", "person"),
        ("Then Mayko spoke with Viktor Maiko again.", "viktor-maiko", "person"),
        ("Kazakh political analyst Marat Shibutov wrote.", "marat-shibutov", "person"),
        ("It met the Ministry of Foreign Affairs today.", "ministry-of-foreign-affairs",
         "government_body"),
        ("Ukrzaliznytsia JSC is engaging.", "ukrzaliznytsia-jsc", "organisation"),
        ("According to the Institute for the Study of War, it rose.",
         "institute-for-the-study-of-war", "organisation"),
        ("The Times of Central Asia spoke with him.", "times-of-central-asia", "media"),
        ("Both Moscow and Washington confirmed it.", "russia", "state"),
        ("It was agreed with the Russian Federation.", "russia", "state"),
    ],
)  # fmt: skip
def test_mentions_link_or_create_typed_actors(text, actor_id, actor_type):
    book = ActorBook(KNOWN, ALIASES)
    mentions = find_mentions(text, paragraphs(text), book, [])
    assert actor_id in {m.actor_id for m in mentions}
    assert book.actors[actor_id].type == actor_type


@pytest.mark.parametrize(
    "text",
    [
        "They crossed the Caspian Sea near Aktau.",
        "Talks were held in Moscow last week.",  # a capital as a place, not its state
        "The Middle Corridor runs through Central Asia.",
        "They met on Sunday in New York.",
    ],
)
def test_places_and_things_are_not_actors(text):
    book = ActorBook([], [])
    assert find_mentions(text, paragraphs(text), book, []) == []
