"""The facts a reader of the seed timeline checks first, pinned so no change breaks them."""

from __future__ import annotations

import sqlite3

import pytest

from .conftest import REPO, SEEDS

SHARED_SEEDS = REPO.parent / "shared" / "seeds"


@pytest.fixture(scope="module")
def db(seed_db):
    connection = sqlite3.connect(seed_db)
    connection.row_factory = sqlite3.Row
    yield connection
    connection.close()


def scalar(db, sql, *params):
    return db.execute(sql, params).fetchone()[0]


def column(db, sql, *params):
    return [row[0] for row in db.execute(sql, params)]


def test_the_corpus_has_its_five_sources_and_every_table_filled(db):
    assert scalar(db, "select count(*) from sources") == 5
    for table in (
        "actors",
        "actor_aliases",
        "places",
        "events",
        "event_actors",
        "event_sources",
        "quotes",
        "figures",
    ):
        assert scalar(db, f"select count(*) from {table}") > 0, table


def test_article_bodies_are_the_originals_byte_for_byte(db):
    stored = {row["text"].encode("utf-8") for row in db.execute("select text from sources")}
    if SHARED_SEEDS.is_dir():
        originals = {path.read_bytes() for path in SHARED_SEEDS.glob("*.txt")}
        assert stored == originals
    for path in (SEEDS / "articles").glob("*.txt"):
        body = path.read_bytes().split(b"\n---\n", 1)[1]
        assert body in stored, path.name


def test_tokayev_zelenskyy_call_of_10_august_2025_is_one_event(db):
    calls = column(
        db,
        "select e.id from events e where e.type = 'phone_call' and e.date = '2025-08-10' "
        "and exists (select 1 from event_actors where event_id = e.id "
        "            and actor_id = 'kassym-jomart-tokayev') "
        "and exists (select 1 from event_actors where event_id = e.id "
        "            and actor_id = 'volodymyr-zelenskyy')",
    )
    assert calls == ["2025-08-10-tokayev-zelenskyy-phone-call"]
    sources = set(
        column(db, "select distinct source_id from event_sources where event_id = ?", calls[0])
    )
    # Both articles that report the call, plus Ukrinform's "About a month ago ... a
    # telephone conversation", which the annotation matches to the same call.
    assert {
        "anadolu-2025-08-tokayev-zelenskyy-call",
        "unknown-2025-08-kazakhstan-ukraine-relations",
    } <= sources
    assert scalar(db, "select date_precision from events where id = ?", calls[0]) == "day"
    initiator = scalar(
        db, "select actor_id from event_actors where event_id = ? and role = 'initiator'", calls[0]
    )
    assert initiator == "volodymyr-zelenskyy"


@pytest.mark.parametrize(
    ("spelling", "actor"),
    [
        ("Victor Mayko", "viktor-maiko"),
        ("Viktor Maiko", "viktor-maiko"),
        ("Mayko", "viktor-maiko"),
        ("Zelensky", "volodymyr-zelenskyy"),
        ("Zelenskyy", "volodymyr-zelenskyy"),
        ("Mūrat Nūrtıleu", "murat-nurtleu"),
        ("Kassym-Jomart Tokayev", "kassym-jomart-tokayev"),
    ],
)
def test_spellings_resolve_to_one_actor(db, spelling, actor):
    assert column(db, "select actor_id from actor_aliases where alias = ?", spelling) == [actor]


def test_new_york_meeting_dated_from_last_fall_and_september_23(db):
    event = db.execute(
        "select * from events where id = '2025-09-23-tokayev-zelenskyy-new-york-meeting'"
    ).fetchone()
    assert (event["date"], event["date_precision"]) == ("2025-09-23", "day")
    assert "last fall" in event["date_expression"]
    sources = set(column(db, "select source_id from event_sources where event_id = ?", event["id"]))
    assert sources == {"astana-times-2026-02-mayko-briefing", "ukrinform-2025-maiko-interview"}


def test_spief_statement_of_june_2022_has_month_precision_and_two_sources(db):
    event = db.execute(
        "select * from events where id = '2022-06-tokayev-spief-statement'"
    ).fetchone()
    assert (event["date"], event["date_precision"], event["type"]) == (
        "2022-06",
        "month",
        "statement",
    )
    assert (
        scalar(
            db,
            "select count(distinct source_id) from event_sources where event_id = ?",
            event["id"],
        )
        == 2
    )


def test_publication_dates_are_stated_or_inferred_with_evidence(db):
    stated = db.execute(
        "select published, published_inferred from sources "
        "where id = 'tca-2026-02-10-maiko-interview'"
    ).fetchone()
    assert tuple(stated) == ("2026-02-10", 0)
    inferred = column(db, "select id from sources where published_inferred = 1")
    assert len(inferred) == 4
    for source_id in inferred:
        evidence = scalar(
            db,
            "select evidence from source_inferences where source_id = ? and field = 'published'",
            source_id,
        )
        assert len(evidence) > 40, source_id


def test_proverb_conflict_keeps_both_wordings_with_their_sources(db):
    wordings = db.execute(
        "select text, source_id, speaker_id from quotes where text like 'A bad peace%' "
        "order by source_id"
    ).fetchall()
    assert [(w["text"], w["source_id"]) for w in wordings] == [
        ("A bad peace is better than a good quarrel", "anadolu-2025-08-tokayev-zelenskyy-call"),
        ("A bad peace is better than a good war.", "unknown-2025-08-kazakhstan-ukraine-relations"),
    ]
    event = db.execute(
        "select sources_differ, conflict_note from events "
        "where id = '2025-08-10-akorda-statement-on-call'"
    ).fetchone()
    assert event["sources_differ"] == 1
    assert "good quarrel" in event["conflict_note"] and "good war" in event["conflict_note"]


def test_cherkasy_children_conflict_44_or_45(db):
    figures = db.execute(
        "select value, source_id from figures where subject = "
        "'Ukrainian children from Cherkasy region hosted in Kazakhstan in 2025' order by value"
    ).fetchall()
    assert [(f["value"], f["source_id"]) for f in figures] == [
        (44, "astana-times-2026-02-mayko-briefing"),
        (45, "ukrinform-2025-maiko-interview"),
    ]
    assert (
        scalar(
            db,
            "select sources_differ from events "
            "where id = '2025-06-cherkasy-children-rehabilitation-tour'",
        )
        == 1
    )


def test_vrublevsky_quote_and_recall(db):
    quote = db.execute(
        "select speaker_id, event_id from quotes where text = 'kill as many Russians as possible.'"
    ).fetchone()
    assert tuple(quote) == ("petr-vrublevsky", "2022-08-vrublevsky-remark")
    assert scalar(db, "select type from events where id = '2022-ukraine-recalls-vrublevsky'") == (
        "recall"
    )


def test_planned_and_forecast_events_are_not_marked_as_happened(db):
    assert (
        scalar(db, "select status from events where id = '2025-08-15-trump-putin-alaska-meeting'")
        == "planned"
    )
    assert scalar(db, "select status from events where id = '2026-war-end-forecast'") == "forecast"


def test_every_quote_and_excerpt_is_verbatim_at_its_offsets(db):
    for table, column_name in (
        ("quotes", "text"),
        ("event_sources", "excerpt"),
        ("figures", "excerpt"),
    ):
        mismatches = scalar(
            db,
            f"select count(*) from {table} t join sources s on s.id = t.source_id "
            f"where substr(s.text, t.start_offset + 1, t.end_offset - t.start_offset) "
            f"!= t.{column_name}",
        )
        assert mismatches == 0, table


def test_every_event_cites_at_least_one_source(db):
    assert (
        scalar(
            db,
            "select count(*) from events e where not exists "
            "(select 1 from event_sources where event_id = e.id)",
        )
        == 0
    )


def test_ticker_is_kept_but_not_searchable(db):
    tca = db.execute(
        "select text, search_text from sources where id = 'tca-2026-02-10-maiko-interview'"
    ).fetchone()
    assert tca["text"].count("KZT/USD") == 8
    assert "KZT/USD" not in tca["search_text"]
    assert scalar(db, "select count(*) from sources_fts where sources_fts match 'KZT'") == 0


def test_the_timeline_view_names_every_source_never_by_its_bare_id(db):
    ids = {row[0] for row in db.execute("SELECT id FROM sources")}
    listed = {
        name
        for (sources,) in db.execute("SELECT sources FROM timeline WHERE sources IS NOT NULL")
        for name in sources.split("; ")
    }
    assert listed and not listed & ids
    assert "Anadolu Agency, 2025-08-10 (untitled)" in listed
