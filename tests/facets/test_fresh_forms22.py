"""The Issues forms fresh batch 22 (bench/facet_robustness_batch22.py) found weak on its development
part, as general rules (issue 14, session 23): each with phrasings of our own in other domains (a
marina, a bakery chain, a ski hire, a veterinary lab, a print shop, a hostel, a museum shop, a bus
depot) and look-alikes that must not fire. None is taken from batch 22 or the demo's templates.
"""

from __future__ import annotations

import pytest
from test_fresh_forms20 import _after_tool, _issues, _reply_fails

# --- an exception named after the verb that reports it, anywhere in the reply

REPORTED_EXCEPTIONS = [
    "upstream raised ConnectionResetError(104, 'Connection reset by peer') at the marina gateway",
    "worker threw IllegalStateException while saving the bakery order",
    "the ski hire scheduler raised a TimeoutError after 30 s",
    "export job 4411 failed with OutOfMemoryError",
    "sync aborted: remote side raised PermissionError",
    "request to /hostel/beds crashed with KeyError 'dorm'",
    "the lab handler has thrown ArgumentNullException for 'sample'",
    "retry 3/3 exhausted; last attempt raised psycopg2.OperationalError",
    "print queue died with Net::ReadTimeout",
]
NOT_REPORTED = [
    "This endpoint raises ValueError when the pickup date is in the past.",
    "The client throws TimeoutException if no reply comes within 30 s (see docs).",
    "Fixed in 2.4: the importer no longer raised KeyError on empty rows.",
    "No exception was raised; 14 museum-shop rows saved.",
    "never raised ConnectionResetError in 30 days of uptime",
    "Raised by: Amy Chen. Priority: low.",
    "The depot manager raised the bus quota to 40.",
    "The job failed with an Error budget of 0.2% left, as planned by the test.",
]


@pytest.mark.parametrize("reply", REPORTED_EXCEPTIONS)
def test_an_exception_reported_by_its_verb_is_a_failed_reply(reply):
    assert _reply_fails(reply)


@pytest.mark.parametrize("reply", NOT_REPORTED)
def test_exceptions_documented_or_denied_are_no_failure(reply):
    assert not _reply_fails(reply)


# --- the agent's regret after a tool reply, with the failure hedged

HEDGED_APOLOGIES = [
    "Apologies, the berth change seems to have failed; you're still on pontoon B.",
    "Unfortunately the bakery pre-order looks to have failed, nothing shows on your account.",
    "Sorry, your ski hire change doesn't seem to have saved.",
    "Oops, the lab payment seems to have bounced on our side.",
    "Sorry, that didn't seem to take — the hostel still shows two nights.",
    "My apologies: the reprint does not appear to have gone through.",
]
NOT_HEDGED_FAILURES = [
    "Sorry for the wait, the upload seems to have worked: all 12 proofs are there.",
    "I'm afraid the hostel seems to be full on the 14th.",
    "Sorry, it looks like the bus was cancelled by the operator; you're due a refund.",
    "Apologies for the delay — the berth change seems to have gone through fine.",
]


@pytest.mark.parametrize("text", HEDGED_APOLOGIES)
def test_regret_for_an_attempt_that_seems_to_have_failed_is_a_failed_call(text):
    assert "Failed tool call" in _after_tool(text)


@pytest.mark.parametrize("text", NOT_HEDGED_FAILURES)
def test_waiting_apologies_and_answers_are_no_failed_call(text):
    assert "Failed tool call" not in _after_tool(text)


# --- an ask for a person met by a person joining or requested, or by where a person can be reached


def _answer(ask: str, reply: str) -> list[str]:
    return _issues({"role": "user", "content": ask}, {"role": "assistant", "content": reply})


MET = [
    (
        "Transfer me to a supervisor.",
        "I've requested a supervisor; Jordan will join this chat shortly.",
    ),
    ("Can I talk to a human at the marina?", "Sure — Priya will join this chat in a few minutes."),
    ("I want a real person please.", "We have just requested a specialist for the lab results."),
    (
        "can u get me a real person on the phone",
        "I can't place phone calls, but you can reach a person at 0800 555 0142, 8am-8pm.",
    ),
    (
        "Is there someone human I can speak with?",
        "Not through this chat, but you can speak to someone at the depot desk on 020 7946 0011.",
    ),
]
UNMET = [
    ("Transfer me to a supervisor.", "Supervisors oversee our support teams across three regions."),
    ("I want a real person please.", "I've requested a refund for the duplicate booking."),
    (
        "Can I talk to a human at the marina?",
        "The new booking system will join your berth and fuel invoices into one.",
    ),
    (
        "can u get me a real person on the phone",
        "Our phone line is one of many ways to contact us.",
    ),
]


@pytest.mark.parametrize(("ask", "reply"), MET)
def test_a_person_joining_requested_or_reachable_meets_the_ask(ask, reply):
    assert "Unmet escalation" not in _answer(ask, reply)


@pytest.mark.parametrize(("ask", "reply"), UNMET)
def test_talk_of_requests_and_joins_without_a_person_stays_unmet(ask, reply):
    assert "Unmet escalation" in _answer(ask, reply)
