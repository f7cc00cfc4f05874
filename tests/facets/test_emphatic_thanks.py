"""Sincere, emphatic thanks after the agent did something is POSITIVE; routine politeness is not
(issue 14, twentieth pass: sentiment_thanks.py).

Phrasings of our own in a council's bin service, a university registrar, a cloud host, a pet-food
subscription, a museum, a bike shop, a utility and a restaurant; none is taken from held-out batch
19 (bench/facet_robustness_batch19.py) or the demo's templates.
"""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.facets.summarizers.local.sentiment import summarize_sentiment
from tracetopics_pipeline.core.facets.summarizers.local.sentiment_thanks import (
    emphasis,
    emphatic_thanks,
    passed_on,
)


def _label(*turns: str) -> str:
    """Sentiment of alternating user / agent turns, the user first."""
    dialogue = [("user" if k % 2 == 0 else "assistant", t) for k, t in enumerate(turns)]
    users = [t for r, t in dialogue if r == "user"]
    agent = [t for r, t in dialogue if r == "assistant"]
    return summarize_sentiment(users, agent, dialogue=dialogue)[0]


# (the ask, what the agent did, emphatic thanks): each NEUTRAL on main
EMPHATIC = [
    (
        "My bin collection was missed on Tuesday.",
        "I've booked a return collection for tomorrow morning.",
        "Brilliant, thank you so much!",
    ),
    (
        "Can you move my exam to the afternoon session?",
        "Done, you're in the 2 pm session in Hall B.",
        "wow, thanks!! that was fast",
    ),
    (
        "The deploy has been stuck on 'pending' for an hour.",
        "I've cleared the stuck job; your deploy is running again.",
        "awesome, tysm",
    ),
    (
        "Please pause my pet food delivery for two weeks.",
        "Paused: your next box ships on the 21st.",
        "Fantastic, many thanks!",
    ),
    (
        "Could you add two tickets for Sunday?",
        "Added: two adult tickets for Sunday at 11 am.",
        "Wonderful, thank you SO much",
    ),
    (
        "The brake pads you fitted last week squeak.",
        "Bring it by any day this week and we'll re-seat them at no cost.",
        "Great, thanks a million!",
    ),
    (
        "I paid the same invoice twice.",
        "I've refunded the second payment, 64.00; it reaches your card in 3 days.",
        "perfect ty so much!!",
    ),
]


@pytest.mark.parametrize("turns", EMPHATIC, ids=[t[-1] for t in EMPHATIC])
def test_emphatic_thanks_after_the_agent_did_it_is_positive(turns):
    assert emphatic_thanks(turns[-1]), turns[-1]
    assert _label(*turns) == "POSITIVE", turns[-1]


# bare closing politeness after a plain answer: one mark of emphasis at most
ROUTINE = [
    "ok thanks, bye",
    "Thanks so much, bye!",
    "Great, thanks.",
    "thank you very much, goodbye",
    "Thanks for your help, have a nice day!",
    "Thank you so much for all your help. Have a great evening.",
    "ok, that's all, thanks!",
]


@pytest.mark.parametrize("text", ROUTINE)
def test_routine_closing_stays_neutral(text):
    assert not emphatic_thanks(text), text
    assert (
        _label("What time does the museum open on Sundays?", "We open at 10 am on Sundays.", text)
        == "NEUTRAL"
    ), text


# emphatic words, but no satisfaction with what the agent did
NOT_POSITIVE = [
    (  # the agent could not do it and sent the user elsewhere
        "Can you waive the late fee?",
        "I'm sorry, I can't waive fees. Please contact the billing office.",
        "Great, thank you so much!",
    ),
    (  # handed on
        "I want to dispute a charge on my card.",
        "I'm transferring you to our disputes team now.",
        "Thanks a million!",
    ),
    (  # the agent failed
        "Book me a table for 8 tonight.",
        "I'm sorry, I was unable to book a table: the restaurant is fully booked.",
        "Perfect, thanks!",
    ),
    (  # sarcasm: the problem is still there
        "My upload keeps failing.",
        "Have you tried signing out and in again?",
        "wow, thanks a million... it still fails",
    ),
    (  # thanks, then a complaint left open
        "The receipt shows the wrong amount.",
        "I've reissued the receipt.",
        "Thank you so much! But the new one still shows 40 instead of 45.",
    ),
]


@pytest.mark.parametrize("turns", NOT_POSITIVE, ids=[t[-1] for t in NOT_POSITIVE])
def test_emphatic_thanks_without_a_thing_done_is_not_positive(turns):
    assert _label(*turns) != "POSITIVE", turns[-1]


def test_thanks_in_advance_or_before_a_new_question_is_neutral():
    assert _label("Thanks so much in advance!! How do I change the payee on a direct debit?") == (
        "NEUTRAL"
    )
    assert (
        _label(
            "Where do I see my meter readings?",
            "Under Account > Readings.",
            "Great, thank you so much! Can I also send a reading from there?",
        )
        == "NEUTRAL"
    )


def test_emphasis_counts_each_kind_once_and_the_closing_formula_takes_one_back():
    assert emphasis("Thanks.") == 0
    assert emphasis("Great, thanks.") == 1
    assert emphasis("Great, thanks!!!") == 2
    assert emphasis("Awesome, thank you so so much!") == 3
    assert emphasis("Thank you! Have a great day!") == 0  # "great day" is a wish, not a verdict
    assert emphasis("Thank you so much, bye!") == 1
    assert emphasis("Not great, thanks!") == 1  # negated
    assert emphasis("Great stuff!") == 0  # no thanks: other rules read praise


def test_passed_on_reads_the_agent_handing_over_or_unable():
    assert passed_on("Let me put you through to a colleague.")
    assert passed_on("Unfortunately that isn't something I can do here.")
    assert passed_on("A member of our team will contact you within 24 hours.")
    assert not passed_on("Sorry about that! I've refunded the missing item.")
    assert not passed_on("Done, your appointment is now on Thursday.")
