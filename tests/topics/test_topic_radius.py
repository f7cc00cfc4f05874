"""A topic's radius (review rv6 P1): a text joins a topic only when it is about as close to the
centroid as the topic's own members are; one rule for classification and the map's outliers."""

from __future__ import annotations

from datetime import date

import numpy as np
from factories.corpus import F, corpus, load_summaries

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.topics import cluster
from tracetopics_pipeline.core.topics.classify import classify_days
from tracetopics_pipeline.core.topics.maps import build_maps

DIM = 64
DAY1, DAY2 = date(2026, 11, 1), date(2026, 11, 2)
SETTINGS = Settings(min_summaries=100)


def _unit(v: np.ndarray) -> np.ndarray:
    return v / np.linalg.norm(v, axis=-1, keepdims=True)


def around(c: np.ndarray, d: float | np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    """n unit vectors at cosine distance `d` (one value or one per vector) from unit `c`."""
    u = rng.normal(size=(n, len(c)))
    u = _unit(u - np.outer(u @ c, c))
    cos = 1.0 - np.broadcast_to(np.asarray(d, dtype=float), (n,))
    return (cos[:, None] * c + np.sqrt(1 - cos**2)[:, None] * u).astype(np.float32)


def test_radius_follows_the_members_within_floor_and_cap():
    rng = np.random.default_rng(0)
    c = _unit(rng.normal(size=(3, DIM)))
    x = np.vstack(
        [
            around(c[0], rng.uniform(0.16, 0.27, 40), 40, rng),  # tight
            around(c[1], rng.uniform(0.2, 0.45, 40), 40, rng),  # loose
            around(c[2], 0.02, 10, rng),  # near-identical texts
        ]
    )
    labels = np.repeat([0, 1, 2], [40, 40, 10])
    cents = cluster.centroids(x, labels)
    r = cluster.topic_radii(x, labels, cents, cap=0.6, quantile=0.9, margin=1.5, floor=0.3)
    d = 1 - np.einsum("ij,ij->i", x, cents[labels])
    assert np.isclose(r[0], 1.5 * np.quantile(d[:40], 0.9)) and 0.3 < r[0] < 0.45
    assert r[1] == 0.6  # 1.5 x its loose members' distances: the global limit caps it
    assert r[2] == 0.3  # the floor: its paraphrases still join it
    assert (cluster.topic_radii(x, labels, cents, cap=0.2) == 0.2).all()
    # a topic without members in `labels` keeps the cap
    assert cluster.topic_radii(x, np.full(90, -1), cents, cap=0.6).tolist() == [0.6] * 3


def test_nearest_topics_per_topic_radius():
    rng = np.random.default_rng(1)
    c = _unit(rng.normal(size=(2, DIM)))
    cents = c.astype(np.float32)
    radii = np.array([0.4, 0.6])
    x = np.vstack(
        [
            around(c[0], 0.25, 3, rng),  # inside the tight topic
            around(c[0], 0.55, 3, rng),  # beyond the tight radius, inside the global 0.6
            around(c[1], 0.55, 3, rng),  # a loose topic keeps its loose members
            around(c[0], 0.7, 3, rng),  # beyond every limit
        ]
    )
    idx, dist = cluster.nearest_topics(x, cents, max_distance=0.6, radii=radii)
    assert idx.tolist() == [0] * 3 + [-1] * 3 + [1] * 3 + [-1] * 3
    assert np.allclose(dist[3:6], 0.55, atol=1e-5)  # the distance to the nearest, even when -1
    # without radii (or NaN: a map built before them) the global limit holds, as before
    for r in (None, np.full(2, np.nan)):
        idx, _ = cluster.nearest_topics(x, cents, max_distance=0.6, radii=r)
        assert idx.tolist() == [0] * 3 + [0] * 3 + [1] * 3 + [-1] * 3
    # the global limit caps a radius above it
    idx, _ = cluster.nearest_topics(x, cents, max_distance=0.5, radii=np.array([0.9, 0.9]))
    assert idx.tolist() == [0] * 3 + [-1] * 3 + [-1] * 3 + [-1] * 3


def test_nearest_topic_that_holds_the_text_wins_over_a_nearer_tight_one():
    a, b, t = np.zeros((3, DIM))
    a[0], b[1] = 1.0, 1.0  # two topics far apart
    t[:3] = _unit(np.array([0.72, 0.66, 0.2147]))  # 0.28 from tight a, 0.34 from loose b
    da, db = 1 - t @ a, 1 - t @ b
    assert 0.25 < da < db < 0.5
    idx, dist = cluster.nearest_topics(
        t[None], np.vstack([a, b]).astype(np.float32), max_distance=0.6, radii=np.array([0.25, 0.5])
    )
    assert idx.tolist() == [1] and np.isclose(dist[0], da, atol=1e-5)


def test_outliers_far_from_a_tight_topic_stay_no_match_while_a_loose_one_keeps_its_own():
    rng = np.random.default_rng(3)
    c = _unit(rng.normal(size=(2, DIM)))
    tight = around(c[0], rng.uniform(0.16, 0.27, 60), 60, rng)
    loose = around(c[1], rng.uniform(0.2, 0.45, 60), 60, rng)
    far = around(c[0], 0.55, 8, rng)  # a rare intent nearest the tight topic
    x = np.vstack([tight, loose, far])
    labels = np.r_[np.zeros(55), -np.ones(5), np.ones(55), -np.ones(5), -np.ones(8)].astype(
        np.int64
    )  # HDBSCAN left some members of each topic and the far group out
    out = cluster.reassign_outliers(x, labels, max_distance=0.6)
    assert (out[:60] == 0).all() and (out[60:120] == 1).all()
    assert (out[120:] == -1).all()
    refined = cluster.refine(x, out, iters=3, max_distance=0.6)
    assert (refined[120:] == -1).all()
    assert (refined[:60] == refined[0]).all() and (refined[60:120] == refined[60]).all()
    # the old rule (every radius the global limit) filed the far group under the tight topic
    old, _ = cluster.nearest_topics(far, cluster.centroids(x, out), max_distance=0.6)
    assert (old == 0).all()


def test_classification_uses_the_stored_radius_and_old_maps_keep_the_global_limit(conn):
    texts, x, _ = corpus(k=4, per=40)
    load_summaries(conn, texts, x)
    build_maps(conn, DAY1, facets=[F("Task")], settings=SETTINGS)
    radii = conn.execute(
        "SELECT level, radius FROM topics WHERE map_id = 'Task@2026-11-01'"
    ).fetchall()
    assert all(r is None for lvl, r in radii if lvl == "parent")
    assert all(
        r is not None and 0 < r <= SETTINGS.no_match_distance for lvl, r in radii if lvl == "sub"
    )
    cent = np.asarray(
        conn.execute(
            """SELECT centroid FROM topics WHERE map_id = 'Task@2026-11-01' AND level = 'sub'
               ORDER BY size DESC, topic_id LIMIT 1"""
        ).fetchall()[0][0],
        dtype=np.float64,
    )
    cent = _unit(cent)
    # day 2: texts of the topic, and a small far-off group 0.5 from its centroid
    rng = np.random.default_rng(4)
    near = around(cent, 0.06, 4, rng)
    far = around(cent, 0.5, 6, rng)
    texts2 = [f"Near text {i}" for i in range(4)] + [f"Where is your DPA {i}" for i in range(6)]
    load_summaries(conn, texts2, np.vstack([near, far]), start=DAY2, prefix="n")
    st = classify_days(conn, [DAY2], facets=[F("Task")], settings=SETTINGS)
    rows = dict(
        conn.execute(
            "SELECT trace_id, subtopic_id FROM classifications WHERE day = ? ORDER BY 1", [DAY2]
        ).fetchall()
    )
    assert st.no_match == 6 and all(rows[f"n-{i:05d}"] == -1 for i in range(4, 10))
    assert len({rows[f"n-{i:05d}"] for i in range(4)}) == 1 and rows["n-00000"] >= 0
    # a map built before radii (NULL) classifies by the global limit, as it did
    conn.execute("UPDATE topics SET radius = NULL")
    st = classify_days(conn, [DAY2], facets=[F("Task")], settings=SETTINGS)
    assert st.no_match == 0


def test_old_warehouse_gains_the_radius_column(tmp_path):
    import duckdb

    path = tmp_path / "old.duckdb"
    old = duckdb.connect(str(path))
    old.execute(
        """CREATE TABLE topics (facet VARCHAR NOT NULL, map_id VARCHAR NOT NULL,
           topic_id INTEGER NOT NULL, label VARCHAR NOT NULL, centroid FLOAT[])"""
    )
    old.execute("INSERT INTO topics VALUES ('Task', 'Task@2026-11-01', 0, 'A', [1.0, 0.0])")
    old.close()
    conn = warehouse.connect(path)
    assert conn.execute("SELECT radius FROM topics").fetchall() == [(None,)]
    conn.close()


def test_second_pass_gives_a_rare_intent_repeated_often_a_topic_of_its_own():
    """Two phrasings of one request, 36 traces, far from every topic: too few texts for
    HDBSCAN's min cluster size, enough traces for a topic (the no_match pool's second pass);
    scattered one-off texts stay no_match, and a member beyond its topic's radius (as
    classification reads it) leaves the topic."""
    rng = np.random.default_rng(5)
    c = _unit(rng.normal(size=(3, DIM)))
    tight = around(c[0], rng.uniform(0.16, 0.27, 60), 60, rng)
    rare = around(c[1], 0.05, 2, rng)  # two phrasings of a rare intent
    odd = _unit(rng.normal(size=(4, DIM))).astype(np.float32)  # one-off texts, far apart
    stray = around(c[0], 0.7, 1, rng)  # filed with the tight topic by the clustering space
    x = np.vstack([tight, rare, odd, stray])
    labels = np.r_[np.zeros(60), -np.ones(6), 0].astype(np.int64)
    w = np.r_[np.ones(60), 20, 16, np.ones(4), 1.0]
    out = cluster.second_pass(x, labels, max_distance=0.6, min_size=15, weights=w)
    assert (out[:60] == out[0]).all() and out[0] >= 0
    assert out[60] == out[61] >= 0 and out[60] != out[0]
    assert (out[62:] == -1).all()
    # counted in texts (every weight 1), the two phrasings are no topic
    ones = cluster.second_pass(x, labels, max_distance=0.6, min_size=15, weights=np.ones(67))
    assert (ones[60:] == -1).all()
    # nothing to pool: the labels as they were
    assert (cluster.pool_topics(x, np.zeros(67, np.int64), min_size=1, weights=w) == 0).all()


def test_a_changed_rule_reclassifies_the_comparison_window(conn, monkeypatch):
    """Review rv7 R1: after an upgrade only the days a run rebuilt used the new rule, and the
    week-over-week trends compared them with days classified by the old one. A run classifies
    the days of the comparison window that another rule classified, from the stored summaries."""
    from tracetopics_pipeline.core.topics import classify

    texts, x, _ = corpus(k=4, per=40)
    load_summaries(conn, texts, x)
    build_maps(conn, DAY1, facets=[F("Task")], settings=SETTINGS)
    cent = _unit(
        np.asarray(
            conn.execute(
                """SELECT centroid FROM topics WHERE map_id = 'Task@2026-11-01' AND level = 'sub'
                   ORDER BY size DESC, topic_id LIMIT 1"""
            ).fetchall()[0][0],
            dtype=np.float64,
        )
    )
    rng = np.random.default_rng(4)
    far = around(cent, 0.5, 8, rng)  # joins the topic by the old global limit only
    texts2 = [f"Where is your DPA {i}" for i in range(8)]
    load_summaries(conn, texts2, far, start=DAY2, days=4, prefix="n")  # 11-02 … 11-05
    days = [date(2026, 11, d) for d in range(1, 6)]
    radii = conn.execute("SELECT topic_id, radius FROM topics").fetchall()
    # the old rule: a map without radii, classified by an earlier version of the code
    conn.execute("UPDATE topics SET radius = NULL")
    monkeypatch.setattr(classify, "_RULE_CODE", "before-the-upgrade")
    classify_days(conn, days, facets=[F("Task")], settings=SETTINGS)
    assert (
        conn.execute("SELECT count(*) FROM classifications WHERE topic_id = -1").fetchone()[0] == 0
    )
    assert classify.stale_days(conn, [F("Task")], SETTINGS) == []
    # the upgrade: maps with radii, a new rule; the run touches the last day only
    for topic_id, radius in radii:
        conn.execute("UPDATE topics SET radius = ? WHERE topic_id = ?", [radius, topic_id])
    monkeypatch.setattr(classify, "_RULE_CODE", "after-the-upgrade")
    assert classify.stale_days(conn, [F("Task")], SETTINGS) == days
    st = classify_days(conn, [days[-1]], facets=[F("Task")], settings=SETTINGS, same_rule=True)
    assert st.reclassified == [d.isoformat() for d in days[:-1]]
    per_day = dict(
        conn.execute(
            """SELECT day, count(*) FILTER (WHERE subtopic_id = -1) FROM classifications
               WHERE trace_id LIKE 'n-%' GROUP BY day"""
        ).fetchall()
    )
    assert per_day == {d: 2 for d in days[1:]}  # every day by the new rule, not the last only
    assert classify.stale_days(conn, [F("Task")], SETTINGS) == []
    monkeypatch.setattr(classify, "_RULE_CODE", "later")
    assert classify.stale_days(conn, [F("Task")], SETTINGS) == days
    st = classify_days(conn, [], facets=[F("Task")], settings=SETTINGS, same_rule=True)
    assert st.reclassified == []  # nothing asked, nothing done


def test_a_large_pool_is_linked_in_bounded_rounds(monkeypatch):
    """The pool's average linkage is O(n²) in its texts (10,000 texts: 149 s, 0.9 GB on the
    shared machine). Past POOL_LINKED texts it links the heaviest POOL_LINKED, the others join
    a group by the same average-distance criterion, the rest go to the next round. Separate
    intents come out as one linkage of the whole pool would group them."""
    rng = np.random.default_rng(3)
    c = _unit(rng.normal(size=(6, DIM)))
    # six intents, 60 texts each, close around their centre; then 40 scattered singles
    x = np.vstack([around(c[i], rng.uniform(0.02, 0.06, 60), 60, rng) for i in range(6)])
    x = np.vstack([x, _unit(rng.normal(size=(40, DIM))).astype(np.float32)])
    labels = np.full(len(x), -1)
    w = np.ones(len(x))
    w[:60] = 3  # intent 0's texts are heavier: linked in the first round
    full, stats = {}, {}
    whole = cluster.pool_topics(x, labels, min_size=20, weights=w, stats=full)
    assert full == {"pool_texts": 400, "linked": 400, "rounds": 1, "left_out": 0}
    monkeypatch.setattr(cluster, "POOL_LINKED", 100)
    bounded = cluster.pool_topics(x, labels, min_size=20, weights=w, stats=stats)
    assert stats["linked"] <= 100 * stats["rounds"] and stats["rounds"] <= cluster.POOL_ROUNDS
    intents = [set(bounded[i * 60 : (i + 1) * 60].tolist()) for i in range(6)]
    assert all(len(s) == 1 and -1 not in s for s in intents)  # each intent one topic
    assert len(set().union(*intents)) == 6
    assert (bounded[360:] == -1).all() and (whole[360:] == -1).all()  # singles stay no_match

    def partition(lab):
        return {frozenset(np.flatnonzero(lab == t).tolist()) for t in set(lab.tolist()) - {-1}}

    assert partition(bounded) == partition(whole)
    # past POOL_ROUNDS the lightest texts are left out, never linked
    monkeypatch.setattr(cluster, "POOL_LINKED", 30)
    monkeypatch.setattr(cluster, "POOL_ROUNDS", 2)
    few = {}
    cluster.pool_topics(x, labels, min_size=20, weights=w, stats=few)
    assert few["rounds"] == 2 and few["linked"] == 60 and few["left_out"] > 0
