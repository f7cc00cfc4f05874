"""On-demand clustering of a filtered subset ("Cluster this subset by <facet>").

The subset's summaries go through the daily maps' own two-level code (`maps.cluster_levels`:
the same clustering, parents, keywords, contrast and labeller, `labeler_from_settings`), on the
embeddings the snapshot already holds (summary_embeddings by text hash), so a few thousand
traces take seconds: nothing is re-embedded unless a text is missing. A result can be kept
under a name (saved.py).

The answer's shape: `topics` (the subtopics, each with its `parent_id`) and `parents` (each
with its `subtopics`' ids), one id space as in a map; per trace (base64 columns, in `ids`
order) its position, subtopic, parent and distances to their centres.

Vectors are the configured model's (TRACETOPICS_EMBED_MODEL) only, cached or embedded now, so
one clustering never mixes two models; an endpoint model's calls respect the spend budget as
of the snapshot (they are not added to the warehouse's ledger: the explorer never writes it).
"""

from __future__ import annotations

import logging
import threading
import time
from collections import Counter
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb
import numpy as np

from tracetopics_pipeline.core.facets.definitions import (
    PACKAGED_FACETS,
    Facet,
    FacetConfigError,
    load_facets,
)
from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.spend.ledger import budget_from_ledger
from tracetopics_pipeline.core.topics.describe import TopicInfo, cluster_texts
from tracetopics_pipeline.core.topics.embed import registered_model_id
from tracetopics_pipeline.core.topics.embedders import Embedder, make_embedder
from tracetopics_pipeline.core.topics.hierarchy import group_topics
from tracetopics_pipeline.core.topics.labels.labellers import labeler_from_settings
from tracetopics_pipeline.core.topics.maps import cluster_levels, parent_kind
from tracetopics_pipeline.core.topics.phrases import remember_phrases
from tracetopics_pipeline.core.warehouse import EMBED_DIM
from tracetopics_pipeline.explorer.filters import TraceFilter
from tracetopics_pipeline.explorer.queries import MIN_MAP_POINTS, b64

log = logging.getLogger(__name__)
MIN_TEXTS = MIN_MAP_POINTS  # distinct summaries: one rule for every map (queries.py)
MAX_EMBED_ON_DEMAND = 500  # texts missing from the cache; beyond this they are skipped
SEED = 42


@lru_cache(maxsize=4)
def _facets(path: str, mtime_ns: int) -> list[Facet]:
    return load_facets(path)  # parsed once per version of the file (~0.3 s of YAML)


def _definition(facet: str, settings: Settings) -> Facet | None:
    """The facet's definition (labelled facets group by label value), None when unknown."""
    path = Path(settings.facets_file or PACKAGED_FACETS)
    try:
        facets = _facets(str(path), path.stat().st_mtime_ns)
    except (OSError, FacetConfigError) as e:
        log.warning("subset clustering without facet definitions: %s", e)
        return None
    return next((f for f in facets if f.name.lower() == facet.lower()), None)


def _fetch(
    cur: duckdb.DuckDBPyConnection,
    f: TraceFilter,
    facet: str,
    max_traces: int,
    default_label: str | None,
) -> tuple[list[str], list[str], list[str], list[str | None], int]:
    """(trace ids, text hashes, summaries, labels) of the subset, sampled deterministically;
    total. A labelled facet's excluded default-label rows count, as in the daily maps."""
    sql, params = f.sql()
    keep, extra = "s.status = 'ok'", []
    if default_label is not None:
        keep = "(s.status = 'ok' OR (s.status = 'excluded' AND coalesce(s.label, ?) = ?))"
        extra = [default_label, default_label]
    base = f"""
        SELECT s.trace_id, coalesce(s.text_hash, sha1(s.summary)) AS h, s.summary, s.label
        FROM facets s WHERE s.trace_id IN ({sql}) AND lower(s.facet) = lower(?)
          AND {keep} AND s.summary IS NOT NULL
    """
    args = [*params, facet, *extra]
    total = cur.execute(f"SELECT count(*) FROM ({base})", args).fetchone()[0]
    rows = cur.execute(
        f"SELECT * FROM ({base}) ORDER BY hash(trace_id), trace_id LIMIT ?", [*args, max_traces]
    ).fetchall()
    return (
        [r[0] for r in rows],
        [r[1] for r in rows],
        [r[2] for r in rows],
        [r[3] for r in rows],
        int(total),
    )


def _embeddings(
    cur: duckdb.DuckDBPyConnection, hashes: list[str], texts: dict[str, str], embedder: Embedder
) -> dict[str, np.ndarray]:
    """The configured model's cached vectors for the hashes; embeds a few missing ones with it."""
    model = registered_model_id(cur, embedder)
    found: dict[str, np.ndarray] = {}
    if model:
        tbl = cur.sql(
            "SELECT e.text_hash, e.embedding FROM summary_embeddings e "
            "WHERE e.text_hash IN (SELECT unnest(?::VARCHAR[])) AND e.model = ?",
            params=[hashes, model],
        ).to_arrow_table()
        if tbl.num_rows:
            flat = tbl.column("embedding").combine_chunks().flatten().to_numpy()
            mat = np.asarray(flat, dtype=np.float32).reshape(tbl.num_rows, -1)
            found = dict(zip(tbl.column("text_hash").to_pylist(), mat, strict=True))
    missing = [h for h in hashes if h not in found]
    if missing and len(missing) <= MAX_EMBED_ON_DEMAND:
        vecs = embedder.embed([texts[h] for h in missing])  # fewer rows if the budget refused
        found.update(zip(missing, vecs, strict=False))
    if len(missing) > MAX_EMBED_ON_DEMAND or embedder.usage.skipped_budget:
        log.warning(
            "subset clustering: %d texts have no %s vector; skipped",
            len(hashes) - len(found),
            model or embedder.name,
        )
    return found


_remembered: set[tuple[str, str]] = set()  # (snapshot, model) whose phrases are in memory


def _remember_phrases(
    cur: duckdb.DuckDBPyConnection, embedder: Embedder, snapshot: str | None
) -> None:
    """The daily maps' candidate-name vectors (the snapshot's phrase_embeddings) into this
    process's memo, so naming the subset embeds only phrases no map has seen."""
    model = registered_model_id(cur, embedder)
    if not model or (snapshot, model) in _remembered:
        return
    n = remember_phrases(cur, embedder, model=model)
    log.debug("subset clustering: %d stored phrase vectors in memory", n)
    if snapshot is not None:
        _remembered.add((snapshot, model))


def _topic(t: TopicInfo, size: int, n: int, level: str) -> dict[str, Any]:
    return {
        "topic_id": t.topic_id,
        "label": t.label,
        "level": level,
        "keywords": t.keywords,
        "size": size,
        "share": size / n if n else 0.0,
        "samples": t.representatives[:3],
    }


def _distance(x: np.ndarray, cents: np.ndarray, own: np.ndarray) -> np.ndarray:
    """Cosine distance of each row to its topic's centre (`own` = row of `cents`, -1: 1)."""
    if not len(cents):
        return np.ones(len(own), "<f4")
    d = 1.0 - np.einsum("ij,ij->i", x, cents[np.maximum(own, 0)])
    return np.where(own >= 0, d, 1.0).astype("<f4")


def cluster_subset(
    cur: duckdb.DuckDBPyConnection,
    f: TraceFilter,
    facet: str,
    *,
    max_traces: int = 5000,
    settings: Settings | None = None,
    snapshot: str | None = None,
) -> dict[str, Any]:
    """Cluster the filtered traces' `facet` summaries at both levels; the scatterplot and
    lists, in columns. `snapshot` names the snapshot `cur` reads (its stored phrase vectors are
    loaded once per snapshot; without it, on every call)."""
    started = time.perf_counter()
    settings = settings or Settings.from_env()
    definition = _definition(facet, settings)
    default = definition.default_label if parent_kind(definition) != "free" else None
    ids, hashes, summaries, values, total = _fetch(cur, f, facet, max_traces, default)
    text_of = dict(zip(hashes, summaries, strict=True))
    unique = sorted(text_of)  # sorted: the same subset gives the same topics in any order
    fetched = time.perf_counter()
    # The configured model: the cached vectors are its own, and it embeds the candidate names
    # too, as in the daily maps (names are compared with the topics' texts in one space).
    embedder = make_embedder(settings, budget=budget_from_ledger(cur, settings), in_child=True)
    if len(unique) >= MIN_TEXTS:
        embedder.prepare()  # a cold process loads the model beside the clustering below
    # Too few distinct texts: answer before touching embeddings (no model load).
    emb = _embeddings(cur, unique, text_of, embedder) if len(unique) >= MIN_TEXTS else {}
    if len(emb) >= MIN_TEXTS:
        _remember_phrases(cur, embedder, snapshot)
    unique = [h for h in unique if h in emb]
    embedded = time.perf_counter()
    out: dict[str, Any] = {
        "facet": facet,
        "n_traces": 0,
        "n_texts": len(unique),
        "matched": total,
        "sampled": total > len(ids),
        "topics": [],
        "parents": [],
        "x": "",
        "y": "",
        "topic_id": "",
        "parent_id": "",
        "ids": "",
    }
    if len(unique) < MIN_TEXTS:
        out["detail"] = (
            f"Only {len(unique)} distinct {facet} summaries in this subset; "
            f"at least {MIN_TEXTS} are needed to cluster."
        )
        out["seconds"] = time.perf_counter() - started
        return out
    # Per text: traces in the subset (names favour them) and its most frequent label value.
    traces = Counter(hashes)
    votes: dict[str, Counter[str | None]] = {}
    for h, v in zip(hashes, values, strict=True):
        votes.setdefault(h, Counter())[v] += 1
    x = np.stack([emb[h] for h in unique]).astype(np.float32)
    x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
    # The daily maps' own two levels: clustering, parents, describing and labeller.
    levels = cluster_levels(
        [text_of[h] for h in unique],
        x,
        values=[min(votes[h].items(), key=lambda kv: (-kv[1], kv[0] is None, kv[0]))[0]
                for h in unique],
        weights=[float(traces[h]) for h in unique],
        settings=settings,
        seed=SEED,
        labeler=labeler_from_settings(settings),
        facet=facet,
        definition=definition,
        embed=embedder.embed,
    )  # fmt: skip
    clustered = time.perf_counter()
    result, parents = levels.subs, levels.parents
    pos = {h: i for i, h in enumerate(unique)}
    keep = [i for i, h in enumerate(hashes) if h in pos]
    rows = np.array([pos[hashes[i]] for i in keep], dtype=np.int64)
    trace_subs = result.labels[rows].astype(np.int32)
    # Each trace's parent id (-1: no_match) and, for the saved subset's actions (representative
    # traces nearest the centre first, as the daily maps' do), distances to both centres.
    parent_of = np.array([*levels.parent_of, -1], dtype=np.int32)
    trace_parents = parent_of[trace_subs]
    p_index = {p.topic_id: q for q, p in enumerate(parents)}
    p_rows = np.array([p_index.get(int(p), -1) for p in trace_parents], dtype=np.int64)
    sub_cents = np.stack([t.centroid for t in result.topics]) if result.topics else np.zeros(0)
    par_cents = np.stack([p.centroid for p in parents]) if parents else np.zeros(0)
    n = len(keep)
    sub_count = np.bincount(trace_subs[trace_subs >= 0], minlength=len(result.topics))
    topics = [
        {**_topic(t, int(sub_count[t.topic_id]), n, "sub"), "parent_id": levels.parent_of[i]}
        for i, t in enumerate(result.topics)
    ]
    topics.sort(key=lambda t: (-t["size"], t["topic_id"]))
    by_parent: dict[int, list[int]] = {}
    for t in topics:
        by_parent.setdefault(t["parent_id"], []).append(t["topic_id"])
    plist = [
        {
            **_topic(p, int((trace_parents == p.topic_id).sum()), n, "parent"),
            "subtopics": by_parent.get(p.topic_id, []),
        }
        for p in parents
    ]
    plist.sort(key=lambda t: (-t["size"], t["topic_id"]))
    no_match = int((trace_subs < 0).sum())
    out.update(
        n_traces=n,
        no_match=no_match,
        no_match_share=no_match / n if n else 0.0,
        topics=topics,
        parents=plist,
        x=b64(result.coords[rows, 0].astype("<f4")),
        y=b64(result.coords[rows, 1].astype("<f4")),
        topic_id=b64(trace_subs.astype("<i4")),
        parent_id=b64(trace_parents.astype("<i4")),
        distance=b64(_distance(x[rows], sub_cents, trace_subs)),
        parent_distance=b64(_distance(x[rows], par_cents, p_rows)),
        ids="\n".join(ids[i] for i in keep),
        seconds=time.perf_counter() - started,
        timings={
            "fetch": fetched - started,
            "embeddings": embedded - fetched,
            "cluster": clustered - embedded,
        },
    )
    return out


def warm_up() -> threading.Thread:
    """Load what a first "Cluster this subset" needs in the background, so the click is fast.

    Two threads side by side (2 cores; a click right after start needs both): a small
    `cluster_texts` run and the parents' grouping import scikit-learn, SciPy, UMAP and HDBSCAN
    and load numba's compiled code from the disk cache (core/topics/jit.py; in the first
    process after an install it compiles and fills that cache instead, minutes on a busy
    2-core machine) and the facet file is parsed, while the other waits for the configured
    local model to load in its child process (embedders/sidecar.py), which names the topics. An
    endpoint model is not called: nothing is sent before a user asks. The returned thread ends
    when both have.
    """
    settings = Settings.from_env()

    def clustering() -> None:
        rng = np.random.default_rng(0)
        n = 300
        x = rng.normal(size=(n, EMBED_DIM)).astype(np.float32)
        words = [f"w{i}" for i in range(60)]
        texts = [" ".join(rng.choice(words, 6)) + f" {i}" for i in range(n)]
        cluster_texts(texts, x, settings=settings, seed=SEED)
        group_topics(x[:8], x[:8, :16], np.ones(8))  # random words give too few topics for it
        _definition("Task", settings)  # the facet file, parsed once

    def model() -> None:
        if not settings.embeds_via_endpoint:  # random words give no candidate names
            make_embedder(settings, in_child=True).embed(["load the model", "name a topic"])

    def best_effort(step: Callable[[], None]) -> None:
        try:
            step()
        except Exception as e:  # warm-up is best effort
            log.debug("warm-up failed: %s", e)

    def run() -> None:
        steps = [
            threading.Thread(target=best_effort, args=(f,), daemon=True)
            for f in (model, clustering)
        ]
        for t in steps:
            t.start()
        for t in steps:
            t.join()

    t = threading.Thread(target=run, name="tracetopics-warmup", daemon=True)
    t.start()
    return t
