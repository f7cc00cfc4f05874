"""The user's own words: what others said, quoted or reported, taken out before mood cues are read.

"My manager said 'this dashboard is useless'", "the error says 'payment failed'", "a review calls
our cake \"absolutely terrible\"", "my colleague said your support is terrible, but ...": the
words are someone else's (a person, a screen, a log), not the user's mood. `own_words` drops:

- a quoted span (straight or curly quotes) that a frame of saying introduces ("... said", "the
  error says:", "a review calls our cake", "keeps telling me the app is"), unless the frame is the
  user's own ("I said 'cancel it'", "we wrote \"urgent\""). A quote without such a frame stays:
  scare quotes are the user's own irony ("the 'chilled' box arrived warm", "because 'try again
  later' is such a useful answer"). The quote marks stay around an ellipsis;
- speech a person reports without quotes ("my boss said this is useless", "my mate told me your
  app is rubbish", "Priya thinks it's a joke"), to the end of its clause. Only people are read as
  speakers (a relation or a role: boss, wife, colleague, customer, ...; he, she, someone, a name):
  "the page says wrong password again" or "they said it's still not ready" report the state of
  things, which is the user's news, and the agent's words ("you said it would arrive Monday") are
  followed by the user's verdict.
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
# A frame of saying right before a quote (a few words may come between: "calls our sourdough").
_SAYING_FRAME = re.compile(
    r"\b(?:said|says|say|saying|told|tells|telling|wrote|writes|written|reads|read|reading|shows|"
    r"showed|showing|displays|displayed|states|stated|calls?|called|calling|repl(?:y|ies|ied)|"
    r"responded|answered|complain(?:s|ed)?|claims?|claimed|goes|went|error|warning|message|"
    r"popup|pop-up|banner|notice|review|comment|note|text|e-?mail|letter|status|label|alert|"
    r"prompt|response|output|log)\b[^\"“‘'.!?\n]{0,40}?[\s,:—–-]*$",
    re.I,
)
# The user framing a quote as their own words.
_OWN_FRAME = re.compile(
    r"\b(?:i|we)(?:'ve| have| had| did)?(?: \w+ly)?(?: already| just| even)? (?:said|say|"
    r"wrote|write|typed|type|told (?:you|them|him|her|the \w+)|tell (?:you|them)|asked|ask|"
    r"replied|answered|put|entered|searched|search(?:ed)? for|messaged|texted|emailed|e-mailed|"
    r"keep (?:saying|asking|typing|writing)|clicked|pressed|selected|chose|picked)"
    r"(?: (?:you|them|him|her|it|that|this))?(?: (?:twice|again|already|before))?[\s,:]*$",
    re.I,
)
# People who speak: a relation or a role, a pronoun for one person, a name.
_PERSON = (
    r"(?:boss|manager|wife|husband|partner|mum|mom|mother|dad|father|parents?|son|daughter|kids?|"
    r"child(?:ren)?|friends?|mates?|colleagues?|co-?workers?|team ?mates?|clients?|customers?|"
    r"tenants?|landlord|landlady|neighbou?rs?|teacher|doctor|accountant|lawyer|sister|brother|"
    r"family|girlfriend|boyfriend|flatmates?|roommates?|supervisor|director|ceo|cto|staff|"
    r"employees?|users?|students?|guests?|patients?|members?|assistant|secretary|uncle|aunt|"
    r"grandma|grandpa|cousin|fianc[eé]e?|spouse|housemates?|reviewers?)"
)
_SPEAKER = (
    r"(?:(?:my|our|his|her|their|a|one of (?:my|our)|some of (?:my|our)|the) (?:\w+ )?"
    + _PERSON
    + r"|he|she|someone|somebody|everyone|everybody|people|(?-i:[A-Z][a-z]{2,}))"
)
_REPORTED = re.compile(
    r"\b" + _SPEAKER + r" (?:\w+ly |also |even |just )?(?:keeps? (?:saying|telling (?:me|us))|"
    r"(?:said|says|told|tells)(?: (?:me|us|him|her|them))?|thinks|thought|reckons|reckoned|"
    r"claims|claimed|complained|complains|wrote|writes)(?: that)?\s+"
    r"(?!(?:and|or|but|so|then|because|when|if|after|before|as|to|about|me|us|him|her|them)\b)"
    r"(?P<said>[^,;.!?\n]*?)(?=\s*(?:[,;.!?\n]|\b(?:but|so|and (?:i|we)|and now i)\b|$))",
    re.I,
)
# A capitalised word that opens a sentence is no name ("Honestly said ...", "Apparently ...",
# "Nothing says thank you like ...").
_NOT_NAMES = re.compile(
    r"^(?:I|We|You|It|They|This|That|The|Apparently|Honestly|Someone|Nothing|Everything|"
    r"Something|Anything)$"
)


def _frame_before(text: str, start: int) -> str:
    """The words of the sentence before position `start`, at most its last 200 characters: the
    frames read there end at `start`, and reading the whole sentence before every quote was
    quadratic (a turn of '"a" ' x 4,000: 74 s)."""
    head = text[max(0, start - 200) : start]
    cut = max(head.rfind(". "), head.rfind("! "), head.rfind("? "), head.rfind("\n"))
    return head[cut + 1 :]


def own_words(text: str) -> str:
    """`text` without what others said (quoted after a frame of saying, or reported by a person)."""
    if not text:
        return text

    def unquote(m: re.Match[str]) -> str:
        frame = _frame_before(text, m.start())
        if _OWN_FRAME.search(frame) or not _SAYING_FRAME.search(frame):
            return m.group(0)
        return m.group(0)[0] + "…" + m.group(0)[-1]

    out = _QUOTE.sub(unquote, text) if any(q in text for q in "\"“‘'") else text
    if not re.search(
        r"\b(?:said|says|told|tells|telling|saying|thinks|thought|reckon|claim|complain|wrote|"
        r"writes)",
        out,
        re.I,
    ):
        return out

    def unreport(m: re.Match[str]) -> str:
        subject = m.group(0).split()[0]
        said = m.group("said").strip()
        if _NOT_NAMES.match(subject) or not said or said[0] in "\"“‘'…":
            return m.group(0)
        return m.group(0)[: m.start("said") - m.start()] + "…"

    return _REPORTED.sub(unreport, out)
