"""Synthetic seed corpora of any size, for benchmarks and for tests that need a big load.

The corpus is a real seeds folder (articles with front matter, record files with
events, quotes and actors) that ``timeline load`` validates like any other: every quote
and evidence excerpt is a verbatim sentence of its article.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

FIRST_NAMES = ["Aida", "Bolat", "Dana", "Erlan", "Gulnara", "Ivan", "Olena", "Petro", "Sara"]
LAST_NAMES = ["Abenov", "Bondarenko", "Kim", "Nurlanova", "Shevchenko", "Tkachenko", "Zhakupov"]
VERBS = [
    ("met", "meeting"),
    ("spoke by phone with", "phone_call"),
    ("signed an agreement with", "agreement"),
    ("visited", "visit"),
    ("sent aid to", "aid"),
]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


@dataclass(frozen=True)
class CorpusSize:
    sources: int
    events_per_source: int
    quotes_per_source: int
    actors: int = 1000

    @property
    def events(self) -> int:
        return self.sources * self.events_per_source

    @property
    def quotes(self) -> int:
        return self.sources * self.quotes_per_source


def _actor_name(index: int) -> str:
    first = FIRST_NAMES[index % len(FIRST_NAMES)]
    last = LAST_NAMES[(index // len(FIRST_NAMES)) % len(LAST_NAMES)]
    return f"{first} {last} {index}"


def write_actors(folder: Path, count: int) -> None:
    lines = ["actors:"]
    for index in range(count):
        name = _actor_name(index)
        lines += [
            f"  - id: actor-{index}",
            f"    name: {name}",
            "    type: person",
            f"    aliases: [{name.split()[1]} {index}]",
        ]
    (folder / "records").mkdir(parents=True, exist_ok=True)
    (folder / "records" / "actors.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_source(folder: Path, index: int, size: CorpusSize, seed: int = 0) -> None:
    """One article and its record file; the same index and seed always give the same bytes."""
    rng = random.Random(seed * 1_000_003 + index)
    source_id = f"src-{index:06d}"
    year = 2019 + index % 7
    sentences, events, quotes = [], [], []
    for number in range(size.events_per_source):
        first, second = rng.sample(range(size.actors), 2)
        verb, event_type = rng.choice(VERBS)
        month = rng.randrange(12)
        day = rng.randrange(1, 29)
        sentence = (
            f"On {MONTHS[month]} {day}, {year}, {_actor_name(first)} {verb} "
            f"{_actor_name(second)} in the capital (report {source_id}-{number})."
        )
        sentences.append(sentence)
        events.append(
            "\n".join(
                [
                    f"  - id: {source_id}-e{number}",
                    f"    title: {_actor_name(first)} {verb} {_actor_name(second)}",
                    f"    date: {year}-{month + 1:02d}-{day:02d}",
                    f"    type: {event_type}",
                    "    actors:",
                    f"      - {{actor: actor-{first}, role: participant}}",
                    f"      - {{actor: actor-{second}, role: participant}}",
                    "    sources:",
                    f"      - source: {source_id}",
                    f"        evidence: '{sentence}'",
                ]
            )
        )
    for number in range(size.quotes_per_source):
        speaker = rng.randrange(size.actors)
        text = f"Cooperation will grow in sector {number} of report {source_id}"
        sentences.append(f"“{text},” {_actor_name(speaker)} said.")
        quotes.append(
            "\n".join(
                [
                    f"  - id: {source_id}-q{number}",
                    f"    source: {source_id}",
                    f"    speaker: actor-{speaker}",
                    f"    text: '{text}'",
                ]
            )
        )
    rng.shuffle(sentences)
    body = "\n\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3))
    front = (
        f"---\nid: {source_id}\ntitle: Synthetic report {index}\npublisher: Example Wire\n"
        f"published: {year}-12-31\n---\n"
    )
    (folder / "articles").mkdir(parents=True, exist_ok=True)
    (folder / "articles" / f"{source_id}.txt").write_text(front + body + "\n", encoding="utf-8")
    records = "events:\n" + "\n".join(events) + "\nquotes:\n" + "\n".join(quotes) + "\n"
    (folder / "records" / f"{source_id}.yaml").write_text(records, encoding="utf-8")


def write_corpus(folder: Path, size: CorpusSize, seed: int = 0) -> Path:
    """Write a whole synthetic seeds folder; returns it."""
    folder = Path(folder)
    write_actors(folder, size.actors)
    for index in range(size.sources):
        write_source(folder, index, size, seed)
    return folder
