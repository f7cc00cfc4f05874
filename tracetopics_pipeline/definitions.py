"""The Dagster code location: assets (with their checks) per stage, jobs, the schedule, sensors,
resources, the console logger and the executor, all from defs/."""

from __future__ import annotations

import os

import dagster as dg

from tracetopics_pipeline.core.settings import ConfigError, Settings

try:  # before defs/, whose modules read the settings as they load
    settings = Settings.from_env()
except ConfigError as exc:
    # The line says what to fix; Dagster would show it under the trace of whichever module read
    # the home's config.toml first. Raised afresh here, its trace is this one line of this file.
    raise ConfigError(str(exc)) from None

from tracetopics_pipeline.defs import jobs, schedules, sensors  # noqa: E402
from tracetopics_pipeline.defs.assets import facets, ingest, marts, publish, topics  # noqa: E402
from tracetopics_pipeline.defs.executors import executor_from_settings  # noqa: E402
from tracetopics_pipeline.defs.loggers import console_logger  # noqa: E402
from tracetopics_pipeline.defs.resources import (  # noqa: E402
    EndpointResource,
    dbt_resource,
    warehouse_resource,
)

# Not settings: switches of the libraries (great-expectations, dagster), which read them from the
# process environment; a value the user set wins.
os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
os.environ.setdefault("DO_NOT_TRACK", "1")

defs = dg.Definitions(
    assets=[
        *dg.load_assets_from_modules([ingest, facets, topics, marts, publish]),
    ],
    jobs=jobs.JOBS,
    schedules=[schedules.daily_schedule],
    sensors=[
        sensors.landing_sensor,
        sensors.facet_config_sensor,
        sensors.topic_alert_sensor,
        sensors.dead_run_sensor,
    ],
    resources={
        "duckdb": warehouse_resource(),
        "openai": EndpointResource(),  # key and base URL read when a run starts
        "dbt": dbt_resource(),
    },
    loggers={"console": console_logger},  # the default's name: run configs keep working
    executor=executor_from_settings(settings),  # TRACETOPICS_EXECUTOR: multiprocess, k8s, celery
)
