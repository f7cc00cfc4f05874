"""Praise of a named thing, mock thanks and warm closings (issue 14, nineteenth pass).

Phrasings of our own in a CRM, a podcast host, a bike-share app, a recipe app, a dental practice
and an insurance portal; none is taken from held-out batch 18 (bench/facet_robustness_batch18.py)
or the demo's templates.
"""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.facets.summarizers.local.sentiment import summarize_sentiment
from tracetopics_pipeline.core.facets.summarizers.local.sentiment_praise import (
    mock_thanks,
    praises_named,
)


def _label(*turns: str) -> str:
    """Sentiment of alternating user / agent turns, the user first."""
    dialogue = [("user" if k % 2 == 0 else "assistant", t) for k, t in enumerate(turns)]
    users = [t for r, t in dialogue if r == "user"]
    agent = [t for r, t in dialogue if r == "assistant"]
    return summarize_sentiment(users, agent, dialogue=dialogue)[0]


PRAISE_NAMED = [
    "The pipeline view in the CRM is fantastic, my sales team lives in it now.",
    "loving the new episode scheduler!!",
    "Your docs on webhooks were spot on.",
    "The route planner is seriously handy for my commute.",
    "Big fan of the meal planner, it's made Sundays so much calmer.",
    "Honestly the online booking for check-ups is superb.",
    "The claims tracker is a game changer, I always know where things stand.",
    "the transcript export works like a charm",
    "Really enjoying the new waveform editor.",
    "This new dashboard is absolutely gorgeous.",
]
# the team, the best-ever verdict, a past "loved it": praise of the product in other shapes
PRAISE_OTHER = [
    "Best recipe app ever!",
    "you guys are brilliant, honestly",
    "Picked up the bike in seconds, loved it!",
]


@pytest.mark.parametrize("text", PRAISE_OTHER)
def test_praise_of_the_team_or_the_whole_product_is_positive(text):
    assert _label(text) == "POSITIVE", text


@pytest.mark.parametrize("text", PRAISE_NAMED)
def test_praise_of_a_named_thing_is_positive(text):
    assert praises_named(text), text
    assert _label(text) == "POSITIVE", text


NOT_THE_USERS_VERDICT = [
    "Is the transcript export any good for long episodes?",  # a question
    "My colleague says HubSpot's pipeline view is brilliant. Do you have one?",  # hearsay, brand
    "According to my partner the Citymapper route planner is genius.",
    "Pipedrive's reports are amazing, can yours do the same?",  # another maker's thing
    "The old editor was great, the new one hides everything.",  # the past, then a complaint
    "The meal planner would be brilliant if it handled allergies.",  # a wish
    "The staff at reception are lovely, but the booking page keeps crashing.",  # polite complaint
    "The claims tracker is not great, it says 'pending' for weeks.",  # negated
]


@pytest.mark.parametrize("text", NOT_THE_USERS_VERDICT)
def test_what_is_not_the_users_verdict_is_not_positive(text):
    assert _label(text) != "POSITIVE", text


def test_a_question_about_a_feature_by_name_is_neutral():
    for text in (
        "Does the route planner avoid hills?",
        "How do I turn on the waveform editor?",
        "Can the claims tracker send me texts?",
    ):
        assert _label(text) == "NEUTRAL", text


# (the user's problem, the agent's answer that misses, the user's mock thanks)
MOCK_THANKS = [
    (
        "The bike won't unlock at the dock.",
        "Make sure Bluetooth is on.",
        "Still won't unlock. Great advice though, cheers.",
    ),
    (
        "My recipe collection vanished after the update.",
        "Recipes are stored in the cloud.",
        "Wonderful explanation. They're still missing.",
    ),
    (
        "The claim form rejects my policy number.",
        "Policy numbers are on your documents.",
        "Really helpful, thanks, I already typed it from the documents.",
    ),
    (
        "The CRM logs me out every five minutes.",
        "Sessions expire after inactivity.",
        "Thanks for that gem of wisdom. I'm clicking around the whole time.",
    ),
    (
        "My podcast feed hasn't updated in two days.",
        "Feeds update regularly.",
        "Groundbreaking stuff. Still no new episode in the feed.",
    ),
    (
        "I was billed for a cleaning I cancelled.",
        "Cancellations are free with 24 hours' notice.",
        "Yes, which is exactly why I DID cancel 3 days before. Super helpful answer.",
    ),
    (
        "The app shows the wrong excess on my policy.",
        "The excess is shown in the app.",
        "Never would have guessed. Thanks a lot.",
    ),
]


@pytest.mark.parametrize("turns", MOCK_THANKS)
def test_mock_thanks_is_negative(turns):
    assert mock_thanks(turns[-1], answered=True), turns[-1]
    assert _label(*turns) in ("NEGATIVE", "MIXED"), turns[-1]


def test_a_sincere_thanks_or_a_polite_didnt_help_is_not_mock_thanks():
    for text in (
        "Great advice, that worked straight away.",  # the problem undone
        "Really helpful, thanks, I'll try that tonight.",  # a plan, nothing persists
        "Great answer, but the bike still won't unlock.",  # a contrast: a plain didn't-help
        "Thanks, very useful as always!",  # "as always" with nothing persisting
    ):
        assert not mock_thanks(text, answered=True), text
    assert not mock_thanks("Thanks for that gem of wisdom.", answered=False)  # nothing answered


# (the user's problem, the agent's fix, the user's warm closing)
WARM_CLOSINGS = [
    (
        "The bike dock charged me twice.",
        "I've refunded the second charge.",
        "You're an absolute legend, that's sorted it!",
    ),
    (
        "I can't find my saved recipes.",
        "They're under Profile > Saved.",
        "Found them!! Thank you so much 😊",
    ),
    (
        "The podcast upload stalls at 99%.",
        "I've cleared the stuck upload; try again now.",
        "It went through, thanks a million!",
    ),
    (
        "I need to move my check-up.",
        "Done: Thursday 3pm instead.",
        "ur a star, thank u",
    ),
    (
        "The claim needs my bank details again.",
        "I've re-attached them from your last claim; nothing more to do.",
        "That's done the trick, really appreciate it.",
    ),
    (
        "My crown appointment was double-booked.",
        "I've kept yours and moved the other patient.",
        "You are very kind. I'm ever so grateful.",
    ),
    (
        "My episode disappeared from the feed.",
        "I've restored it from last night's backup.",
        "What a relief, thank you!",
    ),
]


@pytest.mark.parametrize("turns", WARM_CLOSINGS)
def test_warm_closing_after_a_fix_is_positive(turns):
    assert _label(*turns) == "POSITIVE", turns[-1]


@pytest.mark.parametrize(
    "closing",
    ["thanks, bye", "ok ta", "Thank you. Have a good day.", "Noted, cheers.", "k thanks"],
)
def test_routine_closing_stays_neutral(closing):
    assert _label("Do you deliver on Sundays?", "Yes, 9am to 1pm.", closing) == "NEUTRAL"


def test_a_cheerful_opener_before_more_waiting_is_sarcasm():
    assert (
        _label(
            "Where is my claim?",
            "Claims take up to 8 weeks.",
            "Marvellous. Another eight weeks then.",
        )
        == "NEGATIVE"
    )
    assert (
        _label("Is my bike ready?", "It will be ready in 2 days.", "Great, thanks!") != "NEGATIVE"
    )


@pytest.mark.parametrize(
    "text",
    [
        "The CLI autocomplete would be a lifesaver if it worked on zsh.",
        "Dark mode would be a godsend for night shifts.",
        "A bulk import would be a game changer for our clinic.",
        "Offline boarding passes would make my life so much easier.",
    ],
)
def test_praise_wished_for_is_not_positive(text):
    """Adversarial pass (attack17): praise words under "would be" wish for a thing that is not
    there (a feature request), they give no verdict on the product."""
    assert _label(text) != "POSITIVE", text
