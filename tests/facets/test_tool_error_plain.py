"""Tool replies that fail in plain text (issue 14): a bare status with its reason, a JSON error
body under detail / message / msg / reason, "<thing> not found" as the whole reply, a rate limit.
The development part of bench/tool_error_plain_set.py (split once by seed; the test part is
reported, not asserted); look-alikes that succeed stay unflagged."""

from __future__ import annotations

import pytest
import tool_error_plain_set as ps
import tool_error_plain_set_b as psb

from tracetopics_pipeline.core.facets.preprocess import is_error_reply
from tracetopics_pipeline.core.facets.tool_error import call_class, call_failure

FAILED, ALIKE = ps.part("dev")
FAILED_CASES = [(f, t, r) for f, items in FAILED.items() for t, r in items]
ALIKE_CASES = [(f, t, r) for f, items in ALIKE.items() for t, r in items]


@pytest.mark.parametrize(("form", "tool", "reply"), FAILED_CASES)
def test_a_plain_failure_is_a_failed_call(form, tool, reply):
    assert is_error_reply({"role": "tool", "content": reply})
    assert ps.flagged(tool, reply)


@pytest.mark.parametrize(("form", "tool", "reply"), ALIKE_CASES)
def test_a_look_alike_that_succeeded_is_no_failed_call(form, tool, reply):
    assert not is_error_reply({"role": "tool", "content": reply})
    assert not ps.flagged(tool, reply)


@pytest.mark.parametrize(
    ("reply", "cls"),
    [
        ("500 - internal error, try later", "server error"),
        ('{"detail":"Authentication credentials were not provided."}', "permission denied"),
        ("Booking reference QX7 not found", "not found"),
        ("No such customer: cus_8812", "not found"),
        ("Too Many Requests: retry after 30 seconds", "rate limited"),
        ("Quota exceeded for project acme-prod", "rate limited"),
    ],
)
def test_a_plain_failure_has_its_class(reply, cls):
    assert call_class(call_failure("get_x", reply)) == ("get_x", cls)


@pytest.mark.parametrize(
    "reply",
    [
        '{"message": "Bad credentials", "documentation_url": "https://docs.github.com/rest"}',
        '{"detail": "Bad token."}',
        '{"title": "Bad Gateway", "status": 502}',
        '{"message": "Bad signature"}',
    ],
)
def test_a_bad_credentials_body_is_a_failed_call(reply):
    """attack19: GitHub's 401 body, the envelope the JSON-message rule names, read as success."""
    assert is_error_reply({"role": "tool", "content": reply})


@pytest.mark.parametrize(
    "reply",
    ['{"message": "Credentials updated"}', '{"detail": "Not bad: 3 of 4 checks passed"}'],
)
def test_credentials_news_is_no_failed_call(reply):
    assert not is_error_reply({"role": "tool", "content": reply})


# attack19's leftovers: the second phrasing set's development part (bench/tool_error_plain_set_b.py)
FAILED_B, ALIKE_B = psb.part("dev")


@pytest.mark.parametrize(
    ("form", "tool", "reply"), [(f, t, r) for f, items in FAILED_B.items() for t, r in items]
)
def test_a_refused_connection_bare_status_or_foreign_not_found_is_a_failed_call(form, tool, reply):
    assert is_error_reply({"role": "tool", "content": reply})
    assert ps.flagged(tool, reply)


@pytest.mark.parametrize(
    ("form", "tool", "reply"), [(f, t, r) for f, items in ALIKE_B.items() for t, r in items]
)
def test_a_resolved_not_found_an_idiom_or_connection_news_is_no_failed_call(form, tool, reply):
    assert not is_error_reply({"role": "tool", "content": reply})
    assert not ps.flagged(tool, reply)


@pytest.mark.parametrize(
    ("reply", "cls"),
    [
        ("connection refused", "server error"),
        ("Could not connect to the inventory service.", "server error"),
        ("503", "server error"),
        ("[429]", "rate limited"),
        ("Kunde nicht gefunden", "not found"),
        ("Réservation QX7 introuvable.", "not found"),
        ("Cliente no encontrado", "not found"),
    ],
)
def test_attack19_failures_have_their_class(reply, cls):
    assert call_class(call_failure("get_x", reply)) == ("get_x", cls)


@pytest.mark.parametrize("reply", ["$500", "€404", "£503.", "#404", "-500"])
def test_an_amount_or_number_sign_before_a_code_is_no_bare_status(reply):
    """Found on the second set's test part ('$500' read as a bare status), fixed after."""
    assert not is_error_reply({"role": "tool", "content": reply})
