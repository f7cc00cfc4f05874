"""`tracetopics explore` on an older home (a snapshot from before facet_summaries.labels): it
publishes once at start through a writer's connect. When it cannot — a pipeline run in progress,
another process holding the warehouse, a read-only copy or mount of the home — nothing wedges
and nothing is lost: the snapshot stays as it was, one line says why, and the page serves and
says it too."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest
from factories.explorer import free_port, publish_issues_home
from fastapi.testclient import TestClient

from tracetopics_pipeline.core.settings import Paths
from tracetopics_pipeline.core.warehouse import connection
from tracetopics_pipeline.core.warehouse.snapshot import current_snapshot
from tracetopics_pipeline.explorer.app import create_app, ensure_snapshot

N = 200
EXE = Path(sys.executable).with_name("tracetopics")


def _started(home: Path, say: list[str], **kw) -> TestClient:
    """The app as `serve` builds it after ensure_snapshot heard `say`."""
    return TestClient(
        create_app(home, start_note=say[-1] if say else None, **kw), base_url="http://localhost"
    )


def test_a_read_only_home_keeps_its_snapshot_and_the_page_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer's open of the warehouse fails as on a read-only mount: the older snapshot is
    served, one line names the cause ("cannot be written here", not "busy") and what publishes
    it, and the any-mention figure's reason on the page is that line."""
    home = publish_issues_home(tmp_path, n=N, labels_kept=False)
    before = current_snapshot(home / "snapshot")
    real = duckdb.connect

    def read_only_fs(database: str = ":memory:", read_only: bool = False, **kw):
        if str(database).endswith("warehouse.duckdb") and not read_only:
            raise duckdb.IOException(
                f'IO Error: Cannot open file "{database}": Read-only file system'
            )
        return real(database, read_only=read_only, **kw)

    monkeypatch.setattr(connection.duckdb, "connect", read_only_fs)
    said: list[str] = []
    assert ensure_snapshot(Paths(home), say=said.append) == before
    monkeypatch.undo()
    assert len(said) == 1 and "cannot be written here (read-only file system)" in said[0]
    assert "`tracetopics migrate`" in said[0] and "busy" not in said[0]
    r = _started(home, said).get("/api/topics", params={"facet": "Issues"}).json()
    assert {t["any_mention"] for t in r["topics"]} == {None}
    assert r["any_mention_missing"].startswith("not in this snapshot yet")
    assert r["any_mention_missing"].endswith(said[0])
    # look-alike: a home that can be written publishes, and says nothing
    quiet: list[str] = []
    assert ensure_snapshot(Paths(home), say=quiet.append) != before and quiet == []


def test_no_snapshot_and_a_snapshot_folder_that_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No snapshot yet, and its folder cannot be made (a read-only home): the explorer started
    with a traceback; now it says why and the page's 503 carries the same line."""
    home = publish_issues_home(tmp_path, n=N)
    shutil.rmtree(home / "snapshot")
    real_mkdir = Path.mkdir

    def read_only_mkdir(self: Path, *a, **kw) -> None:
        if self.name == "snapshot":
            raise OSError(30, "Read-only file system", str(self))
        return real_mkdir(self, *a, **kw)

    monkeypatch.setattr(Path, "mkdir", read_only_mkdir)
    said: list[str] = []
    assert ensure_snapshot(Paths(home), say=said.append) is None
    monkeypatch.undo()
    assert len(said) == 1 and "cannot be written here" in said[0]
    r = _started(home, said).get("/api/overview")
    assert r.status_code == 503 and r.json()["code"] == "no_snapshot"
    assert r.json()["detail"].endswith(said[0])


def test_a_run_in_progress_publishes_at_its_end_not_the_explorer(tmp_path: Path) -> None:
    """A run recorded as in progress (state/runs.json, a live process) between two of its
    steps: a snapshot then would mix its days with the old ones, so the explorer leaves it to
    the run's end and says so. Look-alike: a recorded run whose process is gone (interrupted)
    does not hold it back."""
    home = publish_issues_home(tmp_path, n=N, labels_kept=False)
    before = current_snapshot(home / "snapshot")
    state = home / "state"
    state.mkdir()
    started = datetime.now(UTC).isoformat(timespec="seconds")
    run = {"kind": "run", "started": started, "pid": os.getpid(), "host": os.uname().nodename}
    (state / "runs.json").write_text(json.dumps({"current": run}))
    assert ensure_snapshot(Paths(home)) == before  # main published between the run's steps
    said: list[str] = []
    assert ensure_snapshot(Paths(home), say=said.append) == before
    assert said == [
        f"a pipeline run (started {started}) is in progress: it publishes the snapshot when it ends"
    ]
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    (state / "runs.json").write_text(json.dumps({"current": {**run, "pid": gone.pid}}))
    assert ensure_snapshot(Paths(home), say=said.append) != before and len(said) == 1


def test_a_review_queue_that_cannot_be_written_leaves_the_page_serving(tmp_path: Path) -> None:
    """The review queue's SQLite file cannot be opened (a read-only home): create_app raised
    and the explorer did not start. Now the queue reads empty and a write says why (503)."""
    home = publish_issues_home(tmp_path, n=N)
    (home / "review_queue.sqlite").mkdir()  # no file SQLite can open, whoever runs the test
    c = TestClient(create_app(home), base_url="http://localhost")
    assert c.get("/api/review").json() == {"items": [], "assignees": []}
    r = c.post("/api/review", json={"assignee": "ana", "facet": "Issues", "limit": 2})
    assert r.status_code == 503
    assert r.json()["detail"].startswith("this home cannot be written here: the review queue")
    assert c.get("/api/topics", params={"facet": "Issues"}).status_code == 200


def _can_mount_read_only() -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        ["unshare", "-m", "sh", "-c", "mount --bind /tmp /tmp && mount -o remount,bind,ro /tmp"],
        capture_output=True,
    )
    return probe.returncode == 0


@pytest.mark.skipif(not _can_mount_read_only(), reason="needs a mount namespace (unshare -m)")
@pytest.mark.parametrize("snapshot", [True, False], ids=["older-snapshot", "no-snapshot"])
def test_explore_serves_a_read_only_mount_of_an_older_home(tmp_path: Path, snapshot: bool) -> None:
    """The real thing: `tracetopics explore` on a read-only bind mount of an older home. It
    stopped with a traceback (the snapshot folder, then the review queue); now it serves, says
    in one line why nothing was published, and the home's files are unchanged."""
    home = publish_issues_home(tmp_path / "home", n=N, labels_kept=False)
    if not snapshot:
        shutil.rmtree(home / "snapshot")
    files = sorted((p.relative_to(home), p.stat().st_mtime_ns) for p in home.rglob("*"))
    port = free_port()
    script = (
        f'mount --bind "{home}" "{home}" && mount -o remount,bind,ro "{home}" && '
        f'exec "{EXE}" explore --port {port}'
    )
    server = subprocess.Popen(
        ["unshare", "-m", "sh", "-c", script],
        env={**os.environ, "TRACETOPICS_HOME": str(home)},
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/api/topics?facet=Issues", timeout=5
                ) as r:
                    answer = json.loads(r.read())
                break
            except urllib.error.HTTPError as e:
                answer = json.loads(e.read())
                break
            except OSError:
                assert server.poll() is None, server.stderr.read()
                assert time.monotonic() < deadline, "the explorer did not answer"
                time.sleep(0.5)
    finally:
        server.kill()
        _, err = server.communicate()
    notes = [ln for ln in err.splitlines() if ln.startswith("note: ")]
    assert "Traceback" not in err
    assert len(notes) == 1 and "cannot be written here (read-only file system)" in notes[0]
    if snapshot:
        assert answer["any_mention_missing"].endswith(notes[0].removeprefix("note: "))
    else:
        assert answer["code"] == "no_snapshot"
        assert answer["detail"].endswith(notes[0].removeprefix("note: "))
    after = sorted((p.relative_to(home), p.stat().st_mtime_ns) for p in home.rglob("*"))
    assert after == files
