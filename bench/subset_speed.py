"""On-demand clustering speed: "Cluster this subset" on ~2,000 traces of demo data, warm and cold.

    .venv/bin/python bench/subset_speed.py [--home DIR] [--days 7] [--repeats 3]

Uses the demo home at --home (default $TRACETOPICS_HOME); when it has no snapshot, generates the
demo (30 days x 300 traces, seed 7) and runs the pipeline there first. The subset is the last
--days days (7 x 300 = 2,100 traces), clustered by Task through the explorer's API
(`POST /api/cluster`, in-process), which calls the daily maps' `cluster_texts`.

Each measurement runs in a fresh Python process, as a freshly started explorer would:
- "cold, first process ever": numba's disk cache emptied first (the one-time cost after an
  install: UMAP/pynndescent compile), no warm-up;
- "cold, no warm-up": a fresh process with the cache filled, the request sent at once without
  the warm-up `tracetopics explore` starts (what `create_app` alone gives);
- "start + warm-up, request at once": `serve()`'s background warm-up started and the request sent
  right away (a click as soon as the page is up; the two share the cores);
- "start + warm-up finished": the request sent once the warm-up is done (a click after the
  seconds it takes to read the home page).
In each process, "warm" is the same request again (median of --repeats), and "warm, another
subset" the --days days before it, once (its texts and candidate names are new to the process;
the phrases the daily maps stored come from the snapshot). Every answer has two levels: it
prints the parents and subtopics found. It prints wall and CPU seconds and the machine's load
average at each request: the machine is shared, so figures carry the load they were measured
under, and CPU seconds are what compares across loads.
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

from tracetopics_pipeline.core import settings

CHILD = r"""
import json, os, sys, time
t_start = time.perf_counter()
from fastapi.testclient import TestClient
from tracetopics_pipeline.explorer.app import create_app
days, repeats, mode = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
client = TestClient(create_app(os.environ["TRACETOPICS_HOME"]), base_url="http://127.0.0.1")
if mode != "none":  # as serve() does right after create_app
    from tracetopics_pipeline.explorer.subset import warm_up
    thread = warm_up()
    if mode == "joined":
        thread.join()
ov = client.get("/api/overview").json()
t_ready = time.perf_counter()
import datetime as dt
last = dt.date.fromisoformat(ov["date_max"])
first = last - dt.timedelta(days=days - 1)
def body(a, b):
    return {"filter": {"date_from": a.isoformat(), "date_to": b.isoformat()}, "facet": "Task",
            "max_traces": 5000}
def measure(b):
    load = os.getloadavg()[0]
    w, c = time.perf_counter(), time.process_time()
    r = client.post("/api/cluster", json=b)
    r.raise_for_status()
    out = r.json()
    return {"wall": time.perf_counter() - w, "cpu": time.process_time() - c, "load": load,
            "traces": out["n_traces"], "texts": out["n_texts"], "topics": len(out["topics"]),
            "parents": len(out.get("parents") or []),
            "no_match": out.get("no_match_share"), "parts": out.get("timings", {})}
runs = [measure(body(first, last)) for _ in range(1 + repeats)]
other = measure(body(first - dt.timedelta(days=days), first - dt.timedelta(days=1)))
print(json.dumps({"startup": t_ready - t_start, "first": first.isoformat(),
                  "last": last.isoformat(), "runs": runs, "other": other}))
"""


def ensure_demo(home: Path) -> None:
    if (home / "snapshot" / "current.txt").exists():
        return
    print(f"no snapshot in {home}: generating the demo and running the pipeline (minutes)")
    env = {**os.environ, "TRACETOPICS_HOME": str(home)}
    subprocess.run([sys.executable, "-m", "tracetopics_pipeline.cli", "demo"], env=env, check=True)


def _phrases(home: Path) -> str:
    """Rows of phrase_embeddings the current snapshot holds (the daily maps' names' phrases)."""
    try:
        name = (home / "snapshot" / "current.txt").read_text().strip()
        manifest = json.loads((home / "snapshot" / name / "manifest.json").read_text())
    except (OSError, ValueError):
        return "unknown"
    n = manifest.get("tables", {}).get("phrase_embeddings")
    return "none (a snapshot from before phrase_embeddings)" if n is None else f"{n:,}"


def child(home: Path, days: int, repeats: int, cache: Path, mode: str) -> dict:
    env = {**os.environ, "TRACETOPICS_HOME": str(home), "NUMBA_CACHE_DIR": str(cache)}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(days), str(repeats), mode],
        env=env,
        cwd=home,  # not the checkout: `python -c` puts its cwd first on sys.path
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


def _line(r: dict) -> str:
    parts = ", ".join(f"{k} {v:.2f}s" for k, v in r["parts"].items())
    return f"wall {r['wall']:.2f}s  cpu {r['cpu']:.2f}s  load {r['load']:.1f} ({parts})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", type=Path, default=None, help="demo home (default $TRACETOPICS_HOME)")
    ap.add_argument("--days", type=int, default=7, help="the subset: the last N days")
    ap.add_argument("--repeats", type=int, default=3, help="warm requests per process")
    ap.add_argument("--no-empty-cache", action="store_true", help="skip the first-ever run")
    args = ap.parse_args(argv)
    home = (args.home or settings.home()).resolve()
    ensure_demo(home)
    cache = Path(tempfile.mkdtemp(prefix="tt-numba-"))
    print(f"home {home}; subset: the last {args.days} days, Task; cores {os.cpu_count()}")
    print(
        f"stored candidate-name vectors in the snapshot (phrase_embeddings): {_phrases(home)}; "
        "CPU seconds compare across loads, wall seconds only at the same load"
    )
    cases = [("cold, first process ever (empty numba cache)", True, "none")] * (
        not args.no_empty_cache
    )
    cases += [
        ("cold, no warm-up (numba cache filled)", False, "none"),
        ("start + warm-up, request at once", False, "at-once"),
        ("start + warm-up finished, then the request", False, "joined"),
    ]
    try:
        if args.no_empty_cache:  # fill the numba cache first, so "cache filled" holds
            child(home, args.days, 0, cache, "none")
        for name, empty, mode in cases:
            if empty:
                shutil.rmtree(cache, ignore_errors=True)
                cache.mkdir()
            before = load_avg()
            t0 = time.perf_counter()
            res = child(home, args.days, args.repeats, cache, mode)
            first, warm, other = res["runs"][0], res["runs"][1:], res["other"]
            print(
                f"\n{name}: process {time.perf_counter() - t0:.1f}s, app + first page "
                f"{res['startup']:.1f}s; subset {res['first']}..{res['last']}: "
                f"{first['traces']:,} traces, {first['texts']:,} distinct summaries, "
                f"{first['parents']} parents over {first['topics']} subtopics, "
                f"no_match {first['no_match']:.1%}"
            )
            print(f"  load before {before}, after {load_avg()}")
            print(f"  first request: {_line(first)}")
            if warm:
                print(
                    f"  warm, same subset: wall median "
                    f"{statistics.median(r['wall'] for r in warm):.2f}s (min "
                    f"{min(r['wall'] for r in warm):.2f})  cpu median "
                    f"{statistics.median(r['cpu'] for r in warm):.2f}s  load "
                    f"{statistics.median(r['load'] for r in warm):.1f}"
                )
            print(
                f"  warm, another subset ({other['traces']:,} traces, {other['texts']:,} "
                f"texts, {other['parents']} parents over {other['topics']} subtopics): "
                f"{_line(other)}"
            )
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
