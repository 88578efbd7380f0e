"""Checks shared by every kind of seed record: known keys, with a did-you-mean."""

from __future__ import annotations

import difflib
from collections.abc import Iterable

from .errors import Problem, SeedError
from .yaml_records import line_of


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
