"""Days held back for their quarantine rate: one bad day never stops the others.

A day whose share of quarantined input lines is over the threshold
(TRACETOPICS_QUARANTINE_THRESHOLD) is held back: its traces are in `raw_traces`, but facets,
embeddings and classifications skip it, so nothing downstream is built from a day that may be
half broken. The other days of the same run go on. An operator who has looked at the lines
(`tracetopics quarantine --day D`) accepts them: `accept_day` records the day's quarantined
count, and the day passes while it does not grow (a new bad file holds it again).

Rates are read from the tables, so the check, the downstream stages and the CLI agree. A
superseded copy (`NOT_BAD_REASONS`: the same trace sent again) is not a bad line: it counts
towards neither the day's lines nor its quarantined ones.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import duckdb

from tracetopics_pipeline.core.ingest.records import NOT_BAD_REASONS
from tracetopics_pipeline.core.wording import plural

_NOT_BAD = sorted(NOT_BAD_REASONS)


@dataclass(frozen=True)
class DayQuarantine:
    day: date
    lines: int  # input lines attributed to the day: stored traces + quarantined lines
    quarantined: int
    threshold: float
    reasons: dict[str, int] = field(default_factory=dict)  # most frequent first
    accepted: int | None = None  # quarantined count an operator accepted, if any
    superseded: int = 0  # copies replaced by a later copy of the same trace: not counted

    @property
    def rate(self) -> float:
        return self.quarantined / self.lines if self.lines else 0.0

    @property
    def held(self) -> bool:
        over = self.rate > self.threshold
        return over and not (self.accepted is not None and self.quarantined <= self.accepted)

    def summary(self) -> str:
        """'2026-11-14: 5.06% (8 of 158 lines) quarantined, threshold 5.00%; invalid_json 5, ...'"""
        top = ", ".join(f"{r} {n}" for r, n in list(self.reasons.items())[:3])
        again = (
            f" ({plural(self.superseded, 'copy')} sent again, not counted)"
            if self.superseded
            else ""
        )
        return (
            f"{self.day}: {self.rate:.2%} ({self.quarantined:,} of {self.lines:,} lines) "
            f"quarantined, threshold {self.threshold:.2%}" + (f"; {top}" if top else "") + again
        )


def quarantine_by_day(
    conn: duckdb.DuckDBPyConnection, days: Iterable[date], threshold: float
) -> dict[date, DayQuarantine]:
    """Every given day's lines, bad lines by reason, superseded copies and acceptance."""
    wanted = sorted(set(days))
    rows = conn.execute(
        """
        WITH d AS (SELECT unnest($1::DATE[]) AS day),
        t AS (SELECT day, count(*) AS n FROM raw_traces
              WHERE day IN (SELECT day FROM d) GROUP BY day),
        q AS (SELECT day, reason, count(*) AS n FROM quarantine
              WHERE day IN (SELECT day FROM d) AND reason NOT IN (SELECT unnest($2::VARCHAR[]))
              GROUP BY day, reason),
        s AS (SELECT day, count(*) AS n FROM quarantine
              WHERE day IN (SELECT day FROM d) AND reason IN (SELECT unnest($2::VARCHAR[]))
              GROUP BY day),
        a AS (SELECT day, max_by(quarantined, accepted_at) AS n FROM quarantine_accepted
              WHERE day IN (SELECT day FROM d) GROUP BY day)
        SELECT d.day, coalesce(t.n, 0),
               list(struct_pack(reason := q.reason, n := q.n) ORDER BY q.n DESC, q.reason)
                   FILTER (WHERE q.reason IS NOT NULL),
               any_value(a.n), coalesce(any_value(s.n), 0)
        FROM d LEFT JOIN t USING (day) LEFT JOIN q USING (day) LEFT JOIN a USING (day)
            LEFT JOIN s USING (day)
        GROUP BY d.day, t.n ORDER BY d.day
        """,
        [wanted, _NOT_BAD],
    ).fetchall()
    out = {}
    for day, traces, reasons, accepted, superseded in rows:
        by_reason = {r["reason"]: int(r["n"]) for r in reasons or []}
        q = sum(by_reason.values())
        out[day] = DayQuarantine(day, traces + q, q, threshold, by_reason, accepted, superseded)
    return out


def held_days(
    conn: duckdb.DuckDBPyConnection, days: Iterable[date], threshold: float
) -> list[DayQuarantine]:
    """The given days that are held back, in day order."""
    return [d for d in quarantine_by_day(conn, days, threshold).values() if d.held]


def accept_day(conn: duckdb.DuckDBPyConnection, day: date, threshold: float) -> DayQuarantine:
    """Accept the day's quarantined lines as they are now; returns the day's state."""
    conn.execute(
        "INSERT INTO quarantine_accepted (day, quarantined) "
        "SELECT ?, count(*) FROM quarantine WHERE day = ? AND reason NOT IN (SELECT unnest(?))",
        [day, day, _NOT_BAD],
    )
    return quarantine_by_day(conn, [day], threshold)[day]
