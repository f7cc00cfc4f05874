"""A continued topic keeps its previous name while nearly as good as today's (names_kept)."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from tracetopics_pipeline.core.topics.describe import TopicInfo
from tracetopics_pipeline.core.topics.names_kept import (
    CLEARLY_BETTER,
    KEPT,
    keep_names,
    renames,
)

DIM = 64
STOP = {"the", "to", "a", "of", "for", "my", "our", "as", "please", "i", "need", "we", "want"}


def embed(texts: list[str]) -> np.ndarray:
    """Bag of (crudely stemmed) content words hashed into DIM dimensions: names that share
    their words with the texts lie near them."""
    out = np.zeros((len(texts), DIM), np.float32)
    for r, text in enumerate(texts):
        for w in text.lower().split():
            if w in STOP:
                continue
            w = w.rstrip("s")[:6]
            out[r, int(hashlib.md5(w.encode()).hexdigest(), 16) % DIM] += 1.0
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)


# Three subtopics under two parents; the first subtopic's texts share "export dashboard csv",
# one in ten also asks for a weekly report by email.
TEXTS = (
    [f"Export the dashboard to CSV for {w}" for w in ("sales", "finance", "ops", "hr", "legal")]
    + [f"Need to export dashboard as CSV file {n}" for n in range(4)]
    + ["Export dashboard CSV and a weekly report email"]
    + [f"Reset MFA for the account of {w}" for w in ("ana", "bo", "cy", "di", "ed", "fa")]
    + [f"Reset MFA device after phone loss {n}" for n in range(4)]
    + [f"Enable SAML SSO with Okta for team {n}" for n in range(10)]
)
SUB_OF_TEXT = np.array([0] * 10 + [1] * 10 + [2] * 10)
PARENT_OF_SUB = [0, 1, 1]


def topics(sub_names: list[str], parent_names: list[str]) -> tuple[list, list]:
    x = embed(TEXTS)
    subs = []
    for i, name in enumerate(sub_names):
        c = x[np.flatnonzero(np.equal(SUB_OF_TEXT, i))].mean(axis=0)
        subs.append(TopicInfo(10 + i, name, [], 10, 1 / 3, c / np.linalg.norm(c), [], 0.0, 0.0))
    parents = []
    for q, name in enumerate(parent_names):
        kids = [i for i, p in enumerate(PARENT_OF_SUB) if p == q]
        c = np.mean([subs[i].centroid for i in kids], axis=0)
        size = 10 * len(kids)
        parents.append(TopicInfo(20 + q, name, [], size, 0.5, c / np.linalg.norm(c), [], 0, 0))
    return subs, parents


def run(subs, parents, previous, margin=None):
    return keep_names(
        subs, parents, PARENT_OF_SUB, previous, texts=TEXTS, x=embed(TEXTS),
        weights=[1.0] * len(TEXTS), sub_of_text=SUB_OF_TEXT, embed=embed, margin=margin,
    )  # fmt: skip


NEW_SUBS = ["Dashboard CSV export", "Reset MFA device", "Enable SAML SSO"]
NEW_PARENTS = ["Export dashboard to CSV", "Account access"]


def test_a_nearly_as_good_previous_name_is_kept_and_marked():
    subs, parents = topics(NEW_SUBS, NEW_PARENTS)
    previous = {10: "Export the dashboard to CSV", 11: "Reset MFA device", 20: "CSV export"}
    choices = run(subs, parents, previous)
    assert subs[0].label == "Export the dashboard to CSV"
    assert subs[0].label_source == KEPT
    assert subs[1].label == "Reset MFA device" and subs[1].label_source == "local"  # unchanged
    assert [(c.topic_id, c.kept) for c in choices if c.level == "sub"] == [(10, True)]
    assert abs(next(c.gain for c in choices if c.topic_id == 10)) < 0.1
    counted = renames(subs, parents, previous, choices)
    assert counted.renamed["sub"] == 0 and counted.continued["sub"] == 2
    assert "renamed 0 of 2 kept ids" in counted.metadata()["renamed"]


def test_a_clearly_better_new_name_replaces_the_previous_one():
    subs, parents = topics(NEW_SUBS, NEW_PARENTS)
    # shared by 10% of the topic (passes the support floor) but far from what it is about
    previous = {10: "Weekly report email"}
    (choice,) = run(subs, parents, previous)
    assert subs[0].label == "Dashboard CSV export" and not choice.kept
    assert choice.why == CLEARLY_BETTER and choice.gain > 0.1
    # with a margin wider than the gain the old name would have stayed
    subs, parents = topics(NEW_SUBS, NEW_PARENTS)
    run(subs, parents, previous, margin=choice.gain + 0.01)
    assert subs[0].label == "Weekly report email"


@pytest.mark.parametrize(
    ("previous", "why"),
    [
        ("Export dashboard for Marketing", "previous name's words no longer shared"),
        ("Reset MFA device", "a sibling has the previous name"),
        ("Export dashboard to", "previous name fails the audit"),
    ],
)
def test_a_previous_name_that_no_longer_fits_is_not_kept(previous, why):
    subs, parents = topics(NEW_SUBS, NEW_PARENTS)
    (choice,) = run(subs, parents, {10: previous}, margin=1.0)
    assert subs[0].label == "Dashboard CSV export"
    assert choice.why == why and not choice.kept


def test_a_subtopic_never_keeps_its_parents_name():
    subs, parents = topics(NEW_SUBS, ["Account access", "Reset MFA"])
    choices = run(subs, parents, {11: "Reset MFA"}, margin=1.0)
    assert subs[1].label == "Reset MFA device"
    assert choices[0].why == "a sibling has the previous name"


def test_overrides_pins_and_single_child_parents():
    subs, parents = topics(NEW_SUBS, ["Dashboard CSV export", "Account access"])
    subs[1].label, subs[1].label_source = "Renamed by a person", "override"
    previous = {10: "Export the dashboard to CSV", 11: "Reset MFA device", 20: "CSV exports"}
    run(subs, parents, previous, margin=1.0)
    assert subs[1].label == "Renamed by a person"  # a person's name wins
    # a parent of one subtopic reads as that subtopic, kept name included
    assert parents[0].label == subs[0].label == "Export the dashboard to CSV"
    assert parents[0].label_source == KEPT


def test_keeping_is_a_fixed_point_so_a_rerun_changes_nothing():
    """A re-run compares the stored (kept) names with the same new names: same result."""
    subs, parents = topics(NEW_SUBS, NEW_PARENTS)
    previous = {10: "Export dashboard to CSV file", 11: "Reset MFA", 12: "Weekly report email"}
    run(subs, parents, previous)
    first = [(t.label, t.label_source) for t in subs + parents]
    stored = {t.topic_id: t.label for t in subs + parents}
    subs, parents = topics(NEW_SUBS, NEW_PARENTS)
    run(subs, parents, stored)
    assert [(t.label, t.label_source) for t in subs + parents] == first


def test_a_map_counts_renames_and_a_cleared_rename_is_not_kept(conn):
    """build_maps: the metadata says how many kept ids read differently; a person's rename
    that was cleared is not carried on as a 'kept' name."""
    from datetime import date

    from factories.corpus import F, corpus, load_summaries

    from tracetopics_pipeline.core.settings import Settings
    from tracetopics_pipeline.core.topics.maps import build_maps
    from tracetopics_pipeline.core.topics.report import set_topic_override

    day1, day2 = date(2026, 11, 1), date(2026, 11, 2)
    settings = Settings(min_summaries=100)
    texts, x, _ = corpus(k=4, per=60)
    load_summaries(conn, texts, x, days=2)
    (first,) = build_maps(conn, day1, facets=[F("Task")], settings=settings)
    assert first.metadata()["renamed"] == (
        "parents: renamed 0 of 0 kept ids; subtopics: renamed 0 of 0 kept ids"
    )
    sub, namer = conn.execute(
        f"SELECT topic_id, label FROM topics WHERE map_id = '{first.map_id}' AND level = 'sub'"
        " ORDER BY size DESC, topic_id LIMIT 1"
    ).fetchone()
    person = f"{namer} requests"  # close to the namer's: the rule would keep it
    set_topic_override(conn, "Task", sub, label=person)
    (second,) = build_maps(conn, day2, facets=[F("Task")], settings=settings)
    meta = second.metadata()
    # a rename shows in every stored map at once: nothing reads differently from day 1
    assert meta["continued_subtopics"] >= 4 and meta["renamed_subtopics"] == 0
    set_topic_override(conn, "Task", sub, label="")  # cleared
    (again,) = build_maps(conn, day2, facets=[F("Task")], settings=settings)
    # the clear brings back the namer's name in every stored map (rv12 L5: it used to leave
    # day 1 showing the person's name until day 1's map was rebuilt)
    assert again.metadata()["renamed_subtopics"] == 0
    assert (
        conn.execute(
            f"SELECT label FROM topics WHERE map_id = '{first.map_id}' AND topic_id = {sub}"
        ).fetchone()[0]
        == namer
    )
    label, source = conn.execute(
        f"SELECT label, label_source FROM topics WHERE map_id = '{second.map_id}'"
        f" AND topic_id = {sub}"
    ).fetchone()
    assert label != person and source not in ("kept", "override")
    assert label == namer  # same texts, the namer's name again


def test_a_previous_name_cut_short_against_its_texts_is_not_kept():
    """Read against the topic's own texts, as the namer reads today's names: "… after phone"
    stops where the texts go on ("phone loss"), a cut phrase, however close its score."""
    subs, parents = topics(NEW_SUBS, NEW_PARENTS)
    choices = run(subs, parents, {11: "Reset MFA device after phone"}, margin=10.0)
    assert subs[1].label == "Reset MFA device" and subs[1].label_source != KEPT
    assert [c.why for c in choices if c.topic_id == 11] == ["previous name fails the audit"]


# A labelled facet: one label value ("Expedia", a parent named by it) whose one subtopic gathers
# every mention; most compare prices, a few say they are leaving.
MENTIONS = (
    [f"Expedia: Expedia shows a lower price for {c}" for c in ("Lisbon", "Oslo", "Rome", "Nice")]
    * 2
    + ["Expedia: we're comparing prices with Expedia"] * 4
    + ["Expedia: we've decided to book with Expedia from now on"] * 2
)


def _labelled(name: str) -> tuple[list, list]:
    x = embed(MENTIONS)
    c = x.mean(axis=0) / np.linalg.norm(x.mean(axis=0))
    sub = TopicInfo(30, name, [], len(MENTIONS), 1.0, c, [], 0.0, 0.0)
    parent = TopicInfo(40, "Expedia", [], len(MENTIONS), 1.0, c, [], 0.0, 0.0)
    parent.label_source = "label"
    return [sub], [parent]


def _run_labelled(subs, parents, previous, margin=None):
    return keep_names(
        subs, parents, [0], previous, texts=MENTIONS, x=embed(MENTIONS),
        weights=[1.0] * len(MENTIONS), sub_of_text=np.zeros(len(MENTIONS), np.int64),
        embed=embed, margin=margin, naming_texts=MENTIONS,
    )  # fmt: skip


def test_a_labelled_subtopic_keeps_only_a_name_most_of_its_traffic_says():
    # "Lower price" is said by 8 of 14 mentions: nearly as good as today's, kept
    subs, parents = _labelled("Expedia")
    (choice,) = _run_labelled(subs, parents, {30: "Expedia shows a lower price"}, margin=10.0)
    assert choice.kept and subs[0].label == "Expedia shows a lower price"
    # one stance of two mentions is not kept, however close its score (the namer's rule)
    subs, parents = _labelled("Expedia")
    (choice,) = _run_labelled(subs, parents, {30: "Decided to book with Expedia"}, margin=10.0)
    assert not choice.kept and choice.why == "previous name said by too few"
    assert subs[0].label == "Expedia"
    # the label value's parent is the label's: never renamed, never copied from its subtopic
    assert parents[0].label == "Expedia" and parents[0].label_source == "label"


def test_a_kept_name_is_weighed_by_the_namers_own_score(monkeypatch):
    """The gain is `naming.name_scores` of the new name minus the previous one's, with the
    namer's share (traffic saying the name) and length: a name that most texts say scores above
    one that few say, when both lie as near the texts."""
    from tracetopics_pipeline.core.topics.labels.naming import NamingParams, name_scores

    e = embed(["lower price", "book from now on"])
    own = embed(MENTIONS[:3])
    got = name_scores(
        e, own=own, others=np.zeros((0, DIM)), share=np.array([8 / 14, 2 / 14]),
        lengths=np.array([2, 4]), params=NamingParams(),
    )  # fmt: skip
    assert got[0] > got[1]
    # names_kept weighs names with it, not a copy of its terms
    from tracetopics_pipeline.core.topics import names_kept

    seen = []

    def spy(*args, **kwargs):
        out = name_scores(*args, **kwargs)
        seen.append(out)
        return out

    monkeypatch.setattr(names_kept, "name_scores", spy)
    subs, parents = _labelled("Expedia shows a lower price")
    (choice,) = _run_labelled(subs, parents, {30: "Comparing prices with Expedia"}, margin=10.0)
    assert len(seen) == 1 and choice.gain == pytest.approx(float(seen[0][0] - seen[0][1]))


def test_a_parent_name_said_by_a_minority_goes_for_one_most_of_it_says():
    # "MFA after phone loss" is said by 4 of the parent's 20 texts, and the SSO subtopic never
    # says it; "Reset MFA" by half: the namer's abstraction step would not keep the first either
    subs, parents = topics(NEW_SUBS, ["Export dashboard to CSV", "Reset MFA"])
    (choice,) = run(subs, parents, {21: "MFA after phone loss"}, margin=10.0)
    assert choice.why == "previous name said by a minority" and parents[1].label == "Reset MFA"
    # both said by a minority: the previous one stays (the score decides)
    subs, parents = topics(NEW_SUBS, ["Export dashboard to CSV", "MFA for account"])
    (choice,) = run(subs, parents, {21: "MFA after phone loss"}, margin=10.0)
    assert choice.kept and parents[1].label == "MFA after phone loss"


def test_a_parent_name_a_subtopic_reverses_is_not_kept():
    # smart-home alerts: one subtopic enables them, one disables them; "Enable motion alerts"
    # (the first one's phrasing) is said widely, but the second reverses it
    texts = [f"Enable motion alerts on camera {n}" for n in range(8)] + [
        f"Disable motion alerts on camera {n}" for n in range(8)
    ]
    sub_of = np.array([0] * 8 + [1] * 8)
    x = embed(texts)
    subs = []
    for i, name in enumerate(["Alerts on cameras", "Silence camera alerts"]):
        c = x[sub_of == i].mean(axis=0)
        subs.append(TopicInfo(10 + i, name, [], 8, 0.5, c / np.linalg.norm(c), [], 0.0, 0.0))
    c = np.mean([s.centroid for s in subs], axis=0)
    parents = [TopicInfo(20, "Motion alerts", [], 16, 1.0, c / np.linalg.norm(c), [], 0, 0)]
    (choice,) = keep_names(
        subs, parents, [0, 0], {20: "Enable motion alerts"}, texts=texts, x=x,
        weights=[1.0] * len(texts), sub_of_text=sub_of, embed=embed, margin=10.0,
    )  # fmt: skip
    assert choice.why == "previous name reversed by a subtopic"
    assert parents[0].label == "Motion alerts"
