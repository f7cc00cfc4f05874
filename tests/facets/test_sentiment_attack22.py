"""Sentiment: an adversary's cases against session 22's praise-for-a-wait sarcasm.

A long wait taken with thanks or said to suit ("Two weeks, great, thanks!", "Next month is
perfect") is meant (it read Negative); praise with no thanks, or thanks for a date past the need,
stays sarcasm."""

from __future__ import annotations

import pytest
from factories.dialogues import sentiment_label
from held_out import conv


def _label(*turns: str) -> str:
    return sentiment_label(*conv(*turns)).upper()


@pytest.mark.parametrize(
    "turns",
    [
        (
            "When will my card arrive?",
            "Your new card will arrive within 2 weeks.",
            "Two weeks, great, thanks!",
        ),
        (
            "When is the next appointment?",
            "The earliest slot is next month on the 4th.",
            "Next month is perfect, thank you so much.",
        ),
        (
            "How long is the refund?",
            "Refunds take up to 10 days to process.",
            "10 days is great, cheers.",
        ),
    ],
)
def test_a_long_wait_taken_in_good_part_is_not_negative(turns: tuple[str, ...]) -> None:
    assert _label(*turns) != "NEGATIVE", turns


@pytest.mark.parametrize(
    "turns",
    [
        (
            "When can the engineer come?",
            "The earliest visit is in six weeks.",
            "six weeks. fantastic. just fantastic.",
        ),
        (
            "Where's my parcel?",
            "It is delayed, now expected next month.",
            "Next month. Brilliant service as always.",
        ),
        (
            "When will the cake be ready?",
            "The earliest we can deliver is after the party.",
            "after the party. brilliant, thank you so much",
        ),
    ],
)
def test_praise_for_a_long_wait_stays_sarcasm(turns: tuple[str, ...]) -> None:
    assert _label(*turns) == "NEGATIVE", turns
