"""Runs that died holding the warehouse: found, marked failed, their pool slots freed.

A run killed by `kill -9`, the out-of-memory killer or a reboot never reports its end: Dagster
keeps it STARTED, and keeps the `warehouse` pool slot its step claimed, so every later run
waits for that slot forever. Dagster's run monitoring cannot tell a dead local run from a slow
one (the default run launcher has no health check), so this module does: every run records the
pids of its processes in its event log ("Executing steps in process (pid: N)", "Started process
for run (pid: N)", each step worker's pid). A run whose recorded processes are all gone from
this machine is dead: it is marked failed in the run history and its slots are freed.

`tracetopics run` (runner.py) calls `recover_dead_runs` before it launches anything; in a
deployment the `dead_run_sensor` (defs/sensors.py) does it every minute in the daemon.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from dataclasses import dataclass, field

import dagster as dg

from tracetopics_pipeline.core.run_record import process_alive

# Set on the runs `tracetopics run` launches: pids are only meaningful on the machine that
# recorded them. Runs without it count as local when the instance launches runs locally.
HOST_TAG = "tracetopics/host"
_S = dg.DagsterRunStatus
_ALIVE_STATUSES = [_S.STARTING, _S.STARTED, _S.CANCELING]
FINISHED_STATUSES = (_S.SUCCESS, _S.FAILURE, _S.CANCELED)


@dataclass
class RunState:
    """One run that holds a pool slot or claims to be running, and what we found."""

    run_id: str
    job_name: str
    status: str
    verdict: str  # dead | alive | finished | unknown
    pids: list[int] = field(default_factory=list)
    slots: list[str] = field(default_factory=list)  # "pool:step" it holds
    why: str = ""

    def describe(self) -> str:
        what = f"run {self.run_id[:8]} ({self.job_name}, {self.status.lower()})"
        held = f" holding {', '.join(self.slots)}" if self.slots else ""
        return f"{what}{held}: {self.why}"


def this_host() -> str:
    return socket.gethostname()


def _recorded_pids(instance: dg.DagsterInstance, run_id: str) -> list[tuple[int, float]]:
    """(pid, when the event recording it was written) for every process the run reported."""
    kinds = {dg.DagsterEventType.ENGINE_EVENT, dg.DagsterEventType.STEP_WORKER_STARTED}
    out: list[tuple[int, float]] = []
    for entry in instance.all_logs(run_id, of_type=kinds):
        event = entry.dagster_event
        data = getattr(event, "event_specific_data", None) if event else None
        meta = getattr(data, "metadata", None) or {}
        pid = meta.get("pid")
        text = getattr(pid, "text", pid)
        if isinstance(text, str) and text.isdigit():
            out.append((int(text), entry.timestamp))
    return out


def _held_slots(instance: dg.DagsterInstance) -> dict[str, list[str]]:
    """run id → "pool:step" for every claimed pool slot and every pending step."""
    storage = instance.event_log_storage
    if not storage.supports_global_concurrency_limits:
        return {}
    held: dict[str, list[str]] = {}
    keys = storage.get_concurrency_keys()
    for key, info in storage.get_concurrency_infos(list(keys)).items():
        for slot in info.claimed_slots:
            held.setdefault(slot.run_id, []).append(f"{key}:{slot.step_key}")
        for step in info.pending_steps:
            held.setdefault(step.run_id, [])
    return held


def inspect_runs(instance: dg.DagsterInstance) -> list[RunState]:
    """Every run that holds a pool slot or is recorded as running, with a verdict."""
    held = _held_slots(instance)
    records = instance.get_run_records(filters=dg.RunsFilter(statuses=_ALIVE_STATUSES))
    runs = {r.dagster_run.run_id: r.dagster_run for r in records}
    for run_id in set(held) - set(runs):
        run = instance.get_run_by_id(run_id)
        if run is not None:
            runs[run_id] = run
    local_launcher = isinstance(instance.run_launcher, dg.DefaultRunLauncher)
    host = this_host()
    states = []
    for run_id, run in sorted(runs.items()):
        state = RunState(
            run_id, run.job_name, run.status.value, "unknown", [], held.get(run_id, [])
        )
        pids = _recorded_pids(instance, run_id)
        state.pids = sorted({p for p, _ in pids})
        run_host = run.tags.get(HOST_TAG)
        if run.status in FINISHED_STATUSES:
            state.verdict, state.why = "finished", "the run has ended"
        elif run_host is not None and run_host != host:
            state.why = f"it ran on {run_host}; its processes cannot be checked from {host}"
        elif run_host is None and not local_launcher:
            state.why = "its run worker is not launched on this machine"
        elif not pids:
            state.why = "it recorded no process id yet"
        elif alive := [p for p, t in pids if process_alive(p, t)]:
            state.verdict, state.why = "alive", f"pid {', '.join(map(str, sorted(set(alive))))}"
        else:
            gone = ", ".join(map(str, state.pids))
            state.verdict, state.why = "dead", f"its process (pid {gone}) is gone"
        states.append(state)
    return states


def recover_dead_runs(
    instance: dg.DagsterInstance, say: Callable[[str], None] = print
) -> list[RunState]:
    """Mark runs whose processes are gone as failed and free the pool slots they (or runs that
    already ended) still hold; say what was done and which live runs hold slots. Returns the
    runs inspected."""
    states = inspect_runs(instance)
    for s in states:
        if s.verdict == "dead":
            run = instance.get_run_by_id(s.run_id)
            if run is not None and run.status not in FINISHED_STATUSES:
                instance.report_run_failed(
                    run,
                    f"Marked failed by tracetopics: {s.why} (killed, out of memory or a reboot).",
                )
        if s.verdict in ("dead", "finished") and s.slots:
            instance.event_log_storage.free_concurrency_slots_for_run(s.run_id)
        if s.verdict == "dead":
            freed = " and freed its slot" if s.slots else ""
            say(f"{s.describe()} — marked it failed{freed}")
        elif s.verdict == "finished" and s.slots:
            say(f"{s.describe()} — freed its slot")
        elif s.slots:
            tail = "this run waits for it" if s.verdict == "alive" else _unknown_hint(s)
            say(f"{s.describe()} — {tail}")
    return states


def _unknown_hint(s: RunState) -> str:
    return (
        "if it is dead, terminate it in the Dagster UI (Runs → the run → Terminate), which "
        "frees its slot (docs/operations.md)"
    )
