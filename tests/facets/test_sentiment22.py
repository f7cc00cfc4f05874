"""Session 22's Sentiment leftovers (issue 14): praise for an unwelcome value (a wait the agent
just set, a count of the same trouble) is sarcasm; the business going to a competitor or someone
else is cancel talk, also when one booking is cancelled with it; a question about a limit ("how
many times can I ...") is no repeated request.

Phrasings of our own in a hair salon, a courier, a dentist's, a gym, a plumber, a wine club, an
airline and a library; none is taken from bench/sentiment_set22.py, batch 20 or the demo's
templates. Each rule has look-alikes that must not fire.
"""

from __future__ import annotations

import pytest
from factories.dialogues import sentiment_label
from held_out import conv

from tracetopics_pipeline.core.facets.summarizers.local.sentiment_context import praises_a_wait
from tracetopics_pipeline.core.facets.summarizers.local.sentiment_irony import ironic_praise
from tracetopics_pipeline.core.facets.summarizers.local.sentiment_leaving import leaving


def _label(*turns: str) -> str:
    """Sentiment of alternating user / agent turns, the user first."""
    return sentiment_label(*conv(*turns))


# (the ask, the agent setting a wait, praise for it, a welcome or a short wait praised)
WAITS = [
    (
        "When can the plumber come?",
        "The first available visit is in four weeks.",
        "Four weeks with a leaking pipe. Wow, such speed, really impressed.",
        "Four weeks works for me, great, thanks.",
    ),
    (
        "When does my courier parcel arrive?",
        "Delivery is expected between 7am and 9pm tomorrow.",
        "a 14 hour window, how precise. love it",
        "tomorrow, great, thanks!",
    ),
    (
        "Is the book I reserved back at the library?",
        "It's not back yet; expected return is next month.",
        "next month. marvellous, my exam is next week. excellent service",
        "Next month is fine, excellent, I'm in no rush.",
    ),
    (
        "When is the next hair appointment?",
        "Our earliest slot is in 3 days.",
        "3 days, great, that's quick!",
        "3 days, great, that's quick!",
    ),
]


@pytest.mark.parametrize("turns", WAITS, ids=[t[2] for t in WAITS])
def test_praise_for_a_wait_the_agent_set_is_sarcasm_unless_welcome(turns):
    ask, wait, mocked, welcome = turns
    if mocked != welcome:  # the short wait praised is only a look-alike
        assert praises_a_wait(mocked, wait), mocked
        assert _label(ask, wait, mocked) == "NEGATIVE", mocked
    assert not praises_a_wait(welcome, wait), welcome
    assert _label(ask, wait, welcome) not in ("NEGATIVE", "MIXED"), welcome
    # long values the agent did not set as a wait (a freeze, opening hours): praised for real
    assert (
        _label("Is the gym membership frozen?", "Yes, for 2 more months.", "2 months, perfect!")
        != "NEGATIVE"
    )
    assert (
        _label(
            "How long is the wine club tasting?",
            "From noon until 6, six hours.",
            "six hours, lovely",
        )
        != "NEGATIVE"
    )


@pytest.mark.parametrize(
    "turn",
    [
        "wow, four reschedules in a month, you're amazing",
        "Three delays so far. Brilliant work.",
        "great, multiple no-shows from your dentists, stellar",
    ],
)
def test_praise_for_the_same_trouble_counted_is_sarcasm(turn):
    assert ironic_praise(turn), turn
    assert _label("Any news?", "We're working on it.", turn) == "NEGATIVE", turn
    # a count that is no trouble, or the trouble undone: plain praise
    assert not ironic_praise("three sessions free, amazing")
    assert not ironic_praise("Great, the two delays are sorted now, thanks")


@pytest.mark.parametrize(
    "turn",
    [
        "I'm cancelling the cut and colour and going with a competitor.",
        "i will change salon if this happen again",
        "We'll book our next flight with another airline.",
        "Next time we're using a rival courier.",
        "time to change gym.",
    ],
)
def test_the_business_going_to_a_competitor_is_leaving(turn):
    assert leaving(turn), turn
    assert _label("You lost my booking again.", "We apologise.", turn) == "NEGATIVE", turn


@pytest.mark.parametrize(
    "turn",
    [
        "How do I change my bank details?",
        "Can I change gym branch?",
        "My friend went with a competitor, do you offer a trial?",
        "Are you cheaper than the competitors near the airport?",
        "Next time I'll book the earlier slot.",
        "our next order should go to a different address",
        "Please cancel my cut and colour on Friday and book me for Monday.",
    ],
)
def test_calm_mentions_of_changes_and_competitors_are_no_leaving(turn):
    assert not leaving(turn), turn
    assert _label(turn) not in ("NEGATIVE", "MIXED"), turn


@pytest.mark.parametrize(
    "turns",
    [
        ("How many times can I move my dentist appointment?",),
        ("How many times a week is the gym open late?",),
        ("How many times can I reschedule?", "Twice, at no cost.", "twice free, that's fair, nice"),
    ],
)
def test_a_question_about_a_limit_is_no_repeated_request(turns):
    assert _label(*turns) not in ("NEGATIVE", "MIXED"), turns
    # the insisting form still is
    assert _label("How many times do I have to ask for my refund?") == "NEGATIVE"
