"""Cutting a text into word tokens that know how far the capitalised phrase they open runs."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .names import name_key
from .vocabulary import FUNCTION_WORDS

# "O'Neill", "D’Souza": a capital, an apostrophe and a capital are one name, while
# "Kazakhstan’s" stays a word and its possessive.
_TOKEN = re.compile(
    r"U\.S\.(?:A\.)?|U\.K\.|U\.N\.|E\.U\.|[A-Z]['’][A-Z][\w]*(?:[-‐][\w]+)*"
    r"|[^\W\d_][\w]*(?:[-‐][\w]+)*|\d[\w]*|&(?= [A-Z])"
)
_ARTICLE_NAME = re.compile(r"(?:al|el|ad|ash|as|at|az|bin|ibn)-[A-Z][\w’'-]*")


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    key: str
    # Set once by tokenize: asked again and again while phrases are read.
    capitalised: bool = False
    # The last token joined to this one by single spaces (or an abbreviation's ". "):
    # "are tokens i..j one phrase" is then one comparison, not a scan of the gaps.
    run_end: int = 0


_WORD_KEYS: dict[str, str] = {}


def _word_key(word: str) -> str:
    """``name_key`` of one token, remembered in a plain dict (bounded: cleared when full);
    a plain ASCII word is only lowercased, the same answer without the Unicode
    normalisation every other spelling needs."""
    key = _WORD_KEYS.get(word)
    if key is None:
        if word.isascii() and word.replace("-", "").isalnum():
            key = word.lower()
        else:
            key = name_key(word)
        if len(_WORD_KEYS) > 65536:
            _WORD_KEYS.clear()
        _WORD_KEYS[word] = key
    return key


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Word tokens of text[start:end], each knowing how far the phrase it starts runs (one
    pass over the text, then one back over the tokens)."""
    tokens = []
    append = tokens.append
    article_name = _ARTICLE_NAME.fullmatch
    keys = _WORD_KEYS
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        # "al-Amr", "el-Sisi", "bin-Salman": an Arabic article inside a capitalised name
        capitalised = word[0].isupper() or ("-" in word[:4] and bool(article_name(word)))
        first, last = match.span()
        append(Token(first, last, word, keys.get(word) or _word_key(word), capitalised))
    run_end = len(tokens) - 1
    for index in range(len(tokens) - 2, -1, -1):
        token, after = tokens[index], tokens[index + 1].start
        gap = after - token.end
        if not (
            gap == 1
            and text[token.end] in _SPACES
            or gap == 2
            and text[token.end] == "."
            and text[token.end + 1] == " "
            and (token.text in _ABBREVIATED or _is_initial(text, token, tokens[index + 1]))
            or _in_nickname(text, tokens, index)
        ):
            run_end = index
        token.run_end = run_end
    if tokens:
        tokens[-1].run_end = len(tokens) - 1
    return tokens


_NICKNAME_OPEN = frozenset((" “", ' "', "\u00a0“", '\u00a0"'))
_NICKNAME_CLOSE = frozenset(("” ", '" ', "”\u00a0", '"\u00a0'))


def _in_nickname(text: str, tokens: list[Token], index: int) -> bool:
    """True when the gap after tokens[index] opens or closes a quoted nickname inside a
    name, so the name stays one phrase: "Patricia “Patty” S. Collins", "John "Jack"
    Smith". Only one capitalised word between capitalised words counts, so a
    quotation after a name ("Smith “Hello there”") does not join."""
    token, after = tokens[index], tokens[index + 1]
    gap = text[token.end : after.start]
    if gap in _NICKNAME_OPEN and index + 2 < len(tokens):
        nickname, then = after, tokens[index + 2]
        return (
            token.capitalised
            and nickname.capitalised
            and then.capitalised
            and text[nickname.end : then.start] in _NICKNAME_CLOSE
        )
    if gap in _NICKNAME_CLOSE and index >= 1:
        before = tokens[index - 1]
        return (
            before.capitalised
            and token.capitalised
            and after.capitalised
            and text[before.end : token.start] in _NICKNAME_OPEN
        )
    return False


def _is_initial(text: str, token: Token, after: Token) -> bool:
    """A capital letter and its full stop inside a name ("J. Ross Tate"), not a sentence
    ending in a letter ("Plan B. The ...") nor the last letter of a dotted abbreviation
    ("in Washington D.C. Fans cheered")."""
    return (
        len(token.text) == 1
        and token.text.isupper()
        and after.text not in FUNCTION_WORDS
        and not (token.start > 0 and text[token.start - 1] == ".")
    )


def opens_sentence(text: str, start: int, token: Token) -> bool:
    """Whether a token opens a sentence of the stretch beginning at ``start``."""
    if token.start == start:
        return True
    before = text[max(start, token.start - 3) : token.start].rstrip(_OPENING_MARKS)
    return not before or before[-1] in _SENTENCE_ENDS


_OPENING_MARKS = " \u00a0“\"«‘'("
_SENTENCE_ENDS = frozenset(".!?:\n—–-")
_SPACES = frozenset((" ", "\u00a0"))


# Abbreviations whose full stop does not end a name: "St. Petersburg", "Army Maj. Ann Lee".
_ABBREVIATED = {
    "St", "Mt", "Ft", "Maj", "Gen", "Col", "Lt", "Sgt", "Capt", "Cpl", "Pvt", "Rep", "Sen",
    "Gov", "Rev", "Dr", "Prof", "Mr", "Mrs", "Ms", "Adm", "Cmdr", "Supt", "Insp", "Det",
}  # fmt: skip


def _joined(tokens: list[Token], i: int, j: int) -> bool:
    """True when tokens i..j are separated by single spaces only (one phrase)."""
    return tokens[i].run_end >= j
