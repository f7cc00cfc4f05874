"""Cancel talk by its parts: an act of leaving, what is left, and whether it is meant.

sentiment.py's churn patterns list the things a user leaves by name ("another bank", "my
subscription"); held-out batches 5-7 left with nouns no list had ("a different registrar",
"removals companies", "my language app subscription", "the coworking plan"). Here the parts are
general: a verb of ending or leaving, and either what the user pays for (a subscription, plan,
membership, contract — with any words before the noun), or a provider change (taking the work
to *another* or a *different* anything that is not a day, a seat or another booking detail), or
not coming back. Closing an account counts when the same turn also stops the paying ("remove my
card", "get my deposit back", "unsubscribe me from everything"): leaving, not a data request.

Negated or hypothetical cancelling is not cancel talk: "we're not cancelling", "I don't want to
leave", "can I cancel if my plans change?". Checked for false alarms on the development parts
of uss_mwoz and the demo traffic (docs/benchmarks.md#facets, seventh pass).
"""

from __future__ import annotations

import re

from tracetopics_pipeline.core.facets.summarizers.local.text import any_of

_END = r"(?:cancel|clos|end|terminat|stop|discontinu|quit|drop|leav|deactivat|unsubscrib)\w*"
_PAID = (
    r"(?:subscription|membership|contract|plan|package|policy|renewal|licen[cs]e|pass|"
    r"service agreement|direct debit|standing order)s?"
)
# Ending what the user pays for, with any words before the noun: "close my language app
# subscription", "quit the coworking plan", "stop my monthly membership".
PLAN_END = any_of(_END + r" (?:my|our|the|this|that|all (?:my|our|the)) (?:[\w-]+ ){0,3}?" + _PAID)
# Not detail changes: a booking moved to another day is not the user leaving.
_DETAIL = (
    r"day|date|time|week|weekend|month|slot|room|seat|table|flight|train|bus|taxi|hotel|"
    r"restaurant|address|card|account|email|phone|number|location|branch|site|floor|unit|tier|"
    r"size|colou?r|model|version|one|option|method|page|tab|browser|device|pitch|berth|lane"
)
_BOOKING = r"booking|reservation|appointment|order|ticket|lesson|meeting|slot|seat|room|table"
# The kinds of business a user takes elsewhere (a person within it, a doctor or an instructor,
# is a detail of the same service).
_PROVIDER = (
    r"(?:school|studio|gym|bank|insurer|insurance company|provider|carrier|supplier|vendor|"
    r"agency|firm|company|courier|host|registrar|lab|pharmacy|broker|airline|operator|garage|"
    r"salon|network|platform)s?"
)
# Somewhere else, or a competitor: "someone else", "another company", "a competitor".
_ELSEWHERE = (
    r"(?:someone else|somebody else|elsewhere|somewhere else|(?:a|the|your) (?:competitors?|rivals?)|"
    r"the competition|(?:another|a different|a rival) (?!(?:" + _DETAIL + r")\b)[a-z]{3,})"
)
_WHICH_PROVIDER = r"(?:(?:my|our|the) )?(?:[\w-]+ )?" + _PROVIDER
# The user (or "time to") about to act, not negated: "we'll", "i'm going to", "i am definitely".
_OWN_PLAN = (
    r"(?:(?:i|we)(?:['’]ll| will| shall|['’]m| am|['’]re| are)"
    r"(?: (?!not\b|never\b)[\w']+){0,2}? |(?:it'?s )?time to |gonna )"
)
# Taking the business elsewhere: "take our translation work to another agency", "move all 14
# domains to a different registrar", "switching removals companies".
PROVIDER_CHANGE = any_of(
    r"(?:tak|mov|switch|transferr?|bring|shift|port)\w* (?!(?:my|our|the|this) (?:\w+ )?(?:"
    + _BOOKING
    + r")\b)(?:(?:all )?(?:my|our|the|this|these|those|all) )?(?:\d+ )?(?:[\w-]+ ){0,3}?"
    r"(?:over )?to (?:a |an )?(?:another|different|competing|new|other|rival) (?!(?:"
    + _DETAIL
    + r")\b)[a-z]{3,}",
    r"switch\w* (?:[\w-]+ )?(?:providers|companies|vendors|suppliers|banks|carriers|insurers|"
    r"agencies|firms|services|operators|registrars|hosts|brands|shops|stores|gyms|studios|schools)",
    r"(?:use|using|go with|going with|go to|going to|try|trying) (?:a |an )?(?:different|another|"
    r"other|rival) (?!(?:" + _DETAIL + r")\b)[a-z]{3,} (?:from now on|next time|in future|in the "
    r"future|instead)",
    # for good: "order my cakes somewhere else from now on", "get it from another shop in future"
    r"(?:somewhere else|elsewhere|from (?:someone|somebody) else|(?:another|a different|a rival) "
    r"[a-z]{3,}) (?:from now on|in (?:the )?future|for good|next time|going forward)",
    # leaving a course or a school: "withdrawing our son from the swimming school"
    r"withdraw\w* (?:\w+ ){0,3}?from (?:the|your|this) (?:\w+ ){0,2}?(?:school|course|class(?:es)?|"
    r"club|programme|program|membership|scheme|service)",
    # changing the provider itself, no "another" said, as the user's own plan: "we'll switch
    # bank", "time to change insurer", "i'm going to change courier" (not "change the school bus
    # stop", "change my bank details": the noun ends what is changed) ...
    _OWN_PLAN + r"(?:chang|switch)\w* " + _WHICH_PROVIDER + r"(?=\s*(?:[.,;:!?)]|$)|"
    r"\s+(?:if|unless|because|since|when|after|before|soon|now|then|next|this|for good|and|or|"
    r"asap|already)\b)",
    # ... or on a condition or for a reason: "i will change driving school if this continue",
    # "switching bank because of the fees" (not a request: "Can you change the courier?",
    # "Please change my lab because I moved")
    r"(?<!please )(?<!you )(?<!need to )(?<!have to )(?:chang|switch)\w* "
    + _WHICH_PROVIDER
    + r"\s+(?:if (?:this|it|that|things|nothing|you)|"
    r"unless|because|since|for good)\b",
    # the next purchase made elsewhere: "we'll take our next trip with someone else", "my next
    # car comes from another dealer", "next time I'm going to a competitor"
    r"(?:my|our) next (?:[\w-]+ ){1,3}?(?:with|from|at|through|to|by) " + _ELSEWHERE,
    r"next time,? (?:i|we)(?:['’]ll| will|['’]m| am|['’]re| are)? [^.!?]{0,40}?\b" + _ELSEWHERE,
)
# Ending something, and in the same turn where the business goes instead: "cancel my appointment,
# I'm going with another company", "stop the contract, we found someone closer".
_ENDS = any_of(
    r"(?:cancel|end|stop|terminat|withdraw|unsubscrib|discontinu|quit)\w*|take (?:me|us) off|"
    r"(?:i|we) want (?:my|our) (?:money|deposit) back"
)
_GOES_ELSEWHERE = any_of(
    r"(?:going|gone|went|go|switching|switch|moving|move|changing|change|taking|take)(?: \w+){0,2}? "
    r"(?:with|to|over to) (?:a |an |the )?(?:another|different|other|rival|local|cheaper|new) "
    r"(?!(?:" + _DETAIL + r")\b)[a-z]{3,}",
    # "... and going with a competitor", "switching to one of your rivals"
    r"(?:going|gone|went|go|switching|switch|moving|move|taking|take)(?: \w+){0,2}? (?:with|to|"
    r"over to) (?:a |the |one of your |your )?(?:competitors?|rivals?|competition)\b",
    r"(?:found|using|use|booked|hired|chosen|picked) (?:someone|somebody|another|a different|a "
    r"cheaper|a better|a closer|a local) ?\w*",
    r"(?:somewhere|someone|somebody) else|elsewhere|another (?:company|provider|firm|shop|store|"
    r"supplier|vendor|agency|business|service|repairer)",
)
# The relationship itself: what is paid for, the account, seats and licences, "everything", "us".
_RELATIONSHIP = (
    r"(?:subscription|account|acct|plan|membership|contract|licen[cs]e|seat|policy|package|"
    r"service|renewal|direct debit|standing order|agreement|everything)s?|all of it"
)
# What ends when a customer does not renew: the relationship, its tier or cover ("our
# subscription", "its licence for your software", "my sub", "our Pro tier", "the annual").
RELATIONSHIP = (
    r"(?:[\w-]+ ){0,2}?(?:" + _RELATIONSHIP + r"|(?:term|tier|sub|bundle)s?|polic(?:y|ies)|"
    r"cover(?:age)?|insurance|hosting|annual|monthly|yearly)\b"
)
# "... with you", "... w/ u": what is not renewed is this provider's, whatever it is called.
_WITH_YOU = (
    r"[^.!?,;]{0,40}\b(?:with|w/) (?:you|u|y'all|your|this (?:company|firm|bank|provider))\b"
)
# "... until Friday", "... before the fix": a pause, not a departure.
_NOT_LATER = r"(?![^.!?]{0,40}\b(?:until|till|before|after|tonight|today|tomorrow)\b)"
# After "not renewing": nothing, or the relationship, not another thing ("... my passport").
_RENEWS_US = (
    r"(?! (?:my|our|the|its|his|her|their|this|that|these|those|a|an) (?!"
    + RELATIONSHIP
    + r")(?!"
    + _WITH_YOU
    + r"))"
    + _NOT_LATER
)
# Who decides not to renew: a person or an organisation ("our board", "management", "my boss",
# "the hospital"), not a thing or a mechanism that fails to (autopay, the card, auto-renew, it).
_DECIDER = (
    r"(?:(?:our|my|the|his|her|their) (?:[\w-]+ ){0,2}?(?:compan(?:y|ies)|(?:team|firm|board|"
    r"practice|school|group|business|organi[sz]ation|org|management|leadership|employer|"
    r"department|clinic|agency|store|shop|restaurant|charity|council|university|hospital|"
    r"committee|trust|office|household|family|boss|manager|director|owner|founder|partner|"
    r"ceo|cfo|cto|coo|accountant|wife|husband)(?:e?s)?)|management|leadership|head office|he|she)"
)
# Not coming back: "I'm not coming back next year", "we won't be returning", "never shopping with
# you again", "I'm leaving for good", "we're done with you" (not "out for good reason"). Churn
# risk reads these too (its `local.not_returning` label), so both facets hear the same words.
NOT_RETURNING = any_of(
    r"(?:not|never|won't be|will not be|won't|will not|shan't|shall not) (?:be )?(?:coming back|"
    r"returning|"
    r"rebooking|booking again|ordering again|using (?:you|your \w+|this \w+) again|"
    r"using (?:you|your \w+|this \w+) any ?more)" + _NOT_LATER,
    # not renewing the relationship, or nothing: not a thing that renews by itself ("the SSL
    # certificate is not renewing") or one renewed elsewhere ("not renewing my passport / the lease")
    # ("the certificates are not renewing", "my sub's not renewing", "seems to be not renewing";
    # "we are not renewing" is the user's decision)
    r"(?<!\bis )(?<!\bwas )(?<!['’]s )(?<!\bbe )(?:(?<=\bwe are )|(?<=\bthey are )|"
    r"(?<=\bwe were )|(?<=\bthey were )|(?<!\bare )(?<!\bwere ))"
    r"(?:not|never|won't be|will not be|won't|will not|shan't|shall not) "
    r"(?:be )?renewing" + _RENEWS_US,
    # the same decision said with "aren't" ("we aren't renewing", typed "we arent renewing")
    r"\b(?:we|they) (?:are|were)n['’]t (?:be )?renewing" + _RENEWS_US,
    # a person or an organisation deciding ("our board is not renewing our contract with you",
    # "management isn't renewing"), not what something fails to renew ("autopay was not renewing
    # my plan": a fault)
    r"\b" + _DECIDER + r" (?:is|was|are|were|['’]s|['’]re)(?: not|n['’]?t) renewing" + _RENEWS_US,
    # an organisation's own relationship ("the hospital is not renewing its contract"), not the
    # user's one that something fails to renew ("autopay was not renewing my plan": a fault)
    r"(?:is|was) not renewing(?= (?:its|their|the) " + RELATIONSHIP + r")",
    r"(?:not|never) \w+ing (?:anything )?(?:from|with|at) (?:you|u|y'all|your \w+|this \w+)"
    r"(?: \w+)? (?:again|any ?more)",
    r"(?:leaving|gone|off|outta here|out of here|quitting) for good(?! (?:reasons?|measure|part|while|"
    r"cause|luck|behaviou?r)\b)",
    r"(?:i['’]?m|we['’]?re|i am|we are|we r) (?:so |totally |just )?done with (?:you|u|y'all|your|this)",
)
# Leaving a list of members or a thing that makes one a member: "take me off your members list",
# "remove me from the waiting list", "handing back my locker key", "give back the allotment",
# "hand in my notice", "I'm leaving the club" (not a thing returned: "give back the charger").
LEAVES_MEMBERSHIP = any_of(
    r"(?:de-?regist\w*|unregist\w*) (?:me |us )?from\b|"
    r"(?:take|taking|took|remov\w*|delet\w*|strike|striking|struck) (?:me|us|my name|our names?) "
    r"(?:off|from) "
    r"(?:(?:the|your|this|our) )?(?:[\w-]+ ){0,2}?(?:list|register|roll|roster|books|waitlist)\b",
    r"(?:give|giving|gave|given|hand|handing|handed) (?:back|in|up) (?:my|our|the) (?:[\w-]+ ){0,2}?"
    r"(?:keys?|fob|plot|allotment|lease|tenancy|locker|membership|badge|pass|permit|pitch|berth|"
    r"notice)\b",
    r"(?:i'm|i am|we're|we are|i'll be|we'll be) (?:leaving|quitting) (?:the|your|this) (?:[\w-]+ )?"
    r"(?:club|gym|society|scheme|group|school|practice|network|bank|choir|team|league|association|"
    r"programme|program|service)\b",
)
# Closing the account is leaving when the same turn stops the paying too.
_ACCOUNT_CLOSE = any_of(
    r"(?:clos|delet|deactivat|terminat|remov|shut(?:ting)? down)\w* (?:my|our|the) "
    r"(?:[\w-]+ ){0,2}?(?:account|profile)"
)
_STOP_PAYING = any_of(
    r"(?:remov|delet|cancel|stop)\w* (?:my|our|the) (?:[\w-]+ ){0,2}?(?:card|payment|direct debit|"
    r"billing|standing order)|(?:deposit|money|balance|refund) back|refund (?:me|us|my|our)|"
    r"unsubscrib\w* (?:me|us)? ?from (?:everything|all)",
)
_NOT_MEANT = re.compile(
    r"\b(?:not|never|no plans? to|no intention (?:of|to)|don't want to|do not want to|wouldn't|"
    r"won't be|will not be|no need to|(?:don't|do not) (?:want|need|plan) to)\s+(?:be\s+)?"
    r"(?:\w+\s+)?(?:cancel|clos|leav|quit|switch|terminat|end|drop|mov|go)\w*",
    re.I,
)
_HYPOTHETICAL = re.compile(
    r"\b(?:can|could|may|do|does|is it possible to|how (?:do|can|would) (?:i|we)|what happens if "
    r"(?:i|we)|if (?:i|we))\s+(?:\w+\s+)?(?:cancel|clos|terminat|end|quit|leav|switch)\w*[^.!?]*\?",
    re.I,
)


# A demand with a threat after "or": "fix it or we leave", "refund me or I'm switching", "sort it
# out or else"; not "fixed or not", "I tried to fix it or find a workaround". Also a cue that a
# switch leaves this provider (provider_names).
FIX_OR = (
    r"(?:fix|sort|solve|resolve|refund|correct|repair)\w*(?: [\w'’-]+){0,6}? or,? (?:else|we|i)"
)


# Leaving said on a condition, a threat and not a decision: "if this isn't fixed by Friday we're
# moving", "one more dropped call and I'm switching", "unless the invoice is corrected", "fix it
# or we leave", "next time it crashes". Not a polite or concessive "if" ("if possible", "if you
# could close it today", "even if you fix it", "if there's a final invoice", "let me know if"), nor
# an "if" that means whether ("not sure if", "no idea if") or "if you must know".
ON_CONDITION = re.compile(
    r"(?<!\beven )(?<!\bas )(?<!\bonly )(?<!\bknow )(?<!\bsee )(?<!\bcheck )(?<!\bwonder )"
    r"(?<!\bask )(?<!\bme )(?<!\bsure )(?<!\bidea )(?<!\bcare )(?<!\bdoubt )\bif\b(?! (?:possible|"
    r"needed|necessary|required|applicable|so|not|any|ever|anything|any\w+|appropriate|relevant|"
    r"convenient|that(?:['’]s| is)? (?:ok|okay|fine|alright|helps|matters|easier)|(?:that|it) "
    r"(?:helps|matters)|there(?:['’]s| is| are)|you (?:could|can|would|need|want|have|like|wish|"
    r"prefer|must)\b(?!['’]t|n['’]t|not))\b)"
    r"|\bunless\b|\bnext time\b|\bor else\b"
    # an inverted "if": "should this happen again", "should the outage repeat"
    r"|(?:^|(?<=[.!?,;:] )|(?<=\n))should (?:this|that|it|(?:the|your) [\w-]+) (?!be\b)\w+"
    # (not a time left to run: "one more month and then we're done" is a decision)
    r"|\b(?:one more|another|any more|any other|any further|the next|a second|a third)"
    r"(?! (?:month|year|week|quarter|term|billing cycle)s? (?:and|&),? then\b)(?: [\w'’-]+)"
    r"{1,5}? (?:and|&|n),? (?=(?:then )?(?:we|i|you|it['’]s|that['’]s)\b)"
    rf"|\b{FIX_OR}\b",
    re.I,
)


# Cancelling one thing bought or booked through the service is a task, not leaving: "can u cancel
# the 7pm booking", "cancellation of my flight", "I need the grocery order cancelled". What is
# cancelled is read as the object of the act (after it, "of" or "on" allowed) or, for a noun or a
# participle, the noun just before it ("my flight cancellation", "the order cancelled").
_TASK = (
    r"(?:order|ticket|booking|reservation|appointment|table|flight|delivery|payment|meeting|"
    r"report|transfer|wire|trip|ride|taxi|cab|pick-?up|collection|shipment|parcel|lesson|class|"
    r"session|visit|viewing|tour|stay|room|event|call|webinar|interview|consultation|purchase|"
    r"transaction|invoice|request|job|export|card|cheque|check|instal+ment|bid|offer)(?:s|es)?"
)
CANCEL_ACT = re.compile(r"\bcancel(?:l?ing|s|l?ed|l?ations?)?\b", re.I)
# "it shows as cancelled", "the class was cancelled": a status read, not an act of the user's
_STATUS = re.compile(
    r"\b(?:is|was|were|are|been|be|being|as|now|got|gets|shows?|says?|reads?|marked)\s+$", re.I
)
# the object ends at a clause boundary; an "and" may join a second thing cancelled
_OBJECT = re.compile(
    r"^(?:\s+(?:of|on|for))?((?:\s+[\w#'’:-]+)*?)\s*(?=[.,;:!?()\n]|$|\s+(?:but|because|since|so|"
    r"as|if|unless|or|then|i|we)\b)",
    re.I,
)
_TASK_RX = re.compile(rf"\b{_TASK}\b", re.I)
_RELATIONSHIP_RX = re.compile(rf"\b{_RELATIONSHIP}\b", re.I)
_PRONOUN = re.compile(r"^\s*(?:it|this|that|them|these|those|one)\b", re.I)
_PREPOSITION = re.compile(r"\b(?:to|from|into|on|in|at|with|for|of|under|via|through)\b", re.I)
_US = re.compile(r"^\s*(?:us|me|all)\s*$", re.I)  # "cancel us", "cancel me", "cancel all"


def _cancelled_thing(turn: str, m: re.Match[str]) -> str:
    """'task', 'relationship', 'status' or 'other': what the cancel act at `m` names."""
    before = turn[: m.start()]
    if m.group(0).lower().endswith("ed") and _STATUS.search(before):
        return "status"
    obj = _OBJECT.match(turn[m.end() :])
    clause = obj.group(1) if obj else ""
    after = " ".join(clause.split()[:6])  # a booking's head noun is near the act
    # each thing cancelled ("my table for Friday and my membership"), without what it is to or
    # from ("the transfer to my savings account" cancels a transfer)
    heads = " | ".join(_PREPOSITION.split(part)[0] for part in re.split(r"\band\b", clause))
    # a noun or a participle names what is cancelled just before it ("flight cancellation",
    # "the grocery order for tomorrow cancelled") when nothing a thing follows
    noun_form = m.group(0).lower().endswith(("ation", "ations", "ed"))
    near = " ".join(before.split()[-5:]) if noun_form else ""
    for text in (heads, near):
        if _RELATIONSHIP_RX.search(text) or _US.match(after):
            return "relationship"
    for text in (after, near):
        if _TASK_RX.search(text):
            return "task"
    return "pronoun" if _PRONOUN.match(after) else "other"  # nothing named, or something else


def cancels_a_task(turn: str) -> bool:
    """Whether the cancelling in `turn` is all of things bought or booked through the service (an
    order, a ticket, a booking, a flight, a payment, a meeting, a scheduled report, a transfer,
    a card): a task, not leaving. Not when any act cancels the relationship ("cancel my
    subscription", "my account and my orders", "cancel everything", "cancel us"), cancels with
    nothing named ("we're cancelling."), or the turn ends what is paid for or the account in other
    words or says the user leaves (`leaving`)."""
    kinds = {_cancelled_thing(turn, m) for m in CANCEL_ACT.finditer(turn)} - {"status", "pronoun"}
    return (
        kinds == {"task"}
        and not leaving(turn)
        and not PLAN_END.search(turn)  # "... and stop my membership"
        and not _ACCOUNT_CLOSE.search(turn)  # "cancel all my bookings and close my account"
    )


def on_condition(sentence: str) -> bool:
    """Whether `sentence` makes what it says hang on a condition (`ON_CONDITION`): leaving said
    so is a threat (Churn risk HIGH), not a decision made (CRITICAL)."""
    return bool(ON_CONDITION.search(sentence))


def meant(turn: str) -> bool:
    """Whether talk of cancelling in this turn is meant: not negated ("we're not cancelling"),
    not a question about terms ("can I cancel if my plans change?")."""
    return not (_NOT_MEANT.search(turn) or _HYPOTHETICAL.search(turn))


def leaving(turn: str) -> bool:
    """The user says they are taking their business elsewhere, not coming back, leaving a list
    of members or handing back what made them one, or closing the account and stopping the
    payments (frustration: cancel talk)."""
    return bool(
        PROVIDER_CHANGE.search(turn)
        or NOT_RETURNING.search(turn)
        or LEAVES_MEMBERSHIP.search(turn)
        or (_ACCOUNT_CLOSE.search(turn) and _STOP_PAYING.search(turn))
        or (_ENDS.search(turn) and _GOES_ELSEWHERE.search(turn))
    )
