"""Frustration forms that live in how a user turn relates to the turns before it.

A turn read alone (a regex, or one sentence vector) misses three of issue 14's forms, because
their words are ordinary and only the conversation makes them frustration:

- repeating the request: the user asks again, in other words, for what an earlier turn asked,
  and no agent turn since took that request up — none shared a content word with it or reported
  a success ("Can you tell me the gate hours?" — "Our units come in six sizes." — "What time
  does the gate open?"); restating a request the agent is working on is ordinary;
- "didn't help": right after the agent told the user what to do (or said it did something), the
  user reports no effect ("Did that. Red light again.", "Waited an hour, same warning") — a
  "still" in the user's FIRST turn is backstory, not this: nothing has been tried yet;
- sarcasm: praise or warm thanks right after the agent failed or apologised for a failure
  ("Sorry, the renewal didn't go through." — "Super, great job."), unless the user accepts it
  ("thanks for trying", "ok, no worries").

Each rule is general (no domain words) and was checked for false alarms on the development parts
of uss_mwoz and the demo traffic (docs/benchmarks.md#facets, sixth pass).
"""

from __future__ import annotations

import re

from tracetopics_pipeline.core.facets.summarizers.local.handover import (
    HUMAN_REQUEST,
    MET,
    Handovers,
    dialogue_messages,
    read_handovers,
)
from tracetopics_pipeline.core.facets.summarizers.local.sentiment_irony import (
    PRAISE_WORDS,
    bad_news,
    stated_mishap_event,
)
from tracetopics_pipeline.core.facets.summarizers.local.sentiment_leaving import CANCEL_ACT
from tracetopics_pipeline.core.facets.summarizers.local.sentiment_outcome import (
    AGENT_SUCCESS,
    agent_failed,
    own_side_error,
)
from tracetopics_pipeline.core.facets.summarizers.local.success import (
    GOOD_AGAIN,
    instructs,
    reports_success,
)
from tracetopics_pipeline.core.facets.summarizers.local.text import (
    THANKS,
    THANKS_WORDS,
    any_of,
    content_words,
    crude_stem,
)

_rx = any_of  # short: the patterns below are long


# The attempt changed nothing: the state reported as before.
_NO_EFFECT = _rx(
    r"still(?! (?:want|need|like|prefer|have (?:a|one|another|some)|interested|deciding|thinking|"
    r"considering|looking|planning|going|on for|available|open|valid|fine|good|ok|okay|works?|"
    r"working))",
    r"(?:all|just|exactly|much) the same|(?:the )?same (?:as before|again|here|thing|story|way|"
    r"result|error|message|problem|warning|screen|page)|as (?:before|it was|ever)|like before",
    r"no (?:change|difference|luck|joy|effect|improvement|dice)|nothing (?:happens|happened|"
    r"changed|moved|new|at all)",
    r"(?:didn't|did not|doesn't|does not|won't|hasn't|has not|haven't) (?:\w+ )?(?:work|change|"
    r"help|budge|move|do anything|go away)",
    r"(?:ignores|ignored|rejects|rejected|refuses|refused) (?:it|me|my|the)",
    # the problem back as it was: "just as stringy as the first one", "worse than ever", a bare
    # "nope. same."
    r"as \w+ as (?:the first|the last|the old|before|ever)|worse|^\W*(?:\w+\W+){0,2}same\W*$",
    # the state compared with itself, stressed: "squeak is exactly as loud.", "every bit as stiff"
    # time passed and nothing came: "It's been a week and there is no refund on my statement"
    r"(?:been|waited|after|over) (?:a|an|one|two|three|four|five|six|\d+|several|many|a few) "
    r"(?:\w+ )?(?:minutes?|hours?|days?|weeks?|months?)[,;]? (?:and |but |now )?(?:still |there(?:'s| "
    r"is) |i (?:have|got|see) |i've got )?(?:no|nothing|not|none|zero)\b|"
    r"(?:exactly|every bit|just|equally) as (?!(?:before|ever|usual|normal|new|good|well|"
    r"promised|shown|agreed|you|i|we|they|he|she|it|told|said|advised|asked|instructed|"
    r"described|suggested|expected|planned|intended|recommended)\b)\w+(?=\s*(?:[.,;!)]|$))",
)
# It happened again ("the driver came again and left again") — in a report, not in a request
# ("try again with 9:45", "something in the north again, please").
_AGAIN = re.compile(r"\bagain\b", re.I)
_SAME = re.compile(r"\bsame\b", re.I)
_ASKS = _rx(
    r"please|let'?s|let us|let is|try\w*|(?:can|could|would|may) (?:you|i|we)|"
    r"i(?:'d| would)(?: \w+)? (?:like|love|prefer)|i (?:\w+ )?(?:need|want)"
)
# A plan is not a report: "I'll try again tomorrow".
_PLAN = _rx(r"i'll|i will|we'll|we will|i'm going to|we're going to|let me|i can|i could")
# The user did what was asked ...
_DID_IT = _rx(
    r"did (?:that|it|this|so)|done(?: that| it| so)?|tried(?: it| that| this)?|followed|cleared|"
    r"restarted|rebooted|reinstalled|re-?downloaded|logged (?:out|in)|waited|tightened|"
    r"resubmitted|reset|opened|updated|(?:been )?doing (?:exactly )?(?:that|this|it|so|what)|"
    r"got the (?:\w+ )?\w+",
    # an attempt reported by its verb first: "Searched inbox and spam", "Pressed it", "Updated."
    r"(?:^|[.!;]\s+)[a-z]{3,}ed\b",
    # any attempt in the past tense with its object: "downloaded it twice", "re-entered the code"
    r"(?:re-?)?[a-z]{3,}ed (?:it|that|this|them|the|my|our|again|twice|as)",
)
# ... and it is still bad.
_STILL_BAD = _rx(
    r"n't|not|no|never|nothing|empty|blank|red|error\w*|fail\w*|broken|stuck|gibberish|wrong|"
    r"missing|again|wobbl\w*|ignore\w*|all over|(?:is|are) (?:still )?there|worse|"
    r"invalid|incorrect|denied|declined|expired|bounc\w*|unrecogni[sz]ed|"
    # the state persisting: "the locker stays shut"
    r"(?:stays?|stayed|remains?|remained)\b(?! (?:on|open|connected|working|fine|ok|okay))",
)
# The agent failed or apologised for a failure.
_APOLOGY = _rx(r"sorry|unfortunately|afraid|apolog\w*|regret\w*")
_FAILURE = _rx(  # of an attempt, not a plain fact ("they do not have a gym, sorry")
    r"fail\w*|error|expired|declined|rejected|(?:was|were|is|are|got) (?:\w+ )?cancell?ed|"
    r"(?:didn't|did not|couldn't|could not|wasn't able to|was not able to|unable to) "
    r"(?:go through|work|book|place|process|complete|find|renew|deliver|save|confirm)|"
    r"(?:not|never) (?:placed|processed|delivered|booked|saved|confirmed|renewed|sent)|"
    # bad news said with the apology: "the centre cancelled all tests", "the crane broke down",
    # "sent to another branch by mistake", "the collection was missed"
    r"cancell?ed|postponed|broke down|by mistake|in error|was missed|were missed|got lost|"
    # the mistake made again: "it was sent again with the same mistake"
    r"(?:same|another|a new) (?:\w+ )?mistakes?|"
    r"was lost|went missing|(?:the )?wrong (?:\w+ )?(?:flavou?r|size|address|date|item|order|"
    r"prescription|name|one)",
)
_CANCELLED = _rx(r"cancell?ed|cancell?ations?")
# A remedy in the same turn as the bad news: praise after it is thanks, not irony ("sorry, the
# class was cancelled; I've moved you into the 11:00" -> "Perfect, thanks!").
_REMEDY = _rx(
    r"(?:i've|i have|we've|we have|i|we)(?: \w+)? (?:moved|updated|rebooked|rescheduled|sent|resent|"
    r"re-?sent|arranged|replaced|refunded|credited|upgraded|booked|reissued|swapped)\b|"
    r"replacement|a new one|at no (?:extra )?(?:cost|charge)|free of charge|full refund|"
    r"(?:stays?|remains?|still) valid|on (?:its|their|the) way|"
    r"will (?:collect|deliver|arrive|reach you|be (?:there|with you|delivered|sent))",
)
# Praise words (the irony rule's, and a few more), and the acceptances that make praise after a
# failure plain politeness.
_PRAISE_WORD = _rx(
    PRAISE_WORDS,
    r"love (?:it|that)|really helpful|very helpful|fabulous|magnificent|smashing|beaut|"
    r"top (?:stuff|work|job|notch)",
)
# Praise of the work done: "again" beside it is good news ("holds its tune again, lovely job").
_PRAISES_WORK = _rx(
    r"(?:lovely|great|good|nice|brilliant|excellent|fantastic|amazing|top|fab|cracking|super) "
    r"(?:job|work|service)|well done|thanks to (?:you|your)|after your (?:visit|help|fix|advice)",
)
_ACCEPTS = _rx(
    r"anyway|for trying|for (?:checking|looking|letting me know)|no worries|no problem|"
    r"(?:it's|that's) (?:ok|okay|fine|alright)|ok(?:ay)?|understood|never mind|i see|shame|pity|"
    r"oh well|what about|how about|instead|alternative|else|other|another (?:option|day|time|date)|"
    r"can (?:you|i|we)|could (?:you|i|we)|yes|fine|sounds?|would be|that's all|that is all|"
    r"all i need\w*|bye|goodbye|\?",
)
# Praise for a wait the agent just set: the agent puts something off, gives a late date or a wide
# window ("Current processing time is 14 weeks.", "between 8am and 6pm", "parts are on backorder,
# next month"), and the user answers with praise and a long wait, a wide window or a date too late
# ("Ninety days! What blazing speed.", "A twelve-hour window, how precise", "next month. very
# nice"). A short wait praised ("3 days! that's quicker than I thought") or a long one welcomed
# ("5 more years of warranty, brilliant", "two weeks, that works for me") is meant.
_SETS_WAIT = _rx(
    r"earliest|(?:first|next) (?:\w+ )?(?:available|free|open|opening|space|slot|date)|"
    r"processing times?|wait(?:ing)?(?: time| list)?\b|queue|backorder\w*|delay\w*|postpon\w*|"
    r"reschedul\w*|running late|(?:full|booked|closed|unavailable) (?:up )?until|estimated|"
    r"expect(?:ed|s)?\b|between \S+ and \S+|not (?:\w+ )?(?:back|ready|available|in stock) "
    r"(?:yet|until|before)|(?:ready|sent|issued|delivered|arrive|available|done|finished|processed|"
    r"back|visit|come|start) (?:on|by|in|within|from|after|not before)\b|within \S+ (?:\w+ )?"
    r"(?:days|weeks|months)|takes? (?:up to |about |around )?\S+ (?:\w+ )?(?:days|weeks|months)",
)
_COUNT = (
    r"(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|"
    r"thirty|forty|fifty|sixty|ninety|several|many|a few|another)"
)
_LONG_WAIT = _rx(
    _COUNT + r"(?: more| extra| whole)?(?: working| business| calendar)?[ -](?:weeks?|months?|"
    r"years?)\b",
    r"(?:[1-9]\d+|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
    r"hundred)(?: more| extra)?(?: working| business| calendar)?[ -]days\b",
    _COUNT + r" more (?:hours?|days?)\b|\w+[ -]hours? (?:window|wait|queue|delay)|all day\b",
    r"next (?:month|year|season|spring|summer|autumn|fall|winter|quarter|term)\b|"
    r"(?:until|till|not before|in) (?:january|february|march|april|may|june|july|august|september|"
    r"october|november|december)\b|after (?:the|my|our) (?:event|deadline|wedding|party|ceremony|"
    r"exam|trip|show|match|launch|opening|holiday|flight)\b",
)
# Praise of speed or precision, and overstatement: ironic beside a long wait.
_MOCK_PRAISE = _rx(
    r"(?:how|so|very|such|super|what|superb|impressive|great|real|truly) (?:\w+ )?(?:precise|"
    r"precision|prompt|punctual|speedy|speed|swift|efficient|efficiency|quick|fast|planning)\b|"
    r"(?:the )?(?:fastest|quickest|speediest|best) (?:\w+ ){0,3}?(?:in the world|ever|on earth|in "
    r"history)|(?:truly|so|really|very) impressed|blazing|lightning|record time|thrilled|"
    r"world[- ]class",
)
# The wait is welcome or taken in good part: "that works for me", "that's plenty", "quicker than
# I thought", "good to know", "see you then".
_WAIT_WELCOME = _rx(
    r"works? (?:for|with) (?:me|us)|suits?|plenty|no rush|in time|(?:quicker|sooner|earlier|faster|"
    r"better) than|already|good to know|see you|book (?:it|me|us)|i'll take|we'll take|"
    r"no problem|no worries|understood|fair enough|makes sense|that's fine|fine by|"
    # the wait said to suit: "Next month is perfect", "10 days is great"
    r"(?:is|are|'s|would be|sounds|seems) (?:perfect|great|fine|good|ideal|ok|okay|lovely)\b",
)
# Thanks take a wait in good part ("Two weeks, great, thanks!"), not a date past the need
# ("after the event. brilliant, thank u so much") nor "thanks a lot / for nothing".
_THANKS = _rx(rf"(?:{THANKS_WORDS})(?! (?:a lot|a bunch|for nothing))")
_TOO_LATE = _rx(r"\bafter (?:the|my|our) \w+")


def praises_a_wait(text: str, agent_before: str) -> bool:
    """The user praises a long wait, a wide window or a late date that the agent's turn just set
    (sarcasm), and nothing in the turn welcomes it."""
    return bool(
        _SETS_WAIT.search(agent_before)
        and not AGENT_SUCCESS.search(agent_before)
        and len(text.split()) <= 25
        and _LONG_WAIT.search(text)
        and (_PRAISE_WORD.search(text) or _MOCK_PRAISE.search(text))
        and not _WAIT_WELCOME.search(text)
        and not (_THANKS.search(text) and not _TOO_LATE.search(text))
        and "?" not in text
        and not reports_success(text)
    )


_REQUEST = re.compile(
    r"\?\s*$|^\W*(?:please|can|could|would|will|do|does|is|are|which|what|when|where|how|who|"
    r"i need|i want|i'd like|i would like|tell me|give me|send me|show me)\b|"
    r"\b(?:please|can you|could you|i'm asking|i am asking|how|what|when|where|which|who|why|"
    r"(?:need|want) to know)\b|\b(?:though|tho)\W*$",
    re.I,
)


def _stems(text: str) -> set[str]:
    """Content words cut to a crude stem (plural and tense endings off, five letters)."""
    return {crude_stem(w, 5) for w in content_words(text) if len(w) >= 3}


def _repeats(turn: str, earlier: list[str], settled: list[bool], *, loose: bool = False) -> bool:
    """The turn asks again what an earlier request asked (half its content words or more), and
    no agent turn since reported a success. `loose`: the user's previous request only, and one
    content word in common is enough (the turn insists in words that say it asks again:
    "right but is a baby grand something you'd take on?")."""
    if not _REQUEST.search(turn):
        return False
    mine = _stems(turn)
    if len(mine) < (1 if loose else 2):
        return False
    for j, prev in enumerate(earlier):
        if settled[j] or not _REQUEST.search(prev):
            continue
        theirs = _stems(prev)
        shared = mine & theirs
        if loose and j == len(earlier) - 1 and shared:
            return True
        if len(shared) >= 2 and len(shared) / min(len(mine), len(theirs)) >= 0.5:
            return True
    return False


# The agent turn between the two asks: the repeat is frustration only when that turn left the
# request where it was — it asked the user nothing (restating a request after "what area would
# you like?" is an answer), reported no success and no failure (after "sorry, none left" the user
# asks again with other terms), and was not a long answer the request may hide in.
_NON_RESOLVING_MAX_WORDS = 40


# ... and the user insists: restating a request word for word after an off-topic answer is
# what calm users of some products do (the demo traffic: ~100 per 2,400 traces); insisting is
# what frustrated ones add ("ok but ...", "I'm asking ...", "... or not?", "again").
_INSISTS = re.compile(
    r"^\W*again\b|\b(?:ask(?:ing)?|say(?:ing)?|tell(?:ing)?|once) again\b|"
    r"\b(?:already|as i (?:said|asked|wrote|mentioned)|i(?:'m| am) asking|i asked|"
    r"my question|or not|just (?:need|want) to know|simple question|you didn't (?:answer|say)|"
    r"still (?:need|want|waiting|don't know))\b|^\W*(?:so|ok(?:ay)?,? but|but|i mean|no)\b|"
    r"\?\s*\?|!\s*!",
    re.I,
)
# Words that say the turn asks the same thing again, after an answer that missed it: a "but"
# after a token acknowledgement ("right but ...", "sure, but ..."), a closing "though".
_ASKS_AGAIN = re.compile(
    r"^\W*(?:right|sure|yes|yeah|yea|yep|aye|ja|fine|alright|all right|i know|understood|got it|"
    r"noted|ok(?:ay)?|k|cool|i see|fair enough|so)\W{0,3}\s*but\b|\b(?:though|tho)\W*$",
    re.I,
)


# The user says the turn repeats what they asked: "I asked whether you also do gas fires", "I was
# asking if you take cats", "my question was about the deposit". After an agent turn that left the
# request where it was, that is repeating, whatever words the two requests share.
_SAYS_ASKED = re.compile(
    r"\b(?:i (?:was |am |'m )?ask(?:ed|ing) (?:you )?(?:whether|if|about|for|how|what|when|where|"
    r"which|who|why)|my (?:original |actual |real |first )?question (?:was|is) (?:about|whether|if|"
    r"how|what|when|where|which|who|why)|what i (?:asked|wanted to know|need to know) (?:was|is))\b",
    re.I,
)


# The agent's own claim echoed back with a laugh or an eye-roll ("fast and reliable lol. still
# queued.", "'seamless' 🙄"): the user mocks what the agent said. A claim is praise or a selling
# word; not with thanks ("fast and reliable is all I need lol, thanks!").
_CLAIM = any_of(
    PRAISE_WORDS,
    r"fast|quick|reliable|easy|simple|seamless|smooth|instant|secure|free|unlimited|fastest|"
    r"guaranteed|operational|working|helpful|convenient|hassle-free|painless|modern|charming",
)
_LAUGHED_AT = re.compile(
    r"(?P<echo>(?:[\w'-]+[ ,]+){0,4}[\w'-]+)['\"’”]?[ ,.!]*(?:\b(?:lol|lmao|rofl|ha(?:ha)+)\b|😂|🤣|🙄)",
    re.I,
)
_WORDS = re.compile(r"[a-z0-9'-]+")
_MOCK_MAX_CHARS = 4000


def _mocks_claim(text: str, agent: str) -> bool:
    """The user repeats words of the agent's turn that make a claim, then laughs or rolls eyes."""
    if _THANKS.search(text):
        return False
    # Both turns are untrusted and unbounded: the agent's word runs (as long as an echo, 5 words)
    # are built once as a set, and only the heads of long turns are read.
    said = _WORDS.findall(agent[:_MOCK_MAX_CHARS].lower())
    runs = {" ".join(said[i : i + n]) for n in range(1, 6) for i in range(len(said) - n + 1)}
    for m in _LAUGHED_AT.finditer(text[:_MOCK_MAX_CHARS]):
        words = _WORDS.findall(m["echo"].lower())
        for k in range(len(words)):
            tail = " ".join(words[k:])
            if tail in runs and _CLAIM.search(tail):
                return True
    return False


def _left_unresolved(agent: str) -> bool:
    return (
        "?" not in agent
        and not AGENT_SUCCESS.search(agent)
        and not agent_failed(agent)
        and not _APOLOGY.search(agent)
        and len(agent.split()) <= _NON_RESOLVING_MAX_WORDS
    )


# The agent turn answered after all: it opens with yes or no, or asks the user for details.
_ANSWERED = re.compile(
    r"^\W*(?:yes|yeah|yep|no|nope|not|none|sure|certainly|of course|absolutely|correct|right)\b|"
    r"\b(?:need to know|please (?:tell|provide|confirm|let me know|send|share)|"
    r"could you (?:tell|provide|confirm|send))\b",
    re.I,
)


def _copied(a: str, b: str) -> bool:
    """One message holds the other word for word (a re-send, not a rewording)."""
    x, y = (" ".join(re.findall(r"[a-z0-9]+", t.lower())) for t in (a, b))
    return x in y or y in x


def restatements(dialogue: list[tuple[str, str]], last: int = 2) -> list[tuple[int, str, str, str]]:
    """(user turn index, the user's previous request, the agent turn between, the turn): a request
    in one of the user's `last` turns that may ask again, in other words, what the user's previous
    turn asked, after an agent turn that left it where it was (no question, no success, no
    failure, no yes or no, short). Cheap gates only: the two share a content word, and the turn
    is no word-for-word copy — a re-sent message is ambiguous (calm users of some products
    re-send a question after an off-topic answer; insisting makes it frustration, and
    context_forms reads that). Whether the turn restates the request is the form classifier's
    call (form_classifier.FormClassifier.restated), by meaning."""
    users = [t for r, t in dialogue if r == "user"]
    first = len(users) - last
    out: list[tuple[int, str, str, str]] = []
    i, agent_before = -1, None
    for role, text in dialogue:
        if role == "assistant":
            if text.strip():
                agent_before = text
            continue
        if role != "user":
            continue
        i += 1
        prev = users[i - 1] if i > 0 else None
        if (
            i >= first
            and prev is not None
            and agent_before is not None
            and _left_unresolved(agent_before)
            and not _ANSWERED.search(agent_before)
            and _REQUEST.search(text)
            and _REQUEST.search(prev)
            and _stems(text) & _stems(prev)
            and not _copied(text, prev)
        ):
            out.append((i, prev, agent_before, text))
        agent_before = None
    return out


def context_forms(dialogue: list[tuple[str, str]], *, repeats: bool = True) -> dict[int, list[str]]:
    """User turn index (among the user's turns) -> the forms the conversation makes of it.
    `repeats`: also the paraphrased-request rule — off in the shipped Sentiment rules: on the
    development parts it fired on 43 NEUTRAL/POSITIVE uss_mwoz dialogues for 2 NEGATIVE ones and
    on 56 of ~650 demo traces without frustration (users there restate a request on purpose:
    "book for 8 people at 13:30" again after the agent asked for the party size)."""
    out: dict[int, list[str]] = {}
    users: list[str] = []
    settled: list[bool] = []  # per earlier user turn: an agent turn since reported a success
    agent_before: str | None = None  # the agent turn right before the current user turn
    for role, text in dialogue:
        if role == "assistant":
            if text.strip():
                agent_before = text
                done = bool(AGENT_SUCCESS.search(text))
                settled = [a or done for a in settled]
            continue
        if role != "user":
            continue
        i = len(users)
        forms: list[str] = []
        if i > 0 and agent_before is not None:
            # an insisting user says the agent's words did not answer, whatever they shared
            if (
                repeats
                and (_INSISTS.search(text) or _ASKS_AGAIN.search(text))
                and _left_unresolved(agent_before)
                # "Yes, it's £12." -> "ok but how long does it take tho?" asks on
                and not (_ASKS_AGAIN.search(text) and _ANSWERED.search(agent_before))
                and _repeats(text, users, settled, loose=bool(_ASKS_AGAIN.search(text)))
            ) or (
                repeats
                and _SAYS_ASKED.search(text)
                and _left_unresolved(agent_before)
                and not _ANSWERED.search(agent_before)
            ):
                forms.append("repeated_request")
            plain = GOOD_AGAIN.sub(" ", text)
            if THANKS.search(text) or _PRAISES_WORK.search(text):
                plain = _AGAIN.sub(" ", plain)  # "did it and it pairs again, thank you": good news
            if (
                instructs(agent_before)
                and "?" not in text  # a question asks on ("can admins still log in?")
                and not reports_success(text)  # "it holds now", "no longer sticks"
                and not _PLAN.search(text)
                and (
                    _NO_EFFECT.search(plain)
                    or (_AGAIN.search(plain) and not _ASKS.search(plain))
                    or (_DID_IT.search(plain) and _STILL_BAD.search(plain))
                    or (_DID_IT.search(plain) and _SAME.search(plain) and not _ASKS.search(plain))
                )
            ):
                forms.append("didnt_help")
            # the failure context: the agent failed, apologised for a failure, or stated a mishap
            # without apology ("The refund was sent to a closed account and bounced."); a
            # cancellation the user just asked for is done, not bad news ("Please cancel my
            # order" -> "It has been cancelled." -> "Brilliant, thanks!!")
            news = (
                _CANCELLED.sub(" ", agent_before) if CANCEL_ACT.search(users[-1]) else agent_before
            )
            failed = (
                agent_failed(news)
                or (_APOLOGY.search(news) and (_FAILURE.search(news) or bad_news(news)))
                or stated_mishap_event(news)
            ) and not _REMEDY.search(news)
            if (
                (
                    failed
                    and len(text.split()) <= 12
                    and _PRAISE_WORD.search(text)
                    and not _ACCEPTS.search(text)
                    and not reports_success(text)  # "Excellent, that solved it."
                )
                or praises_a_wait(text, agent_before)
                or _mocks_claim(text, agent_before)
            ):
                forms.append("sarcasm")
        if forms:
            out[i] = forms
        users.append(text)
        settled.append(False)
        agent_before = None
    return out


# An ask for a person that insists (not a bot, now, exclamations, capitals) stays frustration
# even when the agent hands over; a polite one the agent meets is an ordinary request. "A real
# person" insists unless the ask is put politely ("Could a real person at the office call me?").
_INSISTS_ON_PERSON = re.compile(
    r"\b(?:human being|not (?:a|an|the|this|your) (?:\w+ )?(?:bot|chatbot|robot|machine|ai)|now|"
    r"immediately|right away|at once|demand|insist|useless|enough)\b|!|(?-i:\b[A-Z]{4,}\b)",
    re.I,
)
_REAL_PERSON = re.compile(r"\b(?:real|actual|genuine|proper|live)\b", re.I)
_POLITE_ASK = re.compile(
    r"\b(?:could|would|may|might|possible|kindly|can (?:i|a|an|someone|somebody|one)|"
    r"i(?:'d| would) (?:like|prefer)|if (?:that's|that is|it's|it is) (?:ok|okay|alright|possible))\b",
    re.I,
)


def _calm_ask(text: str) -> bool:
    return not _INSISTS_ON_PERSON.search(text) and (
        not _REAL_PERSON.search(text) or bool(_POLITE_ASK.search(text))
    )


# An ask to talk to someone the rules' person list may not name ("talk to a locksmith", "could a
# member of the farm team get in touch?", "could a person from the hire team check our garden?"): read only for a met ask, where the agent's handover
# shows that a person was meant.
_ASKS_SOMEONE = re.compile(
    r"\b(?:(?:talk|speak|chat|have a word) (?:to|with) (?:a|an|the|your|one of your|someone|"
    r"somebody)\b|(?:could|can|would|please|may) (?:a|an|the|someone|somebody|one of)\b[^.?!]{0,40}"
    r"\b(?:call|ring|phone|contact|e-?mail|get in touch|be in touch|reach out|come|visit|check|"
    r"look at|pop (?:round|over|by|in)|drop by|see)\b)",
    re.I,
)


def met_asks(dialogue: list[tuple[str, str]], handovers: Handovers | None = None) -> set[int]:
    """User turns (index among the user's turns) that ask for a person calmly and that the agent
    meets before the user has to ask again: a handover that happens ("I'm transferring you now",
    a handoff tool that worked, after checking the account first) or is arranged ("the head
    teacher will ring you this evening", "I've passed your details to ..."), as `handovers`
    (handover.read_handovers, the reading Issues uses; from the dialogue alone when not given)
    says. Such an ask is a request like any other, not frustration; an ask that insists ("a real
    person, not a bot", "now!") stays frustration whatever the answer, and one the agent does not
    meet stays too."""
    if handovers is None:
        handovers = read_handovers(dialogue_messages(dialogue))
    users = [text for role, text in dialogue if role == "user"]
    asks = [i for i, t in enumerate(users) if HUMAN_REQUEST.search(t) or _ASKS_SOMEONE.search(t)]
    nxt: list[int | None] = [*asks[1:], None]
    return {
        i
        for i, until in zip(asks, nxt, strict=False)
        if _calm_ask(users[i]) and handovers.after(i, until=until) in MET
    }


def handed_on_after_failure(
    dialogue: list[tuple[str, str]], handovers: Handovers, met: set[int], expressed: set[int]
) -> bool:
    """Whether an ask for a person the agent met (`met`) came after a failure: a tool error, the
    agent saying it could not or that its side broke, or the user's frustration earlier on. The
    problem was passed on, not solved: thanks for the handover are no satisfaction (issue 14)."""
    failed = False
    i = -1
    for role, text in dialogue:
        if role == "assistant" and (agent_failed(text) or own_side_error(text)):
            failed = True
        elif role == "user":
            i += 1
            if i in met and (
                failed or handovers.tool_errors_before(i) or any(j < i for j in expressed)
            ):
                return True
    return False
