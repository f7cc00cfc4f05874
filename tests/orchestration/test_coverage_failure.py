"""When the model endpoint fails, `tracetopics run` says the errored share, the threshold and
the most common error, not a traceback. A real CLI process against the fake endpoint."""

from __future__ import annotations

import os
import subprocess
from datetime import date
from pathlib import Path

from repo_paths import REPO

CLI = str(REPO / ".venv" / "bin" / "tracetopics")


def test_a_failing_endpoint_ends_in_a_short_message(home: Path, llm) -> None:
    from tracetopics_pipeline.demo import generate_traffic

    generate_traffic(home / "landing", days=1, per_day=20, seed=2, end=date(2026, 11, 20))
    llm.script = [("status", 400)] * 1000  # a request the endpoint refuses: not retried
    env = {
        **os.environ,
        "TRACETOPICS_SUMMARIZER": "openai",
        "OPENAI_BASE_URL": llm.url,
        "OPENAI_API_KEY": "test-key",
        "TRACETOPICS_START_DATE": "2026-01-01",
    }
    out = subprocess.run([CLI, "run"], env=env, capture_output=True, text=True, timeout=900)
    assert out.returncode == 1
    err = out.stderr
    assert "Traceback" not in err
    assert "error: summarize_job stopped" in err and "facet_coverage" in err
    assert "the facet coverage check failed for 2026-11-20 → 2026-11-20" in err
    assert "Task: 100.00% errored (" in err and "threshold 5.00%" in err
    assert "most common error (" in err and "BadRequestError 400" in err
    assert "TRACETOPICS_COVERAGE_THRESHOLD" in err
