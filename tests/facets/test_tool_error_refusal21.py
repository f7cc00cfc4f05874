"""A permission refused in a tool's words (fresh batch 20, `preprocess._NOT_ALLOWED`) is one
refusal, not a rule for anyone ("Policy: a user is not allowed to ...") nor records a search
returned ("3 events where access was denied"): those are data about refusals (session 21
adversary). Several phrasings each, and refusals that must still count."""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.facets.preprocess import is_error_reply


def _tool(text: str) -> dict:
    return {"role": "tool", "content": text}


@pytest.mark.parametrize(
    "text",
    [
        "Policy: a user is not allowed to transfer more than 5 passes per month.",
        "Rule 4: an account is not permitted to hold two plans at once.",
        "Terms found. A client is not allowed to resell seats; discounts apply yearly.",
        "Audit log: 3 events where access was denied last week (all from IP 10.0.0.4).",
        "Found 12 requests where permission was denied, see the attached report.",
        "Login history: 2 attempts where access was denied from new devices, 40 allowed",
    ],
)
def test_a_rule_or_records_about_refusals_is_data(text: str) -> None:
    assert not is_error_reply(_tool(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "Error: the user is not allowed to export this report",
        "Access denied for installer account svc-7",
        "remote: Permission to acme/api.git denied to bot-agent.",
        "Operation not permitted (EPERM)",
        "You are not authorized to view records in this project",
        "Request failed: this token is not permitted to write",
    ],
)
def test_a_refusal_still_counts(text: str) -> None:
    assert is_error_reply(_tool(text)), text
