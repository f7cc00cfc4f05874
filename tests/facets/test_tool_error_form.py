"""Issues summaries of failed tool calls state the tool and the class of its error in one fixed
short form (issue 12, review rv10 M-5), whatever shape the reply has: "get_account returned HTTP
503", "export_dashboard timed out", "get_sso_config raised ConnectionResetError",
"export_dashboard returned permission denied". Instance details (a workspace, an id, a line of a
traceback) stay out, so one failure reads as one text; the names read from it name the tool."""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.facets.summarizers.local.issues import (
    detect_issues,
    summarize_issues,
)
from tracetopics_pipeline.core.facets.tool_error import call_class
from tracetopics_pipeline.core.topics.labels.cleaning import labelled_text
from tracetopics_pipeline.core.topics.labels.grammar import label_problems


def _convo(tool: str, reply: str, answer: str = "Here are the steps instead.") -> list[dict]:
    return [
        {"role": "user", "content": "Can you check my account?"},
        {
            "role": "assistant",
            "content": "",
            "tool_calls": [{"id": "c1", "function": {"name": tool, "arguments": "{}"}}],
        },
        {"role": "tool", "tool_call_id": "c1", "content": reply},
        {"role": "assistant", "content": answer},
    ]


def _detail(tool: str, reply: str, answer: str = "Here are the steps instead.") -> str:
    summary, _ = summarize_issues(detect_issues(_convo(tool, reply, answer)))
    part = next(p for p in summary.split("; ") if p.startswith("Failed tool call: "))
    return part.removeprefix("Failed tool call: ").split(" (+")[0]


@pytest.mark.parametrize(
    ("reply", "want"),
    [
        ('{"error": "upstream_unavailable", "status": 503}', "get_account returned HTTP 503"),
        ("Error: HTTP 502 Bad Gateway from get_account", "get_account returned HTTP 502"),
        ('{"error": {"code": 500, "message": "Internal Server Error"}}', "get_account returned HTTP 500"),
        ("HTTP/1.1 500 Internal Server Error", "get_account returned HTTP 500"),
        ('{"status_code": 429, "error": "rate_limited"}', "get_account returned HTTP 429"),
        # a refused permission, however it is said
        ('{"status": 403, "error": "permission denied for workspace acme"}',
         "get_account returned permission denied"),
        ("Error: access denied for user 4411", "get_account returned permission denied"),
        ("PermissionError: [Errno 13] Permission denied: '/srv/exports/q3.csv'",
         "get_account returned permission denied"),
        ('{"error": "Forbidden", "code": 403}', "get_account returned permission denied"),
        ("401 Unauthorized", "get_account returned permission denied"),
        # an exception: the class raised, the last line of a traceback, a specific one before a
        # generic "Exception"
        ('Traceback (most recent call last):\n  File "tools/get_account.py", line 88, in run\n'
         "ConnectionResetError: [Errno 104] Connection reset by peer",
         "get_account raised ConnectionResetError"),
        ("Exception: KeyError('workspace_id') while running get_account",
         "get_account raised KeyError"),
        ("java.lang.IllegalStateException: pool closed", "get_account raised IllegalStateException"),
        # a timeout
        ("TimeoutError: get_account did not respond within 30s", "get_account timed out"),
        ('{"error": "timeout", "detail": "get_account timed out after 30000 ms"}',
         "get_account timed out"),
        ("connect ETIMEDOUT 10.0.0.5:443", "get_account timed out"),
        ('{"status": 504, "error": "gateway"}', "get_account timed out"),
        # a message of its own: its lead words, without the instance's details
        ("Error: payment method not found for customer 77", "get_account returned 'payment method not found'"),
        ('{"ok": false, "error": "quota_exceeded", "project": "p-17"}', "get_account returned 'quota exceeded'"),
    ],
)  # fmt: skip
def test_a_failed_call_is_summarized_as_its_tool_and_error_class(reply, want):
    assert _detail("get_account", reply) == want


def test_one_failure_said_for_two_customers_is_one_text():
    a = _detail(
        "export_dashboard", '{"status": 403, "error": "permission denied for workspace acme"}'
    )
    b = _detail(
        "export_dashboard", '{"status": 403, "error": "permission denied for workspace hooli"}'
    )
    assert a == b == "export_dashboard returned permission denied"


@pytest.mark.parametrize(
    ("answer", "want"),
    [
        ("Sorry, something went wrong while I tried that.", "lookup_order failed"),
        ("Sorry, I'm having trouble with the order system right now.", "lookup_order failed"),
        ("The order service timed out, sorry. Let me try again later.", "lookup_order timed out"),
        ("Sorry, I wasn't able to open it: I don't have permission to access that order.",
         "lookup_order returned permission denied"),
    ],
)  # fmt: skip
def test_a_failure_the_agent_reports_names_the_tool_it_called(answer, want):
    """The reply looked fine; the agent says the call failed. The tool is the one just called."""
    summary, _ = summarize_issues(detect_issues(_convo("lookup_order", '{"id": 5}', answer)))
    assert want in summary, summary


@pytest.mark.parametrize(
    ("summary", "name"),
    [
        ("Failed tool call: get_account returned HTTP 503", "HTTP 503 in account lookup"),
        ("Failed tool call: export_dashboard returned permission denied",
         "Permission denied in export dashboard"),
        ("Failed tool call: get_sso_config raised ConnectionResetError",
         "ConnectionResetError in SSO config lookup"),
        ("Timeout: export_dashboard timed out (+1 more)", "export dashboard timed out"),
        ("Failed tool call: lookup_order failed (agent reported 'something went wrong')",
         "Failed order lookup"),
        ("Failed tool call: escalate_to_human failed (agent reported \"I'm unable to issue\")",
         "Failed handover to a human"),
        ("Failed tool call: get_account returned 'quota exceeded'", "Quota exceeded in account lookup"),
    ],
)  # fmt: skip
def test_the_name_read_from_the_short_form_names_the_tool_and_what_happened(summary, name):
    key = "timeout" if summary.startswith("Timeout") else "failed_tool_call"
    got = labelled_text(summary, key).split(": ", 1)[-1]
    assert got == name
    assert 2 <= len(got.split()) <= 6
    assert not label_problems(got[0].upper() + got[1:]), label_problems(got)


# ---------------------------------------------------------------- error classes (issue 12)
# A tool's failures split by the fix a person files them under: several phrasings of each class,
# in the short form's words and in raw replies quoted after "returned".
CLASS_CASES = [
    # server errors: any 5xx, however the reply says it
    ("get_account returned HTTP 503", ("get_account", "server error")),
    ("get_account returned HTTP 500 (+1 more)", ("get_account", "server error")),
    ("fetch_invoice returned 'upstream unavailable'", ("fetch_invoice", "server error")),
    ("fetch_invoice returned 'service unavailable'", ("fetch_invoice", "server error")),
    ("fetch_invoice raised InternalServerError", ("fetch_invoice", "server error")),
    # permission
    ("export_dashboard returned permission denied", ("export_dashboard", "permission denied")),
    ("export_dashboard returned HTTP 401", ("export_dashboard", "permission denied")),
    ("export_dashboard raised AccessDeniedException", ("export_dashboard", "permission denied")),
    ("export_dashboard returned 'insufficient scopes'", ("export_dashboard", "permission denied")),
    # a credential refused is an auth failure, not a bad request (attack17: 'invalid token' read
    # as invalid request)
    ("get_patient returned 'invalid token'", ("get_patient", "permission denied")),
    ("get_patient returned 'token expired'", ("get_patient", "permission denied")),
    ("get_patient returned 'invalid api key'", ("get_patient", "permission denied")),
    ("get_patient returned 'bad credentials'", ("get_patient", "permission denied")),
    ("get_patient returned 'expired access token'", ("get_patient", "permission denied")),
    ("book_table returned 'invalid key in payload'", ("book_table", "invalid request")),
    # not found
    ("lookup_order returned HTTP 404", ("lookup_order", "not found")),
    ("lookup_order raised FileNotFoundError", ("lookup_order", "not found")),
    ("lookup_order returned 'no such order'", ("lookup_order", "not found")),
    ("lookup_order returned 'record does not exist'", ("lookup_order", "not found")),
    ("lookup_order returned 'unknown customer'", ("lookup_order", "not found")),
    # rate limits
    ("send_sms returned HTTP 429", ("send_sms", "rate limited")),
    ("send_sms returned 'too many requests'", ("send_sms", "rate limited")),
    ("send_sms raised ThrottlingException", ("send_sms", "rate limited")),
    ("send_sms returned 'quota exceeded'", ("send_sms", "rate limited")),
    # validation
    ("book_table returned HTTP 422", ("book_table", "invalid request")),
    ("book_table returned HTTP 400", ("book_table", "invalid request")),
    ("book_table raised ValidationError", ("book_table", "invalid request")),
    ("book_table returned 'missing required field'", ("book_table", "invalid request")),
    ("book_table returned 'malformed date'", ("book_table", "invalid request")),
    ("get_dataset_schema returned 'schema mismatch'", ("get_dataset_schema", "invalid request")),
    # a word of the tool's name or of a thing is no class ("schema" alone, "unavailable" items)
    ("get_dataset_schema raised ConnectionResetError", ("get_dataset_schema", "ConnectionResetError")),
    ("get_dataset_schema returned 'schema'", None),
    # timeouts
    ("search_docs timed out", ("search_docs", "timed out")),
    ("search_docs returned HTTP 504", ("search_docs", "timed out")),
    ("search_docs raised DeadlineExceeded", ("search_docs", "timed out")),
    # an exception that says no class is its own; another status its own
    ("get_sso_config raised ConnectionResetError", ("get_sso_config", "ConnectionResetError")),
    ("get_sso_config raised KeyError (+2 more)", ("get_sso_config", "KeyError")),
    ("charge_card returned HTTP 409", ("charge_card", "HTTP 409")),
    # a message's lead words that read as no class are no class (cut phrases: tau's "payment
    # amount does not [add up]", "flight [HAT030 not available]")
    ("charge_card returned 'card declined'", None),
    ("charge_card returned 'insufficient funds'", None),
    ("charge_card returned 'unknown error'", None),
    ("book_reservation returned 'payment amount does not'", None),
    # a raw reply after "returned" is read as the summarizer reads one
    ('Failed tool call: get_account returned {"error": "not_found", "status": 404}',
     ("get_account", "not found")),
    ("Failed tool call: get_account returned Error: HTTP 502 Bad Gateway", ("get_account", "server error")),
    # no class: nothing to split by
    ("lookup_order failed", None),
    ("lookup_order failed (agent reported 'I could not open it')", None),
    ("The user asked for a refund twice", None),
]  # fmt: skip


@pytest.mark.parametrize(("summary", "want"), CLASS_CASES, ids=[c[0][:50] for c in CLASS_CASES])
def test_a_failed_call_reads_back_as_its_tool_and_error_class(summary, want):
    assert call_class(summary) == want


def test_every_summary_form_reads_back_with_its_class():
    """What the summarizer writes, `call_class` reads: the writer and the reader agree."""
    for reply, cls in [
        ('{"error": "upstream_unavailable", "status": 503}', "server error"),
        ('{"status": 403, "error": "permission denied for workspace acme"}', "permission denied"),
        ('{"error": "rate_limited", "status": 429, "retry_after": 30}', "rate limited"),
        ('{"error": {"code": 404, "message": "order 118 not found"}}', "not found"),
        ('{"detail": "validation failed: email is invalid", "status": 422}', "invalid request"),
        ("TimeoutError: get_account did not respond within 30s", "timed out"),
    ]:
        assert call_class(_detail("get_account", reply)) == ("get_account", cls), reply
