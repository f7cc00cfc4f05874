"""Snapshot publishing: what a run hands to readers, swapped atomically, old ones pruned."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from factories import insert_traces, trace_record

from tracetopics_pipeline.core.warehouse.snapshot import current_snapshot, publish_snapshot


def test_snapshot_is_atomic_and_pruned(conn, tmp_path: Path) -> None:
    insert_traces(conn, [trace_record("a", datetime(2026, 1, 1, tzinfo=UTC), [])])
    snaps = [publish_snapshot(conn, tmp_path / "snap", embed_model=None) for _ in range(3)]
    assert current_snapshot(tmp_path / "snap") == snaps[-1]
    # The previous snapshot survives for readers mid-request; older ones are deleted.
    assert snaps[-2].exists() and not snaps[0].exists()
    manifest = json.loads((snaps[-1] / "manifest.json").read_text())
    assert manifest["tables"]["raw_traces"] == 1
    assert (tmp_path / "snap" / "current.txt").read_text().strip() == snaps[-1].name
