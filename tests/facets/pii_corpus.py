"""A corpus of personal data in the forms people write it, and look-alikes that are not PII.

`PII` holds (kind, sentence, secret): the sentence as a user might write it and the value
that must never reach a model. Numbers are written solid and grouped by spaces, double spaces,
dashes and dots; e-mails in ASCII, Unicode and obfuscated forms. `LOOKALIKES` are sentences
with order numbers, dates, versions, timestamps, amounts and ids that redaction must leave
alone. Card numbers are the networks' public test numbers, IBANs the registry's examples.
"""

from __future__ import annotations

# name, number, grouping of its digits
CARDS = [
    ("visa", "4111111111111111", (4, 4, 4, 4)),
    ("visa", "4012888888881881", (4, 4, 4, 4)),
    ("mastercard", "5555555555554444", (4, 4, 4, 4)),
    ("mastercard 2-series", "2223003122003222", (4, 4, 4, 4)),
    ("amex", "378282246310005", (4, 6, 5)),
    ("amex", "371449635398431", (4, 6, 5)),
    ("discover", "6011111111111117", (4, 4, 4, 4)),
    ("diners", "30569309025904", (4, 6, 4)),
    ("jcb", "3530111333300000", (4, 4, 4, 4)),
    ("maestro 19", "6759649826438453011", (4, 4, 4, 4, 3)),
]
CARD_SEPARATORS = ["", " ", "-", ".", "  ", " - ", "\u00a0"]
CARD_SENTENCES = [
    "my card is {} and it keeps getting declined",
    "Charge {} please, exp 12/27",
    "card number: {}",
    "I paid with {}. Why was I billed twice?",
]

EMAILS = [
    "josé@exämple.com",
    "müller@bücher.de",
    "почта@пример.рф",
    "用户@例子.中国",
    "jane.doe+billing@mail.example.co.uk",
    "O'Brien@example.ie",
    "JOHN.SMITH@EXAMPLE.COM",
    "dev_ops-team@sub.domain.example.org",
    "ｊｏｈｎ＠example.com",
    "user@xn--bcher-kva.example",
]
OBFUSCATED_EMAILS = [
    "john [at] example [dot] com",
    "jane(at)example.org",
    "maria {at} correo {dot} es",
]
EMAIL_SENTENCES = ["write to {} today", "my address is {}.", "({}) is my login"]

# bare digit runs, no cue word: North American, Indian mobile, trunk and country prefixes
BARE_PHONES = [
    "5551234567",
    "2125550199",
    "9876543210",
    "15551234567",
    "07911123456",
    "13812345678",
]
FORMATTED_PHONES = [
    "(555) 123-4567",
    "555.123.4567",
    "555-123-4567",
    "+1 555 123 4567",
    "+44 20 7946 0958",
    "+4915112345678",
    "01223 812660",
]
PHONE_SENTENCES = [
    "you can get me on {} after five",
    "{} is the best way to reach the office",
    "it was {}, not the other one",
]

IBANS = [
    "DE89370400440532013000",
    "GB82WEST12345698765432",
    "FR1420041010050500013M02606",
    "NL91ABNA0417164300",
    "ES9121000418450200051332",
    "IT60X0542811101000000123456",
    "CH9300762011623852957",
    "BE68539007547034",
    "NO9386011117947",
    "PL61109010140000071219812874",
]
IBAN_SENTENCES = ["please refund to {}", "IBAN: {} (my savings account)", "send it to {}, thanks"]


def group(digits: str, sizes: tuple[int, ...], sep: str) -> str:
    out, i = [], 0
    for n in sizes:
        out.append(digits[i : i + n])
        i += n
    return sep.join(out)


def iban_forms(iban: str) -> list[str]:
    fours = " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    return [iban, fours, fours.lower(), fours.replace(" ", "-")]


def _pii() -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    for k, (name, number, sizes) in enumerate(CARDS):
        for j, sep in enumerate(CARD_SEPARATORS):
            sentence = CARD_SENTENCES[(k + j) % len(CARD_SENTENCES)]
            out.append((f"card {name}", sentence.format(group(number, sizes, sep)), number))
    for k, email in enumerate(EMAILS):
        out.append(("email", EMAIL_SENTENCES[k % len(EMAIL_SENTENCES)].format(email), email))
    for k, email in enumerate(OBFUSCATED_EMAILS):
        out.append(("email obfuscated", EMAIL_SENTENCES[k % 3].format(email), email))
    for k, phone in enumerate(BARE_PHONES + FORMATTED_PHONES):
        sentence = PHONE_SENTENCES[k % len(PHONE_SENTENCES)]
        out.append(("phone", sentence.format(phone), phone))
    for k, iban in enumerate(IBANS):
        for j, form in enumerate(iban_forms(iban)):
            sentence = IBAN_SENTENCES[(k + j) % len(IBAN_SENTENCES)]
            out.append(("iban", sentence.format(form), iban))
    return out


PII = _pii()

LOOKALIKES = [
    "order 5551234567 shipped yesterday",
    "Order ID: 9876543210 is missing an item",
    "ticket #2125550199 was closed",
    "invoice no. 3456789012 is overdue",
    "tracking number 7894561230 shows no movement",
    "the job finished at epoch 1732012345",
    "logged at 1732012345678 ms",
    "placed on 2026-11-20 at 10:31",
    "due 20/11/2026, paid 2026.11.20",
    "batch 20261120 failed",
    "upgraded to v2.10.4 from 1.2.3",
    "Windows build 10.0.19045.3803",
    "kernel 5.15.0-1057-azure",
    "card 1234 5678 9012 3456 fails the Luhn check",
    "4111 1111 1111 1112 is not a valid card",
    "DE00 3704 0044 0532 0130 00 has a wrong check digit",
    "total $1,234,567.89 for 3 seats",
    "request 123e4567-e89b-12d3-a456-426614174000 timed out",
    "commit 9fceb02d0ae598e95dc970b74767f19372d61af8 broke it",
    "ISBN 978-0-306-40615-7",
    "error 404 at line 1234, HTTP 503 on port 8080",
    "the ratio is 3:2 and the time 12:30:45",
    "flight HAT001 costs 250 dollars for 3 bags",
    "zip 94103, room 1204",
]
