"""Topic quality benchmark: our clustering vs BERTopic, same texts, same embeddings, one process.

Datasets (read from ../shared/datasets, or $TRACETOPICS_SHARED/datasets; never copied):
- banking77: test split (3,080 queries, 77 intents), or train+test (13,083) with --all;
- sgd: Schema-Guided Dialogue dialogues, gold = the first intent.
Each query or dialogue is wrapped as a trace and sent through the real Task facet path (the
local summarizer), the unique Task summaries are embedded with the chosen model, then both
clusterers run on the same unique summaries and embeddings, and k-means told the true number
of intents runs on the same vectors (a clusterer-free view of how well the space separates the
intents). Scores are per trace (a trace takes its summary's topic; no_match / BERTopic outliers
count as one more cluster).

    .venv/bin/python bench/topic_quality.py [--dataset banking77|sgd|all] [--all] [--raw]
        [--seeds 42,1,2] [--model packaged|/path/to/model|openai:<model>] [--no-bertopic]

--raw clusters the raw user texts instead of Task summaries (to separate summarizer effects).
--seeds runs our clustering once per seed (seed-to-seed spread is the noise a change must beat).
--model takes what TRACETOPICS_EMBED_MODEL takes (default: that variable, else the packaged
model); openai:<model> embeds through OPENAI_BASE_URL with OPENAI_API_KEY, PII-redacted,
and prints the tokens and estimated cost. --no-bertopic skips BERTopic.
Needs the `bench` extra (bertopic, psutil).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import threading
import time
from pathlib import Path

import numpy as np
from _common import DATASETS, load_avg

from tracetopics_pipeline.core.settings import ConfigError, Settings
from tracetopics_pipeline.core.topics.cluster import kmeans_labels
from tracetopics_pipeline.core.topics.describe import cluster_texts
from tracetopics_pipeline.core.topics.embedders import Embedder, make_embedder, model_id
from tracetopics_pipeline.core.topics.evaluate import scores

# ---------------------------------------------------------------- datasets as traces


def banking77(all_rows: bool) -> tuple[list[dict], list[str]]:
    base = DATASETS / "banking77"
    rows = []
    for split in ("train", "test") if all_rows else ("test",):
        with open(base / f"{split}.csv", newline="") as fh:
            rows.extend(csv.DictReader(fh))
    traces = [
        {
            "id": f"b77-{i}",
            "created": "2026-11-20T10:00:00Z",
            "input": [{"role": "user", "content": r["text"]}],
            "output": [{"role": "assistant", "content": "Let me help you with that."}],
        }
        for i, r in enumerate(rows)
    ]
    return traces, [r["category"] for r in rows]


def sgd() -> tuple[list[dict], list[str]]:
    base = DATASETS / "sgd_compact"
    traces, gold = [], []
    for name in ("sgd_dev_compact.jsonl", "sgd_test_compact.jsonl"):
        with open(base / name) as fh:
            for line in fh:
                d = json.loads(line)
                if not d.get("intents"):
                    continue
                msgs = [
                    {
                        "role": "user" if t["speaker"] == "USER" else "assistant",
                        "content": t["utterance"],
                    }
                    for t in d["turns"]
                ]
                traces.append(
                    {"id": d["dialogue_id"], "created": "2026-11-20T10:00:00Z", "messages": msgs,
                     "input": msgs[:1], "output": msgs[1:2]}
                )  # fmt: skip
                gold.append(d["intents"][0])
    return traces, gold


def task_summaries(traces: list[dict]) -> tuple[list[str | None], float]:
    """Task summaries through the real facet path (local summarizer, packaged facets)."""
    from tracetopics_pipeline.core.facets.definitions import load_facets
    from tracetopics_pipeline.core.facets.summarizers.local import LocalSummarizer

    task = [f for f in load_facets() if f.name == "Task"]
    t0 = time.perf_counter()
    res = LocalSummarizer().summarize(traces, task)
    by_id = {o.trace_id: (o.summary if o.status == "ok" else None) for o in res.outputs}
    return [by_id.get(str(t["id"])) for t in traces], time.perf_counter() - t0


# ---------------------------------------------------------------- measuring


class PeakRSS:
    """Peak resident memory above the starting level while the block runs (sampled)."""

    def __enter__(self) -> PeakRSS:
        import psutil

        self._p = psutil.Process()
        self.start = self.peak = self._p.memory_info().rss
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)
        self._t.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, self._p.memory_info().rss)

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._t.join()
        self.peak = max(self.peak, self._p.memory_info().rss)

    @property
    def delta_mb(self) -> float:
        return (self.peak - self.start) / 2**20


def warm_up() -> None:
    """Compile numba kernels (UMAP, pynndescent) once so neither side pays JIT time."""
    import hdbscan
    import umap

    rng = np.random.default_rng(0)
    x = rng.normal(size=(300, 16)).astype(np.float32)
    umap.UMAP(n_components=5, metric="cosine", random_state=1, n_epochs=20).fit_transform(x)
    umap.UMAP(n_components=2, metric="cosine", n_epochs=20).fit_transform(x)
    hdbscan.HDBSCAN(min_cluster_size=10, prediction_data=True).fit(x[:, :5])


def run_ours(
    texts: list[str], x: np.ndarray, settings: Settings, seed: int = 42
) -> tuple[np.ndarray, float, float]:
    with PeakRSS() as mem:
        t0 = time.perf_counter()
        res = cluster_texts(texts, x, settings=settings, seed=seed)
        secs = time.perf_counter() - t0
    return res.labels, secs, mem.delta_mb


def run_bertopic(texts: list[str], x: np.ndarray) -> tuple[np.ndarray, float, float]:
    from bertopic import BERTopic

    with PeakRSS() as mem:
        t0 = time.perf_counter()
        model = BERTopic(embedding_model=None, calculate_probabilities=False, verbose=False)
        topics, _ = model.fit_transform(texts, embeddings=x)
        secs = time.perf_counter() - t0
    return np.asarray(topics), secs, mem.delta_mb


def run_kmeans(x: np.ndarray, k: int) -> tuple[np.ndarray, float, float]:
    with PeakRSS() as mem:
        t0 = time.perf_counter()
        labels = kmeans_labels(x, seed=0, n_topics=k)
        secs = time.perf_counter() - t0
    return labels, secs, mem.delta_mb


def cached_embeddings(texts: list[str], embedder: Embedder) -> np.ndarray:
    """Embed once per model and text list: re-runs (tuning the clustering) skip the slow part.

    The cache lives in the temp dir, outside the repo, keyed by the model name (a folder's
    includes a hash of its contents) and a hash of the texts. The packaged model keeps the key
    it always had, so earlier caches stay valid."""
    import hashlib
    import tempfile

    name = "" if embedder.kind == "packaged" else embedder.name + "\n"
    key = hashlib.sha1((name + "\n".join(texts)).encode()).hexdigest()[:16]
    path = Path(tempfile.gettempdir()) / "tracetopics-bench" / f"emb-{key}.npy"
    if path.exists():
        return np.load(path)
    x = embedder.embed(texts)
    if len(x) != len(texts):
        raise SystemExit(f"{embedder.name}: {len(texts) - len(x)} texts left unembedded")
    path.parent.mkdir(parents=True, exist_ok=True)
    np.save(path, x)
    u = embedder.usage
    if u.requests:
        print(
            f"  endpoint: {u.requests} requests, {u.retries} retries, {u.input_tokens:,} tokens"
            f"{' (estimated)' if u.tokens_estimated else ''}, ${u.cost_usd:.4f}, "
            f"{u.redactions} PII items redacted"
        )
    return x


def evaluate(
    name: str,
    traces: list[dict],
    gold: list[str],
    *,
    raw: bool,
    settings: Settings,
    embedder: Embedder,
    seeds: tuple[int, ...] = (42,),
    bertopic: bool = True,
) -> dict:
    if raw:
        summaries: list[str | None] = [t["input"][0]["content"] for t in traces]
        summ_s = 0.0
    else:
        summaries, summ_s = task_summaries(traces)
    keep = [i for i, s in enumerate(summaries) if s]
    uniq = sorted({summaries[i] for i in keep})  # type: ignore[type-var]
    index = {s: j for j, s in enumerate(uniq)}
    t0 = time.perf_counter()
    x = cached_embeddings(uniq, embedder)
    embed_s = time.perf_counter() - t0
    truth = [gold[i] for i in keep]
    doc_of = np.array([index[summaries[i]] for i in keep])  # type: ignore[index]
    print(
        f"\n== {name}: {len(traces)} traces, {len(keep)} with a Task summary, {len(uniq)} unique "
        f"({'raw text' if raw else 'Task summaries'}), {len(set(gold))} gold intents; "
        f"summarize {summ_s:.1f}s, embed {embed_s:.1f}s ({len(uniq) / max(embed_s, 1e-9):.0f}/s)"
        f"; model {model_id(embedder.name, x.shape[1])}"
    )
    out = {
        "dataset": name,
        "model": model_id(embedder.name, x.shape[1]),
        "traces": len(traces),
        "unique": len(uniq),
        "gold": len(set(gold)),
    }
    runs = [(f"ours/{seed}", lambda seed=seed: run_ours(uniq, x, settings, seed)) for seed in seeds]
    if bertopic:
        runs.append(("bertopic", lambda: run_bertopic(uniq, x)))
    runs.append(("kmeans_k", lambda: run_kmeans(x, len(set(truth)))))
    for who, fn in runs:
        labels, secs, mb = fn()
        s = scores(truth, labels[doc_of])
        out[who] = {**s, "seconds": secs, "peak_mb": mb}
        print(
            f"  {who:9s} NMI {s['nmi']:.3f}  ARI {s['ari']:.3f}  topics {s['n_topics']:4d}  "
            f"no_match {s['no_match_share']:.1%}  time {secs:5.1f}s  peak +{mb:.0f} MB"
        )
    ours = [out[f"ours/{seed}"] for seed in seeds]
    out["ours"] = {k: float(np.mean([o[k] for o in ours])) for k in ("nmi", "ari", "seconds")}
    if len(seeds) > 1:
        print(
            f"  ours, {len(seeds)} seeds: NMI {out['ours']['nmi']:.3f} "
            f"({min(o['nmi'] for o in ours):.3f}-{max(o['nmi'] for o in ours):.3f})  "
            f"ARI {out['ours']['ari']:.3f} "
            f"({min(o['ari'] for o in ours):.3f}-{max(o['ari'] for o in ours):.3f})  "
            f"time {out['ours']['seconds']:.1f}s"
        )
    if not bertopic:
        return out
    o, b = out["ours"], out["bertopic"]
    first = out[f"ours/{seeds[0]}"]
    print(
        f"  ratio ours/bertopic: NMI {o['nmi'] / b['nmi']:.2f}x  ARI {o['ari'] / max(b['ari'], 1e-9):.2f}x  "
        f"time {o['seconds'] / b['seconds']:.2f}x  memory {first['peak_mb'] / max(b['peak_mb'], 1e-9):.2f}x"
    )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dataset", choices=["banking77", "sgd", "all"], default="all")
    ap.add_argument(
        "--all", action="store_true", help="Banking77 train+test (13,083) instead of test"
    )
    ap.add_argument("--raw", action="store_true", help="cluster raw user texts, not Task summaries")
    ap.add_argument("--json", type=Path, help="also write the figures as JSON here")
    ap.add_argument("--seeds", default="42", help="comma-separated seeds for our clustering")
    ap.add_argument(
        "--model",
        help="as TRACETOPICS_EMBED_MODEL: packaged (default), a model folder, or openai:<model>",
    )
    ap.add_argument("--no-bertopic", action="store_true", help="skip the BERTopic comparison")
    args = ap.parse_args(argv)
    seeds = tuple(int(x) for x in args.seeds.split(","))
    if not DATASETS.exists():
        print(f"datasets not found under {DATASETS}; set TRACETOPICS_SHARED", file=sys.stderr)
        return 2
    env = dict(os.environ)
    if args.model:
        env["TRACETOPICS_EMBED_MODEL"] = args.model
    try:
        settings = Settings.from_env(env)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"load average {load_avg()}")
    embedder = make_embedder(settings)
    common = {"settings": settings, "embedder": embedder, "seeds": seeds,
              "bertopic": not args.no_bertopic}  # fmt: skip
    warm_up()
    results = []
    if args.dataset in ("banking77", "all"):
        traces, gold = banking77(args.all)
        name = "banking77" + ("-all" if args.all else "-test")
        results.append(evaluate(name, traces, gold, raw=args.raw, **common))
    if args.dataset in ("sgd", "all") and not args.raw:
        traces, gold = sgd()
        results.append(evaluate("sgd-dialogues", traces, gold, raw=False, **common))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
