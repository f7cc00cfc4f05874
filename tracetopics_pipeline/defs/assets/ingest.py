"""raw_traces: the landing folder parsed into one row per trace, bad lines quarantined."""

import dagster as dg
from dagster_duckdb import DuckDBResource

from tracetopics_pipeline.core.ingest import holds
from tracetopics_pipeline.core.ingest.stage import ingest_days
from tracetopics_pipeline.core.settings import Settings, paths
from tracetopics_pipeline.core.warehouse import quality
from tracetopics_pipeline.defs.partitions import DAILY_FRESHNESS, daily_asset, run_days


@daily_asset(
    group_name="ingest",
    freshness_policy=DAILY_FRESHNESS,
    check_specs=[
        dg.AssetCheckSpec(
            "quarantine_rate",
            asset="raw_traces",
            description="Each day's share of quarantined input lines stays under "
            "TRACETOPICS_QUARANTINE_THRESHOLD (or was accepted); a day over it is held back: "
            "the assets downstream skip it.",
        ),
        dg.AssetCheckSpec(
            "days_released",
            asset="raw_traces",
            blocking=True,
            description="At least one day of the run is not held back for its quarantine "
            "rate: one bad day never stops the others, a run of only bad days stops here.",
        ),
        dg.AssetCheckSpec(
            "raw_traces_expectations",
            asset="raw_traces",
            blocking=True,
            description="great-expectations suite: schema, nulls, value sets, row counts against input.",
        ),
    ],
)
def raw_traces(context: dg.AssetExecutionContext, duckdb: DuckDBResource):
    """Trace files from $TRACETOPICS_HOME/landing, one row per trace id (last write wins)."""
    settings = Settings.from_env()
    days = run_days(context)
    with duckdb.get_connection() as conn:
        stats = ingest_days(
            conn,
            paths().landing,
            days,
            max_trace_bytes=settings.max_trace_bytes,
            start_date=settings.start_date,
        )
        suite = quality.validate_raw_traces(conn, days, expected_rows=stats.traces_written)
        by_day = holds.quarantine_by_day(conn, days, settings.quarantine_rate_threshold)
    context.log.info(stats.line())
    held = [q for q in by_day.values() if q.held]
    for q in held:
        context.log.error(f"held back {q.summary()} — see `tracetopics quarantine --day {q.day}`")
    yield dg.MaterializeResult(metadata=stats.metadata())
    yield dg.AssetCheckResult(
        check_name="quarantine_rate",
        passed=not held,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={
            "quarantine_rate": max((q.rate for q in by_day.values()), default=0.0),
            "threshold": settings.quarantine_rate_threshold,
            "held_days": ", ".join(str(q.day) for q in held) or "none",
            **{f"rate/{q.day}": round(q.rate, 6) for q in by_day.values()},
            **{f"reason/{k}": v for k, v in sorted(stats.quarantined_by_reason.items())},
        },
    )
    yield dg.AssetCheckResult(
        check_name="days_released",
        passed=len(held) < len(days),
        metadata={"days": len(days), "held": len(held)},
    )
    yield dg.AssetCheckResult(
        check_name="raw_traces_expectations", passed=suite.success, metadata=suite.metadata()
    )
