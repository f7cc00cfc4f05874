"""Landing files: traces in the JSONL input contract, written the way agents drop them.

These feed the ingest stage (and the sensors that watch the landing folder) through the same
parser the pipeline uses, so nothing here touches the warehouse.
"""

from __future__ import annotations

import json
import os
from datetime import date, datetime
from pathlib import Path
from typing import Any


def trace_object(
    trace_id: str, when: date | str, text: str = "How do I export a dashboard?", **over: Any
) -> dict[str, Any]:
    """One small trace object: a user question and an answer, created `when` (a timestamp, or a
    date for ten in the morning UTC). Fields in `over` replace the defaults; `...` drops one."""
    if isinstance(when, date) and not isinstance(when, datetime):
        when = f"{when.isoformat()}T10:00:00Z"
    obj = {
        "id": trace_id,
        "created": when,
        "project_id": "p",
        "input": text,
        "output": "Use the export menu.",
        "metrics": {"total_tokens": 10},
    }
    obj.update(over)
    return {k: v for k, v in obj.items() if v is not ...}


def write_lines(path: Path, items: list[Any], *, mtime: datetime | float | None = None) -> Path:
    """One line per item: objects as JSON, bytes and str as they are. `mtime` (a datetime or
    epoch seconds) sets the file's modification time."""
    lines = [
        i if isinstance(i, bytes) else i.encode() if isinstance(i, str) else json.dumps(i).encode()
        for i in items
    ]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"\n".join(lines) + b"\n")
    if mtime is not None:
        ts = mtime.timestamp() if isinstance(mtime, datetime) else mtime
        os.utime(path, (ts, ts))
    return path
