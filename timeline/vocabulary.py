"""The small controlled vocabularies: event types, actor types, event statuses, quote kinds.

Written to the ``event_types`` and ``actor_types`` tables on every load, so the
database documents itself.
"""

EVENT_TYPES: dict[str, str] = {
    "meeting": "People meet in person (summits, bilateral talks, meetings on the sidelines).",
    "phone_call": "A telephone or video call between leaders or officials.",
    "statement": "A public statement, declaration, address or post.",
    "visit": "An official visit to a country, region or institution.",
    "trip": "Travel by a group that is not an official visit (rehabilitation trips, tours).",
    "aid": "Humanitarian, financial or military aid sent or delivered.",
    "agreement": "An agreement, memorandum or deal reached or signed.",
    "attack": "A strike, attack, shelling or drone hit.",
    "trade": "Trade flows, exports and imports, economic results.",
    "appointment": "Someone takes up or leaves a post (credentials, appointment, dismissal).",
    "briefing": "A press briefing or press conference.",
    "interview": "An interview given to a media outlet.",
    "rally": "A public rally, protest or demonstration.",
    "recognition": "Recognition or refusal to recognise a state, territory or act.",
    "recall": "A diplomat is recalled or summoned.",
    "consultation": "Consultations between ministries or officials.",
    "commission": "A session of an intergovernmental commission or working group.",
    "negotiation": "Peace or other negotiations between parties.",
    "sanction": "Sanctions imposed or lifted.",
    "other": "Anything that fits none of the types above.",
}

ACTOR_TYPES: dict[str, str] = {
    "person": "A named individual.",
    "organisation": "A company, NGO, international organisation, think tank or association.",
    "government_body": "A ministry, office, press service, embassy or other state institution.",
    "state": "A country acting as a whole (Kazakhstan, Ukraine, Russia).",
    "media": "A news outlet, agency or broadcaster.",
    "group": "A collective without formal organisation (diaspora, volunteers, citizens).",
    "forum": (
        "A gathering or format where states meet: an assembly, summit series, economic "
        "forum or dialogue format (UN General Assembly, G20, SPIEF, C5+1)."
    ),
    "initiative": (
        "A named project, programme or route rather than an institution "
        "(the Yurts of Invincibility, the Middle Corridor)."
    ),
    "self_proclaimed_entity": (
        "A self-proclaimed state or authority that few or no states recognise "
        "(the so-called Donetsk People's Republic)."
    ),
}


def vocabulary_rows() -> dict[str, list[dict[str, str]]]:
    """The rows of the event_types and actor_types tables: every load writes them whole."""
    return {
        "event_types": [{"id": k, "description": v} for k, v in EVENT_TYPES.items()],
        "actor_types": [{"id": k, "description": v} for k, v in ACTOR_TYPES.items()],
    }


EVENT_STATUSES: dict[str, str] = {
    "happened": "Reported as having taken place.",
    "planned": "Scheduled or announced, not yet taken place at the time of the source.",
    "forecast": "Predicted or expected by someone, not scheduled.",
}

QUOTATION, INTERVIEW_ANSWER, STATEMENT = "quotation", "interview answer", "statement"
QUOTE_KINDS: dict[str, str] = {
    QUOTATION: "Words the article prints in quotation marks (or guillemets) as someone's.",
    INTERVIEW_ANSWER: (
        "A passage of an interviewee's answer in a Q&A, printed without quotation marks: "
        "their words, but not a quotation the article marks as one."
    ),
    STATEMENT: (
        "A paragraph of a statement the article reproduces without quotation marks after "
        "introducing it (“X released the following statement:”): X's words, verbatim."
    ),
}
# A curated quote without ``kind:`` is a quotation: answers are the exception to mark.
DEFAULT_QUOTE_KIND = QUOTATION
