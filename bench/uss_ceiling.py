"""What text can reach on uss_mwoz Sentiment at all (issue 14): a supervised probe on the dev part
only, beside how far one human rater agrees with the others. Prints figures; writes nothing.

    .venv/bin/python bench/uss_ceiling.py [--datasets DIR]

Probe: a logistic regression (classes weighted by inverse frequency) over the packaged model's
vectors of the user turns, 5-fold stratified cross-validation inside the dev part (seeded); the
test part is never read. Views: the mean of the per-turn vectors, the user's last three turns
embedded as one text, and both side by side. The best C per view is picked on the same folds, and
"best NEGATIVE threshold" moves the NEGATIVE cut-off on the pooled out-of-fold probabilities: both
flatter the probe, which is what a ceiling should do.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from _common import DATASETS
from facet_quality import AGREEMENT_SEEDS, SENT3, human_agreement, uss_parts, uss_ratings
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from tracetopics_pipeline.core.facets.summarizers.gold_eval import f1_table
from tracetopics_pipeline.core.facets.summarizers.local.prototypes import CACHE

CS = (0.01, 0.1, 1.0, 10.0)
FOLDS, SEED = 5, 0


def turns_of(trace: dict, role: str) -> list[str]:
    return [m["content"] for m in trace["messages"] if m["role"] == role and m["content"].strip()]


def mean_vectors(turns: list[list[str]]) -> np.ndarray:
    texts = sorted({u for ts in turns for u in ts})
    vec, index = CACHE.get(texts), {u: i for i, u in enumerate(texts)}
    return np.stack([vec[[index[u] for u in ts]].mean(axis=0) for ts in turns])


def views(traces: list[dict]) -> dict[str, np.ndarray]:
    """The brief's views (user turns), and, as a looser ceiling, the agent's turns beside them:
    uss raters judge the system, and its failures are written in its own turns."""
    users = [turns_of(t, "user") for t in traces]
    mean = mean_vectors(users)
    last3 = CACHE.get(["\n".join(ts[-3:]) for ts in users])
    agent = mean_vectors([turns_of(t, "assistant") or [""] for t in traces])
    return {"mean of user turns": mean, "last 3 user turns": last3,
            "both": np.hstack([mean, last3]), "user + agent means": np.hstack([mean, agent])}  # fmt: skip


def out_of_fold(x: np.ndarray, y: np.ndarray, c: float) -> np.ndarray:
    proba = np.zeros((len(y), len(SENT3)))
    for train, held in StratifiedKFold(FOLDS, shuffle=True, random_state=SEED).split(x, y):
        model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000)
        model.fit(x[train], y[train])
        proba[held] = model.predict_proba(x[held])
    return proba


def scores(gold: list[str], pred: list[str]) -> tuple[float, float, float, float]:
    _, mf1, per = f1_table(gold, pred, SENT3)
    return mf1, per["NEGATIVE"][0], per["NEGATIVE"][1], per["NEGATIVE"][2]


def best_neg_cut(proba: np.ndarray, gold: list[str]) -> tuple[float, tuple]:
    best = (-1.0, ())
    for cut in np.linspace(0.05, 0.95, 91):
        pred = ["NEGATIVE" if p[0] >= cut else SENT3[1 + int(np.argmax(p[1:]))] for p in proba]
        s = scores(gold, pred)
        if s[3] > best[0]:
            best = (s[3], (float(cut), *s))
    return best[0], best[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--datasets", type=Path, default=DATASETS)
    path = ap.parse_args().datasets / "uss_mwoz"
    traces, gold = uss_parts(path)["dev"]
    y = np.array([SENT3.index(g) for g in gold])
    print(f"uss_mwoz dev: {len(gold)} dialogues, NEGATIVE {gold.count('NEGATIVE')}; "
          f"{FOLDS}-fold CV, seed {SEED}\n")  # fmt: skip
    print(
        f"{'view':22s} {'C':>5s}  macro-F1  NEG P / R / F1   | best NEG cut: cut  macro-F1  NEG P / R / F1"
    )
    for name, x in views(traces).items():
        for c in CS:
            proba = out_of_fold(x, y, c)
            pred = [SENT3[int(i)] for i in proba.argmax(axis=1)]
            mf1, p, r, f = scores(gold, pred)
            _, (cut, mf1c, pc, rc, fc) = best_neg_cut(proba, gold)
            print(f"{name:22s} {c:5g}  {mf1:8.3f}  {p:.2f} / {r:.2f} / {f:.2f}   | "
                  f"{cut:17.2f}  {mf1c:8.3f}  {pc:.2f} / {rc:.2f} / {fc:.2f}")  # fmt: skip
    agree = human_agreement(traces, uss_ratings(path), ["NEUTRAL"] * len(gold), gold)
    mf = [a[0] for a in agree["human"]]
    nf = [a[1] for a in agree["human"]]
    print(f"\none held-out rater vs the mean of the others ({len(AGREEMENT_SEEDS)} seeds): macro-F1 "
          f"{np.mean(mf):.3f} [{min(mf):.3f}-{max(mf):.3f}], NEGATIVE F1 {np.mean(nf):.3f} "
          f"[{min(nf):.3f}-{max(nf):.3f}]")  # fmt: skip


if __name__ == "__main__":
    main()
