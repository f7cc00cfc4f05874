"""Churn risk and Competitor mention: session 20's leftovers (issue 14 item 1, session 21).

- "use A instead of B" chooses A: A is a competitor (and churn) when B is this provider; B is the
  competitor this product replaced when A is this provider; "instead of B" alone names none.
- A switch's reason may have no "your" ("We're moving to Acme. Too many outages."), or come a
  turn earlier; a move of the user's home is no switch ("moving to Austin because of the costs
  here"), and a complaint about another subject is no cue ("MySQL had too many outages").
- Text-speak ("im", "were", "we r", "gonna", "imma") and noun forms ("Cancellation of my
  membership", "notice of non-renewal") say the same as the spelled-out verbs.
- "not coming back" words ("I'm leaving for good", "never ordering from you again") are one
  reading for Sentiment (`sentiment_leaving.NOT_RETURNING`) and Churn risk (`local.not_returning`):
  a booking cancelled beside them is leaving, not a task.
"""

from __future__ import annotations

import pytest
from test_named_switch import _churn, _competitor  # the named switch's readers, one for both

from tracetopics_pipeline.core.facets.summarizers.local.sentiment_leaving import cancels_a_task


@pytest.mark.parametrize(
    ("text", "label", "name"),
    [
        ("We've been using Basecamp instead of you since March.", "CRITICAL", "Basecamp"),
        ("our team runs on Clockify instead of your tracker now", "CRITICAL", "Clockify"),
        ("We signed with Deel instead of this payroll platform.", "CRITICAL", "Deel"),
        ("We might go with Brevo instead of you next quarter.", "HIGH", "Brevo"),
        ("Considering Kajabi instead of your platform.", "HIGH", "Kajabi"),
    ],
)
def test_a_provider_chosen_instead_of_this_one(text: str, label: str, name: str) -> None:
    assert _churn(text) == label, text
    assert _competitor(text) == name, text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We use your scheduler instead of Calendly now, how do I embed it?", "Calendly"),
        ("We picked you instead of Harvest, where do I add clients?", "Harvest"),
        ("I keep my savings with this bank instead of Lloyds.", "Lloyds"),
    ],
)
def test_the_tool_this_product_replaced_is_named_without_churn(text: str, name: str) -> None:
    assert _competitor(text) == name, text
    assert _churn(text) not in ("HIGH", "CRITICAL"), text


@pytest.mark.parametrize(
    "text",
    [
        "We deploy with Buildkite instead of Jenkins now, does the webhook change?",
        "How do I call the API instead of Zapier?",
        "Can I sign in with GitHub instead of Google?",
        "Send the receipts to Marta instead of Jordan please.",
        "Can we get it as Word instead of PDF?",
        "Can I use Okta instead of your built-in login?",
        "Can I talk to you instead of Sarah?",
        "I'd rather talk to Sarah instead of you.",
    ],
)
def test_instead_of_a_third_party_names_no_competitor(text: str) -> None:
    assert _competitor(text) == "NONE", text
    assert _churn(text) not in ("HIGH", "CRITICAL"), text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We're moving to Acme. Too many outages.", "Acme"),
        ("Switching to Paddle. Constant billing errors.", "Paddle"),
        ("moving to Ovo because of the costs", "Ovo"),
        ("We've switched to Mollie because of the surprise fees.", "Mollie"),
        ("I'm moving to Tide, too many declined payments.", "Tide"),
    ],
)
def test_a_reason_without_your_is_a_cue(text: str, name: str) -> None:
    assert _churn(text) == "CRITICAL", text
    assert _competitor(text) == name, text


@pytest.mark.parametrize(
    "text",
    [
        "moving to Austin because of the costs here",
        "We're moving to Boulder, the rent here is crazy. How do I change my address?",
        "I'm moving to Exeter to be closer to family.",
        "We're relocating to Nashville because the taxes here are too high.",
        "Moving to Lisbon for my wife's job.",
        "We're moving to Postgres. MySQL had too many outages.",
        "We're migrating to Nomad because the old cluster had constant downtime.",
    ],
)
def test_a_relocation_or_another_subjects_trouble_is_no_switch(text: str) -> None:
    assert _churn(text) not in ("HIGH", "CRITICAL"), text
    assert _competitor(text) == "NONE", text


@pytest.mark.parametrize(
    ("before", "move", "name"),
    [
        ("Your invoices are wrong every month.", "We're moving to Xero.", "Xero"),
        ("Second outage today, unacceptable.", "We're switching to Fastly.", "Fastly"),
        ("This is the third time the sync failed.", "I'm going to Dropbox.", "Dropbox"),
    ],
)
def test_a_complaint_in_the_turn_before_is_a_cue(before: str, move: str, name: str) -> None:
    text = f"{before}\n{move}"  # user_messages: one user turn a line
    assert _churn(text) == "CRITICAL", text
    assert _competitor(text) == name, text


@pytest.mark.parametrize(
    "text",
    [
        "We're moving to Postgres next month.\nThe export page is terrible today.",
        "Can I cancel the order I placed?\nWe're moving to Postgres.",
        "Thanks for the quick fix!\nWe're migrating to Okta for SSO.",
    ],
)
def test_a_later_complaint_or_an_earlier_non_complaint_is_no_cue(text: str) -> None:
    assert _churn(text) not in ("HIGH", "CRITICAL"), text
    assert _competitor(text) == "NONE", text


@pytest.mark.parametrize(
    "text",
    [
        "im leaving",
        "were leaving u guys",
        "we r switching providers",
        "gonna cancel",
        "imma cancel, this is a joke",
        "were gonna cancel our membership",
        "Im leaving this gym, too expensive",
        "i m done, gonna cancel today",
    ],
)
def test_text_speak_says_leaving(text: str) -> None:
    assert _churn(text) == "CRITICAL", text


def test_text_speak_names_a_lower_case_provider() -> None:
    text = "im switching to zopa, ur rates r a joke"
    assert _churn(text) == "CRITICAL"
    assert _competitor(text) == "Zopa"


@pytest.mark.parametrize(
    "text",
    [
        "we were leaving the gym when the card got declined",
        "gonna cancel the order, found it cheaper",
        "were leaving for the station at 7, is the train on time",
        "they were switching seats so we lost the booking",
        "im gonna cancel the payment i just made",
        "were moving to postgres soon, any guide",
        "close my sub account please, the main one stays",
    ],
)
def test_text_speak_look_alikes_do_not_fire(text: str) -> None:
    assert _churn(text) not in ("HIGH", "CRITICAL"), text


@pytest.mark.parametrize(
    "text",
    [
        "Cancellation of my subscription, effective immediately.",
        "Termination of my contract please.",
        "Re: closure of our account",
        "I'd like to request the termination of our service agreement.",
        "Please take this as notice of non-renewal.",
        "Membership cancellation please.",
    ],
)
def test_a_noun_form_ends_the_relationship(text: str) -> None:
    assert _churn(text) == "CRITICAL", text


@pytest.mark.parametrize(
    "text",
    [
        "What is the cancellation policy for my subscription?",
        "Is there a fee for cancellation of my contract?",
        "Cancellation of my train tickets, please.",
        "Account closure fees?",
        "How does non-renewal of a domain work?",
    ],
)
def test_a_noun_form_asked_about_or_of_a_booking_does_not_fire(text: str) -> None:
    assert _churn(text) not in ("HIGH", "CRITICAL"), text


@pytest.mark.parametrize(
    "text",
    [
        "Cancel my recurring order, I'm leaving for good.",
        "cancel my order forever, I'm never ordering from you again",
        "Cancel the rest of my lessons, I'm done with you.",
        "Please cancel my weekly delivery, we're gone for good.",
    ],
)
def test_a_cancel_beside_not_coming_back_is_leaving(text: str) -> None:
    assert not cancels_a_task(text), text
    assert _churn(text) == "CRITICAL", text


@pytest.mark.parametrize(
    "text",
    [
        "Cancel my order, I'll reorder later",
        "Cancel the 10am meeting, I'm out for good reason today.",
        "Cancel tomorrow's delivery, I'm leaving for the airport.",
    ],
)
def test_a_cancel_that_keeps_the_user_is_a_task(text: str) -> None:
    assert cancels_a_task(text), text
    assert _churn(text) not in ("HIGH", "CRITICAL"), text


@pytest.mark.parametrize(
    "text",
    [
        "We're going to Tulsa and want to leave on Friday morning.",
        "I'm leaving from Leeds at 9. I'm going to York.",
        "I'm going to Bristol, I'd like to leave tomorrow.",
    ],
)
def test_a_trip_is_no_leaving(text: str) -> None:
    """ "leave on Thursday", "leaving from Vegas at 7:45" is a trip (SGD and uss_mwoz dev: 14
    travel dialogues read HIGH or CRITICAL before), not a cue that the user leaves this provider."""
    assert _churn(text) not in ("HIGH", "CRITICAL"), text
    assert _competitor(text) == "NONE", text


def test_leaving_at_the_contracts_end_is_still_a_cue() -> None:
    text = "We're moving to Acme, we'll leave at the end of the contract."
    assert _churn(text) == "CRITICAL"
    assert _competitor(text) == "Acme"
