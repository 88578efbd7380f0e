"""The held-out set (fixtures/heldout): well-formed, apart from what rules are tuned on, scored.

The held-out set is a second development set that nobody tunes on, so its figures estimate
what uncurated articles will see. These tests check what makes it usable and keeps it
held out (that every gold file fits its article is checked with the development set's
tests, in test_gold_eval.py): every article names its source and licence,
none of its articles is also in the development set or the seeds, and `timeline eval
--gold` prints every figure for it. They assert no figure's value: the values move as the
rules change, and a test that pinned them would invite tuning on this set.
"""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from timeline.cli import cli
from timeline.extract.gold_scoring import score_devset
from timeline.extract.goldset import read_devset
from timeline.seeds import read_seed_files
from timeline.validate import validate

from .conftest import FIXTURES, SEEDS

HELDOUT = FIXTURES / "heldout"
FIGURES = ("quotes P", "quotes R", "speaker", "actors R", "actors P", "split", "types",
           "places R", "events R", "events P", "ev. place", "status", "dates",
           "dates seen")  # fmt: skip


@pytest.fixture(scope="module")
def heldout():
    return read_devset(HELDOUT)


def test_heldout_has_at_least_12_articles_each_with_gold(heldout):
    assert len(heldout.sources) >= 12
    assert set(heldout.gold) == {s["id"] for s in heldout.sources}


def test_every_heldout_article_names_its_source_and_licence(heldout):
    sources = (HELDOUT / "SOURCES.md").read_text(encoding="utf-8")
    assert "CC BY 2.5" in sources and "17 U.S.C. § 105" in sources
    for source in heldout.sources:
        assert f"`{source['id']}`" in sources
        assert source["url"] and source["url"].split("//", 1)[1] in sources, source["id"]


def test_no_heldout_article_is_in_the_devset_or_the_seeds(heldout):
    devset = read_devset(FIXTURES / "devset")
    others = [*devset.sources, *validate(read_seed_files(SEEDS)).sources]
    taken_urls = {s["url"] for s in others if s["url"]}
    taken_texts = {s["text"].strip() for s in others}
    for source in heldout.sources:
        assert source["url"] not in taken_urls, source["id"]
        assert source["text"].strip() not in taken_texts, source["id"]
        assert source["id"] not in devset.gold, source["id"]


def test_eval_gold_scores_the_heldout_set_and_prints_every_figure(heldout):
    result = CliRunner().invoke(cli, ["eval", "--gold", str(HELDOUT)])

    assert result.exit_code == 0, result.output
    header = [cell.strip() for cell in result.output.splitlines()[0].split("  ")]
    for figure in FIGURES:
        assert figure in header
    for source in heldout.sources:
        assert re.search(rf"^{re.escape(source['id'])} ", result.output, re.MULTILINE)
    assert re.search(r"^overall ", result.output, re.MULTILINE)


def test_the_heldout_set_sums_its_articles_overall(heldout):
    evaluation = score_devset(heldout)

    assert [r.source_id for r in evaluation.articles] == [s["id"] for s in heldout.sources]
    assert evaluation.overall.quotes.expected == sum(len(g.quotes) for g in heldout.gold.values())
    assert evaluation.overall.events.found == sum(r.events.found for r in evaluation.articles)
    for row in evaluation.rows:
        for figure in (row.quotes.precision, row.actors.recall, row.events.recall):
            assert figure is None or 0 <= figure <= 1
