"""Is what is left of a request a bare noun phrase ("a refund for order 123") or a full clause
("the export button is greyed out")? No parser: word shapes around the phrase's head.

The Task summary gives a verb back to a bare noun phrase whose verb a request frame took ("I
need a refund" -> "Get a refund"); a clause keeps its own verb and is left as written. Which
signals count depends on what governed the phrase:

- after an object-taking frame ("I need", "looking for", "I'd like") the phrase is the
  frame's object, so only closed-class words show a clause (is, did, can't, won't, not,
  never); a plural or participle after a noun is part of the object ("two bus tickets",
  "the card blocked");
- after a greeting, filler or "following up:" the phrase is the user's own sentence, so a
  verb form after its head counts too: -s/-ed/irregular past after a noun ("the sync fails",
  "the Slack bot stopped posting", "the card on file expired").
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DETERMINERS = _words(
    "a an the some another any this that these those each every no all both my our your his "
    "her their its one two three four five six seven eight nine ten new more other same few "
    "many several last next first second old extra"
)
_PREPOSITIONS = _words(
    "of for in on at to from with without by about into onto over under after before during "
    "per via as than like near between across through within around against along behind "
    "beyond off up down out towards toward besides and or but plus nor"
)
# A subject pronoun inside the phrase opens a relative clause ("the card I ordered"): the
# verb after it is that clause's, not the phrase's.
_SUBJECTS = _words("i we you they he she it")
# Adverbs that sit between a subject and its verb ("the chart just shows a spinner").
_ADVERBS = _words(
    "still just always already suddenly randomly sometimes often constantly now also "
    "again even only recently finally really literally apparently currently totally"
)
# Finite auxiliaries, copulas, modals and negation: a clause whatever governed the phrase.
_FINITE = _words(
    "is are was were am has have had do does did can could will would shall should may might "
    "must cannot not never"
)
_NOUN_MODALS = _words("can will may must might")
# Simple past forms that are not also the usual participle or noun ("went", not "sent").
_IRREGULAR_PAST = _words(
    "went came became took broke gave ran fell froze began wrote grew forgot got kept stuck "
    "said told left lost hung shut disappeared"
)
_NOT_PAST = _words("hundred kindred embed naked wicked sacred rugged beloved")
# Plural-noun endings: "the user permissions", "the bank statements" are not verbs unless an
# object follows ("the app prevents me").
_NOUN_PLURAL = re.compile(
    r"(?:tion|sion|ment|ness|ity|ship|ist|ism|ing|er|or|ant|ent|ure|age|ance|ence|ee|ic)s$"
)
_OBJECTS = _words("me us him them you a an the my our your any no")
# Where the main clause ends: clause punctuation or an adverbial subordinator ("alerts when a
# metric drops": the verb after "when" is not the phrase's).
_CUT = re.compile(
    r"[,;:.?!]|\s[-–—]+\s|\b(?:when|whenever|if|because|since|while|until|unless|although|"
    r"though|whereas|so that)\b",
    re.I,
)
_TOKEN = re.compile(r"[\w$€£#@/.'’-]+")


# After a frame, the object ends where another clause opens: a relative or wh-clause ("a
# restaurant that is cheap", "a reason why my transfer failed"), a second verb of the frame's
# subject ("a refund and would like ...") or a run-on sentence ("a field I'm not the admin").
_OBJECT_ENDS = _words("that which who whose whom where what why how whether and or but so then nor")


def _norm(token: str) -> str:
    return token.lower().replace("’", "'").strip(".")


def _is_past(word: str) -> bool:
    """A simple past or participle ("failed", "stopped", "expired"): after a noun, an -ed word
    is a verb, bar a few adjectives and nouns that end so."""
    if word in _IRREGULAR_PAST:
        return True
    return (
        len(word) >= 5
        and word.endswith("ed")
        and not word.endswith("eed")
        and (word not in _NOT_PAST)
    )


def _is_present(word: str, nxt: str) -> bool:
    """A third-person -s form ("fails", "shows", "takes"), not a plural noun head."""
    if len(word) < 4 or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return False
    return not _NOUN_PLURAL.search(word) or nxt in _OBJECTS


def is_bare_noun_phrase(text: str, *, object_of_frame: bool) -> bool:
    """True when `text` (starting with a determiner) has no finite verb after its head.

    `object_of_frame`: the phrase was a request frame's object ("I need <the phrase>"), so
    only closed-class words show a clause; otherwise verb forms after a noun do too.
    """
    main = _CUT.split(text, maxsplit=1)[0]
    raw = _TOKEN.findall(main.lower() if main.isupper() else main)  # "THE APP IS DOWN"
    toks = [_norm(t) for t in raw]
    prev = toks[0] if toks else ""  # the last word before this one that is not an adverb
    prev_subject = False  # "the card I ordered": the verb after a subject is its clause's
    for i in range(1, len(toks)):
        tok, word = raw[i], toks[i]
        lower = tok == tok.lower()  # "May", "Teams", "KPIs" are names, not verbs
        # "the will", "a can of": a determiner makes a noun; "to not be" is not finite.
        closed = prev != "to" and not (word in _NOUN_MODALS and prev in _DETERMINERS)
        subject = word.split("'")[0] in _SUBJECTS  # "I", "we're", "it's"
        if object_of_frame and (subject or word in _OBJECT_ENDS):
            return True
        if lower and closed and (word in _FINITE or word.endswith("n't")):
            return False
        if word in _ADVERBS or (word.endswith("ly") and len(word) > 4):
            continue
        after_noun = prev not in _DETERMINERS | _PREPOSITIONS and not prev_subject
        if not object_of_frame and lower and after_noun:
            nxt = toks[i + 1] if i + 1 < len(toks) else ""
            if _is_past(word) or _is_present(word, nxt):
                return False
        prev, prev_subject = word, subject
    return True
