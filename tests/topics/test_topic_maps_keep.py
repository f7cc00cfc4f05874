"""A kept map (maps.build_map `keep_unchanged`) is one a rebuild would give again and reports what
a built one does (review rv5): a stopgap build (labeller down or over budget, embedder stopped
by the budget) is rebuilt by the next run; a kept map's parents are shares of traces."""

from __future__ import annotations

import json
import re
from datetime import date
from types import SimpleNamespace

import pytest
from factories import insert_rows
from factories.corpus import F, corpus, load_summaries

from tracetopics_pipeline.core.facets.definitions import text_hash
from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.topics import maps
from tracetopics_pipeline.core.topics.labels.labellers import OpenAILabeler
from tracetopics_pipeline.core.topics.maps import build_maps

DAY = date(2026, 11, 1)
SETTINGS = Settings(min_summaries=100, window_days=30)
WORDS = ["Alpine", "Baltic", "Coastal", "Desert", "Eastern", "Forest", "Glacier", "Harbour",
         "Island", "Jungle", "Lagoon", "Meadow", "Northern", "Oasis", "Prairie", "Quarry"]  # fmt: skip


class Endpoint:
    """A chat endpoint that is down until `up` is set, then names every id it is asked for."""

    def __init__(self) -> None:
        self.up = False
        self.half = False  # up, but naming only half the ids asked for
        self.chat = SimpleNamespace(completions=SimpleNamespace(create=self.create))

    def create(self, *, messages, **_):
        if not self.up:
            raise ConnectionError("endpoint down")
        ids = re.findall(r"## (?:Cluster|Group) id (\d+)", messages[-1]["content"])
        ids = ids[: len(ids) // 2] if self.half else ids
        group = "Group id" in messages[-1]["content"]
        labels = [
            {"id": int(i), "label": f"{WORDS[int(i) % 16]} {'travel plans' if group else 'ferry bookings'}"}
            for i in ids
        ]  # fmt: skip
        content = json.dumps({"labels": labels})
        return SimpleNamespace(
            usage=None, choices=[SimpleNamespace(message=SimpleNamespace(content=content))]
        )


def _labels(conn) -> list[str]:
    return [r[0] for r in conn.execute("SELECT label FROM topics ORDER BY ALL").fetchall()]


def test_a_map_named_while_the_labeller_was_down_is_not_kept_once_it_is_up(conn):
    texts, x, _ = corpus(k=4, per=40, groups=2)  # two parents
    load_summaries(conn, texts, x)
    endpoint = Endpoint()
    lab = OpenAILabeler(client=endpoint, max_retries=0)
    build_maps(conn, DAY, facets=[F("Task")], settings=SETTINGS, labeler=lab, keep_unchanged=True)
    assert lab.failures > 0
    fallback = _labels(conn)
    endpoint.up = True
    lab = OpenAILabeler(client=endpoint, max_retries=0)
    [kept] = build_maps(
        conn, DAY, facets=[F("Task")], settings=SETTINGS, labeler=lab, keep_unchanged=True
    )
    assert not kept.kept and _labels(conn) != fallback  # rebuilt: the endpoint's names now
    assert kept.status == "built"
    [again] = build_maps(
        conn, DAY, facets=[F("Task")], settings=SETTINGS, labeler=lab, keep_unchanged=True
    )
    assert again.kept  # a whole build is kept as before


def test_a_map_a_reply_named_in_part_is_not_kept_once_the_endpoint_names_all(conn):
    """Review rv6 K1: a valid reply that leaves ids unnamed (or names them badly) gave those
    topics local names without counting a fallback, so the map was kept with them for good."""
    texts, x, _ = corpus(k=4, per=40, groups=2)  # two parents
    load_summaries(conn, texts, x)
    endpoint = Endpoint()
    endpoint.up = endpoint.half = True
    lab = OpenAILabeler(client=endpoint, max_retries=0)
    build_maps(conn, DAY, facets=[F("Task")], settings=SETTINGS, labeler=lab, keep_unchanged=True)
    assert lab.failures == 0 and lab.unnamed > 0
    partial = _labels(conn)
    endpoint.half = False
    lab = OpenAILabeler(client=endpoint, max_retries=0)
    [rebuilt] = build_maps(
        conn, DAY, facets=[F("Task")], settings=SETTINGS, labeler=lab, keep_unchanged=True
    )
    assert not rebuilt.kept and _labels(conn) != partial and lab.unnamed == 0
    [again] = build_maps(
        conn, DAY, facets=[F("Task")], settings=SETTINGS, labeler=lab, keep_unchanged=True
    )
    assert again.kept


def test_a_map_of_a_budget_cut_sample_is_not_kept_once_every_text_has_a_vector(conn, monkeypatch):
    texts, x, _ = corpus(k=4, per=40)  # 160 texts
    load_summaries(conn, texts, x)
    # The embedder's budget stopped it: 40 of the 160 sampled texts have no vector yet.
    gone = [text_hash(t) for t in texts[::4]]
    saved = conn.execute(
        "SELECT * FROM summary_embeddings WHERE text_hash IN (SELECT unnest(?::VARCHAR[]))",
        [gone],
    ).fetchall()
    conn.execute(
        "DELETE FROM summary_embeddings WHERE text_hash IN (SELECT unnest(?::VARCHAR[]))", [gone]
    )
    monkeypatch.setattr(maps.embed, "ensure_embeddings", lambda *a, **k: 0)  # refused
    [a] = build_maps(conn, DAY, facets=[F("Task")], settings=SETTINGS, keep_unchanged=True)
    assert a.status == "built" and a.n_docs == 120  # built from 120 of 160 (>= min_summaries)
    monkeypatch.undo()
    cols = len(saved[0])
    conn.executemany(f"INSERT INTO summary_embeddings VALUES ({', '.join('?' * cols)})", saved)
    [b] = build_maps(conn, DAY, facets=[F("Task")], settings=SETTINGS, keep_unchanged=True)
    assert not b.kept and b.n_docs == 160, (b.kept, b.n_docs)
    [c] = build_maps(conn, DAY, facets=[F("Task")], settings=SETTINGS, keep_unchanged=True)
    assert c.kept and c.n_docs == 160


def test_a_kept_map_reports_its_parents_shares_of_traces_as_a_built_one(conn):
    texts, x, _ = corpus(k=4, per=40, groups=2)  # two parents
    load_summaries(conn, texts, x)
    # One text of the first topic is 300 traces (as "No issue" is one text, most traces).
    rows = [
        {"day": DAY, "trace_id": f"dup-{i:04d}", "facet": "Task", "summary": texts[0],
         "status": "ok", "text_hash": text_hash(texts[0])}
        for i in range(300)
    ]  # fmt: skip
    insert_rows(conn, "facet_summaries", rows)
    [a] = build_maps(conn, DAY, facets=[F("Task")], settings=SETTINGS, keep_unchanged=True)
    [b] = build_maps(conn, DAY, facets=[F("Task")], settings=SETTINGS, keep_unchanged=True)
    assert b.kept
    # as a build reports them: shares of traces (the 300-trace text's parent first), not of texts
    assert b.metadata()["parents"] == a.metadata()["parents"]
    assert b.parents[0][1] > 0.8


def test_an_upgraded_clustering_library_rebuilds_the_map(monkeypatch: pytest.MonkeyPatch) -> None:
    """The kept-map digest carries the versions of the libraries a map is computed with: an
    upgraded umap-learn may cut differently, so the same texts must not keep the old map
    (review rv5 M2)."""
    import importlib.metadata as md

    monkeypatch.setattr(maps, "_CODE_DIGEST", None)
    before = maps._code_digest()
    real = md.version
    monkeypatch.setattr(md, "version", lambda n: "99.0" if n == "umap-learn" else real(n))
    monkeypatch.setattr(maps, "_CODE_DIGEST", None)
    assert maps._code_digest() != before


def test_a_kept_map_draws_the_picture_a_build_draws(conn) -> None:
    """Dagster shows each map's picture: a kept day must not come without one (review rv5 M1)."""
    texts, x, _ = corpus(k=4, per=40)
    load_summaries(conn, texts, x)
    [built] = build_maps(conn, DAY, facets=[F("Task")], settings=SETTINGS, keep_unchanged=True)
    [kept] = build_maps(conn, DAY, facets=[F("Task")], settings=SETTINGS, keep_unchanged=True)
    assert kept.kept and not built.kept
    assert kept.png is not None and kept.png.startswith(b"\x89PNG")
    assert kept.png[16:24] == built.png[16:24]  # the same width and height (IHDR)
    assert abs(len(kept.png) - len(built.png)) < 0.05 * len(built.png)  # points drawn alike


# ------------------------------------------------ what the digest holds (the rerun2 leftovers)


def test_a_setting_that_does_not_shape_a_map_or_a_resaved_override_keeps_it(conn) -> None:
    """Only what shapes a map is digested: an explorer-only setting (its hosts, the webserver
    link), a `tracetopics sql` limit or a memory limit is not; an override is digested by what it
    says, so saving the same rename again (a new `updated_at`) keeps the map. A setting the map
    is built with still rebuilds it."""
    from dataclasses import replace

    from tracetopics_pipeline.core.topics.report import set_topic_override

    texts, x, _ = corpus(k=4, per=40)
    load_summaries(conn, texts, x)

    def run(settings=SETTINGS):
        return build_maps(conn, DAY, facets=[F("Task")], settings=settings, keep_unchanged=True)[0]

    run()
    elsewhere = replace(
        SETTINGS, explorer_hosts=("tt.example.org",), dagster_webserver_url="http://tt:3000",
        sql_max_rows=10, memory_limit=3 * 10**9, lock_wait_s=5.0, alert_min_volume=3,
        embed_queue="gpu", no_match_warn_share=0.5,
    )  # fmt: skip
    assert run(elsewhere).kept
    tid = conn.execute("SELECT min(topic_id) FROM topics WHERE level = 'sub'").fetchall()[0][0]
    set_topic_override(conn, "Task", tid, label="Dashboard exports")
    assert not run().kept  # a new override: rebuilt
    stamp = conn.execute("SELECT updated_at FROM topic_overrides").fetchall()
    set_topic_override(conn, "Task", tid, label="Dashboard exports")  # saved again, unchanged
    assert conn.execute("SELECT updated_at FROM topic_overrides").fetchall() != stamp
    assert run().kept
    set_topic_override(conn, "Task", tid, pinned=True)  # what it says changed: rebuilt
    assert not run().kept
    for shaping in ({"min_summaries": 50}, {"algorithm": "kmeans"}, {"max_sample": 150}):
        assert not run(replace(SETTINGS, **shaping)).kept, shaping


def _settings_read(files) -> set[str]:
    """Settings fields the files read: `settings.x`, `env.x`, `Settings.from_env().x`."""
    import ast
    from dataclasses import fields

    from tracetopics_pipeline.core.settings import Settings

    names = {f.name for f in fields(Settings)} | {"embeds_via_endpoint", "uses_endpoint"}
    out = set()
    for path in files:
        if path.suffix != ".py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Attribute) or node.attr not in names:
                continue
            v = node.value
            if (isinstance(v, ast.Name) and v.id in ("settings", "env", "s")) or (
                isinstance(v, ast.Call) and getattr(v.func, "attr", "") == "from_env"
            ):
                out.add(node.attr)
    return out


def test_every_setting_the_topic_stage_reads_is_digested_or_said_not_to_shape_a_map() -> None:
    """The digest names the settings that shape a map (maps.MAP_SETTINGS); every setting the
    map's code reads (its modules and their imports, as the code digest finds them) is either
    one of them or said not to shape a map, and why (maps.SETTINGS_NOT_SHAPING): a new knob
    must be placed before it can be read."""
    from dataclasses import fields

    from tracetopics_pipeline.core.digest import source_files
    from tracetopics_pipeline.core.settings import Settings

    read = _settings_read(source_files(*maps.MAP_MODULES))
    assert {"window_days", "algorithm", "no_match_distance", "embed_model"} <= read  # found
    placed = set(maps.MAP_SETTINGS) | set(maps.SETTINGS_NOT_SHAPING)
    assert read <= placed, sorted(read - placed)
    assert not set(maps.MAP_SETTINGS) & set(maps.SETTINGS_NOT_SHAPING)
    assert set(maps.MAP_SETTINGS) <= {f.name for f in fields(Settings)}
    assert "explorer_hosts" not in maps.MAP_SETTINGS


def test_a_kept_map_reports_the_names_and_lineage_keys_a_built_map_reports(conn) -> None:
    """Dagster plots each map's names_kept, renamed_* and lineage_* per day: a kept day reports
    them as its build did, not a gap (review rv5 leftover)."""
    texts, x, _ = corpus(k=4, per=40)
    load_summaries(conn, texts, x)
    build_maps(conn, DAY, facets=[F("Task")], settings=SETTINGS, keep_unchanged=True)
    nxt = date(2026, 11, 2)
    load_summaries(conn, texts[:60], x[:60], prefix="next", start=nxt)
    [built] = build_maps(conn, nxt, facets=[F("Task")], settings=SETTINGS, keep_unchanged=True)
    [kept] = build_maps(conn, nxt, facets=[F("Task")], settings=SETTINGS, keep_unchanged=True)
    assert kept.kept and not built.kept
    b, k = built.metadata(), kept.metadata()
    prefixes = ("names_kept", "renamed", "continued_", "lineage_")
    plotted = [key for key in b if key.startswith(prefixes)]
    assert {"names_kept", "renamed_subtopics", "lineage_continued"} <= set(plotted)
    assert {key: k.get(key) for key in plotted} == {key: b[key] for key in plotted}
    assert set(k) == set(b)
