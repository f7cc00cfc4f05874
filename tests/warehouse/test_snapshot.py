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


def test_two_publishers_at_once_never_delete_the_current_snapshot(
    conn, tmp_path: Path, monkeypatch
) -> None:
    """Two explorers starting on one home publish from read-only opens at once: A swaps the
    pointer, B publishes whole and swaps it to B, then A prunes. A deleted B — every kept
    snapshot but its own and the one before — and the pointer named a folder that was gone
    (the page: "no snapshot"). Now the pointer's snapshot and any newer one stay, and an older
    one is still pruned (the look-alike)."""
    from tracetopics_pipeline.core.warehouse import snapshot

    insert_traces(conn, [trace_record("a", datetime(2026, 1, 1, tzinfo=UTC), [])])
    folder = tmp_path / "snap"
    oldest = publish_snapshot(conn, folder, embed_model=None)
    publish_snapshot(conn, folder, embed_model=None)
    real = snapshot._write_pointer
    other: list[Path] = []

    def then_b_publishes(snapshot_dir: Path, name: str) -> None:
        real(snapshot_dir, name)
        if not other:  # B, whole, between A's pointer swap and A's prune
            other.append(Path("pending"))
            other[0] = publish_snapshot(conn, folder, embed_model=None)

    monkeypatch.setattr(snapshot, "_write_pointer", then_b_publishes)
    publish_snapshot(conn, folder, embed_model=None)  # A
    assert current_snapshot(folder) == other[0] and other[0].is_dir()
    assert not oldest.exists()
