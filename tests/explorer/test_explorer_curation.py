"""Curation's way back and the page's smaller rules, through the API: a merge undone from the
page (the CLI's own `overrides.unmerge_topic`, behind the explorer's guard), a look-alike name
refused, a map offered only on enough points, and the label a facet of names gives a trace."""

from __future__ import annotations

from pathlib import Path

import duckdb
import numpy as np
import pytest
from factories.explorer import publish_explorer_home
from fastapi.testclient import TestClient

from tracetopics_pipeline.core.warehouse import PACKAGED_MODEL_ID
from tracetopics_pipeline.core.warehouse.snapshot import publish_snapshot
from tracetopics_pipeline.explorer.app import create_app
from tracetopics_pipeline.explorer.queries import MIN_MAP_POINTS

N = 600


def classifiable(home: Path) -> None:
    """Give the two-level fixture's map what classification reads (each fine topic's centroid,
    the model its vectors are in), so an unmerge can classify its days again."""
    conn = duckdb.connect(str(home / "warehouse.duckdb"))
    rows = conn.execute(
        """SELECT c.subtopic_id, e.embedding FROM classifications c
           JOIN facet_summaries s ON s.trace_id = c.trace_id AND s.facet = c.facet
           JOIN summary_embeddings e ON e.text_hash = s.text_hash
           WHERE c.facet = 'Task' AND c.subtopic_id >= 0"""
    ).fetchall()
    for tid in sorted({r[0] for r in rows}):
        centre = np.mean([r[1] for r in rows if r[0] == tid], axis=0)
        conn.execute(
            "UPDATE topics SET centroid = ? WHERE topic_id = ? AND level = 'sub'",
            [(centre / np.linalg.norm(centre)).tolist(), tid],
        )
    conn.execute("UPDATE topic_maps SET embed_model = ?", [PACKAGED_MODEL_ID])
    publish_snapshot(conn, home / "snapshot", embed_model=PACKAGED_MODEL_ID)
    conn.close()


@pytest.fixture
def home(tmp_path: Path) -> Path:
    out = publish_explorer_home(tmp_path / "home", n=N, two_levels=True)
    classifiable(out)
    return out


def _subs(c: TestClient, parent: int = 10) -> dict[int, dict]:
    tops = {t["topic_id"]: t for t in c.get("/api/topics").json()["topics"]}
    return {s["topic_id"]: s for s in tops[parent]["subtopics"]}


def test_a_merge_is_undone_from_the_page_by_the_clis_own_function(home: Path) -> None:
    c = TestClient(create_app(home), base_url="http://localhost")
    before = {t: s["count"] for t, s in _subs(c).items()}
    assert before == {0: 100, 4: 100}
    assert all(s["merged"] == [] for s in _subs(c).values())
    r = c.post("/api/topics/merge", json={"facet": "Task", "topic_id": 4, "into": 0})
    assert r.status_code == 200, r.text
    # The target lists what was merged into it: where the page offers the Unmerge.
    subs = _subs(c)
    assert list(subs) == [0] and subs[0]["count"] == 200
    assert subs[0]["merged"] == [
        {
            "topic_id": 4,
            "label": "Schedule weekly report emails",
            "into": 0,
            "into_label": "Export dashboards to CSV",
        }
    ]
    # Behind the guard like every write: another site, or another Host name, writes nothing.
    evil = c.post(
        "/api/topics/unmerge",
        json={"facet": "Task", "topic_id": 4},
        headers={"Origin": "http://evil.example", "Sec-Fetch-Site": "cross-site"},
    )
    assert evil.status_code == 403
    rebound = c.post(
        "/api/topics/unmerge",
        json={"facet": "Task", "topic_id": 4},
        headers={"Host": "evil.example"},
    )
    assert rebound.status_code == 400
    assert list(_subs(c)) == [0]
    r = c.post("/api/topics/unmerge", json={"facet": "Task", "topic_id": 4})
    assert r.status_code == 200, r.text
    done = r.json()
    assert (done["topic_id"], done["merged_into"], done["refused"]) == (4, 0, None)
    assert done["label"] == "Schedule weekly report emails"
    # the days holding topic 0 (trace i: topic i % 6, day i % 21): 14 of the 21
    assert done["into_label"] == "Export dashboards to CSV" and done["days"] == 14
    assert done["snapshot"]  # published: the page shows the split at once
    assert {t: s["count"] for t, s in _subs(c).items()} == before
    assert all(s["merged"] == [] for s in _subs(c).values())
    # The store the CLI reads: no merge left.
    conn = duckdb.connect(str(home / "warehouse.duckdb"), read_only=True)
    assert conn.execute(
        "SELECT count(*) FROM topic_overrides WHERE merged_into IS NOT NULL"
    ).fetchone() == (0,)
    conn.close()
    # Undone twice, or never merged: refused with the reason; an unknown topic: 404.
    again = c.post("/api/topics/unmerge", json={"facet": "Task", "topic_id": 4})
    assert again.status_code == 400 and "not merged" in again.json()["detail"]
    assert c.post("/api/topics/unmerge", json={"facet": "Task", "topic_id": 99}).status_code == 404
    assert c.post("/api/topics/unmerge", json={"facet": "Task"}).status_code == 422


def _parents(c: TestClient) -> dict[int, dict]:
    return {t["topic_id"]: t for t in c.get("/api/topics").json()["topics"]}


def test_a_chain_of_merges_is_undone_one_merge_at_a_time(home: Path) -> None:
    """Review rv10 L-3 on the page: parent 10 merged into 11, then 11 into 12. Both are listed
    under 12, 10 saying it went into 11; undoing 11's merge leaves 10 in 11 (the store had
    flattened 10's merge to 12, so 10's traces stayed in 12), and undoing 10's restores all."""
    c = TestClient(create_app(home), base_url="http://localhost")
    before = {t: p["count"] for t, p in _parents(c).items()}
    assert before == {10: 200, 11: 200, 12: 100}
    for src, into in ((10, 11), (11, 12)):
        r = c.post("/api/topics/merge", json={"facet": "Task", "topic_id": src, "into": into})
        assert r.status_code == 200, r.text
    tops = _parents(c)
    assert {t: p["count"] for t, p in tops.items()} == {12: 500}
    assert [(m["topic_id"], m["into"], m["into_label"]) for m in tops[12]["merged"]] == [
        (10, 11, "Account and billing"),
        (11, 12, "Team chat integrations"),
    ]
    r = c.post("/api/topics/unmerge", json={"facet": "Task", "topic_id": 11})
    assert r.status_code == 200, r.text
    assert (r.json()["merged_into"], r.json()["into_label"]) == (12, "Team chat integrations")
    tops = _parents(c)
    assert {t: p["count"] for t, p in tops.items()} == {11: 400, 12: 100}
    assert [m["topic_id"] for m in tops[11]["merged"]] == [10] and tops[12]["merged"] == []
    assert c.post("/api/topics/unmerge", json={"facet": "Task", "topic_id": 10}).status_code == 200
    assert {t: p["count"] for t, p in _parents(c).items()} == before


def test_a_lone_subtopic_named_as_its_parent_is_not_listed_under_it(home: Path) -> None:
    """Review rv10 L-2: the CLI left out "No issue · No issue" while the page listed "Team chat
    integrations › Team chat integrations". One rule (report.listed_subtopics) for both: a lone
    subtopic of another name is listed, one of its parent's name is not; the subtopic level
    still lists it."""
    c = TestClient(create_app(home), base_url="http://localhost")
    assert [s["label"] for s in _parents(c)[12]["subtopics"]] == ["Connect Slack integration"]
    r = c.post(
        "/api/topics/rename",
        json={"facet": "Task", "topic_id": 2, "label": "team chat  Integrations"},
    )
    assert r.status_code == 200, r.text
    tops = _parents(c)
    assert tops[12]["subtopics"] == [] and len(tops[11]["subtopics"]) == 2
    flat = c.get("/api/topics", params={"level": "sub"}).json()["topics"]
    assert 2 in {t["topic_id"] for t in flat}


@pytest.mark.parametrize("name", ["\u0410lice", "p\u0430ypal team", "\u039flga"])
def test_a_look_alike_assignee_or_name_is_refused(home: Path, name: str) -> None:
    c = TestClient(create_app(home), base_url="http://localhost")
    r = c.post("/api/review", json={"assignee": name, "limit": 1})
    assert r.status_code == 422 and "one alphabet" in r.json()["detail"], r.text
    r = c.post("/api/topics/rename", json={"facet": "Task", "topic_id": 0, "label": name})
    assert r.status_code == 422 and "one alphabet" in r.json()["detail"], r.text
    ok = c.post(
        "/api/review", json={"assignee": "\u041a\u0438\u0440\u0438\u043b\u043b", "limit": 1}
    )
    assert ok.status_code == 200, ok.text


def test_the_map_says_each_topics_points_against_the_one_threshold(home: Path) -> None:
    c = TestClient(create_app(home), base_url="http://localhost")
    m = c.get("/api/map", params={"facet": "Task", "level": "sub"}).json()
    assert m["min_points"] == MIN_MAP_POINTS == 10
    points = {p["topic_id"]: p["points"] for p in m["topic_points"]}
    # Sub and parent positions: the fixture's points are each trace's own.
    assert points[0] == 100 and points[10] == 200 and sum(points[t] for t in (0, 1, 2, 3, 4)) == 500
    # Six traces (one of them no_match): 6 points, fewer than a map needs.
    ids = [f"t-{i:05d}" for i in range(6)]
    few = c.get("/api/map", params={"facet": "Task", "trace_id": ids}).json()
    assert few["points"] == 6 < few["min_points"]
