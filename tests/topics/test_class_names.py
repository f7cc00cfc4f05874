"""The abstraction step for parents (`naming.class_name`): a parent whose best phrase is said by
a minority of its traffic while its subtopics differ (`minority_parent`) is named by the object
its texts share and the action noun of the verb class they use with it (`words.ACTION_CLASSES`):
upgrade / downgrade / switch plan -> "Plan change". A parent whose phrase most of it says keeps
it. Phrasings from telecom, banking, HR, travel and retail, never the demo's analytics product."""

from __future__ import annotations

import numpy as np
import pytest
from test_labels_local import _parent, bag_of_words  # the same stand-ins

from tracetopics_pipeline.core.topics.labels.naming import PARENT_NAMING, class_name, name_topics
from tracetopics_pipeline.core.topics.labels.support import (
    Sayers,
    minority_parent,
    text_words,
)

# (subtopics of one parent, the sibling parent's subtopics, the expected class name)
CASES = [
    ({1: ["Upgrade my phone plan to Unlimited", "Upgrade plan to the 50GB plan"] * 3,
      2: ["Downgrade my plan to Basic", "Downgrade to the cheaper plan"] * 3,
      3: ["Switch my plan to prepaid", "Switch plan to yearly billing"] * 2},
     {4: ["Roaming charges in Spain", "Roaming fees abroad are too high"] * 3,
      5: ["Turn on roaming for my trip", "Enable roaming in France"] * 3},
     "Plan change"),
    ({1: ["Export my statement as CSV", "Export the March statement to CSV"] * 3,
      2: ["Download my statement as PDF", "Download a PDF statement for tax"] * 3,
      3: ["Print my yearly statement", "Print statement for the landlord"] * 2},
     {4: ["Card payment declined at a shop", "Card was declined online"] * 3,
      5: ["Card payment pending for days", "Pending card payment at a hotel"] * 3},
     "Statement export"),
    ({1: ["Move my flight booking to Friday", "Move the flight to an earlier date"] * 3,
      2: ["Upgrade my flight seat to business", "Upgrade flight to premium economy"] * 3,
      3: ["Rename the passenger on my flight", "Flight passenger name is misspelled, rename it"] * 2},
     {4: ["Hotel breakfast included?", "Does the hotel have breakfast"] * 3,
      5: ["Hotel parking price", "Is parking free at the hotel"] * 3},
     "Flight change"),
    ({1: ["Return the shoes for a refund", "Refund for shoes that do not fit"] * 3,
      2: ["Money back for a damaged jacket", "Reimburse me for the broken jacket zip"] * 3,
      3: ["Chargeback for an order I never got", "Refund order that never came"] * 2},
     {4: ["Track my parcel", "Where is my parcel, tracking says nothing"] * 3,
      5: ["Parcel left at the wrong address", "Courier left my parcel next door"] * 3},
     None),  # no object most of it names with a refund verb: the step stays out
]  # fmt: skip


def _named(kids, sibling):
    parents = [_parent(10, kids), _parent(11, sibling)]
    return name_topics(parents, embed=bag_of_words, params=PARENT_NAMING)[10], parents[0]


def _kids_said(kids):
    return [text_words(t) for _, t in sorted(kids.items())]


@pytest.mark.parametrize(
    ("kids", "sibling", "expected"), [c for c in CASES if c[2]], ids=[c[2] for c in CASES if c[2]]
)
def test_a_parent_of_different_actions_on_one_object_is_named_by_the_object_and_class(
    kids, sibling, expected
):
    name, _ = _named(kids, sibling)
    assert name == expected
    # what the step is for: the name is said by most of the parent, and no subtopic is silent
    assert not minority_parent(name, _kids_said(kids))
    said = Sayers([x for k in _kids_said(kids) for x in k], classes=True)
    assert said.share(name) > 0.9


def test_the_step_stays_out_where_no_pair_is_shared_widely_enough():
    kids, sibling, _ = CASES[-1]
    parent = _parent(10, kids)
    got = class_name(
        parent, embed=bag_of_words, centroid=parent.centroid, others=np.zeros((0, 256)),
        verbs=frozenset(), avoid=set(), surface={}, kids_said=_kids_said(kids),
    )  # fmt: skip
    assert got == ""


@pytest.mark.parametrize(
    ("kids", "expected"),
    [
        ({1: ["Export the payroll report as CSV", "Export payroll report to CSV file"] * 3,
          2: ["Download the payroll report as PDF", "Payroll report PDF for March"] * 3,
          3: ["Payroll report in Excel please", "Export payroll report to Excel"] * 2},
         "Payroll report"),
        ({1: ["Annual leave request for August", "Annual leave request for two days"] * 3,
          2: ["Cancel my annual leave request", "Withdraw the annual leave request"] * 3},
         "Annual leave request"),
    ],
)  # fmt: skip
def test_a_name_most_of_the_parent_says_is_kept(kids, expected):
    sibling = {8: ["Hotel breakfast included?", "Does the hotel have breakfast"] * 3}
    name, _ = _named(kids, sibling)
    assert name == expected


@pytest.mark.parametrize(
    ("name", "texts", "said"),
    [
        ("Plan change", ["Upgrade my plan", "Downgrade the plan", "Switch plan"], 1.0),
        ("Booking cancellation", ["Cancel my hotel booking", "Terminate the booking"], 1.0),
        ("Ticket refund", ["Reimburse my ticket", "Chargeback for a ticket"], 1.0),
        # the verb of a request is no class noun: "Change plan" needs "change"
        ("Change plan", ["Upgrade my plan", "Change my plan"], 0.5),
        # two words of one class: the noun does not say itself through the other
        ("Charged for payments", ["Charged twice", "Payments failed", "Charged for payments"], 1 / 3),
    ],
)  # fmt: skip
def test_a_parents_class_noun_is_said_by_its_verbs(name, texts, said):
    words = text_words(texts)
    assert Sayers(words, classes=True).share(name) == pytest.approx(said)


def test_fine_names_read_class_nouns_as_words():
    # without `classes` (subtopics, Banking77's fidelity): only the word itself says it
    words = text_words(["Upgrade my plan", "Downgrade the plan", "Change the plan"])
    assert Sayers(words).share("Plan change") == pytest.approx(1 / 3)


def test_the_audit_reads_a_class_name_as_its_verbs_say_it():
    from tracetopics_pipeline.core.topics.labels.audit import AuditedTopic, audit_topics
    from tracetopics_pipeline.core.topics.labels.support import parent_support, word_support

    kids = {
        1: ["Checkout loads so slowly", "Checkout is slow today"] * 2,
        2: ["Checkout page freezes when I pay", "Checkout hangs at the last step"] * 2,
    }
    texts = [t for k in sorted(kids) for t in kids[k]]
    parent = AuditedTopic(
        9, "Checkout performance",
        parent_support([word_support(kids[k]) for k in sorted(kids)], [4.0, 4.0]),
        children=2, children_support=[(word_support(kids[k]), 4.0) for k in sorted(kids)],
        children_said=_kids_said(kids),
    )  # fmt: skip
    # no text says "performance": not a rare word (a name), not unsupported, not a minority's
    assert audit_topics([parent], [], facet_words=word_support(texts))[("parent", 9)] == []
