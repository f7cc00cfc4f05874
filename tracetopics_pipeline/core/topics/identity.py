"""Stable topic ids across regenerations: match a new map to the previous one, record lineage.

Two maps of the same facet share most of their texts (trailing windows overlap), so the main
evidence is membership overlap over the shared texts; centroid similarity breaks ties and
carries identity when the windows share few texts. A one-to-one assignment (Hungarian) keeps
ids; what is left becomes lineage:
- continued: matched one-to-one;
- merged: a matched topic that also absorbed most shared members of another, unmatched,
  previous topic (that previous id is retired into it);
- split: an unmatched new topic holding a large part of a previous topic whose id went to
  another new topic;
- new / vanished: the rest.
Ids are never reused: new topics get ids above every id the facet ever had.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

# Share of a topic's shared members that must go to another for merge/split evidence.
PART = 0.3
# Minimum match score (jaccard + centroid bonus) for one-to-one continuation.
MIN_SCORE = 0.25
# Float slack on the scores: the same centroid's cosine with itself comes out 1 - 2e-16 with some
# numpy builds, and its bonus (0.25 * csim**4) then fell just under MIN_SCORE, so a topic with
# no shared texts but the very same centroid lost its id.
_EPS = 1e-9
# Centroid cosine similarity above which two topics may continue without shared members.
CENTROID_ONLY = 0.9


@dataclass
class TopicSide:
    """One map's topics as identity sees them: ids, centroids and member text hashes."""

    ids: list[int]
    centroids: np.ndarray  # (k, d), normalized
    members: list[set[str]]
    pinned: set[int] = field(default_factory=set)


@dataclass
class LineageRow:
    topic_id: int
    prev_topic_ids: list[int]
    kind: str  # continued | new | merged | split | vanished


@dataclass
class Matching:
    ids: list[int]  # stable id per new topic, same order as the new side
    lineage: list[LineageRow]

    def counts(self) -> dict[str, int]:
        out = {k: 0 for k in ("continued", "new", "merged", "split", "vanished")}
        for row in self.lineage:
            out[row.kind] += 1
        return out


def match_topics(new: TopicSide, prev: TopicSide | None, *, next_id: int) -> Matching:
    """Stable ids for `new` topics given the previous map (None on the first build)."""
    k_new = len(new.centroids)
    if prev is None or len(prev.ids) == 0:
        ids = list(range(next_id, next_id + k_new))
        return Matching(ids, [LineageRow(i, [], "new") for i in ids])
    from scipy.optimize import linear_sum_assignment

    k_prev = len(prev.ids)
    shared = set().union(*new.members) & set().union(*prev.members) if k_new else set()
    new_m = [m & shared for m in new.members]
    prev_m = [m & shared for m in prev.members]
    overlap = np.array([[len(a & b) for b in prev_m] for a in new_m], dtype=float).reshape(
        k_new, k_prev
    )
    size_new = np.array([len(m) for m in new_m], dtype=float)[:, None]
    size_prev = np.array([len(m) for m in prev_m], dtype=float)[None, :]
    union = size_new + size_prev - overlap
    jac = np.divide(overlap, union, out=np.zeros_like(overlap), where=union > 0)
    csim = new.centroids @ prev.centroids.T if k_new else np.zeros((0, k_prev))
    score = jac + 0.25 * np.clip(csim, 0, 1) ** 4
    eligible = (jac >= 0.1) | (csim >= CENTROID_ONLY - _EPS)
    # Pinned topics hold on to their id a little harder.
    for j, pid in enumerate(prev.ids):
        if pid in prev.pinned:
            score[:, j] += 0.1
    score = np.where(eligible, score, 0.0)
    rows, cols = linear_sum_assignment(-score) if k_new and k_prev else ([], [])
    matched_new: dict[int, int] = {}
    for i, j in zip(rows, cols, strict=True):
        if eligible[i, j] and score[i, j] >= MIN_SCORE - _EPS:
            matched_new[int(i)] = int(j)
    matched_prev = set(matched_new.values())

    frac_of_prev = np.divide(
        overlap, size_prev, out=np.zeros_like(overlap), where=size_prev > 0
    )  # share of prev j's shared members now in new i
    ids: list[int] = []
    lineage: list[LineageRow] = []
    absorbed: set[int] = set()
    split_from: set[int] = set()
    nid = next_id
    for i in range(k_new):
        if i in matched_new:
            j = matched_new[i]
            extra = [
                jj
                for jj in range(k_prev)
                if jj not in matched_prev and jj != j and frac_of_prev[i, jj] >= PART
            ]
            absorbed.update(extra)
            ids.append(prev.ids[j])
            if extra:
                lineage.append(
                    LineageRow(prev.ids[j], [prev.ids[j]] + [prev.ids[x] for x in extra], "merged")
                )
            else:
                lineage.append(LineageRow(prev.ids[j], [prev.ids[j]], "continued"))
        else:
            parents = [j for j in range(k_prev) if frac_of_prev[i, j] >= PART]
            ids.append(nid)
            if parents:
                split_from.update(parents)
                lineage.append(LineageRow(nid, [prev.ids[j] for j in parents], "split"))
            else:
                lineage.append(LineageRow(nid, [], "new"))
            nid += 1
    for j in range(k_prev):
        if j not in matched_prev and j not in absorbed and j not in split_from:
            lineage.append(LineageRow(prev.ids[j], [prev.ids[j]], "vanished"))
    return Matching(ids, lineage)
