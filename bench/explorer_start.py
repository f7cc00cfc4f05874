"""The explorer's first requests after start, as the page makes them on load.

Starts `tracetopics explore` on $TRACETOPICS_HOME (a published home, e.g. the demo's), waits
until it answers, then fires the home's first requests together (the refresh status, the
overview, what changed, the scope count) and a second refresh status, and prints each one's
time and the load average. Docs: docs/explorer.md ("Refresh now").

    TRACETOPICS_HOME=... .venv/bin/python bench/explorer_start.py [--port 18970]
"""

from __future__ import annotations

import argparse
import os
import threading
import time
import urllib.request

from _common import start_explorer

FIRST = ["/api/refresh", "/api/overview", "/api/changes?since=7", "/api/traces?limit=1"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, default=18970)
    args = ap.parse_args()
    with start_explorer(args.port) as (base, up):
        took: dict[str, float] = {}

        def get(name: str, path: str) -> None:
            t = time.perf_counter()
            urllib.request.urlopen(base + path, timeout=300).read()
            took[name] = time.perf_counter() - t

        threads = [threading.Thread(target=get, args=(p, p)) for p in FIRST]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        get("second /api/refresh", "/api/refresh")
        print(f"answered {up:.1f} s after start; load average {os.getloadavg()[0]:.1f}")
        for name in [*FIRST, "second /api/refresh"]:
            print(f"  {name:<28} {took[name]:6.2f} s")


if __name__ == "__main__":
    main()
