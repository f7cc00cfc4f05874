"""How well the topics recover known intents: NMI / ARI against an answer key.

The answer key maps trace id -> ground truth ({"intent": ..., ...}): the demo's generator writes
one beside its files (`demo.read_answer_key`), benchmarks build theirs from labelled datasets.
It is never part of a trace, so nothing a reader sees carries it. no_match counts as one more
predicted cluster, so leaving traces unassigned costs score instead of hiding them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import numpy as np

from tracetopics_pipeline.core.warehouse import NO_MATCH

if TYPE_CHECKING:
    import duckdb


def scores(truth: list[Any], predicted: list[Any] | np.ndarray) -> dict[str, float]:
    from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

    pred = np.asarray(predicted)
    return {
        "nmi": float(normalized_mutual_info_score(truth, pred)),
        "ari": float(adjusted_rand_score(truth, pred)),
        "n": len(truth),
        "n_truth": len(set(truth)),
        "n_topics": int(len({p for p in pred.tolist() if p != NO_MATCH})),
        "no_match_share": float((pred == NO_MATCH).mean()) if len(pred) else 0.0,
    }


def recovery(
    conn: duckdb.DuckDBPyConnection,
    answers: Mapping[str, Mapping[str, Any]],
    facet: str = "Task",
    truth_key: str = "intent",
    *,
    level: str = "parent",
) -> dict[str, Any]:
    """NMI / ARI of `facet` classifications against `answers[trace id][truth_key]`, at the
    parent level (topic_id) or the fine level (subtopic_id; the topic itself on rows from
    before two levels). Traces the key does not hold are left out; `n_without_truth` counts
    them (the demo's deliberately odd traces: the run has them, the scores cannot)."""
    if level not in ("parent", "fine"):
        raise ValueError(f"level must be 'parent' or 'fine', not {level!r}")
    column = "topic_id" if level == "parent" else "coalesce(subtopic_id, topic_id)"
    rows = conn.execute(
        f"SELECT trace_id, {column} FROM classifications WHERE facet = ?", [facet]
    ).fetchall()
    pairs = [
        (t, truth)
        for trace_id, t in rows
        if (truth := (answers.get(trace_id) or {}).get(truth_key)) is not None
    ]
    if not pairs:
        return {
            "facet": facet,
            "truth_key": truth_key,
            "level": level,
            "n": 0,
            "nmi": None,
            "ari": None,
        }
    out = scores([g for _, g in pairs], [t for t, _ in pairs])
    out.update(
        {
            "facet": facet,
            "truth_key": truth_key,
            "level": level,
            "n_without_truth": len(rows) - len(pairs),
        }
    )
    return out
