"""bench/held_out.py: the one way the hand-written sets split and score a form table."""

from __future__ import annotations

import pytest
from held_out import conv, score_forms, split_forms, user, wanted

FORMS = {
    "thanks": (user("thanks!"), user("ty"), user("cheers")),
    "calm": (conv("hi", "hello", "where is my order?"),),
}


def test_split_all_is_every_case_and_dev_test_partition_it() -> None:
    assert split_forms(FORMS, "all", 3) == FORMS
    dev, test = split_forms(FORMS, "dev", 3), split_forms(FORMS, "test", 3)
    for form, cases in FORMS.items():
        assert sorted(dev[form] + test[form]) == sorted(cases)
    with pytest.raises(ValueError):
        split_forms(FORMS, "train", 3)


@pytest.mark.parametrize(
    ("got", "want", "right"),
    [("POSITIVE", "POSITIVE", True), ("NEUTRAL", "POSITIVE", False),
     ("NEUTRAL", "not POSITIVE", True), ("POSITIVE", "not POSITIVE", False)],
)  # fmt: skip
def test_wanted_reads_not_as_any_label_but(got: str, want: str, right: bool) -> None:
    assert wanted(got, want) is right


def test_score_forms_counts_and_lists_the_wrong_cases() -> None:
    read = {"thanks": ["POSITIVE", "NEUTRAL", "POSITIVE"], "calm": ["NEGATIVE"]}
    scores = score_forms(
        FORMS,
        {"thanks": "POSITIVE", "calm": "not NEGATIVE"},
        lambda form, want, cases: read[form],
        cut=3,
    )
    assert scores == {
        "thanks": (2, 3, ["'ty' -> NEU"]),
        "calm": (0, 1, ["'where is my order?' -> NEG"]),
    }
