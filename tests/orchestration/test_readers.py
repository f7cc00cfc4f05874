"""BI readers never fail a run and never see a half-built one: through a real `tracetopics run`
a reader queries the read copy, and another holds the live warehouse open until the run has
said it is waiting for it (which used to fail the run with "Could not set lock")."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from datetime import date
from pathlib import Path

import duckdb
from factories.landing import trace_object, write_lines
from repo_paths import REPO

CLI = str(REPO / ".venv" / "bin" / "tracetopics")
END = date(2026, 11, 20)

READ = """
import duckdb, json, sys, time
c = duckdb.connect(sys.argv[1], read_only=True)
print("open", flush=True)
while True:
    try:
        n = c.execute("SELECT count(*) FROM project_logs('support-agent')").fetchall()[0][0]
        m = c.execute("SELECT count(*) FROM marts.trace_facts").fetchall()[0][0]
        print(json.dumps([n, m]), flush=True)
    except Exception as exc:  # the test fails on any
        print(json.dumps(str(exc)), flush=True)
    if sys.stdin.readline().strip() == "stop":
        break
"""
HOLD = """
import duckdb, sys
c = duckdb.connect(sys.argv[1], read_only=True)
print("open", flush=True)
sys.stdin.readline()  # until told
"""


def _env() -> dict[str, str]:
    # Small maps by k-means: the subject here is locking, not topics.
    return {**os.environ, "TRACETOPICS_MIN_SUMMARIES": "20", "TRACETOPICS_ALGORITHM": "kmeans"}


def _run() -> subprocess.CompletedProcess:
    return subprocess.run([CLI, "run"], env=_env(), capture_output=True, text=True, timeout=1200)


def test_readers_hold_connections_through_a_run(home: Path) -> None:
    from tracetopics_pipeline.demo import generate_traffic

    generate_traffic(home / "landing", days=2, per_day=40, seed=9, end=END, bad_lines=False)
    first = _run()
    assert first.returncode == 0, first.stderr[-3000:]
    copy = home / "read" / "warehouse.duckdb"
    assert copy.exists()

    reader = subprocess.Popen(
        [sys.executable, "-c", READ, str(copy)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert reader.stdout is not None and reader.stdin is not None
    assert reader.stdout.readline().strip() == "open"
    live = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(home / "warehouse.duckdb")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert live.stdout is not None and live.stdin is not None
    assert live.stdout.readline().strip() == "open"

    more = [trace_object(f"new-{i}", END, project_id="support-agent") for i in range(30)]
    write_lines(home / "landing" / "zz-more.jsonl", more)
    second = subprocess.Popen(
        [CLI, "run"], env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    err: list[str] = []

    def watch() -> None:  # the live reader lets go once the run says it waits for it
        assert second.stderr is not None
        for line in second.stderr:
            err.append(line)
            if f"locked by pid {live.pid}" in line and live.stdin is not None:
                live.stdin.write("\n")
                live.stdin.flush()

    watcher = threading.Thread(target=watch)
    watcher.start()
    seen = []
    while second.poll() is None:  # the reader keeps querying its copy all through the run
        reader.stdin.write("\n")
        reader.stdin.flush()
        seen.append(json.loads(reader.stdout.readline()))
    watcher.join(timeout=60)
    reader.stdin.write("stop\n")
    reader.stdin.flush()
    seen += [json.loads(line) for line in reader.stdout]

    assert second.returncode == 0, "".join(err)[-3000:]
    assert live.wait(timeout=10) == 0  # it was let go: the run waited for it, and named it
    assert len(seen) > 3 and all(s == seen[0] for s in seen), seen[:3]  # whole, old, no errors
    after = duckdb.connect(str(copy), read_only=True)
    n = after.execute("SELECT count(*) FROM project_logs('support-agent')").fetchall()[0][0]
    assert n == seen[0][0] + 30
