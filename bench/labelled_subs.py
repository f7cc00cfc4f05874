"""Subtopics of labelled facets on real labelled traffic: do a label's subtopics say why?

For each labelled facet on a dataset's part, the local summarizer's summaries are clustered
exactly as a map's are (`maps.cluster_levels`: one text per unique summary, its trace count
as weight, its most frequent label as value), and per label (parent) it prints: traces,
subtopics, how much of the gold reason the subtopics recover (NMI of subtopic vs the gold
reason over the label's traces: the dialogue's MultiWOZ domain, the tau-bench task, the
Banking77 intent), the share of the gold reason the summary texts themselves carry (the
ceiling of any clustering of them: I(text; reason) / H(reason)), and the names with problems
(`label_problems`) or repeating a sibling; under a label whose summaries name failed tool
calls, the error-class figures of `issues_tool_names.call_figures` (names giving the class,
purity by (tool, class)). Prints figures; writes nothing.

    .venv/bin/python bench/labelled_subs.py --parts dev [--datasets uss,tau,banking]
    .venv/bin/python bench/labelled_subs.py --task-ceiling WAREHOUSE   (a demo home's)

`--task-ceiling`: over each label's traces in a warehouse, the share of the Task parent's
entropy the labelled facet's own summary text explains, I(text; Task parent) / H(Task parent):
near 0, the label's summaries read the same whatever the user came to do, so no clustering of
them can say it (the case for grouping a label's traces by their Task topic instead).
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from collections import Counter
from pathlib import Path

from _common import DATASETS

sys.path.insert(0, str(Path(__file__).resolve().parent))

from facet_quality import banking_parts, tau_parts, uss_parts  # noqa: E402
from issues_tool_names import call_figures  # noqa: E402

from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets  # noqa: E402
from tracetopics_pipeline.core.facets.summarizers import make_summarizer  # noqa: E402

FACETS = {
    "uss": ("uss_mwoz", ["Sentiment", "Churn risk", "Issues"]),
    "tau": ("tau_bench", ["Issues", "Churn risk", "Sentiment"]),
    "banking": ("banking77", ["Pricing question", "Churn risk", "Feature request", "Sentiment"]),
    # bench/foreign_traffic.py's mobile carrier set (review rv13: names of a few traces, "Kind
    # settings"); part dev = seed 1, test = seed 2; the gold reason is its intent
    "telco": ("", ["Churn risk", "Pricing question", "Sentiment", "Issues"]),
}


def _traces(name: str, part: str) -> list[tuple[dict, str]]:
    """(trace, gold reason) of a dataset's part."""
    if name == "telco":
        from foreign_traffic import _as_messages, generate

        return [(_as_messages(t), t["metadata"]["gt_intent"]) for t in generate(part)["telco"]]
    path = DATASETS / FACETS[name][0]
    if name == "uss":
        import json

        # one dialogue has no MultiWOZ domain: a reason of its own, not None (sklearn sorts them)
        domain = {
            str(r["uss_index"]): r["primary_domain"] or "no domain"
            for r in map(json.loads, (path / "uss_mwoz_with_domains.jsonl").open())
        }
        traces, _ = uss_parts(path)[part]
        return [(t, domain[t["id"]]) for t in traces]
    if name == "tau":
        return [(t, str(t["task_id"])) for t in tau_parts(path)[part]]
    return [(t, t["intent"]) for t in banking_parts(path)[part]]


def _entropy(c: Counter) -> float:
    n = sum(c.values())
    return -sum(v / n * math.log(v / n) for v in c.values() if v)


def _nmi(a: list, b: list) -> float:
    from sklearn.metrics import normalized_mutual_info_score

    return float(normalized_mutual_info_score(a, b)) if len(set(b)) > 1 else float("nan")


def task_ceiling(path: str) -> None:
    import duckdb

    conn = duckdb.connect(path, read_only=True)
    print(
        f"{'facet':18s} {'label':18s} {'traces':>6s} {'texts':>5s} {'tasks':>5s}  I(text;task)/H(task)"
    )
    for facet in ["Churn risk", "Sentiment", "Pricing question", "Feature request", "Issues"]:
        rows = conn.execute(
            """SELECT f.label, f.summary, t.label FROM facet_summaries f
               JOIN classifications t ON t.trace_id = f.trace_id AND t.day = f.day
                AND t.facet = 'Task'
               WHERE f.facet = ? AND f.status = 'ok' AND t.topic_id >= 0""",
            [facet],
        ).fetchall()
        by: dict[str, list[tuple[str, str]]] = {}
        for lab, text, task in rows:
            by.setdefault(lab, []).append((text, task))
        for lab, rs in sorted(by.items(), key=lambda kv: -len(kv[1])):
            if len(rs) < 100:
                continue
            h = _entropy(Counter(t for _, t in rs))
            texts = Counter(s for s, _ in rs)
            hc = sum(
                n / len(rs) * _entropy(Counter(t for s2, t in rs if s2 == s))
                for s, n in texts.items()
            )
            print(f"{facet:18s} {lab:18s} {len(rs):6d} {len(texts):5d} "
                  f"{len({t for _, t in rs}):5d}  {(h - hc) / h:.2f}")  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--parts", default="dev")
    ap.add_argument("--datasets", default="uss,tau,banking")
    ap.add_argument("--limit", type=int, default=3000, help="traces per dataset part")
    ap.add_argument("--task-ceiling", metavar="WAREHOUSE", help="only the Task ceiling (above)")
    args = ap.parse_args()
    if args.task_ceiling:
        task_ceiling(args.task_ceiling)
        return

    from tracetopics_pipeline.core.settings import Settings
    from tracetopics_pipeline.core.topics.embedders import make_embedder
    from tracetopics_pipeline.core.topics.labels.cleaning import own_part
    from tracetopics_pipeline.core.topics.labels.grammar import label_problems
    from tracetopics_pipeline.core.topics.labels.support import held_by, text_words
    from tracetopics_pipeline.core.topics.maps import cluster_levels

    settings = Settings.from_env()
    embedder = make_embedder(settings)
    summ = make_summarizer("local", fitted_models=False)
    for name in args.datasets.split(","):
        for part in args.parts.split(","):
            pairs = _traces(name, part)
            if len(pairs) > args.limit:  # a seeded sample, not the file's first (sorted) rows
                pairs = random.Random(0).sample(pairs, args.limit)
            facets = [find_facet(load_facets(), f) for f in FACETS[name][1]]
            res = summ.summarize([t for t, _ in pairs], facets)
            gold = {t["id"]: g for t, g in pairs}
            print(f"\n## {name}, {part} part ({len(pairs)} traces)")
            for f in facets:
                rows = [
                    (o.summary, o.label, gold[o.trace_id])
                    for o in res.outputs
                    if o.facet == f.name and o.summary and o.status == "ok"
                ]
                if not rows:
                    continue
                n_of = Counter(s for s, _, _ in rows)
                label_of = {
                    s: Counter(lab for s2, lab, _ in rows if s2 == s).most_common(1)[0][0]
                    for s in n_of
                }
                texts = sorted(n_of)
                x = embedder.embed(texts)
                lv = cluster_levels(
                    texts, x, settings=settings, values=[label_of[t] for t in texts],
                    weights=[float(n_of[t]) for t in texts], facet=f.name, definition=f,
                    embed=embedder.embed,
                )  # fmt: skip
                sub_of = dict(zip(texts, lv.subs.labels.tolist(), strict=True))
                names = {t.topic_id: t.label for t in lv.subs.topics}
                parent_of = dict(
                    zip([t.topic_id for t in lv.subs.topics], lv.parent_of, strict=True)
                )
                pnames = {p.topic_id: p.label for p in lv.parents}
                pkey = {  # each parent's label key, for the summaries' own parts
                    parent_of[sub_of[t]]: label_of[t].lower() for t in texts
                }
                print(f"### {f.name}: {len(rows)} traces, {len(texts)} unique summaries, "
                      f"{len(lv.subs.topics)} subtopics under {len(lv.parents)} labels")  # fmt: skip
                print(f"{'label':28s} {'traces':>6s} {'subs':>4s} {'NMI(sub,reason)':>15s} "
                      f"{'text ceiling':>12s}  problems  subtopics (traces)")  # fmt: skip
                for p in sorted(lv.parents, key=lambda p: -p.size):
                    mine = [(s, g) for s, _, g in rows if parent_of.get(sub_of[s]) == p.topic_id]
                    kids = sorted({sub_of[s] for s, _ in mine})
                    if not mine:
                        continue
                    h = _entropy(Counter(g for _, g in mine))
                    hc = sum(
                        n / len(mine) * _entropy(Counter(g for s2, g in mine if s2 == s))
                        for s, n in Counter(s for s, _ in mine).items()
                    )
                    ceiling = (h - hc) / h if h else float("nan")
                    nmi = _nmi([g for _, g in mine], [sub_of[s] for s, _ in mine])
                    kid_names = [names[k] for k in kids]
                    own = pnames[p.topic_id].lower()  # a label's only subtopic reads as it
                    probs = sum(bool(label_problems(n)) for n in kid_names if n.lower() != own)
                    probs += len(kid_names) - len({n.lower() for n in kid_names})
                    size = Counter(sub_of[s] for s, _ in mine)
                    shown = "; ".join(
                        f"{names[k]} ({size[k]})" for k in sorted(kids, key=lambda k: -size[k])[:8]
                    )
                    # each subtopic's name: the share of its traces whose own part says it
                    said = {
                        k: held_by(names[k], text_words(
                            [own_part(s, pkey[p.topic_id]) for s in n_of if sub_of[s] == k],
                            [float(n) for s, n in n_of.items() if sub_of[s] == k],
                        ))
                        for k in kids
                    }  # fmt: skip
                    shown = "; ".join(
                        f"{names[k]} ({size[k]}, said {said[k]:.2f})"
                        for k in sorted(kids, key=lambda k: -size[k])[:8]
                    )
                    print(f"{pnames[p.topic_id][:28]:28s} {len(mine):6d} {len(kids):4d} {nmi:15.2f} "
                          f"{ceiling:12.2f}  {probs:8d}  {shown}")  # fmt: skip
                    subs = [
                        {"name": names[k], "members": [
                            [own_part(s, pkey[p.topic_id]), n] for s, n in n_of.items()
                            if sub_of[s] == k
                        ]}
                        for k in kids
                    ]  # fmt: skip
                    calls = call_figures(subs)
                    if calls["with a class"]:  # issue 12: failed calls by (tool, error class)
                        print(f"{'':28s} error classes: " + ", ".join(
                            f"{k} {v:.3f}" if v % 1 else f"{k} {v:g}" for k, v in calls.items()
                        ))  # fmt: skip


if __name__ == "__main__":
    main()
