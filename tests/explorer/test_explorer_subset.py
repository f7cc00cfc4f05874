"""On-demand clustering of a filtered subset, through the API, on cached embeddings."""

from __future__ import annotations

import base64

import numpy as np
import pytest
from factories.explorer import publish_explorer_home
from fastapi.testclient import TestClient

from tracetopics_pipeline.explorer.app import create_app


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


def test_cluster_subset_too_small_explains(client: TestClient) -> None:
    body = client.post(
        "/api/cluster", json={"filter": {"trace_id": ["t-00000", "t-00001"]}, "facet": "Task"}
    ).json()
    assert body["topics"] == [] and "at least" in body["detail"]
