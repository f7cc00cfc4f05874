"""On-demand clustering speed: "Cluster this subset" on ~2,000 traces of demo data, warm and cold.

    .venv/bin/python bench/subset_speed.py [--home DIR] [--days 7] [--repeats 3]

Uses the demo home at --home (default $TRACETOPICS_HOME); when it has no snapshot, generates the
demo (30 days x 300 traces, seed 7) and runs the pipeline there first. The subset is the last
--days days (7 x 300 = 2,100 traces), clustered by Task through the explorer's API
(`POST /api/cluster`, in-process), which calls the daily maps' `cluster_texts`.

Each measurement runs in a fresh Python process, as a freshly started explorer would:
- "cold, first process ever": numba's disk cache emptied first (the one-time cost after an
  install: UMAP/pynndescent compile);
- "cold": a fresh process with the cache filled (every later explorer start);
- "warm": the same request again in that process (median of --repeats).
It prints wall and CPU seconds and the machine's load average before and after each step: the
machine is shared, so figures carry the load they were measured under.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import load_avg

CHILD = r"""
import json, os, sys, time
t_start = time.perf_counter()
from fastapi.testclient import TestClient
from tracetopics_pipeline.explorer.app import create_app
client = TestClient(create_app(os.environ["TRACETOPICS_HOME"]), base_url="http://127.0.0.1")
ov = client.get("/api/overview").json()
t_ready = time.perf_counter()
last = ov["date_max"]
import datetime as dt
first = (dt.date.fromisoformat(last) - dt.timedelta(days=int(sys.argv[1]) - 1)).isoformat()
body = {"filter": {"date_from": first, "date_to": last}, "facet": "Task", "max_traces": 5000}
runs = []
for i in range(1 + int(sys.argv[2])):
    load = os.getloadavg()[0]
    w, c = time.perf_counter(), time.process_time()
    r = client.post("/api/cluster", json=body)
    r.raise_for_status()
    out = r.json()
    runs.append({"wall": time.perf_counter() - w, "cpu": time.process_time() - c,
                 "load": load, "traces": out["n_traces"], "texts": out["n_texts"],
                 "topics": len(out["topics"]), "no_match": out.get("no_match_share"),
                 "parts": out.get("timings", {})})
print(json.dumps({"startup": t_ready - t_start, "first": first, "last": last, "runs": runs}))
"""


def ensure_demo(home: Path) -> None:
    if (home / "snapshot" / "current.txt").exists():
        return
    print(f"no snapshot in {home}: generating the demo and running the pipeline (minutes)")
    env = {**os.environ, "TRACETOPICS_HOME": str(home)}
    subprocess.run([sys.executable, "-m", "tracetopics_pipeline.cli", "demo"], env=env, check=True)


def child(home: Path, days: int, repeats: int, cache: Path) -> dict:
    env = {**os.environ, "TRACETOPICS_HOME": str(home), "NUMBA_CACHE_DIR": str(cache)}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(days), str(repeats)],
        env=env,
        cwd=home,  # not the checkout: `python -c` puts its cwd first on sys.path
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", type=Path, default=None, help="demo home (default $TRACETOPICS_HOME)")
    ap.add_argument("--days", type=int, default=7, help="the subset: the last N days")
    ap.add_argument("--repeats", type=int, default=3, help="warm requests per process")
    ap.add_argument("--no-empty-cache", action="store_true", help="skip the first-ever run")
    args = ap.parse_args(argv)
    home = (args.home or Path(os.environ.get("TRACETOPICS_HOME", ".tracetopics"))).resolve()
    ensure_demo(home)
    cache = Path(tempfile.mkdtemp(prefix="tt-numba-"))
    print(f"home {home}; subset: the last {args.days} days, Task; cores {os.cpu_count()}")
    cases = [("cold, first process ever (empty numba cache)", True)] * (not args.no_empty_cache)
    cases += [("cold (numba cache filled)", False), ("cold again", False)]
    try:
        for name, empty in cases:
            if empty:
                shutil.rmtree(cache, ignore_errors=True)
                cache.mkdir()
            before = load_avg()
            t0 = time.perf_counter()
            res = child(home, args.days, args.repeats, cache)
            first, warm = res["runs"][0], res["runs"][1:]
            print(
                f"\n{name}: process {time.perf_counter() - t0:.1f}s, app + first page "
                f"{res['startup']:.1f}s; subset {res['first']}..{res['last']}: "
                f"{first['traces']:,} traces, {first['texts']:,} distinct summaries, "
                f"{first['topics']} topics, no_match {first['no_match']:.1%}"
            )
            print(f"  load before {before}")
            parts = ", ".join(f"{k} {v:.2f}s" for k, v in first["parts"].items())
            print(f"  cold request: wall {first['wall']:.2f}s  cpu {first['cpu']:.2f}s ({parts})")
            if warm:
                parts = ", ".join(
                    f"{k} {statistics.median(r['parts'][k] for r in warm):.2f}s"
                    for k in first["parts"]
                )
                print(
                    f"  warm request: wall median {statistics.median(r['wall'] for r in warm):.2f}s "
                    f"(min {min(r['wall'] for r in warm):.2f})  cpu median "
                    f"{statistics.median(r['cpu'] for r in warm):.2f}s ({parts})"
                )
            print(f"  load after  {load_avg()}")
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
