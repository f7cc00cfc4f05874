"""Churn risk: an adversary's cases against session 23's churn rules (20f8f91).

- Not renewing a thing is no churn, but the relationship goes by other names: "my sub", "our Pro
  tier", "my cover", "the annual", or anything "with you" ("our deal with you").
- A thing that fails to renew, said in the plural or another tense ("the certificates are not
  renewing", "my subscription's not renewing", "autopay was not renewing my plan"), is a fault.
- A new supplier set up in the product is a record, but what is moved over to, into or with
  the new provider leaves ("help us change over to them", "put my business with the new vendor").
- One negation over a list of acts vetoes each ("Don't close, cancel or delete my account").
"""

from __future__ import annotations

import pytest
from test_named_switch import _churn, _competitor

from tracetopics_pipeline.core.facets.summarizers.local.code_terms import mask_code

_FIRED = ("HIGH", "CRITICAL")


@pytest.mark.parametrize(
    "text",
    [
        "im not renewing my sub",
        "We're not renewing our Pro tier next year.",
        "Not renewing my cover with you, the premium went up 40%.",
        "We won't be renewing our deal with you.",
        "we r not renewing the hosting w/ u",
        "We're not renewing the annual, too expensive.",
    ],
)
def test_the_relationship_by_another_name_not_renewed_leaves(text: str) -> None:
    assert _churn(text) == "CRITICAL", text


@pytest.mark.parametrize(
    "text",
    [
        "The SSL certificates are not renewing on our domains.",
        "Our licences are not renewing automatically, is that a bug?",
        "My subscription's not renewing even though autopay is on.",
        "The tokens were not renewing so the sync failed overnight.",
        "Autopay was not renewing my plan, please fix it.",
        "the domain auto-renew seems to be not renewing",
    ],
)
def test_a_thing_failing_to_renew_is_no_churn(text: str) -> None:
    assert _churn(text) not in _FIRED, text


@pytest.mark.parametrize("text", ["We are not renewing.", "we were not renewing anyway, bye"])
def test_the_user_not_renewing_still_leaves(text: str) -> None:
    assert _churn(text) == "CRITICAL", text


@pytest.mark.parametrize(
    "text",
    [
        "I'm not renewing my passport, can I update my ID on file?",
        "We're not renewing the car lease, please update the vehicle list.",
    ],
)
def test_a_thing_not_renewed_stays_no_churn(text: str) -> None:
    assert _churn(text) not in _FIRED, text


@pytest.mark.parametrize(
    "text",
    [
        "We're switching to Freshdesk, can you help us change over to them?",
        "Cancel my subscription, I want to put my business with the new vendor.",
        "We've signed with another vendor; can you help us import our contacts into them before "
        "we close the account?",
    ],
)
def test_moving_over_to_a_new_provider_leaves(text: str) -> None:
    assert _churn(text) == "CRITICAL", text


@pytest.mark.parametrize(
    "text",
    [
        "We found a new supplier, how do I add them?",
        "We picked a new supplier - where do I enter their bank details?",
        "We signed with a different courier; how would I make them the default for shipping?",
    ],
)
def test_a_supplier_set_up_in_the_product_stays_a_record(text: str) -> None:
    assert _churn(text) not in _FIRED, text


@pytest.mark.parametrize(
    "text",
    [
        "Don't close, cancel or delete my account, I still need it.",
        "Do not delete, close or cancel our account.",
    ],
)
def test_one_negation_over_a_list_of_acts(text: str) -> None:
    assert _churn(text) not in _FIRED, text


@pytest.mark.parametrize(
    "text",
    [
        "Don't switch me to annual, just cancel or close my plan.",
        "No, cancel and close my account.",
    ],
)
def test_a_list_after_another_negated_act_still_cancels(text: str) -> None:
    assert _churn(text) == "CRITICAL", text


@pytest.mark.parametrize(
    "text",
    [
        "We picked Google Chat over your in-app notifications.",
        "Send it to Discord instead of your emails please",
        "I'd rather use Slack over your alerts thanks",
    ],
)
def test_a_channel_over_your_messages_said_otherwise_names_none(text: str) -> None:
    assert _competitor(text) == "NONE", text
    assert _churn(text) not in _FIRED, text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("We chose Brevo over your email platform please help us export", "Brevo"),
        ("We went with Basecamp over your in-app planner.", "Basecamp"),
    ],
)
def test_a_rival_over_your_product_still_named(text: str, name: str) -> None:
    assert _competitor(text) == name, text


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("in-app notifications stopped", False),
        ("the in-app purchase price", False),
        ("billing-app keeps crashing", True),
        ("in-app-worker crashed", True),
    ],
)
def test_an_adjective_before_app_is_no_service_name(text: str, masked: bool) -> None:
    assert (mask_code(text) != text) == masked, text
