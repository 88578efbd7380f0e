"""An event block's replay (extract.clusters.BlockEvents) matches as merging.EventIndex
does, event for event, while comparing copies of one event only once."""

from __future__ import annotations

import pytest

from timeline.extract.clusters import BlockEvents
from timeline.extract.merging import EventIndex, best_match

STATES = {"kazakhstan", "russia"}


def event(event_id, start, end, kind="meeting", precision="day"):
    return {
        "id": event_id,
        "type": kind,
        "date": start if start == end else f"{start}/{end}",
        "date_precision": precision,
        "date_start": start,
        "date_end": end,
        "origin": "extracted",
    }


def replay(index, articles):
    """Each event's outcome: the id it joined, or "new"; then every row as it ends. An
    article's own events join the block after the whole article (as in ``_events``)."""
    outcomes = []
    for steps in articles:
        added = []
        for row, actors, types in steps:
            existing = best_match(index.ranked(row, set(actors), set(types), STATES))
            if existing:
                index.refine(existing, row)
                outcomes.append(existing)
            else:
                added.append((dict(row), actors))
                outcomes.append("new")
        for row, actors in added:
            index.add(row, actors)
    return outcomes, {event_id: dict(row) for event_id, row in index.rows.items()}


CPC = ["kazakhstan", "cpc"]
BOTH = ["kazakhstan", "cpc", "eu"]
YEAR = ("2024-01-01", "2024-12-31")

CASES = {
    # Two equally good matches tie, and a tie merges nothing, so every later copy
    # stays new too: the case BlockEvents exists for.
    "copies after a tie stay new": (
        [
            [
                (event("a", *YEAR, "trade", "year"), ["kazakhstan", "cpc", "eu"], ["trade"]),
                (event("b", *YEAR, "trade", "year"), ["kazakhstan", "cpc", "ukraine"], ["trade"]),
            ],
            [(event("c", *YEAR, "trade", "year"), CPC, ["trade"])],
            [(event("d", *YEAR, "trade", "year"), CPC, ["trade"])],
            [(event("e", *YEAR, "trade", "year"), ["kazakhstan", "cpc", "eu"], ["trade"])],
        ],
        ["new", "new", "new", "new", "a"],
    ),
    "a copy joins the first event": (
        [
            [
                (event("a", "2024-03-05", "2024-03-05"), CPC, ["meeting"]),
            ],
            [
                (event("b", "2024-03-05", "2024-03-05"), CPC, ["meeting"]),
            ],
            [
                (event("c", "2024-03-05", "2024-03-05"), CPC, ["meeting"]),
            ],
        ],
        ["new", "a", "a"],
    ),
    # "last September" then "on September 23": the month event takes the day, and a
    # later report of the month still finds it under its new date.
    "a finer date refines the event it joins": (
        [
            [
                (event("a", "2024-09-01", "2024-09-30", precision="month"), CPC, ["meeting"]),
            ],
            [
                (event("b", "2024-09-23", "2024-09-23"), CPC, ["meeting"]),
            ],
            [
                (event("c", "2024-09-01", "2024-09-30", precision="month"), CPC, ["meeting"]),
            ],
            [
                (event("d", "2024-09-24", "2024-09-24"), CPC, ["meeting"]),
            ],
        ],
        ["new", "a", "a", "new"],
    ),
    "states alone join only an event whose actors are all named": (
        [
            [
                (event("a", "2024-05-01", "2024-05-01"), ["kazakhstan", "russia"], ["meeting"]),
            ],
            [
                (event("b", "2024-05-01", "2024-05-01"), ["kazakhstan"], ["meeting"]),
            ],
            [
                (
                    event("c", "2024-05-01", "2024-05-01"),
                    ["kazakhstan", "russia", "x"],
                    ["meeting"],
                ),
            ],
        ],
        ["new", "new", "a"],
    ),
    "another type or a disjoint date is another event": (
        [
            [
                (event("a", "2024-05-01", "2024-05-01"), CPC, ["meeting"]),
            ],
            [
                (event("b", "2024-05-01", "2024-05-01", "trade"), CPC, ["trade"]),
            ],
            [
                (event("c", "2024-05-02", "2024-05-02"), CPC, ["meeting"]),
            ],
            [
                (event("d", "2024-05-01", "2024-05-01", "statement"), CPC, ["statement", "trade"]),
            ],
        ],
        ["new", "new", "new", "b"],
    ),
}


@pytest.mark.parametrize("name", CASES)
def test_a_block_replays_as_the_event_index_does(name):
    steps, expected = CASES[name]
    outcomes, rows = replay(BlockEvents(), steps)
    assert outcomes == expected
    assert (outcomes, rows) == replay(EventIndex((), (), ()), steps)


def test_many_copies_of_a_tied_event_are_compared_once():
    articles = CASES["copies after a tie stay new"][0][:1]
    copies = [[(event(f"c{n:04d}", *YEAR, "trade", "year"), CPC, ["trade"])] for n in range(300)]
    index = BlockEvents()
    outcomes, _ = replay(index, articles + copies)
    assert outcomes == ["new"] * 302
    # 302 events in three shapes (a, b, the copies): the next copy is ranked against a,
    # b and two of the 300 copies, not against 302 events.
    assert len(index.ids) == 3
    assert len(index.ranked(copies[0][0][0], set(CPC), {"trade"}, STATES)) == 4
