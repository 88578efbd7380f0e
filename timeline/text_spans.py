"""Finding verbatim excerpts in a source's text, and explaining near misses."""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right

from rapidfuzz import fuzz

# Characters people type differently from what publishers print.
_FOLDED = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u00a0": " ",
    }
)


def fold_typography(text: str) -> str:
    """Straight quotes, plain hyphens and single spaces: for comparisons, never for storage."""
    return " ".join(text.translate(_FOLDED).split())


def find_occurrences(needle: str, haystack: str) -> list[int]:
    """Start offsets of every exact occurrence of needle in haystack (overlaps allowed)."""
    starts, position = [], haystack.find(needle)
    while needle and position != -1:
        starts.append(position)
        position = haystack.find(needle, position + 1)
    return starts


def nth_occurrence(needle: str, haystack: str, n: int) -> int:
    """Start offset of the n-th (from 1) occurrence of needle, or -1: stops there,
    where counting every occurrence would scan the whole text for each excerpt."""
    position = haystack.find(needle) if needle else -1
    for _ in range(n - 1):
        if position == -1:
            break
        position = haystack.find(needle, position + 1)
    return position


def line_number(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def explain_missing(needle: str, haystack: str) -> str:
    """Why an excerpt was not found: the closest passage, and what differs if we can tell."""
    if passage := _passage_in_other_form(needle, haystack):
        return (
            "it differs from the article only in Unicode normalisation: "
            f"{_form_of(needle)} in the record, {_form_of(passage)} in the article, which "
            "look the same; copy the passage from the article, or convert the record file "
            f"to the article's form ({_form_name(passage)}): {passage!r}"
        )
    if fold_typography(needle) and fold_typography(needle) in fold_typography(haystack):
        alignment = fuzz.partial_ratio_alignment(needle, haystack)
        passage = haystack[alignment.dest_start : alignment.dest_end]
        return (
            "it differs from the article only in quotation marks, apostrophes, dashes or "
            f"spaces; copy it exactly as printed: {passage!r}"
        )
    alignment = fuzz.partial_ratio_alignment(needle, haystack)
    if alignment is not None and alignment.score >= 60:
        passage = haystack[alignment.dest_start : alignment.dest_end]
        line = line_number(haystack, alignment.dest_start)
        return f"closest passage, body line {line}: {passage!r}"
    return "nothing similar is in the article; check the source id"


def _passage_in_other_form(needle: str, haystack: str) -> str | None:
    """The haystack's passage that equals the needle once both are in one Unicode normal
    form (NFC), or None. They then differ only in how accents are written: 'é' as one
    character (NFC) or as 'e' plus a combining accent (NFD), which look the same on
    screen. Matching stays exact (offsets count the article's own characters); this
    only words the message."""
    if needle.isascii():
        return None
    target = unicodedata.normalize("NFC", needle)
    # The haystack in clusters (a character and the combining marks after it), each
    # normalised on its own, so a match found in the normalised text maps back to
    # whole characters of the original.
    starts, pieces = [], []
    for index, char in enumerate(haystack):
        if not pieces or not unicodedata.combining(char):
            starts.append(index)
            pieces.append(char)
        else:
            pieces[-1] += char
    pieces = [unicodedata.normalize("NFC", piece) for piece in pieces]
    normalised = "".join(pieces)
    found = normalised.find(target)
    if found == -1:
        return None
    offsets, position = [], 0
    for piece in pieces:
        offsets.append(position)
        position += len(piece)
    first = bisect_right(offsets, found) - 1
    last = bisect_left(offsets, found + len(target))
    end = starts[last] if last < len(starts) else len(haystack)
    return haystack[starts[first] : end]


def _form_name(text: str) -> str:
    if unicodedata.is_normalized("NFC", text):
        return "NFC"
    return "NFD" if unicodedata.is_normalized("NFD", text) else "mixed"


def _form_of(text: str) -> str:
    return {
        "NFC": "accented letters as single characters (NFC)",
        "NFD": "accents as separate combining characters (NFD)",
        "mixed": "accents written both ways (neither NFC nor NFD)",
    }[_form_name(text)]
