"""Parent pair names: an adversary's cases against session 22's thing words.

"Account and personal requests" (Banking77 test replay) pairs the modifier of "personal
details": a common "-al" adjective before its noun in most uses is no thing, as an "-ical" one
is; "-al" nouns ("withdrawal", "rental", "manual" said as a thing) stay things."""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.topics.labels.grammar import thing_words


@pytest.mark.parametrize(
    ("texts", "word", "thing"),
    [
        (
            ["Update my personal details", "change personal details", "edit personal info"],
            "personal",
            False,
        ),
        (
            ["Is there an additional fee?", "additional card for my son", "additional charges"],
            "additional",
            False,
        ),
        (["Send an international transfer", "international payments fee"], "international", False),
        (
            ["What is the withdrawal limit?", "my cash withdrawal failed", "withdrawal is pending"],
            "withdrawal",
            True,
        ),
        (
            ["I need a rental car in Paris", "the rental was cancelled", "book a rental"],
            "rental",
            True,
        ),
        (
            ["Where is the user manual?", "the manual is out of date", "manual transfer"],
            "manual",
            True,
        ),
    ],
)
def test_an_al_adjective_before_its_noun_is_no_thing(
    texts: list[str], word: str, thing: bool
) -> None:
    assert (word in thing_words({word}, texts, [1.0] * len(texts))) == thing, texts
