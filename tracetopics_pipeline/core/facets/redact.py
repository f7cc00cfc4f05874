"""PII redaction applied to every text before it leaves the machine (and before local summaries).

Replaces e-mail addresses, phone numbers, payment-card numbers (Luhn-checked), API keys and
bearer tokens, and IPv4/IPv6 addresses with typed placeholders such as `<EMAIL>`. Placeholders
are stable, so two traces that differ only in PII produce the same text (and the same cache key).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b")
# Secrets: well-known prefixes (OpenAI/Anthropic, GitHub, Slack, AWS, Google, Stripe, JWT),
# then "key=..." style assignments and Bearer headers.
_SECRET = re.compile(
    r"\b(?:sk-(?:proj-|ant-)?[A-Za-z0-9_-]{16,}|gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|"
    r"xox[abprs]-[A-Za-z0-9-]{10,}|AKIA[0-9A-Z]{16}|AIza[0-9A-Za-z_-]{35}|"
    r"(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{10,}|"
    r"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})"
)
_BEARER = re.compile(r"(?i)\b((?:bearer|token)\s+)[A-Za-z0-9._~+/=-]{16,}")
_ASSIGNED = re.compile(
    r"(?i)\b((?:api[_-]?key|apikey|access[_-]?token|auth[_-]?token|secret(?:[_-]?key)?|password|passwd|pwd|client[_-]?secret)"
    r"\"?\s*[:=]\s*\"?)([^\s\"',;]{6,})"
)
_CARD = re.compile(r"(?<![\d-])(?:\d[ -]?){12,18}\d(?![\d-])")
_IPV4 = re.compile(
    r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d.])"
)
_IPV6 = re.compile(
    r"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}(?![\w:])|"
    r"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,5})?(?![\w:])"
)
# Phones: optional +country code, then 7-15 digits with the usual separators. Dates and plain
# numbers (order ids) are kept: a phone needs a + prefix, a parenthesised area code, or
# separators between groups (e.g. 555-123-4567, 01223 812660).
_PHONE = re.compile(
    r"(?<![\w+])(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,6}(?:[ .-]\d{2,6}){1,4}(?![\w-])"
    r"|(?<![\w+])\+\d{7,15}\b"
)
# Bare digit runs are only phones when the words before say so ("call me at 5551234567").
_PHONE_CONTEXT = re.compile(
    r"(?i)\b((?:phone|mobile|cell|tel|telephone|call me|text me|whatsapp|number is|reach me)\D{0,20}?)(\d{7,15})\b"
)


@dataclass
class Redaction:
    text: str
    counts: Counter = field(default_factory=Counter)


def _luhn_ok(digits: str) -> bool:
    total, parity = 0, len(digits) % 2
    for i, ch in enumerate(digits):
        d = int(ch)
        if i % 2 == parity:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def _phone_like(s: str) -> bool:
    digits = re.sub(r"\D", "", s)
    if not 7 <= len(digits) <= 15:
        return False
    # A date like 2026-11-20 or a time is not a phone number.
    return not re.fullmatch(
        r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4}", s.strip()
    )


def redact_counts(text: str) -> Redaction:
    """Redact PII; returns the text and how many of each kind were replaced."""
    counts: Counter = Counter()

    def sub(rx: re.Pattern[str], tag: str, s: str, check=None, group: int = 0) -> str:
        def repl(m: re.Match[str]) -> str:
            if check and not check(m.group(0)):
                return m.group(0)
            counts[tag] += 1
            return m.group(1) + f"<{tag}>" if group else f"<{tag}>"

        return rx.sub(repl, s)

    if not text:
        return Redaction(text, counts)
    # Order matters: secrets and e-mails before numbers, cards before phones.
    text = sub(_SECRET, "API_KEY", text)
    text = sub(_BEARER, "API_KEY", text, group=1) if _BEARER.search(text) else text
    text = sub(_ASSIGNED, "API_KEY", text, group=1)
    text = sub(_EMAIL, "EMAIL", text)
    text = sub(_CARD, "CARD", text, check=lambda s: _luhn_ok(re.sub(r"\D", "", s)))
    text = sub(_IPV4, "IP", text)
    text = sub(_IPV6, "IP", text, check=lambda s: s.count(":") >= 2 and any(c.isdigit() for c in s))
    text = sub(_PHONE, "PHONE", text, check=_phone_like)
    text = sub(_PHONE_CONTEXT, "PHONE", text, group=1)
    return Redaction(text, counts)


def redact(text: str) -> str:
    """Text with PII replaced by <EMAIL>, <PHONE>, <CARD>, <API_KEY>, <IP>."""
    return redact_counts(text).text
