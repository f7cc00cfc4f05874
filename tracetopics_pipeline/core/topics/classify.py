"""Classify every facet summary of some days into the facet's current topic map.

No re-clustering: a summary goes to the nearest topic centroid (cosine) whose radius holds it,
or to no_match (topic_id -1) when none does (`cluster.nearest_topics`, the rule the map's
outlier reassignment uses). A topic's radius is stored with it when the map is built
(`cluster.topic_radii`: about as far as its own members sit, at most
settings.no_match_distance); a map built before radii has NULL there and every topic the
global settings.no_match_distance.

A map built with another embedding model than the configured one is refused (its centroids
live in another space): that facet is not classified, and the stats say why, until the map is
rebuilt with the configured model.

Decision: every facet_summaries row gets a classification row, so per-day counts equal trace
counts. Rows that are not status 'ok' (excluded / skipped / errored) are no_match with a NULL
distance and position: they are kept out of topics by design. A facet without any built map
gets no rows (nothing to classify against yet).

Work is set-based: one matrix product per chunk of distinct texts; positions come from the
map's own points (texts in the map) or the mean of the 3 nearest map points in embedding space.

Two levels (docs/two_levels): `subtopic_id`/`subtopic` is the fine topic, `topic_id`/`label` its
parent. Free-text facets: the nearest fine topic, and its parent. Labelled facets (the map's
parents carry `facet_label`, the map's `parent_key`): the parent is the one of the trace's label
(the competitor for Competitor mention; an excluded row counts as its label, so the default
label has its parent, "No issue", never no_match), and the subtopic the nearest fine topic
within it. Days classified against an earlier map keep their subtopic, and their parent follows
the current map (`repoint_parents`), so a subtopic has one parent in every report. A label the map has no parent for falls back to the nearest fine topic. A map without parent rows (built before
two levels) has every topic as its own parent.

One rule across the history (review rv7 R1, issue 12 item 5): each day x facet records the rule
it was classified by (`classify_rule`: this module's source and what it imports, transitively —
among them the map's code and `cluster.nearest_topics` — the numeric libraries, and
settings.no_match_distance) in `classify_rules`. After an upgrade that changes the rule,
`stale_days` finds every stored day classified by another rule (or before rules were recorded),
and the classifications asset re-classifies them against the current maps with the run's days:
classification only, from the stored summaries and cached vectors — nothing is re-summarized or
re-embedded. The run's days come first, then the earlier days newest first (the comparison
windows agree soonest), in chunks of about CHUNK_ROWS traces, each committed with its rule and
reported (`progress`: days done / total, rows/s, time left), so an interrupted pass resumes where
it stopped. Without it the days a run rebuilt used the new rule and the days before the old one:
week-over-week trends compared the two, and days past the comparison window kept the old map's
subtopic ids under names the current map also has (two "Still not working" rows under one parent).

One topic per name among siblings (`fold_same_names`): rows whose topic id the current map no
longer has keep it (a day classified against an earlier map, never re-classified), and a retired
id may carry the very name a current sibling has. After every classification, ids of one parent
(or, for parents, of the facet) that read the same (case and spacing aside) are one topic: their
rows take the current map's id, else the id seen in the latest map.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

import numpy as np
import polars as pl

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.digest import code_digest
from tracetopics_pipeline.core.names import name_key
from tracetopics_pipeline.core.run_record import took
from tracetopics_pipeline.core.topics import embed
from tracetopics_pipeline.core.topics.cluster import nearest_topics
from tracetopics_pipeline.core.topics.embedders import Embedder, make_embedder
from tracetopics_pipeline.core.topics.maps import (
    MAP_SORT_KEYS,
    current_map,
    map_model,
    parent_key,
    parent_kind,
)
from tracetopics_pipeline.core.topics.overrides import apply_merges
from tracetopics_pipeline.core.warehouse import NO_MATCH, NO_MATCH_LABEL, query_pl

if TYPE_CHECKING:
    import duckdb

    from tracetopics_pipeline.core.settings import Settings

NEIGHBOURS = 3
POSITION_POINTS = 10_000  # map points a text outside the map is placed among
_RULE_MODULES = ("tracetopics_pipeline.core.topics.classify",)
_RULE_LIBRARIES = ("numpy", "polars")
_RULE_CODE: str | None = None


def classify_rule(settings: Settings) -> str:
    """A digest of the classification rule: the source that classifies (this module and its
    imports, transitively), the versions of the libraries it computes with, and the settings
    it reads (the global no_match limit of a map without radii)."""
    global _RULE_CODE
    if _RULE_CODE is None:
        _RULE_CODE = code_digest(_RULE_MODULES, _RULE_LIBRARIES)
    return f"{_RULE_CODE[:32]}/{float(settings.no_match_distance)!r}"


def stale_days(
    conn: duckdb.DuckDBPyConnection, facets: list[Any], settings: Settings
) -> list[date]:
    """Every stored day that some facet with a current map was classified by another rule than
    `classify_rule(settings)`, or before rules were recorded. A facet without a built map has no
    rows to re-classify."""
    names = [f.name if hasattr(f, "name") else str(f) for f in facets]
    names = [n for n in names if current_map(conn, n) is not None]
    if not names:
        return []
    rows = conn.execute(
        """SELECT DISTINCT c.day FROM (SELECT DISTINCT day, facet FROM classifications
                                        WHERE facet IN (SELECT unnest(?::VARCHAR[]))) c
           WHERE NOT EXISTS (SELECT 1 FROM classify_rules r WHERE r.day = c.day
                             AND r.facet = c.facet AND r.rule = ?)
           ORDER BY 1""",
        [names, classify_rule(settings)],
    ).fetchall()
    return [r[0] for r in rows]


@dataclass
class ClassifyStats:
    days: list[str]
    rows: int = 0
    matched: int = 0
    no_match: int = 0
    embedded_now: int = 0
    without_vector: int = 0  # ok summaries left no_match for want of a vector (spend budget)
    repointed: int = 0  # earlier days' rows whose parent follows the current map
    seconds: float = 0.0
    embed_model: str = ""
    maps: dict[str, str] = field(default_factory=dict)  # facet -> map_id used
    without_map: list[str] = field(default_factory=list)
    refused: dict[str, str] = field(default_factory=dict)  # facet -> why its map was refused
    reclassified: list[str] = field(default_factory=list)  # earlier days, for a changed rule
    reclassified_rows: int = 0
    reclassified_seconds: float = 0.0
    folded: int = 0  # rows moved to the one topic of their name among siblings

    @property
    def no_match_share(self) -> float:
        return self.no_match / self.rows if self.rows else 0.0

    @property
    def rows_per_s(self) -> float:
        return self.rows / self.seconds if self.seconds > 0 else 0.0

    def metadata(self) -> dict[str, Any]:
        return {
            "days": ", ".join(self.days),
            "rows": self.rows,
            "matched": self.matched,
            "no_match": self.no_match,
            "no_match_share": round(self.no_match_share, 4),
            "embedded_now": self.embedded_now,
            "without_vector": self.without_vector,
            "repointed": self.repointed,
            "seconds": round(self.seconds, 2),
            "rows_per_s": round(self.rows_per_s, 1),
            "embed_model": self.embed_model,
            "maps": ", ".join(f"{k}={v}" for k, v in sorted(self.maps.items())),
            "facets_without_map": ", ".join(self.without_map),
            "maps_refused": " | ".join(f"{k}: {v}" for k, v in sorted(self.refused.items())),
            "reclassified_for_rule": _days_text(self.reclassified),
            "reclassified_rows": self.reclassified_rows,
            "reclassified_rows_per_s": round(
                self.reclassified_rows / self.reclassified_seconds
                if self.reclassified_seconds > 0
                else 0.0,
                1,
            ),
            "folded_same_names": self.folded,
        }


def _positions(x: np.ndarray, point_x: np.ndarray, point_xy: np.ndarray) -> np.ndarray:
    """Mean 2-D position of the NEIGHBOURS nearest map points of each row of `x`."""
    out = np.full((len(x), 2), np.nan)
    if len(point_x) == 0:
        return out
    k = min(NEIGHBOURS, len(point_x))
    step = max(1, 2**24 // len(point_x))  # ≤ 16M similarities (64 MB) per block
    for s in range(0, len(x), step):
        sims = x[s : s + step] @ point_x.T
        nn = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        out[s : s + step] = point_xy[nn].mean(axis=1)
    return out


def classify_days(
    conn: duckdb.DuckDBPyConnection,
    days: Iterable[date],
    *,
    facets: list[Any],
    settings: Settings,
    embedder: Embedder | None = None,
    same_rule: bool = False,
    progress: Callable[[str], None] | None = None,
) -> ClassifyStats:
    """Replace classifications of `days` × `facets` with nearest-topic assignments. With
    `same_rule`, also every stored day classified by another rule (`stale_days`), so every
    day a report counts follows one rule; `progress` hears a line per chunk of those."""
    t0 = time.perf_counter()
    embedder = embedder or make_embedder(settings)
    model = embed.registered_model_id(conn, embedder)
    days = sorted(set(days))
    stats = ClassifyStats(days=[d.isoformat() for d in days], embed_model=model or embedder.name)
    rule = classify_rule(settings)
    definitions = {f.name: f for f in facets if hasattr(f, "name")}
    names = []
    for facet in (f.name if hasattr(f, "name") else str(f) for f in facets):
        map_id = current_map(conn, facet)
        built_with = map_model(conn, map_id) if map_id else None
        if map_id is None:
            stats.without_map.append(facet)
        elif built_with != model:
            stats.refused[facet] = (
                f"map {map_id} was built with {built_with or 'an unrecorded model'}, the "
                f"configured model is {model or embedder.name}: rebuild the maps "
                "(materialize topic_maps, or `tracetopics run`)"
            )
            continue  # its classifications stay as they were
        else:
            stats.maps[facet] = map_id
        names.append(facet)
    earlier: list[date] = []
    if same_rule and days and stats.maps:
        earlier = [d for d in stale_days(conn, list(stats.maps), settings) if d not in days]
        stats.reclassified = [d.isoformat() for d in earlier]
    # A chunk of days at a time (about CHUNK_ROWS traces, so × facets rows), each replaced
    # in one transaction with its rule: memory stays flat however long the range, and an
    # interrupted re-classification keeps what it finished. The run's days first, then the
    # earlier days newest first.
    per_day = warehouse.rows_per_day(conn, "raw_traces", [*days, *earlier])
    for chunk in warehouse.day_chunks(days, per_day):
        stats.rows += _classify_chunk(conn, chunk, names, stats, rule, settings, embedder,
                                      model or "", definitions)  # fmt: skip
    t1, traces_done, days_done = time.perf_counter(), 0, 0
    traces_total = sum(per_day.get(d, 0) for d in earlier)
    for chunk in reversed(warehouse.day_chunks(earlier, per_day)):
        n = _classify_chunk(conn, chunk, names, stats, rule, settings, embedder, model or "",
                            definitions)  # fmt: skip
        stats.rows += n
        stats.reclassified_rows += n
        stats.reclassified_seconds = time.perf_counter() - t1
        days_done += len(chunk)
        traces_done += sum(per_day.get(d, 0) for d in chunk)
        if progress is not None:
            left = stats.reclassified_seconds * (traces_total - traces_done) / max(traces_done, 1)
            progress(
                f"re-classified {days_done:,}/{len(earlier):,} earlier days for the current "
                f"rule (down to {chunk[0].isoformat()}): {stats.reclassified_rows:,} rows, "
                f"{stats.reclassified_rows / max(stats.reclassified_seconds, 1e-9):,.0f} rows/s"
                + (f", about {took(left)} left" if days_done < len(earlier) else "")
            )
    for facet, map_id in stats.maps.items():
        with warehouse.transaction(conn):
            stats.repointed += repoint_parents(conn, facet, map_id)
            apply_merges(conn, [facet])
            stats.folded += fold_same_names(conn, facet, map_id)
    stats.seconds = time.perf_counter() - t0
    return stats


def _classify_chunk(
    conn: duckdb.DuckDBPyConnection,
    chunk: list[date],
    names: list[str],
    stats: ClassifyStats,
    rule: str,
    settings: Settings,
    embedder: Embedder,
    model: str,
    definitions: dict[str, Any],
) -> int:
    """Classify and replace one chunk of days in one transaction, recording its rule; returns
    the rows written (counted into `stats`' matched / no_match / embedded)."""
    frames: list[pl.DataFrame] = []
    for facet, map_id in stats.maps.items():
        frame, embedded, without = _classify_facet(
            conn, chunk, facet, map_id, settings, embedder, model, definitions.get(facet)
        )
        stats.embedded_now += embedded
        stats.without_vector += without
        frames.append(frame)
    result = pl.concat(frames) if frames else None
    del frames
    with warehouse.transaction(conn):
        conn.execute(
            """DELETE FROM classifications WHERE day IN (SELECT unnest(?::DATE[]))
               AND facet IN (SELECT unnest(?::VARCHAR[]))""",
            [chunk, names],
        )
        warehouse.insert_frame(conn, "classifications", result)
        apply_merges(conn, list(stats.maps), chunk)  # a person's merges win
        conn.execute(
            """DELETE FROM classify_rules WHERE day IN (SELECT unnest(?::DATE[]))
               AND facet IN (SELECT unnest(?::VARCHAR[]))""",
            [chunk, list(stats.maps)],
        )
        conn.execute(
            """INSERT INTO classify_rules (day, facet, rule)
               SELECT d, f, ? FROM unnest(?::DATE[]) t(d), unnest(?::VARCHAR[]) u(f)""",
            [rule, chunk, list(stats.maps)],
        )
    if result is None:
        return 0
    no_match = int((result["topic_id"] == NO_MATCH).sum())
    stats.no_match += no_match
    stats.matched += len(result) - no_match
    return len(result)


def _days_text(days: list[str]) -> str:
    """'2026-11-01, 2026-11-02', or past five days 'first … last (N days)'."""
    if len(days) <= 5:
        return ", ".join(days)
    return f"{days[0]} … {days[-1]} ({len(days)} days)"


def fold_same_names(conn: duckdb.DuckDBPyConnection, facet: str, map_id: str) -> int:
    """Siblings that read the same are one topic: rows of topic ids under one parent (parents:
    of the facet) whose visible names — each id's name in the latest map that has it, as every
    listing shows it — are equal but for case and spacing move to one id: the current map's
    (`map_id`), else the one seen in the latest map, else the one with the most rows. Parents
    first, then the subtopics under the parents they now have. A retired id (a day classified
    against an earlier map and never since) otherwise showed as a second row of a name the
    current map has ("Still not working" 362 + 22). Returns rows changed; the caller holds the
    transaction."""
    used = conn.execute(
        f"""SELECT topic_id, coalesce(subtopic_id, topic_id), count(*) FROM classifications
            WHERE facet = ? AND topic_id <> {NO_MATCH} GROUP BY 1, 2""",
        [facet],
    ).fetchall()
    ids = conn.execute(
        f"""SELECT t.topic_id, arg_max(t.label, k.sort_key), max(k.sort_key),
                  bool_or(t.map_id = ?),
                  max(CASE WHEN t.map_id = ? THEN coalesce(t.level, 'sub') END),
                  max(CASE WHEN t.map_id = ? THEN t.parent_id END)
           FROM topics t
           JOIN {MAP_SORT_KEYS} k ON k.map_id = t.map_id
           WHERE t.facet = ?
             AND (t.map_id = ? OR t.topic_id IN (SELECT unnest(?::INTEGER[])))
           GROUP BY t.topic_id""",
        [map_id, map_id, map_id, facet, map_id,
         sorted({t for p, sub, _ in used for t in (p, sub)})],
    ).fetchall()  # fmt: skip
    label = {r[0]: r[1] for r in ids}
    seen = {r[0]: r[2] or "" for r in ids}
    current = {r[0] for r in ids if r[3]}
    # the current map's subtopics with their parents; its parents (a map from before two
    # levels: every topic its own parent)
    current_parent = {r[0]: r[5] for r in ids if r[3] and r[4] != "parent" and r[5] is not None}
    current_parents = {t for t in current if t not in current_parent}
    rows: dict[int, int] = {}
    for p, sub, n in used:
        rows[p] = rows.get(p, 0) + n
        rows[sub] = rows.get(sub, 0) + n

    def canonical(group: list[int]) -> int:
        return max(group, key=lambda t: (t in current, seen.get(t, ""), rows.get(t, 0), -t))

    def one_per_name(members: dict[Any, set[int]]) -> dict[tuple[Any, int], int]:
        """Ids grouped by scope -> (scope, id) -> the one id of its name within its scope."""
        out: dict[tuple[Any, int], int] = {}
        for scope, members_ in members.items():
            by_name: dict[str, list[int]] = {}
            for t in members_:
                name = name_key(label.get(t))
                if name is not None:
                    by_name.setdefault(name, []).append(t)
            for group in by_name.values():
                to = canonical(group)
                out.update({(scope, t): to for t in group if t != to})
        return out

    parent_to = one_per_name({None: {p for p, _, _ in used} | current_parents})
    siblings: dict[int, set[int]] = {}
    for p, sub, _ in used:
        if sub != p:
            siblings.setdefault(parent_to.get((None, p), p), set()).add(sub)
    for sub, p in current_parent.items():
        siblings.setdefault(p, set()).add(sub)
    sub_to = one_per_name(siblings)
    moves = []
    for p, sub, _ in used:
        p2 = parent_to.get((None, p), p)
        s2 = p2 if sub == p else sub_to.get((p2, sub), sub)
        if (p2, s2) != (p, sub):
            moves.append((p, sub, p2, s2, label.get(p2), label.get(s2)))
    if not moves:
        return 0
    src_p, src_s, dst_p, dst_s, dst_pl, dst_sl = (list(c) for c in zip(*moves, strict=True))
    res = conn.execute(
        """UPDATE classifications c
           SET topic_id = m.dst_p, label = coalesce(m.dst_pl, c.label),
               subtopic_id = CASE WHEN c.subtopic_id IS NULL THEN NULL ELSE m.dst_s END,
               subtopic = coalesce(m.dst_sl, c.subtopic)
           FROM (SELECT unnest(?::INTEGER[]) AS src_p, unnest(?::INTEGER[]) AS src_s,
                        unnest(?::INTEGER[]) AS dst_p, unnest(?::INTEGER[]) AS dst_s,
                        unnest(?::VARCHAR[]) AS dst_pl, unnest(?::VARCHAR[]) AS dst_sl) m
           WHERE c.facet = ? AND c.topic_id = m.src_p
             AND coalesce(c.subtopic_id, c.topic_id) = m.src_s""",
        [src_p, src_s, dst_p, dst_s, dst_pl, dst_sl, facet],
    ).fetchall()
    return int(res[0][0]) if res else 0


def repoint_parents(conn: duckdb.DuckDBPyConnection, facet: str, map_id: str) -> int:
    """Rows of days classified against an earlier map (or an earlier build of the same day's)
    keep their subtopic; their parent and both labels follow the current map `map_id`.
    Without this a subtopic whose parent changed sat under two parents in every report (old
    days under the old one, new days under the new), and a retired parent's name could repeat
    a current one's. Rows whose subtopic the
    current map no longer has keep theirs. Returns rows changed (a merged topic's rows each
    time: the caller holds the transaction and re-applies a person's merges after it)."""
    res = conn.execute(
        """UPDATE classifications c
           SET topic_id = m.parent_id, label = m.parent_label, subtopic = m.sub_label
           FROM (SELECT s.topic_id AS sub_id, coalesce(s.parent_id, s.topic_id) AS parent_id,
                        s.label AS sub_label, coalesce(p.label, s.label) AS parent_label
                 FROM topics s
                 LEFT JOIN topics p ON p.map_id = s.map_id AND p.topic_id = s.parent_id
                   AND p.level = 'parent'
                 WHERE s.map_id = ? AND coalesce(s.level, 'sub') <> 'parent') m
           WHERE c.facet = ? AND c.subtopic_id = m.sub_id
             AND (c.topic_id IS DISTINCT FROM m.parent_id
                  OR c.label IS DISTINCT FROM m.parent_label
                  OR c.subtopic IS DISTINCT FROM m.sub_label)""",
        [map_id, facet],
    ).fetchall()
    return int(res[0][0]) if res else 0


def map_topics(conn: duckdb.DuckDBPyConnection, map_id: str) -> pl.DataFrame:
    """The topics of one map at both levels: topic_id, label, centroid, size, level, parent_id,
    facet_label, radius. A map built before two levels has only 'sub' rows without parents;
    one built before radii has NULL radii (the global no_match_distance holds)."""
    return query_pl(
        conn,
        """SELECT topic_id, label, centroid, coalesce(size, 0) AS size,
                  coalesce(level, 'sub') AS level, parent_id, facet_label,
                  CAST(radius AS DOUBLE) AS radius
           FROM topics WHERE map_id = ? ORDER BY topic_id""",
        [map_id],
    )


def labelled(topics: pl.DataFrame) -> bool:
    """Whether a map is a labelled facet's: its parents stand for label values."""
    return bool(
        len(topics.filter((pl.col("level") == "parent") & pl.col("facet_label").is_not_null()))
    )


def _classify_facet(
    conn: duckdb.DuckDBPyConnection,
    days: list[date],
    facet: str,
    map_id: str,
    settings: Settings,
    embedder: Embedder,
    model: str,
    definition: Any | None = None,
) -> tuple[pl.DataFrame, int, int]:
    rows = query_pl(
        conn,
        f"""SELECT day, trace_id, status, label,
                   CASE WHEN status = 'ok' AND summary IS NOT NULL THEN {embed.HASH_SQL} END AS text_hash,
                   summary
            FROM facet_summaries
            WHERE facet = ? AND day IN (SELECT unnest(?::DATE[]))""",
        [facet, days],
    )
    ok = rows.filter(pl.col("text_hash").is_not_null())
    uniq = ok.group_by("text_hash").agg(pl.col("summary").min().alias("text")).sort("text_hash")
    embedded = embed.ensure_embeddings(conn, uniq, settings=settings, embedder=embedder)
    hashes, x = embed.load_embeddings(conn, uniq["text_hash"].to_list(), model=model)
    without = ok.filter(~pl.col("text_hash").is_in(hashes)).height

    topics = map_topics(conn, map_id)
    fine = topics.filter(pl.col("level") != "parent")
    cents = _centroids(fine["centroid"], x)
    if len(x) == 0:
        x = np.zeros((0, cents.shape[1]), np.float32)
    radii = fine["radius"].cast(pl.Float64).fill_null(float("nan")).to_numpy()
    idx, dist = nearest_topics(x, cents, max_distance=settings.no_match_distance, radii=radii)
    sub_ids = np.asarray(fine["topic_id"].to_list() + [NO_MATCH], dtype=np.int64)[idx]
    xy = _text_positions(conn, map_id, hashes, x, model)
    per_text = pl.DataFrame(
        {
            "text_hash": hashes,
            "subtopic_id": sub_ids.astype(np.int32),
            "distance": dist,
            "x": xy[:, 0],
            "y": xy[:, 1],
        },
        schema_overrides={"text_hash": pl.Utf8, "distance": pl.Float64},
    )
    out = rows.join(per_text, on="text_hash", how="left")
    if labelled(topics):
        # the parent a row belongs to, by the same rule the map grouped its texts with (an
        # excluded row keeps its label: the default label's parent)
        kind = parent_kind(definition)
        keys = [
            parent_key(text or "", label, definition, kind)
            if status in ("ok", "excluded")
            else None
            for text, label, status in out.select("summary", "label", "status").iter_rows()
        ]
        out = _within_labels(
            out.with_columns(pl.Series("key", keys, dtype=pl.Utf8)), hashes, x, cents, topics
        )
    out = _with_parents(out.with_columns(pl.col("subtopic_id").fill_null(NO_MATCH)), topics)
    out = out.with_columns(pl.lit(facet).alias("facet"), pl.lit(map_id).alias("map_id"))
    out = out.select(
        "day", "trace_id", "facet", "topic_id", "label", "distance", "map_id", "x", "y",
        "subtopic_id", "subtopic",
    )  # fmt: skip
    return out, embedded, without


def _centroids(col: pl.Series, x: np.ndarray) -> np.ndarray:
    """The fine topics' centroids as a matrix. A topic without one (a default label whose
    texts were never embedded) is a zero row: never the nearest of anything."""
    present = embed.vectors(col.drop_nulls())
    dim = present.shape[1] if len(present) else (x.shape[1] if x.ndim == 2 else 0)
    out = np.zeros((len(col), dim), np.float32)
    if len(present):
        out[col.is_not_null().to_numpy()] = present
    return out


def _within_labels(
    rows: pl.DataFrame, hashes: list[str], x: np.ndarray, cents: np.ndarray, topics: pl.DataFrame
) -> pl.DataFrame:
    """Labelled facets: each row's subtopic is the nearest fine topic under its label's parent
    (no distance limit: the label decides), or that parent's largest fine topic when the row
    has no text to compare (an excluded default-label row). Rows whose label has no parent
    keep the nearest-topic result."""
    fine = topics.filter(pl.col("level") != "parent")
    fine_ids = fine["topic_id"].to_list()
    parent_of = [
        p if p is not None else t for t, p in zip(fine_ids, fine["parent_id"], strict=True)
    ]
    # label value -> parent: the parents' own keys, then their subtopics' (keys that read alike
    # share one parent)
    parent_by_key: dict[str, int] = {}
    for t, k, level in topics.select("topic_id", "facet_label", "level").iter_rows():
        if k is not None and level == "parent":
            parent_by_key[k] = t
    for k, p in zip(fine["facet_label"], parent_of, strict=True):
        if k is not None:
            parent_by_key.setdefault(k, p)
    members: dict[int, list[int]] = {}  # parent -> indexes into `fine`
    for i, p in enumerate(parent_of):
        members.setdefault(p, []).append(i)
    largest = {
        p: max(ix, key=lambda i: (fine["size"][i], -fine_ids[i])) for p, ix in members.items()
    }
    row_of = dict(zip(hashes, range(len(hashes)), strict=True))
    known = [k for k, p in parent_by_key.items() if p in members]
    pairs = rows.select("text_hash", "key").unique().filter(pl.col("key").is_in(known))
    chosen_id, chosen_dist = [], []
    for h, key in pairs.iter_rows():
        parent = parent_by_key[key]
        ix = members[parent]
        r = row_of.get(h) if h is not None else None
        if r is None:
            chosen_id.append(fine_ids[largest[parent]])
            chosen_dist.append(None)
            continue
        sims = cents[ix] @ x[r]
        b = int(sims.argmax())
        chosen_id.append(fine_ids[ix[b]])
        chosen_dist.append(float(1.0 - sims[b]))
    chosen = pairs.with_columns(
        pl.Series("chosen_id", chosen_id, dtype=pl.Int32),
        pl.Series("chosen_distance", chosen_dist, dtype=pl.Float64),
    )
    return (
        rows.join(chosen, on=["text_hash", "key"], how="left", nulls_equal=True)
        .with_columns(
            pl.coalesce("chosen_id", "subtopic_id").alias("subtopic_id"),
            pl.when(pl.col("chosen_id").is_not_null())
            .then(pl.col("chosen_distance"))
            .otherwise(pl.col("distance"))
            .alias("distance"),
        )
        .drop("chosen_id", "chosen_distance")
    )


def _with_parents(rows: pl.DataFrame, topics: pl.DataFrame) -> pl.DataFrame:
    """topic_id/label = the subtopic's parent (itself when the map has no parents), subtopic =
    the fine label; no_match at both levels when the subtopic is no_match."""
    labels = dict(zip(topics["topic_id"].to_list(), topics["label"].to_list(), strict=True))
    fine = topics.filter(pl.col("level") != "parent")
    parent_of = {
        t: (p if p is not None else t)
        for t, p in zip(fine["topic_id"].to_list(), fine["parent_id"].to_list(), strict=True)
    }
    parent_of[NO_MATCH] = NO_MATCH
    labels[NO_MATCH] = NO_MATCH_LABEL
    subs = rows["subtopic_id"].to_list()
    parents = [parent_of.get(s, NO_MATCH) for s in subs]
    return rows.with_columns(
        pl.Series("topic_id", parents, dtype=pl.Int32),
        pl.Series("label", [labels.get(p, NO_MATCH_LABEL) for p in parents], dtype=pl.Utf8),
        pl.Series("subtopic", [labels.get(s, NO_MATCH_LABEL) for s in subs], dtype=pl.Utf8),
    )


def _text_positions(
    conn: duckdb.DuckDBPyConnection, map_id: str, hashes: list[str], x: np.ndarray, model: str
) -> np.ndarray:
    """2-D positions: the text's own map point when it is in the map, else its nearest ones."""
    pts = query_pl(
        conn,
        """SELECT p.text_hash, p.x, p.y, e.embedding FROM topic_points p
           JOIN summary_embeddings e ON e.text_hash = p.text_hash AND e.model = ?
           WHERE p.map_id = ? ORDER BY p.text_hash""",
        [model, map_id],
    )
    xy = np.full((len(hashes), 2), np.nan)
    if len(pts):
        where = dict(zip(pts["text_hash"].to_list(), range(len(pts)), strict=True))
        pos = np.array([where.get(h, -1) for h in hashes], dtype=np.int64)
        pxy = pts.select("x", "y").to_numpy()
        inside = pos >= 0
        xy[inside] = pxy[pos[inside]]
        if (~inside).any():
            # Positions are for the scatterplot only: an even subsample of the map's points
            # (hash order is random) places a text as well and keeps this linear in texts.
            sub = slice(None, None, max(1, len(pts) // POSITION_POINTS))
            _, pmat = embed.frame_to_matrix(pts[sub])
            xy[~inside] = _positions(x[~inside], pmat, pxy[sub])
    return xy
