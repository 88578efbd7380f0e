"""`timeline serve` is safe by default: loopback only, read-only, time-limited, no writers,
and no anonymous request can stall it, fill it, reach into SQLite or read it from another
site (DNS rebinding)."""

from __future__ import annotations

import asyncio
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import quote
from urllib.request import urlopen

import pytest
from click.testing import CliRunner

import timeline
import timeline.web.serve
from timeline.cli import cli
from timeline.synthetic import CorpusSize, write_corpus
from timeline.web.serve import build_datasette

# Plugins a timeline server may load: ours, and the map plugins it bundles. None writes.
READ_ONLY_PLUGINS = {"timeline", "datasette-cluster-map", "datasette-leaflet"}


def get(datasette, path, **kwargs):
    return asyncio.run(datasette.client.get(path, **kwargs))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def listening_addresses(port: int) -> set[str]:
    """Local addresses with a socket listening on ``port`` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        path = Path(table)
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            address, port_hex = fields[1].rsplit(":", 1)
            if int(port_hex, 16) == port and fields[3] == "0A":  # 0A = LISTEN
                found.add(address)
    return found


def test_serve_listens_on_loopback_only_by_default(minimal_db):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "timeline", "serve", "--db", str(minimal_db), "--port", str(port)],
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while not listening_addresses(port) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert listening_addresses(port) == {"0100007F"}  # 127.0.0.1, little-endian hex
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_serving_beyond_loopback_says_so(minimal_db, monkeypatch):
    started = []
    monkeypatch.setattr(timeline.web.serve, "run_datasette", lambda *args: started.append(args))

    result = CliRunner().invoke(
        cli, ["serve", "--db", str(minimal_db), "--host", "0.0.0.0", "--port", "9999"]
    )

    assert result.exit_code == 0, result.output
    assert "warning: serving on 0.0.0.0: reachable from other machines" in result.output
    assert started and started[0][1:] == ("0.0.0.0", 9999)


def test_sql_time_limit_stops_a_runaway_query(minimal_db):
    datasette = build_datasette(str(minimal_db))
    settings = get(datasette, "/-/settings.json").json()
    runaway = (
        "with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c"
    )

    response = get(datasette, f"/minimal.json?sql={quote(runaway)}")

    assert settings["sql_time_limit_ms"] == 1000
    assert response.status_code == 400
    assert "SQL query took too long" in response.text


def test_no_plugin_that_writes_is_installed(minimal_db):
    datasette = build_datasette(str(minimal_db))
    plugins = {plugin["name"] for plugin in get(datasette, "/-/plugins.json").json()}

    assert plugins <= READ_ONLY_PLUGINS
    assert "timeline" in plugins


def test_served_database_refuses_writes(minimal_db):
    datasette = build_datasette(str(minimal_db))
    response = get(datasette, "/minimal.json?sql=insert+into+event_types+values+('x','y')")
    assert response.status_code == 400
    assert get(datasette, "/minimal/event_types.json?id=x&_shape=array").json() == []


# -- Hostile requests: nothing one anonymous request asks for may stall or expose the server --


def get_json(datasette, path, **kwargs):
    response = asyncio.run(datasette.client.get(path, **kwargs))
    return response, response.json()


def sql_url(database: str, sql: str) -> str:
    return f"/{database}.json?sql={quote(sql)}"


@pytest.mark.parametrize(
    ("sql", "message"),
    [
        ("select zeroblob(500000000)", "not authorized"),
        ("select randomblob(500000000)", "not authorized"),
        # SQLite's printf gives NULL for a value above the length limit.
        ("select printf('%.*c', 20000000, 'x')", None),
        ("select length(printf('%.*c', 20000000, 'x'))", None),
        ("select hex(printf('%.*c', 9000000, 'x'))", "string or blob too big"),
        (
            "with recursive c(x) as (select 1 union all select x + 1 from c limit 1000) "
            "select printf('%.*c', 1000000, 'x') from c",
            "result too large",
        ),
        ("select fts3_tokenizer('simple')", "not authorized"),
        ("select fts3_tokenizer('simple', x'00')", "not authorized"),
    ],
)
def test_a_query_cannot_make_a_huge_result_or_reach_into_sqlite(minimal_db, sql, message):
    datasette = build_datasette(str(minimal_db))
    started = time.monotonic()

    response, body = get_json(datasette, sql_url("minimal", sql))

    if message:
        assert response.status_code == 400
        assert message in body["error"]
    else:
        assert body["rows"] == [[None]]
    assert len(response.content) < 10_000
    assert time.monotonic() - started < 5


def test_stored_values_stay_readable_under_the_limits(minimal_db):
    datasette = build_datasette(str(minimal_db))
    response, body = get_json(datasette, sql_url("minimal", "select text from sources"))

    assert response.status_code == 200
    assert body["rows"][0][0].startswith("Kazakh President Kassym-Jomart Tokayev")


@pytest.mark.parametrize(
    "path",
    ["/", "/minimal", "/-/databases", "/-/databases.json", "/-/metadata.json",
     "/-/settings.json", "/minimal/-/timeline", "/minimal.json?sql=select+1+from+nowhere"],
)  # fmt: skip
def test_no_page_shows_where_the_database_file_is(minimal_db, path):
    datasette = build_datasette(str(minimal_db))
    response = get(datasette, path)

    assert response.status_code in (200, 400)
    assert str(minimal_db.parent) not in response.text


@pytest.mark.parametrize(
    ("bind", "allow", "host", "status"),
    [
        ("127.0.0.1", (), "localhost:8001", 200),
        ("127.0.0.1", (), "127.0.0.1:8001", 200),
        ("127.0.0.1", (), "[::1]:8001", 200),
        ("127.0.0.1", (), "timeline.localhost:8001", 200),
        ("127.0.0.1", (), "attacker.example:8001", 400),
        ("127.0.0.1", (), "attacker.example", 400),
        ("127.0.0.1", (), "192.168.1.20:8001", 400),
        ("127.0.0.1", ("timeline.example.org",), "timeline.example.org", 200),
        ("127.0.0.1", ("timeline.example.org",), "attacker.example", 400),
        ("0.0.0.0", (), "192.168.1.20:8001", 200),
        ("0.0.0.0", (), "attacker.example:8001", 400),
        ("192.168.1.20", (), "192.168.1.20:8001", 200),
        ("127.0.0.1", ("*",), "anything.example", 200),
    ],
)
def test_only_known_host_names_are_answered(minimal_db, bind, allow, host, status):
    datasette = build_datasette(str(minimal_db), bind, allow)

    response = get(datasette, "/minimal/-/timeline", headers={"host": host})

    assert response.status_code == status
    if status == 400:
        assert "--allow-host" in response.text


def test_a_plain_datasette_has_no_host_check(minimal_db):
    from datasette.app import Datasette

    datasette = Datasette(files=[str(minimal_db)])
    assert get(datasette, "/", headers={"host": "published.example"}).status_code == 200


def test_an_error_page_shows_no_sql(big_events_db):
    from datasette.app import Datasette

    # A time limit no query meets: every query of the page is interrupted.
    datasette = Datasette(files=[str(big_events_db)], settings={"sql_time_limit_ms": 1})
    for path in ("/events/-/timeline", "/events/-/timeline.json?type=meeting"):
        response = get(datasette, path)

        assert response.status_code == 400, response.text[:300]
        assert "time limit" in response.text
        assert "SELECT" not in response.text.upper()


def test_a_web_export_is_bounded_and_says_how_to_get_everything(big_events_db):
    datasette = build_datasette(str(big_events_db))

    response, body = get_json(datasette, "/events/-/timeline.json")
    assert response.status_code == 400
    assert "More than 10,000 events match" in body["error"]
    assert "timeline export events --format json" in body["error"]
    assert "SELECT" not in response.text.upper()

    connection = sqlite3.connect(big_events_db)
    meetings = connection.execute("select count(*) from events where type = 'meeting'").fetchone()
    connection.close()
    response, body = get_json(datasette, "/events/-/timeline.json?type=meeting")
    assert response.status_code == 200
    assert len(body) == meetings[0]


# -- Real servers on 127.0.0.1: a heavy request must not stall a cheap one ---------------------


@pytest.fixture(scope="module")
def big_events_db(tmp_path_factory):
    """10,500 events in 7 articles: above the web export's 10,000."""
    folder = tmp_path_factory.mktemp("big-events")
    write_corpus(folder / "seeds", CorpusSize(7, 1500, 1, actors=50))
    timeline.load(folder / "seeds", str(folder / "events.db"), extract=False)
    return folder / "events.db"


@pytest.fixture(scope="module")
def many_marks_db(tmp_path_factory):
    """One article with 10,000 highlighted quotes."""
    folder = tmp_path_factory.mktemp("many-marks")
    write_corpus(folder / "seeds", CorpusSize(1, 0, 10_000, actors=20))
    timeline.load(folder / "seeds", str(folder / "marks.db"), extract=False)
    return folder / "marks.db"


@contextmanager
def running_server(db: Path):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "timeline", "serve", "--db", str(db), "--port", str(port)],
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urlopen(f"{base}/-/versions.json", timeout=1).read()
                break
            except OSError:
                time.sleep(0.1)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def slowest_cheap_request_during(base: str, heavy_path: str) -> tuple[float, int, int]:
    """(the slowest of the cheap requests sent while the heavy one ran, its status, size)."""
    outcome = {}

    def heavy():
        try:
            with urlopen(base + heavy_path, timeout=120) as response:
                outcome.update(status=response.status, size=len(response.read()))
        except HTTPError as error:
            outcome.update(status=error.code, size=len(error.read()))

    thread = threading.Thread(target=heavy)
    thread.start()
    slowest = 0.0
    deadline = time.monotonic() + 120
    while thread.is_alive() and time.monotonic() < deadline:
        started = time.monotonic()
        urlopen(f"{base}/-/versions.json", timeout=120).read()
        slowest = max(slowest, time.monotonic() - started)
        time.sleep(0.02)
    thread.join(timeout=120)
    return slowest, outcome["status"], outcome["size"]


# Of the order of a cheap request on a busy two-core machine; the old code stalled them
# 5 s (source page), 3 s (exports) and 50 s (zeroblob).
MOMENT_S = 1.0


def test_a_source_page_with_10000_marks_does_not_stall_the_server(many_marks_db):
    with running_server(many_marks_db) as base:
        slowest, status, size = slowest_cheap_request_during(base, "/marks/-/sources/src-000000")

    assert status == 200
    assert slowest < MOMENT_S
    assert size < 10_000_000


@pytest.mark.parametrize(
    "path",
    [
        "/events/-/timeline.json",
        "/events/-/timeline.ics?type=meeting",
        "/events/-/timeline.timelinejs?type=visit",
        "/events.json?sql=" + quote("select zeroblob(500000000)"),
        # Seconds in SQLite's printf (the repeat ignores the length limit until done),
        # in one of Datasette's SQL threads: the event loop goes on answering.
        "/events.json?sql=" + quote("select printf('%.*c', 300000000, 'x')"),
    ],
)
def test_heavy_requests_do_not_stall_the_server(big_events_db, path):
    with running_server(big_events_db) as base:
        slowest, status, size = slowest_cheap_request_during(base, path)

    assert status in (200, 400)
    assert slowest < MOMENT_S
    assert size < 20_000_000


def test_a_real_server_refuses_a_foreign_host_name(minimal_db):
    with running_server(minimal_db) as base:
        port = int(base.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
            connection.sendall(b"GET / HTTP/1.1\r\nHost: rebound.attacker.example\r\n\r\n")
            answer = connection.recv(4096)

    assert answer.startswith(b"HTTP/1.1 400")


def test_serve_says_the_port_is_taken_before_printing_its_address(minimal_db, monkeypatch):
    started = []
    monkeypatch.setattr(timeline.web.serve, "run_datasette", lambda *args: started.append(args))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]

        result = CliRunner().invoke(cli, ["serve", "--db", str(minimal_db), "--port", str(port)])

    assert result.exit_code == 1
    assert f"cannot serve on 127.0.0.1:{port}" in result.output
    assert f"--port {port + 1}" in result.output
    assert "Datasette on" not in result.output
    assert started == []
