"""'Refresh now' and `tracetopics run --today` refuse while a run of the instance is in progress.

The launch itself (a real daily_job run, its progress, the new snapshot) is exercised end to
end in real Chromium: tests/explorer/e2e/test_refresh_e2e.py.
"""

from __future__ import annotations

import http.server
import threading
import uuid
from pathlib import Path

import dagster as dg
import pytest
from factories.explorer import publish_explorer_home
from fastapi.testclient import TestClient

from tracetopics_pipeline.cli import main
from tracetopics_pipeline.explorer.app import create_app

LOCAL_URL = "http://localhost:8765"


def started_run(dagster_home: Path, job: str = "daily_job") -> tuple[dg.DagsterInstance, str]:
    """Record a run of `job` as started in the instance, as a running schedule tick would."""
    instance = dg.DagsterInstance.from_config(str(dagster_home))
    run = instance.add_run(
        dg.DagsterRun(
            job_name=job,
            run_id=str(uuid.uuid4()),
            status=dg.DagsterRunStatus.STARTED,
            tags={"dagster/partition": "2026-11-21"},
        )
    )
    return instance, run.run_id


def test_refresh_refuses_while_a_run_is_in_progress(home: Path) -> None:
    publish_explorer_home(home, n=60)
    client = TestClient(create_app(home), base_url=LOCAL_URL)
    assert client.get("/api/refresh").json()["state"] == "idle"
    instance, run_id = started_run(home / "dagster")
    st = client.get("/api/refresh").json()
    assert st["state"] == "busy" and st["run"]["run_id"] == run_id
    assert st["run"]["job"] == "daily_job" and st["run"]["partition"] == "2026-11-21"
    r = client.post("/api/refresh", json={})
    assert r.status_code == 409
    assert f"run {run_id[:8]} (daily_job) is in progress" in r.json()["detail"]
    assert r.json()["run"]["run_id"] == run_id
    # Writes only from the local page, like every action.
    cross = client.post("/api/refresh", json={}, headers={"Origin": "http://attacker.example"})
    assert cross.status_code == 403
    instance.delete_run(run_id)
    assert client.get("/api/refresh").json()["state"] == "idle"


def test_cli_run_today_refuses_in_one_line(home: Path, capsys: pytest.CaptureFixture) -> None:
    _, run_id = started_run(home / "dagster", job="ingest_job")
    assert main(["run", "--today"]) == 2
    err = capsys.readouterr().err.strip()
    assert err == (
        f"error: run {run_id[:8]} (ingest_job) is in progress; wait for it to finish "
        "(or, if its process died, mark it canceled in the Dagster UI)"
    )
    assert main(["run", "--today", "--tag", "novalue"]) == 2
    assert "--tag must look like key=value" in capsys.readouterr().err


def test_refresh_links_the_run_when_a_dagster_ui_answers(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With a Dagster UI up at DAGSTER_WEBSERVER_URL, the run links to its page there."""

    class FakeUI(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(200 if self.path == "/server_info" else 404)
            self.end_headers()
            self.wfile.write(b'{"dagster_webserver_version": "1.13.27"}')

        def log_message(self, *args: object) -> None:
            pass

    ui = http.server.ThreadingHTTPServer(("127.0.0.1", 0), FakeUI)
    threading.Thread(target=ui.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{ui.server_address[1]}"
    try:
        publish_explorer_home(home, n=60)
        monkeypatch.setenv("DAGSTER_WEBSERVER_URL", url)
        client = TestClient(create_app(home), base_url=LOCAL_URL)
        _, run_id = started_run(home / "dagster")
        st = client.get("/api/refresh").json()
        assert st["dagster_url"] == url and st["run"]["url"] == f"{url}/runs/{run_id}"
    finally:
        ui.shutdown()
        ui.server_close()
    # No UI there: no link.
    monkeypatch.setenv("DAGSTER_WEBSERVER_URL", url)
    st = TestClient(create_app(home), base_url=LOCAL_URL).get("/api/refresh").json()
    assert st["dagster_url"] is None and st["run"]["url"] is None


def test_the_first_status_answers_without_importing_dagster(home: Path) -> None:
    """The page asks for the refresh status on load: while nothing is in progress the answer
    comes from the run storage itself, without importing Dagster (3-7 s on a busy machine)."""
    import subprocess
    import sys

    from tracetopics_pipeline.explorer.refresh import IN_PROGRESS_NAMES
    from tracetopics_pipeline.runner import IN_PROGRESS

    assert tuple(s.value for s in IN_PROGRESS) == IN_PROGRESS_NAMES
    publish_explorer_home(home, n=60)
    instance, run_id = started_run(home / "dagster")  # a run history with a finished run
    instance.report_run_failed(instance.get_run_by_id(run_id), "done")
    code = (
        "import sys, time\n"
        "from fastapi.testclient import TestClient\n"
        "from tracetopics_pipeline.explorer.app import create_app\n"
        f"client = TestClient(create_app({str(home)!r}), base_url={LOCAL_URL!r})\n"
        "t = time.perf_counter()\n"
        "st = client.get('/api/refresh').json()\n"
        "print(st['state'], 'dagster' in sys.modules, round(time.perf_counter() - t, 2))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300
    ).stdout.split()
    assert out[:2] == ["idle", "False"], out
    # A run in progress: the instance answers (and would find it dead if its process died).
    _, busy = started_run(home / "dagster")
    client = TestClient(create_app(home), base_url=LOCAL_URL)
    assert client.get("/api/refresh").json()["run"]["run_id"] == busy
