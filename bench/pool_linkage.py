"""What the no_match pool's second pass costs: `cluster.second_pass` links the pool by average
linkage, O(n²) in its texts in time and memory (the condensed distances, float64).

Reads a home's latest window of one facet (the sample `build_map` reads, the vectors the home
stored), clusters it as `describe.cluster_texts` does up to the second pass, saves the vectors,
labels and weights, then runs `second_pass` in child processes: once linking the whole pool
(main's `pool_topics`, before the bound) and once as shipped. Each child prints its
wall seconds, the peak RSS it reached above what it held before the pass (`ru_maxrss`), the
pool's size, texts linked, rounds and the topics it made; the parent prints whether the two
found the same topics. `--synthetic N` skips the home: a pool of N clumpy random texts.

    TRACETOPICS_HOME=... .venv/bin/python bench/pool_linkage.py [--facet Task]
    .venv/bin/python bench/pool_linkage.py --synthetic 10000
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import _common
import numpy as np


def prepare(args: argparse.Namespace, out: Path) -> None:
    """Write x, labels before the second pass, weights and min_size to `out` (npz)."""
    from tracetopics_pipeline.core.settings import Settings

    settings = Settings.from_env()
    if args.synthetic:
        rng = np.random.default_rng(0)
        n = args.synthetic
        c = rng.normal(size=(max(2, n // 50), 384))
        c /= np.linalg.norm(c, axis=1, keepdims=True)
        x = c[rng.integers(0, len(c), n)] + 0.03 * rng.normal(size=(n, 384))
        x = (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)
        labels, w = np.full(n, -1), np.ones(n)
        np.savez(out, x=x, labels=labels, weights=w, min_size=20.0)
        print(f"synthetic pool of {n:,} texts")
        return
    import duckdb
    from map_noise import window_sample

    from tracetopics_pipeline.core.settings import paths
    from tracetopics_pipeline.core.topics import cluster, describe

    conn = duckdb.connect(str(paths().warehouse), read_only=True)
    _, window, sample, _, x = window_sample(conn, args.facet, settings)
    texts, weights = sample["text"].to_list(), np.array(sample["n"].to_list(), dtype=float)
    n = len(texts)
    # as describe.cluster_texts: text-hash order, unit vectors, clustered, then the pass
    order = np.array(sorted(range(n), key=lambda i: (describe._hash(texts[i]), i)))
    xs = np.asarray(x, dtype=np.float32)[order]
    xs = xs / np.maximum(np.linalg.norm(xs, axis=1, keepdims=True), 1e-12)
    p = cluster.ClusterParams()
    t0 = time.perf_counter()
    with cluster.one_blas_thread():
        labels, _ = cluster.cluster_embeddings(
            xs, algorithm=settings.algorithm, seed=42, max_distance=settings.no_match_distance,
            params=p, texts=[texts[i] for i in order],
        )  # fmt: skip
    print(
        f"{paths().home}: {args.facet}, window {window[0]}..{window[1]}: {n:,} texts "
        f"({int(weights.sum()):,} traces), clustered in {time.perf_counter() - t0:.1f} s, "
        f"{int((labels < 0).sum()):,} left out before the second pass"
    )
    min_size = float(p.min_cluster_size or cluster.auto_min_cluster_size(n))
    np.savez(out, x=xs, labels=labels, weights=weights[order], min_size=min_size)
    np.save(out.with_suffix(".maxd.npy"), np.array([settings.no_match_distance]))


def main_pool_topics(x, labels, *, min_size, weights, stats=None):  # noqa: ANN001, ANN201
    """`cluster.pool_topics` as it was before the bound (main 9d31ad5): pdist over the whole
    pool, one linkage."""
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import pdist

    from tracetopics_pipeline.core.topics.cluster import POOL_JOIN, compact

    pool = np.flatnonzero(labels < 0)
    if stats is not None:
        stats.update(pool_texts=len(pool), linked=len(pool), rounds=1, left_out=0)
    if len(pool) == 0 or weights[pool].sum() < min_size:
        return labels
    groups = np.zeros(1, np.int64)
    if len(pool) > 1:
        d = np.clip(pdist(np.asarray(x[pool], dtype=np.float64), "cosine"), 0.0, 2.0)
        groups = fcluster(linkage(d, "average"), t=POOL_JOIN, criterion="distance") - 1
    out = labels.copy()
    k = int(labels.max()) + 1
    for g in np.unique(groups):
        rows = pool[groups == g]
        if weights[rows].sum() >= min_size:
            out[rows] = k
            k += 1
    return compact(out)


def child(path: Path, linked: int, result: Path) -> None:
    from tracetopics_pipeline.core.topics import cluster

    name = "as shipped"
    if linked < 0:
        cluster.pool_topics, name = main_pool_topics, "before the bound (main)"
        linked = 0

    d = np.load(path)
    maxd = (
        float(np.load(path.with_suffix(".maxd.npy"))[0])
        if path.with_suffix(".maxd.npy").exists()
        else 0.6
    )
    if linked:
        cluster.POOL_LINKED = linked
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    stats: dict = {}
    t0 = time.perf_counter()
    with cluster.one_blas_thread():
        out = cluster.second_pass(
            d["x"], d["labels"], max_distance=maxd, min_size=float(d["min_size"]),
            weights=d["weights"], stats=stats,
        )  # fmt: skip
    seconds = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    new = int(out.max()) + 1 - (int(cluster.compact(d["labels"]).max()) + 1)
    np.save(result, out)
    print(
        json.dumps(
            {
                "code": name if linked != 10**9 else "whole pool, new distances",
                "POOL_LINKED": cluster.POOL_LINKED,
                "seconds": round(seconds, 2),
                "peak_above_gib": round(max(0, peak - before) / 2**30, 3),
                **stats,
                "topics_from_pool": new,
                "no_match_after": int((out < 0).sum()),
            }  # fmt: skip
        )
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--facet", default="Task")
    ap.add_argument("--synthetic", type=int, default=0)
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--linked", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        return child(args.child, args.linked, args.result)
    print(f"machine: load {_common.load_avg()}")
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "pool.npz"
        prepare(args, data)
        results = []
        for linked in (-1, 0):  # main's code (the whole pool), then as shipped
            res = Path(tmp) / f"out-{linked}.npy"
            cmd = [sys.executable, __file__, "--child", str(data), "--linked", str(linked),
                   "--result", str(res)]  # fmt: skip
            print(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout.strip())
            results.append(np.load(res))
        whole, bounded = results

        def partition(lab: np.ndarray) -> set[frozenset[int]]:
            return {frozenset(np.flatnonzero(lab == t).tolist()) for t in set(lab.tolist()) - {-1}}

        a, b = partition(whole), partition(bounded)
        print(f"same topics: {a == b} ({len(a & b)} of {len(a)} whole-pool topics kept exactly)")


if __name__ == "__main__":
    main()
