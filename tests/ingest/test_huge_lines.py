"""A huge bad line through the run's ingest stage: read in blocks, never the file whole; a line
longer than `read_whole_limit` (64 MB) is quarantined unread (`line_too_long`); every
quarantined line keeps at most RAW_KEEP bytes of itself in `quarantine.raw`, with its whole
length and SHA-256, so the row still names the exact line of the landing file (kept)."""

from __future__ import annotations

import hashlib
import json
import tracemalloc
from datetime import date
from pathlib import Path

from factories.landing import trace_object
from factories.subprocess_run import run_snippet

from tracetopics_pipeline.core.ingest.files import parse_file
from tracetopics_pipeline.core.ingest.records import (
    RAW_KEEP,
    REJECTION_REASONS,
    read_whole_limit,
)
from tracetopics_pipeline.core.ingest.stage import ingest_days

D1 = date(2026, 1, 5)
TODAY = date(2026, 1, 10)
LIMIT = 4096  # the smallest TRACETOPICS_MAX_TRACE_BYTES
MAX_LINE = 256 * 1024  # read whole up to this here (64 MB in the run: the last test)
MB = 1 << 20


def good(i: int) -> bytes:
    return json.dumps(trace_object(f"ok{i}", D1)).encode()


def write(path: Path, *lines: bytes, end: bytes = b"\n") -> Path:
    path.write_bytes(end.join(lines) + end)
    return path


def huge_line(size: int, head: bytes = b'{"id": "big", "created": "2026-01-05T10:00:00Z", "input": "') -> bytes:  # fmt: skip
    return head + b"a" * (size - len(head))


def test_a_line_past_the_read_limit_is_quarantined_unread_and_named(landing: Path) -> None:
    big = huge_line(12 * MB)
    path = write(landing / "001.jsonl", good(1), big, good(2), good(3))
    tracemalloc.start()
    try:
        result = parse_file(path, max_trace_bytes=LIMIT, today=TODAY, max_line_bytes=MAX_LINE)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # the file (12 MB) is never held, nor the line: a few 1 MB blocks at most
    assert peak < 5 * MB, f"{peak / MB:.1f} MB traced for a 12 MB line"
    assert [r.id for r in result.records] == ["ok1", "ok2", "ok3"]
    (rej,) = result.rejections
    assert (rej.line, rej.reason, rej.created_day) == (2, "line_too_long", D1)
    assert "line_too_long" in REJECTION_REASONS
    assert f"{len(big):,} bytes" in rej.detail and f"{MAX_LINE:,}" in rej.detail
    assert rej.raw_truncated and rej.raw_bytes == len(big)
    assert rej.raw_sha256 == hashlib.sha256(big).hexdigest()
    assert rej.raw.encode() == big[:RAW_KEEP]


def test_a_long_bad_line_within_the_limit_keeps_a_bounded_raw(landing: Path) -> None:
    """Parsed (it may be a trace to cut), but a bad one keeps RAW_KEEP bytes, not all of it."""
    garbage = b"x" * 200_000  # invalid JSON, 200 KB: under MAX_LINE, over RAW_KEEP
    string = b'"' + b"y" * 150_000 + b'"'  # a JSON string alone: not an object
    path = write(landing / "001.jsonl", good(1), garbage, string)
    result = parse_file(path, max_trace_bytes=LIMIT, today=TODAY, max_line_bytes=MAX_LINE)
    assert [r.id for r in result.records] == ["ok1"]
    by_reason = {r.reason: r for r in result.rejections}
    assert set(by_reason) == {"invalid_json", "not_an_object"}
    for rej, line in ((by_reason["invalid_json"], garbage), (by_reason["not_an_object"], string)):
        assert rej.raw_truncated and rej.raw_bytes == len(line)
        assert rej.raw_sha256 == hashlib.sha256(line).hexdigest()
        assert rej.raw.encode() == line[:RAW_KEEP]


def test_a_short_bad_line_is_kept_whole_without_a_digest(landing: Path) -> None:
    path = write(landing / "001.jsonl", good(1), b'{"id": "broken"')
    (rej,) = parse_file(
        path, max_trace_bytes=LIMIT, today=TODAY, max_line_bytes=MAX_LINE
    ).rejections
    assert rej.raw == '{"id": "broken"' and not rej.raw_truncated
    assert rej.raw_bytes is None and rej.raw_sha256 is None


def test_a_cut_raw_ends_on_a_whole_character(landing: Path) -> None:
    """A prefix cut inside a multi-byte character would show a broken escape: cut before it."""
    line = b"[" + "é".encode() * 100_000  # invalid JSON of 2-byte characters, 1 byte offset
    longer = b"[" + "é".encode() * MAX_LINE  # too long to read whole: cut as it streams
    path = write(landing / "001.jsonl", good(1), line, longer)
    result = parse_file(path, max_trace_bytes=LIMIT, today=TODAY, max_line_bytes=MAX_LINE)
    assert [r.reason for r in result.rejections] == ["invalid_json", "line_too_long"]
    for rej, whole in zip(result.rejections, (line, longer), strict=True):
        assert rej.raw_truncated and "\\x" not in rej.raw
        assert RAW_KEEP - 1 <= len(rej.raw.encode()) <= RAW_KEEP
        assert whole.startswith(rej.raw.encode())


def test_a_superseded_copy_keeps_its_stored_form_whole(landing: Path, conn) -> None:
    """A copy sent again is no bad line: its raw is the trace as stored (within the limit per
    trace), re-ingestable as is."""
    big = json.dumps(trace_object("t", D1, text="z" * 200_000)).encode()
    write(landing / "001.jsonl", big)
    write(landing / "002.jsonl", big)
    ingest_days(conn, landing, [D1], today=TODAY)
    ((reason, size, cut),) = conn.execute(
        "SELECT reason, strlen(raw), raw_truncated FROM quarantine"
    ).fetchall()
    assert (reason, cut) == ("duplicate_superseded", False) and size > 200_000


def test_not_utf8_and_deeply_nested_lines_are_quarantined_with_a_reason(landing: Path) -> None:
    deep = b"[" * 100_000
    deep_obj = b'{"id": "d", "created": "2026-01-05T10:00:00Z", "input": ' + b"[" * 100_000
    latin1 = b'{"id": "l", "created": "2026-01-05T10:00:00Z", "input": "caf\xe9"}'
    huge_bad = b'{"id": "h", "created": "2026-01-05T10:00:00Z", "input": "\xff' + b"b" * MB
    path = write(landing / "001.jsonl", good(1), deep, deep_obj, latin1, huge_bad)
    result = parse_file(path, max_trace_bytes=LIMIT, today=TODAY, max_line_bytes=MAX_LINE)
    reasons = [(r.line, r.reason) for r in result.rejections]
    assert reasons == [(2, "too_deep"), (3, "too_deep"), (4, "invalid_utf8"), (5, "line_too_long")]
    assert all(len(r.raw.encode()) <= 4 * RAW_KEEP for r in result.rejections)
    assert result.rejections[2].raw.endswith('"caf\\xe9"}')
    assert [r.created_day for r in result.rejections][2:] == [D1, D1]


def test_the_stage_writes_the_cut_rows_and_the_rest_lands(landing: Path, conn) -> None:
    bad = b'{"id": "x", "created": "2026-01-05T10:00:00Z", "input": "' + b"x" * 100_000
    write(landing / "001.jsonl", good(1), bad, b'{"id": "short"', good(2), end=b"\r\n")
    stats = ingest_days(conn, landing, [D1], max_trace_bytes=LIMIT, today=TODAY)
    assert stats.traces_written == 2 and stats.quarantined == 2
    rows = conn.execute(
        "SELECT line, reason, strlen(raw), raw_truncated, raw_bytes, raw_sha256 "
        "FROM quarantine ORDER BY line"
    ).fetchall()
    assert rows == [
        (2, "invalid_json", RAW_KEEP, True, len(bad), hashlib.sha256(bad).hexdigest()),
        (3, "invalid_json", 14, False, None, None),
    ]


def test_the_days_of_a_file_with_a_huge_line_are_its_parse_days(landing: Path) -> None:
    """The landing index (what `tracetopics run` and the sensor ask for) reads the file in
    blocks too, and dates a line too long to read by the created its head states."""
    other = huge_line(2 * MB).replace(b"2026-01-05", b"2026-01-06", 1)
    path = write(landing / "001.jsonl", good(1), other)
    kw = {"max_trace_bytes": LIMIT, "today": TODAY, "max_line_bytes": MAX_LINE}
    counted = parse_file(path, days_only=True, **kw).records
    assert dict(counted.days) == {"2026-01-05": 1, "2026-01-06": 1}
    (rej,) = parse_file(path, **kw).rejections
    assert (rej.reason, rej.created_day) == ("line_too_long", date(2026, 1, 6))


# The peak RSS growth of what `tracetopics run` does to a landing file before its later stages:
# the days it touches (landing index), then the ingest stage into a warehouse, in a fresh
# interpreter. The old code read the file whole, decoded it and stored the line whole (about
# five times the file).
MEASURE = """
import json, resource, sys
from datetime import date
from pathlib import Path
from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.ingest.landing import file_days
from tracetopics_pipeline.core.ingest.stage import ingest_days

landing = Path(sys.argv[1])
src = landing / "001.jsonl"
with open(src, "wb") as fh:
    fh.write(b'{"id": "ok", "created": "2026-01-05T10:00:00Z", "input": "hi"}\\n')
    fh.write(b'{"id": "big", "created": "2026-01-05T10:00:00Z", "input": "')
    block = b"a" * (1 << 20)
    for _ in range(int(sys.argv[2])):
        fh.write(block)
conn = warehouse.connect(landing.parent / "wh.duckdb")
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
days = file_days(src, today=date(2026, 1, 10))
stats = ingest_days(conn, landing, sorted(days), today=date(2026, 1, 10))
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
raw = conn.execute("SELECT reason, strlen(raw), raw_bytes, raw_sha256 FROM quarantine").fetchall()
print(json.dumps({"growth_kb": after - before, "written": stats.traces_written, "raw": raw}))
"""


def test_a_70mb_line_goes_through_the_stage_in_bounded_memory(tmp_path: Path) -> None:
    assert read_whole_limit(LIMIT) == read_whole_limit(1_000_000) == 64_000_000
    landing = tmp_path / "landing"
    landing.mkdir()
    # the default limit: lines past 64 MB unread
    out, _ = run_snippet(MEASURE, str(landing), "70", unset=("TRACETOPICS_MAX_TRACE_BYTES",))
    line = b'{"id": "big", "created": "2026-01-05T10:00:00Z", "input": "' + b"a" * (70 * MB)
    assert out["written"] == 1
    assert out["raw"] == [["line_too_long", RAW_KEEP, len(line), hashlib.sha256(line).hexdigest()]]
    growth_mb = out["growth_kb"] / 1024
    # the lines up to the 64 MB the line is read whole to, plus the hash: well under the file
    assert growth_mb < 150, f"peak RSS grew {growth_mb:.0f} MB for a 70 MB line"


def test_the_quarantine_command_says_a_raw_is_cut_and_names_the_line(home: Path, capsys) -> None:
    from tracetopics_pipeline.cli import main
    from tracetopics_pipeline.core import warehouse
    from tracetopics_pipeline.core.settings import paths

    landing = home / "landing"
    landing.mkdir(parents=True)
    bad = b"x" * 100_000
    write(landing / "001.jsonl", *[good(i) for i in range(3)], bad, b'{"id": "short"')
    with warehouse.connect(paths().warehouse) as conn:
        ingest_days(conn, landing, [D1], today=TODAY)
    assert main(["quarantine", "--day", str(D1)]) == 0
    out = capsys.readouterr().out
    digest = hashlib.sha256(bad).hexdigest()
    assert f"raw holds its first 64 KiB of {len(bad):,} bytes (sha256 {digest})" in out
    assert out.count("raw holds its first") == 1  # the short line is whole
    assert "raw_sha256" in out  # the SQL it offers shows the columns


def test_the_quarantine_command_reads_a_warehouse_from_before_the_columns(
    home: Path, capsys
) -> None:
    import duckdb

    from tracetopics_pipeline.cli import main
    from tracetopics_pipeline.core.settings import paths

    paths().warehouse.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(paths().warehouse)) as conn:
        conn.execute(
            "CREATE TABLE quarantine (day DATE, file VARCHAR NOT NULL, line BIGINT NOT NULL, "
            "reason VARCHAR NOT NULL, detail VARCHAR, raw VARCHAR, ingested_at TIMESTAMPTZ)"
        )
        conn.execute("CREATE TABLE raw_traces (day DATE, id VARCHAR)")
        conn.execute(
            "CREATE TABLE quarantine_accepted (day DATE, quarantined BIGINT, "
            "accepted_at TIMESTAMPTZ)"
        )
        conn.execute(
            f"INSERT INTO quarantine VALUES (DATE '{D1}', 'a.jsonl', 2, 'invalid_json', 'x', "
            "'{oops', now())"
        )
    assert main(["quarantine", "--day", str(D1)]) == 0
    out = capsys.readouterr().out
    assert "a.jsonl:2  invalid_json" in out and "{oops" in out
