"""Patterns rewritten for speed find exactly what their plain spelling finds.

Several whole-text patterns test the character before a word in a lookbehind placed
after the word's first letter ("[A-Z](?<![\\w-][A-Z])" for "(?<![\\w-])[A-Z]", "M(?<!\\w.)onday"
for "\\bMonday"), so the regex engine can skip to that letter instead of trying the
assertion at every character. Each is compared here with the plain spelling, on the
development set's articles and on random strings made of the characters that matter.
"""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from timeline.extract import events, name_cues, officeholders, places
from timeline.extract.speakers import _UPPER

DEVSET = Path(__file__).resolve().parent.parent / "fixtures" / "devset" / "articles"

_FULL_NAME_PLAIN = (
    rf"(?<![\w’'-])((?:[{_UPPER}][\w’'-]+[ \u00a0]+)(?:(?:[“\"‘][{_UPPER}][\w’'-]*[”\"’]"
    rf"|[{_UPPER}]\.|[{_UPPER}][\w’'-]+|de|van|von|al|bin)[ \u00a0]+){{0,3}})"
    rf"([{_UPPER}][\w’'-]+)\b"
)
_FULL_NAME_FAST = (
    rf"((?:[{_UPPER}](?<![\w’'-][{_UPPER}])[\w’'-]+[ \u00a0]+)"
    rf"(?:(?:[“\"‘][{_UPPER}][\w’'-]*[”\"’]"
    rf"|[{_UPPER}]\.|[{_UPPER}][\w’'-]+|de|van|von|al|bin)[ \u00a0]+){{0,3}})"
    rf"([{_UPPER}][\w’'-]+)\b"
)
_WORDS = ["Ann ", "Lee", "the ", "The ", "US", "U.S.", "UK", "presidents", " of ", "and "]
_WORDS += ["Monday", "Sunday", "de ", "van ", "Mr. ", "said", "“Jo” "]

CASES = [
    (
        "capitalised word",
        r"(?<![\w’'.-])([A-Z][a-z][\w’'-]+)(?=\s)",
        name_cues._CAPITALISED_WORD,
    ),
    ("capitalised pair", r"(?<![\w’'-])([A-Z][\w’'-]*)[ \u00a0]([A-Z][\w’'-]+)", name_cues._PAIR),
    ("mid-sentence capital", r"(?<=[a-z,;] )([A-Z][a-z][\w’'-]*)", name_cues._MID_SENTENCE_CAPITAL),
    (
        "sentence opener",
        r"(?:^|(?<=[.!?]\s)|(?<=\n))([A-Z][a-z][\w-]*)",
        name_cues._SENTENCE_OPENER,
    ),
    (
        "weekday",
        r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b",
        events._WEEKDAY_WORD,
    ),
    (
        "initials after the",
        r"\bthe " + places._INITIALS_AFTER_THE.pattern.removeprefix("the(?<=\\bthe) "),
        places._INITIALS_AFTER_THE,
    ),
    (
        "plural title",
        r"\b[Tt]he" + officeholders._PLURAL_TITLE.pattern.removeprefix(r"[Tt]he(?<=\b[Tt]he)"),
        officeholders._PLURAL_TITLE,
    ),
    ("full name", _FULL_NAME_PLAIN, re.compile(_FULL_NAME_FAST)),
]


def _found(pattern: re.Pattern[str], text: str) -> list:
    return [(match.span(), match.groups()) for match in pattern.finditer(text)]


def _samples() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted(DEVSET.glob("*.txt"))]
    pieces = list("AZaz  ..!?\n,;’'-_1é\u00a0\t") + _WORDS
    rng = random.Random(13)
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 12))) for _ in range(20000)]
    return texts


SAMPLES = _samples()


@pytest.mark.parametrize(("name", "plain", "fast"), CASES, ids=[case[0] for case in CASES])
def test_fast_spelling_finds_what_the_plain_one_finds(name, plain, fast):
    plain = re.compile(plain, fast.flags)
    assert plain.pattern != fast.pattern
    for text in SAMPLES:
        assert _found(fast, text) == _found(plain, text), (name, text)
        assert bool(fast.search(text)) == bool(plain.search(text)), (name, text)
