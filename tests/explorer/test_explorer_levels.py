"""Two-level topics, search and curation in the explorer, over the fixture published twice:
one-level (an old snapshot) and two-level (factories.explorer.add_two_levels)."""

from __future__ import annotations

import base64
import json
import subprocess
import sys
from pathlib import Path

import duckdb
import numpy as np
import pytest
from factories.explorer import MAP_ID, PARENT_OF, PARENTS, TOPICS, publish_explorer_home
from fastapi.testclient import TestClient

from tracetopics_pipeline.explorer.app import create_app

N = 600  # trace i: fine topic i % 6 (5 = no_match) → 100 traces per fine topic


@pytest.fixture(scope="module")
def two_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return publish_explorer_home(tmp_path_factory.mktemp("tt_two"), n=N, two_levels=True)


@pytest.fixture(scope="module")
def two(two_home: Path) -> TestClient:
    return TestClient(create_app(two_home), base_url="http://localhost")


@pytest.fixture(scope="module")
def one(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    home = publish_explorer_home(tmp_path_factory.mktemp("tt_one"), n=N)
    return TestClient(create_app(home), base_url="http://localhost")


def _ids(b64: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(b64), dtype="<i4")


def test_parents_expand_into_their_subtopics(two: TestClient) -> None:
    r = two.get("/api/topics", params={"facet": "Task"}).json()
    assert r["levels"] is True and r["level"] == "parent" and r["total"] == N
    got = {t["topic_id"]: t for t in r["topics"]}
    assert set(got) == {10, 11, 12}  # no_match hidden unless asked
    assert [t["topic_id"] for t in r["topics"]][-1] == 12  # 100 traces, after 200 and 200
    for pid, label, _, subs in PARENTS:
        p = got[pid]
        assert p["label"] == label and p["level"] == "parent"
        assert p["count"] == 100 * len(subs) and abs(p["share"] - p["count"] / N) < 1e-9
        assert sorted(s["topic_id"] for s in p["subtopics"]) == sorted(subs)
        for s in p["subtopics"]:
            assert s["count"] == 100 and s["parent_id"] == pid and s["level"] == "sub"
            assert s["label"] == TOPICS[s["topic_id"]][1] and s["samples"]
    nm = two.get("/api/topics", params={"facet": "Task", "no_match": True}).json()
    assert nm["topics"][-1]["topic_id"] == -1 and nm["no_match"] == 100


def test_subtopic_level_is_one_ranked_list_naming_parents(two: TestClient) -> None:
    r = two.get("/api/topics", params={"facet": "Task", "level": "sub"}).json()
    assert r["level"] == "sub"
    assert sorted(t["topic_id"] for t in r["topics"]) == [0, 1, 2, 3, 4]
    assert all(t["parent_id"] == PARENT_OF[t["topic_id"]] for t in r["topics"])
    assert two.get("/api/topics", params={"level": "grand"}).status_code == 422


def test_topic_filter_takes_a_parent_or_a_subtopic(two: TestClient) -> None:
    count = lambda t: two.get("/api/traces", params={"topic": t, "limit": 1}).json()["total"]  # noqa: E731
    assert count("Task:10") == 200 and count("Task:4") == 100 and count("Task:12") == 100
    drilled = two.get(
        "/api/topics", params={"facet": "Task", "level": "sub", "topic": "Task:11"}
    ).json()
    assert sorted(t["topic_id"] for t in drilled["topics"]) == [1, 3]


def test_drilled_into_a_parent_shares_stay_of_traffic_as_the_cli_prints(two: TestClient) -> None:
    """Review rv4 M2: drilled into a parent, a subtopic's `share` was of the parent (50%) under
    a "share of classified traffic" head; the CLI prints the share of traffic (100/600). It is
    that again, with `parent_share` and the parent named beside it, filters included."""
    tree = two.get("/api/topics", params={"facet": "Task"}).json()
    nested = {s["topic_id"]: s["share"] for t in tree["topics"] for s in t["subtopics"]}
    r = two.get("/api/topics", params={"facet": "Task", "parent": 11}).json()
    assert r["level"] == "sub" and r["total"] == 200 and r["traffic"] == N
    assert r["parent"] == {
        "topic_id": 11, "label": "Account and billing", "count": 200, "share": 200 / N,
    }  # fmt: skip
    assert sorted(t["topic_id"] for t in r["topics"]) == [1, 3]
    for t in r["topics"]:
        assert t["share"] == pytest.approx(100 / N) == pytest.approx(nested[t["topic_id"]])
        assert t["parent_share"] == pytest.approx(0.5)
    # Another filter narrows both the parent and the traffic it is a share of.
    cust = two.get("/api/traces", params={"limit": 1}).json()["traces"][0]["customer"]
    within = two.get("/api/topics", params={"facet": "Task", "customer": cust}).json()
    narrowed = two.get(
        "/api/topics", params={"facet": "Task", "customer": cust, "parent": 11}
    ).json()
    assert narrowed["traffic"] == within["total"] < N
    by_sub = {s["topic_id"]: s for t in within["topics"] for s in t["subtopics"]}
    for t in narrowed["topics"]:
        assert t["share"] == pytest.approx(by_sub[t["topic_id"]]["share"])
        assert t["parent_share"] == pytest.approx(t["count"] / narrowed["total"])
    # Without `parent` nothing changes: the total is the traffic.
    assert tree["traffic"] == tree["total"] == N and "parent" not in tree
    assert two.get("/api/topics", params={"parent": "x"}).status_code == 422


def test_a_subtopic_narrows_its_own_parent(two: TestClient) -> None:
    """Drilled into a parent, the page sends the parent and the subtopic: the subtopic's traces
    (its export, review queue and list: one filter, filters.TraceFilter), not the whole
    parent's; other topics still add up."""

    def count(*topics: str) -> int:
        return two.get("/api/traces", params={"topic": list(topics), "limit": 1}).json()["total"]

    assert count("Task:10", "Task:4") == 100  # parent 10 with its own subtopic 4
    assert count("Task:10", "Task:4", "Task:0") == 200  # both its subtopics
    assert count("Task:10", "Task:1") == 300  # a subtopic of another parent adds
    assert count("Task:10", "Task:11") == 400  # two parents add


def test_map_colours_by_parent_or_subtopic(two: TestClient) -> None:
    by_parent = two.get("/api/map", params={"facet": "Task"}).json()
    assert by_parent["level"] == "parent" and by_parent["n"] == N
    assert set(_ids(by_parent["topic_id"]).tolist()) == {-1, 10, 11, 12}
    assert (_ids(by_parent["parent_id"]) == _ids(by_parent["topic_id"])).all()
    by_sub = two.get("/api/map", params={"facet": "Task", "level": "sub"}).json()
    subs, parents = _ids(by_sub["topic_id"]), _ids(by_sub["parent_id"])
    assert set(subs.tolist()) == {-1, 0, 1, 2, 3, 4}
    assert all(p == PARENT_OF.get(s, -1) for s, p in zip(subs, parents, strict=True))


def test_trends_and_slices_at_either_level(two: TestClient) -> None:
    tl = two.get("/api/timeline", params={"facet": "Task", "grain": "week"}).json()
    assert {s["topic_id"] for s in tl["series"]} == {-1, 10, 11, 12}
    tl = two.get("/api/timeline", params={"facet": "Task", "level": "sub"}).json()
    assert {s["topic_id"] for s in tl["series"]} == {-1, 0, 1, 2, 3, 4}
    ct = two.get("/api/crosstab", params={"row_facet": "Task", "col_facet": "Sentiment"}).json()
    row = ct["rows"].index("Account and billing")
    # Parent 11 holds topic 3 (all NEGATIVE) and topic 1 (POSITIVE/NEUTRAL by parity).
    assert ct["counts"][row][ct["cols"].index("NEGATIVE")] == 100
    ct = two.get(
        "/api/crosstab", params={"row_facet": "Task", "col_facet": "Sentiment", "level": "sub"}
    ).json()
    assert "Cancel or downgrade subscription" in ct["rows"]


def test_one_level_snapshot_degrades_to_a_flat_list(one: TestClient) -> None:
    r = one.get("/api/topics", params={"facet": "Task"}).json()
    assert r["levels"] is False and sorted(t["topic_id"] for t in r["topics"]) == [0, 1, 2, 3, 4]
    assert all(t["subtopics"] == [] for t in r["topics"])
    m = one.get("/api/map", params={"facet": "Task", "level": "sub"}).json()
    assert set(_ids(m["topic_id"]).tolist()) == {-1, 0, 1, 2, 3, 4}
    assert one.get("/api/traces", params={"topic": "Task:3", "limit": 1}).json()["total"] == 100


def test_search_covers_labels_keywords_and_summaries(two: TestClient) -> None:
    hit = lambda q, **kw: two.get("/api/search", params={"q": q, **kw}).json()  # noqa: E731
    r = hit("csv")
    # Topic 0's name, then parent 10 whose representative summary is topic 0's.
    assert [(t["topic_id"], t["matched"]) for t in r["topics"]] == [(0, "label"), (10, "summaries")]
    assert "CSV" in r["topics"][1]["snippet"]
    assert r["topics"][0]["parent_id"] == 10 and r["topics"][0]["count"] == 100
    assert r["topics"][0]["parent_label"] == "Data exports and reports"
    assert r["traces"] and all("csv" in t["summary"].lower() for t in r["traces"])
    assert hit("webhook")["topics"][0]["topic_id"] == 2  # a keyword
    assert hit("webhook")["topics"][0]["matched"] == "keywords"
    # A representative summary: topic 1's, and its parent's (which shows it too).
    assert {t["topic_id"] for t in hit("cannot log")["topics"]} == {1, 11}
    assert hit("ACCOUNT billing")["topics"][0]["topic_id"] == 11  # a parent, any case
    assert {t["topic_id"] for t in hit("report")["topics"]} >= {4, 10}
    # Wildcards and quotes are text, never SQL.
    assert hit("%")["topics"] == [] and hit("%")["traces"] == []
    under = hit("failed_tool")["traces"]  # "_" is an underscore, not any one character
    assert under and all("failed_tool" in t["summary"] for t in under)
    assert hit("failedxtool")["traces"] == [] and hit("a_b")["traces"] == []
    # A word matches where a word starts: not inside an identifier ("call" in
    # "failed_tool_call", as "sso" in a tool's "get_sso_config") nor inside a word ("sv").
    assert hit("call")["traces"] == [] and hit("sv")["topics"] == []
    assert {t["topic_id"] for t in hit("exp")["topics"]} >= {0}  # a word's start is enough
    assert hit("_tool")["traces"] and hit("CSV")["topics"]  # a mark brings its own boundary
    assert hit("x' OR 1=1 --")["topics"] == []
    # The filter narrows the traces (acme is customer i % 3 == 0).
    acme = hit("csv", customer="acme")["traces"]
    assert acme and all(t["customer"] == "acme" for t in acme)
    assert two.get("/api/search", params={"q": "a" * 201}).status_code == 422


def test_search_counts_its_matches_in_the_scope_it_searched(two: TestClient) -> None:
    """Review rv12 L3: a search typed while drilled into a topic searched inside it without a
    word, and "nothing" read as "nothing anywhere". The answer counts the traces that match
    and the traces searched, for the page to say "100 of 200 traces in <topic> match"."""
    hit = lambda q, **kw: two.get("/api/search", params={"q": q, **kw}).json()  # noqa: E731
    assert (hit("csv")["trace_total"], hit("csv")["in_scope"]) == (100, N)
    inside = hit("csv", topic="Task:10", limit=3)  # parent 10 holds topics 0 (CSV) and 4
    assert (inside["trace_total"], inside["in_scope"]) == (100, 200)
    assert len(inside["traces"]) == 3  # the list is cut, the count is not
    # A word of topic 1, outside parent 10: none of its 200 traces match.
    none = hit("password", topic="Task:10")
    assert (none["trace_total"], none["in_scope"], none["traces"]) == (0, 200, [])
    assert hit("password")["trace_total"] == 100


def test_search_leaves_out_topics_no_trace_belongs_to(tmp_path: Path) -> None:
    """A topic no trace in the filter belongs to (a subtopic every trace left) is no answer: it
    was listed with 0 traces."""
    from tracetopics_pipeline.core.warehouse import PACKAGED_MODEL_ID
    from tracetopics_pipeline.core.warehouse.snapshot import publish_snapshot

    home = publish_explorer_home(tmp_path / "home", n=N, two_levels=True)
    conn = duckdb.connect(str(home / "warehouse.duckdb"))
    conn.execute(
        "INSERT INTO topics (facet, map_id, topic_id, label, level, keywords, representatives) "
        "VALUES ('Task', ?, 99, 'Legacy widget import', 'sub', ['widget'], ['Import a widget'])",
        [MAP_ID],
    )
    publish_snapshot(conn, home / "snapshot", embed_model=PACKAGED_MODEL_ID)
    conn.close()
    c = TestClient(create_app(home), base_url="http://localhost")
    assert c.get("/api/search", params={"q": "legacy widget"}).json()["topics"] == []
    assert c.get("/api/search", params={"q": "csv"}).json()["topics"]


@pytest.fixture
def writable(tmp_path: Path) -> tuple[Path, TestClient]:
    home = publish_explorer_home(tmp_path / "home", n=N, two_levels=True)
    return home, TestClient(create_app(home), base_url="http://localhost")


def test_rename_pin_and_merge_write_the_clis_store_and_show_at_once(writable) -> None:
    home, c = writable
    r = c.post("/api/topics/rename", json={"facet": "Task", "topic_id": 11, "label": "Billing"})
    assert r.status_code == 200, r.text
    r = c.post("/api/topics/rename", json={"facet": "Task", "topic_id": 3, "label": "Cancel plan"})
    assert r.status_code == 200, r.text
    listing = {t["topic_id"]: t for t in c.get("/api/topics").json()["topics"]}
    assert listing[11]["label"] == "Billing"
    assert "Cancel plan" in [s["label"] for s in listing[11]["subtopics"]]
    assert c.post("/api/topics/pin", json={"facet": "Task", "topic_id": 10}).status_code == 200
    assert {t["topic_id"]: t for t in c.get("/api/topics").json()["topics"]}[10]["pinned"]
    # Merge subtopic 4 into 0: their traces count as 0 from now on, under parent 10.
    r = c.post("/api/topics/merge", json={"facet": "Task", "topic_id": 4, "into": 0})
    assert r.status_code == 200, r.text
    assert r.json()["merged_into"] == 0 and r.json()["classifications"] == 100
    p10 = {t["topic_id"]: t for t in c.get("/api/topics").json()["topics"]}[10]
    assert [(s["topic_id"], s["count"]) for s in p10["subtopics"]] == [(0, 200)]
    assert [
        t["topic_id"] for t in c.get("/api/search", params={"q": "weekly"}).json()["topics"]
    ] == []
    # The same rows the CLI writes, in the warehouse (so regenerations re-apply them).
    conn = duckdb.connect(str(home / "warehouse.duckdb"), read_only=True)
    rows = conn.execute(
        "SELECT topic_id, label, pinned, merged_into FROM topic_overrides ORDER BY topic_id"
    ).fetchall()
    conn.close()
    assert rows == [(3, "Cancel plan", False, None), (4, None, False, 0), (10, None, True, None),
                    (11, "Billing", False, None)]  # fmt: skip


def test_a_renamed_topics_markup_is_text_in_its_proposal(writable) -> None:
    """A typed name (or a trace's words) holding Markdown prints as written in the brief: no
    link, no heading, no table cell split (review rv8 M2)."""
    _, c = writable
    label = "Billing [click](http://evil.example/x) *now* | cut"
    r = c.post("/api/topics/rename", json={"facet": "Task", "topic_id": 11, "label": label})
    assert r.status_code == 200, r.text
    md = c.get("/api/proposal", params={"facet": "Task", "topic_id": 11}).json()["markdown"]
    title = md.splitlines()[0]
    assert title == r"# Roadmap proposal: Billing \[click\](http://evil.example/x) \*now\* \| cut"
    assert "](http://evil.example" not in md.replace(r"\](http://evil", "")


def test_quoted_user_words_keep_their_markup_as_text() -> None:
    from tracetopics_pipeline.explorer.proposal import _quote_user, md_code, md_text

    quoted = _quote_user(
        [{"role": "user", "content": "# Urgent\n[log in here](https://evil.example) <b>now</b>"}]
    )
    assert quoted == ["> \\# Urgent\n> \\[log in here\\](https://evil.example) \\<b\\>now\\</b\\>"]
    assert md_text("a\n\nb_c") == r"a b\_c"
    assert md_code("t-1") == "`t-1`" and md_code("t`1](x)") == r"t\`1\](x)"


def test_curation_refusals(writable) -> None:
    home, c = writable
    post = c.post
    assert post("/api/topics/rename", json={"facet": "Task", "topic_id": 99, "label": "x"}).status_code == 404  # fmt: skip
    assert post("/api/topics/rename", json={"facet": "Task", "topic_id": 1, "label": " "}).status_code == 422  # fmt: skip
    assert post("/api/topics/rename", json={"facet": "Task", "topic_id": 1}).status_code == 422
    # The one rule for typed names (core/names.py): nothing unseen, a letter or digit (rv8 M2).
    for bad in ("\u200b", "SAML SSO\u202e", "Conn\n\n## Recommendation", "***"):
        r = post("/api/topics/rename", json={"facet": "Task", "topic_id": 1, "label": bad})
        assert r.status_code == 422, bad
    r = post("/api/topics/merge", json={"facet": "Task", "topic_id": 4, "into": 11})
    assert r.status_code == 400 and "same level" in r.json()["detail"]
    assert post("/api/topics/merge", json={"facet": "Task", "topic_id": 4, "into": 4}).status_code == 400  # fmt: skip
    # Cross-site: refused by the guard before anything is written.
    evil = post(
        "/api/topics/rename",
        json={"facet": "Task", "topic_id": 1, "label": "pwned"},
        headers={"Origin": "http://evil.example", "Sec-Fetch-Site": "cross-site"},
    )
    assert evil.status_code == 403
    # A pipeline run holding the warehouse: 409 with the reason, nothing written.
    path = str(home / "warehouse.duckdb")
    holder = subprocess.Popen(
        [sys.executable, "-c",
         f"import duckdb, time; c = duckdb.connect({path!r}); print('ok', flush=True); time.sleep(60)"],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "ok"
        r = post("/api/topics/rename", json={"facet": "Task", "topic_id": 1, "label": "Later"})
        assert r.status_code == 409 and "pipeline run" in r.json()["detail"]
    finally:
        holder.terminate()
        holder.wait()
    assert c.get("/api/topics").json()["topics"][0]["label"] != "pwned"


def test_parents_without_subtopic_classifications_read_as_one_level(tmp_path: Path) -> None:
    """Maps with parents, classifications from before the two levels (no subtopic_id): the
    fine topics are listed flat, as on a one-level snapshot."""
    from factories.explorer import add_two_levels, build_explorer_warehouse

    from tracetopics_pipeline.core.warehouse import PACKAGED_MODEL_ID
    from tracetopics_pipeline.core.warehouse.snapshot import publish_snapshot

    home = tmp_path / "home"
    conn = build_explorer_warehouse(home / "warehouse.duckdb", n=N)
    add_two_levels(conn)
    conn.execute(
        "UPDATE classifications SET topic_id = subtopic_id, subtopic_id = NULL, subtopic = NULL"
    )
    publish_snapshot(conn, home / "snapshot", embed_model=PACKAGED_MODEL_ID)
    conn.close()
    c = TestClient(create_app(home), base_url="http://localhost")
    r = c.get("/api/topics", params={"facet": "Task"}).json()
    assert r["levels"] is False and sorted(t["topic_id"] for t in r["topics"]) == [0, 1, 2, 3, 4]


def test_a_drilled_subtopics_export_holds_its_traces_and_names_them(writable) -> None:
    home, c = writable
    body = {"filter": {"topic": ["Task:10", "Task:4"]}, "facet": "Task", "topic_id": 4}
    m = c.post("/api/export", json={**body, "name": "sub4"}).json()
    assert m["count"] == 100  # subtopic 4, not parent 10's 200
    lines = [json.loads(x) for x in (home / "exports" / m["file"]).read_text().splitlines()]
    topics = {(r["topic"]["topic_id"], r["topic"]["subtopic_id"]) for r in lines}
    assert topics == {(10, 4)}
    assert {r["topic"]["subtopic"] for r in lines} == {TOPICS[4][1]}


def test_a_parents_samples_come_from_its_subtopics_and_never_repeat_an_ask() -> None:
    """Review rv6 P6: a parent with eleven subtopics showed three copies of one sentence from
    its tightest subtopic ("Which SAML attributes ... / ... saml ... / ... Need this"), and a
    proposal listed "... stopped sending on Tuesday / tuesday / Thursday". Samples take the
    largest subtopics in turn and skip a summary that differs from one already picked only
    in case, numbers, weekdays, punctuation or a tail."""
    from tracetopics_pipeline.explorer.levels import _samples

    cur = duckdb.connect()
    rows = [  # trace, parent, subtopic, distance, summary
        ("a1", 1, 10, 0.01, "Which SAML attributes do you map"),
        ("a2", 1, 10, 0.02, "Which saml attributes do you map"),
        ("a3", 1, 10, 0.03, "Which SAML attributes do you map. Need this"),
        ("a4", 1, 10, 0.04, "SAML setup with Okta"),
        ("a5", 1, 10, 0.05, "SAML setup with Okta"),
        ("b1", 1, 11, 0.20, "Report stopped sending on Tuesday"),
        ("b2", 1, 11, 0.21, "Report stopped sending on thursday!"),
        ("b3", 1, 11, 0.30, "Report stopped sending after 3 runs"),
        ("c1", 1, 12, 0.50, "Turn on SCIM provisioning"),
    ]
    cur.execute("CREATE TABLE facets (trace_id VARCHAR, facet VARCHAR, summary VARCHAR)")
    cur.executemany("INSERT INTO facets VALUES (?, 'Task', ?)", [(r[0], r[4]) for r in rows])
    cur.execute("CREATE TABLE c (trace_id VARCHAR, pid INT, sid INT, distance DOUBLE)")
    cur.executemany("INSERT INTO c VALUES (?, ?, ?, ?)", [r[:4] for r in rows])
    head = "WITH cls AS (SELECT * FROM c)\n"
    parent = [s["summary"] for s in _samples(cur, head, [], "Task", "pid", 4)[1]]
    # largest subtopic (10: 4 distinct summaries) first, then 11, then 12, then 10 again
    assert parent == [
        "Which SAML attributes do you map",
        "Report stopped sending on Tuesday",
        "Turn on SCIM provisioning",
        "SAML setup with Okta",
    ]
    sub = [s["summary"] for s in _samples(cur, head, [], "Task", "sid", 3)[11]]
    assert sub == ["Report stopped sending on Tuesday", "Report stopped sending after 3 runs"]
