"""Which existing event an extracted event reports: merging candidates into the database.

A new article often retells a happening the database already holds, with a vaguer date
("last fall" for a meeting another article dates "September 23"). When the extracted
event and an existing one describe the same happening, the new sentence becomes one
more piece of evidence for the existing event and carries its date. Three things must
agree, each checked without looking at the words of any particular event:

* **dates**: one date range contains the other ("autumn 2025" holds 2025-09-23;
  "2025-09" lies in "2025-08/2025-09"). A range that merely overlaps is not enough: a
  "2025" attack would join a winter 2025/26 attack. A finer date joins a coarser event
  only when that event spans a season at most (a month, a season, a range recording
  disagreeing sources): an event known only to the year or longer ("the war will end
  this year") is too vague to be the one happening a day inside it reports;
* **type**: the existing event's type is one the sentence's words support (any keyword
  rule of ``events.TYPE_RULES`` that matches it, not only the first: "stated … does not
  recognise" supports both statement and recognition); a sentence no rule matches
  ("other") joins only an event typed "other";
* **actors**: they share an actor that is not a state (a person, body, organisation,
  outlet), or every actor of the existing event, two at least, is named in the sentence.
  States alone are weak evidence: in a corpus about two or three countries nearly every
  event has them.

When several existing events pass, the one sharing most actors wins, then the one with
the narrowest date (the most specific happening); a tie merges nothing. Disjoint dates,
other actors, or an unsupported type: no merge, the extracted event stays new.

A curated event's date never changes. An extracted event joined by a more precise
sentence takes that sentence's date ("last fall" in one article, then "on September 23"
in the next): nobody chose the vaguer one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from typing import Any

# The widest event (in days) a finer extracted date may join: a season.
VAGUEST_EVENT_DAYS = 92
# The columns that make up an event's date, copied when a finer sentence refines it.
DATE_FIELDS = (
    "date",
    "date_precision",
    "date_start",
    "date_end",
    "sort_key",
    "date_approximate",
    "date_uncertain",
    "date_expression",
    "date_inferred",
    "date_reasoning",
)


@dataclass(frozen=True)
class KnownEvent:
    """An event already in the database, reduced to what matching needs."""

    id: str
    type: str
    start: dt.date
    end: dt.date
    actor_ids: frozenset[str]

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def _day(value: Any) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value)[:10])


class EventIndex:
    """The database's events with their actors, indexed so that a candidate is compared
    only with events it could join: those sharing one of its actors that is not a state,
    and those whose actors are all among its own (a long load holds many events)."""

    # Subsets of a candidate's actors are looked up for the second kind; past this many
    # actors only the shared non-state actors are used.
    MAX_ACTORS_FOR_SUBSETS = 8

    def __init__(
        self,
        events: Iterable[dict[str, Any]],
        event_actors: Iterable[dict[str, Any]],
        actors: Iterable[dict[str, Any]],
    ):
        self.state_ids = {a["id"] for a in actors if a["type"] == "state"}
        linked: dict[str, set[str]] = {}
        for link in event_actors:
            linked.setdefault(link["event_id"], set()).add(link["actor_id"])
        self.known: dict[str, KnownEvent] = {}
        self.rows: dict[str, dict[str, Any]] = {}
        self.by_actor: dict[str, list[str]] = {}
        self.by_actor_set: dict[frozenset[str], list[str]] = {}
        for event in events:
            self.add(event, linked.get(event["id"], set()))

    def add(self, event: dict[str, Any], actor_ids: Iterable[str]) -> None:
        """Make one more event (a new extracted one, say) available for matching; its row
        is kept, so that ``refine`` changes the row the corpus holds."""
        if not event.get("date_start") or not event.get("date_end"):
            return  # an undated event cannot be matched by date
        known = KnownEvent(
            event["id"],
            event["type"],
            _day(event["date_start"]),
            _day(event["date_end"]),
            frozenset(actor_ids),
        )
        self.known[known.id] = known
        self.rows[known.id] = event
        for actor_id in known.actor_ids:
            self.by_actor.setdefault(actor_id, []).append(known.id)
        self.by_actor_set.setdefault(known.actor_ids, []).append(known.id)

    def refine(self, event_id: str, finer: dict[str, Any]) -> None:
        """Give an extracted event the date of a sentence that joined it, if that date is
        narrower (its row changes in place, so the corpus sees it)."""
        row, known = self.rows[event_id], self.known[event_id]
        start, end = _day(finer["date_start"]), _day(finer["date_end"])
        if row.get("origin") != "extracted" or (end - start).days + 1 >= known.days:
            return
        row.update({name: finer[name] for name in DATE_FIELDS if name in finer})
        self.known[event_id] = KnownEvent(known.id, known.type, start, end, known.actor_ids)

    def note_states(self, actors: Iterable[dict[str, Any]]) -> None:
        """Learn which newly extracted actors are states."""
        self.state_ids |= {a["id"] for a in actors if a["type"] == "state"}

    def match(
        self,
        event: dict[str, Any],
        actor_ids: Iterable[str],
        wording: Iterable[str],
        types: Iterable[str] | None = None,
    ) -> str | None:
        """The id of the existing event this extracted event reports, or None.
        ``wording``: the words it was typed from (they say which types it may have);
        ``types``: those types, when they were found once already (at extraction)."""
        types = set(types) if types is not None else wording_types(wording, event["type"])
        return best_match(self.ranked(event, set(actor_ids), types, self.state_ids))

    def ranked(
        self, event: dict[str, Any], actors: set[str], types: set[str], state_ids: set[str]
    ) -> list[tuple[int, int, str]]:
        """The events of this index the extracted event could report, each as
        (minus shared actors, days, id): best first once sorted (see ``best_match``).
        ``state_ids``: the actors that are states (weak evidence of the same happening)."""
        start, end = _day(event["date_start"]), _day(event["date_end"])
        ranked = []
        for event_id in could_join(self.by_actor, self.by_actor_set, actors, state_ids):
            known = self.known[event_id]
            rank = join_rank(
                start, end, types, actors, state_ids,
                known.type, known.start, known.end, known.actor_ids,
            )  # fmt: skip
            if rank is not None:
                ranked.append((*rank, known.id))
        return ranked


def could_join(by_actor: dict, by_actor_set: dict, actors: set[str], state_ids: set[str]) -> set:
    """What an index holds under an event's actors: the entries sharing one of its
    actors that is not a state, and those whose actors are all among its own (``by_actor``
    and ``by_actor_set`` map an actor id and a set of actor ids to entries)."""
    found: set = set()
    for actor_id in actors - state_ids:
        found.update(by_actor.get(actor_id, ()))
    if len(actors) <= EventIndex.MAX_ACTORS_FOR_SUBSETS:
        ordered = sorted(actors)
        for size in range(2, len(ordered) + 1):
            for subset in combinations(ordered, size):
                found.update(by_actor_set.get(frozenset(subset), ()))
    return found


def join_rank(
    start, end, types: set[str], actors: set[str], state_ids: set[str],
    known_type: str, known_start, known_end, known_actors: set[str] | frozenset[str],
) -> tuple[int, int] | None:  # fmt: skip
    """(minus shared actors, days) when an extracted event (its days, possible types and
    actors) may report a known one, else None: the one rule ``EventIndex`` and the
    replay of a resolution block (``clusters.BlockEvents``) both rank by."""
    if known_type not in types or not _nested(start, end, known_start, known_end):
        return None
    days = (known_end - known_start).days + 1
    finer = known_start < start or end < known_end
    if finer and days > VAGUEST_EVENT_DAYS:
        return None
    if not _same_participants(actors, known_actors, state_ids):
        return None
    return -len(actors & known_actors), days


def wording_types(wording: Iterable[str], fallback: str) -> set[str]:
    """Every type the words an event was typed from support (its own type when none)."""
    # Imported here: resolving stored extractions (a removal) needs no rule module.
    from .events import possible_types

    return set().union(*(possible_types(text) for text in wording)) or {fallback}


def best_match(ranked: list[tuple[int, int, str]]) -> str | None:
    """The id of the best candidate: most shared actors, then the narrowest date; a tie
    between two different events merges nothing (which one is a guess)."""
    if not ranked:
        return None
    ranked = sorted(ranked)
    if len(ranked) > 1 and ranked[0][:2] == ranked[1][:2]:
        return None
    return ranked[0][2]


def _same_participants(actors: set[str], theirs: frozenset[str], state_ids: set[str]) -> bool:
    shared = actors & theirs
    if shared - state_ids:
        return True
    return len(theirs) >= 2 and theirs <= actors


def _nested(start: dt.date, end: dt.date, other_start: dt.date, other_end: dt.date) -> bool:
    """One range contains the other."""
    return (start <= other_start and other_end <= end) or (
        other_start <= start and end <= other_end
    )
