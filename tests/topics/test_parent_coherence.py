"""Parents that group the right children: names a few of a topic's texts say do not join it
to another topic, and a carried-over topic that lies nearer another parent moves there."""

from __future__ import annotations

import numpy as np
import pytest

from tracetopics_pipeline.core.topics.hierarchy import (
    HierarchyParams,
    _cosine_distance,
    group_topics,
    lexical_profiles,
    misplaced_children,
)

NAMES = ["Maria", "Ahmed", "Priya", "Lukas", "Chen", "Fatima", "Diego", "Olga"]

# (request A with a name slot, request B with the same slot, request A said without a name)
DOMAINS = {
    "telecom": (
        "Reset the voicemail PIN for {n}, it is locked",
        "Close the mobile line of {n}, they moved abroad",
        "Voicemail PIN is locked, please reset the voicemail PIN",
    ),
    "hr": (
        "Update the payroll bank details for {n} before the next payroll run",
        "Offboard {n} from the building badge system, last day is Friday",
        "How do I update payroll bank details for an employee",
    ),
    "retail": (
        "Refund the damaged blender order for {n}",
        "Change the delivery address of {n}, they moved house",
        "Blender order arrived damaged, need a refund",
    ),
    "gym": (
        "Freeze the membership of {n} while they are injured",
        "Book a personal trainer session for {n} next Tuesday",
        "Can I freeze a membership for an injury",
    ),
}


def _topics(a: str, b: str, c: str) -> tuple[list[str], np.ndarray]:
    texts, labels = [], []
    for t, template in enumerate((a, b)):
        for n in NAMES:
            texts.append(template.format(n=n))
            labels.append(t)
    for i in range(len(NAMES)):  # the same request as topic 0, said in other words
        texts.append(c + " " * i)
        labels.append(2)
    return texts, np.asarray(labels)


@pytest.mark.parametrize("domain", sorted(DOMAINS))
def test_names_a_few_texts_say_do_not_join_two_requests(domain):
    texts, labels = _topics(*DOMAINS[domain])
    d = _cosine_distance(lexical_profiles(texts, labels, 3))
    # The two requests that share only their people's names are lexically unrelated; the
    # same request in other words stays the nearest.
    assert d[0, 1] > 0.95
    assert d[0, 2] < d[0, 1]


def test_a_name_most_of_a_topic_says_still_counts():
    """A product or place most of a topic's texts name ("Okta") is what it is about."""
    texts = [f"Okta login fails for user {n}" for n in NAMES] + [
        f"Sync the Okta directory groups, ticket {i}" for i in range(8)
    ] + [f"Refund the order for {n}" for n in NAMES]  # fmt: skip
    labels = np.repeat([0, 1, 2], 8)
    d = _cosine_distance(lexical_profiles(texts, labels, 3))
    assert d[0, 1] < 0.9  # both say Okta
    assert d[0, 2] > 0.95  # only names in common


def _groups(seed: int = 7, groups: int = 3, per_group: int = 4, dim: int = 48):
    rng = np.random.default_rng(seed)
    centres = rng.normal(size=(groups, dim))
    c = np.asarray([centres[g] + 0.3 * rng.normal(size=dim) for g in range(groups)
                    for _ in range(per_group)])  # fmt: skip
    return c / np.linalg.norm(c, axis=1, keepdims=True), np.repeat(np.arange(groups), per_group)


@pytest.mark.parametrize("seed", [7, 8, 9])
def test_a_carried_topic_nearer_another_parent_moves_there(seed):
    c, truth = _groups(seed=seed)
    prev = truth.copy()
    prev[5] = 0  # yesterday topic 5 (about group 1) sat under group 0's parent
    got = group_topics(c, previous=prev, params=HierarchyParams(tolerance=1.0))
    assert got.params["carried"]
    assert got.of_topic[5] == got.of_topic[4]  # back with its own group
    assert got.of_topic[5] != got.of_topic[0]
    # the grouping otherwise as carried
    assert len(set(got.of_topic.tolist())) == 3


def test_the_coherence_audit_finds_a_child_nearer_another_parent():
    c, truth = _groups()
    sizes = np.ones(len(c))
    assert misplaced_children(c, sizes, truth) == []
    wrong = truth.copy()
    wrong[5] = 0
    assert misplaced_children(c, sizes, wrong) == [(5, 1)]


@pytest.mark.parametrize("seed", [7, 8, 9])
def test_a_carried_grouping_is_a_fixed_point(seed):
    """Re-placing a child changes its old and new siblings' averages; the carried grouping is
    re-placed until nothing moves, so a re-run carrying it changes nothing."""
    c, truth = _groups(seed=seed, groups=4, per_group=5)
    prev = truth.copy()
    prev[[3, 8, 13]] = prev[[8, 13, 3]]  # three children, each under another group's parent
    got = group_topics(c, previous=prev, params=HierarchyParams(tolerance=1.0))
    again = group_topics(c, previous=got.of_topic, params=HierarchyParams(tolerance=1.0))
    assert np.array_equal(again.of_topic, got.of_topic)


# Small maps whose every request fills one slot with the same placeholder (what abstracting
# code or ids leaves): (slot, [request templates, each its own topic]).
SLOTS = {
    "devops": (
        "a service",
        [
            "Roll back {s}, the new deploy is broken",
            "Add a latency alert for {s} on staging",
            "Debug why {s} crashes on start",
            "Rotate the leaked token {s} uses",
        ],
    ),
    "warehouse": (
        "the table",
        [
            "Why does the query on {s} time out",
            "Grant read access to {s} for the finance team",
            "Export {s} to a spreadsheet",
        ],
    ),
    "shop": (
        "my order",
        [
            "Where is {s}, tracking has not moved",
            "Return {s}, the shoes are too small",
            "Apply a coupon code to {s}",
            "Change the delivery address of {s}",
            "Cancel {s} before it ships",
        ],
    ),
}


@pytest.mark.parametrize("domain", sorted(SLOTS))
def test_a_slot_every_topic_fills_does_not_join_requests(domain):
    """A word most of a small map's topics say names no area: two requests that share only
    the slot are lexically unrelated (on the old code, cosine distance 0.5-0.8)."""
    slot, templates = SLOTS[domain]
    texts, labels = [], []
    for t, template in enumerate(templates):
        for i in range(6):  # the same request, said six times (distinct texts)
            texts.append(template.format(s=slot) + "." * (i + 1))
            labels.append(t)
    # one more topic: topic 0's request without the slot; the words they share still count
    texts += [templates[0].format(s="it") + "!" * (i + 1) for i in range(6)]
    labels += [len(templates)] * 6
    k = len(templates) + 1
    d = _cosine_distance(lexical_profiles(texts, np.asarray(labels), k))
    for a in range(len(templates)):
        for b in range(a + 1, len(templates)):
            assert d[a, b] > 0.99, (templates[a], templates[b])
    assert d[0, k - 1] < 0.5  # the request's own words still join its two phrasings
