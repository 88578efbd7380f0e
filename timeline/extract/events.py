"""Event candidates: sentences that report a dated happening involving a named actor.

A sentence becomes a candidate when it holds a resolvable date expression and at least
one actor mention. Its type comes from keyword rules over the event-type vocabulary,
first match wins (so "phone call" beats the generic "said"); its status from tense
("will", "plans to", "set for" -> planned). The sentence itself is the evidence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..dates import TimelineDate
from .actors import ActorBook, Mention
from .names import slug
from .relative_dates import DateMention, Published, find_dates
from .sentences import Span, sentences

# (event type, pattern) in priority order: the specific before the generic.
TYPE_RULES: list[tuple[str, str]] = [
    ("phone_call", r"phone call|telephone (?:call|conversation)|phone conversation|by phone|"
     r"video call|called (?:president|prime minister|his|her)"),
    ("sanction", r"sanction"),
    ("attack", r"\bstr(?:uck|ike|ikes)\b|attack|shell(?:ed|ing)|drone|missile|bomb"),
    ("recognition", r"recogni[sz]"),
    ("recall", r"\brecalled\b|\bsummoned\b"),
    ("appointment", r"appointed|credentials|tenure|took office|dismissed|\bnamed\b.*\bas\b"),
    ("agreement", r"agreement|memorandum|\bsigned\b|\bdeal\b"),
    ("negotiation", r"negotiat|peace talks|ceasefire"),
    ("commission", r"commission|working group"),
    ("consultation", r"consultation"),
    ("briefing", r"briefing|press conference"),
    ("interview", r"\binterview"),
    ("rally", r"\brally\b|protest|demonstrat"),
    ("aid", r"\baid\b|humanitarian|assistance|donat"),
    ("visit", r"\bvisit"),
    ("trip", r"\btrip\b|\btour\b|departed|travel"),
    ("meeting", r"\bmet\b|\bmeet|summit|sidelines|talks\b"),
    ("trade", r"export|import|\btrade\b|turnover"),
    ("statement", r"\bsaid\b|\bsays\b|statement|stated|address|announc|declar|\bnoted\b|"
     r"confirmed|stressed|emphasi[sz]ed|suggested|cited|wrote|posted"),
]  # fmt: skip
_TYPE_PATTERNS = [(name, re.compile(pattern, re.IGNORECASE)) for name, pattern in TYPE_RULES]
_PLANNED = re.compile(
    r"\b(?:will|is to|are to|plans? to|planned|scheduled|set for|to be held|upcoming|"
    r"expects? to|intends? to)\b",
    re.IGNORECASE,
)
_FORECAST = re.compile(r"\b(?:could|may|might|expected to|likely to|would)\b", re.IGNORECASE)
_PRECISION_RANK = {"day": 0, "range": 1, "month": 2, "season": 3, "year": 4}
TYPE_LABELS = {
    "phone_call": "Phone call",
    "appointment": "Appointment",
    "other": "Event",
}


@dataclass
class EventCandidate:
    """A sentence reporting a dated happening."""

    id: str
    type: str
    status: str
    date: DateMention
    evidence: Span
    actor_ids: list[str] = field(default_factory=list)
    title: str = ""


def event_type(sentence: str) -> str:
    for name, pattern in _TYPE_PATTERNS:
        if pattern.search(sentence):
            return name
    return "other"


def event_status(sentence: str, date: TimelineDate, published: Published | None) -> str:
    after_publication = published is not None and date.start > published.date
    if _PLANNED.search(sentence) and (after_publication or published is None):
        return "planned"
    if after_publication and _FORECAST.search(sentence):
        return "forecast"
    return "happened" if not after_publication else "planned"


_WEEKDAY_WORD = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")


def _anchor_after(sentence: Span, dates: list[DateMention], anchor: TimelineDate | None):
    """The day that "a day later" in a following sentence counts from: the sentence's first
    date, or none when its first date expression could not be resolved ("On Friday" in a
    source dated only to the month)."""
    first = dates[0]
    unresolved = _WEEKDAY_WORD.search(sentence.text[: first.start - sentence.start])
    if unresolved:
        return None
    return first.date if first.date.precision == "day" else anchor


def find_candidates(
    text: str,
    paragraphs: list[Span],
    mentions: list[Mention],
    book: ActorBook,
    published: Published | None,
) -> list[EventCandidate]:
    candidates: list[EventCandidate] = []
    anchor: TimelineDate | None = None
    for paragraph in paragraphs:
        for sentence in sentences(paragraph):
            future = bool(_PLANNED.search(sentence.text))
            dates = find_dates(text, sentence.start, sentence.end, published, anchor, future)
            if not dates:
                if _WEEKDAY_WORD.search(sentence.text):
                    anchor = None
                continue
            anchor = _anchor_after(sentence, dates, anchor)
            actors = list(
                dict.fromkeys(
                    m.actor_id for m in mentions if sentence.start <= m.start < sentence.end
                )
            )
            if not actors:
                continue
            date = min(dates, key=lambda d: _PRECISION_RANK[d.date.precision])
            kind = event_type(sentence.text)
            names = [book.actors[a].name for a in actors[:3]]
            label = TYPE_LABELS.get(kind, kind.replace("_", " ").capitalize())
            title = f"{label}: {', '.join(names)}"
            event_id = f"x-{slug(date.date.edtf)}-{kind.replace('_', '-')}-{actors[0]}"
            candidates.append(
                EventCandidate(
                    event_id,
                    kind,
                    event_status(sentence.text, date.date, published),
                    date,
                    sentence,
                    actors,
                    title,
                )
            )
    return candidates
