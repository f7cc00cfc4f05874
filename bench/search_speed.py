"""The header's search: `GET /api/search` through the explorer's API, in-process, on a built home.

    .venv/bin/python bench/search_speed.py [--home DIR] [--repeats 3]

Needs a home with a published snapshot (`make demo`, or the pipeline run on your traces). Sends
nine searches of one and two words with no filter (the header box on the home page), after one
warm-up request that loads the snapshot, and prints each search's wall time (the fastest of
--repeats), the median of the nine, and the machine's load average: the machine may be shared,
so figures carry the load they were measured under.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from _common import load_avg

from tracetopics_pipeline.core import settings

QUERIES = (
    "password",
    "refund",
    "sso",
    "invoice",
    "export csv",
    "billing",
    "login error",
    "api",
    "cancel",
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", type=Path, default=settings.home())
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args(argv)
    if not (args.home / "snapshot" / "current.txt").exists():
        ap.error("--home (or TRACETOPICS_HOME) must name a home with a published snapshot")
    from fastapi.testclient import TestClient

    from tracetopics_pipeline.explorer.app import create_app

    client = TestClient(create_app(args.home), base_url="http://127.0.0.1")
    client.get("/api/search", params={"q": "warm"}).raise_for_status()  # loads the snapshot
    times = []
    for q in QUERIES:
        best = float("inf")
        for _ in range(args.repeats):
            t0 = time.perf_counter()
            r = client.get("/api/search", params={"q": q})
            best = min(best, time.perf_counter() - t0)
        r.raise_for_status()
        body = r.json()
        times.append(best)
        print(
            f"  {q!r:14s} {best * 1000:6.0f} ms  {len(body['topics'])} topics, "
            f"{body['trace_total']} of {body['in_scope']} traces"
        )
    print(f"median of {len(times)} searches: {statistics.median(times) * 1000:.0f} ms")
    print(f"load average: {load_avg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
