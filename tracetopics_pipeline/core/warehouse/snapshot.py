"""Parquet snapshots of the warehouse, published atomically for the explorer.

DuckDB is single-writer across processes: while a pipeline run holds the warehouse, even a
read-only open from the explorer fails. So the pipeline ends each run by copying the tables
the explorer reads into a fresh folder of Parquet files and then swapping a one-line pointer
file (`current.txt`) with `os.replace`, which is atomic. Readers resolve the pointer, so they
see either the old snapshot or the new one, never a half-written one.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path

import duckdb

POINTER = "current.txt"
PREFIX = "snapshot-"
PARTIAL_SUFFIX = ".partial"

# Core tables the explorer reads. summary_embeddings is restricted to the configured model's
# vectors of the texts that facet summaries reference, so on-demand clustering never has to
# re-embed and never sees two models' vectors; phrase_embeddings (the daily maps' candidate
# names) to that model's too, so naming a subset embeds only phrases no map has seen.
CORE_TABLES = (
    "raw_traces",
    "facet_summaries",
    "classifications",
    "topics",
    "topic_maps",
    "topic_points",
    "topic_lineage",
    "topic_overrides",
    "summary_embeddings",
    "phrase_embeddings",
    "embedding_models",
    "spend_ledger",
)
MART_SCHEMA = "marts"


def _existing_tables(conn: duckdb.DuckDBPyConnection) -> set[tuple[str, str]]:
    rows = conn.execute(
        "SELECT table_schema, table_name FROM information_schema.tables "
        "WHERE table_catalog = current_database()"
    ).fetchall()
    return {(s, t) for s, t in rows}


def _copy(conn: duckdb.DuckDBPyConnection, select_sql: str, target: Path) -> int:
    """COPY a query to Parquet; returns the row count DuckDB reports."""
    # Paths are ours (snapshot folder + fixed table names), never user input; quote anyway.
    path = str(target).replace("'", "''")
    row = conn.execute(
        f"COPY ({select_sql}) TO '{path}' (FORMAT parquet, COMPRESSION zstd)"
    ).fetchone()
    return int(row[0]) if row else 0


def publish_snapshot(
    conn: duckdb.DuckDBPyConnection,
    snapshot_dir: Path,
    *,
    embed_model: str | None,
) -> Path:
    """Copy the explorer's tables to a new Parquet folder and make it the current snapshot.

    `embed_model` is the configured embedding model's id (None when it has no vectors yet):
    only its vectors are published. Works on a read-only connection. Returns the new snapshot
    folder. Keeps the previous snapshot (a reader may be mid-request on it) and deletes
    anything older.
    """
    snapshot_dir = Path(snapshot_dir)
    snapshot_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    name = f"{PREFIX}{stamp}-{os.getpid()}"
    partial = snapshot_dir / f".{name}{PARTIAL_SUFFIX}"
    partial.mkdir()
    existing = _existing_tables(conn)
    tables: dict[str, int] = {}
    try:
        for table in CORE_TABLES:
            if not any(t == table and s != MART_SCHEMA for s, t in existing):
                continue
            if table == "summary_embeddings":
                model = (embed_model or "").replace("'", "''")
                select = (
                    f"SELECT e.* FROM summary_embeddings e WHERE e.model = '{model}' AND "
                    "e.text_hash IN (SELECT DISTINCT text_hash FROM facet_summaries "
                    "WHERE text_hash IS NOT NULL)"
                )
            elif table == "phrase_embeddings":  # names' candidate phrases, the same model
                model = (embed_model or "").replace("'", "''")
                select = f"SELECT * FROM phrase_embeddings WHERE model = '{model}'"
            else:
                select = f"SELECT * FROM {table}"
            tables[table] = _copy(conn, select, partial / f"{table}.parquet")
        for schema, table in sorted(existing):
            if schema != MART_SCHEMA:
                continue
            tables[f"{MART_SCHEMA}.{table}"] = _copy(
                conn, f'SELECT * FROM {MART_SCHEMA}."{table}"', partial / f"marts__{table}.parquet"
            )
        manifest = {
            "name": name,
            "published_at": datetime.now(UTC).isoformat(),
            "embed_model": embed_model,
            "tables": tables,
        }
        (partial / "manifest.json").write_text(json.dumps(manifest, indent=2))
        final = snapshot_dir / name
        partial.rename(final)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise

    previous = current_snapshot(snapshot_dir)
    _write_pointer(snapshot_dir, name)
    _prune(snapshot_dir, keep={name, previous.name if previous else ""})
    return final


def _write_pointer(snapshot_dir: Path, name: str) -> None:
    tmp = snapshot_dir / f".{POINTER}.{os.getpid()}.tmp"
    tmp.write_text(name + "\n")
    os.replace(tmp, snapshot_dir / POINTER)


def _prune(snapshot_dir: Path, keep: set[str]) -> None:
    """Delete snapshots older than those kept. Two publishers at once (two explorers starting
    on one home, each from a read-only open) must not delete each other's: the one the pointer
    names now and any stamped after ours stay (names sort by their UTC stamp)."""
    now = time.time()
    current = current_snapshot(snapshot_dir)
    keep = {k for k in keep if k} | ({current.name} if current else set())
    newest = max(keep)
    for child in snapshot_dir.iterdir():
        if (
            child.is_dir()
            and child.name.startswith(PREFIX)
            and child.name not in keep
            and child.name < newest
            or (
                child.is_dir()
                and child.name.endswith(PARTIAL_SUFFIX)
                and now - child.stat().st_mtime > 3600  # a crashed publisher's leftovers
            )
        ):
            shutil.rmtree(child, ignore_errors=True)


def current_snapshot(snapshot_dir: Path) -> Path | None:
    """The folder the pointer names, or None when nothing has been published yet."""
    pointer = Path(snapshot_dir) / POINTER
    try:
        name = pointer.read_text().strip()
    except FileNotFoundError:
        return None
    if not name.startswith(PREFIX) or "/" in name or "\\" in name:
        return None
    folder = Path(snapshot_dir) / name
    return folder if folder.is_dir() else None
