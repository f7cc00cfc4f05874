"""How far a topic map moves when its vectors move by float noise: the band its figures live in.

The embedder batches texts: a text's vector depends, in its last bits (~1e-7), on which other
texts share its batch (padding and the matrix shapes BLAS is given). The embed stage embeds
every facet's new summaries together, so a change to one facet's summaries can move another
facet's vectors by that much, and UMAP + HDBSCAN on thousands of points can turn it into a
different cut. Within one home nothing moves (each text is embedded once and cached); across
homes fed differently, the same texts may get vectors that differ in their last bits.

This script reads a home's latest window of one facet (the sample `build_map` reads, the
vectors the home stored), clusters it at both levels with `maps.cluster_levels` once as stored
and `--runs` times with Gaussian noise of `--scale` added, and prints per run the fine topics,
parents and (for a demo home, whose answer key lies beside its landing files) parent and fine
NMI / ARI per trace against the intents; then the run-to-run ARI of the partitions. Nothing is
written.

    TRACETOPICS_HOME=... .venv/bin/python bench/map_noise.py [--facet Task] [--runs 6]
        [--scale 2e-7] [--other-home PATH] [--init pca|spectral]
    .venv/bin/python bench/map_noise.py --part b77-dev|sgd-dev ...

`--part` reads a labelled set instead of a home: topic_hierarchy's Banking77 / SGD parts, their
local Task summaries and cached vectors, clustered as that script does. `--init` sets UMAP's
start for this run (an experiment knob: the pipeline uses `ClusterParams.umap_init`).

`--other-home` adds a run on the vectors another home stored for the same texts (a home built
from the same traffic at another commit), which is how the demo's 0.838 / 0.764 vs 0.826 /
0.721 was traced to the embedder (docs/benchmarks.md "A map's noise band").
"""

from __future__ import annotations

import argparse
import functools
import itertools
import time
from datetime import timedelta
from pathlib import Path

import _common
import duckdb
import numpy as np

from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets
from tracetopics_pipeline.core.settings import Settings, paths
from tracetopics_pipeline.core.topics import cluster, describe, embed, maps
from tracetopics_pipeline.core.topics.evaluate import scores
from tracetopics_pipeline.demo.traffic import read_answer_key


def stored(conn: duckdb.DuckDBPyConnection, hashes: list[str], model: str) -> np.ndarray:
    """The vectors a home stored for `hashes`, in that order (every hash must be there)."""
    got, x = embed.load_embeddings(conn, hashes, model=model)
    at = {h: i for i, h in enumerate(got)}
    return x[[at[h] for h in hashes]]


def window_sample(conn: duckdb.DuckDBPyConnection, facet: str, settings: Settings) -> tuple:
    """(definition, window, sample, model id, vectors in the sample's order) of a home's latest
    window: the sample build_map reads (a labelled facet's default label's texts count too)."""
    definition = find_facet(load_facets(), facet)
    day = conn.execute("SELECT max(day) FROM facet_summaries WHERE facet = ?", [facet]).fetchall()[
        0
    ][0]
    window = (day - timedelta(days=settings.window_days - 1), day)
    kind = maps.parent_kind(definition)
    default = getattr(definition, "default_label", None) if kind != "free" else None
    _, sample = maps._window_texts(conn, facet, *window, settings.max_sample, default)
    model = conn.execute("SELECT model_id FROM embedding_models LIMIT 1").fetchall()[0][0]
    return definition, window, sample, model, stored(conn, sample["text_hash"].to_list(), model)


def truth_by_trace(
    conn: duckdb.DuckDBPyConnection, facet: str, window: tuple, pos: dict[str, int], home: Path
) -> tuple[list[str], np.ndarray]:
    """The window's traces with an intent in the home's answer key, and each one's text row."""
    answers = read_answer_key(home / "landing")
    rows = conn.execute(
        f"SELECT trace_id, {embed.HASH_SQL} FROM facet_summaries "
        "WHERE facet = ? AND status = 'ok' AND day BETWEEN ? AND ?",
        [facet, *window],
    ).fetchall()
    kept = [(t, pos[h]) for t, h in rows if h in pos and (answers.get(t) or {}).get("intent")]
    return [answers[t]["intent"] for t, _ in kept], np.array([i for _, i in kept], dtype=int)


def from_home(args: argparse.Namespace, settings: Settings) -> tuple:
    """(texts, vectors, truth, rows, levels(x), the other home's vectors) of a home's latest window."""
    home = paths().home
    conn = duckdb.connect(str(paths().warehouse), read_only=True)
    definition, window, sample, model, x0 = window_sample(conn, args.facet, settings)
    hashes = sample["text_hash"].to_list()
    texts, weights = sample["text"].to_list(), [float(n) for n in sample["n"].to_list()]
    values = sample["value"].to_list()  # a labelled facet's subtopics are cut per label
    pos = {h: i for i, h in enumerate(hashes)}
    truth, rows = truth_by_trace(conn, args.facet, window, pos, home)
    print(f"{home}: {args.facet}, window {window[0]}..{window[1]}")
    other = None
    if args.other_home:
        with duckdb.connect(str(args.other_home / "warehouse.duckdb"), read_only=True) as c:
            other = stored(c, hashes, model)

    def levels(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        lv = maps.cluster_levels(
            texts, x, settings=settings, values=values, weights=weights, definition=definition
        )
        fine = lv.subs.labels
        return fine, np.array([lv.parent_of[f] if f >= 0 else -1 for f in fine.tolist()])

    return texts, x0, truth, rows, levels, other


def from_part(part: str, settings: Settings) -> tuple:
    """The same for a labelled part (`parent_cut.load_part`), clustered as
    bench/topic_hierarchy.py does."""
    from parent_cut import load_part

    texts, x0, truth, rows = load_part(part, settings)
    weights = np.bincount(rows, minlength=len(texts)).astype(float)

    def levels(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        res = describe.cluster_texts(texts, x, settings=settings, weights=weights.tolist())
        parents = maps.free_text_parents(res, texts, x, weights)
        parent_of = np.append(parents.of_topic, -1)
        return res.labels, parent_of[np.where(res.labels >= 0, res.labels, -1)]

    return texts, x0, truth, rows, levels, None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--facet", default="Task")
    ap.add_argument("--part", default=None, help="b77-dev, b77-test2, sgd-dev, ... (not a home)")
    ap.add_argument("--runs", type=int, default=6)
    ap.add_argument("--scale", type=float, default=2e-7, help="noise sd per vector component")
    ap.add_argument("--other-home", type=Path, default=None)
    ap.add_argument("--init", choices=("pca", "spectral"), default=None)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)

    settings = Settings.from_env()
    if args.init:
        cluster.ClusterParams = functools.partial(cluster.ClusterParams, umap_init=args.init)
    loaded = from_part(args.part, settings) if args.part else from_home(args, settings)
    texts, x0, truth, rows, levels, other = loaded
    if not truth:  # a home without an answer key: compare the runs over its texts
        rows = np.arange(len(texts))
    init = args.init or cluster.ClusterParams().umap_init
    print(
        f"{len(texts)} texts, {len(truth)} traces with an intent, UMAP init {init}, "
        f"noise sd {args.scale:g}; load {_common.load_avg()}"
    )

    rng = np.random.default_rng(args.seed)
    runs = [("stored", x0)]
    if other is not None:
        moved = np.abs(other - x0).max(axis=1)
        print(
            f"{args.other_home}: {int((moved > 0).sum())} of {len(texts)} vectors differ, "
            f"by at most {moved.max():.2e}"
        )
        runs.append(("other home", other))
    for k in range(args.runs):
        noise = rng.standard_normal(x0.shape).astype(np.float32) * np.float32(args.scale)
        runs.append((f"noise {k + 1}", x0 + noise))

    parents_of, fines_of = [], []
    for name, x in runs:
        t0 = time.perf_counter()
        fine, parent = levels(x)
        parents_of.append(parent[rows])
        fines_of.append(fine[rows])
        n_fine, n_parents = len(set(fine.tolist()) - {-1}), len(set(parent.tolist()) - {-1})
        line = f"  {name:<11} {n_fine:4d} fine, {n_parents:3d} parents"
        if truth:
            p, f = scores(truth, parent[rows]), scores(truth, fine[rows])
            line += (
                f"   parent NMI / ARI {p['nmi']:.3f} / {p['ari']:.3f}"
                f"   fine {f['nmi']:.3f} / {f['ari']:.3f}"
            )
        print(f"{line}   ({time.perf_counter() - t0:.0f} s)", flush=True)

    def pairwise(parts: list[np.ndarray]) -> str:
        from sklearn.metrics import adjusted_rand_score

        a = [adjusted_rand_score(p, q) for p, q in itertools.combinations(parts, 2)]
        return f"mean {np.mean(a):.3f}, min {np.min(a):.3f}"

    print(f"run-to-run ARI: parents {pairwise(parents_of)}; fine {pairwise(fines_of)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
