"""HTML fragments (a feed entry's content) as plain text: one line per paragraph."""

from __future__ import annotations

import re

import lxml.html

BLOCKS = {"p", "div", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "tr", "br"}


def fragment_text(fragment: str) -> str:
    """The text of an HTML fragment, a line per block element, entities decoded.

    trafilatura looks for a page's main text and drops a one-paragraph fragment as
    too short; a feed entry's content is all text already, so it is only unwrapped.
    """
    if "<" not in fragment:
        return _lines(fragment)
    try:
        elements = lxml.html.fragments_fromstring(fragment)
    except (ValueError, lxml.etree.ParserError):
        return _lines(fragment)
    parts: list[str] = []
    for element in elements:
        if isinstance(element, str):
            parts.append(element)
        else:
            _collect(element, parts)
    return _lines("".join(parts))


def _collect(element, parts: list[str]) -> None:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag in ("script", "style"):
        parts.append(element.tail or "")
        return
    block = tag.lower() in BLOCKS
    if block:
        parts.append("\n")
    parts.append(element.text or "")
    for child in element:
        _collect(child, parts)
    if block:
        parts.append("\n")
    parts.append(element.tail or "")


def _lines(text: str) -> str:
    # HTML's own white space only: a no-break space is a character of the text.
    lines = (re.sub(r"[ \t\r\f]+", " ", line).strip(" \t\r\f") for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
