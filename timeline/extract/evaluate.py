"""Measuring extraction against curated records: precision and recall per source.

Runs extraction on every source that has curated quotes or event evidence and compares:

* quotes: an extracted quote is right when its text is exactly a curated quote's text at
  the same offsets; speaker accuracy counts, among those, the ones with the same speaker
  (both unknown counts as the same);
* actors: the curated actors whose name or an alias appears in the source, against the
  actors extraction says the source mentions;
* events: an extracted event's evidence sentence must overlap a curated evidence excerpt;
* dates: for each curated evidence excerpt found, whether the extracted date is the
  curated one (EDTF compared without the ~ / ? qualifiers).

By default extraction is given the curated actors, as ``timeline load`` would give it the
actors known from other articles. ``cold=True`` gives it none: every actor must be found
from the text, and is matched to a curated actor by name afterwards.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..seeds import read_seed_files
from ..validate import Corpus, validate
from .actors import ActorBook
from .pipeline import Extraction, article_from_row, extract_article


@dataclass
class Score:
    """Counts for one measure; precision and recall follow from them."""

    found: int = 0  # extracted items
    expected: int = 0  # curated items
    matched_found: int = 0  # extracted items that match a curated one
    matched_expected: int = 0  # curated items that an extracted one matches

    def add(self, other: Score) -> None:
        self.found += other.found
        self.expected += other.expected
        self.matched_found += other.matched_found
        self.matched_expected += other.matched_expected

    @property
    def precision(self) -> float | None:
        return self.matched_found / self.found if self.found else None

    @property
    def recall(self) -> float | None:
        return self.matched_expected / self.expected if self.expected else None


@dataclass
class Accuracy:
    right: int = 0
    total: int = 0

    def add(self, other: Accuracy) -> None:
        self.right += other.right
        self.total += other.total

    @property
    def value(self) -> float | None:
        return self.right / self.total if self.total else None


@dataclass
class SourceScores:
    source_id: str
    quotes: Score = field(default_factory=Score)
    speakers: Accuracy = field(default_factory=Accuracy)
    actors: Score = field(default_factory=Score)
    events: Score = field(default_factory=Score)
    dates: Accuracy = field(default_factory=Accuracy)

    def add(self, other: SourceScores) -> None:
        for name in ("quotes", "speakers", "actors", "events", "dates"):
            getattr(self, name).add(getattr(other, name))


def evaluate(seeds_dir: str | Path, cold: bool = False) -> list[SourceScores]:
    """Scores per evaluated source, then an 'overall' row (counts summed)."""
    corpus = validate(read_seed_files(Path(seeds_dir)))
    curated_book = ActorBook(corpus.actors, corpus.actor_aliases)
    covered = {q["source_id"] for q in corpus.quotes} | {
        s["source_id"] for s in corpus.event_sources
    }
    results = []
    overall = SourceScores("overall")
    for source in sorted(corpus.sources, key=lambda s: s["id"]):
        if source["id"] not in covered:
            continue
        known = ([], []) if cold else (corpus.actors, corpus.actor_aliases)
        extraction = extract_article(article_from_row(source), *known)
        to_curated = _curated_ids(extraction, curated_book)
        scores = score_source(corpus, source, extraction, to_curated)
        results.append(scores)
        overall.add(scores)
    results.append(overall)
    return results


def _curated_ids(extraction: Extraction, book: ActorBook) -> dict[str, str]:
    """Extracted actor id -> curated actor id, matched by name when ids differ."""
    mapping = {actor_id: actor_id for actor_id in book.actors}
    for actor in extraction.actors:
        forms = [a["alias"] for a in extraction.actor_aliases if a["actor_id"] == actor["id"]]
        for form in [actor["name"], *forms]:
            if found := book.find(form, actor["type"]):
                mapping[actor["id"]] = found
                break
    return mapping


def score_source(
    corpus: Corpus, source: dict, extraction: Extraction, to_curated: dict[str, str]
) -> SourceScores:
    scores = SourceScores(source["id"])
    source_id = source["id"]

    gold_quotes = {
        (q["start_offset"], q["end_offset"]): q
        for q in corpus.quotes
        if q["source_id"] == source_id
    }
    found_quotes = {(q["start_offset"], q["end_offset"]): q for q in extraction.quotes}
    matched = gold_quotes.keys() & found_quotes.keys()
    scores.quotes = Score(len(found_quotes), len(gold_quotes), len(matched), len(matched))
    for span in matched:
        expected = gold_quotes[span]["speaker_id"]
        speaker = found_quotes[span]["speaker_id"]
        scores.speakers.total += 1
        scores.speakers.right += to_curated.get(speaker, speaker) == expected

    text = source["search_text"]
    forms: dict[str, list[str]] = {}
    for alias in corpus.actor_aliases:
        forms.setdefault(alias["actor_id"], []).append(alias["alias"])
    gold_actors = {
        actor_id
        for actor_id, names in forms.items()
        if any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) for name in names)
    }
    found_actors = {to_curated.get(a, a) for a in extraction.mentioned_actor_ids}
    both = gold_actors & found_actors
    scores.actors = Score(len(found_actors), len(gold_actors), len(both), len(both))

    gold_evidence = [s for s in corpus.event_sources if s["source_id"] == source_id]
    events = {e["id"]: e for e in corpus.events}
    found_events = {e["id"]: e for e in extraction.events}
    found_evidence = extraction.event_sources
    scores.events.found, scores.events.expected = len(found_evidence), len(gold_evidence)
    scores.events.matched_found = sum(
        any(_overlap(f, g) for g in gold_evidence) for f in found_evidence
    )
    for gold in gold_evidence:
        hits = [f for f in found_evidence if _overlap(f, gold)]
        if not hits:
            continue
        scores.events.matched_expected += 1
        expected_date = _plain(events[gold["event_id"]]["date"])
        scores.dates.total += 1
        scores.dates.right += any(
            _plain(found_events[h["event_id"]]["date"]) == expected_date for h in hits
        )
    return scores


def _overlap(a: dict, b: dict) -> bool:
    return a["start_offset"] < b["end_offset"] and b["start_offset"] < a["end_offset"]


def _plain(edtf: str) -> str:
    return edtf.replace("~", "").replace("?", "").replace("%", "")


def _fraction(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def format_table(results: list[SourceScores]) -> str:
    """A plain text table: one row per source, the last row overall."""
    header = (
        "source",
        "quotes P",
        "quotes R",
        "speaker",
        "actors P",
        "actors R",
        "events P",
        "events R",
        "dates",
        "n quotes",
        "n events",
    )
    rows = [header]
    for r in results:
        rows.append(
            (
                r.source_id,
                _fraction(r.quotes.precision),
                _fraction(r.quotes.recall),
                _fraction(r.speakers.value),
                _fraction(r.actors.precision),
                _fraction(r.actors.recall),
                _fraction(r.events.precision),
                _fraction(r.events.recall),
                _fraction(r.dates.value),
                f"{r.quotes.found}/{r.quotes.expected}",
                f"{r.events.found}/{r.events.expected}",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
        for row in rows
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines) + "\n"
