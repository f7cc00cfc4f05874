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

from tracetopics_pipeline.core.facets.summarizers.local.text import (
    THANKS_PLAIN,
    THANKS_STRONG,
    any_of,
)

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
# A problem said in a closing: a negation or a trouble word (read by sentiment.pleased too).
PROBLEM = re.compile(r"n[’']t\b|" + _BAD_WORDS.pattern, re.I)
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
# A symptom: what a problem report names as the trouble itself (a noise, a mark, a delay, a
# pain), so that it being gone or stopped is good news — not a thing the user wants ("my files
# are gone", "the heating has stopped").
_SYMPTOM = (
    r"(?:nois\w*|squeal\w*|squeak\w*|whistl\w*|hum(?:ming)?|buzz\w*|rattl\w*|crackl\w*|hiss\w*|"
    r"click\w*|knock\w*|clunk\w*|grind\w*|echo|static|interference|feedback|delay|lag|leak\w*|"
    r"drip\w*|stains?|marks?|smears?|streaks?|smudges?|spots?|rings?|patch(?:es)?|bubbles?|"
    r"smell|odou?rs?|stink|pong|rash|pain|ache|soreness|swelling|itch\w*|flicker\w*|glitch\w*|"
    r"bugs?|errors?|warnings?|pop-?ups?|crash\w*|damp(?:ness)?|mou?ld|condensation|draught|"
    r"draft|wobble|fog\w*|blur\w*|problems?|issues?|faults?|trouble)"
)
# A count of the trouble at nothing since the fix: "not a drop since", "no whistling since", "it
# hasn't dropped once", "never leaked again" — not news that did not come ("no reply since", "not a
# peep since", "hasn't worked since").
_NOTHING_SINCE = (
    r"(?!reply|replies|response|answer|word|news|peep|update|call|email|e-mail|message|contact|"
    r"sign|refund|delivery|one|body|thing|money|payment|change|luck|joy)\w+"
)
_PROBLEM_GONE = re.compile(
    r"\bno longer (?!" + _FUNCTION + r"\b|available|there|possible|valid)\w+|"
    r"(?:n[’']t|\bnot|\bnothing|\bnever|\bno \w+) (?!"
    + _FUNCTION
    + r"\b)(?:\w+ ){0,3}?(?:any ?more|any "
    r"longer)\b|\bno more \w+|"
    r"\b(?:the|that|this|my|our|its|their|those|these|any|all the) (?:\w+ )?"
    + _SYMPTOM
    + r"(?:[’']s| is| are| has| have|[’']ve)(?: \w+)? (?:gone|stopped|cleared|disappeared|vanished|"
    r"eased|settled)\b|"
    r"\b(?:not|nary) (?:a|one|a single) (?:\w+ )?" + _NOTHING_SINCE + r" since\b|"
    r"\bno " + _NOTHING_SINCE + r" since\b|"
    r"(?:n[’']t|\bnever) (?!" + _FUNCTION + r"\b)\w+ (?:once|since|again)\b",
    re.I,
)
# Like new: "as soft as the first day", "turns like new", "better than new", "back to normal".
_AS_NEW = _rx(
    r"(?:as \w+ as|like) (?:new|brand new|the (?:first )?day (?:i|we|it|they|you)\b|"
    r"the day (?:\w+ ){0,3}?(?:bought|got|arrived|delivered|fitted|came)|when (?:it was |they were )?"
    r"new|out of the box)|(?:good|better|\w+er) than (?:new|ever)|good as new|"
    r"back to (?:normal|its old self|how it (?:was|should be))|(?:perfect|right) (?:time|again)",
    # restored or said well: "all my orders are there", "behaves perfectly", "steady as anything",
    # "smooth as butter", "perked right up"
    r"all (?:of )?(?:my|our|the) \w+ (?:are|is) (?:\w+ )?(?:there|back|in place)|"
    r"(?:behaves?|works?|runs?|fits?|sounds?|looks?|goes|rolls?|holds?|closes?|shuts?) "
    r"(?:\w+ )?(?:perfectly|beautifully|flawlessly|smoothly|like a dream)|"
    r"(?:smooth|steady|solid|quiet|clear|sharp|bright|snug|tight|firm) as (?:anything|a rock|"
    r"butter|silk|a bell|you like|ever)|perked (?:right )?up",
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
    r"been)? (?:solved|fixed|resolved|sorted)|(?:that|it|this) (?:worked|did the trick|fixed it)|"
    # "that solved it", "this fixes everything", "that does the trick"
    r"(?:that|it|this) (?:(?:solved|solves|fixes|sorted|sorts|resolved|resolves) (?:it|that|this|"
    r"everything|the (?:problem|issue))|does the trick)",
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
        return not PROBLEM.search(rest)
    if PROBLEM.search(clause):
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
    return not any(PROBLEM.search(c) for c, g in zip(clauses, good, strict=True) if not g)


# The agent told the user what to do, or said it did something the user can check.
_INSTRUCTION = any_of(
    r"try|please (?:\w+ )?(?:try|check|restart|reset|clear|open|go|hold|enter|wait|reinstall|"
    r"update|remove|re-?\w+)|go to|click|tap|press|hold|restart|reboot|reset|clear|log (?:out|in)|"
    r"sign (?:out|in)|reinstall|re-?download|make sure|unplug|plug|tighten|loosen|select|wait|"
    r"turn (?:it |them |the \w+ )?(?:off|on)|switch (?:it )?(?:off|on)|"
    r"(?:you )?(?:should|can|could|need to|have to|will need to) (?:now )?(?:\w+ )?(?:see|work|"
    r"try|be able|restart|reset|open|check)|(?:it )?(?:can|may|might|should) take|"
    r"(?:i've|i have|we've|we have) (?:now |just |already )?(?:\w+ed|re\w+|sent|reset|set|put|made|"
    r"done|given|brought|taken)",
)
# An instruction in the imperative, whatever its verb: a sentence that opens with a bare verb
# and goes on with its object or particle ("Keep the pass in a pocket", "Wipe the counters",
# "Open it in Acrobat", "Give it ten minutes"). A bare verb is not told by its spelling, so the
# opener must not be a closed-class word, a plural or a participle ("Transfers take five days",
# "Boarding starts at 9"), and the next word must be an object or a particle.
# fmt: off
_CLOSED = frozenset((
    "a", "an", "the", "this", "that", "these", "those", "it", "its", "i", "you", "we", "they",
    "he", "she", "my", "your", "our", "their", "his", "her", "there", "here", "what", "which",
    "who", "when", "where", "why", "how", "yes", "no", "not", "sure", "ok", "okay", "thanks",
    "thank", "sorry", "please", "unfortunately", "great", "good", "hi", "hello", "welcome",
    "happy", "glad", "let", "as", "at", "in", "on", "of", "for", "to", "by", "with", "from", "if",
    "so", "and", "but", "or", "also", "just", "all", "each", "every", "some", "any", "one",
    "most", "many",
    # adverbs of frequency, amount and time open statements, not instructions ("Twice a year is
    # usual", "Usually the first visit ...")
    "once", "twice", "always", "usually", "never", "often", "sometimes", "about", "around",
    "only", "up", "over", "then", "now", "still", "even", "both", "more", "less",
))
_OBJECT = frozenset((
    "the", "a", "an", "your", "it", "them", "this", "that", "these", "those", "my", "all", "each",
    "every", "some", "any", "out", "in", "on", "off", "up", "down", "back", "over", "through",
    "#",
))
# fmt: on
_SENTENCE_START = re.compile(r"(?:^|[.!;:]\s+|\n)\s*([A-Za-z]+)\s+(\S+)")


def _imperative(agent: str) -> bool:
    for m in _SENTENCE_START.finditer(agent):
        verb, nxt = m.group(1).lower(), m.group(2).lower().strip(",")
        if verb in _CLOSED or verb.endswith(("s", "ed", "ing", "ly")) and verb != "press":
            continue
        # the object may be a control's label in quotes: "Choose 'Other' and type ..."
        if nxt in _OBJECT or nxt.isdigit() or nxt[:1] in "'\"‘“":
            return True
    return False


def instructs(agent: str) -> bool:
    """The agent's turn tells the user what to do, or says it did something the user can check."""
    return bool(_INSTRUCTION.search(agent)) or _imperative(agent)


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


# The answer seen: "Ahh that's why", "so that's why." — a "why" that asks nothing.
_SEES_WHY = re.compile(r"\b(?:that|so that)[’']?s why\b(?=\s*(?:[.!,]|thanks?\b|$))", re.I)


# --- A short positive closing (review rv9 N-d) ------------------------------------------------
# "nice, tests pass", "awesome 🙌", "all green 🎉", "sorted, legend", "merci !": a last turn made
# only of the job said done, delight, thanks and emoji. Each piece alone is too weak for the rules
# above (a bare "nice" is no acknowledgement, "tests pass" no state "now"), so a closing in words
# outside their vocabulary read as a request left unanswered. The turn is read as a whole: every
# word must be one of these pieces (or filler, or one capitalised name), so "nice, but the build
# still fails" or "awesome, now the export" stay what they are.
#
# The job said done, in the words of a build, a test run, a deploy or any fix.
_DONE = _rx(
    r"(?:(?:all |the |my |our |your |both |unit |integration |e2e )*(?:tests?|specs?|checks?|"
    r"builds?|ci|pipelines?|suites?|deploys?|deployments?|lint(?:er|ing)?|jobs?|migrations?|"
    r"everything|it|that|this)(?: all)?(?:'s|'re)? (?:(?:pass(?:es|ed|ing)?|succeed(?:s|ed)?|compiles?|"
    r"compiled|builds?|deployed|went through|run(?:s|ning)? clean|(?:is |are |'s |went |now |"
    r"all )*green)(?: now| again| locally| fine)*))",
    r"all green|green (?:now|again|across the board)|(?:that|this|which) (?:did it|did the trick|"
    r"works?|worked|was it|is it)|did the trick|nailed it|(?:it(?:'s| is)|all|problem|issue|"
    r"bug) (?:sorted|fixed|solved|resolved)|sorted|fixed|solved|resolved|good to go|"
    r"up and running|back (?:up|online|in business)|we(?:'re| are) good|all (?:set|good)|"
    r"works?(?: now| again| fine| perfectly| great)?|working(?: now| again)?|spot on|bingo|"
    r"merged|shipped|deployed|"
    # what the agent pointed to, found: "found it", "there it is" (nineteenth pass)
    r"(?:i |we )?found (?:it|them)|there (?:it is|they are)",
)
# Delight beyond a stock adjective: "legend", "you rock", "woohoo" (and the emoji below).
_DELIGHT = _rx(
    r"legend(?:ary)?|hero|genius|life ?saver|you rock|rock on|you(?:'re| are) (?:the best|a star|"
    r"a legend|a hero|a genius|a lifesaver)|yay+|woo+(?:hoo+)?|hooray|hurrah|nailed it|"
    r"you nailed it|chef'?s kiss",
)
# Stock adjectives, in English and the few words other languages lend a closing: politeness, as
# thanks are ("Great, thanks." is how polite people close; issue 14), unless the job is said done
# or delight comes with them.
_STOCK = _rx(
    r"nice(?: one)?|awesome|sweet|great|perfect|brilliant|amazing|excellent|fantastic|superb|"
    r"wonderful|lovely|cool|neat|wow|boom|ace|magic|splendid|terrific|super|genial|génial|"
    r"parfait|prima|klasse|toll|perfecto|perfetto|excelente|fantástico|top|grand|fab",
)
# Thanks and acknowledgement, in English and other languages.
_THANKS_WORDS = _rx(
    r"thanks?(?: (?:so|very) much| a (?:lot|ton|bunch|million)| again)?|thank (?:you|u)(?: (?:so|"
    r"very) much)?|"
    + THANKS_STRONG
    + "|"
    + THANKS_PLAIN
    + r"|cheers|ta|arigato|domo|ok(?:ay)?|kk|k|"
    r"got it|noted|understood|"
    r"much appreciated|appreciate it|roger|(?:good)?bye|bye bye|cya|see ya|have a (?:good|nice|"
    r"great) (?:day|one|evening|weekend)",
)
_FILLER = _rx(
    r"that|it|this|so|very|really|much|just|now|all|again|oh|ah|man|mate|dude|guys|folks|team|"
    r"bro|buddy|friend|lol|haha+|indeed|finally|yes|yep|yup|yeah|and|totally|absolutely|truly|"
    r"for real|the|one|you|a|lot|thing",
)
# Emoji of delight or of the job done; of thanks, agreement or a polite smile.
CHEER_EMOJI = frozenset("🙌🎉🥳💯🔥✅✨🚀❤💚💙💜🧡💛😍🤩😄😁😀😃😆👏⭐🌟💪🏆🎊🤘🥰😎")
_THANKS_EMOJI = frozenset("🙏👍👌🤝✌🫡🙂😊☺")
# Variation selectors, skin tones and zero-width joiners ride on the emoji above.
_EMOJI_MODIFIERS = re.compile("[\ufe0e\ufe0f\u200d\U0001f3fb-\U0001f3ff]")
_NAME = re.compile(r"(?-i:[A-Z][a-z]+)")


def positive_closing(turn: str) -> str | None:
    """What a short closing turn made only of the job said done, delight, thanks and emoji says:
    "done" ("nice, tests pass", "all green", "that did it"), "cheer" ("awesome 🙌", "legend",
    "🎉"), "thanks" ("🙏", "merci", "danke 👍", "Great, thanks.": politeness, not yet
    satisfaction), or None when any word of the turn is something else, or it asks, or reports a
    problem."""
    text = _EMOJI_MODIFIERS.sub("", turn.replace("’", "'")).strip()
    if not text or len(text.split()) > 10 or asks(text) or PROBLEM.search(text):
        return None
    emoji = {ch for ch in text if ch in CHEER_EMOJI or ch in _THANKS_EMOJI}
    words = "".join(" " if ch in emoji else ch for ch in text)
    kinds = set()
    if emoji & CHEER_EMOJI:
        kinds.add("cheer")
    for kind, rx in (
        ("done", _DONE),
        ("cheer", _DELIGHT),
        ("thanks", _STOCK),
        ("thanks", _THANKS_WORDS),
    ):
        words, n = rx.subn(" ", words)
        if n:
            kinds.add(kind)
    words = _FILLER.sub(" ", words)
    rest = re.findall(r"[^\W_]+", words)
    if len(rest) > 1 or (rest and not _NAME.fullmatch(rest[0])):
        return None
    if emoji & _THANKS_EMOJI:
        kinds.add("thanks")
    for kind in ("done", "cheer", "thanks"):
        if kind in kinds:
            return kind
    return None


def closes(turn: str) -> bool:
    """A last user turn that needs no reply: thanks, an acknowledgement, a success report or a
    short positive closing (positive_closing), with no question, request or problem in it."""
    text = _SEES_WHY.sub("got it", turn.strip())
    if not text or asks(text):
        return False
    if reports_success(text) or positive_closing(text) is not None:
        return True
    if len(text.split()) > 15 or not _ACKNOWLEDGES.search(text):
        return False
    plain = _ACKNOWLEDGES.sub(" ", text)
    return not PROBLEM.search(plain)


# Particles an instruction and its report share ("Switch off the ad blocker" -> "Ad blocker
# off", "slide it down" -> "Slid it down"): the attempt, not a bad state.
_PARTICLES = re.compile(r"\b(?:off|down)\b", re.I)
# A farewell in the imperative: "Have a great day", "feel free to reach out", "enjoy your trip".
_FAREWELL = re.compile(
    r"\b(?:have|enjoy) (?:a|an|the|your) (?:\w+ ){0,2}?(?:day|evening|night|weekend|week|trip|time|"
    r"flight|stay|holiday|one)\b|\b(?:feel free|don't hesitate|do not hesitate) to [^.!?\n]*|"
    r"\btake care\b|\bsafe travels\b|\blet (?:me|us) know if [^.!?\n]*",
    re.I,
)
# A state after an attempt that is trouble though no word of PROBLEM says so: "the heating has
# stopped", "now it asks for a licence key", "the light blinks orange", "it shows an error page".
_ODD_STATE = _rx(
    r"stopp\w*|died|asks? (?:me )?for|says|(?:shows?|showing|displays?) (?:a|an|the|me|only)|"
    r"blink\w*|flash\w*|orange|amber|spinn\w*|loading|same|again|only|half|instead|weird|odd|"
    r"strange|funny|smells?|charged|billed|twice|double|declined|refused|cancell?ed|"
    # and the user's mood: "Seriously, this is a waste of my time."
    r"seriously|waste\w*|joke|pointless|rubbish|hopeless|sick of|fed up|tired of|hate|shocking|"
    r"horrible|unbelievable|ugh|wtf|come on",
)


def settles(turn: str, agent: str | None) -> bool:
    """A last user turn that reports, after the agent's instruction or fix, what came of it with
    no problem, question or request in it ("Slid it down, it clicks shut every time now",
    "Reseated it, steady as anything"): it needs no reply. A state without words of success is
    read as settled only here, where the turn answers an instruction."""
    text = turn.strip()
    if closes(text):
        return True
    agent = _FAREWELL.sub(" ", agent or "")  # "Have a great day!" instructs nothing
    if not instructs(agent) or asks(text) or len(text.split()) > 25:
        return False
    shared = {w.lower() for w in _PARTICLES.findall(agent)}
    for clause in _clauses(text):
        if m := _PROBLEM_GONE.search(clause):
            clause = clause[: m.start()] + " " + clause[m.end() :]
        clause = _PARTICLES.sub(
            lambda p: " " if p.group(0).lower() in shared else p.group(0), clause
        )
        if PROBLEM.search(clause) or _ODD_STATE.search(clause):
            return False
    return True
