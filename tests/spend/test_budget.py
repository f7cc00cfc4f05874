"""The spend budget: caps that hold, work left over reported (never dropped silently), a ledger.

The fake server answers every chat call with 100 prompt + 20 completion tokens; prices are set
to 1 USD per million tokens both ways, so a summary call costs exactly $0.00012.
"""

from __future__ import annotations

import hashlib
from datetime import UTC, date, datetime, timedelta

import openai
import pytest
from factories import insert_rows, insert_traces, trace_record
from fake_openai import FakeOpenAI

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets
from tracetopics_pipeline.core.facets.stage import summarize_days
from tracetopics_pipeline.core.facets.summarizers import make_summarizer
from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.spend import ledger
from tracetopics_pipeline.core.spend.budget import Budget
from tracetopics_pipeline.core.topics.labels.labellers import OpenAILabeler, TopicDescription

DAY = date(2026, 11, 20)
N = 40
CALL_USD = 120 / 1e6
PRICES = {"gpt-4o-mini": (1.0, 1.0), "text-embedding-3-small": (1.0, 0.0)}


def settings(**kw) -> Settings:
    return Settings(prices=PRICES, **kw)


def load_traces(conn, n: int = N, day: date = DAY) -> list[str]:
    ids = [f"tr-{day.isoformat()}-{i:03d}" for i in range(n)]
    insert_traces(
        conn,
        [
            trace_record(
                tid,
                datetime(day.year, day.month, day.day, 9, tzinfo=UTC) + timedelta(minutes=i),
                [
                    {"role": "user", "content": f"How do I export report {i} to CSV?"},
                    {"role": "assistant", "content": "Use Share > Export."},
                ],
                source_line=i,
            )
            for i, tid in enumerate(ids)
        ],
    )
    return ids


def summarizer(llm: FakeOpenAI, tmp_path, budget: Budget):
    client = openai.OpenAI(base_url=llm.url, api_key="test-key")
    return make_summarizer(
        "openai", client=client, model="gpt-4o-mini", cache_dir=tmp_path / "cache",
        budget=budget, concurrency=2, backoff_s=0.01, max_backoff_s=0.05,
    )  # fmt: skip


def run(conn, llm, tmp_path, s: Settings, *, today: date = DAY, facets=None):
    facets = facets or [find_facet(load_facets(), "Task")]
    budget = ledger.budget_from_ledger(conn, s, today=today)
    stats = summarize_days(
        conn, [DAY], facets=facets, summarizer=summarizer(llm, tmp_path, budget), budget=budget
    )
    return stats, budget


def ledger_row(**kw) -> dict:
    return {"requests": 0, "input_tokens": 0, "output_tokens": 0, "priced": True, **kw}


def statuses(conn) -> dict[str, tuple[str, str | None]]:
    rows = conn.execute("SELECT trace_id, status, error FROM facet_summaries").fetchall()
    return {t: (s, e) for t, s, e in rows}


def md5_order(ids: list[str]) -> list[str]:
    return sorted(ids, key=lambda t: hashlib.md5(t.encode()).hexdigest())


# --- the budget itself ---------------------------------------------------------------------


def test_reserve_holds_the_caps_and_exhausts_only_with_nothing_in_flight():
    b = Budget(Settings(budget_usd_day=1.0, budget_usd_month=10.0), spent_day=0.5, spent_month=9.2)
    assert b.reserve(0.3) and b.reserve(0.15)  # 0.95 today, 9.65 this month
    assert not b.reserve(0.1) and b.exhausted is None  # in flight may free room
    b.release(0.3)
    b.release(0.15)
    b.charge("summaries", "gpt-4o-mini", 100_000, 0)  # $0.015 at the built-in price
    assert b.spent_day == pytest.approx(0.515) and b.run_usd == pytest.approx(0.015)
    assert b.reserve(0.4)
    b.release(0.4)
    assert not b.reserve(0.5)  # 1.015 > 1.0 with nothing in flight: the cap is reached
    assert b.exhausted.startswith("daily cap $1 reached")
    assert not b.reserve(0.001) and b.reserve(0.0)  # exhausted for good; free calls still go
    m = Budget(Settings(budget_usd_month=10.0), spent_month=9.9)
    assert not m.reserve(0.2) and m.exhausted.startswith("monthly cap $10 reached")
    assert Budget(Settings()).reserve(1e9)  # no cap, never refused
    md = b.metadata()
    assert md["budget_usd_day"] == 1.0 and md["budget_exhausted"].startswith("daily cap")
    assert [(c.kind, c.requests) for c in b.drain()] == [("summaries", 1)] and b.drain() == []


# --- summaries against the fake server -----------------------------------------------------


def test_daily_cap_holds_and_the_rest_is_skipped_and_reported(llm, tmp_path, conn):
    ids = load_traces(conn)
    cap = 0.003  # 25 calls at most; 40 would cost $0.0048
    stats, budget = run(conn, llm, tmp_path, settings(budget_usd_day=cap))
    spent_today, _ = ledger.spend_to_date(conn, DAY)
    done = [t for t, (s, _) in statuses(conn).items() if s == "ok"]
    skipped = {t: e for t, (s, e) in statuses(conn).items() if s == "skipped"}
    assert 0 < len(done) < N and len(done) + len(skipped) == N
    # The cap holds: what was spent is what was called, and it is under the cap.
    assert len(llm.bodies("/chat/completions")) == len(done) == stats.requests
    assert spent_today == pytest.approx(len(done) * CALL_USD) and spent_today <= cap
    # Never dropped silently: the reason on every row, counted in coverage and metadata.
    assert all(e.startswith("budget: daily cap $0.003 reached") for e in skipped.values())
    assert all(e.endswith("left for the next run") for e in skipped.values())
    cov = conn.execute("SELECT skipped, budget_skipped FROM facet_coverage").fetchall()
    assert cov == [(len(skipped), len(skipped))]
    md = stats.metadata()
    assert md["skipped_budget"] == len(skipped) and md["Task/budget_skipped"] == len(skipped)
    assert md["skipped_budget_reason"].startswith("budget: daily cap")
    assert budget.metadata()["spend_usd_today"] == pytest.approx(spent_today)
    # Deterministic by id: the summarized traces are the first in session/trace-hash order.
    assert set(done) == set(md5_order(ids)[: len(done)])
    assert conn.execute(
        "SELECT day, kind, model, requests, input_tokens, output_tokens FROM spend_ledger"
    ).fetchall() == [(DAY, "summaries", "gpt-4o-mini", len(done), 100 * len(done), 20 * len(done))]

    # Later the same day: the cap is reached, nothing is sent, the rows stay reported.
    llm.requests.clear()
    again, _ = run(conn, llm, tmp_path, settings(budget_usd_day=cap))
    assert llm.bodies() == [] and again.budget_skipped == len(skipped)
    assert ledger.spend_to_date(conn, DAY)[0] == pytest.approx(spent_today)

    # The next day's budget picks up what was left; what was paid for comes from the cache.
    llm.requests.clear()
    tomorrow = DAY + timedelta(days=1)
    nxt, _ = run(conn, llm, tmp_path, settings(budget_usd_day=0.01), today=tomorrow)
    assert nxt.budget_skipped == 0 and nxt.cache_hits == len(done)
    assert len(llm.bodies()) == len(skipped)
    assert all(s == "ok" for s, _ in statuses(conn).values())


def test_the_same_budget_skips_the_same_traces(llm, tmp_path):
    picked = []
    for run_no in range(2):
        c = warehouse.connect(tmp_path / f"wh{run_no}.duckdb")
        load_traces(c)
        run(c, llm, tmp_path / f"r{run_no}", settings(budget_usd_day=0.002))
        picked.append({t for t, (s, _) in statuses(c).items() if s == "ok"})
        c.close()
    assert picked[0] == picked[1] and 0 < len(picked[0]) < N


def test_monthly_cap_counts_earlier_days_of_the_month(llm, tmp_path, conn):
    load_traces(conn)
    insert_rows(
        conn,
        "spend_ledger",
        [
            ledger_row(day=date(2026, 11, 3), kind="summaries", model="gpt-4o-mini", usd=0.997),
            ledger_row(day=date(2026, 10, 30), kind="summaries", model="gpt-4o-mini", usd=50.0),
        ],
    )
    cap = 1.0  # $0.003 left this month; October does not count
    stats, budget = run(conn, llm, tmp_path, settings(budget_usd_month=cap))
    done = [t for t, (s, _) in statuses(conn).items() if s == "ok"]
    _, month = ledger.spend_to_date(conn, DAY)
    assert 0 < len(done) < N and month <= cap
    assert month == pytest.approx(0.997 + len(done) * CALL_USD)
    assert stats.budget_skipped == N - len(done)
    assert stats.budget_reason.startswith("budget: monthly cap $1 reached")
    assert budget.metadata()["spend_usd_month"] == pytest.approx(month)


def test_cache_hits_are_free_after_the_cap(llm, tmp_path, conn):
    load_traces(conn)
    run(conn, llm, tmp_path, settings())  # no cap: everything summarized and cached
    conn.execute("DELETE FROM spend_ledger")
    insert_rows(
        conn, "spend_ledger", [ledger_row(day=DAY, kind="summaries", model="gpt-4o-mini", usd=5.0)]
    )
    llm.requests.clear()
    stats, _ = run(conn, llm, tmp_path, settings(budget_usd_day=1.0))  # already over the cap
    assert llm.bodies() == [] and stats.cache_hits == N and stats.budget_skipped == 0


def test_labels_fall_back_to_local_ones_when_the_budget_refuses(llm):
    topics = [
        TopicDescription(i, ["export", "csv"], [f"Export report {i} to CSV"], size=10)
        for i in range(3)
    ]
    client = openai.OpenAI(base_url=llm.url, api_key="k")
    b = Budget(settings(budget_usd_day=1.0), spent_day=0.9999)
    lab = OpenAILabeler(model="gpt-4o-mini", client=client, budget=b)
    out = lab.label("Task", topics)
    assert llm.requests == [] and lab.budget_fallbacks == 3
    assert out[0].startswith("Export report")  # the local labeller's answer
    rich = Budget(settings(budget_usd_day=1.0))
    lab2 = OpenAILabeler(model="gpt-4o-mini", client=client, budget=rich)
    assert lab2.label("Task", topics)[0] == "LLM label 0"
    assert rich.run_usd == pytest.approx(CALL_USD) and lab2.budget_fallbacks == 0


def test_embeddings_stop_at_the_cap_and_say_how_many_were_left(llm, conn):
    from tracetopics_pipeline.core.topics import embed
    from tracetopics_pipeline.core.topics.embedders.openai import EndpointEmbedder

    texts = [f"Export report {i} to CSV for the finance team" for i in range(30)]
    insert_rows(
        conn,
        "facet_summaries",
        [dict(day=DAY, trace_id=f"t{i}", facet="Task", summary=t, status="ok")
         for i, t in enumerate(texts)],
    )  # fmt: skip
    s = settings(budget_usd_day=0.0002)  # $1/Mtok: about 200 estimated tokens
    b = ledger.budget_from_ledger(conn, s, today=DAY)
    client = openai.OpenAI(base_url=llm.url, api_key="k")
    e = EndpointEmbedder("text-embedding-3-small", client=client, settings=s, budget=b,
                         batch_tokens=60)  # fmt: skip
    stats = embed.embed_days(conn, [DAY], settings=s, embedder=e)
    assert 0 < stats.embedded < 30 and stats.skipped_budget == 30 - stats.embedded
    assert stats.metadata()["skipped_budget"] == stats.skipped_budget
    spent, _ = ledger.spend_to_date(conn, DAY)
    assert 0 < spent <= 0.0002
    assert conn.execute("SELECT kind, requests FROM spend_ledger").fetchall() == [
        ("embeddings", len(llm.bodies("/embeddings")))
    ]


def test_spend_summary_and_the_cli(llm, tmp_path, home, monkeypatch, capsys):
    import json

    from tracetopics_pipeline.cli import main
    from tracetopics_pipeline.core.settings import paths

    conn = warehouse.connect(paths().warehouse)
    today = datetime.now(UTC).date()
    insert_rows(
        conn,
        "spend_ledger",
        [
            ledger_row(day=today, kind="summaries", model="gpt-4o-mini", requests=10,
                       input_tokens=1000, output_tokens=200, usd=0.25),
            ledger_row(day=today, kind="embeddings", model="llama-embed", requests=2,
                       input_tokens=50, usd=0.0, priced=False),
            ledger_row(day=today - timedelta(days=40), kind="summaries", model="gpt-4o-mini",
                       usd=9.0),
        ],
    )  # fmt: skip
    s = ledger.spend_summary(conn, Settings(budget_usd_day=2.0))
    conn.close()
    assert s.spent_today_usd == 0.25 and s.budget_day_usd == 2.0 and s.budget_month_usd is None
    assert [r["kind"] for r in s.by_model] == ["summaries", "embeddings"]
    assert s.unpriced_models == ["llama-embed"]
    monkeypatch.setenv("TRACETOPICS_BUDGET_USD_DAY", "2")
    assert main(["spend"]) == 0
    out = capsys.readouterr().out
    assert "Model spend: today $0.2500 (cap $2.00)" in out and "llama-embed" in out
    assert main(["spend", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["spent_today_usd"] == 0.25
