"""Where a web page states its metadata: every Open Graph, ``<meta>``, JSON-LD,
``<link rel=canonical>``, ``<time>`` and ``lang`` value, with the tag and line it is on.

trafilatura and htmldate decide *which* title or date a page has; this module finds
*where* the page says it, so the front matter can name its evidence ("which meta tag").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import lxml.html

# schema.org types whose properties describe the article itself.
ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "backgroundnewsarticle",
    "blogposting",
    "webpage",
}
# <meta> names and properties per field, in the order they are trusted.
META_FIELDS = {
    "title": ("og:title", "twitter:title", "dc.title", "citation_title"),
    "publisher": ("og:site_name", "application-name", "dc.publisher", "publisher"),
    "author": (
        "author",
        "article:author",
        "dc.creator",
        "byl",
        "parsely-author",
        "sailthru.author",
    ),
    "url": ("og:url", "twitter:url"),
    "published": (
        "article:published_time",
        "og:published_time",
        "date",
        "pubdate",
        "publish-date",
        "dc.date",
        "dc.date.issued",
        "dcterms.created",
        "parsely-pub-date",
        "sailthru.date",
        "citation_publication_date",
    ),
    "language": ("og:locale", "content-language", "dc.language"),
}
JSON_LD_FIELDS = {
    "title": ("headline", "name"),
    "publisher": ("publisher",),
    "author": ("author",),
    "url": ("url", "mainEntityOfPage"),
    "published": ("datePublished", "dateCreated"),
    "language": ("inLanguage",),
}


@dataclass(frozen=True)
class Statement:
    """One place a page states a value: ``<meta property="og:title"> (line 8)``."""

    field: str
    value: str
    where: str
    line: int | None

    @property
    def evidence(self) -> str:
        return f"{self.where} (line {self.line})" if self.line else self.where


def page_statements(html: str) -> list[Statement]:
    """Every metadata value the page states, most trusted first within each field."""
    try:
        root = lxml.html.document_fromstring(html)
    except ValueError:
        # An XML declaration with an encoding in a str: parse the bytes instead.
        root = lxml.html.document_fromstring(html.encode("utf-8"))
    except lxml.etree.ParserError:  # nothing but white space or comments
        return []
    statements = _json_ld(root) + _meta(root) + _links_and_tags(root)
    order = {"JSON-LD": 0, "<meta": 1, "<link": 2, "<html": 3, "<time": 4, "<title": 5, "<h1": 6}
    return sorted(
        statements,
        key=lambda s: (s.field, next((v for k, v in order.items() if s.where.startswith(k)), 9)),
    )


def _text(value) -> str:
    return re.sub(r"\s+", " ", str(value)).strip()


def _meta(root) -> list[Statement]:
    found = []
    wanted = {name: key for key, names in META_FIELDS.items() for name in names}
    for meta in root.iter("meta"):
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            name = (meta.get(attribute) or "").strip().lower()
            if name in wanted and meta.get("content", "").strip():
                where = f'<meta {attribute}="{meta.get(attribute)}">'
                found.append(
                    Statement(wanted[name], _text(meta.get("content")), where, meta.sourceline)
                )
                break
    return found


def _links_and_tags(root) -> list[Statement]:
    found = []
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            found.append(
                Statement(
                    "url", link.get("href").strip(), '<link rel="canonical">', link.sourceline
                )
            )
    if root.get("lang"):
        found.append(
            Statement(
                "language",
                root.get("lang").strip(),
                f'<html lang="{root.get("lang")}">',
                root.sourceline,
            )
        )
    for time in root.iter("time"):
        if time.get("datetime"):
            where = f'<time datetime="{time.get("datetime")}">'
            found.append(
                Statement("published", time.get("datetime").strip(), where, time.sourceline)
            )
    for title in root.iter("title"):
        if _text(title.text_content()):
            found.append(
                Statement("title", _text(title.text_content()), "<title>", title.sourceline)
            )
            break
    for heading in root.iter("h1"):
        if _text(heading.text_content()):
            found.append(
                Statement("title", _text(heading.text_content()), "<h1>", heading.sourceline)
            )
            break
    return found


def _json_ld(root) -> list[Statement]:
    found = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue  # a broken block is the page's problem; other sources remain
        for item in _items(data):
            kind = item.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            kind_name = next((k for k in kinds if str(k).lower() in ARTICLE_TYPES), None)
            if kind_name is None:
                continue
            for key, properties in JSON_LD_FIELDS.items():
                for prop in properties:
                    value = _json_ld_value(item.get(prop))
                    if value:
                        where = f'JSON-LD {kind_name} "{prop}"'
                        found.append(Statement(key, value, where, script.sourceline))
                        break
    return found


def _items(data):
    """Every mapping of a JSON-LD block: top level, lists and ``@graph``."""
    if isinstance(data, list):
        for item in data:
            yield from _items(item)
    elif isinstance(data, dict):
        yield data
        yield from _items(data.get("@graph", []))


def _json_ld_value(value) -> str | None:
    """A property as text: names of people and organisations, ``@id`` of a page."""
    if isinstance(value, list):
        names = [_json_ld_value(item) for item in value]
        return ", ".join(name for name in names if name) or None
    if isinstance(value, dict):
        return _json_ld_value(value.get("name") or value.get("@id") or value.get("url"))
    if isinstance(value, str) and value.strip():
        return _text(value)
    return None
