"""Actions on a filtered set of traces: eval-dataset export and the review queue.

Neither writes to the warehouse (DuckDB is single-writer and belongs to the pipeline):
exports go to files under $TRACETOPICS_HOME/exports with names the server chooses, and the
review queue is a small SQLite file under $TRACETOPICS_HOME.
"""

from __future__ import annotations

import errno
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

from tracetopics_pipeline.core.ingest.messages import loads_json
from tracetopics_pipeline.core.topics.report import TOPIC_LATEST
from tracetopics_pipeline.core.warehouse import NO_MATCH, NO_MATCH_LABEL
from tracetopics_pipeline.explorer.filters import TraceFilter
from tracetopics_pipeline.explorer.saved import slug

# Stems are server-made (eval-<UTC time>-<random>) or the slug of the user's name; downloads
# resolve only names of these shapes, inside the exports folder.
EXPORT_NAME = re.compile(
    r"^[A-Za-z0-9][A-Za-z0-9_-]{0,80}\.(jsonl|braintrust\.jsonl|langfuse\.jsonl|manifest\.json)$"
)
REVIEW_STATUSES = ("open", "in_review", "done", "dismissed")
# The three files of an export: ours, and the record shapes Braintrust and Langfuse datasets
# import (docs/explorer.md, "Actions").
EXPORT_FORMATS = {
    "tracetopics": ".jsonl",
    "braintrust": ".braintrust.jsonl",
    "langfuse": ".langfuse.jsonl",
}


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _sql_path(p: Path) -> str:
    return "'" + str(p).replace("'", "''") + "'"


def export_eval_dataset(
    cur: duckdb.DuckDBPyConnection,
    f: TraceFilter,
    exports_dir: Path,
    *,
    name: str | None = None,
    topic_facet: str = "Task",
    snapshot: str | None = None,
    description: str | None = None,
    extra: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Write the filtered traces as an eval dataset, in three record shapes, plus a manifest.

    - `<name>.jsonl`: each trace in the input trace format, plus `facets` (every facet's summary,
      label and topic), `topic` (its `topic_facet` topic) and `expected: null` for the reviewer;
    - `<name>.braintrust.jsonl`: `{id, input, expected, metadata}` (Braintrust dataset records);
    - `<name>.langfuse.jsonl`: `{input, expectedOutput, metadata}` (Langfuse dataset items).
    `name` is the user's (slugged; an existing name is refused), else eval-<UTC time>-<random>.
    File names are never taken verbatim from the request. Returns the manifest.
    """
    exports_dir = Path(exports_dir).resolve()
    exports_dir.mkdir(parents=True, exist_ok=True)
    if name and name.strip():
        stem = slug(name)
    else:
        stem = f"eval-{datetime.now(UTC).strftime('%Y%m%dT%H%M%SZ')}-{secrets.token_hex(4)}"
    files = {fmt: exports_dir / f"{stem}{ext}" for fmt, ext in EXPORT_FORMATS.items()}
    manifest_path = exports_dir / f"{stem}.manifest.json"
    if manifest_path.exists() or any(p.exists() for p in files.values()):
        raise FileExistsError(f"an export named {stem!r} exists; pick another name")
    sql, params = f.sql()
    # One set-based pass: every facet's summary, label and topic per trace, as JSON objects.
    cur.execute(
        f"""
        CREATE OR REPLACE TEMP TABLE export_rows AS
        WITH ids AS ({sql}), {TOPIC_LATEST.strip()},
        fac AS (
            SELECT s.trace_id,
                   json_group_object(s.facet, json_object(
                       'summary', s.summary, 'label', s.label, 'topic_id', c.topic_id,
                       'topic', CASE WHEN c.topic_id = {NO_MATCH} THEN '{NO_MATCH_LABEL}'
                                     ELSE coalesce(tl.label, c.label) END,
                       'subtopic_id', c.subtopic_id,
                       'subtopic', coalesce(ts.label, c.subtopic))) AS facets,
                   max(CASE WHEN lower(s.facet) = lower(?) AND c.topic_id IS NOT NULL
                            THEN json_object('facet', s.facet, 'topic_id', c.topic_id, 'label',
                                 CASE WHEN c.topic_id = {NO_MATCH} THEN '{NO_MATCH_LABEL}'
                                      ELSE coalesce(tl.label, c.label) END,
                                 'subtopic_id', c.subtopic_id,
                                 'subtopic', coalesce(ts.label, c.subtopic)) END) AS topic
            FROM facets s
            LEFT JOIN classifications c ON c.trace_id = s.trace_id AND c.facet = s.facet
            LEFT JOIN topic_latest tl ON tl.facet = c.facet AND tl.topic_id = c.topic_id
            LEFT JOIN topic_latest ts ON ts.facet = c.facet AND ts.topic_id = c.subtopic_id
            WHERE s.trace_id IN (SELECT id FROM ids)
            GROUP BY s.trace_id
        )
        SELECT r.id,
               strftime(r.created, '%Y-%m-%dT%H:%M:%S.%fZ') AS created,
               r.project_id, r.session_id, r.input, r.output, r.messages, r.metadata,
               coalesce(r.metrics_raw, to_json(r.metrics)) AS metrics,
               coalesce(fac.facets, '{{}}'::JSON) AS facets, fac.topic
        FROM raw_traces r LEFT JOIN fac ON fac.trace_id = r.id
        WHERE r.id IN (SELECT id FROM ids)
        """,
        [*params, topic_facet],
    )
    try:
        if not cur.execute("SELECT count(*) FROM export_rows").fetchone()[0]:
            raise ValueError("no traces match this scope; nothing was exported")
        meta = (
            "json_object('trace_id', id, 'created', created, 'project_id', project_id, "
            "'session_id', session_id, 'trace_metadata', metadata, 'output', output, "
            "'facets', facets, 'topic', topic, 'dataset', ?::VARCHAR)"
        )
        selects = {
            # The input trace format plus what tracetopics knows, and the reviewer's field.
            "tracetopics": "SELECT id, created, project_id, session_id, input, output, messages, "
            "metadata, metrics, facets, topic, NULL::JSON AS expected FROM export_rows",
            "braintrust": f"SELECT id, coalesce(input, messages) AS input, NULL::JSON AS expected, "
            f"{meta} AS metadata FROM export_rows",
            "langfuse": f"SELECT coalesce(input, messages) AS input, NULL::JSON AS expectedOutput, "
            f"{meta} AS metadata FROM export_rows",
        }
        count = 0
        for fmt, select in selects.items():
            row = cur.execute(
                f"COPY ({select} ORDER BY created, id) TO {_sql_path(files[fmt])} (FORMAT json)",
                [] if fmt == "tracetopics" else [stem],
            ).fetchone()
            count = int(row[0]) if row else 0
            if not files[fmt].exists():
                files[fmt].write_text("")
    finally:
        cur.execute("DROP TABLE IF EXISTS export_rows")
    manifest = {
        "name": stem,
        "file": files["tracetopics"].name,
        "files": {fmt: p.name for fmt, p in files.items()},
        "manifest": manifest_path.name,
        "format": "tracetopics trace JSONL (one input-format trace per line, with facets, "
        "topic and an empty `expected`); also Braintrust and Langfuse dataset records",
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
    for m in base.glob("*.manifest.json"):
        try:
            out.append(loads_json(m.read_text()))
        except ValueError:
            continue
    return sorted(out, key=lambda d: d.get("created_at") or "", reverse=True)


class ReviewQueue:
    """Traces assigned to a teammate, with status and note, persisted in SQLite."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        # Why the queue cannot be written (a read-only copy or mount of the home): the page
        # still serves, its queue reads as it is, and a write says why (`_writable`).
        self.unwritable: str | None = None
        try:
            self._create()
        except (sqlite3.OperationalError, OSError) as e:
            self.unwritable = str(e)

    def _writable(self) -> None:
        if self.unwritable is not None:
            raise OSError(
                errno.EROFS, f"the review queue {self.path} cannot be written ({self.unwritable})"
            )

    def _create(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
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
        self._writable()
        with self._lock, self._connect() as db:
            # A trace already open for this assignee is not queued twice (a second assignment
            # of an overlapping filter listed it twice).
            open_ids = {
                r[0]
                for r in db.execute(
                    "SELECT trace_id FROM review_items WHERE assignee = ? AND status = 'open'",
                    [assignee],
                ).fetchall()
            }
            new = [r for r in rows if r[1] not in open_ids]
            db.executemany(
                """
                INSERT OR IGNORE INTO review_items (batch_id, trace_id, assignee, note, facet,
                    topic_id, topic_label, summary, filter_json, created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                new,
            )
        return {
            "batch_id": batch,
            "assignee": assignee,
            "count": len(new),
            "already_open": len(rows) - len(new),
        }

    def list(
        self, *, assignee: str | None = None, status: str | None = None, limit: int = 500
    ) -> list[dict[str, Any]]:
        if status and status not in REVIEW_STATUSES:
            raise ValueError(f"status must be one of {', '.join(REVIEW_STATUSES)}")
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
        return self._read(sql, [*params, limit])

    def update(
        self, item_id: int, *, status: str | None = None, note: str | None = None
    ) -> dict[str, Any] | None:
        if status is not None and status not in REVIEW_STATUSES:
            raise ValueError(f"status must be one of {', '.join(REVIEW_STATUSES)}")
        self._writable()
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
        return self._read(
            "SELECT assignee, count(*) AS items, sum(status IN ('open', 'in_review')) "
            "AS pending FROM review_items GROUP BY assignee ORDER BY assignee"
        )

    def _read(self, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
        """Rows of a read; none from a queue that could not be made (`unwritable`)."""
        try:
            with self._connect() as db:
                return [dict(r) for r in db.execute(sql, params or []).fetchall()]
        except sqlite3.OperationalError:
            if self.unwritable is None:
                raise
            return []
