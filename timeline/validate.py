"""Cross-checking curated records into table rows: ids, references, verbatim text, dates.

Everything is checked before anything is written; every problem found is reported at
once, each with its file, line and record id.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import ChainMap
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .articles import SLUG, Article
from .dates import DateError, parse_date
from .errors import Problem, ProblemCollector
from .fields import ALLOWED_KEYS, REQUIRED_KEYS, did_you_mean
from .seeds import RECORD_KINDS, Entry, SeedFiles
from .text_spans import explain_missing, find_occurrences, nth_occurrence
from .vocabulary import (
    ACTOR_TYPES,
    DEFAULT_QUOTE_KIND,
    EVENT_STATUSES,
    EVENT_TYPES,
    QUOTE_KINDS,
    vocabulary_rows,
)
from .yaml_records import line_of


@dataclass
class Corpus:
    """Validated rows for every table, in the order they are written."""

    event_types: list[dict[str, Any]] = field(default_factory=list)
    actor_types: list[dict[str, Any]] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)
    source_inferences: list[dict[str, Any]] = field(default_factory=list)
    source_boilerplate: list[dict[str, Any]] = field(default_factory=list)
    actors: list[dict[str, Any]] = field(default_factory=list)
    actor_aliases: list[dict[str, Any]] = field(default_factory=list)
    places: list[dict[str, Any]] = field(default_factory=list)
    events: list[dict[str, Any]] = field(default_factory=list)
    event_actors: list[dict[str, Any]] = field(default_factory=list)
    event_sources: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    TABLES = (
        "event_types",
        "actor_types",
        "sources",
        "source_inferences",
        "source_boilerplate",
        "actors",
        "actor_aliases",
        "places",
        "events",
        "event_actors",
        "event_sources",
        "quotes",
        "figures",
    )

    def tables(self) -> dict[str, list[dict[str, Any]]]:
        return {name: getattr(self, name) for name in self.TABLES}


_NOT_KEY_CHARACTER = re.compile(r"[^\w\s-]")


# A pure function of a name, asked again for every spelling of every actor extracted.
@lru_cache(maxsize=8192)
def alias_key(name: str) -> str:
    """Case-folded, accent-free, single-spaced: 'Mūrat  Nūrtıleu' -> 'murat nurtileu'."""
    decomposed = unicodedata.normalize("NFKD", name.replace("ı", "i"))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(_NOT_KEY_CHARACTER.sub(" ", stripped.casefold()).split())


class _RecordCheck:
    """Reads one record's fields, reporting problems at the record's location."""

    def __init__(self, kind: str, entry: Entry, problems: ProblemCollector):
        self.kind, self.entry, self.data, self.problems = kind, entry, entry.data, problems
        self.id = self.data.get("id")
        self.ok = True

    def problem(
        self, message: str, hint: str | None = None, key: str | None = None, line: int | None = None
    ) -> None:
        """Report a problem at the line of ``key`` (or ``line``), else the record's first line."""
        self.ok = False
        record = f"{self.kind[:-1]} {self.id!r}" if self.id is not None else None
        line = line or line_of(self.data, self.entry.line, key=key)
        self.problems.add(message, file=self.entry.file, line=line, record=record, hint=hint)

    def check_shape(self) -> None:
        for key in self.data:
            if key not in ALLOWED_KEYS[self.kind]:
                self.problem(
                    f"unknown key {key!r}",
                    did_you_mean(key, ALLOWED_KEYS[self.kind])
                    or f"allowed: {', '.join(sorted(ALLOWED_KEYS[self.kind]))}",
                    key=key,
                )
        for key in REQUIRED_KEYS[self.kind]:
            if self.data.get(key) in (None, "", []):
                self.problem(f"missing required field {key!r}")
        if self.id is not None and (not isinstance(self.id, str) or not SLUG.match(self.id)):
            self.problem(
                f"id {self.id!r} is not a slug",
                "use lowercase letters, digits and hyphens",
                key="id",
            )

    def text(self, key: str) -> str | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, dict | list):
            kind = "mapping" if isinstance(value, dict) else "list"
            self.problem(f"{key!r} must be text, not a {kind}", key=key)
            return None
        return str(value)

    def number(self, key: str) -> float | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(f"{key!r} must be a number, got {value!r}", key=key)
            return None
        try:
            number = float(value)
        except OverflowError:  # a whole number of hundreds of digits
            number = math.inf
        if not math.isfinite(number):
            got = f"a {len(str(abs(value)))}-digit number" if isinstance(value, int) else value
            self.problem(
                f"{key!r} must be a finite number (at most about 1.8e308), got {got}", key=key
            )
            return None
        return number

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            self.problem(f"{key!r} must be true or false, got {value!r}", key=key)
            return False
        return value

    def choice(self, key: str, choices: dict[str, str], default: str | None = None) -> str | None:
        value = self.data.get(key, default)
        if value is not None and (not isinstance(value, str) or value not in choices):
            self.problem(
                f"{key} {value!r} is not in the vocabulary",
                did_you_mean(value, choices) or f"use one of {', '.join(choices)}",
                key=key,
            )
        return value

    def reference(
        self, key: str, known: dict, kind: str, value: Any = None, line: int | None = None
    ) -> str | None:
        value = self.data.get(key) if value is None else value
        if value is None:
            return None
        if not isinstance(value, str) or value not in known:
            self.problem(
                f"{key} {value!r}: no {kind} has this id",
                did_you_mean(value, known)
                or (
                    "no article in the seeds folder has this id in its front matter"
                    if kind == "source"
                    else f"define it under '{kind}s:' in a record file"
                ),
                key=key,
                line=line,
            )
            return None
        return value


@dataclass(frozen=True)
class StoredSource:
    """What validation needs of a source that is already in the database."""

    id: str
    search_text: str
    file_path: str


@dataclass
class PriorRecords:
    """Records already in the database, from seed files this load does not re-read.

    A load validates the files it re-reads against these (loading/stored.py): references
    may point at them, and a re-read file may not define an id they already hold.
    """

    ids: dict[str, Mapping[str, str]] = field(
        default_factory=lambda: {kind: {} for kind in (*RECORD_KINDS, "sources")}
    )
    alias_owners: Mapping[str, str] = field(default_factory=dict)
    sources: Mapping[str, StoredSource] = field(default_factory=dict)
    # (kind, id) -> (file, line) where it is defined, for error messages.
    where: Callable[[str, str], tuple[str, int | None]] = lambda kind, record_id: (record_id, None)


class AnyId(Mapping):
    """Every text id: references to actors, places and events when they are checked
    later, in SQL, once every file is written (loading/curated.py)."""

    def __contains__(self, key) -> bool:
        return isinstance(key, str)

    def __getitem__(self, key):
        if not isinstance(key, str):
            raise KeyError(key)
        return key

    def __iter__(self):
        return iter(())

    def __len__(self) -> int:
        return 0


class Validator:
    """Turns the files read from a seeds folder into a Corpus of rows.

    ``references_checked_later``: accept any id an actor, place or event reference
    names; the caller checks them once every file is in the database.
    """

    def __init__(
        self,
        seeds: SeedFiles,
        prior: PriorRecords | None = None,
        references_checked_later: bool = False,
    ):
        self.seeds = seeds
        self.prior = prior or PriorRecords()
        self.later: list[Mapping] = [AnyId()] if references_checked_later else []
        self.problems = ProblemCollector()
        self.corpus = Corpus(warnings=list(seeds.warnings))
        self.new_articles: dict[str, Article] = {}
        self.articles: Mapping[str, Article | StoredSource] = {}
        self.actor_ids: Mapping[str, object] = {}
        self.place_ids: Mapping[str, object] = {}
        self.event_ids: Mapping[str, object] = {}

    def run(self) -> Corpus:
        for table, rows in vocabulary_rows().items():
            setattr(self.corpus, table, rows)
        self._sources()
        self.articles = ChainMap(self.new_articles, self.prior.sources)
        self.actor_ids = ChainMap(self._index("actors"), self.prior.ids["actors"], *self.later)
        self.place_ids = ChainMap(self._index("places"), self.prior.ids["places"], *self.later)
        self.event_ids = ChainMap(self._index("events"), self.prior.ids["events"], *self.later)
        self._index("quotes")
        self._index("figures")
        self._actors()
        self._places()
        self._events()
        self._quotes()
        self._figures()
        self.problems.raise_if_any()
        return self.corpus

    # -- ids ---------------------------------------------------------------------------

    def _index(self, kind: str) -> dict[str, Entry]:
        """Ids of one kind, reporting duplicates with both locations."""
        seen: dict[str, Entry] = {}
        for entry in self.seeds.records[kind]:
            record_id = entry.data.get("id")
            if not isinstance(record_id, str):
                continue
            if record_id in self.prior.ids[kind]:
                self._duplicate(
                    kind[:-1],
                    record_id,
                    (entry.file, entry.line),
                    self.prior.where(kind, record_id),
                )
            elif record_id in seen:
                first = seen[record_id]
                self._duplicate(
                    kind[:-1], record_id, (entry.file, entry.line), (first.file, first.line)
                )
            else:
                seen[record_id] = entry
        return seen

    def _duplicate(self, what: str, record_id: str, one: tuple, other: tuple) -> None:
        """Report a duplicate id at the later of its two places (by file, then line), so the
        message is the same whichever order the files were read in."""
        first, second = sorted([one, other], key=lambda place: (place[0], place[1] or 0))
        if what == "source":
            message = f"duplicate source id {record_id!r}, also used by {first[0]}"
            hint = "give each article its own id in its front matter"
        else:
            where = f"{first[0]}:{first[1]}" if first[1] else first[0]
            message = f"duplicate {what} id {record_id!r}, first defined at {where}"
            hint = "ids must be unique; rename one or merge the two records"
        self.problems.add(message, file=second[0], line=second[1], hint=hint)

    # -- sources -----------------------------------------------------------------------

    def _sources(self) -> None:
        for article in self.seeds.articles:
            here = (article.file_path, article.front_matter_line)
            if article.id in self.new_articles:
                first = self.new_articles[article.id]
                self._duplicate(
                    "source", article.id, here, (first.file_path, first.front_matter_line)
                )
                continue
            if article.id in self.prior.sources:
                self._duplicate("source", article.id, here, self.prior.where("sources", article.id))
                continue
            self.new_articles[article.id] = article
            self.corpus.sources.append(article.row())
            for inference in article.inferences:
                self.corpus.source_inferences.append({"source_id": article.id, **inference})
            for span in article.boilerplate:
                self.corpus.source_boilerplate.append(
                    {
                        "source_id": article.id,
                        "start_offset": span.start,
                        "end_offset": span.end,
                        "reason": span.reason,
                    }
                )

    def _locate(
        self,
        check: _RecordCheck,
        source_id: str,
        excerpt: str,
        occurrence: Any,
        what: str,
        line: int | None,
    ):
        """(start, end) of the excerpt in the source, outside boilerplate; None if absent."""
        article = self.articles[source_id]
        if occurrence is not None and (
            isinstance(occurrence, bool) or not isinstance(occurrence, int) or occurrence < 1
        ):
            check.problem(
                f"occurrence must be a whole number from 1, got {occurrence!r}", line=line
            )
            return None
        start = nth_occurrence(excerpt, article.search_text, occurrence or 1)
        if start != -1:
            return start, start + len(excerpt)
        starts = find_occurrences(excerpt, article.search_text)
        if not starts:
            check.problem(
                f"{what} is not found verbatim in source {source_id!r} ({article.file_path}): "
                f"{_shorten(excerpt)!r}",
                explain_missing(excerpt, article.search_text),
                line=line,
            )
        else:
            check.problem(
                f"{what} occurs {len(starts)} time(s) in {source_id!r}; occurrence "
                f"{occurrence} does not exist",
                line=line,
            )
        return None

    # -- actors and places -------------------------------------------------------------

    def _actors(self) -> None:
        # The spellings these files give; those of the actors left in the database are
        # looked up one at a time (``prior.alias_owners`` is a look-up, not a list).
        owner_of_alias: dict[str, str] = {}
        prior_owners = self.prior.alias_owners
        for entry in self.seeds.records["actors"]:
            check = _RecordCheck("actors", entry, self.problems)
            check.check_shape()
            name = check.text("name")
            actor_type = check.choice("type", ACTOR_TYPES)
            aliases = entry.data.get("aliases") or []
            if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                check.problem("aliases must be a list of names")
                aliases = []
            if not check.ok or not name:
                continue
            self.corpus.actors.append(
                {
                    "id": check.id,
                    "name": name,
                    "type": actor_type,
                    "description": check.text("description"),
                    "seed_file": entry.seed_path,
                    "origin": "curated",
                }
            )
            forms = list(dict.fromkeys([name, *aliases]))
            for form in forms:
                key = alias_key(form)
                other = owner_of_alias.setdefault(key, prior_owners.get(key) or check.id)
                if other != check.id:
                    check.problem(
                        f"alias {form!r} also belongs to actor {other!r}",
                        "an alias must name one actor; remove it from one of them",
                    )
                self.corpus.actor_aliases.append(
                    {"actor_id": check.id, "alias": form, "alias_key": key, "origin": "curated"}
                )

    def _places(self) -> None:
        for entry in self.seeds.records["places"]:
            check = _RecordCheck("places", entry, self.problems)
            check.check_shape()
            latitude, longitude = check.number("latitude"), check.number("longitude")
            if latitude is not None and not -90 <= latitude <= 90:
                check.problem(f"latitude {latitude} is outside -90..90")
            if longitude is not None and not -180 <= longitude <= 180:
                check.problem(f"longitude {longitude} is outside -180..180")
            if check.ok:
                self.corpus.places.append(
                    {
                        "id": check.id,
                        "name": check.text("name"),
                        "country": check.text("country"),
                        "latitude": latitude,
                        "longitude": longitude,
                        "seed_file": entry.seed_path,
                    }
                )

    # -- events ------------------------------------------------------------------------

    def _date(self, check: _RecordCheck, key: str):
        value = check.data.get(key)
        if value is None:
            return None
        try:
            return parse_date(value)
        except DateError as error:
            check.problem(f"impossible or unreadable {key}: {error}", key=key)
            return None

    def _events(self) -> None:
        for entry in self.seeds.records["events"]:
            check = _RecordCheck("events", entry, self.problems)
            check.check_shape()
            date = self._date(check, "date")
            event_type = check.choice("type", EVENT_TYPES)
            status = check.choice("status", EVENT_STATUSES, default="happened")
            place_id = check.reference("place", self.place_ids, "place")
            reasoning = check.text("date_reasoning")
            inferred = check.flag("date_inferred") or bool(reasoning)
            if inferred and not reasoning:
                check.problem(
                    "date_inferred is true but there is no date_reasoning",
                    "say how the date was worked out, e.g. \"'last fall' in an article of "
                    'February 2026"',
                )
            sources_differ = check.flag("sources_differ")
            actor_links = self._event_actors(check)
            source_links = self._event_sources(check)
            if not check.ok or date is None:
                continue
            self.corpus.events.append(
                {
                    "id": check.id,
                    "title": check.text("title"),
                    "summary": check.text("summary"),
                    "type": event_type,
                    "status": status,
                    "date": date.edtf,
                    "date_precision": date.precision,
                    "date_start": date.start.isoformat(),
                    "date_end": date.end.isoformat(),
                    "sort_key": date.sort_key,
                    "date_approximate": date.approximate,
                    "date_uncertain": date.uncertain,
                    "date_expression": check.text("date_expression"),
                    "date_inferred": inferred,
                    "date_reasoning": reasoning,
                    "place_id": place_id,
                    "sources_differ": sources_differ,
                    "conflict_note": check.text("conflict_note"),
                    "seed_file": entry.seed_path,
                    "origin": "curated",
                }
            )
            self.corpus.event_actors.extend(actor_links)
            self.corpus.event_sources.extend(source_links)

    def _event_actors(self, check: _RecordCheck) -> list[dict[str, Any]]:
        links, seen = [], set()
        for item in _as_list(check, "actors"):
            if not isinstance(item, dict) or "actor" not in item:
                check.problem(f"each entry under actors needs 'actor:' (and 'role:'), got {item!r}")
                continue
            unknown = set(item) - {"actor", "role"}
            if unknown:
                check.problem(f"unknown key {sorted(unknown)[0]!r} in an event's actors entry")
            actor_id = check.reference(
                "actor", self.actor_ids, "actor", value=item["actor"], line=line_of(item)
            )
            role = str(item.get("role") or "participant")
            if actor_id and (actor_id, role) not in seen:
                seen.add((actor_id, role))
                links.append(
                    {"event_id": check.id, "actor_id": actor_id, "role": role, "origin": "curated"}
                )
        return links

    def _event_sources(self, check: _RecordCheck) -> list[dict[str, Any]]:
        links, seen = [], set()
        for item in _as_list(check, "sources"):
            if not isinstance(item, dict) or not item.get("source") or not item.get("evidence"):
                shown = dict(item) if isinstance(item, dict) else item
                check.problem(
                    "each entry under sources needs 'source:' and 'evidence:' (the verbatim "
                    f"sentence that reports the event), got {shown!r}",
                    line=line_of(item),
                )
                continue
            unknown = set(item) - {"source", "evidence", "occurrence"}
            if unknown:
                check.problem(f"unknown key {sorted(unknown)[0]!r} in an event's sources entry")
            source_id = check.reference(
                "source", self.articles, "source", value=item["source"], line=line_of(item)
            )
            if source_id is None:
                continue
            excerpt = str(item["evidence"])
            span = self._locate(
                check,
                source_id,
                excerpt,
                item.get("occurrence"),
                "evidence",
                line_of(item, key="evidence"),
            )
            if span and (source_id, span[0]) not in seen:
                seen.add((source_id, span[0]))
                links.append(
                    {
                        "event_id": check.id,
                        "source_id": source_id,
                        "excerpt": excerpt,
                        "start_offset": span[0],
                        "end_offset": span[1],
                        "origin": "curated",
                    }
                )
        return links

    # -- quotes and figures ------------------------------------------------------------

    def _cited_text(self, check: _RecordCheck, key: str, what: str):
        """(source id, text, span) of a record whose ``key`` is verbatim text of its
        ``source``, located (at ``occurrence``) and reported at the key's line."""
        source_id = check.reference("source", self.articles, "source")
        text = check.text(key)
        span = None
        if source_id and text:
            line = line_of(check.data, key=key)
            span = self._locate(check, source_id, text, check.data.get("occurrence"), what, line)
        return source_id, text, span

    def _quotes(self) -> None:
        for entry in self.seeds.records["quotes"]:
            check = _RecordCheck("quotes", entry, self.problems)
            check.check_shape()
            speaker_id = check.reference("speaker", self.actor_ids, "actor")
            event_id = check.reference("event", self.event_ids, "event")
            kind = check.choice("kind", QUOTE_KINDS, default=DEFAULT_QUOTE_KIND)
            source_id, text, span = self._cited_text(check, "text", "quote")
            if check.ok and span:
                self.corpus.quotes.append(
                    {
                        "id": check.id,
                        "text": text,
                        "speaker_id": speaker_id,
                        "source_id": source_id,
                        "start_offset": span[0],
                        "end_offset": span[1],
                        "event_id": event_id,
                        "notes": check.text("notes"),
                        "kind": kind,
                        "seed_file": entry.seed_path,
                        "origin": "curated",
                    }
                )

    def _figures(self) -> None:
        for entry in self.seeds.records["figures"]:
            check = _RecordCheck("figures", entry, self.problems)
            check.check_shape()
            value, value_max = check.number("value"), check.number("value_max")
            if value is not None and value_max is not None and value_max < value:
                check.problem(f"value_max {value_max} is smaller than value {value}")
            date = self._date(check, "date")
            event_id = check.reference("event", self.event_ids, "event")
            actor_id = check.reference("actor", self.actor_ids, "actor")
            source_id, excerpt, span = self._cited_text(check, "evidence", "evidence")
            if check.ok and span:
                self.corpus.figures.append(
                    {
                        "id": check.id,
                        "subject": check.text("subject"),
                        "value": value,
                        "value_max": value_max,
                        "unit": check.text("unit"),
                        "date": date.edtf if date else None,
                        "source_id": source_id,
                        "excerpt": excerpt,
                        "start_offset": span[0],
                        "end_offset": span[1],
                        "event_id": event_id,
                        "actor_id": actor_id,
                        "notes": check.text("notes"),
                        "seed_file": entry.seed_path,
                    }
                )


def _as_list(check: _RecordCheck, key: str) -> list:
    value = check.data.get(key) or []
    if not isinstance(value, list):
        check.problem(f"{key!r} must be a list (lines starting with '- ')")
        return []
    return value


def _shorten(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def validate(seeds: SeedFiles, prior: PriorRecords | None = None) -> Corpus:
    return Validator(seeds, prior).run()


__all__ = ["Corpus", "Problem", "alias_key", "validate"]
