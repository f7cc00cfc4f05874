"""Cancelling a booking is a task; cancelling the service is leaving (issue 14).

The form classifier's cancel_talk head read "Please cancel my cinema tickets" as churn talk
(Sentiment NEGATIVE, and MIXED after emphatic thanks). What is cancelled decides:
`sentiment_leaving.cancels_a_task` (an order, a ticket, a booking, a flight, a payment, a
transfer, a scheduled report: a task) and Churn risk's CRITICAL keywords (the contract, our
seats, "everything", "us": leaving). Phrasings of our own in a gym, a vet, a ferry, a bank, a
taxi firm and a restaurant; none taken from bench/cancel_task_set20.py. Some need no
form classifier on main either (a transfer, guards); they hold the rule's reading.
"""

from __future__ import annotations

from functools import cache

import pytest
from held_out import Conv, conv, user

from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets
from tracetopics_pipeline.core.facets.summarizers import make_summarizer
from tracetopics_pipeline.core.facets.summarizers.local.rules import apply_rules
from tracetopics_pipeline.core.facets.summarizers.local.sentiment_leaving import cancels_a_task


@cache
def _labels(case: Conv) -> tuple[str, str]:
    """(Sentiment, Churn risk) of the local summarizer, form classifier on."""
    facets = load_facets()
    wanted = [find_facet(facets, "Sentiment"), find_facet(facets, "Churn risk")]
    trace = {"id": "t", "messages": [{"role": r, "content": t} for r, t in case]}
    got = {
        o.facet: o.label or "NONE"
        for o in make_summarizer("local").summarize([trace], wanted).outputs
    }
    return got["Sentiment"], got["Churn risk"]


BOOKING_ASKS = [
    "Please cancel the delivery of my sofa.",
    "I'd like to cancel my train booking for Monday.",
    "Please cancel my concert tickets, I can't make it.",
    "please cancel the direct payment to the council",
    "Cancel my reservation at the bistro for tonight.",
    "I want to cancel my order from last night.",
    "Cancellation of my ferry ticket to Bilbao, please.",
    "cancel the 9:15 taxi pls",
    "Can u cancel the bank transfer I made an hour ago?",
]


@pytest.mark.parametrize("ask", BOOKING_ASKS)
def test_cancelling_a_booking_is_a_task(ask):
    assert cancels_a_task(ask)
    assert _labels(user(ask)) == ("NEUTRAL", "LOW")


THANKED = [
    (
        "Please cancel my theatre tickets for the 21st.",
        "Done, they're cancelled.",
        "Thanks so much!!",
    ),
    (
        "I need to cancel my order #7781.",
        "Order #7781 has been cancelled.",
        "Fantastic, thank you!!",
    ),
    ("I'd like to cancel the hotel reservation for the 12th.", "It's cancelled.", "ty so much!!"),
]


@pytest.mark.parametrize("turns", THANKED)
def test_thanks_after_a_cancelled_booking_is_positive(turns):
    assert _labels(conv(*turns))[0] == "POSITIVE"


# look-alikes: the relationship cancelled, alone or beside a booking
LEAVING = [
    "cancel my gym membership please",
    "Please cancel my account and any open orders.",
    "We're cancelling the subscription, it's too pricey.",
    "cancel our plan and the invoice due Friday",
    "Cancel everything. We're out.",
    "cancel my table for Friday and my loyalty membership",
]


@pytest.mark.parametrize("turn", LEAVING)
def test_cancelling_the_relationship_stays_churn(turn):
    assert not cancels_a_task(turn)
    sentiment, churn = _labels(user(turn))
    assert sentiment in ("NEGATIVE", "MIXED")
    assert churn in ("HIGH", "CRITICAL")


@pytest.mark.parametrize(
    "turn",
    [
        "cancel my booking, we're going with another company from now on",
        "We're cancelling.",
        "cancel it",
    ],
)
def test_no_task_named_or_leaving_said_is_no_task(turn):
    assert not cancels_a_task(turn)


@pytest.mark.parametrize(
    "text,want",
    [
        ("We're cancelling the contract when it ends in March.", "CRITICAL"),
        ("Please cancel our 15 licences.", "CRITICAL"),
        ("Please cancel us.", "CRITICAL"),
        ("cancel the boat hire and our club membership", "CRITICAL"),
        # look-alikes: seats booked, a change to the subscription, things ordered
        ("Can you cancel the two seats I booked for the matinee?", "LOW"),
        ("cancel the subscription change I made this morning", "LOW"),
        ("cancel everything in my basket", "LOW"),
    ],
)
def test_churn_reads_the_relationship_cancelled(text, want):
    assert (apply_rules(text, find_facet(load_facets(), "Churn risk"))[1] or "LOW") == want


def test_a_cancellation_asked_for_is_no_bad_news_to_be_ironic_about():
    done = conv(
        "Please cancel my spin class tomorrow.", "It has been cancelled.", "Brilliant, thanks!!"
    )
    assert _labels(done)[0] == "POSITIVE"
    # a class the user did not ask to cancel, cancelled: praise after it stays irony
    news = conv("Where is my spin class?", "Sorry, it was cancelled.", "Brilliant, thanks!!")
    assert _labels(news)[0] != "POSITIVE"
