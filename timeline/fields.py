"""The keys of every kind of seed record, and the checks they share: known keys, with a
did-you-mean, and text fields kept as they were written."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from .errors import Problem, SeedError
from .yaml_records import as_written, line_of

ALLOWED_KEYS = {
    "actors": {"id", "name", "type", "description", "aliases"},
    "places": {"id", "name", "country", "latitude", "longitude"},
    "events": {
        "id",
        "title",
        "summary",
        "type",
        "status",
        "date",
        "date_expression",
        "date_inferred",
        "date_reasoning",
        "place",
        "actors",
        "sources",
        "sources_differ",
        "conflict_note",
    },
    "quotes": {"id", "source", "speaker", "text", "kind", "event", "notes", "occurrence"},
    "figures": {
        "id",
        "subject",
        "value",
        "value_max",
        "unit",
        "date",
        "source",
        "evidence",
        "event",
        "actor",
        "notes",
        "occurrence",
    },
}
REQUIRED_KEYS = {
    "actors": ("id", "name", "type"),
    "places": ("id", "name"),
    "events": ("id", "title", "date", "type", "sources"),
    "quotes": ("id", "source", "text"),
    "figures": ("id", "subject", "value", "unit", "source", "evidence"),
}

# The keys whose values are text, whatever YAML makes of them: an id 007 or a title
# 1.50 is kept as written. Numbers (value, latitude, occurrence) and flags are not
# here, nor dates: they are parsed, and a year is commonly written as a bare 2025.
TEXT_KEYS = {
    "actors": {"id", "name", "type", "description", "aliases"},
    "places": {"id", "name", "country"},
    "events": {
        "id",
        "title",
        "summary",
        "type",
        "status",
        "date_expression",
        "date_reasoning",
        "place",
        "conflict_note",
    },
    "quotes": {"id", "source", "speaker", "text", "kind", "event", "notes"},
    "figures": {"id", "subject", "unit", "source", "evidence", "event", "actor", "notes"},
}
# Keys of the entries under an event's ``actors:`` and ``sources:``.
ENTRY_TEXT_KEYS = {"actors": {"actor", "role"}, "sources": {"source", "evidence"}}


def did_you_mean(word: str, choices: Iterable[str]) -> str | None:
    matches = difflib.get_close_matches(str(word), list(choices), n=1, cutoff=0.6)
    return f"did you mean {matches[0]!r}?" if matches else None


def check_known_keys(
    mapping: dict, allowed: set[str], file: str, line: int | None, what: str
) -> None:
    """A typo in a key would silently drop data: refuse unknown keys instead."""
    for key in mapping:
        if key not in allowed:
            hint = did_you_mean(key, allowed) or f"allowed: {', '.join(sorted(allowed))}"
            raise SeedError(
                Problem(
                    f"unknown key {key!r} in {what}",
                    file=file,
                    line=line_of(mapping, line, key=key),
                    hint=hint,
                )
            )


_REWRITABLE = (bool, int, float)
# The same keys as tuples: has_rewritten_text runs on every record of a streamed load.
_TEXT_KEY_TUPLES = {kind: tuple(sorted(keys)) for kind, keys in TEXT_KEYS.items()}
_ENTRY_KEY_TUPLES = {key: tuple(sorted(keys)) for key, keys in ENTRY_TEXT_KEYS.items()}


def _is_rewritable(value) -> bool:
    return type(value) in _REWRITABLE


def has_rewritten_text(record: dict, kind: str) -> bool:
    """Does a text field of this record hold a number or boolean YAML made of its text?
    Only a located read (see yaml_records) can tell what that text was."""
    get = record.get
    for key in _TEXT_KEY_TUPLES[kind]:
        if type(get(key)) in _REWRITABLE:
            return True
    if kind == "actors" and type(aliases := get("aliases")) is list:
        return any(type(alias) in _REWRITABLE for alias in aliases)
    if kind == "events":
        for key, entry_keys in _ENTRY_KEY_TUPLES.items():
            entries = get(key)
            for entry in entries if type(entries) is list else ():
                if isinstance(entry, dict):
                    for entry_key in entry_keys:
                        if type(entry.get(entry_key)) in _REWRITABLE:
                            return True
    return False


def keep_text_as_written(record: dict, kind: str) -> None:
    """Put back the text of text fields that YAML read as numbers or booleans: an id
    ``007`` stays '007' (not 7), a title ``1.50`` stays '1.50' (not 1.5). Needs a
    located read (``has_rewritten_text`` says when one is needed)."""
    _restore(record, TEXT_KEYS[kind])
    if isinstance(record.get("aliases"), list) and kind == "actors":
        aliases = record["aliases"]
        record["aliases"] = [text_of(aliases, index) for index in range(len(aliases))]
    for key, entry_keys in ENTRY_TEXT_KEYS.items() if kind == "events" else ():
        entries = record.get(key)
        for entry in entries if isinstance(entries, list) else ():
            if isinstance(entry, dict):
                _restore(entry, entry_keys)


def text_of(container, key):
    """The value at ``key``, as the text it was written as if YAML read a number or a
    boolean there; any other value unchanged."""
    value = as_written(container, key)
    return str(value) if _is_rewritable(value) else value


def _restore(mapping: dict, keys: set[str]) -> None:
    for key in keys:
        if _is_rewritable(mapping.get(key)):
            mapping[key] = text_of(mapping, key)
