"""Whether a name names a state, or a city or region of the shipped places table."""

from __future__ import annotations

from functools import cache, lru_cache

from .gazetteer import state_named

# Initials states go by in news that the gazetteer does not list.
_STATE_INITIALS = {
    "DPRK": "North Korea",
    "PRC": "China",
    "ROK": "South Korea",
    "UAE": "United Arab Emirates",
    "UK": "United Kingdom",
    "US": "United States",
}


@cache
def _place_names() -> frozenset[str]:
    from .places import builtin_places  # places builds on this module

    return frozenset(
        name
        for name, places in builtin_places().items()
        if any(p.kind in ("city", "region") for p in places)
    )


@cache
def _country_names() -> frozenset[str]:
    from .places import builtin_places  # places builds on this module

    return frozenset(
        name
        for name, places in builtin_places().items()
        if any(p.kind == "country" for p in places) and name[:1].isupper()
    )


@lru_cache(maxsize=4096)
def _state_of(name: str) -> str | None:
    """The state a name names: the gazetteer's states and their other names, initials
    news uses ("DPRK"), then any country of the shipped places table ("Malaysia")."""
    found = state_named(name) or _STATE_INITIALS.get(name)
    if found is None and name in _country_names():
        places = _place_table()[name]
        found = next(p.country for p in places if p.kind == "country")
    return found


def _place_table():
    from .places import builtin_places  # places builds on this module

    return builtin_places()


def _is_place(name: str) -> bool:
    """A city's or a region's name in the shipped gazetteer (not a state's: states act)."""
    return name in _place_names()
