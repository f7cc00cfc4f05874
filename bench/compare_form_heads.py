"""Compare form-classifier heads files (bench/train_form_classifier.py --out) in one process, on
development material only: uss_mwoz's DEV part (macro-F1, NEGATIVE F1, confusion), the demo's
dev NONE traces (false alarms per form) and robustness batches (recall per form, end to end:
rules + heads).

    .venv/bin/python bench/compare_form_heads.py A.json B.json@0.002 ... [--batches heldout13]
        [--show N] [--no-uss] [--no-demo]

`packaged` names the shipped form_classifier.json, `off` the rules alone. The vectors are cached
across files, so a comparison costs about one run. `--show N` lists up to N uss_mwoz dev
dialogues each file reads NEGATIVE and the first does not, with the turn a head fired on (what a
looser head reads in polite task dialogues). Never given the test parts.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

import _common  # noqa: F401  (offline defaults, before any model library)
import facet_robustness_set as rs
from _common import DATASETS
from facet_quality import REASON_FORM, SENT3, _demo_traces, outputs_by_facet, uss_parts

from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets
from tracetopics_pipeline.core.facets.summarizers import make_summarizer
from tracetopics_pipeline.core.facets.summarizers.gold_eval import confusion, f1_table
from tracetopics_pipeline.core.facets.summarizers.local import (
    _sentiment_signals,
    messages_of,
)
from tracetopics_pipeline.core.facets.summarizers.local import form_classifier as fc
from tracetopics_pipeline.core.facets.summarizers.local.sentiment import FORMS, classify

PACKAGED = fc.load()


def use(name: str):
    """Point the summarizer at a heads file (None: the classifier off). `FILE@0.002` sets every
    Sentiment head to its threshold at that false-alarm budget, `FILE@twelfth` each to the
    twelfth pass's budget (train_form_classifier.FPR_BUDGETS), from the file's
    thresholds_by_budget (written by --fpr auto)."""
    if name == "off":
        return None
    if name == "packaged":
        heads = PACKAGED
    else:
        path, _, budget = name.partition("@")
        spec = json.loads(Path(path).read_text())
        if budget:
            from train_form_classifier import FPR_BUDGETS

            for form, head in spec["heads"].items():
                if form in FORMS:
                    if budget == "twelfth":
                        b = FPR_BUDGETS[form]
                    elif "=" in budget:  # per form: didnt_help=0.002,sarcasm=0.003 (others kept)
                        per = dict(kv.split("=") for kv in budget.split(","))
                        if form not in per:
                            continue
                        b = float(per[form])
                    else:
                        b = float(budget)
                    head["threshold"] = head["thresholds_by_budget"][str(b)]
        heads = fc.FormClassifier(spec)
    fc.load = lambda: heads
    return heads


def fired(heads: fc.FormClassifier, trace: dict) -> list[tuple[str, str]]:
    """(form, turn) the Sentiment heads add to the rules' evidence for this trace."""
    users, s = _sentiment_signals(messages_of(trace))
    turns = heads.candidates(users, s)
    if not turns:
        return []
    out = []
    for row, i in zip(heads.probs([users[i] for i in turns]), turns, strict=True):
        for form in FORMS:
            j = heads.col.get(form)
            if j is not None and row[j] >= heads.t[j] and not (form in fc.REACTIVE and i == 0):
                out.append((form, users[i]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="+")
    ap.add_argument("--batches", default="heldout13")
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--no-uss", action="store_true")
    ap.add_argument("--no-demo", action="store_true")
    args = ap.parse_args()
    facets = load_facets()
    sent, iss = find_facet(facets, "Sentiment"), find_facet(facets, "Issues")
    traces, gold = uss_parts(DATASETS / "uss_mwoz")["dev"] if not args.no_uss else ([], [])
    demo = [] if args.no_demo else _demo_traces(3, 1000, seed=7)
    batches = [b for b in args.batches.split(",") if b]
    cases = {b: rs.cases(b) for b in batches}
    first_neg: set[str] | None = None
    for name in args.files:
        heads = use(name)
        summ = make_summarizer("local", classifier=heads is not None, fitted_models=False)
        print(f"\n=== {name}")
        if traces:
            pm = outputs_by_facet(summ, traces, [sent])["Sentiment"]
            pred = [pm[t["id"]][1] or "NEUTRAL" for t in traces]
            acc, mf1, per = f1_table(gold, pred, SENT3)
            print(f"uss_mwoz dev: macro-F1 {mf1:.3f}  NEGATIVE F1 {per['NEGATIVE'][2]:.2f}  "
                  f"accuracy {acc:.3f}")  # fmt: skip
            print(confusion(gold, pred, SENT3))
            neg = {t["id"] for t, p in zip(traces, pred, strict=True) if p in ("NEGATIVE", "MIXED")}
            if first_neg is None:
                first_neg = neg
            elif args.show and heads is not None:
                new = [
                    (t, g)
                    for t, g in zip(traces, gold, strict=True)
                    if t["id"] in neg - first_neg and g != "NEGATIVE"
                ]
                print(f"read NEGATIVE here, not by {args.files[0]}, gold not NEGATIVE: {len(new)}")
                for t, g in new[: args.show]:
                    print(f"  [{g}] {fired(heads, t)}")
        if demo:
            false: Counter = Counter()
            n = 0
            for t in demo:
                if t["metadata"]["ground_truth"]["sentiment"] not in ("NEUTRAL", "POSITIVE"):
                    continue
                n += 1
                for reason in summ.sentiment_signals(t, sent).why_neg:
                    if reason in REASON_FORM:
                        false[REASON_FORM[reason]] += 1
            print(f"demo dev NONE ({n} NEUTRAL/POSITIVE traces) false alarms: {dict(false)}")
        for b, cs in cases.items():
            extra = sorted({c.facet for c in cs} - {"Sentiment", "Issues"})
            res = summ.summarize([c.trace for c in cs], [sent, iss] + [find_facet(facets, f)
                                                                      for f in extra])  # fmt: skip
            got = {(o.trace_id, o.facet): o for o in res.outputs}
            tally: dict[str, list[int]] = {}
            for c in cs:
                o = got[(c.trace["id"], c.facet)]
                t = tally.setdefault(c.form, [0, 0])
                t[0] += rs.hit(c, o.label, o.summary)
                t[1] += 1
            one_turn = [f for f in tally if f in FORMS or f in rs.TOOL_FAILURES
                        or f in ("unmet_escalation", "politeness", "not_negative")]  # fmt: skip
            good = sum(tally[f][0] / tally[f][1] >= 0.9 for f in one_turn)
            print(f"{b}: one-turn rows >= 0.9: {good} of {len(one_turn)}")
            print("  " + "; ".join(f"{f} {ok}/{m}" for f, (ok, m) in tally.items()))
    _ = classify  # re-exported for readers of fired()


if __name__ == "__main__":
    main()
