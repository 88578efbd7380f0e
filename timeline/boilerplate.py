"""Page junk inside an article (tickers, share buttons): find it, mark it, never delete it."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

# A line this short that repeats this often is page furniture, not reporting.
REPEATED_LINE_MIN_COUNT = 3
REPEATED_LINE_MAX_LENGTH = 120
_NOT_NEWLINE = re.compile(r"[^\n]")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    reason: str


def _line_spans(text: str):
    """(start, end, line) for every line, end excluding the newline."""
    position = 0
    for line in text.split("\n"):
        yield position, position + len(line), line
        position += len(line) + 1


def find_boilerplate(text: str, patterns: list[tuple[re.Pattern, str]]) -> list[Span]:
    """Spans of lines matching a declared pattern, or repeated like a ticker; merged."""
    counts = Counter(line.strip() for _, _, line in _line_spans(text))
    marked: list[Span] = []
    for start, end, line in _line_spans(text):
        reason = next((why for pattern, why in patterns if pattern.search(line)), None)
        stripped = line.strip()
        if (
            reason is None
            and stripped
            and len(stripped) <= REPEATED_LINE_MAX_LENGTH
            and counts[stripped] >= REPEATED_LINE_MIN_COUNT
        ):
            reason = f"line repeated {counts[stripped]} times"
        if reason is not None and start < end:
            marked.append(Span(start, end, reason))
    return _merge_adjacent(text, marked)


def _merge_adjacent(text: str, spans: list[Span]) -> list[Span]:
    """Join spans of one kind separated only by white space: one ticker, one span."""
    merged: list[Span] = []
    for span in spans:
        if (
            merged
            and _same_kind(merged[-1].reason, span.reason)
            and not text[merged[-1].end : span.start].strip()
        ):
            merged[-1] = Span(merged[-1].start, span.end, merged[-1].reason)
        else:
            merged.append(span)
    return merged


def _same_kind(first: str, second: str) -> bool:
    repeated = "line repeated"
    return first == second or (first.startswith(repeated) and second.startswith(repeated))


def blank_out(text: str, spans: list[Span]) -> str:
    """The text with every marked character but newlines turned into a space.

    Same length as the original, so an offset into one is an offset into the other.
    """
    pieces, position = [], 0
    for span in spans:  # sorted and disjoint: find_boilerplate merges them in order
        pieces.append(text[position : span.start])
        pieces.append(_NOT_NEWLINE.sub(" ", text[span.start : span.end]))
        position = span.end
    pieces.append(text[position:])
    return "".join(pieces)
