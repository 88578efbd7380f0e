"""Reading one article file: front matter, the body byte for byte, and its boilerplate."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .boilerplate import Span, blank_out, find_boilerplate
from .dates import DateError, parse_published
from .errors import Problem, SeedError
from .fields import check_known_keys
from .yaml_records import line_of, load_yaml

ARTICLE_SUFFIXES = {".txt", ".md"}
# \Z, not $: "$" also matches before a final newline. 100 characters leaves room for the
# prefixes extraction adds (x-<source>-q12) within the 200 of the id columns.
SLUG_MAX_LENGTH = 100
SLUG = re.compile(rf"^(?=.{{1,{SLUG_MAX_LENGTH}}}\Z)[a-z0-9]+(?:-[a-z0-9]+)*\Z")
FRONT_MATTER_KEYS = {
    "id",
    "title",
    "publisher",
    "author",
    "url",
    "published",
    "language",
    "notes",
    "boilerplate",
    "raw",
}
INFERABLE_KEYS = ("title", "publisher", "author", "url", "published", "language")
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
            "text": self.text,
            "search_text": self.search_text,
            "content_hash": self.content_hash,
            "file_path": self.file_path,
            "file_hash": self.file_hash,
            "seed_file": self.seed_path,
        }


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


def read_article(path: Path, display: str, warnings: list[str], seed_path: str = "") -> Article:
    """Read and check one article file; raise SeedError naming the file and line."""
    data = path.read_bytes()
    text = decode_utf8(data, display)
    if text.startswith("\ufeff"):
        text = text[1:]
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
    check_known_keys(meta, FRONT_MATTER_KEYS, display, first_line or 1, "front matter")
    article_id = meta.get("id")
    if article_id is None:
        article_id = slug_from_file_name(path)
        if front_text is not None:
            warnings.append(f"{display}: no id in front matter; using {article_id!r}")
    elif not isinstance(article_id, str) or not SLUG.match(article_id):
        raise SeedError(
            Problem(
                f"source id {article_id!r} is not a slug",
                display,
                _key_line(meta, "id", first_line),
                hint=f"use lowercase letters, digits and hyphens, at most {SLUG_MAX_LENGTH}, "
                "e.g. aa-2025-08-11-call",
            )
        )
    patterns = _boilerplate_patterns(meta.get("boilerplate"), display, first_line)
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
        boilerplate=spans,
    )
    _read_fields(article, meta, display, first_line)
    _check_raw(meta, path, seed_path, display, first_line, warnings)
    if front_text is not None:
        missing = [key for key in WANTED_KEYS if not article.fields.get(key)]
        if missing:
            warnings.append(f"{display}: front matter has no {', '.join(missing)}")
    return article


def _read_fields(article: Article, meta: dict[str, Any], display: str, first_line: int) -> None:
    for key in ("title", "publisher", "author", "url", "published", "language", "notes"):
        raw = meta.get(key)
        if isinstance(raw, dict) and key in INFERABLE_KEYS:
            check_known_keys(raw, {"value", "inferred", "evidence"}, display, line_of(raw), key)
            value = raw.get("value")
            if raw.get("inferred") is True:
                if not raw.get("evidence"):
                    raise SeedError(
                        Problem(
                            f"{key} is marked inferred but gives no evidence",
                            display,
                            line_of(raw, first_line),
                            hint="add evidence: the words or reasoning it was inferred from",
                        )
                    )
                article.inferences.append(
                    {
                        "field": key,
                        "value": _text(value, key, display, line_of(raw, first_line)),
                        "evidence": _text(raw["evidence"], "evidence", display, line_of(raw)),
                    }
                )
            raw = value
        if raw is None:
            continue
        if key == "published":
            try:
                article.fields["published"], article.fields["published_precision"] = (
                    parse_published(raw)
                )
            except DateError as error:
                raise SeedError(
                    Problem(f"published: {error}", display, _key_line(meta, key, first_line))
                ) from None
        else:
            article.fields[key] = _text(raw, key, display, _key_line(meta, key, first_line))


def _check_raw(
    meta: dict[str, Any], path: Path, seed_path: str, display: str, first_line: int, warnings
) -> None:
    """``raw``: the file under the seeds folder that holds the page this text came from."""
    raw = meta.get("raw")
    if raw is None:
        return
    line = _key_line(meta, "raw", first_line)
    raw = _text(raw, "raw", display, line)
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


def _text(value: Any, key: str, display: str, line: int | None) -> str:
    """A front matter value as text; lists, mappings and !!binary are refused."""
    if isinstance(value, dt.date):
        return value.isoformat()
    kinds = {dict: "mapping", list: "list", set: "set", bytes: "binary value"}
    kind = next((name for cls, name in kinds.items() if isinstance(value, cls)), None)
    if kind:
        raise SeedError(
            Problem(
                f"{key} must be text, not a {kind}",
                display,
                line,
                hint="quote it if it is one value, e.g. title: '[Updated] ...'",
            )
        )
    return str(value)


def _key_line(meta: dict[str, Any], key: str, first_line: int) -> int:
    return line_of(meta, first_line, key=key) or first_line


def _boilerplate_patterns(raw: Any, display: str, first_line: int) -> list[tuple[re.Pattern, str]]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise SeedError(
            Problem("boilerplate must be a list of {pattern, reason}", display, first_line)
        )
    patterns = []
    for entry in raw:
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
        patterns.append((compiled, str(entry.get("reason") or "declared boilerplate")))
    return patterns
