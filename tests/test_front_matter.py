"""Front matter as scrapers, Jekyll, Hugo and feeds write it loads, and keeps everything it says."""

from __future__ import annotations

import asyncio
import json
import shutil
import sqlite3
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

import timeline
from timeline.cli import cli
from timeline.dates import calendar_date_of_timestamp, day_in_file_name
from timeline.extract.relative_dates import resolve_relative_date
from timeline.web.serve import build_datasette

from .conftest import FIXTURES

SCRAPED = FIXTURES / "front_matter"


def rows(db: Path, sql: str, *params) -> list[dict]:
    connection = sqlite3.connect(db)
    connection.row_factory = sqlite3.Row
    try:
        return [dict(row) for row in connection.execute(sql, params)]
    finally:
        connection.close()


@pytest.fixture(scope="module")
def scraped(tmp_path_factory) -> tuple[Path, timeline.LoadResult]:
    db = tmp_path_factory.mktemp("front-matter") / "scraped.db"
    return db, timeline.load(SCRAPED, str(db))


def source(db: Path, source_id: str) -> dict:
    return rows(db, "select * from sources where id = ?", source_id)[0]


@pytest.mark.parametrize(
    "source_id, expected",
    [
        (
            "2025-08-10-jekyll-post",  # date, lang, authors (a list)
            {"published": "2025-08-10", "language": "kk", "author": "Aigerim Sadykova, John Smith"},
        ),
        (
            "feed-2025-08-11-call",  # Title, pubDate, link, site_name
            {
                "title": "Kazakhstan offers to help",
                "published": "2025-08-10",
                "url": "https://example.org/news/call",
                "publisher": "Example Wire",
            },
        ),
    ],
)
def test_synonyms_fill_the_columns(scraped, source_id, expected):
    row = source(scraped[0], source_id)
    assert {key: row[key] for key in expected} == expected


def test_unknown_keys_are_kept_as_written_and_queryable_with_json_extract(scraped):
    db = scraped[0]
    found = rows(
        db,
        "select json_extract(extra, '$.layout') as layout, json_extract(extra, '$.weight') as "
        "weight, json_extract(extra, '$.price') as price, json_extract(extra, '$.code') as code,"
        " json_extract(extra, '$.draft') as draft from sources where id = ?",
        "2025-08-10-jekyll-post",
    )
    assert found == [
        {"layout": "post", "weight": "007", "price": "1.50", "code": "0x1F", "draft": 0}
    ]
    feed = json.loads(source(db, "feed-2025-08-11-call")["extra"])
    assert feed["keywords"] == ["peace", "phone call"]
    assert feed["source"] == {"id": "example", "name": "Example Wire"}


def test_tags_and_categories_are_json_arrays_datasette_facets(scraped):
    db = scraped[0]
    jekyll = source(db, "2025-08-10-jekyll-post")
    assert json.loads(jekyll["tags"]) == ["Kazakhstan", "Ukraine", "peace talks"]
    assert json.loads(jekyll["categories"]) == ["news", "diplomacy"]
    # One line of text is split at its commas.
    assert json.loads(source(db, "feed-2025-08-11-call")["tags"]) == ["Kazakhstan", "diplomacy"]

    datasette = build_datasette(str(db))
    response = asyncio.run(datasette.client.get("/scraped/sources.json"))
    facet = response.json()["facet_results"]["tags"]
    assert facet["type"] == "array"
    assert {r["value"]: r["count"] for r in facet["results"]}["Kazakhstan"] == 2


def test_source_page_lists_tags_and_other_front_matter_escaped(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SCRAPED, seeds)
    page = seeds / "articles" / "2025-08-10-jekyll-post.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "layout: post", "layout: '<script>alert(1)</script>'"
        ),
        encoding="utf-8",
    )
    db = tmp_path / "t.db"
    timeline.load(seeds, str(db), extract=False)

    datasette = build_datasette(str(db))
    html = asyncio.run(datasette.client.get("/t/-/sources/2025-08-10-jekyll-post")).text
    assert "Other front matter" in html
    assert "<dt>weight</dt><dd>007</dd>" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    assert "tags__arraycontains=peace%20talks" in html


@pytest.mark.parametrize(
    "written, day",
    [
        ("2025-08-10T14:03:00+02:00", "2025-08-10"),
        ("2025-08-10T23:30:00-05:00", "2025-08-10"),  # the day printed, not the UTC day
        ("2025-08-10 14:03:00 +0200", "2025-08-10"),  # Jekyll
        ("2025-08-10T14:03Z", "2025-08-10"),
        ("Sun, 10 Aug 2025 14:03:00 GMT", "2025-08-10"),  # RSS pubDate
        ("10 Aug 2025 14:03:00 +0200", "2025-08-10"),
        ("2025-08-10", None),
        ("next Sunday", None),
    ],
)
def test_timestamps_give_the_calendar_day_as_written(written, day):
    assert calendar_date_of_timestamp(written) == day


def test_a_timestamp_keeps_its_time_and_zone_in_extra(scraped):
    extra = json.loads(source(scraped[0], "2025-08-10-jekyll-post")["extra"])
    assert extra["date"] == "2025-08-10T14:03:00+02:00"


def test_a_day_in_the_file_name_is_an_inferred_publication_date(scraped):
    db, result = scraped
    row = source(db, "20250811-scraped")
    assert (row["published"], row["published_precision"], row["published_inferred"]) == (
        "2025-08-11",
        "day",
        1,
    )
    assert rows(db, "select field, value, evidence from source_inferences") == [
        {
            "field": "published",
            "value": "2025-08-11",
            "evidence": "file name '20250811-scraped.txt' gives the day 2025-08-11",
        }
    ]
    assert any(
        "publication date 2025-08-11 inferred from the file name" in w for w in result.warnings
    )


@pytest.mark.parametrize(
    "stem, day",
    [
        ("2025-08-10-some-title", "2025-08-10"),
        ("20250810-some-title", "2025-08-10"),
        ("aa-2025-08-11-call", "2025-08-11"),
        ("anadolu-2025-08-tokayev-call", None),  # a month is not a day
        ("story-20251399", None),  # not a real day
        ("2025-08-10-and-2025-08-11", None),  # two days: neither is taken
        ("id-123456789", None),
    ],
)
def test_day_in_file_name(stem, day):
    assert day_in_file_name(stem) == day


def test_an_article_without_a_date_warns_that_relative_dates_cannot_be_resolved(scraped):
    warnings = [w for w in scraped[1].warnings if "undated-report.txt" in w]
    assert any(
        "no publication date, so its relative dates ('on Tuesday', 'last month') cannot be "
        "resolved; absolute ones ('in 1974', 'on 3 May 2025') still are" in w
        for w in warnings
    )


@pytest.mark.parametrize(
    "expression, date",
    [
        ("in 1974", "1974"),
        ("on 3 May 2025", "2025-05-03"),
        ("May 2025", "2025-05"),
        ("autumn 2025", "2025-23"),
        ("on Tuesday", None),
        ("last month", None),
        ("last fall", None),
        ("Feb. 25", None),
    ],
)
def test_without_a_publication_date_only_absolute_dates_resolve(expression, date):
    mention = resolve_relative_date(expression, None)
    assert (mention.date.edtf if mention else None) == date


def write_article(tmp_path: Path, front: str, name: str = "a.txt") -> Path:
    seeds = tmp_path / "seeds"
    (seeds / "articles").mkdir(parents=True, exist_ok=True)
    (seeds / "articles" / name).write_text(f"---\n{front}---\nHello world.\n", encoding="utf-8")
    return seeds


def load_error(seeds: Path, tmp_path: Path) -> str:
    result = CliRunner().invoke(cli, ["load", str(seeds), "--db", str(tmp_path / "t.db")])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    return result.output


@pytest.mark.parametrize("flag", ["yes", "'true'", "1", "on", "True-ish"])
def test_an_inferred_flag_that_is_not_a_boolean_is_refused(tmp_path, flag):
    seeds = write_article(
        tmp_path, f"id: a\npublished:\n  value: 2025-08-11\n  inferred: {flag}\n  evidence: x\n"
    )
    output = load_error(seeds, tmp_path)
    assert "a.txt:5: published: 'inferred' must be true or false" in output


def test_evidence_alone_marks_a_value_inferred(tmp_path):
    seeds = write_article(
        tmp_path, "id: a\npublished:\n  value: 2025-08\n  evidence: the dateline\n"
    )
    timeline.load(seeds, str(tmp_path / "t.db"))
    assert rows(tmp_path / "t.db", "select field, value, evidence from source_inferences") == [
        {"field": "published", "value": "2025-08", "evidence": "the dateline"}
    ]


@pytest.mark.parametrize(
    "front, message",
    [
        (
            "id: a\ndate: 2025-08-11\npublished: 2025-08-12\n",
            "a.txt:4: 'date' (line 3) and 'published' (line 4) both give the publication date",
        ),
        (
            "id: a\nlang: en\nlanguage: kk\n",
            "'lang' (line 3) and 'language' (line 4) both give the language",
        ),
        (
            "id: a\npublised: 2025-08-11\n",
            "a.txt:3: unknown key 'publised' in front matter (did you mean 'published'?)",
        ),
        (
            "id: a\ntitel: Hello\n",
            "a.txt:3: unknown key 'titel' in front matter (did you mean 'title'?)",
        ),
    ],
)
def test_synonym_conflicts_and_typos_are_refused(tmp_path, front, message):
    assert message in load_error(write_article(tmp_path, front), tmp_path)


def test_a_synonym_saying_the_same_as_its_key_is_accepted(tmp_path):
    seeds = write_article(tmp_path, "id: a\ndate: 2025-08-11\npublished: 2025-08-11\n")
    timeline.load(seeds, str(tmp_path / "t.db"))
    assert source(tmp_path / "t.db", "a")["published"] == "2025-08-11"


def test_every_problem_of_a_front_matter_is_reported_at_once(tmp_path):
    seeds = write_article(
        tmp_path,
        "id: a\ntitel: Hello\npublised: 2025\nauthor: {name: X}\n"
        "published:\n  value: 2025\n  inferred: yes\n  evidence: e\n",
    )
    output = load_error(seeds, tmp_path)
    assert "4 problems, nothing was written:" in output
    for expected in (
        "a.txt:3: unknown key 'titel'",
        "a.txt:4: unknown key 'publised'",
        "a.txt:5: unknown key 'name' in author",
        "a.txt:8: published: 'inferred' must be true or false, got 'yes'",
    ):
        assert expected in output


def test_front_matter_text_stays_exactly_as_written(tmp_path):
    seeds = write_article(
        tmp_path, "id: 007\ntitle: 1.50\npublisher: 0x1F\nauthor: true\nnotes: 1e3\n"
    )
    timeline.load(seeds, str(tmp_path / "t.db"))
    row = source(tmp_path / "t.db", "007")
    assert (row["title"], row["publisher"], row["author"], row["notes"]) == (
        "1.50",
        "0x1F",
        "true",
        "1e3",
    )


def test_a_leading_byte_order_mark_is_accepted_and_the_body_kept(tmp_path):
    seeds = tmp_path / "seeds"
    (seeds / "records").mkdir(parents=True)
    body = "Kazakh President Tokayev spoke.\n"
    article = seeds / "a.txt"
    article.write_bytes(b"\xef\xbb\xbf---\nid: a\ntitle: BOM\n---\n" + body.encode("utf-8"))
    (seeds / "records" / "actors.yaml").write_bytes(
        b"\xef\xbb\xbfactors:\n  - {id: tokayev, name: Tokayev, type: person}\n"
    )
    db = tmp_path / "t.db"
    timeline.load(seeds, str(db))
    row = source(db, "a")
    assert (row["title"], row["text"]) == ("BOM", body)
    assert rows(db, "select id from actors") == [{"id": "tokayev"}]
    assert article.read_bytes().startswith(b"\xef\xbb\xbf---")  # the file is never rewritten


def test_quotes_differing_only_in_unicode_normalisation_say_so(tmp_path):
    seeds = write_article(tmp_path, "id: a\n")
    article = seeds / "articles" / "a.txt"
    article.write_text(
        "---\nid: a\n---\n" + unicodedata.normalize("NFC", "Mūrat Nūrtıleu said hello.\n"),
        encoding="utf-8",
    )
    (seeds / "q.yaml").write_text(
        "quotes:\n  - id: q1\n    source: a\n    text: "
        + unicodedata.normalize("NFD", "Mūrat Nūrtıleu said hello")
        + "\n",
        encoding="utf-8",
    )
    output = load_error(seeds, tmp_path)
    assert "differs from the article only in Unicode normalisation" in output
    assert "accents as separate combining characters (NFD) in the record" in output
    assert "(NFC): 'Mūrat Nūrtıleu said hello'" in output
