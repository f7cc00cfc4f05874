"""Fit a labelled facet's local model on your own gold traces (`tracetopics facets fit`).

The gold file is the one `tracetopics facets eval` reads (gold_eval.py). Features are what the
local summarizer sees (local/fitted.py): the packaged embedding model's vectors of the relevant
text and the rules' evidence. The model is a logistic regression with classes weighted by their
inverse frequency (a 5 % NEGATIVE class is not ignored); its one hyper-parameter, the inverse
regularisation strength C, is chosen by stratified k-fold cross-validation on the gold file
alone (macro-F1), then the model is refitted on all of it. The cross-validated figures are what
to expect on similar traces; score a separate held-out file with `tracetopics facets eval`.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from tracetopics_pipeline.core.facets.definitions import Facet
from tracetopics_pipeline.core.facets.summarizers.gold_eval import GoldSet, confusion, f1_table
from tracetopics_pipeline.core.facets.summarizers.local import LocalSummarizer, fitted

C_GRID = (0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3)
# Dimensions the text vectors are projected to (PCA on the training folds), or None for all of
# them; chosen with C. On uss_mwoz dev (499 dialogues) 16 beat the raw 768 by ~0.04 macro-F1.
DIM_GRID: tuple[int | None, ...] = (16, 64, None)
FOLDS = 5
SEED = 14
MIN_PER_LABEL = 3  # fewer examples of a label than this cannot be cross-validated


@dataclass
class FitReport:
    model: fitted.FittedModel
    cv_by_c: dict[tuple[float, int | None], float]  # (C, dims) -> cross-validated macro-F1
    per_label: dict[str, tuple[float, float, float]]  # at the chosen C, cross-validated
    confusion: str
    rules_macro_f1: float  # the rules alone on the same traces, for comparison
    skipped: int  # gold traces the facet does not apply to (not used)
    saved: Path | None = None

    def text(self) -> str:
        m = self.model
        counts = ", ".join(f"{k} {v}" for k, v in sorted(m.gold_counts.items()))
        lines = [
            f"{m.facet}: fitted on {sum(m.gold_counts.values())} gold traces ({counts})"
            + (f", {self.skipped} skipped (the facet does not apply)" if self.skipped else ""),
            f"  features: {len(m.views)} text vector(s) ({', '.join(m.views)}) × 384, projected to "
            f"{m.cv['dims']} dimensions, + {len(m.evidence)} rule-evidence features; classes "
            "weighted by frequency",
            f"  C (inverse regularisation) / dimensions by {m.cv['folds']}-fold cross-validation, "
            "macro-F1: "
            + ", ".join(f"{k} {v:.3f}" for k, v in m.cv["by_c_dims"].items())
            + f" → C = {m.c:g}, {m.cv['dims']} dimensions",
            f"  cross-validated at C = {m.c:g}: macro-F1 {m.cv['macro_f1']:.3f} "
            f"(the rules alone on the same traces: {self.rules_macro_f1:.3f})",
            f"  {'label':20s} {'gold':>5s} {'prec':>6s} {'recall':>6s} {'F1':>6s}",
        ]
        for lab, (p, r, f) in self.per_label.items():
            lines.append(f"  {lab:20s} {m.gold_counts.get(lab, 0):5d} {p:6.3f} {r:6.3f} {f:6.3f}")
        lines.append(self.confusion)
        if self.saved:
            lines.append(
                f"saved {self.saved} (version {m.version}); the local summarizer now uses it for "
                f"{m.facet!r}. Score held-out traces with `tracetopics facets eval`; delete the "
                "file to go back to the rules."
            )
        else:
            lines.append("not saved (--dry-run)")
        return "\n".join(lines)


def _sig(v: float) -> float:
    """Seven significant digits: readable JSON, and a tiny scale never rounds to zero."""
    return float(f"{float(v):.7g}")


def file_sha256(path: Path | str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _matrix(
    views: list[dict[str, str]], evidence: list[dict[str, float]], facet: Facet
) -> tuple[list[str], list[str], np.ndarray]:
    """(view names, evidence names, rows): vectors of each view, then the evidence features."""
    view_names = list(fitted.text_views(facet, [], "").keys())
    names = sorted({n for ev in evidence for n in ev})
    fitted.embed_views(views)
    rows = []
    for v, ev in zip(views, evidence, strict=True):
        vecs = fitted.vectors({n: v.get(n, "") for n in view_names})
        rows.append(
            np.concatenate([*(vecs[n] for n in view_names), [ev.get(n, 0.0) for n in names]])
        )
    return view_names, names, np.asarray(rows, dtype=np.float64)


def _pipeline(c: float, dim: int | None, n_vec: int):
    """[PCA of the first n_vec columns (the text vectors), evidence as is] → standardise → LR."""
    from sklearn.compose import ColumnTransformer
    from sklearn.decomposition import PCA
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    vec = PCA(dim, random_state=SEED) if dim else "passthrough"
    cols = ColumnTransformer([("vec", vec, slice(0, n_vec))], remainder="passthrough")
    return make_pipeline(
        cols,
        StandardScaler(),
        LogisticRegression(C=c, class_weight="balanced", max_iter=3000, random_state=SEED),
    )


def fit_facet(
    facet: Facet,
    gold: GoldSet,
    gold_path: Path | str,
    *,
    c_grid: tuple[float, ...] = C_GRID,
    dim_grid: tuple[int | None, ...] = DIM_GRID,
    folds: int = FOLDS,
    summarizer: LocalSummarizer | None = None,
) -> FitReport:
    """Cross-validate C on the gold traces, refit on all of them; nothing is written."""
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    why = fitted.fittable(facet)
    if why:
        raise fitted.FitError(why)
    rules = summarizer or LocalSummarizer(fitted_models=False)
    views, evidence = rules.fit_rows(gold.traces, facet)
    keep = [i for i, v in enumerate(views) if v]
    y = [gold.gold[i] for i in keep]
    counts = Counter(y)
    if len(counts) < 2:
        raise fitted.FitError(
            f"the gold file has only {', '.join(counts) or 'no'} label(s) for {facet.name!r}; "
            "a model needs examples of at least two labels"
        )
    few = sorted(lab for lab, n in counts.items() if n < MIN_PER_LABEL)
    if few:
        raise fitted.FitError(
            f"label(s) {', '.join(few)} have fewer than {MIN_PER_LABEL} gold examples; "
            "add examples or leave those traces out"
        )
    view_names, names, x = _matrix([views[i] for i in keep], [evidence[i] for i in keep], facet)
    k = max(2, min(folds, min(counts.values())))
    cv = StratifiedKFold(n_splits=k, shuffle=True, random_state=SEED)
    classes = [lab for lab in facet.labels or [] if lab in counts]
    n_vec = 384 * len(view_names)
    dims = [d for d in dim_grid if d is None or d < min(n_vec, len(y) * (k - 1) // k)]
    scores, preds = {}, {}
    for dim in dims:
        for c in c_grid:
            pipe = _pipeline(c, dim, n_vec)
            preds[(c, dim)] = list(cross_val_predict(pipe, x, y, cv=cv))
            scores[(c, dim)] = f1_table(y, preds[(c, dim)], classes)[1]
    # ties: the stronger prior, then fewer dimensions
    best = max(scores, key=lambda cd: (round(scores[cd], 4), -cd[0], -(cd[1] or n_vec)))
    best_c, best_dim = best
    _, mf1, per = f1_table(y, preds[best], classes)
    pipe = _pipeline(best_c, best_dim, n_vec).fit(x, y)
    cols, scaler, lr = pipe[0], pipe[1], pipe[2]
    pca = cols.named_transformers_["vec"] if best_dim else None
    rules_pred = [
        next((n.split(":", 1)[1] for n, v in evidence[i].items() if n.startswith("rules label:")
              and v), "")
        for i in keep
    ]  # fmt: skip
    model = fitted.FittedModel(
        facet=facet.name,
        labels=[str(c) for c in lr.classes_],
        views=view_names,
        evidence=names,
        mean=[_sig(v) for v in scaler.mean_],
        scale=[_sig(v) for v in scaler.scale_],
        coef=[[_sig(v) for v in row] for row in lr.coef_],
        intercept=[_sig(v) for v in lr.intercept_],
        c=best_c,
        projection=None if pca is None else [[_sig(v) for v in r] for r in pca.components_],
        projection_mean=None if pca is None else [_sig(v) for v in pca.mean_],
        gold_sha256=file_sha256(gold_path),
        gold_file=str(Path(gold_path).resolve()),
        gold_counts=dict(counts),
        facet_labels=list(facet.labels or []),
        cv={
            "folds": k,
            "seed": SEED,
            "macro_f1": round(mf1, 4),
            "dims": best_dim or n_vec,
            "by_c_dims": {f"{c:g}/{d or n_vec}": round(s, 4) for (c, d), s in scores.items()},
        },  # fmt: skip
        created=datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
    )
    return FitReport(
        model=model,
        cv_by_c=scores,
        per_label=per,
        confusion=confusion(y, preds[best], classes),
        rules_macro_f1=f1_table(y, rules_pred, classes)[1],
        skipped=len(gold.traces) - len(keep),
    )
