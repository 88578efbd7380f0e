"""An interview whose body never names the interviewee: the headline does, so the
answers are theirs, and a corrected headline is extracted again."""

from __future__ import annotations

import sqlite3

import timeline

BODY = """Harbour News: When did the ferry start running

Last spring. It took three years of planning.

Harbour News: Will it run in winter?

Yes, with a smaller boat when the ice comes.
"""


def write_interview(folder, title: str) -> None:
    articles = folder / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    (articles / "ferry-interview.txt").write_text(
        f"---\nid: ferry-interview\ntitle: {title}\npublisher: Harbour News\n"
        f"published: 2024-05-02\nlanguage: en\n---\n{BODY}",
        encoding="utf-8",
    )


def answer_speakers(db: str) -> set[tuple[str, str, str]]:
    with sqlite3.connect(db) as connection:
        return set(
            connection.execute(
                "SELECT q.kind, a.name, a.origin FROM quotes q JOIN actors a "
                "ON a.id = q.speaker_id WHERE q.source_id = 'ferry-interview'"
            )
        )


def test_the_headline_names_the_interviewee_and_a_new_headline_is_read_again(tmp_path):
    seeds, db = tmp_path / "seeds", str(tmp_path / "t.db")
    write_interview(seeds, "Harbour News interviews Tomas Wren on the new ferry")
    timeline.load(seeds, db)
    assert answer_speakers(db) == {("interview answer", "Tomas Wren", "extracted")}

    write_interview(seeds, "Harbour News interviews Tomas Wrenn on the new ferry")
    timeline.load(seeds, db)
    assert answer_speakers(db) == {("interview answer", "Tomas Wrenn", "extracted")}
