"""Connections and execution: read-only, locked down, with a short wait for a busy writer and
the published snapshot as fallback; `run_sql` is what `tracetopics sql` calls."""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from tracetopics_pipeline.core import settings
from tracetopics_pipeline.core.sql.errors import SqlRefused, WarehouseUnavailable
from tracetopics_pipeline.core.sql.formats import FORMATS, format_result, parquet_target
from tracetopics_pipeline.core.sql.macro import install_project_logs, sql_ident, sql_literal
from tracetopics_pipeline.core.sql.sandbox import DIALECT, check_query, known_relations
from tracetopics_pipeline.core.sql.where import to_duckdb

log = logging.getLogger(__name__)
LOCK_WAIT_S = 3.0


@dataclass
class SqlResult:
    table: pa.Table
    sql: str  # the DuckDB SQL that ran
    source: str  # 'warehouse' or 'snapshot <folder>'
    notice: str | None = None

    def frame(self) -> Any:
        import polars as pl

        return pl.from_arrow(self.table)


def _lock_down(conn: duckdb.DuckDBPyConnection, allowed_dir: Path | None = None) -> None:
    """No files, network, extensions or Python-variable scans from here on, and no way back."""
    conn.execute("SET python_enable_replacements = false")
    conn.execute("SET autoinstall_known_extensions = false")
    conn.execute("SET autoload_known_extensions = false")
    if allowed_dir is not None:  # snapshot views read their own Parquet files, nothing else
        conn.execute(f"SET allowed_directories = [{sql_literal(str(allowed_dir) + '/')}]")
    conn.execute("SET enable_external_access = false")
    conn.execute("SET lock_configuration = true")


def _is_lock_error(e: Exception) -> bool:
    return "lock" in str(e).lower()


def _open_snapshot(folder: Path) -> duckdb.DuckDBPyConnection:
    conn = duckdb.connect(":memory:")
    conn.execute("SET TimeZone = 'UTC'")
    conn.execute("CREATE SCHEMA IF NOT EXISTS marts")
    for pq in sorted(folder.glob("*.parquet")):
        stem = pq.stem
        name = (
            f"marts.{sql_ident(stem.split('__', 1)[1])}"
            if stem.startswith("marts__")
            else sql_ident(stem)
        )
        conn.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet({sql_literal(str(pq))})")
    # project_logs needs these even when the snapshot lacks them
    from tracetopics_pipeline.core.warehouse import SCHEMA

    for stmt in SCHEMA.split(";"):
        m = re.search(r"CREATE TABLE IF NOT EXISTS (\w+)", stmt)
        if m and not (folder / f"{m.group(1)}.parquet").exists():
            conn.execute(stmt.replace("CREATE TABLE", "CREATE TEMP TABLE"))
    return conn


def open_readonly(
    warehouse: Path | None = None, *, wait_s: float = LOCK_WAIT_S
) -> tuple[duckdb.DuckDBPyConnection, str, str | None]:
    """A locked-down read-only connection: the warehouse, or the published snapshot while a
    pipeline run holds the write lock. Returns (connection, source, notice)."""
    path = Path(warehouse) if warehouse else settings.paths().warehouse
    if not path.exists():
        raise WarehouseUnavailable(f"no warehouse at {path}: run the pipeline first")
    deadline = time.monotonic() + wait_s
    while True:
        try:
            conn = duckdb.connect(str(path), read_only=True)
            conn.execute("SET TimeZone = 'UTC'")
            install_project_logs(conn, temporary=True)
            _lock_down(conn)
            return conn, "warehouse", None
        except duckdb.Error as e:
            if not _is_lock_error(e):
                raise
            if time.monotonic() >= deadline:
                break
            time.sleep(0.25)
    from tracetopics_pipeline.core.warehouse.snapshot import current_snapshot

    snap_root = path.parent / "snapshot"
    folder = current_snapshot(snap_root)
    if folder is None:
        raise WarehouseUnavailable(
            f"the warehouse {path} is locked by a running pipeline and no snapshot has been "
            "published yet; retry when the run finishes"
        )
    conn = _open_snapshot(folder)
    install_project_logs(conn, temporary=True)
    _lock_down(conn, allowed_dir=folder)
    notice = (
        f"the warehouse is busy (a pipeline run holds the write lock); "
        f"answering from the snapshot {folder.name}"
    )
    return conn, f"snapshot {folder.name}", notice


def execute_sql(
    query: str,
    *,
    where: str | None = None,
    warehouse: Path | None = None,
    conn: duckdb.DuckDBPyConnection | None = None,
) -> SqlResult:
    """Check, translate and run one 0-based read-only query; returns an Arrow table.

    With `conn` (already locked down by the caller, e.g. the explorer), runs there;
    otherwise opens the warehouse read-only (or the snapshot while it is locked).
    """
    tree = to_duckdb(query, where=where)
    check_query(tree)  # refuse before touching the warehouse
    own = conn is None
    source, notice = "connection", None
    if own:
        conn, source, notice = open_readonly(warehouse)
    try:
        check_query(tree, known_relations(conn))
        sql = tree.sql(dialect=DIALECT)
        try:
            table = conn.sql(sql).to_arrow_table()
        except duckdb.PermissionException as e:
            raise SqlRefused(f"refused by the sandbox: {e}") from e
        if notice:
            log.warning(notice)
        return SqlResult(table=table, sql=sql, source=source, notice=notice)
    finally:
        if own:
            conn.close()


def run_sql(
    query: str,
    *,
    where: str | None = None,
    fmt: str = "table",
    warehouse: Path | None = None,
    output: Path | str | None = None,
) -> str:
    """`tracetopics sql`: run one read-only 0-based query and render it (see docs/sql.md).

    Raises SqlRefused for anything but a single read, WarehouseUnavailable when there is
    nothing to read. `output` is the parquet file for fmt='parquet'.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "parquet":
        parquet_target(output)  # refuse a bad path before running anything
    result = execute_sql(query, where=where, warehouse=warehouse)
    return format_result(result.table, fmt, output=output)
