"""The label audit of one map, both levels: `label_problems` of every name among its
siblings, and whether the topic's traffic shares the name's words (`support`)."""

from __future__ import annotations

from dataclasses import dataclass

from tracetopics_pipeline.core.topics.labels.cleaning import GRADES
from tracetopics_pipeline.core.topics.labels.context import WordContext
from tracetopics_pipeline.core.topics.labels.grammar import case_statement, label_problems
from tracetopics_pipeline.core.topics.labels.support import (
    MIN_COVERAGE,
    MIN_DISTINCT,
    MIN_PARENT_SUPPORT,
    MIN_SAID,
    MIN_SUPPORT,
    contradicted,
    coverage,
    has_digit,
    minority_name,
    minority_parent,
    name_support,
    number_details,
    rare_words,
)
from tracetopics_pipeline.core.topics.labels.words import COMMON_VERBS, MOOD_NAME


@dataclass
class AuditedTopic:
    """One topic as the audit sees it: its name, level and the words its traffic uses."""

    topic_id: int
    label: str
    support: dict[str, float]  # word_support of a subtopic's texts; a parent's parent_support
    parent: int | None = None  # a subtopic's parent id
    children: int = 0  # a parent's number of subtopics
    from_label: bool = False  # a labelled facet's parent, named by its label value
    # a labelled facet's subtopic: `support` is over its texts' own label's part
    # (`labelled_text`), this over the whole texts
    whole_support: dict[str, float] | None = None
    # the topic's texts around each word (`context.word_context`): cut phrases, slot fillers,
    # names in lower case; a parent's over all its subtopics' texts
    context: WordContext | None = None
    # a parent's subtopics: (word_support, traffic) each, for `coverage`
    children_support: list[tuple[dict[str, float], float]] | None = None
    # a labelled facet's subtopic: each of its texts' words (own label's part) and weight, for
    # `held_by`
    words: list[tuple[frozenset[str], float]] | None = None
    # a free-text parent's name: how much nearer its own centroid it lies than the nearest
    # sibling parent's (`naming.name_margins`, in the map's embedding space)
    distinct: float | None = None
    # a free-text parent's subtopics: `text_words` of each one's texts, for `minority_parent`
    children_said: list[list[tuple[frozenset[str], float]]] | None = None
    # a free-text subtopic: the share of its traffic that says its name, literally or in
    # paraphrase (`support.said_share`, the namer's choice), for `minority_name`
    said: float | None = None


def repeats_parent(label: str, parent: str, children: int) -> bool:
    """A subtopic named as its parent (any casing) where the parent has other subtopics: the
    rule the namer follows (a labelled facet's subtopic takes its label's name only as its
    label's only subtopic, `maps`) and the audit counts (`repeats_parent`)."""
    return children > 1 and label.strip().lower() == parent.strip().lower()


def audit_topics(
    parents: list[AuditedTopic],
    subs: list[AuditedTopic],
    *,
    facet_words: dict[str, float] | None = None,
    verbs: frozenset[str] = COMMON_VERBS,
    facet: str = "",
) -> dict[tuple[str, int], list[str]]:
    """The label audit of one map, both levels: (level, topic id) → problems. Beyond
    `label_problems` (siblings = same level): `low_support` (a content word used by less than
    MIN_SUPPORT of a subtopic's traffic, or by subtopics holding less than MIN_PARENT_SUPPORT of
    a parent's), `name_like` (a word rarer than RARE_WORD across the facet, `facet_words` =
    `word_support` of all its texts, that less than RARE_SUPPORT of the topic uses: a name, an
    address) and `repeats_parent` (a subtopic named as its parent, any casing, where the
    parent has other subtopics). On labelled facets: `other_part` (a subtopic named from
    another label's part of its summaries: supported by the whole texts, not by its own part)
    and `facet_suffix` (a label value's parent that is not a grade but reads with the facet's
    name or "mentions": "Loop issues", "Metabase mentions"); `low_coverage` (a parent over
    several subtopics whose name less than MIN_COVERAGE of its traffic supports: the name of
    one child, "Dashboard as CSV" over Excel and PDF exports); with a topic's `context`,
    `cut_phrase`, `slot_detail` and `lowercase_name`; `minority_name` (a labelled facet's
    subtopic, given its `words`, whose name less than MIN_SAID of its traffic says,
    `support.minority_name`; not a mood name, `words.MOOD_NAME`: "We've decided to move to
    Metabase" over 140 mentions of which 7 say so; a free-text subtopic, given its `said`,
    whose name less than MIN_SAID of its traffic says literally or in paraphrase:
    "Extra charges on November bill"); `vague` (a parent over
    several subtopics, given its `distinct`, whose name lies less than MIN_DISTINCT nearer its
    own centroid than a sibling's: "Set up" says what many parents are); `minority_parent` (a
    free-text parent over several subtopics, given its `children_said`, whose name less than
    MIN_PARENT_SAID of its traces says while a subtopic all but never says it:
    `support.minority_parent`); `contradicted_parent` (such a parent whose name states a
    direction a subtopic reverses: "Upgrade to Business" over a downgrade,
    `support.contradicted`). A parent named by its label value ("No issue"), and a
    subtopic named as such a parent, is not checked for support or length: its name is the
    facet's."""
    parent_label = {p.topic_id: p.label.strip().lower() for p in parents}
    children = {p.topic_id: p.children for p in parents}
    by_label = {p.topic_id for p in parents if p.from_label}
    out: dict[tuple[str, int], list[str]] = {}
    for level, group in (("parent", parents), ("sub", subs)):
        labels = [t.label for t in group]
        for i, t in enumerate(group):
            # a parent of one subtopic is that subtopic; a label value's subtopic named as it
            floor = MIN_PARENT_SUPPORT if level == "parent" and t.children > 1 else MIN_SUPPORT
            from_label = t.from_label or (
                t.parent in by_label and t.label.strip().lower() == parent_label.get(t.parent)
            )
            probs = label_problems(
                t.label, labels[:i] + labels[i + 1 :], verbs=verbs,
                context=None if from_label else t.context,
            )  # fmt: skip
            if from_label:  # a label value's name is the facet's: "Looker" is a whole name
                probs = [p for p in probs if p != "length"]
            # a free-text parent over several subtopics: its name is theirs, not one child's
            several = level == "parent" and not from_label and t.children > 1
            if (
                several
                and t.children_support
                and coverage(t.label, t.children_support) < MIN_COVERAGE
            ):
                probs.append("low_coverage")
            if several and t.children_said and minority_parent(t.label, t.children_said):
                probs.append("minority_parent")
            if several and t.children_said and contradicted(t.label, t.children_said):
                probs.append("contradicted_parent")
            if several and t.distinct is not None and t.distinct < MIN_DISTINCT:
                probs.append("vague")
            if level == "parent" and not from_label and case_statement(t.label, verbs, t.context):
                probs.append("statement")  # a Task parent states one case, not a task
            par = level == "parent"  # a parent's verb class noun is said by its verbs
            if not from_label and name_support(t.label, t.support, classes=par) < floor:
                whole = t.whole_support
                other = whole is not None and name_support(t.label, whole, classes=par) >= floor
                probs.append("other_part" if other else "low_support")
            if (
                level == "sub"
                and not from_label
                and t.parent in by_label
                and t.words is not None
                and not MOOD_NAME.match(t.label)  # says its texts name no reason
                and minority_name(t.label, t.words)
            ):
                probs.append("minority_name")
            elif level == "sub" and not from_label and t.said is not None and t.said < MIN_SAID:
                probs.append("minority_name")  # a free-text subtopic's, paraphrases said too
            words = t.label.lower().split()
            if (
                t.from_label
                and level == "parent"
                and len(words) > 1
                and words[0] not in GRADES
                and words[0] != "no"  # the default label's line ("No pricing question")
                and (
                    words[-1] == "mentions"
                    or (facet and t.label.lower().endswith(" " + facet.lower()))
                )
            ):
                probs.append("facet_suffix")
            if (
                not from_label
                and facet_words is not None
                and rare_words(t.label, t.support, facet_words)
            ):
                probs.append("name_like")
            # a parent over several subtopics carries no number ("Plan cost for 40 seats")
            if not from_label and (
                number_details(t.label, t.support) or (several and has_digit(t.label))
            ):
                probs.append("number_detail")
            if t.parent is not None and repeats_parent(
                t.label, parent_label.get(t.parent, ""), children.get(t.parent, 0)
            ):
                probs.append("repeats_parent")
            out[(level, t.topic_id)] = probs
    return out
