"""An article's text as HTML with every quote, evidence excerpt, figure and boilerplate span
marked at its character offsets.

Spans overlap (a quote inside an evidence sentence, a figure inside a quote), so the text
is cut at every span boundary into segments; each segment carries every span covering it
(``data-spans``) and its own offset (``data-start``), which is how tests check that a
highlight sits exactly where the database says. Offsets are Python string indexes, i.e.
Unicode code points, the same unit the loader stores.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape


@dataclass(frozen=True)
class Span:
    """A marked stretch of a source's text."""

    kind: str  # quote | evidence | figure | boilerplate
    key: str  # unique within the page, e.g. "quote:aa-call-q1"
    start: int
    end: int
    label: str = ""  # short marker shown before the span ("Q1"); none for boilerplate
    title: str = ""  # tooltip: who said it, which event it supports

    @property
    def anchor(self) -> str:
        return "span-" + self.key.replace(":", "-")

    @property
    def note_anchor(self) -> str:
        return "note-" + self.key.replace(":", "-")


def highlight(text: str, spans: list[Span]) -> Markup:
    """The text as escaped HTML with <mark> (or dimmed <span>) around every marked segment."""
    inside = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in inside), *(s.end for s in inside)})
    starting: dict[int, list[Span]] = {}
    for span in sorted(inside, key=lambda s: (s.start, -s.end)):
        starting.setdefault(span.start, []).append(span)
    # One sweep over the cuts keeps the spans covering the current segment (by their
    # place in ``inside``): a segment costs what covers it, not every span of the text
    # (10,000 highlights took 5 s the quadratic way).
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    for index, span in enumerate(inside):
        opening.setdefault(span.start, []).append(index)
        closing.setdefault(span.end, []).append(index)
    active: set[int] = set()
    parts: list[str] = []
    for begin, finish in zip(cuts, cuts[1:], strict=False):
        active.difference_update(closing.get(begin, ()))
        active.update(opening.get(begin, ()))
        for span in starting.get(begin, []):
            if span.label:
                parts.append(
                    f'<a class="marker marker-{span.kind}" id="{span.anchor}" '
                    f'href="#{span.note_anchor}" title="{escape(span.title)}">'
                    f"{escape(span.label)}</a>"
                )
        covering = [inside[index] for index in sorted(active)]
        segment = escape(text[begin:finish])
        if not covering:
            parts.append(str(segment))
            continue
        kinds = sorted({s.kind for s in covering})
        keys = " ".join(s.key for s in covering)
        classes = " ".join(f"k-{kind}" for kind in kinds)
        titles = "; ".join(s.title for s in covering if s.title)
        title = f' title="{escape(titles)}"' if titles else ""
        tag = "span" if kinds == ["boilerplate"] else "mark"
        parts.append(
            f'<{tag} class="{classes}" data-start="{begin}" data-spans="{escape(keys)}"{title}>'
            f"{segment}</{tag}>"
        )
    return Markup("".join(parts))
