"""On-demand clustering of a filtered subset, through the API, on cached embeddings, at both
levels (parents over subtopics) with the daily maps' own code."""

from __future__ import annotations

import base64
from datetime import date

import numpy as np
import pytest
from factories.explorer import publish_explorer_home
from fastapi.testclient import TestClient

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.topics.embedders import make_embedder, memo
from tracetopics_pipeline.core.topics.embedders.local import SentenceEmbedder
from tracetopics_pipeline.core.topics.maps import cluster_levels
from tracetopics_pipeline.core.topics.phrases import store_phrases
from tracetopics_pipeline.core.warehouse import PACKAGED_MODEL_ID
from tracetopics_pipeline.core.warehouse.snapshot import publish_snapshot
from tracetopics_pipeline.explorer.app import create_app
from tracetopics_pipeline.explorer.subset import SEED


def _col(body: dict, name: str, dtype: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(body[name]), dtype=dtype)


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """The API over the fixture warehouse of 1,200 traces (400 per customer)."""
    home = publish_explorer_home(tmp_path_factory.mktemp("tt_subset"), 1200)
    return TestClient(create_app(home), base_url="http://localhost")


def test_cluster_subset_recovers_the_subsets_topics(client: TestClient) -> None:
    # acme = i % 3 == 0 → fixture topics i % 6 in {0, 3}: two intents, 200 traces each.
    r = client.post("/api/cluster", json={"filter": {"customer": ["acme"]}, "facet": "Task"})
    assert r.status_code == 200
    body = r.json()
    assert body["n_traces"] == 400 and not body["sampled"]
    assert len(body["topics"]) == 2
    assert sorted(t["size"] for t in body["topics"]) == [200, 200]
    labels = " ".join(t["label"].lower() for t in body["topics"])
    assert "export" in labels and "cancel" in labels
    ids = body["ids"].split("\n")
    tid = np.frombuffer(base64.b64decode(body["topic_id"]), dtype="<i4")
    x = np.frombuffer(base64.b64decode(body["x"]), dtype="<f4")
    assert len(ids) == len(tid) == len(x) == 400 and np.isfinite(x).all()
    # Every trace of one fixture intent lands in one subset topic.
    by_intent = {}
    for i, t in zip(ids, tid, strict=True):
        by_intent.setdefault(int(i.split("-")[1]) % 6, set()).add(int(t))
    assert all(len(v) == 1 for v in by_intent.values()) and by_intent[0] != by_intent[3]
    # Two unrelated subtopics are two parents (the daily maps' rule): one parent over both
    # would be named after one of them.
    parents = body["parents"]
    assert len(parents) == 2 and all(p["level"] == "parent" for p in parents)
    assert sum(p["size"] for p in parents) == 400 - body["no_match"]
    for p in parents:
        [kid] = [t for t in body["topics"] if t["parent_id"] == p["topic_id"]]
        assert p["subtopics"] == [kid["topic_id"]] and p["size"] == kid["size"]
    ids = {p["topic_id"] for p in parents}
    assert set(_col(body, "parent_id", "<i4").tolist()) <= ids | {-1}


def test_cluster_subset_has_parents_over_its_subtopics(client: TestClient) -> None:
    """All 1,200 traces: six fixture texts as subtopics, grouped into parents by the daily
    maps' hierarchy and named by their labeller (`maps.cluster_levels`), one id space."""
    body = client.post("/api/cluster", json={"filter": {}, "facet": "Task"}).json()
    subs, parents = body["topics"], body["parents"]
    assert len(subs) == 6 and 2 <= len(parents) <= 3  # the "hello" texts are one more
    assert not {t["topic_id"] for t in subs} & {p["topic_id"] for p in parents}
    size = {t["topic_id"]: t["size"] for t in subs}
    for p in parents:
        kids = [t for t in subs if t["parent_id"] == p["topic_id"]]
        assert sorted(p["subtopics"]) == sorted(t["topic_id"] for t in kids) and kids
        assert p["size"] == sum(size[t["topic_id"]] for t in kids)
        assert p["label"] and not p["label"].startswith("Topic ") and p["keywords"]
    # Per trace: its parent is its subtopic's parent.
    parent_of = {t["topic_id"]: t["parent_id"] for t in subs}
    tid, pid = _col(body, "topic_id", "<i4"), _col(body, "parent_id", "<i4")
    assert [parent_of.get(int(t), -1) for t in tid] == pid.tolist()
    # The same texts and vectors through the daily maps' two-level code give the same answer.
    cur = client.app.state.store.cursor()
    rows = cur.execute(
        """SELECT f.summary, e.embedding, count(*) FROM facets f JOIN summary_embeddings e
             ON e.text_hash = f.text_hash WHERE f.facet = 'Task' GROUP BY ALL"""
    ).fetchall()
    x = np.asarray([r[1] for r in rows], np.float32)
    levels = cluster_levels(
        [r[0] for r in rows], x, weights=[float(r[2]) for r in rows], settings=Settings.from_env(),
        seed=SEED, facet="Task",
    )  # fmt: skip
    assert sorted(p["label"] for p in parents) == sorted(p.label for p in levels.parents)
    assert sorted(t["label"] for t in subs) == sorted(t.label for t in levels.subs.topics)


def test_cluster_subset_too_small_explains(client: TestClient) -> None:
    body = client.post(
        "/api/cluster", json={"filter": {"trace_id": ["t-00000", "t-00001"]}, "facet": "Task"}
    ).json()
    assert body["topics"] == [] and "at least" in body["detail"]


def test_cluster_subset_unknown_facet_is_a_400_naming_the_facets(client: TestClient) -> None:
    r = client.post("/api/cluster", json={"filter": {}, "facet": "Tsak"})
    assert r.status_code == 400
    assert "unknown facet 'Tsak'" in r.json()["detail"] and "Task" in r.json()["detail"]


def test_a_subset_names_with_the_phrases_the_maps_stored(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Phrases a daily map embedded (phrase_embeddings, in the snapshot) are not embedded again
    by a new process's subset clustering, and the names stay the same."""
    body = {"filter": {"customer": ["globex"]}, "facet": "Task"}
    memo.clear()
    with memo.recording(make_embedder(Settings.from_env())) as named:
        first = client.post("/api/cluster", json=body).json()
    assert len(named) > 10
    home = client.app.state.paths.home
    conn = warehouse.connect(home / "warehouse.duckdb")
    store_phrases(conn, named, model=PACKAGED_MODEL_ID, day=date(2026, 11, 21))
    publish_snapshot(conn, home / "snapshot", embed_model=PACKAGED_MODEL_ID)
    conn.close()
    memo.clear()  # as a new process
    sent: list[str] = []
    batches = SentenceEmbedder.batches

    def counting(self, texts, progress=None):
        sent.extend(texts)
        return batches(self, texts, progress)

    monkeypatch.setattr(SentenceEmbedder, "batches", counting)
    again = client.post("/api/cluster", json=body).json()
    assert sent == []
    assert [t["label"] for t in again["topics"]] == [t["label"] for t in first["topics"]]
    assert [p["label"] for p in again["parents"]] == [p["label"] for p in first["parents"]]
