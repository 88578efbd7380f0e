"""Actor finding's share of extraction: milliseconds per seed article, best of N passes.

Run with ``.venv/bin/python benchmarks/actor_speed.py [SEEDS_DIR] [--passes N]``. Each
pass extracts every seed article once (known actors: the seeds' curated ones, as
``timeline load`` passes them) and adds up process time spent building the actor book,
finding mentions and tokenising; the pass with the least total time is printed. To
compare two checkouts on a shared machine, run it from each alternately, with
``PYTHONPATH`` set to the checkout.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import timeline.extract.pipeline as pipeline
from timeline.extract import actors
from timeline.extract.pipeline import article_from_row, extract_article
from timeline.seeds import read_seed_files
from timeline.validate import validate

spent = {"book": 0.0, "mentions": 0.0, "tokenize": 0.0}


def timed(part: str, function):
    def wrapper(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[part] += time.process_time() - start

    return wrapper


class TimedBook(actors.ActorBook):
    def __init__(self, *args, **kwargs):
        start = time.process_time()
        super().__init__(*args, **kwargs)
        spent["book"] += time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seeds_dir", nargs="?", default="seeds")
    parser.add_argument("--passes", type=int, default=12)
    options = parser.parse_args()
    corpus = validate(read_seed_files(Path(options.seeds_dir)))
    articles = [article_from_row(row) for row in corpus.sources]
    pipeline.find_mentions = timed("mentions", pipeline.find_mentions)
    pipeline.ActorBook = TimedBook
    actors.tokenize = timed("tokenize", actors.tokenize)
    extract_article(articles[0], corpus.actors, corpus.actor_aliases)  # warm the caches
    best = None
    for _ in range(options.passes):
        for part in spent:
            spent[part] = 0.0
        start = time.process_time()
        for article in articles:
            extract_article(article, corpus.actors, corpus.actor_aliases)
        row = (time.process_time() - start, dict(spent))
        best = row if best is None or row[0] < best[0] else best
    total, parts = best
    count = len(articles)
    print(
        f"{count} articles, best of {options.passes} passes, ms per article: "
        f"extraction {total * 1000 / count:.1f}, mentions {parts['mentions'] * 1000 / count:.1f}"
        f" (tokenize {parts['tokenize'] * 1000 / count:.1f}),"
        f" actor book {parts['book'] * 1000 / count:.1f}"
    )


if __name__ == "__main__":
    main()
