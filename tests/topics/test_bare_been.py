"""A span cut from a question can lose its auxiliary ("Why has my refund been processed" ->
"Refund been processed"): "been" after a word with no form of "have" in the three words before
it is a `fragment` to `label_problems`, so the namer passes to the next phrase ("Top up been
cancelled" -> "Top-up was cancelled" on Banking77 dev). Phrasings from banking, retail
delivery and HR, never the demo's."""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.topics.labels.grammar import label_problems


@pytest.mark.parametrize(
    "label",
    [
        "Card payment been reverted",
        "Refund been processed",
        "Parcel been delivered to the wrong address",
        "Leave request been approved",
    ],
)
def test_been_without_a_form_of_have_is_a_fragment(label):
    assert "fragment" in label_problems(label)


@pytest.mark.parametrize(
    "label",
    [
        "Card payment has been reverted",
        "Refund has not been processed",
        "Parcel has already been delivered",
        "Been charged twice",
        "Card payment reverted",
    ],
)
def test_been_after_have_is_no_fragment(label):
    assert "fragment" not in label_problems(label)
