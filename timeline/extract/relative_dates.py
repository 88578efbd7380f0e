"""Date expressions in news text, resolved against the source's publication date.

Pure rules, no dateparser: it returns nothing for "last fall" or "last August", loses the
precision of "last year" and takes a second to import. Every result is a
``TimelineDate`` with its real precision (day, month, season, year), the words it came
from and a sentence saying how it was worked out. Relative expressions need a
publication date precise enough ("on Sunday" needs the day; "last August" the month);
without one only absolute dates are resolved.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from ..dates import SEASON_NAMES, TimelineDate

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
# Season -> (EDTF code, first month).
SEASONS = {
    "spring": (21, 3),
    "summer": (22, 6),
    "autumn": (23, 9),
    "fall": (23, 9),
    "winter": (24, 12),
}
NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "several": None,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}  # fmt: skip

_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)(?!\w)"
)
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_NUMBER = (
    r"(?P<count>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty)"
)
_SEASON = r"(?P<season>spring|summer|autumn|fall|winter)"
_WEEKDAY = r"(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MONTH2 = _MONTH.replace("?P<month>", "?P<month2>")
_YEAR2 = _YEAR.replace("?P<year>", "?P<year2>")
# Nouns of happenings a year names as an adjective: "the 2014 protests", "the 1991 Hajj".
_HAPPENING_NOUNS = (
    r"elections?|protests?|war|census|season|budget|summit|crisis|attacks?|earthquake|"
    r"floods?|campaign|referendum|games|olympics|championships?|tournament|final|strike|"
    r"revolution|uprising|coup|invasion|crash|storm|hurricane|fire|festival|conference|"
    r"agreement|deal|treaty|reform|law|act|merger|ipo|launch|race|cup|world cup"
)
_NOT_A_YEAR_AFTER = r"(?!\s*(?:tons|people|km|kilometers|miles|children|percent|%|\d|-|–))"

# (name, pattern): tried in this order, so the longest expressions win.
PATTERNS = [
    (
        # "between March 1 and March 3", "from June 5 to 9, 2019": a range of days
        "day_span",
        rf"\b(?:from|between)\s+{_MONTH}\s+{_DAY}\s+(?:to|and|until|through)\s+"
        rf"(?:{_MONTH2}\s+)?(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?\b(?:,?\s+{_YEAR})?",
    ),
    (
        "month_day",
        rf"\b(?:on\s+)?(?:{_WEEKDAY},?\s+)?{_MONTH}\s+{_DAY}"
        rf"(?:\s*[-–]\s*(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?)?\b(?:,?\s+{_YEAR})?",
    ),
    (
        # "from 2004 to 2009", "between July 2003 and December 2004", "in 2004-2009"
        "span",
        rf"\b(?:from|between|in|during)\s+(?:{_MONTH}\s+)?{_YEAR}(?:\s+(?:to|and|until|through)\s+|"
        rf"\s*[-–]\s*)(?:{_MONTH2}\s+)?{_YEAR2}\b"
        rf"(?!\s*(?:tons|people|km|kilometers|miles|children|percent|%))",
    ),
    (
        "period_end",
        r"\b(?:by\s+)?the\s+end\s+of\s+(?P<which>this|next|last|the)\s+(?P<unit>week|month|year)\b",
    ),
    (
        "weekend",
        r"\b(?:(?:over|during|at|on|throughout)\s+the|(?:this|the)\s+past|"
        r"(?P<which>last|this|next))\s+weekend\b",
    ),
    (
        # "in the past few days", "over the last two weeks": up to publication
        "recent_days",
        rf"\b(?:(?:in|over|during)\s+)?the\s+(?:past|last)\s+(?:(?P<few>few|several|couple of)|"
        rf"{_NUMBER})\s+(?P<unit>day|week)s\b",
    ),
    ("day_month", rf"\b(?:on\s+)?{_DAY}\s+{_MONTH}(?:,?\s+{_YEAR})?"),
    (
        # "in the first quarter of 2023", "Q3 2024": three months
        "quarter_year",
        rf"\b(?:(?:in|during|by|for)\s+)?(?:the\s+)?(?:(?P<quarter>first|second|third|fourth|"
        rf"1st|2nd|3rd|4th)\s+quarter\s+(?:of\s+)?|Q(?P<q>[1-4])\s+){_YEAR}\b",
    ),
    (
        "month_year",
        rf"\b(?:(?:in|since|from|by|until|of|early|mid|late|mid-)\s+)*{_MONTH}(?:\s+of)?,?\s+{_YEAR}",
    ),
    ("season_year", rf"\b(?:in\s+)?(?:the\s+)?{_SEASON}\s+(?:of\s+)?{_YEAR}"),
    (
        # "closed in the spring", "will reopen in the spring", "in the fall of last year"
        "season_alone",
        rf"\b(?:in|during|over|by)\s+the\s+{_SEASON}\b"
        r"(?:\s+of\s+(?P<which>last|this|next)\s+year\b)?(?!\s+of\s+(?:19|20)\d\d)",
    ),
    ("relative_season", rf"\b(?P<which>last|this|next|past)\s+{_SEASON}\b"),
    ("relative_month", rf"\b(?P<which>last|this|next|past)\s+{_MONTH}(?!\s+\d)"),
    (
        # "the following year", "the very next year": counted from the date mentioned
        # before ("In 1982, GM closed the plant. But the very next year, ..."), not from
        # publication; "next year" stays publication's
        "following_period",
        r"\bthe\s+(?:very\s+)?(?P<next>next|following|previous|preceding)\s+"
        r"(?P<unit>year|month|week)\b",
    ),
    (
        "relative_period",
        r"\b(?:(?P<side>earlier|later)\s+)?(?P<which>last|this|next|past|previous)\s+"
        r"(?P<unit>year|month|week)\b",
    ),
    # "Earlier in the week, the embassy had issued a warning": the days of the week of
    # publication before it ("later in the week": after it)
    ("side_of_week", r"\b(?P<side>earlier|later)\s+in\s+the\s+week\b"),
    (
        "ago",
        rf"\b(?P<approx>about|around|some|nearly|almost|roughly|over|more than|less than)?\s*"
        rf"{_NUMBER}\s+(?P<unit>hour|day|week|month|year|decade)s?\s+ago\b|"
        # "a couple of years back", "a few weeks ago": about two, about three, approximate
        r"\b(?P<few>a\s+couple\s+of|a\s+few)\s+(?P<unit2>day|week|month|year)s\s+"
        r"(?:ago|back)\b|"
        rf"\b{_NUMBER.replace('count', 'count3')}\s+(?P<unit3>day|week|month|year)s?\s+back\b",
    ),
    ("years_since", rf"\b{_NUMBER}\s+years\s+(?:since|after)\b"),
    (
        "later",
        rf"\b(?:{_NUMBER}\s+(?P<unit>day|week)s?\s+(?P<way>later|earlier|before|after)|"
        # "two years later", "a month earlier": counted from the date before, too
        rf"(?<![\w-]){_NUMBER.replace('count', 'count2')}\s+(?P<long>month|year)s?\s+"
        r"(?P<way2>later|earlier)|"
        r"the\s+(?P<next>next|following|previous)\s+day)\b",
    ),  # fmt: skip
    (
        "hours_later",
        r"\b(?:(?:a\s+few|several|some|\d+|two|three|four|five|six)\s+)?hours\s+(?:later|after)\b|"
        r"\b(?:later|earlier)\s+that\s+(?:day|night|morning|evening)\b",
    ),
    (
        "same_period",
        r"\b(?:(?:that|the)\s+same|(?:later|earlier)\s+that|that)\s+(?P<unit>day|week|month|year)\b",
    ),
    ("weekday", rf"\b(?:(?P<which>last|this|next|on)\s+)?{_WEEKDAY}\b"),
    (
        # "on the 14th": that day of the month of publication (or the one before or after)
        "day_of_month",
        r"\bon\s+the\s+(?P<dom>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b"
        r"(?!\s+(?:of|century|anniversary|floor|day|birthday|time|round|minute|hole|"
        r"amendment|place|inning|lap)\b)",
    ),
    # "this evening", "tonight", "last night": a part of the day of publication (of the
    # day before)
    (
        "deictic",
        r"\b(?:(?P<word>yesterday|today|tomorrow|tonight)|this\s+(?P<part>morning|afternoon|"
        r"evening)|last\s+(?P<night>night))\b",
    ),
    (
        "month_alone",
        # "a July meeting": a month as an adjective names that month too
        rf"\b(?:(?:in|since|until|by|from|during|early|late|a|an)\s+|mid-\s*|mid\s+|"
        # "at the end of March", "the beginning of June": that month
        rf"(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+)"
        rf"{_MONTH}(?![\s,]+\d)",
    ),
    (
        "year_adjective",
        rf"\bthe\s+{_YEAR}\s+(?:(?!(?:{_HAPPENING_NOUNS})\b)(?-i:[A-Z])[\w-]*\s+)?"
        rf"(?:{_HAPPENING_NOUNS}|(?-i:[A-Z])[\w-]*)\b",
    ),
    (
        # "in the 1990s", "since the early 2000s": the decade's years
        "decade",
        r"\b(?:in|during|since|by|from|until|through(?:out)?)\s+the\s+"
        r"(?:(?P<part>early|mid|late)[\s-]+)?(?P<decade>(?:19|20)\d0)s\b",
    ),
    (
        "year",
        # "planned for 2015", "scheduled for next year": a plan's year; "figures for 2015"
        # are not a happening's
        rf"\b(?:(?:in|since|from|by|until|before|after|of|during|early|late|mid)\s+|mid-|"
        rf"(?P<plan>(?:planned|scheduled|slated|set|due|expected)\s+(?:\w+\s+)?)for\s+){_YEAR}\b"
        rf"{_NOT_A_YEAR_AFTER}",
    ),  # fmt: skip
]
_COMPILED = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in PATTERNS]
# Words every match of a pattern contains: each pattern needs one word of every group
# (substrings of the clause, lowercased, its spaces collapsed; month names as the patterns
# want them, capitalised). Testing a clause for these words costs a few microseconds;
# scanning it with the eighteen patterns costs many times more, and most clauses need
# none of them or two or three.
_MONTH_CUES = tuple(
    word
    for name in ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    for word in (name, name.upper())
)
_WHICH = ("last", "this", "next", "past", "previous")
_SEASONS = ("spring", "summer", "autumn", "fall", "winter")
_YEAR_CUES = ("19", "20")
_NEEDS: dict[str, tuple[tuple[str, ...], ...]] = {
    "month_day": (_MONTH_CUES,),
    "day_span": (("from", "between"), _MONTH_CUES),
    "decade": (("0s",),),
    "span": (("from", "between", "in", "during"), _YEAR_CUES),
    "recent_days": (("past", "last"), ("day", "week")),
    "year_adjective": (("the",), _YEAR_CUES),
    "period_end": (("end of",),),
    "weekend": (("weekend",),),
    "day_month": (_MONTH_CUES,),
    "quarter_year": (("quarter", "q1", "q2", "q3", "q4"), _YEAR_CUES),
    "month_year": (_MONTH_CUES, _YEAR_CUES),
    "season_year": (_SEASONS, _YEAR_CUES),
    "relative_season": (tuple(f"{w} {s}" for w in _WHICH for s in _SEASONS),),
    "season_alone": (tuple(f"the {s}" for s in _SEASONS),),
    "relative_month": (_MONTH_CUES, _WHICH),
    "following_period": (
        ("next", "following", "previous", "preceding"),
        ("year", "month", "week"),
    ),
    "relative_period": (tuple(f"{w} {u}" for w in _WHICH for u in ("year", "month", "week")),),
    "ago": (("ago", "back"),),
    "years_since": (("years since", "years after"),),
    "later": (
        ("day", "week", "month", "year"),
        ("later", "earlier", "before", "after", "next", "following", "previous"),
    ),
    "hours_later": (("hours later", "hours after", "later that", "earlier that"),),
    "same_period": (
        tuple(f"{w} {u}" for w in ("that", "same") for u in ("day", "week", "month", "year")),
    ),
    "day_of_month": (
        ("on the",),
        ("st ", "nd ", "rd ", "th ", "st.", "nd.", "rd.", "th.", "st,", "nd,", "rd,", "th,"),
    ),
    "weekday": (("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),),
    "deictic": (
        (
            "yesterday",
            "today",
            "tomorrow",
            "tonight",
            "this morning",
            "this afternoon",
            "this evening",
            "last night",
        ),
    ),
    "side_of_week": (("in the week",),),
    "month_alone": (_MONTH_CUES,),
    "year": (_YEAR_CUES,),
}
# One bit per cue word; a pattern's groups as masks of those bits.
_CUE_BITS = {
    word: 1 << number
    for number, word in enumerate(
        sorted({word for groups in _NEEDS.values() for group in groups for word in group})
    )
}
_CASED_CUES = set(_MONTH_CUES)
_GATED = [
    (name, pattern, [sum(_CUE_BITS[word] for word in group) for group in _NEEDS[name]])
    for name, pattern in _COMPILED
]


# Every pattern needs one of these (a month, a year's digits, a unit of time, ...): a
# clause with none of them, most clauses, is not tested for the other cue words.
_ROOT_CUES = (*_YEAR_CUES, *_SEASONS, "day", "week", "month", "year", "ago", "end of",
              "tomorrow", "hours", "later that", "earlier that", "on the", "tonight",
              "this morning", "this afternoon", "this evening", "last night")  # fmt: skip


@lru_cache(maxsize=512)
def _cues(text: str) -> int:
    """The cue words a clause holds, as a mask of their bits (cached: the events pass
    asks before it resolves)."""
    cased = " ".join(text.split())
    lowered = cased.lower()
    if not any(word in lowered for word in _ROOT_CUES) and not any(
        word in cased for word in _MONTH_CUES
    ):
        return 0
    mask = 0
    for word, bit in _CUE_BITS.items():
        if word in (cased if word in _CASED_CUES else lowered):
            mask |= bit
    return mask


@lru_cache(maxsize=4096)
def _gated_for(cues: int) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """(name, pattern) of every pattern whose cue groups the mask all meets, in order:
    a clause's few masks recur, so the test runs once per mask, not once per clause."""
    return tuple(
        (name, pattern) for name, pattern, groups in _GATED if all(cues & group for group in groups)
    )


def may_hold_dates(text: str, start: int, end: int) -> bool:
    """Could text[start:end] hold a date expression at all? (cheap: no pattern is run)"""
    cues = _cues(text[start:end])
    return bool(cues) and bool(_gated_for(cues))


_ABSOLUTE = {
    "month_year", "season_year", "quarter_year", "year", "span", "year_adjective", "decade"
}  # fmt: skip
_CASE_SENSITIVE = {"month_day", "day_month", "month_year", "relative_month", "month_alone"}


@dataclass(frozen=True)
class Published:
    """A publication date as precise as the source gives it."""

    date: dt.date
    precision: str  # day | month | year
    # The words the day was read from when the front matter gave less ("the dateline
    # “Thursday, May 7, 2015”"; ``datelines``), "" when it gave the day.
    dated_by: str = ""

    @classmethod
    def parse(cls, value: str | None) -> Published | None:
        if not value:
            return None
        parts = [int(part) for part in str(value).split("-")]
        precision = {1: "year", 2: "month", 3: "day"}[len(parts)]
        parts += [1] * (3 - len(parts))
        return cls(dt.date(*parts), precision)

    def __str__(self) -> str:
        length = {"year": 4, "month": 7, "day": 10}[self.precision]
        day = self.date.isoformat()[:length]
        return f"{day} (inferred from {self.dated_by})" if self.dated_by else day


@dataclass(frozen=True)
class DateMention:
    """A date expression found in a text, resolved."""

    start: int
    end: int
    expression: str
    date: TimelineDate
    reasoning: str
    # Says its date outright ("in 2019", "Feb. 25, 2026"), so it does not rest on the
    # publication date, which is often only inferred; "six years ago" does.
    absolute: bool = False


def timeline_date(edtf: str) -> TimelineDate | None:
    """A TimelineDate for the few EDTF shapes the resolver writes.

    Built directly rather than through ``dates.parse_date``: the ``edtf`` parser costs
    about 3 ms a date, more than the rest of an article's extraction.
    """
    core = edtf.rstrip("~")
    approximate = core != edtf
    try:
        if "/" in core:
            first, last = (timeline_date(part) for part in core.split("/"))
            if first is None or last is None or first.precision == "range":
                return None
            return TimelineDate(edtf, "range", first.start, last.end, approximate)
        parts = [int(part) for part in core.split("-")]
        if len(parts) == 3:
            day = dt.date(*parts)
            return TimelineDate(edtf, "day", day, day, approximate)
        if len(parts) == 1:
            year = parts[0]
            return TimelineDate(
                edtf, "year", dt.date(year, 1, 1), dt.date(year, 12, 31), approximate
            )
        year, code = parts
        if 1 <= code <= 12:
            last = calendar.monthrange(year, code)[1]
            return TimelineDate(
                edtf, "month", dt.date(year, code, 1), dt.date(year, code, last), approximate
            )
        if code in SEASON_NAMES:
            first_month = {21: 3, 22: 6, 23: 9, 24: 12}[code]
            end_year, end_month = _shift_month(year, first_month, 2)
            end = dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
            return TimelineDate(edtf, "season", dt.date(year, first_month, 1), end, approximate)
    except ValueError:
        return None
    return None


def _period_end(groups: dict, expression: str, published: Published, pub: str):
    """'the end of this week / month / the year': the period's last days, approximate."""
    unit = groups["unit"].lower()
    which = groups["which"].lower()
    by = {"last": -1, "this": 0, "the": 0, "next": 1}[which]
    year, month = published.date.year, published.date.month
    reason = f"'{expression}' in {pub}: the last days of that {unit}, approximate"
    if unit == "year":
        return f"{year + by}-12~", reason
    if unit == "month" and published.precision != "year":
        y, m = _shift_month(year, month, by)
        last = calendar.monthrange(y, m)[1]
        return f"{y}-{m:02d}-{last - 9:02d}/{y}-{m:02d}-{last:02d}~", reason
    if unit == "week" and published.precision == "day":
        sunday = published.date + dt.timedelta(days=6 - published.date.weekday(), weeks=by)
        return f"{sunday - dt.timedelta(days=2)}/{sunday}~", reason
    return None


def _month_number(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _count(text: str) -> int | None:
    return int(text) if text.isdigit() else NUMBERS.get(text.lower())


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + by
    return index // 12, index % 12 + 1


def resolve(
    name: str,
    match: re.Match,
    published: Published | None,
    anchor: TimelineDate | None = None,
    future: bool = False,
    known_days: tuple[dt.date, ...] = (),
    paragraph_year: int | None = None,
) -> tuple[str, str] | None:
    """(EDTF, reasoning) for one matched expression, or None if it cannot be resolved.

    ``anchor`` is the date the text mentioned last ("a day later", "that same month"
    count from it); ``known_days`` the days the article states in full ("August 10"),
    which name the weekday of a source dated only to the month; ``paragraph_year`` the
    year of the last date named earlier in the paragraph ("In 2019, … In June, …").
    """
    groups = {key: value for key, value in match.groupdict().items() if value}
    expression = match.group().strip()
    pub = f"a source published {published}" if published else "a source with no date"

    if name in ("month_day", "day_month"):
        month, day = _month_number(groups["month"]), int(groups["day"])
        if "year" in groups:
            year = int(groups["year"])
            reason = "an absolute date"
        elif published and "weekday" in groups and name == "month_day":
            # "on Friday, August 8": the year near publication in which it is a Friday
            weekday = WEEKDAYS[groups["weekday"].lower()]
            years = [
                y
                for y in (published.date.year, published.date.year - 1, published.date.year + 1)
                if day <= calendar.monthrange(y, month)[1]
                and dt.date(y, month, day).weekday() == weekday
            ]
            if not years:
                return None
            year = years[0]
            reason = (
                f"no year given: the {groups['weekday']} {calendar.month_name[month]} {day} "
                f"nearest {pub}"
            )
        elif published:
            year = published.date.year
            candidate = dt.date(year, month, min(day, 28))
            if (
                published.precision != "year"
                and not future
                and (candidate - published.date).days > 92
            ):
                year -= 1
            reason = f"no year given: the nearest {calendar.month_name[month]} {day} to {pub}"
        else:
            return None
        if day > calendar.monthrange(year, month)[1]:
            return None
        if "day2" in groups and int(groups["day2"]) > day:
            last = int(groups["day2"])
            if last > calendar.monthrange(year, month)[1]:
                return None
            return (
                f"{year}-{month:02d}-{day:02d}/{year}-{month:02d}-{last:02d}",
                f"'{expression}': a range of days; {reason}",
            )
        return f"{year}-{month:02d}-{day:02d}", f"'{expression}': {reason}"
    if name == "span":
        return _span(groups, expression)
    if name == "decade":
        return _decade(groups, expression)
    if name == "day_span":
        return _day_span(groups, expression, published, future)
    if name == "year_adjective":
        return groups["year"], f"'{expression}': a year naming a happening"
    if name == "month_year":
        month = _month_number(groups["month"])
        return f"{groups['year']}-{month:02d}", f"'{expression}': an absolute month"
    if name == "quarter_year":
        order = ("first", "second", "third", "fourth", "1st", "2nd", "3rd", "4th")
        number = (
            int(groups["q"]) if groups.get("q") else order.index(groups["quarter"].lower()) % 4 + 1
        )
        first = 3 * number - 2
        year = groups["year"]
        return (
            f"{year}-{first:02d}/{year}-{first + 2:02d}",
            f"'{expression}': an absolute quarter, months {first} to {first + 2}",
        )
    if name == "season_year":
        code = SEASONS[groups["season"].lower()][0]
        return f"{groups['year']}-{code}", f"'{expression}': an absolute season"
    if name == "year":
        return groups["year"], f"'{expression}': an absolute year"
    if name == "following_period":
        return _next_from_anchor(groups, expression, anchor)
    if name in ("same_period", "hours_later"):
        return _from_anchor(name, groups, expression, anchor)
    if name == "month_alone" and (published is None or published.precision == "year"):
        return _month_of_paragraph_year(groups, expression, paragraph_year)
    if not published:
        return None
    year, month = published.date.year, published.date.month
    which = groups.get("which", "").lower()

    if name == "relative_season":
        code, first_month = SEASONS[groups["season"].lower()]
        if published.precision == "year":
            if which != "this":
                return None
            return f"{year}-{code}", f"'{expression}' in {pub}"
        # Season year = year of its first month; winter 2025 runs Dec 2025 - Feb 2026.
        current = year if month >= first_month else year - 1
        current_end = _shift_month(current, first_month, 2)
        if which in ("last", "past"):
            season_year = current if (year, month) > current_end else current - 1
        elif which == "next":
            season_year = current + 1
        elif first_month == 12:  # "this winter" in January is the winter begun in December
            season_year = year - 1 if month <= 2 else year
        else:
            season_year = year
        season = groups["season"].lower()
        relation = "before" if which in ("last", "past") else "of"
        return (
            f"{season_year}-{code}",
            f"'{expression}' in {pub}: the {season} {relation} that date is {season} {season_year}",
        )
    if name == "season_alone" and published.precision != "year":
        return _season_alone(groups, expression, published, future, pub)
    if name == "relative_month":
        target = _month_number(groups["month"])
        if published.precision == "year":
            return None
        if which in ("last", "past"):
            target_year = year if target < month else year - 1
        elif which == "next":
            target_year = year if target > month else year + 1
        else:
            target_year = year
        return (
            f"{target_year}-{target:02d}",
            f"'{expression}' in {pub}: the {calendar.month_name[target]} "
            f"{'before' if which in ('last', 'past') else 'of'} that date",
        )
    if name == "month_alone":
        target = _month_number(groups["month"])
        if published.precision == "year":
            return None
        target_year = year if target <= month or future else year - 1
        return (
            f"{target_year}-{target:02d}",
            f"'{expression}' in {pub}: the nearest {calendar.month_name[target]} "
            f"{'after' if future else 'up to'} that date",
        )
    if name == "period_end":
        return _period_end(groups, expression, published, pub)
    if name == "recent_days" and published.precision == "day":
        count = 6 if groups.get("few") else _count(groups["count"])
        if not count:
            return None
        days = count * (7 if groups["unit"].lower() == "week" else 1)
        first = published.date - dt.timedelta(days=days if not groups.get("few") else 6)
        vague = "~" if groups.get("few") else ""
        return f"{first}/{published.date}{vague}", (
            f"'{expression}' in {pub}: the {days} days up to that date"
            + (", approximate" if vague else "")
        )
    if name == "weekend" and published.precision == "day":
        # Saturday and Sunday: the latest up to publication, or the next in future tense.
        saturday = published.date + dt.timedelta(days=(5 - published.date.weekday()) % 7)
        if which == "next" or (future and which != "last"):
            saturday = saturday if saturday > published.date else saturday + dt.timedelta(7)
        elif saturday > published.date:
            saturday -= dt.timedelta(days=7)
        sunday = saturday + dt.timedelta(days=1)
        return f"{saturday}/{sunday}", f"'{expression}' in {pub}: Saturday and Sunday"
    if name == "relative_period":
        unit = groups["unit"].lower()
        by = {"last": -1, "past": -1, "previous": -1, "this": 0, "next": 1}[which]
        if unit == "year":
            return str(year + by), f"'{expression}' in {pub}"
        if unit == "month" and published.precision != "year":
            y, m = _shift_month(year, month, by)
            return f"{y}-{m:02d}", f"'{expression}' in {pub}"
        if unit == "week" and published.precision == "day":
            if by == 0 and groups.get("side"):
                return _side_of_week(groups["side"], expression, published, pub)
            monday = (
                published.date
                - dt.timedelta(days=published.date.weekday())
                + dt.timedelta(weeks=by)
            )
            sunday = monday + dt.timedelta(days=6)
            return f"{monday}/{sunday}", f"'{expression}' in {pub}: Monday to Sunday"
        return None
    if name == "side_of_week" and published.precision == "day":
        return _side_of_week(groups["side"], expression, published, pub)
    if name == "ago":
        if groups.get("few"):
            groups["count"] = "2" if "couple" in groups["few"].lower() else "3"
            groups["unit"], groups["approx"] = groups["unit2"], "about"
        elif groups.get("count3"):
            groups["count"], groups["unit"] = groups["count3"], groups["unit3"]
        count = _count(groups["count"])
        unit = groups["unit"].lower()
        approximate = "~" if groups.get("approx") else ""
        if count is None:
            return None
        if unit == "decade":  # "nearly a decade ago": a year, never more than approximate
            return f"{year - 10 * count}~", f"'{expression}' in {pub}: {10 * count} years before"
        if unit == "hour":
            if published.precision != "day":
                return None
            day = published.date - dt.timedelta(days=round(count / 24))
            return f"{day}~", f"'{expression}' in {pub}: the day {count} hours before, approximate"
        if unit == "year":
            return f"{year - count}{approximate}", f"'{expression}' in {pub}"
        if unit == "month" and published.precision != "year":
            y, m = _shift_month(year, month, -count)
            return f"{y}-{m:02d}{approximate}", f"'{expression}' in {pub}"
        if unit in ("day", "week") and published.precision == "day":
            days = count * (7 if unit == "week" else 1)
            return f"{published.date - dt.timedelta(days=days)}{approximate}", (
                f"'{expression}' in {pub}"
            )
        return None
    if name == "years_since":
        count = _count(groups["count"])
        if count is None:
            return None
        return str(year - count), f"'{expression}' in {pub}: {year} minus {count} years"
    if name == "later" and groups.get("long"):
        return _later_by_months(groups, expression, anchor)
    if name == "later":
        if not anchor or anchor.precision != "day":
            return None
        if groups.get("next"):
            days = -1 if groups["next"].lower() == "previous" else 1
        else:
            count = _count(groups["count"]) or 0
            days = count * (7 if groups["unit"].lower() == "week" else 1)
            if groups["way"].lower() in ("earlier", "before"):
                days = -days
        day = anchor.start + dt.timedelta(days=days)
        return str(day), f"'{expression}' counted from {anchor.edtf}, the date mentioned before"
    if name == "weekday" and published.precision == "month":
        return _weekday_from_known_days(groups, expression, published, known_days)
    if published.precision != "day":
        return None
    if (
        name == "weekday"
        and which == "next"
        and _THE_BEFORE.search(match.string, max(0, match.start() - 8), match.start())
    ):
        # "I went back the next Tuesday": the Tuesday after the day told before, if one
        # was; not the Tuesday after publication
        if anchor is None or anchor.precision != "day":
            return None
        target = WEEKDAYS[groups["weekday"].lower()]
        day = anchor.start + dt.timedelta(days=(target - anchor.start.weekday()) % 7 or 7)
        return str(day), f"'{expression}' counted from {anchor.edtf}, the date mentioned before"
    if name == "weekday":
        target = WEEKDAYS[groups["weekday"].lower()]
        difference = (published.date.weekday() - target) % 7
        if which == "next" or future and which != "last":
            ahead = (target - published.date.weekday()) % 7 or 7
            day = published.date + dt.timedelta(days=ahead)
            return str(day), f"'{expression}' in {pub}: the {groups['weekday']} after"
        if which == "last" and difference == 0:
            difference = 7
        day = published.date - dt.timedelta(days=difference)
        return str(day), f"'{expression}' in {pub}: the latest {groups['weekday']} up to that day"
    if name == "day_of_month":
        return _day_of_month(int(groups["dom"]), expression, published, future, pub)
    if name == "deictic":
        word = groups.get("word", "today" if groups.get("part") else "yesterday").lower()
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[word]
        return str(published.date + dt.timedelta(days=shift)), f"'{expression}' in {pub}"
    return None


def _decade(groups: dict, expression: str) -> tuple[str, str]:
    """ "in the 1990s": 1990 to 1999; its early, mid or late part approximate thirds."""
    first = int(groups["decade"])
    part = (groups.get("part") or "").lower()
    start, end = {"early": (0, 3), "mid": (4, 6), "late": (7, 9)}.get(part, (0, 9))
    vague = "~" if part else ""
    return (
        f"{first + start}/{first + end}{vague}",
        f"'{expression}': the years {first + start} to {first + end} of a decade",
    )


def _day_span(
    groups: dict, expression: str, published: Published | None, future: bool
) -> tuple[str, str] | None:
    """ "between March 1 and March 3": from the first day to the second, in the year given
    or, without one, in the year a lone "March 1" would be read in."""
    month = _month_number(groups["month"])
    month2 = _month_number(groups["month2"]) if groups.get("month2") else month
    day, day2 = int(groups["day"]), int(groups["day2"])
    if "year" in groups:
        year, reason = int(groups["year"]), "absolute days"
    elif published and published.precision != "year":
        year = published.date.year
        if not future and (dt.date(year, month, min(day, 28)) - published.date).days > 92:
            year -= 1
        reason = f"no year given: the nearest such days to a source published {published}"
    else:
        return None
    try:
        first, last = dt.date(year, month, day), dt.date(year, month2, day2)
    except ValueError:
        return None
    if last <= first:
        return None
    return f"{first}/{last}", f"'{expression}': a range of days; {reason}"


_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


def _season_alone(
    groups: dict, expression: str, published: Published, future: bool, pub: str
) -> tuple[str, str]:
    """ "in the spring": the latest spring begun by publication (the next one not yet
    begun, in future tense); "in the fall of last year": that year's fall. A season's
    year is that of its first month (winter 2025 runs December 2025 to February 2026)."""
    code, first_month = SEASONS[groups["season"].lower()]
    year, month = published.date.year, published.date.month
    season = groups["season"].lower()
    if groups.get("which"):
        by = {"last": -1, "this": 0, "next": 1}[groups["which"].lower()]
        return f"{year + by}-{code}", f"'{expression}' in {pub}: the {season} of that year"
    if future:
        season_year = year if month < first_month else year + 1
        return f"{season_year}-{code}", f"'{expression}' in {pub}: the next {season}"
    season_year = year if month >= first_month else year - 1
    return f"{season_year}-{code}", f"'{expression}' in {pub}: the latest {season} begun"


def _side_of_week(side: str, expression: str, published: Published, pub: str):
    """ "earlier this week" / "earlier in the week": Monday of the week of publication to
    the day before it; "later this week": the day after it to Sunday (the day itself when
    publication falls on the week's first or last day)."""
    monday = published.date - dt.timedelta(days=published.date.weekday())
    sunday = monday + dt.timedelta(days=6)
    if side.lower() == "earlier":
        first, last = monday, max(monday, published.date - dt.timedelta(days=1))
        return f"{first}/{last}", f"'{expression}' in {pub}: that week's Monday to the day before"
    first, last = min(sunday, published.date + dt.timedelta(days=1)), sunday
    return f"{first}/{last}", f"'{expression}' in {pub}: the day after to that week's Sunday"


def _day_of_month(
    number: int, expression: str, published: Published, future: bool, pub: str
) -> tuple[str, str] | None:
    """ "on the 14th": the 14th of the month of publication, if that lies on the right
    side of it (up to publication, or after it in future tense), else of the month
    before (after)."""
    year, month = published.date.year, published.date.month
    if future and number < published.date.day or not future and number > published.date.day:
        year, month = _shift_month(year, month, 1 if future else -1)
    try:
        day = dt.date(year, month, number)
    except ValueError:
        return None
    side = "after" if future else "up to"
    return str(day), f"'{expression}' in {pub}: the nearest {number}th {side} that day"


def _span(groups: dict, expression: str) -> tuple[str, str] | None:
    """ "from 2004 to 2009", "between July 2003 and December 2004": from the first period
    to the second (a month given for one end only is given for both: "from May 2003 to
    2004" runs to December 2004)."""
    if (
        re.match(r"(?:in|during)\b", expression, re.I)
        and not re.search(r"\d\s*[-–]", expression)
        and not (
            re.search(r"\band\b", expression, re.I)
            and not groups.get("month")
            and not groups.get("month2")
            and int(groups["year2"]) == int(groups["year"]) + 1
        )
    ):
        return None  # "in 2004 and 2009": two years, not a span ("in 1997 and 1998" is one)
    months = [groups.get("month"), groups.get("month2")]
    if any(month and not month[0].isupper() for month in months):
        return None
    first_year, last_year = int(groups["year"]), int(groups["year2"])
    first = f"{first_year}-{_month_number(months[0]):02d}" if months[0] else str(first_year)
    last = f"{last_year}-{_month_number(months[1]):02d}" if months[1] else str(last_year)
    if (last_year, months[1] and _month_number(months[1]) or 12) <= (
        first_year,
        months[0] and _month_number(months[0]) or 1,
    ):
        return None
    return f"{first}/{last}", f"'{expression}': a span of absolute dates"


def _from_anchor(
    name: str, groups: dict, expression: str, anchor: TimelineDate | None
) -> tuple[str, str] | None:
    """ "That same month", "the same day", "hours later": the date mentioned before, at the
    precision the words name (a month needs an anchor known at least to the month)."""
    if anchor is None or anchor.start.year != anchor.end.year:
        return None
    reason = f"'{expression}' counted from {anchor.edtf}, the date mentioned before"
    unit = "day" if name == "hours_later" else groups["unit"].lower()
    if unit == "year":
        return str(anchor.start.year), reason
    if unit == "month" and anchor.precision in ("day", "month"):
        return anchor.start.isoformat()[:7], reason
    if anchor.precision != "day":
        return None
    if unit == "week":
        monday = anchor.start - dt.timedelta(days=anchor.start.weekday())
        return f"{monday}/{monday + dt.timedelta(days=6)}", f"{reason}: Monday to Sunday"
    if name == "hours_later":  # a few hours may run past midnight: approximate
        return f"{anchor.start}~", f"{reason}; approximate, hours may run into the next day"
    return str(anchor.start), reason


def _later_by_months(
    groups: dict, expression: str, anchor: TimelineDate | None
) -> tuple[str, str] | None:
    """ "Two years later", "a month earlier": the date before moved by that many years
    (when it lies in one year) or months (when it is known to the month)."""
    count = _count(groups["count2"])
    if anchor is None or count is None or anchor.start.year != anchor.end.year:
        return None
    step = -count if groups["way2"].lower() == "earlier" else count
    reason = f"'{expression}' counted from {anchor.edtf}, the date mentioned before"
    if groups["long"].lower() == "year":
        return str(anchor.start.year + step), reason
    if anchor.precision not in ("day", "month"):
        return None
    year, month = _shift_month(anchor.start.year, anchor.start.month, step)
    return f"{year}-{month:02d}", reason


def _next_from_anchor(
    groups: dict, expression: str, anchor: TimelineDate | None
) -> tuple[str, str] | None:
    """ "The following year", "the previous month", "the next week": the period after (or
    before) the one the date mentioned before lies in, when that date lies in one."""
    if anchor is None or anchor.start.year != anchor.end.year:
        return None
    step = -1 if groups["next"].lower() in ("previous", "preceding") else 1
    reason = f"'{expression}' counted from {anchor.edtf}, the date mentioned before"
    unit = groups["unit"].lower()
    if unit == "year":
        return str(anchor.start.year + step), reason
    if unit == "month" and anchor.precision in ("day", "month"):
        year, month = divmod(anchor.start.year * 12 + anchor.start.month - 1 + step, 12)
        return f"{year}-{month + 1:02d}", reason
    if unit == "week" and anchor.precision == "day":
        monday = anchor.start - dt.timedelta(days=anchor.start.weekday()) + dt.timedelta(weeks=step)
        return f"{monday}/{monday + dt.timedelta(days=6)}", f"{reason}: Monday to Sunday"
    return None


def _month_of_paragraph_year(
    groups: dict, expression: str, paragraph_year: int | None
) -> tuple[str, str] | None:
    """ "In June" when the publication date cannot say which June (a source dated only to
    the year, or not at all): the June of the year the paragraph named before it ("Last
    year, … In June, …"), if it named one. A month-dated source keeps the nearest June up
    to publication instead: there "Last year, … More recently, on Feb. 5" is this year."""
    if paragraph_year is None:
        return None
    month = _month_number(groups["month"])
    return f"{paragraph_year}-{month:02d}", (
        f"'{expression}': the {calendar.month_name[month]} of {paragraph_year}, "
        "the year named earlier in the paragraph"
    )


def _weekday_from_known_days(
    groups: dict, expression: str, published: Published, known_days: tuple[dt.date, ...]
) -> tuple[str, str] | None:
    """A weekday in a source dated only to the month: the one day the article states in
    full that falls on that weekday, in the publication month or the six days before it
    ("on Sunday" and "on August 10" in the same August report). Several or none: unresolved."""
    if groups.get("which", "").lower() in ("last", "next"):
        return None
    target = WEEKDAYS[groups["weekday"].lower()]
    first = published.date - dt.timedelta(days=6)
    last_day = calendar.monthrange(published.date.year, published.date.month)[1]
    last = published.date.replace(day=last_day)
    days = {d for d in known_days if d.weekday() == target and first <= d <= last}
    if len(days) != 1:
        return None
    (day,) = days
    return str(day), (
        f"'{expression}' in a source published {published}: the article's only "
        f"{groups['weekday']} stated in full is {day:%B} {day.day}"
    )


def known_days(
    text: str, published: Published | None, start: int = 0, end: int | None = None
) -> tuple[dt.date, ...]:
    """The days text[start:end] states in full ("August 10", "10 August 2025"), resolved."""
    days = []
    end = len(text) if end is None else end
    if not any(word in text[start:end] for word in _MONTH_CUES):
        return ()
    for name, pattern in _COMPILED:
        if name not in ("month_day", "day_month"):
            continue
        for match in pattern.finditer(text, start, end):
            if not match.group("month")[0].isupper():
                continue
            resolved = resolve(name, match, published)
            if resolved:
                days.append(dt.date.fromisoformat(resolved[0]))
    return tuple(days)


def find_dates(
    text: str,
    start: int,
    end: int,
    published: Published | None,
    anchor: TimelineDate | None = None,
    future: bool = False,
    days: tuple[dt.date, ...] = (),
    paragraph_year: int | None = None,
) -> list[DateMention]:
    """Resolved date expressions in text[start:end], in order, never overlapping."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    cues = _cues(text[start:end])
    for name, pattern in _gated_for(cues):
        for match in pattern.finditer(text, start, end):
            if any(match.start() < b and a < match.end() for a, b in taken):
                continue
            if name in _CASE_SENSITIVE and not match.group("month")[0].isupper():
                continue
            if name == "weekday" and not match.group("weekday")[0].isupper():
                continue
            try:
                resolved = resolve(name, match, published, anchor, future, days, paragraph_year)
            except (OverflowError, ValueError):  # "yesterday" of 0001-01-01: no such day
                continue
            if resolved is None:
                continue
            date = timeline_date(resolved[0])
            if date is None:  # an impossible date from a typo: leave it out
                continue
            taken.append((match.start(), match.end()))
            # "planned for 2015": the plan's words tell the year is a plan's, the
            # expression is "for 2015"
            begin = match.end("plan") if name == "year" and match.group("plan") else match.start()
            expression = text[begin : match.end()].strip()
            offset = begin + text[begin : match.end()].index(expression)
            absolute = name in _ABSOLUTE or (
                name in ("month_day", "day_month") and bool(match.group("year"))
            )
            found.append(
                DateMention(
                    offset, offset + len(expression), expression, date, resolved[1], absolute
                )
            )
    found.sort(key=lambda mention: mention.start)
    if found and cues & _COUNTED_CUES:
        return _counted_from_a_date(text, start, end, found)
    return found


_COUNTED_CUES = _CUE_BITS["after"] | _CUE_BITS["before"]
_COUNTED_FROM = re.compile(rf"\b{_NUMBER}\s+(?P<unit>day|week)s?\s+(?P<way>after|before)\b", re.I)


def _counted_from_a_date(
    text: str, start: int, end: int, found: list[DateMention]
) -> list[DateMention]:
    """ "Two days after the vote on March 3, the minister resigned": the happening is two
    days after the day the sentence states, not that day."""
    for match in _COUNTED_FROM.finditer(text, start, end):
        count = _count(match.group("count"))
        following = [
            d
            for d in found
            if d.start >= match.end()
            and d.start - match.end() <= 80
            and d.date.precision == "day"
            and ";" not in text[match.end() : d.start]
        ]
        if count is None or not following:
            continue
        base = following[0]
        days = count * (7 if match.group("unit").lower() == "week" else 1)
        sign = 1 if match.group("way").lower() == "after" else -1
        day = base.date.start + dt.timedelta(days=sign * days)
        date = timeline_date(day.isoformat())
        expression = text[match.start() : base.end]
        reasoning = f"'{expression}': {match.group()} {base.expression} ({base.date.edtf})"
        counted = DateMention(match.start(), base.end, expression, date, reasoning, base.absolute)
        found = sorted(
            [d for d in found if d is not base and not (match.start() <= d.start < base.end)]
            + [counted],
            key=lambda mention: mention.start,
        )
    return found


def resolve_relative_date(
    expression: str,
    published: str | None,
    future: bool = False,
    anchor: str | None = None,
    article: str = "",
) -> DateMention | None:
    """Resolve one expression on its own ("last fall", published "2026-02"); ``anchor`` is
    the EDTF date mentioned before it, ``article`` text whose full dates name weekdays."""
    publication = Published.parse(published)
    mentions = find_dates(
        expression,
        0,
        len(expression),
        publication,
        timeline_date(anchor) if anchor else None,
        future,
        known_days(article, publication),
    )
    return mentions[0] if mentions else None
