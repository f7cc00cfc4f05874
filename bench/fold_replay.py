"""Parents of a stored Task map grouped again by this checkout's `hierarchy.group_topics`, scored
against the demo's answer key: where the lone small topics fold (issue 12 item 1).

    .venv/bin/python bench/fold_replay.py --home HOME [--map Task@2026-12-02] [--tree]
        [--params 'fold_min_similarity=-1;']

Reads HOME's warehouse read-only: the map's subtopics (stored centroids, sizes, names), their
member texts and traffic, and the classifications of the window's traces (each trace's subtopic).
Prints, for the stored parents and for a fresh cut of the same subtopics (no carried grouping):
`--params` variants of
`HierarchyParams` (parent_cut.py's syntax; an empty variant: the defaults): parents, parent NMI / ARI against the answer key's intents (per trace, as `make demo` scores
them), the foreign children (a child whose majority intent is not its parent's majority intent:
the "misplaced children" a product manager sees) and the coherence audit; `--tree` lists every
parent's subtopics, foreign ones marked with their intent.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

import _common  # noqa: F401  (offline defaults)
import numpy as np
import topic_hierarchy as th

from tracetopics_pipeline.core.topics import hierarchy
from tracetopics_pipeline.core.topics.evaluate import scores
from tracetopics_pipeline.core.topics.labels.map_audit import map_texts


def load_map(home: Path, map_id: str | None) -> dict:
    import duckdb

    from tracetopics_pipeline.demo import read_answer_key

    conn = duckdb.connect(str(home / "warehouse.duckdb"), read_only=True)
    if map_id is None:
        map_id = conn.execute(
            "SELECT max_by(map_id, window_end) FROM topic_maps "
            "WHERE facet = 'Task' AND status = 'built'"
        ).fetchone()[0]
    rows = conn.execute(
        "SELECT topic_id, parent_id, label, size, centroid FROM topics "
        "WHERE map_id = ? AND level = 'sub' ORDER BY topic_id",
        [map_id],
    ).fetchall()
    pnames = dict(
        conn.execute(
            "SELECT topic_id, label FROM topics WHERE map_id = ? AND level = 'parent'", [map_id]
        ).fetchall()
    )
    subs = [r[0] for r in rows]
    sidx = {t: i for i, t in enumerate(subs)}
    pts = map_texts(conn, map_id)
    texts = [r[0] for r in pts]
    sub_of = np.array([sidx.get(r[2], -1) if r[2] is not None else -1 for r in pts])
    n = np.array([float(r[1]) for r in pts])
    traffic = np.bincount(np.maximum(sub_of, 0), weights=n * (sub_of >= 0), minlength=len(subs))
    answers = read_answer_key(home / "landing")
    window = conn.execute(
        "SELECT window_start, window_end FROM topic_maps WHERE map_id = ?", [map_id]
    ).fetchone()
    cls = conn.execute(
        "SELECT c.trace_id, c.subtopic_id FROM classifications c JOIN facet_summaries s "
        "ON s.trace_id = c.trace_id AND s.facet = c.facet "
        "WHERE c.facet = 'Task' AND s.day BETWEEN ? AND ?",
        list(window),
    ).fetchall()
    trace_sub, truth = [], []
    for tid, sub in cls:
        g = (answers.get(tid) or {}).get("intent")
        if g is not None:
            trace_sub.append(sidx.get(sub, -1) if sub is not None else -1)
            truth.append(g)
    stored = np.array([r[1] for r in rows])
    _, stored_of = np.unique(stored, return_inverse=True)
    return {
        "map_id": map_id,
        "names": [r[2] for r in rows],
        "pnames": [pnames[p] for p in np.unique(stored)],
        "sizes": np.array([float(r[3]) for r in rows]),
        "cents": np.asarray([r[4] for r in rows], np.float32),
        "texts": texts,
        "sub_of": sub_of,
        "traffic": traffic,
        "stored_of": stored_of,
        "trace_sub": np.array(trace_sub),
        "truth": truth,
    }


def evaluate(tag: str, m: dict, of: np.ndarray, tree: bool, pnames: list[str] | None) -> None:
    ts = m["trace_sub"]
    parent = np.where(ts >= 0, of[np.maximum(ts, 0)], -1)
    s = scores(m["truth"], parent)
    n_bad, share = th.foreign_children(ts, of, m["truth"])
    coh = len(hierarchy.misplaced_children(m["cents"], m["sizes"], of))
    n_p = int(of.max()) + 1
    lone = int((np.bincount(of) == 1).sum())
    print(
        f"{tag:<34} parents {n_p:2d} (one-child {lone})  NMI {s['nmi']:.3f}  ARI {s['ari']:.3f}"
        f"  foreign children {n_bad} ({share:.1%} of traces)  coherence audit {coh}",
        flush=True,
    )
    if not tree:
        return
    by_child: dict[int, Counter] = {}
    for t, g in zip(ts.tolist(), m["truth"], strict=True):
        if t >= 0:
            by_child.setdefault(t, Counter())[g] += 1
    for q in sorted(range(n_p), key=lambda q: -m["traffic"][of == q].sum()):
        kids = sorted(np.flatnonzero(of == q), key=lambda t: -m["traffic"][t])
        pc = sum((by_child.get(int(t), Counter()) for t in kids), Counter())
        major = pc.most_common(1)[0][0] if pc else "?"
        name = pnames[q] if pnames else m["names"][kids[0]] + " ..."
        print(f"  P {int(m['traffic'][kids].sum()):4d} {name!r} [{major}]")
        for t in kids:
            c = by_child.get(int(t), Counter())
            mine = c.most_common(1)[0][0] if c else "?"
            mark = "" if mine == major else f"   <-- {mine}"
            print(f"      {int(m['traffic'][t]):4d} {m['names'][t]}{mark}")


def regroup(m: dict, params: hierarchy.HierarchyParams | None = None) -> np.ndarray:
    k = len(m["names"])
    prof = hierarchy.lexical_profiles(m["texts"], m["sub_of"], k)
    got = hierarchy.group_topics(m["cents"], prof, m["sizes"], traffic=m["traffic"], params=params)
    return got.of_topic


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--home", type=Path, required=True)
    ap.add_argument("--map", help="a Task map id (default: the latest)")
    ap.add_argument("--tree", action="store_true")
    ap.add_argument("--params", default="", help="HierarchyParams variants, ';' between them")
    args = ap.parse_args()
    m = load_map(args.home, args.map)
    print(f"{args.home} {m['map_id']}: {len(m['names'])} subtopics, {len(m['truth'])} traces")
    evaluate("stored parents", m, m["stored_of"], args.tree, m["pnames"])
    from parent_cut import _set_params

    for variant in args.params.split(";"):
        of = regroup(m, _set_params(variant))
        evaluate(f"fresh cut, {variant or 'defaults'}", m, of, args.tree, None)


if __name__ == "__main__":
    main()
