"""A parent's name no subtopic contradicts (issue 12 item 3): a name taken from one child's
phrasing that states a direction another child reverses ("Upgrade to Business" over a
"Downgrade to Business" child) is refused, and the namer falls back to a name the children
share. Phrasings from telecom, HR software, smart homes, gyms, banking and newsletters, never
the demo's analytics product."""

from __future__ import annotations

import pytest
from test_labels_local import _parent, bag_of_words  # the same stand-ins

from tracetopics_pipeline.core.topics.labels.audit import AuditedTopic, audit_topics
from tracetopics_pipeline.core.topics.labels.naming import PARENT_NAMING, name_topics
from tracetopics_pipeline.core.topics.labels.support import contradicted, text_words


def _kids_said(kids: dict[int, list[str]]):
    return [text_words(t) for _, t in sorted(kids.items())]


DATA_PLANS = {  # telecom: one child upgrades, one downgrades, one asks the price
    1: ["Upgrade my data plan to 50GB", "Upgrade to the unlimited data plan"] * 3,
    2: ["Downgrade my data plan to 10GB", "Downgrade to the basic data plan"] * 3,
    3: ["How much is the data plan per month", "Data plan price per month"] * 2,
}
USERS = {  # HR software: adding and removing users
    1: ["Add a new user to payroll", "Add user for the new hire"] * 3,
    2: ["Remove a user who left", "Remove user access for a leaver"] * 3,
}
ALERTS = {  # smart home: turning motion alerts on and off
    1: ["Enable motion alerts on the doorbell", "Enable alerts for the garden camera"] * 3,
    2: ["Disable motion alerts at night", "Disable alerts for the hallway camera"] * 3,
}
CLASSES = {  # gym: more and fewer classes
    1: ["More yoga classes on weekends please", "Add more spin classes"] * 3,
    2: ["Fewer classes at lunchtime", "Less classes in the morning would be fine"] * 3,
}
LIMITS = {  # banking: raising and lowering a card limit
    1: ["Increase my card limit", "Increase the daily card limit for travel"] * 3,
    2: ["Decrease my card limit", "Reduce the card limit for my son"] * 3,
}
NEWSLETTER = {  # newsletters: subscribe, unsubscribe
    1: ["Subscribe me to the weekly newsletter", "Subscribe to the newsletter"] * 3,
    2: ["Unsubscribe from the newsletter", "Unsubscribe me from every newsletter"] * 3,
}
MIXED_PLANS = {  # telecom: the biggest child upgrades and downgrades, one adds and removes lines
    1: ["Upgrade from Basic to Unlimited", "Upgrade to Unlimited", "Upgrade from Prepaid to Basic",
        "We'd like to downgrade to Basic at the end of the month",
        "What happens to my data if we downgrade to Prepaid"] * 5,
    2: ["Want to add 3 more lines to our plan", "Remove 2 lines from our plan",
        "Add 4 more lines to the family plan", "Reduce lines from 5 to 2"] * 2,
    3: ["How much extra would it cost per month to add 2 lines",
        "Cost per month for the Unlimited plan", "How much per month is Basic"] * 2,
}  # fmt: skip
MIXED_MEMBERSHIPS = {  # a gym: the same shape, other words
    1: ["Upgrade from Silver to Gold", "Upgrade to Platinum", "Upgrade from Gold to Platinum",
        "We'd like to downgrade to Silver next month",
        "What happens to my classes if I downgrade to Silver"] * 5,
    2: ["Add my partner to our membership", "Remove my son from our membership",
        "Add 2 more people to the family membership"] * 2,
    3: ["How much per month is Gold", "Cost per month of the Platinum membership",
        "Monthly fee for Silver"] * 2,
}  # fmt: skip
BOTH_WAYS = {  # every child says both directions: no child reverses the name
    1: ["Upgrade or downgrade my data plan", "Can I upgrade or downgrade the plan"] * 3,
    2: ["Upgrade the plan, or downgrade it later", "Upgrade or downgrade data plan"] * 3,
}
SAME_WAY = {  # every child upgrades
    1: ["Upgrade my data plan to 50GB", "Upgrade to the unlimited data plan"] * 3,
    2: ["Upgrade the family plan", "Upgrade the plan for my daughter"] * 3,
}


@pytest.mark.parametrize(
    ("name", "kids"),
    [
        ("Upgrade data plan", DATA_PLANS),
        ("Downgrade to basic", DATA_PLANS),
        ("Add a user", USERS),
        ("Remove user access", USERS),
        ("Enable motion alerts", ALERTS),
        ("More classes", CLASSES),
        ("Fewer classes", CLASSES),
        ("Increase card limit", LIMITS),
        ("Card limit decrease", LIMITS),
        ("Newsletter subscription", NEWSLETTER),
    ],
)
def test_a_name_one_child_reverses_is_contradicted(name, kids):
    assert contradicted(name, _kids_said(kids))


@pytest.mark.parametrize(
    ("name", "kids"),
    [
        ("Data plan changes", DATA_PLANS),  # the shared object
        ("Data plan", DATA_PLANS),
        ("User access", USERS),
        ("Motion alerts", ALERTS),
        ("Card limit", LIMITS),
        ("Upgrade data plan", BOTH_WAYS),  # the children say both ways in one text
        ("Upgrade data plan", SAME_WAY),
        ("Upgrade data plan", {1: DATA_PLANS[1]}),  # one child alone contradicts nothing
    ],
)
def test_a_name_no_child_reverses_passes(name, kids):
    assert not contradicted(name, _kids_said(kids))


DIRECTIONS = ("upgrade", "downgrade", "add", "remove", "enable", "disable", "more", "fewer",
              "less", "increase", "decrease", "reduce", "subscribe", "unsubscribe")  # fmt: skip


@pytest.mark.parametrize(
    "kids",
    [DATA_PLANS, USERS, ALERTS, CLASSES, LIMITS, NEWSLETTER, MIXED_PLANS, MIXED_MEMBERSHIPS],
)
def test_the_namer_names_a_parent_over_both_directions_by_what_they_share(kids):
    sibling = {
        7: ["Roaming charges in Spain", "Roaming fees abroad are too high"] * 3,
        8: ["Porting my number from another network", "Port my old number"] * 3,
    }
    names = name_topics([_parent(10, kids), _parent(11, sibling)], embed=bag_of_words,
                        params=PARENT_NAMING)  # fmt: skip
    assert not contradicted(names[10], _kids_said(kids)), names[10]
    assert names[10]


def test_the_audit_flags_a_contradicted_parent():
    said = _kids_said(DATA_PLANS)
    support = {"data": 1.0, "plan": 1.0, "upgrad": 0.4, "chang": 0.0}
    parent = AuditedTopic(1, "Upgrade data plan", support, children=3, children_said=said)
    ok = AuditedTopic(2, "Roaming data plans", support, children=3, children_said=said)
    flags = audit_topics([parent, ok], [])
    assert "contradicted_parent" in flags.get(("parent", 1), [])
    assert "contradicted_parent" not in flags.get(("parent", 2), [])
