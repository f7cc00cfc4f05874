"""GET /api/changes: the home's facts, computed on the published snapshot, equal the digest's
on the warehouse (factories/changes.py, where the answer is known)."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories.changes import build_changes_warehouse
from fastapi.testclient import TestClient

from tracetopics_pipeline.core.topics.changes import compute_changes
from tracetopics_pipeline.core.warehouse import PACKAGED_MODEL_ID
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
    # Customers for the filter bar: acme sends topics 0 (steady) and 1 (growing), globex the rest.
    conn.execute(
        """INSERT INTO raw_traces (id, day, created, project_id, messages, metadata, source_file,
                                   source_line)
           SELECT DISTINCT trace_id, day, day::TIMESTAMPTZ, 'p', '[]',
                  json_object('customer', CASE WHEN topic_id IN (0, 1) THEN 'acme' ELSE 'globex'
                                          END, 'plan_tier', 'pro'), 'f.jsonl', 0
           FROM classifications"""
    )
    direct = compute_changes(conn, since_days=7).as_dict()
    publish_snapshot(conn, home / "snapshot", embed_model=PACKAGED_MODEL_ID)
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


def test_the_filters_narrow_the_facts(client: TestClient) -> None:
    d = client.get("/api/changes", params={"since": 7, "customer": "acme"}).json()
    assert d["filtered"] is True
    # acme: topic 0 (30 + 30 traces) and topic 1 (10 → 40) only.
    assert (d["traces"], d["prev_traces"]) == (70, 40)
    s = d["sections"]
    assert [f["topic_id"] for f in s["growing"]] == [1]
    assert (
        "10 → 40 traces" in s["growing"][0]["why"]
        and "share of Task 25% → 57%" in (s["growing"][0]["why"])
    )
    # Within acme, steady topic 0 loses share to 1: a fact of the slice, not of all traffic.
    assert [f["topic_id"] for f in s["fading"]] == [0]
    # Too little pain in this slice for the rules: said in words, not an empty list.
    assert s["over_indexed"] == [] and "no topic has 5 negative" in d["notes"]["over_indexed"]
    assert s["product_gaps"] == s["agent_failures"] == []
    assert "Too little data" in d["notes"]["gaps"]  # one note for the three sections
    # The priority mart ranks all traffic; its topic 4 has no acme traces.
    assert s["priorities"] == [] and "no topic of the priority ranking" in (
        d["notes"]["priorities"].lower()
    )
    # Sections with facts carry no "too little data" note.
    assert "growing" not in d["notes"] and "new" not in d["notes"]
    # Which notes are a shortfall of data (the page's warning) and which are information.
    assert set(d["short"]) == {"over_indexed", "gaps"} and set(d["notes"]) - set(d["short"]) == {
        "priorities"
    }

    g = client.get("/api/changes", params={"customer": "globex"}).json()
    assert [f["topic_id"] for f in g["sections"]["priorities"]] == [4]
    assert g["sections"]["priorities"][0]["traces"] == 90  # its globex traces, all weeks
    assert "Ranked over all traffic" in g["notes"]["priorities"]
    assert {(f["kind"], f["topic_id"]) for f in g["sections"]["over_indexed"]} >= {("issues", 5)}


def test_a_date_range_without_the_week_before_says_so(client: TestClient) -> None:
    d = client.get("/api/changes", params={"date_from": "2026-03-08"}).json()
    assert (d["start"], d["end"], d["prev_traces"]) == ("2026-03-08", "2026-03-14", 0)
    assert d["sections"]["growing"] == d["sections"]["fading"] == []
    assert "no traces in the 7 days before" in d["notes"]["growing"]
    assert "nothing can be called new" in d["notes"]["new"]
    # The four trend sections' one reason, for the home's one card (explorer17's walk: three
    # cards said it, a fourth "Nothing this time." under Returning).
    assert "new, returning, growing and fading" in d["notes"]["trends"]
    assert "no traces in the 7 days before" in d["notes"]["returning"]
    # The window ends at the slice's last day.
    e = client.get("/api/changes", params={"date_to": "2026-03-07"}).json()
    assert (e["start"], e["end"]) == ("2026-03-01", "2026-03-07")
    none = client.get("/api/changes", params={"customer": "nobody"}).json()
    assert none["end"] is None and none["notes"]["all"] == "No classified traces in this slice."
    assert none["short"] == ["all"]
    assert {"new", "trends", "growing", "returning"} <= set(d["short"])
    assert client.get("/api/changes", params={"label": "nope"}).status_code == 400


def test_unfiltered_facts_carry_no_slice_notes(client: TestClient) -> None:
    d = client.get("/api/changes").json()
    assert d["filtered"] is False and d["notes"] == {}


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
