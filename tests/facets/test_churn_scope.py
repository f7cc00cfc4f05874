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
COMPETITOR = find_facet(load_facets(), "Competitor mention")


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


# Session 19 (issue 14, after attack17): phrasings of bench/churn_pricing_set19.py's dev part and
# of the issue; its test part is in no test.


@pytest.mark.parametrize(
    "text",
    [
        "Terminate my bank account, effective immediately.",
        "Remove my account please.",
        "i want to remove my acount and all my data",
        "Delete my user account and everything in it.",
        "I'd like my savings account closed by Friday.",
        "Kill my membership, I never come to the gym anyway.",
        "How do I discontinue my account?",
        "Delete my account from your database.",
    ],
)
def test_own_account_ended_in_other_words_is_critical(text: str) -> None:
    assert _label(text) == "CRITICAL", text


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("We have decided to migrate to Freshdesk.", "CRITICAL"),
        ("I switched to Wise for transfers, so there is no point keeping this.", "CRITICAL"),
        ("We're going to T-Mobile when our contract ends.", "CRITICAL"),
        (
            "We've decided to move to Mode instead.",
            "CRITICAL",
        ),  # a one-word brand that is a setting word
        ("I'm leaving this bank after ten years.", "CRITICAL"),
        ("We are leaving at the end of our contract.", "CRITICAL"),
        ("We'll migrate to Zendesk if this isn't fixed by Monday.", "HIGH"),
        ("My whole team wants to move to Linear, we're sick of the bugs.", "HIGH"),
        ("might switch to British Gas if the bill is wrong again", "HIGH"),
        ("Fine, we'll go to Monzo instead then.", "HIGH"),
        ("We're evaluating Metabase because of this.", "HIGH"),
    ],
)
def test_a_provider_named_or_left_is_churn(text: str, label: str) -> None:
    """Any provider after switch / move / go / migrate to, not only a listed competitor, when the
    sentence says the user leaves this one (instead, for good, our contract, sick of the bugs)."""
    assert _label(text) == label, text


@pytest.mark.parametrize(
    "text",
    [
        "One more outage and we're gone.",
        "If this happens again we're out.",
        "if you charge me that fee again i'm done with you guys",
        "If the flight is delayed again I'm never flying with you again.",
        "Any more downtime and we will take our business elsewhere.",
        "Another failure and I cancel.",
        "This is your last chance.",
    ],
)
def test_a_threat_on_a_condition_is_high(text: str) -> None:
    assert _label(text) == "HIGH", text


@pytest.mark.parametrize(
    "text",
    [
        "How do I switch to dark mode?",
        "Move to the next step, please.",
        "Is it free to cancel?",
        "Remove my account from the team workspace.",
        "We're gone for the holidays, please pause the deliveries.",
        "I'm moving to Canada, can I keep my account?",
        "I'm leaving the country for a month, will my card work abroad?",
        "I'm leaving for Christmas, can I freeze my card?",
        "We're leaving Heathrow at 6, can I change my seat?",
        "I'm leaving you a voicemail too.",
        "Switching to Chrome fixed it, thanks!",
        "I'm switching to the new dashboard layout.",
        "I'm going to Tell you something.",
        "Do I go to Settings to change my PIN?",
        "We're migrating our backend to Python 3.12, any breaking changes?",
        "If this happens again, should I restart the router?",
        "Last chance to get the early-bird discount?",
        "One more step and we're done, right?",
        "Please delete my test account.",
    ],
)
def test_look_alikes_of_leaving_are_no_threat(text: str) -> None:
    """A setting, a place, a step or a time after "switch / move / go to" or "leaving", an
    account taken out of a team, being away, a condition with no leaving after it."""
    assert _label(text) not in ("HIGH", "CRITICAL"), text


@pytest.mark.parametrize(
    "text",
    [
        "We're moving to Zürich in May, can I keep my account?",
        "I'm moving to São Paulo next month, will my card work there?",
        "We're relocating, we're moving to Bogotá.",
        "I'm moving to Montréal, how do I update my address?",
        "We're migrating to V2 this week.",
        "We're migrating to v3.1 of the API tomorrow, anything to change?",
        "I'm moving to Q3 planning now, who owns the backlog?",
        "Can we move to H2 for the rollout?",
    ],
)
def test_accented_places_and_versions_are_no_provider(text: str) -> None:
    """attack19: the IANA zones spell "Zurich", "Sao_Paulo", "Bogota"; users write the accents.
    A version, quarter or half ("V2", "Q3", "H2") after "migrate / move to" is no provider."""
    assert _label(text) not in ("HIGH", "CRITICAL"), text


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("We're switching to Société Générale, this bank is hopeless.", "CRITICAL"),
        ("I'm moving to Nubank for good.", "CRITICAL"),
        ("We're going to O2 next month, the service is hopeless.", "CRITICAL"),
    ],
)
def test_accented_and_short_providers_stay_churn(text: str, label: str) -> None:
    """Guards of the above: an accented bank, a carrier whose name has a digit."""
    assert _label(text) == label, text


@pytest.mark.parametrize(
    "text",
    [
        "I switched to Night Shift, can I change my alert hours?",
        "I'm switching to Part Time from January, does my plan change?",
        "We're moving to Summer Time schedule next week.",
        "We're switching to Next Week delivery for the rest.",
    ],
)
def test_a_time_or_work_schedule_is_no_provider(text: str) -> None:
    """attack19 (HR helpdesk, shop): a two-word name ending in a time unit or a shift was a
    provider left for (CRITICAL) and a Competitor mention."""
    assert _label(text) not in ("HIGH", "CRITICAL"), text
    assert apply_rules(text, COMPETITOR)[0] == "NONE", text


@pytest.mark.parametrize(
    "text", ["Revenue is down compared with Last Year.", "Signups vs Last Month are flat."]
)
def test_a_time_compared_with_is_no_competitor(text: str) -> None:
    assert apply_rules(text, COMPETITOR)[0] == "NONE", text


@pytest.mark.parametrize(
    "text",
    [
        "Can I switch to Economy Plus on the way back?",
        "Can I switch to Express Shipping for this order?",
        "Please switch to Overnight Delivery, it's a gift.",
        "Can I switch to Size M instead?",
        "Can we move to First Class for the return leg?",
    ],
)
def test_an_order_or_trip_option_is_no_provider(text: str) -> None:
    """attack19 (travel, shop): a fare, a cabin, a shipping speed or a size after "switch to"
    read as a provider weighed (HIGH)."""
    assert _label(text) not in ("HIGH", "CRITICAL"), text


@pytest.mark.parametrize(
    "text",
    [
        "We're moving to Postgres next quarter, will the connector still work?",
        "We're migrating to Kubernetes, do you have a Helm chart?",
        "We are moving to AWS next month.",
        "We're switching to TypeScript for the frontend.",
        "We've decided to move to GitHub Actions for CI.",
        "I'm switching to Vim, is there a plugin?",
        "We're migrating to Okta for SSO.",
        "We're switching to Teams for calls.",
        "I'm moving to Marketing next month, who takes over my dashboards?",
        "Switch to PayPal at checkout, the card keeps failing.",
        "We're moving to Slack for alerts instead of email.",
        "We're evaluating Snowflake as our warehouse, does your connector support it?",
        "I switched to Smart Filters and the report loads faster.",
    ],
)
def test_a_migration_of_the_users_own_stack_is_no_churn(text: str) -> None:
    """attack19 (issue 14): a technology, a tool for a purpose, a team, a payment method or a
    feature after "switch / move / migrate to" or "evaluating" read CRITICAL/HIGH. A name no
    vendor list knows counts only with a cue that the user leaves this provider."""
    assert _label(text) not in ("HIGH", "CRITICAL"), text


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("We've decided to move to Looker.", "CRITICAL"),  # Competitor mention's named vendors
        ("We're switching to Power BI next quarter.", "CRITICAL"),
        ("We're evaluating Grafana.", "HIGH"),
        ("I'm moving to Monzo because of your fees.", "CRITICAL"),
        ("We're migrating to Klipfolio because of the constant downtime.", "CRITICAL"),
        ("We're switching to Acme Analytics instead of you.", "CRITICAL"),
        ("We'll move to Sigma if this isn't fixed by Friday.", "HIGH"),
        ("Might move to EE, their rates are better.", "HIGH"),
        ("I'm leaving for Starling.", "CRITICAL"),  # leaving is itself the cue
    ],
)
def test_a_listed_vendor_or_a_leaving_cue_stays_churn(text: str, label: str) -> None:
    assert _label(text) == label, text


def test_without_a_vendor_list_a_cue_still_counts() -> None:
    """A facet file whose Churn risk sets no `local.providers` reads a cue alone."""
    from dataclasses import replace

    bare = replace(CHURN, local={"kind": "rules"})
    assert apply_rules("We're moving to Looker.", bare)[1] == "LOW"
    assert apply_rules("We're moving to Looker, it's cheaper.", bare)[1] == "CRITICAL"
