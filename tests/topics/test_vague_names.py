"""A parent's name says what sets it apart: a phrase that lies as near a sibling parent's texts
as its own ("Set up" over SSO, SCIM and JIT provisioning, when other parents set up pipelines and
webhooks) is taken only after any distinct name that covers the subtopics, and the audit counts
it (`vague`). Measured in the embedding space, not by grammar: "Top up" over top-ups stays.
Phrasings from developer tools, HR and banking, never the demo's."""

from __future__ import annotations

import numpy as np
import pytest
from test_labels_local import _parent, bag_of_words  # the same stand-ins

from tracetopics_pipeline.core.topics.labels.audit import AuditedTopic, audit_topics
from tracetopics_pipeline.core.topics.labels.naming import (
    PARENT_NAMING,
    name_margins,
    name_topics,
)
from tracetopics_pipeline.core.topics.labels.support import CATEGORY_NOUNS, MIN_DISTINCT

DEVTOOLS = [
    {1: ["Set up SAML SSO with Okta", "Set up SAML SSO for the org"] * 3,
     2: ["Set up SCIM provisioning from Okta", "Set up SCIM user provisioning"] * 3,
     3: ["Set up just-in-time provisioning", "Set up JIT user provisioning for new hires"] * 2},
    {4: ["Set up a CI pipeline for the repo", "Set up the build pipeline cache"] * 3,
     5: ["Set up deploy keys for the pipeline", "Set up pipeline secrets"] * 3},
    {6: ["Set up webhooks for pull requests", "Set up a webhook for push events"] * 3,
     7: ["Set up webhook retries", "Set up webhook signing secret"] * 3},
]  # fmt: skip
BANKING = [
    {1: ["Top up by card failed", "My top up by card was declined"] * 3,
     2: ["Top up still pending", "Why is my top up pending"] * 3},
    {3: ["Card has not arrived yet", "When will my card arrive"] * 3,
     4: ["Card arrived damaged", "My new card arrived broken"] * 3},
    {5: ["Exchange rate for euros looks wrong", "Wrong exchange rate applied"] * 3,
     6: ["Fee for currency exchange", "Charged a fee to exchange currency"] * 3},
]  # fmt: skip


def _names(parents: list[dict[int, list[str]]], params=PARENT_NAMING) -> tuple[dict, np.ndarray]:
    inputs = [_parent(10 + j, kids) for j, kids in enumerate(parents)]
    cents = np.stack([p.centroid / np.linalg.norm(p.centroid) for p in inputs])
    return name_topics(inputs, embed=bag_of_words, params=params), cents


@pytest.mark.parametrize(("parents", "vague"), [(DEVTOOLS, "set up")])
def test_a_parent_is_not_named_by_what_its_siblings_also_are(parents, vague):
    from dataclasses import replace

    names, cents = _names(parents)
    for q, name in enumerate(names[10 + j] for j in range(len(parents))):
        assert name.lower() != vague, names
        assert name_margins(bag_of_words([name]), cents, q)[0] >= MIN_DISTINCT, name
    # without the rule the verb every parent shares names one of them
    plain, _ = _names(parents, replace(PARENT_NAMING, min_distinct=0.0))
    assert vague in {n.lower() for n in plain.values()}


def test_a_verb_and_particle_that_sets_its_parent_apart_stays():
    names, cents = _names(BANKING)
    assert names[10] == "Top up"
    assert name_margins(bag_of_words(["Top up"]), cents, 0)[0] >= MIN_DISTINCT


def test_the_audit_counts_a_vague_parent_and_passes_a_distinct_one():
    sup = {"set": 1.0, "up": 1.0, "top": 1.0}
    parents = [
        AuditedTopic(10, "Set up", sup, children=3, distinct=-0.01),
        AuditedTopic(11, "Top up", sup, children=2, distinct=0.78),
        AuditedTopic(12, "Set up", sup, children=1, distinct=-0.01),  # reads as its subtopic
    ]
    got = audit_topics(parents, [])
    assert "vague" in got[("parent", 10)]
    assert "vague" not in got[("parent", 11)] and "vague" not in got[("parent", 12)]


@pytest.mark.parametrize(
    ("kids", "head"),
    [
        ({0: ["Swap shifts with a colleague on Friday", "Swap my shift next week"] * 3,
          1: ["Cover shifts for the night team", "Who can cover shifts on Sunday"] * 3,
          2: ["Drop shifts during exams", "Can I drop two shifts"] * 3,
          3: ["Pick up extra shifts in December", "Pick up shifts at another store"] * 3},
         "Shift"),
    ],
)  # fmt: skip
def test_a_category_name_reads_its_noun_in_the_singular(kids, head):
    """("Seats requests" -> "Seat requests") when the texts use the singular too."""
    sibling = _parent(8, {5: ["Export payslips to PDF", "Download my payslip"] * 3,
                          6: ["Payslip shows the wrong tax code", "Tax code on payslip"] * 3})  # fmt: skip
    names = name_topics([_parent(9, kids), sibling], embed=bag_of_words, params=PARENT_NAMING)
    assert names[9].split()[-1] in CATEGORY_NOUNS, names[9]  # only the head is shared
    assert names[9].split()[0] == head, names[9]
