"""'Refresh now': the daily schedule's job for today's partition, launched from the page.

The page never runs pipeline code itself. It starts `tracetopics run --today` (runner.run_daily:
`daily_job` through the $DAGSTER_HOME instance, exactly what the CLI and the schedule run) as
a child process tagged with a request id, then reads the run's progress back from the same
instance: the run's status, its planned steps (the execution plan snapshot) and each step's
start/end (`get_run_step_stats`), plus the newest log line of the step in progress. When the
run succeeds its last step has published a new snapshot, which the store loads on the next
request; the page reloads its views.

One refresh at a time: refused while a run of this instance is queued or running (whoever
started it), or while our own child is still starting up.
"""

from __future__ import annotations

import os
import re
import secrets
import sqlite3
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tracetopics_pipeline.core.settings import Paths

REQUEST_TAG = "tracetopics/refresh"
LAUNCHED_BY_TAG = "tracetopics/launched_by"
UI_PROBE_SECONDS = 10.0  # how long a "is the Dagster UI up?" answer is reused
# runner.IN_PROGRESS by name, so the idle check reads them without importing Dagster
# (tests/explorer/test_explorer_refresh.py keeps the two the same).
IN_PROGRESS_NAMES = ("QUEUED", "NOT_STARTED", "STARTING", "STARTED", "CANCELING")


class RefreshBusy(RuntimeError):
    """A refresh cannot start now; the message says why and what to do."""

    def __init__(self, message: str, run: dict[str, Any] | None = None) -> None:
        super().__init__(message)
        self.run = run


@dataclass
class Launch:
    request_id: str
    process: subprocess.Popen[bytes]
    log_path: Path
    started_at: float = field(default_factory=time.time)
    run_id: str | None = None


def _iso(ts: float | None) -> str | None:
    return datetime.fromtimestamp(ts, UTC).isoformat(timespec="seconds") if ts else None


def _tail(path: Path, lines: int = 5) -> str:
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return ""
    return "\n".join(text.strip().splitlines()[-lines:])


def certainly_idle(dagster_home: Path) -> bool:
    """True when the instance's run history holds no queued or running run, read straight from
    its SQLite run storage (Dagster's default, $DAGSTER_HOME/history/runs.db) without importing
    Dagster, which takes 3-7 s on a busy machine. False when it cannot tell (another run
    storage is configured, the file cannot be read) or a run is in progress: then the instance
    answers, and finds runs whose processes died."""
    config = dagster_home / "dagster.yaml"
    try:
        text = config.read_text() if config.exists() else ""
    except OSError:
        return False
    if re.search(r"^(storage|run_storage)\s*:", text, re.MULTILINE):
        return False
    db = dagster_home / "history" / "runs.db"
    if not db.exists():
        return True  # no run was ever recorded
    marks = ", ".join("?" * len(IN_PROGRESS_NAMES))
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1.0)
        try:
            (n,) = conn.execute(
                f"SELECT count(*) FROM runs WHERE status IN ({marks})", IN_PROGRESS_NAMES
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return n == 0


def plan_order(upstream: dict[str, set[str]]) -> list[str]:
    """Steps in an order they can run in (each after its upstream steps), ties by name."""
    left = {k: set(v) & upstream.keys() for k, v in upstream.items()}
    order: list[str] = []
    while left:
        ready = sorted(k for k, ups in left.items() if not ups) or sorted(left)[:1]  # cycle guard
        for k in ready:
            order.append(k)
            del left[k]
        for ups in left.values():
            ups.difference_update(ready)
    return order


class Refresher:
    """Starts `tracetopics run --today` and reports its run's progress from the instance."""

    def __init__(self, paths: Paths, *, dagster_url: str) -> None:
        self.paths = paths
        self.dagster_url = dagster_url.rstrip("/")
        self._lock = threading.Lock()
        self._instance_lock = threading.Lock()  # one instance, whether warm() or a request loads it
        self._launch: Launch | None = None
        self._instance: Any = None
        self._ui: tuple[float, bool] = (0.0, False)

    # ── the instance ────────────────────────────────────────────────────────────────────

    def instance(self) -> Any:
        """The $DAGSTER_HOME instance of this home (created with the project's dagster.yaml)."""
        with self._instance_lock:
            if self._instance is None:
                import dagster as dg

                from tracetopics_pipeline.runner import ROOT

                home = self.paths.dagster_home
                home.mkdir(parents=True, exist_ok=True)
                if not (home / "dagster.yaml").exists() and (ROOT / "dagster.yaml").exists():
                    (home / "dagster.yaml").write_text((ROOT / "dagster.yaml").read_text())
                self._instance = dg.DagsterInstance.from_config(str(home))
            return self._instance

    def warm(self) -> None:
        """Import Dagster and open the instance ahead of the first click (the server's
        background warm-up); the page's status requests never wait for it (certainly_idle)."""
        try:
            self.instance()
            import tracetopics_pipeline.runner  # noqa: F401  (start() and the status use it)
        except Exception:  # noqa: BLE001 - best effort: a click loads it again and says why
            pass

    def ui_url(self) -> str | None:
        """The Dagster UI's base URL when one answers there (checked at most every 10 s)."""
        checked, up = self._ui
        if time.monotonic() - checked > UI_PROBE_SECONDS:
            try:
                with urllib.request.urlopen(f"{self.dagster_url}/server_info", timeout=0.5) as r:
                    up = r.status == 200
            except (OSError, ValueError):
                up = False
            self._ui = (time.monotonic(), up)
        return self.dagster_url if up else None

    def _run_info(self, run: Any) -> dict[str, Any]:
        ui = self.ui_url()
        return {
            "run_id": run.run_id,
            "job": run.job_name,
            "status": run.status.value,
            "partition": run.tags.get("dagster/partition"),
            "url": f"{ui}/runs/{run.run_id}" if ui else None,
        }

    def _busy_run(self) -> Any | None:
        from tracetopics_pipeline.runner import runs_in_progress

        # Runs found dead are marked failed in the run history; the page needs no line.
        busy = runs_in_progress(self.instance(), say=lambda _line: None)
        return busy[0] if busy else None

    # ── actions ─────────────────────────────────────────────────────────────────────────

    def start(self) -> dict[str, Any]:
        """Launch the refresh, or raise RefreshBusy saying what is in the way."""
        with self._lock:
            if self._launch is not None and self._launch.process.poll() is None:
                if self._launch.run_id is None:
                    raise RefreshBusy("a refresh is starting; wait for it")
                raise RefreshBusy(
                    "a refresh is already running", self._run_info(self._find_run(self._launch))
                )
            run = self._busy_run()
            if run is not None:
                raise RefreshBusy(
                    f"run {run.run_id[:8]} ({run.job_name}) is in progress; "
                    "refresh when it has finished",
                    self._run_info(run),
                )
            request_id = f"{datetime.now(UTC):%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"
            logs = self.paths.home / "logs"
            logs.mkdir(parents=True, exist_ok=True)
            log_path = logs / f"refresh-{request_id}.log"
            env = {
                **os.environ,
                "TRACETOPICS_HOME": str(self.paths.home),
                "DAGSTER_HOME": str(self.paths.dagster_home),
            }
            cmd = [
                sys.executable,
                "-m",
                "tracetopics_pipeline.cli",
                "run",
                "--today",
                "--tag",
                f"{REQUEST_TAG}={request_id}",
                "--tag",
                f"{LAUNCHED_BY_TAG}=explorer",
            ]
            with open(log_path, "wb") as log:
                # Own session: stopping the explorer does not kill a run halfway through a write.
                proc = subprocess.Popen(
                    cmd,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    stdin=subprocess.DEVNULL,
                    env=env,
                    cwd=str(self.paths.home),
                    start_new_session=True,
                )
            self._launch = Launch(request_id, proc, log_path)
            return {"state": "launching", "request_id": request_id}

    def _find_run(self, launch: Launch) -> Any | None:
        import dagster as dg

        if launch.run_id is not None:
            return self.instance().get_run_by_id(launch.run_id)
        runs = self.instance().get_runs(
            filters=dg.RunsFilter(tags={REQUEST_TAG: launch.request_id}), limit=1
        )
        if runs:
            launch.run_id = runs[0].run_id
            return runs[0]
        return None

    def _steps(self, run: Any) -> list[dict[str, Any]]:
        """Planned steps in plan order, each with its status, duration and newest log line."""
        inst = self.instance()
        planned: list[str] = []
        if run.execution_plan_snapshot_id:
            snap = inst.get_execution_plan_snapshot(run.execution_plan_snapshot_id)
            planned = plan_order(
                {
                    s.key: {h.step_key for i in s.inputs for h in i.upstream_output_handles}
                    for s in snap.steps
                }
            )
        stats = {s.step_key: s for s in inst.get_run_step_stats(run.run_id)}
        last_message: dict[str, str] = {}
        for rec in inst.all_logs(run.run_id):
            if rec.step_key and rec.user_message and rec.dagster_event is None:
                last_message[rec.step_key] = rec.user_message
        out = []
        for key in planned or list(stats):
            s = stats.get(key)
            status = "pending"
            if s is not None:
                raw = s.status.value.lower() if s.status is not None else "in_progress"
                status = "running" if raw == "in_progress" else raw
            out.append(
                {
                    "key": key,
                    "status": status,
                    "started": _iso(s.start_time) if s else None,
                    "seconds": round(
                        (time.time() if status == "running" else s.end_time or time.time())
                        - s.start_time,
                        1,
                    )
                    if s and s.start_time
                    else None,
                    "message": last_message.get(key) if status == "running" else None,
                }
            )
        return out

    def status(self) -> dict[str, Any]:
        """Where the current (or last) refresh is; when idle, whether a run blocks one."""
        with self._lock:
            launch = self._launch
            if launch is None:
                if certainly_idle(self.paths.dagster_home):  # the page's first request: no Dagster
                    return {"state": "idle", "run": None, "dagster_url": self.ui_url()}
                run = self._busy_run()
                return {
                    "state": "busy" if run is not None else "idle",
                    "run": self._run_info(run) if run is not None else None,
                    "dagster_url": self.ui_url(),
                }
            run = self._find_run(launch)
            exit_code = launch.process.poll()
            out: dict[str, Any] = {
                "request_id": launch.request_id,
                "started_at": _iso(launch.started_at),
                "dagster_url": self.ui_url(),
                "run": None,
                "steps": [],
            }
            if run is None:
                if exit_code is None:
                    return {**out, "state": "launching"}
                # The command stopped before creating a run (e.g. it found one in progress).
                return {**out, "state": "failed", "error": _tail(launch.log_path)}
            if exit_code is not None and run.status.value in {"STARTED", "STARTING"}:
                # Its process is gone but the run never finished: record that in the instance.
                self.instance().report_run_failed(run, f"the refresh process exited ({exit_code})")
                run = self.instance().get_run_by_id(run.run_id)
            out["run"] = self._run_info(run)
            out["steps"] = self._steps(run)
            state = {
                "SUCCESS": "succeeded",
                "FAILURE": "failed",
                "CANCELED": "failed",
            }.get(run.status.value, "running")
            if state == "failed":
                out["error"] = _tail(launch.log_path)
            return {**out, "state": state}
