"""Writing an extraction as curated YAML a person can review, correct and keep.

The draft defines every actor it refers to that the reader was not told about, so saved
next to its article in a seeds folder it loads as it is. Each record carries comments
that say where it came from (how a speaker was found, how a date was worked out).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from ..articles import read_article
from ..dates import parse_published
from ..seeds import read_seed_files
from ..validate import validate
from .pipeline import Extraction, extract_article
from .record_form import event_record, evidence_entry, quote_record


class _Dumper(yaml.SafeDumper):
    """Block style, keys in the order we give them, long lines left as they are."""


def _text(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _text)


def draft_records(
    extraction: Extraction,
    text: str,
    known_actor_ids: set[str] | None = None,
    known_place_ids: set[str] | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """Curated-format records (actors, places, events, quotes) for one extraction."""
    known_actor_ids = known_actor_ids or set()
    known_place_ids = known_place_ids or set()
    aliases: dict[str, list[str]] = {}
    for alias in extraction.actor_aliases:
        aliases.setdefault(alias["actor_id"], []).append(alias["alias"])
    actors = []
    for actor in extraction.actors:
        if actor["id"] in known_actor_ids:
            continue
        record = {"id": actor["id"], "name": actor["name"], "type": actor["type"]}
        others = [a for a in aliases.get(actor["id"], []) if a != actor["name"]]
        if others:
            record["aliases"] = others
        actors.append(record)
    places = [
        {
            key: place[key]
            for key in ("id", "name", "country", "latitude", "longitude")
            if place.get(key) is not None
        }
        for place in extraction.places
        if place["id"] not in known_place_ids
    ]
    events = [
        event_record(
            event,
            [link for link in extraction.event_actors if link["event_id"] == event["id"]],
            [
                evidence_entry(link["source_id"], link["excerpt"], link["start_offset"], text)
                for link in extraction.event_sources
                if link["event_id"] == event["id"]
            ],
        )
        for event in extraction.events
    ]
    quotes = [
        {**quote_record(quote, quote["source_id"], text), "notes": quote["notes"]}
        for quote in extraction.quotes
    ]
    drafted = {"actors": actors, "places": places, "events": events, "quotes": quotes}
    return {kind: records for kind, records in drafted.items() if records or kind != "places"}


def draft_yaml(
    extraction: Extraction,
    text: str,
    known_actor_ids: set[str] | None = None,
    known_place_ids: set[str] | None = None,
) -> str:
    """The draft as YAML text, with a header saying what to check before keeping it."""
    records = draft_records(extraction, text, known_actor_ids, known_place_ids)
    header = (
        f"# Draft records extracted automatically from source {extraction.source_id!r}.\n"
        "# Review before keeping: check each speaker, each date and its reasoning, drop\n"
        "# what is wrong, and rename ids if you like (they only need to stay unique).\n"
    )
    body = yaml.dump(records, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    return header + body


def draft_for_file(
    path: str | Path, published: str | None = None, seeds_dir: str | Path | None = None
) -> str:
    """Extract one article file and return its draft YAML.

    ``published`` overrides (or supplies) the publication date that relative dates are
    resolved against; ``seeds_dir`` links to that folder's actors instead of defining them.
    """
    warnings: list[str] = []
    article = read_article(Path(path), str(path), warnings)
    if published is not None:
        article.fields["published"], article.fields["published_precision"] = parse_published(
            published
        )
    actors: list[dict] = []
    aliases: list[dict] = []
    places: list[dict] = []
    if seeds_dir is not None:
        corpus = validate(read_seed_files(Path(seeds_dir)))
        actors, aliases, places = corpus.actors, corpus.actor_aliases, corpus.places
    extraction = extract_article(article, actors, aliases, places)
    return draft_yaml(
        extraction, article.search_text, {a["id"] for a in actors}, {p["id"] for p in places}
    )
