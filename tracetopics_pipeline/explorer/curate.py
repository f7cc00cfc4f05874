"""Rename, pin, merge and unmerge topics from the page, through the CLI's own core functions.

The explorer reads a published snapshot, never the live warehouse; a curation is a write, so
it opens the warehouse the way `tracetopics topic ...` does (`report.set_topic_override`,
`overrides.merge_topics`, `overrides.unmerge_topic`: the same rows in topic_overrides,
re-applied by every regeneration; an unmerge classifies the target's days again), then publishes a new snapshot from that connection so the page shows the
change on its next request. DuckDB has one writer: while a pipeline run holds the warehouse
the write is refused (409) with the reason, and nothing is half-applied.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import duckdb

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.settings import Paths, Settings
from tracetopics_pipeline.core.topics.embedders import make_embedder
from tracetopics_pipeline.core.topics.overrides import merge_topics, unmerge_topic
from tracetopics_pipeline.core.topics.report import publish_for_readers, set_topic_override

_lock = threading.Lock()  # one curation at a time per process
LOCK_WAIT_S = 3.0


class WarehouseBusy(RuntimeError):
    """A pipeline run (or another writer) holds the warehouse."""


class UnknownTopic(LookupError):
    """The facet has no such topic."""


def _write(paths: Paths, facet: str, ids: tuple[int, ...], change: Callable) -> dict[str, Any]:
    if not paths.warehouse.exists():
        raise WarehouseBusy(f"no warehouse at {paths.warehouse}; run the pipeline first")
    with _lock:
        try:
            # A short wait covers a momentary writer; a pipeline run holds the lock for minutes
            # and the page should say so rather than hang.
            conn = warehouse.connect(paths.warehouse, wait_s=LOCK_WAIT_S)
        except (duckdb.IOException, warehouse.WarehouseLocked) as e:
            raise WarehouseBusy(
                "a pipeline run is writing the warehouse; try again when it has finished "
                f"({str(e).splitlines()[0][:160]})"
            ) from e
        try:
            for tid in ids:
                if not conn.execute(
                    "SELECT 1 FROM topics WHERE facet = ? AND topic_id = ? LIMIT 1", [facet, tid]
                ).fetchall():
                    raise UnknownTopic(f"{facet} has no topic {tid}")
            out = change(conn)
            out["snapshot"] = publish_for_readers(conn, paths.snapshot, Settings.from_env()).name
            return out
        finally:
            conn.close()


def rename(paths: Paths, facet: str, topic_id: int, label: str) -> dict[str, Any]:
    return _write(
        paths, facet, (topic_id,), lambda c: set_topic_override(c, facet, topic_id, label=label)
    )


def pin(paths: Paths, facet: str, topic_id: int, pinned: bool) -> dict[str, Any]:
    return _write(
        paths, facet, (topic_id,), lambda c: set_topic_override(c, facet, topic_id, pinned=pinned)
    )


def merge(paths: Paths, facet: str, topic_id: int, into: int) -> dict[str, Any]:
    return _write(paths, facet, (topic_id, into), lambda c: merge_topics(c, facet, topic_id, into))


def unmerge(paths: Paths, facet: str, topic_id: int) -> dict[str, Any]:
    """Undo a merge: the CLI's `topic unmerge` (a local model, if a text must be embedded,
    runs in a child process as the page's clustering does)."""
    settings = Settings.from_env()

    def change(conn: duckdb.DuckDBPyConnection) -> dict[str, Any]:
        embedder = make_embedder(settings, in_child=True)
        return unmerge_topic(conn, facet, topic_id, settings=settings, embedder=embedder)

    return _write(paths, facet, (topic_id,), change)
