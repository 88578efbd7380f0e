"""Plural titles: "the presidents", "the two foreign ministers" name officeholders.

Diplomatic news often names the people of a meeting only by their office: "the
presidents met in New York", "the presidents of Ukraine and Kazakhstan met six years
ago". Such a phrase names, for each state it concerns, the one known person holding
that office there (learnt from "Kazakh President X" or a curated description "President
of Kazakhstan"). The states are the ones the phrase names ("of Ukraine and Kazakhstan",
"the Kazakh and Ukrainian presidents"), else the two states the article has named most
up to that point (the two countries a bilateral story is about). A state with no known
officeholder, or with two, makes the phrase name nobody: a missing actor costs less than
a wrong one.
"""

from __future__ import annotations

import re
from collections import Counter

from .actors import ActorBook, Mention, QuotedText
from .gazetteer import DEMONYMS, state_named
from .sentences import Span

# Plural office -> the role noun curated descriptions and titles use for it.
OFFICES = {
    "presidents": "president",
    "foreign ministers": "minister",
    "prime ministers": "minister",
    "ambassadors": "ambassador",
}
_PLURAL_WORDS = {office.split()[-1] for office in OFFICES}
_OFFICE = "|".join(sorted(OFFICES, key=len, reverse=True))
_STATE = r"[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?"
# Case matters: the office in lower case ("The Presidents Club" is a name), states and
# demonyms capitalised. "[Tt]he(?<=\b[Tt]he)", not "\b[Tt]he": the same matches, but the
# regex engine skips to the next "t" or "T" instead of trying a word boundary everywhere.
_PLURAL_TITLE = re.compile(
    rf"[Tt]he(?<=\b[Tt]he)\s+(?:two\s+|both\s+)?"
    rf"(?:(?P<adjective_1>[A-Z]\w+)\s+and\s+(?P<adjective_2>[A-Z]\w+)\s+)?(?P<office>{_OFFICE})\b"
    rf"(?:\s+of\s+(?:the\s+)?(?P<state_1>{_STATE})\s+and\s+(?:the\s+)?(?P<state_2>{_STATE}))?"
)


def officeholder_mentions(
    text: str,
    paragraphs: list[Span],
    mentions: list[Mention],
    book: ActorBook,
    quoted: QuotedText,
) -> list[Mention]:
    """A mention of each officeholder a plural title names, at the title's offsets.
    ``mentions``: the text's other mentions, in order (they give the states in context)."""
    found: list[Mention] = []
    if not any(office in text for office in _PLURAL_WORDS):
        return found  # most articles name no plural office: no regex scan of every "the"
    context = _StatesSoFar(mentions, book)
    holders_of: dict[tuple[str, str], str | None] = {}  # roles no longer change here
    for paragraph in paragraphs:
        for match in _PLURAL_TITLE.finditer(text, paragraph.start, paragraph.end):
            states = _named_states(match) or context.most_named(match.start())
            role = OFFICES[match.group("office")]
            for state in states:
                if (role, state) not in holders_of:
                    holders_of[role, state] = _holder(book, role, state)
            holders = [holders_of[role, state] for state in states]
            if len(states) != 2 or None in holders or len(set(holders)) != 2:
                continue
            for actor_id in holders:
                found.append(
                    Mention(
                        match.start(),
                        match.end(),
                        match.group(0),
                        actor_id,
                        quoted.holds(match.start()),
                        plural=True,
                    )
                )
    return found


def _named_states(match: re.Match) -> list[str]:
    """The states the phrase itself names: "of Ukraine and Kazakhstan", "the Kazakh and
    Ukrainian presidents"."""
    words = [match.group(k) for k in ("state_1", "state_2", "adjective_1", "adjective_2")]
    states = [DEMONYMS.get(w) or state_named(w) for w in words if w]
    return [s for s in states if s]


class _StatesSoFar:
    """How often each state has been named up to a position, asked in text order: one
    walk through the mentions for the whole text."""

    def __init__(self, mentions: list[Mention], book: ActorBook):
        self.mentions, self.book = mentions, book
        self.counts: Counter[str] = Counter()  # insertion order: first named first
        self.next = 0

    def most_named(self, position: int) -> list[str]:
        """The two states named most before a position (first named first on a tie)."""
        while self.next < len(self.mentions) and self.mentions[self.next].start < position:
            actor = self.book.actors[self.mentions[self.next].actor_id]
            if actor.type == "state":
                self.counts[state_named(actor.name) or actor.name] += 1
            self.next += 1
        ranked = sorted(self.counts, key=lambda state: -self.counts[state])  # stable
        return ranked[:2]


def _holder(book: ActorBook, role: str, state: str) -> str | None:
    """The one person known to hold a role for a state, or None."""
    holders = [
        actor.id
        for actor in book.actors.values()
        if actor.type == "person" and (role, state) in actor.roles
    ]
    return holders[0] if len(holders) == 1 else None
