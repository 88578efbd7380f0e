"""The articles a seeds folder already holds, by canonical URL and by text, so the same
page or entry added twice is found instead of written twice."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import yaml

from ..articles import split_front_matter
from ..seeds import seed_file_paths
from .found import FoundArticle

# Query parameters that track a click, not name a page.
TRACKING_PARAMETERS = re.compile(r"^(utm_.*|fbclid|gclid|ocid|cmpid|ref|src)$", re.I)


@dataclass
class ExistingArticle:
    path: Path
    id: str
    url_key: str | None
    text_key: str


def url_key(url: str | None) -> str | None:
    """A URL as a key: case-folded host without ``www.``, no fragment, no tracking
    parameters, no trailing slash; http and https are the same page."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    if not parts.hostname:
        return None
    host = parts.hostname.lower().removeprefix("www.")
    query = urlencode(
        sorted((k, v) for k, v in parse_qsl(parts.query) if not TRACKING_PARAMETERS.match(k))
    )
    return urlunsplit(("", host, parts.path.rstrip("/") or "/", query, ""))


def text_key(text: str) -> str:
    """The same words in the same order, whatever the line breaks and spaces."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


class SeedsIndex:
    """Every article in the folder (any file the loader reads as one), by URL and text."""

    def __init__(self, seeds_dir: Path):
        self.articles: list[ExistingArticle] = []
        self.ids: set[str] = set()
        if seeds_dir.is_dir():
            for path in seed_file_paths(seeds_dir):
                if path.suffix.lower() in (".txt", ".md"):
                    self._read(path)

    def _read(self, path: Path) -> None:
        try:
            text = path.read_text(encoding="utf-8").removeprefix("\ufeff")
        except (OSError, UnicodeDecodeError):
            return  # the loader reports unreadable files; here they simply match nothing
        front_text, body, _ = split_front_matter(text)
        meta = {}
        if front_text is not None:
            try:
                meta = yaml.safe_load(front_text) or {}
            except yaml.YAMLError:
                meta = {}
        meta = meta if isinstance(meta, dict) else {}
        url = meta.get("url")
        url = url.get("value") if isinstance(url, dict) else url
        article_id = meta.get("id") if isinstance(meta.get("id"), str) else path.stem
        self.remember(path, article_id, url if isinstance(url, str) else None, body)

    def remember(self, path: Path, article_id: str, url: str | None, text: str) -> None:
        self.articles = [a for a in self.articles if a.path != path]
        self.articles.append(ExistingArticle(path, article_id, url_key(url), text_key(text)))
        self.ids.add(article_id)
        self.ids.add(path.stem)

    def same_as(self, found: FoundArticle) -> tuple[ExistingArticle, str] | None:
        """The article already in the folder that this one is, and why we think so."""
        key = url_key(found.value("url"))
        if key:
            for article in self.articles:
                if article.url_key == key:
                    return article, f"same canonical URL {found.value('url')}"
        key = text_key(found.text)
        for article in self.articles:
            if article.text_key == key:
                return article, "same text"
        return None
