"""Outcome evidence for the local Sentiment facet: how the conversation ended, not only what the
user said.

Polite users rarely say they are unhappy; the dialogue shows it. The agent could not do what was
asked (no availability, no results, unable to book, an error) and nothing later made up for it;
the conversation stops right after such a failure; the user's last request goes unanswered. Each
is inferred evidence (sentiment.SentimentSignals.add("inferred", ...)): it tilts a conversation
negative but never makes it MIXED. A failure counts as made good when a later agent turn reports
success (booked, confirmed, a reference number, "I found two ...") or the user says it worked.
"""

from __future__ import annotations

import re

from tracetopics_pipeline.core.facets.preprocess import explains_error
from tracetopics_pipeline.core.facets.summarizers.local.text import any_of

USER, AGENT = "user", "assistant"
REPEATED_FAILURE = "saw the agent fail to deliver again and again"


_rx = any_of  # short: the patterns below are long


_DO = (
    r"(?:book|reserve|complete|process|find|locate|make|retrieve|access|get|load|place|schedule|"
    r"change|update|issue|confirm|cancel|connect|reach|submit|send|apply|verify|open|fix|restore)"
)
# The agent could not do what was asked: said of an action or a search, not a fact about an item
# ("they do not allow pets" answers a question; "I couldn't book it" fails one).
AGENT_FAIL = _rx(
    r"unsuccessful|(?:unable|not able|wasn't able|was not able|couldn't|could not|can't|cannot|"
    r"am not able|failed) to " + _DO,
    r"(?:fully |all )booked(?: up)?|booked up|sold out|no (?:availability|vacancies|openings|slots|results|"
    r"matches|match|records?|options)|(?:slot|time|date|room|table|seat|flight|train|ticket|"
    r"appointment)s? (?:is |are )?(?:not|no longer) available|"
    r"(?:didn't|did not|couldn't|could not|can't|cannot) (?:find|locate|see) (?:any|anything|a match|"
    r"one|that|it|your)|nothing (?:matches|matching|available|came up|that matches)|"
    r"none (?:available|that match|match)|"
    # a search that came back empty ("there aren't any in that area"), not a missing amenity
    r"there (?:are|is|were|was) (?:no|not any|n't any|nothing) (?:\w+ ){0,4}?(?:matching|that match\w*|"
    r"in (?:that|the) (?:area|part|range)|with (?:those|that|these)|meeting|fitting|"
    r"for (?:that|those|your))",
    r"(?:system|service|server|site|tool|database)s? (?:is |are )?(?:currently |temporarily )?"
    r"(?:down|unavailable|not responding|not working)|something went wrong|"
    r"an (?:unexpected |internal )?error (?:occurred|has occurred|came up)|there (?:was|seems to be|is) "
    r"(?:an? )?(?:error|problem|issue|glitch)|"
    r"(?:experiencing|having) (?:some )?(?:technical )?(?:issues|problems|difficulties|an outage)|"
    r"(?:booking|reservation|payment|request|transaction|order|transfer|update) (?:has )?"
    r"(?:failed|was declined|was rejected|did not go through|didn't go through)",
)
# A refusal that gives a reason or a way forward is a policy answer, not a failure to deliver:
# "I'm unable to change that on your behalf, a workspace owner can do it under Settings".
_POLICY = _rx(
    r"on your behalf|for (?:security|privacy|policy|legal|compliance|safety) reasons|"
    r"without (?:approval|permission|authori[sz]ation|consent|verification|the \w+(?:'s)?)|"
    r"(?:directly )?(?:from|in|via|over) (?:this |the )?chat|(?:isn't|is not|not) (?:permitted|allowed)|"
    r"(?:our|the|this) polic(?:y|ies)|(?:an?|the|your) (?:\w+ )?(?:owner|admin|administrator|manager)s? "
    r"can|you can (?:do|change|find|request|ask|contact)|(?:can|could) point you|instead",
)


# Every AGENT_FAIL match contains one of these: a substring test first spares the regex on most
# agent turns (it runs on every one of them).
_FAIL_WORDS = (
    "unable", "able to", "n't", "not", "cannot", "fail", "unsuccess", "booked", "sold out", "no ",
    "nothing", "none", "down", "unavailable", "wrong", "error", "issue", "problem", "difficult",
    "declined", "rejected", "glitch", "outage",
)  # fmt: skip


def agent_failed(text: str) -> bool:
    """The agent could not do what was asked (not a policy answer with a reason or a way on)."""
    low = text.lower()
    if not any(w in low for w in _FAIL_WORDS) or explains_error(text):
        return False  # "E: Unable to locate package means ...": an answer about an error
    return bool(AGENT_FAIL.search(text)) and not _POLICY.search(text)


# The agent's own side broke (a tool or system error it apologises for: "Sorry, something went
# wrong on our side", "our booking system is down", "an unexpected error occurred"): the agent's
# apology, not the user's mood. Such a turn is no outcome evidence; what the user says about it is
# (eighteenth pass: calm users whose request hit a tool error read NEGATIVE). A failure to deliver
# what was asked (no availability, sold out, nothing found) stays evidence.
_OWN_SIDE_ERROR = _rx(
    r"something (?:went|has gone|is going) wrong|(?:an? )?(?:unexpected |internal |technical |"
    r"system |server |temporary )?(?:error|glitch|fault|outage|hiccup)s?|"
    r"(?:system|service|server|site|tool|database|platform|app|backend|connection)s? (?:is |are |was |"
    r"were )?(?:currently |temporarily |just )?(?:down|unavailable|not responding|not working|offline|"
    r"unreachable)|technical (?:issues|problems|difficulties)|timed? ?out|on (?:our|my) (?:side|end)",
)
_NOT_DELIVERED = _rx(
    r"(?:fully |all )?booked up|sold out|no (?:availability|vacancies|openings|slots|results|matches|"
    r"match|records?|options)|(?:not|no longer) available|nothing (?:matches|matching|available)|"
    r"(?:didn't|did not|couldn't|could not|can't|cannot) (?:find|locate|see) (?:any|anything|a match|one)",
)


def own_side_error(text: str) -> bool:
    """The agent's failure is its own side's error, not a failure to deliver what was asked."""
    return bool(_OWN_SIDE_ERROR.search(text)) and not _NOT_DELIVERED.search(text)


# The agent did what was asked, or offered what was found.
AGENT_SUCCESS = _rx(
    r"(?:booking|reservation|order|payment|transfer|appointment|ticket|change|request|refund|"
    r"cancellation|update)s? (?:was |is |has been |have been )?(?:successful|successfully \w+|"
    r"confirmed|completed|complete|processed|placed|approved|issued|done|made|booked|reserved)",
    r"(?:i've|i have|i|we've|we have|i was able to|i managed to)(?: now| successfully| just| gone "
    r"ahead and)? (?:booked|reserved|made|scheduled|placed|processed|completed|updated|changed|"
    r"issued|sent|cancelled|canceled|fixed|reset|applied|refunded|resolved|set up|found|got you|"
    r"located|restored|re-?enabled|rescheduled|moved|renewed|activated|reactivated|unlocked|"
    r"credited|arranged)",
    r"(?:reference|confirmation|booking|tracking) (?:number|no|code|id)|you(?:'re| are) all set|"
    r"(?:booked|reserved) (?:you|it|that|a|the|for)|"
    r"(?:there (?:are|is)|i (?:found|have|see)|we have) (?:\d+|one|two|three|four|five|several|a few|"
    r"many|some) (?:\w+ )?(?:options|results|matches|places|hotels|trains|flights|restaurants|"
    r"that|which|available|in|on|with)|"
    r"(?:should|will) (?:now )?work (?:now|again)|(?:is|are) (?:now )?(?:working|fixed|resolved|"
    r"restored|active) (?:again|now)",
)
# What the user says when it worked: "that worked", "great, booked", "perfect, that's it".
USER_OK = _rx(
    r"(?:that|it|this)(?: now)? (?:worked|works|did it|fixed it|helped)|works now|working now|"
    r"(?:problem|issue) (?:is )?(?:solved|fixed|resolved)|got it working|all set|"
    r"(?:great|perfect|wonderful|excellent|awesome|fantastic|brilliant|amazing|lovely)[,.!]* "
    r"(?:that|it|this|thanks|thank)"
)
# A user turn that only closes the conversation: not a request left unanswered.
_CLOSING = _rx(
    r"thanks?|thank you|thx|bye|goodbye|that'?s (?:all|it|everything)|that is (?:all|it|everything)|"
    r"all i need\w*|nothing else|no,? (?:thanks|thank you)|have a (?:good|nice|great)"
)
# A user turn that asks the agent for something.
_REQUEST = re.compile(
    r"\?\s*$|^\W*(?:please|can you|could you|would you|will you|i need|i want|i'd like|i would like|"
    r"book|find|give me|send me|tell me|show me|check)\b|\b(?:please|can you|could you)\b",
    re.I,
)


def outcome_evidence(dialogue: list[tuple[str, str]]) -> list[tuple[float, str]]:
    """(weight, reason) of inferred evidence from how the conversation went; dialogue = the user
    and agent turns in order, as (role, text)."""
    out: list[tuple[float, str]] = []
    turns = [(role, text) for role, text in dialogue if text.strip()]
    agent_idx = [i for i, (role, _) in enumerate(turns) if role == AGENT]
    fails = [i for i in agent_idx if agent_failed(turns[i][1]) and not own_side_error(turns[i][1])]
    if len(fails) >= 2:
        out.append((0.5 * min(len(fails) - 1, 3), REPEATED_FAILURE))
    if fails:
        last = fails[-1]
        later = turns[last + 1 :]
        made_good = any(
            (role == AGENT and AGENT_SUCCESS.search(text))
            or (role == USER and USER_OK.search(text))
            for role, text in later
        )
        if not made_good:
            if not any(role == AGENT for role, _ in later):
                out.append((1.5, "saw the conversation end on the agent failing"))
            else:
                out.append((0.5, "saw the agent fail to deliver with nothing to make up for it"))
    if len(turns) >= 4 and turns[-1][0] == USER:
        last_user = turns[-1][1]
        if _REQUEST.search(last_user) and not _CLOSING.search(last_user):
            out.append((1.5, "left with their last request unanswered"))
    return out
