"""A small, fully known warehouse for the explorer tests, written with the real schema.

Five Task topics with distinct centres (in the 2-D map and in embedding space), Sentiment
and Issues labels, three customers on three plan tiers, 21 days, tool calls and tool errors.
Counts are deterministic so tests can assert exact numbers.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import numpy as np
import polars as pl

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.warehouse import EMBED_DIM

FIRST_DAY = date(2026, 11, 1)
N_DAYS = 21
MAP_ID = f"Task@{FIRST_DAY + timedelta(days=N_DAYS - 1)}"
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
CUSTOMERS = [("acme", "enterprise"), ("globex", "pro"), ("initech", "free")]
SENTIMENTS = ["POSITIVE", "NEUTRAL", "NEGATIVE", "MIXED"]


def trace_rows(n: int = 600) -> list[dict]:
    """The fixture's traces: trace i has topic i % 6 (5 = no_match), customer i % 3."""
    out = []
    for i in range(n):
        topic = i % 6
        customer, tier = CUSTOMERS[i % 3]
        day = FIRST_DAY + timedelta(days=i % N_DAYS)
        created = datetime(day.year, day.month, day.day, 10, i % 60, tzinfo=UTC)
        text = TEXTS.get(topic, "User says hello and leaves")
        messages = [
            {"role": "user", "content": f"{text} (request {i})"},
        ]
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
        out.append(
            {
                "id": f"t-{i:05d}",
                "day": day,
                "created": created,
                "project_id": "support-agent",
                "session_id": f"s-{i // 2}",
                "input": json.dumps(messages[:1]),
                "output": json.dumps(messages[-1:]),
                "messages": json.dumps(messages),
                "metadata": json.dumps(
                    {"customer": customer, "plan_tier": tier, "user_id": f"u{i}"}
                ),
                "metrics": {
                    "prompt_tokens": 100 + i,
                    "completion_tokens": 20,
                    "total_tokens": 120 + i,
                    "latency_s": 1.5,
                    "cost_usd": 0.001,
                },
                "metrics_raw": json.dumps({"total_tokens": 120 + i}),
                "source_file": "fixture.jsonl",
                "source_line": i + 1,
                "topic": topic,
            }
        )
    return out


def build_warehouse(path: Path, n: int = 600) -> dict:
    """Write the fixture warehouse; returns the rows for assertions."""
    rng = np.random.default_rng(7)
    rows = trace_rows(n)
    conn = warehouse.connect(path)
    raw = pl.DataFrame([{k: v for k, v in r.items() if k != "topic"} for r in rows])
    warehouse.insert_frame(conn, "raw_traces", raw)

    centres_2d = {t: (np.cos(t * 1.25) * 10, np.sin(t * 1.25) * 10) for t in range(6)}
    centres = rng.normal(size=(6, EMBED_DIM))
    facets, cls, emb = [], [], {}
    for i, r in enumerate(rows):
        t = r["topic"]
        summary = f"{TEXTS.get(t, 'User says hello and leaves')} #{i % 40}"
        h = f"h-{t}-{i % 40}"
        if h not in emb:
            v = centres[t] + 0.15 * rng.normal(size=EMBED_DIM)
            emb[h] = (summary, (v / np.linalg.norm(v)).astype(np.float32).tolist())
        sentiment = SENTIMENTS[2] if t == 3 else SENTIMENTS[i % 2]
        issue = "FAILED_TOOL_CALL" if i % 4 == 0 else "NONE"
        facets += [
            dict(
                day=r["day"],
                trace_id=r["id"],
                facet="Task",
                summary=summary,
                label=None,
                status="ok",
                text_hash=h,
            ),
            dict(
                day=r["day"],
                trace_id=r["id"],
                facet="Sentiment",
                summary=f"The user is {sentiment.lower()}",
                label=sentiment,
                status="ok",
                text_hash=f"s-{sentiment}",
            ),
            dict(
                day=r["day"],
                trace_id=r["id"],
                facet="Issues",
                summary=issue.lower(),
                label=issue,
                status="ok",
                text_hash=f"i-{issue}",
            ),
        ]
        cx, cy = centres_2d[t]
        cls.append(
            dict(
                day=r["day"],
                trace_id=r["id"],
                facet="Task",
                topic_id=-1 if t == 5 else t,
                label="no_match" if t == 5 else TOPICS[t][1],
                distance=0.6 if t == 5 else 0.1 + (i % 7) / 100,
                map_id=MAP_ID,
                x=float(cx + rng.normal()),
                y=float(cy + rng.normal()),
            )
        )
    warehouse.insert_frame(conn, "facet_summaries", pl.DataFrame(facets))
    warehouse.insert_frame(conn, "classifications", pl.DataFrame(cls))
    warehouse.insert_frame(
        conn,
        "summary_embeddings",
        pl.DataFrame(
            [
                {"text_hash": h, "model": "all-MiniLM-L6-v2", "text": s, "embedding": v}
                for h, (s, v) in emb.items()
            ],
            schema_overrides={"embedding": pl.Array(pl.Float32, EMBED_DIM)},
        ),
    )
    n_classified = sum(1 for r in rows if r["topic"] != 5)
    warehouse.insert_frame(
        conn,
        "topics",
        pl.DataFrame(
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
            ]
        ),
    )
    warehouse.insert_frame(
        conn,
        "topic_maps",
        pl.DataFrame(
            [
                dict(
                    map_id=MAP_ID,
                    facet="Task",
                    day=FIRST_DAY + timedelta(days=N_DAYS - 1),
                    status="built",
                    algorithm="fixture",
                    n_docs=200,
                    n_topics=5,
                    no_match_share=1 / 6,
                )
            ]
        ),
    )
    return {"conn": conn, "rows": rows}
