"""The topic-map stage: per facet, the trailing window's summaries → a two-level map with
stable ids.

`build_maps` reads the window's ok summaries (a deterministic bottom-k sample by text hash),
clusters them with `describe.cluster_texts` (the fine level, `level = 'sub'`) and groups the
fine topics into parents (`level = 'parent'`): by `hierarchy.group_topics` for free-text facets,
by label value for labelled facets (the competitor for a facet whose summaries are
"<Name>: ..."), the default label being a parent of its own named by the facet's `none_label`.
Both levels share one id space per facet. Ids are matched (`identity`) to the reference map:
the same day's map being replaced, else the nearest map of the facet in time, in either
direction, so re-running or backfilling any day in any order with unchanged input gives the
same ids. Human overrides are re-applied at both levels; `topic_maps`, `topics`,
`topic_points` and `topic_lineage` are written in one transaction.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, is_dataclass
from datetime import UTC, date, timedelta
from typing import TYPE_CHECKING, Any

import numpy as np
import polars as pl

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.digest import code_digest
from tracetopics_pipeline.core.facets.tool_error import call_class, name_class
from tracetopics_pipeline.core.settings import MIN_SUMMARIES_ENV
from tracetopics_pipeline.core.spend import ledger
from tracetopics_pipeline.core.topics import embed, hierarchy
from tracetopics_pipeline.core.topics.ctfidf import ctfidf_keywords
from tracetopics_pipeline.core.topics.describe import (
    N_REPRESENTATIVES,
    ClusterResult,
    TopicInfo,
    cluster_texts,
    describe,
)
from tracetopics_pipeline.core.topics.embedders import Embedder, make_embedder
from tracetopics_pipeline.core.topics.embedders.memo import memoized, recording
from tracetopics_pipeline.core.topics.identity import LineageRow, Matching, TopicSide, match_topics
from tracetopics_pipeline.core.topics.labels.audit import repeats_parent
from tracetopics_pipeline.core.topics.labels.cleaning import (
    OTHER_ERRORS,
    OTHER_TOOLS,
    call_class_name,
    call_group_name,
    label_parent_name,
    labelled_text,
    own_part,
    readable_value,
)
from tracetopics_pipeline.core.topics.labels.context import WordContext, word_context
from tracetopics_pipeline.core.topics.labels.grammar import (
    case_statement,
    label_problems,
    verb_forms,
)
from tracetopics_pipeline.core.topics.labels.labellers import (
    Labeler,
    ParentDescription,
    name_parents,
)
from tracetopics_pipeline.core.topics.labels.naming import (
    LABELLED_NAMING,
    EmbedFn,
    naming_inputs,
)
from tracetopics_pipeline.core.topics.labels.support import parent_support, word_support
from tracetopics_pipeline.core.topics.names_kept import NamesKept, keep_names, renames
from tracetopics_pipeline.core.topics.phrases import store_phrases
from tracetopics_pipeline.core.topics.pictures import map_png, topics_markdown
from tracetopics_pipeline.core.warehouse import NO_MATCH, first_row, query_pl
from tracetopics_pipeline.core.wording import plural

if TYPE_CHECKING:
    import duckdb

    from tracetopics_pipeline.core.settings import Settings


@dataclass
class MapStats:
    facet: str
    map_id: str
    status: str  # built | waiting
    detail: str = ""
    n_docs: int = 0
    n_topics: int = 0
    n_parents: int = 0
    parents: list[tuple[str, float]] = field(default_factory=list)  # (label, share of traces)
    no_match_share: float = 0.0
    seconds: float = 0.0
    cluster_seconds: float = 0.0
    embedded_now: int = 0
    embed_model: str = ""
    prev_map_id: str | None = None
    lineage: dict[str, int] = field(default_factory=dict)
    png: bytes | None = None
    markdown: str = ""
    names: NamesKept = field(default_factory=NamesKept)  # renamed vs the previous day's map
    kept: bool = False  # the day's map was already built from the same inputs: not rebuilt
    kept_names: dict[str, Any] | None = None  # a kept map: what its build said of its names

    def metadata(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "facet": self.facet,
            "map_id": self.map_id,
            "status": self.status,
            "detail": self.detail,
            "n_docs": self.n_docs,
            "n_topics": self.n_topics,
            "n_parents": self.n_parents,
            "parents": "; ".join(f"{lab} {share:.1%}" for lab, share in self.parents),
            "no_match_share": round(self.no_match_share, 4),
            "seconds": round(self.seconds, 2),
            "cluster_seconds": round(self.cluster_seconds, 2),
            "embedded_now": self.embedded_now,
            "embed_model": self.embed_model,
            "prev_map_id": self.prev_map_id or "",
        }
        for kind, count in self.lineage.items():
            d[f"lineage_{kind}"] = count
        d["kept"] = self.kept
        if self.status == "built":  # a kept map says what its build said (Dagster plots them)
            d.update(self.kept_names if self.kept_names is not None else self.names.metadata())
        return d


def map_id_for(facet: str, day: date) -> str:
    return f"{facet}@{day.isoformat()}"


def previous_map(conn: duckdb.DuckDBPyConnection, facet: str, day: date) -> str | None:
    row = first_row(
        conn,
        """SELECT map_id FROM topic_maps WHERE facet = ? AND status = 'built' AND day < ?
           ORDER BY day DESC, built_at DESC LIMIT 1""",
        [facet, day],
    )
    return row[0] if row else None


def reference_map(conn: duckdb.DuckDBPyConnection, facet: str, day: date) -> str | None:
    """The map whose ids a rebuild of `day` keeps: that day's own map when it exists (a re-run),
    else the nearest built map of the facet in time, earlier or later (a backfill of a day
    before the first map must not mint fresh ids for topics the later maps already name)."""
    row = first_row(
        conn,
        """SELECT map_id FROM topic_maps WHERE facet = ? AND status = 'built'
           ORDER BY abs(date_diff('day', day, ?::DATE)), day DESC, built_at DESC LIMIT 1""",
        [facet, day],
    )
    return row[0] if row else None


# Every map's place in "latest first" order, as a relation (map_id, sort_key): its day, then
# its id for maps of one day. A topic's visible name is its label in the latest map that has
# it: report.TOPIC_LATEST (every listing) and classify.fold_same_names (which ids read alike)
# read this one key, so the fold and the listings cannot disagree on which name is current.
MAP_SORT_KEYS = """(SELECT DISTINCT tp2.map_id,
                 coalesce(strftime(m.day, '%Y-%m-%d'), '') || tp2.map_id AS sort_key
          FROM topics tp2 LEFT JOIN topic_maps m ON m.map_id = tp2.map_id)"""


def current_map(conn: duckdb.DuckDBPyConnection, facet: str, day: date | None = None) -> str | None:
    """The latest built map of `facet` (on or before `day` when given)."""
    row = first_row(
        conn,
        """SELECT map_id FROM topic_maps WHERE facet = ? AND status = 'built'
           AND (?::DATE IS NULL OR day <= ?::DATE)
           ORDER BY day DESC, built_at DESC LIMIT 1""",
        [facet, day, day],
    )
    return row[0] if row else None


def map_model(conn: duckdb.DuckDBPyConnection, map_id: str) -> str | None:
    """The model id of the vectors a map was built from."""
    row = first_row(conn, "SELECT embed_model FROM topic_maps WHERE map_id = ?", [map_id])
    return row[0] if row else None


def _side(
    conn: duckdb.DuckDBPyConnection, map_id: str, level: str, *, model: str, dim: int
) -> TopicSide | None:
    """One level of a stored map as identity sees it (a parent's members: its children's).
    Built with another model, its centroids live in another space: identity then goes by
    shared members only (zero centroids)."""
    tops = query_pl(
        conn,
        """SELECT t.topic_id, t.centroid, coalesce(o.pinned, false) AS pinned
           FROM topics t LEFT JOIN topic_overrides o ON o.facet = t.facet AND o.topic_id = t.topic_id
           WHERE t.map_id = ? AND coalesce(t.level, 'sub') = ? ORDER BY t.topic_id""",
        [map_id, level],
    )
    if len(tops) == 0:
        return None
    col = "parent_id" if level == "parent" else "topic_id"
    pts = conn.execute(
        f"SELECT {col}, text_hash FROM topic_points WHERE map_id = ? AND {col} >= 0", [map_id]
    ).fetchall()
    ids = tops["topic_id"].to_list()
    index = {t: i for i, t in enumerate(ids)}
    members: list[set[str]] = [set() for _ in ids]
    for tid, h in pts:
        if tid in index:
            members[index[tid]].add(h)
    if map_model(conn, map_id) == model:
        cents = embed.vectors(tops["centroid"])
    else:
        cents = np.zeros((len(ids), dim), dtype=np.float32)
    pinned = {t for t, p in zip(ids, tops["pinned"].to_list(), strict=True) if p}
    return TopicSide(ids, cents, members, pinned)


def _next_id(conn: duckdb.DuckDBPyConnection, facet: str) -> int:
    row = first_row(
        conn,
        """SELECT max(m) FROM (
             SELECT max(topic_id) AS m FROM topics WHERE facet = ?
             UNION ALL SELECT max(topic_id) FROM topic_lineage WHERE facet = ?
             UNION ALL SELECT max(topic_id) FROM topic_overrides WHERE facet = ?)""",
        [facet, facet, facet],
    )
    return 0 if row is None or row[0] is None else int(row[0]) + 1


def _map_labels(
    conn: duckdb.DuckDBPyConnection, map_id: str | None, *, machine_only: bool = False
) -> dict[int, str]:
    """Every topic's label in `map_id` (both levels); `machine_only`: not a person's rename."""
    if not map_id:
        return {}
    return dict(
        conn.execute(
            """SELECT topic_id, label FROM topics WHERE map_id = ?
               AND (NOT ? OR coalesce(label_source, '') <> 'override')""",
            [map_id, machine_only],
        ).fetchall()
    )


def _apply_overrides(
    conn: duckdb.DuckDBPyConnection,
    facet: str,
    prev_labels: dict[int, str],
    topics: list[TopicInfo],
) -> None:
    """Human renames win; a pinned topic without a rename keeps its previous label (from
    `prev_labels`, the reference map's). Parents and subs alike: they share the facet's id
    space."""
    rows = conn.execute(
        "SELECT topic_id, label, pinned FROM topic_overrides WHERE facet = ?", [facet]
    ).fetchall()
    overrides = {int(t): (label, bool(p)) for t, label, p in rows}
    keep_auto = "auto_label" in warehouse.column_names(conn, "topic_overrides")
    for t in topics:
        if t.topic_id not in overrides:
            continue
        label, pinned = overrides[t.topic_id]
        t.pinned = pinned
        if label:
            if keep_auto:  # the map's own name, for `topic rename --auto`
                conn.execute(
                    "UPDATE topic_overrides SET auto_label = ? WHERE facet = ? AND topic_id = ?",
                    [t.label, facet, t.topic_id],
                )
            t.label, t.label_source = label, "override"
        elif pinned and t.topic_id in prev_labels:
            t.label, t.label_source = prev_labels[t.topic_id], "pinned"


def built_from(n_parents: int, n_topics: int, n_docs: int, unique: int | None = None) -> str:
    """'4 parents, 12 topics from 2,818 unique summaries in the window' (`unique`: the window's
    distinct summaries, said once when the map saw them all: '2,000 of 2,818 ...' else)."""
    seen = f"{n_docs:,}" if unique is None or n_docs >= unique else f"{n_docs:,} of {unique:,}"
    where = " unique summaries in the window" if unique is not None else " summaries"
    return f"{plural(n_parents, 'parent')}, {plural(n_topics, 'topic')} from {seen}{where}"


def _window_texts(
    conn: duckdb.DuckDBPyConnection,
    facet: str,
    start: date,
    end: date,
    limit: int,
    default_label: str | None = None,
) -> tuple[int, pl.DataFrame]:
    """(unique summaries in the window, bottom-`limit` sample by text hash), each text with its
    trace count `n` and its most frequent label `value`.

    A bottom-k sample by hash is uniform and stable: a text sampled today stays sampled
    tomorrow while it is in the window, which keeps consecutive maps comparable. For a labelled
    facet the default label's texts count too even when excluded ("NONE"): they are the
    default label's parent.
    """
    keep = "status = 'ok'"
    params: list[Any] = [facet, start, end]
    if default_label is not None:
        # an excluded row without a label (a facet of names, "NONE") is the default label's
        keep = "(status = 'ok' OR (status = 'excluded' AND coalesce(label, ?) = ?))"
        params = [facet, default_label, default_label, start, end]
    where = f"""facet = ? AND {keep} AND summary IS NOT NULL AND day BETWEEN ? AND ?"""
    total = conn.execute(
        f"SELECT count(DISTINCT {embed.HASH_SQL}) FROM facet_summaries WHERE {where}", params
    ).fetchall()[0][0]
    sample = query_pl(
        conn,
        f"""WITH rows AS (
              SELECT {embed.HASH_SQL} AS text_hash, summary, label FROM facet_summaries
              WHERE {where}),
            texts AS (
              SELECT text_hash, min(summary) AS text, count(*) AS n FROM rows
              GROUP BY 1 ORDER BY 1 LIMIT ?),
            votes AS (
              SELECT text_hash, label, count(*) AS c FROM rows
              WHERE text_hash IN (SELECT text_hash FROM texts) GROUP BY 1, 2)
            SELECT t.text_hash, t.text, t.n,
                   (SELECT v.label FROM votes v WHERE v.text_hash = t.text_hash
                    ORDER BY v.c DESC, v.label NULLS LAST LIMIT 1) AS value
            FROM texts t ORDER BY t.text_hash""",
        [*params, limit],
    )
    return int(total or 0), sample


def _window_traces(
    conn: duckdb.DuckDBPyConnection,
    facet: str,
    start: date,
    end: date,
    default_label: str | None = None,
) -> int:
    """The traces behind the window's summaries (`_window_texts` counts distinct texts)."""
    keep, params = "status = 'ok'", [facet, start, end]
    if default_label is not None:
        keep = "(status = 'ok' OR (status = 'excluded' AND coalesce(label, ?) = ?))"
        params = [facet, default_label, default_label, start, end]
    where = f"facet = ? AND {keep} AND summary IS NOT NULL AND day BETWEEN ? AND ?"
    return int(conn.execute(f"SELECT count(*) FROM facet_summaries WHERE {where}", params)
               .fetchall()[0][0] or 0)  # fmt: skip


def build_maps(
    conn: duckdb.DuckDBPyConnection,
    day: date,
    *,
    facets: list[Any],
    settings: Settings,
    labeler: Labeler | None = None,
    embedder: Embedder | None = None,
    keep_unchanged: bool = False,
    on_map: Callable[[MapStats], None] | None = None,
) -> list[MapStats]:
    """Build (or rebuild, idempotently) the map of each facet for `day`, from the configured
    model's vectors; what the labeller spent goes to the ledger after each map, the vectors of
    the phrases it named with to `phrase_embeddings` (phrases.py). `keep_unchanged`: a day's map
    already built from the same inputs (`map_inputs`) is kept, not rebuilt. `on_map` hears each
    facet's map as it is done: the run's progress (a demo day's maps take minutes)."""
    embedder = embedder or make_embedder(settings)
    out = []
    for f in facets:
        with recording(embedder) as named_with:  # the names' phrases, kept for later namings
            stats = build_map(
                conn,
                day,
                facet=f.name if hasattr(f, "name") else str(f),
                settings=settings,
                labeler=labeler,
                embedder=embedder,
                definition=f if hasattr(f, "name") else None,
                keep_unchanged=keep_unchanged,
            )
        out.append(stats)
        ledger.record(conn, getattr(labeler, "budget", None))
        if stats.status == "built":
            store_phrases(conn, named_with, model=stats.embed_model, day=day)
        if on_map is not None:
            on_map(stats)
    return out


# A labelled facet's texts: the parent is the label value, or for a facet whose summaries are
# "<Name>: ..." (Competitor mention) the name. A name seen in fewer texts than this is a rare
# capture (`labelled_keys`).
MIN_SUB_TEXTS = 8
# A labelled subtopic holds at least this many traces (a text seen n times counts n times); a
# label with fewer than twice as many is one subtopic.
MIN_SUB_TRACES = 8
# A labelled facet's texts are clustered (then cut by label) from this many distinct texts
# on, and from TRACETOPICS_MIN_SUMMARIES when it is set higher; below it each label is one
# piece. It was the floor's default (100) when the floor fell to 50 (docs/benchmarks.md "A
# pilot's first map"): labelled maps stay as they were.
LABELLED_CLUSTER_MIN = 100
# A reason split from a label by distance (`_split_by_distance`) under this share of the
# label's traces joins a bigger one it shares a word with ("praised the agent" beside "user
# praised the agent"); one that shares none stays its own (each thing an agent refused).
SPLIT_SHARE = 0.1


def parent_kind(definition: Any | None) -> str:
    """'label' (fixed labels), 'head' (rules writing "{name}: ..." or, for a named switch,
    "{provider}: ...": rules.apply_rules) or 'free' (free text)."""
    if definition is None:
        return "free"
    if getattr(definition, "labels", None):
        return "label"
    rules = getattr(definition, "rules", ()) or ()
    if rules and all(r.summary.lstrip().startswith(("{name}:", "{provider}:")) for r in rules):
        return "head"
    return "free"


@dataclass
class Parents:
    """A map's parent level, before ids: the parent of each fine topic and each parent's name."""

    of_topic: np.ndarray  # (k,) parent index per fine topic
    labels: list[str]
    sources: list[str]
    params: dict[str, Any] = field(default_factory=dict)
    # labelled facets: each fine topic's parent_key (topics.facet_label); keys that read alike
    # share a parent, so a parent may stand for several
    topic_keys: list[str] | None = None


def build_map(
    conn: duckdb.DuckDBPyConnection,
    day: date,
    *,
    facet: str,
    settings: Settings,
    labeler: Labeler | None = None,
    seed: int = 42,
    embedder: Embedder | None = None,
    definition: Any | None = None,
    keep_unchanged: bool = False,
) -> MapStats:
    t0 = time.perf_counter()
    map_id = map_id_for(facet, day)
    start = day - timedelta(days=max(1, settings.window_days) - 1)
    kind = parent_kind(definition)
    # Every labelled facet (fixed labels or names) shows its default label as a parent.
    default = getattr(definition, "default_label", None) if kind != "free" else None
    total, sample = _window_texts(conn, facet, start, day, settings.max_sample, default)
    stats = MapStats(facet=facet, map_id=map_id, status="waiting", n_docs=total)
    # A labelled facet always has its labels to show, however few its summaries (Sentiment).
    needed = 1 if kind != "free" else settings.min_summaries
    if total < needed:
        traces = _window_traces(conn, facet, start, day, default)
        stats.detail = (
            f"waiting for facets: {plural(total, 'distinct summary', 'distinct summaries')} "
            f"of {plural(traces, 'trace')} in the window; a map needs {needed:,} "
            f"({MIN_SUMMARIES_ENV})"
        )
        return _waiting(conn, stats, start, day, settings, t0)

    embedder = embedder or make_embedder(settings)
    inputs = map_inputs(
        conn, facet, day, sample, total, settings=settings, definition=definition,
        labeler=labeler, embedder=embedder, seed=seed,
    )  # fmt: skip
    if keep_unchanged and _keep(conn, map_id, inputs, stats, sample):
        stats.seconds = time.perf_counter() - t0
        return stats
    stats.embedded_now = embed.ensure_embeddings(conn, sample, settings=settings, embedder=embedder)
    model = embed.registered_model_id(conn, embedder) or ""
    stats.embed_model = model
    hashes, x = embed.load_embeddings(conn, sample["text_hash"].to_list(), model=model)
    if len(hashes) < min(settings.min_summaries, len(sample)):
        # The spend budget stopped the embedder: wait rather than map a biased few.
        stats.detail = (
            f"waiting for vectors: {len(hashes):,}/{len(sample):,} sampled summaries embedded "
            f"with {model or embedder.name}"
        )
        return _waiting(conn, stats, start, day, settings, t0)
    row_of = {h: i for i, h in enumerate(sample["text_hash"].to_list())}
    rows = [row_of[h] for h in hashes]
    texts = [sample["text"][i] for i in rows]
    weights = [float(sample["n"][i]) for i in rows]
    values = [sample["value"][i] for i in rows]
    prev_map = previous_map(conn, facet, day)
    ref_map = reference_map(conn, facet, day)
    same_day = ref_map == map_id
    previous: list[int] | None = None
    if prev_map:
        prev_of = dict(
            conn.execute(
                "SELECT text_hash, topic_id FROM topic_points WHERE map_id = ?", [prev_map]
            ).fetchall()
        )
        previous = [int(prev_of.get(h, NO_MATCH)) for h in hashes]  # NO_MATCH, never NULL
    fell_back = _labeller_fallbacks(labeler)
    result = fine_topics(
        texts, x, values, weights, settings=settings, seed=seed, labeler=labeler, facet=facet,
        definition=definition, previous=previous, embed=embedder.embed,
    )  # fmt: skip

    members = _members(hashes, result)
    sizes = np.array([t.size for t in result.topics], dtype=float)
    cents = (
        np.stack([t.centroid for t in result.topics])
        if result.topics
        else np.zeros((0, x.shape[1]), np.float32)
    )
    # Each fine topic's radius, stored for classification (`cluster.nearest_topics`).
    set_radii(result.topics, x, result.labels, cap=settings.no_match_distance)
    new_side = TopicSide([t.topic_id for t in result.topics], cents, members)
    dim = x.shape[1]
    ref_sub = _side(conn, ref_map, "sub", model=model, dim=dim) if ref_map else None
    ref_parent = _side(conn, ref_map, "parent", model=model, dim=dim) if ref_map else None
    old_lineage = _lineage_rows(conn, map_id) if same_day else None
    old_prev = _prev_map_id(conn, map_id) if same_day else None
    # Read before the delete below: on a re-run the reference map is the day's own map, and
    # reading it after would carry nothing (the grouping and pinned names changed on a re-run).
    prev_parents = _previous_parents(conn, ref_map)
    prev_labels = _map_labels(conn, ref_map)
    day_before_labels = _map_labels(conn, prev_map)  # what the rename count is against
    # names a continued topic may keep: not a person's (a cleared rename goes back to the namer)
    machine_labels = _map_labels(conn, ref_map, machine_only=True)
    with warehouse.transaction(conn):
        # Before the delete: a re-run's new topics take ids above the ones its earlier build
        # gave (the matching below continues those), never one of them (two topics, one id).
        next_id = _next_id(conn, facet)
        _delete_map(conn, map_id)
        matching = match_topics(new_side, ref_sub, next_id=next_id)
        for t, sid in zip(result.topics, matching.ids, strict=True):
            t.topic_id = sid
        parents = parent_level(
            result, texts, x, values, weights, definition=definition,
            previous=prev_parents, labeler=labeler, facet=facet,
            embed=embedder.embed,
        )  # fmt: skip
        p_topics, p_matching = _parent_topics(
            result, texts, x, weights, parents, members, sizes,
            ref=ref_parent, next_id=max([next_id - 1, *matching.ids]) + 1,
        )  # fmt: skip
        _apply_overrides(conn, facet, prev_labels, result.topics + p_topics)
        # a continued topic keeps its name while nearly as good (names_kept); a labelled
        # facet's subtopics are read in their own label's part, as the namer reads them
        naming_texts = None
        if kind != "free":
            keys = labelled_keys(texts, values, definition, kind)
            naming_texts = [labelled_text(t, k) for t, k in zip(texts, keys, strict=True)]
        choices = keep_names(
            result.topics, p_topics, parents.of_topic.tolist(), machine_labels, texts=texts,
            x=x, weights=weights, sub_of_text=result.labels, embed=memoized(embedder.embed),
            naming_texts=naming_texts,
        )  # fmt: skip
        stats.names = renames(result.topics, p_topics, day_before_labels, choices)
        # A map built short of its inputs (the labeller down or refused by the budget: local
        # names; the embedder stopped by the budget: part of the sample) records no digest, so
        # a later run rebuilds it rather than keeping the stopgap.
        whole = len(hashes) == len(sample) and _labeller_fallbacks(labeler) == fell_back
        local_to_stable = np.array(matching.ids + [NO_MATCH], dtype=np.int64)  # -1 → NO_MATCH
        lineage, lineage_prev = matching.lineage + p_matching.lineage, ref_map
        if same_day:
            # A re-run keeps the lineage its first build recorded against the earlier map.
            lineage, lineage_prev = _rerun_lineage(old_lineage or [], lineage), old_prev
        parent_ids = {t.topic_id for t in p_topics} | set(ref_parent.ids if ref_parent else [])
        stats.lineage = Matching(
            matching.ids, [r for r in lineage if r.topic_id not in parent_ids]
        ).counts()
        # what a kept map reports as its build did (names and lineage: `_keep`)
        result.params = {
            **result.params,
            "names": stats.names.metadata(),
            "lineage": stats.lineage,
            "inputs": inputs if whole else None,
        }
        point_ids = local_to_stable[result.labels]
        parent_of_topic = np.array(
            [p_topics[q].topic_id for q in parents.of_topic.tolist()] + [NO_MATCH], np.int64
        )
        point_parents = parent_of_topic[result.labels]
        _write_built(
            conn, facet, map_id, day, start, settings, result, hashes, point_ids, lineage_prev,
            lineage, model, parents=parents, p_topics=p_topics, point_parents=point_parents,
        )  # fmt: skip

    stats.status = "built"
    stats.n_docs = len(hashes)
    stats.n_topics = len(result.topics)
    stats.n_parents = len(p_topics)
    # Shares of traces (a text seen n times counts n times): "No issue" is one text, most traces.
    w = np.asarray(weights, dtype=float)
    traced = {
        t.topic_id: float(w[point_parents == t.topic_id].sum() / max(w.sum(), 1e-12))
        for t in p_topics
    }
    stats.parents = sorted(
        ((t.label, traced[t.topic_id]) for t in p_topics), key=lambda p: (-p[1], p[0])
    )
    stats.no_match_share = result.no_match_share
    stats.cluster_seconds = result.seconds
    stats.prev_map_id = lineage_prev
    stats.detail = (
        f"{built_from(len(p_topics), len(result.topics), len(hashes), total)}, "
        f"no_match {result.no_match_share:.1%}"
    )
    stats.markdown = (
        topics_markdown(p_topics, facet)
        + "\n\n"
        + topics_markdown(result.topics, f"{facet} subtopics")
    )
    stats.png = map_png(result.coords, point_parents, p_topics, title=map_id)
    stats.seconds = time.perf_counter() - t0
    return stats


def _labeller_fallbacks(labeler: Labeler | None) -> int:
    """Calls the labeller could not make (endpoint errors), topics the budget refused it and
    topics a reply left unnamed or named badly: names that came from the local fallback."""
    return sum(
        int(getattr(labeler, k, 0) or 0) for k in ("failures", "budget_fallbacks", "unnamed")
    )


_CODE_DIGEST: str | None = None
# What builds a map: this module and, transitively, what it imports (core.digest), among them
# core/facets/redact.py, which shapes what an OpenAI-compatible labeller is shown.
MAP_MODULES = ("tracetopics_pipeline.core.topics.maps",)
# Libraries whose upgrade can move a map: the clustering, its numerics, the embedder.
_MAP_LIBRARIES = (
    "umap-learn", "hdbscan", "scikit-learn", "scipy", "numpy", "numba", "pynndescent",
    "sentence-transformers", "transformers", "torch",
)  # fmt: skip
# The settings a map is built with: digested by value, these alone (an explorer-only setting
# rebuilt every map while all were). tests/topics/test_topic_maps_keep.py checks that every
# setting the map's code reads is here or below.
MAP_SETTINGS = (
    "window_days",  # the window's first day, written with the map
    "min_summaries",  # when a map waits, and the clustering's smallest sizes
    "max_sample",  # the sample (its texts are digested too)
    "algorithm",
    "no_match_distance",
    "embed_model",  # whose vectors (the registered model id is digested too)
    "openai_base_url",  # which endpoint an OpenAI-compatible labeller's names come from
)
# Read by the map's code, but not what a kept map was built from, and why.
_CACHED = "vectors are stored per text and model id: a map reads the stored ones"
_FELL_SHORT = (
    "decides only whether a call is made; a map whose labeller or embedder fell short "
    "stores no digest and is rebuilt"
)
SETTINGS_NOT_SHAPING = {
    "embed_device": _CACHED,
    "embed_precision": _CACHED,
    "embed_batch_size": _CACHED,
    "embed_batch_tokens": _CACHED,
    "threads": _CACHED,
    "embeds_via_endpoint": "follows embed_model",
    "summarizer": "picks the labeller, digested as the labeller (its kind and model)",
    "label_model": "the labeller's model, digested as the labeller's",
    "openai_api_key": "a secret: who is charged, not what is answered",
    "llm_timeout_s": _FELL_SHORT,
    "llm_max_retries": _FELL_SHORT,
    "llm_deadline_s": _FELL_SHORT,
    "prices": _FELL_SHORT,
    "price_per_mtok": _FELL_SHORT,
    "budget_usd_day": _FELL_SHORT,
    "budget_usd_month": _FELL_SHORT,
    "facets_file": "where the facet definitions are read; the definition is digested",
    "lock_wait_s": "how long a writer waits for the warehouse",
    "memory_limit": "DuckDB's memory, not its answers",
}


def _code_digest() -> str:
    """SHA-256 of the map's source (`MAP_MODULES` and their imports) and the versions of the
    libraries it computes with: a changed algorithm or an upgraded library rebuilds (review
    rv5 M2)."""
    global _CODE_DIGEST
    if _CODE_DIGEST is None:
        _CODE_DIGEST = code_digest(MAP_MODULES, _MAP_LIBRARIES)
    return _CODE_DIGEST


def map_inputs(
    conn: duckdb.DuckDBPyConnection,
    facet: str,
    day: date,
    sample: pl.DataFrame,
    total: int,
    *,
    settings: Settings,
    definition: Any | None,
    labeler: Labeler | None,
    embedder: Embedder,
    seed: int,
) -> str:
    """A digest of everything a map of `facet` for `day` is built from: the window's sampled
    texts (hash, traces, label) and unique count; the day before's map (its points and names:
    the clustering's `previous`, the rename count); the facet's human overrides; the facet
    definition, the settings that shape a map (`MAP_SETTINGS`), the labeller, the embedding
    model and the map's code. Overrides by what they say, not when they were saved. Equal digests, equal maps: a re-run of unchanged days
    keeps the day's map (review rv4 L12: two rebuilds were 2 of a re-run's 4.7 minutes)."""
    h = hashlib.sha256()

    def add(*parts: object) -> None:
        h.update(json.dumps(parts, default=str, sort_keys=True).encode() + b"\n")

    # a Facet is a frozen dataclass (its repr is its whole definition); a stand-in, its fields
    shape = (
        definition
        if is_dataclass(definition)
        else sorted(getattr(definition, "__dict__", {}).items())
    )
    shaping = [(name, getattr(settings, name)) for name in MAP_SETTINGS]
    add(facet, str(day), total, seed, _code_digest(), shaping, repr(shape))
    add(type(labeler).__name__ if labeler else None, getattr(labeler, "model", None))
    add(embedder.kind, embedder.name, embed.registered_model_id(conn, embedder))
    add(sample.select("text_hash", "n", "value").rows())
    prev = previous_map(conn, facet, day)
    add(
        prev,
        conn.execute(
            """SELECT string_agg(text_hash || ':' || topic_id || ':' || coalesce(parent_id, -9),
                                 ',' ORDER BY text_hash)
               FROM topic_points WHERE map_id = ?""",
            [prev],
        ).fetchall(),
        sorted(_map_labels(conn, prev).items()),
    )
    add(
        conn.execute(
            """SELECT topic_id, label, pinned, merged_into FROM topic_overrides
               WHERE facet = ? ORDER BY ALL""",
            [facet],
        ).fetchall()
    )
    return h.hexdigest()


def _keep(
    conn: duckdb.DuckDBPyConnection,
    map_id: str,
    inputs: str,
    stats: MapStats,
    sample: pl.DataFrame,
) -> bool:
    """Fill `stats` from the day's built map when it was built from `inputs`; False otherwise.
    The parents' shares are of traces, as a build reports them (each point weighted by its
    text's trace count `n` in `sample`), not the stored share of texts."""
    row = first_row(
        conn,
        """SELECT n_docs, n_topics, no_match_share, prev_map_id, embed_model, built_at,
                  json_extract_string(params, '$.names'), json_extract_string(params, '$.lineage')
           FROM topic_maps WHERE map_id = ? AND status = 'built'
             AND json_extract_string(params, '$.inputs') = ?""",
        [map_id, inputs],
    )
    if row is None:
        return False
    parents = conn.execute(
        "SELECT topic_id, label FROM topics WHERE map_id = ? AND level = 'parent'", [map_id]
    ).fetchall()
    n_of = dict(zip(sample["text_hash"].to_list(), sample["n"].to_list(), strict=True))
    traced: Counter[int] = Counter()
    for h, parent in conn.execute(
        "SELECT text_hash, parent_id FROM topic_points WHERE map_id = ?", [map_id]
    ).fetchall():
        traced[parent] += float(n_of.get(h, 0))
    total_traced = max(sum(traced.values()), 1e-12)
    stats.status, stats.kept = "built", True
    stats.n_docs, stats.n_topics, stats.no_match_share = int(row[0]), int(row[1]), float(row[2])
    stats.prev_map_id, stats.embed_model, stats.n_parents = row[3], row[4] or "", len(parents)
    stats.parents = sorted(
        ((str(label), traced[tid] / total_traced) for tid, label in parents),
        key=lambda p: (-p[1], p[0]),
    )
    # what its build reported of its names and lineage (a map built before they were stored
    # carries no digest this code matches: the code digest changed with it)
    stats.kept_names = json.loads(row[6]) if row[6] else {}
    stats.lineage = {k: int(v) for k, v in json.loads(row[7]).items()} if row[7] else {}
    stats.png = _stored_png(conn, map_id)
    built = f"{row[5].astimezone(UTC):%Y-%m-%d %H:%M} UTC" if row[5] is not None else "earlier"
    stats.detail = (
        f"built {built} from the same inputs, not rebuilt "
        f"({built_from(stats.n_parents, stats.n_topics, stats.n_docs)})"
    )
    stats.markdown = f"**{stats.facet}**: {stats.detail}"
    return True


def _stored_png(conn: duckdb.DuckDBPyConnection, map_id: str) -> bytes | None:
    """The picture a build draws (points coloured by parent), from the stored map: a kept
    map shows in Dagster as a built one does (review rv5 M1)."""
    pts = conn.execute(
        "SELECT x, y, coalesce(parent_id, ?) FROM topic_points WHERE map_id = ? ORDER BY text_hash",
        [NO_MATCH, map_id],
    ).fetchall()
    if not pts:
        return None
    parents = [
        TopicInfo(
            int(tid),
            str(label),
            list(kws or []),
            int(size or 0),
            float(share or 0.0),
            np.zeros(0, np.float32),
            [],
            float(x or 0.0),
            float(y or 0.0),
        )  # fmt: skip
        for tid, label, kws, size, share, x, y in conn.execute(
            """SELECT topic_id, label, keywords, size, share, x, y FROM topics
               WHERE map_id = ? AND level = 'parent'""",
            [map_id],
        ).fetchall()
    ]
    coords = np.array([(px, py) for px, py, _ in pts], dtype=float)
    return map_png(coords, np.array([p for _, _, p in pts]), parents, title=map_id)


def set_radii(topics: list[TopicInfo], x: np.ndarray, labels: np.ndarray, *, cap: float) -> None:
    """Each topic's radius (`cluster.topic_radii` of its members, in embedding space: the
    space its stored centroid and classification live in)."""
    from tracetopics_pipeline.core.topics.cluster import topic_radii

    if not topics:
        return
    xn = np.asarray(x, dtype=np.float32)
    xn = xn / np.maximum(np.linalg.norm(xn, axis=1, keepdims=True), 1e-12)
    cents = np.stack([t.centroid for t in topics]).astype(np.float32)
    for t, r in zip(topics, topic_radii(xn, np.asarray(labels), cents, cap=cap), strict=True):
        t.radius = float(r)


def fine_topics(
    texts: list[str],
    x: np.ndarray,
    values: list[str | None],
    weights: list[float],
    *,
    settings: Settings,
    seed: int = 42,
    labeler: Labeler | None = None,
    facet: str = "Task",
    definition: Any | None = None,
    previous: list[int] | None = None,
    embed: EmbedFn | None = None,
) -> ClusterResult:
    """A map's fine level (subtopics): `cluster_texts` for a free-text facet, clusters cut by
    label value for a labelled one (`_labelled_subs`)."""
    kind = parent_kind(definition)
    if kind == "free":
        return cluster_texts(
            texts, x, settings=settings, seed=seed, labeler=labeler, facet=facet,
            previous=previous, weights=weights, embed=embed,
        )  # fmt: skip
    return _labelled_subs(
        texts, x, values, weights, settings=settings, seed=seed, labeler=labeler,
        facet=facet, definition=definition, kind=kind, previous=previous, embed=embed,
    )  # fmt: skip


@dataclass
class Levels:
    """Both levels of a set of summaries, without stable ids: fine topics 0..k-1 (`subs`),
    parents k.. (one id space, as in a map) and each fine topic's parent id."""

    subs: ClusterResult
    parents: list[TopicInfo]
    parent_of: list[int]  # per fine topic (index = its id): its parent's id
    params: dict[str, Any] = field(default_factory=dict)


def cluster_levels(
    texts: list[str],
    x: np.ndarray,
    *,
    settings: Settings,
    values: list[str | None] | None = None,
    weights: list[float] | None = None,
    seed: int = 42,
    labeler: Labeler | None = None,
    facet: str = "Task",
    definition: Any | None = None,
    embed: EmbedFn | None = None,
) -> Levels:
    """Cluster and name `texts` at both levels exactly as `build_map` does (fine topics,
    parents, names, parent rows), minus what needs a stored map: identity matching, overrides
    and writes. The explorer's "Cluster this subset" calls it."""
    n = len(texts)
    values = list(values) if values is not None else [None] * n
    weights = list(weights) if weights is not None else [1.0] * n
    result = fine_topics(
        texts, x, values, weights, settings=settings, seed=seed, labeler=labeler, facet=facet,
        definition=definition, embed=embed,
    )  # fmt: skip
    parents = parent_level(
        result, texts, x, values, weights, definition=definition, labeler=labeler, facet=facet,
        embed=embed,
    )  # fmt: skip
    members = _members(texts, result)
    sizes = np.array([t.size for t in result.topics], dtype=float)
    p_topics, _ = _parent_topics(
        result, texts, x, weights, parents, members, sizes, ref=None, next_id=len(result.topics)
    )
    parent_of = [p_topics[q].topic_id for q in parents.of_topic.tolist()]
    return Levels(result, p_topics, parent_of, {**result.params, "hierarchy": parents.params})


def _members(keys: list[str], result: ClusterResult) -> list[set[str]]:
    """Each fine topic's member keys (text hashes in a map, texts in a subset)."""
    members: list[set[str]] = [set() for _ in result.topics]
    for key, lab in zip(keys, result.labels.tolist(), strict=True):
        if lab >= 0:
            members[lab].add(key)
    return members


def _labelled_subs(
    texts: list[str],
    x: np.ndarray,
    values: list[str | None],
    weights: list[float],
    *,
    settings: Settings,
    seed: int,
    labeler: Labeler | None,
    facet: str,
    definition: Any,
    kind: str,
    previous: list[int] | None,
    embed: EmbedFn | None = None,
) -> ClusterResult:
    """Subtopics of a labelled facet: clusters of the summaries within each parent key.

    One clustering of every text (one layout for the map, weighted by traces), then each
    cluster is cut by parent key; a piece holding fewer than MIN_SUB_TRACES traces joins the
    nearest piece of its key, and a key with fewer than twice that (or the default label) is a
    single subtopic. Sizes count traces, not texts: templated traffic says a label in a few
    texts, each seen by many traces. In a facet of fixed labels, a piece holding most of its
    label's traces (HDBSCAN's minimum cluster size counts texts) is split by distance
    (`_split_by_distance`); a facet of names (Competitor mention) keeps HDBSCAN's pieces: split
    by stance, its names were said by a minority of their texts (docs/benchmarks.md
    "Labelled subtopics by reason")."""
    t0 = time.perf_counter()
    keys = labelled_keys(texts, values, definition, kind)
    xn = np.asarray(x, dtype=np.float32)
    xn = xn / np.maximum(np.linalg.norm(xn, axis=1, keepdims=True), 1e-12)
    n = len(texts)
    if n >= max(settings.min_summaries, LABELLED_CLUSTER_MIN):
        base = cluster_texts(
            texts, xn, settings=settings, seed=seed, labeler=None, facet=facet,
            previous=previous, weights=weights, embed=embed,
        )  # fmt: skip
        clusters, coords, algorithm, params = base.labels, base.coords, base.algorithm, base.params
    else:  # too few to cluster: one piece per key, laid out on the first two components
        clusters = np.zeros(n, np.int64)
        coords, algorithm, params = _pca_2d(xn), "labels", {}
    default = getattr(definition, "default_label", None)
    sub = np.full(n, -1, np.int64)
    pieces: dict[tuple[str, object], int] = {}
    w = np.asarray(weights, dtype=float)
    traced: Counter[str] = Counter()
    for k, wi in zip(keys, w.tolist(), strict=True):
        traced[k] += wi
    whole = {k for k in traced if k == _key(default) or traced[k] < 2 * MIN_SUB_TRACES}
    said = [call_class(own_part(t, k)) for t, k in zip(texts, keys, strict=True)]
    calls = _call_groups(said, keys, w, whole)
    for i, (k, c) in enumerate(zip(keys, clusters.tolist(), strict=True)):
        piece: tuple[str, object] = (k, -1 if k in whole or c < 0 else c)
        if calls[i] is not None:
            piece = (k, calls[i])
        sub[i] = pieces.setdefault(piece, len(pieces))
    key_of = [p[0] for p in sorted(pieces, key=pieces.get)]
    fixed = {n for p, n in pieces.items() if isinstance(p[1], tuple)}
    sub = _fold_small(xn, sub, key_of, w)
    naming = [labelled_text(t, k) for t, k in zip(texts, keys, strict=True)]
    if kind == "label":  # a facet of names keeps HDBSCAN's pieces (see above)
        sub, key_of = _split_by_distance(
            xn, naming, sub, key_of, w, whole | fixed, seed=seed
        )  # fmt: skip
    from tracetopics_pipeline.core.topics.cluster import compact

    sub = compact(_same_detail(compact(sub), naming, keys, weights, said))
    # a label's only subtopic may read as its label ("Metabase" over every stance)
    key_of_sub = {
        int(s): Counter(keys[i] for i in np.flatnonzero(sub == s)).most_common(1)[0][0]
        for s in np.unique(sub[sub >= 0])
    }
    names = _key_names(sorted(set(keys)), _spellings(texts, values, keys, kind), definition, kind)
    # subtopics per parent: keys that read the same are one parent (`_label_parents`); a
    # subtopic beside others never takes its parent's name (the audit's `repeats_parent`)
    per_name = Counter(names[k].lower() for k in key_of_sub.values())
    only, avoid = {}, {}
    for s, k in key_of_sub.items():
        if repeats_parent(names[k], names[k], per_name[names[k].lower()]):
            avoid[s] = {names[k].lower()}
        else:
            only[s] = names[k]
    topics = describe(
        texts, xn, sub, coords, labeler=labeler, facet=facet, weights=np.asarray(weights),
        embed=embed, naming_texts=naming, naming=LABELLED_NAMING, parents=only, avoid=avoid,
    )  # fmt: skip
    _name_call_pairs(topics, sub, said, calls, w)
    for t in topics:  # the default label's texts ("NONE") name nothing: it reads as its parent
        if Counter(keys[i] for i in np.flatnonzero(sub == t.topic_id)).most_common(1)[0][0] == (
            _key(default)
        ):
            t.label = definition.none_text
    return ClusterResult(
        sub, coords, topics, algorithm, {**params, "parents": "label"}, time.perf_counter() - t0
    )


def _key(value: str | None) -> str:
    return (value or "").strip().lower()


OTHER_CALLS = "Other failed calls"  # a leftover of several tools and classes


def _call_groups(
    said: list[tuple[str, str] | None], keys: list[str], w: np.ndarray, whole: set[str]
) -> list[tuple[str, str] | None]:
    """Per text, the failed-call group it is a subtopic of, from the (tool, error class) it says
    in its label's part (`said`, `tool_error.call_class`), whatever the clustering made of it
    (one tool's server errors beside its refused permissions are different fixes, and their
    texts read alike): the pair itself where at least MIN_SUB_TRACES of its label's traces say
    it; else (tool, OTHER_ERRORS) where that tool's rarer pairs add up to MIN_SUB_TRACES; else
    (OTHER_TOOLS, class) where the rest of one class does. Only what is left (and a label too
    small to split, `whole`) stays with the clustering (None): a group of rare pairs named by
    the generic namer read as a cut phrase ("Config lookup") or a minority's class."""
    pairs = [None if k in whole else p for p, k in zip(said, keys, strict=True)]
    out: list[tuple[str, str] | None] = [None] * len(pairs)
    for group_of in (
        lambda p: p, lambda p: (p[0], OTHER_ERRORS), lambda p: (OTHER_TOOLS, p[1])
    ):  # fmt: skip
        left = [i for i, p in enumerate(pairs) if p is not None and out[i] is None]
        traced: Counter[tuple[str, tuple[str, str]]] = Counter()
        for i in left:
            traced[(keys[i], group_of(pairs[i]))] += w[i]
        for i in left:
            if traced[(keys[i], g := group_of(pairs[i]))] >= MIN_SUB_TRACES:
                out[i] = g
    return out


def _name_call_pairs(
    topics: list[TopicInfo],
    sub: np.ndarray,
    said: list[tuple[str, str] | None],
    calls: list[tuple[str, str] | None],
    w: np.ndarray,
) -> None:
    """A subtopic most of whose traces are of one failed-call group (`calls`, else the pair
    they say) is named by it, "<tool>: <error class>" ("Account lookup: server error"),
    "<tool>: other errors", "Other tools: <class>", which no phrase of its texts says whole;
    each group names one subtopic at most (the biggest). A name states a class only when most
    of its traces have it: the generic namer's "ConnectionResetError in stats lookup" over
    a few such traces among others becomes "<tool>: other errors" (or "Other failed calls")."""
    named: set[tuple[str, str]] = set()
    traces = np.bincount(np.maximum(sub, 0), weights=np.where(sub >= 0, w, 0.0))
    for t in sorted(topics, key=lambda t: (-traces[t.topic_id], t.topic_id)):
        rows = np.flatnonzero(sub == t.topic_id).tolist()
        votes: Counter[tuple[str, str] | None] = Counter()
        for i in rows:
            votes[calls[i] or said[i]] += w[i]
        group, n = votes.most_common(1)[0] if votes else (None, 0.0)
        if group is not None and group not in named and n > 0.5 * sum(votes.values()):
            name = call_group_name(*group)
            if name and not label_problems(name):
                t.label = name
                named.add(group)
                continue
        stated = name_class(t.label)
        if not stated:
            continue
        classes: Counter[str] = Counter()
        tools: Counter[str] = Counter()
        for i in rows:
            if said[i] is not None:
                tools[said[i][0]] += w[i]
                classes[said[i][1]] += w[i]
        total = sum(votes.values())
        if sum(classes.values()) <= 0.5 * total or classes[stated] > 0.5 * total:
            continue  # mostly no failed call ("Slow answer" timeouts), or the name holds
        tool, m = tools.most_common(1)[0]
        name = call_class_name(tool, OTHER_ERRORS) if m > 0.5 * total else ""
        fits = name and (tool, OTHER_ERRORS) not in named and not label_problems(name)
        t.label = name if fits else OTHER_CALLS
        named.add((tool, OTHER_ERRORS) if fits else (OTHER_CALLS, ""))


def parent_key(text: str, value: str | None, definition: Any, kind: str) -> str:
    """The parent a labelled facet's summary belongs to (stored as topics.facet_label): its
    label value, or for 'head' facets the name before ':'; lower-cased. Classification uses
    the same key, so a trace goes to its label's parent."""
    if kind == "head":
        head, sep, _ = text.partition(":")
        # The name before the first sentence mark: "Mode. My team..." is Mode.
        name = _SENTENCE_MARK.split(head, maxsplit=1)[0]
        if sep and name.strip() and len(name.split()) <= 4:
            return _key(name)
    # no label (an excluded "NONE" of a facet of names) is the default label
    return _key(value or getattr(definition, "default_label", None))


_SENTENCE_MARK = re.compile(r"[.!?,;]")


def _same_detail(
    sub: np.ndarray,
    naming: list[str],
    keys: list[str],
    weights: list[float],
    said: list[tuple[str, str] | None],
) -> np.ndarray:
    """Pieces of one key whose texts mostly read the same in their own label's part
    (`labelled_text`, digits aside) are one subtopic: "Timeout: slow answer" beside a refusal
    and beside a loop differs only in the other labels' parts, which name other parents. A
    failed call's error class (`said`) is part of what it reads: "HTTP 429 in account lookup"
    (rate limited) is not "HTTP 503 in account lookup" (server error)."""
    k = int(sub.max()) + 1 if len(sub) else 0
    votes: list[Counter[tuple[str, str, object]]] = [Counter() for _ in range(k)]
    for i, p in enumerate(sub.tolist()):
        if p >= 0:
            sig = (keys[i], re.sub(r"\d+", "#", naming[i].lower()), said[i])
            votes[p][sig] += weights[i]
    target = np.arange(k)
    first: dict[tuple[str, str, object], int] = {}
    for p in range(k):
        if not votes[p]:
            continue
        sig, n = votes[p].most_common(1)[0]
        if n >= 0.6 * sum(votes[p].values()):
            target[p] = first.setdefault(sig, p)
    return np.where(sub >= 0, target[np.maximum(sub, 0)], sub)


def _fold_small(x: np.ndarray, sub: np.ndarray, key_of: list[str], w: np.ndarray) -> np.ndarray:
    """Pieces under MIN_SUB_TRACES traces (`w`, per text) join the nearest (by centroid) bigger
    piece of the same key; a key whose pieces are all small keeps its biggest."""
    from tracetopics_pipeline.core.topics.cluster import centroids

    k = len(key_of)
    size = np.bincount(sub, weights=w, minlength=k)
    cents = centroids(x, sub, k)
    target = np.arange(k)
    for key in sorted(set(key_of)):
        group = [p for p in range(k) if key_of[p] == key]
        big = [p for p in group if size[p] >= MIN_SUB_TRACES]
        if not big:
            big = [max(group, key=lambda p: (size[p], -p))]
        for p in group:
            if p not in big:
                target[p] = big[int(np.argmax([cents[p] @ cents[b] for b in big]))]
    return target[sub]


def _split_by_distance(
    x: np.ndarray,
    texts: list[str],
    sub: np.ndarray,
    key_of: list[str],
    w: np.ndarray,
    whole: set[str],
    *,
    seed: int,
) -> tuple[np.ndarray, list[str]]:
    """A piece holding most of its label's traces (HDBSCAN left the label in one piece, or in
    one piece and crumbs) is split by its texts' distances, as the no_match pool is
    (`cluster.pool_topics`: average linkage, cosine, cut at POOL_JOIN; a group needs
    MIN_SUB_TRACES traces), each text of a smaller group joining the nearest group. Groups
    of one template said with different names are one (`_same_template`), and a group under
    SPLIT_SHARE of the label's traces joins a bigger one it shares a word with
    (`_join_variants`). HDBSCAN's minimum cluster size counts texts, so a label said in
    a few templated texts ("Fed up with this", "thinking of cancelling", "unacceptable for
    what we pay"), each seen by dozens of traces, would otherwise stay one subtopic however
    different its texts read. The distances are the clustering's (`cluster.hybrid_view` of
    the texts in their own label's part)."""
    from tracetopics_pipeline.core.topics.cluster import (
        ClusterParams,
        centroids,
        compact,
        hybrid_view,
        pool_topics,
    )

    params = ClusterParams()
    per_key: dict[str, list[int]] = {}
    for p in sorted({int(p) for p in sub.tolist()}):
        per_key.setdefault(key_of[p], []).append(p)
    out, keys = sub.copy(), list(key_of)
    for key, ps in sorted(per_key.items()):
        label_traces = float(sum(w[sub == q].sum() for q in ps))
        for q in ps:
            rows = np.flatnonzero(sub == q)
            if key in whole or w[rows].sum() <= label_traces / 2 or len(rows) < 2:
                continue
            h = hybrid_view(
                x[rows], [texts[i] for i in rows], weight=params.lexical_weight, dims=params.lexical_dims,
                seed=seed,
            )  # fmt: skip
            groups = pool_topics(
                h, np.full(len(rows), -1, np.int64), min_size=MIN_SUB_TRACES, weights=w[rows]
            )
            groups = _same_template(groups, [texts[i] for i in rows])
            least = max(MIN_SUB_TRACES, SPLIT_SHARE * label_traces)
            groups = _join_variants(h, groups, [texts[i] for i in rows], w[rows], least)
            if groups.max() < 1:  # one reason (or none that many traces say)
                continue
            cents = centroids(h, groups)
            left = groups < 0
            groups[left] = np.argmax(h[left] @ cents.T, axis=1)
            out[rows] = np.where(groups == 0, q, len(keys) + groups - 1)
            keys += [key] * int(groups.max())
    if len(keys) == len(key_of):
        return sub, key_of
    kept = compact(out)
    key_by_new = {int(n): keys[int(o)] for n, o in zip(kept.tolist(), out.tolist(), strict=True)}
    return kept, [key_by_new[i] for i in range(len(key_by_new))]


# A word that names something ("Qlik", "Power BI", "API") or a number: a template's slot.
_SLOT = re.compile(r"(?<=\s)[A-Z][\w.+&-]*|\d[\d.,:%]*")


def _template(text: str) -> str | None:
    """`text` with its names and numbers as one slot ("we're switching to # next quarter"),
    lower-cased; None when fewer than two of its words are not slots (a bare name)."""
    sig = re.sub(r"#(\s+#)+", "#", _SLOT.sub("#", text.strip())).lower()
    return sig if sum(w != "#" for w in sig.split()) >= 2 else None


def _same_template(groups: np.ndarray, texts: list[str]) -> np.ndarray:
    """Groups (`_split_by_distance`'s, -1: none) one of whose texts reads as one of the
    other's but for a name or a number are one group: "switching to Qlik" and "switching to
    Sigma" are one reason said with two competitors, "can't grant admin rights" and "can't
    issue refunds" two refusals."""
    from tracetopics_pipeline.core.topics.cluster import unite

    first: dict[str, int] = {}
    pairs = []
    for g, text in zip(groups.tolist(), texts, strict=True):
        sig = _template(text) if g >= 0 else None
        if sig is not None:
            pairs.append((g, first.setdefault(sig, g)))
    return unite(groups, pairs, int(groups.max()) + 1 if len(groups) else 0)


def _join_variants(
    x: np.ndarray, groups: np.ndarray, texts: list[str], w: np.ndarray, least: float
) -> np.ndarray:
    """A group (`_split_by_distance`'s, -1: none) under `least` traces joins the nearest (by
    centroid) group of at least `least` that shares a word with it, beyond the words every
    group says: "Praised the agent" joins "User praised the agent", "Frustrated with the
    settings" joins "Really frustrated". One that shares none says something else and stays
    a subtopic of its own: "can't share embed secrets" beside "can't grant admin rights"."""
    from tracetopics_pipeline.core.topics.cluster import centroids, compact
    from tracetopics_pipeline.core.topics.labels.support import text_stems

    k = int(groups.max()) + 1 if len(groups) else 0
    if k < 2:
        return groups
    words: list[set[str]] = [set() for _ in range(k)]
    for g, text in zip(groups.tolist(), texts, strict=True):
        if g >= 0:
            words[g] |= text_stems(text)
    common = set.intersection(*words)  # "can't" of every refusal
    words = [ws - common for ws in words]
    size = np.bincount(groups[groups >= 0], weights=w[groups >= 0], minlength=k)
    big = [g for g in range(k) if size[g] >= least]
    cents = centroids(x, groups, k)
    target = np.arange(k)
    for g in range(k):
        near = [b for b in big if b != g and words[g] & words[b]]
        if size[g] < least and near:
            target[g] = near[int(np.argmax([cents[g] @ cents[b] for b in near]))]
    return compact(np.where(groups >= 0, target[np.maximum(groups, 0)], -1))


def _pca_2d(x: np.ndarray) -> np.ndarray:
    if len(x) < 2:
        return np.zeros((len(x), 2))
    c = x - x.mean(axis=0)
    _, _, vt = np.linalg.svd(c, full_matrices=False)
    out = c @ vt[:2].T
    return np.pad(out, ((0, 0), (0, 2 - out.shape[1])))


def _previous_parents(conn: duckdb.DuckDBPyConnection, ref_map: str | None) -> dict[int, int]:
    """Each fine topic's parent in the reference map, by stable fine id."""
    if not ref_map:
        return {}
    return {
        int(t): int(p)
        for t, p in conn.execute(
            """SELECT topic_id, parent_id FROM topics
               WHERE map_id = ? AND level = 'sub' AND parent_id IS NOT NULL""",
            [ref_map],
        ).fetchall()
    }


def parent_level(
    result: ClusterResult,
    texts: list[str],
    x: np.ndarray,
    values: list[str | None],
    weights: list[float],
    *,
    definition: Any,
    previous: dict[int, int] | None = None,
    labeler: Labeler | None = None,
    facet: str = "Task",
    embed: EmbedFn | None = None,
) -> Parents:
    """The parents of `result`'s fine topics and their names: by label value for labelled
    facets, else `hierarchy.group_topics`. `previous`: a fine topic id's parent in the
    reference map (that grouping is carried while it stays nearly as good)."""
    k = len(result.topics)
    if k == 0:
        return Parents(np.zeros(0, np.int64), [], [])
    kind = parent_kind(definition)
    if kind != "free":
        return _label_parents(result, texts, values, kind=kind, definition=definition)
    prev_parent = previous or {}
    prior = np.array([prev_parent.get(t.topic_id, -1) for t in result.topics], np.int64)
    return free_text_parents(
        result, texts, x, weights, previous=prior, labeler=labeler, facet=facet, embed=embed
    )


def free_text_parents(
    result: ClusterResult,
    texts: list[str],
    x: np.ndarray,
    weights: list[float] | np.ndarray,
    *,
    previous: np.ndarray | None = None,
    labeler: Labeler | None = None,
    facet: str = "Task",
    embed: EmbedFn | None = None,
) -> Parents:
    """Parents of a free-text map (`hierarchy.group_topics`) and their names. `previous`:
    each fine topic's parent in the reference map (-1 for a new topic); `embed`: texts →
    vectors in the map's space, for scoring names."""
    k = len(result.topics)
    cents = np.stack([t.centroid for t in result.topics])
    sizes = np.array([t.size for t in result.topics], dtype=float)
    profiles = hierarchy.lexical_profiles(texts, result.labels, k)
    member = result.labels >= 0
    traffic = np.bincount(
        result.labels[member], weights=np.asarray(weights, dtype=float)[member], minlength=k
    )
    grouped = hierarchy.group_topics(cents, profiles, sizes, previous=previous, traffic=traffic)
    labels, sources = _name_free_parents(
        result, texts, x, list(weights), grouped.of_topic, labeler=labeler, facet=facet,
        embed=embed,
    )  # fmt: skip
    params = {**grouped.params, "silhouette": round(grouped.silhouette, 4)}
    return Parents(grouped.of_topic, labels, sources, params)


def _name_free_parents(
    result: ClusterResult,
    texts: list[str],
    x: np.ndarray,
    weights: list[float],
    of_topic: np.ndarray,
    *,
    labeler: Labeler | None,
    facet: str,
    embed: EmbedFn | None = None,
) -> tuple[list[str], list[str]]:
    n_parents = int(of_topic.max()) + 1
    sizes = np.array([t.size for t in result.topics], dtype=float)
    cents = hierarchy.parent_centroids(
        of_topic, np.stack([t.centroid for t in result.topics]), sizes
    )
    plabels = np.where(result.labels >= 0, of_topic[np.maximum(result.labels, 0)], -1)
    xn = np.asarray(x, dtype=np.float32)
    xn = xn / np.maximum(np.linalg.norm(xn, axis=1, keepdims=True), 1e-12)
    inputs = naming_inputs(
        texts, xn, plabels, cents, np.asarray(weights), ctfidf_keywords(texts, plabels)
    )
    child_of_text = dict(zip(texts, result.labels.tolist(), strict=True))
    w = np.asarray(weights, dtype=float)
    child_words = [
        word_support([texts[i] for i in idx], w[idx].tolist())
        for idx in (np.flatnonzero(result.labels == t) for t in range(len(result.topics)))
    ]
    child_traffic = np.bincount(
        np.maximum(result.labels, 0), weights=w * (result.labels >= 0), minlength=len(sizes)
    )
    psize = np.bincount(of_topic, weights=sizes, minlength=n_parents)
    sim = cents @ cents.T
    np.fill_diagonal(sim, -np.inf)
    descs: list[ParentDescription] = []
    # A parent of one subtopic is that subtopic: it takes its name, which no other parent takes,
    # unless the name states one case ("Datasets refresh incrementally"): the namer names the
    # task it is about (`grammar.case_statement`; its own texts tell a record of what was done,
    # "[A customer] invoked their right to be forgotten").
    verbs = verb_forms(texts)

    def own_context(t: int) -> WordContext:
        ix = np.flatnonzero(result.labels == t)
        return word_context([texts[i] for i in ix], [weights[i] for i in ix])

    only = {
        q: label
        for q in range(n_parents)
        if len(kids := np.flatnonzero(of_topic == q)) == 1
        and not case_statement(
            label := result.topics[int(kids[0])].label, verbs, own_context(int(kids[0]))
        )
    }
    for q, inp in enumerate(inputs):
        kids = np.flatnonzero(of_topic == q)
        kids = kids[np.argsort(-sizes[kids], kind="stable")]
        inp.groups = [child_of_text[t] for t in inp.texts]
        inp.group_traffic = {int(t): float(child_traffic[t]) for t in kids}
        # shared across its subtopics, and not named as one of them (any casing)
        inp.support = parent_support(
            [child_words[t] for t in kids], [float(child_traffic[t]) for t in kids]
        )
        if len(kids) > 1:
            inp.avoid = {result.topics[int(t)].label for t in kids} | set(only.values())
        elif q not in only:
            inp.avoid = set(only.values())
        near = np.argsort(-sim[q], kind="stable")[:2] if n_parents > 1 else []
        contrast = [
            result.topics[int(t)].label for nb in near for t in np.flatnonzero(of_topic == nb)[:3]
        ]
        descs.append(
            ParentDescription(
                q, [(result.topics[int(t)].label, int(sizes[t])) for t in kids],
                inp.texts[:6], int(psize[q]), contrast,
            )
        )  # fmt: skip
    names, source = name_parents(
        labeler, facet, inputs, descs, embed=embed, facet_words=word_support(texts, weights)
    )
    names.update(only)
    return [names[q] for q in range(n_parents)], [source[q] for q in range(n_parents)]


def _label_parents(
    result: ClusterResult, texts: list[str], values: list[str | None], *, kind: str, definition: Any
) -> Parents:
    """One parent per label value (or name): the default label reads as the facet's
    none_label, a value as `label_parent_name` ("Refusals", "High churn risk"), a name as
    written ("Power BI")."""
    keys = labelled_keys(texts, values, definition, kind)
    keys_of_topic: list[str] = []
    for t in range(len(result.topics)):
        ks = [keys[i] for i in np.flatnonzero(result.labels == t)]
        keys_of_topic.append(max(sorted(set(ks)), key=ks.count))
    # spellings of each key, in the topics it is the key of
    mine = [
        i for i, t in enumerate(result.labels.tolist()) if t >= 0 and keys[i] == keys_of_topic[t]
    ]
    surface = _spellings(
        [texts[i] for i in mine], [values[i] for i in mine], [keys[i] for i in mine], kind
    )
    name_of = _key_names(sorted(set(keys_of_topic)), surface, definition, kind)
    # Keys that read the same ("Power BI", "power bi") are one parent.
    first: dict[str, str] = {}
    for n in sorted(name_of.values()):
        first.setdefault(n.lower(), n)
    labels = [first[low] for low in sorted(first)]
    index = {low: i for i, low in enumerate(sorted(first))}
    of_topic = np.array([index[name_of[k].lower()] for k in keys_of_topic], np.int64)
    return Parents(
        of_topic, labels, ["label"] * len(labels), {"parents": kind}, topic_keys=keys_of_topic
    )


def _key_names(
    keys: list[str], surface: dict[str, Counter[str]], definition: Any, kind: str
) -> dict[str, str]:
    """Each label key's parent name from its spellings (`surface`): the default label reads as
    the facet's none_label, a value as `label_parent_name`, a name as written."""
    default = _key(getattr(definition, "default_label", None))
    specs = getattr(definition, "label_specs", ())
    titles = {_key(s.name): getattr(s, "title", "") for s in specs}
    # a label's display name ("Bug fix request") reads as its parent in the plural
    displays = {_key(s.name): getattr(s, "display", "") for s in specs}
    name_of: dict[str, str] = {}
    for key in keys:
        if key == default or not key:
            name_of[key] = definition.none_text
            continue
        # The usual spelling; among equals the one with capitals ("Power BI" over "power bi").
        spellings = surface.get(key) or Counter({key: 1})
        raw = max(sorted(spellings), key=lambda w: (spellings[w], sum(c.isupper() for c in w)))
        if kind == "head":
            name_of[key] = " ".join(readable_value(raw).split()[:6])
        else:
            name_of[key] = label_parent_name(
                displays.get(key) or raw, definition.name, title=titles.get(key, "")
            )
    return name_of


def _spellings(
    texts: list[str], values: list[str | None], keys: list[str], kind: str
) -> dict[str, Counter[str]]:
    """How each label key is written: the value, or for 'head' facets the name before ':'."""
    surface: dict[str, Counter[str]] = {}
    for text, value, key in zip(texts, values, keys, strict=True):
        raw = text.partition(":")[0] if kind == "head" else (value or "")
        raw = _SENTENCE_MARK.split(raw, maxsplit=1)[0].strip()
        if kind != "head" or _key(raw) == key:  # a merged name spells its key's
            surface.setdefault(key, Counter())[raw] += 1
    return surface


def labelled_keys(
    texts: list[str], values: list[str | None], definition: Any, kind: str
) -> list[str]:
    """Each text's `parent_key`; for a facet of names, a name seen in fewer than MIN_SUB_TEXTS
    texts that holds a more common name as whole words ("Postgres Sigma" where "Sigma" is
    common: a capitalised word glued to the name) takes that name: a rare run-on capture never
    becomes a parent of its own."""
    keys = [parent_key(t, v, definition, kind) for t, v in zip(texts, values, strict=True)]
    if kind != "head":
        return keys
    count = Counter(keys)
    common = sorted((k for k, n in count.items() if n >= MIN_SUB_TEXTS), key=len, reverse=True)
    into: dict[str, str] = {}
    for k, n in count.items():
        if n < MIN_SUB_TEXTS:
            inside = [c for c in common if c != k and re.search(rf"(?<!\w){re.escape(c)}(?!\w)", k)]
            if inside:
                into[k] = inside[0]
    return [into.get(k, k) for k in keys]


def _parent_topics(
    result: ClusterResult,
    texts: list[str],
    x: np.ndarray,
    weights: list[float],
    parents: Parents,
    members: list[set[str]],
    sizes: np.ndarray,
    *,
    ref: TopicSide | None,
    next_id: int,
) -> tuple[list[TopicInfo], Matching]:
    """Parent rows (sums and size-weighted means over children) with ids matched to `ref`."""
    n_parents = len(parents.labels)
    if n_parents == 0:
        return [], Matching([], [])
    cents = np.stack([t.centroid for t in result.topics])
    side = hierarchy.parent_side(list(range(n_parents)), parents.of_topic, members, cents, sizes)
    matching = hierarchy.match_parents(side, ref, next_id=next_id)
    plabels = np.where(result.labels >= 0, parents.of_topic[np.maximum(result.labels, 0)], -1)
    keywords = ctfidf_keywords(texts, plabels)
    xn = np.asarray(x, dtype=np.float32)
    xn = xn / np.maximum(np.linalg.norm(xn, axis=1, keepdims=True), 1e-12)
    out = []
    for q in range(n_parents):
        kids = np.flatnonzero(parents.of_topic == q)
        w = sizes[kids]
        idx = np.flatnonzero(plabels == q)
        sims = xn[idx] @ side.centroids[q]
        reps: list[str] = []
        for i in idx[np.lexsort(([texts[i] for i in idx], -sims))]:
            if texts[i] not in reps:
                reps.append(texts[i])
            if len(reps) >= N_REPRESENTATIVES:
                break
        out.append(
            TopicInfo(
                topic_id=matching.ids[q],
                label=parents.labels[q],
                keywords=keywords.get(q, []),
                size=int(w.sum()),
                share=float(sum(result.topics[int(t)].share for t in kids)),
                centroid=side.centroids[q],
                representatives=reps,
                x=float(np.average([result.topics[int(t)].x for t in kids], weights=w)),
                y=float(np.average([result.topics[int(t)].y for t in kids], weights=w)),
                label_source=parents.sources[q],
            )
        )
    return out, matching


def _lineage_rows(conn: duckdb.DuckDBPyConnection, map_id: str) -> list[LineageRow]:
    return [
        LineageRow(int(t), [int(p) for p in (prev or [])], kind)
        for t, prev, kind in conn.execute(
            "SELECT topic_id, prev_topic_ids, kind FROM topic_lineage WHERE map_id = ?", [map_id]
        ).fetchall()
    ]


def _prev_map_id(conn: duckdb.DuckDBPyConnection, map_id: str) -> str | None:
    row = first_row(conn, "SELECT prev_map_id FROM topic_maps WHERE map_id = ?", [map_id])
    return row[0] if row else None


def _rerun_lineage(old: list[LineageRow], new: list[LineageRow]) -> list[LineageRow]:
    """A topic that continued from the map being replaced keeps the row its first build wrote;
    what differs from that map (new, split, merged) is recorded as found now."""
    kept = {r.topic_id for r in new if r.kind == "continued"}
    rows = [r for r in old if r.topic_id in kept or r.kind == "vanished"]
    return rows + [r for r in new if r.kind not in ("continued", "vanished")]


def _delete_map(conn: duckdb.DuckDBPyConnection, map_id: str) -> None:
    for table in ("topic_maps", "topics", "topic_points", "topic_lineage"):
        conn.execute(f"DELETE FROM {table} WHERE map_id = ?", [map_id])


def _waiting(
    conn: duckdb.DuckDBPyConnection,
    stats: MapStats,
    start: date,
    day: date,
    settings: Settings,
    t0: float,
) -> MapStats:
    """The day's map waits (for summaries or for vectors): recorded, said, timed."""
    _write_waiting(conn, stats, start, day, settings)
    stats.markdown = f"**{stats.facet}**: {stats.detail}"
    stats.seconds = time.perf_counter() - t0
    return stats


def _write_waiting(
    conn: duckdb.DuckDBPyConnection, stats: MapStats, start: date, day: date, settings: Settings
) -> None:
    built = first_row(
        conn, "SELECT 1 FROM topic_maps WHERE map_id = ? AND status = 'built'", [stats.map_id]
    )
    if built:
        # A re-run of a day whose map is built, with a smaller window or a higher floor than the
        # build had: the built map stays (its topics hold the day's classifications); replacing
        # it with a waiting one deleted the topics the traces point at (review rv9 M1).
        stats.detail = f"kept the day's built map; a new one is {stats.detail}"
        return
    with warehouse.transaction(conn):
        _delete_map(conn, stats.map_id)
        conn.execute(
            """INSERT INTO topic_maps (map_id, facet, day, window_start, window_end, status, detail,
                   algorithm, n_docs, n_topics, no_match_share, params)
               VALUES (?, ?, ?, ?, ?, 'waiting', ?, ?, ?, 0, NULL, ?)""",
            [
                stats.map_id, stats.facet, day, start, day, stats.detail, settings.algorithm,
                stats.n_docs, json.dumps({"min_summaries": settings.min_summaries}),
            ],
        )  # fmt: skip


def _topic_frame(
    facet: str, map_id: str, topics: list[TopicInfo], level: str, parent_ids: list[int | None]
) -> pl.DataFrame:
    dim = len(topics[0].centroid) if topics else 1
    return pl.DataFrame(
        {
            "facet": [facet] * len(topics),
            "map_id": [map_id] * len(topics),
            "topic_id": [t.topic_id for t in topics],
            "label": [t.label for t in topics],
            "keywords": [t.keywords for t in topics],
            "size": [t.size for t in topics],
            "share": [t.share for t in topics],
            "centroid": pl.Series(
                np.stack([t.centroid for t in topics]).astype(np.float32)
                if topics
                else np.zeros((0, dim), np.float32),
                dtype=pl.Array(pl.Float32, dim),
            ).cast(pl.List(pl.Float32)),
            "representatives": [t.representatives for t in topics],
            "x": [t.x for t in topics],
            "y": [t.y for t in topics],
            "pinned": [t.pinned for t in topics],
            "label_source": [t.label_source for t in topics],
            "radius": pl.Series([t.radius for t in topics], dtype=pl.Float64),
            "level": [level] * len(topics),
            "parent_id": pl.Series(parent_ids, dtype=pl.Int32),
        },
        schema_overrides={"keywords": pl.List(pl.Utf8), "representatives": pl.List(pl.Utf8)},
    )


def _write_built(
    conn: duckdb.DuckDBPyConnection,
    facet: str,
    map_id: str,
    day: date,
    start: date,
    settings: Settings,
    result: ClusterResult,
    hashes: list[str],
    point_ids: np.ndarray,
    prev_map: str | None,
    lineage_rows: list[LineageRow],
    model: str,
    *,
    parents: Parents,
    p_topics: list[TopicInfo],
    point_parents: np.ndarray,
) -> None:
    params = {**result.params, "hierarchy": parents.params}
    conn.execute(
        """INSERT INTO topic_maps (map_id, facet, day, window_start, window_end, status, detail,
               algorithm, n_docs, n_topics, no_match_share, prev_map_id, params, embed_model)
           VALUES (?, ?, ?, ?, ?, 'built', ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            map_id, facet, day, start, day,
            f"{len(p_topics)} parents, {len(result.topics)} topics, "
            f"no_match {result.no_match_share:.1%}",
            result.algorithm, len(hashes), len(result.topics), result.no_match_share, prev_map,
            json.dumps(params), model,
        ],
    )  # fmt: skip
    sub_parent = [p_topics[q].topic_id for q in parents.of_topic.tolist()]
    sub_keys = parents.topic_keys or [None] * len(result.topics)
    keys: list[str | None] = [None] * len(p_topics)  # a parent's: the first of its subs' keys
    for q, k in zip(parents.of_topic.tolist(), sub_keys, strict=True):
        if k is not None and (keys[q] is None or k < keys[q]):
            keys[q] = k
    warehouse.insert_frame(
        conn,
        "topics",
        _topic_frame(facet, map_id, p_topics, "parent", [None] * len(p_topics)).with_columns(
            pl.Series("facet_label", keys, dtype=pl.Utf8)
        ),
    )
    warehouse.insert_frame(
        conn,
        "topics",
        _topic_frame(facet, map_id, result.topics, "sub", sub_parent).with_columns(
            pl.Series("facet_label", sub_keys, dtype=pl.Utf8)
        ),
    )
    points = pl.DataFrame(
        {
            "map_id": [map_id] * len(hashes),
            "facet": [facet] * len(hashes),
            "text_hash": hashes,
            "topic_id": point_ids.astype(np.int32),
            "x": result.coords[:, 0],
            "y": result.coords[:, 1],
            "parent_id": point_parents.astype(np.int32),
        }
    )
    warehouse.insert_frame(conn, "topic_points", points)
    lineage = pl.DataFrame(
        {
            "facet": [facet] * len(lineage_rows),
            "map_id": [map_id] * len(lineage_rows),
            "prev_map_id": [prev_map] * len(lineage_rows),
            "topic_id": [r.topic_id for r in lineage_rows],
            "prev_topic_ids": [r.prev_topic_ids for r in lineage_rows],
            "kind": [r.kind for r in lineage_rows],
        },
        schema_overrides={"prev_map_id": pl.Utf8, "prev_topic_ids": pl.List(pl.Int32)},
    )
    warehouse.insert_frame(conn, "topic_lineage", lineage)
