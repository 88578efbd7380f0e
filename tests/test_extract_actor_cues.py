"""Names whose spelling says nothing, typed by the words around them: one-word bodies
("Microsoft's website", "the news agency Yonhap"), persons named in full once and then
by surname, acronyms met before their expansion; and the capitals that are no actor
(post-nominal letters, words set in capitals for emphasis). Sentences of our own; each
builds a fresh book, so no known actor helps.
"""

from __future__ import annotations

import pytest

from timeline.extract.actors import ActorBook, find_mentions
from timeline.extract.sentences import paragraphs


def found_in(text: str) -> ActorBook:
    book = ActorBook([], [])
    find_mentions(text, paragraphs(text), book, [])
    return book


def actor_named(book: ActorBook, name: str):
    return next((a for a in book.actors.values() if name in a.forms), None)


@pytest.mark.parametrize(
    ("text", "name", "actor_type", "cue"),
    [
        ("The figures appeared on Brightwell's website last night.", "Brightwell",
         "organisation", "website"),
        ("A Quillon spokesperson declined to comment.", "Quillon", "organisation",
         "spokesperson"),
        ("Nordavik co-founder Ann Lee tweeted her support.", "Nordavik", "organisation",
         "co-founder"),
        ("The talks were first reported by the news agency Tamsor.", "Tamsor", "media",
         "news agency"),
        ("The Halvard newspaper printed the letter in full.", "Halvard", "media",
         "newspaper"),
        ("The space agency Orbita confirmed the launch date.", "Orbita", "government_body",
         "space agency"),
        ("The game was made by the publisher Kestrano for its fans.", "Kestrano",
         "organisation", "publisher"),
        ("She posted to Chirpr within minutes of the ruling.", "Chirpr", "organisation",
         "posted to"),
        ("Seats were won by Veltria's Baggio Leung and two others.", "Veltria",
         "organisation", "Baggio Leung"),
        ("Ferrocane, a French company, bought the plant.", "Ferrocane", "organisation",
         "company"),
    ],
)  # fmt: skip
def test_one_word_body_is_typed_by_its_cue(text, name, actor_type, cue):
    actor = actor_named(found_in(text), name)
    assert actor is not None and actor.type == actor_type
    assert cue in actor.method  # the reviewer sees which words made it a body


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # a capital opening a sentence with no cue beside it
        ("Brightwell announced the results on Friday.", "Brightwell"),
        # a person's surname, met in full before
        ("Ann Brightwell spoke first. Later, Brightwell's website carried the text.",
         "Brightwell"),
        # the article also writes the word in lowercase: a common word
        ("Harvest's website showed the harvest had failed.", "Harvest"),
        # a title stands before it alone: a surname
        ("Mr Quillon left early. A Quillon spokesperson declined to comment.", "Quillon"),
        # the tail of a longer name ("Saudi Arabia's"), no body of its own
        ("Saudi Arabia's website was down.", "Arabia"),
        # a given name before a possessive is a person's
        ("Maria's website was down for a day.", "Maria"),
        # no cue: a place-like word in a plain sentence
        ("Visitors flocked to Brightwell for the fair.", "Brightwell"),
    ],
)  # fmt: skip
def test_one_word_without_a_body_cue_is_no_body(text, word):
    actor = actor_named(found_in(text), word)
    assert actor is None or actor.type == "person"


def test_one_word_body_and_its_suffixed_name_are_one_actor():
    book = found_in("A Quillon spokesperson said no. Shares in Quillon Inc fell.")
    actor = actor_named(book, "Quillon")
    assert actor is not None and "Quillon Inc" in actor.forms
    assert len(book.actors) == 1


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The case went to a defence lawyer, Kendrick Moxon. Moxon proceeded to object.",
         "Kendrick Moxon"),
        ("The study was led by Marymegan Dalrow of the museum. Dalrow said it was new.",
         "Marymegan Dalrow"),
        ("Sunniva Okerlund spoke for the residents. Later Okerlund wrote to the council.",
         "Sunniva Okerlund"),
    ],
)  # fmt: skip
def test_person_named_once_then_by_surname_alone(text, name):
    actor = actor_named(found_in(text), name)
    assert actor is not None and actor.type == "person"
    assert actor.method  # says which rule found it


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a body's product, the body named on its own elsewhere
        ("A Quillon spokesperson spoke. Quillon Reader is new. Reader gained users.",
         "Quillon Reader"),
        # after a determiner: a thing's name, not a person's
        ("They bought the Velvet Hammer. Hammer sold well.", "Velvet Hammer"),
        # the surname is also written in lowercase: a common word
        ("Stone Harbour is quiet. Harbour fees rose, and the harbour filled.",
         "Stone Harbour"),
        # no lone mention later: nothing says it is a person
        ("The study was led by Marymegan Dalrow of the museum.", "Marymegan Dalrow"),
    ],
)  # fmt: skip
def test_no_person_without_a_lone_surname_subject(text, name):
    actor = actor_named(found_in(text), name)
    assert actor is None or actor.type != "person" or "alone" not in actor.method


def test_acronym_met_before_its_name_joins_it():
    book = found_in(
        "Shells hit KPA posts near the border. Officials said the Korean People's Army "
        "[KPA] fired first."
    )
    army = actor_named(book, "Korean People's Army")
    assert army is not None and army.type == "government_body"
    assert "KPA" in army.forms
    assert [a.name for a in book.actors.values()] == ["Korean People's Army"]


def test_acronym_matching_two_bodies_stays_apart():
    book = found_in(
        "The NRA spoke first. The National Rifle Association and the National Roads Authority met."
    )
    nra = actor_named(book, "NRA")
    assert nra is not None
    assert not {"National Rifle Association", "National Roads Authority"} & set(nra.forms)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("In the words of the Crown prosecutor, Mark Tedeschi, QC, the case was clear.", "QC"),
        ("The barrister, Ann Lee, SC, said the case was clear.", "SC"),
        ("He would be jailed for a long time, UNLESS of course, he cooperated.", "UNLESS"),
        ("They were told to return NEVER again to the site.", "NEVER"),
        ("The order was final, and the PRIORITY list, the priority of all, stood.",
         "PRIORITY"),
    ],
)  # fmt: skip
def test_capitals_that_name_no_actor(text, word):
    assert actor_named(found_in(text), word) is None


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Commanders of the Korean People's Army were sent to the front.",
         "Korean People's Army"),
        ("Talks with the Kurdistan Workers' Party resumed.", "Kurdistan Workers' Party"),
    ],
)  # fmt: skip
def test_body_name_owning_a_plural_stays_whole(text, name):
    actor = actor_named(found_in(text), name)
    assert actor is not None and actor.type in ("government_body", "organisation")


@pytest.mark.parametrize(
    ("text", "name", "is_person"),
    [
        # a role's plural before the name
        ("The seats went to councillors Alvin Yeung and two others.", "Alvin Yeung", True),
        ("She toured with illustrator Johnnie Christmas last year.", "Johnnie Christmas", True),
        # a common word opening the sentence, written in lowercase elsewhere
        ("He is nonpartisan. Nonpartisan Paul Tse won the seat.", "Paul Tse", True),
        # what follows the comma is a clause, not an apposition of the name
        ("She launched her novel Angel Catbird, with illustrator Ann Lee.", "Angel Catbird",
         False),
        # a real apposition still counts
        ("The plan came from Orla Quint, a senior analyst at the bank.", "Orla Quint", True),
    ],
)  # fmt: skip
def test_person_evidence_beside_the_name(text, name, is_person):
    actor = actor_named(found_in(text), name)
    assert (actor is not None and actor.type == "person") == is_person


def test_body_written_with_and_without_its_possessive_is_one_actor():
    book = found_in(
        "Votes went to the New People's Party first. Later the New People Party won more."
    )
    parties = [a for a in book.actors.values() if a.type == "organisation"]
    assert len(parties) == 1
    assert {"New People's Party", "New People Party"} <= set(parties[0].forms)


@pytest.mark.parametrize(
    ("text", "state", "is_actor"),
    [
        ("The stalls represent the counties of Taiwan.", "Taiwan", False),
        ("They drove to the north of the United States.", "United States", False),
        ("Floods hit the coast of Chile overnight.", "Chile", False),
        # the polity itself
        ("The government of Chile protested.", "Chile", True),
        ("Taiwan protested the move.", "Taiwan", True),
    ],
)  # fmt: skip
def test_state_named_as_part_of_a_place_is_no_actor(text, state, is_actor):
    assert (actor_named(found_in(text), state) is not None) == is_actor


@pytest.mark.parametrize(
    ("text", "name", "actor_type"),
    [
        ("NASA said the shuttle would move to Houston.", "NASA", "government_body"),
        ("The plan was first reported by NBC on Sunday.", "NBC", "media"),
        # other initials stay organisations
        ("The report was funded by NORLAB and the city.", "NORLAB", "organisation"),
    ],
)
def test_known_initials_give_the_type(text, name, actor_type):
    actor = actor_named(found_in(text), name)
    assert actor is not None and actor.type == actor_type
    assert actor.method.startswith(f"actor: {actor_type}")


def test_known_initials_that_qualify_a_noun_name_no_actor():
    assert actor_named(found_in("It runs on the NASA software stack."), "NASA") is None


@pytest.mark.parametrize(
    ("text", "name", "is_person"),
    [
        ("The seat went to Chow Wing-kei of the Harbour Alliance.", "Chow Wing-kei", True),
        ("She is a Booker Prize-winner and a teacher.", "Booker Prize-winner", False),
        ("The Hollis Seattle-based group grew.", "Hollis Seattle-based", False),
    ],
)
def test_hyphenated_word_is_a_given_name_only_when_no_english_compound(text, name, is_person):
    actor = actor_named(found_in(text), name)
    assert (actor is not None and actor.type == "person") == is_person
