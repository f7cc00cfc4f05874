"""Scale benchmark: N traces a day through the real Dagster pipeline, with BERTopic beside it.

For each case (traces per day × days) a fresh $TRACETOPICS_HOME is filled with generated demo
traffic and the full daily pipeline is materialized through `runner.run_pipeline` (the same
Dagster jobs the CLI, schedule and sensors launch; embedded defaults: local summarizer,
all-MiniLM-L6-v2, UMAP + HDBSCAN, dbt on DuckDB). Then, in the same home:

* hourly: a file of 5,000 new traces for the next day, run through `ingest_job` (raw_traces →
  facet_summaries → summary_embeddings → classifications → dbt → snapshot; no re-clustering);
* BERTopic (bench extra) on the same Task texts, all of them, as BERTopic is used: its own
  embedding with the same model and thread count, then fit.

Every measured part runs in a child process; the parent samples the RSS of that child and all
its descendants (dbt runs as a subprocess) with psutil, so "peak RSS" is the peak of the sum (of proportional set sizes, so pages that forked
workers share with the parent count once; the main process's own peak RSS is given beside it).
Per-stage wall time comes from the Dagster runs' STEP_SUCCESS events (summed over the runs of
the pipeline's three phases).

    .venv/bin/python bench/scale.py                      # 10k×1, 100k×1, then 10k×7, 100k×7
    .venv/bin/python bench/scale.py --cases 10000x1 --no-bertopic
    .venv/bin/python bench/scale.py --cases 100000x1 --json bench/results/scale-100k.json

When 100k×1 ran first, 100k×7 runs only if it took under --max-day-seconds (default 900). Needs the `bench` extra (bertopic, psutil).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from _common import REPO, GiB, load_avg, machine

END_DAY = datetime.now(UTC).date() - timedelta(days=1)  # the last full UTC day


# --------------------------------------------------------------------------- child: pipeline


def _dir_bytes(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.exists() else 0


def _step_seconds(run_ids: list[str]) -> dict[str, float]:
    """Wall seconds per Dagster step (op), summed over the given runs, from STEP_SUCCESS events."""
    import dagster as dg

    out: dict[str, float] = {}
    with dg.DagsterInstance.get() as instance:
        for run_id in run_ids:
            records = instance.get_records_for_run(
                run_id, of_type=dg.DagsterEventType.STEP_SUCCESS
            ).records
            for rec in records:
                ev = rec.event_log_entry.dagster_event
                step = ev.step_key or "?"
                out[step] = out.get(step, 0.0) + ev.event_specific_data.duration_ms / 1000
    return out


def _run_seconds(run_ids: list[str]) -> dict[str, float]:
    """Wall seconds per run (start → success), including Dagster's own overhead."""
    import dagster as dg

    out = {}
    with dg.DagsterInstance.get() as instance:
        for run_id in run_ids:
            rec = instance.get_run_record_by_id(run_id)
            if rec and rec.start_time and rec.end_time:
                out[run_id[:8]] = rec.end_time - rec.start_time
    return out


def _warehouse_facts(home: Path, days: list[date]) -> dict[str, Any]:
    """Unique ratio of summary texts per facet, table row counts, sizes on disk."""
    import duckdb

    conn = duckdb.connect(str(home / "warehouse.duckdb"), read_only=True)
    try:
        uniq = conn.execute(
            """
            SELECT facet, count(*) AS ok, count(DISTINCT text_hash) AS uniq
            FROM facet_summaries WHERE status = 'ok' AND summary IS NOT NULL
              AND day IN (SELECT unnest(?::DATE[]))
            GROUP BY facet ORDER BY facet
            """,
            [days],
        ).fetchall()
        rows = {
            t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in (
                "raw_traces",
                "quarantine",
                "facet_summaries",
                "summary_embeddings",
                "classifications",
                "topics",
            )
        }
        maps = conn.execute(
            "SELECT facet, day, status, n_docs, n_topics, no_match_share FROM topic_maps "
            "ORDER BY facet, day"
        ).fetchall()
    finally:
        conn.close()
    wh = home / "warehouse.duckdb"
    return {
        "unique_ratio": {
            f: {"ok": ok, "unique": u, "ratio": round(u / ok, 4)} for f, ok, u in uniq
        },
        "rows": rows,
        "maps": [
            {"facet": f, "day": str(d), "status": s, "n_docs": n, "n_topics": k, "no_match": nm}
            for f, d, s, n, k, nm in maps
        ],
        "warehouse_bytes": wh.stat().st_size + (_dir_bytes(wh.with_suffix(".duckdb.wal"))),
        "snapshot_bytes": _dir_bytes(home / "snapshot"),
        "landing_bytes": _dir_bytes(home / "landing"),
    }


STAGE_FUNCS = (
    ("raw_traces", "tracetopics_pipeline.core.ingest.stage", "ingest_days"),
    ("facet_summaries", "tracetopics_pipeline.core.facets.stage", "summarize_days"),
    ("summary_embeddings", "tracetopics_pipeline.core.topics.embed", "embed_days"),
    ("topic_maps", "tracetopics_pipeline.core.topics.maps", "build_maps"),
    ("classifications", "tracetopics_pipeline.core.topics.classify", "classify_days"),
)


def _cpu_now() -> float:
    """CPU seconds of this process (all threads) plus its waited-for children (forked pools)."""
    import resource

    me, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def instrument_stages(record: dict[str, dict[str, float]]) -> None:
    """Wrap each core stage function to record its wall and CPU seconds. CPU seconds do not
    grow when other jobs share the cores, so they show what a quiet machine would need.
    Must run before the Dagster definitions are imported (assets bind some by name)."""
    import functools
    import importlib
    import resource

    for stage, module, name in STAGE_FUNCS:
        mod = importlib.import_module(module)
        fn = getattr(mod, name)

        @functools.wraps(fn)
        def timed(*a: Any, _fn: Any = fn, _stage: str = stage, **kw: Any) -> Any:
            w0, c0 = time.perf_counter(), _cpu_now()
            try:
                return _fn(*a, **kw)
            finally:
                r = record.setdefault(_stage, {"wall_s": 0.0, "cpu_s": 0.0, "calls": 0})
                r["wall_s"] += time.perf_counter() - w0
                r["cpu_s"] += _cpu_now() - c0
                r["calls"] += 1
                # The process's peak RSS so far: the stage after which it jumps set the peak.
                r["maxrss_gib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20

        setattr(mod, name, timed)


def child_pipeline(per_day: int, n_days: int, home: Path, out: Path) -> None:
    """Generate the traffic and run the whole daily pipeline; write figures as JSON."""
    os.environ["TRACETOPICS_HOME"] = str(home)
    core_stages: dict[str, dict[str, float]] = {}
    instrument_stages(core_stages)
    from tracetopics_pipeline import runner
    from tracetopics_pipeline.core.settings import paths
    from tracetopics_pipeline.demo import generate_traffic

    res: dict[str, Any] = {"per_day": per_day, "days": n_days, "load_start": load_avg()}
    t0 = time.perf_counter()
    files = generate_traffic(
        paths().ensure().landing, days=n_days, per_day=per_day, seed=7, end=END_DAY
    )
    res["generate_s"] = time.perf_counter() - t0
    days = [END_DAY - timedelta(days=n_days - 1 - i) for i in range(n_days)]
    assert len(files) == n_days
    phases: list[tuple[str, float]] = []
    last = [time.perf_counter()]

    def say(msg: str) -> None:
        now = time.perf_counter()
        print(msg, flush=True)
        if msg.strip().startswith("done in"):
            phases.append((msg.strip(), now - last[0]))
        last[0] = now

    t0 = time.perf_counter()
    run_ids = runner.run_pipeline(days, say=say, log_level="WARNING")
    res["pipeline_s"] = time.perf_counter() - t0
    res["run_ids"] = run_ids
    res["steps_s"] = _step_seconds(run_ids)
    res["runs_s"] = _run_seconds(run_ids)
    res["core_stages"] = core_stages
    res.update(_warehouse_facts(home, days))
    res["load_end"] = load_avg()
    out.write_text(json.dumps(res, indent=2, default=str))


def child_hourly(n: int, home: Path, out: Path) -> None:
    """A new hourly file of n traces for the day after the pipeline's last day, through the
    ingest_job for that day (classified against the current maps; no topic_maps step)."""
    os.environ["TRACETOPICS_HOME"] = str(home)
    import dagster as dg

    from tracetopics_pipeline import runner
    from tracetopics_pipeline.core.settings import paths
    from tracetopics_pipeline.demo import iter_day_lines

    core_stages: dict[str, dict[str, float]] = {}
    instrument_stages(core_stages)
    day = END_DAY + timedelta(days=1)
    landing = paths().ensure().landing
    path = landing / f"hourly-{day.isoformat()}-10.jsonl"
    with open(path, "wb") as fh:
        for line, _answer in iter_day_lines(day, n, seed=11, bad_lines=True):
            fh.write(line + b"\n")
    runner.ensure_dagster_home()
    from tracetopics_pipeline.definitions import defs

    res: dict[str, Any] = {"traces": n, "load_start": load_avg()}
    job = defs.resolve_job_def("ingest_job")
    t0 = time.perf_counter()
    with dg.DagsterInstance.get() as instance:
        result = job.execute_in_process(
            instance=instance,
            partition_key=day.isoformat(),
            run_config={"loggers": {"console": {"config": {"log_level": "WARNING"}}}},
            raise_on_error=True,
        )
    res["total_s"] = time.perf_counter() - t0
    res["steps_s"] = _step_seconds([result.run_id])
    res["runs_s"] = _run_seconds([result.run_id])
    core = ("raw_traces", "facet_summaries", "summary_embeddings", "classifications")
    res["core_s"] = sum(v for k, v in res["steps_s"].items() if k in core)
    res["core_stages"] = core_stages
    res["load_end"] = load_avg()
    out.write_text(json.dumps(res, indent=2, default=str))


def child_bertopic(home: Path, out: Path, threads: int) -> None:
    """BERTopic on the same Task texts (every ok Task summary, repeats included, as BERTopic
    takes documents): embedding with the same model and threads, then fit_transform."""
    import duckdb
    import torch

    from tracetopics_pipeline.core.topics.embedders.local import load_model

    conn = duckdb.connect(str(home / "warehouse.duckdb"), read_only=True)
    docs = [
        r[0]
        for r in conn.execute(
            "SELECT summary FROM facet_summaries WHERE facet = 'Task' AND status = 'ok' "
            "AND summary IS NOT NULL AND day <= ? ORDER BY day, trace_id",
            [END_DAY],
        ).fetchall()
    ]
    conn.close()
    torch.set_num_threads(threads)
    from bertopic import BERTopic

    res: dict[str, Any] = {"docs": len(docs), "load_start": load_avg()}
    model = load_model()
    t0 = time.perf_counter()
    emb = model.encode(docs, batch_size=128, show_progress_bar=False, convert_to_numpy=True)
    res["embed_s"] = time.perf_counter() - t0
    t0 = time.perf_counter()
    topic_model = BERTopic(embedding_model=model, calculate_probabilities=False)
    topics, _ = topic_model.fit_transform(docs, emb)
    res["fit_s"] = time.perf_counter() - t0
    res["total_s"] = res["embed_s"] + res["fit_s"]
    res["n_topics"] = len(set(topics)) - (1 if -1 in topics else 0)
    res["outlier_share"] = round(sum(1 for t in topics if t == -1) / max(1, len(topics)), 4)
    res["load_end"] = load_avg()
    out.write_text(json.dumps(res, indent=2, default=str))


# --------------------------------------------------------------------------- parent: measure


def _pss(proc: Any, rss: int) -> int:
    """Proportional set size: forked workers share the parent's pages copy-on-write, and
    summing their RSS would count those pages once per process. Falls back to RSS."""
    try:
        return int(proc.memory_full_info().pss)
    except Exception:
        return rss


def run_child(args: list[str], label: str, log: Path) -> dict[str, Any]:
    """Run `scale.py <args>` as a child; sample the RSS of it and its descendants every 0.2 s."""
    import psutil

    out = Path(tempfile.mkstemp(prefix="scale-", suffix=".json")[1])
    cmd = [sys.executable, str(Path(__file__).resolve()), *args, "--out", str(out)]
    print(f"── {label}: load {load_avg()}", flush=True)
    import resource

    kids0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu0 = kids0.ru_utime + kids0.ru_stime
    t0 = time.perf_counter()
    with open(log, "ab") as lf:
        proc = subprocess.Popen(cmd, stdout=lf, stderr=subprocess.STDOUT, cwd=REPO)
        peak = 0
        peak_self = 0
        stop = threading.Event()

        def sample() -> None:
            nonlocal peak, peak_self
            try:
                root = psutil.Process(proc.pid)
            except psutil.NoSuchProcess:
                return
            while not stop.is_set():
                total = 0
                try:
                    own = root.memory_info().rss
                    total = _pss(root, own)
                    peak_self = max(peak_self, own)
                    for c in root.children(recursive=True):
                        with contextlib.suppress(psutil.Error):
                            total += _pss(c, c.memory_info().rss)
                except psutil.Error:
                    pass
                peak = max(peak, total)
                stop.wait(0.2)

        th = threading.Thread(target=sample, daemon=True)
        th.start()
        rc = proc.wait()
        stop.set()
        th.join()
    wall = time.perf_counter() - t0
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = kids.ru_utime + kids.ru_stime - cpu0
    if rc != 0:
        raise SystemExit(f"{label} failed (exit {rc}); see {log}")
    res = json.loads(out.read_text())
    out.unlink()
    res.update(wall_s=wall, cpu_s=cpu, peak_rss_bytes=peak, peak_rss_main_bytes=peak_self)
    print(
        f"   {label}: {wall:.1f}s wall, {cpu:.1f} CPU-s, peak RSS {peak / GiB:.2f} GiB "
        f"(main process {peak_self / GiB:.2f}), load {load_avg()}",
        flush=True,
    )
    return res


STAGES = (
    "raw_traces",
    "facet_summaries",
    "summary_embeddings",
    "topic_maps",
    "classifications",
    "dbt",
    "explorer_snapshot",
)


def _stage_table(steps: dict[str, float]) -> dict[str, float]:
    """Group step keys into the pipeline's stages (the dbt step's name is dagster-dbt's)."""
    out = dict.fromkeys(STAGES, 0.0)
    for step, s in steps.items():
        key = step if step in out else ("dbt" if "dbt" in step else step)
        out[key] = out.get(key, 0.0) + s
    return out


def fmt_case(c: dict[str, Any]) -> str:
    n = c["per_day"] * c["days"]
    stages = _stage_table(c["steps_s"])
    lines = [
        f"{c['per_day']:,}/day × {c['days']} day(s) = {n:,} traces",
        f"  end to end {c['pipeline_s']:.1f}s ({n / c['pipeline_s']:.0f} traces/s), "
        f"peak RSS {c['peak_rss_bytes'] / GiB:.2f} GiB (main {c['peak_rss_main_bytes'] / GiB:.2f}), "
        f"warehouse {c['warehouse_bytes'] / 2**20:.0f} MiB, snapshot {c['snapshot_bytes'] / 2**20:.0f} MiB, "
        f"landing {c['landing_bytes'] / 2**20:.0f} MiB; generate {c['generate_s']:.1f}s",
        f"  load {c['load_start']} → {c['load_end']}",
    ]
    core = c.get("core_stages", {})
    lines += [
        f"  {k:<20} {v:8.1f}s  {v / c['pipeline_s']:5.1%}"
        + (
            f"   cpu {core[k]['cpu_s']:8.1f}s   main peak RSS so far {core[k]['maxrss_gib']:.2f} GiB"
            if k in core
            else ""
        )
        for k, v in stages.items()
    ]
    other = c["pipeline_s"] - sum(stages.values())
    lines.append(f"  {'(dagster overhead)':<20} {other:8.1f}s  {other / c['pipeline_s']:5.1%}")
    lines.append(
        "  unique ratio: "
        + ", ".join(f"{f} {v['ratio']:.3f}" for f, v in c["unique_ratio"].items())
    )
    return "\n".join(lines)


def growth(a: dict[str, Any], b: dict[str, Any]) -> dict[str, float]:
    """Exponent k in cost ∝ N^k between two cases (time per stage, end to end, peak RSS)."""
    na, nb = a["per_day"] * a["days"], b["per_day"] * b["days"]
    r = math.log(nb / na)
    sa, sb = _stage_table(a["steps_s"]), _stage_table(b["steps_s"])
    out = {k: round(math.log(sb[k] / sa[k]) / r, 2) for k in STAGES if sa.get(k) and sb.get(k)}
    out["end_to_end"] = round(math.log(b["pipeline_s"] / a["pipeline_s"]) / r, 2)
    out["peak_rss"] = round(math.log(b["peak_rss_bytes"] / a["peak_rss_bytes"]) / r, 2)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument(
        "--cases", default="10000x1,100000x1,10000x7,100000x7", help="comma-separated PER_DAYxDAYS"
    )
    ap.add_argument("--no-bertopic", action="store_true")
    ap.add_argument(
        "--bertopic-max-docs",
        type=int,
        default=100_000,
        help="skip BERTopic on cases with more Task texts than this (time box)",
    )
    ap.add_argument("--hourly", type=int, default=5000, help="hourly file size (0 = skip)")
    ap.add_argument(
        "--max-day-seconds",
        type=float,
        default=900,
        help="run 100000x7 only if 100000x1 finished within this",
    )
    ap.add_argument("--json", type=Path, help="write all figures here")
    ap.add_argument("--keep", action="store_true", help="keep the bench homes")
    ap.add_argument(
        "--log", type=Path, default=Path(tempfile.gettempdir()) / "tracetopics-scale.log"
    )
    # child modes
    ap.add_argument("--child", choices=["pipeline", "hourly", "bertopic"], help=argparse.SUPPRESS)
    ap.add_argument("--per-day", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--days", type=int, default=1, help=argparse.SUPPRESS)
    ap.add_argument("--home", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()

    if args.child == "pipeline":
        return child_pipeline(args.per_day, args.days, args.home, args.out)
    if args.child == "hourly":
        return child_hourly(args.per_day, args.home, args.out)
    if args.child == "bertopic":
        from tracetopics_pipeline.core.settings import Settings

        return child_bertopic(args.home, args.out, Settings.from_env().threads)

    report: dict[str, Any] = {
        "machine": machine(),
        "started": datetime.now(UTC).isoformat(),
        "cases": [],
    }
    print(json.dumps(report["machine"]), flush=True)
    print(f"child logs: {args.log}", flush=True)
    done: dict[tuple[int, int], dict[str, Any]] = {}
    for spec in args.cases.split(","):
        per_day, n_days = (int(x) for x in spec.lower().split("x"))
        if (per_day, n_days) == (100_000, 7):
            one = done.get((100_000, 1))  # when it ran first, it must have been fast enough
            if one is not None and one["pipeline_s"] > args.max_day_seconds:
                why = f"100k×1 took {one['pipeline_s']:.0f}s"
                print(f"── skipping 100000x7: {why} (> {args.max_day_seconds:.0f}s)", flush=True)
                report["cases"].append({"per_day": per_day, "days": n_days, "skipped": why})
                continue
        home = Path(tempfile.mkdtemp(prefix=f"tt-scale-{per_day}x{n_days}-"))
        try:
            case = run_child(
                ["--child", "pipeline", "--per-day", str(per_day), "--days", str(n_days),
                 "--home", str(home)],
                f"pipeline {per_day}x{n_days}", args.log,
            )  # fmt: skip
            case["home"] = str(home)
            print(fmt_case(case), flush=True)
            if args.hourly and n_days == 1:
                case["hourly"] = run_child(
                    ["--child", "hourly", "--per-day", str(args.hourly), "--home", str(home)],
                    f"hourly {args.hourly}", args.log,
                )  # fmt: skip
                h = case["hourly"]
                print(
                    f"   hourly: core stages {h['core_s']:.1f}s, whole ingest_job {h['total_s']:.1f}s: "
                    + ", ".join(f"{k} {v:.1f}s" for k, v in h["steps_s"].items()),
                    flush=True,
                )
            task_docs = case["unique_ratio"].get("Task", {}).get("ok", 0)
            if not args.no_bertopic and task_docs <= args.bertopic_max_docs:
                case["bertopic"] = b = run_child(
                    ["--child", "bertopic", "--home", str(home)], "BERTopic", args.log
                )
                ours = _stage_table(case["steps_s"])
                ours_topics = ours["summary_embeddings"] + ours["topic_maps"]
                b["ratio_vs_embed_plus_maps"] = round(b["total_s"] / ours_topics, 2)
                b["ratio_vs_end_to_end"] = round(b["total_s"] / case["pipeline_s"], 2)
                print(
                    f"   BERTopic: {b['docs']:,} docs, embed {b['embed_s']:.1f}s + fit {b['fit_s']:.1f}s "
                    f"= {b['total_s']:.1f}s, {b['n_topics']} topics, outliers {b['outlier_share']:.1%}; "
                    f"× {b['ratio_vs_embed_plus_maps']} our embed+maps, "
                    f"× {b['ratio_vs_end_to_end']} our end to end",
                    flush=True,
                )
            done[(per_day, n_days)] = case
            report["cases"].append(case)
        finally:
            if not args.keep:
                shutil.rmtree(home, ignore_errors=True)
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps(report, indent=2, default=str))
    for d in (1, 7):
        a, b = done.get((10_000, d)), done.get((100_000, d))
        if a and b:
            report[f"growth_{d}d"] = g = growth(a, b)
            print(f"growth exponent 10k→100k ({d} day): {g}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(report, indent=2, default=str))


if __name__ == "__main__":
    main()
