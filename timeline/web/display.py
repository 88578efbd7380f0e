"""Dates for people: "10 August 2025", "autumn 2025", "June – July 2025", never more precise
than the source.

The database stores an EDTF string and its precision; pages and exports need words. One
function turns the first into the second so the timeline page, TimelineJS and iCalendar
all say the same thing.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..dates import SEASON_NAMES

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH_OR_SEASON = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")


def _parts(edtf_part: str) -> tuple[int, int | None, int | None, str]:
    """(year, month or season code, day, precision) of one EDTF date without qualifiers."""
    if match := _DAY.match(edtf_part):
        year, month, day = (int(group) for group in match.groups())
        return year, month, day, "day"
    if match := _MONTH_OR_SEASON.match(edtf_part):
        year, code = int(match.group(1)), int(match.group(2))
        return year, code, None, "season" if code in SEASON_NAMES else "month"
    if match := _YEAR.match(edtf_part):
        return int(match.group(1)), None, None, "year"
    raise ValueError(f"not an EDTF date: {edtf_part!r}")


def _single(edtf_part: str) -> str:
    year, month, day, precision = _parts(edtf_part)
    if precision == "day":
        return f"{day} {calendar.month_name[month]} {year}"
    if precision == "month":
        return f"{calendar.month_name[month]} {year}"
    if precision == "season":
        return f"{SEASON_NAMES[month]} {year}"
    return str(year)


def _range(start: str, end: str) -> str:
    """Both ends, sharing what they share: "10–15 August 2025", "June – July 2025"."""
    (y1, m1, d1, p1), (y2, m2, d2, p2) = _parts(start), _parts(end)
    if p1 == p2 == "day" and y1 == y2:
        if m1 == m2:
            return f"{d1}–{d2} {calendar.month_name[m1]} {y1}"
        return f"{d1} {calendar.month_name[m1]} – {d2} {calendar.month_name[m2]} {y1}"
    if p1 == p2 == "month" and y1 == y2:
        return f"{calendar.month_name[m1]} – {calendar.month_name[m2]} {y1}"
    if p1 == p2 == "year":
        return f"{y1}–{y2}"
    return f"{_single(start)} – {_single(end)}"


def strip_qualifiers(edtf_text: str) -> tuple[str, bool, bool]:
    """('2025-06', approximate, uncertain) from '2025-06~' and the like, for each part."""
    approximate = "~" in edtf_text or "%" in edtf_text
    uncertain = "?" in edtf_text or "%" in edtf_text
    return re.sub(r"[~?%]", "", edtf_text), approximate, uncertain


def display_date(edtf_text: str) -> str:
    """The date in words, as precise as it is: '10 August 2025', 'autumn 2025', 'about 2025'.

    >>> display_date("2025-23")
    'autumn 2025'
    >>> display_date("2025-08-10/2025-08-15")
    '10–15 August 2025'
    """
    plain, approximate, uncertain = strip_qualifiers(edtf_text)
    parts = plain.split("/")
    words = _range(*parts) if len(parts) == 2 else _single(parts[0])
    if approximate:
        words = f"about {words}"
    if uncertain:
        words = f"{words} (uncertain)"
    return words


def month_heading(edtf_text: str, start: str, end: str) -> str:
    """The sub-heading an event sits under on the timeline page, within its year.

    Events within one calendar month sit under that month; vaguer ones under their own
    period ("autumn 2025", "2025", "June – July 2025") so nothing looks more precise than
    it is.
    """
    first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
    if (first.year, first.month) == (last.year, last.month):
        return f"{calendar.month_name[first.month]} {first.year}"
    plain, _, _ = strip_qualifiers(edtf_text)
    parts = plain.split("/")
    if len(parts) == 1 and _parts(parts[0])[3] == "year":
        return f"Sometime in {first.year}"
    return display_date(plain)


def iso_parts(edtf_part: str) -> dict[str, int]:
    """{'year', 'month'?, 'day'?} of one EDTF date: only the parts the source gives.

    A season gives no month; callers that need one (TimelineJS) use ``season_months``.
    """
    plain, _, _ = strip_qualifiers(edtf_part)
    year, month, day, precision = _parts(plain)
    parts = {"year": year}
    if precision in ("month", "day"):
        parts["month"] = month
    if precision == "day":
        parts["day"] = day
    return parts


def is_season(edtf_part: str) -> bool:
    plain, _, _ = strip_qualifiers(edtf_part)
    return _parts(plain)[3] == "season"
