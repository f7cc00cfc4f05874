"""The agent reports its tool call's error in words after the call (review rv10 M-2: "The benefits
service rejected my query with a permission error, so I have no result for you." read NONE).
Phrasings written for this test; look-alikes that explain an error or report a clean result stay
no failure."""

from __future__ import annotations

import facet_robustness_set as rs
import pytest

from tracetopics_pipeline.core.facets.summarizers.local.issues import detect_issues


def _after_tool(text: str) -> list[str]:
    msgs = [
        {"role": "user", "content": "Which pension scheme am I enrolled in?"},
        *rs._tool("c1", "get_pension", rs.OK_TOOL_REPLY),
        {"role": "assistant", "content": text},
    ]
    return [i.category for i in detect_issues(msgs)]


FAILED = [
    "The pensions service rejected my lookup with an authorization error, so I can't tell you yet.",
    "The request was turned down due to a permission failure on the records API.",
    "The HR database returned a permission error when I queried your record.",
    "The scheme tool threw an authentication exception and nothing came back.",
    "I got an access denied response from the pensions system.",
    "The lookup came back with an access-denied error, sorry.",
]
CLEAN = [
    "You don't have permission to switch schemes mid-year; only HR admins can.",
    "A permission error on the portal usually means your role lacks the pensions scope.",
    "That access denied message appears when your SSO session expires; sign in again.",
    "The lookup returned no error: you're in the Standard scheme.",
    "The check came back with no errors; you're enrolled since March.",
]


@pytest.mark.parametrize("text", FAILED)
def test_a_tool_error_reported_in_words_is_a_failed_call(text):
    assert "Failed tool call" in _after_tool(text)


@pytest.mark.parametrize("text", CLEAN)
def test_an_explained_error_or_a_clean_result_is_no_failed_call(text):
    assert "Failed tool call" not in _after_tool(text)
