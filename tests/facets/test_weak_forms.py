"""The forms held-out batch 9 found weak (issue 14, ninth pass): sarcasm whose mishap no list
named, cancel talk that says where the business goes, giving up by turning to another provider,
tracebacks and failures in formats the rules did not read. Each rule with several phrasings of
its own, in words and domains the robustness batches do not use, and look-alikes that must keep
their reading."""

from __future__ import annotations

import pytest
from factories.dialogues import A, U
from factories.dialogues import sentiment_label as _label

from tracetopics_pipeline.core.facets.preprocess import is_error_reply
from tracetopics_pipeline.core.facets.summarizers.local.sentiment import classify, signals


def _one(turn: str) -> str:
    return classify(signals(["Hello, a question about my order.", turn], ["Sure."]))[0]


def _neg(turn: str) -> bool:
    return _one(turn) in ("NEGATIVE", "MIXED")


SARCASM = [
    "Fantastic, the new sofa arrived with a cracked leg.",
    "Great job, my shirts came back stained.",
    "Wonderful. The bread in the hamper was mouldy.",
    "Brilliant service, four emails and not a single reply.",
    "Superb, the plumber made the drip twice as bad.",
    "Lovely, the curtains came back covered in dust.",
]
SINCERE = [  # praise beside a mishap that was made good, or no mishap at all
    "Great, the cracked tile was replaced this morning, thanks.",
    "Perfect, no reply needed.",
    "Brilliant, the curtains came back spotless.",
]


@pytest.mark.parametrize("turn", SARCASM)
def test_praise_beside_a_mishap_is_sarcasm(turn):
    assert _neg(turn)


@pytest.mark.parametrize("turn", SINCERE)
def test_praise_beside_a_remedy_is_not(turn):
    assert not _neg(turn)


CANCEL = [
    "Please cancel my grooming appointment, we're going with another salon.",
    "Cancel the piano lessons, we found someone cheaper.",
    "I'll buy my bread somewhere else from now on.",
    "We're withdrawing our daughter from the dance school.",
    "Stop my newspaper delivery, I'm switching to a local shop.",
]
NOT_CANCEL = [
    "Can I cancel one lesson and move it to another day?",
    "Please cancel the 3pm slot and book me at 5pm instead.",
    "Is there another branch near the station?",
]


@pytest.mark.parametrize("turn", CANCEL)
def test_ending_and_going_elsewhere_is_cancel_talk(turn):
    assert _neg(turn)


@pytest.mark.parametrize("turn", NOT_CANCEL)
def test_moving_a_booking_is_not(turn):
    assert not _neg(turn)


GIVE_UP = [
    "nvm, we'll find another venue",
    "Fine, I'll ring a different plumber.",
    "Can't be bothered any more, leave it.",
    "Please disregard my question.",
    "Right, I'm out.",
    "Ok better I just go to other dentist.",
]
NOT_GIVE_UP = [
    "Fine, I'll book another day then.",
    "Ok, I'll find another time to call, thanks.",
    "We are out of town next week, can the delivery wait?",
    "Okay, should we try a different cafe then?",
    "Fine, shall we book a different venue for the party?",
]


@pytest.mark.parametrize("turn", GIVE_UP)
def test_turning_to_another_provider_is_giving_up(turn):
    assert _neg(turn)


@pytest.mark.parametrize("turn", NOT_GIVE_UP)
def test_another_booking_detail_is_not(turn):
    assert not _neg(turn)


FAILURES = [
    "SeatsNotAvailable: row F is full",
    "BasketOutOfSync: refresh required",
    "ActiveRecord::RecordInvalid (Validation failed: Email is invalid)",
    "   at Billing.Invoices.Render(Int32 id) in D:\\app\\Invoices.cs:line 40\n   at Billing.Main()",
    "\tat shop.Cart.total(Cart.java:88)\n\tat shop.Main.main(Main.java:4)",
    "POST https://api.shop.example/carts 500 (Internal Server Error)",
    "lua: cart.lua:12: attempt to call a nil value\nstack traceback:\n\t[C]: in ?",
    "Error: boom\nBacktrace:\n  0: cart::total\n  1: main",
]
DATA = [  # replies that succeeded
    "OrderStatus: shipped",
    "NotificationsSent: 4",
    "at home (London)",
    "at 10.30 (approx.)",
    "Results for std::vector in the docs: 3 pages",
    "Tip: POST https://api.shop.example/carts with a JSON body",
]


@pytest.mark.parametrize("reply", FAILURES)
def test_failure_formats(reply):
    assert is_error_reply({"role": "tool", "content": reply})


@pytest.mark.parametrize("reply", DATA)
def test_data_is_no_failure(reply):
    assert not is_error_reply({"role": "tool", "content": reply})


SAYS_ASKED = [
    ((U, "Do you deliver to offices?"), (A, "Our vans run Monday to Friday."),
     (U, "I was asking if you deliver to an office address.")),
    ((U, "Is parking free?"), (A, "We are open from 9."), (U, "My question was about the parking fee.")),
    ((U, "Can I bring my dog?"), (A, "The trail is 5 km long."),
     (U, "I asked whether dogs are allowed on the trail.")),
]  # fmt: skip
ANSWERED = [  # the agent answered or asked back: saying what one asked is no repeat
    ((U, "Can I bring my dog?"), (A, "Yes, dogs on a lead are welcome."),
     (U, "Great, I was asking because she is old.")),
    ((U, "How much is the frame?"), (A, "Could you tell me which size?"),
     (U, "I was asking about the large one.")),
]  # fmt: skip


@pytest.mark.parametrize("turns", SAYS_ASKED)
def test_saying_what_one_asked_after_an_off_topic_answer_is_repeating(turns):
    assert _label(*turns) in ("NEGATIVE", "MIXED")


@pytest.mark.parametrize("turns", ANSWERED)
def test_saying_what_one_asked_after_an_answer_is_not(turns):
    assert _label(*turns) not in ("NEGATIVE", "MIXED")
