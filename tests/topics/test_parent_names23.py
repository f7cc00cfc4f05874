"""Session 23's parent names (issue 12, items 3 and 5): a parent's kept name passes the namer's
sibling rules against TODAY's siblings (`names_kept`: "Free change" kept beside a new "Plan
change"); a kind said for its head ("Free change") repeats the sibling that names the head
(`naming.repeats_idea` with the facet's kinds), opposite directions do not ("Plan downgrade",
"Plan upgrade"); a word in the slot a class's members fill is a member ("Downgrade to Free"
beside "Downgrade to Pro", `support.learn_kinds`); a parent whose action's class a sibling
names is named by its action ("Downgrade requests", `naming.action_name`). A person's rename
stays, ids never change. Look-alikes: names that say more, slots of other words, no sibling."""

from __future__ import annotations

import numpy as np
import pytest
from test_names_kept import embed

from tracetopics_pipeline.core.topics.describe import TopicInfo
from tracetopics_pipeline.core.topics.labels.grammar import verb_forms
from tracetopics_pipeline.core.topics.labels.naming import repeats_idea
from tracetopics_pipeline.core.topics.labels.support import learn_kinds, stem
from tracetopics_pipeline.core.topics.names_kept import KEPT, keep_names

# Three subtopics of a subscriptions product: upgrades (parent 20), and two ways of going down
# to the Free plan (parent 21). "Free", "Pro" and "Business" are plans by the texts' own words.
TEXTS = (
    [f"Upgrade our Pro plan to the Business plan for {w}" for w in ("sales", "ops", "hr", "it")]
    + [f"Upgrade from the Pro plan to Business {n}" for n in range(4)]
    + [f"Downgrade to the Free plan for team {w}" for w in ("ana", "bo", "cy", "di")]
    + [f"Downgrade to Free at the end of the term {n}" for n in range(4)]
    + [f"Move us to the Free plan, Free is enough {n}" for n in range(4)]
    + [f"Move to Free before the Business plan renews {n}" for n in range(4)]
)
SUB_OF_TEXT = np.array([0] * 8 + [1] * 8 + [2] * 8)
PARENT_OF_SUB = [0, 1, 1]


def _map(sub_names: list[str], parent_names: list[str]) -> tuple[list, list]:
    x = embed(TEXTS)
    subs = []
    for i, name in enumerate(sub_names):
        c = x[np.equal(SUB_OF_TEXT, i)].mean(axis=0)
        subs.append(TopicInfo(10 + i, name, [], 8, 1 / 3, c / np.linalg.norm(c), [], 0.0, 0.0))
    parents = []
    for q, name in enumerate(parent_names):
        kids = [i for i, p in enumerate(PARENT_OF_SUB) if p == q]
        c = np.mean([subs[i].centroid for i in kids], axis=0)
        parents.append(
            TopicInfo(20 + q, name, [], 8 * len(kids), 0.5, c / np.linalg.norm(c), [], 0, 0)
        )
    return subs, parents


def _run(subs, parents, previous):
    return keep_names(
        subs, parents, PARENT_OF_SUB, previous, texts=TEXTS, x=embed(TEXTS),
        weights=[1.0] * len(TEXTS), sub_of_text=SUB_OF_TEXT, embed=embed, margin=10.0,
    )  # fmt: skip


SUBS = ["Upgrade to Business", "Downgrade to the Free plan", "Move to the Free plan"]


def test_the_texts_make_free_a_plan():
    kinds = learn_kinds(TEXTS, verbs=verb_forms(TEXTS))
    assert "plan" in kinds.heads.get(stem("free"), frozenset()), kinds.heads


def test_a_kept_parent_name_repeating_a_new_siblings_idea_is_renamed():
    # day 1 called the downgrades "Free change"; day 2 names the upgrades "Plan change" (a new
    # sibling name): "Free change" now says what "Plan change" says, Free being a plan
    subs, parents = _map(SUBS, ["Plan change", "Free plan downgrades"])
    choices = _run(subs, parents, {21: "Free change", 10: SUBS[0]})
    assert parents[1].label == "Free plan downgrades" and parents[1].label_source != KEPT
    (c,) = [c for c in choices if c.topic_id == 21]
    assert not c.kept and c.why == "previous name repeats a sibling's idea"
    assert [p.topic_id for p in parents] == [20, 21]  # ids never change


@pytest.mark.parametrize(
    "previous",
    [
        "Plan downgrade",  # the idea ("plan", "change") all in "Plan change"
        "Change of plan",
    ],
)
def test_other_kept_parent_names_that_repeat_a_sibling_are_renamed(previous):
    subs, parents = _map(SUBS, ["Plan change", "Free plan downgrades"])
    (c,) = [c for c in _run(subs, parents, {21: previous}) if c.topic_id == 21]
    assert not c.kept and c.why == "previous name repeats a sibling's idea"
    assert parents[1].label == "Free plan downgrades"


@pytest.mark.parametrize(
    "previous",
    [
        "Free plan moves",  # names its plan: says which plan, beside "Plan change"
        "Downgrade to Free plan",
    ],
)
def test_a_kept_parent_name_that_says_more_than_its_siblings_stays(previous):
    subs, parents = _map(SUBS, ["Plan change", "Free plan downgrades"])
    (c,) = [c for c in _run(subs, parents, {21: previous}) if c.topic_id == 21]
    assert c.kept and parents[1].label == previous and parents[1].label_source == KEPT


def test_a_persons_rename_repeating_a_sibling_stays():
    subs, parents = _map(SUBS, ["Plan change", "Free plan downgrades"])
    parents[1].label, parents[1].label_source = "Free change", "override"
    _run(subs, parents, {21: "Free change"})
    assert parents[1].label == "Free change" and parents[1].label_source == "override"
    # and a person's sibling name is one a kept name may not repeat
    subs, parents = _map(SUBS, ["Plan change", "Free plan downgrades"])
    parents[0].label_source = "override"
    (c,) = [c for c in _run(subs, parents, {21: "Free change"}) if c.topic_id == 21]
    assert not c.kept and parents[0].label == "Plan change"


@pytest.mark.parametrize(
    ("name", "sibling", "repeats"),
    [
        ("Free change", "Plan change", True),  # Free is a plan: nothing else said
        ("Business upgrade", "Plan change", True),  # a kind and a verb of the class
        ("Pro switch", "Plan change", True),
        ("Free plan downgrades", "Plan change", False),  # names its plan
        ("Free change", "Plan cost", False),  # the sibling says no change
        ("Business invoices", "Plan change", False),  # an invoice is no plan
        ("Plan change", "Free change", False),  # the head's name says the whole class
    ],
)
def test_a_kind_for_its_head_repeats_the_sibling_naming_the_head(name, sibling, repeats):
    kinds = learn_kinds(TEXTS, verbs=verb_forms(TEXTS))
    assert repeats_idea(name, sibling, embed, kinds) is repeats
    assert not repeats_idea(name, sibling, embed)  # without the texts' kinds: other words


@pytest.mark.parametrize(
    ("name", "sibling", "repeats"),
    [
        ("Plan downgrade", "Plan upgrade", False),  # one class, opposite directions
        ("Downgrade the plan", "Upgrade plan", False),
        ("Add seats", "Remove seats", False),
        ("Unsubscribe from emails", "Subscribe to emails", False),
        # look-alikes: one direction, or none, beside the class
        ("Plan downgrade", "Plan change", True),
        ("Plan upgrade", "Upgrade plan", True),
        ("Switch plan", "Plan change", True),
    ],
)
def test_opposite_directions_of_one_class_do_not_repeat(name, sibling, repeats):
    assert repeats_idea(name, sibling, embed) is repeats


# ------------------------------------------------ a word in a class's members' slot is a member
@pytest.mark.parametrize(
    ("texts", "word", "head"),
    [
        # "Free" is never written before "plan", but fills the plans' slot after a plan change
        (["Downgrade to Free"] * 4 + ["Downgrade to Pro", "Upgrade to Business"] * 3
         + ["Our Pro plan", "The Business plan", "the Pro plan price", "the Business plan cost"] * 2,
         "free", "plan"),
        # a phone bundle, in the switch slot: "switch to Bronze"
        (["Switch to Bronze", "Move to Bronze"] * 2 + ["Switch to Gold", "Switch to Silver"] * 3
         + ["The Gold bundle", "my Silver bundle", "the Gold bundle data", "our Silver bundle"] * 2,
         "bronze", "bundl"),
        # an identity provider migrated from ("Migrate from Entra")
        (["Migrate from Entra"] * 4 + ["Migrate from Okta", "Move from OneLogin"] * 3
         + ["The Okta connector", "the OneLogin connector", "our Okta connector",
            "my OneLogin connector"] * 2,
         "entra", "connector"),
    ],
)  # fmt: skip
def test_a_word_in_the_slot_a_classs_members_fill_is_a_member(texts, word, head):
    kinds = learn_kinds(texts, verbs=verb_forms(texts))
    assert head in kinds.heads.get(stem(word), frozenset()), kinds.heads


@pytest.mark.parametrize(
    ("texts", "word"),
    [
        # "access to" takes many dashboards beside two reports: a dashboard is no report
        (["Access to Inventory", "Access to Cohort", "Access to Funnel", "Access to Revenue",
          "Access to Exec", "Access to Sales"] * 3
         + ["The Exec report", "the Sales report", "our Exec report", "my Sales report"] * 2,
         "inventory"),
        # no verb before the preposition: a route, not a slot ("from London to Paris")
        (["Trains from London to Paris"] * 4 + ["Trains from Leeds to York"] * 3
         + ["The Leeds station", "the York station", "our Leeds station", "my York station"] * 2,
         "paris"),
        # one member in the slot is no class's slot
        (["Downgrade to Free"] * 4 + ["Downgrade to Pro"] * 3
         + ["Our Pro plan", "The Business plan", "the Pro plan price", "the Business plan cost"] * 2,
         "free"),
    ],
)  # fmt: skip
def test_a_slot_that_is_not_a_classs_adds_no_member(texts, word):
    kinds = learn_kinds(texts, verbs=verb_forms(texts))
    assert not kinds.heads.get(stem(word)), kinds.heads


# ------------------------------------------------ the action, where a sibling names its class
DOWNGRADES = {
    1: ["Downgrade to Free at the end of the month", "Downgrade to Free please"] * 3,
    2: ["Downgrade to Pro next cycle", "Downgrade to Pro for the team"] * 3,
    3: ["Downgrade to Free, the paid plan is too much", "Downgrade to Pro, paid plan costs"] * 2,
}
RESETS = {
    6: ["Reset my password", "Password reset link expired"] * 3,
    7: ["Reset two-factor on my phone", "Reset MFA for a colleague"] * 3,
}


def _action(kids: dict[int, list[str]], siblings: list[str]) -> str:
    from test_labels_local import _parent, bag_of_words

    from tracetopics_pipeline.core.topics.labels.naming import _Avoid, action_name

    p = _parent(11, kids)
    return action_name(
        p, verbs=verb_forms(p.texts), avoid=_Avoid(set(), siblings, bag_of_words), surface={},
        context=None, kids_said=[],
    )  # fmt: skip


@pytest.mark.parametrize("sibling", ["Plan change", "Subscription changes", "Plan upgrade"])
def test_a_parent_whose_class_a_sibling_names_is_named_by_its_action(sibling):
    assert _action(DOWNGRADES, [sibling]) == "Downgrade requests"


def test_the_action_waits_for_a_sibling_naming_its_class():
    assert _action(DOWNGRADES, []) == ""  # alone, the downgrades are a plan change
    assert _action(DOWNGRADES, ["Password reset", "Chart issues"]) == ""
    assert _action(RESETS, ["Plan change"]) == ""  # resets beside plan changes keep their name
    # an action said by a minority is no name ("Paid plan" only)
    assert (
        _action({1: ["Paid plan questions"] * 4, 2: ["Downgrade to Free"] * 2}, ["Plan change"])
        == ""
    )
