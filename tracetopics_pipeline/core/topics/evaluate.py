"""How well the topics recover known intents: NMI / ARI against metadata.ground_truth.

The demo's generator writes metadata.ground_truth.<key> on each trace; benchmarks wrap
labelled datasets the same way. no_match counts as one more predicted cluster, so leaving
traces unassigned costs score instead of hiding them.
"""

from __future__ import annotations

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
    facet: str = "Task",
    truth_key: str = "intent",
    *,
    level: str = "parent",
) -> dict[str, Any]:
    """NMI / ARI of `facet` classifications against metadata.ground_truth.<truth_key>, at the
    parent level (topic_id) or the fine level (subtopic_id; the topic itself on rows from
    before two levels)."""
    if level not in ("parent", "fine"):
        raise ValueError(f"level must be 'parent' or 'fine', not {level!r}")
    column = "c.topic_id" if level == "parent" else "coalesce(c.subtopic_id, c.topic_id)"
    rows = conn.execute(
        f"""SELECT {column}, json_extract_string(r.metadata, '$.ground_truth."' || ? || '"') AS truth
           FROM classifications c JOIN raw_traces r ON r.id = c.trace_id AND r.day = c.day
           WHERE c.facet = ?""",
        [truth_key, facet],
    ).fetchall()
    pairs = [(t, g) for t, g in rows if g is not None]
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
    out.update({"facet": facet, "truth_key": truth_key, "level": level})
    return out
