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

from tracetopics_pipeline.core.summarizers.local.text import content_words, sentences

MAX_WORDS = 12

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
    "im": "i'm", "ive": "i've", "id": "i'd", "wanna": "want to", "gonna": "going to",
}  # fmt: skip
_TYPO_RX = re.compile(
    r"\b(" + "|".join(map(re.escape, sorted(_TYPOS, key=len, reverse=True))) + r")\b", re.I
)

_GREETING = re.compile(
    r"^(?:(?:hi|hello|hey|hiya|howdy|greetings|yo|good (?:morning|afternoon|evening|day)|dear \w+)"
    r"(?: there| team| all| guys| folks| everyone| support)?\b[\s,!.:;-]*)+",
    re.I,
)
_LEAD_FILLER = re.compile(
    r"^(?:(?:so|ok|okay|um+|uh+|well|hmm+|quick question|question|sorry(?: to bother you)?|"
    r"hope you(?:'re| are) (?:well|doing well)|i have a (?:quick )?question|one more thing|"
    r"also|and|btw|by the way|actually|basically|just|again|yes|no)\b[\s,!.:;-]*)+",
    re.I,
)
# Request frames, tried repeatedly until none applies.
_FRAMES = [
    r"i was wondering (?:if|whether) ", r"i wonder (?:if|whether) ",
    r"(?:can|could|would|will) (?:you|someone|anyone) (?:please |kindly )?(?:help me |tell me |show me |explain |let me know )?(?:how (?:to |i can |do i |can i ))?(?:to )?",
    r"(?:please|kindly) ", r"(?:is it possible|is there (?:a|any) way|what(?:'s| is) the (?:best |easiest |right )?way) (?:for me )?to ",
    r"how (?:do|can|could|should|would|will) (?:i|we|one|you) ", r"how to ",
    r"i(?:'d| would) (?:like|love|want) (?:you )?to ", r"i(?:'d| would) like ",
    r"(?:i|we) (?:really )?(?:want|need|have|wanted|needed|must|should) (?:to )?",
    r"(?:i|we)(?:'m| am|'re| are) (?:trying|looking|hoping|wanting|attempting|planning|unable|not able) to ",
    r"(?:i|we)(?:'m| am|'re| are) looking for ",
    r"(?:can|could|may) (?:i|we) ", r"(?:help me|help us)(?: to| with)? ",
    r"(?:i|we) need (?:some )?help(?: with| to)? (?:how to )?", r"need (?:some )?help(?: with| to)? ",
    r"(?:any idea|do you know) how to ", r"tell me how to ", r"show me how to ",
    r"let me know how to ", r"(?:i|we) (?:can(?:'t|not)|cannot|couldn't) figure out how to ",
]  # fmt: skip
_FRAME_RX = re.compile(r"^(?:" + "|".join(_FRAMES) + r")", re.I)
_PROBLEM_RX = re.compile(
    r"^(?:i|we)(?:'m| am|'re| are)? ?(?:can(?:'t|not)|cannot|couldn't|can not|am unable to|are unable to|"
    r"am not able to|are not able to|unable to) ",
    re.I,
)
_TRAIL = re.compile(
    r"(?:\s+(?:because|since|as i|as we|so that|so i|so we|but|though|although|which|before|after i|"
    r"for (?:my|our) (?:boss|team|manager|meeting|report))\b.*$)|"
    r"(?:,\s*(?:my|our|we|we're|we've|i|i'm|i've|it|it's|this|that|which|as|so|and (?:i|we|it|my))\b.*$)|"
    r"(?:[\s,]+(?:please|thanks|thank you|thx|asap|for me|right now|if possible|real quick)\W*$)",
    re.I,
)
_POSSESSIVE = re.compile(r"\b(?:my|our|your|mine|ours)\s+", re.I)
_SPACES = re.compile(r"\s+")
_REQUEST_HINT = re.compile(
    r"\?|\b(?:how|can you|could you|would you|please|want to|need to|would like|i'd like|trying to|"
    r"help me|unable|can't|cannot|won't|doesn't|isn't|stopped|broken|fail\w*|not working|error|is there a way|"
    r"looking for|wondering)\b",
    re.I,
)
_NON_REQUEST = re.compile(
    r"^(?:thanks?(?: you)?(?: so much| very much| a lot)?|thank u|ok(?:ay)?|sure|great|perfect|cool|"
    r"got it|yes|no|yeah|yep|nope|bye|goodbye|that(?:'s| is) all|that works|sounds good|"
    r"(?:can|could) you help(?: me)?|i need (?:some )?help|help|i have a (?:quick )?question)\W*$",
    re.I,
)


def _fix_typos(s: str) -> str:
    return _TYPO_RX.sub(lambda m: _TYPOS[m.group(0).lower()], s)


def normalize_request(sentence: str) -> str:
    """Canonical intent phrasing of one request sentence."""
    s = _fix_typos(sentence.strip())
    s = re.sub(r"[?!.]{2,}", "?", s)
    prev = None
    while s != prev:
        prev = s
        s = _GREETING.sub("", s)
        s = _LEAD_FILLER.sub("", s)
        s = _FRAME_RX.sub("", s)
        s = s.lstrip(" ,;:-")
    m = _PROBLEM_RX.match(s)
    if m:  # "I can't log in" -> "Cannot log in"
        s = "Cannot " + s[m.end() :]
    trimmed = _TRAIL.sub("", s)
    if len(content_words(trimmed)) >= 2 or (
        content_words(trimmed) and not content_words(s[len(trimmed) :])
    ):
        s = trimmed
    s = _POSSESSIVE.sub("", s)
    s = re.sub(r"\s*[?.!,;:]+\s*$", "", s)
    s = _SPACES.sub(" ", s).strip(" \"'`-,")
    toks = s.split(" ")
    if len(toks) > MAX_WORDS:
        s = " ".join(toks[:MAX_WORDS])
    return s[:1].upper() + s[1:] if s else s


_EMOTION_ONLY = re.compile(
    r"\b(?:love|fan|great|awesome|amazing|thanks?|appreciate|frustrat\w*|fed up|ridiculous|unacceptable|"
    r"annoy\w*|terrible|useless|disappoint\w*|helpful|happy|sad|angry|first of all)\b",
    re.I,
)


def request_sentence(user_turns: list[str]) -> str | None:
    """The sentence that carries the user's request: first with a request cue, else first substantive.

    Sentences that only express a feeling ("Big fan of the product!") are a last resort.
    """
    first_substantive = None
    emotional = None
    for turn in user_turns[:3]:
        for sent in sentences(turn):
            core = _LEAD_FILLER.sub("", _GREETING.sub("", sent)).strip()
            if not core or _NON_REQUEST.match(core) or not content_words(core):
                continue
            if _REQUEST_HINT.search(core):
                return core
            if _EMOTION_ONLY.search(core) and len(content_words(core)) <= 6:
                emotional = emotional or core
                continue
            if first_substantive is None:
                first_substantive = core
        if first_substantive is not None:
            return first_substantive
    return first_substantive or emotional


def summarize_task(user_turns: list[str]) -> str | None:
    """Normalized intent statement, or None when the user never asked anything."""
    sent = request_sentence(user_turns)
    if sent is None:
        return None
    out = normalize_request(sent)
    if len(content_words(out)) == 0:  # the frame swallowed everything: keep the raw request
        out = " ".join(sent.split()[:MAX_WORDS]).rstrip("?.!")
    return out or None
