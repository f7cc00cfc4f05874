"""Parse one landing file into canonical trace records, or rejections saying why not.

Accepted formats (README "Trace format"):
* JSON Lines (.jsonl/.ndjson/.json): one trace object per line. A line (or a whole .json
  file) that is an OTLP ExportTraceServiceRequest (`{"resourceSpans": [...]}`) carries
  OpenTelemetry GenAI spans instead; spans are grouped by traceId across the whole file.
  A .json file may also hold one trace object or a JSON array of them.
* Parquet with the JSONL columns, nested or as JSON strings.

Nothing is dropped silently: every non-blank input line becomes a record or a `Rejection`
(the OTLP exception: one trace is built from many spans, possibly on many lines, and is
counted once, at the first line it appears on). Oversized traces are kept, truncated and
flagged. Blank lines are not records and are not counted. A bad line never stops the file: a
JSON array that does not parse as a whole is split into its items, each parsed on its own.
"""

from __future__ import annotations

import codecs
import hashlib
import itertools
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, NamedTuple

import orjson

from tracetopics_pipeline.core.ingest import otlp
from tracetopics_pipeline.core.ingest.messages import (
    MAX_JSON_DEPTH,
    dumps,
    loads_json,
    safe_dumps,
    too_deep,
)
from tracetopics_pipeline.core.ingest.records import (
    DEFAULT_MAX_TRACE_BYTES,
    RAW_KEEP,
    READ_WHOLE,
    ParseResult,
    RecordRejected,
    Rejection,
    TraceRecord,
    maybe_json,
    parse_timestamp,
    read_whole_limit,
    record_from_object,
)


@dataclass
class _Ctx:
    file: str
    max_trace_bytes: int
    start_date: date | None
    today: date
    result: ParseResult
    spans: otlp.SpanCollector = field(default_factory=otlp.SpanCollector)
    # OTLP traces with bytes that are not UTF-8 in one of their spans: traceId -> (line, detail,
    # spans); quarantined whole, each on its own day, the rest of the export lands (rv7 U4)
    bad_spans: dict[str, tuple[int, str, list[dict[str, Any]]]] = field(default_factory=dict)

    def reject(
        self, line: int, reason: str, detail: str, raw: str | bytes, day: date | None = None
    ) -> None:
        self.result.rejections.append(Rejection(self.file, line, reason, detail, raw, day))

    def add_object(self, obj: Any, line: int, raw: str | bytes, size: int | None) -> None:
        if not isinstance(obj, dict):
            self.reject(line, "not_an_object", type(obj).__name__, raw)
            return
        if "resourceSpans" in obj:
            if too_deep(obj, MAX_JSON_DEPTH):
                self.reject(line, "too_deep", f"nests past {MAX_JSON_DEPTH} levels", raw)
                return
            try:
                self.spans.add(obj, line)
            except otlp.OtlpShapeError as exc:
                self.reject(line, "wrong_type", str(exc), raw)
            return
        self.add_trace(obj, line, raw, size, nesting_bound=_brackets(raw))

    def add_trace(
        self,
        obj: dict[str, Any],
        line: int,
        raw: str | bytes | None,
        size: int | None,
        nesting_bound: int | None = None,
    ) -> None:
        try:
            rec = record_from_object(
                obj,
                file=self.file,
                line=line,
                size_bytes=size,
                max_trace_bytes=self.max_trace_bytes,
                start_date=self.start_date,
                today=self.today,
                nesting_bound=nesting_bound,
            )
        except RecordRejected as exc:
            self.reject(
                line,
                exc.reason,
                exc.detail,
                raw if raw is not None else safe_dumps(obj),
                _created_day(obj),
            )
            return
        self.result.records.append(rec)


def _brackets(raw: str | bytes) -> int:
    """How many `{` and `[` a trace's text holds: a bound on its nesting."""
    if isinstance(raw, str):
        return raw.count("{") + raw.count("[")
    return raw.count(b"{") + raw.count(b"[")


_STATED_CREATED = re.compile(rb'"created"\s*:\s*"(\d{4})-(\d{2})-(\d{2})')


def _stated_day(raw: str | bytes) -> date | None:
    """The day a line that did not parse still states (`"created": "2026-11-20T..."`) at the
    top level of its object, so a broken line is charged to its own day rather than to its
    file's. A "created" nested deeper (metadata, a quoted message) is not the trace's: none
    at the top level, no day. Brackets inside strings can miscount the level: then no day.
    A line's bytes are read as they are (no decoded copy of a long line)."""
    data = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    for m in _STATED_CREATED.finditer(data):
        at = m.start()
        count = data.count
        if count(b"{", 0, at) - count(b"}", 0, at) + count(b"[", 0, at) - count(b"]", 0, at) != 1:
            continue
        try:
            return date(*map(int, m.groups()))
        except ValueError:
            return None
    return None


def _created_day(obj: dict[str, Any]) -> date | None:
    try:
        return parse_timestamp(obj.get("created")).date()
    except RecordRejected:
        return None


def parse_file(
    path: Path,
    *,
    max_trace_bytes: int = DEFAULT_MAX_TRACE_BYTES,
    start_date: date | None = None,
    today: date | None = None,
    days_only: bool = False,
    max_line_bytes: int | None = None,
) -> ParseResult:
    """Parse one landing file. Never raises for bad content: it becomes rejections.

    A JSON Lines file is read line by line in blocks, never whole, and a line longer than
    `max_line_bytes` (default `read_whole_limit`: 64 MB) is not held either: it is quarantined
    as `line_too_long` with its head, length and SHA-256 (a 200 MB line cost the run 2 GB). A
    .json file holding an array is read item by item in blocks, the same way (`_array_stream`);
    another .json document is read whole up to that limit, and past it read as JSON Lines when
    its first line is a document, else quarantined unread (`_parse_json_file`).

    `days_only`: keep no record and no rejection, only count their days (`DayCount`): what
    `ingest` and the landing index ask for (review rv12 L5); the lines are the run's."""
    path = Path(path)
    result = ParseResult(file=path.name)
    if days_only:
        result.records, result.rejections = DayCount.pair()
    ctx = _Ctx(path.name, max_trace_bytes, start_date, today or datetime.now(UTC).date(), result)
    if path.suffix.lower() == ".parquet":
        _parse_parquet(path, ctx)
    elif path.suffix.lower() != ".json":
        try:
            limit = max_line_bytes or read_whole_limit(max_trace_bytes)
            _parse_lines(_stream_lines(path, limit), ctx)
        except OSError as exc:
            ctx.reject(0, "unreadable_file", str(exc), "")
    else:
        try:
            limit = max_line_bytes or read_whole_limit(max_trace_bytes)
            _parse_json_file(path, limit, ctx)
        except OSError as exc:
            ctx.reject(0, "unreadable_file", str(exc), "")
            return result
    bad = ctx.bad_spans
    for trace in ctx.spans.traces():
        if trace.trace_id in bad:  # its other spans landed clean: the trace goes whole
            bad[trace.trace_id][2].extend(trace.spans)
            continue
        if isinstance(trace.obj, otlp.OtlpShapeError):
            ctx.reject(trace.line, "wrong_type", str(trace.obj), trace.raw())
        else:
            ctx.add_trace(trace.obj, trace.line, trace.raw(), None)
    for trace_id, (line, detail, spans) in bad.items():
        raw = _shown({"traceId": trace_id or None, "spans": spans})
        ctx.reject(line, "invalid_utf8", f"an OTLP trace's spans: {detail}", raw, _otlp_day(spans))
    return result


BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
UTF32_BOMS = (
    b"\xff\xfe\x00\x00",
    b"\x00\x00\xfe\xff",
)  # checked first: UTF-32 LE starts like UTF-16 LE


def wide_encoding(head: bytes, nul_lines: bool = False) -> str:
    """ "UTF-32" or "UTF-16" when a file's first bytes are that encoding's BOM (the 4-byte BOMs
    first: `\xff\xfe\x00\x00` also starts with UTF-16's), or, with no BOM, when NULs fill most of
    its lines (`nul_lines`) and the head reads as text in one of them (`_wide_text`); else ""
    (review rv7 L1). NULs that read as no text are binary data (`binary_kind`, review rv12 L4:
    an ELF executable was named UTF-32 for its runs of NULs)."""
    if head[:4] in UTF32_BOMS:
        return "UTF-32"
    if head[:2] in UTF16_BOMS:
        return "UTF-16"
    if nul_lines:
        return _wide_text(head)
    return ""


_WIDE = (("utf-32-le", "UTF-32"), ("utf-32-be", "UTF-32"), ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"))  # fmt: skip


def _wide_text(head: bytes) -> str:
    """The wide encoding the head reads as text in: at most 2% of its characters are control
    characters (NUL included) or undecodable, and it is mostly ASCII or shows JSON's structure
    (a brace and quotes: ASCII whatever the language of its strings, so a line of Japanese
    counts). Binary data read so is control characters, or letters of any script with no
    structure. "" when none reads as text."""
    for codec, name in _WIDE:
        unit = 4 if name == "UTF-32" else 2
        text = head[: len(head) - len(head) % unit].decode(codec, "replace")
        if not text:
            continue
        bad = sum(1 for c in text if (c < " " and c not in "\t\n\r") or c == "\ufffd")
        if bad > 0.02 * len(text):
            continue
        ascii_ = sum(1 for c in text if c < "\x7f")
        if ascii_ * 2 >= len(text) or (text.count('"') >= 4 and ("{" in text or "[" in text)):
            return name
    return ""


# Known file kinds by their first bytes: (magic, what the file looks like). A match counts only
# when the head is no clean text (it holds NULs or bytes that are not UTF-8): a text file whose
# first line happens to start so is a bad line, quarantined at the run, not a binary file.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x7fELF", "an executable (ELF)"),
    (b"\xfe\xed\xfa\xce", "an executable (Mach-O)"),
    (b"\xfe\xed\xfa\xcf", "an executable (Mach-O)"),
    (b"\xce\xfa\xed\xfe", "an executable (Mach-O)"),
    (b"\xcf\xfa\xed\xfe", "an executable (Mach-O)"),
    (b"\xca\xfe\xba\xbe", "an executable (Mach-O universal) or a Java class"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"PAR1", "a Parquet file"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"PK\x05\x06", "a ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an Office document (.xls/.doc)"),
    (b"\x00asm", "a WebAssembly module"),
)
# The parts a ZIP's first entries name, for the Office files that are ZIP archives.
_ZIP_KINDS = (
    (b"xl/", "an Excel workbook (.xlsx)"),
    (b"word/", "a Word document (.docx)"),
    (b"ppt/", "a PowerPoint deck (.pptx)"),
    (b"opendocument", "an OpenDocument file (.ods/.odt)"),
)


GZIP = b"\x1f\x8b"


def _clean_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


# Control bytes JSON text never holds raw (a string escapes them); tab, line ends, vertical tab,
# form feed and ESC (terminal colours pasted into a log) are left out: text may hold them.
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def binary_kind(head: bytes, control_lines: bool) -> str:
    """What a file that is not text looks like ("an executable (ELF)", "a PNG image", ...), from
    its first bytes (`head`), or "binary data (...)" when control bytes (NUL, ...) are on most
    of its lines (`control_lines`) and it reads as no UTF-16 or UTF-32 text; "" for text, a wide
    encoding's included. gzip is not named here: `ingest` lands it with the advice to gunzip
    it. A text file with a few such lines is no binary file: those lines are quarantined."""
    if head[:4] in UTF32_BOMS or head[:2] in UTF16_BOMS or head[:2] == GZIP or _clean_text(head):
        return ""
    for magic, kind in _MAGIC:
        if head.startswith(magic):
            if magic.startswith(b"PK"):
                return next((k for part, k in _ZIP_KINDS if part in head), kind)
            return kind
    if head.startswith(b"MZ") and b"PE\x00\x00" in head:
        return "a Windows executable (PE)"
    if control_lines and not _wide_text(head):
        return "binary data (control bytes on most lines)"
    return ""


BLOCK = 1 << 20  # the UTF-8 check reads files in blocks of this size, never a line whole


def _separator(has_lf: bool, has_cr: bool) -> bytes:
    """A file's line end: "\n" ("\r\n" loses its "\r" below), or "\r" for a file with "\r"
    and no "\n" at all (old Mac line ends: one line otherwise, one rejection for them all)."""
    return b"\r" if has_cr and not has_lf else b"\n"


def _line_pieces(blocks: Iterable[bytes], sep: bytes) -> Iterator[tuple[int, bytes, bool]]:
    """(line number, piece, is it the line's last piece) for the lines with content.

    The line rules of the parser and of `ingest`'s check, in one place: lines end at `sep`; a
    UTF-8 BOM at the start of any line is dropped (it is never content: `cat a.jsonl b.jsonl`
    of two BOM'd exports puts one mid-file); trailing "\r" is dropped; a line of whitespace
    only has no content. One block in (the parser): each line is one piece. Many blocks (the
    check): a long line comes in pieces no longer than a block plus a few bytes, and a
    whitespace-only start of a line may be left out (it cannot change what the line decodes to).
    """
    number, at_start, seen, carry = 1, True, False, b""
    for block in blocks:
        if carry:
            block, carry = carry + block, b""
        pos = 0
        while (end := block.find(sep, pos)) >= 0:
            piece = block[pos:end]
            if at_start and piece.startswith(BOM):
                piece = piece[3:]
            piece = piece.rstrip(b"\r")
            if seen or piece.strip():
                yield number, piece, True
            number, at_start, seen, pos = number + 1, True, False, end + 1
        rest = block[pos:]
        if at_start and len(rest) < 3 and BOM.startswith(rest):
            carry = rest  # perhaps a BOM cut by the block's end: decide with the next block
            continue
        if at_start and rest.startswith(BOM):
            rest = rest[3:]
        at_start = False
        keep = len(rest) - len(rest.rstrip(b"\r"))
        if 0 < keep < BLOCK:  # perhaps the "\r" of a "\r\n": decide with the next block
            rest, carry = rest[:-keep], rest[-keep:]
        if rest and (seen or rest.strip()):
            seen = True
            yield number, rest, False
    if carry:
        if at_start and carry.startswith(BOM):
            carry = carry[3:]
        carry = carry.rstrip(b"\r")
        if carry and (seen or carry.strip()):
            seen = True
            yield number, carry, False
    if seen:
        yield number, b"", True


def _content_lines(data: bytes) -> Iterator[tuple[int, bytes]]:
    """(line number, bytes) of a whole file's lines with content, without their line ends."""
    sep = _separator(b"\n" in data, b"\r" in data)
    parts: list[bytes] = []
    for number, piece, last in _line_pieces([data], sep):
        parts.append(piece)
        if last:
            yield number, parts[0] if len(parts) == 1 else b"".join(parts)
            parts = []


def _iter_lines(data: bytes) -> Iterator[tuple[int, bytes]]:
    return _content_lines(data)


def _line_end(path: Path) -> bytes:
    """A file's line end (`_separator`), read until its first "\n"."""
    has_cr = False
    for block in _blocks(path):
        if b"\n" in block:
            return b"\n"
        has_cr = has_cr or b"\r" in block
    return _separator(False, has_cr)


class LongLine(NamedTuple):
    """A line longer than it is read whole to: its head, length and SHA-256, never all of it."""

    head: bytes  # its first RAW_KEEP bytes
    size: int
    sha256: str
    limit: int  # the length it is longer than


def _stream_lines(path: Path, max_line: int) -> Iterator[tuple[int, bytes | bytearray | LongLine]]:
    """(line number, bytes) of a file's lines with content, read in blocks: each line up to
    `max_line` bytes is held whole (it is parsed), the file never; a longer line comes as a
    `LongLine`, hashed piece by piece past that point. A line of several pieces grows in one
    bytearray (a list joined at the end held it twice)."""
    first, grown, size, digest, head = b"", None, 0, None, b""
    for number, piece, last in _line_pieces(_blocks(path), _line_end(path)):
        size += len(piece)
        if digest is not None:
            digest.update(piece)
        elif grown is not None:
            grown += piece
        elif first:
            grown, first = bytearray(first), b""
            grown += piece
        else:
            first = piece
        if digest is None and size > max_line:  # too long to parse: its head, then a digest
            line = grown if grown is not None else first
            digest, head = hashlib.sha256(line), bytes(line[:RAW_KEEP])
            first, grown = b"", None
        if last:
            if digest is not None:
                yield number, LongLine(head, size, digest.hexdigest(), max_line)
            else:
                yield number, grown if grown is not None else first
            first, grown, size, digest, head = b"", None, 0, None, b""


class DayCount(list):  # type: ignore[type-arg]
    """Stands in for ParseResult's records and rejections when only their days are wanted
    (`parse_file(days_only=True)`): appending counts an item's day and keeps nothing. The
    records' and the rejections' lists share one count."""

    def __init__(self) -> None:
        super().__init__()
        self.days: Counter[str] = Counter()
        self.undated = 0
        self.traces = 0  # records among the items (the rest are rejections)
        self.reasons: Counter[str] = Counter()  # the rejections' reasons

    @classmethod
    def pair(cls) -> tuple[DayCount, DayCount]:
        one = cls()
        return one, one

    def append(self, item: Any) -> None:
        if isinstance(item, TraceRecord):
            self.traces += 1
        else:
            self.reasons[item.reason] += 1
        day = item.day if isinstance(item, TraceRecord) else item.created_day
        if day is None:
            self.undated += 1
        else:
            self.days[day.isoformat()] += 1


class TextCheck(NamedTuple):
    """What `ingest` says about a JSON or JSONL file before the run quarantines it."""

    lines: int  # lines with content, counted as the parser counts them
    not_utf8: int  # of those, the ones that are not UTF-8 text
    wide: str  # "UTF-16" or "UTF-32" (a BOM, or NUL bytes on most lines), not UTF-8; else ""
    binary: str = ""  # what a file that is no text looks like (`binary_kind`); else ""
    long_lines: int = 0  # lines longer than the limit asked for (bytes, line end excluded)
    first_long: int = 0  # the first of them: its line number
    first_long_bytes: int = 0  # and its length
    long_objects: int = 0  # long lines that open like a JSON object: perhaps traces


def _blocks(path: Path) -> Iterator[bytes]:
    with open(path, "rb") as fh:
        while block := fh.read(BLOCK):
            yield block


def text_lines(path: Path, limit: int | None = None) -> TextCheck:
    """Count a file's lines and those not UTF-8 text, as the parser would, in fixed blocks with
    an incremental decoder: a 300 MB file on one line (a minified .json array) costs a block,
    not the line twice over (review rv6 U1). With `limit`, also count the lines longer than it
    (their length is summed piece by piece: no line is held whole, review rv12 L5), and say
    what a binary file looks like (review rv12 L4), and how many of the long lines open like a
    JSON object (the others are no trace, whatever follows)."""
    with open(path, "rb") as fh:
        head = fh.read(4096)
    new_decoder = codecs.getincrementaldecoder("utf-8")
    lines = not_utf8 = nul_lines = ctl_lines = 0
    long_lines = first_long = first_long_bytes = long_objects = 0
    decoder, bad, nul, ctl, size, opening = new_decoder(), False, False, False, 0, b""
    for number, piece, last in _line_pieces(_blocks(path), _line_end(path)):
        nul = nul or b"\x00" in piece
        ctl = ctl or nul or _CONTROL.search(piece) is not None
        size += len(piece)
        opening = opening or piece.lstrip()[:1]
        if not bad:
            try:
                decoder.decode(piece, final=last)
            except UnicodeDecodeError:
                bad = True
        if last:
            lines, not_utf8, nul_lines = lines + 1, not_utf8 + bad, nul_lines + nul
            ctl_lines += ctl
            if limit is not None and size > limit:
                long_lines += 1
                long_objects += opening == b"{"
                if long_lines == 1:
                    first_long, first_long_bytes = number, size
            decoder, bad, nul, ctl, size, opening = new_decoder(), False, False, False, 0, b""
    return TextCheck(
        lines,
        not_utf8,
        wide_encoding(head, nul_lines * 2 > lines),
        binary_kind(head, ctl_lines * 2 > lines),
        long_lines,
        first_long,
        first_long_bytes,
        long_objects,
    )


def _parse_lines(lines: Iterable[tuple[int, bytes | bytearray | LongLine]], ctx: _Ctx) -> None:
    """Each line to a record or a rejection. A line's raw is its bytes: the rejection keeps
    their head as text (`Rejection`), no line is decoded whole but to date a bad one."""
    for number, chunk in lines:
        ctx.result.lines += 1
        if isinstance(chunk, LongLine):
            detail = (
                f"the line is {chunk.size:,} bytes, longer than the {chunk.limit:,} a line is "
                f"read whole to ({READ_WHOLE} x TRACETOPICS_MAX_TRACE_BYTES): not parsed"
            )
            ctx.result.rejections.append(
                Rejection(
                    ctx.file,
                    number,
                    "line_too_long",
                    detail,
                    chunk.head,
                    _stated_day(chunk.head),
                    chunk.size,
                    chunk.sha256,
                )
            )
            continue
        _parse_one(chunk, number, ctx, chunk)


def _parse_one(chunk: bytes, number: int, ctx: _Ctx, raw: str | bytes) -> None:
    """One JSON text (a line, or an array's item) to a record or a rejection keeping `raw`."""
    try:
        obj = orjson.loads(chunk)  # orjson refuses bytes that are not UTF-8 (`_undecodable`)
    except orjson.JSONDecodeError as exc:
        reason, detail = _undecodable(exc, chunk)
        if reason == "invalid_utf8" and _otlp_with_bad_bytes(chunk, number, ctx, detail):
            return
        ctx.reject(number, reason, detail, raw, _stated_day(raw))
        return
    ctx.add_object(obj, number, raw, len(chunk))


_NON_FINITE = re.compile(rb"(?<![\w.])-?(?:NaN|Infinity)(?![\w.])")


def _undecodable(exc: orjson.JSONDecodeError, chunk: bytes) -> tuple[str, str]:
    """(reason, detail) for text orjson refuses: bytes that are not UTF-8 are invalid_utf8 (as
    on a line), past its nesting limit (1024) too_deep."""
    try:
        if not chunk.isascii():  # ASCII is UTF-8: no decoded copy of a long line to check it
            chunk.decode("utf-8")
    except UnicodeDecodeError as bad:
        return "invalid_utf8", str(bad)
    if "depth limit" in str(exc):
        return "too_deep", f"nests past {MAX_JSON_DEPTH} levels ({exc})"
    hint = " (NaN and Infinity are not JSON)" if _NON_FINITE.search(chunk) else ""
    return "invalid_json", f"{exc}{hint}"


def _parse_whole_json(data: bytes, ctx: _Ctx) -> bool:
    """A .json file holding one document (an OTLP export, one trace, or an array of traces).

    An array that does not parse as a whole (one item with NaN, nesting past orjson's limit,
    a cut-off end) is split into its items, and each is parsed, kept or rejected on its own.
    """
    body = data.removeprefix(b"\xef\xbb\xbf")
    try:
        doc = orjson.loads(body)
    except orjson.JSONDecodeError:
        items = array_items(body)
        if items is None:
            return _one_bad_document(body, ctx)  # else JSON Lines, or broken: the line parser
        for i, chunk in enumerate(items, start=1):
            _parse_item(chunk, i, ctx)
        return True
    if isinstance(doc, list):
        source: list[bytes] | None = None
        for i, item in enumerate(doc, start=1):
            ctx.result.lines += 1
            try:
                text = dumps(item)
            except orjson.JSONEncodeError:  # too deep to re-serialize: keep the item's own text
                source = source if source is not None else array_items(body) or []
                chunk = source[i - 1] if i <= len(source) else b""
                text = chunk.decode("utf-8", "backslashreplace")
            ctx.add_object(item, i, text, None)
    else:
        ctx.result.lines += 1
        ctx.add_object(doc, 1, data.decode("utf-8", "backslashreplace"), len(data))
    return True


def json_start(path: Path) -> bytes:
    """The first byte of a file's content after a UTF-8 BOM and whitespace (b"" when none)."""
    for block in _blocks(path):
        rest = block.removeprefix(BOM).lstrip()
        if rest:
            return rest[:1]
    return b""


def _parse_json_file(path: Path, limit: int, ctx: _Ctx) -> None:
    """A .json file: an array is read item by item in blocks, never whole (review rv13: a
    200 MB array held the file, orjson's tree of it and the records at once); another document
    up to `limit` bytes is read whole, as before; a longer one is JSON Lines under a .json name
    when its first line is a document of its own (read line by line), else one document too
    long to read, quarantined unread as `line_too_long` with its head, length and SHA-256."""
    if json_start(path) == b"[":
        _parse_array_items(_array_stream(_blocks(path), limit), ctx)
        return
    if path.stat().st_size <= limit:
        data = path.read_bytes()
        if not _parse_whole_json(data, ctx):
            _parse_lines(_iter_lines(data), ctx)
        return
    lines = _stream_lines(path, limit)
    first = next(lines, None)
    if first is None:
        return
    number, chunk = first
    if not isinstance(chunk, LongLine) and _is_json(chunk):
        _parse_lines(itertools.chain([first], lines), ctx)
        return
    size, digest, head = 0, hashlib.sha256(), b""
    for block in _blocks(path):
        size += len(block)
        digest.update(block)
        head = head or block[:RAW_KEEP]
    ctx.result.lines += 1
    detail = (
        f"the document is {size:,} bytes, longer than the {limit:,} a .json document is read "
        f"whole to ({READ_WHOLE} x TRACETOPICS_MAX_TRACE_BYTES), and not an array (read item "
        "by item) nor JSON Lines (read line by line): not parsed"
    )
    ctx.result.rejections.append(
        Rejection(
            ctx.file, 1, "line_too_long", detail, head, _stated_day(head), size,
            digest.hexdigest(),
        )
    )  # fmt: skip


def wrapped_traces(path: Path, limit: int) -> tuple[str, int, int] | None:
    """(key, items, traces) for a .json document that is one object whose key holds a list
    of traces (`{"traces": [...]}`, `{"data": [...], "meta": ...}`): the key whose list holds
    the most traces, when one holds any. None otherwise, and for a document over `limit` bytes
    (read whole to look). Such a wrapper is no trace format: `ingest` names the key, so the
    user passes the list itself (attack19); the run quarantines the object as one line."""
    if path.stat().st_size > limit:
        return None
    try:
        doc = orjson.loads(path.read_bytes().removeprefix(BOM))
    except orjson.JSONDecodeError:
        return None
    if not isinstance(doc, dict) or "resourceSpans" in doc:
        return None
    best: tuple[str, int, int] | None = None
    for key, value in doc.items():
        if not isinstance(value, list) or not value:
            continue
        ctx = _Ctx(path.name, DEFAULT_MAX_TRACE_BYTES, None, datetime.now(UTC).date(),
                   ParseResult(file=path.name))  # fmt: skip
        ctx.result.records, ctx.result.rejections = DayCount.pair()
        for i, item in enumerate(value, start=1):
            ctx.add_object(item, i, safe_dumps(item), None)
        traces = ctx.result.records.traces + sum(1 for _ in ctx.spans.traces())
        if traces and (best is None or traces > best[2]):
            best = (key, len(value), traces)
    return best


def _is_json(chunk: bytes | bytearray) -> bool:
    try:
        orjson.loads(chunk)
    except orjson.JSONDecodeError:
        return False
    return True


def _parse_array_items(items: Iterable[bytes | bytearray | LongLine], ctx: _Ctx) -> None:
    """Each item of an array to a record or a rejection, numbered from 1 as the items are."""
    for i, chunk in enumerate(items, start=1):
        if isinstance(chunk, LongLine):
            ctx.result.lines += 1
            detail = (
                f"the array item is {chunk.size:,} bytes, longer than the {chunk.limit:,} an "
                f"item is read whole to ({READ_WHOLE} x TRACETOPICS_MAX_TRACE_BYTES): not parsed"
            )
            ctx.result.rejections.append(
                Rejection(
                    ctx.file, i, "line_too_long", detail, chunk.head, _stated_day(chunk.head),
                    chunk.size, chunk.sha256,
                )
            )  # fmt: skip
            continue
        _parse_item(bytes(chunk), i, ctx)


def _parse_item(chunk: bytes, i: int, ctx: _Ctx) -> None:
    """One array item's text to a record or a rejection (as a line of JSON Lines)."""
    ctx.result.lines += 1
    _parse_one(chunk, i, ctx, chunk.decode("utf-8", "backslashreplace"))


def _array_stream(blocks: Iterable[bytes], limit: int) -> Iterator[bytes | bytearray | LongLine]:
    """The text of each item of a top-level JSON array read from `blocks` (its first byte past
    a BOM and whitespace is "["), split as `array_items` splits a whole one: strings are skipped
    whole (brackets and commas inside them do not count), "[]" has no item, an empty item is
    b"", a cut-off array yields its complete items, then the rest as one item. An item is held
    whole up to `limit` bytes; a longer one comes as a `LongLine` (its head, length and
    SHA-256), hashed past that point. Memory: a block and an item, never the file."""
    depth = 0  # nesting inside the array: 0 between its items
    in_str = esc = started = False
    item, size = bytearray(), 0
    digest: Any = None
    head = b""
    items = 0
    closed = False
    blocks = iter(blocks)  # read on past the array's end, not again from the start

    def take(piece: bytes) -> None:
        nonlocal size, digest, head
        if not size:  # an item's length and digest start at its first byte
            piece = piece.lstrip()
        size += len(piece)
        if digest is not None:
            digest.update(piece)
            return
        item.extend(piece)
        if size > limit:  # too long to parse: its head, then a digest
            digest, head = hashlib.sha256(item), bytes(item[:RAW_KEEP])
            item.clear()

    def done() -> bytes | LongLine:
        nonlocal item, size, digest, head
        out: bytes | LongLine = (
            LongLine(head, size, digest.hexdigest(), limit)
            if digest is not None
            else bytes(item).strip()
        )
        item, size, digest, head = bytearray(), 0, None, b""
        return out

    for block in blocks:
        n, pos = len(block), 0
        if not started:
            if not item and block.startswith(BOM):
                pos = 3
            while pos < n and block[pos] in b" \t\r\n":
                pos += 1
            if pos == n:
                continue
            started, pos = True, pos + 1  # past the "["
        start = pos
        while pos < n:
            if in_str:
                if esc:
                    esc, pos = False, pos + 1
                    continue
                m = _STRING_STOP.search(block, pos)
                if m is None:
                    pos = n
                elif m.group() == b"\\":
                    esc, pos = True, m.end()
                else:
                    in_str, pos = False, m.end()
                continue
            m = _STRUCTURE.search(block, pos)
            if m is None:
                pos = n
                continue
            c, pos = m.group(), m.end()
            if c == b'"':
                in_str = True
            elif c in (b"[", b"{"):
                depth += 1
            elif c in (b"]", b"}") and depth > 0:
                depth -= 1
            elif c == b"]" or (c == b"," and depth == 0):  # an item ends
                take(block[start : m.start()])
                out = done()
                if c == b"," or items or out != b"":  # "[]" has no item
                    items += 1
                    yield out
                if c == b"]":  # the array's own end: what follows is one more item
                    closed, start = True, pos
                    break
                start = pos
        take(block[start:])
        if closed:
            break
    if closed:  # bytes after the array (a second array, a log line) are quarantined, not lost
        for block in blocks:
            take(block)
        out = done()
        if out != b"":
            yield out
    elif started and (items or size):  # never closed: the rest is one (cut-off) item
        out = done()
        if items or out != b"":
            yield out


_STRUCTURE = re.compile(rb'["\[\]{},]')
_STRING_STOP = re.compile(rb'["\\]')


def _one_bad_document(body: bytes, ctx: _Ctx) -> bool:
    """A whole JSON document with bytes that are not UTF-8 (a pretty-printed trace with one
    Latin-1 "é") is one invalid_utf8 rejection, charged to the day it states — not a rejection
    per line of it, charged to the file's day (review rv6 U3). False when it is no document."""
    try:
        body.decode("utf-8")
        return False  # valid text that does not parse: the line parser decides
    except UnicodeDecodeError as bad:
        text = body.decode("utf-8", "backslashreplace")
        try:
            orjson.loads(body.decode("utf-8", "replace"))
        except orjson.JSONDecodeError:
            return False
        ctx.result.lines += 1
        if not _otlp_with_bad_bytes(body, 1, ctx, str(bad)):
            ctx.reject(1, "invalid_utf8", str(bad), text, _stated_day(text))
        return True


_BAD_BYTE = re.compile("[\udc80-\udcff]")  # a byte that is not UTF-8, as surrogateescape reads it


def _holds_bad_bytes(value: Any) -> bool:
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, str):
            if _BAD_BYTE.search(v):
                return True
        elif isinstance(v, dict):
            stack.extend(v.keys())
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
    return False


def _otlp_with_bad_bytes(chunk: bytes, line: int, ctx: _Ctx, detail: str) -> bool:
    """An OTLP export (one document, many traces) with bytes that are not UTF-8: read it with
    each bad byte kept as a marker (surrogateescape), land every trace none of whose spans
    (nor their resource or scope) holds one, and quarantine the others, each whole and on its
    own day — not the whole export as one undated line (review rv7 U4). False when `chunk` is
    no OTLP document (then it is one rejection, as before)."""
    if b"resourceSpans" not in chunk:
        return False
    try:
        doc = loads_json(chunk.decode("utf-8", "surrogateescape"))
    except ValueError:
        return False
    if not isinstance(doc, dict) or not isinstance(doc.get("resourceSpans"), list):
        return False
    bad: dict[str, list[dict[str, Any]]] = {}
    for rs in doc["resourceSpans"]:
        if not isinstance(rs, dict):
            return False
        rs_bad = _holds_bad_bytes(rs.get("resource"))
        scopes = rs.get("scopeSpans") or rs.get("instrumentationLibrarySpans") or []
        if not isinstance(scopes, list):
            return False
        for scope in scopes:
            if not isinstance(scope, dict) or not isinstance(scope.get("spans") or [], list):
                return False
            scope_bad = _holds_bad_bytes({k: v for k, v in scope.items() if k != "spans"})
            for span in scope.get("spans") or []:
                if not isinstance(span, dict):
                    return False
                if rs_bad or scope_bad or _holds_bad_bytes(span):
                    bad.setdefault(str(span.get("traceId") or ""), []).append(span)
    for rs in doc["resourceSpans"]:
        for scope in rs.get("scopeSpans") or rs.get("instrumentationLibrarySpans") or []:
            scope["spans"] = [
                sp for sp in scope.get("spans") or [] if str(sp.get("traceId") or "") not in bad
            ]
    for trace_id, spans in bad.items():
        ctx.bad_spans.setdefault(trace_id, (line, detail, []))[2].extend(spans)
    if _holds_bad_bytes(doc):  # bad bytes left outside any span (a resource of no span left)
        doc = _without_bad_bytes(doc)
    ctx.add_object(doc, line, chunk.decode("utf-8", "backslashreplace"), None)
    return True


def _without_bad_bytes(value: Any) -> Any:
    """A value read with surrogateescape, each bad byte in its strings written as `\\xe9`
    (nested at most MAX_JSON_DEPTH levels: loads_json read it)."""
    if isinstance(value, str):
        return _BAD_BYTE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", value)
    if isinstance(value, dict):
        return {_without_bad_bytes(k): _without_bad_bytes(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_bad_bytes(v) for v in value]
    return value


def _shown(value: Any) -> str:
    """JSON text of a value read with surrogateescape, its bad bytes written as `\\xe9`."""
    import json

    text = json.dumps(value, ensure_ascii=False)
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _otlp_day(spans: list[dict[str, Any]]) -> date | None:
    starts = [otlp._nanos(sp.get("startTimeUnixNano")) for sp in spans]
    try:
        return parse_timestamp(min(t for t in starts if t)).date()
    except (ValueError, RecordRejected):
        return None


_TOKENS = re.compile(rb'"(?:[^"\\]|\\.)*"?|[\[\]{},]')


def array_items(body: bytes) -> list[bytes] | None:
    """The text of each item of a top-level JSON array, without parsing the items (strings are
    skipped whole, so brackets and commas inside them do not count). None when `body` is not an
    array. A cut-off array yields its complete items, then the cut-off rest as one item."""
    start = len(body) - len(body.lstrip())
    if body[start : start + 1] != b"[":
        return None
    items: list[bytes] = []
    depth, begin = 0, start + 1
    for m in _TOKENS.finditer(body, start):
        tok = m.group()
        if tok in (b"[", b"{"):
            depth += 1
        elif tok in (b"]", b"}"):
            depth -= 1
            if depth == 0:
                items.append(body[begin : m.start()])
                begin = -1
                break
        elif tok == b"," and depth == 1:
            items.append(body[begin : m.start()])
            begin = m.end()
    if begin != -1:  # never closed
        items.append(body[begin:])
    items = [i.strip() for i in items]
    if len(items) == 1 and not items[0]:
        return []  # "[]"
    return items


_JSON_COLUMNS = ("input", "output", "messages", "metadata", "metrics")


def _parse_parquet(path: Path, ctx: _Ctx) -> None:
    row = 0
    for obj in _parquet_rows(path, ctx):
        row += 1
        ctx.result.lines += 1
        raw = safe_dumps(obj)
        bad = None
        for col in _JSON_COLUMNS:
            try:
                obj[col] = maybe_json(obj.get(col), text_ok=col in ("input", "output"))
            except orjson.JSONDecodeError:
                bad = col
                break
        if bad is not None:
            ctx.reject(row, "wrong_type", f"{bad} (not valid JSON text)", raw, _created_day(obj))
            continue
        for col in ("metadata", "metrics"):  # struct columns fill absent keys with null
            if isinstance(obj.get(col), dict):
                obj[col] = {k: v for k, v in obj[col].items() if v is not None}
        ctx.add_trace(
            obj, row, raw, len(raw.encode()), nesting_bound=raw.count("{") + raw.count("[")
        )


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
