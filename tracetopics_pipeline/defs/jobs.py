"""The named jobs (what the UI, the schedule, the sensors and the CLI launch) and the CLI's
RANGE_PLAN."""

from dataclasses import dataclass

import dagster as dg

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
