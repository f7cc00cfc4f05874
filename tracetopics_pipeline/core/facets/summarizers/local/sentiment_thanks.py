"""Sincere, emphatic thanks after the agent did something: satisfaction, not politeness.

Issue 14, twentieth pass (held-out batch 19). Politeness is not satisfaction: "thanks, bye", "ok
thank you", "that's all" close most conversations and stay NEUTRAL. The earlier passes kept every
thanks below the POSITIVE threshold, so sincere, emphatic thanks after a fix read NEUTRAL too
("Great, thank you so much!", "perfect thx!!", "wow, thanks, that was quick"). The line drawn here:
the user's last turn thanks the agent with at least two marks of emphasis (an evaluative word,
intensified thanks, an exclamation, a word on how quick it was), asks nothing, reports no problem,
and answers an agent turn that did what was asked: not one that could not do it, sent the user
elsewhere or handed them on ("I can't change names on tickets, I'll pass you to a colleague":
thanks for that are no satisfaction). A single mark ("Great, thanks.", "thank you so much, have a
nice evening", "Appreciate the quick reply, bye.") stays politeness. Sarcasm, frustration in the
same conversation and thanks in advance are left to the rules in sentiment.py (the caller).
"""

from __future__ import annotations

import re

from tracetopics_pipeline.core.facets.summarizers.local.success import CHEER_EMOJI
from tracetopics_pipeline.core.facets.summarizers.local.text import (
    THANKS_PLAIN,
    THANKS_STRONG,
    any_of,
)

# An evaluative word: "great", "perfect", "wow" (not "nice", "cool", "ok": routine).
_EVALUATIVE = any_of(
    r"great|perfect|awesome|amazing|excellent|brilliant|brill|fantastic|wonderful|super|superb|"
    r"terrific|splendid|marvell?ous|fab(?:ulous)?|lovely|wow+|outstanding|incredible|phenomenal|"
    # the same verdicts in the languages of the thanks table (text.py)
    r"parfait|génial|genial|formidable|toll|prima|klasse|perfekt|perfecto|perfetto|perfeito|"
    r"excelente|eccellente|ótimo|otimo|fantástico|fantastico|fantastisch|"
    # text-speak delight: "omg tysm", "yay thank you"
    r"omg+|yay+"
)
# Delight or gratitude in an emoji ("tysm 🙏", "thank youuu ❤️", "yay ty 🎉"): a mark of emphasis
# like "!". The cheer emoji of success.py, the folded hands and hearts that stress thanks; not 👍,
# 👌 or 🙂 (an acknowledgement, a routine smile).
_EMPHATIC_EMOJI = CHEER_EMOJI | frozenset("🙏💕💖💗🤗")
# Thanks made stronger: "so much", "a million", "really appreciate", "thank youuu", "tysm".
_INTENSE_THANKS = any_of(
    r"(?:thanks?|thx|ty|thank\s*(?:you|u|ya))\s+(?:so+\s+)+much|"
    r"(?:thanks?|thx|ty|thank\s*(?:you|u))\s+(?:a\s+)?(?:million|ton|bunch|thousand|heaps|"
    r"loads)|tysm|ty\s*vm|many\s+many\s+thanks|a\s+(?:million|thousand)\s+thanks|"
    r"(?:really|truly|so|greatly|hugely|genuinely|sincerely|very\s+much)\s+appreciated?|"
    r"much\s+appreciated|appreciate\s+(?:it|that|this|you|your\s+\w+)\s+(?:so\s+much|a\s+lot|"
    r"very\s+much|greatly|hugely|loads)|thank\s*(?:you|u)u+|thanks{2,}|thankyou+u|"
    # other languages and text-speak ("merci beaucoup", "vielen Dank", "tysm"), and thanks said
    # over again ("ty ty ty", "thanks thanks", "merci merci")
    + THANKS_STRONG
    + r"|(?P<again>thanks?|thx|ty|"
    + THANKS_PLAIN
    + r")(?:\W+(?P=again)\b)+"
)
_CAPS_THANKS = re.compile(r"\bTHANK(?:S|\s+YOU|\s+U)\b|\bTHX\b")
# How it went: "that was quick", "you were so fast".
_HOW_IT_WENT = any_of(
    r"(?:that|this|it|you)(?:'s| was| were| is)\s+(?:so\s+|really\s+|super\s+|very\s+|"
    r"incredibly\s+|lightning\s+)?(?:quick|fast|speedy|prompt|easy|painless)"
)
# Not emphasis: a word negated ("not great"), a wish ("have a great day"), thanks in advance.
_NEGATED = re.compile(r"\b(?:not|no|never|hardly)\s+(?:\w+\s+)?$", re.I)
_WISHED = re.compile(r"\b(?:have|had|having|enjoy|wish you)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?$", re.I)
_IN_ADVANCE = any_of(
    r"in advance|ahead of time|beforehand|d['’]avance|par avance|im voraus|vorab|de antemano|"
    r"por adelantado|in anticipo|antecipadamente|desde já"
)
# The closing formula: a farewell, "that's all", thanks "for your help": the ritual of ending a
# conversation takes one mark back ("Thank you so much! That's all. Bye!" is how it ends).
_CLOSING_FORMULA = any_of(
    r"bye|goodbye|good ?night|take care|cheerio|see you|talk (?:to you )?(?:later|soon)|"
    r"have an? (?:\w+ )?(?:day|night|evening|one|weekend|week|time|trip|stay|afternoon|morning)|"
    r"(?:that's|thats|that is|that'll be|thatll be|that will be|that was|it's|that should be) "
    r"(?:all|everything|it)\b|"
    r"all (?:i|we) (?:need|needed|wanted)|nothing (?:else|more)|takes? care of (?:everything|it all)|"
    r"for (?:all )?(?:of )?(?:your|the) (?:kind )?(?:help|assistance|time|support)",
)


_THANKED = any_of(
    r"thanks?|thank\s*(?:you|u|ya)\w*|appreciat\w*|" + THANKS_STRONG + "|" + THANKS_PLAIN
)


def _unnegated(rx: re.Pattern[str], text: str) -> bool:
    return any(
        not _NEGATED.search(before := text[max(0, m.start() - 16) : m.start()])
        and not _WISHED.search(before)
        for m in rx.finditer(text)
    )


def emphasis(turn: str) -> int:
    """How many marks of emphasis a thanks turn carries (each kind counted once), less one for
    the closing formula."""
    if not _THANKED.search(turn):
        return 0  # no thanks: other rules read praise and delight
    if _IN_ADVANCE.search(turn):
        return 0
    marks = [
        _unnegated(_EVALUATIVE, turn),
        bool(_INTENSE_THANKS.search(turn) or _CAPS_THANKS.search(turn)),
        "!" in turn,
        any(ch in _EMPHATIC_EMOJI for ch in turn),
        _unnegated(_HOW_IT_WENT, turn),
    ]
    return sum(marks) - bool(_CLOSING_FORMULA.search(turn))


def emphatic_thanks(turn: str) -> bool:
    """Thanks with at least two marks of emphasis ("Great, thank you so much!", "perfect thx!!",
    "wow thank u so much, that was fast"), not one ("Great, thanks.", "Thank you so much, bye!")."""
    return emphasis(turn) >= 2


# The agent could not do it, sent the user elsewhere or handed them on: thanks for that are
# politeness ("I'm sorry, I can't change names on tickets", "Please call 0800 ...", "Let me
# transfer you to billing", "a member of our team will contact you", "try again later").
_PASSED_ON = any_of(
    r"(?:can't|cannot|can not|couldn't|could not|unable to|not able to|wasn't able to|won't be able "
    r"to)|(?:don't|do not) have (?:access|the ability|permission)|no access to|"
    r"unfortunately|i'm afraid|i am afraid",
    r"(?:transfer|pass|put|connect|hand|forward|refer|redirect)(?:ring|ing|red|ed|ting|s)? (?:you |this |"
    r"your \w+ )?(?:on |over |through )?to|"
    r"(?:colleague|member of (?:our|the) (?:\w+ )?team|specialist|(?:human|live) agent|someone|"
    r"representative|team) (?:who can|will (?:contact|call|email|e-mail|be in touch|get back|reach "
    r"out|follow up))|"
    r"please (?:call|phone|ring|contact|check with|reach out to|email|e-mail|visit|try again)|"
    r"try again later",
)


def passed_on(agent_turn: str) -> bool:
    """The agent's turn says it could not do what was asked, or sends the user elsewhere."""
    return bool(_PASSED_ON.search(agent_turn.replace("’", "'")))


# What thanks can leave open: a status read off a screen with no word on whether it is the one
# wanted ("Thanks a bunch!! Now it shows as cancelled.", "thx!! status: queued", "it now says
# 'pending'"), or hope that the fix lasts ("Fingers crossed it sticks this time", "hopefully it
# won't happen again"). Either way the user has not said the outcome is what they wanted; a
# confirmation in the same turn ("it shows as cancelled, exactly what I needed", "that did it")
# is read by the caller's own rules.
_STATUS_READ = re.compile(
    r"\b(?:shows?|showing|says?|saying|reads?|reading|displays?|displaying|lists?|listing|listed|"
    r"marked|flagged|affiche|indique|zeigt|muestra|mostra)\b(?:\s+(?:it|them|me|us|this|that))?(?:\s+up)?(?:\s+(?:as|now))*\s*(?:['\"‘“][^'\"’”\n]{1,40}['\"’”]|"
    # a verdict is no bare status: "it shows correctly now", "everything displays fine"
    r"(?!(?:thanks?|thank|hi|hello|yes|no|now|correct(?:ly)?|right|fine|proper(?:ly)?|ok(?:ay)?|"
    r"normal(?:ly)?|good|perfect(?:ly)?|as expected)\b)[\w-]+(?:\s+[\w-]+)?"
    r"(?=\s*(?:[.!,;)]|\bnow\b|\bat the moment\b|\bfor now\b|$)))|\bstatus\s*[:=]\s*\S",
    re.I,
)
_HOPE_IT_LASTS = any_of(
    r"fingers crossed|cross(?:ing)? (?:my |our )?fingers|touch wood|knock on wood|time will tell|"
    r"we(?:'ll| will) see|"
    r"(?:hop(?:e|ing)|hopefully|pray(?:ing)?)(?: that)? (?:it|this|that|they|the \w+)(?:'ll| will| "
    r"won't| will not| doesn't| does not| keeps?| stays?| holds?| sticks?| lasts?| works?| is| "
    r"remains?)\b",
)


# A hope, to the end of its clause: "Hopefully it won't happen again", "let's hope that doesn't
# crash again", "fingers crossed it doesn't expire on me". Its bad words are what the user hopes
# stays away, not bad news (sentiment.py's sarcasm reads a cheerful opener before bad news).
_HOPE_CLAUSE = re.compile(
    r"\b(?:hop(?:e|es|ing|efully)|fingers crossed|cross(?:ing)? (?:my |our )?fingers|touch wood|"
    r"knock on wood|pray(?:ing)?)\b[^.!?;\n]*?(?=[.!?;\n]|,?\s+(?:but|now|and now|yet|though|only)\b|$)",
    re.I,
)


def without_hopes(turn: str) -> str:
    """The turn with each hope clause blanked (same length: offsets into it still hold)."""
    return _HOPE_CLAUSE.sub(lambda m: " " * len(m.group(0)), turn)


def leaves_open(turn: str) -> bool:
    """The thanks come with a bare status read off a screen, or hope that the fix lasts, or 🤞."""
    # a verdict after the status confirms it: "It says paid now, perfect."
    read = any(not _EVALUATIVE.search(turn, m.end()) for m in _STATUS_READ.finditer(turn))
    return "🤞" in turn or read or bool(_HOPE_IT_LASTS.search(turn))
