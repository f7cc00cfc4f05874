"""Parent topics: group a map's fine topics into a few readable parents, with stable ids.

The fine map (UMAP + HDBSCAN) splits one user need into its phrasings and sub-cases ("chart
blank in Firefox", "chart labels overlap"); a product manager reads the parents. Parents are
an average-linkage agglomeration of the fine topics on a distance that joins two views:

- embedding: cosine between the fine centroids after removing their common mean (all short
  requests share one direction in all-MiniLM-L6-v2; without it, every pair looks alike);
- lexical: cosine between the topics' TF-IDF word profiles (a topic's member texts as one
  document), since siblings share the words that name the product area.

The number of parents comes from the data: the cut of the dendrogram with the best silhouette
(on the same distance), between 2 and half the fine topics, and never one that joins groups
further apart than `max_merge_distance` on average (a small subset's unrelated subtopics stay
apart instead of sharing two or three parents). Order-invariant: topics are
processed in a canonical order (by centroid bytes), so the result does not depend on how the
caller lists them. Parent ids are matched to the previous map's parents through their member
texts (`identity.match_topics`), exactly like fine ids.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

import numpy as np

from tracetopics_pipeline.core.topics.identity import Matching, TopicSide, match_topics


@dataclass(frozen=True)
class HierarchyParams:
    lexical_weight: float = 0.5  # share of the lexical distance in the joined distance
    linkage: str = "average"
    min_parents: int = 2
    max_share: float = 0.5  # at most this share of the fine topics as parents (k/2)
    tolerance: float = 0.02  # silhouette yesterday's grouping may lose before it is redone
    # Two topics alone share a parent up to this cosine distance of their centroids (siblings
    # in the demo's Task map: 10th percentile 0.39, median 0.56; a paraphrase pair ~0.1-0.3).
    pair_distance: float = 0.35
    # No parent joins groups whose average distance (the joined distance) exceeds this:
    # unrelated subtopics never share a parent, however few there are. The silhouette alone
    # picks 2-3 parents over a small subset's 10 unrelated subtopics. Demo dev, 3,000 traces:
    # same-intent topic pairs median 0.69, different intents 5th percentile 0.80.
    max_merge_distance: float = 0.8


@dataclass
class Parents:
    """Parent of each fine topic (index into the caller's topic list) and what chose them."""

    of_topic: np.ndarray  # (k,) parent index 0..P-1, parents numbered by size desc
    n_parents: int
    silhouette: float
    params: dict = field(default_factory=dict)
    curve: dict[int, float] = field(default_factory=dict)  # parents -> silhouette


def _canonical_order(centroids: np.ndarray) -> np.ndarray:
    keys = [
        hashlib.sha1(np.ascontiguousarray(c, np.float32).tobytes()).hexdigest() for c in centroids
    ]
    return np.array(sorted(range(len(keys)), key=lambda i: keys[i]), dtype=np.int64)


def _cosine_distance(v: np.ndarray) -> np.ndarray:
    v = v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)
    d = np.clip(1.0 - v @ v.T, 0.0, 2.0)
    np.fill_diagonal(d, 0.0)
    return (d + d.T) / 2


def lexical_profiles(texts: list[str], labels: np.ndarray, k: int) -> np.ndarray | None:
    """TF-IDF (sublinear, English stop words removed) of each topic's texts as one document."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    docs = [" ".join(texts[i] for i in np.flatnonzero(labels == t)) for t in range(k)]
    try:
        m = TfidfVectorizer(stop_words="english", sublinear_tf=True, min_df=2).fit_transform(docs)
    except ValueError:  # empty vocabulary
        return None
    return m.toarray()


def topic_distance(
    centroids: np.ndarray, profiles: np.ndarray | None, *, lexical_weight: float
) -> np.ndarray:
    c = np.asarray(centroids, dtype=np.float64)
    d = _cosine_distance(c - c.mean(axis=0))
    if profiles is not None and lexical_weight > 0:
        d = (1.0 - lexical_weight) * d + lexical_weight * _cosine_distance(profiles)
    return d


def _silhouette(d: np.ndarray, labels: np.ndarray) -> float:
    from sklearn.metrics import silhouette_score

    if len(set(labels.tolist())) < 2 or len(set(labels.tolist())) >= len(labels):
        return -1.0
    return float(silhouette_score(d, labels, metric="precomputed"))


def group_topics(
    centroids: np.ndarray,
    profiles: np.ndarray | None = None,
    sizes: np.ndarray | None = None,
    *,
    params: HierarchyParams | None = None,
    previous: np.ndarray | None = None,
) -> Parents:
    """Parents for k fine topics (rows of `centroids`, optional lexical `profiles`, sizes).

    `previous` (optional, aligned with the topics): each fine topic's parent in the previous
    map, -1 for a new topic. That grouping is kept (new topics joining the nearest parent
    within today's cut height) unless its silhouette falls more than `tolerance` below today's
    best cut: re-cutting every day flips topics between near-equal dendrogram levels."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    p = params or HierarchyParams()
    k = len(centroids)
    prev = None if previous is None else np.asarray(previous, dtype=np.int64)
    sizes = np.ones(k) if sizes is None else np.asarray(sizes, dtype=float)
    if k <= 2:
        # No silhouette below three topics. Two topics share a parent only when nearly the same
        # request: one parent over two unrelated ones would be named after one and misname the
        # other (a small subset's "cancel" and "CSV export").
        if k == 2 and _cosine_distance(np.asarray(centroids))[0, 1] > p.pair_distance:
            tie = int(_canonical_order(centroids)[0])  # order-invariant when sizes are equal
            big = 0 if sizes[0] > sizes[1] else 1 if sizes[1] > sizes[0] else tie
            return Parents(np.array([0, 1] if big == 0 else [1, 0]), 2, -1.0, {"k": k})
        return Parents(np.zeros(k, np.int64), min(k, 1), -1.0, {"k": k})
    order = _canonical_order(centroids)
    c = np.asarray(centroids)[order]
    prof = None if profiles is None else np.asarray(profiles)[order]
    d = topic_distance(c, prof, lexical_weight=p.lexical_weight)
    z = linkage(squareform(d, checks=False), method=p.linkage)
    # the fewest parents with no merge above the ceiling
    floor = len(set(fcluster(z, p.max_merge_distance, criterion="distance").tolist()))
    lo = max(p.min_parents, floor)
    hi = max(lo, int(k * p.max_share))
    curve: dict[int, float] = {}
    cuts: dict[int, np.ndarray] = {}
    for n in range(lo, hi + 1):
        lab = fcluster(z, n, criterion="maxclust")
        got = len(set(lab.tolist()))
        if got not in curve:
            curve[got], cuts[got] = _silhouette(d, lab), lab - 1
    best = _choose(curve, z)
    best_s = curve[best]
    lab = cuts[best]
    carried = False
    if prev is not None and (prev >= 0).any():
        # The grouping carried over from yesterday stays while it is nearly as good as today's
        # best cut: ids then never churn on a one-day shift, and a real drift still regroups.
        height = float(z[k - best, 2]) if best > 1 else np.inf  # the first merge not made
        kept = _carry_over(d, prev[order], height)
        s_kept = _silhouette(d, kept)
        if s_kept >= best_s - p.tolerance:
            lab, best_s, carried = kept, s_kept, True
    best = int(lab.max() + 1)
    # Number parents by size (desc), ties by their first topic in canonical order.
    psize = np.bincount(lab, weights=sizes[order])
    first = np.array([np.flatnonzero(lab == q)[0] for q in range(lab.max() + 1)])
    rank = np.empty(len(psize), np.int64)
    rank[np.lexsort((first, -psize))] = np.arange(len(psize))
    out = np.empty(k, np.int64)
    out[order] = rank[lab]
    return Parents(
        out,
        int(lab.max() + 1),
        best_s,
        {
            "k": k,
            "lexical_weight": p.lexical_weight,
            "linkage": p.linkage,
            "carried": carried,
            "floor": floor,
        },
        curve,
    )


def _choose(curve: dict[int, float], z: np.ndarray) -> int:
    """The number of parents: the best silhouette, equal ones to the fewest parents. (`z`, the
    dendrogram, is for other readings of the curve: bench/parent_cut.py tries several.)"""
    top = max(curve.values())
    return min(n for n, s in curve.items() if s >= top - 1e-9)


def _carry_over(d: np.ndarray, prev: np.ndarray, height: float) -> np.ndarray:
    """Yesterday's parents for known topics; a new topic joins the parent at the smallest
    average distance if it is under `height`, else new topics group among themselves."""
    k = len(prev)
    _, lab = np.unique(prev[prev >= 0], return_inverse=True)
    out = np.full(k, -1, dtype=np.int64)
    out[prev >= 0] = lab
    n = int(out.max()) + 1
    for i in np.flatnonzero(prev < 0):  # canonical order: deterministic
        dist = [d[i, out == q].mean() for q in range(n)]
        q = int(np.argmin(dist)) if dist else -1
        if q >= 0 and dist[q] < height:
            out[i] = q
        else:
            out[i] = n
            n += 1
    return _compact(out)


def _compact(lab: np.ndarray) -> np.ndarray:
    _, inv = np.unique(lab, return_inverse=True)
    return inv.astype(np.int64)


def parent_side(
    ids: list[int], of_topic: np.ndarray, members: list[set[str]], centroids: np.ndarray,
    sizes: np.ndarray,
) -> TopicSide:  # fmt: skip
    """Parents as identity sees them: member texts = union of their children's members."""
    n = int(of_topic.max()) + 1 if len(of_topic) else 0
    pm: list[set[str]] = [set() for _ in range(n)]
    for t, q in enumerate(of_topic.tolist()):
        pm[q] |= members[t]
    return TopicSide(ids, parent_centroids(of_topic, centroids, sizes), pm)


def parent_centroids(of_topic: np.ndarray, centroids: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """Each parent's centroid: the size-weighted mean of its children's, L2-normalised."""
    n = int(of_topic.max()) + 1 if len(of_topic) else 0
    cents = np.zeros((n, centroids.shape[1]), dtype=np.float64)
    np.add.at(cents, of_topic, np.asarray(centroids, np.float64) * np.asarray(sizes)[:, None])
    cents /= np.maximum(np.linalg.norm(cents, axis=1, keepdims=True), 1e-12)
    return cents.astype(np.float32)


def match_parents(new: TopicSide, prev: TopicSide | None, *, next_id: int) -> Matching:
    """Stable parent ids: the same one-to-one matching on shared member texts as fine topics."""
    return match_topics(new, prev, next_id=next_id)
