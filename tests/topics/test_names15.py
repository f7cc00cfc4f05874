"""Names, fifteenth round (issue 12 item 3): names a product manager would reject, by the general
rule behind each. Phrasings from HR, utilities, travel, retail, telecom, banking and developer
tools, never the demo's analytics product."""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.topics.labels.grammar import candidate_phrases, label_problems
from tracetopics_pipeline.core.topics.labels.naming import tidy_phrase


@pytest.mark.parametrize(
    "label",
    [
        "Parental leave I work",  # the writer's own clause after the topic's noun
        "Expenses we submitted",
        "Payslip I received last",
        "Refund I asked for",
        "Roaming charges we're seeing",
        "Hotel room I booked",
        "Meter reading I sent",
    ],
)
def test_the_writers_own_clause_inside_a_name_is_refused(label):
    assert "pronoun" in label_problems(label)


@pytest.mark.parametrize(
    "label",
    [
        "Currencies you support",  # the product as the subject: what it offers
        "Can I export payslips",  # a question's inversion
        "Why was I charged twice",
        "Parental leave request",
        "I can't log in",  # the writer opening a complaint
        "We're switching providers",
        "Card payment I don't recognize",  # the writer's clause states what is wrong
        "Transfer we never authorised",
        "Second week we've waited",  # when, not whose case
    ],
)
def test_a_name_without_the_writers_clause_passes(label):
    assert "pronoun" not in label_problems(label)


# A refusal or a limitation keeps its negation: spans after a clause's opening negation state the
# opposite ("Customers use Ask AI" from "can't share how other customers use Ask AI").
NEGATED = [
    ("can't share how other clients use the loyalty scheme", "clients use the loyalty scheme"),
    ("can't waive the late payment fee on your contract", "late payment fee"),
    ("won't reroute parcels that already left the depot", "parcels that already left"),
    ("I can't transfer pension funds to another provider", "pension funds to another provider"),
    ("we are unable to rebook flights booked through an agent", "flights booked through an agent"),
    ("I never received the replacement SIM card", "replacement sim card"),
]


@pytest.mark.parametrize(("text", "flipped"), NEGATED, ids=[t for t, _ in NEGATED])
def test_a_negated_clause_offers_no_span_without_its_negation(text, flipped):
    spans = [" ".join(ph) for ph in candidate_phrases(text)]
    assert flipped not in spans
    negation = ("can't", "won't", "unable", "never")
    assert spans and all(s.split()[0] in negation for s in spans), spans


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("I don't know how to export my payslips", "export my payslips"),  # not knowing
        ("not sure whether roaming is included abroad", "roaming is included abroad"),
        ("my parcel didn't arrive on time", "parcel didn't arrive"),  # no opening negation
    ],
)
def test_not_knowing_and_a_later_negation_keep_their_spans(text, span):
    assert span in [" ".join(ph) for ph in candidate_phrases(text)]


def test_a_possessive_does_not_count_towards_a_spans_length():
    # seven words, six once "your" is dropped (`tidy_phrase`)
    spans = candidate_phrases("can't change compute settings in your warehouse")
    assert ("can't", "change", "compute", "settings", "in", "your", "warehouse") in spans
    assert tidy_phrase(spans[-1], {}) == "Can't change compute settings in warehouse"
    assert not any(
        len(ph) > 6 for ph in candidate_phrases("reset all the admin rights of the team")
    )


@pytest.mark.parametrize(
    "label",
    [
        "Can't issue after a tool call",  # "can't issue [refunds]": the object was cut
        "Won't approve because of policy",
        "Can't reset during maintenance",
        "Cannot cancel while travelling",
        "Can't waive",
    ],
)
def test_a_negated_verb_without_its_object_is_a_fragment(label):
    assert "fragment" in label_problems(label)


@pytest.mark.parametrize(
    "label",
    [
        "Can't log in after the update",  # a verb that takes no object
        "Won't sync after the update",
        "Can't export to PDF",  # where, not when
        "Can't issue refunds",
        "Can't top up after midnight",  # a phrasal verb is whole
    ],
)
def test_a_negated_verb_that_needs_no_object_is_whole(label):
    assert "fragment" not in label_problems(label)
