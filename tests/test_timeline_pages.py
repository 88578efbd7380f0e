"""The plugin's timeline, actor, source and map pages, through Datasette's own client."""

from __future__ import annotations

import asyncio
import html
import re
import sqlite3

import pytest

import timeline
from timeline.web.serve import build_datasette

from .conftest import FIXTURES


def get(datasette, path):
    return asyncio.run(datasette.client.get(path))


@pytest.fixture(scope="module")
def browse_db(tmp_path_factory):
    db = tmp_path_factory.mktemp("browse") / "browse.db"
    timeline.load(FIXTURES / "browse", str(db))
    return db


@pytest.fixture(scope="module")
def datasette(browse_db):
    return build_datasette(str(browse_db))


def event_ids(page_html: str) -> list[str]:
    return re.findall(r'<article class="tl-event[^"]*" id="event-([^"]+)"', page_html)


def test_timeline_lists_every_event_in_date_order(datasette):
    response = get(datasette, "/browse/-/timeline")

    assert response.status_code == 200
    assert event_ids(response.text) == [
        "2023-summer-letters",
        "2024-03-04-aktau-talks",
        "2024-autumn-planned-signing",
        "2025-11-port-inspections",
        "2025-11-18-ferry-agreement",
        "2026-first-ferry",
    ]


def test_dates_show_their_real_precision_and_status(datasette):
    page = get(datasette, "/browse/-/timeline").text

    for words in ("summer 2023", "4 March 2024", "autumn 2024", "10–14 November 2025", "2026"):
        assert f">{words}</time>" in page
    assert 'badge-planned">planned' in page
    assert 'badge-forecast">forecast' in page
    assert "date inferred" in page
    assert "The source says “on Monday”." in page
    headings = re.findall(r'<h3 class="tl-month-heading">([^<]+)</h3>', page)
    assert headings == [
        "summer 2023",
        "March 2024",
        "autumn 2024",
        "November 2025",
        "Sometime in 2026",
    ]


def test_event_shows_actors_place_quotes_and_every_source(datasette):
    page = get(datasette, "/browse/-/timeline").text
    card = page.split('id="event-2024-03-04-aktau-talks"')[1].split("</article>")[0]

    assert 'href="/browse/-/actors/mara-olsen"' in card
    assert 'href="/browse/-/timeline?place=aktau">Aktau</a>' in card
    assert "“Our harbours have waited long enough,”" in card
    assert 'href="/browse/-/sources/riverside-2024-03-05-talks#span-evidence-' in card
    assert 'href="https://example.org/riverside/2024-03-05-talks"' in card


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("actor=bekzat-nurlanov", ["2023-summer-letters", "2024-03-04-aktau-talks",
                                   "2025-11-18-ferry-agreement"]),
        ("type=agreement", ["2024-autumn-planned-signing", "2025-11-18-ferry-agreement"]),
        ("place=almaty", ["2024-autumn-planned-signing", "2025-11-18-ferry-agreement"]),
        ("from=2025", ["2025-11-port-inspections", "2025-11-18-ferry-agreement",
                       "2026-first-ferry"]),
        ("from=2024-03&to=2024-09", ["2024-03-04-aktau-talks", "2024-autumn-planned-signing"]),
        ("to=2023", ["2023-summer-letters"]),
        ("q=ferry", ["2023-summer-letters", "2024-03-04-aktau-talks",
                     "2024-autumn-planned-signing", "2025-11-18-ferry-agreement",
                     "2026-first-ferry"]),
        ("q=inspections", ["2025-11-port-inspections"]),
        ("q=ferry&actor=mara-olsen&type=agreement",
         ["2024-autumn-planned-signing", "2025-11-18-ferry-agreement"]),
        ("q=%22unbalanced", []),
    ],
)  # fmt: skip
def test_filters_narrow_the_timeline(datasette, query, expected):
    response = get(datasette, f"/browse/-/timeline?{query}")

    assert response.status_code == 200
    assert event_ids(response.text) == expected


def test_filters_are_kept_in_the_form_chips_and_download_links(datasette):
    page = get(datasette, "/browse/-/timeline?actor=mara-olsen&from=2024").text

    assert '<option value="mara-olsen" selected>' in page
    assert 'name="from" value="2024"' in page
    assert "actor: Mara Olsen ×" in page
    assert 'href="/browse/-/timeline.ics?actor=mara-olsen&amp;from=2024"' in page


def test_a_bad_date_filter_is_explained_not_fatal(datasette):
    response = get(datasette, "/browse/-/timeline?from=last+year")

    assert response.status_code == 200
    assert "is not a date: write 2025, 2025-08 or 2025-08-10" in html.unescape(response.text)
    assert len(event_ids(response.text)) == 6


def test_actor_page_shows_aliases_events_with_roles_and_quotes(datasette):
    page = html.unescape(get(datasette, "/browse/-/actors/mara-olsen").text)

    assert "<h1>Mara Olsen</h1>" in page
    assert "Also written: " in page and "Minister Olsen" in page
    assert event_ids(page) == [
        "2023-summer-letters",
        "2024-03-04-aktau-talks",
        "2024-autumn-planned-signing",
        "2025-11-18-ferry-agreement",
    ]
    assert "as signatory" in page
    quotes = re.findall(r'<li id="quote-([^"]+)">', page)
    assert quotes == ["riverside-q1", "harbour-q2"]


def test_unknown_actor_and_source_are_404(datasette):
    assert get(datasette, "/browse/-/actors/nobody").status_code == 404
    assert get(datasette, "/browse/-/sources/nothing").status_code == 404


def marked_segments(page: str) -> dict[str, list[tuple[int, str]]]:
    """span key -> [(offset, text)] of every highlighted segment on a source page."""
    spans: dict[str, list[tuple[int, str]]] = {}
    pattern = r'<(?:mark|span) class="k-[^"]*" data-start="(\d+)" data-spans="([^"]+)"[^>]*>(.*?)</'
    for start, keys, segment in re.findall(pattern, page, flags=re.S):
        for key in keys.split():
            spans.setdefault(key, []).append((int(start), html.unescape(segment)))
    return spans


@pytest.mark.parametrize(
    "source_id", ["riverside-2024-03-05-talks", "harbour-news-2025-11-20-agreement"]
)
def test_source_page_marks_every_span_at_its_offsets(datasette, browse_db, source_id):
    connection = sqlite3.connect(browse_db)
    text = connection.execute("select text from sources where id = ?", [source_id]).fetchone()[0]
    expected = {}
    for key, start, end in connection.execute(
        "select 'quote:' || id, start_offset, end_offset from quotes where source_id = :s "
        "union all select 'evidence:' || event_id || ':' || start_offset, start_offset, end_offset "
        "from event_sources where source_id = :s "
        "union all select 'figure:' || id, start_offset, end_offset from figures "
        "where source_id = :s",
        {"s": source_id},
    ):
        expected[key] = (start, end)
    connection.close()

    spans = marked_segments(get(datasette, f"/browse/-/sources/{source_id}").text)

    assert {key for key in spans if not key.startswith("boilerplate")} == set(expected)
    for key, (start, end) in expected.items():
        segments = spans[key]
        assert segments[0][0] == start
        assert "".join(segment for _, segment in segments) == text[start:end]
        for offset, segment in segments:
            assert text[offset : offset + len(segment)] == segment


def test_source_page_dims_boilerplate_and_links_each_mark_to_its_record(datasette):
    page = get(datasette, "/browse/-/sources/riverside-2024-03-05-talks").text

    boilerplate = marked_segments(page)["boilerplate:1"]
    assert [segment for _, segment in boilerplate] == ["Share this article: Facebook | X | Email"]
    assert '<span class="k-boilerplate"' in page
    assert 'href="/browse/quotes/riverside-q1"' in page
    assert 'href="/browse/-/timeline#event-2024-03-04-aktau-talks"' in page
    assert 'href="/browse/figures/riverside-ferry-capacity"' in page


def test_map_page_lists_places_and_bundles_leaflet_locally(datasette):
    page = get(datasette, "/browse/-/map").text

    assert 'data-leaflet="/-/static-plugins/datasette-leaflet/leaflet-v1.7.1.js"' in page
    assert '"id": "almaty"' in page and '"origin": "geonames:1526384"' in page
    assert 'title="filled from an offline gazetteer">geonames:1526384' in page
    leaflet = get(datasette, "/-/static-plugins/datasette-leaflet/leaflet-v1.7.1.js")
    assert leaflet.status_code == 200 and "Leaflet 1.7.1" in leaflet.text
    assert "://" not in re.sub(
        r"https?://(\{s\}\.tile\.openstreetmap|www\.openstreetmap)",
        "",
        get(datasette, "/-/static-plugins/timeline/timeline-map.js").text,
    )


def test_places_table_gets_the_cluster_map(datasette):
    page = get(datasette, "/browse/places").text

    assert "datasette-cluster-map.js" in page
    assert "Map of places with their events" in page


def test_instance_timeline_redirects_to_the_database(datasette):
    response = get(datasette, "/-/timeline")

    assert response.status_code == 302
    assert response.headers["location"] == "/browse/-/timeline"


def test_databases_without_a_timeline_get_no_pages(tmp_path):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("create table t (x)").connection.commit()
    from datasette.app import Datasette

    datasette = Datasette([str(other)])

    assert get(datasette, "/other/-/timeline").status_code == 404
    assert get(datasette, "/other/t").status_code == 200


def test_plugin_is_active_under_a_plain_datasette(browse_db):
    from datasette.app import Datasette

    datasette = Datasette([str(browse_db)])

    assert len(event_ids(get(datasette, "/browse/-/timeline").text)) == 6
    assert get(datasette, "/browse/-/sources/riverside-2024-03-05-talks").status_code == 200


def test_timeline_page_pages_through_events_in_date_order(tmp_path):
    """A large timeline comes a page at a time; following 'later' reaches every event once."""
    import re

    from timeline.synthetic import CorpusSize, write_corpus

    seeds = write_corpus(
        tmp_path / "seeds",
        CorpusSize(sources=3, events_per_source=100, quotes_per_source=0, actors=20),
    )
    db = tmp_path / "big.db"
    timeline.load(seeds, str(db))
    datasette = build_datasette(str(db))
    seen, path = [], "/big/-/timeline"
    while path:
        page = get(datasette, path)
        assert page.status_code == 200
        seen += re.findall(r'id="event-([^"]+)"', page.text)
        later = re.search(r'<a class="tl-later" href="([^"]+)"', page.text)
        path = html.unescape(later.group(1)) if later else None
    assert len(seen) == 300
    assert len(set(seen)) == 300


@pytest.fixture(scope="module")
def synthetic_db(tmp_path_factory):
    """300 synthetic events, a fifth of them agreements."""
    from timeline.synthetic import CorpusSize, write_corpus

    folder = tmp_path_factory.mktemp("synthetic")
    seeds = write_corpus(
        folder / "seeds",
        CorpusSize(sources=3, events_per_source=100, quotes_per_source=0, actors=20),
    )
    db = folder / "big.db"
    timeline.load(seeds, str(db))
    return db


def all_pages(datasette, path: str) -> list[str]:
    seen = []
    while path:
        page = get(datasette, path)
        assert page.status_code == 200
        seen += event_ids(page.text)
        later = re.search(r'<a class="tl-later" href="([^"]+)"', page.text)
        path = html.unescape(later.group(1)) if later else None
    return seen


@pytest.mark.parametrize("walk_in_date_order", [True, False])
@pytest.mark.parametrize("words", ["agreement", "Abenov", "nothing-matches-this"])
def test_search_pages_are_the_same_whichever_way_they_are_found(
    synthetic_db, monkeypatch, words, walk_in_date_order
):
    """Many matches walk the events in date order, few are looked up and sorted: the
    reader gets the same events, in date order, a page at a time, either way."""
    from timeline.web.browse import Page

    monkeypatch.setattr(Page, "scan_in_date_order", lambda *args: walk_in_date_order)
    datasette = build_datasette(str(synthetic_db))
    connection = sqlite3.connect(synthetic_db)
    expected = [
        row[0]
        for row in connection.execute(
            "SELECT id FROM events WHERE rowid IN (SELECT rowid FROM events_fts "
            "WHERE events_fts MATCH ?) ORDER BY sort_key, id",
            (f'"{words}"',),
        )
    ]
    connection.close()

    assert all_pages(datasette, f"/big/-/timeline?q={words}") == expected
    assert len(expected) > 100 or words != "Abenov"  # more than one page


@pytest.mark.parametrize(
    ("matches", "events", "walk"),
    [(200_000, 1_000_000, True), (2_000, 1_000_000, False), (0, 1_000_000, False),
     (60, 300, False), (300, 300, True), (0, 0, False)],
)  # fmt: skip
def test_a_page_of_a_common_word_is_found_by_walking_in_date_order(matches, events, walk):
    from timeline.web.browse import Page

    assert Page().scan_in_date_order(matches, events) is walk


# -- An actor in more events than one page holds ------------------------------------------


@pytest.fixture(scope="module")
def busy_db(tmp_path_factory):
    """Two actors, so both are in every one of 300 events; 300 quotes between them."""
    from timeline.synthetic import CorpusSize, write_corpus

    folder = tmp_path_factory.mktemp("busy")
    seeds = write_corpus(
        folder / "seeds",
        CorpusSize(sources=3, events_per_source=100, quotes_per_source=100, actors=2),
    )
    db = folder / "busy.db"
    timeline.load(seeds, str(db))
    return db


def sql_column(db, sql, params=()) -> list:
    connection = sqlite3.connect(db)
    values = [row[0] for row in connection.execute(sql, params)]
    connection.close()
    return values


def quote_ids(page_html: str) -> list[str]:
    return re.findall(r'<li id="quote-([^"]+)">', page_html)


def test_busy_actor_page_shows_the_first_page_and_links_to_every_event(busy_db):
    datasette = build_datasette(str(busy_db))
    expected = sql_column(
        busy_db,
        "SELECT id FROM events WHERE id IN (SELECT event_id FROM event_actors "
        "WHERE actor_id = 'actor-0') ORDER BY sort_key, id",
    )

    page = html.unescape(get(datasette, "/busy/-/actors/actor-0").text)

    assert len(expected) == 300
    assert event_ids(page) == expected[:100]
    assert '<a href="#events">300 events</a>' in page
    assert "The first 100 of 300 events — " in page
    everything = re.search(r'<a class="tl-all-events" href="([^"]+)">all of them', page)
    assert everything.group(1) == "/busy/-/timeline?actor=actor-0"
    assert all_pages(datasette, everything.group(1)) == expected


def test_busy_actor_page_shows_the_first_quotes_and_links_to_every_quote(busy_db):
    datasette = build_datasette(str(busy_db))
    expected = sql_column(
        busy_db,
        "SELECT q.id FROM quotes q JOIN sources s ON s.id = q.source_id "
        "LEFT JOIN events e ON e.id = q.event_id WHERE q.speaker_id = 'actor-0' "
        "ORDER BY coalesce(e.date_start, s.published), q.source_id, q.start_offset",
    )

    page = html.unescape(get(datasette, "/busy/-/actors/actor-0").text)

    assert len(expected) > 100
    assert quote_ids(page) == expected[:100]
    assert f'<a href="#quotes">{len(expected)} quotes</a>' in page
    assert f"The first 100 of {len(expected)} quotes — " in page
    everything = re.search(r'<a class="tl-all-quotes" href="([^"]+)">all of them', page)
    assert everything.group(1) == "/busy/quotes?speaker_id=actor-0"
    assert get(datasette, everything.group(1)).status_code == 200
    listed, path = [], everything.group(1).replace("?", ".json?") + "&_shape=objects"
    while path:
        response = get(datasette, path).json()
        listed += [row["id"] for row in response["rows"]]
        # next_url is absolute (http://localhost/...); the test client takes a path.
        path = response["next_url"] and response["next_url"].removeprefix("http://localhost")
    assert sorted(listed) == sorted(expected)


def test_an_actor_with_two_roles_in_an_event_counts_it_once(busy_db, tmp_path):
    db = tmp_path / "roles.db"
    source = sqlite3.connect(busy_db)
    source.backup(target := sqlite3.connect(db))
    source.close()
    target.execute(
        "INSERT INTO event_actors (event_id, actor_id, role) SELECT event_id, actor_id, "
        "'speaker' FROM event_actors WHERE actor_id = 'actor-0'"
    )
    target.commit()
    target.close()

    page = get(build_datasette(str(db)), "/roles/-/actors/actor-0").text

    assert "The first 100 of 300 events — " in page
    assert "as participant, speaker" in page


def test_seed_actor_pages_show_every_event_and_quote_and_no_link_to_more(seed_db):
    """No seed actor has 100 events or quotes: each page lists all of them, as before."""
    datasette = build_datasette(str(seed_db))
    actors = sql_column(seed_db, "SELECT id FROM actors ORDER BY id")
    assert len(actors) > 20

    for actor in actors:
        page = html.unescape(get(datasette, f"/timeline/-/actors/{actor}").text)
        events = sql_column(
            seed_db,
            "SELECT id FROM events WHERE id IN (SELECT event_id FROM event_actors "
            "WHERE actor_id = ?) ORDER BY sort_key, id",
            (actor,),
        )
        quotes = sql_column(seed_db, "SELECT id FROM quotes WHERE speaker_id = ?", (actor,))
        assert event_ids(page) == events, actor
        assert sorted(quote_ids(page)) == sorted(quotes), actor
        assert f"{len(events)} event{'' if len(events) == 1 else 's'}</a>" in page
        assert f"{len(quotes)} quote{'' if len(quotes) == 1 else 's'}</a>" in page
        assert "all of them" not in page


def test_seed_actor_page_counts_quotations_and_interview_answers_apart(seed_db):
    page = html.unescape(get(build_datasette(str(seed_db)), "/timeline/-/actors/viktor-maiko").text)

    assert '<a href="#quotes">76 quotes</a>' in page
    assert "(17 quotations, 59 interview answers)" in page
    # An answer is printed without quotation marks in the article, so also on the page.
    answer = page[page.index('id="quote-ukrinform-2025-q01"') :]
    assert answer.startswith(
        'id="quote-ukrinform-2025-q01"><blockquote class="tl-quote tl-kind-interview-answer">'
        "<p>I want to emphasize"
    )
    assert '<span class="tl-quote-kind">interview answer</span>' in answer[:1200]
    quotation = page[page.index('id="quote-astana-times-2026-02-q01"') :]
    assert "<p>“We remember it and deeply appreciate this support,”</p>" in quotation[:300]


@pytest.mark.parametrize(
    ("path", "quote_id", "kind"),
    [
        ("/timeline/-/timeline", "unknown-2025-08-q03", "quotation"),
        (
            "/timeline/-/sources/ukrinform-2025-maiko-interview",
            "ukrinform-2025-q01",
            "interview answer",
        ),
        ("/timeline/-/sources/ukrinform-2025-maiko-interview", "ukrinform-2025-q30", "quotation"),
    ],
)
def test_every_quote_list_shows_the_kind_of_each_quote(seed_db, path, quote_id, kind):
    page = html.unescape(get(build_datasette(str(seed_db)), path).text)
    link = page.index(f"#span-quote-{quote_id}")
    item = page[link : page.index("</li>" if "sources" in path else "</blockquote>", link)]
    assert f'<span class="tl-quote-kind">{kind}</span>' in item


def test_a_quote_from_an_untitled_source_with_no_publisher_is_cited_by_its_label(seed_db):
    """The relations analysis prints no headline and no publisher: its label names it."""
    page = html.unescape(get(build_datasette(str(seed_db)), "/timeline/-/timeline").text)
    cite = page.index("#span-quote-unknown-2025-08-q03")
    assert page[cite : cite + 60].startswith(
        '#span-quote-unknown-2025-08-q03">2025-08 (untitled)</a>'
    )
