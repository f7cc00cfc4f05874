"""Connection helpers: open the warehouse, run a transaction, write and read frames.

Set-based by habit: stages hand whole Polars/Arrow frames to `insert_frame` / `replace_days`
and read with `query_pl`, never row by row.

DuckDB allows one process to write a file, and no writer while another process has it open,
even read-only. `connect` waits for such a process (a BI tool on the live file, a
`tracetopics sql`, another run) for a bounded time, TRACETOPICS_LOCK_WAIT_S, saying who holds
the lock (DuckDB names the pid); readers should use the read copy instead (read_copy.py).
Every connection gets the same memory limit, TRACETOPICS_MEMORY_LIMIT.
"""

from __future__ import annotations

import errno
import re
import time
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.warehouse.migrate import migrate
from tracetopics_pipeline.core.warehouse.schema import SCHEMA

READ_COPY_HINT = "BI tools and notebooks should open $TRACETOPICS_HOME/read/warehouse.duckdb"


class WarehouseLocked(RuntimeError):
    """Another process kept the warehouse locked longer than the wait (TRACETOPICS_LOCK_WAIT_S)."""


def lock_holder(exc: BaseException) -> str | None:
    """'pid 1234 (/usr/bin/python3.11)' from DuckDB's "Could not set lock on file ...:
    Conflicting lock is held in ... (PID 1234)", or None when `exc` is not a lock conflict (a
    corrupt "block" is not a lock)."""
    text = str(exc)
    if not re.search(r"could not set lock|conflicting lock", text, re.IGNORECASE):
        return None
    m = re.search(r"held in (.+?) \(PID (\d+)\)", text)
    return f"pid {m.group(2)} ({m.group(1)})" if m else "another process"


def unwritable(exc: BaseException) -> str | None:
    """A few words of why a file cannot be written here when `exc` says so — a read-only file
    system (a read-only mount or copy of the home), no permission — else None. A lock held by
    another process is `lock_holder`'s, not this."""
    if isinstance(exc, OSError) and exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return (exc.strerror or str(exc)).lower()
    m = re.search(r"read-only file system|permission denied", str(exc), re.IGNORECASE)
    return m.group(0).lower() if m else None


# DuckDB's words for a damaged file, exactly: a query that merely names "checksum" is no damage.
_DAMAGE = re.compile(
    r"not a valid DuckDB database file|Corrupt database file|computed checksum \d+ does not "
    r"match stored checksum|database file is truncated",
    re.IGNORECASE,
)


def damage(exc: BaseException) -> str | None:
    """DuckDB's first line when `exc` says the database file is damaged (not a DuckDB file, a
    block whose checksum fails), else None."""
    text = str(exc).strip()
    if not _DAMAGE.search(text):
        return None
    return text.splitlines()[0].removeprefix("IO Error: ") if text else None


def connect(
    path: Path | str,
    *,
    read_only: bool = False,
    wait_s: float | None = None,
    say: Callable[[str], None] | None = None,
    settings: Settings | None = None,
) -> duckdb.DuckDBPyConnection:
    """Open the warehouse (writers also make sure the schema exists), waiting up to `wait_s`
    (default TRACETOPICS_LOCK_WAIT_S) for a process that holds its lock; `say` hears who, once
    when the wait starts and every 30 s. Raises WarehouseLocked when the wait runs out, or
    DuckDB's lock error at once when `wait_s` is 0."""
    settings = settings or Settings.from_env()
    wait_s = settings.lock_wait_s if wait_s is None else wait_s
    if not read_only:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    told = -1.0
    delay = 0.1
    while True:
        try:
            conn = duckdb.connect(str(path), read_only=read_only)
            break
        except duckdb.IOException as exc:
            holder = lock_holder(exc)
            waited = time.monotonic() - started
            if holder is None:
                raise
            if wait_s <= 0:
                raise  # no wait asked for (the CLI's reading commands): DuckDB's own error
            if waited >= wait_s:
                raise WarehouseLocked(
                    f"the warehouse {path} is locked by {holder} and stayed locked for "
                    f"{waited:.0f} s (TRACETOPICS_LOCK_WAIT_S={wait_s:g}); close it there, or "
                    f"raise the wait. {READ_COPY_HINT}"
                ) from None
            if say is not None and (told < 0 or waited - told >= 30):
                told = waited
                say(
                    f"the warehouse is locked by {holder}; waiting up to {wait_s:g} s "
                    f"(TRACETOPICS_LOCK_WAIT_S). {READ_COPY_HINT}"
                )
            time.sleep(min(delay, max(wait_s - waited, 0.05)))
            delay = min(delay * 2, 2.0)
    configure(conn, settings)
    if not read_only:
        ensure_schema(conn)
    return conn


def configure(conn: duckdb.DuckDBPyConnection, settings: Settings | None = None) -> None:
    """UTC session time (days are UTC dates whatever the machine's zone) and the memory limit
    every pipeline connection shares (DuckDB spills to disk beyond it). No progress bar: a long
    fill drew DuckDB's bar over the explorer's and the CLI's own output."""
    settings = settings or Settings.from_env()
    conn.execute("SET TimeZone = 'UTC'")
    conn.execute("SET enable_progress_bar = false")
    conn.execute(f"SET memory_limit = '{settings.memory_limit}B'")


def ensure_schema(conn: duckdb.DuckDBPyConnection) -> None:
    """Create missing tables and bring an older warehouse's tables up to date (migrate.py)."""
    conn.execute("SET TimeZone = 'UTC'")
    conn.execute(SCHEMA)
    migrate(conn)


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


def query_pl(
    conn: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None
) -> pl.DataFrame:
    """Run a parameterised query and return a Polars frame.

    Goes through execute() rather than conn.sql(): duckdb 2 refuses conn.sql() while an earlier
    execute() result is not fully fetched (e.g. after fetchone()), which callers cannot see.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # "extra copy" notice: fine at our sizes
        table = conn.execute(sql, params or []).to_arrow_table()
    return pl.from_arrow(table)  # type: ignore[return-value]


def column_names(
    conn: duckdb.DuckDBPyConnection, table: str, schema: str | None = None
) -> list[str]:
    """A table's or view's columns in order (empty when it does not exist): lets readers work on
    warehouses and snapshots written before a column was added. `schema` None: the current one."""
    rows = conn.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
        "AND table_schema = coalesce(?, current_schema()) ORDER BY ordinal_position",
        [table, schema],
    ).fetchall()
    return [r[0] for r in rows]


def first_row(
    conn: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None
) -> tuple[Any, ...] | None:
    """First row or None, fully fetched: duckdb 2 blocks register()/sql() after a bare
    fetchone() left the rest of a result pending."""
    rows = conn.execute(sql, params or []).fetchall()
    return rows[0] if rows else None
