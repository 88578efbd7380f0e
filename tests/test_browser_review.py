"""Reviewing an article in a real browser: `timeline serve --review` in a subprocess,
headless Chromium (the set-up of test_browser.py), a copy of ``fixtures/review``.

One article nobody has curated: the test accepts a quote (with the keyboard), corrects
a speaker, rejects a false event and merges two actors, then checks the seed files on
disk, that a load into an empty database gives the rows the server shows, and that the
rejected event stays away. Set TIMELINE_SCREENSHOTS=docs/screenshots to refresh the
README's screenshots.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

import timeline

from .conftest import FIXTURES, dump_database, file_digest
from .test_browser import (  # noqa: F401  (fixtures)
    CHROMIUM,
    Page,
    browser,
    free_port,
    screenshots,
    sync_api,
)

SOURCE = "river-gazette-2026-03-04-bridge"
Q = f"x-{SOURCE}-"
FALSE_EVENT_SENTENCE = "Apa-Canal Orhei, the company's name in Romanian, met the city"


def start_review_server(db: Path, seeds: Path, *extra: str):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "timeline", "serve", "--db", str(db), "--port", str(port),
         "--review", "--seeds", str(seeds), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=1)
            return process, f"http://127.0.0.1:{port}"
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"timeline serve exited: {process.stdout.read().decode()}")
            time.sleep(0.1)
    process.kill()
    pytest.fail("timeline serve --review did not start within 20 s")


@pytest.fixture
def review_site(tmp_path):
    """(base URL, seeds copy, database) of `timeline serve --review` over fixtures/review."""
    seeds = tmp_path / "seeds"
    shutil.copytree(FIXTURES / "review", seeds)
    db = tmp_path / "review.db"
    timeline.load(seeds, str(db))
    process, url = start_review_server(db, seeds)
    yield url, seeds, db
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture
def desktop(browser):  # noqa: F811
    page = Page(browser, 1280)
    yield page
    page.close()


def submit(page, selector: str) -> None:
    with page.expect_navigation():
        page.click(selector)


def message(page) -> str:
    return page.locator(".message-info, .message-error").first.inner_text()


def seed_digests(seeds: Path) -> dict[Path, str]:
    """Every file of the folder (temporary ones too) and its hash."""
    return {path: file_digest(path) for path in seeds.rglob("*") if path.is_file()}


def rows(db: Path, sql: str) -> list[tuple]:
    connection = sqlite3.connect(db)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_review_an_article_end_to_end(review_site, desktop, screenshots, tmp_path):  # noqa: F811
    url, seeds, db = review_site
    page = desktop.page
    page.goto(f"{url}/review/-/review")
    assert page.locator("table.rv-queue tbody tr").count() == 1
    page.screenshot(path=str(screenshots / "review-queue.png"))
    with page.expect_navigation():
        page.keyboard.press("Enter")  # the first article is selected: Enter opens it
    assert page.url.endswith(f"/review/-/sources/{SOURCE}#review")

    panel = page.locator("#review")
    assert panel.locator(".rv-item[data-kind=quote]").count() == 4
    # The current item's sentence is highlighted in the article.
    first = page.locator(f"#review-quote-{Q}q1")
    assert "rv-current" in first.get_attribute("class")
    assert page.locator("mark.rv-highlight").first.inner_text().startswith("The bridge will open")
    page.screenshot(path=str(screenshots / "review-source.png"))

    # 1. Accept the first quote with the keyboard.
    with page.expect_navigation():
        page.keyboard.press("a")
    assert message(page).startswith(f"Quote {Q}q1 accepted")
    assert page.locator(f"#review-quote-{Q}q1").count() == 0
    assert page.locator(f"#span-quote-{Q}q1").count() == 1  # still marked, now curated

    # 2. The third quote's speaker was not found: it is Elena Popa (an extracted actor).
    page.fill(f"#review-quote-{Q}q3 input[name=speaker]", "elena-popa")
    submit(page, f"#review-quote-{Q}q3 form.rv-correct button")
    assert message(page).startswith(f"Quote {Q}q3 corrected")

    # 3. Reject the false event.
    false_event = page.locator(".rv-item[data-kind=event]", has_text="Apa-Canal Orhei")
    event_id = false_event.get_attribute("id").removeprefix("review-event-")
    false_event.locator("input[name=reason]").fill("not a meeting: the sentence names the company")
    submit(page, f"#review-event-{event_id} form.rv-reject button")
    assert "rejected: not a meeting" in message(page)
    assert page.locator(f"#review-event-{event_id}").count() == 0

    # 4. "Baker Ion Cheban" is Ion Ceban, spelt another way.
    page.fill("#review-actor-baker-ion-cheban input[name=into]", "ion-ceban")
    submit(page, "#review-actor-baker-ion-cheban form.rv-merge button")
    assert message(page).startswith("Actor 'Baker Ion Cheban' merged into 'Ion Ceban'")
    assert page.locator("#review-actor-baker-ion-cheban").count() == 0
    page.screenshot(path=str(screenshots / "review-after.png"), full_page=True)
    assert desktop.outside == [] and desktop.errors == []

    # The decisions on disk, in the formats people keep.
    records = yaml.safe_load((seeds / "records" / f"{SOURCE}.yaml").read_text("utf-8"))
    quotes = {q["id"]: q for q in records["quotes"]}
    assert set(quotes) == {f"{Q}q1", f"{Q}q3"}
    assert quotes[f"{Q}q1"]["speaker"] == "ana-rusu"
    assert quotes[f"{Q}q3"]["speaker"] == "elena-popa"
    assert quotes[f"{Q}q3"]["text"] == "There is no money for a bridge this year,"
    assert [a["id"] for a in records["actors"]] == ["elena-popa"]
    review = yaml.safe_load((seeds / "records" / f"{SOURCE}.review.yaml").read_text("utf-8"))
    [rejected] = review["rejected"]
    assert rejected["event"].startswith(FALSE_EVENT_SENTENCE)
    assert rejected["type"] == "meeting" and rejected["reason"].startswith("not a meeting")
    actors = yaml.safe_load((seeds / "records" / "actors.yaml").read_text("utf-8"))["actors"]
    ion = next(a for a in actors if a["id"] == "ion-ceban")
    assert ion["aliases"] == ["Baker Ion Cheban"]
    assert "# Actors known before the review" in (seeds / "records" / "actors.yaml").read_text()

    # The database the server shows is the one the seeds folder gives.
    served = dump_database(db)
    fresh = tmp_path / "fresh.db"
    timeline.load(seeds, str(fresh))
    assert dump_database(fresh) == served
    assert rows(fresh, "SELECT id, origin, speaker_id FROM quotes ORDER BY id") == [
        (f"{Q}q1", "curated", "ana-rusu"),
        (f"{Q}q2", "extracted", "mircea-dobre"),
        (f"{Q}q3", "curated", "elena-popa"),
        (f"{Q}q4", "extracted", "ion-ceban"),
    ]
    # Unreviewed rows stay extracted; the merged spelling is gone.
    assert ("x-2026-03-06-visit-mircea-dobre", "extracted") in rows(
        fresh, "SELECT id, origin FROM events"
    )
    assert rows(fresh, "SELECT id FROM actors WHERE id = 'baker-ion-cheban'") == []

    # The rejected event does not come back: not after another load, nor when every
    # article is extracted anew.
    # (as many events as the fresh load of the reviewed seeds holds, the rejected one not)
    [(kept,)] = rows(fresh, "SELECT count(*) FROM events")
    for result in (timeline.load(seeds, str(db)), timeline.load(seeds, str(db), fresh=True)):
        assert result.counts["events"] == kept
        found = rows(db, "SELECT excerpt FROM event_sources")
        assert not any(excerpt.startswith(FALSE_EVENT_SENTENCE) for (excerpt,) in found)


def test_a_correction_that_fails_validation_changes_nothing(review_site, desktop, tmp_path):
    url, seeds, db = review_site
    page = desktop.page
    page.goto(f"{url}/review/-/sources/{SOURCE}")
    files = seed_digests(seeds)
    before = dump_database(db)

    # A quote span that is not in the article, as a tampered page would send it.
    item = f"#review-quote-{Q}q2"
    page.eval_on_selector(
        item,
        "el => { el.querySelector('.rv-span-text').value = 'We have promised everything';"
        " el.querySelector('.rv-span-start').value = '0'; }",
    )
    submit(page, f"{item} form.rv-correct button")

    shown = page.locator(".message-error").inner_text()
    assert shown.startswith("Not saved, files and database unchanged:")
    # The loader's own message, as a hand-written record with that text gets it.
    copy = tmp_path / "by-hand"
    shutil.copytree(seeds, copy)
    (copy / "records" / f"{SOURCE}.yaml").write_text(
        "quotes:\n"
        f"- id: {Q}q2\n  source: {SOURCE}\n  speaker: ana-rusu\n"
        "  text: We have promised everything\n  kind: quotation\n",
        encoding="utf-8",
    )
    with pytest.raises(timeline.errors.TimelineError) as by_hand:
        timeline.load(copy, str(tmp_path / "by-hand.db"))
    # The same words after the file and line (the lines differ: the review writes a header).
    where, words = str(by_hand.value).replace(str(copy), str(seeds)).split(": ", 1)
    assert f"{where.rsplit(':', 1)[0]}:" in shown and words in shown
    assert seed_digests(seeds) == files
    assert dump_database(db) == before
    assert page.locator(f"{item}").count() == 1  # still there to review


def test_a_selection_in_the_article_corrects_a_quote_span(review_site, desktop):
    url, seeds, db = review_site
    page = desktop.page
    page.goto(f"{url}/review/-/sources/{SOURCE}#review-quote-{Q}q2")
    # Select "We have promised nothing" (the quote without its second half).
    page.evaluate(
        """() => {
        const article = document.querySelector('.tl-article');
        const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.data.indexOf('We have promised nothing');
          if (at >= 0) {
            const range = document.createRange();
            range.setStart(node, at);
            range.setEnd(node, at + 'We have promised nothing'.length);
            getSelection().removeAllRanges();
            getSelection().addRange(range);
            article.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
            return;
          }
        }
      }"""
    )
    note = page.locator(f"#review-quote-{Q}q2 .rv-span-note").inner_text()
    assert "We have promised nothing" in note
    submit(page, f"#review-quote-{Q}q2 form.rv-correct button")
    assert page.locator(".message-info").inner_text().startswith(f"Quote {Q}q2 corrected")
    text = (seeds / "records" / f"{SOURCE}.yaml").read_text("utf-8")
    assert "text: We have promised nothing\n" in text
    [(start, end)] = rows(db, f"SELECT start_offset, end_offset FROM quotes WHERE id = '{Q}q2'")
    article = rows(db, f"SELECT text FROM sources WHERE id = '{SOURCE}'")[0][0]
    assert article[start:end] == "We have promised nothing"


def test_post_without_csrf_token_is_refused(review_site):
    url, seeds, db = review_site
    files = seed_digests(seeds)
    form = f"action=accept&kind=quote&id={Q}q1".encode()
    for headers in ({}, {"Cookie": "ds_csrftoken=forged"}):
        request = urllib.request.Request(
            f"{url}/review/-/review/{SOURCE}", data=form, headers=headers, method="POST"
        )
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request, timeout=10)
        assert refused.value.code == 403
    assert seed_digests(seeds) == files
