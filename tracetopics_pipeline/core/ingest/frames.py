"""Frames for the warehouse: parsed records and rejections as Polars frames shaped like
`raw_traces` and `quarantine` (the table contract is warehouse/schema.py)."""

from __future__ import annotations

from datetime import date
from typing import Any

import polars as pl

from tracetopics_pipeline.core.ingest.messages import dumps
from tracetopics_pipeline.core.ingest.records import KNOWN_METRICS, Rejection, TraceRecord


def traces_frame(records: list[TraceRecord]) -> pl.DataFrame:
    """raw_traces rows (JSON columns as JSON text; metrics typed, metrics_raw everything)."""
    metric_cols: dict[str, list[Any]] = {
        k: [r.metrics.get(k) for r in records] for k in KNOWN_METRICS
    }
    frame = pl.DataFrame(
        {
            "id": [r.id for r in records],
            "day": [r.day for r in records],
            "created": [r.created for r in records],
            "project_id": [r.project_id for r in records],
            "session_id": [r.session_id for r in records],
            "input": [dumps(r.input) if r.input is not None else None for r in records],
            "output": [dumps(r.output) if r.output is not None else None for r in records],
            "messages": [dumps(r.messages) for r in records],
            "metadata": [dumps(r.metadata) for r in records],
            "metrics_raw": [dumps(r.metrics) for r in records],
            "source_file": [r.source_file for r in records],
            "source_line": [r.source_line for r in records],
            "truncated": [r.truncated for r in records],
            "size_bytes": [r.size_bytes for r in records],
            **{f"_m_{k}": v for k, v in metric_cols.items()},
        },
        schema={
            "id": pl.String,
            "day": pl.Date,
            "created": pl.Datetime("us", "UTC"),
            "project_id": pl.String,
            "session_id": pl.String,
            "input": pl.String,
            "output": pl.String,
            "messages": pl.String,
            "metadata": pl.String,
            "metrics_raw": pl.String,
            "source_file": pl.String,
            "source_line": pl.Int64,
            "truncated": pl.Boolean,
            "size_bytes": pl.Int64,
            **{f"_m_{k}": pl.Int64 if t is int else pl.Float64 for k, t in KNOWN_METRICS.items()},
        },
    )
    metrics = pl.struct([pl.col(f"_m_{k}").alias(k) for k in KNOWN_METRICS]).alias("metrics")
    return frame.with_columns(metrics).drop([f"_m_{k}" for k in KNOWN_METRICS])


def quarantine_frame(rejections: list[tuple[Rejection, date]]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "day": [day for _, day in rejections],
            "file": [r.file for r, _ in rejections],
            "line": [r.line for r, _ in rejections],
            "reason": [r.reason for r, _ in rejections],
            "detail": [r.detail for r, _ in rejections],
            "raw": [r.raw for r, _ in rejections],
            "raw_truncated": [r.raw_truncated for r, _ in rejections],
            "raw_bytes": [r.raw_bytes for r, _ in rejections],
            "raw_sha256": [r.raw_sha256 for r, _ in rejections],
        },
        schema={
            "day": pl.Date,
            "file": pl.String,
            "line": pl.Int64,
            "reason": pl.String,
            "detail": pl.String,
            "raw": pl.String,
            "raw_truncated": pl.Boolean,
            "raw_bytes": pl.Int64,
            "raw_sha256": pl.String,
        },
    )
