"""A sentence opening with a back-reference ("There, ...", "At the meeting, ...") right
after a dated happening is dated as that happening; what was said there is no event."""

from __future__ import annotations

from timeline.extract.pipeline import article_from_row, extract_article


def extracted(body: str, published: str):
    article = article_from_row(
        {"id": "back", "text": body, "search_text": body, "published": published}
    )
    return extract_article(article, [], [])


def test_there_after_a_dated_meeting_takes_its_date_and_place():
    extraction = extracted(
        "The summit was held in Geneva in March. There, the two leaders signed a trade agreement.",
        "2024-03-15",
    )
    signing = extraction.events[-1]
    assert [e["date"] for e in extraction.events] == ["2024-03", "2024-03"]
    assert signing["type"] == "agreement"
    assert signing["date_expression"] == "There"
    assert "refers to the happening of the sentence before" in signing["date_reasoning"]
    assert "“in March”" in signing["date_reasoning"]
    places = {p["id"]: p["name"] for p in extraction.places}
    assert places[signing["place_id"]] == "Geneva"
    assert "(inferred: “There” after Geneva was named)" in signing["extraction_basis"]


def test_at_the_meeting_takes_the_day_of_the_meeting():
    extraction = extracted(
        "The ministers met in Oslo on Tuesday. At the meeting, Sweden and Norway agreed to "
        "share fishing data.",
        "2024-03-15",
    )
    assert [(e["date"], e["date_expression"]) for e in extraction.events] == [
        ("2024-03-12", "on Tuesday"),
        ("2024-03-12", "At the meeting"),
    ]


def test_a_back_reference_needs_the_dated_happening_right_before():
    # "There is" is no place; a sentence between breaks the reference
    for body in (
        "The ministers met on Tuesday. There is no agreement yet.",
        "Officials met in March. Prices rose sharply. There, the leaders signed a deal.",
        "There, the leaders signed a deal.",
    ):
        dates = [e["date_expression"] for e in extracted(body, "2024-03-15").events]
        assert "There" not in dates, body


def test_what_was_said_at_the_happening_is_no_event_of_its_own():
    # seeds, Astana Times 2026-02 (the briefing's date given in the sentence before)
    body = (
        "Kazakhstan’s position has remained consistent, said Victor Mayko, Ukraine’s "
        "ambassador to Kazakhstan, during a press briefing on Feb. 25 at his residence. At "
        "the event, Mayko outlined Kyiv’s stance on the Ukraine–Russia conflict and "
        "highlighted Kazakhstan’s humanitarian and diplomatic cooperation with Ukraine."
    )
    sources = extracted(body, "2026-02-25").event_sources
    assert [s["excerpt"][:6] for s in sources] == ["Kazakh"]
