"""Custom facets, offline: label keyword rules and extraction rules over the preprocessed text.

Labelled facets: labels are tried in the order the facet file lists them; the first label with a
keyword match wins (a named group `provider` must name one the user would leave for:
`_leaves_for`; `local.not_returning` names the label of Sentiment's "not coming back" words,
`sentiment_leaving.NOT_RETURNING`), and the summary is "<LABEL>: <the part of the sentence that matched>" (its
lead-in dropped, a run-on cut: `_said_part`); `local.on_condition` caps the label of a sentence
said on a condition, and drops it when the condition is asked about (`_capped`); `local.respell`
reads its cue words however they are typed (`apply_rules`). Open facets (no label set, e.g. Competitor mention) use `rules`:
the first matching pattern fills its summary template (a `provider` group read as a keyword's).
Nothing matches → the facet's default label ("NONE" unless set).

Approximate: keywords do not understand negation or context ("we are NOT cancelling" still
matches a cancel rule). Use the OpenAI-compatible backend where that matters.
"""

from __future__ import annotations

import re
from functools import lru_cache

from tracetopics_pipeline.core.facets.definitions import Facet
from tracetopics_pipeline.core.facets.summarizers.local.code_terms import mask_code
from tracetopics_pipeline.core.facets.summarizers.local.provider_names import (
    leaves_this_provider,
    named_vendor,
    no_provider,
    relocating,
)
from tracetopics_pipeline.core.facets.summarizers.local.sentiment_leaving import (
    NOT_RETURNING,
    on_condition,
)
from tracetopics_pipeline.core.facets.summarizers.local.task import RUN_ON, strip_lead_in
from tracetopics_pipeline.core.facets.summarizers.local.text import (
    apostrophes,
    clip,
    content_words,
    respell,
)
from tracetopics_pipeline.core.topics.labels.words import (
    FORMAT_WORDS,
    FUNCTION_WORDS,
    GREETING_WORDS,
)

# Capitalised words a generic "instead of <Name>" rule catches that name no product: a file
# format ("instead of PDF"), a day or a month ("compared to Tuesday"). A named vendor rule is
# not affected (its names are listed).
_DATES = """monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december today yesterday tomorrow"""
_NOT_A_NAME = FORMAT_WORDS | frozenset(_DATES.split())


# A sentence ends at "!", "?", a line break, or a "." before a space or the end, unless that "."
# follows a title-like abbreviation or an initial ("St. Louis", "U.S. Bank", "v2.0" is no end).
# "Inc." and "Ltd." end names, so they may end a sentence too.
_SENTENCE_END = re.compile(
    r"[!?\n]|(?<!\b[A-Za-z])(?<!\b(?:St|Mt|Ft|Dr|Mr|Ms|vs))(?<!\bMrs)\.(?=\s|$)",
    re.IGNORECASE,
)


def _name_in_sentence(name: str) -> str:
    """A captured name up to its sentence's end: "Mode. Honestly" -> "Mode"."""
    return _SENTENCE_END.split(name, maxsplit=1)[0]


def _names_nothing(name: str | None) -> bool:
    """A format, a date, or a capitalised glue word or sign-off that opens the next sentence
    when a user skips the full stop ("its competitor Been stuck for hours", "better than This
    is urgent", "vs Cheers"): no product. (A name that starts so, "The Trade Desk", is lost.) Nor
    is a place, language, currency or one of the user's own settings ("switch to English",
    "moving to Canada": `provider_names`, the reading Churn risk's keywords use)."""
    name = _name_in_sentence(name or "")
    words = name.lower().split()
    if not words:
        return False
    return (
        no_provider(name)
        or all(w in _NOT_A_NAME for w in words)
        or words[0] in FUNCTION_WORDS
        or bool(GREETING_WORDS.fullmatch(words[0]))
    )


@lru_cache(maxsize=256)
def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _sentence_span(text: str, pos: int) -> tuple[int, int]:
    """Where the sentence of `text` that holds `pos` starts and ends."""
    start, end = 0, len(text)
    for m in _SENTENCE_END.finditer(text):
        if m.start() < pos:
            start = m.end()
        else:
            end = m.end()
            break
    return start, end


def _sentence_at(text: str, pos: int, *, clipped: bool = True, limit: int = 140) -> str:
    """The sentence of `text` that holds `pos`; `clipped`: as a summary shows it — the run-on
    part that holds `pos`, without its lead-in, cut to `limit` characters."""
    start, end = _sentence_span(text, pos)
    if not clipped:
        return text[start:end].strip()
    return clip(_said_part(text[start:end], pos - start), limit)


def _said_part(sentence: str, pos: int) -> str:
    """The part of a run-on sentence that holds `pos` ("the report keeps failing Please add an
    API" -> "Please add an API"), less a greeting, filler or re-contact lead-in before `pos`:
    summaries of one ask then read alike however users open their messages, and a topic's name
    never takes a word from the greeting ("Hi team, this is ridiculous")."""
    lo, hi = 0, len(sentence)
    for m in RUN_ON.finditer(sentence):
        if m.end() <= pos:
            lo = m.end()
        elif m.start() >= pos:
            hi = m.start()
            break
    raw = sentence[lo:hi]
    part = raw.strip()
    at = pos - lo - (len(raw) - len(raw.lstrip()))  # `pos` within `part`
    rest = strip_lead_in(part)
    if len(part) - len(rest) <= at and len(content_words(rest)) >= 2:  # the match stays
        part = rest
    return part[:1].upper() + part[1:]


# Where a clause ends inside a sentence: a comma, semicolon, colon or spaced dash, or a run-on's
# next clause opening with no comma before it — "just ..." or the user saying what they want or
# do ("Don't switch me to annual just cancel my plan", "no discount we are cancelling", "I don't
# need help I want to close my account"); not after a negation or "to" ("don't just cancel it").
_CLAUSE_END = re.compile(
    r"[,;:]|\s[-–—]\s|(?<=[a-z0-9])(?<!\bnot)(?<!n['’]t)(?<!\bdont)(?<!\bnever)(?<!\bto)\s+"
    r"(?=(?:just|(?:i|we)(?: just| really| simply| now)? (?:want|need|would like|['’]d like|am|are|r)"
    r"|(?:i|we)['’](?:m|re))\b)",
    re.IGNORECASE,
)


# A clause that ends on a negation, its verb still to come: "Please don't,", "I'd never,".
_DANGLING_NEGATION = re.compile(
    r"\b(?:(?<!\bor )not|never|don['’]?t|do not|won['’]?t|will not|wouldn['’]?t|would not)\s*[,;:–—-]?\s*$",
    re.IGNORECASE,
)


# A list's last items: "[Don't close,] cancel or delete my account".
_LIST_TAIL = re.compile(r"^[^,;:]*\b(?:or|nor|and)\b", re.IGNORECASE)


def _clause_of(sentence: str, start: int, end: int) -> str:
    """The clauses of `sentence` that hold `start`..`end`: "Don't switch me to annual, just
    cancel my plan" -> "just cancel my plan" for a match on the cancel. A list's items are one
    clause: "Don't close, cancel or delete my account" is read whole."""
    bounds = [0]
    hi = len(sentence)
    for m in _CLAUSE_END.finditer(sentence):
        if m.end() <= start:
            bounds.append(m.end())
        elif m.start() >= end:
            hi = m.start()
            break
    # short items before a clause that ends a list ("close, cancel or delete") are its head
    if _LIST_TAIL.match(sentence[bounds[-1] : hi]):
        while len(bounds) > 1 and len(sentence[bounds[-2] : bounds[-1]].split()) <= 3:
            bounds.pop()
    # a negation whose verb comes after an aside set off by commas negates it: "Please don't,
    # under any circumstances, cancel my subscription" reads "Please don't cancel my subscription"
    for k in range(len(bounds) - 2, 0, -1):
        head = sentence[bounds[k - 1] : bounds[k]]
        if _DANGLING_NEGATION.search(head):
            return head.rstrip(" ,;:-–—") + " " + sentence[bounds[-1] : hi].lstrip()
        if len(head.split()) > 6:
            break
    return sentence[bounds[-1] : hi]


def _vetoes(entry: str | dict[str, str], text: str, m: re.Match[str]) -> bool:
    """Whether one `local.unless` entry vetoes the match `m`: its regex found in `text`, and, for
    a {regex, match} entry, `match` found in the matched words (the veto explains that reading
    only: a new supplier set up in the product is no provider left for, but it does not unsay a
    cancel in the same sentence)."""
    if isinstance(entry, str):
        return bool(_rx(entry).search(text))
    only = entry.get("match")
    return bool(_rx(entry["regex"]).search(text)) and (not only or bool(_rx(only).search(m[0])))


def _vetoed(facet: Facet, said: str, m: re.Match[str]) -> bool:
    """The facet's `local.unless` regexes: a sentence one of them matches is not read by its
    keyword rules ("add a margin column to the sales table" names money as data, not a price);
    `local.unless_clause` regexes are read in the match's clause only: a negation vetoes the act
    it negates, not another act of the sentence ("Don't switch me to annual, just cancel")."""
    lo, hi = _sentence_span(said, m.start())
    sentence = said[lo:hi]
    clause = _clause_of(sentence, m.start() - lo, min(m.end(), hi) - lo)
    onward = said[lo : _next_turn_end(said, hi)]
    return any(
        _vetoes(u, onward if isinstance(u, dict) and u.get("reads") == "onward" else sentence, m)
        for u in facet.local.get("unless") or ()
    ) or any(_vetoes(u, clause, m) for u in facet.local.get("unless_clause") or ())


def _next_turn_end(text: str, pos: int) -> int:
    """Where the user's next turn after `pos` ends (user_messages puts each turn on its own
    line): an `unless` entry with `reads: onward` reads on to there ("The company went with a
    competitor. Mark the deal lost." names the record in the next sentence or turn)."""
    nl = text.find("\n", pos)
    nxt = -1 if nl < 0 else text.find("\n", nl + 1)
    return len(text) if nxt < 0 else nxt


def _turn_window(text: str, pos: int) -> str:
    """The sentence of `text` that holds `pos` with the one before and the one after it in the
    same line (user_messages puts each user turn on its own line): "Switching to Revolut. This
    app is hopeless." says why in the next sentence."""
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    hi = len(text) if hi < 0 else hi
    cuts = [lo, *(m.end() for m in _SENTENCE_END.finditer(text, lo, hi)), hi]
    i = max(k for k, c in enumerate(cuts[:-1]) if c <= pos)
    return text[cuts[max(i - 1, 0)] : cuts[min(i + 2, len(cuts) - 1)]]


def _turn_before(text: str, pos: int) -> str:
    """The user's turn before the one that holds `pos` (the line before it): "Your app keeps
    crashing." then "We're moving to Acme." gives the reason a turn earlier."""
    end = text.rfind("\n", 0, pos)
    return "" if end < 0 else text[text.rfind("\n", 0, end) + 1 : end]


def _leaves_for(facet: Facet, said: str, m: re.Match[str]) -> bool:
    """Whether a match's named `provider` is one the user would leave for — the one reading of a
    named switch that Churn risk's keywords and Competitor mention's rules share: no place,
    language, currency, time or setting (`provider_names.no_provider`), no move of the user's
    home or job (`relocating`), and a vendor of the facet's `local.providers` pattern (the shipped
    file points it at Competitor mention's named vendors; a name in lower case counts only so:
    "moving to tableau") or a name beside a sentence that says the user leaves this provider
    ("because of your fees", "instead", "for good", "Your outages cost us too much.": the
    sentence, the one before or the one after in the same turn; or a complaint in the user's turn
    before). An unknown name alone is the user's own stack, team or payment method ("we're moving
    to Postgres", "switching to Teams for calls", "switch to PayPal at checkout"). A name in lower
    case counts so too when its turn has no capital at all: the writer capitalises nothing ("im
    switching to acme, ur app is useless")."""
    name = said[slice(*m.span("provider"))]
    window = _turn_window(said, m.start("provider"))
    if relocating(window):
        return False
    if named_vendor(facet.local.get("providers"), name):
        return True  # before no_provider: a listed vendor shouted ("MOVING TO ZENDESK") is one
    lower_writer = window == window.lower() and name.split()[0].lower() not in FUNCTION_WORDS
    written_as_name = name[:1].isupper() or lower_writer  # "the cloud" is no name
    return (
        not no_provider(name)
        and written_as_name
        and leaves_this_provider(window, _turn_before(said, m.start("provider")))
    )


# A supposition asked about: "suppose we don't renew, ...?", "hypothetically, ...?", "in case ...?"
_SUPPOSING = re.compile(
    r"\b(?:suppos(?:e|ing)|hypothetically|in case|what if|say we|let['’]s say)\b", re.IGNORECASE
)


# A leaving weighed, not decided: "we might go with someone else", "the board may well ...",
# "considering to go with other provider", "thinking of going with a competitor".
_WEIGHED = re.compile(r"\b(?:might|may|could|considering|thinking|tempted)\b", re.IGNORECASE)


def _weighed(facet: Facet, label: str, said: str) -> str:
    """`local.weighed` (a label): a more severe label whose matched words weigh the act ("We
    might go with someone else") reads as that one — a threat or an evaluation, not a decision.
    Read in the match only, so a rule that allows no weighing word is not touched."""
    cap = facet.local.get("weighed")
    names = [s.name for s in facet.label_specs]
    if cap in names and names.index(label) < names.index(cap) and _WEIGHED.search(said):
        return str(cap)
    return label


def _capped(facet: Facet, label: str, sentence: str) -> str | None:
    """`local.on_condition` (a label): a more severe label said on a condition reads as that one
    ("if this isn't fixed by Friday we're cancelling" is a threat, Churn risk HIGH, not a decision
    made; `sentiment_leaving.on_condition`); asked as a question it is no label at all ("what
    happens to our data if we cancel?", "suppose we don't renew, do we lose access?")."""
    cap = facet.local.get("on_condition")
    names = [s.name for s in facet.label_specs]
    if cap in names and names.index(label) < names.index(cap):
        conditional = on_condition(sentence)
        if sentence.rstrip().endswith("?") and (conditional or _SUPPOSING.search(sentence)):
            return None
        if conditional:
            return str(cap)
    return label


# Text-speak "2" for "to" after a verb of moving: "imma switch 2 tide", "movin 2 wise".
_TWO_AS_TO = re.compile(
    r"\b(switch\w*|mov\w*|migrat\w*|jump\w*|port\w*|go|going) 2 (?=[a-z])", re.I
)


def apply_rules(text: str, facet: Facet) -> tuple[str, str | None]:
    """(summary, label) for a rules facet. Cue words are read outside code tokens (paths,
    identifiers, URLs: `code_terms.mask_code`): "billing/invoice.py" asks no price, and
    "price_table" mentions no cost; the summary quotes the sentence as written. A labelled
    facet's `local.respell` words are also read as typed one slip away (`text.respell`: "im
    cancelin", "cancle my acount"), its negations with their apostrophe ("we arent renewing",
    "we wont renew": `text.apostrophes`) and a text-speak "2" as "to" ("switch 2 tide"): the
    more severe label of the two readings wins, the one as written on a tie (its summary then
    quotes the respelled sentence)."""
    summary, label = _apply_rules(text, facet)
    words = facet.local.get("respell")
    if words and facet.labels:
        fixed = respell(_TWO_AS_TO.sub(r"\1 to ", apostrophes(text)), words)
        if fixed != text:
            again = _apply_rules(fixed, facet)
            names = [s.name for s in facet.label_specs]
            rank = {n: i for i, n in enumerate(names)}
            if rank.get(again[1] or "", len(names)) < rank.get(label or "", len(names)):
                return again
    return summary, label


def _apply_rules(text: str, facet: Facet) -> tuple[str, str | None]:
    said = text
    text = mask_code(text)  # same length: positions point into `said`
    for spec in facet.label_specs:
        patterns = [_rx(kw) for kw in spec.keywords]
        if spec.name == facet.local.get("not_returning"):
            patterns.append(NOT_RETURNING)  # Sentiment's reading of "not coming back", one for both
        for rx in patterns:
            for m in rx.finditer(text):
                if m.groupdict().get("provider") and not _leaves_for(facet, said, m):
                    continue  # "switch to English", "moving to Postgres", "Teams for calls"
                sentence = _sentence_at(said, m.start())
                if not _vetoed(facet, said, m):
                    # the condition is read in the run-on part that says it ("... if we
                    # downgrade to Free We're cancelling" is no cancelling on a condition)
                    part = _sentence_at(said, m.start(), limit=10_000)
                    label = _capped(facet, spec.name, part)
                    if label is None:
                        continue  # a hypothetical question: the next match may say more
                    label = _weighed(facet, label, m[0])
                    return f"{spec.name}: {sentence}", label
    for rule in facet.rules:
        for m in _rx(rule.pattern).finditer(text):
            if m.groupdict().get("provider") and not _leaves_for(facet, said, m):
                continue  # "moving to Postgres", "switching to Teams for calls"
            name = m.groupdict().get("name") or m.groupdict().get("provider")
            if _names_nothing(name) and not named_vendor(facet.local.get("providers"), name or ""):
                continue  # the next match of the rule may name a product
            fields = {k: (said[slice(*m.span(k))] if v else "") for k, v in m.groupdict().items()}
            fields.setdefault("match", said[m.start() : m.end()])
            fields = {k: v.strip() for k, v in fields.items()}
            for k in ("name", "provider"):  # "compared to Sigma. Honestly" names Sigma
                if k in fields:
                    fields[k] = _name_in_sentence(fields[k])
            # "power bi" -> "Power Bi": a name, not a fragment
            for k in ("match", "name", "provider"):
                if k in fields and fields[k].islower():
                    fields[k] = fields[k].title()
            fields["sentence"] = _sentence_at(said, m.start())
            try:
                summary = rule.summary.format(**fields)
            except (KeyError, IndexError, ValueError):
                summary = f"{fields['match']}: {fields['sentence']}"
            return summary, rule.label
    default = facet.default_label or "NONE"
    label = default if facet.labels else None
    return default, label


def has_local_rules(facet: Facet) -> bool:
    return any(s.keywords for s in facet.label_specs) or bool(facet.rules)
