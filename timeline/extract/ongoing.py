"""Happenings that run from a date up to publication: "Since <date>, X has done …".

"Since 2022, Kazakhstan has consistently supported …" does not report something done in
2022: the support runs from 2022 to the time of writing, so its date is the range from
2022 to the publication date. The same holds for "X have suggested … following talks in
January": done at some time after January, before the article. Two conditions make the
range: "since", "after" or "following" governs the date expression (nothing but words
between them, no punctuation), and the rest of the sentence is in the present perfect
("has supported", "have been held"), the tense of something done up to now. In the past
tense ("X resigned after the scandal in 2019") the date stays a point.

When words stand between "since" and the date ("Since beginning his tenure … last
August", "following talks held in Abu Dhabi in January"), they name a happening of
their own on that date, which stays a candidate next to the range, typed from those
words; the range is typed from the rest of the sentence, the words that say what went on.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from ..dates import TimelineDate
from .relative_dates import DateMention, Published
from .sentences import Span

_GOVERNOR = re.compile(r"\b(?:[Ss]ince|[Aa]fter|[Ff]ollowing)\b")
# has/have, adverbs, "been", then a past participle: regular (-ed) or a common irregular
# ending (seen, shown, done, brought, held, kept, made, met, …).
_PRESENT_PERFECT = re.compile(
    r"\b(?:has|have)\s+(?:(?:also|not|never|already|\w+ly)\s+)*(?:been\s+)?"
    r"[a-z]+(?:ed|en|wn|ne|ght|ung|pt|ade|eld|ome|ost|uck|et|id|un|ld)\b"
)
# Words between the governing word and its date: at most this many characters.
_MAX_GAP = 80


@dataclass(frozen=True)
class OngoingRange:
    """A happening running from a date up to publication."""

    date: DateMention  # the range; its expression runs from "since" to the date
    wording: str  # the sentence without the "since …" phrase: what went on
    phrase: str  # "Since taking office last August": what happened on the date
    names_happening: bool  # words between "since" and the date name one of their own


def publication_end(published: Published) -> dt.date:
    """The last day the publication date can mean."""
    if published.precision == "day":
        return published.date
    if published.precision == "month":
        last = calendar.monthrange(published.date.year, published.date.month)[1]
        return published.date.replace(day=last)
    return dt.date(published.date.year, 12, 31)


def ongoing_range(
    text: str, evidence: Span, dates: list[DateMention], published: Published | None
) -> OngoingRange | None:
    """The range a "since/after/following <date>" with a present perfect opens, or None."""
    if published is None:
        return None
    for match in _GOVERNOR.finditer(text, evidence.start, evidence.end):
        governed = [d for d in dates if d.end > match.start()]
        if not governed:
            continue
        date = governed[0]
        gap = text[match.end() : date.start] if date.start >= match.end() else ""
        if len(gap) > _MAX_GAP or re.search(r"[,;:.!?“”\"()]", gap):
            continue
        phrase_start = min(match.start(), date.start)
        wording = text[evidence.start : phrase_start] + text[date.end : evidence.end]
        if date.date.precision == "range" or not _PRESENT_PERFECT.search(wording):
            continue
        end = publication_end(published)
        if end <= date.date.end:
            continue
        expression = text[phrase_start : date.end]
        mention = DateMention(
            phrase_start,
            date.end,
            expression,
            TimelineDate(
                f"{date.date.edtf.rstrip('~?')}/{published}",
                "range",
                date.date.start,
                end,
                date.date.approximate,
            ),
            f"'{expression}' with a present perfect: from {date.date.edtf} "
            f"to the publication date, {published}",
            date.absolute,
        )
        return OngoingRange(mention, wording, expression, bool(gap.strip()))
    return None
