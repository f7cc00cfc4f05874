"""The topic-map stage: per facet, the trailing window's summaries → a map with stable ids.

`build_maps` reads the window's ok summaries (a deterministic bottom-k sample by text hash),
clusters them with `describe.cluster_texts`, matches the topics to the previous map's ids
(`identity`), re-applies human overrides, and writes `topic_maps`, `topics`, `topic_points`
and `topic_lineage` in one transaction.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

import numpy as np
import polars as pl

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.spend import ledger
from tracetopics_pipeline.core.topics import embed
from tracetopics_pipeline.core.topics.describe import ClusterResult, TopicInfo, cluster_texts
from tracetopics_pipeline.core.topics.embedders import Embedder, make_embedder
from tracetopics_pipeline.core.topics.identity import Matching, TopicSide, match_topics
from tracetopics_pipeline.core.topics.labels import Labeler
from tracetopics_pipeline.core.topics.pictures import map_png, topics_markdown
from tracetopics_pipeline.core.warehouse import NO_MATCH, first_row, query_pl

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
    no_match_share: float = 0.0
    seconds: float = 0.0
    cluster_seconds: float = 0.0
    embedded_now: int = 0
    embed_model: str = ""
    prev_map_id: str | None = None
    lineage: dict[str, int] = field(default_factory=dict)
    png: bytes | None = None
    markdown: str = ""

    def metadata(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "facet": self.facet,
            "map_id": self.map_id,
            "status": self.status,
            "detail": self.detail,
            "n_docs": self.n_docs,
            "n_topics": self.n_topics,
            "no_match_share": round(self.no_match_share, 4),
            "seconds": round(self.seconds, 2),
            "cluster_seconds": round(self.cluster_seconds, 2),
            "embedded_now": self.embedded_now,
            "embed_model": self.embed_model,
            "prev_map_id": self.prev_map_id or "",
        }
        for kind, count in self.lineage.items():
            d[f"lineage_{kind}"] = count
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
    conn: duckdb.DuckDBPyConnection, map_id: str, facet: str, *, model: str, dim: int
) -> TopicSide | None:
    """The previous map as identity sees it. Built with another model, its centroids live in
    another space: identity then goes by shared members only (zero centroids)."""
    tops = query_pl(
        conn,
        """SELECT t.topic_id, t.centroid, coalesce(o.pinned, false) AS pinned
           FROM topics t LEFT JOIN topic_overrides o ON o.facet = t.facet AND o.topic_id = t.topic_id
           WHERE t.map_id = ? ORDER BY t.topic_id""",
        [map_id],
    )
    if len(tops) == 0:
        return None
    pts = conn.execute(
        "SELECT topic_id, text_hash FROM topic_points WHERE map_id = ? AND topic_id >= 0",
        [map_id],
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


def _apply_overrides(
    conn: duckdb.DuckDBPyConnection, facet: str, prev_map: str | None, topics: list[TopicInfo]
) -> None:
    """Human renames win; a pinned topic without a rename keeps its previous label."""
    rows = conn.execute(
        "SELECT topic_id, label, pinned FROM topic_overrides WHERE facet = ?", [facet]
    ).fetchall()
    overrides = {int(t): (label, bool(p)) for t, label, p in rows}
    prev_labels: dict[int, str] = {}
    if prev_map:
        prev_labels = dict(
            conn.execute(
                "SELECT topic_id, label FROM topics WHERE map_id = ?", [prev_map]
            ).fetchall()
        )
    for t in topics:
        if t.topic_id not in overrides:
            continue
        label, pinned = overrides[t.topic_id]
        t.pinned = pinned
        if label:
            t.label, t.label_source = label, "override"
        elif pinned and t.topic_id in prev_labels:
            t.label, t.label_source = prev_labels[t.topic_id], "pinned"


def _window_texts(
    conn: duckdb.DuckDBPyConnection, facet: str, start: date, end: date, limit: int
) -> tuple[int, pl.DataFrame]:
    """(unique ok summaries in the window, bottom-`limit` sample by text hash).

    A bottom-k sample by hash is uniform and stable: a text sampled today stays sampled
    tomorrow while it is in the window, which keeps consecutive maps comparable.
    """
    total = conn.execute(
        f"""SELECT count(DISTINCT {embed.HASH_SQL}) FROM facet_summaries
            WHERE facet = ? AND status = 'ok' AND summary IS NOT NULL AND day BETWEEN ? AND ?""",
        [facet, start, end],
    ).fetchall()[0][0]
    sample = query_pl(
        conn,
        f"""SELECT {embed.HASH_SQL} AS text_hash, min(summary) AS text, count(*) AS n
            FROM facet_summaries
            WHERE facet = ? AND status = 'ok' AND summary IS NOT NULL AND day BETWEEN ? AND ?
            GROUP BY 1 ORDER BY 1 LIMIT ?""",
        [facet, start, end, limit],
    )
    return int(total or 0), sample


def build_maps(
    conn: duckdb.DuckDBPyConnection,
    day: date,
    *,
    facets: list[Any],
    settings: Settings,
    labeler: Labeler | None = None,
    embedder: Embedder | None = None,
) -> list[MapStats]:
    """Build (or rebuild, idempotently) the map of each facet for `day`, from the configured
    model's vectors; what the labeller spent goes to the ledger after each map."""
    embedder = embedder or make_embedder(settings)
    out = []
    for f in facets:
        out.append(
            build_map(
                conn,
                day,
                facet=f.name if hasattr(f, "name") else str(f),
                settings=settings,
                labeler=labeler,
                embedder=embedder,
            )
        )
        ledger.record(conn, getattr(labeler, "budget", None))
    return out


def build_map(
    conn: duckdb.DuckDBPyConnection,
    day: date,
    *,
    facet: str,
    settings: Settings,
    labeler: Labeler | None = None,
    seed: int = 42,
    embedder: Embedder | None = None,
) -> MapStats:
    t0 = time.perf_counter()
    map_id = map_id_for(facet, day)
    start = day - timedelta(days=max(1, settings.window_days) - 1)
    total, sample = _window_texts(conn, facet, start, day, settings.max_sample)
    stats = MapStats(facet=facet, map_id=map_id, status="waiting", n_docs=total)
    if total < settings.min_summaries:
        stats.detail = f"waiting for facets: {total}/{settings.min_summaries}"
        _write_waiting(conn, stats, start, day, settings)
        stats.markdown = f"**{facet}**: {stats.detail}"
        stats.seconds = time.perf_counter() - t0
        return stats

    embedder = embedder or make_embedder(settings)
    stats.embedded_now = embed.ensure_embeddings(conn, sample, settings=settings, embedder=embedder)
    model = embed.registered_model_id(conn, embedder) or ""
    stats.embed_model = model
    hashes, x = embed.load_embeddings(conn, sample["text_hash"].to_list(), model=model)
    if len(hashes) < min(settings.min_summaries, len(sample)):
        # The spend budget stopped the embedder: wait rather than map a biased few.
        stats.detail = (
            f"waiting for vectors: {len(hashes)}/{len(sample)} sampled summaries embedded "
            f"with {model or embedder.name}"
        )
        _write_waiting(conn, stats, start, day, settings)
        stats.markdown = f"**{facet}**: {stats.detail}"
        stats.seconds = time.perf_counter() - t0
        return stats
    text_of = dict(zip(sample["text_hash"].to_list(), sample["text"].to_list(), strict=True))
    texts = [text_of[h] for h in hashes]
    prev_map = previous_map(conn, facet, day)
    previous: list[int] | None = None
    if prev_map:
        prev_of = dict(
            conn.execute(
                "SELECT text_hash, topic_id FROM topic_points WHERE map_id = ?", [prev_map]
            ).fetchall()
        )
        previous = [int(prev_of.get(h, NO_MATCH)) for h in hashes]  # NO_MATCH, never NULL
    result = cluster_texts(
        texts, x, settings=settings, seed=seed, labeler=labeler, facet=facet, previous=previous
    )

    prev = _side(conn, prev_map, facet, model=model, dim=x.shape[1]) if prev_map else None
    members: list[set[str]] = [set() for _ in result.topics]
    for h, lab in zip(hashes, result.labels.tolist(), strict=True):
        if lab >= 0:
            members[lab].add(h)
    new_side = TopicSide(
        [t.topic_id for t in result.topics],
        np.stack([t.centroid for t in result.topics])
        if result.topics
        else np.zeros((0, x.shape[1]), np.float32),
        members,
    )
    # Rebuilding the same map must not hand out fresh ids: ignore this map's own rows.
    with warehouse.transaction(conn):
        _delete_map(conn, map_id)
        matching = match_topics(new_side, prev, next_id=_next_id(conn, facet))
        local_to_stable = np.array(matching.ids + [NO_MATCH], dtype=np.int64)  # -1 → NO_MATCH
        for t, sid in zip(result.topics, matching.ids, strict=True):
            t.topic_id = sid
        _apply_overrides(conn, facet, prev_map, result.topics)
        point_ids = local_to_stable[result.labels]
        _write_built(
            conn, facet, map_id, day, start, settings, result, hashes, point_ids, prev_map,
            matching, model,
        )  # fmt: skip

    stats.status = "built"
    stats.n_docs = len(hashes)
    stats.n_topics = len(result.topics)
    stats.no_match_share = result.no_match_share
    stats.cluster_seconds = result.seconds
    stats.prev_map_id = prev_map
    stats.lineage = matching.counts()
    stats.detail = (
        f"{len(result.topics)} topics from {len(hashes)} summaries "
        f"({total} unique in window), no_match {result.no_match_share:.1%}"
    )
    stats.markdown = topics_markdown(result.topics, facet)
    stats.png = map_png(result.coords, point_ids, result.topics, title=map_id)
    stats.seconds = time.perf_counter() - t0
    return stats


def _delete_map(conn: duckdb.DuckDBPyConnection, map_id: str) -> None:
    for table in ("topic_maps", "topics", "topic_points", "topic_lineage"):
        conn.execute(f"DELETE FROM {table} WHERE map_id = ?", [map_id])


def _write_waiting(
    conn: duckdb.DuckDBPyConnection, stats: MapStats, start: date, day: date, settings: Settings
) -> None:
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
    matching: Matching,
    model: str,
) -> None:
    conn.execute(
        """INSERT INTO topic_maps (map_id, facet, day, window_start, window_end, status, detail,
               algorithm, n_docs, n_topics, no_match_share, prev_map_id, params, embed_model)
           VALUES (?, ?, ?, ?, ?, 'built', ?, ?, ?, ?, ?, ?, ?, ?)""",
        [
            map_id, facet, day, start, day,
            f"{len(result.topics)} topics, no_match {result.no_match_share:.1%}",
            result.algorithm, len(hashes), len(result.topics), result.no_match_share, prev_map,
            json.dumps(result.params), model,
        ],
    )  # fmt: skip
    dim = len(result.topics[0].centroid) if result.topics else 1
    topics = pl.DataFrame(
        {
            "facet": [facet] * len(result.topics),
            "map_id": [map_id] * len(result.topics),
            "topic_id": [t.topic_id for t in result.topics],
            "label": [t.label for t in result.topics],
            "keywords": [t.keywords for t in result.topics],
            "size": [t.size for t in result.topics],
            "share": [t.share for t in result.topics],
            "centroid": pl.Series(
                np.stack([t.centroid for t in result.topics]).astype(np.float32)
                if result.topics
                else np.zeros((0, dim), np.float32),
                dtype=pl.Array(pl.Float32, dim),
            ).cast(pl.List(pl.Float32)),
            "representatives": [t.representatives for t in result.topics],
            "x": [t.x for t in result.topics],
            "y": [t.y for t in result.topics],
            "pinned": [t.pinned for t in result.topics],
            "label_source": [t.label_source for t in result.topics],
        },
        schema_overrides={"keywords": pl.List(pl.Utf8), "representatives": pl.List(pl.Utf8)},
    )
    warehouse.insert_frame(conn, "topics", topics)
    points = pl.DataFrame(
        {
            "map_id": [map_id] * len(hashes),
            "facet": [facet] * len(hashes),
            "text_hash": hashes,
            "topic_id": point_ids.astype(np.int32),
            "x": result.coords[:, 0],
            "y": result.coords[:, 1],
        }
    )
    warehouse.insert_frame(conn, "topic_points", points)
    lineage = pl.DataFrame(
        {
            "facet": [facet] * len(matching.lineage),
            "map_id": [map_id] * len(matching.lineage),
            "prev_map_id": [prev_map] * len(matching.lineage),
            "topic_id": [r.topic_id for r in matching.lineage],
            "prev_topic_ids": [r.prev_topic_ids for r in matching.lineage],
            "kind": [r.kind for r in matching.lineage],
        },
        schema_overrides={"prev_map_id": pl.Utf8, "prev_topic_ids": pl.List(pl.Int32)},
    )
    warehouse.insert_frame(conn, "topic_lineage", lineage)
