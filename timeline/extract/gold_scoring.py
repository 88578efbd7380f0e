"""Scoring extraction against a development set's gold (``timeline eval --gold DIR``).

Each article is extracted as a load extracts an article nobody annotated: no curated
records, no known actors (``extract_article(article, [], [])``), so an article's figures
do not depend on which others are in the set. Then, per article:

* **quotes P / R**: an extracted quote matches a gold quote when their spans overlap
  by at least half of the shorter one (so a quote cut short or run on by a few words
  still counts, a different quotation does not); each gold quote is matched once, by
  the extracted quote overlapping it most. Marked quotations and interview answers
  (``kind: answer``, whole answer paragraphs) are scored alike.
* **speaker**: among matched quotes, the share whose extracted speaker is the gold one:
  the speaker's extracted name or any extracted alias equals the gold actor's name or
  any gold alias, case- and accent-insensitively (``alias_key``). Both unknown (null)
  counts as right; a speaker found where the gold has none, or none where it has one,
  as wrong.
* **actors R / P**: a gold actor is found when an actor extraction says the article
  mentions has a name or alias equal (as above) to one of the gold actor's forms;
  an extracted actor is right when it is some gold actor. *split*: gold actors that
  two or more extracted actors match (one person or body stored as two rows).
  *types*: among found gold actors, the share an extracted actor of the gold type
  matches (of any of its rows, when split).
* **places R / P**: a gold place is found when an extracted place (``places`` of the
  extraction, where the rules create them) has its name, or one of its aliases, among
  the gold place's forms. Places are where something is or happens (cities, regions,
  countries); a state acting ("Malaysia criticised") is an actor.
* **events R / P**: an extracted event matches a gold event when its evidence overlaps
  the gold evidence (one character is enough: both point at the same sentence or
  clause) and its date is compatible with the gold date: the same days, or one
  contains the other (a coarser "2015" for "2015-09-11" is the same happening dated
  less precisely; whether it is *right* is the date measure's business). Among found
  gold events, *ev. place*: the share (of those with a gold place) whose extracted
  event's ``place_id`` is a place with one of the gold place's forms; *status*: the
  share with the gold status (happened, planned, forecast). Precision counts extracted
  events: one is right when any sentence it rests on matches a gold event (a happening
  told twice in one article is one event with two pieces of evidence); *evid. P* counts
  the evidence rows instead, each on its own.
* **dates**: each date expression extraction used for an event (its
  ``date_expression``, found inside its evidence) is paired with the gold date
  expression it overlaps; it is right when it covers exactly the same days (EDTF
  ``~``/``?`` ignored). *seen* is how many gold expressions extraction used at all:
  one it resolved but made no event of cannot be seen, and counts neither way.

``score_devset`` returns a ``GoldEvaluation``: per article scores and an overall row
whose counts are the sums (so overall figures weight articles by their size), each
with the list of misses (``--misses``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..validate import alias_key
from .evaluate import Accuracy, Score, _days, _fraction, _short
from .goldset import DevSet, GoldArticle, Span, read_devset
from .pipeline import Extraction, article_from_row, extract_article

_MEASURES = (
    "quotes",
    "speakers",
    "actors",
    "actor_types",
    "places",
    "events",
    "evidence",
    "event_places",
    "event_status",
    "dates",
    "dates_seen",
)


@dataclass
class ArticleScores:
    source_id: str
    quotes: Score = field(default_factory=Score)
    speakers: Accuracy = field(default_factory=Accuracy)
    actors: Score = field(default_factory=Score)
    split_actors: int = 0
    # Among found gold actors: the extracted actor (any, when split) has the gold type.
    actor_types: Accuracy = field(default_factory=Accuracy)
    places: Score = field(default_factory=Score)
    events: Score = field(default_factory=Score)
    # Evidence rows (an event has one per sentence that reports it): those that match.
    evidence: Score = field(default_factory=Score)
    # Among found gold events with a place: the extracted event's place is that place.
    event_places: Accuracy = field(default_factory=Accuracy)
    # Among found gold events: the extracted status (happened, planned, forecast).
    event_status: Accuracy = field(default_factory=Accuracy)
    dates: Accuracy = field(default_factory=Accuracy)
    # Gold date expressions extraction used at all (total = gold expressions).
    dates_seen: Accuracy = field(default_factory=Accuracy)
    misses: list[str] = field(default_factory=list)

    def add(self, other: ArticleScores) -> None:
        for name in _MEASURES:
            getattr(self, name).add(getattr(other, name))
        self.split_actors += other.split_actors


@dataclass
class GoldEvaluation:
    """Scores of every article of a development set, and overall."""

    articles: list[ArticleScores]
    overall: ArticleScores

    @property
    def rows(self) -> list[ArticleScores]:
        return [*self.articles, self.overall]


def evaluate_gold(folder: str | Path) -> GoldEvaluation:
    """Read a development set (``articles/`` and ``gold/``), extract, score."""
    return score_devset(read_devset(folder))


def score_devset(devset: DevSet) -> GoldEvaluation:
    overall = ArticleScores("overall")
    articles = []
    for source in devset.sources:
        extraction = extract_article(article_from_row(source), [], [])
        scores = score_article(devset.gold[source["id"]], extraction, source["text"])
        articles.append(scores)
        overall.add(scores)
    return GoldEvaluation(articles, overall)


class _ExtractedNames:
    """The spellings extraction gave each of its actors, as ``alias_key``s."""

    def __init__(self, extraction: Extraction):
        self.names = {a["id"]: a["name"] for a in extraction.actors}
        self.keys: dict[str, set[str]] = {
            a["id"]: {alias_key(a["name"])} for a in extraction.actors
        }
        for alias in extraction.actor_aliases:
            self.keys.setdefault(alias["actor_id"], set()).add(alias_key(alias["alias"]))

    def of(self, actor_id: str | None) -> set[str]:
        return self.keys.get(actor_id, set()) if actor_id else set()

    def name(self, actor_id: str | None) -> str | None:
        return self.names.get(actor_id, actor_id) if actor_id else None


def score_article(gold: GoldArticle, extraction: Extraction, text: str) -> ArticleScores:
    scores = ArticleScores(gold.source_id)
    names = _ExtractedNames(extraction)
    context = _Context(text)
    _score_quotes(scores, gold, extraction, names, context)
    _score_actors(scores, gold, extraction, names)
    _score_places(scores, gold, extraction)
    _score_events(scores, gold, extraction, text, context)
    return scores


def _span(row: dict) -> Span:
    return Span(row["start_offset"], row["end_offset"])


def _overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _score_quotes(scores, gold: GoldArticle, extraction: Extraction, names, context) -> None:
    found = extraction.quotes
    pairs = sorted(
        (
            (_overlap(g.span, _span(f)), i, j)
            for i, g in enumerate(gold.quotes)
            for j, f in enumerate(found)
            if 2 * _overlap(g.span, _span(f))
            >= min(g.span.end - g.span.start, f["end_offset"] - f["start_offset"])
            and _overlap(g.span, _span(f)) > 0
        ),
        reverse=True,
    )
    gold_match: dict[int, int] = {}
    used: set[int] = set()
    for _, i, j in pairs:
        if i not in gold_match and j not in used:
            gold_match[i] = j
            used.add(j)
    scores.quotes = Score(len(found), len(gold.quotes), len(used), len(gold_match))
    for i, quote in enumerate(gold.quotes):
        expected = quote.speaker.name if quote.speaker else None
        if i not in gold_match:
            scores.misses.append(
                f"quote missed ({expected}): {_short(quote.text)} | in: {context.at(quote.span)}"
            )
            continue
        speaker_id = found[gold_match[i]]["speaker_id"]
        if quote.speaker is None:
            right = speaker_id is None
        else:
            right = bool(names.of(speaker_id) & quote.speaker.keys)
        scores.speakers.total += 1
        scores.speakers.right += right
        if not right:
            scores.misses.append(
                f"quote speaker {names.name(speaker_id)} instead of {expected}: "
                f"{_short(quote.text)}"
            )
    for j, quote in enumerate(found):
        if j not in used:
            scores.misses.append(
                f"quote extra ({names.name(quote['speaker_id'])}): {_short(quote['text'])}"
                f" | in: {context.at(_span(quote))}"
            )


def _score_actors(scores, gold: GoldArticle, extraction: Extraction, names) -> None:
    found = list(dict.fromkeys(extraction.mentioned_actor_ids))
    types = {a["id"]: a.get("type") for a in extraction.actors}
    matched_found = set()
    for actor in gold.actors:
        hits = [actor_id for actor_id in found if names.of(actor_id) & actor.keys]
        matched_found.update(hits)
        if not hits:
            scores.misses.append(f"actor missed: {actor.name} ({actor.type})")
            continue
        typed = {types.get(h) for h in hits}
        scores.actor_types.total += 1
        scores.actor_types.right += actor.type in typed
        if actor.type not in typed:
            found_as = ", ".join(sorted(t for t in typed if t))
            scores.misses.append(f"actor type {found_as} instead of {actor.type}: {actor.name}")
        if len(hits) > 1:
            scores.split_actors += 1
            rows = ", ".join(repr(names.name(h)) for h in hits)
            scores.misses.append(f"actor split over {len(hits)} rows: {actor.name} = {rows}")
    scores.actors = Score(
        len(found),
        len(gold.actors),
        len(matched_found),
        sum(any(names.of(a) & actor.keys for a in found) for actor in gold.actors),
    )
    for actor_id in found:
        if actor_id not in matched_found:
            scores.misses.append(f"actor extra: {names.name(actor_id)}")


def _place_keys(extraction: Extraction) -> dict[str, set[str]]:
    """Extracted place id -> its spellings. Extraction rules that create no places
    (the rules before issue 12) leave ``places`` out of the Extraction altogether."""
    keys = {p["id"]: {alias_key(p["name"])} for p in getattr(extraction, "places", [])}
    for alias in getattr(extraction, "place_aliases", []):
        keys.setdefault(alias["place_id"], set()).add(alias_key(alias["alias"]))
    return keys


def _score_places(scores, gold: GoldArticle, extraction: Extraction) -> None:
    found = _place_keys(extraction)
    matched = {pid for pid, keys in found.items() if any(keys & p.keys for p in gold.places)}
    recalled = [p for p in gold.places if any(keys & p.keys for keys in found.values())]
    scores.places = Score(len(found), len(gold.places), len(matched), len(recalled))
    scores.misses.extend(
        f"place missed: {p.name} ({p.kind})" for p in gold.places if p not in recalled
    )
    names = {p["id"]: p["name"] for p in getattr(extraction, "places", [])}
    scores.misses.extend(f"place extra: {names[pid]}" for pid in found if pid not in matched)


def _compatible(row: dict[str, Any], date) -> bool:
    start, end = _days(row)
    gold_start, gold_end = date.start.isoformat(), date.end.isoformat()
    return (start <= gold_start and gold_end <= end) or (gold_start <= start and end <= gold_end)


def _score_events(scores, gold: GoldArticle, extraction: Extraction, text: str, context):
    events = {e["id"]: e for e in extraction.events}
    evidence = [(s, events[s["event_id"]]) for s in extraction.event_sources]

    def matches(source_row, event, gold_event) -> bool:
        return _overlap(_span(source_row), gold_event.span) > 0 and _compatible(
            event, gold_event.date
        )

    recalled = [g for g in gold.events if any(matches(s, e, g) for s, e in evidence)]
    right = [(s, e) for s, e in evidence if any(matches(s, e, g) for g in gold.events)]
    # An event is right when a sentence it rests on reports a gold event: a happening told
    # twice in one article is one event with two pieces of evidence, one row to the reader.
    right_events = {e["id"] for _, e in right}
    scores.events = Score(len(events), len(gold.events), len(right_events), len(recalled))
    scores.evidence = Score(len(evidence), 0, len(right), 0)
    places = _place_keys(extraction)
    for g in recalled:
        found = [e for s, e in evidence if matches(s, e, g)]
        scores.event_status.total += 1
        if any(e.get("status", "happened") == g.status for e in found):
            scores.event_status.right += 1
        else:
            got = ", ".join(sorted({e.get("status") or "happened" for e in found}))
            scores.misses.append(f"event status {got} instead of {g.status}: {_short(g.evidence)}")
        if g.place is None:
            continue
        scores.event_places.total += 1
        if any(places.get(e.get("place_id"), set()) & g.place.keys for e in found):
            scores.event_places.right += 1
        else:
            got = ", ".join(sorted({str(e.get("place_id")) for e in found}))
            scores.misses.append(
                f"event place {got} instead of {g.place.name}: {_short(g.evidence)}"
            )
    for g in gold.events:
        if g not in recalled:
            near = [e["date"] for s, e in evidence if _overlap(_span(s), g.span)]
            why = f" (extracted with date {', '.join(near)})" if near else ""
            scores.misses.append(f"event missed {g.date.edtf}{why}: {_short(g.evidence)}")
    for s, e in evidence:
        if (s, e) in right:
            continue
        # more evidence for an event that is right, or an event that is not
        kind = "evidence" if e["id"] in right_events else "event"
        scores.misses.append(f"{kind} extra {e['date']} ({e['type']}): {_short(s['excerpt'])}")

    # Dates: the expression each extracted event rests on, where it stands in the text.
    used: list[tuple[Span, dict]] = []
    for s, e in evidence:
        expression = e.get("date_expression") or ""
        at = text.find(expression, s["start_offset"], s["end_offset"]) if expression else -1
        if at < 0 and expression:
            lowered = text[s["start_offset"] : s["end_offset"]].casefold()
            found = lowered.find(expression.casefold())
            at = s["start_offset"] + found if found >= 0 else -1
        if at >= 0:
            used.append((Span(at, at + len(expression)), e))
    for date in gold.dates:
        hits = [e for span, e in used if _overlap(span, date.span)]
        scores.dates_seen.total += 1
        if not hits:
            scores.misses.append(
                f"date not used: '{date.expression}' = {date.date.edtf}"
                f" | in: {context.at(date.span)}"
            )
            continue
        scores.dates_seen.right += 1
        scores.dates.total += 1
        wanted = (date.date.start.isoformat(), date.date.end.isoformat())
        if any(_days(e) == wanted for e in hits):
            scores.dates.right += 1
        else:
            got = ", ".join(sorted({e["date"] for e in hits}))
            scores.misses.append(
                f"date wrong: '{date.expression}' = {got} instead of {date.date.edtf}"
                f" | in: {context.at(date.span)}"
            )


class _Context:
    """The paragraph text around a span, shortened, for the misses list."""

    def __init__(self, text: str):
        self.text = text

    def at(self, span: Span) -> str:
        start = self.text.rfind("\n", 0, span.start) + 1
        end = self.text.find("\n", span.end)
        end = len(self.text) if end < 0 else end
        left = max(start, span.start - 60)
        return _short(self.text[left : min(end, span.end + 60)], 140)


def format_gold_table(evaluation: GoldEvaluation) -> str:
    """One row per article, the last overall: every figure of issue 12's table."""
    header = (
        "article",
        "quotes P",
        "quotes R",
        "speaker",
        "actors R",
        "actors P",
        "split",
        "types",
        "places R",
        "events R",
        "events P",
        "evid. P",
        "ev. place",
        "status",
        "dates",
        "dates seen",
        "n quotes",
        "n actors",
        "n events",
    )
    rows = [header]
    for r in evaluation.rows:
        rows.append(
            (
                r.source_id,
                _fraction(r.quotes.precision),
                _fraction(r.quotes.recall),
                _fraction(r.speakers.value),
                _fraction(r.actors.recall),
                _fraction(r.actors.precision),
                str(r.split_actors),
                _fraction(r.actor_types.value),
                _fraction(r.places.recall),
                _fraction(r.events.recall),
                _fraction(r.events.precision),
                _fraction(r.evidence.precision),
                _fraction(r.event_places.value),
                _fraction(r.event_status.value),
                _fraction(r.dates.value),
                f"{r.dates_seen.right}/{r.dates_seen.total}",
                f"{r.quotes.found}/{r.quotes.expected}",
                f"{r.actors.found}/{r.actors.expected}",
                f"{r.events.found}/{r.events.expected}",
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines) + "\n"


def format_gold_misses(evaluation: GoldEvaluation) -> str:
    """Every missed, extra or wrong item of each article, one per line."""
    lines = []
    for r in evaluation.articles:
        if r.misses:
            lines.append(f"\n{r.source_id}")
            lines.extend(f"  {line}" for line in r.misses)
    return "\n".join(lines) + "\n"
