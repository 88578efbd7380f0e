"""A happening an article tells again (press releases above all: the lead, then "Today's
action ...", "Those sanctioned today ...") is one event with several pieces of evidence;
different happenings of the same day stay apart.

Sentences are real: U.S. Treasury press releases (public domain, outside the held-out set)
and the development set (Wikinews, CC BY 2.5)."""

from __future__ import annotations

from timeline.extract.pipeline import article_from_row, extract_article


def extracted(body: str, published: str):
    article = article_from_row(
        {"id": "restated", "text": body, "search_text": body, "published": published}
    )
    return extract_article(article, [], [])


def evidence_by_event(body: str, published: str) -> list[list[str]]:
    """Each event's evidence, the first words of each sentence, in text order."""
    extraction = extracted(body, published)
    by_event: dict[str, list[str]] = {}
    for row in extraction.event_sources:
        by_event.setdefault(row["event_id"], []).append(" ".join(row["excerpt"].split()[:3]))
    return list(by_event.values())


# Treasury jy1607 (2023-07-12), three paragraphs
SANCTIONS = (
    "WASHINGTON — Today, the Department of the Treasury’s Office of Foreign Assets Control "
    "(OFAC) sanctioned 10 individuals, including several Sinaloa Cartel members and "
    "fugitives, as well as one Mexico-based entity, pursuant to Executive Order (E.O.) 14059. "
    "Those sanctioned today are associated with Sinaloa, Mexico-based precursor chemical "
    "suppliers and brothers Ludim and Luis Alfonso Zamudio Lerma and ultimately operate under "
    "the Los Chapitos faction of the Sinaloa Cartel.\n\n"
    "Today’s action was coordinated closely with the Government of Mexico’s La Unidad de "
    "Inteligencia Financiera (Mexico’s Financial Intelligence Unit) and is the result of "
    "ongoing collaboration with U.S. government partners.\n"
)


def test_the_days_action_told_again_is_one_event_with_three_pieces_of_evidence():
    assert evidence_by_event(SANCTIONS, "2023-07-12") == [
        ["WASHINGTON — Today,", "Those sanctioned today", "Today’s action was"]
    ]


def test_a_restating_evidence_says_why_it_joined():
    extraction = extracted(SANCTIONS, "2023-07-12")
    methods = [row["extraction_method"] for row in extraction.event_sources]
    assert methods == [
        "evidence: the dated sentence or clause",
        "evidence: the dated sentence or clause, restating (the date points back)",
        "evidence: the dated sentence or clause, restating (the date points back)",
    ]
    assert len(extraction.events) == 1


def test_another_body_acting_the_same_day_is_another_event():
    # Treasury jy0610 (2022-02-25): the State Department's designations are its own
    body = (
        "WASHINGTON – Today, the United States, in coordination with allies and partners, "
        "continued to forcefully respond to Russia’s unjustified, unprovoked, and "
        "premeditated invasion of Ukraine by imposing sanctions on President of the Russian "
        "Federation Vladimir Putin and the Minister of Foreign Affairs, Sergei Lavrov.\n\n"
        "In addition, today the U.S. Department of State designated two additional "
        "Government of Russia (GoR) officials: Minister of Defense of the Russian "
        "Federation, Sergei Shoigu.\n\n"
        "Today’s actions were taken pursuant to Executive Order (E.O.) 14024, which "
        "authorizes sanctions against Russia for its harmful foreign activities.\n"
    )
    assert evidence_by_event(body, "2022-02-25") == [
        ["WASHINGTON – Today,", "Today’s actions were"],
        ["In addition, today"],
    ]


def test_a_finite_verb_before_the_day_is_a_happening_of_its_own():
    # devset, Wikinews 2017-07-21 (afghan): two happenings of the same Tuesday
    body = (
        "A group of Afghan girls arrived in Washington on Tuesday to compete in a robotics "
        "competition. The competition ended on Tuesday."
    )
    assert evidence_by_event(body, "2017-07-21") == [["A group of"], ["The competition ended"]]


def test_a_publication_of_the_same_week_is_no_restatement():
    # Treasury jy1527 (2023-06-08): the jobs report is not the rules released
    body = (
        "As an example, last week, we released proposed rules for the law’s bonus credit for "
        "low-income communities. While we saw an uptick in the rate in last week’s jobs "
        "report, there is significant volatility in each month’s report."
    )
    events = evidence_by_event(body, "2023-06-08")
    assert ["As an example,"] in events and ["As an example,", "While we saw"] not in events


def test_a_happening_told_beside_the_days_action_is_its_own_event():
    # Treasury jy1465 (2023-05-04): the White House's fact sheet, released alongside
    body = (
        "WASHINGTON — Today, in honor of National Small Business Week, the Biden-Harris "
        "Administration released a report detailing how the American Rescue Plan’s (ARP) "
        "State Small Business Credit Initiative (SSBCI) is providing support to small "
        "businesses across the country.\n\n"
        "Alongside today’s report, the White House released a fact sheet detailing how the "
        "Biden-Harris Administration’s Investing in America agenda is strengthening this "
        "small business boom.\n"
    )
    assert evidence_by_event(body, "2023-05-04") == [
        ["WASHINGTON — Today,"],
        ["Alongside today’s report,"],
    ]
