"""Session 24's parent names (issue 12, item 3 "Names, not cut sentences"): a parent's name is a
noun phrase a PM says, not a fragment of its texts or a record of one case.

- "X to Y" cut from a verb's object is read from the uses of "X to" themselves
  (`context.WordContext.back_to`): "Seats to plan" from "[add 60 more] seats to our plan", though
  "seats" elsewhere opens "Reduce seats from ..." or follows "for".
- A name that is only a part of a period says when, not what about (`grammar._period_alone`,
  problem "period"): "End of the cycle" ("[Downgrade at the] end of the cycle").
- "setup", "settings", "access", "errors" end a category name only where its traffic says them
  (`naming.category_nouns`): "Seat setup" over seat prices and counts no text sets up.
- A name opening with a verb's past form and what followed it, its subject dropped, records one
  case (`grammar.past_record`): "Invoked right to be forgotten" ("[A customer] invoked their
  right to be forgotten"), "Left the company"; a one-subtopic parent so named is named by the
  namer ("Right to be forgotten").

Look-alikes that must not fire: verbs that hold their object ("Transfer to savings", "Upgrade to
Enterprise"), a noun with its own complement ("Access to dashboards"), participles before their
noun ("Scheduled report", "Lost card"), a phrasal verb ("Locked out of the account"), a problem
stated ("Charged twice"); a period with what it is of ("Billing cycle", "End of trial"); a noun the
traffic says ("Connection setup")."""

from __future__ import annotations

import numpy as np
import pytest

from tracetopics_pipeline.core.topics.labels.context import word_context
from tracetopics_pipeline.core.topics.labels.grammar import (
    case_statement,
    label_problems,
    verb_forms,
)


def _problems(name: str, texts: list[str]) -> list[str]:
    return label_problems(name, verbs=verb_forms(texts), context=word_context(texts))


SEATS = (
    [f"Reduce seats from {a} to {b}" for a, b in ((25, 5), (60, 8), (40, 12))]
    + [f"Billed for seats we removed in {m}" for m in ("November", "October")]
    + [f"How much would the {p} plan cost for {n} seats" for p, n in (("Enterprise", 15), ("Business", 40))]
    + [f"Want to add {n} more seats to our plan" for n in (60, 25, 120)]
)  # fmt: skip
FUNDS = [
    "Please move some funds to savings",
    "I'd like to move funds to savings",
    "Can you move the funds to savings",
    "Funds are missing",
    "Where are my funds",
    "My funds have not arrived",
    "Funds were taken twice",
]


@pytest.mark.parametrize(
    "name, texts",
    [("Seats to plan", SEATS), ("Seats to the plan", SEATS), ("Funds to savings", FUNDS)],
)  # fmt: skip
def test_an_object_cut_from_its_verb_before_to_is_a_cut_phrase(name, texts):
    assert "cut_phrase" in _problems(name, texts)


@pytest.mark.parametrize(
    "name, texts",
    [
        ("Transfer to savings", ["Transfer to savings", "I want to transfer to savings",
                                 "Transfer to savings today", "transfer money"]),
        ("Upgrade to Enterprise", ["Upgrade to Enterprise", "We want to upgrade to Enterprise",
                                   "Upgrade to Enterprise please"]),
        ("Access to dashboards", ["Access to dashboards for my team", "Give access to dashboards",
                                  "No access to dashboards", "Access to dashboards is broken",
                                  "Need access to dashboards"]),
        ("Reduce seats", SEATS),
    ],
)  # fmt: skip
def test_a_phrase_that_holds_its_verb_or_its_complement_is_not_cut(name, texts):
    assert "cut_phrase" not in _problems(name, texts)


FORGOTTEN = [
    "A customer of ours invoked their right to be forgotten",
    "One of our users invoked their right to be forgotten",
    "A client invoked their right to be forgotten today",
]


@pytest.mark.parametrize(
    "name, texts",
    [
        ("Invoked right to be forgotten", FORGOTTEN),
        ("Left the company", ["One of our analysts left the company",
                              "An admin left the company last week", "Our CFO left the company"]),
        ("Exercised right to object", ["A user exercised their right to object",
                                       "One client exercised their right to object",
                                       "Someone exercised their right to object"]),
        ("Moved to another team", ["My manager moved to another team",
                                   "Our admin moved to another team"]),
    ],
)  # fmt: skip
def test_a_past_verb_with_its_object_records_one_case(name, texts):
    assert case_statement(name, verb_forms(texts), word_context(texts))


@pytest.mark.parametrize(
    "name, texts",
    [
        ("Scheduled report", ["Our scheduled report stopped sending",
                              "The scheduled report keeps failing", "Scheduled report is blank"]),
        ("Embedded dashboards", ["Embedded dashboards show a login screen",
                                 "Our embedded dashboards are slow"]),
        ("Lost card", ["I lost my card", "Lost card, what now", "My card was lost"]),
        ("Locked out of the account", ["I'm locked out of the account",
                                       "Locked out of my account"]),
        ("Charged twice", ["I was charged twice", "Charged twice for one order"]),
        ("Paid plan", ["Move to a paid plan", "Which paid plan"]),
        ("Right to be forgotten", FORGOTTEN),
    ],
)  # fmt: skip
def test_participles_phrasal_verbs_and_problems_are_no_records(name, texts):
    assert not case_statement(name, verb_forms(texts), word_context(texts))


def test_a_one_subtopic_parent_named_by_a_record_is_named_by_what_it_is_about():
    from test_names_kept import embed

    from tracetopics_pipeline.core.topics.describe import ClusterResult, TopicInfo
    from tracetopics_pipeline.core.topics.maps import _name_free_parents

    texts = FORGOTTEN + [
        "Reset my password please",
        "I need to reset my password",
        "Password reset link expired",
        "How do I reset the password",
    ]
    x = embed(texts)
    labels = np.array([0, 0, 0, 1, 1, 1, 1])
    topics = [
        TopicInfo(topic_id=t, label=name, keywords=[], size=int((labels == t).sum()), share=0.5,
                  centroid=x[labels == t].mean(axis=0), representatives=[], x=0.0, y=0.0)
        for t, name in enumerate(["Invoked right to be forgotten", "Password reset"])
    ]  # fmt: skip
    res = ClusterResult(labels=labels, coords=np.zeros((7, 2)), topics=topics, algorithm="t",
                        params={})  # fmt: skip
    names, _ = _name_free_parents(
        res, texts, x, [1.0] * 7, np.array([0, 1]), labeler=None, facet="Task", embed=embed
    )
    assert names[1] == "Password reset"
    assert names[0] != "Invoked right to be forgotten"
    assert "forgotten" in names[0].lower()


@pytest.mark.parametrize(
    "name", ["End of the cycle", "Start of the month", "Middle of the term", "End of the year"]
)
def test_a_part_of_a_period_alone_is_no_name(name):
    assert "period" in label_problems(name)


@pytest.mark.parametrize(
    "name",
    ["Billing cycle", "End of trial", "Contract end date", "End of life", "Quarter end report",
     "Period tracking", "End of the billing period"],
)  # fmt: skip
def test_a_period_with_what_it_is_of_names_a_thing(name):
    assert label_problems(name) == []


def test_a_category_name_ends_in_a_noun_its_traffic_says():
    from test_names_kept import embed

    from tracetopics_pipeline.core.topics.labels.naming import NamingInput, abstract_name
    from tracetopics_pipeline.core.topics.labels.support import word_support

    texts = SEATS
    w = [1.0] * len(texts)
    x = embed(texts)
    centre = x.mean(axis=0)

    def near_setup(names: list[str]) -> np.ndarray:  # a model that reads "setup" as the topic
        e = embed(names)
        e[[n.endswith(" setup") for n in names]] = centre
        return e

    t = NamingInput(topic_id=0, texts=texts, weights=w, centroid=centre)
    name = abstract_name(
        t,
        word_support(texts, w),
        embed=near_setup,
        centroid=centre,
        others=np.zeros((0, 1)),
        min_support=0.3,
        verbs=verb_forms(texts),
        avoid=set(),
        surface={},
        children=[],
    )  # fmt: skip  (children: a parent's name)
    assert name.split()[-1] in ("issues", "questions", "requests")  # not "setup": unsaid


def test_setup_access_and_settings_stay_where_the_traffic_says_them():
    from tracetopics_pipeline.core.topics.labels.naming import category_nouns
    from tracetopics_pipeline.core.topics.labels.support import stem

    said = {stem(n): 0.1 for n in ("setup", "access", "settings")}
    assert {"setup", "access", "settings", "issues", "questions", "requests"} <= set(
        category_nouns(said)
    )
