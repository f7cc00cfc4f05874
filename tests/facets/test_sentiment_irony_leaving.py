"""Single-turn sarcasm (sentiment_irony.py) and cancel talk by its parts (sentiment_leaving.py).
Phrasings written for this test, in domains and words the robustness set's batches do not use;
each with look-alikes that must not fire."""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.facets.summarizers.local.sentiment import classify, signals
from tracetopics_pipeline.core.facets.summarizers.local.sentiment_irony import ironic_praise
from tracetopics_pipeline.core.facets.summarizers.local.sentiment_leaving import leaving, meant


def _label(*user_turns: str) -> str:
    users = ["I have a question about my order.", *user_turns]
    agent = ["Sure, what is it?"] * len(users)
    dialogue = [x for pair in zip((("user", u) for u in users), (("assistant", a) for a in agent),
                                  strict=True) for x in pair]  # fmt: skip
    return classify(signals(users, agent, dialogue=dialogue))[0]


@pytest.mark.parametrize(
    "turn",
    [
        "Splendid, the courier broke the fridge door on delivery.",  # opener
        "The boiler died on day two. Impressive engineering.",  # echo after the mishap
        "Cheers for double-charging my card, truly first-class.",  # scoping thanks
        "love waiting 45 minutes for a reply from you lot",  # scoping love
        "Awesome, my reservation vanished overnight 👏",
        "Kudos. Three weeks to answer one email.",
        "Great, another error.",
    ],
)
def test_praise_beside_a_mishap_is_sarcasm(turn):
    assert ironic_praise(turn) or _label(turn) == "NEGATIVE"
    assert _label(turn) in ("NEGATIVE", "MIXED")


@pytest.mark.parametrize(
    "turn",
    [
        "Great, the leak is fixed now, thank you!",  # undone
        "Thanks for letting me know the match was cancelled.",  # bad news accepted
        "Love the new menu, but the card reader failed twice.",  # a contrast: both meant
        "Perfect, and what happens if the parcel is lost?",  # asked, not stated
        "Great, thanks. My screen is frozen though, any idea?",  # politeness, then a report
        "Big fan of your bakery, lovely staff. My cake order went missing.",  # sincere praise
        "Hello, lovely day. My bike was stolen from the rack.",  # a greeting
        "Brilliant, nothing was lost in the move.",  # the mishap negated
    ],
)
def test_praise_with_the_mishap_explained_is_not_sarcasm(turn):
    assert not ironic_praise(turn)


@pytest.mark.parametrize(
    "turn",
    [
        "Please end my weekly veg box subscription.",
        "We're taking our catering orders to a different caterer from now on.",
        "Thinking we'll switch broadband providers after this month.",
        "I won't be renewing the allotment lease.",
        "Close my account and refund my remaining balance, please.",
        "After this we are not coming back to your salon.",
    ],
)
def test_leaving_in_many_words_is_cancel_talk(turn):
    assert _label(turn) == "NEGATIVE"


@pytest.mark.parametrize(
    "turn",
    [
        "We're not cancelling, we just want to pause deliveries for August.",
        "Can I cancel the veg box if I go on holiday?",
        "Please move my haircut to a different day.",
        "I'm not coming back until Friday, can the parcel wait?",
        "I don't want to leave the gym, just to change my class.",
        "Please move the meeting to another room.",
    ],
)
def test_not_leaving_is_not_cancel_talk(turn):
    assert not (meant(turn) and leaving(turn))
    assert _label(turn) != "NEGATIVE"
