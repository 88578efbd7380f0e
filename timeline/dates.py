"""Dates with their real precision: EDTF strings in, precision and day bounds out.

Seed files write event dates in EDTF (Library of Congress Extended Date/Time Format),
parsed by the ``edtf`` package; we add friendly season names and messages that say
exactly what is wrong with an impossible date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import time
from dataclasses import dataclass

import edtf

SEASON_CODES = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
SEASON_NAMES = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}

_FRIENDLY_SEASON = re.compile(r"^(spring|summer|autumn|fall|winter)\s+(\d{4})$", re.IGNORECASE)
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH_OR_SEASON = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^\d{4}$")


class DateError(ValueError):
    """A date a user wrote that we cannot accept; the message says why and what to write."""


@dataclass(frozen=True)
class TimelineDate:
    """A date as precise as the source allows, with the first and last day it can mean."""

    edtf: str
    precision: str  # day | month | season | year | range
    start: dt.date
    end: dt.date
    approximate: bool = False
    uncertain: bool = False

    @property
    def sort_key(self) -> str:
        """Sorts by first possible day, then the narrower date first."""
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


def _plain_text(value: object) -> str:
    """YAML turns 2025-08-10 into a date and 2025 into an int: take them back to text."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


def _check_single_date(text: str) -> str:
    """Validate one EDTF date without qualifiers; return its precision."""
    if match := _DAY.match(text):
        year, month, day = (int(part) for part in match.groups())
        if not 1 <= month <= 12:
            raise DateError(f"{text!r} has month {month:02d}; months run from 01 to 12")
        last_day = calendar.monthrange(year, month)[1]
        if not 1 <= day <= last_day:
            raise DateError(
                f"{text!r} is not a real day: {calendar.month_name[month]} {year} "
                f"has {last_day} days"
            )
        return "day"
    if match := _MONTH_OR_SEASON.match(text):
        code = int(match.group(2))
        if 1 <= code <= 12:
            return "month"
        if code in SEASON_NAMES:
            return "season"
        raise DateError(
            f"{text!r}: {code:02d} is neither a month (01-12) nor a season "
            "(21 spring, 22 summer, 23 autumn, 24 winter)"
        )
    if _YEAR.match(text):
        return "year"
    raise DateError(
        f"{text!r} is not a date we understand; write 2025-08-10, 2025-08, 2025, "
        "autumn 2025 (or 2025-23), 2025-06/2025-07, or add ~ (approximate) or ? (uncertain)"
    )


def _struct_to_date(value: time.struct_time) -> dt.date:
    return dt.date(value.tm_year, value.tm_mon, value.tm_mday)


def parse_date(value: object) -> TimelineDate:
    """Parse an event date written in EDTF (or 'autumn 2025'); raise DateError if impossible."""
    text = _plain_text(value)
    if match := _FRIENDLY_SEASON.match(text):
        text = f"{match.group(2)}-{SEASON_CODES[match.group(1).lower()]}"
    approximate = uncertain = False
    parts = text.split("/")
    if len(parts) > 2:
        raise DateError(f"{text!r}: a range has exactly one '/' (2025-06/2025-07)")
    precisions = []
    for part in parts:
        core = part.rstrip("~?%")
        qualifiers = part[len(core) :]
        approximate |= "~" in qualifiers or "%" in qualifiers
        uncertain |= "?" in qualifiers or "%" in qualifiers
        precisions.append(_check_single_date(core))
    try:
        parsed = edtf.parse_edtf(text)
    except Exception as error:  # edtf raises its own exception types
        raise DateError(f"{text!r} is not valid EDTF: {error}") from None
    start = _struct_to_date(parsed.lower_strict())
    end = _struct_to_date(parsed.upper_strict())
    if end < start:
        raise DateError(f"{text!r} ends before it starts")
    precision = "range" if len(parts) == 2 else precisions[0]
    if precision == "season" and text.rstrip("~?%").endswith("-24"):
        # edtf ends winter on 31 December; winter 2025 runs into February 2026.
        end = dt.date(start.year + 1, 2, calendar.monthrange(start.year + 1, 2)[1])
    return TimelineDate(text, precision, start, end, approximate, uncertain)


def parse_published(value: object) -> tuple[str, str]:
    """A publication date: partial ISO only (2025, 2025-08, 2025-08-10) -> (text, precision)."""
    text = _plain_text(value)
    precision = _check_single_date(text)
    if precision == "season":
        raise DateError(f"{text!r}: a publication date is a year, a month or a day")
    return text, precision
