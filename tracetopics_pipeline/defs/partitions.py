"""Daily partitions by the UTC date of a trace's `created`, the warehouse pool, and what every
asset shares: owners, a stage tag, and the decorator of the daily tables.

The first partition is TRACETOPICS_START_DATE when set, else the earliest day the landing files
touch (read from the landing index when the code location loads), else today: a new install
shows the days it has data for, not hundreds of empty ones. Dagster's partitions definitions
are fixed when the code location loads, so data that lands later for an even earlier day
needs a reload (the landing sensor says so); `tracetopics run` loads them afresh every time.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import dagster as dg
import duckdb

from tracetopics_pipeline.core.ingest import holds, landing
from tracetopics_pipeline.core.settings import Settings, paths


def first_partition_day(settings: Settings | None = None) -> date:
    """TRACETOPICS_START_DATE when set; else the earliest landed day; else today (UTC)."""
    settings = settings or Settings.from_env()
    if settings.start_date is not None:
        return settings.start_date
    earliest = landing.earliest_day(paths().landing)
    return earliest or datetime.now(UTC).date()


START_DATE: date = first_partition_day()

# end_offset=1: today's partition exists, so traces from today land in their own day.
daily_partitions = dg.DailyPartitionsDefinition(
    start_date=START_DATE.isoformat(), timezone="UTC", end_offset=1
)

# Assets that write the warehouse share one pool of size 1 (DuckDB is single-writer).
WAREHOUSE_POOL = "warehouse"
# Daily tables readers rely on: fail their freshness after a missed daily run.
DAILY_FRESHNESS = dg.FreshnessPolicy.time_window(fail_window=timedelta(hours=26))


# Who answers for the pipeline's assets in the Dagster UI; a deployment edits this one line.
OWNERS = ["team:product-insights"]


def stage_tags(stage: str) -> dict[str, str]:
    """Tags that let the UI filter assets by pipeline stage (ingest, facets, topics, ...)."""
    return {"tracetopics/stage": stage}


def daily_asset(**kwargs: Any) -> Any:
    """`dg.asset` for a day-partitioned warehouse table: daily partitions, a single run per
    backfill (unless given), the warehouse pool, python + duckdb kinds, owners and the stage
    tag (its group)."""
    kwargs.setdefault("backfill_policy", dg.BackfillPolicy.single_run())
    kwargs.setdefault("owners", OWNERS)
    kwargs.setdefault("tags", stage_tags(kwargs["group_name"]))
    kwargs["kinds"] = {"python", "duckdb", *kwargs.get("kinds", ())}
    return dg.asset(partitions_def=daily_partitions, pool=WAREHOUSE_POOL, **kwargs)


def run_days(context: dg.AssetExecutionContext) -> list[date]:
    """The UTC days a run covers: one partition, or a range in a single-run backfill."""
    window = context.partition_time_window
    first = window.start.date()
    n = (window.end.date() - first).days
    return [first + timedelta(days=i) for i in range(n)]


def released_days(context: dg.AssetExecutionContext, conn: duckdb.DuckDBPyConnection) -> list[date]:
    """The run's days less those held back for their quarantine rate (core/ingest/holds.py):
    what the assets downstream of raw_traces build. Says which days are held and why."""
    days = run_days(context)
    held = holds.held_days(conn, days, Settings.from_env().quarantine_rate_threshold)
    for h in held:
        context.log.warning(f"held back {h.summary()} — see `tracetopics quarantine --day {h.day}`")
    skip = {h.day for h in held}
    return [d for d in days if d not in skip]
