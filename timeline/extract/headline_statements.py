"""The author a release's headline names for its statement ("Statement by Treasury
Secretary Jacob J. Lew on the Joint Comprehensive Plan of Action …"), for the body's
quotations no frame attributes.

Such a release is often the statement alone: paragraphs that open with a quotation mark
and close only at the end, no "said" anywhere, the speaker given once, in the headline.
A reader takes every unattributed quotation of the body as the author's; without this
they had no speaker.
"""

from __future__ import annotations

import re

from .actor_book import ActorBook
from .interviewees import _joins_several, _name_in, _not_one_person
from .speakers import _person_after_title
from .vocabulary import TITLE_WORDS

# "Statement by X on …", "Joint Statement of X Following …", "Remarks by X at …": the
# words after "by"/"of"/"from" up to a preposition that opens what the statement is
# about (capitalised in title-case headlines), a colon or a dash, or the end.
_HEADLINE_STATEMENT = re.compile(
    r"^(?:Joint\s+)?(?:Statement|Remarks|Testimony)\s+(?:by|of|from)\s+(?P<who>.+?)"
    r"(?=\s+(?i:on|regarding|following|after|at|before|to|about|for|in|upon|as)\s"
    r"|\s*[:–—]|$)"
)


def headline_author(title: str | None, book: ActorBook) -> tuple[str, str] | None:
    """The actor the headline names as the statement's one author, and the headline's
    words for them; None when the headline names no statement, several authors ("X and
    Y"), or no person it can name ("the Treasury Department")."""
    match = _HEADLINE_STATEMENT.match(title or "")
    if not match:
        return None
    who = match.group("who").strip()
    if " and " in f" {who} " or _joins_several(who):
        return None  # a joint statement of two: whose paragraph is whose is not said
    words = who.split()
    first = _person_after_title(words)  # "Treasury Secretary Jacob J. Lew"
    name = " ".join(words[first:]) if first is not None else _name_in(who)
    if name and _not_one_person(name.split()):
        # "Statement by the Treasury Department": a body's statement is the body's
        # words, when the article names that body; no actor is made from the headline
        return (found, who) if (found := book.find(name)) else None
    if name:
        found = book.find(name, "person") or book.add(
            name, "person", "actor: the author a statement's headline names", title or ""
        )
        return found, who
    if len(words) >= 2 and all(w.rstrip(".") in TITLE_WORDS for w in words[:-1]):
        # "Statement of Treasury Secretary Mnuchin": the one person of that surname
        if found := book.find_surname(words[-1], list(book.actors)):
            return found, who
    return None
