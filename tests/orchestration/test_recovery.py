"""A killed run never wedges the pipeline: a real `tracetopics run` process killed with SIGKILL
while it holds the warehouse pool's slot is found dead, marked failed, and its slot freed, by
the next CLI run and by the daemon's sensor."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import dagster as dg
import pytest
from repo_paths import REPO

from tracetopics_pipeline.defs.recovery import inspect_runs, process_alive

CLI = str(REPO / ".venv" / "bin" / "tracetopics")
END = datetime.now(UTC).date() - timedelta(days=1)


@pytest.fixture
def traffic_home(home: Path) -> Path:
    from tracetopics_pipeline.demo import generate_traffic

    generate_traffic(home / "landing", days=2, per_day=40, seed=3, end=END)
    return home


def _instance(home: Path) -> dg.DagsterInstance:
    return dg.DagsterInstance.from_config(str(home / "dagster"))


def _holders(home: Path) -> list[str]:
    with _instance(home) as instance:
        info = instance.event_log_storage.get_concurrency_info("warehouse")
        return [s.run_id for s in info.claimed_slots]


def _start_and_kill(home: Path) -> str:
    """Start `tracetopics run`, wait until its run holds the warehouse slot, SIGKILL it."""
    proc = subprocess.Popen(
        [CLI, "run"], env=os.environ.copy(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 300
    held: list[str] = []
    while not held and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.5)
        if (home / "dagster" / "storage").exists():
            held = _holders(home)
    assert held, "the run never claimed the warehouse slot"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    assert _holders(home) == held  # a killed run keeps its slot: what used to wedge every run
    return held[0]


def _status(home: Path, run_id: str) -> dg.DagsterRunStatus:
    with _instance(home) as instance:
        run = instance.get_run_by_id(run_id)
        assert run is not None
        return run.status


def test_the_next_cli_run_frees_a_killed_runs_slot_and_completes(traffic_home: Path) -> None:
    dead = _start_and_kill(traffic_home)
    assert _status(traffic_home, dead) == dg.DagsterRunStatus.STARTED
    out = subprocess.run(
        [CLI, "run"], env=os.environ.copy(), capture_output=True, text=True, timeout=1200
    )
    assert out.returncode == 0, out.stderr[-3000:]
    assert f"run {dead[:8]} (summarize_job, started)" in out.stdout
    assert "marked it failed and freed its slot" in out.stdout
    assert _status(traffic_home, dead) == dg.DagsterRunStatus.FAILURE
    assert _holders(traffic_home) == []
    assert "What the run built" in out.stdout  # the second run went all the way


def test_run_today_and_refresh_do_not_wait_for_a_killed_run(traffic_home: Path) -> None:
    """`tracetopics run --today` and the explorer's Refresh refuse while a run is in progress:
    a killed run is found dead and marked failed instead of counting as one."""
    from tracetopics_pipeline.runner import runs_in_progress

    dead = _start_and_kill(traffic_home)
    said: list[str] = []
    with _instance(traffic_home) as instance:
        assert [r.run_id for r in runs_in_progress(instance, say=said.append)] == []
    assert any(dead[:8] in line and "marked it failed" in line for line in said)
    assert _status(traffic_home, dead) == dg.DagsterRunStatus.FAILURE
    assert _holders(traffic_home) == []


def test_the_daemon_sensor_frees_a_dead_run_and_leaves_a_live_one(traffic_home: Path) -> None:
    from tracetopics_pipeline.defs.sensors import dead_run_sensor

    dead = _start_and_kill(traffic_home)
    with _instance(traffic_home) as instance:
        result = dead_run_sensor(dg.build_sensor_context(instance=instance))
    assert isinstance(result, dg.SkipReason)
    assert dead[:8] in result.skip_message and "marked it failed" in result.skip_message
    assert _status(traffic_home, dead) == dg.DagsterRunStatus.FAILURE
    assert _holders(traffic_home) == []

    # A live run holding the slot is left alone.
    proc = subprocess.Popen(
        [CLI, "run"], env=os.environ.copy(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 300
        while not _holders(traffic_home) and time.monotonic() < deadline:
            time.sleep(0.5)
        (live,) = _holders(traffic_home)
        with _instance(traffic_home) as instance:
            states = {s.run_id: s for s in inspect_runs(instance)}
            dead_run_sensor(dg.build_sensor_context(instance=instance))
        assert states[live].verdict == "alive" and states[live].pids == [proc.pid]
        assert _holders(traffic_home) == [live]
        assert _status(traffic_home, live) == dg.DagsterRunStatus.STARTED
    finally:
        proc.kill()
        proc.wait(timeout=30)


def test_a_reused_pid_is_not_the_runs_process() -> None:
    """A pid counts as the run's only if that process started before the run recorded it."""
    assert process_alive(os.getpid(), time.time())
    assert not process_alive(os.getpid(), time.time() - 10 * 86400)  # started after: reused
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert not process_alive(child.pid, time.time())
