"""Which event candidates of one article restate a happening it reported before.

Press releases and wire copy tell the day's happening in the lead, then again: "Today's
designation is part of a whole-of-government effort ...", "Those sanctioned today are
associated with ...", "The guidance released today gets these programs off the ground".
Each restatement is evidence for the happening already reported, not a happening of its
own. A later candidate joins the first candidate of the same date when its date words
point back at a happening:

* **a possessive of a word for a happening** ("Today's action", "Tuesday's vote", "last
  week's attack"; not "last week's jobs report", nor "In addition to today's action, X
  published ...", another happening beside it): the date names a happening the reader
  knows;
* **a participle before the date that qualifies a noun**, the main verb after it ("those
  sanctioned today are ...", "the guidance released today gets ...", "the boat rescued on
  Friday was turned around"); not "were designated today" nor "The competition ended on
  Tuesday.", finite verbs that report a happening of their own;
* **the same happening told again**: the same type keyword (not a speech verb) and an
  actor in common ("OFAC designated X today" after "Today, OFAC designated X and Y").

A happening told beside the day's ("In addition to today's sanctions, the Coalition has
published ...", "Alongside today's report, the White House released ...") is its own
event, even when its date, type and first actor would give it the first one's id.
Different actors doing things on the same day stay apart ("In addition, today the
Department of State designated two officials"); so do happenings of a different date.
"""

from __future__ import annotations

import re
from typing import Protocol

# "Today's action", "Tuesday’s vote", "last week's attack": the date as a possessive of a
# word for a happening (one word may stand between: "today's collective actions"). Not
# "last week's jobs report", a publication of its own, nor "today's money".
_POSSESSIVE_OF_HAPPENING_AFTER = re.compile(
    r"[’']s\s+(?:[a-z-]+\s+)?(?:actions?|designations?|sanctions?|announcements?|awards?|"
    r"decisions?|moves?|steps?|measures?|guidance|approvals?|agreements?|deal|votes?|"
    r"events?|meetings?|summit|talks|attacks?|strikes?|ruling|visit|launch|orders?|"
    r"proposals?|investments?|commitments?|grants?|funding|allocations?|appointments?|"
    r"nominations?|confirmation|hearings?|arrests?|charges|indictments?|determinations?|"
    r"identifications?|release|statement|selections?)\b"
)
# "In addition to today's action", "Alongside today's report": what follows is another
# happening of the day, told beside it.
_BESIDES_BEFORE = re.compile(
    r"\b(?:in addition to|besides|apart from|aside from|beyond|alongside|along with|"
    r"together with)\s+$",
    re.IGNORECASE,
)
# A participle right before the date, not after an auxiliary or a subject pronoun: "those
# sanctioned today" points back; "were sanctioned today", "they sanctioned today" report.
_QUALIFYING_PARTICIPLE_BEFORE = re.compile(
    r"(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )(?<!\bbe )(?<!\bbeen )(?<!\bbeing )"
    r"(?<!\bhas )(?<!\bhave )(?<!\bhad )(?<!\bwe )(?<!\bI )(?<!\byou )(?<!\bthey )"
    r"(?<!\bhe )(?<!\bshe )(?<!\bit )(?<!\bwho )(?<!\bthat )(?<!\bwhich )"
    r"\b(?:[a-z]+ed|made|taken|given|set|held|put|brought|sent|issued)"
    r"(?:\s+(?:or|and)\s+[a-z]+ed)?\s+$"
)
# The main clause's verb right after the date: what makes the participle before it a
# qualifier ("those sanctioned today are ...") rather than the finite verb of a sentence
# ("The competition ended on Tuesday.").
_MAIN_VERB_AFTER = re.compile(
    r",?\s+(?:also\s+)?(?:is|are|was|were|will|would|has|have|had|can|could|may|might|must|"
    r"should|include[sd]?|aim|aims|get|gets|bring|brings|build|builds|represents?|"
    r"demonstrates?|reflects?|marks?|serves?|comes?|follows?|targets?|joins?|provides?|"
    r"helps?|allows?|makes?|means?|shows?|supports?|totals?|totaled)\b"
)
# Keywords that type a saying, not a happening: two sayings on a day are two sayings.
_SPEECH_TYPES = {"statement", "other"}


class Candidate(Protocol):
    id: str
    type: str
    type_words: str
    actor_ids: list[str]
    date: object  # DateMention: .expression, .start, .end, .date (edtf)


def points_back(text: str, start: int, end: int) -> bool:
    """Do the date words at text[start:end] name a happening already told: a possessive
    ("Today's designation") or a participle qualifying a noun ("those sanctioned today")?"""
    if _POSSESSIVE_OF_HAPPENING_AFTER.match(text, end):
        return True
    return bool(
        _QUALIFYING_PARTICIPLE_BEFORE.search(text, max(0, start - 40), start)
        and _MAIN_VERB_AFTER.match(text, end)
    )


def _tells_again(later: Candidate, earlier: Candidate) -> bool:
    """The same happening told again: the same type keyword and an actor in common."""
    return (
        later.type == earlier.type
        and later.type not in _SPEECH_TYPES
        and later.type_words.lower() == earlier.type_words.lower()
        and bool(set(later.actor_ids) & set(earlier.actor_ids))
    )


def told_beside(text: str, start: int) -> bool:
    """Is the date at ``start`` that of a happening told beside another ("In addition to
    today's sanctions actions, the Coalition has also published ...", "Alongside today's
    report, the White House released ...")?"""
    return bool(_BESIDES_BEFORE.search(text, max(0, start - 30), start))


def join_restatements(text: str, candidates: list[Candidate]) -> dict[int, tuple[str, str]]:
    """For each candidate (by its index) whose event is not its own id: the id of the
    event it joins and why ("the date points back", "told again"), or, for a happening
    told beside an earlier one that has its id (same date, type and first actor), an id of
    its own and ""."""
    joined: dict[int, tuple[str, str]] = {}
    of_date: dict[str, list[Candidate]] = {}
    taken = {candidate.id for candidate in candidates}
    for index, candidate in enumerate(candidates):
        earlier = of_date.setdefault(candidate.date.date.edtf, [])
        if told_beside(text, candidate.date.start):
            if any(candidate.id == other.id for other in earlier):
                joined[index] = (_fresh(candidate.id, taken), "")
        elif earlier and all(candidate.id != other.id for other in earlier):
            if points_back(text, candidate.date.start, candidate.date.end):
                joined[index] = (earlier[0].id, "the date points back")
            elif again := next((o for o in earlier if _tells_again(candidate, o)), None):
                joined[index] = (again.id, "told again")
        if index not in joined or not joined[index][1]:
            earlier.append(candidate)
    return joined


def _fresh(event_id: str, taken: set[str]) -> str:
    number = 2
    while f"{event_id}-{number}" in taken:
        number += 1
    taken.add(f"{event_id}-{number}")
    return f"{event_id}-{number}"
