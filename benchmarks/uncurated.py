"""Uncurated-corpus benchmark: articles nobody annotated, loaded and grown one at a time.

    .venv/bin/python benchmarks/uncurated.py --small 100 --large 800     # a few minutes
    .venv/bin/python benchmarks/uncurated.py                            # 1,250 and 10,000

A user's corpus is mostly articles with no curated records, so every load extracts.
This builds two folders of such articles (``--small`` and ``--large``, 8 times as many
by default), each article about 800 words of real news text: paragraphs of the seed
articles drawn in a different order for each, with its own id and publication date,
and no record files. Then it prints, each against its target:

* the first load of each folder, and the time per article at the large size as a
  ratio to the small one's (linear means a ratio near 1);
* adding, changing and removing one article in the large database (each its own
  ``timeline load``), and whether the removed article left any row behind;
* whether the database after those incremental loads equals a fresh load of the same
  folder (every table's rows compared);
* peak memory (max RSS) of the large first load.

Every figure is measured in this run on this machine; the machines are shared and
noisy, so it is not part of the test suite. The curated figures (the million-event
load, its reloads, the pages) are ``benchmarks/scale.py``'s.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.scale import machine, run_load  # noqa: E402

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


def article_text(index: int, paragraphs: list[str]) -> str:
    """One uncurated article: front matter and about 800 words, the same for an index."""
    rng = random.Random(index)
    year = 2022 + index % 5
    published = f"{year}-{1 + index % 12:02d}-{1 + index % 28:02d}"
    body, words = [], 0
    while words < WORDS_PER_ARTICLE:
        paragraph = rng.choice(paragraphs)
        body.append(paragraph)
        words += len(paragraph.split())
    front = (
        f"---\nid: art-{index:06d}\ntitle: Uncurated article {index}\n"
        f"publisher: Benchmark Wire\npublished: {published}\nlanguage: en\n---\n"
    )
    return front + "\n\n".join(body) + "\n"


def write_folder(folder: Path, count: int, paragraphs: list[str]) -> None:
    articles = folder / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        (articles / f"art-{index:06d}.txt").write_text(
            article_text(index, paragraphs), encoding="utf-8"
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1250)
    parser.add_argument("--large", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="keep the folders and databases here")
    options = parser.parse_args()
    work = options.keep or Path(tempfile.mkdtemp(prefix="timeline-uncurated-"))
    work.mkdir(parents=True, exist_ok=True)
    paragraphs = seed_paragraphs()
    print(f"machine: {machine()}")
    print(f"corpora: {options.small} and {options.large} uncurated articles ({work})")

    figures: dict[str, float] = {}
    for name, count in (("small", options.small), ("large", options.large)):
        seeds = work / name
        if not seeds.exists():
            write_folder(seeds, count, paragraphs)
        for stale in work.glob(f"{name}.db*"):
            stale.unlink()
        seconds, peak = run_load(seeds, work / f"{name}.db")
        figures[f"{name} first load"] = seconds
        figures[f"{name} peak"] = peak

    large, db = work / "large", work / "large.db"
    added = large / "articles" / f"art-{options.large:06d}.txt"
    added.write_text(article_text(options.large, paragraphs), encoding="utf-8")
    figures["add"], _ = run_load(large, db)
    changed = large / "articles" / "art-000007.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nA paragraph added.\n", "utf-8")
    figures["change"], _ = run_load(large, db)
    added.unlink()
    figures["remove"], _ = run_load(large, db)
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

    small_each = figures["small first load"] / options.small
    large_each = figures["large first load"] / options.large
    lines = [
        (f"first load, {options.small} articles", f"{figures['small first load']:.1f} s",
         f"{1000 * small_each:.1f} ms/article", "baseline"),
        (f"first load, {options.large} articles", f"{figures['large first load']:.1f} s",
         f"{1000 * large_each:.1f} ms/article", ""),
        ("per article, large vs small first load", f"{large_each / small_each:.2f}", "",
         TARGETS["per article, large vs small first load"]),
        ("first load of 10,000 articles",
         f"{figures['large first load'] * 10_000 / options.large:.1f} s",
         "scaled from the large load" if options.large != 10_000 else "",
         TARGETS["first load of 10,000 articles"]),
        (f"one article added ({options.large} articles)", f"{figures['add']:.2f} s", "",
         TARGETS["one article added / changed / removed"]),
        (f"one article changed ({options.large} articles)", f"{figures['change']:.2f} s", "",
         TARGETS["one article added / changed / removed"]),
        (f"one article removed ({options.large} articles)", f"{figures['remove']:.2f} s", "",
         TARGETS["one article added / changed / removed"]),
        ("rows left by the removed article", f"{left}", "",
         TARGETS["rows left by the removed article"]),
        ("incremental loads equal a fresh load", "yes" if same else "NO", "",
         TARGETS["incremental loads equal a fresh load"]),
        (f"peak memory, first load of {options.large}",
         f"{figures['large peak'] / 2**20:.0f} MiB", "",
         TARGETS["peak memory of the large first load"]),
    ]  # fmt: skip
    for name, value, detail, target in lines:
        print(f"{name:<48} {value:>10}  {detail:<28} {target}")
    if not options.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
