"""Synthetic topic corpora for the topic-map and classification tests: no model, fast, known
truth. Texts get embeddings near one random centre per topic."""

from __future__ import annotations

from datetime import date, timedelta

import duckdb
import numpy as np

from factories import insert_embeddings, insert_rows
from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.facets.definitions import text_hash

VOCAB = [
    ("export", "dashboard", "csv"),
    ("reset", "password", "login"),
    ("cancel", "subscription", "refund"),
    ("invite", "teammate", "workspace"),
    ("connect", "slack", "integration"),
    ("change", "billing", "address"),
]
FILLER = ["quickly", "today", "again", "now", "please", "properly", "for report", "for team"]


def corpus(
    k: int = 5, per: int = 40, *, seed: int = 0, noise: float = 0.35, dim: int = warehouse.EMBED_DIM,
    groups: int = 0,
) -> tuple[list[str], np.ndarray, list[int]]:  # fmt: skip
    """k well-separated topics × `per` unique texts, with embeddings near one centre per topic.
    `groups` > 0: topics t and t + groups, t + 2 groups, ... share a group direction (related
    requests, for parents: the filler words every topic says join none of them)."""
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(k, dim))
    if groups:
        shared = rng.normal(size=(groups, dim))
        centres = centres / np.linalg.norm(centres, axis=1, keepdims=True)
        shared /= np.linalg.norm(shared, axis=1, keepdims=True)
        centres += 2 * shared[np.arange(k) % groups]  # siblings' centres: cosine ~0.8
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
    conn: duckdb.DuckDBPyConnection,
    texts: list[str],
    x: np.ndarray,
    *,
    facet: str = "Task",
    start: date = date(2026, 11, 1),
    days: int = 1,
    statuses: list[str] | None = None,
    prefix: str = "t",
) -> None:
    """facet_summaries rows (trace `<prefix>-00000`, ...) spread over `days` days, plus their
    cached embeddings."""
    statuses = statuses or ["ok"] * len(texts)
    rows = [
        {
            "day": start + timedelta(days=i % days),
            "trace_id": f"{prefix}-{i:05d}",
            "facet": facet,
            "summary": text,
            "status": status,
            "text_hash": text_hash(text),
        }
        for i, (text, status) in enumerate(zip(texts, statuses, strict=True))
    ]
    insert_rows(conn, "facet_summaries", rows)
    insert_embeddings(conn, texts, x)


def write_map(
    conn: duckdb.DuckDBPyConnection,
    facet: str,
    parents: dict,
    subs: dict,
    day: date = date(2026, 11, 1),
) -> str:
    """parents: id -> (label, facet_label); subs: id -> (parent id, label, centroid or None)."""
    map_id = f"{facet}@{day.isoformat()}"
    insert_rows(
        conn,
        "topic_maps",
        [
            dict(map_id=map_id, facet=facet, day=day, status="built",
                 embed_model=warehouse.PACKAGED_MODEL_ID)
        ],
    )  # fmt: skip
    size = {p: sum(1 for s in subs.values() if s[0] == p) for p in parents}
    rows = [
        dict(facet=facet, map_id=map_id, topic_id=p, label=label, level="parent",
             facet_label=key, size=size[p])
        for p, (label, key) in parents.items()
    ] + [
        dict(facet=facet, map_id=map_id, topic_id=s, label=label, level="sub", parent_id=p,
             facet_label=parents[p][1], centroid=c, size=1)
        for s, (p, label, c) in subs.items()
    ]  # fmt: skip
    insert_rows(conn, "topics", rows)
    return map_id


class F:  # stands in for core.facets.Facet: the topic stages only need .name
    def __init__(self, name: str) -> None:
        self.name = name
