"""The DuckDB warehouse: one connection helper and the table contract (DESIGN.md §3).

Every pipeline table carries a `day` column (the UTC date of the trace's `created`), so
re-materializing a partition is `DELETE ... WHERE day IN (...)` then `INSERT`: idempotent.
Tables keyed by content (embeddings cache, topic maps) are not day-partitioned.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import duckdb

EMBED_DIM = 384

SCHEMA = f"""
CREATE TABLE IF NOT EXISTS raw_traces (
    id VARCHAR NOT NULL,
    day DATE NOT NULL,
    created TIMESTAMPTZ NOT NULL,
    project_id VARCHAR NOT NULL,
    session_id VARCHAR,
    input JSON,               -- list of messages as given (strings become one user message)
    output JSON,              -- list of messages as given
    messages JSON NOT NULL,   -- the whole conversation, OpenAI-style, tool calls included
    metadata JSON NOT NULL,
    metrics STRUCT(prompt_tokens BIGINT, completion_tokens BIGINT, total_tokens BIGINT,
                   latency_s DOUBLE, cost_usd DOUBLE),
    metrics_raw JSON,         -- every metric as given, known or not
    source_file VARCHAR NOT NULL,
    source_line BIGINT NOT NULL,
    truncated BOOLEAN NOT NULL DEFAULT FALSE,
    size_bytes BIGINT,
    ingested_at TIMESTAMPTZ DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS quarantine (
    day DATE,                 -- partition the line is attributed to
    file VARCHAR NOT NULL,
    line BIGINT NOT NULL,
    reason VARCHAR NOT NULL,
    detail VARCHAR,
    raw VARCHAR,
    ingested_at TIMESTAMPTZ DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS facet_summaries (
    day DATE NOT NULL,
    trace_id VARCHAR NOT NULL,
    facet VARCHAR NOT NULL,   -- facet name, e.g. 'Task'
    summary VARCHAR,          -- NULL when skipped or errored
    label VARCHAR,            -- for labelled facets (Sentiment, Churn risk, ...)
    status VARCHAR NOT NULL,  -- ok | excluded | skipped | errored
    error VARCHAR,
    text_hash VARCHAR,        -- hash of summary; key into summary_embeddings
    backend VARCHAR,
    model VARCHAR,
    prompt_hash VARCHAR
);
CREATE TABLE IF NOT EXISTS facet_coverage (
    day DATE NOT NULL,
    facet VARCHAR NOT NULL,
    processed BIGINT, matched BIGINT, excluded BIGINT, errored BIGINT, skipped BIGINT
);
CREATE TABLE IF NOT EXISTS summary_embeddings (
    text_hash VARCHAR NOT NULL,
    model VARCHAR NOT NULL,
    embedding FLOAT[{EMBED_DIM}] NOT NULL,
    text VARCHAR,
    created_at TIMESTAMPTZ DEFAULT current_timestamp,
    PRIMARY KEY (text_hash, model)
);
CREATE TABLE IF NOT EXISTS topic_maps (
    map_id VARCHAR NOT NULL,  -- '<facet>@<day>'
    facet VARCHAR NOT NULL,
    day DATE NOT NULL,
    window_start DATE, window_end DATE,
    status VARCHAR NOT NULL,  -- built | waiting
    detail VARCHAR,
    algorithm VARCHAR,
    n_docs BIGINT, n_topics BIGINT, no_match_share DOUBLE,
    prev_map_id VARCHAR,
    params JSON,
    built_at TIMESTAMPTZ DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS topics (
    facet VARCHAR NOT NULL,
    map_id VARCHAR NOT NULL,
    topic_id INTEGER NOT NULL,
    label VARCHAR NOT NULL,
    keywords VARCHAR[],
    size BIGINT,
    share DOUBLE,
    centroid FLOAT[{EMBED_DIM}],
    representatives VARCHAR[],
    x DOUBLE, y DOUBLE,
    pinned BOOLEAN DEFAULT FALSE,  -- human pin (topic_overrides); label then never auto-changes
    label_source VARCHAR           -- local | openai | override | pinned
);
CREATE TABLE IF NOT EXISTS topic_points (
    map_id VARCHAR NOT NULL, facet VARCHAR NOT NULL, text_hash VARCHAR NOT NULL,
    topic_id INTEGER, x DOUBLE, y DOUBLE
);
CREATE TABLE IF NOT EXISTS topic_lineage (
    facet VARCHAR NOT NULL, map_id VARCHAR NOT NULL, prev_map_id VARCHAR,
    topic_id INTEGER, prev_topic_ids INTEGER[],
    kind VARCHAR NOT NULL     -- continued | new | merged | split | vanished
);
CREATE TABLE IF NOT EXISTS topic_overrides (
    facet VARCHAR NOT NULL, topic_id INTEGER NOT NULL,
    label VARCHAR, pinned BOOLEAN DEFAULT FALSE,
    updated_at TIMESTAMPTZ DEFAULT current_timestamp
);
CREATE TABLE IF NOT EXISTS classifications (
    day DATE NOT NULL,
    trace_id VARCHAR NOT NULL,
    facet VARCHAR NOT NULL,
    topic_id INTEGER,         -- -1 = no_match
    label VARCHAR,            -- topic label, or 'no_match'
    distance DOUBLE,          -- cosine distance to the topic centroid
    map_id VARCHAR,
    x DOUBLE, y DOUBLE        -- 2-D position on the map, for the scatterplot
);
"""


def connect(path: Path | str, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the warehouse; writers also make sure the schema exists."""
    if not read_only:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = duckdb.connect(str(path), read_only=read_only)
    conn.execute("SET TimeZone = 'UTC'")  # days are UTC dates whatever the machine's zone
    if not read_only:
        ensure_schema(conn)
    return conn


def ensure_schema(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute("SET TimeZone = 'UTC'")
    conn.execute(SCHEMA)


@contextmanager
def transaction(conn: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """One DuckDB transaction: committed on success, rolled back on any error."""
    conn.execute("BEGIN TRANSACTION")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def replace_days(
    conn: duckdb.DuckDBPyConnection, table: str, frame: object, days: Iterable[date]
) -> int:
    """Replace the given days of `table` with `frame` (a Polars/Arrow frame) in one transaction.

    Columns are matched by name, so a frame may omit columns that have defaults.
    """
    days = sorted(set(days))
    with transaction(conn):
        conn.execute(f"DELETE FROM {table} WHERE day IN (SELECT unnest(?::DATE[]))", [days])
        n = insert_frame(conn, table, frame)
    return n


def insert_frame(conn: duckdb.DuckDBPyConnection, table: str, frame: object) -> int:
    """Insert a Polars/Arrow frame into `table`, matching columns by name."""
    if frame is None or len(frame) == 0:  # type: ignore[arg-type]
        return 0
    conn.register("_tt_frame", frame)
    try:
        conn.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _tt_frame")
    finally:
        conn.unregister("_tt_frame")
    return len(frame)  # type: ignore[arg-type]


# A range is processed in chunks of whole days of at most this many rows (one day may exceed
# it), so memory stays flat as a backfill grows: a 7-day range of 100k-trace days holds one
# day at a time, while the demo's 30 small days still go through in one chunk.
CHUNK_ROWS = 50_000


def day_chunks(
    days: Iterable[date], rows_per_day: dict[date, int], budget: int | None = None
) -> list[list[date]]:
    """Consecutive sorted days grouped so each group's rows stay within `budget` (default
    CHUNK_ROWS)."""
    budget = CHUNK_ROWS if budget is None else budget
    chunks: list[list[date]] = []
    size = 0
    for day in sorted(set(days)):
        n = rows_per_day.get(day, 0)
        if chunks and size + n <= budget:
            chunks[-1].append(day)
            size += n
        else:
            chunks.append([day])
            size = n
    return chunks


def rows_per_day(
    conn: duckdb.DuckDBPyConnection, table: str, days: Iterable[date]
) -> dict[date, int]:
    """Row count of `table` per day, for the given days that have rows."""
    rows = conn.execute(
        f"SELECT day, count(*) FROM {table} WHERE day IN (SELECT unnest(?::DATE[])) GROUP BY day",
        [sorted(set(days))],
    ).fetchall()
    return {d: int(n) for d, n in rows}
