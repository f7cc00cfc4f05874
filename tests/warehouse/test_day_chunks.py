"""Ranges in day chunks: ingest, facets and classification go through long ranges a few days at
a time (warehouse.CHUNK_ROWS), and the warehouse comes out as from one chunk."""

from __future__ import annotations

import json
from datetime import date

from factories.embedders import HashEmbedder

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.facets import stage as facet_stage
from tracetopics_pipeline.core.facets.definitions import load_facets
from tracetopics_pipeline.core.facets.summarizers import make_summarizer
from tracetopics_pipeline.core.ingest.stage import ingest_days
from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.topics import classify
from tracetopics_pipeline.core.topics.maps import build_maps
from tracetopics_pipeline.demo import generate_traffic


def test_a_range_in_day_chunks_equals_one_chunk(tmp_path, monkeypatch) -> None:
    """Ingest, facets and classification go through long ranges a few days at a time (flat
    memory); the warehouse must come out the same as when the range is one chunk, including
    a trace re-sent on a later day in a file that touches only that day."""
    end = date(2026, 3, 4)
    days = [date(2026, 3, 2), date(2026, 3, 3), end]
    landing = tmp_path / "landing"
    generate_traffic(landing, days=3, per_day=60, seed=5, end=end)  # bad lines included
    first = json.loads(sorted(landing.glob("*.jsonl"))[0].read_text().splitlines()[0])
    first["created"] = f"{end.isoformat()}T23:00:00Z"  # the same id, moved to the last day
    (landing / "zz-resend.jsonl").write_text(json.dumps(first) + "\n")
    facets = load_facets()
    summarizer = make_summarizer("local")
    settings = Settings.from_env()
    embedder = HashEmbedder()  # deterministic stand-in: the chunking, not the model, is tested

    def build(name: str, chunk_rows: int) -> dict[str, list]:
        monkeypatch.setattr(warehouse, "CHUNK_ROWS", chunk_rows)
        monkeypatch.setattr(facet_stage, "TRACE_BLOCK", min(chunk_rows // 4, 10**6))
        conn = warehouse.connect(tmp_path / f"{name}.duckdb")
        index = tmp_path / f"{name}-index.json"
        stats = ingest_days(conn, landing, days, today=end, index_path=index)
        fstats = facet_stage.summarize_days(conn, days, facets=facets, summarizer=summarizer)
        if name == "one":  # the same maps for both: built once, copied over
            build_maps(conn, end, facets=facets, settings=settings, embedder=embedder)
        else:
            conn.execute(f"ATTACH '{tmp_path / 'one.duckdb'}' AS one (READ_ONLY)")
            for t in (
                "topic_maps",
                "topics",
                "topic_points",
                "summary_embeddings",
                "embedding_models",
            ):
                conn.execute(f"DELETE FROM {t}; INSERT INTO {t} SELECT * FROM one.{t}")
            conn.execute("DETACH one")
        cstats = classify.classify_days(
            conn, days, facets=facets, settings=settings, embedder=embedder
        )
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
