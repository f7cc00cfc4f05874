"""Business instances in a user's words: the booking, not the request.

The times and dates of one request ("on wed at 3pm", "tomorrow", "3rd of May", "15:30") and the
record a user points at ("order 55821", "#A10293", "booking ref XK29QZ", "ticket INC-4471") name
*which* booking or order a user means, not *what* they want done: "Book a dental cleaning for my
dog Kiwi on wed at 3pm" and "book a dental cleaning for my dog Max tomorrow morning" are one task.
`abstract_instances` keeps a record's noun without its number ("order 55821" -> "an order", "my
order #55821" -> "my order") and drops the name of a pet or relative after its noun ("my dog
Kiwi" -> "my dog"). `drop_times` drops a time or date with its preposition ("book a cleaning on
wed at 3pm" -> "book a cleaning"); it is built and tested but **not applied** to the Task
summary: measured on dev it raised the parents (SGD 0.873 / 0.734 -> 0.881 / 0.769, demo 0.837 /
0.770 -> 0.838 / 0.785) and lowered the fine level (SGD 0.812 / 0.583 -> 0.792 / 0.574, demo
0.709 / 0.306 -> 0.701 / 0.293), and a rule that lowers a dev figure is not kept.

Not instances: money amounts ("$49", "20 euros": a pricing ask needs them), counts ("5 seats"),
recurring days ("on Sundays", "the Monday KPI email"), product and tool names many users share
("SSO", "CSV", "S3", "EC2", "Power BI", "Office365"), versions (code_terms' business), and promo
codes: reading "WELCOME10" as "a code" was built and measured, and lowered the shop set of
`bench/foreign_traffic.py` on dev (fine NMI / ARI 0.382 / 0.247 -> 0.278 / 0.181, 10-NN 0.700
-> 0.684): a shop's few codes are themselves the coupon intent's words (docs/benchmarks.md).
"""

from __future__ import annotations

import re

# one day, not a recurring one: "on Sundays", "every Monday" name the request ("opening hours")
_DAY_FULL = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?!s\b)"
_DAY_ABBR = r"(?:mon|tues?|weds?|thu|thur|thurs|fri|sat|sun)\.?"
_MONTH_FULL = (
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
)
_MONTH_ABBR = r"(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?"
_MONTH = rf"(?:{_MONTH_FULL}|{_MONTH_ABBR})"
_ORD = r"(?:[0-2]?\d|3[01])(?:st|nd|rd|th)?"
_PART_OF_DAY = r"(?:morning|afternoon|evening|night|noon|lunch(?:time)?|midday)"
_AMPM = r"(?:[ap]\.?m\.?)(?![a-z])"
_CLOCK = (
    rf"(?:(?:[01]?\d|2[0-3])[:.][0-5]\d\s*{_AMPM}"  # 9.30am, 10:15 pm
    rf"|(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)"  # 15:30
    rf"|(?:1[0-2]|0?\d)\s*{_AMPM}"  # 3pm, 11 a.m.
    r"|(?:1[0-2]|0?\d)\s*o'?clock"
    r"|noon|midnight)"
)
# A word that reads as a weekday only beside a date word: "sat" and "wed" are also verbs.
_DAY_CUE_BEFORE = r"(?:on|this|next|by|until|till|before|after|for|last|coming|from|to)\s+"

_TIME_PATTERNS = [
    # the day after tomorrow, tomorrow morning, tmrw, today, tonight
    r"(?:the\s+)?day\s+after\s+(?:tomorrow|tmrw)",
    rf"(?:today|tonight|tomorrow|tomorow|tommorow|tomorrows|tmrw|tmr|tmrow|2morrow|yesterday)"
    rf"(?:\s+(?:{_PART_OF_DAY}))?",
    # next week, this weekend, next month, later this week, this afternoon
    r"(?:(?:later|earlier)\s+)?(?:this|next|last|coming)\s+(?:week(?:end)?|month|year|"
    r"morning|afternoon|evening|night)",
    r"(?:in|within)\s+(?:\d+|a|an|one|two|three|four|five|a\s+couple\s+of|a\s+few)\s+"
    r"(?:days?|weeks?|hours?)",
    # the 3rd of this month, the 12th of next month
    rf"(?:the\s+)?{_ORD}\s+of\s+(?:this|next|the|last)\s+month",
    # half past 7, quarter to 8, at afternoon 1:30, around evening
    r"(?:(?:half|quarter)\s+(?:past|to)\s+(?:1[0-2]|0?\d|noon|midnight|one|two|three|four|five|six|"
    r"seven|eight|nine|ten|eleven|twelve))",
    rf"(?:at|around|about|by)\s+(?:the\s+)?{_PART_OF_DAY}",
    # a weekday, with a part of the day after it
    rf"(?<!every )(?:(?:this|next|last|coming)\s+)?{_DAY_FULL}(?:\s+{_PART_OF_DAY})?",
    rf"{_DAY_CUE_BEFORE}{_DAY_ABBR}(?:\s+{_PART_OF_DAY})?",
    rf"{_DAY_ABBR}(?=,?\s+(?:at\s+)?(?:\d|{_PART_OF_DAY}))",
    # calendar dates: 12/03, 12/03/2026, 2026-12-03, 12.03.2026, 3rd of May, May 3rd, 3 May
    r"(?<![\d/$£€.,])(?:[0-3]?\d)/(?:[0-3]?\d)(?:/(?:\d{4}|\d{2}))?(?![\d/%]|\.\d)",
    r"(?<![\d/$£€.,])(?:[0-3]?\d)\.(?:[0-3]?\d)(?:\.(?:19|20)\d\d)?(?![\d/%]|\.\d)",
    r"(?<![\d/$£€.,])(?:[0-3]?\d)-(?:[0-3]?\d)-(?:\d{4}|\d{2})(?![\d/%])",
    r"\d{4}-[01]\d-[0-3]\d",
    rf"(?:the\s+)?{_ORD}\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}})?",
    rf"{_MONTH}\s+(?:the\s+)?{_ORD}(?![\d%])(?:,?\s+\d{{4}})?",
    r"the\s+(?:[0-2]?\d|3[01])(?:st|nd|rd|th)\b",
    # clock times and ranges: 3pm, 15:30, 9.30am, 3-5pm, between 2 and 4pm
    rf"(?:(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?:-|–|to|and)\s*)?{_CLOCK}",
    # a part of the day after a date preposition: "in the morning", "on Friday afternoon"
    r"in\s+the\s+(?:morning|afternoon|evening)",
]
_TIME = re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in _TIME_PATTERNS) + r")\b", re.I)
# Words that join two time spans into one ("Wed at 3pm", "May 3, 15:30", "from 2 to 4pm").
_JOIN = re.compile(
    r"^(?:\s*,?\s*(?:at|around|about|from|to|until|till|-|–|or|and|between|by|"
    r"on|in the)?\s*)$",
    re.I,
)
_TIME_PREP = re.compile(
    r"(?:\b(?:on|at|for|by|until|till|before|after|from|between|around|about|during|"
    r"sometime|some time|anytime|any time|(?:no|not) later than|as of|starting|"
    r"to|into|through|for|in|since|over|within)\s+)+$",
    re.I,
)

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


_WEEKDAY = re.compile(rf"{_DAY_FULL}|{_DAY_ABBR}", re.I)
_OWNER_BEFORE = re.compile(r"\b(?:the|a|an|our|my|your|their|his|her)\s+$", re.I)
_SHORT_DATE = re.compile(r"(\d{1,2})[/.](\d{1,2})")


def _is_time(token: str, text: str, start: int) -> bool:
    """A bare d/m with one digit each side ("1/2", "3.5") is a fraction or a decimal unless a
    date preposition stands before it ("on 1/5")."""
    if _WEEKDAY.fullmatch(token) and _OWNER_BEFORE.search(text[:start]):
        return False  # "the Monday KPI email", "our friday standup": a recurring thing's name
    m = _SHORT_DATE.fullmatch(token)
    if not m:
        return bool(token.strip())
    a, b = int(m.group(1)), int(m.group(2))
    if not (1 <= a <= 31 and 1 <= b <= 31 and (a <= 12 or b <= 12)):
        return False
    if "." in token:  # 12.03: a decimal unless a date preposition stands before it
        return bool(
            re.search(r"\b(?:on|by|until|till|from|since|before|after)\s+$", text[:start], re.I)
        )
    if len(m.group(1)) == 1 and len(m.group(2)) == 1:
        return bool(
            re.search(r"\b(?:on|by|until|till|from|to|since|before|after)\s+$", text[:start], re.I)
        )
    return True


def _time_spans(text: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _TIME.finditer(text) if _is_time(m.group(), text, m.start())]
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and _JOIN.match(text[merged[-1][1] : a]):
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def drop_times(text: str) -> str:
    """`text` without the times and dates of one request, each with its preposition: "book a
    cleaning on wed at 3pm" -> "book a cleaning"."""
    spans = _time_spans(text)
    if not spans:
        return text
    out: list[str] = []
    pos = 0
    for a, b in spans:
        before = text[pos:a]
        if (m := _TIME_PREP.search(before)) or (
            m := re.search(r"\b(?:the|this|that|next)\s+$", before, re.I)
        ):
            before = before[: m.start()]
        out.append(before)
        pos = b
        # "Tomorrow, can I ..." / "..., on Friday," : the comma goes with the date
        rest = text[pos:]
        if rest[:1] == "," and (not "".join(out).strip() or "".join(out).rstrip().endswith(",")):
            pos += 1
    out.append(text[pos:])
    return "".join(out)


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
    and times are kept (`drop_times` is not applied: see the module's note)."""
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
