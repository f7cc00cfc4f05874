"""How steady the parent cut is under float noise in the vectors, per cut rule.

`bench/map_noise.py` showed Banking77 dev's parent count swinging 26-55 under noise of ~1e-7
on the embeddings (docs/benchmarks.md "A map's noise band"). This script separates the two
steps: it clusters a part's Task summaries at the fine level once on the stored vectors and
`--runs` times with Gaussian noise (`cluster_texts`'s steps without naming; cached under
`--cache`, since the cut does not change them), then groups each run's fine topics into
parents with `hierarchy.group_topics`, its choice of the number of parents read off the
silhouette curve by each rule in `--rules` ("silhouette" is the shipped one; "plateau",
"centre", "smoothed", "lifetime" other readings, "@value" their plateau; "height@h" cuts the
dendrogram at a fixed height instead), and prints per rule the parents per run, parent NMI / ARI against the intents (per trace) and the run-to-run ARI of
the parent partitions. `--curves` prints each run's criterion curve (parents -> value).

    .venv/bin/python bench/parent_cut.py --part b77-dev|sgd-dev|demo-dev [--runs 4]
        [--scale 2e-7] [--seed 1] [--rules silhouette,lifetime@0.005,height@0.65] [--cache DIR]
        [--curves] [--profiles names@0.34,names@0,words@0.2] [--carry]

Each line also gives the parent-coherence audit (`hierarchy.misplaced_children`: children
whose centroid lies nearer another parent's than their own parent's without them) and, from
the intents, the foreign children (a child whose majority intent is not its parent's).
`--profiles` compares topic word profiles (`hierarchy.lexical_profiles`: names@F drops the
names under F of a topic's texts, names@0 is the code before; words@F drops every word under
F); `--carry` also carries each grouping onto the same fine topics as a re-run does.

devops-dev, data-science-dev, shop-dev, dental-dev (-test): bench/foreign_traffic.py's small foreign sets.
demo-dev: topic_hierarchy's `demo_part(7)` (10 days x 300 generated traces, the subsets'
part), its local Task summaries; demo30-dev: 30 days x 300 (a `make demo` window, ~120 fine
topics); -test: seed 11. Nothing is written outside `--cache`.
"""

from __future__ import annotations

import argparse
import functools
import itertools
import pickle
import time
from pathlib import Path

import _common
import numpy as np
import topic_hierarchy as th

from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.topics import cluster, describe, hierarchy
from tracetopics_pipeline.core.topics.evaluate import scores


def load_part(part: str, settings: Settings) -> tuple[list[str], np.ndarray, list[str], np.ndarray]:
    """(unique texts, their vectors, gold intent per trace, each trace's text row) of a part
    (b77-dev, sgd-test, demo-dev, ...): its traces' local Task summaries, as
    bench/topic_hierarchy.py clusters them. bench/map_noise.py reads parts through it."""
    name, split = part.rsplit("-", 1)
    if name in ("demo", "demo30"):  # demo30: 30 days x 300, the size `make demo` makes
        days = 30 if name == "demo30" else 10
        traces, gold = th.demo_part({"dev": 7, "test": 11}[split], days=days)
    elif name in ("devops", "data-science", "shop", "dental"):  # bench/foreign_traffic.py's sets
        import foreign_traffic as ft

        traces = [ft._as_messages(t) for t in ft.generate(split)[name]]
        gold = [t["metadata"]["gt_intent"] for t in traces]
    else:
        _, traces, gold = {"b77": th.banking77, "sgd": th.sgd}[name](split)
    summaries = th.task_summaries(traces)
    texts = sorted({s for s in summaries if s})
    index = {s: i for i, s in enumerate(texts)}
    keep = [i for i, s in enumerate(summaries) if s]
    rows = np.array([index[summaries[i]] for i in keep], dtype=int)
    truth = [gold[i] for i in keep]
    print(f"{part}: {len(traces)} traces, {len(traces) - len(keep)} without a Task summary")
    return texts, th.EmbeddingCache(settings).vectors(texts), truth, rows


def fine_labels(texts: list[str], x: np.ndarray, settings: Settings) -> np.ndarray:
    """`describe.cluster_texts`'s labels without naming: the same order, space and steps."""
    order = np.array(
        sorted(range(len(texts)), key=lambda i: (describe._hash(texts[i]), i)), dtype=np.int64
    )
    xs = np.asarray(x, dtype=np.float32)[order]
    xs = xs / np.maximum(np.linalg.norm(xs, axis=1, keepdims=True), 1e-12)
    with cluster.one_blas_thread():
        labels, _ = cluster.cluster_embeddings(
            xs, algorithm=settings.algorithm, seed=42, max_distance=settings.no_match_distance,
            texts=[texts[i] for i in order],
        )  # fmt: skip
    inv = np.empty_like(order)
    inv[order] = np.arange(len(texts))
    return labels[inv]


def fine_runs(part: str, runs: int, scale: float, seed: int, cache: Path, settings: Settings):
    """Per run (stored, then noised): fine labels, topic centroids and sizes; cached."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"{part}-r{runs}-s{scale:g}-seed{seed}.pkl"
    if path.exists():
        return pickle.loads(path.read_bytes())
    texts, x0, truth, rows = load_part(part, settings)
    rng = np.random.default_rng(seed)
    xs = [x0]
    for _ in range(runs):
        xs.append(x0 + rng.standard_normal(x0.shape).astype(np.float32) * np.float32(scale))
    out = []
    for k, x in enumerate(xs):
        t0 = time.perf_counter()
        labels = fine_labels(texts, x, settings)
        sizes = np.bincount(labels[labels >= 0]).astype(float)
        xn = x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-12)
        cents = cluster.centroids(xn, labels, len(sizes))
        out.append((labels, cents, sizes))
        print(f"  fine run {k}: {len(sizes)} topics ({time.perf_counter() - t0:.0f} s)", flush=True)
    data = {"texts": texts, "truth": truth, "rows": rows, "runs": out}
    path.write_bytes(pickle.dumps(data))
    return data


SHIPPED = hierarchy._choose


def _near(curve: dict[int, float], eps: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    ns = np.array(sorted(curve))
    s = np.array([curve[n] for n in ns])
    return ns, s, ns[s >= s.max() - eps]


def _plateau(curve: dict[int, float], z: np.ndarray, *, eps: float) -> int:
    """The middle of the counts within `eps` of the best silhouette."""
    near = _near(curve, eps)[2]
    return int(near[(len(near) - 1) // 2])


def _centre(curve: dict[int, float], z: np.ndarray, *, eps: float) -> int:
    """The counts' centre, weighted by how far each is above best - eps."""
    ns, s, _ = _near(curve, eps)
    w = np.maximum(s - (s.max() - eps), 0.0)
    return int(ns[np.argmin(np.abs(ns - (w * ns).sum() / w.sum()))])


def _smoothed(curve: dict[int, float], z: np.ndarray, *, eps: float) -> int:
    """The best of the curve averaged over neighbouring counts (a tenth of them, at least 2)."""
    ns, s, _ = _near(curve, eps)
    h = max(2, len(ns) // 10)
    return int(ns[int(np.argmax([s[max(0, i - h) : i + h + 1].mean() for i in range(len(ns))]))])


def _lifetime(curve: dict[int, float], z: np.ndarray, *, eps: float) -> int:
    """Within `eps` of the best, the cut that lives longest in the dendrogram (the heights
    between its last merge and the next)."""
    k = len(z) + 1
    life = {n: float(z[k - n, 2] - z[k - n - 1, 2]) if 1 < n < k else 0.0 for n in curve}
    return max((int(n) for n in _near(curve, eps)[2]), key=lambda n: (life[n], curve[n], -n))


RULES = {
    "silhouette": lambda curve, z, eps: SHIPPED(curve, z),
    "plateau": _plateau,
    "centre": _centre,
    "smoothed": _smoothed,
    "lifetime": _lifetime,
}


def _set_profile(profile: str) -> dict:
    """`--profiles` entry -> lexical_profiles' keywords: names@F (the code: F = NAME_FLOOR;
    names@0 the code before), words@F (every word under F of a topic's texts dropped)."""
    kind, _, value = profile.partition("@")
    if kind == "names":
        return {"name_floor": float(value)}
    if kind == "words":
        return {"name_floor": 0.0, "word_floor": float(value)}
    raise SystemExit(f"unknown profile {profile!r}: names@F or words@F")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", required=True, help="b77-dev, sgd-dev, demo-dev, demo30-dev, ...")
    ap.add_argument("--runs", type=int, default=4)
    ap.add_argument("--scale", type=float, default=2e-7)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rules", default="silhouette,plateau@0.01,lifetime@0.005,height@0.65")
    ap.add_argument("--profiles", default=f"names@{hierarchy.NAME_FLOOR}",
                    help="word profiles to compare: names@F (F: NAME_FLOOR), words@F")  # fmt: skip
    ap.add_argument("--carry", action="store_true",
                    help="also carry each grouping onto itself as a re-run does, its topics "
                         "kept (the code before) or unfit ones re-placed (hierarchy._unfit)")  # fmt: skip
    ap.add_argument("--params", default="",
                    help="HierarchyParams variants to compare, ';' between variants, ',' between "
                         "key=value: 'fold_share=0;max_parents=100000' "
                         "(empty: the shipped defaults)")  # fmt: skip
    ap.add_argument("--cache", type=Path, default=Path(".tt-parent-cut"))
    ap.add_argument("--curves", action="store_true")
    args = ap.parse_args(argv)
    settings = Settings.from_env()
    data = fine_runs(args.part, args.runs, args.scale, args.seed, args.cache, settings)
    texts, truth, rows = data["texts"], data["truth"], data["rows"]
    print(
        f"{args.part}: {len(texts)} texts, {len(truth)} traces, {len(data['runs'])} runs "
        f"(stored + {args.runs} with noise sd {args.scale:g}); load {_common.load_avg()}"
    )
    for variant in args.params.split(";"):
        params = _set_params(variant)
        for profile in args.profiles.split(","):
            kw = _set_profile(profile)
            for rule in args.rules.split(","):
                for carry in ("", "kept", "re-placed") if args.carry else ("",):
                    tag = f"{variant or 'defaults'} {profile} {rule}"
                    tag += f"{' carried, ' + carry if carry else ''}"
                    _one(tag, rule, kw, carry, data, texts, truth, rows, args.curves, params)
    return 0


def _set_params(variant: str) -> hierarchy.HierarchyParams:
    """`--params` entry ('fold_share=0,max_parents=100000') -> HierarchyParams."""
    fields = hierarchy.HierarchyParams.__dataclass_fields__
    kw: dict[str, object] = {}
    for item in filter(None, variant.split(",")):
        key, _, value = item.partition("=")
        if key not in fields:
            raise SystemExit(f"unknown parameter {key!r}: one of {', '.join(fields)}")
        kw[key] = type(getattr(hierarchy.HierarchyParams(), key))(float(value))
    return hierarchy.HierarchyParams(**kw)


def _one(tag, rule, kw, carry, data, texts, truth, rows, curves, params) -> None:  # noqa: PLR0913
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform
    from sklearn.metrics import adjusted_rand_score

    name, _, eps = rule.partition("@")  # "plateau@0.02": the rule with its value
    value = float(eps) if eps else 0.01
    parts, counts, nmis, aris, coh, foreign, fshare = [], [], [], [], [], [], []
    singles = []
    for labels, cents, sizes in data["runs"]:
        prof = hierarchy.lexical_profiles(texts, labels, len(cents), **kw)
        if name == "height":  # the dendrogram cut at a fixed height, no criterion
            order = hierarchy._canonical_order(cents)
            d = hierarchy.topic_distance(cents[order], prof[order], lexical_weight=0.5)
            z = linkage(squareform(d, checks=False), method="average")
            of = np.empty(len(cents), np.int64)
            of[order] = fcluster(z, value, criterion="distance") - 1
            n_parents, curve = int(of.max()) + 1, {}
        else:
            hierarchy._choose = functools.partial(RULES[name], eps=value)
            traffic = np.bincount(labels[rows][labels[rows] >= 0], minlength=len(cents))
            got = hierarchy.group_topics(cents, prof, sizes, params=params, traffic=traffic)
            if carry:  # a re-run: the grouping carried onto the same fine topics
                hierarchy.REPLACE = carry == "re-placed"  # "kept": the code before
                got = hierarchy.group_topics(
                    cents, prof, sizes, previous=got.of_topic, params=params, traffic=traffic
                )
                hierarchy.REPLACE = True
            hierarchy._choose = SHIPPED
            of, n_parents, curve = got.of_topic, got.n_parents, got.curve
        singles.append(int((np.bincount(of) == 1).sum()))
        parent = np.append(of, -1)[np.where(labels >= 0, labels, -1)][rows]
        s = scores(truth, parent)
        parts.append(parent)
        counts.append(n_parents)
        nmis.append(s["nmi"])
        aris.append(s["ari"])
        coh.append(len(hierarchy.misplaced_children(cents, sizes, of)))
        n_bad, share = th.foreign_children(labels[rows], of, truth)
        foreign.append(n_bad)
        fshare.append(share)
        if curves and curve:
            line = " ".join(f"{n}:{v:.3f}" for n, v in sorted(curve.items()))
            print(f"    {rule} k={len(cents)} chose {n_parents}: {line}")
    r2r = [adjusted_rand_score(a, b) for a, b in itertools.combinations(parts, 2)]
    print(
        f"  {tag:<28} parents {min(counts)}-{max(counts)} {counts}  singleton parents "
        f"{singles}  "
        f"NMI {min(nmis):.3f}-{max(nmis):.3f} ({np.mean(nmis):.3f})  "
        f"ARI {min(aris):.3f}-{max(aris):.3f} ({np.mean(aris):.3f})  "
        f"run-to-run ARI {np.mean(r2r):.3f} / min {np.min(r2r):.3f}  "
        f"coherence audit {np.mean(coh):.1f} children nearer another parent; "
        f"foreign children {np.mean(foreign):.1f} ({np.mean(fshare):.1%} of traces)",
        flush=True,
    )


if __name__ == "__main__":
    raise SystemExit(main())
