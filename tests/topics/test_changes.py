"""What changed, on a warehouse where the answer is known (factories/changes.py)."""

from __future__ import annotations

import math
import random
from dataclasses import asdict
from datetime import date
from pathlib import Path

import pytest
from factories.changes import END, LABELS, build_changes_warehouse

from tracetopics_pipeline.core.topics import gap_rule
from tracetopics_pipeline.core.topics.alerts import detect_alerts
from tracetopics_pipeline.core.topics.changes import (
    Thresholds,
    compute_changes,
    fdr_keep,
    one_sided_p,
    ranking_window,
    versus_scope,
)


def two_proportion_z(a: int, n1: int, b: int, n0: int) -> float:
    """z of a/n1 against b/n0 (pooled), written out in Python: the reference the rules' SQL
    (`tt_two_proportion_z`) is checked against."""
    if n1 <= 0 or n0 <= 0:
        return 0.0
    p = (a + b) / (n1 + n0)
    se = math.sqrt(p * (1 - p) * (1 / n1 + 1 / n0))
    return (a / n1 - b / n0) / se if se > 0 else 0.0


@pytest.fixture(scope="module")
def conn(tmp_path_factory: pytest.TempPathFactory):
    c = build_changes_warehouse(tmp_path_factory.mktemp("changes") / "warehouse.duckdb")
    yield c
    c.close()


def ids(facts) -> list[int]:
    return [f.topic_id for f in facts]


def test_window_ends_at_the_latest_classified_day(conn) -> None:
    ch = compute_changes(conn, since_days=7)
    assert (ch.start.isoformat(), ch.end.isoformat()) == ("2026-03-08", "2026-03-14")
    assert (ch.prev_start.isoformat(), ch.prev_end.isoformat()) == ("2026-03-01", "2026-03-07")
    assert (ch.traces, ch.prev_traces) == (152, 140)


def test_new_growing_and_fading_topics(conn) -> None:
    s = compute_changes(conn, since_days=7).sections
    assert ids(s["new"]) == [3]
    new = s["new"][0]
    assert (new.facet, new.label, new.traces, new.level) == ("Task", "AI insights", 12, "topic")
    assert "first seen 2026-03-08" in new.why
    # Steady topics (0, 4, 5: 30 traces each week) are not growing; 3 is new, not growing.
    assert ids(s["growing"]) == [1]
    g = s["growing"][0]
    assert g.label == LABELS[1] and g.traces == 40 and g.numbers["prev_traces"] == 10
    assert g.numbers["share"] == pytest.approx(40 / 152)
    assert g.numbers["prev_share"] == pytest.approx(10 / 140)
    assert "10 → 40 traces" in g.why and "7.1% → 26%" in g.why
    assert ids(s["fading"]) == [2]
    assert s["fading"][0].numbers["volume_change"] == -30


def test_over_indexed_pain_and_issues(conn) -> None:
    over = compute_changes(conn, since_days=7).sections["over_indexed"]
    got = {(f.kind, f.topic_id) for f in over}
    # Topic 4: 20/30 negative vs 41/152 across Task; topic 5: 16/30 with an issue vs 16/152.
    # Topic 5's 12/30 negative (1.5x) is not significant against the rest (z 1.8).
    assert got == {("negative", 4), ("issues", 5)}
    neg = next(f for f in over if f.kind == "negative")
    assert neg.numbers["rate"] == pytest.approx(20 / 30)
    assert neg.numbers["baseline"] == pytest.approx(41 / 152)
    # The measure is named before its number (review rv7 P2: "55%" meant two things).
    assert "negative or mixed 67% vs 27% across Task" in neg.why


def test_capability_gaps_split_by_issues(conn) -> None:
    s = compute_changes(conn, since_days=7).sections
    assert ids(s["product_gaps"]) == [4]
    assert ids(s["agent_failures"]) == [5]
    agent = s["agent_failures"][0]
    assert (agent.numbers["agent_issue"], agent.numbers["no_issue"]) == (12, 0)
    assert s["product_gaps"][0].numbers["no_issue"] == 20


def test_a_longer_window_compares_with_the_same_length_before(conn) -> None:
    # 14 days against the 14 before, which hold only the history week.
    ch = compute_changes(conn, since_days=14, end=END)
    assert ch.start.isoformat() == "2026-03-01" and ch.prev_traces == 140  # history only
    assert ids(ch.sections["new"]) == [3]  # first seen 03-08, the facet has data from 02-22
    assert ids(ch.sections["growing"]) == [1]  # (10+40)/292 vs 10/140
    assert ids(ch.sections["fading"]) == [2]  # (40+10)/292 vs 40/140


def test_a_window_before_that_is_mostly_empty_is_not_compared_with(conn) -> None:
    """Review rv6 P8: 28 days against 28 before that hold two days of data read '+1200 %' and
    'first seen' for the data starting. Here the 16 days before hold the first days of the
    history week only (5 of 16): no new, growing or fading topic, and the notes say why."""
    from tracetopics_pipeline.cli.digest import render_text

    ch = compute_changes(conn, since_days=16, end=END)
    assert ch.prev_days == 5 and ch.prev_traces == 104
    assert ch.sections["new"] == ch.sections["growing"] == ch.sections["fading"] == []
    assert "hold traces on 5 of their days only" in ch.notes["growing"]
    assert ch.notes["new"] == ch.notes["growing"] == ch.notes["fading"] == ch.notes["trends"]
    assert "(104 traces, on 5 of its 16 days)" in render_text(ch)
    assert compute_changes(conn, since_days=14, end=END).sections["growing"]  # 7 of 14: enough


def test_thresholds_are_honoured(conn) -> None:
    strict = compute_changes(conn, since_days=7, thresholds=Thresholds(min_volume=41))
    assert strict.sections["growing"] == []  # topic 1 has 40 traces
    assert ids(strict.sections["fading"]) == []  # topic 2 had 40 the week before


def test_priorities_come_from_the_mart(conn) -> None:
    conn.execute("CREATE SCHEMA IF NOT EXISTS marts")
    conn.execute(
        """CREATE OR REPLACE TABLE marts.topic_priority AS
           SELECT * FROM (VALUES (1, 0.8, 4, 'Custom fiscal calendars', '#2 by volume', 30),
                                 (2, 0.6, 1, 'Set up SSO', '#1 by volume', 40))
           t(priority_rank, priority_score, task_topic_id, task_topic_label, why, traces)"""
    )
    try:
        p = compute_changes(conn, since_days=7).sections["priorities"]
    finally:
        conn.execute("DROP TABLE marts.topic_priority")
    assert [(f.topic_id, f.numbers["rank"], f.why) for f in p] == [
        (4, 1, "#2 by volume"),
        (1, 2, "#1 by volume"),
    ]


def _reference_trends(rows, th: Thresholds) -> dict[int, str]:
    """The digest's trend rule as it was written in Python before it moved to SQL (review
    rv8): share change, two-proportion z, Benjamini-Hochberg over the facet's topics."""
    tests: dict[str, list[tuple[float, int, bool]]] = {"growing": [], "fading": []}
    for tid, n_now, n_prev, tot_now, tot_prev in rows:
        if tid == -1 or not n_prev:
            continue
        now, prev = n_now / tot_now, n_prev / tot_prev
        z = two_proportion_z(n_now, tot_now, n_prev, tot_prev)
        change = (now - prev) / prev
        for kind, volume, sign in (("growing", n_now, 1), ("fading", n_prev, -1)):
            if volume >= th.min_volume:
                hit = sign * change >= th.min_change and sign * z >= th.min_z
                tests[kind].append((one_sided_p(sign * z), tid, hit))
    out = {}
    for kind, ts in tests.items():
        keep = fdr_keep([p for p, _, _ in ts], th.fdr)
        out |= {tid: kind for (_, tid, hit), ok in zip(ts, keep, strict=True) if ok and hit}
    return out


def test_the_sql_trend_rule_calls_what_the_python_rule_called(conn) -> None:
    """The one trend rule (dbt_project/macros/trend_rule.sql, rendered by trend_rule) on 400
    random facets of 3-40 topics: the same growing / fading topics as the rule written in
    Python, so moving it to SQL for the marts changed no call of the digest (the normal tail
    is a polynomial there: neither DuckDB nor Postgres has erf)."""
    import random

    from tracetopics_pipeline.core.topics.trend_rule import trend_calls

    rng = random.Random(7)
    th = Thresholds()
    calls = differ = 0
    for facet in range(400):
        k = rng.randint(3, 40)
        base = [rng.randint(0, 80) for _ in range(k)]
        now = [max(0, int(b * rng.choice([0.3, 0.7, 1, 1, 1, 1.3, 1.6, 3]))) for b in base]
        tot_now, tot_prev = sum(now) + 5, sum(base) + 5  # + no_match traces
        rows = [(t, now[t], base[t], tot_now, tot_prev) for t in range(k)]
        want = _reference_trends(rows, th)
        got = trend_calls(
            conn, [(f"F{facet}", t, a, b, 0, c, d) for t, a, b, c, d in rows], prev_days=7,
            window_days=7, min_volume=th.min_volume, min_change=th.min_change, min_z=th.min_z,
            fdr=th.fdr, min_new=th.min_new,
        )  # fmt: skip
        # (a topic with none before is new now: not a share test, not in the Python rule)
        got = {tid: c.trend for (_, tid), c in got.items() if c.trend in ("growing", "fading")}
        calls += len(want)
        differ += got != want
    assert calls > 300 and differ == 0


def test_the_trend_rule_says_why_a_topic_is_flat(conn) -> None:
    from tracetopics_pipeline.core.topics.trend_rule import trend_calls

    # facet, topic, n_now, n_prev, n_older (before the window before), total_now, total_prev
    rows = [("Task", 0, 40, 10, 5, 200, 200), ("Task", 1, 14, 10, 0, 200, 200),
            ("Task", 2, 8, 4, 0, 200, 200), ("Task", 3, 60, 50, 9, 200, 200),
            ("Task", 4, 9, 0, 0, 200, 200), ("Task", 5, 6, 0, 4, 200, 200),
            ("Task", 6, 2, 0, 0, 200, 200), ("Task", 7, 0, 0, 12, 200, 200),
            ("Task", -1, 30, 5, 0, 200, 200)]  # fmt: skip
    got = trend_calls(conn, rows, prev_days=7, window_days=7, min_volume=10, min_change=0.25,
                      min_z=2.0, fdr=0.1, min_new=3)  # fmt: skip
    assert {t: (c.trend, c.reason) for (_, t), c in got.items()} == {
        0: ("growing", None),
        1: ("flat", "not_significant"),  # +40 % on 14 traces: z 0.8
        2: ("flat", "few_traces"),  # +100 %, on 8 traces
        3: ("flat", "small_change"),  # +20 %
        4: ("new", None),  # first seen in the window: new, not growing
        5: ("returning", None),  # none the window before, some earlier
        6: ("flat", "no_traces_before"),  # first seen, on 2 traces (new needs 3)
        7: ("flat", "no_traces_before"),  # only older traces: not new
        -1: ("flat", "no_match"),
    }
    thin = trend_calls(conn, rows, prev_days=3, window_days=7, min_volume=10, min_change=0.25,
                       min_z=2.0, fdr=0.1, min_new=3)  # fmt: skip
    assert thin[("Task", 0)].reason == "too_few_days_before"  # 3 of 7 days: the data starting
    assert (thin[("Task", 4)].trend, thin[("Task", 4)].reason) == ("flat", "too_few_days_before")


def test_a_window_longer_than_the_days_before_says_the_days_there_are(conn) -> None:
    """Review rv8: a 14-day window over 21 days of data read "against the 14 days before"
    while those held 7 days of traces. The history week is 7 days: the 14 days before the
    14-day window hold 7, and every surface says so."""
    from tracetopics_pipeline.cli.digest import render_text

    ch = compute_changes(conn, since_days=14, end=END)
    assert ch.prev_days == 7 and ch.compared == "against the 7 days there are before"
    (g,) = ch.sections["growing"]
    assert "10 → 50 traces against the 7 days there are before" in g.why
    assert "against the 14 days before" not in render_text(ch)
    week = compute_changes(conn, since_days=7, end=END)
    assert week.compared == "week over week" and "week over week" in week.sections["growing"][0].why


def test_two_levels_carry_the_parent(tmp_path: Path) -> None:
    c = build_changes_warehouse(tmp_path / "w.duckdb", two_levels=True)
    try:
        s = compute_changes(c, since_days=7).sections
    finally:
        c.close()
    # Parent 100 (topics 0 and 1): 40 -> 70 traces, share 29% -> 46%.
    growing = {(f.level, f.topic_id): f for f in s["growing"]}
    assert set(growing) == {("parent", 100), ("sub", 1)}
    assert growing[("parent", 100)].label == "Account and access"
    sub = growing[("sub", 1)]
    assert (sub.label, sub.parent_id, sub.parent_label) == ("Set up SSO", 100, "Account and access")
    assert [(f.level, f.topic_id) for f in s["new"]] == [("sub", 3)]
    assert {(f.level, f.topic_id) for f in s["product_gaps"]} >= {("sub", 4)}


def test_a_subtopics_share_is_of_the_whole_facet(tmp_path: Path) -> None:
    """One definition of a share at both levels (review rv8 L5: a subtopic's 4.3 % on the home,
    of the Task traces with a subtopic, was 4.1 % of the Task traffic in its proposal). Topic
    0's traces here carry no subtopic of their own (a parent's one same-named sub)."""
    c = build_changes_warehouse(tmp_path / "w.duckdb", two_levels=True)
    try:
        c.execute("UPDATE classifications SET subtopic_id = topic_id WHERE subtopic_id = 0")
        s = compute_changes(c, since_days=7).sections
    finally:
        c.close()
    growing = {(f.level, f.topic_id): f for f in s["growing"]}
    sub, parent = growing[("sub", 1)], growing[("parent", 100)]
    assert sub.numbers["share"] == pytest.approx(40 / 152)  # of every Task trace in the window
    assert sub.numbers["prev_share"] == pytest.approx(10 / 140)
    assert parent.numbers["share"] == pytest.approx(70 / 152)
    assert "7.1% → 26%" in sub.why


def test_alerts_are_a_selection_of_the_changes_recorded_once(tmp_path: Path) -> None:
    c = build_changes_warehouse(tmp_path / "w.duckdb")
    try:
        first = detect_alerts(c, growth_factor=1.5, min_volume=20)
        again = detect_alerts(c, growth_factor=1.5, min_volume=20)
        stored = c.execute("SELECT kind, topic_id FROM topic_alerts ORDER BY 1, 2").fetchall()
    finally:
        c.close()
    assert {(a.kind, a.topic_id) for a in first} == {
        ("new_topic", 3),
        ("growing", 1),  # 40 traces, share x3.7
        ("negative", 4),
    }
    assert again == []
    assert stored == [("growing", 1), ("negative", 4), ("new_topic", 3)]


def test_statistics() -> None:
    assert two_proportion_z(40, 152, 10, 140) > 4
    assert two_proportion_z(30, 152, 30, 140) == pytest.approx(-0.3574, abs=1e-3)
    assert two_proportion_z(1, 0, 1, 10) == 0.0
    # the SQL of the gap rule (tt_two_proportion_z) computes the same z
    rng = random.Random(7)
    cases = [(rng.randint(0, 60), rng.randint(1, 80), rng.randint(0, 300), rng.randint(1, 400))
             for _ in range(200)]  # fmt: skip
    cases = [(min(a, n1), n1, min(a, n1) + min(b, n0), n1 + n0) for a, n1, b, n0 in cases]
    got = versus_scope(cases, Thresholds())
    for (x, n, tx, tn), call in zip(cases, got, strict=True):
        assert call.z == pytest.approx(two_proportion_z(x, n, tx - x, tn - n), abs=1e-9)
    assert one_sided_p(0) == pytest.approx(0.5) and one_sided_p(2) == pytest.approx(0.02275, 1e-3)
    # Benjamini-Hochberg at q = 0.1 over 4 tests: thresholds .025, .05, .075, .1.
    assert fdr_keep([0.04, 0.001, 0.5, 0.02], 0.1) == [True, True, False, True]
    assert fdr_keep([0.04, 0.03, 0.5, 0.6], 0.1) == [True, True, False, False]
    assert fdr_keep([0.03, 0.5, 0.6, 0.7], 0.1) == [False] * 4  # z 1.9 alone among four
    # the side rule of the one gap rule (macros/gap_rule.sql), with no floor on the traces
    calls = gap_rule.gap_calls(
        [(0, 0, 0, 0, 0, a, n, 0, 0, 0, 0) for a, n in ((6, 4), (4, 6), (5, 5), (5, 2), (0, 0))],
        min_lift=1.3, min_events=5, min_z=2.0, min_side=0, side_share=0.6,
    )  # fmt: skip
    assert [c.verdict for c in calls] == [
        "agent_failure", "product_gap", "both", "agent_failure", "both"
    ]  # fmt: skip


def test_empty_warehouse(tmp_path: Path) -> None:
    from tracetopics_pipeline.core import warehouse

    c = warehouse.connect(tmp_path / "w.duckdb")
    try:
        ch = compute_changes(c)
    finally:
        c.close()
    assert ch.end is None and ch.facts() == []
    with pytest.raises(ValueError):
        compute_changes(c, since_days=0)


def test_an_id_new_to_the_maps_over_older_traffic_is_no_new_topic(tmp_path: Path) -> None:
    """An id in a map built in the window and absent from the map before it, whose traces go back
    before the window, is a re-cut, not new, at every window (review rv8 P4: "new in the map of
    2026-11-29" at 14 and 28 days, not at 7): topic 1 (history) is growing, not new; topic 3's
    traces start in the window."""
    from factories import insert_rows

    from tracetopics_pipeline.core.topics.maps import map_id_for

    c = build_changes_warehouse(tmp_path / "w.duckdb")
    prev, cur = map_id_for("Task", date(2026, 3, 7)), map_id_for("Task", END)
    try:
        insert_rows(c, "topic_maps", [dict(map_id=prev, facet="Task", day=date(2026, 3, 7),
                                            status="built")])  # fmt: skip
        insert_rows(c, "topics", [dict(facet="Task", map_id=prev, topic_id=t, label=LABELS[t])
                                  for t in (2, 4, 5)])  # fmt: skip
        c.execute("UPDATE topic_maps SET prev_map_id = ? WHERE map_id = ?", [prev, cur])
        week = compute_changes(c, since_days=7).sections
        # 14 days: the window before (02-15..28) holds the history week only, so topic 0's
        # and 1's n_prev is theirs; 21 days: the window before is empty.
        others = {d: compute_changes(c, since_days=d).sections["new"] for d in (14, 21)}
    finally:
        c.close()
    assert [(f.topic_id, f.why.split(";")[0]) for f in week["new"]] == [
        (3, "first seen 2026-03-08")
    ]
    assert 1 in ids(week["growing"])
    for d, new in others.items():
        assert all("new in the map" not in f.why for f in new), d
        assert 0 not in ids(new) and 1 not in ids(new), d  # ids the map before lacked


def test_a_slice_is_computed_on_its_own_traces(conn) -> None:
    """`within` (the explorer's filter): the same rules on the slice's traces only."""
    ch = compute_changes(
        conn, since_days=7, within="SELECT trace_id FROM facet_summaries WHERE summary LIKE ?",
        params=["Set up SSO%"],
    )  # fmt: skip
    assert ch.filtered and (ch.traces, ch.prev_traces) == (40, 10)
    # One topic is the whole slice: its share cannot move, and the notes say why rules are mute.
    assert ch.sections["growing"] == [] and "growing" not in ch.notes
    assert "no topic has 5 negative" in ch.notes["over_indexed"]
    # The slice's table is gone and the whole traffic reads as before.
    assert not conn.execute(
        "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'changes_scope'"
    ).fetchone()[0]
    assert ids(compute_changes(conn, since_days=7).sections["growing"]) == [1]


def test_a_gap_section_lists_only_topics_where_its_kind_dominates() -> None:
    """'Product gaps' and 'Agent failures' each assert a kind, on at least `min_gap_side`
    traces of it: a topic whose unhappy traces split evenly between 'the agent failed' and 'it
    had no issue' goes to the unclear line, and 6 against 2 names no kind at all."""
    from tracetopics_pipeline.core.topics.changes import Thresholds, TopicWindow, capability_gaps

    def unit(topic_id: int, neg: int, agent: int, none: int) -> TopicWindow:
        d = date(2026, 3, 1)
        return TopicWindow("Task", topic_id, f"t{topic_id}", None, None, 40, 40, 160, 160, d, d,
                     neg, 40, agent, 40, agent, none)  # fmt: skip

    units = [
        unit(0, 2, 0, 2),  # too few to read
        unit(1, 24, 12, 12),  # neither kind dominates, unhappier than Task: unclear
        unit(2, 24, 20, 2),  # agent failure on 20 (of 22 read by Issues)
        unit(3, 20, 1, 19),  # product gap on 19
        unit(4, 8, 2, 6),  # 75% no issue, but on 6 traces: no kind named
        unit(5, 8, 4, 4),  # split, on 8 read traces: not even unclear
    ]
    gaps = capability_gaps([("parent", units)], Thresholds(), "Task")
    assert [f.topic_id for f in gaps["product_gaps"]] == [3]
    assert [f.topic_id for f in gaps["agent_failures"]] == [2]
    (unclear,) = gaps["unclear_gaps"]
    assert (unclear.topic_id, unclear.kind) == (1, "unclear_gap")
    assert "neither kind dominates" in unclear.why


def test_a_gap_kind_is_named_only_where_the_topic_stands_out_from_the_task_traffic() -> None:
    """Review rv4 L14: a topic whose unhappy traces mostly had an agent issue is no agent
    failure of its own when every Task topic shows agent issues as often (the proposal's rule,
    `versus_scope`); likewise a product gap needs a negative share clearly above the traffic's."""
    from tracetopics_pipeline.core.topics.changes import Thresholds, TopicWindow, capability_gaps

    def unit(topic_id: int, neg: int, iss: int, agent: int, none: int) -> TopicWindow:
        d = date(2026, 3, 1)
        return TopicWindow("Task", topic_id, f"t{topic_id}", None, None, 40, 40, 160, 160, d, d,
                     neg, 40, iss, 40, agent, none)  # fmt: skip

    # Every topic: a quarter of its traces with an agent issue, a third negative or mixed.
    alike = [unit(t, 14, 10, 11, 3) for t in range(4)] + [unit(4, 14, 10, 2, 12)]
    gaps = capability_gaps([("parent", alike)], Thresholds(), "Task")
    assert gaps["agent_failures"] == [] and gaps["product_gaps"] == []
    # The same topics beside calmer traffic: now each stands out on its own measure.
    calm = [unit(t, 2, 2, 1, 1) for t in range(10, 20)]
    gaps = capability_gaps([("parent", alike + calm)], Thresholds(), "Task")
    assert sorted(f.topic_id for f in gaps["agent_failures"]) == [0, 1, 2, 3]
    assert [f.topic_id for f in gaps["product_gaps"]] == [4]
    # Unhappier than the rest, its unhappy traces mostly with an agent issue, but agent issues
    # as common as everywhere: unhappy, cause unclear, and the line says why.
    gaps = capability_gaps([("parent", alike + [unit(9, 30, 10, 26, 4)])], Thresholds(), "Task")
    assert gaps["agent_failures"] == [] and gaps["product_gaps"] == []
    (unclear,) = gaps["unclear_gaps"]
    assert unclear.topic_id == 9
    assert (
        "short of an agent failure: agent issue 25% vs 25% across Task: 1.00×, under the 1.3× "
        "an agent failure needs" in unclear.why
    )
    assert unclear.why.startswith("30 negative or mixed traces (negative or mixed 75% vs ")
    # Review rv7 P2: 45 % vs 35 % falls short by a hair; the line says the rule, and no "about
    # as many with an agent issue as without" (26 against 4).
    rest = [unit(t, 14, 14 if t < 15 else 13, 11, 3) for t in range(10, 19)]
    (unclear,) = capability_gaps(
        [("parent", rest + [unit(9, 30, 18, 26, 4)])], Thresholds(), "Task"
    )["unclear_gaps"]
    assert "26 with an agent issue, 4 where the agent had none" in unclear.why
    assert "agent issue 45% vs 35% across Task: 1.29×, under the 1.3× an agent failure needs" in (
        unclear.why
    )
    # Review rv6 G2: as unhappy as the Task traffic, with many agent issues: no gap of any kind
    # (a product gap in that place was already dropped).
    mood = [unit(t, 14, 10, 11, 3) for t in range(10, 20)]
    gaps = capability_gaps([("parent", mood + [unit(8, 14, 30, 13, 1)])], Thresholds(), "Task")
    assert not any(gaps.values())


def test_facets_that_measure_pain_are_not_measured_by_it(conn) -> None:
    """A facet declared `measures_pain` (Sentiment, Churn risk in the packaged definitions)
    is left out of "more pain than usual": its unhappy labels are unhappy by construction."""
    from tracetopics_pipeline.core.facets.definitions import load_facets

    assert {f.name for f in load_facets() if f.measures_pain} == {"Sentiment", "Churn risk"}
    assert compute_changes(conn, since_days=7).sections["over_indexed"]
    declared = compute_changes(conn, since_days=7, pain_facets=["task"])
    assert declared.sections["over_indexed"] == []


def test_a_broken_facet_file_does_not_break_what_changed(conn, tmp_path, monkeypatch) -> None:
    """The home and the digest read the warehouse: a facet file that cannot be read only loses
    the `measures_pain` declarations (with a warning), not the page."""
    bad = tmp_path / "facets.yaml"
    bad.write_text("facets: [\n")
    monkeypatch.setenv("TRACETOPICS_FACETS", str(bad))
    ch = compute_changes(conn, since_days=7)
    assert ids(ch.sections["agent_failures"]) == [5]


def test_a_topic_stands_out_of_a_mostly_unhappy_scope_by_what_it_leaves() -> None:
    """Review rv5 M5: at 80 % negative traffic a lift of 1.3 would need 104 %, so no topic could
    stand out. The rule also reads the rest: 97 % negative (3 % calm, against 20 %) is clearly
    above; 82 % is not; and the mirror image holds for `below`."""
    from tracetopics_pipeline.core.topics.changes import Thresholds, versus_scope

    cases = [
        ((97, 100, 800, 1000), "above"),
        ((82, 100, 800, 1000), "same"),
        ((3, 100, 200, 1000), "below"),  # the same topic, counted calm
        ((50, 100, 800, 1000), "below"),
        # A low-rate scope reads as before: 1.3x the rate, significant, on min_events traces.
        ((30, 100, 100, 1000), "above"),
        ((12, 100, 100, 1000), "same"),
        ((4, 10, 100, 1000), "same"),  # 4 events < min_events
        ((5, 10, 0, 1000), "same"),  # an empty scope
        ((5, 0, 100, 1000), "same"),
    ]
    calls = versus_scope([c for c, _ in cases], Thresholds())
    assert [c.call for c in calls] == [want for _, want in cases]
    assert calls[0].z > 2 and calls[1].lifted is False and calls[4].lifted is True


def test_a_labelled_facets_default_label_sets_no_bar_for_its_other_labels() -> None:
    """Review rv7 P2: "Loops 81% negative vs 37% across Issues" was measured against a facet
    that is 65 % "No issue", so every issue label cleared the bar by construction. The default
    label is left out: issue labels are compared with each other."""
    from tracetopics_pipeline.core.topics.changes import Thresholds, TopicWindow, _over_indexed

    def unit(topic_id: int, label: str, n: int, neg: int) -> TopicWindow:
        d = date(2026, 3, 1)
        return TopicWindow("Issues", topic_id, label, None, None, n, n, 800, 800, d, d,
                           neg, n, 0, 0, 0, 0)  # fmt: skip

    units = [unit(1, "No issue", 650, 30), unit(2, "Loops", 50, 20), unit(3, "Timeouts", 50, 21),
             unit(4, "Refusals", 50, 19)]  # fmt: skip
    args = (Thresholds(), "Sentiment", "Issues", set())
    assert _over_indexed([("topic", units)], *args, {("issues", "no issue")}) == []
    # Without the default's name every label stands out, as before.
    assert len(_over_indexed([("topic", units)], *args, set())) == 3
    # One label clearly unhappier than the others still does, and says what it was compared with.
    units.append(unit(5, "Escalations", 50, 45))
    (f,) = _over_indexed([("topic", units)], *args, {("issues", "no issue")})
    assert f.label == "Escalations"
    # Review rv13 M7: "vs 36% across Pricing question but “No pricing question”" read as a
    # comparison with the default label; the baseline is every other label, said as such.
    assert "negative or mixed 90% vs 52% across all Issues labels except “No issue” (" in f.why
    assert " but “" not in f.why


def test_top_priorities_name_their_window(conn) -> None:
    """Review rv7 P2: the ranking reads 28 days and the home 7, with nothing on either page
    saying so; the home heads its card with the mart's `window_days` (the mart
    now puts the volume rank last: tests/marts)."""
    conn.execute("CREATE SCHEMA IF NOT EXISTS marts")
    why = ("43% negative or mixed vs 36% overall; growing (share +40% week over week); "
           "#13 by volume: 355 traces (4% of traffic in the last 28 days)")  # fmt: skip
    conn.execute(
        f"""CREATE OR REPLACE TABLE marts.topic_priority AS
           SELECT * FROM (VALUES (1, 0.8, 1, 'Set up SSO', '{why}', 40, 28))
           t(priority_rank, priority_score, task_topic_id, task_topic_label, why, traces,
             window_days)"""
    )
    try:
        ch = compute_changes(conn, since_days=7)
    finally:
        conn.execute("DROP TABLE marts.topic_priority")
    (p,) = ch.sections["priorities"]
    assert p.why == why
    assert ch.priority_days == 28 and ch.as_dict()["priority_days"] == 28


def test_ranking_window_says_the_days_there_are() -> None:
    """Review rv8 L3: a ranking over 21 days of data read "last 28 days, all traffic"."""
    assert ranking_window(28, 21) == "the 21 days there are, all traffic"
    assert ranking_window(28, 28) == "last 28 days, all traffic"
    assert ranking_window(28) == "last 28 days, all traffic"  # a mart from before data_days
    assert ranking_window(None, 21) == "all traffic"


def test_the_window_says_its_first_day_with_data(conn) -> None:
    out = compute_changes(conn, since_days=28)
    assert out.first_day is not None and out.start <= out.first_day <= out.end
    assert out.as_dict()["first_day"] == out.first_day.isoformat()


def test_a_topic_back_after_a_week_without_traces_is_returning_not_new(tmp_path: Path) -> None:
    """Issue 12: a topic with traces in the window and none in the week before has no
    baseline. Topic 6 had 9 traces in the history week, none the week before, 8 in the window:
    returning (seen before), listed on its own, not under New topics (topic 3, first seen in
    the window) nor Growing; topic 7's 9 traces are all in the history week: nothing (a topic
    whose traces are all older than the window is not new)."""
    from factories import insert_rows

    from tracetopics_pipeline.cli.digest import render_text
    from tracetopics_pipeline.core.topics.maps import map_id_for

    c = build_changes_warehouse(tmp_path / "w.duckdb")
    try:
        insert_rows(c, "classifications", [
            dict(day=day, trace_id=f"r{t}-{day}-{i}", facet="Task", topic_id=t,
                 label=f"Topic {t}", distance=0.1, map_id=map_id_for("Task", END))
            for t, days in ((6, [date(2026, 2, 23)] * 9 + [date(2026, 3, 12)] * 8),
                            (7, [date(2026, 2, 24)] * 9))
            for i, day in enumerate(days)
        ])  # fmt: skip
        ch = compute_changes(c, since_days=7)
    finally:
        c.close()
    s = ch.sections
    assert ids(s["new"]) == [3] and ids(s["returning"]) == [6]
    assert 6 not in ids(s["growing"]) and 7 not in {f.topic_id for f in ch.facts()}
    back = s["returning"][0]
    assert (
        back.why
        == "none in the 7 days before, last seen 2026-02-23; 8 traces (5.0% of Task) in the window"
    )
    assert back.numbers["older_traces"] == 9
    assert "Returning topics\n  Topic 6  [Task topic 6]\n      none in the 7 days before" in (
        render_text(ch)
    )


def test_no_gap_is_said_once_with_what_a_gap_needs() -> None:
    """Review rv12 L8: on a week of demo data the home showed three empty gap cards. With no
    gap of any kind, one sentence says what a gap needs (the rule's numbers) and how close the
    unhappiest topic comes; when data is too thin, that reason instead."""
    from tracetopics_pipeline.core.topics.changes import Thresholds, TopicWindow, gap_note

    def unit(topic_id: int, neg: int, sent: int, agent: int, none: int) -> TopicWindow:
        d = date(2026, 3, 1)
        return TopicWindow("Task", topic_id, f"Topic {topic_id}", None, None, sent, sent,
                           400, 400, d, d, neg, sent, agent, sent, agent, none)  # fmt: skip

    th = Thresholds()
    # Ten topics of 40 at 30-45 % negative or mixed: nobody stands out (the demo's week).
    units = [unit(t, 12 + (t % 4) * 2, 40, 6, 6 + (t % 4) * 2) for t in range(10)]
    note, short = gap_note(units, th, "Task", "Issues")
    assert not short  # what the rule found: information, not a shortfall of data
    base = sum(u.neg for u in units) / sum(u.sent for u in units)
    assert note.startswith("No capability gap")
    assert f"{th.min_lift:g}×" in note and f"z ≥ {th.min_z:g}" in note
    assert f"{th.min_gap_side} negative or mixed traces that Issues read" in note
    assert f"{100 * base:.0f}%" in note  # the Task traffic's share, the bar to clear
    # The unhappiest topic (18 of 40, 45 %) and how far it is from the bar.
    assert "“Topic 3”" in note and "45%" in note and "1.2×" in note
    # Too few negative traces anywhere: that reason, not the rule.
    thin = [unit(t, 2, 40, 1, 1) for t in range(10)]
    note, short = gap_note(thin, th, "Task", "Issues")
    assert note.startswith("Too little data") and short
    assert gap_note([], th, "Task", "Issues")[1]  # no Task topic to read
    assert "No Task topics" in gap_note([], th, "Task", "Issues")[0]


def test_a_window_with_no_days_before_is_not_compared_with_zero_days() -> None:
    """The home's Growing card read "Share of their facet up against the 0 days there are
    before" on a week of data (walk of explorer17): the days before hold none, said so."""
    from tracetopics_pipeline.core.topics.changes import compared_with

    assert compared_with(7, 7) == "week over week"
    assert compared_with(14, 7) == "against the 7 days there are before"
    assert compared_with(7, 1) == "against the 1 day there is before"
    for days in (7, 14):
        said = compared_with(days, 0)
        assert "0 days" not in said and said == f"against the {days} days before (none has traces)"


def test_over_indexed_is_one_query_with_the_answers_of_one_query_per_test(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every over-index test of a home (two levels x facets x two measures: 18 queries, 1.2 s of
    a cold home) runs as one `versus_scope` query, and its facts are the ones each test asked
    alone gives: same topics, numbers, wording and false-discovery cut per facet and measure."""
    from tracetopics_pipeline.core.topics.changes import TopicWindow, _over_indexed

    rng = random.Random(21)
    d = date(2026, 3, 1)
    by_level = []
    for level in ("parent", "sub"):
        units = []
        for facet in ("Task", "Sentiment", "Issues", "Churn risk", "Feature request"):
            for t in range(rng.randint(4, 12)):
                n = rng.randint(0, 200)
                sent, known = rng.randint(0, n), rng.randint(0, n)
                hot = rng.random() < 0.3  # some topics far unhappier than their facet
                neg = rng.randint(sent // 2, sent) if hot else rng.randint(0, sent // 4)
                iss = rng.randint(known // 2, known) if hot else rng.randint(0, known // 5)
                label = "No issue" if (facet, t) == ("Issues", 0) else f"{facet} {t}"
                units.append(TopicWindow(facet, t if t else -1, label, None, None, n, n, 900,
                                         900, d, d, neg, sent, iss, known, 0, 0))  # fmt: skip
        by_level.append((level, units))
    args = (Thresholds(), "Sentiment", "Issues", {"churn risk"}, {("issues", "no issue")})

    batches: list[int] = []
    versus = gap_rule.versus_calls

    def counted(rows, **kw):
        batches.append(len(rows))
        return versus(rows, **kw)

    monkeypatch.setattr(gap_rule, "versus_calls", counted)
    got = _over_indexed(by_level, *args)
    assert len(batches) == 1 and batches[0] > 50
    one_each = lambda rows, **kw: [c for r in rows for c in versus([r], **kw)]  # noqa: E731
    monkeypatch.setattr(gap_rule, "versus_calls", one_each)
    want = _over_indexed(by_level, *args)
    assert len(want) >= 10 and {f.level for f in want} == {"parent", "sub"}
    assert {f.facet for f in want} == {"Task", "Sentiment", "Issues", "Feature request"}
    assert [asdict(f) for f in got] == [asdict(f) for f in want]


def test_capability_gaps_are_one_query_with_the_answers_of_one_query_per_level(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The home's capability gaps of both levels run as one gap-rule query (it ran one per
    level, and one more per unclear gap's "short of" line: 3-5 per cold home), and the facts are
    the ones each level asked alone, one topic at a time, gives: same topics, kinds, numbers and
    wording; an unclear gap's "short of" line quotes `versus_scope`'s own z for its counts."""
    from tracetopics_pipeline.core.topics.changes import (
        Thresholds,
        TopicWindow,
        _short_of,
        capability_gaps,
        versus_scope,
    )

    rng = random.Random(22)
    d = date(2026, 3, 1)
    by_level = []
    for level, count in (("parent", 14), ("sub", 40)):
        units = []
        for t in range(count):
            sent = rng.randint(0, 120)
            hot = rng.random() < 0.35  # some topics far unhappier than Task
            neg = rng.randint(sent // 2, sent) if hot else rng.randint(0, sent // 3)
            agent = rng.randint(0, neg)
            none = rng.randint(0, neg - agent)
            iss_known = rng.randint(agent, max(agent, sent))
            iss = rng.randint(agent, iss_known)
            facet = "Task" if t % 5 else "Sentiment"  # other facets' topics are not tested
            units.append(TopicWindow(facet, t if t else -1, f"{level} {t}", None, None, sent,
                                     sent, 900, 900, d, d, neg, sent, iss, iss_known, agent,
                                     none))  # fmt: skip
        # Unhappy, mostly with agent issues, but agent issues as common as across Task: the
        # unclear line that says which test it falls short of.
        tasks = [u for u in units if u.facet == "Task"]
        common = round(40 * sum(u.iss for u in tasks) / sum(u.iss_known for u in tasks))
        units.append(TopicWindow("Task", 99, f"{level} 99", None, None, 40, 40, 900, 900, d, d,
                                 30, 40, common, 40, 26, 4))  # fmt: skip
        by_level.append((level, units))
    th = Thresholds()

    queries: list[int] = []
    run = gap_rule._run

    def counted(sql, columns, rows):
        queries.append(len(rows))
        return run(sql, columns, rows)

    monkeypatch.setattr(gap_rule, "_run", counted)
    got = capability_gaps(by_level, th, "Task")
    assert len(queries) == 1 and queries[0] > 40

    monkeypatch.setattr(gap_rule, "_run", run)
    calls = gap_rule.gap_calls
    one_each = lambda rows, **kw: [c for r in rows for c in calls([r], **kw)]  # noqa: E731
    monkeypatch.setattr(gap_rule, "gap_calls", one_each)
    want: dict[str, list] = {k: [] for k in got}
    for level, units in by_level:
        for section, facts in capability_gaps([(level, units)], th, "Task").items():
            want[section] += facts
    assert {k: [asdict(f) for f in v] for k, v in got.items()} == {
        k: [asdict(f) for f in v] for k, v in want.items()
    }
    facts = [f for v in got.values() for f in v]
    assert {f.level for f in facts} == {"parent", "sub"} and all(got.values())
    shorts = [f for f in got["unclear_gaps"] if "short of" in f.why]
    assert shorts
    for f in shorts:  # the z and lift the line quotes are versus_scope's for the same counts
        level, units = next((lv, us) for lv, us in by_level if lv == f.level)
        tasks = [u for u in units if u.facet == "Task"]
        u = next(u for u in tasks if u.topic_id == f.topic_id)
        iss = (u.iss, u.iss_known, sum(v.iss for v in tasks), sum(v.iss_known for v in tasks))
        neg = (u.neg, u.sent, sum(v.neg for v in tasks), sum(v.sent for v in tasks))
        lines = {
            _short_of(*counts, call.lifted, call.z, th, words)
            for counts, words in ((iss, "agent issue"), (neg, "negative or mixed"))
            for call in versus_scope([counts], th)
        }
        assert any(line in f.why for line in lines), f.why
