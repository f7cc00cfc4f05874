"""A kept id keeps its name: yesterday's label stays while it is nearly as good as today's.

The namer picks, every day, the best-scoring phrase of the topic's current texts; after a
one-day window shift the best and the second best often swap, and a topic whose id (and
members) continued reads under another name ("Delete user" -> "Remove access"). A reader who
met the topic in yesterday's digest, an alert or a proposal then finds it renamed. So, like the
grouping (`hierarchy.group_topics` keeps yesterday's parents while nearly as good), a topic that
continued from the reference map keeps its previous label unless the new one is clearly better
for its CURRENT members:

- both labels are scored on today's members by the namer's own score
  (`labels.naming.name_scores`, with `NamingParams`, `PARENT_NAMING` for parents and
  `LABELLED_NAMING` for a labelled facet's subtopics): closeness to the topic's central texts
  (parents: centroid) against the nearest siblings, plus the traffic that says the name (all
  its words in one text, `labels.support.Sayers`, the namer's own measure; a parent's: its
  subtopics where some text does, `group_share`), minus the length penalty, plus a parent's
  coverage;
- the previous label is kept when it scores within MARGIN of the new one, its words are still
  shared widely enough (the audit's support floors), a labelled facet's subtopic's name is
  still said by MIN_HELD of its traffic, a free-text subtopic's is said (literally or in
  paraphrase, `support.said_shares`) by `NamingParams.said` of it where the new one, the same
  name less a slot's value (`naming.said_by_most`), is, a
  free-text parent's is not said by a minority
  where the new one is not (`minority_parent` under MIN_CLASS_SAID: the namer's abstraction
  step, `naming.class_name`, replaced it), nor reversed by a subtopic where the new one is not
  (`contradicted`: "Upgrade to Business" over a downgrade), a parent's is not vague where the new one is not
  (`name_margins` under MIN_DISTINCT: a vague previous name goes only for a distinct new one,
  and a distinct previous name stays against a vague new one whatever the score), it
  repeats no sibling's current label, a parent's no sibling parent's current idea (the namer's
  `naming.repeats_idea`, with the facet's kinds: "Free change" beside today's "Plan change"),
  and the map's label audit (`labels.audit.audit_topics`, reading each name against its own
  topic's texts: cut phrases, slot details, names in lower case, a parent's coverage, a
  labelled name said by a minority) finds nothing wrong with it; a kept label the audit flags
  goes back to the new one.

Overridden and pinned topics are left alone (a person's choice already wins), and a parent of
one subtopic reads as that subtopic, as the namer has it. A labelled facet's parents are its
label values (left alone); its subtopics are read, as the namer reads them, in their own
label's part of each text (`naming_texts`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from tracetopics_pipeline.core.topics.describe import TopicInfo
from tracetopics_pipeline.core.topics.labels.audit import AuditedTopic, audit_topics
from tracetopics_pipeline.core.topics.labels.context import person_names, word_context
from tracetopics_pipeline.core.topics.labels.grammar import label_problems, verb_forms
from tracetopics_pipeline.core.topics.labels.naming import (
    LABELLED_NAMING,
    MAX_DROPPED,
    PARENT_NAMING,
    EmbedFn,
    NamingParams,
    name_margins,
    name_scores,
    repeats_idea,
)
from tracetopics_pipeline.core.topics.labels.support import (
    MIN_CLASS_SAID,
    MIN_PARENT_SUPPORT,
    MIN_SUPPORT,
    Sayers,
    content_words,
    contradicted,
    coverage,
    group_share,
    held_by,
    learn_kinds,
    minority_parent,
    name_support,
    parent_support,
    said_shares,
    text_words,
    word_support,
)
from tracetopics_pipeline.core.topics.labels.words import MIN_WORDS

# How much better (in the namer's score) a new name must be to replace a kept id's name.
# Chosen on the demo's dev seed (bench/topic_hierarchy.py, docs/benchmarks.md "Names kept").
MARGIN = 0.1
# label_source of a name carried over from the reference map by this rule
KEPT = "kept"
CLEARLY_BETTER = "new name clearly better"  # the only reason that depends on the margin
_LEFT_ALONE = frozenset({"override", "pinned", "label", KEPT})


@dataclass
class NameChoice:
    """One continued topic whose new name differs from its previous one."""

    level: str
    topic_id: int
    previous: str
    new: str
    gain: float  # new name's score - previous name's (the namer's terms)
    kept: bool = False
    why: str = ""  # why the previous name was not kept ("" when kept)


@dataclass
class NamesKept:
    """What the rule did to one map: per level, ids continued from the reference map, and how
    many of them read differently now (after the rule)."""

    continued: dict[str, int] = field(default_factory=dict)
    renamed: dict[str, int] = field(default_factory=dict)
    choices: list[NameChoice] = field(default_factory=list)

    def metadata(self) -> dict[str, object]:
        kept = sum(c.kept for c in self.choices)
        out: dict[str, object] = {"names_kept": kept}
        for level, word in (("parent", "parents"), ("sub", "subtopics")):
            out[f"renamed_{word}"] = self.renamed.get(level, 0)
            out[f"continued_{word}"] = self.continued.get(level, 0)
        out["renamed"] = "; ".join(
            f"{word}: renamed {self.renamed.get(level, 0)} of {self.continued.get(level, 0)} "
            "kept ids"
            for level, word in (("parent", "parents"), ("sub", "subtopics"))
        )
        return out


def keep_names(
    subs: list[TopicInfo],
    parents: list[TopicInfo],
    parent_of_sub: list[int],
    previous: dict[int, str],
    *,
    texts: list[str],
    x: np.ndarray,
    weights: list[float],
    sub_of_text: np.ndarray,
    embed: EmbedFn,
    margin: float | None = None,
    naming_texts: list[str] | None = None,
) -> list[NameChoice]:
    """Give continued topics (ids in `previous`, the reference map's labels) their previous
    label back where it is nearly as good as today's (module doc); sets `label` and
    `label_source = "kept"` in place; `margin`: MARGIN unless given. `parent_of_sub`: each
    sub's index in `parents`; `sub_of_text`: each text's index in `subs` (-1: none);
    `naming_texts`: a labelled facet's texts as its subtopics are named (each text's own
    label's part), whose parents are label values. Returns each continued topic whose new name
    differed, and what was chosen."""
    margin = MARGIN if margin is None else margin
    labelled = naming_texts is not None
    texts = naming_texts if naming_texts is not None else texts
    w = np.asarray(weights, dtype=float)
    members = [np.flatnonzero(sub_of_text == i) for i in range(len(subs))]
    said = [text_words([texts[i] for i in ix], w[ix].tolist()) for ix in members]
    sub_words = [word_support([texts[i] for i in ix], w[ix].tolist()) for ix in members]
    traffic = [float(w[ix].sum()) for ix in members]
    kids = [[i for i, q in enumerate(parent_of_sub) if q == p] for p in range(len(parents))]
    par_words = [
        parent_support([sub_words[i] for i in k], [traffic[i] for i in k]) if k else {}
        for k in kids
    ]
    facet_words = word_support(texts, weights)
    verbs = verb_forms(texts)
    # a parent's name is said by the heads its texts' words are kinds of, as the namer reads it
    kinds = learn_kinds(texts, weights, verbs=verbs)
    kind_said = [kinds.said(s) for s in said]
    # each name read against its own topic's texts, as the namer and the audit read it
    # (cut phrases, slot details, names in lower case); a parent's over its subtopics' texts
    persons = person_names(word_context(texts, w.tolist()))  # the facet's people and pets
    sub_ctx = [
        word_context([texts[i] for i in ix], w[ix].tolist(), persons=persons) for ix in members
    ]
    par_ix = [np.concatenate([members[i] for i in k]) if k else np.array([], int) for k in kids]
    par_ctx = [
        word_context([texts[i] for i in ix], w[ix].tolist(), persons=persons) for ix in par_ix
    ]
    originals = {id(t): (t.label, t.label_source) for t in subs + parents}
    choices: list[NameChoice] = []

    xn = np.asarray(x, dtype=np.float32)
    xn = xn / np.maximum(np.linalg.norm(xn, axis=1, keepdims=True), 1e-12)
    for level, topics, words, params, ctxs in (
        ("sub", subs, sub_words, LABELLED_NAMING if labelled else NamingParams(), sub_ctx),
        ("parent", parents, par_words, PARENT_NAMING, par_ctx),
    ):
        todo = [
            i
            for i, t in enumerate(topics)
            if t.topic_id in previous
            and t.label_source not in _LEFT_ALONE
            and previous[t.topic_id] != t.label
            and not (level == "parent" and len(kids[i]) == 1)  # reads as its subtopic
        ]
        if not todo:
            continue
        cents = np.stack([np.asarray(t.centroid, np.float32) for t in topics])
        cents /= np.maximum(np.linalg.norm(cents, axis=1, keepdims=True), 1e-12)
        names = sorted(
            {previous[topics[i].topic_id] for i in todo} | {topics[i].label for i in todo}
        )
        vecs = np.asarray(embed(names), np.float32)
        vecs /= np.maximum(np.linalg.norm(vecs, axis=1, keepdims=True), 1e-12)
        vec = dict(zip(names, vecs, strict=True))
        if level == "sub":
            own = [_central(xn, members[i], texts, cents[i], params.core) for i in range(len(subs))]
        else:
            own = [cents[i][None, :] for i in range(len(topics))]

        floor = MIN_SUPPORT if level == "sub" else MIN_PARENT_SUPPORT
        for i in sorted(todo, key=lambda i: (-topics[i].size, topics[i].topic_id)):
            t = topics[i]
            prev, new = previous[t.topic_id], t.label
            if level == "sub":
                share = [held_by(n, said[i]) for n in (new, prev)]
                cover = None
            else:  # the namer's share for a parent: its subtopics where some text says it
                share = [group_share(n, [said[k] for k in kids[i]], [traffic[k] for k in kids[i]])
                         for n in (new, prev)]  # fmt: skip
                cover = [coverage(n, [(sub_words[k], traffic[k]) for k in kids[i]])
                         for n in (new, prev)]  # fmt: skip
            scores = name_scores(
                np.stack([vec[new], vec[prev]]), own=own[i],
                others=cents[_nearest(cents, i, params.neighbours)], share=np.array(share),
                lengths=np.array([len(new.split()), len(prev.split())]), params=params,
                cover=None if cover is None else np.array(cover),
            )  # fmt: skip
            gain = float(scores[0] - scores[1])
            children = len(kids[i]) if level == "parent" else 0  # a subtopic has no margin
            c = NameChoice(level, t.topic_id, prev, new, gain)
            choices.append(c)
            taken = [s.label for j, s in enumerate(topics) if j != i]
            if level == "sub":
                taken.append(parents[parent_of_sub[i]].label)
            elif len(kids[i]) > 1:
                taken += [subs[k].label for k in kids[i]]
            if prev.lower() in {s.lower() for s in taken}:
                c.why = "a sibling has the previous name"
            elif (
                level == "parent"
                and not labelled
                and any(
                    repeats_idea(prev, s.label, embed, kinds)
                    for j, s in enumerate(topics)
                    if j != i
                )
            ):  # the namer's sibling rule (`naming._Avoid`), against today's siblings
                c.why = "previous name repeats a sibling's idea"
            elif name_support(prev, words[i], facet_words, classes=level == "parent") < floor:
                c.why = "previous name's words no longer shared"
            elif level == "sub" and params.held and held_by(prev, said[i]) < params.held:
                c.why = "previous name said by too few"
            elif (
                level == "sub"
                and params.said
                and _said_by_fewer(prev, new, said[i], xn[members[i]], embed, params.said)
            ):  # the namer's `said_by_most` gave today's name a slot's value less
                c.why = "previous name said by a minority"
            elif (
                level == "parent"
                and not labelled
                and minority_parent(prev, [kind_said[k] for k in kids[i]], MIN_CLASS_SAID)
                and not minority_parent(new, [kind_said[k] for k in kids[i]], MIN_CLASS_SAID)
            ):  # the namer's abstraction step (`naming.class_name`) replaced it
                c.why = "previous name said by a minority"
            elif (
                level == "parent"
                and not labelled
                and contradicted(prev, [said[k] for k in kids[i]])
                and not contradicted(new, [said[k] for k in kids[i]])
            ):  # "Upgrade to Business" over a downgrade: the namer refuses it
                c.why = "previous name reversed by a subtopic"
            elif _vaguer(prev, new, vec, cents, i, params.min_distinct, children) > 0:
                c.why = "previous name is vague"
            elif label_problems(
                prev, [s.label for j, s in enumerate(topics) if j != i], verbs=verbs,
                context=ctxs[i],
            ):  # fmt: skip
                c.why = "previous name fails the audit"
            elif c.gain > margin and not _vaguer(
                prev, new, vec, cents, i, params.min_distinct, children
            ):
                c.why = CLEARLY_BETTER
            else:
                t.label, t.label_source, c.kept = prev, KEPT, True
        if level == "sub" and not labelled:
            # a parent of one subtopic reads as that subtopic (the namer's rule)
            for p, k in enumerate(kids):
                if len(k) == 1 and parents[p].label_source not in _LEFT_ALONE:
                    s = subs[k[0]]
                    if s.label_source == KEPT and parents[p].label == originals[id(s)][0]:
                        parents[p].label, parents[p].label_source = s.label, KEPT

    audited_parents = [
        AuditedTopic(
            p.topic_id, "", par_words[q], children=len(kids[q]), context=par_ctx[q],
            children_support=[(sub_words[k], traffic[k]) for k in kids[q]], from_label=labelled,
        )
        for q, p in enumerate(parents)
    ]  # fmt: skip
    audited_subs = [
        AuditedTopic(
            s.topic_id, "", sub_words[i], parent=parents[parent_of_sub[i]].topic_id,
            context=sub_ctx[i], words=said[i] if labelled else None,
        )
        for i, s in enumerate(subs)
    ]  # fmt: skip
    _undo_flagged(subs, parents, audited_subs, audited_parents, facet_words, verbs, originals,
                  choices)  # fmt: skip
    return choices


def renames(
    subs: list[TopicInfo],
    parents: list[TopicInfo],
    previous: dict[int, str],
    choices: list[NameChoice] | None = None,
) -> NamesKept:
    """Per level: topics whose id is in `previous` (the previous day's map's labels: the same
    count on a re-run), and how many of them read differently now."""
    out = NamesKept(choices=list(choices or []))
    for level, topics in (("sub", subs), ("parent", parents)):
        cont = [t for t in topics if t.topic_id in previous]
        out.continued[level] = len(cont)
        out.renamed[level] = sum(previous[t.topic_id] != t.label for t in cont)
    return out


def _said_by_fewer(
    prev: str,
    new: str,
    said: list[tuple[frozenset[str], float]],
    vectors: np.ndarray,
    embed: EmbedFn,
    floor: float,
) -> bool:
    """A free-text subtopic's previous name said by less than `floor` of its traffic, literally
    or in paraphrase (`support.said_shares`: `said` its `text_words`, `vectors` its texts'),
    where the new one, its words less some (a slot's value) or its opening value named by a
    class (`naming.subject_forms`: "[Inventory] shows no data points" -> "Chart shows ..."),
    is said by at least that: the namer's `said_by_most` would not give it."""
    p_low, n_low = prev.lower().split(), new.lower().split()
    tail = next((k for k in range(min(len(p_low), len(n_low))) if p_low[-1 - k] != n_low[-1 - k]),
                min(len(p_low), len(n_low)))  # fmt: skip
    subject = (
        tail >= MIN_WORDS
        and 0 < len(p_low) - tail <= MAX_DROPPED
        and 0 < len(n_low) - tail <= MAX_DROPPED
    )
    if not subject and not set(content_words(new)) < set(content_words(prev)):
        return False
    sayers = Sayers(said)
    p, n = said_shares([prev, new], sayers, vectors, embed)
    return p < floor <= n


def _vaguer(
    prev: str,
    new: str,
    vec: dict[str, np.ndarray],
    cents: np.ndarray,
    i: int,
    min_distinct: float,
    children: int,
) -> int:
    """Which of a parent's two names is vague (`name_margins` under `min_distinct`) while the
    other is not: 1 the previous one (the new one is clearly better: it sets the parent apart),
    -1 the new one (today's score gain does not make a vague name better than a distinct one),
    0 neither or both ("Connection setup" -> "Account setup": both as near a sibling, the
    previous one stays when the score allows). 0 for a subtopic and a parent of one."""
    if not min_distinct or children < 2:
        return 0
    m = name_margins(np.stack([vec[prev], vec[new]]), cents, i)
    vague_prev, vague_new = float(m[0]) < min_distinct, float(m[1]) < min_distinct
    return int(vague_prev and not vague_new) - int(vague_new and not vague_prev)


def _central(
    xn: np.ndarray, ix: np.ndarray, texts: list[str], centroid: np.ndarray, core: int
) -> np.ndarray:
    """The vectors of a topic's `core` most central texts (ties by text), as the namer
    compares names with them; the centroid when `core` is 0."""
    if core <= 0 or len(ix) == 0:
        return centroid[None, :]
    sims = xn[ix] @ centroid
    order = ix[np.lexsort(([texts[i] for i in ix], -sims))][:core]
    return xn[order]


def _nearest(cents: np.ndarray, i: int, n: int) -> np.ndarray:
    sim = cents @ cents[i]
    sim[i] = -np.inf
    return np.argsort(-sim, kind="stable")[: min(n, len(cents) - 1)]


def _undo_flagged(
    subs: list[TopicInfo],
    parents: list[TopicInfo],
    audited_subs: list[AuditedTopic],
    audited_parents: list[AuditedTopic],
    facet_words: dict[str, float],
    verbs: frozenset[str],
    originals: dict[int, tuple[str, str]],
    choices: list[NameChoice],
) -> None:
    """The map's label audit over the final names (`audited_*`: each topic's words and context,
    in the order of `subs` / `parents`): a kept name it flags (a parent repeated by its
    subtopic, a rare word, a cut phrase, ...) goes back to the new one, until none is flagged."""
    by_key = {(c.level, c.topic_id): c for c in choices}
    for _ in range(len(subs) + len(parents) + 1):
        for a, t in zip(audited_parents, parents, strict=True):
            a.label = t.label
        for a, t in zip(audited_subs, subs, strict=True):
            a.label = t.label
        found = audit_topics(audited_parents, audited_subs, facet_words=facet_words, verbs=verbs)
        flagged = [
            t
            for level, topics in (("sub", subs), ("parent", parents))
            for t in topics
            if t.label_source == KEPT and found.get((level, t.topic_id))
        ]
        if not flagged:
            return
        for t in flagged:
            t.label, t.label_source = originals[id(t)]
            level = "sub" if any(t is s for s in subs) else "parent"
            if (c := by_key.get((level, t.topic_id))) is not None:
                c.kept, c.why = False, "previous name fails the map's audit"
