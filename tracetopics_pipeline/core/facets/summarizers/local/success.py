"""A user turn that closes the conversation: the trouble reported gone, or the answer acknowledged.

Two readings that were made per form, and so each missed the other's words, live here once:

- `reports_success`: the user says the attempt worked, in words of state rather than of success
  ("it holds now", "the pedal no longer sticks", "as good as the day we bought it", "the files
  are showing up again"). Such a turn is never "that didn't help", whatever its "still", "same",
  "again" or "as ... as" (Sentiment: sentiment.py, sentiment_context.py), and it needs no
  reply (Issues: issues.py).
- `closes`: a last user turn that needs no answer — thanks, an acknowledgement ("Makes sense",
  "got it", "that explains it", "noted") or a success report — with no question, request or
  problem in it. Issues reads a conversation that ends on such a turn as complete.

The rules are general: a state word with "now" and no bad word beside it, a problem negated with
"no longer" / "any more", a comparison with the thing when new, appearing or arriving "again"
with no problem noun as the subject.
"""

from __future__ import annotations

import re

from tracetopics_pipeline.core.facets.summarizers.local.text import any_of

_rx = any_of

# Words that make a clause a problem report whatever its verb (negations, persistence, bad
# states). "no longer" / "any more" are read apart: they negate the problem.
_BAD_WORDS = _rx(
    r"not|never|nothing|no(?! (?:longer|more|worries|problem|issues?|trouble)\b)|still|"
    r"worse|broken|broke|stuck|wrong|missing|error\w*|fail\w*|crash\w*|blank|empty|dead|loose|"
    r"leak\w*|crack\w*|stiff|jamm?\w*|blurr?\w*|crooked|flat|red|beep\w*|slow|nois\w*|squeak\w*|"
    r"rattl\w*|smok\w*|lean\w*|wobbl\w*|froz\w*|freez\w*|drop\w*|lost|los\w*|off|down|"
    r"disappear\w*|vanish\w*|gone|useless|problem|issue|trouble|worst|bad|awful|terrible|"
    r"why|how come|frustrat\w*|annoy\w*|disappoint\w*|unhappy|upset|angry|ridiculous|"
    r"unacceptable|though|although|however|shame|pity|late|overdue|delayed|"
    # irony: "Sure, because that worked so well last time"
    r"(?:sure|yeah|right|oh),? because|last time",
)
_BAD = re.compile(r"n[’']t\b|" + _BAD_WORDS.pattern, re.I)
# A problem noun as what is "showing up again": the error, the warning, the noise.
_PROBLEM_NOUN = _rx(
    r"errors?|warnings?|messages?|pop-?ups?|alerts?|problems?|issues?|bugs?|faults?|noises?|"
    r"leaks?|lights?|rash|pain|smoke|mou?ld|ads?|spam|charges?|fees?|codes?|banners?|icons?",
)
# A state now, said of a subject: "it stays level now", "the inside is dry now", "now it holds" —
# not an object before "now" ("typed my dog's name three times now", "looking at other print
# shops now").
_SUBJECT = r"(?:it|they|this|that|everything|all|the \w+|my \w+|our \w+|these \w+|those \w+)"
_STATE_VERB = (
    r"(?:is|are|stays?|stayed|holds?|holding|held|keeps?|kept|remains?|looks?|feels?|sounds?|"
    r"seems?|runs?|turns?|sits?|goes|closes|opens|fits?|works?|working|reads?|pairs?|charges?|"
    r"loads?|syncs?|prints?|locks?|shuts?|drains?|draws?|starts?|boots?)"
)
_STATE_NOW = _rx(
    r"(?:" + _SUBJECT + " " + _STATE_VERB + r"|(?:it|that|this|everything)'s|they're)"
    r"(?: \w+){0,3}? now\b",
    r"now " + _SUBJECT + r"(?: \w+)? " + _STATE_VERB + r"\b",
)
# The problem negated: "no longer sticks", "nothing catches any more", "doesn't leak anymore" —
# not a function lost: "doesn't work any more", "no longer loads".
_FUNCTION = (
    r"(?:work|load|open|start|turn on|switch on|charge|connect|respond|print|sync|show|play|boot|"
    r"run|pair|log ?in|send|receive|arrive|come|help|fit|lock|close|"
    # a will negated is giving up, not a problem gone: "doesn't matter anymore", "not bothering
    # anymore", "I don't want it anymore"
    r"matter|care|bother|want|need|use|like|trust|believe)\w*"
)
_PROBLEM_GONE = re.compile(
    r"\bno longer (?!" + _FUNCTION + r"\b|available|there|possible|valid)\w+|"
    r"(?:n[’']t|\bnot|\bnothing|\bnever|\bno \w+) (?!"
    + _FUNCTION
    + r"\b)(?:\w+ ){0,3}?(?:any ?more|any "
    r"longer)\b|\bno more \w+",
    re.I,
)
# Like new: "as soft as the first day", "turns like new", "better than new", "back to normal".
_AS_NEW = _rx(
    r"(?:as \w+ as|like) (?:new|brand new|the (?:first )?day (?:i|we|it|they|you)\b|"
    r"the day (?:\w+ ){0,3}?(?:bought|got|arrived|delivered|fitted|came)|when (?:it was |they were )?"
    r"new|out of the box)|(?:good|better|\w+er) than (?:new|ever)|good as new|"
    r"back to (?:normal|its old self|how it (?:was|should be))|(?:perfect|right) (?:time|again)",
)
# Appearing or arriving again: "the photos are showing up again" (not "the error shows up
# again": a problem noun in the clause keeps it a report of trouble).
_BACK_AGAIN = _rx(
    r"(?:show(?:s|ing|ed)? up|turn(?:s|ing|ed)? up|appear(?:s|ing|ed)?|visible|back|"
    r"com(?:e|es|ing) (?:through|in)|arriv(?:e|es|ing|ed)|listed|in the list)(?: \w+){0,3}? again",
)
# "again" after a success or thanks is no bad state: "works again", "thanks again", "I can
# finally read again".
GOOD_AGAIN = re.compile(
    r"\b(?:(?:thanks?|thank you|cheers|ty)(?: \w+)?|works?|working|worked|runs?|running|fine|"
    r"normal|ok|okay|good|great|perfect|flawless|right|online|alive|can (?:finally |now )?\w+"
    r"(?: \w+)?) again\b",
    re.I,
)
# What the Sentiment rules already read as the attempt working: "it's flawless now", "works
# fine", "sorted".
WORKED = _rx(
    # ("right now" is "immediately": "I want a human right now")
    r"(?:works?|working|fine|ok|okay|good|great|perfect|flawless|sorted|normal|better) "
    r"(?:\w+ )?now|works? (?:fine|perfectly|like a charm)|(?:problem|issue|it)(?:'s| is| was| has "
    r"been)? (?:solved|fixed|resolved|sorted)|(?:that|it|this) (?:worked|did the trick|fixed it)",
)
_CLAUSES = re.compile(r"[^.!?;\n]+")
_BUT = re.compile(r",?\s+\bbut\b\s+", re.I)


def _clauses(turn: str) -> list[str]:
    out = []
    for c in _CLAUSES.findall(turn):
        out.extend(p for p in _BUT.split(c) if p.strip())
    return out


def _success_clause(clause: str) -> bool:
    if m := _PROBLEM_GONE.search(clause):
        rest = clause[: m.start()] + " " + clause[m.end() :]
        return not _BAD.search(rest)
    if _BAD.search(clause):
        return False
    if _BACK_AGAIN.search(clause):
        return not _PROBLEM_NOUN.search(clause)
    return bool(
        WORKED.search(clause)
        or GOOD_AGAIN.search(clause)
        or _STATE_NOW.search(clause)
        or _AS_NEW.search(clause)
    )


def reports_success(turn: str) -> bool:
    """The turn says the trouble is gone, and no clause of it reports a problem or asks."""
    if "?" in turn:
        return False
    clauses = _clauses(turn)
    good = [_success_clause(c) for c in clauses]
    if not any(good):
        return False
    # every other clause is neutral: thanks, an attempt ("Did as you said"), a sign-off
    return not any(_BAD.search(c) for c, g in zip(clauses, good, strict=True) if not g)


# An acknowledgement: the answer understood, noted or accepted.
_ACKNOWLEDGES = _rx(
    r"thanks?|thank (?:you|u)|thx|ty|ta|cheers|appreciated?|much obliged|"
    r"makes? (?:total |perfect |complete |more )?sense|got it|got you|gotcha|i see|understood|"
    r"(?:duly )?noted|fair enough|good to know|(?:that|this) explains|explains (?:it|that|a lot)|"
    r"(?:that|this) clears (?:it|that|things) up|(?:that's|that is|it's|all) clear|clear now|"
    r"i get it|(?:i'll|will) do|sounds (?:good|great|fine|right)|all good|no worries|"
    r"that helps|helpful|(?:ok|okay|alright|right|great|perfect|lovely|grand|brilliant)",
)
# A request or an ask in the closing turn wants an answer.
_ASKS = _rx(
    r"please|can (?:you|i|we)|could (?:you|i|we)|would you|will you|i need|i want|i'd like|"
    r"i would like|tell me|let me know|how|what|when|where|which|who|why|whether",
)


def asks(turn: str) -> bool:
    """The turn asks or requests something ("what about ...", "can you also ...")."""
    return "?" in turn or bool(_ASKS.search(turn))


def closes(turn: str) -> bool:
    """A last user turn that needs no reply: thanks, an acknowledgement or a success report, with
    no question, request or problem in it."""
    text = turn.strip()
    if not text or asks(text):
        return False
    if reports_success(text):
        return True
    if len(text.split()) > 15 or not _ACKNOWLEDGES.search(text):
        return False
    plain = _ACKNOWLEDGES.sub(" ", text)
    return not _BAD.search(plain)
