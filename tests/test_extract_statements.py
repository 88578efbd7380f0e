"""Statements printed without quotation marks (``statements.py``): the paragraphs after
"X released the following statement:" are X's words, one quotation per paragraph, and
nothing else is. Sentences from U.S. Treasury press releases (public domain) and
Wikinews (CC BY 2.5), shortened; extraction is given no known actors."""

from __future__ import annotations

import asyncio
import html
import sqlite3

import pytest

import timeline
from timeline.articles import Article
from timeline.extract.pipeline import article_from_row, extract_article
from timeline.web.serve import build_datasette


def article(body: str) -> Article:
    return article_from_row(
        {"id": "statement", "text": body, "search_text": body, "published": "2010-03-22"}
    )


def statement_quotes(body: str) -> list[tuple[str, str | None]]:
    """(text, speaker name) of each statement paragraph extracted from ``body``."""
    extraction = extract_article(article(body), [], [])
    names = {a["id"]: a["name"] for a in extraction.actors}
    return [
        (q["text"], names.get(q["speaker_id"]))
        for q in extraction.quotes
        if q["kind"] == "statement"
    ]


GEITHNER = (
    "WASHINGTON – The U.S. Department of the Treasury today released the following "
    "statement from Secretary Tim Geithner on the Senate Banking Committee's passage of the "
    "Restoring American Financial Stability Act of 2010:\n\n"
    "This is a good day for the cause of financial reform. I would like to commend Chairman "
    "Dodd for his leadership over the past year and his Committee, which today voted a strong "
    "reform bill to the floor.\n\n###\n"
)
WOLFOWITZ = (
    "The World Bank's Board of Executive Directors today unanimously confirmed the "
    "nomination of Paul D. Wolfowitz to be President of the World Bank. In response to the "
    "Board's decision, Mr. Wolfowitz made the following statement:\n\n"
    "I want to thank the Board for their vote of confidence.\n\n"
    "The next six months are a key period of decision making on international development "
    "policy.\n\n"
    "I look forward to working with the talented Bank staff.\n\n"
    "Current World Bank President James Wolfensohn also commented:\n\n"
    "I welcome the decision of the Board to appoint Paul Wolfowitz as the next President of "
    "the World Bank Group. He is a friend.\n"
)

# fmt: off
# (article, the statement paragraphs it holds: first words and speaker)
STATEMENTS = [
    # "statement from X": X speaks, not the department that released it
    (GEITHNER, [("This is a good day for the cau", "Tim Geithner")]),
    # "Mr. X made the following statement:" is the person named in full before; a
    # paragraph with no first person inside the statement stays in it; the next
    # introduction ends it and opens another statement
    (WOLFOWITZ, [("I want to thank the Board for ", "Paul D. Wolfowitz"),
                 ("The next six months are a key", "Paul D. Wolfowitz"),
                 ("I look forward to working wit", "Paul D. Wolfowitz"),
                 ("I welcome the decision of the", "James Wolfensohn")]),
    # "X, Jr. today issued": the suffix is part of the name, not the subject
    ("Washington, DC--Treasury Secretary Henry M. Paulson, Jr. today issued the following "
     "statement on the departure of Rodrigo de Rato:\n\nRodrigo de Rato brought vision "
     "and dedication to his tenure.\n", [("Rodrigo de Rato brought", "Henry M. Paulson")]),
    # "The following statement was released by X:"
    ("WASHINGTON, DC -- The following statement was released by Secretary of the Treasury "
     "Janet L. Yellen:\n\nToday we are taking decisive actions to protect the U.S. economy.\n",
     [("Today we are taking decisive a", "Janet L. Yellen")]),
    # "In a statement to X, the Church denied these allegations:" (Wikinews)
    ("Valeska Paris claims the Church of Scientology imprisoned her.\n\n"
     "In a statement to the Australian Broadcasting Corporation, the Church denied these "
     "allegations:\n\nShe certainly wasn't 'forced' to be there.\n",
     [("She certainly wasn't 'forced' ", "Church of Scientology")]),
    # a narrative paragraph after the statement (no first person) is the release's own
    ("The U.S. Department of the Treasury today released the following statement regarding "
     "PNC's announcement:\n\nWe are pleased that PNC Financial Services is moving ahead with "
     "plans to pay the taxpayers back in full.\n\nOnce Treasury receives PNC's repayment, it "
     "will have recovered nearly 70 percent of taxpayer investments.\n",
     [("We are pleased that PNC Financ", "U.S. Department of the Treasury")]),
    # "Here is the statement in full:", "The statement reads:": the document's issuer
    ("The Riverside Football Club issued a statement on Friday after the match was "
     "abandoned. Here is the statement in full:\n\nWe are deeply saddened by the events at "
     "today's match.\n", [("We are deeply saddened", "Riverside Football Club")]),
    ("The Coastal Water Authority said it would review the findings. The statement reads:"
     "\n\nWe have full confidence in the safety of our water supply.\n",
     [("We have full confidence", "Coastal Water Authority")]),
    # somebody the article does not name: the words are kept, with no speaker
    ("Police said in a statement:\n\nOfficers were called to the scene at 10pm. A "
     "24-year-old man has been arrested.\n", [("Officers were called", None)]),
]

# Colons that introduce no unmarked statement: nothing becomes a statement quotation.
NOT_STATEMENTS = [
    # the statement is in quotation marks: the ordinary rules read it
    "Secretary of the Treasury Janet L. Yellen released the following statement:\n\n"
    "“The recent failure of a major cryptocurrency exchange demonstrates the need for more "
    "effective oversight of cryptocurrency markets.”\n",
    # a list after a colon
    "The path forward agreed to by the Secretaries will:\n\n- Distribute 60 percent of the "
    "$8 billion to Tribes based on population data.\n",
    # a colon with no speech verb and no statement: a heading's lead-in, not words of anyone
    "The new rules cover three areas:\n\nBanks must hold more capital against their trading "
    "books.\n",
    # a verb that is a noun here ("releases") and nobody named: no statement
    "Previous releases:\n\nReport on Foreign Portfolio Holdings of U.S. Securities at "
    "End-June 2009.\n",
    # a heading right after the introduction
    "The minister said in a statement:\n\nBackground\n\nThe ministry was founded in 1990.\n",
]
# fmt: on


@pytest.mark.parametrize("body, expected", STATEMENTS)
def test_paragraphs_an_introduction_announces_are_its_speakers_words(body, expected):
    found = statement_quotes(body)
    assert [
        (text[: len(opening)], name)
        for (text, name), (opening, _) in zip(found, expected, strict=False)
    ] == expected and len(found) == len(expected)


@pytest.mark.parametrize("body", NOT_STATEMENTS)
def test_a_colon_that_introduces_no_unmarked_statement_makes_no_quotation(body):
    assert statement_quotes(body) == []


def test_the_speaker_named_in_the_third_person_ends_the_statement():
    body = (
        "Secretary Tim Geithner released the following statement:\n\n"
        "We welcome the vote in the Senate.\n\n"
        "Geithner has served as Secretary since 2009. We spoke to him on Monday.\n"
    )
    assert statement_quotes(body) == [("We welcome the vote in the Senate.", "Tim Geithner")]


def test_a_statement_loads_as_verbatim_quotes_that_say_how_they_were_found(tmp_path):
    seeds = tmp_path / "seeds"
    (seeds / "articles").mkdir(parents=True)
    (seeds / "articles" / "treasury-geithner.txt").write_text(
        "---\nid: treasury-geithner\ntitle: Statement of Treasury Secretary Geithner\n"
        "publisher: U.S. Department of the Treasury\npublished: 2010-03-22\nlanguage: en\n"
        f"---\n{GEITHNER}",
        encoding="utf-8",
    )
    db = tmp_path / "timeline.db"
    timeline.load(seeds, f"sqlite:///{db}")
    with sqlite3.connect(db) as connection:
        (source_text,) = connection.execute(
            "SELECT text FROM sources WHERE id = 'treasury-geithner'"
        ).fetchone()
        rows = connection.execute(
            "SELECT q.text, q.start_offset, q.end_offset, q.kind, q.extraction_method, "
            "q.extraction_basis, a.name FROM quotes q JOIN actors a ON a.id = q.speaker_id "
            "WHERE q.source_id = 'treasury-geithner'"
        ).fetchall()
    assert len(rows) == 1
    text, start, end, kind, method, basis, speaker = rows[0]
    assert source_text[start:end] == text and text.startswith("This is a good day")
    assert (kind, speaker) == ("statement", "Tim Geithner")
    assert method == "statement block; speaker: statement block"
    assert "following statement from Secretary Tim Geithner" in basis

    # Printed without marks in the article, so without marks on the pages too.
    with sqlite3.connect(db) as connection:
        (speaker_id,) = connection.execute(
            "SELECT speaker_id FROM quotes WHERE source_id = 'treasury-geithner'"
        ).fetchone()
    datasette = build_datasette(str(db))
    response = asyncio.run(datasette.client.get(f"/timeline/-/actors/{speaker_id}"))
    assert response.status_code == 200
    page = html.unescape(response.text)
    assert '<blockquote class="tl-quote tl-kind-statement"><p>This is a good day' in page
    assert "“This is a good day" not in page


# A line announcing a statement before a quotation in marks: the quotation is a
# quotation (marks delimit it), and its speaker is the one the line names, not the last
# body it mentions (U.S. Treasury releases).
ANNOUNCED_QUOTATIONS = [
    (
        "WASHINGTON – Secretary Steven T. Mnuchin issued the following statement today on Mark "
        "Calabria’s confirmation as Director of the Federal Housing Finance Agency (FHFA):\n\n"
        "“I congratulate Mark Calabria on his confirmation.”\n",
        "I congratulate",
        "Steven T. Mnuchin",
    ),
    (
        "The U.S. Department of the Treasury today released the following statement from "
        "Secretary Tim Geithner on the U.S. nomination of Dr. Jim Yong Kim to lead the World "
        "Bank:\n\n“Jim Yong Kim is exceptionally well qualified.”\n",
        "Jim Yong Kim is",
        "Tim Geithner",
    ),
    (
        "Under Secretary for Terrorism and Financial Intelligence David S. Cohen issued the "
        "following statement today:   “The sanctions are working.”\n",
        "The sanctions",
        "David S. Cohen",
    ),
]


@pytest.mark.parametrize("body, opening, speaker", ANNOUNCED_QUOTATIONS)
def test_a_quotation_after_an_announced_statement_is_the_announced_speakers(body, opening, speaker):
    extraction = extract_article(article(body), [], [])
    names = {a["id"]: a["name"] for a in extraction.actors}
    found = [q for q in extraction.quotes if q["text"].startswith(opening)]
    assert [(q["kind"], names.get(q["speaker_id"])) for q in found] == [("quotation", speaker)]


# A press conference's words after a lead-in that says to whom, where or when.
PRESS_CONFERENCE_LEAD_INS = [
    "Police Chief Mike Reynolds told reporters at a press conference on Monday:",
    "Police Chief Mike Reynolds said at a news conference in Fayetteville:",
    "Police Chief Mike Reynolds told the crowd outside the station:",
    "Police Chief Mike Reynolds said on Monday:",
]


@pytest.mark.parametrize("lead_in", PRESS_CONFERENCE_LEAD_INS)
def test_paragraphs_after_a_said_lead_in_with_place_or_audience_are_the_speakers(lead_in):
    body = (
        f"{lead_in}\n\nWe have arrested two men in connection with the fire. We believe "
        "they acted alone.\n\nWe will release more details tomorrow.\n\n"
        "The fire destroyed three homes on Elm Street.\n"
    )
    assert statement_quotes(body) == [
        ("We have arrested two men in connection with the fire. We believe they acted "
         "alone.", "Mike Reynolds"),
        ("We will release more details tomorrow.", "Mike Reynolds"),
    ]  # fmt: skip


def test_a_said_lead_in_that_goes_on_with_a_clause_is_no_statement():
    """ "X said the report found two causes:" introduces the report's list, not X's own
    paragraphs, and a lead-in's tail of more than place and time words is no lead-in."""
    body = (
        "Police Chief Mike Reynolds said the report found two causes:\n\n"
        "Wiring in the basement was old. The alarms had been switched off.\n"
    )
    assert statement_quotes(body) == []
