"""A saved web page (or a fetched one): its main text by trafilatura, its date by
htmldate, and the tag each value was read from (``page_metadata``)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import htmldate
import trafilatura
from trafilatura.utils import decode_file

from .found import FoundArticle, InputProblem, RawInput, Value
from .page_metadata import Statement, page_statements

# Below this, what trafilatura finds is a menu, a form or a teaser, not an article.
MIN_ARTICLE_CHARACTERS = 200
MIN_SENTENCE_WORDS = 8
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)")
_BYLINE = re.compile(r"\b[Bb]y\s+([A-Z][^\n·|,]{2,60})")


def read_page(data: bytes, origin: str, fetched_from: str | None = None) -> FoundArticle:
    """The article of one HTML page; InputProblem when the page holds none."""
    if not data.strip():
        raise InputProblem("is empty", hint="save the page again from the browser")
    html = decode_file(data)
    statements = page_statements(html)
    page_url = _page_url(statements, fetched_from)
    document = trafilatura.bare_extraction(
        html,
        url=page_url.value if page_url else None,
        with_metadata=True,
        # Precision drops comment counters ("47 comments") and share-button rows that
        # the default mode keeps; comments themselves are never the article.
        favor_precision=True,
        include_comments=False,
        # Only dates the page's markup or URL states: a full-text search takes the
        # year of a "(c) 2025" footer for a publication date.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (document.text or "").strip() if document else ""
    if not _looks_like_an_article(text):
        shown = re.sub(r"\s+", " ", text)[:80]
        raise InputProblem(
            f"no article text found in the page (its main text is {len(text)} characters"
            + (f": {shown!r}" if shown else "")
            + ")",
            hint="a login page, an index or a page built by JavaScript; save the article's "
            "own page from the browser, or add its text as a .txt file",
        )
    values: dict[str, Value] = {}
    if page_url:
        values["url"] = page_url
    for key, found in (
        ("title", _title(document.title, statements)),
        ("author", _author(document.author, statements, text)),
        ("publisher", _publisher(document.sitename, statements, page_url)),
        ("published", _published(html, page_url, statements)),
        ("language", _language(statements)),
    ):
        if found:
            values[key] = found
    return FoundArticle(
        text=text + "\n",
        origin=origin,
        values=values,
        raw=RawInput(data, ".html", name=""),
    )


def _looks_like_an_article(text: str) -> bool:
    sentences = [line for line in text.splitlines() if len(line.split()) >= MIN_SENTENCE_WORDS]
    return len(text) >= MIN_ARTICLE_CHARACTERS and bool(sentences)


def _same(a: str, b: str) -> bool:
    return re.sub(r"\W+", " ", a).strip().casefold() == re.sub(r"\W+", " ", b).strip().casefold()


def _stated(key: str, value: str, statements: list[Statement]) -> Statement | None:
    return next((s for s in statements if s.field == key and _same(s.value, value)), None)


def _page_url(statements: list[Statement], fetched_from: str | None) -> Value | None:
    """The canonical URL the page gives, else og:url or JSON-LD, else where it came from."""
    urls = [s for s in statements if s.field == "url" and s.value.startswith(("http:", "https:"))]
    urls.sort(key=lambda s: not s.where.startswith("<link"))
    if urls:
        return Value(urls[0].value, urls[0].evidence)
    if fetched_from:
        return Value(
            fetched_from, "the address it was fetched from (the page names no canonical URL)"
        )
    return None


def _title(title: str | None, statements: list[Statement]) -> Value | None:
    if not title:
        return None
    stated = _stated("title", title, statements)
    if stated:
        return Value(title, stated.evidence)
    longer = next((s for s in statements if s.field == "title" and title in s.value), None)
    if longer:
        return Value(title, f"{longer.evidence} {longer.value!r}, without the site name", True)
    return Value(title, "trafilatura's choice from the page; no title tag states it", True)


def _author(author: str | None, statements: list[Statement], text: str) -> Value | None:
    if not author:
        return None
    stated = _stated("author", author, statements)
    if stated:
        return Value(author, stated.evidence)
    return Value(author, "trafilatura found it in the page's byline; no author tag states it", True)


def _publisher(
    sitename: str | None, statements: list[Statement], url: Value | None
) -> Value | None:
    if sitename:
        stated = _stated("publisher", sitename, statements)
        if stated:
            return Value(sitename, stated.evidence)
        return Value(
            sitename, "trafilatura's reading of the <title> (the page has no site-name tag)", True
        )
    if url:
        host = urlsplit(url.value).hostname
        if host:
            return Value(
                host,
                f"the host name of the page's URL ({url.evidence}); the page names no site",
                True,
            )
    return None


def _published(html: str, url: Value | None, statements: list[Statement]) -> Value | None:
    date = htmldate.find_date(
        html, url=url.value if url else None, original_date=True, extensive_search=False
    )
    if not date:
        return None
    digits = date.replace("-", "")
    for statement in statements:
        if statement.field == "published" and re.sub(r"\D", "", statement.value).startswith(digits):
            return Value(date, statement.evidence)
    if url:
        match = _URL_DATE.search(urlsplit(url.value).path)
        if (
            match
            and "".join(f"{int(part):02d}" for part in match.groups()) == digits[:4] + digits[4:]
        ):
            return Value(
                date, f"the date in the page's URL, {match.group(0)!r} ({url.evidence})", True
            )
    return Value(date, "htmldate found it in the page; no date tag states it", True)


def _language(statements: list[Statement]) -> Value | None:
    """The primary language subtag (``ru`` of ``ru-KZ``), as extraction decides by it."""
    for statement in statements:
        if statement.field == "language":
            code = re.split(r"[-_]", statement.value.strip())[0].lower()
            if re.fullmatch(r"[a-z]{2,3}", code):
                shown = "" if statement.value in statement.where else f" {statement.value!r}"
                return Value(code, f"{statement.evidence}{shown}")
    return None
