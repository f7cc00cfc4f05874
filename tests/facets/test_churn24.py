"""Churn risk: session 23's leftovers (issue 14, session 24).

- Not renewing said without apostrophes ("we arent renewing", "we wont renew") or with "with
  you" between the relationship and the verb ("our contract with you won't be renewed").
- Going with someone else weighed ("we might go with someone else") is HIGH, not CRITICAL.
- A negation vetoes its own act in a run-on sentence with no comma ("Don't switch me to annual
  just cancel my plan" cancels; "please dont go and delete my account" does not).
- The CRM third-party veto reads on to the next sentence or turn ("The company went with a
  competitor. Mark the deal lost.").
- Slang leaving for a name no list knows, with a complaint beside it: "2" for "to", "jump (ship)
  to", "this is a mess", "yall too slow".
- Not churn: a thing not renewed that the user keeps on a list in the product, a contract with
  someone else, a third party that might leave, going with someone else to an event.
"""

from __future__ import annotations

import pytest
from test_named_switch import CHURN, _churn, _competitor

from tracetopics_pipeline.core.facets.summarizers.local.rules import apply_rules

_FIRED = ("HIGH", "CRITICAL")


@pytest.mark.parametrize(
    "text",
    [
        "we arent renewing, sorry",
        "we wont renew our plan with you",
        "They arent renewing the subscription for the team.",
        "Our subscription with you won't be renewed next quarter.",
        "the membership we have with your club isnt being renewed",
        "Our licence with you guys is not going to be renewed.",
    ],
)
def test_not_renewing_however_typed(text: str) -> None:
    assert _churn(text) == "CRITICAL", text


@pytest.mark.parametrize(
    "text",
    [
        "We might go with someone else after the summer.",
        "Our firm may well go with a different provider.",
        "i might go w another bank tbh",
        "We're considering going with a competitor.",
        "Might go with another supplier if prices rise again.",
    ],
)
def test_someone_else_weighed_is_high(text: str) -> None:
    assert _churn(text) == "HIGH", text


@pytest.mark.parametrize(
    "text",
    [
        "Don't switch me to monthly just cancel my membership",
        "dont switch my plan i want to close my account",
        "please dont end the chat we're cancelling our subscription",
    ],
)
def test_a_run_on_negation_of_another_act_leaves_the_cancel(text: str) -> None:
    assert _churn(text) == "CRITICAL", text


@pytest.mark.parametrize(
    "text",
    [
        "The agency went with a competitor. Set the opportunity to lost.",
        "The business has chosen another vendor. Please log the loss reason as pricing.",
        "the company went with someone else\nmark it closed lost",
    ],
)
def test_the_crm_veto_reads_on_to_the_next_sentence(text: str) -> None:
    assert _churn(text) not in _FIRED, text


@pytest.mark.parametrize(
    "text",
    [
        "We aren't renewing the van insurance policy, how do I remove it from the asset register?",
        "I never asked you to close my account, please reopen it.",
        "pls dont go ahead and delete my account i only want a new email",
        "Please don't just cancel my account, move me to the free plan.",
        "My manager might go with someone else to the awards dinner.",
    ],
)
def test_rule_fixes_that_must_not_fire(text: str) -> None:
    assert _churn(text) not in _FIRED, text


@pytest.mark.parametrize(
    "text",
    [
        # look-alikes that did not fire before and must not now
        "our lease with the landlord wont be renewed, where do i change the address",
        "The customer might go with another supplier, how do I flag the account?",
        "We're not going with someone else, we just need the bug fixed.",
        "Our domain with you isnt renewing automatically, can you check auto-renew?",
        "If we went with someone else would we keep our data?",
    ],
)
def test_look_alikes_stay_quiet(text: str) -> None:
    assert _churn(text) not in _FIRED, text


@pytest.mark.parametrize(
    ("text", "label"),
    [
        # the veto reads only the third party's reading: the user's own cancel still leaves
        ("The company went with a competitor. Please cancel our subscription too.", "CRITICAL"),
        # a relationship not renewed with a record question stays churn when it is the user's
        ("We aren't renewing our plan, please remove my card from the account.", "CRITICAL"),
        # a decision stays a decision: no weighing word in the match
        ("Our company is going with someone else.", "CRITICAL"),
    ],
)
def test_guards_that_still_leave(text: str, label: str) -> None:
    assert apply_rules(text, CHURN)[1] == label, text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("gonna jump ship to tidal, this is a joke", "Tidal"),
        ("we gonna switch 2 monzo cuz yall too slow", "Monzo"),
        ("finna jump to podio, u guys way too expensive", "Podio"),
        ("imma move 2 xero, this is a mess", "Xero"),
    ],
)
def test_slang_leaving_for_an_unlisted_name(text: str, name: str) -> None:
    assert _churn(text) == "CRITICAL", text
    assert _competitor(text) == name, text


@pytest.mark.parametrize(
    "text",
    [
        "imma jump to the next lesson, yall too slow",
        "finna switch 2 the annual plan",
        "lol switchin 2 dark theme",
        "thank you too, bye",
        "this is a mess, can you fix the export",
        "imma switch 2 tidal for music, the playlist import works great",
    ],
)
def test_slang_look_alikes(text: str) -> None:
    assert _churn(text) not in _FIRED, text
    assert _competitor(text) == "NONE", text


@pytest.mark.parametrize(
    "text",
    [
        "nothing against you, we're just cancelling the service",
        "no need for a survey, cancel the plan today",
        "We are cancelling the service, effective immediately.",
    ],
)
def test_the_plan_or_service_cancelled_with_nothing_after(text: str) -> None:
    assert _churn(text) == "CRITICAL", text


@pytest.mark.parametrize(
    "text",
    [
        "Please cancel the service on Friday, I will be away.",
        "I want to cancel the plan for the team offsite.",
        "cancel the service appointment please",
        "We're cancelling the service call, the engineer fixed it remotely.",
    ],
)
def test_a_booked_service_or_a_plan_for_something_stays_quiet(text: str) -> None:
    assert _churn(text) not in _FIRED, text
