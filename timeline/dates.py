"""Dates with their real precision: EDTF strings in, precision and day bounds out.

Seed files write event dates in the subset of EDTF (Library of Congress Extended
Date/Time Format) a timeline needs: days, months, seasons, years, ranges, and the
``~`` (approximate) and ``?`` (uncertain) qualifiers, plus friendly season names.

We compute bounds ourselves rather than with the ``edtf`` package: its pyparsing
grammar took 11 ms a date, 80% of a whole load's time (hours at a million events).
tests/test_dates.py checks our bounds against ``edtf`` on a table of cases.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from email.utils import parsedate_tz

SEASON_CODES = {"spring": 21, "summer": 22, "autumn": 23, "fall": 23, "winter": 24}
SEASON_NAMES = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}

# ASCII digits only (``\d`` would take "٢٠٢٥" too), and ``\Z``: ``$`` also matches
# before a final newline.
_FRIENDLY_SEASON = re.compile(
    r"^(spring|summer|autumn|fall|winter)\s+([0-9]{4})\Z", re.IGNORECASE | re.ASCII
)
_DAY = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")
_MONTH_OR_SEASON = re.compile(r"^([0-9]{4})-([0-9]{2})\Z")
_YEAR = re.compile(r"^([0-9]{4})\Z")


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
    match = _DAY.match(text) or _MONTH_OR_SEASON.match(text) or _YEAR.match(text)
    if match and int(match.group(1)) == 0:
        # Python's dates (and so every bound we compute) start at year 1.
        raise DateError(f"{text!r}: there is no year 0000; years run from 0001 to 9999")
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
            if code == 24 and match.group(1) == "9999":
                raise DateError(f"{text!r}: winter 9999 runs into the year 10000, past 9999")
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


# Meteorological seasons (northern hemisphere), as EDTF's 21-24 codes: first and last month.
SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}


def _bounds(core: str, precision: str) -> tuple[dt.date, dt.date]:
    """First and last day a validated single date (no qualifiers) can mean."""
    year = int(core[:4])
    if precision == "year":
        return dt.date(year, 1, 1), dt.date(year, 12, 31)
    code = int(core[5:7])
    if precision == "day":
        day = dt.date(year, code, int(core[8:10]))
        return day, day
    first, last = (code, code) if precision == "month" else SEASON_MONTHS[code]
    # Winter (months 12-14) runs into February of the next year.
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    end_day = calendar.monthrange(end_year, end_month)[1]
    return dt.date(year, first, 1), dt.date(end_year, end_month, end_day)


def parse_date(value: object) -> TimelineDate:
    """Parse an event date written in EDTF (or 'autumn 2025'); raise DateError if impossible."""
    text = _plain_text(value)
    if match := _FRIENDLY_SEASON.match(text):
        text = f"{match.group(2)}-{SEASON_CODES[match.group(1).lower()]}"
    approximate = uncertain = False
    parts = text.split("/")
    if len(parts) > 2:
        raise DateError(f"{text!r}: a range has exactly one '/' (2025-06/2025-07)")
    precisions, bounds = [], []
    for part in parts:
        core = part.rstrip("~?%")
        qualifiers = part[len(core) :]
        approximate |= "~" in qualifiers or "%" in qualifiers
        uncertain |= "?" in qualifiers or "%" in qualifiers
        precision = _check_single_date(core)
        precisions.append(precision)
        bounds.append(_bounds(core, precision))
    start, end = bounds[0][0], bounds[-1][1]
    if end < start:
        raise DateError(f"{text!r} ends before it starts")
    precision = "range" if len(parts) == 2 else precisions[0]
    return TimelineDate(text, precision, start, end, approximate, uncertain)


def parse_published(value: object) -> tuple[str, str]:
    """A publication date: partial ISO only (2025, 2025-08, 2025-08-10) -> (text, precision)."""
    text = _plain_text(value)
    precision = _check_single_date(text)
    if precision == "season":
        raise DateError(f"{text!r}: a publication date is a year, a month or a day")
    return text, precision


# A timestamp as site generators and feeds write a publication date: ISO 8601 with a
# time (2025-08-10T14:03:00+02:00, Jekyll's 2025-08-10 14:03:00 +0200) or RFC 2822
# (Sun, 10 Aug 2025 14:03:00 GMT).
_ISO_TIMESTAMP = re.compile(
    r"^([0-9]{4}-[0-9]{2}-[0-9]{2})[T ][0-9]{1,2}:[0-9]{2}(?::[0-9]{2}(?:[.,][0-9]+)?)?"
    r"[ ]?(?:Z|[+-][0-9]{2}(?::?[0-9]{2})?|[A-Z]{1,5})?\Z"
)
_RFC_2822 = re.compile(
    r"^(?:[A-Z][a-z]{2}, ?)?[0-9]{1,2} [A-Z][a-z]{2} [0-9]{4} [0-9]{2}:[0-9]{2}(?::[0-9]{2})?"
    r"(?: (?:[+-][0-9]{4}|[A-Z]{1,5}))?\Z"
)


def calendar_date_of_timestamp(text: str) -> str | None:
    """The calendar date of a timestamp, as written ('2025-08-10' for
    '2025-08-10T23:30:00-05:00', not the UTC day): the day the publisher printed.
    None when the text is not a timestamp."""
    if match := _ISO_TIMESTAMP.match(text):
        return match.group(1)
    if _RFC_2822.match(text) and (parts := parsedate_tz(text)):
        return f"{parts[0]:04d}-{parts[1]:02d}-{parts[2]:02d}"
    return None


# A day in a file name, as Jekyll writes it (2025-08-10-some-title.md) or run together
# (20250810): digits not part of a longer number.
_FILE_NAME_DAY = re.compile(
    r"(?<![0-9])([0-9]{4})-([0-9]{2})-([0-9]{2})(?![0-9])|(?<![0-9])([0-9]{4})([0-9]{2})([0-9]{2})(?![0-9])"
)


def day_in_file_name(stem: str) -> str | None:
    """The one real day a file name gives (ISO), or None: none, or two different ones."""
    days = set()
    for match in _FILE_NAME_DAY.finditer(stem):
        year, month, day = (int(part) for part in match.groups() if part is not None)
        try:
            found = dt.date(year, month, day)
        except ValueError:
            continue  # 20251399 is a number, not a day
        if 1800 <= year <= 2200:
            days.add(found.isoformat())
    return days.pop() if len(days) == 1 else None
