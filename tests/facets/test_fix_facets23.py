"""Precision holes the adversarial pass of session 23 found in that session's facet rules.

- A record about a past error is data, not a failed call: a changelog, release notes, a
  postmortem, a history, or a ticket / incident / bug marked resolved, fixed or closed
  ("Incident INC-3312 (resolved): upstream returned 503"), and an error counted as none ("0 jobs
  failed with TimeoutError"). The call's own failure stays one ("upstream raised
  ConnectionResetError(...)", "Order 8812 not found", "Ticket #4411 (closed): update failed: ...").
- A third party's organisation choosing another provider in a sentence that records it in a CRM
  ("The company went with a competitor, mark the deal lost") is no churn of the user's; "Our
  company is going with someone else" still is.
- A negation whose verb comes after an aside set off by commas ("Please don't, under any
  circumstances, cancel my subscription") negates it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tracetopics_pipeline.core.facets.preprocess import is_error_reply

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
from churn_leftovers_set21 import read  # noqa: E402
from held_out import user  # noqa: E402


def _fails(text: str) -> bool:
    return bool(is_error_reply({"role": "tool", "name": "lookup", "content": text}))


@pytest.mark.parametrize(
    "text",
    [
        "Changelog: fixed a bug where export raised KeyError when the sheet was empty.",
        "Changelog v2.4.1: Fixed an issue where sync failed with TimeoutError on large folders.",
        "Release notes 3.2: fixed crash where the importer threw NullPointerException.",
        "Ticket #4411 (closed): checkout crashed with NullPointerException after the coupon step.",
        "Ticket 8812 — status: closed. Customer reported the app crashed with OutOfMemoryError.",
        "Incident INC-3312 (resolved): upstream returned 503 for 12 minutes.",
        "Incident INC-2201 — resolved. The API returned HTTP 500 between 09:10 and 09:25.",
        "Postmortem: the nightly job failed with TimeoutError because the replica lagged.",
        "Postmortem for INC-3312: the API returned 503 for 40 minutes.",
        "Incident review: on Nov 3 the worker threw OutOfMemoryError; fixed by raising the limit.",
        "Known issue KI-77 (resolved): uploads failed with TimeoutError on files over 2 GB.",
        "History: on 2026-11-02 the payment sync raised ConnectionResetError; fixed in 4.1.",
        "Bug BUG-2210 [fixed]: login threw IllegalStateException on logout.",
        "Issue #88 was resolved: the worker crashed with OutOfMemoryError during export.",
        "0 jobs failed with TimeoutError in the last 24 hours.",
        "Zero requests returned 503 today.",
        "No jobs failed with TimeoutError this week.",
    ],
)
def test_a_record_about_a_past_error_is_data(text: str) -> None:
    assert not _fails(text), text


@pytest.mark.parametrize(
    "text",
    [
        "upstream raised ConnectionResetError(104, 'Connection reset by peer')",
        "Order 8812 not found",
        "job failed with OutOfMemoryError",
        "3 jobs failed with TimeoutError",
        "1 job failed with TimeoutError, 0 jobs skipped",
        "Sync aborted: upstream returned 503",
        "Ticket #4411 update failed with PermissionDenied",
        "Ticket #4411 (open): checkout crashed with NullPointerException",
        "Incident INC-9 (investigating): upstream returned 503",
        "Ticket #4411 (closed): update failed: permission denied",
        "Changelog: failed to load: upstream returned 503",
        "History unavailable: upstream returned 503",
        "Case 77 could not be resolved: upstream returned 503",
        "No response: upstream returned 503",
    ],
)
def test_the_calls_own_failure_stays_one(text: str) -> None:
    assert _fails(text), text


@pytest.mark.parametrize(
    "text",
    [
        "The company went with a competitor, mark the deal lost",
        "Acme said the company is going with someone else; close the opportunity.",
        "the school went with another supplier, set the lead to lost",
        "The hospital picked a different vendor, record it on the account.",
        "The business has gone with a rival, move the opp to closed-lost.",
    ],
)
def test_a_customers_organisation_leaving_in_a_crm_record_is_no_churn(text: str) -> None:
    assert read(user(text))[0] == "LOW", text


@pytest.mark.parametrize(
    "text",
    [
        "Our company is going with someone else.",
        "The firm went with someone else for our payroll.",
        "The company went with a competitor, so cancel our subscription.",
        "The company went with a competitor, mark the deal lost and cancel our subscription.",
        "Our company is going with someone else, please close our account and note the reason.",
        "Please, under any circumstances, cancel my subscription today",
        "I don't care anymore, honestly, just cancel my subscription",
        "Don't bother, seriously, cancel my subscription",
        "I'm not happy, frankly, cancel my subscription",
    ],
)
def test_the_user_leaving_stays_critical(text: str) -> None:
    assert read(user(text))[0] == "CRITICAL", text


@pytest.mark.parametrize(
    "text",
    [
        "Please don't, under any circumstances, cancel my subscription",
        "Do NOT, whatever happens, close my account",
        "We will not, under any circumstances, be cancelling our contract",
        "I would never, ever, cancel my membership",
    ],
)
def test_a_negation_before_an_aside_vetoes_the_cancel(text: str) -> None:
    assert read(user(text))[0] == "LOW", text
