"""The topic list's order, and its heading saying it: a severity-ordered facet (Churn risk,
`severity_order: true`) lists its label topics most severe first, as `tracetopics topics` does,
and the heading says "ranked by severity, then share"; every other facet ranks by share."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories.explorer import SEVERE_FIRST, churn_home
from fastapi.testclient import TestClient

from tracetopics_pipeline.explorer.app import create_app


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return churn_home(tmp_path_factory.mktemp("tt_order"))


def test_churn_risk_lists_most_severe_first_and_says_so(home: Path) -> None:
    c = TestClient(create_app(home), base_url="http://localhost")
    churn = c.get("/api/topics", params={"facet": "Churn risk"}).json()
    assert [t["topic_id"] for t in churn["topics"]] == SEVERE_FIRST  # not Medium (30) first
    assert churn["order"] == "severity"
    task = c.get("/api/topics", params={"facet": "Task"}).json()
    counts = [t["count"] for t in task["topics"]]
    assert task["order"] == "share" and counts == sorted(counts, reverse=True)
