"""Actor names on unannotated news: whole names, one actor per name, right types.

One row per pattern of English news writing; each sentence builds a fresh book, so no
known actor helps.
"""

from __future__ import annotations

import pytest

from timeline.extract.actors import ActorBook, find_mentions
from timeline.extract.sentences import paragraphs


def actors_of(text: str) -> dict[str, str]:
    """Name -> type of every actor extraction finds in the text."""
    book = ActorBook([], [])
    found = find_mentions(text, paragraphs(text), book, [])
    return {book.actors[m.actor_id].name: book.actors[m.actor_id].type for m in found}


@pytest.mark.parametrize(
    ("text", "name", "actor_type"),
    [
        # an apostrophe between capitals is inside the name
        ("Nurse Grace O'Neill said the ward was full.", "Grace O'Neill", "person"),
        ("“We are ready,” said Liam D’Arcy, the coach.", "Liam D’Arcy", "person"),
        ("Analyst Sean O'Brien wrote that prices rose.", "Sean O'Brien", "person"),
        # "and" inside an organisation's name
        ("The Nurses and Midwives Union called a strike.", "Nurses and Midwives Union",
         "organisation"),
        ("The Parents and Teachers Association met.", "Parents and Teachers Association",
         "organisation"),
        # a title ending a longer phrase is not part of the name
        ("Home Secretary Suella Braverman said it was clear.", "Suella Braverman", "person"),
        ("NASA Administrator Charles Bolden said so.", "Charles Bolden", "person"),
        ("Secretary of State Marco Rubio told reporters.", "Marco Rubio", "person"),
        ("Army Maj. Ann Lee said the base was safe.", "Ann Lee", "person"),
        ("The CEO of the Refugee Council Enver Solomon said it.", "Enver Solomon", "person"),
        # a state and a person with no comma between
        ("Afghanistan's ambassador to the United States Hamdullah Mohib said it.",
         "Hamdullah Mohib", "person"),
        # a capital acting for the EU, not for Belgium
        ("Brussels warned that tariffs would follow.", "European Union", "organisation"),
        ("Moscow confirmed the talks.", "Russia", "state"),
    ],
)  # fmt: skip
def test_names_are_whole_and_typed(text, name, actor_type):
    assert actors_of(text).get(name) == actor_type


@pytest.mark.parametrize(
    ("text", "both"),
    [
        ("Researchers at the Massachusetts Institute of Technology and Colorado State "
         "University found it.",
         {"Massachusetts Institute of Technology", "Colorado State University"}),
        ("The Ministry of Health and the Red Cross Society agreed.",
         {"Ministry of Health", "Red Cross Society"}),
        ("Tanya Chan of the Civic Party said it.", {"Tanya Chan", "Civic Party"}),
    ],
)  # fmt: skip
def test_two_actors_joined_by_a_word_stay_two(text, both):
    assert both <= set(actors_of(text))


@pytest.mark.parametrize(
    ("text", "not_an_actor"),
    [
        ("KYIV (AFP) - Ukraine said on Monday it had repelled an attack.", "KYIV"),
        ("LONDON, Dec 1 (Reuters) — Shares fell.", "LONDON"),
        ("An Army Maj. was hurt in the blast.", "Army Maj"),
        ("The summit in Brussels ended late.", "Belgium"),
        ("Crowds filled Brussels streets.", "Belgium"),
        ("She flew to Washington for the talks.", "United States"),
    ],
)
def test_datelines_ranks_and_places_are_not_actors(text, not_an_actor):
    assert not_an_actor not in actors_of(text)


@pytest.mark.parametrize(
    ("text", "name", "abbreviation"),
    [
        ("The North Atlantic Treaty Organization (NATO) met. NATO said it was ready.",
         "North Atlantic Treaty Organization", "NATO"),
        ("The Institute for Fiscal Studies (IFS) said taxes rose.",
         "Institute for Fiscal Studies", "IFS"),
        # no brackets: the initials match the words
        ("The World Health Organisation warned. Later the WHO said it again.",
         "World Health Organisation", "WHO"),
        ("The National Union of Students protested. The NUS said fees were too high.",
         "National Union of Students", "NUS"),
        # the initials first, the expansion after them in brackets
        ("The head of the CDL (Coastal Dockers League) spoke. The CDL later agreed.",
         "CDL", "Coastal Dockers League"),
    ],
)  # fmt: skip
def test_an_abbreviation_is_the_actor_it_abbreviates(text, name, abbreviation):
    book = ActorBook([], [])
    found = find_mentions(text, paragraphs(text), book, [])
    ids = {m.actor_id for m in found if m.text in (name, abbreviation)}
    assert len(ids) == 1 and book.actors[ids.pop()].name == name


def test_an_ampersand_between_capitalised_words_keeps_one_name():
    from timeline.extract.actors import ActorBook, find_mentions
    from timeline.extract.sentences import paragraphs

    text = "On Monday, shares of Procter & Gamble Company rose."
    book = ActorBook([], [])
    mentions = find_mentions(text, paragraphs(text), book, [])
    forms = {form for m in mentions for form in book.actors[m.actor_id].forms}
    assert "Procter & Gamble Company" in forms
    assert "Gamble Company" not in forms
