"""The user's own words: what others said, quoted or reported, taken out before mood cues are read.

"My manager said 'this dashboard is useless'", "the error says 'payment failed'", "a review calls
our cake \"absolutely terrible\"", "my colleague said your support is terrible, but ...": the
words are someone else's (a person, a screen, a log), not the user's mood. `own_words` drops:

- a quoted span (straight or curly quotes), unless the user frames it as their own saying
  ("I said 'cancel it'", "we wrote \"urgent\""): kept, those are the user's words. The quote marks
  stay around an ellipsis, so "another 'we're looking into it'" still reads as a quote;
- speech reported without quotes by someone else ("my boss said this is useless", "my mate told
  me your app is rubbish"), to the end of its clause. The agent's words reported without quotes
  ("you said it would arrive Monday and it didn't") are kept: the user's verdict follows them.
"""

from __future__ import annotations

import re

# A quoted span: opened after a start, a space or a colon, closed before a space, punctuation or
# the end (an apostrophe inside a word, "don't", is no quote).
_QUOTE = re.compile(
    r"(?:(?<=^)|(?<=[\s:(\[—–-]))"
    r"(?:\"(?P<a>[^\"\n]{1,300})\"|“(?P<b>[^”\n]{1,300})”|‘(?P<c>[^’\n]{1,300})’(?![a-z])|"
    r"'(?P<d>(?:[^'\n]|'(?=[a-z]))*?[^\s'])'(?![a-z]))",
    re.I,
)
# The user framing a quote as their own words, right before it.
_OWN_FRAME = re.compile(
    r"\b(?:i|we)(?:'ve| have| had| did)?(?: \w+ly)?(?: already| just| even)? (?:said|say|says|"
    r"wrote|write|typed|type|told (?:you|them|him|her|the \w+)|tell (?:you|them)|asked|ask|"
    r"replied|answered|put|entered|searched|search(?:ed)? for|messaged|texted|emailed|e-mailed|"
    r"keep (?:saying|asking|typing|writing)|clicked|pressed|selected|chose|picked)"
    r"(?: (?:you|them|him|her|it|that|this))?(?: (?:twice|again|already|before))?[\s,:]*$",
    re.I,
)
# Someone else speaking, without quotes: a person or a thing as the subject (not I, we or you),
# a verb of saying, then what was said to the end of its clause.
_PRONOUN = r"(?:i|you|we|they|he|she|me|us|it)\b"
_OTHER = (
    r"(?:(?:my|our|his|her|their|the|a|an|one|some|this|that) (?:(?!" + _PRONOUN + r")\w+ ){0,2}?"
    r"(?!" + _PRONOUN + r")\w+|he|she|they|"
    r"someone|somebody|people|everyone|everybody|(?-i:[A-Z][a-z]+))"
)
_REPORTED = re.compile(
    r"\b" + _OTHER + r" (?:\w+ly )?(?:keeps? (?:saying|telling (?:me|us))|(?:said|says|told|tells)"
    r"(?: (?:me|us|him|her|them))?|thinks|thought|reckons|reckoned|claims|claimed|complained|complains|"
    r"wrote|writes)(?: that)?\s+(?!(?:and|or|but|so|then|because|when|if|after|before|as|to|"
    r"about|me|us|him|her|them)\b)(?P<said>[^,;.!?\n]*?)(?=\s*(?:[,;.!?\n]|\b(?:but|so|and (?:i|we)|and now i)\b|$))",
    re.I,
)
_NOT_OTHERS = re.compile(r"^(?:i|we|you|it)$", re.I)


def _frame_before(text: str, start: int) -> str:
    """The words of the sentence before position `start`."""
    head = text[:start]
    cut = max(head.rfind(". "), head.rfind("! "), head.rfind("? "), head.rfind("\n"))
    return head[cut + 1 :]


def own_words(text: str) -> str:
    """`text` without what others said (quoted, or reported by a third party)."""
    if not text:
        return text

    def unquote(m: re.Match[str]) -> str:
        if _OWN_FRAME.search(_frame_before(text, m.start())):
            return m.group(0)
        return m.group(0)[0] + "…" + m.group(0)[-1]

    out = _QUOTE.sub(unquote, text) if any(q in text for q in "\"“‘'") else text
    if not re.search(r"\b(?:said|says|told|tells|telling|saying|thinks|thought|reckon|claim|"
                     r"complain|wrote|writes)", out, re.I):  # fmt: skip
        return out

    def unreport(m: re.Match[str]) -> str:
        subject = m.group(0).split()[0]
        said = m.group("said").strip()
        if _NOT_OTHERS.match(subject) or not said or said[0] in "\"“‘'":  # quoted: done above
            return m.group(0)
        return m.group(0)[: m.start("said") - m.start()] + "…"

    return _REPORTED.sub(unreport, out)
