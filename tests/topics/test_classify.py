"""Classification against the current map: nearest centroid, no_match threshold, positions."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import numpy as np
from factories.corpus import F, corpus, load_summaries

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.topics.classify import classify_days, nearest_topics
from tracetopics_pipeline.core.topics.evaluate import recovery
from tracetopics_pipeline.core.topics.maps import build_maps
from tracetopics_pipeline.core.topics.report import (
    listed_subtopics,
    ranked_topics,
    set_topic_override,
    topic_list,
)

DAY1, DAY2 = date(2026, 11, 1), date(2026, 11, 2)
SETTINGS = Settings(min_summaries=100)


def test_nearest_topics_threshold():
    cents = np.eye(3, dtype=np.float32)
    x = np.array([[1, 0, 0], [0.6, 0.8, 0], [0, 0, -1]], dtype=np.float32)
    idx, dist = nearest_topics(x, cents, max_distance=0.3)
    assert idx.tolist() == [0, 1, -1]  # 0.2 away → topic 1; 1.0 away → no_match
    assert np.allclose(dist, [0.0, 0.2, 1.0])


def test_classify_days_new_traces_and_no_match(conn, monkeypatch):
    texts, x, truth = corpus(k=4, per=40)
    load_summaries(conn, texts, x)
    answers = {f"t-{i:05d}": {"intent": f"i{i // 40}"} for i in range(160)}
    build_maps(conn, DAY1, facets=[F("Task")], settings=SETTINGS)
    st = classify_days(conn, [DAY1], facets=[F("Task")], settings=SETTINGS)
    assert st.rows == 160 and st.no_match == 0 and st.maps == {"Task": "Task@2026-11-01"}
    rec = recovery(conn, answers, "Task", "intent", level="fine")  # the parents group fine topics
    assert rec["n"] == 160 and rec["nmi"] > 0.95 and rec["ari"] > 0.95

    # Day 2: new texts near known topics, one far-away text, one excluded summary.
    new_texts, new_x, _ = corpus(k=4, per=45, seed=0)
    pick = [40, 41, 85, 86]  # unseen texts of topics 0 and 1
    far = np.random.default_rng(99).normal(size=warehouse.EMBED_DIM).astype(np.float32)
    far /= np.linalg.norm(far)
    texts2 = [new_texts[i] + " x" for i in pick] + ["Something unrelated entirely", "Excluded one"]
    x2 = np.vstack([new_x[pick], far, far])
    load_summaries(conn, texts2, x2, start=DAY2, statuses=["ok"] * 5 + ["excluded"], prefix="n")
    st2 = classify_days(conn, [DAY2], facets=[F("Task")], settings=SETTINGS)
    rows = conn.execute(
        "SELECT trace_id, topic_id, label, distance, x, y, map_id FROM classifications WHERE day = ? ORDER BY 1",
        [DAY2],
    ).fetchall()
    assert st2.rows == 6 and st2.no_match == 2
    by = {r[0]: r for r in rows}
    assert by["n-00004"][1] == -1 and by["n-00004"][2] == "no_match" and by["n-00004"][3] > 0.5
    assert by["n-00005"][1] == -1 and by["n-00005"][3] is None  # excluded: no_match, no distance
    day1 = dict(
        conn.execute(
            "SELECT trace_id, topic_id FROM classifications WHERE day = ?", [DAY1]
        ).fetchall()
    )
    assert by["n-00000"][1] == day1["t-00000"] and by["n-00002"][1] == day1["t-00045"]
    assert all(r[4] is not None for r in rows[:4])  # positions from nearest map points
    # Idempotent: classifying the day again replaces its rows.
    classify_days(conn, [DAY2], facets=[F("Task")], settings=SETTINGS)
    assert (
        conn.execute("SELECT count(*) FROM classifications WHERE day = ?", [DAY2]).fetchall()[0][0]
        == 6
    )

    # Placed among an even subsample of the map's points (every 10th here), a text still
    # lands nearest the centre of its own topic on the map.
    monkeypatch.setattr("tracetopics_pipeline.core.topics.classify.POSITION_POINTS", 16)
    classify_days(conn, [DAY2], facets=[F("Task")], settings=SETTINGS)
    centre = {
        t: np.array([cx, cy])
        for t, cx, cy in conn.execute(
            "SELECT subtopic_id, avg(x), avg(y) FROM classifications WHERE day = ? GROUP BY 1",
            [DAY1],
        ).fetchall()
    }
    for tid, topic, x_, y_ in conn.execute(
        "SELECT trace_id, subtopic_id, x, y FROM classifications WHERE day = ? AND topic_id >= 0",
        [DAY2],
    ).fetchall():
        nearest = min(centre, key=lambda t: np.linalg.norm(centre[t] - [x_, y_]))
        assert nearest == topic, tid

    # The list view: parents ranked by share with their subtopics, no_match last, renames
    # show at once.
    items = topic_list(conn, "Task", DAY2)
    assert items[-1]["topic_id"] == -1 and items[-1]["count"] == 2
    assert sum(i["count"] for i in items) == 6 and abs(sum(i["share"] for i in items) - 1) < 1e-9
    # every subtopic's traces add up to the parent's; the list leaves out a lone subtopic
    # named as its parent (report.listed_subtopics)
    [top] = [
        t for t in ranked_topics(conn, "Task", day=DAY2) if t["topic_id"] == items[0]["topic_id"]
    ]
    assert items[0]["count"] == sum(s["count"] for s in top["subtopics"]) >= 2
    assert [s["topic_id"] for s in items[0]["subtopics"]] == [
        s["topic_id"] for s in listed_subtopics(top)
    ]
    assert len(items[0]["samples"]) == 2 and items[0]["keywords"]
    set_topic_override(conn, "Task", items[0]["topic_id"], label="Renamed topic")
    assert topic_list(conn, "Task", DAY2)[0]["label"] == "Renamed topic"
    assert (
        conn.execute(
            "SELECT count(*) FROM classifications WHERE label = 'Renamed topic'"
        ).fetchall()[0][0]
        >= 2
    )


def test_threshold_setting_controls_no_match(conn):
    texts, x, _ = corpus(k=4, per=40)
    load_summaries(conn, texts, x)
    build_maps(conn, DAY1, facets=[F("Task")], settings=SETTINGS)
    strict = classify_days(
        conn, [DAY1], facets=[F("Task")], settings=replace(SETTINGS, no_match_distance=0.01)
    )
    assert strict.no_match == 160
    loose = classify_days(conn, [DAY1], facets=[F("Task")], settings=SETTINGS)
    assert loose.no_match == 0


def test_facet_without_map_gets_no_rows(conn):
    texts, x, _ = corpus(k=2, per=10)
    load_summaries(conn, texts, x, facet="Other")
    st = classify_days(conn, [DAY1], facets=[F("Other")], settings=SETTINGS)
    assert st.rows == 0 and st.without_map == ["Other"]


def test_switching_models_refuses_old_maps_until_rebuilt_and_never_mixes_vectors(conn):
    """Maps record their model; classification refuses a map of another model; rebuilding the
    map with the new model gives a map in the new space, topic ids carried over by members."""
    from factories.embedders import HashEmbedder

    from tracetopics_pipeline.core.topics import embed
    from tracetopics_pipeline.core.topics.maps import map_model

    texts, x, _ = corpus(k=4, per=40)
    load_summaries(conn, texts, x)  # cached as the packaged model's vectors
    build_maps(conn, DAY1, facets=[F("Task")], settings=SETTINGS)
    assert map_model(conn, "Task@2026-11-01") == warehouse.PACKAGED_MODEL_ID
    before = classify_days(conn, [DAY1], facets=[F("Task")], settings=SETTINGS)
    assert before.rows == 160 and not before.refused

    other = HashEmbedder(dim=48, name="test:other")
    st = classify_days(conn, [DAY1], facets=[F("Task")], settings=SETTINGS, embedder=other)
    assert st.rows == 0 and list(st.refused) == ["Task"]
    why = st.refused["Task"]
    assert "built with sentence-transformers/all-MiniLM-L6-v2@384" in why and "rebuild" in why
    assert st.metadata()["maps_refused"].startswith("Task: map Task@2026-11-01")
    assert other.calls == []  # nothing embedded for a refused map
    # The refused facet keeps its classifications.
    assert conn.execute("SELECT count(*) FROM classifications").fetchall()[0][0] == 160

    build_maps(conn, DAY2, facets=[F("Task")], settings=SETTINGS, embedder=other)
    assert map_model(conn, "Task@2026-11-02") == "test:other@48"
    assert conn.execute(
        "SELECT DISTINCT len(centroid) FROM topics WHERE map_id = 'Task@2026-11-02'"
    ).fetchall() == [(48,)]
    lineage = dict(
        conn.execute(
            "SELECT kind, count(*) FROM topic_lineage WHERE map_id = 'Task@2026-11-02' GROUP BY 1"
        ).fetchall()
    )
    # ids carried over by shared members alone (the hash vectors group them arbitrarily, so a
    # carried id may have absorbed another topic's members: continued or merged)
    assert lineage.get("continued", 0) + lineage.get("merged", 0) >= 1
    after = classify_days(conn, [DAY1], facets=[F("Task")], settings=SETTINGS, embedder=other)
    assert after.rows == 160 and not after.refused and after.maps == {"Task": "Task@2026-11-02"}
    assert after.embed_model == "test:other@48"
    assert conn.execute(
        "SELECT model, count(*) FROM summary_embeddings GROUP BY 1 ORDER BY 1"
    ).fetchall() == [(warehouse.PACKAGED_MODEL_ID, 160), ("test:other@48", 160)]
    # And the packaged model again: the old map is not current any more, so it is refused.
    back = classify_days(conn, [DAY1], facets=[F("Task")], settings=SETTINGS)
    assert list(back.refused) == ["Task"] and "test:other@48" in back.refused["Task"]
    assert embed.registered_model_id(conn, other) == "test:other@48"
