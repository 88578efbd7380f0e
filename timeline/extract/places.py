"""Places an article mentions: countries, regions and cities, from an offline gazetteer.

Two tables, both GeoNames (CC BY 4.0), both shipped in the package so a default install
finds the same places as any other: the compact table (``data/places.tsv``: every country,
the US states, cities of 100,000 or more; made by ``tools/make_places_table.py``) and the
towns table behind it (``data/towns.tsv``: cities of 5,000 or more and the continents;
made by ``tools/make_towns_table.py``), read lazily so a process that extracts one
article does not pay for 60,000 names. Beside them, the first-level regions of the other
countries (``data/regions.tsv``: "Bavaria", "Ontario", "Kharkiv Oblast"; ISO 3166-2 via
the ``iso3166-2`` package, MIT, made by ``tools/make_regions_table.py``), which have no
point: a region's row never carries or lends coordinates; and seas and regions with no
government ("Ross Sea", "Gulf of Mexico", "Balkans"; ``data/natural_regions.tsv``, written
by hand, no point either). No network, no model.

A capitalised run of words is a place only when the whole run is a place's name ("Paris
Hilton" and "Washington State University" are not Paris and Washington), it is not a
person's or an institution's name found by the actor rules, nor a capital acting for its
state ("Moscow confirmed"), nor the place in an institution's name ("University of
Texas"). Countries and US states need nothing more; a region of the ISO table needs its
country named in the article (by a place, a demonym) or a sign of place, since many are
also given names and words ("Victoria", "Central"); a city needs a sign that it is a place:
a preposition of place before it ("in Nice", "from Irving"), a country or region after it
("Arlington, Texas"), a dateline, being a capital or a city of a million or more, or an
earlier mention of it that passed; a town under 15,000 needs its own region or country
right after it ("Hackettstown, New Jersey") or a dateline, since such names are often
surnames and words ("Enterprise", "Reading"). A name several places share is the one whose
 country
the article names otherwise (Georgia the country beside Tbilisi, the US state beside
Atlanta), else a country before a region before a city, else the most populous; the
choice and its reason are kept in the row's basis. Cues: "London-based" names London;
"in the UK," names the state by its initials (not "the US team"); a name between countries
in a list is the country. Abstentions: after "of"/"and" a city needs its country named; a
word of a person's or thing's longer name in the article ("Montalvo" after "Daniel
Montalvo") or of a work's title ("Batman: Arkham VR") needs a preposition right before it.
A name written without its accents ("Sao Paulo", "Zurich", "Lodz") is the accented place,
unless a place holds that spelling as written; the row keeps both the words written and
the gazetteer's name.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

from .actors import Mention
from .gazetteer import CAPITALS, DEMONYMS, STATE_NAMES
from .names import slug
from .sentences import Span
from .vocabulary import FUNCTION_WORDS, GOVERNMENT_WORDS, MONTHS, ORGANISATION_WORDS, WEEKDAYS

_CALENDAR_WORDS = set(MONTHS) | set(WEEKDAYS)
# Countries whose name is also a given name: alone, with no preposition of place and no
# word of the country elsewhere ("Jordanian", "Amman"), the name is more likely a person's.
GIVEN_NAME_COUNTRIES = {"Jordan", "Chad"}
# Other spellings of a city: name as written -> (gazetteer name, its region).
CITY_NAMES = {"Washington D.C.": ("Washington", "District of Columbia")}

BIG_CITY = 1_000_000
# Towns below this (only in the full gazetteer) also need their country or region named.
SMALL_CITY = 100_000
# Towns below this need their region or country right after them, or a dateline.
TOWN = 15_000
# Places this many characters apart speak of one country (Georgia beside Tbilisi).
_NEARBY = 400
_KIND_RANK = {"country": 0, "region": 1, "city": 2}
# Capitalised words joined by spaces; a possessive ends the run ("Saudi Arabia's Civil
# Defense Authority" holds "Saudi Arabia"), an apostrophe before a capital does not.
_WORD = r"(?:(?:St|Ste|Mt|Ft|D\.C)\.|[A-Z](?:[\w-]|['’](?=[A-Z]))*)"
# Lowercase words inside a place's name: "Rio de Janeiro", "Stratford-upon-Avon" has
# hyphens; "of" and "the" are left out, so "Ministry of Health of Ukraine" keeps Ukraine.
_PARTICLE = r"(?:de|da|do|del|dos|das|di|la|le|el|sur|am|an der)"
# The run's first word is _WORD written to open with a capital and look behind it, so the
# regex engine skips to the next capital letter (twice as fast as a leading lookbehind;
# tests/test_extract_places.py checks both give the same runs on the seeds and dev set).
_FIRST_WORD = (
    r"[A-Z](?<![\w’'.-].)(?:(?<=S)te?\.|(?<=[MF])t\.|(?<=D)\.C\.|(?:[\w-]|['’](?=[A-Z]))*)"
)
_RUN = re.compile(rf"{_FIRST_WORD}(?: (?:{_PARTICLE} )?{_WORD})*")
_PLAIN_RUN = re.compile(rf"(?<![\w’'.-]){_WORD}(?: (?:{_PARTICLE} )?{_WORD})*")
_LOCATIVE = re.compile(
    r"\b(in|at|from|to|near|outside|inside|into|across|around|towards?|via|through|"
    r"between|and|of|around|throughout|visited|visit|visiting|left|reached|entered)\s+"
    r"((?:(?!the\b)[a-z]+\s+){0,2})$"
)
# Words that join names of any kind ("the voice of Batman", "Smith and Jones"): after
# them a city's name is a place only when its country is named too.
_WEAK_LOCATIVES = {"of", "and", "between"}
# "a London-based firm", "the Texas-born singer": the place is named before the suffix.
_BASED = re.compile(r"-(based|born|headquartered)$")
# "in the UK,", "across the U.S. from 1980", "of the UK has": a state by its initials
# ending a phrase (punctuation or a function word after them), as a location (not "the US
# Navy", "the US team", "the UK's welfare": before a noun they qualify the noun).
_INITIALS_OF_STATE = {"US": "United States", "U.S.": "United States",
                      "USA": "United States", "U.S.A.": "United States",
                      "UK": "United Kingdom", "U.K.": "United Kingdom"}  # fmt: skip
_STATE_INITIALS = re.compile(r"(?<![\w.])(U\.S\.A\.|U\.S\.|U\.K\.|USA|US|UK)(?![\w.]\w)")
# "the(?<=\bthe)", not "\bthe": the same matches, found by a search for "the".
_INITIALS_AFTER_THE = re.compile(
    r"the(?<=\bthe) (U\.S\.A\.|U\.S\.|U\.K\.|USA|US|UK)"
    r"(?=[,;:)!?]|\.?[ \t]*(?:\n|$)|\.\s+[A-Z\"“]|\s+(?:"
    + "|".join(sorted({w.lower() for w in FUNCTION_WORDS} | {"expected", "said"}))
    + r")\b)"
)
# Bodies of a territory are where it is ("the Municipality of Livorno" is in Livorno); the
# other institutions of a place are not a mention of it ("University of Texas").
TERRITORIAL_WORDS = {"Municipality", "Prefecture", "Akimat"}
_TERRITORY_OF = re.compile(r"(?:the )?(?:" + "|".join(sorted(TERRITORIAL_WORDS)) + r") of ", re.I)
_TERRITORY_BEFORE = re.compile(r"\b(?:" + "|".join(sorted(TERRITORIAL_WORDS)) + r") of $")
_INSTITUTION_OF = re.compile(
    r"\b(?:"
    + "|".join(sorted((GOVERNMENT_WORDS | ORGANISATION_WORDS) - TERRITORIAL_WORDS))
    + r") (?:of|for) (?:the )?$"
)
_DATELINE_PLACE = re.compile(
    # (a zero-width space or byte-order mark a page left before it is no letter)
    r"[\u200b\u200c\u200d\u2060\ufeff]*([A-Z][A-Z.'’ -]{2,30}?)"
    r"(?:,[^,(\n]{1,30})?\s*(?:\([^)\n]{1,40}\))?\s*[-—–]+\s"
)
# Letters Unicode does not split into a base letter and an accent ("Łódź" -> "Lodz").
_UNDECOMPOSED = {
    "Ł": "L",
    "ł": "l",
    "Ø": "O",
    "ø": "o",
    "Đ": "D",
    "đ": "d",
    "ı": "i",
    "ß": "ss",
    "Æ": "Ae",
    "æ": "ae",
    "Œ": "Oe",
    "œ": "oe",
    "Þ": "Th",
    "þ": "th",
}
_UNDECOMPOSED_LETTERS = str.maketrans(_UNDECOMPOSED)
_UNDECOMPOSED_LETTER = re.compile(f"[{''.join(_UNDECOMPOSED)}]")
_NO_COUNTS: Counter = Counter()  # shared, never written to
_POSSESSIVE = re.compile(r"['’]s?$")
_DEMONYM_SPLIT = re.compile(r"[\s'’-]+")
# "Washington state", "the Kharkiv region": a region's category after a name it shares.
_REGION_WORD_AFTER = re.compile(r"\s+(state|State|region|province|oblast)\b")
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'’-]* $")
_LIST_GAP = re.compile(r",\s*(?:and |or )?|\s+(?:and|or)\s+")
# Offices a city or region names before its holder ("Texas Governor Greg Abbott").
PLACE_TITLES = {"Governor", "Gov.", "Mayor", "Senator", "Sen.", "Rep.", "Premier", "Sheriff",
                "Police", "Attorney", "Akim", "Lieutenant", "Councillor", "Councilor"}  # fmt: skip
REGION_TITLES = {"Governor", "Gov.", "Premier", "Senator", "Sen."}
_REGION_OFFICE_BEFORE = re.compile(r"\b(?:Governor|Gov\.|Premier) of $")
_TITLE_AFTER = re.compile(r": [A-Z]")
_AFTER_COMMA = re.compile(r", ([A-Z]\w*(?: [A-Z]\w*)?)")


@dataclass(frozen=True)
class Place:
    """One gazetteer entry: a GeoNames place, or a region of the ISO 3166-2 table (no
    GeoNames id, no point, no population: ``code`` is its ISO code)."""

    kind: str  # country | region | city
    geonameid: int | None
    name: str
    country_code: str
    country: str
    region: str
    latitude: float | None
    longitude: float | None
    population: int
    code: str = ""  # ISO 3166-2 code of a region from the regions table
    # (a sea or a region of the hand-written list has neither id nor code)

    @property
    def key(self) -> int | str:
        """What tells this place from every other of the tables."""
        if self.geonameid is not None:
            return self.geonameid
        return self.code or f"natural:{self.name}"


@dataclass
class PlaceMention:
    start: int
    end: int
    place: Place
    basis: str  # the words it rests on and why this place
    written: str = ""  # the name as the article writes it


@cache
def builtin_places() -> dict[str, list[Place]]:
    """The shipped tables of countries, regions and cities: name as written -> places."""
    index: dict[str, list[Place]] = {}
    table = resources.files("timeline.extract").joinpath("data/places.tsv")
    countries: dict[str, str] = {}
    for line in table.read_text(encoding="utf-8").splitlines()[2:]:
        kind, gid, name, code, country, region, lat, lng, population, _, alternates = line.split(
            "\t"
        )
        place = Place(kind, int(gid), name, code, country, region, float(lat), float(lng),
                      int(population))  # fmt: skip
        if kind == "country":
            countries[code] = country
        index.setdefault(name, []).append(place)
        for alternate in filter(None, alternates.split("|")):
            index.setdefault(alternate, []).append(place)
    for names, place in _iso_regions(countries):
        for name in names:
            index.setdefault(name, []).append(place)
    for names, place in _natural_regions(countries):
        for name in names:
            if _is_run(name):
                index.setdefault(name, []).append(place)
    for alias, state in STATE_NAMES.items():
        index.setdefault(alias, []).extend(index.get(state, []))
    for alias, (name, region) in CITY_NAMES.items():
        index.setdefault(alias, []).extend(p for p in index.get(name, []) if p.region == region)
    for folded, names in _unaccented_names(index).items():
        index[folded] = [place for name in names for place in index[name]]
    return index


def _iso_regions(countries: dict[str, str]):
    """(names, place) for each region of ``data/regions.tsv`` (tools/make_regions_table.py):
    states, provinces and oblasts outside the US and UK, named as ISO 3166-2 and in English.
    The place takes the English name when there is one ("Bavaria" for "Bayern"), with its
    category when ISO writes one ("Kharkiv Oblast"); it has no point and no population."""
    table = resources.files("timeline.extract").joinpath("data/regions.tsv")
    for line in table.read_text(encoding="utf-8").splitlines()[2:]:
        code, country_code, _, iso_name, alternates = line.split("\t")
        english = [a for a in alternates.split("|") if a]
        categorised = [a for a in english if a.endswith((" Oblast", " Krai"))]
        name = (categorised or english or [iso_name])[0]
        country = countries.get(country_code, "")
        place = Place("region", None, name, country_code, country, "", None, None, 0, code)
        yield list(filter(None, dict.fromkeys([iso_name, *english]))), place


def _natural_regions(countries: dict[str, str]):
    """(names, place) for each sea and region of ``data/natural_regions.tsv`` ("Balkans",
    "Ross Sea", "Gulf of Mexico", "Pacific Northwest"): hand-written, no point."""
    table = resources.files("timeline.extract").joinpath("data/natural_regions.tsv")
    for line in table.read_text(encoding="utf-8").splitlines()[2:]:
        name, alternates, country_code = line.split("\t")
        country = countries.get(country_code, "")
        place = Place("region", None, name, country_code, country, "", None, None, 0)
        yield [name, *filter(None, alternates.split("|"))], place


def _is_run(name: str) -> bool:
    """Whether the run regex can find the name whole (every word capitalised)."""
    match = _PLAIN_RUN.fullmatch(name)
    return match is not None


@cache
def _phrase_places() -> tuple[re.Pattern | None, dict[str, list[Place]]]:
    """Names of seas and regions with a lowercase word ("Gulf of Mexico", "the Balkans"),
    which the run regex cannot find, as one pattern, and the places they name."""
    countries = _country_names_by_code()
    names: dict[str, list[Place]] = {}
    for written, place in (
        (name, place) for names_, place in _natural_regions(countries) for name in names_
    ):
        if not _is_run(written):
            names.setdefault(written, []).append(place)
    if not names:
        return None, names
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    # a capitalised word after it makes it part of another name ("the Atlantic Council")
    pattern = re.compile(rf"\b(?:{alternation})\b(?! [A-Z])")
    return pattern, names


def without_accents(name: str) -> str:
    """The name as an English text often writes it, its diacritics dropped ('São Paulo' ->
    'Sao Paulo', 'Zürich' -> 'Zurich')."""
    decomposed = unicodedata.normalize("NFKD", name).translate(_UNDECOMPOSED_LETTERS)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def without_accents_each(names: list[str]) -> list[str]:
    """``without_accents`` of each name (none holding a line break), in one pass over
    them all: name by name, folding the 12,000 accented names of the tables was a fifth
    of extracting the first article of a load. Decomposing never crosses a line break
    (it has no combining class), so the joined names decompose as each would alone."""
    if not names:
        return []
    decomposed = _UNDECOMPOSED_LETTER.sub(
        lambda letter: _UNDECOMPOSED[letter.group()],
        unicodedata.normalize("NFKD", "\n".join(names)),
    )
    marks = "".join(c for c in set(decomposed) if unicodedata.combining(c))
    # (a regular expression removes them several times faster than str.translate)
    return (re.sub(f"[{marks}]", "", decomposed) if marks else decomposed).split("\n")


def _unaccented_names(names) -> dict[str, list[str]]:
    """Unaccented spelling -> the accented names it stands for, for the spellings no place
    holds as written (a table name or alternate always wins over a folded one)."""
    accented = [name for name in names if not name.isascii()]
    folded: dict[str, list[str]] = {}
    for name, plain in zip(accented, without_accents_each(accented), strict=True):
        if plain != name and plain not in names:
            folded.setdefault(plain, []).append(name)
    return folded


class TownIndex(Mapping):
    """The shipped table, with the towns table (``data/towns.tsv``) behind it, read lazily.

    Building Place objects for 60,000 names costs more than extracting an article, and an
    article names a handful: the towns file is split into one raw line per name at first
    use (a few hundredths of a second) and a name's places are parsed when it is looked up.
    """

    def __init__(self, base: dict[str, list[Place]], lines: dict[str, str]):
        self.base = base
        self.lines = lines
        self.parsed: dict[str, list[Place]] = {}
        # "Gdansk" for "Gdańsk": the towns' unaccented spellings no name holds as written
        self.unaccented = {
            plain: names for plain, names in _unaccented_names(lines).items() if plain not in base
        }

    def __getitem__(self, name: str) -> list[Place]:
        found = self.parsed.get(name)
        if found is None:
            found = self.base.get(name, [])
            for written in self.unaccented.get(name, (name,)):
                raw = self.lines.get(written)
                if raw is not None:
                    found = found + [_town(written, record) for record in raw.split(";")]
            if not found:
                raise KeyError(name)
            self.parsed[name] = found
        return found

    def __contains__(self, name: object) -> bool:
        return name in self.base or name in self.lines or name in self.unaccented

    def __iter__(self):
        return iter(self.base.keys() | self.lines.keys() | self.unaccented.keys())

    def __len__(self) -> int:
        return len(self.base.keys() | self.lines.keys() | self.unaccented.keys())


def _town(name: str, record: str) -> Place:
    kind, gid, code, region, lat, lng, population = record.split(",")
    country = _country_names_by_code().get(code, "")
    return Place(kind, int(gid), name, code, country, region, float(lat), float(lng),
                 int(population))  # fmt: skip


@cache
def _country_names_by_code() -> dict[str, str]:
    return {
        p.country_code: p.country
        for places in builtin_places().values()
        for p in places
        if p.kind == "country"
    }


@cache
def full_places() -> TownIndex:
    """The shipped table and the towns of 5,000 or more and continents (all GeoNames)."""
    table = resources.files("timeline.extract").joinpath("data/towns.tsv")
    lines = dict(line.split("\t", 1) for line in table.read_text(encoding="utf-8").splitlines()[2:])
    return TownIndex(builtin_places(), lines)


def gazetteer(full: bool = True) -> Mapping[str, list[Place]]:
    """The shipped table with its towns, or (``full=False``) the compact table alone."""
    return full_places() if full else builtin_places()


def find_places(
    text: str,
    paragraphs: list[Span],
    mentions: list[Mention],
    actor_types: dict[str, str],
    index: Mapping[str, list[Place]] | None = None,
) -> list[PlaceMention]:
    """Every place mention in the text, in order (see the module docstring for the rules)."""
    index = index if index is not None else gazetteer()
    taken = sorted(_actor_spans(mentions, actor_types))
    taken_starts = [s for s, _ in taken]
    runs = [list(_RUN.finditer(text, p.start, p.end)) for p in paragraphs]
    # "Kazakh", "Jordanian": capitalised words of the runs, hyphenated ones split.
    countries_named: Counter = Counter()
    for paragraph_runs in runs:
        for run in paragraph_runs:
            words = run.group()
            if words in DEMONYMS:
                countries_named[DEMONYMS[words]] += 1
            elif " " in words or "-" in words or "'" in words or "’" in words:
                countries_named.update(
                    DEMONYMS[w] for w in _DEMONYM_SPLIT.split(words) if w in DEMONYMS
                )
    # "U.S. federal court", "UK officials": the initials name their state as its demonym
    # does ("American officials"), wherever they stand
    countries_named.update(
        _INITIALS_OF_STATE[found.group(1)] for found in _STATE_INITIALS.finditer(text)
    )
    raw: list[tuple[int, int, str, list[Place], str]] = []
    # Words of the names of people and things the article names ("Daniel Montalvo",
    # "Space Shuttle Enterprise"): alone, they are more likely that name than a town.
    name_words = _name_words(mentions, actor_types)
    person_starts = {m.start for m in mentions if actor_types.get(m.actor_id) == "person"}
    # "Batman: Arkham VR" inside a sentence is a work's title: no place there, nor in the
    # same word elsewhere without a strong sign ("the voice of Batman").
    titles = {
        run.start()
        for paragraph, paragraph_runs in zip(paragraphs, runs, strict=True)
        for run in paragraph_runs
        if run.start() > paragraph.start and _TITLE_AFTER.match(text, run.end())
    }
    name_words.update(text[start : text.index(":", start)] for start in titles)
    phrases, phrase_places = _phrase_places()
    for paragraph, paragraph_runs in zip(paragraphs, runs, strict=True):
        raw.extend(_initials_of_states(text, paragraph, index))
        phrase_spans: list[tuple[int, int]] = []
        for phrase in phrases.finditer(text, paragraph.start, paragraph.end) if phrases else ():
            words, start = phrase.group(), phrase.start()
            if _CAPITALISED_BEFORE.search(text, max(paragraph.start, start - 30), start):
                continue  # "Royal Bay of Biscay Club": part of another name
            places = phrase_places[words]
            if words.startswith("the "):  # "the Mediterranean" is the sea's name, "the" is not
                words, start = words[4:], start + 4
            raw.append((start, phrase.end(), words, places, "a sea or region"))
            phrase_spans.append(phrase.span())
        if dateline := _DATELINE_PLACE.match(text, paragraph.start, paragraph.end):
            words = dateline.group(1).strip()
            if places := _candidates(index, words.title()):
                start = dateline.start(1)
                raw.append((start, start + len(words), words.title(), places, "dateline"))
        for run in paragraph_runs:
            start, words = run.start(), run.group()
            if start in titles or any(a <= start < b for a, b in phrase_spans):
                continue  # a work's title; "Mexico" of "Gulf of Mexico"
            while " " in words and words.split(" ", 1)[0] in FUNCTION_WORDS:
                skip = len(words.split(" ", 1)[0]) + 1
                start, words = start + skip, words[skip:]
            if words[-1] in "'’s":
                words = _POSSESSIVE.sub("", words)
            if " D.C. " in words:  # "D.C." ends a name: "in Washington D.C. The team"
                words = words[: words.index(" D.C. ") + 5]
            based = _BASED.search(words) if "-" in words else None
            if based:
                words = words[: based.start()]
            title = None
            if words not in index:
                title = _place_before_a_title(words, start, index, person_starts)
                if title is None:
                    continue
                words, title = title
            places = _candidates(index, words)
            if not places:
                continue
            end = start + len(words)
            before = text[max(paragraph.start, start - 40) : start]
            if title in REGION_TITLES or _REGION_OFFICE_BEFORE.search(before):
                # a governor's or a premier's place is a state or province
                places = [p for p in places if p.kind == "region"] or places
            # "Mountain View, California", "the Museum of McMinnville, Oregon": a town with
            # its region after it is that town, whatever name holds it.
            own_region = _followed_by_its_region(text, end, places, index)
            # Mentions do not overlap one another: only the last one starting before the
            # run's end can overlap it (a bisection, not a scan: long texts stay linear).
            last = bisect_left(taken_starts, end) - 1
            if last >= 0 and taken[last][1] > start and not own_region:
                continue
            if _INSTITUTION_OF.search(before) and not own_region:
                continue  # "University of Texas", "Bank of Japan"
            if based:
                sign = f"before “-{based.group(1)}”"
            elif title is not None:
                sign = f"before “{title}”" if title else "before a person's name"
            else:
                sign = _sign(text, before, end, places, index)
            if words in name_words and not _strong(sign, before):
                continue  # "to help Montalvo" after "Daniel Montalvo": the person
            raw.append((start, end, words, places, sign))
    raw.sort(key=lambda mention: mention[0])  # the initials were found apart from the runs
    # Countries the article names without doubt: by an unambiguous place, by offset.
    certain = [
        (start, places[0].country)
        for start, _, _, places, _ in raw
        if len({p.country_code for p in places}) == 1
    ]
    # Countries a demonym or a city or region in them points at ("Jordanian", "Amman").
    pointed_at = countries_named + Counter(
        places[0].country for _, _, _, places, _ in raw if places[0].kind != "country"
    )
    for _, country in certain:
        countries_named[country] += 1
    certain_starts = [at for at, _ in certain]
    # How often each unambiguous name is named: its own mentions do not name its country.
    own_mentions = Counter(
        words for _, _, words, places, _ in raw if len({p.country_code for p in places}) == 1
    )
    region_names = {words for _, _, words, places, _ in raw if places[0].kind == "region"}
    found: list[PlaceMention] = []
    passed: set[str] = set()
    for at, (start, end, words, places, sign) in enumerate(raw):
        if len(places) > 1 and _in_a_list_of_countries(text, raw, at):
            places = [p for p in places if p.kind == "country"] or places
        nearby = _NO_COUNTS
        if len(places) > 1:  # only an ambiguous name needs its neighbours
            nearby = Counter()
            low = bisect_left(certain_starts, start - _NEARBY)
            high = bisect_right(certain_starts, start + _NEARBY)
            nearby.update(c for at, c in certain[low:high] if at != start)
        place, reason = _choose(text, end, places, nearby, countries_named, index)
        if place.kind == "city" and not sign and words not in passed:
            if place.population < BIG_CITY and words not in CAPITALS:
                continue
            sign = "capital" if words in CAPITALS else "city of a million or more"
        if (
            place.kind == "country"
            and words in GIVEN_NAME_COUNTRIES
            and not sign
            and words not in passed
            and not pointed_at.get(place.country)
        ):
            continue  # "Jordan scored twice": a person's name, as far as the text says
        # its own mentions, certain of its country, do not count as naming it
        named = countries_named.get(place.country, 0) - own_mentions.get(words, 0)
        if place.code and (not sign or sign in _WEAK_SIGNS) and words not in passed:
            # A state or province of the ISO table is known to an article about its country:
            # "Victoria" or "Central" with no word of Australia or Ghana is likely no place.
            if named <= 0:
                continue
        if (
            place.kind == "city"
            and (place.population < SMALL_CITY or sign in _WEAK_SIGNS)
            and words not in passed
            and named <= 0
            and place.region not in region_names
        ):
            continue  # a town's name, or a city's after "of", with no word of its country
        if (
            place.kind == "city"
            and place.population < TOWN
            and words not in passed
            and sign != "dateline"
            and not _followed_by_its_region(text, end, [place], index)
        ):
            continue  # a town's name is also a surname or a word: only "Town, State" says
        passed.add(words)
        sign = sign or ("named before" if place.kind == "city" else f"a {place.kind}")
        basis = f"“{words}” ({sign}); {reason}"
        found.append(PlaceMention(start, end, place, basis, words))
    return found


def _in_a_list_of_countries(text: str, raw: list, at: int) -> bool:
    """ "Romania, Bulgaria, Turkey, Georgia, and Azerbaijan": a name between countries,
    joined by commas or "and", is a country too (not the US state)."""
    for other in (at - 1, at + 1):
        if not 0 <= other < len(raw):
            continue
        first, second = sorted((raw[at], raw[other]))
        neighbour = raw[other][3]
        if _LIST_GAP.fullmatch(text, first[1], second[0]) and all(
            p.kind == "country" for p in neighbour
        ):
            return True
    return False


def _candidates(index: Mapping[str, list[Place]], words: str) -> list[Place]:
    """The places a name may stand for; a name a big place holds is that place, not a
    town a tenth its size (Washington, D.C. and the state, not Washington, Tyne and Wear)."""
    places = index.get(words)
    if not places or words in FUNCTION_WORDS or words in _CALENDAR_WORDS:
        return []
    top = max(p.population for p in places)
    return [p for p in places if p.kind != "city" or p.population * 10 >= top]


def _actor_spans(mentions: list[Mention], actor_types: dict[str, str]) -> list[tuple[int, int]]:
    """Stretches a person's or an institution's name holds, or a capital acting for its
    state: no place there."""
    spans = []
    for mention in mentions:
        kind = actor_types.get(mention.actor_id)
        if kind != "state" or mention.text in CAPITALS:
            # "the Municipality of Livorno" is a body and names the city it governs
            territory = _TERRITORY_OF.match(mention.text)
            end = mention.start + territory.end() if territory else mention.end
            spans.append((mention.start, end))
    return spans


def _place_before_a_title(
    words: str, start: int, index: Mapping[str, list[Place]], person_starts: set[int]
) -> tuple[str, str] | None:
    """ "Texas Governor Greg Abbott", "Kharkiv Mayor Ihor Terekhov", "Governor of
    Washington Chris Gregoire": a city's or region's name opening a run, before an
    office's title or a person's name, is that place: (its name, the title or '')."""
    parts = words.split(" ")
    for cut in range(len(parts) - 1, 0, -1):
        head, rest = " ".join(parts[:cut]), parts[cut]
        offset = start + len(head) + 1
        if head in index and (rest in PLACE_TITLES or offset in person_starts):
            if any(p.kind != "country" for p in index[head]):
                return head, rest if rest in PLACE_TITLES else ""
    return None


def _sign(
    text: str, before: str, end: int, places: list[Place], index: Mapping[str, list[Place]]
) -> str:
    """What says a city is a place here ('' when nothing does)."""
    if _TERRITORY_BEFORE.search(before):
        return "after the body governing it"  # "the Municipality of Livorno"
    if locative := _LOCATIVE.search(before):
        if locative.group(1) in _WEAK_LOCATIVES:
            return f"after “{locative.group(1)}”"
        return "after a preposition of place"
    if _followed_by_its_region(text, end, places, index):
        return f"followed by {_AFTER_COMMA.match(text, end).group(1)}"
    return ""


_WEAK_SIGNS = {f"after “{word}”" for word in _WEAK_LOCATIVES}


def _strong(sign: str, before: str) -> bool:
    """A sign that holds even against a person's name of the same word: a preposition of
    place right before it ("in Montalvo", not "to help Montalvo"), its region or country
    after it, a dateline, "-based"."""
    if sign == "after a preposition of place":
        return not _LOCATIVE.search(before).group(2)
    return bool(sign) and sign not in _WEAK_SIGNS


def _name_words(mentions: list[Mention], actor_types: dict[str, str]) -> set[str]:
    """Single words of the longer names the article gives people and things: a person's
    first and last names, the last word of any other name ("Enterprise" of "Space Shuttle
    Enterprise", not "Texas" of "University of Texas", which is the place)."""
    words: set[str] = set()
    for mention in mentions:
        parts = mention.text.split()
        if len(parts) < 2:
            continue
        kind = actor_types.get(mention.actor_id)
        if kind == "state":
            continue
        if kind == "person":
            words.add(parts[0])
        if parts[-2].lower() not in ("of", "for", "in", "de", "the"):
            words.add(_POSSESSIVE.sub("", parts[-1]))
    return words


def _initials_of_states(text: str, paragraph: Span, index: Mapping[str, list[Place]]):
    """Raw mentions of "the UK", "the U.S." where they name a location (see _INITIALS_AFTER_THE)."""
    for found in _INITIALS_AFTER_THE.finditer(text, paragraph.start, paragraph.end):
        initials = found.group(1)
        places = [p for p in index.get(_INITIALS_OF_STATE[initials], []) if p.kind == "country"]
        if not places:
            continue
        before = text[max(paragraph.start, found.start() - 40) : found.start()]
        locative = _LOCATIVE.search(before)
        if locative and locative.group(1) not in _WEAK_LOCATIVES:
            sign = "after a preposition of place"
        else:
            sign = "the initials of a state, ending a phrase"
        yield (found.start(1), found.end(1), initials, places, sign)


def _followed_by_its_region(
    text: str, end: int, places: list[Place], index: Mapping[str, list[Place]]
) -> bool:
    """ "Hackettstown, New Jersey", "Buxton, England": the region or country of one of the
    places follows it (a region of the same country counts when the town's table row
    names no region)."""
    after = _AFTER_COMMA.match(text, end)
    return bool(after) and any(_names_its_region(after.group(1), p, index) for p in places)


def _names_its_region(name: str, place: Place, index: Mapping[str, list[Place]]) -> bool:
    if name in (place.country, place.region):
        return True
    if place.region or place.kind != "city":
        return False  # a town with a region of its own needs that one
    return any(
        p.kind == "region" and p.country_code == place.country_code for p in index.get(name, ())
    )


def _choose(
    text: str,
    end: int,
    places: list[Place],
    nearby: Counter,
    countries_named: Counter,
    index: Mapping[str, list[Place]],
) -> tuple[Place, str]:
    """The place an ambiguous name stands for, and why."""
    if len(places) == 1:
        return places[0], "one place of that name"
    after = _AFTER_COMMA.match(text, end)
    if after:
        named = [p for p in places if _names_its_region(after.group(1), p, index)]
        if named:
            return max(named, key=lambda p: p.population), f"“{after.group(1)}” follows"
    if category := _REGION_WORD_AFTER.match(text, end):
        regions = [p for p in places if p.kind == "region"]
        if regions:
            return regions[0], f"followed by “{category.group(1)}”"
    for counts, where in ((nearby, "nearby"), (countries_named, "elsewhere")):
        support = {p.country: counts.get(p.country, 0) for p in places}
        if len(set(support.values())) > 1:
            best = max(
                places, key=lambda p: (support[p.country], -_KIND_RANK[p.kind], p.population)
            )
            return best, f"the article names a place in {best.country} {where}"
    kinds = {p.kind for p in places}
    if kinds == {"region", "city"} and len({p.country_code for p in places}) == 1:
        city = max((p for p in places if p.kind == "city"), key=lambda p: p.population)
        return city, "a city before the region of its name"
    best = min(places, key=lambda p: (_KIND_RANK[p.kind], -p.population))
    if best.code:  # a province of one country, a big city of another (Córdoba)
        cities = [p for p in places if p.kind == "city" and p.population >= BIG_CITY]
        if cities:
            city = max(cities, key=lambda p: p.population)
            return city, "a city of a million or more before a region of its name elsewhere"
    return best, f"several places of that name: the {best.kind} first, then the most populous"


def place_id(place: Place, taken: dict[str, int | str]) -> str:
    """A readable id: the name's slug, with the country's when another place has it; a
    region of the ISO table always with its code ("bavaria-de-by"), since its name is often
    a city's too (Kharkiv), and articles that name only one of them must not share an id."""
    if place.code:
        return slug(f"{place.name} {place.code}")
    base = slug(place.name)
    if taken.get(base, place.key) == place.key:
        taken[base] = place.key
        return base
    return slug(f"{place.name} {place.country_code}")
