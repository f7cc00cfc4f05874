"""The session-19 adversary's leftovers (issue 14): thanks that leave the outcome open, thanks in
other languages and text-speak, a counting tool's number, a connection that came back, and "free"
of a seat.

Phrasings of our own in a gym, a library, a bank, a campsite, a sailing club, a data pipeline
and a theatre; none is taken from bench/leftovers_set20.py or the demo's templates. Each case is
paired with a look-alike that must read the other way.
"""

from __future__ import annotations

import pytest
import tool_error_plain_set as ps
from factories.dialogues import sentiment_label
from held_out import conv

from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets
from tracetopics_pipeline.core.facets.preprocess import counting_tool, is_error_reply
from tracetopics_pipeline.core.facets.summarizers.local.rules import apply_rules
from tracetopics_pipeline.core.facets.summarizers.local.sentiment_thanks import emphasis


def _label(*turns: str) -> str:
    """Sentiment of alternating user / agent turns, the user first."""
    return sentiment_label(*conv(*turns))


# (the ask, what the agent did, thanks that leave the outcome open, thanks with it confirmed)
OPEN_THEN_CONFIRMED = [
    (
        "Please freeze my gym membership for July.",
        "I've put the freeze through.",
        "Thanks so much!! It says 'frozen' now.",
        "Thanks so much!! It says 'frozen' now, that's exactly what I wanted.",
    ),
    (
        "Can you renew my library loans?",
        "Renewed all three.",
        "thank you a million!! status: renewal requested",
        "thank you a million!! that worked, all three are renewed",
    ),
    (
        "Please lift the block on my debit card.",
        "I've lifted the block.",
        "Wow, thanks!! The app now lists it as 'active'.",
        "Wow, thanks!! It works now, just paid for lunch with it.",
    ),
    (
        "Our nightly pipeline keeps failing on the same step.",
        "I've raised the step's memory limit.",
        "Great, thank you so much!! Fingers crossed it holds tonight.",
        "Great, thank you so much!! Last night's run went through.",
    ),
    (
        "The campsite booking page logs me out.",
        "I've reset your session on our side.",
        "thanks a ton!! hopefully it stays fixed 🤞",
        "thanks a ton!! that fixed it",
    ),
    (
        "The sailing club app shows my old membership tier.",
        "I've refreshed your profile.",
        "Awesome, thank you!! We'll see if it sticks after the update.",
        "Awesome, thank you!! It's fixed, shows the new tier.",
    ),
]


@pytest.mark.parametrize("turns", OPEN_THEN_CONFIRMED, ids=[t[2] for t in OPEN_THEN_CONFIRMED])
def test_thanks_that_leave_the_outcome_open_are_not_satisfaction(turns):
    ask, done, open_, confirmed = turns
    assert _label(ask, done, open_) == "NEUTRAL", open_
    assert _label(ask, done, confirmed) == "POSITIVE", confirmed


# (the ask, what the agent did, emphatic thanks in another language or in text-speak, a single
# plain thanks in the same language)
THANKS_ELSEWHERE = [
    ("Can you move my theatre seats?", "Moved to row C.", "Merci infiniment !", "merci, au revoir"),
    ("Please waive the late fee.", "Waived.", "Herzlichen Dank!!", "danke, tschüss"),
    ("Could you reopen my account?", "Reopened.", "¡Mil gracias!", "gracias, adiós"),
    ("Can you extend my pitch by a night?", "Extended.", "Grazie tante!!", "grazie, ciao"),
    ("Please reset my PIN.", "Reset; a new PIN is on its way.", "Obrigada mesmo!!", "obrigada"),
    ("Can you rerun the failed job?", "Rerun, it passed.", "thnx so much!!", "thnx"),
    ("Could you book me a court?", "Booked: court 4 at 6 pm.", "ty ty!!", "ok ty"),
]


@pytest.mark.parametrize("turns", THANKS_ELSEWHERE, ids=[t[2] for t in THANKS_ELSEWHERE])
def test_emphatic_thanks_in_other_languages_and_text_speak(turns):
    ask, done, emphatic, plain = turns
    assert emphasis(emphatic) >= 2, emphatic
    assert _label(ask, done, emphatic) == "POSITIVE", emphatic
    assert _label(ask, done, plain) == "NEUTRAL", plain


def test_foreign_thanks_in_advance_or_after_a_refusal_are_not_satisfaction():
    assert emphasis("Vielen Dank im Voraus!!") == 0
    assert _label("Mil gracias de antemano!! ¿Dónde veo mi saldo?") == "NEUTRAL"
    refused = "I'm sorry, I can't refund tickets. Please contact the box office."
    assert _label("Can I get a refund for tonight?", refused, "Merci infiniment !!") != "POSITIVE"
    # the emphasis of thanks said over again leans to thanks, not to anger
    assert _label("Can you resend my ticket?", "Resent.", "thanks thanks thanks!!!") == "POSITIVE"


# (a counting tool and its number, a lookup tool and the same reply: a failure)
COUNT_OR_LOOKUP = [
    ("count_members", "404", "get_member"),
    ("getTotalSeats", "503", "getSeatMap"),
    ("compute_average_basket", "500", "fetch_basket"),
    ("stock-level", '"429"', "reserve-stock"),
]


@pytest.mark.parametrize(("counter", "reply", "lookup"), COUNT_OR_LOOKUP)
def test_a_counting_tools_number_is_data(counter, reply, lookup):
    assert counting_tool(counter) and not counting_tool(lookup)
    assert not is_error_reply({"role": "tool", "name": counter, "content": reply})
    assert not ps.flagged(counter, reply)
    assert ps.flagged(lookup, reply)
    # a status said as one, from the counting tool too
    assert ps.flagged(counter, f"HTTP {reply.strip(chr(34))}")


# (a connection that broke and came back, one that did not)
CAME_BACK_OR_NOT = [
    (
        "14:02:10 connection reset by peer\n14:02:15 reconnected, stream resumed",
        "14:02:10 connection reset by peer\n14:02:15 reconnecting...",
    ),
    (
        "Connection to broker lost at 06:00; reconnected after 3 s, 0 messages dropped.",
        "Connection to broker lost at 06:00; reconnect failed, 120 messages dropped.",
    ),
    (
        "socket hang up during upload; connection re-established, upload completed",
        "socket hang up during upload; connection re-established, then upload failed",
    ),
]


@pytest.mark.parametrize(("back", "not_back"), CAME_BACK_OR_NOT)
def test_a_connection_that_came_back_is_no_failure(back, not_back):
    assert not ps.flagged("stream_events", back), back
    assert ps.flagged("stream_events", not_back), not_back


PRICING = find_facet(load_facets(), "Pricing question")


# ("free" of a seat, a bed or a court: available; "free" of a price or a service on it)
AVAILABLE_OR_PRICE = [
    ("Is the bunk above mine free?", "Is the bunk bed upgrade free?"),
    ("Is berth 12 free?", "Is the berth free of charge for club members?"),
    ("Is court 3 free?", "Is court hire free for juniors?"),
    ("Is this bench free?", "Is the app free?"),
    ("Is the cabin next to ours free?", "Is this locker free to use?"),
]


@pytest.mark.parametrize(("available", "price"), AVAILABLE_OR_PRICE)
def test_free_as_available_is_no_pricing_question(available, price):
    assert (apply_rules(available, PRICING)[1] or "NONE") == "NONE", available
    assert (apply_rules(price, PRICING)[1] or "NONE") == "COST", price


# --- adversarial pass (attack20): a recovery that leaves something broken, a restore that is no
# reconnection; and the precision guards that must stay recoveries
@pytest.mark.parametrize(
    "reply",
    [
        "connection lost; restored from backup",
        "connection lost; backup restored to yesterday's state",
        "connection reset; reconnected; HTTP 503",
        "connection lost, reconnected, data lost",
        "connection lost; reconnected; partial upload",
        "connection lost; reconnected; request aborted",
        "connection lost, reconnected. Rolled back.",
        "connection lost, session restored, but your changes were discarded",
    ],
)
def test_a_recovery_that_leaves_something_broken_is_a_failure(reply):
    assert is_error_reply({"role": "tool", "name": "sync", "content": reply}), reply


@pytest.mark.parametrize(
    "reply",
    [
        "connection lost; auto-reconnect succeeded",
        "connection lost; reconnect OK",
        "connection lost at 06:00; reconnected, no data lost",
        "connection reset; reconnected after 2 s, zero packets dropped",
        "connection lost; connection restored to the primary node",
    ],
)
def test_a_recovery_with_nothing_left_broken_is_no_failure(reply):
    assert not is_error_reply({"role": "tool", "name": "sync", "content": reply}), reply


# (adversarial pass, attack20) a status read that is itself a verdict, or that a verdict follows,
# confirms the outcome; a status read in the thanks table's languages leaves it open
_BALANCE = ("My balance was wrong after the refund.", "I've corrected the balance.")


@pytest.mark.parametrize(
    "thanks",
    [
        "Thank you so much!! My balance shows correctly now.",
        "Thank you so much!! Everything shows fine now.",
        "Thanks so much!! It says paid now, perfect.",
        "THANK YOU!! It reads right now.",
        "Thank you so much!! It displays properly.",
    ],
)
def test_a_status_that_is_a_verdict_is_satisfaction(thanks):
    assert _label(*_BALANCE, thanks) == "POSITIVE", thanks


@pytest.mark.parametrize(
    "thanks",
    [
        "merci beaucoup!! ça affiche 'en attente' maintenant",
        "Vielen Dank!! Es zeigt 'ausstehend'.",
        "Thanks so much!! It now says pending.",
    ],
)
def test_a_bare_status_in_another_language_leaves_it_open(thanks):
    assert _label(*_BALANCE, thanks) != "POSITIVE", thanks
