"""The topic names' candidate phrases, kept with their vectors in the warehouse.

Naming embeds every topic's candidate phrases (labels.name_topics): ~1,400 phrases and ~3.5
CPU-seconds with the packaged model for 1,000 summaries, most of it the same phrases every day.
The daily map records what it named with (`memo.recording`) and `store_phrases` keeps those
vectors in `phrase_embeddings` (text hash x model id, as summary_embeddings); the snapshot
carries the configured model's, and the explorer loads them into the process's memo
(`remember_phrases`), so clustering a subset pays the model only for phrases no map has seen.
Phrases no map used for KEEP_DAYS before the newest day any map wrote are dropped, whatever
their model: the table stays the size of a month's vocabulary.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

import numpy as np
import polars as pl

from tracetopics_pipeline.core.facets.definitions import text_hash
from tracetopics_pipeline.core.topics.embedders.memo import MAX_BYTES, remember

if TYPE_CHECKING:
    import duckdb

    from tracetopics_pipeline.core.topics.embedders import Embedder

KEEP_DAYS = 30


def store_phrases(
    conn: duckdb.DuckDBPyConnection, phrases: dict[str, np.ndarray], *, model: str, day: date
) -> int:
    """Upsert the phrases a map of `day` named with (their vectors of `model`, an id); drop
    those (of any model) no map used in the KEEP_DAYS before the newest. Returns the rows
    written."""
    if not phrases or not model:
        return 0
    texts = sorted(phrases)
    vecs = np.stack([np.asarray(phrases[t], np.float32) for t in texts])
    frame = pl.DataFrame(
        {
            "text_hash": [text_hash(t) for t in texts],
            "model": [model] * len(texts),
            "embedding": pl.Series(vecs, dtype=pl.Array(pl.Float32, vecs.shape[1])).cast(
                pl.List(pl.Float32)
            ),
            "text": texts,
            "last_used": [day] * len(texts),
        }
    )
    conn.register("_tt_phrases", frame)
    try:
        conn.execute(
            """INSERT INTO phrase_embeddings
               SELECT text_hash, model, embedding, text, last_used FROM _tt_phrases
               ON CONFLICT (text_hash, model)
               DO UPDATE SET last_used = greatest(last_used, excluded.last_used)"""
        )
    finally:
        conn.unregister("_tt_phrases")
    # Over every model: a model no longer configured stops moving its own newest day, so its
    # rows age out against the newest day any map wrote.
    conn.execute(
        """DELETE FROM phrase_embeddings WHERE last_used <
             (SELECT max(last_used) FROM phrase_embeddings) - ?::INTEGER""",
        [KEEP_DAYS],
    )
    return len(texts)


def remember_phrases(
    conn: duckdb.DuckDBPyConnection, embedder: Embedder, *, model: str | None
) -> int:
    """Load the stored phrases of `model` (the embedder's id) into the process's memo, most
    recently used first, within half the memo's bound. Returns how many."""
    if not model:
        return 0
    dim = int(model.rsplit("@", 1)[-1]) if model.rsplit("@", 1)[-1].isdigit() else 384
    limit = max(1, (MAX_BYTES // 2) // (4 * dim))
    tbl = conn.sql(
        """SELECT text, embedding FROM phrase_embeddings WHERE model = ?
           ORDER BY last_used DESC, text_hash LIMIT ?""",
        params=[model, limit],
    ).to_arrow_table()
    if not tbl.num_rows:
        return 0
    flat = tbl.column("embedding").combine_chunks().flatten().to_numpy()
    vecs = np.asarray(flat, dtype=np.float32).reshape(tbl.num_rows, -1)
    if embedder.dim and vecs.shape[1] != embedder.dim:
        return 0
    remember(embedder, tbl.column("text").to_pylist(), vecs)
    return tbl.num_rows
