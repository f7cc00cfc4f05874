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


@pytest.mark.parametrize(
    ("name", "gone"),
    [
        ("Charged a fee for withdrawing cash", "Charged a fee for cash"),
        ("Fee for sending additional cards", "Fee for cards"),
        ("Refund for cancelling the booking", "Refund the booking"),
        ("Help with resetting PIN on card", "Help on card"),
    ],
)
def test_a_gerund_is_no_slot_value(name: str, gone: str) -> None:
    """A subtopic said by few loses a slot value, never the act (b29c81d's B77 test replay read
    "Charged a fee for withdrawing cash" as "Charged a fee for cash")."""
    from tracetopics_pipeline.core.topics.labels.naming import general_forms
    from tracetopics_pipeline.core.topics.labels.support import stem

    support = {
        stem(w): 0.9
        for w in ["charged", "fee", "cash", "cards", "refund", "booking", "help", "card"]
    }
    forms = [f for f, _ in general_forms(name, support)]
    assert gone not in forms, forms


def test_a_value_beside_a_gerund_still_goes() -> None:
    from tracetopics_pipeline.core.topics.labels.naming import general_forms
    from tracetopics_pipeline.core.topics.labels.support import stem

    support = {stem(w): 0.9 for w in ["exporting", "dashboard", "csv"]}
    assert "Exporting dashboard to CSV" in [
        f for f, _ in general_forms("Exporting Inventory dashboard to CSV", support)
    ]


@pytest.mark.parametrize(
    ("name", "gone"),
    [
        ("Exec summary dashboard as PDF", "Exec summary dashboard"),
        ("Board metrics dashboard as a spreadsheet", "Board metrics dashboard"),
    ],
)
def test_what_a_thing_is_wanted_as_is_no_slot_value(name: str, gone: str) -> None:
    """The demo Task replay of b29c81d read "Exec summary dashboard as PDF" as "Exec summary
    dashboard": the ask (a PDF) went."""
    from tracetopics_pipeline.core.topics.labels.naming import general_forms
    from tracetopics_pipeline.core.topics.labels.support import stem

    support = {stem(w): 0.9 for w in ["exec", "summary", "board", "metrics", "dashboard"]}
    assert gone not in [f for f, _ in general_forms(name, support)]


def test_a_value_before_as_still_goes() -> None:
    from tracetopics_pipeline.core.topics.labels.naming import general_forms
    from tracetopics_pipeline.core.topics.labels.support import stem

    support = {stem(w): 0.9 for w in ["export", "dashboard", "pdf"]}
    forms = [f for f, _ in general_forms("Export Inventory dashboard as PDF", support)]
    assert "Export dashboard as PDF" in forms
