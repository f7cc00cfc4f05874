"""`tracetopics ingest` of a file with no newline (one line of N MB, default 200), and of a JSONL
of many ordinary traces (`ingest_scale.write_landing`, default 30,000, ~90 MB): wall time and
peak RSS of the command, beside the same command on a 3-line file (the interpreter's floor).
Review rv12 L5: the 200 MB line took 65 s and 1.1 GB before landing. Writes only to a
temporary folder (the files and fresh TRACETOPICS_HOMEs).

    .venv/bin/python bench/ingest_long_line.py            # 200 MB
    .venv/bin/python bench/ingest_long_line.py --mb 60
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from _common import REPO, load_avg, machine
from ingest_scale import write_landing


def write_line(path: Path, mb: int) -> int:
    """One unterminated trace of `mb` MB of text and no newline (the run quarantines it)."""
    with open(path, "wb") as fh:
        fh.write(b'{"id": "big", "created": "2026-11-20T10:00:00Z", "input": "')
        block = b"a" * (1 << 20)
        for _ in range(mb):
            fh.write(block)
    return path.stat().st_size


def ingest(path: Path, home: Path) -> tuple[float, float, str]:
    """(seconds, peak RSS in MB, stderr) of `tracetopics ingest PATH` in a fresh process."""
    env = {**os.environ, "TRACETOPICS_HOME": str(home)}
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")])
    # run through a parent that reports its child's peak: this process's own peak stays out
    code = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "p = subprocess.run([sys.executable, '-m', 'tracetopics_pipeline.cli', 'ingest', "
        f"{str(path)!r}], capture_output=True, text=True); "
        "print(time.perf_counter() - t, "
        "resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, p.returncode); "
        "sys.stderr.write(p.stderr)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    seconds, peak_kb, rc = proc.stdout.split()
    if rc != "0":
        raise SystemExit(f"ingest failed: {proc.stderr}")
    return float(seconds), int(peak_kb) / 1024, proc.stderr.strip()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=int, default=200)
    ap.add_argument("--traces", type=int, default=30_000, help="0: skip the many-line file")
    args = ap.parse_args(argv)
    print(json.dumps(machine()), flush=True)
    work = Path(tempfile.mkdtemp(prefix="tt-ingest-long-"))
    try:
        small = work / "small.jsonl"
        trace = '{"id": "t%d", "created": "2026-11-20T10:00:00Z", "input": "hi"}\n'
        small.write_text("".join(trace % i for i in range(3)))
        big = work / "big.jsonl"
        size = write_line(big, args.mb)
        load = load_avg()
        t0 = time.perf_counter()
        s_small, p_small, _ = ingest(small, work / "home-small")
        s_big, p_big, note = ingest(big, work / "home-big")
        print(f"3-line file: {s_small:.2f} s, peak {p_small:.0f} MB")
        print(
            f"one line of {size / 1e6:.0f} MB: {s_big:.2f} s, peak {p_big:.0f} MB "
            f"({round(p_big - p_small):+d} MB over the 3-line file)"
        )
        print(f"ingest said: {note}")
        if args.traces:
            many = work / "many.jsonl"
            size = write_landing(many, args.traces, date(2026, 11, 20))
            s_many, p_many, _ = ingest(many, work / "home-many")
            print(
                f"{args.traces:,} traces on their own lines, {size / 1e6:.0f} MB: {s_many:.2f} s, "
                f"peak {p_many:.0f} MB ({round(p_many - p_small):+d} MB over the 3-line file)"
            )
        print(f"load {load} → {load_avg()}; {time.perf_counter() - t0:.1f} s in all")
        return 0
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    raise SystemExit(main())
