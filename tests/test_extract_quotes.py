"""Quotation marks, speakers and the term rule, one row per pattern."""

from __future__ import annotations

import pytest

from timeline.articles import read_article
from timeline.extract.pipeline import article_from_row, extract_article
from timeline.extract.quotes import find_quote_spans
from timeline.extract.sentences import paragraphs

from .conftest import FIXTURES

ARTICLES = FIXTURES / "extract" / "articles"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He said “we will go,” then left.", ["we will go,"]),
        ('He said "we will go," then left.', ["we will go,"]),
        ("He said «we will go» then left.", ["we will go"]),
        (
            'Trump suggested “some swapping of territories" between',
            ["some swapping of territories"],
        ),
        ("in a ‘balanced, rational’ manner", ["balanced, rational"]),
        ("Kazakhstan’s people’s “view”", ["view"]),  # apostrophes are not marks
        (
            "“It is not ‘a good peace’ at all,” he said.",
            ["It is not ‘a good peace’ at all,", "a good peace"],
        ),
        (
            "“Such a “peace” would fail,” he said.",  # same marks nested
            ["Such a “peace” would fail,", "peace"],
        ),
        # never closed: kept whole to the paragraph's end (issue 12), no longer dropped
        ("“An unclosed quotation at the end", ["An unclosed quotation at the end"]),
        # the opening mark typed after the lead-in's comma, the space after it
        (
            'Wilkins said," [Warhol] liked to watch people." Then he left.',
            ["[Warhol] liked to watch people."],
        ),
        ('She wrote:"We will open in May." That was all.', ["We will open in May."]),
        # a closing mark after a comma still closes what is open
        ('"We are ready," she said, "and so are they."', ["We are ready,", "and so are they."]),
        ('He called it "great," "wonderful" and more.', ["great,", "wonderful"]),
        # a closing mark whose opening one is in an earlier paragraph opens nothing
        ('and then we left," said the spokesman for the city council on Monday.', []),
    ],
)
def test_quote_spans(text, expected):
    assert [q.text for q in find_quote_spans(text, paragraphs(text))] == expected


@pytest.fixture(scope="module")
def news():
    article = read_article(ARTICLES / "patterns-news.txt", "patterns-news.txt", [])
    extraction = extract_article(article, [], [])
    return {q["text"]: q for q in extraction.quotes}, extraction


@pytest.mark.parametrize(
    ("quote", "speaker", "pattern"),
    [
        ("We agreed to open two new border crossings,", "nino-kavtaradze", "X said after"),
        ("Trade will follow.", "nino-kavtaradze", "split quote continues"),
        ("The talks were long but useful,", "aram-petrosyan", "said X, straight marks"),
        ("Nobody expected this a year ago.", "aram-petrosyan", "X added: colon"),
        ("Our ports are ready,", "aram-petrosyan", "title: the Armenian minister"),
        (
            "reaffirmed their commitment to a peaceful region.",
            "georgian-ministry-of-foreign-affairs",
            "a statement by X said «»",
        ),
        (
            "The region needs stability, not ‘frozen conflicts’ of the past,",
            "georgian-ministry-of-foreign-affairs",
            "the statement added",
        ),
        ("the first trucks will cross before winter.", "aram-petrosyan", "according to X"),
        ("premature and vague and rushed.", None, "no speaker: null, not a guess"),
    ],
)
def test_speaker_patterns(news, quote, speaker, pattern):
    quotes, _ = news
    assert quote in quotes, pattern
    assert quotes[quote]["speaker_id"] == speaker, pattern


def test_scare_quotes_are_terms_not_quotations(news):
    quotes, _ = news
    assert "Southern Route" not in quotes
    assert "frozen conflicts" not in quotes


def test_quote_offsets_point_at_the_text(news):
    quotes, extraction = news
    article = read_article(ARTICLES / "patterns-news.txt", "patterns-news.txt", [])
    for quote in extraction.quotes:
        assert article.text[quote["start_offset"] : quote["end_offset"]] == quote["text"]
        assert quote["origin"] == "extracted"


def test_interview_answers_are_quotes_of_the_interviewee():
    article = read_article(ARTICLES / "patterns-interview.txt", "patterns-interview.txt", [])
    extraction = extract_article(article, [], [])
    texts = {q["text"]: q["speaker_id"] for q in extraction.quotes}
    assert texts["We rebuilt the main dam within four months."] == "lena-horvat"
    assert texts["A new warning system, which we will test this summer."] == "lena-horvat"
    assert not any("?" in text for text in texts)  # questions are not quotes


def test_extracted_quotes_say_whether_they_are_answers_or_quotations():
    """An answer paragraph is an interview answer; a phrase in marks inside an answer is
    a quotation; words the answer reports as said (the mayor's) are part of the answer
    and not quoted again."""
    path = ARTICLES / "patterns-interview-marks.txt"
    extraction = extract_article(read_article(path, path.name, []), [], [])
    kinds = {q["text"]: q["kind"] for q in extraction.quotes}
    assert kinds["A new warning system, which we will test this summer."] == "interview answer"
    assert kinds["safest river town in the region"] == "quotation"
    assert "We have nothing left to save but the church and the school." not in kinds
    news = ARTICLES / "patterns-news.txt"
    extraction = extract_article(read_article(news, news.name, []), [], [])
    assert {q["kind"] for q in extraction.quotes} == {"quotation"}


@pytest.fixture(scope="module")
def month_dated():
    path = ARTICLES / "patterns-month-dated.txt"
    extraction = extract_article(read_article(path, path.name, []), [], [])
    return {q["text"]: q["speaker_id"] for q in extraction.quotes}


@pytest.mark.parametrize(
    ("quote", "speaker", "pattern"),
    [
        # Words with a comma inside are cut from a sentence, not a name: kept although
        # the speech verb is in another clause.
        ("orderly, gradual", "ana-rusu", "fragment with a comma"),
        # "it" is the state or institution the sentence before starts with.
        ("green trade corridor.", "romania", "what it called a “...”"),
    ],
)
def test_short_quotes_that_are_words_not_terms(month_dated, quote, speaker, pattern):
    assert month_dated.get(quote, "missing") == speaker, pattern


def interview(body: str, title: str | None) -> list[dict]:
    row = {"id": "qa", "text": body, "search_text": body, "published": "2024-05-02"}
    row["title"] = title
    return extract_article(article_from_row(row), [], [])


@pytest.mark.parametrize(
    ("title", "intro", "speaker"),
    [
        # only the interviewer is labelled; the headline names who answers
        ("Harbour News interviews Tomasz Wrona on the new ferry line", "", "Tomasz Wrona"),
        ("Q&A with Dr Ines Okafor about the measles season", "", "Ines Okafor"),
        # the headline names an office: the person the introduction names
        (
            "Harbour News interviews the chair of the Pilots Guild",
            "Harbour News spoke with Rosa Lindqvist, chair of the Pilots Guild.\n\n",
            "Rosa Lindqvist",
        ),
    ],
)
def test_answers_after_labelled_questions_are_the_interviewees(title, intro, speaker):
    body = (
        f"{intro}Harbour News: When did the ferry start running\n\n"
        "Last spring. It took three years of planning.\n\n"
        "We carry about two thousand people a day now.\n\n"
        "Harbour News: Will it run in winter?\n\n"
        "Yes, with a smaller boat when the ice comes."
    )
    extraction = interview(body, title)
    names = {a["id"]: a["name"] for a in extraction.actors}
    answers = {q["text"]: q for q in extraction.quotes}
    assert set(answers) == {
        "Last spring. It took three years of planning.",
        "We carry about two thousand people a day now.",
        "Yes, with a smaller boat when the ice comes.",
    }  # the questions are not quotes
    for answer in answers.values():
        assert names[answer["speaker_id"]] == speaker
        assert answer["kind"] == "interview answer"
        method = answer["extraction_method"]
        assert method == "interview answer paragraph; speaker: interview answer"
        # the words the speaker rests on, then the question answered
        assert speaker in answer["extraction_basis"] or "headline" in answer["extraction_basis"]
        assert "; answer to “Harbour News:" in answer["extraction_basis"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # titles of works and names in marks are not someone's words
        ('She still owns two books, "Tricks with Ropes" and "The Silent Deck".', []),
        ("The council's new website, “The Clean River Portal”, opened.", []),
        ("The team named its robot “Iron Heron of Lagos,” and it won.", []),
        # a nickname between a first name and a surname is part of the name
        ("The board appointed Margaret “Peggy” A. Holm as its chair.", []),
        # a capitalised sentence in marks is still a quotation
        ("“We Will Not Move,” the protesters shouted, said organiser Ann Roe.",
         ["We Will Not Move,"]),
        ("“Stay home tonight,” said fire chief Omar Haddad.", ["Stay home tonight,"]),
    ],
)  # fmt: skip
def test_titles_and_nicknames_in_marks_are_not_quotations(text, kept):
    assert [q["text"] for q in interview(text, None).quotes] == kept


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # a theme, motto or slogan: the words are mentioned, nobody says them here
        ("The theme of this year's conference is “Building a safer future for all of "
         "us”, the organisers announced.", []),
        ('The club kept its old motto: "Play hard, play fair, then go home."', []),
        ("Thousands marched under the slogan “Jobs, not bombs, for every town”.", []),
        # words printed on something, whatever verb the print takes
        ('Protesters wore shirts that said "We will not be moved from our homes".', []),
        ("A banner that read “No more war in our name, ever again” hung from the bridge.",
         []),
        ('Signs reading "Save our library for the children" lined the street.', []),
        ("The report, titled “A river in crisis and the next ten years”, was published.",
         []),
        # speech about a sign, a message, a forum poster: still quotations
        ('"The sign was clear," said farmer Jane Doe, "and we followed it home."',
         ["The sign was clear,", "and we followed it home."]),
        ("His message was clear: “We will rebuild every home that was lost.”",
         ["We will rebuild every home that was lost."]),
        ('One poster said "this is the end of the forum as we know it".',
         ["this is the end of the forum as we know it"]),
        ("Mayor Ann Lee spoke. In her words, “the town has never been this strong before.”",
         ["the town has never been this strong before."]),
        ('His last words were "tell my mother I love her very much".',
         ["tell my mother I love her very much"]),
        # a term of office, a sign linked by "was": no set phrase, no print
        ('During her term, "we built three schools and a library," she said.',
         ["we built three schools and a library,"]),
        ('The sign was "a warning to all of us," she said.', ["a warning to all of us,"]),
    ],
)  # fmt: skip
def test_themes_slogans_and_printed_words_are_mentions_not_quotations(text, kept):
    assert [q["text"] for q in interview(text, None).quotes] == kept


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a short word joined to a quotation its frame governs: the same speaker's
        ('Bishop Nunzio Galantino has called the ruling "dangerous, unfair" and '
         '"ideological".',
         [("dangerous, unfair", "Nunzio Galantino"), ("ideological", "Nunzio Galantino")]),
        ("Mayor Ann Lee called the plan “a betrayal of every commuter” or “theft”.",
         [("a betrayal of every commuter", "Ann Lee"), ("theft", "Ann Lee")]),
        # a note in brackets between them (a translation)
        ('Bishop Nunzio Galantino called it "pericoloso, sbagliato" (dangerous) and '
         '"ideologico".',
         [("pericoloso, sbagliato", "Nunzio Galantino"), ("ideologico", "Nunzio Galantino")]),
        # "with" between them, as a conjunction: "a “disaster” with “no end” in sight"
        ("Mayor Ann Lee called it a “disaster” with “no end” in sight.",
         [("disaster", "Ann Lee"), ("no end", "Ann Lee")]),
        # a kept phrase nobody the article names speaks, a verb governing it: both kept
        ("Officials warned the flood is now a “major emergency” with “lasting damage” to "
         "homes.", [("major emergency", None), ("lasting damage", None)]),
        # terms next to each other, no quotation kept: still terms
        ("The “Middle Corridor” and the “Southern Route” were discussed.", []),
        ("The “Blue Line” with “free wifi” opened on Monday.", []),
        # more words than a conjunction between them: a term of its own
        ("“We will fight this ruling,” said Mayor Ann Lee, standing by the “old bridge” in "
         "the rain.",
         [("We will fight this ruling,", "Ann Lee")]),
    ],
)  # fmt: skip
def test_a_short_phrase_joined_to_a_quotation_shares_its_speaker(text, expected):
    extraction = interview(text, None)
    names = {a["id"]: a["name"] for a in extraction.actors}
    found = [(q["text"], names.get(q["speaker_id"])) for q in extraction.quotes]
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a speech verb governs the short words, though nobody named says them
        ('The court described the values as "massive".', ["massive"]),
        ("Officials have called the plan “unworkable”.", ["unworkable"]),
        # "the words" right before the marks: a mention of them
        ('The agency added the words "and Emergency" to its name.', []),
        # scare quotes with no speech verb: terms
        ("The so-called “Middle Corridor” opened in May.", []),
    ],
)
def test_short_words_a_speech_verb_governs_are_quotations_of_nobody_named(text, expected):
    assert [q["text"] for q in interview(text, None).quotes] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a whole short sentence after a colon, however far its speech verb
        (
            "Mayor Ann Lee told reporters gathered outside the town hall on a cold Monday "
            "morning after the vote: “We will rebuild.”",
            [("We will rebuild.", "Ann Lee")],
        ),
        # near its verb, as before
        ("Mayor Ann Lee said: “We will rebuild.”", [("We will rebuild.", "Ann Lee")]),
        # a word after a colon is no sentence: still a term when the verb is far
        (
            "Mayor Ann Lee told reporters gathered outside the town hall on a cold Monday "
            "morning after the vote: “rebuild”.",
            [],
        ),
        # a colon with no one speaking: a slogan, not a quotation
        (
            "The hall was packed on a cold Monday morning, and after the vote the slogan "
            "was: “Rebuild it now.”",
            [],
        ),
    ],
)
def test_a_short_sentence_after_a_colon_is_a_quotation_however_far_its_verb(text, expected):
    extraction = interview(text, None)
    names = {a["id"]: a["name"] for a in extraction.actors}
    assert [(q["text"], names.get(q["speaker_id"])) for q in extraction.quotes] == expected
