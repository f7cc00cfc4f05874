"""`tracetopics ingest` checks a file in bounded memory: a line longer than a trace may be stored
(TRACETOPICS_MAX_TRACE_BYTES, the run's limit per trace) is noted and landed, never read whole
(review rv12 L5: a 200 MB file with no newline took 65 s and 1.1 GB before landing)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from factories.subprocess_run import run_snippet

from tracetopics_pipeline.cli import main

MB = 1 << 20

# Peak RSS growth of one `ingest` of a 60 MB line, in a fresh interpreter. The check reads
# 1 MB blocks (a few MB over the floor); reading the line whole cost about five times the file.
MEASURE = """
import json, resource, sys
from pathlib import Path
from tracetopics_pipeline.cli import main

src = Path(sys.argv[1])
with open(src, "wb") as fh:
    fh.write(b'{"id": "big", "created": "2026-11-20T10:00:00Z", "input": "')
    block = b"a" * (1 << 20)
    for _ in range(int(sys.argv[2])):
        fh.write(block)
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
rc = main(["ingest", str(src)])
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"rc": rc, "growth_kb": after - before}))
"""


def test_a_60mb_line_is_landed_in_bounded_memory(tmp_path: Path) -> None:
    env = {"TRACETOPICS_HOME": str(tmp_path / "home")}
    out, stderr = run_snippet(MEASURE, str(tmp_path / "big.jsonl"), "60", env=env)
    assert out["rc"] == 0
    growth_mb = out["growth_kb"] / 1024
    assert growth_mb < 150, f"peak RSS grew {growth_mb:.0f} MB for a 60 MB line"
    err = stderr.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("note: line 1 of "), stderr
    assert "TRACETOPICS_MAX_TRACE_BYTES" in err[0]
    assert len(list((tmp_path / "home" / "landing").glob("*.jsonl"))) == 1


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("TRACETOPICS_HOME", str(tmp_path / "home"))
    monkeypatch.setenv("TRACETOPICS_MAX_TRACE_BYTES", "8192")
    monkeypatch.chdir(tmp_path)
    return tmp_path / "home"


def trace(i: int, text: str = "hi") -> bytes:
    obj = {"id": f"t{i}", "created": "2026-11-20T10:00:00Z", "input": text}
    return json.dumps(obj).encode() + b"\n"


def test_lines_past_the_limit_are_counted_and_the_first_named(home: Path, capsys) -> None:
    long = "x" * 20_000
    Path("some.jsonl").write_bytes(trace(1) + trace(2, long) + trace(3) + trace(4, long))
    Path("fine.jsonl").write_bytes(trace(5) + trace(6, "y" * 8000))
    assert main(["ingest", "some.jsonl", "fine.jsonl"]) == 0
    (err,) = capsys.readouterr().err.splitlines()
    assert err.startswith("note: 2 lines of some.jsonl (the first: line 2, 20,060 bytes)"), err
    assert "8,192 bytes" in err and "TRACETOPICS_MAX_TRACE_BYTES" in err
    assert len(list((home / "landing").glob("*.jsonl"))) == 2


def test_a_long_line_is_not_read_by_ingest_and_the_run_still_sees_every_day(
    home: Path, capsys
) -> None:
    """Ingest leaves such a file out of the landing index (the run reads it, and fills it),
    never a partial entry that would hide a day from the run."""
    from tracetopics_pipeline.core.ingest.landing import default_index_path, file_days

    Path("two.jsonl").write_bytes(
        trace(1) + trace(2, "x" * 20_000).replace(b"2026-11-20", b"2026-11-21")
    )
    assert main(["ingest", "two.jsonl"]) == 0
    (landed,) = (home / "landing").glob("*.jsonl")
    index = default_index_path(landed.parent)
    assert not index.exists() or landed.name not in index.read_text()
    days = {d.isoformat() for d in file_days(landed)}
    assert days == {"2026-11-20", "2026-11-21"}
