"""Reading a development set: articles with no curated records, and their gold files.

A development set is a folder with ``articles/`` (seeds-format articles) and ``gold/``
(one ``<article id>.yaml`` per article: what a careful reader finds in it). The format
and the annotation guidelines are in ``fixtures/devset/README.md``; in short:

.. code-block:: yaml

    source: wikinews-2015-09-12-crane
    actors:
      - {name: Suleiman al-Amr, type: person, aliases: [al-Amr]}
    places:
      - {name: Mecca, kind: city}
    quotes:
      - {text: "All those who were wounded ...", speaker: Suleiman al-Amr}
    dates:
      - {expression: yesterday, value: 2015-09-11, precision: day}
    events:
      - evidence: A storm yesterday caused a crane to fall into Mecca's Grand Mosque
        date: 2015-09-11
        actors: [Saudi Arabia]
        place: Mecca

Every text (a quote, a date expression, an event's evidence) must appear verbatim in
its article; ``occurrence: 2`` picks the second appearance. Speakers, event actors and
event places name an actor or place of the same file, by its name or an alias. Reading
checks all of it and locates the offsets; anything wrong is a ``SeedError`` naming
file, line and fix, so a gold file that does not fit its article cannot be scored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..articles import decode_utf8
from ..dates import DateError, TimelineDate, parse_date
from ..errors import ProblemCollector, SeedError
from ..seeds import read_seed_files
from ..validate import alias_key, validate
from ..vocabulary import ACTOR_TYPES
from ..yaml_records import line_of, load_yaml

PLACE_KINDS = ("city", "region", "country")
QUOTE_KINDS = ("marked", "answer", "statement")
STATUSES = ("happened", "planned", "forecast")
_KEYS = {
    "file": {"source", "actors", "places", "quotes", "dates", "events", "notes"},
    "actors": {"name", "type", "aliases", "notes"},
    "places": {"name", "kind", "aliases", "notes"},
    "quotes": {"text", "speaker", "kind", "occurrence", "notes"},
    "dates": {"expression", "value", "precision", "occurrence", "notes"},
    "events": {"evidence", "date", "actors", "place", "status", "occurrence", "notes"},
}


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass
class GoldActor:
    name: str
    type: str
    aliases: list[str]

    @property
    def keys(self) -> set[str]:
        """Every spelling, case- and accent-insensitive (``alias_key``)."""
        return {alias_key(form) for form in [self.name, *self.aliases]}


@dataclass
class GoldPlace:
    name: str
    kind: str
    aliases: list[str]

    @property
    def keys(self) -> set[str]:
        return {alias_key(form) for form in [self.name, *self.aliases]}


@dataclass
class GoldQuote:
    text: str
    span: Span
    speaker: GoldActor | None
    # marked (between quotation marks) | answer (an interview answer paragraph) |
    # statement (a paragraph of a statement printed without marks after its introduction)
    kind: str


@dataclass
class GoldDate:
    expression: str
    span: Span
    date: TimelineDate


@dataclass
class GoldEvent:
    evidence: str
    span: Span
    date: TimelineDate
    actors: list[GoldActor]
    place: GoldPlace | None
    status: str


@dataclass
class GoldArticle:
    source_id: str
    file: str
    actors: list[GoldActor] = field(default_factory=list)
    places: list[GoldPlace] = field(default_factory=list)
    quotes: list[GoldQuote] = field(default_factory=list)
    dates: list[GoldDate] = field(default_factory=list)
    events: list[GoldEvent] = field(default_factory=list)


@dataclass
class DevSet:
    """The articles (as ``sources`` rows, like a load validates them) and their gold."""

    sources: list[dict[str, Any]]
    gold: dict[str, GoldArticle]


def read_devset(folder: str | Path) -> DevSet:
    """Read ``folder/articles`` and ``folder/gold``; raise SeedError listing every problem."""
    folder = Path(folder)
    articles, gold_dir = folder / "articles", folder / "gold"
    for needed in (articles, gold_dir):
        if not needed.is_dir():
            raise SeedError(
                f"{needed}: no such folder (a development set holds articles/ and gold/)"
            )
    corpus = validate(read_seed_files(articles))
    if corpus.quotes or corpus.event_sources or corpus.actors:
        raise SeedError(
            f"{articles}: holds curated records; a development set's articles have none "
            "(their annotation belongs in gold/)"
        )
    sources = {s["id"]: s for s in corpus.sources}
    problems = ProblemCollector()
    gold: dict[str, GoldArticle] = {}
    for path in sorted(gold_dir.glob("*.yaml")):
        display = str(path)
        data = load_yaml(decode_utf8(path.read_bytes(), display), display)
        article = _read_gold_file(data, display, sources, problems)
        if article is not None:
            if article.source_id in gold:
                problems.add(f"a second gold file for {article.source_id!r}", file=display)
            gold[article.source_id] = article
    for source_id in sorted(sources.keys() - gold.keys()):
        problems.add(
            f"article {source_id!r} has no gold file",
            file=str(gold_dir / f"{source_id}.yaml"),
            hint="annotate it, or move the article out of the development set",
        )
    problems.raise_if_any()
    return DevSet(sorted(sources.values(), key=lambda s: s["id"]), gold)


def _read_gold_file(
    data: Any, file: str, sources: dict[str, dict], problems: ProblemCollector
) -> GoldArticle | None:
    if not isinstance(data, dict):
        problems.add("a gold file is a mapping with 'source:' and lists", file=file, line=1)
        return None
    if not _known_keys(data, "file", file, problems):
        return None
    source_id = data.get("source")
    if source_id not in sources:
        problems.add(
            f"'source: {source_id}' names no article of the development set",
            file=file,
            line=line_of(data, 1, "source"),
            hint="write the article's id as in its front matter",
        )
        return None
    text = sources[source_id]["text"]
    article = GoldArticle(source_id, file)
    check = _Checker(file, text, problems)
    for item in check.items(data, "actors"):
        if check.required(item, "name", "type") and check.one_of(item, "type", ACTOR_TYPES):
            article.actors.append(GoldActor(item["name"], item["type"], check.names(item)))
    for item in check.items(data, "places"):
        if check.required(item, "name", "kind") and check.one_of(item, "kind", PLACE_KINDS):
            article.places.append(GoldPlace(item["name"], item["kind"], check.names(item)))
    actors = _by_key(article.actors)
    places = _by_key(article.places)
    for item in check.items(data, "quotes"):
        if not check.required(item, "text"):
            continue
        kind = item.get("kind", "marked")
        speaker = check.resolve(item.get("speaker"), item, "speaker", actors, "actor")
        span = check.locate(item, "text")
        if span and speaker is not False and check.one_of(item, "kind", QUOTE_KINDS, kind):
            article.quotes.append(GoldQuote(item["text"], span, speaker, kind))
    for item in check.items(data, "dates"):
        if not check.required(item, "expression", "value", "precision"):
            continue
        span, date = check.locate(item, "expression"), check.date(item, "value")
        if span and date:
            if date.precision != item["precision"]:
                problems.add(
                    f"precision {item['precision']!r} but {date.edtf!r} is a {date.precision}",
                    file=file,
                    line=line_of(item, None, "precision"),
                    hint="precision follows from the value (EDTF): correct one of them",
                )
                continue
            article.dates.append(GoldDate(item["expression"], span, date))
    for item in check.items(data, "events"):
        if not check.required(item, "evidence", "date"):
            continue
        span, date = check.locate(item, "evidence"), check.date(item, "date")
        place = check.resolve(item.get("place"), item, "place", places, "place")
        linked = [
            check.resolve(name, item, "actors", actors, "actor")
            for name in item.get("actors") or []
        ]
        status = item.get("status", "happened")
        if (
            span
            and date
            and place is not False
            and False not in linked
            and check.one_of(item, "status", STATUSES, status)
        ):
            article.events.append(
                GoldEvent(item["evidence"], span, date, [a for a in linked if a], place, status)
            )
    return article


def _known_keys(data: dict, kind: str, file: str, problems: ProblemCollector) -> bool:
    unknown = sorted(set(data) - _KEYS[kind], key=str)
    for key in unknown:
        problems.add(
            f"unknown key {key!r}",
            file=file,
            line=line_of(data, None, key),
            hint=f"use {', '.join(sorted(_KEYS[kind]))}",
        )
    return not unknown


def _by_key(named: list) -> dict[str, Any]:
    return {key: item for item in named for key in item.keys}


class _Checker:
    """Checks the entries of one gold file against its article, reporting each problem."""

    def __init__(self, file: str, text: str, problems: ProblemCollector):
        self.file, self.text, self.problems = file, text, problems

    def add(self, message: str, item: Any, key: str | None = None, hint: str | None = None):
        self.problems.add(message, file=self.file, line=line_of(item, None, key), hint=hint)

    def items(self, data: dict, kind: str) -> list[dict]:
        items = data.get(kind) or []
        if not isinstance(items, list):
            self.add(f"'{kind}:' must be a list", data, kind)
            return []
        good = []
        for item in items:
            if not isinstance(item, dict):
                self.add(f"each entry under '{kind}:' is a mapping; got {item!r}", data, kind)
            elif _known_keys(item, kind, self.file, self.problems):
                good.append(item)
        return good

    def required(self, item: dict, *keys: str) -> bool:
        missing = [key for key in keys if item.get(key) in (None, "")]
        for key in missing:
            self.add(f"missing '{key}:'", item)
        return not missing

    def one_of(self, item: dict, key: str, allowed, value: Any = None) -> bool:
        value = item.get(key) if value is None else value
        if value not in allowed:
            self.add(f"{key} {value!r} is not one of {', '.join(allowed)}", item, key)
            return False
        return True

    def names(self, item: dict) -> list[str]:
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            self.add("'aliases:' must be a list of names", item, "aliases")
            return []
        return aliases

    def resolve(self, name: Any, item: dict, key: str, named: dict, kind: str):
        """The actor or place a name refers to; None when unset, False when unknown."""
        if name is None:
            return None
        found = named.get(alias_key(str(name)))
        if found is None:
            self.add(
                f"{key}: {name!r} is not the name or an alias of any {kind} in this file",
                item,
                key,
                hint=f"add it under '{kind}s:' or correct the spelling",
            )
            return False
        return found

    def locate(self, item: dict, key: str) -> Span | None:
        """Where the item's text appears in the article (its ``occurrence``, default 1)."""
        needle = str(item[key])
        occurrence = item.get("occurrence", 1)
        if not isinstance(occurrence, int) or occurrence < 1:
            self.add("occurrence must be a whole number from 1", item, "occurrence")
            return None
        start = -1
        for _ in range(occurrence):
            start = self.text.find(needle, start + 1)
            if start < 0:
                break
        if start < 0:
            where = (
                "is not in the article" if occurrence == 1 else f"has no {occurrence}. occurrence"
            )
            self.add(
                f"{key} {_short(needle)!r} {where}",
                item,
                key,
                hint="copy it verbatim from the article (same quotation marks and spaces)",
            )
            return None
        return Span(start, start + len(needle))

    def date(self, item: dict, key: str) -> TimelineDate | None:
        try:
            return parse_date(item[key])
        except DateError as error:
            self.add(str(error), item, key)
            return None


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
