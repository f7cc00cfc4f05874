"""Issues on conversations we did not write (review rv11, 400 booking-agent traces): a handover
that happened is ESCALATION, a timeout is TIMEOUT (not a generic failed call), and the same or a
near-identical answer sent again is LOOP. Phrasings written for this test from general agent
traffic (clinics, banks, pharmacies, carriers, couriers, developer tools), several forms each;
look-alikes stay negative: an offered handover, a timeout setting, an answer repeated because the
user asked for it."""

from __future__ import annotations

import json

import pytest

from tracetopics_pipeline.core.facets.summarizers.local.issues import (
    detect_issues,
    summarize_issues,
)


def _call(cid: str, name: str, reply: str, **extra) -> list[dict]:
    return [
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {"id": cid, "type": "function", "function": {"name": name, "arguments": "{}"}}
            ],
        },
        {"role": "tool", "tool_call_id": cid, "content": reply, **extra},
    ]


def _label(msgs: list[dict], metrics: dict | None = None) -> str:
    return summarize_issues(detect_issues(msgs, metrics))[1]


def _cats(msgs: list[dict], metrics: dict | None = None) -> list[str]:
    return [i.category for i in detect_issues(msgs, metrics)]


# --- 1. A handover that happened -----------------------------------------------------------------

HANDED_OVER = [
    "Transferring you to a team member now.",
    "Connecting you to one of our vet nurses - please stay on the line.",
    "I've passed this to our front desk, they'll call you within the hour.",
    "I'm handing this conversation over to a pharmacist who can answer that.",
    "You're now being connected with a billing specialist.",
    "Let me put you through to our claims team.",
    "Please hold while I transfer you to a live agent.",
    "One moment, I'll transfer you to reception now.",
    "Your chat has been handed over to a colleague in the returns department.",
    "I have escalated your case to a supervisor, who will pick it up in this chat.",
    "I've referred your request to our dispatch team and they will contact you shortly.",
    "Okay. I've now routed this conversation to the on-call technician.",
    "Sure, passing you over to someone in accounts.",
    "I've forwarded your query to the practice manager; she'll be in touch today.",
    "No problem - a member of our team will join this chat shortly.",
    "Your call is being transferred.",
    "I've paged the on-call vet, who will call you shortly.",
    "I'll hand you over to Sarah at reception.",
    "I've flagged this with our front desk and they will ring you back.",
]


def _asked_then(agent: str, ask: str = "Can I talk to a real person please?") -> list[dict]:
    return [
        {"role": "user", "content": "My direct debit failed twice this month."},
        {"role": "assistant", "content": "I'm sorry to hear that. Let me look into it."},
        {"role": "user", "content": ask},
        {"role": "assistant", "content": agent},
    ]


def _unasked_then(agent: str) -> list[dict]:
    return [
        {"role": "user", "content": "My dog's vaccination record shows the wrong date."},
        {"role": "assistant", "content": agent},
    ]


@pytest.mark.parametrize("text", HANDED_OVER)
def test_a_handover_said_after_an_ask_for_a_person_is_escalation(text):
    assert _label(_asked_then(text)) == "ESCALATION"


@pytest.mark.parametrize("text", HANDED_OVER)
def test_a_handover_said_unasked_is_escalation(text):
    assert _label(_unasked_then(text)) == "ESCALATION"


HANDOFF_TOOLS = [
    ("transfer_to_human", '{"status": "transferred", "queue_position": 2}'),
    ("create_handoff", '{"success": true, "handoff_id": "H-881"}'),
    ("handoff_to_staff", "OK"),
    ("route_to_agent", '{"routed": true, "team": "front desk"}'),
    ("assign_to_nurse_queue", '{"assigned": true}'),
    ("connect_live_agent", '{"session": "lv-20", "state": "connected"}'),
]


@pytest.mark.parametrize(("name", "reply"), HANDOFF_TOOLS)
def test_a_handoff_tool_that_succeeds_is_escalation(name, reply):
    msgs = [
        {"role": "user", "content": "I need someone to look at my claim, please."},
        *_call("h1", name, reply),
        {"role": "assistant", "content": "Done - someone will be with you shortly."},
    ]
    assert _label(msgs) == "ESCALATION"


def test_a_handoff_tool_that_fails_is_a_failed_call_not_an_escalation():
    msgs = [
        {"role": "user", "content": "Put me through to a human."},
        *_call("h1", "create_handoff", '{"error": "no agents in queue", "status": 503}'),
        {"role": "assistant", "content": "Sorry, I couldn't reach the team just now."},
    ]
    cats = _cats(msgs)
    assert cats[0] == "Failed tool call"
    assert "Escalation to human" not in cats


NOT_HANDED_OVER = [
    "I can transfer you if you like.",
    "Would you like me to connect you with a nurse?",
    "If the problem persists, I'll transfer you to a specialist.",
    "Shall I put you through to billing?",
    "I'm happy to pass this to our front desk if you'd prefer.",
    "I tried to transfer you, but the line to the surgery was busy.",
    "I've passed your feedback on to the product team - thank you.",
    "I transferred the booking to Thursday at 10:00.",
    "The funds were transferred to your savings account this morning.",
    "When you're ready, I can connect you with our travel desk.",
    "I recommend transferring you to a claims adviser. Would you like me to go ahead?",
    "I've put it through now, you should see the payment tomorrow.",
    "I've notified you by email.",
    "I've passed the parcel to the courier.",
    "No, I won't transfer you.",
]


@pytest.mark.parametrize("text", NOT_HANDED_OVER)
def test_an_offer_or_a_transfer_of_something_else_is_no_escalation(text):
    assert "Escalation to human" not in _cats(_unasked_then(text))


@pytest.mark.parametrize("name", ["transfer_funds", "bank_transfer", "transfer_booking"])
def test_a_tool_that_moves_money_or_bookings_is_no_escalation(name):
    msgs = [
        {"role": "user", "content": "Move 200 to my savings please."},
        *_call("t1", name, '{"ok": true, "reference": "TR-77"}'),
        {"role": "assistant", "content": "All done, the reference is TR-77."},
    ]
    assert "Escalation to human" not in _cats(msgs)


# --- 2. A timeout is a TIMEOUT ------------------------------------------------------------------

TIMEOUT_REPLIES = [
    '{"error": "timeout"}',
    "connect ETIMEDOUT 10.12.0.7:443",
    "rpc error: code = DeadlineExceeded desc = context deadline exceeded",
    "HTTP/1.1 504 Gateway Timeout",
    "requests.exceptions.ReadTimeout: HTTPSConnectionPool(host='cal.internal', port=443): "
    "Read timed out. (read timeout=30)",
    '{"status": "timed_out", "results": []}',
    "The request took too long and was cancelled by the gateway.",
    '{"code": 408, "message": "Request Timeout"}',
    "Error: operation exceeded the 30 s time limit",
    "asyncio.exceptions.TimeoutError",
    '{"ok": false, "reason": "deadline_exceeded"}',
]


def _tool_then(reply: str, agent: str = "Let me know how you'd like to proceed.", **extra):
    return [
        {"role": "user", "content": "Can you book Bella in for her booster on Friday?"},
        *_call("c1", "book_appointment", reply, **extra),
        {"role": "assistant", "content": agent},
    ]


@pytest.mark.parametrize("reply", TIMEOUT_REPLIES)
def test_a_tool_reply_that_timed_out_is_timeout(reply):
    msgs = _tool_then(reply)
    assert _label(msgs) == "TIMEOUT"
    assert "Failed tool call" in _cats(msgs)  # a timeout is still a call that failed


AGENT_SAYS_TIMEOUT = [
    "Sorry, the booking service timed out before it could confirm your slot.",
    "The pharmacy system is taking too long to respond, so I couldn't check stock.",
    "My request to the scheduling tool timed out - shall I try again?",
    "Apologies, the lookup didn't respond in time.",
    "The carrier's tracking API keeps timing out at the moment.",
    "I hit a timeout while fetching your statement.",
]


@pytest.mark.parametrize("text", AGENT_SAYS_TIMEOUT)
def test_the_agent_reporting_a_timeout_after_a_call_is_timeout(text):
    assert _label(_tool_then('{"slots": []}', text)) == "TIMEOUT"


@pytest.mark.parametrize(
    "extra",
    [
        {"latency_s": 38.5},
        {"duration_ms": 41000},
        {"metadata": {"latency_s": 31.2}},
        {"metrics": {"elapsed_ms": 45000}},
    ],
)
def test_a_slow_tool_is_timeout(extra):
    assert _label(_tool_then('{"error": "upstream error"}', **extra)) == "TIMEOUT"
    assert _label(_tool_then('{"slots": ["09:00"]}', "Friday at 09:00 works.", **extra)) == (
        "TIMEOUT"
    )


def test_a_quick_tool_is_no_timeout():
    assert "Timeout" not in _cats(_tool_then('{"slots": ["09:00"]}', "09:00 works.", latency_s=2))
    assert _label(_tool_then('{"error": "upstream error"}', latency_s=12)) == "FAILED_TOOL_CALL"


def test_a_timeout_beside_another_failure_stays_a_failed_call_first():
    msgs = [
        {"role": "user", "content": "Refill my prescription and check the delivery date."},
        *_call("c1", "refill", "403 Forbidden: token lacks scope rx:write"),
        *_call("c2", "delivery_eta", '{"error": "timeout"}'),
        {"role": "assistant", "content": "Neither step worked, sorry."},
    ]
    cats = _cats(msgs)
    assert cats[0] == "Failed tool call" and "Timeout" in cats


NOT_TIMEOUT = [
    # a user's question about a setting, answered from a clean lookup
    (
        "Is the timeout setting 30 s on the booking widget?",
        '{"widget": "booking", "timeout_s": 30}',
        "Yes - the timeout setting is 30 s for the booking widget.",
    ),
    (
        "How long before my session times out?",
        '{"session_timeout_minutes": 15}',
        "Your session times out after 15 minutes of inactivity.",
    ),
    (
        "What happens if the payment page is slow?",
        '{"article": "slow-pages"}',
        "If the page times out, just refresh it and your basket will still be there.",
    ),
]


@pytest.mark.parametrize(("user", "reply", "agent"), NOT_TIMEOUT)
def test_talk_about_a_timeout_setting_is_no_timeout(user, reply, agent):
    msgs = [{"role": "user", "content": user}, *_call("c1", "lookup", reply)]
    msgs.append({"role": "assistant", "content": agent})
    assert _cats(msgs) == []


def test_an_error_about_a_timeout_value_is_a_failed_call_not_a_timeout():
    msgs = _tool_then("Error: invalid value for timeout: must be between 1 and 60")
    assert _label(msgs) == "FAILED_TOOL_CALL"
    assert "Timeout" not in _cats(msgs)


@pytest.mark.parametrize(
    "reply",
    ["403 Forbidden", '{"error": "slot_taken", "status": 409}', "KeyError: 'pet_id'"],
)
def test_other_tool_errors_stay_failed_calls(reply):
    assert _label(_tool_then(reply)) == "FAILED_TOOL_CALL"


# --- 3. The same answer again is a LOOP ---------------------------------------------------------

LOOPS = [
    # (first answer, the user's next turn, the answer again)
    (
        "Our clinic opens at 8:30 on weekdays and 9:00 on Saturdays.",
        "Can I come in on Sunday then?",
        "Our clinic opens at 8:30 on weekdays and 9:00 on Saturdays.",
    ),
    (
        "Sure! To reset your PIN, open the app, tap Card, then choose Reset PIN.",
        "I did that and it didn't work.",
        "To reset your PIN, open the app, tap Card, then choose Reset PIN!",
    ),
    (
        "Your parcel is with the courier and should arrive within 2 working days.",
        "It's been a week already, where is it?",
        "Your parcel is currently with the courier and should arrive within 2 working days.",
    ),
    (
        "You can change your plan from Settings > Billing > Change plan.",
        "There's no Billing option in my settings.",
        "You can change your plan from Settings > Billing > Change plan, as mentioned.",
    ),
    (
        "I understand. The earliest appointment we have is Tuesday at 14:00 with Dr Patel.",
        "Nothing sooner? It's urgent.",
        "I understand - the earliest appointment we have is Tuesday at 14:00 with Dr Patel.",
    ),
]


def _convo(first: str, user: str, again: str) -> list[dict]:
    return [
        {"role": "user", "content": "Hi, I have a question."},
        {"role": "assistant", "content": first},
        {"role": "user", "content": user},
        {"role": "assistant", "content": again},
    ]


@pytest.mark.parametrize(("first", "user", "again"), LOOPS)
def test_the_same_or_a_near_identical_answer_again_is_a_loop(first, user, again):
    assert _label(_convo(first, user, again)) == "LOOP"


def test_the_same_answer_three_times_is_a_loop():
    msgs = _convo(*LOOPS[0])
    msgs += [
        {"role": "user", "content": "That's not what I asked."},
        {
            "role": "assistant",
            "content": "Our clinic opens at 8:30 on weekdays, and 9:00 on Saturdays.",
        },
    ]
    assert _label(msgs) == "LOOP"


ASKED_TO_REPEAT = [
    "Sorry, can you repeat that?",
    "Could you say that again please?",
    "I didn't catch that - what was it?",
    "come again?",
    "Can you repeat the opening hours one more time",
]


@pytest.mark.parametrize("ask", ASKED_TO_REPEAT)
def test_an_answer_repeated_because_the_user_asked_is_no_loop(ask):
    first = LOOPS[0][0]
    assert "Loop" not in _cats(_convo(first, ask, first))


DIFFERENT = [
    (
        "I've booked Bella in for Monday at 10:00 with Dr Reyes.",
        "And her sister Luna too please.",
        "I've booked Luna in for Tuesday at 11:30 with Dr Reyes.",
    ),
    (
        "Your refund of 42.50 has been issued to the card ending 1234.",
        "And the other order?",
        "Your refund of 18.00 has been issued to the card ending 1234.",
    ),
    (
        "Let me check the stock levels at the Camden branch for you.",
        "What about Islington?",
        "Let me check the stock levels at the Islington branch for you.",
    ),
]


@pytest.mark.parametrize(("first", "user", "again"), DIFFERENT)
def test_answers_alike_in_form_with_different_details_are_no_loop(first, user, again):
    assert "Loop" not in _cats(_convo(first, user, again))


def test_rv11_shaped_trace_ends_as_one_issue():
    """A whole conversation in JSON as a tracing client would store it: the label is TIMEOUT."""
    raw = json.dumps(
        [
            {"role": "user", "content": "Book Milo's dental for next week"},
            {
                "role": "assistant",
                "content": "",
                "tool_calls": [
                    {
                        "id": "a",
                        "type": "function",
                        "function": {"name": "find_slots", "arguments": '{"pet": "Milo"}'},
                    }
                ],
            },  # fmt: skip
            {"role": "tool", "tool_call_id": "a", "content": "Error: read timed out"},
            {"role": "assistant", "content": "Sorry, the diary didn't answer. Try again later?"},
        ]
    )
    assert _label(json.loads(raw)) == "TIMEOUT"


def test_a_timeout_retried_and_reported_in_words_stays_a_timeout():
    """The agent's report after the retry ("the first try failed") is about the timeout."""
    msgs = [
        {"role": "user", "content": "Is my prescription ready for collection?"},
        *_call("c1", "rx_status", "Error: upstream request timed out"),
        *_call("c2", "rx_status", '{"ready": true, "shelf": "B4"}'),
        {
            "role": "assistant",
            "content": "Sorry, my first lookup failed, but the second attempt worked: it's ready.",
        },
    ]
    assert _label(msgs) == "TIMEOUT"
