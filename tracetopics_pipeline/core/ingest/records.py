"""One trace object → a canonical `TraceRecord`, or a rejection with a stable reason code.

Timestamps, ids, messages and metrics are checked and normalized here; an oversized trace is
kept, truncated to fit and flagged. The reason codes are the quarantine table's `reason` column.
"""

from __future__ import annotations

import codecs
import hashlib
import math
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import orjson

from tracetopics_pipeline.core.ingest.messages import (
    MAX_JSON_DEPTH,
    FieldTypeError,
    cap_items,
    cap_strings,
    dumps,
    has_content,
    largest_container,
    longest_string,
    normalize_messages,
    too_deep,
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
    "created_out_of_range": (
        "created is after tomorrow (UTC), or before the partitions' start date "
        "(TRACETOPICS_START_DATE; unset: before 2000-01-01, a zero or epoch-0 time)"
    ),
    "too_deep": f"lists and objects nest more than {MAX_JSON_DEPTH} levels",
    "number_out_of_range": "a known metric is NaN, infinite, or past a 64-bit integer",
    "id_too_long": "id, session_id or project_id is longer than 256 bytes",
    "id_control_char": "id, session_id or project_id holds a control character (newline, NUL, ...)",
    "duplicate_superseded": "a later copy of the same trace id replaced it (last write wins)",
    "unreadable_file": "the whole file cannot be read (e.g. corrupt Parquet); one row per file",
    "line_too_long": (
        "the line is longer than 64 x TRACETOPICS_MAX_TRACE_BYTES (64 MB by default, never "
        "less): not read whole, so not parsed; raw keeps its head, raw_bytes and raw_sha256 "
        "name it"
    ),
}
# Reasons that are not bad input: a superseded copy's trace landed (as its later copy), so a
# file sent again is kept on record in the quarantine table but counts towards no quarantine
# rate and holds no day back.
NOT_BAD_REASONS = frozenset({"duplicate_superseded"})

SUPPORTED_SUFFIXES = (".jsonl", ".ndjson", ".json", ".parquet")
# Without TRACETOPICS_START_DATE, a trace from before this day is a placeholder time (Go's zero
# time 0001-01-01, an epoch 0), not history: accepted, it would pull the first daily partition
# back by centuries.
EARLIEST_DAY = date(2000, 1, 1)
DEFAULT_PROJECT = "default"
DEFAULT_MAX_TRACE_BYTES = 1_000_000
# A line, a .json array's item, or a .json document that is no array is read whole, to be
# parsed, up to this many times the limit per trace (`read_whole_limit`): a longer trace could
# still be cut to fit, but holding it costs several times its size, so it is quarantined unread
# (a longer .json document is read as JSON Lines when its first line is one; files.py).
READ_WHOLE = 64
# quarantine.raw keeps at most this many bytes of a line; a longer one keeps its head, with its
# length and SHA-256 (raw_bytes, raw_sha256), so the row still names it in the landing file: a
# 200 MB bad line stored whole weighed on the warehouse, its read copy and every reader.
RAW_KEEP = 64 * 1024
MAX_ID_BYTES = 256  # trace, session and project ids; longer ones are quarantined
_INT64 = (-(2**63), 2**63 - 1)
_GROWTH = 32  # a line's stored form is at most about this many times its size

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
    """One quarantined line. `raw` may be given as the line's bytes or as text; it is kept as
    text of at most RAW_KEEP bytes of the line (bytes that are not UTF-8 shown as `\\xe9`). A
    cut one has `raw_bytes` and `raw_sha256`: the whole line's length and digest. A superseded
    copy's raw is its stored form, within TRACETOPICS_MAX_TRACE_BYTES: kept whole, re-ingestable
    as is (as the copies moved in SQL, stage.py)."""

    file: str
    line: int
    reason: str  # a key of REJECTION_REASONS
    detail: str
    raw: str | bytes
    created_day: date | None = None  # the line's created date when it had a parseable one
    raw_bytes: int | None = None  # the whole line's length, when `raw` holds only its head
    raw_sha256: str | None = None  # and its SHA-256 (hex)

    def __post_init__(self) -> None:
        if self.raw_sha256 is not None:  # cut already (a line read in blocks, never whole)
            head = self.raw.encode() if isinstance(self.raw, str) else self.raw
            self.raw = _shown_head(head, cut=True)
            return
        data = self.raw
        if isinstance(data, str):
            if len(data) * 4 <= RAW_KEEP or self.reason in NOT_BAD_REASONS:
                return  # short for sure (no need to encode it), or a superseded copy
            data = data.encode("utf-8", "surrogatepass")
        if len(data) <= RAW_KEEP:
            self.raw = self.raw if isinstance(self.raw, str) else _shown_head(data, cut=False)
            return
        self.raw_bytes, self.raw_sha256 = len(data), hashlib.sha256(data).hexdigest()
        self.raw = _shown_head(data, cut=True)

    @property
    def raw_truncated(self) -> bool:
        return self.raw_sha256 is not None


def _shown_head(data: bytes, *, cut: bool) -> str:
    """A line as text (bytes that are not UTF-8 written `\\xe9`); `cut`: its first RAW_KEEP
    bytes, without a character the cut splits (a decoder not told the end holds it back)."""
    if not cut:
        return data.decode("utf-8", "backslashreplace")
    decoder = codecs.getincrementaldecoder("utf-8")("backslashreplace")
    return decoder.decode(data[:RAW_KEEP], final=False)


@dataclass
class ParseResult:
    file: str
    records: list[TraceRecord] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    lines: int = 0  # non-blank input units (lines, Parquet rows, or 1 for a whole-file JSON)


class RecordRejected(Exception):
    """Raised inside record_from_object: the object becomes a quarantine row with `reason`."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(reason)
        self.reason = reason
        self.detail = detail


# --------------------------------------------------------------------------- timestamps


def parse_timestamp(value: Any) -> datetime:
    """A UTC-aware datetime from ISO 8601 text, epoch numbers (s/ms/µs/ns) or a datetime.

    Raises RecordRejected(missing_created | bad_timestamp | wrong_type).
    """
    if value is None or value == "":
        raise RecordRejected("missing_created", "created")
    if isinstance(value, datetime):
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day, tzinfo=UTC)
    if isinstance(value, bool):
        raise RecordRejected("wrong_type", "created")
    if isinstance(value, str):
        text = value.strip()
        try:
            dt = datetime.fromisoformat(text)
        except ValueError:
            try:
                return _from_epoch(float(text))
            except (ValueError, OverflowError, OSError):
                raise RecordRejected("bad_timestamp", f"created={value[:80]!r}") from None
        return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)
    if isinstance(value, int | float):
        try:
            return _from_epoch(float(value))
        except (ValueError, OverflowError, OSError):
            raise RecordRejected("bad_timestamp", f"created={value!r}") from None
    raise RecordRejected("wrong_type", "created")


def _from_epoch(x: float) -> datetime:
    if not math.isfinite(x):
        raise ValueError(x)
    # Guess the unit by magnitude: seconds until year ~5138, then ms, µs, ns.
    for scale in (1, 1e3, 1e6, 1e9):
        if abs(x) < 1e11 * scale:
            return datetime.fromtimestamp(x / scale, UTC)
    raise ValueError(x)


# --------------------------------------------------------------------------- one object


def read_whole_limit(max_trace_bytes: int) -> int:
    """The longest line read whole to be parsed (64 MB by default); a longer one is quarantined
    as `line_too_long`. Never under the default limit's: a lowered TRACETOPICS_MAX_TRACE_BYTES
    stores less of a trace, it does not refuse more lines."""
    return READ_WHOLE * max(max_trace_bytes, DEFAULT_MAX_TRACE_BYTES)


def _metrics(value: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise RecordRejected("wrong_type", "metrics")
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
                raise RecordRejected("wrong_type", f"metrics.{key}") from None
        if isinstance(num, bool) or not isinstance(num, int | float):
            raise RecordRejected("wrong_type", f"metrics.{key}")
        if not math.isfinite(num) or (kind is int and not _INT64[0] <= num <= _INT64[1]):
            raise RecordRejected("number_out_of_range", f"metrics.{key}={str(raw)[:40]}")
        out[key] = int(num) if kind is int else float(num)
    if "total_tokens" not in out and "prompt_tokens" in out and "completion_tokens" in out:
        out["total_tokens"] = out["prompt_tokens"] + out["completion_tokens"]
    return out


def _optional_str(obj: dict[str, Any], key: str, *, allow_int: bool) -> str | None:
    value = obj.get(key)
    if value is None:
        return None
    if isinstance(value, str):
        return _bounded_id(value, key)
    if allow_int and isinstance(value, int) and not isinstance(value, bool):
        return _bounded_id(str(value), key)
    raise RecordRejected("wrong_type", key)


_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def _bounded_id(value: str, key: str) -> str:
    size = len(value.encode("utf-8", "surrogatepass"))
    if size > MAX_ID_BYTES:
        raise RecordRejected("id_too_long", f"{key} is {size:,} bytes (at most {MAX_ID_BYTES})")
    # An id is a key in URLs, files and lists (a saved subset keeps ids one per line): a
    # newline or a NUL in one would silently split or cut it there.
    if m := _CONTROL.search(value):
        raise RecordRejected("id_control_char", f"{key} holds {m.group()!r}")
    return value


def maybe_json(value: Any, *, text_ok: bool) -> Any:
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
    nesting_bound: int | None = None,
) -> TraceRecord:
    """Validate one trace object (JSONL contract) into a TraceRecord, or raise RecordRejected.

    `nesting_bound` is an upper bound on the object's nesting when the caller knows one cheaply
    (the count of `[` and `{` in its text): within MAX_JSON_DEPTH, the depth walk is skipped.
    """
    # created first: a rejection that knows its day is attributed to that day's partition.
    created_error: RecordRejected | None = None
    created: datetime | None = None
    try:
        created = parse_timestamp(obj.get("created"))
    except RecordRejected as exc:
        created_error = exc

    raw_id = obj.get("id")
    if raw_id is None or (isinstance(raw_id, str) and not raw_id.strip()):
        raise RecordRejected("missing_id", "id")
    if isinstance(raw_id, bool) or not isinstance(raw_id, str | int):
        raise RecordRejected("wrong_type", "id")
    trace_id = _bounded_id(str(raw_id), "id")
    if created_error is not None:
        raise created_error
    assert created is not None
    # Before anything recursive walks it: normalizing, truncating and serializing are safe
    # only within MAX_JSON_DEPTH.
    if (nesting_bound is None or nesting_bound > MAX_JSON_DEPTH) and too_deep(obj):
        deep = [k for k, v in obj.items() if too_deep(v, MAX_JSON_DEPTH - 1)]
        raise RecordRejected("too_deep", f"{', '.join(deep)} nests past {MAX_JSON_DEPTH} levels")

    project_id = _optional_str(obj, "project_id", allow_int=False) or DEFAULT_PROJECT
    session_id = _optional_str(obj, "session_id", allow_int=True)
    metadata = obj.get("metadata")
    if metadata is None:
        metadata = {}
    elif not isinstance(metadata, dict):
        raise RecordRejected("wrong_type", "metadata")
    metrics = _metrics(obj.get("metrics"))
    try:
        inp = normalize_messages(obj.get("input"), "input", "user")
        out = normalize_messages(obj.get("output"), "output", "assistant")
        full = normalize_messages(obj.get("messages"), "messages", "user")
    except FieldTypeError as exc:
        raise RecordRejected("wrong_type", exc.field) from None
    messages = full if full else [*(inp or []), *(out or [])]
    if not has_content(messages):
        raise RecordRejected("empty_conversation", "no message with content")

    day = created.date()
    if day > today + timedelta(days=1):
        raise RecordRejected(
            "created_out_of_range", f"created {day} is after tomorrow ({today + timedelta(days=1)})"
        )
    if day < (start_date or EARLIEST_DAY):
        raise RecordRejected(
            "created_out_of_range",
            f"created {day} is before start date {start_date}"
            if start_date
            else f"created {day} is before {EARLIEST_DAY} (set TRACETOPICS_START_DATE for older data)",
        )

    rec = TraceRecord(
        id=trace_id,
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
    # Stored size is what counts, and it can outgrow the line: input and output are kept inside
    # messages too, and a bare string becomes a message object (`"a"` → 30 bytes). Measure
    # unless the line is small enough that even that growth stays within the limit.
    stored = None
    if size_bytes is None or _GROWTH * size_bytes + 1024 > max_trace_bytes:
        stored = len(rec.to_json().encode())
    rec.size_bytes = size_bytes if size_bytes is not None else stored or 0
    if stored is not None and stored > max_trace_bytes:
        truncate(rec, max_trace_bytes)
    return rec


_MIN_STRING = 64  # characters a cut string keeps at least (head and tail)
_MIN_ITEMS = 2  # items a cut list or dict keeps at least


def truncate(rec: TraceRecord, max_trace_bytes: int) -> None:
    """Cut the trace until its stored form (`to_json`) is within `max_trace_bytes`.

    First long strings (message text, tool arguments, metadata and metric values, keys) are cut
    to head and tail, binary-searching the longest length that fits. When even the shortest
    strings do not fit (a trace of 200,000 messages), lists and dicts are also cut to their
    head and tail around a marker, binary-searching the most items that fit. `size_bytes`
    keeps the original size. With `max_trace_bytes` >= settings.MIN_TRACE_BYTES the result
    always fits.
    """
    parts = (rec.input, rec.output, rec.messages, rec.metadata, rec.metrics)

    def attempt(str_cap: int, item_cap: int | None) -> tuple[bool, tuple[Any, ...]]:
        capped = tuple(
            cap_strings(cap_items(p, item_cap) if item_cap is not None else p, str_cap)
            for p in parts
        )
        return _stored_size(rec, capped) <= max_trace_bytes, capped

    def search(lo: int, hi: int, trial: Any) -> tuple[Any, ...] | None:
        """The result for the largest value in [lo, hi] that fits, or None when lo does not."""
        ok, best = trial(lo)
        if not ok:
            return None
        lo += 1
        while lo <= hi:
            mid = (lo + hi) // 2
            ok, capped = trial(mid)
            if ok:
                best, lo = capped, mid + 1
            else:
                hi = mid - 1
        return best

    best = search(
        _MIN_STRING, max(longest_string(list(parts)), _MIN_STRING), lambda c: attempt(c, None)
    ) or search(
        _MIN_ITEMS,
        max(largest_container(list(parts)), _MIN_ITEMS),
        lambda n: attempt(_MIN_STRING, n),
    )
    if best is None:  # only below settings.MIN_TRACE_BYTES
        best = (None, None, attempt(_MIN_STRING, _MIN_ITEMS)[1][2], {}, {})
    rec.input, rec.output, rec.messages, rec.metadata, rec.metrics = best
    rec.truncated = True


def _stored_size(rec: TraceRecord, parts: tuple[Any, ...]) -> int:
    trial = TraceRecord(
        **{
            **_fields(rec),
            "input": parts[0],
            "output": parts[1],
            "messages": parts[2],
            "metadata": parts[3],
            "metrics": parts[4],
        }
    )
    return len(trial.to_json().encode())


def _fields(rec: TraceRecord) -> dict[str, Any]:
    return {name: getattr(rec, name) for name in TraceRecord.__slots__}  # type: ignore[attr-defined]
