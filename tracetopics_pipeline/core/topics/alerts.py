"""Roadmap alerts: a selection of what changed (`changes.compute_changes`), recorded once.

New topics, topics whose share of their facet grew past `growth_factor` on at least
`min_volume` traces, and Task topics whose negative share over-indexes on at least `min_volume`
traces: the same facts the digest and the explorer's home show, never a second computation.
Alerts are idempotent (keyed by what they say and the ISO week), so re-running never repeats one.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from tracetopics_pipeline.core.topics.changes import Changes, Fact, Thresholds, compute_changes

DDL = """
CREATE TABLE IF NOT EXISTS topic_alerts (
    alert_id VARCHAR PRIMARY KEY,
    facet VARCHAR, topic_id INTEGER, label VARCHAR,
    kind VARCHAR,            -- new_topic | growing | negative
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
    parent_id: int | None = None  # a subtopic's parent (not stored: how the console groups)
    name: str = ""  # the topic's own name, without "(in its parent)"


# Good news is not a warning: the console says these plainly and warns of the rest (pain).
NEUTRAL_KINDS = frozenset({"new_topic", "growing"})


def alert_lines(found: list[Alert]) -> list[tuple[bool, str]]:
    """(is a warning, line) for each alert, in order: a subtopic alerted with its parent (same
    facet and kind) is said once, indented under the parent by its own name, not again as
    'X (in Parent)' beside it."""
    parents = {(a.facet, a.kind, a.topic_id) for a in found if a.parent_id is None}
    under: dict[tuple[str, str, int], list[Alert]] = {}
    for a in found:
        if a.parent_id is not None and (a.facet, a.kind, a.parent_id) in parents:
            under.setdefault((a.facet, a.kind, a.parent_id), []).append(a)
    grouped = {id(a) for kids in under.values() for a in kids}
    out: list[tuple[bool, str]] = []
    for a in found:
        if id(a) in grouped:
            continue
        warn = a.kind not in NEUTRAL_KINDS
        out.append((warn, f"[{a.kind}] {a.facet} topic {a.topic_id} '{a.label}': {a.detail}"))
        for k in under.get((a.facet, a.kind, a.topic_id), []):
            out.append((warn, f"    subtopic {k.topic_id} '{k.name or k.label}': {k.detail}"))
    return out


def select_alerts(
    changes: Changes, *, growth_factor: float, min_volume: int, task_facet: str = "Task"
) -> list[Alert]:
    """The facts worth an alert, keyed so that the same news is recorded once. Pain alerts are
    for intents (the Task facet): a Churn risk or Issues topic is negative by construction."""
    if changes.end is None:
        return []
    year, week, _ = changes.end.isocalendar()
    iso_week = f"{year}-W{week:02d}"

    def alert(f: Fact, kind: str, value: float, *, weekly: bool = True) -> Alert:
        key = f"{kind}:{f.facet}:{f.level}:{f.topic_id}" + (f":{iso_week}" if weekly else "")
        label = (
            f"{f.label} (in {f.parent_label})" if f.parent_label not in (None, f.label) else f.label
        )
        parent = f.parent_id if f.level == "sub" else None
        return Alert(key, f.facet, f.topic_id, label, kind, f.why, value, parent, f.label)

    s = changes.sections
    return [
        *(alert(f, "new_topic", f.numbers["share"], weekly=False) for f in s["new"]),
        *(
            alert(f, "growing", f.numbers["share"] / f.numbers["prev_share"])
            for f in s["growing"]
            if f.traces >= min_volume
            and f.numbers["share"] >= growth_factor * f.numbers["prev_share"]
        ),
        *(
            alert(f, "negative", f.numbers["lift"])
            for f in s["over_indexed"]
            if f.kind == "negative"
            and f.facet.lower() == task_facet.lower()
            and f.traces >= min_volume
        ),
    ]


def detect_alerts(
    conn: duckdb.DuckDBPyConnection, *, growth_factor: float = 1.5, min_volume: int = 20
) -> list[Alert]:
    """Record new alerts in `topic_alerts` and return them (already-recorded ones are skipped)."""
    conn.execute(DDL)
    changes = compute_changes(conn, since_days=7, thresholds=Thresholds(limit=1_000_000))
    found = select_alerts(changes, growth_factor=growth_factor, min_volume=min_volume)
    fresh = [
        a
        for a in found
        if not conn.execute(
            "SELECT 1 FROM topic_alerts WHERE alert_id = ?", [a.alert_id]
        ).fetchone()
    ]
    for a in fresh:
        conn.execute(
            "INSERT INTO topic_alerts (alert_id, facet, topic_id, label, kind, detail, value) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [a.alert_id, a.facet, a.topic_id, a.label, a.kind, a.detail, a.value],
        )
    return fresh
