"""Synthetic topic corpora for the topics/classify tests: no model, fast, known truth."""

from __future__ import annotations

import hashlib
from datetime import date, timedelta

import numpy as np
import polars as pl

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.topics import embed

VOCAB = [
    ("export", "dashboard", "csv"),
    ("reset", "password", "login"),
    ("cancel", "subscription", "refund"),
    ("invite", "teammate", "workspace"),
    ("connect", "slack", "integration"),
    ("change", "billing", "address"),
]
FILLER = ["quickly", "today", "again", "now", "please", "properly", "for report", "for team"]


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def corpus(
    k: int = 5, per: int = 40, *, seed: int = 0, noise: float = 0.35, dim: int = warehouse.EMBED_DIM
) -> tuple[list[str], np.ndarray, list[int]]:
    """k well-separated topics × `per` unique texts, with embeddings near one centre per topic."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(k, dim))
    texts, vecs, truth = [], [], []
    for t in range(k):
        verb, noun, obj = VOCAB[t % len(VOCAB)]
        for i in range(per):
            texts.append(f"{verb.capitalize()} {noun} {obj} {FILLER[i % len(FILLER)]} {i}")
            vecs.append(
                centres[t] / np.linalg.norm(centres[t])
                + noise * rng.normal(size=dim) / np.sqrt(dim)
            )
            truth.append(t)
    x = np.asarray(vecs, dtype=np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    return texts, x, truth


def load_summaries(
    conn,
    texts: list[str],
    x: np.ndarray,
    *,
    facet: str = "Task",
    start: date = date(2026, 11, 1),
    days: int = 1,
    statuses: list[str] | None = None,
    prefix: str = "t",
) -> None:
    """facet_summaries rows spread over `days` days, plus their cached embeddings."""
    n = len(texts)
    statuses = statuses or ["ok"] * n
    frame = pl.DataFrame(
        {
            "day": [start + timedelta(days=i % days) for i in range(n)],
            "trace_id": [f"{prefix}-{i:05d}" for i in range(n)],
            "facet": [facet] * n,
            "summary": texts,
            "status": statuses,
            "text_hash": [sha1(t) for t in texts],
        }
    )
    warehouse.insert_frame(conn, "facet_summaries", frame)
    have = {r[0] for r in conn.execute("SELECT text_hash FROM summary_embeddings").fetchall()}
    keep = [i for i in range(n) if sha1(texts[i]) not in have]
    keep = list({sha1(texts[i]): i for i in keep}.values())
    if keep:
        emb = pl.DataFrame(
            {
                "text_hash": [sha1(texts[i]) for i in keep],
                "model": [embed.MODEL_NAME] * len(keep),
                "embedding": pl.Series(x[keep], dtype=pl.Array(pl.Float32, warehouse.EMBED_DIM)),
                "text": [texts[i] for i in keep],
            }
        )
        warehouse.insert_frame(conn, "summary_embeddings", emb)


class F:  # stands in for core.facets.Facet: the topic stages only need .name
    def __init__(self, name: str) -> None:
        self.name = name
