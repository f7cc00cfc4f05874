"""Shared test set-up: offline model loading, and the two fixtures every stage uses.

`home` is a fresh TRACETOPICS_HOME (environment set); `conn` is a fresh, empty warehouse.
Builders for warehouse contents live in tests/factories/.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from repo_paths import REPO

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GX_ANALYTICS_ENABLED", "False")
os.environ.setdefault("DO_NOT_TRACK", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
# The daily partitions are fixed when the definitions are imported, once per test session, and
# by default start at the earliest landed day of the home they were imported with: every test's
# data must fit them, so tests pin the start. tests/orchestration/test_first_partition.py
# checks the start from the data in fresh processes without it.
os.environ.setdefault("TRACETOPICS_START_DATE", "2025-01-01")
# UMAP's compiled code (core/topics/jit.py) in one cache for every test session, not in each
# test's fresh TRACETOPICS_HOME: only the first session after an install compiles.
os.environ.setdefault("NUMBA_CACHE_DIR", str(REPO / ".tracetopics" / "cache" / "numba-tests"))
# A test without the `home` fixture gets a home of its own, never the developer's (./.tracetopics
# or $TRACETOPICS_HOME): a model fitted there with `tracetopics facets fit` would change what
# the local summarizer answers, and 20 tests of the rules would fail.
os.environ["TRACETOPICS_HOME"] = str(REPO / ".tracetopics" / "test-home")


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh TRACETOPICS_HOME (and DAGSTER_HOME inside it) for one test."""
    h = tmp_path / "home"
    monkeypatch.setenv("TRACETOPICS_HOME", str(h))
    monkeypatch.setenv("TRACETOPICS_WAREHOUSE", str(h / "warehouse.duckdb"))
    monkeypatch.setenv("DAGSTER_HOME", str(h / "dagster"))
    (h / "dagster").mkdir(parents=True)
    (h / "dagster" / "dagster.yaml").write_text((REPO / "dagster.yaml").read_text())
    return h


@pytest.fixture
def conn(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A fresh warehouse with the schema and no rows."""
    from tracetopics_pipeline.core import warehouse

    c = warehouse.connect(tmp_path / "wh.duckdb")
    yield c
    c.close()


@pytest.fixture
def llm():
    """The fake OpenAI-compatible server (tests/fake_openai.py) on 127.0.0.1, for one test."""
    from fake_openai import FakeOpenAI

    fake = FakeOpenAI()
    yield fake
    fake.close()
