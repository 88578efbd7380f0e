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


def mentioned(text, known=(), aliases=()):
    book = ActorBook(list(known), list(aliases))
    return [(m.text, m.actor_id) for m in find_mentions(text, paragraphs(text), book, [])]


TWO_PRESIDENTS = (
    "Moldovan President Ana Rusu met Romanian President Mircea Dobre. "
    "Moldova and Romania agreed on a bridge.\n"
)


@pytest.mark.parametrize(
    ("later", "expected"),
    [
        ("Later the presidents met again.", {"ana-rusu", "mircea-dobre"}),
        ("Later the two presidents met again.", {"ana-rusu", "mircea-dobre"}),
        ("The presidents of Moldova and Romania met again.", {"ana-rusu", "mircea-dobre"}),
        ("The Moldovan and Romanian presidents met again.", {"ana-rusu", "mircea-dobre"}),
        ("Later the ambassadors met again.", set()),  # no ambassador known: nobody
    ],
)
def test_plural_title_names_the_officeholders_of_the_states_in_context(later, expected):
    found = mentioned(TWO_PRESIDENTS + later)
    assert {actor for text, actor in found if text.endswith(("presidents", "ambassadors"))} | {
        actor for text, actor in found if "presidents of" in text
    } == expected


def test_plural_title_names_nobody_when_a_state_has_two_known_holders():
    known = [
        {"id": "ana-rusu", "name": "Ana Rusu", "type": "person",
         "description": "President of Moldova"},
        {"id": "petru-lupu", "name": "Petru Lupu", "type": "person",
         "description": "Former President of Moldova"},
        {"id": "mircea-dobre", "name": "Mircea Dobre", "type": "person",
         "description": "President of Romania"},
    ]  # fmt: skip
    found = mentioned("The presidents of Moldova and Romania met.", known)
    assert [actor for text, actor in found if "presidents" in text] == []
    assert {actor for _, actor in found} == {"moldova", "romania"}


def test_he_never_stands_for_a_plural_title():
    from timeline.extract.quotes import find_quote_spans
    from timeline.extract.speakers import attribute

    text = (
        TWO_PRESIDENTS
        + "Ion Leahu, the ambassador, said the presidents met. “It went well,” he said.\n"
    )
    book = ActorBook([], [])
    spans = paragraphs(text)
    quotes = [q for q in find_quote_spans(text, spans) if q.depth == 0]
    mentions = find_mentions(text, spans, book, [(q.mark_start, q.mark_end) for q in quotes])
    (attribution,) = attribute(text, spans, quotes, mentions, book)
    assert attribution.actor_id == "ion-leahu"


def test_quoted_text_and_mention_index_answer_by_offset():
    from timeline.extract.actors import Mention, MentionIndex, QuotedText

    quoted = QuotedText([(10, 20), (15, 30), (40, 45)])  # nested spans merge
    assert [quoted.holds(p) for p in (9, 10, 25, 30, 41, 45)] == [
        False, True, True, False, True, False,
    ]  # fmt: skip
    mentions = MentionIndex([Mention(s, s + 3, "x", f"a{s}") for s in (30, 0, 10, 20)])
    assert [m.start for m in mentions.between(5, 21)] == [10, 20]
    assert [m.start for m in mentions.inside(5, 22)] == [10]
    assert [m.start for m in mentions.before(20)] == [10, 0]
