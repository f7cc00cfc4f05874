"""Calm turns the rules misread (issue 14, ninth pass): a report that something now works is not
"that didn't help"; a polite ask for a person that the agent met is not frustration; an
acknowledgement closes a conversation; an answer that explains an error code is not a failed
call. Phrasings written for this test, in words and domains the robustness batches do not use;
each class with look-alikes that must keep their reading."""

from __future__ import annotations

import pytest
from factories.dialogues import A, U
from factories.dialogues import issue_categories as _issues
from factories.dialogues import sentiment_label as _label

from tracetopics_pipeline.core.facets.preprocess import explains_error, is_error_reply
from tracetopics_pipeline.core.facets.summarizers.local.issues import detect_issues
from tracetopics_pipeline.core.facets.summarizers.local.sentiment import signals
from tracetopics_pipeline.core.facets.summarizers.local.sentiment_outcome import agent_failed
from tracetopics_pipeline.core.facets.summarizers.local.success import closes, reports_success

# --- a report that it works now ----------------------------------------------------------------

SUCCESS = [
    ((U, "The garden gate swings open by itself."), (A, "Tighten the hinge bolt a quarter turn."),
     (U, "Tightened it, the gate stays closed now.")),
    ((U, "The tablet screen is very dim."), (A, "Hold the power button for 20 seconds."),
     (U, "Held it, the screen is bright now, thanks")),
    ((U, "The kitchen tap water is cloudy."), (A, "Swap the cartridge in the filter jug."),
     (U, "Swapped it and the water runs clear now.")),
    ((U, "The map app freezes when I zoom."), (A, "Update the app to the latest version."),
     (U, "Updated, it no longer freezes.")),
    ((U, "The hallway light flickers."), (A, "Clean the bulb contacts and screw it in firmly."),
     (U, "Cleaned the contacts, nothing flickers any more.")),
    ((U, "My laptop is slow on wifi."), (A, "Re-seat the antenna cable under the panel."),
     (U, "Re-seated it and it's as quick as the day I bought it.")),
    ((U, "My invoices vanished from the portal."), (A, "Log out and in again to refresh it."),
     (U, "Thanks, the invoices are appearing again in my account.")),
    ((U, "The sofa cushions sag."), (A, "Flip them and fluff them daily for a week."),
     (U, "Did as you said, they look like new.")),
    ((U, "The scanner shows a red light."), (A, "Unplug it for a minute and plug it back in."),
     (U, "After that the scanner is working fine again.")),
]  # fmt: skip
STILL_BAD = [  # look-alikes: the report says the trouble is still there
    ((U, "The garden gate swings open by itself."), (A, "Tighten the hinge bolt a quarter turn."),
     (U, "Tightened it, the gate still won't stay closed.")),
    ((U, "The tablet screen is very dim."), (A, "Hold the power button for 20 seconds."),
     (U, "Held it, the screen is as dim as before.")),
    ((U, "My invoices vanished from the portal."), (A, "Log out and in again to refresh it."),
     (U, "Logged out and in, the error shows up again.")),
    ((U, "The map app freezes when I zoom."), (A, "Update the app to the latest version."),
     (U, "Updated it and now it doesn't work any more.")),
]  # fmt: skip


@pytest.mark.parametrize("turns", SUCCESS)
def test_a_success_report_is_not_didnt_help(turns):
    assert _label(*turns) not in ("NEGATIVE", "MIXED")
    assert reports_success(turns[-1][1])
    assert "Incomplete answer" not in _issues(*turns)
    # nor read again by the semantic layer or the form classifier: the turn is calm
    d = list(turns)
    s = signals([t for r, t in d if r == U], [t for r, t in d if r == A], dialogue=d)
    assert 1 in s.calm


NOT_SUCCESS = [  # "now", "any more" or "worked" in turns that report no success
    "I've entered my postcode four times now.",
    "Checking other garages now.",
    "It doesn't matter any more, I'll sort it elsewhere.",
    "I don't need the service anymore.",
    "Oh sure, because resetting it worked so well last time.",
    "Great, now the parcel is late as well.",
    "I want to talk to a human right now.",
]


@pytest.mark.parametrize("turn", NOT_SUCCESS)
def test_no_success_without_a_state_of_a_subject(turn):
    assert not reports_success(turn)


@pytest.mark.parametrize("turns", STILL_BAD)
def test_a_problem_still_there_stays_didnt_help(turns):
    assert _label(*turns) in ("NEGATIVE", "MIXED")
    assert not reports_success(turns[-1][1])


# --- a polite ask for a person that the agent met ------------------------------------------------

MET = [
    ((U, "Could I please talk to someone in billing about a charge?"),
     (A, "Of course, I'm transferring you to billing now."), (U, "Thanks.")),
    ((U, "Would it be possible to speak with a manager?"),
     (A, "Certainly, our duty manager will call you this afternoon."), (U, "Great, thank you.")),
    ((U, "May I have someone from the repairs team contact me?"),
     (A, "I've asked the repairs team to call you tomorrow morning."), (U, "thanks a lot")),
    ((U, "I'd like to discuss the quote with a member of staff, if that's ok."),
     (A, "No problem, I've passed your case to Priya; she'll email you today."), (U, "Lovely.")),
    # said who will call or write, in other words
    ((U, "Could I talk to a surveyor about the report?"),
     (A, "Yes, I've arranged for our surveyor to ring you on Monday."), (U, "Thanks.")),
    ((U, "May I speak to someone about the refund?"),
     (A, "Maria, who handles refunds, will email you today."), (U, "ok thank you")),
    ((U, "Could somebody from the workshop contact me, please?"),
     (A, "Of course. Tom from the workshop will be in touch by Friday."), (U, "Great.")),
    ((U, "Would it be possible to talk to your accountant?"),
     (A, "I've booked you a call with our accountant for 3pm tomorrow."), (U, "Perfect, thanks.")),
]  # fmt: skip
NOT_CALM = [  # the ask ignored, or insisting: still frustration
    ((U, "Could I speak to a person please?"), (A, "Our opening hours are 9 to 5."), (U, "ok")),
    ((U, "I want a human, not a bot!"), (A, "I'm transferring you now."), (U, "ok")),
    ((U, "Get me a supervisor NOW"), (A, "Connecting you with a supervisor."), (U, "fine")),
]  # fmt: skip


@pytest.mark.parametrize("turns", MET)
def test_a_met_polite_ask_for_a_person_is_not_frustration(turns):
    assert _label(*turns) not in ("NEGATIVE", "MIXED")
    assert "Unmet escalation" not in _issues(*turns)


@pytest.mark.parametrize("turns", NOT_CALM)
def test_an_ignored_or_insisting_ask_stays_frustration(turns):
    assert _label(*turns) in ("NEGATIVE", "MIXED")


def test_a_turn_marked_calm_for_another_reason_still_asks_for_a_person():
    turns = (
        (U, "The app froze."),
        (A, "Restart it."),
        (U, "It works now, but I want a person now."),
    )
    assert _label(*turns) in ("NEGATIVE", "MIXED")


# --- an acknowledgement closes ---------------------------------------------------------------------

ACKS = [
    "That makes sense, thanks.",
    "Understood.",
    "Got it, will do.",
    "Ah OK, that explains it.",
    "Noted with thanks",
    "Fair enough. Cheers!",
    "Right, that's clear now.",
]
OPEN = [  # a question, a request or a problem in the last turn still wants an answer
    "That makes no sense, the page is still blank.",
    "Thanks, but what about the second invoice",
    "Ok. Can you also change the address",
    "Understood, but it still fails.",
    "Got it. I need the receipt as well",
]


@pytest.mark.parametrize("ack", ACKS)
def test_an_acknowledgement_closes(ack):
    turns = ((U, "Why is my bill higher this month?"), (A, "The annual discount ended."), (U, ack))
    assert closes(ack)
    assert "Incomplete answer" not in _issues(*turns)
    assert _label(*turns) not in ("NEGATIVE", "MIXED")


@pytest.mark.parametrize("text", OPEN)
def test_a_turn_with_a_question_or_a_problem_is_left_open(text):
    turns = ((U, "Why is my bill higher this month?"), (A, "The annual discount ended."), (U, text))
    assert not closes(text)
    assert "Incomplete answer" in _issues(*turns)


# --- an answer that explains an error code -------------------------------------------------------

EXPLAINED = [
    "E: Sub-process /usr/bin/dpkg returned an error code (1) means a package failed to configure.",
    "ERR_SSL_PROTOCOL_ERROR indicates the TLS handshake with the site failed.",
    "HTTP 429 is returned when you exceed the rate limit of 100 calls a minute.",
    "ECONNREFUSED happens when nothing is listening on that port.",
    "PermissionDenied is the message you get when the token lacks a scope.",
]
REPORTED = [  # the same codes reported by a failing call
    "E: Unable to lock the administration directory (/var/lib/dpkg/)",
    "ERR_QUOTA_EXCEEDED: monthly quota used up",
    "HTTP 429 Too Many Requests",
    "ECONNREFUSED 127.0.0.1:5432",
    "PermissionDenied: token lacks scope 'calendar.write'",
]


def _tool(reply: str) -> dict:
    return {"role": "tool", "tool_call_id": "c1", "name": "search_docs", "content": reply}


@pytest.mark.parametrize("doc", EXPLAINED)
def test_documentation_of_an_error_is_no_failed_call(doc):
    assert explains_error(doc)
    assert not is_error_reply(_tool(doc))
    assert not agent_failed(doc)
    call = {"role": "assistant", "content": None,
            "tool_calls": [{"id": "c1", "function": {"name": "search_docs", "arguments": "{}"}}]}  # fmt: skip
    msgs = [{"role": "user", "content": "What does this error mean?"}, call, _tool("Article 88"),
            {"role": "assistant", "content": doc}, {"role": "user", "content": "Thanks."}]  # fmt: skip
    assert "Failed tool call" not in [i.category for i in detect_issues(msgs)]


@pytest.mark.parametrize("reply", REPORTED)
def test_an_error_reported_by_a_tool_stays_a_failure(reply):
    assert not explains_error(reply)
    assert is_error_reply(_tool(reply))
