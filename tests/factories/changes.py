"""A warehouse where what changed is known by construction (tests/topics/test_changes.py).

Three weeks of Task classifications with Sentiment and Issues rows: history (2026-02-22..28),
the week before (03-01..07) and the window (03-08..14). Per topic, traces in (history, week
before, window), and in the window how many are negative and how many show an agent issue:

    0 Steady             30 30 30   3 negative, no issues
    1 Growing            10 10 40   4 negative
    2 Fading             40 40 10   1 negative
    3 Brand new           0  0 12   1 negative
    4 Painful, no issue  30 30 30   20 negative, Issues NONE      -> product gap, over-indexed
    5 Tool breaks        30 30 30   12 negative, all with an agent issue; 16 issues in all
                                                                   -> agent failure, over-indexed

Window totals: 152 Task traces (week before: 140). With `two_levels=True` the rows follow
docs two_levels.md: parents 100 (topics 0, 1) and 101 (the rest); classifications carry the
parent in topic_id/label and the fine topic in subtopic_id/subtopic.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import duckdb

from factories import insert_rows
from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.topics.maps import map_id_for

END = date(2026, 3, 14)
LABELS = {
    0: "Steady questions",
    1: "Set up SSO",
    2: "Legacy CSV import",
    3: "AI insights",
    4: "Custom fiscal calendars",
    5: "Scheduled report delivery",
}
PARENTS = {100: ("Account and access", (0, 1)), 101: ("Data and reports", (2, 3, 4, 5))}
# topic: (history, week before, window, negative in window, agent issues in window,
#         of which negative)
PLAN = {
    0: (30, 30, 30, 3, 0, 0),
    1: (10, 10, 40, 4, 0, 0),
    2: (40, 40, 10, 1, 0, 0),
    3: (0, 0, 12, 1, 0, 0),
    4: (30, 30, 30, 20, 0, 0),
    5: (30, 30, 30, 12, 16, 12),
}
WEEKS = (END - timedelta(days=20), END - timedelta(days=13), END - timedelta(days=6))


def parent_of(topic: int) -> int:
    return next(p for p, (_, kids) in PARENTS.items() if topic in kids)


def build_changes_warehouse(path: Path, *, two_levels: bool = False) -> duckdb.DuckDBPyConnection:
    """Write the warehouse above; returns the open connection."""
    conn = warehouse.connect(path)
    if two_levels:
        for sql in (
            "ALTER TABLE topics ADD COLUMN IF NOT EXISTS level VARCHAR DEFAULT 'sub'",
            "ALTER TABLE topics ADD COLUMN IF NOT EXISTS parent_id INTEGER",
            "ALTER TABLE classifications ADD COLUMN IF NOT EXISTS subtopic_id INTEGER",
            "ALTER TABLE classifications ADD COLUMN IF NOT EXISTS subtopic VARCHAR",
        ):
            conn.execute(sql)
    map_id = map_id_for("Task", END)
    cls: list[dict[str, Any]] = []
    facets: list[dict[str, Any]] = []
    for topic, (*counts, negative, issues, negative_issues) in PLAN.items():
        for week, (start, n) in enumerate(zip(WEEKS, counts, strict=True)):
            for i in range(n):
                trace_id = f"t{topic}-w{week}-{i:03d}"
                day = start + timedelta(days=i % 7)
                in_window = week == 2
                neg = in_window and i < negative
                # The negative traces with an issue come first, then issues on positive ones.
                issue = in_window and (
                    i < negative_issues or negative <= i < negative + issues - negative_issues
                )
                row = dict(day=day, trace_id=trace_id, facet="Task", topic_id=topic,
                           label=LABELS[topic], distance=0.1, map_id=map_id)  # fmt: skip
                if two_levels:
                    p = parent_of(topic)
                    row.update(topic_id=p, label=PARENTS[p][0], subtopic_id=topic,
                               subtopic=LABELS[topic])  # fmt: skip
                cls.append(row)
                sentiment = "NEGATIVE" if neg else "POSITIVE"
                facets += [
                    dict(day=day, trace_id=trace_id, facet="Task", status="ok",
                         summary=f"{LABELS[topic]} #{i}"),
                    dict(day=day, trace_id=trace_id, facet="Sentiment", status="ok",
                         summary=f"The user is {sentiment.lower()}", label=sentiment),
                    dict(day=day, trace_id=trace_id, facet="Issues",
                         status="ok" if issue else "excluded",
                         summary="Tool call failed" if issue else "NONE",
                         label="FAILED_TOOL_CALL" if issue else "NONE"),
                ]  # fmt: skip
    insert_rows(conn, "classifications", cls)
    insert_rows(conn, "facet_summaries", facets)
    insert_rows(conn, "topic_maps", [dict(map_id=map_id, facet="Task", day=END, status="built")])
    topics = [
        dict(facet="Task", map_id=map_id, topic_id=t, label=label, size=PLAN[t][2])
        for t, label in LABELS.items()
    ]
    if two_levels:
        for row in topics:
            row.update(level="sub", parent_id=parent_of(row["topic_id"]))
        topics += [
            dict(facet="Task", map_id=map_id, topic_id=p, label=label, level="parent",
                 size=sum(PLAN[t][2] for t in kids))
            for p, (label, kids) in PARENTS.items()
        ]  # fmt: skip
    insert_rows(conn, "topics", topics)
    return conn
