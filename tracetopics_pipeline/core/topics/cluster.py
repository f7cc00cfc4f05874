"""Clustering algorithms over L2-normalized embeddings: UMAP + HDBSCAN (default) or k-means.

Default path, tuned on Banking77 (see docs/benchmarks.md, "Topics"):
0. With the texts given, the space is the embedding joined with a weighted low-rank TF-IDF
   view of the same texts (`hybrid_view`); steps 1-5 run in it.
1. UMAP to 2-D (cosine, min_dist 0, fixed seed, PCA start). HDBSCAN finds the same clusters
   on 2-D as on 5-D here, and the 2-D layout doubles as the scatterplot, so one UMAP run
   serves both.
2. HDBSCAN (eom) with a min cluster size that grows with the sample.
3. Outliers are reassigned to the nearest topic centroid (cosine) whose radius holds them
   (`topic_radii`: about as close as the topic's own members, within no_match_distance); the
   rest stay -1 (no_match). Classification uses the same rule (`nearest_topics`).
4. A few spherical k-means steps started from those topics move border points to the
   centroid they are nearest to, so classification later agrees with the map.
5. Topics whose centroids are nearly identical and whose keywords overlap are merged.
6. (`describe.cluster_texts`, in embedding space) the no_match pool's second pass
   (`second_pass`): members beyond their topic's radius leave it, close no_match texts with
   min_cluster_size traces become a topic of their own (average linkage, at most POOL_LINKED
   texts at a time: `pool_topics`).
umap/hdbscan are imported lazily (Dagster imports this module in many processes).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from contextlib import AbstractContextManager
from dataclasses import dataclass

import numpy as np


def one_blas_thread() -> AbstractContextManager[object]:
    """BLAS on one thread while clustering (the libraries loaded first, so the limit holds).

    The matrices here are thin (n x a few hundred); OpenBLAS's second thread spin-waits, and on
    a shared 2-core machine that made a 2,000 x 160 QR 10-40x slower (docs/benchmarks.md).
    """
    import scipy.linalg  # noqa: F401  scipy ships its own OpenBLAS; it must be loaded to be limited
    from threadpoolctl import threadpool_limits

    return threadpool_limits(limits=1, user_api="blas")


@dataclass(frozen=True)
class ClusterParams:
    n_neighbors: int = 15
    umap_epochs: int = 200
    # PCA, not UMAP's spectral default: the spectral start (an iterative eigensolver on the
    # neighbour graph) turned vector noise of 1e-7 into 24-29 parents on the demo; PCA moves
    # with its input continuously (docs/benchmarks.md "A map's noise band").
    umap_init: str = "pca"
    min_cluster_size: int | None = None  # None: grows with n (auto_min_cluster_size)
    min_samples: int = 5
    selection: str = "eom"  # eom | leaf
    refine_iters: int = 3
    merge_distance: float = 0.08  # centroid cosine distance under which topics may merge
    n_topics: int | None = None  # k-means only; None picks k by silhouette
    # Weight of the lexical view joined to the embedding for clustering (0 = embedding only).
    lexical_weight: float = 0.3
    lexical_dims: int = 150
    # The no_match pool's second pass (`second_pass`): texts left out that sit close together
    # and hold min_cluster_size traces become a topic of their own.
    second_pass: bool = True


def auto_min_cluster_size(n: int) -> int:
    """~n/300, kept within [10, 100]: 10 up to 3,000 docs, 100 at the 50,000 sample cap; below
    250 docs (one customer's subset) ~n/25, at least 5.

    A trade-off measured in docs/benchmarks.md ("Topics"): on the demo traffic a floor of 20
    recovers intents better (25 instead of 82 topics for 16 intents) but keeps fewer topic ids
    when the window shifts and leaves more no_match; on Banking77 10 and 20 are within 0.01.
    Below 250 docs a floor of 10 leaves intents with 5-9 texts unclustered ("Subset clustering":
    Banking77 dev samples of 120-144 texts, NMI never lower, up to 0.34 -> 0.82).
    """
    floor = min(10, max(5, round(n / 25)))
    return int(min(100, max(floor, round(n / 300))))


def lexical_view(texts: list[str], *, dims: int, seed: int) -> np.ndarray | None:
    """L2-normalized low-rank TF-IDF of the texts (word 1-2-grams + char 3-5-grams), or None.

    Fitted on the texts being clustered. Shared wording ("top up", "pending") separates some
    intents that all-MiniLM-L6-v2 puts close together; SVD keeps it dense and small.
    """
    from scipy.sparse import hstack
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer

    mats = []
    for kw in (
        {"ngram_range": (1, 2)},
        {"analyzer": "char_wb", "ngram_range": (3, 5)},
    ):
        try:
            mats.append(TfidfVectorizer(sublinear_tf=True, min_df=2, **kw).fit_transform(texts))
        except ValueError:  # empty vocabulary: too few or too short texts
            continue
    if not mats:
        return None
    m = hstack(mats).tocsr()
    k = min(dims, m.shape[1] - 1, len(texts) - 1)
    if k < 2:
        return None
    z = TruncatedSVD(k, algorithm="randomized", n_iter=3, random_state=seed).fit_transform(m)
    return z / np.maximum(np.linalg.norm(z, axis=1, keepdims=True), 1e-12)


def hybrid_view(
    x: np.ndarray, texts: list[str], *, weight: float, dims: int, seed: int
) -> np.ndarray:
    """[x, weight * lexical] renormalized: the space clustering runs in (x when no lexical)."""
    z = lexical_view(texts, dims=dims, seed=seed) if weight > 0 and len(texts) > 2 else None
    if z is None:
        return x
    h = np.hstack([x, weight * z]).astype(np.float32)
    return h / np.maximum(np.linalg.norm(h, axis=1, keepdims=True), 1e-12)


# Below this many rows UMAP itself takes exact neighbours (its `_small_data` path); above it,
# pynndescent's approximate NN-descent.
EXACT_KNN_MAX = 4096


def layout_2d(
    x: np.ndarray, *, seed: int, n_neighbors: int = 15, n_epochs: int = 200, init: str = "pca"
) -> np.ndarray:
    """UMAP to 2-D (cosine). Deterministic for a fixed seed and row order."""
    n = len(x)
    if n < 4:
        return (
            np.zeros((n, 2))
            if n == 0
            else np.column_stack([np.arange(n), np.zeros(n)]).astype(float)
        )
    from tracetopics_pipeline.core.topics.jit import import_umap

    umap = import_umap()
    k = int(min(n_neighbors, n - 1))
    # Small inputs: the exact neighbours UMAP would compute, handed over precomputed (the same
    # graph and layout, without the per-pair Python loop); larger ones keep UMAP's NN-descent.
    knn = (None, None, None)
    if n < EXACT_KNN_MAX:
        from tracetopics_pipeline.core.topics.knn import exact_cosine_knn

        knn = exact_cosine_knn(x, k)
    reducer = umap.UMAP(
        n_neighbors=k,
        n_components=2,
        min_dist=0.0,
        metric="cosine",
        random_state=seed,
        n_epochs=n_epochs,
        # PCA of identical rows is all zeros, which UMAP scales to NaN (review rv5 L1).
        init=init if n > 10 and np.ptp(x, axis=0).max() > 0 else "random",
        precomputed_knn=knn,
    )
    with warnings.catch_warnings():
        # Precomputed neighbours come without a search index; we never call transform().
        warnings.filterwarnings("ignore", message=r"precomputed_knn\[2\]")
        # A seed makes UMAP single-threaded, which is what we ask for: it says so every fit.
        warnings.filterwarnings("ignore", message=r"n_jobs value .* overridden")
        return np.asarray(reducer.fit_transform(x), dtype=np.float64)


def hdbscan_labels(
    coords: np.ndarray, *, min_cluster_size: int, min_samples: int, selection: str = "eom"
) -> np.ndarray:
    import hdbscan

    model = hdbscan.HDBSCAN(
        min_cluster_size=max(2, min_cluster_size),
        min_samples=max(1, min(min_samples, min_cluster_size)),
        cluster_selection_method=selection,
    )
    return model.fit(coords).labels_.astype(np.int64)


def kmeans_labels(x: np.ndarray, *, seed: int, n_topics: int | None = None) -> np.ndarray:
    """k-means on the normalized embeddings; k by silhouette on a sample when not given."""
    from sklearn.cluster import KMeans
    from sklearn.metrics import silhouette_score

    n = len(x)
    if n_topics is None:
        rng = np.random.default_rng(seed)
        sample = x if n <= 4000 else x[np.sort(rng.choice(n, 4000, replace=False))]
        base = max(2, int(round(np.sqrt(n / 2))))
        grid = sorted({max(2, min(n - 1, int(base * f))) for f in (0.5, 0.75, 1.0, 1.5, 2.0)})
        best, best_score = grid[0], -2.0
        for k in grid:
            lab = KMeans(k, n_init=3, random_state=seed).fit_predict(sample)
            score = silhouette_score(sample, lab, metric="cosine") if len(set(lab)) > 1 else -1
            if score > best_score:
                best, best_score = k, score
        n_topics = best
    n_topics = max(1, min(n_topics, n))
    return KMeans(n_topics, n_init=5, random_state=seed).fit_predict(x).astype(np.int64)


def centroids(x: np.ndarray, labels: np.ndarray, k: int | None = None) -> np.ndarray:
    """Normalized mean vector per topic id 0..k-1 (labels < 0 ignored)."""
    from scipy.sparse import csr_matrix

    k = int(labels.max()) + 1 if k is None else k
    mask = labels >= 0
    rows = np.flatnonzero(mask)
    # A 0/1 membership matrix times x: the sums np.add.at gives, without its per-row cost
    # (0.13 s per call on 1,000 x 534; it runs several times per clustering).
    member = csr_matrix((np.ones(len(rows)), (labels[rows], rows)), shape=(max(k, 0), len(labels)))
    c = np.asarray(member @ np.asarray(x, dtype=np.float64))
    norms = np.linalg.norm(c, axis=1, keepdims=True)
    return (c / np.where(norms == 0, 1.0, norms)).astype(np.float32)


def compact(labels: np.ndarray) -> np.ndarray:
    """Renumber topics 0..k-1 by size (desc), ties by first member: order-free and stable."""
    labels = np.asarray(labels, dtype=np.int64)
    ids, first, counts = np.unique(labels[labels >= 0], return_index=True, return_counts=True)
    order = np.lexsort((first, -counts))
    mapping = np.full(int(labels.max()) + 2 if len(labels) else 1, -1, dtype=np.int64)
    mapping[ids[order]] = np.arange(len(ids))
    return np.where(labels >= 0, mapping[np.maximum(labels, 0)], -1)


# A topic's radius (review rv6 P1): a text joins a topic only when it is about as close to the
# centroid as the topic's own members are. A rare intent with no topic of its own (36 "Where's
# your DPA" traces at 0.587) otherwise went to the nearest topic however tight it was (its members
# at 0.16-0.27), just inside the global no_match_distance. Chosen on dev parts only, by a
# grid over quantile 0.9/0.95 x margin 1.25-2 (docs/benchmarks.md "A topic's radius").
RADIUS_QUANTILE = 0.9  # of the members' cosine distances to their centroid
RADIUS_MARGIN = 1.5  # times that quantile
RADIUS_FLOOR = 0.3  # a topic of near-identical texts still takes its paraphrases


def topic_radii(
    x: np.ndarray,
    labels: np.ndarray,
    cents: np.ndarray,
    *,
    cap: float,
    quantile: float = RADIUS_QUANTILE,
    margin: float = RADIUS_MARGIN,
    floor: float = RADIUS_FLOOR,
) -> np.ndarray:
    """Per topic 0..k-1 (rows of `cents`): how far from its centroid a text may be and still
    join it: `margin` x the `quantile` of its members' cosine distances, at least `floor`, at
    most `cap` (the global no_match_distance). A topic without members gets `cap`."""
    k = len(cents)
    out = np.full(k, float(cap))
    rows = np.flatnonzero(labels >= 0)
    if k == 0 or len(rows) == 0:
        return out
    lab = labels[rows]
    d = 1.0 - np.einsum("ij,ij->i", x[rows], cents[lab])
    order = np.argsort(lab, kind="stable")
    lab, d = lab[order], d[order]
    starts = np.searchsorted(lab, np.arange(k))
    ends = np.searchsorted(lab, np.arange(k), side="right")
    for t in range(k):
        if ends[t] > starts[t]:
            r = margin * float(np.quantile(d[starts[t] : ends[t]], quantile))
            out[t] = min(float(cap), max(floor, r))
    return out


def nearest_topics(
    x: np.ndarray,
    cents: np.ndarray,
    *,
    max_distance: float,
    radii: np.ndarray | None = None,
    chunk: int = 2048,
) -> tuple[np.ndarray, np.ndarray]:
    """(index of the topic each row of normalized `x` joins, or -1; cosine distance to the
    nearest centroid) — the one rule classification and the map's outlier reassignment share.

    A row joins the nearest centroid within that topic's radius (`radii`, per row of `cents`;
    NaN or none: `max_distance`; never above `max_distance`), so a text beyond a tight topic's
    radius may still join a looser topic a little farther off that would hold it, and one no
    topic would hold is -1 (no_match)."""
    if len(cents) == 0:
        return np.full(len(x), -1, np.int64), np.full(len(x), np.nan)
    limit = np.full(len(cents), float(max_distance))
    if radii is not None:
        r = np.asarray(radii, dtype=np.float64)
        limit = np.where(np.isnan(r), limit, np.minimum(r, limit))
    best = np.empty(len(x), np.int64)
    dist = np.empty(len(x), np.float64)
    for s in range(0, len(x), chunk):
        d = 1.0 - np.asarray(x[s : s + chunk] @ cents.T, dtype=np.float64)
        dist[s : s + chunk] = d.min(axis=1)
        held = np.where(d <= limit, d, np.inf)
        b = held.argmin(axis=1)
        best[s : s + chunk] = np.where(np.isfinite(held[np.arange(len(b)), b]), b, -1)
    return best, dist


def reassign_outliers(x: np.ndarray, labels: np.ndarray, *, max_distance: float) -> np.ndarray:
    """Outliers (-1) join the nearest topic whose radius (`topic_radii`, capped by
    `max_distance`) holds them (`nearest_topics`); the rest stay -1."""
    out = labels.copy()
    miss = np.flatnonzero(labels < 0)
    if len(miss) == 0 or labels.max() < 0:
        return out
    cents = centroids(x, labels)
    radii = topic_radii(x, labels, cents, cap=max_distance)
    best, _ = nearest_topics(x[miss], cents, max_distance=max_distance, radii=radii)
    out[miss] = best
    return out


def refine(x: np.ndarray, labels: np.ndarray, *, iters: int, max_distance: float) -> np.ndarray:
    """Spherical k-means steps from the current topics; a point joins the nearest topic whose
    radius holds it (the rule classification uses), else -1."""
    for _ in range(iters):
        if labels.max() < 0:
            break
        cents = centroids(x, labels)
        radii = topic_radii(x, labels, cents, cap=max_distance)
        new, _ = nearest_topics(x, cents, max_distance=max_distance, radii=radii)
        new = compact(new)
        if np.array_equal(new, labels):
            break
        labels = new
    return labels


# The no_match pool's second pass joins texts whose average cosine distance is under this:
# the radius floor, a topic of near-identical texts and their paraphrases.
POOL_JOIN = RADIUS_FLOOR


# Average linkage is O(n²) in the pool's texts, in time and memory (the condensed distances,
# float64): 2,000 texts took 6 s and 0.1 GB, 5,000 40 s and 0.3 GB, 10,000 149 s and 0.9 GB on
# the shared 2-core machine (docs/benchmarks.md, "The pool's linkage at scale"). A larger pool
# is linked POOL_LINKED texts at a time, the most traces first (`pool_topics`).
POOL_LINKED = 2_000
POOL_ROUNDS = 4  # at most this many linkages; the lightest texts past them stay no_match


def _unit64(x: np.ndarray) -> np.ndarray:
    x = np.asarray(x, dtype=np.float64)
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)


def _pool_groups(x: np.ndarray, weights: np.ndarray) -> tuple[np.ndarray, dict[str, int]]:
    """Group ids (0..) of the pool's rows `x`: average linkage cut at POOL_JOIN when they are
    at most POOL_LINKED; else the POOL_LINKED heaviest rows (by `weights`, ties by order) are
    linked, every other row joins the group whose average distance to it (for unit vectors
    1 - x·mean of the group) is least, when within POOL_JOIN — the criterion that linkage
    joins a text to a group by — and the rows that join none are the next round's pool.
    -1: a row left out after POOL_ROUNDS rounds."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    n = len(x)
    out = np.full(n, -1, np.int64)
    todo = np.arange(n)
    k = rounds = linked = 0
    while len(todo) and rounds < POOL_ROUNDS:
        rounds += 1
        if len(todo) <= POOL_LINKED:  # all of it, in its order: as before the bound
            link, rest = todo, todo[:0]
        else:
            order = todo[np.lexsort((todo, -weights[todo]))]  # heaviest first, then position
            link, rest = order[:POOL_LINKED], order[POOL_LINKED:]
        linked += len(link)
        xl = _unit64(x[link])
        if len(link) == 1:
            groups = np.zeros(1, np.int64)
        else:
            # cosine distances of unit vectors by one matrix product: pdist's per-pair loop
            # took twice as long at 2,000 texts, for the same distances (within 1e-15)
            square = 1.0 - xl @ xl.T
            np.fill_diagonal(square, 0.0)
            d = np.clip(squareform(square, checks=False), 0.0, 2.0)
            del square
            groups = fcluster(linkage(d, "average"), t=POOL_JOIN, criterion="distance") - 1
        out[link] = groups + k
        g = int(groups.max()) + 1
        if len(rest):
            sums = np.zeros((g, x.shape[1]))
            np.add.at(sums, groups, xl)
            means = sums / np.bincount(groups, minlength=g)[:, None]
            joined = np.full(len(rest), -1, np.int64)
            for s in range(0, len(rest), 4096):  # ≤ 4,096 x g similarities at a time
                sims = _unit64(x[rest[s : s + 4096]]) @ means.T
                best = sims.argmax(axis=1)
                near = 1.0 - sims[np.arange(len(best)), best] <= POOL_JOIN
                joined[s : s + 4096] = np.where(near, best, -1)
            out[rest[joined >= 0]] = joined[joined >= 0] + k
            rest = rest[joined < 0]
        todo = np.sort(rest)
        k += g
    return out, {"pool_texts": n, "linked": linked, "rounds": rounds, "left_out": len(todo)}


def pool_topics(
    x: np.ndarray,
    labels: np.ndarray,
    *,
    min_size: float,
    weights: np.ndarray,
    stats: dict | None = None,
) -> np.ndarray:
    """The no_match pool (-1) grouped by average linkage (cosine) cut at `POOL_JOIN`; a group
    whose `weights` (traces) reach `min_size` becomes a topic of its own, the rest stay -1.
    A pool past POOL_LINKED texts is linked in rounds (`_pool_groups`). `stats`, when given,
    gets the pool's size, the texts linked, the rounds and those left out."""
    pool = np.flatnonzero(labels < 0)
    if len(pool) == 0 or weights[pool].sum() < min_size:
        if stats is not None:
            stats.update(pool_texts=len(pool), linked=0, rounds=0, left_out=0)
        return labels
    groups, info = _pool_groups(x[pool], np.asarray(weights, dtype=float)[pool])
    if stats is not None:
        stats.update(info)
    out = labels.copy()
    k = int(labels.max()) + 1
    for g in np.unique(groups[groups >= 0]):
        rows = pool[groups == g]
        if weights[rows].sum() >= min_size:
            out[rows] = k
            k += 1
    return compact(out)


def second_pass(
    x: np.ndarray,
    labels: np.ndarray,
    *,
    max_distance: float,
    min_size: float,
    weights: np.ndarray,
    stats: dict | None = None,
) -> np.ndarray:
    """A map's labels as classification will read them, then the no_match pool's own topics.

    In embedding space `x` (where the stored centroids and radii live; the map clustered in
    the hybrid view): a member beyond its topic's radius goes to the nearest topic whose radius
    holds it, else to the pool (`nearest_topics`); the pool's close texts with `min_size`
    traces become topics (`pool_topics`). A rare intent repeated in one or two phrasings (36
    "Where's your DPA" traces, two texts) is too few texts for HDBSCAN's min cluster size,
    which counts texts, but as many traces as a topic needs."""
    if labels.max() >= 0:
        cents = centroids(x, labels)
        radii = topic_radii(x, labels, cents, cap=max_distance)
        best, _ = nearest_topics(x, cents, max_distance=max_distance, radii=radii)
        k = np.maximum(labels, 0)
        own = 1.0 - np.einsum("ij,ij->i", x, cents[k])
        out = labels.copy()
        move = (labels < 0) | (own > radii[k])
        out[move] = best[move]
        labels = compact(out)
    return pool_topics(x, labels, min_size=min_size, weights=weights, stats=stats)


def merge_similar(
    x: np.ndarray,
    labels: np.ndarray,
    keywords: dict[int, list[str]] | None,
    *,
    max_distance: float,
) -> np.ndarray:
    """Merge topics with near-identical centroids (and a shared keyword, when keywords given).

    Greedy over pairs from closest up, with union-find, so a chain merges deterministically.
    """
    k = int(labels.max()) + 1
    if k < 2 or max_distance <= 0:
        return labels
    c = centroids(x, labels, k)
    dist = 1.0 - c @ c.T
    iu, ju = np.triu_indices(k, 1)
    close = dist[iu, ju] <= max_distance
    pairs = [
        (int(a), int(b))
        for a, b in zip(iu[close], ju[close], strict=True)
        if keywords is None or set(keywords.get(int(a), [])[:5]) & set(keywords.get(int(b), [])[:5])
    ]
    return unite(labels, pairs, k)


def unite(labels: np.ndarray, pairs: Iterable[tuple[int, int]], k: int) -> np.ndarray:
    """`labels` (k groups, -1: none) with the groups of each pair joined, transitively
    (union-find; a component's lowest id is its root, so the order of pairs does not matter),
    compacted."""
    if k == 0:  # no group at all
        return compact(labels)
    parent = list(range(k))

    def find(a: int) -> int:
        while parent[a] != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    roots = np.array([find(i) for i in range(k)], dtype=np.int64)
    return compact(np.where(labels >= 0, roots[np.maximum(labels, 0)], -1))


def cluster_embeddings(
    x: np.ndarray,
    *,
    algorithm: str,
    seed: int,
    max_distance: float,
    params: ClusterParams | None = None,
    texts: list[str] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Labels per row (-1 = no_match) and 2-D coordinates, for normalized embeddings `x`.

    With `texts` (aligned with `x`), clusters on `hybrid_view` and merges by c-TF-IDF."""
    p = params or ClusterParams()
    n = len(x)
    if texts is not None and p.lexical_weight > 0:
        # Cluster in the hybrid space; topic centroids for classification are recomputed in
        # embedding space by the caller (members agree with them: see docs/benchmarks.md).
        x = hybrid_view(x, texts, weight=p.lexical_weight, dims=p.lexical_dims, seed=seed)
    coords = layout_2d(
        x, seed=seed, n_neighbors=p.n_neighbors, n_epochs=p.umap_epochs, init=p.umap_init
    )
    if n < 3:
        return np.zeros(n, dtype=np.int64), coords
    if algorithm == "kmeans":
        labels = compact(kmeans_labels(x, seed=seed, n_topics=p.n_topics))
    elif algorithm == "umap_hdbscan":
        mcs = p.min_cluster_size or auto_min_cluster_size(n)
        labels = hdbscan_labels(
            coords, min_cluster_size=mcs, min_samples=p.min_samples, selection=p.selection
        )
        if labels.max() < 0:  # no density structure at all: one topic, outliers by distance
            labels = np.zeros(n, dtype=np.int64)
        labels = compact(labels)
        labels = reassign_outliers(x, labels, max_distance=max_distance)
    else:
        raise ValueError(f"unknown clustering algorithm {algorithm!r} (umap_hdbscan | kmeans)")
    labels = refine(x, labels, iters=p.refine_iters, max_distance=max_distance)
    if texts is not None and p.merge_distance > 0:
        from tracetopics_pipeline.core.topics.ctfidf import ctfidf_keywords

        labels = merge_similar(
            x, labels, ctfidf_keywords(texts, labels), max_distance=p.merge_distance
        )
    return labels, coords


def merge_split_children(
    x: np.ndarray, labels: np.ndarray, previous: np.ndarray, *, min_similarity: float = 0.8
) -> np.ndarray:
    """Re-join new topics that are pieces of one previous topic (stability across days).

    `previous` holds each row's topic id in the previous map (-1 when the text was not in it).
    A new topic's parent is the previous topic holding ≥ 60 % of its rows that were in the
    previous map; siblings with the same parent whose centroids are within `min_similarity`
    of the largest sibling merge into it. Small window shifts then do not split a topic just
    because the layout moved; a real split (far-apart centroids) is kept.
    """
    k = int(labels.max()) + 1
    if k < 2 or (previous < 0).all():
        return labels
    c = centroids(x, labels, k)
    parent = np.full(k, -1, dtype=np.int64)
    for t in range(k):
        prev = previous[(labels == t) & (previous >= 0)]
        if len(prev) == 0:
            continue
        ids, counts = np.unique(prev, return_counts=True)
        best = int(np.argmax(counts))
        if counts[best] >= 0.6 * len(prev):
            parent[t] = ids[best]
    target = np.arange(k)
    sizes = np.bincount(labels[labels >= 0], minlength=k)
    for p in np.unique(parent[parent >= 0]):
        group = np.flatnonzero(parent == p)
        if len(group) < 2:
            continue
        head = group[np.lexsort((group, -sizes[group]))][0]
        for t in group:
            if t != head and float(c[t] @ c[head]) >= min_similarity:
                target[t] = head
    return compact(np.where(labels >= 0, target[np.maximum(labels, 0)], -1))
