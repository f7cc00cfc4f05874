"""PII redaction applied to every text before it leaves the machine (and before local summaries).

Replaces e-mail addresses (Unicode ones too), IBANs (mod-97 checked), payment-card numbers
(Luhn-checked, however they are grouped), phone numbers, API keys and bearer tokens, and
IPv4/IPv6 addresses with typed placeholders such as `<EMAIL>`. Placeholders are stable, so two
traces that differ only in PII produce the same text (and the same cache key). What is and is
not caught: docs/facets.md "PII redaction"; the corpus: tests/facets/pii_corpus.py.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

# Local part and domain labels may be any Unicode letters or digits (josé@exämple.com); the
# top-level domain is letters (.com, .рф) or punycode (xn--p1ai). "＠" is the full-width at.
_EMAIL = re.compile(
    r"(?<![\w.+-])[\w.+'-]+[@＠][^\W_][\w-]*(?:\.[\w-]+)*\.(?:[^\W\d_]{2,}|xn--[a-z0-9-]+)(?![\w-])"
)
# Addresses written to dodge scrapers: john [at] example [dot] com, john(at)example.com.
_AT = r"\s*[\[({<]\s*at\s*[\])}>]\s*"
_DOT = r"(?:\s*[\[({<]\s*dot\s*[\])}>]\s*|\.)"
_AT_HINT = re.compile(rf"(?i){_AT}")  # cheap pre-check before the full pattern
_EMAIL_OBFUSCATED = re.compile(
    rf"(?i)(?<![\w.+-])[\w.+-]+{_AT}[^\W_][\w-]*(?:{_DOT}[\w-]+)*{_DOT}[^\W\d_]{{2,}}(?![\w-])"
)
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
# IBAN: country, two check digits, then the account (letters and digits), written solid or in
# groups of four separated by a space or dash. Validated below by length and mod 97.
_IBAN = re.compile(r"(?i)(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]){10,30}")
# ISO 13616 registry: IBAN length per country.
_IBAN_LENGTH = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27,
    "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27,
    "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22,
    "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32,
    "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19,
    "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23, "PK": 24,
    "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24, "SC": 31,
    "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28, "TL": 23,
    "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20, "YE": 30,
}  # fmt: skip
# Card candidates: 13+ digits, solid or grouped by spaces, dots or dashes (doubled ones too).
# Which groups form the number is decided below (Luhn, issuer digit, group sizes).
_CARD = re.compile(r"(?<![\w.,-])\d(?:(?:[ .\u00a0-]{1,3})?\d){12,}(?!\w)")
_CARD_SEP = re.compile(r"[ .\u00a0-]+")
_IPV4 = re.compile(
    r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?![\d.])"
)
_IPV6 = re.compile(
    r"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}(?![\w:])|"
    r"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){1,6}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,5})?(?![\w:])"
)
# Phones: optional +country code, then 7-15 digits with the usual separators. Dates and plain
# numbers (order ids) are kept: a phone needs a + prefix, a parenthesised area code, or
# separators between groups (e.g. 555-123-4567, 01223 812660). Dotted versions (10.0.19045.3803)
# are not phones.
_PHONE = re.compile(
    r"(?<![\w+])(?<!\d\.)(?:\+\d{1,3}[ .-]?)?(?:\(\d{1,4}\)[ .-]?)?\d{2,6}(?:[ .-]\d{2,6}){1,4}"
    r"(?![\w-]|\.\d)"
    r"|(?<![\w+])\+\d{7,15}\b"
)
# Bare digit runs are phones when the words before say so ("call me at 5551234567") ...
_PHONE_CONTEXT = re.compile(
    r"(?i)\b((?:phone|mobile|cell|tel|telephone|call me|text me|whatsapp|number is|reach me)\D{0,20}?)(\d{7,15})\b"
)
# ... and, without a cue, when they have the shape of a national number: ten digits not
# starting with 0 or 1 (North American 555 123 4567, Indian mobiles), or eleven digits with a
# trunk or country prefix (07911 123456, 1 555 123 4567, Chinese 138 mobiles). Ten-digit Unix
# times start with 1 and stay. An identifier word just before ("order 5551234567") keeps it.
_PHONE_BARE = re.compile(r"(?<![\w.,/+-])(?:[01]?[2-9]\d{9})(?![\w/-]|[.,]\d)")
_ID_CUE = re.compile(
    r"(?i)\b(?:order|invoice|inv|ticket|case|ref|reference|id|account|acct|tracking|"
    r"confirmation|booking|reservation|transaction|txn|serial|sku|po|build|version|issue|pr|"
    r"request|batch|job|run|customer|member|policy|claim|shipment|parcel|item|product|no)"
    r"\.?\s*(?:#|no\.?|number|nr\.?|id)?\s*[:#=]?\s*$"
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


def _card_span(s: str) -> tuple[int, int] | None:
    """The span of a card number inside a digit-group candidate, or None.

    A card is 13-19 digits starting 2-6 (the payment-card issuer digits) that pass Luhn,
    written solid or in groups of 3-6 digits (4-4-4-4, 4-6-5, ...). Windows of consecutive
    groups are tried left to right, longest first, so a trailing year or CVV does not hide it.
    """
    groups = [(m.start(), m.end()) for m in re.finditer(r"\d+", s)]
    for i, (start, _) in enumerate(groups):
        if s[start] not in "23456":
            continue
        ends: list[tuple[str, int]] = []  # (digits, end) of windows starting at group i
        digits = ""
        for j in range(i, len(groups)):
            a, b = groups[j]
            digits += s[a:b]
            if len(digits) > 19:
                break
            if j > i and not (3 <= b - a <= 6 and 3 <= groups[i][1] - start <= 6):
                break  # grouped numbers use groups of 3-6 digits
            if len(digits) >= 13:
                ends.append((digits, b))
        for digits, end in reversed(ends):  # longest first
            if _luhn_ok(digits):
                return start, end
    return None


def _iban_span(s: str) -> tuple[int, int] | None:
    """The span of a valid IBAN at the start of a candidate (its country's length, mod 97)."""
    length = _IBAN_LENGTH.get(s[:2].upper())
    if length is None:
        return None
    chars, end = [], 0
    for k, ch in enumerate(s):
        if ch.isalnum():
            chars.append(ch.upper())
            if len(chars) == length:
                end = k + 1
                break
    if len(chars) != length or (end < len(s) and s[end].isalnum()):
        return None
    code = "".join(chars)
    moved = code[4:] + code[:4]
    number = "".join(str(int(c, 36)) for c in moved)
    return (0, end) if int(number) % 97 == 1 else None


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
            if check and not check(m):
                return m.group(0)
            counts[tag] += 1
            return m.group(1) + f"<{tag}>" if group else f"<{tag}>"

        return rx.sub(repl, s)

    def sub_span(
        rx: re.Pattern[str], tag: str, s: str, span: Callable[[str], tuple[int, int] | None]
    ) -> str:
        """Like sub, but only the part of each match that `span` validates is replaced."""

        def repl(m: re.Match[str]) -> str:
            out, rest = "", m.group(0)
            while rest and (found := span(rest)) is not None:
                a, b = found
                counts[tag] += 1
                out, rest = out + rest[:a] + f"<{tag}>", rest[b:]
            return out + rest

        return rx.sub(repl, s)

    def no_id_cue(m: re.Match[str]) -> bool:
        return not _ID_CUE.search(m.string[max(0, m.start() - 40) : m.start()])

    if not text:
        return Redaction(text, counts)
    # Order matters: secrets and e-mails before numbers, IBANs and cards before phones.
    text = sub(_SECRET, "API_KEY", text)
    text = sub(_BEARER, "API_KEY", text, group=1) if _BEARER.search(text) else text
    text = sub(_ASSIGNED, "API_KEY", text, group=1)
    if "@" in text or "＠" in text:
        text = sub(_EMAIL, "EMAIL", text)
    if _AT_HINT.search(text):
        text = sub(_EMAIL_OBFUSCATED, "EMAIL", text)
    text = sub_span(_IBAN, "IBAN", text, _iban_span)
    text = sub_span(_CARD, "CARD", text, _card_span)
    text = sub(_IPV4, "IP", text)
    text = sub(
        _IPV6,
        "IP",
        text,
        check=lambda m: m[0].count(":") >= 2 and any(c.isdigit() for c in m[0]),
    )
    text = sub(_PHONE, "PHONE", text, check=lambda m: _phone_like(m[0]))
    text = sub(_PHONE_CONTEXT, "PHONE", text, group=1)
    text = sub(_PHONE_BARE, "PHONE", text, check=no_id_cue)
    return Redaction(text, counts)


def redact(text: str) -> str:
    """Text with PII replaced by <EMAIL>, <IBAN>, <CARD>, <PHONE>, <API_KEY>, <IP>."""
    return redact_counts(text).text
