"""The forms fresh batch 21 (bench/facet_robustness_batch21.py) found weak on its development part,
as general rules (issue 14, session 22): each with phrasings of our own in other domains (a
garden centre, a ski school, a bus company, a brewery, a print shop, a laundrette, a campsite, a
piano tuner) and look-alikes that must not fire. None is taken from batch 21 or the demo's
templates.
"""

from __future__ import annotations

import pytest
from test_fresh_forms20 import _after_tool, _issues, _label, _reply_fails

# --- tool failures: "not authorized" / "not authenticated" at the head, a JavaScript runtime's
# unhandled rejection by its CamelCase name

FAILED_REPLIES = [
    "Not authorized: session has no access to the brewery ledger",
    "Not authenticated.",
    "[UnhandledPromiseRejection: fetch failed for /laundrette/machines]",
    "node:internal/process/task_queues:95\n    at processTicksAndRejections\n\n"
    "[UnhandledPromiseRejection: socket closed by the campsite gateway]",
]
CLEAN_REPLIES = [
    "Authorized: you can edit the ski school rota.",
    "No users lack permissions on the brewery ledger.",
    "Permission check passed: token has print:orders.write",
    "UncaughtExceptionHandler registered for the print worker",
    '{"unhandled_rejections": 0, "status": "ok"}',
]


@pytest.mark.parametrize("reply", FAILED_REPLIES)
def test_refusals_and_unhandled_rejections_are_failed_replies(reply):
    assert _reply_fails(reply)


@pytest.mark.parametrize("reply", CLEAN_REPLIES)
def test_permissions_present_or_counted_are_no_failure(reply):
    assert not _reply_fails(reply)


# --- the agent's regret after a tool reply: a device that did not respond; an insurance policy
# as the object of the failed attempt is no "policy" that forbids it

APOLOGIES = [
    "Sorry, the greenhouse heater didn't respond to that command.",
    "Apologies, the laundrette machine did not react to the start signal.",
    "My apologies, I wasn't able to add the trailer to your policy just now.",
    "Sorry, I couldn't update the caravan on the policy this time.",
]
NOT_FAILURES = [
    "Sorry, I couldn't add the trailer: our policy doesn't cover trailers over 750 kg.",
    "Sorry for the wait, the heater responded and is warming up.",
    "Unfortunately the campsite's policy does not allow dogs in July.",
]


@pytest.mark.parametrize("text", APOLOGIES)
def test_regret_for_an_attempt_that_did_not_happen_is_a_failed_call(text):
    assert "Failed tool call" in _after_tool(text)


@pytest.mark.parametrize("text", NOT_FAILURES)
def test_policy_answers_and_waiting_apologies_are_no_failed_call(text):
    assert "Failed tool call" not in _after_tool(text)


# --- escalation: a one-word ask with its urgency apart ("AGENT. NOW."); a handover announced as
# "Escalated:" or a ticket said to be with a team

DEFLECT = "Our buses run every 20 minutes on weekdays."


@pytest.mark.parametrize("ask", ["AGENT. NOW.", "human!! now!!", "Operator, please."])
def test_a_bare_ask_for_a_person_with_urgency_unanswered_is_unmet(ask):
    msgs = [{"role": "user", "content": ask}, {"role": "assistant", "content": DEFLECT}]
    assert "Unmet escalation" in _issues(*msgs)


@pytest.mark.parametrize("ask", ["Human resources, please.", "Agent number?"])
def test_a_department_or_a_question_is_no_bare_ask(ask):
    msgs = [{"role": "user", "content": ask}, {"role": "assistant", "content": DEFLECT}]
    assert "Unmet escalation" not in _issues(*msgs)


@pytest.mark.parametrize(
    "reply",
    [
        "Escalated: your complaint is with the depot manager now.",
        "Escalated - the brewery's quality team has it.",
        "Ticket BUS-2291 is now with our lost property team.",
        "Your case 4471 has been assigned to the campsite warden.",
    ],
)
def test_an_escalation_announced_or_a_ticket_with_a_team_meets_the_ask(reply):
    msgs = [
        {"role": "user", "content": "I want to speak to a supervisor about this."},
        {"role": "assistant", "content": reply},
    ]
    assert "Unmet escalation" not in _issues(*msgs)


@pytest.mark.parametrize(
    "reply",
    [
        "Tickets are usually with the team for two days.",
        "Escalated complaints take a week to answer.",
    ],
)
def test_tickets_talked_about_are_no_handover(reply):
    msgs = [
        {"role": "user", "content": "I want to speak to a supervisor about this."},
        {"role": "assistant", "content": reply},
    ]
    assert "Unmet escalation" in _issues(*msgs)


# --- frustration in new words: a non-answer; "like I asked"; "to you twice"; no memory; out of
# patience; living without it; sarcasm by a sweeping "because everybody ...", a dismissive "of
# course it is", love for what never happened, "nothing says X like Y", the agent's claim echoed
# with a laugh

NEGATIVE = [
    (
        "Why is the 7:40 bus always late?",
        "Timetables are reviewed every season.",
        "That's a non-answer.",
    ),
    (
        "Why was I charged for the lift pass twice?",
        "Lift passes are sold at the kiosk.",
        "Nothing you've said explains the second charge.",
    ),
    (
        "Reprint the flyers on matte paper.",
        "Our flyers come in A5 and A6.",
        "Please reprint them on matte, like I asked.",
    ),
    (
        "What's my booking number?",
        "Could you tell me your surname?",
        "I gave it to you twice already, it's Okafor.",
    ),
    (
        "Where's my piano tuning?",
        "Can you tell me your address?",
        "Do you have no memory at all?",
    ),
    (
        "The dryer ate my coins again.",
        "Please try another machine.",
        "I've run out of patience with this place.",
    ),
    (
        "The tent pitch has no power.",
        "Electric hook-ups are checked weekly.",
        "meh, guess we'll cope without power then",
    ),
    (
        "The tour bus left without us.",
        "Tours depart on time.",
        "Oh sure, because everybody reads the small print on a ticket stub.",
    ),
    (
        "I was charged a no-show fee.",
        "That's our standard policy.",
        "Of course it is. Love paying for lessons that never happened.",
    ),
    (
        "My pay went down this month.",
        "Thanks for being part of the team!",
        "Nothing says thank you like a smaller pay cheque.",
    ),
    (
        "The print job has been queued for a day.",
        "Our print queue is fast and reliable.",
        "fast and reliable lol. still queued.",
    ),
]
NOT_NEGATIVE = [
    (
        "Can I add a second pitch?",
        "Yes, pitch 14 is free next to yours.",
        "Perfect, that's exactly like I asked, thanks!",
    ),
    (
        "Did the flyers print?",
        "Yes, on matte, as you asked.",
        "Great, just as I asked. Thanks.",
    ),
    (
        "Do you keep a record of my past orders?",
        "Yes, under Orders.",
        "Do you have memory of my preferences too?",
    ),
    (
        "Can I rent skis without boots?",
        "Yes, skis alone are 20 per day.",
        "I can do without the boots, thanks.",
    ),
    (
        "Does everyone on the team need a pass?",
        "Only drivers need one.",
        "Sure, because everyone on the team drives, please add all five.",
    ),
    (
        "Is the brewery tour on Saturday?",
        "Yes, it is.",
        "I love paying by card, it's so quick. Book two, please.",
    ),
    (
        "Is the jam back in stock?",
        "Yes, the strawberry jam is back.",
        "Nothing says summer like your strawberry jam, thank you!",
    ),
    (
        "Is the bus quick?",
        "The express is fast and reliable.",
        "fast and reliable is all I need lol, thanks!",
    ),
    (
        "Did the heater work?",
        "Yes, it's on now.",
        "Great lol, that worked.",
    ),
]


@pytest.mark.parametrize("turns", NEGATIVE)
def test_frustration_in_new_words_is_negative(turns):
    assert _label(*turns) in ("NEGATIVE", "MIXED")


@pytest.mark.parametrize("turns", NOT_NEGATIVE)
def test_calm_turns_with_those_words_are_not_negative(turns):
    assert _label(*turns) not in ("NEGATIVE", "MIXED")
