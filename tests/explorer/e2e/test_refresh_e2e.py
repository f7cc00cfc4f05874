"""'Refresh now' in real Chromium on demo data: the daily job runs for today's partition through
the $DAGSTER_HOME instance, the page shows its steps, and swaps in the new snapshot."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.slow, pytest.mark.timeout(2400)]

ARTIFACTS = Path(__file__).parent / "artifacts"
RUN_T = 1_500_000  # ms: a whole daily run on a small demo, on a shared 2-core machine


@pytest.fixture(scope="module")
def refresh_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two days of demo traffic ending now (the refresh runs today's partition, so the shared
    fixed-period `demo_home` does not fit) through the whole pipeline, published."""
    home = tmp_path_factory.mktemp("tt_refresh") / "home"
    env = {**os.environ, "TRACETOPICS_HOME": str(home), "DAGSTER_HOME": str(home / "dagster")}
    subprocess.run(
        [sys.executable, "-m", "tracetopics_pipeline.cli", "demo", "--days", "2",
         "--per-day", "150", "--clean"],
        env=env, check=True, capture_output=True, timeout=1800,
    )  # fmt: skip
    assert (home / "snapshot" / "current.txt").exists()
    return home


@pytest.fixture(scope="module")
def demo_server(refresh_home: Path, serve: Callable[[Path], str]) -> str:
    return serve(refresh_home)


def test_refresh_now_runs_the_daily_job_and_swaps_the_snapshot(
    browser, demo_server: str, refresh_home: Path
) -> None:
    import dagster as dg

    instance = dg.DagsterInstance.from_config(str(refresh_home / "dagster"))
    runs_before = {r.run_id for r in instance.get_runs()}
    before = (refresh_home / "snapshot" / "current.txt").read_text().strip()
    ctx = browser.new_context(viewport={"width": 1440, "height": 900})
    page = ctx.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(demo_server + "/")
    page.wait_for_function(
        f"document.querySelector('#snapshot').title.includes('{Path(before).name}')",
        timeout=60_000,
    )
    page.click("#refresh-now")
    page.wait_for_selector("#refresh-panel .refresh-steps li", timeout=300_000)
    # While it runs, a second refresh is refused with the reason.
    second = page.evaluate(
        """() => fetch('/api/refresh', {method: 'POST', headers: {'Content-Type':
             'application/json'}, body: '{}'}).then(async r => [r.status, await r.json()])"""
    )
    assert second[0] == 409 and "already running" in second[1]["detail"]
    page.wait_for_selector("#refresh-panel li[data-status=success]", timeout=RUN_T)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "refresh-progress.png"))
    page.wait_for_selector(".refresh-head[data-state=succeeded]", timeout=RUN_T)
    steps = page.locator("#refresh-panel .refresh-steps li").all_inner_texts()
    assert any("topic_maps" in s for s in steps) and any("explorer_snapshot" in s for s in steps)
    assert page.locator("#refresh-panel li[data-status=success]").count() == len(steps)
    after = (refresh_home / "snapshot" / "current.txt").read_text().strip()
    assert after != before
    # The page swapped in the new snapshot without a reload.
    page.wait_for_function(
        f"document.querySelector('#snapshot').title.includes('{Path(after).name}')",
        timeout=60_000,
    )
    page.screenshot(path=str(ARTIFACTS / "refresh-done.png"))
    new = [r for r in instance.get_runs() if r.run_id not in runs_before]
    assert len(new) == 1, "one new run in the instance's history"
    run = new[0]
    assert run.job_name == "daily_job" and run.status == dg.DagsterRunStatus.SUCCESS
    assert run.tags["dagster/partition"] == datetime.now(UTC).date().isoformat()
    assert run.tags["tracetopics/launched_by"] == "explorer"
    assert not errors
    ctx.close()
