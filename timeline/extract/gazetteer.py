"""A small built-in gazetteer: states, what their people are called, and their capitals.

Built in rather than taken from a package: the lists are short, need demonyms (which the
registry's country packages lack), and cost nothing to import.
"""

from __future__ import annotations

# State name -> adjectives and demonyms that point at it ("Kazakh president").
STATES: dict[str, tuple[str, ...]] = {
    "Afghanistan": ("Afghan",),
    "Albania": ("Albanian",),
    "Algeria": ("Algerian",),
    "Argentina": ("Argentine", "Argentinian"),
    "Armenia": ("Armenian",),
    "Australia": ("Australian",),
    "Austria": ("Austrian",),
    "Azerbaijan": ("Azerbaijani", "Azeri"),
    "Belarus": ("Belarusian",),
    "Belgium": ("Belgian",),
    "Bosnia and Herzegovina": ("Bosnian",),
    "Brazil": ("Brazilian",),
    "Bulgaria": ("Bulgarian",),
    "Canada": ("Canadian",),
    "Chile": ("Chilean",),
    "China": ("Chinese",),
    "Colombia": ("Colombian",),
    "Croatia": ("Croatian",),
    "Cuba": ("Cuban",),
    "Cyprus": ("Cypriot",),
    "Czech Republic": ("Czech",),
    "Denmark": ("Danish",),
    "Egypt": ("Egyptian",),
    "Estonia": ("Estonian",),
    "Ethiopia": ("Ethiopian",),
    "Finland": ("Finnish",),
    "France": ("French",),
    "Georgia": ("Georgian",),
    "Germany": ("German",),
    "Greece": ("Greek",),
    "Hungary": ("Hungarian",),
    "India": ("Indian",),
    "Indonesia": ("Indonesian",),
    "Iran": ("Iranian",),
    "Iraq": ("Iraqi",),
    "Ireland": ("Irish",),
    "Israel": ("Israeli",),
    "Italy": ("Italian",),
    "Japan": ("Japanese",),
    "Jordan": ("Jordanian",),
    "Kazakhstan": ("Kazakh", "Kazakhstani"),
    "Kyrgyzstan": ("Kyrgyz",),
    "Latvia": ("Latvian",),
    "Lebanon": ("Lebanese",),
    "Lithuania": ("Lithuanian",),
    "Moldova": ("Moldovan",),
    "Mongolia": ("Mongolian",),
    "Netherlands": ("Dutch",),
    "North Korea": ("North Korean",),
    "Norway": ("Norwegian",),
    "Pakistan": ("Pakistani",),
    "Poland": ("Polish",),
    "Portugal": ("Portuguese",),
    "Qatar": ("Qatari",),
    "Romania": ("Romanian",),
    "Russia": ("Russian",),
    "Saudi Arabia": ("Saudi",),
    "Serbia": ("Serbian",),
    "Slovakia": ("Slovak",),
    "Slovenia": ("Slovenian",),
    "South Africa": ("South African",),
    "South Korea": ("South Korean",),
    "Spain": ("Spanish",),
    "Sweden": ("Swedish",),
    "Switzerland": ("Swiss",),
    "Syria": ("Syrian",),
    "Tajikistan": ("Tajik",),
    "Turkey": ("Turkish",),
    "Turkmenistan": ("Turkmen",),
    "Ukraine": ("Ukrainian",),
    "United Arab Emirates": ("Emirati",),
    "United Kingdom": ("British", "UK", "U.K."),
    "United States": ("American", "US", "U.S."),
    "Uzbekistan": ("Uzbek",),
    "Venezuela": ("Venezuelan",),
    "Vietnam": ("Vietnamese",),
}

# Other names of a state, written as a text would.
STATE_NAMES: dict[str, str] = {
    "Russian Federation": "Russia",
    "Republic of Kazakhstan": "Kazakhstan",
    "USA": "United States",
    "U.S.A.": "United States",
    "United States of America": "United States",
    "Great Britain": "United Kingdom",
    "Britain": "United Kingdom",
    "Türkiye": "Turkey",
    "Czechia": "Czech Republic",
    "Holland": "Netherlands",
}

# Capitals stand for their state when they act ("Moscow and Washington confirmed").
CAPITALS: dict[str, str] = {
    "Kabul": "Afghanistan", "Yerevan": "Armenia", "Canberra": "Australia", "Vienna": "Austria",
    "Baku": "Azerbaijan", "Minsk": "Belarus", "Brussels": "Belgium", "Ottawa": "Canada",
    "Beijing": "China", "Copenhagen": "Denmark", "Cairo": "Egypt", "Tallinn": "Estonia",
    "Helsinki": "Finland", "Paris": "France", "Tbilisi": "Georgia", "Berlin": "Germany",
    "Athens": "Greece", "Budapest": "Hungary", "New Delhi": "India", "Tehran": "Iran",
    "Baghdad": "Iraq", "Dublin": "Ireland", "Rome": "Italy", "Tokyo": "Japan",
    "Astana": "Kazakhstan", "Bishkek": "Kyrgyzstan", "Riga": "Latvia", "Vilnius": "Lithuania",
    "Chisinau": "Moldova", "Ulaanbaatar": "Mongolia", "Oslo": "Norway", "Islamabad": "Pakistan",
    "Warsaw": "Poland", "Lisbon": "Portugal", "Doha": "Qatar", "Bucharest": "Romania",
    "Moscow": "Russia", "Riyadh": "Saudi Arabia", "Belgrade": "Serbia", "Madrid": "Spain",
    "Stockholm": "Sweden", "Bern": "Switzerland", "Damascus": "Syria", "Dushanbe": "Tajikistan",
    "Ankara": "Turkey", "Ashgabat": "Turkmenistan", "Kyiv": "Ukraine", "Kiev": "Ukraine",
    "London": "United Kingdom", "Washington": "United States", "Tashkent": "Uzbekistan",
    "Abu Dhabi": "United Arab Emirates", "Seoul": "South Korea", "Pyongyang": "North Korea",
}  # fmt: skip

# Capitals whose name, acting, stands for something else than their state: "Brussels
# warned" is the European Union, not Belgium.
METONYMS: dict[str, tuple[str, str]] = {"Brussels": ("European Union", "organisation")}

DEMONYMS: dict[str, str] = {
    adjective: state for state, adjectives in STATES.items() for adjective in adjectives
}


def state_named(name: str) -> str | None:
    """The state a name stands for ('Russian Federation' -> 'Russia'), or None."""
    if name in STATES:
        return name
    return STATE_NAMES.get(name)
