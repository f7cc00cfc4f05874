"""Clustering and describing: texts + embeddings → topics with keywords, labels, a 2-D layout.

`cluster_texts` is the one implementation of "cluster these summaries": the daily maps and the
explorer's on-demand clustering of a subset both call it. Order-invariant and seeded.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from tracetopics_pipeline.core.topics import cluster as algo
from tracetopics_pipeline.core.topics.ctfidf import ctfidf_keywords
from tracetopics_pipeline.core.topics.labels.labellers import (
    Labeler,
    LocalLabeler,
    OpenAILabeler,
    TopicDescription,
)
from tracetopics_pipeline.core.topics.labels.naming import EmbedFn, NamingParams, naming_inputs

if TYPE_CHECKING:
    from tracetopics_pipeline.core.settings import Settings

N_REPRESENTATIVES = 5


@dataclass
class TopicInfo:
    topic_id: int
    label: str
    keywords: list[str]
    size: int
    share: float
    centroid: np.ndarray
    representatives: list[str]
    x: float
    y: float
    label_source: str = "local"
    pinned: bool = False
    radius: float | None = None  # a fine topic's, set when a map is built (maps.set_radii)


@dataclass
class ClusterResult:
    labels: np.ndarray  # per input doc, in input order; -1 = no_match
    coords: np.ndarray  # (n, 2), in input order
    topics: list[TopicInfo]  # topic_id = index into labels' values, by size desc
    algorithm: str
    params: dict[str, Any]
    seconds: float = 0.0

    @property
    def no_match_share(self) -> float:
        return float((self.labels < 0).mean()) if len(self.labels) else 0.0


def _hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def cluster_texts(
    texts: list[str],
    embeddings: np.ndarray,
    *,
    settings: Settings,
    seed: int = 42,
    labeler: Labeler | None = None,
    facet: str = "Task",
    params: algo.ClusterParams | None = None,
    previous: list[int] | None = None,
    weights: list[float] | None = None,
    embed: EmbedFn | None = None,
) -> ClusterResult:
    """Cluster and describe `texts` (rows of `embeddings`). Order-invariant and seeded.

    `previous` (optional, aligned with `texts`): each text's topic id in the previous map or
    -1; pieces of one previous topic that stayed close are re-joined (stable ids). `weights`
    (optional, aligned): traces per text, which names favour. `embed` (texts → vectors in the
    space of `embeddings`) scores candidate names; the packaged model when not given.
    """
    t0 = time.perf_counter()
    n = len(texts)
    p = params or algo.ClusterParams()
    if n == 0:
        return ClusterResult(np.zeros(0, np.int64), np.zeros((0, 2)), [], settings.algorithm, {})
    # Same input in any order → same topics: cluster in text-hash order, map back at the end.
    order = np.array(sorted(range(n), key=lambda i: (_hash(texts[i]), i)), dtype=np.int64)
    s_texts = [texts[i] for i in order]
    x = np.asarray(embeddings, dtype=np.float32)[order]
    x = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
    with algo.one_blas_thread():
        labels, coords = algo.cluster_embeddings(
            x,
            algorithm=settings.algorithm,
            seed=seed,
            max_distance=settings.no_match_distance,
            params=p,
            texts=s_texts,
        )
        w = None if weights is None else np.asarray(weights, dtype=float)[order]
        pool: dict[str, float] = {}
        if p.second_pass and settings.algorithm == "umap_hdbscan":
            t_pool = time.perf_counter()
            labels = algo.second_pass(
                x, labels, max_distance=settings.no_match_distance,
                min_size=p.min_cluster_size or algo.auto_min_cluster_size(n),
                weights=np.ones(n) if w is None else w, stats=pool,
            )  # fmt: skip
            pool["seconds"] = round(time.perf_counter() - t_pool, 2)
        if previous is not None:
            prev = np.asarray(previous, dtype=np.int64)[order]
            labels = algo.merge_split_children(x, labels, prev)
        topics = describe(
            s_texts, x, labels, coords, labeler=labeler, facet=facet, weights=w, embed=embed
        )
    inv = np.empty_like(order)
    inv[order] = np.arange(n)
    mcs = p.min_cluster_size or algo.auto_min_cluster_size(n)
    return ClusterResult(
        labels=labels[inv],
        coords=coords[inv],
        topics=topics,
        algorithm=settings.algorithm,
        params={
            "seed": seed,
            "n_neighbors": p.n_neighbors,
            "umap_epochs": p.umap_epochs,
            "min_cluster_size": mcs,
            "min_samples": p.min_samples,
            "selection": p.selection,
            "refine_iters": p.refine_iters,
            "merge_distance": p.merge_distance,
            "lexical_weight": p.lexical_weight,
            "second_pass": p.second_pass,
            **({"pool": pool} if pool else {}),  # its size, rounds and time (cluster.pool_topics)
            "no_match_distance": settings.no_match_distance,
        },
        seconds=time.perf_counter() - t0,
    )


def describe(
    texts: list[str],
    x: np.ndarray,
    labels: np.ndarray,
    coords: np.ndarray,
    *,
    labeler: Labeler | None = None,
    facet: str = "Task",
    weights: np.ndarray | None = None,
    embed: EmbedFn | None = None,
    naming_texts: list[str] | None = None,
    naming: NamingParams | None = None,
    parents: dict[int, str] | None = None,
    avoid: dict[int, set[str]] | None = None,
) -> list[TopicInfo]:
    """Keywords, centroid, representatives, position and label for each topic 0..k-1.

    Names are phrases of the topic's own texts (`labels.name_topics`), or of `naming_texts`
    (one per text: the part of it a name may come from), with `naming`'s rules (a labelled
    facet's: `NamingParams.held`) and, per topic, the name of the label it is the only
    subtopic of (`parents`), and not the names in `avoid` (per topic: its label's, where the
    label has other subtopics); the OpenAI-compatible labeller, when given, names from the
    descriptions and falls back to them."""
    k = int(labels.max()) + 1 if len(labels) else 0
    if k <= 0:
        return []
    keywords = ctfidf_keywords(texts, labels)
    cents = algo.centroids(x, labels, k)
    sims = np.einsum("ij,ij->i", x, cents[np.maximum(labels, 0)])
    descs: list[TopicDescription] = []
    reps_all: list[list[str]] = []
    for t in range(k):
        members = np.flatnonzero(labels == t)
        # Most central first; ties by text so the choice does not depend on row order.
        ordered = members[np.lexsort(([texts[i] for i in members], -sims[members]))]
        reps: list[str] = []
        for i in ordered:
            if texts[i] not in reps:
                reps.append(texts[i])
            if len(reps) >= N_REPRESENTATIVES:
                break
        reps_all.append(reps)
        descs.append(TopicDescription(t, keywords.get(t, []), reps, size=len(members)))
    named = naming_inputs(naming_texts or texts, x, labels, cents, weights, keywords)
    for d, n in zip(descs, named, strict=True):
        d.naming = n
        n.parent = (parents or {}).get(d.topic_id, "")
        n.avoid |= (avoid or {}).get(d.topic_id, set())
    # Contrast (Clio): central summaries of the two nearest other topics.
    csim = cents @ cents.T
    np.fill_diagonal(csim, -np.inf)
    for t in range(k):
        for nb in np.argsort(-csim[t], kind="stable")[:2] if k > 1 else []:
            descs[t].contrast.extend(reps_all[int(nb)][:2])
    names = LocalLabeler(embed, naming).label(facet, descs)
    if isinstance(labeler, OpenAILabeler):
        names = labeler.label(facet, descs, local=names)
    elif labeler is not None and not isinstance(labeler, LocalLabeler):
        names = {**names, **labeler.label(facet, descs)}
    source = getattr(labeler, "name", "local") if labeler is not None else "local"
    n = len(labels)
    out = []
    for t, d in enumerate(descs):
        members = labels == t
        out.append(
            TopicInfo(
                topic_id=t,
                label=names.get(t) or f"Topic {t}",
                keywords=d.keywords,
                size=int(members.sum()),
                share=float(members.sum() / n),
                centroid=cents[t],
                representatives=d.representatives,
                x=float(np.median(coords[members, 0])),
                y=float(np.median(coords[members, 1])),
                label_source=source,
            )
        )
    return out
