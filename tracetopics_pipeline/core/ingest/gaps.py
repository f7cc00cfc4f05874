"""Traces far before the rest: the one rule for a stray old `created` (review rv9 M5).

A trace dated before the last run of more than `AXIS_GAP_DAYS` days without traces is far
before the rest: a year-old stray in a month of traffic. It is landed and kept like any other
trace (it may be a real backfill; nothing is lost), but it is said so: `tracetopics ingest`
warns per file, the run's summary counts them, and the explorer's time axis starts after the
gap and counts them as `before` (docs/operations.md, "A trace long before the rest").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

# What changed's windows (the home's "7 / 14 / 28 days" buttons, served to the page by
# /api/overview as `change_windows`), here because the gap rule is read from them: a gap the
# page's longest comparison could span is not a break.
CHANGE_WINDOWS = (7, 14, 28)
AXIS_GAP_DAYS = max(CHANGE_WINDOWS)


def axis_start(days: list[date]) -> date | None:
    """The first day after the last run of more than `AXIS_GAP_DAYS` days without traces in the
    sorted `days`, or None when there is no such gap: where a time axis starts by default."""
    for prev, day in zip(reversed(days[:-1]), reversed(days[1:]), strict=True):
        if (day - prev).days - 1 > AXIS_GAP_DAYS:
            return day
    return None


@dataclass(frozen=True)
class Stray:
    """Traces dated before the last long gap: how many, their days, and where the rest start."""

    traces: int
    first: date
    last: date
    rest_first: date
    rest_last: date

    @property
    def gap_days(self) -> int:
        return (self.rest_first - self.last).days - 1

    def describe(self, noun: str = "trace") -> str:
        """'1 trace dated 2025-11-24, 341 days without traces before the rest (2026-11-01 ..
        2026-11-30)'"""
        when = f"{self.first}" if self.first == self.last else f"{self.first} .. {self.last}"
        rest = (
            f"{self.rest_first}"
            if self.rest_first == self.rest_last
            else f"{self.rest_first} .. {self.rest_last}"
        )
        s = "" if self.traces == 1 else "s"
        return (
            f"{self.traces:,} {noun}{s} dated {when}, {self.gap_days} days without traces "
            f"before the rest ({rest})"
        )


def stray(per_day: Mapping[date, int] | Iterable[tuple[date, int]]) -> Stray | None:
    """The traces before the last gap of more than `AXIS_GAP_DAYS` empty days, or None."""
    counts = dict(per_day.items() if isinstance(per_day, Mapping) else per_day)
    days = sorted(d for d, n in counts.items() if n)
    start = axis_start(days)
    if start is None:
        return None
    before = [d for d in days if d < start]
    return Stray(sum(counts[d] for d in before), before[0], before[-1], start, days[-1])
