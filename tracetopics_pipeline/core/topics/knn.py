"""Exact cosine nearest neighbours for UMAP's small inputs, the same ones UMAP computes itself.

For fewer than 4,096 rows UMAP takes exact neighbours: scikit-learn's `pairwise_distances` calls
UMAP's numba `cosine` once per pair from Python (about 10 s of CPU for 2,000 rows). Here a
float32 matrix product picks each row's k + 8 best candidates, and UMAP's own compiled `cosine`
gives their distances, so the neighbours and distances are UMAP's, bit for bit (a float32
product is off by ~1e-7, far less than the gap to the 8th extra candidate), and the layout and
topics are the ones UMAP's own path gives, in milliseconds. Import after `jit.import_umap()`:
this module compiles with numba's disk cache.
"""

from __future__ import annotations

import numba
import numpy as np
from umap.distances import cosine

MARGIN = 8  # candidates beyond k from the float32 product, re-ranked exactly


@numba.njit(cache=True)
def _exact_distances(x: np.ndarray, rows: np.ndarray, cand: np.ndarray) -> np.ndarray:
    out = np.empty(cand.shape, dtype=np.float64)
    for i in range(cand.shape[0]):
        for j in range(cand.shape[1]):
            out[i, j] = cosine(x[rows[i]], x[cand[i, j]])
    return out


def exact_cosine_knn(x: np.ndarray, k: int, *, block: int = 1024) -> tuple[np.ndarray, np.ndarray]:
    """(indices, distances) of the k nearest rows of each row of `x` (itself included), as
    UMAP's small-data path finds them: UMAP's cosine, sorted by distance (ties by index)."""
    n = len(x)
    xf = np.ascontiguousarray(x, dtype=np.float32)
    m = min(n, k + MARGIN)
    idx = np.empty((n, k), dtype=np.int64)
    dist = np.empty((n, k), dtype=np.float64)
    for lo in range(0, n, block):
        hi = min(n, lo + block)
        approx = -(xf[lo:hi] @ xf.T)  # larger similarity first
        cand = (
            np.argpartition(approx, m - 1, axis=1)[:, :m]
            if m < n
            else np.broadcast_to(np.arange(n), (hi - lo, n)).copy()
        )
        cand.sort(axis=1)  # ties by index after the stable sort below
        exact = _exact_distances(xf, np.arange(lo, hi), cand)
        order = np.argsort(exact, axis=1, kind="stable")[:, :k]
        idx[lo:hi] = np.take_along_axis(cand, order, axis=1)
        dist[lo:hi] = np.take_along_axis(exact, order, axis=1)
    return idx, dist
