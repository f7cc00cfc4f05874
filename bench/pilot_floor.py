"""A pilot's first map: how good is a Task map of 30 to 300 traces, and where should the floor be?

Review rv13 M1: a one-day pilot of 150 traces waited for 100 distinct Task summaries and got no
map. For each size N this takes N traces of one day — the demo generator's (answer key: the
intent) and a seeded sample of Banking77 (dev = train.csv, test = test.csv; gold: the intent) —
sends them through the real Task facet path (the local summarizer), embeds the distinct
summaries with the packaged model and clusters them as the daily map does (`cluster_texts`,
weighted by traces). Per trace: NMI and ARI against the gold intent, the topics, and the share
left no_match; "one topic" (no map at all) scores NMI 0.

    .venv/bin/python bench/pilot_floor.py [--sizes 30,50,100,150,300] [--seeds 1,2,3]
        [--parts dev] [--datasets demo,banking]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from datetime import date
from pathlib import Path

import numpy as np
from _common import DATASETS, load_avg

sys.path.insert(0, str(Path(__file__).parent))
from facet_quality import banking_parts  # noqa: E402
from topic_quality import cached_embeddings, task_summaries  # noqa: E402

from tracetopics_pipeline.core.settings import Settings  # noqa: E402
from tracetopics_pipeline.core.topics.describe import cluster_texts  # noqa: E402
from tracetopics_pipeline.core.topics.embedders import make_embedder  # noqa: E402
from tracetopics_pipeline.core.topics.evaluate import scores  # noqa: E402


def demo_day(n: int, seed: int) -> tuple[list[dict], list[str]]:
    """One day of `n` clean demo traces (seeded) and each one's intent from the answer key."""
    from tracetopics_pipeline.demo import generate_traffic
    from tracetopics_pipeline.demo.traffic import answer_key_dir

    with tempfile.TemporaryDirectory() as tmp:
        (path,) = generate_traffic(
            Path(tmp), days=1, per_day=n, seed=seed, end=date(2026, 11, 20), bad_lines=False
        )
        traces = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        key = {}
        for line in (answer_key_dir(Path(tmp)) / path.name).read_text().splitlines():
            d = json.loads(line)
            key[d["id"]] = d["ground_truth"]["intent"]
    return traces, [key[t["id"]] for t in traces]


def banking_day(rows: list[dict], n: int, seed: int) -> tuple[list[dict], list[str]]:
    pick = random.Random(seed).sample(rows, n)
    traces = [
        {"id": t["id"], "created": "2026-11-20T10:00:00Z", "messages": t["messages"]} for t in pick
    ]
    return traces, [t["intent"] for t in pick]


def measure(traces: list[dict], gold: list[str], settings: Settings, embedder) -> dict:
    summaries, _ = task_summaries(traces)
    keep = [i for i, s in enumerate(summaries) if s]
    uniq = sorted({summaries[i] for i in keep})  # type: ignore[type-var]
    index = {s: j for j, s in enumerate(uniq)}
    doc_of = np.array([index[summaries[i]] for i in keep])  # type: ignore[index]
    weights = np.bincount(doc_of, minlength=len(uniq)).astype(float).tolist()
    truth = [gold[i] for i in keep]
    out = {"traces": len(traces), "with_summary": len(keep), "distinct": len(uniq)}
    if len(uniq) < 3:
        return {**out, "nmi": 0.0, "ari": 0.0, "n_topics": 1, "no_match_share": 0.0}
    x = cached_embeddings(uniq, embedder)
    res = cluster_texts(uniq, x, settings=settings, seed=42, weights=weights)
    s = scores(truth, res.labels[doc_of])
    return {**out, **{k: s[k] for k in ("nmi", "ari", "n_topics", "no_match_share")},
            "gold": len(set(truth))}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="30,50,100,150,300")
    ap.add_argument("--seeds", default="1,2,3")
    ap.add_argument("--parts", default="dev", help="Banking77 part: dev or test")
    ap.add_argument("--datasets", default="demo,banking")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    seeds = [int(s) for s in args.seeds.split(",")]
    settings = Settings.from_env()
    embedder = make_embedder(settings)
    print(f"load {load_avg()}", flush=True)
    rows = banking_parts(DATASETS / "banking77")[args.parts] if "banking" in args.datasets else []
    for name in args.datasets.split(","):
        print(f"\n== {name}{'/' + args.parts if name == 'banking' else ''}")
        print("  traces  distinct  gold   NMI    ARI   topics  no_match   (mean of seeds)")
        for n in sizes:
            runs = []
            for seed in seeds:
                traces, gold = demo_day(n, seed) if name == "demo" else banking_day(rows, n, seed)
                runs.append(measure(traces, gold, settings, embedder))
            m = {k: float(np.mean([r.get(k, 0) for r in runs])) for k in runs[0]}
            nmis = [r["nmi"] for r in runs]
            print(
                f"  {n:6d}  {m['distinct']:8.0f}  {m.get('gold', 0):4.0f}  {m['nmi']:.3f} "
                f"({min(nmis):.2f}-{max(nmis):.2f})  {m['ari']:.3f}  {m['n_topics']:6.1f}  "
                f"{m['no_match_share']:7.1%}",
                flush=True,
            )
    print(f"\nload {load_avg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
