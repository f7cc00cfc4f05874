"""Topics ranked by share, and human overrides (rename / pin).

Counts come from classifications (traces, not unique summaries); labels, keywords and sample
summaries are the topic's latest (ids are stable across maps). Overrides are stored per
(facet, stable topic id) in topic_overrides, applied at once to existing rows and re-applied
by every regeneration (`maps.build_map`), so they survive new maps.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.topics.maps import current_map
from tracetopics_pipeline.core.warehouse import NO_MATCH, NO_MATCH_LABEL, first_row

if TYPE_CHECKING:
    import duckdb


# The latest label, keywords and representatives of every topic id (ids are stable across
# maps, so a trace classified by an older map still shows its topic's current name). Works on
# the warehouse and on the explorer's snapshot, which keep the same table names.
TOPIC_LATEST = """
topic_latest AS (
    SELECT tp.facet, tp.topic_id,
           arg_max(tp.label, k.sort_key) AS label,
           arg_max(tp.keywords, k.sort_key) AS keywords,
           arg_max(tp.representatives, k.sort_key) AS representatives,
           arg_max(coalesce(tp.pinned, false), k.sort_key) AS pinned
    FROM topics tp
    JOIN (SELECT DISTINCT tp2.map_id,
                 coalesce(strftime(m.day, '%Y-%m-%d'), '') || tp2.map_id AS sort_key
          FROM topics tp2 LEFT JOIN topic_maps m ON m.map_id = tp2.map_id) k
      ON k.map_id = tp.map_id
    GROUP BY tp.facet, tp.topic_id
)
"""


def ranked_topics(
    conn: duckdb.DuckDBPyConnection,
    facet: str,
    *,
    within: str | None = None,
    params: Sequence[Any] = (),
    day: date | None = None,
) -> list[dict[str, Any]]:
    """Topics of `facet` ranked by share of its classified traces: the one ranking the CLI, the
    explorer and the roadmap proposal show.

    `within` is a SELECT of trace ids (with its `params`) that narrows the traces, e.g. the
    explorer's filter; `day` keeps one UTC day. Each item: topic_id, label, keywords,
    representatives, pinned, count, share. no_match is an item like the others (callers decide
    whether to show it). Before anything is classified, the current map's topics are ranked by
    their size in the map.
    """
    ids = f"AND c.trace_id IN ({within})" if within else ""
    rows = conn.execute(
        f"""WITH {TOPIC_LATEST.strip()}
        SELECT c.topic_id,
               CASE WHEN c.topic_id = {NO_MATCH} THEN '{NO_MATCH_LABEL}'
                    ELSE coalesce(any_value(tl.label), any_value(c.label)) END AS label,
               coalesce(any_value(tl.keywords), []) AS keywords,
               coalesce(any_value(tl.representatives), []) AS representatives,
               coalesce(any_value(tl.pinned), false) AS pinned,
               count(*) AS count,
               count(*) / sum(count(*)) OVER () AS share
        FROM classifications c
        LEFT JOIN topic_latest tl ON lower(tl.facet) = lower(c.facet) AND tl.topic_id = c.topic_id
        WHERE lower(c.facet) = lower(?) AND (?::DATE IS NULL OR c.day = ?::DATE) {ids}
        GROUP BY c.topic_id
        ORDER BY count DESC, c.topic_id""",
        [facet, day, day, *params],
    )
    cols = [d[0] for d in rows.description]
    items = [dict(zip(cols, r, strict=True)) for r in rows.fetchall()]
    if items or within:
        return items
    map_id = current_map(conn, facet, day)
    if map_id is None:
        return []
    rows = conn.execute(
        """SELECT topic_id, label, coalesce(keywords, []) AS keywords,
                  coalesce(representatives, []) AS representatives,
                  coalesce(pinned, false) AS pinned, size AS count,
                  size / sum(size) OVER () AS share
           FROM topics WHERE map_id = ? ORDER BY size DESC, topic_id""",
        [map_id],
    )
    cols = [d[0] for d in rows.description]
    return [dict(zip(cols, r, strict=True)) for r in rows.fetchall()]


def topic_list(
    conn: duckdb.DuckDBPyConnection, facet: str, day: date | None = None
) -> list[dict[str, Any]]:
    """The CLI's topic list: `ranked_topics` with two sample summaries each, no_match last."""
    items = [
        {**t, "samples": list(t["representatives"])[:2]}
        for t in ranked_topics(conn, facet, day=day)
    ]
    return sorted(items, key=lambda t: t["topic_id"] == NO_MATCH)  # stable: keeps the ranking


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
        "SELECT label, pinned, merged_into FROM topic_overrides WHERE facet = ? AND topic_id = ?",
        [facet, topic_id],
    )
    old_label, old_pinned, merged_into = (
        (row[0], bool(row[1]), row[2]) if row else (None, False, None)
    )
    new_label = (label.strip() or None) if label is not None else old_label
    new_pinned = old_pinned if pinned is None else bool(pinned)
    with warehouse.transaction(conn):
        conn.execute(
            "DELETE FROM topic_overrides WHERE facet = ? AND topic_id = ?", [facet, topic_id]
        )
        conn.execute(
            """INSERT INTO topic_overrides (facet, topic_id, label, pinned, merged_into)
               VALUES (?, ?, ?, ?, ?)""",
            [facet, topic_id, new_label, new_pinned, merged_into],
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
