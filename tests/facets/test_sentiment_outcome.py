"""Outcome evidence for Sentiment (sentiment_outcome.py): how the conversation ended, in phrasings
written for these tests (several per rule, none from the demo generator or the datasets)."""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.facets.summarizers.local.sentiment import summarize_sentiment
from tracetopics_pipeline.core.facets.summarizers.local.sentiment_outcome import (
    agent_failed,
    outcome_evidence,
)


def _reasons(*turns: str) -> list[str]:
    """Alternate user / agent turns, starting with the user."""
    dialogue = [("user" if i % 2 == 0 else "assistant", t) for i, t in enumerate(turns)]
    return [reason for _, reason in outcome_evidence(dialogue)]


def _label(*turns: str) -> str:
    dialogue = [("user" if i % 2 == 0 else "assistant", t) for i, t in enumerate(turns)]
    users = [t for r, t in dialogue if r == "user"]
    agents = [t for r, t in dialogue if r == "assistant"]
    return summarize_sentiment(users, agents, dialogue=dialogue)[0]


FAILURES = [
    "I'm sorry, that date is fully booked.",
    "Unfortunately I was unable to locate your order.",
    "Our booking system is currently down, please try later.",
    "I couldn't find any flights matching those dates.",
    "There are no rooms matching that price in that area.",
    "The payment didn't go through.",
    "Sorry, the reservation was unsuccessful.",
    "Something went wrong on our side while I tried to update it.",
]
NOT_FAILURES = [
    "The hotel has no pool, but the gym is open all day.",  # a fact about an item
    "Sorry, free parking is not available at that station.",
    "I'm not able to change the billing owner on your behalf; an admin can do it in Settings.",
    "I can't issue refunds from this chat for security reasons.",
    "Your order shipped yesterday.",
]


@pytest.mark.parametrize("reply", FAILURES)
def test_agent_failures(reply):
    assert agent_failed(reply)


@pytest.mark.parametrize("reply", NOT_FAILURES)
def test_facts_and_policy_answers_are_not_failures(reply):
    assert not agent_failed(reply)


# The agent's own side broke (eighteenth pass): its apology is not the user's mood.
OWN_SIDE_ERRORS = {
    "Our booking system is currently down, please try later.",
    "Something went wrong on our side while I tried to update it.",
}


@pytest.mark.parametrize("reply", [f for f in FAILURES if f not in OWN_SIDE_ERRORS])
def test_ending_on_a_failure_reads_negative(reply):
    turns = ("Can you sort this out for me?", "Let me check.", "Please go ahead.", reply)
    assert "saw the conversation end on the agent failing" in _reasons(*turns)
    assert _label(*turns) == "NEGATIVE"


@pytest.mark.parametrize("reply", sorted(OWN_SIDE_ERRORS))
def test_ending_on_the_agents_own_error_is_no_evidence(reply):
    turns = ("Can you sort this out for me?", "Let me check.", "Please go ahead.", reply)
    assert _reasons(*turns) == []
    assert _label(*turns) == "NEUTRAL"


@pytest.mark.parametrize(
    "later",
    [
        ("Try the next day then.", "Done: I've booked the 9:40 on Friday, reference K7Q2."),
        ("Any other option?", "I found two rooms in the north, both with parking."),
        ("What about the other card?", "That worked: your payment is confirmed."),
    ],
)
def test_a_failure_made_good_is_not_held_against_the_agent(later):
    turns = ("Book it for Thursday please.", FAILURES[0], *later, "Great, thanks, bye.")
    assert _reasons(*turns) == []
    assert _label(*turns) != "NEGATIVE"


def test_the_user_saying_it_worked_makes_a_failure_good():
    turns = ("Reset my router remotely?", FAILURES[7], "Never mind, it works now.", "Glad to hear.")
    assert _reasons(*turns) == []


def test_a_failure_nothing_made_up_for_tilts_but_does_not_decide():
    turns = ("Find me a quiet hotel.", FAILURES[3], "Ok.", "Anything else?", "No, bye.", "Bye!")
    assert _reasons(*turns) == ["saw the agent fail to deliver with nothing to make up for it"]
    assert _label(*turns) == "NEUTRAL"


@pytest.mark.parametrize(
    "last",
    [
        "Can you confirm the total price?",
        "Please send me the invoice as a PDF.",
        "I need the booking moved to 6 pm, could you do that",
    ],
)
def test_a_last_request_left_unanswered(last):
    turns = ("Hi, I need a taxi at 5.", "Booked, a red car will come.", last)
    assert _reasons(*turns) == []  # too short to say the agent left it
    turns = ("Hi, I need a taxi at 5.", "Where to?", "To the station.", "Booked.", last)
    assert _reasons(*turns) == ["left with their last request unanswered"]


@pytest.mark.parametrize("last", ["Thanks, that's all.", "ok bye", "No thank you, goodbye!"])
def test_a_closing_turn_is_not_an_unanswered_request(last):
    turns = ("Hi, I need a taxi at 5.", "Where to?", "To the station.", "Booked.", last)
    assert _reasons(*turns) == []


@pytest.mark.parametrize(
    "turn",
    [
        "No, I said two adults, not three.",
        "Sorry, I meant the blue model.",
        "Let me clarify: the refund is for the March order.",
        "I never asked you to cancel it!",
        "Hmm, did I ask you to book that?",
        "You booked the wrong date, it was the 14th.",
    ],
)
def test_correcting_the_agent(turn):
    from tracetopics_pipeline.core.facets.summarizers.local.sentiment import signals

    s = signals(["Book a table for Friday.", turn], ["Done, booked for Saturday."])
    assert "had to correct the agent" in s.why_neg


@pytest.mark.parametrize("turn", ["No, that's all, thanks.", "I meant to ask: is parking free?"])
def test_not_corrections(turn):
    from tracetopics_pipeline.core.facets.summarizers.local.sentiment import signals

    s = signals(["Book a table for Friday.", turn], ["Done, booked for Friday."])
    assert "had to correct the agent" not in s.why_neg


@pytest.mark.parametrize(
    "turns",
    [
        ("Can you sort this out for me?", "Let me check.", "Please go ahead.", FAILURES[0]),
        ("Cancel my order.", FAILURES[1], "Wow, thanks a lot!!", FAILURES[1]),
        (
            "Book it for Thursday.",
            FAILURES[0],
            "Friday then?",
            FAILURES[0],
            "Saturday?",
            FAILURES[0],
        ),
    ],
)
def test_an_outcome_reason_reads_as_a_sentence_about_the_user(turns):
    """attack19: the summary said "User the conversation ended on the agent failing." and "User
    the agent repeatedly could not deliver": each reason follows "User"."""
    dialogue = [("user" if i % 2 == 0 else "assistant", t) for i, t in enumerate(turns)]
    users = [t for r, t in dialogue if r == "user"]
    agents = [t for r, t in dialogue if r == "assistant"]
    label, summary = summarize_sentiment(users, agents, dialogue=dialogue)[:2]
    assert label == "NEGATIVE", summary
    assert summary.startswith("User saw the "), summary
    assert " and the agent " not in summary and "User the " not in summary, summary
