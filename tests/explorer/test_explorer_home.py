"""GET /api/changes: the home's facts, computed on the published snapshot, equal the digest's
on the warehouse (factories/changes.py, where the answer is known)."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories.changes import build_changes_warehouse
from fastapi.testclient import TestClient

from tracetopics_pipeline.core.topics.changes import compute_changes
from tracetopics_pipeline.core.warehouse.snapshot import publish_snapshot
from tracetopics_pipeline.explorer.app import create_app


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    home = tmp_path_factory.mktemp("tt_home_changes")
    conn = build_changes_warehouse(home / "warehouse.duckdb")
    conn.execute("CREATE SCHEMA marts")
    conn.execute(
        """CREATE TABLE marts.topic_priority AS
           SELECT * FROM (VALUES (1, 0.81, 4, 'Custom fiscal calendars',
                                  '#3 by volume: 30 traces (20% of traffic); 67% negative', 30))
           t(priority_rank, priority_score, task_topic_id, task_topic_label, why, traces)"""
    )
    direct = compute_changes(conn, since_days=7).as_dict()
    publish_snapshot(conn, home / "snapshot")
    conn.close()
    return home, direct


@pytest.fixture(scope="module")
def client(home) -> TestClient:
    return TestClient(create_app(home[0]), base_url="http://localhost")


def test_changes_on_the_snapshot_equal_the_warehouse(client: TestClient, home) -> None:
    r = client.get("/api/changes?since=7")
    assert r.status_code == 200
    body = r.json()
    assert body == home[1]
    s = body["sections"]
    assert [f["topic_id"] for f in s["growing"]] == [1]
    # Ranked by excess traces: 16 with an issue at 5.1x before 20 negative at 2.5x.
    assert [(f["kind"], f["topic_id"]) for f in s["over_indexed"]] == [
        ("issues", 5),
        ("negative", 4),
    ]
    assert s["priorities"][0]["label"] == "Custom fiscal calendars"
    assert s["priorities"][0]["numbers"] == {"rank": 1, "score": 0.81}
    assert body["titles"]["over_indexed"] == "More pain than usual"


def test_window_parameter(client: TestClient) -> None:
    two = client.get("/api/changes?since=14").json()
    assert (two["start"], two["prev_traces"]) == ("2026-03-01", 140)
    for bad in ("0", "400", "week"):
        assert client.get(f"/api/changes?since={bad}").status_code == 422


def test_page_loads_the_home_module(client: TestClient) -> None:
    page = client.get("/").text
    assert '<script src="/static/home.js"></script>' in page and 'data-tab="home"' in page
    assert client.get("/static/home.js").status_code == 200
    assert client.get("/static/home.css").status_code == 200
