"""Churn risk and Competitor mention: session 22's leftovers (issue 14, session 23).

- A negation vetoes the act it negates, in its clause, not another act of the sentence ("Don't
  switch me to annual, just cancel my plan" cancels).
- An organisation of the user's ("our company", "the board") going with someone else, another or
  a different provider leaves; slang futures ("imma", "finna") say a named switch as "gonna" does.
- Not churn: a thing that is not the user's subscription not renewing (a passport, a certificate),
  a new supplier the user asks to add in the product, a channel preferred over this product's
  emails or alerts (no competitor named).
"""

from __future__ import annotations

import pytest
from test_named_switch import _churn, _competitor  # the named switch's readers, one for both

_FIRED = ("HIGH", "CRITICAL")


@pytest.mark.parametrize(
    "text",
    [
        "Don't move me to the yearly plan, just cancel my membership.",
        "I don't need a callback, please close my account.",
        "We won't want the extra licences, cancel our subscription instead.",
        "dont send me offers, just delete my account",
    ],
)
def test_a_negation_of_another_act_leaves_the_cancel(text: str) -> None:
    assert _churn(text) == "CRITICAL", text


@pytest.mark.parametrize(
    "text",
    [
        "Don't cancel my membership, just move me to the yearly plan.",
        "I don't want to close my account, only the old project.",
        "Please do not terminate our contract, we only want fewer seats.",
    ],
)
def test_a_negated_cancel_stays_no_churn(text: str) -> None:
    assert _churn(text) not in _FIRED, text


@pytest.mark.parametrize(
    "text",
    [
        "Our agency is going with a different provider next quarter.",
        "The board has picked another vendor for next year.",
        "My company has gone with someone else.",
        "Our clinic is moving to another platform in June.",
    ],
)
def test_an_organisation_going_with_someone_else(text: str) -> None:
    assert _churn(text) == "CRITICAL", text


@pytest.mark.parametrize(
    "text",
    [
        "Our agency is going with a different font for the brochure.",
        "The board has picked another date for the review.",
        "My colleague is going with someone else to the workshop, can I swap the name?",
    ],
)
def test_an_organisation_choosing_another_thing_is_no_churn(text: str) -> None:
    assert _churn(text) not in _FIRED, text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("finna switch to intercom, ur bot is useless", "Intercom"),
        ("imma move to Zendesk", "Zendesk"),
    ],
)
def test_a_slang_future_switch(text: str, name: str) -> None:
    assert _churn(text) == "CRITICAL", text
    assert _competitor(text) == name, text


@pytest.mark.parametrize(
    "text",
    ["imma switch to light mode", "finna move to the new flat, change my address pls"],
)
def test_a_slang_future_switch_of_a_setting_is_no_churn(text: str) -> None:
    assert _churn(text) not in _FIRED, text


@pytest.mark.parametrize(
    "text",
    [
        "We're not renewing our plan with you.",
        "The hospital is not renewing its contract for your software.",
        "Our seats won't be renewed after March.",
    ],
)
def test_the_relationship_not_renewed_leaves(text: str) -> None:
    assert _churn(text) == "CRITICAL", text


@pytest.mark.parametrize(
    "text",
    [
        "I'm not renewing my gym pass, can I change the card on file?",
        "The TLS certificate is not renewing on our custom domain.",
        "We're not renewing the car lease, please update the vehicle list.",
        "The OAuth token was not renewing so the sync failed.",
    ],
)
def test_a_thing_not_renewing_is_no_churn(text: str) -> None:
    assert _churn(text) not in _FIRED, text


@pytest.mark.parametrize(
    "text",
    [
        "We found a new printer supplier, can I add them to the vendor list?",
        "We're moving to a new courier company, how do I set them up?",
        "Signed with a different cleaning firm, where do I put their invoice details?",
    ],
)
def test_a_new_supplier_added_in_the_product_is_no_churn(text: str) -> None:
    assert _churn(text) not in _FIRED, text


@pytest.mark.parametrize(
    "text",
    [
        "We found a new provider, so please close our account.",
        "We're moving to a new bank, can you send my balance to them?",
    ],
)
def test_a_new_provider_left_for_still_leaves(text: str) -> None:
    assert _churn(text) == "CRITICAL", text


@pytest.mark.parametrize(
    "text",
    [
        "I prefer Slack over your email notifications.",
        "We picked Discord over your alerts, how do we connect it?",
        "We chose Teams over your daily digests for the summary.",
    ],
)
def test_a_channel_preferred_over_your_messages_is_no_competitor(text: str) -> None:
    assert _churn(text) not in _FIRED, text
    assert _competitor(text) == "NONE", text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We chose Brevo over your email platform.", "Brevo"),
        ("We picked Basecamp over your tool.", "Basecamp"),
    ],
)
def test_a_rival_preferred_over_your_product_still_leaves(text: str, name: str) -> None:
    assert _churn(text) == "CRITICAL", text
    assert _competitor(text) == name, text
