"""The review pages of `timeline serve --review`: controls on the source page, the
queue, and the one POST route every decision goes through.

Writing is possible only when the server was started with ``--review`` (plugin
configuration ``review``), which `timeline serve` allows on a loopback host only.
Every POST must carry Datasette's CSRF token: asgi-csrf checks it whenever the
browser sends cookies, and a POST with no cookie at all (which asgi-csrf lets
through, since no browser session can be forged without one) is refused here.
"""

from __future__ import annotations

import asyncio
import json
import threading
from pathlib import Path
from urllib.parse import quote as url_quote

from datasette.database import Database
from datasette.utils.asgi import Response

from ..errors import Problem, TimelineError
from ..vocabulary import EVENT_TYPES
from ..web.host_check import LOOPBACK_NAMES
from ..web.pages import rows
from . import decisions
from .queue import review_queue

PLUGIN_NAME = "timeline"
CSRF_COOKIE = "ds_csrftoken"
# One decision at a time: two at once would both read a records file, and the second
# write would drop the first one's record.
DECIDING = threading.Lock()


def check_review_host(host: str, allow_hosts: tuple[str, ...] | list[str]) -> None:
    """Refuse review mode anywhere but loopback: it writes the seeds folder."""
    if host.lower().strip("[]") not in LOOPBACK_NAMES:
        raise TimelineError(
            Problem(
                f"--review writes to the seeds folder, so it serves on a loopback host only; "
                f"not on {host!r}",
                hint="drop --host (the default is 127.0.0.1), or review on the machine "
                "that holds the seeds folder",
            )
        )
    if allow_hosts:
        raise TimelineError(
            Problem(
                "--review cannot be combined with --allow-host: a name served through a "
                "proxy reaches the review controls from other machines",
                hint="drop --allow-host while reviewing",
            )
        )


def review_config(seeds_dir: str | Path, db_path: Path) -> dict[str, str]:
    seeds = Path(seeds_dir).resolve()
    if not seeds.is_dir():
        raise TimelineError(
            Problem(
                f"seeds folder {str(seeds_dir)!r} does not exist",
                hint="pass the folder the database was loaded from: --seeds DIR",
            )
        )
    return {"seeds": str(seeds), "db": str(db_path.resolve())}


def settings(datasette) -> dict | None:
    return (datasette.plugin_config(PLUGIN_NAME) or {}).get("review")


def routes(database_prefix: str) -> list:
    return [
        (rf"^{database_prefix}/review$", queue_view),
        (rf"^{database_prefix}/review/(?P<id>[^/]+)$", decision_view),
    ]


# -- pages -------------------------------------------------------------------------------------


async def queue_view(datasette, request):
    from ..web.datasette_plugin import _database, _render

    db = await _database(datasette, request)
    if settings(datasette) is None:
        return _read_only()
    queue = await review_queue(db)
    return await _render(
        datasette,
        request,
        "timeline_review.html",
        db,
        {"queue": queue, "active_tab": "review"},
        "Review queue",
    )


async def source_context(datasette, db, source_id: str) -> dict | None:
    """What the source page needs to draw its review controls (None: not reviewing)."""
    if settings(datasette) is None:
        return None
    params = {"id": source_id}
    quotes = await rows(
        db,
        "SELECT q.id, q.text, q.kind, q.start_offset, q.speaker_id, q.notes, "
        "a.name AS speaker_name FROM quotes q LEFT JOIN actors a ON a.id = q.speaker_id "
        "WHERE q.source_id = :id AND q.origin = 'extracted' ORDER BY q.start_offset",
        params,
    )
    events = await rows(
        db,
        "SELECT e.id, e.title, e.type, e.date, e.date_reasoning, e.place_id, es.start_offset, "
        "es.excerpt, p.name AS place_name FROM events e JOIN event_sources es ON "
        "es.event_id = e.id AND es.source_id = :id LEFT JOIN places p ON p.id = e.place_id "
        "WHERE e.origin = 'extracted' GROUP BY e.id ORDER BY min(es.start_offset)",
        params,
    )
    links = await rows(
        db,
        "SELECT ea.event_id, ea.actor_id, a.name FROM event_actors ea JOIN actors a ON "
        "a.id = ea.actor_id WHERE ea.event_id IN (SELECT event_id FROM event_sources "
        "WHERE source_id = :id)",
        params,
    )
    for event in events:
        event["actors"] = [link for link in links if link["event_id"] == event["id"]]
    mentioned = await _mentioned(db, source_id)
    extracted_actors = await rows(
        db, "SELECT id, name, type FROM actors WHERE origin = 'extracted' ORDER BY name"
    )
    ids = {q["speaker_id"] for q in quotes} | {link["actor_id"] for link in links} | mentioned[0]
    actors_here = [a for a in extracted_actors if a["id"] in ids]
    places_here = await rows(
        db,
        "SELECT id, name, country FROM places WHERE origin = 'extracted' AND (id IN "
        "(SELECT place_id FROM events e JOIN event_sources es ON es.event_id = e.id "
        "WHERE es.source_id = :id) OR id IN (SELECT value FROM json_each(:places))) "
        "ORDER BY name",
        {"id": source_id, "places": json.dumps(sorted(mentioned[1]))},
    )
    return {
        "quotes": quotes,
        "events": events,
        "actors": actors_here,
        "places": places_here,
        "all_actors": await rows(db, "SELECT id, name, origin FROM actors ORDER BY name, id"),
        "all_places": await rows(db, "SELECT id, name FROM places ORDER BY name, id"),
        "event_types": sorted(EVENT_TYPES),
        "action": f"{datasette.urls.database(db.name)}/-/review/{url_quote(source_id, safe='')}",
        "queue": f"{datasette.urls.database(db.name)}/-/review",
    }


async def _mentioned(db, source_id: str) -> tuple[set[str], set[str]]:
    """Actor and place ids this article's stored extraction mentions."""
    found = await rows(
        db, "SELECT result FROM extractions WHERE source_id = :id", {"id": source_id}
    )
    if not found:
        return set(), set()
    result = json.loads(found[0]["result"])
    places = {place["id"] for place in result.get("places") or []}
    return set(result.get("mentioned_actor_ids") or []), places


# -- the POST route ----------------------------------------------------------------------------


def _read_only() -> Response:
    return Response.text(
        "403: this server is read-only. Start it with `timeline serve --review` to review "
        "extracted rows (loopback only).\n",
        status=403,
    )


async def decision_view(datasette, request):
    from ..web.datasette_plugin import _database

    if request.method != "POST":
        return Response.text("405: decisions are sent with POST only\n", status=405)
    config = settings(datasette)
    if config is None:
        return _read_only()
    if CSRF_COOKIE not in request.cookies:
        return Response.text(
            "403: missing CSRF token: send decisions from the review page's own forms\n",
            status=403,
        )
    db = await _database(datasette, request)
    source_id = request.url_vars["id"]
    form = await request.post_vars()
    page = f"{datasette.urls.database(db.name)}/-/sources/{url_quote(source_id, safe='')}"
    try:
        message = await asyncio.to_thread(_decide, config, source_id, form)
    except TimelineError as error:
        datasette.add_message(request, f"Not saved, files and database unchanged: {error}", 3)
        return Response.redirect(page + _anchor(form))
    _reopen(datasette, db.name, Path(config["db"]))
    datasette.add_message(request, message, 1)
    return Response.redirect(page + _anchor(form))


def _anchor(form) -> str:
    return f"#review-{form.get('kind', '')}-{form.get('id', '')}" if form.get("id") else ""


def _decide(config: dict, source_id: str, form) -> str:
    """Turn a form into a decision, write it and load it; the message to show."""
    from .apply import apply_change

    seeds, db = Path(config["seeds"]), Path(config["db"])
    with DECIDING:
        article = decisions.Article(seeds, db, source_id)
        try:
            change = _change(article, form)
        finally:
            article.close()
        result = apply_change(change, seeds, str(db))
    return f"{change.message} (saved; {result.summary()})"


def _change(article: decisions.Article, form) -> decisions.Change:
    action, kind, row_id = form.get("action"), form.get("kind"), form.get("id", "")
    if action == "reject":
        return decisions.reject(article, kind, row_id, form.get("reason", ""))
    if action == "merge" and kind == "actor":
        return decisions.merge_actors(article, row_id, form.get("into", ""))
    if action == "accept":
        accept = {
            "quote": decisions.accept_quote,
            "event": decisions.accept_event,
            "actor": decisions.accept_actor,
            "place": decisions.accept_place,
        }.get(kind)
        if accept:
            return accept(article, row_id)
    if action == "correct" and kind == "quote":
        start = form.get("start")
        return decisions.correct_quote(
            article,
            row_id,
            speaker=form.get("speaker"),
            new_speaker=form.get("new_speaker"),
            text=form.get("text") or None,
            start=int(start) if start and start.isdigit() else None,
        )
    if action == "correct" and kind == "event":
        actors = form.get("actors")
        return decisions.correct_event(
            article,
            row_id,
            date=form.get("date"),
            event_type=form.get("type"),
            place=form.get("place"),
            actors=[a.strip() for a in actors.split(",")] if actors is not None else None,
        )
    raise decisions.refuse(f"unknown decision {action!r} on a {kind!r}")


def _reopen(datasette, name: str, path: Path) -> None:
    """Open the database file again: a load that rebuilt it renamed a new file into
    place, which connections opened on the old one would never see."""
    database = datasette.databases[name]
    datasette.remove_database(name)
    datasette.add_database(
        Database(datasette, path=str(path), is_mutable=True), name=name, route=database.route
    )
