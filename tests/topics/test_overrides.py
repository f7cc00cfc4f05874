"""A person's topic merges (core/topics/overrides.py): applied at once, re-applied by every
classification and by a rebuilt map, refused when they make no sense, and the CLI's path."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from factories.corpus import F, corpus, load_summaries

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.names import NameRefused
from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.topics.classify import classify_days
from tracetopics_pipeline.core.topics.maps import build_maps
from tracetopics_pipeline.core.topics.overrides import MergeRefused, merge_topics, merges
from tracetopics_pipeline.core.topics.report import set_topic_override

DAY1, DAY2 = date(2026, 11, 1), date(2026, 11, 2)
SETTINGS = Settings(min_summaries=100)


def _counts(conn, day: date, col: str = "topic_id") -> dict[int, int]:
    """Traces per topic (`topic_id`: the parent; `subtopic_id`: the fine topic) on a day."""
    return dict(
        conn.execute(
            f"SELECT {col}, count(*) FROM classifications WHERE day = ? GROUP BY 1", [day]
        ).fetchall()
    )


@pytest.fixture
def mapped(conn):
    """Six well-separated topics over two days, mapped and classified (two parents of three
    fine topics each: a merge chain needs three siblings)."""
    texts, x, _ = corpus(k=6, per=60, groups=2)
    load_summaries(conn, texts, x, days=2)  # 180 summaries a day
    build_maps(conn, DAY1, facets=[F("Task")], settings=SETTINGS)
    classify_days(conn, [DAY1, DAY2], facets=[F("Task")], settings=SETTINGS)
    return conn


def test_merge_applies_at_once_and_survives_reclassification_and_rebuild(mapped) -> None:
    conn = mapped
    before = _counts(conn, DAY1)
    a, b = sorted(t for t in before if t >= 0)[:2]
    set_topic_override(conn, "Task", b, label="Kept name")
    done = merge_topics(conn, "Task", a, b)
    assert done["merged_into"] == b and done["label"] == "Kept name"
    after = _counts(conn, DAY1)
    assert a not in after and after[b] == before[a] + before[b]
    labels = {r[0] for r in conn.execute(
        "SELECT DISTINCT label FROM classifications WHERE topic_id = ?", [b]).fetchall()}  # fmt: skip
    assert labels == {"Kept name"}
    # Classifying again (a re-run) and rebuilding the map keep the merge.
    classify_days(conn, [DAY1, DAY2], facets=[F("Task")], settings=SETTINGS)
    assert _counts(conn, DAY1) == after
    build_maps(conn, DAY2, facets=[F("Task")], settings=SETTINGS)
    classify_days(conn, [DAY2], facets=[F("Task")], settings=SETTINGS)
    day2 = _counts(conn, DAY2)
    assert a not in day2 and day2[b] >= before[a]
    # A later rename of the merged topic keeps the merge (one row per topic in the store).
    set_topic_override(conn, "Task", a, label="Renamed anyway")
    assert merges(conn, "Task") == {a: b}


def test_merge_chains_and_refusals(mapped) -> None:
    conn = mapped
    fine = "subtopic_id"
    families: dict[int, list[int]] = {}  # parent -> its fine topics
    for parent, sub in conn.execute(
        f"SELECT DISTINCT topic_id, {fine} FROM classifications WHERE day = ? AND topic_id >= 0 "
        "ORDER BY 2",
        [DAY1],
    ).fetchall():
        families.setdefault(parent, []).append(sub)
    ids = max(families.values(), key=len)  # siblings: the chain
    assert len(ids) >= 3, families
    spare = next(s for subs in families.values() for s in subs if s not in ids)  # a cousin
    parents = sorted(families)
    merge_topics(conn, "Task", ids[0], ids[1])
    merge_topics(conn, "Task", ids[1], ids[2])  # ids[0] follows ids[1] into ids[2]
    assert merges(conn, "Task") == {ids[0]: ids[2], ids[1]: ids[2]}
    assert set(_counts(conn, DAY1, fine)) & {ids[0], ids[1]} == set()
    with pytest.raises(MergeRefused, match="same level"):  # levels do not mix
        merge_topics(conn, "Task", spare, parents[0])
    with pytest.raises(MergeRefused, match="itself"):
        merge_topics(conn, "Task", spare, spare)
    with pytest.raises(MergeRefused, match="already merged"):
        merge_topics(conn, "Task", ids[2], ids[0])
    with pytest.raises(MergeRefused, match="no topic 999"):
        merge_topics(conn, "Task", spare, 999)
    with pytest.raises(MergeRefused, match="no_match"):
        merge_topics(conn, "Task", -1, spare)
    # Review rv8 M1: a merged subtopic keeps its parent, so a merge across parents is refused
    with pytest.raises(MergeRefused, match="merge subtopics of one parent"):
        merge_topics(conn, "Task", ids[2], spare)


def test_cli_topic_merge(tmp_path: Path) -> None:
    home = tmp_path / "home"
    conn = warehouse.connect(home / "warehouse.duckdb")
    texts, x, _ = corpus(k=3, per=40)
    load_summaries(conn, texts, x)
    build_maps(conn, DAY1, facets=[F("Task")], settings=SETTINGS)
    classify_days(conn, [DAY1], facets=[F("Task")], settings=SETTINGS)
    before = _counts(conn, DAY1)
    a, b = sorted(t for t in before if t >= 0)[:2]
    conn.close()
    env = {"TRACETOPICS_HOME": str(home), "PATH": "/usr/bin:/bin"}
    cli = [sys.executable, "-m", "tracetopics_pipeline.cli", "topic", "merge", "task", str(a)]
    missing = subprocess.run(cli, env=env, capture_output=True, text=True)
    assert missing.returncode != 0 and "--into" in missing.stderr
    assert "Traceback" not in missing.stderr
    ok = subprocess.run([*cli, "--into", str(b)], env=env, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert f"merged Task topic {a} into {b}" in ok.stdout
    bad = subprocess.run([*cli, "--into", str(a)], env=env, capture_output=True, text=True)
    assert bad.returncode != 0 and "itself" in bad.stderr and "Traceback" not in bad.stderr
    conn = warehouse.connect(home / "warehouse.duckdb", read_only=True)
    merged = _counts(conn, DAY1)
    conn.close()
    assert a not in merged
    # Review rv8 M1: a merge can be undone; classifying again splits the traces as they were.
    un = [*cli[:4], "unmerge", "task", str(a)]
    done = subprocess.run(un, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert f"unmerged Task topic {a}; 1 day classified again" in done.stdout
    conn = warehouse.connect(home / "warehouse.duckdb", read_only=True)
    assert _counts(conn, DAY1) == before
    conn.close()
    again = subprocess.run(un, env=env, capture_output=True, text=True)
    assert again.returncode == 2 and "is not merged into another topic" in again.stderr


def test_a_rename_onto_a_siblings_name_is_refused_with_the_merge_to_run(mapped) -> None:
    """Every classification folds same-named siblings into one id, so a rename onto a
    sibling's name would merge them by accident: it is refused, naming the merge to run."""

    conn = mapped
    rows = conn.execute(
        """SELECT topic_id, label, parent_id, level FROM topics
           WHERE map_id = (SELECT max(map_id) FROM topics) ORDER BY topic_id"""
    ).fetchall()
    subs: dict[int, list[tuple[int, str]]] = {}
    for tid, label, parent, level in rows:
        if level != "parent":
            subs.setdefault(parent, []).append((tid, label))
    parent, kids = next((p, k) for p, k in subs.items() if len(k) >= 2)
    (a, _), (b, b_label) = kids[:2]
    for typed in (b_label, f"  {b_label.upper()} ", b_label.replace(" ", "  ")):
        with pytest.raises(NameRefused, match=f"topic merge Task {a} --into {b}"):
            set_topic_override(conn, "Task", a, label=typed)
    parents = [tid for tid, _, _, level in rows if level == "parent"]
    other_parent = next(p for p in parents if p != parent)
    other_label = next(lab for tid, lab, _, _ in rows if tid == other_parent)
    with pytest.raises(NameRefused, match="a sibling"):
        set_topic_override(conn, "Task", parent, label=other_label)
    # A name a sibling does not have, a subtopic taking its parent's name, and a subtopic
    # taking a cousin's name (another parent's child) stay allowed.
    set_topic_override(conn, "Task", a, label="Something new entirely")
    cousin = next(k for p, k in subs.items() if p != parent)[0][1]
    set_topic_override(conn, "Task", b, label=cousin)
    parent_label = next(lab for tid, lab, _, _ in rows if tid == parent)
    set_topic_override(conn, "Task", a, label=parent_label)


def test_unmerge_classifies_the_targets_days_again_by_itself(mapped) -> None:
    """One way back for the CLI and the explorer: `unmerge_topic` clears the merge and
    classifies again the days holding the target, so the traces split as they were."""
    from tracetopics_pipeline.core.topics.overrides import unmerge_topic

    conn = mapped
    before = {d: _counts(conn, d, "subtopic_id") for d in (DAY1, DAY2)}
    families: dict[int, list[int]] = {}  # siblings only (review rv8 M1)
    for parent, sub in conn.execute(
        "SELECT DISTINCT topic_id, subtopic_id FROM classifications WHERE topic_id >= 0 ORDER BY 2"
    ).fetchall():
        families.setdefault(parent, []).append(sub)
    a, b = next(subs for subs in families.values() if len(subs) >= 2)[:2]
    merge_topics(conn, "Task", a, b)
    assert a not in _counts(conn, DAY1, "subtopic_id")
    heard: list[str] = []
    done = unmerge_topic(conn, "Task", a, settings=SETTINGS, notify=heard.append)
    assert (done["topic_id"], done["merged_into"], done["days"], done["refused"]) == (a, b, 2, None)
    assert heard == ["classifying 2 days of Task again"]
    assert {d: _counts(conn, d, "subtopic_id") for d in (DAY1, DAY2)} == before
    assert merges(conn, "Task") == {}
    with pytest.raises(MergeRefused, match="not merged"):
        unmerge_topic(conn, "Task", a, settings=SETTINGS)


def _siblings(conn, n: int) -> list[int]:
    """`n` fine topics of one parent (merges stay within a parent, review rv8 M1)."""
    families: dict[int, list[int]] = {}
    for parent, sub in conn.execute(
        "SELECT DISTINCT topic_id, subtopic_id FROM classifications WHERE topic_id >= 0 ORDER BY 2"
    ).fetchall():
        families.setdefault(parent, []).append(sub)
    return next(subs for subs in families.values() if len(subs) >= n)[:n]


@pytest.mark.parametrize("order", ["b_then_a", "a_then_b", "b_only"])
def test_each_unmerge_of_a_chain_restores_what_its_merge_changed(mapped, order) -> None:
    """Review rv10 L-3: A merged into B, then B into C. Undoing B's merge must leave A in B (the
    store flattened A's row to C, so A's traces stayed in C under no merge the page offered to
    undo); undoing both, in either order, restores the traces as they were."""
    from tracetopics_pipeline.core.topics.overrides import merged_away, unmerge_topic

    conn = mapped
    sub = "subtopic_id"
    before = {d: _counts(conn, d, sub) for d in (DAY1, DAY2)}
    a, b, c = _siblings(conn, 3)
    merge_topics(conn, "Task", a, b)
    after_ab = {d: _counts(conn, d, sub) for d in (DAY1, DAY2)}
    done = merge_topics(conn, "Task", b, c)
    assert (done["merged_into"], done["counts_as"]) == (c, c)
    assert merges(conn, "Task") == {a: c, b: c}
    # The page lists both under C, A saying it went into B (its Undo puts it back there).
    listed = {m["topic_id"]: m["into"] for m in merged_away(conn, "Task")[c]}
    assert listed == {a: b, b: c}
    if order == "a_then_b":
        assert unmerge_topic(conn, "Task", a, settings=SETTINGS)["merged_into"] == b
        assert merges(conn, "Task") == {b: c}
    undone = unmerge_topic(conn, "Task", b, settings=SETTINGS)
    assert (undone["merged_into"], undone["days"]) == (c, 2)
    if order == "a_then_b":
        assert {d: _counts(conn, d, sub) for d in (DAY1, DAY2)} == before
        return
    # B's merge undone: exactly the state after A into B.
    assert merges(conn, "Task") == {a: b}
    assert {d: _counts(conn, d, sub) for d in (DAY1, DAY2)} == after_ab
    assert {m["topic_id"] for m in merged_away(conn, "Task")[b]} == {a}
    assert c not in merged_away(conn, "Task")
    if order == "b_then_a":
        unmerge_topic(conn, "Task", a, settings=SETTINGS)
        assert merges(conn, "Task") == {}
        assert {d: _counts(conn, d, sub) for d in (DAY1, DAY2)} == before


def test_an_unmerge_cut_short_leaves_its_days_to_the_next_run(mapped, monkeypatch) -> None:
    """Review rv10 M-6: an Undo killed between clearing the merge and re-classifying left the
    traces in the target with no merge to undo. The days are now marked stale in the same commit,
    so the next run's re-classification (`stale_days`) splits them."""
    from tracetopics_pipeline.core.topics import classify
    from tracetopics_pipeline.core.topics.overrides import unmerge_topic

    conn = mapped
    before = {d: _counts(conn, d, "subtopic_id") for d in (DAY1, DAY2)}
    parent, subs = conn.execute(
        """SELECT topic_id, list(DISTINCT subtopic_id ORDER BY subtopic_id) FROM classifications
           WHERE topic_id >= 0 GROUP BY 1 HAVING count(DISTINCT subtopic_id) >= 2 LIMIT 1"""
    ).fetchone()
    merge_topics(conn, "Task", subs[0], subs[1])
    assert classify.stale_days(conn, [F("Task")], SETTINGS) == []

    def killed(*_a, **_k):
        raise KeyboardInterrupt

    monkeypatch.setattr(classify, "classify_days", killed)
    with pytest.raises(KeyboardInterrupt):
        unmerge_topic(conn, "Task", subs[0], settings=SETTINGS)
    monkeypatch.undo()
    assert merges(conn, "Task") == {}
    stale = classify.stale_days(conn, [F("Task")], SETTINGS)
    assert stale == [DAY1, DAY2]
    classify.classify_days(conn, stale, facets=[F("Task")], settings=SETTINGS)
    assert {d: _counts(conn, d, "subtopic_id") for d in (DAY1, DAY2)} == before


@pytest.mark.parametrize("name", ["no_match", "No_Match", "  no_match "])
def test_no_match_is_not_a_name_a_person_can_give(mapped, name) -> None:
    """Review rv10 L-5: a topic renamed "no_match" listed beside the real -1 line."""
    tid = next(t for t in _counts(mapped, DAY1) if t >= 0)
    with pytest.raises(NameRefused, match="reserved"):
        set_topic_override(mapped, "Task", tid, label=name)
    set_topic_override(mapped, "Task", tid, label="No match between plans")  # a real name is fine
