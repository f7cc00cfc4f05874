"""A last user turn the Sentiment rules read as satisfaction is never "last user message got no
reply" (review rv10 H-2: "Perfect, that's exactly what I needed. Thank you!" read POSITIVE and
INCOMPLETE_ANSWER at once). Phrasings written for this test, across domains; look-alikes that
ask something more or report a problem stay unanswered."""

from __future__ import annotations

import pytest
from factories.dialogues import A, U
from factories.dialogues import issue_categories as _issues
from factories.dialogues import sentiment_label as _label

ASK = (U, "How do I carry unused leave over into next year?")
ANSWER = (
    A,
    "Unused leave up to five days carries over automatically; anything above needs a form.",
)

PLEASED = [
    "Perfect, that's exactly what I needed. Thank you!",
    "Excellent, that answers everything. You're a star",
    "Wonderful, that's just what I was after. Many thanks!",
    "Splendid, that answers all my questions, thanks",
    "Superb, that was really clear. You saved me a lot of time.",
    "Great stuff, that's everything we wanted to know. You're a legend!",
    "Oh fantastic, that's just what I was looking for. Really appreciate it",
    "Lovely, that's crystal clear now, you've been super helpful 😊",
]
OPEN = [  # satisfaction, and then a new ask or a problem: the agent owes a reply
    "Perfect, that's exactly what I needed. Thanks! One more thing: how do I add my spouse?",
    "You're a star. Now I need the same form for my contractor.",
    "Excellent, that answers everything, but the portal still shows zero days for me.",
    "That's exactly what I needed, can you also send me the form",
    "Great help, thanks. Where do I find the form though?",
]


@pytest.mark.parametrize("closing", PLEASED)
def test_a_pleased_closing_needs_no_reply(closing):
    d = (ASK, ANSWER, (U, closing))
    assert _label(*d) == "POSITIVE"
    assert "Incomplete answer" not in _issues(*d)


@pytest.mark.parametrize("closing", OPEN)
def test_a_new_ask_or_a_problem_after_praise_stays_unanswered(closing):
    assert "Incomplete answer" in _issues(ASK, ANSWER, (U, closing))


def test_an_unanswered_question_at_the_end_stays_incomplete():
    d = (ASK, ANSWER, (U, "And what happens to the days above five if I forget the form?"))
    assert "Incomplete answer" in _issues(*d)
