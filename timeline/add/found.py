"""What every reader of an input hands the writer: an article's text and its values,
each with the evidence it was read or inferred from."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from dataclasses import dataclass, field
from typing import Any

# Front matter keys an input can give a value for, in the order they are written.
FIELDS = ("title", "publisher", "author", "url", "published", "language")


@dataclass(frozen=True)
class Value:
    """One front matter value and where it came from.

    ``inferred`` is false when the input states the value in a field made for it (a
    page's ``og:title``, a feed entry's ``<published>``, a record's ``date_publish``)
    and true when it was worked out from something else (the date in a URL, the
    first line of a text, the host name standing in for the site's name).
    """

    value: str
    evidence: str
    inferred: bool = False


@dataclass(frozen=True)
class RawInput:
    """The original bytes an article came from, kept under ``seeds/raw/``.

    ``shared``: the input holds several articles (a feed, a JSON Lines file), so its
    bytes are stored once, under a name taken from their hash, for all of them.
    """

    data: bytes
    suffix: str
    name: str
    shared: bool = False


@dataclass
class FoundArticle:
    """An article read from an input, ready to be written as a seeds article."""

    text: str
    origin: str  # the input, as the user named it, and the entry when it holds several
    values: dict[str, Value] = field(default_factory=dict)
    raw: RawInput | None = None
    notes: list[str] = field(default_factory=list)
    # Front matter the input already had (a Markdown file), written back as it was.
    kept_front_matter: dict[str, Any] = field(default_factory=dict)

    def value(self, key: str) -> str | None:
        if key in self.kept_front_matter:
            kept = self.kept_front_matter[key]
            kept = kept.get("value") if isinstance(kept, dict) else kept
            return None if kept is None else str(kept)
        found = self.values.get(key)
        return found.value if found else None


class InputProblem(Exception):
    """An input (or one entry of it) that gives no article: named, with what to do.

    ``entry``: which entry of an input holding several ("entry 3", "line 2").
    """

    def __init__(self, message: str, hint: str | None = None, entry: str | None = None):
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.entry = entry


def day_of(text: str) -> str | None:
    """The calendar day a timestamp names, in its own time zone (ISO 8601 or RFC 822).

    A feed's "Sat, 12 Apr 2025 01:30:00 +0600" is the 12th where it was published,
    though the 11th in UTC; the article's date is the one its readers saw.
    """
    text = text.strip()
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})(?:[T ]|$)", text)
    if match:
        try:
            return dt.date(*map(int, match.groups())).isoformat()
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
