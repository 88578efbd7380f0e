"""From a span of an added article back to the page it came from: the raw file its
front matter names, and the line of that file where the span's paragraph is."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import yaml
from trafilatura.utils import decode_file

from ..articles import split_front_matter


@dataclass(frozen=True)
class RawLocation:
    raw_file: Path
    line: int | None  # 1-based line of the raw file, None when the span is not found
    paragraph: str  # the article's line that holds the span


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def locate_span(article_path: str | Path, start: int, end: int) -> RawLocation:
    """Where ``text[start:end]`` of an added article (offsets as in ``sources``) is in
    its raw file. Each line of a page's article is the text of one element of the page,
    so the span's line is looked up among the page's elements; other raw files (feeds,
    scraper output) are searched for the line's words as written."""
    path = Path(article_path)
    front, body, _ = split_front_matter(path.read_text(encoding="utf-8"))
    raw = (yaml.safe_load(front or "") or {}).get("raw")
    if not raw:
        raise ValueError(f"{path}: no raw key in the front matter (not added by timeline add)")
    seeds_dir = path.parent.parent if path.parent.name == "articles" else path.parent
    raw_file = seeds_dir / raw
    line_start = body.rfind("\n", 0, start) + 1
    line_end = body.find("\n", end)
    paragraph = body[line_start : line_end if line_end >= 0 else len(body)]
    data = raw_file.read_bytes()
    if raw_file.suffix in (".html", ".htm", ".xhtml"):
        line = _element_line(decode_file(data), _words(paragraph))
    else:
        text = data.decode("utf-8", errors="replace")
        index = text.find(paragraph.strip()[:200])
        line = text.count("\n", 0, index) + 1 if index >= 0 else None
    return RawLocation(raw_file, line, paragraph)


def _element_line(html: str, wanted: str) -> int | None:
    """The line of the deepest element of the page's body whose text is the paragraph
    (or, failing that, holds it): an element's text is all of its descendants' text."""
    root = lxml.html.document_fromstring(html.encode("utf-8"))
    body = root.find("body")
    holding = [
        (text == wanted, depth, element.sourceline)
        for depth, element in _walk(body if body is not None else root, 0)
        if wanted and wanted in (text := _words(element.text_content()))
    ]
    return max(holding)[2] if holding else None


def _walk(element, depth):
    yield depth, element
    for child in element:
        if isinstance(child.tag, str):
            yield from _walk(child, depth + 1)
