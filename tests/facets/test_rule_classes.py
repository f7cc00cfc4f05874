"""Classes of phrasing the fourth pass of issue 14 added to the local rules, each with several
phrasings of its own (none taken from a robustness batch), and the look-alikes each must leave
alone."""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.facets.preprocess import is_error_reply
from tracetopics_pipeline.core.facets.summarizers.local.issues import detect_issues
from tracetopics_pipeline.core.facets.summarizers.local.sentiment import summarize_sentiment

OPENING = "My parcel locker code doesn't work."
ANSWER = "Please try the code from the latest SMS; older codes expire."


def _label(turn: str) -> str:
    return summarize_sentiment([OPENING, turn], [ANSWER, "I understand."])[0]


# --- Sentiment: positive messages that borrow the words of frustration -------------------------


@pytest.mark.parametrize(
    "turn",
    [
        "Great, that's the exact same result I wanted. Thank you!",
        "Perfect, the very same seat I had hoped for.",
        "I'll repeat myself: fantastic job.",
        "Once again, brilliant work, thanks.",
        "Let me say it again, you've been really helpful.",
        "Yet again you made my day, thank you!",
    ],
)
def test_praise_said_again_or_the_same_thing_wanted_is_not_negative(turn):
    assert _label(turn) not in ("NEGATIVE", "MIXED")


@pytest.mark.parametrize(
    "turn",
    [
        "Tried the new code, the exact same error.",
        "The very same 403 as before.",
        "Once again: the locker is number 14, not 41.",
        "I'll repeat myself: the code does not work.",
    ],
)
def test_the_same_failure_or_a_repeated_request_stays_negative(turn):
    assert _label(turn) in ("NEGATIVE", "MIXED")


# --- Sentiment: frustration classes --------------------------------------------------------------


@pytest.mark.parametrize(
    ("form", "turns"),
    [
        (
            "didnt_help",
            [
                "The code from the SMS didn't do the trick either.",
                "Those steps weren't any use.",
                "Nothing you've recommended so far has helped.",
                "The status still hasn't changed.",
                "The locker is just as stuck as before.",
            ],
        ),
        (
            "repeated_request",
            [
                "How often do I have to give you the locker number?",
                "I've told you this three times now.",
                "We keep sending you the same screenshots.",
                "I have asked it over and over.",
            ],
        ),
        (
            "ask_human",
            [
                "I'd rather work with a person on this.",
                "Is there a human we could talk to?",
                "Please put me through to your complaints department.",
                "Can whoever is responsible for lockers call me?",
                "Could a case manager ring me tomorrow?",
                "Any chance of chatting with a support specialist?",
            ],
        ),
        (
            "sarcasm",
            [
                "Gee, thanks, that clears it all up.",
                "Oh joy, the app logged me out again.",
                "Brilliant, the parcel is late AND damaged.",
                "That's just great, the locker went offline.",
                "Nice how the locker always breaks on Fridays.",
                "Fixed by tomorrow? Sure it is.",
            ],
        ),
        (
            "giving_up",
            [
                "Never mind, I'll collect it at the depot.",
                "Forget the locker, I'll have it sent home.",
                "I won't waste any more time on this.",
                "Okay, I'll pick it up myself.",
                "Let it go, I guess I'll order it again.",
            ],
        ),
        (
            "agent_complaint",
            [
                "You haven't even looked at my order.",
                "Do you even understand what I'm writing?",
                "This bot has no idea what it's doing.",
                "Chatting to you is pointless.",
                "You replied to a totally different question.",
                "You're sending me the wrong address again.",
            ],
        ),
        (
            "cancel_talk",
            [
                "I want to cancel my delivery pass at the end of the month.",
                "We're moving our shipping to another carrier.",
                "I'm never ordering from you again.",
                "We already went with a competitor.",
                "One more lost parcel and we're ending the contract.",
                "I'll use a different courier service from now on.",
            ],
        ),
    ],
)
def test_frustration_classes(form, turns):
    missed = [t for t in turns if _label(t) not in ("NEGATIVE", "MIXED")]
    assert not missed, f"{form}: {missed}"


@pytest.mark.parametrize(
    "turn",
    [
        "Thanks, I wouldn't want to be late for the pickup.",
        "Great. Do you have cold storage lockers?",
        "Alright, I'll try contacting the courier directly. Thanks for your help.",
        "Don't forget the receipt, please.",
        "Please delete my account and all my data.",
        "Great, I'll check it myself later. Thanks!",
        "Can I talk to you about billing?",
        "Is there a billing page I can see?",
    ],
)
def test_look_alikes_are_not_frustration(turn):
    assert _label(turn) not in ("NEGATIVE", "MIXED")


# --- Issues: tool replies that are failures ----------------------------------------------------


@pytest.mark.parametrize(
    "reply",
    [
        "InsufficientBalance: 2.00 < 9.99",
        "UnknownLocker: id 14",
        "app.errors.LockerBusy: try later",
        "thread 'worker' panicked at src/main.rs:3:5",
        "DELETE /v2/lockers/14 -> 500",
        '"GET /status HTTP/1.1" 503 12',
        "Response code: 503",
        "HTTP status code = 401",
        "upstream said 503 Service Temporarily Unavailable",
        "502 Bad Gateway",
        "504 Gateway Time-out",
        '{"state": "ERROR", "detail": "locker jammed"}',
        '{"job": {"outcome": "failed"}}',
        '{"content": "no such locker", "isError": true}',
    ],
)
def test_tool_failures_in_many_formats(reply):
    assert is_error_reply({"role": "tool", "content": reply})


@pytest.mark.parametrize(
    "reply",
    [
        "Capacity: 120 lockers",
        "Unknown: 3 parcels without a barcode",
        "Status: delivered",
        '{"state": "delivered", "code": 4400}',
        "Area code: 415",
        "GET /lockers returned 12 results",
        '{"is_error": false, "content": "ok"}',
    ],
)
def test_ordinary_tool_replies_are_not_failures(reply):
    assert not is_error_reply({"role": "tool", "content": reply})


def _after_tool(text: str) -> list[str]:
    msgs = [
        {"role": "user", "content": OPENING},
        {"role": "assistant", "content": None,
         "tool_calls": [{"id": "c1", "type": "function",
                         "function": {"name": "reset_code", "arguments": "{}"}}]},
        {"role": "tool", "tool_call_id": "c1", "content": '{"result": "accepted"}'},
        {"role": "assistant", "content": text},
    ]  # fmt: skip
    return [i.category for i in detect_issues(msgs)]


@pytest.mark.parametrize(
    "text",
    [
        "Sorry, the locker service isn't responding at the moment.",
        "The courier system crashed while I was booking that, apologies.",
        "Hmm, something failed on our end. Sorry!",
        "My request to the locker network timed out, sorry about that.",
        "It looks like the tracking portal is experiencing some issues.",
        "Sorry, that didn't save.",
        # the agent's own attempt failing, said with regret or as trouble, in any words
        "Apologies, I wasn't able to rebook your piano lesson just now.",
        "I'm sorry, the parking permit couldn't be extended.",
        "I tried to reserve the court, but it was refused; sorry about that.",
        "I'm having difficulty loading your allotment plot details right now.",
        "Unfortunately my attempt to add the second driver did not go through.",
    ],
)
def test_apologies_for_a_broken_tool(text):
    assert "Failed tool call" in _after_tool(text)


@pytest.mark.parametrize(
    "text",
    [
        "Sorry, the locker is not available for parcels over 20 kg.",
        "Unfortunately your plan doesn't include same-day delivery.",
        "Done! Your new code is 4471.",
        # a result the attempt found, not a failure of it
        "Sorry, there are no courts available on Sunday.",
        "I'm afraid I couldn't find any bookings under that name.",
        "Unfortunately the ticket couldn't be refunded under the fare rules.",
        # a state of the record, and the regret about something else in another sentence
        "The record shows breakfast was not included in your stay. Unfortunately we only "
        "sell it at check-in.",
    ],
)
def test_policy_or_success_after_a_tool_is_not_a_failure(text):
    assert "Failed tool call" not in _after_tool(text)


@pytest.mark.parametrize(
    "ask",
    [
        "I'd rather deal with a person.",
        "Please transfer me to billing.",
        "Is there a human I could speak to?",
        "Can someone from your team phone me back?",
        "Put an actual employee on my case.",
    ],
)
def test_an_ignored_ask_for_a_person_is_unmet(ask):
    msgs = [
        {"role": "user", "content": OPENING},
        {"role": "assistant", "content": ANSWER},
        {"role": "user", "content": ask},
        {"role": "assistant", "content": "Have you tried the code from the latest SMS?"},
    ]
    assert "Unmet escalation" in [i.category for i in detect_issues(msgs)]


@pytest.mark.parametrize(
    "ask",
    [
        "I'd want a genuine human, not this chatbot.",
        "is anyone human reading this",
        "Can a real agent step in here?",
        "Could a manager take over, please?",
        "I just want to talk to a real person.",
    ],
)
def test_a_person_asked_for_in_more_words_is_unmet_when_ignored(ask):
    test_an_ignored_ask_for_a_person_is_unmet(ask)


@pytest.mark.parametrize(
    "turn",
    [
        "Can the app notify me when it ships?",
        "Will the courier call me before delivery?",
        "Could you email me the receipt?",
        "I paid directly at the counter.",
        "Can I talk about my pricing options?",
        "Is a real leather strap available?",
        # product questions a review found read as asks for a person (devices that call,
        # chat features, people in the user's own life, tools that check, machines)
        "Will the alarm system call me if the back door opens while I'm away?",
        "Will the pharmacy text or call me when my prescription is ready?",
        "Can users chat directly with each other inside the app, or only in channels?",
        "Does the premium plan include talking to clients by phone from the app?",
        "I need to have a word with the neighbours about their dog barking. Any tips?",
        "Can someone else join my family plan if they live at another address?",
        "Do I need a gauge to check it, or does the car show the tyre pressure?",
        "Is this dog antibiotic the same as the one given to a human?",
        "Can I wash the wool blanket by hand, not the machine?",
        "The site keeps asking me to prove I'm not a robot.",
    ],
)
def test_look_alikes_are_not_asks_for_a_person(turn):
    msgs = [
        {"role": "user", "content": OPENING},
        {"role": "assistant", "content": ANSWER},
        {"role": "user", "content": turn},
        {"role": "assistant", "content": "Yes."},
    ]
    assert "Unmet escalation" not in [i.category for i in detect_issues(msgs)]


@pytest.mark.parametrize(
    "reply",
    [
        "Connecting you with a colleague now, one moment.",
        "I've passed your case to our returns desk; they will email you within a day.",
        "A specialist will call you back before 5pm.",
        "I've asked the site manager to phone you tomorrow morning.",
        "I've raised a callback request for you.",
        "Our advisors aren't available at weekends, but you can book a call for Monday here.",
        "I can hand you over to the billing team if you like.",
        "Yes, I've shared your number with Lucia, the guide; she'll call you tomorrow morning.",
        "I've booked a call with one of our mortgage advisors; Sarah will ring you at 10:00.",
        "I've flagged it to the loans team and they'll get back to you today.",
    ],
)
def test_a_handover_arranged_or_why_not_answers_the_ask(reply):
    msgs = [
        {"role": "user", "content": OPENING},
        {"role": "assistant", "content": ANSWER},
        {"role": "user", "content": "I want to talk to a person."},
        {"role": "assistant", "content": reply},
    ]
    assert "Unmet escalation" not in [i.category for i in detect_issues(msgs)]


def test_an_offer_to_handle_it_here_is_no_answer_and_a_handover_before_the_ask_is_none():
    asks = [{"role": "user", "content": "Transfer me to a manager."}]
    handle = {"role": "assistant", "content": "No need, I can handle it right here! What's up?"}
    assert "Unmet escalation" in [i.category for i in detect_issues([*asks, handle])]
    earlier = {"role": "assistant", "content": "I'm now transferring you to billing."}
    msgs = [{"role": "user", "content": OPENING}, earlier, *asks, handle]
    assert "Unmet escalation" in [i.category for i in detect_issues(msgs)]


@pytest.mark.parametrize(
    "reply",
    [
        "ftp error: 530 login incorrect",  # a tool's own prefix, then the level
        'svc=lockers level=fatal msg="db gone"',
        ">> ERROR while syncing lockers",
        "W0101 cache stale; error: locker map empty",
        "Sync failed: locker 14 offline",
        "E0412 08:15:00.1 lockers.go:12] could not open",
        "E: locker firmware mismatch",
        "ERR_NAME_NOT_RESOLVED fetching locker map",
        "[503] lockers temporarily unavailable",
        "** (KeyError) key :locker not found",
        '  File "lockers.py", line 3, in open\n    raise Jammed()',
        "com.acme.lockers.LockerJamException$Timeout",
        "TokenExpired: refresh token is older than 30 days",
        "wget: server returned error: HTTP/1.1 410",
        "HTTP Error 403: Forbidden",
        "failed with a status of 429",
        "connect ECONNREFUSED 10.0.0.4:443 (connection refused)",
        "goroutine 7 [running]:\nmain.open()",
        "terminate called after throwing an instance of 'std::bad_alloc'",
        "status = StatusCode.DEADLINE_EXCEEDED",
    ],
)
def test_tool_failures_in_log_and_runtime_formats(reply):
    assert is_error_reply({"role": "tool", "content": reply})


@pytest.mark.parametrize(
    "reply",
    [
        "Service status: operational; last failure: 2025-01-02",
        "Last failed login: none",
        "E-ticket sent for locker 14",
        "E. coli test: negative",
        "Eileen: 4 parcels waiting",
        "Errors reported this month: 0 (fatal: 0)",
        'File "report.pdf" attached',
        "Locker 503 is free",
        "Orders with status of 200 items or more ship free",
        # documentation and records that quote an error, in replies that succeeded
        '{"results": [{"title": "Troubleshooting: connection refused", "snippet": "If you see '
        'connection refused, add your IP to the allow list."}]}',
        '{"answer": "During scheduled maintenance the API may answer HTTP Error 503; retry."}',
        "Deploy #482 succeeded. Note: fixed the 'terminate called after throwing' crash.",
        "Ticket 5521 (closed): the upload page returned an error on Monday; resolved Tuesday.",
    ],
)
def test_ordinary_replies_that_mention_those_words_are_not_failures(reply):
    assert not is_error_reply({"role": "tool", "content": reply})
