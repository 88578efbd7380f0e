"""Extraction speed: milliseconds per seed article, then seconds for huge articles.

Run with ``.venv/bin/python benchmarks/extract_speed.py [SEEDS_DIR] [--repeats N]
[--sizes 1,5]``. Each seed article is extracted N times in this one process (one core);
the median is reported. Known actors are the seeds' curated actors, as ``timeline load``
would pass them.

Then, for each size in megabytes, one article built by repeating the seed articles'
paragraphs until it reaches that size is extracted once; its time is printed with its
ratio to the median seed article and its time per megabyte, so a rule that scans the
whole text for every sentence, quote or mention (quadratic time) shows as a time per
megabyte that grows with the size.
"""

from __future__ import annotations

import argparse
import dataclasses
import statistics
import time
from pathlib import Path

from timeline.articles import Article
from timeline.extract.pipeline import article_from_row, extract_article
from timeline.seeds import read_seed_files
from timeline.validate import validate


def huge_article(articles: list[Article], megabytes: float) -> Article:
    """One article made of the seed articles' paragraphs, repeated up to the given size."""
    paragraphs = [line for article in articles for line in article.text.splitlines() if line]
    target = int(megabytes * 1_000_000)
    lines: list[str] = []
    size = 0
    while size < target:
        for line in paragraphs:
            lines.append(line)
            size += len(line) + 2
            if size >= target:
                break
    text = "\n\n".join(lines)
    return dataclasses.replace(articles[0], id=f"huge-{megabytes:g}mb", text=text, search_text=text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds_dir", nargs="?", default="seeds")
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument(
        "--sizes", default="1,5", help="huge article sizes in MB, comma-separated ('' for none)"
    )
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
    typical = statistics.median(medians)
    total = sum(medians)
    print(f"{typical:8.1f} ms  median per article ({len(articles)} articles)")
    print(f"{len(articles) / (total / 1000):8.1f} articles/second")
    for size in [float(s) for s in options.sizes.split(",") if s.strip()]:
        article = huge_article(articles, size)
        start = time.perf_counter()
        extract_article(article, corpus.actors, corpus.actor_aliases)
        seconds = time.perf_counter() - start
        megabytes = len(article.text) / 1_000_000
        print(
            f"{seconds:8.2f} s   {len(article.text):8d} chars  {article.id}: "
            f"{seconds / megabytes:.2f} s/MB, {seconds * 1000 / typical:.0f}x the median article"
        )


if __name__ == "__main__":
    main()
