"""The label audit of a built map (`audit.audit_topics` over a map's names and its window's
texts): what `tracetopics demo` prints beside the recovery figures and what
`bench/topic_hierarchy.py` counts (`--audit-warehouse`, every bench part). One implementation."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import numpy as np

EmbedFn = Callable[[list[str]], np.ndarray]


def audit_texts(
    labels: dict[tuple[str, int], str],
    texts: list[str],
    weights: list[float],
    sub_of: list[int],
    parent_of_sub: dict[int, int],
    from_label: frozenset[int] = frozenset(),
    sub_keys: dict[int, str] | None = None,
    facet: str = "",
    *,
    embed: EmbedFn,
    vectors: dict[str, np.ndarray] | None = None,
) -> tuple[Counter, list[str]]:
    """The label audit of one map (`labels.audit_topics`): (level, id) -> label; each text's
    subtopic (-1: none) and weight; each subtopic's parent; on a labelled map each
    subtopic's label key (`topics.facet_label`): its names are checked against the part of its
    texts that is its label's (`labels.cleaning.labelled_text`). `embed` gives the vectors of
    the free-text parents' texts and names for `vague` (`vectors`: those known, text -> unit
    vector, filled as it goes). Returns counts and flagged lines."""
    from tracetopics_pipeline.core.topics.labels.audit import AuditedTopic, audit_topics
    from tracetopics_pipeline.core.topics.labels.context import person_names, word_context
    from tracetopics_pipeline.core.topics.labels.grammar import verb_forms
    from tracetopics_pipeline.core.topics.labels.support import (
        MIN_COVERAGE,
        coverage,
        learn_kinds,
        parent_support,
        said_support,
        text_words,
        word_support,
    )

    by_sub: dict[int, list[int]] = {}
    for i, t in enumerate(sub_of):
        by_sub.setdefault(t, []).append(i)
    sub_words = {
        t: word_support([texts[i] for i in ix], [weights[i] for i in ix])
        for t, ix in by_sub.items()
    }
    own_texts = {
        t: (
            [_own_text(texts[i], (sub_keys or {})[t], labels.get(("sub", t), "")) for i in ix],
            [weights[i] for i in ix],
        )
        for t, ix in by_sub.items()
        if (sub_keys or {}).get(t)
    }
    own_words = {t: word_support(*tw) for t, tw in own_texts.items()}
    traffic = {t: sum(weights[i] for i in ix) for t, ix in by_sub.items()}
    kids: dict[int, list[int]] = {}
    for t, p in sorted(parent_of_sub.items()):
        kids.setdefault(p, []).append(t)

    persons = person_names(word_context(texts, weights))  # the facet's people and pets

    def context(subs: list[int]) -> object:
        ix = [i for k in subs for i in by_sub.get(k, [])]
        return word_context([texts[i] for i in ix], [weights[i] for i in ix], persons=persons)

    vectors = {} if vectors is None else vectors
    distinct = _parent_margins(
        labels, texts, weights, by_sub, kids, from_label, embed, vectors
    )  # fmt: skip
    # a parent's name is said by the heads the facet's texts name its words as kinds of
    # ("Business" says "plan"), as the namer reads it (`labels.support.learn_kinds`)
    said = _free_said(labels, texts, weights, by_sub, own_texts, embed, vectors)
    kinds = learn_kinds(texts, weights, verbs=verb_forms(texts))
    kind_said = {
        t: kinds.said(text_words([texts[i] for i in ix], [weights[i] for i in ix]))
        for t, ix in by_sub.items()
    }
    kind_words = {t: said_support(s) for t, s in kind_said.items()}  # a parent's subtopics
    parents = [
        AuditedTopic(
            t,
            lab,
            parent_support(
                [kind_words.get(k, {}) for k in kids.get(t, [])],
                [traffic.get(k, 0.0) for k in kids.get(t, [])],
            ),
            children=len(kids.get(t, [])),
            from_label=t in from_label,
            context=context(kids.get(t, [])),
            children_support=[
                (kind_words.get(k, {}), traffic.get(k, 0.0)) for k in kids.get(t, [])
            ],
            distinct=distinct.get(t),
            children_said=[kind_said.get(k, []) for k in kids.get(t, [])],
        )  # fmt: skip
        for (level, t), lab in sorted(labels.items())
        if level == "parent"
    ]
    subs = [
        AuditedTopic(
            t,
            lab,
            own_words.get(t, sub_words.get(t, {})),
            parent=parent_of_sub.get(t),
            whole_support=sub_words.get(t) if t in own_words else None,
            context=context([t]),
            words=text_words(*own_texts[t]) if t in own_texts else None,
            said=said.get(t),
        )  # fmt: skip
        for (level, t), lab in sorted(labels.items())
        if level == "sub"
    ]
    found = audit_topics(
        parents, subs, facet_words=word_support(texts, weights), verbs=verb_forms(texts),
        facet=facet,
    )  # fmt: skip
    c: Counter = Counter()
    for p in parents:  # coverage of the free-text parents over several subtopics
        if p.children > 1 and not p.from_label and p.children_support:
            cover = coverage(p.label, p.children_support)
            c["cover_n"] += 1
            c["cover_sum"] += cover
            c["covered"] += cover >= MIN_COVERAGE
    lines = []
    for key, probs in sorted(found.items()):
        c.update(probs)
        c["bad"] += bool(probs)
        if probs:
            lines.append(f"{key[0]} {labels[key]!r}: {', '.join(probs)}")
    c["labels"] += len(found)
    return c, lines


def _own_text(text: str, key: str, name: str) -> str:
    """The part of a labelled text its subtopic's name is read against (`labelled_text`); a
    failed call whose (tool, class) falls in the group its subtopic is named by
    (`cleaning.call_group_names`: "Search docs: server error" for "search_docs returned HTTP
    502") says that name: the namer names such a subtopic by the pair, which no words of the
    text say ("server", "error")."""
    from tracetopics_pipeline.core.facets.tool_error import call_class
    from tracetopics_pipeline.core.topics.labels.cleaning import (
        call_group_names,
        labelled_text,
        own_part,
    )

    own = labelled_text(text, key)
    pair = call_class(own_part(text, key))
    return f"{own} . {name}" if pair and name in call_group_names(*pair) else own


def _free_said(
    labels: dict[tuple[str, int], str],
    texts: list[str],
    weights: list[float],
    by_sub: dict[int, list[int]],
    own_texts: dict[int, object],
    embed: EmbedFn,
    vectors: dict[str, np.ndarray],
) -> dict[int, float]:
    """Per free-text subtopic (not a labelled facet's, `own_texts`): the share of its traffic
    that says its name, literally or in paraphrase (`support.said_share`, each word of the name
    held: the name less each word embedded too), its texts' vectors from `vectors` (a map's
    stored ones, `audit_map`), the rest embedded once."""
    from tracetopics_pipeline.core.topics.labels.support import (
        Sayers,
        said_share,
        text_words,
        without_each_word,
    )

    ids = [t for (lvl, t) in sorted(labels) if lvl == "sub" and t not in own_texts and t in by_sub]
    if not ids:
        return {}
    names = [labels[("sub", t)] for t in ids]
    less = {n: without_each_word(n) for n in names}  # the name less each word
    new = sorted({texts[i] for t in ids for i in by_sub[t]} - vectors.keys())
    new += [n for n in dict.fromkeys(names + [v for n in names for v in less[n]])
            if n not in vectors]  # fmt: skip
    if new:
        vectors.update(zip(new, np.asarray(embed(new), np.float32), strict=True))
    out = {}
    for t, name in zip(ids, names, strict=True):
        ix = by_sub[t]
        dim = len(vectors[name])
        own = np.stack([vectors[texts[i]] for i in ix])
        if own.shape[1] != dim:  # stored vectors of another model: words only
            own = np.zeros((0, dim), np.float32)
        sayers = Sayers(text_words([texts[i] for i in ix], [weights[i] for i in ix]))
        words = np.stack([vectors[v] for v in less[name]]) if less[name] else None
        out[t] = said_share(name, sayers, vectors[name], own, words)
    return out


def _parent_margins(
    labels: dict[tuple[str, int], str],
    texts: list[str],
    weights: list[float],
    by_sub: dict[int, list[int]],
    kids: dict[int, list[int]],
    from_label: frozenset[int],
    embed: EmbedFn,
    vectors: dict[str, np.ndarray],
) -> dict[int, float]:
    """Per free-text parent over several subtopics: how much nearer its name lies to its own
    centroid (its texts' traffic-weighted mean, packaged model) than to a sibling's
    (`labels.naming.name_margins`), for the audit's `vague`."""
    from tracetopics_pipeline.core.topics.labels.naming import name_margins

    ids = [t for (lvl, t) in sorted(labels) if lvl == "parent" and t not in from_label]
    if len(ids) < 2:
        return {}
    new = sorted({texts[i] for t in ids for k in kids.get(t, []) for i in by_sub.get(k, [])}
                 - vectors.keys())  # fmt: skip
    names = [labels[("parent", t)] for t in ids]
    new += [n for n in dict.fromkeys(names) if n not in vectors]
    if new:
        vectors.update(zip(new, np.asarray(embed(new), np.float32), strict=True))
    dim = len(vectors[names[0]])
    cents = []
    for t in ids:
        ix = [i for k in kids.get(t, []) for i in by_sub.get(k, [])]
        c = sum((weights[i] * vectors[texts[i]] for i in ix), np.zeros(dim))
        cents.append(c / max(float(np.linalg.norm(c)), 1e-12))
    cents_arr = np.stack(cents).astype(np.float32)
    e = np.stack([vectors[n] for n in names])
    return {
        t: float(name_margins(e[j : j + 1], cents_arr, j)[0])
        for j, t in enumerate(ids)
        if len(kids.get(t, [])) > 1
    }


def map_texts(conn: object, map_id: str) -> list[tuple[str, int, int | None]]:
    """A built map's distinct texts in its window: (text, traces saying it, fine topic id or
    None), ordered by text."""
    return conn.execute(  # type: ignore[attr-defined]
        """WITH m AS (SELECT facet, window_start, window_end FROM topic_maps WHERE map_id = ?),
           n AS (SELECT text_hash, count(*) AS n, min(summary) AS text FROM facet_summaries
                 WHERE facet = (SELECT facet FROM m) AND summary IS NOT NULL
                   AND day BETWEEN (SELECT window_start FROM m) AND (SELECT window_end FROM m)
                 GROUP BY 1)
           SELECT n.text, n.n, p.topic_id FROM topic_points p JOIN n USING (text_hash)
           WHERE p.map_id = ? ORDER BY n.text""",
        [map_id, map_id],
    ).fetchall()


def audit_map(
    conn: object, map_id: str, embed: EmbedFn, vectors: dict[str, np.ndarray] | None = None
) -> tuple[Counter, list[str]]:
    """`audit_texts` over a built map: its labels and the window's texts with trace counts."""
    rows = conn.execute(  # type: ignore[attr-defined]
        "SELECT level, topic_id, label, parent_id, facet_label FROM topics WHERE map_id = ?",
        [map_id],
    ).fetchall()
    labels = {(lvl, t): lab for lvl, t, lab, _, _ in rows}
    from_label = frozenset(t for lvl, t, _, _, key in rows if lvl == "parent" and key is not None)
    parent_of_sub = {t: p for lvl, t, _, p, _ in rows if lvl == "sub" and p is not None}
    sub_keys = {t: key for lvl, t, _, _, key in rows if lvl == "sub" and key}
    facet = conn.execute(  # type: ignore[attr-defined]
        "SELECT facet FROM topic_maps WHERE map_id = ?", [map_id]
    ).fetchone()[0]
    pts = map_texts(conn, map_id)
    return audit_texts(
        labels, [r[0] for r in pts], [float(r[1]) for r in pts],
        [int(r[2]) if r[2] is not None else -1 for r in pts], parent_of_sub, from_label,
        sub_keys, facet, embed=embed, vectors=vectors,
    )  # fmt: skip


def latest_maps(conn: object, *, every_map: bool = False) -> list[tuple[str, str]]:
    """(facet, map_id) of each facet's latest built map (`every_map`: of every built map)."""
    return conn.execute(  # type: ignore[attr-defined]
        """SELECT facet, map_id FROM topic_maps WHERE status = 'built' ORDER BY 1, 2"""
        if every_map
        else """SELECT facet, max_by(map_id, window_end) FROM topic_maps
                WHERE status = 'built' GROUP BY 1 ORDER BY 1"""
    ).fetchall()


# What each audit code means to a user, as "N names {phrase}" (labels.audit_topics,
# labels.grammar.label_problems); a code without one is said as its words.
PROBLEM_WORDS = {
    "minority_name": "said by few of their traces",
    "low_coverage": "parents whose name fits few of their subtopics",
    "minority_parent": "parents whose name few of their traces say",
    "contradicted_parent": "parents a subtopic contradicts",
    "vague": "parents too vague to tell from a sibling",
    "statement": "state one case, not a task",
    "low_support": "use words their traces do not",
    "other_part": "named from another label's part of the summaries",
    "facet_suffix": "repeat the facet's name",
    "name_like": "carry a rare word (a name, an address)",
    "number_detail": "carry a number or a detail",
    "repeats_parent": "repeat their parent's name",
    "cut_phrase": "are cut mid-phrase",
    "slot_detail": "carry one trace's detail",
    "lowercase_name": "lowercase a proper name",
    "fragment": "are fragments",
    "dangling_end": "end mid-phrase",
    "ends_in_function_word": "end in a word like 'the'",
    "length": "are too long or too short",
}


def problem_counts(c: Counter) -> dict[str, int]:
    """An audit's counts per problem code, most first (ties by code)."""
    probs = {k: v for k, v in c.items() if k not in ("labels", "bad") and not k.startswith("cover")}
    return dict(sorted(((k, v) for k, v in probs.items() if v), key=lambda kv: (-kv[1], kv[0])))


def audit_sentence(c: Counter) -> str:
    """The audit for a user: '26 of 303 names may need a look: 20 said by few of their traces,
    5 parents whose name fits few of their subtopics' (a name may have two problems)."""
    if not c["bad"]:
        return f"none of {c['labels']:,} names needs a look"
    parts = [
        f"{n:,} {PROBLEM_WORDS.get(k, k.replace('_', ' '))}" for k, n in problem_counts(c).items()
    ]
    return f"{c['bad']:,} of {c['labels']:,} names may need a look: " + ", ".join(parts)


def audit_line(c: Counter) -> str:
    """One line of an audit's counts: labels with a problem, per problem, and the parents'
    coverage."""
    probs = {k: v for k, v in c.items() if k not in ("labels", "bad") and not k.startswith("cover")}
    cover = (
        f"; parents over several subtopics: {c['covered']}/{c['cover_n']} covered "
        f"(mean coverage {c['cover_sum'] / c['cover_n']:.2f})"
        if c["cover_n"]
        else ""
    )
    return f"{c['bad']}/{c['labels']} labels with a problem {dict(sorted(probs.items()))}{cover}"
