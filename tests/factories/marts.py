"""Small hand-made warehouses for the SQL and dbt tests: every figure the tests assert can be
worked out by hand from the rows below."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from factories import insert_rows, insert_traces, trace_record
from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.ingest.records import TraceRecord
from tracetopics_pipeline.core.topics.maps import map_id_for
from tracetopics_pipeline.core.warehouse import NO_MATCH, NO_MATCH_LABEL

# Two levels (docs/two_levels): parent topics, and fine topics (subtopics) under them, in one id
# space per facet. A trace's `task` is its parent; its subtopic is `task_sub` or the parent's
# first subtopic.
TASK_LABELS = {0: "Export dashboard to CSV", 1: "Reset password", 2: "Create dataset"}
TASK_SUBS = {
    10: (0, "CSV export of one dashboard"),
    11: (0, "Scheduled dashboard export"),
    20: (1, "Password reset email"),
    30: (2, "Dataset from CSV upload"),
    31: (2, "Dataset from a SQL query"),
}
# Issues is a labelled facet: one parent per label value (facet_label), the default label NONE
# a parent of its own ("No issue"); a trace's issue -2 is that NONE parent.
ISSUE_LABELS = {0: "Failed tool call", 1: "Escalation to human", 5: "No issue"}
ISSUE_KEYS = {0: "failed_tool_call", 1: "escalation", 5: "none"}  # maps.parent_key
ISSUE_SUBS = {
    40: (0, "Export tool returned 500"),
    41: (1, "Handed to a human"),
    45: (5, "No issue"),
}
NO_ISSUE = 5
OVERRIDES = {  # human renames, applied over the map's labels (a parent and a subtopic)
    ("Task", 2): "Dataset creation",
    ("Task", 30): "Dataset from CSV files",
}


@dataclass
class T:
    id: str
    created: datetime
    customer: str | None = None
    tier: str | None = None
    tokens: int = 100
    latency: float = 1.0
    sentiment: str | None = None  # label; None = no Sentiment facet row
    task: int | None = None  # parent topic id; -1 = no_match; None = no Task facet row
    issue: int | None = None  # topic id; -2 = NONE (excluded); None = no Issues facet row
    churn: str | None = None
    competitor: str | None = None
    project: str = "demo"
    messages: list[dict] = field(default_factory=list)
    task_sub: int | None = None  # subtopic id under `task`; None = the parent's first
    also: tuple[str, ...] = ()  # Issues labels after the first (facet_summaries.labels)


def _first_sub(subs: dict[int, tuple[int, str]], parent: int) -> int:
    return min(s for s, (p, _) in subs.items() if p == parent)


def _facet_rows(t: T) -> list[dict[str, Any]]:
    def row(facet: str, summary: str, label: str | None, status: str = "ok") -> dict[str, Any]:
        also = list(t.also) if facet == "Issues" else []
        return dict(
            day=t.created.date(),
            trace_id=t.id,
            facet=facet,
            summary=summary,
            label=label,
            labels=None if label is None else [label, *also],
            status=status,
        )

    rows = []
    if t.task is not None:
        rows.append(row("Task", f"{TASK_LABELS.get(t.task, 'Something unusual')} ({t.id})", None))
    if t.sentiment is not None:
        rows.append(row("Sentiment", f"User felt {t.sentiment.lower()}.", t.sentiment))
    if t.issue is not None:
        if t.issue == -2:
            rows.append(row("Issues", "NONE", "NONE", "excluded"))
        else:
            label = "FAILED_TOOL_CALL" if t.issue == 0 else "ESCALATION"
            rows.append(row("Issues", f"{ISSUE_LABELS[t.issue]}: detail", label))
    if t.churn is not None:
        status = "excluded" if t.churn == "LOW" else "ok"
        rows.append(row("Churn risk", f"Churn {t.churn.lower()}.", t.churn, status))
    if t.task is not None:  # every summarized trace has a Competitor mention row
        if t.competitor:
            mention = f"{t.competitor}: mentions {t.competitor}"
            rows.append(row("Competitor mention", mention, None))
        else:
            rows.append(row("Competitor mention", "NONE", None, "excluded"))
    return rows


def _class_rows(
    t: T,
    map_day: date,
    labels: dict[int, str] = TASK_LABELS,
    subs: dict[int, tuple[int, str]] = TASK_SUBS,
) -> list[dict[str, Any]]:
    def row(facet: str, topic_id: int, label: str, sub: int, sub_label: str, distance: float):
        return dict(
            day=t.created.date(),
            trace_id=t.id,
            facet=facet,
            topic_id=topic_id,
            label=label,
            subtopic_id=sub,
            subtopic=sub_label,
            distance=distance,
            map_id=map_id_for(facet, map_day),
        )

    rows = []
    if t.task is not None:
        if t.task < 0:
            rows.append(row("Task", NO_MATCH, NO_MATCH_LABEL, NO_MATCH, NO_MATCH_LABEL, 0.9))
        else:
            sub = t.task_sub if t.task_sub is not None else _first_sub(subs, t.task)
            rows.append(row("Task", t.task, labels[t.task], sub, subs[sub][1], 0.1))
    if t.issue is not None:
        parent = NO_ISSUE if t.issue == -2 else t.issue
        sub = _first_sub(ISSUE_SUBS, parent)
        rows.append(row("Issues", parent, ISSUE_LABELS[parent], sub, ISSUE_SUBS[sub][1], 0.2))
    return rows


def _topic_rows(
    facet: str,
    map_id: str,
    parents: dict[int, str],
    subs: dict[int, tuple[int, str]],
    keys: dict[int, str] | None = None,
) -> list[dict[str, Any]]:
    keys = keys or {}
    return [
        dict(facet=facet, map_id=map_id, topic_id=p, label=label, level="parent",
             facet_label=keys.get(p))
        for p, label in parents.items()
    ] + [
        dict(facet=facet, map_id=map_id, topic_id=s, label=label, level="sub", parent_id=p,
             facet_label=keys.get(p))
        for s, (p, label) in subs.items()
    ]  # fmt: skip


def _record(t: T, line: int) -> TraceRecord:
    msgs = t.messages or [
        {"role": "user", "content": f"question {t.id}"},
        {"role": "assistant", "content": f"answer {t.id}"},
    ]
    return trace_record(
        t.id,
        t.created,
        msgs,
        project_id=t.project,
        input=[m for m in msgs if m["role"] == "user"][:1],
        output=[m for m in msgs if m["role"] == "assistant"][-1:],
        metadata={k: v for k, v in (("customer", t.customer), ("plan_tier", t.tier)) if v},
        metrics={
            "prompt_tokens": t.tokens // 2,
            "completion_tokens": t.tokens - t.tokens // 2,
            "total_tokens": t.tokens,
            "latency_s": t.latency,
            "cost_usd": t.tokens / 1e5,
        },
        source_line=line,
    )


def build_marts_warehouse(
    path: Path,
    traces: list[T],
    task_labels: dict[int, str] = TASK_LABELS,
    task_subs: dict[int, tuple[int, str]] = TASK_SUBS,
) -> None:
    """Write `traces` (and their facet rows, classifications, topics, overrides) to a warehouse;
    `task_labels` / `task_subs`: the Task map's parents and subtopics."""
    conn = warehouse.connect(path)
    try:
        map_day = max(t.created for t in traces).date()
        insert_traces(conn, [_record(t, i + 1) for i, t in enumerate(traces)])
        insert_rows(conn, "facet_summaries", [r for t in traces for r in _facet_rows(t)])
        insert_rows(
            conn,
            "classifications",
            [r for t in traces for r in _class_rows(t, map_day, task_labels, task_subs)],
        )
        maps = (
            ("Task", task_labels, task_subs, None),
            ("Issues", ISSUE_LABELS, ISSUE_SUBS, ISSUE_KEYS),
        )
        for facet, parents, subs, keys in maps:
            map_id = map_id_for(facet, map_day)
            insert_rows(
                conn, "topic_maps", [dict(map_id=map_id, facet=facet, day=map_day, status="built")]
            )
            insert_rows(conn, "topics", _topic_rows(facet, map_id, parents, subs, keys))
        insert_rows(
            conn,
            "topic_overrides",
            [
                dict(facet=f, topic_id=topic_id, label=label)
                for (f, topic_id), label in OVERRIDES.items()
            ],
        )
    finally:
        conn.close()


def _d(day: str, hour: int = 10) -> datetime:
    return datetime.fromisoformat(day).replace(hour=hour, tzinfo=UTC)


def mart_traces() -> list[T]:
    """Two ISO weeks (2026-W02 from Mon 5 Jan, 2026-W03 from Mon 12 Jan); see test_dbt_marts.py."""
    # fmt: off
    # id, created, customer, tier, tokens, latency, sentiment, task, issue, churn, competitor
    return [
        T("a1", _d("2026-01-05"), "acme", "enterprise", 100, 1.0, "NEGATIVE", 0, 0, "HIGH",
          "Looker", also=("LOOP",)),  # a failed call, then a loop: counted once, listed twice
        T("a2", _d("2026-01-05"), "acme", "enterprise", 200, 2.0, "POSITIVE", 0, -2, "LOW"),
        T("a3", _d("2026-01-05"), "beta", "free", 300, 3.0, "NEGATIVE", 0, 0, "CRITICAL",
          "Tableau", task_sub=11),
        T("a4", _d("2026-01-06"), "beta", "free", 400, 4.0, "NEUTRAL", 1, -2, "LOW"),
        T("a5", _d("2026-01-06"), "gamma", "pro", 500, 5.0, "MIXED", 1, 1, "MEDIUM",
          also=("FAILED_TOOL_CALL",)),
        T("a6", _d("2026-01-06"), "gamma", "pro", 600, 6.0, "POSITIVE", 1, -2, "LOW"),
        T("a7", _d("2026-01-06"), "acme", "enterprise", 700, 7.0, "NEGATIVE", -1, -2, "MEDIUM",
          "Looker"),
        T("a8", _d("2026-01-06"), None, None, 800, 8.0, None, 1, None, None),
        T("a9", _d("2026-01-05"), "beta", "free", 100, 1.0, "POSITIVE", 1, -2, "LOW"),
        T("a10", _d("2026-01-06"), "gamma", "pro", 100, 1.0, "POSITIVE", 1, -2, "LOW"),
        T("b1", _d("2026-01-12"), "acme", "enterprise", 100, 1.0, "NEGATIVE", 0, 0, "HIGH",
          "Looker"),
        T("b2", _d("2026-01-12"), "beta", "free", 200, 2.0, "POSITIVE", 0, -2, "LOW"),
        T("b3", _d("2026-01-12"), "gamma", "pro", 300, 3.0, "NEGATIVE", 2, 1, "HIGH"),
        T("b4", _d("2026-01-12"), "acme", "enterprise", 400, 4.0, "MIXED", 2, -2, "MEDIUM"),
        T("b5", _d("2026-01-13"), "beta", "free", 500, 5.0, "NEGATIVE", 2, 0, "CRITICAL",
          "Tableau", task_sub=31),
        # b6, b7: subtopic 31 too (b3, b4 stay in 30)
        T("b6", _d("2026-01-13"), "gamma", "pro", 600, 6.0, "POSITIVE", 2, -2, "LOW",
          task_sub=31),
        T("b7", _d("2026-01-13"), "delta", "business", 700, 7.0, "NEUTRAL", 2, -2, "LOW",
          task_sub=31),
        T("b8", _d("2026-01-13"), "delta", "business", 800, 8.0, "NEUTRAL", 1, -2, "LOW"),
    ]
    # fmt: on


def recent_traces(now: datetime | None = None) -> list[T]:
    """Traces relative to now, for the seed's `created > now() - interval 7 day` queries."""
    now = now or datetime.now(UTC)
    h = timedelta(hours=1)
    d = timedelta(days=1)
    p = "my-project-id"
    tool_chat = [
        {"role": "user", "content": "Export my dashboard to CSV"},
        {"role": "assistant", "content": None, "tool_calls": [
            {"id": "c1", "type": "function",
             "function": {"name": "run_export", "arguments": "{}"}}]},
        {"role": "tool", "tool_call_id": "c1", "content": "error: 500"},
        {"role": "assistant", "content": "Sorry, the export failed."},
    ]  # fmt: skip
    # fmt: off
    return [
        T("s1", now - 1 * h, "acme", "enterprise", 100, 1.0, "NEGATIVE", 0, 0, project=p,
          messages=tool_chat),
        T("s2", now - 2 * h, "beta", "free", 300, 2.0, "NEGATIVE", 0, -2, project=p),
        T("s3", now - 3 * h, "acme", "enterprise", 200, 1.0, "POSITIVE", 0, -2, project=p),
        T("s4", now - 1 * d, "gamma", "pro", 400, 3.0, "MIXED", 2, -2, project=p),
        T("s5", now - 2 * d, "acme", "enterprise", 600, 3.0, "NEGATIVE", 2, 1, project=p,
          also=("FAILED_TOOL_CALL",)),  # escalated after a failed call
        T("s6", now - 3 * d, "beta", "free", 50, 1.0, "NEUTRAL", -1, -2, project=p),
        T("s7", now - 10 * d, "acme", "enterprise", 999, 1.0, "NEGATIVE", 0, -2, project=p),
        T("s8", now - 1 * h, "zeta", "pro", 700, 1.0, "NEGATIVE", 0, -2, project="other"),
        T("s9", now - 4 * d, "beta", "free", 80, 1.0, None, 1, None, project=p),
    ]
    # fmt: on


# Traces a day per Task topic in each of three ISO weeks (2026-W02..W04, Mon 5 Jan to Sun 25
# Jan), before the seeded jitter: topic 1 grows a little (+50 % in W03: past the marts' former
# ±20 % on 5 traces, not significant), then clearly (W04); topic 2 fades in W04; no_match keeps
# a trace a day. Issues: every fourth trace a failed tool call, topic 0's W04 all of them.
TREND_WEEKS = {0: (12, 12, 12), 1: (4, 6, 11), 2: (8, 8, 3), -1: (1, 1, 1)}


def trend_traces(seed: int = 5) -> list[T]:
    """Three weeks of generated traffic with growing, fading and merely noisy topics: the one
    trend rule's test home (test_dbt_marts.py)."""
    import random

    rng = random.Random(seed)
    out: list[T] = []
    start = date(2026, 1, 5)
    for d in range(21):
        day = start + timedelta(days=d)
        for topic, per_week in TREND_WEEKS.items():
            n = max(0, per_week[d // 7] + rng.choice((-1, 0, 0, 1)))
            for i in range(n):
                tid = f"g{d}-{topic}-{i}"
                failed = (topic == 0 and d >= 14) or rng.random() < 0.25
                out.append(
                    T(
                        tid,
                        datetime(day.year, day.month, day.day, 8 + i % 12, tzinfo=UTC),
                        f"c{rng.randint(0, 9)}",
                        rng.choice(("free", "pro", "enterprise")),
                        sentiment=rng.choice(("POSITIVE", "NEUTRAL", "NEGATIVE")),
                        task=topic,
                        issue=0 if failed else -2,
                    )  # fmt: skip
                )
    return out


# The gap rule's test home: many Task topics, each with its own mix over the last 7 days (and a
# week before): (traces a day, negative share, share of the negative traces with an agent
# issue, share of the other traces with one).
GAP_TOPICS = {
    0: ("Calm topic", 8, 0.15, 0.3, 0.2),
    1: ("Calm topic two", 8, 0.15, 0.3, 0.2),
    2: ("Calm topic three", 8, 0.15, 0.3, 0.2),
    3: ("Calm topic four", 8, 0.15, 0.3, 0.2),
    4: ("Product gap", 5, 0.8, 0.1, 0.2),
    5: ("Product gap two", 4, 0.75, 0.05, 0.2),
    6: ("Agent failure", 5, 0.8, 0.95, 0.6),
    7: ("Agent failure two", 4, 0.7, 0.9, 0.7),
    8: ("Both sides", 5, 0.8, 0.5, 0.2),
    9: ("A handful, product side", 1, 0.9, 0.1, 0.2),  # too few on the side
    10: ("Agent issues as everywhere", 5, 0.7, 0.8, 0.2),
    11: ("Few read by Issues", 1, 0.5, 0.5, 0.2),
}


def gap_traces(seed: int = 11, days: int = 14, end: date = date(2026, 3, 15)) -> list[T]:
    """`days` of generated traffic ending on `end` over GAP_TOPICS (and some no_match)."""
    import random

    rng = random.Random(seed)
    out: list[T] = []
    for d in range(days):
        day = end - timedelta(days=days - 1 - d)
        for topic, (_, per_day, neg, agent_neg, agent_calm) in [
            *GAP_TOPICS.items(),
            (-1, ("", 2, 0.3, 0.5, 0.3)),
        ]:
            for i in range(max(0, per_day + rng.choice((-1, 0, 1)))):
                negative = rng.random() < neg
                failed = rng.random() < (agent_neg if negative else agent_calm)
                out.append(
                    T(
                        f"gap{d}-{topic}-{i}",
                        datetime(day.year, day.month, day.day, 8 + i % 12, tzinfo=UTC),
                        f"c{rng.randint(0, 9)}",
                        rng.choice(("free", "pro", "enterprise")),
                        sentiment=(
                            rng.choice(("NEGATIVE", "MIXED"))
                            if negative
                            else rng.choice(("POSITIVE", "NEUTRAL"))
                        ),
                        task=topic,
                        issue=rng.choice((0, 1)) if failed else -2,
                    )  # fmt: skip
                )
    return out


GAP_LABELS = {t: label for t, (label, *_) in GAP_TOPICS.items()}
GAP_SUBS = {100 + t: (t, f"{label} (sub)") for t, label in GAP_LABELS.items()}


# The "new topic" home (test_dbt_marts.py): trend_traces() plus topic 3, first seen on the last
# three days (Fri 23 to Sun 25 Jan), topic 4, seen in W02, absent in W03 and back in W04
# (returning), and topic 5, seen in W02 only (older than the window: not new).
NEW_LABELS = {**TASK_LABELS, 3: "Billing export", 4: "Invoice PDF", 5: "Legacy SSO"}
NEW_SUBS = {**TASK_SUBS, 35: (3, "Billing export to CSV"), 36: (4, "Invoice PDF download"),
            37: (5, "Legacy SSO login")}  # fmt: skip


def new_topic_traces(seed: int = 5) -> list[T]:
    """trend_traces(seed) with a new (3), a returning (4) and a gone (5) Task topic."""
    out = trend_traces(seed)
    extra = {3: {date(2026, 1, d): 4 for d in (23, 24, 25)},
             4: {**{date(2026, 1, d): 2 for d in (6, 7, 8)},
                 **{date(2026, 1, d): 3 for d in (20, 22)}},
             5: {date(2026, 1, d): 2 for d in (5, 6, 7)}}  # fmt: skip
    for topic, days in extra.items():
        for day, n in days.items():
            for i in range(n):
                out.append(T(f"x{day.day}-{topic}-{i}",
                             datetime(day.year, day.month, day.day, 9 + i, tzinfo=UTC),
                             "c1", "pro", sentiment="NEUTRAL", task=topic, issue=-2))  # fmt: skip
    return out


def random_trend_home(rng: Any, name: str, first: date, weeks: int) -> list[tuple[date, int]]:
    """One small random home's traffic: (day, topic) per trace over `weeks` weeks from `first`,
    2-7 topics each on a random course (steady, growing, fading, first seen late, gone for a
    week and back, gone), and some no_match. Days without traffic come from the caller."""
    days = [first + timedelta(days=d) for d in range(7 * weeks)]
    out: list[tuple[date, int]] = []
    for topic in range(rng.randint(2, 7)):
        course = rng.choice(("steady", "growing", "fading", "late", "gap", "gone", "tiny"))
        base = rng.choice((1, 2, 3, 5, 8))
        start = rng.randrange(len(days))
        gap = rng.randrange(weeks)
        for i, day in enumerate(days):
            week = i // 7
            rate = {
                "steady": base,
                "growing": base * (1 + week),
                "fading": base * max(0, weeks - 1 - week),
                "late": base if i >= start else 0,
                "gap": 0 if week == gap else base,
                "gone": base if i < start else 0,
                "tiny": 1 if rng.random() < 0.3 else 0,
            }[course]
            n = max(0, rate + rng.choice((-1, 0, 0, 1))) if rate else 0
            out += [(day, topic)] * n
    out += [(d, NO_MATCH) for d in days if rng.random() < 0.5]
    return out
