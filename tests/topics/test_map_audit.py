"""The label audit of a built map (`labels.map_audit`), one implementation for the benchmark and
`tracetopics demo`, which prints it beside the recovery figures (issue 12's done-when)."""

from __future__ import annotations

import contextlib
from datetime import date

import numpy as np
from factories.corpus import F, corpus, load_summaries
from test_labels_local import bag_of_words

from tracetopics_pipeline.cli import output
from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.topics.labels.map_audit import audit_line, audit_map, latest_maps
from tracetopics_pipeline.core.topics.labels.support import without_each_word
from tracetopics_pipeline.core.topics.maps import build_maps

DAY = date(2026, 11, 1)
SETTINGS = Settings(min_summaries=100, window_days=30)


def _built(conn) -> str:
    texts, x, _ = corpus(k=6, per=30)
    load_summaries(conn, texts, x)
    [st] = build_maps(conn, DAY, facets=[F("Task")], settings=SETTINGS)
    assert st.status == "built"
    return st.map_id


def test_a_maps_audit_counts_every_label_of_both_levels(conn):
    map_id = _built(conn)
    assert latest_maps(conn) == [("Task", map_id)]
    c, lines = audit_map(conn, map_id, bag_of_words)
    n = conn.execute("SELECT count(*) FROM topics WHERE map_id = ?", [map_id]).fetchone()[0]
    assert c["labels"] == n
    assert c["bad"] == len(lines)
    assert audit_line(c).startswith(f"{c['bad']}/{n} labels with a problem")


class _Recorder:
    """An embedder that records what it was asked to embed."""

    def __init__(self) -> None:
        self.asked: list[str] = []

    def model_id(self) -> str:
        from tracetopics_pipeline.core.topics.embedders.local import SentenceEmbedder

        return SentenceEmbedder().model_id()

    def embed(self, texts: list[str]) -> np.ndarray:
        self.asked += texts
        out = np.zeros((len(texts), 384), np.float32)  # the stored vectors' size
        out[:, :256] = bag_of_words(texts)
        return out


def test_the_demo_prints_the_audit_and_embeds_only_what_the_warehouse_lacks(
    conn, monkeypatch, capsys, tmp_path
):
    _built(conn)
    home = tmp_path / "not-yet-made"  # a fresh clone: no test home until something makes it
    monkeypatch.setenv("TRACETOPICS_HOME", str(home))
    rec = _Recorder()
    monkeypatch.setattr(output, "_conn", lambda: contextlib.nullcontext(conn))
    monkeypatch.setattr(
        "tracetopics_pipeline.core.topics.embedders.make_embedder", lambda settings: rec
    )
    output.print_label_audit()
    printed = capsys.readouterr().out
    assert "Topic names in the latest maps (1 facet, parents and subtopics):" in printed
    assert "names" in printed and "{" not in printed  # a sentence, not a dict of codes
    stored = {t for (t,) in conn.execute("SELECT text FROM summary_embeddings").fetchall()}
    labels = {t for (t,) in conn.execute("SELECT label FROM topics").fetchall()}
    names = labels | {v for lab in labels for v in without_each_word(lab)}  # and each less a word
    assert set(rec.asked) <= names - stored  # the texts' vectors come from the warehouse
    assert (home / "label_audit.txt").read_text().strip()  # which names, beside the warehouse


def test_the_audit_is_a_sentence_a_user_reads() -> None:
    # new-user walk: "{'low_coverage': 5, 'minority_name': 20, ...}" printed as is
    from collections import Counter

    from tracetopics_pipeline.core.topics.labels.map_audit import audit_sentence

    c = Counter(labels=303, bad=26, minority_name=20, low_coverage=5, fragment=1, cover_n=4)
    c["some_new_code"] = 1
    said = audit_sentence(c)
    assert said.startswith("26 of 303 names may need a look: 20 said by few of their traces, ")
    assert "5 parents whose name fits few of their subtopics" in said
    assert "1 some new code" in said  # a code without words is said as its words
    assert "_" not in said and "{" not in said and "cover" not in said
    assert audit_sentence(Counter(labels=1_200, bad=0)) == "none of 1,200 names needs a look"
