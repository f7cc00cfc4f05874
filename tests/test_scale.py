"""Performance paths must not change results: parallel local summarization == serial."""

from __future__ import annotations

from datetime import date

from tracetopics_pipeline.core import facet_stage
from tracetopics_pipeline.core.facets import load_facets
from tracetopics_pipeline.core.generate.traffic import iter_traces
from tracetopics_pipeline.core.summarizers import make_summarizer


def test_parallel_local_summaries_equal_serial(monkeypatch) -> None:
    monkeypatch.setattr(facet_stage, "BATCH", 40)
    monkeypatch.setattr(facet_stage, "PARALLEL_MIN_TRACES", 80)
    pools: list[int] = []

    class CountingPool(facet_stage.ProcessPoolExecutor):
        def __init__(self, workers, **kw) -> None:
            pools.append(workers)
            super().__init__(workers, **kw)

    monkeypatch.setattr(facet_stage, "ProcessPoolExecutor", CountingPool)
    traces = list(iter_traces(date(2026, 3, 2), 300, seed=3))
    for t in traces:
        t.setdefault("day", date(2026, 3, 2))
    facets = load_facets()
    summarizer = make_summarizer("local")
    serial, _ = facet_stage._run(traces, facets, summarizer, workers=1)
    parallel, _ = facet_stage._run(traces, facets, summarizer, workers=2)
    assert len(serial) == len(traces) * len(facets)
    assert pools == [2]  # the parallel run forked a pool; the serial one did not
    assert parallel == serial


def test_bf16_embeddings_match_fp32(monkeypatch) -> None:
    """The bf16 fast path (where the CPU has native bf16) keeps vectors ~identical to fp32."""
    import numpy as np
    import pytest

    from tracetopics_pipeline.core import embed

    if not embed.use_bf16("bf16") or not embed.use_bf16("auto"):
        pytest.skip("no native bf16 on this CPU: the fp32 path is the only one used")
    texts = [
        "Export a dashboard to CSV",
        "User wants to set up SSO with SAML for their workspace",
        "Scheduled report failed to send by email",
        "Refund for a duplicate charge on the invoice",
    ]
    monkeypatch.setenv("TRACETOPICS_EMBED_PRECISION", "fp32")
    fp32 = embed.embed_texts(texts, batch_size=2, threads=1)
    monkeypatch.setenv("TRACETOPICS_EMBED_PRECISION", "bf16")
    bf16 = embed.embed_texts(texts, batch_size=2, threads=1)
    assert bf16.dtype == np.float32
    assert np.allclose(np.linalg.norm(bf16, axis=1), 1, atol=1e-5)
    assert (fp32 * bf16).sum(axis=1).min() > 0.999
    assert not np.array_equal(fp32, bf16)  # the switch really changes the compute path
