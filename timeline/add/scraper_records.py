"""What news scrapers write: JSON and JSON Lines as news-please and newspaper4k save
articles, and CSV with a header naming the same columns."""

from __future__ import annotations

import csv
import io
import json
from typing import Any
from urllib.parse import urlsplit

from .found import FoundArticle, InputProblem, RawInput, Value, day_of

# Each front matter key and the record fields that give it, first found wins:
# news-please writes maintext / date_publish / language / source_domain, newspaper4k
# text / publish_date / meta_lang / source_url.
RECORD_FIELDS = {
    "title": ("title", "title_page", "title_rss", "headline"),
    "author": ("authors", "author", "byline"),
    "url": ("url", "canonical_link", "link"),
    "published": ("date_publish", "publish_date", "published", "date"),
    "language": ("language", "meta_lang", "lang"),
}
TEXT_FIELDS = ("maintext", "text", "body", "content")
SITE_FIELDS = ("source_domain", "source_url", "sitename", "publisher")


def read_json(data: str, origin: str) -> list[FoundArticle | InputProblem]:
    """One record (a JSON object) or several (a JSON array of objects)."""
    try:
        content = json.loads(data)
    except ValueError as error:
        raise InputProblem(
            f"is not valid JSON: {error}",
            hint="news-please and newspaper4k write one object per file, or one per line "
            "in a .jsonl file",
        ) from None
    records = content if isinstance(content, list) else [content]
    raw = RawInput(data.encode("utf-8"), ".json", name=origin, shared=len(records) > 1)
    where = "record {}" if isinstance(content, list) else "the record"
    return [
        _record(record, where.format(number), origin, raw)
        for number, record in enumerate(records, 1)
    ]


def read_json_lines(data: str, origin: str) -> list[FoundArticle | InputProblem]:
    raw = RawInput(data.encode("utf-8"), ".jsonl", name=origin, shared=True)
    found: list[FoundArticle | InputProblem] = []
    for number, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError as error:
            found.append(
                InputProblem(f"line {number} is not valid JSON: {error}", entry=f"line {number}")
            )
            continue
        found.append(_record(record, f"line {number}", origin, raw))
    if not found:
        raise InputProblem("holds no records (every line is empty)")
    return found


def read_csv(data: str, origin: str) -> list[FoundArticle | InputProblem]:
    reader = csv.DictReader(io.StringIO(data, newline=""))
    columns = {name.strip().lower() for name in reader.fieldnames or []}
    if not columns & set(TEXT_FIELDS):
        raise InputProblem(
            f"has no text column (its header: {', '.join(reader.fieldnames or []) or 'none'})",
            hint="name the article text column 'text' or 'maintext'; other columns: title, "
            "authors, date_publish, url, language",
        )
    raw = RawInput(data.encode("utf-8"), ".csv", name=origin, shared=True)
    found: list[FoundArticle | InputProblem] = []
    while True:
        # The line a row starts on: a quoted text column spans several lines.
        start = reader.line_num + 1
        row = next(reader, None)
        if row is None:
            break
        record = {(key or "").strip().lower(): value for key, value in row.items()}
        found.append(_record(record, f"line {start}", origin, raw, authors_split=";"))
    if not found:
        raise InputProblem("has a header but no rows")
    return found


def _record(
    record: Any, where: str, origin: str, raw: RawInput, authors_split: str | None = None
) -> FoundArticle | InputProblem:
    entry = where if where != "the record" else None
    if not isinstance(record, dict):
        return InputProblem(f"{where} is not an object with fields", entry=entry)
    text_field = next((key for key in TEXT_FIELDS if _present(record.get(key))), None)
    if text_field is None:
        title = record.get("title")
        named = f" {title!r}" if isinstance(title, str) and title else ""
        return InputProblem(
            f"{where}{named} has no text ({' or '.join(TEXT_FIELDS[:2])} is empty or missing)",
            hint="the scraper saved no article body; re-run it, or add the page itself",
            entry=entry,
        )
    values: dict[str, Value] = {}
    for key, names in RECORD_FIELDS.items():
        name = next((n for n in names if _present(record.get(n))), None)
        if name is None:
            continue
        value = record[name]
        if key == "author":
            value = _authors(value, authors_split)
        elif key == "published":
            day = day_of(str(value))
            if day is None:
                continue  # an unreadable date is left out, not guessed
            value = day
        elif key == "language":
            value = str(value).replace("_", "-").split("-")[0].lower()
        if value:
            values[key] = Value(str(value), f"field {name!r} of {where}")
    site = next((n for n in SITE_FIELDS if _present(record.get(n))), None)
    if site == "publisher":
        values["publisher"] = Value(str(record[site]), f"field {site!r} of {where}")
    elif site:
        host = urlsplit(str(record[site])).hostname or str(record[site]).strip()
        values["publisher"] = Value(
            host,
            f"field {site!r} of {where}: the site's address, standing in for its name",
            inferred=True,
        )
    text = str(record[text_field]).strip("\n")
    return FoundArticle(
        text=text + "\n",
        origin=f"{origin}, {where}" if entry else origin,
        values=values,
        raw=raw,
        notes=[f"Text from field {text_field!r} of {where}."],
    )


def _present(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    return value not in (None, [], {})


def _authors(value: Any, split: str | None) -> str:
    if isinstance(value, list):
        return ", ".join(str(name).strip() for name in value if str(name).strip())
    text = str(value).strip()
    if split and split in text:
        return ", ".join(part.strip() for part in text.split(split) if part.strip())
    return text
