"""Review findings on the Issues rules (session 22): a declined ask read in linear time on an
untrusted user turn, a lower-case `key: value` field of tool data that is no error code, and an
answer about what will happen (or an act said needless) that is no refusal. Several phrasings
each, with look-alikes that must still read the other way."""

from __future__ import annotations

import time

import pytest

from tracetopics_pipeline.core.facets.preprocess import is_error_reply
from tracetopics_pipeline.core.facets.summarizers.local.issues import detect_issues, refused
from tracetopics_pipeline.core.facets.summarizers.local.sentiment_context import _mocks_claim

# A hang guard, not a benchmark: the rules took 15-200 s on these inputs before the fix, well
# under 1 s after it, on a machine shared by several processes.
_BOUND_S = 10.0


def _conv(user: str, agent: str) -> list[dict]:
    return [{"role": "user", "content": user}, {"role": "assistant", "content": agent}]


@pytest.mark.parametrize(
    ("user", "agent"),
    [
        ("don't cancel " * 5000, "Okay, I won't cancel it."),
        ("please do not refund it, " * 2600, "Understood. I won't refund it. " * 50),
    ],
)
def test_a_long_negated_ask_is_read_fast_and_as_before(user: str, agent: str) -> None:
    start = time.perf_counter()
    found = detect_issues(_conv(user, agent))
    assert time.perf_counter() - start < _BOUND_S
    assert not [i for i in found if i.category == "Refusal"]


def test_a_long_ask_still_finds_its_declined_verb() -> None:
    user = "I have been waiting for weeks and nobody answers. " * 800 + "Please waive the late fee."
    start = time.perf_counter()
    found = detect_issues(_conv(user, "I'm not going to waive the late fee. " * 40))
    assert time.perf_counter() - start < _BOUND_S
    assert [i for i in found if i.category == "Refusal"]


def test_a_long_user_turn_with_laughs_is_read_fast() -> None:
    start = time.perf_counter()
    _mocks_claim("so super fast lol " * 2000, "Our service is quick and works well. " * 400)
    assert time.perf_counter() - start < 1.0


@pytest.mark.parametrize(
    "reply",
    [
        "returns_allowed: yes\nwindow_days: 30",
        "user_found: yes",
        "last_payment_failed: no",
        "pets_allowed: no",
        "pets_allowed: No, only service animals",
        "refund_allowed: true",
        "trial_expired: 2026-11-30",
        "card_expired: false\nlast4: 4242",
        "login_limited: off",
        "user_found: alice\nemail: alice@example.com",
        'smoking_allowed: "no"',
    ],
)
def test_a_lower_case_field_with_a_plain_value_is_data(reply: str) -> None:
    assert not is_error_reply({"role": "tool", "content": reply}, "get_return_policy"), reply


@pytest.mark.parametrize(
    "reply",
    [
        "insufficient_scope: token lacks read:orders",
        "missing_scope",
        "user_not_found",
        "invalid_auth",
        "missing_scope (needed: chat:write)",
        "rate_limited: try again in 30 seconds",
        "user_not_found: no user with that email",
        "token_expired: invalid_token",
    ],
)
def test_a_lower_case_error_code_still_fails(reply: str) -> None:
    assert is_error_reply({"role": "tool", "content": reply}, "get_orders"), reply


@pytest.mark.parametrize(
    ("ask", "answer"),
    [
        (
            "Can you check whether I'll be charged for the late return?",
            "I'm not going to charge you for the late return.",
        ),
        ("Could you tell me if I will be billed twice?", "No, I won't bill you again for that."),
        ("Can you see if we're going to get charged a fee?", "I'm not going to charge you a fee."),
        (
            "Can you review my claim again?",
            "I won't review it again since it was already approved.",
        ),
        ("Please refund the order.", "I won't refund it because it was already refunded."),
        ("Please cancel my subscription.", "I won't cancel it as there's no need: it ended."),
    ],
)
def test_an_answer_about_the_future_or_a_needless_act_is_no_refusal(ask: str, answer: str) -> None:
    assert not refused(answer, ask), answer


@pytest.mark.parametrize(
    ("ask", "answer"),
    [
        ("Can you waive the late fee?", "I won't waive the late fee."),
        ("Please refund my order.", "I won't refund it because the item was already used."),
        ("Cancel my order please.", "I'm not going to cancel it since it has already shipped."),
        (
            "Can you waive the fee? I wonder whether I'll be charged.",
            "I won't waive the fee because it's our policy.",
        ),
        ("Can you refund me if I return it?", "I won't refund you."),
    ],
)
def test_a_declined_ask_with_its_reason_is_still_a_refusal(ask: str, answer: str) -> None:
    assert refused(answer, ask), answer
