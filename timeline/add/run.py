"""``add_articles``: every input read by the reader for its kind, checked against the
articles the folder already has, and written; one input's problem never stops the rest."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Problem
from .existing import SeedsIndex
from .feeds import looks_like_a_feed, read_feed
from .fetch import fetch_url, is_url
from .found import FoundArticle, InputProblem
from .html_page import read_page
from .plain_text import read_text
from .scraper_records import read_csv, read_json, read_json_lines
from .writer import choose_id, write_article

PAGE_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".xml", ".rss", ".atom"}
TEXT_SUFFIXES = {".txt", ".md", ".markdown"}


@dataclass
class Written:
    """One article written: where, from what, and with which values."""

    path: Path
    id: str
    origin: str
    raw: str | None  # relative to the seeds folder, as the front matter's ``raw`` says
    raw_file: Path | None
    article: FoundArticle
    replaced: bool = False


@dataclass
class Duplicate:
    """An input article the folder already holds (not written again)."""

    origin: str
    existing: Path
    reason: str


@dataclass
class AddResult:
    written: list[Written] = field(default_factory=list)
    duplicates: list[Duplicate] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def add_articles(
    inputs: list[str], seeds_dir: str | Path = "seeds", update: bool = False, fetch=fetch_url
) -> AddResult:
    """Write one seeds article per article found in ``inputs`` (files or URLs).

    ``update``: an article the folder already has (same canonical URL or same text) is
    replaced in place, keeping its id so records citing it still point at it.
    ``fetch``: how a URL is fetched (a test passes a stricter one).
    """
    seeds_dir = Path(seeds_dir)
    index = SeedsIndex(seeds_dir)
    result = AddResult()
    for name in inputs:
        try:
            found = _read_input(name, fetch)
        except InputProblem as problem:
            result.problems.append(Problem(problem.message, file=name, hint=problem.hint))
            continue
        for item in found:
            if isinstance(item, InputProblem):
                result.problems.append(Problem(item.message, file=name, hint=item.hint))
            else:
                _add_one(item, seeds_dir, index, update, result)
    return result


def _add_one(
    found: FoundArticle, seeds_dir: Path, index: SeedsIndex, update: bool, result: AddResult
) -> None:
    same = index.same_as(found)
    if same and not update:
        existing, reason = same
        result.duplicates.append(Duplicate(found.origin, existing.path, reason))
        return
    if same:
        existing, _ = same
        path, article_id = existing.path, existing.id
    else:
        path, article_id = None, choose_id(found, index.ids)
    path, raw = write_article(seeds_dir, found, article_id, path)
    index.remember(path, article_id, found.value("url"), found.text)
    result.written.append(
        Written(
            path,
            article_id,
            found.origin,
            raw,
            seeds_dir / raw if raw else None,
            found,
            replaced=bool(same),
        )
    )


def _read_input(name: str, fetch) -> list[FoundArticle | InputProblem]:
    if is_url(name):
        fetched = fetch(name)
        if (
            looks_like_a_feed(fetched.data)
            # application/rss+xml, application/atom+xml; not application/xhtml+xml
            or ("xml" in fetched.content_type and "html" not in fetched.content_type)
        ):
            return read_feed(fetched.data, name)
        return [read_page(fetched.data, name, fetched_from=fetched.url)]
    path = Path(name)
    if not path.is_file():
        raise InputProblem(
            "does not exist or is not a file",
            hint="give saved pages (.html), feeds (.xml), scraper output (.json, .jsonl, "
            ".csv), text (.txt, .md) or an http(s) URL",
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputProblem(f"cannot be read: {error.strerror}") from None
    suffix = path.suffix.lower()
    origin = path.name
    if suffix in PAGE_SUFFIXES:
        return [read_page(data, origin)]
    if suffix in FEED_SUFFIXES or looks_like_a_feed(data):
        return read_feed(data, origin)
    if suffix in TEXT_SUFFIXES:
        return [read_text(data, origin, suffix)]
    if suffix in (".json", ".jsonl", ".ndjson", ".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise InputProblem(
                f"is not UTF-8 text (byte 0x{data[error.start]:02x} at byte {error.start})",
                hint="scraper output is UTF-8; re-save the file as UTF-8",
            ) from None
        reader = {".json": read_json, ".csv": read_csv}.get(suffix, read_json_lines)
        return reader(text, origin)
    if b"<html" in data[:4096].lower():
        return [read_page(data, origin)]
    raise InputProblem(
        f"is not a kind of file timeline add reads ({suffix or 'no suffix'})",
        hint="saved pages (.html), feeds (.xml), scraper output (.json, .jsonl, .csv), "
        "text (.txt, .md)",
    )
