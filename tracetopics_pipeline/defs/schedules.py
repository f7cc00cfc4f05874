"""The daily schedule: yesterday's partition, maps regenerated, shortly after midnight UTC."""

from datetime import UTC, timedelta

import dagster as dg

from tracetopics_pipeline.defs.jobs import daily_job


@dg.schedule(
    job=daily_job,
    cron_schedule="30 0 * * *",
    execution_timezone="UTC",
    default_status=dg.DefaultScheduleStatus.RUNNING,  # on as soon as `make ui` starts
)
def daily_schedule(context: dg.ScheduleEvaluationContext) -> dg.RunRequest:
    """Shortly after midnight UTC: finish yesterday's partition and regenerate its topic maps."""
    yesterday = (context.scheduled_execution_time.astimezone(UTC) - timedelta(days=1)).date()
    return dg.RunRequest(run_key=yesterday.isoformat(), partition_key=yesterday.isoformat())
