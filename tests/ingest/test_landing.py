"""The landing folder: which files are ready, and which days each one touches (cached)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from factories.landing import trace_object, write_lines

from tracetopics_pipeline.core.ingest import landing as landing_mod
from tracetopics_pipeline.core.ingest.landing import file_days, landing_files

D1, D2, D3 = date(2026, 1, 5), date(2026, 1, 6), date(2026, 1, 7)
TODAY = date(2026, 1, 10)


# --------------------------------------------------------------------------- landing files


def test_landing_files_skips_partial_hidden_and_unsupported(landing: Path) -> None:
    for name in [
        "002-b.jsonl",
        "001-a.parquet",
        "003-c.json",
        "004-d.ndjson",
        "005-e.jsonl.part",
        "006-f.jsonl.tmp",
        ".007-g.jsonl",
        "008-h.csv",
        "README",
    ]:
        (landing / name).write_text("{}")
    (landing / "009-dir.jsonl").mkdir()
    names = [p.name for p in landing_files(landing)]
    assert names == ["001-a.parquet", "002-b.jsonl", "003-c.json", "004-d.ndjson"]
    assert landing_files(landing.parent / "missing") == []


def test_landing_files_settle_time(landing: Path) -> None:
    old = write_lines(
        landing / "001-old.jsonl", ["{}"], mtime=datetime.now(UTC) - timedelta(minutes=5)
    )
    write_lines(landing / "002-new.jsonl", ["{}"])
    assert landing_files(landing, settle_seconds=30) == [old]
    assert len(landing_files(landing)) == 2


# --------------------------------------------------------------------------- file_days


def test_file_days_records_and_undated_rejections(landing: Path) -> None:
    f = write_lines(
        landing / "001.jsonl",
        [
            trace_object("a", D2),
            trace_object("b", D3),
            "garbage",
            trace_object("c", D1, created=...),
        ],
    )
    # 'garbage' and the trace without created are undated: they go to the earliest valid day
    assert file_days(f, today=TODAY) == {D2, D3}
    only_bad = write_lines(
        landing / "002.jsonl", ["garbage"], mtime=datetime(2026, 1, 3, 12, tzinfo=UTC)
    )
    assert file_days(only_bad, today=TODAY) == {date(2026, 1, 3)}  # mtime date (UTC)
    # out-of-range lines are attributed like undated ones; start_date moves the earliest day
    f3 = write_lines(
        landing / "003.jsonl",
        [trace_object("x", D1), trace_object("y", D3), trace_object("z", date(2999, 1, 1))],
    )
    assert file_days(f3, today=TODAY) == {D1, D3}
    assert file_days(f3, today=TODAY, start_date=D2) == {D3}
    # a dated rejection (missing id) still attributes to its own day
    f4 = write_lines(
        landing / "004.jsonl", [trace_object("a", D2), {"created": f"{D1}T00:00:00Z", "input": "x"}]
    )
    assert file_days(f4, today=TODAY) == {D1, D2}


def test_file_days_is_cached_by_size_and_mtime(
    landing: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    f = write_lines(landing / "001.jsonl", [trace_object("a", D1)])
    calls: list[Path] = []
    real = landing_mod.parse_file
    monkeypatch.setattr(landing_mod, "parse_file", lambda p, **kw: calls.append(p) or real(p, **kw))
    assert file_days(f, today=TODAY) == {D1}
    assert file_days(f, today=TODAY) == {D1}
    assert len(calls) == 1
    assert (landing.parent / "state" / "landing_index.json").exists()
    write_lines(f, [trace_object("a", D1), trace_object("b", D2)])  # changed size → re-parsed
    assert file_days(f, today=TODAY) == {D1, D2}
    assert len(calls) == 2
    (landing.parent / "state" / "landing_index.json").write_text(
        "{corrupt"
    )  # a broken index is ignored
    assert file_days(f, today=TODAY) == {D1, D2}
