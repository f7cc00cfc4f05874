"""Names, fourteenth round (issue 12 item 3): a common word capitalised once at a seam is not
a name ("Meter Request"), and a name does not end on "for <gerund>" without its object
("Payslip template for generating"). Phrasings from utilities, payroll, retail, travel,
telecom and banking, never the demo's analytics product."""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.topics.labels.grammar import label_problems
from tracetopics_pipeline.core.topics.labels.naming import _surface, tidy_phrase


@pytest.mark.parametrize(
    ("texts", "word", "want"),
    [
        # a seam capitalises a common word once; the texts write it in lower case elsewhere
        (
            [
                "Can you read my gas meter Request, fix the bill",
                "I sent a request to move the meter",
                "Meter reading request for the new flat",
            ],
            "request",
            "request",
        ),
        (
            [
                "Where is my parcel Order, refund it please",
                "My order never came",
                "Cancel my order",
            ],
            "order",
            "order",
        ),
        (
            ["Roaming in Spain Bill too high", "The bill doubled", "Explain my bill please"],
            "bill",
            "bill",
        ),
        # names stay names: capitalised twice, or never written in lower case
        (
            ["Book a flight with Ryanair", "Is ryanair cheaper", "Did Ryanair lose my bag"],
            "ryanair",
            "Ryanair",
        ),
        (["My payslip from Gusto is blank", "Reset the payroll"], "gusto", "Gusto"),
        (["Transfer to my Revolut account", "Can revolut cards be frozen"], "revolut", "revolut"),
    ],
)
def test_a_common_word_capitalised_once_is_not_a_name(texts, word, want):
    assert _surface(texts)[word] == want


def test_a_name_capitalised_once_is_spelt_as_the_facet_spells_it():
    texts = ["Payslip as a PDF or Excel file", "Can I get it in excel", "excel export of payslips"]
    facet = texts + ["Excel totals are wrong", "Open the Excel sheet", "an Excel template"]
    assert _surface(texts, _surface(facet))["excel"] == "Excel"
    seam = ["Top up my SIM Request, fix it", "My request failed", "A request for a new SIM"]
    facet = seam + ["Cancel my request", "Request a refund"]
    assert _surface(seam, _surface(facet))["request"] == "request"


def test_tidy_phrase_keeps_the_texts_lower_case_at_a_seam():
    surface = _surface(
        ["Top up my Vodafone SIM Request, now", "A top-up request failed", "Vodafone top up"]
    )
    assert tidy_phrase(("vodafone", "request"), surface) == "Vodafone request"


@pytest.mark.parametrize(
    "label",
    [
        "Payslip template for generating",
        "Meter ID for configuring",
        "Booking reference for changing",
        "Guide about exporting",
        "Loyalty card for customizing",
        "Token for authenticating",
        "Tips on updating",
    ],
)
def test_for_a_gerund_without_its_object_dangles(label):
    assert "dangling_end" in label_problems(label)


@pytest.mark.parametrize(
    "label",
    [
        "Charges for shipping",
        "Fees for roaming",
        "Discount for billing",
        "Tips for traveling",
        "Settings for syncing",  # sync takes no object
        "Meter ID for configuring the smart meter",
        "Payslip template for generating reports",
        "Help with onboarding",
    ],
)
def test_for_a_noun_or_an_intransitive_verb_is_whole(label):
    assert "dangling_end" not in label_problems(label)


@pytest.mark.parametrize(
    "label",
    [
        "Meter reading readings",
        "Refund refunds",
        "Booking bookings",
        "Payslip correction corrections",
        "Data deletion request requests",
    ],
)
def test_a_category_after_its_own_word_repeats_it(label):
    assert "repeated_word" in label_problems(label)


@pytest.mark.parametrize(
    "label", ["Meter reading requests", "Refund questions", "Roaming charges", "Set up settings"]
)
def test_a_category_after_another_word_is_whole(label):
    assert "repeated_word" not in label_problems(label)
