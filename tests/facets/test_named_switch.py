"""The named switch ("switch / move / migrate to X") is read once, for Competitor mention and
Churn risk alike (issue 14, session 20): X is a listed vendor, or a name beside a sentence — the
same one, the one before or the one after in the same user turn — that says the user leaves this
provider. A name in lower case counts only when listed; a place or a language is no provider,
whatever list it is missing from; leaving said on a condition is HIGH, not CRITICAL."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets
from tracetopics_pipeline.core.facets.summarizers.local.provider_names import no_provider
from tracetopics_pipeline.core.facets.summarizers.local.rules import apply_rules

CHURN = find_facet(load_facets(), "Churn risk")
COMPETITOR = find_facet(load_facets(), "Competitor mention")


def _churn(text: str) -> str:
    return apply_rules(text, CHURN)[1] or "LOW"


def _competitor(text: str) -> str:
    return apply_rules(text, COMPETITOR)[0].split(":")[0]


@pytest.mark.parametrize(
    "text",
    [
        "We're moving to Postgres.",
        "We're migrating to Okta for SSO, do you support SCIM?",
        "We're moving to Teams for calls.",
        "I'm moving to Marketing in March.",
        "We switched to Snowflake last quarter, can the connector read it?",
        "I switched to Outlook and the invites stopped arriving.",
        "We're migrating from MySQL to Aurora, will the schema import work?",
    ],
)
def test_the_users_own_stack_is_no_competitor(text: str) -> None:
    """Competitor mention's generic switch rule named any capitalised word; Churn risk already
    read these as no churn (churnname19). Now both read the switch the same way."""
    assert _competitor(text) == "NONE", text
    assert _churn(text) not in ("HIGH", "CRITICAL"), text


@pytest.mark.parametrize(
    ("text", "label", "name"),
    [
        ("Switching to Revolut. This app is hopeless.", "CRITICAL", "Revolut"),
        ("We're moving to Acme next month. Your outages cost us too much.", "CRITICAL", "Acme"),
        ("I'm sick of the fees. I'm moving to Monzo.", "CRITICAL", "Monzo"),
        ("Your support never answers. We're moving to Freshworks.", "CRITICAL", "Freshworks"),
        ("We're switching to Wise. Your exchange rates are a joke.", "CRITICAL", "Wise"),
        ("Your service keeps dropping. Might switch to Plusnet.", "HIGH", "Plusnet"),
    ],
)
def test_a_cue_in_the_next_or_previous_sentence_counts(text: str, label: str, name: str) -> None:
    assert _churn(text) == label, text
    assert _competitor(text) == name, text


@pytest.mark.parametrize(
    "text",
    [
        "We're moving to Postgres next month.\nThe export page is hopeless today though.",
        "We're migrating to Kubernetes.\nAlso your docs on the API are terrible.",
        "We're moving to Terraform for infra. Please keep the API stable. Thanks, great tool.",
        "We switched to Slack for alerts. The email ones were noisy.",
    ],
)
def test_a_cue_in_another_turn_or_none_at_all_does_not(text: str) -> None:
    """Precision guards: a complaint in another user turn (another line of user_messages), or
    neighbouring sentences that blame nobody."""
    assert _competitor(text) == "NONE", text
    assert _churn(text) not in ("HIGH", "CRITICAL"), text


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("we're switching to tableau next month", "CRITICAL"),
        ("we're migrating to datadog at renewal", "CRITICAL"),
        ("maybe we just move to freshdesk", "HIGH"),
        ("We'll probably switch to splunk.", "HIGH"),
        ("we're moving everything to power bi", "CRITICAL"),
    ],
)
def test_a_listed_vendor_in_lower_case_counts(text: str, label: str) -> None:
    assert _churn(text) == label, text


def test_a_lower_case_name_counts_only_when_listed() -> None:
    """A word in lower case after a switch verb, from a writer who capitalises other words, is a
    common word unless the list names it: a cue beside it does not make it a provider. The list
    is the facet's own (`local.providers`). (A writer who capitalises nothing: test_text_speak.)"""
    for text in (
        "we're moving to the cloud, your fees are too high",
        "I'm switching to revolut, this app is hopeless",
        "We're moving to sigma because of your outages",  # Sigma is listed capitalised only
    ):
        assert _churn(text) not in ("HIGH", "CRITICAL"), text
    banks = replace(CHURN, local={**CHURN.local, "providers": r"\b(?P<name>revolut|monzo)\b"})
    assert apply_rules("switching to revolut, this app is hopeless", banks)[1] == "CRITICAL"
    assert apply_rules("i'm moving to monzo", banks)[1] == "CRITICAL"


@pytest.mark.parametrize(
    "text",
    [
        "One more dropped call and I'm switching carriers.",
        "If this isn't fixed by Friday we're moving to Acme.",
        "If you don't refund me I'm cancelling my subscription.",
        "Another outage like this and we're cancelling our contract.",
        "We'll cancel our subscription if nobody answers by Monday.",
        "Fix the exports by Friday or we're moving to Looker.",
        "Unless the invoice is corrected, we are closing our account.",
    ],
)
def test_leaving_on_a_condition_is_high(text: str) -> None:
    """Churn risk's HIGH is a threat to leave, CRITICAL a decision made (facets.yaml)."""
    assert _churn(text) == "HIGH", text


@pytest.mark.parametrize(
    "text",
    [
        "We've decided to cancel our subscription, even if you fix it.",
        "Please cancel my subscription, and refund the last month if possible.",
        "If you could close my account today that would be great.",
        "We're cancelling our contract. If you need anything from us, let me know.",
        "Please delete my account. If there's a final invoice, send it to billing.",
    ],
)
def test_a_polite_or_concessive_if_stays_critical(text: str) -> None:
    assert _churn(text) == "CRITICAL", text


@pytest.mark.parametrize(
    "text",
    [
        "I'm switching to Español, the English labels are useless for my mum.",
        "I'm switching to Deutsch, the English translation is terrible.",
        "I switched to Français because the English version is awful.",
        "I'm switching to Polski, the English menus are hopeless for my parents.",
        "I'm moving to Barcelona, the rent here is ridiculous.",
        "We're moving to Texas because the weather here is awful.",
        "We're moving to Bavaria for my new job, the commute here was terrible.",
        "We're moving to Bay Area next month, sick of the winters.",
        "We're relocating, moving to Silicon Valley for good.",
    ],
)
def test_a_place_or_a_native_language_name_is_no_provider(text: str) -> None:
    """Places Babel's English names lack and languages named in their own tongue, beside a
    complaint that would otherwise be a cue."""
    assert _churn(text) not in ("HIGH", "CRITICAL"), text
    assert _competitor(text) == "NONE", text


def test_native_names_come_from_every_locale() -> None:
    for name in ("Español", "Deutsch", "Nederlands", "Italiano", "Deutschland", "España", "Polska"):
        assert no_provider(name), name
    for name in ("Revolut", "Monzo", "Acme", "Klipfolio"):
        assert not no_provider(name), name


# --- adversarial pass (attack20): the same forms said differently, and look-alikes ---------------


@pytest.mark.parametrize(
    "text",
    [
        "Fix this or we'll switch to Acme.",
        "Sort it out or we're moving to Acme.",
        "Refund the charge or I'm moving to Acme.",
    ],
)
def test_a_demand_with_a_threat_is_a_cue(text: str) -> None:
    """ "Fix it or we leave" made Churn HIGH but was no cue for the switch, so Competitor mention
    lost the name that "if this isn't fixed we're moving to Acme" keeps."""
    assert _competitor(text) == "Acme", text
    assert _churn(text) == "HIGH", text


@pytest.mark.parametrize(
    "text",
    [
        "I'm cancelling my subscription, not sure if I'll be back.",
        "Cancel my subscription and refund it or not, I don't care.",
        "Cancel my subscription; I tried to fix it or find a workaround for weeks.",
        "We're moving to Looker, if you must know.",
        "We're switching to Zendesk, fixed or not.",
        "We're cancelling our subscription, should you need anything let me know.",
    ],
)
def test_a_whether_if_or_an_or_not_is_no_condition(text: str) -> None:
    """Precision guards for `on_condition`: "sure if" asks whether, "or not" and an attempt
    ("tried to fix it or find") threaten nothing; the decision stays CRITICAL."""
    assert _churn(text) == "CRITICAL", text


@pytest.mark.parametrize(
    "text",
    [
        "Should this happen again, we will cancel our subscription.",
        "Should the outage repeat, I'm cancelling my subscription.",
        "Should your app crash again, we are closing our account.",
    ],
)
def test_an_inverted_if_is_a_condition(text: str) -> None:
    assert _churn(text) == "HIGH", text


@pytest.mark.parametrize(
    ("text", "name"),
    [("WE ARE MOVING TO ZENDESK.", "ZENDESK"), ("We're moving to TABLEAU.", "TABLEAU")],
)
def test_a_shouted_listed_vendor_counts(text: str, name: str) -> None:
    """A word in capitals is no name (no_provider), unless the vendor list names it."""
    assert _churn(text) == "CRITICAL", text
    assert _competitor(text) == name, text


@pytest.mark.parametrize(
    "text",
    [
        "We're moving to Invoice since your card payments keep failing.",
        "I'm switching to Ethernet, your router keeps dropping.",
        "I'm switching to Autopay since your reminders never arrive.",
        "I'm switching to Direct Debit because your card payments keep failing.",
        "I'm switching to Bank Transfer, your card payments keep failing.",
    ],
)
def test_a_payment_method_or_connection_is_no_provider(text: str) -> None:
    """The user's own way to pay or connect, beside a complaint about the product that would
    otherwise be a cue."""
    assert _churn(text) not in ("HIGH", "CRITICAL"), text
    assert _competitor(text) == "NONE", text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("I'm switching to Cash App because your fees are ridiculous.", "Cash App"),
        ("I'm switching to Direct Line, your premiums are too high.", "Direct Line"),
    ],
)
def test_a_provider_named_like_a_payment_stays_one(text: str, name: str) -> None:
    assert _churn(text) == "CRITICAL", text
    assert _competitor(text) == name, text


def test_a_fix_or_in_an_attempt_is_no_cue() -> None:
    text = "We're moving to Postgres. I tried to fix the old setup or patch it for weeks."
    assert _competitor(text) == "NONE", text
