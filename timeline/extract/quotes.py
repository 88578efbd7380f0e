"""Finding quotations: spans between quotation marks, nested ones included.

Marks pair up inside one paragraph with a stack, so nested quotes (“... ‘...’ ...”, or
“... “...” ...” as some outlets print them) close in the right order. Curly, straight
and guillemet double marks are one family: publishers mix them (“..." happens). A
straight mark opens after a space or at the start of a paragraph and closes otherwise.
A ’ between two letters is an apostrophe, never a closing mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

from .sentences import Span
from .vocabulary import SPEECH_VERBS

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_SINGLE_OPEN = "‘"
_SINGLE_CLOSE = "’"
_MARKS = re.compile(r"[“„«”»‘’\"']")
# A straight single mark (scraped pages flatten ‘ ’ to ') closes a quotation only after
# the punctuation that ends one ("'We will fight on,' said X"); elsewhere it is an
# apostrophe ("the workers' union", "don't") or a term's mark, left alone.
_STRAIGHT_SINGLE_CLOSING_AFTER = ",.!?;:…"
_WORD = re.compile(r"[^\W_]+(?:[-’'][^\W_]+)*")
_OPENING_CONTEXT = " \t\u00a0([{—–-/:"
# The term rule: a quotation of this many words or fewer, with no one saying it, is a
# term or a name in scare quotes (the “Middle Corridor”), not a quotation.
TERM_MAX_WORDS = 3


@dataclass
class QuoteSpan:
    """The words between a pair of quotation marks (marks excluded)."""

    start: int
    end: int
    text: str
    mark_start: int  # offset of the opening mark
    mark_end: int  # offset just after the closing mark
    depth: int = 0  # 0 for a top-level quotation, 1 inside another, ...

    @cached_property
    def words(self) -> int:
        return len(_WORD.findall(self.text))


def find_quote_spans(text: str, paragraphs: list[Span]) -> list[QuoteSpan]:
    """Every paired quotation in the text, top-level and nested, in order of opening.

    A quotation left open at a paragraph's end runs to that end: it is kept, not lost.
    That is also the newspaper convention for a quotation of several paragraphs (no
    closing mark at a paragraph's end, a new opening mark on the next), which so becomes
    one quotation per paragraph, each from its opening mark, as annotators count them;
    the attribution rules give the later ones the speaker of the first."""
    spans: list[QuoteSpan] = []
    for paragraph in paragraphs:
        found, still_open = _paragraph_quotes(text, paragraph)
        spans.extend(found)
        if still_open is not None:
            spans.append(_span(text, still_open, paragraph.end, depth=0, by_mark=False))
    spans.sort(key=lambda span: span.mark_start)
    return spans


def _is_letter(text: str, index: int) -> bool:
    return 0 <= index < len(text) and text[index].isalnum()


def _paragraph_quotes(text: str, paragraph: Span) -> tuple[list[QuoteSpan], int | None]:
    """The paragraph's quotations, and the opening mark of a top-level double quotation
    still open at its end (None if none)."""
    stack: list[tuple[int, str]] = []  # (offset of opening mark, 'double' | 'single')
    found: list[QuoteSpan] = []
    for match in _MARKS.finditer(text, paragraph.start, paragraph.end):
        at, mark = match.start(), match.group()
        family = "single" if mark in _SINGLE_OPEN + _SINGLE_CLOSE + "'" else "double"
        if mark == '"':
            opening = (
                at == paragraph.start
                or text[at - 1] in _OPENING_CONTEXT + "“‘«"
                or _opens_after_lead_in(text, at, paragraph, stack)
            )
            role = "open" if opening else "close"
        elif mark == "'":
            if at == paragraph.start or text[at - 1] in _OPENING_CONTEXT + '“"«':
                if not text[at + 1 : at + 2].isalpha():
                    continue  # '90s
                role = "open"
            elif text[at - 1] in _STRAIGHT_SINGLE_CLOSING_AFTER and not _is_letter(text, at + 1):
                role = "close"
            else:
                continue
        elif mark == "“" and stack and text[stack[-1][0]] == "„":
            role = "close"  # „…“
        elif mark in _DOUBLE_OPEN or mark in _SINGLE_OPEN:
            role = "open"
        else:
            role = "close"
        if family == "single":
            if role == "open" and _is_letter(text, at - 1):
                continue
            if role == "close" and _is_letter(text, at - 1) and _is_letter(text, at + 1):
                continue  # Kazakhstan’s
            if role == "close" and at > paragraph.start and text[at - 1].isspace():
                continue  # “the ’90s”, “rock ’n’ roll”: a closing mark follows a word
        if role == "open":
            stack.append((at, family))
            continue
        for index in range(len(stack) - 1, -1, -1):
            if stack[index][1] == family:
                opened = stack[index][0]
                del stack[index:]
                found.append(_span(text, opened, at, depth=index))
                break
    # A straight ' left open is an apostrophe after all ("the 'aa-1' record"): it holds
    # no quotation inside it, so depths count only the quotations that close.
    unpaired = [entry for entry in stack if text[entry[0]] != "'"]
    still_open = unpaired[0][0] if unpaired and unpaired[0][1] == "double" else None
    return _nested_depths(found), still_open


def _opens_after_lead_in(text: str, at: int, paragraph: Span, stack: list) -> bool:
    """A straight mark typed after the lead-in's comma or colon, the space after it
    (`Wilkins said," [Warhol] liked …"`): with no double quotation open it has nothing
    to close, so it opens one, when words follow it and a speech verb ends the words
    before it. A `,"` after other words closes a quotation whose opening mark is in an
    earlier paragraph or was lost (`… we left," said the spokesman`): left alone."""
    if text[at - 1] not in ",:" or any(family == "double" for _, family in stack):
        return False
    after = text[at + 1 : min(at + 3, paragraph.end)]
    if not re.match(r"\s?[\w\[(‘']", after):
        return False
    lead_in = _WORD.findall(text[max(paragraph.start, at - 40) : at - 1])[-3:]
    return any(word.lower() in SPEECH_VERBS for word in lead_in)


def _nested_depths(found: list[QuoteSpan]) -> list[QuoteSpan]:
    """Each quotation's depth: how many of the others enclose it (they never cross)."""
    ends: list[int] = []
    for span in sorted(found, key=lambda s: (s.mark_start, -s.mark_end)):
        while ends and ends[-1] <= span.mark_start:
            ends.pop()
        span.depth = len(ends)
        ends.append(span.mark_end)
    return found


def _span(text: str, opened: int, closed: int, depth: int, by_mark: bool = True) -> QuoteSpan:
    """The quotation from the mark at ``opened`` to the mark at ``closed`` (or, for one
    never closed, ``by_mark=False``, to the offset ``closed``: its paragraph's end)."""
    start, end = opened + 1, closed
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(start, end, text[start:end], opened, closed + 1 if by_mark else closed, depth)


def inside(span: QuoteSpan, outer: QuoteSpan) -> bool:
    return outer.mark_start < span.mark_start and span.mark_end <= outer.mark_end
