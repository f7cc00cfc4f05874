"""A small PII corpus for "nothing personal leaves the machine" tests: (kind, sentence,
secret), the secret being what must never reach a model. The forms are those the redactor
handles today (tests/facets/test_redact.py); a fuller corpus is being built for issue 13
(tests/facets/pii_corpus.py, same shape), which these tests can take over when it lands."""

from __future__ import annotations

PII: list[tuple[str, str, str]] = [
    ("email", "write to john.doe+billing@acme.co.uk about the invoice", "john.doe+billing"),
    ("email", "my login is MARIA.GARCIA@EXAMPLE.COM and it fails", "MARIA.GARCIA"),
    ("phone", "call me on +1 (555) 123-4567 after five", "123-4567"),
    ("phone", "ring the office, 01223 812660", "812660"),
    ("phone", "my phone number is 5551234567", "5551234567"),
    ("card", "card 4111 1111 1111 1111 was charged twice", "4111 1111 1111 1111"),
    ("card", "I paid with 5555-5555-5555-4444 yesterday", "5555-5555-5555-4444"),
    ("api_key", "here is my key sk-proj-abcdefghijklmnopqrstuvwx1234", "abcdefghijklmnopqrstuvwx"),
    ("api_key", "Authorization: Bearer abcdefghijklmnop1234567890", "abcdefghijklmnop1234567890"),
    ("api_key", "config has api_key=abcd1234efgh5678", "abcd1234efgh5678"),
    ("ip", "requests come from 192.168.0.12", "192.168.0.12"),
    ("ip", "the v6 address fe80::1ff:fe23:4567:890a is blocked", "fe80::1ff:fe23:4567:890a"),
]
