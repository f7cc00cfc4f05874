"""Bring your own embedding model: the setting, the OpenAI-compatible endpoint path against the
fake server (batching, retries, redaction, normalization, usage), a model folder made here."""

from __future__ import annotations

import json
from datetime import date

import numpy as np
import openai
import pytest
from factories import insert_rows
from factories.embedders import tiny_sentence_model
from factories.pii import PII, leaked
from fake_openai import FakeOpenAI, fake_vector

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.endpoint import EndpointConfigError, RetryPolicy
from tracetopics_pipeline.core.settings import ConfigError, Settings
from tracetopics_pipeline.core.topics import embed
from tracetopics_pipeline.core.topics.embedders import make_embedder
from tracetopics_pipeline.core.topics.embedders.local import SentenceEmbedder
from tracetopics_pipeline.core.topics.embedders.openai import EndpointEmbedder

FAST = RetryPolicy(max_retries=8, backoff_s=0.01, max_backoff_s=0.05)


def endpoint(llm: FakeOpenAI, model: str = "text-embedding-3-small", **kw) -> EndpointEmbedder:
    client = openai.OpenAI(base_url=llm.url, api_key="test-key")
    kw = {"policy": FAST, "timeout_s": 5.0, **kw}
    return EndpointEmbedder(model, client=client, settings=Settings(), **kw)


def expected(text: str, dim: int = 64) -> np.ndarray:
    v = np.asarray(fake_vector(text, dim), dtype=np.float64)
    return v / np.linalg.norm(v)


# --- the setting --------------------------------------------------------------------------


def test_embed_model_setting_takes_a_folder_or_an_endpoint_never_a_hub_name(tmp_path):
    assert Settings.from_env({}).embed_model is None
    assert Settings.from_env({"TRACETOPICS_EMBED_MODEL": "packaged"}).embed_model is None
    s = Settings.from_env({"TRACETOPICS_EMBED_MODEL": "openai:text-embedding-3-small"})
    assert s.embed_model == "openai:text-embedding-3-small" and s.embeds_via_endpoint
    assert s.uses_endpoint and not Settings().uses_endpoint
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "modules.json").write_text("[]")
    assert Settings.from_env({"TRACETOPICS_EMBED_MODEL": str(folder)}).embed_model == str(folder)
    for bad, why in [
        ("sentence-transformers/all-mpnet-base-v2", "never downloaded"),
        ("BAAI/bge-small-en", "not a local folder"),
        (str(tmp_path), "no sentence-transformers model"),
        ("openai:", "names no model"),
    ]:
        with pytest.raises(ConfigError, match="TRACETOPICS_EMBED_MODEL") as err:
            Settings.from_env({"TRACETOPICS_EMBED_MODEL": bad})
        assert why in str(err.value) and "\n" not in str(err.value)


def test_cli_refuses_a_hub_name_in_one_line(home, monkeypatch, capsys):
    from tracetopics_pipeline.cli import main

    monkeypatch.setenv("TRACETOPICS_EMBED_MODEL", "sentence-transformers/all-mpnet-base-v2")
    assert main(["run"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: TRACETOPICS_EMBED_MODEL=") and "\n" not in err


# --- the endpoint ---------------------------------------------------------------------------


def test_endpoint_batches_by_token_budget_and_normalizes(llm):
    texts = [f"user wants to export report number {i} " + "x" * (i * 7) for i in range(40)]
    e = endpoint(llm, batch_tokens=200, max_inputs=16)
    x = e.embed(texts)
    bodies = llm.bodies("/embeddings")
    assert len(bodies) > 3 and sum(len(b["input"]) for b in bodies) == len(texts)
    for b in bodies:
        est = sum(len(t.encode()) // 3 + 8 for t in b["input"])
        assert len(b["input"]) <= 16 and (est <= 200 or len(b["input"]) == 1)
        assert b["model"] == "text-embedding-3-small" and b["encoding_format"] == "float"
    assert [t for b in bodies for t in b["input"]] == texts  # order kept, nothing to redact
    assert x.shape == (40, 64) and x.dtype == np.float32
    assert np.allclose(np.linalg.norm(x, axis=1), 1, atol=1e-5)  # the fake's are length 3
    assert np.allclose(x[7], expected(texts[7]), atol=1e-5)
    assert e.model_id() == "openai:text-embedding-3-small@64"
    # Usage as the endpoint reports it (the fake counts words), priced from the table.
    words = sum(len(t.split()) for t in texts)
    assert e.usage.input_tokens == words and not e.usage.tokens_estimated
    assert e.usage.cost_usd == pytest.approx(words * 0.02 / 1e6)
    assert e.usage.requests == len(bodies) and e.usage.retries == 0


def test_endpoint_retries_429_5xx_timeouts_and_malformed_200s(llm):
    llm.script = [
        ("status", 429),
        ("status", 500),
        ("status", 503),
        ("garbage",),  # 200, not JSON
        ("short",),  # 200, one vector missing
        ("hang", 2.0),  # slower than the timeout
        ("reversed",),  # fine: listed backwards, indexes right
    ]
    texts = ["alpha beta", "gamma delta", "epsilon"]
    e = endpoint(llm, timeout_s=0.5)
    x = e.embed(texts)
    assert e.usage.retries == 6 and e.usage.requests == 7
    assert np.allclose(x, np.stack([expected(t) for t in texts]), atol=1e-5)


def test_a_silent_endpoint_costs_at_most_the_run_deadline(llm):
    """TRACETOPICS_LLM_DEADLINE_S bounds the embedder too: requests are cut at the deadline, and
    once it is spent no request is sent and the error names the setting."""
    import time

    from tracetopics_pipeline.core.endpoint import DeadlineExceeded

    llm.script = [("hang", 30.0)] * 20
    e = endpoint(llm, timeout_s=20.0, deadline_s=1.5)
    t0 = time.monotonic()
    with pytest.raises(DeadlineExceeded, match="TRACETOPICS_LLM_DEADLINE_S"):
        e.embed(["alpha beta"])
    assert time.monotonic() - t0 < 5.0  # not the 20 s request timeout, let alone 30 s
    sent = len(llm.requests)
    with pytest.raises(DeadlineExceeded):
        e.embed(["gamma"])
    assert len(llm.requests) == sent  # spent: no call at all


def test_endpoint_without_usage_estimates_and_flags_tokens(llm):
    llm.script = [("no_usage",)]
    e = endpoint(llm)
    e.embed(["one two three"])
    assert e.usage.tokens_estimated and e.usage.input_tokens == len(b"one two three") // 3 + 8


def test_endpoint_gives_up_and_fails_fast_on_a_rejected_key(llm):
    llm.script = [("status", 500)] * 10
    e = endpoint(llm, policy=RetryPolicy(max_retries=2, backoff_s=0.01))
    with pytest.raises(openai.InternalServerError):
        e.embed(["a"])
    assert e.usage.requests == 3
    llm.script = [("status", 401)]
    with pytest.raises(EndpointConfigError, match="text-embedding-3-small"):
        endpoint(llm).embed(["a"])
    assert len(llm.requests) == 4  # no retry on 401


def test_no_pii_form_reaches_the_endpoint(llm):
    e = endpoint(llm)
    x = e.embed([sentence for _, sentence, _ in PII])
    assert len(x) == len(PII)
    sent = llm.sent_text()
    assert leaked(sent) == []
    assert e.usage.redactions >= len(PII)


# --- the stage with an endpoint model and with a model folder --------------------------------


def _summaries(conn, day: date, texts: list[str]) -> None:
    rows = [
        dict(day=day, trace_id=f"{day}-{i}", facet="Task", summary=t, status="ok")
        for i, t in enumerate(texts)
    ]
    insert_rows(conn, "facet_summaries", rows)


def test_embed_days_keys_the_cache_by_model_id(llm, tmp_path, conn):
    day = date(2026, 11, 3)
    _summaries(conn, day, ["Export dashboard", "Reset password", "Export dashboard"])
    small = endpoint(llm)
    first = embed.embed_days(conn, [day], settings=Settings(), embedder=small)
    assert (first.unique, first.embedded, first.model) == (2, 2, "openai:text-embedding-3-small@64")
    md = first.metadata()
    assert md["model"] == first.model and md["usage_requests"] == 1 and md["usage_cost_usd"] > 0
    # Same model again: all cached. Another model (another dimension): embedded anew, apart.
    assert embed.embed_days(conn, [day], settings=Settings(), embedder=endpoint(llm)).embedded == 0
    llm.embedding_dims["text-embedding-3-large"] = 96
    large = endpoint(llm, "text-embedding-3-large")
    second = embed.embed_days(conn, [day], settings=Settings(), embedder=large)
    assert second.embedded == 2 and second.model == "openai:text-embedding-3-large@96"
    rows = conn.execute(
        "SELECT model, count(*), min(len(embedding)), max(len(embedding)) FROM summary_embeddings "
        "GROUP BY model ORDER BY model"
    ).fetchall()
    assert rows == [
        ("openai:text-embedding-3-large@96", 2, 96, 96),
        ("openai:text-embedding-3-small@64", 2, 64, 64),
    ]
    hashes, x = embed.load_embeddings(conn, [first_hash(conn)], model=second.model)
    assert x.shape == (1, 96)
    registry = conn.execute(
        "SELECT model_id, name, dim FROM embedding_models ORDER BY 1"
    ).fetchall()
    assert registry == [
        ("openai:text-embedding-3-large@96", "openai:text-embedding-3-large", 96),
        ("openai:text-embedding-3-small@64", "openai:text-embedding-3-small", 64),
    ]


def first_hash(conn) -> str:
    return conn.execute("SELECT min(text_hash) FROM summary_embeddings").fetchall()[0][0]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory):
    return tiny_sentence_model(tmp_path_factory.mktemp("models") / "tiny-bert")


def test_a_model_folder_works_offline_under_its_own_id(tiny_model, conn, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    settings = Settings.from_env({"TRACETOPICS_EMBED_MODEL": str(tiny_model)})
    e = make_embedder(settings)
    assert isinstance(e, SentenceEmbedder) and e.kind == "local"
    assert e.name.startswith("local:tiny-bert#")
    day = date(2026, 11, 4)
    _summaries(conn, day, ["Export dashboard", "Reset password"])
    stats = embed.embed_days(conn, [day], settings=settings, embedder=e)
    assert stats.embedded == 2 and stats.model == e.name + "@32"
    hashes, x = embed.load_embeddings(conn, [first_hash(conn)], model=stats.model)
    assert x.shape == (1, 32) and np.isclose(np.linalg.norm(x[0]), 1, atol=1e-5)
    # The id follows the folder's contents: the same model saved again keeps it.
    assert make_embedder(settings).name == e.name


def test_a_changed_model_folder_gets_a_new_id(tiny_model, tmp_path):
    import shutil

    copy = tmp_path / "tiny-bert"
    shutil.copytree(tiny_model, copy)
    same = make_embedder(Settings.from_env({"TRACETOPICS_EMBED_MODEL": str(copy)}))
    assert (
        same.name
        == make_embedder(Settings.from_env({"TRACETOPICS_EMBED_MODEL": str(tiny_model)})).name
    )
    config = json.loads((copy / "config.json").read_text())
    config["layer_norm_eps"] = 1e-6
    (copy / "config.json").write_text(json.dumps(config))
    changed = make_embedder(Settings.from_env({"TRACETOPICS_EMBED_MODEL": str(copy)}))
    assert changed.name != same.name


def test_warehouse_stays_consistent_when_a_packaged_id_is_asked_for(conn):
    assert embed.registered_model_id(conn, make_embedder(Settings())) == warehouse.PACKAGED_MODEL_ID


def test_the_device_setting_goes_through_the_same_stage(conn, monkeypatch):
    """TRACETOPICS_EMBED_DEVICE=cuda reaches the model loader through the one embed stage (no
    GPU here: the loader is replaced by one that records what it was asked for)."""
    import torch

    from tracetopics_pipeline.core.topics.embedders import local

    asked = []

    class Model:
        def get_embedding_dimension(self) -> int:
            return warehouse.EMBED_DIM

        def encode(self, texts, **_kw):
            return torch.ones((len(texts), warehouse.EMBED_DIM))

    def fake_load(path, device):
        asked.append((path, device))
        return Model()

    monkeypatch.setattr(local, "load_model", fake_load)
    settings = Settings.from_env({"TRACETOPICS_EMBED_DEVICE": "cuda"})
    e = make_embedder(settings)
    assert isinstance(e, SentenceEmbedder) and e.device == "cuda"
    _summaries(conn, date(2026, 11, 5), ["Export dashboard", "Reset password"])
    stats = embed.embed_days(conn, [date(2026, 11, 5)], settings=settings, embedder=e)
    assert asked == [(None, "cuda")] and stats.embedded == 2
    assert stats.model == warehouse.PACKAGED_MODEL_ID  # the packaged model's id, any device
