"""The review queue: articles with extracted rows nobody has reviewed yet.

Ordered so that a reviewer's first hour fixes the most rows: articles whose extracted
actors are cited most across the whole database come first (a wrong speaker who is
cited fifty times matters more than one cited once), then the articles with the most
unreviewed rows.
"""

from __future__ import annotations

from ..web.pages import rows

QUEUE_LENGTH = 200

_EXTRACTED_PER_SOURCE = """
SELECT source_id, sum(quotes) AS quotes, sum(events) AS events FROM (
  SELECT source_id, count(*) AS quotes, 0 AS events FROM quotes
  WHERE origin = 'extracted' GROUP BY source_id
  UNION ALL
  SELECT es.source_id, 0, count(DISTINCT es.event_id) FROM event_sources es
  JOIN events e ON e.id = es.event_id WHERE e.origin = 'extracted' GROUP BY es.source_id
) GROUP BY source_id
"""

_ACTORS_PER_SOURCE = """
SELECT source_id, actor_id FROM (
  SELECT source_id, speaker_id AS actor_id FROM quotes
  WHERE origin = 'extracted' AND speaker_id IS NOT NULL
  UNION
  SELECT es.source_id, ea.actor_id FROM event_actors ea
  JOIN event_sources es ON es.event_id = ea.event_id WHERE ea.origin = 'extracted'
)
"""

_CITATIONS = """
SELECT a.id, a.name, a.origin, count(*) AS citations FROM (
  SELECT speaker_id AS actor_id FROM quotes WHERE speaker_id IS NOT NULL
  UNION ALL SELECT actor_id FROM event_actors
) cited JOIN actors a ON a.id = cited.actor_id GROUP BY a.id
"""


async def review_queue(db) -> list[dict]:
    """One row per article with unreviewed extracted rows, in review order."""
    counts = {row["source_id"]: row for row in await rows(db, _EXTRACTED_PER_SOURCE)}
    if not counts:
        return []
    citations = {row["id"]: row for row in await rows(db, _CITATIONS)}
    actors: dict[str, list[dict]] = {}
    for row in await rows(db, _ACTORS_PER_SOURCE):
        if row["actor_id"] in citations:
            actors.setdefault(row["source_id"], []).append(citations[row["actor_id"]])
    sources = {
        row["id"]: row
        for row in await rows(
            db,
            "SELECT s.id, s.title, s.label, s.publisher, s.published, "
            "r.source_id IS NOT NULL AS under_review FROM sources s "
            "LEFT JOIN reviews r ON r.source_id = s.id",
        )
    }
    queue = []
    for source_id, count in counts.items():
        cited = sorted(actors.get(source_id, []), key=lambda a: (-a["citations"], a["name"]))
        source = sources.get(source_id, {"id": source_id})
        queue.append(
            {
                **source,
                "quotes": count["quotes"],
                "events": count["events"],
                "actors": cited[:5],
                "top_citations": cited[0]["citations"] if cited else 0,
            }
        )
    queue.sort(key=lambda a: (-a["top_citations"], -(a["quotes"] + a["events"]), a["id"]))
    return queue[:QUEUE_LENGTH]
