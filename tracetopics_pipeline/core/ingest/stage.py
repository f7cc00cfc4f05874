"""The ingest stage: landing files → `raw_traces` and `quarantine`, one UTC day at a time.

* `landing_files` lists the files that are ready (complete, supported, in arrival order).
* `file_days` says which days a file touches, cached in a small JSON index so the sensor and
  the asset do not re-parse unchanged files.
* `ingest_days` rebuilds the given days: parse the files touching them, dedupe by trace id
  (last write wins, by file name then line), and replace those days in both tables.

Every input line ends in exactly one of `raw_traces` or `quarantine`. A rejection without a
usable date (invalid JSON, missing or out-of-range `created`, ...) is attributed to its file's
earliest valid day, or to the file's modification date (UTC) when it has none.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import duckdb
import orjson
import polars as pl

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.ingest.messages import dumps
from tracetopics_pipeline.core.ingest.traces import (
    DEFAULT_MAX_TRACE_BYTES,
    KNOWN_METRICS,
    SUPPORTED_SUFFIXES,
    ParseResult,
    Rejection,
    TraceRecord,
    parse_file,
)

IN_PROGRESS_SUFFIXES = (".part", ".tmp")
INDEX_VERSION = 1


# --------------------------------------------------------------------------- landing folder


def landing_files(landing: Path, *, settle_seconds: float = 0) -> list[Path]:
    """Files ready to ingest, in arrival (= name) order.

    Skips dotfiles, in-progress writes (`*.part`, `*.tmp`), unsupported extensions and, with
    `settle_seconds`, anything modified that recently (a writer may still be appending).
    """
    landing = Path(landing)
    if not landing.is_dir():
        return []
    cutoff = time.time() - settle_seconds
    ready: list[Path] = []
    for entry in os.scandir(landing):
        name = entry.name
        if name.startswith(".") or name.lower().endswith(IN_PROGRESS_SUFFIXES):
            continue
        if not name.lower().endswith(SUPPORTED_SUFFIXES) or not entry.is_file():
            continue
        if settle_seconds > 0 and entry.stat().st_mtime > cutoff:
            continue
        ready.append(Path(entry.path))
    return sorted(ready, key=lambda p: p.name)


def default_index_path(landing: Path) -> Path:
    return Path(landing).parent / "state" / "landing_index.json"


@dataclass
class _FileSummary:
    """What a file's parse says about days, independent of today's date and the start date."""

    size: int
    mtime_ns: int
    days: dict[str, int]  # ISO date → lines whose created parsed to that date (in range or not)
    undated: int  # lines with no parseable created

    @staticmethod
    def of(result: ParseResult, size: int, mtime_ns: int) -> _FileSummary:
        days: Counter[str] = Counter(r.day.isoformat() for r in result.records)
        days.update(rej.created_day.isoformat() for rej in result.rejections if rej.created_day)
        undated = sum(1 for rej in result.rejections if rej.created_day is None)
        return _FileSummary(size, mtime_ns, dict(days), undated)


def _in_range(day: date, start_date: date | None, today: date) -> bool:
    return day <= today + timedelta(days=1) and (start_date is None or day >= start_date)


def _mtime_day(mtime_ns: int) -> date:
    return datetime.fromtimestamp(mtime_ns / 1e9, UTC).date()


def _attribution(
    summary: _FileSummary, start_date: date | None, today: date
) -> tuple[set[date], date]:
    """(the file's in-range days, the day its undated or out-of-range lines go to)."""
    parsed = [date.fromisoformat(d) for d in summary.days]
    valid = {d for d in parsed if _in_range(d, start_date, today)}
    fallback = min(valid) if valid else _mtime_day(summary.mtime_ns)
    touched = set(valid)
    if summary.undated or len(valid) < len(parsed):
        touched.add(fallback)
    return touched, fallback


class _Index:
    """The landing index: file name → _FileSummary, keyed by size and mtime.

    Several processes (the sensor, runs) may use it at once. Writes go to a temporary file
    renamed into place, so a reader sees the old or the new index, never half of one; a lost
    update only costs a re-parse.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: dict[str, dict[str, Any]] = {}
        self.dirty = False
        with contextlib.suppress(OSError, ValueError):
            data = orjson.loads(path.read_bytes())
            if isinstance(data, dict) and data.get("version") == INDEX_VERSION:
                self.entries = dict(data.get("files") or {})

    def get(self, path: Path, st: os.stat_result) -> _FileSummary | None:
        e = self.entries.get(path.name)
        if not e or e.get("size") != st.st_size or e.get("mtime_ns") != st.st_mtime_ns:
            return None
        return _FileSummary(e["size"], e["mtime_ns"], e["days"], e["undated"])

    def put(self, path: Path, summary: _FileSummary) -> None:
        self.entries[path.name] = dict(summary.__dict__)  # a changed file starts un-ingested
        self.dirty = True

    def ingested(self, path: Path) -> set[date]:
        return {date.fromisoformat(d) for d in self.entries.get(path.name, {}).get("ingested", [])}

    def mark_ingested(self, path: Path, days: Iterable[date]) -> None:
        entry = self.entries.get(path.name)
        if entry is not None:
            entry["ingested"] = sorted(
                {d.isoformat() for d in days} | set(entry.get("ingested", []))
            )
            self.dirty = True

    def save(self, keep: Iterable[Path]) -> None:
        names = {p.name for p in keep}
        stale = set(self.entries) - names
        if not self.dirty and not stale:
            return
        for name in stale:  # files removed from landing
            del self.entries[name]
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".landing_index.", dir=self.path.parent)
            with os.fdopen(fd, "wb") as fh:
                fh.write(orjson.dumps({"version": INDEX_VERSION, "files": self.entries}))
            os.replace(tmp, self.path)
        except OSError:  # a read-only home still works, just without the cache
            with contextlib.suppress(OSError, UnboundLocalError):
                os.unlink(tmp)
        self.dirty = False


def files_days(
    paths: Sequence[Path],
    *,
    start_date: date | None = None,
    today: date | None = None,
    index_path: Path | None = None,
    max_trace_bytes: int = DEFAULT_MAX_TRACE_BYTES,
) -> dict[Path, set[date]]:
    """The UTC days each file touches (see `file_days`), reading the index once for all."""
    today = today or datetime.now(UTC).date()
    out: dict[Path, set[date]] = {}
    if not paths:
        return out
    index = _Index(index_path or default_index_path(Path(paths[0]).parent))
    for path in paths:
        summary = _summary(index, Path(path), start_date, today, max_trace_bytes)[0]
        if summary is not None:
            out[Path(path)] = _attribution(summary, start_date, today)[0]
    index.save(_siblings(paths))
    return out


def file_days(
    path: Path,
    *,
    start_date: date | None = None,
    today: date | None = None,
    index_path: Path | None = None,
) -> set[date]:
    """The UTC days a file's lines are attributed to: its records' and dated rejections' days,
    plus, when it has undated or out-of-range lines, its earliest valid day (or mtime date).

    Cached by (name, size, mtime_ns) in the landing index (default: <landing>/../state/).
    """
    return files_days([Path(path)], start_date=start_date, today=today, index_path=index_path).get(
        Path(path), set()
    )


def pending_days(
    landing: Path,
    *,
    start_date: date | None = None,
    settle_seconds: float = 0,
    index_path: Path | None = None,
) -> dict[Path, set[date]]:
    """Per ready landing file, the days it touches that no run has ingested from its current
    content yet. A changed file (new size or mtime) is pending again for all its days.

    This is what the landing sensor asks for: it needs no cursor of its own, so a home whose
    files were already ingested by `tracetopics run` starts with nothing pending.
    """
    files = landing_files(landing, settle_seconds=settle_seconds)
    touched = files_days(files, start_date=start_date, index_path=index_path)
    index = _Index(index_path or default_index_path(Path(landing)))
    pending = {f: days - index.ingested(f) for f, days in touched.items()}
    return {f: days for f, days in pending.items() if days}


def _siblings(paths: Sequence[Path]) -> list[Path]:
    """Keep index entries of every file still in the landing folder, not only those asked about."""
    folder = Path(paths[0]).parent
    try:
        return [Path(e.path) for e in os.scandir(folder)]
    except OSError:
        return list(paths)


def _summary(
    index: _Index, path: Path, start_date: date | None, today: date, max_trace_bytes: int
) -> tuple[_FileSummary | None, ParseResult | None]:
    try:
        st = path.stat()
    except OSError:
        return None, None
    cached = index.get(path, st)
    if cached is not None:
        return cached, None
    result = parse_file(path, max_trace_bytes=max_trace_bytes, start_date=start_date, today=today)
    summary = _FileSummary.of(result, st.st_size, st.st_mtime_ns)
    index.put(path, summary)
    return summary, result


# --------------------------------------------------------------------------- the stage


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
    quarantined_by_day: dict[date, int] = field(default_factory=dict)
    superseded_elsewhere: int = 0  # older copies on other days moved to quarantine
    seconds: float = 0.0

    @property
    def quarantined(self) -> int:
        return sum(self.quarantined_by_reason.values())

    @property
    def quarantine_rate_by_day(self) -> dict[date, float]:
        """Per day: quarantined lines / all lines attributed to the day."""
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
        total = self.traces_written + self.quarantined
        return self.quarantined / total if total else 0.0

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
    index = _Index(index_path)

    # Which files touch the days, and how many lines each day gets. A file parsed here (new to
    # the index) keeps its parse for the chunk loop while the held lines fit one chunk.
    wanted_set = set(wanted)
    touching: dict[Path, tuple[set[date], date]] = {}
    parsed: dict[Path, ParseResult] = {}
    held = 0
    lines: Counter[date] = Counter()
    for path in files:
        summary, result = _summary(index, path, start_date, today, max_trace_bytes)
        if summary is None:
            continue
        touched, fallback = _attribution(summary, start_date, today)
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
                    or not _in_range(day, start_date, today)
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
        index = _Index(index_path)
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

    written = warehouse.replace_days(conn, "raw_traces", _traces_frame(kept), wanted)
    warehouse.replace_days(conn, "quarantine", _quarantine_frame(rejections), wanted)
    # Accumulated: a long range is written one chunk of days at a time.
    stats.traces_written += written
    stats.superseded_elsewhere += _supersede_other_days(conn, wanted)
    stats.duplicates += len(superseded)
    stats.truncated += sum(r.truncated for r in kept)
    stats.lines_read += written + len(rejections)
    for field_, counts in (
        ("quarantined_by_reason", Counter(rej.reason for rej, _ in rejections)),
        ("traces_by_day", Counter(r.day for r in kept)),
        ("quarantined_by_day", Counter(day for _, day in rejections)),
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


# --------------------------------------------------------------------------- frames


def _traces_frame(records: list[TraceRecord]) -> pl.DataFrame:
    """raw_traces rows (JSON columns as JSON text; metrics typed, metrics_raw everything)."""
    metric_cols: dict[str, list[Any]] = {
        k: [r.metrics.get(k) for r in records] for k in KNOWN_METRICS
    }
    frame = pl.DataFrame(
        {
            "id": [r.id for r in records],
            "day": [r.day for r in records],
            "created": [r.created for r in records],
            "project_id": [r.project_id for r in records],
            "session_id": [r.session_id for r in records],
            "input": [dumps(r.input) if r.input is not None else None for r in records],
            "output": [dumps(r.output) if r.output is not None else None for r in records],
            "messages": [dumps(r.messages) for r in records],
            "metadata": [dumps(r.metadata) for r in records],
            "metrics_raw": [dumps(r.metrics) for r in records],
            "source_file": [r.source_file for r in records],
            "source_line": [r.source_line for r in records],
            "truncated": [r.truncated for r in records],
            "size_bytes": [r.size_bytes for r in records],
            **{f"_m_{k}": v for k, v in metric_cols.items()},
        },
        schema={
            "id": pl.String,
            "day": pl.Date,
            "created": pl.Datetime("us", "UTC"),
            "project_id": pl.String,
            "session_id": pl.String,
            "input": pl.String,
            "output": pl.String,
            "messages": pl.String,
            "metadata": pl.String,
            "metrics_raw": pl.String,
            "source_file": pl.String,
            "source_line": pl.Int64,
            "truncated": pl.Boolean,
            "size_bytes": pl.Int64,
            **{f"_m_{k}": pl.Int64 if t is int else pl.Float64 for k, t in KNOWN_METRICS.items()},
        },
    )
    metrics = pl.struct([pl.col(f"_m_{k}").alias(k) for k in KNOWN_METRICS]).alias("metrics")
    return frame.with_columns(metrics).drop([f"_m_{k}" for k in KNOWN_METRICS])


def _quarantine_frame(rejections: list[tuple[Rejection, date]]) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "day": [day for _, day in rejections],
            "file": [r.file for r, _ in rejections],
            "line": [r.line for r, _ in rejections],
            "reason": [r.reason for r, _ in rejections],
            "detail": [r.detail for r, _ in rejections],
            "raw": [r.raw for r, _ in rejections],
        },
        schema={
            "day": pl.Date,
            "file": pl.String,
            "line": pl.Int64,
            "reason": pl.String,
            "detail": pl.String,
            "raw": pl.String,
        },
    )
