"""The forms fresh batch 20 (bench/facet_robustness_batch20.py) found weak on its development part,
as general rules (issue 14, session 21): each with phrasings of our own in other domains (a
bakery, a museum, a bike shop, a dentist, a ferry, a payroll tool, a library, a kennel) and
look-alikes that must not fire. None is taken from batch 20 or the demo's templates.
"""

from __future__ import annotations

import facet_robustness_set as rs
import pytest

from tracetopics_pipeline.core.facets.preprocess import is_error_reply
from tracetopics_pipeline.core.facets.summarizers.local.issues import detect_issues
from tracetopics_pipeline.core.facets.summarizers.local.sentiment import summarize_sentiment


def _reply_fails(reply: str) -> bool:
    return is_error_reply({"role": "tool", "content": reply}, "lookup")


def _issues(*msgs: dict) -> list[str]:
    return [i.category for i in detect_issues(list(msgs))]


def _label(*turns: str) -> str:
    """Sentiment of alternating user / agent turns, the user first."""
    dialogue = [("user" if k % 2 == 0 else "assistant", t) for k, t in enumerate(turns)]
    users = [t for r, t in dialogue if r == "user"]
    agent = [t for r, t in dialogue if r == "assistant"]
    return summarize_sentiment(users, agent, dialogue=dialogue)[0]


# --- tool failures in words: a permission refused anywhere near the head, an exception thrown
# at a frame, a Python-printed dict with an error status

FAILED_REPLIES = [
    "remote: Permission to bakery/orders.git denied to deploy-bot.",
    "Operation not permitted (EPERM)",
    "mkdir /var/museum/exports: operation not permitted",
    "You are not authorized to change payroll runs for this company.",
    "Access to ledger 2024 denied for role clerk",
    "user kennel-app does not have the required permissions on bookings",
    "sync aborted: insufficient privileges for calendar 'ferry-ops'",
    "IllegalArgumentException at BikeShop.Repairs.schedule",
    "NoSuchElementException at com.library.Loans.next",
    "{'status': 403, 'detail': 'forbidden'}",
    "[{'id': 7, 'status': 500}]",
    "{'result': {'http_status': 422, 'why': 'bad date'}}",
]
CLEAN_REPLIES = [
    "Permission granted: editor on bakery/orders.",
    "Access to ledger 2024 granted for role clerk",
    "You are authorized to change payroll runs for this company.",
    "NullPointerException at line 12 was fixed in release 2.3",
    "{'status': 200, 'loans': 3}",
    "{'status': 'ok', 'errors': []}",
    "[{'id': 7, 'status': 201}]",
    "The museum is not allowed to lend the painting abroad; it stays in Room 4.",
]


@pytest.mark.parametrize("reply", FAILED_REPLIES)
def test_failures_in_words_are_failed_tool_calls(reply):
    assert _reply_fails(reply)


@pytest.mark.parametrize("reply", CLEAN_REPLIES)
def test_permission_given_or_a_clean_record_is_no_failure(reply):
    assert not _reply_fails(reply)


# --- the agent's own attempt named as failed, with regret, right after the tool reply

APOLOGIES = [
    "Sorry, the reschedule did not apply; you're still on Monday.",
    "My apologies, the transfer failed and the money is still in your account.",
    "Unfortunately it errored, so the kennel booking is not there.",
    "I'm sorry, the refund bounced back to us.",
]
NOT_FAILURES = [
    "Sorry for the wait, your ferry seats are booked: 12A and 12B.",
    "Sorry, that slot is already taken; 10:30 is free instead.",
    "Apologies for the delay, the payroll run completed and payslips are out.",
]


def _after_tool(text: str, reply: str = '{"result": "ok"}') -> list[str]:
    return _issues(
        {"role": "user", "content": "Could you sort this out for me?"},
        *rs._tool("c1", "update_record", reply),
        {"role": "assistant", "content": text},
    )


@pytest.mark.parametrize("text", APOLOGIES)
def test_an_attempt_named_as_failed_after_a_tool_is_a_failed_call(text):
    assert "Failed tool call" in _after_tool(text)


@pytest.mark.parametrize("text", NOT_FAILURES)
def test_apology_for_waiting_or_an_answer_is_no_failed_call(text):
    assert "Failed tool call" not in _after_tool(text)


# --- escalation: a person in charge named by what they run; a handover said as done without its
# object

DEFLECT = "Our opening hours are 9 to 5, Monday to Saturday."


@pytest.mark.parametrize(
    "ask",
    [
        "Connect me with your bakery manager.",
        "Get me the site supervisor.",
        "Please connect me with the studio manager now",
        "Get me the kennel owner.",
    ],
)
def test_asking_for_a_person_in_charge_unanswered_is_unmet(ask):
    msgs = [{"role": "user", "content": ask}, {"role": "assistant", "content": DEFLECT}]
    assert "Unmet escalation" in _issues(*msgs)


@pytest.mark.parametrize(
    "ask",
    [
        "Can you get the sales manager report for May?",
        "Open the account manager settings page.",
        "Where do I find the branch manager field in the form?",
    ],
)
def test_a_thing_named_after_a_role_is_no_ask_for_a_person(ask):
    msgs = [{"role": "user", "content": ask}, {"role": "assistant", "content": DEFLECT}]
    assert "Unmet escalation" not in _issues(*msgs)


@pytest.mark.parametrize(
    "reply",
    [
        "Escalated to the duty manager.",
        "Passed on to our payroll team.",
        "Noted. Transferred to our circulation desk, who will take it from here.",
        "Forwarded directly to the ferry's customer care desk.",
    ],
)
def test_a_handover_said_as_done_meets_the_ask(reply):
    msgs = [
        {"role": "user", "content": "I need to speak to a manager about this."},
        {"role": "assistant", "content": reply},
    ]
    assert "Unmet escalation" not in _issues(*msgs)


@pytest.mark.parametrize(
    "reply",
    [
        "If escalated to a manager, complaints take two days.",
        "Escalated tickets are handled by the support team within a week.",
    ],
)
def test_escalation_talked_about_is_no_handover(reply):
    msgs = [
        {"role": "user", "content": "I need to speak to a manager about this."},
        {"role": "assistant", "content": reply},
    ]
    assert "Unmet escalation" in _issues(*msgs)


# --- sarcasm: praise beside waiting that has gone on or trouble come again; mock agreement and
# mock sympathy

SARCASM = [
    (
        "Has my crown been made yet?",
        "The lab is still working on it.",
        "Still in the lab after five weeks, how reassuring.",
    ),
    (
        "Is the ferry on time?",
        "There is a delay on the 14:00 sailing.",
        "Fourth delay this month. Stellar service.",
    ),
    (
        "Can I pick up my bike?",
        "The mechanic is off today.",
        "brilliant, a two-hour wait at the shop for nothing, love it",
    ),
    (
        "Why did payroll run late?",
        "The system was in maintenance.",
        "Sure, the payroll system is flawless. But sure, great planning.",
    ),
    (
        "Where is the curator?",
        "She is on leave again this week.",
        "She must be exhausted from all that curating.",
    ),
]
NOT_SARCASM = [
    (
        "Has my crown been made yet?",
        "It is ready, you can collect it tomorrow.",
        "Great, thanks. I'll collect it tomorrow.",
    ),
    (
        "Is the ferry on time?",
        "There is a delay on the 14:00 sailing.",
        "Ok, no problem, thanks for letting me know.",
    ),
    (
        "Is this my second booking this month?",
        "Yes, it's the second.",
        "Great, I'll pay for both at once.",
    ),
    (
        "What could go wrong with the install?",
        "Usually nothing, it takes ten minutes.",
        "Ok, good.",
    ),
]


@pytest.mark.parametrize("turns", SARCASM)
def test_sarcasm_of_waiting_recurrence_and_mockery_is_negative(turns):
    assert _label(*turns) in ("NEGATIVE", "MIXED")


@pytest.mark.parametrize("turns", NOT_SARCASM)
def test_plain_praise_or_acceptance_is_not_negative(turns):
    assert _label(*turns) not in ("NEGATIVE", "MIXED")


# --- cancel talk: withdrawing what the user keeps with the business; "that solves it" is
# satisfaction; asking the agent to repeat is no repeated request; "you ignored my instructions"

NEGATIVE = [
    (
        "Why was class cancelled again?",
        "The teacher is ill.",
        "We're thinking of taking our daughter out of this dance school.",
    ),  # fmt: skip
    ("Fees went up again?", "Yes, by 8%.", "Ready to pull our money out of the fund."),
    ("Tournament rules changed?", "Yes, from next week.", "Then we'll pull out of the league."),
    (
        "Only edit the README",
        "I also rewrote the tests.",
        "You completely ignored my instructions.",
    ),  # fmt: skip
    (
        "Keep the colours",
        "I switched the palette to blue.",
        "You have simply disregarded my brief.",
    ),  # fmt: skip
]
NOT_NEGATIVE = [
    ("Can you book the kennel?", "Booked for the 3rd.", "I'll take my dog out of the car first."),
    ("How do I bake it?", "20 minutes at 200 C.", "Could you repeat that once more slowly?"),
    ("Is the filling temporary?", "Yes, for two weeks.", "Do I have to repeat the X-ray then?"),
    ("Change the font?", "Done.", "Please ignore my earlier instructions about the logo."),
]


@pytest.mark.parametrize("turns", NEGATIVE)
def test_leaving_and_complaints_in_new_words_are_negative(turns):
    assert _label(*turns) in ("NEGATIVE", "MIXED")


@pytest.mark.parametrize("turns", NOT_NEGATIVE)
def test_calm_asks_with_those_words_are_not_negative(turns):
    assert _label(*turns) not in ("NEGATIVE", "MIXED")


@pytest.mark.parametrize(
    "turns",
    [
        (
            "Where is my order?",
            "Found it: it was at the wrong depot, arriving today.",
            "Excellent, that solves it.",
        ),  # fmt: skip
        (
            "Can't log in.",
            "I reset your password and unlocked the account.",
            "Ah, this fixes everything.",
        ),  # fmt: skip
    ],
)
def test_saying_it_solves_it_is_positive(turns):
    assert _label(*turns) == "POSITIVE"
