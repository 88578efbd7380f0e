"""One actor, one row: the short forms news uses for a name met before (or after) in the
same article link to it, and forms that only look alike do not.

Sentences are from real articles (Wikinews, CC BY 2.5; U.S. Treasury press releases,
public domain) where one shows the pattern, else of our own in news style. Every text
builds a fresh book, so no known actor helps.
"""

from __future__ import annotations

import pytest

from timeline.extract.actors import ActorBook, find_mentions
from timeline.extract.names import same_but_middle
from timeline.extract.sentences import paragraphs

from .actor_mentions import mentions_of


def one_actor(text: str, *forms: str) -> bool:
    """Do all these mention texts name one and the same actor?"""
    _, linked = mentions_of(text)
    ids = set().union(*(linked.get(form, {f"missing: {form}"}) for form in forms))
    return len(ids) == 1


@pytest.mark.parametrize(
    ("text", "forms"),
    [
        # a surname alone later, with no speech verb or title beside it
        ("The show was opened by Tim Burton on Friday. Later Burton thanked the crowd.",
         ("Tim Burton", "Burton")),
        # a surname that is also a capital: the person, not the state acting
        ("Valeska Paris, an Australian woman and former Scientologist, has claimed that the "
         "Church of Scientology imprisoned her. Paris claims she was first sent to the ship "
         "aged eighteen.", ("Valeska Paris", "Paris")),
        # with and without a middle initial, or a patronymic
        ("Treasury official Brian E. Nelson spoke first. Brian Nelson later left the room.",
         ("Brian E. Nelson", "Brian Nelson")),
        # an acronym met before the name it abbreviates, opening a sentence
        ("The IMF approved the loan on Monday. The International Monetary Fund said it "
         "would pay.", ("IMF", "International Monetary Fund")),
        # the same acronym after the name, with no brackets pairing them
        ("The International Monetary Fund approved the loan on Monday. Officials at the "
         "IMF said it would pay.", ("IMF", "International Monetary Fund")),
    ],
)  # fmt: skip
def test_short_forms_link_to_the_one_actor(text, forms):
    assert one_actor(text, *forms)


def test_a_surname_two_people_share_links_to_neither():
    _, linked = mentions_of(
        "Anna Kowal and Piotr Kowal ran the farm. Later Kowal sold it to a neighbour."
    )
    assert "Kowal" not in linked


def test_a_surname_after_a_preposition_of_place_is_no_person():
    _, linked = mentions_of(
        "Valeska Paris, an Australian woman, left the ship. She later flew to Paris."
    )
    assert "Paris" not in linked


def test_a_capital_acting_with_no_such_person_stays_its_state():
    book, linked = mentions_of("Paris confirmed the talks on Monday.")
    (actor_id,) = linked["Paris"]
    assert book.actors[actor_id].type == "state"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Brian E. Nelson", "Brian Nelson", True),
        ("Oleg Vladimirovich Deripaska", "Oleg Deripaska", True),
        ("Patricia S. Collins", "Patricia Collins", True),
        ("Janet L. Yellen", "Janet Yellen", True),
        # another first or last name is another person
        ("Brian E. Nelson", "Bruce Nelson", False),
        ("Oleg Vladimirovich Deripaska", "Oleg Vladimirovich", False),
        # one word is no full name to compare
        ("Nelson", "Brian Nelson", False),
        # a middle name the longer form does not have
        ("John Paul Smith", "John Peter Smith", False),
    ],
)
def test_names_with_and_without_a_middle_name(a, b, same):
    assert same_but_middle(a, b) is same


@pytest.mark.parametrize(
    "text",
    [
        # U.S. Treasury, 2024-04-12 (Jeremy Hunt's words)
        "Thanks to Britain’s leadership in this area, our decisive action with the U.S. to "
        "jointly ban Russian metals from the two largest exchanges will prevent it.",
        "The U.S. imposed tariffs on Monday. The United States said talks would go on.",
        "The United States imposed tariffs on Monday. Officials said the U.S. would wait.",
    ],
)
def test_the_us_as_a_noun_is_the_united_states(text):
    book, linked = mentions_of(text)
    (actor_id,) = linked["U.S."]
    assert book.actors[actor_id].name == "United States"
    assert one_actor(text, "U.S.", "United States") or "United States" not in linked


@pytest.mark.parametrize(
    "text",
    [
        # U.S. Treasury, 2024-05-14: adjectives before a noun
        "All transactions by U.S. persons are prohibited unless authorized by OFAC.",
        "The U.S. government said no.",
        # a location
        "Prices rose in the U.S. last year.",
        # Wikinews, 2014-07-28: where a body is
        "A research team from the University of Sheffield of the UK has analysed effects "
        "of global warming.",
    ],
)
def test_the_us_before_a_noun_or_as_a_place_is_no_state_actor(text):
    book, linked = mentions_of(text)
    assert not any(form in linked for form in ("U.S.", "UK"))


def test_a_body_of_a_state_keeps_its_whole_spelling_as_an_alias():
    book, linked = mentions_of("The Ministry of Foreign Affairs of Ukraine said the talks failed.")
    (actor_id,) = linked["Ministry of Foreign Affairs"]
    assert "Ministry of Foreign Affairs of Ukraine" in book.actors[actor_id].forms
    assert book.actors[actor_id].type == "government_body"


def actors_named(text: str) -> dict[str, str]:
    """Every spelling of every actor found -> its type."""
    book, linked = mentions_of(text)
    return {
        form: book.actors[actor_id].type
        for ids in linked.values()
        for actor_id in ids
        for form in book.actors[actor_id].forms
    }


@pytest.mark.parametrize(
    ("text", "name", "actor_type"),
    [
        # U.S. Treasury, 2024-05-14: a body's field is no title to cut
        ("On September 29, 2022, the U.S. Department of Justice charged Deripaska with "
         "conspiring to violate and evade U.S. sanctions.", "U.S. Department of Justice",
         "government_body"),
        ("She served at the Department of Defense for ten years.", "Department of Defense",
         "government_body"),
        # "Foreign" qualifies the next word: no title before a name
        ("Today, the U.S. Department of the Treasury’s Office of Foreign Assets Control "
         "(OFAC) designated one Russian individual.", "Office of Foreign Assets Control",
         "government_body"),
        ("Today, the U.S. Department of the Treasury’s Office of Foreign Assets Control "
         "(OFAC) designated one Russian individual.", "OFAC", "government_body"),
        # a long title broken by "and", then the person
        ("“Treasury will continue to take action,” said Under Secretary of the Treasury for "
         "Terrorism and Financial Intelligence Brian E. Nelson.", "Brian E. Nelson", "person"),
    ],
)  # fmt: skip
def test_titles_and_fields_are_cut_right(text, name, actor_type):
    assert actors_named(text).get(name) == actor_type


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("Foreign Minister Ann Lee said no.", "Ann Lee"),
        # an initial or a second given name before the given name is part of the name
        ("The church was founded by L. Ron Hubbard in 1954.", "L. Ron Hubbard"),
        ("Mary Ann Lee spoke first.", "Mary Ann Lee"),
    ],
)
def test_a_given_name_inside_a_name_does_not_cut_it(text, whole):
    names = actors_named(text)
    assert names.get(whole) == "person"
    assert len(names) == 1


# U.S. Treasury, 2024-05-14 (public domain): persons and companies listed with the short
# form the release goes on with, in brackets.
_DESIGNATIONS = (
    "In June 2023, Deripaska coordinated with Russian national Dmitrii Aleksandrovich "
    "Beloglazov (Beloglazov), the owner of Russia-based financial services firm Obshchestvo "
    "S Ogranichennoi Otvetstvennostiu Titul (Titul), on a planned transaction. Within weeks "
    "of this coordination, Russia-based financial services firm Aktsionernoe Obshchestvo "
    "Iliadis (Iliadis) was established as a subsidiary of Titul. In early 2024, Iliadis "
    "acquired Russia-based investment holding company International Company Joint Stock "
    "Company Rasperia Trading Limited (Rasperia), which holds Deripaska’s frozen shares."
)


@pytest.mark.parametrize(
    ("name", "short", "actor_type"),
    [
        ("Dmitrii Aleksandrovich Beloglazov", "Beloglazov", "person"),
        ("Obshchestvo S Ogranichennoi Otvetstvennostiu Titul", "Titul", "organisation"),
        ("Aktsionernoe Obshchestvo Iliadis", "Iliadis", "organisation"),
        ("International Company Joint Stock Company Rasperia Trading Limited", "Rasperia",
         "organisation"),
    ],
)  # fmt: skip
def test_a_short_form_defined_in_brackets_is_the_same_actor(name, short, actor_type):
    book, linked = mentions_of(_DESIGNATIONS)
    (actor_id,) = linked[name]
    assert book.actors[actor_id].type == actor_type
    assert linked[short] == {actor_id}


def test_a_short_form_glued_to_the_name_after_a_role():
    text = (
        "The shares belonged to U.S.-designated Russian oligarch Oleg Vladimirovich "
        "Deripaska(Deripaska). Deripaska is also sanctioned by Australia."
    )
    assert one_actor(text, "Oleg Vladimirovich Deripaska", "Deripaska")


@pytest.mark.parametrize(
    ("text", "bracketed"),
    [
        # the bracket holds another name, or a word that is none of the name's
        ("Seats went to Laura Brennan (Harbour Voice) and others.", "Harbour Voice"),
        ("The Riverside Ramblers (Hikers) met on Sunday.", "Hikers"),
    ],
)
def test_a_bracketed_word_that_is_not_the_names_own_defines_nothing(text, bracketed):
    book, _ = mentions_of(text)
    assert not any(bracketed in actor.forms[1:] for actor in book.actors.values())


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # Wikinews, 2017-07-21: a destination, and where an ambassador serves
        ("The team had been denied visas to enter the United States until last week.",
         "United States"),
        ("According to Afghan Ambassador to the United States Hamdullah Mohib, the team "
         "showed progress.", "United States"),
        # Wikinews, 2011-04-13: a capital's name as the region after a city
        ("The Museum of Flight in Seattle, Washington was also proposed as another home.",
         "Washington"),
        # Wikinews, 2016-09-07: a state saying whose body it is
        ("Volunteer organization Comic Corps of Canada collects donations of comics.",
         "Canada"),
    ],
)  # fmt: skip
def test_a_state_named_as_a_place_is_no_actor(text, place):
    _, linked = mentions_of(text)
    assert place not in linked


def test_a_state_found_acting_is_no_mention_where_it_is_only_a_place():
    text = (
        "The United States imposed new visa rules on Monday. Daytime events will be shown "
        "live in the United States in the middle of the night."
    )
    book = ActorBook([], [])
    mentions = find_mentions(text, paragraphs(text), book, [])
    states = [m for m in mentions if m.text == "United States"]
    assert len(states) == 1 and states[0].start < 20


def test_a_curated_state_keeps_its_mentions_as_a_place():
    text = "Goods cannot be exported in transit through Romania on their way."
    book = ActorBook([{"id": "romania", "name": "Romania", "type": "state"}], [])
    mentions = find_mentions(text, paragraphs(text), book, [])
    assert [m.actor_id for m in mentions] == ["romania"]


@pytest.mark.parametrize(
    "text",
    [
        "Talks with Oleg Deripaska collapsed in June.",
        "The shares went to Yulia Tymoshenko and others.",
    ],
)
def test_more_given_names_shape_a_persons_name(text):
    assert list(actors_named(text).values()) == ["person"]


@pytest.mark.parametrize(
    ("text", "not_an_actor"),
    [
        # U.S. Treasury, 2024-04-12: a document's title, and a heading set in capitals
        ("This action solidifies Treasury’s follow through on the G7 Leaders’ Statement to "
         "reduce Russia’s revenues from metals.", "G7 Leaders"),
        ("The ban covers metals of Russian Federation origin. Click here to read the "
         "Determination: Prohibitions Related to Imports of Aluminum, Copper, and Nickel of "
         "Russian Federation Origin.", "Nickel of Russian Federation Origin"),
    ],
)  # fmt: skip
def test_titles_of_documents_are_no_actors(text, not_an_actor):
    assert not_an_actor not in actors_named(text)


@pytest.mark.parametrize(
    ("text", "body"),
    [
        # Wikinews, 2013-10-09: a body's word before "of" keeps the name, even when its
        # last word is written in lowercase elsewhere
        ("Magicians met in London. Wikinews interviews the President of the International "
         "Brotherhood of Magicians.", "International Brotherhood of Magicians"),
        # a plural's possessive before a body's word stays a body
        ("The Kurdistan Workers' Party said it would stop.", "Kurdistan Workers' Party"),
    ],
)  # fmt: skip
def test_bodies_with_lowercase_words_or_possessives_stay_bodies(text, body):
    assert actors_named(text).get(body) == "organisation"


@pytest.mark.parametrize(
    ("text", "name", "actor_type"),
    [
        # U.S. Treasury, 2024-05-14: the head word says what the body is
        ("He acted for a senior official of the Government of the Russian Federation.",
         "Government of the Russian Federation", "government_body"),
        ("The Bank of England raised rates.", "Bank of England", "organisation"),
        # a given name joined by a hyphen
        ("Jean-Claude Juncker spoke first. Juncker later left.", "Jean-Claude Juncker",
         "person"),
    ],
)  # fmt: skip
def test_types_from_the_head_word_and_hyphenated_given_names(text, name, actor_type):
    assert actors_named(text).get(name) == actor_type


@pytest.mark.parametrize(
    ("text", "name", "short"),
    [
        # U.S. Treasury, 2024-05-14: an abbreviation in mixed case, paired in brackets
        ("A March 7, 2022 Financial Crimes Enforcement Network (FinCEN) Alert also "
         "identified certain red flags. FinCEN said more would follow.",
         "Financial Crimes Enforcement Network", "FinCEN"),
        ("The Ministry of Defence (MoD) agreed. The MoD said no.", "Ministry of Defence",
         "MoD"),
    ],
)  # fmt: skip
def test_a_mixed_case_abbreviation_in_brackets_is_the_same_body(text, name, short):
    assert one_actor(text, name, short)


def test_a_mixed_case_word_in_brackets_that_is_no_abbreviation_is_not_paired():
    book, linked = mentions_of("The Riverside Rowing Club (McAllister) won again.")
    (club,) = linked["Riverside Rowing Club"]
    assert "McAllister" not in book.actors[club].forms


@pytest.mark.parametrize(
    ("text", "forms"),
    [
        ("Lawrence Lessig spoke at the conference. Larry Lessig later said he was pleased.",
         ("Lawrence Lessig", "Larry Lessig")),
        ("Jim Wolfensohn led the bank for a decade. James Wolfensohn stepped down in 2005.",
         ("Jim Wolfensohn", "James Wolfensohn")),
        ("William Gates founded the firm. Bill Gates later gave much of it away.",
         ("William Gates", "Bill Gates")),
    ],
)  # fmt: skip
def test_a_nickname_and_its_given_name_are_one_person(text, forms):
    assert one_actor(text, *forms)


@pytest.mark.parametrize(
    "text",
    [
        # "Steve" shortens Stephen and Steven alike: no guess
        "Stephen Hale spoke first. Steve Hale spoke next.",
        # other surnames stay other people
        "Lawrence Lessig spoke. Larry Lewis left.",
    ],
)  # fmt: skip
def test_names_a_nickname_does_not_join(text):
    book, _ = mentions_of(text)
    assert len([a for a in book.actors.values() if a.type == "person"]) == 2


@pytest.mark.parametrize(
    ("text", "forms"),
    [
        # a shorter later form that is the tail of the full name met before
        ("The Haitian Chamber of Deputies voted on Friday. Later the Chamber of Deputies "
         "adjourned.", ("Haitian Chamber of Deputies", "Chamber of Deputies")),
        # a group's or a company's word after the name
        ("The World Bank Group said so. The World Bank agreed.",
         ("World Bank Group", "World Bank")),
    ],
)  # fmt: skip
def test_a_bodys_shorter_form_is_the_body(text, forms):
    assert one_actor(text, *forms)


def test_two_states_bodies_of_one_kind_stay_apart():
    assert not one_actor(
        "The Iraqi Health Ministry and the Syrian Health Ministry disagreed.",
        "Iraqi Health Ministry",
        "Syrian Health Ministry",
    )


def test_a_tail_two_bodies_share_joins_neither():
    _, linked = mentions_of(
        "The Iraqi Health Ministry and the Syrian Health Ministry disagreed. The Health "
        "Ministry said so."
    )
    assert linked["Health Ministry"].isdisjoint(
        linked["Iraqi Health Ministry"] | linked["Syrian Health Ministry"]
    )


def test_initials_that_keep_of_are_the_body_they_abbreviate():
    assert one_actor(
        "The Government of Indonesia said it would help. Later GOI officials agreed.",
        "Government of Indonesia",
        "GOI",
    )
