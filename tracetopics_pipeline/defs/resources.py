"""Resources, configured in one place. Paths and secrets come from the environment."""

from __future__ import annotations

import dagster as dg
from dagster_duckdb import DuckDBResource
from dagster_openai import OpenAIResource

from tracetopics_pipeline.core.settings import paths


def warehouse_resource() -> DuckDBResource:
    p = paths().ensure()
    return DuckDBResource(database=str(p.warehouse), connection_config={"TimeZone": "UTC"})


def openai_resource() -> OpenAIResource:
    # Only used when TRACETOPICS_SUMMARIZER=openai; the key never lives in code or config files.
    return OpenAIResource(
        api_key=dg.EnvVar("OPENAI_API_KEY").get_value("not-set"),
        base_url=dg.EnvVar("OPENAI_BASE_URL").get_value() or None,
    )
