"""The landing folder: which files are ready, and which UTC days each touches.

`landing_files` lists the files that are ready (complete, supported, in arrival order);
`file_days` says which days a file touches, cached in a small JSON index so the sensor and the
asset do not re-parse unchanged files; the index also records which days were ingested from a
file's current content, so `pending_days` is what the landing sensor asks for. The index is
keyed by content (size and SHA-256), so a file touched or copied but not changed (`cp -r` of a
home) is not new.

A rejection without a usable date is attributed to its file's busiest valid day (the earliest
of a tie), or to the file's modification date (UTC) when it has none: the bad lines of a day's
export are charged to that day, not to a stray old trace's.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import orjson

from tracetopics_pipeline.core.ingest.files import DayCount, parse_file
from tracetopics_pipeline.core.ingest.records import (
    DEFAULT_MAX_TRACE_BYTES,
    EARLIEST_DAY,
    SUPPORTED_SUFFIXES,
    ParseResult,
)

IN_PROGRESS_SUFFIXES = (".part", ".tmp")
INDEX_VERSION = 2  # 2: entries carry a content digest; version 1 entries are still read


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
class FileSummary:
    """What a file's parse says about days, independent of today's date and the start date."""

    size: int
    mtime_ns: int
    days: dict[str, int]  # ISO date → lines whose created parsed to that date (in range or not)
    undated: int  # lines with no parseable created
    digest: str = ""  # SHA-256 of the content ("" in entries written before version 2)
    traces: int | None = None  # lines that are traces (None in entries written before it)
    reasons: dict[str, int] = field(default_factory=dict)  # the other lines' reasons

    @staticmethod
    def of(result: ParseResult, size: int, mtime_ns: int, digest: str = "") -> FileSummary:
        if isinstance(result.records, DayCount):  # parse_file(days_only=True)
            count = result.records
            return FileSummary(
                size, mtime_ns, dict(count.days), count.undated, digest, count.traces,
                dict(count.reasons),
            )  # fmt: skip
        days: Counter[str] = Counter(r.day.isoformat() for r in result.records)
        days.update(rej.created_day.isoformat() for rej in result.rejections if rej.created_day)
        undated = sum(1 for rej in result.rejections if rej.created_day is None)
        reasons = Counter(rej.reason for rej in result.rejections)
        return FileSummary(
            size, mtime_ns, dict(days), undated, digest, len(result.records), dict(reasons)
        )


def content_digest(path: Path) -> str:
    """SHA-256 of a file's bytes, read in blocks."""
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def landed_copy(src: Path, landing: Path) -> Path | None:
    """A ready landing file with exactly `src`'s bytes, if any (only same-size files are hashed)."""
    try:
        size = src.stat().st_size
    except OSError:
        return None
    same_size = [f for f in landing_files(landing) if f.stat().st_size == size]
    if not same_size:
        return None
    digest = content_digest(src)
    return next((f for f in same_size if content_digest(f) == digest), None)


def in_range(day: date, start_date: date | None, today: date) -> bool:
    """The days a trace may land on (records.py rejects the others as created_out_of_range)."""
    return (start_date or EARLIEST_DAY) <= day <= today + timedelta(days=1)


def _mtime_day(mtime_ns: int) -> date:
    return datetime.fromtimestamp(mtime_ns / 1e9, UTC).date()


def attribution(
    summary: FileSummary, start_date: date | None, today: date
) -> tuple[set[date], date]:
    """(the file's in-range days, the day its undated or out-of-range lines go to)."""
    parsed = [date.fromisoformat(d) for d in summary.days]
    valid = {d for d in parsed if in_range(d, start_date, today)}
    busiest = sorted(valid, key=lambda d: (-summary.days[d.isoformat()], d))
    fallback = busiest[0] if busiest else _mtime_day(summary.mtime_ns)
    touched = set(valid)
    if summary.undated or len(valid) < len(parsed):
        touched.add(fallback)
    return touched, fallback


class LandingIndex:
    """The landing index: file name → FileSummary, keyed by content.

    A file whose size and mtime match its entry is unchanged; one whose mtime moved (touched,
    copied without -p) is hashed, and is unchanged when its digest matches. Several processes
    (the sensor, runs) may use it at once. Writes go to a temporary file renamed into place, so
    a reader sees the old or the new index, never half of one; a lost update only costs a
    re-parse.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.entries: dict[str, dict[str, Any]] = {}
        self.dirty = False
        with contextlib.suppress(OSError, ValueError):
            data = orjson.loads(path.read_bytes())
            if isinstance(data, dict) and data.get("version") in (1, INDEX_VERSION):
                self.entries = dict(data.get("files") or {})

    def get(self, path: Path, st: os.stat_result) -> FileSummary | None:
        e = self.entries.get(path.name)
        if not e or e.get("size") != st.st_size:
            return None
        seen = (e.get("mtime_ns"), e.get("seen_mtime_ns"))
        if st.st_mtime_ns not in seen or not e.get("digest"):
            if not e.get("digest") and st.st_mtime_ns not in seen:
                return None  # a version 1 entry cannot vouch for moved content
            try:
                digest = content_digest(path)
            except OSError:
                return None
            if e.get("digest", digest) != digest:
                return None  # same size, new content
            # `mtime_ns` stays: it dates the file's undated lines (`attribution`).
            e["digest"], e["seen_mtime_ns"] = digest, st.st_mtime_ns
            self.dirty = True
        return FileSummary(
            e["size"], e["mtime_ns"], e["days"], e["undated"], e["digest"], e.get("traces"),
            dict(e.get("reasons") or {}),
        )  # fmt: skip

    def digest(self, path: Path) -> str | None:
        """The content digest recorded for a file, once `get` or `put` has seen it."""
        return self.entries.get(path.name, {}).get("digest") or None

    def put(self, path: Path, summary: FileSummary) -> None:
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
    index = LandingIndex(index_path or default_index_path(Path(paths[0]).parent))
    for path in paths:  # days only: nothing of the parse is kept (review rv12 L5)
        summary = file_summary(
            index, Path(path), start_date, today, max_trace_bytes, days_only=True
        )[0]
        if summary is not None:
            out[Path(path)] = attribution(summary, start_date, today)[0]
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
    plus, when it has undated or out-of-range lines, its busiest valid day (or mtime date).

    Cached by name and content in the landing index (default: <landing>/../state/).
    """
    return files_days([Path(path)], start_date=start_date, today=today, index_path=index_path).get(
        Path(path), set()
    )


def earliest_day(landing: Path, *, index_path: Path | None = None) -> date | None:
    """The earliest UTC day any ready landing file touches, or None when nothing has landed.
    Files the landing index has seen are not read again."""
    files = landing_files(landing)
    touched = files_days(files, index_path=index_path) if files else {}
    return min((d for days in touched.values() for d in days), default=None)


def pending_days(
    landing: Path,
    *,
    start_date: date | None = None,
    settle_seconds: float = 0,
    index_path: Path | None = None,
) -> dict[Path, set[date]]:
    """Per ready landing file, the days it touches that no run has ingested from its current
    content yet. A changed file (new content) is pending again for all its days.

    This is what the landing sensor asks for: it needs no cursor of its own, so a home whose
    files were already ingested by `tracetopics run` starts with nothing pending.
    """
    files = landing_files(landing, settle_seconds=settle_seconds)
    touched = files_days(files, start_date=start_date, index_path=index_path)
    index = LandingIndex(index_path or default_index_path(Path(landing)))
    pending = {f: days - index.ingested(f) for f, days in touched.items()}
    return {f: days for f, days in pending.items() if days}


def _siblings(paths: Sequence[Path]) -> list[Path]:
    """Keep index entries of every file still in the landing folder, not only those asked about."""
    folder = Path(paths[0]).parent
    try:
        return [Path(e.path) for e in os.scandir(folder)]
    except OSError:
        return list(paths)


def file_summary(
    index: LandingIndex,
    path: Path,
    start_date: date | None,
    today: date,
    max_trace_bytes: int,
    *,
    days_only: bool = False,
) -> tuple[FileSummary | None, ParseResult | None]:
    """A file's summary, from the index or by parsing it (then the ParseResult too, unless
    `days_only`: a JSON Lines file is then read line by line and nothing is kept but days)."""
    try:
        st = path.stat()
    except OSError:
        return None, None
    cached = index.get(path, st)
    if cached is not None:
        return cached, None
    try:
        digest = content_digest(path)
    except OSError:
        return None, None
    result = parse_file(
        path,
        max_trace_bytes=max_trace_bytes,
        start_date=start_date,
        today=today,
        days_only=days_only,
    )
    summary = FileSummary.of(result, st.st_size, st.st_mtime_ns, digest)
    index.put(path, summary)
    return summary, None if days_only else result
