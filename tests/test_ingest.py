"""The ingest stage: landing files, day attribution, dedupe, idempotency, nothing lost."""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.ingest import landing as landing_mod
from tracetopics_pipeline.core.ingest.landing import file_days, landing_files
from tracetopics_pipeline.core.ingest.stage import ingest_days

D1, D2, D3 = date(2026, 1, 5), date(2026, 1, 6), date(2026, 1, 7)
TODAY = date(2026, 1, 10)


def trace(
    tid: str, day: date, text: str = "How do I export a dashboard?", **over: Any
) -> dict[str, Any]:
    t = {
        "id": tid,
        "created": f"{day.isoformat()}T10:00:00Z",
        "project_id": "p",
        "input": text,
        "output": "Use the export menu.",
        "metrics": {"total_tokens": 10},
    }
    t.update(over)
    return {k: v for k, v in t.items() if v is not ...}


def write(path: Path, items: list[Any], *, mtime: datetime | None = None) -> Path:
    lines = [
        i
        if isinstance(i, bytes)
        else (i.encode() if isinstance(i, str) else json.dumps(i).encode())
        for i in items
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\n".join(lines) + b"\n")
    if mtime is not None:
        os.utime(path, (mtime.timestamp(), mtime.timestamp()))
    return path


@pytest.fixture
def home(tmp_path: Path) -> Path:
    (tmp_path / "landing").mkdir()
    return tmp_path


@pytest.fixture
def conn(home: Path):
    c = warehouse.connect(home / "w.duckdb")
    yield c
    c.close()


def run(conn, home: Path, days, **kw: Any):
    kw.setdefault("today", TODAY)
    return ingest_days(conn, home / "landing", days, **kw)


def counts(conn) -> tuple[int, int]:
    return (
        conn.execute("SELECT count(*) FROM raw_traces").fetchall()[0][0],
        conn.execute("SELECT count(*) FROM quarantine").fetchall()[0][0],
    )


# --------------------------------------------------------------------------- landing files


def test_landing_files_skips_partial_hidden_and_unsupported(home: Path) -> None:
    landing = home / "landing"
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
    assert landing_files(home / "missing") == []


def test_landing_files_settle_time(home: Path) -> None:
    landing = home / "landing"
    old = write(landing / "001-old.jsonl", ["{}"], mtime=datetime.now(UTC) - timedelta(minutes=5))
    write(landing / "002-new.jsonl", ["{}"])
    assert landing_files(landing, settle_seconds=30) == [old]
    assert len(landing_files(landing)) == 2


# --------------------------------------------------------------------------- file_days


def test_file_days_records_and_undated_rejections(home: Path) -> None:
    landing = home / "landing"
    f = write(
        landing / "001.jsonl",
        [trace("a", D2), trace("b", D3), "garbage", trace("c", D1, created=...)],
    )
    # 'garbage' and the trace without created are undated: they go to the earliest valid day
    assert file_days(f, today=TODAY) == {D2, D3}
    only_bad = write(landing / "002.jsonl", ["garbage"], mtime=datetime(2026, 1, 3, 12, tzinfo=UTC))
    assert file_days(only_bad, today=TODAY) == {date(2026, 1, 3)}  # mtime date (UTC)
    # out-of-range lines are attributed like undated ones; start_date moves the earliest day
    f3 = write(
        landing / "003.jsonl", [trace("x", D1), trace("y", D3), trace("z", date(2999, 1, 1))]
    )
    assert file_days(f3, today=TODAY) == {D1, D3}
    assert file_days(f3, today=TODAY, start_date=D2) == {D3}
    # a dated rejection (missing id) still attributes to its own day
    f4 = write(
        landing / "004.jsonl", [trace("a", D2), {"created": f"{D1}T00:00:00Z", "input": "x"}]
    )
    assert file_days(f4, today=TODAY) == {D1, D2}


def test_file_days_is_cached_by_size_and_mtime(home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    landing = home / "landing"
    f = write(landing / "001.jsonl", [trace("a", D1)])
    calls: list[Path] = []
    real = landing_mod.parse_file
    monkeypatch.setattr(landing_mod, "parse_file", lambda p, **kw: calls.append(p) or real(p, **kw))
    assert file_days(f, today=TODAY) == {D1}
    assert file_days(f, today=TODAY) == {D1}
    assert len(calls) == 1
    assert (home / "state" / "landing_index.json").exists()
    write(f, [trace("a", D1), trace("b", D2)])  # changed size → re-parsed
    assert file_days(f, today=TODAY) == {D1, D2}
    assert len(calls) == 2
    (home / "state" / "landing_index.json").write_text("{corrupt")  # a broken index is ignored
    assert file_days(f, today=TODAY) == {D1, D2}


# --------------------------------------------------------------------------- ingest_days


def messy_lines() -> list[Any]:
    """Every kind of line: good, duplicate, and one per rejection reason."""
    return [
        trace("good-1", D1),
        trace("good-2", D2, text="Cancel my subscription", metadata={"customer": "acme"}),
        trace("dup", D1, text="first copy"),
        "",  # blank: not a line
        '{"id": "broken", ',
        "[1, 2, 3]",
        b'{"id": "bytes", "input": "caf\xe9"}',
        {"created": f"{D1}T01:00:00Z", "input": "no id"},
        {"id": "no-created", "input": "hello"},
        trace("bad-ts", D1, created="31/31/2026"),
        trace("bad-type", D1, metadata="acme"),
        trace("empty", D2, text="   ", output=""),
        trace("future", date(2999, 1, 1)),
        trace("big", D2, text="x" * 5000),
        trace("dup", D2, text="second copy"),  # wins: later line, and it moves the trace to D2
    ]


def test_nothing_lost_and_reasons(home: Path, conn) -> None:
    landing = home / "landing"
    write(landing / "001-messy.jsonl", messy_lines())
    write(landing / "002-more.jsonl", [trace("good-3", D3), trace("good-1", D1, text="resent")])
    pq_bad = landing / "003-corrupt.parquet"
    pq_bad.write_bytes(b"PAR1garbage")
    os.utime(pq_bad, (datetime(2026, 1, 6, tzinfo=UTC).timestamp(),) * 2)
    n_lines = sum(1 for x in messy_lines() if x != "") + 2 + 1  # the corrupt file counts once

    days = sorted(
        set().union(*landing_mod.files_days(landing_files(landing), today=TODAY).values())
    )
    stats = run(conn, home, days, max_trace_bytes=2000)
    raw_n, q_n = counts(conn)
    assert raw_n + q_n == n_lines == stats.lines_read
    assert raw_n == stats.traces_written == 5  # good-1 (resent), good-2, good-3, dup, big
    reasons = dict(conn.execute("SELECT reason, count(*) FROM quarantine GROUP BY ALL").fetchall())
    assert reasons == {
        "invalid_json": 1,
        "not_an_object": 1,
        "invalid_utf8": 1,
        "missing_id": 1,
        "missing_created": 1,
        "bad_timestamp": 1,
        "wrong_type": 1,
        "empty_conversation": 1,
        "created_out_of_range": 1,
        "duplicate_superseded": 2,
        "unreadable_file": 1,
    }
    assert stats.quarantined_by_reason == reasons and stats.duplicates == 2 and stats.truncated == 1
    assert (
        conn.execute("SELECT truncated FROM raw_traces WHERE id = 'big'").fetchall()[0][0] is True
    )
    # last write wins: the later copies, with their own day
    rows = dict(
        conn.execute(
            "SELECT id, input->>'$[0].content' FROM raw_traces WHERE id IN ('dup', 'good-1')"
        ).fetchall()
    )
    assert rows == {"dup": "second copy", "good-1": "resent"}
    assert conn.execute("SELECT day FROM raw_traces WHERE id = 'dup'").fetchall()[0][0] == D2
    sup = conn.execute(
        "SELECT day, file, line, raw FROM quarantine WHERE reason = 'duplicate_superseded' ORDER BY file"
    ).fetchall()
    assert [(d, f, ln) for d, f, ln, _ in sup] == [
        (D1, "001-messy.jsonl", 1),
        (D1, "001-messy.jsonl", 3),
    ]
    assert (
        json.loads(sup[1][3])["input"][0]["content"] == "first copy"
    )  # the superseded copy is kept
    # undated lines of the messy file go to its earliest valid day; the corrupt file to its mtime day
    undated = dict(
        conn.execute(
            "SELECT reason, day FROM quarantine WHERE reason IN "
            "('invalid_json', 'created_out_of_range', 'unreadable_file')"
        ).fetchall()
    )
    assert undated == {"invalid_json": D1, "created_out_of_range": D1, "unreadable_file": D2}
    raw = conn.execute("SELECT raw FROM quarantine WHERE reason = 'invalid_utf8'").fetchall()[0][0]
    assert raw == '{"id": "bytes", "input": "caf\\xe9"}'
    md = stats.metadata()
    assert all(isinstance(v, str | int | float) for v in md.values())
    assert md["quarantined.invalid_json"] == 1 and 0 < md["quarantine_rate"] < 1
    by_day = stats.quarantine_rate_by_day
    assert set(by_day) == set(days) and stats.quarantine_rate == max(by_day.values())
    d1_q = conn.execute(f"SELECT count(*) FROM quarantine WHERE day = DATE '{D1}'").fetchall()[0][0]
    d1_t = conn.execute(f"SELECT count(*) FROM raw_traces WHERE day = DATE '{D1}'").fetchall()[0][0]
    assert by_day[D1] == pytest.approx(d1_q / (d1_q + d1_t))
    assert md["quarantine_rate_overall"] == pytest.approx(q_n / (q_n + raw_n), abs=1e-6)


def test_rerun_is_idempotent_and_touches_only_its_days(home: Path, conn) -> None:
    landing = home / "landing"
    write(
        landing / "001.jsonl", [trace("a", D1), trace("b", D2), "junk", trace("a", D1, text="v2")]
    )
    run(conn, home, [D1, D2])
    first = counts(conn)
    assert first == (2, 2)
    run(conn, home, [D1, D2])
    assert counts(conn) == first
    conn.execute(
        "INSERT INTO raw_traces (id, day, created, project_id, messages, metadata, source_file, "
        "source_line) VALUES ('other', DATE '2026-01-09', TIMESTAMPTZ '2026-01-09 00:00:00+00', "
        "'p', '[]', '{}', 'x', 1)"
    )
    stats = run(conn, home, [D2])
    assert counts(conn) == (3, 2) and stats.traces_written == 1
    assert conn.execute("SELECT count(*) FROM raw_traces WHERE id = 'other'").fetchall()[0][0] == 1


def test_ingest_columns_match_the_contract(home: Path, conn) -> None:
    write(
        home / "landing" / "001.jsonl",
        [
            trace(
                "a",
                D1,
                session_id="s1",
                metrics={
                    "prompt_tokens": 5,
                    "completion_tokens": 7,
                    "latency_s": 1.5,
                    "cost_usd": 0.01,
                    "gpu": "a100",
                },
            )
        ],
    )
    run(conn, home, [D1])
    row = conn.execute("""SELECT id, day, created, project_id, session_id, metrics.total_tokens, metrics.latency_s,
                      metrics_raw->>'$.gpu', messages->>'$[1].role', metadata, source_file, source_line,
                      truncated, size_bytes > 0 FROM raw_traces""").fetchall()[0]
    assert row == (
        "a",
        D1,
        datetime(2026, 1, 5, 10, tzinfo=UTC),
        "p",
        "s1",
        12,
        1.5,
        "a100",
        "assistant",
        "{}",
        "001.jsonl",
        1,
        False,
        True,
    )


def test_later_file_on_another_day_supersedes(home: Path, conn) -> None:
    """A re-sent trace with a corrected date lives only on its new day, whichever day runs first."""
    landing = home / "landing"
    write(landing / "001-a.jsonl", [trace("t", D1, text="old"), trace("keep", D1)])
    run(conn, home, [D1])
    write(landing / "002-b.jsonl", [trace("t", D2, text="new")])
    stats = run(conn, home, [D2])  # file b does not touch D1, yet D1's old copy must go
    assert stats.superseded_elsewhere == 1
    assert conn.execute("SELECT id, day FROM raw_traces ORDER BY id").fetchall() == [
        ("keep", D1),
        ("t", D2),
    ]
    q = conn.execute("SELECT day, file, line, reason FROM quarantine").fetchall()
    assert q == [(D1, "001-a.jsonl", 1, "duplicate_superseded")]
    for days in ([D1], [D2], [D1, D2]):  # any re-run keeps it that way
        run(conn, home, days)
        assert counts(conn) == (2, 1), days
        assert conn.execute("SELECT day FROM raw_traces WHERE id = 't'").fetchall()[0][0] == D2


def test_newer_copy_already_in_warehouse_wins_over_older_day(home: Path, conn) -> None:
    landing = home / "landing"
    write(landing / "001-a.jsonl", [trace("t", D1, text="old")])
    write(landing / "002-b.jsonl", [trace("t", D2, text="new")])
    run(conn, home, [D2])
    run(conn, home, [D1])
    assert conn.execute("SELECT id, day FROM raw_traces").fetchall() == [("t", D2)]
    assert conn.execute("SELECT day, reason FROM quarantine").fetchall() == [
        (D1, "duplicate_superseded")
    ]


def test_otlp_and_parquet_files_ingest(home: Path, conn) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    landing = home / "landing"
    pq.write_table(
        pa.Table.from_pylist([trace("pq-1", D1), trace("pq-2", D1)]), landing / "001.parquet"
    )
    t0 = int(datetime(2026, 1, 5, 12, tzinfo=UTC).timestamp() * 1e9)
    otlp_doc = {
        "resourceSpans": [
            {
                "resource": {
                    "attributes": [{"key": "service.name", "value": {"stringValue": "bot"}}]
                },
                "scopeSpans": [
                    {
                        "spans": [
                            {
                                "traceId": "abc",
                                "spanId": "1",
                                "startTimeUnixNano": str(t0),
                                "endTimeUnixNano": str(t0 + 10**9),
                                "attributes": [
                                    {
                                        "key": "gen_ai.prompt.0.content",
                                        "value": {"stringValue": "hi"},
                                    },
                                    {
                                        "key": "gen_ai.completion.0.content",
                                        "value": {"stringValue": "hello"},
                                    },
                                ],
                            }
                        ]
                    }
                ],
            }
        ]
    }
    write(landing / "002.jsonl", [otlp_doc])
    stats = run(conn, home, [D1])
    assert stats.files_read == 2 and stats.traces_written == 3
    assert (
        conn.execute("SELECT project_id FROM raw_traces WHERE id = 'abc'").fetchall()[0][0] == "bot"
    )


@pytest.mark.skipif(
    not os.environ.get("TRACETOPICS_BENCH"), reason="benchmark: set TRACETOPICS_BENCH=1"
)
def test_bench_100k_traces_one_day(home: Path, conn) -> None:
    import time

    body = "I keep getting a timeout when exporting my dashboard to CSV, what should I do? " * 12
    with open(home / "landing" / "001-big.jsonl", "w") as fh:
        for i in range(100_000):
            fh.write(
                json.dumps(
                    trace(
                        f"t{i}",
                        D1,
                        text=body,
                        messages=[
                            {"role": "user", "content": body},
                            {"role": "assistant", "content": body[:800]},
                        ],
                        metadata={"customer": f"c{i % 50}", "plan_tier": "pro"},
                    )
                )
                + "\n"
            )
    t0 = time.perf_counter()
    stats = run(conn, home, [D1])
    elapsed = time.perf_counter() - t0
    size = (home / "landing" / "001-big.jsonl").stat().st_size
    print(f"\ningested {stats.traces_written} traces ({size / 1e6:.0f} MB) in {elapsed:.1f}s")
    assert stats.traces_written == 100_000 and elapsed < 60


def test_a_half_fetched_result_on_the_connection_does_not_block(home: Path, conn) -> None:
    write(home / "landing" / "001.jsonl", [trace("a", D1)])
    conn.execute("SELECT * FROM range(10)").fetchone()  # DuckDB 2 keeps this result open
    assert run(conn, home, [D1]).traces_written == 1
