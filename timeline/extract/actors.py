"""Finding actors in a text: known aliases first, then the gazetteer, then naming rules.

Every mention links to one actor in an ``ActorBook``: a known (curated or earlier
extracted) actor when a spelling matches, else a new actor with a type taken from the
words of its name. Capitalised phrases with no evidence of being a person,
organisation, state or outlet (places, wars, documents) are left out: a missing actor
costs less than a wrong one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache

from rapidfuzz import fuzz

from .actor_book import ActorBook, BookActor, Mention, MentionIndex
from .gazetteer import CAPITALS, DEMONYMS, METONYMS, STATES
from .given_names import GIVEN_NAMES, is_given_name
from .name_cues import (
    apposition_kind,
    body_cue,
    listed_kind,
    lone_subjects,
    lowercase_words,
    media_cue,
    mid_sentence_capitals,
    name_heads,
    name_tails,
    opening_subjects,
)
from .name_tokens import _ARTICLE_NAME, Token, _joined, opens_sentence, tokenize
from .names import name_key
from .sentences import Span
from .state_names import _is_place, _state_of
from .vocabulary import (
    ARMED_GROUPS,
    BROADCASTER_INITIALS,
    FUNCTION_WORDS,
    GOVERNMENT_INITIALS,
    GOVERNMENT_NOUNS,
    GOVERNMENT_WORDS,
    LOCATIVE_WORDS,
    MEDIA_WORDS,
    MONTHS,
    NOT_ACTOR_ACRONYMS,
    NOT_ACTOR_WORDS,
    ORGANISATION_ACRONYMS,
    ORGANISATION_WORDS,
    PEOPLES,
    ROLE_NOUNS,
    SPEECH_VERBS,
    TITLE_WORDS,
    WEEKDAYS,
)

_CONNECTORS = {"of", "for", "the", "and", "&", "in", "on", "de", "von", "der", "van", "al", "du"}
_MAX_NAME_TOKENS = 12
_CALENDAR_WORDS = set(MONTHS) | set(WEEKDAYS)
# Unions the rules ask about for every phrase, built once.
_BODY_WORDS = frozenset(GOVERNMENT_WORDS | ORGANISATION_WORDS)
_INSTITUTION_WORDS = frozenset(_BODY_WORDS | MEDIA_WORDS)
# Plural nouns a body's name owns with an apostrophe: "People's Army", "Workers' Party".
_COLLECTIVES = frozenset("People Peoples Workers Women Farmers Veterans Nurses Teachers".split())
_COLLECTIVE_BODY = re.compile(
    r"['’]s?\s(?:[A-Z][\w-]+\s){0,3}?(?:" + "|".join(sorted(_BODY_WORDS)) + r")\b(?!['’-])"
)
# Lowercase nouns for a part of a place: "the counties of X" names X as a place.
_PARTS_OF_A_PLACE = frozenset(
    """part parts north south east west centre center coast coasts border borders region
    regions province provinces county counties city cities town towns village villages
    capital island islands interior map rest areas area territory streets""".split()
)
# Initials whose spelling alone gives the type: a broadcaster, a government agency.
_KNOWN_INITIALS = {w: "media" for w in BROADCASTER_INITIALS} | {
    w: "government_body" for w in GOVERNMENT_INITIALS
}
# Words opening what follows a comma when it is a clause, not an apposition.
_CLAUSE_OPENER = re.compile(
    r"\s*(?:with|and|but|or|who|which|while|as|in|at|on|for|from|to|by|after|before)\b"
)
_LOWERCASE_WORD = re.compile(r"[a-z]+")
# Words after a one-word name that only say what kind of body it is.
_BODY_SUFFIXES = frozenset(
    "Inc Inc. Corp Corp. Corporation Company Co Co. Ltd Ltd. LLC PLC Group Party Holdings".split()
) | {"News", "Agency", "Network", "Broadcasting", "Corporation", "Media"}
# Words after a body's name that only say it is a group or a company.
_LEGAL_SUFFIXES = frozenset(
    "Inc Inc. Corp Corp. Ltd Ltd. LLC PLC Group Holdings Co Co. Limited System".split()
)
_ORGANISATION_OR_ACRONYM = frozenset(ORGANISATION_WORDS | ORGANISATION_ACRONYMS)
_CAPITALISED_WORD = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ\w’'-]*")
_COMMA_SPACE = re.compile(r",\s")
_GENERIC_WORDS = _INSTITUTION_WORDS - {
    "Kremlin",
    "Akorda",
    "Reuters",
    "Bloomberg",
    "Interfax",
    "TASS",
    "Xinhua",
    "Kazinform",
    "Ukrinform",
    "Anadolu",
    "AFP",
    "BBC",
    "CNN",
    "Euronews",
    "Sputnik",
    "Khabar",
    "Azattyq",
    "Tengrinews",
}


# A dateline opens a wire story: "KYIV (AFP) -", "LONDON, Dec 1 (Reuters) —". Its words
# say where and who filed, not who acts.
_DATELINE = re.compile(
    r"[A-Z][A-Z.'’ -]{2,40}(?:,\s*[A-Z][\w.' -]{1,40})?\s*(?:\([^)\n]{1,40}\))?\s*[-—–]+\s"
)
# A person's membership: "X of the Civic Party", "X of the Nurses Union".
_MEMBER_OF = re.compile(
    r"\s+of\s+the\s+(?:[A-Z][\w-]*\s+){0,4}(?:" + "|".join(sorted(_BODY_WORDS)) + r")\b"
)
_AGE_APPOSITION = re.compile(r",\s+(?:\d{1,3}\s*[,.]|(?:a|an)\s+\d{1,3}-year-old\b)")
_AFTER_SPEECH_VERB = re.compile(
    r"\b(?:" + "|".join(sorted(SPEECH_VERBS)) + r")\s+(?:(?:the|a|an)\s+)?"
    r"(?:(?!that\b)[a-z][\w’'-]*\s+){0,3}$"
)
# What follows a speaker named after the verb: the end of the frame, an apposition or
# "who"/"of" ("said Ann Lee, 43", "said Ann Lee of the union"), never "’s Republic".
_NAME_ENDS_FRAME = re.compile(r"\s*(?:[,.;:!?)\n]|$|(?:who|of|from|in|at|on)\b)")
_ROLE_THEN_COMMA = re.compile(r"\b(?:" + "|".join(sorted(ROLE_NOUNS)) + r"),\s+$")
_TITLE_STEMS = frozenset(w.rstrip(".") for w in TITLE_WORDS if w[0].isupper())
_SURNAME = re.compile(r"[A-Z][a-z][\w’'-]+")
# A surname's spelling: "Bahari", "McDonald", "O’Neill", "Athanasiadis-Fowden".
_TABLE_SURNAME = re.compile(r"(?:[A-Z][a-z]?[’']?)?[A-Z][a-z]+(?:-[A-Z][a-z]+)*")
_SPEAKER_WORD = re.compile(
    r"([A-Z][\w’'-]+)(?:,\s[^,.;:“”\"\n]{1,80},)?\s+(?:also\s+|later\s+)?(?:"
    + "|".join(sorted(SPEECH_VERBS))
    + r")\b"
)
_CLAUSE_BREAK = re.compile(r"[.!?;:,“”\"]")
_NOT_A_VERB = re.compile(r"\s*(?:as|its|his|this|us|plus|less|towards|news|times)\b")
# Words after a capital that make it act for its state ("Moscow confirmed", "Beijing has").
_ACTING_CAPITAL = re.compile(
    r"\s*(?:and\s+[A-Z][\w ]{2,20}?\s+)?(?:has|have|had|is|was|will|would|wants|wanted|"
    r"must|should|could|can|may|says|said|\w+ed|\w+s)\b"
)


class QuotedText:
    """Whether an offset lies inside a quotation: the spans merged into disjoint stretches
    once, then a binary search per question (a scan of every quote per mention is
    quadratic on a long article)."""

    def __init__(self, spans: Iterable[tuple[int, int]]):
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [start for start, _ in merged]
        self.ends = [end for _, end in merged]

    def holds(self, position: int) -> bool:
        index = bisect_right(self.starts, position) - 1
        return index >= 0 and position < self.ends[index]


_ACRONYM = re.compile(r"[A-Z][A-Z&]{1,6}")
_ROMAN_NUMERAL = re.compile(r"[IVXLC]+")
_INNER_CAPITAL = re.compile(r"[A-Z]?[a-z]+[A-Z][a-z]+[A-Za-z]*")
_HYPHENATED_GIVEN_NAME = re.compile(r"[A-Z][a-z]+-[a-z]+")
# "Tai-man", "Ji-sung", but not an English compound ("Prize-winner", "Seattle-based").
_ROMANISED_GIVEN_NAME = re.compile(
    r"[A-Z][a-z]+-(?!(?:winner|winning|based|born|led|backed|owned|run|made|elect|era|style"
    r"|like|speaking|old|wide|free|up|in-law|law)$)[a-z]+"
)
# Frequent Chinese family names that are no English word ("Liu Liying", "Li Jizhou":
# the family name first, the given name written as one word of pinyin syllables).
_CHINESE_FAMILY_NAMES = frozenset(
    """Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Zhu Hu Guo Lin Luo Zheng Liang Xie
    Feng Deng Cao Peng Zeng Xiao Tian Dong Yuan Jiang Cai Jia Wei Xue Yan Lu Lyu Du
    Su Ren Shen Yao Qian Qin Cui Xiong Meng Qiu Hou Shao Duan Hao Kong Bai Jin Kang Gu
    Mao Shi Zhong Zou Fu Xing Xi Qi Ni Niu""".split()
)
# A given name of one or two pinyin syllables ("Liying", "Jizhou", "Jinping").
_PINYIN_GIVEN_NAME = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
    r"(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in|un|ia|ie|iu"
    r"|ua|uo|ui|ue|a|o|e|i|u)){1,2}"
)
# Words before a state named as a location ("born in Brazil", "flew to Chile"); not
# "of", "for", "between": "the government of Iran", "sanctions against Iran" name the
# polity.
_WHERE_WORDS = frozenset(
    "in from to across throughout around into near inside outside within at via through".split()
)
# Verbs whose object is where someone goes or has been ("denied visas to enter the
# United States"): the state is a place there.
_DESTINATION_VERBS = frozenset(
    "enter entered entering entry visit visited visiting reach reached reaching tour toured "
    "touring cross crossed crossing".split()
)
# A list of places given as examples ("countries like Australia, the United Kingdom and
# Canada", "nations such as Chile"): the states are compared, not acting.
# Adjectives for a part of a country between a preposition of place and its name.
_PART_ADJECTIVES = frozenset(
    """mainland northern southern eastern western central rural coastal remote
    north south east west northeastern northwestern southeastern southwestern""".split()
)
_EXAMPLE_OF_PLACES = re.compile(
    r"\b(?:countries|nations|states|places|markets|economies|country|nation|state|place|"
    r"market|economy)(?: such as| like| including)$"
)
# What separates the places of one list ("Sudan, Iran and Libya", "Australia, the United
# Kingdom and even Canada"): the next name is a place as the first one was.
_NEXT_IN_LIST = re.compile(r"(?:, | and |, and | or |, or )(?:even |also )?(?:the )?")
# Words before an acronym that, with a noun after it, make it a modifier ("the ABC
# system"); "said ABC had" or "of ABC members" keep it a name.
_DETERMINERS = frozenset(
    "the a an this that these those its their his her our two three four several".split()
)
# A short form a text defines in brackets right after a name, one of the name's own
# words: "Aktsionernoe Obshchestvo Iliadis (Iliadis)", "Oleg Deripaska(Deripaska)".
_DEFINED_SHORT_FORM = re.compile(r" ?\(([A-Z][a-z][\w’'-]*)\)")
# Lowercase nouns a listed person or body is introduced by (the release's words).
_PERSON_NOUNS = frozenset("national citizen individual resident".split())
_BODY_NOUNS = frozenset(
    "firm company companies bank subsidiary entity corporation conglomerate holding "
    "group exchange fund insurer operator manufacturer producer supplier lender".split()
)
# "the G7 Leaders’ Statement", "the Ministers’ Declaration": a plural's possessive
# opening a document's title.
_PLURAL_POSSESSIVE_TITLE = re.compile(r"(?<=s)[’'] ([A-Z]\w+)")
_DOCUMENT_TITLE_WORDS = frozenset(
    NOT_ACTOR_WORDS
    | set("Statement Report Study Survey Communique Communiqué Letter Advisory Alert".split())
)
# Title words that qualify the next word and never stand alone before a name.
_TITLE_MODIFIERS = frozenset("Foreign Defence Defense Vice Prime Special First".split())
_STATE_ABBREVIATIONS = frozenset({"US", "U.S.", "UK", "U.K.", "USA", "U.S.A."})
# What follows a state's initials used as a noun: the end of a clause, or a verb.
_AFTER_STATE_NOUN = re.compile(
    r"\s*(?:[,;:!?)”\"]|\.?\s*$|\.?\s+[A-Z]|\s+(?:and|or)\s+(?:the\s+)?[A-Z][\w.]*\s+(?:are|were|have|had|will|would|\w+ed)\b"
    r"|\s+(?:has|have|had|is|was|were|are|will|would|must|should|could|can|may|says|said|"
    r"also|\w+ed|to|in|on|for|of|at|by|from|with|over|as|than|that|which|who)\b)"
)
_PAIRED_EXPANSION = re.compile(
    r" \(((?:[A-Z][\w’'&-]*|of|for|the|and|on)(?: (?:[A-Z][\w’'&-]*|of|for|the|and|on)){1,9})\)"
)
_PAIRED_ABBREVIATION = re.compile(r" \(([A-Z][A-Z&]{1,9})\)")
_PAIRED_MIXED_CASE = re.compile(r" \(([A-Z][a-z]*[A-Z][A-Za-z]{0,8})\)")
# Lowercase words inside a person's name: "Piet de Vries", "Ursula von der Leyen".
_PARTICLES = {"de", "van", "von", "der", "den", "al", "bin", "da", "di", "du", "la", "le"}
_INITIAL_SKIP = {"of", "the", "and", "for", "on", "in", "de", "&"}
# Generational suffixes that end a person's name: "Robert F. Kennedy Jr.", "Henry Ford II".
_NAME_SUFFIXES = frozenset({"Jr", "Sr", "II", "III", "IV"})


def _without_suffix(tokens: list[Token], i: int, j: int) -> int:
    """The last token of a name before its generational suffix ("Kennedy" in "Robert F.
    Kennedy Jr."), so the suffix counts neither as a name word nor as the surname."""
    return j - 1 if j - 1 > i and tokens[j].text in _NAME_SUFFIXES else j


def _untitled(name: str) -> str:
    """ "President Biden" -> "Biden": a personal title before a lone surname dropped."""
    words = name.split()
    if len(words) == 2 and words[0].rstrip(".") in _PERSONAL_TITLES:
        return words[1]
    return name


def words_key(abbreviation: str) -> str:
    """ "U.S." -> "US": initials with or without their dots."""
    return abbreviation.replace(".", "")


def _without_article(name: str) -> str:
    """ "The IMF" and "IMF" are one spelling."""
    return name.removeprefix("The ").removeprefix("the ")


_INITIALS_WORD = re.compile(r"[\w’'-]+")


def _initials(name: str, skip: frozenset[str] | set[str] = _INITIAL_SKIP) -> str:
    """'North Atlantic Treaty Organization' -> 'NATO'; 'U.S. Department of State' -> 'USDS'."""
    words = [w for w in _INITIALS_WORD.findall(name.replace(".", "")) if w not in skip]
    return "".join(w[0].upper() for w in words if w[0].isalpha())


@lru_cache(maxsize=8192)  # a pure function of two names, asked for every pair of bodies
def _initials_match(form: str, acronym: str) -> bool:
    """The acronym spells the name's initials, small words left out ("NATO") or "of" and
    "and" kept as some writers keep them ("GOI" for the Government of Indonesia)."""
    return acronym in (_initials(form), _initials(form, _INITIAL_SKIP - {"of", "and"}))


# Words that end a long title's field rather than open a name: "Under Secretary for
# International Affairs Lael Brainard", "Assistant Secretary for Financial Stability".
_TITLE_ENDINGS = set(
    """Affairs Security Policy Intelligence Stability Relations Development Operations
    Services Resources Management Finance Markets Institutions Programs Trade Health
    Defense Defence Justice Education Energy Commerce Agriculture Transportation Labor
    Labour Charge Investigations Enforcement""".split()
)


# Words that end the field a body works in ("... for Strategic and International
# Studies"), so an "and" before them is inside the body's name.
_FIELD_WORDS = _TITLE_ENDINGS | set(
    """Studies Sciences Science Research Technology Technologies Statistics Arts Humanities
    Medicine Engineering Rights Planning Economics Innovation Environment""".split()
)


# Titles that stand before a person's surname alone ("President Biden", "Mr. Burton");
# not "General", "Chief", "Special": "General Motors", "Chief Executive".
_PERSONAL_TITLES = frozenset(
    """President Secretary Senator Sen Governor Gov Mayor Minister Ambassador Chancellor
    Premier Judge Justice Mr Mrs Ms Dr Prof Professor Rep Representative Pope King Queen
    Prince Princess Sheikh Speaker Director Commissioner Inspector Detective Sergeant Sgt
    Captain Capt Lieutenant Lt Colonel Col Admiral Rabbi Imam Bishop Archbishop Cardinal
    Reverend Rev Chairman Chairwoman Councillor Councilor Sheriff Congressman
    Congresswoman Lady Lord Dame Sir""".split()
)
# One-word names of a legislature or a department that news writes bare: "Congress
# passed", "the Senate voted", "Treasury said", "the Knesset approved".
_ONE_OF_A_KIND = frozenset(
    """Congress Senate Parliament Treasury Pentagon Knesset Bundestag Bundesrat Duma Rada
    Sejm Riksdag Storting Folketing Eduskunta Oireachtas Dáil Seanad Majlis Kremlin
    Mazhilis Legislature Assembly""".split()
)
# Names of a legislature whose head word is also an organisation's ("Chamber", "House",
# "Assembly"), and the federal "Centers for ..." (CDC, CMS).
_LEGISLATURE = re.compile(
    r"\b(?:Chamber|House)\s+of\s+(?:Deputies|Representatives|Commons|Lords|Delegates|"
    r"Councillors|Councilors|Assembly|Keys|Burgesses)\b"
    r"|\b(?:National|General|Legislative|Federal|Constituent|Parliamentary|State|People's)"
    r"\s+(?:Assembly|Council\s+of\s+State)\b|\bLegislative\s+Council\b|^Centers\s+for\b"
    # the U.S. central bank, whose "Reserve" names no nature reserve
    r"|^Federal\s+Reserve(?:\s+(?:System|Board|Bank(?:\s+of\s+[A-Z][\w.]*(?:\s+[A-Z]\w*)?)?))?$"
)
# A tribe's government: "the Navajo Nation", "Cheyenne River Sioux Tribe", "Tribal Council".
_TRIBAL = re.compile(
    r"^(?!United\b)[A-Z][\w-]+(?:\s[A-Z][\w-]+){0,3}\s(?:Nation|Tribe)$|\bTribal\b"
)
# What follows a people that speaks or takes a stand: perhaps where they live or another
# people, then a verb of speech, belief, protest or voting ("Palestinians in Gaza say",
# "Israelis and Palestinians have voted"); not "Muslims are required", "Ukrainians
# should": a state of a people is no act.
_PEOPLE_ACTING = re.compile(
    r"(?:\s+(?:in|from|across|living\s+in)\s+(?:the\s+)?[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)?"
    r"(?:\s+and\s+[A-Z][\w-]+)?"
    r"(?:\s+(?:also|still|have\s+long|largely|mostly|generally|often))?"
    r"(?:\s+(?:have|had|will|would|are|were|have\s+been))?"
    r"\s+(?:say|says|said|saying|told|tell|want|wanted|fear|feared|believe|believed|fled|"
    r"flee|fleeing|voted|vote|voting|gathered|marched|protested|protest|protesting|rallied|"
    r"celebrated|demand|demanded|demanding|reject|rejected|claim|claimed|accuse|accused|"
    r"condemned|mourned|elected|chose|chanted|took\s+to\s+the\s+streets)\b"
)
# A verb right after a lone capitalised subject that says it acts: an auxiliary, a
# past tense, or a common verb of speech or action in the present.
_AGENCY_VERB = re.compile(
    r"\s+(?:(?:has|have|had|is|was|will|would|could|also|then|later|has\s+also)\s+)?"
    r"(?:said|says|told|announced|announces|reported|reports|fired|launched|launches|"
    r"released|releases|confirmed|confirms|denied|denies|claimed|claims|won|lost|beat|"
    r"sold|bought|made|took|plans|planned|agreed|agrees|warned|warns|wrote|issued|"
    r"acquired|hired|cut|raised|expects|expected|launched|filed|sued|opened|closed|"
    r"accused|attacked|captured|killed|struck|began|begins|built|employs|owns|operates|"
    # what performers and public people do: "Beyoncé performed her new song"
    r"performed|sang|starred|joined|met|visited|signed|resigned|died)\b"
)
# What a person has and a body or a place has not, after a lone name's possessive:
# "Einstein's theory", "Dostoyevsky's novels", "Lincoln's widow".
_PERSON_POSSESSION = re.compile(
    r"['’]s\s+(?:(?:first|last|early|late|later|own|famous|best-known|final)\s+)?"
    r"(wife|husband|widow|son|daughter|father|mother|brother|sister|parents|children|"
    r"death|funeral|birth|childhood|novels?|poems?|poetry|paintings?|symphon(?:y|ies)|"
    r"theor(?:y|ies)|memoirs?|biography|autobiography|speeches|lyrics|songs|"
    r"career|legacy|assassination|presidency|lifetime|administration|cabinet|"
    r"premiership|inauguration|impeachment|re-election|reelection)\b"
)
# A passive's agent with "the": "controlled by the Taliban", "led by the Houthis".
_AGENT_BEFORE = re.compile(
    r"\b(?:[a-z]{3,}ed|run|led|held|made|won|taken|seized|backed|owned|out)\s+by\s+the\s+$"
)
# Capitalised nouns for the state or a power in general ("charged by the Crown",
# "funded by the State"): no name of one body.
_GENERIC_AGENTS = frozenset(
    "State Crown Commonwealth Republic Kingdom Empire Regime Opposition Establishment".split()
)
# Words that, with a body's word, name no body of their own ("Country Office",
# "National Office", "Regional Council"): a state before them stays in the name.
_GENERIC_QUALIFIERS = frozenset(
    "Country National Regional Local Field Head Central Main Federal Provincial".split()
)
# Words before "the" and a plural name that make it a team: "beat the Cardinals".
_TEAM_BEFORE = re.compile(
    r"\b(?:beat|beats|defeated|defeats|edged|routed|swept|against|versus|vs\.?|"
    r"lost\s+to|fell\s+to|loss\s+to|win\s+over|victory\s+over)\s+the\s+$"
)
# A club's plural nickname after its place: "Broncos", "Panthers", "Red Sox" not (one
# word only), "Lakers"; plurals of places' parts are no team ("Florida Keys").
_PLURAL_NICKNAME = re.compile(r"[A-Z][a-z]{2,}[^s\W]s")
_PLACE_PLURALS = frozenset(
    """Islands Isles Heights Falls Springs Hills Mountains Lakes Keys Plains Rapids Highlands
    Territories Provinces States Regions Districts Counties Cities Towns Villages Gardens
    Woods Forests Rivers Sands Flats Banks Shores Beaches Downs Fields Meadows Acres
    Estates Parks Wetlands Valleys Lowlands Midlands Narrows Shoals Cays Ridges Glades
    Schools Universities Colleges Courts Games Olympics Championships Awards Times News
    Democrats Republicans Greens Conservatives Liberals Socialists Nationalists""".split()
)
# Last words of an office's name, whatever medium's word comes before ("Post Office",
# "Press Council", "Radio Authority"): no outlet ("News" still makes one: "News Agency",
# "News Council" are outlets' or their trade's).
_OFFICE_WORDS = frozenset(
    "Office Offices Authority Council Department Commission Committee".split()
)
# People of a body, opening a sentence before "of" ("Members of the Sea Org", "Staff of
# the Museum"): the body is the name.
_PEOPLE_OF = frozenset(  # not "Friends": "Friends of the Earth" is a name
    """Members Supporters Officials Leaders Employees Staff Residents Critics Fans
    Representatives Delegates Followers Workers Volunteers Students Parents Veterans""".split()
)
# Words that open a sentence as the subject of "said" without being anybody's name.
_COLLECTIVE_SUBJECTS = frozenset(
    """Staff Police People Nobody Everyone Everybody Someone Somebody Anyone None Neither
    Management Security Authorities Government Officials Witnesses Media Family Parliament
    Congress Spokesperson Spokesman Spokeswoman Sources Observers Locals Meanwhile""".split()
)
# "… said he would": the subject is a person.
_PERSON_PRONOUN = re.compile(r"(?:\s+that)?\s+(?:he|she|his|her)\b")
# Last words of companies' and international bodies' names ("Xcel Energy", "Amnesty
# International"), read only after a first word the article never writes in lowercase.
_COMPANY_LAST_WORDS = frozenset(
    """International Energy Motors Airways Pharmaceuticals Pharma Technologies Systems Labs
    Partners Ventures Communications Telecom Solutions Entertainment Studios Electric
    Petroleum Mining Steel Foods Brands Insurance Investments Logistics Therapeutics
    Semiconductor Semiconductors Microsystems Software Aerospace Automotive Chemicals
    Capital Financial Bancorp Energies Utilities""".split()
)
# Bodies named after the people who lead them: "the Biden-Harris Administration".
# Fields a state's agency is named by, the state after them: "Environment Canada",
# "Statistics Norway", "Public Health England", "Global Affairs Canada".
_AGENCY_FIELDS = frozenset(
    """Environment Health Statistics Transport Parks Fisheries Sport Justice Agriculture
    Heritage Revenue Industry Employment Infrastructure Immigration Finance Elections
    Public Global Affairs Natural Resources Veterans Safety Historic""".split()
)
_HOME_NATIONS = frozenset({"England", "Scotland", "Wales"})
# A verb right after "the" and an acronym: the acronym acts ("the CIA knew").
_VERB_AFTER_ACRONYM = re.compile(
    r"has|have|had|is|was|were|are|will|would|could|can|may|might|must|should|did|does|"
    r"knew|knows|said|says|told|tells|saw|sees|found|finds|took|takes|gave|gives|made|"
    r"[a-z]{3,}ed"
)
# Neighbours in a list of one-word names: "Ubisoft, Microsoft, and PlayStation VR".
_LIST_AFTER = re.compile(r"(?:,\s(?:and\s|or\s)?|\s(?:and|or)\s)([A-Z][A-Za-z0-9]+)\b")
_LIST_BEFORE = re.compile(r"\b([A-Z][A-Za-z0-9]+)(?:,\s(?:and\s|or\s)?|\s(?:and|or)\s)$")
# A brand's inner capital after a word of three letters or more ("PlayStation",
# "YouTube"; not "McDonald", "LeBron", "DeVos", which are surnames and given names).
_LISTED_INNER_CAPITAL = re.compile(r"[A-Z][a-z]{2,}[A-Z][a-z]+[A-Za-z]*")
# Last words that end a body's name, never a person's.
_NOT_A_SURNAME = frozenset(_BODY_WORDS | _COMPANY_LAST_WORDS | {"Nation", "Tribe"})
_LEADERS_BODIES = frozenset({"administration", "government", "cabinet", "campaign", "ticket"})
# Last words of newspapers' names that news uses alone: "the Times", "the Post".
_NEWSPAPER_WORDS = frozenset(
    "Times Post Guardian Telegraph Observer Journal Herald Tribune Globe Chronicle Gazette "
    "Mirror Examiner Inquirer Economist".split()
)
_REPORTING_AFTER = re.compile(
    r"\s+(?:(?:has|had|also|first)\s+)?(?:reported|reports|said|says|wrote|writes|revealed|"
    r"reveals|quoted|quotes|obtained|published|publishes|cited|cites|learned|found|noted|"
    r"editorial|story|report|reporter|reporters|interview)\b"
)
_TELLING_BEFORE = re.compile(
    r"(?:\btold|\baccording\s+to|\binterview\s+with|\bspeaking\s+to|\bwrote\s+in|"
    r"\breported\s+by|\bpublished\s+by|\bop-ed\s+in|\bquoted\s+(?:by|in))\s+$",
    re.IGNORECASE,
)
# An apposition that says a plural names a people: "Rohingya, a stateless minority".
_PEOPLE_DESCRIBED = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:minority|minorities|people|peoples|ethnic\s+group|"
    r"community|tribe|nation|diaspora)\b"
)
# Nouns after "Treasury" that make it a security, not the department.
_PRODUCT_AFTER = re.compile(
    r"\s+(?:yields?|bonds?|bills?|notes?|securities|market|markets|prices?|rates?|"
    r"auctions?|futures|inflation-protected)\b"
)
# Words before "Fund" that make it a programme handing out money, not a body.
_PROGRAMME_PURPOSES = frozenset(
    """Relief Projects Project Recovery Assistance Stabilization Stabilisation Infrastructure
    Rescue Bailout Compensation Rental Emergency Loan Grant Grants Aid""".split()
)
_MONEY_PAID_AFTER = re.compile(
    r"\s+(?:dollars|payments?|allocations?|recipients?|program|programme|awards?|grants?|"
    r"funding|money|disbursements?)\b"
)
# Last words of a programme's or a law's name an acronym may stand for.
_PROGRAMME_WORDS = frozenset(
    "Grant Grants Program Programs Programme Assistance Scheme Subsidy Credit Loan Loans".split()
)
_WORDS_BEFORE_BRACKET = re.compile(r"((?:[A-Z][\w’'-]*\s(?:(?:of|for|and|the|on|in|to)\s)*){1,9})$")
# Lowercase words right before an acronym in brackets: "market development funds (MDF)".
_LOWERCASE_BEFORE_BRACKET = re.compile(r"(?<![\w’'-])((?:[a-z][\w’'-]*\s){2,6})$")
# First words of a document's name paired with initials: "Notice of Funding Availability".
_DOCUMENT_FIRST_WORDS = frozenset("Notice Notices Request Report Statement Guidance".split())


def _spells(words: list[str], acronym: str) -> bool:
    """Whether the initials of the words, with or without their small words ("of",
    "to"), end in the acronym: "Social Impact Partnership to Pay for Results Act" is
    "SIPPRA", "Notice of Funding Availability" is "NOFA", "the market development funds"
    ends in "MDF"."""
    every = "".join(w[0] for w in words).upper()
    content = "".join(w[0] for w in words if w.lower() not in _INITIAL_SKIP | {"to"}).upper()
    return any(spelled.endswith(acronym) and len(acronym) >= 2 for spelled in (every, content))


# A plural head listing bodies of one kind: "the Departments of the Treasury and Labor".
_PLURAL_HEADS = {
    "Departments": "Department",
    "Ministries": "Ministry",
    "Agencies": "Agency",
    "Offices": "Office",
    "Committees": "Committee",
    "Commissions": "Commission",
}
_MORE_FIELDS = re.compile(r"(?:,\s(?:and\s)?|\sand\s)((?:the\s)?[A-Z][\w-]*(?:\s[A-Z][\w-]*){0,3})")


def _type_reason(name: str, words: list[str], actor_type: str, titled: bool) -> str:
    """The rule that typed a new actor, in words a reviewer can check."""
    if actor_type == "state":
        return "actor: capital acting for its state" if name in CAPITALS else "actor: state name"
    if name in METONYMS:
        return "actor: capital standing for an institution"
    if actor_type == "person":
        return (
            "actor: person, title before the name"
            if titled
            else (
                "actor: person (a given name, an initial or a hyphenated given name; or a"
                " role noun, apposition, age, membership or speech verb beside it)"
            )
        )
    word = None
    if actor_type != "media" and set(words) & MEDIA_WORDS:
        # "Post Office": the office's word typed it, not the medium's
        word = next((w for w in reversed(words) if w in _BODY_WORDS), None)
    word = word or next((w for w in words if w in _INSTITUTION_WORDS), None)
    if word:
        return f"actor: {actor_type}, by the word “{word}”"
    if len(words) == 1 and actor_type == "organisation":
        return "actor: organisation, by its spelling (an acronym or an inner capital)"
    if len(words) == 1 and words[0] in _KNOWN_INITIALS:
        return f"actor: {actor_type}, initials of a known broadcaster or government agency"
    if len(words) == 1 and actor_type == "media":
        return "actor: media, by its spelling (a name ending in “news”)"
    return f"actor: {actor_type}"


_INITIAL = re.compile(r"[A-Z]\.")


def _before_initials(tokens: list[Token], start: int, first: int) -> int:
    """A name found after a title starts at its given name, not at a middle initial:
    "Secretary Robert F. Kennedy" is Robert F. Kennedy, not "F. Kennedy"."""
    while (
        first - 1 > start
        and _INITIAL.fullmatch(tokens[first].text)
        and _name_like(tokens[first - 1].text)
    ):
        first -= 1
    return first


def _name_like(word: str) -> bool:
    """A word that can be part of a person's name (not a title, an institution's word)."""
    return (
        bool(_CAPITALISED_WORD.fullmatch(word) or _ARTICLE_NAME.fullmatch(word))
        and word not in TITLE_WORDS
        and word not in _INSTITUTION_WORDS
        and word not in FUNCTION_WORDS
        and word not in _CALENDAR_WORDS
        and word not in DEMONYMS
        and not (word.isupper() and len(word) > 1)  # "J." is an initial, "NASA" no name
    )


def _titled_surnames(tokens: list[Token]) -> set[str]:
    """Words a title stands before alone ("Director Collins", "Mr. Burton"), not followed
    by another capitalised word (then the title stands before a full name)."""
    found = set()
    for k in range(len(tokens) - 1):
        title, word = tokens[k], tokens[k + 1]
        if (
            title.run_end > k
            and title.text in _TITLE_STEMS
            and word.text not in TITLE_WORDS
            and (word.run_end == k + 1 or not tokens[k + 2].capitalised)
            and _SURNAME.fullmatch(word.text)
        ):
            found.add(word.text)
    return found


def _differ_by_qualifiers(a: list[str], b: list[str]) -> bool:
    """One name is the other with words that only say whose or where it is: a state or
    its demonym before ("US", "Italian"), "of ..." after, or an outlet's word."""
    states_a, states_b = _states_before(a), _states_before(b)
    if states_a and states_b and states_a != states_b:
        return False  # "the Iraqi Health Ministry" and "the Syrian Health Ministry"
    if _body_core(a) == _body_core(b) and any(w in _INSTITUTION_WORDS for w in a):
        return True  # "Department of the Treasury" and "US Treasury Department"
    for one, other in ((a, b), (b, a)):
        if len(one) == 1 and one[0] in _ONE_OF_A_KIND:
            field = [w for w in _body_core(other) if w not in _INSTITUTION_WORDS]
            if field == one:
                return True  # "Treasury" and "the U.S. Department of the Treasury"
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(short) == len(long):
        return False
    for offset in range(len(long) - len(short) + 1):
        if long[offset : offset + len(short)] != short:
            continue
        before, after = long[:offset], long[offset + len(short) :]
        if len(short) == 1 and short[0].isupper():
            if not before and after and all(w in MEDIA_WORDS for w in after):
                return True  # "CBC" and "CBC News"
            continue
        if len(short) == 1 and not before and after and all(w in _BODY_SUFFIXES for w in after):
            return True  # "Google" and "Google Inc.", "Yonhap" and "Yonhap News Agency"
        if not before and after and all(w in _LEGAL_SUFFIXES for w in after):
            return True  # "World Bank" and "World Bank Group", "Acme Foods" and "... Inc."
        if not any(w in _INSTITUTION_WORDS for w in short):
            continue
        if (
            not after
            and len(short) >= 2
            and short[0][:1].isupper()
            and 1 <= len(before) <= 2
            and all(w[:1].isupper() for w in before)
        ):
            return True  # "Haitian Chamber of Deputies" ... "the Chamber of Deputies"
        if all(w in DEMONYMS or _state_of(w) or w in _STATE_ABBREVIATIONS for w in before) and (
            not after or after[0] == "of"
        ):
            return True
    return False


def _misspelt(a: list[str], b: list[str]) -> bool:
    """One body's name with one word mistyped ("Untied Nations", "House Commitee"): the
    same words but one, of five letters or more, with the same first letter and nearly
    the same letters (rapidfuzz ratio ≥ 80 for the word, ≥ 92 for the names)."""
    if len(a) != len(b) or len(a) < 2:
        return False
    differing = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
    if len(differing) != 1:
        return False
    x, y = differing[0]
    return (
        min(len(x), len(y)) >= 5
        and x[0] == y[0]
        and x.isalpha()
        and y.isalpha()
        and fuzz.ratio(x.lower(), y.lower()) >= 80
        and fuzz.ratio(" ".join(a).lower(), " ".join(b).lower()) >= 92
    )


def _states_before(words: list[str]) -> set[str]:
    """The states a body's name opens with ("Iraqi Health Ministry" -> Iraq)."""
    states = set()
    for word in words:
        state = DEMONYMS.get(word) or _state_of(word) or _state_of(words_key(word))
        if not state:
            break
        states.add(state)
    return states


_POSSESSIVE_END = re.compile(r"['’]s?$")


def _without_possessives(words: list[str]) -> list[str]:
    return [_POSSESSIVE_END.sub("", w) for w in words if w not in ("s", "'s", "’s")]


def _body_core(words: list[str]) -> list[str]:
    """A body's name without the state it belongs to, "X of the Y" turned "Y X"."""
    core = list(words)
    while core and (core[0] in DEMONYMS or _state_of(core[0]) or core[0] in _STATE_ABBREVIATIONS):
        core = core[1:]
    if len(core) >= 3 and core[0] in _INSTITUTION_WORDS and core[1] == "of":
        rest = core[3:] if core[2] == "the" else core[2:]
        core = [*rest, core[0]]
    return core


def _name_shape(tokens: list[Token], i: int, j: int) -> bool:
    """Two or three words shaped like a person's name: a common given name first ("Laura
    Brennan"), an initial ("J. Ross Tate"), or a romanised given name with a hyphen and
    no capital after it ("Chan Tai-man", "Park Ji-sung"); a generational suffix after
    it ("Jr.") does not count."""
    j = _without_suffix(tokens, i, j)
    if not 1 <= j - i <= 2:
        return False
    first, last = tokens[i].text, tokens[j].text
    if first in GIVEN_NAMES or (len(first) == 1 and first.isupper()):
        return True
    if (
        is_given_name(first)
        and _TABLE_SURNAME.fullmatch(last)
        and last not in _NOT_A_SURNAME
        and last not in NOT_ACTOR_WORDS
    ):
        # a name only the shipped table knows ("Maziar Bahari"): the last word must be
        # shaped like a surname too, and no body's ("Arkham VR", "Booker Prize-winner",
        # "Sioux Tribe", "Tesla Motors")
        return True
    parts = first.split("-")
    if len(parts) == 2 and is_given_name(parts[0]) and parts[1][:1].isupper():
        return True  # "Jean-Claude Juncker", "Anne-Marie Lee"
    if j == i + 1 and first in _CHINESE_FAMILY_NAMES and _pinyin_given_name(last):
        return True  # "Liu Liying", "Li Jizhou"
    return bool(_ROMANISED_GIVEN_NAME.fullmatch(last)) and tokens[i].text[1:].islower()


def _pinyin_given_name(word: str) -> bool:
    """One word of one or two pinyin syllables, capitalised and longer than a family name
    alone ("Liying", "Jizhou"; not "Ltd" nor "Bank")."""
    return (
        len(word) >= 4
        and word[0].isupper()
        and word[1:].islower()
        and bool(_PINYIN_GIVEN_NAME.fullmatch(word.lower()))
    )


def _given_name_tail(tokens: list[Token], i: int, j: int) -> int | None:
    """Where a person's name shaped by a given name begins at the end of a longer run of
    capitalised words ("... for Terrorism and Financial Intelligence Brian E. Nelson": the
    rest of a long title), or None. The words before must hold no given name or initial
    ("Mary Ann Lee", "L. Ron Hubbard" are one name each)."""
    j = _without_suffix(tokens, i, j)
    for size in (3, 2):
        first = j - size + 1
        if first <= i:
            continue
        if not is_given_name(tokens[first].text) or not _name_shape(tokens, first, j):
            continue
        if not all(_name_like(t.text) for t in tokens[first + 1 : j + 1]):
            continue
        if any(is_given_name(t.text) or len(t.text) == 1 for t in tokens[i:first]):
            return None  # "L. Ron Hubbard": an initial before the given name is the name's
        return first
    return None


class MentionFinder:
    """Walks one text's tokens, linking or creating an actor for every name it finds."""

    def __init__(self, text: str, book: ActorBook, quote_spans: list[tuple[int, int]]):
        self.text, self.book = text, book
        self.quoted = QuotedText(quote_spans)
        self.mentions: list[Mention] = []
        # Actors mentioned so far, in order of first mention (a surname looks here first).
        self.mentioned: dict[str, None] = {}
        self._pairs: dict[tuple[str, str], bool] = {}  # see _never_apart
        self.speaker_words = self._speaker_words()
        # Words a title stands before alone ("Director Collins", "Mr. Burton"): surnames,
        # so the full name met earlier ("Patty Collins") is a person.
        self.titled_surnames: set[str] = set()
        # Where the last state named as a location ends: the next one in its list is too.
        self._located_end = -1
        self.lowercase = lowercase_words(text)
        self.lone_subjects = lone_subjects(text)
        self.name_tails = name_tails(text, FUNCTION_WORDS)
        self.mid_sentence_capitals = mid_sentence_capitals(text)
        self.name_heads = name_heads(text, FUNCTION_WORDS | TITLE_WORDS)
        self.opening_subjects = opening_subjects(text, _AGENCY_VERB)
        # The same, after a word that is no title: "Lydia Buchtmann", not "Ms Bauchtman".
        self.full_name_tails = name_tails(text, FUNCTION_WORDS | TITLE_WORDS | _PERSONAL_TITLES)
        # The cue or the rule that typed the phrase being classified, for its method.
        self._cue: str | None = None
        # A rule that typed it by other evidence than its words, when it says more.
        self._rule: str | None = None
        self._programme_acronyms: dict[str, bool] = {}
        self._surname_later = False
        # A body's name cut before "of <state>": where its whole spelling runs.
        self._whole_spelling: tuple[int, int] | None = None

    def _speaker_words(self) -> set[str]:
        """Capitalised words followed by a speech verb ("Shibutov noted"), perhaps with an
        apposition between ("Dunne, the firm's spokesman, said")."""
        return {match.group(1) for match in _SPEAKER_WORD.finditer(self.text)}

    def run(self, paragraphs: list[Span]) -> list[Mention]:
        tokenized = []
        for paragraph in paragraphs:
            start = paragraph.start
            if dateline := _DATELINE.match(self.text, paragraph.start, paragraph.end):
                start = dateline.end()
            tokenized.append(tokenize(self.text, start, paragraph.end))
        for tokens in tokenized:
            self.titled_surnames |= _titled_surnames(tokens)
        for tokens in tokenized:
            i = 0
            while i < len(tokens):
                i = self._at(tokens, i)
        self._fold_early_short_forms()
        self._leaders_in_body_names()
        return self.mentions

    def _leaders_in_body_names(self) -> None:
        """ "the Biden-Harris Administration", "the Trump administration" after "President
        Biden" or "Donald Trump": the body's name also mentions each person the article
        names elsewhere by that surname (one person only), so the people's mentions
        count there too; nobody new is made from a body's name."""
        for mention in list(self.mentions):
            actor = self.book.actors.get(mention.actor_id)
            if actor is None or actor.type == "person":
                continue
            words = mention.text.split()
            if len(words) < 2 or words[-1].lower() not in _LEADERS_BODIES:
                continue
            offset = mention.start
            for part in re.split(r"([-‐–])", words[0]):
                if part and part[0].isupper():
                    people = [a for a in self.mentioned if a != mention.actor_id]
                    if person := self.book.surname_of_mentioned(part, people):
                        self._add_at(offset, offset + len(part), person)
                offset += len(part)

    def _fold_early_short_forms(self) -> None:
        """A short form met before the name it shortens is that actor when exactly one
        actor the article names matches it, so the order of the mentions does not
        matter: an acronym ("shells hit KPA posts" ... "the Korean People's Army [KPA]";
        "The IMF said" ... "the International Monetary Fund") is the one body with those
        initials, a lone surname ("Burton said" ... "director Tim Burton") the one person
        whose full name ends in it."""
        for actor_id in list(self.mentioned):
            actor = self.book.actors.get(actor_id)
            if actor is None or actor.origin != "extracted":
                continue
            spellings = {_without_article(f) for f in actor.forms}
            if actor.type == "person" and len(spellings) <= 2:
                # "President Biden", perhaps with "Biden" later: a titled surname
                spellings = {_untitled(f) for f in spellings}
            if len(spellings) != 1:
                continue
            into_id = None
            if actor.type != "person" and _ACRONYM.fullmatch(actor.name):
                bodies = {
                    other_id
                    for other_id in self.mentioned
                    if other_id != actor_id
                    and other_id in self.book.actors
                    and self.book.actors[other_id].type != "person"
                    and any(
                        f == actor.name or _initials_match(f, actor.name)
                        for f in self.book.actors[other_id].forms
                    )
                }  # its initials, or the short form the article pairs with it: "(PKK)"
                into_id = bodies.pop() if len(bodies) == 1 else None
            elif actor.type == "person" and " " not in (lone := spellings.pop()):
                others = [other for other in self.mentioned if other != actor_id]
                into_id = self.book.surname_of_mentioned(lone, others)
            elif actor.type == "media" and " " not in (short := _without_article(actor.name)):
                others = [other for other in self.mentioned if other != actor_id]
                into_id = self._outlet_ending_in(short, others)
            if into_id is None:
                continue
            self.book.fold(actor_id, into_id)
            del self.mentioned[actor_id]
            for mention in self.mentions:
                if mention.actor_id == actor_id:
                    mention.actor_id = into_id

    def _short_form_type(
        self, tokens: list[Token], i: int, j: int, words: list[str], short: str
    ) -> str:
        """The type of a name the text gives a short form of its own in brackets, as
        releases and reports do for the persons and companies they list: a person after
        a role or a nationality ("Russian national Dmitrii Aleksandrovich Beloglazov
        (Beloglazov)"), a body after a body's noun ("financial services firm Aktsionernoe
        Obshchestvo Iliadis (Iliadis)"), else a person when the short form is the last of
        two to four words shaped like a name, else a body."""
        before = self._same_sentence_before(tokens, i, 1)
        noun = before[0].text.lower() if before else ""
        if noun in ROLE_NOUNS or noun in _PERSON_NOUNS:
            return "person"
        if noun in _BODY_NOUNS:
            return "organisation"
        if short == words[-1] and len(words) <= 4 and all(_name_like(w) for w in words):
            return "person"
        return "organisation"

    def _abbreviation_names_state(self, tokens: list[Token], i: int) -> bool:
        """ "the U.S." / "the UK" as a noun ("the U.S. imposed", "talks with the UK.") is
        the state, as "the United States" is; before a noun ("U.S. officials", "the UK
        government") it is an adjective, no actor."""
        if i == 0 or tokens[i - 1].text.lower() != "the":
            return False
        if i > 1 and tokens[i - 2].text == "of":
            return False  # "the University of Sheffield of the UK": where the body is
        return bool(_AFTER_STATE_NOUN.match(self.text, tokens[i].end))

    def _surname_alone(self, tokens: list[Token], i: int) -> str | None:
        """A lone capitalised word that is the surname of the one person named in full
        before ("Tim Burton ... Later Burton thanked the crowd"): news names a person in
        full once, then by surname, with no speech verb or title to say so. Not after a
        preposition of place ("in Paris" after "Valeska Paris")."""
        word = tokens[i].text
        if not _name_like(word) or word in TITLE_WORDS or word in _CALENDAR_WORDS:
            return None
        if i > 0 and tokens[i - 1].text.lower() in LOCATIVE_WORDS:
            return None
        return self.book.surname_of_mentioned(word, self.mentioned)

    def _add(self, tokens: list[Token], i: int, j: int, actor_id: str) -> None:
        start, end = tokens[i].start, tokens[j].end
        self.mentions.append(
            Mention(start, end, self.text[start:end], actor_id, self.quoted.holds(start))
        )
        self.mentioned[actor_id] = None

    def _at(self, tokens: list[Token], i: int) -> int:
        """Look for a name starting at token i; return the index to continue from."""
        token = tokens[i]
        known = self._known_alias(tokens, i)
        if (
            known
            and known[0] == i
            and token.text in _ONE_OF_A_KIND
            and _PRODUCT_AFTER.match(self.text, token.end)
        ):
            known = None  # "Treasury yields", "Treasury notes": a product, even when
            # "Treasury" is a known actor's alias
        phrase_end = self._phrase_end(tokens, i) if token.capitalised else i
        if known and known[0] >= phrase_end:
            j, actor_id = known
            if self._state_as_location(tokens, i, j, actor_id):
                return j + 1
            self._add(tokens, i, j, actor_id)
            self._note_title(tokens, j, actor_id)
            return j + 1
        if token.capitalised:
            count = len(self.mentions)
            after = self._classify(tokens, i, phrase_end)
            if len(self.mentions) > count or not known:
                return after
        if known:
            j, actor_id = known
            if self._state_as_location(tokens, i, j, actor_id):
                return j + 1
            self._add(tokens, i, j, actor_id)
            self._note_title(tokens, j, actor_id)
            return j + 1
        return i + 1

    def _state_as_location(self, tokens: list[Token], i: int, j: int, actor_id: str) -> bool:
        """A state this extraction found, named again as a location ("shown live in the
        United States", "to enter the United States"): a place, no mention of the actor,
        as at its first mention. A curated state keeps every mention (its curator's
        events name it wherever it stands)."""
        actor = self.book.actors.get(actor_id)
        if (
            actor is None
            or actor.type != "state"
            or actor.origin == "curated"
            or not self._named_as_location(tokens, i)
        ):
            return False
        self._located_end = tokens[j].end
        return True

    def _known_alias(self, tokens: list[Token], i: int) -> tuple[int, str] | None:
        """The longest known spelling the tokens from i spell, joined by single spaces."""
        prefixes = self.book.prefixes
        key = tokens[i].key
        if key not in prefixes:
            return None
        spelled = []  # (last token, actor) of every known spelling, shortest first
        limit = min(tokens[i].run_end, i + _MAX_NAME_TOKENS - 1)
        j = i
        while True:
            if actor_id := self.book.by_exact_key(key):
                spelled.append((j, actor_id))
            if j >= limit:
                break
            j += 1
            key = f"{key} {tokens[j].key}"
            if key not in prefixes:
                break
        for j, actor_id in reversed(spelled):
            if i == j and (not tokens[i].capitalised or tokens[i].text in DEMONYMS):
                continue  # "Kazakh" is an adjective
            return j, actor_id
        return None

    def _phrase_end(self, tokens: list[Token], i: int) -> int:
        """Last token of the capitalised phrase from i (connectors only inside names)."""
        j = i
        while j + 1 < len(tokens) and j + 1 - i < _MAX_NAME_TOKENS:
            nxt = tokens[j + 1]
            if not _joined(tokens, j, j + 1):
                break
            if nxt.text == "The" and j > i:
                break  # "About the G7 Cyber Expert Group The G7 ...": a heading run on
            if nxt.capitalised and not nxt.text.isdigit():
                j += 1
                continue
            k = j + 1
            while k < len(tokens) and k - j <= 2 and tokens[k].text in _CONNECTORS:
                k += 1
            joining = {t.text for t in tokens[j + 1 : k]}
            if k > j + 1 and k < len(tokens) and _joined(tokens, j, k):
                before_org = self._has_org_word(tokens, i, j)
                after_org = self._run_has_org_word(tokens, k)
                if "and" in joining and before_org and after_org:
                    break  # "the Institute of Technology and Colorado State University": two
                if (
                    joining == {"and"}
                    and not before_org
                    and tokens[k].capitalised
                    and self._run_ends_org(tokens, k)
                ):
                    j = k  # "Nurses and Midwives Union": one name
                    continue
                if (
                    joining == {"and"}
                    and j == i
                    and k == j + 2
                    and tokens[k].capitalised
                    and len(self._capitalised_run(tokens, k)) == 1
                    and self._never_apart(tokens[i].text, tokens[k].text)
                ):
                    j = k  # "Procter and Gamble said": one company's name
                    continue
                if "of" in joining and not before_org and j > i:
                    if (after_org or _name_shape(tokens, i, j)) and all(
                        _name_like(t.text) for t in tokens[i : j + 1]
                    ):
                        break  # "Tanya Chan of the Civic Party": a person and a party
            if (
                k > j + 1
                and k < len(tokens)
                and tokens[k].capitalised
                and _joined(tokens, j, k)
                and not ({t.text for t in tokens[j + 1 : k]} & {"and", "in", "on"})
                or k > j + 1
                and k < len(tokens)
                and tokens[k].capitalised
                and _joined(tokens, j, k)
                and self._has_org_word(tokens, i, j)
                and (
                    # "Department of Health and Human Services": the field runs on
                    "of" in {t.text for t in tokens[i : j + 1]}
                    # "Center for Strategic and International Studies", not "Institute
                    # for Fiscal Studies and Goldman Sachs": a field's word ends it
                    or "for" in {t.text for t in tokens[i : j + 1]}
                    and self._capitalised_run(tokens, k)[-1].text in _FIELD_WORDS
                )
            ):
                j = k
                continue
            break
        return j

    def _never_apart(self, first: str, second: str) -> bool:
        """Whether the text writes these two words only as "first and second", and more
        than once ("Procter and Gamble", "Marks and Spencer"): then the pair is one name,
        where two bodies named together ("Dell and Toshiba") each stand alone somewhere
        else or are named together once."""
        key = (first, second)
        if any(w.isupper() or w in PEOPLES or w in _INSTITUTION_WORDS for w in key):
            return False  # "NASA and JPL", "Israelis and Palestinians": two of a kind
        if any(_is_place(w) or _state_of(w) or w in DEMONYMS for w in key):
            # "Moscow and Washington confirmed": two capitals, each its state; "Bosnia
            # and Herzegovina" is one state by the gazetteer's own name
            return bool(_state_of(f"{first} and {second}"))
        if key not in self._pairs:
            pair = len(re.findall(rf"\b{re.escape(first)} and {re.escape(second)}\b", self.text))
            alone = sum(
                len(re.findall(rf"\b{re.escape(word)}\b", self.text)) for word in {first, second}
            )
            # twice at least (or one word twice, "Johnson and Johnson"): two bodies named
            # once each side by side ("Dell and Toshiba") are two, not one
            self._pairs[key] = (pair > 1 or first == second) and alone == 2 * pair
        return self._pairs[key]

    @staticmethod
    def _name_after_title(
        tokens: list[Token], start: int, j: int, after_title: bool = False
    ) -> int | None:
        """Where a person's name begins after a title that ends a longer phrase: "Home
        Secretary Suella Braverman", "NASA Administrator Charles Bolden", "Secretary of
        State Ann Lee", "CEO of the Refugee Council Enver Solomon", "Commission President
        Ursula von der Leyen" (None: no such title). A generational suffix and middle
        initials belong to the name ("Health Secretary Robert F. Kennedy Jr.")."""
        if j - 1 > start and tokens[j].text.rstrip(".") in _NAME_SUFFIXES:
            first = MentionFinder._name_after_title(tokens, start, j - 1, after_title)
            return first
        for size in (4, 3, 2):
            first = j - size + 1
            if first <= start:
                continue
            name = tokens[first : j + 1]
            if not all(_name_like(t.text) or t.text in _PARTICLES for t in name[1:-1]):
                continue
            if size == 4 and not any(t.text in _PARTICLES for t in name[1:-1]):
                continue  # four words only with a particle: "Ursula von der Leyen"
            if (
                size == 3
                and not is_given_name(name[0].text)
                and (is_given_name(name[1].text) or name[0].text in _TITLE_ENDINGS)
            ):
                continue  # "Assistant Secretary for Investment Security Paul Rosen"
            if not (_name_like(name[0].text) and _name_like(name[-1].text)):
                continue
            prefix = [t.text for t in tokens[start:first]]
            if prefix[-1] in _CONNECTORS or prefix[-1] in _TITLE_MODIFIERS:
                continue  # "Office of Foreign Assets Control": "Foreign" qualifies, no title
            if any(w in TITLE_WORDS or w.lower() in ROLE_NOUNS for w in prefix) or (
                len(prefix) >= 2 and prefix[-2:] == ["of", "State"]
            ):
                return _before_initials(tokens, start, first)
            if after_title and prefix[0] in ("of", "for"):
                return first  # "Deputy Secretary of the Treasury Wally Adeyemo"
        return None

    def _capitalised_run(self, tokens: list[Token], k: int) -> list[Token]:
        """The capitalised words joined by single spaces from token k on."""
        end = k
        while (
            end + 1 < len(tokens)
            and end + 1 - k < _MAX_NAME_TOKENS
            and tokens[end + 1].capitalised
            and _joined(tokens, end, end + 1)
        ):
            end += 1
        return tokens[k : end + 1]

    def _run_has_org_word(self, tokens: list[Token], k: int) -> bool:
        words = {t.text for t in self._capitalised_run(tokens, k)}
        return bool(words & _BODY_WORDS)

    def _run_ends_org(self, tokens: list[Token], k: int) -> bool:
        run = self._capitalised_run(tokens, k)
        return run[-1].text in _BODY_WORDS

    @staticmethod
    def _has_org_word(tokens: list[Token], i: int, j: int) -> bool:
        words = {t.text for t in tokens[i : j + 1]}
        return bool(words & _BODY_WORDS)

    def _classify(self, tokens: list[Token], i: int, j: int) -> int:
        """Decide what the phrase tokens[i..j] names; create or link its actor."""
        start = i
        while start <= j and (
            tokens[start].text in FUNCTION_WORDS or tokens[start].text in _CONNECTORS
        ):
            start += 1
        if start <= j and (body := self._government_of(tokens, start, j)) is not None:
            return body
        if start < j and tokens[start].text in _PLURAL_HEADS and tokens[start + 1].text == "of":
            return self._bodies_of_one_kind(tokens, start, j)
        if (
            start + 1 < j
            and tokens[start].text in _PEOPLE_OF
            and tokens[start + 1].text == "of"
            and opens_sentence(self.text, tokens[0].start, tokens[start])
        ):
            # "Members of the Sea Org say ...": the body they belong to, not a name
            start += 2
            while start <= j and tokens[start].text in FUNCTION_WORDS | _CONNECTORS:
                start += 1
            return self._classify(tokens, start, j) if start <= j else j + 1
        if tokens[j].text in _COLLECTIVES and (
            owned := _COLLECTIVE_BODY.match(self.text, tokens[j].end)
        ):
            # "the Korean People's Army", "the Kurdistan Workers' Party": one name
            while j + 1 < len(tokens) and tokens[j + 1].end <= owned.end():
                j += 1
        institution = any(t.text in _INSTITUTION_WORDS for t in tokens[start : j + 1])
        self._whole_spelling = None
        if institution:
            start, j, person = self._trim_institution(tokens, start, j)
            if person is not None:
                # "Washington State University Ann Lee": the body, then its member
                self._classify(tokens, start, person - 1)
                return self._classify(tokens, person, j)
        roles: set[tuple[str, str | None]] = set()
        state_word: str | None = None
        qualified: int | None = None
        if (
            j > start + 1
            and _HYPHENATED_GIVEN_NAME.fullmatch(tokens[start].text)
            and opens_sentence(self.text, tokens[0].start, tokens[start])
        ):
            start += 1  # "Pan-democrat Ann Lee": a description opening the sentence
        elif (
            j > start + 1
            and tokens[start].text.lower() in self.lowercase
            # "Nurse Fiona Walsh has worked …": a role or title stays, it says who she is
            and tokens[start].text.lower() not in ROLE_NOUNS
            and tokens[start].text.rstrip(".") not in TITLE_WORDS
            and opens_sentence(self.text, tokens[0].start, tokens[start])
            and _name_shape(tokens, start + 1, j)
        ):
            start += 1  # "Nonpartisan Paul Tse won": a common word opening the sentence
        for size in (3, 2, 1):  # "United States President Donald Trump"
            state = _state_of(" ".join(t.text for t in tokens[start : start + size]))
            rest = tokens[start + size : j + 1]
            if (
                state
                and rest
                and (
                    rest[0].text in TITLE_WORDS
                    # "the United States Hamdullah Mohib" (an apposition with no comma)
                    or 2 <= len(rest) <= 3
                    and all(_name_like(t.text) for t in rest)
                    and self._person_evidence(tokens, start + size, j)
                    # "the United Kingdom Home Office": the state, then its body
                    or institution
                    and len(rest) >= 2
                    and rest[0].capitalised
                    and rest[0].text not in TITLE_WORDS
                )
            ):
                if (
                    institution
                    and any(t.text in _GENERIC_QUALIFIERS for t in rest)
                    and all(
                        t.text in _GENERIC_QUALIFIERS or t.text in _INSTITUTION_WORDS for t in rest
                    )
                ):
                    # "UNICEF's Haiti Country Office": the rest is no name of its own,
                    # so the state stays in it
                    break
                if institution:
                    # "the United Kingdom Home Office": the state only says whose body
                    # it is; the body keeps the article's whole spelling as an alias
                    qualified = start
                else:
                    if not self._named_as_location(tokens, start):
                        # "Ambassador to the United States Hamdullah Mohib": where he serves
                        self._link_state(tokens, start, start + size - 1, state)
                state_word, start = state, start + size
                break
        if start == j and tokens[start].text in _STATE_ABBREVIATIONS:
            if self._abbreviation_names_state(tokens, start):
                if self._named_as_location(tokens, start):
                    self._located_end = tokens[j].end
                else:
                    self._link_state(tokens, start, j, _state_of(words_key(tokens[j].text)))
            return j + 1
        while (
            not institution
            and start <= j
            and (tokens[start].text in TITLE_WORDS or tokens[start].text in DEMONYMS)
        ):
            word = tokens[start].text
            if word in DEMONYMS:
                state_word = DEMONYMS[word]
            elif word.lower().rstrip("s.") in ROLE_NOUNS or word.lower() in ROLE_NOUNS:
                roles.add((word.lower().rstrip("s"), state_word))
                roles.add((word.lower().rstrip("s"), None))
            start += 1
        while j >= start and tokens[j].text in _CONNECTORS:
            j -= 1
        if start > j:
            return j + 1
        after_title = start > i and tokens[start - 1].text in TITLE_WORDS
        named = self._name_after_title(tokens, start, j, after_title)
        if named is None and not institution:
            named = _given_name_tail(tokens, start, j)
        if named is not None:
            for token in tokens[start:named]:
                role = token.text.lower()
                if role in ROLE_NOUNS:
                    roles |= {(role, state_word), (role, None)}
            start = named
        if (
            start > i
            and tokens[start - 1].text.rstrip(".") in _PERSONAL_TITLES
            and j >= start + 2
            and tokens[start + 1].text == "of"
            and _SURNAME.fullmatch(tokens[start].text)
            and (
                _state_of(self.text[tokens[start + 2].start : tokens[j].end])
                or _is_place(self.text[tokens[start + 2].start : tokens[j].end])
            )
        ):
            # "Prime Minister Juncker of Luxembourg": the person; "of ..." says whose
            # minister he is, as in "Prime Minister of Luxembourg": no actor of its own
            skip_end, j = tokens[j].end, start
        else:
            skip_end = None
        # A title phrase ending in "of <State>" names a role, not an actor.
        words = [t.text for t in tokens[start : j + 1]]
        name = self.text[tokens[start].start : tokens[j].end]
        self._cue = self._rule = None
        if start == j and name in CAPITALS and (person := self._surname_alone(tokens, start)):
            # "Valeska Paris ... Paris claims": her surname, not France acting
            self._add(tokens, start, j, person)
            return j + 1
        actor_type = self._type_of(tokens, start, j, words, bool(roles))
        if actor_type == "organisation" and name in ARMED_GROUPS:
            # "the Taliban said": an armed movement, a group whatever cue found it
            actor_type, self._rule = "group", "actor: group, an armed group or movement"
        if actor_type == "organisation" and (cue := media_cue(self.text, tokens[j].end)):
            # "the Al Mayadeen TV channel", "Ennahar channel": a body that is an outlet
            actor_type, self._rule = "media", f"actor: media, by the words after it “{cue}”"
        short_form = _DEFINED_SHORT_FORM.match(self.text, tokens[j].end)
        if short_form and (len(words) < 2 or short_form.group(1) not in words):
            short_form = None
        if actor_type is None and short_form:
            actor_type = self._short_form_type(tokens, start, j, words, short_form.group(1))
        if actor_type is None:
            if len(words) == 1 and (person := self._surname_alone(tokens, start)):
                self._add(tokens, start, j, person)
            elif len(words) == 1 and (team := self._team_by_nickname(words[0])):
                self._add(tokens, start, j, team)  # "the Denver Broncos ... the Broncos"
            return j + 1
        if name in METONYMS:
            canonical = METONYMS[name][0]
        elif name in CAPITALS:
            canonical = CAPITALS[name]
        else:
            canonical = _state_of(name) or name
        actor_id = self.book.find(canonical, actor_type)
        if actor_id is None and len(words) == 1 and actor_type == "person":
            actor_id = self.book.find_surname(words[0], self.mentioned)
        if actor_id is None and len(words) == 1 and words[0].isupper():
            actor_id = self._expansion_of(words_key(words[0]))
        if actor_id is None and actor_type != "person":
            actor_id = self._same_body(words)
        if actor_id is None and actor_type == "media" and len(words) == 1:
            actor_id = self._outlet_ending_in(words[0], self.mentioned)
        if actor_id is None:
            titled_surname = self._titled_surname(tokens, i, start, j)
            acting_alone = bool(self._rule and "one capitalised word" in self._rule)
            if actor_type == "person" and len(words) < 2 and not (titled_surname or acting_alone):
                return j + 1
            method = _type_reason(name, words, actor_type, bool(roles))
            if titled_surname:
                # "Inspector Varga": the title and surname as written, as the speaker
                # rules name a titled surname nobody was named in full with
                method = f"actor: person, a surname after the title “{titled_surname}”"
                # (the mention is the surname's, where the speaker rules read a gender)
                first = start - 1
                while (
                    first > i
                    and tokens[first - 1].text.rstrip(".") in _TITLE_STEMS | _PERSONAL_TITLES
                    and tokens[first - 1].run_end >= first
                ):
                    first -= 1  # "Prime Minister Juncker": the whole title
                # the bare surname is the name (as the gold and the seeds write a titled
                # person, "Trump" with "President Trump" an alias), the titled form kept
                titled_form = self.text[tokens[first].start : tokens[j].end]
            if self._rule:
                method = self._rule
            elif self._cue:
                method = f"actor: {actor_type}, one word with a body's cue beside it “{self._cue}”"
            elif self._surname_later:
                method = "actor: person, two names and the last one later alone as a subject"
            actor_id = self.book.add(
                canonical, actor_type, method, self._context(tokens[start].start, tokens[j].end)
            )
            if titled_surname:
                self.book.remember(actor_id, titled_form)  # "President Trump" as written
        elif name not in CAPITALS and name_key(name) not in {
            name_key(f) for f in self.book.actors[actor_id].forms
        }:
            self.book.remember(actor_id, name)
        self.book.actors[actor_id].roles |= roles | self._roles_before(tokens, start)
        if (
            start == i + 1
            and tokens[i].text == "The"
            and actor_type in ("media", "organisation")
            # "told the Times": a newspaper's short name keeps its article too
            or start > 0
            and tokens[start - 1].text in ("the", "The")
            and actor_type == "media"
            and len(words) == 1
        ):
            # "told The Daily Courier": the article's own spelling keeps its article
            self.book.remember(actor_id, self.text[tokens[start - 1].start : tokens[j].end])
        if qualified is not None:
            self.book.remember(actor_id, self.text[tokens[qualified].start : tokens[j].end])
        whole_end = None
        if self._whole_spelling and self._whole_spelling[0] == tokens[start].start:
            self.book.remember(actor_id, self.text[slice(*self._whole_spelling)])
            whole_end = self._whole_spelling[1]  # "of Canada" says whose, no actor
        self._add(tokens, start, j, actor_id)
        self._note_title(tokens, j, actor_id)
        if short_form:
            # "Aktsionernoe Obshchestvo Iliadis (Iliadis)": the name the text goes on with
            self.book.remember(actor_id, short_form.group(1))
            self._add_at(short_form.start(1), short_form.end(1), actor_id)
            return self._skip_to(tokens, j, short_form.end())
        paired = _PAIRED_ABBREVIATION.match(self.text, tokens[j].end)
        if paired is None and (mixed := _PAIRED_MIXED_CASE.match(self.text, tokens[j].end)):
            # "Financial Crimes Enforcement Network (FinCEN)": its capitals are the initials
            capitals = "".join(c for c in mixed.group(1) if c.isupper())
            paired = mixed if capitals == _initials(name) else None
        if paired and actor_type != "person" and len(words) > 1:
            # "the North Atlantic Treaty Organization (NATO)": the article pairs them.
            self.book.remember(actor_id, paired.group(1))
            self._add_at(paired.start(1), paired.end(1), actor_id)
            return self._skip_to(tokens, j, paired.end())
        expanded = _PAIRED_EXPANSION.match(self.text, tokens[j].end)
        if (
            expanded
            and len(words) == 1
            and words[0].isupper()
            and _initials(expanded.group(1)).startswith(words[0][0])
        ):
            # "CEI (Italian Episcopal Conference)": the expansion after the initials
            self.book.remember(actor_id, expanded.group(1))
            self._add_at(expanded.start(1), expanded.end(1), actor_id)
            return self._skip_to(tokens, j, expanded.end())
        if whole_end is not None:
            return self._skip_to(tokens, j, whole_end)
        if skip_end is not None:
            return self._skip_to(tokens, j, skip_end)
        return j + 1

    def _government_of(self, tokens: list[Token], start: int, j: int) -> int | None:
        """A state, a demonym or a party's or leader's name before a lowercase government
        noun is that government body ("the Malaysian navy", "the Monti government")."""
        if j + 1 >= len(tokens) or tokens[j].run_end <= j:
            return None
        noun = tokens[j + 1]
        if noun.text not in GOVERNMENT_NOUNS:
            return None
        for k in range(j, start - 1, -1):  # "On Monday the Chilean navy": "Chilean"
            if tokens[k].text in _CONNECTORS or tokens[k].text in _CALENDAR_WORDS:
                start = k + 1
                break
        if start > j or j - start > 2:
            return None
        words = [t.text for t in tokens[start : j + 1]]
        if any(w in _INSTITUTION_WORDS or w in TITLE_WORDS for w in words):
            return None
        name = self.text[tokens[start].start : noun.end]
        actor_id = self.book.find(name, "government_body") or self.book.add(
            name,
            "government_body",
            f"actor: government_body, by the word “{noun.text}” after a name",
            self._context(tokens[start].start, noun.end),
        )
        self._add(tokens, start, j + 1, actor_id)
        return j + 2

    def _titled_surname(self, tokens: list[Token], i: int, start: int, j: int) -> str | None:
        """The personal title standing right before a lone surname ("President Biden",
        "Secretary Yellen", "Mr. Burton") that nobody was named in full with: news names
        well-known people so. The word must be shaped like a surname, not written in
        lowercase in the article, nor a place or a people; "General Motors" is no person."""
        if start != j or start == i or tokens[start - 1].run_end < start:
            return None
        title, word = tokens[start - 1].text.rstrip("."), tokens[start].text
        if title not in _PERSONAL_TITLES:
            return None
        if (
            not _SURNAME.fullmatch(word)
            or word.lower() in self.lowercase
            or word in DEMONYMS
            or _state_of(word)
            or _is_place(word)
            or word in _INSTITUTION_WORDS
            or self._in_heading(tokens[start].start)
            or self._full_name_ending_like(word)
        ):
            return None
        return title

    def _outlet_short_form(self, tokens: list[Token], i: int) -> bool:
        """ "the Times reported", "told the Post", "according to the Guardian": a
        newspaper named by the last word of its name, with "the" before it and a verb of
        reporting after it or a verb of telling or "according to" before."""
        if i == 0 or tokens[i - 1].text.lower() != "the":
            return False
        before = self.text[max(0, tokens[i - 1].start - 30) : tokens[i - 1].start]
        return bool(
            _REPORTING_AFTER.match(self.text, tokens[i].end) or _TELLING_BEFORE.search(before)
        )

    def _outlet_ending_in(self, word: str, among: Iterable[str]) -> str | None:
        """The one outlet among these whose longer name ends in this word ("The New York
        Times" for "the Times")."""
        found = {
            actor_id
            for actor_id in among
            if (actor := self.book.actors.get(actor_id)) is not None
            and actor.type == "media"
            and any(len(f.split()) > 1 and f.split()[-1] == word for f in actor.forms)
        }
        return found.pop() if len(found) == 1 else None

    def _programme_fund(self, words: list[str], end: int) -> bool:
        """A fund that is a government programme, money handed out, not a body that acts:
        its words name a purpose ("Coronavirus Relief Fund", "Capital Projects Fund",
        "Homeowner Assistance Fund") or a noun of money paid follows it ("... Fund
        dollars", "... Fund payments"); "the International Monetary Fund" is a body."""
        if len(words) >= 2 and words[-2] in _PROGRAMME_PURPOSES:
            return True
        return bool(_MONEY_PAID_AFTER.match(self.text, end))

    def _paired_with_no_actor(self, acronym: str) -> bool:
        """An acronym the article pairs with words that name a programme, a grant or a
        law, not a body ("the Indian Housing Block Grant (IHBG)"). Remembered per
        acronym: the text is searched once for each."""
        if acronym not in self._programme_acronyms:
            self._programme_acronyms[acronym] = self._find_programme_pairing(acronym)
        return self._programme_acronyms[acronym]

    def _find_programme_pairing(self, acronym: str) -> bool:
        for match in re.finditer(r"\(" + re.escape(acronym) + r"\)", self.text):
            lowercase = _LOWERCASE_BEFORE_BRACKET.search(
                self.text, max(0, match.start() - 80), match.start()
            )
            spelled = lowercase.group(1).split() if lowercase else []
            if (
                spelled
                and _spells(spelled, acronym)
                # "the ministry of health (MOH)" is a body, however it is written
                and not any(w.title() in _BODY_WORDS for w in spelled)
            ):
                # "market development funds (MDF)": a thing the text writes in lowercase
                return True
            run = _WORDS_BEFORE_BRACKET.search(
                self.text, max(0, match.start() - 120), match.start()
            )
            if run is None:
                continue
            expansion = run.group(1).split()
            if not _spells(expansion, acronym):
                continue
            last = expansion[-1]
            return (
                last in NOT_ACTOR_WORDS
                or last in _PROGRAMME_WORDS
                # "Notice of Funding Availability (NOFA)": a document
                or expansion[0] in _DOCUMENT_FIRST_WORDS
            )
        return False

    def _names_the_body(self, tokens: list[Token], j: int) -> bool:
        """ "Congress", "the Senate", "Treasury" capitalised name one body, unless the
        word is a product's ("Treasury yields", "Treasury bonds") or the article also
        writes it in lowercase as a common noun ("the treasury of the club")."""
        word = tokens[j].text
        if word.lower() in self.lowercase:
            return False
        return not _PRODUCT_AFTER.match(self.text, tokens[j].end)

    def _in_heading(self, position: int) -> bool:
        """A line with no sentence's end ("Ukrainian Ambassador Controversy"): a heading
        in title case, whose capitals say nothing about names."""
        end = self.text.find("\n", position)
        line = self.text[position : len(self.text) if end < 0 else end].rstrip()
        return not line.endswith((".", "!", "?", '"', "”", ":", "'", "’", ")"))

    def _full_name_ending_like(self, word: str) -> bool:
        """Whether the article names somebody in full with this surname, perhaps spelt
        otherwise ("Lydia Buchtmann ... Ms Bauchtman said"): then the surname is theirs,
        for the rules that link it, and no new person."""
        key = word.lower()
        return any(
            tail[0] == word[0] and fuzz.ratio(tail.lower(), key) >= 80
            for tail in self.full_name_tails
        )

    def _bodies_of_one_kind(self, tokens: list[Token], start: int, j: int) -> int:
        """ "the Departments of the Treasury and Labor", "the Ministries of Health and
        Finance": one body for each field the plural head lists, named with the head in
        the singular ("Department of Labor"), each mention the field's words."""
        head = _PLURAL_HEADS[tokens[start].text]
        listed = tokens[start + 2 : j + 1]
        # Only the last "and" and commas separate fields: "the Departments of Health and
        # Human Services and Labor" lists two departments, not three.
        last_and = max((k for k, t in enumerate(listed) if t.text == "and"), default=-1)
        fields: list[list[Token]] = [[]]
        for k, token in enumerate(listed):
            if k == last_and or self.text[token.start - 2 : token.start] == ", ":
                if fields[-1]:
                    fields.append([])
                if k == last_and:
                    continue
            fields[-1].append(token)
        spans = [
            (words[0].start, words[-1].end) for words in fields if words and words[-1].capitalised
        ]
        end = tokens[j].end
        while (
            spans
            and last_and < 0
            and (more := _MORE_FIELDS.match(self.text, end))
            and not set(more.group(1).split()) & _INSTITUTION_WORDS
        ):
            # "the Ministries of Health, Finance and Defence": the list runs past a comma
            # (not past its "and", nor into another body: ", the Social Security
            # Administration")
            spans.append(more.span(1))
            end = more.end()
            if " and " in self.text[more.start() : more.start(1) + 1]:
                break
        for first, last in spans:
            spelled = self.text[first:last]
            name = f"{head} of {spelled}"
            actor_id = (
                self.book.find(name, "government_body")
                or self._same_body(name.split())
                or self.book.add(
                    name,
                    "government_body",
                    f"actor: government_body, one of the bodies “{tokens[start].text} of …” lists",
                    self._context(tokens[start].start, tokens[j].end),
                )
            )
            self._add_at(first, last, actor_id)
            self.mentioned[actor_id] = None
        return self._skip_to(tokens, j, end)

    def _trim_institution(
        self, tokens: list[Token], start: int, j: int
    ) -> tuple[int, int, int | None]:
        """Cut what a body's name runs into: a title before it ("Director of the Bureau
        of Printing"), a place after it ("Museum of Flight in Seattle", "Sheffield
        University of the UK"), a title after it ("Museum of Flight CEO"); and find a
        member's name glued to its end ("Tulsa University Laura Brennan")."""
        first = start
        while first <= j and (
            tokens[first].text in TITLE_WORDS
            or tokens[first].text == "CEO"
            # "Commanders of the Korean People's Army": a role's plural opening it
            or tokens[first].text.lower().removesuffix("s") in ROLE_NOUNS
        ):
            first += 1
        if start < first < j and tokens[first].text == "of":
            first += 2 if tokens[first + 1].text == "the" else 1
            if any(t.text in _BODY_WORDS for t in tokens[first : j + 1]):
                start = first
        for k in range(start + 1, j):
            word = tokens[k].text
            if word in ("in", "on", "at"):
                j = k - 1
                break
            if word == "of" and any(t.text in _BODY_WORDS for t in tokens[start:k]):
                rest = tokens[k + 2 if tokens[k + 1].text == "the" else k + 1 : j + 1]
                where = " ".join(t.text for t in rest)
                if k - start >= 2 and (_state_of(where) or _is_place(where)):
                    # "Ministry of Foreign Affairs of Ukraine": the body, and the whole
                    # spelling is its alias (an official name); "of the US" only says
                    # where it is ("Sheffield University of the UK")
                    if tokens[k + 1].text != "the":
                        self._whole_spelling = (tokens[start].start, tokens[j].end)
                    j = k - 1
                    break
        while (
            j > start
            and (tokens[j].text in TITLE_WORDS or tokens[j].text == "CEO")
            # "Department of Justice", "Ministry of Defence": the body's field, no title
            and tokens[j - 1].text not in _CONNECTORS
        ):
            j -= 1
        for size in (3, 2):
            tail = j - size + 1
            if tail - start < 1 or not all(_name_like(t.text) for t in tokens[tail : j + 1]):
                continue
            if tokens[tail - 1].text in _CONNECTORS:
                continue  # "Department of Health and Human Services": the body's field
            if (
                tokens[tail - 1].text in _BODY_WORDS
                or is_given_name(tokens[tail].text)
                or tokens[j].text in self.speaker_words
            ):
                return start, j, tail
        return start, j, None

    def _context(self, start: int, end: int) -> str:
        """The name with the words around it that the rules read (for reviewers)."""
        left = self.text.rfind(" ", 0, max(0, start - 40)) + 1
        right = self.text.find(" ", min(len(self.text), end + 40))
        right = len(self.text) if right < 0 else right
        return " ".join(self.text[left:right].split())

    def _add_at(self, start: int, end: int, actor_id: str) -> None:
        self.mentions.append(
            Mention(start, end, self.text[start:end], actor_id, self.quoted.holds(start))
        )

    @staticmethod
    def _skip_to(tokens: list[Token], j: int, offset: int) -> int:
        k = j + 1
        while k < len(tokens) and tokens[k].start < offset:
            k += 1
        return k

    def _same_body(self, words: list[str]) -> str | None:
        """The one body mentioned earlier that this name names with a state's word more
        or less ("State Department" and "US State Department", "Supreme Court" and
        "Italian Supreme Court of Cassation") or an outlet's word ("CBC", "CBC News")."""
        found = set()
        plain = _without_possessives(words)
        for actor_id in self.mentioned:
            actor = self.book.actors[actor_id]
            if actor.type == "person":
                continue
            for form in actor.forms:
                if _differ_by_qualifiers(words, form.split()):
                    found.add(actor_id)
                elif _without_possessives(form.split()) == plain:
                    found.add(actor_id)  # "New People Party" and "New People's Party"
                elif _misspelt(words, form.split()):
                    found.add(actor_id)  # "Untied Nations" and "United Nations"
        return found.pop() if len(found) == 1 else None

    def _expansion_of(self, acronym: str) -> str | None:
        """The organisation mentioned earlier whose initials spell an acronym ("WHO" for
        the World Health Organization), when exactly one does."""
        found = {
            actor_id
            for actor_id in self.mentioned
            if self.book.actors[actor_id].type != "person"
            and any(_initials_match(form, acronym) for form in self.book.actors[actor_id].forms)
        }
        return found.pop() if len(found) == 1 else None

    def _link_state(self, tokens: list[Token], i: int, j: int, state: str) -> None:
        actor_id = self.book.find(state) or self.book.add(
            state,
            "state",
            "actor: state name (built-in gazetteer)",
            self._context(tokens[i].start, tokens[j].end),
        )
        self._add(tokens, i, j, actor_id)

    def _roles_before(self, tokens: list[Token], i: int) -> set[tuple[str, str | None]]:
        """Lowercase roles just before a name: "Kazakh political analyst Marat Shibutov"."""
        before = self._same_sentence_before(tokens, i, 3)
        states = {DEMONYMS.get(t.text) for t in before} - {None}
        roles: set[tuple[str, str | None]] = set()
        for token in before:
            if token.text in ROLE_NOUNS:
                roles.add((token.text, None))
                roles |= {(token.text, state) for state in states}
        return roles

    def _same_sentence_before(self, tokens: list[Token], i: int, count: int) -> list[Token]:
        before = []
        for k in range(i - 1, max(-1, i - 1 - count), -1):
            if _CLAUSE_BREAK.search(self.text, tokens[k].end, tokens[k + 1].start):
                break
            before.insert(0, tokens[k])
        return before

    def _note_title(self, tokens: list[Token], j: int, actor_id: str) -> None:
        """Keep the roles an apposition gives: "X, Ukraine's ambassador to Kazakhstan,"."""
        actor = self.book.actors[actor_id]
        if actor.type != "person":
            return
        after = self.text[tokens[j].end : tokens[j].end + 80]
        if not after.startswith(", "):
            return
        apposition = re.split(r"[,.;:()“”\"]", after[2:])[0]
        words = re.findall(r"[\w-]+", apposition)
        if not words or not (words[0] in ("the", "a", "an") or words[0][0].isupper()):
            return
        states = {DEMONYMS.get(w) or _state_of(w) for w in words} - {None}
        for word in words:
            if word.lower() in ROLE_NOUNS:
                actor.roles.add((word.lower(), None))
                actor.roles |= {(word.lower(), state) for state in states}

    def _type_of(
        self, tokens: list[Token], i: int, j: int, words: list[str], titled: bool
    ) -> str | None:
        name = self.text[tokens[i].start : tokens[j].end]
        last = words[-1]
        if _state_of(name):
            if self._named_as_location(tokens, i):
                self._located_end = tokens[j].end
                return None
            return "state"
        if (
            2 <= len(words) <= 3
            and (_state_of(last) or last in _HOME_NATIONS)
            and all(w in _AGENCY_FIELDS for w in words[:-1])
        ):
            self._rule = "actor: government_body, a field's word before a state (“Health Canada”)"
            return "government_body"
        if len(words) == 1 and "." in last and words_key(last) in ORGANISATION_ACRONYMS:
            return "organisation"  # "the U.N.", "the E.U.": initials with their dots
        if (
            len(words) == 1
            and last in PEOPLES
            and _PEOPLE_DESCRIBED.match(self.text, tokens[j].end)
        ):
            self._rule = "actor: group, a people the article describes as one"
            return "group"  # "Rohingya, a stateless minority of Muslims from Myanmar"
        if len(words) == 1 and last in PEOPLES and _PEOPLE_ACTING.match(self.text, tokens[j].end):
            self._rule = "actor: group, a people named by its plural acting or speaking"
            return "group"  # "Palestinians said", "Israelis and Palestinians have"
        if len(words) == 1 and last in _NEWSPAPER_WORDS and self._outlet_short_form(tokens, i):
            self._rule = "actor: media, a newspaper by its short name (“the Times reported”)"
            return "media"
        if len(words) == 1 and last in _ONE_OF_A_KIND and self._names_the_body(tokens, j):
            self._rule = "actor: government_body, the one-word name of a legislature or department"
            return "government_body"  # "Congress passed", "the Senate voted", "Treasury said"
        if (
            len(words) == 1
            and last in _ONE_OF_A_KIND
            and _PRODUCT_AFTER.match(self.text, tokens[j].end)
        ):
            return None  # "Treasury yields": a product, whatever word list holds "Treasury"
        if len(words) == 1 and last in _GENERIC_WORDS:  # "the Embassy", "TV": no name
            return None
        if name in CAPITALS and i == j:
            previous = tokens[i - 1].text.lower() if i > 0 else ""
            if previous in LOCATIVE_WORDS or not self._acts(tokens[j].end):
                return None  # a place ("talks in Moscow", "Moscow streets")
            if (
                i > 0
                and self.text[tokens[i - 1].end : tokens[i].start] == ", "
                and _is_place(tokens[i - 1].text)
            ):
                return None  # "Seattle, Washington was proposed": the city's region
            return METONYMS.get(name, ("", "state"))[1]
        title = _PLURAL_POSSESSIVE_TITLE.match(self.text, tokens[j].end)
        if title and title.group(1) in _DOCUMENT_TITLE_WORDS:
            return None  # "the G7 Leaders’ Statement": a document's title, no body
        if last in TITLE_WORDS and not set(words) & (GOVERNMENT_WORDS - {"Army"}):
            return None  # "Army Maj.", "Deputy Director": a rank with no name
        if set(words) & _CALENDAR_WORDS:
            return None
        if len(words) >= 2 and _is_place(name):
            return None  # "West Bank", "Gaza Strip": a region, whatever body word it holds
        if last in ("Fund", "Funds") and self._programme_fund(words, tokens[j].end):
            return None  # "the Coronavirus Relief Fund", "Capital Projects Fund dollars"
        if set(words) & MEDIA_WORDS and (last not in _OFFICE_WORDS or "News" in words):
            return "media"  # not "the Post Office", "the Press Council": offices
        if (
            len(words) >= 2
            and words[0][:1].isupper()
            and (
                _LEGISLATURE.search(name)
                # "Treasury Board": an organisation's word after a department's name
                or set(words) & _ONE_OF_A_KIND
                and set(words) & ORGANISATION_WORDS
                and not set(words) & GOVERNMENT_WORDS
                or _TRIBAL.search(name)
            )
        ):
            # "Haitian Chamber of Deputies", "the General Assembly", "Treasury Board",
            # "the Navajo Nation": a state's (or a tribe's) own body, whatever its head word
            self._rule = "actor: government_body, a legislature, a tribe's or a state's body"
            return "government_body"
        if set(words) & GOVERNMENT_WORDS and not set(words) & ORGANISATION_WORDS - {"Council"}:
            return "government_body"
        if words[0] in GOVERNMENT_WORDS - {"Council"} and "of" in words[1:3]:
            # "Government of the Russian Federation", "Office of the Federation Council":
            # the head word says what the body is, whatever it is of
            return "government_body"
        if words[0] in ORGANISATION_WORDS:
            return "organisation"
        if last in NOT_ACTOR_WORDS and (listed := listed_kind(self.text, tokens[i].start)):
            # "retailers such as Best Buy and Circuit City": the list's kind outweighs
            # a place's or a thing's last word
            self._rule = f"actor: {listed[0]}, named in a list after “{listed[1]}”"
            return listed[0]
        if last in NOT_ACTOR_WORDS:
            return None
        if (
            len(words) >= 2
            and last in _COMPANY_LAST_WORDS
            and all(w[:1].isupper() for w in words)  # not "North Africa for Amnesty ..."
            and words[0].lower() not in self.lowercase
            and not self._in_heading(tokens[i].start)
        ):
            # "Xcel Energy", "Amnesty International", "Ford Motors": a company's or an
            # international body's last word after a name the article never lowercases
            self._rule = f"actor: organisation, a name ending in “{last}”"
            return "organisation"
        if len(words) == 3 and words[1] == "and":
            # "Procter and Gamble said": one name of two words never apart
            return self._body_by_cue(tokens, j, last)
        if team := self._team_name(tokens, i, words):
            self._rule = f"actor: group, a team: the place “{team}” and a plural name"
            return "group"
        head = words[: words.index("of")] if "of" in words else []
        if (
            head
            and not set(head) & _INSTITUTION_WORDS
            and last not in _INSTITUTION_WORDS
            and last.lower() in self.lowercase
        ):
            # "Imports of Aluminum, Copper, and Nickel of Russian Federation Origin": a
            # title set in capitals, ending in a word the article writes in lowercase,
            # with no body's word before its "of" ("Brotherhood of Magicians" has one)
            return None
        if set(words) & _ORGANISATION_OR_ACRONYM:
            return "organisation"
        if set(words) & (NOT_ACTOR_WORDS | GOVERNMENT_WORDS) or name in CAPITALS:
            return None
        if len(words) == 1 and (spelled := self._single_word_type(tokens, i, last)):
            return spelled
        if _is_place(name):
            return None  # "Mountain View", "Hong Kong": the places module's
        if (
            any(
                not _CAPITALISED_WORD.fullmatch(w) and not _ARTICLE_NAME.fullmatch(w)
                for w in [words[0], words[-1], *(w for w in words[1:-1] if w not in _PARTICLES)]
            )
            or len(words) > 4
        ):
            return None
        if any(w in DEMONYMS for w in words):
            return None
        if last in _NOT_A_SURNAME:
            return None  # "Director Renewable Energy": a field's name, no person's
        if titled or self._person_evidence(tokens, i, j):
            return "person"
        if listed := listed_kind(self.text, tokens[i].start):
            # "retailers such as Best Buy and Circuit City": the kind the list is of
            self._rule = f"actor: {listed[0]}, named in a list after “{listed[1]}”"
            return listed[0]
        if apposed := apposition_kind(self.text, tokens[j].end):
            # "Media Markt, Europe's largest computer retailer,": what the text says it is
            self._rule = f"actor: {apposed[0]}, the apposition “{apposed[1]}”"
            return apposed[0]
        return None

    def _team_name(self, tokens: list[Token], i: int, words: list[str]) -> str | None:
        """The place a club is named after, when the name is a place's and a plural
        nickname ("the Denver Broncos", "the Kansas City Chiefs"), or None. Not a place
        of its own ("the Florida Keys"), an outlet ("the Seattle Times"), a people ("the
        Gaza Palestinians") nor a plural the article also writes in lowercase ("Ohio
        Schools")."""
        last = words[-1]
        if (
            len(words) < 2
            or not _PLURAL_NICKNAME.fullmatch(last)
            or last in _PLACE_PLURALS
            or last in PEOPLES
            or last in DEMONYMS
            or last.lower() in self.lowercase
            or last[:-1].lower() in self.lowercase
            or self._in_heading(tokens[i].start)
        ):
            return None
        place = " ".join(words[:-1])
        return place if _is_place(place) and not _state_of(place) else None

    def _team_by_nickname(self, word: str) -> str | None:
        """The one team mentioned before whose name ends in this plural ("Broncos" after
        "the Denver Broncos"): sports writing names a club by its nickname alone."""
        if not _PLURAL_NICKNAME.fullmatch(word):
            return None
        found = {
            actor_id
            for actor_id in self.mentioned
            if self.book.actors[actor_id].type == "group"
            and any(
                len(form.split()) > 1 and form.split()[-1] == word
                for form in self.book.actors[actor_id].forms
            )
        }
        return found.pop() if len(found) == 1 else None

    def _member_of_before(self, tokens: list[Token], i: int) -> bool:
        """Whether "of" before this word follows a person's name just mentioned ("Maziar
        Bahari of Newsweek"), so the word is what the person belongs to."""
        if i == 0 or tokens[i - 1].text != "of" or not self.mentions:
            return False
        last = self.mentions[-1]
        actor = self.book.actors.get(last.actor_id)
        return (
            actor is not None
            and actor.type == "person"
            and self.text[last.end : tokens[i - 1].start] == " "
        )

    def _named_as_location(self, tokens: list[Token], i: int) -> bool:
        """A state named where something is or comes from ("born in Brazil", "from
        Syria", "Sydney, Australia"): a place, not a polity acting or acted upon."""
        if i == 0:
            return False
        k = i - 1
        previous = tokens[k]
        gap = self.text[previous.end : tokens[i].start]
        if gap == " " and previous.text == "the" and i > 1:
            k = i - 2
            previous = tokens[k]  # "in the United States"
            gap = self.text[previous.end : tokens[i - 1].start]
        if gap == " " and (
            previous.text.lower() in _WHERE_WORDS or previous.text.lower() in _DESTINATION_VERBS
        ):
            return True  # "born in Brazil", "to enter the United States"
        if (
            gap == " "
            and previous.text.lower() in _PART_ADJECTIVES
            and k > 0
            and tokens[k - 1].text.lower() in _WHERE_WORDS
            and self.text[tokens[k - 1].end : previous.start] == " "
        ):
            return True  # "children in mainland Australia", "in northern Syria"
        before = self.text[max(0, previous.start - 40) : previous.end]
        if gap == " " and _EXAMPLE_OF_PLACES.search(before):
            return True  # "countries like Australia": compared, not acting
        if (
            gap == " "
            and previous.text == "of"
            and k > 0
            and tokens[k - 1].text in _PARTS_OF_A_PLACE
            and tokens[k - 1].run_end >= k
        ):
            return True  # "the counties of Taiwan", "the north of the United States"
        if self._located_end >= 0 and _NEXT_IN_LIST.fullmatch(
            self.text[self._located_end : tokens[i].start]
        ):
            return True  # "from Sudan, Iran and Libya", "Chile, the United States and even Peru"
        if gap != ", " or not previous.capitalised:
            return False
        # "Rio de Janeiro, Brazil": a city, then its country
        return any(
            _is_place(self.text[tokens[k].start : previous.end]) for k in range(max(0, i - 4), i)
        )

    def _single_word_type(self, tokens: list[Token], i: int, word: str) -> str | None:
        """One capitalised word with no institution's word in it: an organisation only
        when its spelling says so (an acronym "NCLAN", an inner capital "YouTube") or a
        news outlet ("Wikinews"); anything else may be a surname or a sentence opener."""
        if word in NOT_ACTOR_ACRONYMS or word in DEMONYMS:
            return None
        if _is_place(word.title()):
            # "banks such as Santander", "makers like Hitachi": a list's kind outweighs
            # a town of the same name
            listed = listed_kind(self.text, tokens[i].start)
            if listed is None or word.lower() in self.lowercase:
                return None
            self._cue = listed[1]
            return listed[0]
        if (
            _ACRONYM.fullmatch(word)
            and not _ROMAN_NUMERAL.fullmatch(word)
            and not self._paired_with_no_actor(word)
            and not self._in_capitals_run(tokens, i)
            # "UNLESS of course": a word set in capitals for emphasis, no acronym
            and not (len(word) >= 5 and word.lower() in self.lowercase)
            and word.title() not in FUNCTION_WORDS
        ):
            if self._acronym_modifies(tokens, i):
                return None
            return _KNOWN_INITIALS.get(word, "organisation")
        if _INNER_CAPITAL.fullmatch(word) and not self.book.find_surname(word, self.mentioned):
            # "YouTube"; not "Brandon McManus ... McManus kicking": his surname again
            return "organisation"
        # "Valleynews", "Newsweek", "Computerweekly": an outlet's name by its ending
        if len(word) > 5 and word.lower().endswith(("news", "week", "weekly")):
            return "media"
        return self._body_by_cue(tokens, i, word)

    def _body_by_cue(self, tokens: list[Token], i: int, word: str) -> str | None:
        """A one-word name the words around it make a body's ("Microsoft's website", "the
        news agency Yonhap", "posted to Twitter"), unless the article also writes it in
        lowercase, or it is a given name, a title or a person's surname met before."""
        if (
            len(word) < 3
            or not word.isalpha()
            # the tail of a longer phrase ("Saudi Arabia's"): not a name of its own
            or i > 0
            and tokens[i - 1].capitalised
            and tokens[i - 1].text not in FUNCTION_WORDS
            and _joined(tokens, i - 1, i)
            or word.lower() in self.lowercase
            or word in GIVEN_NAMES
            or word in TITLE_WORDS
            or word in _CALENDAR_WORDS
            or word in self.titled_surnames
            or word in self.name_tails
            or self.book.find_surname(word, self.mentioned)
        ):
            return None
        cue = body_cue(self.text, tokens[i].start, tokens[i].end) or listed_kind(
            self.text, tokens[i].start
        )
        if cue is None and (fellow := self._listed_with_a_body(tokens, i)):
            self._rule = f"actor: organisation, one word listed with the body “{fellow}”"
            return "organisation"
        if cue is None:
            return self._lone_word_acting(tokens, i, word)
        self._cue = cue[1]
        return cue[0]

    def _listed_with_a_body(self, tokens: list[Token], i: int) -> str | None:
        """The body spelled as one ("PlayStation", "NORLAB") or already found that a list
        of one-word names holds beside this word ("Ubisoft, Microsoft, and PlayStation VR
        all had"), or None: companies are listed with companies. Not a list of places or
        people: each fellow must be a body, by its spelling or as an actor found."""
        start, end = tokens[i].start, tokens[i].end
        before = _LIST_BEFORE.search(self.text[max(0, start - 40) : start])
        fellows = [before.group(1)] if before else []
        position = end
        while (after := _LIST_AFTER.match(self.text, position)) and len(fellows) < 6:
            fellows.append(after.group(1))
            position = after.end()
        for fellow in fellows:
            spelled = (
                _LISTED_INNER_CAPITAL.fullmatch(fellow)
                or _ACRONYM.fullmatch(fellow)
                and fellow not in NOT_ACTOR_ACRONYMS
                and not _ROMAN_NUMERAL.fullmatch(fellow)
            )
            known = self.book.find(fellow, "organisation")
            if spelled or known and self.book.actors[known].type in ("organisation", "media"):
                return fellow
        return None

    def _lone_word_acting(self, tokens: list[Token], i: int, word: str) -> str | None:
        """A capitalised word standing alone as the subject of a verb of agency ("Hamas
        fired", "Google announced", "Micron said"), that the article also capitalises
        inside a sentence (so it is a name, not a sentence's first word) and never after
        another capitalised word (not a surname of a full name), nor as a role, a people
        or a place: a body, or a person when "he" or "she" follows ("Trump said he")."""
        if (
            word not in self.mid_sentence_capitals
            # "Micron said … Micron expects": a name opening two sentences as their
            # subject, no plural ("Critics said") nor a collective ("Staff said")
            and not (
                self.opening_subjects.get(word, 0) >= 2
                and not word.endswith("s")
                and word not in _COLLECTIVE_SUBJECTS
            )
            or word.lower() in ROLE_NOUNS
            or word.rstrip("s").lower() in ROLE_NOUNS
            or word in PEOPLES
            or word in NOT_ACTOR_WORDS
            or word in _INSTITUTION_WORDS
            or word in _CONNECTORS
            or _state_of(word)
            or (i > 0 and self.text[tokens[i - 1].end : tokens[i].start] == "-")
            or word in self.name_heads
            # "officials in Zarvanytsia said": a place the officials are in
            or i > 0
            and tokens[i - 1].text.lower() in LOCATIVE_WORDS
            and not self._member_of_before(tokens, i)
        ):
            return None  # "Lai Changxing ... Lai had denied": the family name, first
        if owned := _PERSON_POSSESSION.match(self.text, tokens[i].end):
            # "Einstein's theory", "Dostoyevsky's novels": what only a person has
            self._rule = f"actor: person, one capitalised word owning “{owned.group(1)}”"
            return "person"
        if self._member_of_before(tokens, i):
            # "Maziar Bahari of Newsweek": the body a person named just before belongs to
            self._rule = "actor: organisation, the body a person is “of”"
            return "organisation"
        before = self.text[max(0, tokens[i].start - 30) : tokens[i].start]
        if word not in _GENERIC_AGENTS and (agent := _AGENT_BEFORE.search(before)):
            # "territory controlled by the Taliban", "a raid carried out by the Houthis"
            self._rule = f"actor: organisation, the agent after “{agent.group().strip()}”"
            return "organisation"
        if word.endswith("s") and (team := _TEAM_BEFORE.search(before)):
            # "beat the Cardinals", "lost to the Mets": a team, the match's other side
            self._rule = f"actor: organisation, a team after “{team.group().strip()}”"
            return "organisation"
        verb = _AGENCY_VERB.match(self.text, tokens[i].end)
        if verb is None:
            return None
        after = self.text[verb.end() : verb.end() + 40]
        self._rule = f"actor: {{}}, one capitalised word as the subject of “{verb.group().strip()}”"
        if _PERSON_PRONOUN.match(after):
            self._rule = self._rule.format("person")
            return "person"
        self._rule = self._rule.format("organisation")
        return "organisation"

    @staticmethod
    def _in_capitals_run(tokens: list[Token], i: int) -> bool:
        """A word in a line set in capitals ("BREAKING NEWS", "NEARLY 70 PERCENT") is no
        acronym."""

        def capitals(token: Token) -> bool:
            return token.text.isupper() and len(token.text) > 1

        joined = [tokens[i - 1]] if i > 0 and _joined(tokens, i - 1, i) else []
        if tokens[i].run_end > i:
            joined.append(tokens[i + 1])
        if any(capitals(t) for t in joined):
            return True  # "BREAKING NEWS": the words beside it are set in capitals too
        # "NASA and JPL", "the FBI or the CIA": acronyms in a list, not a line in capitals
        neighbours = tokens[max(0, i - 2) : i] + tokens[i + 1 : i + 3]
        return sum(capitals(t) for t in neighbours) >= 2

    def _acronym_modifies(self, tokens: list[Token], i: int) -> bool:
        """An acronym that qualifies a noun or a figure rather than naming a body: "USD 5
        billion", "short-range FPV drones", "the ABC system", "Arlen’s SEZ"."""
        after = tokens[i + 1] if i + 1 < len(tokens) and tokens[i].run_end > i else None
        if after is not None and after.text[0].isdigit():
            return True
        if i == 0:
            return False
        before = tokens[i - 1]
        gap = self.text[before.end : tokens[i].start]
        if self.text[tokens[i].start - 3 : tokens[i].start] in ("’s ", "'s "):
            return True
        return (
            gap == " "
            and (before.text in _DETERMINERS or "-" in before.text)
            and after is not None
            and not after.capitalised
            # "the CIA knew", "the FBI has": the acronym is a verb's subject, no modifier
            and not _VERB_AFTER_ACRONYM.fullmatch(after.text)
        )

    def _acts(self, position: int) -> bool:
        """Is the capital ending at ``position`` the subject of a verb ("Moscow confirmed",
        "Moscow and Washington have")? Then it stands for its state."""
        if not _ACTING_CAPITAL.match(self.text, position):
            return False
        return not _NOT_A_VERB.match(self.text, position)

    def _surname_alone_later(self, tokens: list[Token], i: int, j: int) -> bool:
        """Two names whose last one stands alone elsewhere as the subject of a verb
        ("a Scientology attorney, Kendrick Moxon. ... Moxon proceeded"): news names a
        person in full once, then by surname. Neither word may be one the article
        writes in lowercase (a common word), nor the first stand alone too."""
        if j != i + 1:
            return False
        first, last = tokens[i].text, tokens[j].text
        return (
            last in self.lone_subjects
            and first not in self.lone_subjects
            and _name_like(first)
            and _name_like(last)
            and first.lower() not in self.lowercase
            and last.lower() not in self.lowercase
            # "Google Chrome": a body's product, not a person
            and self.book.find(first, "organisation") is None
            and (i == 0 or tokens[i - 1].text not in _DETERMINERS)
        )

    def _person_evidence(self, tokens: list[Token], i: int, j: int) -> bool:
        self._surname_later = False
        if _name_shape(tokens, i, j):
            return True
        before = self._same_sentence_before(tokens, i, 3)
        if {w for t in before for w in (t.text, t.text.removesuffix("s"))} & ROLE_NOUNS:
            return True  # "illustrator Ann Lee", "councillors Ann Lee and ..."
        after = self.text[tokens[j].end : tokens[j].end + 60]
        apposition = after.split(",")[1].lower() if after.startswith(",") else ""
        if (
            set(_LOWERCASE_WORD.findall(apposition)) & ROLE_NOUNS
            # ", with illustrator Ann Lee": a clause, no apposition of this name
            and not _CLAUSE_OPENER.match(apposition)
        ):
            return True
        if tokens[j].text in self.speaker_words or tokens[j].text in self.titled_surnames:
            return True
        if _MEMBER_OF.match(self.text, tokens[j].end):
            return True  # "Tanya Chan of the Civic Party"
        if _AGE_APPOSITION.match(self.text, tokens[j].end):
            return True  # "Anna Kowal, 43," / "Ivan Petrenko, a 29-year-old veteran"
        before = self.text[max(0, tokens[i].start - 60) : tokens[i].start]
        if _AFTER_SPEECH_VERB.search(before) and _NAME_ENDS_FRAME.match(self.text, tokens[j].end):
            return True  # "said Priya Nandakumar", "said festival director Helen Marsh"
        if _ROLE_THEN_COMMA.search(before) and _COMMA_SPACE.match(self.text, tokens[j].end):
            return True  # "Its spokesperson, Michael Dunne, said"
        if self._surname_alone_later(tokens, i, j):
            self._surname_later = True
            return True
        if i > 0 and tokens[i - 1].text == "and" and self.mentions:
            previous = self.book.actors[self.mentions[-1].actor_id]
            return previous.type == "person" and self.mentions[-1].end >= tokens[i - 1].start - 2
        return False


def find_mentions(
    text: str, paragraphs: list[Span], book: ActorBook, quote_spans: list[tuple[int, int]]
) -> list[Mention]:
    """Every actor mention in the text, in order; creates new actors in the book."""
    from .officeholders import officeholder_mentions  # it builds on this module

    finder = MentionFinder(text, book, quote_spans)
    mentions = finder.run(paragraphs)
    mentions += officeholder_mentions(text, paragraphs, mentions, book, finder.quoted)
    mentions.sort(key=lambda mention: mention.start)
    return mentions


__all__ = [
    "STATES",
    "ActorBook",
    "BookActor",
    "Mention",
    "MentionIndex",
    "QuotedText",
    "find_mentions",
]
