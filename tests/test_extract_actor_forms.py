"""Names of people and bodies read whole, as English news writes them: a generational
suffix ends a person's name ("Robert F. Kennedy Jr."), an "and" joins a body's name only
into a capitalised word. Sentences in news style (the forms seen on real articles
outside the repository); each text builds a fresh book, so no known actor helps.
"""

from __future__ import annotations

import pytest

from .actor_mentions import mentions_of


def names_of(text: str) -> set[str]:
    book, _ = mentions_of(text)
    return {actor.name for actor in book.actors.values()}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Robert F. Kennedy Jr. said on Monday that the study had erred.",
         "Robert F. Kennedy Jr"),
        ("Health Secretary Robert F. Kennedy Jr. spoke first.", "Robert F. Kennedy Jr"),
        ("The crowd sang as Martin Luther King Jr. arrived.", "Martin Luther King Jr"),
    ],
)  # fmt: skip
def test_generational_suffix_ends_the_persons_name(text, name):
    assert name in names_of(text)


def test_surname_alone_after_a_suffixed_name_is_that_person():
    _, linked = mentions_of(
        "Health Secretary Robert F. Kennedy Jr. spoke. Later Kennedy said he was glad."
    )
    assert linked["Kennedy"] == linked["Robert F. Kennedy Jr"]


def test_and_before_a_lowercase_word_ends_the_name():
    names = names_of("Secretary Yellen and senior Biden-Harris Administration officials met.")
    assert not any(" and " in name for name in names)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A report by the Center for Strategic and International Studies said so.",
         "Center for Strategic and International Studies"),
        ("The Department of Health and Human Services agreed on Monday.",
         "Department of Health and Human Services"),
        ("The Social Security and Medicare Boards of Trustees released a report.",
         "Social Security and Medicare Boards of Trustees"),
    ],
)  # fmt: skip
def test_and_inside_a_bodys_field_keeps_the_name_whole(text, name):
    assert name in names_of(text)


def test_and_before_a_name_with_no_field_word_ends_the_body():
    names = names_of("The Institute for Fiscal Studies and Goldman Sachs disagreed.")
    assert "Institute for Fiscal Studies" in names
    assert not any("Goldman" in name for name in names)


@pytest.mark.parametrize(
    ("text", "bodies"),
    [
        ("Officials from the Departments of the Treasury and Labor met on Monday.",
         {"Department of the Treasury", "Department of Labor"}),
        ("The Ministries of Health, Finance and Defence agreed.",
         {"Ministry of Health", "Ministry of Finance", "Ministry of Defence"}),
        # only the last "and" separates; the list stops before another body
        ("Treasury was joined by Departments of Health and Human Services and Labor, the "
         "Centers for Medicare & Medicaid Services, and the Social Security Administration.",
         {"Treasury", "Department of Health and Human Services", "Department of Labor",
          "Centers for Medicare & Medicaid Services", "Social Security Administration"}),
    ],
)  # fmt: skip
def test_a_plural_head_lists_one_body_per_field(text, bodies):
    book, _ = mentions_of(text)
    found = {a.name for a in book.actors.values() if a.type == "government_body"}
    assert found == bodies


def test_a_listed_body_named_again_in_full_is_one_actor():
    _, linked = mentions_of(
        "Officials from the Departments of the Treasury and Labor met. Later the "
        "Department of Labor said it was pleased."
    )
    assert linked["Labor"] == linked["Department of Labor"]


@pytest.mark.parametrize(
    ("text", "surname", "title"),
    [
        ("President Biden signed the bill on Friday.", "Biden", "President"),
        ("The plan was drawn up by Secretary Yellen last year.", "Yellen", "Secretary"),
        ("Mr. Hartigan declined to comment.", "Hartigan", "Mr"),
    ],
)  # fmt: skip
def test_a_title_before_a_lone_surname_makes_a_person(text, surname, title):
    """Named with the title as written, as the speaker rules name one ("Inspector
    Varga said")."""
    book, linked = mentions_of(text)
    (actor_id,) = next(ids for words, ids in linked.items() if words.endswith(surname))
    actor = book.actors[actor_id]
    assert actor.type == "person" and actor.name.endswith(surname)
    assert title in actor.method


def test_a_titled_surname_alone_later_is_the_same_person():
    book, linked = mentions_of("President Biden signed the bill. Biden said he was glad.")
    assert len(linked["Biden"]) == 1
    assert [a.name for a in book.actors.values()] == ["Biden"]


def test_a_titled_surname_joins_the_full_name_given_later():
    book, linked = mentions_of("President Biden signed it. Later, President Joe Biden left.")
    assert linked["Biden"] == linked["Joe Biden"]
    assert [a.name for a in book.actors.values()] == ["Joe Biden"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("General Motors said profits fell.", "Motors"),  # no personal title
        ("Ukrainian Ambassador Controversy\n\nThe row began in May.", "Controversy"),
        # the full name, spelt otherwise, is the speakers' to link
        ('Lydia Buchtmann spoke. "Hello," Ms Bauchtman said.', "Bauchtman"),
        ("A Senate Democrat spoke.", "Democrat"),
    ],
)  # fmt: skip
def test_titled_words_that_are_no_new_person(text, word):
    book, linked = mentions_of(text)
    assert not any(a.name == word and a.type == "person" for a in book.actors.values())


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Congress passed the bill on Friday.", "Congress"),
        ("The measure failed after the Senate voted 51 to 49.", "Senate"),
        ("Treasury officials said the money would flow.", "Treasury"),
        ("The Knesset approved the budget.", "Knesset"),
    ],
)  # fmt: skip
def test_a_legislature_or_department_named_bare_is_a_government_body(text, word):
    book, linked = mentions_of(text)
    (actor_id,) = linked[word]
    assert book.actors[actor_id].type == "government_body"
    assert "legislature or department" in book.actors[actor_id].method


@pytest.mark.parametrize(
    "text",
    [
        "Treasury yields rose on Monday.",  # a security
        "The Senate of the club met. Every senate has rules.",  # a common noun here
    ],
)  # fmt: skip
def test_bare_words_that_name_no_body(text):
    book, _ = mentions_of(text)
    assert not any(a.name in ("Treasury", "Senate") for a in book.actors.values())


@pytest.mark.parametrize(
    "text",
    [
        "Treasury officials said so. The U.S. Department of the Treasury agreed.",
        "The Department of the Treasury agreed on Monday. Later Treasury said so.",
    ],
)  # fmt: skip
def test_a_department_named_bare_and_in_full_is_one_actor(text):
    book, _ = mentions_of(text)
    assert len(book.actors) == 1


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The tribes will receive Coronavirus Relief Fund dollars this week.", "Relief"),
        ("States may apply to the Capital Projects Fund until June.", "Projects"),
        ("Rent was paid from the Emergency Rental Assistance program.", "Rental"),
        ("Payments follow the Indian Housing Block Grant (IHBG), subject to a floor. "
         "IHBG data is used.", "IHBG"),
    ],
)  # fmt: skip
def test_programmes_named_like_bodies_are_no_actors(text, word):
    book, _ = mentions_of(text)
    assert not any(word in a.name for a in book.actors.values())


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The International Monetary Fund approved the loan.", "International Monetary Fund"),
        ("The Housing Authority (HA) said so. HA officials agreed.", "Housing Authority"),
    ],
)  # fmt: skip
def test_bodies_with_a_funds_or_an_acronyms_spelling_stay_actors(text, name):
    assert name in names_of(text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Rockets were fired from the West Bank on Saturday.", "West Bank"),
        ("Troops entered the Gaza Strip overnight.", "Gaza Strip"),
        ("Gunmen reached Kibbutz Be'eri at dawn.", "Kibbutz"),
    ],
)  # fmt: skip
def test_places_named_with_a_bodys_word_are_no_actors(text, word):
    book, _ = mentions_of(text)
    assert not any(word in a.name for a in book.actors.values())


def test_a_bank_that_is_no_place_stays_a_body():
    assert "World Bank" in names_of("The World Bank said it was worried.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Haitian Chamber of Deputies voted on Friday.", "Haitian Chamber of Deputies"),
        ("The motion reached the General Assembly in May.", "General Assembly"),
        ("The Centers for Medicare & Medicaid Services issued rules.",
         "Centers for Medicare & Medicaid Services"),
        ("The Treasury Board agreed.", "Treasury Board"),
        ("The Navajo Nation sued the state.", "Navajo Nation"),
        ("The Oglala Sioux Tribe welcomed it.", "Oglala Sioux Tribe"),
    ],
)  # fmt: skip
def test_legislatures_and_tribal_governments_are_government_bodies(text, name):
    book, _ = mentions_of(text)
    actor = next(a for a in book.actors.values() if a.name == name)
    assert actor.type == "government_body"


@pytest.mark.parametrize(
    ("text", "name", "actor_type"),
    [
        ("The Center for Strategic and International Studies said so.",
         "Center for Strategic and International Studies", "organisation"),
        ("The Chamber of Commerce said so.", "Chamber of Commerce", "organisation"),
    ],
)  # fmt: skip
def test_organisations_with_a_chambers_or_centres_word_stay_organisations(text, name, actor_type):
    book, _ = mentions_of(text)
    actor = next(a for a in book.actors.values() if a.name == name)
    assert actor.type == actor_type


def test_a_lone_tribal_adjective_is_no_actor():
    assert not names_of("Tribal governments will receive the money on Monday.")


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Palestinians said they would return to their homes.", "Palestinians"),
        ("Israelis have voted five times in four years.", "Israelis"),
        ("Many Palestinians in Gaza say they fear the worst.", "Palestinians"),
        ("Israelis and Palestinians have voted on it.", "Israelis"),
        ("Arabs and Jews marched together on Sunday.", "Jews"),
    ],
)  # fmt: skip
def test_a_people_named_by_its_plural_speaking_or_acting_is_a_group(text, people):
    book, linked = mentions_of(text)
    (actor_id,) = linked[people]
    assert book.actors[actor_id].type == "group"


@pytest.mark.parametrize(
    "text",
    [
        "Muslims are required to make a pilgrimage to Mecca.",  # a state, no act
        "No one will be able to. Ukrainians will not gift their land.",
        "Attackers killed 1,200 Israelis.",  # named only as acted upon, never acting
    ],
)  # fmt: skip
def test_a_people_that_does_not_speak_or_act_is_no_actor(text):
    book, _ = mentions_of(text)
    assert not [a for a in book.actors.values() if a.type == "group"]


def test_acronyms_in_a_list_are_bodies():
    names = names_of("NASA and JPL launched the probe on Monday.")
    assert {"NASA", "JPL"} <= names


def test_a_line_set_in_capitals_names_no_acronym():
    assert not names_of("BREAKING NEWS: THE TRUCKS ARE HERE.")


@pytest.mark.parametrize(
    ("text", "word", "actor_type"),
    [
        ("Rockets were fired on Saturday. Officials said Vardani had planned it.", "Vardani",
         "organisation"),
        ("Shares rose after the launch. Analysts said Vortexa announced more.", "Vortexa",
         "organisation"),
        ("Voters in the state like Trump. Trump said he would win.", "Trump", "person"),
    ],
)  # fmt: skip
def test_a_lone_name_as_the_subject_of_a_verb_of_agency_is_an_actor(text, word, actor_type):
    book, linked = mentions_of(text)
    (actor_id,) = linked[word]
    assert book.actors[actor_id].type == actor_type
    assert "subject of" in book.actors[actor_id].method


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Analysts said so on Monday.", "Analysts"),  # only ever opening a sentence
        ("The court heard Lai Changxing. Later the judge said Lai had denied it.", "Lai"),
        ("Palestinians said they would stay. Later Palestinians said so.", "Palestinians"),
    ],
)  # fmt: skip
def test_lone_words_a_verb_follows_that_are_no_new_body(text, word):
    book, _ = mentions_of(text)
    assert not any(a.name == word and a.type == "organisation" for a in book.actors.values())


def test_the_united_nations_and_its_dotted_initials_are_one_body():
    book, linked = mentions_of("The United Nations said it was worried. The U.N. agreed on Monday.")
    assert linked["U.N."] == linked["United Nations"]
    assert book.actors[next(iter(linked["U.N."]))].type == "organisation"


def test_a_mistyped_body_name_is_the_body():
    _, linked = mentions_of("The United Nations met. Later the Untied Nations voted.")
    assert linked["Untied Nations"] == linked["United Nations"]


@pytest.mark.parametrize(
    ("a", "b"),
    [("National Assembly", "National Academy"), ("Ministry of Finance", "Ministry of Defence")],
)
def test_bodies_a_letter_or_two_apart_stay_apart(a, b):
    _, linked = mentions_of(f"The {a} met. Later the {b} voted.")
    assert linked[a] != linked[b]


def test_a_place_after_a_preposition_is_no_acting_body():
    book, _ = mentions_of("Shelling went on, officials in Zarvanytsia said on Monday.")
    assert not book.actors


@pytest.mark.parametrize(
    "text",
    [
        "The XML file was sent on Monday.",
        "Players met on the IRC channel.",
        "The VM crashed twice.",
        "Each NPC speaks.",
    ],
)  # fmt: skip
def test_technical_abbreviations_are_no_actors(text):
    assert not names_of(text)


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("The Times reported the story first.", "Times"),
        ("A spokesman told the Post that it was wrong.", "Post"),
        ("According to the Guardian, the list was leaked.", "Guardian"),
    ],
)  # fmt: skip
def test_a_newspaper_by_its_short_name_is_media(text, short):
    book, linked = mentions_of(text)
    (actor_id,) = linked[short]
    actor = book.actors[actor_id]
    assert actor.type == "media" and f"the {short.lower()}" in {f.lower() for f in actor.forms}


@pytest.mark.parametrize(
    "text",
    [
        "The Washington Post said so. Later the Post reported it.",
        "A spokesman told the Post it was wrong. The Washington Post said so.",
    ],
)  # fmt: skip
def test_a_newspapers_short_name_is_the_paper_named_in_full(text):
    book, _ = mentions_of(text)
    assert [a.name for a in book.actors.values()] == ["Washington Post"]


def test_a_newspapers_word_with_no_reporting_is_no_outlet():
    assert not names_of("He walked to the Globe on Monday.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Xcel Energy said it would raise rates.", "Xcel Energy"),
        ("Amnesty International condemned the arrests.", "Amnesty International"),
        ("Profits at Micron Technologies fell.", "Micron Technologies"),
    ],
)  # fmt: skip
def test_a_name_ending_in_a_companys_word_is_an_organisation(text, name):
    book, _ = mentions_of(text)
    actor = next(a for a in book.actors.values() if a.name == name)
    assert actor.type == "organisation"


@pytest.mark.parametrize(
    "text",
    [
        "Solar power is cheap. Solar Energy is growing fast, solar panels too.",
        "Director for the Middle East and North Africa for Amnesty International said so.",
    ],
)  # fmt: skip
def test_a_common_word_or_a_longer_phrase_before_a_companys_word_is_no_company(text):
    names = names_of(text)
    assert "Solar Energy" not in names
    assert not any(" for " in name for name in names)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The interview aired on the satellite TV channel Zorva.", "Zorva"),
        ("He spoke to Ennahar channel on Monday.", "Ennahar"),
        ("The Rotana Group channel aired it first.", "Rotana Group"),
    ],
)  # fmt: skip
def test_a_channel_is_media(text, name):
    book, _ = mentions_of(text)
    actor = next(a for a in book.actors.values() if a.name == name)
    assert actor.type == "media"


def test_a_sea_called_channel_is_no_outlet():
    assert not names_of("The English Channel was rough on Monday.")


def test_a_titled_surname_of_a_state_is_the_person_alone():
    book, linked = mentions_of(
        "The meeting was hosted by Prime Minister Juncker of Luxembourg on Monday. Juncker said so."
    )
    assert [a.name for a in book.actors.values()] == ["Juncker"]
    assert linked["Juncker"] and len(linked["Juncker"]) == 1


def test_a_titled_surname_is_named_by_the_surname_with_the_titled_form_an_alias():
    # as the gold and the seeds write a titled person: "Trump", alias "President Trump"
    book, _ = mentions_of("President Biden signed the bill on Friday.")
    (actor,) = book.actors.values()
    assert actor.forms == ["Biden", "President Biden"]


def test_the_federal_reserve_is_one_government_body():
    book, linked = mentions_of(
        "The notes are delivered to the Federal Reserve System each year. Later the "
        "Federal Reserve raised rates."
    )
    (actor,) = book.actors.values()
    assert actor.type == "government_body"
    assert linked["Federal Reserve"] == linked["Federal Reserve System"]


def test_a_nature_reserve_is_no_actor():
    assert not names_of("The Kinabalu Nature Reserve opened on Monday.")


def test_a_body_named_after_its_leaders_mentions_them():
    book, linked = mentions_of(
        "President Joe Biden spoke. The Biden-Harris Administration is committed to it, "
        "Vice President Kamala Harris said."
    )
    assert linked["Biden"] == linked["Joe Biden"]
    assert linked["Harris"] == linked["Kamala Harris"]


def test_a_body_named_after_people_the_article_does_not_name_makes_nobody():
    book, linked = mentions_of("The Biden-Harris Administration is committed to it.")
    assert [a.type for a in book.actors.values()] == ["government_body"]
    assert "Biden" not in linked


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The film draws on Einstein's theory of relativity.", "Einstein"),
        ("Readers compared it with Dostoyevsky's novels. It was like Dostoyevsky.",
         "Dostoyevsky"),
        ("Critics of the plan said Biden's administration had failed.", "Biden"),
    ],
)  # fmt: skip
def test_a_lone_name_owning_what_only_a_person_has_is_a_person(text, name):
    book, linked = mentions_of(text)
    (actor_id,) = linked[name]
    assert book.actors[actor_id].type == "person"


@pytest.mark.parametrize(
    "text",
    [
        "Officials said Russia's death toll rose.",  # a state stays a state
        "The article opened the debate. Borges's novels were not mentioned. borges is "
        "a word here.",  # a word the article writes in lowercase
    ],
)  # fmt: skip
def test_owners_of_a_persons_things_that_are_no_person(text):
    book, _ = mentions_of(text)
    assert not [a for a in book.actors.values() if a.type == "person"]


@pytest.mark.parametrize(
    ("text", "team"),
    [
        ("The Mets beat the Cardinals 4-2 on Sunday.", "Cardinals"),
        ("On Monday the home side lost to the Braves.", "Braves"),
    ],
)  # fmt: skip
def test_the_other_side_of_a_match_is_a_team(text, team):
    book, linked = mentions_of(text)
    (actor_id,) = linked[team]
    assert book.actors[actor_id].type == "organisation"


def test_a_people_protested_against_is_no_team():
    book, _ = mentions_of("Protesters marched against the Jews on Sunday.")
    assert not [a for a in book.actors.values() if a.type == "organisation"]


def test_a_name_opening_two_sentences_as_their_subject_is_a_body():
    book, linked = mentions_of("Micron said profits rose. Micron expects more growth.")
    (actor_id,) = linked["Micron"]
    assert book.actors[actor_id].type == "organisation"


@pytest.mark.parametrize(
    "text",
    [
        "Critics said it was wrong. Critics said so again.",  # a plural
        "Staff said they would strike. Staff said so on Monday.",  # a collective
        "Vortexa said profits rose.",  # one sentence only, never inside one
    ],
)  # fmt: skip
def test_sentence_openers_that_are_no_body(text):
    assert not names_of(text)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # (an armed movement's name is a group: test_extract_actor_kinds.py)
        ("They crossed territory controlled by the Vardani twice.", "Vardani"),
        ("The raid was carried out by the Morlocks on Monday.", "Morlocks"),
    ],
)  # fmt: skip
def test_the_agent_of_a_passive_is_a_body(text, name):
    book, linked = mentions_of(text)
    (actor_id,) = linked[name]
    assert book.actors[actor_id].type == "organisation"


@pytest.mark.parametrize(
    "text",
    ["He was charged by the Crown last year.", "The school is funded by the State."],
)
def test_the_state_or_the_crown_as_an_agent_is_no_body(text):
    assert not names_of(text)


def test_a_people_described_as_one_is_a_group():
    book, linked = mentions_of(
        "The rescued included Rohingya, a stateless minority of Muslims from Myanmar."
    )
    (actor_id,) = linked["Rohingya"]
    assert book.actors[actor_id].type == "group"


def test_a_people_with_a_clause_after_it_is_no_group():
    assert not names_of("The boat carried Rohingya, and the navy found it.")


def test_the_one_word_body_a_person_is_of_is_a_body():
    book, linked = mentions_of("Ann Lee of Vortexa said so on Monday.")
    (actor_id,) = linked["Vortexa"]
    assert book.actors[actor_id].type == "organisation"


def test_the_place_a_person_is_of_is_no_body():
    names = names_of("John Smith of Texas spoke. Ann Lee of Paris said so.")
    assert names == {"John Smith", "Ann Lee"}


def test_a_state_before_a_generic_office_stays_in_its_name():
    names = names_of("The head of UNICEF’s Haiti Country Office said so.")
    assert "Haiti Country Office" in names and "Country Office" not in names


def test_a_state_before_a_named_body_only_says_whose_it_is():
    book, linked = mentions_of("The United Kingdom Home Office agreed on Monday.")
    (actor,) = book.actors.values()
    assert actor.name == "Home Office"
    assert "United Kingdom Home Office" in actor.forms


def test_a_name_in_apposition_to_an_election_role_is_a_person():
    book, _ = mentions_of(
        "The paper was founded by Mir Hossein Mousavi, the opposition candidate in the "
        "recent election."
    )
    actor = next(a for a in book.actors.values() if a.name == "Mir Hossein Mousavi")
    assert actor.type == "person"


def test_a_department_keeps_the_method_of_its_own_word():
    book, _ = mentions_of("The U.S. Department of the Treasury agreed on Monday.")
    (actor,) = book.actors.values()
    assert actor.type == "government_body" and "Department" in actor.method


@pytest.mark.parametrize(
    "text",
    [
        "Treasury will auction Treasury Inflation-Protected Securities on Monday.",
        "Purchases for the Federal Reserve System Open Market Account rose.",
    ],
)  # fmt: skip
def test_securities_and_accounts_are_no_bodies(text):
    names = names_of(text)
    assert not any("Securities" in n or "Account" in n for n in names)


def test_a_short_form_met_before_the_name_it_is_paired_with_is_one_actor():
    # The initials are not the English name's (HWP, not PKH): only the brackets pair them.
    _, linked = mentions_of(
        "Army prepares to fight PKH\n\nAfter a series of attacks by the Highland Workers' "
        "Party (PKH), the army began exercises near the border."
    )
    assert linked["PKH"] == linked["Highland Workers' Party"]
