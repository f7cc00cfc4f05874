"""A .json file of one JSON array of ordinary traces (default 200 MB): wall time and peak RSS of
the run's read of it (`parse_file`, records kept) and of the landing index's (`days_only`), each
in a fresh process, beside the interpreter's floor. Review rv13: the run streamed JSONL but read
a .json array whole. Writes only to a temporary folder.

    .venv/bin/python bench/ingest_json_array.py [--mb 200] [--repo DIR]

--repo: the checkout whose code is measured (default this one): main's for "before".
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

from _common import REPO, load_avg

CHILD = r"""
import resource, sys, time
from datetime import date
from pathlib import Path
from tracetopics_pipeline.core.ingest.files import parse_file
t = time.perf_counter()
r = None
if sys.argv[2] != "floor":
    r = parse_file(Path(sys.argv[1]), today=date(2026, 12, 2), days_only=sys.argv[2] == "days")
n = 0 if r is None else (len(r.records) if sys.argv[2] == "full" else sum(r.records.days.values()))
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, n)
"""


def write_array(path: Path, mb: int) -> int:
    """Traces of ~3 KB (a conversation of a few turns) until the file passes `mb` MB."""
    with open(path, "w") as fh:
        fh.write("[\n")
        i = 0
        while fh.tell() < mb * 1_000_000:
            t = {
                "id": f"t-{i:07d}",
                "created": f"2026-11-{10 + i % 10:02d}T10:00:00Z",
                "input": [
                    {"role": "user", "content": f"How do I export dashboard {i} to CSV? " * 20}
                ],
                "output": [
                    {"role": "assistant", "content": "Open the dashboard, then Export. " * 40}
                ],
                "metadata": {"customer": f"c{i % 97}", "plan_tier": "enterprise"},
                "metrics": {"prompt_tokens": 812, "completion_tokens": 144, "latency_s": 2.4},
            }
            fh.write(("," if i else "") + json.dumps(t) + "\n")
            i += 1
        fh.write("]\n")
    return path.stat().st_size


def measure(repo: Path, path: Path, mode: str) -> tuple[float, float, int]:
    env = {**os.environ, "PYTHONPATH": str(repo)}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(path), mode], env=env, capture_output=True, text=True
    )
    if out.returncode:
        raise SystemExit(out.stderr)
    s, mb, n = out.stdout.split()
    return float(s), float(mb), int(n)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=int, default=200)
    ap.add_argument("--repo", type=Path, default=REPO)
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="tt-json-array-"))
    try:
        path = work / "traces.json"
        size = write_array(path, args.mb)
        print(f"code: {args.repo}; file: {size / 1e6:.0f} MB; load {load_avg()}")
        for mode in ("floor", "days", "full"):
            s, mb, n = measure(args.repo, path, mode)
            print(f"  {mode:5s}  {s:6.1f} s  peak RSS {mb:6.0f} MB  ({n:,} traces)", flush=True)
        print(f"load {load_avg()}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
