"""Who said a quotation: attribution patterns around it, then resolving who that is.

A quotation's *frame* is the rest of its sentence: the words after the closing mark
("..." he said / said Mayko / the statement added) and before the opening mark (Mayko
said that "..." / Shibutov wrote: "..."). The words found there are resolved to an
actor: a name through its mention, a pronoun to the nearest person named before (outside
quotations), a title ("the Kazakh president") to the nearest actor holding that role, a
document ("the statement") to the organisation that issued it. A quotation with no frame
continues the previous quotation of its paragraph (split quotes) or the paragraph
before ending in a colon; otherwise its speaker stays unknown (None), never a guess.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .actors import ActorBook, Mention, MentionIndex
from .gazetteer import DEMONYMS, state_named
from .given_names import GIVEN_NAMES, is_given_name
from .name_genders import given_name_gender
from .names import same_name
from .quotes import QuoteSpan
from .sentences import Span, sentences
from .statements import introduction
from .vocabulary import (
    DOCUMENT_NOUNS,
    DOCUMENT_VERBS,
    FUNCTION_WORDS,
    GOVERNMENT_NOUNS,
    GOVERNMENT_WORDS,
    MEDIA_WORDS,
    MONTHS,
    NOT_ACTOR_WORDS,
    ORGANISATION_WORDS,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLE_WORDS,
    WEEKDAYS,
)

# Verbs and documents that introduce a quotation, beyond the shared speech vocabulary
# (which also makes a name a person's, so it stays narrow): "The city reasoned, “…”",
# "X dubbed it: “…”", "The Home Office letter reads “…”".
_QUOTING_VERBS = SPEECH_VERBS | set(
    """reasoned reasons dubbed quipped joked recounted recounts responded responds testified
    pleaded countered wondered shouted complained complains pledged maintained maintains
    lamented laments confirming stressing emphasizing emphasising recalling describing
    citing urging claiming reiterating announcing answering replying suggesting calling
    describing expressing cautioned mused boasted exclaimed yelled screamed whispered sighed
    written
    snapped retorted protested objected explaining observing remarking predicting
    reported reports
    promising promised recommending recommended refers referring""".split()
)  # not "protests", "objects", "put it": nouns or idioms as often, and one makes speech
_DOCUMENTS = DOCUMENT_NOUNS | {"letter", "memo", "email", "e-mail", "notice", "filing", "tweet"}
_DOCUMENT_VERBS = DOCUMENT_VERBS | {"reads", "read", "states", "warns", "warned"}
_VERB = r"(?:" + "|".join(sorted(_QUOTING_VERBS, key=len, reverse=True)) + r")"
_DOC_VERB = r"(?:" + "|".join(sorted(_DOCUMENT_VERBS)) + r")"
_DOC_NOUN = r"(?:" + "|".join(sorted(_DOCUMENTS)) + r")"
# Capital letters of names as news print them, accented ones too ("Álvarez", "Łukasz").
_UPPER = "A-Z" + "".join(c for c in map(chr, range(0xC0, 0x530)) if c.isupper() and c not in "×")
_NAME = (
    rf"[{_UPPER}][\w’'.-]*(?:[ \u00a0](?:[{_UPPER}][\w’'.-]*|(?:al|el|bin|ibn)-[{_UPPER}][\w’'.-]*"
    r"|of|the|for|and|de|von|der))*"
)
_NOUN_PHRASE = (
    r"(?:[Tt]he|[Aa]n?|[Tt]his|[Tt]hat|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur|[Oo]ne|[Aa]nother)\s+"
    r"[\w’'-]+(?:\s+[\w’'-]+){0,4}?"
)
_WHO = rf"(?:he|she|they|we|I|it|He|She|They|We|It|{_NOUN_PHRASE}|{_NAME})"
_FILLER = r"(?:\s+(?:also|later|then|further|again|once\s+again|has|have|had|was|is|were))*"
_AFTER_WHO_VERB = re.compile(rf"^[\s,.;:!?—–-]*(?P<who>{_WHO}){_FILLER}\s+(?P<verb>{_VERB})\b")
# \b: "said headteacher X" is not "said he".
_AFTER_VERB_WHO = re.compile(rf"^[\s,.;:!?—–-]*(?P<verb>{_VERB})\s+(?P<who>{_WHO})\b")
# A person's name after the body they speak for, in one title: "CEO of the Refugee
# Council Enver Solomon", "Kremlin spokesman Dmitry Peskov".
_NAME_AFTER_BODY = re.compile(
    rf"[’']?s?[ \u00a0]+(?:[a-z][\w-]*[ \u00a0]+){{0,3}}"
    rf"(?P<who>[{_UPPER}][\w’'-]+(?:[ \u00a0][{_UPPER}][\w’'.-]*){{1,2}})"
)
# A person after a place's or a body's name and a lowercase role: "said Fayetteville|
# resident Mary Cole", "said Google| spokesman Tom Lee": the person speaks, not the place.
_ROLE_THEN_NAME = re.compile(
    r"[’']?s?[ \u00a0]+(?:[a-z][\w-]*[ \u00a0]+){0,2}?(?:"
    + "|".join(sorted(ROLE_NOUNS, key=len, reverse=True))
    + rf")[ \u00a0]+(?P<who>[{_UPPER}][\w’'-]+"
    + rf"(?:[ \u00a0](?:[A-Z]\.[ \u00a0])?[{_UPPER}][\w’'.-]*){{1,2}})"
)
# Lowercase role words after a body's name: "the NATO| chief", "the Kremlin| spokesman".
_ROLE_AFTER_BODY = re.compile(
    r"[’']?s?[ \u00a0]+(?:[a-z][\w-]*[ \u00a0]+){0,2}(?P<role>"
    + "|".join(sorted(ROLE_NOUNS, key=len, reverse=True))
    + r")"
)
_FOLLOWED_BY_VERB = re.compile(rf",?{_FILLER}\s+{_VERB}\b")
# A sentence that is only a name and a colon before its quotation: "Ivo Maric: “…”".
_NAME_COLON = re.compile(rf"\s*(?P<who>{_NAME}):\s*")
# A description of somebody unnamed, and a preposition just before the person in it
# (perhaps after a title): that person is the object, not the speaker.
_DESCRIBED_SOMEBODY = re.compile(r"(?:[Aa]n?|[Tt]he|[Oo]ne|[Ss]ome|[Tt]wo|[Tt]hree)\s+[a-z]")
_OBJECT_OF_DESCRIPTION = re.compile(
    r"\b(?:to|of|for|with|from|near|by|against|about)\s+(?:[A-Z][\w’'.-]*\s+)*$"
)
# The rest of a name a lazy noun phrase stopped inside: "the Refugee| Council".
_NAME_GOES_ON = re.compile(
    rf"(?:[ \u00a0](?:(?:of|for|and|on)[ \u00a0](?:the[ \u00a0])?)?[{_UPPER}][\w’'.&-]*)+"
)
# A party or a state in brackets after a name: "Senator Rachel Kim (D-Ore.) said".
_PARENTHESIS = r"(?:\s\([^()\n]{1,30}\))?"
# "…," Khaled Al-Maeena, editor at large at the Gazette, said / "…," Ann Lee, 38, a
# mother of three, told the meeting / "…," Kremlin spokesman
# Dmitry Peskov told reporters / "…," local resident Maria Santos said.
_AFTER_NAME_VERB = re.compile(
    rf"^[\s,.;:!?—–-]*(?:[A-Za-z][\w’'-]*\s+){{0,4}}?(?P<who>{_NAME}){_PARENTHESIS}"
    rf"(?:(?:,\s[^,“”\"\n]{{1,80}}){{1,2}},)?{_FILLER}\s+(?P<verb>{_VERB})\b"
)
# "…" — Dr Samir Haddad, a doctor at the clinic: a dash before the name on its line.
_AFTER_DASH_NAME = re.compile(
    rf"^\s*[—–]\s*(?:[A-Za-z][\w’'-]*\s+){{0,3}}?(?P<who>{_NAME})(?=\s*(?:[,.;(]|$))"
)
# "“…,” is how Ivo Maric put it."
_HOW_PUT = re.compile(rf"^[\s,]*(?:is|was)\s+how\s+(?P<who>{_WHO})\s+(?:put|puts)\s+it\b")
# "…," said festival director Helen Marsh / said the city's mayor, Ann Lee.
_AFTER_VERB_NAME = re.compile(
    rf"^[\s,.;:!?—–-]*(?P<verb>{_VERB})\s+(?:(?:the|a|an|its|their|his|her)\s+)?"
    rf"(?:[\w’'-]+,?\s+){{0,3}}?(?:\[|\*\*|__)?(?P<who>{_NAME})"
)  # "[Name](link)", "**Name**": a name marked up in a Markdown article
# A description and the name in apposition to it: "…," said the company's chief
# executive, Ruth Adler / "…," its spokesperson, Lars Eklund, said.
_DESCRIPTION = (
    r"(?:(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er|[Oo]ne|[Oo]ur)\s+"
    rf"|(?:[{_UPPER}][\w’'.-]*\s+){{0,3}}[{_UPPER}][\w.-]*[’']s\s+)"  # "Trump's lawyer, X,"
    r"[^,.;:“”\"\n]{1,60},\s+"
)
_AFTER_VERB_DESCRIBED_NAME = re.compile(
    rf"^[\s,.;:!?—–-]*(?P<verb>{_VERB})\s+{_DESCRIPTION}(?P<who>{_NAME})(?=\s*(?:[,.;!?]|$))"
)
_AFTER_DESCRIBED_NAME_VERB = re.compile(
    rf"^[\s,.;:!?—–-]*{_DESCRIPTION}(?P<who>{_NAME}),{_FILLER}\s+(?P<verb>{_VERB})\b"
)
# A paragraph that only attributes the quotation ending the one before: "said X." or
# "— X, speaking to reporters" (scraped pages break lines there).
_DASH_NAME = re.compile(rf"^[—–-]\s*(?:[A-Za-z][\w’'-]*\s+){{0,3}}?(?P<who>{_NAME})")
# What may follow a quotation on its line when the attribution is on the next: nothing,
# or a speech verb and the words before the name ("…,” said¶Joseph Mwangi").
_DANGLING = re.compile(rf"[\s,.]*(?:{_VERB}(?:\s+[a-z][\w’'-]*){{0,3}})?[\s,]*")
# A line that is only a name (a link's text in a scraped page): "Joseph Mwangi".
_LINK_NAME = re.compile(rf"(?:[{_UPPER}][\w’'.-]*\s+){{1,3}}[{_UPPER}][\w’'-]+")
# The subject a sentence opens with is a title ("The prime minister defended it", "Later
# the minister said"): a later "he" stands for that officeholder.
_ROLE_SUBJECT = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?] )|(?<=[.!?][”\"’] ))"
    r"(?:[A-Z]\w+,?\s+)?(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts)\s+"
    r"(?:[a-z][\w-]*\s+){0,2}?(?P<role>"
    + "|".join(sorted(ROLE_NOUNS, key=len, reverse=True))
    + r")\b(?!\s+[A-Z])"
)
# Somebody the article does not name: "a shopkeeper", "one local resident", "a woman".
_PERSON_NOUN = (
    "|".join(
        sorted(
            ROLE_NOUNS - {"residents", "officials", "spokesmen", "spokeswomen"},
            key=len,
            reverse=True,
        )
    )
    + "|woman|man|girl|boy|mother|father|neighbour|neighbor|passer-by|bystander|person"
)
_UNNAMED_PERSON = re.compile(
    rf"(?<![\w’'-])(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[a-z][\w-]*,?\s+){{0,3}}?"
    rf"(?:{_PERSON_NOUN})\b(?!\s+(?:of\s+)?[A-Z])"
)
# A sentence opening with such somebody: "A local shopkeeper said business had doubled."
_UNNAMED_SUBJECT = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?] )|(?<=[.!?][”\"’] ))(?:[A-Z]\w+,?\s+)?"
    + rf"(?:A|An|One|Another)\s+(?:[a-z][\w-]*,?\s+){{0,3}}?(?:{_PERSON_NOUN})\b"
    + r"(?!\s+(?:of\s+)?[A-Z])(?!,\s+[A-Z])"
)
# Only capitalised words (titles) between a sentence's start and a name: the name is
# the sentence's subject ("Nurse Tom Baker disagreed"). So is a name after a role or a
# relation that opens the sentence ("Union leader Rosa Diaz disagreed", "Her colleague
# Peter Otieno drove", "The finance minister, Eva Stahl, was asked"), not one after
# other words ("The body of Tom Hale", "Doctors treated nurse Tom Baker").
_RELATIONS = """colleague colleagues wife husband son daughter brother sister friend partner
    mother father cousin boss""".split()
_OPENING_ROLE = "|".join(sorted(ROLE_NOUNS | set(_RELATIONS), key=len, reverse=True))
# A connective before the subject ("However, UK citizen Jim Swire ... believes"), and
# "citizen" / "national" as what a person is introduced by ("US citizen Ann Lee").
_OPENING_CONNECTIVE = r"(?:(?:However|Meanwhile|But|Still|Separately|Later|Earlier),\s+)?"
_OPENS_SENTENCE = re.compile(
    r"(?:^|[.!?][”\"’»]?\s+|\n\s*)"
    + _OPENING_CONNECTIVE
    + r"(?:(?:(?:The|A|An|Her|His|Its|Their|Our)\s+(?:[a-z][\w-]*\s+)?|[A-Z][\w’'-]*\s+)"
    rf"(?:{_OPENING_ROLE}|citizen|national),?\s+)?"
    r"(?:[A-Z][\w’'.-]*\s+){0,4}$"
)
# A verb of answering right after a pronoun ("“No,” he replied").
_REPLY_VERB = re.compile(r"\s+(?:replied|replies|answered|answers|responded|responds|retorted)\b")
# What joins two speakers: "Lee and Hale", "Ann Lee and her deputy Tom Hale".
_JOINED = re.compile(r"\s+(?:and|&)\s+(?:(?:his|her|their|the)\s+)?(?:[a-z][\w-]*\s+){0,2}")
# Somebody unnamed of a body: "an Acme spokesman", "a spokesperson for Acme Corp", "one
# Foreign Ministry official". The speaker is that person, unknown; not the body.
_UNNAMED_MEMBER = re.compile(
    r"(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:[\w’'.&-]+\s+){0,4}?(?:"
    + "|".join(sorted(ROLE_NOUNS, key=len, reverse=True))
    + r")\b"
)
# A sentence opening with somebody's relative ("Thomas' sister pleaded with him", "His
# wife said"): the relative, unnamed, takes the floor; a later "he" or "she" of the
# relative's gender is that relative (unknown), one of the other gender the named
# owner ("… pleaded with him, but he replied": Thomas, not the one who spoke before).
_RELATIVE_SUBJECT = re.compile(
    r"(?:^|(?<=\n)|(?<=[.!?] )|(?<=[.!?][”\"’] ))(?:[A-Z]\w+,?\s+)?"
    rf"(?:(?P<owner>{_NAME})(?:’s|'s|’|')|His|Her|Their)\s+"
    rf"(?P<relation>{'|'.join(_RELATIONS)})\b(?!,?\s+[{_UPPER}])"
)
# What may stand before a sentence's subject: an opening phrase and its comma ("Hours
# later, it launched", "On Monday, the Red Cross said"), an article, capitalised words.
_OPENS_CLAUSE = re.compile(
    r"\s*(?:[^,.;:“”\"\n]{1,60},\s+)?(?:(?:[Tt]he|[Ii]ts|[Tt]heir)\s+)?(?:[A-Z][\w’'.-]*\s+){0,3}"
)
_ACCORDING = re.compile(
    rf"\b(?:according to|in the words of)\s+(?:(?:the|a|an|its|their|his|her)\s+)?"
    rf"(?:(?:[\w’'-]+\s+){{0,3}}?(?:{'|'.join(sorted(ROLE_NOUNS))}),\s+(?=[A-Z]))?"
    rf"(?P<who>{_WHO})",
    re.IGNORECASE,
)
_VERB_ANYWHERE = re.compile(rf"\b{_VERB}\b")
# "According to Yonhap, quoting North Korea's news agency KCNA, ...": the clause up to
# its comma, and the capitalised names in it.
# "The Tribune quoted one witness:", "X quoted Mayor Ann Lee as saying “…”", "the paper
# cited a police source:": the words are the one quoted, not the teller's; named or not.
# Not the passive "X was quoted as saying", "quoted by the Tribune as saying".
_QUOTED_CLAUSE = r"(?:,\s+(?:who|whom|whose|which)\s[^,;:“”\"\n]{1,120},)?"
_QUOTED_OBJECT = re.compile(
    r"\b(?:quoted|quotes|cited|cites)\s+(?P<who>(?!as\s|by\s)[^,;:“”\"\n]{1,80}?)"
    + _QUOTED_CLAUSE
    + r"(?:\s+as\s+(?:saying|telling|writing|stating|adding)(?:\s+that)?)?\s*[,:]?\s*$"
)
# The same after the quotation: "“…,” the Times quoted Mayor Ann Lee as saying", "“…,”
# Reuters quoted a witness as saying", "“…,” the Times reported Lee as saying": the one
# quoted, not the teller. "as saying" is
# required: "“…,” the Times quoted." alone has no object.
_AFTER_QUOTED_OBJECT = re.compile(
    r"^[\s,.;—–-]*(?:[^,;:“”\"\n]{1,60}?\s)?(?:quoted|quotes|cited|cites|reported|reports)\s+"
    r"(?P<who>(?!as\s|by\s)[^,;:“”\"\n]{1,80}?)"
    + _QUOTED_CLAUSE
    + r"\s+as\s+(?:saying|telling|writing|stating|adding)\b"
)
_QUOTING_CLAUSE = re.compile(r"[\w’'. -]{0,40}?,\s+(?:citing|quoting)\s+(?P<rest>[^,;:]{1,120})")
_QUOTED_NAME = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]*(?:\s+(?:of\s+)?[A-Z][\w’'-]*)*")
_DOCUMENT = re.compile(
    rf"\b(?P<noun>{_DOC_NOUN})\b(?P<by>[^.;“”\"«»]{{0,80}}?)\s+{_DOC_VERB}\b", re.IGNORECASE
)
_SUBJECT_DOCUMENT = re.compile(
    r"\b(?:[Tt]he|[Aa]n?)\s+(?:[a-z]+\s+){0,2}(?:"
    + "|".join(sorted(_DOCUMENTS))
    + r")\b(?:\s+(?:from|by|of)\s+[^,;]{1,60})?\s*$"
)
# "In a statement, ..." / "in its report on Monday,": the document introduces its speaker.
_INTRODUCED_DOCUMENT = re.compile(r"\b[Ii]n\s+(?:a|an|the|its|his|her|their)\s+(?:[\w-]+\s+){0,2}$")
# "Cornyn's statement", "the ministry's statement": the document's owner.
_OWNER = re.compile(rf"(?P<who>{_NAME})[’']s?\s+(?:[a-z]+\s+){{0,2}}$")
# A clause opening with a name, perhaps after a participle phrase: "Writing in a blog
# post, Matthew Ingram of The Globe dubbed", "U.S. Senator Ann Lee, a Republican, issued".
_OPENING_NAME = re.compile(
    rf"\s*(?:[A-Z][a-z]+ing\b[^,.;“”\"]{{0,60}},\s+)?(?P<who>{_NAME})(?=,|\s+[a-z])"
)
# Someone the article does not name: "one poster", "an unknown author", "some residents".
_UNNAMED = re.compile(
    r"(?:^|[\s,])(?:[Oo]ne|[Aa]n?|[Ss]ome|[Aa]nother|[Ss]everal|[Mm]any)\s+"
    r"(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*(?<!ly)\s*,?\s*$"
)
_UNNAMED_AFTER = re.compile(r"\s+(?:by|from)\s+(?:one|an?|some|another)\s+[a-z]")
_DOCUMENT_WORD = re.compile(r"\bstatement\b|\bremarks\b")
# A full stop that belongs to a name's last word: an initial, "Jr.", "Inc.".
_KEEPS_FULL_STOP = re.compile(r"(?:\b[A-Z]|\b(?:Jr|Sr|Inc|Co|Corp|Ltd|Bros|St))\.$")
# The rest of a long title after the name pattern stopped: "(OFAC) Adam J. Szubin",
# " in Charge Michael J. Ferguson".
_TITLE_GOES_ON = re.compile(
    r"(?:[ \u00a0](?:\([A-Z][\w.&-]*\)|in|of|for|on|to|and|the|[A-Z][\w’'.-]*))*"
)
# A frame that goes on in lower case after the quotation: "“Go.” said X" (rare).
_LOWER_NEXT = re.compile(r"\s+[a-z]")
# A conjunction that opens the phrase before a name: "As President Bush has said".
_OPENING_CONJUNCTION = re.compile(r"(?:As|When|While|If|Though|Although|Because|Since)\s+")
_MARKS_IN = re.compile(r"[“”\"«»„]")
_PRONOUNS = {"he", "she", "him", "her"}
_PRONOUN_GENDERS = {"he": "m", "him": "m", "she": "f", "her": "f"}
_HONORIFICS = {"Mr": "m", "Mrs": "f", "Ms": "f", "Miss": "f", "Sir": "m", "Lady": "f"}
_HONORIFIC = re.compile(
    r"\b(Mr|Mrs|Ms|Miss|Sir|Lady)\.?[ \u00a0]+(?P<name>[A-Z][\w’'-]+(?:[ \u00a0][A-Z][\w’'-]+)*)"
)
_GENDERED_ROLES = {
    **dict.fromkeys(
        """spokesman chairman businessman congressman policeman father husband son brother
        grandfather widower""".split(),
        "m",
    ),
    **dict.fromkeys(
        """spokeswoman chairwoman businesswoman congresswoman policewoman mother wife
        daughter sister grandmother widow actress""".split(),
        "f",
    ),
}
_DETERMINERS = {"the", "a", "an", "this", "that", "his", "her", "its", "their", "our"}
_COLLECTIVE_PRONOUNS = {"it", "they"}
_SENTENCE_END = re.compile(r"[.!?][”\"’»)]*\s+")
_ROLE_WORD = re.compile(r"\b(?:" + "|".join(sorted(ROLE_NOUNS)) + r")\b", re.IGNORECASE)
_PREPOSITIONS = {"in", "on", "at", "during", "with", "after", "before", "from", "by", "of", "for"}
# A word of a person's name as news print it: "Ann", "O'Neill", "Al-Maeena", "S.", "Ličen".
_NAME_WORD = re.compile(r"(?:[A-Z][a-z]?\.|[^\W\d_a-z][^\W\d_]*(?:['’-][^\W\d_]+)*)$")
_PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "bin", "ibn", "al"}
_PARTICLE = "(?:" + "|".join(sorted(_PARTICLES)) + ")"
# Words that open a name phrase without being part of a name: titles, honorifics, roles.
_NOT_NAME_START = TITLE_WORDS | {"Ms", "Mr", "Mrs", "Dr", "Miss", "Mx"} | FUNCTION_WORDS
_CALENDAR = set(MONTHS) | set(WEEKDAYS)
# Where a role is held, before the name in apposition: "analyst at Nordbank, Eva Holm".
_ROLE_PLACE = (
    rf"[ \u00a0]+(?:at|of|for|from|in|with)[ \u00a0]+(?:the[ \u00a0]+)?"
    rf"(?:(?:[{_UPPER}][\w’'.&-]*[ \u00a0]+){{0,3}}[{_UPPER}][\w’'.&-]*"
    # "The spokesman for the ministry, Oleg Nikolenko,": a body named by a common noun
    rf"|(?<=the[ \u00a0])(?:[a-z][\w-]*[ \u00a0]+)?[a-z][\w-]*),[ \u00a0]+"
)
# Titles that name a role: "Father Anton Weiss" is "the priest", "Sgt. Paul Brady" "the
# sergeant", "Dr Ines Okafor" "the doctor".
_TITLES_OF_ROLES = {
    "priest": ["Father", "Fr.", "Fr"],
    "doctor": ["Dr.", "Dr"],
    "sergeant": ["Sgt.", "Sgt"],
    "captain": ["Capt.", "Capt"],
    "lieutenant": ["Lt.", "Lt"],
    "colonel": ["Col.", "Col"],
    "general": ["Gen.", "Gen"],
    "professor": ["Prof.", "Prof"],
    "detective": ["Det.", "Det"],
    "senator": ["Sen.", "Sen"],
    "governor": ["Gov.", "Gov"],
    "pastor": ["Rev.", "Rev", "Reverend"],
}
# Per role noun: "priest, Father Anton Weiss" / "nurse Ann Lee" (compiled when needed).
_DESCRIBED: dict[str, re.Pattern] = {}
# "the 43-year-old said", "the 29-year-old veteran told": a person described by an age.
_AGE_REFERENCE = re.compile(r"(?:[Tt]he|[Tt]his)\s+(?P<age>\d{1,3})-year-old\b")
# Where the article gives a person's age (per age, compiled when needed): "Anna Kowal,
# 43,", "Ivan Petrenko, a 29-year-old wounded veteran", "Ann Lee, aged 43", "Ann Lee
# (43)", "43-year-old Anna Kowal", "29-year-old nurse Ann Lee".
_AGED: dict[str, re.Pattern] = {}
# "the city" is the body its name calls a municipality or a council (the City of X too).
_HEAD_SYNONYMS = {
    "city": {"city", "municipality", "council", "commune"},
    "town": {"town", "municipality", "council", "commune"},
    "council": {"council", "municipality"},
    "company": {"company", "corporation", "group", "inc"},
    "firm": {"firm", "company", "corporation", "group", "inc"},
    "government": {"government", "cabinet", "administration"},
}
# Common nouns that stand for a body named before ("the group said"), and the types of
# actor each can stand for.
_BODY_TYPES = ("organisation", "government_body", "media")
_GENERIC_BODIES = {
    **dict.fromkeys(
        """group organization charity company firm party union association
        foundation coalition alliance campaign club team network bank airline""".split(),
        ("organisation",),
    ),
    **dict.fromkeys(
        "ministry department agency regulator watchdog government administration".split(),
        ("government_body", "organisation"),
    ),
    **dict.fromkeys("newspaper paper broadcaster channel outlet".split(), ("media",)),
    "body": _BODY_TYPES,
    "organisation": _BODY_TYPES,
}
# Members of a party, as news describe a person: "the Kentucky Republican said".
_PARTY_MEMBERS = {"republican", "democrat", "conservative", "tory", "socialist", "liberal"}
_INSTITUTION_TYPES = (
    (MEDIA_WORDS, "media"),
    (GOVERNMENT_WORDS - {"Council"}, "government_body"),
    (ORGANISATION_WORDS, "organisation"),
)
_INSTITUTION_WORDS = MEDIA_WORDS | GOVERNMENT_WORDS | ORGANISATION_WORDS


def governed_by_verb(text: str, position: int, reach: int) -> bool:
    """Does a speech verb stand at most ``reach`` characters before ``position``, with no
    comma or full stop between ("also confirming his country’s “unconditional”")?"""
    window = text[max(0, position - reach) : position].rstrip(" \u00a0,:")  # said, “…”
    verbs = list(_VERB_ANYWHERE.finditer(window))
    return bool(verbs) and not re.search(r"[,.;:]", window[verbs[-1].end() :])


@dataclass
class Attribution:
    actor_id: str | None
    method: str  # how the speaker was found, for reviewers
    # Characters between the speech verb and the quotation (0 when the verb follows it).
    distance: int = 0
    # The words of the frame the speaker was read from, for reviewers.
    basis: str = ""


class SpeakerResolver:
    """Attributes the quotations of one text, given its actor mentions."""

    def __init__(self, text: str, mentions: list[Mention], book: ActorBook):
        self.text, self.book = text, book
        self.located = MentionIndex(mentions)
        # Per kind of actor wanted: the mentions outside quotations naming one, by offset,
        # so "the nearest person before" is a binary search, not a scan of the text.
        self._accepted: dict[tuple, tuple[list[int], list[Mention]]] = {}
        self._first_issuer: tuple[int, int, str] | None = None
        self._gender: dict[str, str] | None = None  # see ``_genders``
        # Whose gender only a given name shows: enough to pass a person over, not to pick
        # one merely mentioned ("Tom Hale and Mark Cole … “…,” he replied": either man).
        self._gender_by_name_only: set[str] = set()
        self._issuers_searched = False
        # The text with quotation contents masked (set by ``attribute``), and the
        # speakers found so far as (end of their quotation, actor id), in text order.
        self.hidden = text
        self.spoken: list[tuple[int, str]] = []
        # Ends of quotations an unnamed person spoke ("a shopkeeper said"): a later "she"
        # is that person, unknown, not the named speaker before.
        self.unnamed_spoken: list[int] = []
        self.paragraph_starts: list[int] = []
        # The masked text's sentences per paragraph start, split once (set by ``attribute``).
        self.masked_sentences: dict[int, list[Span]] = {}
        # Where the sentence of the quotation being attributed starts (-1: not known).
        self.sentence_start = -1

    def sentences_between(self, paragraph: Span, start: int, stop: int) -> list[Span]:
        """The masked paragraph's sentences, cut to text[start:stop] (split once)."""
        if paragraph.start not in self.masked_sentences:
            self.masked_sentences[paragraph.start] = sentences(
                Span(paragraph.start, paragraph.end, self.hidden[paragraph.start : paragraph.end])
            )
        cut = []
        for sentence in self.masked_sentences[paragraph.start]:
            first, last = max(sentence.start, start), min(sentence.end, stop)
            if first < last and self.hidden[first:last].strip():
                cut.append(Span(first, last, self.hidden[first:last]))
        return cut

    # -- resolving a phrase to an actor -------------------------------------------------

    def resolve(self, who: str, start: int, end: int, before: int) -> str | None:
        """The actor a phrase at text[start:end] names; `before` bounds backward searches."""
        word = who.lower()
        if word in _PRONOUNS:
            found = self._pronoun(before, _PRONOUN_GENDERS[word])
            if found and _REPLY_VERB.match(self.hidden, end) and self._asked_last(found, before):
                # "“Did you see her?” Ann Lee asked. “No,” he replied": who replies is not
                # who asked; the other person named since, else nobody
                found = self._other_person(found, before, _PRONOUN_GENDERS[word])
            if found:
                if (
                    self._genders().setdefault(found, _PRONOUN_GENDERS[word])
                    == _PRONOUN_GENDERS[word]
                ):
                    self._gender_by_name_only.discard(found)  # the text says so now
            return found
        if word in _COLLECTIVE_PRONOUNS:
            return self._previous_subject(start) or self._last_body_speaking(before)
        if word.split()[0] in ("the", "a", "an") and word.split()[-1] in _PARTY_MEMBERS:
            return None  # "the Kentucky Republican said": a description, no name
        inside = self.located.inside(start, end)
        if inside:
            people = [m for m in inside if self.book.actors[m.actor_id].type == "person"]
            if self._joins_people(start, end):
                return None  # "Lee and Hale said": several speakers, not one of them
            if people and _OBJECT_OF_DESCRIPTION.search(self.text, start, people[-1].start):
                # "a source close to Vladimir Putin", "an aide to President Ann Lee": the
                # person the phrase describes somebody by, not the one who speaks
                if _DESCRIBED_SOMEBODY.match(who):
                    return None
            if not people and _UNNAMED_MEMBER.match(who):
                # "an Acme spokesman", "a spokesperson for Acme Corp": a person the article
                # does not name speaks; the body is whom they speak for, not the speaker
                return None
            tail = not people and _NAME_AFTER_BODY.fullmatch(self.text, inside[-1].end, end)
            if tail and not any(  # "the European Union High Representative": a title
                w in TITLE_WORDS or w.lower() in ROLE_NOUNS for w in tail.group("who").split()
            ):
                # "CEO of the Refugee Council Enver Solomon": the person after the body
                who_start = tail.start("who")
                if found := self.new_speaker(tail.group("who"), who_start, before):
                    return found
            role_after = not people and _ROLE_AFTER_BODY.fullmatch(self.text, inside[-1].end, end)
            if role_after and who[:4].lower() == "the ":
                # "The NATO chief added": a person of that body, not the body; the holder of
                # the role, else the person the article introduced with the body ("Mark
                # Rutte, NATO's secretary general,"), else somebody unnamed
                role = role_after.group("role").lower()
                body = inside[-1].actor_id
                return self._by_role(role, None, before) or self._member_of(body, before)
            return (people or inside)[-1].actor_id
        words = re.findall(r"[\w-]+", who)
        lowered = [w.lower() for w in words]
        if set(lowered) & _DOCUMENTS:
            if _UNNAMED_AFTER.match(self.hidden, end):
                return None  # "said the post by an unknown author"
            if owner := self._named_before(start, end):
                return owner  # "The Home Office letter reads"
            return self.document_issuer(start)
        if aged := _AGE_REFERENCE.match(who):
            # "the 43-year-old said": the person the article gave that age, else nobody
            # (an age alone is no role to guess by)
            if found := self._by_age(aged.group("age"), before):
                return found
            if not any(w in ROLE_NOUNS for w in lowered):
                return None
        roles = [w for w in lowered if w in ROLE_NOUNS]
        # "the Refugee Council" is a body; "the European Union High Representative" a role
        body = set(words) & _INSTITUTION_WORDS and lowered[-1] not in ROLE_NOUNS
        if roles and not body:
            states = {DEMONYMS.get(w) or state_named(w) for w in words} - {None}
            named = any(_NAME_WORD.match(w) and w not in _NOT_NAME_START for w in words)
            state = states.pop() if len(states) == 1 else None
            found = self._by_role(roles[-1], state, before, _qualifier(lowered, roles[-1]))
            if not named:
                # "the priest" said: the person the article introduced by that role ("The
                # priest at St Mary's, Father Luca Bianchi,"), when that introduction is
                # nearer than the last mention of a holder of the role
                described = self._described(roles[-1], start)
                if described and (found is None or described[0] > self._last_named(found, start)):
                    found = described[1]
                if found is None:
                    # "“…,” the mayor said. … The mayor, Ann Lee, …": named only later
                    found = self._described_later(roles[-1], end)
            if found or not named:
                return found
            if lowered[0] in ("the", "this", "that"):
                return None
            return self.new_speaker(who, start, before)  # "Director Collins", no mention
        if words and lowered[0] in ("the", "this", "that"):
            head = words[-1].lower()
            heads = _HEAD_SYNONYMS.get(head, {head})
            found = self._nearest(
                before,
                ("head", head),
                lambda actor: (
                    actor.type != "person"
                    and heads & {w.lower() for w in re.findall(r"\w+", actor.name)}
                ),
            )
            if found is None and head in _GENERIC_BODIES and len(words) <= 3:
                # "Amnesty International condemned the arrests. “…,” the group said": the
                # body the sentence before opens with, or that spoke just before; else nobody
                found = self._previous_subject(start) or self._last_body_speaking(before)
                if found and self.book.actors[found].type not in _GENERIC_BODIES[head]:
                    found = None  # "the newspaper said" is no ministry's words
            if found or not who[4:5].isupper() or head in _PARTY_MEMBERS:
                return found  # "the Kentucky Republican": a person described, not a name
            who, start = who[4:], start + 4  # "the Sydney Morning Herald": a name
        return self.new_speaker(who, start, before)

    # -- speakers nobody named before ----------------------------------------------------------

    def new_speaker(self, who: str, start: int, before: int) -> str | None:
        """The actor a name in an attribution stands for when no mention covers it: a
        person the article names in full earlier (the surname, "Ms Bauchtman", "Director
        Collins"), else a new actor of the type its words give ("said Priya Nandakumar",
        "according to the Sydney Morning Herald"). None when the words are no name."""
        if opening := _OPENING_CONJUNCTION.match(who):
            # "As President Bush has said": the conjunction is no part of the name
            who, start = who[opening.end() :], start + opening.end()
        words = re.sub(r"[’']s?$", "", who).split()  # "PC World's statement"
        while words and words[-1] in FUNCTION_WORDS | {"of", "the", "for", "and"}:
            words.pop()
        titled: list[str] = []
        if (first := _person_after_title(words)) is not None:
            # "Under Secretary for Terrorism and Financial Intelligence David S. Cohen",
            # "DEA Acting Special Agent in Charge Michael J. Ferguson": the title's words
            # end where a given name opens a person's name that runs to the end
            titled, words = words[:first], words[first:]
            who = " ".join(words)
        while words and (
            words[0] in _NOT_NAME_START
            or words[0].lower() in ROLE_NOUNS
            or words[0] in DEMONYMS
            or (len(words) > 2 and state_named(words[0].rstrip(",")))
        ):
            titled.append(words.pop(0))  # "U.S. Senator", "Kremlin spokesman", "Ms"
        if "of" in words[1:] and words[0] not in ("of", "for"):
            first = words.index("of")
            before_of = words[:first]
            if len(before_of) >= 2 and not set(words) & _INSTITUTION_WORDS - set(words[first:]):
                words = before_of  # "Matthew Ingram of The Globe and Mail": a member of it
        if "of" in words or "for" in words:
            # "Governor of Washington Chris Gregoire": the name after the title's words
            rest = words[max(i for i, w in enumerate(words) if w in ("of", "for")) + 1 :]
            if not set(rest) & {w for v, _ in _INSTITUTION_TYPES for w in v} and len(rest) > 2:
                titled, words = titled + words[: len(words) - 2], rest[-2:]
        if not words or len(words) > 6:
            return None
        if set(words) & (_CALENDAR | NOT_ACTOR_WORDS) and not (
            # "Helen Park", "Theresa May", "Lena Park": a given name (of the hand-written
            # list or the shipped table) and a surname that is also a word
            len(words) in (2, 3)
            and is_given_name(words[0])
            and not set(words[:-1]) & (_CALENDAR | NOT_ACTOR_WORDS)
        ):
            return None
        name = " ".join(words)
        actor_type = next(
            (kind for vocabulary, kind in _INSTITUTION_TYPES if set(words) & vocabulary), None
        )
        if actor_type is not None and len(words) < 2:
            return None  # "Club", "Ministry": a generic word, no name
        if actor_type is None:
            if state_named(name) or name in DEMONYMS or len(words) > 4:
                return None
            if not all(_NAME_WORD.match(w) or w in _PARTICLES for w in words):
                return None
            actor_type = "person"
        if found := self.book.find(name, actor_type):
            return found
        basis = " ".join(self.text[max(0, start - 60) : start + len(who) + 20].split())
        if actor_type == "person" and len(words) == 1:
            mentioned = [m.actor_id for m in self.located.between(0, before)]
            if found := self.book.find_surname(name, mentioned):
                self.book.remember(found, who)
                return found
            if self._surname_shared(name, mentioned):
                return None  # "Mr. Smith" after John Smith and Mary Smith: either, so unknown
            # The full name met earlier, else the first one after ("Moreno said" in the
            # lede, "Luis Moreno, the club's lawyer," further down).
            full = self._full_name_before(name, before) or self._full_name_before(
                name, len(self.text)
            )
            if full and (known := self.book.find(full, "person")):
                self.book.remember(known, who)
                return known
            if full is None and titled and (found := self._family_name_first(name, mentioned)):
                self.book.remember(found, who)  # "Mr. Xi" after "Xi Jinping"
                return found
            if full is None and not titled and not self._surname_alone(name, start):
                return None  # a capitalised word that need not be a name: unknown
            # "Hale's": the name, not its case; "Sen. Warren": the surname, the titled
            # form an alias (as a titled surname the mention rules meet is named)
            name = full or re.sub(r"[’']s?$", "", " ".join(words) if titled else who)
        actor_id = self.book.add(
            name, actor_type, f"actor: named as a quotation's speaker ({actor_type})", basis
        )
        if name != who:
            self.book.remember(actor_id, who)
        if titled and titled[0].rstrip(".") in _HONORIFICS:
            self._genders().setdefault(actor_id, _HONORIFICS[titled[0].rstrip(".")])
        return actor_id

    def _family_name_first(self, word: str, mentioned: list[str]) -> str | None:
        """The one person named so far whose two-word name opens with this word when it
        is no given name: the family name first, as Chinese, Korean and Hungarian names
        are written ("Mr. Xi" for Xi Jinping, "Mr. Moon" for Moon Jae-in)."""
        if word in GIVEN_NAMES:
            return None
        bearers = {
            actor_id
            for actor_id in mentioned
            if self.book.actors[actor_id].type == "person"
            and len(parts := self.book.actors[actor_id].name.split()) == 2
            and same_name(parts[0], word)
        }
        return bearers.pop() if len(bearers) == 1 else None

    def _surname_shared(self, surname: str, mentioned: list[str]) -> bool:
        """Do two people the article names so far bear this surname (in any
        transliteration)? Then the surname alone names neither of them."""
        bearers = {
            actor_id
            for actor_id in mentioned
            if self.book.actors[actor_id].type == "person"
            and len(self.book.actors[actor_id].name.split()) > 1
            and same_name(self.book.actors[actor_id].name.split()[-1], surname)
        }
        return len(bearers) > 1

    def _surname_alone(self, word: str, start: int) -> bool:
        """Is a lone capitalised word in an attribution a person's name the article gives
        no more of ("“…,” Moreno said", "said Castellano")? Not a word capitalised only
        because it opens a sentence ("Police said:", "Witnesses told"), not an acronym,
        not a role or a body."""
        lowered = word.lower()
        if word.isupper() or lowered in ROLE_NOUNS | GOVERNMENT_NOUNS:
            return False
        if lowered.rstrip("s") in ROLE_NOUNS or lowered[:-2] in ROLE_NOUNS:
            return False  # "Officials", "Witnesses"
        if re.search(r"\b(?:[Tt]he|[Aa]n?)\s+$", self.text[max(0, start - 5) : start]):
            return False  # "The Guardian cited": a title's word, no person's name
        preceding = re.findall(r"[\w’'-]+", self.text[max(0, start - 20) : start])[-1:]
        if preceding and preceding[0].lower() in _PREPOSITIONS | {"to", "near"}:
            return False  # "officials in Kherson said": the place, not the speaker
        before = self.text[max(0, start - 3) : start].rstrip(" \u00a0")
        if before and before[-1] not in ".!?:\n":
            return True  # inside a sentence, after a quotation: a proper name
        # Opening a sentence: a name only if a speech verb follows it ("Moreno said:",
        # not "Rescue worker Ali Demir said") and the article never writes it in lower case.
        end = start + len(word)
        return (
            bool(re.match(rf"{_FILLER}\s+{_VERB}\b", self.text[end : end + 40]))
            and not (lowered in self.text and re.search(rf"\b{re.escape(lowered)}\b", self.text))
            and (word in GIVEN_NAMES or not word.endswith("s"))
        )

    def _full_name_before(self, surname: str, before: int) -> str | None:
        """The last full name before an offset whose last word is this surname (in any
        transliteration): "Patricia “Patty” S. Collins" for "Director Collins"."""
        # The first capital, then the lookbehind (no word character before it): the same
        # matches as the lookbehind first, but the engine skips from capital to capital.
        pattern = (
            rf"((?:[{_UPPER}](?<![\w’'-][{_UPPER}])[\w’'-]+[ \u00a0]+)"
            rf"(?:(?:[“\"‘][{_UPPER}][\w’'-]*[”\"’]"
            rf"|[{_UPPER}]\.|[{_UPPER}][\w’'-]+|de|van|von|al|bin)[ \u00a0]+){{0,3}})"
            rf"([{_UPPER}][\w’'-]+)\b"
        )
        found = None
        for match in re.finditer(pattern, self.text[:before]):
            first = match.group(1).split()
            while first and (first[0] in _NOT_NAME_START or first[0].lower() in ROLE_NOUNS):
                first.pop(0)
            if first and same_name(match.group(2), surname):
                found = " ".join(first + [match.group(2)])
        return found

    def _genders(self) -> dict[str, str]:
        """What the article says of people's gender, by actor: an honorific ("Mr. Smith",
        "Ms Jones"), a gendered role ("spokeswoman Jane Doe", "her husband, Tom"), a given
        name of one sex ("Anna Kowal", ``name_genders``), and the pronoun of each
        quotation a "he" or "she" gave them (filled as attributed)."""
        if self._gender is None:
            self._gender = {}
            for match in _HONORIFIC.finditer(self.hidden):
                for mention in self.located.inside(match.start("name"), match.end("name")):
                    if self.book.actors[mention.actor_id].type == "person":
                        self._gender.setdefault(mention.actor_id, _HONORIFICS[match.group(1)])
            for actor_id, actor in self.book.actors.items():
                kinds = {_GENDERED_ROLES[r] for r, _ in actor.roles if r in _GENDERED_ROLES}
                if actor.type == "person" and len(kinds) == 1:
                    self._gender.setdefault(actor_id, kinds.pop())
            for actor_id, actor in self.book.actors.items():
                # "Anna Kowal", "Ivan Petrenko": a given name of one sex, when nothing
                # above said otherwise (a name given to both, "Jordan", says nothing)
                words = actor.name.split()
                if actor.type == "person" and len(words) > 1 and actor_id not in self._gender:
                    if gender := given_name_gender(words[0]):
                        self._gender[actor_id] = gender
                        self._gender_by_name_only.add(actor_id)
        return self._gender

    def _pronoun(self, before: int, gender: str | None = None) -> str | None:
        """Who "he" or "she" is: whoever spoke last, unless a sentence since then opens
        with another person or with a title ("The prime minister ..."), which takes the
        floor; the person merely talked about does not. A title stands for its one
        officeholder named in the article, or for nobody (unknown, not a guess). One the
        article gives the other gender ("she" after "Mr. Hale" spoke) is passed over for
        the last speaker or person of that gender, else nobody."""
        found = self._pronoun_candidate(before, gender)
        known = self._genders()
        if gender is None or found is None or known.get(found, gender) == gender:
            return found
        window = self._window_start(before)
        for end, actor_id in reversed(self.spoken):
            if window <= end <= before and known.get(actor_id) == gender:
                return actor_id
        for mention in reversed(self.located.between(window, before)):
            if mention.actor_id in self._gender_by_name_only:
                continue
            if not mention.in_quote and known.get(mention.actor_id) == gender:
                return mention.actor_id
        # the one person named since the passed-over speaker spoke who may be meant; else,
        # when only a given name passed them over, the one such person of the window
        # ("Tom Hale, 42, is on trial. “…?” prosecutor Ann Lee asked. “…,” he replied")
        since = max((end for end, actor_id in self.spoken if actor_id == found), default=window)
        starts = (since, window) if found in self._gender_by_name_only else (since,)
        for start in starts:
            others = {
                m.actor_id
                for m in self.located.between(start, before)
                if not m.in_quote
                and not m.plural
                and m.actor_id != found
                and self.book.actors[m.actor_id].type == "person"
                and known.get(m.actor_id, gender) == gender
            }
            if others:
                return others.pop() if len(others) == 1 else None
        return None

    def _asked_last(self, actor_id: str, before: int) -> bool:
        """Whether the last quotation before an offset is this actor's, and a question."""
        for end, speaker in reversed(self.spoken):
            if end <= before:
                return speaker == actor_id and "?" in self.text[max(0, end - 3) : end]
        return False

    def _other_person(self, asker: str, before: int, gender: str) -> str | None:
        """The one person other than the asker named since the paragraph before, whom
        the article gives no other gender; None when there are none or several."""
        known = self._genders()
        others = {
            m.actor_id
            for m in self.located.between(self._window_start(before), before)
            if not m.in_quote
            and not m.plural
            and m.actor_id != asker
            and self.book.actors[m.actor_id].type == "person"
            and known.get(m.actor_id, gender) == gender
        }
        return others.pop() if len(others) == 1 else None

    def _pronoun_candidate(self, before: int, gender: str | None = None) -> str | None:
        """Who "he" or "she" is, gender aside (see ``_pronoun``) but for a relative who
        takes the floor (``_relative_subject``)."""
        window = self._window_start(before)
        last = None
        for end, actor_id in reversed(self.spoken):
            if end <= before:
                if end >= window and self.book.actors[actor_id].type == "person":
                    last = (end, actor_id)
                break
        start = last[0] if last else window
        subject: tuple[int, str | None] | None = None
        unnamed = [end for end in self.unnamed_spoken if max(start, window) <= end <= before]
        if unnamed:
            # "“…,” a shopkeeper said. “…,” she added": the unnamed person spoke last
            start, last, subject = unnamed[-1], None, (unnamed[-1], None)
        for mention in self.located.between(start, before):
            if mention.in_quote or mention.plural or mention.end > before:
                continue
            if self.book.actors[mention.actor_id].type != "person":
                continue
            if _OPENS_SENTENCE.search(self.text, max(0, mention.start - 80), mention.start):
                subject = (mention.start, mention.actor_id)
        for match in _ROLE_SUBJECT.finditer(self.hidden, start, before):
            if subject is None or match.start() > subject[0]:
                role = match.group("role").lower()
                qualifier = _qualifier(match.group().lower().split(), role)
                subject = (match.start(), self._by_role(role, None, before, qualifier))
        for match in _UNNAMED_SUBJECT.finditer(self.hidden, start, before):
            if subject is None or match.start() > subject[0]:
                # "A local shopkeeper said …": somebody unnamed takes the floor
                subject = (match.start(), None)
        for match in _RELATIVE_SUBJECT.finditer(self.hidden, start, before):
            if subject is None or match.start() > subject[0]:
                subject = (match.start(), self._relative_subject(match, gender))
        if subject is not None:
            return subject[1]
        if last:
            return last[1]
        return self._nearest(before, ("person",), lambda actor: actor.type == "person")

    def _relative_subject(self, match: re.Match, gender: str | None) -> str | None:
        """Who a pronoun after "X's sister pleaded with him" stands for: the relative
        (unnamed: None) when the pronoun may be theirs by gender, else the owner X when
        the article names X as a person the pronoun may be, else nobody."""
        kind = _GENDERED_ROLES.get(match.group("relation"))
        if gender is None or kind is None or kind == gender or not match.group("owner"):
            return None
        owner = match.group("owner").split()
        people = {
            actor_id
            for actor_id, actor in self.book.actors.items()
            if actor.type == "person" and _holds_words(actor.name.split(), owner)
        }
        if len(people) != 1:
            return None  # "Thomas'" of no person named, or of two: not a guess
        actor_id = people.pop()
        return actor_id if self._genders().get(actor_id, gender) == gender else None

    def _last_body_speaking(self, before: int) -> str | None:
        """The institution that spoke last, when its quotation's sentence is the one before
        ("“…,” said KCNA. “…,” it added"); a sentence since then with a subject of its own
        ("Residents met them.") leaves "they" unknown."""
        window = self._window_start(before)
        for end, actor_id in reversed(self.spoken):
            if end <= before:
                ends = len(_SENTENCE_END.findall(self.hidden, end, before))
                if end >= window and ends <= 1 and self.book.actors[actor_id].type != "person":
                    return actor_id
                return None
        return None

    def _window_start(self, position: int) -> int:
        """The start of the paragraph before the one holding ``position``."""
        index = bisect_right(self.paragraph_starts, position) - 1
        return self.paragraph_starts[max(0, index - 1)] if index >= 0 else 0

    def _previous_subject(self, position: int) -> str | None:
        """What "it" or "they" stands for: the first state or institution named in the
        sentence before ("Russia recognized ... Hours later, it launched what it called")."""
        line_start = self.text.rfind("\n", 0, position) + 1
        ends = [m.end() for m in _SENTENCE_END.finditer(self.text, line_start, position)]
        if not ends:
            return None
        previous_start = ends[-2] if len(ends) > 1 else line_start
        for mention in self.located.between(previous_start, ends[-1]):
            if mention.in_quote:
                continue
            if not _OPENS_CLAUSE.fullmatch(self.hidden, previous_start, mention.start):
                return None  # "Residents met the Red Cross. “…,” they said": not its words
            if self.book.actors[mention.actor_id].type != "person":
                return mention.actor_id
        return None

    def _nearest(self, before: int, kind: tuple, accept) -> str | None:
        """The last actor of a kind (``accept``, cached under ``kind``) named alone (not
        in a plural phrase) outside quotations and ending before an offset."""
        if kind not in self._accepted:
            chosen = [
                m
                for m in self.located.mentions
                if not m.in_quote and not m.plural and accept(self.book.actors[m.actor_id])
            ]
            self._accepted[kind] = ([m.start for m in chosen], chosen)
        starts, chosen = self._accepted[kind]
        for index in range(bisect_left(starts, before) - 1, -1, -1):
            if chosen[index].end <= before:
                return chosen[index].actor_id
        return None

    def _by_role(
        self, role: str, state: str | None, before: int, qualifier: str = ""
    ) -> str | None:
        """The nearest holder of a role (of a state), named before an offset or else
        after it; with a qualifier ("prime" of "the prime minister"), a holder the
        article titles with those words ("Prime Minister Hugo Laine") first."""

        def holds(actor) -> bool:
            return actor.type == "person" and (role, state) in actor.roles

        def from_state(actor) -> bool:  # "the Armenian minister" for "Armenian counterpart X"
            return actor.type == "person" and any(s == state for _, s in actor.roles)

        kind = ("role", role, state)
        if qualifier and (
            titled := self._titled_holder(kind, holds, f"{qualifier} {role}", before)
        ):
            return titled
        found = self._nearest(before, kind, holds) or self._nearest(len(self.text), kind, holds)
        if found is None and state is not None:
            found = self._nearest(before, ("from state", state), from_state)
        return found

    def _titled_holder(self, kind: tuple, holds, title: str, before: int) -> str | None:
        """The holder (``holds``) whose mention the words of a title stand just before
        ("Finance Minister Eva Stahl" for "the finance minister"): the last before an
        offset, else the first after it."""
        self._nearest(before, kind, holds)  # fills the cache of holders' mentions
        titled = [
            m
            for m in self._accepted[kind][1]
            if self.text[max(0, m.start - 60) : m.start].lower().rstrip().endswith(title)
        ]
        earlier = [m for m in titled if m.end <= before]
        chosen = earlier[-1:] or titled[:1]
        return chosen[0].actor_id if chosen else None

    def _last_named(self, actor_id: str, before: int) -> int:
        """Where the last mention of an actor before an offset starts (-1: none)."""
        starts = [m.start for m in self.located.between(0, before) if m.actor_id == actor_id]
        return max(starts, default=-1)

    def _described_later(self, role: str, after: int) -> str | None:
        """The one person the article introduces by this role after an offset ("The
        mayor, Ann Lee, has led …" below "“…,” the mayor said"); None when it introduces
        nobody so, or two different people (not a guess)."""
        found = set()
        for match in _described_pattern(role).finditer(self.hidden, after):
            who, start = match.group("who"), match.start("who")
            people = [
                m
                for m in self.located.inside(start, start + len(who))
                if self.book.actors[m.actor_id].type == "person"
            ]
            found.add(people[-1].actor_id if people else None)
        found.discard(None)
        return found.pop() if len(found) == 1 else None

    def _described(self, role: str, before: int) -> tuple[int, str] | None:
        """Where and whom the article last introduced by this role before an offset ("The
        village priest, Father Anton Weiss," / "retired nurse Ann Lee") for "the priest"."""
        pattern = _described_pattern(role)
        last = None
        for match in pattern.finditer(self.hidden, max(0, before - 3000), before):
            last = match
        named_first = None
        for match in _named_first_pattern(role).finditer(
            self.hidden, max(0, before - 3000), before
        ):
            named_first = match
        if named_first and (last is None or named_first.start() > last.start()):
            # "Michael Dunne is the council spokesman", "Keir Starmer is Britain's prime
            # minister", "Ivan Petrenko, 29, a wounded veteran": the name comes first;
            # only a person the article names there (no new actor from these words)
            who, start = named_first.group("who"), named_first.start("who")
            people = [
                m
                for m in self.located.inside(start, start + len(who))
                if self.book.actors[m.actor_id].type == "person"
            ]
            return (start, people[-1].actor_id) if people else None
        if last is None:
            return None
        who, start = last.group("who"), last.start("who")
        people = [
            m
            for m in self.located.inside(start, start + len(who))
            if self.book.actors[m.actor_id].type == "person"
        ]
        found = people[-1].actor_id if people else self.new_speaker(who, start, before)
        return (start, found) if found else None

    def _by_age(self, age: str, before: int) -> str | None:
        """The person the article last gave this age before an offset ("Anna Kowal, 43,"
        for "the 43-year-old"), or None."""
        pattern = _AGED.get(age)
        if pattern is None:
            name = rf"(?:[{_UPPER}][\w’'.-]*[ \u00a0]+){{0,3}}[{_UPPER}][\w’'-]+"
            pattern = _AGED[age] = re.compile(
                rf"(?P<who>{name})(?:,[ \u00a0]+(?:an?[ \u00a0]+|aged[ \u00a0]+)?{age}\b"
                rf"(?!,\d)(?!\s*(?:percent|per|%|years? ago))|[ \u00a0]+\({age}\))"
                rf"|\b{age}-year-old[ \u00a0]+(?:[a-z][\w-]*[ \u00a0]+){{0,3}}(?P<after>{name})"
            )
        for match in reversed(list(pattern.finditer(self.hidden, max(0, before - 5000), before))):
            group = "who" if match.group("who") else "after"
            who, start = match.group(group), match.start(group)
            people = [
                m
                for m in self.located.inside(start, start + len(who))
                if self.book.actors[m.actor_id].type == "person"
            ]
            if people:
                return people[-1].actor_id
            if len(who.split()) > 1 and (found := self.new_speaker(who, start, before)):
                return found
        return None

    def _member_of(self, body: str, before: int) -> str | None:
        """The last person named before an offset next to a body's name in the same
        sentence ("Mark Rutte, NATO's secretary general", "NATO chief Mark Rutte"), so
        introduced as one of its people; None when there is none."""
        people = [
            m
            for m in self.located.between(0, before)
            if not m.in_quote and self.book.actors[m.actor_id].type == "person"
        ]
        for person in reversed(people):
            near = self.located.between(max(0, person.start - 60), person.end + 60)
            for mention in near:
                if mention.actor_id != body:
                    continue
                if mention.start < person.start:
                    between = self.hidden[mention.end : person.start]
                else:
                    between = self.hidden[person.end : mention.start]
                if not re.search(r"[.!?;]\s", between):
                    return person.actor_id
        return None

    def _named_before(self, start: int, end: int) -> str | None:
        """The institution named just before a document noun within text[start:end]
        ("The Home Office letter", "a Kremlin statement")."""
        for mention in self.located.inside(start, end):
            if self.book.actors[mention.actor_id].type == "person" or mention.in_quote:
                continue
            following = self.text[mention.end : end].split()
            if following and following[0].lower() in _DOCUMENTS:
                return mention.actor_id
        return None

    def document_issuer(self, position: int) -> str | None:
        """Who issued "the statement": named with it ("a statement by X"), else the nearest
        organisation named before it. The first document in the text that names its
        issuer counts up to 120 characters after it (found once, not per quotation)."""
        issuer = self._issuer_named_first()
        if issuer and issuer[0] <= position + 120 and issuer[1] <= position + 200:
            return issuer[2]
        return self._nearest(
            position,
            ("institution",),
            lambda actor: actor.type in ("government_body", "organisation", "media"),
        )

    def _issuer_named_first(self) -> tuple[int, int, str] | None:
        """(start, end, issuer) of the text's first "statement by/from/of X" naming an
        institution, or None."""
        if not self._issuers_searched:
            self._issuers_searched = True
            for match in _DOCUMENT.finditer(self.text):
                if not re.match(r"\s*(?:by|from|of)\b", match.group("by")):
                    continue
                inside = self.located.inside(match.start("by"), match.end("by"))
                institutions = [m for m in inside if self.book.actors[m.actor_id].type != "person"]
                if institutions:
                    self._first_issuer = (match.start(), match.end(), institutions[-1].actor_id)
                    break
        return self._first_issuer

    # -- attribution patterns --------------------------------------------------------------

    def after_frame(self, frame: str, offset: int, quote: QuoteSpan) -> Attribution | None:
        # A quotation closed by a full stop inside its marks ends its sentence: what
        # follows with a capital is the next sentence, not this one's frame.
        ends_sentence = quote.text.rstrip()[-1:] == "." and bool(re.match(r"\s+[A-Z]", frame))
        if not ends_sentence and (quoted := _AFTER_QUOTED_OBJECT.match(frame)):
            return self._quoted_object(quoted, offset, quote)
        for pattern, method in (
            (_AFTER_VERB_DESCRIBED_NAME, "verb-name after"),
            (_AFTER_DESCRIBED_NAME_VERB, "name-verb after"),
            (_AFTER_WHO_VERB, "who-verb after"),
            (_AFTER_VERB_WHO, "verb-who"),
            (_AFTER_NAME_VERB, "name-verb after"),
            (_AFTER_VERB_NAME, "verb-name after"),
            (_AFTER_DASH_NAME, "dash-name after"),
            (_HOW_PUT, "name-verb after"),
        ):
            match = pattern.match(frame)
            if match and ends_sentence and not _LOWER_NEXT.match(frame):
                break  # "“We start today.” The following individuals were": a new sentence
            if match and _addresses(match, frame):
                continue  # "…", adding to CNN / "…", telling the BBC: the one spoken to
            if match:
                who = match.group("who")
                who_start = match.start("who")
                longer = _TITLE_GOES_ON.match(frame, match.end("who"))
                if longer and longer.group() and method in ("verb-who", "verb-name after"):
                    words = (who + longer.group()).rstrip(".").split()
                    if (first := _person_after_title(words)) is not None:
                        # "said DEA Acting Special Agent in Charge Michael J. Ferguson",
                        # "said Treasury’s Director of the Office (OFAC) Adam J. Szubin":
                        # the person after the title, whatever the title's words are
                        name = " ".join(words[first:])
                        who_start = frame.index(name, who_start)
                        who = name
                person = (
                    method == "verb-who"
                    and who[:1].isupper()
                    and who not in ("He", "She", "It", "They", "We", "I")
                )
                person = person and _ROLE_THEN_NAME.match(frame, match.end("who"))
                if person:
                    who, who_start = person.group("who"), person.start("who")
                if who.endswith(".") and not _KEEPS_FULL_STOP.search(who):
                    who = who[:-1]  # "said Hale's wife, Jane.": the sentence's full stop
                more = who[:1] in "Tt" and _NAME_GOES_ON.match(frame, match.end("who"))
                more = more and more.group().rstrip(".")
                if more and more.split()[-1].lower() not in ROLE_NOUNS:
                    # "said the Refugee Council", not "the Refugee"; but "the European
                    # Union High Representative" is somebody holding a role
                    who += more
                start = offset + who_start
                actor = self.resolve(who, start, start + len(who), quote.mark_start)
                described = method in ("who-verb after", "verb-who") and re.match(
                    r"(?:[Tt]he|[Aa]n?|[Oo]ne)\s", who
                )
                # "“…,” they said" is spoken even by nobody known; "calling it" is no speaker
                collective = who.lower() in _COLLECTIVE_PRONOUNS and method == "who-verb after"
                # "Mr. Smith said" with two Smiths: a person spoke, though it is unknown who
                titled = len(who.split()) > 1 and who.split()[0] in _NOT_NAME_START - FUNCTION_WORDS
                if actor or who.lower() in _PRONOUNS or collective or described or titled:
                    # "“…,” the priest said" with no priest named: spoken, by nobody known
                    return Attribution(actor, method)
        if match := re.match(rf"^[\s,]*{_ACCORDING.pattern}", frame, re.IGNORECASE):
            start = offset + match.start("who")
            who = match.group("who")
            return Attribution(
                self.resolve(who, start, start + len(who), quote.mark_start), "according to"
            )
        return None

    def introduced_by(self, paragraph: Span, quote: QuoteSpan) -> str | None:
        """Who a line announcing a statement names as making it ("Secretary X issued the
        following statement today:", ``statements.introduction``), or None."""
        intro = introduction(Span(paragraph.start, paragraph.end, paragraph.text.rstrip()))
        if intro is None or not intro.names_document:
            return None
        start = intro.who_start
        return self.resolve(intro.who, start, start + len(intro.who), quote.mark_start)

    def _quoted_source(self, frame: str, offset: int, after: int, quote: QuoteSpan) -> str | None:
        """The source a reporter quotes: "According to Yonhap, quoting the Korean Central
        News Agency (KCNA), ..." -- the words are KCNA's, Yonhap only passed them on. The
        last name in the "quoting ..." clause that is an actor (its descriptors, "North
        Korea's main news agency", come first); None when there is no such clause."""
        clause = _QUOTING_CLAUSE.match(frame, after)
        if not clause:
            return None
        found = None
        for name in _QUOTED_NAME.finditer(frame, clause.start("rest"), clause.end("rest")):
            start = offset + name.start()
            if actor := self.resolve(name.group(), start, offset + name.end(), quote.mark_start):
                found = actor
        return found

    def before_frame(self, frame: str, offset: int, quote: QuoteSpan) -> Attribution | None:
        document = None
        for match in _DOCUMENT.finditer(frame):
            if not _INTRODUCED_DOCUMENT.search(frame, 0, match.start()):
                document = match  # "In a statement, X said": X speaks, not a document
        if document:
            owner = _OWNER.search(frame, 0, document.start())
            if owner and (
                actor := self.resolve(
                    owner.group("who"),
                    offset + owner.start("who"),
                    offset + owner.end("who"),
                    quote.mark_start,
                )
            ):
                return Attribution(actor, "statement")  # "Cornyn's statement added"
            return Attribution(self.document_issuer(offset + document.start()), "statement")
        if match := _ACCORDING.search(frame):
            if quoted := self._quoted_source(frame, offset, match.end(), quote):
                return Attribution(quoted, "according to, quoting")
            who = match.group("who")
            start = offset + match.start("who")
            if actor := self.resolve(who, start, start + len(who), quote.mark_start):
                return Attribution(actor, "according to")
        if frame.rstrip().endswith(":") and (
            found := self.introduced_by(Span(offset, offset + len(frame), frame), quote)
        ):
            return Attribution(found, "statement")  # "X issued the following statement:"
        if quoted := _QUOTED_OBJECT.search(frame):
            return self._quoted_object(quoted, offset, quote)
        verbs = list(_VERB_ANYWHERE.finditer(frame))
        if not verbs and (label := _NAME_COLON.fullmatch(frame)):
            # "Ivo Maric: “…”": a name alone before a colon (a transcript, a caption)
            who, start = label.group("who"), offset + label.start("who")
            if actor := self.resolve(who, start, start + len(who), quote.mark_start):
                return Attribution(actor, "colon")
        if frame.rstrip().endswith(":") and _ROLE_WORD.search(frame) and not verbs:
            # A headline's "Ukrainian Ambassador to Kazakhstan: “...”" names a role.
            label = frame.rstrip().rstrip(":")
            if actor := self.resolve(label, offset + len(frame), offset + len(frame), offset):
                return Attribution(actor, "colon")
        if verbs:
            verb = verbs[-1]
            found = self._before_verb(frame, offset, quote, verb)
            if found:
                between = frame[verb.end() :]
                # "told reporters, adding that the “Route”": another clause, not the verb's
                found.distance = 999 if re.search(r"[,;]", between) else len(between)
                if verb.group().endswith("ing") and re.search(r"\bthat\b", between):
                    # "adding that the “Southern Route” would open": a participle's clause
                    # does not make a name in scare quotes someone's words, while
                    # "confirming his country’s “unconditional” interest" quotes its object
                    found.distance = 999
            return found
        if frame.rstrip().endswith(":"):
            # "Sunak defended it, promising a “formal update” from Braverman: “…”": the
            # colon goes with the sentence's subject, before the quotation inside it
            start = min(offset, self.sentence_start if self.sentence_start >= 0 else offset)
            return self._subject_mention(start, offset + len(frame), "colon")
        return None

    def _quoted_object(self, quoted: re.Match, offset: int, quote: QuoteSpan) -> Attribution:
        """The one a teller quoted or cited: the actor the object names, else nobody
        ("one witness", "residents", "a police source": the article names no one)."""
        who = quoted.group("who")
        if who.lower() in _PRONOUNS:
            # "the Times quoted her as saying": the person the pronoun stands for
            start = offset + quoted.start("who")
            actor = self.resolve(who, start, start + len(who), quote.mark_start)
            return Attribution(actor, "quoted by the teller", basis=quoted.group())
        for name in _QUOTED_NAME.finditer(who):
            start = offset + quoted.start("who") + name.start()
            if actor := self.resolve(
                name.group(), start, start + len(name.group()), quote.mark_start
            ):
                return Attribution(actor, "quoted by the teller", basis=quoted.group())
        return Attribution(None, "quoted by the teller, unnamed", basis=quoted.group())

    def _before_verb(
        self, frame: str, offset: int, quote: QuoteSpan, verb: re.Match
    ) -> Attribution | None:
        """Who goes with the last speech verb before a quotation."""
        subject = frame[: verb.start()]
        # "X, in remarks to al-Ikhbariya television, said": the aside is not the subject.
        # An aside opens with a lowercase word; ", Petr Vrublevsky," is the name itself.
        # A relative clause may run longer ("X, who has led the council since 2010 and
        # who faced criticism over the budget last year from residents, said:").
        subject = re.sub(
            r",\s(?:(?:who|whose|whom|which)\s[^,“”\"]{1,200}|(?=[a-z])[^,“”\"]{1,80}),\s*$",
            " ",
            subject,
        )
        if _SUBJECT_DOCUMENT.search(subject):
            # "The official statement from X's office cited": the document's issuer
            return Attribution(self.document_issuer(offset + verb.start()), "statement")
        match = re.search(
            rf"(?P<who>{_WHO})(?:,\s(?:Jr|Sr)\.)?{_PARENTHESIS},?(?:\s+(?:\w+ly|also|has|have"
            rf"|had|was|is|on \w+|in \w+|then|later|once again|will|would|could|may|might"
            rf"|did))*\s*,?\s*$",
            subject,
        )
        if _UNNAMED.search(subject):
            # "with one poster writing", "an unknown author said": the article names nobody
            return Attribution(None, "unnamed speaker")
        preceding = re.findall(r"\w+", subject[: match.start()])[-1:] if match else []
        # "with Boswell stating:": "with" and a participle make Boswell the speaker.
        absolute = verb.group().endswith("ing") and preceding == ["with"]
        if match and re.search(r"\s(?:and|&)$", match.group("who")):
            # "Ann Lee met Tom Hale and said:": a second verb of the sentence's subject;
            # the name before "and" is the first verb's object, not the speaker
            return self._subject_mention(offset, offset + verb.start(), "subject before verb")
        if match and (absolute or not (preceding and preceding[0].lower() in _PREPOSITIONS)):
            who = match.group("who")
            start = offset + match.start("who")
            if self._joined_to_person(start) or self._joins_people(start, start + len(who)):
                # "Ann Lee and her deputy Tom Hale said:": several speakers, not the last
                return Attribution(None, "several speakers")
            actor = self.resolve(who, start, start + len(who), quote.mark_start)
            if actor:
                return Attribution(actor, "who-verb before")
            if re.match(r"(?:[Tt]he|[Aa]n?|[Oo]ne)\s", who) and _ROLE_WORD.search(who):
                # "The NATO chief added:" with no such person named: spoken, by nobody known
                return Attribution(None, "who-verb before")
        after_verb = re.match(rf"\s+(?P<who>{_NAME})", frame[verb.end() :])
        if after_verb:
            start = offset + verb.end() + after_verb.start("who")
            who = after_verb.group("who")
            if actor := self.resolve(who, start, start + len(who), quote.mark_start):
                return Attribution(actor, "verb-who before")
        return self._subject_mention(offset, offset + verb.start(), "subject before verb")

    def _joins_people(self, start: int, end: int) -> bool:
        """Whether text[start:end] names two people joined by "and" ("Lee and Hale")."""
        people = [
            m
            for m in self.located.inside(start, end)
            if self.book.actors[m.actor_id].type == "person"
        ]
        return len({m.actor_id for m in people}) > 1 and bool(
            _JOINED.fullmatch(self.hidden, people[-2].end, people[-1].start)
        )

    def _joined_to_person(self, position: int) -> bool:
        """Whether the words at ``position`` follow a person's name and "and", perhaps
        with a short description ("Ann Lee and her deputy Tom Hale")."""
        for mention in self.located.before(position):
            if mention.end > position or mention.in_quote:
                continue
            return self.book.actors[mention.actor_id].type == "person" and bool(
                _JOINED.fullmatch(self.hidden, mention.end, position)
            )
        return False

    def _subject_mention(self, start: int, end: int, method: str) -> Attribution | None:
        """The subject of the words text[start:end]: the name they open with (perhaps after
        an opening participle, "Writing in a blog post, X dubbed it:"), else the first
        actor named in them that is not a state."""
        if opening := _OPENING_NAME.match(self.hidden, start, end):
            who = opening.group("who")
            if who.split()[0] not in FUNCTION_WORDS:
                actor = self.resolve(who, opening.start("who"), opening.end("who"), end)
                if actor:
                    return Attribution(actor, method)
        inside = [m for m in self.located.inside(start, end) if not m.in_quote]
        preferred = [m for m in inside if self.book.actors[m.actor_id].type != "state"]
        # The one a speech verb follows is the subject ("CEO of the Refugee Council Enver
        # Solomon told Sky News"), before the first named.
        speaking = [m for m in preferred if _FOLLOWED_BY_VERB.match(self.hidden, m.end, end)]
        chosen = (speaking or preferred or inside)[:1]
        if not chosen:
            return None
        return Attribution(chosen[0].actor_id, method)


_TELLING = re.compile(r"tell(?:s|ing)?|told", re.IGNORECASE)
_TO_ADDRESSEE = re.compile(r"\s+to\b", re.IGNORECASE)


def _addresses(match: re.Match, frame: str) -> bool:
    """Whether the name a speech verb after a quotation governs is the one spoken to, not
    the speaker: "…", telling the BBC he was / "…", adding to CNN: the speaker is named
    before the quotation (English puts no speaker after "told" or "to")."""
    if "verb" not in match.re.groupindex or match.start("who") < match.end("verb"):
        return False  # "X told the press": X speaks
    verb = match.group("verb")
    if _TELLING.fullmatch(verb):
        return True
    return bool(_TO_ADDRESSEE.match(frame, match.end("verb")))


def _person_after_title(words: list[str]) -> int | None:
    """Where a person's name starts after the words of a long title: the first given
    name followed by one to three name words (initials, particles, capitalised) that
    run to the end, when a title or role word stands before it; None otherwise."""
    for index in range(1, len(words) - 1):
        tail = words[index + 1 :]
        if (
            words[index] in GIVEN_NAMES
            and len(tail) <= 3
            and all(re.fullmatch(r"[A-Z]\.|[A-Z][\w’'-]+", w) or w in _PARTICLES for w in tail)
            and any(w in TITLE_WORDS or w.lower() in ROLE_NOUNS for w in words[:index])
        ):
            return index
    return None


def _qualifier(words: list[str], role: str) -> str:
    """The word that narrows a role in a phrase ("prime" in "the prime minister"), or ""."""
    index = max(i for i, w in enumerate(words) if w == role)
    word = words[index - 1] if index else ""
    if not word.isalpha() or word in _DETERMINERS or state_named(word) or word in DEMONYMS:
        return ""
    return word


def _described_pattern(role: str) -> re.Pattern:
    """A role and the name in apposition to it ("The village priest, Father Anton Weiss",
    "retired nurse Ann Lee"), compiled once per role."""
    pattern = _DESCRIBED.get(role)
    if pattern is None:
        forms = [role] + _TITLES_OF_ROLES.get(role, [])
        pattern = _DESCRIBED[role] = re.compile(
            rf"\b(?:{'|'.join(map(re.escape, forms))})(?:,?[ \u00a0]+|{_ROLE_PLACE})"
            rf"(?P<who>(?:(?:[{_UPPER}][\w’'.-]*|{_PARTICLE})[ \u00a0]+){{1,3}}"
            rf"[{_UPPER}][\w’'-]+)"
        )
    return pattern


_NAMED_FIRST: dict[str, re.Pattern] = {}
# What joins a name to the role after it: an apposition, perhaps after an age ("Ivan
# Petrenko, 29, a wounded veteran"), or a copula ("is the council spokesman", "works as
# a nurse").
_NAME_TO_ROLE = (
    r"(?:,[ \u00a0]+(?:\d{1,3},[ \u00a0]+)?"
    r"|[ \u00a0]+(?:is|was|has[ \u00a0]+been|had[ \u00a0]+been|(?:works|worked|serves|served)"
    r"[ \u00a0]+as)[ \u00a0]+)"
)
# At most three words between the determiner and the role, none of them a preposition or
# conjunction: "the son of the mayor" is no mayor, "the council spokesman" is a spokesman.
_ROLE_MODIFIERS = (
    r"(?:(?!(?:of|to|for|with|and|or|but|by|in|at|from|on|than|like|as|who|whose)\b)"
    r"[\w’'-]+[ \u00a0]+){0,3}"
)


def _named_first_pattern(role: str) -> re.Pattern:
    """A person's name and the role after it ("Michael Dunne is the council spokesman",
    "Helen Marsh was a teacher", "Keir Starmer is Britain's prime minister", "Ivan Petrenko,
    29, a wounded veteran"), compiled once per role."""
    pattern = _NAMED_FIRST.get(role)
    if pattern is None:
        forms = [role] + _TITLES_OF_ROLES.get(role, [])
        name = rf"(?:[{_UPPER}][\w’'.-]*[ \u00a0]+){{0,3}}[{_UPPER}][\w’'-]+"
        owner = rf"(?:[{_UPPER}][\w’'.-]*[ \u00a0]+){{0,2}}[{_UPPER}][\w.-]*[’']s?"
        pattern = _NAMED_FIRST[role] = re.compile(
            rf"(?P<who>{name}){_NAME_TO_ROLE}"
            rf"(?:(?:a|an|the|its|their|his|her)[ \u00a0]+|{owner}[ \u00a0]+)"
            rf"{_ROLE_MODIFIERS}(?:{'|'.join(map(re.escape, forms))})\b(?![’'-])"
        )
    return pattern


def _holds_words(name: list[str], words: list[str]) -> bool:
    """Whether a person's name holds these words in a row ("Thomas" of "Thomas Sam")."""
    return any(name[i : i + len(words)] == words for i in range(len(name) - len(words) + 1))


def masked(text: str, quotes: list[QuoteSpan]) -> str:
    """The text with quotation contents replaced by 'X': frames are read without them."""
    pieces, done = [], 0
    for quote in quotes:  # top-level quotations: in order, never overlapping
        if quote.start < done:
            continue
        # a capital, so a sentence can still start there
        pieces += [text[done : quote.start], "X" * (quote.end - quote.start)]
        done = quote.end
    pieces.append(text[done:])
    return "".join(pieces)


def attribute(
    text: str,
    paragraphs: list[Span],
    quotes: list[QuoteSpan],
    mentions: list[Mention],
    book: ActorBook,
) -> list[Attribution | None]:
    """One attribution (or None, no frame at all) per top-level quotation, in order."""
    resolver = SpeakerResolver(text, mentions, book)
    hidden = masked(text, quotes)
    resolver.hidden = hidden
    resolver.paragraph_starts = [p.start for p in paragraphs]
    results: list[Attribution | None] = []
    by_paragraph: dict[int, list[int]] = {}
    # Quotes come in text order; offsets in sorted lists let each quote find its paragraph,
    # sentence and the next quote by binary search (linear scans are quadratic on long texts).
    paragraph_starts = [p.start for p in paragraphs]
    quote_starts = [q.mark_start for q in quotes]
    masked_sentences: dict[int, list[Span]] = resolver.masked_sentences
    for index, quote in enumerate(quotes):
        position = bisect_right(paragraph_starts, quote.mark_start) - 1
        paragraph = paragraphs[position]
        by_paragraph.setdefault(paragraph.start, []).append(index)
        if paragraph.start not in masked_sentences:
            masked_sentences[paragraph.start] = sentences(
                Span(paragraph.start, paragraph.end, hidden[paragraph.start : paragraph.end])
            )
        sentence = next(
            (s for s in masked_sentences[paragraph.start] if s.start <= quote.mark_start < s.end),
            paragraph,
        )
        # A quotation over several paragraphs ends in another paragraph and sentence.
        closing = paragraphs[bisect_right(paragraph_starts, quote.mark_end - 1) - 1]
        if closing.start not in masked_sentences:
            masked_sentences[closing.start] = sentences(
                Span(closing.start, closing.end, hidden[closing.start : closing.end])
            )
        end_sentence = next(
            (s for s in masked_sentences[closing.start] if s.start < quote.mark_end <= s.end),
            closing,
        )
        siblings = [quotes[i] for i in by_paragraph[paragraph.start][:-1]]
        following = bisect_left(quote_starts, quote.mark_end)
        after_end = (
            quotes[following].mark_start
            if following < len(quotes) and quotes[following].mark_start < end_sentence.end
            else end_sentence.end
        )
        before_start = max(
            [sentence.start] + [q.mark_end for q in siblings if q.mark_end <= quote.mark_start]
        )
        frame = hidden[quote.mark_end : after_end]
        attribution = resolver.after_frame(frame, quote.mark_end, quote)
        if attribution is None:
            frame = hidden[before_start : quote.mark_start]
            resolver.sentence_start = sentence.start
            attribution = resolver.before_frame(frame, before_start, quote)
            resolver.sentence_start = -1
        if attribution is not None:
            attribution.basis = " ".join(frame.split())[:200]
        if attribution is None and _DANGLING.fullmatch(hidden, quote.mark_end, closing.end):
            attribution = _attribution_below(resolver, hidden, paragraphs, closing, quote)
        if attribution is None:
            earlier = [results[i] for i in by_paragraph[paragraph.start][:-1]]
            # No speech verb anywhere in its sentence: nobody is said to say it here.
            bare = not _VERB_ANYWHERE.search(hidden[sentence.start : after_end])
            attribution = _continued(
                resolver, hidden, paragraphs, position, sentence, quote, earlier, bare
            )
        if attribution is not None and attribution.actor_id:
            resolver.spoken.append((quote.mark_end, attribution.actor_id))
        elif attribution is not None and _UNNAMED_PERSON.search(frame):
            resolver.unnamed_spoken.append(quote.mark_end)
        results.append(attribution)
    _attributed_further_on(text, paragraph_starts, quotes, results)
    return results


def _attributed_further_on(text, paragraph_starts, quotes, results) -> None:
    """A quotation left open at its paragraph's end, with no frame of its own, that goes
    on in the next paragraph (which opens with a mark) is the words of whoever says that
    one ("“The first winter was the hardest.¶“We had no heating,” said X."): the
    newspaper convention puts the attribution in any paragraph of the quotation."""
    for index in range(len(quotes) - 2, -1, -1):
        quote, following = quotes[index], quotes[index + 1]
        found = results[index + 1]
        left_open = (
            quote.end == quote.mark_end and text[quote.mark_end - 1 : quote.mark_end] not in '”»"'
        )
        if results[index] is not None or not left_open or not (found and found.actor_id):
            continue
        next_start = bisect_right(paragraph_starts, quote.mark_end)
        if (
            next_start >= len(paragraph_starts)
            or paragraph_starts[next_start] != following.mark_start
        ):
            continue
        results[index] = Attribution(
            found.actor_id, "quotation continued in the next paragraph", basis=found.basis
        )


def _attribution_below(resolver, hidden, paragraphs, closing, quote) -> Attribution | None:
    """The paragraph after a quotation that ends its own, when it only says who spoke
    ("said headteacher Olga Ivanova." / "— Farmer Piet de Vries"), or finishes a frame
    its line leaves open ("…,” said¶Joseph Mwangi, an aid worker" / "…”¶Joseph
    Mwangi¶told the radio"): scraped pages and link text break lines there."""
    index = bisect_right(resolver.paragraph_starts, closing.start)  # the one after it
    if index >= len(paragraphs):
        return None
    below = paragraphs[index]
    frame = hidden[below.start : below.end]
    if frame[:1] in '“„«"‘':
        return None
    if dash := _DASH_NAME.match(frame):
        start = below.start + dash.start("who")
        who = dash.group("who")
        actor = resolver.resolve(who, start, start + len(who), quote.mark_start)
        if actor is None:
            return None
        return Attribution(actor, "attribution in next paragraph", basis=frame[:200])
    dangling = hidden[quote.mark_end : closing.end].strip(" .,")
    end = below.end
    if _LINK_NAME.fullmatch(frame) and index + 1 < len(paragraphs):
        end = paragraphs[index + 1].end  # a name alone on its line: a link's text
        if not hidden[paragraphs[index + 1].start : end][:1].islower():
            return None
    elif not (frame[:1].islower() or (dangling and frame[:1].isupper())):
        return None
    # The lines between joined by spaces: the same length, so offsets still hold.
    joined = re.sub(r"\s", " ", hidden[quote.mark_end : end])
    found = resolver.after_frame(joined, quote.mark_end, quote)
    if found is not None and found.actor_id:
        basis = " ".join(joined.split())[:200]
        return Attribution(found.actor_id, "attribution in next paragraph", basis=basis)
    return None


def _continued(resolver, hidden, paragraphs, position, sentence, quote, earlier, bare=False):
    """A quotation with no frame of its own continues the one before it in its paragraph
    (``earlier``: their attributions), else a paragraph before ending in a colon."""
    named = [found for found in earlier if found and found.actor_id]
    if named:
        return Attribution(
            named[-1].actor_id, "continues previous quotation", basis=named[-1].basis
        )
    paragraph = paragraphs[position]
    if position and sentence.start == paragraph.start:
        previous = paragraphs[position - 1]
        if previous.text.rstrip().endswith(":"):
            last_sentence = resolver.sentences_between(previous, previous.start, previous.end)[-1]
            frame = hidden[last_sentence.start : last_sentence.end]
            if found := resolver.introduced_by(previous, quote):
                # "Secretary X issued the following statement today on Y's confirmation
                # as Director of the FHFA:": X, not the last body the line names
                basis = " ".join(frame.split())
                return Attribution(found, "colon in previous paragraph", basis=basis)
            found = resolver.before_frame(frame, last_sentence.start, quote)
            if found:
                return Attribution(
                    found.actor_id, "colon in previous paragraph", basis=" ".join(frame.split())
                )
    return _speaker_before(resolver, hidden, paragraphs, position, quote) if bare else None


# A passive after the subject ("was arrested", "has been charged"): the person is acted
# upon, and a quotation after the sentence is seldom theirs.
_PASSIVE = re.compile(r"\b(?:was|were|is|are|has\s+been|had\s+been)\s+(?:\w+ly\s+)?\w+(?:ed|en)\b")


def _speaker_before(resolver, hidden, paragraphs, position, quote) -> Attribution | None:
    """A quotation with no frame at all goes on with the speaker just before it: the
    subject of a sentence reporting speech or a statement since the last quotation of its
    paragraph ("She says the issue is complicated. We need to “…”"; "X issued a
    statement. “…”"), else the speaker of a quotation ending in its paragraph or the one
    before (the newspaper convention of a paragraph that is all quotation), else such a
    sentence in the paragraph before."""
    window = paragraphs[position - 1].start if position else paragraphs[position].start
    last = None
    for end, actor_id in reversed(resolver.spoken):
        if window <= end <= quote.mark_start:
            last = (end, actor_id)
        break
    paragraph = paragraphs[position]
    since = max(paragraph.start, last[0]) if last else paragraph.start
    if found := _reporting_sentence(resolver, paragraph, since, quote):
        return found
    if last:
        return Attribution(last[1], "continues the speaker before", basis="")
    if quote.mark_start > paragraph.start and re.search(
        r"[.!?][”\"’']?\s+$", hidden[paragraph.start : quote.mark_start]
    ):
        # "Mayor Ann Lee spoke to residents. “We will rebuild the bridge.”": a quotation
        # opening a sentence after one that opens with a person, in the same paragraph,
        # is that person's, as a paragraph of quotation after such a paragraph is
        found = _introduced_before(resolver, paragraph, quote.mark_start)
        if found and not _PASSIVE.search(found.basis):
            # (not after "Tom Hale was arrested on Monday.": the words are somebody else's)
            return Attribution(found.actor_id, "subject of the sentence before", found.basis)
    if position:
        found = _reporting_sentence(resolver, paragraphs[position - 1], None, quote)
        if found is None and quote.mark_start == paragraph.start:
            found = _introduced_before(resolver, paragraphs[position - 1])
        return found
    return None


def _introduced_before(resolver, previous: Span, stop: int | None = None) -> Attribution | None:
    """A paragraph that is all quotation, after one whose last sentence opens with a
    person ("Piet de Vries, a dairy farmer, has lived near the river for 30 years.¶“It
    has never been this bad.”"): the newspaper convention makes them that person's words.
    Only a person named at the very start of that sentence (perhaps after a role: "Nurse
    Ann Lee"), never one merely mentioned in it."""
    stop = previous.end if stop is None else stop  # the paragraph, or its start up to a quotation
    last = resolver.sentences_between(previous, previous.start, stop)[-1:]
    if not last or _MARKS_IN.search(last[0].text):
        return None
    sentence = last[0]
    for mention in resolver.located.inside(sentence.start, sentence.end):
        if mention.in_quote or resolver.book.actors[mention.actor_id].type != "person":
            continue
        words = resolver.text[sentence.start : mention.start].split()
        if words and words[0] in ("The", "A", "An", "His", "Her", "Their", "Its"):
            words = words[1:]  # "The village priest, Father Anton Weiss,"
        elif words and words[0][1:].islower() and words[0].lower() not in ROLE_NOUNS:
            words[0] = words[0].lower()  # "Dairy farmer Piet de Vries": capital of the start
        if all(
            w.rstrip(",") in _NOT_NAME_START - FUNCTION_WORDS
            or w.rstrip(",").lower() in ROLE_NOUNS
            or (w.islower() and i < len(words) - 1)
            for i, w in enumerate(words)
        ) and (not words or not words[-1].islower() or words[-1].rstrip(",") in ROLE_NOUNS):
            basis = " ".join(sentence.text.split())[:200]
            return Attribution(mention.actor_id, "subject of the paragraph before", basis=basis)
        return None
    return None


def _reporting_sentence(resolver, paragraph, start, quote) -> Attribution | None:
    """The speaker of the last sentence of a paragraph (from ``start``, before the
    quotation) that reports speech or a statement, if it names one (None also when that
    sentence names nobody)."""
    start = paragraph.start if start is None else start
    stop = min(paragraph.end, quote.mark_start)
    if stop <= start:
        return None
    for sentence in reversed(resolver.sentences_between(paragraph, start, stop)):
        if not (_VERB_ANYWHERE.search(sentence.text) or _DOCUMENT_WORD.search(sentence.text)):
            continue
        found = resolver.before_frame(sentence.text, sentence.start, quote)
        if found is None or not found.actor_id:
            found = resolver._subject_mention(sentence.start, sentence.end, "")
        if found is not None and found.actor_id:
            basis = " ".join(sentence.text.split())[:200]
            return Attribution(found.actor_id, "speaker of the sentence before", basis=basis)
        return None
    return None


def statement_speakers(
    text: str,
    paragraphs: list[Span],
    quotes: list[QuoteSpan],
    mentions: list[Mention],
    book: ActorBook,
    intros: list,
) -> list[Attribution]:
    """Who makes each statement printed without marks (``statements.StatementIntro``):
    the actor its introduction's subject names ("Mr. Wolfowitz made the following
    statement:" is the Paul D. Wolfowitz named before; "the following statement from
    Secretary Tim Geithner"), resolved like any speaker; None when it names nobody known."""
    resolver = SpeakerResolver(text, mentions, book)
    resolver.hidden = masked(text, quotes)
    resolver.paragraph_starts = [p.start for p in paragraphs]
    found = []
    for intro in intros:
        start = intro.who_start
        actor = resolver.resolve(intro.who, start, start + len(intro.who), start)
        basis = " ".join(intro.sentence.text.split())[:200]
        found.append(Attribution(actor, "statement block", basis=basis))
    return found
