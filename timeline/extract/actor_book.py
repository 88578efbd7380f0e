"""The actors an extraction can link mentions to, looked up by any spelling, and the
mentions that link to them."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from .gazetteer import DEMONYMS
from .names import name_key, same_but_middle, same_name, slug, transliteration_key
from .nicknames import formal_name
from .state_names import _state_of
from .vocabulary import ROLE_NOUNS

# Generational suffixes after a surname: "Robert F. Kennedy Jr." is "Kennedy" alone.
_NAME_SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})


def surname(form: str) -> str:
    """The last word of a person's name that is not a generational suffix."""
    words = form.split()
    while len(words) > 1 and words[-1] in _NAME_SUFFIXES:
        words.pop()
    return words[-1]


@dataclass
class BookActor:
    """An actor extraction can link mentions to."""

    id: str
    name: str
    type: str
    description: str | None = None
    origin: str = "curated"
    forms: list[str] = field(default_factory=list)
    # (role noun, state or None): ('president', 'Kazakhstan') from "Kazakh President X".
    roles: set[tuple[str, str | None]] = field(default_factory=set)
    # For an extracted actor: the rule that made it, and the words it rests on.
    method: str = ""
    basis: str = ""


@dataclass
class Mention:
    """A stretch of text naming an actor."""

    start: int
    end: int
    text: str
    actor_id: str
    in_quote: bool = False
    # One of the people a plural phrase names ("the presidents"): never what a singular
    # "he", "she" or "the president" stands for.
    plural: bool = False


class MentionIndex:
    """Mentions sorted by offset, for the ones inside or before a stretch of text without
    scanning them all (a scan per sentence or quote is quadratic on a long article)."""

    def __init__(self, mentions: Iterable[Mention]):
        self.mentions = sorted(mentions, key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]

    def between(self, start: int, end: int) -> list[Mention]:
        """Mentions that start in [start, end), in order."""
        return self.mentions[bisect_left(self.starts, start) : bisect_left(self.starts, end)]

    def inside(self, start: int, end: int) -> list[Mention]:
        """Mentions lying wholly in [start, end), in order."""
        return [m for m in self.between(start, end) if m.end <= end]

    def before(self, position: int) -> Iterator[Mention]:
        """Mentions that start before a position, nearest first."""
        for index in range(bisect_left(self.starts, position) - 1, -1, -1):
            yield self.mentions[index]


class ActorBook:
    """Known actors plus those an extraction creates, looked up by any spelling."""

    def __init__(self, known_actors: list[dict], known_aliases: list[dict]):
        self.actors: dict[str, BookActor] = {}
        self._by_key: dict[str, str] = {}
        self._by_transliteration: dict[str, str] = {}
        # People by their name with a nickname written out: "Larry Lessig" -> "lawrence
        # lessig", so the nickname and the given name find one actor.
        self._by_formal: dict[str, str] = {}
        # Every leading run of words of a known spelling ("ann", "ann lee" for "Ann Lee
        # Park"): a token that starts none is passed over at once, and a phrase is read
        # only as far as some spelling still begins with it.
        self.prefixes: set[str] = set()
        # find() answers, forgotten whenever a spelling is added: a long article names
        # the same unknown people again and again, and each fuzzy look-up scans everyone.
        self._found: dict[tuple[str, str | None], str | None] = {}
        for row in known_actors:
            actor = BookActor(
                row["id"],
                row["name"],
                row["type"],
                row.get("description"),
                row.get("origin", "curated"),
            )
            actor.roles |= roles_in_description(actor.description)
            self.actors[actor.id] = actor
            self._index(actor.id, actor.name)
        for row in known_aliases:
            if row["actor_id"] in self.actors:
                self._index(row["actor_id"], row["alias"])

    def _index(self, actor_id: str, form: str) -> None:
        actor = self.actors[actor_id]
        self._found.clear()
        if form not in actor.forms:
            actor.forms.append(form)
        key = name_key(form)
        self._by_key.setdefault(key, actor_id)
        self._by_transliteration.setdefault(transliteration_key(form), actor_id)
        if actor.type == "person" and " " in form:
            self._by_formal.setdefault(name_key(formal_name(form)), actor_id)
        words = key.split()
        for size in range(1, len(words) + 1):
            self.prefixes.add(" ".join(words[:size]))

    def by_exact_key(self, key: str) -> str | None:
        return self._by_key.get(key)

    def find(self, name: str, actor_type: str | None = None) -> str | None:
        """The actor this spelling names: exact alias, transliteration, then fuzzy match."""
        if found := self._by_key.get(name_key(name)):
            return found
        if found := self._by_transliteration.get(transliteration_key(name)):
            return found
        if actor_type not in (None, "person") or len(name) < 5:
            return None
        if " " in name and (found := self._by_formal.get(name_key(formal_name(name)))):
            return found  # "Larry Lessig" after "Lawrence Lessig", and the other way
        if (name, actor_type) not in self._found:
            candidates = [
                actor.id
                for actor in self.actors.values()
                if actor.type == "person"
                and any(
                    same_name(name, form) or same_but_middle(name, form) for form in actor.forms
                )
            ]
            self._found[name, actor_type] = candidates[0] if len(set(candidates)) == 1 else None
        return self._found[name, actor_type]

    def find_surname(self, word: str, mentioned: Iterable[str]) -> str | None:
        """A person named by surname alone: one already mentioned, else one known actor."""
        for pool in (mentioned, list(self.actors)):
            matches = {
                actor_id
                for actor_id in pool
                if self.actors[actor_id].type == "person"
                and any(same_name(word, surname(form)) for form in self.actors[actor_id].forms)
            }
            if len(matches) == 1:
                return matches.pop()
            if matches:
                return None
        return None

    def surname_of_mentioned(self, word: str, mentioned: Iterable[str]) -> str | None:
        """The one person already mentioned by a name of two or more words ending in this
        word ("Burton" after "Tim Burton"), or None (nobody, or two such people)."""
        matches = {
            actor_id
            for actor_id in mentioned
            if self.actors[actor_id].type == "person"
            and any(
                len(form.split()) > 1 and same_name(word, surname(form))
                for form in self.actors[actor_id].forms
            )
        }
        return matches.pop() if len(matches) == 1 else None

    def add(self, name: str, actor_type: str, method: str = "", basis: str = "") -> str:
        """Create an extracted actor; its id is the slug of its name, made unique."""
        base = slug(name)
        actor_id, number = base, 2
        while actor_id in self.actors:
            actor_id, number = f"{base}-{number}", number + 1
        self.actors[actor_id] = BookActor(
            actor_id, name, actor_type, origin="extracted", method=method, basis=basis
        )
        self._index(actor_id, name)
        return actor_id

    def fold(self, actor_id: str, into_id: str) -> None:
        """Make an extracted actor one more spelling of another: its forms become the
        other's, and every look-up that found it finds the other."""
        for table in (self._by_key, self._by_transliteration, self._by_formal):
            for key, found in table.items():
                if found == actor_id:
                    table[key] = into_id
        for form in self.actors.pop(actor_id).forms:
            self._index(into_id, form)

    def remember(self, actor_id: str, form: str) -> None:
        """Record a new spelling of an actor, so later mentions link without fuzzing."""
        self._index(actor_id, form)


@lru_cache(maxsize=4096)
def roles_in_description(description: str | None) -> frozenset[tuple[str, str | None]]:
    """Roles a curated description states: "President of Kazakhstan" -> ('president', ...).
    Remembered: every article of a load builds its book from the same curated actors."""
    if not description:
        return frozenset()
    words = re.findall(r"[\w-]+", description)
    states = {DEMONYMS.get(w) or _state_of(w) for w in words} - {None}
    found: set[tuple[str, str | None]] = set()
    for word in words:
        role = word.lower()
        if role in ROLE_NOUNS:
            found.add((role, None))
            found |= {(role, state) for state in states}
    return frozenset(found)
