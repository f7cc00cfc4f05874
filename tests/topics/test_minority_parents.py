"""A parent named by a minority of its traffic while its subtopics differ (`minority_parent`):
less than a third of its traces say the name, and some subtopic all but never says it ("Pay by
card" over card, bank-transfer and wallet payments). A name every subtopic says now and then,
or most of the traces say, is not counted. Phrasings from HR, travel, retail, banking and
developer tools, never the demo's analytics product."""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.topics.labels.audit import AuditedTopic, audit_topics
from tracetopics_pipeline.core.topics.labels.support import (
    minority_parent,
    parent_support,
    text_words,
    word_support,
)

# (parent name, subtopics' texts): one subtopic says the name, the others never do
MINORITY = [
    ("Refund to card",
     {1: ["Refund to my card has not arrived", "Refund to card still pending"],
      2: ["Refund by bank transfer", "Send the refund to my bank account"] * 2,
      3: ["Refund as store credit please", "Can I get store credit instead"] * 2}),
    ("Book a window seat",
     {1: ["Book a window seat on my flight", "I want to book a window seat"],
      2: ["Change my flight to Tuesday", "Move my flight to an earlier date"] * 2,
      3: ["Cancel my flight and hotel", "I need to cancel the trip"] * 2}),
    ("Parental leave request",
     {1: ["How do I file a parental leave request", "Parental leave request form"],
      2: ["Book two days of annual leave", "Holiday booking for August"] * 2,
      3: ["Report a sick day", "Sick leave for tomorrow"] * 2}),
    ("Upgrade to Team",
     {1: ["Upgrade to the Team plan", "We want to upgrade to Team"],
      2: ["Downgrade to the free plan", "Move us down to Free"] * 2,
      3: ["Switch from monthly to yearly billing", "Change billing period to annual"] * 2}),
]  # fmt: skip

# names most of the traffic says, or that every subtopic says now and then
SAID = [
    ("Leave request",
     {1: ["Parental leave request", "Submit a leave request for May"],
      2: ["Leave request for two days", "Annual leave request"],
      3: ["Sick leave request", "Request sick leave tomorrow"]}),
    ("Flight change",
     {1: ["Change my flight to Tuesday", "Flight change to an earlier date"],
      2: ["Change the flight destination", "Flight change fee"],
      3: ["Name change on my flight booking", "Can I change the flight name"]}),
    ("Deploy fails",
     {1: ["Deploy fails on the build step", "Build step breaks the deploy", "Deploy fails"],
      2: ["Deploy fails with a timeout", "Timeout when deploying", "Deploy fails again"],
      3: ["Deploy fails after the migration", "Migration breaks deploy"]}),
]  # fmt: skip


def _said(kids: dict[int, list[str]]) -> list[list[tuple[frozenset[str], float]]]:
    return [text_words(texts) for _, texts in sorted(kids.items())]


@pytest.mark.parametrize(("name", "kids"), MINORITY, ids=[m[0] for m in MINORITY])
def test_a_parent_named_by_one_kind_of_its_subtopics_is_a_minority_name(name, kids):
    assert minority_parent(name, _said(kids))


@pytest.mark.parametrize(("name", "kids"), SAID, ids=[m[0] for m in SAID])
def test_a_name_its_subtopics_say_is_not(name, kids):
    assert not minority_parent(name, _said(kids))


def test_a_name_said_now_and_then_by_every_subtopic_is_a_phrasing_not_a_minority():
    # a fifth of each subtopic's texts say "Parcel tracking"; the rest say "where is my order"
    kids = {
        k: [f"Parcel tracking for order {k}"] + [f"Where is my order {k}, it is late"] * 4
        for k in (1, 2, 3)
    }
    assert not minority_parent("Parcel tracking", _said(kids))


def test_a_parent_of_one_subtopic_is_not_checked():
    assert not minority_parent("Refund to card", _said({1: ["Refund by bank transfer"]}))


def _audited(name: str, kids: dict[int, list[str]], said: bool = True) -> AuditedTopic:
    supports = [word_support(t) for _, t in sorted(kids.items())]
    sizes = [float(len(t)) for _, t in sorted(kids.items())]
    return AuditedTopic(
        9, name, parent_support(supports, sizes), children=len(kids),
        children_said=_said(kids) if said else None,
    )  # fmt: skip


@pytest.mark.parametrize(("name", "kids"), MINORITY[:2], ids=[m[0] for m in MINORITY[:2]])
def test_the_audit_counts_it_for_free_text_parents_only(name, kids):
    assert "minority_parent" in audit_topics([_audited(name, kids)], [])[("parent", 9)]
    # without the subtopics' texts (an audit that was not given them) nothing is read
    assert (
        "minority_parent" not in audit_topics([_audited(name, kids, said=False)], [])[("parent", 9)]
    )
    labelled = _audited(name, kids)
    labelled.from_label = True  # a label value's name is the facet's
    assert "minority_parent" not in audit_topics([labelled], [])[("parent", 9)]
