"""Statements printed without quotation marks: the paragraphs an introduction announces.

Press releases and government pages reproduce a statement as plain paragraphs after a
line that introduces it: "Secretary X released the following statement:", "The
following statement was issued by X:", "X said in a statement:", "X also commented:".
Those paragraphs are X's words, verbatim in the source, so each is a quotation (kind
``statement``) although no mark delimits it. Only the layout is read here; who X is, is
resolved by the speaker rules (``speakers.py``) from the subject phrase found here.

Conservative by design, since nothing marks where the statement ends: it opens with the
paragraph right after the introduction (which must not itself open with a quotation mark:
then the marks delimit it and the ordinary rules apply) and runs over the following
paragraphs until a heading, a separator (``###``, ``-30-``), a list, a paragraph holding
quotation marks or ending in a colon (the next introduction), one that speaks of the
speaker in the third person ("Mr. X added", "he said"), or the end. Of those, the block
keeps the first paragraph and then only up to the last one written in the first person
("I", "we", "our"): a narrative paragraph after a statement ("Treasury notes that ...")
has none, and is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .interviews import is_heading
from .sentences import Span, sentences
from .vocabulary import SPEECH_VERBS

# Words that make a colon introduce someone's words: a statement noun, or a verb of
# speaking or issuing ("made the following statement:", "also commented:").
_STATEMENT_NOUN = r"(?:statement|remarks|comments|message|declaration|communiqu[eé])"
_ISSUING_VERBS = """released releases issued issues made makes gave gives delivered
    delivers published publishes sent sends""".split()
_VERBS = sorted(SPEECH_VERBS | set(_ISSUING_VERBS), key=len, reverse=True)
_VERB = r"(?:" + "|".join(_VERBS) + r")"
_NAME_WORD = r"(?:[A-Z][\w’'.-]*|(?:al|el|bin|ibn|de|van|von)-?[A-Z][\w’'.-]*)"
_NAME = rf"{_NAME_WORD}(?:[ \u00a0](?:{_NAME_WORD}|of|the|for|and|de|van|von|der))*"
_SUBJECT = (
    rf"(?:[Tt]he\s+(?:[a-z][\w-]*\s+){{0,3}}?(?:[a-z][\w-]*|{_NAME})|{_NAME}"
    r"|[Hh]e|[Ss]he|[Tt]hey|[Ww]e|[Ii]t)"
)
# The issuer named with the document: "the following statement from Secretary Tim
# Geithner on ...", "The following statement was released by X, Y and Z:".
_ISSUED_BY = re.compile(
    rf"\b{_STATEMENT_NOUN}\s+(?:from|by|of)\s+(?P<who>{_NAME})"
    rf"|\b(?:released|issued|made|delivered)\s+(?:jointly\s+)?by\s+(?P<by>{_NAME})"
)
# The subject before the verb: "Mr. Wolfowitz made", "James Wolfensohn also commented",
# "Senator Ann Lee (D-Ore.) today released", "the ministry said in a statement".
_SUBJECT_VERB = re.compile(
    rf"(?P<who>{_SUBJECT})(?:,\s(?:Jr|Sr)\.?)?(?:\s\([^()\n]{{1,30}}\))?(?:,\s[^,:\n]{{1,80}},)?"
    rf"(?:\s+(?:also|today|yesterday|later|then|again|has|have|had|\w+ly|on\s+[A-Z]\w+))*"
    rf"\s+(?P<verb>{_VERB})\b"
)
# "In a statement to the broadcaster, the Church denied ...:": the subject after the
# document's phrase.
_IN_STATEMENT = re.compile(
    rf"^(?:[A-Z]\w*\s+){{0,2}}?[Ii]n\s+(?:a|an|the|his|her|its|their)\s+(?:[\w-]+\s+){{0,2}}?"
    rf"{_STATEMENT_NOUN}\b[^,:]{{0,80}},\s+(?P<who>{_SUBJECT})\s+[a-z]"
)
_THE_STATEMENT = re.compile(
    rf"\b(?P<who>(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s+(?:full\s+|joint\s+|written\s+)?"
    rf"{_STATEMENT_NOUN})\b"
)
_FIRST_PERSON = re.compile(r"\b(?:I|I’m|I'm|I’ve|I've|I’d|I'd|we|We|our|Our|us|my|My|me|ours)\b")
_MARKS = re.compile(r"[“”\"«»„]")
_LIST_ITEM = re.compile(r"^\s*(?:[-*•–]\s|\d+[.)]\s)")
_SEPARATOR = re.compile(r"^\s*(?:[#*=~_-]{3,}|-30-|ENDS?|End|###)\s*$")
# A narrator speaking of the speaker: "he said", "the statement added".
_THIRD_PERSON = re.compile(
    r"\b(?:he|she|they|it|statement|release)\s+(?:also\s+)?"
    r"(?:said|says|added|adds|continued|continues|noted|notes|stated|states)\b"
)


# What may stand between the verb and the colon of a lead-in: whom it was said to and
# where or when ("X told reporters at a press conference on Monday:", "X said in Geneva:").
_SAID_TO_WHOM_WHERE = re.compile(
    rf"\b{_VERB}(?:\s+(?:reporters|journalists|the\s+(?:press|media|crowd|audience|meeting"
    r"|council|court|committee|hearing|conference|parliament|senate))\b)?"
    r"(?:\s+(?:at|in|on|during|after|before|to|outside|via|over)\s+[^,:;.!?]{1,60}?)*\s*$"
)


@dataclass
class StatementIntro:
    """The sentence that announces a statement, and the words naming who makes it."""

    sentence: Span
    who: str
    who_start: int  # offset of ``who`` in the text
    # A statement noun introduces the words ("the following statement:"): they are a
    # statement even when nobody known makes it; after a bare verb ("X also commented:")
    # only when X is somebody the article names.
    names_document: bool = True


@dataclass
class Statement:
    intro: StatementIntro
    paragraphs: list[Span]


def find_statements(paragraphs: list[Span], taken: list[tuple[int, int]]) -> list[Statement]:
    """Statements printed without marks, each with its introduction; ``taken`` are
    stretches other rules already read as someone's words (interview answers)."""
    found: list[Statement] = []
    index = 0
    while index < len(paragraphs) - 1:
        intro = introduction(paragraphs[index])
        if intro is None:
            index += 1
            continue
        block = _block(paragraphs, index + 1, intro, taken)
        if block:
            found.append(Statement(intro, block))
            index += len(block)
        index += 1
    return found


def introduction(paragraph: Span) -> StatementIntro | None:
    """The paragraph's last sentence when it ends in a colon and introduces someone's
    words ("X made the following statement:", "X also commented:"), else None. The
    speaker rules read it too, for a quotation in marks after such a line."""
    if not paragraph.text.rstrip().endswith(":") or _LIST_ITEM.match(paragraph.text):
        return None
    last = sentences(paragraph)[-1]
    words = last.text.rstrip().rstrip(":")
    if _MARKS.search(words):
        return None  # 'X said "…":' is an ordinary frame
    match = _ISSUED_BY.search(words) or _IN_STATEMENT.match(words)
    document = bool(re.search(rf"\b{_STATEMENT_NOUN}\b", words))
    if match is None and (document or _SAID_TO_WHOM_WHERE.search(words)):
        # the subject of the first verb: "X said the report found:" is X's
        matches = list(_SUBJECT_VERB.finditer(words))
        match = matches[0] if matches else None
    if match is None:
        # "The statement reads:", "Here is the full statement:": the document's issuer
        match = _THE_STATEMENT.search(words)
    if match is None:
        return None
    group = "by" if match.groupdict().get("by") else "who"
    who = match.group(group)
    return StatementIntro(last, who, last.start + match.start(group), document)


def _block(
    paragraphs: list[Span], first: int, intro: StatementIntro, taken: list[tuple[int, int]]
) -> list[Span]:
    """The paragraphs of the statement that starts at paragraphs[first] (see the module
    docstring for where it stops)."""
    surname = intro.who.split()[-1] if intro.who[:1].isupper() else None
    run: list[Span] = []
    for paragraph in paragraphs[first:]:
        text = paragraph.text
        if (
            is_heading(paragraph)
            or _SEPARATOR.match(text)
            or _LIST_ITEM.match(text)
            or _MARKS.search(text)
            or text.rstrip().endswith(":")
            or _THIRD_PERSON.search(text)
            or (surname and re.search(rf"\b{re.escape(surname)}\b", text))
            or any(start < paragraph.end and paragraph.start < end for start, end in taken)
        ):
            break
        run.append(paragraph)
    if not run:
        return []
    last_first_person = max(
        (i for i, p in enumerate(run) if _FIRST_PERSON.search(p.text)), default=0
    )
    return run[: last_first_person + 1]
