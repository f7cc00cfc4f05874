"""Parse one landing file into canonical trace records, or rejections saying why not.

Accepted formats (DESIGN.md §4):
* JSON Lines (.jsonl/.ndjson/.json): one trace object per line. A line (or a whole .json
  file) that is an OTLP ExportTraceServiceRequest (`{"resourceSpans": [...]}`) carries
  OpenTelemetry GenAI spans instead; spans are grouped by traceId across the whole file.
  A .json file may also hold one trace object or a JSON array of them.
* Parquet with the JSONL columns, nested or as JSON strings.

Nothing is dropped silently: every non-blank input line becomes a record or a `Rejection`
(the OTLP exception: one trace is built from many spans, possibly on many lines, and is
counted once, at the first line it appears on). Oversized traces are kept, truncated and
flagged. Blank lines are not records and are not counted.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson

from tracetopics_pipeline.core.ingest import otlp
from tracetopics_pipeline.core.ingest.messages import (
    FieldTypeError,
    cap_strings,
    dumps,
    has_content,
    longest_string,
    normalize_messages,
)

# Stable reason codes for quarantined input; the quarantine table's `reason` column.
REJECTION_REASONS: dict[str, str] = {
    "invalid_json": "the line is not valid JSON",
    "not_an_object": "the line is valid JSON but not an object",
    "invalid_utf8": "the line's bytes are not UTF-8 (raw kept with backslash escapes)",
    "missing_id": "no trace id",
    "missing_created": "no created timestamp",
    "bad_timestamp": "created cannot be parsed as a timestamp",
    "wrong_type": "a field has a type the contract does not allow (detail names the field)",
    "empty_conversation": "no message has any text content",
    "created_out_of_range": "created is after tomorrow (UTC) or before the partitions' start date",
    "duplicate_superseded": "a later copy of the same trace id replaced it (last write wins)",
    "unreadable_file": "the whole file cannot be read (e.g. corrupt Parquet); one row per file",
}

SUPPORTED_SUFFIXES = (".jsonl", ".ndjson", ".json", ".parquet")
DEFAULT_PROJECT = "default"
DEFAULT_MAX_TRACE_BYTES = 1_000_000

# The typed metrics struct in raw_traces; everything else stays in metrics_raw.
KNOWN_METRICS: dict[str, type] = {
    "prompt_tokens": int,
    "completion_tokens": int,
    "total_tokens": int,
    "latency_s": float,
    "cost_usd": float,
}
_METRIC_ALIASES = {"input_tokens": "prompt_tokens", "output_tokens": "completion_tokens"}


@dataclass(slots=True)
class TraceRecord:
    id: str
    project_id: str
    created: datetime  # UTC, tz-aware
    session_id: str | None
    input: list[dict[str, Any]] | None
    output: list[dict[str, Any]] | None
    messages: list[dict[str, Any]]
    metadata: dict[str, Any]
    metrics: dict[str, Any]
    source_file: str
    source_line: int
    truncated: bool = False
    size_bytes: int = 0

    @property
    def day(self) -> date:
        return self.created.date()

    def to_json(self) -> str:
        """The record in the JSONL input contract: re-ingestable as is."""
        return dumps(
            {
                "id": self.id,
                "created": self.created.isoformat().replace("+00:00", "Z"),
                "project_id": self.project_id,
                "session_id": self.session_id,
                "input": self.input,
                "output": self.output,
                "messages": self.messages,
                "metadata": self.metadata,
                "metrics": self.metrics,
            }
        )


@dataclass(slots=True)
class Rejection:
    file: str
    line: int
    reason: str  # a key of REJECTION_REASONS
    detail: str
    raw: str
    created_day: date | None = None  # the line's created date when it had a parseable one


@dataclass
class ParseResult:
    file: str
    records: list[TraceRecord] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    lines: int = 0  # non-blank input units (lines, Parquet rows, or 1 for a whole-file JSON)


class _Reject(Exception):
    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


# --------------------------------------------------------------------------- timestamps


def parse_timestamp(value: Any) -> datetime:
    """A UTC-aware datetime from ISO 8601 text, epoch numbers (s/ms/µs/ns) or a datetime.

    Raises _Reject(missing_created | bad_timestamp | wrong_type).
    """
    if value is None or value == "":
        raise _Reject("missing_created", "created")
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if isinstance(value, bool):
        raise _Reject("wrong_type", "created")
    if isinstance(value, str):
        text = value.strip()
        try:
            dt = datetime.fromisoformat(text)
        except ValueError:
            try:
                return _from_epoch(float(text))
            except (ValueError, OverflowError, OSError):
                raise _Reject("bad_timestamp", f"created={value[:80]!r}") from None
        return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)
    if isinstance(value, int | float):
        try:
            return _from_epoch(float(value))
        except (ValueError, OverflowError, OSError):
            raise _Reject("bad_timestamp", f"created={value!r}") from None
    raise _Reject("wrong_type", "created")


def _from_epoch(x: float) -> datetime:
    if not math.isfinite(x):
        raise ValueError(x)
    # Guess the unit by magnitude: seconds until year ~5138, then ms, µs, ns.
    for scale in (1, 1e3, 1e6, 1e9):
        if abs(x) < 1e11 * scale:
            return datetime.fromtimestamp(x / scale, UTC)
    raise ValueError(x)


# --------------------------------------------------------------------------- one object


def _metrics(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise _Reject("wrong_type", "metrics")
    out: dict[str, Any] = {}
    for key, raw in value.items():
        alias = _METRIC_ALIASES.get(key)
        if alias is not None and alias not in value:  # input_tokens → prompt_tokens, etc.
            out[key] = raw
            key = alias
        kind = KNOWN_METRICS.get(key)
        if kind is None or raw is None:
            if raw is not None:
                out[key] = raw
            continue
        num = raw
        if isinstance(raw, str):  # "812" happens in hand-made exports; accept numeric text
            try:
                num = float(raw)
            except ValueError:
                raise _Reject("wrong_type", f"metrics.{key}") from None
        if isinstance(num, bool) or not isinstance(num, int | float) or not math.isfinite(num):
            raise _Reject("wrong_type", f"metrics.{key}")
        out[key] = int(num) if kind is int else float(num)
    if "total_tokens" not in out and "prompt_tokens" in out and "completion_tokens" in out:
        out["total_tokens"] = out["prompt_tokens"] + out["completion_tokens"]
    return out


def _optional_str(obj: dict[str, Any], key: str, *, allow_int: bool) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return value
    if allow_int and isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise _Reject("wrong_type", key)


def _maybe_json(value: Any, *, text_ok: bool) -> Any:
    """Parquet columns may hold JSON text for nested values; decode it when it looks like JSON."""
    if isinstance(value, str) and value[:1] in ("[", "{"):
        try:
            return orjson.loads(value)
        except orjson.JSONDecodeError:
            if text_ok:
                return value
            raise
    return value


def record_from_object(
    obj: dict[str, Any],
    *,
    file: str,
    line: int,
    size_bytes: int | None,
    max_trace_bytes: int,
    start_date: date | None,
    today: date,
) -> TraceRecord:
    """Validate one trace object (JSONL contract) into a TraceRecord, or raise _Reject."""
    # created first: a rejection that knows its day is attributed to that day's partition.
    created_error: _Reject | None = None
    created: datetime | None = None
    try:
        created = parse_timestamp(obj.get("created"))
    except _Reject as exc:
        created_error = exc

    raw_id = obj.get("id")
    if raw_id is None or (isinstance(raw_id, str) and not raw_id.strip()):
        raise _Reject("missing_id", "id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, str | int):
        raise _Reject("wrong_type", "id")
    if created_error is not None:
        raise created_error
    assert created is not None

    project_id = _optional_str(obj, "project_id", allow_int=False) or DEFAULT_PROJECT
    session_id = _optional_str(obj, "session_id", allow_int=True)
    metadata = obj.get("metadata")
    if metadata is None:
        metadata = {}
    elif not isinstance(metadata, dict):
        raise _Reject("wrong_type", "metadata")
    metrics = _metrics(obj.get("metrics"))
    try:
        inp = normalize_messages(obj.get("input"), "input", "user")
        out = normalize_messages(obj.get("output"), "output", "assistant")
        full = normalize_messages(obj.get("messages"), "messages", "user")
    except FieldTypeError as exc:
        raise _Reject("wrong_type", exc.field) from None
    messages = full if full else [*(inp or []), *(out or [])]
    if not has_content(messages):
        raise _Reject("empty_conversation", "no message with content")

    day = created.date()
    if day > today + timedelta(days=1):
        raise _Reject("created_out_of_range", f"created {day} is after tomorrow ({today})")
    if start_date is not None and day < start_date:
        raise _Reject("created_out_of_range", f"created {day} is before start date {start_date}")

    rec = TraceRecord(
        id=str(raw_id),
        project_id=project_id,
        created=created,
        session_id=session_id,
        input=inp,
        output=out,
        messages=messages,
        metadata=metadata,
        metrics=metrics,
        source_file=file,
        source_line=line,
    )
    rec.size_bytes = size_bytes if size_bytes is not None else len(rec.to_json().encode())
    if rec.size_bytes > max_trace_bytes:
        truncate(rec, max_trace_bytes)
    return rec


def truncate(rec: TraceRecord, max_trace_bytes: int) -> None:
    """Cut long strings (message text, tool arguments, metadata values) keeping head and tail.

    Binary-searches the longest string length that fits; `size_bytes` keeps the original size.
    """
    parts = (rec.input, rec.output, rec.messages, rec.metadata)

    def fits(cap: int) -> tuple[bool, tuple[Any, ...]]:
        capped = tuple(cap_strings(p, cap) for p in parts)
        trial = TraceRecord(
            **{
                **_fields(rec),
                "input": capped[0],
                "output": capped[1],
                "messages": capped[2],
                "metadata": capped[3],
            }
        )
        return len(trial.to_json().encode()) <= max_trace_bytes, capped

    lo, hi = 64, max(longest_string(list(parts)), 64)
    best = fits(lo)[1]
    while lo <= hi:
        mid = (lo + hi) // 2
        ok, capped = fits(mid)
        if ok:
            best, lo = capped, mid + 1
        else:
            hi = mid - 1
    rec.input, rec.output, rec.messages, rec.metadata = best
    rec.truncated = True


def _fields(rec: TraceRecord) -> dict[str, Any]:
    return {name: getattr(rec, name) for name in TraceRecord.__slots__}  # type: ignore[attr-defined]


# --------------------------------------------------------------------------- files


@dataclass
class _Ctx:
    file: str
    max_trace_bytes: int
    start_date: date | None
    today: date
    result: ParseResult
    spans: otlp.SpanCollector = field(default_factory=otlp.SpanCollector)

    def reject(
        self, line: int, reason: str, detail: str, raw: str, day: date | None = None
    ) -> None:
        self.result.rejections.append(Rejection(self.file, line, reason, detail, raw, day))

    def add_object(self, obj: Any, line: int, raw: str, size: int | None) -> None:
        if not isinstance(obj, dict):
            self.reject(line, "not_an_object", type(obj).__name__, raw)
            return
        if "resourceSpans" in obj:
            try:
                self.spans.add(obj, line)
            except otlp.OtlpShapeError as exc:
                self.reject(line, "wrong_type", str(exc), raw)
            return
        self.add_trace(obj, line, raw, size)

    def add_trace(self, obj: dict[str, Any], line: int, raw: str | None, size: int | None) -> None:
        try:
            rec = record_from_object(
                obj,
                file=self.file,
                line=line,
                size_bytes=size,
                max_trace_bytes=self.max_trace_bytes,
                start_date=self.start_date,
                today=self.today,
            )
        except _Reject as exc:
            self.reject(
                line,
                exc.reason,
                exc.detail,
                raw if raw is not None else dumps(obj),
                _created_day(obj),
            )
            return
        self.result.records.append(rec)


def _created_day(obj: dict[str, Any]) -> date | None:
    try:
        return parse_timestamp(obj.get("created")).date()
    except _Reject:
        return None


def parse_file(
    path: Path,
    *,
    max_trace_bytes: int = DEFAULT_MAX_TRACE_BYTES,
    start_date: date | None = None,
    today: date | None = None,
) -> ParseResult:
    """Parse one landing file. Never raises for bad content: it becomes rejections."""
    path = Path(path)
    result = ParseResult(file=path.name)
    ctx = _Ctx(path.name, max_trace_bytes, start_date, today or datetime.now(UTC).date(), result)
    if path.suffix.lower() == ".parquet":
        _parse_parquet(path, ctx)
    else:
        try:
            data = path.read_bytes()
        except OSError as exc:
            ctx.reject(0, "unreadable_file", str(exc), "")
            return result
        if not (path.suffix.lower() == ".json" and _parse_whole_json(data, ctx)):
            _parse_lines(data, ctx)
    for trace in ctx.spans.traces():
        ctx.add_trace(trace.obj, trace.line, trace.raw(), None)
    return result


def _iter_lines(data: bytes) -> Iterator[tuple[int, bytes]]:
    if data.startswith(b"\xef\xbb\xbf"):  # a UTF-8 BOM is not part of the first record
        data = data[3:]
    for number, chunk in enumerate(data.split(b"\n"), start=1):
        if chunk.strip():
            yield number, chunk.rstrip(b"\r")


def _parse_lines(data: bytes, ctx: _Ctx) -> None:
    loads = orjson.loads
    for number, chunk in _iter_lines(data):
        ctx.result.lines += 1
        try:
            text = chunk.decode("utf-8")
        except UnicodeDecodeError as exc:
            ctx.reject(number, "invalid_utf8", str(exc), chunk.decode("utf-8", "backslashreplace"))
            continue
        try:
            obj = loads(chunk)
        except orjson.JSONDecodeError as exc:
            ctx.reject(number, "invalid_json", str(exc), text)
            continue
        ctx.add_object(obj, number, text, len(chunk))


def _parse_whole_json(data: bytes, ctx: _Ctx) -> bool:
    """A .json file holding one document (an OTLP export, one trace, or an array of traces)."""
    try:
        doc = orjson.loads(data.removeprefix(b"\xef\xbb\xbf"))
    except orjson.JSONDecodeError:
        return False  # JSON Lines in a .json file, or broken: the line parser decides
    if isinstance(doc, list):
        for i, item in enumerate(doc, start=1):
            ctx.result.lines += 1
            ctx.add_object(item, i, dumps(item), None)
    else:
        ctx.result.lines += 1
        ctx.add_object(doc, 1, data.decode("utf-8", "backslashreplace"), len(data))
    return True


_JSON_COLUMNS = ("input", "output", "messages", "metadata", "metrics")


def _parse_parquet(path: Path, ctx: _Ctx) -> None:
    row = 0
    for obj in _parquet_rows(path, ctx):
        row += 1
        ctx.result.lines += 1
        raw = dumps(obj)
        bad = None
        for col in _JSON_COLUMNS:
            try:
                obj[col] = _maybe_json(obj.get(col), text_ok=col in ("input", "output"))
            except orjson.JSONDecodeError:
                bad = col
                break
        if bad is not None:
            ctx.reject(row, "wrong_type", f"{bad} (not valid JSON text)", raw, _created_day(obj))
            continue
        for col in ("metadata", "metrics"):  # struct columns fill absent keys with null
            if isinstance(obj.get(col), dict):
                obj[col] = {k: v for k, v in obj[col].items() if v is not None}
        ctx.add_trace(obj, row, raw, len(raw.encode()))


def _parquet_rows(path: Path, ctx: _Ctx) -> Iterator[dict[str, Any]]:
    """Rows as dicts, batch by batch; a corrupt file ends in one unreadable_file rejection."""
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
        for batch in pf.iter_batches(batch_size=8192):
            yield from batch.to_pylist()
    except Exception as exc:  # pyarrow raises several types for corrupt or truncated files
        ctx.result.lines += 1
        ctx.reject(ctx.result.lines, "unreadable_file", f"{type(exc).__name__}: {exc}"[:500], "")
