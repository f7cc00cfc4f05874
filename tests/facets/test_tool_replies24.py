"""Session 24's tool-reply rules (issue 14), each a general rule with look-alikes that must read
the other way: a JSON status under a key other than "status"; gRPC statuses as each runtime
prints them; errno messages ending a line, exit statuses, a tool's own error line; a limit used
up with words between; a first clause that ends on its failure; a reply about errors (readings
with a trend or a breakdown, a reference of codes, a status page's resolved incident, a retry
that succeeded) holds no failure and no timeout; which / who of a business's people asked to
call or be reached is an ask for a person."""

from __future__ import annotations

import json

import pytest

from tracetopics_pipeline.core.facets.preprocess import is_error_reply
from tracetopics_pipeline.core.facets.summarizers.local.handover import HUMAN_REQUEST
from tracetopics_pipeline.core.facets.summarizers.local.issues import detect_issues


def _reply(text: str) -> dict:
    return {"role": "tool", "name": "lookup", "content": text}


def _categories(reply: str, answer: str = "Here is what I found.") -> set[str]:
    fn = {"name": "lookup", "arguments": json.dumps({"q": "x"})}
    msgs = [
        {"role": "user", "content": "Can you look that up?"},
        {"role": "assistant", "content": None, "tool_calls": [{"id": "c0", "function": fn}]},
        {"role": "tool", "tool_call_id": "c0", "name": "lookup", "content": reply},
        {"role": "assistant", "content": answer},
    ]
    return {i.category for i in detect_issues(msgs)}


@pytest.mark.parametrize(
    "text",
    [
        '{"cod": 401, "message": "Invalid API key. Please see the FAQ."}',
        '{"rc": 429, "text": "Too many requests, slow down"}',
        '{"cod": 429, "message": "Key temporarily blocked for exceeding its plan"}',
        '{"errcode": 503, "errmsg": "system error, please try later"}',
        '{"Code": "NoSuchBucket", "Message": "The bucket does not exist", "BucketName": "b1"}',
        '{"responseStatus": {"errorCode": "NotFound", "message": "Rider R-118 has no session"}}',
        '{"meta": {"errorType": "invalid_auth"}, "response": {}}',
        '{"exit_code": 126, "stdout": "", "stderr": "sh: 1: ./run.sh: Permission denied"}',
        '{"stat": "fail", "code": 98, "message": "Invalid auth token"}',
    ],
)
def test_a_json_status_under_another_key_is_an_error(text: str) -> None:
    assert is_error_reply(_reply(text)), text


@pytest.mark.parametrize(
    "text",
    [
        '{"cod": 200, "name": "Portsmouth", "main": {"temp": 8.4}}',
        '{"cod": 200, "message": "3 blocked senders removed"}',
        '{"area_code": 415, "message": "Welcome to San Francisco"}',
        '{"postcode": 404, "message": "Delivered to the front desk"}',
        '{"product_code": "NoSuchThing", "title": "No Such Thing (novelty mug)"}',
        '{"errorCode": 0, "message": "ok"}',
        '{"error_count": 3, "status": "ok"}',
        '{"exit_code": 0, "stdout": "done"}',
        '{"room": 503, "building": "Arts Centre", "status": "booked"}',
    ],
)
def test_codes_of_data_are_no_error(text: str) -> None:
    assert not is_error_reply(_reply(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "<_InactiveRpcError of RPC that terminated with:\n\tstatus = StatusCode.PERMISSION_DENIED"
        '\n\tdetails = "caller lacks members.read"\n>',
        'Status(StatusCode="ResourceExhausted", Detail="Printer queue is full")',
        'status: NotFound, message: "no order for dentist Khan", details: []',
        "grpc: the client connection is closing; code = Canceled desc = context canceled",
    ],
)
def test_a_grpc_status_that_is_not_ok_is_an_error(text: str) -> None:
    assert is_error_reply(_reply(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "open /etc/wall/hours.yaml: no such file or directory",
        "[exit 2] ls: cannot access '/data/in': No such file or directory",
        'rsync: [receiver] mkstemp "/mnt/b/.x.mp4" failed: No space left on device (28)',
        "returncode=6 stdout='' stderr='curl: (6) Could not resolve host: intranet.local'",
        "write /var/lib/app/state.db: read-only file system",
    ],
)
def test_a_systems_failure_at_a_lines_end_or_an_exit_status_is_an_error(text: str) -> None:
    assert is_error_reply(_reply(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "Delivery status: Unknown",
        "Status: Unavailable until the spring restock",
        "Troubleshooting 'Permission denied (publickey)': add your key to authorized_keys.",
        "[exit 0] 14 files copied",
        "last error: none",
        "Last error: none since 2 Dec",
    ],
)
def test_status_words_and_docs_are_no_error(text: str) -> None:
    assert not is_error_reply(_reply(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "Request limit for your plan has been used up (1,000 / 1,000).",
        "Quota for 'Elements per day' for this project has been exhausted.",
        "Export limit of 10 per day already reached for this workspace.",
        "Search credits for December: all used. Buy a top-up to keep searching.",
        "Lookups remaining today: 0 of 100. Further requests will be refused until 00:00.",
    ],
)
def test_a_limit_used_up_with_words_between_is_a_failure(text: str) -> None:
    assert "Failed tool call" in _categories(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Your request limit has not been reached this month.",
        "Your allowance is nearly used up (90%).",
        "Credits were used for the order on 2 Dec.",
        "If the quota is exhausted, further requests are refused until midnight.",
        "Export limit of 10 per day; 3 used today.",
    ],
)
def test_a_limit_described_is_no_failure(text: str) -> None:
    assert "Failed tool call" not in _categories(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Call To Greenfield Dental Failed, Line Busy (Code 17)",
        "User Not Found: Kevin O'Brien (ID 7781)",
        "Payment to the supplier was rejected by the bank, ref 99120",
    ],
)
def test_a_first_clause_ending_on_its_failure_is_an_error(text: str) -> None:
    assert is_error_reply(_reply(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "Nothing failed.",
        "3 uploads failed, 97 succeeded",
        "09:14 login failed for bob; 09:15 login ok",
        "Forbidden Planet, 179 Shaftesbury Ave",
        "Service Unavailable: Stories from the On-Call Rota, ep. 42",
    ],
)
def test_counts_logs_and_names_are_no_failed_clause(text: str) -> None:
    assert not is_error_reply(_reply(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "Error count this week: 14 (down from 22 last week)",
        "Timeouts yesterday: 5, all between 14:00 and 14:20; none since.",
        "Failed logins today: 7 (4 wrong password, 3 expired links)",
        "Error codes: 400 Bad Request - the body is invalid; 401 Unauthorized - the token is "
        "missing; 429 - rate limited, retry later.",
        "2026-12-02: Booking site degraded 09:10-09:35 (timeouts on payment), resolved.",
        "Nov 22: Stream start timeouts for EU viewers, 18 min, resolved. No incidents since.",
        "Got 429 on first try, retried after 2 s; upload complete (3 files).",
        "WARN connection reset, retrying... OK: 214 rows synced.",
        "Saved on second attempt (first hit a lock timeout). Version 14.",
    ],
)
def test_a_reply_about_errors_is_no_failure_and_no_timeout(text: str) -> None:
    got = _categories(text)
    assert not got & {"Failed tool call", "Timeout"}, (text, got)


def test_an_agent_reading_out_a_resolved_incident_reports_no_timeout() -> None:
    reply = "2026-12-02: Booking API degraded 14:00-14:20 (timeouts), resolved."
    answer = "Bookings had timeouts for 20 minutes yesterday afternoon; all fine since."
    assert not _categories(reply, answer) & {"Failed tool call", "Timeout"}


@pytest.mark.parametrize(
    "text",
    [
        "Status: 503; down since 09:12",
        "2026-12-02: checkout timeouts, not resolved yet",
        "Retried 3 times, giving up: connection refused",
        "Got 503, retried; upload failed: disk full",
        "Error: attempt 2 succeeded but attempt 3 failed",
    ],
)
def test_failures_beside_those_shapes_stay_failures(text: str) -> None:
    assert _categories(text) & {"Failed tool call", "Timeout"}, text


@pytest.mark.parametrize(
    "text",
    [
        "Which of your agents can call me back today?",
        "Who on your team can ring me about the delivery?",
        "Who there can phone me this afternoon about my order?",
        "Which of your dentists can I talk to about the crown?",
        "Which of your advisers can go through the bill with me on the phone?",
    ],
)
def test_which_of_your_people_can_reach_me_asks_for_a_person(text: str) -> None:
    assert HUMAN_REQUEST.search(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Which of your agents handled my last call?",
        "Who called me from your office yesterday?",
        "Which of your apps can text me reminders?",
        "Which of the plans can I switch to?",
        "Who delivered my parcel?",
    ],
)
def test_a_question_about_a_person_or_a_thing_asks_for_no_one(text: str) -> None:
    assert not HUMAN_REQUEST.search(text), text
