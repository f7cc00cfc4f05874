"""The read and privacy surfaces under load: `tracetopics sql` on the issue's runaway queries
(default limits, through the console script, peak memory of that process), and PII redaction
throughput on demo traffic. Prints figures; writes nothing outside a temporary folder.

    .venv/bin/python bench/surfaces.py
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import GiB, load_avg, machine

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.facets.redact import redact_counts
from tracetopics_pipeline.demo import generate_traffic

RUNAWAY = {
    "1e9 x 1e9 cross join": "SELECT * FROM range(1000000000) a, range(1000000000) b",
    "3 GB string_agg": "SELECT length(string_agg(repeat('x', 1000), ',')) FROM range(3000000)",
    "10 billion rows": "SELECT * FROM range(10000000000)",
}


def sql_limits(home: Path) -> None:
    warehouse.connect(home / "warehouse.duckdb").close()  # an empty warehouse is enough
    exe = Path(sys.executable).with_name("tracetopics")
    env = {**os.environ, "TRACETOPICS_HOME": str(home)}
    print("tracetopics sql, default limits (2 GB memory, 4 GB temp files, 60 s, 100,000 rows)")
    for name, query in RUNAWAY.items():
        t0 = time.monotonic()
        proc = subprocess.Popen(
            [str(exe), "sql", query], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        out, err = proc.stdout.read(), proc.stderr.read()
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        print(
            f"  {name:22s} exit {proc.returncode}  {time.monotonic() - t0:5.1f} s  "
            f"peak {usage.ru_maxrss * 1024 / GiB:.2f} GiB  "
            f"{(err or out).decode().strip().splitlines()[0][:90]}"
        )


def redaction(tmp: Path) -> None:
    files = generate_traffic(tmp / "landing", days=3, per_day=300, seed=7, bad_lines=False)
    texts = []
    for f in files:
        for line in f.read_text().splitlines():
            try:
                texts.append(json.dumps(json.loads(line).get("messages"), ensure_ascii=False))
            except ValueError:
                continue
    size = sum(len(t) for t in texts)
    t0 = time.perf_counter()
    counts: dict[str, int] = {}
    for t in texts:
        for k, v in redact_counts(t).counts.items():
            counts[k] = counts.get(k, 0) + v
    dt = time.perf_counter() - t0
    print(
        f"redaction: {len(texts):,} demo conversations, {size / 1e6:.2f} MB in {dt:.2f} s "
        f"({size / 1e6 / dt:.2f} MB/s); replaced {counts}"
    )


def main() -> None:
    print(json.dumps(machine()), "load", load_avg())
    with tempfile.TemporaryDirectory() as tmp:
        sql_limits(Path(tmp) / "home")
        redaction(Path(tmp))


if __name__ == "__main__":
    main()
