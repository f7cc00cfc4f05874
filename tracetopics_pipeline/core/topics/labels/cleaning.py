"""The text a name may come from: summaries without placeholders, URLs, prefixes, JSON
syntax or code identifiers (`clean_for_naming`), and label values and names made readable."""

from __future__ import annotations

import re
from collections import Counter

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
