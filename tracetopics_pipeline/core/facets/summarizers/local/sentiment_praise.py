"""Praise of a named thing, and thanks or praise that a persisting problem makes ironic.

Issue 14, nineteenth pass (held-out batch 18). Two readings the rules in sentiment.py lacked:

- **A verdict on a named thing.** "The new bulk-edit tool is brilliant", "loving the calendar
  sync", "the PDF export works beautifully", "your onboarding videos are superb": the user praises
  a feature, a document, a team or an integration by its name. sentiment.py reads praise of the
  agent ("you're a star") and of a bare "this" ("this is absolutely brilliant"), not of a noun
  phrase. Not a verdict of the user's: a question ("is the Slack integration any good?"), a wish
  ("the export would be great if ..."), what others say ("a friend says Trello's calendar view is
  brilliant", "according to my sister"), another maker's thing by its possessive ("Revolut's
  vaults are amazing"), the past ("the old editor was great") and praise beside a problem in the
  same turn (a polite complaint: "the staff are lovely, but the app crashes").
- **Mock thanks.** Praise of the answer, or hyperbole ("truly life-changing", "a gem of wisdom",
  "never would have thought of that"), in a turn that says the problem persists or rebuts the
  advice ("still frozen", "I still want my money back", "that's why I'm telling you it doesn't
  work", "I AM on the latest version"): read literally the turn contradicts itself, so the praise
  is ironic. Not when the turn says how both are true (a contrast: "great answer, but it still
  fails" is a polite "didn't help", which sentiment.py reads already; the problem undone).
"""

from __future__ import annotations

import re

from tracetopics_pipeline.core.facets.summarizers.local.text import any_of

# The thing praised: a determiner, then one to four words ("the new bulk-edit tool", "your SSO
# guide", "the appointment reminder texts").
_NAMED = (
    r"(?:the|your|this|these|our|that|those)\s+(?:new |latest |updated |improved )?"
    r"(?!(?:one|way|fact|thing|answer|reply|response)\b)(?:[\w'-]+\s+){0,3}?[\w'-]+"
)
_COPULA = r"(?:is|are|was|were|'s|has been|have been|looks?|feels?|seems?)"
_INTENS = (
    r"(?:(?:really|very|so+|super|absolutely|truly|just|simply|genuinely|honestly|incredibly|"
    r"seriously|pretty|totally|such an?|an? (?:absolute|total|real))\s+)"
)
# Strong on their own; the weak ones ("handy", "good", "useful") only after an intensifier.
_STRONG = (
    r"brilliant|excellent|superb|fantastic|amazing|awesome|wonderful|gorgeous|genius|outstanding|"
    r"incredible|terrific|stellar|phenomenal|spot on|top[- ]notch|first[- ]class|fab(?:ulous)?|"
    r"a game ?changer|game[- ]changing|a life ?saver|a godsend|a joy|a delight|a dream|"
    r"a (?:huge|massive|big) (?:improvement|help|step up)|exactly what (?:i|we) needed"
)
_WEAK = r"handy|good|great|useful|helpful|nice|clear|easy|intuitive|slick|smooth|well done|lovely"
_VERDICT = any_of(
    _NAMED + r"\s+" + _COPULA + r"\s+" + _INTENS + r"*(?:" + _STRONG + r")\b",
    _NAMED + r"\s+" + _COPULA + r"\s+" + _INTENS + r"+(?:" + _WEAK + r")\b",
    _NAMED + r"\s+(?:works?|worked|runs?|ran)\s+(?:(?:so|really|just|absolutely) )?(?:beautifully|"
    r"like a (?:charm|dream)|a treat|flawlessly|brilliantly|wonderfully|perfectly|great|"
    r"really well|so well|seamlessly)",
    r"(?:loving|love|adore|adoring|really (?:like|enjoy|enjoying|digging)|enjoying|digging|"
    r"(?:big|huge|massive) fan of)\s+" + _NAMED,
)
# Not the user's verdict now: what someone else says, a wish, the past, another maker's thing.
_HEARSAY = any_of(
    r"(?<!to )says?|said|saying|according to|raves?|raving|apparently|reportedly|supposedly|"
    r"reviews?|"
    r"(?:i|we) (?:heard|hear|read)|people|everyone|everybody|they say|told me|tells me",
)
_WISH = any_of(r"would|wish|hope|if|could|should|once|when|'d be|will be|going to be")
_PAST = any_of(r"used to|old|previous|former|back when|before|last (?:year|version|one)")
_POSSESSIVE_BRAND = re.compile(r"\b(?-i:[A-Z][\w-]+)'s\b")
_NEGATION = re.compile(r"\b(?:not|no|never|hardly)\b|n't\b", re.I)
_SENTENCES = re.compile(r"[^.!?\n]+[.!?\n]*")


def praises_named(turn: str, *, problem: bool = False) -> bool:
    """A sentence of the turn praises a named thing as the user's own verdict now. `problem`:
    the turn reports a problem too (a polite complaint is not praise)."""
    if problem:
        return False
    for sentence in _SENTENCES.findall(turn):
        if "?" in sentence or not (m := _VERDICT.search(sentence)):
            continue
        if any(rx.search(sentence) for rx in (_HEARSAY, _WISH, _PAST)):
            continue
        if _POSSESSIVE_BRAND.search(sentence) or _NEGATION.search(sentence[: m.end()]):
            continue
        return True
    return False


# --- mock thanks -------------------------------------------------------------------------------

# Praise of the answer or the help, and praise words said of nothing in particular.
_PRAISE_OF_ANSWER = any_of(
    r"(?:brilliant|great|excellent|amazing|fantastic|superb|wonderful|perfect|stellar|top|"
    r"awesome|super|helpful|useful|precise|insightful|informative) (?:answer|advice|reply|response|"
    r"tip|suggestion|idea|help|support|service|info|information|explanation)s?\b",
    r"(?:very|so|super|really|most|such a|how|ever so) (?:helpful|useful|insightful|informative|"
    r"reassuring|enlightening)",
)
# Hyperbole a plain answer does not earn: read as irony beside a persisting problem.
_HYPERBOLE = any_of(
    r"life[- ]?changing|ground[- ]?breaking|revolutionary|mind[- ]?blowing|earth[- ]?shattering|"
    r"what a revelation|such a revelation|(?:as|like) always|as usual",
)
# Irony whatever else the turn says (after an answer).
_MOCK = any_of(
    r"(?:gem|pearl|nugget)s? of wisdom|words of wisdom|captain obvious|thanks?,? sherlock|"
    r"(?:i )?never would(?:'ve| have) (?:thought|guessed)|(?:i )?would never have (?:thought|"
    r"guessed)|who(?: would(?:'ve| have))? (?:knew|thought)|stop the press(?:es)?|well,? duh",
)
# The problem persists, or the user rebuts the advice: "still frozen", "I still want my money
# back", "that's why I'm telling you", "I already did", "I AM on the latest version".
_PERSISTS = any_of(
    r"still (?:not|no|n't|can't|cannot|won't|doesn't|isn't|aren't|broken|frozen|stuck|missing|"
    r"the same|down|failing|crashing|waiting|want|wants|need(?! to)|have (?:no|the same)|"
    r"(?:don't|do not|can't) )",
    r"(?:doesn't|does not|don't|didn't|isn't|won't|can't) (?:\w+ )?(?:work|run|load|open|sync|"
    r"arrive|show)\b",
    r"(?:that's|that is|which is) (?:exactly )?(?:why|the (?:whole )?(?:problem|point|issue))|"
    r"(?:i|i've|i have) (?:already|just) (?:did|done|tried|said|told|checked|typed|entered|"
    r"restarted|rebooted|reinstalled|updated|followed|read|cleared|reset)|already (?:tried|did|"
    r"done|checked)",
)
_EMPHATIC_REBUT = re.compile(r"\bI (?:AM|DID|DO|HAVE|WAS)\b|\b(?:NOT|DID)\b")
# "X though" closing a clause is the ironic shrug ("great advice though"), not a contrast.
_CONTRAST = any_of(r"but|though(?!\s*[,.!;]|\s*$)|although|however|unfortunately|sadly")
_UNDONE = any_of(
    r"works? (?:now|again|fine|perfectly)|working (?:now|again)|fixed|sorted|solved|resolved|"
    r"no longer|any ?more",
)


def mock_thanks(turn: str, *, answered: bool) -> bool:
    """Praise of the answer, or hyperbole, made ironic by a persisting problem or a rebuttal in the
    same turn; or a stock mockery ("a gem of wisdom"). `answered`: an agent turn came before."""
    if not answered:
        return False
    if _MOCK.search(turn):
        return True
    if _CONTRAST.search(turn) or _UNDONE.search(turn):
        return False
    praise = _PRAISE_OF_ANSWER.search(turn) or _HYPERBOLE.search(turn)
    return bool(praise and (_PERSISTS.search(turn) or _EMPHATIC_REBUT.search(turn)))
