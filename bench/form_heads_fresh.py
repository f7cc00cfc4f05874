"""Form heads on fresh phrasings (session 23, issue 14): can a learned reader carry the Sentiment
forms to wording nobody tuned for, where the dev-tuned regexes of batches 20 and 21 did not?

    .venv/bin/python bench/form_heads_fresh.py [--models turn,context,knn] [--cs 2,8]

Material (all our own writing; nothing from ../shared): every robustness batch through 16 as the
trainer reads them (train_form_classifier.case_material, calm controls and the calm material as
negatives), batch 20 whole and batch 21's DEV part (its test part is never read here; their
satisfied and calm look-alikes as negatives), the dev part of sentiment_set22 (value sarcasm as
sarcasm, a competitor winning the business as cancel talk; praise with numbers, calm competitor
mentions and plain cancellations as negatives), and the demo generator's NONE user turns (seed 7).

Models, each one score per form over the user turn:
- `turn`: a logistic-regression head over its MiniLM vector (the shipped kind);
- `context`: the same over the turn, the agent turn before it and their product (what the turn
  answers: "that didn't help" only means something after an answer);
- `knn`: no fitted weights: the mean cosine of the turn's K nearest positives of the form minus
  that of its K nearest negatives (prototypes instead of a linear head).

Leave-one-batch-out: a batch's positives and negatives are held out together; our own and the
demo's turns fall in random folds. Per form and false-alarm budget (a threshold on the
out-of-fold scores of all negatives) the recall on each of the late batches (LATE, the material
nearest to a fresh batch) and the demo's false alarms are printed. Writes nothing.
"""

from __future__ import annotations

import argparse
import random

import _common  # noqa: F401  (offline defaults, before any model library)
import numpy as np
from train_form_classifier import SEED, _fit, _folds, _thr, _vecs, demo_pairs, fresh_material

from tracetopics_pipeline.core.facets.summarizers.local.sentiment import FORMS

LATE = ("heldout14", "heldout15", "heldout16", "heldout20", "heldout21dev", "set22dev")
BUDGETS = (0.001, 0.002, 0.005, 0.01)
K = 3

Row = tuple[str, str, str]  # (user turn, agent turn before it, group)


def material() -> tuple[dict[str, list[Row]], list[Row]]:
    """Positives per Sentiment form and the negatives (user turns), each with its group."""
    mat = fresh_material(calm=True)
    demo_u, _ = demo_pairs()
    return mat["pos"], mat["neg"] + demo_u


def vecs(texts: list[str]) -> np.ndarray:
    """Unit MiniLM vectors ("" -> zeros: no agent turn before)."""
    out = _vecs(texts)
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def oof(model: str, X: np.ndarray, y: np.ndarray, fold: np.ndarray, c: float) -> np.ndarray:
    p = np.zeros(len(y))
    for f in sorted(set(fold) - {-1}):
        tr = fold != f
        if model == "knn":
            p[~tr] = knn_score(X[~tr], X[tr & (y == 1)], X[tr & (y == 0)])
        else:
            p[~tr] = _fit(X[tr], y[tr], c).predict_proba(X[~tr])[:, 1]
    return p


def knn_score(Q: np.ndarray, P: np.ndarray, N: np.ndarray, k: int = K) -> np.ndarray:
    """Mean cosine of the k nearest positives minus that of the k nearest negatives."""
    u = Q[:, :384]

    def top(M: np.ndarray) -> np.ndarray:
        s = u @ M[:, :384].T
        return np.sort(np.partition(s, -k, axis=1)[:, -k:], axis=1).mean(axis=1)

    return top(P) - top(N)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--models", default="turn,context,knn")
    ap.add_argument("--cs", default="2,8")
    args = ap.parse_args()
    pos, neg = material()
    names = sorted({g for rows in pos.values() for _, _, g in rows} - {"yaml"})
    print(f"negatives {len(neg)} (demo {sum(g == 'demo' for *_, g in neg)}); positives "
          + ", ".join(f"{f} {len(r)}" for f, r in pos.items()), flush=True)  # fmt: skip
    Un, An = vecs([r[0] for r in neg]), vecs([r[1] for r in neg])
    for model in args.models.split(","):
        cs = [float(c) for c in args.cs.split(",")] if model != "knn" else [0.0]
        for c in cs:
            for form in FORMS:
                rows = pos[form] + neg
                Up = vecs([r[0] for r in pos[form]])
                U = np.vstack([Up, Un])
                if model == "context":
                    A = np.vstack([vecs([r[1] for r in pos[form]]), An])
                    X = np.hstack([U, A, U * A])
                else:
                    X = U
                y = np.r_[np.ones(len(Up)), np.zeros(len(Un))].astype(int)
                gr = np.array([r[2] for r in rows])
                fold = _folds(list(gr), names, random.Random(SEED))
                p = oof(model, X, y, fold, c)
                pn = p[(y == 0) & (fold != -1)]
                for b in BUDGETS:
                    t = _thr(pn, b) if model != "knn" else _knn_thr(pn, b)
                    rec = {g: float(np.mean(p[(y == 1) & (gr == g)] >= t))
                           for g in LATE if ((y == 1) & (gr == g)).any()}  # fmt: skip
                    allr = np.mean([float(np.mean(p[(y == 1) & (gr == g)] >= t))
                                    for g in names if ((y == 1) & (gr == g)).any()])  # fmt: skip
                    fa_demo = int(((p >= t) & (y == 0) & (gr == "demo")).sum())
                    fa_other = int(((p >= t) & (y == 0) & (gr != "demo")).sum())
                    print(f"{model:7s} C={c:<3} {form:17s} fpr {b:<5} all {allr:.2f} "
                          f"late {np.mean(list(rec.values())):.2f} ["
                          + " ".join(f"{g[-6:]} {r:.2f}" for g, r in rec.items())
                          + f"] FA demo {fa_demo} other {fa_other}", flush=True)  # fmt: skip


def _knn_thr(pn: np.ndarray, fpr: float) -> float:
    """kNN scores are differences of cosines: the threshold at the budget, no floor."""
    allowed = int(fpr * len(pn))
    return float(np.sort(pn)[::-1][allowed]) + 1e-6


if __name__ == "__main__":
    main()
