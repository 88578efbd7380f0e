"""Measuring extraction against curated records: precision and recall per source.

Runs extraction on every source that has curated quotes or event evidence and compares:

* quotes (marked quotations): the curated and extracted quotes whose text is delimited
  by quotation marks (the character before the quote is an opening mark, or the quote
  lies inside a marked span). An extracted quote is right when its text is exactly a
  curated quote's text at the same offsets; speaker accuracy counts, among those, the
  ones with the same speaker (both unknown counts as the same);
* interview passages: every other quote (interview answers have no marks). Extraction
  gives whole answer paragraphs, the curation chosen passages within them, so a curated
  passage is found when it lies inside an extracted answer paragraph, and its speaker is
  right when that answer's speaker is the curated one. An extracted answer paragraph
  counts as correct when it holds at least one curated passage: a lower bound, since
  the curation quotes only substantive passages and leaves other answers unquoted;
* actors: the curated actors whose name or an alias appears in the source, against the
  actors extraction says the source mentions;
* events: an extracted event's evidence sentence must overlap a curated evidence excerpt;
* dates: once per found event, against the curated events whose evidence its sentence
  overlaps most (a sentence the curation ties to two happenings is one extracted event:
  the second is a missed event, not a wrong date); its date is right when it covers
  exactly the same days as one of those curated dates (EDTF ~ and ? qualifiers
  ignored; "2025-24" equals "2025-12/2026-02"), and consistent when one of the two
  contains the other (a coarser "2022" for a curated "2022-02-24", or "2025-09" inside
  a curated "2025-08/2025-09"). A sentence whose date
  expression cannot be resolved gives no event, so it counts as an event miss, never as
  a right or wrong date;
* dates after merging: the same, once each extracted event has been merged, as
  ``timeline load`` merges it, into the events the database would already hold
  (``merging``): then a sentence that joined an existing event carries that event's
  date. The database is every curated record of the *other* sources: the evaluated
  source's own curated events, evidence and quotes are hidden (an event it shares with
  another source stays, with that source's evidence only), so a merge can only find what
  another article said (its curated date, though, was worked out from every article
  citing it, the hidden one included). *merges* is the share of merged sentences that
  joined an event the curation also ties them to. ``database="extracted"`` measures
  merging with no curation at all: the database is then the other sources' *extracted*
  events, merged source by source in id order as a load of uncurated articles would
  build it.

By default extraction is given the curated actors, as ``timeline load`` would give it the
actors known from other articles. ``cold=True`` gives it none: every actor must be found
from the text, and is matched to a curated actor by name afterwards.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..seeds import read_seed_files
from ..validate import Corpus, validate
from .actors import ActorBook
from .pipeline import Extraction, article_from_row, extract_article, merge_extraction
from .quotes import find_quote_spans
from .sentences import paragraphs, sentences

_OPENING_MARKS = '“„«‘"'


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


_MEASURES = ("quotes", "speakers", "passages", "passage_speakers", "actors", "events")
_DATE_MEASURES = ("dates", "dates_consistent", "merged_dates", "merged_consistent", "merges")


@dataclass
class SourceScores:
    source_id: str
    quotes: Score = field(default_factory=Score)
    speakers: Accuracy = field(default_factory=Accuracy)
    passages: Score = field(default_factory=Score)
    passage_speakers: Accuracy = field(default_factory=Accuracy)
    actors: Score = field(default_factory=Score)
    events: Score = field(default_factory=Score)
    dates: Accuracy = field(default_factory=Accuracy)
    dates_consistent: Accuracy = field(default_factory=Accuracy)
    merged_dates: Accuracy = field(default_factory=Accuracy)
    merged_consistent: Accuracy = field(default_factory=Accuracy)
    merges: Accuracy = field(default_factory=Accuracy)
    # One line per missed, extra or wrong item, with its sentence (``timeline eval --misses``).
    misses: list[str] = field(default_factory=list)

    def add(self, other: SourceScores) -> None:
        for name in (*_MEASURES, *_DATE_MEASURES):
            getattr(self, name).add(getattr(other, name))


def evaluate(
    seeds_dir: str | Path, cold: bool = False, database: str = "curated"
) -> list[SourceScores]:
    """Scores per evaluated source, then an 'overall' row (counts summed).

    ``database``: what the merged figures merge into, "curated" (the other sources'
    curated records) or "extracted" (the other sources' extracted events, no curation).
    """
    if database not in ("curated", "extracted"):
        raise ValueError(f"database must be 'curated' or 'extracted', not {database!r}")
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
        if database == "curated":
            existing = database_without(corpus, source["id"])
            merged = merged_events(corpus, existing, extraction, to_curated)
        else:  # the same known actors on both sides: their ids already agree
            existing = extracted_database(corpus, source["id"], known)
            merged = merged_events(corpus, existing, extraction, {})
        scores = score_source(corpus, source, extraction, to_curated, merged)
        results.append(scores)
        overall.add(scores)
    results.append(overall)
    return results


def database_without(corpus: Corpus, source_id: str) -> Corpus:
    """What the database would hold if this source were a new article: every record of
    the other sources. Its own quotes and evidence are hidden, and so are the events only
    it cites; an event another source also cites stays, with that source's evidence."""
    evidence = [s for s in corpus.event_sources if s["source_id"] != source_id]
    own = {s["event_id"] for s in corpus.event_sources if s["source_id"] == source_id}
    kept = {s["event_id"] for s in evidence} | {e["id"] for e in corpus.events} - own
    return Corpus(
        sources=[s for s in corpus.sources if s["id"] != source_id],
        actors=list(corpus.actors),
        actor_aliases=list(corpus.actor_aliases),
        places=list(corpus.places),
        events=[e for e in corpus.events if e["id"] in kept],
        event_actors=[a for a in corpus.event_actors if a["event_id"] in kept],
        event_sources=evidence,
        quotes=[q for q in corpus.quotes if q["source_id"] != source_id],
    )


def extracted_database(corpus: Corpus, source_id: str, known: tuple[list, list]) -> Corpus:
    """The database a load of the other sources would build if none were curated: their
    extractions merged one after the other, in id order."""
    database = Corpus(actors=list(known[0]), actor_aliases=list(known[1]))
    for other in sorted(corpus.sources, key=lambda s: s["id"]):
        if other["id"] != source_id:
            extraction = extract_article(
                article_from_row(other), database.actors, database.actor_aliases
            )
            merge_extraction(database, extraction)
    return database


@dataclass
class Merged:
    """Where each extracted event went once merged into a database."""

    # Extracted event id -> the row of the event it belongs to (its own when it stays new).
    rows: dict[str, dict[str, Any]]
    # Extracted event id -> the curated events the existing event it joined stands for:
    # itself when curated, else the curated events its evidence in other sources supports.
    joined: dict[str, set[str]]


def merged_events(
    corpus: Corpus, database: Corpus, extraction: Extraction, to_curated: dict[str, str]
) -> Merged:
    """Merge one extraction, as ``timeline load`` merges it, into a database of the other
    sources (changed: pass a copy made for this one source)."""
    # With --cold the extracted actors have ids of their own: compare as curated ids.
    as_curated = dataclasses.replace(
        extraction,
        event_actors=[
            {**link, "actor_id": to_curated.get(link["actor_id"], link["actor_id"])}
            for link in extraction.event_actors
        ],
    )
    existing = {e["id"] for e in database.events}
    renamed = merge_extraction(database, as_curated)
    rows = {e["id"]: e for e in database.events}
    own = {e["id"]: e for e in extraction.events}
    merged = Merged({}, {})
    for extracted, final in renamed.items():
        if final not in existing:  # new, even when renamed to keep ids unique
            merged.rows[extracted] = own[extracted]
            continue
        merged.rows[extracted] = rows[final]
        if rows[final].get("origin") != "extracted":
            merged.joined[extracted] = {final}
            continue
        evidence = [s for s in database.event_sources if s["event_id"] == final]
        merged.joined[extracted] = {
            gold["event_id"]
            for gold in corpus.event_sources
            for link in evidence
            if gold["source_id"] == link["source_id"] and _overlap(gold, link)
        }
    return merged


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


def is_marked(quote: dict, text: str, marked_spans: list[tuple[int, int]]) -> bool:
    """Whether a quote's text is delimited by quotation marks in the source."""
    start, end = quote["start_offset"], quote["end_offset"]
    if start > 0 and text[start - 1] in _OPENING_MARKS:
        return True
    return any(first <= start and end <= last for first, last in marked_spans)


def score_source(
    corpus: Corpus,
    source: dict,
    extraction: Extraction,
    to_curated: dict[str, str],
    merged: Merged | None = None,
) -> SourceScores:
    scores = SourceScores(source["id"])
    source_id = source["id"]
    text = source["search_text"]
    context = _Sentences(text)
    marked_spans = [
        (span.mark_start, span.mark_end) for span in find_quote_spans(text, paragraphs(text))
    ]

    def curated(actor_id: str | None) -> str | None:
        return to_curated.get(actor_id, actor_id)

    gold_all = [q for q in corpus.quotes if q["source_id"] == source_id]
    gold_quotes = {
        (q["start_offset"], q["end_offset"]): q
        for q in gold_all
        if is_marked(q, text, marked_spans)
    }
    found_quotes = {
        (q["start_offset"], q["end_offset"]): q
        for q in extraction.quotes
        if is_marked(q, text, marked_spans)
    }
    matched = gold_quotes.keys() & found_quotes.keys()
    scores.quotes = Score(len(found_quotes), len(gold_quotes), len(matched), len(matched))
    for span in sorted(matched):
        expected = gold_quotes[span]["speaker_id"]
        speaker = curated(found_quotes[span]["speaker_id"])
        scores.speakers.total += 1
        scores.speakers.right += speaker == expected
        if speaker != expected:
            scores.misses.append(
                f"quote speaker {speaker} instead of {expected}: "
                f"{_short(gold_quotes[span]['text'])}"
            )
    for span in sorted(gold_quotes.keys() - matched):
        quote = gold_quotes[span]
        scores.misses.append(
            f"quote missed ({quote['speaker_id']}): {_short(quote['text'])}"
            f" | in: {context.around(*span)}"
        )
    for span in sorted(found_quotes.keys() - matched):
        quote = found_quotes[span]
        scores.misses.append(
            f"quote extra ({curated(quote['speaker_id'])}): {_short(quote['text'])}"
            f" | in: {context.around(*span)}"
        )

    gold_passages = [q for q in gold_all if (q["start_offset"], q["end_offset"]) not in gold_quotes]
    answers = [
        q for q in extraction.quotes if (q["start_offset"], q["end_offset"]) not in found_quotes
    ]

    def holds(answer: dict, passage: dict) -> bool:
        return (
            answer["start_offset"] <= passage["start_offset"]
            and passage["end_offset"] <= answer["end_offset"]
        )

    scores.passages = Score(len(answers), len(gold_passages))
    for passage in gold_passages:
        holder = next((a for a in answers if holds(a, passage)), None)
        if holder is None:
            scores.misses.append(
                f"passage missed ({passage['speaker_id']}): {_short(passage['text'])}"
            )
            continue
        scores.passages.matched_expected += 1
        scores.passage_speakers.total += 1
        speaker = curated(holder["speaker_id"])
        scores.passage_speakers.right += speaker == passage["speaker_id"]
        if speaker != passage["speaker_id"]:
            scores.misses.append(
                f"passage speaker {speaker} instead of {passage['speaker_id']}: "
                f"{_short(passage['text'])}"
            )
    for answer in answers:
        if any(holds(answer, passage) for passage in gold_passages):
            scores.passages.matched_found += 1
        else:
            scores.misses.append(
                f"answer with no curated passage ({curated(answer['speaker_id'])}): "
                f"{_short(answer['text'])}"
            )

    forms: dict[str, list[str]] = {}
    for alias in corpus.actor_aliases:
        forms.setdefault(alias["actor_id"], []).append(alias["alias"])
    gold_actors = {
        actor_id
        for actor_id, names in forms.items()
        if any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) for name in names)
    }
    found_actors = {curated(a) for a in extraction.mentioned_actor_ids}
    both = gold_actors & found_actors
    scores.actors = Score(len(found_actors), len(gold_actors), len(both), len(both))
    scores.misses.extend(f"actor missed: {a}" for a in sorted(gold_actors - found_actors))
    scores.misses.extend(f"actor extra: {a}" for a in sorted(found_actors - gold_actors))

    gold_evidence = [s for s in corpus.event_sources if s["source_id"] == source_id]
    events = {e["id"]: e for e in corpus.events}
    found_events = {e["id"]: e for e in extraction.events}
    merged = merged or Merged(found_events, {})
    found_evidence = extraction.event_sources
    for candidate in found_evidence:
        if candidate["event_id"] not in merged.joined:
            continue
        joined = merged.rows[candidate["event_id"]]
        scores.merges.total += 1
        cited = {g["event_id"] for g in gold_evidence if _overlap(candidate, g)}
        right = bool(merged.joined[candidate["event_id"]] & cited)
        scores.merges.right += right
        scores.misses.append(
            f"merged {'' if right else 'WRONGLY '}into {joined['id']}"
            f" ({joined['date']}): {_short(candidate['excerpt'])}"
        )
    scores.events.found, scores.events.expected = len(found_evidence), len(gold_evidence)
    for candidate in found_evidence:
        if any(_overlap(candidate, g) for g in gold_evidence):
            scores.events.matched_found += 1
        else:
            event = found_events[candidate["event_id"]]
            scores.misses.append(
                f"event extra {event['date']} ({event['type']}): {_short(candidate['excerpt'])}"
            )
    # Which curated events each found event is scored against, before and after merging.
    reported: dict[str, dict[str, list[dict]]] = {"dates": {}, "merged": {}}
    where: dict[str, str] = {}
    for gold in gold_evidence:
        event = events[gold["event_id"]]
        hits = [f for f in found_evidence if _overlap(f, gold)]
        if not hits:
            scores.misses.append(
                f"event missed {event['date']} ('{event['date_expression']}'): "
                f"{_short(gold['excerpt'])}"
            )
            continue
        scores.events.matched_expected += 1
        best = max(_overlap(h, gold) for h in hits)
        closest = [h["event_id"] for h in hits if _overlap(h, gold) == best]
        for measure, rows in (("dates", found_events), ("merged", merged.rows)):
            # One sentence may give several extracted events (a happening and the state
            # it began): the curated happening is scored against the one that agrees
            # best, the others are extra events, not wrong dates.
            agreement = {e: _agreement(rows[e], event) for e in closest}
            top = max(agreement.values())
            for event_id in closest:
                if agreement[event_id] == top:
                    reported[measure].setdefault(event_id, []).append(event)
                    where.setdefault(event_id, context.around(gold["start_offset"]))
    # Each found event's date is scored once, against every curated event its sentence
    # is the closest evidence of: a sentence the curation ties to two happenings (one
    # extracted event) would otherwise count the second as a wrong date, where it is a
    # missed event, already counted as such.
    for event_id, expected in reported["dates"].items():
        miss = _score_date(scores.dates, scores.dates_consistent, found_events[event_id], expected)
        if miss:
            scores.misses.append(f"date {miss} | in: {where[event_id]}")
    for event_id, expected in reported["merged"].items():
        miss = _score_date(
            scores.merged_dates, scores.merged_consistent, merged.rows[event_id], expected
        )
        if miss:
            scores.misses.append(f"date after merging {miss} | in: {where[event_id]}")
    return scores


def _agreement(found: dict, expected: dict) -> int:
    """2 for the same days, 1 when one date contains the other, 0 otherwise."""
    if _same_days(found, expected):
        return 2
    return int(_contains(found, expected) or _contains(expected, found))


def _score_date(
    exact: Accuracy, consistent: Accuracy, found: dict, expected: list[dict]
) -> str | None:
    """Count one found date against the curated dates of the events its sentence reports;
    describe a miss."""
    exact.total += 1
    consistent.total += 1
    if any(_same_days(found, e) for e in expected):
        exact.right += 1
        consistent.right += 1
        return None
    nested = any(_contains(found, e) or _contains(e, found) for e in expected)
    consistent.right += nested
    wanted = " or ".join(f"{e['date']} ('{e['date_expression']}')" for e in expected)
    return (
        f"{'coarser/finer' if nested else 'wrong'}: {found['date']} from "
        f"'{found['date_expression']}' instead of {wanted}"
    )


class _Sentences:
    """The sentence around an offset, for the misses list."""

    def __init__(self, text: str):
        self.spans = [s for p in paragraphs(text) for s in sentences(p)]

    def around(self, start: int, end: int | None = None) -> str:
        for span in self.spans:
            if span.start <= start < span.end:
                return _short(span.text, 160)
        return ""


def _overlap(a: dict, b: dict) -> int:
    """Characters two evidence spans share (0 when they do not overlap)."""
    return max(0, min(a["end_offset"], b["end_offset"]) - max(a["start_offset"], b["start_offset"]))


def _days(event: dict) -> tuple[str, str]:
    return str(event["date_start"]), str(event["date_end"])


def _same_days(a: dict, b: dict) -> bool:
    return _days(a) == _days(b)


def _contains(outer: dict, inner: dict) -> bool:
    return _days(outer)[0] <= _days(inner)[0] and _days(inner)[1] <= _days(outer)[1]


def _short(text: str, limit: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _fraction(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def format_table(results: list[SourceScores]) -> str:
    """A plain text table: one row per source, the last row overall."""
    header = (
        "source",
        "quotes P",
        "quotes R",
        "speaker",
        "answers P",
        "passages R",
        "p.speaker",
        "actors P",
        "actors R",
        "events P",
        "events R",
        "dates",
        "dates ⊆⊇",
        "merged dates",
        "merged ⊆⊇",
        "merges",
        "n quotes",
        "n answers",
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
                _fraction(r.passages.precision),
                _fraction(r.passages.recall),
                _fraction(r.passage_speakers.value),
                _fraction(r.actors.precision),
                _fraction(r.actors.recall),
                _fraction(r.events.precision),
                _fraction(r.events.recall),
                _fraction(r.dates.value),
                _fraction(r.dates_consistent.value),
                _fraction(r.merged_dates.value),
                _fraction(r.merged_consistent.value),
                f"{r.merges.right}/{r.merges.total}",
                f"{r.quotes.found}/{r.quotes.expected}",
                f"{r.passages.found}/{r.passages.expected}",
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


def format_misses(results: list[SourceScores]) -> str:
    """Every missed, extra or wrong item of each source, one per line."""
    lines = []
    for r in results:
        if r.source_id == "overall" or not r.misses:
            continue
        lines.append(f"\n{r.source_id}")
        lines.extend(f"  {line}" for line in r.misses)
    return "\n".join(lines) + "\n"
