"""Tool replies and refusals: an adversary's cases against session 22's tool-reply rules.

- A document describing a permission error ("Docs: if the caller does not have permission,
  ...") is data, as a rule for anyone is.
- Declining the ask said with "be -ing" ("I won't be waiving that fee") is a refusal; the act
  done once but not twice or not yet ("I'm not going to book it twice", "I won't transfer
  anything yet") is none.
"""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.facets.preprocess import is_error_reply
from tracetopics_pipeline.core.facets.summarizers.local.issues import refused


def _reply(text: str) -> dict:
    return {"role": "tool", "name": "lookup", "content": text}


@pytest.mark.parametrize(
    "text",
    [
        "Docs: if the caller does not have permission, the API returns 403.",
        "When the token lacks the read:orders scope the endpoint answers 403.",
    ],
)
def test_a_permission_error_described_is_data(text: str) -> None:
    assert not is_error_reply(_reply(text)), text


@pytest.mark.parametrize(
    "text",
    [
        "PERMISSION_DENIED: The caller does not have permission",
        "The caller does not have permission. If you need access, ask an admin.",
    ],
)
def test_a_permission_error_stays_a_failure(text: str) -> None:
    assert is_error_reply(_reply(text)), text


@pytest.mark.parametrize(
    ("ask", "answer"),
    [
        ("Can you waive the late fee?", "I won't be waiving that fee, sorry."),
        ("Please delete my account data.", "I'm not going to be deleting your data through chat."),
        ("Can you delete the audit log entries?", "I'm not going to delete audit log entries."),
    ],
)
def test_declining_the_ask_is_a_refusal(ask: str, answer: str) -> None:
    assert refused(answer, ask), answer


@pytest.mark.parametrize(
    ("ask", "answer"),
    [
        ("Please book the 9am flight.", "I'm not going to book it twice — it is already booked."),
        ("Transfer $50 to John.", "I won't transfer anything yet — confirm the amount first."),
        ("Can you help us with the card?", "I won't use the old card, I'll add the new one now."),
    ],
)
def test_the_act_done_once_or_later_is_no_refusal(ask: str, answer: str) -> None:
    assert not refused(answer, ask), answer


@pytest.mark.parametrize(
    ("text", "failed"),
    [
        ("Not authenticated users see the public page; signed-in users see the dashboard.", False),
        ("Unauthorized users are redirected to /login.", False),
        ("Not authorized", True),
        ("Not authenticated. Log in first.", True),
        ("Unauthorized: token expired", True),
    ],
)
def test_not_authorized_at_the_head_is_a_failure_not_a_kind_of_user(
    text: str, failed: bool
) -> None:
    """Fresh batch 21 (a674fb8) read "Not authenticated" at a reply's head as a failure: a
    document's "Not authenticated users see ..." too."""
    assert is_error_reply(_reply(text)) == failed, text
