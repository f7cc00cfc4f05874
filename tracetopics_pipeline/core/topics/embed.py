"""The embed stage: facet summaries → vectors, cached in the warehouse by text hash × model id.

Facet summaries repeat a lot, so every distinct text is embedded once per model, ever:
`embed_days` only embeds hashes that `summary_embeddings` does not hold for the configured
model. The model id carries the dimension ('...@384'), the registry `embedding_models` maps
a model's name to its id, and nothing reads vectors without naming the id: switching models
never mixes vectors (docs/configuration.md "Embedding model").
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np
import polars as pl

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.spend import ledger
from tracetopics_pipeline.core.topics.embedders import Embedder, make_embedder, model_id
from tracetopics_pipeline.core.warehouse import first_row, query_pl

if TYPE_CHECKING:
    import duckdb

# The facet stage fills facet_summaries.text_hash with sha1(summary); rows written without it
# fall back to the same hash computed in SQL, so the cache key is identical either way.
HASH_SQL = "coalesce(text_hash, sha1(summary))"

STORE_BLOCK = 10_000  # texts embedded per write to the cache


def registered_model_id(conn: duckdb.DuckDBPyConnection, embedder: Embedder) -> str | None:
    """The id the embedder's vectors are cached under: known up front for the packaged model,
    else the latest registered for its name; None when it never embedded anything here."""
    if embedder.kind == "packaged" and embedder.dim:
        return model_id(embedder.name, embedder.dim)
    row = first_row(
        conn,
        "SELECT model_id FROM embedding_models WHERE name = ? "
        "ORDER BY registered_at DESC, model_id LIMIT 1",
        [embedder.name],
    )
    return row[0] if row else None


def configured_model_id(conn: duckdb.DuckDBPyConnection, settings: Settings) -> str | None:
    """The id of TRACETOPICS_EMBED_MODEL's vectors here (None when it never embedded)."""
    return registered_model_id(conn, make_embedder(settings))


def register_model(conn: duckdb.DuckDBPyConnection, embedder: Embedder, dim: int) -> str:
    mid = model_id(embedder.name, dim)
    conn.execute(
        "INSERT INTO embedding_models (model_id, name, dim) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
        [mid, embedder.name, dim],
    )
    return mid


@dataclass
class EmbedStats:
    days: list[str]
    texts: int  # non-null ok summaries in those days
    unique: int  # distinct texts among them
    cached: int  # distinct texts already embedded for this model
    embedded: int  # distinct texts embedded by this run
    seconds: float
    model: str = ""  # model id (name@dim)
    skipped_budget: int = 0  # distinct texts left unembedded by the spend budget
    usage: dict[str, Any] = field(default_factory=dict)

    @property
    def texts_per_s(self) -> float:
        return self.embedded / self.seconds if self.seconds > 0 else 0.0

    def metadata(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "days": ", ".join(self.days),
            "model": self.model,
            "texts": self.texts,
            "unique": self.unique,
            "cached": self.cached,
            "embedded": self.embedded,
            "skipped_budget": self.skipped_budget,
            "seconds": round(self.seconds, 2),
            "texts_per_s": round(self.texts_per_s, 1),
            "unique_ratio": round(self.unique / self.texts, 4) if self.texts else 0.0,
        }
        d.update({f"usage_{k}": v for k, v in self.usage.items() if k != "skipped_budget"})
        return d


def embed_days(
    conn: duckdb.DuckDBPyConnection,
    days: Iterable[date],
    *,
    settings: Settings,
    embedder: Embedder | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> EmbedStats:
    """Embed the distinct ok summaries of `days` not yet cached for the configured model.

    Only status='ok' summaries are embedded: excluded, skipped and errored rows never reach a
    topic map and are classified no_match without a vector.
    """
    t0 = time.perf_counter()
    embedder = embedder or make_embedder(settings)
    days = sorted(set(days))
    counts = first_row(
        conn,
        f"""
        SELECT count(*) AS texts, count(DISTINCT {HASH_SQL}) AS uniq
        FROM facet_summaries
        WHERE day IN (SELECT unnest(?::DATE[])) AND status = 'ok' AND summary IS NOT NULL
        """,
        [days],
    )
    todo = query_pl(
        conn,
        f"""
        SELECT h AS text_hash, text FROM (
            SELECT {HASH_SQL} AS h, min(summary) AS text
            FROM facet_summaries
            WHERE day IN (SELECT unnest(?::DATE[])) AND status = 'ok' AND summary IS NOT NULL
            GROUP BY h
        ) s
        WHERE NOT EXISTS (
            SELECT 1 FROM summary_embeddings e WHERE e.text_hash = s.h AND e.model = ?
        )
        ORDER BY h
        """,
        [days, registered_model_id(conn, embedder) or ""],
    )
    texts, uniq = int(counts[0]), int(counts[1])
    embedded = _embed_and_store(conn, todo, embedder, progress=progress) if len(todo) else 0
    return EmbedStats(
        days=[d.isoformat() for d in days],
        texts=texts,
        unique=uniq,
        cached=uniq - len(todo),
        embedded=embedded,
        skipped_budget=len(todo) - embedded,
        seconds=time.perf_counter() - t0,
        model=registered_model_id(conn, embedder) or embedder.name,
        usage=embedder.usage.metadata(),
    )


def vectors(series: pl.Series) -> np.ndarray:
    """A FLOAT[] (list) or FLOAT[n] (array) column as a float32 matrix (rows, dim)."""
    if len(series) == 0:
        return np.zeros((0, 0), dtype=np.float32)
    if isinstance(series.dtype, pl.Array):
        return np.ascontiguousarray(series.to_numpy(), dtype=np.float32)
    lengths = series.list.len()
    if lengths.min() != lengths.max():
        raise ValueError(f"vectors of several dimensions in one read: {lengths.unique().to_list()}")
    flat = series.explode().to_numpy().astype(np.float32, copy=False)
    return np.ascontiguousarray(flat.reshape(len(series), -1))


def frame_to_matrix(df: pl.DataFrame, col: str = "embedding") -> tuple[list[str], np.ndarray]:
    """(text_hash list, float32 matrix) from a frame holding text_hash and a vector column."""
    return df["text_hash"].to_list(), vectors(df[col])


def load_embeddings(
    conn: duckdb.DuckDBPyConnection, hashes: list[str], *, model: str | None
) -> tuple[list[str], np.ndarray]:
    """Vectors of `model` (an id) for `hashes` (those present), as (hashes, float32 matrix)."""
    if not hashes or not model:
        return [], np.zeros((0, 0), dtype=np.float32)
    conn.register("_tt_hashes", pl.DataFrame({"h": hashes}))
    try:
        df = query_pl(
            conn,
            """
            SELECT e.text_hash, e.embedding FROM summary_embeddings e
            JOIN (SELECT DISTINCT h FROM _tt_hashes) q ON q.h = e.text_hash
            WHERE e.model = ?
            """,
            [model],
        )
    finally:
        conn.unregister("_tt_hashes")
    return frame_to_matrix(df)


def ensure_embeddings(
    conn: duckdb.DuckDBPyConnection,
    texts: pl.DataFrame,
    *,
    settings: Settings,
    embedder: Embedder | None = None,
) -> int:
    """Embed and cache the rows of `texts` (text_hash, text) missing for the configured model;
    returns how many were embedded. Lets later stages run even when an embed partition was
    skipped."""
    if len(texts) == 0:
        return 0
    embedder = embedder or make_embedder(settings)
    conn.register("_tt_need", texts.select("text_hash", "text").unique("text_hash"))
    try:
        todo = query_pl(
            conn,
            """
            SELECT n.text_hash, n.text FROM _tt_need n
            WHERE NOT EXISTS (SELECT 1 FROM summary_embeddings e
                              WHERE e.text_hash = n.text_hash AND e.model = ?)
            ORDER BY n.text_hash
            """,
            [registered_model_id(conn, embedder) or ""],
        )
    finally:
        conn.unregister("_tt_need")
    if len(todo) == 0:
        return 0
    return _embed_and_store(conn, todo, embedder)


def _embed_and_store(
    conn: duckdb.DuckDBPyConnection,
    todo: pl.DataFrame,
    embedder: Embedder,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Embed `todo` (text_hash, text) in hash order and append it to the cache; returns rows
    written (fewer than `todo` only when the spend budget stopped the embedder).

    Written in blocks with their spend, so an interrupted run keeps what it embedded (and paid
    for) and memory stays flat."""
    hashes, texts = todo["text_hash"].to_list(), todo["text"].to_list()
    done = 0
    held: list[np.ndarray] = []
    written = 0

    def flush() -> None:
        nonlocal held, written
        if held:
            vecs = np.concatenate(held)
            mid = register_model(conn, embedder, vecs.shape[1])
            n = len(vecs)
            frame = pl.DataFrame(
                {
                    "text_hash": hashes[written : written + n],
                    "model": [mid] * n,
                    "embedding": pl.Series(vecs, dtype=pl.Array(pl.Float32, vecs.shape[1])).cast(
                        pl.List(pl.Float32)
                    ),
                    "text": texts[written : written + n],
                }
            )
            warehouse.insert_frame(conn, "summary_embeddings", frame)
            written += n
            held = []
        ledger.record(conn, embedder.budget)

    try:
        for vecs in embedder.batches(texts, progress):
            held.append(vecs)
            done += len(vecs)
            if done - written >= STORE_BLOCK:
                flush()
    finally:
        flush()
    return written
