"""A process holding the warehouse open is waited for and named; the read copy is swapped in
whole while readers hold the old one. Real processes, real DuckDB files."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.warehouse.read_copy import publish_read_copy

HOLD = """
import duckdb, sys, time
c = duckdb.connect(sys.argv[1], read_only=True)
print("open", flush=True)
time.sleep(float(sys.argv[2]))
"""


def hold(path: Path, seconds: float) -> subprocess.Popen:
    """A reader process with `path` open read-only for `seconds`, once it says so."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path), str(seconds)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "open"
    return proc


def test_a_writer_waits_for_a_reader_and_names_it(tmp_path: Path) -> None:
    path = tmp_path / "wh.duckdb"
    warehouse.connect(path).close()
    reader = hold(path, 3)
    said: list[str] = []
    t0 = time.monotonic()
    conn = warehouse.connect(path, wait_s=60, say=said.append)
    assert 1.5 < time.monotonic() - t0 < 30
    conn.execute("CREATE TABLE t AS SELECT 1 AS x")
    conn.close()
    reader.wait()
    assert len(said) == 1 and f"pid {reader.pid}" in said[0]
    assert "read/warehouse.duckdb" in said[0]


def test_a_writer_gives_up_after_the_wait_and_says_who(tmp_path: Path) -> None:
    path = tmp_path / "wh.duckdb"
    warehouse.connect(path).close()
    reader = hold(path, 30)
    try:
        with pytest.raises(warehouse.WarehouseLocked, match=f"pid {reader.pid}") as info:
            warehouse.connect(path, wait_s=0.5)
        assert "TRACETOPICS_LOCK_WAIT_S" in str(info.value)
    finally:
        reader.kill()
        reader.wait()


def test_every_connection_gets_the_memory_limit(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("TRACETOPICS_MEMORY_LIMIT", "300MiB")
    with warehouse.connect(tmp_path / "wh.duckdb") as conn:
        (limit,) = conn.execute("SELECT current_setting('memory_limit')").fetchall()[0]
    assert limit.replace(" ", "") in ("300.0MiB", "314.5MB")


def test_no_connection_draws_duckdbs_progress_bar(tmp_path: Path) -> None:
    # The explorer's start-up fill of an older warehouse drew DuckDB's bar over its console.
    # A child process: under pytest DuckDB's default is already off, in a console it is on.
    script = (
        "import sys; from tracetopics_pipeline.core import warehouse\n"
        "for ro in (False, True):\n"
        "    with warehouse.connect(sys.argv[1], read_only=ro) as c:\n"
        "        print(c.execute(\"SELECT current_setting('enable_progress_bar')\").fetchone()[0])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "wh.duckdb")],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    ).stdout.split()
    assert out == ["False", "False"]


COUNT = """
import duckdb, sys, time
c = duckdb.connect(sys.argv[1], read_only=True)
for _ in range(int(sys.argv[2])):
    n = c.execute("SELECT count(*) FROM raw_traces").fetchall()[0][0]
    m = c.execute("SELECT count(*) FROM marts.trips").fetchall()[0][0]
    print(n, m, flush=True)
    time.sleep(0.2)
"""


def test_the_read_copy_is_swapped_whole_under_a_reader(tmp_path: Path) -> None:
    live = warehouse.connect(tmp_path / "wh.duckdb")
    live.execute(
        "INSERT INTO raw_traces (id, day, created, project_id, messages, metadata, "
        "source_file, source_line) SELECT 't' || i, DATE '2026-01-05', TIMESTAMPTZ "
        "'2026-01-05 10:00:00+00', 'p', '[]', '{}', 'f', i FROM range(10) r(i)"
    )
    live.execute("CREATE SCHEMA marts")
    live.execute("CREATE TABLE marts.trips AS SELECT count(*) AS n FROM raw_traces")
    live.execute("CREATE SCHEMA staging")
    live.execute("CREATE VIEW staging.stg_traces AS SELECT id FROM main.raw_traces")
    target = tmp_path / "read" / "warehouse.duckdb"
    publish_read_copy(live, target)

    reader = subprocess.Popen(
        [sys.executable, "-c", COUNT, str(target), "15"], stdout=subprocess.PIPE, text=True
    )
    assert reader.stdout is not None
    first = reader.stdout.readline().split()
    assert first == ["10", "1"]
    live.execute("DELETE FROM raw_traces WHERE source_line >= 4")  # the next run's state
    live.execute("CREATE OR REPLACE TABLE marts.trips AS SELECT 2 AS n")
    publish_read_copy(live, target)  # while the reader holds the old file: no lock, no wait
    rest = [line.split() for line in reader.stdout]
    assert reader.wait() == 0
    assert set(map(tuple, rest)) == {("10", "1")}  # the old copy, whole, to the end

    fresh = duckdb.connect(str(target), read_only=True)
    assert fresh.execute("SELECT count(*) FROM raw_traces").fetchall() == [(4,)]
    assert fresh.execute("SELECT count(*) FROM staging.stg_traces").fetchall() == [(4,)]
    assert fresh.execute("SELECT count(*) FROM project_logs('p')").fetchall() == [(4,)]
    assert sorted(p.name for p in target.parent.iterdir()) == ["warehouse.duckdb"]


def test_the_read_copy_keeps_the_descriptions(tmp_path: Path) -> None:
    """dbt's persist_docs writes descriptions as comments; a BI tool on the read copy sees them."""
    live = warehouse.connect(tmp_path / "wh.duckdb")
    live.execute("CREATE SCHEMA marts")
    live.execute("CREATE TABLE marts.trips AS SELECT 1 AS n, 'x' AS who")
    live.execute("COMMENT ON TABLE marts.trips IS 'One row per trip'")
    live.execute("COMMENT ON COLUMN marts.trips.n IS 'Trips, counted (it''s a count)'")
    live.execute("CREATE SCHEMA staging")
    live.execute("CREATE VIEW staging.stg_trips AS SELECT n FROM marts.trips")
    live.execute("COMMENT ON VIEW staging.stg_trips IS 'Trips, staged'")
    live.execute("COMMENT ON COLUMN staging.stg_trips.n IS 'Same n'")
    target = publish_read_copy(live, tmp_path / "read" / "warehouse.duckdb")
    live.close()

    copy = duckdb.connect(str(target), read_only=True)
    columns = copy.execute(
        "SELECT schema_name || '.' || table_name || '.' || column_name, comment "
        "FROM duckdb_columns() WHERE schema_name IN ('marts', 'staging') ORDER BY 1"
    ).fetchall()
    assert columns == [
        ("marts.trips.n", "Trips, counted (it's a count)"),
        ("marts.trips.who", None),
        ("staging.stg_trips.n", "Same n"),
    ]
    assert copy.execute(
        "SELECT table_name, comment FROM duckdb_tables() WHERE schema_name = 'marts' "
        "UNION ALL SELECT view_name, comment FROM duckdb_views() WHERE schema_name = 'staging'"
    ).fetchall() == [("trips", "One row per trip"), ("stg_trips", "Trips, staged")]
