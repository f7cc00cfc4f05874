"""Where the tests find the repository and the shared labelled datasets (never copied in)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("TRACETOPICS_SHARED", REPO.parent / "shared"))


def shared_dataset(name: str) -> Path:
    """A dataset folder from ../shared/datasets, or skip the test when it is absent."""
    path = SHARED / "datasets" / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path
