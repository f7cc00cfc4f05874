"""Review rv9 (a coding agent's traffic), findings N-d and D-c.

N-d: a short closing outside the rules' vocabulary ("sweet, specs pass", "all green 🎉", "sorted,
legend", "merci") read as an unanswered request (Issues: Incomplete answer) and as a neutral
conversation, while "perfect, that fixed it!" read as solved. A closing made only of the job said
done, delight, thanks and emoji now closes the conversation; done or delight is the problem
solved (POSITIVE); thanks and stock adjectives alone ("Great, thanks.") stay politeness
(NEUTRAL). Look-alikes that still report a
problem or ask on keep their reading.

D-c: the Issues summary of a refusal stopped at the verb ("I'm unable to change"), so what the
agent refused was lost. It now keeps the refused verb with its object, from the agent's sentence
or, when that has only a pronoun, from the user's ask.

Phrasings written for this test, in several domains; none from the review's generator or the
demo's templates."""

from __future__ import annotations

import pytest
from factories.dialogues import A, U, issue_categories
from factories.dialogues import sentiment_label as _label

from tracetopics_pipeline.core.facets.summarizers.local.issues import (
    detect_issues,
    refusal_detail,
    summarize_issues,
)
from tracetopics_pipeline.core.facets.summarizers.local.success import closes, positive_closing

ASKS = [
    ("The nightly build fails on the date parser.", "Swap strptime for fromisoformat in line 40."),
    ("My boarding pass won't load in the app.", "Log out, log back in and open Trips again."),
    ("The standing order to my landlord bounced.", "I've re-sent it for today's cut-off."),
]

DONE = [  # the job said done: the problem solved
    "sweet, specs pass now",
    "all green 🎉",
    "that did it 👍",
    "sorted, legend",
    "CI's green, cheers",
    "build passes, ty",
    "works now 🙏",
    "Bingo. Merged.",
    "danke, works now",
    "up and running again, thanks Priya",
]
CHEER = [  # delight beyond a stock adjective, after an answer
    "awesome 🙌",
    "🎉🎉",
    "legend",
    "brilliant 😄",
    "you rock 🚀",
    "woohoo!",
    "super, merci 🥳",
]
# politeness: thanks, and stock adjectives with or without them (issue 14: "great" and "perfect"
# alone are how polite people close)
# ("¡perfecto, gracias!" reads as "Perfect, thanks!" does, emphatic: sentiment_thanks.py)
THANKS = ["🙏", "merci !", "danke 👍", "gracias", "👍🏽", "thx 👌", "grazie mille", "nice one!",
          "perfecto, gracias.", "Great, thanks. Bye!", "ok 🙂"]  # fmt: skip
STILL_OPEN = [  # look-alikes: a problem or an ask is still in the turn
    "nice, but the build still fails",
    "awesome, now can you do the export?",
    "the specs pass locally but CI is red",
    "nice try",
    "works now? the page is blank for me",
    "sorted the first file, the second one errors",
    "thanks, what about the return leg?",
]


@pytest.mark.parametrize("closing", DONE + CHEER)
@pytest.mark.parametrize("ask", ASKS)
def test_a_short_positive_closing_reads_as_solved(ask, closing):
    turns = ((U, ask[0]), (A, ask[1]), (U, closing))
    assert positive_closing(closing) in ("done", "cheer")
    assert closes(closing)
    assert _label(*turns) == "POSITIVE"
    assert "Incomplete answer" not in issue_categories(*turns)


@pytest.mark.parametrize("closing", THANKS)
def test_thanks_alone_closes_without_reading_as_satisfaction(closing):
    turns = ((U, ASKS[1][0]), (A, ASKS[1][1]), (U, closing))
    assert positive_closing(closing) == "thanks"
    assert "Incomplete answer" not in issue_categories(*turns)
    assert _label(*turns) == "NEUTRAL"  # politeness is not satisfaction (issue 14)


@pytest.mark.parametrize("turn", STILL_OPEN)
def test_a_closing_that_still_reports_a_problem_or_asks_keeps_its_reading(turn):
    assert positive_closing(turn) is None
    assert not closes(turn)
    turns = ((U, ASKS[0][0]), (A, ASKS[0][1]), (U, turn))
    assert _label(*turns) != "POSITIVE"
    assert "Incomplete answer" in issue_categories(*turns)


def test_praise_beside_bad_news_is_no_positive_closing():
    turn = "great, another error 🙃"
    assert positive_closing(turn) is None
    assert _label((U, ASKS[0][0]), (A, ASKS[0][1]), (U, turn)) != "POSITIVE"


def test_a_closing_is_read_only_at_the_end():
    # "nice" first, then a problem: the conversation is not solved
    turns = ((U, ASKS[0][0]), (A, ASKS[0][1]), (U, "nice"), (A, "Anything else?"),
             (U, "the build still fails on line 41"))  # fmt: skip
    assert _label(*turns) != "POSITIVE"


# --- D-c: what a refusal refused ------------------------------------------------------------

REFUSALS = [
    # (agent turn, the user's ask before it, the detail)
    ("Sorry, I'm unable to raise overdraft limits from chat.", "Can you lift my overdraft to 2k?",
     "can't raise overdraft limits"),
    ("I'm sorry, but I can't issue vouchers directly. A manager can do this in store.",
     "can you just give me a voucher for the delay", "can't issue vouchers"),
    ("I'm not able to move seats on a codeshare flight, for security reasons.", None,
     "can't move seats on a codeshare flight"),
    ("Unfortunately I cannot merge pull requests on protected branches.", None,
     "can't merge pull requests on protected branches"),
    ("I'm sorry, but I won't disable the audit log.", None, "won't disable the audit log"),
    # only a pronoun in the refusal: what was asked, said from the agent's side
    ("Sorry, I can't do that.", "Could you please unlock my sister's account for me?",
     "can't unlock your sister's account"),
    ("I'm sorry, but I can't help with that.", "Hi! Can you force-push to main for us?",
     "can't force-push to main"),
]  # fmt: skip


@pytest.mark.parametrize(("agent", "ask", "detail"), REFUSALS)
def test_a_refusal_keeps_what_was_refused(agent, ask, detail):
    assert refusal_detail(agent, ask) == detail
    msgs = [
        {"role": "user", "content": ask or "Please do it."},
        {"role": "assistant", "content": agent},
    ]
    summary, label = summarize_issues(detect_issues(msgs))
    assert label == "REFUSAL"
    assert summary.startswith(f"Refusal: {detail}")


def test_a_refusal_without_an_object_anywhere_keeps_its_words():
    assert refusal_detail("I'm sorry, but I can't help with that.", "hello?") == (
        "can't help with that"
    )
    assert refusal_detail("That is outside our policy, sorry.") == "That is outside our policy"


def test_an_ask_taken_into_a_refusal_is_redacted_whole():
    from tracetopics_pipeline.core.facets.definitions import load_facets
    from tracetopics_pipeline.core.facets.summarizers.local import LocalSummarizer

    issues = [f for f in load_facets() if f.name == "Issues"]
    trace = {
        "id": "t-1",
        "created": "2026-11-01T00:00:00Z",
        "messages": [
            {"role": "user", "content": "Can you forward the statement to ana.silva@example.org?"},
            {"role": "assistant", "content": "Sorry, I can't do that."},
        ],
    }
    (out,) = LocalSummarizer(fitted_models=False).summarize([trace], issues).outputs
    assert out.summary == "Refusal: can't forward the statement to <EMAIL>"
