"""The Datasette plugin: timeline, actor, source and map pages, event exports, and the
route and link to a fast CSV export of any table (/<database>/-/export/<table>.csv,
built in ``table_export``).

Registered through the ``datasette`` entry point, so it is active under ``timeline
serve`` and under a plain ``datasette timeline.db`` alike. Pages live under
``/<database>/-/`` and only answer for databases that hold a timeline (an events table).

Datasette finds a plugin's ``templates/`` and ``static/`` only when the plugin is a
package; on Python 3.11 a module plugin gets neither, so this module adds the package's
folders itself (Jinja loader and one static route).
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

from datasette import hookimpl
from datasette.utils.asgi import NotFound, Response, asgi_static
from jinja2 import ChoiceLoader, FileSystemLoader

from . import pages
from .browse import Page, TimelineFilters, assemble_events, event_queries
from .formats import CONTENT_TYPES, write_events
from .table_export import export_url, matching_rows_csv

PACKAGE = Path(__file__).parent
STATIC = PACKAGE / "static"
TEMPLATES = PACKAGE / "templates"
PLUGIN_NAME = "timeline"
DOWNLOADS = (("json", "JSON"), ("timelinejs", "TimelineJS"), ("ics", "iCalendar"))


@hookimpl
def prepare_jinja2_environment(env, datasette):
    env.loader = ChoiceLoader([FileSystemLoader(str(TEMPLATES)), env.loader])


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
    events = await pages.load_events(db, filters)
    fmt = request.url_vars["format"]
    title = datasette.metadata("title") or "Timeline"
    headers = {}
    if fmt == "ics":
        headers["content-disposition"] = f'attachment; filename="{db.name}-timeline.ics"'
    return Response(
        write_events(fmt, events, title),
        content_type=CONTENT_TYPES[fmt],
        headers=headers,
    )


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
    title = context["source"]["title"] or context["source"]["id"]
    return await _render(datasette, request, "timeline_source.html", db, context, title)


async def table_csv_view(datasette, request):
    """/<db>/-/export/<table>.csv: see ``table_export``."""
    return await matching_rows_csv(datasette, request, await _database(datasette, request))


async def map_view(datasette, request):
    db = await _database(datasette, request)
    context = await pages.map_page(db)
    context["markers_json"] = json.dumps(context["markers"], ensure_ascii=False).replace(
        "</", "<\\/"
    )
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
        return Response(
            write_events(fmt, events, datasette.metadata("title") or "Timeline"),
            content_type=CONTENT_TYPES[fmt],
        )

    return render


@hookimpl
def register_output_renderer(datasette):
    return [
        {"extension": fmt, "render": _renderer(fmt), "can_render": _can_render}
        for fmt in ("timelinejs", "ics")
    ]
