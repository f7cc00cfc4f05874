"""Data-quality suites run with great-expectations 1.x on an ephemeral context.

Each suite validates only the rows a run just wrote (its days), sampled down to keep large
days cheap: the expectations are about shape and value sets, which a sample judges well,
while row counts are checked exactly in SQL.

A suite that passed on exactly the rows it would read now is not run again (`_passed_before`):
`check_results` keeps each passed suite's digest of what it read (those rows' columns, the
counts it compares, its own source and the great-expectations version), so a re-run of
unchanged days reports the same passed check without importing great-expectations (about 15 s
a process under the profiler, review rv4 L12). Changed rows, a changed suite or an earlier
failure validate again.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache

import duckdb

from tracetopics_pipeline.core.digest import code_digest

SENTIMENT_LABELS = ["POSITIVE", "NEUTRAL", "NEGATIVE", "MIXED"]
FACET_STATUSES = ["ok", "excluded", "skipped", "errored"]
SAMPLE_ROWS = 20_000
_GX_LIBRARIES = ("great-expectations", "pandas", "duckdb")  # duckdb: its row hash


@dataclass
class SuiteResult:
    name: str
    success: bool
    evaluated: int = 0
    failed: list[str] = field(default_factory=list)
    rows: int = 0
    reused: bool = False  # passed before on the same rows: not run again

    def metadata(self) -> dict[str, object]:
        return {
            "suite": self.name,
            "expectations": self.evaluated,
            "failed": ", ".join(self.failed) or "none",
            "rows_validated": self.rows,
            "validated": "earlier, the same rows" if self.reused else "now",
        }


def _digest(conn: duckdb.DuckDBPyConnection, name: str, sql: str, params: list, *extra) -> str:
    """What suite `name` reads: the rows `sql` selects (order-free: a count and two sums of
    row hashes), `extra` (the counts it compares) and the suite's code."""
    n, xor, total = conn.execute(
        f"SELECT count(*), coalesce(bit_xor(h), 0), coalesce(sum(h::HUGEINT), 0) "
        f"FROM (SELECT hash(t) AS h FROM ({sql}) t)",
        params,
    ).fetchone()
    code = code_digest(("tracetopics_pipeline.core.warehouse.quality",), _GX_LIBRARIES)
    return f"{name}:{n}:{xor}:{total}:{':'.join(map(str, extra))}:{code}"


@cache
def _context():
    # great-expectations reads it from the environment (not a setting); set here too for a
    # caller that never loads the code location (definitions.py)
    os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
    import great_expectations as gx  # lazy: heavy import, and only checks need it
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)  # logs, not tqdm bars
    return gx, context


def _passed_before(conn: duckdb.DuckDBPyConnection, digest: str) -> SuiteResult | None:
    """The suite's earlier pass on exactly what it would read now (`_digest`), if any."""
    row = conn.execute(
        "SELECT suite, evaluated, rows FROM check_results WHERE digest = ? LIMIT 1", [digest]
    ).fetchone()
    return SuiteResult(row[0], True, int(row[1]), [], int(row[2]), reused=True) if row else None


def _remember(
    conn: duckdb.DuckDBPyConnection, days: list[date], digest: str, result: SuiteResult
) -> None:
    """Keep a passed suite's digest (one per suite and days); a failure is never kept."""
    key = ",".join(sorted(d.isoformat() for d in days))
    conn.execute("DELETE FROM check_results WHERE suite = ? AND days = ?", [result.name, key])
    if result.success:
        conn.execute(
            "INSERT INTO check_results (suite, days, digest, evaluated, rows) VALUES (?, ?, ?, ?, ?)",
            [result.name, key, digest, result.evaluated, result.rows],
        )


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
    day_list = list(days)
    rows = conn.execute(
        "SELECT count(*) FROM raw_traces WHERE day IN (SELECT unnest(?::DATE[]))", [day_list]
    ).fetchone()[0]
    read = """SELECT id, day, created, project_id, messages::VARCHAR AS messages,
                     metadata::VARCHAR AS metadata, truncated
              FROM raw_traces WHERE day IN (SELECT unnest(?::DATE[]))"""
    digest = _digest(conn, "raw_traces", read, [day_list], rows, expected_rows)
    if (before := _passed_before(conn, digest)) is not None:
        return before
    gx, _ = _context()
    E = gx.expectations
    frame = conn.execute(f"{read} USING SAMPLE {SAMPLE_ROWS} ROWS (reservoir, 7)", [day_list]).df()
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
    _remember(conn, day_list, digest, result)
    return result


def validate_facet_summaries(
    conn: duckdb.DuckDBPyConnection, days: Sequence[date], *, n_facets: int
) -> SuiteResult:
    day_list = list(days)
    traces, summarized, rows = conn.execute(
        """SELECT (SELECT count(*) FROM raw_traces WHERE day IN (SELECT unnest($1::DATE[]))),
                  count(DISTINCT trace_id), count(*)
           FROM facet_summaries WHERE day IN (SELECT unnest($1::DATE[]))""",
        [day_list],
    ).fetchone()
    read = """SELECT trace_id, facet, summary, label, status FROM facet_summaries
              WHERE day IN (SELECT unnest(?::DATE[]))"""
    digest = _digest(conn, "facet_summaries", read, [day_list], traces, summarized, rows, n_facets)
    if (before := _passed_before(conn, digest)) is not None:
        return before
    gx, _ = _context()
    E = gx.expectations
    frame = conn.execute(f"{read} USING SAMPLE {SAMPLE_ROWS} ROWS (reservoir, 7)", [day_list]).df()
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
    _remember(conn, day_list, digest, result)
    return result
