"""Who answers in an interview (``interviews.py`` finds the turns, ``interviewees.py``
decides whose they are): labels, initials, headlines, and when to say nobody."""

from __future__ import annotations

import pytest

from timeline.extract.pipeline import article_from_row, extract_article


def extract(body: str, title: str | None = None, publisher: str | None = None):
    row = {"id": "qa", "text": body, "search_text": body, "published": "2024-05-02"}
    row["title"], row["publisher"] = title, publisher
    return extract_article(article_from_row(row), [], [])


def speakers(extraction) -> dict[str, str | None]:
    """Quote text -> the speaker's name (None when unknown)."""
    names = {a["id"]: a["name"] for a in extraction.actors}
    return {q["text"]: names.get(q["speaker_id"]) for q in extraction.quotes}


FERRY = """Harbour News spoke with Dana Grant, who runs the island's only ferry, and with \
the harbour master, Piet Olsen, about the first year of the service.

Harbour News: When did the ferry start running?

DG: Last spring. It took three years of planning.

Harbour News: Your predecessor said “the island would never get a ferry”. Was he wrong?

DG: He was. We carry two thousand people a day now.

“We carry two thousand people a day now.”

Harbour News: Will it run in winter?

PO: Yes, with a smaller boat when the ice comes.
"""


def test_initials_are_the_person_the_introduction_names_with_them():
    extraction = extract(FERRY, "Island ferry marks its first year", "Harbour News")
    found = speakers(extraction)
    assert found["Last spring. It took three years of planning."] == "Dana Grant"
    assert found["He was. We carry two thousand people a day now."] == "Dana Grant"
    assert found["Yes, with a smaller boat when the ice comes."] == "Piet Olsen"
    # The label is the person's mention, not a body called "DG".
    types = {a["name"]: a["type"] for a in extraction.actors}
    assert types["Dana Grant"] == "person"
    assert "DG" not in types and "PO" not in types
    answer = next(q for q in extraction.quotes if q["text"].startswith("Last spring"))
    assert answer["extraction_method"] == "interview answer paragraph; speaker: interview answer"
    assert answer["extraction_basis"].startswith("the answer's label: “DG”; answer to “")


def test_questions_and_pull_quotes_are_not_the_interviewees_answers():
    found = speakers(extract(FERRY, "Island ferry marks its first year", "Harbour News"))
    assert not any(text.rstrip("”").endswith("?") for text in found)  # questions
    # Quoted words inside a question: nobody the article names, not the asker either.
    assert found["the island would never get a ferry"] is None
    # A pull quote repeats an answer: a quotation of its speaker, not one more answer.
    assert found["We carry two thousand people a day now."] == "Dana Grant"
    assert "“We carry two thousand people a day now.”" not in found


GAMES = """**Wikinews:** What is Loom Works?

**Ana Ruiz:** A studio of four people in Tucson. We make puzzle games.

**Tom Reyes:** And comics, when we have time.

**Wikinews:** How did you two meet?

**Tom Reyes:** At school. She drew, I wrote. What was the name of that class, Ana?

**Ana Ruiz:** Design one.

**Wikinews:** What comes next?

**Ana Ruiz:** A game about lighthouses, out next spring.
"""


def test_full_name_labels_in_bold_answer_even_when_they_ask_back():
    found = speakers(extract(GAMES, "Wikinews interviews Ana Ruiz and Tom Reyes of Loom Works"))
    assert found["A studio of four people in Tucson. We make puzzle games."] == "Ana Ruiz"
    # The interviewee who asks back is still answering: Wikinews asks the most.
    assert found["At school. She drew, I wrote. What was the name of that class, Ana?"] == (
        "Tom Reyes"
    )
    # A labelled answer is one however short.
    assert found["Design one."] == "Ana Ruiz"
    assert "What is Loom Works?" not in found


def test_the_label_asking_most_is_the_interviewer_when_it_is_a_person():
    body = (
        "Lena Park: Why did you close the shop?\n\n"
        "Omar Haddad: Rents doubled in two years. We could not keep up.\n\n"
        "Lena Park: Will you open again somewhere else?\n\n"
        "Omar Haddad: Perhaps across the river, where the rents are lower.\n"
    )
    found = speakers(extract(body, "A shop closes on Mill Street"))
    assert found == {
        "Rents doubled in two years. We could not keep up.": "Omar Haddad",
        "Perhaps across the river, where the rents are lower.": "Omar Haddad",
    }


QUESTIONS_ONLY = """Wikinews: When did the choir start singing?

In 1990, in the church hall. We were twelve then.

Wikinews: How many are you now?

About sixty, and we still rehearse on Thursdays.
"""


@pytest.mark.parametrize(
    ("title", "speaker", "rule"),
    [
        # the headline names one person: theirs
        ("Wikinews interviews conductor Mara Lind", "Mara Lind", "named in the headline"),
        ("Mara Lind talks about forty years of singing", "Mara Lind", "named in the headline"),
        # several people, a group, a body, a place: nobody, rather than a guess
        ("Wikinews interviews Mara Lind and Ivo Rask", None, "several interviewees"),
        ("Wikinews interviews the founders of the Riverside Choir", None, "several"),
        ("An interview with the Riverside Choir", None, "several"),
        ("Harbour News talks to the Harbour Authority", None, "no one person"),
        ("Wikinews interviews members of Kenya's choirs", None, "several"),
        ("Wikinews speaks with Kenya", None, "no one person"),
    ],
)
def test_unlabelled_answers_are_the_headlines_one_interviewee_or_nobody(title, speaker, rule):
    extraction = extract(QUESTIONS_ONLY, title, "Wikinews")
    answers = [q for q in extraction.quotes if q["kind"] == "interview answer"]
    assert len(answers) == 2
    names = {a["id"]: a["name"] for a in extraction.actors}
    for answer in answers:
        assert names.get(answer["speaker_id"]) == speaker
        assert rule in answer["extraction_basis"]


def test_the_person_a_question_addresses_by_name_answers():
    body = (
        "The city's new budget was drafted by Councillor Ruth Adler, who took over from "
        "Councillor Sam Ortiz. Ortiz chaired the committee for ten years; Ortiz wrote "
        "its rules.\n\n"
        "Wikinews: Ms Adler, what changes first?\n\n"
        "The bus routes. We start with the night buses.\n\n"
        "Wikinews: And the libraries?\n\n"
        "They keep their hours, all of them.\n"
    )
    found = speakers(extract(body, "The city budget, explained", "Wikinews"))
    assert found["The bus routes. We start with the night buses."] == "Ruth Adler"
    assert found["They keep their hours, all of them."] == "Ruth Adler"


def test_a_surname_label_nobody_names_in_full_is_the_person_as_written():
    body = (
        "Wikinews: Will the storm weaken over land?\n\n"
        "Richman: Yes. Over land it loses its source of heat.\n\n"
        "Kowal: It will, but the rain will go on for days.\n\n"
        "Wikinews: Is the city ready?\n\n"
        "Richman: I have not followed the preparations.\n\n"
        "Kowal: The evacuation started early, which helps.\n"
    )
    extraction = extract(body, "Wikinews interviews two forecasters on the storm", "Wikinews")
    found = speakers(extraction)
    assert found["Yes. Over land it loses its source of heat."] == "Richman"
    assert found["The evacuation started early, which helps."] == "Kowal"
    types = {a["name"]: a["type"] for a in extraction.actors}
    assert types["Richman"] == types["Kowal"] == "person"
    assert set(extraction.mentioned_actor_ids) >= {"richman", "kowal"}


def test_a_label_that_names_a_group_leaves_the_speaker_unknown():
    body = (
        "Wikinews: What did the council decide?\n\n"
        "Residents: Nothing yet. We have waited a year.\n\n"
        "Wikinews: Will you protest?\n\n"
        "Residents: On Saturday, at the town hall.\n"
    )
    found = speakers(extract(body, "Waiting for the council", "Wikinews"))
    assert found["Nothing yet. We have waited a year."] is None
    assert found["On Saturday, at the town hall."] is None


def test_a_news_story_with_a_question_and_answer_line_is_no_interview():
    body = (
        "The bridge will reopen on Monday, the city said.\n\n"
        "Reporter: Will the bridge be safe?\n\n"
        "Mayor Ann Lee: “It has been tested twice,” she said at a briefing.\n\n"
        "Note: the bridge carries 40,000 cars a day.\n"
    )
    extraction = extract(body, "Bridge to reopen on Monday", "City Herald")
    assert {q["kind"] for q in extraction.quotes} == {"quotation"}
    assert speakers(extraction) == {"It has been tested twice,": "Ann Lee"}


def test_a_label_met_once_and_not_after_a_question_is_nobodys_answer():
    body = (
        "Wikinews: What happened at the dam?\n\n"
        "Director Lena Horvat: The spillway failed first.\n\n"
        "Update: the agency says the spillway has since been repaired.\n\n"
        "Wikinews: And the villages?\n\n"
        "Director Lena Horvat: They were cut off for days.\n"
    )
    found = speakers(extract(body, None, "Wikinews"))
    assert found == {
        "The spillway failed first.": "Lena Horvat",
        "They were cut off for days.": "Lena Horvat",
    }  # "Update:" is the editor's, no speaker's label


CHOIR = """Wikinews spoke with Mara Lind, who has led the Riverside Choir for forty years.

**When did the choir start singing?**

In 1990, in the church hall. We were twelve then.

**How many are you now?**

About sixty, and we still rehearse on Thursdays.

**What will you sing at the festival?**

Mostly folk songs, and one new piece by a local composer.
"""


@pytest.mark.parametrize("body", [CHOIR, CHOIR.replace("**", "")])
def test_unlabelled_questions_alternating_with_answers_are_an_interview(body):
    extraction = extract(body, "Forty years of the Riverside Choir", "Wikinews")
    answers = {q["text"]: q for q in extraction.quotes if q["kind"] == "interview answer"}
    assert (
        set(speakers(extraction))
        == set(answers)
        == {
            "In 1990, in the church hall. We were twelve then.",
            "About sixty, and we still rehearse on Thursdays.",
            "Mostly folk songs, and one new piece by a local composer.",
        }
    )  # the questions and the introduction are not answers
    names = {a["id"]: a["name"] for a in extraction.actors}
    for answer in answers.values():
        assert names[answer["speaker_id"]] == "Mara Lind"
        assert answer["extraction_basis"].startswith("named in the introduction: “Wikinews spoke")


OPINION = """Is the city ready for the flood season? The council says yes.

Will the new walls hold?

Engineers are not sure.

Who pays for the repairs?

Nobody has said.

What happens next?

The council meets on Monday, the mayor said.
"""


def test_questions_in_a_piece_that_never_says_interview_are_not_one():
    extraction = extract(OPINION, "Is the city ready for the floods?", "City Herald")
    assert extraction.quotes == []


def test_a_phrase_in_marks_inside_an_answer_is_the_interviewees():
    body = (
        "Wikinews: How did the town take the news?\n\n"
        "Ana Ruiz: Badly at first. Without a pier, the “ferry of the future” would have "
        "been just words.\n\n"
        "Wikinews: And now?\n\n"
        "Ana Ruiz: Now they ride it every day.\n"
    )
    found = speakers(extract(body, None, "Wikinews"))
    assert found["ferry of the future"] == "Ana Ruiz"


REPORTED_IN_ANSWERS = [
    # someone unnamed, after a comma
    "Everyone at the market would say, “It will never open, not in our lifetime.”",
    # the interviewee's own words again
    "Then I told them, “Come and see the boats yourselves this weekend.”",
    # a pronoun that must not become the interviewer, straight single marks
    "The regulars come up and they say, 'Hey Frank, my name is John, I ride at six.'",
    # a named person: still the answer's words, not a quotation of their own
    'Ana\'s mother said, "Thank you for bringing the boat back to us."',
    # no speech verb, a lead-in's comma
    "It's sort of like,\" Hmmm, that's a long way round,\" and then they laugh.",
]


@pytest.mark.parametrize("sentence", REPORTED_IN_ANSWERS)
def test_words_an_answer_reports_as_said_are_not_quoted_again(sentence):
    """The gold convention (fixtures/devset/README.md): the answer paragraph is the
    interviewee's quotation, and the marked words inside it are not quoted again."""
    body = (
        "Wikinews: How did the town take the news?\n\n"
        f"Frank Ruiz: Badly at first. {sentence} Then it got better.\n\n"
        "Wikinews: And now?\n\n"
        "Frank Ruiz: Now they ride it every day.\n"
    )
    extraction = extract(body, None, "Wikinews")
    found = speakers(extraction)
    assert set(found) == {
        f"Badly at first. {sentence} Then it got better.",
        "Now they ride it every day.",
    }
    assert set(found.values()) == {"Frank Ruiz"}


def test_two_reporters_ask_and_q_a_labels_answer_for_the_headlines_interviewee():
    body = (
        "Lena Park: Why did you close the shop?\n\n"
        "Omar Haddad: Rents doubled in two years. We could not keep up.\n\n"
        "Ivo Rask: Did the council help?\n\n"
        "Omar Haddad: They offered a loan, but too late.\n\n"
        "Lena Park: Will you open again?\n\n"
        "Ivo Rask: And where?\n\n"
        "Omar Haddad: Perhaps across the river.\n"
    )
    found = speakers(extract(body, "A shop closes on Mill Street"))
    assert found == {
        "Rents doubled in two years. We could not keep up.": "Omar Haddad",
        "They offered a loan, but too late.": "Omar Haddad",
        "Perhaps across the river.": "Omar Haddad",
    }  # both reporters' turns are questions
    qa = (
        "Q: When did the ferry start running?\n\n"
        "A: Last spring. It took three years of planning.\n\n"
        "Q: Will it run in winter?\n\n"
        "A: Yes, with a smaller boat when the ice comes.\n"
    )
    found = speakers(extract(qa, "Q&A with ferry captain Tomasz Wrona"))
    assert found == {
        "Last spring. It took three years of planning.": "Tomasz Wrona",
        "Yes, with a smaller boat when the ice comes.": "Tomasz Wrona",
    }


@pytest.mark.parametrize(
    ("title", "name"),
    [
        ("Wikinews interviews academic Simon Ličen about attitudes", "Simon Ličen"),
        ("Wikinews interviews U.S. presidential candidate John Smith", "John Smith"),
        ("Wikinews interviews Green Party candidate Ann Lee on housing", "Ann Lee"),
        ("Wikinews interviews Bob Brown, leader of the Greens", "Bob Brown"),
        ("Exclusive: an interview with Dr Ines Okafor", "Ines Okafor"),
        ("Harbour News talks to harbour master Piet Olsen", "Piet Olsen"),
        # two descriptions joined by "and" are still one person
        ("Wikinews interviews Danish sculptor and teacher Ida Holm", "Ida Holm"),
        ("Interview with British economist and author Tom Reyes", "Tom Reyes"),
        # a name opening the headline, the interview cue describing them
        ("Maria Lind: An Interview with the 'Harbour Poet'", "Maria Lind"),
        # an office or a description names nobody: the next rule decides
        ("Wikinews interviews President of the International Brotherhood of Magicians", None),
        ("Wikinews interviews an Ohio Senate candidate", None),
    ],
)
def test_the_headline_names_the_interviewee(title, name):
    extraction = extract(QUESTIONS_ONLY, title, "Wikinews")
    names = {a["id"]: a["name"] for a in extraction.actors}
    answers = [q for q in extraction.quotes if q["kind"] == "interview answer"]
    assert {names.get(a["speaker_id"]) for a in answers} == {name}


TOPIC_INTRO = (
    """The Harbour Bar's drink is named after Senator Rick Vance. Rick Vance has \
said the drink mocks him, and Vance asked the bar to rename it.

"""
    + QUESTIONS_ONLY
)


@pytest.mark.parametrize(
    ("intro", "speaker", "rule"),
    [
        # the article calls one person by the headline's role noun: that person
        ("The bar's owner, Ann Lee, opened it in 2019. ", "Ann Lee", "describes"),
        # it calls no one so: nobody, not the person the introduction names most
        ("", None, "does not name"),
    ],
)
def test_a_headline_describing_its_interviewee_is_the_person_so_described(intro, speaker, rule):
    extraction = extract(
        intro + TOPIC_INTRO, "Wikinews interviews bar owner on a drink", "Wikinews"
    )
    answers = [q for q in extraction.quotes if q["kind"] == "interview answer"]
    assert len(answers) == 2
    names = {a["id"]: a["name"] for a in extraction.actors}
    assert {names.get(a["speaker_id"]) for a in answers} == {speaker}
    assert all(rule in a["extraction_basis"] for a in answers)


def test_the_epithet_a_headline_gives_the_person_it_opens_with_is_that_person():
    body = "Harbour Poet, 43, said the readings were full this year.\n\n" + QUESTIONS_ONLY
    extraction = extract(body, "Maria Lind: An Interview with the 'Harbour Poet'", "Wikinews")
    assert {a["name"] for a in extraction.actors} == {"Wikinews", "Maria Lind"}
    assert set(speakers(extraction).values()) == {"Maria Lind"}


@pytest.mark.parametrize(
    "question",
    [
        "What about the old adage “the sea gives and the sea always takes back”?",
        'Is the "island spirit of the north" something you believe in?',
        "Your book is called “Ferries of the Far North, Again”. Why that title?",
        "Would you describe the first winter as “hard”?",
    ],
)
def test_words_in_marks_a_question_mentions_are_no_quotation(question):
    """An adage, a term or a title the interviewer mentions is nobody's words here; words
    a question reports as said (“Your predecessor said …”) stay a quotation, speaker
    unknown (test_questions_and_pull_quotes_are_not_the_interviewees_answers)."""
    body = (
        "Harbour News spoke with Dana Grant, who runs the island's only ferry.\n\n"
        f"Harbour News: {question}\n\n"
        "DG: It is true, in a way. We lost a boat in the first winter.\n\n"
        "Harbour News: Will it run in winter?\n\n"
        "DG: Yes, with a smaller boat when the ice comes.\n"
    )
    found = speakers(extract(body, "Island ferry marks its first year", "Harbour News"))
    assert found == {
        "It is true, in a way. We lost a boat in the first winter.": "Dana Grant",
        "Yes, with a smaller boat when the ice comes.": "Dana Grant",
    }


COACH_INTRO = "Wikinews spoke with hockey coach Frank Miller about the season.\n\n"
COACH_TITLE = "Wikinews interviews hockey coach Frank Miller"


def answered(answer: str) -> dict[str, str | None]:
    body = (
        COACH_INTRO + "Wikinews: How was the trip to Canada?\n\n" + answer + "\n\n"
        "Wikinews: And next year?\n\nWe will see. Maybe we go to Sweden in the spring.\n"
    )
    return speakers(extract(body, COACH_TITLE, "Wikinews"))


@pytest.mark.parametrize("answer", ["Yes.", "Oh really.", "[Laughs] No!"])
def test_a_short_answer_right_after_a_question_is_an_answer(answer):
    assert answered(answer) == {
        answer: "Frank Miller",
        "We will see. Maybe we go to Sweden in the spring.": "Frank Miller",
    }


@pytest.mark.parametrize(
    "answer",
    [
        "[The tournament in Canada] was the hardest week of the season for us.",
        "[The tournament] was a lot of fun [laughs]",
        "[Next season] we go to Sweden, maybe",
    ],
)
def test_an_answer_the_editor_completed_in_brackets_is_no_heading(answer):
    assert answered(answer) == {
        answer: "Frank Miller",
        "We will see. Maybe we go to Sweden in the spring.": "Frank Miller",
    }


def test_a_short_line_further_into_an_answer_is_not_one_more_answer():
    """A caption or credit a few words long after an answer's first paragraph is no
    answer paragraph: only the first paragraph after a question is one however short."""
    body = (
        COACH_INTRO + "Wikinews: How was the trip to Canada?\n\n"
        "It was the hardest week of the season for all of us.\n\n"
        "Miller, in 2010.\n\n"
        "Wikinews: And next year?\n\nYes.\n"
    )
    found = speakers(extract(body, COACH_TITLE, "Wikinews"))
    assert found == {
        "It was the hardest week of the season for all of us.": "Frank Miller",
        "Yes.": "Frank Miller",
    }


@pytest.mark.parametrize(
    "credit",
    [
        "— Frank Miller, on whether the team was ready for the big tournament in Canada",
        "– Frank Miller, speaking after the final game of the season in Toronto.",
        "— Coach Frank Miller, in an interview with the club's own newsletter last year",
    ],
)
def test_a_pull_quotes_credit_line_is_no_answer(credit):
    body = (
        COACH_INTRO + "**How was the trip to Canada?**\n\n"
        "It was the hardest week of the season for all of us, but we learned a lot.\n\n"
        f"{credit}\n\nIt was cold, too.\n\n"
        "**And next year?**\n\nWe will see. Maybe we go to Sweden in the spring.\n\n"
        "**Who pays for the trips?**\n\nThe club does, and the parents help.\n"
    )
    found = speakers(extract(body, COACH_TITLE, "Wikinews"))
    assert set(found) == {
        "It was the hardest week of the season for all of us, but we learned a lot.",
        "It was cold, too.",
        "We will see. Maybe we go to Sweden in the spring.",
        "The club does, and the parents help.",
    }
    assert set(found.values()) == {"Frank Miller"}


def test_a_credit_line_is_no_turn_of_a_dash_interview():
    body = (
        "Frank Miller coaches the team.\n\n- How was the trip to Canada?\n\n"
        "- It was the hardest week of the season for all of us.\n\n"
        "— Frank Miller, on the tournament in Canada\n\n"
        "- And next year?\n\n- Sweden, if the club pays.\n"
    )
    found = speakers(extract(body, COACH_TITLE, "Wikinews"))
    assert set(found) == {
        "It was the hardest week of the season for all of us.",
        "Sweden, if the club pays.",
    }
