"""Quotation marks, speakers and the term rule, one row per pattern."""

from __future__ import annotations

import pytest

from timeline.articles import read_article
from timeline.extract.pipeline import extract_article
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
    """An answer paragraph is an interview answer; words in marks, even inside an answer,
    are a quotation."""
    path = ARTICLES / "patterns-interview-marks.txt"
    extraction = extract_article(read_article(path, path.name, []), [], [])
    kinds = {q["text"]: q["kind"] for q in extraction.quotes}
    assert kinds["A new warning system, which we will test this summer."] == "interview answer"
    assert kinds["We have nothing left to save but the church and the school."] == "quotation"
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
