"""Evidence in the words around a name that it names a body or a person, for names whose
own spelling says neither: a one-word brand, outlet or agency ("Yonhap", "Microsoft"),
a person whose given name no list holds ("Kendrick Moxon")."""

from __future__ import annotations

import re
from functools import lru_cache

# Nouns a body has and a person has not, after its possessive: "Microsoft's website".
_BODY_POSSESSION = re.compile(
    r"(?:'s|’s)\s+(?:official\s+)?(?:website|web\s+site|site|spokesperson|spokesman|"
    r"spokeswoman|headquarters|founder|co-founder|employees|staff|shares|stock|products|"
    r"software|browser|platform|app|servers|users|subscribers|board|chief\s+executive)\b"
)
# Nouns right after a one-word name that make it a body's: "a Google spokesperson".
_BODY_NOUN_AFTER = re.compile(
    r"\s+(?:spokesperson|spokesman|spokeswoman|headquarters|employees|executives|engineers|"
    r"account|accounts|founder|co-founder|creator|boss|chief\s+executive|CEO)\b"
)
# A possessive before a name of two capitalised words: the body's member or product
# ("Demosisto's Nathan Law", "Microsoft's Internet Explorer").
_BODY_BEFORE_NAME = re.compile(r"(?:'s|’s)\s+[A-Z][\w-]+\s+[A-Z][\w-]+")
_MEDIA_NOUN_AFTER = re.compile(
    r"\s+(?:news\s+agency|newspaper|broadcaster|news\s+service|news\s+website|daily|"
    r"(?:tv|TV|television|news|satellite)\s+(?:channel|network|station)|channel)\b"
)
# A kind of body just before the name: "the news agency Yonhap", "the company Ubisoft".
_KIND_BEFORE = re.compile(
    r"(?:\b(news\s+agency|newspaper|broadcaster|news\s+site|daily|"
    r"(?:tv|TV|television|news|satellite)\s+(?:channel|network|station))|"
    r"\b(space\s+agency|agency|ministry|department)|"
    r"\b(company|firm|corporation|start-?up|website|social\s+network|militant\s+group|"
    r"charity|publisher|developer|manufacturer|retailer|carmaker|airline|party|movement|"
    r"group))"
    r"\s+$"
)
# One who writes for an outlet, just before its name: "a writer for The Onion", "an
# editor at the Gazette", "columnist with the Ledger".
_WRITES_FOR_BEFORE = re.compile(
    r"\b(?:writer|writers|editor|editors|reporter|reporters|columnist|columnists|"
    r"journalist|journalists|correspondent|correspondents|critic|cartoonist|"
    r"editor-in-chief|staff\s+writer)\s+(?:for|of|at|with)\s+(?:The|the)\s+$"
)
# "posted to Twitter", "wrote on Facebook": a platform.
_PLATFORM_BEFORE = re.compile(r"\b(?:posted|shared|published|tweeted)\s+(?:on|to)\s+$")
# "Ubisoft, the French publisher," / "Yonhap, a news agency,".
_KIND_APPOSITION = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:(news\s+agency|newspaper|broadcaster)|"
    r"(agency|ministry)|(company|firm|corporation|start-?up|website|charity|publisher|"
    r"developer|manufacturer|retailer|group|organisation|organization|movement|party))\b"
)
_TYPES = ("media", "government_body", "organisation")
# The same apposition after a name of several words, its kind ending it, an owner's
# possessive allowed for the article: "Media Markt, Europe's largest computer retailer,".
_KIND_APPOSITION_ENDING = re.compile(
    r",\s+(?:a|an|the|[A-Z][\w-]*['’]s)\s+(?:[\w-]+\s+){0,3}?(?:(news\s+agency|newspaper|"
    r"broadcaster)|(agency|ministry)|(company|firm|corporation|start-?up|website|charity|"
    r"publisher|developer|manufacturer|retailer|chain|carmaker|airline|bank|insurer))"
    r"(?=[,.;)]|\s+(?:in|of|for|that|which|with|based)\b)"
)


def apposition_kind(text: str, end: int) -> tuple[str, str] | None:
    """The type an apposition naming a kind of body gives the name ending at ``end``
    ("Media Markt, Europe's largest computer retailer," an organisation), or None."""
    found = _KIND_APPOSITION_ENDING.match(text, end)
    if found is None:
        return None
    return _TYPES[next(k for k in range(3) if found.group(k + 1))], found.group().strip(", ")


def media_cue(text: str, end: int) -> str | None:
    """The words after a name that make it an outlet ("X TV channel", "the X
    newspaper"), or None."""
    found = _MEDIA_NOUN_AFTER.match(text, end)
    return found.group().strip() if found else None


def body_cue(text: str, start: int, end: int) -> tuple[str, str] | None:
    """The type a one-word name's surroundings give it and the words that say so, or
    None when nothing around it says it is a body."""
    before = text[max(0, start - 40) : start]
    if kind := _KIND_BEFORE.search(before):
        actor_type = _TYPES[next(k for k in range(3) if kind.group(k + 1))]
        return actor_type, kind.group().strip()
    if writes_for := _WRITES_FOR_BEFORE.search(before):
        return "media", writes_for.group().strip()
    if platform := _PLATFORM_BEFORE.search(before):
        return "organisation", platform.group().strip()
    for pattern, actor_type in (
        (_MEDIA_NOUN_AFTER, "media"),
        (_BODY_POSSESSION, "organisation"),
        (_BODY_NOUN_AFTER, "organisation"),
        (_BODY_BEFORE_NAME, "organisation"),
    ):
        if found := pattern.match(text, end):
            return actor_type, found.group().strip()
    if apposition := _KIND_APPOSITION.match(text, end):
        actor_type = _TYPES[next(k for k in range(3) if apposition.group(k + 1))]
        return actor_type, apposition.group().strip(", ")
    return None


# These whole-text patterns open with the capital they look for and test the character
# before it in a lookbehind after it ("[A-Z](?<![\w-][A-Z])" rather than "(?<![\w-])[A-Z]"):
# the same matches, but a pattern that starts with a character class lets the regex engine
# skip to the next capital instead of trying the lookbehind at every character (2 to 3
# times faster over an article).
# A capitalised word with no word character, apostrophe, full stop or hyphen before it.
_CAPITALISED_WORD = re.compile(r"([A-Z](?<![\w’'.-][A-Z])[a-z][\w’'-]+)(?=\s)")
_CAPITALISED_END = re.compile(r"[A-Z][\w’'-]*$")
# A surname standing alone as the subject of a verb: "Moxon proceeded", "Daly said".
_LONE_SUBJECT = re.compile(r"\s+(?:also\s+|later\s+)?(?:[a-z]+ed|said|says|told|wrote)\b")


def lone_subjects(text: str) -> set[str]:
    """Capitalised words that stand alone (no capitalised word beside them) as the subject
    of a verb somewhere in the text: a person met once in full, then by surname."""
    found = set()
    for match in _CAPITALISED_WORD.finditer(text):
        word = match.group(1)
        previous = text[max(0, match.start() - 30) : match.start()].rstrip(" ")
        if _CAPITALISED_END.search(previous) and not previous.endswith(("\n",)):
            continue  # part of a longer name: "Ann Lee said"
        if _LONE_SUBJECT.match(text, match.end()):
            found.add(word)
    return found


# Two capitalised words, the first with no word character, apostrophe or hyphen before it.
_PAIR = re.compile(r"([A-Z](?<![\w’'-][A-Z])[\w’'-]*)[ \u00a0]([A-Z][\w’'-]+)")


@lru_cache(maxsize=2)
def _pairs(text: str) -> tuple[tuple[str, str], ...]:
    """Every pair of capitalised words of the text, found once: name tails (twice) and name
    heads read the same pairs of the same text."""
    return tuple(match.groups() for match in _PAIR.finditer(text))


def name_tails(text: str, function_words: set[str]) -> frozenset[str]:
    """Capitalised words the text writes after another capitalised word that opens no
    sentence by habit ("Donald Trump", "Saudi Arabia"): a surname or a name's tail, so
    the word alone is no body of its own."""
    return frozenset(tail for head, tail in _pairs(text) if head not in function_words)


def lowercase_words(text: str) -> frozenset[str]:
    """Every word the text spells in lowercase: a capitalised word that the text also
    writes in lowercase ("Chrome" and "chrome") is a common word, not a name."""
    return frozenset(re.findall(r"(?<![\w’'-])[a-z][a-z’'-]+", text))


_MID_SENTENCE_CAPITAL = re.compile(r"([A-Z](?<=[a-z,;] [A-Z])[a-z][\w’'-]*)")
_POSSESSIVE_END = re.compile(r"['’]s?$")


def mid_sentence_capitals(text: str) -> frozenset[str]:
    """Capitalised words the text writes after a lowercase word or a comma, inside a
    sentence: a name's spelling, where a sentence's first word says nothing."""
    return frozenset(_POSSESSIVE_END.sub("", word) for word in _MID_SENTENCE_CAPITAL.findall(text))


def name_heads(text: str, opening_words: set[str]) -> frozenset[str]:
    """Capitalised words the text writes before another, as a name's first word ("Lai
    Changxing", "Google Chrome"): alone, such a word may be a family name written first,
    or a body's short name, so a verb after it is no evidence of which."""
    return frozenset(head for head, _ in _pairs(text) if head not in opening_words)


# A capitalised word opening a line or following a sentence's end and a space.
_SENTENCE_OPENER = re.compile(
    r"([A-Z](?:(?<=^[A-Z])|(?<=[.!?]\s[A-Z])|(?<=\n[A-Z]))[a-z][\w-]*)", re.MULTILINE
)


def opening_subjects(text: str, verb: re.Pattern[str]) -> dict[str, int]:
    """How many sentences each capitalised word opens as the subject of a verb the
    pattern matches right after it ("Micron said …", "Micron expects …")."""
    counts: dict[str, int] = {}
    for match in _SENTENCE_OPENER.finditer(text):
        if verb.match(text, match.end()):
            counts[match.group(1)] = counts.get(match.group(1), 0) + 1
    return counts


# Plural kinds of body a list of names is introduced by: "customers such as Dell, Sony
# and Hitachi", "retailers including Best Buy", "outlets like Gawker".
_LIST_KINDS = {
    "organisation": """companies firms corporations customers clients retailers chains stores
        makers manufacturers carmakers automakers brands banks lenders insurers airlines
        carriers publishers developers studios partners sponsors suppliers vendors rivals
        competitors charities organisations organizations groups businesses startups
        start-ups universities""",
    "media": "outlets newspapers broadcasters networks channels publications magazines",
    "government_body": "agencies ministries departments regulators",
    "group": "teams clubs bands",
}
_KIND_OF_LIST = {word: kind for kind, words in _LIST_KINDS.items() for word in words.split()}
_LIST_INTRODUCED = re.compile(r"\b([A-Za-z-]+)\s+(?:such\s+as|including|like|among\s+them)\s+$")
_LIST_WORDS = re.compile(r"such\s+as|including|like|among\s+them")
# One earlier member of the list and the separator before the name.
_LIST_MEMBER = re.compile(r"[A-Z][\w&’'.-]*(?:\s[A-Z][\w&’'.-]*){0,3}$")
_LIST_SEPARATOR = re.compile(r"(?:,\s(?:and\s|or\s)?|\s(?:and|or)\s)$")


def listed_kind(text: str, start: int) -> tuple[str, str] | None:
    """The type and the words that introduce a list of names holding the name at
    ``start`` ("customers such as Dell, Sony, and Hitachi": organisations), or None.
    Reads at most eight members back, in the 240 characters before the name."""
    before = text[max(0, start - 240) : start]
    if not _LIST_WORDS.search(before):
        return None  # most names: no list's opening words near, no member to read back
    for _ in range(8):
        if introduced := _LIST_INTRODUCED.search(before):
            kind = _KIND_OF_LIST.get(introduced.group(1).lower())
            return (kind, introduced.group().strip()) if kind else None
        separator = _LIST_SEPARATOR.search(before)
        if separator is None:
            return None
        before = before[: separator.start()]
        member = _LIST_MEMBER.search(before)
        if member is None:
            return None
        before = before[: member.start()]
    return None
