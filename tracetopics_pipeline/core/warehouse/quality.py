"""Data-quality suites run with great-expectations 1.x on an ephemeral context.

Each suite validates only the rows a run just wrote (its days), sampled down to keep large
days cheap: the expectations are about shape and value sets, which a sample judges well,
while row counts are checked exactly in SQL.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache

import duckdb

SENTIMENT_LABELS = ["POSITIVE", "NEUTRAL", "NEGATIVE", "MIXED"]
FACET_STATUSES = ["ok", "excluded", "skipped", "errored"]
SAMPLE_ROWS = 20_000


@dataclass
class SuiteResult:
    name: str
    success: bool
    evaluated: int = 0
    failed: list[str] = field(default_factory=list)
    rows: int = 0

    def metadata(self) -> dict[str, object]:
        return {
            "suite": self.name,
            "expectations": self.evaluated,
            "failed": ", ".join(self.failed) or "none",
            "rows_validated": self.rows,
        }


@cache
def _context():
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    import great_expectations as gx  # lazy: heavy import, and only checks need it
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)  # logs, not tqdm bars
    return gx, context


def _validate(name: str, frame, expectations: list) -> SuiteResult:
    gx, context = _context()
    source = context.data_sources.add_or_update_pandas(f"{name}_source")
    asset = source.add_dataframe_asset(name=f"{name}_{id(frame)}")
    batch = asset.add_batch_definition_whole_dataframe("batch").get_batch(
        batch_parameters={"dataframe": frame}
    )
    suite = gx.ExpectationSuite(name=f"{name}_suite_{id(frame)}")
    for expectation in expectations:
        suite.add_expectation(expectation)
    result = batch.validate(suite)
    failed = [
        f"{r.expectation_config.type}({r.expectation_config.kwargs.get('column', '')})"
        for r in result.results
        if not r.success
    ]
    source.delete_asset(asset.name)
    return SuiteResult(name, bool(result.success), len(result.results), failed, len(frame))


def validate_raw_traces(
    conn: duckdb.DuckDBPyConnection, days: Sequence[date], *, expected_rows: int
) -> SuiteResult:
    gx, _ = _context()
    E = gx.expectations
    rows = conn.execute(
        "SELECT count(*) FROM raw_traces WHERE day IN (SELECT unnest(?::DATE[]))", [list(days)]
    ).fetchone()[0]
    frame = conn.execute(
        f"""SELECT id, day, created, project_id, messages::VARCHAR AS messages,
                   metadata::VARCHAR AS metadata, truncated
            FROM raw_traces WHERE day IN (SELECT unnest(?::DATE[]))
            USING SAMPLE {SAMPLE_ROWS} ROWS (reservoir, 7)""",
        [list(days)],
    ).df()
    expectations = [
        E.ExpectTableColumnsToMatchSet(
            column_set=["id", "day", "created", "project_id", "messages", "metadata", "truncated"]
        ),
        *(E.ExpectColumnValuesToNotBeNull(column=c) for c in ("id", "created", "project_id")),
        E.ExpectColumnValuesToBeUnique(column="id"),
        E.ExpectColumnValuesToBeJsonParseable(column="messages"),
        E.ExpectColumnValuesToBeJsonParseable(column="metadata"),
        E.ExpectColumnValuesToBeInSet(column="truncated", value_set=[True, False]),
    ]
    result = _validate("raw_traces", frame, expectations)
    # Row count against input: every parsed trace of these days is in the table.
    if rows != expected_rows:
        result.success = False
        result.failed.append(f"row_count({rows} != {expected_rows} parsed)")
    result.rows = rows
    return result


def validate_facet_summaries(
    conn: duckdb.DuckDBPyConnection, days: Sequence[date], *, n_facets: int
) -> SuiteResult:
    gx, _ = _context()
    E = gx.expectations
    day_list = list(days)
    traces, summarized, rows = conn.execute(
        """SELECT (SELECT count(*) FROM raw_traces WHERE day IN (SELECT unnest($1::DATE[]))),
                  count(DISTINCT trace_id), count(*)
           FROM facet_summaries WHERE day IN (SELECT unnest($1::DATE[]))""",
        [day_list],
    ).fetchone()
    frame = conn.execute(
        f"""SELECT trace_id, facet, summary, label, status FROM facet_summaries
            WHERE day IN (SELECT unnest(?::DATE[])) USING SAMPLE {SAMPLE_ROWS} ROWS (reservoir, 7)""",
        [day_list],
    ).df()
    sentiment = frame[frame["facet"] == "Sentiment"]
    expectations = [
        *(E.ExpectColumnValuesToNotBeNull(column=c) for c in ("trace_id", "facet", "status")),
        E.ExpectColumnValuesToBeInSet(column="status", value_set=FACET_STATUSES),
        E.ExpectCompoundColumnsToBeUnique(column_list=["trace_id", "facet"]),
    ]
    result = _validate("facet_summaries", frame, expectations)
    if len(sentiment):
        labels = _validate(
            "sentiment_labels",
            sentiment,
            [E.ExpectColumnValuesToBeInSet(column="label", value_set=SENTIMENT_LABELS)],
        )
        result.success &= labels.success
        result.evaluated += labels.evaluated
        result.failed += labels.failed
    # Row counts against input: every summarized trace has a row per facet, whatever its
    # status, and no summary belongs to a trace that is not in raw_traces (sampling may skip some).
    if rows != summarized * n_facets or summarized > traces:
        result.success = False
        result.failed.append(
            f"row_count({rows} rows for {summarized} traces x {n_facets} facets; {traces} input)"
        )
    result.rows = rows
    return result
