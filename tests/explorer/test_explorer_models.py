"""The explorer with another embedding model: on-demand clustering uses the configured model's
vectors only (embedding missing texts with it), and the header reads the spend to date."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
from factories import insert_rows
from factories.explorer import build_explorer_warehouse
from fake_openai import FakeOpenAI, fake_vector
from fastapi.testclient import TestClient

from tracetopics_pipeline.core.facets.definitions import text_hash
from tracetopics_pipeline.core.warehouse.snapshot import publish_snapshot
from tracetopics_pipeline.explorer.app import create_app

SMALL = "openai:text-embedding-3-small@64"


def test_subset_clustering_uses_the_configured_model_only(tmp_path, llm: FakeOpenAI, monkeypatch):
    home = tmp_path / "home"
    conn = build_explorer_warehouse(home / "warehouse.duckdb", n=300)  # packaged vectors
    texts = [r[0] for r in conn.execute(
        "SELECT DISTINCT summary FROM facet_summaries WHERE facet = 'Task' ORDER BY 1"
    ).fetchall()]  # fmt: skip
    # Half the texts were embedded earlier with the endpoint model; the rest never were.
    half = texts[::2]
    insert_rows(
        conn,
        "summary_embeddings",
        [dict(text_hash=text_hash(t), model=SMALL, embedding=fake_vector(t, 64), text=t)
         for t in half],
    )  # fmt: skip
    insert_rows(conn, "embedding_models", [dict(model_id=SMALL, name=SMALL.split("@")[0], dim=64)])
    insert_rows(
        conn,
        "spend_ledger",
        [dict(day=datetime.now(UTC).date(), kind="summaries", model="gpt-4o-mini",
              requests=3, input_tokens=300, output_tokens=60, usd=0.42, priced=True)],
    )  # fmt: skip
    publish_snapshot(conn, home / "snapshot", embed_model=SMALL)
    conn.close()
    monkeypatch.setenv("TRACETOPICS_EMBED_MODEL", "openai:text-embedding-3-small")
    monkeypatch.setenv("OPENAI_BASE_URL", llm.url)
    monkeypatch.setenv("OPENAI_API_KEY", "k")
    monkeypatch.setenv("TRACETOPICS_BUDGET_USD_DAY", "5")
    client = TestClient(create_app(home), base_url="http://localhost")

    r = client.post("/api/cluster", json={"filter": {"customer": ["acme"]}, "facet": "Task"})
    assert r.status_code == 200, r.text
    body = r.json()
    # 64-dim vectors throughout: the packaged model's 384-dim ones would not even stack.
    assert body["n_traces"] == 100 and body["topics"]
    sent = [t for b in llm.bodies("/embeddings") for t in b["input"]]
    summaries = [t for t in sent if t in set(texts)]
    assert summaries and set(summaries) <= set(texts) - set(half)  # what the snapshot lacked
    # Everything else is candidate names, scored in the same model's space as the daily maps',
    # and a name less one word (support.said_shares: "CSV file" less "file" is "CSV").
    names = [t for t in sent if t not in set(texts)]
    assert names and all(1 <= len(t.split()) <= 6 for t in names)
    assert any(len(t.split()) >= 2 for t in names)
    assert {b["model"] for b in llm.bodies("/embeddings")} == {"text-embedding-3-small"}

    spend = client.get("/api/overview").json()["spend"]
    assert spend["spent_today_usd"] == 0.42 and spend["budget_day_usd"] == 5.0
    assert spend["budget_month_usd"] is None


def test_the_snapshot_holds_one_models_vectors(tmp_path):
    import duckdb

    conn = build_explorer_warehouse(tmp_path / "wh.duckdb", n=60)
    t = conn.execute("SELECT min(summary) FROM facet_summaries").fetchall()[0][0]
    insert_rows(
        conn,
        "summary_embeddings",
        [dict(text_hash=text_hash(t), model=SMALL, embedding=np.ones(64).tolist(), text=t)],
    )
    for model, want in ((SMALL, {SMALL}), (None, set())):
        folder = publish_snapshot(conn, tmp_path / f"snap-{bool(model)}", embed_model=model)
        got = (
            duckdb.connect()
            .execute(
                f"SELECT DISTINCT model FROM read_parquet('{folder}/summary_embeddings.parquet')"
            )
            .fetchall()
        )
        assert {m for (m,) in got} == want
    conn.close()


def test_a_curation_snapshot_keeps_the_configured_models_vectors(tmp_path, monkeypatch):
    """Renaming a topic publishes a new snapshot; it must carry the configured model's vectors
    (summaries and stored phrases) as the pipeline's does, not the packaged model's."""
    import duckdb

    home = tmp_path / "home"
    conn = build_explorer_warehouse(home / "warehouse.duckdb", n=60)
    t = conn.execute("SELECT min(summary) FROM facet_summaries").fetchall()[0][0]
    row = dict(text_hash=text_hash(t), model=SMALL, embedding=np.ones(64).tolist(), text=t)
    insert_rows(conn, "summary_embeddings", [row])
    insert_rows(conn, "phrase_embeddings", [{**row, "last_used": datetime.now(UTC).date()}])
    insert_rows(conn, "embedding_models", [dict(model_id=SMALL, name=SMALL.split("@")[0], dim=64)])
    publish_snapshot(conn, home / "snapshot", embed_model=SMALL)
    topic = conn.execute("SELECT min(topic_id) FROM topics WHERE facet = 'Task'").fetchall()[0][0]
    conn.close()
    monkeypatch.setenv("TRACETOPICS_HOME", str(home))
    monkeypatch.setenv("TRACETOPICS_EMBED_MODEL", "openai:text-embedding-3-small")
    client = TestClient(create_app(home), base_url="http://localhost")
    body = {"facet": "Task", "topic_id": topic, "label": "Renamed"}
    r = client.post("/api/topics/rename", json=body)
    assert r.status_code == 200, r.text
    folder = home / "snapshot" / r.json()["snapshot"]
    for table in ("summary_embeddings", "phrase_embeddings"):
        got = duckdb.connect().execute(
            f"SELECT DISTINCT model FROM read_parquet('{folder}/{table}.parquet')"
        )
        assert {m for (m,) in got.fetchall()} == {SMALL}, table
