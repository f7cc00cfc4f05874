"""Tool replies and asks the Issues rules misread until session 23 (issue 14): an allowance or a
plan's limit used up, no record of the reference looked up, the agent declining in so many words;
and what must not read as a failure, a refusal or an ask for a person — a quota described, a
record that has none of something, a name holding error words, records about errors, a decline
said of someone else, a question about a person. Several phrasings each, written for these rules
(the held-out figures are in bench/tool_replies_set23.py)."""

from __future__ import annotations

import json

import pytest

from tracetopics_pipeline.core.facets.preprocess import is_error_reply
from tracetopics_pipeline.core.facets.summarizers.local.form_classifier import FormClassifier
from tracetopics_pipeline.core.facets.summarizers.local.issues import detect_issues, refused


def _reply(text: str, name: str = "lookup") -> dict:
    return {"role": "tool", "name": name, "content": text}


def _convo(ask: str, name: str, reply: str, answer: str) -> list[dict]:
    fn = {"name": name, "arguments": json.dumps({"q": ask[:20]})}
    return [
        {"role": "user", "content": ask},
        {"role": "assistant", "content": None, "tool_calls": [{"id": "c0", "function": fn}]},
        {"role": "tool", "tool_call_id": "c0", "name": name, "content": reply},
        {"role": "assistant", "content": answer},
    ]


def _categories(msgs: list[dict]) -> set[str]:
    return {i.category for i in detect_issues(msgs)}


@pytest.mark.parametrize(
    "text",
    [
        "Allowance exhausted for this month.",
        "You've used 100% of the plan's quota; upgrade to keep sending.",
        "Seat allowance reached: remove a member to invite another.",
        "Your team has reached the maximum of 500 exports per day.",
        "This key has hit its daily allowance.",
        "Credits depleted. Top up to continue.",
        "You're out of API credits for this billing cycle.",
        "Requests are coming too fast; slow down and retry.",
        "The project exceeded its allotted usage for this hour.",
    ],
)
def test_an_allowance_or_a_plans_limit_used_up_is_a_failure(text: str) -> None:
    assert is_error_reply(_reply(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "Plan allowance: 10,000 calls a month; 3,120 used.",
        "You have used 62% of your monthly quota.",
        "The daily cap resets at midnight UTC.",
        "Limit reached 0 times this quarter.",
        "If the allowance is exhausted, further calls wait for the next period.",
        "Credits remaining: 8,400 of 10,000.",
    ],
)
def test_a_quota_described_or_below_its_limit_is_no_failure(text: str) -> None:
    assert not is_error_reply(_reply(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "policy PL-88231: no record on file",
        "We hold no record of parcel JD0002219.",
        "Nothing on record for member 7700123.",
        "Order 55-1182 - not on file",
        "Zero entries match voucher GIFT-4410.",
        "Device SN-44A91: no data held.",
    ],
)
def test_no_record_of_the_reference_looked_up_is_a_failure(text: str) -> None:
    assert is_error_reply(_reply(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "Member 7700123: no medical notes on file.",
        "No previous bookings on record for customer C-2231.",
        "Parcel JD0002219 delivered; no signature on record.",
        "No records match your filter.",  # a search with nothing in it: no reference looked up
        "No data for 2026-12-01 yet; readings arrive at noon.",
    ],
)
def test_a_record_found_without_something_is_no_failure(text: str) -> None:
    assert not is_error_reply(_reply(text)), text


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("place_search", "Forbidden Fruit Deli, 14 Market Row, open 8-4"),
        ("film_lookup", "Fatal Instinct (1993), comedy, 90 min"),
        ("bakery_search", "Bad Request Bakery, 3 Mill St, opens 7:00"),
        ("book_search", "Access Denied: A Hacker's Memoir, 2019, 288 pages"),
        ("gym_search", "Timeout Boxing Club, Unit 9, classes from 6:30"),
    ],
)
def test_a_name_that_holds_error_words_is_no_failure(name: str, text: str) -> None:
    assert not is_error_reply(_reply(text, name)), text
    msgs = _convo("Find me one nearby.", name, text, f"Try {text.split(',')[0]}.")
    assert not _categories(msgs) & {"Failed tool call", "Timeout"}, text


@pytest.mark.parametrize(
    "text",
    [
        "Forbidden",
        "Bad Request: Missing Field 'email'",
        "Service Unavailable - Please Try Again Later",
        "Invalid API Key, 401",
        "Internal Server Error (500)",
        "Timed out after 30 s",
    ],
)
def test_an_errors_title_stays_a_failure(text: str) -> None:
    assert is_error_reply(_reply(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "Found 4 events: permission denied for bot-7 on /hr (3), token expired (1)",
        "Returned 3 rows: 502 Bad Gateway at 10:01, 10:04, 10:09",
        "Retrieved 2 records: HTTP 500 from /export at 09:10 and 09:40",
        "Showing 5 matching entries:\nERROR: disk full on node-3\nERROR: disk full on node-4",
        "Most common errors today: 429 Too Many Requests (120), 503 Service Unavailable (7)",
    ],
)
def test_records_about_errors_a_read_returned_are_no_failure(text: str) -> None:
    assert not is_error_reply(_reply(text, "log_search")), text


@pytest.mark.parametrize(
    "text",
    [
        "Error: found 0 events; the audit index is unavailable",
        "Found nothing: permission denied for this token",
    ],
)
def test_a_failure_before_any_count_stays_a_failure(text: str) -> None:
    assert is_error_reply(_reply(text, "log_search")), text


@pytest.mark.parametrize(
    "answer",
    [
        "I have to decline this request.",
        "I'm afraid I'll have to turn your request down.",
        "We must respectfully decline.",
        "I'm going to have to say no to that one.",
        "I'm declining that, since it would expose another client's data.",
        "I'm not in a position to change exam results.",
        "That's off-limits for us.",
        "No can do, sorry.",
        "That isn't information I'm allowed to share.",
    ],
)
def test_the_agent_declining_in_so_many_words_is_a_refusal(answer: str) -> None:
    assert refused(answer), answer


@pytest.mark.parametrize(
    "answer",
    [
        "Your card issuer declined the payment.",
        "You can decline the insurance at the desk.",
        "I'll pass that on to the night manager.",
        "I have to say, that went smoothly.",
        "The landlord has refused the request; you can appeal.",
        "I can't wait to see how it turns out!",
    ],
)
def test_a_decline_said_of_others_or_offered_is_no_refusal(answer: str) -> None:
    assert not refused(answer), answer


@pytest.mark.parametrize(
    "text",
    [
        "What's the name of my payroll supervisor?",
        "Who is the duty manager at the Bristol depot today?",
        "Which technician fixed my boiler last week?",
        "Whose team is Ana Ruiz on?",
        "How many agents work the weekend shift?",
        "Is Tomasz still the office manager?",
        "Can you tell me who my account representative is?",
    ],
)
def test_a_question_about_a_person_asks_for_no_person(text: str) -> None:
    assert FormClassifier.asks_who(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Who's in charge? I want them on the phone.",
        "What? I want a supervisor now.",
        "Which of your agents can call me back today?",
        "Is there a human I can chat with?",
        "Is Tomasz around? Put me through to him.",
        "Get me your manager.",
    ],
)
def test_an_ask_for_a_person_is_not_read_as_a_question_about_one(text: str) -> None:
    assert not FormClassifier.asks_who(text), text
