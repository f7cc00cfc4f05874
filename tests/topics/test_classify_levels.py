"""Classification at two levels (docs/two_levels): the fine topic is `subtopic_id`, its parent
`topic_id`. Maps are written by hand here (parent rows, parent_id, facet_label) so the rules are
checked on known geometry: free-text facets take the nearest fine topic and its parent;
labelled facets take their label's parent and the nearest fine topic within it, the default
label included ("no issue", never no_match)."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pytest
from factories import insert_embeddings, insert_rows
from factories.corpus import F, corpus, load_summaries, write_map

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.facets.definitions import load_facets, text_hash
from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.topics.classify import classify_days
from tracetopics_pipeline.core.topics.evaluate import recovery
from tracetopics_pipeline.core.topics.overrides import MergeRefused, merge_topics
from tracetopics_pipeline.core.topics.report import ranked_topics, set_topic_override

DAY = date(2026, 11, 1)
FACETS = {f.name: f for f in load_facets()}  # the shipped definitions: how a facet is keyed
SETTINGS = Settings(min_summaries=100)


def _unit(v: np.ndarray) -> list[float]:
    return (v / np.linalg.norm(v)).astype(np.float32).tolist()


def test_free_text_facet_nearest_fine_topic_and_its_parent(conn) -> None:
    texts, x, truth = corpus(k=4, per=30)
    load_summaries(conn, texts, x)
    t = np.asarray(truth)
    cents = {i: _unit(x[t == i].mean(axis=0)) for i in range(4)}
    write_map(
        conn,
        "Task",
        {10: ("Exports and passwords", None), 11: ("Plans and people", None)},
        {
            0: (10, "Dashboard CSV export", cents[0]),
            1: (10, "Password reset", cents[1]),
            2: (11, "Subscription cancel", cents[2]),
            3: (11, "Teammate invite", cents[3]),
        },
    )
    # a far-away text and an excluded one: no_match at both levels
    far = np.random.default_rng(7).normal(size=warehouse.EMBED_DIM).astype(np.float32)
    far /= np.linalg.norm(far)
    load_summaries(
        conn, ["Unrelated", "Excluded"], np.vstack([far, far]), statuses=["ok", "excluded"],
        prefix="z",
    )  # fmt: skip
    st = classify_days(conn, [DAY], facets=[F("Task")], settings=SETTINGS)
    assert st.rows == 122 and st.no_match == 2
    got = conn.execute(
        "SELECT trace_id, topic_id, label, subtopic_id, subtopic FROM classifications"
        " ORDER BY trace_id"
    ).fetchall()
    by = {r[0]: r[1:] for r in got}
    for i, g in enumerate(truth):
        sub = int(g)
        parent = 10 if sub < 2 else 11
        assert by[f"t-{i:05d}"][0] == parent and by[f"t-{i:05d}"][2] == sub
    assert by["t-00000"] == (10, "Exports and passwords", 0, "Dashboard CSV export")
    assert by["z-00000"] == (-1, "no_match", -1, "no_match")
    assert by["z-00001"] == (-1, "no_match", -1, "no_match")
    answers = {f"t-{i:05d}": {"intent": f"i{g}"} for i, g in enumerate(truth)}
    fine, parent = (recovery(conn, answers, "Task", level=lv) for lv in ("fine", "parent"))
    assert (fine["n_topics"], fine["nmi"], parent["n_topics"]) == (4, 1.0, 2)
    assert 0.5 < parent["nmi"] < 1.0

    # the ranking: parents by share, each with its ranked subtopics; no_match an item too
    ranked = ranked_topics(conn, "Task")
    assert [(p["topic_id"], p["count"]) for p in ranked] == [(10, 60), (11, 60), (-1, 2)]
    assert [s["topic_id"] for s in ranked[0]["subtopics"]] == [0, 1]
    assert ranked[0]["subtopics"][0]["share"] == 30 / 122 and ranked[2]["subtopics"] == []
    # a rename of a subtopic shows at its level only
    set_topic_override(conn, "Task", 1, label="Password reset link")
    ranked = ranked_topics(conn, "Task")
    assert ranked[0]["label"] == "Exports and passwords"
    assert ranked[0]["subtopics"][1]["label"] == "Password reset link"
    assert conn.execute(
        "SELECT DISTINCT subtopic FROM classifications WHERE subtopic_id = 1"
    ).fetchall() == [("Password reset link",)]


def test_earlier_days_follow_the_current_maps_parents(conn) -> None:
    """A refresh builds a new map and classifies only today: a subtopic the new map put under
    another parent must not sit under two parents (old days under the old one)."""
    texts, x, truth = corpus(k=4, per=30)
    load_summaries(conn, texts, x, days=2)  # traces alternate between DAY and the next day
    t = np.asarray(truth)
    cents = {i: _unit(x[t == i].mean(axis=0)) for i in range(4)}
    first = {0: (10, "Dashboard CSV export", cents[0]), 1: (10, "Password reset", cents[1]),
             2: (11, "Subscription cancel", cents[2]), 3: (11, "Teammate invite", cents[3])}  # fmt: skip
    write_map(conn, "Task", {10: ("Exports", None), 11: ("Plans", None)}, first)
    classify_days(conn, [DAY, DAY + timedelta(days=1)], facets=[F("Task")], settings=SETTINGS)
    # the next map: "Password reset" moves to a new parent 12, "Teammate invite" is renamed
    nxt = DAY + timedelta(days=1)
    second = {**first, 1: (12, "Password reset", cents[1]), 3: (11, "Invite a teammate", cents[3])}
    parents = {10: ("Exports", None), 11: ("Plans", None), 12: ("Account access", None)}
    write_map(conn, "Task", parents, second, day=nxt)
    st = classify_days(conn, [nxt], facets=[F("Task")], settings=SETTINGS)
    assert st.repointed == 15 + 15  # DAY's password-reset and teammate-invite rows
    rows = conn.execute(
        """SELECT subtopic_id, count(DISTINCT topic_id), any_value(label),
                  count(DISTINCT subtopic), any_value(subtopic)
           FROM classifications GROUP BY 1 ORDER BY 1"""
    ).fetchall()
    assert rows == [
        (0, 1, "Exports", 1, "Dashboard CSV export"),
        (1, 1, "Account access", 1, "Password reset"),
        (2, 1, "Plans", 1, "Subscription cancel"),
        (3, 1, "Plans", 1, "Invite a teammate"),
    ]
    ranked = ranked_topics(conn, "Task")
    assert sorted((p["topic_id"], p["count"]) for p in ranked) == [(10, 30), (11, 60), (12, 30)]
    # a person's merge of parents still wins after the next pass
    merge_topics(conn, "Task", 12, 10)
    classify_days(conn, [nxt], facets=[F("Task")], settings=SETTINGS)
    assert conn.execute(
        "SELECT DISTINCT topic_id FROM classifications WHERE subtopic_id = 1"
    ).fetchall() == [(10,)]


def test_labelled_facet_parent_is_the_label_and_default_is_its_own_line(conn) -> None:
    rng = np.random.default_rng(3)
    dim = warehouse.EMBED_DIM
    a, b, c = (v / np.linalg.norm(v) for v in rng.normal(size=(3, dim)))
    rows, vecs, texts = [], [], []

    def add(tid: str, summary: str, label: str | None, vec, status: str = "ok") -> None:
        rows.append(
            dict(day=DAY, trace_id=tid, facet="Issues", summary=summary, label=label,
                 status=status, text_hash=text_hash(summary))
        )  # fmt: skip
        if vec is not None:
            texts.append(summary)
            vecs.append(vec)

    add("i1", "Failed tool call: export returned 500", "FAILED_TOOL_CALL", a)
    add("i2", "Failed tool call: timeout in search", "FAILED_TOOL_CALL", b)
    # labelled FAILED_TOOL_CALL but its text is nearest the ESCALATION subtopic: the label decides
    add("i3", "Failed tool call: then handed to a person", "FAILED_TOOL_CALL", 0.3 * a + c)
    add("i4", "Escalation to human: asked for an agent", "ESCALATION", c)
    add("i5", "NONE", "NONE", None, status="excluded")
    add("i6", "NONE", "NONE", None, status="excluded")
    add("i7", "Loop: asked the same thing thrice", "LOOP", a + 0.05 * b)  # no LOOP parent
    add("i8", "Refusal: would not answer", "REFUSAL", rng.normal(size=dim))  # no parent, far
    add("i9", "Errored", None, None, status="errored")
    insert_rows(conn, "facet_summaries", rows)
    x = np.asarray([_unit(np.asarray(v)) for v in vecs], dtype=np.float32)
    insert_embeddings(conn, texts, x)
    write_map(
        conn,
        "Issues",
        {
            100: ("Failed tool call", "failed_tool_call"),  # facet_label: maps.parent_key
            101: ("Escalation to human", "escalation"),
            102: ("No issue", "none"),
        },
        {
            1: (100, "Export errors", _unit(a)),
            2: (100, "Search timeouts", _unit(b)),
            3: (101, "Handed to a person", _unit(c)),
            4: (102, "No issue", None),  # a default label without texts has no centroid
        },
    )
    st = classify_days(conn, [DAY], facets=[FACETS["Issues"]], settings=SETTINGS)
    got = {
        r[0]: r[1:]
        for r in conn.execute(
            "SELECT trace_id, topic_id, label, subtopic_id, subtopic, distance IS NULL"
            " FROM classifications"
        ).fetchall()
    }
    assert got["i1"] == (100, "Failed tool call", 1, "Export errors", False)
    assert got["i2"] == (100, "Failed tool call", 2, "Search timeouts", False)
    assert got["i3"][:3] == (100, "Failed tool call", 1)  # not the nearer ESCALATION subtopic
    assert got["i4"] == (101, "Escalation to human", 3, "Handed to a person", False)
    assert got["i5"] == got["i6"] == (102, "No issue", 4, "No issue", True)
    assert got["i7"][:3] == (100, "Failed tool call", 1)  # no parent for LOOP: nearest topic
    assert got["i8"][:3] == (-1, "no_match", -1)  # ... and too far from every topic
    assert got["i9"][:3] == (-1, "no_match", -1)  # not summarized
    assert st.no_match == 2
    ranked = ranked_topics(conn, "Issues")
    assert ranked[0]["label"] == "Failed tool call" and ranked[0]["count"] == 4
    assert ("No issue", 2) in [(p["label"], p["count"]) for p in ranked]
    # each parent names the label value it stands for (the explorer colours Sentiment by it)
    assert [p["facet_label"] for p in ranked if p["topic_id"] != -1] == [
        "failed_tool_call",
        "none",
        "escalation",
    ]
    # Review rv8 M1: a merge must not change what a trace means. A label value is not merged
    # ("No issue" into "Failed tool call" made every calm trace a failure), nor a subtopic into
    # one under another parent (it kept its parent); siblings merge.
    with pytest.raises(MergeRefused, match="values of its label"):
        merge_topics(conn, "Issues", 102, 100)
    with pytest.raises(MergeRefused, match="under “Escalation to human” and 1 under “Failed"):
        merge_topics(conn, "Issues", 3, 1)
    assert merge_topics(conn, "Issues", 2, 1)["merged_into"] == 1


def test_competitor_parent_is_the_competitor_named_in_the_summary(conn) -> None:
    rng = np.random.default_rng(5)
    v = [u / np.linalg.norm(u) for u in rng.normal(size=(2, warehouse.EMBED_DIM))]
    summaries = [
        ("c1", "Looker: exports to Excel", v[0], "ok"),
        ("c2", "Tableau: one click dashboards", v[1], "ok"),
        ("c3", "Looker: cheaper seats", v[1], "ok"),  # text near Tableau's: the name decides
    ]
    insert_rows(
        conn,
        "facet_summaries",
        [
            dict(day=DAY, trace_id=t, facet="Competitor mention", summary=s, label=None,
                 status=st, text_hash=text_hash(s))
            for t, s, _, st in summaries
        ],
    )  # fmt: skip
    with_vec = [(s, u) for _, s, u, _ in summaries if u is not None]
    insert_embeddings(conn, [s for s, _ in with_vec], np.vstack([u for _, u in with_vec]))
    write_map(
        conn,
        "Competitor mention",
        {7: ("Looker mentions", "looker"), 8: ("Tableau mentions", "tableau")},
        {70: (7, "Looker exports", _unit(v[0])), 80: (8, "Tableau dashboards", _unit(v[1]))},
    )
    classify_days(conn, [DAY], facets=[FACETS["Competitor mention"]], settings=SETTINGS)
    got = dict(conn.execute("SELECT trace_id, label FROM classifications ORDER BY 1").fetchall())
    assert got == {"c1": "Looker mentions", "c2": "Tableau mentions", "c3": "Looker mentions"}
