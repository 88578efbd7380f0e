"""Event exports beyond spreadsheets: nested JSON, TimelineJS JSON and iCalendar (.ics).

Each writer takes the nested event records of ``browse.assemble_events`` and returns
text, so the CLI (``timeline export events --format ...``) and the Datasette plugin
(``/<db>/-/timeline.ics``, ``/<db>/timeline.timelinejs``) give identical files.

Source URLs that are not http(s) (``safe_output.http_url``) are left out of TimelineJS
and iCalendar, which readers click; the nested JSON is data and keeps every value as
stored.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from typing import Any

from ..dates import SEASON_NAMES
from ..safe_output import http_url
from ..web.display import is_season, iso_parts, strip_qualifiers

Row = dict[str, Any]

# Formats only events have; csv and json of every export stay in query.format_rows.
EVENT_FORMATS = ("timelinejs", "ics")
CONTENT_TYPES = {
    "timelinejs": "application/json; charset=utf-8",
    "ics": "text/calendar; charset=utf-8",
    "json": "application/json; charset=utf-8",
}

# Months TimelineJS places a season at (northern hemisphere, meteorological seasons);
# the slide's display_date still says "autumn 2025", so nobody reads a month into it.
SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 2)}


def events_json(events: list[Row]) -> str:
    """The nested records themselves: every event with its actors, sources and quotes."""
    return json.dumps(events, ensure_ascii=False, indent=2) + "\n"


# -- TimelineJS ----------------------------------------------------------------------------


def _timelinejs_date(edtf_part: str, *, end: bool) -> Row:
    """A TimelineJS date object with only the parts the source gives."""
    if is_season(edtf_part):
        plain, _, _ = strip_qualifiers(edtf_part)
        year, code = int(plain[:4]), int(plain[5:7])
        first, last = SEASON_MONTHS[SEASON_NAMES[code]]
        if end and last < first:  # winter runs into the next year
            return {"year": year + 1, "month": last}
        return {"year": year, "month": last if end else first}
    return dict(iso_parts(edtf_part))


def _slide_text(event: Row) -> str:
    """The slide body in HTML: summary, who, where, quotes, and a link to every source."""
    parts = []
    if event["summary"]:
        parts.append(f"<p>{html.escape(event['summary'])}</p>")
    if event["actors"]:
        names = ", ".join(
            f"{html.escape(a['name'])} ({html.escape(', '.join(a['roles']))})"
            for a in event["actors"]
        )
        parts.append(f"<p><strong>Who:</strong> {names}</p>")
    if event["place"]:
        parts.append(f"<p><strong>Where:</strong> {html.escape(event['place']['name'])}</p>")
    for quote in event["quotes"]:
        speaker = quote["speaker_name"] or "unattributed"
        parts.append(
            f"<blockquote>“{html.escape(quote['text'])}” — {html.escape(speaker)}</blockquote>"
        )
    date = event["date"]
    if date["inferred"] and date["reasoning"]:
        parts.append(f"<p><em>Date inferred:</em> {html.escape(date['reasoning'])}</p>")
    links = []
    for source in event["sources"]:
        label = html.escape(
            f"{source['publisher'] or '?'}: {source['title'] or source['source_id']}"
        )
        url = http_url(source["url"])
        links.append(f'<a href="{html.escape(url)}">{label}</a>' if url else label)
    if links:
        parts.append("<p><strong>Sources:</strong> " + "; ".join(dict.fromkeys(links)) + "</p>")
    return "\n".join(parts)


def timelinejs(events: list[Row], title: str = "Timeline") -> str:
    """Knight Lab TimelineJS3 JSON: one slide per event, grouped by event type.

    Month and day are left out when the source does not give them; seasons are placed
    at their months and labelled with ``display_date`` ("autumn 2025").
    """
    slides = []
    for event in events:
        date = event["date"]
        plain, _, _ = strip_qualifiers(date["edtf"])
        parts = plain.split("/")
        headline = event["title"]
        if event["status"] != "happened":
            headline = f"{headline} ({event['status']})"
        slide = {
            "unique_id": event["id"],
            "start_date": {
                **_timelinejs_date(parts[0], end=False),
                "display_date": date["display"],
            },
            "display_date": date["display"],
            "text": {"headline": html.escape(headline), "text": _slide_text(event)},
            "group": event["type"].replace("_", " "),
        }
        if len(parts) == 2 or is_season(parts[0]):
            slide["end_date"] = _timelinejs_date(parts[-1], end=True)
        slides.append(slide)
    sources = {s["source_id"] for event in events for s in event["sources"]}
    document = {
        "title": {
            "text": {
                "headline": html.escape(title),
                "text": f"<p>{len(events)} events from {len(sources)} sources.</p>",
            }
        },
        "events": slides,
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


# -- iCalendar (RFC 5545) ------------------------------------------------------------------


# Control characters have no place in a TEXT value (RFC 5545 3.3.11, 3.1: only HTAB
# among them); line separators a parser might split on become escaped newlines.
_ICS_NEWLINES = re.compile(r"\r\n|[\r\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_ICS_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")


def _ics_escape(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and newline escaped,
    control characters dropped, so no value can end its line or start a property."""
    text = _ICS_CONTROLS.sub("", _ICS_NEWLINES.sub("\n", str(text)))
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines longer than 75 octets continue on the next line after a space (RFC 5545 3.1),
    never splitting a UTF-8 character."""
    out, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > 75:
            out.append(current)
            current, size = " ", 1
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def _ics_description(event: Row) -> str:
    date = event["date"]
    lines = [f"Date: {date['display']} ({date['precision']})"]
    if date["expression"]:
        lines.append(f"The source says: “{date['expression']}”")
    if date["inferred"] and date["reasoning"]:
        lines.append(f"Date inferred: {date['reasoning']}")
    if event["status"] != "happened":
        lines.append(f"Status: {event['status']}")
    if event["summary"]:
        lines += ["", event["summary"]]
    if event["actors"]:
        names = "; ".join(f"{a['name']} ({', '.join(a['roles'])})" for a in event["actors"])
        lines += ["", f"Who: {names}"]
    for quote in event["quotes"]:
        lines.append(f"“{quote['text']}” — {quote['speaker_name'] or 'unattributed'}")
    if event["sources"]:
        lines += ["", "Sources:"]
        for source in event["sources"]:
            label = f"{source['publisher'] or '?'}: {source['title'] or source['source_id']}"
            url = http_url(source["url"])
            lines.append(f"- {label}" + (f" <{url}>" if url else ""))
            lines.append(f"  “{source['excerpt']}”")
    return "\n".join(lines)


def ics(events: list[Row], *, name: str = "Timeline", stamp: dt.datetime | None = None) -> str:
    """An iCalendar file: one all-day VEVENT per event, from its first to its last day.

    UIDs come from event ids, so re-importing an updated export updates events instead of
    duplicating them. Events vaguer than a day are marked TRANSP:TRANSPARENT (they do not
    block a calendar) and say their real precision in the description.
    """
    stamp = (stamp or dt.datetime.now(dt.UTC)).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//timeline//timeline export//EN",
        "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{_ics_escape(name)}",
    ]
    for event in events:
        date = event["date"]
        start = dt.date.fromisoformat(date["start"])
        end = dt.date.fromisoformat(date["end"]) + dt.timedelta(days=1)
        summary = (
            event["title"]
            if event["status"] == "happened"
            else (f"{event['title']} ({event['status']})")
        )
        lines += [
            "BEGIN:VEVENT",
            f"UID:{_ics_escape(event['id'])}@timeline",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
            f"DTEND;VALUE=DATE:{end:%Y%m%d}",
            f"SUMMARY:{_ics_escape(summary)}",
            f"DESCRIPTION:{_ics_escape(_ics_description(event))}",
            f"CATEGORIES:{_ics_escape(event['type'])}",
            "STATUS:" + ("CONFIRMED" if event["status"] == "happened" else "TENTATIVE"),
            "TRANSP:" + ("OPAQUE" if date["precision"] == "day" else "TRANSPARENT"),
        ]
        place = event["place"]
        if place:
            lines.append(f"LOCATION:{_ics_escape(place['name'])}")
            if place["latitude"] is not None and place["longitude"] is not None:
                lines.append(f"GEO:{place['latitude']};{place['longitude']}")
        # A URI value is not escaped (RFC 5545 3.3.13): http_url admits no whitespace
        # or control character, so none can end the line.
        urls = [url for s in event["sources"] if (url := http_url(s["url"]))]
        if urls:
            lines.append(f"URL:{urls[0]}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def write_events(fmt: str, events: list[Row], title: str = "Timeline") -> str:
    if fmt == "timelinejs":
        return timelinejs(events, title)
    if fmt == "ics":
        return ics(events, name=title)
    if fmt == "json":
        return events_json(events)
    raise KeyError(fmt)


def export_events(fmt: str, db: str | None = None) -> tuple[str, int]:
    """(text, number of events) of every event in one of ``EVENT_FORMATS`` (the CLI's entry)."""
    from ..web.browse import load_events

    events = load_events(db)
    return write_events(fmt, events), len(events)
