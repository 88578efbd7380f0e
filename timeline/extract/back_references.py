"""Sentences that take their date from the sentence before: "There, ...", "At the meeting, ...".

News tells a happening and then what was done at it: "The summit was held in Geneva in
March. There, the two leaders signed a trade agreement." The second sentence has no date
of its own, but its opening words send the reader back to the happening just told, so
it is dated as that one. What someone *said* there ("At the event, Mayko outlined Kyiv's
stance ...") is the talk of the happening just told, no happening of its own (quotes and
statements carry what was said): such a sentence gives no event.
Only an explicit back-reference at the sentence's start counts
(a comma after it: "There is" is no place), and only right after a dated happening; the
date is inferred, and the row says from which words.
"""

from __future__ import annotations

import re

from .relative_dates import DateMention
from .sentences import Span

_GATHERING = (
    r"(?:meeting|summit|talks|ceremony|event|conference|session|hearing|gathering|rally|"
    r"signing|forum|reception|funeral|service|meetings|visit|trip|call|conversation|speech|"
    r"address|briefing|interview|news conference|press conference|match|game|concert)"
)
_BACK_REFERENCE = re.compile(
    r"(?:There|At\s+(?:the|that|this)\s+" + _GATHERING + r"|"
    r"During\s+(?:the|that|this|his|her|their|its)\s+(?:[a-z]+\s+)?" + _GATHERING + r"|"
    r"On\s+that\s+occasion|In\s+the\s+talks)\s*,"
)


def date_from_before(sentence: Span, before: DateMention | None) -> DateMention | None:
    """The date of ``sentence`` when it opens with a back-reference to the happening of
    the sentence just before, dated ``before``: a mention of the opening words carrying
    that date."""
    if before is None:
        return None
    opening = _BACK_REFERENCE.match(sentence.text)
    if opening is None:
        return None
    words = opening.group().rstrip(" ,")
    return DateMention(
        sentence.start,
        sentence.start + len(words),
        words,
        before.date,
        f"inferred: “{words}” refers to the happening of the sentence before, dated "
        f"“{before.expression}” ({before.reasoning})",
    )


# A verb of saying right after the subject: what was said at the happening just told.
_SAYING = re.compile(
    r"\b(?:said|says|outlined|highlighted|stressed|noted|told|spoke|emphasi[sz]ed|"
    r"discussed|urged|reiterated|thanked|praised|described|explained|answered|added|"
    r"recalled|called for|pointed out|underlined|underscored|expressed|voiced|addressed|"
    r"presented|briefed|remarked)\b"
)


def tells_what_was_said(sentence: Span, opening: DateMention) -> bool:
    """Does the sentence, after its back-reference, tell what someone said there ("At the
    event, Mayko outlined ...")? Its first verb-like word within a few words decides."""
    rest = sentence.text[opening.end - sentence.start :]
    return bool(_SAYING.search(rest[:60]))
