"""bench/topic_hierarchy.py's shared embedding cache: two runs writing the same texts at once."""

from __future__ import annotations

import numpy as np
import topic_hierarchy as th

from tracetopics_pipeline.core.settings import Settings


class _Embedder:
    """Deterministic vectors; `meanwhile` runs inside embed(), as another bench run would."""

    def __init__(self, meanwhile=None) -> None:
        self.meanwhile = meanwhile
        self.calls: list[list[str]] = []

    def embed(self, texts: list[str]) -> np.ndarray:
        self.calls.append(list(texts))
        if self.meanwhile is not None:
            self.meanwhile()
        out = np.array([[len(t), sum(map(ord, t)) % 97, 1.0] for t in texts], np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def test_a_run_writing_the_same_texts_meanwhile_does_not_crash_the_other(tmp_path) -> None:
    path = tmp_path / "emb.duckdb"
    settings = Settings.from_env()
    other = th.EmbeddingCache(settings, path=path, embedder=_Embedder())
    first = other.vectors(["a"])
    # This run finds "b" and "c" missing; the other run stores them (and "d") while this one
    # is still embedding, so this run's insert meets keys that now exist.
    mine = th.EmbeddingCache(
        settings, path=path, embedder=_Embedder(lambda: other.vectors(["c", "d", "b"]))
    )
    got = mine.vectors(["a", "b", "c", "b"])

    assert mine.embedder.calls == [["b", "c"]]  # "a" came from the file
    assert np.allclose(got[0], first[0]) and np.allclose(got[1], got[3])
    assert np.allclose(got[1:3], _Embedder().embed(["b", "c"]))
    # Every text stored once; a third reader finds all four without embedding.
    third = th.EmbeddingCache(settings, path=path, embedder=_Embedder())
    assert third.vectors(["d", "c", "b", "a"]).shape == (4, 3)
    assert third.embedder.calls == []
    with third._connect() as conn:  # noqa: SLF001 - the file the runs share
        n = conn.execute("SELECT count(*), count(DISTINCT text) FROM summary_embeddings").fetchone()
    assert n == (4, 4)
