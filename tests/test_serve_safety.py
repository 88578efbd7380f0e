"""`timeline serve` is safe by default: loopback only, read-only, time-limited, no writers."""

from __future__ import annotations

import asyncio
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import quote

from click.testing import CliRunner

import timeline.serve
from timeline.cli import cli
from timeline.serve import build_datasette

# Plugins a timeline server may load: ours, and the map plugins it bundles. None writes.
READ_ONLY_PLUGINS = {"timeline", "datasette-cluster-map", "datasette-leaflet"}


def get(datasette, path):
    return asyncio.run(datasette.client.get(path))


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
    monkeypatch.setattr(timeline.serve, "run_datasette", lambda *args: started.append(args))

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
