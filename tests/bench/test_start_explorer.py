"""bench/_common.start_explorer: the one way the explorer benches start `tracetopics explore`
and wait for it (explorer_first_paint.py and explorer_start.py each had a copy)."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import _common
import pytest
from factories.explorer import free_port, publish_explorer_home

BENCH = Path(_common.__file__).parent


def test_start_explorer_serves_the_home_and_stops(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home = publish_explorer_home(tmp_path / "home", n=60)
    monkeypatch.setenv("TRACETOPICS_HOME", str(home))
    port = free_port()
    with _common.start_explorer(port) as (base, up):
        assert base == f"http://127.0.0.1:{port}" and up > 0
        assert urllib.request.urlopen(base + "/api/health", timeout=10).status == 200
    with pytest.raises(OSError):  # stopped on leaving
        urllib.request.urlopen(base + "/api/health", timeout=2)


@pytest.mark.parametrize("bench", ["explorer_first_paint.py", "explorer_start.py"])
def test_the_explorer_benches_start_it_one_way(bench: str) -> None:
    src = (BENCH / bench).read_text()
    assert "start_explorer(" in src and "Popen" not in src and "/api/health" not in src
