"""The names' candidate phrases kept with their vectors (core/topics/phrases.py): a daily map
stores what it named with, rows age out, a reader's memo answers them without the model, and
the snapshot carries the configured model's only."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pyarrow.parquet as pq
import pytest
from factories.corpus import F, corpus, load_summaries
from factories.embedders import HashEmbedder

from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.topics.embedders import memo
from tracetopics_pipeline.core.topics.embedders.local import SentenceEmbedder
from tracetopics_pipeline.core.topics.maps import build_maps
from tracetopics_pipeline.core.topics.phrases import KEEP_DAYS, remember_phrases, store_phrases
from tracetopics_pipeline.core.warehouse import PACKAGED_MODEL_ID
from tracetopics_pipeline.core.warehouse.snapshot import publish_snapshot

DAY = date(2026, 11, 1)
HASH_ID = "test:hash-vectors@16"


@pytest.fixture(autouse=True)
def _empty_memo():
    memo.clear()
    yield
    memo.clear()


def _vectors(texts: list[str]) -> dict[str, np.ndarray]:
    return dict(zip(texts, HashEmbedder(dim=16).embed(texts), strict=True))


def _stored(conn) -> dict[str, date]:
    return dict(conn.execute("SELECT text, last_used FROM phrase_embeddings").fetchall())


def test_a_daily_map_keeps_the_phrases_it_named_with(conn):
    texts, x, _ = corpus(k=4, per=30)
    load_summaries(conn, texts, x)
    [st] = build_maps(conn, DAY, facets=[F("Task")], settings=Settings(min_summaries=50))
    assert st.status == "built"
    rows = conn.execute(
        "SELECT text, model, last_used, embedding FROM phrase_embeddings ORDER BY text"
    ).fetchall()
    assert len(rows) > 4 * 5  # several candidates per topic
    assert {r[1] for r in rows} == {PACKAGED_MODEL_ID} and {r[2] for r in rows} == {DAY}
    # the names come from them
    stored = {r[0].lower() for r in rows}
    labels = [r[0] for r in conn.execute("SELECT label FROM topics WHERE level = 'sub'").fetchall()]
    assert sum(lab.lower() in stored for lab in labels) >= len(labels) - 1
    # and the vectors are the model's own
    sample = rows[:: max(1, len(rows) // 5)]
    fresh = SentenceEmbedder().embed([r[0] for r in sample])
    # the same up to float noise: a batch pads its texts to its longest, so a phrase embedded
    # in another batch differs in the 4th decimal (max 4e-4 seen in CI); another model or a
    # hash vector is far off (cosine < 0.9)
    kept = np.asarray([r[3] for r in sample])
    cosine = (kept * fresh).sum(1) / np.linalg.norm(kept, axis=1) / np.linalg.norm(fresh, axis=1)
    assert cosine.min() > 0.999, cosine


def test_stored_phrases_keep_their_latest_day_and_age_out(conn):
    store_phrases(conn, _vectors(["export to csv", "reset password"]), model=HASH_ID, day=DAY)
    later = DAY + timedelta(days=1)
    store_phrases(conn, _vectors(["reset password", "share a chart"]), model=HASH_ID, day=later)
    store_phrases(conn, _vectors(["export to csv"]), model=HASH_ID, day=DAY - timedelta(days=3))
    assert _stored(conn) == {"export to csv": DAY, "reset password": later, "share a chart": later}
    # a month on, what no map used since is gone
    newest = later + timedelta(days=KEEP_DAYS)
    store_phrases(conn, _vectors(["invite a teammate"]), model=HASH_ID, day=newest)
    assert set(_stored(conn)) == {"reset password", "share a chart", "invite a teammate"}


def test_a_model_no_longer_configured_ages_out_too(conn):
    store_phrases(conn, _vectors(["export to csv"]), model="test:old@16", day=DAY)
    store_phrases(conn, _vectors(["reset password"]), model=HASH_ID, day=DAY + timedelta(days=1))
    assert {r[0] for r in conn.execute("SELECT model FROM phrase_embeddings").fetchall()} == {
        "test:old@16",
        HASH_ID,
    }
    # the old model wrote nothing for a month of the new model's maps: its rows are gone
    later = DAY + timedelta(days=KEEP_DAYS + 1)
    store_phrases(conn, _vectors(["reset password"]), model=HASH_ID, day=later)
    assert conn.execute("SELECT DISTINCT model FROM phrase_embeddings").fetchall() == [(HASH_ID,)]


def test_remembered_phrases_never_reach_the_model(conn):
    store_phrases(conn, _vectors(["export to csv", "reset password"]), model=HASH_ID, day=DAY)
    store_phrases(conn, _vectors(["share a chart"]), model="test:other@16", day=DAY)
    model = HashEmbedder(dim=16)
    assert remember_phrases(conn, model, model=HASH_ID) == 2
    out = memo.memoized(model.embed)(["reset password", "share a chart", "export to csv"])
    assert model.calls == [["share a chart"]]  # the other model's row is not this model's
    np.testing.assert_allclose(out, HashEmbedder(dim=16).embed(
        ["reset password", "share a chart", "export to csv"]), atol=1e-6)  # fmt: skip


def test_the_snapshot_carries_the_configured_models_phrases(conn, tmp_path):
    store_phrases(conn, _vectors(["export to csv", "reset password"]), model=HASH_ID, day=DAY)
    store_phrases(conn, _vectors(["share a chart"]), model="test:other@16", day=DAY)
    folder = publish_snapshot(conn, tmp_path / "snapshot", embed_model=HASH_ID)
    table = pq.read_table(folder / "phrase_embeddings.parquet")
    assert sorted(table.column("text").to_pylist()) == ["export to csv", "reset password"]


def test_each_facet_map_is_told_as_it_is_done(conn, monkeypatch):
    """The 30-day demo's "topic maps" stage printed nothing for its minutes of building, then a
    line per facet at the end: `on_map` hears each facet's map before the next is built."""
    from tracetopics_pipeline.core.topics import maps

    texts, x, _ = corpus(k=4, per=30)
    load_summaries(conn, texts, x)
    events: list[tuple[str, str]] = []
    build_map = maps.build_map

    def recorded(*args, **kw):
        events.append(("build", kw["facet"]))
        return build_map(*args, **kw)

    monkeypatch.setattr(maps, "build_map", recorded)
    got = build_maps(
        conn, DAY, facets=[F("Task"), F("Other")], settings=Settings(min_summaries=50),
        on_map=lambda m: events.append(("told", m.facet)),
    )  # fmt: skip
    assert [m.facet for m in got] == ["Task", "Other"]
    assert got[0].status == "built"
    assert events == [("build", "Task"), ("told", "Task"), ("build", "Other"), ("told", "Other")]
