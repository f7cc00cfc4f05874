"""The spend budget through the Dagster shell: summaries and embeddings from the fake server,
first under a daily cap, then under a monthly one; the caps hold and what was left over is
reported in facet_coverage and the asset metadata."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import dagster as dg
import pytest
from fake_openai import FakeOpenAI

from tracetopics_pipeline.core import warehouse

DAY = date(2026, 11, 20)
# $1 per million tokens both ways: a summary call (100 + 20 tokens at the fake) costs $0.00012.
PRICES = {"gpt-4o-mini": [1, 1], "text-embedding-3-small": [1, 0]}


@pytest.fixture(scope="module")
def budget_home(tmp_path_factory):
    from tracetopics_pipeline import runner
    from tracetopics_pipeline.demo import generate_traffic

    fake = FakeOpenAI()
    mp = pytest.MonkeyPatch()
    home = tmp_path_factory.mktemp("budget") / "home"
    for key, value in {
        "TRACETOPICS_HOME": str(home),
        "TRACETOPICS_WAREHOUSE": str(home / "warehouse.duckdb"),
        "TRACETOPICS_SUMMARIZER": "openai",
        "TRACETOPICS_EMBED_MODEL": "openai:text-embedding-3-small",
        "OPENAI_BASE_URL": fake.url,
        "OPENAI_API_KEY": "test-key",
        "TRACETOPICS_PRICES": json.dumps(PRICES),
        "TRACETOPICS_BUDGET_USD_DAY": "0.02",
    }.items():
        mp.setenv(key, value)
    mp.delenv("DAGSTER_HOME", raising=False)
    mp.delenv("TRACETOPICS_BUDGET_USD_MONTH", raising=False)
    generate_traffic(home / "landing", days=1, per_day=200, seed=2, end=DAY, bad_lines=False)
    runner.ensure_dagster_home()
    yield home, fake, mp
    mp.undo()
    fake.close()


def _summarize(home) -> dict[str, dict]:
    """summarize_job for DAY (ingest, facets, embeddings): each asset's metadata."""
    from tracetopics_pipeline.definitions import defs

    with dg.DagsterInstance.get() as instance:
        result = defs.resolve_job_def("summarize_job").execute_in_process(
            instance=instance, partition_key=DAY.isoformat()
        )
    assert result.success
    out = {}
    for ev in result.get_asset_materialization_events():
        mat = ev.step_materialization_data.materialization
        out[mat.asset_key.to_user_string()] = {k: v.value for k, v in mat.metadata.items()}
    return out


def _q(home, sql: str) -> list[tuple]:
    with warehouse.connect(home / "warehouse.duckdb", read_only=True) as conn:
        return conn.execute(sql).fetchall()


def _spent(home) -> tuple[float, float]:
    today = datetime.now(UTC).date()
    [(day, month)] = _q(
        home,
        f"""SELECT coalesce(sum(usd) FILTER (WHERE day = DATE '{today}'), 0),
                   coalesce(sum(usd) FILTER (WHERE day >= DATE '{today.replace(day=1)}'), 0)
            FROM spend_ledger""",
    )
    return day, month


def test_daily_then_monthly_cap_hold_with_the_skipped_count_reported(budget_home):
    home, fake, mp = budget_home
    md = _summarize(home)
    facets = md["facet_summaries"]
    traces = _q(home, "SELECT count(*) FROM raw_traces")[0][0]
    summarized = _q(
        home, "SELECT count(DISTINCT trace_id) FROM facet_summaries WHERE status <> 'skipped'"
    )[0][0]
    day, _ = _spent(home)
    assert 0 < summarized < traces
    assert day <= 0.02 and facets["spend_usd_today"] <= 0.02
    assert facets["budget_exhausted"].startswith("daily cap $0.02 reached")
    skipped = _q(home, "SELECT sum(budget_skipped) FROM facet_coverage")[0][0]
    assert skipped == facets["skipped_budget"] > 0
    assert facets["skipped_budget_reason"].startswith("budget: daily cap")
    reasons = _q(
        home,
        "SELECT DISTINCT split_part(error, ';', 1) FROM facet_summaries "
        "WHERE status = 'skipped' AND error LIKE 'budget:%'",
    )
    assert len(reasons) == 1 and reasons[0][0].startswith("budget: daily cap $0.02 reached")
    assert len(fake.bodies("/chat/completions")) == facets["requests"] == summarized
    kinds = dict(_q(home, "SELECT kind, sum(requests) FROM spend_ledger GROUP BY 1"))
    assert kinds["summaries"] == summarized
    emb = md["summary_embeddings"]
    assert emb["spend_usd_today"] <= 0.02 and emb["model"] == "openai:text-embedding-3-small@64"
    # Every text to embed was embedded or reported as left over by the budget.
    assert emb["embedded"] + emb["skipped_budget"] == emb["unique"] - emb["cached"] > 0
    assert (kinds.get("embeddings", 0) > 0) == (emb["embedded"] > 0)

    # A monthly cap a little above this month's spend: some more get done, the cap holds.
    _, month = _spent(home)
    cap = round(month + 0.01, 6)
    mp.delenv("TRACETOPICS_BUDGET_USD_DAY")
    mp.setenv("TRACETOPICS_BUDGET_USD_MONTH", str(cap))
    fake.requests.clear()
    md2 = _summarize(home)
    f2 = md2["facet_summaries"]
    more = _q(
        home, "SELECT count(DISTINCT trace_id) FROM facet_summaries WHERE status <> 'skipped'"
    )[0][0]
    _, month2 = _spent(home)
    assert summarized < more < traces
    assert month2 <= cap and f2["spend_usd_month"] <= cap
    assert f2["budget_exhausted"].startswith(f"monthly cap ${cap:g} reached")
    assert f2["cache_hits"] > 0  # what the day cap let through was not paid for again
    assert _q(home, "SELECT sum(budget_skipped) FROM facet_coverage")[0][0] == f2["skipped_budget"]
    assert f2["skipped_budget"] < skipped
