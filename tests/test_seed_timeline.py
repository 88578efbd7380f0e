"""The facts a reader of the seed timeline checks first, pinned so no change breaks them."""

from __future__ import annotations

import re
import sqlite3

import pytest

from timeline.validate import alias_key

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
        ("DPR", "donetsk-peoples-republic"),
        ("Donetsk People’s Republic", "donetsk-peoples-republic"),
        ("SPIEF", "st-petersburg-international-economic-forum"),
        ("80th UN General Assembly", "un-general-assembly"),
        ("yurts of indestructibility", "yurts-of-invincibility"),
        ("Middle Corridor", "middle-corridor"),
        ("Kazakh government", "government-of-kazakhstan"),
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


@pytest.mark.parametrize(
    "name",
    [
        # Every organisation, body, forum and initiative the five articles name.
        "United Nations",
        "UN General Assembly",
        "St. Petersburg International Economic Forum",
        "Donetsk People’s Republic",
        "Luhansk People’s Republic",
        "G20",
        "C5+1",
        "C5+Ukraine",
        "Yurts of Invincibility",
        "Trans-Caspian International Transport Route",
        "Kazakhstan government",
        "Government of Ukraine",
        "Office of the President",
        "Ministry of Economy",
        "Union of Industrialists and Entrepreneurs",
        "Taras Shevchenko National University of Kyiv",
        "Educational and Scientific Institute of International Relations",
        "JSC Ukrgazvydobuvannya",
        "Kazmortransflot",
        "Nikolaev Shipyard",
        "Smart Maritime Group",
        "NPIK Neftegazstroizolyatsiya",
        "Neftegazhim Service LLC",
        "Trans-Adriatic Pipeline",
        "Starlink",
        "Sputnik",
        "Russia 24",
    ],
)
def test_every_named_organisation_forum_and_initiative_is_an_actor(db, name):
    sources = column(db, "select id from sources where instr(text, ?) > 0", name)
    assert sources, f"{name!r} is not in any article"
    owners = column(
        db, "select distinct actor_id from actor_aliases where alias_key = ?", alias_key(name)
    )
    assert len(owners) == 1, name


@pytest.mark.parametrize(
    ("actor", "actor_type", "event", "role"),
    [
        ("un-general-assembly", "forum", "2019-09-tokayev-zelenskyy-unga-meeting", "venue"),
        ("un-general-assembly", "forum", "2025-09-23-tokayev-zelenskyy-new-york-meeting", "venue"),
        (
            "st-petersburg-international-economic-forum",
            "forum",
            "2022-06-tokayev-spief-statement",
            "venue",
        ),
        (
            "donetsk-peoples-republic",
            "self_proclaimed_entity",
            "2022-02-21-russia-recognizes-dpr-lpr",
            "subject",
        ),
        (
            "luhansk-peoples-republic",
            "self_proclaimed_entity",
            "2022-06-tokayev-spief-statement",
            "subject",
        ),
        ("g20", "forum", "2026-g20-meeting-in-the-us", "venue"),
        ("yurts-of-invincibility", "initiative", "2022-yurts-of-invincibility", "subject"),
        (
            "government-of-kazakhstan",
            "government_body",
            "2022-03-kazakh-government-humanitarian-aid-total",
            "sender",
        ),
    ],
)
def test_organisations_and_forums_are_linked_to_their_events(db, actor, actor_type, event, role):
    assert scalar(db, "select type from actors where id = ?", actor) == actor_type
    roles = column(
        db, "select role from event_actors where actor_id = ? and event_id = ?", actor, event
    )
    assert roles == [role]


@pytest.mark.parametrize(
    ("source_id", "published", "precision", "evidence_says"),
    [
        ("anadolu-2025-08-tokayev-zelenskyy-call", "2025-08-10", "day", "'set for Aug. 15'"),
        (
            "astana-times-2026-02-mayko-briefing",
            "2026-02-25",
            "day",
            "'a press briefing on Feb. 25'",
        ),
        ("ukrinform-2025-maiko-interview", "2025-09", "month", "after 23 September 2025"),
        ("unknown-2025-08-kazakhstan-ukraine-relations", "2025-08", "month", "'August 10'"),
    ],
)
def test_publication_days_are_inferred_where_the_articles_name_them(
    db, source_id, published, precision, evidence_says
):
    source = db.execute(
        "select published, published_precision, published_inferred, label from sources "
        "where id = ?",
        (source_id,),
    ).fetchone()
    assert tuple(source)[:3] == (published, precision, 1)
    evidence = scalar(
        db,
        "select evidence from source_inferences where source_id = ? and field = 'published'",
        source_id,
    )
    assert evidence_says in evidence
    if precision == "day":
        assert "cannot be ruled out" in evidence  # says what could still be otherwise


@pytest.mark.parametrize(
    ("event", "date"),
    [
        # Resolved against the Anadolu report of Sunday 10 August 2025.
        ("2025-08-08-trump-suggests-swapping-territories", "2025-08-08"),
        ("2025-08-09-zelenskyy-video-address-on-territory", "2025-08-09"),
        ("2025-08-10-akorda-statement-on-call", "2025-08-10"),
        ("2025-08-15-trump-putin-alaska-meeting", "2025-08-15"),
        # Up to the briefing of 25 February 2026, not the end of the month.
        ("2026-01-us-officials-suggest-putin-zelenskyy-meeting", "2026-01/2026-02-25"),
        ("2022-kazakhstan-offers-negotiation-platform", "2022/2026-02-25"),
        # Up to the TCA interview of 10 February 2026.
        ("2025-12-eu-20th-sanctions-package", "2025-12/2026-02-10"),
    ],
)
def test_relative_dates_agree_with_the_publication_days(db, event, date):
    assert scalar(db, "select date from events where id = ?", event) == date


def test_no_event_happened_after_the_last_article_that_reports_it(db):
    """Compared at the precision of the publication date (a month-dated article may report
    an event of any day of that month)."""
    late = column(
        db,
        "select e.id from events e join (select es.event_id, max(s.published) as published "
        "  from event_sources es join sources s on s.id = es.source_id group by es.event_id) "
        "  last on last.event_id = e.id "
        "where e.status = 'happened' "
        "and substr(e.date_start, 1, length(last.published)) > last.published",
    )
    assert late == []


READER_FACING = [
    ("sources", "notes"),
    ("source_inferences", "evidence"),
    ("actors", "description"),
    ("events", "summary"),
    ("events", "date_reasoning"),
    ("events", "conflict_note"),
    ("quotes", "notes"),
    ("figures", "notes"),
]
FILE_NUMBER = re.compile(r"(?<![\w.,$/-])00[0-4](?![\w,])")


@pytest.mark.parametrize(("table", "column_name"), READER_FACING)
def test_reader_facing_text_names_articles_by_label_not_file_number(db, table, column_name):
    texts = column(db, f"select {column_name} from {table} where {column_name} is not null")
    numbered = [text for text in texts if FILE_NUMBER.search(text)]
    assert numbered == []


def test_conflict_notes_name_the_articles_by_their_labels(db):
    labels = dict(db.execute("select id, label from sources"))
    note = scalar(
        db, "select conflict_note from events where id = '2025-08-10-akorda-statement-on-call'"
    )
    assert f"[{labels['anadolu-2025-08-tokayev-zelenskyy-call']}]" in note
    assert f"[{labels['unknown-2025-08-kazakhstan-ukraine-relations']}]" in note
    bracketed = {
        name
        for (text,) in db.execute("select conflict_note from events where sources_differ = 1")
        for name in re.findall(r"\[([^\]]*\(untitled\)|[^\]]{30,})\]", text)
    }
    assert bracketed and bracketed <= set(labels.values())


def test_quotes_say_whether_they_are_quotations_or_interview_answers(db):
    kinds = dict(db.execute("select kind, count(*) from quotes group by kind"))
    assert kinds == {"quotation": 41, "interview answer": 59}
    # Answers come from the two Q&A interviews only; their notes no longer carry the kind.
    assert set(
        column(db, "select distinct source_id from quotes where kind = 'interview answer'")
    ) == {
        "tca-2026-02-10-maiko-interview",
        "ukrinform-2025-maiko-interview",
    }
    assert scalar(db, "select count(*) from quotes where notes like 'Interview answer%'") == 0
    # A phrase in quotation marks inside an answer stays a quotation.
    assert scalar(db, "select kind from quotes where id = 'ukrinform-2025-q30'") == "quotation"
    maiko = dict(
        db.execute(
            "select kind, count(*) from quotes where speaker_id = 'viktor-maiko' group by kind"
        )
    )
    assert maiko == {"quotation": 17, "interview answer": 59}
