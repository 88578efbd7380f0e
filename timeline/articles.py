"""Reading one article file: front matter, the body byte for byte, and its boilerplate."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .boilerplate import Span, blank_out, find_boilerplate
from .dates import day_in_file_name
from .errors import Problem, SeedError
from .fields import check_known_keys
from .front_matter import read_front_matter
from .yaml_records import line_of, load_yaml

ARTICLE_SUFFIXES = {".txt", ".md"}
# \Z, not $: "$" also matches before a final newline. 100 characters leaves room for the
# prefixes extraction adds (x-<source>-q12) within the 200 of the id columns.
SLUG_MAX_LENGTH = 100
SLUG = re.compile(rf"^(?=.{{1,{SLUG_MAX_LENGTH}}}\Z)[a-z0-9]+(?:-[a-z0-9]+)*\Z")
WANTED_KEYS = ("title", "publisher", "published")

_OPENING = re.compile(r"\A---[ \t]*\r?\n")
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.MULTILINE)


@dataclass
class Article:
    """One source, read and checked, ready to be written as a ``sources`` row."""

    id: str
    file_path: str
    text: str
    search_text: str
    content_hash: str
    file_hash: str
    front_matter_line: int
    seed_path: str = ""
    fields: dict[str, Any] = field(default_factory=dict)
    inferences: list[dict[str, str]] = field(default_factory=list)
    boilerplate: list[Span] = field(default_factory=list)
    # Front matter lists people facet on, and every key the front matter has that no
    # column holds (layout, draft, keywords, ...), kept as written.
    tags: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        """The title, or what the article does state when it prints no headline."""
        if self.fields.get("title"):
            return self.fields["title"]
        known = [self.fields.get("publisher"), self.fields.get("published")]
        stated = ", ".join(part for part in known if part)
        return f"{stated} (untitled)" if stated else f"{self.id} (untitled)"

    def row(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.fields.get("title"),
            "label": self.label,
            "publisher": self.fields.get("publisher"),
            "author": self.fields.get("author"),
            "url": self.fields.get("url"),
            "published": self.fields.get("published"),
            "published_precision": self.fields.get("published_precision"),
            "published_inferred": any(i["field"] == "published" for i in self.inferences),
            "language": self.fields.get("language") or "en",
            "notes": self.fields.get("notes"),
            "tags": _json_or_none(self.tags),
            "categories": _json_or_none(self.categories),
            "extra": _json_or_none(self.extra),
            "text": self.text,
            "search_text": self.search_text,
            "content_hash": self.content_hash,
            "file_path": self.file_path,
            "file_hash": self.file_hash,
            "seed_file": self.seed_path,
        }


def _json_or_none(value: Any) -> str | None:
    return json.dumps(value, ensure_ascii=False) if value else None


def slug_from_file_name(path: Path) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", path.stem.lower()).strip("-")
    return slug[:SLUG_MAX_LENGTH].strip("-") or "source"


def decode_utf8(data: bytes, display: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        binary = _binary_kind(data)
        raise SeedError(
            Problem(
                f"is not UTF-8 text (byte 0x{data[error.start]:02x} at byte {error.start})",
                file=display,
                line=line,
                hint=f"it looks like {binary}, not text; move it out of the seeds folder"
                if binary
                else "re-save the file as UTF-8",
            )
        ) from None


_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or .docx, .xlsx)",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Word or Excel document",
}


def _binary_kind(data: bytes) -> str | None:
    """What a file that is not text seems to be, if we can tell."""
    for magic, kind in _MAGIC.items():
        if data.startswith(magic):
            return kind
    return "a binary file" if b"\x00" in data[:8192] else None


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """(front matter or None, body, file line of the first front matter line).

    Unlike python-frontmatter, never strips anything: the body is every character
    after the closing ``---`` line.
    """
    opening = _OPENING.match(text)
    if not opening:
        return None, text, 0
    closing = _CLOSING.search(text, opening.end())
    if not closing:
        return None, text, 0
    return text[opening.end() : closing.start()], text[closing.end() :], 2


def read_article(
    path: Path, display: str, warnings: list[str], seed_path: str = "", data: bytes | None = None
) -> Article:
    """Read and check one article file; raise SeedError naming the file and line of
    every problem its front matter has. ``data``: the file's bytes, when the caller
    has already read them (a load reads each file once)."""
    if data is None:
        data = path.read_bytes()
    text = decode_utf8(data, display)
    # A leading byte-order mark is how some editors say "UTF-8", not a character of the
    # article: it stays in the file (file_hash), not in the body.
    text = text.removeprefix("\ufeff")
    front_text, body, first_line = split_front_matter(text)
    if front_text is None:
        meta: dict[str, Any] = {}
        warnings.append(f"{display}: no front matter; id, title, publisher and published missing")
    else:
        meta = load_yaml(front_text, display, first_line) or {}
        if not isinstance(meta, dict):
            raise SeedError(
                Problem("front matter must be a YAML mapping (key: value lines)", display, 2)
            )
    front = read_front_matter(meta, display, first_line or 1)
    problems = front.problems
    article_id = front.fields.pop("id", None)
    if article_id is None:
        article_id = slug_from_file_name(path)
        if front_text is not None:
            warnings.append(f"{display}: no id in front matter; using {article_id!r}")
    elif not SLUG.match(article_id):
        problems.append(
            Problem(
                f"source id {article_id!r} is not a slug",
                display,
                _key_line(meta, "id", first_line),
                hint=f"use lowercase letters, digits and hyphens, at most {SLUG_MAX_LENGTH}, "
                "e.g. aa-2025-08-11-call",
            )
        )
    patterns = _boilerplate_patterns(front.boilerplate, display, first_line, problems)
    if problems:
        raise SeedError(sorted(problems, key=lambda problem: problem.line or 0))
    spans = find_boilerplate(body, patterns)
    article = Article(
        id=article_id,
        file_path=display,
        text=body,
        search_text=blank_out(body, spans),
        content_hash=hashlib.sha256(body.encode("utf-8")).hexdigest(),
        file_hash=hashlib.sha256(data).hexdigest(),
        front_matter_line=first_line or 1,
        seed_path=seed_path,
        fields=front.fields,
        inferences=front.inferences,
        boilerplate=spans,
        tags=front.tags,
        categories=front.categories,
        extra=front.extra,
    )
    _check_raw(meta, path, seed_path, display, first_line, warnings)
    if "published" not in article.fields:
        _published_from_file_name(article, path, display, warnings)
    if front_text is not None:
        missing = [key for key in WANTED_KEYS if not article.fields.get(key)]
        if missing:
            warnings.append(f"{display}: front matter has no {', '.join(missing)}")
    return article


def _check_raw(
    meta: dict[str, Any], path: Path, seed_path: str, display: str, first_line: int, warnings
) -> None:
    """``raw``: the file under the seeds folder that holds the page this text came from."""
    raw = meta.get("raw")
    if not isinstance(raw, str):
        return  # absent, or refused as not text by the front matter reader
    line = _key_line(meta, "raw", first_line)
    if raw.startswith("/") or ".." in raw.split("/"):
        raise SeedError(
            Problem(
                f"raw {raw!r} must name a file inside the seeds folder",
                display,
                line,
                hint="write it relative to the seeds folder, e.g. raw: raw/page.html",
            )
        )
    seeds_root = path.parents[seed_path.count("/")] if seed_path else path.parent
    if seed_path and not (seeds_root / raw).is_file():
        warnings.append(f"{display}: raw {raw!r} is not in the seeds folder")


def _published_from_file_name(
    article: Article, path: Path, display: str, warnings: list[str]
) -> None:
    """A day in the file name (2025-08-10-some-title.md) is an inferred publication date;
    without one, say what a missing date costs."""
    day = day_in_file_name(path.stem)
    if day is None:
        warnings.append(
            f"{display}: no publication date, so its relative dates ('on Tuesday', 'last "
            "month') cannot be resolved; absolute ones ('in 1974', 'on 3 May 2025') still "
            "are (add published: to the front matter, or start the file name with the day: "
            "2025-08-10-title.md)"
        )
        return
    article.fields["published"], article.fields["published_precision"] = day, "day"
    article.inferences.append(
        {
            "field": "published",
            "value": day,
            "evidence": f"file name {path.name!r} gives the day {day}",
        }
    )
    warnings.append(f"{display}: publication date {day} inferred from the file name")


def _key_line(meta: dict[str, Any], key: str, first_line: int) -> int:
    return line_of(meta, first_line, key=key) or first_line


def _boilerplate_patterns(
    raw: Any, display: str, first_line: int, problems: list[Problem]
) -> list[tuple[re.Pattern, str]]:
    """Compile the declared patterns; each problem goes into ``problems``."""
    if raw is None:
        return []
    if not isinstance(raw, list):
        problems.append(
            Problem("boilerplate must be a list of {pattern, reason}", display, first_line)
        )
        return []
    patterns = []
    for entry in raw:
        try:
            patterns.append(_boilerplate_pattern(entry, display, first_line))
        except SeedError as error:
            problems.extend(error.problems)
    return patterns


def _boilerplate_pattern(entry: Any, display: str, first_line: int) -> tuple[re.Pattern, str]:
    if isinstance(entry, str):
        entry = {"pattern": entry, "reason": "declared boilerplate"}
    line = line_of(entry, first_line)
    if not isinstance(entry, dict) or not isinstance(entry.get("pattern"), str):
        raise SeedError(
            Problem(
                f"each boilerplate entry needs a pattern (text), got {entry!r}",
                display,
                line,
                hint="write - pattern: '^Share this' with reason: why it is page junk",
            )
        )
    check_known_keys(entry, {"pattern", "reason"}, display, line, "a boilerplate entry")
    if not entry["pattern"]:
        raise SeedError(
            Problem(
                "boilerplate pattern is empty: it would mark every line as page junk",
                display,
                line,
            )
        )
    try:
        compiled = re.compile(entry["pattern"])
    except re.error as error:
        raise SeedError(
            Problem(
                f"boilerplate pattern {entry['pattern']!r} is not a valid regular "
                f"expression: {error}",
                display,
                line,
            )
        ) from None
    return compiled, str(entry.get("reason") or "declared boilerplate")
