"""Churn risk follows its own label descriptions: CRITICAL says the account is being closed or
left, HIGH threatens to leave or weighs other products, MEDIUM is frustration without a threat.
Session 17: "fed up" and "unacceptable" read HIGH (64 of the demo dev part's 1,294 LOW traces),
"alternatives" to a card or a fix and "switch to" a currency or billing period read HIGH, a
cancelled purchase read CRITICAL, and a request to delete or close one's own account read LOW
(21 of Banking77 dev's 42 terminate_account queries)."""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets
from tracetopics_pipeline.core.facets.summarizers.local.rules import apply_rules

CHURN = find_facet(load_facets(), "Churn risk")


def _label(text: str) -> str:
    return apply_rules(text, CHURN)[1] or "LOW"


@pytest.mark.parametrize(
    "text",
    [
        "Please delete my account.",
        "I want to close our account as soon as possible.",
        "Terminate my account please, I'm done.",
        "I'd like to shut down our account at the end of the month.",
        "Cancel our subscription, we are moving on.",
        "We've decided to leave at the end of the contract.",
        "I no longer want to keep this account.",
        "Please deactivate my account and remove my data.",
        "Still doesn't work, I'm switching to another carrier.",
        "I am leaving for a provider that answers.",
    ],
)
def test_leaving_is_critical(text: str) -> None:
    assert _label(text) == "CRITICAL", text


@pytest.mark.parametrize(
    "text",
    [
        "If this isn't fixed by Friday we'll look elsewhere.",
        "We're evaluating other tools for next year.",
        "Honestly we're thinking about switching providers.",
        "My manager asked me to look at alternatives to your product.",
        "This is the last straw.",
        "Not worth the money any more.",
        "We may have to move to another vendor.",
        "Still doesn't work, we might switch to another carrier.",
        "Thinking of moving to a different bank if this goes on.",
    ],
)
def test_a_threat_to_leave_is_high(text: str) -> None:
    assert _label(text) == "HIGH", text


@pytest.mark.parametrize(
    "text",
    [
        "I'm fed up with this export failing every night.",
        "This is unacceptable for what we pay.",
        "Honestly, this bug is unacceptable.",
        "Fed up with this.",
        "What a waste of time this has been.",
    ],
)
def test_frustration_without_a_threat_is_medium(text: str) -> None:
    assert _label(text) == "MEDIUM", text


@pytest.mark.parametrize(
    "text",
    [
        "How do I switch to a different currency?",
        "Can I switch our workspace to annual billing?",
        "Is there an alternative to a physical card?",
        "Can you fix this or tell me the alternatives?",
        "I'm going to cancel a purchase I made yesterday.",
        "Please cancel the order I placed this morning.",
        "How do I delete a user account for someone who left?",
        "Move the chart to the top of the dashboard.",
        "I'm moving house next month, please update my address.",
        "We're moving offices, can we change the delivery address?",
        "I'm leaving the office early, can you email me the report?",
    ],
)
def test_everyday_words_for_leaving_are_no_churn(text: str) -> None:
    assert _label(text) == "LOW", text


@pytest.mark.parametrize(
    "text",
    [
        "close my account's open tickets",
        "Please delete my account's API key, it leaked.",
        "Close my account's overdraft facility but keep the account.",
        "Delete my account's saved addresses.",
        "Delete my account history for last month.",
        "Can you delete my account settings back to default?",
        "Cancel my subscription reminder emails.",
        "Terminate my contract notifications, they're spam.",
    ],
)
def test_a_thing_of_the_account_ended_is_no_churn(text: str) -> None:
    """Adversarial pass (attack17): "delete my account" read CRITICAL when the account only owns
    what is ended ("my account's API key", "my account history"): admin work on the account."""
    assert _label(text) != "CRITICAL", text


@pytest.mark.parametrize(
    "text",
    [
        "pls close my acct asap",
        "Delete my account, and my data with it.",
        "Cancel my subscription renewal, we won't continue.",
        "close my account today",
    ],
)
def test_the_account_itself_ended_stays_critical(text: str) -> None:
    assert _label(text) == "CRITICAL", text
