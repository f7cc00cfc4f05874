"""Two-level maps: parent rows and parent_id, labelled facets' parents, ids that survive
re-runs and backfills in any order, overrides at both levels."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
from factories import insert_embeddings, insert_rows
from factories.corpus import F, corpus, load_summaries

from tracetopics_pipeline.core.facets.definitions import load_facets, text_hash
from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.topics.labels.grammar import label_problems
from tracetopics_pipeline.core.topics.maps import build_map, build_maps, cluster_levels
from tracetopics_pipeline.core.topics.report import set_topic_override

DAY = date(2026, 11, 1)
SETTINGS = Settings(min_summaries=100, window_days=30)


def _rows(conn, map_id: str) -> list[tuple]:
    return conn.execute(
        """SELECT topic_id, label, level, parent_id, size, label_source FROM topics
           WHERE map_id = ? ORDER BY topic_id""",
        [map_id],
    ).fetchall()


def _facet(name: str):
    return next(f for f in load_facets() if f.name == name)


def test_a_free_text_map_has_parents_over_its_subtopics(conn):
    texts, x, _ = corpus(k=6, per=30, groups=3)  # three pairs of related topics
    load_summaries(conn, texts, x)
    [st] = build_maps(conn, DAY, facets=[F("Task")], settings=SETTINGS)
    assert st.status == "built" and st.n_topics == 6 and 2 <= st.n_parents < 6
    rows = _rows(conn, st.map_id)
    parents = {r[0]: r for r in rows if r[2] == "parent"}
    subs = [r for r in rows if r[2] == "sub"]
    assert len(parents) == st.n_parents and len(subs) == 6
    assert all(r[3] is None for r in parents.values())
    assert all(r[3] in parents for r in subs)  # one id space: parent ids are not sub ids
    assert not set(parents) & {r[0] for r in subs}
    for pid, p in parents.items():
        assert p[4] == sum(r[4] for r in subs if r[3] == pid)
    # Every point carries its subtopic's parent.
    bad = conn.execute(
        """SELECT count(*) FROM topic_points p JOIN topics t
             ON t.map_id = p.map_id AND t.topic_id = p.topic_id AND t.level = 'sub'
           WHERE p.map_id = ? AND p.parent_id IS DISTINCT FROM t.parent_id""",
        [st.map_id],
    ).fetchone()[0]
    assert bad == 0
    # Parent centroids are unit vectors; labels pass the audit among their siblings.
    cents = conn.execute(
        "SELECT centroid FROM topics WHERE map_id = ? AND level = 'parent'", [st.map_id]
    ).fetchall()
    assert all(abs(np.linalg.norm(np.asarray(c[0])) - 1) < 1e-4 for c in cents)
    for level in ("parent", "sub"):
        labels = [r[1] for r in rows if r[2] == level]
        for i, lab in enumerate(labels):
            assert not label_problems(lab, labels[:i] + labels[i + 1 :]), lab
    assert "parents" in st.metadata() and st.metadata()["n_parents"] == st.n_parents


def test_backfills_and_reruns_in_any_order_keep_ids_and_labels(conn):
    """A day built before any earlier map exists takes the ids of the nearest map (here the
    later one), and rebuilding either day again, in either order, changes nothing."""
    texts, x, _ = corpus(k=5, per=40)
    load_summaries(conn, texts, x, start=DAY - timedelta(days=1), days=2)
    d0, d1 = DAY - timedelta(days=1), DAY
    build_map(conn, d1, facet="Task", settings=SETTINGS)
    build_map(conn, d0, facet="Task", settings=SETTINGS)  # backfill: no earlier map
    later, earlier = _rows(conn, f"Task@{d1}"), _rows(conn, f"Task@{d0}")
    assert {r[0] for r in later} == {r[0] for r in earlier}
    sub = next(r[0] for r in later if r[2] == "sub")
    parent = next(r[0] for r in later if r[2] == "parent")
    set_topic_override(conn, "Task", parent, label="Renamed parent")
    set_topic_override(conn, "Task", sub, label="Renamed subtopic")
    later, earlier = _rows(conn, f"Task@{d1}"), _rows(conn, f"Task@{d0}")
    for day in (d1, d0, d0, d1):
        build_map(conn, day, facet="Task", settings=SETTINGS)
        assert _rows(conn, f"Task@{d1}") == later
        assert _rows(conn, f"Task@{d0}") == earlier
    labels = dict((r[0], r[1]) for r in later)
    assert labels[parent] == "Renamed parent" and labels[sub] == "Renamed subtopic"
    twice = conn.execute(
        "SELECT map_id, level, label FROM topics GROUP BY ALL HAVING count(*) > 1"
    ).fetchall()
    assert twice == []


def test_a_rerun_carries_its_first_builds_grouping_and_pinned_names(conn, monkeypatch):
    """On a re-run the reference map is the day's own: its grouping and pinned names must be
    read before the rebuild deletes it (a demo refresh regrouped 30 parents into 19)."""
    from tracetopics_pipeline.core.topics import maps

    texts, x, _ = corpus(k=6, per=30)
    load_summaries(conn, texts, x)
    [st] = build_maps(conn, DAY, facets=[F("Task")], settings=SETTINGS)
    first = _rows(conn, st.map_id)
    grouping = {r[0]: r[3] for r in first if r[2] == "sub"}
    parent = next(r[0] for r in first if r[2] == "parent")
    set_topic_override(conn, "Task", parent, pinned=True)
    seen: list[dict] = []
    real = maps.parent_level
    monkeypatch.setattr(
        maps, "parent_level", lambda *a, **kw: seen.append(kw["previous"]) or real(*a, **kw)
    )
    # the labeller names the parent otherwise this time: the pin keeps the first name
    monkeypatch.setattr(maps, "name_parents", _renaming(maps.name_parents))
    build_map(conn, DAY, facet="Task", settings=SETTINGS)
    assert seen == [grouping]
    again = {r[0]: r for r in _rows(conn, st.map_id)}
    assert again[parent][1] == dict((r[0], r[1]) for r in first)[parent]


def _renaming(name_parents):
    def rename(*a, **kw):
        names, source = name_parents(*a, **kw)
        return {q: f"{n} again" for q, n in names.items()}, source

    return rename


def _labelled(conn, facet: str, items: list[tuple[str, str | None, str]]) -> None:
    """facet_summaries rows (summary, label, status) with embeddings near one centre per label."""
    rng = np.random.default_rng(1)
    centre = {lab: rng.normal(size=384) for lab in sorted({str(lab) for _, lab, _ in items})}
    rows, vecs, texts = [], [], []
    for i, (summary, label, status) in enumerate(items):
        rows.append(
            {"day": DAY, "trace_id": f"{facet}-{i}", "facet": facet, "summary": summary,
             "label": label, "status": status, "text_hash": text_hash(summary)}
        )  # fmt: skip
        if summary not in texts:
            texts.append(summary)
            vecs.append(centre[str(label)] + 0.3 * rng.normal(size=384))
    insert_rows(conn, "facet_summaries", rows)
    x = np.asarray(vecs, np.float32)
    insert_embeddings(conn, texts, x / np.linalg.norm(x, axis=1, keepdims=True))


def test_a_labelled_facet_has_a_parent_per_label_even_with_few_reasons(conn):
    items = [(f"User thanked the agent for the export {i}", "POSITIVE", "ok") for i in range(6)]
    items += [(f"User complained the chart kept failing {i}", "NEGATIVE", "ok") for i in range(9)]
    _labelled(conn, "Sentiment", items)
    st = build_map(conn, DAY, facet="Sentiment", settings=SETTINGS, definition=_facet("Sentiment"))
    assert st.status == "built"  # 15 summaries, far below min_summaries
    rows = _rows(conn, st.map_id)
    parents = {r[1]: r for r in rows if r[2] == "parent"}
    assert set(parents) == {"Positive sentiment", "Negative sentiment"}
    subs = [r for r in rows if r[2] == "sub"]
    assert {r[3] for r in subs} == {p[0] for p in parents.values()}
    assert parents["Negative sentiment"][4] == 9


def test_the_default_label_is_a_readable_parent_never_no_match(conn):
    items = [("NONE", "NONE", "excluded")] * 20
    items += [(f"Failed tool call: export_dashboard returned 500 ({i})", "FAILED_TOOL_CALL", "ok")
              for i in range(20)]  # fmt: skip
    items += [(f"Timeout: the query ran past {i} seconds", "TIMEOUT", "ok") for i in range(20)]
    _labelled(conn, "Issues", items)
    st = build_map(conn, DAY, facet="Issues", settings=SETTINGS, definition=_facet("Issues"))
    labels = {r[1] for r in _rows(conn, st.map_id) if r[2] == "parent"}
    assert labels == {"No issue", "Failed tool calls", "Timeouts"}
    assert "no_match" not in {r[1] for r in _rows(conn, st.map_id)}
    # its subtopic reads as the parent, not as a name made of "NONE" ("Topic 3")
    none_id = next(r[0] for r in _rows(conn, st.map_id) if r[1] == "No issue" and r[2] == "parent")
    subs = [r[1] for r in _rows(conn, st.map_id) if r[2] == "sub" and r[3] == none_id]
    assert subs == ["No issue"]


def test_competitor_parents_are_the_competitors(conn):
    items = [(f"Looker: user says Looker exports to Excel {i}", "NONE", "ok") for i in range(5)]
    items += [(f"Tableau: in Tableau this was one click {i}", "NONE", "ok") for i in range(5)]
    _labelled(conn, "Competitor mention", items)
    facet = _facet("Competitor mention")
    st = build_map(conn, DAY, facet=facet.name, settings=SETTINGS, definition=facet)
    labels = {r[1] for r in _rows(conn, st.map_id) if r[2] == "parent"}
    assert labels == {"Looker", "Tableau"}


def test_a_facet_of_names_shows_its_default_as_a_parent_never_no_match(conn):
    """Competitor mention writes no label: its excluded "NONE" rows are the default label's."""
    from tracetopics_pipeline.core.topics.classify import classify_days

    items = [(f"Looker: user says Looker exports to Excel {i}", None, "ok") for i in range(5)]
    items += [(f"Tableau: in Tableau this was one click {i}", None, "ok") for i in range(5)]
    items += [("NONE", None, "excluded")] * 12
    _labelled(conn, "Competitor mention", items)
    facet = _facet("Competitor mention")
    st = build_map(conn, DAY, facet=facet.name, settings=SETTINGS, definition=facet)
    parents = {r[1] for r in _rows(conn, st.map_id) if r[2] == "parent"}
    assert parents == {"Looker", "Tableau", "No competitor mentioned"}
    classify_days(conn, [DAY], facets=[facet], settings=SETTINGS)
    got = conn.execute(
        "SELECT label, count(*) FROM classifications GROUP BY 1 ORDER BY 1"
    ).fetchall()
    assert got == [("Looker", 5), ("No competitor mentioned", 12), ("Tableau", 5)]


def test_a_name_followed_by_a_sentence_mark_is_the_same_competitor(conn):
    items = [(f"Mode: we moved to Mode last year {i}", "NONE", "ok") for i in range(4)]
    items += [(f"Mode. My team prefers it: they use Mode {i}", "NONE", "ok") for i in range(3)]
    items += [(f"Power BI: Power BI has this {i}", "NONE", "ok") for i in range(3)]
    items += [(f"power bi: power bi already does it {i}", "NONE", "ok") for i in range(3)]
    _labelled(conn, "Competitor mention", items)
    facet = _facet("Competitor mention")
    st = build_map(conn, DAY, facet=facet.name, settings=SETTINGS, definition=facet)
    labels = sorted(r[1] for r in _rows(conn, st.map_id) if r[2] == "parent")
    assert labels == ["Mode", "Power BI"]


def _levels_of(conn, map_id: str) -> dict[str, str]:
    """Each subtopic's label -> its parent's label, in a stored map."""
    return dict(
        conn.execute(
            """SELECT s.label, p.label FROM topics s JOIN topics p
                 ON p.map_id = s.map_id AND p.topic_id = s.parent_id
               WHERE s.map_id = ? AND s.level = 'sub'""",
            [map_id],
        ).fetchall()
    )


def test_cluster_levels_gives_the_daily_maps_two_levels(conn):
    """The explorer's subset clustering (`cluster_levels`) is the daily map's code without the
    stored map: on the same summaries it finds the same subtopics, parents, names and ids."""
    texts, x, _ = corpus(k=6, per=30)
    load_summaries(conn, texts, x)
    [st] = build_maps(conn, DAY, facets=[F("Task")], settings=SETTINGS)
    got = cluster_levels(list(reversed(texts)), x[::-1], settings=SETTINGS, facet="Task")
    assert len(got.subs.topics) == st.n_topics and len(got.parents) == st.n_parents >= 2
    names = {t.topic_id: t.label for t in got.subs.topics + got.parents}
    mine = {
        names[t.topic_id]: names[p] for t, p in zip(got.subs.topics, got.parent_of, strict=True)
    }
    assert mine == _levels_of(conn, st.map_id)
    stored = {r[0]: (r[1], r[2], r[3], r[4]) for r in _rows(conn, st.map_id)}
    for t, p in zip(got.subs.topics, got.parent_of, strict=True):
        assert stored[t.topic_id] == (t.label, "sub", p, t.size)
    for p in got.parents:
        assert stored[p.topic_id] == (p.label, "parent", None, p.size)
        assert p.size == sum(
            t.size for t, q in zip(got.subs.topics, got.parent_of, strict=True) if q == p.topic_id
        )
    # the same keywords at both levels: one c-TF-IDF for maps and subsets (rv6 E5)
    keywords = dict(
        conn.execute(
            "SELECT topic_id, keywords FROM topics WHERE map_id = ?", [st.map_id]
        ).fetchall()
    )
    assert {t.topic_id: list(t.keywords) for t in got.subs.topics + got.parents} == {
        t: list(k) for t, k in keywords.items()
    }


def test_cluster_levels_of_a_labelled_facet_has_a_parent_per_label(conn):
    items = [(f"User thanked the agent for the export {i}", "POSITIVE", "ok") for i in range(6)]
    items += [(f"User complained the chart kept failing {i}", "NEGATIVE", "ok") for i in range(9)]
    _labelled(conn, "Sentiment", items)
    definition = _facet("Sentiment")
    st = build_map(conn, DAY, facet="Sentiment", settings=SETTINGS, definition=definition)
    texts = [s for s, _, _ in items]
    vec = dict(conn.execute("SELECT text, embedding FROM summary_embeddings").fetchall())
    x = np.asarray([vec[t] for t in texts], np.float32)
    got = cluster_levels(
        texts, x, values=[v for _, v, _ in items], settings=SETTINGS, facet="Sentiment",
        definition=definition,
    )  # fmt: skip
    assert sorted(p.label for p in got.parents) == ["Negative sentiment", "Positive sentiment"]
    names = {t.topic_id: t.label for t in got.subs.topics + got.parents}
    mine = {
        names[t.topic_id]: names[p] for t, p in zip(got.subs.topics, got.parent_of, strict=True)
    }
    assert mine == _levels_of(conn, st.map_id)


def test_the_shipped_competitor_facet_names_its_parents():
    """Its named-switch rule writes "{provider}: ..." (session 20): still a facet of names."""
    from tracetopics_pipeline.core.topics.maps import parent_kind

    assert parent_kind(_facet("Competitor mention")) == "head"
