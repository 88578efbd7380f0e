"""RSS 2.0 and Atom feeds (feedparser): one article per entry that carries its text,
with the entry's own title, link, author and date."""

from __future__ import annotations

import feedparser

from .found import FoundArticle, InputProblem, RawInput, Value, day_of
from .text_blocks import fragment_text

FEED_NAMES = {"rss": "RSS", "atom": "Atom", "rdf": "RSS 1.0", "cdf": "CDF"}


def looks_like_a_feed(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def read_feed(data: bytes, origin: str) -> list[FoundArticle | InputProblem]:
    """An article, or the problem that keeps it out, for every entry of the feed."""
    # Bytes, never a str: feedparser takes a str that looks like an address for a URL
    # to fetch, and nothing may be fetched but what the user passes to `timeline add`.
    parsed = feedparser.parse(data)
    kind = next((name for key, name in FEED_NAMES.items() if parsed.version.startswith(key)), None)
    if kind is None:
        detail = f": {parsed.bozo_exception}" if parsed.get("bozo_exception") else ""
        raise InputProblem(
            f"is not an RSS or Atom feed{detail}",
            hint="feeds are read from .xml, .rss and .atom files; a web page needs .html",
        )
    if not parsed.entries:
        raise InputProblem(
            f"the {kind} feed has no entries",
            hint="the feed may list only recent items; nothing was added from it",
        )
    raw = RawInput(data, ".xml", name=_feed_name(parsed, origin), shared=True)
    feed = parsed.feed
    shared: dict[str, Value] = {}
    if feed.get("title"):
        where = "<channel><title>" if kind.startswith("RSS") else "<feed><title>"
        shared["publisher"] = Value(feed.title, f"the {kind} feed's {where}", inferred=True)
    if feed.get("language"):
        where = "<language>" if kind.startswith("RSS") else "xml:lang"
        code = feed.language.replace("_", "-").split("-")[0].lower()
        shared["language"] = Value(code, f"the {kind} feed's {where} {feed.language!r}")
    return [
        _entry(entry, number, kind, shared, raw, origin)
        for number, entry in enumerate(parsed.entries, 1)
    ]


def _feed_name(parsed, origin: str) -> str:
    return parsed.feed.get("title") or origin


def _entry(entry, number: int, kind: str, shared, raw, origin: str) -> FoundArticle | InputProblem:
    item = "<item>" if kind.startswith("RSS") else "<entry>"
    label = f"entry {number}" + (f" {entry.title!r}" if entry.get("title") else "")
    notes = []
    if entry.get("content"):
        text = fragment_text(entry.content[0].value)
        where = "<content:encoded>" if kind.startswith("RSS") else "<content>"
    elif entry.get("summary"):
        text = fragment_text(entry.summary)
        where = "<description>" if kind.startswith("RSS") else "<summary>"
        notes.append("A feed may give only a summary there; the article's page is at the url.")
    else:
        text, where = "", ""
    if not text.strip():
        return InputProblem(
            f"{label} carries no text (only a title and a link)",
            hint=f"add the article's page itself: timeline add {entry.link}"
            if entry.get("link")
            else "save the article's page and add it",
            entry=f"entry {number}",
        )
    values = dict(shared)
    if entry.get("title"):
        values["title"] = Value(entry.title, f"the {kind} {item}'s <title> (entry {number})")
    if entry.get("link"):
        values["url"] = Value(entry.link, f"the {kind} {item}'s <link> (entry {number})")
    if entry.get("author"):
        values["author"] = Value(entry.author, f"the {kind} {item}'s author (entry {number})")
    published = _published(entry, kind, item, number)
    if published:
        values["published"] = published
    return FoundArticle(
        text=text + "\n",
        origin=f"{origin}, entry {number}",
        values=values,
        raw=raw,
        notes=[f"Text from {kind} feed entry {number}'s {where}.", *notes],
    )


def _published(entry, kind: str, item: str, number: int) -> Value | None:
    tag = "<pubDate>" if kind.startswith("RSS") else "<published>"
    if entry.get("published") and day_of(entry.published):
        return Value(
            day_of(entry.published),
            f"the {kind} {item}'s {tag} {entry.published!r} (entry {number})",
        )
    if entry.get("updated") and day_of(entry.updated):
        return Value(
            day_of(entry.updated),
            f"the {kind} {item} has no {tag}; its <updated> {entry.updated!r} (entry {number}) "
            "is the date it was last changed, no earlier than its publication",
            inferred=True,
        )
    return None
