"""Event types from keywords: the cheap stem gate gives exactly what searching with every
pattern gives, on every sentence of the seed and development articles, and a table of
sentences of each kind gets its type."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.extract.events import _TYPE_PATTERNS, TYPE_RULES, event_type, possible_types
from timeline.extract.sentences import paragraphs, sentences

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = sorted((ROOT / "seeds" / "articles").glob("*.txt")) + sorted(
    (ROOT / "fixtures" / "devset" / "articles").glob("*.txt")
)


def every_pattern(sentence: str) -> list[str]:
    return [name for name, pattern in _TYPE_PATTERNS if pattern.search(sentence)]


def test_gated_types_equal_searching_with_every_pattern():
    checked = 0
    for path in ARTICLES:
        text = path.read_text(encoding="utf-8")
        for paragraph in paragraphs(text):
            for sentence in sentences(paragraph):
                expected = every_pattern(sentence.text)
                assert possible_types(sentence.text) == (set(expected) or {"other"}), sentence
                assert event_type(sentence.text) == (expected or ["other"])[0], sentence
                checked += 1
    assert checked > 1000  # the articles were read


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The two leaders spoke by phone on Monday.", "phone_call"),
        ("Rockets struck a depot near the border overnight.", "attack"),
        ("The envoy was SUMMONED to the ministry.", "recall"),
        ("She took office in May after a close vote.", "appointment"),
        ("Both sides signed a memorandum on fisheries.", "agreement"),
        ("A ceasefire was brokered late on Friday.", "negotiation"),
        ("Thousands joined a protest outside parliament.", "rally"),
        ("The charity donated blankets to the shelter.", "aid"),
        ("The mayor travelled to the coast.", "trip"),
        ("Ministers met on the sidelines of the forum.", "meeting"),
        ("Grain exports doubled last year.", "trade"),
        ("The company announced the closure of two plants.", "statement"),
        ("A storm flooded the valley.", "other"),
    ],
)
def test_sentence_gets_the_type_of_its_first_keyword(sentence, expected):
    assert event_type(sentence) == expected


def test_every_rule_has_stems():
    from timeline.extract.events import TYPE_STEMS

    assert [name for name, _ in TYPE_RULES] == list(TYPE_STEMS)
