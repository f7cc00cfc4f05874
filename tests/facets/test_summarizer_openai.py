"""The OpenAI-compatible summarizer against a scripted chat-completions server on 127.0.0.1."""

from __future__ import annotations

import json
import time
from dataclasses import replace

import openai
import pytest
from factories.conversations import DAY1
from fake_openai import FakeOpenAI

from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets
from tracetopics_pipeline.core.facets.stage import summarize_days
from tracetopics_pipeline.core.facets.summarizers import make_summarizer
from tracetopics_pipeline.core.facets.summarizers.openai import (
    SummarizerConfigError,
    parse_answer,
)
from tracetopics_pipeline.core.spend.prices import price_for


def _summ(llm: FakeOpenAI, tmp_path, **opts):
    client = openai.OpenAI(base_url=llm.url, api_key="test-key")
    opts = {"concurrency": 2, "backoff_s": 0.01, "max_backoff_s": 0.05, "timeout_s": 5.0, **opts}
    return make_summarizer(
        "openai", client=client, model="gpt-4o-mini", cache_dir=tmp_path / "cache", **opts
    )


def test_one_call_per_trace_redacted_and_cached(llm, tmp_path, facet_wh):
    conn, facets = facet_wh, load_facets()
    stats = summarize_days(conn, [DAY1], facets=facets, summarizer=_summ(llm, tmp_path))
    assert len(llm.bodies()) == 5 == stats.requests  # 5 traces on DAY1, all facets in one call each
    sent = json.dumps(llm.bodies())
    assert "jane.doe@example.com" not in sent and "<EMAIL>" in sent
    assert "123-4567" not in sent and "<PHONE>" in sent
    assert stats.prompt_tokens == 500 and stats.completion_tokens == 100
    assert stats.cost_usd == pytest.approx((500 * 0.15 + 100 * 0.60) / 1e6)
    rows = conn.execute("SELECT status, count(*) FROM facet_summaries GROUP BY ALL").fetchall()
    assert dict(rows)["ok"] + dict(rows).get("excluded", 0) == 5 * len(facets)
    label = conn.execute(
        "SELECT label, summary FROM facet_summaries WHERE facet='Sentiment' LIMIT 1"
    ).fetchone()
    assert label == ("POSITIVE", "summary of sentiment")
    # the model gives one label per facet: labels holds it alone (docs/facets.md)
    assert conn.execute(
        "SELECT bool_and(labels = [label]) FROM facet_summaries WHERE label IS NOT NULL"
    ).fetchone() == (True,)

    # Second run (a new summarizer, same cache folder): zero HTTP calls, same rows.
    llm.requests.clear()
    again = summarize_days(conn, [DAY1], facets=facets, summarizer=_summ(llm, tmp_path))
    assert llm.bodies() == [] and again.requests == 0
    assert again.cache_hits == 5 * len(facets)
    assert conn.execute("SELECT count(*) FROM facet_summaries").fetchone()[0] == 5 * len(facets)


def test_changed_prompt_resummarizes_only_that_facet(llm, tmp_path, facet_wh):
    conn, facets = facet_wh, load_facets()
    summarize_days(conn, [DAY1], facets=facets, summarizer=_summ(llm, tmp_path))
    llm.requests.clear()
    changed = [replace(f, prompt=f.prompt + " Be terse.") if f.key == "task" else f for f in facets]
    summarize_days(
        conn, [DAY1], facets=changed, summarizer=_summ(llm, tmp_path), only_facets=["Task"]
    )
    assert len(llm.bodies()) == 5
    asked = {
        k for r in llm.bodies() for k in r["response_format"]["json_schema"]["schema"]["properties"]
    }
    assert asked == {"task"}


def test_retries_429_and_5xx_then_succeeds(llm, tmp_path):
    llm.script = [("status", 429), ("status", 503), ("status", 500)]
    s = _summ(llm, tmp_path, concurrency=1)
    res = s.summarize(
        [{"id": "a", "messages": [{"role": "user", "content": "How do I export to CSV?"}]}],
        load_facets()[:1],
    )
    assert res.outputs[0].status == "ok" and res.retries == 3 and res.requests == 4


def test_timeout_is_retried(llm, tmp_path):
    llm.script = [("hang", 10.0)]
    s = _summ(llm, tmp_path, concurrency=1, timeout_s=0.5)
    t0 = time.perf_counter()
    res = s.summarize(
        [{"id": "a", "messages": [{"role": "user", "content": "reset my password"}]}],
        load_facets()[:1],
    )
    assert res.outputs[0].status == "ok" and res.retries == 1
    assert time.perf_counter() - t0 < 8.0  # gave up on the hung response (10 s) and retried


def test_retries_exhausted_records_errored(llm, tmp_path):
    llm.script = [("status", 503)] * 10
    s = _summ(llm, tmp_path, concurrency=1, max_retries=2)
    res = s.summarize(
        [{"id": "a", "messages": [{"role": "user", "content": "hi, export csv"}]}],
        load_facets()[:2],
    )
    assert [o.status for o in res.outputs] == ["errored", "errored"]
    assert "InternalServerError 503" in res.outputs[0].error and res.requests == 3


def test_garbage_json_retried_once_then_errored(llm, tmp_path, facet_wh):
    conn = facet_wh
    llm.script = [("garbage",)] * 10
    facets = load_facets()
    summ = _summ(llm, tmp_path, concurrency=1)
    stats = summarize_days(conn, [DAY1], facets=facets, summarizer=summ)  # must not raise
    assert stats.requests == 10  # every trace asked twice
    rows = conn.execute("SELECT DISTINCT status, error FROM facet_summaries").fetchall()
    assert rows == [("errored", "malformed model output: answer is not a JSON object")]
    assert stats.coverage["Task"]["errored"] == 5
    # Errors are not cached: the next run asks again and succeeds.
    llm.requests.clear()
    summarize_days(conn, [DAY1], facets=facets, summarizer=summ)
    assert (
        conn.execute("SELECT count(*) FROM facet_summaries WHERE status='errored'").fetchone()[0]
        == 0
    )


def test_garbage_once_then_good(llm, tmp_path):
    llm.script = [("garbage",)]
    res = _summ(llm, tmp_path).summarize(
        [{"id": "a", "messages": [{"role": "user", "content": "x y z"}]}], load_facets()[:2]
    )
    assert [o.status for o in res.outputs] == ["ok", "ok"] and res.requests == 2


def test_label_outside_set_is_malformed(llm, tmp_path):
    llm.script = [("wrong_label",), ("wrong_label",)]
    facets = [find_facet(load_facets(), "Sentiment"), find_facet(load_facets(), "Task")]
    res = _summ(llm, tmp_path).summarize(
        [{"id": "a", "messages": [{"role": "user", "content": "great, thanks"}]}], facets
    )
    by = {o.facet: o for o in res.outputs}
    assert by["Sentiment"].status == "errored" and "BANANA" in by["Sentiment"].error
    assert by["Task"].status == "ok"


def test_auth_error_fails_fast(llm, tmp_path):
    llm.script = [("status", 401)]
    with pytest.raises(SummarizerConfigError):
        _summ(llm, tmp_path, concurrency=1).summarize(
            [{"id": "a", "messages": [{"role": "user", "content": "x"}]}], load_facets()[:1]
        )
    assert len(llm.bodies()) == 1


def test_skipped_facets_are_not_sent(llm, tmp_path):
    facets = load_facets()
    errs_only = replace(find_facet(facets, "Issues"), preprocessor="errors_only")
    res = _summ(llm, tmp_path).summarize(
        [{"id": "a", "messages": [{"role": "user", "content": "hello, export csv"}]}], [errs_only]
    )
    assert res.outputs[0].status == "skipped" and llm.bodies() == []


def test_parse_answer_tolerates_fences_and_label_in_summary():
    facets = [find_facet(load_facets(), "Churn risk")]
    good, bad = parse_answer(
        '```json\n{"churn_risk": {"summary": "HIGH: evaluating others"}}\n```', facets
    )
    assert good == {"Churn risk": ("HIGH: evaluating others", "HIGH")} and not bad


def test_price_override(monkeypatch):
    assert price_for("gpt-4o-mini-2024-07-18") == (0.15, 0.60)
    assert price_for("llama3:8b") is None
    monkeypatch.setenv("TRACETOPICS_PRICES", '{"llama3": [0.1, 0.2]}')
    assert price_for("llama3:8b") == (0.1, 0.2)


def test_a_200_whose_body_is_not_json_is_retried(llm, tmp_path):
    llm.script = [("bad_body",), ("bad_body",)]
    res = _summ(llm, tmp_path, concurrency=1).summarize(
        [{"id": "a", "messages": [{"role": "user", "content": "export to csv"}]}],
        load_facets()[:1],
    )
    assert res.outputs[0].status == "ok" and res.retries == 2 and res.requests == 3


def test_timeout_and_retries_come_from_the_environment(llm, tmp_path, monkeypatch):
    monkeypatch.setenv("TRACETOPICS_LLM_TIMEOUT_S", "0.3")
    monkeypatch.setenv("TRACETOPICS_LLM_MAX_RETRIES", "1")
    llm.script = [("hang", 5.0)] * 4
    client = openai.OpenAI(base_url=llm.url, api_key="test-key")
    s = make_summarizer("openai", client=client, cache_dir=tmp_path, concurrency=1, backoff_s=0.01)
    t0 = time.perf_counter()
    res = s.summarize(
        [{"id": "a", "messages": [{"role": "user", "content": "hi"}]}], load_facets()[:1]
    )
    assert res.outputs[0].status == "errored" and "Timeout" in res.outputs[0].error
    # Two calls cut at 0.3 s each, not two 5 s hangs: a wide bound, so a busy machine passes.
    assert res.requests == 2 and time.perf_counter() - t0 < 5.0


def test_a_run_has_a_deadline_for_model_calls(llm, tmp_path, monkeypatch):
    """A silent endpoint: past the deadline every trace left errors at once, without a call."""
    monkeypatch.setenv("TRACETOPICS_LLM_DEADLINE_S", "1.0")
    llm.script = [("hang", 5.0)] * 100
    client = openai.OpenAI(base_url=llm.url, api_key="test-key")
    s = make_summarizer("openai", client=client, cache_dir=tmp_path, concurrency=2, backoff_s=0.01)
    traces = [
        {"id": f"t{i}", "messages": [{"role": "user", "content": f"q {i}"}]} for i in range(20)
    ]
    t0 = time.perf_counter()
    res = s.summarize(traces, load_facets()[:1])
    assert time.perf_counter() - t0 < 3.0
    assert all(o.status == "errored" for o in res.outputs)
    assert "TRACETOPICS_LLM_DEADLINE_S" in res.outputs[-1].error
    assert len(llm.requests) <= 4
