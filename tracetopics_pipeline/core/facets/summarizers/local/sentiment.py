"""Sentiment facet, offline: a small lexicon plus conversation signals across the user's turns.

Politeness is not satisfaction: almost every user says "thanks, bye", so a closing thank-you
counts for little, while enthusiasm ("perfect, that worked!"), repeated asks, corrections
("no, I said ..."), "still not working" and asking for a human count for a lot. The agent's
own failures (apologies, "no results", tool errors) tilt a borderline conversation negative.
Returns a label (POSITIVE / NEUTRAL / NEGATIVE / MIXED) and a one-sentence reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracetopics_pipeline.core.facets.summarizers.local.text import content_words

_NEG_WORDS = re.compile(
    r"\b(?:frustrat\w*|annoy\w*|terrible|awful|horrible|useless|ridiculous|angry|furious|upset|"
    r"disappoint\w*|unacceptable|waste of|worst|hate|sucks?|pathetic|rubbish|garbage|stupid|"
    r"incompetent|fed up|sick of|tired of|ugh+|wtf|ffs|damn|hopeless|nightmare|joke|"
    r"not (?:helpful|good|great|happy|satisfied|ok|okay|acceptable)|unhappy|dissatisfied|"
    r"confus(?:ed|ing)|makes no sense|doesn't make sense|wrong|broken|bug(?:gy)?|"
    r"lost (?:my|our|all)|(?:is|are|was|keeps?) (?:failing|crashing))\b",
    re.I,
)
_STRONG_NEG = re.compile(
    r"\b(?:still (?:not|doesn't|does not|isn't|is not|can't|cannot|broken|failing|no|getting|having|the same)|"
    r"(?:not|isn't|doesn't|don't|didn't) (?:work|working|help|helping|answer|load|loading)|"
    r"(?:already|just) (?:told|said|asked|gave|explained|tried)|i (?:said|asked for|meant)|"
    r"(?:that|this)(?:'s| is) not what i|you(?:'re| are) not (?:listening|understanding|helping)|"
    r"(?:third|3rd|fourth|several|many) times?|(?:again|once more)[?!]|why (?:is|does|can't|won't) (?:it|this)|"
    r"how many times|(?:no|nothing) (?:one|response|answer|help)|never mind|forget it|give up)\b",
    re.I,
)
_HUMAN = re.compile(
    r"\b(?:(?:speak|talk|chat) (?:to|with) (?:a |an |your )?(?:human|person|real person|someone|agent|"
    r"representative|rep|manager|supervisor|operator)|(?:real|live|actual) (?:person|human|agent)|"
    r"human agent|customer (?:service|support) (?:agent|rep)|escalate)\b",
    re.I,
)
_STRONG_POS = re.compile(
    r"\b(?:perfect|awesome|excellent|amazing|fantastic|wonderful|brilliant|superb|great job|"
    r"love (?:it|this|that)|you(?:'re| are| have been|'ve been) (?:a |so |very |really )?(?:great|amazing|"
    r"awesome|helpful|lifesaver|star)|(?:very|really|super|so|extremely) helpful|life ?saver|"
    r"exactly what i (?:needed|wanted)|(?:that|it|this) (?:worked|works|fixed|solved|did it)|"
    r"works (?:now|perfectly|great)|(?:problem|issue) (?:is )?(?:solved|fixed|resolved)|"
    r"much appreciated|appreciate (?:it|that|your help|the help)|made my day|thank you so much|"
    r"thanks so much|thanks a (?:lot|million|bunch)|many thanks|great help)\b",
    re.I,
)
_POS_WORDS = re.compile(
    r"\b(?:great|good|nice|glad|happy|excellent|helpful|cool|sweet|lovely|pleased)\b", re.I
)
_THANKS = re.compile(r"\b(?:thanks?|thank you|thx|ty|cheers)\b", re.I)
_NEGATED = re.compile(r"\b(?:not|no|never|n't|hardly)\W+(?:\w+\W+)?$", re.I)
_CORRECTION = re.compile(
    r"^(?:no[,.!]|nope|that's wrong|wrong|incorrect|not quite|actually,? i)\b", re.I
)
# The agent failing, as the user experiences it.
_AGENT_FAIL = re.compile(
    r"\b(?:sorry|unfortunately|apologi[sz]e|i(?:'m| am) (?:afraid|unable|not able)|(?:there are|i have|i found|we have) no\b|"
    r"(?:no|not find any|couldn't find any|can't find any) (?:results?|matches|match|availability|records?)|"
    r"not (?:available|possible)|(?:is|are) (?:fully )?booked|unsuccessful|could not|couldn't|cannot)\b",
    re.I,
)


@dataclass
class SentimentSignals:
    pos: float = 0.0
    neg: float = 0.0
    why_pos: dict[str, float] = field(default_factory=dict)  # reason -> weight
    why_neg: dict[str, float] = field(default_factory=dict)

    def add(self, kind: str, weight: float, reason: str) -> None:
        why = self.why_pos if kind == "pos" else self.why_neg
        why[reason] = why.get(reason, 0.0) + weight
        if kind == "pos":
            self.pos += weight
        else:
            self.neg += weight

    @property
    def reasons_pos(self) -> list[str]:
        """Reasons, strongest first (ties: first seen)."""
        return sorted(self.why_pos, key=lambda r: -self.why_pos[r])

    @property
    def reasons_neg(self) -> list[str]:
        return sorted(self.why_neg, key=lambda r: -self.why_neg[r])


def _unnegated(rx: re.Pattern[str], text: str) -> int:
    """Matches of rx not preceded by a negation ("not great" is not positive)."""
    return sum(
        1
        for m in rx.finditer(text)
        if not _NEGATED.search(text[max(0, m.start() - 20) : m.start()])
    )


def _similar(a: set[str], b: set[str]) -> bool:
    return len(a) >= 3 and len(b) >= 3 and len(a & b) / len(a | b) >= 0.6


def signals(
    user_turns: list[str], agent_turns: list[str], *, tool_errors: int = 0
) -> SentimentSignals:
    s = SentimentSignals()
    seen: list[set[str]] = []
    n = len(user_turns)
    for i, turn in enumerate(user_turns):
        last = i == n - 1
        if k := _unnegated(_STRONG_POS, turn):
            s.add("pos", 1.5 * k, "praised the agent or confirmed it worked")
        if k := _unnegated(_POS_WORDS, turn):
            s.add("pos", 0.5 * min(k, 2), "used positive words")
        if _THANKS.search(turn) and not last:
            s.add("pos", 0.25, "thanked the agent")
        if k := len(_NEG_WORDS.findall(turn)):
            s.add("neg", 1.0 * min(k, 3), "used negative words")
        if k := len(_STRONG_NEG.findall(turn)):
            s.add("neg", 1.5 * min(k, 2), "said the problem persists or had to repeat themselves")
        if _HUMAN.search(turn):
            s.add("neg", 2.0, "asked for a human")
        if i > 0 and _CORRECTION.search(turn.strip()):
            s.add("neg", 0.75, "had to correct the agent")
        if turn.count("!") >= 3 or re.search(r"\b[A-Z]{4,}\b.*\b[A-Z]{4,}\b", turn):
            s.add("neg" if s.neg >= s.pos else "pos", 0.5, "wrote emphatically")
        words = set(content_words(turn))
        if any(_similar(words, prev) for prev in seen):
            s.add("neg", 1.0, "repeated the same request")
        seen.append(words)
    if n and _THANKS.search(user_turns[-1]):
        # A closing thank-you is politeness; it only means something after a smooth exchange.
        s.add("pos", 0.5 if s.neg == 0 else 0.25, "thanked the agent at the end")
    fails = sum(1 for t in agent_turns if _AGENT_FAIL.search(t))
    if fails >= 2:
        s.add("neg", 0.5 * min(fails - 1, 3), "the agent repeatedly could not deliver")
    if tool_errors:
        s.add("neg", 0.5, "the agent hit errors")
    return s


POS_T, NEG_T = 1.5, 1.5


def classify(s: SentimentSignals) -> tuple[str, str]:
    """(label, one-sentence reason)."""
    if s.pos >= POS_T and s.neg >= NEG_T + 0.5:
        why = f"{s.reasons_neg[0]} but also {s.reasons_pos[0]}"
        return "MIXED", f"User {why}."
    if s.neg >= NEG_T and s.neg > s.pos:
        return "NEGATIVE", f"User {' and '.join(s.reasons_neg[:2])}."
    if s.pos >= POS_T and s.pos > s.neg:
        return "POSITIVE", f"User {' and '.join(s.reasons_pos[:2])}."
    if s.neg > 0 or s.pos > 0:
        return (
            "NEUTRAL",
            "Matter-of-fact exchange; only mild signals of satisfaction or frustration.",
        )
    return "NEUTRAL", "Matter-of-fact exchange with no sign of satisfaction or frustration."


def summarize_sentiment(
    user_turns: list[str], agent_turns: list[str], *, tool_errors: int = 0
) -> tuple[str, str]:
    return classify(signals(user_turns, agent_turns, tool_errors=tool_errors))
