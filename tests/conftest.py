"""Shared test set-up: an isolated TRACETOPICS_HOME per test session, offline model loading."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TRACETOPICS_SHARED", REPO.parent / "shared"))


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A fresh TRACETOPICS_HOME (and DAGSTER_HOME inside it) for one test."""
    h = tmp_path / "home"
    monkeypatch.setenv("TRACETOPICS_HOME", str(h))
    monkeypatch.setenv("TRACETOPICS_WAREHOUSE", str(h / "warehouse.duckdb"))
    monkeypatch.setenv("DAGSTER_HOME", str(h / "dagster"))
    (h / "dagster").mkdir(parents=True)
    (h / "dagster" / "dagster.yaml").write_text((REPO / "dagster.yaml").read_text())
    return h


def shared_dataset(name: str) -> Path:
    """A dataset folder from ../shared/datasets, or skip the test when it is absent."""
    path = SHARED / "datasets" / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path


@pytest.fixture
def conn(tmp_path):
    """A fresh warehouse with the schema (modules needing other contents override this)."""
    from tracetopics_pipeline.core import warehouse

    c = warehouse.connect(tmp_path / "wh.duckdb")
    yield c
    c.close()
