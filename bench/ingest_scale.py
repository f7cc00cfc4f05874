"""Ingest throughput: one landing file of N traces (default 100,000, ~1 KB of text each) for
one day, through `ingest_days` alone (no Dagster, no facets). Prints figures; writes nothing
outside a temporary folder.

    .venv/bin/python bench/ingest_scale.py                    # 100,000 traces, target 60 s
    .venv/bin/python bench/ingest_scale.py --traces 20000 --target-seconds 12

The file is written before the clock starts; the clock covers parsing, dedupe, and the
day's replace in the warehouse. Peak RSS is this process's (ingest holds one day in memory).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from _common import load_avg, machine

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.ingest.stage import ingest_days

BODY = "I keep getting a timeout when exporting my dashboard to CSV, what should I do? " * 12


def write_landing(path: Path, n: int, day: date) -> int:
    """n traces for `day` in the JSONL input contract; returns the file's size in bytes."""
    created = f"{day.isoformat()}T10:00:00Z"
    with open(path, "w") as fh:
        for i in range(n):
            trace = {
                "id": f"t{i}",
                "created": created,
                "project_id": "p",
                "input": BODY,
                "output": "Use the export menu.",
                "messages": [
                    {"role": "user", "content": BODY},
                    {"role": "assistant", "content": BODY[:800]},
                ],
                "metadata": {"customer": f"c{i % 50}", "plan_tier": "pro"},
                "metrics": {"total_tokens": 10},
            }
            fh.write(json.dumps(trace) + "\n")
    return path.stat().st_size


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--traces", type=int, default=100_000)
    ap.add_argument("--target-seconds", type=float, default=60.0)
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args(argv)

    print(json.dumps(machine()), flush=True)
    work = Path(tempfile.mkdtemp(prefix="tt-ingest-scale-"))
    try:
        day = datetime.now(UTC).date() - timedelta(days=1)
        landing = work / "landing"
        landing.mkdir()
        size = write_landing(landing / "001-big.jsonl", args.traces, day)
        conn = warehouse.connect(work / "warehouse.duckdb")
        load_start = load_avg()
        t0 = time.perf_counter()
        stats = ingest_days(conn, landing, [day], today=day)
        elapsed = time.perf_counter() - t0
        conn.close()
        peak_gib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20
        verdict = "met" if elapsed <= args.target_seconds else "MISSED"
        print(
            f"ingested {stats.traces_written:,} of {args.traces:,} traces "
            f"({size / 1e6:.0f} MB) in {elapsed:.1f} s: "
            f"{stats.traces_written / elapsed:,.0f} traces/s, {size / 1e6 / elapsed:.1f} MB/s; "
            f"quarantined {sum(stats.quarantined_by_reason.values())}; "
            f"peak RSS {peak_gib:.2f} GiB; load {load_start} → {load_avg()}"
        )
        print(f"target ≤ {args.target_seconds:.0f} s: {verdict}")
        return 0 if stats.traces_written == args.traces else 1
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
