"""An article's front matter, as scrapers and site generators write it, into source fields.

Keys are matched ignoring case, ``_`` and ``-`` (``pubDate`` = ``pub_date``). The known
keys and their common synonyms (``date`` for ``published``, ``lang`` for ``language``,
...) fill the ``sources`` columns; ``tags`` and ``categories`` become lists; any other
key is kept, with its value, in ``extra`` (nothing a file says is dropped). Only a key
one edit away from a known one (``publised``, ``titel``) is refused: that is a typo
that would otherwise lose the value silently. Every problem of the front matter is
reported at once, each at its line.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz.distance import OSA

from .dates import DateError, calendar_date_of_timestamp, parse_published
from .errors import Problem
from .fields import text_of
from .yaml_records import line_of

# The front matter keys that fill a column, and the synonyms scrapers, Jekyll, Hugo and
# feeds use for them. `source` is not one: scrapers use it for a publisher, a URL or a
# mapping ({id, name}) alike, so it is kept as an extra key.
KNOWN_KEYS = (
    "id",
    "title",
    "publisher",
    "author",
    "url",
    "published",
    "language",
    "notes",
    "boilerplate",
    "tags",
    "categories",
    # The file under seeds/raw/ that `timeline add` kept the original page in.
    "raw",
)
SYNONYMS = {
    "date": "published",
    "pubDate": "published",
    "publishDate": "published",
    "publish_date": "published",
    "datePublished": "published",
    "lang": "language",
    "authors": "author",
    "byline": "author",
    "link": "url",
    "source_url": "url",
    "canonical_url": "url",
    "site_name": "publisher",
    "publication": "publisher",
    "headline": "title",
    "tag": "tags",
    "category": "categories",
}
INFERABLE_KEYS = ("title", "publisher", "author", "url", "published", "language")
TEXT_KEYS = ("id", "title", "publisher", "url", "language", "notes")
LIST_KEYS = ("tags", "categories")
# A typo is one edit (a letter added, dropped, changed, or two swapped) from a key of
# at least this length: one edit turns "id" or "url" into many unrelated words.
TYPO_MIN_LENGTH = 4


def normal_key(key: Any) -> str:
    """How keys are compared: 'pubDate', 'pub_date' and 'PUB-DATE' are one key."""
    return re.sub(r"[-_ ]", "", str(key)).casefold()


# normal form -> (the field it fills, the spelling shown in messages)
_FIELD_OF = {normal_key(key): (key, key) for key in KNOWN_KEYS} | {
    normal_key(key): (target, key) for key, target in SYNONYMS.items()
}


@dataclass
class FrontMatter:
    """What one article's front matter says, checked; ``problems`` lists what is wrong."""

    fields: dict[str, Any] = field(default_factory=dict)
    inferences: list[dict[str, str]] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    boilerplate: Any = None
    problems: list[Problem] = field(default_factory=list)


def read_front_matter(meta: dict, file: str, first_line: int) -> FrontMatter:
    """Sort the keys of ``meta`` into fields, lists and extra keys; collect every problem."""
    reader = _Reader(meta, file, first_line)
    reader.run()
    return reader.result


class _Reader:
    """One pass over a front matter mapping, filling a FrontMatter."""

    def __init__(self, meta: dict, file: str, first_line: int):
        self.meta, self.file, self.first_line = meta, file, first_line
        self.result = FrontMatter()

    def problem(self, message: str, line: int | None, hint: str | None = None) -> None:
        self.result.problems.append(Problem(message, self.file, line or self.first_line, hint=hint))

    def line(self, key: Any) -> int:
        return line_of(self.meta, self.first_line, key=key) or self.first_line

    def run(self) -> None:
        by_field: dict[str, list[Any]] = {}
        for key in self.meta:
            known = _FIELD_OF.get(normal_key(key))
            if known:
                by_field.setdefault(known[0], []).append(key)
            elif suggestion := _typo_of(key):
                self.problem(
                    f"unknown key {key!r} in front matter",
                    self.line(key),
                    f"did you mean {suggestion!r}?",
                )
            else:
                self.result.extra[str(key)] = _as_json(self.meta, key)
        for name, keys in by_field.items():
            key = self._one_key(name, keys)
            if key is not None:
                self._field(name, key)

    def _one_key(self, name: str, keys: list[Any]) -> Any:
        """The key that gives a field; two that say different things are a problem."""
        if len(keys) > 1 and any(self.meta[k] != self.meta[keys[0]] for k in keys[1:]):
            where = " and ".join(f"{k!r} (line {self.line(k)})" for k in keys)
            self.problem(
                f"{where} both give the {name.replace('published', 'publication date')}, "
                "with different values",
                self.line(keys[1]),
                "keep the one that is right and remove the other",
            )
            return None
        return keys[0]

    def _field(self, name: str, key: Any) -> None:
        raw, line = text_of(self.meta, key), self.line(key)
        if name == "boilerplate":
            self.result.boilerplate = raw
            return
        if name in LIST_KEYS:
            self._list(name, key, line)
            return
        if isinstance(raw, dict) and name in INFERABLE_KEYS:
            raw = self._inferred(name, key, raw)
        if raw is None:
            return
        if name == "author" and isinstance(raw, list):
            names = [self._text(f"{key} entry", text_of(raw, i), line) for i in range(len(raw))]
            if names and None not in names:
                self.result.fields["author"] = ", ".join(names)
            return
        value = self._text(str(key), raw, line)
        if value is None:
            return
        if name == "published":
            self._published(key, value, line)
        else:
            self.result.fields[name] = value

    def _inferred(self, name: str, key: Any, raw: dict) -> Any:
        """{value, inferred, evidence}: the value, recording the inference and its evidence."""
        line = line_of(raw, self.line(key))
        for extra_key in raw:
            if extra_key not in ("value", "inferred", "evidence"):
                self.problem(
                    f"unknown key {extra_key!r} in {key}",
                    line_of(raw, line, key=extra_key),
                    "an inferred value has value, inferred and evidence",
                )
        flag = raw.get("inferred")
        evidence = raw.get("evidence")
        if flag is not None and not isinstance(flag, bool):
            self.problem(
                f"{key}: 'inferred' must be true or false, got {text_of(raw, 'inferred')!r}",
                line_of(raw, line, key="inferred"),
                "write true or false; in seed files yes, 'true' and 1 are not booleans",
            )
            return None
        value = text_of(raw, "value") if "value" in raw else None
        if flag is False and evidence:
            # Read, not inferred, with where it was read (`timeline add` writes the meta
            # tag a value came from): nothing to infer, but the provenance is kept.
            evidence_text = self._text(f"{key} evidence", text_of(raw, "evidence"), line)
            if evidence_text is not None:
                self.result.extra[f"{key} read from"] = evidence_text
            return value
        if flag or evidence:  # evidence alone says it was inferred, as date_reasoning does
            if not evidence:
                self.problem(
                    f"{key} is marked inferred but gives no evidence",
                    line,
                    "add evidence: the words or reasoning it was inferred from",
                )
                return None
            if value is None:
                self.problem(f"{key} is marked inferred but gives no value", line)
                return None
            value_text = self._text(f"{key} value", value, line)
            evidence_text = self._text(f"{key} evidence", text_of(raw, "evidence"), line)
            if value_text is not None and evidence_text is not None:
                if name == "published":
                    value_text = calendar_date_of_timestamp(value_text) or value_text
                self.result.inferences.append(
                    {"field": name, "value": value_text, "evidence": evidence_text}
                )
        return value

    def _published(self, key: Any, text: str, line: int) -> None:
        day = calendar_date_of_timestamp(text)
        if day:  # the day as the publisher printed it; the time and zone are kept
            self.result.extra[str(key)] = text
        try:
            published, precision = parse_published(day or text)
        except DateError as error:
            self.problem(f"{key}: {error}", line)
            return
        self.result.fields["published"] = published
        self.result.fields["published_precision"] = precision

    def _list(self, name: str, key: Any, line: int) -> None:
        """Tags or categories: a list, or one text (split at commas: 'a, b')."""
        raw = text_of(self.meta, key)
        if raw is None:
            return
        if isinstance(raw, list):
            items = [self._text(f"{key} entry", text_of(raw, i), line) for i in range(len(raw))]
        elif isinstance(raw, dict):
            self.problem(f"{key} must be a list, not a mapping", line, f"write {key}: [a, b]")
            return
        else:
            items = str(raw).split(",")
        if None in items:
            return
        cleaned = [item.strip() for item in items if item.strip()]
        getattr(self.result, name).extend(dict.fromkeys(cleaned))

    def _text(self, what: str, value: Any, line: int | None) -> str | None:
        """A value as text: dates and numbers as written; lists and mappings refused."""
        if value is None:
            return None
        if isinstance(value, dt.date):
            return value.isoformat()
        kinds = {dict: "mapping", list: "list", set: "set", bytes: "binary value"}
        kind = next((name for cls, name in kinds.items() if isinstance(value, cls)), None)
        if kind:
            self.problem(
                f"{what} must be text, not a {kind}",
                line,
                "quote it if it is one value, e.g. title: '[Updated] ...'",
            )
            return None
        return str(value)


def _typo_of(key: Any) -> str | None:
    """The known key (or synonym) one edit away from ``key``, if any."""
    normal = normal_key(key)
    for candidate, (_, spelling) in _FIELD_OF.items():
        if len(candidate) >= TYPO_MIN_LENGTH and OSA.distance(normal, candidate) == 1:
            return spelling
    return None


def _as_json(container: Any, key: Any) -> Any:
    """A value for the JSON ``extra`` column: numbers YAML read from other text (007,
    1.50, 0x1F, .inf) as that text; booleans stay booleans; mappings get text keys."""
    value = container[key]
    if not isinstance(value, bool) and _rewritten(container, key):
        value = text_of(container, key)
    if isinstance(value, dict):
        return {str(k): _as_json(value, k) for k in value}
    if isinstance(value, list):
        return [_as_json(value, index) for index in range(len(value))]
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _rewritten(container: Any, key: Any) -> bool:
    written = getattr(container, "written", None)
    return bool(written) and key in written
