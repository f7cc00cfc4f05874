"""Questions read as names: "Why hasn't my card arrived" -> "Card hasn't arrived".

Users ask; a name states. A span of a question cannot hold its predicate without the question
word or the auxiliary ("[How long does a] transfer take", "[Why was I] charged a fee"), and a
name may not start with either, so the part that sets a topic apart from its siblings is lost.
`question_names` rewrites a question clause into the statement it presupposes, by general
English rules (the auxiliary after its subject, a pronoun subject dropped, "how long" as "time",
"how much ... cost" as "cost"); the namer scores the result beside the clause's own spans.
"""

from __future__ import annotations

from tracetopics_pipeline.core.topics.labels.words import COMMON_VERBS, FUNCTION_WORDS

_BE = frozenset("is are was were".split())  # noqa: SIM905
# Negated auxiliaries: after their subject in a statement ("Card hasn't arrived"); before it, a
# question ("Can't I transfer").
NEGATED_AUX = frozenset(
    """isn't aren't wasn't weren't don't doesn't didn't hasn't haven't hadn't can't cannot
    won't wouldn't couldn't shouldn't""".split()  # noqa: SIM905
)
_DO = frozenset("do does did".split())  # noqa: SIM905
_ASK_AUX = frozenset("do does did will would can could should is are".split())  # noqa: SIM905
# the user as a subject: not in a name
_DROP_SUBJECT = frozenset("i we you they".split())  # noqa: SIM905
_LEADING = frozenset("a an the my our your their this these those any some there".split())  # noqa: SIM905
# Verbs a question's subject is followed by, beyond the common ones (`COMMON_VERBS`): states and
# events of things ("Why did my payment fail", "Why does my card keep ...").
_EVENT_VERBS = frozenset(
    """fail work arrive come go appear show keep stop happen decline bounce load process clear
    cost charge stay remain need get let allow accept support say look seem finish complete
    start respond sync save print refresh render reply match""".split()  # noqa: SIM905
)
EVENT_VERBS = _EVENT_VERBS  # what things do: a name stating one is a clause
_VERBS = COMMON_VERBS | _EVENT_VERBS
_PAST = {
    "go": "went", "come": "came", "get": "got", "take": "took", "make": "made", "give": "gave",
    "pay": "paid", "send": "sent", "say": "said", "keep": "kept", "show": "showed",
    "stop": "stopped", "top": "topped", "find": "found", "buy": "bought", "see": "saw",
    "let": "let", "set": "set", "put": "put", "do": "did", "have": "had", "lose": "lost",
    "leave": "left", "hold": "held", "run": "ran", "withdraw": "withdrew", "know": "knew",
}  # fmt: skip
# Words the rewrites bring that a text need not hold: "how long" is asked as "time", "how much
# ... cost" as "cost" (`support.word_support` counts them for texts that ask so).
ASKED_AS = {"how long": "time", "how much": "cost"}


def _past(verb: str) -> str:
    if verb in _PAST:
        return _PAST[verb]
    if verb.endswith("e"):
        return verb + "d"
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        return verb[:-1] + "ied"
    return verb + "ed"


def _third(verb: str) -> str:
    if verb.endswith(("s", "sh", "ch", "x", "o")):
        return verb + "es"
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"


def _strip(words: list[str]) -> list[str]:
    while words and words[0] in _LEADING:
        words = words[1:]
    return words


_PARTICIPLES = frozenset(
    "gone been got gotten sent paid come done made taken given shown seen kept left".split()  # noqa: SIM905
)
_VERB_GLUE = frozenset({"get", "make", "let"})  # function words that are verbs after a subject


def _verb_form(word: str, form: str) -> bool:
    if form == "base":
        return word in _VERBS
    return word in _PARTICIPLES or word.endswith(("ed", "ing")) or word in _VERBS


def _subject(words: list[str], form: str = "base") -> tuple[list[str], list[str]]:
    """The subject (1-3 content words, "top up" whole) and its predicate, cut before the last
    word of the run that can be the verb (`form`: "base" after do/can/won't, "participle" after
    has/is): "money transfer go through" -> money transfer | go through. ([], words) when there
    is no verb in the run."""
    words = _strip(words)
    run = 0
    while run < min(len(words), 4) and (
        words[run] not in FUNCTION_WORDS
        or words[run] in _VERB_GLUE
        or (run and words[run] == "up")
        or words[run] in NEGATED_AUX
    ):
        run += 1
    at = [j for j in range(1, run) if _verb_form(words[j], form) and words[j] != "up"]
    if not at or words[0] in FUNCTION_WORDS:
        return ([], words)
    return words[: at[-1]], words[at[-1] :]


def _subject_of(words: list[str], verbs: tuple[str, ...]) -> tuple[list[str], list[str]]:
    """The subject before the first of `verbs` ("a European transfer take" -> European
    transfer), 1-3 content words; ([], words) when there is none."""
    words = _strip(words)
    k = next((j for j, w in enumerate(words[:4]) if w in verbs), 0)
    if not k or any(w in FUNCTION_WORDS and w != "up" for w in words[:k]):
        return ([], words)
    return words[:k], words[k:]


def _rewrite(low: list[str]) -> list[str]:
    if len(low) < 3:
        return []
    if low[:2] == ["how", "long"]:
        return _how_long(low[2:])
    if low[:2] == ["how", "much"]:
        return _how_much(low[2:])
    why = low[0] == "why"
    rest = low[1:] if low[0] in ("why", "when", "where") else low
    if len(rest) < 2:
        return []
    aux, rest = rest[0], rest[1:]
    if aux in _BE:  # "Why is my payment still pending" -> "Payment still pending"
        if rest[0] == "it":
            return []
        if rest[0] in _DROP_SUBJECT:  # "Why was I charged a fee" -> "Charged a fee"
            rest = rest[1:]
        return _strip(rest)
    if aux in NEGATED_AUX:  # "Why hasn't my card arrived" -> "Card hasn't arrived"
        if rest[0] in _DROP_SUBJECT:  # "Why can't I top up" -> "Can't top up"
            return [aux, *rest[1:]]
        form = (
            "participle" if aux[:3] in ("has", "hav", "had", "isn", "are", "was", "wer") else "base"
        )
        subject, after = _subject(rest, form)
        return [*subject, aux, *after] if subject else []
    if aux in _DO and why:  # the fact a "why" question takes as given
        if rest[0] in _DROP_SUBJECT:  # "Why did I get charged twice" -> "Got charged twice"
            verb = rest[1:2]
            return [_past(verb[0]), *rest[2:]] if verb and aux == "did" else rest[1:]
        subject, after = _subject(rest)
        if not subject or not after or after[0] not in _VERBS:
            return []
        verb = {"did": _past, "does": _third}.get(aux, lambda v: v)(after[0])
        return [*subject, verb, *after[1:]]  # "Why did my top up fail" -> "Top up failed"
    return []


def _how_long(rest: list[str]) -> list[str]:
    """ "How long until my transfer arrives" -> "Time until transfer arrives"; "How long does
    a transfer take" -> "Transfer time"; "How long will it take for the card to arrive" ->
    "Time for card to arrive"."""
    if rest[0] in ("until", "till", "before"):
        return ["time", *rest]
    if rest[0] in _ASK_AUX:
        rest = rest[1:]
    if rest[:1] == ["it"] and len(rest) > 1 and rest[1] in ("take", "takes"):
        after = rest[2:]
        if after[:1] == ["for"]:
            subject, tail = _subject_of(after[1:], ("to",))
            return ["time", "for", *subject, *tail] if subject and tail[:1] == ["to"] else []
        return ["time", *after] if after[:1] == ["to"] else []
    subject, after = _subject_of(rest, ("take", "takes"))
    if not subject:
        return []
    if after[1:2] == ["to"]:  # "How long will my card take to arrive"
        return ["time", "for", *subject, *after[1:]]
    return [*subject, "time"] if len(after) == 1 else []


def _how_much(rest: list[str]) -> list[str]:
    """ "How much does an international transfer cost" -> "Cost of international transfer";
    "How much will it cost to order a card" -> "Cost to order a card"."""
    if not rest or rest[0] not in _ASK_AUX:
        return []
    rest = rest[1:]
    if rest[:2] in (["it", "cost"], ["it", "costs"]) and rest[2:3] == ["to"]:
        return ["cost", *rest[2:]]
    subject, after = _subject_of(rest, ("cost",))
    return ["cost", "of", *subject] if subject and after == ["cost"] else []


def question_names(low: list[str]) -> list[str]:
    """The statement a question clause (lower-cased words) presupposes, or [] when it is not
    a question these rules read: "why is my payment still pending" -> payment still pending;
    "why didn't my transfer go through" -> transfer didn't go through; "is there a fee for
    transfers" -> fee for transfers; "how long does a transfer take" -> transfer time."""
    return _rewrite([w for w in low if w])


# Asking for something the other side holds ("your DPA", "your W-9"): where it is, or to get,
# send or share it. The request names the object; a reason given with it ("Legal needs it
# before we sign") does not name the topic.
_WHERE = (["where's"], ["wheres"], ["where", "is"], ["where", "are"], ["where", "can", "i", "find"],
          ["where", "can", "we", "find"], ["where", "do", "i", "find"], ["where", "do", "we", "find"])  # fmt: skip
_ASK_GET = frozenset("get have see receive obtain download".split())  # noqa: SIM905
_ASK_SEND = frozenset("send share provide forward email".split())  # noqa: SIM905
REQUEST_WORD = "request"  # what a text asking for an object says (`support.text_stems`)
MAX_OBJECT = 3  # words of the object asked for


def asked_for(low: list[str]) -> list[str]:
    """The object a clause (lower-cased words) asks the other side for, [] when it asks for
    none: "where's your DPA" -> dpa; "can we get your W-9" -> w-9; "could you send us your SOC 2
    report" -> soc 2 report; "please share your security questionnaire" -> security
    questionnaire. Only "your" things: "where's my card" asks where a delivery is, not for it."""
    low = [w for w in low if w]
    if low[:1] == ["please"]:
        low = low[1:]
    rest: list[str] = []
    for w in _WHERE:
        if low[: len(w)] == w:
            rest = low[len(w) :]
            break
    else:
        if len(low) > 2 and low[0] in _ASK_AUX | {"could", "may"} and low[1] in ("i", "we"):
            rest = low[3:] if low[2] in _ASK_GET else []
        elif len(low) > 2 and low[0] in ("can", "could", "would", "will") and low[1] == "you":
            rest = low[3:] if low[2] in _ASK_SEND else []
        elif low and low[0] in _ASK_SEND:
            rest = low[1:]
        if rest[:1] in (["me"], ["us"]):
            rest = rest[1:]
    if rest[:1] != ["your"]:
        return []
    obj: list[str] = []
    for w in rest[1:]:
        if w in FUNCTION_WORDS or w in _VERBS or len(obj) == MAX_OBJECT:
            break
        obj.append(w)
    whole = obj and len(obj) == len(rest) - 1 and not obj[-1].endswith("ed")  # "... located"
    return obj if whole else []


def negated_opening(low: list[str]) -> int:
    """Where a negated question's auxiliary stands ("why hasn't my parcel arrived" -> 1), when
    `question_names` reads it; -1 otherwise. The words after it state the opposite without it
    ("parcel arrived"): only the statement may name the topic."""
    k = 1 if low[:1] in (["why"], ["when"], ["where"]) else 0
    return k if len(low) > k and low[k] in NEGATED_AUX and question_names(low) else -1
