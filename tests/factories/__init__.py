"""Test warehouses, written the way the pipeline writes them.

Traces become `TraceRecord`s and reach `raw_traces` through the ingest stage's own frame builder
(`ingest.frames.traces_frame`); every other table gets Polars frames through
`warehouse.insert_frame`, which matches columns by name. So a fixture names the columns it
cares about and the table contract (`warehouse/schema.py`) stays the only place that spells
out the schema: no test restates it in an INSERT.

The worlds the tests share are built from these helpers, one module each: `conversations`
(hand-made chats with known facet outcomes), `corpus` (synthetic topic corpora), `explorer`
(the explorer's fixture warehouse), `marts` (the SQL and dbt warehouse). `landing` writes
input files for the ingest stage instead: trace objects as JSON lines.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

import duckdb
import numpy as np
import polars as pl

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.facets.definitions import text_hash
from tracetopics_pipeline.core.ingest.frames import traces_frame
from tracetopics_pipeline.core.ingest.records import TraceRecord


def trace_record(
    trace_id: str,
    created: datetime,
    messages: list[dict[str, Any]],
    *,
    project_id: str = "p",
    session_id: str | None = None,
    input: list[dict[str, Any]] | None = None,
    output: list[dict[str, Any]] | None = None,
    metadata: dict[str, Any] | None = None,
    metrics: dict[str, Any] | None = None,
    source_file: str = "fixture.jsonl",
    source_line: int = 1,
) -> TraceRecord:
    """One trace as the ingest stage holds it after parsing (`created` must be tz-aware)."""
    assert created.tzinfo is not None, "created is a UTC timestamp"
    return TraceRecord(
        id=trace_id,
        project_id=project_id,
        created=created,
        session_id=session_id,
        input=input,
        output=output,
        messages=messages,
        metadata=metadata or {},
        metrics=metrics or {},
        source_file=source_file,
        source_line=source_line,
    )


def insert_traces(conn: duckdb.DuckDBPyConnection, records: Iterable[TraceRecord]) -> int:
    """Write records to raw_traces through the ingest stage's frame builder."""
    return warehouse.insert_frame(conn, "raw_traces", traces_frame(list(records)))


def insert_rows(
    conn: duckdb.DuckDBPyConnection,
    table: str,
    rows: Sequence[dict[str, Any]],
    schema_overrides: dict[str, Any] | None = None,
) -> int:
    """Rows keyed by column name into `table`; omitted columns take their defaults."""
    frame = pl.DataFrame(list(rows), schema_overrides=schema_overrides, infer_schema_length=None)
    return warehouse.insert_frame(conn, table, frame)


def insert_embeddings(
    conn: duckdb.DuckDBPyConnection, texts: Sequence[str], vectors: np.ndarray
) -> int:
    """Cache `vectors` (one row per text) in summary_embeddings under the pipeline's text hash
    and the packaged model's id, as the embed stage would; texts already cached are left alone (a text
    given twice keeps its last vector)."""
    cached = {h for (h,) in conn.execute("SELECT text_hash FROM summary_embeddings").fetchall()}
    todo: dict[str, int] = {}
    for i, text in enumerate(texts):
        h = text_hash(text)
        if h not in cached:
            todo[h] = i
    if not todo:
        return 0
    keep = list(todo.values())
    frame = pl.DataFrame(
        {
            "text_hash": list(todo),
            "model": [warehouse.PACKAGED_MODEL_ID] * len(keep),
            "embedding": pl.Series(np.asarray(vectors, dtype=np.float32)[keep].tolist()),
            "text": [texts[i] for i in keep],
        }
    )
    return warehouse.insert_frame(conn, "summary_embeddings", frame)
