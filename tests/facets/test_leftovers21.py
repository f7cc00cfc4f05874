"""Session 20's thanks/sentiment and tool-result leftovers (issue 14): hope that a fixed problem
stays away, emoji text-speak thanks, undoing one's own duplicate, a double charge the company
made, and a setter's bare status-like number.

Phrasings of our own in a dentist's, a bookshop, a smart lock, a ski school, a CI pipeline, a
car park and a choir; none is taken from bench/sentiment_leftovers_set21.py or the demo's
templates. Each case is paired with a look-alike that must read the other way.
"""

from __future__ import annotations

import json

import pytest
from factories.dialogues import sentiment_label
from held_out import conv

from tracetopics_pipeline.core.facets.preprocess import (
    CallContext,
    call_contexts,
    is_error_reply,
    write_tool,
)
from tracetopics_pipeline.core.facets.summarizers.local.issues import detect_issues
from tracetopics_pipeline.core.facets.summarizers.local.sentiment_thanks import emphasis


def _label(*turns: str) -> str:
    """Sentiment of alternating user / agent turns, the user first."""
    return sentiment_label(*conv(*turns))


# (the problem, the fix, thanks and hope it stays away, the problem back after the thanks)
HOPE_OR_BACK = [
    (
        "The smart lock keeps jamming at night.",
        "I've pushed a firmware fix to your lock.",
        "Great, thanks!! Hopefully it won't jam again.",
        "Great, thanks!! ...and it's happening again tonight.",
    ),
    (
        "My dentist reminder texts come twice.",
        "I've removed the duplicate number.",
        "Perfect, thank you! Let's hope it doesn't break again.",
        "Thank you, but it happened again this morning.",
    ),
    (
        "The ski school app lost my booking.",
        "I've restored the booking.",
        "Wonderful, thanks so much! Hope it won't get lost again 🤞",
        "thx but it just did it again",
    ),
]


@pytest.mark.parametrize("turns", HOPE_OR_BACK, ids=[t[2] for t in HOPE_OR_BACK])
def test_hope_after_a_fix_is_no_complaint_but_the_problem_back_is(turns):
    problem, fix, hope, back = turns
    assert _label(problem, fix, hope) != "NEGATIVE", hope
    assert _label(problem, fix, back) == "NEGATIVE", back


@pytest.mark.parametrize(
    "turn",
    [
        "Second email about my bookshop order. Hopefully someone replies this time.",
        "hopefully i hear back this time, been chasing you since Tuesday",
        "This is my fifth attempt at paying for parking, hopefully it works now.",
    ],
)
def test_hope_after_asking_again_and_again_is_frustration(turn):
    assert _label(turn) == "NEGATIVE", turn
    # look-alikes: a count of tries that worked, hope with no earlier ask
    assert _label("It worked on the second try, thanks.") != "NEGATIVE"
    assert _label("Hopefully the choir rota is out soon, where do I find it?") != "NEGATIVE"


# (the ask, what the agent did, emoji text-speak thanks, a plain thanks with an emoji)
EMOJI_THANKS = [
    ("Can you move my choir seat to the front?", "Moved to row A.", "omg tysm 🙏🙏", "thanks 🙏"),
    ("Please renew my library card.", "Renewed until 2028.", "ty sm 💖", "ok ty 👍"),
    ("Can you unlock the car park barrier?", "Opened it for you.", "yay thank uuu 🎉", "ty 🙂"),
]


@pytest.mark.parametrize("turns", EMOJI_THANKS, ids=[t[2] for t in EMOJI_THANKS])
def test_emoji_text_speak_thanks_after_a_fix_are_satisfaction(turns):
    ask, done, emphatic, plain = turns
    assert emphasis(emphatic) >= 2, emphatic
    assert _label(ask, done, emphatic) == "POSITIVE", emphatic
    assert _label(ask, done, plain) == "NEUTRAL", plain
    # the same thanks after a refusal, or in advance, are no satisfaction
    refused = "I'm sorry, I can't do that from here."
    assert _label(ask, refused, emphatic) != "POSITIVE", emphatic
    assert _label(f"{emphatic} in advance, {ask.lower()}") != "POSITIVE", emphatic


# (the user's own duplicate, asked undone; a double charge the company made)
OWN_OR_THEIRS = [
    (
        "pls cancel the bookshop payment, I sent it twice",
        "You charged me twice for one book. Not ok.",
    ),
    (
        "I paid the ski school deposit twice by accident, could you refund one?",
        "your app billed my card twice for the same lesson",
    ),
    (
        "Oops, I submitted the dentist form twice, please delete the duplicate.",
        "The car park took my money twice and nobody replies.",
    ),
]


@pytest.mark.parametrize(("own", "theirs"), OWN_OR_THEIRS)
def test_undoing_ones_own_duplicate_is_calm_a_double_charge_is_not(own, theirs):
    assert _label(own) == "NEUTRAL", own
    assert _label(theirs) == "NEGATIVE", theirs
    # a request the user had to send twice stays a repeated request
    assert _label("I've sent this twice already, can someone answer?") == "NEGATIVE"


def _call(tool: str, args: dict, reply: str, after: str | None, *, retry: bool = False) -> list:
    def call(cid: str) -> dict:
        fn = {"name": tool, "arguments": json.dumps(args)}
        return {"role": "assistant", "content": None, "tool_calls": [{"id": cid, "function": fn}]}

    msgs = [{"role": "user", "content": "Please change that."}, call("a")]
    msgs.append({"role": "tool", "tool_call_id": "a", "name": tool, "content": reply})
    if retry:
        msgs += [call("b"), {"role": "tool", "tool_call_id": "b", "name": tool, "content": "ok"}]
    msgs.append({"role": "assistant", "content": after or "Done."})
    return msgs


def _failed(msgs: list) -> bool:
    return any(i.category == "Failed tool call" for i in detect_issues(msgs))


# (a setter's bare status-like number: failed; the same number the call asked for or the agent
# read back as a value: data)
SETTER_STATUS = [
    ("set_alarm_level", {"level": "high"}, "500", "set_alarm_level", {"level": 500}, "500"),
    ("update_credit_score", {"delta": 3}, '{"result": 503}', "get_credit_score", {}, "503"),
    ("set_rank", {"rank": "first"}, '{"result": 502}', "set_rank", {"rank": 502}, '"502"'),
]


@pytest.mark.parametrize(("tool", "args", "reply", "tool2", "args2", "reply2"), SETTER_STATUS)
def test_a_setters_bare_status_failed_unless_the_number_was_asked_for(
    tool, args, reply, tool2, args2, reply2
):
    assert _failed(_call(tool, args, reply, None)), (tool, reply)
    assert not _failed(_call(tool2, args2, reply2, f"It is {reply2.strip(chr(34))} now.")), tool2


def test_the_agent_reading_the_number_back_makes_it_a_value():
    msgs = _call("update_score", {"add": 10}, "500", "Your score is now 500.")
    assert not _failed(msgs)
    assert _failed(_call("update_score", {"add": 10}, "500", "Sorry, error 500 from the server."))


def test_a_retry_of_the_same_call_says_the_number_was_a_failure():
    assert not _failed(_call("count_seats", {"row": "F"}, "503", "There you go."))
    assert _failed(_call("count_seats", {"row": "F"}, "503", None, retry=True))
    ctx = call_contexts(_call("count_seats", {"row": "F"}, "503", None, retry=True))
    # the agent's words are read past the retry (session 22: a count checked twice is read back
    # after the second call)
    assert ctx[2] == CallContext('{"row": "F"}', "Done.", True)


def test_write_tools_by_name():
    assert write_tool("set_log_level") and write_tool("updateScore") and write_tool("adjust-qty")
    assert not write_tool("get_total") and not write_tool("count_items") and not write_tool("")
    # without the context, a counting setter's 4xx stays data (only a 5xx is a server error)
    assert not is_error_reply({"role": "tool", "name": "set_log_level", "content": "404"})
    assert is_error_reply({"role": "tool", "name": "set_log_level", "content": "503"})
