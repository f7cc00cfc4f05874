"""The daily topic maps of a demo home, rebuilt in fresh processes: does the map build keep its speed?

    .venv/bin/python bench/map_speed.py [--home DIR] [--runs 2]

Copies the home's warehouse to a temporary folder and rebuilds every facet's map as of the last
day in it (`build_maps`, the `topic_maps` asset's core function, local labeller), each time in a
new Python process, as each Dagster run is. The first process starts with an empty numba disk
cache (the first run after an install), the next ones with the cache it filled (every later
daily run). Prints per facet the distinct summaries and topics, and per process the wall and CPU
seconds of the build and the machine's load average.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from _common import load_avg

from tracetopics_pipeline.core import settings

CHILD = r"""
import json, os, sys, time
from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.facets.definitions import load_facets
from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.topics.maps import build_maps
conn = warehouse.connect(sys.argv[1])
day = conn.execute("SELECT max(day) FROM facet_summaries").fetchone()[0]
w, c = time.perf_counter(), time.process_time()
stats = build_maps(conn, day, facets=load_facets(), settings=Settings.from_env())
out = {"wall": time.perf_counter() - w, "cpu": time.process_time() - c, "day": str(day),
       "maps": [[s.facet, s.status, s.n_docs, s.n_topics, round(s.seconds, 2)] for s in stats]}
print(json.dumps(out))
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", type=Path, default=None, help="demo home (default $TRACETOPICS_HOME)")
    ap.add_argument("--runs", type=int, default=2, help="fresh processes after the first")
    args = ap.parse_args(argv)
    home = (args.home or settings.home()).resolve()
    if not (home / "warehouse.duckdb").exists():
        print(f"no warehouse in {home}: run `tracetopics demo` there first", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="tt-maps-"))
    try:
        env = {
            **os.environ,
            "TRACETOPICS_HOME": str(work),
            "NUMBA_CACHE_DIR": str(work / "numba"),
        }
        for i in range(1 + args.runs):
            wh = work / "warehouse.duckdb"
            shutil.copy(home / "warehouse.duckdb", wh)  # the same input every time
            before = load_avg()
            out = subprocess.run(
                [sys.executable, "-c", CHILD, str(wh)],
                env=env,
                cwd=work,  # not the checkout: `python -c` puts its cwd first on sys.path
                check=True,
                capture_output=True,
                text=True,
            )
            res = json.loads(out.stdout.strip().splitlines()[-1])
            what = "first process, empty numba cache" if i == 0 else "fresh process, cache filled"
            print(
                f"{what}: build_maps as of {res['day']}: wall {res['wall']:.1f}s  "
                f"cpu {res['cpu']:.1f}s  load before {before}, after {load_avg()}"
            )
            if i == 0:
                for facet, status, n, k, secs in res["maps"]:
                    print(
                        f"  {facet:20s} {status:8s} {n:6,d} summaries  {k:4d} topics  {secs:6.1f}s"
                    )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
