"""The filters every view shares, turned into one parameterized SQL fragment.

Values never enter SQL text: each condition is a fixed template with `?` placeholders, so no
request can inject SQL. The fragment selects the ids of the matching traces (`ft`), which
every query joins.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any


@dataclass(frozen=True)
class LabelFilter:
    facet: str
    label: str


@dataclass(frozen=True)
class TopicFilter:
    facet: str
    topic_id: int


@dataclass(frozen=True)
class TraceFilter:
    """A subset of traces. Empty lists mean "any"; several values of one kind are OR-ed."""

    date_from: date | None = None
    date_to: date | None = None
    customers: tuple[str, ...] = ()
    plan_tiers: tuple[str, ...] = ()
    labels: tuple[LabelFilter, ...] = ()
    topics: tuple[TopicFilter, ...] = ()
    trace_ids: tuple[str, ...] = field(default=())

    def is_empty(self) -> bool:
        return not any(
            (
                self.date_from,
                self.date_to,
                self.customers,
                self.plan_tiers,
                self.labels,
                self.topics,
                self.trace_ids,
            )
        )

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["date_from"] = self.date_from.isoformat() if self.date_from else None
        d["date_to"] = self.date_to.isoformat() if self.date_to else None
        return d

    def sql(self) -> tuple[str, list[Any]]:
        """`SELECT id FROM trace_index t WHERE ...` and its parameters."""
        where: list[str] = []
        params: list[Any] = []
        if self.date_from:
            where.append("t.day >= ?")
            params.append(self.date_from)
        if self.date_to:
            where.append("t.day <= ?")
            params.append(self.date_to)
        if self.customers:
            where.append("t.customer IN (SELECT unnest(?::VARCHAR[]))")
            params.append(list(self.customers))
        if self.plan_tiers:
            where.append("t.plan_tier IN (SELECT unnest(?::VARCHAR[]))")
            params.append(list(self.plan_tiers))
        if self.trace_ids:
            where.append("t.id IN (SELECT unnest(?::VARCHAR[]))")
            params.append(list(self.trace_ids))
        # Labels: OR within a facet, AND across facets (Sentiment NEGATIVE or MIXED, and
        # Churn risk HIGH).
        by_facet: dict[str, list[str]] = {}
        for lf in self.labels:
            by_facet.setdefault(lf.facet, []).append(lf.label)
        for facet, labels in by_facet.items():
            where.append(
                "t.id IN (SELECT trace_id FROM facets WHERE lower(facet) = lower(?) "
                "AND label IN (SELECT unnest(?::VARCHAR[])))"
            )
            params += [facet, labels]
        topics_by_facet: dict[str, list[int]] = {}
        for tf in self.topics:
            topics_by_facet.setdefault(tf.facet, []).append(tf.topic_id)
        # A topic id names a parent or a subtopic (one id space per facet): either matches, OR-ed
        # within a facet, except that a subtopic narrows its own parent (drilled into a parent,
        # the page sends both; "parent or its child" would be the whole parent).
        for facet, ids in topics_by_facet.items():
            where.append(
                "t.id IN (SELECT trace_id FROM classifications WHERE lower(facet) = lower(?) "
                "AND (subtopic_id IN (SELECT unnest(?::INTEGER[])) "
                "OR (topic_id IN (SELECT unnest(?::INTEGER[])) AND topic_id NOT IN ("
                "SELECT topic_id FROM classifications WHERE lower(facet) = lower(?) "
                "AND topic_id IS NOT NULL AND subtopic_id IN (SELECT unnest(?::INTEGER[]))))))"
            )
            params += [facet, ids, ids, facet, ids]
        sql = "SELECT t.id FROM trace_index t"
        if where:
            sql += " WHERE " + " AND ".join(where)
        return sql, params


def parse_filter(
    date_from: str | None = None,
    date_to: str | None = None,
    customer: list[str] | None = None,
    plan_tier: list[str] | None = None,
    label: list[str] | None = None,
    topic: list[str] | None = None,
    trace_id: list[str] | None = None,
) -> TraceFilter:
    """Build a filter from query-string values (or a POST body's, `bodies.FilterBody`):
    label=Sentiment:NEGATIVE, topic=Task:3."""

    def pairs(values: list[str] | None, what: str) -> list[tuple[str, str]]:
        out = []
        for v in values or []:
            facet, sep, rest = v.partition(":")
            if not sep or not facet or rest == "":
                raise ValueError(f"{what} must look like Facet:value, got {v!r}")
            out.append((facet, rest))
        return out

    def day(v: str | None, what: str) -> date | None:
        try:
            return date.fromisoformat(v) if v else None
        except ValueError:
            raise ValueError(f"{what} must be a date like 2026-11-30, got {v!r}") from None

    def topic_id(v: str) -> int:
        try:
            n = int(v)
        except ValueError:
            raise ValueError(f"a topic id is a whole number (topic=Task:3), got {v!r}") from None
        if not -(2**31) <= n < 2**31:
            raise ValueError(f"topic id {v} is out of range")
        return n

    start, end = day(date_from, "date_from"), day(date_to, "date_to")
    if start and end and start > end:
        raise ValueError(f"date_from {start} is after date_to {end}")
    return TraceFilter(
        date_from=start,
        date_to=end,
        customers=tuple(c for c in customer or [] if c),
        plan_tiers=tuple(p for p in plan_tier or [] if p),
        labels=tuple(LabelFilter(f, v) for f, v in pairs(label, "label")),
        topics=tuple(TopicFilter(f, topic_id(v)) for f, v in pairs(topic, "topic")),
        trace_ids=tuple(t for t in trace_id or [] if t),
    )
