"""What kind of actor a name is, and when a name is none, for the cases issue 12's
unannotated articles got wrong: an outlet named with "The", armed groups, offices with a
medium's word, products of a department, a field's name after a title, a company of two
words joined by "and". Sentences of our own."""

from __future__ import annotations

import pytest

from tests.actor_mentions import mentions_of
from timeline.extract.actors import ActorBook, find_mentions
from timeline.extract.sentences import paragraphs


def test_a_writer_for_the_x_names_an_outlet_with_its_article():
    book, linked = mentions_of(
        "Dana Roe, a writer for The Skillet, said the staff was small. Later The Skillet "
        "hired two more writers."
    )
    (outlet,) = linked["Skillet"]
    assert book.actors[outlet].type == "media"
    assert "The Skillet" in book.actors[outlet].forms


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Fighters advanced overnight. The Taliban said it held the city.", "Taliban"),
        ("The port was seized by the Houthis in March.", "Houthis"),
    ],
)
def test_armed_movements_are_groups(text, name):
    book, linked = mentions_of(text)
    (actor_id,) = linked[name]
    assert book.actors[actor_id].type == "group"


@pytest.mark.parametrize(
    ("text", "name", "actor_type"),
    [
        ("The Post Office said parcels were late.", "Post Office", "government_body"),
        ("The Press Council said the column broke its code.", "Press Council",
         "government_body"),
        # an outlet keeps its type: "News" names one whatever word ends the name
        ("The Korean Central News Agency said so.", "Korean Central News Agency", "media"),
        ("The Associated Press reported it.", "Associated Press", "media"),
    ],
)  # fmt: skip
def test_a_medium_word_before_an_office_word_names_an_office(text, name, actor_type):
    book, linked = mentions_of(text)
    (actor_id,) = linked[name]
    assert book.actors[actor_id].type == actor_type


def test_treasury_before_a_security_is_no_mention_even_of_a_known_treasury():
    book = ActorBook(
        [{"id": "treasury", "name": "U.S. Department of the Treasury", "type": "government_body"}],
        [{"actor_id": "treasury", "alias": "Treasury"}],
    )
    text = "Treasury yields rose, and Treasury notes fell. The Treasury said it would act."
    found = [m.text for m in find_mentions(text, paragraphs(text), book, [])]
    assert found == ["Treasury"]  # only "The Treasury said"


def test_a_fields_name_after_a_title_is_no_person():
    book, linked = mentions_of("In renewable terms, Director Renewable Energy spoke first.")
    assert all(book.actors[a].type != "person" for a in linked.get("Renewable Energy", ()))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Parker and Voss said profits rose. Shares of Parker and Voss fell.", "Parker and Voss"),
        ("Jarrel and Jarrel said it would appeal.", "Jarrel and Jarrel"),
    ],
)
def test_two_words_never_apart_joined_by_and_are_one_company(text, name):
    book, linked = mentions_of(text)
    (actor_id,) = linked[name]
    assert book.actors[actor_id].type == "organisation"


@pytest.mark.parametrize(
    "text",
    [
        # each stands alone elsewhere: two companies
        "Vexcor paid Tarsio and Brevik. Tarsio said no. Brevik said yes.",
        # named together once: two as likely as one
        "Vexcor paid Tarsio and Brevik said nothing.",
        # two capitals acting for their states
        "Both Moscow and Washington confirmed the meeting.",
    ],
)
def test_names_apart_elsewhere_are_not_joined(text):
    _, linked = mentions_of(text)
    assert not any(" and " in words for words in linked)


@pytest.mark.parametrize(
    ("text", "name", "form"),
    [
        ("The show featured Lady Vesna performing the anthem.", "Vesna", "Lady Vesna"),
        ("Lord Brackley said the firm would close.", "Brackley", "Lord Brackley"),
    ],
)
def test_a_title_of_rank_before_one_name_is_a_person(text, name, form):
    book, linked = mentions_of(text)
    (person,) = linked[name]
    assert book.actors[person].type == "person"
    assert form in book.actors[person].forms


def test_one_name_performing_with_her_is_a_person():
    book, linked = mentions_of(
        "The band opened with Dario Velt and Zendaya. Afterwards, Zendaya performed her new song."
    )
    (person,) = linked["Zendaya"]
    assert book.actors[person].type == "person"


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        # a thing the text writes in lowercase, then its initials
        ("Vexcor tied rebates to market development funds (MDF). The MDF grew.", "MDF"),
        # a law whose name holds "to", a notice
        ("Grants come from the Social Partnership to Pay for Results Act (SPPRA). SPPRA "
         "was signed in 2018.", "SPPRA"),
        ("Bids follow the next Notice of Funding Availability (NOFA). NOFA rules apply.",
         "NOFA"),
        # an acronym before a noun after a number only modifies it
        ("The two PXP loans were repaid. Later the PXP loan program ended.", "PXP"),
    ],
)  # fmt: skip
def test_acronyms_of_things_and_acronyms_as_modifiers_are_no_actors(text, acronym):
    _, linked = mentions_of(text)
    assert acronym not in linked


def test_a_body_written_in_lowercase_before_its_initials_stays_a_body():
    book, linked = mentions_of(
        "Figures came from the ministry of health (MOH). The MOH said cases fell."
    )
    assert "MOH" in linked


def test_org_cut_short_ends_a_body_name():
    book, linked = mentions_of("She joined the Sea Org aged 14.")
    (body,) = linked["Sea Org"]
    assert book.actors[body].type == "organisation"


def test_a_capital_the_inside_a_run_starts_another_name():
    _, linked = mentions_of(
        "About the Zentrix Expert Group The Zentrix Expert Group meets every year."
    )
    assert not any(words.count("Zentrix") > 1 for words in linked)


def test_people_of_a_body_opening_a_sentence_leave_the_body_as_the_name():
    book, linked = mentions_of("Members of the Sea Org sign a long contract.")
    assert set(linked) == {"Sea Org"}


@pytest.mark.parametrize(
    "text",
    [
        "Tests showed that children in mainland Australia lack iodine.",
        "Fighting went on in northern Syria for weeks.",
        "It is a problem even in a developed country like Australia.",
    ],
)
def test_a_state_named_as_a_location_is_no_actor(text):
    _, linked = mentions_of(text)
    assert not linked


def test_a_state_acting_is_still_an_actor():
    book, linked = mentions_of("Australia said it would act, and Syria agreed.")
    assert {book.actors[a].type for ids in linked.values() for a in ids} == {"state"}
