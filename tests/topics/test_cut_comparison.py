"""A name cut from a comparison or from a clause whose modal was dropped (adversarial pass,
session 20): "than" with no comparative before it ("Plan than Unlimited Plus", a telco name
from "more data on a plan than Unlimited Plus") and a bare "be" ("Cards be delivered",
"Top up be reverted": Banking77 names from "when will the cards be delivered") are fragments;
comparisons whole and "be" after a modal or "to" are not."""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.topics.labels.grammar import label_problems


@pytest.mark.parametrize(
    "name",
    [
        "Plan than Unlimited Plus",
        "Charges than expected",
        "Data than usual",
        "Cards be delivered",
        "Top up be reverted",
        "Refund be processed today",
    ],
)
def test_a_cut_comparison_or_bare_be_is_a_fragment(name: str) -> None:
    assert "fragment" in label_problems(name), name


@pytest.mark.parametrize(
    "name",
    [
        "Cheaper plan than Unlimited",
        "Faster than expected",
        "More data than plan",
        "Plan rather than Unlimited",
        "Other than cash",
        "Busier than usual",
        "Fees higher than quoted",
        "Charged more than once",
        "Card will be delivered",
        "Need to be verified",
        "Be charged twice",
        "Card won't be delivered",
    ],
)
def test_a_whole_comparison_or_a_carried_be_is_no_fragment(name: str) -> None:
    assert "fragment" not in label_problems(name), name
