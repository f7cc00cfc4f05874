"""Sensors that keep the pipeline current: new landing files, changed facet definitions,
fresh trends (topic alerts), and runs that died holding the warehouse."""

import hashlib
import json
from datetime import UTC, datetime, timedelta

import dagster as dg

from tracetopics_pipeline.core.facets.definitions import facet_fingerprints, load_facets
from tracetopics_pipeline.core.ingest import landing
from tracetopics_pipeline.core.settings import Settings, paths
from tracetopics_pipeline.defs.jobs import alerts_job, facet_refresh_job, ingest_job, range_tags
from tracetopics_pipeline.defs.partitions import START_DATE
from tracetopics_pipeline.defs.recovery import recover_dead_runs


@dg.sensor(
    job=ingest_job, minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.RUNNING
)
def landing_sensor(context: dg.SensorEvaluationContext):
    """Landing files with days not yet ingested → one run per UTC day they touch, so late
    traces re-run their own past day.

    Files are read only once settled (unchanged for a few seconds) and never while named
    `*.part`, so a file still being written is not half-read. The run key names the files'
    current content (its digest, not its mtime), so a day is requested once per change however
    often the sensor ticks or the files are touched.
    """
    folder = paths().landing
    pending = landing.pending_days(
        folder, start_date=Settings.from_env().start_date, settle_seconds=5
    )
    if not pending:
        return dg.SkipReason("no new landing files")
    index = landing.LandingIndex(landing.default_index_path(folder))
    by_day: dict = {}
    for path, days in pending.items():
        for d in days:
            by_day.setdefault(d, []).append(f"{path.name}:{index.digest(path)}")
    # Days before the first partition landed after this code location loaded: it has no
    # partition for them until it is reloaded (defs/partitions.py).
    early = sorted(d for d in by_day if d < START_DATE)
    if early:
        context.log.warning(early_days_message(early))
    requests = [
        dg.RunRequest(
            run_key=f"{d.isoformat()}:{hashlib.sha1(' '.join(sorted(f)).encode()).hexdigest()[:12]}",
            partition_key=d.isoformat(),
        )
        for d, f in sorted(by_day.items())
        if d >= START_DATE
    ]
    return requests or dg.SkipReason(early_days_message(early))


def early_days_message(early: list) -> str:
    return (
        f"{len(early)} landed day(s) from {early[0]} are before the first daily partition "
        f"({START_DATE}), which was fixed when this code location loaded: reload it (Dagster UI "
        "→ Deployment → Reload, or restart `make ui`) to run them"
    )


@dg.sensor(
    job=facet_refresh_job,
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
)
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


@dg.asset_sensor(
    asset_key=dg.AssetKey(["marts", "topic_trends"]),
    job=alerts_job,
    default_status=dg.DefaultSensorStatus.RUNNING,
)
def topic_alert_sensor(context: dg.SensorEvaluationContext, asset_event: dg.EventLogEntry):
    """Fresh trends → record what changed that deserves an alert (new, growing, painful)."""
    return dg.RunRequest(run_key=str(asset_event.storage_id))


@dg.sensor(minimum_interval_seconds=60, default_status=dg.DefaultSensorStatus.RUNNING)
def dead_run_sensor(context: dg.SensorEvaluationContext):
    """Runs whose processes are gone (killed, out of memory, a reboot) → marked failed, and the
    warehouse pool slots they held freed, so the runs the daemon launches do not wait forever."""
    said: list[str] = []

    def say(msg: str) -> None:
        context.log.warning(msg)
        said.append(msg)

    recover_dead_runs(context.instance, say=say)
    return dg.SkipReason("; ".join(said) or "no run holds a slot it should not")
