"""Where an event happened: the place its evidence names, else the place the article is about.

A sentence that names places gives its most specific one (a city before its region before
its country: "in Phoenix ... Eureka Springs, Arkansas" is Phoenix), the one after a
preposition of place first, then the one nearest the date expression ("inducted in Phoenix
in July"). A sentence that names none but says "the city", "the town" or "the capital"
speaks of the last city named before it ("Taipei ... this year the city expects"); one
opening "There," of the city or region named last ("... held in Geneva in March. There,
the leaders signed ..."). Else
the happening took place, by the convention of news writing, where the article is set:
its dateline ("KYIV (AFP) -"), else the city or region its headline names ("Lantern
Festival in Taipei lights up the night") when the body names it too, else the city or
region it names most often (at least twice, more often than any other). Those places are
inferred, and the row's basis says so and from what; with none, the event has no place.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from .gazetteer import CAPITALS
from .places import PlaceMention
from .sentences import Span

_SPECIFIC = {"city": 0, "region": 1, "country": 2}
# A place the article names this many times or more may be where it is set.
MIN_MENTIONS_OF_SETTING = 2


@dataclass(frozen=True)
class EventPlace:
    mention: PlaceMention
    inferred: str  # "" when the evidence names the place; else what it was inferred from


# "the city", "the capital": a place named before, spoken of again.
_BACK_REFERENCE = re.compile(r"\b[Tt]he (city|town|capital)\b(?!\s+(?:of|council|hall)\b)")


# "The summit was held in Geneva. There, the leaders signed ...": the place just named.
_THERE = re.compile(r"There\s*,")


class EventPlaces:
    """Finds each event's place among an article's place mentions (in text order)."""

    def __init__(self, text: str, places: list[PlaceMention], headline: list[PlaceMention] = ()):
        self.text = text
        self.places = places
        self.starts = [p.start for p in places]
        self.setting = _setting(places, headline)

    def of(self, evidence: Span, date_start: int) -> EventPlace | None:
        first = bisect_left(self.starts, evidence.start)
        inside = self.places[first : bisect_left(self.starts, evidence.end)]
        if inside:
            return EventPlace(most_specific(inside, date_start), "")
        there = _THERE.match(self.text, evidence.start)
        if there and first and _SPECIFIC[self.places[first - 1].place.kind] < 2:
            named = self.places[first - 1]
            return EventPlace(named, f"“There” after {named.written or named.place.name} was named")
        said = _BACK_REFERENCE.search(self.text, evidence.start, evidence.end)
        if said and (named := self._last_city_before(first, said.group(1) == "capital")):
            return EventPlace(
                named,
                f"“{said.group()}” after {named.written or named.place.name} was named",
            )
        return self.setting

    def _last_city_before(self, end: int, capital: bool) -> PlaceMention | None:
        for mention in reversed(self.places[:end]):
            if mention.place.kind == "city":
                if not capital or (mention.written or mention.place.name) in CAPITALS:
                    return mention
                return None  # "the capital" after a city that is none: not sure which
        return None


def most_specific(mentions: list[PlaceMention], date_start: int) -> PlaceMention:
    """Of the places one piece of evidence names, where its happening took place."""
    return min(
        mentions,
        key=lambda m: (
            _SPECIFIC[m.place.kind],
            "preposition" not in m.basis,
            abs(m.start - date_start),
        ),
    )


def _setting(places: list[PlaceMention], headline: list[PlaceMention]) -> EventPlace | None:
    """The place the article is set in: its dateline, else the city or region its headline
    names (the most specific, if the body names it too), else its most named city or
    region."""
    for mention in places:
        if "(dateline)" in mention.basis:
            return EventPlace(mention, "the article's dateline")
    local = [m for m in headline if m.place.kind != "country"]
    if local:
        named = most_specific(local, 0).place.key
        first = next((m for m in places if m.place.key == named), None)
        if first:
            return EventPlace(first, f"the headline names {first.written or first.place.name}")
    counts = Counter(m.place.key for m in places if m.place.kind != "country")
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < MIN_MENTIONS_OF_SETTING:
        return None
    if len(ranked) > 1 and ranked[1][1] == ranked[0][1]:
        return None  # two places as often: the article is set in neither for sure
    first = next(m for m in places if m.place.key == ranked[0][0])
    return EventPlace(
        first,
        f"the article names {first.written or first.place.name} most often ({ranked[0][1]} times)",
    )
