"""raw_traces: the landing folder parsed into one row per trace, bad lines quarantined."""

import dagster as dg
from dagster_duckdb import DuckDBResource

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
            blocking=True,
            description="Share of input lines quarantined stays under the threshold.",
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
    context.log.info(
        f"{stats.traces_written} traces, {stats.duplicates} duplicates, "
        f"{sum(stats.quarantined_by_reason.values())} quarantined from {stats.files_read} files"
    )
    yield dg.MaterializeResult(metadata=stats.metadata())
    rate = stats.quarantine_rate
    yield dg.AssetCheckResult(
        check_name="quarantine_rate",
        passed=rate <= settings.quarantine_rate_threshold,
        severity=dg.AssetCheckSeverity.ERROR,
        metadata={
            "quarantine_rate": rate,
            "threshold": settings.quarantine_rate_threshold,
            **{f"reason/{k}": v for k, v in sorted(stats.quarantined_by_reason.items())},
        },
    )
    yield dg.AssetCheckResult(
        check_name="raw_traces_expectations", passed=suite.success, metadata=suite.metadata()
    )
