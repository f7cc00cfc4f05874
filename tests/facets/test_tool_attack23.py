"""Tool replies, refusals and asks for a person: an adversary's cases against session 23's rules
(tool replies 6a0e903).

- A read that counts the call's own failures is a failure ("1 error: database connection
  refused", "Returned 1 error: invalid token"), not records a search returned.
- An error's title ending on its failure or on a status ("Insufficient Permissions, role viewer
  (id 7)", "Upstream Connect Error, code 503") is no proper name.
- A record found with none of something ("no record of late payments for account 40021877",
  "nothing recorded against it") is a successful read; a quota field answered no ("Limit reached:
  No") and a warning of running out are no failure.
- Declining or turning down a thing that is no ask ("turn down the thermostat", "decline cards
  that are expired", "pass on this message") is no refusal.
- "Who's in charge here?", "Who can help me?", "Where is your manager?" ask for a person.
"""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.facets.preprocess import is_error_reply
from tracetopics_pipeline.core.facets.summarizers.local.form_classifier import FormClassifier
from tracetopics_pipeline.core.facets.summarizers.local.handover import HANDOVER_ARRANGED
from tracetopics_pipeline.core.facets.summarizers.local.issues import refused


def _fails(text: str) -> bool:
    return bool(is_error_reply({"role": "tool", "name": "lookup", "content": text}))


@pytest.mark.parametrize(
    "text",
    [
        "1 error: database connection refused",
        "3 failures: timeout, timeout, 502 Bad Gateway",
        "Returned 1 error: invalid token",
        "Insufficient Permissions, role viewer (id 7)",
        "Upstream Connect Error, code 503",
    ],
)
def test_a_counted_failure_or_an_errors_title_is_a_failure(text: str) -> None:
    assert _fails(text), text


@pytest.mark.parametrize(
    "text",
    [
        "No record of late payments for account 40021877.",
        "Driver DL-5520: no record of violations in the last 5 years.",
        "No record of any incidents at site S-203 this quarter.",
        "Vehicle AB12CDE: nothing recorded against it since 2019.",
        "Limit reached: No",
        "Account status: Active. Allowance used up: no.",
        "Warning sent to user: running out of credits (80% used).",
    ],
)
def test_a_clean_record_or_a_quota_field_answered_no_is_no_failure(text: str) -> None:
    assert not _fails(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Found 12 tickets mentioning 'login failed' this week.",
        "3 incidents last month: all resolved.",
        "Error Records Ltd, 22 Vinyl Lane, est. 1994",
        "Out of Time Escape Rooms - 4 Mill St, 4.8 ★",
    ],
)
def test_records_and_names_stay_data(text: str) -> None:
    assert not _fails(text), text


@pytest.mark.parametrize(
    "text",
    [
        "We have no record of booking ABC123.",
        "usage limit reached",
        "You're out of API credits for this billing cycle.",
    ],
)
def test_no_record_and_a_quota_used_up_stay_failures(text: str) -> None:
    assert _fails(text), text


@pytest.mark.parametrize(
    "answer",
    [
        "I'll have to turn down the thermostat to 18 as you asked.",
        "I need to pass on this message to the courier.",
        "We have to refuse delivery if nobody signs, so I've set it to safe-place.",
        "I have to turn it down a notch? Sure, volume is now 40%.",
        "We must decline cards that are expired, so I used your new Visa instead.",
    ],
)
def test_declining_a_thing_that_is_no_ask_is_no_refusal(answer: str) -> None:
    assert not refused(answer), answer


@pytest.mark.parametrize(
    "answer",
    [
        "I'll have to pass on that: staff home addresses are private.",
        "I'm afraid I have to decline your request.",
        "We must refuse - that data belongs to another client.",
        "I'll have to turn that down, sorry.",
    ],
)
def test_declining_the_ask_stays_a_refusal(answer: str) -> None:
    assert refused(answer), answer


@pytest.mark.parametrize(
    "text",
    [
        "Who's in charge here?",
        "Who can help me?",
        "Who do I complain to?",
        "Where is your manager?",
        "Which supervisor can sort this out?",
        "WHO IS YOUR BOSS???",
    ],
)
def test_asking_who_takes_the_matter_over_asks_for_a_person(text: str) -> None:
    assert not FormClassifier.asks_who(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Who is the duty manager at the Bristol depot today?",
        "Could you check who my line manager is please?",
        "Which engineer is assigned to ticket 5512?",
    ],
)
def test_a_question_about_a_person_stays_one(text: str) -> None:
    assert FormClassifier.asks_who(text), text


def test_who_can_help_with_a_thing_stays_a_question() -> None:
    assert FormClassifier.asks_who("Who can help me with reserving a seat?")


@pytest.mark.parametrize(
    "text",
    [
        "Nobody will join this chat, sorry, our team is offline.",
        "No one will join you here; please email support.",
        "Who will join the call?",
        "Your guests will join the call via the link in the invite.",
        "I have requested the manager's approval for the refund.",
    ],
)
def test_no_one_joining_or_an_approval_requested_arranges_no_person(text: str) -> None:
    assert not HANDOVER_ARRANGED.search(text), text


@pytest.mark.parametrize(
    "text", ["Jordan will join this chat in 5 minutes.", "I've requested a supervisor for you."]
)
def test_a_person_joining_or_requested_is_arranged(text: str) -> None:
    assert HANDOVER_ARRANGED.search(text), text
