"""The ingest stage: landing files → `raw_traces` and `quarantine`, one UTC day at a time.

`ingest_days` rebuilds the given days: parse the files touching them, dedupe by trace id
(last write wins, by file name then line), and replace those days in both tables.

Every input line ends in exactly one of `raw_traces` or `quarantine`. A rejection without a
usable date (invalid JSON, missing or out-of-range `created`, ...) is attributed to its file's
busiest valid day, or to the file's modification date (UTC) when it has none
(`landing.attribution`); a line that does not parse is dated by a `"created": "YYYY-MM-DD..."`
its text still shows.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb
import polars as pl

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.ingest.files import parse_file
from tracetopics_pipeline.core.ingest.frames import quarantine_frame, traces_frame
from tracetopics_pipeline.core.ingest.landing import (
    LandingIndex,
    attribution,
    default_index_path,
    file_summary,
    in_range,
    landing_files,
)
from tracetopics_pipeline.core.ingest.records import (
    DEFAULT_MAX_TRACE_BYTES,
    NOT_BAD_REASONS,
    ParseResult,
    Rejection,
    TraceRecord,
)
from tracetopics_pipeline.core.wording import plural


@dataclass
class IngestStats:
    days: list[date]
    files_read: int = 0
    lines_read: int = 0  # input lines attributed to these days
    traces_written: int = 0
    duplicates: int = 0  # superseded copies among these days' lines
    truncated: int = 0
    quarantined_by_reason: dict[str, int] = field(default_factory=dict)
    traces_by_day: dict[date, int] = field(default_factory=dict)
    quarantined_by_day: dict[date, int] = field(default_factory=dict)  # bad lines only
    superseded_elsewhere: int = 0  # older copies on other days moved to quarantine
    seconds: float = 0.0

    def line(self) -> str:
        """What the run prints of it: '9,001 traces, 0 duplicates, 47 quarantined from 30 files'."""
        return (
            f"{plural(self.traces_written, 'trace')}, {plural(self.duplicates, 'duplicate')}, "
            f"{self.quarantined:,} quarantined from {plural(self.files_read, 'file')}"
        )

    @property
    def quarantined(self) -> int:
        return sum(self.quarantined_by_reason.values())

    @property
    def bad(self) -> int:
        """Quarantined lines that are bad input (a superseded copy is not: holds.py)."""
        return sum(n for r, n in self.quarantined_by_reason.items() if r not in NOT_BAD_REASONS)

    @property
    def quarantine_rate_by_day(self) -> dict[date, float]:
        """Per day: bad lines / bad lines and traces of the day (as holds.py reads it)."""
        out = {}
        for day in self.days:
            q, t = self.quarantined_by_day.get(day, 0), self.traces_by_day.get(day, 0)
            out[day] = q / (q + t) if q + t else 0.0
        return out

    @property
    def quarantine_rate(self) -> float:
        """The worst day's rate: a check on it fails when any partition passes the threshold."""
        return max(self.quarantine_rate_by_day.values(), default=0.0)

    @property
    def quarantine_rate_overall(self) -> float:
        total = self.traces_written + self.bad
        return self.bad / total if total else 0.0

    def metadata(self) -> dict[str, Any]:
        """Flat dict for Dagster materialization metadata."""
        md: dict[str, Any] = {
            "days": ", ".join(d.isoformat() for d in self.days),
            "files_read": self.files_read,
            "lines_read": self.lines_read,
            "traces_written": self.traces_written,
            "duplicates": self.duplicates,
            "truncated": self.truncated,
            "quarantined": self.quarantined,
            "superseded_elsewhere": self.superseded_elsewhere,
            "seconds": round(self.seconds, 3),
        }
        md["quarantine_rate"] = round(self.quarantine_rate, 6)
        md["quarantine_rate_overall"] = round(self.quarantine_rate_overall, 6)
        for reason, n in sorted(self.quarantined_by_reason.items()):
            md[f"quarantined.{reason}"] = n
        for day, rate in self.quarantine_rate_by_day.items():
            md[f"quarantine_rate.{day.isoformat()}"] = round(rate, 6)
        return md


def ingest_days(
    conn: duckdb.DuckDBPyConnection,
    landing: Path,
    days: Iterable[date],
    *,
    max_trace_bytes: int = DEFAULT_MAX_TRACE_BYTES,
    start_date: date | None = None,
    settle_seconds: float = 0,
    today: date | None = None,
    index_path: Path | None = None,
) -> IngestStats:
    """Rebuild `days` of raw_traces and quarantine from the landing folder (idempotent).

    Days go in chunks of about `warehouse.CHUNK_ROWS` lines (each chunk written and marked
    ingested before the next is read), so memory stays flat however long the range.
    """
    t0 = time.perf_counter()
    wanted = sorted(set(days))
    stats = IngestStats(days=wanted)
    today = today or datetime.now(UTC).date()
    files = landing_files(landing, settle_seconds=settle_seconds)
    index_path = index_path or default_index_path(Path(landing))
    index = LandingIndex(index_path)

    # Which files touch the days, and how many lines each day gets. A file parsed here (new to
    # the index) keeps its parse for the chunk loop while the held lines fit one chunk.
    wanted_set = set(wanted)
    touching: dict[Path, tuple[set[date], date]] = {}
    parsed: dict[Path, ParseResult] = {}
    held = 0
    lines: Counter[date] = Counter()
    for path in files:
        summary, result = file_summary(index, path, start_date, today, max_trace_bytes)
        if summary is None:
            continue
        touched, fallback = attribution(summary, start_date, today)
        if not touched & wanted_set:
            continue
        touching[path] = (touched, fallback)
        for iso, n in summary.days.items():
            lines[date.fromisoformat(iso)] += n
        lines[fallback] += summary.undated
        if result is not None and held + len(result.records) <= warehouse.CHUNK_ROWS:
            parsed[path] = result
            held += len(result.records)
    index.save(files)

    read: set[Path] = set()
    for chunk in warehouse.day_chunks(wanted, lines):
        chunk_set = set(chunk)
        records: list[TraceRecord] = []
        rejections: list[tuple[Rejection, date]] = []
        done: dict[Path, set[date]] = {}
        for path, (touched, fallback) in touching.items():
            if not touched & chunk_set:
                continue
            result = parsed.pop(path, None) or parse_file(
                path, max_trace_bytes=max_trace_bytes, start_date=start_date, today=today
            )
            read.add(path)
            done[path] = touched & chunk_set
            records.extend(result.records)
            for rej in result.rejections:
                day = rej.created_day
                if (
                    rej.reason == "created_out_of_range"
                    or day is None
                    or not in_range(day, start_date, today)
                ):
                    day = fallback
                if day in chunk_set:
                    rejections.append((rej, day))
        # Other days' records matter only as later copies of this chunk's traces.
        ids = {r.id for r in records if r.day in chunk_set}
        records = [r for r in records if r.day in chunk_set or r.id in ids]
        # A cursor of our own: a caller's half-fetched result on `conn` must not block us.
        cur = conn.cursor()
        try:
            _write(cur, stats, records, rejections, chunk)
        finally:
            cur.close()
        del records, rejections
        # Only once the days are written: the sensor stops asking for them.
        index = LandingIndex(index_path)
        for path, days_done in done.items():
            index.mark_ingested(path, days_done)
        index.save(files)
    stats.files_read = len(read)
    stats.seconds = time.perf_counter() - t0
    return stats


def _write(
    conn: duckdb.DuckDBPyConnection,
    stats: IngestStats,
    records: list[TraceRecord],
    rejections: list[tuple[Rejection, date]],
    wanted: list[date],
) -> None:
    wanted_set = set(wanted)
    kept, superseded = _dedupe(records)
    kept = [r for r in kept if r.day in wanted_set]
    superseded = [(r, by) for r, by in superseded if r.day in wanted_set]
    kept, lost_to_other_days = _against_other_days(conn, kept, wanted)
    superseded += lost_to_other_days
    for rec, by in superseded:
        rejections.append(
            (
                Rejection(
                    rec.source_file,
                    rec.source_line,
                    "duplicate_superseded",
                    f"superseded by {by}",
                    rec.to_json(),
                    rec.day,
                ),
                rec.day,
            )
        )

    written = warehouse.replace_days(conn, "raw_traces", traces_frame(kept), wanted)
    warehouse.replace_days(conn, "quarantine", quarantine_frame(rejections), wanted)
    # Accumulated: a long range is written one chunk of days at a time.
    stats.traces_written += written
    stats.superseded_elsewhere += _supersede_other_days(conn, wanted)
    stats.duplicates += len(superseded)
    stats.truncated += sum(r.truncated for r in kept)
    stats.lines_read += written + len(rejections)
    for field_, counts in (
        ("quarantined_by_reason", Counter(rej.reason for rej, _ in rejections)),
        ("traces_by_day", Counter(r.day for r in kept)),
        (
            "quarantined_by_day",
            Counter(d for j, d in rejections if j.reason not in NOT_BAD_REASONS),
        ),
    ):
        setattr(stats, field_, dict(Counter(getattr(stats, field_)) + counts))


def _dedupe(records: list[TraceRecord]) -> tuple[list[TraceRecord], list[tuple[TraceRecord, str]]]:
    """Last write wins, in file-name (= arrival) then line order: the last copy stays."""
    records = sorted(records, key=lambda r: (r.source_file, r.source_line))  # OTLP comes last
    last: dict[str, int] = {}
    for i, rec in enumerate(records):
        last[rec.id] = i
    kept: list[TraceRecord] = []
    superseded: list[tuple[TraceRecord, str]] = []
    for i, rec in enumerate(records):
        j = last[rec.id]
        if i == j:
            kept.append(rec)
        else:
            winner = records[j]
            superseded.append((rec, f"{winner.source_file}:{winner.source_line}"))
    return kept, superseded


def _against_other_days(
    conn: duckdb.DuckDBPyConnection, kept: list[TraceRecord], days: list[date]
) -> tuple[list[TraceRecord], list[tuple[TraceRecord, str]]]:
    """Drop records whose id already sits on another day from a later file/line (it wins)."""
    if not kept:
        return kept, []
    conn.register("_tt_ids", pl.DataFrame({"id": [r.id for r in kept]}))
    try:
        newer = conn.execute(
            """
            SELECT t.id, t.source_file, t.source_line FROM raw_traces t JOIN _tt_ids USING (id)
            WHERE t.day NOT IN (SELECT unnest(?::DATE[]))
            """,
            [days],
        ).fetchall()
    finally:
        conn.unregister("_tt_ids")
    if not newer:
        return kept, []
    other = {i: (f, n) for i, f, n in newer}
    still: list[TraceRecord] = []
    lost: list[tuple[TraceRecord, str]] = []
    for rec in kept:
        o = other.get(rec.id)
        if o is not None and o > (rec.source_file, rec.source_line):
            lost.append((rec, f"{o[0]}:{o[1]}"))
        else:
            still.append(rec)
    return still, lost


def _supersede_other_days(conn: duckdb.DuckDBPyConnection, days: list[date]) -> int:
    """Older copies of these days' traces that sit on other days move to quarantine there."""
    with warehouse.transaction(conn):
        conn.execute(
            """
            CREATE OR REPLACE TEMP TABLE _tt_older AS
            SELECT o.rowid AS rid, o.day, o.source_file, o.source_line, o.id,
                   n.source_file || ':' || n.source_line AS winner,
                   json_object('id', o.id, 'created', o.created, 'project_id', o.project_id,
                               'session_id', o.session_id, 'input', o.input, 'output', o.output,
                               'messages', o.messages, 'metadata', o.metadata,
                               'metrics', o.metrics_raw)::VARCHAR AS raw
            FROM raw_traces o JOIN raw_traces n USING (id)
            WHERE n.day IN (SELECT unnest($1::DATE[])) AND o.day NOT IN (SELECT unnest($1::DATE[]))
              AND (o.source_file, o.source_line) < (n.source_file, n.source_line)
            """,
            [days],
        )
        moved = conn.execute("SELECT count(*) FROM _tt_older").fetchall()[0][0]
        if moved:
            conn.execute(
                """
                INSERT INTO quarantine (day, file, line, reason, detail, raw)
                SELECT day, source_file, source_line, 'duplicate_superseded',
                       'superseded by ' || winner, raw FROM _tt_older
                """
            )
            conn.execute("DELETE FROM raw_traces WHERE rowid IN (SELECT rid FROM _tt_older)")
        conn.execute("DROP TABLE _tt_older")
    return moved
