"""Sentiment facet, offline: evidence of satisfaction and of frustration across the user's turns.

Politeness is not satisfaction. Nearly every user closes with "thanks, bye", so thanks and stock
adjectives ("great", "perfect") count for little; POSITIVE needs evidence — praise of the agent or
the product, or the problem acknowledged as solved. Frustration comes in many forms, each its own
rule below: negative words, "that didn't help" / "still broken", repeating the request, asking
for a human, sarcasm, giving up, complaints about the agent, talk of cancelling. What the user
*expresses* decides MIXED; what is only inferred (how the conversation went: an agent failure
nothing made good, the user's last request unanswered — sentiment_outcome.py) can tilt a
conversation negative but never makes it MIXED.
Returns a label (POSITIVE / NEUTRAL / NEGATIVE / MIXED) and a one-sentence reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tracetopics_pipeline.core.facets.summarizers.local.handover import (
    HUMAN_REQUEST,
    Handovers,
    dialogue_messages,
    read_handovers,
)
from tracetopics_pipeline.core.facets.summarizers.local.sentiment_context import (
    context_forms,
    handed_on_after_failure,
    met_asks,
    restatements,
)
from tracetopics_pipeline.core.facets.summarizers.local.sentiment_irony import ironic_praise
from tracetopics_pipeline.core.facets.summarizers.local.sentiment_leaving import (
    PLAN_END,
    leaving,
    meant,
)
from tracetopics_pipeline.core.facets.summarizers.local.sentiment_outcome import (
    REPEATED_FAILURE,
    agent_failed,
    outcome_evidence,
)
from tracetopics_pipeline.core.facets.summarizers.local.sentiment_praise import (
    mock_thanks,
    praises_named,
)
from tracetopics_pipeline.core.facets.summarizers.local.sentiment_quotes import own_words
from tracetopics_pipeline.core.facets.summarizers.local.sentiment_thanks import (
    emphatic_thanks,
    leaves_open,
    passed_on,
    without_hopes,
)
from tracetopics_pipeline.core.facets.summarizers.local.success import (
    GOOD_AGAIN,
    PROBLEM,
    asks,
    positive_closing,
    reports_success,
)
from tracetopics_pipeline.core.facets.summarizers.local.text import (
    THANKS,
    any_of,
    apostrophes,
    content_words,
    stated,
)

_rx = any_of  # short: the patterns below are long


# --- satisfaction ------------------------------------------------------------------------------

_PRAISE = _rx(
    r"you(?:'re| are|'ve been| have been| were)(?: always| so| very| really| truly| extremely)*"
    r" (?:a |the )?(?:great|amazing|awesome|helpful|wonderful|fantastic|brilliant|excellent|"
    r"lifesaver|life saver|star|legend|best|superb|a great help)",
    r"(?:very|really|super|so|extremely|incredibly|truly|most|always been) helpful",
    r"(?:great|good|nice|excellent|amazing|awesome|fantastic|brilliant|stellar|outstanding|superb)"
    r" (?:job|work|service|support|help|product|tool|app|team)",
    r"(?<!would )(?<!'d )(?<!to )love (?!to\b|it if\b|(?:it|that) when\b)(?:\w+ ){0,2}?(?:so far|"
    r"the|your|this|it|how|that|what|using|working|(?-i:[A-Z])\w+)",
    r"big fan|huge fan|life ?saver|(?:made|saved|make|save) my (?:day|week|life)|above and beyond|"
    r"(?:saved|save|spared) me (?:a lot of |so much |loads of |hours of |a )?(?:time|hours|trouble|"
    r"hassle|headache|trip)|"
    r"highly recommend|"
    r"best (?:support|service|tool|app|product|experience)",
    r"(?:i'm|i am|we're|we are|really|so|very) (?:impressed|delighted|thrilled|grateful)",
    r"(?:really|truly|so|greatly) appreciate|appreciate (?:how|you|your|all|the)|much appreciated|"
    r"can't thank you enough|you rock|you(?:'re| are) the best",
    # genuine praise in more words (eighteenth pass): help called big, the answer called right or
    # clear, the credit given to the agent ("you've been a huge help", "spot on", "you explained it
    # better than the docs", "couldn't have done it without you", "massively helpful")
    r"(?:a |such a )?(?:huge|massive|big|tremendous|enormous|immense|fantastic|brilliant|"
    r"amazing) help\b|spot on|bang on|(?:you )?nailed it|hit the nail|"
    r"(?:couldn't|could not|can't|cannot|wouldn't|would not) have (?:\w+ ){0,3}?without (?:you|"
    r"your help)|"
    r"(?:massively|hugely|immensely|genuinely|incredibly|extremely|super|really|very|so) useful|"
    r"(?:massively|hugely|immensely|genuinely) helpful|"
    r"(?:super|crystal|so|very|really|incredibly|perfectly|wonderfully|beautifully) clear|"
    r"explained (?:it|this|that|things|everything) (?:so |really |very |much )?(?:well|clearly|"
    r"better|perfectly|beautifully)|"
    r"(?:super|impressively|lightning|incredibly|amazingly|wonderfully)[ -]?(?:quick|fast)|"
    r"you(?:'re| are) (?:a |an |such a |an absolute |a total )?(?:gem|genius|wizard|hero|angel|"
    r"champ|rock ?star|godsend)|godsend|game ?changer|"
    r"(?:great|excellent|fantastic|brilliant|superb|perfect|amazing|clear|helpful|thorough|"
    r"awesome|wonderful|outstanding) (?:answer|explanation|reply|response|advice|tip|"
    r"instructions|walkthrough|guide|suggestion)s?\b|"
    r"(?:made|makes|make) (?:this|it|things|everything|my life|life) (?:so |much |a lot |way )*"
    r"(?:easy|easier|simple|simpler|painless)",
    # an intensified verdict on the answer, the agent or the product: "this is absolutely
    # brilliant!", "you were just amazing" (a bare "that's great" stays politeness)
    r"(?:you|this|that|it)(?:'re|'s| are| is| was| were) (?:(?:absolutely|truly|really|just|"
    r"simply|so|incredibly|genuinely|honestly) )+(?:amazing|brilliant|fantastic|awesome|wonderful|"
    r"excellent|superb|incredible|perfect|great|outstanding|phenomenal)",
    # (a bare "that's awesome" / "that's wonderful" answers an offer, politely)
    r"(?:you|this|that|it)(?:'re|'s| are| is| was| were) (?:amazing|brilliant|fantastic|superb|"
    r"incredible|outstanding|phenomenal)\b",
    # the agent called a star in any register (nineteenth pass): "you're an absolute star", "ur a
    # legend", "u r a lifesaver"
    r"(?:you(?:'re| are| r)|youre|ur|u r|u are) (?:an? |such an? |the )?(?:absolute |total |real |"
    r"proper |actual |complete |true |utter )?(?:star|superstar|legend|life ?saver|hero|gem|angel|"
    r"champ|rock ?star|godsend|genius|wizard|diamond|treasure)\b",
    # praise of the team, the best-ever verdict, thanks with kindness or relief: "you guys are
    # fantastic", "best delivery app ever", "loved it", "you are very kind", "I am most grateful",
    # "a huge weight off my mind", "you saved my evening"
    r"(?:you guys|you lot|you all|y'all|you folks|your (?:team|staff|people)) (?:are|were|have "
    r"been) (?:(?:so|really|just|absolutely|truly) )*(?:amazing|brilliant|fantastic|awesome|"
    r"wonderful|excellent|superb|incredible|great|the best|stars|legends)",
    r"best (?:[\w-]+ ){0,2}ever\b|(?<!would've )(?<!would have )(?<!i'd have )loved (?:it|every "
    r"(?:minute|bit|second))\b",
    r"(?:you(?:'re| are| have been| were)|that(?:'s| is| was)) (?:so |very |really |most |"
    r"incredibly |extremely )?kind\b",
    r"(?:i'm|i am|we're|we are) (?:most|so|very|really|truly|extremely|eternally|ever so) "
    r"(?:grateful|thankful|obliged)|"
    r"weight off (?:my|our) (?:mind|shoulders)|(?:such|what) a relief|huge relief|"
    r"(?:saved|made) my (?:evening|morning|night|weekend|bacon|skin|sanity)",
)
CLOSED_SOLVED = "confirmed the problem was solved"
PRAISED_ONE_THING = "praised one thing"
CLOSED_PLEASED = "closed the conversation pleased with the answer"
THANKED_EMPHATICALLY = "thanked the agent emphatically for what it did"
# Thanks, however warm, is how polite people close a conversation.
_WARM_THANKS = _rx(
    r"thanks a (?:million|ton|bunch|lot)|thank you so much|thanks so much|many thanks|"
    r"thank you very much|thanks very much|thanks (?:for|so much for) (?:all )?(?:your|the) help|"
    r"appreciate (?:it|that|this)\b(?! (?:so|very|a lot|greatly))"
)
_RESOLVED = _rx(
    r"(?:that|it|this|which)(?: now| finally| totally| really)? (?:worked|works now|did it|did the trick|"
    r"fixed it|solved it|sorted it|helped|helps|is what i needed|"
    # the present: "that solves it", "this fixes everything", "that does the trick"
    r"(?:solves|fixes|sorts|resolves) (?:it|that|this|everything|the (?:problem|issue))|"
    r"does the trick|"
    r"answer(?:s|ed) (?:my question|all my questions|everything|it all))",
    r"(?:works?|loads?|syncs?|runs?|shows? up|opens?|prints?|exports?) (?:now|again|perfectly|great|"
    r"fine now|like a charm)|working (?:now|again)|"
    r"(?:that|it|this|which|you)(?: finally| now)? (?:fixed|solved|sorted|resolved) (?:it|that|this|the|my|"
    r"our)\b",
    r"(?:problem|issue|it)(?:'s| is| was| has been)? (?:solved|fixed|resolved|sorted)",
    # "that's sorted it", "that has done the trick": 's for has
    r"(?:that|it|this|which)(?:'s| has)(?: now| finally| really)? (?:sorted|fixed|solved|cracked|"
    r"done) (?:it|that|things|the trick|the problem|the issue)\b",
    r"(?:all|i'm all|we're all) (?:set|sorted|good now)|got it working|that's exactly|"
    r"exactly what i (?:needed|wanted|was looking for)|just what i needed|you(?:'ve| have) been a great help",
)
# The user's need met and said so, warmly: "Perfect, that's all I needed".
_ACK = _rx(
    r"(?:that's|that is|that was|that will be|that'll be|it's) (?:all|everything|it|just what)|"
    r"all i need(?:ed)?|(?:that|it) (?:works|will work|should work|sounds? (?:good|great|perfect))|"
    r"(?:that|this) (?:helps|helped)|got it|you(?:'ve| have) answered|"
    r"(?:that|this|it)(?:'s| is| was) (?:really |very |super |so |perfectly |crystal )?clear"
)
# Stock adjectives and thanks: politeness unless something else backs them up.
_MILD_POS = _rx(
    r"great|good|nice|glad|happy|excellent|helpful|cool|sweet|lovely|pleased|perfect|wonderful|"
    r"awesome|fantastic|amazing|brilliant|superb"
)
_STRONG_ADJ = _rx(
    r"great|perfect|wonderful|excellent|awesome|fantastic|amazing|brilliant|superb|terrific|"
    r"lovely|helpful|appreciate\w*"
)

# --- frustration -------------------------------------------------------------------------------

_NEG_AFFECT = _rx(  # the user says how they feel
    r"frustrat\w*|annoy(?:ed|ing)|fed up|sick (?:and tired )?of|tired of|ridiculous|"
    r"unacceptable|useless|terrible|awful|horrible|pathetic|furious|angry|upset|livid|"
    r"disappoint\w*|dissatisfied|unhappy|not (?:happy|satisfied|impressed|pleased)|"
    r"waste of (?:my |our )?(?:time|money)|wast(?:ed|ing) (?:my|our|an|a|the|so much|hours)|"
    r"worst|hate (?:this|it|that|how|your|when)|sucks|rubbish|garbage|incompetent|hopeless|"
    r"nightmare|(?:is|this is) a joke|(?:this|what a|such a) mess|are you (?:kidding|serious)|wtf|ffs|"
    r"(?:getting|going) nowhere|(?:had|have) enough|fuming|unbelievable|absurd|outrageous|infuriating|"
    r"waste of (?:space|effort|breath)"
)
_NEG_MILD = _rx(  # problem words: a report, not yet an attitude
    r"confus(?:ed|ing)|makes no sense|doesn't make sense|ugh+|damn|seriously\?|"
    r"(?:too bad|what a shame|that's a shame)|not (?:good|great|ok|okay|acceptable)"
)
# A double charge the company made, said to it: "you charged me twice", "your app took the fee
# twice", "the bakery took my payment twice", "double-charged my card" (not the user's own
# duplicate: "I sent it twice, please cancel one", `_OWN_DUPLICATE`).
_CHARGED_TWICE = _rx(
    r"(?:you|you guys|y'all|they|(?:the|your) (?:[\w-]+ ){0,2}?[\w-]+)(?:'ve| have| has| just)? "
    r"(?:(?:charged|billed|debited) (?:\w+ ){0,4}?|(?:took|taken|deducted|withdrew|collected) "
    r"(?:(?:my|our|the) (?:\w+ )?(?:money|payment|fee|amount|deposit|charge|card)s? )(?:\w+ ){0,3}?)"
    r"(?:twice|two times|double)|"
    r"(?:double|twice)[- ]?(?:charg|bill)(?:ed|ing) (?:me|us|my|our)\b|"
    r"(?:again )?a (?:double|duplicate) (?:charge|payment|debit) (?:on|from|for) (?:my|our|the)\b",
)
# A yes/no question checks, it does not complain: "Have you charged me twice?"
_CHECKS = re.compile(
    r"^\W*(?:did|have|has|had|was|were|is|are|could|can|would|will)\b[^.!?]*\?", re.I
)


def charged_twice(turn: str) -> bool:
    """The user says the company charged them twice, not as a yes/no question or negated."""
    return any(
        not _CHECKS.match(turn[max(turn.rfind(c, 0, m.start()) for c in ".!?\n") + 1 :])
        and not _NEGATED.search(turn[max(0, m.start() - 20) : m.start()])
        for m in _CHARGED_TWICE.finditer(turn)
    )


_DID_NOT_HELP = _rx(  # the answer did not solve it, or the problem persists
    r"(?:didn't|did not|doesn't|does not|won't|wasn't|was not|isn't|is not) (?:really |actually |even |"
    r"quite )?(?:help|helping|helpful|solve|fix|resolve|address|answer|change anything|do anything|"
    r"make (?:a|any) difference)",
    # the problem persists after what the agent's side did: "after ur sweep the stove STILL smokes"
    r"(?:after|since|despite|even after|even with) (?:your|ur|you|the) (?:\w+ ){0,3}?\w+[,;]? "
    r"(?:\w+ ){0,4}?still (?!(?:\w+ )?(?:works?|working|fine|good|great|ok|okay|perfect\w*|lovely|"
    r"amazing|beautiful|brilliant|well|smooth\w*|strong|holds?|holding|love|like|enjoy|happy|"
    r"amazed|can't believe|cannot believe)\b)\w+",
    # the perfect: "the fix you proposed has not resolved the issue", "haven't helped one bit"
    r"(?:hasn't|has not|haven't|have not) (?:really |actually |even |yet )?(?:been )?(?:helped|"
    r"solved|fixed|resolved|sorted|cured|addressed|changed anything|made (?:a|any) difference)",
    r"(?:not|no|wasn't|isn't) (?:helpful|any help|much help|of any help)|"
    # "your remedy has proved entirely ineffective", "to no avail"
    r"(?:proved|proven|been|was|is|were|are) (?:\w+ )?(?:ineffective|futile|fruitless|in vain)|"
    r"to no avail|all in vain|"
    r"no help(?: at all| whatsoever)?\b(?! (?:needed|required|necessary))|"
    r"(?:made|makes|make|making) (?:no|zero|absolutely no|not (?:a|any|much|one)(?: bit of)?) "
    r"difference|(?:same|no|zero) (?:result|difference|change|luck|improvement|effect)\b|"
    # "still can't believe how calm they are" is amazement, not a problem that persists
    r"still (?:not|(?!(?:can't|cannot|couldn't) (?:believe|get over|stop (?:smiling|laughing)))"
    r"\w+n't|cannot(?! believe| get over)|no|nothing|the same|there|here|"
    r"present|happening|occurring|"
    r"(?:\w+ )?(?:fail\w*|crash\w*|broken|stuck|wrong|empty|error\w*|happening|getting|having|"
    r"waiting|showing (?:the|an|zero|nothing|no)))",
    r"(?:same|another) (?:error|problem|issue) (?:again|as before)|nothing (?:works|worked|changed)|"
    r"(?:tried|did|followed) (?:that|this|it|all (?:of )?that|everything|exactly that|what you said|"
    r"your (?:steps|instructions|advice|suggestion))(?: already| to the letter)?(?:,| and| but)? "
    r"(?:it |that |still )?(?:didn't|doesn't|did not|does not|won't|no|still|same)",
    r"(?:that's|that is|this is|it's) not what i (?:asked|wanted|meant|need|said)",
    # the answer called empty: "that's a non-answer", "nothing you've said explains the charge"
    r"non-?answer|nothing (?:you(?:'ve| have)? )?(?:said|wrote|written|sent|told me|suggested) "
    r"(?:so far )?(?:explains|answers|addresses|covers|solves)",
    # outcome words: the attempt changed nothing or made it worse
    r"(?:that|this|it|which|(?:the|that|this|your) (?:\w+ )?(?:fix|suggestion|solution|advice|"
    r"workaround|steps?|instructions?|answer|update|restart|reset)) "
    r"(?:changed|did|does|fixed|solved|achieved) (?:nothing|absolutely nothing|zero)|"
    r"(?:made|makes|has made) (?:it|things|everything|the problem) (?:even )?worse|"
    r"(?:didn't|did not|doesn't|does not) (?:get|take) (?:me|us) anywhere|"
    # no use: "didn't do the trick", "wasn't any use", "nothing you've suggested has worked"
    r"(?:didn't|did not|doesn't|does not|won't) do the trick|"
    r"(?:wasn't|was not|isn't|is not|weren't|aren't) (?:\w+ )?(?:any|of (?:any|much)) use|"
    r"nothing (?:(?:you(?:'ve| have)?|i(?:'ve| have)?) (?:\w+ )?(?:suggested|said|sent|tried|proposed|"
    r"recommended|done)|of (?:this|that|it|these|those)) (?:so far )?(?:has |have )?"
    r"(?:worked|helped|changed|fixed)|"
    r"(?:fix|suggestion|solution|workaround|steps?|instructions?|advice|that|it) "
    r"(?:failed|broke|crashed) (?:too|as well|again)",
    # not working for me: a verdict on the answer, not the opening problem report
    r"(?:are|is|aren't|isn't) not working for (?:me|us)|(?:aren't|isn't|don't|doesn't) work for (?:me|us)",
    # the same bad state after trying: "same blank page", "still dead", "still gets declined"
    r"(?:same|identical) (?:\w+ )?(?:page|screen|message|error|result|problem|issue|response|"
    r"outcome|behaviou?r|thing)(?! as (?:the|my|your) (?:other|first))",
    # "the exact same 401": only beside a problem (the bare phrase read "the exact same result I
    # wanted" as a failure)
    r"(?:the )?(?:exact|very) same (?:\d{3}|error|fault|crash|failure|bug)\b",
    r"still (?:\w+ )?(?:dead|down|declin\w*|reject\w*|frozen|blank|missing|off|offline|slow|"
    r"wrong|charg\w*|show\w*|say\w*|giv\w*|get\w* (?:the|an|a|declined|rejected|stuck))",
    # nothing moved: "got me nowhere", "no better", "exactly like before", "the exact same 401"
    r"got (?:me|us) nowhere|(?:it's|it is|that's|that is|things are|still|is|was) no better|"
    r"(?:exactly|just) (?:like|as) (?:before|it was)|same as (?:before|earlier)|"
    r"(?:just |exactly )?as (?:\w+ ){1,2}as (?:before|ever|it was|yesterday)|"
    r"exactly the same (?:\w+ )?(?:error|problem|issue|result|message|screen|page|thing|way)",
    # an attempt as the subject: "updating the app didn't sort it out", "your fix hasn't changed
    # anything", "that solution didn't work for me"
    r"(?:that|this|it|those|these|your|the|\w+ing)(?: \w+){0,2}? (?:really |just |still |even )?"
    r"(?:didn't|did not|doesn't|does not|hasn't|has not|haven't|have not|won't) (?:\w+ )?"
    r"(?:sort (?:it|this|that|things|anything) out|chang(?:e|ed) (?:anything|a thing)|"
    r"work for (?:me|us)|do (?:anything|a thing)|make (?:any|a) difference)",
)
# A "same" that is what the user wanted is no failure: "the exact same result I wanted".
_WANTED_SAME = re.compile(
    r"\bsame (?:\w+ ){0,3}?(?:(?:that|which|as) )?(?:i|we) (?:wanted|needed|hoped|expected|asked|"
    r"ordered|had|was (?:after|looking|hoping))\b",
    re.I,
)
# "It isn't working" opens most support chats; said after the agent's answer, it means the
# answer did not work. Only counted from the user's second turn on.
_STILL_BROKEN = _rx(
    r"(?:that|this|it|which|your (?:\w+ )?(?:fix|suggestion|solution|advice|workaround|steps?))"
    r"(?: really| just| still| even)? (?:didn't|did not|doesn't|does not|won't|isn't|is not|wasn't|"
    r"was not) (?:work|working)",
    # nothing moved after the attempt: "the total hasn't moved", "still hasn't arrived"
    r"(?:hasn't|has not|haven't|have not|hadn't) (?:\w+ )?(?:moved|changed|budged|improved|shifted|"
    r"updated|arrived|come through|gone (?:away|through|down)|cleared|stopped|(?:got|gotten) better)",
)
# The problem back after the fix: "thanks, but it happened again", "it's happening again with
# this week's episode", "it just did it again", "(hopefully it won't happen again...) it just did".
_RECURRED = _rx(
    r"(?:it|that|this|the same(?: thing)?|same thing)(?:'s| is| has| just)? (?:just )?"
    r"(?:happen(?:ed|ing|s)|did (?:it|that|the same)|doing (?:it|that|the same)) again|"
    r"(?:it|that) just did(?=\s*(?:[.!?…]|$))",
)
# "as I asked" said again, a repeat unless the turn says it was done (`_asked_and_done`)
_AS_ASKED = (
    r"(?<!exactly )(?<!just )(?<!precisely )(?<!done )(?:like|as) i (?:already |originally )?"
    r"(?:asked|requested)(?= *(?:[.,;!]|$| (?:before|earlier|already|yesterday|twice|in my)))"
)
_AS_ASKED_RX = _rx(_AS_ASKED)
# ... and not when said undone ("Thanks, but it still isn't set up as I asked")
_UNDONE_AS_ASKED = _rx(r"(?:not|never|still|yet|\w+n't)\b[^.!?]{0,40}?" + _AS_ASKED)
# Done as asked: "the invoice was sent as I requested", "it is set up like I asked"
_DONE_AS_ASKED = _rx(
    r"(?:was|were|is|are|'s|been|got|came|arrived|went)(?! not\b| never\b)(?: [\w-]+){1,2}? "
    + _AS_ASKED
)
_REPEAT = _rx(  # having to say it again
    # "I'll say it again:", "Same question as yesterday", "Bringing this up again since nobody has
    # answered"
    r"(?:i'll|i will|let me|i'm going to|i have to) (?:say|ask|put|write) (?:it|this|that|my "
    r"question)(?: \w+)? (?:again|once more|one more time)|"
    r"same (?:question|request|query|thing i asked) as (?:yesterday|before|earlier|last \w+|the "
    r"other day|this morning|i asked)|"
    r"(?:bring|bringing|rais(?:e|ing)|flag(?:ging)?|bump(?:ing)?|chas(?:e|ing)) (?:this|it|that|my "
    r"(?:\w+ )?(?:question|request|query|issue|point)) (?:up )?again|"
    # by the user, not a third party ("my colleague already asked about ...")
    r"(?:(?:^|[,.;:!?(]\s*)|\b(?:i|we|i've|we've|i have|we have|have|i'd|i had)\s+)(?:already|just) "
    r"(?:told|said|asked|gave|given|explained|tried|did|answered|provided|"
    r"sent|mentioned|wrote|written|typed|entered|shared|listed|included|put in)|"
    r"as (?:stated|mentioned|said|explained|written|noted) (?:above|before|earlier|previously)|"
    r"(?:mentioned|said|told you|wrote|explained|stated) (?:this |that |it )?at the (?:start|"
    r"beginning)|for the (?:last|final|umpteenth|nth) time|repeat(?:ing)? myself|"
    r"(?:read|see|check) my (?:very )?(?:first|previous|last|earlier|original) (?:message|reply|"
    r"post|email|e-mail|note)|"
    r"(?:like|as) i (?:already )?(?:said|told you|mentioned|wrote|explained|stated)|"
    + _AS_ASKED
    + "|"
    r"i (?:literally|clearly) (?:just )?(?:said|told)",
    # not a question about a limit: "how many times can I reschedule?", "how many times a day"
    r"how many (?:more )?times(?! (?:can|could|may|might|should|is|are|per|a|an|each|every|does|"
    r"do you|will (?:it|the|you))\b)|how often (?:do|must|should|will|have) (?:i|we) (?:need to |have to |"
    r"got to )?(?:tell|say|ask|explain|repeat|write|type|give)|"
    r"(?:for the )?(?:second|third|fourth|fifth|3rd|4th|5th|umpteenth|hundredth) time|"
    r"(?:asking|askin'?|ask|telling|tellin'?|tell) (?:you )?(?:again|one more time|once more)|"
    # "I repeat:", not "if I repeat the treatment"
    r"(?<!if )(?<!when )\bi repeat\b(?!\s+(?:the|a|an|it|this|that|my|our|every|each|last)\b)|"
    r"(?:said|asked|told|explained|written|typed|mentioned|wrote|given|gave|sent)"
    r"(?: you| it| this| that| to you)*"
    r" (?:now )?(?:twice|over and over|again and again|"
    r"three times|\w+ times|multiple times|several times|before|already|earlier|above|"
    r"in my (?:first|last|previous|earlier) message)",
    r"(?:re-?read|read again|look at|scroll up to) (?:what i (?:wrote|said|sent)|my (?:previous|last|"
    r"first|earlier) (?:message|messages|reply))|^\W*(?:once again|yet again|again)\s*[,:]",
    r"(?:once more|one more time|yet again)[,:]|(?<!you )(?<!please )(?:say|ask|tell you|repeat|explain) (?:it |this |that )?"
    r"(?:one more time|once more|yet again)|keep (?:having to )?(?:repeat\w*|explain\w*|"
    r"say\w*|tell\w*|ask\w*)(?: (?:myself|the same|this|that|it|you))|"
    r"(?:i|we) keep (?:giving|typing|sending|providing|entering|writing|spelling|pasting|quoting) "
    r"(?:you )?(?:the same|it|this|that|my|our)|"
    # not a question about a procedure: "Do I have to repeat the inventory at the new flat?"
    r"(?<!do i )(?<!do we )(?<!will i )(?<!will we )(?<!would i )(?:have|had|having) to (?:repeat|"
    r"re-?explain|say (?:it|this|that) again)",
    r"(?:in|from) my (?:very )?(?:first|last|previous|earlier|original|opening) (?:message|post|"
    r"reply|request|question)|scroll (?:back )?up|(?:same|my) question as (?:before|earlier|"
    r"last time)|(?:you(?:'ve| have)? asked|i(?:'ve| have)? answered) (?:me )?(?:that|this|it) "
    r"(?:already|before|twice)|(?:already|just) answered (?:that|this|it)",
    # "I said Friday. Friday, not Monday": the same word said again, insisting
    r"i (?:said|asked for|wanted|need(?:ed)?) (\w{3,})\W+\1\b",
    # the user's own earlier ask, pointed at: "I asked you this yesterday already", "we asked
    # this twice now already" (not "I asked my manager already"); "see my earlier messages"
    r"\b(?:i|we)(?:'ve| have)? (?:asked|said|told|wrote|written|mentioned|explained)(?: you)? "
    r"(?:this|that|it)(?: \w+){0,3}? already\b|"
    r"\bsee my (?:\w+ ){0,2}?(?:message|email|e-mail|mail|note|reply|msg|request|question)s\b",
    # office speak: pointing back at one's own earlier message, re-sending it, or saying it went
    # unanswered ("as mentioned in my previous three messages", "please refer to my earlier
    # e-mail", "re-sending my original request", "repeating my question since it was not answered")
    r"(?:as|like) (?:i )?(?:already )?(?:mentioned|stated|said|noted|explained|indicated|requested|"
    r"asked|wrote|outlined|specified) (?:in|on) my (?:\w+ ){0,3}?(?:message|email|e-mail|mail|"
    r"request|note|reply|msg|chat|post|ticket|letter)s?\b|"
    r"per my (?:\w+ )?(?:message|email|e-mail|mail|note|reply|msg)s?\b|"
    r"(?:refer|see|go) (?:you )?(?:back )?to my (?:\w+ ){0,2}?(?:message|email|e-mail|mail|request|"
    r"reply|question|note|post|msg|letter)s?\b|"
    # "same as my last three messages", "yet again I'll ask", "the undersigned repeats his
    # request", "I've asked like 4 times now", "like I told your colleague yesterday", "still
    # asking"
    r"same as (?:in )?my (?:\w+ ){0,3}?(?:message|email|e-mail|mail|request|reply|question|note|"
    r"post|msg|letter)s?\b|(?:yet|once) again,? (?:i'll|i will|i'm|i am|let me) (?:ask|say|"
    r"request)|repeat(?:s|ed|ing)? (?:my|our|his|her|their) (?:\w+ )?(?:request|question|demand)|"
    r"(?:asked|said|told you|written|wrote|mentioned) (?:this |that |it )?(?:like|about|maybe|at "
    r"least|literally) (?:\d+|two|three|four|five|six|ten|a hundred|a million) times|"
    r"(?:like|as) i (?:already )?told your (?:\w+ )?(?:colleague|agent|team|staff|coworker|"
    r"co-worker|manager|rep)s?|\bstill asking\b|"
    r"(?:(?:repeat|re-?send|re-?post|re-?ask|re-?submit|re-?stat|re-?iterat)ing|(?:i(?:'m| am| will|"
    r"'ll)|let me|to) (?:repeat|re-?send|re-?post|re-?ask|re-?submit|re-?state|re-?iterate)) my "
    r"(?:\w+ ){0,2}?(?:question|request|message|email|e-mail|query|point|ask)s?\b|"
    r"^\W*again,? (?:i(?:'m| am)|i'll|i will|let me) (?:ask|asking|say|saying|tell|telling)\b|"
    r"(?:since|as|because|seeing as) (?:it|this|that|they|my (?:\w+ )?(?:question|request|"
    r"message|email)s?) (?:was|were|has|have|seems? to have|appears? to have)(?: not| never)? "
    r"(?:been )?(?:not answered|unanswered|missed|ignored|overlooked)|"
    r"(?:was|were|has|have) (?:not|never) (?:been )?answered|(?:went|remains?|still) unanswered",
    # the ask counted: "this is my 4th try", "Fourth email about the fine", "my third message"
    # (not "it worked on the second try")
    r"(?<!on the )(?<!at the )(?<!by the )(?<!in the )(?:second|third|fourth|fifth|sixth|2nd|3rd|"
    r"4th|5th|6th|umpteenth|nth) (?:try|attempt|message|e-?mail|mail|request|call|chat|reminder|"
    r"follow-?up|ticket)s?\b(?![^.!?]{0,30}\b(?:worked|works|did it|did the trick|succeeded|went "
    r"through)\b)|"
    r"(?:been|keep|kept) (?:asking|writing|e-?mailing|calling|chasing|messaging) (?:you )?(?:about "
    r"(?:\w+ ){1,4}?)?(?:since|for) (?:\w+ )?(?:days|weeks|months|ages|monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday|yesterday|last \w+)\b|"
    # a hope that a person acts this time: earlier asks went unanswered
    r"hop(?:e|efully|ing)(?: that)?,? (?:someone|somebody|anyone|anybody|a (?:real )?(?:person|"
    r"human)|you(?: guys)?|i (?:get|hear|receive)|i'll (?:get|hear)) (?:\w+ ){0,4}?(?:this time|at "
    r"last|finally)\b",
)
# Saying it again for emphasis, not because nobody listened: "I'll repeat myself: fantastic job".
_EMPHASIS = _rx(
    r"(?:i'll |let me |i must |i have to )?(?:repeat(?:ing)? myself|i repeat|say (?:it|this|that) "
    r"(?:again|once more|one more time))|once again|yet again|one more time|once more"
)
_RETRY = _rx(  # asking the agent to try again or starting over: mild, often routine
    r"(?:let me|i'll) (?:clarify|rephrase|repeat|say it again|try again)|"
    r"(?:re-?check|check again|look again|try again|start over|start from the beginning)",
)
_AT_AGENT = _rx(  # complaints about the agent itself
    r"you(?:'re| are)(?: not| clearly not)? (?:not listening|not understanding|not helping|"
    r"not reading|not getting it|useless|wrong again|no help|not helpful|making (?:this|it) worse|"
    r"going in circles|a bot|just a bot|a robot)",
    r"you(?:'re| are)?(?: \w+ly)? (?:not|aren't|are not) (?:even |really |actually )?(?:reading|"
    r"listening|understanding|getting|paying attention)",
    r"(?:going|talking|running|spinning) (?:around |round )?in circles|"
    r"you(?:'ve| have)? (?:sent|given|shown|told|pasted) me the same (?:\w+ )?(?:link|answer|article|"
    r"reply|message|thing|response|text)",
    r"(?:the|this|your) (?:\w+ )?(?:bot|chatbot|assistant|ai|agent)(?: here)? (?:is|seems) "
    r"(?:\w+ )?(?:clueless|useless|hopeless|pointless|dumb|stupid|worthless|incompetent|no help|"
    r"a waste)",
    r"you (?:\w+ly |even )?(?:don't|do not|didn't|did not|never|can't|cannot|haven't|have not|"
    r"hadn't) (?:even |actually |really )?(?:understand|listen|read|get it|help|answer|"
    r"seem to understand|look(?:ed)? at|check(?:ed)?|open(?:ed)?)\w*",
    r"(?:do|don't) you (?:even )?have no memory|you(?:'ve| have)? (?:got )?no memory|"
    r"(?:memory|attention span) of a goldfish|goldfish memory|"
    r"can you (?:even |actually |not |really )?read\b|do you (?:even |actually )?(?:read|understand)"
    r" (?:what|my|english|anything)|"
    r"(?:has|have|had) no (?:idea|clue) what (?:\w+ )?(?:is |are |was |'s |'re )?(?:talking about|"
    r"doing|saying)|(?:talking|speaking|chatting) to (?:you|this \w+) is (?:like|pointless|useless)|"
    r"like talking to a (?:brick )?(?:wall|robot|machine|parrot|rock)|"
    r"you (?:answered|replied to|responded to|addressed) (?:a |the )?(?:completely |totally |entirely )?"
    r"(?:different|wrong|other) (?:question|thing|issue|problem|request)",
    r"you keep (?:saying|asking|repeating|giving|sending|telling)|you(?:'re| are) repeating",
    r"(?:are|were|do) you (?:even |actually |really |ever )?(?:listening|reading|paying attention|"
    r"read|listen)|pay attention|"
    r"(?:stupid|dumb|useless|pointless) (?:bot|assistant|ai|chatbot|machine|system)|"
    r"this (?:bot|chatbot|assistant|ai) (?:is|can't|doesn't|does not|has no|knows nothing|never)|"
    r"you (?:misunderstood|misread|got it wrong|got that wrong)|(?:wrong|not the) answer again",
    r"your (?:answers?|repl(?:y|ies)|responses?|suggestions?|messages?|information) (?:make no sense|"
    r"(?:are|is|were|was) (?:all |completely |totally |just |so |really )?(?:generic|useless|wrong|"
    r"unhelpful|irrelevant|nonsense|copy-?pasted|canned|confusing|incorrect))",
    r"you (?:just |still )?keep (?:\w+ing)|you(?:'re| are)? (?:gave|give|giving|sent|sending|told|"
    r"telling|showed|showing) me (?:the )?(?:wrong|incorrect|"
    r"bad|false|outdated) \w+|"
    r"(?:ignor|disregard)\w* (?:what i (?:write|wrote|say|said|asked)|my (?:question|messages?|"
    r"request))|you(?:'ve| have)? (?:just |completely |totally |simply )?(?:ignored|disregarded) "
    r"(?:\w+ )?my (?:\w+ )?(?:instructions?|brief|spec|requirements?|words)|you have no idea|you(?:'re| are) (?:clueless|hopeless|no use)|"
    r"(?:the|this|your) (?:assistant|bot|chatbot|ai|agent|system) (?:is |keeps )?(?:going|goes|"
    r"running) (?:in|around in) circles|"
    r"(?:worst|most useless|least helpful) (?:answer|reply|response|support|help|service)",
    # canned replies refused: "kindly stop sending me links", "I asked a simple question"
    r"stop (?:sending|giving|pasting|telling|linking|pointing) me (?:\w+ ){0,2}?(?:links?|articles?|"
    r"faqs?|the same|generic|templates?|to (?:the|your))|i asked (?:you )?(?:a|one) (?:simple|"
    r"straightforward|basic|direct|clear|yes or no|yes/no) question",
)
# A booking detail, not a provider: "I'll book another day" is no way out.
_DETAIL_WORD = (
    r"(?:day|date|time|slot|week|weekend|month|room|seat|table|card|address|one|option|size|"
    r"colou?r|model|number|account|email|way|go|try|attempt|look)\b"
)
_GIVE_UP = _rx(
    r"forget (?:it|about it|the whole thing|all of it|all about it)|never ?mind(?:,| then| i'll| forget)|"
    # "I give up", "giving up on this"; not a thing given up, "if I give up carrots, ..."
    r"never ?mind[.!]+\s+i(?:'ll| will)|(?:i give|giving) up(?=\s*(?:$|[^\w\s]|(?:on|trying|now|"
    r"then|here|with|already|at this|lol|hope|completely|entirely|for (?:now|today)|and|but|i|"
    r"you|this|it's|honestly|seriously)\b))|"
    r"screw it|sod it|"
    r"(?:there's |there is )?no point (?:in )?(?:continu|talk|ask|trying|carry|go|wait)\w*|"
    # "Done waiting.", "has given up waiting and will ..."
    r"(?:^|[.!;,]\s*|(?:i'm|i am|we're|we are) )done (?:waiting|asking|chasing)\b|"
    r"(?:has|have|'ve|'s|had) given up (?:waiting|trying|on (?:you|this|it|that))\b|"
    r"(?:doesn't|does not) matter (?:anymore|any more)|^\W*(?:it )?doesn't matter[,.!]+\s*i(?:'ll| will)|"
    r"(?:i'll|i will|we'll) (?:just )?\w+ (?:\w+ ){0,4}?(?:somewhere else|elsewhere)\b|"
    r"(?:i'll|i will|i'd better|guess i'll) (?:just )?(?:figure it out|do it|sort it out|find it|"
    r"look it up|handle it|work it out|deal with it)(?: myself| on my own)",
    r"don't bother|not worth (?:it|the|my)|(?:i'm|i am|we're|we are) done(?: with)?|this is pointless|"
    r"(?:i'll|i will) (?:go|look) elsewhere|waste of effort|(?:ok|okay|fine),? whatever",
    # resigned: "whatever, I'll just pay", "fine, I'll go to the branch", "I'll call them instead"
    r"whatever[,.!]* (?:i'll|i will|i guess i'll|we'll) (?:just )?\w+|"
    r"(?:fine|ok(?:ay)?|alright)[,.!]* (?:i'll|i will|i guess i'll|we'll) just "
    r"(?:pay|call|go|drive|ask|wait|leave|live|deal|do it|use)\b",
    r"(?:i'll|i will|we'll) (?:just )?(?:drive|go|walk|head|pop) (?:down |over |back )?(?:to|into) "
    r"(?:the|a|your) (?:store|shop|branch|office|bank|desk|counter)|"
    r"(?:i'll|i will) (?:just )?(?:ask|call|phone|ring|email|visit|go to) (?:\w+ ){0,3}?"
    r"(?:instead|elsewhere)",
    r"(?:let's|lets|we can|i'll) (?:just )?(?:drop|leave|skip|forget) (?:it|this|that)[.!]*$|"
    # a dismissal, then the user's own plan: "don't worry about it, I'll hire an accountant"
    r"(?:don't worry about it|never ?mind|forget it|(?:just )?leave it|skip it|drop it|let it go|"
    r"no matter)[,.!;]*\s*(?:i'll|i will|we'll|i can|i guess|guess i'll)|"
    r"(?<!don't )(?<!not )forget (?:about )?(?:the|my|this|that|our) (?:\w+ ){0,2}?\w+[,;!]|"
    # no more effort: "I'm not wasting more time on this", "not bothering anymore"
    r"(?:not|won't|will not|not going to|am not|i'm not) (?:be )?(?:wast|spend|bother)\w* "
    r"(?:any |my |more |any more |another )?(?:\w+ )?(?:time|minute|hour|effort|energy|anymore|"
    r"any more|with (?:this|it|you))|not bothering|(?:won't|not going to) bother|"
    # resigned self-help: "fine, I'll just cook something myself", "I'll deal with the landlord
    # directly"
    r"(?:fine|ok(?:ay)?|alright|right|whatever)[,.!]* (?:i'll|i will|we'll|i guess i'll) (?:just )?"
    r"\w+ (?:\w+ ){0,4}?(?:myself|ourselves|on my own|instead|elsewhere)\b|"
    r"(?:i'll|i will|we'll) just (?:\w+ ){1,5}?(?:myself|ourselves|on my own)\b|"
    r"(?:i'll|i will|i guess i'll|i can) (?:just )?live with (?:it|that)|skip it|"
    r"(?:isn't|is not|not) going anywhere|(?:i'm|i am|we're|we are) done (?:trying|with this|here)",
    # a thing dismissed, then the user's own plan: "Never mind the reprint, I'll have them done at a
    # local print shop"; doing without: "we'll just have the party without a castle then"; time
    # written off: "I've wasted enough of my afternoon on this"; no further pursuit: "OK you win,
    # I'm not going to chase this any further"
    r"never ?mind (?:the|my|this|that|about) (?:\w+ ){0,3}?\w+[,;.!]+\s*(?:i'll|i will|we'll|"
    r"we will|i guess|guess i'll) (?:\w+ ){0,6}?(?:myself|ourselves|elsewhere|somewhere else|"
    r"(?:at|from|with|to) (?:a|an|another|some|my|our) (?:local|different|other|\w+ (?:shop|store|"
    r"firm|company))|another|a different)\b|"
    r"(?:i'll|i will|we'll|we will) just (?:\w+ ){0,5}?without (?:it|them|one|a|an|the|any)\b"
    r"[^?.!]*\bthen\b|"
    # doing without, resigned: "meh, I'll live without the camera then", "whatever, we'll cope
    # without it" (not declining an offer: "I can do without the boots, thanks", nor calm: "That
    # is fine, I can manage without the receipt"; "fine" and "guess" resign only with "then")
    r"(?:i'll|i will|we'll|we will|guess i'll|guess we'll)(?: just)?(?: have to)? (?:live|cope|"
    r"make do|survive) without\b[^?.!]*\bthen\b|(?:meh|whatever|oh well|ugh)\W+"
    r"(?:\w+\W+){0,3}?(?:live|cope|make do|survive|manage) without\b|(?:fine|guess)\W+"
    r"(?:\w+\W+){0,3}?(?:live|cope|make do|survive|manage) without\b[^?.!]*\bthen\b|"
    # patience spent: "I'm out of patience", "I've run out of patience with this place"
    r"(?:run|ran|running|i'm|i am|we're|we are|now) out of patience|lost (?:my|all|our) patience|"
    r"(?:my|our) patience (?:has |is )?(?:run out|gone|worn thin|exhausted)|"
    r"(?:i've|i have|we've|we have) wasted (?:enough|too much|half|most|all|the whole|an? \w+)|"
    r"(?:not|never) (?:going to|gonna|about to) (?:chase|pursue|push|fight|follow) (?:up )?"
    r"(?:this|it|that|you)(?: \w+)? (?:any further|further|anymore|any more|any longer)|"
    r"^\W*(?:ok(?:ay)?|fine|alright|right)\W+you win\b",
    # another provider as the user's own way out: "nvm, we'll find another venue", "better I just
    # go to other dentist", "fine, I'll call a different plumber"
    # (the user's own plan, not a question: "Okay, should we try a different restaurant?")
    r"(?:nvm|never ?mind|forget it|fine|ok(?:ay)?|whatever)\W+(?:(?:i think )?better\W+)?"
    r"(?:i'll|i will|we'll|we will|i|we) (?:just )?(?:find|try|use|call|ring|get|book|hire|go to|"
    r"look for|ask) (?:a |an |some )?(?:another|different|other|new) (?!" + _DETAIL_WORD + r")\w+"
    r"(?=[^?.!]*(?:[.!]|$))",
    r"(?:i(?:'ll| will)|we(?:'ll| will)) (?:just )?(?:find|call|ring|hire|book|use) (?:a |an )?"
    r"(?:another|different) (?!" + _DETAIL_WORD + r")\w+(?=[^?.!]*(?:[.!]|$))",
    # stopping, or no time left: "I stop trying", "we'll stop trying and ...", "is enough, I ...",
    # "I don't have time for this anymore" (not "if I stop trying", "no time for a call today");
    # no more effort, in other words: "can't be bothered", "disregard my request", "I'm out"
    r"(?<!if )(?<!when )(?<!once )\b(?:i|we)(?:'ll| will|'m going to| am going to)? (?:stop|quit) "
    r"(?:trying|bothering)\b|^\W*(?:is|it's|it is|that's|that is) enough\W*(?:[,.!;]|$)|"
    r"(?:don't|do not|haven't|have not|no longer) (?:have |got |have got )?(?:the )?(?:time|"
    r"patience|energy|nerves?) for (?:this|it|that|all this)\b|no more (?:time|patience) for "
    r"(?:this|it|that)\b|can(?:'t|not|nae) be bothered|"
    r"(?:please )?disregard (?:my|this|that|the) (?:request|question|message|enquiry|inquiry)|"
    r"(?:i'm|i am|we're|we are) out(?=[.!]|$)|nvm\b",
)
_ACCOUNT = (
    r"(?:whole |entire )?(?:subscription|account|membership|contract|service|plan|license|licence|"
    r"seats?|workspace|renewal)"
)
# Ending the account: a churn action, stated calmly as often as not ("please close my account").
_ACCOUNT_END = _rx(
    r"(?:cancel|clos|delet|terminat|end|shut(?:ting)? down)(?:e|ed|ing|led|ling|s)? (?:my|our|the|this) "
    + _ACCOUNT
)
# Ending what they pay for ("I'd like to end my membership", "cancel the plan") is churn, said
# calmly or not; closing or deleting an account is as often a data request ("delete my account
# and all my data"), so it only tilts.
_PLAN_END = _rx(
    r"(?:cancel|end|terminat|stop|discontinu)(?:e|ed|ing|led|ling|s)? (?:my|our|the|this) (?:\w+ )?"
    r"(?:subscription|membership|contract|plan|policy|renewal|pass|licen[cs]e)"
)
# Threatening or weighing it: frustration.
_CHURN_THREAT = _rx(
    r"(?:thinking|think|considering|consider|going|decided|plan(?:ning)?|want|ready|about) (?:of |about |to )"
    r"(?:cancel\w*|clos\w*|quit\w*|churn\w*|terminat\w*)(?=[.,!?]|$| (?:and|if|unless|because|now|"
    r"today|soon|it|us|over|after all|altogether))",
    r"(?:going|decided|deciding|plan(?:ning)?|ready|about|thinking (?:of|about)|considering|seriously) "
    r"(?:to )?(?:cancel|clos|terminat|end|delet|drop)\w* (?:my|our|the|this|your) (?:\w+ )?"
    + _ACCOUNT,
    # a condition or a countdown: "if this happens again I'm ending my membership", "one more
    # outage away from cancelling", "I won't be staying"
    r"(?:if|unless|one more|next time)\b[^.!?]{0,60}\b(?:i'm|i am|we're|we are|i'll|we'll|i will|"
    r"we will) (?:\w+ )?(?:cancel|clos|end|terminat|leav|switch|drop|quit|ditch|break|mov)\w*|"
    r"away from (?:cancel|leav|quit|switch|clos|drop|churn)\w*|"
    r"(?:won't|will not|not) be (?:staying|renewing|continuing|coming back|sticking around)|"
    r"considering (?:cancel|quit|leav|clos|terminat)\w*|"
    # withdrawing what the user keeps with the business: "considering pulling both kids out of
    # the music school", "we'll take our money out of this fund", "about to pull out"
    r"(?:considering|thinking (?:of|about)|going to|about to|ready to|plan(?:ning)? to|"
    r"decided to) (?:\w+ )?(?:pull\w*|tak\w*|withdraw\w*) (?:my|our|both|all) (?:\w+ )?"
    r"(?:kids|children|sons?|daughters?|money|funds|savings|business|team|players|members|staff|"
    r"pets?|animals?|horses?|dogs?|cats?) out of (?:the|this|your)\b|"
    r"(?:considering|thinking (?:of|about)|going to|about to|ready to|plan(?:ning)? to|decided to|"
    r"will|'ll) (?:\w+ )?pull\w* out(?: of (?:the|this|your)\b|(?=[.,!?]|$))",
    r"switch\w* (?:providers|vendors|tools|to (?:a |an )?(?:competitor|another|different|other) "
    r"(?:provider|vendor|tool|service|product|company|platform))",
    r"(?:leav\w*|quit\w*|ditch\w*|drop\w*) (?:you|your (?:service|product|platform|company|app|tool)|"
    r"this (?:service|product|platform|company|app|tool))",
    r"(?:not|won't|will not) (?:be )?renew\w*|(?:take|taking) (?:my|our) business elsewhere|"
    r"switch(?:ing)? to (?:a |an )?competitor|"
    # "never booking with you again", "the last order I'll ever place with you"
    r"never (?:\w+ ){0,2}?(?:with|from|at|through) (?:you|your \w+|this \w+) again|"
    r"(?:the )?last (?:\w+ )?(?:i|we)(?:'ll| will| am| are)? (?:ever|going to) \w+ (?:with|from|at) you|"
    # the user's own move, not a friend's ("my sister went with a competitor, do you ...")
    r"(?:\b(?:i|we)(?:['’]\w+)?|^\W*)(?:\s*\b(?:just|already|have|had|now|finally|all|both)\b)*\s*"
    r"(?:signed up|gone|went|moved|switched|joined) (?:with|to) (?:a |your |one of your )?"
    r"(?:competitors?|rivals?)|(?:i|we) want out\b|"
    r"(?:break\w*|end\w*) (?:the|my|our) (?:lease|contract|agreement)|"
    r"(?:mov|switch|tak|transferr?|bring)\w* (?:my|our|the) (?:\w+ ){1,2}?(?:to|over to) (?:a |an )?"
    r"(?:another|different|competing|other|new) (?:bank|provider|insurer|carrier|vendor|supplier|"
    r"company|service|platform|app|firm|shop|store|operator)|"
    r"(?:i'll|i will|we'll|we will|i'm going to|we're going to) (?:just )?(?:use|go with|switch to|"
    r"move to|sign up with|order from|buy from|shop at|join) (?:a |an )?(?:different|another|"
    r"competing|other) (?:\w+ )?(?:app|service|provider|company|bank|carrier|platform|shop|store|"
    r"firm|airline|supplier|vendor|brand|operator|agency)|"
    r"(?:look|looking|shop|shopping) (?:elsewhere|around for (?:another|a different|a new))|"
    r"(?:question|questioning|wonder|wondering) (?:whether|if) (?:this|it|you) (?:is|are) worth",
    r"(?:we're|we are|i'm|i am|we'll|we will|i'll|i will) (?:be )?(?:cancel\w*|unsubscrib\w*|"
    r"gone|out of here|walking away)(?=[.,!?]|$| (?:if|unless|after|over|because))",
    r"(?:switch\w*|mov\w*|go\w*|chang\w*) (?:to )?(?:a |an )?(?:another|different|new|other|"
    r"competing) (?:bank|provider|insurer|carrier|vendor|supplier|company|service|platform|tool|"
    r"product)|switch\w* (?:banks|insurers|carriers|suppliers|companies|platforms)|"
    r"(?:look|looking|search\w*|shop\w*) (?:for|around for) (?:a |an )?(?:different|another|new|"
    r"better|other) (?:bank|provider|insurer|carrier|vendor|supplier|company|service|platform|tool)",
    r"(?:about|going|ready|plan\w*) to unsubscribe|why (?:should|would) (?:i|we) (?:keep|continue|"
    r"still) (?:paying|using|subscrib\w*)|(?:evaluat\w*|look\w* at|consider\w*|explor\w*|"
    r"trial\w*) (?:other |some )?(?:alternatives|competitors|other (?:vendors|providers|tools|options))|"
    r"(?:take|taking|move|moving) (?:my|our) (?:business|money|account) (?:somewhere|elsewhere)|"
    r"(?:dropping|drop|ditching|ditch) (?:the|my|our) (?:\w+ )?(?:plan|subscription|membership|"
    r"service|contract|policy)",
)
# Sarcasm: a positive word right next to the evidence that things went badly.
_SARCASM = _rx(
    r"thanks for nothing|yeah,? right|thanks a lot(?:,| for) (?:nothing|that|wasting)|"
    r"(?:wow|oh),? (?:so|very|really|how|that's|that was)? ?(?:helpful|useful|great)\b"
    r"(?![.!,]*\s*(?:thank|thanks|i|it|that)\b)[.!]*",  # "Oh that's great. That's all" is glad
    r"(?:very|so|real|really|super) (?:helpful|useful)[.,!]*\s*not\b|"
    r"^\W*(?:oh )?(?:sure|yeah|right),? because\b[^.!?]*\b(?:right\?|everything|always|totally|"
    r"obviously)|"
    # a sweeping "because everybody ...": "Oh sure, because everyone reads the small print" (not
    # a reason given with a request: "Sure, because everyone drives, please add all five")
    r"^\W*(?:oh )?(?:sure|yeah|right),? because (?:every(?:one|body)|nobody|no one|no-one)\b"
    r"(?![^.!?]*\b(?:please|can you|could you)\b)|"
    r"(?:what|that's) a (?:big|huge|great) help(?: that was)?(?:,| not|\.\.\.)",
    r"(?:oh |just |how )?(?:great|perfect|wonderful|fantastic|brilliant|lovely|awesome|terrific|"
    r"marvell?ous|excellent|super)[,.!]* (?:(?:and |so )?now (?:nothing|none|everything (?:is|has)|"
    r"(?:it|i|we|they|the \w+|my \w+|our \w+)(?:'ve|'m|'s|'re| have| am| is| are)? (?:\w+ )?"
    r"(?:doesn't|don't|won't|can't|isn't|not|broken|crash\w*|broke|fail\w*|lost|gone|deleted|"
    r"stuck|worse|errors?|logged out))|another (?:error|crash|bug|failure|problem|issue|outage)|"
    r"exactly what i didn't|just what i needed,? (?:another|more))",
    r"(?:love|great|nice|amazing|funny|lovely|brilliant) how (?:it|you|this|the \w+|my \w+)"
    r"(?: \w+)? (?:keeps?|never|always|still|only|broke|crash|conveniently)",
    r"(?:slow clap|/s)",
    # thanks for something bad or worthless: "thanks so much for the copy-paste answer"
    r"thanks? (?:you )?(?:so much |a lot |a bunch |very much )?for (?:the |this |that |your )?"
    r"(?:copy-?paste\w*|canned|generic|useless|pointless|non-?answer|nothing|wasting|the runaround)",
    r"(?:wow|oh|well|gee),? (?:thanks|thank you)[,.!]* (?:\w+ )?(?:useful|helpful|great)",
    # ironic interjections and dismissive echoes: "gee, thanks", "oh joy", "sure it is"
    r"gee,? (?:thanks|thank you|great|wonderful)|oh (?:joy|goody)|(?:big|what a) surprise|shocker|"
    r"(?:sure|yeah|right),? (?:it is|it was|it will|they are|they will|you are|you will|you did)[.!]*$",
    # "Of course it is." dismissing the answer, alone or before the complaint it opens
    r"^\W*(?:oh )?(?:of course|sure),? (?:it is|it was|they are|they were|you are|you did)[.!]+"
    r"(?:\s|$)",
    # "Nothing says thank you like a smaller pay cheque": the saying turned on a loss
    r"nothing says (?:\w+ ){1,3}?like (?:\w+ ){0,3}?(?:less|smaller|lower|no|not|never|losing|lost|"
    r"late|another|an? (?:\w+ )?(?:fee|fine|charge|bill|delay|wait|outage|error))\b",
    r"(?:sure|yeah|right),? (?:because|since|as if) (?:that|it|this) (?:worked|helped|went)",
    r"(?:amazing|impressive|incredible|great|brilliant|nice) how you (?:managed to |somehow )?"
    r"(?:make|made|broke|break|ruin|lost|lose|mess)",
    r"(?:fantastic|great|excellent|wonderful|brilliant|amazing|stellar) (?:service|support|job|work)"
    r"[,.!]* (?:\w+ ){0,3}?(?:hours?|days?|weeks?) (?:on hold|waiting|of waiting|wait)|"
    r"(?:was|were|for) (?:all )?for nothing|good to know (?:my|our|the|that)",
    # mock agreement and mock sympathy: "but sure, great system", "but sure, brilliant idea",
    # "she must be exhausted from all the teaching", "because sun is overrated anyway", "who
    # needs a working heater anyway"
    r"but,? sure,? (?:\w+ ){0,2}?(?:great|perfect|brilliant|wonderful|fantastic|"
    r"flawless|excellent|amazing|lovely|genius|smart|helpful|fine system|good idea)\b|"
    r"must be (?:so |very |really )?(?:exhausted|tired|worn out|knackered|overworked) (?:from|after) "
    r"all (?:the|that|those|this)\b|"
    r"because (?:\w+ ){1,5}?(?:is|are) (?:so |totally |completely )?overrated|"
    r"who needs (?:a |an |the |my |our |their |to )?(?:\w+ ){0,3}?anyway\b|"
    r"what could possibly go wrong",
)
# Sarcasm's usual shape: a cheerful opener, then bad news in the same breath.
_CHEER = re.compile(
    r"^\W*(?:oh |well |wow |just |how |yeah |gee )?(?:(?:that's|that is|this is|it's) (?:just |"
    r"really |so |simply )?)?(?:great|perfect|wonderful|fantastic|brilliant|"
    r"lovely|awesome|terrific|marvell?ous|excellent|super|nice|cool|splendid|good job|great job|"
    r"well done|thanks a lot|thank you so much|thanks so much|(?:oh|well|gee|wow),? (?:good|thanks))\b\W",
    re.I,
)
_BAD_NEWS = _rx(
    r"can't(?! wait)|cannot|won't|no longer|doesn't work|isn't working|nothing (?:works|loads|happens)|"
    r"broke|broken|crash\w*|fail\w*|lost|gone|deleted|wiped|blank|empty|stuck|worse|errors?|down|"
    r"missing|logged (?:me )?out|another (?:one|outage|bug|error|problem)|vanish\w*|disappear\w*|"
    r"(?:doesn't|don't|won't|didn't|isn't|aren't) (?:\w+ )?(?:turn on|start|open|load|work|show)|"
    r"(?:two|double|duplicate|extra) (?:charges|payments|bills)|charged twice|on hold|not at all|"
    r"(?:double|over|triple)-?charg\w*|locked out|(?:doesn't|does not|don't|no longer) exists?|"
    r"(?:bill|price|charge|fee|cost|rate)s? (?:has |have |just )?(?:doubled|tripled|gone up|went up)|"
    r"another (?:\w+ )?(?:outage|delay|crash|glitch|failure|maintenance|disconnect\w*|charge|fee)|"
    # the state of things: "charged me twice", "cold and late", "the heating is off", a stock
    # reply quoted back ("another 'we're looking into it'")
    r"charged (?:me |us )?(?:twice|again|double)|"
    r"(?:is|are|was|were|arrived|came|comes|goes|went|now|still|and) (?:\w+ )?(?:late|cold|offline|"
    r"overdue)|"
    r"(?:is|are|was|went|goes) (?:off|dead)\b|(?:reset|logged|locked|signed) (?:itself|me|us)|"
    r"another (?=['\"‘“])|another (?:\w+ )?(?:excuse|non-?answer|automated|generic|canned|template)|"
    # more waiting: "Wonderful. Another six weeks."
    r"another (?:\w+ )?(?:minutes|hours|days|weeks|months|years)\b",
)


def cheerful_opener(text: str) -> int | None:
    """Where a cheerful opener ("Great, ", "Oh wonderful. ") ends, if the text starts with one."""
    m = _CHEER.match(text)
    return m.end() if m else None


def _sarcastic(turn: str, *, answered: bool = True) -> bool:
    """Sarcasm in one turn; `answered`: an agent turn came before (mock thanks answer one)."""
    if _SARCASM.search(turn) or mock_thanks(turn, answered=answered):
        return True
    m = _CHEER.match(turn)
    # what the user hopes stays away is no bad news: "Great, thanks!! Hopefully it won't crash again."
    return bool(m and _BAD_NEWS.search(without_hopes(turn), m.end())) or ironic_praise(turn)


# A correction, not the "No, that's all" that answers "anything else?".
_CORRECTION = re.compile(
    r"^(?:(?:no|nope)[,.!]?\s+(?:i (?:said|meant|asked|wanted|need(?:ed)?)|that's (?:not|wrong)|"
    r"not (?:that|this|what)|wrong|the other)|that's wrong|wrong\b|incorrect|not quite|"
    r"that's not (?:it|right|correct|what)|i said\b|i meant\b(?! to (?:ask|say|mention|add))|"
    r"i asked for\b)"
    # anywhere in the turn: the agent got it wrong and the user puts it right
    r"|\b(?:sorry,? i meant(?! to (?:ask|say|mention|add))|what i meant (?:was|is)|let me clarify|to clarify|i misspoke|"
    r"(?:i )?(?:didn't|did not|never) ask(?:ed)? (?:you )?(?:to|for)|did i ask (?:you )?(?:to|for)|"
    r"you (?:booked|ordered|chose|picked|changed|sent) the wrong)\b",
    re.I,
)
_NEGATED = re.compile(r"\b(?:not|no|never|n't|hardly|without)\W+(?:\w+\W+)?$", re.I)
_CLOSING = re.compile(
    r"\b(?:bye|goodbye|good bye|that's all|that is all|that will be all|that's everything|"
    r"all i need|that's it|have a (?:good|nice|great))\b",
    re.I,
)


# --- MIXED: one thing praised, another condemned, in the user's own words ------------------------
# "The booking worked, but the price is outrageous", "Check-in was smooth but the room was filthy",
# "Love the new design, however the search is terrible". Read per clause (split at sentence ends
# and at contrast words): a clause that praises a thing and another that condemns something.
# A problem report is no verdict ("the app works on my phone but crashes on my tablet"), nor is a
# stock reaction without a thing ("Great, but it still doesn't work").
_CLAUSES = re.compile(
    r"[.;!?\n]+\s*|\s*[,:—–-]*\s*\b(?:but|however|though|although|whereas|while|except that|yet|"
    r"on the other hand|then again|that said)\b[,]?\s*",
    re.I,
)
_THING = (
    r"(?:^|(?<=[,:] ))(?:(?:the|your|our|my|this|that|his|her|their|its|one|each) )?"
    r"(?!(?:i|we|you|they|he|she|it|that|this|which|everything|nothing|something|there|what)\b)"
    r"(?:[\w'-]+ ){0,3}?[\w'-]+"
)
_GOOD = (
    r"(?:great|excellent|fine|good|smooth|quick|fast|easy|lovely|brilliant|friendly|helpful|"
    r"perfect|spot on|on time|painless|seamless|superb|fantastic|amazing|wonderful|nice|spotless|"
    r"clean|delicious|tasty|top ?notch|first[- ]class|professional|polite|courteous|efficient|"
    r"prompt|speedy|straightforward|flawless|excellent|outstanding|useful|clear|comfortable|"
    r"beautiful|gorgeous|reliable|accurate|generous|kind|patient|knowledgeable)"
)
_PRAISES_THING = re.compile(
    _THING + r" (?:(?:is|was|are|were|'s|has been|have been|went|seemed|seems|looks|looked|felt|"
    r"tasted|arrived|came) )(?:(?:really|very|so|super|pretty|quite|absolutely|incredibly|"
    r"genuinely|actually|itself|themselves|all|perfectly|totally) )*" + _GOOD + r"\b(?!\s*(?:to|"
    r"if|when)\b)"
    r"|" + _THING + r" (?:worked|works|went through|went (?:really |very |super )?(?:smoothly|"
    r"fine|well|great)|arrived (?:on time|early|quickly)|was (?:on time|a breeze|a pleasure)|"
    r"(?:really )?helped)\b(?!\s*(?:before|yesterday|until|last|earlier|previously|for a|"
    r"at first)\b)"
    r"|^(?:i |we )?(?:really |absolutely )?(?:love|loved|like|liked|enjoy|enjoyed|adore|"
    r"appreciate|appreciated) (?:the|your|this|my|our|how (?:quick|fast|easy|friendly|helpful))"
    r"(?! (?:way|fact) )",
    re.I,
)
_PAST_STATE = re.compile(
    r"\b(?:used to|old|previous|before|yesterday|until|earlier|previously|last (?:week|month|"
    r"year|time|night)|at first)\b",
    re.I,
)
_CONDEMNS = _rx(
    r"(?:is|was|are|were|'s|looks|looked|felt|tasted|arrived|came|seemed) (?:(?:really|very|so|"
    r"absolutely|totally|completely|utterly|just|frankly|honestly|quite|pretty) )*(?:terrible|"
    r"awful|horrible|dreadful|poor|rude|filthy|dirty|disgusting|overpriced|outrageous|ridiculous|"
    r"appalling|shocking|abysmal|atrocious|bad|squashed|smashed|crushed|cold|damaged|broken|"
    r"stale|soggy|mouldy|moldy|inedible|a (?:nightmare|disaster|joke|rip-?off|mess|shambles|"
    r"letdown|let-down)|(?:way|far|much) too (?:slow|long|expensive|pricey|high|late|small|loud))",
    r"(?:took|takes|take|taking) (?:forever|ages)|rip-?off|daylight robbery",
)


def mixed_verdicts(turn: str, *, answered: bool = False) -> bool:
    """A clause of the turn praises a thing and another condemns something (MIXED). `answered`:
    the turn follows an agent's answer, so a clause saying it did not help ("that part worked,
    but the rest is still not working") condemns too."""
    if not (_CLAUSES.search(turn)):
        return False
    parts = [c.strip(" ,") for c in _CLAUSES.split(turn) if c and c.strip(" ,")]
    good = [
        k
        for k, c in enumerate(parts)
        if _PRAISES_THING.search(c)
        and not _PAST_STATE.search(c)
        and not re.search(r"\b(?:not|never|no|nothing|hardly)\b|n't\b", c, re.I)
    ]
    if not good:
        return False
    bad = [
        k
        for k, c in enumerate(parts)
        if _CONDEMNS.search(c)
        or _NEG_AFFECT.search(c)
        or (answered and (_DID_NOT_HELP.search(c) or _STILL_BROKEN.search(c)))
    ]
    return any(b != g for b in bad for g in good)


@dataclass
class SentimentSignals:
    pos: float = 0.0
    neg: float = 0.0  # expressed by the user
    inferred: float = 0.0  # read from how the conversation went
    why_pos: dict[str, float] = field(default_factory=dict)  # reason -> weight
    why_neg: dict[str, float] = field(default_factory=dict)
    expressed: set[int] = field(default_factory=set)  # user turns where a frustration rule fired
    # User turn -> the satisfaction evidence (praise, solved, acknowledgement) in it, by reason.
    pos_turns: dict[int, dict[str, float]] = field(default_factory=dict)
    # Requests that may restate the previous one after an agent turn that left it unresolved
    # (sentiment_context.restatements); the form classifier decides by meaning.
    restated: list[tuple[int, str, str, str]] = field(default_factory=list)
    # User turns the conversation shows calm, whatever their words (a polite ask for a person the
    # agent met: sentiment_context.met_asks; a report that it works now: success.py); the semantic
    # layer and the form classifier do not read them either.
    calm: set[int] = field(default_factory=set)
    # The user's last turn, when it accepts a fix after an earlier rejection (the last state wins:
    # the conversation is not NEGATIVE unless a later layer reads frustration in that turn).
    settled_at: int | None = None
    # An ask for a person was met after a failure: the problem passed on, never POSITIVE.
    handed_on: bool = False

    def add(self, kind: str, weight: float, reason: str) -> None:
        why = self.why_pos if kind == "pos" else self.why_neg
        why[reason] = why.get(reason, 0.0) + weight
        if kind == "pos":
            self.pos += weight
        elif kind == "neg":
            self.neg += weight
        else:
            self.inferred += weight

    def settle(self) -> None:
        """`pos` from the reasons, politeness capped: however many "great, thanks" a long
        conversation holds, together they stay below the POSITIVE threshold."""
        polite = sum(w for r, w in self.why_pos.items() if r in _POLITE)
        self.pos = sum(self.why_pos.values()) - max(0.0, polite - POLITE_CAP)

    def demote(self, turn: int) -> None:
        """The praise or acknowledgement of a user turn was a routine closing: politeness."""
        for reason, weight in self.pos_turns.pop(turn, {}).items():
            self.why_pos[reason] -= weight
            if self.why_pos[reason] <= 1e-9:
                del self.why_pos[reason]
        polite = "thanked the agent warmly"
        self.why_pos[polite] = self.why_pos.get(polite, 0.0) + 0.5
        self.settle()

    def retract(self, turn: int) -> None:
        """The praise of a user turn was not meant (sarcasm read from the conversation)."""
        for reason, weight in self.pos_turns.pop(turn, {}).items():
            self.why_pos[reason] -= weight
            if self.why_pos[reason] <= 1e-9:
                del self.why_pos[reason]
        self.settle()

    @property
    def negative(self) -> float:
        return self.neg + self.inferred

    @property
    def reasons_pos(self) -> list[str]:
        """Reasons, strongest first (ties: first seen)."""
        return sorted(self.why_pos, key=lambda r: -self.why_pos[r])

    @property
    def reasons_neg(self) -> list[str]:
        return sorted(self.why_neg, key=lambda r: -self.why_neg[r])


POS_T, NEG_T = 1.5, 1.5
POLITE_CAP = 1.0
_POLITE = {
    "used positive words",
    "thanked the agent",
    "thanked the agent warmly",
    "thanked the agent at the end",
}


# Praise under "would be" / "would make" wishes for a thing that is not there ("dark mode would
# be a godsend", "X would make my life easier"): a feature request, no verdict on the product.
_WISHED = re.compile(
    r"(?:\bwould|\bcould|'d|\bmight)(?: \w+)?(?: (?:be|have been)(?:\W+\w+){0,2})?\W+$", re.I
)


def _unnegated(rx: re.Pattern[str], text: str) -> int:
    """Matches of rx not preceded by a negation ("not great" is not positive) or a wish."""
    return sum(
        1
        for m in rx.finditer(text)
        if not _NEGATED.search(before := text[max(0, m.start() - 20) : m.start()])
        and not _WISHED.search(before)
    )


_HYPOTHETICAL = re.compile(
    # a hope is no report either: "praying it works tomorrow", "hopefully it's fixed"
    r"\b(?:when|once|until|till|if|whether|after|before|as soon as|hop(?:e|ing|efully)|"
    r"pray(?:ing)?|fingers crossed|in case|unless|should)\W+$",
    re.I,
)


def _asserted(rx: re.Pattern[str], text: str) -> bool:
    """A match stated as a fact: not negated, not hypothetical ("when it's fixed"), not asked."""
    return stated(rx, text, _NEGATED, 20, _HYPOTHETICAL)


def _asked_and_done(turn: str) -> bool:
    """The turn thanks, cheers or says a thing was done as asked, and says nothing undone: its "as
    I asked" is no repeat."""
    return bool(
        THANKS.search(turn)
        or _CHEER.match(turn)
        or _unnegated(_PRAISE, turn)
        or _DONE_AS_ASKED.search(turn)
    ) and not _UNDONE_AS_ASKED.search(turn)


def _emphatic_praise(turn: str) -> bool:
    """Praise said again for emphasis ("Once again, you've saved my day"): the only repetition in
    the turn is an emphatic one, beside praise or a solved problem and no bad news."""
    if _REPEAT.search(_EMPHASIS.sub(" ", turn)) or _BAD_NEWS.search(turn):
        return False
    return bool(
        _unnegated(_PRAISE, turn) or _asserted(_RESOLVED, turn) or _unnegated(_STRONG_ADJ, turn)
    )


# A question whether something still holds asks about terms, it reports nothing persisting.
_STILL_ASKED = re.compile(
    r"\b(?:do|does|did|will|would|can|could|should|is|are|am|must|shall) (?:i|we|you|they|it|he|"
    r"she|my \w+|the \w+|our \w+) still\b[^?.!]*\?",
    re.I,
)


def _answer_failed(turn: str) -> bool:
    """A "didn't help" match that is not a "still ..." (in a first turn, "still" is backstory)."""
    return any(not m.group(0).lower().startswith("still") for m in _DID_NOT_HELP.finditer(turn))


# The user did what the agent said ("as you suggested", "the reset you walked me through",
# "followed every step") and reports it did not work: "didn't help" in any words for the state.
_COMPLIED = _rx(
    r"(?:as|like|how|what|exactly (?:where|what|how)|per) (?:you|u|your \w+|the \w+(?: \w+)?) "
    r"(?:said|says|suggested|advised|told|explained|explain|tell|recommended|asked|instructed|"
    r"described|showed)|"
    # what the agent gave or did: "the link you sent", "the number you gave me", "the hem you redid"
    r"(?:the|that|this) (?:\w+ ){0,2}?\w+ (?:you|u) (?:sent|gave|suggested|recommended|provided|"
    r"told|described|showed|advised|"
    r"shared|linked|mentioned|fixed|repaired|redid|redone|did|made|changed|adjusted|replaced|"
    r"installed|reset|re-?\w+ed)\b|"
    r"as (?:advised|suggested|instructed|recommended|directed|you said)|per your (?:\w+ )?"
    r"(?:instructions|advice|suggestion|steps|guide)|you (?:walked|talked|took) me through|"
    r"your (?:suggested |recommended )?(?:steps|guide|instructions|advice|suggestion|tip|trick|"
    r"workaround|fix|solution|method)|the (?:steps|instructions|advice|suggestion|tip|trick|"
    r"workaround|fix|solution|method) (?:you|from you)|followed (?:every|each|all|the|your) "
    r"(?:\w+ )?(?:step|instruction|tip)s?|(?:tried|did) (?:it )?(?:your way|that|this)",
)
_WORKS_NOW = _rx(
    r"(?:now|finally) (?:it |that |this |everything )?(?:works|working|loads|is fine|is ok)|"
    r"no more|works (?:now|again|fine|perfectly)|fixed|solved|resolved|sorted",
)
_NO_GOOD = _rx(
    r"n't|(?:not|never) (?:\w+ )?(?:\w+ing|\w+ed|better|work|help|change|fix|load|open|show)|"
    r"nothing|no (?:change|difference|luck|joy|effect|use)|still|stil|same|again|"
    r"back where|right back|loops?|missing|blank|empty|wrong|broken|fail\w*|error\w*|worse|"
    r"(?:like|as) before|"
    r"stuck|gibberish|wobbl\w*|lean\w*|"
    # the state stressed as unchanged: "the lawn's just as patchy"
    r"(?:just|exactly|every bit|equally) as (?!(?:good|well|new|nice|fine|great|before|expected|"
    r"promised|described|you)\b)\w+",
)


# "As you suggested I'll call them tomorrow": a plan, not an attempt that failed.
_PLANS = _rx(r"i'll|i will|we'll|we will|i'm going to|we're going to|let me|i can|i could")


def _complied_no_effect(turn: str) -> bool:
    return bool(
        _COMPLIED.search(turn)
        and not _PLANS.search(turn)
        and _NO_GOOD.search(GOOD_AGAIN.sub(" ", turn))
        and not _asserted(_RESOLVED, turn)
        and not _WORKS_NOW.search(turn)
    )


def _similar(a: set[str], b: set[str]) -> bool:
    return len(a) >= 3 and len(b) >= 3 and len(a & b) / len(a | b) >= 0.6


# The frustration forms of issue 14 -> (weight, reason). The rules below and the semantic layer
# (sentiment_semantic.py) add the same evidence for a form, so a form counts the same however
# it was found.
FORMS: dict[str, tuple[float, str]] = {
    "didnt_help": (2.0, "said the answer did not help or the problem persists"),
    "repeated_request": (1.5, "had to repeat themselves"),
    "ask_human": (2.5, "asked for a human"),
    "sarcasm": (2.0, "was sarcastic"),
    "giving_up": (1.5, "gave up"),
    "agent_complaint": (2.0, "complained about the agent"),
    "cancel_talk": (2.0, "talked about cancelling or leaving"),
}
# (pattern, weight, reason): each frustration form counts once per turn.
_FRUSTRATION = (
    (_NEG_AFFECT, 2.0, "said they were unhappy"),
    (_DID_NOT_HELP, *FORMS["didnt_help"]),
    (HUMAN_REQUEST, *FORMS["ask_human"]),
    (_AT_AGENT, *FORMS["agent_complaint"]),
    (_GIVE_UP, *FORMS["giving_up"]),
    (_REPEAT, *FORMS["repeated_request"]),
)
# What the user did twice themselves, in a turn that asks to undo it: "pls cancel the payment, I
# sent it twice", "I paid the invoice twice by mistake, refund one": no repeated request.
_OWN_DUPLICATE = _rx(
    r"(?:i|we)(?:'ve| have)? (?:\w+ )?(?:sent|paid|made|submitted|transferred|ordered|booked|placed|"
    r"uploaded|gave|given|entered|registered|bought) (?:\w+ ){0,3}?twice"
)
_UNDO = _rx(
    r"cancel\w*|refund\w*|revers\w*|undo|void|delete|remove|drop|take (?:it|one|them) back|"
    r"merge|stop (?:the|one|it)"
)
# Inferred, not expressed: tilts a conversation but never makes it MIXED on its own.
_STRAIN = ((_RETRY, 0.75, "asked the agent to try again"),)


def signals(
    user_turns: list[str],
    agent_turns: list[str],
    *,
    tool_errors: int = 0,
    dialogue: list[tuple[str, str]] | None = None,
    handovers: Handovers | None = None,
) -> SentimentSignals:
    """The evidence in a conversation. `dialogue` (the user and agent turns in order, as
    (role, text)) adds what its outcome shows (sentiment_outcome.py); `handovers` is the trace's
    handover reading (handover.read_handovers over its messages, tool calls included, as Issues
    reads it), else read from the dialogue."""
    s = SentimentSignals()
    seen: list[set[str]] = []
    # mood is read from the user's own words: what others said, quoted or reported, is dropped
    raw_turns = [apostrophes(t) for t in user_turns]
    user_turns = [own_words(t) for t in user_turns]
    if dialogue is not None:
        dialogue = [(r, own_words(t) if r == "user" else t) for r, t in dialogue]
    n = len(user_turns)
    if dialogue is not None and handovers is None:
        handovers = read_handovers(dialogue_messages(dialogue))
    met = met_asks(dialogue, handovers) if dialogue is not None else set()
    last_agent = _agent_before_last(dialogue, agent_turns, n)
    s.calm = set(met)
    for i, turn in enumerate(user_turns):
        turn = apostrophes(turn)
        before = s.neg
        # a cheerful opener of the user's own and bad news quoted from a screen or a person:
        # "Great, the app now says 'payment failed'" is sarcasm
        sarcastic = _sarcastic(turn, answered=i > 0) or (
            raw_turns[i] != turn
            and _CHEER.match(turn) is not None
            and _sarcastic(raw_turns[i], answered=i > 0)
        )
        plain = _WANTED_SAME.sub(" ", turn)  # "the exact same result I wanted" is no failure
        if _UNDO.search(plain):  # "I sent it twice, please cancel one": no repeat
            plain = _OWN_DUPLICATE.sub(" ", plain)
        # "it holds now", "no longer sticks": never didn't help; "it just did (again)" is no success
        worked = reports_success(turn) and not _asserted(_RECURRED, turn)
        if worked:
            s.calm.add(i)  # nor by the semantic layer or the form classifier
        if worked or _asked_and_done(turn):
            plain = _AS_ASKED_RX.sub(" ", plain)  # "Thanks, sent as I requested": no repeat
        met_ask = False
        for rx, weight, reason in _FRUSTRATION:
            if rx.search(plain) and not (rx is _REPEAT and _emphatic_praise(turn)):
                if rx is _DID_NOT_HELP and not rx.search(_STILL_ASKED.sub(" ", plain)):
                    continue  # "if I cancel a day ahead, do I still get charged?": a question
                if i == 0 and rx is _DID_NOT_HELP and not _answer_failed(plain):
                    continue  # "still ..." before any answer is the problem's backstory
                if rx is _DID_NOT_HELP and worked:
                    continue
                if rx is HUMAN_REQUEST and i in met:
                    met_ask = True  # counted below only if the turn shows frustration otherwise
                    continue
                s.add("neg", weight, reason)
        if sarcastic:
            s.add("neg", *FORMS["sarcasm"])
        if (
            i > 0
            and not worked
            and (
                _STILL_BROKEN.search(turn)
                or _asserted(_RECURRED, turn)
                or _complied_no_effect(turn)
            )
            and "said the answer did not help" not in s.why_neg
        ):
            s.add("neg", *FORMS["didnt_help"])
        # "We're thinking about cancelling" is a threat; "please close my account" an action.
        if not meant(turn):  # "we're not cancelling", "can I cancel if my plans change?"
            pass
        elif _CHURN_THREAT.search(turn) or leaving(turn):
            s.add("neg", *FORMS["cancel_talk"])
        elif _PLAN_END.search(turn) or PLAN_END.search(turn):
            s.add("inferred", 1.5, "is cancelling what they pay for")
        elif _ACCOUNT_END.search(turn):
            s.add("inferred", 1.0, "is closing their account")
        if charged_twice(plain):
            # the company's mistake at the user's cost: a grievance, but a report, not an attitude
            # (a fix the user then praises outweighs it, and it never makes MIXED)
            s.add("inferred", 1.5, "was charged twice")
        if met_ask and (s.neg > before or _NEG_MILD.search(turn)):
            # "Can I talk to a person? This is going nowhere.": the ask is frustration after all
            s.add("neg", *FORMS["ask_human"])
            s.calm.discard(i)
        if s.neg > before:
            s.expressed.add(i)
        for rx, weight, reason in _STRAIN:
            if rx.search(turn):
                s.add("inferred", weight, reason)
        if k := len(_NEG_MILD.findall(turn)):
            s.add("neg", 0.5 * min(k, 2), "sounded annoyed")
        if i > 0 and _CORRECTION.search(turn.strip()):
            s.add("neg", 0.75, "had to correct the agent")
        if turn.count("!") >= 3 or re.search(r"\b[A-Z]{4,}\b.*\b[A-Z]{4,}\b", turn):
            # emphasis leans the way the turn already does; "ty ty ty!!!" leans to thanks
            leans_neg = s.negative >= s.pos and not emphatic_thanks(turn)
            s.add("neg" if leans_neg else "pos", 0.5, "wrote emphatically")
        if not sarcastic and mixed_verdicts(turn, answered=i > 0):
            # one thing praised, another condemned: MIXED, whatever else the turn says
            s.add("pos", 2.0, PRAISED_ONE_THING)
            s.pos_turns.setdefault(i, {})[PRAISED_ONE_THING] = 2.0
            if s.neg - before < NEG_T:
                s.add("neg", NEG_T - (s.neg - before), "complained about another")
            s.expressed.add(i)
        if not sarcastic:
            # a verdict on a named thing ("the new export is brilliant"), unless the turn also
            # reports a problem (a polite complaint) or a frustration rule fired in it
            named = praises_named(
                turn, problem=s.neg > before or bool(PROBLEM.search(turn) or _BAD_NEWS.search(turn))
            )
            if _unnegated(_PRAISE, turn) or named:
                s.add("pos", 2.0, "praised the agent or the product")
                s.pos_turns.setdefault(i, {})["praised the agent or the product"] = 2.0
            if _asserted(_RESOLVED, turn):
                s.add("pos", 2.0, "confirmed the problem was solved")
                s.pos_turns.setdefault(i, {})["confirmed the problem was solved"] = 2.0
            if _ACK.search(turn) and _unnegated(_STRONG_ADJ, turn):
                s.add("pos", 1.5, "acknowledged that the answer met their need")
                s.pos_turns.setdefault(i, {})["acknowledged that the answer met their need"] = 1.5
            if k := _unnegated(_MILD_POS, turn):
                s.add("pos", 0.5 * min(k, 2), "used positive words")
            if _WARM_THANKS.search(turn):
                s.add("pos", 0.5, "thanked the agent warmly")
            if THANKS.search(turn) and i < n - 1:
                s.add("pos", 0.25, "thanked the agent")
            # a short closing after an answer, made only of the job said done or of delight
            # ("nice, tests pass", "awesome 🙌", "all green 🎉"): the problem solved, said in
            # words the patterns above lack; thanks alone ("🙏", "merci") stays politeness
            closing = positive_closing(turn) if i == n - 1 and i > 0 else None
            if (
                closing in ("done", "cheer")
                and max(s.pos_turns.get(i, {}).values(), default=0.0) < 2.0
            ):
                reason = CLOSED_SOLVED if closing == "done" else CLOSED_PLEASED
                s.add("pos", 2.0, reason)
                s.pos_turns.setdefault(i, {})[reason] = 2.0
            if closing is not None:
                s.calm.add(i)  # nor read by the semantic layer or the form classifier
            # sincere thanks after the agent did what was asked ("Great, thank you so much!",
            # "perfect thx!!"): satisfaction, unless the turn or the conversation shows frustration,
            # the turn asks or reports a problem, the agent could not do it or handed the user on
            # (sentiment_thanks.py)
            if (
                i == n - 1
                and i > 0
                and s.neg == 0
                and emphatic_thanks(turn)
                and not leaves_open(turn)  # "Thanks!! Now it shows as cancelled."
                and not asks(turn)
                and not PROBLEM.search(turn)
                and not _BAD_NEWS.search(turn)
                and not _NEG_MILD.search(turn)
                and last_agent is not None
                and not met  # an ask for a person met: thanks for the handover
                and not (handovers is not None and (handovers.said or handovers.tools))
                and not passed_on(last_agent)
                and not agent_failed(last_agent)
                and max(s.pos_turns.get(i, {}).values(), default=0.0) < 2.0
            ):
                s.add("pos", 2.0, THANKED_EMPHATICALLY)
                s.pos_turns.setdefault(i, {})[THANKED_EMPHATICALLY] = 2.0
        words = set(content_words(turn))
        if any(_similar(words, prev) for prev in seen):
            s.add("inferred", 1.0, "repeated the same request")
        seen.append(words)
    if dialogue is not None:  # forms only the conversation shows (sentiment_context.py)
        s.restated = restatements(dialogue)
        for i, forms in context_forms(dialogue).items():
            if i in s.expressed:
                continue
            for form in forms:
                s.add("neg", *FORMS[form])
            if "sarcasm" in forms:  # the praise was ironic
                s.retract(i)
            s.expressed.add(i)
    if dialogue is not None and n >= 2:
        s.settled_at = _settled(user_turns[-1], dialogue, s.expressed, n - 1)
    if dialogue is not None and handovers is not None:
        s.handed_on = handed_on_after_failure(dialogue, handovers, met, s.expressed)
    if n and THANKS.search(user_turns[-1]) and s.negative == 0:
        s.add("pos", 0.25, "thanked the agent at the end")
    s.settle()  # politeness does not add up to satisfaction
    if tool_errors:
        s.add("inferred", 0.5, "the agent hit errors")
    if dialogue is not None:
        for weight, reason in outcome_evidence(dialogue):
            s.add("inferred", weight, reason)
        return s
    fails = sum(1 for t in agent_turns if agent_failed(t))
    if fails >= 2:
        s.add("inferred", 0.5 * min(fails - 1, 3), REPEATED_FAILURE)
    if n >= 3 and user_turns[-1].rstrip().endswith("?") and len(agent_turns) < n:
        s.add("inferred", 0.5, "left with an unanswered question")
    return s


def _agent_before_last(
    dialogue: list[tuple[str, str]] | None, agent_turns: list[str], n: int
) -> str | None:
    """The agent's last turn before the user's last one (None when the agent never answered)."""
    if dialogue is None:
        return agent_turns[n - 2] if n >= 2 and len(agent_turns) >= n - 1 else None
    users = [k for k, (r, _) in enumerate(dialogue) if r == "user"]
    if not users:
        return None
    return next(
        (t for r, t in reversed(dialogue[: users[-1]]) if r == "assistant" and t.strip()), None
    )


# A relative clause, not a question: "exactly what I needed", "everything we wanted to know".
_WHAT_I_NEEDED = _rx(
    r"(?:what|everything|all|just what|exactly what) (?:i|we)(?:'d| had| have)? (?:needed|wanted|"
    r"was after|were after|was looking for|were looking for|asked for|hoped for)(?: to know)?"
)


def pleased(turn: str) -> bool:
    """A turn these rules read as satisfaction and nothing else (review rv10 H-2): praise ("you're
    a star"), the need said met ("that's exactly what I needed", "that answers everything") or a
    strong adjective with an acknowledgement, not ironic, and, once those words are taken out, no
    question, request or problem left ("... Thanks! One more thing: how do I add my spouse?" asks).
    Issues reads a conversation that ends on such a turn as answered (issues.py)."""
    turn = apostrophes(turn)
    if _sarcastic(turn) or ironic_praise(turn):
        return False
    praised = _unnegated(_PRAISE, turn) or _asserted(_RESOLVED, turn)
    if not praised and not (_ACK.search(turn) and _unnegated(_STRONG_ADJ, turn)):
        return False
    rest = turn
    for rx in (_WHAT_I_NEEDED, _RESOLVED, _ACK, _PRAISE):  # "what I needed" asks nothing
        rest = rx.sub(" ", rest)
    return not asks(rest) and not PROBLEM.search(rest)


def _settled(
    last: str, dialogue: list[tuple[str, str]], expressed: set[int], at: int
) -> int | None:
    """`at` (the user's last turn) when it accepts what the agent did after an earlier rejection:
    an earlier user turn expressed frustration, the agent answered again without failing, and the
    last turn thanks or says it works, with no frustration, problem word or sarcasm of its own
    ("Great, thank you.", "ok thanks", "Found it, cheers"). The last state wins."""
    if at in expressed or not any(j < at for j in expressed):
        return None
    end = max(k for k, (r, _) in enumerate(dialogue) if r == "user")
    agent_before = next(
        (t for r, t in reversed(dialogue[:end]) if r == "assistant" and t.strip()), None
    )
    if agent_before is None or agent_failed(agent_before):
        return None
    accepts = (
        THANKS.search(last)
        or _asserted(_RESOLVED, last)
        or reports_success(last)
        or positive_closing(last) in ("done", "cheer")
        or _unnegated(_STRONG_ADJ, last)  # "Great.", "Lovely, cheers" (not a bare "ok", "fine")
    )
    if not accepts or _NEG_MILD.search(last) or _sarcastic(last):
        return None
    return at


def classify(s: SentimentSignals) -> tuple[str, str]:
    """(label, one-sentence reason)."""
    if s.pos >= POS_T and s.neg >= NEG_T:
        return "MIXED", f"User {s.reasons_neg[0]} but also {s.reasons_pos[0]}."
    if s.settled_at is not None and s.settled_at not in s.expressed and s.negative > s.pos:
        # the last state wins: a rejection the agent then made good, and the user accepted
        return "NEUTRAL", f"User {s.reasons_neg[0]}, then accepted the agent's fix."
    if s.negative >= NEG_T and s.negative > s.pos:
        return "NEGATIVE", f"User {' and '.join(s.reasons_neg[:2])}."
    if s.pos >= POS_T and s.pos > s.negative and s.handed_on:
        return "NEUTRAL", "User was handed to a person after the agent failed; thanks, no solution."
    if s.pos >= POS_T and s.pos > s.negative:
        return "POSITIVE", f"User {' and '.join(s.reasons_pos[:2])}."
    if s.negative > 0 or s.pos > 0:
        return (
            "NEUTRAL",
            "Matter-of-fact exchange; only mild signals of satisfaction or frustration.",
        )
    return "NEUTRAL", "Matter-of-fact exchange with no sign of satisfaction or frustration."


def summarize_sentiment(
    user_turns: list[str],
    agent_turns: list[str],
    *,
    tool_errors: int = 0,
    dialogue: list[tuple[str, str]] | None = None,
) -> tuple[str, str]:
    return classify(signals(user_turns, agent_turns, tool_errors=tool_errors, dialogue=dialogue))
