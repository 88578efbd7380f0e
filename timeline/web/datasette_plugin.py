"""The Datasette plugin: timeline, actor, source and map pages, event exports, and the
route and link to a fast CSV export of any table (/<database>/-/export/<table>.csv,
built in ``table_export``).

Registered through the ``datasette`` entry point, so it is active under ``timeline
serve`` and under a plain ``datasette timeline.db`` alike. Pages live under
``/<database>/-/`` and only answer for databases that hold a timeline (an events table).

Datasette finds a plugin's ``templates/`` and ``static/`` only when the plugin is a
package; on Python 3.11 a module plugin gets neither, so this module adds the package's
folders itself (Jinja loader and one static route).

It also keeps a hostile reader or author from hurting the server or its visitors: only
http(s) links (``safe_output``), limits on every connection (``sqlite_guard``), a Host
check (``host_check``), work too big for a moment run outside the event loop or refused,
and error pages that show no SQL and no file path.
"""

from __future__ import annotations

import asyncio
import sqlite3
from pathlib import Path
from urllib.parse import quote

from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.utils.asgi import BadRequest, NotFound, Response, asgi_static
from jinja2 import ChoiceLoader, FileSystemLoader

from ..export.formats import CONTENT_TYPES, write_events
from ..review import web as review_web
from ..safe_output import http_url, json_for_script
from . import pages
from .browse import Page, TimelineFilters, assemble_events, event_queries
from .host_check import host_check
from .sqlite_guard import ResultTooLarge, guard_connection
from .table_export import SPREADSHEET_ARGUMENT, export_url, matching_rows_csv

PACKAGE = Path(__file__).parent
STATIC = PACKAGE / "static"
TEMPLATES = PACKAGE / "templates"
PLUGIN_NAME = "timeline"
DOWNLOADS = (("json", "JSON"), ("timelinejs", "TimelineJS"), ("ics", "iCalendar"))
# A download from the timeline page holds at most this many events (at 100,000 the
# whole JSON took 3 s to build and 100 MB to send); `timeline export` has no limit.
WEB_EXPORT_EVENTS = pages.LIST_IDS_UP_TO


@hookimpl
def prepare_jinja2_environment(env, datasette):
    env.loader = ChoiceLoader([FileSystemLoader(str(TEMPLATES)), env.loader])
    env.filters["http_url"] = http_url


@hookimpl
def prepare_connection(conn, database, datasette):
    guard_connection(conn)


@hookimpl
def asgi_wrapper(datasette):
    allowed = (datasette.plugin_config(PLUGIN_NAME) or {}).get("allowed_hosts")
    if not allowed:
        return None  # a plain `datasette` (or `datasette publish`): no check unless set
    return lambda app: host_check(app, list(allowed))


@hookimpl
def register_routes(datasette):
    db = r"/(?P<database>[^/]+)/-"
    return [
        (rf"^/-/static-plugins/{PLUGIN_NAME}/(?P<path>.*)$", asgi_static(str(STATIC))),
        (r"^/-/timeline$", first_timeline),
        (rf"^{db}/timeline$", timeline_view),
        (rf"^{db}/timeline\.(?P<format>json|timelinejs|ics)$", timeline_export),
        (rf"^{db}/actors/(?P<id>[^/]+)$", actor_view),
        (rf"^{db}/sources/(?P<id>[^/]+)$", source_view),
        (rf"^{db}/map$", map_view),
        (rf"^{db}/export/(?P<table>[^/]+)\.csv$", table_csv_view),
        *review_web.routes(db),  # /<db>/-/review: read-only unless `serve --review`
        # Datasette's own /-/databases lists each file's absolute path: not for visitors.
        (r"^/-/databases(?:\.json)?$", databases_view),
    ]


async def _database(datasette, request):
    """The requested database, if the reader may see it and it holds a timeline."""
    name = request.url_vars["database"]
    try:
        db = datasette.get_database(route=name)
    except KeyError:
        raise NotFound(f"Database not found: {name}") from None
    await datasette.ensure_permissions(request.actor, [("view-database", db.name), "view-instance"])
    if not await pages.is_timeline_database(db):
        raise NotFound(f"{db.name} holds no timeline (no events table)")
    return db


def _links(datasette, db) -> dict[str, str]:
    base = datasette.urls.database(db.name)
    return {
        "database": base,
        "timeline": f"{base}/-/timeline",
        "map": f"{base}/-/map",
        "actor": f"{base}/-/actors/",
        "source": f"{base}/-/sources/",
        "static": datasette.urls.static_plugins(PLUGIN_NAME, ""),
        **({"review": f"{base}/-/review"} if review_web.settings(datasette) else {}),
    }


async def _render(datasette, request, template, db, context, title):
    context = {
        **context,
        "page_title": title,
        "database": db.name,
        "links": _links(datasette, db),
        "quote": lambda value: quote(str(value), safe=""),
    }
    return Response.html(await datasette.render_template(template, context, request=request))


async def first_timeline(datasette, request):
    for db in datasette.databases.values():
        if await pages.is_timeline_database(db):
            return Response.redirect(f"{datasette.urls.database(db.name)}/-/timeline")
    raise NotFound("No database here holds a timeline")


async def timeline_view(datasette, request):
    db = await _database(datasette, request)
    filters = TimelineFilters.from_args(request.args)
    page = Page.from_cursor(request.args.get("after") or "")
    context = await pages.timeline_page(db, filters, page)
    query = filters.query_string()
    context["downloads"] = [
        {"label": label, "href": f"{_links(datasette, db)['timeline']}.{fmt}"
         + (f"?{query}" if query else "")}
        for fmt, label in DOWNLOADS
    ]  # fmt: skip
    return await _render(datasette, request, "timeline_page.html", db, context, "Timeline")


async def timeline_export(datasette, request):
    db = await _database(datasette, request)
    filters = TimelineFilters.from_args(request.args)
    fmt = request.url_vars["format"]
    if await pages.count_events(db, filters, WEB_EXPORT_EVENTS) > WEB_EXPORT_EVENTS:
        raise BadRequest(
            f"More than {WEB_EXPORT_EVENTS:,} events match: narrow the filters, or export "
            f"them all on the command line with `timeline export events --format {fmt}`"
        )
    events = await pages.load_events(db, filters)
    title = datasette.metadata("title") or "Timeline"
    # Writing thousands of events is pure Python: off the event loop, which keeps
    # answering everyone else meanwhile.
    text = await asyncio.to_thread(write_events, fmt, events, title)
    headers = {}
    if fmt == "ics":
        headers["content-disposition"] = f'attachment; filename="{db.name}-timeline.ics"'
    return Response(text, content_type=CONTENT_TYPES[fmt], headers=headers)


async def actor_view(datasette, request):
    db = await _database(datasette, request)
    context = await pages.actor_page(db, request.url_vars["id"])
    if context is None:
        raise NotFound(f"No actor with id {request.url_vars['id']!r}")
    return await _render(
        datasette, request, "timeline_actor.html", db, context, context["subject"]["name"]
    )


async def source_view(datasette, request):
    db = await _database(datasette, request)
    links = _links(datasette, db)
    context = await pages.source_page(
        db, request.url_vars["id"], links["database"], links["timeline"]
    )
    if context is None:
        raise NotFound(f"No source with id {request.url_vars['id']!r}")
    context["review"] = await review_web.source_context(datasette, db, request.url_vars["id"])
    source = context["source"]
    title = source.get("label") or source["title"] or source["id"]
    return await _render(datasette, request, "timeline_source.html", db, context, title)


async def table_csv_view(datasette, request):
    """/<db>/-/export/<table>.csv: see ``table_export``."""
    return await matching_rows_csv(datasette, request, await _database(datasette, request))


async def databases_view(datasette, request):
    """What /-/databases.json shows, without the files' paths on the server."""
    return Response.json(
        [
            {key: value for key, value in database.items() if key != "path"}
            for database in datasette._connected_databases()
        ]
    )


async def map_view(datasette, request):
    db = await _database(datasette, request)
    context = await pages.map_page(db)
    context["markers_json"] = json_for_script(context["markers"])
    context["leaflet_js"] = datasette.urls.static_plugins("datasette-leaflet", "leaflet-v1.7.1.js")
    context["leaflet_css"] = datasette.urls.static_plugins(
        "datasette-leaflet", "leaflet-v1.7.1.css"
    )
    return await _render(datasette, request, "timeline_map.html", db, context, "Map of places")


# -- Links from Datasette's own pages ---------------------------------------------------------


@hookimpl
def menu_links(datasette, actor, request):
    return [{"href": datasette.urls.path("/-/timeline"), "label": "Timeline"}]


@hookimpl
def table_actions(datasette, actor, database, table, request):
    base = datasette.urls.database(database)
    actions = []
    if table in ("events", "timeline"):
        actions.append({"href": f"{base}/-/timeline", "label": "Browse as a timeline"})
    if table == "places":
        actions.append({"href": f"{base}/-/map", "label": "Map of places with their events"})

    async def with_export():
        # Tables only: a view has no rowid to read its rows back by.
        if await datasette.get_database(database).table_exists(table):
            export = export_url(datasette, database, table, request)
            actions.append({"href": export, "label": "Export every matching row as CSV"})
            joiner = "&" if "?" in export else "?"
            actions.append(
                {
                    "href": f"{export}{joiner}{SPREADSHEET_ARGUMENT}=1",
                    "label": "Export every matching row as CSV for spreadsheets "
                    "(no cell runs as a formula)",
                }
            )
        return actions

    return with_export


# -- Output renderers: /<db>/timeline.ics, /<db>/events.timelinejs ---------------------------


def _event_ids(columns, rows, table):
    if "event_id" in columns:
        return [row["event_id"] for row in rows]
    if table == "events" and "id" in columns:
        return [row["id"] for row in rows]
    return None


def _can_render(columns, table):
    return "event_id" in (columns or []) or (table == "events" and "id" in (columns or []))


def _renderer(fmt):
    async def render(datasette, database, columns, rows, table):
        ids = _event_ids(columns, rows, table) or []
        db = datasette.get_database(database)
        queries = event_queries(event_ids=ids)
        results = {
            name: await pages.rows(db, sql, params) for name, (sql, params) in queries.items()
        }
        order = {event_id: index for index, event_id in enumerate(ids)}
        events = sorted(assemble_events(results), key=lambda event: order[event["id"]])
        title = datasette.metadata("title") or "Timeline"
        # Up to max_returned_rows events (1,000 with _size=max): written off the loop.
        text = await asyncio.to_thread(write_events, fmt, events, title)
        return Response(text, content_type=CONTENT_TYPES[fmt])

    return render


@hookimpl
def register_output_renderer(datasette):
    return [
        {"extension": fmt, "render": _renderer(fmt), "can_render": _can_render}
        for fmt in ("timelinejs", "ics")
    ]


# -- Error pages: no SQL, no traceback --------------------------------------------------------


@hookimpl
def handle_exception(datasette, request, exception):
    """A query that ran out of time or size says so in words; the SQL behind a page
    (which QueryInterrupted carries) is not shown to visitors."""
    if isinstance(exception, QueryInterrupted):
        status = 400
        message = (
            f"This took longer than the server's time limit "
            f"({datasette.setting('sql_time_limit_ms')} ms): narrow the filters, or use "
            "`timeline query` / `timeline export` on the command line"
        )
    elif isinstance(exception, ResultTooLarge):
        status, message = 400, str(exception)
    elif isinstance(exception, sqlite3.Error):
        status, message = 500, f"Database error: {exception}"
    else:
        return None

    async def render():
        info = {"ok": False, "error": message, "status": status, "title": None}
        if request.path.split("?")[0].endswith(".json"):
            return Response.json(info, status=status)
        template = datasette.jinja_env.select_template([f"{status}.html", "error.html"])
        context = {
            **info,
            "urls": datasette.urls,
            "app_css_hash": datasette.app_css_hash(),
            "menu_links": lambda: [],
        }
        return Response.html(await template.render_async(context), status=status)

    return render
