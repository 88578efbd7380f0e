"""Datasette latency at scale: median and p95 of the pages a reader opens, on loopback.

    # build a 100,000-event database from a synthetic corpus (about a minute), multiply
    # it to 1,000,000 events with SQL (a few minutes), then time every URL:
    .venv/bin/python benchmarks/datasette_latency.py --work /tmp/dl --events 1000000

    # time an existing database only:
    .venv/bin/python benchmarks/datasette_latency.py --db /tmp/dl/1000k.db

Loading a million events through ``timeline load`` takes a long time, so the script
loads one tenth of the corpus and copies its rows with SQL (``--scale-up``): copy k of
source ``src-000123`` becomes ``src-{123 + k * sources:06d}``, and every id, foreign
key, file path and text that names it is renumbered the same way. The result has the
shape ``benchmarks/scale.py`` would load at that size (100 events, 200 event-actor
links and 100 quotes per source; the same 1,000 actors), and the same full-text
indexes, filled by the tables' own triggers.

Each URL is requested once to warm up, then ``--repeats`` times; the table shows
median and p95 in milliseconds. The server is ``timeline serve`` itself, with its
settings (read-only, 1 s SQL time limit, 1,000 rows per page). The machine is shared,
so run it twice before believing a figure.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TIMELINE = [sys.executable, "-m", "timeline"]
EVENTS_PER_SOURCE = 100
SOURCE_ID = re.compile(r"src-(\d{6})")

# Tables whose rows belong to one source; copies of them are renumbered. Actors, places
# and the vocabularies are shared by every source and are not copied.
PER_SOURCE_TABLES = [
    "sources",
    "source_inferences",
    "source_boilerplate",
    "events",
    "event_actors",
    "event_sources",
    "quotes",
    "figures",
    "seed_files",
]


def load_base(work: Path, sources: int) -> Path:
    """A database loaded by ``timeline load`` from a synthetic corpus of ``sources``."""
    db = work / f"{sources * EVENTS_PER_SOURCE // 1000}k.db"
    if db.exists():
        return db
    seeds = work / f"seeds-{sources}"
    if not seeds.exists():
        sys.path.insert(0, str(REPO))
        from timeline.synthetic import CorpusSize, write_corpus

        write_corpus(seeds, CorpusSize(sources, EVENTS_PER_SOURCE, EVENTS_PER_SOURCE, 1000))
    subprocess.run(
        [*TIMELINE, "load", str(seeds), "--db", str(db), "--no-extract"], check=True, cwd=REPO
    )
    return db


def scale_up(base: Path, target: Path, factor: int) -> Path:
    """Copy ``base`` to ``target`` with every per-source row repeated ``factor`` times."""
    if target.exists():
        return target
    partial = target.with_suffix(".partial")
    source = sqlite3.connect(base)
    partial.unlink(missing_ok=True)
    destination = sqlite3.connect(partial)
    source.backup(destination)
    source.close()
    destination.execute("pragma journal_mode = wal")
    sources = destination.execute("select count(*) from sources").fetchone()[0]
    destination.create_function(
        "renumber",
        2,
        lambda value, copy: (
            SOURCE_ID.sub(lambda match: f"src-{int(match.group(1)) + copy * sources:06d}", value)
            if isinstance(value, str)
            else value
        ),
        deterministic=True,
    )
    base_rows = {
        table: destination.execute(f"select max(rowid) from [{table}]").fetchone()[0] or 0
        for table in PER_SOURCE_TABLES
    }
    for copy in range(1, factor):
        started = time.perf_counter()
        with destination:
            for table in PER_SOURCE_TABLES:
                _copy_rows(destination, table, copy, base_rows[table])
        print(f"  copy {copy}/{factor - 1}: {time.perf_counter() - started:.0f} s", flush=True)
    destination.execute("pragma wal_checkpoint(truncate)")
    destination.close()
    partial.rename(target)
    return target


def _copy_rows(connection: sqlite3.Connection, table: str, copy: int, last_rowid: int) -> None:
    """Insert copy ``copy`` of the base rows of ``table`` (rowid up to ``last_rowid``)."""
    columns = [row[1] for row in connection.execute(f"pragma table_info([{table}])")]
    # Only columns that name a source need renumbering; the rest are copied as they are.
    named = {
        column
        for column in columns
        if connection.execute(
            f"select 1 from [{table}] where [{column}] like '%src-%' limit 1"
        ).fetchone()
    }
    select = ", ".join(
        f"renumber([{column}], :copy)" if column in named else f"[{column}]" for column in columns
    )
    listed = ", ".join(f"[{column}]" for column in columns)
    # Seed files that belong to no source (records/actors.yaml) exist once.
    own = " and path like '%src-%'" if table == "seed_files" else ""
    connection.execute(
        f"insert into [{table}] ({listed}) select {select} from [{table}] "
        f"where rowid <= :last{own} order by rowid",
        {"copy": copy, "last": last_rowid},
    )


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def served(db: Path, code: Path = REPO):
    """``timeline serve`` of the ``timeline`` package in ``code`` on a free loopback
    port; yields the database's base URL."""
    port = free_port()
    server = subprocess.Popen(
        [*TIMELINE, "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=code,
        env={**os.environ, "PYTHONPATH": str(code)},
    )
    try:
        for _ in range(600):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/-/versions.json", timeout=1)
                break
            except OSError:
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}/{db.stem}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def fetch(url: str) -> tuple[float, int, bytes]:
    """Milliseconds to read the whole response, its status, and its body."""
    started = time.perf_counter()
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            body, status = response.read(), response.status
    except urllib.error.HTTPError as error:
        body, status = error.read(), error.code
    return (time.perf_counter() - started) * 1000, status, body


def latencies(url: str, repeats: int) -> tuple[float, float, int, int]:
    """Median and p95 (ms) of GET url after one warm-up, the last status and body size."""
    fetch(url)
    times = []
    for _ in range(repeats):
        elapsed, status, body = fetch(url)
        times.append(elapsed)
    times.sort()
    return statistics.median(times), times[max(0, round(0.95 * len(times)) - 1)], status, len(body)


# What a reader opens, as `benchmarks/scale.py` times it, and the other ways this
# project offers to the same rows. The 10,000-row export is the first hundred sources'
# events; Datasette's own "CSV" link adds _size=max.
PAGES = {
    "timeline page (plugin)": "/-/timeline",
    "actor page (plugin)": "/-/actors/actor-7",
    # Where the actor page's "all of them" links lead: 2,070 events, 1,020 quotes.
    "actor's events on the timeline (plugin)": "/-/timeline?actor=actor-7",
    "actor's quotes (Datasette quotes table)": "/quotes?speaker_id=actor-7",
    "full-text search (Datasette events table)": "/events?_search=agreement",
    "full-text search (plugin timeline page)": "/-/timeline?q=agreement",
    "10,000-row CSV (Datasette, streamed)": "/events.csv?_stream=on&id__lt=src-000100",
    "10,000-row CSV (Datasette, streamed, _size=max)": (
        "/events.csv?_stream=on&_size=max&id__lt=src-000100"
    ),
    "10,000-row CSV (Datasette, streamed, _size=max, _sort=id)": (
        "/events.csv?_stream=on&_size=max&_sort=id&id__lt=src-000100"
    ),
    "10,000-row CSV (plugin export)": "/-/export/events.csv?id__lt=src-000100",
}
# Datasette's streamed CSV takes seconds here; it gets a quarter of the requests.
SLOW = ("Datasette, streamed",)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="time this database; build nothing")
    parser.add_argument("--work", type=Path, default=Path("/tmp/datasette-latency"))
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--scale-up", type=int, default=10, help="copies of the loaded base")
    parser.add_argument("--repeats", type=int, default=40, help="requests per URL")
    parser.add_argument("--only", action="append", help="time only URLs containing this")
    parser.add_argument(
        "--code",
        type=Path,
        default=REPO,
        help="serve the timeline package in this folder (to time the code before a change: "
        "git archive HEAD | tar -x -C /tmp/before, then --code /tmp/before)",
    )
    options = parser.parse_args()
    db = options.db
    if db is None:
        options.work.mkdir(parents=True, exist_ok=True)
        factor = max(1, options.scale_up)
        base = load_base(options.work, max(1, options.events // EVENTS_PER_SOURCE // factor))
        db = base
        if factor > 1:
            db = options.work / f"{options.events // 1000}k.db"
            print(f"scaling {base} up {factor} times to {db}", flush=True)
            db = scale_up(base, db, factor)
    events = sqlite3.connect(db).execute("select count(*) from events").fetchone()[0]
    print(f"{db}: {events:,} events; code: {options.code}; {options.repeats} requests per URL")
    pages = {
        name: path
        for name, path in PAGES.items()
        if not options.only or any(part in path or part in name for part in options.only)
    }
    width = max(len(name) for name in pages)
    with served(db, options.code) as base_url:
        for name, path in pages.items():
            repeats = options.repeats
            if any(word in name for word in SLOW):
                repeats = max(5, repeats // 4)
            median, p95, status, size = latencies(base_url + path, repeats)
            print(
                f"{name:<{width}}  median {median:6.0f} ms  p95 {p95:6.0f} ms"
                f"  HTTP {status}, {size:>9,} bytes  {path}",
                flush=True,
            )


if __name__ == "__main__":
    main()
