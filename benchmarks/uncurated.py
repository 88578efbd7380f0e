"""Uncurated-corpus benchmark: articles nobody annotated, loaded and grown one at a time.

    .venv/bin/python benchmarks/uncurated.py --small 100 --large 800     # a few minutes
    .venv/bin/python benchmarks/uncurated.py                            # 1,250 and 10,000
    .venv/bin/python benchmarks/uncurated.py --memory 100000 --words 100  # peak memory only

A user's corpus is mostly articles with no curated records, so every load extracts.
This builds two folders of such articles (``--small`` and ``--large``, 8 times as many
by default), each article about 800 words of real news text: paragraphs of the seed
articles drawn in a different order for each, with its own id and publication date,
and no record files. Then it prints, each against its target:

* the first load of each folder, and the time per article at the large size as a
  ratio to the small one's (linear means a ratio near 1);
* adding, changing and removing one article in the large database (each its own
  ``timeline load``), the extracted rows each rewrote (deleted, updated or inserted:
  a figure the machine's load does not change), and whether the removed article left
  any row behind;
* whether the database after those incremental loads equals a fresh load of the same
  folder (every table's rows compared);
* peak memory of each first load: the whole process tree (the loading process and
  its extraction workers), PSS summed over the tree, sampled a few times a second
  (``tree_memory``), beside the RSS sum and the loading process's own max RSS.

``--memory N`` measures only the peak memory of a first load of N articles; with
``--words`` shorter articles make a 100,000-article load affordable (memory grows with
the number of articles and rows, the extraction time with the words).

Each load is its own ``timeline load`` process, timed from Python's start, with
timeline's modules compiled beforehand as an installed package has them
(``compile_modules``). Every figure is measured in this run on this machine; the
machines are shared and noisy, so it is not part of the test suite. The curated
figures (the million-event load, its reloads, the pages) are ``benchmarks/scale.py``'s.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.scale import machine  # noqa: E402
from benchmarks.tree_memory import TreePeak, run_sampled  # noqa: E402

WORDS_PER_ARTICLE = 800
TARGETS = {
    "per article, large vs small first load": "<= 1.3",
    "first load of 10,000 articles": "< 120 s",
    "one article added / changed / removed": "< 2 s at 10,000 articles",
    "rows left by the removed article": "0",
    "incremental loads equal a fresh load": "yes",
    "peak memory of the large first load": "< 1 GiB at 100,000 articles",
}


def seed_paragraphs() -> list[str]:
    """Every non-empty body line of the seed articles (real news text, unedited)."""
    paragraphs = []
    for path in sorted((REPO / "seeds" / "articles").glob("*.txt")):
        body = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
        paragraphs += [line for line in body.splitlines() if len(line.split()) >= 8]
    return paragraphs


def compile_modules() -> None:
    """Compile timeline's modules to bytecode, as installing the package does. A checkout
    run with PYTHONDONTWRITEBYTECODE set (as on the machines that run this) otherwise
    compiles every module it imports in every load: 0.1 to 0.25 s of each one-article
    load, which no installed timeline pays."""
    import compileall

    for folder in ("timeline", "migrations"):
        compileall.compile_dir(REPO / folder, quiet=1)


def run_load(seeds: Path, db: Path) -> tuple[float, TreePeak, int]:
    """Wall time of `timeline load` in its own process, the peak memory of its whole
    process tree (the loading process and its extraction workers, sampled:
    ``tree_memory``), and the loading process's own max RSS (bytes, exact). The time is
    the whole process's, from starting Python to its exit, as a user running
    `timeline load` waits for it."""
    script = (
        "import resource, sys, timeline\n"
        "timeline.load(sys.argv[1], sys.argv[2])\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    start = time.perf_counter()
    done, peak = run_sampled([sys.executable, "-c", script, str(seeds), str(db)], cwd=REPO)
    elapsed = time.perf_counter() - start
    return elapsed, peak, int(done.stdout.split()[-1]) * 1024


def memory_line(label: str, peak: TreePeak, own: int) -> tuple[str, str, str, str]:
    """The peak-memory line: the tree's PSS against the target, RSS and the loading
    process's own max RSS beside it."""
    return (
        label,
        f"{peak.pss / 2**20:.0f} MiB",
        f"PSS of {peak.processes} processes (RSS sum {peak.rss / 2**20:.0f}, "
        f"loader max RSS {own / 2**20:.0f} MiB)",
        TARGETS["peak memory of the large first load"],
    )


EXTRACTED_TABLES = (
    "actors",
    "actor_aliases",
    "places",
    "events",
    "event_actors",
    "event_sources",
    "quotes",
)


def extracted_rows(db: Path) -> set[tuple]:
    """Every extracted row, tagged with its table."""
    connection = sqlite3.connect(db)
    rows = {
        (table, *row)
        for table in EXTRACTED_TABLES
        for row in connection.execute(f"select * from {table} where origin = 'extracted'")
    }
    connection.close()
    return rows


def article_text(index: int, paragraphs: list[str], words: int = WORDS_PER_ARTICLE) -> str:
    """One uncurated article: front matter and about 800 words, the same for an index."""
    rng = random.Random(index)
    year = 2022 + index % 5
    published = f"{year}-{1 + index % 12:02d}-{1 + index % 28:02d}"
    body = []
    length = 0
    while length < words:
        paragraph = rng.choice(paragraphs)
        body.append(paragraph)
        length += len(paragraph.split())
    front = (
        f"---\nid: art-{index:06d}\ntitle: Uncurated article {index}\n"
        f"publisher: Benchmark Wire\npublished: {published}\nlanguage: en\n---\n"
    )
    return front + "\n\n".join(body) + "\n"


def write_folder(
    folder: Path, count: int, paragraphs: list[str], words: int = WORDS_PER_ARTICLE
) -> None:
    articles = folder / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        (articles / f"art-{index:06d}.txt").write_text(
            article_text(index, paragraphs, words), encoding="utf-8"
        )


def table_rows(db: Path) -> dict[str, list[tuple]]:
    """Every row of every data table, sorted (bookkeeping tables left out)."""
    connection = sqlite3.connect(db)
    names = [
        row[0]
        for row in connection.execute(
            "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' "
            "and name not like '%_fts%' and name not in ('alembic_version', 'seed_files')"
        )
    ]
    rows = {name: sorted(connection.execute(f"select * from [{name}]"), key=repr) for name in names}
    connection.close()
    return rows


def rows_citing(db: Path, source_id: str) -> int:
    """Rows that still name a source: its own row, its quotes, evidence and inferences."""
    connection = sqlite3.connect(db)
    count = sum(
        connection.execute(
            f"select count(*) from {table} where {column} = ?", (source_id,)
        ).fetchone()[0]
        for table, column in (
            ("sources", "id"),
            ("quotes", "source_id"),
            ("event_sources", "source_id"),
            ("source_inferences", "source_id"),
        )
    )
    connection.close()
    return count


def memory_only(work: Path, count: int, words: int, paragraphs: list[str]) -> None:
    """Peak memory of one first load of ``count`` articles of ``words`` words."""
    seeds = work / f"memory-{count}-{words}"
    if not seeds.exists():
        write_folder(seeds, count, paragraphs, words)
    for stale in work.glob("memory.db*"):
        stale.unlink()
    seconds, peak, own = run_load(seeds, work / "memory.db")
    lines = [
        (f"first load, {count} articles of about {words} words", f"{seconds:.1f} s",
         f"{1000 * seconds / count:.1f} ms/article", ""),
        memory_line(f"peak memory, first load of {count}", peak, own),
    ]  # fmt: skip
    for name, value, detail, target in lines:
        print(f"{name:<48} {value:>10}  {detail:<52} {target}")


def change(db: Path, seeds: Path) -> tuple[float, int]:
    """One `timeline load` after a change: its time, and the extracted rows it rewrote."""
    before = extracted_rows(db)
    seconds, _, _ = run_load(seeds, db)
    return seconds, len(before ^ extracted_rows(db))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1250)
    parser.add_argument("--large", type=int, default=10_000)
    parser.add_argument("--words", type=int, default=WORDS_PER_ARTICLE)
    parser.add_argument("--memory", type=int, help="only the peak memory of a load of N")
    parser.add_argument("--keep", type=Path, help="keep the folders and databases here")
    options = parser.parse_args()
    work = options.keep or Path(tempfile.mkdtemp(prefix="timeline-uncurated-"))
    work.mkdir(parents=True, exist_ok=True)
    paragraphs = seed_paragraphs()
    compile_modules()
    print(f"machine: {machine()}")
    if options.memory:
        memory_only(work, options.memory, options.words, paragraphs)
        if not options.keep:
            shutil.rmtree(work, ignore_errors=True)
        return
    print(f"corpora: {options.small} and {options.large} uncurated articles ({work})")

    figures: dict[str, float] = {}
    peaks: dict[str, tuple[TreePeak, int]] = {}
    for name, count in (("small", options.small), ("large", options.large)):
        seeds = work / name
        if not seeds.exists():
            write_folder(seeds, count, paragraphs, options.words)
        for stale in work.glob(f"{name}.db*"):
            stale.unlink()
        seconds, peak, own = run_load(seeds, work / f"{name}.db")
        figures[f"{name} first load"] = seconds
        peaks[name] = (peak, own)

    large, db = work / "large", work / "large.db"
    added = large / "articles" / f"art-{options.large:06d}.txt"
    added.write_text(article_text(options.large, paragraphs, options.words), encoding="utf-8")
    figures["add"], figures["add rows"] = change(db, large)
    changed = large / "articles" / "art-000007.txt"
    changed.write_text(
        changed.read_text(encoding="utf-8") + "\n" + paragraphs[7] + "\n", encoding="utf-8"
    )
    figures["change"], figures["change rows"] = change(db, large)
    added.unlink()
    figures["remove"], figures["remove rows"] = change(db, large)
    left = rows_citing(db, f"art-{options.large:06d}")

    fresh = work / "fresh.db"
    for stale in work.glob("fresh.db*"):
        stale.unlink()
    subprocess.run(
        [sys.executable, "-m", "timeline", "load", str(large), "--db", str(fresh), "--quiet"],
        check=True,
        cwd=REPO,
    )
    same = table_rows(db) == table_rows(fresh)
    total = len(extracted_rows(db))

    small_each = figures["small first load"] / options.small
    large_each = figures["large first load"] / options.large
    target = TARGETS["one article added / changed / removed"]
    lines = [
        (
            f"first load, {options.small} articles",
            f"{figures['small first load']:.1f} s",
            f"{1000 * small_each:.1f} ms/article",
            "baseline",
        ),
        (
            f"first load, {options.large} articles",
            f"{figures['large first load']:.1f} s",
            f"{1000 * large_each:.1f} ms/article",
            "",
        ),
        (
            "per article, large vs small first load",
            f"{large_each / small_each:.2f}",
            "",
            TARGETS["per article, large vs small first load"],
        ),
        (
            "first load of 10,000 articles",
            f"{figures['large first load'] * 10_000 / options.large:.1f} s",
            "scaled from the large load" if options.large != 10_000 else "",
            TARGETS["first load of 10,000 articles"],
        ),
    ]
    for what in ("add", "change", "remove"):
        verb = {"add": "added", "change": "changed", "remove": "removed"}[what]
        lines.append(
            (
                f"one article {verb} ({options.large} articles)",
                f"{figures[what]:.2f} s",
                f"{figures[what + ' rows']:.0f} of {total} extracted rows rewritten",
                target,
            )
        )
    lines += [
        ("rows left by the removed article", f"{left}", "",
         TARGETS["rows left by the removed article"]),
        ("incremental loads equal a fresh load", "yes" if same else "NO", "",
         TARGETS["incremental loads equal a fresh load"]),
        memory_line(f"peak memory, first load of {options.small}", *peaks["small"]),
        memory_line(f"peak memory, first load of {options.large}", *peaks["large"]),
    ]  # fmt: skip
    for name, value, detail, target in lines:
        print(f"{name:<48} {value:>10}  {detail:<52} {target}")
    if not options.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
