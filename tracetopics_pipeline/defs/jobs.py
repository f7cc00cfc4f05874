"""Jobs, the daily schedule, and the sensors that keep the pipeline current."""

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import dagster as dg

from tracetopics_pipeline.core.facets.definitions import facet_fingerprints, load_facets
from tracetopics_pipeline.core.ingest import landing
from tracetopics_pipeline.core.settings import Settings, paths
from tracetopics_pipeline.defs.partitions import START_DATE

RANGE_START = "dagster/asset_partition_range_start"
RANGE_END = "dagster/asset_partition_range_end"

everything = dg.AssetSelection.all() - dg.AssetSelection.assets("topic_alerts")

# New traffic: classify against the current maps, no re-clustering (fast path for hourly files).
ingest_job = dg.define_asset_job(
    "ingest_job", selection=everything - dg.AssetSelection.assets("topic_maps")
)
# The daily run: everything, including regenerating the topic maps.
daily_job = dg.define_asset_job("daily_job", selection=everything)
# A facet's prompt changed: re-summarize (only that facet) and everything downstream of it.
facet_refresh_job = dg.define_asset_job(
    "facet_refresh_job",
    selection=everything - dg.AssetSelection.assets("raw_traces", "topic_maps"),
)
alerts_job = dg.define_asset_job("alerts_job", selection=dg.AssetSelection.assets("topic_alerts"))

# The daily job cut at the topic maps, so a range of days runs as three steps (below).
summarize_job = dg.define_asset_job(
    "summarize_job",
    selection=dg.AssetSelection.assets("raw_traces", "facet_summaries", "summary_embeddings"),
    description="Ingest, summarize and embed a range of days in one run.",
)
topic_maps_job = dg.define_asset_job(
    "topic_maps_job",
    selection=dg.AssetSelection.assets("topic_maps"),
    description="Regenerate the topic maps as of one day.",
)
publish_job = dg.define_asset_job(
    "publish_job",
    selection=dg.AssetSelection.assets("classifications", "explorer_snapshot")
    | dg.AssetSelection.groups("marts"),
    description="Classify a range against the current maps, build the marts, publish.",
)


@dataclass(frozen=True)
class Step:
    """One step of a range run: a job, and which partitions it covers."""

    job: str
    scope: str  # "range": the whole range in one run | "map_days": one run per map day | "all"
    title: str


# What `tracetopics run` does with a range of days (the CLI's runner walks it): summarize the
# whole range in one run; regenerate the maps as of the last days (the schedule does it
# daily); classify the whole range against the current maps so trends compare like with
# like, rebuild the marts and the snapshot; then look for alerts, as the sensor would.
RANGE_PLAN = (
    Step("summarize_job", "range", "ingest, summarize and embed"),
    Step("topic_maps_job", "map_days", "topic maps"),
    Step("publish_job", "range", "classify, build the dbt marts, publish the snapshot"),
    Step("alerts_job", "all", "topic alerts"),
)
JOBS = [
    ingest_job,
    daily_job,
    facet_refresh_job,
    alerts_job,
    summarize_job,
    topic_maps_job,
    publish_job,
]


def range_tags(first: str, last: str) -> dict[str, str]:
    """Tags that make one run cover a range of partitions (single-run backfill policy)."""
    return {RANGE_START: first, RANGE_END: last}


@dg.schedule(job=daily_job, cron_schedule="30 0 * * *", execution_timezone="UTC")
def daily_schedule(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
    """Shortly after midnight UTC: finish yesterday's partition and regenerate its topic maps."""
    yesterday = (context.scheduled_execution_time.astimezone(UTC) - timedelta(days=1)).date()
    return dg.RunRequest(run_key=yesterday.isoformat(), partition_key=yesterday.isoformat())


@dg.sensor(
    job=ingest_job, minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.RUNNING
)
def landing_sensor(context: dg.SensorEvaluationContext):
    """Landing files with days not yet ingested → one run per UTC day they touch, so late
    traces re-run their own past day.

    Files are read only once settled (unchanged for a few seconds) and never while named
    `*.part`, so a file still being written is not half-read. The run key names the files'
    current content, so a day is requested once per change however often the sensor ticks.
    """
    pending = landing.pending_days(paths().landing, start_date=START_DATE, settle_seconds=5)
    if not pending:
        return dg.SkipReason("no new landing files")
    by_day: dict = {}
    for path, days in pending.items():
        st = path.stat()
        for d in days:
            by_day.setdefault(d, []).append(f"{path.name}:{st.st_size}:{st.st_mtime_ns}")
    return [
        dg.RunRequest(
            run_key=f"{d.isoformat()}:{hashlib.sha1(' '.join(sorted(f)).encode()).hexdigest()[:12]}",
            partition_key=d.isoformat(),
        )
        for d, f in sorted(by_day.items())
    ]


@dg.sensor(job=facet_refresh_job, minimum_interval_seconds=60)
def facet_config_sensor(context: dg.SensorEvaluationContext):
    """A facet's definition changed → re-summarize that facet over the trailing window."""
    current = facet_fingerprints(load_facets())
    if not context.cursor:
        context.update_cursor(json.dumps(current))
        return dg.SkipReason("recorded the facet configuration")
    before = json.loads(context.cursor)
    changed = sorted(name for name, h in current.items() if before.get(name) != h)
    context.update_cursor(json.dumps(current))
    if not changed:
        return dg.SkipReason("facet configuration unchanged")
    today = datetime.now(UTC).date()
    first = max(START_DATE, today - timedelta(days=Settings.from_env().window_days - 1))
    return dg.RunRequest(
        run_key=f"facets:{hashlib.sha1(json.dumps(current, sort_keys=True).encode()).hexdigest()[:12]}",
        run_config={"ops": {"facet_summaries": {"config": {"only_facets": changed}}}},
        tags=range_tags(first.isoformat(), today.isoformat()),
    )


@dg.asset_sensor(asset_key=dg.AssetKey(["marts", "topic_trends"]), job=alerts_job)
def topic_alert_sensor(context: dg.SensorEvaluationContext, asset_event: dg.EventLogEntry):
    """Fresh trends → look for new topics and topics growing week over week past the factor."""
    return dg.RunRequest(run_key=str(asset_event.storage_id))
