"""A snippet run in a fresh interpreter, for measures pytest's own process would spoil (peak
RSS: a child's ru_maxrss starts from nothing only in a new interpreter's own lines)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any


def run_snippet(
    script: str,
    *args: str,
    env: dict[str, str] | None = None,
    unset: tuple[str, ...] = (),
    timeout: int = 600,
) -> tuple[dict[str, Any], str]:
    """Run `script` with `args` on this test run's import path, `env` added and `unset` removed
    from this environment; return the JSON object of its last stdout line and its stderr. A
    non-zero exit fails the test with the snippet's stderr."""
    full_env = {**os.environ, **(env or {}), "PYTHONPATH": os.pathsep.join(sys.path)}
    for name in unset:
        full_env.pop(name, None)
    proc = subprocess.run(
        [sys.executable, "-c", script, *args],
        env=full_env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1]), proc.stderr
