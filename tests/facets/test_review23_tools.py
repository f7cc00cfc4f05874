"""Reviewer findings on the session-23 tool-reply rules (issue 14), each a general rule with its
look-alikes: an error title is no proper name (a report word after the failure, an error's own
title); a share counted "out of" a total and a reading's maximum are no rate limit; a year is no
reference and the no-record phrase needs its reference in the same sentence; not knowing yet and
keeping one's opinion are no refusal; a question for the agent who can help asks for a person."""

from __future__ import annotations

import json

import pytest

from tracetopics_pipeline.core.facets.preprocess import is_error_reply
from tracetopics_pipeline.core.facets.summarizers.local.form_classifier import FormClassifier
from tracetopics_pipeline.core.facets.summarizers.local.issues import detect_issues, refused


def _reply(text: str) -> dict:
    return {"role": "tool", "name": "lookup", "content": text}


def _categories(reply: str) -> set[str]:
    fn = {"name": "run_task", "arguments": json.dumps({"q": "x"})}
    msgs = [
        {"role": "user", "content": "Please run the nightly export."},
        {"role": "assistant", "content": None, "tool_calls": [{"id": "c0", "function": fn}]},
        {"role": "tool", "tool_call_id": "c0", "name": "run_task", "content": reply},
        {"role": "assistant", "content": "Here is what I found."},
    ]
    return {i.category for i in detect_issues(msgs)}


@pytest.mark.parametrize(
    "text",
    [
        "Task Timed Out After 900.00 Seconds",
        "Connection Timed Out After 30s (host db-1)",
        "Request Timed Out While Waiting For Lock, 45s",
        "Job Timed Out Waiting On Worker 3",
    ],
)
def test_a_timeout_titled_with_a_report_word_after_it_is_a_timeout(text: str) -> None:
    assert {"Failed tool call", "Timeout"} <= _categories(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Fatal Error: Out of Memory (exit 137)",
        "Error: Disk Quota Full, 2 of 2 volumes",
        "Fatal Error: Worker Pool Exhausted (pid 4411)",
    ],
)
def test_an_errors_own_title_is_no_proper_name(text: str) -> None:
    assert is_error_reply(_reply(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "Timed Out Fitness, 12 High St, open till 9",
        "Forbidden Planet, 179 Shaftesbury Ave",
        "Timeout Bar & Grill, 3 Stadium Way",
        "Fatal Attraction, 1987, 119 min",
        "Fatal Error Records, 14 Mill Lane, open 10-6",
        "Access Denied by Night (Orbit Books, 2019), 280 pages",
        "Timeout Boxing Club, Unit 4, classes from 7:00",
    ],
)
def test_names_holding_error_words_stay_names(text: str) -> None:
    assert not is_error_reply(_reply(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "You have 200 out of 500 credits remaining.",
        "Shipped 3 out of 10 units; 7 on backorder.",
        "Used 40 out of 100 tokens in the prompt.",
        "Temperature hit the maximum of 41C at station KX12 today.",
        "The river reached its maximum height of 4.2 m on Tuesday.",
        "Sensor 7 hit the max reading of 912 hPa at 14:00.",
    ],
)
def test_a_share_or_a_readings_maximum_is_no_rate_limit(text: str) -> None:
    assert not is_error_reply(_reply(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "You're out of credits for this billing cycle.",
        "You have reached the maximum number of messages per day.",
        "Your team has reached the maximum of 500 exports per day.",
        "You have hit the maximum allowed calls for this key.",
    ],
)
def test_limits_used_up_stay_rate_limits(text: str) -> None:
    assert is_error_reply(_reply(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "Ticket TCK-1042 created successfully. No information about the device was provided.",
        "Order ORD-5531 updated. No data on the courier yet.",
        "No data for 2023.",
        "No entries recorded for March 2024.",
        "No records for fiscal 2019.",
    ],
)
def test_a_year_or_a_reference_in_another_sentence_is_no_missing_record(text: str) -> None:
    assert not is_error_reply(_reply(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "We have no record of booking ABC123.",
        "Nothing on file for VIN 1HGCM82633A004352",
        "DN-7741 returned no record.",
        "No entries for order 2024-77812.",
    ],
)
def test_no_record_of_the_reference_named_stays_a_failure(text: str) -> None:
    assert is_error_reply(_reply(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "I'm not in a position to say yet; the airline hasn't updated the flight status.",
        "We're not in a position to know until the carrier scans the parcel.",
        "I'm not in a position to confirm that right now, the system is still syncing.",
        "That isn't information I'm able to give until the audit closes tomorrow.",
        "I must decline to speculate, but the refund was issued today.",
        "I have to decline to comment on the investigation; your card was replaced.",
    ],
)
def test_not_knowing_yet_or_keeping_an_opinion_is_no_refusal(text: str) -> None:
    assert not refused(text), text


@pytest.mark.parametrize(
    "text",
    [
        "I'm not in a position to share account details.",
        "I'm not in a position to say.",
        "That isn't information I'm able to give.",
        "I must decline to do that.",
        "I have to decline that request.",
    ],
)
def test_refusals_stay_refusals(text: str) -> None:
    assert refused(text), text


@pytest.mark.parametrize(
    "text",
    ["Which agent can help me with this?", "Who can help us with that?"],
)
def test_asking_who_can_help_with_this_asks_for_a_person(text: str) -> None:
    assert not FormClassifier.asks_who(text), text


@pytest.mark.parametrize(
    "text",
    ["Who can help me with reserving a seat?", "Which technician fixed my boiler last week?"],
)
def test_asking_who_helps_with_a_named_matter_is_a_question(text: str) -> None:
    assert FormClassifier.asks_who(text), text
