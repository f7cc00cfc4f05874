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
    # a placeholder time (Go's zero time, an epoch 0) is out of range without a start date:
    # it never pulls the first daily partition back by centuries
    f5 = write_lines(
        landing / "005.jsonl",
        [
            trace_object("a", D2),
            {"id": "zero", "created": "0001-01-01T00:00:00Z", "input": "x"},
            {"id": "epoch", "created": 0, "input": "x"},
        ],
    )
    assert file_days(f5, today=TODAY) == {D2}
    earliest = landing_mod.earliest_day(landing, index_path=landing.parent / "idx.json")
    assert earliest == date(2026, 1, 3)  # 002.jsonl's mtime day, not year 1
    # undated lines go to the file's busiest day, not to a stray old trace's; a line that does
    # not parse but still states its created date goes to that day
    f6 = write_lines(
        landing / "006.jsonl",
        [
            trace_object("old", D1),
            *(trace_object(f"b{i}", D3) for i in range(3)),
            "garbage",
            '{"id": "cut", "created": "' + D2.isoformat() + 'T09:00:00Z", "input": "hel',
            # a nested "created" is not the trace's, whether the line parses or not
            '{"id": "n1", "metadata": {"created": "' + D1.isoformat() + '"}, "input": "x"}',
            '{"id": "n2", "metadata": {"created": "'
            + D1.isoformat()
            + '"}, "created": "'
            + D2.isoformat()
            + 'T01:00:00Z", "input": NaN}',
        ],
    )
    result = landing_mod.parse_file(f6, today=TODAY)
    assert [r.created_day for r in result.rejections] == [None, D2, None, D2]
    summary = landing_mod.file_summary(
        landing_mod.LandingIndex(landing.parent / "idx6.json"), f6, None, TODAY, 10**6
    )[0]
    assert landing_mod.attribution(summary, None, TODAY) == ({D1, D2, D3}, D3)
    assert summary.days == {D1.isoformat(): 1, D2.isoformat(): 2, D3.isoformat(): 3}
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


# --------------------------------------------------------------------------- content keys


def test_a_copied_home_has_nothing_pending(tmp_path: Path, conn) -> None:
    """`cp -r` gives every file a new mtime; the index is keyed by content, so nothing is new.
    A file touched but unchanged stays ingested; one rewritten to the same size is pending."""
    import os
    import subprocess

    from tracetopics_pipeline.core.ingest.landing import pending_days
    from tracetopics_pipeline.core.ingest.stage import ingest_days

    home = tmp_path / "home"
    old = datetime(2026, 1, 8, tzinfo=UTC)
    for i, day in enumerate((D1, D2, D3), start=1):
        write_lines(home / "landing" / f"00{i}.jsonl", [trace_object(f"t{i}", day)], mtime=old)
    ingest_days(conn, home / "landing", [D1, D2, D3], today=TODAY)
    assert pending_days(home / "landing") == {}

    subprocess.run(["cp", "-r", str(home), str(tmp_path / "copy")], check=True)
    copy = tmp_path / "copy" / "landing"
    assert all(f.stat().st_mtime > old.timestamp() + 3600 for f in copy.iterdir())
    assert pending_days(copy) == {}

    os.utime(copy / "001.jsonl")  # touched, unchanged
    assert pending_days(copy) == {}
    text = (copy / "002.jsonl").read_text()
    (copy / "002.jsonl").write_text(text.replace('"t2"', '"u2"'))  # same size, new content
    assert pending_days(copy) == {copy / "002.jsonl": {D2}}


def test_a_version_1_index_is_upgraded_without_re_ingesting(landing: Path) -> None:
    """Entries written before content keys (size and mtime only) keep their ingested days."""
    import orjson

    from tracetopics_pipeline.core.ingest.landing import LandingIndex, default_index_path

    f = write_lines(landing / "001.jsonl", [trace_object("a", D1)])
    st = f.stat()
    entry = {"size": st.st_size, "mtime_ns": st.st_mtime_ns, "days": {D1.isoformat(): 1}}
    entry |= {"undated": 0, "ingested": [D1.isoformat()]}
    index_path = default_index_path(landing)
    index_path.parent.mkdir()
    index_path.write_bytes(orjson.dumps({"version": 1, "files": {"001.jsonl": entry}}))
    index = LandingIndex(index_path)
    assert index.get(f, st) is not None and index.ingested(f) == {D1}
    assert index.digest(f)  # hashed on first sight, so a later copy is recognized
