"""A small, fully known warehouse for the explorer tests, and the published home they serve.

Five Task topics with distinct centres (in the 2-D map and in embedding space), Sentiment
and Issues labels, three customers on three plan tiers, 21 days, tool calls and tool errors.
Trace i has topic i % 6 (5 = no_match) and customer i % 3. Counts are deterministic so tests
can assert exact numbers.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import duckdb
import numpy as np
import polars as pl

from factories import insert_embeddings, insert_rows, insert_traces, trace_record
from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.facets.definitions import text_hash
from tracetopics_pipeline.core.ingest.records import TraceRecord
from tracetopics_pipeline.core.topics.maps import map_id_for
from tracetopics_pipeline.core.warehouse import (
    EMBED_DIM,
    NO_MATCH,
    NO_MATCH_LABEL,
    PACKAGED_MODEL_ID,
)
from tracetopics_pipeline.core.warehouse.snapshot import publish_snapshot

FIRST_DAY = date(2026, 11, 1)
N_DAYS = 21
MAP_DAY = FIRST_DAY + timedelta(days=N_DAYS - 1)
MAP_ID = map_id_for("Task", MAP_DAY)
TOPICS = [
    (0, "Export dashboards to CSV", ["export", "csv", "dashboard"]),
    (1, "Reset account password", ["password", "reset", "login"]),
    (2, "Connect Slack integration", ["slack", "integration", "webhook"]),
    (3, "Cancel or downgrade subscription", ["cancel", "downgrade", "plan"]),
    (4, "Schedule weekly report emails", ["schedule", "report", "email"]),
]
TEXTS = {
    0: "User wants to export a dashboard as a CSV file",
    1: "User cannot log in and asks to reset the account password",
    2: "User tries to connect the Slack integration webhook",
    3: "User asks how to cancel or downgrade the subscription plan",
    4: "User wants weekly report emails on a schedule",
}
NO_MATCH_TEXT = "User says hello and leaves"
CUSTOMERS = [("acme", "enterprise"), ("globex", "pro"), ("initech", "free")]
SENTIMENTS = ["POSITIVE", "NEUTRAL", "NEGATIVE", "MIXED"]


def topic_of(i: int) -> int:
    """The fixture topic of trace i (5 = no_match)."""
    return i % 6


def trace(i: int) -> TraceRecord:
    """Trace i: one user request, a failing tool call every fourth trace, one answer."""
    customer, tier = CUSTOMERS[i % 3]
    day = FIRST_DAY + timedelta(days=i % N_DAYS)
    text = TEXTS.get(topic_of(i), NO_MATCH_TEXT)
    messages = [{"role": "user", "content": f"{text} (request {i})"}]
    if i % 4 == 0:
        messages += [
            {
                "role": "assistant",
                "content": None,
                "tool_calls": [
                    {
                        "id": f"c{i}",
                        "type": "function",
                        "function": {"name": "lookup_account", "arguments": '{"id": 1}'},
                    }
                ],
            },
            {"role": "tool", "tool_call_id": f"c{i}", "content": "Error: timeout after 30s"},
        ]
    messages.append({"role": "assistant", "content": f"Here is how to do it, case {i}."})
    return trace_record(
        f"t-{i:05d}",
        datetime(day.year, day.month, day.day, 10, i % 60, tzinfo=UTC),
        messages,
        project_id="support-agent",
        session_id=f"s-{i // 2}",
        input=messages[:1],
        output=messages[-1:],
        metadata={"customer": customer, "plan_tier": tier, "user_id": f"u{i}"},
        metrics={
            "prompt_tokens": 100 + i,
            "completion_tokens": 20,
            "total_tokens": 120 + i,
            "latency_s": 1.5,
            "cost_usd": 0.001,
        },
        source_line=i + 1,
    )


def build_explorer_warehouse(path: Path, n: int = 600) -> duckdb.DuckDBPyConnection:
    """Write the fixture warehouse of n traces; returns the open connection."""
    rng = np.random.default_rng(7)
    conn = warehouse.connect(path)
    traces = [trace(i) for i in range(n)]
    insert_traces(conn, traces)

    centres_2d = {t: (np.cos(t * 1.25) * 10, np.sin(t * 1.25) * 10) for t in range(6)}
    centres = rng.normal(size=(6, EMBED_DIM))
    facets, cls, vectors = [], [], {}
    for i, r in enumerate(traces):
        t = topic_of(i)
        summary = f"{TEXTS.get(t, NO_MATCH_TEXT)} #{i % 40}"
        if summary not in vectors:
            v = centres[t] + 0.15 * rng.normal(size=EMBED_DIM)
            vectors[summary] = v / np.linalg.norm(v)
        sentiment = SENTIMENTS[2] if t == 3 else SENTIMENTS[i % 2]
        issue = "FAILED_TOOL_CALL" if i % 4 == 0 else "NONE"
        for facet, text, label in (
            ("Task", summary, None),
            ("Sentiment", f"The user is {sentiment.lower()}", sentiment),
            ("Issues", issue.lower(), issue),
        ):
            facets.append(
                dict(
                    day=r.day,
                    trace_id=r.id,
                    facet=facet,
                    summary=text,
                    label=label,
                    status="ok",
                    text_hash=text_hash(text),
                )
            )
        cx, cy = centres_2d[t]
        cls.append(
            dict(
                day=r.day,
                trace_id=r.id,
                facet="Task",
                topic_id=NO_MATCH if t == 5 else t,
                label=NO_MATCH_LABEL if t == 5 else TOPICS[t][1],
                distance=0.6 if t == 5 else 0.1 + (i % 7) / 100,
                map_id=MAP_ID,
                x=float(cx + rng.normal()),
                y=float(cy + rng.normal()),
            )
        )
    insert_rows(conn, "facet_summaries", facets)
    insert_rows(conn, "classifications", cls)
    insert_embeddings(conn, list(vectors), np.asarray(list(vectors.values())))
    n_classified = sum(1 for i in range(n) if topic_of(i) != 5)
    insert_rows(
        conn,
        "topics",
        [
            dict(
                facet="Task",
                map_id=MAP_ID,
                topic_id=t,
                label=label,
                keywords=kw,
                size=n // 6,
                share=(n // 6) / n_classified,
                representatives=[TEXTS[t]],
                x=centres_2d[t][0],
                y=centres_2d[t][1],
            )
            for t, label, kw in TOPICS
        ],
    )
    insert_rows(
        conn,
        "topic_maps",
        [
            dict(
                map_id=MAP_ID,
                facet="Task",
                day=MAP_DAY,
                status="built",
                algorithm="fixture",
                n_docs=200,
                n_topics=5,
                no_match_share=1 / 6,
            )
        ],
    )
    return conn


# Two levels (docs/notes two_levels.md): parents 10-12 over the five fine topics, in the same
# id space. Parent 10 = topics 0 and 4, parent 11 = topics 1 and 3, parent 12 = topic 2.
PARENTS = [
    (10, "Data exports and reports", ["export", "report"], (0, 4)),
    (11, "Account and billing", ["account", "plan"], (1, 3)),
    (12, "Team chat integrations", ["slack", "integration"], (2,)),
]
PARENT_OF = {sub: pid for pid, _, _, subs in PARENTS for sub in subs}


def add_two_levels(conn: duckdb.DuckDBPyConnection) -> None:
    """Turn the one-level fixture into the two-level shape: parent rows in `topics` (level,
    parent_id), classifications keyed by parent with the fine topic in subtopic_id/subtopic,
    topic_points.parent_id. ALTERs are no-ops once the warehouse schema has the columns."""
    for table, column, kind in (
        ("topics", "level", "VARCHAR DEFAULT 'sub'"),
        ("topics", "parent_id", "INTEGER"),
        ("topic_points", "parent_id", "INTEGER"),
        ("classifications", "subtopic_id", "INTEGER"),
        ("classifications", "subtopic", "VARCHAR"),
    ):
        conn.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column} {kind}")
    for sub, pid in PARENT_OF.items():
        conn.execute("UPDATE topics SET parent_id = ? WHERE topic_id = ?", [pid, sub])
    rows = []
    for pid, label, kw, subs in PARENTS:
        size, share, x, y = conn.execute(
            """SELECT sum(size), sum(share), sum(x * size) / sum(size), sum(y * size) / sum(size)
               FROM topics WHERE topic_id IN (SELECT unnest(?::INTEGER[]))""",
            [list(subs)],
        ).fetchall()[0]
        rows.append(
            dict(facet="Task", map_id=MAP_ID, topic_id=pid, label=label, keywords=kw, size=size,
                 share=share, representatives=[TEXTS[subs[0]]], x=x, y=y, level="parent")
        )  # fmt: skip
    insert_rows(conn, "topics", rows)
    conn.execute(
        """UPDATE classifications SET subtopic_id = topic_id, subtopic = label
           WHERE facet = 'Task'"""
    )
    for pid, label, _, subs in PARENTS:
        conn.execute(
            """UPDATE classifications SET topic_id = ?, label = ?
               WHERE facet = 'Task' AND subtopic_id IN (SELECT unnest(?::INTEGER[]))""",
            [pid, label, list(subs)],
        )


def publish_explorer_home(
    home: Path,
    n: int,
    priorities: list[tuple[int, str, float]] | None = None,
    *,
    two_levels: bool = False,
) -> Path:
    """An explorer home: the fixture warehouse in `home`, optionally a topic_priority mart of
    (priority_rank, topic_label, priority_score) rows, published as the current snapshot.
    `two_levels`: with the parents of PARENTS (add_two_levels)."""
    conn = build_explorer_warehouse(home / "warehouse.duckdb", n=n)
    if two_levels:
        add_two_levels(conn)
    if priorities:
        mart = pl.DataFrame(
            priorities, schema=["priority_rank", "topic_label", "priority_score"], orient="row"
        )
        conn.register("_mart", mart)
        conn.execute("CREATE SCHEMA marts")
        conn.execute("CREATE TABLE marts.topic_priority AS SELECT * FROM _mart")
        conn.unregister("_mart")
    publish_snapshot(conn, home / "snapshot", embed_model=PACKAGED_MODEL_ID)
    conn.close()
    return home


# parent id -> (label value, topic name, traces): Medium is the largest, Critical the smallest.
CHURN = {
    0: ("MEDIUM", "Medium churn risk", 30),
    1: ("CRITICAL", "Critical churn risk", 3),
    2: ("HIGH", "High churn risk", 5),
    3: ("LOW", "No churn signal", 60),
}
SEVERE_FIRST = [1, 2, 0, 3]


def churn_home(home: Path) -> Path:
    """The fixture warehouse (120 traces) plus a one-level Churn risk map whose largest topic is
    Medium, published: the list must still put Critical first (severity_order)."""
    conn = build_explorer_warehouse(home / "warehouse.duckdb", n=120)
    map_id = map_id_for("Churn risk", MAP_DAY)
    insert_rows(conn, "topic_maps",
                [dict(map_id=map_id, facet="Churn risk", day=MAP_DAY, status="built")])  # fmt: skip
    insert_rows(conn, "topics", [
        dict(facet="Churn risk", map_id=map_id, topic_id=p, label=name, facet_label=key, size=n)
        for p, (key, name, n) in CHURN.items()])  # fmt: skip
    ids = [r[0] for r in conn.execute("SELECT id FROM raw_traces ORDER BY id").fetchall()]
    rows, sums, i = [], [], 0
    for p, (key, name, n) in CHURN.items():
        for tid in ids[i : i + n]:
            rows.append(dict(day=MAP_DAY, trace_id=tid, facet="Churn risk", topic_id=p,
                             label=name, distance=0.1, map_id=map_id))  # fmt: skip
            sums.append(dict(day=MAP_DAY, trace_id=tid, facet="Churn risk", summary=name,
                             label=key, status="ok", text_hash=text_hash(name)))  # fmt: skip
        i += n
    insert_rows(conn, "classifications", rows)
    insert_rows(conn, "facet_summaries", sums)
    publish_snapshot(conn, home / "snapshot", embed_model=PACKAGED_MODEL_ID)
    conn.close()
    return home


def free_port() -> int:
    """A TCP port free on 127.0.0.1 now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def serving(home: Path) -> Iterator[str]:
    """The explorer app for `home` under uvicorn on a free 127.0.0.1 port, in a thread (real
    HTTP: TestClient decodes paths twice, uvicorn once); yields its base URL, stops on leaving."""
    import uvicorn

    from tracetopics_pipeline.explorer.app import create_app

    port = free_port()
    config = uvicorn.Config(create_app(home), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("explorer did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def publish_issues_home(
    home: Path, n: int = 600, *, labels_kept: bool = True, loops_first: bool = True
) -> Path:
    """The explorer fixture of `n` traces, published in `home`, with an Issues map of three
    labels: trace i failed a call when i % 4 == 0 (and looped too when i % 8 == 0), looped
    alone when i % 4 == 2, else had no problem.
    `labels_kept` False: a warehouse from before facet_summaries.labels, whose Issues summaries
    are the local summarizer's ("Failed tool call: ...; Loop: ..."), so that adding the column
    reads both problems back. `loops_first` False: no trace loops alone (i % 4 == 2 had no
    problem), so LOOP is never a first label and no topic stands for it."""
    conn = build_explorer_warehouse(home / "warehouse.duckdb", n=n)
    alone = "LOOP" if loops_first else "NONE"
    conn.execute(
        """UPDATE facet_summaries SET
             label = CASE WHEN i % 4 = 2 THEN ? ELSE label END,
             labels = CASE WHEN i % 8 = 0 THEN ['FAILED_TOOL_CALL', 'LOOP']
                           WHEN i % 4 = 2 THEN [?] ELSE [label] END
           FROM (SELECT id, row_number() OVER (ORDER BY source_line) - 1 AS i FROM raw_traces) r
           WHERE r.id = facet_summaries.trace_id AND facet = 'Issues'""",
        [alone, alone],
    )
    if not labels_kept:  # what the local summarizer wrote: every problem, first one first
        conn.execute(
            """UPDATE facet_summaries SET backend = 'local', summary = CASE
                 WHEN labels = ['FAILED_TOOL_CALL', 'LOOP']
                   THEN 'Failed tool call: run_export failed; Loop: repeated the same reply'
                 WHEN label = 'FAILED_TOOL_CALL' THEN 'Failed tool call: run_export failed'
                 WHEN label = 'LOOP' THEN 'Loop: repeated the same reply' ELSE summary END
               WHERE facet = 'Issues'"""
        )
    parents = {20: ("Failed tool calls", "FAILED_TOOL_CALL"), 22: ("No issue", "NONE")}
    if loops_first:
        parents[21] = ("Loops", "LOOP")
    for tid, (name, value) in parents.items():  # each parent with one subtopic, id + 10
        conn.execute(
            """INSERT INTO topics (facet, map_id, topic_id, label, level, parent_id, facet_label)
               VALUES ('Issues', 'Issues-fixture', ?, ?, 'parent', NULL, lower(?)),
                      ('Issues', 'Issues-fixture', ? + 10, ?, 'sub', ?, lower(?))""",
            [tid, name, value, tid, name, tid, value],
        )
        conn.execute(
            """INSERT INTO classifications (day, trace_id, facet, topic_id, label, distance,
               map_id, subtopic_id, subtopic)
               SELECT day, trace_id, 'Issues', ?, ?, 0, 'Issues-fixture', ? + 10, ?
               FROM facet_summaries WHERE facet = 'Issues' AND label = ?""",
            [tid, name, tid, name, value],
        )
    conn.execute(
        "INSERT INTO topic_maps (map_id, facet, day, status) "
        "VALUES ('Issues-fixture', 'Issues', DATE '2026-11-21', 'built')"
    )
    if not labels_kept:
        conn.execute("ALTER TABLE facet_summaries DROP COLUMN labels")
    publish_snapshot(conn, home / "snapshot", embed_model=PACKAGED_MODEL_ID)
    conn.close()
    return home
