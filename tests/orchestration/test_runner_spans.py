"""How `tracetopics run` cuts the days it is given into range runs."""

from __future__ import annotations

from datetime import date, timedelta

from tracetopics_pipeline.runner import SPAN_GAP_DAYS, day_spans

D = date(2026, 11, 1)


def test_nearby_days_run_as_one_range_and_far_ones_apart() -> None:
    days = [D, D + timedelta(days=1), D + timedelta(days=3)]  # one gap of a day: one range
    assert day_spans(days) == [(D, D + timedelta(days=3), 3)]
    far = date(2001, 1, 1)  # one stray old trace is its own one-day run, not 9,000 days
    assert day_spans([*days, far, D]) == [(far, far, 1), (D, D + timedelta(days=3), 3)]
    edge = D + timedelta(days=3 + SPAN_GAP_DAYS)
    assert day_spans([*days, edge])[-1] == (D, edge, 4)
    assert len(day_spans([*days, edge + timedelta(days=1)])) == 2
    assert day_spans([]) == []
