"""Subtopics of a labelled facet split by traces, not unique texts (`maps._labelled_subs`):
templated traffic says a label in a few texts, each seen by many traces, and those texts can
still be different reasons ("fed up", "thinking of cancelling", "unacceptable for what we
pay"). Vectors are made by hand (one direction per reason, paraphrases near it), names by the
bag-of-words stand-in, so no model is loaded."""

from __future__ import annotations

import numpy as np
import pytest
from test_labels_local import bag_of_words  # the same stand-in

from tracetopics_pipeline.core.facets.definitions import load_facets
from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.topics.labels.grammar import label_problems
from tracetopics_pipeline.core.topics.maps import MIN_SUB_TRACES, fine_topics

SETTINGS = Settings(min_summaries=100)  # below it: no HDBSCAN, the split is by distance alone


def _facet(name: str):
    return next(f for f in load_facets() if f.name == name)


def _subs(facet: str, value: str, reasons: list[list[tuple[str, float]]], *, spread=0.05):
    """fine_topics over one label whose texts say `reasons` (each a list of (text, traces)),
    plus the facet's default label; returns {sub: set of texts} for the label's texts and the
    subtopics' names."""
    rng = np.random.default_rng(7)
    texts, weights, values, vecs = [], [], [], []
    for r, reason in enumerate(reasons):
        centre = np.zeros(64)
        centre[r] = 1.0
        for text, n in reason:
            texts.append(text)
            weights.append(n)
            values.append(value)
            vecs.append(centre + spread * rng.normal(size=64))
    default = _facet(facet).default_label
    if default:
        texts.append(default)
        weights.append(500.0)
        values.append(default)
        vecs.append(np.eye(64)[63])
    x = np.asarray(vecs, np.float32)
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    got = fine_topics(
        texts, x, values, weights, settings=SETTINGS, facet=facet, definition=_facet(facet),
        embed=bag_of_words,
    )  # fmt: skip
    mine = len(texts) - (1 if default else 0)
    groups: dict[int, set[str]] = {}
    for i in range(mine):
        groups.setdefault(int(got.labels[i]), set()).add(texts[i])
    names = {t.topic_id: t.label for t in got.topics if t.topic_id in groups}
    return groups, names


CASES = [
    (
        "Churn risk",
        "HIGH",
        [
            [("HIGH: Fed up with this.", 43), ("HIGH: You've been helpful, but today I'm fed up.", 17)],
            [("HIGH: This is unacceptable for what we pay.", 31), ("HIGH: Too expensive for what we get.", 12)],
            [("HIGH: We're seriously thinking of cancelling.", 33)],
        ],
    ),
    (
        "Pricing question",
        "COST",
        [
            [("COST: What's the price per seat on Enterprise?", 40), ("COST: What's the price per seat on Pro?", 25)],
            [("COST: Where can I download the invoice for March?", 30)],
            [("COST: Can we switch the workspace to annual billing?", 22), ("COST: Is annual billing cheaper?", 9)],
        ],
    ),
    (
        "Feature request",
        "NEW_CAPABILITY",
        [
            [("NEW_CAPABILITY: Any plans to add a dark theme?", 28), ("NEW_CAPABILITY: Please add a dark mode.", 19)],
            [("NEW_CAPABILITY: Please add row-level security.", 35)],
            [("NEW_CAPABILITY: A Microsoft Teams integration would help.", 26)],
        ],
    ),
    (
        "Sentiment",
        "NEGATIVE",
        [
            [("User said the answer did not help.", 120), ("User said the answer did not help and repeated it.", 40)],
            [("User asked for a human.", 60)],
            [("User talked about cancelling their plan.", 45)],
        ],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("facet", "value", "reasons"), CASES, ids=[c[0] for c in CASES])
def test_a_label_said_in_few_texts_by_many_traces_splits_by_reason(facet, value, reasons):
    """Before: a label under 2 x 8 unique texts was one subtopic, however many traces said it
    and however far apart its texts were."""
    groups, names = _subs(facet, value, reasons)
    want = sorted(sorted(t for t, _ in r) for r in reasons)
    assert sorted(sorted(g) for g in groups.values()) == want
    # named, each name clean, no two siblings alike
    assert len({n.lower() for n in names.values()}) == len(names), names
    for n in names.values():
        assert not label_problems(n), (n, label_problems(n))


@pytest.mark.parametrize(
    "texts",
    [
        ["HIGH: Fed up with this.", "HIGH: Fed up with this!", "HIGH: So fed up with this."],
        ["COST: Price per seat on Pro?", "COST: What's the Pro price per seat?"],
    ],
)
def test_paraphrases_of_one_reason_stay_one_subtopic(texts):
    facet = "Churn risk" if texts[0].startswith("HIGH") else "Pricing question"
    value = texts[0].split(":")[0]
    groups, _ = _subs(facet, value, [[(t, 40.0) for t in texts]])
    assert len(groups) == 1


@pytest.mark.parametrize("rare", [3.0, MIN_SUB_TRACES - 1.0])
def test_a_reason_too_few_traces_say_joins_the_nearest(rare):
    reasons = [
        [("HIGH: Fed up with this.", 60.0)],
        [("HIGH: This is unacceptable for what we pay.", 50.0)],
        [("HIGH: Please delete my account.", rare)],
    ]
    groups, _ = _subs("Churn risk", "HIGH", reasons)
    assert len(groups) == 2
    assert not any(g == {"HIGH: Please delete my account."} for g in groups.values())


def test_a_label_with_few_traces_is_one_subtopic_however_far_apart_its_texts():
    reasons = [[("HIGH: Fed up with this.", 5.0)], [("HIGH: Unacceptable for the price.", 6.0)]]
    groups, _ = _subs("Churn risk", "HIGH", reasons)
    assert len(groups) == 1  # 11 traces: under 2 x MIN_SUB_TRACES


@pytest.mark.parametrize("small", [12.0, 30.0])
def test_a_reason_under_its_share_of_the_label_joins_the_nearest(small):
    """Enough traces for a subtopic (>= MIN_SUB_TRACES) but under SPLIT_SHARE of its label's:
    a split never leaves a label in crumbs (ten competitors in one template are not ten
    reasons)."""
    from tracetopics_pipeline.core.topics.maps import SPLIT_SHARE

    reasons = [
        [("HIGH: Fed up with this.", 200.0)],
        [("HIGH: This is unacceptable for what we pay.", 150.0)],
        [("HIGH: We're switching to Qlik next quarter.", small)],
    ]
    assert MIN_SUB_TRACES <= small < SPLIT_SHARE * (350 + small)
    groups, _ = _subs("Churn risk", "HIGH", reasons)
    assert len(groups) == 2
