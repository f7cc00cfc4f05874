"""Fixtures shared by the CLI tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty TRACETOPICS_HOME under tmp_path, with the working directory beside it (a test
    module with a richer home defines its own `home`, which wins)."""
    monkeypatch.setenv("TRACETOPICS_HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    return tmp_path / "home"
