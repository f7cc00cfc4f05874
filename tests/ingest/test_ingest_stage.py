"""The ingest stage: day attribution, dedupe, idempotency, nothing lost."""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from factories import insert_traces, trace_record
from factories.landing import trace_object, write_lines

from tracetopics_pipeline.core.ingest import landing as landing_mod
from tracetopics_pipeline.core.ingest.landing import landing_files
from tracetopics_pipeline.core.ingest.stage import IngestStats, ingest_days

D1, D2, D3 = date(2026, 1, 5), date(2026, 1, 6), date(2026, 1, 7)
TODAY = date(2026, 1, 10)


def run(conn, landing: Path, days, **kw: Any) -> IngestStats:
    kw.setdefault("today", TODAY)
    return ingest_days(conn, landing, days, **kw)


def counts(conn) -> tuple[int, int]:
    return (
        conn.execute("SELECT count(*) FROM raw_traces").fetchall()[0][0],
        conn.execute("SELECT count(*) FROM quarantine").fetchall()[0][0],
    )


# --------------------------------------------------------------------------- ingest_days


def messy_lines() -> list[Any]:
    """Every kind of line: good, duplicate, and one per rejection reason."""
    return [
        trace_object("good-1", D1),
        trace_object("good-2", D2, text="Cancel my subscription", metadata={"customer": "acme"}),
        trace_object("dup", D1, text="first copy"),
        "",  # blank: not a line
        '{"id": "broken", ',
        "[1, 2, 3]",
        b'{"id": "bytes", "input": "caf\xe9"}',
        {"created": f"{D1}T01:00:00Z", "input": "no id"},
        {"id": "no-created", "input": "hello"},
        trace_object("bad-ts", D1, created="31/31/2026"),
        trace_object("bad-type", D1, metadata="acme"),
        trace_object("empty", D2, text="   ", output=""),
        trace_object("future", date(2999, 1, 1)),
        trace_object("big", D2, text="x" * 5000),
        trace_object(
            "dup", D2, text="second copy"
        ),  # wins: later line, and it moves the trace to D2
    ]


def test_nothing_lost_and_reasons(landing: Path, conn) -> None:
    write_lines(landing / "001-messy.jsonl", messy_lines())
    write_lines(
        landing / "002-more.jsonl",
        [trace_object("good-3", D3), trace_object("good-1", D1, text="resent")],
    )
    pq_bad = landing / "003-corrupt.parquet"
    pq_bad.write_bytes(b"PAR1garbage")
    os.utime(pq_bad, (datetime(2026, 1, 6, tzinfo=UTC).timestamp(),) * 2)
    n_lines = sum(1 for x in messy_lines() if x != "") + 2 + 1  # the corrupt file counts once

    days = sorted(
        set().union(*landing_mod.files_days(landing_files(landing), today=TODAY).values())
    )
    stats = run(conn, landing, days, max_trace_bytes=2000)
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
    # superseded copies are not bad lines (holds.py): they count towards no rate
    bad = "reason <> 'duplicate_superseded'"
    d1_q = conn.execute(
        f"SELECT count(*) FROM quarantine WHERE day = DATE '{D1}' AND {bad}"
    ).fetchall()[0][0]
    d1_t = conn.execute(f"SELECT count(*) FROM raw_traces WHERE day = DATE '{D1}'").fetchall()[0][0]
    assert by_day[D1] == pytest.approx(d1_q / (d1_q + d1_t))
    b_n = conn.execute(f"SELECT count(*) FROM quarantine WHERE {bad}").fetchall()[0][0]
    assert md["quarantine_rate_overall"] == pytest.approx(b_n / (b_n + raw_n), abs=1e-6)


def test_rerun_is_idempotent_and_touches_only_its_days(landing: Path, conn) -> None:
    write_lines(
        landing / "001.jsonl",
        [trace_object("a", D1), trace_object("b", D2), "junk", trace_object("a", D1, text="v2")],
    )
    run(conn, landing, [D1, D2])
    first = counts(conn)
    assert first == (2, 2)
    run(conn, landing, [D1, D2])
    assert counts(conn) == first
    insert_traces(conn, [trace_record("other", datetime(2026, 1, 9, tzinfo=UTC), [])])
    stats = run(conn, landing, [D2])
    assert counts(conn) == (3, 2) and stats.traces_written == 1
    assert conn.execute("SELECT count(*) FROM raw_traces WHERE id = 'other'").fetchall()[0][0] == 1


def test_ingest_columns_match_the_contract(landing: Path, conn) -> None:
    write_lines(
        landing / "001.jsonl",
        [
            trace_object(
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
    run(conn, landing, [D1])
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


def test_later_file_on_another_day_supersedes(landing: Path, conn) -> None:
    """A re-sent trace with a corrected date lives only on its new day, whichever day runs first."""
    write_lines(
        landing / "001-a.jsonl", [trace_object("t", D1, text="old"), trace_object("keep", D1)]
    )
    run(conn, landing, [D1])
    write_lines(landing / "002-b.jsonl", [trace_object("t", D2, text="new")])
    stats = run(conn, landing, [D2])  # file b does not touch D1, yet D1's old copy must go
    assert stats.superseded_elsewhere == 1
    assert conn.execute("SELECT id, day FROM raw_traces ORDER BY id").fetchall() == [
        ("keep", D1),
        ("t", D2),
    ]
    q = conn.execute("SELECT day, file, line, reason FROM quarantine").fetchall()
    assert q == [(D1, "001-a.jsonl", 1, "duplicate_superseded")]
    for days in ([D1], [D2], [D1, D2]):  # any re-run keeps it that way
        run(conn, landing, days)
        assert counts(conn) == (2, 1), days
        assert conn.execute("SELECT day FROM raw_traces WHERE id = 't'").fetchall()[0][0] == D2


def test_newer_copy_already_in_warehouse_wins_over_older_day(landing: Path, conn) -> None:
    write_lines(landing / "001-a.jsonl", [trace_object("t", D1, text="old")])
    write_lines(landing / "002-b.jsonl", [trace_object("t", D2, text="new")])
    run(conn, landing, [D2])
    run(conn, landing, [D1])
    assert conn.execute("SELECT id, day FROM raw_traces").fetchall() == [("t", D2)]
    assert conn.execute("SELECT day, reason FROM quarantine").fetchall() == [
        (D1, "duplicate_superseded")
    ]


def test_otlp_and_parquet_files_ingest(landing: Path, conn) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(
        pa.Table.from_pylist([trace_object("pq-1", D1), trace_object("pq-2", D1)]),
        landing / "001.parquet",
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
    write_lines(landing / "002.jsonl", [otlp_doc])
    stats = run(conn, landing, [D1])
    assert stats.files_read == 2 and stats.traces_written == 3
    assert (
        conn.execute("SELECT project_id FROM raw_traces WHERE id = 'abc'").fetchall()[0][0] == "bot"
    )


def test_a_half_fetched_result_on_the_connection_does_not_block(landing: Path, conn) -> None:
    write_lines(landing / "001.jsonl", [trace_object("a", D1)])
    conn.execute("SELECT * FROM range(10)").fetchone()  # DuckDB 2 keeps this result open
    assert run(conn, landing, [D1]).traces_written == 1
