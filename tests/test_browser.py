"""The timeline pages in a real browser: `timeline serve` in a subprocess, headless Chromium.

Skips only when Chromium (Debian's ``chromium``) or Playwright's Python package is missing;
Playwright drives the system browser and never downloads one. Every request the page
makes is checked: nothing but loopback, except map tiles, which are refused, to show the
map page still works offline.

Screenshots go to a temporary folder; set TIMELINE_SCREENSHOTS=docs/screenshots to
refresh the ones the documentation shows.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest

import timeline

from .conftest import FIXTURES, REPO

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# CI sets TIMELINE_REQUIRE_BROWSER=1: there a missing browser is a failure, not a skip.
pytestmark = pytest.mark.skipif(
    CHROMIUM is None and os.environ.get("TIMELINE_REQUIRE_BROWSER") != "1",
    reason="chromium is not installed (apt-get install -y chromium)",
)
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')"
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(db: Path):
    """(`timeline serve` on a free loopback port over ``db``, its base URL)."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "timeline", "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if process.poll() is not None:
                pytest.fail(f"timeline serve exited: {process.stdout.read().decode()}")
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail("timeline serve did not start within 20 s")
    return process, f"http://127.0.0.1:{port}"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`timeline serve` on a free loopback port, over the browse fixture."""
    db = tmp_path_factory.mktemp("browser") / "browse.db"
    timeline.load(FIXTURES / "browse", str(db))
    process, url = start_server(db)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    """The same over ``fixtures/hostile``: URLs that run script, a place name that opens
    an HTML comment and a script."""
    db = tmp_path_factory.mktemp("browser-hostile") / "hostile.db"
    timeline.load(FIXTURES / "hostile", str(db))
    process, url = start_server(db)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        # launch() gives Chromium a fresh temporary --user-data-dir of its own.
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def screenshots(tmp_path) -> Path:
    folder = os.environ.get("TIMELINE_SCREENSHOTS")
    path = (REPO / folder) if folder else tmp_path
    path.mkdir(parents=True, exist_ok=True)
    return path


class Page:
    """A browser tab that records every request leaving loopback and refuses it."""

    def __init__(self, browser, width: int):
        self.context = browser.new_context(viewport={"width": width, "height": 900})
        self.outside: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _route(self, route):
        host = urlparse(route.request.url).hostname
        if host in ("127.0.0.1", "localhost"):
            route.continue_()
        else:
            self.outside.append(route.request.url)
            route.abort()

    def close(self):
        self.context.close()


@pytest.fixture
def desktop(browser):
    page = Page(browser, 1280)
    yield page
    page.close()


@pytest.fixture
def phone(browser):
    page = Page(browser, 390)
    yield page
    page.close()


def shown_events(page) -> list[str]:
    return page.locator("article.tl-event").evaluate_all("els => els.map(e => e.id)")


def test_filter_the_timeline_by_actor_and_date(server, desktop, screenshots):
    page = desktop.page
    page.goto(f"{server}/browse/-/timeline")
    assert len(shown_events(page)) == 6
    assert page.locator("h2.tl-year-heading").all_inner_texts() == ["2023", "2024", "2025", "2026"]

    page.select_option("select[name=actor]", "bekzat-nurlanov")
    page.fill("input[name=from]", "2024")
    page.click("form.tl-filters button")
    page.wait_for_load_state()

    assert parse_qs(urlparse(page.url).query) == {"actor": ["bekzat-nurlanov"], "from": ["2024"]}
    assert shown_events(page) == [
        "event-2024-03-04-aktau-talks",
        "event-2025-11-18-ferry-agreement",
    ]
    assert page.locator(".tl-count").inner_text() == "2 of 6 events match"
    assert page.locator(".chip").first.inner_text() == "actor: Bekzat Nurlanov ×"
    page.screenshot(path=str(screenshots / "timeline-filtered-desktop.png"))

    page.click("text=clear all")
    assert len(shown_events(page)) == 6
    page.screenshot(path=str(screenshots / "timeline-desktop.png"))
    assert desktop.outside == [] and desktop.errors == []


def test_full_text_search_from_the_form(server, desktop):
    page = desktop.page
    page.goto(f"{server}/browse/-/timeline")

    page.fill("input[name=q]", "inspections")
    page.press("input[name=q]", "Enter")
    page.wait_for_load_state()

    assert "q=inspections" in page.url
    assert shown_events(page) == ["event-2025-11-port-inspections"]
    assert (
        page.locator("#event-2025-11-port-inspections time").inner_text() == "10–14 November 2025"
    )


def test_timeline_reads_well_on_a_phone(server, phone, screenshots):
    page = phone.page
    page.goto(f"{server}/browse/-/timeline")

    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"page is {width}px wide on a 390px screen"
    card = page.locator("#event-2024-03-04-aktau-talks")
    when, body = card.locator(".tl-when").bounding_box(), card.locator(".tl-body").bounding_box()
    assert when["y"] < body["y"], "on a phone the date sits above the event, not beside it"
    page.screenshot(path=str(screenshots / "timeline-phone.png"))
    card.scroll_into_view_if_needed()
    page.screenshot(path=str(screenshots / "timeline-event-phone.png"))
    assert phone.outside == [] and phone.errors == []


def test_actor_page_links_through_to_the_source_highlight(server, desktop, screenshots):
    page = desktop.page
    page.goto(f"{server}/browse/-/timeline")
    page.click("#event-2024-03-04-aktau-talks .tl-actors >> text=Mara Olsen")
    page.wait_for_load_state()

    assert page.locator("h1").inner_text() == "Mara Olsen"
    assert page.locator("#quotes ~ ol li").count() == 2
    page.screenshot(path=str(screenshots / "actor-desktop.png"))

    page.click("#quote-riverside-q1 .cite >> text=Riverside Gazette")
    page.wait_for_load_state()
    target = page.locator("#span-quote-riverside-q1")
    assert urlparse(page.url).fragment == "span-quote-riverside-q1"
    assert target.is_visible()
    marked = page.locator('mark[data-spans~="quote:riverside-q1"]').all_inner_texts()
    assert "".join(marked) == "Our harbours have waited long enough,"
    assert (
        page.locator(".tl-article span.k-boilerplate").inner_text().startswith("Share this article")
    )
    page.goto(f"{server}/browse/-/sources/riverside-2024-03-05-talks")
    page.screenshot(path=str(screenshots / "source-desktop.png"))
    assert desktop.outside == [] and desktop.errors == []


def test_map_draws_markers_offline(server, desktop, screenshots):
    page = desktop.page
    page.goto(f"{server}/browse/-/map")
    page.wait_for_selector("#tl-map[data-ready='2']", timeout=10_000)

    assert page.locator("#tl-map path.leaflet-interactive").count() == 2
    assert page.locator("table.tl-places tbody tr").count() == 2
    assert desktop.outside, "the map should have asked for tiles"
    assert all(".tile.openstreetmap.org/" in url for url in desktop.outside)
    page.locator("#tl-map path.leaflet-interactive").nth(1).click()
    assert "2 events" in page.locator(".leaflet-popup-content").inner_text()
    page.screenshot(path=str(screenshots / "map-offline-desktop.png"))
    assert desktop.errors == []


def test_hostile_urls_are_text_that_runs_nothing(hostile_server, desktop):
    page = desktop.page
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for source in ("js-link", "data-link", "vbscript-link"):
        page.goto(f"{hostile_server}/hostile/-/sources/{source}")
        shown = page.locator(".tl-header .tl-not-a-link")
        assert shown.count() == 1
        shown.click()
        assert urlparse(page.url).path == f"/hostile/-/sources/{source}"
    page.goto(f"{hostile_server}/hostile/-/timeline")
    for shown in page.locator(".tl-sources .tl-not-a-link").all():
        shown.click()
    assert urlparse(page.url).path == "/hostile/-/timeline"
    assert dialogs == [] and desktop.errors == []


def test_map_draws_a_place_whose_name_opens_a_script(hostile_server, desktop):
    page = desktop.page
    page.goto(f"{hostile_server}/hostile/-/map")
    page.wait_for_selector("#tl-map[data-ready='1']", timeout=10_000)

    assert page.locator("#tl-map path.leaflet-interactive").count() == 1
    assert page.locator("table.tl-places td").first.inner_text() == "Port <!--<script> of Kuryk"
    assert desktop.errors == []


def test_a_stray_quote_in_the_search_box_gives_a_page(hostile_server, desktop):
    page = desktop.page
    page.goto(f"{hostile_server}/hostile/-/timeline")
    page.fill("input[name=q]", '"harbour')
    page.press("input[name=q]", "Enter")
    page.wait_for_load_state()

    assert shown_events(page) == ["event-2025-03-01-timetable"]
    page.fill("input[name=q]", '"')
    page.press("input[name=q]", "Enter")
    page.wait_for_load_state()
    assert "has no word to search for" in page.locator(".tl-error").inner_text()
    assert desktop.errors == []
