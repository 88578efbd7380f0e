"""Speakers on unannotated news: new names become actors, pronouns go to who spoke last,
quotations over several paragraphs stay whole. One row per pattern, no known actors."""

from __future__ import annotations

import pytest

from timeline.articles import Article
from timeline.extract.pipeline import article_from_row, extract_article


def article(body: str, published: str = "2025-03-14") -> Article:
    return article_from_row(
        {"id": "speakers", "text": body, "search_text": body, "published": published}
    )


def speakers(body: str) -> dict[str, str | None]:
    """Quote text -> the name of its speaker (None when unknown)."""
    extraction = extract_article(article(body), [], [])
    names = {a["id"]: a["name"] for a in extraction.actors}
    return {q["text"]: names.get(q["speaker_id"]) for q in extraction.quotes}


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        ("“The water is rising faster than ever,” said Priya Nandakumar.",
         "The water is rising faster than ever,", "Priya Nandakumar"),
        ("“Tickets sold out in an hour,” said festival director Helen Marsh.",
         "Tickets sold out in an hour,", "Helen Marsh"),
        ("The firm responded. Its spokesperson, Michael Dunne, said: “We regret the delay.”",
         "We regret the delay.", "Michael Dunne"),
        ("“I was on my way to work,” said Anna Kowal, 43, who lives nearby.",
         "I was on my way to work,", "Anna Kowal"),
        ("“We did not expect to survive,” said Ivan Petrenko, a 29-year-old wounded veteran.",
         "We did not expect to survive,", "Ivan Petrenko"),
        ("“It was a mistake,” Yusuf Al-Hamdan, chief editor at the Courier, said.",
         "It was a mistake,", "Yusuf Al-Hamdan"),
        ("“The talks will continue,” Secretary of State Marco Rubio told reporters.",
         "The talks will continue,", "Marco Rubio"),
        ("“This is a provocation,” Kremlin spokesman Dmitry Peskov told reporters.",
         "This is a provocation,", "Dmitry Peskov"),
        ("“The roof fell in at night,” local resident Maria Santos said.",
         "The roof fell in at night,", "Maria Santos"),
        ("“Nobody heard the alarm,” nurse Grace O'Neill said.",
         "Nobody heard the alarm,", "Grace O'Neill"),
        ("The priest, Father Tomas Ruiz, said the church would reopen. “We will pray "
         "together again,” Ruiz said.", "We will pray together again,", "Tomas Ruiz"),
    ],
)  # fmt: skip
def test_a_new_name_that_speaks_becomes_the_speaker(body, quote, speaker):
    assert speakers(body).get(quote, "missing") == speaker


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        # surname alone, the full name met earlier
        ("Coach Dan Burton arrived late. “We lost our focus,” Burton said.",
         "We lost our focus,", "Dan Burton"),
        ("Detective Sarah Lund led the search. “The trail went cold,” said Lund.",
         "The trail went cold,", "Sarah Lund"),
    ],
)  # fmt: skip
def test_a_surname_is_the_full_name_met_earlier(body, quote, speaker):
    assert speakers(body).get(quote, "missing") == speaker


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        # the person talked about comes between: "he" is still the one who spoke
        ("“We need more beds,” said doctor Ana Silva.\n"
         "She praised the work of nurse Tom Baker over the winter. “He never stopped,” "
         "she said.", "He never stopped,", "Ana Silva"),
        ("“The budget is too small,” analyst Paul Weber said.\n"
         "The cuts were ordered by Finance Minister Karl Vogt last year. “It will hurt "
         "schools,” he said.", "It will hurt schools,", "Paul Weber"),
        # a new subject takes the floor
        ("“We need more beds,” said doctor Ana Silva.\n"
         "Nurse Tom Baker disagreed. “We need more staff,” he said.",
         "We need more staff,", "Tom Baker"),
    ],
)  # fmt: skip
def test_a_pronoun_speaker_is_who_spoke_last(body, quote, speaker):
    assert speakers(body).get(quote, "missing") == speaker


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        # "the prime minister" before "he said": the officeholder named elsewhere
        ("Prime Minister Lena Berg opened the session.\n"
         "Later the prime minister spoke about taxes. “We will cut them,” she said.",
         "We will cut them,", "Lena Berg"),
        # no officeholder named anywhere: unknown, not the nearest person
        ("Economist Jan Hol criticised the plan.\n"
         "The prime minister defended it on Monday. “It is fair,” he said.",
         "It is fair,", None),
    ],
)  # fmt: skip
def test_a_pronoun_after_a_title_is_its_officeholder_or_unknown(body, quote, speaker):
    assert speakers(body).get(quote, "missing") == speaker


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        # the newspaper convention: no closing mark at a paragraph's end, a new opening
        # mark on the next; one quotation per paragraph, the later ones the first's
        ("“We walked for three days,” said Amira Haddad. “There was no water.\n\n"
         "“At night we slept in the fields.”",
         "There was no water.", "Amira Haddad"),
        ("“We walked for three days,” said Amira Haddad. “There was no water.\n\n"
         "“At night we slept in the fields.”",
         "At night we slept in the fields.", "Amira Haddad"),
        ('"The river broke its banks at dawn," said mayor Rui Costa. "Everything went.\n'
         '"Then the power failed."',
         "Then the power failed.", "Rui Costa"),
        # never closed: kept to the paragraph's end
        ("Officer Mark Jensen said: “The road stays closed until further notice",
         "The road stays closed until further notice", "Mark Jensen"),
    ],
)  # fmt: skip
def test_quotations_over_paragraphs_or_never_closed_stay_whole(body, quote, speaker):
    assert speakers(body).get(quote, "missing") == speaker


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        ("“We will rebuild the school before winter.”\nsaid headteacher Olga Ivanova.",
         "We will rebuild the school before winter.", "Olga Ivanova"),
        ("“Prices have doubled since spring.”\n— Farmer Piet de Vries, speaking to reporters",
         "Prices have doubled since spring.", "Piet de Vries"),
    ],
)  # fmt: skip
def test_an_attribution_after_a_line_break_is_found(body, quote, speaker):
    assert speakers(body).get(quote, "missing") == speaker


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        # a speech verb before the colon: its subject, not another holder of the title
        ("Shadow Health Secretary Mona Fields spoke first.\n"
         "On Tuesday, Health Secretary Owen Darrow told Radio North: “It is clear.”",
         "It is clear.", "Owen Darrow"),
        ("Deputy Mayor Joan Pratt left early.\n"
         "Mayor Bill Stone told the council: “We will vote tomorrow.”",
         "We will vote tomorrow.", "Bill Stone"),
    ],
)  # fmt: skip
def test_a_colon_after_a_speech_verb_is_the_verbs_subject(body, quote, speaker):
    assert speakers(body).get(quote, "missing") == speaker


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        # a paragraph that is all quotation, after one whose quotation was attributed
        ("“Vaccines matter,” said Professor Hana Kurosawa.\n"
         "“If a child misses the second dose, the protection will not last.”",
         "If a child misses the second dose, the protection will not last.",
         "Hana Kurosawa"),
        # the sentence before reports speech: its subject speaks
        ("Ines Varela of the Water Safety Agency says they are looking at rules. "
         "She says it is complicated. We need to “make sure there is enough chlorine, for "
         "everyone.”", "make sure there is enough chlorine, for everyone.", "Ines Varela"),
        ("Senator Rhea Lindgren, Democrat from Oregon, issued a statement on the ruling.\n"
         "“Like many Oregonians, I am disappointed with this ruling.”",
         "Like many Oregonians, I am disappointed with this ruling.", "Rhea Lindgren"),
        # an aside between the speaker and the verb, and an Arabic article in the name
        ("Agency director General Tariq al-Nouri, in remarks to the radio, said "
         "“All the wounded are in hospital.”", "All the wounded are in hospital.",
         "Tariq al-Nouri"),
        # a long title before the name; a title before the surname alone
        ("“We are proud of her work,” said U.S. Deputy Secretary of the Interior Carla "
         "Montoya.", "We are proud of her work,", "Carla Montoya"),
        ("Dana Whitcombe was named director. “It is an honor to be here,” said Director "
         "Whitcombe.", "It is an honor to be here,", "Dana Whitcombe"),
    ],
)  # fmt: skip
def test_a_quotation_with_no_frame_goes_on_with_the_speaker_before(body, quote, speaker):
    assert speakers(body).get(quote, "missing") == speaker


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        # a participle of a speech verb introduces the quotation
        ("It quoted critics like campaigner Ruth Ellery, with Ellery stating: “The "
         "form is clumsy and unfair.”", "The form is clumsy and unfair.", "Ruth Ellery"),
        ("Mayor Ann Lee spoke on Monday, saying: “We will rebuild the bridge this year.”",
         "We will rebuild the bridge this year.", "Ann Lee"),
        ("Coach Dan Burton left the field, adding that “nobody played well tonight.”",
         "nobody played well tonight.", "Dan Burton"),
    ],
)  # fmt: skip
def test_a_participle_of_a_speech_verb_introduces_the_quotation(body, quote, speaker):
    assert speakers(body).get(quote, "missing") == speaker


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        # a titled surname whose full name (a nickname and an initial inside) came before
        ("The board named Margaret “Peggy” A. Holm its new chair on Monday.\n"
         "“I am grateful for the trust,” said Professor Holm.",
         "I am grateful for the trust,", "Margaret “Peggy” A. Holm"),
        # a misspelt surname in the attribution is the full name it resembles
        ("Rosalind Hartmann, who runs the shelter, called for more beds. “We turn people "
         "away every night,” Ms Hartman said.",
         "We turn people away every night,", "Rosalind Hartmann"),
        # a titled surname nobody named in full: the surname, "Inspector Varga" an alias
        ("“The lake is safe again,” Inspector Varga said.", "The lake is safe again,",
         "Varga"),
        ("“The deal is done,” said Sen. Warren.", "The deal is done,", "Warren"),
        # a medium the quotation is credited to
        ("By noon “the water had reached the second floor”, according to the Riverside "
         "Herald.", "the water had reached the second floor", "Riverside Herald"),
        # "in the words of" and a role in apposition
        ("In the words of the defence lawyer, Tomas Ferreira, “the case was built on sand.”",
         "the case was built on sand.", "Tomas Ferreira"),
        # the subject of a sentence opening with a participle phrase, before a colon
        ("Writing on his blog, Omar Castellanos of the Daily Ledger put it bluntly: "
         "“The bridge should never have opened.”",
         "The bridge should never have opened.", "Omar Castellanos"),
        # "Title of Place Name" said
        ("In a statement, Governor of Ostland Mira Kovacs said, “We will rebuild every "
         "road.”", "We will rebuild every road.", "Mira Kovacs"),
    ],
)  # fmt: skip
def test_a_speaker_nobody_named_before_becomes_an_actor(body, quote, speaker):
    assert speakers(body).get(quote, "missing") == speaker


def test_a_speaker_created_for_a_quotation_is_an_extracted_actor_with_its_reason():
    body = "“We turn people away every night,” said shelter manager Rosa Ibekwe."
    extraction = extract_article(article(body), [], [])
    (quote,) = extraction.quotes
    actor = next(a for a in extraction.actors if a["id"] == quote["speaker_id"])
    assert actor["name"] == "Rosa Ibekwe" and actor["type"] == "person"
    assert actor["origin"] == "extracted" and actor["extraction_method"]
    assert quote["extraction_method"].startswith("quotation marks; speaker:")
    assert "Rosa Ibekwe" in quote["extraction_basis"]


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        # a document a person owns, and one introducing its speaker
        ("Senator Paula Brandt wrote to the agency in May. Brandt's letter added, “The "
         "delays are unacceptable.”", "The delays are unacceptable.", "Paula Brandt"),
        ("The Coastal Water Authority published its plan. The Coastal Water Authority "
         "letter reads “Rationing will start in June.”",
         "Rationing will start in June.", "Coastal Water Authority"),
        # "the city" is the municipality the article names
        ("The Municipality of Ravensburg sent bills to every school. The city reasoned, "
         "“these buildings earn money from fees.”",
         "these buildings earn money from fees.", "Municipality of Ravensburg"),
        # somebody the article does not name stays unknown
        ("Fans of the club argued online, with one user writing “Who will pay for the "
         "stadium now?”", "Who will pay for the stadium now?", None),
        ("“The site was down all day,” said a post by an anonymous reader.",
         "The site was down all day,", None),
        # a reporting sentence since the last quotation gives the next one its speaker
        ("“We will appeal,” said coach Ivo Brandt.\n"
         "Club owner Lara Voss issued a statement on Friday. “The decision is unfair to "
         "our players.”", "The decision is unfair to our players.", "Lara Voss"),
    ],
)  # fmt: skip
def test_documents_bodies_and_unnamed_speakers(body, quote, speaker):
    assert speakers(body).get(quote, "missing") == speaker


@pytest.mark.parametrize(
    ("body", "kept"),
    [
        # a split quotation that goes on inside a sentence is a term, not a quotation
        ("“We followed the rules,” Jan Moreau wrote. To “sign off” means to approve it.",
         ["We followed the rules,"]),
        # ... but one opening a sentence of its own is one
        ("“We followed the rules,” Jan Moreau wrote. “Always.”",
         ["We followed the rules,", "Always."]),
    ],
)  # fmt: skip
def test_a_split_quotation_continues_only_as_a_sentence(body, kept):
    assert list(speakers(body)) == kept


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        # a role noun stands for the person the article introduced by it
        ("The village priest, Father Anton Weiss, rang the bells at noon. “Everyone came "
         "to church,” the priest said.", "Everyone came to church,", "Anton Weiss"),
        ("Retired detective Paul Okafor has searched for the boy for years. “I will not "
         "stop,” the detective said.", "I will not stop,", "Paul Okafor"),
        # described but never named: a quotation of somebody unknown, still kept
        ("Water reached the first floor. “Everyone left,” a neighbour said.",
         "Everyone left,", None),
    ],
)  # fmt: skip
def test_a_role_noun_speaker_is_the_person_it_describes(body, quote, speaker):
    assert speakers(body).get(quote, "missing") == speaker


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        # a colon after a quotation inside the sentence goes with the sentence's subject
        ("During the debate on Tuesday, Mayor Ilse Brandt defended the budget, promising "
         "a “full review” from Treasurer Karl Voss soon: “We have cut what we could.”",
         "We have cut what we could.", "Ilse Brandt"),
        # a split quotation after "told the police," is someone's words, comma or not
        ("Tom Ruiz, a guard, said he “saw the van leave at midnight”, and told the police, "
         "“nothing else”.", "nothing else", "Tom Ruiz"),
    ],
)  # fmt: skip
def test_the_sentences_subject_and_a_comma_before_the_mark(body, quote, speaker):
    assert speakers(body).get(quote, "missing") == speaker


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        (
            "The board named Patricia “Patty” S. Collins as director. "
            "“It is an honour to join,” said Director Collins.",
            "It is an honour to join,",
            "Patricia “Patty” S. Collins",
        ),
        (
            'Police identified John "Jack" Smith, a local builder. '
            '"I saw the roof fall," Mr. Smith said.',
            "I saw the roof fall,",
            'John "Jack" Smith',
        ),
    ],
)
def test_a_nickname_inside_a_name_keeps_the_name_whole_and_is_no_quote(body, quote, speaker):
    found = speakers(body)
    assert found.get(quote) == speaker
    assert "Patty" not in found and "Jack" not in found


def test_a_quoted_phrase_after_a_name_is_still_a_quote():
    body = "Mayor Ruth Olsen called the plan “Reckless” Tuesday, her office said."
    assert "Reckless" in speakers(body)


@pytest.mark.parametrize(
    ("body", "quote", "speaker"),
    [
        (
            "According to Harbour Radio, quoting the Coastal Weather Service, the town "
            "must prepare for a “once-in-a-century flood”.",
            "once-in-a-century flood",
            "Coastal Weather Service",
        ),
        (
            "According to Harbour Radio, the town must prepare for a “once-in-a-century flood”.",
            "once-in-a-century flood",
            "Harbour Radio",
        ),
    ],
)
def test_according_to_a_quoting_b_is_b(body, quote, speaker):
    assert speakers(body).get(quote) == speaker


@pytest.mark.parametrize(
    "body",
    ["“The car was stolen,” Det. Varga said.", "“The car was stolen,” said Insp. Varga.",
     "“The car was stolen,” said Det. Anna Varga."],
)  # fmt: skip
def test_a_rank_s_full_stop_ends_no_frame(body):
    row = {"id": "ranks", "text": body, "search_text": body, "published": "2025-03-14"}
    extraction = extract_article(article_from_row(row), [], [])
    names = {a["id"]: a["name"] for a in extraction.actors}
    (quote,) = extraction.quotes
    assert "Varga" in names.get(quote["speaker_id"], "")
    assert not {"Det", "Insp"} & set(names.values())
