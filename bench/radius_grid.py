"""A topic's radius over a grid (docs/benchmarks.md "A topic's radius"): dev parts and a home.

Each config sets `cluster.topic_radii`'s quantile, margin and floor (its keyword defaults, so the
map's outlier reassignment, refinement and the stored radii all move together) and whether the
no_match pool's second pass runs (`cluster.second_pass`), and runs, per part, what
`bench/topic_hierarchy.py` runs:

- b77, sgd (`--split dev|test|test2`): `cluster_texts` + `maps.free_text_parents` on the Task
  summaries; fine / parent NMI, ARI and the no_match share of traces (the map's own labels).
- demo (dev = seed 7, test = seed 11): 31 days x 600 generated traces, only the Task facet
  summarized (cached in $TMPDIR), the Task map of the 30-day window built with `maps.build_map`,
  each trace classified with the stored radii (`nearest_topics`); NMI / ARI / no_match.
- home (`--home DIR`, a copy of a demo home; never changed: each config works on a copy of its
  warehouse): the Task map of `--day` rebuilt with `maps.build_map`, then every Task summary of
  the history classified against it, as a backfill would; the no_match share of traces and where
  the texts matching `--watch` land (topic label or no_match).

UMAP layouts and HDBSCAN labels do not depend on the radius: both are computed once per input
and reused by every config (memoized on the input's bytes). A config is 'q:m:f' with ':nopool'
for no second pass; "old" = every radius at no_match_distance (margin 100), no second pass: the
rule before radii.

    .venv/bin/python bench/radius_grid.py --parts b77,sgd --split dev \
        [--grid old,0.9:1.5:0.3:nopool,0.9:1.5:0.3,...] [--home .tt-pca --day 2026-11-30]
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import shutil
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import polars as pl
from _common import load_avg
from topic_hierarchy import (
    EmbeddingCache,
    banking77,
    demo_summaries,
    distinct_task_texts,
    fmt,
    sgd,
)

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.facets.definitions import load_facets
from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.topics import cluster
from tracetopics_pipeline.core.topics.evaluate import scores
from tracetopics_pipeline.core.warehouse import query_pl

DEFAULT_GRID = [
    "old",
    *(f"{q}:{m}:0.3:nopool" for q in (0.9, 0.95) for m in (1.25, 1.5, 1.75, 2.0)),
]
WATCH = "dpa|allowed to change the subscription|free trial to a paid plan|charged twice"


def memoized(fn):  # noqa: ANN001, ANN201  (a bench helper)
    """`fn(x, **kw)` once per (bytes of x, kw); the same array back (copied) after."""
    seen: dict[tuple, np.ndarray] = {}

    def wrapped(x, **kw):  # noqa: ANN001, ANN202
        key = (hashlib.sha1(np.ascontiguousarray(x).tobytes()).hexdigest(), x.shape,
               tuple(sorted(kw.items())))  # fmt: skip
        if key not in seen:
            seen[key] = fn(x, **kw)
        return seen[key].copy()

    return wrapped


cluster.layout_2d = memoized(cluster.layout_2d)
cluster.hdbscan_labels = memoized(cluster.hdbscan_labels)


_PARAMS = cluster.ClusterParams


def set_config(cfg: str) -> None:
    """'q:m:f[:pool|:nopool]' as topic_radii's defaults and the no_match pool's second pass
    (`ClusterParams.second_pass`; on unless ':nopool'); 'old': the rule before radii (every
    radius the global no_match_distance, no second pass)."""
    parts = ["0.9", "100", "0.3", "nopool"] if cfg == "old" else cfg.split(":")
    q, m, f = (float(v) for v in parts[:3])
    cluster.topic_radii.__kwdefaults__.update(quantile=q, margin=m, floor=f)
    pool = (parts[3] if len(parts) > 3 else "pool") == "pool"
    cluster.ClusterParams = functools.partial(_PARAMS, second_pass=pool)  # type: ignore[misc]


def row(cfg: str, part: str, fine: dict, parent: dict, no_match: float, extra: str = "") -> None:
    print(
        f"ROW {part:14s} {cfg:14s} fine {fmt(fine)} | parents {fmt(parent)} | "
        f"no_match {no_match:.2%}{extra}",
        flush=True,
    )


def run_labelled(name: str, traces: list[dict], gold: list[str], grid: list[str]) -> None:
    from tracetopics_pipeline.core.topics.describe import cluster_texts
    from tracetopics_pipeline.core.topics.maps import free_text_parents

    settings = Settings.from_env()
    uniq, doc, x, weights = distinct_task_texts(traces, EmbeddingCache(settings))
    print(f"== {name}: {len(traces)} traces, {len(uniq)} unique; load {load_avg()}", flush=True)
    for cfg in grid:
        set_config(cfg)
        t0 = time.perf_counter()
        res = cluster_texts(uniq, x, settings=settings, weights=weights.tolist())
        parents = free_text_parents(res, uniq, x, weights)
        fine_doc = np.append(res.labels, -1)[doc]
        parent_of = np.append(parents.of_topic, -1)
        parent_doc = parent_of[np.where(fine_doc >= 0, fine_doc, -1)]
        row(
            cfg, name, scores(gold, fine_doc), scores(gold, parent_doc),
            float((fine_doc < 0).mean()), f" ({time.perf_counter() - t0:.0f}s)",
        )  # fmt: skip


def demo_task_rows(seed: int, days: list[date], per_day: int) -> tuple[pl.DataFrame, dict]:
    """Task summaries of the demo traffic (cached by seed and size in $TMPDIR) and the truth."""
    path = (
        Path(tempfile.gettempdir())
        / "tracetopics-bench"
        / (f"radius-demo-{seed}-{days[-1]}-{len(days)}x{per_day}.parquet")
    )
    if path.exists():
        data = pl.read_parquet(path)
        return data, dict(zip(data["trace_id"], data["intent"], strict=True))
    task = [f for f in load_facets() if f.name == "Task"]
    data, truth = demo_summaries(seed, days, per_day, task)
    data = data.with_columns(pl.col("trace_id").replace_strict(truth).alias("intent"))
    path.parent.mkdir(parents=True, exist_ok=True)
    data.write_parquet(path)
    return data, dict(zip(data["trace_id"], data["intent"], strict=True))


def run_demo(seed: int, grid: list[str], n_window: int = 30, per_day: int = 600) -> None:
    from tracetopics_pipeline.core.topics.maps import build_map

    settings = replace(Settings.from_env(), window_days=n_window)
    cache = EmbeddingCache(settings)
    end = date(2026, 11, 20)
    days = [end - timedelta(days=n_window - i) for i in range(n_window + 1)]
    t0 = time.perf_counter()
    data, truth = demo_task_rows(seed, days, per_day)
    d0 = days[-2]
    task_def = next(f for f in load_facets() if f.name == "Task")
    task = data.filter((pl.col("day") <= d0) & (pl.col("status") == "ok"))
    x = cache.vectors(task["summary"].to_list())
    gold = [truth[t] for t in task["trace_id"].to_list()]
    print(f"== demo seed {seed}: {len(task)} Task traces; {time.perf_counter() - t0:.0f}s; "
          f"load {load_avg()}", flush=True)  # fmt: skip
    for cfg in grid:
        set_config(cfg)
        t1 = time.perf_counter()
        tmp = Path(tempfile.mkdtemp(prefix="tt-radius-"))
        conn = warehouse.connect(tmp / "wh.duckdb")
        warehouse.insert_frame(conn, "facet_summaries", data.drop("intent"))
        cache.fill(conn, data.filter(pl.col("summary").is_not_null())["summary"].to_list())
        st = build_map(conn, d0, facet="Task", settings=settings, definition=task_def)
        tops = query_pl(
            conn,
            """SELECT topic_id, parent_id, centroid, radius FROM topics
               WHERE map_id = ? AND level = 'sub' ORDER BY topic_id""",
            [st.map_id],
        )
        conn.close()
        shutil.rmtree(tmp, ignore_errors=True)
        cents = np.asarray(tops["centroid"].to_list(), dtype=np.float32)
        radii = tops["radius"].cast(pl.Float64).fill_null(float("nan")).to_numpy()
        idx, _ = cluster.nearest_topics(
            x, cents, max_distance=settings.no_match_distance, radii=radii
        )
        ids = np.array(tops["topic_id"].to_list() + [-1])
        pids = np.array(tops["parent_id"].to_list() + [-1])
        row(
            cfg, f"demo-{seed}", scores(gold, ids[idx]), scores(gold, pids[idx]),
            float((idx < 0).mean()),
            f"; map no_match {st.no_match_share:.1%} ({time.perf_counter() - t1:.0f}s)",
        )  # fmt: skip


def run_home(home: Path, day: date, grid: list[str], watch: str) -> None:
    """The Task map of `day` rebuilt on a copy of the home's warehouse, the history classified."""
    import re

    from tracetopics_pipeline.core.topics.maps import build_map

    settings = Settings.from_env()
    task_def = next(f for f in load_facets() if f.name == "Task")
    pat = re.compile(watch, re.IGNORECASE)
    for cfg in grid:
        set_config(cfg)
        t1 = time.perf_counter()
        tmp = Path(tempfile.mkdtemp(prefix="tt-radius-home-"))
        shutil.copy2(home / "warehouse.duckdb", tmp / "wh.duckdb")
        conn = warehouse.connect(tmp / "wh.duckdb")
        st = build_map(conn, day, facet="Task", settings=settings, definition=task_def)
        model = st.embed_model
        tops = conn.execute(
            """SELECT topic_id, label, centroid, radius FROM topics
               WHERE map_id = ? AND level = 'sub' ORDER BY topic_id""",
            [st.map_id],
        ).fetchall()
        rows = conn.execute(
            """SELECT s.summary, e.embedding, count(*) FROM facet_summaries s
               JOIN summary_embeddings e
                 ON e.model = ? AND e.text_hash = coalesce(s.text_hash, sha1(s.summary))
               WHERE s.facet = 'Task' AND s.status = 'ok' AND s.summary IS NOT NULL
               GROUP BY ALL""",
            [model],
        ).fetchall()
        conn.close()
        shutil.rmtree(tmp, ignore_errors=True)
        labels = [t[1] for t in tops] + ["no_match"]
        cents = np.array([t[2] for t in tops], dtype=np.float32)
        radii = np.array([np.nan if t[3] is None else t[3] for t in tops])
        x = np.array([r[1] for r in rows], dtype=np.float32)
        x /= np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
        n = np.array([r[2] for r in rows])
        idx, dist = cluster.nearest_topics(
            x, cents, max_distance=settings.no_match_distance, radii=radii
        )
        miss = n[idx < 0].sum()
        print(
            f"ROW home {cfg:14s} {len(tops)} topics; history no_match {miss}/{n.sum()} = "
            f"{miss / n.sum():.2%} of traces ({(idx < 0).sum()} texts; "
            f"{time.perf_counter() - t1:.0f}s)",
            flush=True,
        )
        where: dict[tuple[str, str], int] = {}
        for i, r in enumerate(rows):
            m = pat.search(r[0])
            if m:
                key = (m.group(0).lower(), labels[idx[i]])
                where[key] = where.get(key, 0) + int(n[i])
        for (w, lab), c in sorted(where.items()):
            print(f"     {w!r:40s} {c:4d} -> {lab}")
        if cfg == grid[0]:  # what no_match holds under the first config
            order = np.argsort(-(n * (idx < 0)))
            for i in order[:12]:
                if idx[i] < 0:
                    print(f"       no_match {n[i]:3d} at {dist[i]:.3f}: {rows[i][0][:90]}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--parts", default="b77,sgd,demo", help="b77, sgd, demo, home")
    ap.add_argument("--split", default="dev", choices=["dev", "test", "test2"])
    ap.add_argument("--grid", default=",".join(DEFAULT_GRID), help="q:m:f,... or old")
    ap.add_argument("--home", type=Path, help="a demo home (only read: configs work on copies)")
    ap.add_argument("--day", type=date.fromisoformat, default=date(2026, 11, 30))
    ap.add_argument("--watch", default=WATCH, help="regex: texts whose topic is printed")
    args = ap.parse_args()
    grid = args.grid.split(",")
    parts = args.parts.split(",")
    if "b77" in parts:
        run_labelled(*banking77(args.split), grid)
    if "sgd" in parts and args.split != "test2":
        run_labelled(*sgd(args.split), grid)
    if "demo" in parts and args.split != "test2":
        run_demo({"dev": 7, "test": 11}[args.split], grid)
    if "home" in parts:
        run_home(args.home, args.day, grid, args.watch)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
