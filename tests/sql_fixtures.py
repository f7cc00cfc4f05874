"""Small hand-made warehouses for the SQL and dbt tests: every figure the tests assert can be
worked out by hand from the rows below."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from tracetopics_pipeline.core import warehouse

TASK_LABELS = {0: "Export dashboard to CSV", 1: "Reset password", 2: "Create dataset"}
ISSUE_LABELS = {0: "Failed tool call", 1: "Escalation to human"}
OVERRIDES = {("Task", 2): "Dataset creation"}  # a human rename, applied over the map's label


@dataclass
class T:
    id: str
    created: datetime
    customer: str | None = None
    tier: str | None = None
    tokens: int = 100
    latency: float = 1.0
    sentiment: str | None = None  # label; None = no Sentiment facet row
    task: int | None = None  # topic id; -1 = no_match; None = no Task facet row
    issue: int | None = None  # topic id; -2 = NONE (excluded); None = no Issues facet row
    churn: str | None = None
    competitor: str | None = None
    project: str = "demo"
    messages: list[dict] = field(default_factory=list)


def _facet_rows(t: T) -> list[tuple]:
    day = t.created.date()
    rows = []
    if t.task is not None:
        text = TASK_LABELS.get(t.task, "Something unusual")
        rows.append((day, t.id, "Task", f"{text} ({t.id})", None, "ok"))
    if t.sentiment is not None:
        rows.append(
            (day, t.id, "Sentiment", f"User felt {t.sentiment.lower()}.", t.sentiment, "ok")
        )
    if t.issue is not None:
        if t.issue == -2:
            rows.append((day, t.id, "Issues", "NONE", "NONE", "excluded"))
        else:
            label = "FAILED_TOOL_CALL" if t.issue == 0 else "ESCALATION"
            rows.append((day, t.id, "Issues", f"{ISSUE_LABELS[t.issue]}: detail", label, "ok"))
    if t.churn is not None:
        status = "excluded" if t.churn == "LOW" else "ok"
        rows.append((day, t.id, "Churn risk", f"Churn {t.churn.lower()}.", t.churn, status))
    if t.task is not None:  # every summarized trace has a Competitor mention row
        if t.competitor:
            rows.append(
                (
                    day,
                    t.id,
                    "Competitor mention",
                    f"{t.competitor}: mentions {t.competitor}",
                    None,
                    "ok",
                )
            )
        else:
            rows.append((day, t.id, "Competitor mention", "NONE", None, "excluded"))
    return rows


def _class_rows(t: T, map_day: date) -> list[tuple]:
    day = t.created.date()
    rows = []
    if t.task is not None:
        if t.task < 0:
            rows.append((day, t.id, "Task", -1, "no_match", 0.9, f"Task@{map_day}"))
        else:
            rows.append((day, t.id, "Task", t.task, TASK_LABELS[t.task], 0.1, f"Task@{map_day}"))
    if t.issue is not None and t.issue >= 0:
        rows.append((day, t.id, "Issues", t.issue, ISSUE_LABELS[t.issue], 0.2, f"Issues@{map_day}"))
    return rows


def build(path: Path, traces: list[T]) -> None:
    """Write `traces` (and their facet rows, classifications, topics, overrides) to a warehouse."""
    conn = warehouse.connect(path)
    try:
        map_day = max(t.created for t in traces).date()
        for i, t in enumerate(traces):
            msgs = t.messages or [
                {"role": "user", "content": f"question {t.id}"},
                {"role": "assistant", "content": f"answer {t.id}"},
            ]
            meta = {k: v for k, v in (("customer", t.customer), ("plan_tier", t.tier)) if v}
            conn.execute(
                "INSERT INTO raw_traces (id, day, created, project_id, session_id, input, output,"
                " messages, metadata, metrics, source_file, source_line) VALUES "
                "(?, ?, ?, ?, NULL, ?, ?, ?, ?, {'prompt_tokens': ?, 'completion_tokens': ?,"
                " 'total_tokens': ?, 'latency_s': ?, 'cost_usd': ?}, 'fixture.jsonl', ?)",
                [
                    t.id, t.created.date(), t.created, t.project,
                    json.dumps([m for m in msgs if m["role"] == "user"][:1]),
                    json.dumps([m for m in msgs if m["role"] == "assistant"][-1:]),
                    json.dumps(msgs), json.dumps(meta),
                    t.tokens // 2, t.tokens - t.tokens // 2, t.tokens, t.latency, t.tokens / 1e5,
                    i + 1,
                ],
            )  # fmt: skip
            for row in _facet_rows(t):
                conn.execute(
                    "INSERT INTO facet_summaries (day, trace_id, facet, summary, label, status)"
                    " VALUES (?, ?, ?, ?, ?, ?)",
                    list(row),
                )
            for row in _class_rows(t, map_day):
                conn.execute(
                    "INSERT INTO classifications (day, trace_id, facet, topic_id, label, distance,"
                    " map_id) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    list(row),
                )
        for facet, labels in (("Task", TASK_LABELS), ("Issues", ISSUE_LABELS)):
            map_id = f"{facet}@{map_day}"
            conn.execute(
                "INSERT INTO topic_maps (map_id, facet, day, status) VALUES (?, ?, ?, 'built')",
                [map_id, facet, map_day],
            )
            for topic_id, label in labels.items():
                conn.execute(
                    "INSERT INTO topics (facet, map_id, topic_id, label) VALUES (?, ?, ?, ?)",
                    [facet, map_id, topic_id, label],
                )
        for (facet, topic_id), label in OVERRIDES.items():
            conn.execute(
                "INSERT INTO topic_overrides (facet, topic_id, label) VALUES (?, ?, ?)",
                [facet, topic_id, label],
            )
    finally:
        conn.close()


def _d(day: str, hour: int = 10) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC)


def mart_traces() -> list[T]:
    """Two ISO weeks (2026-W02 from Mon 5 Jan, 2026-W03 from Mon 12 Jan); see test_dbt_marts.py."""
    return [
        T(
            "a1",
            _d("2026-01-05"),
            "acme",
            "enterprise",
            100,
            1.0,
            "NEGATIVE",
            0,
            0,
            "HIGH",
            "Looker",
        ),
        T("a2", _d("2026-01-05"), "acme", "enterprise", 200, 2.0, "POSITIVE", 0, -2, "LOW"),
        T(
            "a3",
            _d("2026-01-05"),
            "beta",
            "free",
            300,
            3.0,
            "NEGATIVE",
            0,
            0,
            "CRITICAL",
            "Tableau",
        ),
        T("a4", _d("2026-01-06"), "beta", "free", 400, 4.0, "NEUTRAL", 1, -2, "LOW"),
        T("a5", _d("2026-01-06"), "gamma", "pro", 500, 5.0, "MIXED", 1, 1, "MEDIUM"),
        T("a6", _d("2026-01-06"), "gamma", "pro", 600, 6.0, "POSITIVE", 1, -2, "LOW"),
        T(
            "a7",
            _d("2026-01-06"),
            "acme",
            "enterprise",
            700,
            7.0,
            "NEGATIVE",
            -1,
            -2,
            "MEDIUM",
            "Looker",
        ),
        T("a8", _d("2026-01-06"), None, None, 800, 8.0, None, 1, None, None),
        T("a9", _d("2026-01-05"), "beta", "free", 100, 1.0, "POSITIVE", 1, -2, "LOW"),
        T("a10", _d("2026-01-06"), "gamma", "pro", 100, 1.0, "POSITIVE", 1, -2, "LOW"),
        T(
            "b1",
            _d("2026-01-12"),
            "acme",
            "enterprise",
            100,
            1.0,
            "NEGATIVE",
            0,
            0,
            "HIGH",
            "Looker",
        ),
        T("b2", _d("2026-01-12"), "beta", "free", 200, 2.0, "POSITIVE", 0, -2, "LOW"),
        T("b3", _d("2026-01-12"), "gamma", "pro", 300, 3.0, "NEGATIVE", 2, 1, "HIGH"),
        T("b4", _d("2026-01-12"), "acme", "enterprise", 400, 4.0, "MIXED", 2, -2, "MEDIUM"),
        T(
            "b5",
            _d("2026-01-13"),
            "beta",
            "free",
            500,
            5.0,
            "NEGATIVE",
            2,
            0,
            "CRITICAL",
            "Tableau",
        ),
        T("b6", _d("2026-01-13"), "gamma", "pro", 600, 6.0, "POSITIVE", 2, -2, "LOW"),
        T("b7", _d("2026-01-13"), "delta", "business", 700, 7.0, "NEUTRAL", 2, -2, "LOW"),
        T("b8", _d("2026-01-13"), "delta", "business", 800, 8.0, "NEUTRAL", 1, -2, "LOW"),
    ]


def recent_traces(now: datetime | None = None) -> list[T]:
    """Traces relative to now, for the seed's `created > now() - interval 7 day` queries."""
    now = now or datetime.now(UTC)
    h = timedelta(hours=1)
    d = timedelta(days=1)
    p = "my-project-id"
    tool_chat = [
        {"role": "user", "content": "Export my dashboard to CSV"},
        {"role": "assistant", "content": None, "tool_calls": [
            {"id": "c1", "type": "function", "function": {"name": "run_export", "arguments": "{}"}}]},
        {"role": "tool", "tool_call_id": "c1", "content": "error: 500"},
        {"role": "assistant", "content": "Sorry, the export failed."},
    ]  # fmt: skip
    return [
        T(
            "s1",
            now - 1 * h,
            "acme",
            "enterprise",
            100,
            1.0,
            "NEGATIVE",
            0,
            0,
            project=p,
            messages=tool_chat,
        ),
        T("s2", now - 2 * h, "beta", "free", 300, 2.0, "NEGATIVE", 0, -2, project=p),
        T("s3", now - 3 * h, "acme", "enterprise", 200, 1.0, "POSITIVE", 0, -2, project=p),
        T("s4", now - 1 * d, "gamma", "pro", 400, 3.0, "MIXED", 2, -2, project=p),
        T("s5", now - 2 * d, "acme", "enterprise", 600, 3.0, "NEGATIVE", 2, 1, project=p),
        T("s6", now - 3 * d, "beta", "free", 50, 1.0, "NEUTRAL", -1, -2, project=p),
        T("s7", now - 10 * d, "acme", "enterprise", 999, 1.0, "NEGATIVE", 0, -2, project=p),
        T("s8", now - 1 * h, "zeta", "pro", 700, 1.0, "NEGATIVE", 0, -2, project="other"),
        T("s9", now - 4 * d, "beta", "free", 80, 1.0, None, 1, None, project=p),
    ]
