"""Splitting a source's text into paragraphs and sentences, keeping character offsets."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Words that end with a full stop without ending a sentence.
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "st", "gen", "col", "lt", "sgt", "capt", "gov", "sen",
    "rep", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "jan", "feb", "mar",
    "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n",
    "e.g", "i.e", "approx", "est", "e.o",
    # ranks and titles before a name, as name_tokens reads them ("Det. Varga said")
    "maj", "cpl", "pvt", "rev", "adm", "cmdr", "supt", "insp", "det",
}  # fmt: skip

# A time zone after "a.m." or "p.m.": the time, and the sentence, go on.
_TIME_ZONE_AFTER = re.compile(
    r"\s+\(?(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|UTC|BST|CET|CEST|EET|EEST|"
    r"Eastern|Central|Pacific|Mountain|local)\b"
)
# A date right after an initialism's full stop: "in Washington, D.C. April 14-16, 2016"
# goes on; the date belongs to the place's sentence.
_DATE_AFTER = re.compile(
    r"\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December)\s+\d"
)
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-Z0-9])")


@dataclass(frozen=True)
class Span:
    """A stretch of the source's text: [start, end) offsets and the text itself."""

    start: int
    end: int
    text: str


def paragraphs(text: str) -> list[Span]:
    """Non-blank lines: news bodies put one paragraph per line."""
    spans, offset = [], 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped:
            start = offset + line.index(stripped[0])
            spans.append(Span(start, start + len(stripped), stripped))
        offset += len(line)
    return spans


def sentences(paragraph: Span) -> list[Span]:
    """Sentences of one paragraph; a full stop after an abbreviation or initial does not end one."""
    spans, start = [], 0
    text = paragraph.text
    for match in _SENTENCE_END.finditer(text):
        if text[match.start()] == "." and (token := _word_before(text, start, match.start())):
            if token in ABBREVIATIONS or (len(token) == 1 and token.isalpha()):
                continue
            if token in ("a.m", "p.m") and _TIME_ZONE_AFTER.match(text, match.end()):
                continue  # "at 11:00 a.m. ET on Tuesday": the time goes on
            if "." in token and _DATE_AFTER.match(text, match.end()):
                continue  # "Washington, D.C. April 14-16": the date goes on
        end = match.end()
        spans.append(_span(paragraph, start, end))
        start = end
        while start < len(text) and text[start].isspace():
            start += 1
    if start < len(text):
        spans.append(_span(paragraph, start, len(text)))
    return spans


def _word_before(text: str, start: int, stop: int) -> str:
    """The word (letters, digits, inner full stops: "U.S") that ends at text[stop], not
    before text[start], lowercased; read backwards, so a long sentence is not rescanned
    for each of its full stops."""
    first = stop
    while first > start and (text[first - 1].isalnum() or text[first - 1] in "._"):
        first -= 1
    return text[first:stop].lower()


def _span(paragraph: Span, start: int, end: int) -> Span:
    return Span(paragraph.start + start, paragraph.start + end, paragraph.text[start:end])
