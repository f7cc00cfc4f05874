"""Explorer API over a small fixture warehouse published as a Parquet snapshot."""

from __future__ import annotations

import base64
import json
import re
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest
from factories.explorer import (
    MAP_ID,
    TOPICS,
    build_explorer_warehouse,
    publish_explorer_home,
    publish_issues_home,
)
from fastapi.testclient import TestClient

from tracetopics_pipeline.core.settings import Paths
from tracetopics_pipeline.core.warehouse import PACKAGED_MODEL_ID
from tracetopics_pipeline.core.warehouse.snapshot import current_snapshot, publish_snapshot
from tracetopics_pipeline.explorer.app import create_app, ensure_snapshot

N = 600  # trace i: topic i % 6 (5 = no_match), customer i % 3, Sentiment NEGATIVE iff topic 3


@pytest.fixture(scope="module")
def explorer_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture warehouse of N traces with a one-row priority mart, published."""
    return publish_explorer_home(
        tmp_path_factory.mktemp("tt_home"),
        n=N,
        priorities=[(1, "Cancel or downgrade subscription", 0.9)],
    )


@pytest.fixture(scope="module")
def client(explorer_home: Path) -> TestClient:
    return TestClient(create_app(explorer_home), base_url="http://localhost")


def test_no_snapshot_is_a_clear_503(tmp_path: Path) -> None:
    c = TestClient(create_app(tmp_path), base_url="http://localhost")
    r = c.get("/api/overview")
    assert r.status_code == 503 and r.json()["code"] == "no_snapshot"
    assert c.get("/").status_code == 200  # the page itself still loads and explains


def test_page_and_local_plotly(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "cdn" not in page.text.lower()
    # The chart library is no script of the page's own: app.js loads it when a chart is drawn
    # (in the head it held the page back for seconds, review rv13).
    assert '<script src="/vendor/plotly.min.js"' not in page.text
    assert '"/vendor/plotly.min.js"' in client.get("/static/app.js").text
    js = client.get("/vendor/plotly.min.js")
    assert js.status_code == 200 and len(js.content) > 1_000_000
    assert client.get("/static/app.js").status_code == 200


def test_overview(client: TestClient) -> None:
    ov = client.get("/api/overview").json()
    assert ov["traces"] == N
    facets = {f["facet"]: f for f in ov["facets"]}
    assert [f["facet"] for f in ov["facets"]] == ["Task", "Sentiment", "Issues"]  # the file's order
    # in the facet's order, its default label last (review rv6 E5), not the alphabet's
    assert facets["Sentiment"]["labels"] == ["POSITIVE", "NEUTRAL", "NEGATIVE"]
    assert facets["Issues"]["labels"][-1] == "NONE"
    assert {c["value"] for c in ov["customers"]} == {"acme", "globex", "initech"}
    assert ov["marts"] == ["topic_priority"]
    # What changed's windows come from the one place the time axes' gap rule reads them.
    from tracetopics_pipeline.core.ingest.gaps import AXIS_GAP_DAYS

    assert ov["change_windows"] == [7, 14, 28] and max(ov["change_windows"]) == AXIS_GAP_DAYS
    # Labels read as the facet defines them: the default label as its none_label.
    assert facets["Issues"]["display"]["NONE"] == "No issue"
    assert facets["Issues"]["display"]["FAILED_TOOL_CALL"] == "Failed tool call"
    assert facets["Issues"]["default_label"] == "NONE"
    assert facets["Sentiment"]["default_label"] is None
    assert facets["Sentiment"]["label_order"] == ["POSITIVE", "NEUTRAL", "NEGATIVE", "MIXED"]
    assert facets["Sentiment"]["display"] == {
        "POSITIVE": "Positive", "NEUTRAL": "Neutral", "NEGATIVE": "Negative", "MIXED": "Mixed"
    }  # fmt: skip
    # Nothing spent, no cap, nothing calls an endpoint: the page can say "local".
    spend = ov["spend"]
    assert spend["spent_month_usd"] == 0 and spend["uses_endpoint"] is False


def test_a_facets_label_values_read_by_one_rule_singular_from_the_facet_file(capsys) -> None:
    """Review rv6 E5: the Label filter read "Feature request: Bug fix requests" (plural, the
    name of its topic) beside "Improvement", and "Pricing question: Cost questions" beside
    "Custom quote". Every value reads singular, in the facet's own words (its `display` in the
    facet file, else the value as words), from one place (Facet.label_names) that `facets
    list` prints too; the parent topics keep their plural names."""
    from tracetopics_pipeline.cli import main
    from tracetopics_pipeline.core.facets.definitions import load_facets
    from tracetopics_pipeline.explorer.app import display_labels

    shown, order, default = display_labels()["feature request"]
    assert shown == {
        "BUG_AS_REQUEST": "Bug fix request", "IMPROVEMENT": "Improvement",
        "NEW_CAPABILITY": "New capability", "NONE": "No request",
    }  # fmt: skip
    assert order == list(shown) and default == "NONE"
    assert display_labels()["pricing question"][0] == {
        "CUSTOM_QUOTE": "Custom quote", "TIER_COMPARISON": "Tier comparison",
        "COST": "Cost question", "NONE": "No pricing question",
    }  # fmt: skip
    assert list(display_labels()["churn risk"][0].values()) == [
        "Critical", "High", "Medium", "No churn signal"
    ]  # fmt: skip
    # Every facet's values, from the one place; none of the packaged file's reads as a plural.
    for facet in load_facets():
        for value, text in facet.label_names.items():
            assert text == display_labels()[facet.name.lower()][0][value]
            assert value == facet.default_label or not text.endswith("s"), text
    # The CLI prints the same words.
    assert main(["facets", "list"]) == 0
    out = capsys.readouterr().out
    assert "BUG_AS_REQUEST “Bug fix request”, IMPROVEMENT “Improvement”" in out
    assert "COST “Cost question”, NONE “No pricing question” (default NONE)" in out


def test_topics_ranked_with_shares_and_no_match_toggle(client: TestClient) -> None:
    body = client.get("/api/topics", params={"facet": "Task"}).json()
    assert body["total"] == N and body["no_match"] == N // 6
    assert [t["topic_id"] for t in body["topics"]] == [0, 1, 2, 3, 4]  # ties: by id
    t0 = body["topics"][0]
    assert t0["label"] == TOPICS[0][1] and t0["keywords"] == TOPICS[0][2]
    assert t0["count"] == N // 6 and t0["share"] == pytest.approx(1 / 6)
    assert sum(t0["sparkline"]) == N // 6 and len(t0["sparkline"]) == 21
    # The sparkline is the Trends view's daily series of the topic.
    daily = client.get("/api/timeline", params={"facet": "Task", "grain": "day"}).json()
    assert body["days"] == daily["buckets"]
    assert t0["sparkline"] == next(s["counts"] for s in daily["series"] if s["topic_id"] == 0)
    # The factory's summaries differ only in a number ("... CSV file #0", "#1", ...): one ask,
    # shown once (explorer.levels._samples), with its trace.
    assert [s["summary"] for s in t0["samples"]] == [
        "User wants to export a dashboard as a CSV file #0"
    ]
    assert t0["samples"][0]["trace_id"]
    with_nm = client.get("/api/topics", params={"facet": "Task", "no_match": True}).json()
    assert any(t["topic_id"] == -1 and t["label"] == "no_match" for t in with_nm["topics"])


def test_filters_combine(client: TestClient) -> None:
    neg = client.get("/api/topics", params={"facet": "Task", "label": "Sentiment:NEGATIVE"}).json()
    assert [(t["topic_id"], t["count"]) for t in neg["topics"]] == [(3, N // 6)]
    acme = client.get("/api/traces", params={"customer": "acme", "limit": 1000}).json()
    assert acme["total"] == N // 3
    assert {t["customer"] for t in acme["traces"]} == {"acme"}
    # topic 3 = i % 6 == 3 → i % 3 == 0 → always acme; plan filter is AND-ed.
    r = client.get(
        "/api/traces", params={"topic": "Task:3", "plan_tier": "free", "limit": 5}
    ).json()
    assert r["total"] == 0
    days = client.get(
        "/api/traces", params={"date_from": "2026-11-05", "date_to": "2026-11-06"}
    ).json()
    assert days["total"] == sum(1 for i in range(N) if i % 21 in (4, 5))
    assert client.get("/api/traces", params={"label": "nocolon"}).status_code == 400
    # wrong values say which field and what it should look like, never Python's words
    for params, says in (
        ({"topic": "Task:abc"}, "a topic id is a whole number (topic=Task:3), got 'abc'"),
        ({"date_from": "notadate"}, "date_from must be a date like 2026-11-30, got 'notadate'"),
        ({"date_to": "2026-13-01"}, "date_to must be a date like 2026-11-30, got '2026-13-01'"),
        ({"date_from": "2026-11-30", "date_to": "2026-11-01"}, "is after date_to"),
    ):
        r = client.get("/api/traces", params=params)
        assert r.status_code == 400 and says in r.json()["detail"], r.text


def test_filter_values_are_parameters_not_sql(client: TestClient) -> None:
    evil = "acme' OR '1'='1"
    r = client.get("/api/traces", params={"customer": evil})
    assert r.status_code == 200 and r.json()["total"] == 0
    r = client.get("/api/topics", params={"facet": "Task'; DROP TABLE classifications; --"})
    assert r.status_code == 400 and "unknown facet" in r.json()["detail"]
    assert client.get("/api/topics", params={"facet": "Task"}).json()["total"] == N


def test_map_points_are_compact_columns(client: TestClient) -> None:
    m = client.get("/api/map", params={"facet": "Task"}).json()
    assert m["map_id"] == MAP_ID and m["n"] == N == m["total"]
    x = np.frombuffer(base64.b64decode(m["x"]), dtype="<f4")
    tid = np.frombuffer(base64.b64decode(m["topic_id"]), dtype="<i4")
    ids = m["ids"].split("\n")
    assert len(x) == len(tid) == len(ids) == N
    # Trace t-00003 is topic 3 in the fixture.
    assert tid[ids.index("t-00003")] == 3 and tid[ids.index("t-00005")] == -1
    sub = client.get("/api/map", params={"facet": "Task", "customer": "globex"}).json()
    assert sub["n"] == N // 3


def test_timeline_daily_and_weekly(client: TestClient) -> None:
    d = client.get("/api/timeline", params={"facet": "Task", "grain": "day"}).json()
    assert len(d["buckets"]) == 21
    assert sum(sum(s["counts"]) for s in d["series"]) == N
    w = client.get("/api/timeline", params={"facet": "Task", "grain": "week"}).json()
    assert all(__import__("datetime").date.fromisoformat(b).weekday() == 0 for b in w["buckets"])
    assert client.get("/api/timeline", params={"grain": "hour"}).status_code == 400
    # A day without traces in the filter is a zero, not a missing day.
    gap = client.get(
        "/api/timeline", params={"facet": "Task", "customer": "acme", "topic": "Task:0"}
    ).json()
    days = [__import__("datetime").date.fromisoformat(b) for b in gap["buckets"]]
    assert all((b - a).days == 1 for a, b in zip(days, days[1:], strict=False))


def test_trace_detail_and_hover_summary(client: TestClient) -> None:
    t = client.get("/api/trace/t-00000").json()
    roles = [m["role"] for m in t["messages"]]
    assert roles == ["user", "assistant", "tool", "assistant"]
    assert t["metadata"]["customer"] == "acme" and t["metrics"]["total_tokens"] == 120
    assert {f["facet"] for f in t["facets"]} == {"Task", "Sentiment", "Issues"}
    assert t["classifications"][0]["label"] == TOPICS[0][1]
    s = client.get("/api/summary", params={"trace_id": "t-00001", "facet": "Task"}).json()
    assert s["summary"].startswith("User cannot log in") and s["topic_id"] == 1
    assert client.get("/api/trace/nope").status_code == 404


def test_crosstabs(client: TestClient) -> None:
    ct = client.get("/api/crosstab", params={"row_facet": "Task", "col_facet": "Sentiment"}).json()
    row = ct["rows"].index(TOPICS[3][1])
    assert ct["counts"][row][ct["cols"].index("NEGATIVE")] == N // 6
    assert ct["total_rows"] == len(ct["rows"])  # every topic drawn; the page names a cut
    issues = client.get("/api/crosstab", params={"col_facet": "Issues"}).json()
    assert set(issues["cols"]) == {"NONE", "FAILED_TOOL_CALL"}
    assert sum(map(sum, issues["counts"])) == N


def test_priority_mart(client: TestClient) -> None:
    m = client.get("/api/marts/topic_priority").json()
    assert m["columns"] == ["priority_rank", "topic_label", "priority_score"]
    assert client.get("/api/marts/../../etc/passwd").status_code == 404
    assert client.get("/api/marts/raw_traces").status_code == 404


def test_export_eval_dataset(client: TestClient, explorer_home: Path) -> None:
    body = {"filter": {"customer": ["acme"]}, "facet": "Task", "topic_id": 0}
    m = client.post("/api/export", json={**body, "name": "../x"}).json()
    assert m["name"] == "x"  # the user's name, slugged: never a path
    assert m["count"] == sum(1 for i in range(N) if i % 6 == 0 and i % 3 == 0)
    path = explorer_home / "exports" / m["file"]
    assert path.parent == explorer_home / "exports" and path.exists()
    lines = [json.loads(x) for x in path.read_text().splitlines()]
    assert len(lines) == m["count"]
    first = lines[0]
    assert set(first) >= {"id", "created", "input", "output", "messages", "metadata", "metrics"}
    assert first["metadata"]["customer"] == "acme" and isinstance(first["messages"], list)
    manifest = json.loads((explorer_home / "exports" / m["manifest"]).read_text())
    assert manifest["filter"]["customers"] == ["acme"]
    assert manifest["topic_label"] == TOPICS[0][1]
    dl = client.get(f"/api/exports/{m['file']}")
    assert dl.status_code == 200 and dl.text.count("\n") == m["count"]
    for bad in ("..%2Fwarehouse.duckdb", "warehouse.duckdb", "eval-x.jsonl"):
        assert client.get(f"/api/exports/{bad}").status_code == 404
    assert any(e["file"] == m["file"] for e in client.get("/api/exports").json())


def test_exports_of_nothing_are_refused_and_write_nothing(
    client: TestClient, explorer_home: Path
) -> None:
    before = sorted((explorer_home / "exports").glob("*"))
    cases = {
        "an unknown topic": ({"facet": "Task", "topic_id": 99999}, 404, "Task has no topic 99999"),
        "an unknown facet": ({"facet": "Nope", "topic_id": 1}, 400, "unknown facet 'Nope'"),
        "an empty scope": ({"filter": {"customer": ["nobody"]}}, 400, "no traces match"),
    }
    for case, (body, status, detail) in cases.items():
        r = client.post("/api/export", json={**body, "name": case})
        assert r.status_code == status and detail in r.json()["detail"], case
    assert sorted((explorer_home / "exports").glob("*")) == before


@pytest.mark.parametrize(
    "url",
    [
        "/api/topics?facet=Nope",
        "/api/map?facet=Nope",
        "/api/timeline?facet=Nope",
        "/api/traces?facet=Nope",
        "/api/traces?label=Nope:X",
        "/api/traces?topic=Nope:1",
    ],
)
def test_an_unknown_facet_is_a_400_naming_the_facets(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 400, r.text
    assert "unknown facet 'Nope'" in r.json()["detail"] and "Task" in r.json()["detail"]
    assert client.get(url.replace("Nope", "task")).status_code == 200  # any case is known


def test_review_queue_persists_outside_the_warehouse(explorer_home: Path) -> None:
    c = TestClient(create_app(explorer_home), base_url="http://localhost")
    r = c.post(
        "/api/review",
        json={
            "filter": {},
            "facet": "Task",
            "topic_id": 3,
            "assignee": "ana",
            "note": "churn?",
            "limit": 5,
        },
    ).json()
    assert r["count"] == 5 and r["matched"] == N // 6
    items = c.get("/api/review", params={"assignee": "ana"}).json()["items"]
    assert len(items) == 5 and all(i["topic_label"] == TOPICS[3][1] for i in items)
    # the same traces again: already open for ana, not queued twice
    again = {"filter": {}, "facet": "Task", "topic_id": 3, "assignee": "ana", "limit": 5}
    assert c.post("/api/review", json=again).json()["already_open"] == 5
    assert len(c.get("/api/review", params={"assignee": "ana"}).json()["items"]) == 5
    bad = c.get("/api/review", params={"status": "bogus"})
    assert bad.status_code == 400 and "status must be one of open" in bad.json()["detail"]
    upd = c.patch(f"/api/review/{items[0]['id']}", json={"status": "done", "note": "ok"}).json()
    assert upd["status"] == "done" and upd["note"] == "ok"
    assert c.patch(f"/api/review/{items[0]['id']}", json={"status": "bogus"}).status_code == 422
    assert c.post("/api/review", json={"filter": {}, "assignee": " "}).status_code == 422
    # A fresh app (a restart) sees the same queue.
    again = (
        TestClient(create_app(explorer_home), base_url="http://localhost")
        .get("/api/review", params={"status": "done"})
        .json()
    )
    assert [i["id"] for i in again["items"]] == [items[0]["id"]]
    assert (explorer_home / "review_queue.sqlite").exists()


def test_roadmap_proposal(client: TestClient) -> None:
    md = client.get("/api/proposal", params={"facet": "Task", "topic_id": 3}).json()["markdown"]
    assert md.startswith("# Roadmap proposal: Cancel or downgrade subscription")
    sections = [line for line in md.splitlines() if line.startswith("## ")]
    assert sections == [
        "## Problem statement",
        "## Who is affected",
        "## Impact",
        "## Product gap or agent failure",
        "## What users ask for",
        "## Representative quotes (4, verbatim)",
        "## Recommendation",
    ]
    problem = md.split("## Problem statement")[1].split("##")[0]
    assert "100 conversations (16.7% of the Task traffic in scope)" in problem
    assert (
        "100.0% of them are negative or mixed, clearly above the 16.7% of the whole scope"
        in problem
    )
    assert "**Volume:** 100 traces (rank 4 of 5 topics by volume in scope)" in md
    # Weeks are whole: the 7 days ending on the snapshot's latest day, then the 7 before, ...
    table = md.split("### Weekly volume")[1].split("###")[0]
    weeks = [line.strip("|").split("|") for line in table.splitlines() if line[:3] == "| 2"]
    ends = [date.fromisoformat(w[0].strip()[:10]) for w in weeks]
    assert all((ends[-1] - e).days % 7 == 0 for e in ends) and len(ends) >= 2
    # Review rv6 P6: a first week that starts before the data says how many days it holds.
    first = client.get("/api/overview").json()["date_min"]
    partial = [w[0] for w in weeks if "(data from" in w[0]]
    if (ends[0] - date.fromisoformat(first)).days < 6:
        assert partial == [weeks[0][0]] and f"(data from {first}: " in partial[0]
    else:
        assert partial == []
    assert sum(int(w[1]) for w in weeks) == 100
    last, prev = int(weeks[-1][1]), int(weeks[-2][1]) if ends[-2] == ends[-1] - timedelta(7) else 0
    assert f"the 7 days to {ends[-1]}: {last} traces vs {prev} in the 7 days before" in md
    assert "**Pain:** 100.0% negative or mixed vs 16.7% overall" in md
    assert "| acme | 100 | 100.0% |" in md and "| enterprise | 100 | 100.0% |" in md
    who = md.split("## Who is affected")[1].split("|")[0].strip()
    assert re.fullmatch(r"1 of the scope's \d+ customers\. Top accounts and plan tiers:", who), who
    # label values read as on every page (Facet.label_names), not as keys (review rv8 L3)
    assert "### Sentiment mix" in md and "| Negative | 100 | 100.0% |" in md
    assert "NEGATIVE" not in md and "| No issue |" in md
    # Topic 3's negative traces have no agent issue (Issues NONE): a product gap.
    assert "**Product gap.** Of the topic's 100 negative or mixed conversations, 0" in md
    quotes = md.split("## Representative quotes")[1].split("## Recommendation")[0]
    assert quotes.count("\n### ") == 4
    # Verbatim: the user's words exactly as in the trace, each linked to its trace's page.
    assert "> User asks how to cancel or downgrade the subscription plan (request" in quotes
    assert "](http://localhost/?trace=t-" in quotes
    assert md.rstrip().endswith("## Recommendation")  # left for the PM
    raw = client.get("/api/proposal", params={"facet": "Task", "topic_id": 3, "format": "md"})
    assert raw.headers["content-type"].startswith("text/markdown")
    unknown = client.get("/api/proposal", params={"facet": "Task", "topic_id": 99})
    assert unknown.status_code == 404 and unknown.json()["detail"] == "Task has no topic 99"
    empty = client.get(
        "/api/proposal", params={"facet": "Task", "topic_id": 3, "customer": "nobody"}
    )
    assert empty.status_code == 404 and "no traces in this filter" in empty.json()["detail"]
    assert client.get("/api/proposal").status_code == 400


def test_new_snapshot_is_picked_up_without_restart(tmp_path: Path) -> None:
    conn = build_explorer_warehouse(tmp_path / "warehouse.duckdb", n=60)
    publish_snapshot(conn, tmp_path / "snapshot", embed_model=PACKAGED_MODEL_ID)
    c = TestClient(create_app(tmp_path), base_url="http://localhost")
    assert c.get("/api/overview").json()["traces"] == 60
    conn.execute("DELETE FROM raw_traces WHERE id >= 't-00030'")
    publish_snapshot(conn, tmp_path / "snapshot", embed_model=PACKAGED_MODEL_ID)
    assert c.get("/api/overview").json()["traces"] == 30
    conn.close()


def test_a_labelled_facet_map_says_how_many_traces_each_point_holds(tmp_path: Path) -> None:
    """Identical summaries share a position: the map answers one point per position with the
    traces it stands for (`w`), and counts the traces with no position (the default label is
    kept out of a labelled facet's map) in `off_map`, so the page can say what is not drawn."""
    conn = build_explorer_warehouse(tmp_path / "warehouse.duckdb", n=N)
    conn.execute(
        """INSERT INTO classifications (day, trace_id, facet, topic_id, label, distance, map_id,
                                        x, y)
           SELECT day, trace_id, 'Issues',
                  CASE WHEN s.label = 'NONE' THEN 21 ELSE 20 END, s.label, 0.0, 'Issues@m',
                  CASE WHEN s.label = 'NONE' THEN NULL ELSE 1.5 END,
                  CASE WHEN s.label = 'NONE' THEN NULL ELSE -2.0 END
           FROM facet_summaries s WHERE s.facet = 'Issues'"""
    )
    publish_snapshot(conn, tmp_path / "snapshot", embed_model=PACKAGED_MODEL_ID)
    conn.close()
    client = TestClient(create_app(tmp_path), base_url="http://localhost")
    m = client.get("/api/map", params={"facet": "Issues"}).json()
    failed = N // 4  # trace i has FAILED_TOOL_CALL iff i % 4 == 0 (factories/explorer.py)
    assert (m["points"], m["n"], m["total"]) == (1, failed, failed)
    assert np.frombuffer(base64.b64decode(m["w"]), dtype="<i4").tolist() == [failed]
    assert m["off_map"] == [{"topic_id": 21, "n": N - failed}]
    # A filter narrows both: globex holds every third trace.
    g = client.get("/api/map", params={"facet": "Issues", "customer": "globex"}).json()
    assert g["n"] + sum(o["n"] for o in g["off_map"]) == N // 3
    # Task's positions are all distinct: one trace per point.
    t = client.get("/api/map", params={"facet": "Task"}).json()
    assert t["points"] == t["n"] == N and t["off_map"] == []


def _trend_line(md: str) -> str:
    return next(line for line in md.splitlines() if line.startswith("- **Trend:**"))


def test_a_proposal_in_a_date_window_compares_with_the_days_before_it(client: TestClient) -> None:
    """Review rv7 P1: a proposal opened from the home carries the home's window; its trend read
    the days before inside that window (always 0: "new"). They are read with the date filter
    widened, the other filters kept; "no data before" only where the warehouse has none."""
    whole = client.get("/api/proposal", params={"facet": "Task", "topic_id": 3}).json()
    table = whole["markdown"].split("### Weekly volume")[1].split("###")[0]
    weeks = {
        date.fromisoformat(w.strip("|").split("|")[0].strip()[:10]): int(w.strip("|").split("|")[1])
        for w in table.splitlines()
        if w[:3] == "| 2"
    }
    end = max(weeks)
    last, prev = weeks[end], weeks.get(end - timedelta(7), 0)
    assert prev > 0
    window = {"date_from": str(end - timedelta(6)), "date_to": str(end)}
    md = client.get("/api/proposal", params={"facet": "Task", "topic_id": 3, **window}).json()[
        "markdown"
    ]
    trend = _trend_line(md)
    assert f"the 7 days to {end}: {last} traces vs {prev} in the 7 days before (" in trend, trend
    assert "new" not in trend
    assert "share of the Task traffic" in trend
    # The weekly table reads the widened window too: the week before is a row.
    table = md.split("### Weekly volume")[1].split("###")[0]
    assert f"| {end - timedelta(7)} | {prev} |" in table and f"| {end} | {last} |" in table
    # Other filters are kept (topic 3 is all acme's; globex has none of it in either week).
    acme = {"facet": "Task", "topic_id": 3, "customer": "acme", **window}
    assert f"{last} traces vs {prev} in" in _trend_line(
        client.get("/api/proposal", params=acme).json()["markdown"]
    )
    globex = client.get("/api/proposal", params={**acme, "customer": "globex"})
    assert globex.status_code == 404
    # A window at the start of the data has nothing before it in the warehouse.
    first = date.fromisoformat(client.get("/api/overview").json()["date_min"])
    early = {"date_from": str(first), "date_to": str(first + timedelta(6))}
    md = client.get("/api/proposal", params={"facet": "Task", "topic_id": 3, **early}).json()[
        "markdown"
    ]
    assert f"no data before {first} in this home" in _trend_line(md)


def test_a_proposal_gives_one_figure_per_name_each_with_its_window(tmp_path: Path) -> None:
    """Review rv8 P2: "Account value: 0.89 (mean plan-tier weight, marts.topic_priority)" one
    line above the mart's `why` "account value 87/100" (its shrunk score), and the why's
    enterprise share and volume rank over the mart's 28 days beside the scope's own. The shrunk
    figure is the account score, printed once, and every mart figure names its window."""
    conn = build_explorer_warehouse(tmp_path / "warehouse.duckdb", n=120)
    conn.execute("CREATE SCHEMA marts")
    conn.execute(
        """CREATE TABLE marts.topic_priority AS SELECT * FROM (VALUES
           (1, 0.8, 3, 'Cancel or downgrade subscription',
            '100% negative or mixed vs 17% overall; growing (share +41% week over week); '
            || '70% enterprise, account score 87/100; '
            || '#2 by volume: 205 traces (10% of traffic in the last 28 days)',
            0.89, 0.87, 0.7, 'growing', 28))
           t(priority_rank, priority_score, task_topic_id, task_topic_label, why,
             account_value, account_score, enterprise_share, trend, window_days)"""
    )
    publish_snapshot(conn, tmp_path / "snapshot", embed_model=PACKAGED_MODEL_ID)
    conn.close()
    c = TestClient(create_app(tmp_path), base_url="http://localhost")
    md = c.get("/api/proposal", params={"facet": "Task", "topic_id": 3}).json()["markdown"]
    # The mart's trend is the digest's one rule (macros/trend_rule.sql): shown as published,
    # in the proposal and on Cross-slices alike.
    assert "growing (share +41% week over week)" in md
    ranking = c.get("/api/marts/topic_priority").json()
    assert ranking["rows"][0][ranking["columns"].index("why")].startswith(
        "100% negative or mixed vs 17% overall; growing (share +41% week over week); "
    )
    account = next(line for line in md.splitlines() if line.startswith("- **Account value:**"))
    assert "0.89" not in md  # the raw mean is not a second "account value"
    assert "account value" not in md.lower().replace("**account value:**", "")
    assert "100.0% of the traces in scope are enterprise" in account
    assert "account score 87/100 over the last 28 days, all traffic" in account
    rank = next(line for line in md.splitlines() if line.startswith("- **Priority rank**"))
    assert rank.startswith("- **Priority rank** (last 28 days, all traffic): 1 of 1 in")
    assert "account score 87/100" in rank  # the same figure, under the same name
    volume = next(line for line in md.splitlines() if line.startswith("- **Volume:**"))
    assert volume.endswith("topics by volume in scope).")


def test_a_topic_that_faded_to_zero_in_the_window_says_so(tmp_path: Path) -> None:
    """The home's Fading card lists a topic that went to 0 traces in its window ("10 → 0");
    asked on the window alone its proposal was a 404 ("topic has no traces in this filter").
    Now it says it faded to zero: how many it had in the window before, its last traces and
    when. A topic with no traces before the window either stays a 404."""
    from tracetopics_pipeline.core import warehouse

    home = tmp_path / "home"
    home.mkdir()
    conn = build_explorer_warehouse(home / "warehouse.duckdb", n=N)
    last = conn.execute("SELECT max(day) FROM classifications").fetchone()[0]
    start = last - timedelta(days=6)
    conn.execute(  # topic 4 fades: none of its traces in the last 7 days
        "UPDATE classifications SET topic_id = -1, label = 'no_match' "
        "WHERE facet = 'Task' AND topic_id = 4 AND day >= ?",
        [start],
    )
    prev, last4 = conn.execute(
        "SELECT count(*) FILTER (WHERE day >= ?), max(day) FROM classifications "
        "WHERE facet = 'Task' AND topic_id = 4",
        [start - timedelta(days=7)],
    ).fetchone()
    on_last = conn.execute(
        "SELECT count(*) FROM classifications WHERE facet = 'Task' AND topic_id = 4 AND day = ?",
        [last4],
    ).fetchone()[0]
    publish_snapshot(conn, home / "snapshot", embed_model=warehouse.PACKAGED_MODEL_ID)
    conn.close()
    c = TestClient(create_app(home), base_url="http://localhost")
    window = {"date_from": str(start), "date_to": str(last)}
    r = c.get("/api/proposal", params={"facet": "Task", "topic_id": 4, **window})
    assert r.status_code == 200, r.text
    md = r.json()["markdown"]
    assert prev > 0 and md.startswith(f"# Roadmap proposal: {TOPICS[4][1]}")
    assert "## Faded to zero" in md
    assert f"has **no traces** in the 7 days to {last} ({start} to {last})" in md
    assert f"It had **{prev}** in the 7 days before ({start - timedelta(days=7)} to " in md
    assert f"on **{last4}**, {(last - last4).days} days before the window's end" in md
    assert f"Its last {on_last} trace" in md
    links = re.findall(r"- (\d{4}-\d\d-\d\d): \[`([^`]+)`\]\(http://localhost/\?trace=", md)
    assert links and links[0][0] == str(last4)
    raw = c.get("/api/proposal", params={"facet": "Task", "topic_id": 4, "format": "md", **window})
    assert (
        raw.headers["content-type"].startswith("text/markdown") and "## Faded to zero" in raw.text
    )
    # the whole period: its full brief, as before
    full = c.get("/api/proposal", params={"facet": "Task", "topic_id": 4}).json()["markdown"]
    assert "## Problem statement" in full and "Faded to zero" not in full
    # nothing before the window either (a customer that never had it): still a 404
    none = c.get("/api/proposal", params={"facet": "Task", "topic_id": 3, "customer": "globex",
                                          **window})  # fmt: skip
    assert none.status_code == 404


def test_a_trace_long_before_the_rest_does_not_stretch_the_time_axis(tmp_path: Path) -> None:
    """Review rv9 A-a: one trace with a year-old `created` drew 370 days on Trends and in the
    sparklines, the real days squashed into the last pixels. Without a date filter the axis
    starts after the last gap of more than AXIS_GAP_DAYS empty days and `before` counts what
    it leaves out; a date filter (from or to) draws exactly what it asks for."""
    conn = build_explorer_warehouse(tmp_path / "warehouse.duckdb", n=N)
    first = conn.execute("SELECT min(day) FROM raw_traces").fetchone()[0]
    old = first - timedelta(days=365)
    for table in ("raw_traces", "facet_summaries", "classifications"):
        col = "id" if table == "raw_traces" else "trace_id"
        conn.execute(f"UPDATE {table} SET day = ? WHERE {col} IN ('t-00000', 't-00006')", [old])
    publish_snapshot(conn, tmp_path / "snapshot", embed_model=PACKAGED_MODEL_ID)
    conn.close()
    c = TestClient(create_app(tmp_path), base_url="http://localhost")

    d = c.get("/api/timeline", params={"facet": "Task"}).json()
    assert d["buckets"][0] == first.isoformat() and len(d["buckets"]) == 21
    assert sum(sum(s["counts"]) for s in d["series"]) == N - 2
    assert d["before"] == {
        "traces": 2,
        "first_day": old.isoformat(),
        "last_day": old.isoformat(),
        "axis_from": first.isoformat(),
        "gap_days": 364,
    }
    w = c.get("/api/timeline", params={"facet": "Task", "grain": "week"}).json()
    assert len(w["buckets"]) <= 4 and w["before"]["traces"] == 2
    # The topic list's sparklines read the same axis and say the same.
    t = c.get("/api/topics", params={"facet": "Task"}).json()
    assert len(t["days"]) == 21 and t["days_before"]["traces"] == 2
    assert all(len(x["sparkline"]) == 21 for x in t["topics"])
    assert t["total"] == N  # the ranking still counts every trace
    # The header's data line says the days the charts draw (it said `old` → ...) and counts
    # the rest as earlier; under a date filter, its traces' own days.
    s = c.get("/api/traces", params={"limit": 1}).json()
    assert s["total"] == N
    assert s["span"] == {"first_day": first.isoformat(), "last_day": d["buckets"][-1], "earlier": 2}
    s = c.get("/api/traces", params={"limit": 1, "date_to": first.isoformat()}).json()
    assert s["span"] == {"first_day": old.isoformat(), "last_day": first.isoformat(), "earlier": 0}
    s = c.get("/api/traces", params={"limit": 1, "date_from": "2000-01-01"}).json()
    assert s["span"]["first_day"] == old.isoformat() and s["total"] == N
    # An explicit date filter wins: the old day is drawn, and nothing is said to be left out.
    for params in ({"date_from": old.isoformat()}, {"date_to": first.isoformat()}):
        e = c.get("/api/timeline", params={"facet": "Task", **params}).json()
        assert e["buckets"][0] == old.isoformat() and e["before"] is None
    # A gap of AXIS_GAP_DAYS empty days or fewer is drawn: data that pauses is not cut.
    from tracetopics_pipeline.core.ingest.gaps import AXIS_GAP_DAYS, axis_start

    days = [first, first + timedelta(days=AXIS_GAP_DAYS + 1), first + timedelta(days=60)]
    assert axis_start(days) == days[2]  # 60 - 29 - 1 = 30 empty days > 28
    assert axis_start(days[:2]) is None  # 28 empty days
    assert axis_start([]) is None and axis_start([first]) is None


def test_timeline_says_each_buckets_days_and_each_topics_label(tmp_path: Path) -> None:
    """Review rv12: Trends drew "No competitor mentioned" as a topic and scaled the chart to
    it (M2), and plotted a week of 3 days as a week of 7 (M3). Each series now carries its
    topic's `facet_label`, the page's test for the facet's default label, and `days[i]` counts
    bucket i's days holding the facet's traces. The fixture's 21 days start on a Sunday
    (2026-11-01) and end on a Saturday: weeks of 1, 7, 7 and 6 days."""
    conn = build_explorer_warehouse(tmp_path / "warehouse.duckdb", n=N)
    issues_map = "Issues-fixture"
    conn.execute(
        """INSERT INTO topic_maps (map_id, facet, day, status, algorithm, n_docs, n_topics,
           no_match_share) VALUES (?, 'Issues', DATE '2026-11-21', 'built', 'labels', ?, 2, 0)""",
        [issues_map, N],
    )
    conn.execute(
        """INSERT INTO topics (facet, map_id, topic_id, label, keywords, size, share,
           representatives, x, y, facet_label)
           VALUES ('Issues', ?, 20, 'Failed tool calls', [], 150, 0.25, [], 0, 0, 'failed_tool_call'),
                  ('Issues', ?, 21, 'No issue', [], 450, 0.75, [], 0, 0, 'none')""",
        [issues_map, issues_map],
    )
    conn.execute(
        """INSERT INTO classifications (day, trace_id, facet, topic_id, label, distance, map_id)
           SELECT day, trace_id, 'Issues', CASE WHEN label = 'FAILED_TOOL_CALL' THEN 20 ELSE 21 END,
                  CASE WHEN label = 'FAILED_TOOL_CALL' THEN 'Failed tool calls' ELSE 'No issue' END,
                  0, ?
           FROM facet_summaries WHERE facet = 'Issues'""",
        [issues_map],
    )
    publish_snapshot(conn, tmp_path / "snapshot", embed_model=PACKAGED_MODEL_ID)
    conn.close()
    c = TestClient(create_app(tmp_path), base_url="http://localhost")

    w = c.get("/api/timeline", params={"facet": "Task", "grain": "week"}).json()
    assert w["buckets"] == ["2026-10-26", "2026-11-02", "2026-11-09", "2026-11-16"]
    assert w["days"] == [1, 7, 7, 6]
    # A customer's quiet day is a zero of that filter, not a day without data; a date filter
    # cuts the days it leaves out.
    acme = c.get("/api/timeline", params={"facet": "Task", "grain": "week", "customer": "acme"})
    assert acme.json()["days"] == [1, 7, 7, 6]
    cut = {"facet": "Task", "grain": "week", "date_from": "2026-11-04", "date_to": "2026-11-17"}
    assert c.get("/api/timeline", params=cut).json()["days"] == [5, 7, 2]
    d = c.get("/api/timeline", params={"facet": "Task"}).json()
    assert d["days"] == [1] * 21
    assert {s["facet_label"] for s in d["series"]} == {None}  # free text, and no_match

    i = c.get("/api/timeline", params={"facet": "Issues", "grain": "week"}).json()
    by = {s["label"]: s for s in i["series"]}
    assert by["No issue"]["facet_label"] == "none" and by["No issue"]["total"] == 450
    assert by["Failed tool calls"]["facet_label"] == "failed_tool_call"
    assert i["days"] == [1, 7, 7, 6]


def test_the_issues_list_says_how_many_traces_had_each_problem_at_all(tmp_path: Path) -> None:
    """A trace that failed a call and looped counts once in the shares (under its failed
    call) and in both labels' any-mention figures; a filter narrows both."""
    c = TestClient(create_app(publish_issues_home(tmp_path, n=N)), base_url="http://localhost")
    r = c.get("/api/topics", params={"facet": "Issues"}).json()
    got = {t["label"]: (t["count"], t["any_mention"]) for t in r["topics"]}
    assert got == {"Failed tool calls": (150, 150), "Loops": (150, 225), "No issue": (300, 300)}
    assert sum(t["share"] for t in r["topics"]) == pytest.approx(1.0)
    assert "any_mention_missing" not in r
    acme = c.get("/api/topics", params={"facet": "Issues", "customer": "acme"}).json()
    loops = next(t for t in acme["topics"] if t["label"] == "Loops")
    assert loops["count"] < loops["any_mention"] < 225
    task = c.get("/api/topics", params={"facet": "Task"}).json()
    assert not any("any_mention" in t for t in task["topics"])  # no labels: nothing to count


def test_an_older_snapshot_shows_the_any_mention_figure_missing_and_why(tmp_path: Path) -> None:
    home = publish_issues_home(tmp_path, n=N, labels_kept=False)
    c = TestClient(create_app(home), base_url="http://localhost")
    r = c.get("/api/topics", params={"facet": "Issues"}).json()
    assert {t["any_mention"] for t in r["topics"]} == {None}
    assert [t["count"] for t in r["topics"]] == [300, 150, 150]  # the list itself unchanged
    assert "next pipeline run" in r["any_mention_missing"]


def test_the_explorer_publishes_an_older_homes_labels_when_it_starts(tmp_path: Path) -> None:
    """A home whose warehouse and snapshot predate facet_summaries.labels showed "any mention
    n/a" until its next run published; `tracetopics explore` (`ensure_snapshot`, at start) now
    adds the column, read back from the local summaries, and publishes: a trace that failed a
    call and looped counts in both labels' figures."""
    home = publish_issues_home(tmp_path, n=N, labels_kept=False)
    before = current_snapshot(home / "snapshot")
    assert ensure_snapshot(Paths(home)) != before
    c = TestClient(create_app(home), base_url="http://localhost")
    r = c.get("/api/topics", params={"facet": "Issues"}).json()
    got = {t["label"]: (t["count"], t["any_mention"]) for t in r["topics"]}
    assert got == {"Failed tool calls": (150, 150), "Loops": (150, 225), "No issue": (300, 300)}
    assert "any_mention_missing" not in r
    again = current_snapshot(home / "snapshot")
    assert ensure_snapshot(Paths(home)) == again  # current now: nothing published again


def test_a_busy_warehouse_leaves_the_older_snapshot_and_says_why(tmp_path: Path) -> None:
    """A pipeline run holding the warehouse when the explorer starts: the snapshot stays as it
    was, and the answer says why the figure is missing and what publishes it."""
    home = publish_issues_home(tmp_path, n=N, labels_kept=False)
    before = current_snapshot(home / "snapshot")
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); "
         "print('held', flush=True); time.sleep(120)", str(home / "warehouse.duckdb")],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "held"
        assert ensure_snapshot(Paths(home)) == before
    finally:
        holder.kill()
        holder.wait()
    r = (
        TestClient(create_app(home), base_url="http://localhost")
        .get("/api/topics", params={"facet": "Issues"})
        .json()
    )
    assert {t["any_mention"] for t in r["topics"]} == {None}
    assert r["any_mention_missing"].startswith("not in this snapshot yet")
    assert "`tracetopics explore` publishes them when it starts" in r["any_mention_missing"]


def test_a_label_no_trace_has_first_is_listed_with_its_any_mention_count(tmp_path: Path) -> None:
    """Loops only ever follow a failed call (75 of 600 traces): LOOP is nobody's first label,
    so no topic stands for it and the list had no row to show its count on; the answer now
    lists it apart (`mention_only`), at the parent level only. Look-alikes: labels with a topic
    are not listed again, and Task (no labels) has none."""
    c = TestClient(
        create_app(publish_issues_home(tmp_path, n=N, loops_first=False)),
        base_url="http://localhost",
    )
    r = c.get("/api/topics", params={"facet": "Issues"}).json()
    got = {t["label"]: (t["count"], t["any_mention"]) for t in r["topics"]}
    assert got == {"Failed tool calls": (150, 150), "No issue": (450, 450)}
    assert r["mention_only"] == [
        {"label": "Loops", "facet_label": "loop", "any_mention": 75, "any_share": 75 / N}
    ]
    acme = c.get("/api/topics", params={"facet": "Issues", "customer": "acme"}).json()
    assert 0 < acme["mention_only"][0]["any_mention"] < 75
    subs = c.get("/api/topics", params={"facet": "Issues", "level": "sub"}).json()
    assert "mention_only" not in subs
    with_loops = (
        TestClient(
            create_app(publish_issues_home(tmp_path / "first", n=N)), base_url="http://localhost"
        )
        .get("/api/topics", params={"facet": "Issues"})
        .json()
    )
    assert "mention_only" not in with_loops
    task = c.get("/api/topics", params={"facet": "Task"}).json()
    assert "mention_only" not in task
