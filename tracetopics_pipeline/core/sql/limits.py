"""Resource limits of `tracetopics sql`: memory and temporary files are DuckDB settings, time is
an interrupt from a timer thread, and rows (and result bytes) are counted while the result
streams in, so no more than the limit plus one batch is ever fetched."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.sql.errors import SqlLimitExceeded

BATCH_ROWS = 2048


def human_bytes(n: int) -> str:
    for unit, size in (("TB", 10**12), ("GB", 10**9), ("MB", 10**6), ("KB", 10**3)):
        if n >= size:
            return f"{n / size:.3g} {unit}"
    return f"{n} B"


@dataclass(frozen=True)
class SqlLimits:
    memory_bytes: int
    spill_bytes: int
    timeout_s: float
    max_rows: int

    @classmethod
    def from_settings(cls, settings: Settings | None = None) -> SqlLimits:
        s = settings or Settings.from_env()
        return cls(s.sql_memory_limit, s.sql_spill_limit, s.sql_timeout_s, s.sql_max_rows)

    def apply(self, conn: duckdb.DuckDBPyConnection, spill_dir: Path | None = None) -> None:
        """Set the engine's limits; call before the connection's configuration is locked."""
        conn.execute(f"SET memory_limit = '{int(self.memory_bytes)}B'")
        if spill_dir is not None:
            conn.execute("SET temp_directory = ?", [str(spill_dir)])
        conn.execute(f"SET max_temp_directory_size = '{int(self.spill_bytes)}B'")

    # one line each: what stopped, the limit and its variable, what to do
    def timeout_error(self) -> SqlLimitExceeded:
        return SqlLimitExceeded(
            f"the query ran longer than {self.timeout_s:g} s and was stopped "
            "(TRACETOPICS_SQL_TIMEOUT): filter by day or project, or raise the limit"
        )

    def memory_error(self, spilled: bool = False) -> SqlLimitExceeded:
        if spilled:
            return SqlLimitExceeded(
                f"the query needed more than {human_bytes(self.spill_bytes)} of temporary files "
                "(TRACETOPICS_SQL_SPILL_LIMIT): aggregate or filter more, or raise the limit"
            )
        return SqlLimitExceeded(
            f"the query needed more than {human_bytes(self.memory_bytes)} of memory "
            "(TRACETOPICS_SQL_MEMORY_LIMIT): aggregate or filter more, or raise the limit"
        )

    def rows_error(self) -> SqlLimitExceeded:
        return SqlLimitExceeded(
            f"the result has more than {self.max_rows:,} rows (TRACETOPICS_SQL_MAX_ROWS): "
            "add a LIMIT or aggregate, or raise the limit"
        )


def fetch_limited(conn: duckdb.DuckDBPyConnection, sql: str, limits: SqlLimits) -> pa.Table:
    """Run `sql` on `conn` within `limits`; raises SqlLimitExceeded with a one-line message."""
    timed_out = threading.Event()

    def stop() -> None:
        timed_out.set()
        conn.interrupt()

    timer = threading.Timer(limits.timeout_s, stop)
    timer.daemon = True
    timer.start()
    reader = None
    try:
        reader = conn.sql(sql).to_arrow_reader(BATCH_ROWS)
        batches: list[pa.RecordBatch] = []
        rows = size = 0
        for batch in reader:
            rows += batch.num_rows
            size += batch.nbytes
            if rows > limits.max_rows:
                raise limits.rows_error()
            if size > limits.memory_bytes:  # the result itself, held outside DuckDB
                raise limits.memory_error()
            batches.append(batch)
        return pa.Table.from_batches(batches, schema=reader.schema)
    except SqlLimitExceeded:
        raise
    except (duckdb.Error, pa.ArrowException) as e:
        if timed_out.is_set() or isinstance(e, duckdb.InterruptException):
            raise limits.timeout_error() from e
        if isinstance(e, duckdb.OutOfMemoryException) or "Out of Memory" in str(e):
            raise limits.memory_error(spilled="max_temp_directory_size" in str(e)) from e
        raise
    finally:
        timer.cancel()
        if reader is not None:
            reader.close()
