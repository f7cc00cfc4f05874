"""Embeddings: the packaged model offline, normalized vectors, a cache that never re-embeds."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from factories import insert_rows

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.facets.definitions import text_hash
from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.topics import embed
from tracetopics_pipeline.core.topics.embedders import local, make_embedder


@pytest.fixture(scope="module")
def model():
    return local.load_model()  # the real model, once per module


def packaged(**kw) -> local.SentenceEmbedder:
    return local.SentenceEmbedder(**kw)


def test_embed_texts_normalized_and_semantic(model):
    seen: list[tuple[int, int]] = []
    texts = ["Export dashboard to csv", "Download my dashboard as a CSV file", "Reset my password"]
    e = packaged(batch_size=1)
    v = e.embed(texts, progress=lambda d, t: seen.append((d, t)))
    assert v.shape == (3, warehouse.EMBED_DIM) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1, atol=1e-5)
    assert v[0] @ v[1] > v[0] @ v[2] + 0.2
    assert seen[-1] == (3, 3)
    assert local.load_model() is model
    assert e.embed([]).shape == (0, warehouse.EMBED_DIM)
    assert e.model_id() == warehouse.PACKAGED_MODEL_ID == make_embedder(Settings()).model_id()


def _summaries(conn, day: date, texts: list[str | None], statuses: list[str]) -> None:
    """Task rows without a text hash: the embed stage works it out in SQL."""
    rows = [
        dict(day=day, trace_id=f"{day}-{i}", facet="Task", summary=text, status=status)
        for i, (text, status) in enumerate(zip(texts, statuses, strict=True))
    ]
    insert_rows(conn, "facet_summaries", rows)


def test_embed_days_caches_across_days_and_reruns(model, tmp_path):
    conn = warehouse.connect(tmp_path / "wh.duckdb")
    d1, d2 = date(2026, 11, 1), date(2026, 11, 2)
    _summaries(conn, d1, ["Export dashboard", "Export dashboard", "Reset password", None, "Spam"],
               ["ok", "ok", "ok", "skipped", "excluded"])  # fmt: skip
    _summaries(conn, d2, ["Reset password", "Invite teammate"], ["ok", "ok"])
    s = Settings()
    first = embed.embed_days(conn, [d1], settings=s)
    assert (first.texts, first.unique, first.cached, first.embedded) == (3, 2, 0, 2)
    again = embed.embed_days(conn, [d1], settings=s)
    assert again.embedded == 0 and again.cached == 2
    second = embed.embed_days(conn, [d2], settings=s)
    assert (second.unique, second.cached, second.embedded) == (2, 1, 1)
    assert second.metadata()["texts_per_s"] >= 0 and "unique_ratio" in second.metadata()
    n, models = conn.execute(
        "SELECT count(*), list(DISTINCT model) FROM summary_embeddings"
    ).fetchall()[0]
    assert (n, models) == (3, [warehouse.PACKAGED_MODEL_ID])
    # The SQL fallback hash equals the facet stage's sha1 of the text.
    hashes, mat = embed.load_embeddings(
        conn, [text_hash("Invite teammate")], model=warehouse.PACKAGED_MODEL_ID
    )
    assert hashes == [text_hash("Invite teammate")] and mat.shape == (1, warehouse.EMBED_DIM)
    assert np.allclose(mat[0], packaged().embed(["Invite teammate"])[0], atol=1e-5)
    conn.close()


def test_bf16_embeddings_match_fp32() -> None:
    """The bf16 fast path (where the CPU has native bf16) keeps vectors ~identical to fp32."""
    if not local.use_bf16("bf16") or not local.use_bf16("auto"):
        pytest.skip("no native bf16 on this CPU: the fp32 path is the only one used")
    texts = [
        "Export a dashboard to CSV",
        "User wants to set up SSO with SAML for their workspace",
        "Scheduled report failed to send by email",
        "Refund for a duplicate charge on the invoice",
    ]
    fp32 = packaged(batch_size=2, threads=1, precision="fp32").embed(texts)
    bf16 = packaged(batch_size=2, threads=1, precision="bf16").embed(texts)
    assert bf16.dtype == np.float32
    assert np.allclose(np.linalg.norm(bf16, axis=1), 1, atol=1e-5)
    assert (fp32 * bf16).sum(axis=1).min() > 0.999
    assert not np.array_equal(fp32, bf16)  # the switch really changes the compute path
