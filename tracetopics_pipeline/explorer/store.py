"""The explorer's read side: an in-memory DuckDB over the current Parquet snapshot.

The explorer never opens the live warehouse. Each request asks the store for a cursor; the
store re-reads the snapshot pointer and, when a run has published a new snapshot, builds a
fresh in-memory database for it. Small, hot tables are loaded into memory (filters join them
on every request); large ones (messages, embeddings) stay as Parquet views.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.warehouse.snapshot import MART_SCHEMA, current_snapshot

# Loaded into memory: read by nearly every request, modest size even at 100k traces.
IN_MEMORY = (
    "classifications",
    "topics",
    "topic_maps",
    "topic_lineage",
    "topic_overrides",
    "embedding_models",
    "spend_ledger",
)
# Two-level columns (docs/explorer.md, "Two levels"): a snapshot published before them gets
# them empty, so every query reads one shape; a one-level snapshot has no 'parent' rows.
LEVEL_COLUMNS = (
    ("classifications", "subtopic_id", "INTEGER"),
    ("classifications", "subtopic", "VARCHAR"),
    ("topics", "level", "VARCHAR DEFAULT 'sub'"),
    ("topics", "parent_id", "INTEGER"),
    ("topic_overrides", "merged_into", "INTEGER"),
)
# Left as views over Parquet: big columns, read by point lookups and a few aggregates.
AS_VIEW = (
    "raw_traces",
    "facet_summaries",
    "topic_points",
    "summary_embeddings",
    "phrase_embeddings",
)


class NoSnapshot(RuntimeError):
    """Nothing published yet: the pipeline has not finished a run for this home."""


@dataclass
class Loaded:
    folder: Path
    conn: duckdb.DuckDBPyConnection
    marts: frozenset[str]


def _sql_path(p: Path) -> str:
    return "'" + str(p).replace("'", "''") + "'"


def load_snapshot(folder: Path) -> Loaded:
    """Build an in-memory database over one snapshot folder."""
    conn = duckdb.connect(":memory:")
    conn.execute("SET TimeZone = 'UTC'")
    # Same schemas as the warehouse, so a table the snapshot lacks is simply empty.
    warehouse.ensure_schema(conn)
    for table in (*IN_MEMORY, *AS_VIEW):
        parquet = folder / f"{table}.parquet"
        if not parquet.exists():
            continue
        conn.execute(f"DROP TABLE {table}")
        kind = "TABLE" if table in IN_MEMORY else "VIEW"
        conn.execute(f"CREATE {kind} {table} AS SELECT * FROM read_parquet({_sql_path(parquet)})")
    for table, column, kind in LEVEL_COLUMNS:
        conn.execute(f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {column} {kind}")
    conn.execute("UPDATE topics SET level = 'sub' WHERE level IS NULL")
    # Per-trace filter columns, extracted from JSON once instead of on every request.
    conn.execute(
        """
        CREATE TABLE trace_index AS
        SELECT id, day, created, project_id, session_id,
               json_extract_string(metadata, '$.customer') AS customer,
               json_extract_string(metadata, '$.plan_tier') AS plan_tier
        FROM raw_traces
        """
    )
    # Summaries and labels without the heavy columns, in memory: hover, labels, filters.
    conn.execute(
        """
        CREATE TABLE facets AS
        SELECT trace_id, facet, summary, label, status, text_hash FROM facet_summaries
        """
    )
    conn.execute("CREATE INDEX trace_index_id ON trace_index(id)")
    marts: set[str] = set()
    conn.execute(f"CREATE SCHEMA {MART_SCHEMA}")
    for parquet in sorted(folder.glob("marts__*.parquet")):
        name = parquet.stem.removeprefix("marts__")
        if not name.replace("_", "").isalnum():
            continue
        conn.execute(
            f'CREATE TABLE {MART_SCHEMA}."{name}" AS SELECT * FROM read_parquet({_sql_path(parquet)})'
        )
        marts.add(name)
    return Loaded(folder=folder, conn=conn, marts=frozenset(marts))


class SnapshotStore:
    """Hands out cursors over whichever snapshot is current, reloading when it changes."""

    def __init__(self, snapshot_dir: Path) -> None:
        self.snapshot_dir = Path(snapshot_dir)
        self._loaded: Loaded | None = None
        self._lock = threading.Lock()

    def loaded(self) -> Loaded:
        folder = current_snapshot(self.snapshot_dir)
        if folder is None:
            raise NoSnapshot(
                f"no snapshot published under {self.snapshot_dir}; run the pipeline first"
            )
        with self._lock:
            if self._loaded is None or self._loaded.folder != folder:
                # The old connection is left to the garbage collector: requests in flight
                # still hold cursors on it.
                self._loaded = load_snapshot(folder)
            return self._loaded

    def cursor(self) -> duckdb.DuckDBPyConnection:
        return self.loaded().conn.cursor()
