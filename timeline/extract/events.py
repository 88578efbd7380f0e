"""Event candidates: sentences that report a dated happening involving a named actor.

A sentence becomes a candidate when it holds a resolvable date expression and at least
one actor mention. Its type comes from keyword rules over the event-type vocabulary,
first match wins (so "phone call" beats the generic "said"); its status from tense
("will", "plans to", "set for" -> planned). The sentence itself is the evidence (or
one clause of it, when its clauses carry dates of their own). "Since <date>, X has …"
adds a happening that runs up to publication (``ongoing``). A dated sentence that
reports a figure, a state, a counterfactual or a question is no candidate
(``happenings``). Whether a candidate is new
or an event already known is decided later, when it is merged (``merging``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..dates import TimelineDate
from .actors import ActorBook, Mention, MentionIndex
from .back_references import date_from_before, tells_what_was_said
from .happenings import (
    attribution,
    governed_wording,
    speaks_of_now,
    why_not_a_happening,
    why_not_reported,
)
from .names import slug
from .non_dates import why_no_happenings_date
from .ongoing import ongoing_range
from .relative_dates import DateMention, Published, find_dates, known_days, may_hold_dates
from .restatements import join_restatements
from .sentences import Span, sentences

# (event type, pattern) in priority order: the specific before the generic.
TYPE_RULES: list[tuple[str, str]] = [
    ("phone_call", r"phone call|telephone (?:call|conversation)|phone conversation|by phone|"
     r"video call|called (?:president|prime minister|his|her)"),
    ("sanction", r"sanction"),
    ("attack", r"\bstr(?:uck|ike|ikes)\b|attack|shell(?:ed|ing)|drone|missile|bomb|invasion|"
     r"\binvade"),
    ("recognition", r"recogni[sz]"),
    ("recall", r"\brecalled\b|\bsummoned\b"),
    ("appointment", r"appointed|credentials|tenure|took office|tak(?:e|es|ing) office|dismissed|"
     r"\bnamed\b.*\bas\b"),
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
# Words (lowercase) one of which every match of a type's pattern contains: a sentence is
# searched only with the patterns whose words it holds. ``possible_types`` runs for every
# extracted event a load merges, so it must cost microseconds, not nineteen searches.
TYPE_STEMS: dict[str, tuple[str, ...]] = {
    "phone_call": ("phone", "video call", "called"),
    "sanction": ("sanction",),
    "attack": ("stru", "stri", "attack", "shell", "drone", "missile", "bomb", "invasion",
               "invade"),
    "recognition": ("recogni",),
    "recall": ("recalled", "summoned"),
    "appointment": ("appointed", "credentials", "tenure", "office", "dismissed", "named"),
    "agreement": ("agreement", "memorandum", "signed", "deal"),
    "negotiation": ("negotiat", "peace talks", "ceasefire"),
    "commission": ("commission", "working group"),
    "consultation": ("consultation",),
    "briefing": ("briefing", "press conference"),
    "interview": ("interview",),
    "rally": ("rally", "protest", "demonstrat"),
    "aid": ("aid", "humanitarian", "assistance", "donat"),
    "visit": ("visit",),
    "trip": ("trip", "tour", "departed", "travel"),
    "meeting": ("met", "meet", "summit", "sidelines", "talks"),
    "trade": ("export", "import", "trade", "turnover"),
    "statement": ("said", "says", "statement", "stated", "address", "announc", "declar",
                  "noted", "confirmed", "stressed", "emphasi", "suggested", "cited", "wrote",
                  "posted"),
}  # fmt: skip
_GATED_TYPES = [(name, TYPE_STEMS[name], pattern) for name, pattern in _TYPE_PATTERNS]
_SCHEDULED_PRESENT = (
    r"(?:opens|closes|begins|resumes|convenes|reconvenes|kicks off|takes place|"
    r"gets under way|goes to the polls|arrives|departs|starts|ends|"
    r"(?:begin|resume|convene|take place|go to the polls|kick off|get under way)"
    r"(?<!\bto begin)(?<!\bto resume)(?<!\bto convene)(?<!\bto take place)|"
    r"runs (?:through|until|till|to))"
)
_PLANNED = re.compile(
    r"\b(?:will|is to|are to|plans? to|planned|scheduled|set for|upcoming|"
    # "figures to be published today", "a vote due to be held on Monday"
    r"to be (?:held|published|released|announced|unveiled|signed|opened|launched|presented|"
    r"decided|debated|voted on)|"
    r"expects? to|intends? to|anticipates?|"
    # "is expected to sign on Friday", "is set to begin on Monday", "is due to visit"
    r"(?:is|are) (?:set|slated|poised) to|(?:is|are) due to (?!the\b|a\b|an\b)|"
    # reported future: "would begin running on Sunday"
    r"would (?:\w+ )?(?:begin|start|open|run|resume|take place|be held|close|end|launch|"
    r"arrive|go ahead)|" + _SCHEDULED_PRESENT + r")\b",
    # the present of a schedule: "The summit takes place on March 20", "Voters go to the
    # polls on Sunday", "The festival runs through March 25"
    re.IGNORECASE,
)
# Words that put a clause's dates ahead of publication: a plan, or a forecast ("is
# expected to sign the bill on Friday": the next Friday, its status a forecast).
_AHEAD = re.compile(_PLANNED.pattern + r"|\b(?:is|are) expected to\b", re.IGNORECASE)
# A participle after "be" is what is to be done, not done: "will be announced later today".
_DONE = re.compile(
    r"(?<!\bbe )\b(?:said|told|announced|stated|confirmed|wrote|added|reported|was|were|had)\b",
    re.I,
)
_FORECAST = re.compile(r"\b(?:could|may|might|expected|likely to|would|forecast)\b", re.IGNORECASE)
# A date inside an "if" or "unless" clause: "If the talks fail next week, ...". The
# condition runs from the word to the date with no punctuation between.
_CONDITION_BEFORE = re.compile(r"\b(?:if|unless)\b[^,;:.!?“”\"]*$", re.IGNORECASE)
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
    wording: str = ""  # the words the type was read from (the evidence, or one clause)
    # The keyword that typed it ("" for type other), and each actor's words in the evidence.
    type_words: str = ""
    actor_words: dict[str, str] = field(default_factory=dict)
    # Why the evidence restates the happening of an earlier candidate whose id it took
    # ("the date points back", "told again"; ``restatements``), "" when it is told first.
    restates: str = ""


def _type_matches(sentence: str):
    """(type, keyword match) for every type whose keywords the sentence has, in priority
    order; a pattern runs only when one of its stems is in the sentence."""
    lowered = sentence.lower()
    for name, stems, pattern in _GATED_TYPES:
        if any(stem in lowered for stem in stems) and (found := pattern.search(sentence)):
            yield name, found


def event_type(sentence: str) -> str:
    return next((name for name, _ in _type_matches(sentence)), "other")


@lru_cache(maxsize=4096)
def _possible_types(sentence: str) -> frozenset[str]:
    return frozenset(name for name, _ in _type_matches(sentence)) or frozenset({"other"})


def possible_types(sentence: str) -> set[str]:
    """Every type whose keywords the sentence has ("other" when none): an existing event
    of any of them may be what the sentence reports ("Tokayev stated that Kazakhstan does
    not recognise …" is a statement as much as a recognition). Cached: a load asks again
    for the same wording each time an event is merged."""
    return set(_possible_types(sentence))


def event_status(sentence: str, date: TimelineDate, published: Published | None) -> str:
    after_publication = published is not None and date.start > published.date
    # "by the end of this week", written on its Friday: the period runs past publication.
    reaching = published is not None and date.end > published.date
    # "The office today is to begin issuing ...": planned on the day of writing too, unless
    # the sentence reports something already said or done ("said today it will ...").
    today = published is not None and date.end == published.date and not _DONE.search(sentence)
    if _PLANNED.search(sentence) and (reaching or today or published is None):
        return "planned"
    # "said it would file by June 30", "must hold elections by May": a set deadline
    if reaching and (ahead := _DEADLINE_AHEAD.search(sentence)) and ahead.group(1) != "should":
        return "planned"
    if reaching and _FORECAST.search(sentence):
        return "forecast"
    return "happened" if not after_publication else "planned"


_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# A weekday as a whole word. "M(?<!\w.)onday" is "\bMonday" with the word boundary tested
# after the capital: the same matches, but the regex engine skips from capital to capital
# instead of testing a boundary at every character of every sentence.
_WEEKDAY_WORD = re.compile("(?:" + "|".join(rf"{d[0]}(?<!\w.){d[1:]}" for d in _WEEKDAYS) + r")\b")
# "on Tuesday", "Tuesday": a weekday with no "last" or "next"; in a speaker's simple
# present ("We ... come in Tuesday and pick an issue") it is any such day, a habit.
_BARE_WEEKDAY = re.compile(
    r"(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?", re.IGNORECASE
)


# Where a sentence splits into clauses that can each carry their own date: "On Friday, X
# suggested ..., as Y confirmed a meeting set for Aug. 15" is two happenings.
_CLAUSE_BREAK = re.compile(
    r",\s+(?=(?:as|when|while|whereas|after|before|but|and|which|who)\s)|;\s+|\s+[–—]\s+"
)
# "Treasury today announced that Secretary Lew will attend ... April 14-16": the
# announcing and the happening announced, each with its own date (``_ANNOUNCED``); only
# a sentence with one of those verbs is searched for it.
_CLAUSE_BREAK_THAT = re.compile(_CLAUSE_BREAK.pattern + r"|\s+that\s+")
_ANNOUNCED = re.compile(r"\b(?:announced|confirmed)\b[^,;:.!?“”\"]{0,40}$")


def _anchor_after(sentence: Span, dates: list[DateMention], anchor: TimelineDate | None):
    """The date that "a day later" or "that same month" in a following sentence counts from:
    the sentence's first date, or none when its first date expression could not be
    resolved ("On Friday" in a source dated only to the month)."""
    first = dates[0]
    unresolved = _WEEKDAY_WORD.search(sentence.text[: first.start - sentence.start])
    if unresolved:
        return None
    return first.date


# An item of a list of who did it when: "Reagan in 1980", "Clinton in '92".
_NAME_IN_YEAR = re.compile(
    r"(?-i:[A-Z])[\w.'’-]*(?:\s+(?-i:[A-Z])[\w.'’-]*){0,3}\s+in\s+['’]?\d{2,4}\b"
)
_IN_NUMBER = re.compile(r" in ['’]?\d")
_BETWEEN_ITEMS = re.compile(r"\s*(?:,|;|,?\s+and)\s+")


def name_in_year_items(text: str) -> list[tuple[int, int]]:
    """The items of a list of names each with the year they did it ("Johnson in 1964,
    Nixon in 1968 and Carter in 1976."), when the text, after an opening that ends in a
    colon, is one; else []. Such a line has no lowercase word but "in", yet it is no
    title: each item is a happening told in two words."""
    if text.count(" in ") < 2 or not _IN_NUMBER.search(text):
        return []
    items = list(_NAME_IN_YEAR.finditer(text))
    if len(items) < 2:
        return []
    opening = text[: items[0].start()]
    if opening.strip() and not opening.rstrip().endswith(":"):
        return []
    for before, after in zip(items, items[1:], strict=False):
        if not _BETWEEN_ITEMS.fullmatch(text[before.end() : after.start()]):
            return []
    if text[items[-1].end() :].strip(" .;"):
        return []
    return [(item.start(), item.end()) for item in items]


def clauses(sentence: Span) -> list[Span]:
    """The sentence cut at clause breaks (", as", ", when", "; ", " – "), or into its items
    when it is a list of names and years ("Johnson in 1964, Nixon in 1968")."""
    if items := name_in_year_items(sentence.text):
        return [_part(sentence, start, end) for start, end in items]
    spans, start = [], 0
    announces = "announced" in sentence.text or "confirmed" in sentence.text
    for match in (_CLAUSE_BREAK_THAT if announces else _CLAUSE_BREAK).finditer(sentence.text):
        if match.group().strip() == "that" and not _ANNOUNCED.search(
            sentence.text, max(start, match.start() - 60), match.start()
        ):
            continue
        spans.append(_part(sentence, start, match.start()))
        start = match.end()
    spans.append(_part(sentence, start, len(sentence.text)))
    return [span for span in spans if span.text]


def _part(sentence: Span, start: int, end: int) -> Span:
    return Span(sentence.start + start, sentence.start + end, sentence.text[start:end])


def _dated_parts(
    sentence: Span, parts: list[Span], dates: list[DateMention]
) -> list[tuple[Span, list[DateMention]]]:
    """(evidence, dates) pairs: the whole sentence, or, when its date expressions (an
    unresolved weekday included) fall in different clauses (``parts``), each dated clause
    on its own."""
    if len(parts) == 1:
        return [(sentence, dates)]
    weekdays = [
        m.start() + sentence.start
        for m in _WEEKDAY_WORD.finditer(sentence.text)
        if not any(d.start <= m.start() + sentence.start < d.end for d in dates)
    ]
    holding = [[d for d in dates if part.start <= d.start < part.end] for part in parts]
    dated = sum(
        1
        for part, held in zip(parts, holding, strict=True)
        if held or any(part.start <= w < part.end for w in weekdays)
    )
    if dated < 2:
        return [(sentence, dates)]
    return [(part, held) for part, held in zip(parts, holding, strict=True) if held]


def find_candidates(
    text: str,
    paragraphs: list[Span],
    mentions: list[Mention],
    book: ActorBook,
    published: Published | None,
    quoted: list[tuple[int, int]] = (),
) -> list[EventCandidate]:
    """The dated happenings the article reports. ``quoted``: the spans of its
    quotations; a date inside one dates a happening only when the quoted words report
    one (``happenings.why_not_reported``)."""
    candidates: list[EventCandidate] = []
    anchor: TimelineDate | None = None
    # Each sentence with its clauses, cut once: both passes below read them.
    split = [[(s, clauses(s)) for s in sentences(paragraph)] for paragraph in paragraphs]
    days = _past_days(text, split, published)
    located = MentionIndex(mentions)
    # The happening the sentence just before told, if it told one.
    told_before: EventCandidate | None = None
    for paragraph in split:
        paragraph_year: int | None = None
        for sentence, parts in paragraph:
            # Future wording counts in its own clause: in "On Friday, Trump suggested ...,
            # as both confirmed a meeting set for Aug. 15" the Friday is the one before.
            dates = _sentence_dates(text, parts, published, anchor, days, paragraph_year)
            dates = [
                d
                for d in dates
                if not _counted_over(text, d)
                and not _is_dateline(d, sentence, published)
                and not why_no_happenings_date(text, d)
            ]
            if not dates:
                if _WEEKDAY_WORD.search(sentence.text):
                    anchor = None
                # "The summit was held in March. There, the leaders signed ...": dated
                # as the happening just told
                inherited = date_from_before(sentence, told_before and told_before.date)
                found = inherited and _candidate(
                    sentence, [inherited], located, book, published, quoted=quoted
                )
                if found and tells_what_was_said(sentence, inherited):
                    found = None  # "At the event, Mayko outlined ...": the happening's talk
                if found:
                    candidates.append(found)
                told_before = found
                continue
            told = len(candidates)
            anchor = _anchor_after(sentence, dates, anchor)
            paragraph_year = _year_of(dates[-1].date) or paragraph_year
            for evidence, held in _dated_parts(sentence, parts, dates):
                ongoing = ongoing_range(text, evidence, held, published)
                if ongoing is None:
                    found = [_candidate(evidence, held, located, book, published, quoted=quoted)]
                elif ongoing.names_happening:
                    # "Since taking office last August, X has visited …": the taking
                    # office (typed from its own words), and the visits since.
                    point = _candidate(
                        evidence, held, located, book, published, ongoing.phrase, quoted
                    )
                    found = [point]
                else:  # "Since 2022, X has supported …": the range replaces the point
                    # "Lopez, who has led the party since 2019, resigned on Friday": the
                    # sentence's other dates still date its other happening
                    others = [
                        d for d in held if not ongoing.date.start <= d.start < ongoing.date.end
                    ]
                    found = (
                        [_candidate(evidence, others, located, book, published, quoted=quoted)]
                        if others
                        else []
                    )
                # "Since its creation in 1994, the Fund has awarded more than $6 billion":
                # the creation stays, the total up to now is no happening
                if ongoing and not _AMOUNT.search(ongoing.wording):
                    found.append(
                        _candidate(
                            evidence,
                            [ongoing.date],
                            located,
                            book,
                            published,
                            ongoing.wording,
                            quoted,
                        )
                    )
                candidates.extend(candidate for candidate in found if candidate)
            told_before = candidates[-1] if len(candidates) > told else None
    for index, (event_id, why) in join_restatements(text, candidates).items():
        candidates[index].id, candidates[index].restates = event_id, why
    return candidates


def _sentence_dates(
    text: str,
    parts: list[Span],
    published: Published | None,
    anchor: TimelineDate | None,
    days: tuple,
    paragraph_year: int | None,
) -> list[DateMention]:
    """The dates of a sentence's clauses. A clause after a dated one counts from that
    clause's last date ("He fled in 1999 ...; the following year, X said" is 2000)."""
    dates: list[DateMention] = []
    for part in parts:
        if not may_hold_dates(text, part.start, part.end):
            continue
        found = _clause_dates(text, part, published, anchor, days, paragraph_year)
        dates.extend(found)
        if found:
            anchor = found[-1].date
    return dates


# "more than 100 in 2023", "hired 85 nurses since January": a count over a period, not a
# happening on that date.
# A count ends in a digit: "She joined aged 14. In 1995, ..." is a sentence's end.
_COUNT_BEFORE = re.compile(
    r"(?<![\w-])(?!(?:19|20)\d\d\b)\d(?:[\d,.]*\d)?\s*(?:%|percent|per cent)?"
    r"(?:\s+(?!in\b|on\b|at\b)[a-z][\w-]*){0,2}\s+$"
)
_COUNT_OVER_YEAR_BEFORE = re.compile(
    r"(?<![\w-])(?!(?:19|20)\d\d\b)\d(?:[\d,.]*\d)?\s*(?:%|percent|per cent)?"
    r"(?:\s+(?!in\b|on\b|at\b)[a-z][\w-]*){0,4}\s+$"
)
# A finite verb of a past or planned happening: an -ed form, an irregular past, or a
# future/modal before a verb. A sentence with none ("Saturday, September 12, 2015") is a
# date line, not an event.
_HAPPENING_VERB = re.compile(
    # "died": an "-ed" past too short for the general form
    r"\b(?:[a-z]{3,}ed|died|was|were|had|did|made|met|took|began|went|came|said|told|gave|"
    r"left|won|lost|fell|rose|held|hit|led|ran|saw|sent|set|shot|struck|spoke|found|"
    r"built|broke|became|brought|caught|chose|drove|fled|flew|fought|froze|grew|kept|"
    r"knew|laid|paid|put|sold|stood|threw|wrote|spread|burst|cast|cost|hurt|split|quit|shut|"
    r"sank|swept|bought|taught|won|will|would|could|might|shall|is to|are to|plans? to|"
    + _SCHEDULED_PRESENT
    + r"|"
    # "Since 2019, the group has been working with farmers", "have grown"
    r"(?:has|have)\s+(?:\w+ly\s+)?(?:been\s+)?[a-z]{2,}(?:ed|en|wn|ght|ing)|"
    r"expects? to|intends? to|aims? to|hopes? to|(?:is|are) (?:due|set|going) to|"
    r"(?:is|are|was|were) [a-z]{2,}ing)\b"
)


def _counted_over(text: str, date: DateMention) -> bool:
    """Is the date expression the period a number is counted over ("85 nurses since
    January", "more than 100 in 2023", "Since 2021, the program has provided more than
    $2 billion")?"""
    if not re.match(
        r"(?:in|since|during|so far in|this|last|from|between)\b", date.expression, re.I
    ):
        return False
    if _COUNT_BEFORE.search(text, max(0, date.start - 60), date.start):
        return True
    # Over a year or longer, a count reaches further back ("more than 100 people were
    # arrested in 2023"), and "this year alone" announces a total.
    if date.date.precision in ("year", "range") and (
        _COUNT_OVER_YEAR_BEFORE.search(text, max(0, date.start - 80), date.start)
        or re.match(r"\s+alone\b", text[date.end : date.end + 8])
    ):
        return True
    # "Since 2021, the program has provided more than $2 billion ...": a total up to now
    if re.match(r"since\b", date.expression, re.I):
        after = _CLAUSE_AFTER.match(text, date.end)
        if after and _AMOUNT.search(after.group()):
            return True
    return False


# The rest of the clause after a date, and an amount in it (not a year, not a day).
_CLAUSE_AFTER = re.compile(r"[^.;:!?]{0,160}")
_AMOUNT = re.compile(
    r"[$€£]\s?\d|(?<![\w-])(?!(?:19|20)\d\d\b)\d[\d,.]*\s*(?:%|percent\b|per cent\b|"
    r"million\b|billion\b|[a-z]+s\b)"
)


_QUOTATION = re.compile(r"“[^”]*”?|\"[^\"]*\"?")
# "it would file by June 30", "Ukraine must hold elections by May": a deadline ahead of
# the words, so "June 30" is the next one, not the last.
_DEADLINE_AHEAD = re.compile(
    r"\b(would|must|should|has to|have to|needs? to|ought to)\s+(?!have\b)"
    r"[^.;:!?]{0,60}\bby\s+(?:the\s+end\s+of\s+)?(?:[A-Z][a-z]+|mid-|early\s|late\s)"
)


def _clause_dates(
    text: str,
    part: Span,
    published: Published | None,
    anchor: TimelineDate | None,
    days: tuple,
    paragraph_year: int | None,
) -> list[DateMention]:
    """The clause's dates, future wording read where it is: a "will" inside a quotation
    is the speaker's ("Wednesday, Sunak said: “we will ...”" is the Wednesday before), and
    makes future only the dates inside that quotation."""
    quotes = [q for q in _QUOTATION.finditer(part.text) if _PLANNED.search(q.group())]
    outside = part.text
    for quote in quotes:
        outside = outside[: quote.start()] + " " * len(quote.group()) + outside[quote.end() :]
    marker = _AHEAD.search(outside) or _DEADLINE_AHEAD.search(outside)
    future = marker is not None
    found = find_dates(text, part.start, part.end, published, anchor, future, days, paragraph_year)
    if future:
        return _said_before(
            text, part, found, marker.start(), published, anchor, days, paragraph_year
        )
    if not quotes:
        return found
    for quote in quotes:  # dates inside a quotation that speaks of the future
        start, end = part.start + quote.start(), part.start + quote.end()
        inside = find_dates(text, start, end, published, anchor, True, days, paragraph_year)
        if inside:
            found = [d for d in found if not start <= d.start < end] + inside
    return sorted(found, key=lambda d: d.start)


# A verb of saying between a date and the future words: "He said on Monday that the
# company will file ...", "On Monday, the minister said Ukraine must ...".
_SAYING_BETWEEN = re.compile(r"\b(?:said|says|told|announced|stated|added|wrote|confirmed)\b")
_SAID_RIGHT_BEFORE = re.compile(
    r"\b(?:said|told\s+[\w ]{1,30}?|announced|stated|added|wrote|confirmed)\s+$"
)


def _said_before(
    text: str,
    part: Span,
    found: list[DateMention],
    future_at: int,
    published: Published | None,
    anchor: TimelineDate | None,
    days: tuple,
    paragraph_year: int | None,
) -> list[DateMention]:
    """The dates of a clause with future words, a date right after a verb of saying, or
    before a verb of saying that comes before those words, read as the saying's ("He said
    on Monday that the company will file in June": the Monday before publication, June
    ahead; "On Monday, the minister said Ukraine must ...")."""
    resolved = []
    for date in found:
        at = date.end - part.start
        said_right_before = _SAID_RIGHT_BEFORE.search(part.text, 0, date.start - part.start)
        if at <= future_at and (
            said_right_before or _SAYING_BETWEEN.search(part.text, at, future_at)
        ):
            past = find_dates(
                text, date.start, date.end, published, anchor, False, days, paragraph_year
            )
            resolved.extend(past or [date])
        else:
            resolved.append(date)
    return resolved


def _is_dateline(date: DateMention, sentence: Span, published: Published | None) -> bool:
    """Is the date the article's dateline, run into the first sentence ("Thursday, May 7,
    2015 On Tuesday, the government announced ...", "WASHINGTON, May 7, 2015 — ...")? A
    full date of the publication day, weekday and year included, that opens the sentence
    and is followed by more words; or the publication day after a city in capitals and
    before a dash or an agency's bracket."""
    if published is None or date.date.precision != "day" or date.date.start != published.date:
        return False
    if (
        date.start == sentence.start
        and date.end < sentence.end - 1
        and bool(_WEEKDAY_WORD.match(date.expression))
        and bool(re.search(r"\d{4}$", date.expression))
    ):
        return True
    # "WASHINGTON, May 7, 2015 —", "KYIV, May 7 (Reuters) -": a city in capitals, the
    # day, then a dash or the agency
    before = sentence.text[: date.start - sentence.start]
    return bool(_DATELINE_CITY.fullmatch(before)) and bool(
        re.match(r"\s*(?:[—–-]|\()", sentence.text[date.end - sentence.start :])
    )


_DATELINE_CITY = re.compile(r"[A-Z][A-Z .'-]{1,40},\s+(?:on\s+)?")


def _reports_happening(sentence: str, dates: list[DateMention]) -> bool:
    """A sentence that names no actor is still an event when it reports something that
    happened (or will): a finite verb and some words besides the date."""
    rest = sentence
    for date in dates:
        rest = rest.replace(date.expression, " ")
    return len(re.findall(r"[a-z]{2,}", rest)) >= 3 and bool(_HAPPENING_VERB.search(rest))


# Words that are no verb nor anything else that tells a happening.
_FUNCTION_WORDS = frozenset(
    "a an the of and or for in on at to by from with as vs via de del la le von van".split()
)


# A citation line, as under "Sources" or "Related news": an optional bullet and author
# ("Ian Sample."), a quoted headline, a dash, the publisher and the date it was
# published. The headline is another article's; the date is its publication, no
# happening of this one.
_CITATION = re.compile(
    r"\s*(?:[*•·-]\s*)?(?:[^“”\"]{1,80}?\.\s+)?[“\"][^“”\"]{3,200}[”\"]\s*[—–-]{1,2}\s*"
    r"[^.!?“”\"]{1,80}?[.]?\s*"
)


def _has_lowercase_word(wording: str) -> bool:
    """Does the wording hold a word beyond names, numbers and function words? A line of
    names and a date ("Bureau of Labor Statistics, Consumer Price Index - June 2023", a
    reference; "Secretary Yellen - March 2024") tells no happening."""
    return any(
        word not in _FUNCTION_WORDS for word in re.findall(r"(?<![\w’'-])[a-z][a-z’'-]+", wording)
    )


# "the strike of", "the agreement of": a noun the date belongs to ("the end of", "the night
# of" are parts of the date itself).
_NOUNS_DATE_BEFORE = re.compile(
    r"\bthe\s+(?!(?:end|start|beginning|middle|night|morning|evening|afternoon|eve|week|"
    r"month|year|weekend|spring|summer|autumn|fall|winter|first|last)\b)[a-z]+\s+of\s+$"
)
_PERCENTAGE = re.compile(r"\d[\d,.]*\s*(?:%|percent\b|per cent\b)", re.IGNORECASE)
_CLAUSE_END = re.compile(r"\s+(?:that|which|who|because)\b|[;:–—]|,\s+(?:which|who|as|and)\b")


# "As a result of today's actions, ...", "Under today's action, ...": what follows is the
# effect of the day's happening, told as its consequence, not a second happening.
_EFFECT_OF = re.compile(
    r"\b(?:as a (?:result|consequence) of|because of|pursuant to|under|in light of|"
    r"thanks to|owing to|due to)\s+$",
    re.IGNORECASE,
)


def _describes_the_days_happening(
    evidence: Span, date: DateMention, dates: list[DateMention]
) -> bool:
    """Is the date a possessive ("Today's action", "last week's vote") in a clause that
    tells nothing done, only what that happening is or does ("Today's action builds upon
    recent sanctions", "As a result of today's action, all property ... is blocked"), or
    its effect ("As a result of today's actions, exchanges will be prohibited ...")?
    The happening is the article's report of it, elsewhere; this sentence describes it."""
    at = date.end - evidence.start
    if not re.match(r"[’']s\b", evidence.text[at : at + 2]):
        return False
    if _EFFECT_OF.search(evidence.text, 0, date.start - evidence.start):
        return True  # "As a result of today's actions, exchanges will be prohibited ..."
    end = _CLAUSE_END.search(evidence.text, at + 2)
    clause = evidence.text[: end.start() if end else len(evidence.text)]
    return why_not_reported(_without_dates(clause, dates)) is not None


_PARTICIPLE_BEFORE = re.compile(
    r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )(?<!\bbe )(?<!\bbeen )(?<!\bbeing )"
    r"(?<!\bhas )(?<!\bhave )(?<!\bhad )(?<!\bwe )(?<!\bI )(?<!\byou )(?<!\bthey )"
    r"(?<!\bhe )(?<!\bshe )(?<!\bit )(?<!\bthat )(?<!\bwhich )(?<!\bwho )"
    r"\b[a-z]+ed(?:\s+or\s+[a-z]+ed)?\s+$"
)


def _named_in_passing(evidence: Span, date: DateMention, dates: list[DateMention]) -> bool:
    """Is the date a participle's ("the individuals designated today") in a sentence that
    otherwise states a rule or a risk ("... may themselves be exposed to sanctions",
    "engaging in transactions with them entails risk")? The designation is reported where
    the article reports it; here it only names who is meant."""
    at = date.start - evidence.start
    participle = _PARTICIPLE_BEFORE.search(evidence.text, 0, at)
    if participle is None:
        return False
    rest = evidence.text[: participle.start()] + evidence.text[date.end - evidence.start :]
    rest = _without_dates(rest, dates)
    why = why_not_reported(rest)
    generic = re.match(r"\W*(?:\w+,\s+)?[a-z]*ing\b", rest, re.IGNORECASE)
    return why == "a guess in a quotation" or (why is not None and bool(generic))


_COORDINATED = re.compile(r",\s+(?:and|but)\s+|;\s+")


_RELATIVE_CLAUSE_BEFORE = re.compile(r"\b(?:who|which|that)\b[^,;:.!?]*$", re.IGNORECASE)


def _quoted_and_not_reported(
    evidence: Span, date: DateMention, dates: list[DateMention], quoted: list[tuple[int, int]]
) -> bool:
    """Does the date stand inside a quotation whose words that hold it report no
    happening (a title, a view)?"""
    if not any(a <= date.start and date.end <= b for a, b in quoted):
        return False
    governed = governed_wording(evidence.text, 0, len(evidence.text), date.start - evidence.start)
    return why_not_reported(_without_dates(governed, dates)) is not None


def _decade_describing_who(evidence: Span, date: DateMention) -> bool:
    """Is the date a decade ("in the 2000s") inside a relative clause ("who immigrated
    there in the 2000s")?"""
    if not re.search(r"\d0s\b", date.expression):
        return False
    return bool(_RELATIVE_CLAUSE_BEFORE.search(evidence.text, 0, date.start - evidence.start))


def _date_is_the_subject(evidence: Span, date: DateMention) -> bool:
    """Does the sentence say what the date is ("For all of you here, today is the
    culmination of a long road")? It characterises the day, no happening on it."""
    at = date.start - evidence.start
    opens = at == 0 or re.search(r",\s*$", evidence.text[:at])
    after = evidence.text[date.end - evidence.start :]
    if not opens or not re.match(r"\s+(?:is|was|will be|has been)\b", after):
        return False
    # "Friday was his birthday, and the delegation celebrated it": a happening follows
    return not any(why_not_reported(clause) is None for clause in _COORDINATED.split(after)[1:])


def _opinion_of_a_state(evidence: Span, date: DateMention, dates: list[DateMention]) -> bool:
    """Is the evidence a state or an opinion with who holds it attached ("Last year's
    decision was a mistake, critics said")? The attribution's verb does not make the
    rest a happening, unless the date is the saying's ("critics said on Monday ...")."""
    span = attribution(evidence.text)
    if span is None or span[0] <= date.start - evidence.start < span[1]:
        return False
    rest = evidence.text[: span[0]] + " " + evidence.text[span[1] :]
    return why_not_a_happening(_without_dates(rest, dates)) == "a state"


def _without_dates(wording: str, dates: list[DateMention]) -> str:
    """The wording with its date expressions blanked out: "the 2014 protests" or "by
    2050" are the date, not a verb or a figure of the sentence."""
    for date in dates:
        wording = wording.replace(date.expression, " ")
    return wording


def _year_of(date: TimelineDate) -> int | None:
    """The one year a date lies in, if it lies in one."""
    return date.start.year if date.start.year == date.end.year else None


def _past_days(text: str, split: list[list[tuple[Span, list[Span]]]], published: Published | None):
    """Days stated in full in clauses not about the future: what "on Sunday" may name in a
    source dated only to the month ("a meeting set for Aug. 15" names no past Friday).
    ``split``: each paragraph's sentences, each with its clauses."""
    if not published or published.precision != "month":
        return ()
    days: list = []
    for paragraph in split:
        for _, parts in paragraph:
            for part in parts:
                stated = known_days(text, published, part.start, part.end)
                if stated and not _PLANNED.search(part.text):
                    days.extend(stated)
    return tuple(days)


def _candidate(
    evidence: Span,
    dates: list[DateMention],
    located: MentionIndex,
    book: ActorBook,
    published: Published | None,
    typed_by: str | None = None,
    quoted: list[tuple[int, int]] = (),
) -> EventCandidate | None:
    """The candidate a piece of evidence gives; its type from ``typed_by`` when given
    (the clause that says what happened), else from the whole evidence. A date inside a
    quotation (``quoted``) is the speaker's: the quoted clause must report a happening."""
    actor_words: dict[str, str] = {}
    for mention in located.between(evidence.start, evidence.end):
        actor_words.setdefault(mention.actor_id, mention.text)
    actors = list(actor_words)
    if not actors and not _reports_happening(evidence.text, dates):
        return None
    if not _has_lowercase_word(_without_dates(evidence.text, dates)) and not (
        name_in_year_items(evidence.text) or _NAME_IN_YEAR.fullmatch(evidence.text)
    ):
        return None  # "Bureau of Labor Statistics, Consumer Price Index - June 2023": a title
    if _CITATION.fullmatch(evidence.text):
        return None  # '* "Turkey secures border" — Wikinews, June 7, 2007': a link
    # "Today's action follows OFAC's September 22 designation": the day's action is
    # described, the September 22 designation is reported
    dates = [d for d in dates if not _describes_the_days_happening(evidence, d, dates)]
    # "Ukrainians who immigrated there in the 2000s watch ...": a decade inside a relative
    # clause describes who is meant, over ten years; it dates no happening of the sentence
    dates = [d for d in dates if not _decade_describing_who(evidence, d)]
    # 'we ran an article a couple of years back that was, "No Jennifer Lopez News Today"':
    # a date inside quoted words that report nothing is theirs, not the sentence's; the
    # sentence's other dates still date it
    dates = [d for d in dates if not _quoted_and_not_reported(evidence, d, dates, quoted)]
    if not dates:
        return None
    # The most precise date; of two as precise, the one stated outright ("six years ago,
    # in 2019": 2019 because the text says so, not because of the publication year).
    # A noun's date ("summoned the ambassador over the strike of July 8") is that noun's
    # happening's: another date of the sentence, if it has one, is the sentence's.
    date = min(
        dates,
        key=lambda d: (
            bool(_NOUNS_DATE_BEFORE.search(evidence.text, 0, d.start - evidence.start)),
            _PRECISION_RANK[d.date.precision],
            not d.absolute,
        ),
    )
    wording = typed_by or evidence.text
    kind, keyword = next(_type_matches(wording), ("other", None))
    action = keyword.group() if keyword and kind not in ("statement", "trade") else ""
    governed = (
        wording
        if typed_by
        else governed_wording(evidence.text, 0, len(evidence.text), date.start - evidence.start)
    )
    if why_not_a_happening(_without_dates(governed, dates), action):
        return None
    if governed is evidence.text and (
        _opinion_of_a_state(evidence, date, dates)
        or _named_in_passing(evidence, date, dates)
        or _date_is_the_subject(evidence, date)
        or (
            kind == "other"
            and date.date.precision in ("year", "range")
            and _PERCENTAGE.search(_without_dates(evidence.text, dates))
        )
    ):
        return None
    if any(a <= date.start and date.end <= b for a, b in quoted) and why_not_reported(
        _without_dates(governed, dates)
    ):
        return None
    names = [book.actors[a].name for a in actors[:3]]
    label = TYPE_LABELS.get(kind, kind.replace("_", " ").capitalize())
    # With no actor named, the sentence's first words name the happening.
    opening = " ".join(re.findall(r"[\w’'-]+", evidence.text)[:6])
    title = f"{label}: {', '.join(names) if names else opening}"
    subject = actors[0] if actors else slug(" ".join(opening.split()[:4]))[:40]
    event_id = f"x-{slug(date.date.edtf)}-{kind.replace('_', '-')}-{subject}"
    status = event_status(evidence.text, date.date, published)
    if (
        date.expression.lower() == "today" or _BARE_WEEKDAY.fullmatch(date.expression)
    ) and speaks_of_now(_without_dates(governed, dates)):
        return None  # "Today, we prioritize alternatives ...": the speaker's nowadays
    if _CONDITION_BEFORE.search(evidence.text, 0, date.start - evidence.start):
        return None  # "unless they take them out this summer, ...": a supposition
    return EventCandidate(
        event_id,
        kind,
        status,
        date,
        evidence,
        actors,
        title,
        wording,
        keyword.group() if keyword else "",
        actor_words,
    )
