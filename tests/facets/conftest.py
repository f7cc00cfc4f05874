"""The facet tests' warehouse: the hand-made conversations of factories.conversations."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest
from factories.conversations import load_conversations

from tracetopics_pipeline.core import warehouse


@pytest.fixture
def facet_wh() -> Iterator[duckdb.DuckDBPyConnection]:
    """An in-memory warehouse holding the conversations in raw_traces, nothing summarized yet."""
    c = duckdb.connect()
    warehouse.ensure_schema(c)
    load_conversations(c)
    yield c
    c.close()
