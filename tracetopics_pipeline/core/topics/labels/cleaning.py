"""The text a name may come from: summaries without placeholders, URLs, prefixes, JSON
syntax or code identifiers (`clean_for_naming`), and label values and names made readable."""

from __future__ import annotations

import re
from collections import Counter

from tracetopics_pipeline.core.facets.handoff_tools import handoff_tool
from tracetopics_pipeline.core.facets.tool_error import error_kind, message_words
from tracetopics_pipeline.core.topics.labels.words import (
    COMMON_VERBS,
    ENUM_PREFIX,
    FUNCTION_WORDS,
    PLACEHOLDER,
)

_HEAD = re.compile(r"^\s*([^:]{1,40}?)\s*:\s+")
_JSON_SPAN = re.compile(r"'?\{[^{}]*\}'?|\"?\{[^{}]*\}\"?|\[[^\[\]]*\]")
# a quote, not the apostrophes of "You've ... I'm"
_QUOTED = re.compile(r"(?<![A-Za-z])'[^']{0,80}'(?![A-Za-z])|\"[^\"]{0,80}\"")
_URL = re.compile(r"https?://\S+|www\.\S+")


# "has not shown up", "isn't showing", "hasn't arrived" -> "not shown up", "not showing",
# "not arrived": one form for the many negations of a state, as product people name them.
_STATE_NEGATION = re.compile(
    r"\b(?:has|have|had|is|are|was|were)(?:n't| not)\s+(?:been\s+|yet\s+)?(?=\w+(?:ed|en|ing|wn)\b)",
    re.I,
)

# "did not help", "does not sync" -> "didn't help", "doesn't sync": a span may open on the
# negated auxiliary ("Didn't help", `grammar._LEADS`), never on a "not" that lost it ("Not help or
# the problem persists", `grammar._bare_not`).
_DO_NOT = re.compile(r"\b(does|did)\s+not\b", re.I)


_JSON_KEY = re.compile(r"(?<![\w-])[\"']?[A-Za-z_][\w-]*[\"']?\s*:")  # from a word start: linear
_JSON_MARKS = re.compile(r"[{}\[\]\"',]+")
_SNAKE = re.compile(r"\b[A-Za-z][a-z0-9]*(?:_[A-Za-z0-9]+)+\b")
_CAMEL = re.compile(r"\b[a-z]+(?:[A-Z][a-z0-9]+)+\b")
# An identifier's leading verb read as what it does to its object: "get_sso_config" is an
# "SSO config lookup", "create_ticket" a "ticket creation"; other verbs keep their place
# ("run_export" -> "run export").
_IDENT_VERB_NOUN = {
    **dict.fromkeys("get fetch read list find lookup query load retrieve".split(), "lookup"),  # noqa: SIM905
    **dict.fromkeys("create add new insert".split(), "creation"),  # noqa: SIM905
    **dict.fromkeys("update set edit patch modify".split(), "update"),  # noqa: SIM905
    **dict.fromkeys("delete remove drop".split(), "deletion"),  # noqa: SIM905
}
IDENTIFIER_NOUNS = frozenset(_IDENT_VERB_NOUN.values())
_CVC = re.compile(r"^[b-df-hj-np-tv-z][aeiouy][a-z]$")
# A stack trace's own lines (Python's header, chained-exception lines and frames, Java's
# "Exception in thread" and "at pkg.Class.method(File.java:12)", .NET's frame separator).
_TRACEBACK_TEXT = re.compile(
    r"Traceback \(most recent call last\):?"
    r"|During handling of the above exception, another exception occurred:?"
    r"|The above exception was the direct cause of the following exception:?"
    r"|Exception in thread \"?[\w-]+\"?"
    r"|--- End of stack trace from previous location[^-\n]*---"
    r"|File \"[^\"\n]*\", line \d+(?:, in [\w<>.]+)?"
    r"|\bat [\w$.<>]+\([\w.]*:?\d*\)",
    re.I,
)


def _ident_word(part: str) -> str:
    """One piece of an identifier: short pieces that do not read as a word are acronyms."""
    low = part.lower()
    if low in FUNCTION_WORDS or low in COMMON_VERBS or not low.isalpha():
        return low
    if len(low) == 2 or (len(low) == 3 and not _CVC.match(low)):
        return low.upper()  # "id", "sso", "api", "csv"
    return low


def identifier_words(ident: str) -> str:
    """A code identifier as words: snake_case and camelCase split, acronyms upper-cased, a
    leading lookup/create/update/delete verb read as a noun after its object."""
    parts = [x for x in re.split(r"_+|(?<=[a-z0-9])(?=[A-Z])", ident) if x]
    if len(parts) < 2:
        return ident
    head = parts[0].lower()
    if all(x.isdigit() or x.lower() in _IDENT_VERB_NOUN for x in parts):
        return " . "  # "get_1", "step_2": a number is all it says, not a name
    words = [_ident_word(x) for x in parts]
    if head in _IDENT_VERB_NOUN:
        words = [*words[1:], _IDENT_VERB_NOUN[head]]
    return " ".join(words)


def _json_text(m: re.Match[str]) -> str:
    """A JSON span reduced to its values ('{"error": "permission denied"}' -> "permission
    denied"): the message of an error payload, without keys, braces or quotes."""
    return " . " + _JSON_MARKS.sub(" . ", _JSON_KEY.sub(" . ", m.group(0))) + " . "


def clean_for_naming(text: str, *, strip_head: bool = False) -> str:
    """The parts of a summary a name may come from: no placeholders, URLs, prefixes, stack
    trace lines, JSON syntax (its values stay) or code identifiers (read as words)."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")  # "I\u2019m" is one word
    text = _STATE_NEGATION.sub("not ", text)
    text = _DO_NOT.sub(lambda m: f"{m[1]}n't", text)
    text = ENUM_PREFIX.sub("", text)
    if strip_head:
        text = _HEAD.sub("", text, count=1)
    text = _URL.sub(" . ", text)
    text = _TRACEBACK_TEXT.sub(" . ", text)  # "most recent call last" is never a name
    for _ in range(3):  # nested objects, innermost first
        text, n = _JSON_SPAN.subn(_json_text, text)
        if not n:
            break
    text = PLACEHOLDER.sub(" . ", text)
    text = _QUOTED.sub(
        lambda m: m.group(0) if len(m.group(0)) < 30 else f" . {m.group(0)[1:-1]} . ", text
    )
    text = _SNAKE.sub(lambda m: identifier_words(m.group(0)), text)
    return _CAMEL.sub(lambda m: identifier_words(m.group(0)), text)


def shared_head(texts: list[str]) -> bool:
    """Most texts open with the same "X: " (a facet label or a competitor): not a name."""
    heads = Counter(m.group(1).lower() for t in texts if (m := _HEAD.match(t)))
    return bool(heads) and heads.most_common(1)[0][1] >= 0.5 * len(texts)


def tidy_label(text: str) -> str:
    """One line, no surrounding quotes or punctuation, the first letter upper-cased."""
    text = re.sub(r"\s+", " ", text).strip(" \"'`.,;:!?-")
    return text[:1].upper() + text[1:] if text else text


def readable_value(value: str) -> str:
    """A label value as a line a person reads: "FAILED_TOOL_CALL" -> "Failed tool call"."""
    words = re.sub(r"[_\s]+", " ", value).strip()
    if words.isupper() or words.islower():
        words = words.lower()
    return tidy_label(words)


# ---------------------------------------------------------------- labelled facets' summaries
# A labelled facet's summary names its subtopic only through the part that is the subtopic's:
# its own label's detail, the error class of a failed call, the request inside a wish, the
# complaint after a compliment (`labelled_text`). The stored summary is unchanged.

_PART_HEAD = re.compile(r"^\s*([A-Za-z][A-Za-z _-]{0,40}?)\s*:\s")
_PART_SPLIT = re.compile(r";\s+")


def _head_words(text: str) -> set[str]:
    return {w.lower().rstrip("s") for w in re.split(r"[\s_-]+", text) if len(w) > 2}


def own_part(text: str, key: str) -> str:
    """Of a summary that lists several labels' details ("Timeout: slow answer; Refusal: I
    can't delete"), the part of the label `key` (the one sharing most words with it); the text
    itself when it is not such a list or no part matches."""
    parts = [p for p in _PART_SPLIT.split(text) if p.strip()]
    if len(parts) < 2 or not key:
        return text
    want = _head_words(key)
    best, best_score = None, 0.0
    for p in parts:
        m = _PART_HEAD.match(p)
        if not m:
            return text
        have = _head_words(m.group(1))
        score = len(want & have) / len(want | have) if want | have else 0.0
        if score > best_score:
            best, best_score = p, score
    return best if best is not None else text


# Standard HTTP reason phrases: a bare status names its class of error.
_HTTP_REASON = {
    400: "Bad request", 401: "Unauthorized", 403: "Forbidden", 404: "Not found",
    405: "Method not allowed", 408: "Request timeout", 409: "Conflict", 413: "Payload too large",
    422: "Unprocessable entity", 429: "Too many requests", 500: "Internal server error",
    501: "Not implemented", 502: "Bad gateway", 503: "Service unavailable",
    504: "Gateway timeout",
}  # fmt: skip
_CALL_RESULT = re.compile(
    r"\b(?:called\s+)?(?P<tool>[A-Za-z][\w.-]*[A-Za-z0-9]),?\s+(?:which\s+)?(?:returned|raised|threw|failed with|"
    r"errored with|responded with|gave|answered)\s*:?\s*(?P<payload>.+)$",
    re.I | re.S,
)
_ERROR_LINE = re.compile(r"^\W*(?:error|exception|fatal|failure)\s*:\s*([^,;.'\"()]+)", re.I)
_HTTP_PHRASE = re.compile(r"\bHTTP\s*\d{3}\s+([A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+){0,3})")


def error_class(payload: str) -> str:
    """The class of error a tool's answer shows, as a name's words: the reply is read by
    `tool_error.error_kind` (a timeout only when it says so, a refused permission, an
    exception's class, an HTTP status), a status worded by the payload's own message or reason
    phrase; a business rule's sentence ("Error: payment amount does not add up") keeps up to
    six words, where the short form keeps four; "" when none."""
    # the fixed form's message words ("returned 'rate limited'")
    if m := _QUOTED_REPLY.match(payload):
        return m.group(1).capitalize()
    kind = error_kind(payload)
    if kind == "timed out":
        return "Timeout"
    if kind == "permission denied":
        return "Permission denied"
    if kind.startswith("raised "):
        return kind.removeprefix("raised ")
    if m := _HTTP_PHRASE.search(payload):
        return m.group(1).capitalize()
    if msg := message_words(payload):  # "Internal Server Error" -> "Internal server error"
        return msg.capitalize()
    if m := re.fullmatch(r"HTTP (\d{3})", kind):
        return _HTTP_REASON.get(int(m.group(1)), f"{kind} error")
    if re.search(r"\btraceback\b", payload, re.I):
        return "Exception"
    if m := _ERROR_LINE.search(payload):  # "Error: payment method not found"
        words = [w for w in m.group(1).split() if not any(c.isdigit() for c in w)]
        while words and words[-1].lower() in FUNCTION_WORDS - {"up", "out", "off", "down"}:
            words.pop()  # "... on date [2024-05-10]"; "does not add up" keeps its particle
        if words:
            return " ".join(words[:6]).capitalize()
    return ""


# The Issues summary's fixed form of an HTTP error ("get_account returned HTTP 503"): named
# "HTTP 503 in account lookup"; a reason phrase ("Too many requests in report schedule lookup")
# would lengthen it past six words, and a verb before the number ("returns 503") is no name.
_FIXED_STATUS = re.compile(r"\s*HTTP\s+([45]\d\d)\b(?:\s*\(\+\d+ more\))?\s*$")
_QUOTED_REPLY = re.compile(r"\s*'([A-Za-z][A-Za-z' -]{2,60})'\s*(?:\(\+\d+ more\))?\s*$")
# The Issues summary's fixed short form of a call that timed out or failed with no class read
# ("get_account timed out", "get_account failed (agent reported '...')"): what the agent said
# is dropped, the tool and what happened to it name the failure.
_CALL_STATE = re.compile(
    r"\b(?P<tool>[A-Za-z][\w.-]*_[\w.-]*[A-Za-z0-9]|[a-z]+[A-Z][\w]*)\s+(?P<state>timed out|failed)"
    r"(?:\s*\((?:agent|assistant) reported (?:\"[^\"]*\"|'[^']*')\))?(?:\s*\(\+\d+ more\))?",
)


def _call_state(c: re.Match[str]) -> str:
    """ "<tool> timed out" as "<tool as words> timed out"; "<tool> failed" as "Failed <tool as
    words>", a noun phrase ("Failed order lookup", "Failed handover to a human"): a span of
    "Order lookup failed" would read as a cut sentence ("Lookup failed")."""
    tool = _tool_words(c["tool"]).strip()
    return f"{tool} timed out" if c["state"] == "timed out" else f"Failed {tool}"


def _call_error(text: str) -> str:
    """A call's result ("<tool> returned <payload>") as "<error class> in <tool as words>"
    ("<tool> timed out" for a timeout, "<tool> failed" when no class is known); else the text."""
    m = _CALL_RESULT.search(text)
    if not m:
        return _CALL_STATE.sub(_call_state, text)
    tool = _tool_words(m.group("tool"))
    if code := _FIXED_STATUS.match(m.group("payload")):  # "returned HTTP 503": short and exact
        return f"{text[: m.start()]}HTTP {code.group(1)} in {tool}"
    cls = error_class(m.group("payload"))
    if not cls:
        return text
    if cls == "Timeout":  # "Report schedule lookup timed out", as a timeout reads
        return f"{text[: m.start()]}{tool} timed out"
    return f"{text[: m.start()]}{cls} in {tool}"


def call_class_name(tool: str, cls: str) -> str:
    """A failed call's (tool, error class) as a subtopic's name, "<tool as words>: <class>"
    ("Account lookup: server error", "SSO config lookup: ConnectionResetError"); "" when the
    tool reads as no words or the name would pass six words."""
    words = identifier_words(tool).strip(" .")
    if not words or len(words.split()) + len(cls.split()) > 6:
        return ""
    return f"{words[:1].upper()}{words[1:]}: {cls}"


# A group of rare failed-call pairs (`maps._call_groups`): one tool's other errors, or one class
# across the other tools.
OTHER_ERRORS = "other errors"
OTHER_TOOLS = "Other tools"


def call_group_name(tool: str, cls: str) -> str:
    """A failed-call group's subtopic name (`maps._name_call_pairs`): "<tool as words>: <class>",
    "<tool as words>: other errors", "Other tools: <class>"."""
    return f"{OTHER_TOOLS}: {cls}" if tool == OTHER_TOOLS else call_class_name(tool, cls)


def call_group_names(tool: str, cls: str) -> set[str]:
    """The names of the groups a failed call's (tool, class) may fall in: its pair's, its tool's
    other errors, its class across the other tools."""
    return {call_group_name(*g) for g in ((tool, cls), (tool, OTHER_ERRORS), (OTHER_TOOLS, cls))}


HANDOVER = "handover to a human"


def _tool_words(tool: str) -> str:
    """A tool's name as words; a handoff tool, however named (facets/handoff_tools.py, the Issues
    facet's reading: create_ticket_for_human, escalate_case), as one action."""
    return HANDOVER if handoff_tool(tool) else identifier_words(tool)


# "called <tool>" in an Issues summary: a handoff tool reads as the handover.
_CALLED = re.compile(r"\bcalled\s+(?P<tool>[A-Za-z][\w.-]*[A-Za-z0-9])")
# Handing the conversation over in words (a model's summary): "transferred to a human agent",
# "escalate to human" are one action.
_HANDOVER = re.compile(
    r"\b(?:called\s+)?(?:transfer|escalate|hand_?off|hand_over|handover|route|forward|connect)"
    r"\w*?[_ ]?(?:to[_ ]?)?(?:a[_ ])?(?:human|live|person|agent|operator|support|staff|rep)\w*",
    re.I,
)
# First-person refusals ("I'm unable to delete", "sorry, but I can't grant", "Unfortunately, I
# cannot process") as one form: "can't delete".
_REFUSAL = re.compile(
    r"\b(?:(?:sorry|unfortunately|i'm afraid|i am afraid)[,!]?\s*(?:but\s+)?)?"
    r"I(?:'m| am)?\s+(?:not able|unable|cannot|can't|can not|won't|am not allowed|'m not allowed|"
    r"not allowed)\s+(?:to\s+)?(?=\w)",
    re.I,
)
# A compliment before the complaint ("Love the product, but ...", "you've been helpful
# before, but ..."): the complaint names the topic.
_PRAISE = (
    r"(?:love|loved|like|liked|enjoy|appreciate|appreciated|great|good|nice|helpful|useful|"
    r"thanks|thank|grateful|fan|happy|impressed|fantastic|amazing|awesome|excellent|brilliant|"
    r"quick|fast|solid)"
)
_PREAMBLE = re.compile(rf"(?:^|(?<=[.!?:]\s))[^.!?:]*?\b{_PRAISE}\b[^.!?:]*?,?\s+but\s+", re.I)
# A wish ("it would be great if X supported Y") and what is wished.
_WISH = re.compile(
    r"\b(?:(?:it|that)(?:'d| would)|would)\s+(?:really\s+)?(?:be\s+)?(?:so\s+|really\s+)?"
    r"(?:great|nice|better|useful|helpful|good|awesome|amazing|cool|ideal|handy|easier|"
    r"help(?:\s+a\s+lot)?)\s+(?:if|that)\s+(?P<rest>[^.!?]+)"
    r"|\b(?:i|we)(?:'d)?\s+(?:really\s+)?wish\s+(?:that\s+)?(?P<wished>[^.!?]+)"
    r"|\b(?:(?:could|can|would|will)\s+you\s+(?:please\s+)?)?make\s+it\s+so\s+(?:that\s+)?"
    r"(?P<made>[^.!?]+)",
    re.I,
)
_SUBJECT_PRONOUNS = frozenset("you it they we brightboard the product your product".split())  # noqa: SIM905
# Verbs of having or offering: what the subject would have is the request.
_HAVE = frozenset(
    """had have supported support offered offer included include provided provide allowed allow
    added add gave give showed show let""".split()  # noqa: SIM905
)
_IRREGULAR_ING = {"kept": "keeping", "had": "having", "let": "letting", "made": "making",
                  "showed": "showing", "shown": "showing", "did": "doing", "sent": "sending",
                  "told": "telling", "took": "taking", "gave": "giving", "got": "getting"}  # fmt: skip


def _gerund(verb: str) -> str:
    low = verb.lower()
    if low in _IRREGULAR_ING:
        return _IRREGULAR_ING[low]
    if low.endswith("ied"):
        return low[:-3] + "ying"
    if low.endswith("ed"):
        base = low[:-2]
        if len(base) > 2 and base[-1] == base[-2] and base[-1] in "bdgmnprt":
            base = base[:-1]  # "stopped" -> "stop"
        return base + "ing"
    return low + "ing" if not low.endswith("e") else low[:-1] + "ing"


def wish_request(text: str) -> str:
    """A wish rewritten as what is asked for: "it would be great if the editor had
    autocomplete" -> "autocomplete in the editor", "... if you supported SMS alerts" ->
    "support for SMS alerts", "... if the export kept my filters" -> "the export keeping my
    filters", "... if the log could be filtered by user" -> "the log filtering by user"."""
    m = _WISH.search(text)
    if not m:
        return text
    toks = (m.group("rest") or m.group("wished") or m.group("made")).split()
    for i, w in enumerate(toks[:6]):
        low = w.lower()
        nxt = toks[i + 1].lower() if i + 1 < len(toks) else ""
        if low in ("could", "would", "can", "will") and nxt:
            j = i + 1
            if nxt == "be" and j + 1 < len(toks):  # "could be filtered" -> "filtering"
                verb, rest = _gerund(toks[j + 1]), toks[j + 2 :]
            elif nxt in _HAVE:
                verb, rest = nxt, toks[j + 1 :]
            else:
                verb, rest = _gerund(nxt), toks[j + 1 :]
        elif low in _HAVE:
            verb, rest = low, toks[i + 1 :]
        elif (low.endswith("ed") and i > 0) or low in _IRREGULAR_ING:
            verb, rest = _gerund(low), toks[i + 1 :]
        else:
            continue
        subject = " ".join(toks[:i])
        own = subject.lower() in _SUBJECT_PRONOUNS or not subject
        if verb in _HAVE:
            what = " ".join(rest)
            request = f"support for {what}" if own else f"{what} in {subject}"
        else:
            request = f"{verb} {' '.join(rest)}" if own else f"{subject} {verb} {' '.join(rest)}"
        return f"{text[: m.start()]}{request}{text[m.end() :]}"
    return text


# A lone domain ending left by a redacted address ("<EMAIL>.com", "com Can you ...").
_TLD_REMNANT = re.compile(
    r"(?:(?<=^)|(?<=[:>.]\s)|(?<=[:>]))\s*\.?\b(?:com|org|net|io|co)\b\s*(?=[A-Z])"
)


# A loop as the issues summary states it ("called get_sso_config with the same arguments 3
# times"): the repeated call is what went wrong, the count one case's.
_REPEATED_CALL = re.compile(
    r"\bcalled\s+(?P<tool>[A-Za-z][\w.-]*[A-Za-z0-9])\s+with\s+the\s+same\s+arguments"
    r"(?:\s+(?:\d+|\w+)\s+times)?",
    re.I,
)
# What the agent said after a failed call, as the issues summary quotes it ("agent reported
# 'I'm unable to issue' after a tool call"): the quote is what went wrong.
_REPORTED = re.compile(
    r"\b(?:the\s+)?(?:agent|assistant|bot)\s+(?:reported|said|replied|answered)\s+"
    r"(?:\"(?P<said>[^\"]+)\"|'(?P<said1>[^']+)')",
    re.I,
)


def _repeated_call(text: str) -> str:
    return _REPEATED_CALL.sub(lambda m: f"repeated call to {identifier_words(m['tool'])}", text)


def labelled_text(text: str, key: str | None = None) -> str:
    """The text a labelled facet's subtopic is named from: the part of the summary that belongs
    to its label `key`, without the enum prefix or a redaction's leftovers, a failed call read
    as "<error class> in <tool>", a loop's call as "repeated call to <tool>", what the agent
    reported after a call as what it said, a handover as one action, a refusal as "can't <verb>", a
    compliment before "but" dropped, a wish rewritten as the request."""
    text = own_part(text, key or "")
    text = ENUM_PREFIX.sub("", text).lstrip()
    text = _TLD_REMNANT.sub("", text)
    text = _call_error(text)
    text = _repeated_call(_REPORTED.sub(lambda m: m["said"] or m["said1"], text))
    text = _CALLED.sub(lambda m: HANDOVER if handoff_tool(m["tool"]) else m.group(0), text)
    text = _HANDOVER.sub(HANDOVER, text)
    text = _REFUSAL.sub("can't ", text)
    text = _PREAMBLE.sub("", text)
    return wish_request(text)


# ---------------------------------------------------------------- labelled facets' parents
# Values that grade the facet ("High" churn risk, "Positive" sentiment): they read with the
# facet's name. Any other value is a kind of thing and reads as its plural ("Refusals").
GRADES = frozenset(
    """positive negative neutral mixed high low medium moderate critical severe minor major
    urgent normal strong weak none unknown other good bad""".split()  # noqa: SIM905
)
_LINKS = frozenset("as of for in with to by on from about".split())  # noqa: SIM905


def _plural(word: str) -> str:
    low = word.lower()
    if low.endswith(("ss", "sh", "ch", "x", "z")):
        return word + "es"
    if low.endswith("s") or low.endswith("ing"):
        return word  # already plural, or a mass noun ("pricing")
    if low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def label_parent_name(value: str, facet_name: str, *, title: str = "") -> str:
    """How a labelled facet's label value reads as a parent topic, one pattern for every
    facet: the label's `title` when the facet gives one; a grade with the facet's name ("High
    churn risk", "Positive sentiment"); any other value as the plural of its head noun
    ("Refusals", "Failed tool calls", "Custom quotes", "Bugs as requests")."""
    if title.strip():
        return tidy_label(title)
    words = readable_value(value).split()
    if not words:
        return tidy_label(facet_name)
    if len(words) == 1 and words[0].lower() in GRADES:
        return tidy_label(f"{words[0]} {facet_name.lower()}")
    low = [w.lower() for w in words]
    link = next((i for i, w in enumerate(low) if w in _LINKS and i > 0), len(words))
    words[link - 1] = _plural(words[link - 1])
    if link < len(words) - 1 and low[link] == "as":  # "Bug as request" -> "Bugs as requests"
        words[-1] = _plural(words[-1])
    return " ".join(words[:6])
