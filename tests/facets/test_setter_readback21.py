"""A setter's bare status-like number (5149b3e) is the value set when the agent reads it back,
even beside a "promo code" or a "status: Gold" (session 21 adversary: "status" and "code" alone
read as the agent saying the call failed). The agent naming a status code still says so."""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.facets.preprocess import CallContext, is_error_reply


def _reply(tool: str, number: str, after: str) -> bool:
    ctx = CallContext('{"user": 7}', after, False)
    return is_error_reply({"role": "tool", "content": number}, tool, ctx)


@pytest.mark.parametrize(
    ("tool", "number", "after"),
    [
        (
            "add_points",
            "500",
            "Done, the promo code was applied and your balance is now 500 points.",
        ),
        ("update_score", "500", "Score updated: 500 (status: Gold)."),
        ("apply_discount", "410", "Your new total is $410 after the code."),
        ("set_tier", "500", "Your status is now Silver with 500 points."),
    ],
)
def test_a_value_read_back_beside_code_or_status_is_data(
    tool: str, number: str, after: str
) -> None:
    assert not _reply(tool, number, after)


@pytest.mark.parametrize(
    ("tool", "number", "after"),
    [
        ("update_score", "500", "The server returned status 500 for 500 points, trying again."),
        ("add_points", "503", "Got status code 503 when adding 503 points."),
        ("set_tier", "500", "Sorry, error code 500 came back."),
        ("update_address", "503", "Your address is updated."),  # not read back: a failure
    ],
)
def test_a_status_code_said_is_still_a_failure(tool: str, number: str, after: str) -> None:
    assert _reply(tool, number, after)
