"""The forms the fifteenth pass of issue 14 worked on (batch 15's misses, as development
material): a database's or an orchestrator's own error header, pointing back at one's earlier
asks in more words, giving up by stopping or by having no time left, leaving a list or handing a
thing back, sarcasm with praise words of other languages, a rhetorical "could it go any better?",
mishaps of being left uninformed, of spoiled food and of being given less than was paid for, and
an ask for a person named by role or wanted to call back, which only the Issues facet reads.
Each rule with several phrasings of its own, in words and domains the robustness batches do not
use, and look-alikes that must keep their reading."""

from __future__ import annotations

import pytest
from factories.dialogues import A, U, issue_categories
from factories.dialogues import sentiment_label as _label

from tracetopics_pipeline.core.facets.preprocess import is_error_reply
from tracetopics_pipeline.core.facets.summarizers.local.sentiment import classify, signals
from tracetopics_pipeline.core.facets.summarizers.local.sentiment_irony import ironic_praise


def _err(text: str) -> bool:
    return is_error_reply({"role": "tool", "content": text})


def _one_turn(turn: str) -> str:
    return _label(
        (U, "Do you sell gift vouchers?"),
        (A, "Yes, from £10 up to £200."),
        (U, turn),
        (A, "I understand. Let me look into it."),
    )


# --- a database's or an orchestrator's own error header --------------------------------------

FAILURES = [
    "Msg 2627, Level 14, State 1, Procedure AddMember, Line 12\nViolation of PRIMARY KEY.",
    "Msg 547, Level 16, State 0, Line 3\nThe INSERT statement conflicted with the FOREIGN KEY.",
    "Warning  FailedScheduling  40s  default-scheduler  0/3 nodes are available",
    "Warning   Unhealthy   12s (x4 over 1m)   kubelet   Readiness probe failed: HTTP probe",
    "NAME                READY   STATUS             RESTARTS   AGE\n"
    "voucher-api-5f7c9   0/1     CrashLoopBackOff   7          12m",
    "ledger-worker-0   0/1   ImagePullBackOff   0   3m",
    "Back-off restarting failed container ledger in pod ledger-0",
]
NOT_FAILURES = [
    "Msg 0, Level 0, State 1\nCommand completed successfully.",
    "Msg 5701, Level 0, State 2\nChanged database context to 'Vouchers'.",
    "Normal   Scheduled   40s   default-scheduler   Successfully assigned shop/voucher-api",
    "NAME                READY   STATUS    RESTARTS   AGE\nvoucher-api-5f7c9   1/1     Running   0   "
    "12m",
    "Warning: this voucher expires in 30 days.",
]


@pytest.mark.parametrize("reply", FAILURES)
def test_a_database_or_orchestrator_error_header_is_a_failure(reply):
    assert _err(reply)


@pytest.mark.parametrize("reply", NOT_FAILURES)
def test_informational_headers_and_healthy_pods_are_not(reply):
    assert not _err(reply)


# --- repeating the request: pointing back at earlier asks in more words -----------------------

REPEATS = [
    "I asked you this yesterday already, do the vouchers expire?",
    "We asked this twice now already: is delivery free?",
    "As per my previous emails, the voucher code is still not valid.",
    "See my earlier messages, I need the receipt.",
    "Like I wrote in my last messages, the gift box is missing.",
]


@pytest.mark.parametrize("turn", REPEATS)
def test_pointing_back_at_earlier_asks_is_repeating(turn):
    assert _one_turn(turn) in ("NEGATIVE", "MIXED")


@pytest.mark.parametrize(
    "turn",
    [
        "I asked my manager already and she's fine with a £50 voucher.",
        "My colleague already asked about bulk orders, can you send the price list?",
    ],
)
def test_someone_else_having_asked_is_not_repeating(turn):
    assert _one_turn(turn) not in ("NEGATIVE", "MIXED")


# --- giving up: stopping, no time left ---------------------------------------------------------

GIVING_UP = [
    "I stop trying, it never works.",
    "We'll stop trying and buy a card from the supermarket.",
    "Is enough, I finish here.",
    "I don't have time for this anymore, I'll just give them cash.",
    "We haven't got time for this any more.",
    "No more time for this, I'm off.",
]


@pytest.mark.parametrize("turn", GIVING_UP)
def test_stopping_or_running_out_of_time_is_giving_up(turn):
    assert _one_turn(turn) in ("NEGATIVE", "MIXED")


@pytest.mark.parametrize(
    "turn",
    [
        "If I stop trying to redeem it, does the voucher still count?",
        "I don't have time for a call today, can you e-mail me instead?",
        "Is enough postage included for a parcel abroad?",
    ],
)
def test_questions_and_scheduling_are_not_giving_up(turn):
    assert _one_turn(turn) not in ("NEGATIVE", "MIXED")


# --- leaving: a list, a thing handed back -------------------------------------------------------

LEAVING = [
    "Take me off your members list, I'm finished with the club.",
    "Please remove me from the waiting list and from your register.",
    "I'm handing back my locker key and leaving the club.",
    "We want to give back the allotment and end the tenancy.",
]


@pytest.mark.parametrize("turn", LEAVING)
def test_leaving_a_list_or_handing_a_thing_back_is_cancel_talk(turn):
    assert _one_turn(turn) in ("NEGATIVE", "MIXED")


@pytest.mark.parametrize(
    "turn",
    [
        "Please remove me from the group e-mail, I get it twice.",
        "Can I give back the faulty charger at the shop?",
    ],
)
def test_a_duplicate_or_a_return_is_not_leaving(turn):
    assert _one_turn(turn) not in ("NEGATIVE", "MIXED")


# --- sarcasm --------------------------------------------------------------------------------------

SARCASM = [
    "Chapeau. You charged the voucher twice.",
    "Complimenti, the cake arrived squashed.",
    "Could this day possibly get any better? The voucher was sent to a stranger.",
    "Can it get any better than this? My order went to the wrong shop.",
    "Excellent planning. The room was changed and nobody told us.",
    "Oh marvellous, the hall was double-booked without telling anyone.",
    "So glad we chose you for the launch. The canapés were cold. Superb.",
    "love how i bought 6 tickets and only 2 of them scan",
    "Wonderful, paid for twelve sessions and got five of them.",
]
NOT_SARCASM = [
    "Could this possibly go any faster? We need it by Friday.",
    "Chapeau, the cake was perfect.",
    "Nobody told me it would be this easy, brilliant!",
    "Lovely, the soup is served cold on purpose, right?",
    "Great, 2 of them are enough for us.",
]


@pytest.mark.parametrize("turn", SARCASM)
def test_praise_beside_a_mishap_is_sarcasm(turn):
    assert ironic_praise(turn)


@pytest.mark.parametrize("turn", NOT_SARCASM)
def test_sincere_praise_and_plain_questions_are_not(turn):
    assert not ironic_praise(turn)


@pytest.mark.parametrize(
    ("agent", "reply"),
    [
        ("I'm afraid the engraving came out much longer than you asked.", "Great job. Really."),
        (
            "Sorry, the invoice went out again with the same error.",
            "Oh wonderful, thank you so much.",
        ),
        ("Unfortunately the cake was iced in a different colour than ordered.", "Braw, just braw."),
    ],
)
def test_praise_after_a_thing_done_other_than_asked_is_sarcasm(agent, reply):
    turns = ((U, "Is my order ready?"), (A, agent), (U, reply))
    assert _label(*turns) in ("NEGATIVE", "MIXED")


# --- asks for a person by role or to call back, read by Issues ---------------------------------

ROLE_ASKS = [
    "I want the shop manager to ring me about this.",
    "We need the works foreman to call us before Friday.",
    "I need to speak to a board member about the fees.",
    "Let me speak to the engraver who did it.",
    "I'd like to talk with the baker who made the cake.",
    "I want to speak with one of the trustees.",
]


@pytest.mark.parametrize("ask", ROLE_ASKS)
def test_a_person_by_role_is_unmet_when_ignored(ask):
    cats = issue_categories(
        (U, "The order was wrong."), (A, "Sorry to hear that."), (U, ask),
        (A, "Our vouchers come in a gift box."), (U, "ok"), (A, "Anything else?"),
    )  # fmt: skip
    assert "Unmet escalation" in cats


@pytest.mark.parametrize(
    "ask",
    [
        "I want the app to remind me before it expires.",
        "I need the system to e-mail me the receipt.",
        "Let me speak to the issue of delivery costs first.",
        "I need to talk to the printer over Wi-Fi, how?",
        "I'd like to talk about the order number you sent.",
    ],
)
def test_things_and_topics_are_not_people(ask):
    cats = issue_categories((U, ask), (A, "Our vouchers come in a gift box."))
    assert "Unmet escalation" not in cats


def test_a_role_ask_alone_is_not_sentiment_evidence():
    assert classify(signals(["I'd like to talk with the baker who made the cake."], []))[0] not in (
        "NEGATIVE",
        "MIXED",
    )


# --- asking again across turns: a token "but", a closing "tho", "still need to know" ---------


@pytest.mark.parametrize(
    "again",
    [
        "Aye, but the glass ones, can you?",
        "k but glass, do you engrave it?",
        "engraving on glass tho",
        "Still need to know about engraving glass.",
    ],
)
def test_asking_again_after_an_answer_that_missed_it_is_repeating(again):
    turns = ((U, "Can you engrave glass?"), (A, "We engrave metal and wood."), (U, again))
    assert _label(*turns) in ("NEGATIVE", "MIXED")


def test_asking_on_after_an_answer_is_not_repeating():
    turns = (
        (U, "Can you engrave glass?"),
        (A, "Yes, glass engraving is £12 per item."),
        (U, "Great, and how long does glass engraving take tho?"),
    )
    assert _label(*turns) not in ("NEGATIVE", "MIXED")


# --- more ways of saying it again, giving up, leaving (batches 12-14, development) ------------


@pytest.mark.parametrize(
    "turn",
    [
        "As already mentioned in my three earlier e-mails, the frame is cracked.",
        "Yet again I'll ask: is the frame included?",
        "The customer repeats her request for a written quote.",
        "i've asked literally 5 times now, where is the frame",
        "Like I told your agent on Monday, the frame is cracked.",
        "Same as my previous two messages: I need the quote.",
        "I refer you to my letter of 2 May about the quote.",
    ],
)
def test_more_ways_of_pointing_back_are_repeating(turn):
    assert _one_turn(turn) in ("NEGATIVE", "MIXED")


@pytest.mark.parametrize(
    "turn",
    [
        "No point waiting for you, we'll frame it ourselves.",
        "Done waiting. I'll buy a frame at the market.",
        "My husband has given up waiting and bought one elsewhere.",
        "Please deregister me from the framing club.",
        "Take my name off your mailing list, I shan't be ordering again.",
    ],
)
def test_more_ways_of_giving_up_or_leaving(turn):
    assert _one_turn(turn) in ("NEGATIVE", "MIXED")


@pytest.mark.parametrize(
    "turn",
    [
        "When you're done waiting for the glue, press the corners.",
        "Same as my sister's order, please: two oak frames.",
        "Ten out of ten for the packing, everything arrived intact.",
    ],
)
def test_their_look_alikes_are_not(turn):
    assert _one_turn(turn) not in ("NEGATIVE", "MIXED")


def test_praise_for_a_named_thing_beside_a_mishap_is_sarcasm():
    assert ironic_praise("Top marks for the packaging, the vase arrived in four pieces.")
