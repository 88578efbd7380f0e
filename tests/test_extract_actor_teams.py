"""Sports clubs named by their place and a plural nickname, then by the nickname alone,
and surnames spelled with an inner capital: sentences of our own."""

from __future__ import annotations

import pytest

from tests.actor_mentions import mentions_of


@pytest.mark.parametrize(
    ("text", "team", "nickname"),
    [
        (
            "On Saturday, the Portland Herons beat the Austin Comets 3-1. The Herons "
            "scored twice before the break.",
            "Portland Herons",
            "Herons",
        ),
        (
            "The Kansas City Drovers signed a new coach. Fans said the Drovers' season "
            "starts in May.",
            "Kansas City Drovers",
            "Drovers",
        ),
    ],
)
def test_place_and_plural_nickname_name_a_team_and_the_nickname_alone_is_it(text, team, nickname):
    book, linked = mentions_of(text)
    (team_id,) = linked[team]
    assert book.actors[team_id].type == "group"
    assert "a team" in book.actors[team_id].method
    assert linked[nickname] == {team_id}


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # a place of its own, a newspaper, a plural the text also writes in lowercase
        ("Storms hit the Florida Keys and the Outer Banks.", "Florida Keys"),
        ("Ohio Schools closed early; schools reopen Monday.", "Ohio Schools"),
    ],
)
def test_place_and_plural_that_is_no_team(text, phrase):
    book, linked = mentions_of(text)
    assert all(book.actors[a].type != "group" for a in linked.get(phrase, ()))


def test_surname_with_inner_capital_is_the_person_named_before():
    book, linked = mentions_of(
        "Kicker Brandon McTavish scored first. Later McTavish missed from 40 yards."
    )
    (person,) = linked["Brandon McTavish"]
    assert book.actors[person].type == "person"
    assert linked["McTavish"] == {person}
