"""How much of a group says a name: one measure (`labels.support.Sayers`) for the namer (a
candidate's share, `naming._collect`) and names_kept (a kept name's share, `group_share`), and
names_kept weighing the new name's margin when the previous one is vague. Phrasings from
banking, travel, HR and developer tools, never the demo's."""

from __future__ import annotations

import numpy as np
import pytest

from tracetopics_pipeline.core.topics.labels.naming import _collect
from tracetopics_pipeline.core.topics.labels.support import (
    Sayers,
    group_share,
    held_by,
    text_words,
)

# parent -> subtopic -> texts (one trace each)
PARENTS = {
    "banking": {
        1: ["Card payment declined at the shop", "My card payment was declined twice"],
        2: ["Declined card payment abroad", "Card declined when I paid online", "Paid by card"],
        3: ["Top up by bank transfer failed", "Top up pending for a day"],
    },
    "travel": {
        1: ["Change my flight to Friday", "Can I change the flight date"],
        2: ["Flight cancelled, change the booking", "Change booking after the flight"],
        3: ["Refund for a cancelled hotel", "Hotel refund still missing"],
    },
    "hr": {
        1: ["Approve leave request for next week", "Leave request stuck awaiting approval"],
        2: ["Request parental leave", "Parental leave request form"],
        3: ["Update bank details for payroll", "Payroll shows the old bank account"],
    },
    "devtools": {
        1: ["Build pipeline fails on the cache step", "Pipeline build fails after upgrade"],
        2: ["Deploy pipeline fails with a timeout", "The deploy fails in the pipeline"],
        3: ["Rotate the API token", "API token expired"],
    },
}


def _flat(kids: dict[int, list[str]]) -> tuple[list[str], list[int]]:
    texts = [t for k in sorted(kids) for t in kids[k]]
    return texts, [k for k in sorted(kids) for _ in kids[k]]


@pytest.mark.parametrize("part", sorted(PARENTS))
def test_the_namer_and_names_kept_give_a_parents_phrase_the_same_share(part):
    """Every candidate the namer scores for a parent carries the share names_kept computes for
    the same name over the same subtopics: a subtopic says it when one of its texts does."""
    kids = PARENTS[part]
    texts, groups = _flat(kids)
    traffic = {k: float(len(v)) for k, v in kids.items()}
    c = _collect(
        texts, [1.0] * len(texts), keywords=[], top=30, central=3, strip_head=False,
        groups=groups, group_traffic=traffic,
    )  # fmt: skip
    assert c.phrases
    said = [text_words(kids[k]) for k in sorted(kids)]
    sizes = [traffic[k] for k in sorted(kids)]
    for ph, share in zip(c.phrases, c.share, strict=True):
        assert share == pytest.approx(group_share(" ".join(ph), said, sizes)), ph


@pytest.mark.parametrize(
    ("part", "name", "share"),
    [
        # said by subtopics 1 and 2 (5 of 7 traces), in other word orders too
        ("banking", "Card payment declined", 5 / 7),
        ("travel", "Change flight", 4 / 6),
        ("hr", "Leave request", 4 / 6),
        ("devtools", "Pipeline fails", 4 / 6),
        # one subtopic's wording counts for that subtopic only
        ("hr", "Parental leave", 2 / 6),
        ("devtools", "API token", 2 / 6),
    ],
)
def test_a_subtopic_says_a_name_when_one_of_its_texts_uses_all_its_words(part, name, share):
    kids = PARENTS[part]
    said = [text_words(kids[k]) for k in sorted(kids)]
    assert group_share(name, said, [float(len(kids[k])) for k in sorted(kids)]) == pytest.approx(
        share
    )


def test_words_spread_over_two_texts_do_not_say_a_name():
    # "refund" in one text, "flight" in another: no text says "Flight refund"
    said = [text_words(["Refund for the hotel", "Flight was moved"]), text_words(["Seat map"])]
    assert group_share("Flight refund", said, [2.0, 1.0]) == 0.0


def test_a_group_none_of_whose_texts_was_sampled_counts_in_the_total():
    """The namer reads a sample of a parent's texts; each subtopic's whole traffic weighs."""
    words = text_words(["Reset the VPN password", "VPN password expired"])
    sayers = Sayers(words, [1, 1], {1: 30.0, 2: 70.0})
    assert sayers.share("VPN password") == pytest.approx(0.3)


def test_without_groups_it_is_the_share_of_texts_that_say_it():
    words = text_words(["Order arrived damaged", "Damaged order, refund", "Order is late"])
    assert Sayers(words).share("Damaged order") == pytest.approx(2 / 3)
    assert held_by("Damaged order", words) == pytest.approx(2 / 3)


# ------------------------------------------------ names_kept: the new name's margin


@pytest.mark.parametrize(
    ("margins", "expected"),
    [
        ((0.02, 0.25), 1),  # previous vague, new distinct: the new one is clearly better
        ((0.03, 0.05), 0),  # both vague ("Connection setup" -> "Account setup" alike)
        ((0.30, 0.20), 0),  # both distinct: the score decides
        ((0.22, -0.01), -1),  # a distinct previous name against a vague new one
    ],
)
def test_which_of_two_parent_names_is_vague(monkeypatch, margins, expected):
    from tracetopics_pipeline.core.topics import names_kept

    monkeypatch.setattr(names_kept, "name_margins", lambda e, cents, i: np.array(margins))
    vec = {"old": np.ones(4), "new": np.ones(4)}
    assert names_kept._vaguer("old", "new", vec, np.eye(4), 0, 0.1, children=3) == expected
    # a subtopic, or a parent of one subtopic, has no margin to weigh
    assert names_kept._vaguer("old", "new", vec, np.eye(4), 0, 0.1, children=1) == 0
    assert names_kept._vaguer("old", "new", vec, np.eye(4), 0, 0.0, children=3) == 0


def _kept_parent(monkeypatch, margins: dict[str, float], previous: str, new: str, margin=None):
    """The names_kept test map's second parent (MFA resets and SAML SSO), today named `new`,
    yesterday `previous`, with each name's margin from the sibling parents set by hand."""
    import test_names_kept as t

    from tracetopics_pipeline.core.topics import names_kept

    table = {tuple(np.round(t.embed([n])[0], 5)): m for n, m in margins.items()}

    def fake(e, cents, i):
        return np.array([table[tuple(np.round(v, 5))] for v in np.atleast_2d(e)])

    monkeypatch.setattr(names_kept, "name_margins", fake)
    subs, parents = t.topics(t.NEW_SUBS, ["Export dashboard to CSV", new])
    (choice,) = t.run(subs, parents, {21: previous}, margin=margin)
    return parents[1], choice


@pytest.mark.parametrize(
    ("previous", "new"),
    # (both said by as many: a name most of the parent does not say gives way to one that
    # half of it says whatever the margins, `names_kept`'s minority rule)
    [("Okta team", "Reset MFA"), ("MFA for account", "MFA after phone loss")],
)
def test_a_vague_previous_name_stays_against_a_new_name_as_vague(monkeypatch, previous, new):
    parent, choice = _kept_parent(monkeypatch, {previous: 0.02, new: 0.04}, previous, new, 10.0)
    assert choice.why != "previous name is vague"
    assert parent.label == previous and choice.kept


@pytest.mark.parametrize(
    ("previous", "new"), [("Okta team", "SAML SSO"), ("MFA for account", "MFA after phone loss")]
)
def test_a_vague_previous_name_goes_for_a_distinct_new_one(monkeypatch, previous, new):
    parent, choice = _kept_parent(monkeypatch, {previous: 0.01, new: 0.3}, previous, new, 10.0)
    assert choice.why == "previous name is vague" and parent.label == new


@pytest.mark.parametrize(
    ("previous", "new"), [("Reset MFA", "Okta team"), ("SAML SSO", "MFA for account")]
)
def test_a_distinct_previous_name_stays_against_a_vague_new_one_whatever_the_gain(
    monkeypatch, previous, new
):
    parent, choice = _kept_parent(monkeypatch, {previous: 0.3, new: 0.0}, previous, new, -1.0)
    assert choice.kept and parent.label == previous


def test_a_subtopic_past_the_number_of_parents_is_weighed_too():
    """Subtopics outnumber parents: the margin is a parent's alone (a subtopic's index is no
    parent's)."""
    import test_names_kept as t

    subs, parents = t.topics(t.NEW_SUBS, t.NEW_PARENTS)
    (choice,) = t.run(subs, parents, {12: "SAML SSO with Okta"}, margin=10.0)
    assert choice.level == "sub" and choice.kept and subs[2].label == "SAML SSO with Okta"
