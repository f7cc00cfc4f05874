"""Read queries behind the explorer's views. Set-based SQL over the snapshot, never per-row loops.

Every function takes a cursor from `store.SnapshotStore` and a `TraceFilter`; the filter's
fragment becomes the CTE `ft` (ids of the matching traces) that each query joins.
"""

from __future__ import annotations

import base64
from collections import Counter
from datetime import date, timedelta
from typing import Any

import duckdb
import numpy as np

from tracetopics_pipeline.core.ingest.gaps import CHANGE_WINDOWS, axis_start, stray
from tracetopics_pipeline.core.ingest.messages import loads_json
from tracetopics_pipeline.core.topics.report import TOPIC_LATEST
from tracetopics_pipeline.core.warehouse import NO_MATCH, NO_MATCH_LABEL, column_names
from tracetopics_pipeline.explorer.filters import TraceFilter

MAX_POINTS = 200_000  # above this the scatterplot shows a deterministic sample
# A map of fewer distinct positions (traces with one summary share one) says nothing its list
# does not: the page offers no map of a facet, topic or label below it ("Map of its reasons" on
# Neutral sentiment drew 4,054 traces on 2 points), and "Cluster this subset" needs as many
# distinct summaries (subset.py).
MIN_MAP_POINTS = 10
# The id a classification has at each level (two levels, docs/explorer.md; one-level
# snapshots: subtopic_id is NULL).
LEVEL_ID = {"parent": "c.topic_id", "sub": "coalesce(c.subtopic_id, c.topic_id)"}


def level_id(level: str) -> str:
    if level not in LEVEL_ID:
        raise ValueError("level must be parent or sub")
    return LEVEL_ID[level]


def _with(f: TraceFilter, *extra: str) -> tuple[str, list[Any]]:
    sql, params = f.sql()
    ctes = [f"ft AS ({sql})", *extra]
    return "WITH " + ",\n".join(ctes) + "\n", params


def _rows(cur: duckdb.DuckDBPyConnection, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    res = cur.execute(sql, params)
    cols = [d[0] for d in res.description]
    return [dict(zip(cols, r, strict=True)) for r in res.fetchall()]


def b64(arr: np.ndarray) -> str:
    return base64.b64encode(np.ascontiguousarray(arr).tobytes()).decode("ascii")


def facet_names(cur: duckdb.DuckDBPyConnection) -> list[str]:
    """The facets the snapshot has summaries of, sorted."""
    return [r[0] for r in cur.execute("SELECT DISTINCT facet FROM facets ORDER BY 1").fetchall()]


def overview(cur: duckdb.DuckDBPyConnection, marts: frozenset[str]) -> dict[str, Any]:
    """What the filter bar and facet pickers offer: facets, labels, customers, tiers, dates."""
    facets = _rows(
        cur,
        """
        SELECT f.facet,
               count(*) AS summaries,
               count(f.label) AS labelled,
               list(DISTINCT f.label ORDER BY f.label) FILTER (WHERE f.label IS NOT NULL) AS labels,
               (SELECT count(*) FROM classifications c WHERE c.facet = f.facet) AS classified
        FROM facets f GROUP BY f.facet ORDER BY f.facet
        """,
        [],
    )
    for fct in facets:
        fct["labels"] = fct["labels"] or []
    span = cur.execute("SELECT min(day), max(day), count(*) FROM trace_index").fetchone()
    customers = _rows(
        cur,
        "SELECT customer AS value, count(*) AS n FROM trace_index WHERE customer IS NOT NULL "
        "GROUP BY ALL ORDER BY n DESC, value LIMIT 500",
        [],
    )
    tiers = _rows(
        cur,
        "SELECT plan_tier AS value, count(*) AS n FROM trace_index WHERE plan_tier IS NOT NULL "
        "GROUP BY ALL ORDER BY n DESC, value",
        [],
    )
    maps = _rows(
        cur,
        "SELECT map_id, facet, day, status, detail, n_docs, n_topics, no_match_share "
        "FROM topic_maps ORDER BY facet, day DESC",
        [],
    )
    # Every topic's latest name and level; topics a person merged away are left out.
    topics = _rows(
        cur,
        "WITH "
        + TOPIC_LATEST
        + """, lvl AS (SELECT facet, topic_id, max(level) AS level FROM topics GROUP BY ALL)
        SELECT tl.facet, tl.topic_id, tl.label, coalesce(lvl.level, 'sub') AS level
        FROM topic_latest tl
        LEFT JOIN lvl ON lvl.facet = tl.facet AND lvl.topic_id = tl.topic_id
        WHERE NOT EXISTS (SELECT 1 FROM topic_overrides o WHERE o.facet = tl.facet
                          AND o.topic_id = tl.topic_id AND o.merged_into IS NOT NULL)
        ORDER BY tl.facet, tl.topic_id""",
        [],
    )
    return {
        "facets": facets,
        "date_min": span[0].isoformat() if span and span[0] else None,
        "date_max": span[1].isoformat() if span and span[1] else None,
        "traces": span[2] if span else 0,
        "customers": customers,
        "plan_tiers": tiers,
        "maps": [{**m, "day": m["day"].isoformat() if m["day"] else None} for m in maps],
        "topics": topics,
        "marts": sorted(marts),
        "change_windows": list(CHANGE_WINDOWS),
    }


def map_points(
    cur: duckdb.DuckDBPyConnection,
    f: TraceFilter,
    facet: str,
    map_id: str | None = None,
    level: str = "parent",
) -> dict[str, Any]:
    """The scatterplot as compact columns, one point per position: base64 float32 x/y, int32
    topic ids at `level` (parent or sub), the parent ids and `w`, the traces drawn at that
    point; a trace id per point (the first of its traces) joined by \n.

    Traces with the same summary share a position (a labelled facet's summaries repeat: 9,000
    Sentiment traces sit on about 60 positions), so a point says how many it stands for rather
    than hiding them under each other. `total` counts the map's traces in the filter, `n` the
    traces drawn (less than `total` only when sampled past MAX_POINTS positions), `points` the
    positions; `off_map` the facet's traces in the filter that have no position, by topic (a
    facet's default label, "No issue", is kept out of its map). `topic_points`: the positions
    of each topic at `level` (and of each parent), against `min_points` (MIN_MAP_POINTS): the
    page offers no map of fewer.

    Topic ids are stable across maps but coordinates are not, so one map is drawn at a time:
    by default the map holding most of the filtered traces (ties: the latest).
    """
    tid_sql = level_id(level)
    head, params = _with(f)
    maps = _rows(
        cur,
        head
        + """
        SELECT c.map_id, count(*) AS n, max(m.day) AS day
        FROM classifications c JOIN ft ON ft.id = c.trace_id
        LEFT JOIN topic_maps m ON m.map_id = c.map_id
        WHERE lower(c.facet) = lower(?) AND c.x IS NOT NULL AND c.map_id IS NOT NULL
        GROUP BY c.map_id ORDER BY n DESC, day DESC NULLS LAST, c.map_id DESC
        """,
        [*params, facet],
    )
    known = {m["map_id"] for m in maps}
    chosen = map_id if map_id in known else (maps[0]["map_id"] if maps else None)
    total = next((m["n"] for m in maps if m["map_id"] == chosen), 0)
    # Deterministic thinning only past MAX_POINTS positions; WebGL draws 100k+ points fine.
    res = cur.execute(
        head
        + f"""
        , pts AS (
            SELECT min(c.trace_id) AS trace_id, c.x::FLOAT AS x, c.y::FLOAT AS y,
                   coalesce({tid_sql}, -1)::INTEGER AS topic_id,
                   coalesce(c.topic_id, -1)::INTEGER AS parent_id, count(*)::INTEGER AS w
            FROM classifications c JOIN ft ON ft.id = c.trace_id
            WHERE lower(c.facet) = lower(?) AND c.map_id = ? AND c.x IS NOT NULL
            GROUP BY c.x::FLOAT, c.y::FLOAT, 4, 5
        ),
        thin AS (SELECT *, ceil(count(*) OVER () / ?)::BIGINT AS modulus FROM pts)
        SELECT trace_id, x, y, topic_id, parent_id, w FROM thin
        WHERE modulus <= 1 OR hash(trace_id) % modulus = 0
        ORDER BY trace_id
        """,
        [*params, facet, chosen, MAX_POINTS],
    ).fetchnumpy()
    off = cur.execute(
        head
        + f"""
        SELECT coalesce({tid_sql}, -1)::INTEGER AS topic_id, count(*) AS n
        FROM classifications c JOIN ft ON ft.id = c.trace_id
        WHERE lower(c.facet) = lower(?) AND c.map_id = ? AND c.x IS NULL
        GROUP BY 1 ORDER BY n DESC, topic_id
        """,
        [*params, facet, chosen],
    ).fetchall()
    ids = [str(x) for x in res["trace_id"]]
    w = np.asarray(res["w"], dtype="<i4")
    # positions per topic at `level` and per parent: whether the map of one says anything
    per_topic = Counter(int(t) for t in res["topic_id"])
    if level != "parent":
        per_topic.update(int(t) for t in res["parent_id"])
    return {
        "facet": facet,
        "map_id": chosen,
        "maps": [{**m, "day": m["day"].isoformat() if m["day"] else None} for m in maps],
        "total": total,
        "n": int(w.sum()),
        "points": len(ids),
        "x": b64(np.asarray(res["x"], dtype="<f4")),
        "y": b64(np.asarray(res["y"], dtype="<f4")),
        "w": b64(w),
        "level": level,
        "topic_id": b64(np.asarray(res["topic_id"], dtype="<i4")),
        "parent_id": b64(np.asarray(res["parent_id"], dtype="<i4")),
        "ids": "\n".join(ids),
        "off_map": [{"topic_id": int(t), "n": int(n)} for t, n in off],
        "min_points": MIN_MAP_POINTS,
        "topic_points": [{"topic_id": t, "points": n} for t, n in sorted(per_topic.items())],
    }


def timeline(
    cur: duckdb.DuckDBPyConnection,
    f: TraceFilter,
    facet: str,
    grain: str = "day",
    level: str = "parent",
) -> dict[str, Any]:
    """Volume per topic (at `level`) per day or ISO week (weeks start on Monday), every
    bucket from the first to the last (a day without traces is a zero, not a gap). The Trends
    chart and the topic list's sparklines.

    Without a date filter, traces before a gap of more than `AXIS_GAP_DAYS` empty days (the
    last such gap) are left off the axis and counted in `before` (review rv9 A-a: one trace
    a year old drew 370 days with the 5 real ones in the last pixels); a date filter, from or
    to, draws exactly the days it asks for.

    `days[i]`: the days of bucket i on which the facet has classified traces (whatever the
    other filters; within the date filter and the axis), so a week the data starts or ends in
    reads "3 of 7 days" and the chart can plot it per day (review rv12 M3: the week in progress
    drew every topic plunging). Each series carries its topic's `facet_label` (a labelled
    facet's value, else None): the page keeps the facet's default label off the scale (M2)."""
    if grain not in ("day", "week"):
        raise ValueError("grain must be day or week")
    tid = f"coalesce({level_id(level)}, -1)"
    head, params = _with(f, TOPIC_LATEST)
    rows = cur.execute(
        head
        + f"""
        SELECT c.day, {tid} AS topic_id,
               any_value(coalesce(tl.label, c.label)) AS label, count(*) AS n,
               any_value(tl.facet_label) AS facet_label
        FROM classifications c JOIN ft ON ft.id = c.trace_id
        LEFT JOIN topic_latest tl ON lower(tl.facet) = lower(c.facet) AND tl.topic_id = {tid}
        WHERE lower(c.facet) = lower(?)
        GROUP BY ALL ORDER BY c.day
        """,
        [*params, facet],
    ).fetchall()
    before: dict[str, Any] | None = None
    start = None if f.date_from or f.date_to else axis_start(sorted({r[0] for r in rows}))
    if start is not None:
        old = [r for r in rows if r[0] < start]
        rows = [r for r in rows if r[0] >= start]
        last_old = max(r[0] for r in old)
        before = {
            "traces": sum(r[3] for r in old),
            "first_day": min(r[0] for r in old).isoformat(),
            "last_day": last_old.isoformat(),
            "axis_from": start.isoformat(),
            "gap_days": (start - last_old).days - 1,
        }

    def bucket_of(d: date) -> date:
        return d if grain == "day" else d - timedelta(days=d.weekday())

    step = timedelta(days=1 if grain == "day" else 7)
    first, last = (bucket_of(rows[0][0]), bucket_of(rows[-1][0])) if rows else (None, None)
    buckets = [first + i * step for i in range((last - first) // step + 1)] if rows else []
    index = {b: i for i, b in enumerate(buckets)}
    series: dict[int, dict[str, Any]] = {}
    for d, tid, label, n, facet_label in rows:
        s = series.setdefault(
            tid,
            {
                "topic_id": tid,
                "label": NO_MATCH_LABEL if tid == NO_MATCH else label,
                "facet_label": None if tid == NO_MATCH else facet_label,
                "counts": [0] * len(buckets),
                "total": 0,
            },
        )
        if s["label"] is None:
            s["label"] = label
        if s["facet_label"] is None and tid != NO_MATCH:
            s["facet_label"] = facet_label
        s["counts"][index[bucket_of(d)]] += n
        s["total"] += n
    ordered = sorted(series.values(), key=lambda s: (-s["total"], s["topic_id"]))
    return {
        "facet": facet,
        "grain": grain,
        "buckets": [b.isoformat() for b in buckets],
        "days": _bucket_days(cur, f, facet, buckets, bucket_of, start),
        "series": ordered,
        "before": before,
    }


def _bucket_days(
    cur: duckdb.DuckDBPyConnection,
    f: TraceFilter,
    facet: str,
    buckets: list[date],
    bucket_of: Any,
    start: date | None,
) -> list[int]:
    """For each bucket, its days on which `facet` has classified traces at all (any customer,
    plan or label: a filter's quiet day is a real zero), within the date filter and from the
    axis' start."""
    if not buckets:
        return []
    lo = max(d for d in (f.date_from, start, buckets[0]) if d is not None)
    hi = f.date_to
    days = cur.execute(
        """SELECT DISTINCT day FROM classifications
           WHERE lower(facet) = lower(?) AND day >= ? AND (?::DATE IS NULL OR day <= ?::DATE)""",
        [facet, lo, hi, hi],
    ).fetchall()
    index = {b: i for i, b in enumerate(buckets)}
    out = [0] * len(buckets)
    for (d,) in days:
        i = index.get(bucket_of(d))
        if i is not None:
            out[i] += 1
    return out


def trace_list(
    cur: duckdb.DuckDBPyConnection,
    f: TraceFilter,
    *,
    facet: str = "Task",
    limit: int = 100,
    offset: int = 0,
) -> dict[str, Any]:
    """A page of matching traces, newest first, with one facet's summary and every label."""
    head, params = _with(f)
    per_day = cur.execute(
        head + "SELECT t.day, count(*) FROM trace_index t JOIN ft ON ft.id = t.id GROUP BY 1",
        params,
    ).fetchall()
    total = sum(n for _, n in per_day)
    rows = _rows(
        cur,
        head
        + """
        , page AS (
            SELECT t.* FROM trace_index t JOIN ft ON ft.id = t.id
            ORDER BY t.created DESC, t.id LIMIT ? OFFSET ?
        )
        SELECT p.id, p.created, p.customer, p.plan_tier, p.project_id,
               (SELECT s.summary FROM facets s
                 WHERE s.trace_id = p.id AND lower(s.facet) = lower(?) LIMIT 1) AS summary,
               (SELECT map_from_entries(list(struct_pack(k := s.facet, v := s.label)))
                  FROM facets s WHERE s.trace_id = p.id AND s.label IS NOT NULL) AS labels
        FROM page p ORDER BY p.created DESC, p.id
        """,
        [*params, limit, offset, facet],
    )
    for r in rows:
        r["created"] = r["created"].isoformat() if r["created"] else None
        r["labels"] = dict(r["labels"]) if r["labels"] else {}
    return {
        "total": total,
        "span": scope_span(per_day, f),
        "limit": limit,
        "offset": offset,
        "traces": rows,
    }


def scope_span(per_day: list[tuple[date, int]], f: TraceFilter) -> dict[str, Any]:
    """The days the header says the filter's traces cover: the first to the last, but, with no
    date filter, from where the time axes start (`axis_start`), with the traces before that
    counted as `earlier` (review rv9: the header said 2025-11-24 → while every chart started
    in November 2026). A date filter's days are its traces' days, not the filter's bounds."""
    if not per_day:
        return {"first_day": None, "last_day": None, "earlier": 0}
    far = None if f.date_from or f.date_to else stray(per_day)
    first = far.rest_first if far else min(d for d, _ in per_day)
    return {
        "first_day": first.isoformat(),
        "last_day": max(d for d, _ in per_day).isoformat(),
        "earlier": far.traces if far else 0,
    }


def topic_labels(
    cur: duckdb.DuckDBPyConnection, trace_ids: tuple[str, ...], facet: str = "Task"
) -> dict[str, str]:
    """Each trace's topic label in one facet (its parent topic), for lists of traces that were
    chosen by a filter rather than by a topic."""
    rows = cur.execute(
        "SELECT trace_id, label FROM classifications "
        "WHERE lower(facet) = lower(?) AND list_contains(?::VARCHAR[], trace_id)",
        [facet, list(trace_ids)],
    ).fetchall()
    return {tid: label for tid, label in rows if label}


def summary(cur: duckdb.DuckDBPyConnection, trace_id: str, facet: str) -> dict[str, Any] | None:
    """One facet summary (the scatterplot's hover card), with the trace's topic."""
    rows = _rows(
        cur,
        """
        SELECT s.trace_id, s.facet, s.summary, s.label, s.status,
               c.topic_id, c.label AS topic_label, c.distance, t.customer, t.plan_tier, t.created
        FROM facets s
        LEFT JOIN classifications c ON c.trace_id = s.trace_id AND c.facet = s.facet
        LEFT JOIN trace_index t ON t.id = s.trace_id
        WHERE s.trace_id = ? AND lower(s.facet) = lower(?)
        LIMIT 1
        """,
        [trace_id, facet],
    )
    if not rows:
        return None
    r = rows[0]
    r["created"] = r["created"].isoformat() if r["created"] else None
    return r


def _json(v: Any) -> Any:
    if isinstance(v, str):
        try:
            return loads_json(v)
        except ValueError:
            return v
    return v


def trace_detail(cur: duckdb.DuckDBPyConnection, trace_id: str) -> dict[str, Any] | None:
    """The whole trace: conversation, metadata, metrics, every facet and classification. A
    classification's `parent_key` is what its parent stands for in a labelled facet (the label
    value, or the name for a facet of names such as Competitor mention: "looker"), else None."""
    rows = _rows(
        cur,
        """
        SELECT id, created, day, project_id, session_id, input, output, messages, metadata,
               metrics, metrics_raw, source_file, source_line, truncated, size_bytes
        FROM raw_traces WHERE id = ? LIMIT 1
        """,
        [trace_id],
    )
    if not rows:
        return None
    t = rows[0]
    for k in ("input", "output", "messages", "metadata", "metrics_raw"):
        t[k] = _json(t[k])
    t["created"] = t["created"].isoformat() if t["created"] else None
    t["day"] = t["day"].isoformat() if t["day"] else None
    t["facets"] = _rows(
        cur,
        "SELECT facet, summary, label, status FROM facets WHERE trace_id = ? ORDER BY facet",
        [trace_id],
    )
    t["classifications"] = _rows(
        cur,
        "WITH "
        + TOPIC_LATEST
        + """
        SELECT c.facet, c.topic_id, coalesce(tl.label, c.label) AS label, c.distance, c.map_id,
               c.subtopic_id, coalesce(ts.label, c.subtopic) AS subtopic,
               tl.facet_label AS parent_key
        FROM classifications c
        LEFT JOIN topic_latest tl ON tl.facet = c.facet AND tl.topic_id = c.topic_id
        LEFT JOIN topic_latest ts ON ts.facet = c.facet AND ts.topic_id = c.subtopic_id
        WHERE c.trace_id = ? ORDER BY c.facet
        """,
        [trace_id],
    )
    return t


def crosstab(
    cur: duckdb.DuckDBPyConnection,
    f: TraceFilter,
    row_facet: str = "Task",
    col_facet: str = "Sentiment",
    *,
    max_rows: int = 30,  # a facet's parents (8-30 at demo scale) all fit
    level: str = "parent",
) -> dict[str, Any]:
    """Traces per (row facet topic × column facet value) within the filter.

    The column side is the facet's label when it has labels (Sentiment, Issues), else its
    topic. This is the marts' task_sentiment / capability_gaps cross-slice, recomputed on the
    snapshot so it honours the filters.
    """
    tid = f"coalesce({level_id(level)}, -1)"
    head, params = _with(
        f,
        TOPIC_LATEST,
        f"""r AS (
            SELECT c.trace_id, {tid} AS topic_id,
                   CASE WHEN {tid} = -1 THEN 'no_match'
                        ELSE coalesce(tl.label, c.label) END AS v
            FROM classifications c JOIN ft ON ft.id = c.trace_id
            LEFT JOIN topic_latest tl ON tl.facet = c.facet AND tl.topic_id = {tid}
            WHERE lower(c.facet) = lower(?)
        )""",
        """col_labels AS (
            SELECT s.trace_id, s.label AS v FROM facets s JOIN ft ON ft.id = s.trace_id
            WHERE lower(s.facet) = lower(?) AND s.label IS NOT NULL
        )""",
        """col_topics AS (
            SELECT c.trace_id, CASE WHEN coalesce(c.topic_id, -1) = -1 THEN 'no_match'
                                    ELSE coalesce(tl.label, c.label) END AS v
            FROM classifications c JOIN ft ON ft.id = c.trace_id
            LEFT JOIN topic_latest tl ON tl.facet = c.facet AND tl.topic_id = c.topic_id
            WHERE lower(c.facet) = lower(?)
        )""",
        """col AS (
            SELECT * FROM col_labels
            UNION ALL
            SELECT * FROM col_topics WHERE NOT EXISTS (SELECT 1 FROM col_labels)
        )""",
    )
    cells = cur.execute(
        head
        + "SELECT r.v, r.topic_id, col.v, count(*) FROM r JOIN col USING (trace_id) GROUP BY ALL",
        [*params, row_facet, col_facet, col_facet],
    ).fetchall()
    row_tot: dict[str, int] = {}
    col_tot: dict[str, int] = {}
    topic_of: dict[str, int] = {}
    for rv, tid, cv, n in cells:
        row_tot[rv] = row_tot.get(rv, 0) + n
        col_tot[cv] = col_tot.get(cv, 0) + n
        topic_of[rv] = tid
    rows = sorted(row_tot, key=lambda k: (-row_tot[k], k))[:max_rows]
    cols = sorted(col_tot, key=lambda k: (-col_tot[k], k))
    ri = {r: i for i, r in enumerate(rows)}
    ci = {c: i for i, c in enumerate(cols)}
    counts = [[0] * len(cols) for _ in rows]
    for rv, _tid, cv, n in cells:
        if rv in ri:
            counts[ri[rv]][ci[cv]] = n
    return {
        "row_facet": row_facet,
        "col_facet": col_facet,
        "rows": rows,
        "row_topic_ids": [topic_of[r] for r in rows],
        "cols": cols,
        "counts": counts,
        "row_totals": [row_tot[r] for r in rows],
        "total_rows": len(row_tot),  # rows before the cut to max_rows: the page says so
    }


def mart_table(
    cur: duckdb.DuckDBPyConnection, name: str, marts: frozenset[str], *, limit: int = 200
) -> dict[str, Any] | None:
    """A whole (small) mart as columns + rows; `name` must be one of the published marts."""
    if name not in marts:
        return None
    cols = column_names(cur, name, "marts")
    # Ranked marts come back in rank order (a table has none of its own).
    rank = next((c for c in ("priority_rank", "rank") if c in cols), None)
    order = f' ORDER BY "{rank}"' if rank else ""
    res = cur.execute(f'SELECT * FROM marts."{name}"{order} LIMIT ?', [limit])
    cols = [d[0] for d in res.description]
    rows = [[_plain(v) for v in r] for r in res.fetchall()]
    return {"name": name, "columns": cols, "rows": rows}


def _plain(v: Any) -> Any:
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, float) and v != v:  # NaN is not JSON
        return None
    return v
