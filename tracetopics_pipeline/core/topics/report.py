"""The topic list view (ranked by share) and human overrides (rename / pin).

Counts come from classifications (traces, not unique summaries); the labels, keywords and
sample summaries come from the map those classifications used. Overrides are stored per
(facet, stable topic id) in topic_overrides, applied at once to existing rows and re-applied
by every regeneration (topic_maps._apply_overrides), so they survive new maps.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.topics.maps import current_map
from tracetopics_pipeline.core.warehouse import first_row

if TYPE_CHECKING:
    import duckdb


def topic_list(
    conn: duckdb.DuckDBPyConnection, facet: str, day: date | None = None
) -> list[dict[str, Any]]:
    """Topics of `facet` ranked by share of classified traces (of `day`, or of all days).

    Each item: topic_id, label, count, share, keywords, samples (two summaries), pinned.
    no_match comes last. Falls back to the map's own sizes when nothing is classified yet.
    """
    map_id = current_map(conn, facet, day)
    if day is not None:  # the map the day was actually classified with, when there is one
        used = first_row(
            conn,
            """SELECT map_id FROM classifications WHERE facet = ? AND day = ?
               GROUP BY map_id ORDER BY count(*) DESC, map_id DESC LIMIT 1""",
            [facet, day],
        )
        map_id = used[0] if used else map_id
    if map_id is None:
        return []
    topics = conn.execute(
        """SELECT topic_id, label, keywords, representatives, size, coalesce(pinned, false)
           FROM topics WHERE map_id = ?""",
        [map_id],
    ).fetchall()
    # Ids are stable across maps, so counts are by topic id over the requested days; rows of
    # topics that no longer exist in this map (vanished) are left out of the shares.
    counts = conn.execute(
        """SELECT topic_id, count(*) AS n FROM classifications
           WHERE facet = ? AND (?::DATE IS NULL OR day = ?::DATE)
           GROUP BY topic_id""",
        [facet, day, day],
    ).fetchall()
    known = {int(t[0]) for t in topics} | {-1}
    by_id = {int(t): n for t, n in counts if int(t) in known}
    use_sizes = not by_id
    total = sum(by_id.values()) if by_id else sum(int(t[4] or 0) for t in topics)
    items: list[dict[str, Any]] = []
    for tid, label, kws, reps, size, pinned in topics:
        n = int(size or 0) if use_sizes else by_id.get(int(tid), 0)
        items.append(
            {
                "topic_id": int(tid),
                "label": label,
                "count": n,
                "share": n / total if total else 0.0,
                "keywords": list(kws or []),
                "samples": list(reps or [])[:2],
                "pinned": bool(pinned),
                "map_id": map_id,
            }
        )
    items.sort(key=lambda d: (-d["count"], d["topic_id"]))
    if by_id.get(-1):
        n = by_id[-1]
        items.append(
            {
                "topic_id": -1, "label": "no_match", "count": n, "share": n / total,
                "keywords": [], "samples": [], "pinned": False, "map_id": map_id,
            }
        )  # fmt: skip
    return items


def set_topic_override(
    conn: duckdb.DuckDBPyConnection,
    facet: str,
    topic_id: int,
    *,
    label: str | None = None,
    pinned: bool | None = None,
) -> dict[str, Any]:
    """Rename and/or (un)pin a topic; unspecified fields keep their stored value.

    Returns the stored override. The new label shows at once in topics and classifications.
    """
    row = first_row(
        conn,
        "SELECT label, pinned FROM topic_overrides WHERE facet = ? AND topic_id = ?",
        [facet, topic_id],
    )
    old_label, old_pinned = (row[0], bool(row[1])) if row else (None, False)
    new_label = (label.strip() or None) if label is not None else old_label
    new_pinned = old_pinned if pinned is None else bool(pinned)
    with warehouse.transaction(conn):
        conn.execute(
            "DELETE FROM topic_overrides WHERE facet = ? AND topic_id = ?", [facet, topic_id]
        )
        conn.execute(
            "INSERT INTO topic_overrides (facet, topic_id, label, pinned) VALUES (?, ?, ?, ?)",
            [facet, topic_id, new_label, new_pinned],
        )
        conn.execute(
            "UPDATE topics SET pinned = ? WHERE facet = ? AND topic_id = ?",
            [new_pinned, facet, topic_id],
        )
        if new_label:
            conn.execute(
                """UPDATE topics SET label = ?, label_source = 'override'
                   WHERE facet = ? AND topic_id = ?""",
                [new_label, facet, topic_id],
            )
            conn.execute(
                "UPDATE classifications SET label = ? WHERE facet = ? AND topic_id = ?",
                [new_label, facet, topic_id],
            )
    return {"facet": facet, "topic_id": topic_id, "label": new_label, "pinned": new_pinned}
