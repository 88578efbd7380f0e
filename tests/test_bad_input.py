"""Every broken seeds folder in fixtures/bad/ gives its one clear message and changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

import timeline
from timeline.cli import cli

from .conftest import FIXTURES, file_digest

BAD_CASES = sorted(path for path in (FIXTURES / "bad").iterdir() if path.is_dir())


@pytest.mark.parametrize("case", BAD_CASES, ids=[case.name for case in BAD_CASES])
@pytest.mark.parametrize("existing", [True, False], ids=["existing-db", "new-db"])
def test_bad_input_gives_clear_message_and_leaves_database_unchanged(
    case, existing, tmp_path, monkeypatch
):
    # Loaded over fixtures/minimal (whose files most cases share), a case takes the
    # incremental path; into a new database, the full one. The message must not differ.
    db = tmp_path / "timeline.db"
    if existing:
        timeline.load(FIXTURES / "minimal", str(db))
    before = file_digest(db) if existing else None
    monkeypatch.chdir(case)

    result = CliRunner().invoke(cli, ["load", "seeds", "--db", str(db)])

    expected = (case / "expected.txt").read_text(encoding="utf-8").strip()
    assert result.exit_code == 1, result.output
    assert expected in result.output
    assert "Traceback" not in result.output
    assert (file_digest(db) if db.exists() else None) == before


def test_every_problem_is_reported_at_once(tmp_path: Path):
    seeds = tmp_path / "seeds"
    (seeds / "articles").mkdir(parents=True)
    (seeds / "articles" / "a.txt").write_text("---\nid: a\n---\nHello world.\n")
    (seeds / "records.yaml").write_text(
        "actors:\n"
        "  - {id: x, name: X, type: persn}\n"
        "quotes:\n"
        "  - {id: q, source: a, speaker: y, text: Goodbye}\n"
    )
    with pytest.raises(timeline.SeedError) as raised:
        timeline.load(seeds, str(tmp_path / "t.db"))

    messages = [str(problem) for problem in raised.value.problems]
    assert any(
        "type 'persn' is not in the vocabulary (did you mean 'person'?)" in m for m in messages
    )
    assert any("speaker 'y': no actor has this id" in m for m in messages)
    assert any("quote is not found verbatim in source 'a'" in m for m in messages)


def test_missing_seeds_folder_is_a_clear_error(tmp_path):
    result = CliRunner().invoke(
        cli, ["load", str(tmp_path / "nope"), "--db", str(tmp_path / "t.db")]
    )
    assert result.exit_code == 1
    assert "does not exist or is not a folder" in result.output
