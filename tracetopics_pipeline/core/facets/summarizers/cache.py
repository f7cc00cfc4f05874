"""Persistent summary cache: (preprocessed-text hash, facet, prompt hash, model) → summary, label.

SQLite in WAL mode under the cache folder, shared by threads (one connection behind a lock) and
tolerant of several processes. Re-runs and backfills look here first, so an unchanged trace
is never paid for twice; changing a facet's prompt changes its key and only that facet misses.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

from tracetopics_pipeline.core.facets.definitions import Facet


def cache_key(text: str, facet: Facet, model: str) -> str:
    h = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return hashlib.sha256(f"{h}|{facet.key}|{facet.prompt_hash}|{model}".encode()).hexdigest()


class SummaryCache:
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._conn = sqlite3.connect(str(self.path), check_same_thread=False, timeout=30)
        with self._lock:
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute(
                "CREATE TABLE IF NOT EXISTS summaries (key TEXT PRIMARY KEY, facet TEXT, model TEXT,"
                " prompt_hash TEXT, summary TEXT NOT NULL, label TEXT,"
                " created_at TEXT DEFAULT CURRENT_TIMESTAMP)"
            )
            self._conn.commit()

    def get(self, key: str) -> tuple[str, str | None] | None:
        with self._lock:
            row = self._conn.execute(
                "SELECT summary, label FROM summaries WHERE key = ?", (key,)
            ).fetchone()
        return (row[0], row[1]) if row else None

    def put(self, key: str, facet: Facet, model: str, summary: str, label: str | None) -> None:
        with self._lock:
            self._conn.execute(
                "INSERT OR REPLACE INTO summaries (key, facet, model, prompt_hash, summary, label)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (key, facet.name, model, facet.prompt_hash, summary, label),
            )
            self._conn.commit()

    def __len__(self) -> int:
        with self._lock:
            return int(self._conn.execute("SELECT count(*) FROM summaries").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._conn.close()
