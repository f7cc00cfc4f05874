"""Tool replies the Issues rules misread until session 22 (issue 14): a scope or permission
refused in an API's own words, a rate limit as a request rate, a lookup by reference that found
nothing; and what must not read as a failure, a refusal or a loop — a rule a rules tool returns,
readings whose names hold failure words, a count checked twice, one tool with new arguments.
Several phrasings each, written for these rules (the held-out figures are in
bench/tool_replies_set22.py)."""

from __future__ import annotations

import json

import pytest

from tracetopics_pipeline.core.facets.preprocess import call_key, is_error_reply
from tracetopics_pipeline.core.facets.summarizers.local.issues import detect_issues


def _reply(text: str, name: str = "lookup") -> dict:
    return {"role": "tool", "name": name, "content": text}


def _convo(ask: str, calls: list[tuple[str, dict, str]], answer: str) -> list[dict]:
    msgs: list[dict] = [{"role": "user", "content": ask}]
    for n, (name, args, reply) in enumerate(calls):
        fn = {"name": name, "arguments": json.dumps(args)}
        msgs.append(
            {"role": "assistant", "content": None, "tool_calls": [{"id": f"c{n}", "function": fn}]}
        )
        msgs.append({"role": "tool", "tool_call_id": f"c{n}", "name": name, "content": reply})
    msgs.append({"role": "assistant", "content": answer})
    return msgs


def _categories(msgs: list[dict]) -> set[str]:
    return {i.category for i in detect_issues(msgs)}


@pytest.mark.parametrize(
    "text",
    [
        "insufficient_scope: token lacks read:orders",
        "The caller does not have permission",
        "The access token provided does not contain the required scopes.",
        "Your API key doesn't have the required permission for this endpoint.",
        "Resource not accessible by integration",
        "Resource not accessible by personal access token",
        'pods is forbidden: User "system:serviceaccount:ci:bot" cannot list resource "pods"',
        "missing_scope (needed: files:read, provided: chat:write)",
        "invalid_auth",
        "The client 'ops@contoso.com' with object id '77' does not have authorization to perform "
        "action 'Microsoft.Web/sites/read'",
        "Your role is not allowed to edit dashboards",
    ],
)
def test_a_scope_or_permission_refused_in_an_apis_words_is_a_failure(text: str) -> None:
    assert is_error_reply(_reply(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "SlowDown: Please reduce your request rate.",
        "Please reduce the request rate and try later",
        "Exceeded 2 calls per second for api client.",
        "You exceeded 100 requests per minute",
        "Usage limit reached: 2,500 geocoding requests per day.",
    ],
)
def test_a_rate_said_as_a_request_rate_is_a_failure(text: str) -> None:
    assert is_error_reply(_reply(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "No order with ID 88123.",
        "There is no employee with badge number 20931 in the directory.",
        "No account with email mia@example.com",
        "We could not locate a booking under reference QX7P2.",
        "We were unable to find a parcel with tracking number RX-7781",
        "Ticket #4471 has been deleted or never existed.",
        "user_not_found",
    ],
)
def test_a_lookup_by_reference_that_found_nothing_is_a_failure(text: str) -> None:
    assert is_error_reply(_reply(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "No orders for this account.",
        "No orders found for this customer in the last 30 days.",
        "We could not find any flights for the number of passengers you gave.",
        "No rooms with a sea view left on the 24th.",
        "There is no charge for the first 3 exports.",
    ],
)
def test_an_empty_result_is_no_failure(text: str) -> None:
    assert not is_error_reply(_reply(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "Error budget remaining: 73% (SLO 99.9%)",
        "Failed payments this month: 2 of 310",
        "Errors: 0; warnings: 3",
        "Denied claims this quarter: 14",
        "error_count: 0",
        "missing_items: 3",
    ],
)
def test_readings_named_by_failure_words_are_data(text: str) -> None:
    assert not is_error_reply(_reply(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "Error: 404",
        "Status: 503",
        "Error code: 500",
        "Retry after: 30",
        "ftp error: 530 login incorrect",
        "InsufficientBalance: 2.00 < 9.99",
        "ECONNREFUSED 127.0.0.1:5432",
    ],
)
def test_a_status_or_error_head_with_a_number_stays_a_failure(text: str) -> None:
    assert is_error_reply(_reply(text)), text


@pytest.mark.parametrize(
    ("tool", "text"),
    [
        ("get_role", "Role 'viewer': the role is not allowed to edit dashboards"),
        ("get_role", "Role 'trainee': the role does not have permission to issue refunds."),
        ("get_terms", "Section 4: you are not allowed to resell tickets above face value."),
        ("hotel_policy", "Smoking is forbidden: a 200 EUR cleaning fee applies."),
        ("check_eligibility", "Not eligible: you are not allowed to request a limit increase yet."),
        ("lookup", "Contractor: the role is not permitted to approve purchase orders."),
    ],
)
def test_a_rule_a_rules_tool_returns_is_no_failure(tool: str, text: str) -> None:
    assert not is_error_reply(_reply(text, tool)), (tool, text)


@pytest.mark.parametrize(
    ("tool", "text"),
    [
        ("get_role", "The caller does not have permission"),
        ("get_policy", "Error: you are not allowed to read this policy"),
        ("get_role_permissions", "PERMISSION_DENIED: token lacks iam.roles.get"),
        ("update_role", "You are not allowed to change roles"),
        ("edit_dashboard", "You are not allowed to edit dashboards"),
    ],
)
def test_a_rules_tool_refused_itself_or_a_setter_refused_is_a_failure(tool: str, text: str) -> None:
    assert is_error_reply(_reply(text, tool)), (tool, text)


@pytest.mark.parametrize(
    ("tool", "number", "answer"),
    [
        ("count_orders", "404", "404 orders this week; I counted twice to be sure."),
        ("get_invoice_total", "500", "The total is 500 EUR."),
        ("get_seat_count", "400", "LS 431 has 400 seats."),
    ],
)
def test_a_count_checked_twice_and_read_back_is_data(tool: str, number: str, answer: str) -> None:
    calls = [(tool, {"id": 7}, number), (tool, {"id": 7}, number)]
    assert _categories(_convo("How many?", calls, answer)) == set()


def test_a_retry_whose_number_the_agent_never_reads_back_stays_a_failure() -> None:
    calls = [("count_seats", {"row": "F"}, "503"), ("count_seats", {"row": "F"}, "12")]
    assert "Failed tool call" in _categories(_convo("Seats in row F?", calls, "Row F has 12."))


def test_one_tool_with_new_arguments_is_no_loop() -> None:
    calls = [("get_order_status", {"order": n}, "shipped") for n in (11, 12, 13)]
    assert _categories(_convo("Have 11, 12, 13 shipped?", calls, "All shipped.")) == set()


def test_the_same_call_with_its_keys_reordered_is_the_same_call() -> None:
    a, b = {"repo": "acme/api", "number": 88}, {"number": 88, "repo": "acme/api"}
    assert call_key("get_pull", json.dumps(a)) == call_key("get_pull", json.dumps(b))
    assert call_key("get_pull", json.dumps(a)) != call_key("get_pull", json.dumps({"number": 89}))
    calls = [("get_pull", args, '{"state": "open"}') for args in (a, b, a)]
    assert "Loop" in _categories(_convo("PR 88?", calls, "It's open."))


@pytest.mark.parametrize(
    ("ask", "answer"),
    [
        ("Make Tom an admin.", "That's not something I'm able to do: roles go through the owner."),
        (
            "Reset her password.",
            "Sorry, resetting another person's password isn't something I can do.",
        ),
        ("Delete Monday's audit log entries.", "I'm not going to delete audit log entries."),
        ("Can you waive the late fee?", "I won't be able to waive that fee."),
        ("Tell me if I can sue my landlord.", "I'm afraid I can't give legal advice on that."),
    ],
)
def test_the_agent_declining_is_a_refusal(ask: str, answer: str) -> None:
    msgs = [{"role": "user", "content": ask}, {"role": "assistant", "content": answer}]
    assert "Refusal" in _categories(msgs), answer


@pytest.mark.parametrize(
    ("ask", "answer"),
    [
        ("Will you charge me twice for this?", "No, I'm not going to charge you twice."),
        ("Don't cancel my order after all.", "Okay, I won't cancel it."),
        ("Delete my account.", "I won't delete anything until you confirm by email."),
        ("Can I change my basic economy flight?", "Basic economy tickets can't be changed."),
        ("Where is order 5512?", "I'm afraid I can't find order 5512; could you check it?"),
        ("Is the spa open?", "That's not something I can see from here, but the desk knows."),
    ],
)
def test_an_answer_a_promise_or_a_lookup_is_no_refusal(ask: str, answer: str) -> None:
    msgs = [{"role": "user", "content": ask}, {"role": "assistant", "content": answer}]
    assert "Refusal" not in _categories(msgs), answer
