"""Progress bars on long loads, on a terminal only; quiet in pipes and with --quiet."""

from __future__ import annotations

import os
import pty
import subprocess
import sys

import pytest

from timeline.synthetic import CorpusSize, write_corpus


@pytest.fixture(scope="module")
def many_files(tmp_path_factory):
    # 250 articles + 250 record files: enough files for a bar.
    size = CorpusSize(sources=250, events_per_source=1, quotes_per_source=1, actors=10)
    return write_corpus(tmp_path_factory.mktemp("many") / "seeds", size)


def run_in_terminal(args: list[str]) -> str:
    """Run a command with a pseudo-terminal as stdout and stderr; return what it printed."""
    leader, follower = pty.openpty()
    process = subprocess.Popen(args, stdout=follower, stderr=follower, close_fds=True)
    os.close(follower)
    output = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    process.wait()
    os.close(leader)
    return output.decode("utf-8", "replace")


def test_load_shows_progress_on_a_terminal(many_files, tmp_path):
    output = run_in_terminal(
        [sys.executable, "-m", "timeline", "load", str(many_files), "--db", str(tmp_path / "t.db")]
    )
    assert "Loading seed files" in output
    assert "Loaded 250 sources" in output


def test_load_is_quiet_with_quiet_flag_on_a_terminal(many_files, tmp_path):
    output = run_in_terminal(
        [
            sys.executable,
            "-m",
            "timeline",
            "load",
            str(many_files),
            "--db",
            str(tmp_path / "t.db"),
            "--quiet",
        ]
    )
    assert output.strip() == ""


def test_load_shows_no_bar_in_a_pipe(many_files, tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "timeline", "load", str(many_files), "--db", str(tmp_path / "t.db")],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "Loading seed files" not in result.stdout + result.stderr
    assert result.stdout.startswith("Loaded 250 sources")
