"""Speakers named by a back-reference (issue 12): a titled surname ("Mr. Wolfowitz",
"Sen. Warren"), an age ("the 43-year-old said"), a role ("the spokeswoman added"), "they"
or "it" after an organisation; each resolves to the actor the article introduced that
way, or stays unknown (None) when the article gives nobody, or two people, to resolve
to. Sentences in the style of wire copy, the press-release ones from U.S. Treasury
releases (public domain); extraction is given no known actors."""

from __future__ import annotations

import pytest

from timeline.extract.pipeline import article_from_row, extract_article


def speaker_of(body: str, opening: str) -> str | None:
    """The name of the speaker of the one quotation that starts with ``opening``."""
    row = {"id": "references", "text": body, "search_text": body, "published": "2025-03-14"}
    extraction = extract_article(article_from_row(row), [], [])
    names = {a["id"]: a["name"] for a in extraction.actors}
    found = [q for q in extraction.quotes if q["text"].startswith(opening)]
    assert len(found) == 1, [q["text"] for q in extraction.quotes]
    return names.get(found[0]["speaker_id"])


# fmt: off
# (article, the quotation's first words, its speaker's name or None)
TITLED_SURNAMES = [
    ("U.S. Secretary of the Treasury Steven T. Mnuchin and Secretary of the Interior David L. "
     "Bernhardt today issued the following statement:\n\n“We are pleased to begin making $4.8 "
     "billion in critical funds available,” said Secretary Mnuchin.  “Our approach is fair.”\n\n"
     "“Thanks to President Trump for working with Congress,” said Secretary Bernhardt.",
     "Thanks to President Trump", "David L. Bernhardt"),
    ("Senator Elizabeth Warren spoke on Monday. “We will not back down,” Sen. Warren said.",
     "We will not back down", "Elizabeth Warren"),
    ("Greg Abbott signed the bill in Austin. “This protects Texans,” Gov. Abbott told reporters.",
     "This protects Texans", "Greg Abbott"),
    ("John Smith runs the farm with his wife. “We lost everything,” Mr. Smith said.",
     "We lost everything", "John Smith"),
    # the family name first: "Mr. Xi" is Xi Jinping; a given name is never taken so
    ("President Joe Biden met Chinese leader Xi Jinping. “We have to manage competition,” "
     "Mr. Biden said. Mr. Xi replied: “China wants stability.”", "China wants stability",
     "Xi Jinping"),
    ("James Smith met Ann Lee on Monday. “The deal is done,” Mr. James said.",
     "The deal is done", "James"),
    # two people share the surname: "Mr. Smith" could be either, so nobody
    ("John Smith and Mary Smith run the farm. “We lost everything,” Mr. Smith said.",
     "We lost everything", None),
]

AGES = [
    ("Anna Kowal, 43, runs the bakery on Main Street. “Prices have doubled,” the 43-year-old "
     "said.", "Prices have doubled", "Anna Kowal"),
    ("Police arrested Tom Baker, 43, on Friday. His lawyer, Ann Lee, spoke to reporters "
     "later. “He is innocent,” the 43-year-old said.", "He is innocent", "Tom Baker"),
    ("Ivan Petrenko, a 29-year-old wounded veteran, lives in Lviv. “We were lucky,” the "
     "29-year-old said.", "We were lucky", "Ivan Petrenko"),
    ("The crash injured 29-year-old nurse Maria Santos. “I saw the car too late,” the "
     "29-year-old told the court.", "I saw the car too late", "Maria Santos"),
    # an age nobody in the article was given: unknown, not the nearest person
    ("The bakery has been open for 43 years. Owner Anna Kowal is retiring. “Prices have "
     "doubled,” the 43-year-old said.", "Prices have doubled", None),
]

ROLES = [
    ("Spokeswoman Jane Doe confirmed the closure. “It is temporary,” the spokeswoman added.",
     "It is temporary", "Jane Doe"),
    ("The council's spokeswoman, Jane Doe, confirmed the closure. “It is temporary,” the "
     "spokeswoman added.", "It is temporary", "Jane Doe"),
    ("Tom Hale met Finance Minister Eva Stahl. “This budget is balanced,” the minister said.",
     "This budget is balanced", "Eva Stahl"),
    ("The mayor, Bill de Blasio, spoke at the rally. “New York will not be intimidated,” the "
     "mayor said.", "New York will not be intimidated", "Bill de Blasio"),
    # nobody holds the role in the article: unknown
    ("“This budget is balanced,” the minister said.", "This budget is balanced", None),
    # a party member described, not named: unknown, and no actor "Kentucky Republican"
    ("Sen. Rand Paul disagreed. “You are wrong,” the Kentucky Republican said.",
     "You are wrong", None),
]

COLLECTIVE = [
    ("The Aid Foundation sent teams to the area. “We need more volunteers,” they said.",
     "We need more volunteers", "Aid Foundation"),
    ("On Monday, the Aid Foundation sent teams. “We need more volunteers,” they said.",
     "We need more volunteers", "Aid Foundation"),
    ('"Six shells hit the area near the posts", said KCNA. "Foolhardy provocation deserves '
     'harsh punishment", it added.', "Foolhardy provocation", "KCNA"),
    ("The Aid Foundation condemned the arrests. “These detentions are arbitrary,” the group "
     "said.", "These detentions are arbitrary", "Aid Foundation"),
    # the noun is no kind of that body ("the newspaper" is no foundation's): unknown
    ("The Aid Foundation condemned the arrests. “These detentions are arbitrary,” the "
     "newspaper said.", "These detentions are arbitrary", None),
    # the organisation is not the subject of the sentence before: unknown
    ("Police arrested two men from the Aid Foundation. “We need more volunteers,” they said.",
     "We need more volunteers", None),
    ("The Aid Foundation sent teams to the area. Local residents met them. “We need more "
     "volunteers,” they said.", "We need more volunteers", None),
    # "calling it" is the verb's object, not the speaker: the statement's issuer speaks
    ("A statement from the Aid Foundation described the “shortage of trained volunteers,” "
     "calling it the “worst in a decade”.", "shortage of trained volunteers", "Aid Foundation"),
]

# "he" / "she" and what the article says of a person's gender (honorifics, earlier
# pronouns): the last speaker unless the article gives them the other gender
PRONOUN_GENDERS = [
    ("Ann Lee chairs the board. “We will rebuild,” she said. Her deputy, Mr. Tom Hale, "
     "disagreed. “It is too expensive,” said Mr. Hale. “It will take years,” she said.",
     "It will take years", "Ann Lee"),
    # the one person named since Mr. Hale spoke
    ("“We will rebuild,” said Mr. Tom Hale. He met Mayor Ann Lee. “It will take years,” she "
     "said.", "It will take years", "Ann Lee"),
    # the same pronoun: the last speaker, as before
    ("Ann Lee chairs the board. “We will rebuild,” she said. Her deputy, Tom Hale, disagreed. "
     "“It is too expensive,” said Hale. “It will take years,” he said.",
     "It will take years", "Tom Hale"),
    # "she" after Mr. Hale, and nobody else named: unknown, not Mr. Hale
    ("“We will rebuild,” Mr. Hale said. “It will take years,” she said.",
     "It will take years", None),
]

# the gender only a given name shows (data/given_name_genders.txt): a person named since
# the speaker whose given name is of the other sex does not take the floor
GIVEN_NAME_GENDERS = [
    ("“We will rebuild the school,” said Anna Kowal, the head teacher. Tom Brandt, the "
     "mayor, visited the site on Monday. “It will take a year,” she said.",
     "It will take a year", "Anna Kowal"),
    ("Maria Lopez runs the bakery. Her landlord, David Green, raised the rent in May. “I "
     "cannot pay this,” she said.", "I cannot pay this", "Maria Lopez"),
    ("“The port is closed,” said Ivan Petrenko. Olga Bondar, his neighbour, watched from "
     "the pier. “We will wait,” he said.", "We will wait", "Ivan Petrenko"),
    # the same pronoun as the name since: that person takes the floor, as before
    ("“The port is closed,” said Ivan Petrenko. Olga Bondar, his neighbour, watched from "
     "the pier. “We will wait,” she said.", "We will wait", "Olga Bondar"),
    # a name given to both sexes says nothing: the person named since, as before
    ("“The port is closed,” said Ivan Petrenko. Jordan Bell, his neighbour, watched from "
     "the pier. “We will wait,” she said.", "We will wait", "Jordan Bell"),
]

# "the spokesman", "the veteran" after the article named the person first and gave the
# role after the name: a copula ("is the council spokesman", "works as a nurse") or an
# apposition after an age; a role behind a preposition ("the son of the mayor") is none
NAMED_BEFORE_ROLE = [
    ("Michael Dunne is the council spokesman. “The road will reopen,” the spokesman said.",
     "The road will reopen", "Michael Dunne"),
    ("Helen Marsh was a teacher for thirty years. “The water came so fast,” the former "
     "teacher said.", "The water came so fast", "Helen Marsh"),
    ("Anna Kowal works as a nurse at the clinic. “We are exhausted,” the nurse said.",
     "We are exhausted", "Anna Kowal"),
    ("Keir Starmer is Britain's prime minister. “We will act,” the prime minister said.",
     "We will act", "Keir Starmer"),
    ("Ivan Petrenko, 29, a wounded veteran, lost a leg near Bakhmut. “I want to go back,” "
     "the veteran said.", "I want to go back", "Ivan Petrenko"),
    ("Ann Lee is the spokeswoman for the council. Tom Hale, a resident, disagreed. “The road "
     "will reopen,” the spokeswoman said.", "The road will reopen", "Ann Lee"),
    # the role before the name, the body a common noun
    ("The spokesman for the ministry, Oleg Nikolenko, spoke. “We reject this,” the "
     "spokesman said.", "We reject this", "Oleg Nikolenko"),
    # no holder: unknown
    ("Tom Hale is the son of the mayor. “We are proud,” the mayor said.", "We are proud",
     None),
    ("Ann Lee is a friend of the nurse. “We are exhausted,” the nurse said.",
     "We are exhausted", None),
]

# descriptions and titles in the frame itself
DESCRIBED_IN_FRAME = [
    ("“We will appeal,” Trump's lawyer, Rudy Giuliani, said on Tuesday.", "We will appeal",
     "Rudy Giuliani"),
    # the name ends the sentence: its full stop is no part of it, and "Hale's" no actor
    ("“We are heartbroken,” said Hale's wife, Jane.", "We are heartbroken", "Jane"),
    # somebody unnamed: the quotation is kept, with no speaker
    ("“It's a disgrace,” said one voter, who declined to give her name.", "It's a disgrace",
     None),
    ("The European Commission proposed new rules on Wednesday. “This is a milestone,” said "
     "Commission President Ursula von der Leyen.", "This is a milestone",
     "Ursula von der Leyen"),
    # "the NATO chief" is a person of NATO: the one introduced with it, not NATO
    ("Mark Rutte, NATO's secretary general, spoke in Brussels. “Allies must spend more,” "
     "Rutte told reporters. The NATO chief added: “There is no time to lose.”",
     "There is no time to lose", "Mark Rutte"),
    ("NATO held talks in Brussels. The NATO chief added: “There is no time to lose.”",
     "There is no time to lose", None),
]

# a paragraph that is all quotation, after one whose last sentence opens with a person
BARE_AFTER_INTRODUCTION = [
    ("Piet de Vries, a dairy farmer, has lived near the river for 30 years.\n\n“It has "
     "never been this bad. The water came up in an hour.”", "It has never been", "Piet de Vries"),
    ("Dairy farmer Piet de Vries has lived near the river for 30 years.\n\n“It has never "
     "been this bad. The water came up in an hour.”", "It has never been", "Piet de Vries"),
    ("The village priest, Father Anton Weiss, has served the parish since 1990.\n\n“It has "
     "never been this bad. The water came up in an hour.”", "It has never been", "Anton Weiss"),
    # the person is not the sentence's subject: unknown
    ("Yesterday police arrested Tom Hale near the river.\n\n“It has never been this bad. "
     "The water came up in an hour.”", "It has never been", None),
    ("The flood hit the village of Piet de Vries on Monday.\n\n“It has never been this "
     "bad. The water came up in an hour.”", "It has never been", None),
]

# long titles before a name (U.S. Treasury releases): the person after the title's words
LONG_TITLES = [
    ("“This action is decisive,” said Under Secretary for Terrorism and Financial "
     "Intelligence David S. Cohen.", "This action is decisive", "David S. Cohen"),
    ("“CFIUS is effective,” said Assistant Secretary for Investment Security Paul Rosen.",
     "CFIUS is effective", "Paul Rosen"),
    # a word that ends the title's field, before a name that is no listed given name
    ("“I am in India this week,” said Under Secretary for International Affairs Lael "
     "Brainard.", "I am in India", "Lael Brainard"),
    ("“Today's action matters,” said Treasury’s Director of the Office of Foreign Assets "
     "Control (OFAC) Adam J. Szubin.", "Today's action matters", "Adam J. Szubin"),
    ("“Today's action matters,” said DEA Acting Special Agent in Charge Michael J. Ferguson.",
     "Today's action matters", "Michael J. Ferguson"),
    # "to" and its country or body inside the title: the person after it, not the state
    ("“We will not back down,” said US Ambassador to the UN Linda Thomas-Greenfield.",
     "We will not back down", "Linda Thomas-Greenfield"),
    ("“The talks go on,” said Ukraine’s Ambassador to Kazakhstan Petro Vrublevsky.",
     "The talks go on", "Petro Vrublevsky"),
    # "to" and no name after it: the one named before it
    ("“We will not back down,” said Ann Lee to reporters.", "We will not back down",
     "Ann Lee"),
    ("“This is a good day,” said Emily S. McMahon, Deputy Assistant Secretary for Tax "
     "Policy.", "This is a good day", "Emily S. McMahon"),
    ("The rule was issued in 2019. FinCEN Director Kenneth A. Blanco noted, “We will keep "
     "working with the private sector.”", "We will keep working", "Kenneth A. Blanco"),
    # "has written" introduces the words as "wrote" does
    ("Markets adjusted slowly, as Martin Wolf has written in The Financial Times, “the "
     "adjustment will take years to complete.”", "the adjustment will take", "Martin Wolf"),
    ("The bank was fined. Manhattan District Attorney Cyrus R. Vance, Jr., added, “This case "
     "sends a message to banks.”", "This case sends", "Cyrus R. Vance"),
    # a conjunction before the title is no part of the name
    ('Homeowners need help. As President Bush has said, "We must keep families in their '
     'homes."', "We must keep families", "Bush"),
    # a quotation that ends its sentence with a full stop: the next sentence is no frame
    ("“The team is strong,” said Warren. “We start today.”   The following individuals were "
     "announced today as joining the team.", "We start today", "Warren"),
]
# fmt: on


@pytest.mark.parametrize("body, opening, speaker", TITLED_SURNAMES)
def test_a_titled_surname_is_the_person_named_in_full(body, opening, speaker):
    assert speaker_of(body, opening) == speaker


@pytest.mark.parametrize("body, opening, speaker", AGES)
def test_the_n_year_old_is_the_person_given_that_age(body, opening, speaker):
    assert speaker_of(body, opening) == speaker


@pytest.mark.parametrize("body, opening, speaker", ROLES)
def test_a_role_is_the_person_the_article_introduced_by_it(body, opening, speaker):
    assert speaker_of(body, opening) == speaker


@pytest.mark.parametrize("body, opening, speaker", COLLECTIVE)
def test_they_after_an_organisation_is_the_organisation_only_when_it_is_the_subject(
    body, opening, speaker
):
    assert speaker_of(body, opening) == speaker


def test_a_shared_surname_creates_no_second_actor():
    body = "John Smith and Mary Smith run the farm. “We lost everything,” Mr. Smith said."
    row = {"id": "references", "text": body, "search_text": body, "published": "2025-03-14"}
    names = [a["name"] for a in extract_article(article_from_row(row), [], []).actors]
    assert sorted(names) == ["John Smith", "Mary Smith"]


@pytest.mark.parametrize("body, opening, speaker", PRONOUN_GENDERS)
def test_a_pronoun_passes_over_a_speaker_of_the_other_gender(body, opening, speaker):
    assert speaker_of(body, opening) == speaker


@pytest.mark.parametrize("body, opening, speaker", GIVEN_NAME_GENDERS)
def test_a_pronoun_passes_over_a_person_whose_given_name_is_of_the_other_sex(
    body, opening, speaker
):
    assert speaker_of(body, opening) == speaker


@pytest.mark.parametrize("body, opening, speaker", NAMED_BEFORE_ROLE)
def test_a_role_given_after_the_name_is_that_person(body, opening, speaker):
    assert speaker_of(body, opening) == speaker


@pytest.mark.parametrize("body, opening, speaker", DESCRIBED_IN_FRAME)
def test_a_description_in_the_frame_names_its_person_or_nobody(body, opening, speaker):
    assert speaker_of(body, opening) == speaker


@pytest.mark.parametrize("body, opening, speaker", BARE_AFTER_INTRODUCTION)
def test_a_quotation_paragraph_after_a_person_is_introduced_is_theirs(body, opening, speaker):
    assert speaker_of(body, opening) == speaker


@pytest.mark.parametrize("body, opening, speaker", LONG_TITLES)
def test_the_person_after_a_long_title_speaks(body, opening, speaker):
    assert speaker_of(body, opening) == speaker
