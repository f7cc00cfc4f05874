"""Issues facet, offline: agent-side problems read from the trace's structure.

- Failed tool call: a tool reply that is an error (error text up front, exception names and
  tracebacks, HTTP status lines, an error status at any depth of its JSON), or the agent
  apologising for a failure right after a tool reply ("something went wrong while I tried that").
- Timeout: a tool reply that timed out, or the trace's latency over a threshold.
- Refusal: the agent declines ("I'm sorry, but I can't help with that").
- Loop: the same assistant message twice, or the same tool call (name + args) three times with
  nothing new coming back (identical replies, or none). Polling a job whose status changes is
  progress, not a loop; retrying a call that errored is a failed tool call, not a loop.
- Unmet escalation: the user asks for a human and the agent answers without handing over and
  without saying why it cannot (an offer to transfer, or "no agents are online", counts as an
  answer). An agent-side problem of its own, distinct from a handover that happened.
- Escalation to human: an escalation/transfer tool call, or the agent says it is handing over.
- Incomplete answer: the conversation ends on an unanswered user turn or a dangling tool call.

Summary: "<Category>: <detail>; ..." most important first, or "NONE". Label: the first category.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher

from tracetopics_pipeline.core.facets.handoff_tools import handoff_tool
from tracetopics_pipeline.core.facets.issue_categories import CATEGORIES
from tracetopics_pipeline.core.facets.preprocess import (
    TIMEOUT_FORM,
    about_errors,
    call_contexts,
    call_key,
    content_text,
    explains_error,
    in_proper_name,
    is_error_reply,
    named_head,
    past_error_record,
    tool_calls_of,
)
from tracetopics_pipeline.core.facets.summarizers.local.handover import (
    HUMAN_REQUEST,
    UNMET,
    read_handovers,
)
from tracetopics_pipeline.core.facets.summarizers.local.sentiment import pleased
from tracetopics_pipeline.core.facets.summarizers.local.success import asks, settles
from tracetopics_pipeline.core.facets.summarizers.local.text import clip, content_words
from tracetopics_pipeline.core.facets.tool_error import (
    call_failure,
    error_kind,
    reported_failure,
)

# Read by the Issues facet alone (not by Sentiment, where every ask is NEGATIVE evidence): a
# person asked to call the user back ("Can the salon owner call me?", "Have the foreman ring me",
# "Would your man on the roof be able to give me a call?") or to come in person ("Send a fitter
# round in person"). Things that call or text (the app, the system) are not people.
# Things and topics a user talks to or wants to hear from that are not people.
_THINGS = (
    r"(?:app|system|bot|chatbot|website|site|portal|tool|computer|machine|platform|service|page|"
    r"form|phone|courier|driver|delivery|printer|server|router|folder|order|number|answer|letter|"
    r"other|browser|scanner|speaker|controller|adapter|container|cluster|charger|heater|boiler|"
    r"meter|filter|player|timer|tracker|poster|paper|water|corner|border|register|counter|"
    r"monitor|sensor|motor|door|floor|error|colou?r|mirror|editor|processor|connector|elevator|"
    r"indicator|generator|calculator|reminder|newsletter|voucher|container|computer|matter|"
    r"issue|problem|question|topic|subject|point|manner|power|user|customer|member area|"
    r"transfer|cover|filter|layer|header|footer|trailer)"
)
ASKS_CALLBACK = re.compile(
    r"\b(?:can|could|would|will|may|please|have|get|let)\s+(?:the|your|my|our|a|an|one of your)\s+"
    r"(?:[\w'-]+\s+){0,3}?(?!(?:app|system|bot|chatbot|website|site|portal|tool|computer|machine|"
    r"platform|service|page|form|phone|courier|driver|delivery)\s)[\w'-]+\s+(?:be able to\s+)?"
    r"(?:(?:call|ring|phone|telephone|e-?mail)\s+(?:me|us)\b|give (?:me|us) a (?:call|ring|bell)\b)"
    # a notification is no ask for a person: "will the pharmacy call me when it's ready?"
    r"(?!\s+(?:back\s+)?(?:when|once|if|as soon as|after|before)\b)|"
    r"\b(?:send|come|see|visit|meet|talk|speak)\b[^.?!\n]{0,30}\bin person\b|"
    # wanted to call: "I want the parlour manager to phone me", "we need the foreman to call us"
    r"\b(?:(?:i|we)(?:'d| would) like|(?:i|we)\s+(?:really\s+)?(?:want|need|expect))\s+(?:the|"
    r"your|a|an|one of your)\s+(?:(?!"
    + _THINGS
    + r"\b)[\w'-]+\s+){0,3}?(?!"
    + _THINGS
    + r"\s)[\w'-]+\s+to\s+(?:call|ring|"
    r"phone|telephone|e-?mail|contact)\s+(?:me|us)\b|"
    # a person by role, asked for by the user: "I need to speak to a committee member", "let me
    # speak to the mechanic who did it", "I want to speak with one of the trustees" (not "talk
    # to the printer", "speak to the issue of ...")
    r"\b(?:(?:(?:i|we)(?:'d| would) like|(?:i|we)\s+(?:really\s+)?(?:want|need|wish|must|demand))"
    r"\s+(?:to\s+)?|let me\s+|can i\s+|could i\s+|may i\s+)(?:speak|talk|chat|have a word)\s+"
    r"(?:directly\s+)?(?:to|with)\s+(?:the|a|an|your|one of (?:the|your))\s+(?:(?!"
    + _THINGS
    + r"\b)[\w'-]+\s+){0,2}?(?!"
    + _THINGS
    + r"s?\b)(?:[a-z]+(?:er|or|ist|ian|ee|man|woman|person)|mechanic|medic|paramedic|nurse|chef|"
    r"pilot|vet|clerk|secretary|committee|board|chair|accountant|consultant|attendant|landlord|"
    r"landlady|tenant|guide|host|coach|captain|concierge|midwife|surgeon|agent|staff|crew)s?\b",
    re.I,
)
# "I couldn't update it: the fare rules don't allow changes" is policy, not a failure.
_POLICY = r"[^.]{0,60}\b(?:polic|eligib|allowed|permitted|non-?refundable|rules?\b|terms|restrict|basic economy)"
# The agent reporting trouble right after a tool reply: the failure is in its words, not the reply.
_TOOL_TROUBLE = re.compile(
    r"\b(?:something (?:went|has gone|seems to have gone) wrong|"
    r"(?:ran into|hit|encountered|got|received) (?:a |an |some )?(?:\w+ )?(?:error|glitch|hiccup|"
    r"issue|problem|difficult(?:y|ies)|trouble)|"
    r"(?:there (?:was|is|seems to be|appears to be)|(?:seems|appears) to be|(?:i'm|we're|i am|we are|"
    r"it's|it is) (?:experiencing|having)|had) (?:a |an |some )?(?:(?:unexpected|temporary|internal) )?"
    r"(?:error|glitch|hiccup|outage|(?:technical|system|server|connection) (?:issue|problem|"
    r"difficult(?:y|ies)|trouble|error)s?|(?:issue|problem|trouble|difficult(?:y|ies))s? "
    r"(?:on my end|on our end|with (?:the|our|my) (?:system|tool|service|server|connection)|"
    r"(?:while|when) (?:i |trying|processing|submitting|saving|updating|looking|connecting)))|"
    # "the service is down", "the lock service isn't responding", "the ticket system glitched"
    r"(?:system|service|server|tool|database|api|backend|connection|portal|platform|website|site|"
    r"gateway)s? (?:(?:is |are |seems |appears |was )(?:to be )?(?:currently )?(?:down|unavailable|"
    r"unreachable|not responding|offline|failing|erroring)|(?:isn't|is not|wasn't|was not|aren't|"
    r"are not|doesn't seem to be|didn't) (?:\w+ )?(?:responding|respond|working|reachable|loading|"
    r"load|available|cooperating)|(?:just |has |have )?(?:glitched|crashed|froze|hung|errored|"
    r"went down|timed out|broke|failed))|"
    r"(?:is|are|seems to be|appears to be) (?:having|experiencing) (?:\w+ )?(?:issues|problems|trouble|"
    r"difficulties|an outage|errors|a hiccup|a glitch)|"
    r"something (?:broke|failed|crashed|glitched)|"
    # the call's error reported in words (rv10 M-2): "the benefits service rejected my query with a
    # permission error", "the HR database returned a permission error", "got an access denied"
    r"(?:rejected|refused|denied|blocked|turned down) (?:[\w-]+ ){0,4}?(?:with|because of|due to) "
    r"(?:a |an )?(?:[\w-]+ ){0,2}?(?:error|failure|exception)(?![\w-])|"
    r"(?:got|received|hit|returned|threw|raised|gave (?:me )?|came back with|responded with) "
    r"(?:a |an |back (?:a |an )?)?(?!no |zero |any )(?:[\w-]+ ){0,2}?(?:error|exception|(?:access|permission) denied)"
    r"(?![\w-])|"
    r"(?:failed|errored|broke|didn't work|did not work|went wrong)(?: \w+){0,2}? on (?:our|my) "
    r"(?:side|end)|"
    r"(?:didn't|did not|wouldn't|would not|won't) (?:save|load|sync|upload|connect)\b|"
    r"(?:couldn't|could not|wasn't|was not|can't|cannot) be (?:completed|processed|saved|submitted|"
    r"updated|retrieved|loaded|applied)(?!" + _POLICY + ")|"
    r"(?:due to|because of) (?:a |an |some )?(?:system|technical|server|internal|unexpected) "
    r"(?:error|issue|problem|glitch|outage|fault)|"
    r"(?:request|call|lookup|update|operation|action|payment|transaction|submission|save|sync|export)"
    r"(?: (?:to|for|on|with) (?:the |our |your |a )?(?:\w+ ){0,3}?\w+)? (?:has |just )?(?:failed|"
    r"didn't go through|did not go through|errored|timed out|was rejected)|"
    r"(?:didn't|did not) go through|"
    # Failing a system operation (reading, saving, connecting) is a tool failure by itself ...
    r"(?:wasn't able to|was not able to|couldn't|could not|failed to|unable to) (?:save|load|connect|"
    r"reach the|retrieve|fetch|pull up|look up|access (?:the|your|our)|sync|submit)(?!"
    + _POLICY
    + ")|"
    # ... failing a business action (process, complete, update) only with a technical cause:
    # "unable to process the refund: basic economy" is policy, not a failure.
    r"(?:wasn't able to|was not able to|couldn't|could not|failed to|unable to) (?:complete|process|"
    r"execute|run|update|apply)[^.!?]{0,80}\b(?:error|technical|system|server|outage|glitch|timed out|"
    r"timeout|went wrong|on (?:my|our) (?:end|side)|unavailable|down))",
    re.I,
)
# The agent's own attempt failing, said with regret, right after a tool reply (the reply itself
# looked fine): "Sorry, I wasn't able to reset your code", "the pass couldn't be reactivated, my
# apologies", "I tried to transfer it, but it was rejected". Read by the turn's structure — regret,
# then an attempt of the agent's that did not happen — not by the tool's vocabulary; a result the
# attempt found (nothing available, a policy) is an answer, not a failure.
_REGRET = re.compile(r"\b(?:sorry|apolog\w*|afraid|unfortunately|regret\w*|oops|my bad)\b", re.I)
_ATTEMPT_FAILED = re.compile(
    r"\b(?:i|we)(?:'m| am|'re| are)? (?:wasn't|was not|weren't|were not|am not|'m not|not)? ?"
    r"(?:able to|unable to|couldn't|could not|failed to|can't seem to|cannot seem to) "
    r"(?!find|locate|see|offer|provide|give|share|help|assist|tell|confirm whether)\w+|"
    r"\b(?:i|we)(?:'m| am|'re| are| was| were)? (?:having|had|ran into|run into|running into) "
    r"(?:some |a bit of |a little )?(?:trouble|difficult(?:y|ies)|problems?|issues?) "
    r"(?:with |\w+ing\b)|"
    r"\b(?:couldn't|could not|wasn't|was not|weren't|were not|hasn't|has not|haven't|have not|"
    r"didn't|did not) (?:be |been )?(?:succeed\w*|go through|gone through|work|take effect|"
    r"\w+ed|apply|save|stick|process|complete|register|update|sync|submit|finish|take|"
    # a device or system that did not answer the attempt: "the heater didn't respond to that"
    r"respond|react|connect|load|start|run|trigger)\b|"
    # the attempt named as what failed: "the swap failed", "your booking didn't", "it errored";
    # hedged too: "the scale operation seems to have failed", "the booking looks to have failed"
    r"\b(?:the|your|my|this|that|it|its) (?:[\w-]+ ){0,2}?(?:(?:seems|seemed|appears|appeared|"
    r"looks|looked) (?:like it |to have )?)?(?:failed|errored|broke|bounced)\b|"
    # an outcome that did not seem to happen: "your change doesn't seem to have saved", "that
    # didn't seem to take", "the reset does not appear to have gone through"
    r"\b(?:doesn't|does not|didn't|did not) (?:seem|appear|look) to (?:have )?(?:worked|work|"
    r"gone through|go through|saved|save|taken|take|stuck|stick|applied|apply|succeeded|succeed|"
    r"registered|register|updated|update|synced|sync|submitted|completed|finished)\b|"
    r"\b(?:was|were|got|has been|have been) (?:\w+ )?(?:rejected|declined|refused|bounced)\b|"
    r"\btried (?:to )?\w+[^.!?]{0,60}\bbut\b",
    re.I,
)
_ANSWER_NOT_FAILURE = re.compile(
    r"\b(?:no (?:\w+ )?(?:availability|results?|matches|seats|rooms|slots|flights|tables|"
    r"options)|not available|unavailable on|fully booked|sold out|no longer available|"
    r"(?:is|are) (?:already )?(?:taken|full|booked))\b|" + _POLICY[len("[^.]{0,60}") :],
    re.I,
)


_SENTENCES = re.compile(r"[^.!?\n]+[.!?\n]*")
# Failure said plainly, no regret needed: the agent is having trouble, its attempt did not work.
_TROUBLE_STATED = re.compile(
    r"\b(?:i|we)(?:'m| am|'re| are| was| were) (?:having|running into|experiencing) (?:some |a bit "
    r"of |a little )?(?:trouble|difficult(?:y|ies)|problems?|issues?) (?:with |\w+ing\b)|"
    r"\b(?:my|our|the) (?:\w+ )?attempts? (?:\w+ ){0,5}?(?:didn't|did not|has not|hasn't|was not|"
    r"wasn't) (?:succeed|work|go through|gone through|been successful|successful)\b",
    re.I,
)


# An insurance policy as the thing the attempt was on, at the end of its clause ("I wasn't able
# to add your partner to the policy this time"): a document, not a policy that forbids it ("due to
# the policy", "our policy doesn't cover ...").
_POLICY_OBJECT = re.compile(
    r"(?<!due to )(?<!per )(?<!against )(?<!under )(?<!by )(?<!of )(?<!with )(?<!according to )"
    r"\b(?:your|the|this) (?:[\w-]+ )?polic(?:y|ies)(?=\s*(?:[.,;!?]|$|(?:this time|today|right now|"
    r"for now|at the moment|at this time|just now)\b))",
    re.I,
)


def _failed_attempt(text: str) -> re.Match[str] | None:
    """The agent says its own attempt did not happen — with regret, or as trouble it is having —
    and not a result the attempt found (nothing available, a policy)."""
    if _ANSWER_NOT_FAILURE.search(_POLICY_OBJECT.sub(" ", text)):
        return None
    if m := _TROUBLE_STATED.search(text):
        return m
    # the regret and the failure in one sentence: "Unfortunately, insurance cannot be added
    # after booking" does not make "it appears insurance was not added" a failed attempt
    carried = False  # "Sorry!! The update hasn't gone through": a bare apology scopes on
    for sentence in _SENTENCES.findall(text):
        regret = carried or bool(_REGRET.search(sentence))
        if regret and (m := _ATTEMPT_FAILED.search(sentence)):
            return m
        carried = bool(_REGRET.search(sentence)) and len(sentence.split()) <= 3
    return None


_NOT_REFUSAL_VERB = (
    r"(?!find|locate|see|reach|load|retrieve|access|connect|open|verify|confirm|tell which)"
)
# Not knowing yet is no refusal: "I'm not in a position to say yet", "not in a position to know
# until the carrier scans it", "isn't information I'm able to give until the audit closes"; nor is
# keeping one's opinion ("I must decline to speculate, but the refund was issued").
_YET = r"[^.;!?]{0,30}?\b(?:yet|until|till|right now|at the moment|at this (?:point|time|stage)|for now)\b"
_NOT_YET = r"(?! (?:say|know|tell|confirm|speculate|comment|guess)\b" + _YET + ")"
_NO_OPINION = r"(?:speculate|comment|guess|say more)\b"
_REFUSAL = re.compile(
    r"\b(?:i(?:'m| am) (?:sorry,? )?(?:but )?(?:not able|unable|not allowed|not permitted|not authori[sz]ed) to "
    + _NOT_REFUSAL_VERB
    + r"\w+|"
    r"(?:sorry|unfortunately|apologi[sz]e|afraid)[^.?!]{0,20}\bi (?:can't|can’t|cannot|won't|will not|must decline to) "
    + _NOT_REFUSAL_VERB
    + r"\w+|"
    # "That's not something I'm able to do", "resetting it isn't something I can do"
    r"(?:is not|isn't|isn’t|'s not|’s not) something (?:i|we)(?:'m| am|’m|'re| are)? ?(?:can|could|"
    r"able to|allowed to|permitted to) " + _NOT_REFUSAL_VERB + r"\w+|"
    r"i (?:can't|can’t|cannot|won't|will not|must decline to) (?:help|assist|do that|comply|provide|share|disclose|reveal|bypass|override)|"
    r"(?:that|this) is (?:against|not allowed by|outside) (?:my|our|the) (?:policy|policies|guidelines|scope)|"
    r"as an ai(?: language model)?,? i (?:can't|cannot|don't)|"
    # declining in so many words (session 23): "I have to decline that one", "I'll have to turn
    # that down", "I'm going to have to say no to that", "I must respectfully decline", "I'm
    # declining this one"; not a decline said of others ("your bank declined") or offered ("you can
    # decline the plan"), nor a message passed on ("I'll pass that on")
    # (what is declined is the ask, or nothing: not "decline cards that are expired", "refuse
    # delivery", "pass on this message", "turn down the thermostat", "turn it down a notch")
    r"(?:i|we)(?:'ll|’ll| will|'d| would|(?:'m|’m| am|'re| are) (?:going to|gonna))? (?:have to|must|"
    r"need to|'ve got to|have got to) (?:respectfully |politely |regretfully )?(?:(?:decline|refuse)"
    r"(?=\s*(?:[.,;:!—–-]|$)| (?:that|this|it|your (?:request|ask|offer)|the (?:request|ask|offer)|"
    r"to(?! " + _NO_OPINION + r"))\b)|"
    r"pass on (?:that|this|it)(?=\s*(?:[.,;:!—–-]|$)| one\b)|say no to|"
    r"turn (?:that|this|it|your (?:request|ask|offer)) down(?! (?:a (?:notch|bit|little|touch)|to \d"
    r"|slightly|further))|turn down (?:that|this|your (?:request|ask|offer)|the (?:request|ask|offer)))|"
    r"(?:i|we)(?:'m| am|'re| are) (?:respectfully |politely )?(?:declining|refusing) (?:that|this|"
    r"it|your|to(?! " + _NO_OPINION + r"))|(?:i|we) (?:respectfully |politely )?(?:decline|refuse) "
    r"(?:that|this|it|your|to(?! " + _NO_OPINION + r"))|"
    r"(?:i|we)(?:'m| am|'re| are) not in a position to"
    + _NOT_YET
    + "|(?:is|'s|are|'re) off[- ]limits for (?:me|us)|"
    r"\bno can do|"
    r"(?:is not|isn't|isn’t|'s not|’s not) (?:information|data|a detail|details|a thing|a request|"
    r"one) (?:i|we)(?:'m| am|’m|'re| are)? ?(?:can|could|able to|allowed to|permitted to) "
    r"(?:give|share|disclose|provide|hand|pass|release|help|do)(?!" + _YET + r"))\b",
    re.I,
)
# What was refused (review rv9 D-c): the refusal's verb with its object, "can't change API limits",
# not the sentence cut at the verb ("I'm unable to change"), so the Refusals subtopics say what the
# agent would not do. The phrase runs from the refused verb to the end of its clause; circumstance
# after the object (where, how, why: "from chat", "directly", "for security reasons", "on your
# behalf") is dropped, and a pronoun or a bare "help"/"do that" takes the user's ask instead.
_REFUSED_VERB = re.compile(
    r"\b(?:(?:not able|unable|not allowed|not permitted|not authori[sz]ed|decline|not going) to|"
    r"not gonna|can't|can’t|"
    r"cannot|can not|won't|won’t|will not|don't|do not)\s+(?:be able to\s+)?",
    re.I,
)
_CLAUSE_END = re.compile(
    r"[.!?;:](?=\s|$)|[(\n]|,\s|\s[-–—]\s|\s(?:but|so|because|since|unless|though|although|however|"
    r"and (?:i|we|you)|or|without (?:a |an |the )?(?:\w+ )?approval)\b",
    re.I,
)
_CIRCUMSTANCE = re.compile(
    r"(?:\s+(?:directly|myself|here|for (?:you|me|us|them)|right now|now|at the moment|at this time|anymore|"
    r"any more|on your behalf|for security reasons|for privacy reasons|"
    r"(?:from|in|through|via|over|within) (?:this |the )?(?:chat|conversation|channel|assistant|"
    r"interface|window)))+\s*$",
    re.I,
)
_NO_OBJECT = re.compile(
    r"^(?:(?:help|assist)(?: you)?(?: with)?|do|do so|comply(?: with)?|go ahead(?: with)?|"
    r"proceed(?: with)?|provide|share)?\s*(?:that|this|it|so|those|these|them|(?:that|this) "
    r"request)?$",
    re.I,
)
# The ask, without its frame: "Can you just refund the duplicate charge?" -> "refund the ..."
_ASK_FRAME = re.compile(
    r"^(?:.*?\b)?(?:(?:can|could|would|will) (?:you|u|someone)|please|i(?:'d| would) like you to|"
    r"i (?:want|need) you to)\s+(?:please\s+|kindly\s+|just\s+|also\s+)*",
    re.I,
)
_REFUSAL_WORDS = 12
# The user's ask said from the agent's side: "delete my profile" -> "delete your profile".
_AS_YOURS = {"my": "your", "our": "your", "me": "you", "us": "you", "i": "you", "mine": "yours",
             "myself": "yourself", "ourselves": "yourselves"}  # fmt: skip
_YOUR = re.compile(r"\b(?:" + "|".join(_AS_YOURS) + r")\b", re.I)


def _clause_after(text: str) -> str:
    m = _CLAUSE_END.search(text)
    return (text[: m.start()] if m else text).strip()


def _first_words(text: str, n: int = _REFUSAL_WORDS) -> str:
    return " ".join(text.split()[:n])


# Declining the very thing asked: "I'm not going to delete audit log entries" after "Delete the
# audit log entries", "I won't be able to waive that fee" after "Can you waive the late fee?".
# The verb must be the ask's, and not one the user asked NOT to be done ("Don't cancel it" ->
# "Okay, I won't cancel it") or worried would be ("Will you charge me twice?" -> "No, I'm not
# going to charge you twice": an answer to a worry, not an ask declined), nor put off on a
# condition ("I won't delete anything until you confirm").
_WONT = re.compile(
    r"\bi(?:'m| am|’m) not (?:going to|gonna)\s+(?:be able to\s+|be (?=\w+ing\b))?(?P<a>\w+)|"
    r"\bi (?:won't|won’t|will not)\s+(?:be able to\s+|be (?=\w+ing\b))?(?P<b>\w+)",
    re.I,
)
_LIGHT_VERBS = frozenset(
    "be have get go make take let do need want see say tell lie".split()  # noqa: SIM905
)
_NEGATED_ASK = re.compile(
    r"\b(?:don't|don’t|do not|not|never|no need to|stop)\s+(?:\w+\s+)?$|"
    r"\b(?:will|are|is) (?:you|it|they|that)(?: going to| gonna)?\s+$|"
    # a question about what will happen: "check whether I'll be charged", "if we're going to be billed"
    r"\b(?:whether|if) (?:i|we|you|it|they|that)(?:'ll|’ll| will|(?:'m|’m| am|'re|’re| are|'s|’s| is)"
    r" (?:going to|gonna))(?: be| get)?\s+$",
    re.I,
)
_ASK_MAX_CHARS = 4000  # the user's turn read for its ask: its last few thousand characters
_NEGATION_WINDOW = 60  # characters before an asked verb read for "don't", "will you", ...
_ASK_WORD = re.compile(r"[a-z]+", re.I)
# put off on a condition, the act done once but not again ("I won't book it twice", "won't
# transfer anything yet"), or said needless for a reason ("I won't review it again since it was
# already approved"; not "... because the item was already used", a refusal with its reason)
_ON_CONDITION = re.compile(
    r"[^.!?\n]{0,200}?\b(?:until|unless|without|before|if you|till|twice|yet|a second time|"
    r"(?:since|because|as|given that|seeing as)\b[^.!?\n]{0,80}?\b(?:already (?:been )?(?:approved|"
    r"resolved|refunded|cancell?ed|waived|credited|covered|reviewed|fixed|paid|done|taken care of)|"
    r"no need|not (?:needed|necessary|required)|unnecessary))\b",
    re.I,
)


def _verb_stem(word: str) -> str:
    """A verb's first five letters without its ending: "waiving" and "waive" read alike (a
    short word as it is: "use" is not "us")."""
    word = word.lower()
    bare = re.sub(r"(?:ing|ed|es|e|s)$", "", word)
    return bare[:5] if len(bare) >= 4 else word[:5]


def _declined_ask(text: str, ask: str | None) -> re.Match[str] | None:
    if not ask:
        return None
    # The user's turn is untrusted and unbounded: its words are stemmed once, only its tail is
    # read (an ask is a few sentences), and only a short window before each word is searched
    # for a negation, so the cost stays linear in the text.
    tail = ask.find(" ", len(ask) - _ASK_MAX_CHARS) + 1 if len(ask) > _ASK_MAX_CHARS else 0
    asked: dict[str, bool] = {}  # stem -> some word of that stem is asked, not negated
    for w in _ASK_WORD.finditer(ask, tail):
        stem = _verb_stem(w.group(0))
        if not asked.get(stem):
            start = w.start()
            asked[stem] = not _NEGATED_ASK.search(ask, max(0, start - _NEGATION_WINDOW), start)
    for m in _WONT.finditer(text):
        verb = m["a"] or m["b"]
        if verb.lower() in _LIGHT_VERBS or _ON_CONDITION.match(text, m.end()):
            continue
        if asked.get(_verb_stem(verb)):
            return m
    return None


def refused(text: str, ask: str | None = None) -> re.Match[str] | None:
    """The agent's words that decline (see `_REFUSAL` and `_declined_ask`), or None."""
    return _REFUSAL.search(text) or _declined_ask(text, ask)


def refusal_detail(text: str, ask: str | None = None) -> str:
    """What the agent refused, as "can't <verb> <object>" (or "won't ..."), from the agent's
    sentence, else from the user's ask before it; the matched phrase when neither says."""
    m = refused(text, ask)
    if m is None:
        return ""
    verb = _REFUSED_VERB.search(m.group(0))
    if verb is None:  # "that is against our policy", "as an AI, I don't ..."
        return clip(m.group(0), 80)
    neg = "won't" if re.match(r"won|will|not go", verb.group(0), re.I) else "can't"
    what = _CIRCUMSTANCE.sub("", _clause_after(text[m.start() + verb.end() :]))
    if _NO_OBJECT.match(what) and ask:
        for sentence in re.split(r"(?<=[.!?])\s+", ask.strip()):
            f = _ASK_FRAME.match(sentence)
            if f and (want := _CIRCUMSTANCE.sub("", _clause_after(sentence[f.end() :]))):
                what = _YOUR.sub(lambda w: _AS_YOURS[w.group(0).lower()], want)
                break
    if not what:
        return clip(m.group(0), 80)
    return f"{neg} {_first_words(what)}"


# A user simulator's stop mark ends the conversation on the user's side: "###STOP###", "You too!
# ###STOP###" (the "#+stop#+" in _CLOSING never matched: its leading \W* ate the marks).
_STOP_MARK = re.compile(r"#{2,}\s*stop\s*#{2,}\s*$", re.I)
_CLOSING = re.compile(
    r"^\W*(?:#+stop#+|thanks?(?: you)?(?: so much| very much| a lot)?|thank u|ok(?:ay)?|great|perfect|"
    r"bye|goodbye|good bye|that's all|that is all|no,? that's it|cheers)\b[^?]*$",
    re.I,
)
# A setting or a value, not an event: "timeout setting", "timeout=30", "set the timeout".
_TIMEOUT_SETTING_AFTER = re.compile(
    r"""\s*(?:setting|settings|value|parameter|option|config\w*|field|must|should|of\s+\d|"""
    r"""is\s+(?:set|configured|\d)|["']?\s*[:=]\s*["']?\d|to\s+\d|in\s+(?:seconds|ms))""",
    re.I,
)
_TIMEOUT_SETTING_BEFORE = re.compile(
    r"\b(?:for|set|setting|increase|raise|lower|configure|configured|default|max|maximum|min|"
    r"minimum|invalid|custom|change|adjust|session|idle|inactivity)[ _-](?:the |a |its |your )?"
    r"(?:[\w-]+ )?$",
    re.I,
)
_HYPOTHETICAL = re.compile(
    r"\b(?:if|whether|unless|in case|when(?:ever)?|may|might|could|can|should|would|will|usually|"
    r"sometimes|often)\b",
    re.I,
)
# The agent's own report of a timeout after a tool call: the event, not the word ("your session
# times out after 15 minutes" is a fact about a setting).
_TIMEOUT_SAID = re.compile(
    r"\btim(?:ed|ing)[ -]?out\b|\b(?:hit|got|ran into|run into|received|encountered|had|seeing|"
    r"getting) (?:a |an |another |some )?(?:[\w-]+ )?time-?outs?\b|\btime-?out (?:error|issue|problem)|"
    r"\b(?:took|taking) too long|too long to (?:respond|reply|answer|load|come back)|"
    r"(?:didn't|did not|failed to|wasn't able to|was not able to|couldn't|could not|isn't|is not|"
    r"aren't|are not|not) (?:respond|reply|answer|come back|load)(?:ing)? (?:in time|quickly "
    r"enough)|deadline exceeded",
    re.I,
)


def _timeout_in(text: str, *, said: bool = False) -> re.Match[str] | None:
    """A timeout as an event in a tool's reply (`said`: in the agent's words after a call), not a
    timeout setting and not a hypothetical ("if the page times out")."""
    form = _TIMEOUT_SAID if said else TIMEOUT_FORM
    # A setting's words are read in the 200 characters before each match (they end at it), a
    # hypothetical word found once per sentence: searching the whole sentence before every match
    # was quadratic on a long name of timeouts ("Timed Out Fitness Timeout Bar & Grill of the ...").
    for sentence in _SENTENCES.findall(text):
        hypothetical = _HYPOTHETICAL.search(sentence) if said else None
        for m in form.finditer(sentence):
            at = m.start()
            if _TIMEOUT_SETTING_AFTER.match(sentence, m.end()) or _TIMEOUT_SETTING_BEFORE.search(
                sentence, max(0, at - 200), at
            ):
                continue
            # "if" before the match, or a word the match cuts ("can" of "cannot respond in time")
            if said and (
                (hypothetical and hypothetical.end() <= at)
                or _HYPOTHETICAL.search(sentence, max(0, at - 12), at)
            ):
                continue
            if in_proper_name(sentence, m.start(), m.end()):  # "Timed Out Fitness is open"
                continue
            return m
    return None


# How long a tool took, where the trace records it on the tool's message (its own keys, or under
# "metadata" / "metrics"): seconds, or milliseconds by an "_ms" key.
_LATENCY_KEYS = ("latency_s", "latency", "duration_s", "duration", "elapsed_s", "elapsed",
                 "response_time_s", "response_time", "latency_ms", "duration_ms", "elapsed_ms",
                 "response_time_ms")  # fmt: skip


def tool_latency_s(m: dict) -> float | None:
    for where in (m, m.get("metadata"), m.get("metrics")):
        if not isinstance(where, dict):
            continue
        for k in _LATENCY_KEYS:
            v = where.get(k)
            if isinstance(v, int | float) and not isinstance(v, bool):
                return v / 1000 if k.endswith("_ms") else float(v)
    return None


# The user asking to hear the answer again: repeating it then is no loop.
_REPEAT_ASK = re.compile(
    r"\b(?:repeat (?:that|it|this|the|what|your|yourself|back|again|please|those|them)|"
    r"(?:can|could|would|will) you repeat\b|say (?:that|it|this) again|come again|"
    r"(?:didn't|did not|couldn't|could not|can't|cannot) (?:quite )?(?:catch|hear|get|read|follow) "
    r"(?:that|it|what|you|the)|one more time|once more|pardon\b|what (?:was|did you say)|"
    r"missed (?:that|it|what you)|(?:tell|give|send|show) (?:me |us )?(?:that|it|those|them) again)",
    re.I,
)
_WORD = re.compile(r"[\w'’:.,/-]*\w")
_SELF = frozenset({"i", "i'm", "i've", "i'll", "i'd", "i’m", "i’ve", "i’ll", "i’d"})


# Words a repeated answer may add or drop and still be the same answer: discourse, apology,
# "as mentioned", "still", "currently".
_FILLER_WORDS = """sure okay ok certainly course absolutely alright yes right well so again still
currently now already mentioned noted said stated explained earlier previously before above just
really also please kindly indeed understand apologize apologise apologies sorry confusion
unfortunately afraid note once more"""
_FILLER = frozenset(_FILLER_WORDS.split())


@dataclass(frozen=True)
class _Said:
    norm: str
    words: tuple[str, ...]
    keys: frozenset[str]  # numbers and names: what two answers alike in form differ by
    content: frozenset[str]  # content words, less filler


def _said(text: str) -> _Said:
    keys = set()
    for sentence in _SENTENCES.findall(text):
        for i, w in enumerate(_WORD.findall(sentence)):
            if any(c.isdigit() for c in w) or (
                i > 0 and w[:1].isupper() and w.lower() not in _SELF
            ):
                keys.add(w.lower().strip(".,:"))
    norm = _norm(text)
    content = frozenset(content_words(text)) - _FILLER
    return _Said(norm, tuple(norm.split()), frozenset(keys), content)


def _same_answer(a: _Said, b: _Said) -> bool:
    """The same answer, or a near-identical one: the same words but a few (an "as mentioned", a
    "Sure!" in front), the same numbers and names, the same content words ("the balance of your
    gift cards" and "... of your certificates" answer two questions alike)."""
    if a.norm == b.norm:
        return True
    n, m = len(a.words), len(b.words)
    if min(n, m) < 6 or min(n, m) / max(n, m) < 0.75 or a.keys != b.keys:
        return False
    if a.content != b.content:
        return False
    return SequenceMatcher(None, a.words, b.words, autojunk=False).ratio() >= 0.85


@dataclass(frozen=True)
class Issue:
    category: str  # a CATEGORIES key
    detail: str

    @property
    def label(self) -> str:
        return CATEGORIES[self.category]


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w ]+", " ", text.lower()).split())


def detect_issues(
    messages: list[dict],
    metrics: dict | None = None,
    *,
    latency_threshold_s: float = 30.0,
    asks_human: Callable[[str], bool] | None = None,
    tool_trouble: Callable[[str], bool] | None = None,
) -> list[Issue]:
    """Every agent-side issue in a conversation, in CATEGORIES order. `asks_human` and
    `tool_trouble` (the form classifier's heads, form_classifier.py) are asked where the rules
    found nothing: whether a user turn asks for a person, whether an agent turn right after a
    tool reply reports that it failed."""
    found: dict[str, list[str]] = {}

    def add(cat: str, detail: str) -> None:
        found.setdefault(cat, [])
        if detail not in found[cat]:
            found[cat].append(detail)

    handovers = read_handovers(messages)  # shared with the Sentiment rules (handover.py)
    asked_human_at: int | None = None  # the user's turn (among theirs) that first asks for a person
    user_turn = -1
    after_tool = False  # the last message was a tool reply
    calls_by_id: dict[str, str] = {}
    call_counts: dict[tuple[str, str], int] = {}
    key_by_id: dict[str, tuple[str, str]] = {}
    replies: dict[tuple[str, str], set[str]] = {}  # call key -> distinct non-error replies
    said_before: list[_Said] = []  # the agent's earlier messages (a loop repeats one)
    timed_out = False  # a tool timed out (its reply, its latency, or the agent's report)
    other_failure = False  # a failed call that was no timeout
    last_reply_timeout = False  # the last tool reply was a timeout
    run_timeout = False  # a tool reply since the agent last wrote timed out
    last_user: str | None = None  # the user's turn before an agent turn (what a refusal refused)
    last_tool = "tool"  # the tool whose reply came last (what an agent's report is about)
    reply_about_errors = False  # the last tool reply was about errors, none of its own
    contexts = call_contexts(messages)
    for idx, m in enumerate(messages):
        role = m.get("role")
        if role == "user":
            after_tool = False
            text = content_text(m.get("content"))
            last_user = text
            user_turn += 1
            if asked_human_at is None and (
                HUMAN_REQUEST.search(text)
                or ASKS_CALLBACK.search(text)
                or (asks_human is not None and asks_human(text))
            ):
                asked_human_at = user_turn
        elif role == "assistant":
            for tc in m.get("tool_calls") or []:
                calls_by_id[str((tc or {}).get("id"))] = str(
                    ((tc or {}).get("function") or {}).get("name", "?")
                )
            for name, args in tool_calls_of(m):
                key = call_key(name, args)
                call_counts[key] = call_counts.get(key, 0) + 1
                ids = [str((tc or {}).get("id")) for tc in m.get("tool_calls") or []]
                for cid in ids:
                    key_by_id.setdefault(cid, key)
            text = content_text(m.get("content")).strip()
            if text:
                if refused(text, last_user):
                    add("Refusal", refusal_detail(text, last_user))
                # an answer that explains an error code ("E: Unable to fetch ... means") is no
                # report that the agent's call failed
                explains = explains_error(text)
                # (nor is a timeout the agent reads out of a reply about errors: "Bookings had
                # timeouts for 20 minutes yesterday" after a status page's resolved incident)
                said_timeout = (
                    _timeout_in(text, said=True)
                    if after_tool and not explains and not reply_about_errors
                    else None
                )
                if said_timeout is not None:  # "the booking service timed out"
                    timed_out = True
                    add(
                        "Timeout",
                        f"{last_tool} timed out (agent reported {clip(said_timeout.group(0), 40)!r})",
                    )
                if (
                    after_tool
                    and not explains
                    and (t := _TOOL_TROUBLE.search(text) or _failed_attempt(text))
                ):
                    add("Failed tool call", _reported(last_tool, t.group(0), said_timeout, text))
                    # the report of a timeout, or of the timeout just replied, is that timeout
                    other_failure |= said_timeout is None and not run_timeout
                elif (
                    after_tool
                    and not explains
                    and tool_trouble is not None
                    and "Failed tool call" not in found
                    and tool_trouble(text)
                ):
                    add("Failed tool call", _reported(last_tool, text, said_timeout, text))
                    other_failure |= said_timeout is None and not run_timeout
                elif said_timeout is not None:
                    add(
                        "Failed tool call",
                        _reported(last_tool, said_timeout.group(0), said_timeout, text),
                    )
                after_tool = False
                run_timeout = False
                said = _said(text)
                if len(said.norm) >= 20:
                    # the same answer again, unless the user asked to hear it again
                    asked_again = last_user is not None and _REPEAT_ASK.search(last_user)
                    if not asked_again and any(_same_answer(p, said) for p in said_before):
                        add("Loop", "agent repeated the same message")
                    said_before.append(said)
        elif role in ("tool", "function"):
            after_tool = True
            name = str(m.get("name") or calls_by_id.get(str(m.get("tool_call_id")), "tool"))
            error = is_error_reply(m, name, contexts.get(idx))
            last_tool = name
            text = content_text(m.get("content")).strip()
            slow = tool_latency_s(m)
            slow = slow if slow is not None and slow >= latency_threshold_s else None
            # an error's timeout anywhere near its start; a reply not flagged as an error only
            # when it opens on it ('{"status": "timed_out"}', "connect ETIMEDOUT ..."), not an
            # article that mentions timeouts further on
            # (past a name at its head: "Timed Out Fitness, Unit 4 Dockside" is a gym)
            # (and none in a reply about errors: a reading, a status page's resolved incident,
            # documentation, a retry that succeeded: "Timeouts yesterday: 5; none since")
            reply_about_errors = not error and (about_errors(text) or past_error_record(text))
            timeout = (
                _timeout_in(text[:300])
                if error
                else None
                if reply_about_errors
                else _timeout_in(text[named_head(text) :][:100])
            )
            last_reply_timeout = timeout is not None or slow is not None
            if timeout is not None:
                add("Timeout", f"{name} timed out")
            elif slow is not None:
                add("Timeout", f"{name} took {slow:.0f} s")
            timed_out |= last_reply_timeout
            run_timeout |= last_reply_timeout
            if not error and timeout is None:
                if (k := key_by_id.get(str(m.get("tool_call_id")))) is not None:
                    replies.setdefault(k, set()).add(_norm(content_text(m.get("content")))[:500])
                continue
            retried = key_by_id.get(str(m.get("tool_call_id")))
            if retried in call_counts:  # retrying a failed call is not a loop
                call_counts[retried] -= 1
            other_failure |= not last_reply_timeout
            if error_kind(text) or not text:  # the fixed short form: tool and class
                add("Failed tool call", call_failure(name, text))
            else:
                add("Failed tool call", f"{name} returned {clip(text.splitlines()[0], 90)!r}")

    for name in handovers.tools:  # a handoff tool whose reply was no error
        add("Escalation to human", f"called {name}")
    for (name, _args), n in call_counts.items():
        if n >= 3 and len(replies.get((name, _args), ())) <= 1:
            add("Loop", f"called {name} with the same arguments {n} times")
    # unmet: the agent replied, but made, arranged or attempted no handover and said not why (no
    # reply at all is an incomplete answer, reported below)
    if asked_human_at is not None and handovers.after(asked_human_at) == UNMET:
        add(
            "Unmet escalation",
            "user asked for a human; the agent neither handed over nor said why not",
        )
    if handovers.said and "Escalation to human" not in found:
        add("Escalation to human", "agent handed the conversation to a human")
    latency = (metrics or {}).get("latency_s")
    if isinstance(latency, int | float) and latency >= latency_threshold_s:
        add("Timeout", f"slow answer ({latency:.0f} s)")

    # Ending: an unanswered user turn, or a tool call/reply with no final answer after it.
    convo = [m for m in messages if m.get("role") in ("user", "assistant", "tool", "function")]
    while (
        len(convo) > 1
        and convo[-1].get("role") == "user"
        and (
            (
                _CLOSING.match(last_text := content_text(convo[-1].get("content")).strip())
                and not asks(last_text)  # "thanks, but what about the second invoice"
            )
            or (_STOP_MARK.search(last_text) and not asks(_STOP_MARK.sub("", last_text)))
            or settles(last_text, _agent_before(convo))
            or pleased(last_text)
        )
    ):
        # "thanks, bye" / "###STOP###" needs no answer, nor does an acknowledgement ("Makes sense,
        # thank you.") or a report that it works now ("Done, it holds now."), or what came of an
        # instruction with no problem in it ("Reseated it, steady as anything."), nor a turn the
        # Sentiment rules read as satisfaction ("Perfect, that's exactly what I needed.", rv10 H-2)
        convo.pop()
    if convo:
        last = convo[-1]
        if last.get("role") == "user":
            add("Incomplete answer", "last user message got no reply")
        elif last.get("role") in ("tool", "function"):
            add("Incomplete answer", "ended after a tool call without a final answer")
        elif (
            last.get("role") == "assistant"
            and not content_text(last.get("content")).strip()
            and not any(handoff_tool(n) for n, _ in tool_calls_of(last))
        ):
            add("Incomplete answer", "final assistant turn is empty")

    order = list(CATEGORIES)
    if timed_out and not other_failure:  # the call failed by timing out: a timeout first
        order.remove("Timeout")
        order.insert(0, "Timeout")
    out = []
    for cat in order:
        details = found.get(cat)
        if details:
            more = f" (+{len(details) - 1} more)" if len(details) > 1 else ""
            out.append(Issue(cat, details[0] + more))
    return out


def _reported(tool: str, said: str, timeout: re.Match[str] | None, turn: str) -> str:
    """The agent's report of a failure after a call to `tool`, in the fixed short form (the
    class read from its whole `turn`) with its words after it: "get_account failed (agent
    reported 'something went wrong')"."""
    form = reported_failure(tool, turn, timed_out=timeout is not None)
    return f"{form} (agent reported {clip(said, 60)!r})"


def _agent_before(convo: list[dict]) -> str | None:
    """The agent's text just before the last turn, if the turn before it is the agent's."""
    if len(convo) > 1 and convo[-2].get("role") == "assistant":
        return content_text(convo[-2].get("content"))
    return None


def summarize_issues(issues: list[Issue]) -> tuple[str, str]:
    """(summary, label): "Failed tool call: ...; Loop: ..." and the first category, or NONE."""
    if not issues:
        return "NONE", "NONE"
    return "; ".join(f"{i.category}: {i.detail}" for i in issues), issues[0].label


def issue_labels(issues: list[Issue]) -> list[str]:
    """Every category of a trace as labels, in the summary's order (the first is its label), or
    ["NONE"]: what facet_summaries.labels keeps, so a trace counts under each problem it had."""
    return [i.label for i in issues] or ["NONE"]
