"""An upgraded home (issue 12 item 5): days classified against an earlier map, past the 28-day
comparison window, kept that map's subtopic ids, so `tracetopics topics --all` showed a name
twice under one parent ("Still not working" 362 + 22). After a rule change every stored day is
re-classified, and siblings that read the same are one row whatever days a map left behind."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
from factories.corpus import F, corpus, load_summaries, write_map

from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.topics import classify
from tracetopics_pipeline.core.topics.classify import classify_days
from tracetopics_pipeline.core.topics.report import ranked_topics

DAY = date(2026, 9, 1)
N_DAYS = 45  # well past the 28-day comparison window
DAYS = [DAY + timedelta(days=i) for i in range(N_DAYS)]
SETTINGS = Settings(min_summaries=100)


def _unit(v: np.ndarray) -> list[float]:
    return (v / np.linalg.norm(v)).astype(np.float32).tolist()


def _home(conn) -> dict[int, list[float]]:
    """45 days of four intents; the centroid of each."""
    texts, x, truth = corpus(k=4, per=90)
    load_summaries(conn, texts, x, start=DAY, days=N_DAYS)
    t = np.asarray(truth)
    return {i: _unit(x[t == i].mean(axis=0)) for i in range(4)}


def _twins(conn) -> list[tuple[str, str]]:
    """(parent, name) of sibling rows that read the same in the listing, parents included."""
    ranked = [t for t in ranked_topics(conn, "Task") if t["topic_id"] != -1]
    seen: set[tuple[str, str]] = set()
    twins = []
    for parent, names in [("", [t["label"] for t in ranked])] + [
        (t["label"], [s["label"] for s in t["subtopics"]]) for t in ranked
    ]:
        for name in names:
            key = (parent.casefold(), " ".join(name.casefold().split()))
            if key in seen:
                twins.append((parent, name))
            seen.add(key)
    return twins


def _old_map_then_new(conn, cents: dict[int, list[float]]) -> None:
    """Every day classified by the old rule against the old map; then the new map, whose
    'Dashboard CSV export' got a new id (7, the old 1 retired) and whose 'Plans' parent is a new
    id (13, the old 11 retired) named alike but for case."""
    old = {
        1: (10, "Dashboard CSV export", cents[0]),
        2: (10, "Password reset", cents[1]),
        3: (11, "Subscription cancel", cents[2]),
        4: (11, "Teammate invite", cents[3]),
    }
    write_map(conn, "Task", {10: ("Exports", None), 11: ("Plans", None)}, old, day=DAYS[0])
    classify_days(conn, DAYS, facets=[F("Task")], settings=SETTINGS)
    new = {
        7: (10, "Dashboard CSV export", cents[0]),
        2: (10, "Password reset", cents[1]),
        3: (13, "Subscription cancel", cents[2]),
        4: (13, "Teammate invite", cents[3]),
    }
    write_map(conn, "Task", {10: ("Exports", None), 13: ("plans", None)}, new, day=DAYS[-1])


def test_a_rule_change_reclassifies_every_day_and_no_name_repeats(conn, monkeypatch) -> None:
    cents = _home(conn)
    monkeypatch.setattr(classify, "_RULE_CODE", "before-the-upgrade")
    _old_map_then_new(conn, cents)
    # the upgrade: another rule; the next run classifies its own day
    monkeypatch.setattr(classify, "_RULE_CODE", "after-the-upgrade")
    assert classify.stale_days(conn, [F("Task")], SETTINGS) == DAYS
    lines: list[str] = []
    st = classify_days(
        conn, [DAYS[-1]], facets=[F("Task")], settings=SETTINGS, same_rule=True,
        progress=lines.append,
    )  # fmt: skip
    assert st.reclassified == [d.isoformat() for d in DAYS[:-1]]
    assert st.reclassified_rows == 360 - 8  # every trace of the earlier days
    assert lines and lines[-1].startswith(f"re-classified {N_DAYS - 1}/{N_DAYS - 1} earlier days")
    # every day carries the current rule and the current map's ids
    assert classify.stale_days(conn, [F("Task")], SETTINGS) == []
    assert conn.execute(
        "SELECT DISTINCT rule FROM classify_rules WHERE facet = 'Task'"
    ).fetchall() == [(classify.classify_rule(SETTINGS),)]
    assert (
        conn.execute(
            "SELECT count(DISTINCT day) FROM classifications WHERE map_id = 'Task@2026-10-15'"
        ).fetchone()[0]
        == N_DAYS
    )
    assert _twins(conn) == []
    ranked = ranked_topics(conn, "Task")
    assert sorted((t["topic_id"], t["count"]) for t in ranked) == [(10, 180), (13, 180)]
    exports = next(t for t in ranked if t["topic_id"] == 10)
    assert [(s["topic_id"], s["label"], s["count"]) for s in exports["subtopics"]] == [
        (2, "Password reset", 90),
        (7, "Dashboard CSV export", 90),
    ]


def test_days_an_earlier_map_left_behind_show_each_name_once(conn) -> None:
    """No upgrade: the daily run classifies its own day against the new map, and the earlier
    days keep the old map's ids. The retired ids that read like a current sibling (or parent)
    are that topic; one without a current namesake stays its own row."""
    cents = _home(conn)
    _old_map_then_new(conn, cents)
    # a retired subtopic with a name no current topic has: history, kept
    conn.execute(
        "UPDATE classifications SET subtopic_id = 5, subtopic = 'Teammate invites by link' "
        "WHERE subtopic_id = 4 AND day = ?",
        [DAYS[0]],
    )
    write_map(conn, "Task", {11: ("Plans", None)}, {5: (11, "Teammate invites by link", None)},
              day=DAYS[1])  # fmt: skip
    st = classify_days(conn, [DAYS[-1]], facets=[F("Task")], settings=SETTINGS)
    assert st.reclassified == []  # the same rule: history stays as classified
    assert st.folded > 0
    assert _twins(conn) == []
    ranked = {t["label"]: t for t in ranked_topics(conn, "Task")}
    assert set(ranked) == {"Exports", "plans"}
    assert ranked["Exports"]["count"] == ranked["plans"]["count"] == 180
    subs = {s["label"]: (s["topic_id"], s["count"]) for s in ranked["Exports"]["subtopics"]}
    assert subs == {"Dashboard CSV export": (7, 90), "Password reset": (2, 90)}
    subs = {s["label"]: s["topic_id"] for s in ranked["plans"]["subtopics"]}
    assert subs == {"Subscription cancel": 3, "Teammate invite": 4, "Teammate invites by link": 5}
    # the rows say so in SQL too, and a second pass changes nothing
    assert (
        conn.execute(
            "SELECT count(*) FROM classifications WHERE subtopic_id = 1 OR topic_id = 11"
        ).fetchone()[0]
        == 0
    )
    assert classify.fold_same_names(conn, "Task", "Task@2026-10-15") == 0
