"""`timeline add`: saved pages, feeds, scraper output, text files and URLs become seeds
articles that `timeline load` reads like hand-written ones."""

from __future__ import annotations

import asyncio
import functools
import http.server
import shlex
import sqlite3
import threading
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

import timeline
from timeline.add import add_articles
from timeline.add.fetch import fetch_url
from timeline.add.provenance import locate_span
from timeline.articles import read_article, split_front_matter
from timeline.cli import cli
from timeline.seeds import seed_file_paths
from timeline.web.serve import build_datasette

from .conftest import FIXTURES, REPO

PAGES = FIXTURES / "add"


def run_add(tmp_path, monkeypatch, *inputs, update=False):
    monkeypatch.chdir(tmp_path)
    arguments = ["add", *map(str, inputs)] + (["--update"] if update else [])
    return CliRunner().invoke(cli, arguments)


def articles(seeds: Path) -> dict[str, Path]:
    return {path.stem: path for path in sorted((seeds / "articles").glob("*.md"))}


def only_article(seeds: Path) -> Path:
    (path,) = articles(seeds).values()
    return path


def front_matter(path: Path) -> dict:
    front, _, _ = split_front_matter(path.read_text(encoding="utf-8"))
    return yaml.safe_load(front)


def body(path: Path) -> str:
    return split_front_matter(path.read_text(encoding="utf-8"))[1]


# -- saved web pages -------------------------------------------------------------------

PAGE_CASES = {
    "news-jsonld-og.html": {
        "title": ("Grain corridor talks resume in Astana", False, 'JSON-LD NewsArticle "headline"'),
        "author": ("Aigerim Sadykova", False, "JSON-LD NewsArticle"),
        "publisher": ("Steppe Courier", False, "JSON-LD NewsArticle"),
        "published": ("2025-09-16", False, 'JSON-LD NewsArticle "datePublished"'),
        "url": (
            "https://steppe-courier.example/world/2025/grain-corridor-talks-resume",
            False,
            '<link rel="canonical"> (line 7)',
        ),
        "language": ("en", False, "inLanguage"),
    },
    "meta-only.html": {
        "title": ("Water tariffs to rise in Shymkent from October", False, "<h1>"),
        "author": ("Dana Omarova", False, '<meta name="author"> (line 6)'),
        "published": ("2025-09-02", False, '<meta name="date"> (line 7)'),
        "language": ("en", False, '<html lang="en">'),
    },
    "date-in-url.html": {
        "published": ("2025-07-28", True, "the date in the page's URL, '/2025/07/28/'"),
        "publisher": ("Almaty Daily", False, "og:site_name"),
    },
    "time-element.html": {
        "published": ("2025-06-03", False, '<time datetime="2025-06-03"> (line 13)'),
        "author": ("Marat Iskakov", True, "byline"),
    },
    "comments-related.html": {
        "author": ("Sergei Volkov", False, '<meta name="author">'),
        "published": ("2025-10-21", False, "article:published_time"),
        "url": (
            "https://northern-herald.example/news/karaganda-miners-end-strike",
            False,
            "og:url",
        ),
    },
}
# Page furniture each page has that must stay out of the text.
NOT_IN_TEXT = {
    "news-jsonld-og.html": [
        "Subscribe",
        "Share on Facebook",
        "Related stories",
        "Rail tariffs",
        "All rights reserved",
    ],
    "meta-only.html": ["Log in", "14 Abay Avenue"],
    "date-in-url.html": ["Front page", "Advertise"],
    "time-element.html": ["Silk Road Wire —", "About"],
    "comments-related.html": [
        "47 comments",
        "Tweet",
        "Read more",
        "Coal exports fall",
        "miner_wife",
        "Finally!",
        "Privacy",
    ],
}
IN_TEXT = {
    "news-jsonld-og.html": "“We have agreed on the order of work for the tariff commission",
    "meta-only.html": "“Nobody likes higher bills, but the pipes are older",
    "date-in-url.html": "Construction of a third station is to begin next spring",
    "time-element.html": "Queues of up to two hundred lorries",
    "comments-related.html": "“This is not everything we asked for, but it is enough to go back",
}


@pytest.mark.parametrize("page", sorted(PAGE_CASES))
def test_saved_page_gives_its_text_and_each_value_with_evidence(page, tmp_path, monkeypatch):
    result = run_add(tmp_path, monkeypatch, PAGES / page)

    assert result.exit_code == 0, result.output
    path = only_article(tmp_path / "seeds")
    meta = front_matter(path)
    for key, (value, inferred, evidence) in PAGE_CASES[page].items():
        assert meta[key]["value"] == value, key
        assert meta[key]["inferred"] is inferred, key
        assert evidence in meta[key]["evidence"], key
    text = body(path)
    assert IN_TEXT[page] in text
    for junk in NOT_IN_TEXT[page]:
        assert junk not in text, junk
    assert ("guessed" in result.output) == any(v[1] for v in PAGE_CASES[page].values())


def test_added_article_loads_like_a_hand_written_one(tmp_path, monkeypatch):
    run_add(tmp_path, monkeypatch, PAGES / "date-in-url.html")
    path = only_article(tmp_path / "seeds")
    warnings: list[str] = []

    article = read_article(path, "a.md", warnings, f"articles/{path.name}")

    assert article.fields["published"] == "2025-07-28"
    assert article.fields["publisher"] == "Almaty Daily"
    assert article.inferences == [
        {
            "field": "published",
            "value": "2025-07-28",
            "evidence": "the date in the page's URL, '/2025/07/28/' "
            '(<link rel="canonical"> (line 6))',
        }
    ]
    assert warnings == []


def test_original_page_is_kept_byte_for_byte_and_named_by_the_article(tmp_path, monkeypatch):
    run_add(tmp_path, monkeypatch, PAGES / "news-jsonld-og.html")
    path = only_article(tmp_path / "seeds")

    raw = front_matter(path)["raw"]

    assert raw == f"raw/{path.stem}.html"
    assert (tmp_path / "seeds" / raw).read_bytes() == (PAGES / "news-jsonld-og.html").read_bytes()


def test_page_without_an_article_is_named_and_the_others_are_still_added(tmp_path, monkeypatch):
    no_article = PAGES / "no-article.html"

    result = run_add(tmp_path, monkeypatch, no_article, PAGES / "meta-only.html")

    assert result.exit_code == 1
    assert f"Error: {no_article}: no article text found in the page" in result.output
    assert len(articles(tmp_path / "seeds")) == 1
    assert "Traceback" not in result.output


# -- feeds -----------------------------------------------------------------------------


def test_atom_feed_gives_one_article_per_entry_with_text(tmp_path, monkeypatch):
    feed = PAGES / "feed-atom.xml"

    result = run_add(tmp_path, monkeypatch, feed)

    assert result.exit_code == 1  # entry 3 has no text
    assert f"{feed}: entry 3 'Photo gallery: autumn on the Caspian shore' carries no text" in (
        result.output
    )
    added = {
        front_matter(p)["url"]["value"]: front_matter(p)
        for p in articles(tmp_path / "seeds").values()
    }
    assert set(added) == {
        "https://caspian-ledger.example/2025/11/aktau-record-tonnage",
        "https://caspian-ledger.example/2025/11/turkmenbashi-ferry",
    }
    first = added["https://caspian-ledger.example/2025/11/aktau-record-tonnage"]
    assert first["published"] == {
        "value": "2025-11-03",
        "inferred": False,
        "evidence": "the Atom <entry>'s <published> '2025-11-03T14:20:00+05:00' (entry 1)",
    }
    assert first["author"]["value"] == "Timur Zhaksybekov"
    # No <published>: the <updated> date is offered as a guess, and said to be one.
    second = added["https://caspian-ledger.example/2025/11/turkmenbashi-ferry"]
    assert second["published"]["value"] == "2025-11-01"
    assert second["published"]["inferred"] is True
    assert "no <published>; its <updated>" in second["published"]["evidence"]
    # Both entries' text in one raw copy of the feed.
    assert first["raw"] == second["raw"]
    assert (tmp_path / "seeds" / first["raw"]).read_bytes() == feed.read_bytes()


def test_rss_feed_dates_are_the_day_where_published_and_text_is_unwrapped(tmp_path, monkeypatch):
    result = run_add(tmp_path, monkeypatch, PAGES / "feed-rss.xml")

    assert result.exit_code == 0, result.output
    by_title = {front_matter(p)["title"]["value"]: p for p in articles(tmp_path / "seeds").values()}
    water = by_title["Kyrgyzstan and Kazakhstan agree on water releases for the summer"]
    assert front_matter(water)["published"]["value"] == "2025-04-12"
    assert front_matter(water)["author"]["value"] == "Aida Mamatova"
    assert body(water).splitlines()[1].startswith("Under the agreement, Kyrgyzstan")
    assert "<p>" not in body(water)
    osh = by_title["Osh airport runway to close for two weeks"]
    assert "only a summary" in front_matter(osh)["notes"]


def test_feed_with_no_entries_is_one_clear_message(tmp_path, monkeypatch):
    feed = PAGES / "feed-empty.xml"

    result = run_add(tmp_path, monkeypatch, feed, PAGES / "time-element.html")

    assert result.exit_code == 1
    assert f"Error: {feed}: the RSS feed has no entries" in result.output
    assert len(articles(tmp_path / "seeds")) == 1


# -- scraper output --------------------------------------------------------------------


def test_news_please_json_record(tmp_path, monkeypatch):
    result = run_add(tmp_path, monkeypatch, PAGES / "news-please.json")

    assert result.exit_code == 0, result.output
    path = only_article(tmp_path / "seeds")
    meta = front_matter(path)
    assert meta["author"]["value"] == "Yerlan Kassymov, Anna Petrova"
    assert meta["published"] == {
        "value": "2025-10-01",
        "inferred": False,
        "evidence": "field 'date_publish' of the record",
    }
    assert meta["publisher"]["value"] == "kz-finance.example"
    assert meta["publisher"]["inferred"] is True
    assert body(path).startswith("ALMATY — The National Bank of Kazakhstan kept its base rate")
    assert body(path).endswith("the bank’s governor told a news conference.\n")


def test_json_lines_record_without_text_is_named_by_its_line(tmp_path, monkeypatch):
    records = PAGES / "newspaper4k.jsonl"

    result = run_add(tmp_path, monkeypatch, records)

    assert result.exit_code == 1
    assert f"Error: {records}: line 2 'Dushanbe to Tashkent flights resume' has no text" in (
        result.output
    )
    metas = [front_matter(p) for p in articles(tmp_path / "seeds").values()]
    assert sorted(m["published"]["value"] for m in metas) == ["2025-05-14", "2025-05-15"]
    newspaper4k = next(m for m in metas if m["published"]["value"] == "2025-05-15")
    assert newspaper4k["language"]["evidence"] == "field 'meta_lang' of line 1"
    assert newspaper4k["publisher"]["value"] == "uz-energy.example"


def test_csv_with_a_header_naming_the_columns(tmp_path, monkeypatch):
    result = run_add(tmp_path, monkeypatch, PAGES / "records.csv")

    assert result.exit_code == 0, result.output
    metas = {
        front_matter(p)["url"]["value"]: front_matter(p)
        for p in articles(tmp_path / "seeds").values()
    }
    smelter = metas["https://pavlodar-news.example/smelter"]
    # The first row's quoted text spans lines 2-3; the second row starts on line 4.
    assert smelter["title"]["evidence"] == "field 'title' of line 2"
    assert metas["https://pavlodar-news.example/semey-bridge"]["title"]["evidence"] == (
        "field 'title' of line 4"
    )
    assert "author" not in metas["https://pavlodar-news.example/semey-bridge"]


# -- text and Markdown -----------------------------------------------------------------


def test_plain_text_offers_its_first_line_as_a_guessed_title(tmp_path, monkeypatch):
    result = run_add(tmp_path, monkeypatch, PAGES / "plain-article.txt")

    assert result.exit_code == 0, result.output
    path = only_article(tmp_path / "seeds")
    assert front_matter(path)["title"] == {
        "value": "Kostanay farmers finish wheat harvest early",
        "inferred": True,
        "evidence": "the first line of the text (line 1)",
    }
    assert body(path) == (PAGES / "plain-article.txt").read_text(encoding="utf-8")


def test_markdown_front_matter_is_kept(tmp_path, monkeypatch):
    run_add(tmp_path, monkeypatch, PAGES / "with-front-matter.md")
    path = only_article(tmp_path / "seeds")

    meta = front_matter(path)

    assert meta["title"] == "Atyrau refinery begins scheduled maintenance"
    assert meta["publisher"] == "Oil Desk Weekly"
    assert str(meta["published"]) == "2025-04-07"
    assert body(path) == split_front_matter((PAGES / "with-front-matter.md").read_text())[1]


# -- the same article twice ------------------------------------------------------------


def test_same_page_twice_is_not_duplicated(tmp_path, monkeypatch):
    run_add(tmp_path, monkeypatch, PAGES / "news-jsonld-og.html")
    path = only_article(tmp_path / "seeds")
    before = path.read_bytes()

    result = run_add(tmp_path, monkeypatch, PAGES / "news-jsonld-og.html")

    assert result.exit_code == 0
    assert (
        f"Already added: news-jsonld-og.html is seeds/articles/{path.name} (same canonical URL "
        "https://steppe-courier.example/world/2025/grain-corridor-talks-resume)"
    ) in result.output
    assert only_article(tmp_path / "seeds").read_bytes() == before


def test_same_text_under_another_name_is_not_duplicated(tmp_path, monkeypatch):
    run_add(tmp_path, monkeypatch, PAGES / "feed-rss.xml")
    plain = tmp_path / "plain.txt"
    # The feed entry's words, with other spacing: the same text.
    plain.write_text(body_of_rss_entry(), encoding="utf-8")

    result = run_add(tmp_path, monkeypatch, plain)

    assert len(articles(tmp_path / "seeds")) == 2
    assert "Already added: plain.txt is seeds/articles/bishkek-morning-2025-04-10" in result.output
    assert "(same text)" in result.output


def body_of_rss_entry() -> str:
    return (
        "The runway at Osh airport will close from 1 to 14 May for resurfacing, the airport "
        "said on Thursday.   Flights will be moved to Jalal-Abad.\n"
    )


def test_update_replaces_the_article_and_keeps_its_id(tmp_path, monkeypatch):
    run_add(tmp_path, monkeypatch, PAGES / "news-jsonld-og.html")
    path = only_article(tmp_path / "seeds")
    changed = tmp_path / "page-again.html"
    changed.write_text(
        (PAGES / "news-jsonld-og.html")
        .read_text(encoding="utf-8")
        .replace("A second round is planned in Baku", "A second round is now planned in Baku"),
        encoding="utf-8",
    )

    result = run_add(tmp_path, monkeypatch, changed, update=True)

    assert result.exit_code == 0, result.output
    assert f"Replaced seeds/articles/{path.name}" in result.output
    assert only_article(tmp_path / "seeds") == path
    assert front_matter(path)["id"] == path.stem
    assert "A second round is now planned in Baku" in body(path)
    assert (tmp_path / "seeds" / "raw" / f"{path.stem}.html").read_bytes() == changed.read_bytes()


# -- URLs, fetched only by `timeline add` ----------------------------------------------


@pytest.fixture
def page_server():
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(PAGES))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_url_is_fetched_and_its_page_kept(page_server, tmp_path, monkeypatch):
    url = f"{page_server}/meta-only.html"

    result = run_add(tmp_path, monkeypatch, url, f"{page_server}/feed-rss.xml")

    assert result.exit_code == 0, result.output
    metas = {p.name: front_matter(p) for p in articles(tmp_path / "seeds").values()}
    page = next(m for m in metas.values() if m["title"]["value"].startswith("Water tariffs"))
    # The page names no canonical URL: the address it came from stands in.
    assert page["url"]["value"] == url
    assert "the address it was fetched from" in page["url"]["evidence"]
    assert (tmp_path / "seeds" / page["raw"]).read_bytes() == (
        PAGES / "meta-only.html"
    ).read_bytes()
    assert len(metas) == 3  # the page and the feed's two entries


def test_url_that_fails_is_named_and_nothing_is_written(page_server, tmp_path, monkeypatch):
    url = f"{page_server}/missing.html"

    result = run_add(tmp_path, monkeypatch, url)

    assert result.exit_code == 1
    assert f"Error: {url}: could not be fetched: HTTP 404" in result.output
    assert not (tmp_path / "seeds").exists()


def test_url_larger_than_the_cap_is_refused(page_server, tmp_path):
    result = add_articles(
        [f"{page_server}/news-jsonld-og.html"],
        tmp_path / "seeds",
        fetch=functools.partial(fetch_url, max_bytes=1024),
    )

    assert [problem.message for problem in result.problems] == [
        "is larger than 1,024 bytes, more than an article page"
    ]
    assert result.written == []


# -- the seeds folder and the load -----------------------------------------------------


def test_raw_copies_are_not_read_as_articles(tmp_path, monkeypatch):
    # A Markdown input's original is itself a .md file: under raw/ it must not load.
    run_add(tmp_path, monkeypatch, PAGES / "with-front-matter.md", PAGES / "plain-article.txt")
    seeds = tmp_path / "seeds"
    assert sorted(p.suffix for p in (seeds / "raw").iterdir()) == [".md", ".txt"]

    found = seed_file_paths(seeds)

    assert all(p.parent.name == "articles" for p in found)
    result = timeline.load(seeds, str(tmp_path / "t.db"))
    assert result.counts["sources"] == 2


def test_non_english_article_is_added_with_its_language_and_not_extracted(tmp_path, monkeypatch):
    result = run_add(tmp_path, monkeypatch, PAGES / "russian-page.html")
    assert "note: language 'ru'" in result.output
    path = only_article(tmp_path / "seeds")
    assert front_matter(path)["language"]["value"] == "ru"

    loaded = timeline.load(tmp_path / "seeds", str(tmp_path / "t.db"))

    assert any(
        f"{path.name}: language 'ru': extraction skipped" in warning for warning in loaded.warnings
    )
    connection = sqlite3.connect(tmp_path / "t.db")
    assert connection.execute("select language from sources").fetchall() == [("ru",)]
    # The page quotes the deputy mayor in «...»: English rules would extract it.
    assert connection.execute("select count(*) from quotes").fetchone() == (0,)
    assert timeline.load(tmp_path / "seeds", str(tmp_path / "t.db")).mode == "unchanged"


def test_add_then_load_then_read_the_pages_in_datasette(tmp_path, monkeypatch):
    inputs = [
        PAGES / name for name in ("news-jsonld-og.html", "comments-related.html", "feed-atom.xml")
    ]
    run_add(tmp_path, monkeypatch, *inputs)
    db = tmp_path / "corpus.db"

    loaded = CliRunner().invoke(cli, ["load", "seeds", "--db", str(db)])

    assert loaded.exit_code == 0, loaded.output
    datasette = build_datasette(str(db))
    sources = asyncio.run(datasette.client.get("/corpus/sources.json?_shape=array")).json()
    by_id = {row["id"]: row for row in sources}
    assert len(by_id) == 4
    steppe = by_id["steppe-courier-2025-09-16-grain-corridor-talks-resume-in-astana"]
    assert steppe["publisher"] == "Steppe Courier"
    assert steppe["published"] == "2025-09-16"
    # The stored text is the article file's body, so every offset is exact against it.
    article = tmp_path / "seeds" / "articles" / f"{steppe['id']}.md"
    assert steppe["text"] == body(article)
    page = asyncio.run(datasette.client.get(f"/corpus/-/sources/{steppe['id']}"))
    assert page.status_code == 200
    assert "Deputy Minister Nurlan Abenov told reporters" in page.text
    quotes = asyncio.run(
        datasette.client.get(f"/corpus/quotes.json?_shape=array&source_id={steppe['id']}")
    ).json()
    assert quotes  # extracted by the load: the deputy minister's words
    for quote in quotes:
        assert steppe["text"][quote["start_offset"] : quote["end_offset"]] == quote["text"]
    inferred = asyncio.run(
        datasette.client.get("/corpus/source_inferences.json?_shape=array&field=publisher")
    ).json()
    assert {row["evidence"] for row in inferred} == {"the Atom feed's <feed><title>"}


@pytest.mark.parametrize("page", sorted(PAGE_CASES))
def test_every_span_of_a_page_article_leads_back_to_its_line_in_the_raw_page(
    page, tmp_path, monkeypatch
):
    run_add(tmp_path, monkeypatch, PAGES / page)
    path = only_article(tmp_path / "seeds")
    text = body(path)
    raw_lines = (PAGES / page).read_text(encoding="utf-8").splitlines()

    start = 0
    for line in text.splitlines(keepends=True):
        words = line.split()
        span = (start + line.index(words[-1]), start + len(line.rstrip("\n")))
        location = locate_span(path, *span)
        start += len(line)

        assert location.raw_file == tmp_path / "seeds" / front_matter(path)["raw"]
        assert location.paragraph == line.rstrip("\n")
        # The page's own line there holds the paragraph's first words.
        assert " ".join(words[:3]) in raw_lines[location.line - 1], (line, location.line)


def readme_add_commands() -> list[list[str]]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = readme.split("<!-- README-ADD:start -->")[1].split("<!-- README-ADD:end -->")[0]
    lines = [line.split("#")[0].strip() for line in block.splitlines()]
    return [
        shlex.split(line.removeprefix(".venv/bin/timeline "))
        for line in lines
        if line.startswith(".venv/bin/timeline ")
    ]


def test_readme_first_section_starts_a_corpus_with_a_saved_page(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "fixtures").symlink_to(FIXTURES)
    commands = readme_add_commands()
    assert [command[0] for command in commands] == ["add", "load", "serve"]

    for command in commands[:2]:  # serve runs until stopped; the Datasette test reads pages
        result = CliRunner().invoke(cli, command)
        assert result.exit_code == 0, (command, result.output)

    connection = sqlite3.connect(tmp_path / "my-corpus.db")
    assert connection.execute("select publisher, published from sources").fetchall() == [
        ("Steppe Courier", "2025-09-16")
    ]


def test_load_warns_when_the_raw_file_an_article_names_is_gone(tmp_path, monkeypatch):
    run_add(tmp_path, monkeypatch, PAGES / "time-element.html")
    path = only_article(tmp_path / "seeds")
    raw = tmp_path / "seeds" / front_matter(path)["raw"]
    raw.unlink()

    loaded = timeline.load(tmp_path / "seeds", str(tmp_path / "t.db"))

    shown = path.relative_to(tmp_path)
    expected = f"{shown}: raw '{front_matter(path)['raw']}' is not in the seeds folder"
    assert expected in loaded.warnings
