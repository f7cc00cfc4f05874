"""PII redaction before any text is summarized or sent."""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.facets.redact import redact, redact_counts


@pytest.mark.parametrize(
    ("raw", "gone", "tag"),
    [
        ("write to john.doe+billing@acme.co.uk today", "john.doe", "<EMAIL>"),
        ("call +1 (555) 123-4567 now", "123-4567", "<PHONE>"),
        ("ring 01223 812660", "812660", "<PHONE>"),
        ("my phone number is 5551234567", "5551234567", "<PHONE>"),
        ("card 4111 1111 1111 1111 exp 12/27", "4111", "<CARD>"),
        ("card 4111-1111-1111-1111", "1111-1111", "<CARD>"),
        ("key sk-proj-abcdefghijklmnopqrstuvwx1234", "sk-proj", "<API_KEY>"),
        (
            "Authorization: Bearer abcdefghijklmnop1234567890",
            "abcdefghijklmnop",
            "Bearer <API_KEY>",
        ),
        ("api_key=abcd1234efgh5678", "abcd1234", "api_key=<API_KEY>"),
        ("token ghp_abcdefghijklmnopqrstuvwxyz0123", "ghp_", "<API_KEY>"),
        ("aws AKIAABCDEFGHIJKLMNOP", "AKIA", "<API_KEY>"),
        ("jwt eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abcdefghijk", "eyJ", "<API_KEY>"),
        ("from 192.168.0.12 to 10.0.0.1", "192.168", "<IP>"),
        ("v6 fe80::1ff:fe23:4567:890a here", "fe80", "<IP>"),
    ],
)
def test_redacts(raw, gone, tag):
    out = redact(raw)
    assert gone not in out and tag in out


@pytest.mark.parametrize(
    "keep",
    [
        "order 123456789 placed on 2026-11-20 at 10:31",
        "card 1234 5678 9012 3456 fails the Luhn check",
        "flight HAT001 costs 250 dollars for 3 bags",
        "Error: 404 not found at line 12, version 1.2.3",
        "the ratio is 3:2 and the time 12:30:45",
    ],
)
def test_keeps_non_pii(keep):
    assert redact(keep) == keep


def test_counts_and_stability():
    r = redact_counts("a@b.io and c@d.io, 4111111111111111")
    assert r.counts == {"EMAIL": 2, "CARD": 1}
    # Texts that differ only in PII redact to the same text (and the same cache key).
    assert redact("mail x@y.com") == redact("mail z@w.org")
    assert redact("") == ""
