"""Bring your own embedding model, end to end through Dagster: the whole pipeline with
TRACETOPICS_EMBED_MODEL=openai:text-embedding-3-small against the fake server (faults
injected), nothing personal sent, then a switch of model that rebuilds the maps apart.

One module-scoped home; k-means instead of UMAP+HDBSCAN (numba compile time; clustering
quality is measured elsewhere).
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import dagster as dg
import pytest
from factories.pii import PII, leaked
from fake_openai import FakeOpenAI

from tracetopics_pipeline.core import warehouse

END = date(2026, 11, 20)
DAYS = 2
PER_DAY = 60
SMALL, LARGE = "openai:text-embedding-3-small@64", "openai:text-embedding-3-large@96"


def _pii_traces(landing: Path) -> None:
    """Traces whose user turns hold each PII form of the corpus."""
    lines = [
        {
            "id": f"pii-{i}",
            "project_id": "support-agent",
            "created": (
                datetime(END.year, END.month, END.day, 12, tzinfo=UTC) + timedelta(seconds=10 * i)
            ).isoformat(),
            "input": [{"role": "user", "content": f"Hi, {sentence}. How do I update it?"}],
            "output": [{"role": "assistant", "content": "You can change it in Settings."}],
        }
        for i, (_, sentence, _) in enumerate(PII)
    ]
    (landing / "pii.jsonl").write_text("\n".join(json.dumps(x) for x in lines) + "\n")


@pytest.fixture(scope="module")
def endpoint_home(tmp_path_factory):
    from tracetopics_pipeline import runner
    from tracetopics_pipeline.demo import generate_traffic

    fake = FakeOpenAI(embedding_dims={"text-embedding-3-large": 96})
    mp = pytest.MonkeyPatch()
    home = tmp_path_factory.mktemp("byo") / "home"
    for key, value in {
        "TRACETOPICS_HOME": str(home),
        "TRACETOPICS_WAREHOUSE": str(home / "warehouse.duckdb"),
        "TRACETOPICS_EMBED_MODEL": "openai:text-embedding-3-small",
        "OPENAI_BASE_URL": fake.url,
        "OPENAI_API_KEY": "test-key",
        "TRACETOPICS_MIN_SUMMARIES": "40",
        "TRACETOPICS_ALGORITHM": "kmeans",
    }.items():
        mp.setenv(key, value)
    mp.delenv("DAGSTER_HOME", raising=False)
    generate_traffic(home / "landing", days=DAYS, per_day=PER_DAY, seed=4, end=END)
    _pii_traces(home / "landing")
    days = [END - timedelta(days=i) for i in reversed(range(DAYS))]
    # The first embedding requests fail in every way the endpoint path retries.
    fake.script = [("status", 429), ("status", 500), ("garbage",), ("short",)]
    run_ids = runner.run_pipeline(days, say=lambda _: None)
    first = {"requests": list(fake.requests), "run_ids": run_ids}
    yield home, fake, days, first, mp
    mp.undo()
    fake.close()


def _q(home: Path, sql: str) -> list[tuple]:
    with warehouse.connect(home / "warehouse.duckdb", read_only=True) as conn:
        return conn.execute(sql).fetchall()


def _materialization(home: Path, key: str) -> dict:
    with dg.DagsterInstance.from_config(str(home / "dagster")) as instance:
        ev = instance.get_latest_materialization_event(dg.AssetKey(key))
    md = ev.asset_materialization.metadata
    return {k: v.value for k, v in md.items()}


def _check(home: Path, name: str) -> dg.AssetCheckEvaluation:
    with dg.DagsterInstance.from_config(str(home / "dagster")) as instance:
        records = instance.event_log_storage.get_asset_check_execution_history(
            dg.AssetCheckKey(dg.AssetKey("classifications"), name), limit=1
        )
    return records[0].event.dagster_event.event_specific_data


def test_the_pipeline_builds_topics_with_an_endpoint_model(endpoint_home):
    home, fake, _, first, _ = endpoint_home
    with dg.DagsterInstance.from_config(str(home / "dagster")) as instance:
        assert all(instance.get_run_by_id(r).is_success for r in first["run_ids"])
    assert _q(home, "SELECT DISTINCT model FROM summary_embeddings") == [(SMALL,)]
    assert _q(home, "SELECT DISTINCT len(embedding) FROM summary_embeddings") == [(64,)]
    maps = _q(home, "SELECT DISTINCT embed_model FROM topic_maps WHERE status = 'built'")
    assert maps == [(SMALL,)]
    assert _q(home, "SELECT count(*) FROM topics WHERE facet = 'Task'")[0][0] >= 2
    traces = _q(home, "SELECT count(*) FROM raw_traces")[0][0]
    assert _q(
        home, "SELECT count(DISTINCT trace_id) FROM classifications WHERE facet = 'Task'"
    ) == [(traces,)]
    # Only embeddings went to the endpoint (the summarizer is local), with the retries counted.
    paths = {r["path"] for r in first["requests"]}
    assert paths == {"/v1/embeddings"}
    md = _materialization(home, "summary_embeddings")
    assert md["model"] == SMALL and md["usage_retries"] >= 4 and md["embedded"] > 0
    assert md["usage_input_tokens"] > 0 and md["usage_cost_usd"] > 0
    assert md["spend_usd_today"] > 0  # the ledger saw it
    assert _check(home, "maps_match_embedding_model").passed
    manifest = sorted((home / "snapshot").glob("snapshot-*/manifest.json"))[-1]
    assert json.loads(manifest.read_text())["embed_model"] == SMALL


def test_no_pii_form_reaches_the_endpoint_end_to_end(endpoint_home):
    _, _, _, first, _ = endpoint_home
    sent = "\n".join(json.dumps(r["body"], ensure_ascii=False) for r in first["requests"])
    # The PII traces' summaries were sent, with their placeholders, and no secret.
    assert any(tag in sent for tag in ("<EMAIL>", "<PHONE>", "<CARD>", "<API_KEY>", "<IP>"))
    assert leaked(sent) == []


def test_switching_models_refuses_old_maps_then_rebuilds_them_apart(endpoint_home):
    from tracetopics_pipeline import runner
    from tracetopics_pipeline.definitions import defs
    from tracetopics_pipeline.defs.jobs import range_tags

    home, fake, days, _, mp = endpoint_home
    mp.setenv("TRACETOPICS_EMBED_MODEL", "openai:text-embedding-3-large")
    runner.ensure_dagster_home()
    # New traffic only (the landing sensor's path: no re-clustering) → the old maps are refused.
    with dg.DagsterInstance.get() as instance:
        result = defs.resolve_job_def("publish_job").execute_in_process(
            instance=instance, tags=range_tags(days[0].isoformat(), days[-1].isoformat())
        )
    assert result.success
    check = _check(home, "maps_match_embedding_model")
    assert not check.passed
    refused = check.metadata["refused"].value
    assert (
        "built with " + SMALL in refused
        and "configured model is openai:text-embedding-3-large" in refused
    )

    # The full run rebuilds the maps with the new model: nothing mixed.
    fake.requests.clear()
    runner.run_pipeline(days, say=lambda _: None)
    models = dict(_q(home, "SELECT model, count(*) FROM summary_embeddings GROUP BY 1"))
    assert set(models) == {SMALL, LARGE} and models[LARGE] == models[SMALL]
    current = _q(
        home,
        """SELECT DISTINCT m.embed_model, len(t.centroid) FROM classifications c
           JOIN topic_maps m USING (map_id) JOIN topics t ON t.map_id = c.map_id""",
    )
    assert current == [(LARGE, 96)]
    assert _check(home, "maps_match_embedding_model").passed
    assert {b["model"] for b in fake.bodies("/embeddings")} == {"text-embedding-3-large"}
    # The explorer's snapshot carries the configured model's vectors only.
    import duckdb

    folder = sorted((home / "snapshot").glob("snapshot-*/"))[-1]
    snap = duckdb.connect()
    got = snap.execute(
        f"SELECT DISTINCT model FROM read_parquet('{folder}/summary_embeddings.parquet')"
    ).fetchall()
    assert got == [(LARGE,)]
