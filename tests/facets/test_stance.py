"""The user's stance, read from the user's own words (issue 14, eighteenth pass).

a) The agent's apology for its own side's error is not the user's mood: a calm user whose
   request hit a tool error and an apology ("Sorry, something went wrong on our side") is not
   NEGATIVE. Quoted speech of third parties ("my manager said 'this is useless'", "the error
   says 'failed'") is not the user's mood either.
b) The last state wins: a rejection of the answer, then a fix the user thanks for, is not
   NEGATIVE.
c) Genuine praise of the agent or the product is POSITIVE; a routine "thanks, bye" stays NEUTRAL.
d) MIXED when the user's own words praise one thing and condemn another ("the booking worked,
   but the price is outrageous").

Phrasings written for this test (a gym, a bike shop, a bakery, a telco, a streaming service, a
ferry line, a library, a pharmacy, hosting, a language app); none from the demo's templates or
from the held-out robustness batches.
"""

from __future__ import annotations

import pytest
from factories.dialogues import A, U
from factories.dialogues import sentiment_label as _label

from tracetopics_pipeline.core.facets.summarizers.local import _sentiment_signals
from tracetopics_pipeline.core.facets.summarizers.local.sentiment import classify


def _with_tool(user: str, error: str, apology: str, *after: str) -> str:
    """A user ask, a tool call that fails, the agent's apology, then the user's turns `after`
    (each answered by a short agent turn but the last)."""
    msgs = [
        {"role": "user", "content": user},
        {"role": "assistant", "content": "", "tool_calls": [{"function": {"name": "lookup"}}]},
        {"role": "tool", "content": error},
        {"role": "assistant", "content": apology},
    ]
    for k, turn in enumerate(after):
        msgs.append({"role": "user", "content": turn})
        if k < len(after) - 1:
            msgs.append({"role": "assistant", "content": "Noted."})
    _users, s = _sentiment_signals(msgs)
    return classify(s)[0]


# --- a) the agent's apology ---------------------------------------------------------------------

CALM_AFTER_TOOL_ERROR = [
    (
        "Can you check whether my parcel 4471 has shipped?",
        "Error: 503 Service Unavailable",
        "Sorry, something went wrong on our side while looking that up. Please try again in a "
        "few minutes.",
        (),
    ),
    (
        "Which spin classes are free on Thursday evening?",
        '{"status": 500, "error": "internal"}',
        "Apologies, our booking system hit an error just now, so I couldn't load the timetable.",
        (),
    ),
    (
        "Please renew my library loan for 'The Overstory'.",
        "Traceback (most recent call last):\n  File \"renew.py\", line 3\nKeyError: 'loan_id'",
        "I'm sorry, an unexpected error occurred on our end while renewing your loan.",
        (),
    ),
    (
        "Is my prescription for amoxicillin ready for pickup?",
        "ConnectionError: upstream timed out",
        "Unfortunately our pharmacy system is down at the moment, sorry for the inconvenience.",
        (),
    ),
    (
        "What's my data allowance left this month?",
        "HTTP/1.1 502 Bad Gateway",
        "So sorry, we're having technical difficulties and I can't reach your account right now.",
        ("ok, I'll check again tonight",),
    ),
]


@pytest.mark.parametrize("user,error,apology,after", CALM_AFTER_TOOL_ERROR)
def test_the_agents_apology_is_not_the_users_mood(user, error, apology, after):
    assert _with_tool(user, error, apology, *after) == "NEUTRAL"


def test_a_user_who_is_upset_about_the_error_stays_negative():
    assert (
        _with_tool(
            "Can you check whether my parcel 4471 has shipped?",
            "Error: 503 Service Unavailable",
            "Sorry, something went wrong on our side.",
            "Third time this week your system is down. This is ridiculous.",
        )
        == "NEGATIVE"
    )


# --- a) quoted speech of third parties --------------------------------------------------------------

QUOTED = [
    "My manager said 'this dashboard is useless' — can you show me how to add a date filter?",
    'A customer review calls our sourdough "absolutely terrible". How do I reply to it?',
    "My daughter keeps telling me the app is \u201ca waste of time\u201d. Are there beginner "
    "lessons?",
    "The screen says: 'Unacceptable file format'. Which formats can I upload?",
    "The popup reads \u201cAccess denied, request failed\u201d. How do I get access to the "
    "shared drive?",
    "My colleague said your support is terrible, but I'd like to try anyway: how do I reset "
    "my PIN?",
    "Our tenant wrote 'the heating is a disgrace, I'm furious' in an email. Can an engineer visit "
    "on Monday?",
    'The log shows "FATAL: disk quota exceeded, backup failed" every night. How do I raise '
    "the quota?",
]


@pytest.mark.parametrize("turn", QUOTED)
def test_quoted_speech_of_others_is_not_the_users_mood(turn):
    assert _label((U, turn), (A, "Here is how: open Settings and follow the steps.")) != "NEGATIVE"


@pytest.mark.parametrize(
    "turn",
    [
        "I told them 'this is unacceptable' and it's still on my bill. Ridiculous.",
        "My wife said it's useless and honestly I agree, it is useless.",
        "The error says 'failed' again and I'm fed up with this.",
    ],
)
def test_the_users_own_words_around_a_quote_still_count(turn):
    assert _label((U, turn), (A, "Let me look into it.")) == "NEGATIVE"


@pytest.mark.parametrize(
    "text,kept,removed",
    [
        ("My boss said 'this is useless', can you help?", "can you help", "useless"),
        ('The error says "failed". Why?', "Why", "failed"),
        ("my mate told me your app is rubbish. is it?", "is it", "rubbish"),
        ("I said 'cancel it' twice.", "cancel it", ""),
    ],
)
def test_own_words_drops_what_others_said(text, kept, removed):
    from tracetopics_pipeline.core.facets.summarizers.local.sentiment_quotes import own_words

    out = own_words(text)
    assert kept in out
    if removed:
        assert removed not in out


# --- b) the last state wins ------------------------------------------------------------------------

REJECTED_THEN_FIXED = [
    [
        (U, "When does the pool open on Sundays?"),
        (A, "The gym opens at 6am on Sundays."),
        (U, "That's not what I asked, I asked about the POOL."),
        (A, "Sorry! The pool opens at 8am on Sundays."),
        (U, "Great, thank you."),
    ],
    [
        (U, "Can I get a refund for the concert on the 14th?"),
        (A, "Tickets are non-refundable."),
        (U, "That doesn't help, the concert was cancelled by you!"),
        (A, "You're right, apologies. Cancelled events are refunded in full; I've issued it."),
        (U, "ok thank you"),
    ],
    [
        (U, "Move my ferry to Thursday please."),
        (A, "Done, you're on Tuesday's 09:15 sailing."),
        (U, "Wrong again, I said Thursday, not Tuesday. Useless."),
        (A, "My mistake. You're now on Thursday's 09:15 sailing, booking ref K7Q2."),
        (U, "Thanks."),
    ],
    [
        (U, "My bike's rear brake squeals, what should I do?"),
        (A, "Tighten the handlebar stem bolts."),
        (U, "How would that help? That has nothing to do with the brake. Frustrating."),
        (A, "Apologies. Clean the rim with isopropyl alcohol and toe-in the pads slightly."),
        (U, "Thanks, will do."),
    ],
    [
        (U, "How do I cancel the add-on channel pack?"),
        (A, "You can upgrade your plan in My Account."),
        (U, "Not helpful. I want to CANCEL it, not upgrade."),
        (A, "Understood, I've removed the channel pack; it won't be billed next month."),
        (U, "thanks a lot 🙏"),
    ],
]


@pytest.mark.parametrize("turns", REJECTED_THEN_FIXED)
def test_a_rejection_then_a_fix_the_user_thanks_for_is_not_negative(turns):
    assert _label(*turns) != "NEGATIVE"


@pytest.mark.parametrize(
    "last",
    [
        "Still wrong. Thanks for nothing.",
        "thanks, but it's still not working",
        "Thanks, I guess. I'll take my business elsewhere.",
    ],
)
def test_a_rejection_that_is_not_made_good_stays_negative(last):
    turns = [
        (U, "When does the pool open on Sundays?"),
        (A, "The gym opens at 6am on Sundays."),
        (U, "That's not what I asked, I asked about the POOL."),
        (A, "Sorry! The pool opens at 8am on Sundays."),
        (U, last),
    ]
    assert _label(*turns) == "NEGATIVE"


# --- c) genuine praise, routine closings ----------------------------------------------------------

ANSWERED = [
    (U, "How do I add a second user to our hosting plan?"),
    (A, "Go to Team > Invite, enter their email and pick the Developer role."),
]

GENUINE_PRAISE = [
    "You've been a huge help, thank you!",
    "Spot on, that's sorted it. Thanks!",
    "Wow, that was so clear, you explained it better than the docs!",
    "Couldn't have done it without you, thanks!",
    "This is exactly what I needed, thanks so much!",
    "Brilliant, that worked!",
    "You nailed it, thank you!",
    "That was incredibly useful, cheers!",
    "Massively helpful, thank you so much!",
    "Super quick and super clear, thanks a ton!",
    "Honestly, you've been fantastic. Thank you!",
]


@pytest.mark.parametrize("turn", GENUINE_PRAISE)
def test_genuine_praise_is_positive(turn):
    assert _label(*ANSWERED, (U, turn)) == "POSITIVE"


ROUTINE = [
    "thanks, bye",
    "ok thank you, that's all",
    "Thanks! Have a nice day.",
    "great, thanks",
    "cheers, bye",
    "Thank you very much. Goodbye.",
]


@pytest.mark.parametrize("turn", ROUTINE)
def test_a_routine_closing_stays_neutral(turn):
    assert _label(*ANSWERED, (U, turn)) == "NEUTRAL"


# --- d) MIXED ----------------------------------------------------------------------------------

MIXED = [
    "The booking worked, but the price is outrageous.",
    "Delivery was quick, I'll give you that, but the cake arrived squashed and I'm really "
    "disappointed.",
    "Love the new app design, however the search is terrible now.",
    "The repair itself was fine, but the wait was ridiculous.",
    "The instructor is brilliant; the booking system is a nightmare though.",
    "Check-in was smooth but the room was filthy.",
    "Your driver was lovely. The food on the other hand was awful.",
    "The lessons are great, but charging me twice is unacceptable.",
]


@pytest.mark.parametrize("turn", MIXED)
def test_praise_of_one_thing_and_complaint_about_another_is_mixed(turn):
    assert _label((U, turn), (A, "Thank you for the feedback, I've passed it on.")) == "MIXED"


@pytest.mark.parametrize(
    "turn,label",
    [
        # a problem report, not an evaluation
        ("The app works on my phone but crashes on my tablet. How do I fix it?", "NEUTRAL"),
        # a stock adjective is no praise of a thing
        ("Great, but it still doesn't work.", "NEGATIVE"),
        ("Love how the app crashes every single time I open it.", "NEGATIVE"),
        ("Thanks, but that answer is useless.", "NEGATIVE"),
        ("The old version worked, but the update broke the export. Please fix it.", "NEUTRAL"),
    ],
)
def test_not_mixed_without_praise_of_a_thing(turn, label):
    assert _label((U, turn), (A, "Let me check that for you.")) == label
