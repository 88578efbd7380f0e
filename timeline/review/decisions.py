"""One review decision -> the new contents of the seed files it changes.

Each decision reads what the page showed (the extracted rows in the database) and
writes curated records in the formats people maintain: the article's records file
(``records_file``) for accepted and corrected quotes, events, actors and places; the
actors file (``actors_file``) for merges; the review file (``review_file``) for
rejections. Nothing is written here: ``apply`` writes, loads and, on failure, puts
every file back.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import Problem, TimelineError
from ..extract.names import slug
from ..extract.record_form import event_record, evidence_entry, quote_record
from ..seeds import REVIEW_SUFFIX
from . import actors_file, records_file, review_file


@dataclass
class Change:
    """New text per file, and what to tell the reviewer once it is loaded."""

    files: dict[Path, str] = field(default_factory=dict)
    message: str = ""


def refuse(message: str, hint: str | None = None) -> TimelineError:
    return TimelineError(Problem(message, hint=hint))


class Article:
    """One article under review: its rows in the database and its two seed files."""

    def __init__(self, seeds_dir: Path, db_path: Path, source_id: str):
        self.seeds_dir = seeds_dir
        self.db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
        self.db.row_factory = sqlite3.Row
        source = self.db.execute(
            "SELECT id, text, seed_file FROM sources WHERE id = ?", (source_id,)
        ).fetchone()
        if source is None:
            raise refuse(f"no source with id {source_id!r}")
        self.source_id, self.text = source["id"], source["text"]
        reviewed = self.db.execute(
            "SELECT seed_file FROM reviews WHERE source_id = ?", (source_id,)
        ).fetchone()
        if reviewed:
            name = reviewed["seed_file"].removesuffix(REVIEW_SUFFIX) + ".yaml"
            self.records_path = seeds_dir / name
        else:
            self.records_path = records_file.records_path(
                seeds_dir, source_id, source["seed_file"], None
            )
        self.review_path = review_file.review_path(self.records_path, source_id)
        self.records = records_file.read_records(self.records_path)
        self.review = (
            review_file.read_review(self.review_path, str(self.review_path))
            if self.review_path.exists()
            else {"source": source_id, "rejected": []}
        )

    def close(self) -> None:
        self.db.close()

    # -- rows as the page showed them ------------------------------------------------------

    def row(self, sql: str, *params) -> dict[str, Any] | None:
        found = self.db.execute(sql, params).fetchone()
        return dict(found) if found else None

    def extracted(self, table: str, row_id: str) -> dict[str, Any]:
        found = self.row(f"SELECT * FROM {table} WHERE id = ? AND origin = 'extracted'", row_id)
        if found is None:
            raise refuse(
                f"no extracted {table[:-1]} {row_id!r} (reviewed already, or gone since "
                "the page was drawn)",
                hint="reload the page",
            )
        return found

    def actor_exists(self, actor_id: str) -> dict[str, Any] | None:
        return self.row("SELECT * FROM actors WHERE id = ?", actor_id)

    # -- records ---------------------------------------------------------------------------

    def define_actor(self, actor_id: str) -> None:
        """Make an extracted actor curated in the records file (a curated one is left)."""
        actor = self.actor_exists(actor_id)
        if actor is None:
            raise refuse(f"no actor with id {actor_id!r}", hint="pick one from the list")
        if actor["origin"] == "curated" or records_file.has_record(
            self.records, "actors", actor_id
        ):
            return
        record = {"id": actor["id"], "name": actor["name"], "type": actor["type"]}
        aliases = [
            row["alias"]
            for row in self.db.execute(
                "SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY alias", (actor_id,)
            )
            if row["alias"] != actor["name"]
        ]
        if aliases:
            record["aliases"] = aliases
        records_file.upsert(self.records, "actors", record)

    def define_place(self, place_id: str) -> None:
        place = self.row("SELECT * FROM places WHERE id = ?", place_id)
        if place is None:
            raise refuse(f"no place with id {place_id!r}", hint="pick one from the list")
        if place["origin"] == "curated" or records_file.has_record(
            self.records, "places", place_id
        ):
            return
        record = {
            key: place[key]
            for key in ("id", "name", "country", "latitude", "longitude")
            if place.get(key) is not None
        }
        records_file.upsert(self.records, "places", record)

    def quote_record(self, quote: dict[str, Any]) -> dict[str, Any]:
        record = quote_record(quote, self.source_id, self.text)
        record["notes"] = quote["notes"] or "extracted"
        return record

    def event_record(self, event: dict[str, Any]) -> dict[str, Any]:
        links = [
            dict(row)
            for row in self.db.execute(
                "SELECT actor_id, role FROM event_actors WHERE event_id = ? "
                "ORDER BY actor_id, role",
                (event["id"],),
            )
        ]
        evidence = [
            dict(row)
            for row in self.db.execute(
                "SELECT excerpt, start_offset FROM event_sources WHERE event_id = ? "
                "AND source_id = ? ORDER BY start_offset",
                (event["id"], self.source_id),
            )
        ]
        if not evidence:
            raise refuse(f"event {event['id']!r} cites no sentence of this article")
        sources = [
            evidence_entry(self.source_id, item["excerpt"], item["start_offset"], self.text)
            for item in evidence
        ]
        record = event_record(event, links, sources)
        return {key: value for key, value in record.items() if value is not None}

    def with_records(self, message: str) -> Change:
        """The review file, and the records file when it has records, as they now stand."""
        files = {self.review_path: self._review_text()}
        if any(self.records.values()) or self.records_path.exists():
            files[self.records_path] = records_file.records_text(
                self.records, self.source_id, self.review_path.name
            )
        return Change(files, message)

    def _review_text(self) -> str:
        return review_file.review_text(
            self.source_id, self.records_path.name, self.review["rejected"]
        )


# -- the decisions ---------------------------------------------------------------------------


def accept_quote(article: Article, quote_id: str) -> Change:
    return correct_quote(article, quote_id)


def correct_quote(
    article: Article,
    quote_id: str,
    speaker: str | None = None,
    new_speaker: str | None = None,
    new_speaker_type: str = "person",
    text: str | None = None,
    start: int | None = None,
) -> Change:
    """Keep an extracted quote, with another speaker (an actor, or a new one by name)
    or another span (the words selected in the article) when given."""
    quote = article.extracted("quotes", quote_id)
    proposed = dict(quote)
    if new_speaker and new_speaker.strip():
        name = new_speaker.strip()
        actor_id = slug(name)
        if not actor_id:
            raise refuse(f"cannot make an actor id from the name {name!r}")
        existing = article.actor_exists(actor_id)
        if existing is None or existing["origin"] == "extracted":
            if existing is None:
                records_file.upsert(
                    article.records,
                    "actors",
                    {"id": actor_id, "name": name, "type": new_speaker_type},
                )
        quote["speaker_id"] = actor_id
    elif speaker is not None:
        quote["speaker_id"] = speaker or None
    if text is not None:
        quote["text"] = text
        quote["start_offset"] = start if start is not None else quote["start_offset"]
    if quote["speaker_id"]:
        article.define_actor(quote["speaker_id"])
    changed = any(quote[key] != proposed[key] for key in ("speaker_id", "text", "start_offset"))
    if changed:
        quote["notes"] = f"{quote['notes'] or 'extracted'}; corrected in review"
    records_file.upsert(article.records, "quotes", article.quote_record(quote))
    verb = "corrected" if changed else "accepted"
    return article.with_records(f"Quote {quote_id} {verb}")


def accept_event(article: Article, event_id: str) -> Change:
    return correct_event(article, event_id)


def correct_event(
    article: Article,
    event_id: str,
    date: str | None = None,
    event_type: str | None = None,
    place: str | None = None,
    actors: list[str] | None = None,
) -> Change:
    """Keep an extracted event, with the date, type, place or actors a person set."""
    event = article.extracted("events", event_id)
    record = article.event_record(event)
    corrected = []
    if date and date.strip() and date.strip() != event["date"]:
        record["date"] = date.strip()
        record["date_reasoning"] = (
            f"set by a reviewer (extraction proposed {event['date']}: "
            f"{event['date_reasoning'] or 'no reasoning'})"
        )
        corrected.append("date")
    if event_type and event_type != event["type"]:
        record["type"] = event_type
        corrected.append("type")
    if place is not None and (place or None) != event["place_id"]:
        record.pop("place", None)
        if place:
            record["place"] = place
        corrected.append("place")
    if actors is not None:
        roles = {link["actor"]: link["role"] for link in record["actors"]}
        chosen = [actor for actor in dict.fromkeys(actors) if actor]
        if set(chosen) != set(roles):
            corrected.append("actors")
        record["actors"] = [
            {"actor": actor, "role": roles.get(actor, "participant")} for actor in chosen
        ]
    for link in record["actors"]:
        article.define_actor(link["actor"])
    if record.get("place"):
        article.define_place(record["place"])
    records_file.upsert(article.records, "events", record)
    what = f"corrected ({', '.join(corrected)})" if corrected else "accepted"
    return article.with_records(f"Event {event_id} {what}")


def accept_actor(article: Article, actor_id: str) -> Change:
    article.extracted("actors", actor_id)
    article.define_actor(actor_id)
    return article.with_records(f"Actor {actor_id} accepted")


def accept_place(article: Article, place_id: str) -> Change:
    article.extracted("places", place_id)
    article.define_place(place_id)
    return article.with_records(f"Place {place_id} accepted")


def reject(article: Article, kind: str, row_id: str, reason: str) -> Change:
    """Name the rejected item in the review file, by what the article says."""
    if not reason or not reason.strip():
        raise refuse("say why it is wrong", hint="a few words in the reason field do")
    reason = reason.strip()
    if kind == "quote":
        quote = article.extracted("quotes", row_id)
        entry = {"quote": quote["text"], "start": quote["start_offset"]}
    elif kind == "event":
        event = article.extracted("events", row_id)
        evidence = article.row(
            "SELECT excerpt, start_offset FROM event_sources WHERE event_id = ? "
            "AND source_id = ? ORDER BY start_offset",
            row_id,
            article.source_id,
        )
        if evidence is None:
            raise refuse(f"event {row_id!r} cites no sentence of this article")
        entry = {
            "event": evidence["excerpt"],
            "start": evidence["start_offset"],
            "type": event["type"],
        }
    elif kind in ("actor", "place"):
        row = article.extracted(f"{kind}s", row_id)
        entry = {kind: row["name"]}
    else:
        raise refuse(f"cannot reject a {kind!r}", hint="quote, event, actor or place")
    entry["reason"] = reason
    article.review["rejected"].append(entry)
    return article.with_records(f"{kind.capitalize()} {row_id} rejected: {reason}")


def merge_actors(article: Article, actor_id: str, into: str) -> Change:
    """Make extracted actor ``actor_id`` a spelling of actor ``into``: its names become
    aliases of ``into`` in the file that defines it (the actors file), or in a new
    curated record of ``into`` when it too was extracted."""
    merged = article.extracted("actors", actor_id)
    target = article.actor_exists(into)
    if target is None or into == actor_id:
        raise refuse(f"no other actor with id {into!r} to merge into", hint="pick one")
    names = [merged["name"]] + [
        row["alias"]
        for row in article.db.execute(
            "SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY alias", (actor_id,)
        )
        if row["alias"] != merged["name"]
    ]
    # What this article's records already say of the merged actor now says ``into``.
    article.records["actors"] = [
        a for a in article.records.get("actors", []) if a.get("id") != actor_id
    ]
    for quote in article.records.get("quotes", []):
        if quote.get("speaker") == actor_id:
            quote["speaker"] = into
    for event in article.records.get("events", []):
        for link in event.get("actors") or []:
            if link.get("actor") == actor_id:
                link["actor"] = into
    change = article.with_records(f"Actor {merged['name']!r} merged into {target['name']!r}")
    if target["origin"] == "curated" and target["seed_file"]:
        path = article.seeds_dir / target["seed_file"]
        if path == article.records_path:
            record = next(a for a in article.records["actors"] if a["id"] == into)
            record["aliases"] = list(dict.fromkeys([*(record.get("aliases") or []), *names]))
            return article.with_records(change.message)
        text = path.read_text("utf-8")
        for name in names:
            text = actors_file.add_alias(text, target["seed_file"], into, name) or text
        change.files[path] = text
        return change
    # ``into`` was extracted too: it becomes curated, with the merged names.
    article.define_actor(into)
    record = next(a for a in article.records["actors"] if a["id"] == into)
    record["aliases"] = list(dict.fromkeys([*(record.get("aliases") or []), *names]))
    actors_path = _actors_file(article)
    if actors_path is not None:
        appended = actors_file.append_actor(
            actors_path.read_text("utf-8"), str(actors_path), record
        )
        if appended is not None:
            article.records["actors"].remove(record)
            change = article.with_records(change.message)
            change.files[actors_path] = appended
            return change
    return article.with_records(change.message)


def _actors_file(article: Article) -> Path | None:
    """The file that defines most curated actors, when it holds actors only."""
    row = article.row(
        "SELECT seed_file FROM actors WHERE origin = 'curated' AND seed_file IS NOT NULL "
        "GROUP BY seed_file ORDER BY count(*) DESC, seed_file LIMIT 1"
    )
    return article.seeds_dir / row["seed_file"] if row else None
