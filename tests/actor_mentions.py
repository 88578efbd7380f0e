"""What actor finding links each mention to, for the tests of actor names and splits."""

from __future__ import annotations

from timeline.extract.actors import ActorBook, find_mentions
from timeline.extract.sentences import paragraphs


def mentions_of(text: str) -> tuple[ActorBook, dict[str, set[str]]]:
    """The book, and each mention's words -> the actors they were linked to."""
    book = ActorBook([], [])
    linked: dict[str, set[str]] = {}
    for mention in find_mentions(text, paragraphs(text), book, []):
        linked.setdefault(mention.text, set()).add(mention.actor_id)
    return book, linked
