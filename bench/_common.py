"""What the bench scripts share: where the repository and the labelled datasets are, the
offline environment, and the machine facts printed beside every figure.

Run the scripts from a checkout with the package installed (`make install` installs it
editable), e.g. `.venv/bin/python bench/scale.py`; the script's folder is on sys.path, so
`import _common` works. Importing this module sets the offline defaults, so import it before
any model library.
"""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
# Labelled datasets are read in place, never copied into the repository.
SHARED = Path(os.environ.get("TRACETOPICS_SHARED", REPO.parent / "shared"))
DATASETS = SHARED / "datasets"

# The embedding model is packaged: nothing may be downloaded, nothing phones home.
OFFLINE_ENV = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "TOKENIZERS_PARALLELISM": "false",
    "GX_ANALYTICS_ENABLED": "False",
    "DO_NOT_TRACK": "1",
}
for _key, _value in OFFLINE_ENV.items():
    os.environ.setdefault(_key, _value)

GiB = 1024**3


def load_avg() -> str:
    """The 1, 5 and 15 minute load averages: the machine is shared, so figures carry them."""
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def machine() -> dict[str, Any]:
    """CPU, cores, memory and library versions, printed beside the figures."""
    cpu = ""
    with open("/proc/cpuinfo") as fh:
        for line in fh:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = 0
    with open("/proc/meminfo") as fh:
        for line in fh:
            if line.startswith("MemTotal"):
                mem = int(line.split()[1]) * 1024
    import duckdb
    import polars
    import torch

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gib": round(mem / GiB, 1),
        "os": platform.platform(),
        "python": platform.python_version(),
        "duckdb": duckdb.__version__,
        "polars": polars.__version__,
        "torch": torch.__version__,
        "torch_threads": torch.get_num_threads(),
    }


@contextmanager
def start_explorer(port: int) -> Iterator[tuple[str, float]]:
    """`tracetopics explore` on $TRACETOPICS_HOME as a user starts it (its own process, with its
    warm-ups), on 127.0.0.1:`port`; yields (base URL, seconds until it first answered
    /api/health) and stops it on leaving. Exits when the explorer exits before answering."""
    base = f"http://127.0.0.1:{port}"
    t0 = time.perf_counter()
    cmd = [sys.executable, "-m", "tracetopics_pipeline.cli", "explore", "--port", str(port)]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            try:
                urllib.request.urlopen(base + "/api/health", timeout=1).read()
                break
            except OSError:
                if proc.poll() is not None:
                    sys.exit(f"the explorer exited ({proc.returncode})")
                time.sleep(0.05)
        yield base, time.perf_counter() - t0
    finally:
        proc.terminate()
        proc.wait(timeout=30)
