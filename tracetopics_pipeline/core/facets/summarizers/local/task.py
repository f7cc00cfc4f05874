"""Task facet, offline: a short normalized intent statement from the user's own request.

The statement is embedded and clustered, so two users asking the same thing should produce
near-identical text. We pick the sentence that carries the request (not the greeting, not the
backstory), strip the request frame ("could you please help me ..."), filler, possessives and
common misspellings, and keep the content words: "hey, how do I export my dashbaord to csv??"
becomes "Export dashboard to csv".

Approximate by design: no parser or model is involved, so unusual phrasings keep extra words.
"""

from __future__ import annotations

import re

from tracetopics_pipeline.core.facets.summarizers.local.business_terms import (
    abstract_instances,
    undot_abbreviations,
)
from tracetopics_pipeline.core.facets.summarizers.local.code_terms import abstract_code
from tracetopics_pipeline.core.facets.summarizers.local.noun_phrase import is_bare_noun_phrase
from tracetopics_pipeline.core.facets.summarizers.local.text import (
    content_words,
    sentences,
    vocabulary,
)

MAX_WORDS = 16

# Common English misspellings and chat shorthand (a fixed list, deterministic).
_TYPOS = {
    "recieve": "receive", "recieved": "received", "seperate": "separate", "definately": "definitely",
    "accomodate": "accommodate", "occured": "occurred", "untill": "until", "wich": "which",
    "teh": "the", "adn": "and", "thier": "their", "becuase": "because", "beacuse": "because",
    "cancle": "cancel", "cancell": "cancel", "acount": "account", "accout": "account",
    "pasword": "password", "passwrod": "password", "passowrd": "password", "loggin": "login",
    "dashbaord": "dashboard", "dashbord": "dashboard", "exprot": "export", "exoprt": "export",
    "recipt": "receipt", "reciept": "receipt", "invioce": "invoice", "invocie": "invoice",
    "subscripton": "subscription", "subcription": "subscription", "refud": "refund",
    "adress": "address", "adresss": "address", "emial": "email", "e-mail": "email",
    "bookign": "booking", "reservaton": "reservation", "resevation": "reservation",
    "settigns": "settings", "setings": "settings", "notifcations": "notifications",
    "intergration": "integration", "integartion": "integration", "upgarde": "upgrade",
    "pls": "please", "plz": "please", "u": "you", "ur": "your", "thx": "thanks", "ty": "thanks",
    "dont": "don't", "cant": "can't", "doesnt": "doesn't", "isnt": "isn't", "wont": "won't",
    "im": "i'm", "ive": "i've", "wanna": "want to", "gonna": "going to",
}  # fmt: skip
_TYPO_RX = re.compile(
    r"\b(" + "|".join(map(re.escape, sorted(_TYPOS, key=len, reverse=True))) + r")\b", re.I
)

_GREETING = re.compile(
    r"^(?:(?:hi|hello|hey|hiya|howdy|greetings|yo|(?:good )?(?:morning|afternoon|evening)|good day|"
    r"dear \w+)"
    r"(?: there| team| all| guys| folks| everyone| support| \w+ support| \w+ team)?\b[\s,!.:;-]*)+",
    re.I,
)
_LEAD_FILLER = re.compile(
    r"^(?:(?:so|ok|okay|um+|uh+|well|hmm+|quick question|question|sorry(?: to bother you)?|"
    r"hope you(?:'re| are) (?:well|doing well)|i have a (?:quick )?question|one more thing|"
    # "Continuing from before - <request>": the lead-in ends at a spaced dash, not past it.
    r"(?:following up|continuing|circling back)(?: (?:on|from|with|about) (?:(?!\s[-–—])[^:,.!?]){0,40})?(?=[:,]|\s*[-–—])|"
    r"also|and|btw|by the way|actually|basically|honestly|frankly|tbh|to be honest|just|again|fyi|ps|p\.s\.|urgent|"
    # an answer word, not a determiner: "No, I meant the other card" (never "[No] signal at home",
    # whose negation is the problem: issue 12 item 4)
    r"(?:yes|no)(?=\s*(?:[,.!:;]|-\s|$))|"
    # interjections: a sound or a mood, not the request ("Ugh, the build fails", "Welp. ...")
    r"u+gh+|a+rgh+|welp|oof|sigh|meh|yikes|alright|all right|right|oh|ah|aw|geez|jeez|omg|"
    r"damn|dang|darn|phew|whew|ok(?:ay)? so|quick one|hmm+)\b[\s,!.:;-]*)+",
    re.I,
)
# Sentences run together without punctuation ("... customer data Sent from my phone"): split
# before a capitalized sentence opener that follows a lowercase word. Case-sensitive on purpose.
RUN_ON = re.compile(
    # Openers that rarely start a title or a name ("the album The New Classic" must stay whole).
    r"(?<=[A-Za-z0-9)'\"])\s+(?=(?:We|We're|We've|Our|My|This is|It's|Sent|Thanks|Thank you|Regards|"
    r"Cheers|Please|Also|Could you|Can you|How do|How much|How many|How long|Is there|Using|"
    r"Following|Hope|Btw|PS|Honestly|If this|If it|Any plans|It would|It'd)\b)"
)
# Context, not the request: self-introductions, the user's setup, sign-offs, follow-up notes.
_CONTEXT = re.compile(
    r"^(?:(?:(?:i(?:'m| am)|we(?:'re| are)) (?:not )?|not )(?:a |an |the |new |just |one of |part of |still new|"
    r"currently (?:on|using|in)|on (?:the |our |a |an )|in (?:the |our |a )|from |based in |with |"
    r"(?:a )?(?:small |big |large )?(?:team|group|company|startup|agency) of)"
    r"|(?:i|we) (?:work (?:at|for|in|on)|run |manage |lead |set (?:this|it|that|them) up|started using|"
    r"have been (?:using|a customer)|signed up|use (?:it|this|\w+) (?:for|at|daily|every))"
    r"|(?:my|our) (?:workspace|company|team|org|organi[sz]ation|account|name|email|role|plan|setup|"
    r"stack|use case|business)(?: (?:name|id))? (?:is|are|was|has|uses)\b"
    r"|(?:this|it)(?:'s| is) for (?:a |an |the |my |our )"
    r"|(?:using|on|via|from) (?:chrome|firefox|safari|edge|windows|mac|macos|linux|ios|android|iphone|ipad|"
    r"the (?:mobile |desktop )?app)\b"
    r"|me again\b|\w+ here from\b|sent from my|following up|continuing (?:from|our)|as (?:discussed|mentioned)|for (?:context|reference)|"
    r"fyi\b|(?:best |kind |warm )?regards|cheers|thanks in advance|thank you in advance|"
    r"not sure (?:if|whether) this is the right|(?:this|that|it)(?:'s| is) (?:urgent|important|blocking))",
    re.I,
)
_EMOTION = re.compile(
    r"\b(?:first of all|not happy|fed up|good job|great job|great work|great tool|big fan|love|fan|great|"
    r"awesome|amazing|thanks?|appreciate\w*|frustrat\w*|ridiculous|unacceptable|annoy\w*|terrible|"
    r"useless|disappoint\w*|helpful|happy|sad|angry|upset|wast(?:e|ed|ing)|nightmare|awful|horrible)\b",
    re.I,
)
# A sentence that reports a problem is a request even when it vents ("the export keeps failing").
_PROBLEM_CUE = re.compile(
    r"\b(?:fail\w*|error\w*|broken|not work\w*|doesn't|does not|won't|can't|cannot|isn't|stuck|missing|"
    r"wrong|crash\w*|blank|slow|charged|locked|declined|lost)\b",
    re.I,
)

# Urgency and pressure around a request, not the request: a closing sentence or clause ("Been
# stuck for hours.", "prod is down!", "this is blocking the release", "need this today", "any
# help appreciated", "deadline is tomorrow") and a tag anywhere ("[URGENT]", "(P1)", "URGENT:").
URGENCY = re.compile(
    r"^(?:(?:i|we)(?:'ve| have)? )?(?:been (?:stuck|at (?:this|it)|trying|struggling|fighting|"
    r"banging my head|going (?:around )?in circles)(?: (?:on|with) (?:this|it))?"
    r"(?: (?:for|since|all)\b[^.!?,;]{0,25})?"
    r"|(?:(?:i|we)(?:'ve| have) )?(?:wasted|spent|lost) (?:\w+ ){0,2}(?:hours?|days?|all day|"
    r"the (?:whole |entire )?(?:day|morning|afternoon|week))(?: (?:on|with) (?:this|it))?"
    r"(?: already)?"
    r"|(?:our |the )?(?:prod(?:uction)?|site|app|service|website|shop|store|checkout|everything|"
    r"staging|cluster|server|api) (?:is|are|went|goes|keeps going) (?:down|on fire|offline|"
    r"dead)(?: (?:since|for|right now|again)\b[^.!?,;]{0,25})?"
    r"|(?:this|it|that)(?:'s| is) (?:(?:really|very|super|kind of) )?(?:blocking|urgent|critical|"
    r"high priority|time[- ]sensitive|killing)(?: (?:me|us|everyone|(?:the|our|my) \w+))?"
    r"|(?:the )?deadline(?:'s| is)\b[^.!?,;]{0,25}|(?:please )?hurry(?: up)?(?: please)?"
    r"|(?:i |we )?need (?:this|it|a fix|an answer|help) (?:done |fixed |sorted )?(?:asap|today|"
    r"tonight|urgently|now|right now|immediately|by (?:tomorrow|tonight|eod|end of day|"
    r"\w+day))"
    r"|any (?:help|pointers|ideas|advice) (?:(?:is|are|would be) )?(?:much |greatly |really )?"
    r"(?:appreciated|welcome)(?: here)?"
    r"|(?:it'?s |this is )?(?:urgent|critical|asap|high priority|p[0-3])(?: please)?)"
    r"[\s.!?,]*$",
    re.I,
)
_URGENT_TAG = re.compile(
    r"\s*[\[(](?:urgent|asap|critical|blocker|high priority|p[0-3]|sev ?[0-3])[\])][\s:,-]*"
    r"|^\s*(?-i:URGENT|ASAP|CRITICAL)\s*[:!-]+\s*",
    re.I,
)


# Request frames, tried repeatedly until none applies.
_FRAMES = [
    r"i was wondering (?:if|whether) ", r"i wonder (?:if|whether) ",
    r"(?:can|could|would|will) (?:you|someone|anyone) (?:please |kindly )?(?:help me |tell me |show me |explain |let me know )?(?:how (?:to |i can |do i |can i ))?(?:to )?",
    r"(?:please|kindly) ", r"(?:is it possible|is there (?:a|any) way|what(?:'s| is) the (?:best |easiest |right )?way) (?:for me )?(?:to |i can )?",
    r"how (?:do|can|could|should|would|will) (?:i|we|one|you) ", r"how to ",
    r"i(?:'d| would) (?:like|love|want) (?:you )?to ", r"i(?:'d| would) like ",
    r"(?:i|we) (?:really )?(?:want|need|have|wanted|needed|must|should) (?:to )?",
    r"(?:i|we)(?:'m| am|'re| are) (?:trying|looking|hoping|wanting|attempting|planning) to ",
    r"(?:(?:i|we)(?:'m| am|'re| are) )?(?:looking|searching) for ", r"need (?:to )?",
    r"(?:i|we)(?:'m| am|'re| are) (?:interested in|after|in need of|keen to|hoping for) ",
    r"(?:are|would) you (?:be )?able to ", r"(?:can|could|would|will) you (?=search|find|get|book|look)",
    r"(?:i|we)(?:'m| am|'re| are) going to (?:need|want) (?:to )?", r"i like to ",
    r"do you think (?:you|someone) (?:could|can|would) ", r"(?:to )?know (?=why|if|whether|how|what|when|where)",
    r"(?:can|could|may) (?:i|we) ", r"(?:help me|help us)(?: to| with| in)? ",
    r"(?:i|we) need (?:some )?help(?: with| to)? (?:how to )?", r"need (?:some )?help(?: with| to)? ",
    r"(?:any idea|do you know) how to ", r"tell me how to ", r"show me how to ",
    r"let me know how to ", r"(?:i|we) (?:can(?:'t|not)|cannot|couldn't) figure out how to ",
    r"it(?:'d| would) be (?:so |really |very )?(?:great|nice|good|helpful|awesome|ideal) if (?:you|someone|somebody) (?:could|can|would) (?:please )?",
]  # fmt: skip
_FRAME_RX = re.compile(r"^(?:" + "|".join(_FRAMES) + r")", re.I)
_PROBLEM_RX = re.compile(
    r"^(?:i|we)(?:'m| am|'re| are)? ?(?:can(?:'t|not)|cannot|couldn't|can not|am unable to|are unable to|"
    r"am not able to|are not able to|unable to|not able to) ",
    re.I,
)
# "I'm locked out" -> "Locked out"; "We were charged twice" -> "Charged twice".
_SUBJECT = re.compile(
    r"^(?:i|we)(?:'m| am|'re| are| was| were|'ve| have)? (?=[a-z])(?!a |an |the )", re.I
)
# Rationale and politeness after the request ("... because it's too expensive", "... asap").
_TRAIL = re.compile(
    r"(?:\s+(?:because|since|as i|as we|so that|so i|so we|although|though|"
    r"for (?:my|our) (?:boss|team|manager|meeting|report|client))\b.*$)|"
    r"(?:[\s,]+(?:please|thanks|thank you|thx|asap|for me|right now|if possible|real quick|today)\W*$)",
    re.I,
)
_CLAUSE = re.compile(r"\s*[,;:]\s+|\s+[-–—]+\s+")
_PAREN = re.compile(r"\s*\([^)]{0,40}\)")
# Possessives become "my" (one canonical form) rather than vanish: measured, "my card" embeds
# nearer its intent than "card" on Banking77 (k-means NMI +0.01).
_POSSESSIVE = re.compile(r"\b(?:my|our|your)\s+", re.I)
_SPACES = re.compile(r"\s+")
_NON_REQUEST = re.compile(
    r"^(?:thanks?(?: you)?(?: so much| very much| a lot)?|thank u|ok(?:ay)?|sure|great|perfect|cool|"
    r"got it|yes|no|yeah|yep|nope|bye|goodbye|that(?:'s| is) all|that works|sounds good|"
    r"(?:can|could) you help(?: me)?|i need (?:some )?help|help|i have a (?:quick )?question)\W*$",
    re.I,
)
# Words that carry no intent of their own: "can you check?", "how can we fix this?".
_GENERIC = frozenset(
    [
        "check",
        "help",
        "fix",
        "sort",
        "out",
        "resolve",
        "solve",
        "happens",
        "happen",
        "now",
        "issue",
        "problem",
        "thing",
        "something",
        "anything",
        "look",
        "into",
        "take",
        "quick",
        "quickly",
        "possible",
        "normal",
        "expected",
        "question",
        "idea",
        "ideas",
        "update",
        "going",
        "wrong",
        "please",
        "asap",
        "urgent",
        "support",
        "team",
        # urgency carries no intent ("need this today")
        "today",
        "tonight",
        "tomorrow",
        "soon",
        "urgently",
        "immediately",
        "fast",
        "fixed",
        "sorted",
        "resolved",
        "done",
    ]
)


_LOWER_WORD = re.compile(r"(?<![\w'-])[a-z]{4,}(?![\w'-])")


def _repair(word: str) -> str:
    """Swapped adjacent letters ("wrnog" -> "wrong"), the most common typing slip."""
    vocab = vocabulary()
    if not vocab or word in vocab or (word.endswith("s") and word[:-1] in vocab):
        return word
    for i in range(len(word) - 1):
        cand = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
        if cand in vocab:
            return cand
    return word


def _fix_typos(s: str) -> str:
    s = _TYPO_RX.sub(lambda m: _TYPOS[m.group(0).lower()], s)
    return _LOWER_WORD.sub(lambda m: _repair(m.group(0)), s)


def _front(s: str) -> tuple[str, str]:
    """(`s` without its greeting, filler and request frames, the last frame taken or "")."""
    prev, frame = None, ""
    while s != prev:
        prev = s
        s = _GREETING.sub("", s)
        s = _LEAD_FILLER.sub("", s)
        m = _FRAME_RX.match(s)
        if m and m.end():
            frame, s = m.group(0), s[m.end() :]
        s = s.lstrip(" ,;:-")
    return s, frame


def _strip_front(s: str) -> str:
    return _front(s)[0]


def _has_intent(s: str) -> bool:
    return any(w not in _GENERIC for w in content_words(s))


# A frame that left a bare noun phrase gets a verb back: "I'm looking for a cab" -> "Find a cab".
_FIND_FRAME = re.compile(r"^(?:.*\b(?:looking|searching) for|.*\bfind me) ", re.I)
_BARE_NP = re.compile(r"^(?:a|an|some|the|another|new|more|one|two|\d+)\b", re.I)
# Frames after which a clause follows ("I was wondering if <the bank is open>").
_CLAUSE_FRAME = re.compile(r"\b(?:if|whether)\s*$", re.I)
# "I have <a card>" states what the user has, not what they want ("I have to" is a frame).
_HAVE_FRAME = re.compile(r"\b(?:have|had)\s*$", re.I)
_DATIVE = re.compile(
    r"^(find|get|book|send|give|show|reserve|buy|search|look for) (?:(?:me|us)|for (?:me|us))(?: please)? ",
    re.I,
)


def _asks(frame: str) -> bool:
    """Was a request frame taken ("can you", "I need"), not a statement of possession?"""
    return bool(frame) and not _HAVE_FRAME.search(frame)


def _restore_verb(before: str, after: str, frame: str) -> str:
    """The frame took the verb: "looking for a cab" -> "Find a cab", "help finding X" -> "find X".

    Only a bare noun phrase gets one: what follows a greeting ("Hello, the export button is
    greyed out") or "if" is a clause and keeps its own verb. `frame`: the last request frame
    stripped from `before`, "" when only a greeting or filler was.
    """
    if _BARE_NP.match(after):
        if _HAVE_FRAME.search(frame):
            return after
        governed = bool(frame) and not _CLAUSE_FRAME.search(frame)
        if not is_bare_noun_phrase(after, object_of_frame=governed):
            return after
        return ("Find " if _FIND_FRAME.match(before) else "Get ") + after
    first, _, rest = after.partition(" ")
    # A gerund is the task only as a frame's object ("help me finding a dentist"); after a
    # greeting it reports what happens ("Hi, getting rate limited by the api").
    if frame and first.lower().endswith("ing") and len(first) > 5:
        stem = first.lower()[:-3]
        vocab = vocabulary()
        for cand in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else ""):
            if cand and cand in vocab:
                return f"{cand} {rest}".strip()
    return after


def _normalize_clause(clause: str) -> tuple[str, bool]:
    """(the clause without its frame and subject, whether it was rewritten as the user's own
    request: a frame or a first-person subject taken)."""
    s, frame = _front(clause)
    m = _PROBLEM_RX.match(s)
    if m:  # "I can't log in" -> "Cannot log in"
        return "Cannot " + s[m.end() :], True
    t = _DATIVE.sub(r"\1 ", _SUBJECT.sub("", s))
    return t, _asks(frame) or t != s


def _own_possessives(clause: str, own: bool) -> str:
    """In a request rewritten as the user's own, "our"/"your" read "my" (one canonical form:
    "my card" embeds nearer its intent than "card", Banking77 k-means NMI +0.01); a clause kept
    as written keeps its possessives ("An invoice is missing our PO number")."""
    return _POSSESSIVE.sub("my ", clause) if own else clause


def normalize_request(sentence: str) -> str:
    """Canonical intent phrasing of one request sentence.

    Clauses that are context ("my email is ...") or carry no intent ("can you check?") are
    dropped; the rest keep their content words so the statement still embeds near its intent.
    """
    s = _fix_typos(sentence.strip())
    s = _PAREN.sub("", re.sub(r"[?!.]{2,}", "?", s))
    before = s
    s, frame = _front(s)
    own_first = _asks(frame)
    if s != before:
        restored = _restore_verb(before, s, frame)
        own_first = own_first or restored != s
        s = restored
    trimmed = _TRAIL.sub("", s)
    if _has_intent(trimmed):
        s = trimmed
    kept = []
    for i, clause in enumerate(_CLAUSE.split(s)):
        c, own = _normalize_clause(clause)
        if URGENCY.match(clause.strip()) or URGENCY.match(c):
            continue  # "fix the build, prod is down": the pressure is not the task
        if chase_rest(clause) == "":
            continue  # "..., as I said before": a complaint about the conversation
        if c and not _is_context(c) and not _is_context(clause.strip()) and _has_intent(c):
            kept.append(_own_possessives(c, own or (i == 0 and own_first)))
    if not kept:
        c, own = _normalize_clause(s)
        kept = [_own_possessives(c, own or own_first)]
    s = ", ".join(kept)
    s = re.sub(r"\s*[?.!,;:]+\s*$", "", s)
    s = _strip_unquoted(_SPACES.sub(" ", s))
    toks = s.split(" ")
    if len(toks) > MAX_WORDS:
        s = " ".join(toks[:MAX_WORDS]).rstrip(",;:")
    s = whole_quotes(s, sentence)
    return s[:1].upper() + s[1:] if s else s


# A quote opens before a word and closes after one: not the apostrophes of "don't", "users'".
# Nor a year's ("something from '15"); a quote may close after a comma ('"dinner and a movie,"').
_OPENING = re.compile(r"(?<![\w'\"\u2019])['\"\u2018\u201c](?=\w)(?!\d\ds?\b)")
_CLOSING = re.compile(r"(?<=[\w.!?%),;:])['\"\u2019\u201d](?![\w])")
_PAIR = {"'": "'", '"': '"', "\u2018": "\u2019", "\u201c": "\u201d"}
MAX_QUOTE_WORDS = 8  # a longer quote cut by the length limit is dropped, not completed


def _strip_unquoted(s: str) -> str:
    """`s` without edge spaces, dashes, commas and backticks, and without an edge quote mark
    that closes or opens no quote inside (`"Export to csv"` keeps neither; "stuck in
    'pending'" keeps its closing one)."""
    s = s.strip(" `-,")
    if len(s) > 1 and s[0] in _PAIR and s[-1] == _PAIR[s[0]] and s[0] not in s[1:-1]:
        s = s[1:-1]  # the whole request quoted: '"Export to csv"' -> 'Export to csv'
    if s[:1] in _PAIR and not any(c == _PAIR[s[0]] for c in s[1:]):
        s = s[1:].lstrip()
    if s[-1:] and s[-1] in _PAIR.values():
        opener = next(o for o, c in _PAIR.items() if c == s[-1])
        if opener not in s[:-1]:
            s = s[:-1].rstrip()
    return s.strip(" `-,")


def whole_quotes(s: str, source: str) -> str:
    """A quote in `s` kept whole or dropped, never cut inside (review rv9 D-a): a quote left
    open ("fails with 'SAML response not valid") is completed from `source` when the rest is
    short and there, else dropped from its opening mark ("... with")."""
    for m in _OPENING.finditer(s):
        o, mark = m.start(), m.group(0)
        close = _PAIR[mark]
        if any(c.start() > o and s[c.start()] == close for c in _CLOSING.finditer(s)):
            continue
        head = s[o:]
        at = source.lower().find(head.lower())
        end = source.find(close, at + len(head)) if at >= 0 else -1
        quoted = source[at : end + 1] if end >= 0 else ""
        if quoted and len(quoted.split()) <= MAX_QUOTE_WORDS and "\n" not in quoted:
            return s[:o] + quoted
        return re.sub(r"[\s,;:]+$", "", s[:o])
    return s


def _sentences(turn: str) -> list[str]:
    return [q for sent in sentences(turn) for p in RUN_ON.split(sent) for q in _urgent_tail(p)]


_CAPITAL_AFTER_SPACE = re.compile(r"(?<=\S)\s+(?=[A-Z\[(])")


def _urgent_tail(part: str) -> list[str]:
    """`part` with an urgency closer run on without punctuation ("... too many 500s Any help
    appreciated", "... at checkout Been stuck for hours") split off as a sentence of its own."""
    if not part.strip():
        return []
    for m in _CAPITAL_AFTER_SPACE.finditer(part):
        if URGENCY.match(part[m.end() :]) or _URGENT_TAG.fullmatch(part[m.start() :]):
            return [part[: m.start()], part[m.end() :]]
    return [part]


_REQUEST_CUE = re.compile(
    r"\?|\b(?:how|can you|could you|would you|please|want to|need|would like|i'd like|trying to|"
    r"help me|looking for|is there a way)\b",
    re.I,
)


def _is_context(s: str) -> bool:
    """Context unless it also asks for something ("I'm on a trip and need a flight")."""
    return bool(_CONTEXT.match(s)) and not _REQUEST_CUE.search(s)


def _is_candidate(core: str) -> bool:
    if not core or _NON_REQUEST.match(core) or _is_context(core) or URGENCY.match(core):
        return False
    return _has_intent(core)


def _is_emotional(core: str) -> bool:
    """A reaction, not a request: "Big fan of the product!", "thanks for last time, but ugh"."""
    if not _EMOTION.search(core) or _REQUEST_CUE.search(core) or _PROBLEM_CUE.search(core):
        return False
    return len(content_words(_EMOTION.sub("", core))) <= 5


# ---------------------------------------------------------------- asides: not the request
# Each kind is a general English pattern (several phrasings each, see tests/test_task_cleaning.py).
# A sentence of one of these kinds is skipped when the user asked something else; it is kept
# only as a last resort (the whole message was, say, a comparison).
# A product name: capitalized, and not a sentence-initial function word ("When did you ...").
_NAME = (
    r"(?!(?:when|what|why|how|who|where|which|it|this|that|he|she|they|we|you|i|there|my|our|your|"
    r"the|a|an|nobody|everyone|someone|one|nothing|everything|something|anyone)\b)"
    r"(?-i:[A-Z][A-Za-z0-9.&+-]*(?: [A-Z][A-Za-z0-9.&+-]*)?)"
)
_ASIDES: dict[str, re.Pattern[str]] = {
    # Praise and thanks, even with a wh-word inside ("appreciate how fast you reply").
    "compliment": re.compile(
        r"^(?:(?:really|truly|just|honestly|i|we|i really|we really|i just|we all|and)\s+)*"
        r"(?:appreciate\w*|lov(?:e|ing)|thank(?:s| you)\w*|kudos|props|big fan|huge fan|"
        r"(?:great|good|nice|amazing|awesome) (?:job|work|stuff|product|tool|app|support|team)|"
        r"well done|keep up the)\b"
        r"|^(?:you(?:'re| are)?|you guys(?: are)?|you folks(?: are)?|your (?:team|support|product|app)"
        r"(?: is| has been)?) (?:(?:always|usually|really|so|very|truly|super|incredibly|extremely|the) )*(?:great|awesome|amazing|"
        r"fantastic|the best|quick|fast|helpful|responsive|brilliant|lifesavers?)\b",
        re.I,
    ),
    # Coming back about an earlier conversation.
    "recontact": re.compile(
        r"^(?:(?:it'?s |this is )?me again|(?:i'?m |we'?re )?back (?:again )?(?:with|about|on|regarding|for)"
        r" (?:the|this|that|my|our|an?) (?:same|earlier|previous|last|old|other|usual)?\b|"
        r"one more (?:thing |question )?(?:on|about|regarding) (?:this|that|it)\b|"
        r"(?:writing|reaching out|contacting you|messaging|coming back|getting back|checking in|asking)"
        r" (?:again|once more|a second time|one more time)\b|"
        r"(?:same|similar) (?:issue|problem|question|topic|thing) as (?:before|last time|yesterday|"
        r"earlier|last week)\b|re-?open(?:ing)? (?:my|our|the|this) (?:ticket|case|request|issue|chat)\b|"
        r"(?:still|again) (?:about|on|regarding) (?:the|this|that|my|our) (?:same )?(?:issue|problem|"
        r"question|topic|ticket|thing)\b)",
        re.I,
    ),
    # Another product as the yardstick ("In Tableau this was one click"): the competitor facet's
    # business, not the task. Needs a capitalized name in a comparison frame.
    "comparison": re.compile(
        rf"^(?:(?:(?:back )?in|with|on|over in|like in) {_NAME},? (?:this|that|it|you|we|i|there)\b"
        rf"|{_NAME} (?:(?:already|just|also) )?(?:does|did|has|had|offers|supports|handles|can do|"
        rf"could do|gets?) (?:this|that|it)\b"
        rf"|(?:(?:we|i)(?:'re| are|'m| am) )?(?:unlike|compared (?:to|with)|comparing (?:you |this |us )?"
        rf"(?:to|with|against)|versus|vs\.?|"
        rf"(?:our|my|the) other (?:team|teams|department|company|office) uses?|we (?:used to|previously)"
        rf" use[d]?|we(?:'re| are) (?:evaluating|trialing|trialling|testing|looking at|considering)|"
        rf"(?:(?:we|i)(?:'re| are|'m| am|'ve| have)? )?(?:switch|switching|switched|move|moving|moved|"
        rf"migrat\w+)(?: \w+){{0,3}} (?:to|from|over from)) {_NAME}"
        rf"|.*\b(?:than|like) (?:in |with )?{_NAME} (?:does|did|has|is|was)\b)",
        re.I,
    ),
    # Situation or history that sets the scene but asks nothing.
    "backstory": re.compile(
        # Not time-anchored narration ("Yesterday I topped up my card"): on Banking77 that
        # sentence names the subject of the question that follows.
        r"^(?:(?:i|we)(?:'ve| have) been (?:using|on|with|a (?:customer|user|subscriber))|"
        r"(?:my|our) (?:boss|manager|ceo|cto|cfo|lead|client|director|team lead) (?:asked|wants|told|"
        r"needs|said)|"
        r"(?:i|we)(?:'m| am|'re| are|'ll be| will be)? ?(?:going (?:on|to (?!need|want|have)\w+)|"
        r"heading|travel\w*|planning (?:a|to)|visiting|hosting|throwing|celebrating|moving|having "
        r"(?:guests|friends|people|family|a party))\b|"
        r"(?:i'?ve |we'?ve )?got (?:a|an|some) (?:\w+ )?(?:trip|meeting|visit|event|party|deadline|"
        r"presentation|audit) (?:coming up|next|this|soon)|"
        r"(?:i|we) (?:haven'?t|have not) (?:\w+ ){0,2}(?:in|for) (?:a (?:long )?while|ages|years))",
        re.I,
    ),
    # Threats and pressure about the account, not the task (the churn facet reads them).
    "pressure": re.compile(
        r"^(?:(?:if|unless) (?:this|it|that|the \w+) (?:(?:is|does|do|gets?|can|will)(?:n't| not)? )?"
        r"(?:be )?(?:get )?(?:fixed|resolved|sorted|working|addressed|solved)|"
        # "If this keeps happening, we'll ...": a consequence threatened, not the task.
        r"(?:if|should) (?:this|it|that)(?: \w+)? (?:keeps? (?:happening|up|on|going)|continues?|"
        r"persists|happens again|carries on)\b|"
        r"(?:my|our) (?:renewal|contract|subscription) (?:is |comes? )?(?:up|due|coming up|ending|ends)|"
        r"(?:(?:we|i)(?:'ve| have)? ?)?(?:decided|plan(?:ning)?|going) to (?:move|switch|leave|cancel|churn|"
        r"go with|migrate)\b|"
        r"(?:we(?:'re| are)|i(?:'m| am)) (?:seriously |now )?(?:thinking|considering) (?:about |of )?"
        r"(?:cancel\w*|leaving|switching|moving|churning)|"
        r".*\b(?:not a good look|looking (?:at|for) (?:other|another|alternative)s?\b))",
        re.I,
    ),
}
# A complaint about the conversation itself, not the task (issue 12 item 4): asking again ("Third
# time asking", "I already asked this", "for the second time"), pointing back ("as I said", "as I
# told your colleague"), waiting for or missing an answer ("still waiting for a reply", "nobody has
# answered"), being ignored ("you keep ignoring my question", "is anyone there?"). The Sentiment
# and Issues rules read it from the raw text; the Task drops it and keeps what follows it.
_ORDINAL = r"(?:second|third|fourth|fifth|sixth|seventh|umpteenth|nth|hundredth|\d+(?:st|nd|rd|th))"
_TELL = (
    r"(?:ask(?:ed|ing)?|writ(?:e|ing|ten)|wrote|contact(?:ed|ing)?|messag(?:e|ed|ing)|"
    r"reach(?:ed|ing) out|request(?:ed|ing)?|sen[dt]|sending|rais(?:e|ed|ing)|report(?:ed|ing)?|"
    r"chas(?:e|ed|ing)|call(?:ed|ing)?|explain(?:ed|ing)?|tell(?:ing)?|told|sa(?:y|id|ying)|"
    r"mention(?:ed|ing)?|repeat(?:ed|ing)?)"
)
_REPLY = (
    r"(?:answers?|repl(?:y|ies)|responses?|call ?backs?|feedback|word|reaction|help|human|"
    r"(?:an? |real |live )?(?:agent|person|human)|some(?:one|body)|any(?:one|body))"
)
_TIMES = (
    r"(?:already|before|earlier|previously|twice|again|(?:(?:two|three|four|five|several|many|"
    r"multiple|so many|a few|a (?:million|hundred|dozen)|\d+) times))"
)
_CHASE_CORE = (
    # an ordinal count: "third time asking", "for the second time", "my fourth message about this"
    rf"(?:(?:this is|it'?s|that'?s) )?(?:for )?(?:(?:the|my|a|our) )?{_ORDINAL} "
    rf"(?:time|message|email|mail|request|attempt|try|chat|call|ticket|reminder)s?"
    rf"(?: (?:(?:i'?m|i am|i'?ve|i have|we'?re|we'?ve|i|we) )?{_TELL})?"
    rf"(?: (?:you|this|it|that|the same(?: \w+)?|(?:about|regarding|on|for) (?:this|it|that)))?"
    rf"(?: (?:today|this (?:week|month|morning)|now|already))?"
    # asked before: "I already asked this", "I've asked three times already", "told you twice"
    rf"|(?:(?:i|we)(?:'ve| have| had)? )?already {_TELL}"
    rf"(?: (?:you|this|that|it|the same(?: \w+)?|about (?:this|it|that)|this question))?(?: {_TIMES})*"
    rf"|(?:(?:i|we)(?:'ve| have| had)? )?{_TELL}"
    rf"(?: (?:you|this|that|it|the same(?: \w+)?|about (?:this|it|that)|this question))? {_TIMES}"
    rf"(?: {_TIMES})*"
    # pointing back: "as I said", "like I mentioned before", "as I told your colleague"
    rf"|(?:again,? )?(?:as|like) (?:i|we)(?:'ve| have| had)? (?:already |just |previously )?"
    rf"(?:said|told|mentioned|explained|wrote|written|stated|described|reported|asked|"
    rf"pointed out)\b[^,:;.!?]{{0,50}}"
    # waiting for an answer: "still waiting for an answer", "been waiting two days for a reply"
    rf"|(?:(?:i|we)(?:'m| am|'re| are|'ve been| have been)? )?(?:still )?(?:waiting|waited)"
    rf"(?: \w+){{0,3}}? (?:for|on) (?:an? |your |any |some |the )?{_REPLY}"
    rf"(?: (?:from (?:you|your \w+|anyone)|back|yet|so far))*"
    # no answer: "still no reply from you", "nobody has answered me yet"
    rf"|(?:still )?(?:no|not an?|not a single|zero) {_REPLY}"
    rf"(?: (?:from|by) (?:you|anyone|anybody|your \w+))?(?: (?:yet|so far|at all))*"
    rf"|(?:still )?(?:nobody|no ?one|no-one) (?:has |have |had |is |ever )?(?:yet )?"
    rf"(?:answered|replied|responded|got(?:ten)? back|gets? back|answering|replying|responding|"
    rf"helped|read|looked at|contacted)(?: (?:to )?(?:me|us|my \w+))?(?: (?:yet|so far|at all))*"
    # being ignored: "you keep ignoring my question", "is anyone there", "why do I have to ask twice"
    rf"|(?:you|your (?:team|support|bot|agents?|colleagues?))(?: guys| people)? "
    rf"(?:keep|kept|are|have been|just|seem to be|never stop) (?:ignoring|not (?:answering|"
    rf"reading|listening|replying|responding)|avoiding|dodging|skipping|deflecting)"
    rf"(?: (?:me|us|my (?:questions?|messages?|emails?|requests?|point)))?"
    rf"|(?:hello,? )?(?:is |are )?(?:any ?(?:one|body)|some ?(?:one|body)|you) (?:there|here|"
    rf"out there|listening|reading(?: this)?|even reading(?: this)?|awake)"
    rf"|why (?:do|did|does|must|should|would|am|are) (?:i|we) (?:have to |need to |keep |always )?"
    rf"(?:ask|repeat|explain|chase|write|tell|contact|message)\w*"
    rf"(?: (?:this|myself|ourselves|it|you|the same(?: \w+)?))?(?: (?:again|twice|every time|"
    rf"so often|over and over|(?:\w+ )?times))*"
)
# A clause that is a complaint and nothing else (an end mark, a clause break or the end follows),
# or a complaint naming its topic ("still waiting for an answer about my refund": "my refund").
_CHASE = re.compile(
    rf"^(?:{_CHASE_CORE})(?:\s*(?:[,:;.!?]+|\s[-–—]+|$)\s*"
    rf"|\s+(?:about|regarding|concerning|on|re:?|for)\s+(?=\S))",
    re.I,
)
# Adverbs of asking again, a complaint whatever follows: "Once again the app crashes", "I repeat, ..."
_CHASE_ADVERB = re.compile(
    r"^(?:once again|yet again|(?:for )?one (?:last|more) time|i repeat|let me repeat(?: myself)?|"
    r"(?:i'?m |i am )?repeating myself|to repeat(?: myself)?|again and again|over and over)"
    r"(?:\s*[,:;.!?]+|\s[-–—]+|\s)\s*",
    re.I,
)


def chase_rest(sentence: str) -> str | None:
    """`sentence` without the complaints about the conversation that lead it ("Third time asking:
    <rest>", "As I said, <rest>"); "" when it is nothing but a complaint; None when it opens on
    none."""
    text, found = sentence.strip(), False
    while True:
        text = _LEAD_FILLER.sub("", _GREETING.sub("", text)).lstrip(" ,;:-")
        m = _CHASE.match(text) or _CHASE_ADVERB.match(text)
        if not m:
            break
        found, text = True, text[m.end() :]
    if not found:
        return None
    return text if content_words(text) and not _ANAPHORA.fullmatch(text.strip(" .!?")) else ""


# A second sentence that starts a new ask ("Any plans to add Teams?") is another topic's.
_NEW_ASK = re.compile(
    r"^(?:(?:small|quick|one|little|feature|another|separate|unrelated|side)"
    r" (?:request|idea|suggestion|wish|question|thing)\b|"
    r"(?:it(?:'d| would)|would) (?:be (?:(?:so|really|very) )?(?:nice|great|good|helpful|useful|better|"
    r"awesome)|(?:really )?help(?: a lot| a ton| so much)?) if\b|"
    r"any (?:plans?|chance) (?:to|for|of)\b|(?:please|could you|can you|would you) add\b|"
    r"(?:i|we) wish\b|(?:also|btw|by the way|unrelated|separately|on another note)\b)",
    re.I,
)
# A lone name closing the message ("... table, Tom", "Thanks! Priya", "- Anna"): a signature.
# After a comma only when the word before is lower-case: "in Nairobi, Kenya" is a place.
_TRAILING_NAME = re.compile(
    r"(?:(?P<comma>[,;])\s*|\s+[-–—]+\s*|(?<=[.!?])\s+)(?-i:[A-Z][a-z]{1,14}\.?)\s*[.!]?\s*$"
)
_SIGNOFF_LEAD = re.compile(
    r"(?:[,.!]?\s*(?:thanks|thank you|thx|cheers|best|regards|br|many thanks)[,.!]?)\s*$", re.I
)


# Asks that a compliment or a backstory sentence may not carry ("how" alone does not count:
# "appreciate how fast you reply" is praise).
_ASK = re.compile(
    r"\?|\b(?:can you|could you|would you|please|want|wanna|need|would like|'d like|help me|"
    r"looking for|trying to|is there a way|how (?:do|can|could|should|would|to)\b)",
    re.I,
)


ENABLED = {"compliment", "recontact", "comparison", "backstory", "pressure"}


_TROUBLE = re.compile(
    r"\b(?:issues?|problems?|trouble|bug|help|stuck|hang(?:s|ing)?|never|no longer|keeps?|"
    r"stopped|stops)\b",
    re.I,
)


def aside_kind(sentence: str) -> str | None:
    """The kind of aside `sentence` is (chase, compliment, recontact, comparison, backstory,
    pressure), or None when it may carry the request."""
    text = sentence.strip()
    if chase_rest(text) == "":
        return "chase"
    core = _strip_front(text).strip()
    for kind, rx in _ASIDES.items():
        if not (rx.match(core) or rx.match(text)):
            continue
        if kind in ("compliment", "backstory") and (
            _ASK.search(text) or _PROBLEM_CUE.search(core) or _TROUBLE.search(core)
        ):
            return None  # "Love the app but the export fails", "Last week I was charged twice"
        if kind == "recontact" and _recontact_rest(text):
            return None  # the request follows the lead-in; _strip_recontact keeps it
        return kind
    return None


def _recontact_rest(text: str) -> str:
    """What follows a re-contact lead-in ("Back with the same topic: <rest>"), or ""."""
    m = _ASIDES["recontact"].match(text) or _ASIDES["recontact"].match(_strip_front(text))
    if not m:
        return ""
    tail = (_strip_front(text) if not _ASIDES["recontact"].match(text) else text)[m.end() :]
    tail = re.sub(r"^[^,:;.!?-]*?(?:[,:;.!?]|\s-+)\s*", "", tail, count=1)
    return tail if len(content_words(tail)) >= 2 else ""


def _strip_recontact(sentence: str) -> str:
    rest = _recontact_rest(sentence)
    return rest or sentence


def strip_lead_in(sentence: str) -> str:
    """`sentence` without the asides before what it says: greetings, filler words and a
    re-contact lead-in ("Hi team, honestly this is ridiculous" -> "this is ridiculous"); request
    frames stay ("Please add X" is the request itself)."""
    prev = None
    while sentence != prev:
        prev = sentence
        sentence = _LEAD_FILLER.sub("", _GREETING.sub("", sentence)).lstrip(" ,;:-")
    return _strip_recontact(sentence)


def strip_signature(text: str) -> str:
    """Drop a signature at the end of a turn: a lone first name, with or without a sign-off."""
    prev = None
    while prev != text:
        prev = text
        m = _TRAILING_NAME.search(text)
        before = text[: m.start()].split() if m else []
        if m and len(before) >= 3 and not (m.group("comma") and before[-1][:1].isupper()):
            text = text[: m.start()].rstrip()
        text = _SIGNOFF_LEAD.sub("", text).rstrip() if len(text.split()) > 3 else text
    return text


def _stems(text: str) -> set[str]:
    return {w[:5] for w in content_words(text) if len(w) > 2}


def _continues(first: str, second: str) -> bool:
    """Does `second` elaborate `first`, rather than open another request?

    After a statement ("I made a transfer an hour ago."), the next sentence is the request it
    leads to. After an ask, a second ask is another topic's when it opens with a new-ask cue
    ("Any plans to add Teams?", "Also, ...") or when both are specific requests (3+ and 4+
    content words) about different things; short follow-ups ("Get a refund", "Any
    suggestions?") name what the first left vague and stay. Measured on Banking77 and SGD
    (docs/benchmarks.md): dropping every unrelated second ask cost 0.002-0.007 10-NN agreement;
    this rule is neutral there.
    """
    first_asks = _ASK.search(first) or _PROBLEM_CUE.search(first) or _TROUBLE.search(first)
    if not first_asks and not _FRAME_RX.match(_GREETING.sub("", first.strip())):
        return True
    core = _strip_front(second).strip()
    related = bool(_stems(first) & _stems(second))
    if _NEW_ASK.match(second.strip()) or _NEW_ASK.match(core):
        return related
    if _ASK.search(second) and _specific(first, 3) and _specific(core, 4):
        return related or bool(_ANAPHORA.search(core))
    return True


def _specific(text: str, n: int) -> bool:
    return len([w for w in content_words(_strip_front(text)) if w not in _GENERIC]) >= n


_ANAPHORA = re.compile(
    r"\b(?:it|its|this|that|these|those|one|ones|them|they|there|same|such)\b", re.I
)


def request_sentences(user_turns: list[str], limit: int = 2) -> list[str]:
    """The sentences that carry the user's request: the first `limit` substantive ones of a turn.

    Greetings, self-introductions, setup details, sign-offs and bare reactions ("Big fan of the
    product!") are skipped. People lead with their main ask, so the first remaining sentence is
    the request; the next one usually completes it ("My card expires soon. How do I get a new
    one?"), which measurably helps clustering (see docs/benchmarks.md). Feelings alone are a
    last resort.
    """
    emotional = None
    aside = None
    for turn in user_turns[:3]:
        found: list[str] = []
        for sent in _sentences(strip_signature(turn)):
            sent = _strip_recontact(sent)
            rest = chase_rest(sent)
            if rest == "":
                continue  # "Third time asking.": a complaint about the conversation, never the task
            sent = rest or sent
            core = _strip_front(sent).strip()
            if not _is_candidate(core):
                continue
            if aside_kind(sent) in ENABLED:
                aside = aside or sent
                continue
            if _is_emotional(core):
                emotional = emotional or sent
                continue
            if found and not _continues(found[0], sent):
                break  # a second, separate ask belongs to its own topic
            found.append(sent)
            if len(found) >= limit:
                break
        if found:
            return found
    last_resort = aside or emotional
    return [last_resort] if last_resort else []


def request_sentence(user_turns: list[str]) -> str | None:
    """The single sentence that carries the user's main request."""
    found = request_sentences(user_turns, limit=1)
    return found[0] if found else None


def summarize_task(user_turns: list[str]) -> str | None:
    """Normalized intent statement, or None when the user never asked anything."""
    user_turns = [
        _URGENT_TAG.sub(" ", abstract_code(undot_abbreviations(t))).strip() for t in user_turns
    ]
    parts = []
    for sent in request_sentences(user_turns):
        # the booking's times, record numbers and codes go once the request is chosen (a
        # recontact aside "Same problem as last week" is read whole first)
        sent = abstract_instances(sent) or sent
        out = normalize_request(sent)
        if not content_words(out):  # the frame swallowed everything: keep the raw request
            out = " ".join(sent.split()[:MAX_WORDS]).rstrip("?.!")
        if out and out not in parts:
            parts.append(out)
    return ". ".join(parts) or None
