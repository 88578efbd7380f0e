"""Event precision on articles nobody annotated (issue 12): which dated sentences of real
articles report a happening, and which report a view, a state or a habit instead.

The sentences are real: from the development set (Wikinews, CC BY 2.5; U.S. Treasury,
public domain), the seeds, and speeches and essays of the GUM corpus (Wikinews, U.S.
government speeches), each marked with where it comes from. A few are framed as a
quotation ("…," she said.) to test the quotation rule on the speaker's real words."""

from __future__ import annotations

import pytest

from timeline.extract.pipeline import article_from_row, extract_article


def extracted(body: str, published: str) -> list[dict]:
    article = article_from_row(
        {"id": "precision", "text": body, "search_text": body, "published": published}
    )
    return extract_article(article, [], []).events


def dated(body: str, published: str) -> list[tuple[str, str]]:
    """(date, date expression) of every event extracted from the text."""
    return [(e["date"], e["date_expression"]) for e in extracted(body, published)]


# -- quotations: the speaker's words date a happening only when they report one --------


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        # seeds, Astana Times 2026-02: an ambassador's account of what was done
        (
            "“Our embassy made it possible to bring a group of children for rehabilitation. "
            "Last year, 44 people from the Cherkasy region stayed at a camp near Astana.”",
            "2026-02-25",
            [("2025", "Last year")],
        ),
        # Wikinews 2015-08-21 (korea): the state news agency's report of a shelling
        (
            '"War maniacs of the South Korean puppet military made another grave provocation '
            'to the DPRK in the central western sector of the front on Thursday afternoon."',
            "2015-08-21",
            [("2015-08-20", "on Thursday")],
        ),
        # a plan told in the speaker's words stays planned
        (
            '"We will hold general parliamentary elections by the middle of next year," '
            "the minister said.",
            "2004-09-24",
            [("2005", "next year")],
        ),
    ],
)
def test_a_quoted_account_of_a_happening_is_an_event(body, published, expected):
    assert dated(body, published) == expected


@pytest.mark.parametrize(
    ("body", "published"),
    [
        # GUM speech (U.S. Vice President, 2022-07-11), framed as a quotation
        (
            '"I know that today represents an exciting new chapter in the exploration of our '
            'universe," she said.',
            "2022-07-11",
        ),
        # GUM speech (U.S. Senator, 2021-01-20), framed as a quotation
        (
            '"Today, I feel the full weight of that responsibility, a sense of reverence and '
            'of awe at the trust placed in me," he said.',
            "2021-01-20",
        ),
        # a guess: only a modal carries the future
        ('"Prices could double next year," the analyst said.', "2024-03-11"),
    ],
)
def test_a_quoted_view_state_or_guess_is_no_event(body, published):
    assert dated(body, published) == []


def test_the_narration_dates_a_statement_that_quotes_a_view():
    # the saying is dated by the narration; the quoted view is not an event of its own
    body = 'On Tuesday, the senator said: "I know that today represents an exciting new chapter."'
    assert dated(body, "2022-07-14") == [("2022-07-12", "On Tuesday")]


# -- states: a stative verb and nothing done ----------------------------------------------


@pytest.mark.parametrize(
    ("body", "published"),
    [
        # GUM speeches (U.S. government), as spoken
        (
            "So, yes, as Chair of the National Space Council, I know that today represents an "
            "exciting new chapter in the exploration of our universe.",
            "2022-07-11",
        ),
        (
            "Today, I feel the full weight of that responsibility, a sense of reverence and of "
            "awe at the trust placed in me.",
            "2021-01-20",
        ),
    ],
)
def test_a_stative_verb_dated_today_is_no_event(body, published):
    assert dated(body, published) == []


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        # Wikinews (crane): a happening beside a state word stays an event
        (
            "A storm yesterday caused a crane to fall into Mecca's Grand Mosque, killing 107 "
            "or more and wounding 238.",
            "2015-09-12",
            [("2015-09-11", "yesterday")],
        ),
        # seeds (Astana Times): "stayed at a camp" is a stay, not a state
        (
            "Last year, 44 people from the Cherkasy region stayed at a camp near Astana.",
            "2026-02-25",
            [("2025", "Last year")],
        ),
    ],
)
def test_a_happening_stays_an_event(body, published, expected):
    assert dated(body, published) == expected


# -- date expressions that date no happening ----------------------------------------------


@pytest.mark.parametrize(
    ("body", "published"),
    [
        # Wikinews 2008-01-20 (hackers): a snapshot of how the site stood
        (
            "Hitwise UK reported the findings and wrote that as of Friday the Scientology.org "
            "site was either not loading at all, or loading very slowly.",
            "2008-01-20",
        ),
        # GUM letter (1972): "as of today" with what has been done up to now
        (
            "As of today, the House has passed one of my bills, and prospects for at least "
            "some helpful new legislation are good.",
            "1972-07-10",
        ),
        # GUM interview (The Onion, 2007) and essay: any Monday, any Sunday
        (
            "We read about six hundred to eight hundred headline ideas on a Monday coming "
            "from our staff and a small group of writers outside.",
            "2007-11-25",
        ),
        ("A friend told me he once opened early on a Sunday to fix her tire.", "2019-09-16"),
        # GUM letter (1951): a weekday in a name
        (
            "The Saturday Evening Post photographer has been here and took a lot of pictures.",
            "1951-07-09",
        ),
        # GUM speech (U.S. House, 2021): a year in the name of a law
        (
            "Speaker Nancy Pelosi delivered remarks on the Floor of the House of "
            "Representatives in support of H. R. 1280, the George Floyd Justice in Policing "
            "Act of 2021.",
            "2021-03-03",
        ),
        # GUM essay and letter: "today's" for the present age
        (
            "He proposed a practical way to implement that right: pay every man and woman a "
            "lump sum (roughly $17,000 in today's money) at age twenty-one.",
            "2023-06-27",
        ),
        (
            "Finally, the future rent of land can more justly be claimed by future "
            "generations than by today's citizens.",
            "1990-11-07",
        ),
    ],
)
def test_snapshots_habits_names_and_nowadays_date_nothing(body, published):
    assert dated(body, published) == []


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        # Wikinews 2011-04-13 (nasa): "today's announcement" is the day's
        (
            "Cornyn said today's announcement was made behind closed doors.",
            "2011-04-13",
            [("2011-04-13", "today")],
        ),
        # a weekday of its own, not any such day
        (
            "On Friday, fishermen rescued over 700 asylum seekers whose boat sank.",
            "2015-05-18",
            [("2015-05-15", "On Friday")],
        ),
        # a year after "of" that is no name
        (
            "The festival was first held in the autumn of 2010.",
            "2015-05-18",
            [("2010-23", "in the autumn of 2010")],
        ),
    ],
)
def test_a_date_beside_those_words_still_dates(body, published, expected):
    assert dated(body, published) == expected


# -- "the following year" counts from the date before, "next year" from publication -------


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        # Wikinews 2012-05-19 (bribery): the clause after "; " counts from 1999
        (
            "He fled China after becoming a wanted man in 1999 and went to Canada via Hong "
            'Kong; the following year, Premier Zhu Rongji said "If Lai was executed three '
            'times over, it would not be too much".',
            "2012-05-19",
            [("1999", "in 1999"), ("2000", "the following year")],
        ),
        # GUM essay: the sentence after counts from the year named before
        (
            "In 1982, GM finally closed the plant. But the very next year, when Toyota was "
            "planning to start its first plant in the US, it decided to partner with GM to "
            "reopen it.",
            "2013-06-01",
            [("1982", "In 1982"), ("1983", "the very next year")],
        ),
        # no date before: "the next year" is the year after publication's, as "next year"
        (
            "The company will open a second plant the next year.",
            "2013-06-01",
            [("2014", "next year")],
        ),
    ],
)
def test_the_following_year_counts_from_the_date_before(body, published, expected):
    assert dated(body, published) == expected


# -- numbers counted over a year -----------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "published"),
    [
        # GUM speech (UN Secretary-General, 2019): a total over the year
        (
            "This year alone, in brutal attacks and other circumstances, we have lost at least "
            "80 peacekeepers, humanitarian workers and others.",
            "2019-09-24",
        ),
        # the case, worded as wire copy words it
        ("Police said more than 100 people were arrested in 2023.", "2024-03-15"),
        ("The clinic has hired 85 nurses since January.", "2024-03-15"),
    ],
)
def test_a_count_over_a_year_is_no_event(body, published):
    assert dated(body, published) == []


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        # Wikinews 2015-08-02 (taxes): a request of one year, no count
        (
            "The request was advanced by the Municipality of Livorno in 2010.",
            "2015-08-02",
            [("2010", "in 2010")],
        ),
        # a count on one day is that day's happening
        (
            "A storm yesterday caused a crane to fall into Mecca's Grand Mosque, killing 107 "
            "or more.",
            "2015-09-12",
            [("2015-09-11", "yesterday")],
        ),
    ],
)
def test_a_happening_with_a_number_stays_an_event(body, published, expected):
    assert dated(body, published) == expected


# -- suppositions --------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "published"),
    [
        # GUM letter (1967): a date inside an "unless" clause
        (
            "Unless they take them out this summer, you will notice 2 hooks in the ceiling of "
            "the outer porch.",
            "1967-03-01",
        ),
        ("If the talks collapse next week, the ceasefire would end.", "2024-03-15"),
    ],
)
def test_suppositions_are_no_events(body, published):
    assert dated(body, published) == []


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        # Wikinews 2023-02-23 (questionnaire): a forecast someone makes
        (
            "Ministers are expected to introduce the new laws next month.",
            "2023-02-23",
            [("2023-03", "next month", "forecast")],
        ),
        # Treasury 2024-03-11: a plan
        (
            "The first day of the conference will be held at the U.S. Department of the "
            "Treasury on June 6, 2024.",
            "2024-03-11",
            [("2024-06-06", "on June 6, 2024", "planned")],
        ),
    ],
)
def test_forecasts_and_plans_stay_events(body, published, expected):
    events = extracted(body, published)
    assert [(e["date"], e["date_expression"], e["status"]) for e in events] == expected


# -- the speaker's present: "today" as nowadays -------------------------------------------


def test_a_speakers_present_today_is_nowadays():
    # seeds (TCA interview, 2026-02-10): a policy the speaker holds, nothing done today
    body = (
        "Today, we prioritize alternatives like the Trans-Caspian International Transport "
        "Route, the “Middle Corridor”, as a strategic interest."
    )
    assert dated(body, "2026-02-10") == []


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        # Treasury 2024-03-15: what was done today
        (
            "Today, the U.S. Department of the Treasury announced that it has signed a cyber "
            "security cooperation memorandum of understanding with Finland.",
            "2024-03-15",
            [("2024-03-15", "Today")],
        ),
        # the speaker's own deed today
        ("Today, we signed the agreement with Finland.", "2024-03-15", [("2024-03-15", "Today")]),
    ],
)
def test_what_is_done_today_is_an_event(body, published, expected):
    assert dated(body, published) == expected


# -- figures of having, comparisons, opinions with who holds them ---------------------------


@pytest.mark.parametrize(
    ("body", "published"),
    [
        # the classes, as wire copy words them
        ("In 2019, the country had 5 million inhabitants.", "2024-03-15"),
        ("Unlike in 2019, the vote went smoothly.", "2024-03-15"),
        ("Last year's decision was a mistake, critics said.", "2024-03-15"),
        ("Critics argue that the 2019 reform was a failure.", "2024-03-15"),
    ],
)
def test_figures_comparisons_and_opinions_are_no_events(body, published):
    assert dated(body, published) == []


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        # the saying is dated: a statement
        (
            "Critics said on Monday that the decision was a mistake.",
            "2024-03-15",
            [("2024-03-11", "on Monday")],
        ),
        # the opinion is about a happening the sentence dates: the happening
        (
            "The plan, approved last week, was a mistake, critics said.",
            "2024-03-15",
            [("2024-03-04/2024-03-10", "last week")],
        ),
        # Wikinews 2016-09-09 (election): a happening with its figures
        (
            "The Hong Kong legislative election was held on Sunday, with a record-breaking "
            "turnout of around 2 million voters and turnout rate of 58%.",
            "2016-09-09",
            [("2016-09-04", "on Sunday")],
        ),
    ],
)
def test_a_dated_saying_or_happening_beside_an_opinion_stays(body, published, expected):
    assert dated(body, published) == expected


# -- habits, and years counted from the date before -------------------------------------------


@pytest.mark.parametrize(
    ("body", "published"),
    [
        # the "generic or habitual statements", as a travel guide words them
        ("The festival is held in March each year.", "2024-03-15"),
        ("The festival, usually held in March, attracts thousands of visitors.", "2024-03-15"),
    ],
)
def test_a_recurring_month_is_no_event(body, published):
    assert dated(body, published) == []


def test_years_later_counts_from_the_year_before():
    # worded after GUM's Bernoulli biography ("... published in 1724 ... Two years later
    # he pointed out ..."), whose years before 1900 the date rules do not read
    body = (
        "His earliest work was published in 1924 with the help of a colleague. Two years "
        "later he pointed out for the first time the frequent desirability of resolving a "
        "compound motion into motions of translation and motion of rotation."
    )
    assert dated(body, "2015-09-21") == [("1924", "in 1924"), ("1926", "Two years later")]


def test_a_number_glued_to_another_is_not_counted():
    # GUM essay (2021): "Twenty-three years later" is not "three years later"
    body = (
        "When the anime movie Ghost in the Shell was released in 1995, the world wide web "
        "was still little more than a novelty. Twenty-three years later, it’s even more "
        "relevant as we come to grips with advances in human augmentation."
    )
    assert dated(body, "2021-05-01") == [("1995", "in 1995")]


# -- press releases: what the day's action is, pointers, rules and records -------------------
# U.S. Treasury press releases (public domain), 2022-2023, outside the held-out set.


@pytest.mark.parametrize(
    ("body", "published"),
    [
        # the day's action described, not done again (jy0701, jy1262)
        (
            "Today’s action against Hydra and Garantex builds upon recent sanctions against "
            "virtual currency exchanges SUEX and CHATEX.",
            "2022-04-05",
        ),
        (
            "Today’s actions reflect that our Five Eye allies have all stood up and "
            "implemented their own robust foreign investment screening programs.",
            "2023-02-10",
        ),
        # a pointer, a rule that names the designated (jy1962)
        (
            "Click here for more information on the individuals and entities designated today.",
            "2023-12-07",
        ),
        (
            "In addition, persons that engage in certain transactions with the individuals "
            "designated today may themselves be exposed to sanctions.",
            "2023-12-07",
        ),
        # a record measured since a year (jy0975)
        (
            "These activities occur against the backdrop of BiH’s most serious political "
            "crisis since 1995, as ethno-nationalist politicians and affiliated patronage "
            "networks continue to undermine the country.",
            "2022-09-26",
        ),
        # figures (jy0701)
        (
            "Before today’s action, Hydra’s revenue had risen dramatically from under $10 "
            "million in 2016, to over $1.3 billion in 2020.",
            "2022-04-05",
        ),
        (
            "According to blockchain researchers, approximately 86 percent of the illicit "
            "Bitcoin received directly by Russian virtual currency exchanges in 2019 came from "
            "Hydra.",
            "2022-04-05",
        ),
        # what the day is, a counterfactual, a state to come (jy0848, jy1371)
        (
            "For all of you here, today is the culmination of a long road – a road that for "
            "many of you began decades ago.",
            "2022-07-04",
        ),
        (
            "If they had not made the brave decision to come to a new country, I would not be "
            "standing here today.",
            "2022-07-04",
        ),
        (
            "By this time next year, it will be more difficult for corrupt and criminal actors "
            "to hide their identities and wealth behind anonymous shell companies in the "
            "United States.",
            "2023-03-28",
        ),
        # a yearly habit since a year (jy1650)
        (
            "Zindler was instrumental in the creation of Climatescope, a public resource that "
            "has detailed clean energy investment conditions annually in emerging market "
            "economies since 2012.",
            "2023-07-27",
        ),
    ],
)
def test_press_release_descriptions_pointers_and_records_are_no_events(body, published):
    assert dated(body, published) == []


@pytest.mark.parametrize(
    ("body", "published", "expected"),
    [
        (
            "WASHINGTON – Today, the U.S. Department of the Treasury’s Office of Foreign Assets "
            "Control (OFAC) sanctioned the world’s largest and most prominent darknet market, "
            "Hydra Market (Hydra).",
            "2022-04-05",
            [("2022-04-05", "Today")],
        ),
        (
            "Hydra was launched in 2015 and is the most prominent Russian darknet market.",
            "2022-04-05",
            [("2015", "in 2015")],
        ),
        (
            "Last month, I saw firsthand in Kyiv the tragic impact of Russia’s barbaric attacks.",
            "2023-03-28",
            [("2023-02", "Last month")],
        ),
        # GUM letter (1946): the day is a birthday, and a party happened on it
        (
            "Friday was Jack Reinstein's birthday, and a large number of the delegation "
            "celebrated it with a cocktail party.",
            "1946-09-15",
            [("1946-09-13", "Friday")],
        ),
        # GUM speech (2022): "that we launched last year" is a deed, not a participle
        (
            "And it shows what we can achieve, like NASA’s Earth System Observatory that we "
            "launched last year.",
            "2022-07-11",
            [("2021", "last year")],
        ),
    ],
)
def test_press_release_happenings_stay_events(body, published, expected):
    assert dated(body, published) == expected


def test_a_year_before_a_date_is_no_count():
    # Treasury jy2533 (2024): "2020, but began operating" does not count 2020 things
    body = (
        "Aviakompaniya Belkanto LLC (Belkanto) is another Belarus-based private cargo airline "
        "company that was formed on paper in 2020, but began operating in 2022 under the "
        "leadership of former executives of Belarusian state-owned cargo airline company "
        "Transaviaexport."
    )
    assert dated(body, "2024-08-09") == [("2020", "in 2020"), ("2022", "in 2022")]


def test_a_plan_in_the_passive_stays_planned():
    # Treasury jy1291 (2023)
    events = extracted(
        "More work will be done this year at the G20 on these food security challenges.",
        "2023-02-23",
    )
    assert [(e["date"], e["status"]) for e in events] == [("2023", "planned")]


def test_a_described_action_leaves_the_other_date_of_its_sentence():
    # Treasury jy0994 (2022): the day's action is described, the earlier designation dated
    body = (
        "Today’s action follows OFAC’s September 22 designation of Iran’s Morality Police, "
        "its senior leadership, and other senior leaders of Iran’s security organizations."
    )
    assert dated(body, "2022-10-06") == [("2022-09-22", "September 22")]


# -- press releases: a rule's scope and the day's action's effects ---------------------------


def test_a_rules_scope_dates_no_happening_but_leaves_the_designation():
    # Treasury jy0851 (2022): designated on January 23, 2020 for deeds on or after 2018
    body = (
        "Triliance was designated pursuant to E.O. 13846 on January 23, 2020, for, on or after "
        "November 5, 2018, having materially assisted, sponsored, or provided financial, "
        "material, or technological support for, or goods or services in support of the "
        "National Iranian Oil Company (NIOC)."
    )
    assert dated(body, "2022-07-06") == [("2020-01-23", "on January 23, 2020")]


def test_a_deed_on_or_after_a_day_is_the_rules_scope():
    # Treasury jy0822 (2022): the order's criterion, not when Lopez served
    body = (
        "Lopez is being designated for being an official of the Government of Nicaragua or "
        "for having served as an official of the Government of Nicaragua at any time on or "
        "after January 10, 2007."
    )
    assert dated(body, "2022-06-17") == []


def test_goods_produced_on_or_after_a_day_are_no_event():
    # devset, Treasury jy2249 (2024): the metals the prohibition covers
    body = (
        "To implement this policy, Treasury has issued a new determination under E.O. 14068 "
        "prohibiting the importation into the United States of aluminum, copper, and nickel "
        "of Russian Federation origin produced on or after April 13, 2024 (the “metals”)."
    )
    assert dated(body, "2024-04-12") == []


def test_an_executive_order_number_does_not_end_the_sentence():
    # Treasury jy0851 (2022): "E.O. 13846" is inside the sentence the evidence quotes
    body = "Triliance was designated pursuant to E.O. 13846 on January 23, 2020."
    article = article_from_row(
        {"id": "precision", "text": body, "search_text": body, "published": "2022-07-06"}
    )
    sources = extract_article(article, [], []).event_sources
    assert [s["excerpt"] for s in sources] == [body]


@pytest.mark.parametrize(
    ("body", "published"),
    [
        # devset, Treasury jy2249 (2024)
        (
            "As a result of today’s collective actions, metal exchanges, like the London Metal "
            "Exchange (LME) and Chicago Mercantile Exchange (CME), will be prohibited from "
            "accepting new aluminum, copper, and nickel produced by Russia.",
            "2024-04-12",
        ),
        # Treasury jy1422 (2023)
        (
            "As a result of today’s action, unless otherwise authorized, all property and "
            "interests in property of these persons that are in or come within the United "
            "States or in the possession or control of U.S. persons must be blocked and "
            "reported to OFAC.",
            "2023-04-18",
        ),
    ],
)
def test_the_effect_of_the_days_action_is_no_second_event(body, published):
    assert dated(body, published) == []


# -- totals since a date, and deadlines a rule sets -------------------------------------------


@pytest.mark.parametrize(
    ("body", "published"),
    [
        # Treasury jy1943 (2023)
        (
            "Since 2022, the United States has contributed over $1.5 billion in concessional "
            "loans to the CTF.",
            "2023-12-04",
        ),
        # Treasury jy1422 (2023)
        (
            "Since 2012, Nazem Said Ahmad has acquired over $54 million in works of art from "
            "major auction houses, galleries, and exhibitions.",
            "2023-04-18",
        ),
    ],
)
def test_a_total_since_a_date_is_no_event(body, published):
    assert dated(body, published) == []


def test_what_was_done_since_a_date_without_a_total_stays():
    # Treasury jy1422 (2023): brokering deals from 2018 up to the release
    body = (
        "Since 2018, Nazem Said Ahmad’s daughter, Hind Ahmad, has brokered deals on behalf of "
        "her father."
    )
    assert dated(body, "2023-04-18") == [("2018/2023-04-18", "Since 2018")]


@pytest.mark.parametrize(
    ("body", "published"),
    [
        # Treasury jy0551 (2022)
        (
            "The deadline for submitting a request for the second round of reallocated funds "
            "is January 21, 2022.",
            "2022-01-07",
        ),
        ("Applications must be submitted by June 30, 2024.", "2024-03-15"),
        ("Comments on the proposed rule are due by May 1.", "2024-03-15"),
        ("Taxpayers have until April 15 to file their returns.", "2024-03-15"),
    ],
)
def test_a_deadline_a_rule_sets_is_no_event(body, published):
    assert dated(body, published) == []


def test_beside_a_deadline_the_plan_stays():
    # Treasury jy1510 (2023): the submissions open, a plan; the deadline is a condition
    body = (
        "Concept paper submissions will be accepted starting June 30, 2023, and the deadline "
        "for concept papers will be July 31, 2023."
    )
    events = extracted(body, "2023-05-31")
    assert [(e["date"], e["status"]) for e in events] == [("2023-06-30", "planned")]


# -- future words: the deadline ahead, the saying's own date ----------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # a deadline after "would" / "must" is ahead of publication, and set
        ("The company said it would file by June 30.", [("2024-06-30", "planned")]),
        ("Ukraine must hold elections by May, the president said.", [("2024-05", "planned")]),
        # the day of the saying is before publication, whatever the words say of the future
        ("He said on Monday that the company will file in June.", [("2024-03-11", "happened")]),
        (
            "On Monday, the minister said Ukraine must hold elections by May.",
            [("2024-03-11", "happened")],
        ),
        # a plan's own day stays ahead
        ("On Friday, the president will travel to Paris.", [("2024-03-22", "planned")]),
    ],
)
def test_future_words_date_what_lies_ahead_not_the_saying(body, expected):
    events = extracted(body, "2024-03-15")
    assert [(e["date"], e["status"]) for e in events] == expected


def test_a_total_since_a_founding_leaves_the_founding():
    # Treasury jy2707 (2024), the closing "About" paragraph: the inception is a happening,
    # the billions provided since are a total up to now
    body = (
        "Since its inception in 1994, the CDFI Fund has provided more than $8 billion through "
        "a variety of monetary award programs, $81 billion in tax credits through the New "
        "Markets Tax Credit Program and has guaranteed nearly $3 billion in bonds through the "
        "CDFI Bond Guarantee Program."
    )
    assert dated(body, "2024-11-01") == [("1994", "in 1994")]


def test_a_time_with_its_zone_does_not_end_the_sentence():
    # after Treasury jy0581 (2022), shortened: "a.m. ET on Tuesday ..." is one sentence
    body = "The auction will close at 11:00 a.m. ET on Tuesday, February 8, 2022."
    article = article_from_row(
        {"id": "precision", "text": body, "search_text": body, "published": "2022-02-02"}
    )
    sources = extract_article(article, [], []).event_sources
    assert [s["excerpt"] for s in sources] == [body]


def test_a_time_at_a_sentences_end_still_ends_it():
    body = "The vote ended at 9 p.m. Officials counted the ballots on Sunday."
    article = article_from_row(
        {"id": "precision", "text": body, "search_text": body, "published": "2022-02-02"}
    )
    sources = extract_article(article, [], []).event_sources
    assert [s["excerpt"] for s in sources] == ["Officials counted the ballots on Sunday."]


def test_what_an_office_anticipates_lies_ahead():
    # Treasury jy0581 (2022-02-02): April is the coming one, planned
    body = (
        "Treasury anticipates decreasing the size of the next new-issue 2-year FRN auction "
        "in April by $2 billion to $24 billion."
    )
    events = extracted(body, "2022-02-02")
    assert [(e["date"], e["status"]) for e in events] == [("2022-04", "planned")]


@pytest.mark.parametrize(
    ("body", "published"),
    [
        # Treasury jy1661 (2023-07-31), a reference under the release
        ("Bureau of Labor Statistics, Consumer Price Index - June 2023.", "2023-07-31"),
        # Treasury jy1179 (2022-12-29), a list of earlier releases: titles, not sentences
        (
            "October 26, 2022: READOUT: Stakeholder Roundtable on Clean Power Generation and "
            "the Inflation Reduction Act",
            "2022-12-29",
        ),
    ],
)
def test_a_line_of_names_and_a_date_is_no_event(body, published):
    assert dated(body, published) == []


def test_an_order_dated_in_its_name_leaves_the_day_of_the_action():
    # devset, Treasury jy2542 (2024): the lead is today's, not the order's December 15
    body = (
        "WASHINGTON — Today, the U.S. Department of the Treasury’s Office of Foreign Assets "
        "Control (OFAC) sanctioned the former President of Haiti, Michel Joseph Martelly "
        "(Martelly), pursuant to Executive Order (E.O.) 14059 of December 15, 2021, “Imposing "
        "Sanctions on Foreign Persons Involved in the Global Illicit Drug Trade.”"
    )
    assert dated(body, "2024-08-20") == [("2024-08-20", "Today")]


def test_a_who_clause_with_its_own_date_is_its_own_happening():
    # after Treasury sanctions releases: the designation is today's, the indictment earlier
    body = (
        "Today, OFAC designated Ali Khan, who was indicted by a federal grand jury on "
        "March 3, 2022."
    )
    assert dated(body, "2024-08-20") == [
        ("2024-08-20", "Today"),
        ("2022-03-03", "on March 3, 2022"),
    ]


def test_a_nouns_date_leaves_the_sentence_its_own():
    body = "On Tuesday, the ministry summoned the ambassador over the strike of July 8, 2024."
    assert dated(body, "2024-08-20") == [("2024-08-20", "On Tuesday")]
