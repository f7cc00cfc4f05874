"""Topic maps: clustering determinism, waiting status, idempotent builds, identity, overrides."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np
import pytest
from factories.corpus import F, corpus, load_summaries

from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.topics.describe import cluster_texts
from tracetopics_pipeline.core.topics.evaluate import scores
from tracetopics_pipeline.core.topics.identity import TopicSide, match_topics
from tracetopics_pipeline.core.topics.maps import build_maps
from tracetopics_pipeline.core.topics.report import (
    ranked_topics,
    set_topic_override,
    topic_list,
)

DAY = date(2026, 11, 1)
SETTINGS = Settings(min_summaries=100, window_days=30)


@pytest.fixture(scope="module")
def clustered():
    texts, x, truth = corpus(k=5, per=40)
    return texts, x, truth, cluster_texts(texts, x, settings=SETTINGS)


def test_cluster_texts_recovers_topics_and_describes_them(clustered):
    texts, x, truth, res = clustered
    s = scores(truth, res.labels)
    assert s["nmi"] > 0.95 and s["ari"] > 0.95, s
    assert len(res.topics) == 5
    assert res.coords.shape == (len(texts), 2)
    for t in res.topics:
        # A label is a short phrase taken from the topic's own wording, never "topic_7".
        assert not t.label.lower().startswith("topic")
        assert 2 <= len(t.label.split()) <= 8
        assert t.keywords and t.representatives
        assert abs(np.linalg.norm(t.centroid) - 1) < 1e-4
        assert set(t.label.lower().split()) & set(" ".join(t.keywords).split())
    assert abs(sum(t.share for t in res.topics) + res.no_match_share - 1) < 1e-9


def test_cluster_texts_is_order_invariant_and_repeatable(clustered):
    texts, x, _, res = clustered
    perm = np.random.default_rng(7).permutation(len(texts))
    again = cluster_texts([texts[i] for i in perm], x[perm], settings=SETTINGS)
    assert np.array_equal(again.labels, res.labels[perm])
    assert np.allclose(again.coords, res.coords[perm])
    assert [t.label for t in again.topics] == [t.label for t in res.topics]


def test_kmeans_alternative(clustered):
    texts, x, truth, _ = clustered
    res = cluster_texts(texts, x, settings=replace(SETTINGS, algorithm="kmeans"))
    assert scores(truth, res.labels)["nmi"] > 0.9


def test_waiting_below_min_summaries(conn):
    texts, x, _ = corpus(k=3, per=21)  # 63 unique summaries
    load_summaries(conn, texts, x)
    [st] = build_maps(conn, DAY, facets=[F("Task")], settings=SETTINGS)
    assert st.status == "waiting"
    detail = (
        "waiting for facets: 63 distinct summaries of 63 traces in the window; a map needs 100 "
        "(TRACETOPICS_MIN_SUMMARIES)"
    )
    assert st.detail == detail
    row = conn.execute("SELECT status, detail FROM topic_maps").fetchall()
    assert row == [("waiting", detail)]
    assert conn.execute("SELECT count(*) FROM topics").fetchall()[0][0] == 0


def test_a_rerun_short_of_summaries_keeps_the_days_built_map(conn):
    """A re-run with a higher floor (or a smaller window) than the build had: the built map
    stays, with the topics its classifications point at (review rv9 M1: it was replaced by
    a waiting map and its topics deleted)."""
    texts, x, _ = corpus(k=4, per=40)
    load_summaries(conn, texts, x)
    [a] = build_maps(conn, DAY, facets=[F("Task")], settings=SETTINGS)
    assert a.status == "built"
    before = conn.execute("SELECT topic_id, label FROM topics ORDER BY 1").fetchall()
    [b] = build_maps(conn, DAY, facets=[F("Task")], settings=replace(SETTINGS, min_summaries=500))
    assert b.status == "waiting" and b.detail.startswith("kept the day's built map")
    assert conn.execute("SELECT status FROM topic_maps").fetchall() == [("built",)]
    assert conn.execute("SELECT topic_id, label FROM topics ORDER BY 1").fetchall() == before


def test_build_is_idempotent_and_excludes_non_ok(conn):
    texts, x, _ = corpus(k=4, per=40)
    statuses = ["ok"] * len(texts)
    statuses[:5] = ["excluded"] * 5
    load_summaries(conn, texts, x, statuses=statuses)
    [a] = build_maps(conn, DAY, facets=[F("Task")], settings=SETTINGS)
    assert a.status == "built" and a.n_topics == 4 and a.n_docs == len(texts) - 5
    assert a.png[:8] == b"\x89PNG\r\n\x1a\n" and "| id | label |" in a.markdown
    assert a.metadata()["n_topics"] == 4
    first = conn.execute("SELECT topic_id, label, size FROM topics ORDER BY 1").fetchall()
    [b] = build_maps(conn, DAY, facets=[F("Task")], settings=SETTINGS)
    assert conn.execute("SELECT topic_id, label, size FROM topics ORDER BY 1").fetchall() == first
    assert conn.execute("SELECT count(*) FROM topic_maps").fetchall()[0][0] == 1
    assert conn.execute("SELECT count(*) FROM topic_points").fetchall()[0][0] == len(texts) - 5
    assert b.lineage == {"continued": 0, "new": 4, "merged": 0, "split": 0, "vanished": 0}


def test_next_day_keeps_ids_and_overrides_survive(conn):
    texts, x, _ = corpus(k=4, per=40)
    load_summaries(conn, texts, x)
    build_maps(conn, DAY, facets=[F("Task")], settings=SETTINGS)
    first = dict(conn.execute("SELECT topic_id, label FROM topics").fetchall())
    tid = next(iter(first))
    set_topic_override(conn, "Task", tid, label="Dashboard exports")
    other = sorted(first)[1]
    set_topic_override(conn, "Task", other, pinned=True)
    assert conn.execute("SELECT label FROM topics WHERE topic_id = ?", [tid]).fetchall()[0][0] == (
        "Dashboard exports"
    )
    # The next day brings more texts of the same topics.
    more, mx, _ = corpus(k=4, per=55, seed=0)
    new = [(t + " more", v) for t, v in zip(more[40:], mx[40:], strict=True)]
    load_summaries(
        conn,
        [t for t, _ in new],
        np.array([v for _, v in new]),
        start=date(2026, 11, 2),
        prefix="u",
    )
    [st] = build_maps(conn, date(2026, 11, 2), facets=[F("Task")], settings=SETTINGS)
    second = dict(
        conn.execute(
            "SELECT topic_id, label FROM topics WHERE map_id = 'Task@2026-11-02'"
        ).fetchall()
    )
    assert set(second) == set(first)
    assert st.lineage["continued"] == 4 and st.prev_map_id == "Task@2026-11-01"
    assert second[tid] == "Dashboard exports"
    assert second[other] == first[other]
    assert conn.execute(
        "SELECT pinned FROM topics WHERE map_id = 'Task@2026-11-02' AND topic_id = ?", [other]
    ).fetchall()[0][0]
    listing = topic_list(conn, "Task")  # parents, each with the subtopics a list shows
    ranked = ranked_topics(conn, "Task")  # ... and with every subtopic, lone ones included
    both = ranked + [s for d in ranked for s in d["subtopics"]]
    assert [d["topic_id"] for d in listing] == [d["topic_id"] for d in ranked]
    assert [d["topic_id"] for d in listing][:1] and {d["topic_id"] for d in both} == set(first)
    assert any(d["label"] == "Dashboard exports" for d in both)
    # nothing classified yet: the map's sample sizes, marked so; never for a given day, which
    # would print them as that day's traffic (review rv6 C1)
    assert all(d.get("map_sample") for d in listing)
    assert topic_list(conn, "Task", date(2026, 11, 2)) == []


def test_a_rerun_gives_a_new_topic_an_id_of_its_own(conn):
    """Re-running the latest day continues its earlier build's ids; a topic only the re-run
    has takes an id above them, not one of them (two topics, one id)."""
    texts, x, truth = corpus(k=5, per=40)
    group = np.asarray(truth)

    def load(topics: list[int], day: date, prefix: str) -> None:
        rows = np.flatnonzero(np.isin(group, topics))
        load_summaries(conn, [texts[i] for i in rows], x[rows], start=day, prefix=prefix)

    day2 = date(2026, 11, 2)
    load([0, 1, 2], DAY, "a")
    build_maps(conn, DAY, facets=[F("Task")], settings=SETTINGS)
    load([3], day2, "b")
    build_maps(conn, day2, facets=[F("Task")], settings=SETTINGS)
    first = {r[0] for r in conn.execute("SELECT topic_id FROM topics WHERE map_id = ?", [
        "Task@2026-11-02"]).fetchall()}  # fmt: skip
    load([4], day2, "c")  # more of the day arrives: the day is re-run
    build_maps(conn, day2, facets=[F("Task")], settings=SETTINGS)
    ids = [r[0] for r in conn.execute("SELECT topic_id FROM topics WHERE map_id = ?", [
        "Task@2026-11-02"]).fetchall()]  # fmt: skip
    assert len(ids) == len(set(ids))
    subs = dict(
        conn.execute(
            """SELECT p.topic_id, count(*) FROM topic_points p
               WHERE p.map_id = 'Task@2026-11-02' GROUP BY 1"""
        ).fetchall()
    )
    assert len(subs) == 5 and first <= set(ids) and max(ids) > max(first)


# ---------------------------------------------------------------- identity, on synthetic maps


def _side(groups: dict[int, list[str]], cents: dict[int, np.ndarray]) -> TopicSide:
    ids = sorted(groups)
    return TopicSide(ids, np.stack([cents[i] for i in ids]), [set(groups[i]) for i in ids])


def _unit(seed: int) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=16)
    return v / np.linalg.norm(v)


def test_identity_continued_new_merged_split_vanished():
    docs = {name: [f"{name}{i}" for i in range(20)] for name in "ABCDEF"}
    c = {n: _unit(i) for i, n in enumerate("ABCDEF")}
    prev = _side(
        {10: docs["A"], 11: docs["B"], 12: docs["C"], 13: docs["D"], 14: docs["E"]},
        {10: c["A"], 11: c["B"], 12: c["C"], 13: c["D"], 14: c["E"]},
    )
    # New map: A continues; B+C merged (mostly B); D split in two halves; E vanished; F new.
    mix = (c["B"] * 2 + c["C"]) / np.linalg.norm(c["B"] * 2 + c["C"])
    new = TopicSide(
        [0, 1, 2, 3, 4],
        np.stack([c["A"], mix, c["D"], c["D"], c["F"]]),
        [
            set(docs["A"]),
            set(docs["B"] + docs["C"][:12]),
            set(docs["D"][:11]),
            set(docs["D"][11:]),
            set(docs["F"]),
        ],
    )
    m = match_topics(new, prev, next_id=20)
    assert m.ids[0] == 10 and m.ids[1] == 11
    assert m.ids[2] == 13 and m.ids[3] == 20 and m.ids[4] == 21
    kinds = {(r.topic_id, r.kind): r.prev_topic_ids for r in m.lineage}
    assert kinds[(10, "continued")] == [10]
    assert kinds[(11, "merged")] == [11, 12]
    assert kinds[(20, "split")] == [13]
    assert kinds[(21, "new")] == []
    assert kinds[(14, "vanished")] == [14]
    assert m.counts() == {"continued": 2, "new": 1, "merged": 1, "split": 1, "vanished": 1}


def test_identity_first_map_and_centroid_only_match():
    a = TopicSide([0, 1], np.stack([_unit(1), _unit(2)]), [{"x"}, {"y"}])
    first = match_topics(a, None, next_id=5)
    assert first.ids == [5, 6] and {r.kind for r in first.lineage} == {"new"}
    # No shared texts at all, but the same centroids: identity carries over.
    b = TopicSide([0, 1], np.stack([_unit(2), _unit(1)]), [{"p"}, {"q"}])
    prev = TopicSide([5, 6], np.stack([_unit(1), _unit(2)]), [{"x"}, {"y"}])
    assert match_topics(b, prev, next_id=7).ids == [6, 5]


def test_merge_split_children_rejoins_pieces_of_one_previous_topic():
    from tracetopics_pipeline.core.topics.cluster import merge_split_children

    rng = np.random.default_rng(3)
    a, b = _unit(1), _unit(2)
    near = a + 0.05 * rng.normal(size=16)
    x = np.vstack(
        [np.tile(a, (6, 1)), np.tile(near / np.linalg.norm(near), (4, 1)), np.tile(b, (5, 1))]
    )
    labels = np.array([0] * 6 + [1] * 4 + [2] * 5)
    previous = np.array([7] * 6 + [7] * 3 + [-1] + [7] * 5)  # topic 2 also came from 7, but is far
    out = merge_split_children(x.astype(np.float32), labels, previous)
    assert out.tolist() == [0] * 10 + [1] * 5
    # Without a previous map nothing changes.
    assert (
        merge_split_children(x.astype(np.float32), labels, np.full(15, -1)).tolist()
        == labels.tolist()
    )


def test_hybrid_view_adds_a_lexical_view_and_falls_back_to_embeddings():
    from tracetopics_pipeline.core.topics.cluster import hybrid_view

    texts = [f"top up {w} failed" for w in ("card", "bank", "cash", "apple pay")] + [
        f"card {w} arrival" for w in ("delivery", "tracking", "late", "new")
    ]
    rng = np.random.default_rng(0)
    x = rng.normal(size=(len(texts), 16)).astype(np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    h = hybrid_view(x, texts, weight=0.3, dims=4, seed=1)
    assert h.shape[0] == len(texts) and h.shape[1] > x.shape[1]
    np.testing.assert_allclose(np.linalg.norm(h, axis=1), 1.0, atol=1e-5)
    # The lexical part of the similarity is larger for texts sharing wording ("top up").
    lexical = 1.09 * (h @ h.T) - x @ x.T
    assert lexical[0, 1] > lexical[0, 5] and lexical[4, 5] > lexical[1, 5]
    np.testing.assert_array_equal(h, hybrid_view(x, texts, weight=0.3, dims=4, seed=1))
    assert hybrid_view(x, texts, weight=0.0, dims=4, seed=1) is x
    tiny = x[:2]
    assert hybrid_view(tiny, texts[:2], weight=0.3, dims=4, seed=1) is tiny


# ---------------------------------------------------------------- a re-run keeps unchanged maps


def test_a_rerun_of_unchanged_inputs_keeps_the_map_and_any_change_rebuilds(conn, monkeypatch):
    """Review rv4 L12: re-running two days rebuilt both days' maps (79 s + 53 s of 4m42s) from
    the same summaries, to the same map. With `keep_unchanged` (the topic_maps asset) a day's
    map built from the same inputs is kept; a new summary in the window, a person's override,
    a setting or the day before's map changing rebuilds it."""
    from tracetopics_pipeline.core.topics import maps

    texts, x, _ = corpus(k=4, per=40)
    load_summaries(conn, texts, x)
    [a] = build_maps(conn, DAY, facets=[F("Task")], settings=SETTINGS, keep_unchanged=True)
    assert a.status == "built" and not a.kept  # nothing to keep yet

    def map_row() -> tuple:
        return conn.execute(
            "SELECT built_at, n_topics, params->>'$.inputs' FROM topic_maps WHERE map_id = ?",
            ["Task@2026-11-01"],
        ).fetchall()[0]

    def topics() -> list[tuple]:
        return conn.execute("SELECT topic_id, level, label, size FROM topics ORDER BY ALL").fetchall()  # fmt: skip

    first, first_topics = map_row(), topics()
    built = []
    real = maps.fine_topics
    monkeypatch.setattr(maps, "fine_topics", lambda *a, **k: built.append(1) or real(*a, **k))

    def rerun(settings=SETTINGS, day=DAY):
        return build_maps(conn, day, facets=[F("Task")], settings=settings, keep_unchanged=True)

    [b] = rerun()
    assert b.kept and b.status == "built" and not built  # not clustered again
    assert (b.n_topics, b.n_docs, b.n_parents) == (a.n_topics, a.n_docs, a.n_parents)
    assert b.detail.startswith("built ") and "from the same inputs, not rebuilt" in b.detail
    assert map_row() == first and topics() == first_topics
    # Without the flag (tests, benchmarks): always rebuilt, as before.
    build_maps(conn, DAY, facets=[F("Task")], settings=SETTINGS)
    assert len(built) == 1 and map_row()[2] == first[2]  # same inputs, same digest
    # Each of these changes what the map is built from: rebuilt.
    set_topic_override(conn, "Task", first_topics[0][0], label="Dashboard exports")
    [c] = rerun()
    assert not c.kept and len(built) == 2
    assert rerun()[0].kept and len(built) == 2  # ... once
    [d] = rerun(settings=replace(SETTINGS, no_match_distance=0.5))
    assert not d.kept and len(built) == 3
    load_summaries(conn, ["One more text about exporting the dashboard"], x[:1], prefix="late")
    [e] = rerun(settings=replace(SETTINGS, no_match_distance=0.5))
    assert not e.kept and len(built) == 4
    # The next day's map depends on this one (the clustering's `previous`): when this day's map
    # is rebuilt differently, the next day's is rebuilt too.
    nxt = date(2026, 11, 2)
    rerun(day=nxt)
    assert rerun(day=nxt)[0].kept
    conn.execute("UPDATE topic_points SET topic_id = -1 WHERE map_id = 'Task@2026-11-01'")
    assert not rerun(day=nxt)[0].kept
