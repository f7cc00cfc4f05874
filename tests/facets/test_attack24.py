"""Adversarial pass, session 24: a person's own contract not renewed is the user's record; a
past-tense negated wish ("never wanted / didn't mean to cancel") vetoes its own cancel.

Session 24 read "wont" / "isnt" as "won't" / "isn't" and "contract with you ... isn't being
renewed" as leaving, which also made "our employee's contract wont be renewed, how do I offboard
her?" CRITICAL. A staff member's, tenant's or customer's contract, lease or plan not renewed is
not the user's relationship with us ending; the user's own (or "my client's plan with you") still is.
"""

from __future__ import annotations

import pytest
from test_named_switch import _churn

_FIRED = ("HIGH", "CRITICAL")


@pytest.mark.parametrize(
    "text",
    [
        "our employee's contract wont be renewed, how do I offboard her in the app?",
        "The tenant's lease agreement won't be renewed; mark the unit vacant",
        "the intern's contract isnt being renewed, remove her access",
        "Our contractors' agreements will not be renewed in March. Can I bulk-archive them?",
        "a student's membership won't be renewed - how do I stop the reminder emails to him?",
    ],
)
def test_a_persons_own_contract_not_renewed_is_a_record(text: str) -> None:
    assert _churn(text) not in _FIRED, text


@pytest.mark.parametrize(
    "text",
    [
        "Our contract won't be renewed.",
        "my client's subscription with you won't be renewed",
        "my company's contract with you won't be renewed",
        "our team's subscription won't be renewed",
        "our tenant's lease is fine but we won't renew our plan",
        "The employee's laptop broke and our subscription won't be renewed.",
    ],
)
def test_the_users_own_not_renewing_still_fires(text: str) -> None:
    assert _churn(text) == "CRITICAL", text


@pytest.mark.parametrize(
    "text",
    [
        "never wanted to cancel my plan just change the card",
        "I didn't mean to cancel my subscription, can you undo that?",
        "we never intended to close the account, it was a misclick",
        "I didnt need to delete my account just log out",
    ],
)
def test_a_past_tense_negated_wish_vetoes_the_cancel(text: str) -> None:
    assert _churn(text) not in _FIRED, text


@pytest.mark.parametrize(
    "text",
    [
        "I never wanted to leave, but we are cancelling our subscription today.",
        "We didn't want to renew anyway. Cancel my plan please.",
        "I never meant to stay this long, please cancel my membership now",
    ],
)
def test_a_negated_wish_elsewhere_leaves_the_cancel(text: str) -> None:
    assert _churn(text) == "CRITICAL", text
