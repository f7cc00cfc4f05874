"""Names that say what was wanted or what went wrong (issue 12 item 3, thirteenth round): a
Task parent is not one case's statement (`grammar.case_statement`, `grammar.request_form`), a
name is not a person and a verb without its object (`fragment`) nor how often without what
(`how_often`), and a labelled subtopic is named from what its summary says went wrong (a
loop's repeated call, what the agent said after a failed call). Phrasings from utilities,
payroll, retail, travel, telecom and banking, never the demo's analytics product."""

from __future__ import annotations

import numpy as np
import pytest
from test_labels_local import _parent, bag_of_words  # the same stand-ins

from tracetopics_pipeline.core.topics.labels.cleaning import labelled_text
from tracetopics_pipeline.core.topics.labels.context import word_context
from tracetopics_pipeline.core.topics.labels.grammar import (
    case_statement,
    label_problems,
    request_form,
    statement_shape,
    verb_forms,
)
from tracetopics_pipeline.core.topics.labels.naming import (
    PARENT_NAMING,
    class_name,
    name_topics,
)
from tracetopics_pipeline.core.topics.labels.support import text_words
from tracetopics_pipeline.core.topics.labels.words import COMMON_VERBS

VERBS = COMMON_VERBS | frozenset({"refresh", "sync", "restore"})


@pytest.mark.parametrize(
    "name",
    [
        "Refunds available for annual passes",  # a predicate adjective after its subject
        "Roaming is included abroad",  # a copula after its subject
        "Missing from the payslip",  # a predicate adjective without its subject
        "Wrong on the boarding pass",
        "Payslips sync nightly",  # a plural subject and its verb
        "Fare went up",  # a verb with its tense
        "Checkout page hangs",
        "Tracking page shows the old address",
    ],
)
def test_a_statement_of_one_case_is_no_task(name):
    assert case_statement(name, VERBS)


@pytest.mark.parametrize(
    "name",
    [
        "Meter reading being wrong on the bill",
        "Parcel tracking is broken",
        "Smart meter stopped sending readings",
        "Router keeps dropping",
        "Card declined",
        "Statements won't download",
    ],
)
def test_a_statement_of_a_problem_says_what_went_wrong(name):
    low = name.lower().split()
    assert statement_shape(low, VERBS)  # offers its request form first (below)
    assert not case_statement(name, VERBS)


@pytest.mark.parametrize(
    "name",
    [
        "Meter reading",
        "Payslip download",
        "Scheduled payments",  # a participle before its noun
        "Audit logs",  # a plural noun that is also a verb's third person
        "Shipping labels",
        "Refund request",
        "Incremental payslip sync",
        "Wrong tariff on the bill",  # an adjective before its noun
        "Plan change",
        "Charged twice",  # a fine topic may state its case; a parent's abstraction is tried
    ],
)
def test_a_request_or_object_phrase_is_no_statement(name):
    assert not case_statement(name, VERBS)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("meter reading being wrong on the bill", "wrong meter reading on the bill"),
        ("parcel was lost", "lost parcel"),
        ("refunds available for annual passes", "refunds for annual passes"),
        ("payslips sync nightly", "nightly payslip sync"),
        ("backups restore automatically", "automatic backup restore"),
        ("statements download", "statement download"),
        ("router keeps dropping", None),  # no action noun to name it by
        ("shipping labels", None),  # no statement
    ],
)
def test_a_statement_offers_the_thing_it_is_about(phrase, expected):
    out = request_form(tuple(phrase.split()), VERBS)
    assert (" ".join(out) if out else None) == expected


@pytest.mark.parametrize(
    "name",
    ["Agent reported", "User confirmed", "Customer complained", "Guest asked", "Admins removed"],
)
def test_a_person_and_a_verb_without_an_object_is_a_fragment(name):
    assert "fragment" in label_problems(name)


@pytest.mark.parametrize(
    "name", ["Guest checked in", "Agent transferred the chat", "Customer gave up", "User logged in"]
)
def test_a_person_a_verb_and_what_to_is_whole(name):
    assert "fragment" not in label_problems(name)


@pytest.mark.parametrize("name", ["Arguments 3 times", "PIN three times", "Voucher code twice"])
def test_how_often_without_what_happened_is_no_name(name):
    assert "how_often" in label_problems(name)


@pytest.mark.parametrize("name", ["Charged twice", "Retried 5 times", "Declined three times"])
def test_how_often_after_what_happened_is_a_name(name):
    assert "how_often" not in label_problems(name)


def test_a_loop_names_the_repeated_call_and_a_reported_failure_what_was_said():
    loop = "called lookup_tariff with the same arguments 4 times"
    assert labelled_text(loop) == "repeated call to tariff lookup"
    said = 'agent reported "I\'m unable to cancel" after a tool call'
    assert labelled_text(said) == "can't cancel after a tool call"
    said = "assistant reported 'the booking system is down' after a tool call"
    assert labelled_text(said) == "the booking system is down after a tool call"


def test_a_parent_whose_texts_state_one_case_is_named_by_what_it_is_about():
    """Every text states the case ("Do payslips sync nightly?"): the parent is named by the
    thing asked about, never by the statement the old namer took."""
    kids = {
        1: ["Do payslips sync nightly with the ledger", "Payslips sync nightly or weekly?"] * 3,
        2: ["Payslips sync nightly but the bank export is late", "Payslips sync nightly?"] * 3,
    }
    sibling = {
        3: ["Change my tax code", "Update the tax code on my payslip"] * 3,
        4: ["Holiday allowance left this year", "How many holiday days do I have left"] * 3,
    }
    parents = [_parent(10, kids), _parent(11, sibling)]
    name = name_topics(parents, embed=bag_of_words, params=PARENT_NAMING)[10]
    assert not case_statement(name, VERBS), name
    assert "payslip" in name.lower(), name


def test_a_document_or_a_right_is_no_action_of_a_class():
    """ "invoice" names a document, "role" and "permission" a right: a parent whose texts name a
    number on an invoice is no "Number payment", nor one of roles a "... access" by them."""
    kids = {
        1: ["Add our tax number to the invoice", "Tax number on my invoice please"] * 3,
        2: ["Order number missing on the March invoice", "Order number not on the invoice"] * 3,
        3: ["Customer number on the invoice is wrong", "Invoice shows an old customer number"] * 2,
    }
    parent = _parent(10, kids)
    got = class_name(
        parent, embed=bag_of_words, centroid=parent.centroid, others=np.zeros((0, 256)),
        verbs=frozenset(), avoid=set(), surface={},
        kids_said=[text_words(t) for _, t in sorted(kids.items())],
    )  # fmt: skip
    assert "payment" not in got.lower()


@pytest.mark.parametrize("name", ["Monthly is late", "Nightly was skipped", "Custom is missing"])
def test_an_adjective_whose_noun_was_cut_is_a_fragment(name):
    assert "fragment" in label_problems(name)
    assert "fragment" not in label_problems(
        name.split()[0] + " statement " + " ".join(name.split()[1:])
    )


def test_a_phrasal_verbs_ing_form_alone_is_cut_where_its_texts_go_on():
    """ "Handing out" over "handing out new cards / PIN letters / vouchers": what is handed out
    (and who hands it) was cut; over texts that stop at the particle it is whole."""
    goes_on = [
        "The branch is handing out new cards",
        "Branch is handing out PIN letters",
        "They are handing out vouchers at the desk",
    ]
    assert "cut_phrase" in label_problems(
        "Handing out", context=word_context(goes_on), verbs=verb_forms(goes_on)
    )
    stops = ["Free samples, they are handing out", "Staff keep handing out"] * 2
    assert "cut_phrase" not in label_problems(
        "Handing out", context=word_context(stops), verbs=verb_forms(stops)
    )
