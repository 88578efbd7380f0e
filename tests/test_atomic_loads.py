"""A load is all or nothing: killed, failing or watched by Datasette, the database stays whole."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

import pytest

import timeline
from timeline.loading import curated
from timeline.synthetic import CorpusSize, write_corpus

from .conftest import FIXTURES, dump_database

BIG = CorpusSize(sources=120, events_per_source=100, quotes_per_source=20, actors=300)


@pytest.fixture(scope="module")
def big_corpus(tmp_path_factory):
    return write_corpus(tmp_path_factory.mktemp("big") / "seeds", BIG)


def integrity(db) -> str:
    import sqlite3

    connection = sqlite3.connect(db)
    try:
        return connection.execute("pragma integrity_check").fetchone()[0]
    finally:
        connection.close()


def test_sigkill_during_a_load_leaves_the_previous_database(big_corpus, tmp_path):
    db = tmp_path / "t.db"
    timeline.load(FIXTURES / "minimal", str(db))
    before = dump_database(db)
    wal = db.with_name(db.name + "-wal")
    loader = subprocess.Popen(
        [sys.executable, "-m", "timeline", "load", str(big_corpus), "--db", str(db), "--quiet"]
    )
    # Kill it in the middle of writing: once the uncommitted transaction has put
    # more than a megabyte of pages into the write-ahead log.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and loader.poll() is None:
        if wal.exists() and wal.stat().st_size > 1_000_000:
            break
        time.sleep(0.01)
    assert loader.poll() is None, "the load finished before it could be killed"
    loader.send_signal(signal.SIGKILL)
    loader.wait()

    assert loader.returncode == -signal.SIGKILL
    assert integrity(db) == "ok"
    assert dump_database(db) == before


def test_an_exception_after_writing_rolls_everything_back(tmp_path, monkeypatch):
    db = tmp_path / "t.db"
    timeline.load(FIXTURES / "minimal", str(db))
    before = dump_database(db)
    real_finish = curated.CuratedWriter.finish

    def write_then_fail(self):
        real_finish(self)  # every curated row is written by now
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(curated.CuratedWriter, "finish", write_then_fail)
    with pytest.raises(RuntimeError):
        timeline.load(FIXTURES / "boilerplate", str(db))

    assert dump_database(db) == before
    # Into a new file, a failed full load leaves no file at all, not an empty database.
    with pytest.raises(RuntimeError):
        timeline.load(FIXTURES / "boilerplate", str(tmp_path / "new.db"))
    assert [p.name for p in tmp_path.iterdir() if "new" in p.name] == []


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_datasette_never_sees_a_half_loaded_database(big_corpus, tmp_path):
    db = tmp_path / "live.db"
    timeline.load(FIXTURES / "minimal", str(db))
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "timeline", "serve", "--db", str(db), "--port", str(port)],
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/live.json?sql=select+count(*)+as+n+from+events&_shape=array"
    try:
        # Up to a minute for the server to start: on a loaded two-core machine 10 s
        # (the old bound) was sometimes not enough, and the test failed before it began.
        started = time.monotonic() + 60
        while time.monotonic() < started:
            try:
                urllib.request.urlopen(url, timeout=2)
                break
            except OSError:
                time.sleep(0.05)
        seen, failures = set(), []
        loading = threading.Thread(target=timeline.load, args=(big_corpus, str(db)))
        loading.start()
        polls = 0
        while loading.is_alive() or polls < 5:
            polls += 1
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    seen.add(json.loads(response.read())[0]["n"])
            except Exception as error:  # every failure counts against us
                failures.append(repr(error))
            time.sleep(0.02)
        loading.join()
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=10)

    assert failures == []
    assert seen <= {1, BIG.events}
    assert BIG.events in seen
    assert polls > 20


def test_python_m_timeline_is_the_cli():
    result = subprocess.run(
        [sys.executable, "-m", "timeline", "--help"],
        capture_output=True,
        text=True,
        env={**os.environ},
    )
    assert result.returncode == 0
    assert "load" in result.stdout
