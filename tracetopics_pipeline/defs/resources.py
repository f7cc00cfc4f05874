"""Resources, configured in one place. Paths and secrets come from the environment."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import dagster as dg
import duckdb
from dagster_dbt import DbtCliResource
from dagster_duckdb import DuckDBResource
from dagster_openai import OpenAIResource

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.settings import Settings, paths
from tracetopics_pipeline.defs.dbt_project import DBT_PROJECT_DIR, dbt_executable, dbt_project


class WarehouseResource(DuckDBResource):
    """DuckDBResource on $TRACETOPICS_HOME's warehouse, with the schema, UTC session time and
    the memory limit (`warehouse.connect`).

    The path is resolved when a run connects, not when the code location loads, so one loaded
    location never writes into another home's warehouse. A process holding DuckDB's lock (a BI
    tool on the live file) is waited for up to TRACETOPICS_LOCK_WAIT_S, and named in the log.
    """

    database: str = ""

    @contextmanager
    def get_connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        path = self.database or str(paths().ensure().warehouse)
        conn = warehouse.connect(path, say=dg.get_dagster_logger().warning)
        try:
            yield conn
        finally:
            conn.close()


def warehouse_resource() -> WarehouseResource:
    return WarehouseResource()


NO_KEY = "not-set"


class EndpointResource(OpenAIResource):
    """dagster-openai's resource, completed when a run starts, like the warehouse path: the key
    (OPENAI_API_KEY) and OPENAI_BASE_URL are read from the environment then. The key never lives
    in code or config, and a code location loaded in one environment never sends a run's texts
    to another environment's endpoint. Used when TRACETOPICS_SUMMARIZER=openai (summaries and
    labels) or TRACETOPICS_EMBED_MODEL=openai:<model> (vectors)."""

    api_key: str = ""

    def setup_for_execution(self, context: dg.InitResourceContext) -> None:
        import openai

        settings = Settings.from_env()
        self._client = openai.Client(
            api_key=self.api_key or settings.openai_api_key or NO_KEY,
            organization=self.organization,
            project=self.project,
            base_url=self.base_url or settings.openai_base_url,
        )


@contextmanager
def openai_client(
    openai: OpenAIResource, context: dg.AssetExecutionContext, settings: Settings
) -> Iterator[Any]:
    """The endpoint's client when a stage is configured to call it, else None."""
    if not settings.uses_endpoint:
        yield None
        return
    with openai.get_client(context) as client:
        yield client


def dbt_resource() -> DbtCliResource:
    """The `dbt` resource the marts assets need."""
    return DbtCliResource(
        project_dir=dbt_project, profiles_dir=str(DBT_PROJECT_DIR), dbt_executable=dbt_executable()
    )
