"""Extraction fingerprint: one digest of every row extraction makes, to prove a speed-up
changed no output.

    .venv/bin/python benchmarks/extraction_fingerprint.py [--generated 200] [--dump FILE]

Extracts every article of ``fixtures/devset/articles`` (with no known actors, as
``timeline eval --gold`` does, and again knowing the seeds' actors), every seed article
(knowing the seeds' actors and places, as ``timeline load`` does, and cold), and
``--generated`` articles of the kind ``benchmarks/uncurated.py`` builds (same generator).
Every field of every extraction (rows, methods, wordings, types) is written as one JSON
line per article; the script prints the SHA-256 of those lines and, with ``--dump``,
writes them to a file, so two versions' dumps can be diffed. Run it on the code before a
change and after: the digest must not move. ``PYTHONPATH`` says whose code is measured
(``PYTHONPATH=../main`` for another checkout's, ``PYTHONPATH=.`` for this one's); the
first line printed says which ``timeline`` was imported.
"""

from __future__ import annotations

import argparse
import dataclasses
import hashlib
import json
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# After PYTHONPATH: the generator is this checkout's, timeline the one PYTHONPATH names.
sys.path.append(str(REPO))

from benchmarks.uncurated import seed_paragraphs, write_folder  # noqa: E402


def article_groups(generated: int, work: Path):
    """(label, sources, actors, aliases, places) for each group of articles extracted."""
    from timeline.extract.goldset import read_devset
    from timeline.seeds import read_seed_files
    from timeline.validate import validate

    seeds = validate(read_seed_files(REPO / "seeds"))
    devset = read_devset(REPO / "fixtures" / "devset").sources
    write_folder(work, generated, seed_paragraphs())
    uncurated = validate(read_seed_files(work)).sources
    known = (seeds.actors, seeds.actor_aliases, seeds.places)
    return [
        ("devset cold", devset, [], [], []),
        ("devset knowing the seeds", devset, *known),
        ("seeds", seeds.sources, *known),
        ("seeds cold", seeds.sources, [], [], []),
        ("uncurated", uncurated, [], [], []),
    ]


def fingerprint_lines(generated: int) -> list[str]:
    """One JSON line per extracted article, every field of its Extraction."""
    from timeline.extract.pipeline import article_from_row, extract_article

    lines = []
    with tempfile.TemporaryDirectory() as work:
        for label, sources, actors, aliases, places in article_groups(generated, Path(work)):
            for source in sources:
                extraction = extract_article(article_from_row(source), actors, aliases, places)
                record = {"group": label, **dataclasses.asdict(extraction)}
                lines.append(json.dumps(record, sort_keys=True, ensure_ascii=False, default=str))
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--generated", type=int, default=200)
    parser.add_argument("--dump", type=Path, help="write the JSON lines to this file")
    options = parser.parse_args()
    import timeline

    print(f"timeline from {Path(timeline.__file__).parent}")
    lines = fingerprint_lines(options.generated)
    digest = hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()
    if options.dump:
        options.dump.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{digest}  {len(lines)} extractions")


if __name__ == "__main__":
    main()
