"""The one rule for traces far before the rest (core/ingest/gaps.py, review rv9 M5)."""

from __future__ import annotations

from datetime import date, timedelta

from tracetopics_pipeline.core.ingest.gaps import AXIS_GAP_DAYS, stray


def test_stray_counts_the_traces_before_the_last_long_gap() -> None:
    start = date(2026, 11, 1)
    month = {start + timedelta(days=i): 100 for i in range(30)}
    assert stray(month) is None
    old = {date(2025, 11, 24): 1, date(2025, 11, 25): 2}
    far = stray({**old, **month})
    assert far is not None and far.traces == 3
    assert (far.first, far.last, far.rest_first, far.rest_last) == (
        date(2025, 11, 24),
        date(2025, 11, 25),
        start,
        date(2026, 11, 30),
    )
    assert far.describe() == (
        "3 traces dated 2025-11-24 .. 2025-11-25, 340 days without traces before the rest "
        "(2026-11-01 .. 2026-11-30)"
    )
    # Days without traces do not count as days; a gap of AXIS_GAP_DAYS empty days is not one.
    near = {start - timedelta(days=AXIS_GAP_DAYS + 1): 5, date(2024, 1, 1): 0}
    assert stray([*near.items(), *month.items()]) is None
