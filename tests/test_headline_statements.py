"""A release whose headline names the statement's author ("Statement by Treasury
Secretary Jane Roe on …") and whose body is the statement in quotation marks with no
frame: the body's unattributed quotations are the author's (issue 12). Invented text in
the style of U.S. Treasury statements."""

from __future__ import annotations

import pytest

from timeline.extract.pipeline import article_from_row, extract_article

BODY = (
    "“Today’s agreement is a milestone for the region.  It would not have been possible "
    "without our partners.\n\n"
    "“We will monitor its implementation closely and act swiftly if it is broken.”"
)


def speakers(title: str, body: str = BODY) -> list[str | None]:
    row = {"id": "statement", "text": body, "search_text": body, "published": "2024-05-02",
           "title": title}  # fmt: skip
    extraction = extract_article(article_from_row(row), [], [])
    names = {a["id"]: a["name"] for a in extraction.actors}
    return [names.get(q["speaker_id"]) for q in extraction.quotes]


@pytest.mark.parametrize(
    "title, speaker",
    [
        ("Statement by Treasury Secretary Jane Roe on the Regional Trade Agreement", "Jane Roe"),
        (
            "Statement of Deputy Secretary Omar K. Haddad Following the Ministers’ Meeting",
            "Omar K. Haddad",
        ),
        ("Remarks by Secretary of the Treasury Jane Roe at the Economic Club", "Jane Roe"),
        # two authors: whose paragraph is whose is not said
        ("Joint Statement by Secretary Jane Roe and Secretary Omar Haddad on Trade", None),
        # no statement in the headline: nobody
        ("Treasury Welcomes the Regional Trade Agreement", None),
        # a body the article does not name: no actor is made from the headline
        ("Statement by the Treasury Department on the Agreement", None),
    ],
)
def test_unattributed_quotations_are_the_headline_author(title, speaker):
    assert speakers(title) == [speaker, speaker]


def test_a_body_the_headline_names_speaks_when_the_article_names_it():
    body = BODY.replace("our partners.", "our partners, the Treasury Department says.")
    assert speakers("Statement by the Treasury Department on the Agreement", body)[-1] == (
        "Treasury Department"
    )


def test_a_frame_in_the_body_still_names_the_speaker():
    body = "“We welcome the agreement,” said Ambassador Anna Kowal of Poland."
    assert speakers("Statement by Treasury Secretary Jane Roe on Trade", body) == ["Anna Kowal"]


def test_words_in_marks_inside_a_speech_s_sentences_are_not_the_author_s():
    # a speech printed without marks quotes others inside its sentences
    body = (
        "Good morning. Friends described her as “sharp as a tack and twice as quick.” As "
        "outlined in its founding documents, “The council's decisions are not binding on "
        "its members.”"
    )
    assert speakers("Remarks by Treasury Secretary Jane Roe at a Symposium", body) == [
        None,
        None,
    ]
