"""Daily partitions by the UTC date of a trace's `created`, and helpers to read a run's days."""

from __future__ import annotations

import os
from datetime import date, timedelta

import dagster as dg

START_DATE = date.fromisoformat(os.environ.get("TRACETOPICS_START_DATE", "2025-01-01"))

# end_offset=1: today's partition exists, so traces from today land in their own day.
daily_partitions = dg.DailyPartitionsDefinition(
    start_date=START_DATE.isoformat(), timezone="UTC", end_offset=1
)

# Assets that write the warehouse share one pool of size 1 (DuckDB is single-writer).
WAREHOUSE_POOL = "warehouse"


def run_days(context: dg.AssetExecutionContext) -> list[date]:
    """The UTC days a run covers: one partition, or a range in a single-run backfill."""
    window = context.partition_time_window
    first = window.start.date()
    n = (window.end.date() - first).days
    return [first + timedelta(days=i) for i in range(n)]
