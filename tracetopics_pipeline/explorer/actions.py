"""Actions on a filtered set of traces: eval-dataset export and the review queue.

Neither writes to the warehouse (DuckDB is single-writer and belongs to the pipeline):
exports go to files under $TRACETOPICS_HOME/exports with names the server chooses, and the
review queue is a small SQLite file under $TRACETOPICS_HOME.
"""

from __future__ import annotations

import json
import re
import secrets
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from tracetopics_pipeline.explorer.filters import TraceFilter

EXPORT_NAME = re.compile(r"^eval-\d{8}T\d{6}Z-[0-9a-f]{8}\.(jsonl|manifest\.json)$")
REVIEW_STATUSES = ("open", "in_review", "done", "dismissed")


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def export_eval_dataset(
    cur: duckdb.DuckDBPyConnection,
    f: TraceFilter,
    exports_dir: Path,
    *,
    snapshot: str | None = None,
    description: str | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Write the filtered traces as JSONL in the input trace format, plus a manifest.

    File names are chosen here (timestamp + random token), never taken from the request.
    Returns the manifest.
    """
    exports_dir = Path(exports_dir).resolve()
    exports_dir.mkdir(parents=True, exist_ok=True)
    stem = f"eval-{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}-{secrets.token_hex(4)}"
    data = exports_dir / f"{stem}.jsonl"
    manifest_path = exports_dir / f"{stem}.manifest.json"
    sql, params = f.sql()
    target = "'" + str(data).replace("'", "''") + "'"
    # DuckDB writes newline-delimited JSON set-based; JSON columns are emitted as JSON.
    row = cur.execute(
        f"""
        COPY (
            SELECT r.id,
                   strftime(r.created, '%Y-%m-%dT%H:%M:%S.%fZ') AS created,
                   r.project_id, r.session_id, r.input, r.output, r.messages, r.metadata,
                   coalesce(r.metrics_raw, to_json(r.metrics)) AS metrics
            FROM raw_traces r
            WHERE r.id IN ({sql})
            ORDER BY r.created, r.id
        ) TO {target} (FORMAT json)
        """,
        params,
    ).fetchone()
    count = int(row[0]) if row else 0
    if count == 0 and not data.exists():
        data.write_text("")
    manifest = {
        "name": stem,
        "file": data.name,
        "manifest": manifest_path.name,
        "format": "tracetopics trace JSONL (one input-format trace per line)",
        "count": count,
        "created_at": _now(),
        "snapshot": snapshot,
        "description": description,
        "filter": f.to_json(),
        **(extra or {}),
    }
    manifest_path.write_text(json.dumps(manifest, indent=2, default=str))
    return manifest


def export_path(exports_dir: Path, name: str) -> Path | None:
    """The file for a download request, only if the name is one the server could have made."""
    if not EXPORT_NAME.match(name):
        return None
    base = Path(exports_dir).resolve()
    path = (base / name).resolve()
    if path.parent != base or not path.is_file():
        return None
    return path


def list_exports(exports_dir: Path) -> list[dict[str, Any]]:
    out = []
    base = Path(exports_dir)
    if not base.is_dir():
        return out
    for m in sorted(base.glob("eval-*.manifest.json"), reverse=True):
        try:
            out.append(json.loads(m.read_text()))
        except ValueError:
            continue
    return out


class ReviewQueue:
    """Traces assigned to a teammate, with status and note, persisted in SQLite."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        with self._connect() as db:
            db.execute(
                f"""
                CREATE TABLE IF NOT EXISTS review_items (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    batch_id TEXT NOT NULL,
                    trace_id TEXT NOT NULL,
                    assignee TEXT NOT NULL,
                    status TEXT NOT NULL DEFAULT 'open'
                        CHECK (status IN ({", ".join(repr(s) for s in REVIEW_STATUSES)})),
                    note TEXT,
                    facet TEXT,
                    topic_id INTEGER,
                    topic_label TEXT,
                    summary TEXT,
                    filter_json TEXT,
                    created_at TEXT NOT NULL,
                    updated_at TEXT NOT NULL,
                    UNIQUE (batch_id, trace_id)
                )
                """
            )
            db.execute(
                "CREATE INDEX IF NOT EXISTS review_items_assignee ON review_items(assignee, status)"
            )

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        """A short-lived connection: commit on success, roll back on error, always close."""
        db = sqlite3.connect(self.path, timeout=10)
        db.row_factory = sqlite3.Row
        try:
            with db:
                yield db
        finally:
            db.close()

    def assign(
        self,
        items: list[dict[str, Any]],
        *,
        assignee: str,
        note: str | None = None,
        facet: str | None = None,
        topic_id: int | None = None,
        topic_label: str | None = None,
        filter_json: dict[str, Any] | None = None,
    ) -> dict[str, Any]:
        """Queue traces (dicts with trace_id and optional summary) for one assignee."""
        assignee = assignee.strip()
        if not assignee:
            raise ValueError("assignee is required")
        batch = f"b-{datetime.now(UTC).strftime('%Y%m%d%H%M%S')}-{secrets.token_hex(3)}"
        now = _now()
        rows = [
            (
                batch,
                it["trace_id"],
                assignee,
                note,
                facet,
                topic_id,
                topic_label,
                it.get("summary"),
                json.dumps(filter_json or {}, default=str),
                now,
                now,
            )
            for it in items
        ]
        with self._lock, self._connect() as db:
            db.executemany(
                """
                INSERT OR IGNORE INTO review_items (batch_id, trace_id, assignee, note, facet,
                    topic_id, topic_label, summary, filter_json, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                rows,
            )
        return {"batch_id": batch, "assignee": assignee, "count": len(rows)}

    def list(
        self, *, assignee: str | None = None, status: str | None = None, limit: int = 500
    ) -> list[dict[str, Any]]:
        where, params = [], []
        if assignee:
            where.append("assignee = ?")
            params.append(assignee)
        if status:
            where.append("status = ?")
            params.append(status)
        sql = "SELECT * FROM review_items"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY id DESC LIMIT ?"
        with self._connect() as db:
            return [dict(r) for r in db.execute(sql, [*params, limit]).fetchall()]

    def update(
        self, item_id: int, *, status: str | None = None, note: str | None = None
    ) -> dict[str, Any] | None:
        if status is not None and status not in REVIEW_STATUSES:
            raise ValueError(f"status must be one of {', '.join(REVIEW_STATUSES)}")
        with self._lock, self._connect() as db:
            db.execute(
                """
                UPDATE review_items SET status = coalesce(?, status), note = coalesce(?, note),
                       updated_at = ? WHERE id = ?
                """,
                [status, note, _now(), item_id],
            )
            row = db.execute("SELECT * FROM review_items WHERE id = ?", [item_id]).fetchone()
        return dict(row) if row else None

    def assignees(self) -> list[dict[str, Any]]:
        with self._connect() as db:
            return [
                dict(r)
                for r in db.execute(
                    "SELECT assignee, count(*) AS items, sum(status IN ('open', 'in_review')) "
                    "AS pending FROM review_items GROUP BY assignee ORDER BY assignee"
                ).fetchall()
            ]
