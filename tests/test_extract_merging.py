"""Merging: an extracted event joins the existing event it reports, and only that one."""

from __future__ import annotations

import pytest

from timeline.articles import read_article
from timeline.extract.evaluate import database_without
from timeline.extract.merging import EventIndex
from timeline.extract.pipeline import extract_article, merge_extraction
from timeline.validate import Corpus

from .conftest import FIXTURES

ARTICLES = FIXTURES / "extract" / "articles"

ACTORS = [
    {"id": "ana-rusu", "name": "Ana Rusu", "type": "person"},
    {"id": "mircea-dobre", "name": "Mircea Dobre", "type": "person"},
    {"id": "ion-leahu", "name": "Ion Leahu", "type": "person"},
    {"id": "moldova", "name": "Moldova", "type": "state"},
    {"id": "romania", "name": "Romania", "type": "state"},
]


def event(event_id, date_start, date_end, kind="meeting", origin="curated", **more):
    return {
        "id": event_id,
        "type": kind,
        "date": more.pop("date", date_start),
        "date_start": date_start,
        "date_end": date_end,
        "origin": origin,
        **more,
    }


def index_of(*events_with_actors):
    events = [e for e, _ in events_with_actors]
    links = [
        {"event_id": e["id"], "actor_id": a} for e, actors in events_with_actors for a in actors
    ]
    return EventIndex(events, links, ACTORS)


NEW_YORK_MEETING = event("2025-09-23-meeting", "2025-09-23", "2025-09-23")
PRESIDENTS = ["ana-rusu", "mircea-dobre"]
MET = ["the presidents met on the sidelines"]


@pytest.mark.parametrize(
    ("candidate", "actors", "wording", "expected", "why"),
    [
        (("2025-09-01", "2025-11-30"), PRESIDENTS, MET, "2025-09-23-meeting",
         "'last fall' contains the day another article gives"),
        (("2025-09-23", "2025-09-23"), ["ana-rusu", "romania"], MET, "2025-09-23-meeting",
         "one shared person is enough"),
        (("2025-12-01", "2026-02-28"), PRESIDENTS, MET, None, "disjoint dates"),
        (("2025-01-01", "2025-09-30"), PRESIDENTS, MET, "2025-09-23-meeting",
         "a range holding the day"),
        (("2025-09-20", "2025-10-05"), ["ion-leahu"], MET, None, "other actors"),
        (("2025-09-23", "2025-09-23"), PRESIDENTS, ["the presidents signed a deal"], None,
         "the words support no meeting"),
        (("2025-09-23", "2025-09-23"), PRESIDENTS, ["the other went unnoticed"], None,
         "'other' joins only 'other'"),
    ],
)  # fmt: skip
def test_candidate_joins_only_an_event_it_can_report(candidate, actors, wording, expected, why):
    index = index_of((NEW_YORK_MEETING, PRESIDENTS))
    found = index.match(event("x", *candidate), actors, wording)
    assert found == expected, why


def test_dates_that_only_overlap_do_not_merge():
    winter = event("winter-strikes", "2025-12-01", "2026-02-28", kind="attack")
    index = index_of((winter, ["moldova", "ion-leahu"]))
    in_2025 = event("x", "2025-01-01", "2025-12-31", kind="attack")
    assert index.match(in_2025, ["moldova", "ion-leahu"], ["an attack"]) is None


def test_a_precise_date_does_not_join_a_vague_event():
    whole_year = event("forecast-2026", "2026-01-01", "2026-12-31", kind="statement")
    two_months = event("took-office", "2025-08-01", "2025-09-30", kind="statement")
    index = index_of((whole_year, ["ion-leahu"]), (two_months, ["ion-leahu"]))
    day = event("x", "2026-02-25", "2026-02-25")
    assert index.match(day, ["ion-leahu"], ["Leahu said"]) is None
    month = event("y", "2025-09-01", "2025-09-30")
    assert index.match(month, ["ion-leahu"], ["Leahu said"]) == "took-office"


def test_states_alone_need_every_actor_of_the_event():
    pipeline = event("gas-talks", "2021-06-01", "2021-06-30", kind="negotiation")
    index = index_of((pipeline, ["moldova", "romania"]))
    june = event("x", "2021-06-01", "2021-06-30")
    assert index.match(june, ["moldova"], ["negotiations went on"]) is None
    assert (
        index.match(june, ["moldova", "romania", "ion-leahu"], ["negotiations went on"])
        == "gas-talks"
    )


def test_any_supported_type_may_match_not_only_the_first():
    speech = event("forum-speech", "2022-06-17", "2022-06-17", kind="statement")
    index = index_of((speech, ["ana-rusu"]))
    words = ["Rusu stated that Moldova does not recognise the vote"]  # recognition first
    assert index.match(event("x", "2022-01-01", "2022-12-31"), ["ana-rusu"], words) == (
        "forum-speech"
    )


def test_most_shared_actors_then_narrowest_date_win_and_a_tie_merges_nothing():
    stance = event("stance", "2022-01-01", "2026-02-28", kind="statement")
    forum = event("forum", "2022-06-01", "2022-06-30", kind="statement")
    index = index_of((stance, ["ana-rusu", "moldova"]), (forum, ["ana-rusu", "moldova"]))
    in_2022 = event("x", "2022-01-01", "2022-12-31")
    assert index.match(in_2022, ["ana-rusu", "moldova"], ["Rusu stated"]) == "forum"
    twin = event("forum-twin", "2022-06-01", "2022-06-30", kind="statement")
    index.add(twin, ["ana-rusu", "moldova"])
    assert index.match(in_2022, ["ana-rusu", "moldova"], ["Rusu stated"]) is None


def read(name):
    path = ARTICLES / f"{name}.txt"
    return read_article(path, path.name, [])


def corpus_with(*events_with_actors):
    return Corpus(
        actors=list(ACTORS),
        events=[dict(e) for e, _ in events_with_actors],
        event_actors=[
            {"event_id": e["id"], "actor_id": a, "role": "participant", "origin": "curated"}
            for e, actors in events_with_actors
            for a in actors
        ],
    )


def test_last_fall_joins_the_meeting_another_article_dates_and_carries_its_date():
    curated = event("2025-09-23-meeting", "2025-09-23", "2025-09-23", date="2025-09-23")
    corpus = corpus_with((curated, PRESIDENTS))
    extraction = extract_article(read("patterns-merging"), ACTORS, [])
    renamed = merge_extraction(corpus, extraction)
    evidence = [s for s in corpus.event_sources if s["event_id"] == "2025-09-23-meeting"]
    assert [s["excerpt"][:26] for s in evidence] == ["After a long pause, the pr"]
    assert "2025-09-23-meeting" in renamed.values()
    assert next(e for e in corpus.events if e["id"] == "2025-09-23-meeting")["date"] == (
        "2025-09-23"  # a curated date never changes
    )


@pytest.mark.parametrize(
    ("existing_day", "merges"),
    [("2025-08-31", True), ("2025-09-07", False), ("2025-08-24", False)],
)
def test_weekday_across_a_month_boundary_joins_only_that_day(existing_day, merges):
    # Published Tuesday 2 September: "on Sunday" is 31 August, in the month before.
    call = event("call", existing_day, existing_day, kind="phone_call")
    corpus = corpus_with((call, PRESIDENTS))
    renamed = merge_extraction(corpus, extract_article(read("patterns-month-boundary"), ACTORS, []))
    assert ("call" in renamed.values()) is merges


def test_a_finer_sentence_refines_an_extracted_event_but_never_a_curated_one():
    vague = event(
        "x-2025-23-meeting", "2025-09-01", "2025-11-30", origin="extracted", date="2025-23"
    )
    corpus = corpus_with((vague, PRESIDENTS))
    extraction = extract_article(read("patterns-merging"), ACTORS, [])
    for row in extraction.events:  # the same sentence, dated to the day by a later article
        row.update(date="2025-09-23", date_start="2025-09-23", date_end="2025-09-23")
    merge_extraction(corpus, extraction)
    assert corpus.events[0]["date"] == "2025-09-23"


def test_an_articles_own_events_never_merge_with_each_other():
    extraction = extract_article(read("patterns-ongoing"), ACTORS, [])
    corpus = corpus_with()
    renamed = merge_extraction(corpus, extraction)
    assert len(set(renamed.values())) == len(extraction.events)


def test_evaluation_hides_the_evaluated_sources_own_records():
    shared = event("shared", "2025-09-23", "2025-09-23")
    own = event("own", "2019-09-01", "2019-09-30")
    corpus = corpus_with((shared, PRESIDENTS), (own, PRESIDENTS))
    corpus.event_sources = [
        {"event_id": "shared", "source_id": "a", "start_offset": 0, "end_offset": 5},
        {"event_id": "shared", "source_id": "b", "start_offset": 0, "end_offset": 5},
        {"event_id": "own", "source_id": "a", "start_offset": 9, "end_offset": 12},
    ]
    corpus.quotes = [{"id": "q1", "source_id": "a"}, {"id": "q2", "source_id": "b"}]
    database = database_without(corpus, "a")
    assert [e["id"] for e in database.events] == ["shared"]
    assert {s["source_id"] for s in database.event_sources} == {"b"}
    assert [q["id"] for q in database.quotes] == ["q2"]
    assert {a["event_id"] for a in database.event_actors} == {"shared"}


def test_a_later_article_refines_the_event_an_earlier_extraction_created():
    corpus = corpus_with()
    events = EventIndex(corpus.events, corpus.event_actors, corpus.actors)
    merge_extraction(corpus, extract_article(read("patterns-merging"), ACTORS, []), events)
    (meeting,) = [e for e in corpus.events if e["date"] == "2025-23"]  # "last fall"
    later = extract_article(read("patterns-merging-later"), ACTORS, [])
    renamed = merge_extraction(corpus, later, events)
    assert list(renamed.values()) == [meeting["id"]]
    assert meeting["date"] == "2025-09-23"  # the row the corpus holds, refined
    assert len([s for s in corpus.event_sources if s["event_id"] == meeting["id"]]) == 2
