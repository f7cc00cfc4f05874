"""The 2-D layout UMAP gives the clustering and the scatterplot."""

from __future__ import annotations

import numpy as np

from tracetopics_pipeline.core.topics.cluster import layout_2d


def test_identical_rows_get_a_finite_layout() -> None:
    """PCA of identical rows is exactly zero, which UMAP's PCA start scales to NaN (review rv5
    L1): a window of one repeated vector must still draw and cluster."""
    x = np.zeros((16, 384), np.float32)
    x[:, 0] = 1.0
    coords = layout_2d(x, seed=42, n_epochs=20)
    assert coords.shape == (16, 2) and np.isfinite(coords).all()
