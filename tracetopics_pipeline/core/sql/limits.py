"""Resource limits of `tracetopics sql`: memory and temporary files are DuckDB settings, time is
an interrupt from a timer thread, and rows (and result bytes) are counted while the result
streams in, so no more than the limit plus one batch is ever fetched.

Neither the interrupt nor `memory_limit` stops one scalar call that builds a huge value
(`repeat('x', 1500000000)` ran 4.5 min at 3 GB with a 10 s limit, review rv7 Q1): a process that
runs one query for the user (`tracetopics sql`) also runs it under `HardStop`, which ends the
process with the same one-line error once the query is past its time limit plus a grace, or the
process's resident memory past the memory limit plus a headroom."""

from __future__ import annotations

import contextlib
import os
import shutil
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pyarrow as pa

from tracetopics_pipeline.core.run_record import process_alive
from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.sql.errors import SqlLimitExceeded

BATCH_ROWS = 2048
HARD_GRACE_S = 5.0  # past the time limit, before HardStop ends the process
RSS_HEADROOM = 512 * 10**6  # resident memory past the process's own and the memory limit


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


SPILL = "sql-spill"  # under the home's cache: one folder per process, named by its pid


def spill_dir(warehouse: Path) -> Path:
    """This process's folder for DuckDB's temporary files, beside the warehouse. One per
    process, so cleaning it never takes a query of another process's files."""
    return warehouse.parent / "cache" / SPILL / str(os.getpid())


def clean_spill(warehouse: Path, *, mine: bool = False) -> int:
    """Remove the spill folders of processes that are gone (a query the watchdog ended, a
    kill -9), loose files of the layout before per-process folders, and with `mine` this
    process's own (once its query's connection is closed, or as HardStop exits). Returns the
    files removed. Called as a connection opens and after every query: DuckDB removes its
    temporary files when a connection closes, but a process that ends without closing it
    (HardStop's exit) leaves them, up to TRACETOPICS_SQL_SPILL_LIMIT each."""
    root = warehouse.parent / "cache" / SPILL
    if not root.is_dir():
        return 0
    removed = 0
    for entry in root.iterdir():
        if entry.is_dir():
            pid = int(entry.name) if entry.name.isdigit() else None
            # a process that made its folder started before it (a pid reused since: gone)
            gone = pid is not None and not process_alive(pid, entry.stat().st_mtime)
            if pid is not None and (mine if pid == os.getpid() else gone):
                removed += sum(1 for p in entry.rglob("*") if p.is_file())
                shutil.rmtree(entry, ignore_errors=True)
        elif entry.name.startswith("duckdb_temp"):  # written before per-process folders
            with contextlib.suppress(OSError):
                entry.unlink()
                removed += 1
    return removed


def rss_bytes() -> int:
    """This process's resident memory (0 where /proc is not there)."""
    try:
        with open("/proc/self/statm") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


class HardStop:
    """For a process that runs one query and nothing else (`tracetopics sql`): a watchdog
    thread that prints the limit's one-line error and ends the process (exit `code`) when the
    query has not returned `grace_s` after its time limit, or when the process's resident
    memory passes what it held at the start plus the memory limit plus RSS_HEADROOM. Never use
    it in a process that serves anything else: it exits."""

    def __init__(
        self,
        limits: SqlLimits,
        code: int = 1,
        grace_s: float = HARD_GRACE_S,
        cleanup: Callable[[], None] | None = None,
    ) -> None:
        self.limits, self.code, self.grace_s = limits, code, grace_s
        self.cleanup = cleanup  # before the exit: the query's temporary files
        self._done = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self) -> HardStop:
        deadline = time.monotonic() + self.limits.timeout_s + self.grace_s
        base = rss_bytes()
        cap = base + self.limits.memory_bytes + RSS_HEADROOM if base else 0

        def watch() -> None:
            while not self._done.wait(0.05):
                if time.monotonic() > deadline:
                    self._exit(self.limits.timeout_error())
                if cap and rss_bytes() > cap:
                    self._exit(self.limits.memory_error())

        self._thread = threading.Thread(target=watch, name="sql-hard-stop", daemon=True)
        self._thread.start()
        return self

    def _exit(self, error: SqlLimitExceeded) -> None:
        if self._done.is_set():  # the query returned meanwhile
            return
        sys.stderr.write(f"error: {error}\n")
        sys.stderr.flush()
        if self.cleanup is not None:  # os._exit runs no `finally`: DuckDB's spill stays
            with contextlib.suppress(Exception):
                self.cleanup()
        os._exit(self.code)

    def __exit__(self, *exc: object) -> None:
        self._done.set()
        if self._thread is not None:
            self._thread.join()
