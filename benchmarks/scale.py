"""Scale benchmark: load throughput, incremental loads, Datasette latency, extraction, memory.

    .venv/bin/python benchmarks/scale.py --events 100000          # a few minutes
    .venv/bin/python benchmarks/scale.py --events 1000000         # the issue's size

Generates a synthetic corpus (timeline.synthetic: 100 events, 2 actors each, and as
many quotes per source), then prints one table. Every ratio is against a baseline
measured in the same run on the same machine, so a busy machine shifts both sides:

* full load, as a throughput ratio to raw ``sqlite3`` ``executemany`` inserting the
  same rows into the same schema (migrated, with its indexes and FTS triggers);
* a second load of the unchanged corpus, and a load after one article changed;
* Datasette on loopback: median and p95 of every page in datasette_latency.PAGES (the
  timeline and an actor page, full-text searches, 10,000-row CSV exports);
* extraction throughput on the seed articles, one core;
* peak memory (max RSS) of the load process.

Not part of the test suite: machines are shared and timings are noisy.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.datasette_latency import PAGES, SLOW, latencies, served  # noqa: E402
from timeline.synthetic import CorpusSize, write_corpus  # noqa: E402
from timeline.validate import Corpus  # noqa: E402

TARGETS = {
    "full load vs raw executemany (throughput ratio)": ">= 0.5",
    "second load, unchanged": "< 5% of full load",
    "load after one source changed": "< 2 s at 10,000 sources",
    "peak memory of the full load": "< 1 GiB at 1,000,000 events",
    "pages p95": "< 100 ms",
}


def run_load(seeds: Path, db: Path) -> tuple[float, int]:
    """Wall time and peak RSS (bytes) of `timeline load` in its own process."""
    script = (
        "import resource, sys, time, timeline\n"
        "start = time.perf_counter()\n"
        "timeline.load(sys.argv[1], sys.argv[2])\n"
        "elapsed = time.perf_counter() - start\n"
        "print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(seeds), str(db)],
        check=True,
        capture_output=True,
        text=True,
        cwd=REPO,
    ).stdout.split()
    return float(out[0]), int(out[1]) * 1024


def raw_executemany_seconds(loaded: Path, scratch: Path) -> tuple[float, int]:
    """Insert every row of the loaded database into a fresh copy of its schema with plain
    sqlite3 executemany in one transaction; rows are read into memory first, untimed."""
    source = sqlite3.connect(loaded)
    tables = [
        row[0]
        for row in source.execute(
            "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' "
            "and name not like '%_fts%' and name != 'alembic_version'"
        )
    ]
    rows = {table: source.execute(f"select * from [{table}]").fetchall() for table in tables}
    source.close()
    subprocess.run(
        [sys.executable, "-m", "timeline", "db", "upgrade", "--db", str(scratch)],
        check=True,
        capture_output=True,
        cwd=REPO,
    )
    target = sqlite3.connect(scratch, isolation_level=None)
    target.execute("pragma journal_mode = wal")
    target.execute("pragma defer_foreign_keys = on")
    order = [*Corpus.TABLES, "seed_files"]
    start = time.perf_counter()
    target.execute("begin")
    for table in order:
        if rows.get(table):
            marks = ", ".join("?" * len(rows[table][0]))
            target.executemany(f"insert into [{table}] values ({marks})", rows[table])
    target.execute("commit")
    elapsed = time.perf_counter() - start
    target.close()
    return elapsed, sum(len(r) for r in rows.values())


def datasette_figures(db: Path, repeats: int) -> dict[str, tuple[float, float]]:
    """Median and p95 of every page in datasette_latency.PAGES, served by `timeline serve`."""
    figures = {}
    with served(db) as base:
        for name, path in PAGES.items():
            slow = any(word in name for word in SLOW)
            median, p95, status, _ = latencies(
                base + path, max(5, repeats // 4) if slow else repeats
            )
            if status != 200:
                raise SystemExit(f"{path}: HTTP {status}")
            figures[name] = (median, p95)
    return figures


def extraction_rate() -> float:
    """Seed articles extracted per second on one core (median of repeats)."""
    from timeline.extract.pipeline import article_from_row, extract_article
    from timeline.seeds import read_seed_files
    from timeline.validate import validate

    corpus = validate(read_seed_files(REPO / "seeds"))
    articles = [article_from_row(row) for row in corpus.sources]
    extract_article(articles[0], corpus.actors, corpus.actor_aliases)
    rounds = []
    for _ in range(5):
        start = time.perf_counter()
        for article in articles:
            extract_article(article, corpus.actors, corpus.actor_aliases)
        rounds.append(time.perf_counter() - start)
    return len(articles) / statistics.median(rounds)


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return (
        f"{cpu}, {os.cpu_count()} cores, {memory:.0f} GiB, Python {platform.python_version()}"
        f", SQLite {sqlite3.sqlite_version}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=40, help="requests per page")
    parser.add_argument("--keep", type=Path, help="keep the corpus and database here")
    options = parser.parse_args()
    sources = max(1, options.events // 100)
    size = CorpusSize(sources=sources, events_per_source=100, quotes_per_source=100, actors=1000)
    work = options.keep or Path(tempfile.mkdtemp(prefix="timeline-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    seeds, db = work / "seeds", work / "bench.db"
    print(f"machine: {machine()}")
    print(
        f"corpus: {size.sources} sources, {size.events} events, {2 * size.events} event-actor "
        f"links, {size.quotes} quotes ({work})"
    )
    start = time.perf_counter()
    if not seeds.exists():
        write_corpus(seeds, size)
    print(f"generated in {time.perf_counter() - start:.1f} s")
    for stale in work.glob("bench.db*"):
        stale.unlink()

    full, peak = run_load(seeds, db)
    second, _ = run_load(seeds, db)
    article = seeds / "articles" / f"src-{size.sources // 2:06d}.txt"
    front, body = article.read_text(encoding="utf-8").split("\n---\n", 1)
    article.write_text(front + "\n---\nCorrection appended.\n" + body, encoding="utf-8")
    one_changed, _ = run_load(seeds, db)
    # Last: it holds every row in memory and writes a second database as big as the
    # first, which pushed the reloads' files out of the page cache (2.4 s instead of 1).
    raw, row_count = raw_executemany_seconds(db, work / "raw.db")
    pages = datasette_figures(db, options.repeats)
    rate = extraction_rate()

    rows = [
        ("full load", f"{full:.1f} s", f"{row_count / full:,.0f} rows/s", ""),
        (
            "raw sqlite3 executemany, same rows and schema",
            f"{raw:.1f} s",
            f"{row_count / raw:,.0f} rows/s",
            "baseline",
        ),
        (
            "full load vs raw executemany (throughput ratio)",
            f"{raw / full:.2f}",
            "",
            TARGETS["full load vs raw executemany (throughput ratio)"],
        ),
        (
            "second load, unchanged",
            f"{second:.2f} s",
            f"{100 * second / full:.1f}% of full",
            TARGETS["second load, unchanged"],
        ),
        (
            "load after one source changed",
            f"{one_changed:.2f} s",
            f"{100 * one_changed / full:.1f}% of full",
            TARGETS["load after one source changed"],
        ),
        (
            "peak memory of the full load",
            f"{peak / 2**20:,.0f} MiB",
            "",
            TARGETS["peak memory of the full load"],
        ),
    ]
    for name, (median, p95) in pages.items():
        rows.append(
            (
                f"Datasette: {name}",
                f"median {median:.0f} ms",
                f"p95 {p95:.0f} ms",
                TARGETS["pages p95"],
            )
        )
    rows.append(("extraction (seed articles, one core)", f"{rate:.0f} articles/s", "", ""))
    width = max(len(row[0]) for row in rows)
    print()
    for name, value, detail, target in rows:
        print(f"{name:<{width}}  {value:>16}  {detail:>22}  {target}")
    if not options.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
