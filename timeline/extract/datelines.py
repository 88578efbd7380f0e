"""The publication day a dateline gives, when the front matter gives only a month or year.

Wire copy and press releases open with a dateline: "WASHINGTON, May 7, 2015 —",
"Thursday, May 7, 2015" on a line of its own, "KYIV, May 7 (Reuters) -". A source whose
``published`` is only "2015-05" cannot say which Tuesday "on Tuesday" is; its dateline can.
The day is taken when it lies within the published month or year (a dateline that
contradicts the front matter is not trusted), and every date resolved from it says so.
"""

from __future__ import annotations

import datetime as dt
import re

from .relative_dates import MONTHS, Published
from .sentences import Span

# "May", "Sept", "September": the month names the date rules read, as a dateline writes them.
_MONTHS = {name.capitalize(): number for name, number in MONTHS.items()}
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z .'-]{1,40},\s+)?"  # WASHINGTON,
    r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),\s+)?"
    r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?\s+"
    r"(?P<day>\d{1,2})(?:,\s+(?P<year>\d{4}))?"
    # then the dateline's end: a dash, an agency in brackets, or the end of the line
    r"(?=\s*(?:[—–-]|\(|$))"
)


def dateline_day(
    text: str, paragraphs: list[Span], published: Published | None
) -> Published | None:
    """``published`` made a day by the dateline of the first paragraph, when the front
    matter gives only a month or a year and the dateline's day lies within it; else
    ``published`` as it is."""
    if published is None or published.precision == "day" or not paragraphs:
        return published
    first = paragraphs[0]
    found = _DATELINE.match(text, first.start, first.end)
    if found is None:
        return published
    year = int(found.group("year") or published.date.year)
    try:
        day = dt.date(year, _MONTHS[found.group("month")], int(found.group("day")))
    except ValueError:
        return published
    if day.year != published.date.year or (
        published.precision == "month" and day.month != published.date.month
    ):
        return published
    return Published(day, "day", f"the dateline “{found.group().strip()}”")
