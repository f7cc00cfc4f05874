"""Performance paths must not change results: parallel local summarization == serial."""

from __future__ import annotations

from datetime import date

from tracetopics_pipeline.core.facets import stage as facet_stage
from tracetopics_pipeline.core.facets.definitions import load_facets
from tracetopics_pipeline.core.facets.summarizers import make_summarizer
from tracetopics_pipeline.demo.traffic import iter_traces


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

    from tracetopics_pipeline.core.topics import embed

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


def test_a_range_in_day_chunks_equals_one_chunk(tmp_path, monkeypatch) -> None:
    """Ingest, facets and classification go through long ranges a few days at a time (flat
    memory); the warehouse must come out the same as when the range is one chunk, including
    a trace re-sent on a later day in a file that touches only that day."""
    import json

    import numpy as np

    from tracetopics_pipeline.core import warehouse
    from tracetopics_pipeline.core.ingest.stage import ingest_days
    from tracetopics_pipeline.core.settings import Settings
    from tracetopics_pipeline.core.topics import classify
    from tracetopics_pipeline.core.topics.maps import build_maps
    from tracetopics_pipeline.demo import generate_traffic

    end = date(2026, 3, 4)
    days = [date(2026, 3, 2), date(2026, 3, 3), end]
    landing = tmp_path / "landing"
    generate_traffic(landing, days=3, per_day=60, seed=5, end=end)  # bad lines included
    first = json.loads((sorted(landing.iterdir())[0]).read_text().splitlines()[0])
    first["created"] = f"{end.isoformat()}T23:00:00Z"  # the same id, moved to the last day
    (landing / "zz-resend.jsonl").write_text(json.dumps(first) + "\n")
    facets = load_facets()
    summarizer = make_summarizer("local")
    settings = Settings.from_env()
    vecs: dict[str, np.ndarray] = {}

    def fake_embed(texts, **_kw):  # deterministic stand-in: the chunking, not the model, is tested
        rng = np.random.default_rng
        out = [vecs.setdefault(t, rng(abs(hash(t)) % 2**32).normal(size=384)) for t in texts]
        m = np.asarray(out, dtype=np.float32).reshape(-1, 384)
        return m / np.linalg.norm(m, axis=1, keepdims=True)

    monkeypatch.setattr("tracetopics_pipeline.core.topics.embed.embed_texts", fake_embed)

    def build(name: str, chunk_rows: int) -> dict[str, list]:
        monkeypatch.setattr(warehouse, "CHUNK_ROWS", chunk_rows)
        monkeypatch.setattr(facet_stage, "TRACE_BLOCK", min(chunk_rows // 4, 10**6))
        conn = warehouse.connect(tmp_path / f"{name}.duckdb")
        index = tmp_path / f"{name}-index.json"
        stats = ingest_days(conn, landing, days, today=end, index_path=index)
        fstats = facet_stage.summarize_days(conn, days, facets=facets, summarizer=summarizer)
        if name == "one":  # the same maps for both: built once, copied over
            build_maps(conn, end, facets=facets, settings=settings)
        else:
            conn.execute(f"ATTACH '{tmp_path / 'one.duckdb'}' AS one (READ_ONLY)")
            for t in ("topic_maps", "topics", "topic_points", "summary_embeddings"):
                conn.execute(f"DELETE FROM {t}; INSERT INTO {t} SELECT * FROM one.{t}")
            conn.execute("DETACH one")
        cstats = classify.classify_days(conn, days, facets=facets, settings=settings)
        out = {
            t: conn.execute(f"SELECT * {cols} FROM {t} ORDER BY ALL").fetchall()
            for t, cols in (
                ("raw_traces", "EXCLUDE (ingested_at)"),
                # `raw` differs in form only: a copy superseded after it was written is
                # re-serialized from the warehouse row, not the original line.
                ("quarantine", "EXCLUDE (ingested_at, raw)"),
                ("facet_summaries", ""),
                ("facet_coverage", ""),
                # Rows without a vector have a NaN distance (NaN != NaN in Python); BLAS may
                # sum in another order for another chunk shape, hence the rounding.
                (
                    "classifications",
                    "REPLACE (round(if(isnan(distance), -1, distance), 5) AS distance, "
                    "round(x, 5) AS x, round(y, 5) AS y)",
                ),
            )
        }
        out["stats"] = [
            # Chunked, the re-sent trace's first copy is written, then moved to quarantine.
            (stats.traces_written - stats.superseded_elsewhere, stats.lines_read),
            (fstats.traces_processed, fstats.coverage),
            (cstats.rows, cstats.no_match),
        ]
        conn.close()
        return out

    one = build("one", 10**9)
    chunked = build("chunked", 50)  # 60 traces a day: one day per chunk, ~12 traces a block
    assert len(one["raw_traces"]) >= 170 and one["classifications"]
    assert ("duplicate_superseded",) in {r[3:4] for r in one["quarantine"]}
    assert chunked == one


def test_trace_blocks_keep_sessions_whole(conn) -> None:
    """The facet stage streams a day in blocks; a block never ends inside a session."""
    from tracetopics_pipeline.core import warehouse
    from tracetopics_pipeline.core.ingest.frames import traces_frame
    from tracetopics_pipeline.core.ingest.records import record_from_object

    day = date(2026, 3, 2)
    traces = list(iter_traces(day, 300, seed=4))
    records = [
        record_from_object(
            t, file="f.jsonl", line=i + 1, size_bytes=None, max_trace_bytes=10**7,
            start_date=None, today=day,
        )
        for i, t in enumerate(traces)
    ]  # fmt: skip
    warehouse.replace_days(conn, "raw_traces", traces_frame(records), [day])
    blocks = list(facet_stage.trace_blocks(conn, [day], block=10))
    ids = [t["id"] for b in blocks for t in b]
    assert sorted(ids) == sorted(t["id"] for t in traces)  # each trace exactly once
    assert len(blocks) > 10 and max(map(len, blocks)) < 40
    where = {}
    for i, b in enumerate(blocks):
        for t in b:
            if t["session_id"]:
                assert where.setdefault(t["session_id"], i) == i, t["session_id"]
    assert len(where) < len([t for t in traces if t.get("session_id")])  # sessions exist
