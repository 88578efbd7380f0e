"""Extraction speed on the seed articles: milliseconds per article and articles per second.

Run with ``.venv/bin/python benchmarks/extract_speed.py [SEEDS_DIR] [--repeats N]``. Each
article is extracted N times in this one process (one core); the median is reported.
Known actors are the seeds' curated actors, as ``timeline load`` would pass them.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from timeline.extract.pipeline import article_from_row, extract_article
from timeline.seeds import read_seed_files
from timeline.validate import validate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds_dir", nargs="?", default="seeds")
    parser.add_argument("--repeats", type=int, default=20)
    options = parser.parse_args()
    corpus = validate(read_seed_files(Path(options.seeds_dir)))
    articles = [article_from_row(row) for row in corpus.sources]
    extract_article(articles[0], corpus.actors, corpus.actor_aliases)  # warm the regex caches
    medians = []
    for article in articles:
        times = []
        for _ in range(options.repeats):
            start = time.perf_counter()
            extract_article(article, corpus.actors, corpus.actor_aliases)
            times.append((time.perf_counter() - start) * 1000)
        median = statistics.median(times)
        medians.append(median)
        print(f"{median:8.1f} ms  {len(article.text):6d} chars  {article.id}")
    total = sum(medians)
    print(f"{statistics.median(medians):8.1f} ms  median per article ({len(articles)} articles)")
    print(f"{len(articles) / (total / 1000):8.1f} articles/second")


if __name__ == "__main__":
    main()
