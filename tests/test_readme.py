"""The README's `console` examples are run for real and must print what the README shows."""

from __future__ import annotations

import re
import shlex

import pytest
from click.testing import CliRunner

import timeline
from timeline.cli import cli

from .conftest import REPO, SEEDS

BLOCK = re.compile(r"```console\n(.*?)```", re.S)


def readme_examples() -> list[tuple[str, str]]:
    """(command, expected output) for every `$ timeline ...` line in a console block."""
    examples = []
    for block in BLOCK.findall((REPO / "README.md").read_text(encoding="utf-8")):
        command, output = None, []
        for line in block.splitlines():
            if line.startswith("$ timeline "):
                if command:
                    examples.append((command, "\n".join(output)))
                command, output = line[len("$ timeline ") :], []
            else:
                output.append(line)
        if command:
            examples.append((command, "\n".join(output)))
    return examples


@pytest.fixture(scope="module")
def seeded_folder(tmp_path_factory):
    folder = tmp_path_factory.mktemp("readme")
    (folder / "seeds").symlink_to(SEEDS)
    timeline.load(SEEDS, str(folder / "timeline.db"))
    return folder


def test_readme_has_examples():
    assert len(readme_examples()) >= 5


@pytest.mark.parametrize(("command", "expected"), readme_examples(), ids=lambda v: v[:50])
def test_readme_example_prints_what_the_readme_says(command, expected, seeded_folder, monkeypatch):
    monkeypatch.chdir(seeded_folder)
    monkeypatch.delenv("TIMELINE_DB", raising=False)

    result = CliRunner().invoke(cli, shlex.split(command))

    printed = "\n".join(line.rstrip() for line in result.output.rstrip("\n").splitlines())
    assert printed == expected.rstrip("\n")
