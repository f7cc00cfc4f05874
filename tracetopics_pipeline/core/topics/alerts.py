"""Roadmap alerts: a topic that is new in today's map, or one whose weekly share jumps.

Alerts are idempotent (keyed by what they say), so re-running never repeats one.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from tracetopics_pipeline.core.warehouse import NO_MATCH

DDL = """
CREATE TABLE IF NOT EXISTS topic_alerts (
    alert_id VARCHAR PRIMARY KEY,
    facet VARCHAR, topic_id INTEGER, label VARCHAR,
    kind VARCHAR,            -- new_topic | growing
    detail VARCHAR,
    value DOUBLE,
    created_at TIMESTAMPTZ DEFAULT current_timestamp
)
"""


@dataclass
class Alert:
    alert_id: str
    facet: str
    topic_id: int
    label: str
    kind: str
    detail: str
    value: float


def detect_alerts(
    conn: duckdb.DuckDBPyConnection, *, growth_factor: float = 1.5, min_volume: int = 20
) -> list[Alert]:
    """Record new alerts in `topic_alerts` and return them (already-recorded ones are skipped)."""
    conn.execute(DDL)
    new_topics = conn.execute(
        """
        WITH latest AS (SELECT facet, max(day) AS day FROM topic_maps
                        WHERE status = 'built' GROUP BY facet),
             current_maps AS (SELECT m.facet, m.map_id FROM topic_maps m
                              JOIN latest USING (facet, day) WHERE m.prev_map_id IS NOT NULL)
        SELECT 'new:' || l.map_id || ':' || l.topic_id, l.facet, l.topic_id, t.label,
               'new_topic', 'new in map ' || l.map_id || ' (' || t.size || ' summaries)', t.share
        FROM topic_lineage l JOIN current_maps USING (facet, map_id)
        JOIN topics t ON t.map_id = l.map_id AND t.topic_id = l.topic_id
        WHERE l.kind = 'new'
        """
    ).fetchall()
    has_trends = conn.execute(
        "SELECT count(*) FROM information_schema.tables "
        "WHERE table_schema = 'marts' AND table_name = 'topic_trends'"
    ).fetchone()[0]
    growing = []
    if has_trends:
        growing = conn.execute(
            """
            WITH weekly AS (
                SELECT facet, topic_id, any_value(topic_label) AS label, iso_week,
                       sum(volume) AS volume, any_value(week_share) AS share
                FROM marts.topic_trends WHERE topic_id <> $no_match
                GROUP BY facet, topic_id, iso_week),
            ranked AS (
                SELECT *, lag(share) OVER (PARTITION BY facet, topic_id ORDER BY iso_week) AS prev,
                       row_number() OVER (PARTITION BY facet, topic_id ORDER BY iso_week DESC) AS rn
                FROM weekly)
            SELECT 'growing:' || facet || ':' || topic_id || ':' || iso_week, facet, topic_id, label,
                   'growing', printf('week %s share %.1f%% vs %.1f%% the week before', iso_week,
                                     100 * share, 100 * prev), share / prev
            FROM ranked
            WHERE rn <= 2 AND prev > 0 AND volume >= $min_volume AND share / prev >= $factor
            """,
            {"min_volume": min_volume, "factor": growth_factor, "no_match": NO_MATCH},
        ).fetchall()
    fresh = [
        Alert(*row)
        for row in [*new_topics, *growing]
        if not conn.execute("SELECT 1 FROM topic_alerts WHERE alert_id = ?", [row[0]]).fetchone()
    ]
    for a in fresh:
        conn.execute(
            "INSERT INTO topic_alerts (alert_id, facet, topic_id, label, kind, detail, value) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [a.alert_id, a.facet, a.topic_id, a.label, a.kind, a.detail, a.value],
        )
    return fresh
