"""Run the pipeline's Dagster jobs in-process: the CLI's one path into the pipeline.

`tracetopics run` and `make demo` call this; it walks `defs.jobs.RANGE_PLAN`, launching the
same named jobs the UI, the schedule and the sensors launch (recorded in the $DAGSTER_HOME
instance, so they show up in `dagster dev`), never a second implementation of the pipeline.
`tracetopics run --today` (and the explorer's "Refresh now", which runs that command) launches
the schedule's own `daily_job` for today's partition (`run_daily`).
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import dagster as dg

from tracetopics_pipeline.core.run_record import recording
from tracetopics_pipeline.core.settings import paths

ROOT = Path(__file__).resolve().parent.parent
# Runs that hold (or are about to hold) the warehouse: a new run waits for none of them.
IN_PROGRESS = [
    dg.DagsterRunStatus.QUEUED,
    dg.DagsterRunStatus.NOT_STARTED,
    dg.DagsterRunStatus.STARTING,
    dg.DagsterRunStatus.STARTED,
    dg.DagsterRunStatus.CANCELING,
]


class RunInProgress(RuntimeError):
    """Another run of the pipeline is in progress in this instance."""

    def __init__(self, run: dg.DagsterRun) -> None:
        self.run = run
        super().__init__(
            f"run {run.run_id[:8]} ({run.job_name}) is in progress; wait for it to finish "
            "(or, if its process died, mark it canceled in the Dagster UI)"
        )


class RunFailed(Exception):
    """A job of the plan did not succeed; later steps were not launched. `failures` says, per
    failed step, what went wrong in one line ("facet_summaries: blocking check facet_coverage
    failed", "raw_traces: OSError: ...")."""

    def __init__(self, job: str, run_id: str, failures: list[str], checks: list[str]) -> None:
        super().__init__(f"{job} (run {run_id[:8]}) failed: " + "; ".join(failures))
        self.job, self.run_id, self.failures, self.checks = job, run_id, failures, checks


def _failures(result: dg.ExecuteInProcessResult) -> tuple[list[str], list[str]]:
    """(one line per failed step, names of the blocking checks that failed)."""
    checks = [
        e.check_name
        for e in result.get_asset_check_evaluations()
        if not e.passed and e.severity == dg.AssetCheckSeverity.ERROR
    ]
    lines = []
    for event in result.get_step_failure_events():
        error = event.step_failure_data.error if event.step_failure_data else None
        if error is not None and error.cls_name == "DagsterAssetCheckFailedError":
            lines.append(f"{event.step_key}: a blocking check failed ({', '.join(checks)})")
        elif error is not None:
            first = (error.message or "").strip().splitlines()
            lines.append(f"{event.step_key}: {first[0] if first else error.cls_name}")
        else:
            lines.append(f"{event.step_key}: failed")
    return lines, checks


def ensure_dagster_home() -> Path:
    """Point DAGSTER_HOME at $TRACETOPICS_HOME/dagster, holding the project's dagster.yaml."""
    home = paths().ensure().dagster_home
    target = home / "dagster.yaml"
    if not target.exists() and (ROOT / "dagster.yaml").exists():
        shutil.copy(ROOT / "dagster.yaml", target)
    os.environ["DAGSTER_HOME"] = str(home)  # Dagster's own variable: it reads the environment
    return home


def runs_in_progress(
    instance: dg.DagsterInstance, say: Callable[[str], None] = print
) -> list[dg.DagsterRun]:
    """Runs of this instance that are queued or running, newest first. Runs whose processes
    died (kill -9, out of memory, reboot) are first marked failed and their slots freed
    (defs/recovery.py), so a dead run never blocks the next one."""
    from tracetopics_pipeline.defs.recovery import recover_dead_runs

    recover_dead_runs(instance, say=say)
    return list(instance.get_runs(filters=dg.RunsFilter(statuses=IN_PROGRESS)))


def run_daily(
    day: date,
    *,
    tags: dict[str, str] | None = None,
    say: Callable[[str], None] = print,
    log_level: str = "INFO",
) -> str:
    """Run the daily schedule's job (`daily_job`) for one day's partition; returns the run id.

    Refuses (RunInProgress) while another run of the instance is queued or running: DuckDB has
    one writer, and two refreshes of one day would only repeat each other. Raises RunFailed
    when the job does not succeed (a day held back for its quarantine rate, a blocking check,
    an error in a step).
    """
    ensure_dagster_home()
    from tracetopics_pipeline.definitions import defs
    from tracetopics_pipeline.defs.recovery import HOST_TAG, this_host

    job = defs.resolve_job_def("daily_job")
    run_config = {"loggers": {"console": {"config": {"log_level": log_level}}}}
    with dg.DagsterInstance.get() as instance:
        busy = runs_in_progress(instance, say=say)
        if busy:
            raise RunInProgress(busy[0])
        started = time.monotonic()
        say(f"▶ daily_job for {day} (the daily schedule's job)")
        with recording([day], "daily"):  # `tracetopics status` says it (core/run_record.py)
            result = job.execute_in_process(
                instance=instance,
                partition_key=day.isoformat(),
                run_config=run_config,
                tags={**(tags or {}), HOST_TAG: this_host()},
                raise_on_error=False,
            )
            if not result.success:
                raise RunFailed("daily_job", result.run_id, *_failures(result))
        say(f"  done in {time.monotonic() - started:.1f}s (run {result.run_id[:8]})")
        return result.run_id


# Days closer than this run as one range (the empty days between cost little); farther apart
# they run as separate ranges, so one stray old trace does not make a run of ten thousand days.
SPAN_GAP_DAYS = 31


def day_spans(days: Sequence[date]) -> list[tuple[date, date, int]]:
    """(first, last, how many of `days`) of each group of days no more than SPAN_GAP_DAYS
    apart, in order."""
    spans: list[list] = []
    for d in sorted(set(days)):
        if spans and (d - spans[-1][1]).days <= SPAN_GAP_DAYS:
            spans[-1][1] = d
            spans[-1][2] += 1
        else:
            spans.append([d, d, 1])
    return [(a, b, n) for a, b, n in spans]


def run_pipeline(
    days: Sequence[date],
    *,
    map_days: int = 2,
    say: Callable[[str], None] = print,
    log_level: str = "INFO",
) -> list[str]:
    """Materialize every given day through the steps of `RANGE_PLAN`; returns the run ids.

    Raises RunFailed when a job does not succeed (a blocking check, an error in a step); the
    run stays in the Dagster run history with its whole log.
    """
    ensure_dagster_home()
    from tracetopics_pipeline.definitions import defs
    from tracetopics_pipeline.defs.jobs import RANGE_PLAN, range_tags
    from tracetopics_pipeline.defs.recovery import HOST_TAG, recover_dead_runs, this_host

    days = sorted(set(days))
    if not days:
        say("nothing to run: no landing files touch any day (try `tracetopics ingest FILE`)")
        return []
    first, last = days[0], days[-1]
    map_range = [
        d for d in (last - timedelta(days=i) for i in reversed(range(map_days))) if d >= first
    ]
    run_ids: list[str] = []
    # The console shows what the pipeline's own code logs (progress, counts) as plain lines;
    # every line as Dagster writes it, framework events and libraries' lines too, goes to the
    # run's log file (defs/loggers.py; review rv12 L1).
    log_file = run_log_path()
    run_config = {
        "loggers": {
            "console": {
                "config": {"log_level": log_level, "plain": True, "log_file": str(log_file)}
            }
        }
    }
    host = {HOST_TAG: this_host()}  # the pids these runs record are this machine's
    with dg.DagsterInstance.get() as instance, recording(days, "run"):  # for `status`
        # A run killed earlier (kill -9, out of memory, reboot) still holds the warehouse
        # pool's slot: every step below would wait for it forever.
        recover_dead_runs(instance, say=say)
        say(f"Dagster's log of these runs: {log_file}")
        for n, step in enumerate(RANGE_PLAN, start=1):
            job = defs.resolve_job_def(step.job)
            if step.scope == "range":
                runs = [
                    (
                        f"{a} → {b} ({n_days} day{'s' if n_days != 1 else ''})",
                        {"tags": {**range_tags(a.isoformat(), b.isoformat()), **host}},
                    )
                    for a, b, n_days in day_spans(days)
                ]
            elif step.scope == "map_days":
                runs = [
                    (f"as of {d}", {"partition_key": d.isoformat(), "tags": host})
                    for d in map_range
                ]
            else:
                runs = [("", {"tags": host})]
            # one numbered line a stage; a stage of several runs (the map days) says each
            # run's day as it ends (review rv12 L1: "[2/4]" printed once a map day)
            whats = [w for w, _ in runs]
            joined = whats[0] if len(whats) == 1 else _joined(whats)
            say(f"▶ [{n}/{len(RANGE_PLAN)}] {step.title} {joined}".rstrip())
            for what, kwargs in runs:
                started = time.monotonic()
                if len(runs) > 1:
                    say(f"  {what}")
                result = job.execute_in_process(
                    instance=instance, run_config=run_config, raise_on_error=False, **kwargs
                )
                run_ids.append(result.run_id)
                if not result.success:
                    raise RunFailed(step.job, result.run_id, *_failures(result))
                say(f"  done in {time.monotonic() - started:.1f}s (run {result.run_id[:8]})")
    return run_ids


def _joined(whats: Sequence[str]) -> str:
    """'as of 2026-12-01 and 2026-12-02': runs of one stage named once ("as of" said once)."""
    head = "as of "
    if all(w.startswith(head) for w in whats):
        days = [w.removeprefix(head) for w in whats]
        return head + (", ".join(days[:-1]) + " and " + days[-1])
    return "; ".join(whats)


def run_log_path() -> Path:
    """A new log file for one `tracetopics run` (its jobs' Dagster lines), under HOME/logs."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return paths().home / "logs" / f"run-{stamp}-{os.getpid()}.log"
