"""Date expressions that resolve but date no happening of their sentence.

A weekday, a year or "today" can stand in a sentence without saying when something was
done. General signs, each seen on real news text:

* **a snapshot**: "as of Friday the site was not loading", "as at 31 March": the words
  report how things stood at that moment, not a happening on it;
* **a state until then**: a sentence that opens "Until yesterday," or "Until 2009,"
  tells how things stood up to that date ("Until yesterday, both clubs had five
  trophies"), no happening on it;
* **a forecast condition**: "forecasters predicted good weather for this evening",
  "economists expect 3 percent growth for next year": when a forecast condition is to
  hold, not when anything is done ("police predicted protests for Saturday", a
  happening ahead, stays);
* **a habit**: "on a Monday", "every Sunday", "each Friday": any such day, not one;
  "in March each year", "usually held in March": the month the thing recurs in;
* **a name**: a weekday after "the" with a capitalised word after it ("The Saturday
  Evening Post", "the Sunday Times"), a year after the word that names a law, a treaty
  or a class ("the George Floyd Justice in Policing Act of 2021", "the Class of 2020"), a
  day after a numbered order or resolution ("E.O. 14059 of December 15, 2021");
* **a comparison**: "Unlike in 2019, the vote went smoothly", "higher than in 2022", "as
  in 2019": the year is what the happening is compared with, not when it was;
* **a scope**: "produced on or after April 13, 2024", "designated for, on or after
  November 5, 2018, having assisted ...": the date bounds which goods or deeds a rule
  covers (the wording of orders and sanctions), it is not when anything was done; so
  does "for the period from 2004 to 2009" (what a payment or a figure covers);
* **a condition**: a deadline a rule sets for whoever it concerns ("Applications must be
  submitted by June 30", "Comments are due by May 1", "taxpayers are required to file no
  later than April 15"): the date bounds what is asked of others, no happening is told
  ("Ukraine must hold elections by May", an obligation of who acts, stays a plan);
  Asked of whoever wishes to come ("Media who wish to attend must RSVP ... by Friday,
  April 15", "must register by"), a media advisory's deadline is a condition too;
* **nowadays**: "today" after "still", "even" or "until" ("which I still own today"),
  and "today's" before a word for the present age rather than for a happening
  ("today's citizens", "in today's money"; "today's announcement" is the day's).
"""

from __future__ import annotations

import re

from .relative_dates import DateMention

_SCOPE_BEFORE = re.compile(
    # "produced on or after April 13", "arrears for the period from 2004 to 2009"
    r"\bon\s+or\s+(?:after|before)\s+$|\bfor\s+the\s+(?:period|years?|months?)\s+$",
    re.IGNORECASE,
)
# "must be submitted by", "are due no later than", "is required to file before": an
# obligation put on whoever it concerns (a passive, "due", "deadline"), then the deadline
# word, in the same clause. "Ukraine must hold elections by May" is a plan of who acts.
_DEADLINE_BEFORE = re.compile(
    # "Media who wish to attend must RSVP ... by Friday": asked of whoever wishes to come
    r"\b(?:(?:who\s+wish(?:es)?\s+to|wishing\s+to|interested\s+in)\b[^.;:!?]{0,60}?\b"
    r"(?:must|should|need\s+to|are\s+asked\s+to)|must\s+(?:RSVP|register|pre-register)|"
    r"must\s+be\s+[a-z]+(?:ed|en|wn)|(?:are|is)\s+required\s+to|are\s+due|is\s+due|"
    r"deadline(?:\s+is)?|have\s+until|has\s+until)\b"
    # (a dot inside an address, "RSVP to jane.doe@agency.gov by", ends nothing)
    r"(?:(?:[^.;:!?,]|\.(?=\w)){0,90}?\b(?:by|before|no later than|until)\s+|"
    r"[^.;:!?,]{0,90}?\b(?:is|will be)\s+)$",
    re.IGNORECASE,
)
_OBLIGATION_BEFORE = re.compile(
    r"\b(?:must\s+be\s+[a-z]+(?:ed|en|wn)|(?:are|is)\s+required\s+to|are\s+due|is\s+due|"
    r"have\s+until|has\s+until)\b[^.;:!?,]{0,90}$",
    re.IGNORECASE,
)
_SNAPSHOT_BEFORE = re.compile(r"\bas\s+(?:of|at)\s+$", re.IGNORECASE)
_RECURS_AFTER = re.compile(
    r"\s*,?\s*(?:(?:each|every)\s+(?:year|month|week|summer|winter|spring|autumn|fall)|"
    r"annually|yearly)\b",
    re.IGNORECASE,
)
_HABITUALLY_BEFORE = re.compile(
    r"\b(?:usually|typically|normally|traditionally|generally|customarily|regularly|"
    r"annually|yearly)\b"
    r"[^,;:.!?]*$",
    re.IGNORECASE,
)
_COMPARED_BEFORE = re.compile(r"\b(?:than|unlike|compared\s+(?:with|to))\s+$", re.IGNORECASE)
# "the most serious crisis since 1995", "the first time since 2010": a record, measured
# against the date
_RECORD_BEFORE = re.compile(
    r"\b(?:most|least|first|only|[a-z]{2,}est)\b(?:\s+[\w’'-]+){0,4}\s+$", re.IGNORECASE
)
_LIKE_BEFORE = re.compile(r"\b(?:as|like)\s+$", re.IGNORECASE)
_ANY_SUCH_DAY_BEFORE = re.compile(r"\b(?:a|every|each|any)\s+$", re.IGNORECASE)
_WEEKDAY = re.compile(r"(?:on\s+)?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$")
_NAME_AFTER = re.compile(r"\s+(?-i:[A-Z])[a-z]+")
_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)
_NAMED_BY_YEAR = re.compile(
    r"(?-i:\b(?:Acts?|Bill|Law|Code|Treaty|Convention|Accords?|Agreement|Declaration|"
    r"Constitution|Statute|Amendments?|Resolution|Compromise|Class))\s+$"
)
# A numbered order, resolution or act dated in its name: "Executive Order (E.O.) 14059 of
# December 15, 2021", "Resolution 2231 of July 20, 2015", "Decree No. 71 of 12 March".
_NUMBERED_ACT_BEFORE = re.compile(
    r"(?-i:\b(?:E\.O\.|Orders?|Acts?|Resolutions?|Decrees?|Laws?|Directives?|Regulations?|"
    r"Decisions?|Ordinances?|Proclamations?))\)?\s+(?:No\.\s*)?\d[\d/-]*\s+of\s+$"
)
_NOWADAYS = re.compile(r"\b(?:still|even|until|up to)\b(?:\s+[\w’']+){0,3}\s+(?:today)\b", re.I)
# Words for the present age: "today's" before them means nowadays.
_PRESENT_AGE = re.compile(
    r"[’']s\s+(?:[a-z]+\s+){0,2}(?:world|society|money|dollars?|terms|prices|standards|economy|"
    r"markets?|technology|youth|children|kids|citizens|generations?|people|culture|politics|"
    r"media|climate|age|era|students|workers|consumers|families|parents|life|lives|"
    r"problems|challenges)\b",
    re.IGNORECASE,
)


def means_nowadays(text: str, start: int, end: int) -> bool:
    """Is the "today" at text[start:end] "nowadays" ("which I still own today", "today's
    citizens")?"""
    before = text[max(0, start - 40) : end]
    found = _NOWADAYS.search(before)
    if found and found.end() == len(before):
        return True
    return bool(_PRESENT_AGE.match(text, end, end + 40))


# "forecasters predicted good weather for this evening": the date is when a forecast
# condition is to hold (weather, a rate), no happening's.
_CONDITION_FORECAST_BEFORE = re.compile(
    r"\b(?:predict(?:s|ed)?|forecasts?|forecasted|expect(?:s|ed)?|project(?:s|ed)?)\s+"
    r"(?:[\w-]+\s+){0,3}(?:weather|rain|snow|snowfall|storms?|sunshine|temperatures?|winds?|"
    r"showers|skies|conditions|growth|inflation)\s+for\s+$",
    re.IGNORECASE,
)
# "Until yesterday, both clubs had five trophies": a sentence that opens with "until"
# and its date tells how things stood up to then.
_SENTENCE_OPENS_UNTIL = re.compile(r"(?:^|[.!?][”\"’']?\s+|\n\s*)[Uu]ntil\s+$")
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?][”\"’']?\s+|\n\s*)$")


def _opens_with_until(text: str, date: DateMention) -> bool:
    """Does the sentence open with "Until <date>," ("Until yesterday, ...", "Until 2019,
    ...")?"""
    if not re.match(r"\s*,", text[date.end : date.end + 3]):
        return False
    before = text[max(0, date.start - 12) : date.start]
    if re.match(r"until\b", date.expression, re.IGNORECASE):
        return bool(_SENTENCE_OPENS.search(before))
    return bool(_SENTENCE_OPENS_UNTIL.search(before))


def why_no_happenings_date(text: str, date: DateMention) -> str | None:
    """Why the date expression dates no happening ("a snapshot", "a scope", "a condition",
    "a habit", "a name", "a comparison", "nowadays"), or None when it may."""
    before = text[max(0, date.start - 40) : date.start]
    if _SNAPSHOT_BEFORE.search(before):
        return "a snapshot"
    if _opens_with_until(text, date):
        return "a state until then"
    if _CONDITION_FORECAST_BEFORE.search(text, max(0, date.start - 80), date.start):
        return "a forecast condition"
    if _DEADLINE_BEFORE.search(text, max(0, date.start - 120), date.start) or (
        re.match(r"(?:by|before|no later than|until)\b", date.expression, re.I)
        and _OBLIGATION_BEFORE.search(text, max(0, date.start - 100), date.start)
    ):
        return "a condition"
    if _SCOPE_BEFORE.search(before) or (
        re.match(r"(?:after|before)\b", date.expression, re.IGNORECASE)
        and re.search(r"\bon\s+or\s+$", before, re.IGNORECASE)
    ):
        return "a scope"
    if _RECURS_AFTER.match(text, date.end) or _HABITUALLY_BEFORE.search(before):
        return "a habit"
    if date.expression.lower().startswith("since") and _RECORD_BEFORE.search(before):
        return "a comparison"
    if _COMPARED_BEFORE.search(before) or (
        _LIKE_BEFORE.search(before)
        and re.match(r"(?:in|on|during|last|this)\b", date.expression, re.IGNORECASE)
    ):
        return "a comparison"
    if _WEEKDAY.search(date.expression):
        if _ANY_SUCH_DAY_BEFORE.search(before):
            return "a habit"
        if _THE_BEFORE.search(before) and _NAME_AFTER.match(text, date.end):
            return "a name"
    if re.fullmatch(r"of\s+\d{4}", date.expression) and _NAMED_BY_YEAR.search(before):
        return "a name"
    if _NUMBERED_ACT_BEFORE.search(before):
        return "a name"  # "E.O. 14059 of December 15, 2021": the order's name
    if date.expression.lower() == "today" and means_nowadays(text, date.start, date.end):
        return "nowadays"
    return None
