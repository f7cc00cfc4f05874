"""Fixtures shared by the CLI tests."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run the test from tmp_path, so the files it writes there are named as a user would."""
    monkeypatch.chdir(tmp_path)
    return tmp_path
