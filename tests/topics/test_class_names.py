"""The abstraction step for parents (`naming.class_name`): a parent whose best phrase is said by
a minority of its traffic while its subtopics differ (`minority_parent`) is named by the object
its texts share and the action noun of the verb class they use with it (`words.ACTION_CLASSES`):
upgrade / downgrade / switch plan -> "Plan change". A parent whose phrase most of it says keeps
it. Phrasings from telecom, banking, HR, travel and retail, never the demo's analytics product."""

from __future__ import annotations

import numpy as np
import pytest
from test_labels_local import _parent, bag_of_words  # the same stand-ins

from tracetopics_pipeline.core.topics.labels.grammar import verb_forms
from tracetopics_pipeline.core.topics.labels.naming import (
    PARENT_NAMING,
    _abstracted,
    _paired,
    abstract_name,
    class_name,
    lists_kinds,
    name_topics,
    need_noun,
    object_name,
)
from tracetopics_pipeline.core.topics.labels.support import (
    Sayers,
    closed_phrasals,
    learn_kinds,
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


# ---------------------------------------------------------------- a taxonomy the texts state

# (a parent's subtopics, a sibling whose texts name the members as kinds, the expected name)
KIND_CASES = [
    # telecom: plans asked for by their names
    ({1: ["Upgrade to Unlimited", "Upgrade from Basic to Unlimited", "Upgrade me to Unlimited"] * 2,
      2: ["Downgrade to Basic", "Downgrade from Unlimited to Basic", "Can I downgrade to Basic"] * 2,
      3: ["Switch to Prepaid", "Switch from Basic to Prepaid", "Move me over to Prepaid"] * 2},
     {4: ["What does the Unlimited plan cost", "Price of the Basic plan",
          "Is the Prepaid plan cheaper"] * 3,
      5: ["Roaming charges in Spain", "Roaming fees abroad are too high"] * 3},
     "Plan change"),
    # a gym: memberships, the same verbs, other words
    ({1: ["Upgrade to Platinum", "Upgrade from Silver to Platinum", "Please upgrade me to Gold"] * 2,
      2: ["Downgrade to Silver", "Downgrade from Gold to Silver", "I want to downgrade to Silver"] * 2,
      3: ["Switch to Gold", "Switch from Platinum to Gold", "Move me to Platinum"] * 2},
     {4: ["Does my Gold membership include the pool", "Perks of the Silver membership",
          "Cost of a Platinum membership"] * 3,
      5: ["Locker broken in the changing room", "Shower is cold again"] * 3},
     "Membership change"),
    # a bank: statements asked for in formats the texts call exports
    ({1: ["Statement as CSV", "Send my statement as CSV", "My March statement as CSV"] * 2,
      2: ["Statement as PDF", "My statement as a PDF", "Yearly statement as PDF"] * 2,
      3: ["Statement in XLSX", "Download my statement as XLSX", "Tax statement as XLSX"] * 2},
     {4: ["The CSV export is empty", "A PDF export for my accountant",
          "The XLSX export has no dates"] * 3,
      5: ["Card payment declined at a shop", "Card was declined online"] * 3},
     "Statement export"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("kids", "sibling", "expected"), KIND_CASES, ids=[c[2] for c in KIND_CASES]
)
def test_a_parent_over_members_of_a_kind_the_texts_state_is_named_by_the_kind(
    kids, sibling, expected
):
    parents = [_parent(10, kids), _parent(11, sibling)]
    texts = parents[0].texts + parents[1].texts
    kinds = learn_kinds(texts)
    name = name_topics(parents, embed=bag_of_words, params=PARENT_NAMING)[10]
    assert name == expected
    said = [kinds.said(k) for k in _kids_said(kids)]
    assert not minority_parent(name, said)
    # without the texts that name the members as kinds, the tenth round's name stays
    alone = {12: ["Hotel breakfast included?", "Does the hotel have breakfast"] * 3}
    assert _named(kids, alone)[0] != expected


@pytest.mark.parametrize(
    ("texts", "member", "head"),
    [
        (["What does the Unlimited plan cost", "Is the Prepaid plan cheaper",
          "Moving from Prepaid to the Unlimited plan"] * 3, "unlimit", "plan"),
        (["The CSV export is empty", "A PDF export for my accountant", "Statement as PDF",
          "Statement as CSV"] * 3, "csv", "export"),
        (["Is there a Gold membership for students", "Cancel my Silver membership",
          "Freeze the Gold membership", "Benefits of Silver"] * 3, "silver", "membership"),
    ],
)  # fmt: skip
def test_kinds_are_learned_from_compound_nouns(texts, member, head):
    assert head in learn_kinds(texts).heads.get(member, frozenset())


@pytest.mark.parametrize(
    "texts",
    [
        # verbs after a noun are no heads: "the bot stopped posting", "the app keeps crashing"
        ["The Slack bot stopped posting", "The Teams bot stopped posting",
         "Our Jira bot stopped posting"] * 2,
        # a verb before a noun is no member: "include SSO", "enforce SSO"
        ["Does Gold include SSO", "Does Silver include SSO", "Enforce SSO for everyone",
         "Can we enforce SSO"] * 2,
        # one modifier is a compound, not a class ("exchange rate")
        ["The exchange rate is wrong", "What exchange rate do you use",
         "Exchange rate for euros"] * 2,
    ],
)  # fmt: skip
def test_no_kind_from_verbs_or_a_single_compound(texts):
    kinds = learn_kinds(texts, verbs=verb_forms(texts))
    assert not any(kinds.heads.values()), kinds.heads


# ---------------------------------------------------------------- the object name, second try


def _object_name(kids, siblings=(), surface=None):
    parent = _parent(10, kids)
    kinds = learn_kinds(parent.texts, verbs=verb_forms(parent.texts))
    said = Sayers(kinds.said(text_words(parent.texts, parent.weights)), classes=True)
    others = (
        np.stack([_parent(11 + i, s).centroid for i, s in enumerate(siblings)])
        if siblings
        else np.zeros((0, 256))
    )  # noqa: E501
    return object_name(
        parent, said, embed=bag_of_words, centroid=parent.centroid / np.linalg.norm(parent.centroid),
        others=others / np.maximum(np.linalg.norm(others, axis=1, keepdims=True), 1e-12),
        verbs=verb_forms(parent.texts), avoid=set(), surface=surface or {}, kinds=kinds,
    )  # fmt: skip


@pytest.mark.parametrize(
    ("kids", "obj"),
    [
        # HR: payslips, no verb class shared
        ({1: ["Payslip is missing the overtime", "Overtime not on my payslip"] * 3,
          2: ["Tax code on the payslip looks wrong", "Wrong tax code on my payslip"] * 3,
          3: ["Where do I find my payslip", "Payslip for March not in the portal"] * 2},
         "Payslip"),
        # retail: parcels
        ({1: ["Parcel left at the wrong address", "Courier left my parcel next door"] * 3,
          2: ["Parcel arrived damaged", "The parcel was soaked"] * 3,
          3: ["Parcel says delivered but nothing here", "No parcel at the door"] * 2},
         "Parcel"),
    ],
)  # fmt: skip
def test_a_parent_whose_texts_share_an_object_but_no_action_is_named_by_the_object(kids, obj):
    name = _object_name(kids, [{9: ["Hotel breakfast included?", "Does the hotel have breakfast"]}])
    assert name.split()[0] == obj
    assert name.split()[1] in ("requests", "questions", "issues")


@pytest.mark.parametrize(
    "kids",
    [
        # no word said by most
        {1: ["Roaming charges in Spain", "Roaming abroad is expensive"] * 3,
         2: ["Voicemail greeting", "Set my voicemail PIN"] * 3,
         3: ["SIM card not working", "New SIM swap"] * 2},
    ],
)  # fmt: skip
def test_no_object_name_without_a_noun_most_of_the_parent_says(kids):
    assert _object_name(kids) == ""


def test_a_modifier_is_no_object_where_its_head_is_said():
    # "disposable" is said by every text, but as a kind of card: the object is the card, named
    # with the modifier most of its texts give it
    kids = {
        1: [
            "A disposable virtual card for shopping",
            "Get a disposable card for travel",
            "One disposable card for a trial",
        ]
        * 3,
        2: ["Limit on a disposable card", "Is a disposable card free", "Why a disposable card"] * 3,
    }
    assert _object_name(kids).split()[:2] == ["Disposable", "card"]


@pytest.mark.parametrize(
    ("kids", "noun"),
    [
        # travel: finding and booking, no problem, no question -> requests
        ({1: ["Find a cabin to rent in the mountains", "Find me a cabin for the weekend"] * 3,
          2: ["Visit the cabin before renting", "Schedule a visit to a cabin"] * 3}, "requests"),
        # gym: members asking -> questions
        ({1: ["Is the locker included in the membership?", "What does a locker cost"] * 3,
          2: ["Can I keep a locker overnight?", "How big is a locker"] * 3}, "questions"),
        # telecom: things gone wrong -> issues
        ({1: ["My router keeps dropping the connection", "Router not working since Monday"] * 3,
          2: ["Router lights are blinking red, no internet", "The router failed after the update"] * 3},
         "issues"),
    ],
)  # fmt: skip
def test_an_object_names_the_need_its_texts_show(kids, noun):
    assert need_noun(*_flat(kids)) == noun
    assert _object_name(kids).split()[-1] == noun


def _flat(kids):
    texts = [t for _, ts in sorted(kids.items()) for t in ts]
    return texts, [1.0] * len(texts)


@pytest.mark.parametrize(
    ("kids", "obj"),
    [
        # HR: the object is "personal details", not "details"
        ({1: ["Update my personal details", "Personal details are out of date"] * 3,
          2: ["Who can see my personal details", "Hide personal details from managers"] * 3},
         "Personal details"),
        # payments: a name of two capitalised words ("Google Pay"), its second read as a verb
        ({1: ["Add my card to Google Pay", "Google Pay will not take my card"] * 3,
          2: ["Is Google Pay supported abroad", "Top up with Google Pay"] * 3},
         "Google Pay"),
    ],
)  # fmt: skip
def test_an_object_said_with_the_same_neighbour_is_named_with_it(kids, obj):
    name = _object_name(kids, surface={"google": "Google", "pay": "Pay"})
    assert name.startswith(obj + " ")


@pytest.mark.parametrize(
    ("text", "word"),
    [("Set up SSO with Okta", "setup"), ("How do I log in with Google", "login"),
     ("Can't set it up", None), ("Turn up the volume", None)],
)  # fmt: skip
def test_a_phrasal_verb_says_its_class_word(text, word):
    got = closed_phrasals(text.split())
    assert (word in got) if word else not got


def test_an_object_is_paired_only_with_the_neighbour_most_say():
    # one modifier most say: the pair; a word said alone: itself
    assert _paired("details", ["Personal details", "My personal details"], [1.0, 1.0],
                   frozenset(), {}) == ("personal", "details")  # fmt: skip
    assert _paired("router", ["The router", "My router is off"], [1.0, 1.0], frozenset(), {}) == (
        "router",
    )
    # "VAT number", "PO number", "tax number": no one modifier is most's
    texts = ["Add our VAT number", "PO number is wrong", "Tax number missing"]
    assert _paired("number", texts, [1.0] * 3, frozenset(), {}) == ("number",)


def test_a_noun_the_namer_adds_keeps_its_own_case():
    # "Requests" capitalised inside the texts ("429 Too Many Requests") does not make the
    # object name "Router Requests"
    kids = {
        1: ["My router keeps dropping the connection", "Router not working since Monday"] * 3,
        2: ["Router lights are blinking red, no internet", "The router failed after the update"]
        * 3,
    }
    surface = {n: n.title() for n in ("requests", "questions", "issues")}
    assert _object_name(kids, surface=surface) == "Router issues"


@pytest.mark.parametrize(
    ("texts", "name", "listed"),
    [
        (["What does the Unlimited plan cost", "Is the Prepaid plan cheaper",
          "Moving from Prepaid to the Unlimited plan"] * 3, "Prepaid and Unlimited", True),
        (["Is there a Gold membership for students", "Cancel my Silver membership",
          "Freeze the Gold membership", "Benefits of Silver"] * 3, "Gold or Silver", True),
        (["Is there a Gold membership for students", "Cancel my Silver membership",
          "Freeze the Gold membership", "Benefits of Silver"] * 3, "Cancel Silver", False),
        (["Is there a Gold membership for students", "Cancel my Silver membership"] * 3,
         "Gold membership", False),
    ],
)  # fmt: skip
def test_a_name_that_only_lists_kinds_of_one_head(texts, name, listed):
    assert lists_kinds(name, learn_kinds(texts)) is listed


def test_a_parent_named_by_its_members_is_named_by_what_is_asked_of_them():
    kids = {
        1: ["Upgrade from Prepaid to the Unlimited plan", "Upgrade my Prepaid plan"] * 3,
        2: ["Downgrade from Unlimited to the Prepaid plan", "Downgrade the Unlimited plan"] * 3,
        3: ["Switch from Prepaid to Unlimited", "Switch my plan to Unlimited"] * 2,
    }
    parent = _parent(10, kids)
    sibling = _parent(11, {4: ["Roaming charges in Spain", "Roaming fees abroad"] * 3})
    kinds = learn_kinds(parent.texts + sibling.texts)
    cent = parent.centroid / np.linalg.norm(parent.centroid)
    other = sibling.centroid / np.linalg.norm(sibling.centroid)
    got = _abstracted(
        "Prepaid and Unlimited", parent, embed=bag_of_words, centroid=cent,
        others=other[None, :], verbs=verb_forms(parent.texts), avoid=set(), surface={},
        context=None, kinds=kinds,
    )  # fmt: skip
    assert got == "Plan change"


@pytest.mark.parametrize(
    "kids",
    [
        # gym billing: "twice" is said by most, but it is what went wrong, not an object
        {1: ["Charged twice for my membership", "I was charged twice this month"] * 3,
         2: ["Billed twice for the membership fee", "Membership fee taken twice"] * 3},
        # telecom: "wrong" said by most
        {1: ["Wrong SIM sent to me", "The SIM is the wrong size"] * 3,
         2: ["Wrong SIM activated", "Got the wrong SIM card"] * 3},
    ],
)  # fmt: skip
def test_no_object_name_from_what_went_wrong(kids):
    name = _object_name(kids).lower().split()
    assert "twice" not in name and "wrong" not in name


@pytest.mark.parametrize(
    "texts",
    [
        # utilities billing, telecom: what went wrong is said by most, with different things
        ["Charged twice", "I was charged twice for the meter reading", "Charged twice again"] * 3,
        ["Wrong SIM sent", "The wrong SIM arrived", "Got the wrong SIM"] * 3,
    ],
)
def test_a_category_name_is_not_built_on_a_problem_word(texts):
    from tracetopics_pipeline.core.topics.labels.support import word_support

    t = _parent(10, {1: texts[: len(texts) // 2], 2: texts[len(texts) // 2 :]})
    cent = t.centroid / np.linalg.norm(t.centroid)
    name = abstract_name(
        t, word_support(t.texts), embed=bag_of_words, centroid=cent, others=np.zeros((0, 256)),
        min_support=0.3, verbs=verb_forms(t.texts), avoid=set(), surface={},
    )  # fmt: skip
    assert not {"twice", "wrong", "charged"} & set(name.lower().split())
