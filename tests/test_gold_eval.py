"""`timeline eval --gold`: scoring extraction against a development set's gold.

The scorer is tested on a tiny hand-made article and gold (fixtures/devset-tiny) with a
hand-made extraction, so every figure has a known hit and a known miss whatever the
extraction rules do; the development set itself (fixtures/devset) is tested for being
well-formed, and the command for printing every figure of it.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from timeline.cli import cli
from timeline.errors import SeedError
from timeline.extract.gold_scoring import evaluate_gold, score_article
from timeline.extract.goldset import read_devset
from timeline.extract.pipeline import Extraction
from timeline.validate import alias_key

from .conftest import FIXTURES

TINY = FIXTURES / "devset-tiny"
DEVSET = FIXTURES / "devset"


def _at(text: str, needle: str) -> tuple[int, int]:
    start = text.index(needle)
    return start, start + len(needle)


def _quote(text: str, needle: str, speaker: str | None) -> dict:
    start, end = _at(text, needle)
    return {"text": needle, "start_offset": start, "end_offset": end, "speaker_id": speaker}


def _event(text, event_id, evidence, date, start, end, expression) -> tuple[dict, dict]:
    first, last = _at(text, evidence)
    row = {
        "id": event_id,
        "type": "other",
        "date": date,
        "date_start": start,
        "date_end": end,
        "date_expression": expression,
        "status": "happened",
        "place_id": None,
    }
    source = {
        "event_id": event_id,
        "excerpt": evidence,
        "start_offset": first,
        "end_offset": last,
    }
    return row, source


def tiny_extraction(text: str) -> Extraction:
    """What a made-up extractor finds in tiny-harbour: some right, some wrong, some missed."""
    extraction = Extraction("tiny-harbour")
    extraction.actors = [
        {"id": "mayor-okafor", "name": "Mayor Jane Okafor", "type": "person"},
        {"id": "okafor", "name": "Okafor", "type": "person"},  # the same person again
        {"id": "portsmouth", "name": "PORTSMOUTH", "type": "state"},  # a place as actor
    ]
    extraction.actor_aliases = [{"actor_id": "okafor", "alias": "Okafor"}]
    extraction.mentioned_actor_ids = ["portsmouth", "mayor-okafor", "okafor"]
    extraction.quotes = [
        _quote(text, "We are open for business,", "mayor-okafor"),  # right, right speaker
        _quote(text, "Ships can dock again", None),  # cut short: still the quote; no speaker
        _quote(text, "storm", None),  # not a quote
    ]  # "It was a long week," is missed
    rows = [
        # Right sentence, right date.
        _event(text, "e1", "The harbour reopened on Tuesday,", "2024-03-05", "2024-03-05",
               "2024-03-05", "on Tuesday"),
        # Right sentence, wrong date (the Sunday after publication): an extra event, a
        # missed one and a wrong date.
        _event(text, "e2", "The storm struck on Sunday.", "2024-03-10", "2024-03-10",
               "2024-03-10", "on Sunday"),
        # No gold event there.
        _event(text, "e3", "It was a long week", "2024-03", "2024-03-01", "2024-03-31",
               "a long week"),
    ]  # fmt: skip
    rows[0][0]["place_id"] = "portsmouth"
    extraction.events = [row for row, _ in rows]
    extraction.event_sources = [source for _, source in rows]
    # Places, as the rules that create them give them; England is missed.
    extraction.places = [{"id": "portsmouth", "name": "Portsmouth"}]
    return extraction


def test_each_figure_counts_its_hits_and_misses():
    devset = read_devset(TINY)
    source = devset.sources[0]
    scores = score_article(
        devset.gold["tiny-harbour"], tiny_extraction(source["text"]), source["text"]
    )

    # Quotes: 2 of 3 extracted overlap a gold quote by half or more; 2 of 3 gold found.
    assert (scores.quotes.precision, scores.quotes.recall) == (2 / 3, 2 / 3)
    # Speakers: "Mayor Jane Okafor" is an alias of the gold actor; None is wrong.
    assert (scores.speakers.right, scores.speakers.total) == (1, 2)
    # Actors: Okafor found (twice: split), the Harbour Authority missed, PORTSMOUTH extra.
    assert (scores.actors.recall, scores.actors.precision) == (1 / 2, 2 / 3)
    assert scores.split_actors == 1
    # Places: Portsmouth, case-insensitively; England missed.
    assert scores.places.recall == 1 / 2
    # Events: e1 matches; e2 has the right sentence but an incompatible date; e3 is extra.
    assert (scores.events.recall, scores.events.precision) == (1 / 2, 1 / 3)
    # Types: Okafor is a person; event place and status of e1, the one event found.
    assert (scores.actor_types.right, scores.actor_types.total) == (1, 1)
    assert (scores.event_places.right, scores.event_places.total) == (1, 1)
    assert (scores.event_status.right, scores.event_status.total) == (1, 1)
    # Dates: both gold expressions used, "on Sunday" resolved to the wrong Sunday.
    assert (scores.dates_seen.right, scores.dates_seen.total) == (2, 2)
    assert (scores.dates.right, scores.dates.total) == (1, 2)

    misses = "\n".join(scores.misses)
    for expected in (
        "quote missed (Jane Okafor): It was a long week,",
        "quote speaker None instead of Jane Okafor: Ships can dock again.",
        "quote extra (None): storm",
        "actor missed: Harbour Authority (government_body)",
        "actor split over 2 rows: Jane Okafor = 'Mayor Jane Okafor', 'Okafor'",
        "actor extra: PORTSMOUTH",
        "place missed: England (country)",
        "event missed 2024-03-03 (extracted with date 2024-03-10): The storm struck on Sunday.",
        "event extra 2024-03 (other): It was a long week",
        "date wrong: 'on Sunday' = 2024-03-10 instead of 2024-03-03",
    ):
        assert expected in misses


def test_a_happening_told_twice_is_one_right_event_with_a_surplus_evidence():
    devset = read_devset(TINY)
    source = devset.sources[0]
    text = source["text"]
    extraction = tiny_extraction(text)
    # "It was a long week" becomes more evidence of e1 (a restatement joined to it).
    extraction.events = [e for e in extraction.events if e["id"] != "e3"]
    extraction.event_sources[2]["event_id"] = "e1"
    scores = score_article(devset.gold["tiny-harbour"], extraction, text)

    # Two events, e1 right: precision counts events; the evidence rows are 1 right of 3.
    assert (scores.events.found, scores.events.precision) == (2, 1 / 2)
    assert (scores.evidence.found, scores.evidence.precision) == (3, 1 / 3)
    misses = "\n".join(scores.misses)
    assert "evidence extra 2024-03-05 (other): It was a long week" in misses
    assert "event extra 2024-03-10 (other): The storm struck on Sunday." in misses


def _wrong_type(extraction):
    for actor in extraction.actors:
        if actor["id"] in ("okafor", "mayor-okafor"):
            actor["type"] = "organisation"


def _wrong_status(extraction):
    extraction.events[0]["status"] = "planned"


def _no_event_place(extraction):
    extraction.events[0]["place_id"] = None


@pytest.mark.parametrize(
    "spoil, measure, miss",
    [
        (_wrong_type, "actor_types", "actor type organisation instead of person: Jane Okafor"),
        (_wrong_status, "event_status", "event status planned instead of happened"),
        (_no_event_place, "event_places", "event place None instead of Portsmouth"),
    ],
)
def test_wrong_type_status_or_event_place_is_counted_and_listed(spoil, measure, miss):
    devset = read_devset(TINY)
    source = devset.sources[0]
    extraction = tiny_extraction(source["text"])
    spoil(extraction)

    scores = score_article(devset.gold["tiny-harbour"], extraction, source["text"])

    assert getattr(scores, measure).right == 0
    assert any(line.startswith(miss) for line in scores.misses)


def test_extraction_with_no_places_scores_place_recall_zero():
    devset = read_devset(TINY)
    source = devset.sources[0]
    extraction = tiny_extraction(source["text"])
    del extraction.places

    scores = score_article(devset.gold["tiny-harbour"], extraction, source["text"])

    assert scores.places.recall == 0


def test_eval_gold_prints_every_figure_per_article_and_overall(tmp_path):
    # The tiny article is extracted without a miss since events take their most specific
    # place; a gold place the text never names gives the misses section a line.
    devset = tmp_path / "devset"
    shutil.copytree(TINY, devset)
    gold = devset / "gold" / "tiny-harbour.yaml"
    gold.write_text(
        gold.read_text(encoding="utf-8").replace(
            "places:\n", "places:\n  - {name: Solent, kind: region}\n"
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["eval", "--gold", str(devset), "--misses"])

    assert result.exit_code == 0, result.output
    header = result.output.splitlines()[0].split("  ")
    for figure in ("quotes P", "quotes R", "speaker", "actors R", "actors P", "split",
                   "types", "places R", "events R", "events P", "ev. place", "status",
                   "dates", "dates seen"):  # fmt: skip
        assert figure in [cell.strip() for cell in header]
    assert re.search(r"^tiny-harbour ", result.output, re.MULTILINE)
    assert re.search(r"^overall ", result.output, re.MULTILINE)
    assert "\ntiny-harbour\n  place missed: Solent (region)" in result.output  # the misses


def test_eval_gold_refuses_seeds_dir_too():
    result = CliRunner().invoke(cli, ["eval", "seeds", "--gold", str(TINY)])

    assert result.exit_code == 2
    assert "--gold scores a development set" in result.output


BAD = sorted(path for path in (FIXTURES / "devset-bad").iterdir() if path.is_dir())


@pytest.mark.parametrize("case", BAD, ids=[case.name for case in BAD])
def test_bad_gold_gives_one_clear_message(case):
    result = CliRunner().invoke(cli, ["eval", "--gold", str(case)])

    expected = (case / "expected.txt").read_text(encoding="utf-8").strip()
    assert result.exit_code == 1, result.output
    assert expected in result.output.replace(str(case) + "/", "")
    assert "Traceback" not in result.output


# -- the development set is well-formed ------------------------------------------------


@pytest.fixture(scope="module")
def devset():
    return read_devset(DEVSET)


def test_devset_has_at_least_20_articles_each_with_gold(devset):
    assert len(devset.sources) >= 20
    assert set(devset.gold) == {s["id"] for s in devset.sources}


# Both sets of real articles with gold: the development set and the held-out set
# (fixtures/heldout, tested for its own rules in test_heldout.py).
@pytest.fixture(scope="module", params=["devset", "heldout"])
def gold_set(request):
    return read_devset(FIXTURES / request.param)


def test_every_gold_text_is_verbatim_in_its_article(gold_set):
    # read_devset located each one; check the located text is the text.
    for source in gold_set.sources:
        gold, text = gold_set.gold[source["id"]], source["text"]
        for quote in gold.quotes:
            assert text[quote.span.start : quote.span.end] == quote.text
        for date in gold.dates:
            assert text[date.span.start : date.span.end] == date.expression
        for event in gold.events:
            assert text[event.span.start : event.span.end] == event.evidence


def test_every_gold_actor_and_place_is_named_in_its_article(gold_set):
    for source in gold_set.sources:
        words = f" {alias_key(source['title'] or '')} {alias_key(source['text'])} "
        gold = gold_set.gold[source["id"]]
        for named in [*gold.actors, *gold.places]:
            assert any(f" {key} " in words for key in named.keys), (source["id"], named.name)


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def test_every_gold_weekday_is_that_weekday(gold_set):
    for gold in gold_set.gold.values():
        for date in gold.dates:
            named = [day for day in WEEKDAYS if day in date.expression.lower()]
            if named and date.date.precision == "day":
                assert WEEKDAYS[date.date.start.weekday()] == named[0], (gold.file, date)


def test_every_devset_article_names_its_licence():
    sources = (DEVSET / "SOURCES.md").read_text(encoding="utf-8")
    assert "CC BY 2.5" in sources and "17 U.S.C. § 105" in sources
    for article in (DEVSET / "articles").glob("*.txt"):
        assert f"`{article.stem}`" in sources


def test_a_gold_quote_not_in_its_article_is_refused(tmp_path: Path):
    (tmp_path / "articles").mkdir()
    (tmp_path / "gold").mkdir()
    article = (TINY / "articles" / "tiny-harbour.txt").read_text(encoding="utf-8")
    (tmp_path / "articles" / "tiny-harbour.txt").write_text(article, encoding="utf-8")
    (tmp_path / "gold" / "tiny-harbour.yaml").write_text(
        "source: tiny-harbour\nquotes:\n  - {text: We are closed, speaker: null}\n",
        encoding="utf-8",
    )

    with pytest.raises(SeedError) as raised:
        evaluate_gold(tmp_path)

    assert "tiny-harbour.yaml:3: text 'We are closed' is not in the article" in str(raised.value)


def test_the_devset_scores_every_article_and_sums_them_overall(devset):
    from timeline.extract.gold_scoring import score_devset

    evaluation = score_devset(devset)

    assert [r.source_id for r in evaluation.articles] == [s["id"] for s in devset.sources]
    assert evaluation.overall.quotes.expected == sum(len(g.quotes) for g in devset.gold.values())
    assert evaluation.overall.events.found == sum(r.events.found for r in evaluation.articles)
    for row in evaluation.rows:
        for figure in (row.quotes.precision, row.actors.recall, row.events.recall):
            assert figure is None or 0 <= figure <= 1
