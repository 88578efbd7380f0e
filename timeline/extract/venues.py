"""Seats of government and other venues that stand for the city they are in.

"Biden met Kishida at the White House on Friday" says where the meeting was, though it
names no city: the White House is in Washington. A short table of such venues, each the
seat of a government or a parliament that news names in place of its city, gives a place
mention of that city, inferred (the basis says from which venue). The venue itself is no
place (the devset's guidelines: venues and buildings are not places); its city is where
the happening took place.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from .places import Place, PlaceMention
from .sentences import Span

# venue as written -> (city, ISO country code)
VENUES: dict[str, tuple[str, str]] = {
    "White House": ("Washington", "US"),
    "Oval Office": ("Washington", "US"),
    "Capitol Hill": ("Washington", "US"),
    "Kremlin": ("Moscow", "RU"),
    "Downing Street": ("London", "GB"),
    "Palace of Westminster": ("London", "GB"),
    "Élysée Palace": ("Paris", "FR"),
    "Elysee Palace": ("Paris", "FR"),
    "Élysée": ("Paris", "FR"),
    "Elysee": ("Paris", "FR"),
    "Bundestag": ("Berlin", "DE"),
    "Chancellery in Berlin": ("Berlin", "DE"),
    "Great Hall of the People": ("Beijing", "CN"),
    "Zhongnanhai": ("Beijing", "CN"),
    "Blue House": ("Seoul", "KR"),
    "Akorda": ("Astana", "KZ"),
    "Ak Orda": ("Astana", "KZ"),
    "Knesset": ("Jerusalem", "IL"),
    "Quirinal Palace": ("Rome", "IT"),
    "Palazzo Chigi": ("Rome", "IT"),
    "Moncloa Palace": ("Madrid", "ES"),
    "Rideau Hall": ("Ottawa", "CA"),
    "Parliament Hill": ("Ottawa", "CA"),
    "Mariinskyi Palace": ("Kyiv", "UA"),
    "Verkhovna Rada": ("Kyiv", "UA"),
    "Bankova": ("Kyiv", "UA"),
}
_VENUE = re.compile(
    r"\b(?:the\s+)?(" + "|".join(sorted(map(re.escape, VENUES), key=len, reverse=True)) + r")\b"
)
# "at the White House", "in the Kremlin", "outside Downing Street": the venue as a place
# where something happens, not the government it stands for ("the White House said").
_PLACE_WORD_BEFORE = re.compile(r"\b(?:at|in|inside|outside|to|from|near|on)\s+$", re.IGNORECASE)


def _city(name: str, country_code: str, index: Mapping[str, list[Place]]) -> Place | None:
    """The city of that name in that country, the most populous of them (the capital,
    not Washington, Pennsylvania)."""
    cities = [p for p in index.get(name, []) if p.kind == "city" and p.country_code == country_code]
    return max(cities, key=lambda p: p.population, default=None)


def venue_places(
    text: str, paragraphs: list[Span], index: Mapping[str, list[Place]]
) -> list[PlaceMention]:
    """A mention of the city of each venue the text names as where something is or
    happens ("at the White House": Washington), at the venue's words."""
    found = []
    # Most articles name no venue: a substring test per venue rules that out at a
    # fraction of the cost of the pattern, which tries its word boundary at every character.
    if not any(venue in text for venue in VENUES):
        return found
    for paragraph in paragraphs:
        for match in _VENUE.finditer(text, paragraph.start, paragraph.end):
            if not _PLACE_WORD_BEFORE.search(text, max(0, match.start() - 12), match.start()):
                continue
            city, country = VENUES[match.group(1)]
            place = _city(city, country, index)
            if place is None:
                continue
            found.append(
                PlaceMention(
                    match.start(1),
                    match.end(1),
                    place,
                    f"“{match.group(1)}” (inferred: the {match.group(1)} is in {city}; "
                    "after a preposition of place)",
                )
            )
    return found
