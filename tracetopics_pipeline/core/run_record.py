"""The home's last pipeline run and the one in progress, for `tracetopics status`.

`runner.run_pipeline` and `runner.run_daily` (every `tracetopics run`, `run --today`, `demo`,
the explorer's "Refresh now") write `state/runs.json` when they start and when they end: when,
which days, the process, then ok / failed (the first failure's line) and how long. A run whose
process is gone without an end (kill -9, a reboot) reads as interrupted. Reading it imports
nothing of Dagster's: status stays quick.

A run launched elsewhere (the Dagster UI, the daemon's schedule) writes no record; status
still sees it while it writes, as the process holding the warehouse's lock (`lock_holder`).
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from tracetopics_pipeline.core.settings import paths

NAME = "runs.json"


def record_path(home: Path | None = None) -> Path:
    return (home or paths().home) / "state" / NAME


def _read(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text())
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, indent=1, default=str))
    tmp.replace(path)  # a reader sees the old record or the new, never half of one


def process_alive(pid: int, started_by: float) -> bool:
    """`pid` runs on this machine and was started no later than `started_by` (epoch seconds):
    a pid reused by a newer process is not the run's."""
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, OverflowError):  # gone; a number no pid can be
        return False
    except PermissionError:
        pass  # exists, owned by someone else
    start = _process_start(pid)
    return start is None or start <= started_by + 1.0


def _process_start(pid: int) -> float | None:
    """Start time of a process (Linux /proc), or None where that cannot be read."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        boot = next(
            int(line.split()[1])
            for line in Path("/proc/stat").read_text().splitlines()
            if line.startswith("btime ")
        )
        return boot + int(fields[19]) / os.sysconf("SC_CLK_TCK")  # field 22: starttime
    except (OSError, ValueError, IndexError, StopIteration):
        return None


@contextlib.contextmanager
def recording(days: list[date], kind: str, home: Path | None = None) -> Iterator[None]:
    """Record a run of `days` (`kind`: 'run' or 'daily') from start to end. Any exception
    ends it as failed (its first line), Ctrl-C as interrupted; the exception propagates."""
    path = record_path(home)
    days = sorted(days)
    current = {
        "kind": kind,
        "started": datetime.now(UTC).isoformat(timespec="seconds"),
        "first_day": days[0].isoformat() if days else None,
        "last_day": days[-1].isoformat() if days else None,
        "days": len(days),
        "pid": os.getpid(),
        "host": socket.gethostname(),
    }
    _write(path, _read(path) | {"current": current})
    t0 = time.monotonic()
    outcome, error = "ok", None
    try:
        yield
    except KeyboardInterrupt:
        outcome, error = "interrupted", "stopped by Ctrl-C"
        raise
    except BaseException as exc:
        outcome = "failed"
        error = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:300]
        raise
    finally:
        done = current | {
            "outcome": outcome,
            "error": error,
            "seconds": round(time.monotonic() - t0, 1),
            "ended": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        data = _read(path)
        if (data.get("current") or {}).get("pid") == current["pid"]:
            data.pop("current", None)
        _write(path, data | {"last": done})


def _epoch(stamp: str) -> float:
    return datetime.fromisoformat(stamp).timestamp()


def runs(home: Path | None = None) -> dict[str, Any]:
    """{'last': the last finished run or None, 'current': the run in progress or None}. A
    current run of this host whose process is gone is returned as the last run, interrupted."""
    data = _read(record_path(home))
    last, current = data.get("last"), data.get("current")
    if (
        current
        and current.get("host") == socket.gethostname()
        and not process_alive(current["pid"], _epoch(current["started"]))
    ):
        last = current | {
            "outcome": "interrupted",
            "error": "its process ended without a word",
            "seconds": None,  # not known: it ended unrecorded
        }
        current = None
    return {"last": last, "current": current}


def took(seconds: float) -> str:
    """How long, as a person reads it: '42s', '3m 07s', '2h 05m'."""
    s = int(round(seconds))
    if s < 60:
        return f"{s}s"
    if s < 3600:
        return f"{s // 60}m {s % 60:02d}s"
    return f"{s // 3600}h {s % 3600 // 60:02d}m"
