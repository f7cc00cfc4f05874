"""The ingest tests' landing folder."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def landing(tmp_path: Path) -> Path:
    """An empty landing folder; the landing index lives beside it, in ../state."""
    path = tmp_path / "landing"
    path.mkdir()
    return path
