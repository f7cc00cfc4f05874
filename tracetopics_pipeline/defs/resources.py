"""Resources, configured in one place. Paths and secrets come from the environment."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import dagster as dg
import duckdb
from dagster_duckdb import DuckDBResource
from dagster_openai import OpenAIResource

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.settings import paths


class WarehouseResource(DuckDBResource):
    """DuckDBResource whose connections see the tracetopics schema and UTC session time."""

    @contextmanager
    def get_connection(self) -> Iterator[duckdb.DuckDBPyConnection]:
        with super().get_connection() as conn:
            warehouse.ensure_schema(conn)
            yield conn


def warehouse_resource() -> WarehouseResource:
    return WarehouseResource(database=str(paths().ensure().warehouse))


def openai_resource() -> OpenAIResource:
    # Only used when TRACETOPICS_SUMMARIZER=openai; the key never lives in code or config files.
    return OpenAIResource(
        api_key=dg.EnvVar("OPENAI_API_KEY").get_value("not-set"),
        base_url=dg.EnvVar("OPENAI_BASE_URL").get_value() or None,
    )
