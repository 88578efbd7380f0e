"""Does a dated sentence report a happening, or a state, a figure, a question?

A date in a sentence does not make it an event. The annotation guidelines
(``fixtures/devset/README.md``) count a sentence when it reports something that
happened, will happen or is forecast, on the date it gives; not states and figures, not
opinions. General signs that a dated sentence (or clause) reports none:

* **a figure**: a quantity (a percentage, "by 12 percent") with a verb of measure or
  change ("accounted for 70 percent of the market in 2009", "dropped to 56 percent
  today", "would increase food needs by 50 percent by 2050"): the date is when the
  figure holds, not when anything was done;
* **a state**: the only verb is a copula with a noun or preposition after it ("This
  year's theme was water security", "The previous election was before the 2014
  protests", "Today's announcement is an affront"); "was held", "was not loading",
  "was able to meet", "prior to joining" still report happenings;
* **a counterfactual**: "would not have been possible", "could have won", "the more
  we invest this year, the better";
* **a question**: "Will the talks resume next week?" asks, it reports nothing;
* when the date stands inside a quotation, these signs are read in the quoted clause
  that holds it ("X concluded, “… over the past 30 days it's been #3”": the days date the
  ranking, not the concluding). A quoted happening stays one ("“We signed it on
  Tuesday,” she said"): on the dev set and the seeds, whole quoted statements are gold
  events as often as not.

Date expressions that date no happening at all (a snapshot, a habit, a name, nowadays)
are ``non_dates``'s.
"""

from __future__ import annotations

import re

_QUANTITY = re.compile(
    r"\d[\d,.]*\s*(?:%|percent\b|per cent\b|percentage points?\b)|"
    r"\bby\s+(?:about\s+|nearly\s+|almost\s+|roughly\s+|around\s+|some\s+|over\s+|"
    r"more than\s+|less than\s+|approximately\s+|either\s+)?\d[\d,.]*\b",
    re.IGNORECASE,
)
_MEASURE_VERB = re.compile(
    r"\b(?:account(?:s|ed|ing)?\s+for|r[io]se[ns]?|rising|f[ae]ll(?:s|en|ing)?|drop(?:s|ped|ping)?|"
    r"declin(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)|gr[eo]w(?:s|n|ing)?|"
    r"exceed(?:s|ed|ing)?|reach(?:es|ed|ing)?|doubl(?:e|es|ed|ing)|tripl(?:e|es|ed|ing)|"
    r"halv(?:e|es|ed|ing)|total(?:s|led|ed|ling)|amount(?:s|ed)?\s+to|st(?:ood|ands?)\s+at|"
    r"climb(?:s|ed|ing)?|jump(?:s|ed|ing)?|surg(?:e|es|ed|ing)|plung(?:e|es|ed|ing)|"
    r"slump(?:s|ed|ing)?|shr[aiu]nk(?:s|ing)?|shrink|reduc(?:e|es|ed|ing|tion)|"
    r"make[s]?\s+up|made\s+up|represent(?:s|ed)?)\b",
    re.IGNORECASE,
)
# "is", "was", and "has been" / "it's been" when no participle follows ("it's been #3").
# A number right after a verb of measure: "rose to 57", "reached 2 million", "fell by a
# third" is not needed; "reached a deal" has no number and stays a happening.
_MEASURED_NUMBER = re.compile(
    r"\s+(?:(?:to|by|from|about|nearly|almost|over|under|above|below|some|around|roughly|"
    r"approximately|more than|less than|just|a record|an estimated|a total of|\w+ly)\s+)*"
    r"[$£€]?\d",
    re.IGNORECASE,
)
_COPULA = re.compile(
    r"\b(?:is|are|was|were|(?:it|that|there|he|she|this|what|who)[’']s|(?:we|you|they)[’']re|"
    r"(?:has|have|had|[\w]+[’']s|[\w]+[’']ve)\s+been)\b"
    r"(?:\s+(?:not|never|still|also|now))*\s+(\S+)",
    re.IGNORECASE,
)
# After a copula: a participle, a gradual "-ing", "able to", "to": a happening, not a state.
_VERBAL_COMPLEMENT = re.compile(
    r"(?!been$)[a-z]+(?:ed|en|wn|ing)$|able|to|set|due|held|made|put|hit|left|lost|sold|sent|"
    r"done|begun|paid|built|brought|kept|found|won|said|told|shut|cut|run|met|bought|taught"
)
_IRREGULAR_PAST = (
    r"died|did|made|met|took|began|went|came|said|told|gave|left|won|lost|fell|rose|held|hit|led|"
    r"ran|saw|sent|set|shot|struck|spoke|found|built|broke|became|brought|caught|chose|"
    r"drove|fled|flew|fought|froze|grew|kept|knew|laid|paid|put|sold|stood|threw|wrote|"
    r"bought|taught|thought|won|sank|sang|swore|stole|hung|dug|beat|bit|cut|quit|shut"
)
# Words before an "-ed" word that make it an adjective ("the thousands of dedicated men").
_ADJECTIVE_BEFORE = (
    r"the|a|an|of|its|their|his|her|our|my|your|this|that|these|those|very|most|more|"
    r"well|highly|newly|so|too|and|or|with|for|by|in"
)
_ADJECTIVE_BEFORE_WORDS = frozenset(_ADJECTIVE_BEFORE.split("|"))
_ED_WORD = re.compile(r"(?:\b([a-z]+)\s+)?\b[a-z]{3,}ed\b")
_OTHER_VERB = re.compile(
    rf"\b(?:{_IRREGULAR_PAST})\b|"
    r"\b(?:will|would|could|shall|can|may|might|must|should)\b|"
    r"\b(?:has|have|had)\s+(?:\w+\s+)?(?!been\b)[a-z]+(?:ed|en|wn|ne|ght|ung|pt|ade|eld|ome|ost|uck|et|id|un|ld)\b|"
    r"\b(?:after|before|since|upon|prior to|following|when|while|by)\s+[a-z]+ing\b|"
    r"\b(?:plans?|expects?|intends?|aims?|hopes?|wants?|agrees?|decides?|tries)\s+to\b",
    re.IGNORECASE,
)


def _last_word_start(match: re.Match) -> int:
    """Where the "-ed" word of an ``_ED_WORD`` match (the word before it included) starts."""
    return match.end() - len(match.group(0).split()[-1])


def _has_other_verb(wording: str, stative: bool = False) -> bool:
    """Has the wording a verb besides a copula: an "-ed" word not read as an adjective
    (after "the", "of", "very", ...), an irregular past, a modal, a perfect, "after
    joining", "plans to"? With a stative verb (``stative``), an "-ed" word is no verb
    either when it is one of the stative verbs ("remained"), their complement ("remains
    closed") or a participle after a noun ("the trust placed in me")."""
    for match in _ED_WORD.finditer(wording):
        if (match.group(1) or "").lower() in _ADJECTIVE_BEFORE_WORDS:
            continue
        word_start = _last_word_start(match)
        if stative and (
            _STATIVE_ED.fullmatch(wording[word_start : match.end()])
            or _COMPLEMENT_BEFORE.search(wording, 0, word_start)
            or _NOUN_BEFORE.search(wording, 0, word_start)
        ):
            continue
        return True
    return bool(_OTHER_VERB.search(wording))


# Verbs of a state, not of a change: "the airport remains closed", "Today represents a
# new chapter", "I feel the full weight of that responsibility", "it looked like a jungle".
_STATIVE = re.compile(
    r"\b(?:remain(?:s|ed)?|seem(?:s|ed)?|appear(?:s|ed)?\s+to\s+be|"
    r"look(?:s|ed)?\s+like|feels?|knows?|believes?|thinks?|represents|lacks?|belongs?|"
    r"consists?\s+of)\b",
    re.IGNORECASE,
)
_STATIVE_ED = re.compile(r"(?:remain|seem|appear|look|lack|belong|consist)ed", re.I)
_COMPLEMENT_BEFORE = re.compile(
    r"\b(?:is|are|was|were|be|been|being|remain(?:s|ed)?|seem(?:s|ed)?|feels?)"
    r"\s+(?:\w+ly\s+|not\s+|still\s+|so\s+|very\s+)*$",
    re.IGNORECASE,
)
_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|this|that|its|their|our|my)\s+[a-z]+\s+$", re.I)


_COUNTERFACTUAL = re.compile(
    r"\b(?:would|could|might|should)(?:\s+not|n[’']t)?\s+have\s+(?:been\s+)?[a-z]+|"
    # "If they had not made the decision, I would not be standing here today"
    r"\bif\b[^.;]*\bhad\b[^.;]*\b(?:would|could|might)\b",
    re.I,
)
# "The more we invest this year, the better the figures": a rule of thumb, not a happening.
_CORRELATIVE = re.compile(
    r"^\W*the (?:more|less|better|fewer|sooner|longer)\b.*,\s*the \w+er\b", re.I
)
# A question asks; it reports nothing ("Did the talks resume on Monday?"). A question
# inside a quotation is left to the quotation's reader.
_QUESTION = re.compile(r"^[^“”\"]*\?\s*$")
_FUTURE = re.compile(
    r"\b(?:will|shall|is to|are to|going to|plans? to|planned|scheduled|set to|due to|"
    r"expects? to|intends? to)\b|[a-z]’ll\b|'ll\b",
    re.IGNORECASE,
)


_FUTURE_COPULA = re.compile(r"\s+(?:will|shall)\s+(?:not\s+)?be\b", re.IGNORECASE)
_HAVING = re.compile(r"\b(?:had|has|have|numbered)\b", re.IGNORECASE)
# Who says it, before or after what is said: "Last year's decision was a mistake, critics
# said", "Critics argue that the 2019 reform was a failure".
_ATTRIBUTION_AFTER = re.compile(
    r",\s*(?:according to\b[^,]*|(?:[\w’'.-]+\s+){0,5}(?:said|says|added|argued|argues|"
    r"claimed|claims|wrote|warned|noted|believes?|thinks?)(?:\s+[\w’'.-]+){0,5})\s*[.!]?\s*$",
    re.IGNORECASE,
)
_ATTRIBUTION_BEFORE = re.compile(
    r"^\W*(?:[\w’'.-]+\s+){1,6}(?:said|says|argued|argues|claimed|claims|wrote|noted|"
    r"believes?|thinks?)(?:(?:\s+(?!that\b)[\w’'.,-]+){0,5}?\s+that\b|\b)\s*",
    re.IGNORECASE,
)


def attribution(wording: str) -> tuple[int, int] | None:
    """The span of an attribution ("..., critics said", "Analysts argue that ...") at the
    start or the end of the wording, if it has one."""
    for pattern in (_ATTRIBUTION_AFTER, _ATTRIBUTION_BEFORE):
        if found := pattern.search(wording):
            return found.start(), found.end()
    return None


# Pointers to elsewhere, not reports: "Click here for information on the individuals
# designated today", "For identifying information ..., click here", "The table below".
_POINTER = re.compile(
    r"^\W*(?:click|see|visit|view|read|learn|contact|watch|download|subscribe)\b|"
    r"\bclick here\b|^\W*for\s+(?:more|further|additional|identifying|detailed)\s+information\b|"
    r"\b(?:table|chart|figure|graph)s?\s+(?:below|above)\b",
    re.IGNORECASE,
)


# "In 2002, an appeal against his conviction was unsuccessful": a copula, but its subject
# is a happening and the complement its outcome, so the sentence tells how it ended.
_OUTCOME_OF_HAPPENING = re.compile(
    r"\b(?:appeals?|bids?|attempts?|efforts?|votes?|referendums?|operations?|missions?|"
    r"launch(?:es)?|raids?|talks|negotiations|trials?|tests?|searches|search|rescue|"
    r"offensives?|challenges?|motions?|petitions?|applications?|requests?|lawsuits?|"
    r"suits?|protests?|strikes?)\b[^.;:!?]{0,60}?\b(?:was|were)\s+(?:not\s+)?"
    r"(?:successful|unsuccessful|fruitless|futile|in\s+vain|inconclusive|a\s+success|"
    r"a\s+failure)\b",
    re.IGNORECASE,
)


def why_not_a_happening(wording: str, type_keyword: str = "") -> str | None:
    """Why ``wording`` (a sentence or clause, its date expressions blanked out) reports no
    happening ("a figure", "a state", "a counterfactual"), or None when it may report one.
    ``type_keyword`` is the word an action type was read from ("met", "attack"): a figure
    beside an action is still the action's report."""
    if _COUNTERFACTUAL.search(wording) or _CORRELATIVE.search(wording):
        return "a counterfactual"
    if _POINTER.search(wording):
        return "a pointer"
    if _QUESTION.search(wording):
        return "a question"
    if not type_keyword and (
        (_QUANTITY.search(wording) and _MEASURE_VERB.search(wording))
        or any(
            _MEASURED_NUMBER.match(wording, verb.end()) for verb in _MEASURE_VERB.finditer(wording)
        )
    ):
        return "a figure"
    for having in _HAVING.finditer(wording):
        rest = wording[: having.start()] + wording[having.end() :]
        if _MEASURED_NUMBER.match(wording, having.end()) and not _has_other_verb(rest):
            return "a figure"  # "In 2019, the country had 5 million inhabitants"
    # "By this time next year, it will be more difficult ...": a state to come
    wording = _FUTURE_COPULA.sub(" is", wording)
    copulas = list(_COPULA.finditer(wording))
    stative = bool(_STATIVE.search(wording))
    if (copulas or stative) and not any(
        _VERBAL_COMPLEMENT.match(c.group(1).lower()) for c in copulas
    ):
        if not _has_other_verb(wording, stative) and not _OUTCOME_OF_HAPPENING.search(wording):
            return "a state"
    return None


_PERFECT = re.compile(
    r"\b(?:has|have|had|(?:it|he|she|that|there|who|what)[’']s|[\w]+[’']ve|[\w]+[’']d)\s+"
    r"(?:\w+ly\s+|not\s+|never\s+|already\s+)*"
    r"(?:been\s+)?[a-z]+(?:ed|en|wn|ne|ght|ung|pt|ade|eld|ome|ost|uck|et|id|un|ld)\b",
    re.IGNORECASE,
)
_IRREGULAR_PAST_WORD = re.compile(rf"\b(?:{_IRREGULAR_PAST}|was|were)\b", re.IGNORECASE)
# "I'm deeply disappointed", "we are determined", "the Administration's misguided
# decision": a present state or an adjective, not a past deed.
_PRESENT_STATE_BEFORE = re.compile(
    r"(?:\b(?:am|is|are|be|being|feel|feels|seem|seems)|[’']m|[’']re|[’']s)\s+(?:\w+ly\s+|not\s+|so\s+|very\s+)*$",
    re.IGNORECASE,
)
_HEDGE = re.compile(r"\b(?:could|might|may|would|should|can|must)\b", re.IGNORECASE)


# "we prioritize", "I thank", "you see": a speaker's own present, simple tense.
_SPEAKER_PRESENT = re.compile(
    r"\b(?:[Ww]e|I|[Yy]ou)\s+(?:(?:also|still|now|always|really|truly|\w+ly)\s+)*"
    r"(?!(?:will|would|shall|can|could|may|might|must|should|have|had|did|was|were|am|are|"
    r"do|don|won|didn)\b)[a-z]+\b(?<!ed)"
)


def speaks_of_now(wording: str) -> bool:
    """Does the wording tell the speaker's present, the simple tense of habits and views
    ("Today, we prioritize alternatives like the Middle Corridor", "I thank the staff
    present today"), with nothing done or set? Then its "today" is nowadays."""
    return bool(_SPEAKER_PRESENT.search(wording)) and why_not_reported(wording) is not None


def why_not_reported(quoted: str) -> str | None:
    """Why the quoted clause that holds a date reports no happening, or None when it
    does. A quotation is the speaker's words: it reports a happening when it tells of
    one done (a past or perfect verb: "Last year, 44 people stayed at a camp", "They
    made another provocation on Thursday") or set ("we will meet on Friday"). In the
    present tense it gives a view or a state ("Today represents a new chapter", "the
    hope we feel today"), with only a modal a guess ("it could happen next year")."""
    if _FUTURE.search(quoted) or _PERFECT.search(quoted) or _IRREGULAR_PAST_WORD.search(quoted):
        return None
    if any(
        (match.group(1) or "").lower() not in _ADJECTIVE_BEFORE_WORDS
        and not _PRESENT_STATE_BEFORE.search(quoted, 0, _last_word_start(match))
        for match in _ED_WORD.finditer(quoted)
    ):
        return None
    if _HEDGE.search(quoted):
        return "a guess in a quotation"
    return "a view or a state in a quotation"


_QUOTE_OR_CLAUSE_BREAK = re.compile(r"[“”\"]|,\s+(?=(?:as|when|while|whereas|but|and|so)\s)|;\s+")


def governed_wording(text: str, start: int, end: int, date_start: int) -> str:
    """The words a date governs in text[start:end]: the whole of it, or, when the date
    stands inside a quotation, the quoted clause that holds it ("PC World concluded,
    “… over the past 30 days it's been #3”": the days date the ranking, not the
    concluding)."""
    before = text[start:date_start]
    if before.count("“") <= before.count("”") and before.count('"') % 2 == 0:
        return text[start:end]
    breaks = list(_QUOTE_OR_CLAUSE_BREAK.finditer(text, start, end))
    first = max((b.end() for b in breaks if b.end() <= date_start), default=start)
    last = min((b.start() for b in breaks if b.start() >= date_start), default=end)
    return text[first:last]
