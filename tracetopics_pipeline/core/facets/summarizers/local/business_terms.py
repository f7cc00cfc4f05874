"""Business instances in a user's words: the booking, not the request.

The record a user points at ("order 55821", "#A10293", "booking ref XK29QZ", "ticket INC-4471")
and a pet's or relative's name say *which* booking or order a user means, not *what* they want done: "Book a dental cleaning for my
dog Kiwi on wed at 3pm" and "book a dental cleaning for my dog Max tomorrow morning" are one task.
`abstract_instances` keeps a record's noun without its number ("order 55821" -> "an order", "my
order #55821" -> "my order") and drops the name of a pet or relative after its noun ("my dog
Kiwi" -> "my dog"). Times and dates are kept: dropping them with their preposition was built and
measured (commit 1fc7fa3, docs/benchmarks.md) and raised the parents (SGD dev 0.873 / 0.734 ->
0.881 / 0.769) but lowered the fine level (SGD dev 0.812 / 0.583 -> 0.792 / 0.574, demo 0.709 /
0.306 -> 0.701 / 0.293), so it is not kept; the labeller keeps one booking's time out of a name
(labels' booking_time).

Not instances: money amounts ("$49", "20 euros": a pricing ask needs them), counts ("5 seats"),
recurring days ("on Sundays", "the Monday KPI email"), product and tool names many users share
("SSO", "CSV", "S3", "EC2", "Power BI", "Office365"), versions (code_terms' business), and promo
codes: reading "WELCOME10" as "a code" was built and measured, and lowered the shop set of
`bench/foreign_traffic.py` on dev (fine NMI / ARI 0.382 / 0.247 -> 0.278 / 0.181, 10-NN 0.700
-> 0.684): a shop's few codes are themselves the coupon intent's words (docs/benchmarks.md).
"""

from __future__ import annotations

import re

# day and month abbreviations whose dot ends no sentence ("Tues. at 3": undot_abbreviations)
_DAY_ABBR = r"(?:mon|tues?|weds?|thu|thur|thurs|fri|sat|sun)\.?"
_MONTH_ABBR = r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"

# Records a user points at by their number.
_RECORD_NOUN = (
    r"(?:orders?|bookings?|reservations?|tickets?|invoices?|cases?|claims?|returns?|refunds?|"
    r"shipments?|parcels?|packages?|appointments?|transactions?|payments?|receipts?|"
    r"subscriptions?|polic(?:y|ies)|incidents?|requests?|accounts?|rmas?|items?|purchases?|"
    r"deliver(?:y|ies)|consignments?|quotes?|contracts?|applications?|visits?)"
)
_NUMBER_NOUN = r"(?:tracking|confirmation|reference|ref|booking\s+ref(?:erence)?|pnr)"
_MARKER = r"(?:(?:number|num|no\.?|nr\.?|id|ref(?:erence)?|code)\s*[:#]?\s*|#\s*|:\s*)"
# a record id: holds a digit, or is an all-caps code of 5+ after an explicit marker
_ID = r"(?:[A-Z]{1,5}-?)?\d[\dA-Z-]{2,}\b|[A-Z0-9]*\d[A-Z0-9]*[A-Z][A-Z0-9]*\b"
_ID_LOOSE = rf"(?:{_ID}|[A-Z]{{5,}}\b)"
_RECORD = re.compile(
    rf"\b(?P<noun>{_RECORD_NOUN})\s*(?:(?P<m>{_MARKER})(?P<id1>(?-i:{_ID_LOOSE}))"
    rf"|(?P<id2>(?-i:{_ID})))",
    re.I,
)
_NUMBERED = re.compile(
    rf"\b(?P<noun>{_NUMBER_NOUN})(?P<tail>\s+(?:number|num|no\.?|code|id))?\s*[:#]?\s*"
    rf"(?P<id>(?-i:{_ID_LOOSE}))",
    re.I,
)
_HASH_ID = re.compile(r"(?<![\w&])#\s?(?=[A-Z0-9-]*\d)[A-Z0-9][A-Z0-9-]{2,}\b")

# A named pet or family member: the noun stays, the name goes ("my dog Kiwi" -> "my dog").
_KIN = re.compile(
    r"\b(?P<keep>(?:my|our|his|her|their|the)\s+(?:dog|cat|puppy|kitten|pup|pet|bird|parrot|"
    r"rabbit|bunny|hamster|guinea pig|horse|pony|ferret|tortoise|turtle|lizard|snake|fish|"
    r"son|daughter|kid|child|baby|wife|husband|partner|mum|mom|dad|mother|father|"
    r"grandma|grandpa|grandmother|grandfather|brother|sister))(?:,?\s+)(?P<name>(?-i:[A-Z][a-z]+))"
    r"(?!\s*(?:-|(?-i:[A-Z])))",
    re.I,
)

_DET_BEFORE = re.compile(r"\b(?:the|a|an|my|our|your|this|that|his|her|their)\s+$", re.I)


_ABBR_DOT = re.compile(
    rf"\b(?P<w>[ap]\.m|{_DAY_ABBR[:-3]}|{_MONTH_ABBR[:-3]}|no|nr)\.(?=\s+(?-i:[a-z0-9#(]))", re.I
)


def undot_abbreviations(text: str) -> str:
    """ "11 a.m. for a checkup", "Tues. at 3", "order no. 55" without the dots a sentence
    splitter reads as an end ("11 am for a checkup")."""
    return _ABBR_DOT.sub(lambda m: m.group("w").replace(".", ""), text)


def _article(noun: str) -> str:
    return "an" if noun[:1].lower() in "aeiou" else "a"


def _with_article(word: str, text: str, start: int) -> str:
    """`word` with "a"/"an" unless a determiner stands before it; capitalized at a sentence start."""
    before = text[max(0, start - 12) : start]
    if _DET_BEFORE.search(before):
        return word
    phrase = f"{_article(word)} {word.lower() if word[1:].islower() else word}"
    if not text[:start].strip() or re.search(r"[.!?]\s*$", text[:start]):
        phrase = phrase[:1].upper() + phrase[1:]
    return phrase


def _record(m: re.Match[str], text: str) -> str:
    return _with_article(m.group("noun"), text, m.start())


def abstract_instances(text: str) -> str:
    """`text` with the instances of a business task abstracted: record numbers dropped (their
    noun stays), a pet's or relative's name after its noun dropped. Money amounts, promo codes
    and times are kept (the module's note says why)."""
    if not text:
        return text
    t = _KIN.sub(lambda m: m.group("keep"), text)
    t = _NUMBERED.sub(
        lambda m: _numbered(m, t),
        t,
    )
    t = _RECORD.sub(lambda m: _record(m, t), t)
    t = _drop_hash_ids(t)
    if t == text:
        return text  # nothing abstracted: the text as written, spacing and all
    t = re.sub(r"[ \t]{2,}", " ", t)
    t = re.sub(r"\s+([,.;:!?])", r"\1", t)
    t = re.sub(r"([,;])\s*([,.;:!?])", r"\2", t)
    return t.strip()


def _numbered(m: re.Match[str], text: str) -> str:
    noun = m.group("noun").lower()
    if noun.startswith("booking"):
        word = "booking"
    elif noun in {"ref", "reference", "pnr"}:
        word = "reference"
    else:
        word = f"{noun} number"
    return _with_article(word, text, m.start())


def _drop_hash_ids(text: str) -> str:
    out: list[str] = []
    pos = 0
    for m in _HASH_ID.finditer(text):
        before = text[pos : m.start()]
        if p := re.search(r"\s*\b(?:on|for|of|with|to|from|in|under|about|re)\s+$", before, re.I):
            before, word = before[: p.start()], ""
        elif re.search(r"\S\s+(?:[A-Z][a-z]*\.?|\d+)\s+$", before):
            word = m.group()  # "1900 University Ave #105", "Suite 4 #B2": part of an address
        elif _DET_BEFORE.search(before) or re.search(r"\b\w+\s+$", before) is None:
            word = "one"
        else:
            word = "it"
        out.append(before)
        out.append(word)
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)
