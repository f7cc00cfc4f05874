"""The home's answers are computed once per snapshot and day (explorer.app.HomeAnswers):
what changed took 2.3-2.7 s again on every visit to the 30-day demo's home."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from factories.explorer import publish_explorer_home
from fastapi.testclient import TestClient

from tracetopics_pipeline.core.topics import changes
from tracetopics_pipeline.explorer.app import HomeAnswers, create_app


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return publish_explorer_home(tmp_path_factory.mktemp("tt_answers"), n=120)


def test_the_home_is_computed_once_per_snapshot_and_filter(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[int] = []
    real = changes.compute_changes

    def counted(*a, **k):  # type: ignore[no-untyped-def]
        calls.append(k.get("since_days", 0))
        return real(*a, **k)

    monkeypatch.setattr(changes, "compute_changes", counted)
    c = TestClient(create_app(home), base_url="http://localhost")
    first = c.get("/api/changes", params={"since": 7}).json()
    assert c.get("/api/changes", params={"since": 7}).json() == first
    assert calls == [7]  # the second visit is the kept answer
    c.get("/api/changes", params={"since": 14})
    c.get("/api/changes", params={"since": 7, "customer": "acme"})
    assert len(calls) == 3  # another window, another slice: computed for it
    assert c.get("/api/overview").json() == c.get("/api/overview").json()


def test_a_new_snapshot_or_day_computes_again_and_two_asks_compute_once() -> None:
    kept, n = HomeAnswers(), []

    def compute() -> dict:
        n.append(1)
        return {"n": len(n)}

    assert kept.get("snap-1", "k", compute) == {"n": 1}
    assert kept.get("snap-1", "k", compute) == {"n": 1}
    assert kept.get("snap-2", "k", compute) == {"n": 2}  # a run published a new snapshot
    slow, started = threading.Event(), threading.Event()

    def slow_compute() -> dict:
        started.set()
        slow.wait(5)
        return compute()

    t = threading.Thread(target=kept.get, args=("snap-3", "k", slow_compute))
    t.start()
    started.wait(5)
    slow.set()
    assert kept.get("snap-3", "k", compute) == {"n": 3}  # waited for the first ask's answer
    t.join(5)
    assert len(n) == 3


def test_an_error_is_not_kept() -> None:
    kept = HomeAnswers()

    def fail() -> dict:
        raise RuntimeError("busy")

    with pytest.raises(RuntimeError):
        kept.get("s", "k", fail)
    assert kept.get("s", "k", lambda: {"ok": True}) == {"ok": True}


def test_a_budget_set_while_the_explorer_runs_is_read(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The overview's spend line was kept with the caps of the first visit: a budget set in
    the home's config.toml while the explorer ran never showed until a new snapshot or day."""
    config = home / "config.toml"
    monkeypatch.setenv("TRACETOPICS_HOME", str(home))
    for name in ("TRACETOPICS_BUDGET_USD_DAY", "TRACETOPICS_BUDGET_USD_MONTH"):
        monkeypatch.delenv(name, raising=False)
    c = TestClient(create_app(home), base_url="http://localhost")
    try:
        assert c.get("/api/overview").json()["spend"]["budget_day_usd"] is None
        config.write_text("TRACETOPICS_BUDGET_USD_DAY = 5\n")
        assert c.get("/api/overview").json()["spend"]["budget_day_usd"] == 5
        config.write_text("TRACETOPICS_BUDGET_USD_DAY = 5\nTRACETOPICS_BUDGET_USD_MONTH = 90\n")
        spend = c.get("/api/overview").json()["spend"]
        assert (spend["budget_day_usd"], spend["budget_month_usd"]) == (5, 90)
        monkeypatch.setenv("TRACETOPICS_BUDGET_USD_DAY", "7")  # the environment wins, as ever
        assert c.get("/api/overview").json()["spend"]["budget_day_usd"] == 7
    finally:
        config.unlink(missing_ok=True)
    assert c.get("/api/overview").json()["spend"]["budget_day_usd"] == 7


def test_a_config_broken_while_the_explorer_runs_is_said_as_its_one_line(
    home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Session 22: a broken config.toml made every answer a 400 that the page read as a bad
    filter ("Change or reset the filters"). Each answer is now the file's one line with its own
    code, and the next request after the fix answers again; a bad filter stays a 400."""
    config = home / "config.toml"
    monkeypatch.setenv("TRACETOPICS_HOME", str(home))
    monkeypatch.delenv("TRACETOPICS_BUDGET_USD_DAY", raising=False)
    c = TestClient(create_app(home), base_url="http://localhost")
    try:
        config.write_text('TRACETOPICS_BUDGET_USD_DAY = "ten"\n')
        for path in ("/api/overview", "/api/changes?since=7", "/api/topics?facet=Task"):
            r = c.get(path)
            assert r.status_code == 503, path
            body = r.json()
            assert body["code"] == "config"
            assert body["detail"] == f"{config}: TRACETOPICS_BUDGET_USD_DAY='ten' is not a number"
        config.write_text("TRACETOPICS_BUDGET_USD_DAY = 5\n")  # fixed: read on the next request
        assert c.get("/api/overview").json()["spend"]["budget_day_usd"] == 5
        bad = c.get("/api/topics", params={"facet": "Task", "date_from": "2026-13-40"})
        assert bad.status_code == 400 and "code" not in bad.json()  # a look-alike: a bad filter
    finally:
        config.unlink(missing_ok=True)
