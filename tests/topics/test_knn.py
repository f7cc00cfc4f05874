"""Exact neighbours handed to UMAP give UMAP's own small-input result, bit for bit."""

from __future__ import annotations

import numpy as np

from tracetopics_pipeline.core.topics.jit import import_umap


def test_precomputed_exact_neighbours_reproduce_umaps_own_layout() -> None:
    umap = import_umap()
    from tracetopics_pipeline.core.topics.knn import exact_cosine_knn

    rng = np.random.default_rng(3)
    centres = rng.normal(size=(6, 64))
    x = (centres[rng.integers(0, 6, 600)] + rng.normal(size=(600, 64))).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    kw = dict(n_neighbors=15, n_components=2, min_dist=0.0, metric="cosine", random_state=42)
    own = umap.UMAP(n_epochs=50, **kw).fit(x)  # 600 < 4,096 rows: UMAP's exact path
    idx, dist = exact_cosine_knn(x, 15)
    assert (idx[:, 0] == np.arange(600)).all()  # itself first
    ours = umap.UMAP(n_epochs=50, precomputed_knn=(idx, dist), **kw).fit(x)
    assert (own.graph_ != ours.graph_).nnz == 0
    assert np.array_equal(own.embedding_, ours.embedding_)
