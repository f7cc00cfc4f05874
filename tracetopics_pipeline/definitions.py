"""The Dagster code location: assets, checks, jobs, schedule, sensors and resources."""

from __future__ import annotations

import os

import dagster as dg

from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.defs import jobs
from tracetopics_pipeline.defs.assets import facets, ingest, publish, topics
from tracetopics_pipeline.defs.dbt_assets import dbt_resource, tracetopics_dbt_assets
from tracetopics_pipeline.defs.executors import executor_from_settings
from tracetopics_pipeline.defs.resources import openai_resource, warehouse_resource

os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
os.environ.setdefault("DO_NOT_TRACK", "1")

settings = Settings.from_env()
defs = dg.Definitions(
    assets=[
        *dg.load_assets_from_modules([ingest, facets, topics, publish]),
        tracetopics_dbt_assets,
    ],
    jobs=jobs.JOBS,
    schedules=[jobs.daily_schedule],
    sensors=[jobs.landing_sensor, jobs.facet_config_sensor, jobs.topic_alert_sensor],
    resources={
        "duckdb": warehouse_resource(),
        "openai": openai_resource(settings),
        "dbt": dbt_resource(),
    },
    executor=executor_from_settings(settings),  # TRACETOPICS_EXECUTOR: multiprocess, k8s, celery
)
