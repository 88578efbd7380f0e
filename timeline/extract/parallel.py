"""Extract many articles on every core.

Each article's extraction is a pure function of its text and the curated knowledge,
so articles can be extracted in any order, in any process. Worker processes receive
the knowledge once (the pool's initializer) and then only articles; results come back
in the order the articles were given.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from itertools import islice
from multiprocessing import get_context
from typing import Any

from .pipeline import Extraction, article_from_row, extract_article

# Below this many articles a pool costs more than it saves (starting processes and
# sending them the knowledge takes a few tenths of a second).
MIN_ARTICLES_FOR_POOL = 40
ARTICLES_PER_TASK = 8
ARTICLES_PER_BATCH = 512

_knowledge: tuple[list[dict], list[dict], list[dict]] = ([], [], [])


def worker_count() -> int:
    """Cores to use: TIMELINE_EXTRACT_WORKERS if set (1 = in this process), else all."""
    configured = os.environ.get("TIMELINE_EXTRACT_WORKERS")
    if configured:
        return max(1, int(configured))
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def extract_sources(
    sources: Iterable[dict[str, Any]],
    actors: list[dict],
    aliases: list[dict],
    places: list[dict],
    count: int,
) -> Iterator[Extraction]:
    """One extraction per source row, in the order given. ``count``: how many sources
    the iterable holds (it may be a stream read from the database)."""
    workers = min(worker_count(), max(1, count // ARTICLES_PER_TASK))
    if workers <= 1 or count < MIN_ARTICLES_FOR_POOL:
        for source in sources:
            yield extract_article(article_from_row(source), actors, aliases, places)
        return
    # fork: the workers start with this process's imports, so only the knowledge and
    # the articles are pickled.
    with ProcessPoolExecutor(
        max_workers=workers,
        mp_context=get_context("fork"),
        initializer=_remember,
        initargs=(actors, aliases, places),
    ) as pool:
        # A window of tasks in flight: a large corpus's texts need not all be in memory
        # together, and a new task is sent as soon as one is taken, so the workers never
        # wait for the loading process to drain a whole batch (Executor.map per batch
        # left them idle at every batch's end).
        iterator = iter(sources)
        in_flight: deque = deque()

        def send_next() -> bool:
            task = list(islice(iterator, ARTICLES_PER_TASK))
            if task:
                in_flight.append(pool.submit(_extract_task, task))
            return bool(task)

        while len(in_flight) < ARTICLES_PER_BATCH // ARTICLES_PER_TASK and send_next():
            pass
        while in_flight:
            done = in_flight.popleft().result()
            send_next()
            yield from done


def _remember(actors: list[dict], aliases: list[dict], places: list[dict]) -> None:
    global _knowledge
    _knowledge = (actors, aliases, places)


def _extract_task(sources: list[dict[str, Any]]) -> list[Extraction]:
    return [extract_article(article_from_row(source), *_knowledge) for source in sources]
