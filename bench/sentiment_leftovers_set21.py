"""Held-out set 21: the thanks/sentiment and tool-result leftovers of session 20 (issue 14),
with their look-alikes.

Written by hand BEFORE any rule of this pass and committed alone, in domains the earlier sets do
not use (a bike share, a bakery, a vet clinic, a parking app, a climbing gym, a language school,
a photo lab, a laundromat, a florist, a podcast host, a tutoring site, a car wash, a recipe box,
a sports league) and registers (terse, text-speak, emoji, typos). Four findings, each with cases
that must read one way and look-alikes that must read the other:

- Sentiment. Thanks after a fix, then hope that the problem does not come back ("Great,
  thanks!! Hopefully it won't happen again.") is no complaint: not NEGATIVE
  (`hope_no_recurrence`). Thanks and then the problem back ("thanks, but it happened again"), or
  hope said after asking again and again ("Third message about this. Hopefully someone answers
  this time.") is NEGATIVE (`recurred_or_unanswered`).
- Sentiment. Emphatic thanks in text-speak with emoji, after the agent did what was asked ("omg
  tysm 🙏🙏"), is POSITIVE (`emoji_thanks`); a plain thanks with an emoji, thanks after a
  refusal or a handover, in advance, or beside a problem is not (`emoji_thanks_not_positive`).
- Sentiment. A calm request to undo the user's own mistake ("pls cancel the payment, I sent it
  twice") is NEUTRAL (`undo_own_mistake`); a double charge the company made is NEGATIVE
  (`charged_twice_by_them`).
- Issues. A tool that sets or updates something and replies only with a status-like number
  ("500", `{"result": 500}`) failed (`setter_status`), also when the agent does not say so; the
  same number is data when the call asked for it or the agent reads it back as a value ("Log
  level set to 500.", "Your new score is 500.", a price, a count: `number_as_value`).

Split once by `SPLIT_SEED_21` (bench/held_out.py's split_forms) into a development part (rules
are tuned on it) and a test part (reported once, at the end of the pass).

    .venv/bin/python bench/sentiment_leftovers_set21.py [--part dev|test|all]
"""

from __future__ import annotations

import json

from held_out import Conv, Scores, local_labels, run_part, score_forms, split_forms, wanted
from held_out import conv as _conv
from held_out import user as _u

SPLIT_SEED_21 = 21
RETRY = "<retry>"  # the agent calls the same tool with the same arguments again


def _call(tool: str, args: dict, reply: str, after: str) -> Conv:
    """A tool call and its reply, and what the agent did next (`after`: its words, or RETRY),
    as one (tool, json of (args, reply, after)) turn; `conversation` builds the messages."""
    return ((tool, json.dumps([args, reply, after])),)


def conversation(case: Conv) -> list[dict]:
    """The messages of a case: turns as (role, text), or a tool case (see `_call`) as a user ask,
    the agent's call, the tool's reply and the agent's next step."""
    (tool, packed), *_ = case
    if tool in ("user", "assistant"):
        return [{"role": r, "content": t} for r, t in case]
    args, reply, after = json.loads(packed)

    def call(cid: str) -> dict:
        fn = {"name": tool, "arguments": json.dumps(args)}
        return {
            "role": "assistant",
            "content": None,
            "tool_calls": [{"id": cid, "type": "function", "function": fn}],
        }

    msgs = [{"role": "user", "content": "Can you take care of that for me?"}, call("c1")]
    msgs.append({"role": "tool", "tool_call_id": "c1", "name": tool, "content": reply})
    if after == RETRY:
        msgs.append(call("c2"))
        msgs.append({"role": "tool", "tool_call_id": "c2", "name": tool, "content": "ok"})
        msgs.append({"role": "assistant", "content": "All done."})
    else:
        msgs.append({"role": "assistant", "content": after})
    return msgs


# --- Sentiment: hope after a fix ----------------------------------------------------------------
# (the problem, what the agent did, the user's last turn)
_HOPE_NO_RECURRENCE = (
    (
        "The bike dock wouldn't release my bike.",
        "I've reset the dock remotely; it's unlocked now.",
        "Great, thanks!! Hopefully it won't happen again.",
    ),
    (
        "My bakery order went to my old address.",
        "I've corrected the address and sent a fresh order out.",
        "Perfect, thank you! Let's hope that doesn't happen again.",
    ),
    (
        "The vet portal lost my cat's vaccination records.",
        "I've restored them; they're back on her profile.",
        "Amazing, thanks so much. Hope it doesn't happen again!",
    ),
    (
        "The parking app billed me for the wrong zone.",
        "I've refunded the difference, 2.40.",
        "thx!! hopefully wont happen again lol",
    ),
    (
        "My climbing gym pass says expired but I renewed it.",
        "Fixed: it's valid until June now.",
        "Brilliant, thank you! Hopefully it doesn't expire on me again.",
    ),
    (
        "The language school app logged me out of my lesson twice.",
        "I've cleared the stuck session on our side.",
        "Great, thanks a lot!! Hopefully it won't crash again.",
    ),
    (
        "My photo prints came out cropped.",
        "I've reprinted them at full size, free of charge.",
        "Wonderful, thank you so much! Hope this won't repeat with the next order.",
    ),
    (
        "The laundromat machine ate my credits.",
        "I've put the 6 credits back on your card.",
        "awesome, ty!! hopefully it doesnt do that again",
    ),
    (
        "The florist delivered the wrong bouquet.",
        "The right one goes out today, and you can keep the first.",
        "Lovely, thanks!! I hope it won't happen next time.",
    ),
    (
        "My podcast episode didn't publish at 9.",
        "I've republished it; it's live now.",
        "Super, thank you! Hopefully it won't happen again next week.",
    ),
    (
        "The tutoring session link was dead.",
        "I've sent you a fresh link that works.",
        "Great, thanks!! Let's hope it never happens again 😅",
    ),
    (
        "My car wash subscription got paused without me asking.",
        "I've reactivated it and credited the missed week.",
        "Excellent, thank you! Hopefully this was a one-off.",
    ),
)
_RECURRED_OR_UNANSWERED = (
    _conv(
        "The bike dock wouldn't release my bike.",
        "I've reset the dock remotely; it's unlocked now.",
        "Thanks, but it happened again at the next dock.",
    ),
    _conv(
        "My bakery order went to my old address.",
        "I've corrected the address.",
        "Great, thanks... and it happened again with today's order.",
    ),
    _conv(
        "The laundromat machine ate my credits.",
        "I've put the 6 credits back.",
        "thx but it just did it again, same machine",
    ),
    _conv(
        "The language school app logged me out of my lesson.",
        "I've cleared the stuck session.",
        "Thank you, but the same thing happened again this morning. Third time this week.",
    ),
    _conv(
        "The tutoring session link was dead.",
        "I've sent a fresh link.",
        "Great, thanks!! Hopefully it won't happen again... oh wait, it just did.",
    ),
    _conv(
        "My podcast episode didn't publish at 9.",
        "I've republished it.",
        "ty. it's happening again with this week's episode. seriously?",
    ),
    _u("This is my third message about the missing bouquet. Hopefully someone answers this time."),
    _u("Asking again about my refund. Hopefully someone actually reads it this time."),
    _u("hopefully it works this time, this is my 4th try at booking the court"),
    _u("I've been asking since Monday about the vet bill. Hopefully I get a reply this time."),
    _conv(
        "My photo order still hasn't shipped.",
        "It's in production.",
        "You said that last week. Hopefully someone looks at it this time.",
    ),
    _u("Fourth email about the parking fine. Let's hope somebody answers this time."),
)

# --- Sentiment: emoji and text-speak thanks -----------------------------------------------------
# (the ask, what the agent did, the user's thanks)
_EMOJI_THANKS = (
    ("Please reactivate my climbing pass.", "Reactivated from today.", "omg tysm 🙏🙏"),
    ("Can you move my lesson to Thursday?", "Moved to Thursday at 6.", "tysm 🙏"),
    ("Could you refund the burnt loaf?", "Refunded 4.50 to your card.", "omg thank u sm 😭🙏"),
    ("Can you add my sister to the league roster?", "Added her.", "omgg ty ty 🥰"),
    ("Please resend the vet invoice.", "Resent to your email.", "thank youuu ❤️"),
    ("Can you waive the laundromat late fee?", "Waived.", "omg tyvm 😊😊"),
    ("Can you restore my deleted episode?", "Restored, it's back in your feed.", "yay tysm 🎉"),
    ("Can you swap the lilies for roses?", "Swapped, same price.", "ahh thank u so much 💕💕"),
    ("Please unfreeze my car wash plan.", "Unfrozen.", "thx sm 🙌🙌"),
    ("Can you extend my parking by an hour?", "Extended to 5 pm.", "omg thank you 😍"),
    ("Could you reprint the blurry photo?", "Reprinting it now, free.", "ty so much 🙏✨"),
    ("Can you skip next week's recipe box?", "Skipped.", "omg lifesaver, tysm 🙏"),
)
_EMOJI_THANKS_NOT_POSITIVE = (
    _conv("When does the bakery open?", "At 7 am.", "thanks 🙏"),
    _conv("Where do I park for the league final?", "Lot C, by the north gate.", "ok ty 👍"),
    _conv("Can you waive the late fee?", "I'm sorry, I can't waive fees.", "omg tysm 🙏🙏"),
    _u("tysm in advance 🙏🙏 how do I change my pickup time?"),
    _conv(
        "Please move my lesson to Thursday.",
        "I've moved it.",
        "omg tysm 🙏 but the app still shows Tuesday",
    ),
    _conv(
        "Please refund the loaf.", "I've started the refund.", "omg tysm 🙏🙏 it says 'pending' now"
    ),
    _conv("Can you fix my car wash plan?", "I've reset it.", "omg thanks so much 🙄 still paused"),
    _conv(
        "Can you change my vet appointment?",
        "I'm transferring you to the clinic desk now.",
        "tysm 🙏🙏",
    ),
    _conv("What's the podcast upload limit?", "500 MB per episode.", "ty 🙂"),
    _conv("Is the laundromat open on Sunday?", "Yes, 8 to 8.", "thanks 👍 bye"),
)

# --- Sentiment: undoing one's own mistake -------------------------------------------------------
_UNDO_OWN_MISTAKE = (
    _u("pls cancel the payment to the florist, I sent it twice"),
    _u("I accidentally paid the vet invoice twice, can you refund one of them?"),
    _u("Oops, I booked the same climbing slot twice. Please cancel the second one."),
    _u("I submitted my tutoring application twice by mistake, can you delete the duplicate?"),
    _u("Hi, I ordered the recipe box twice by accident - could you cancel one?"),
    _u("Please reverse the second transfer, I hit send twice."),
    _u("my bad, I uploaded the same episode twice, can you remove one"),
    _u(
        "I entered the wrong plate number when I paid for parking, can you move it to the right one?"
    ),
    _u("I double-clicked and got two tickets for the league final, can you refund one?"),
    _u("pls undo the top-up, I meant 20 not 200"),
    _u("I registered my son twice for the swimming course, please drop one registration."),
    _u("Could you cancel order 5512? I placed the same order twice."),
)
_CHARGED_TWICE_BY_THEM = (
    _u("You charged me twice for the same recipe box. This is ridiculous."),
    _u("Why did your app take the parking fee twice?! I only parked once."),
    _u("I was billed twice AGAIN this month. Fix it."),
    _u("Your system double-charged my card and now I'm overdrawn."),
    _u("charged twice for one bouquet, seriously? second time this happens"),
    _u("I only paid once but you took the money twice, and nobody answers my emails."),
    _u("Again a double charge on my vet bill. I'm really annoyed."),
    _u("You've charged me twice for the same lesson, this is unacceptable."),
    _u("The bakery took my payment twice and I want the extra back now. Not happy."),
    _u("you guys charged my card twice for one car wash, sort it out"),
)

# --- Issues: a status-like number -----------------------------------------------------------
_SETTER_STATUS = (
    _call("set_log_level", {"level": "debug"}, "500", "Done."),
    _call("update_score", {"player": "p7", "delta": 5}, '{"result": 500}', "I've updated it."),
    _call("set_priority", {"ticket": "T-88", "priority": "high"}, '{"result": 500}', "All set."),
    _call("set_volume_level", {"volume": 40}, "503", RETRY),
    _call(
        "update_balance",
        {"amount": 25},
        "502",
        "Sorry, that didn't go through. Let me try again.",
    ),
    _call("setThreshold", {"value": 0.8}, "500", "Here is what I found."),
    _call("update_rating", {"stars": 4}, "500", RETRY),
    _call("adjust_quantity", {"sku": "A1", "qty": 3}, '{"code": 503}', "The quantity is updated."),
    _call("reset_counter", {}, "500", "The counter is reset."),
    _call("update_points_total", {"add": 50}, '"503"', RETRY),
    _call("set_max_retries", {"n": 5}, "502", "Done, retries set."),
    _call("set_font_size", {"size": 14}, '{"result": 503}', "Apologies, something went wrong."),
)
_NUMBER_AS_VALUE = (
    _call("set_log_level", {"level": 500}, "500", "Log level set to 500."),
    _call("update_score", {"player": "p7", "delta": 50}, "500", "Your new score is 500."),
    _call("set_priority", {"priority": 500}, '{"result": 500}', "Priority is now 500."),
    _call("set_price", {"sku": "A1", "price": 503}, "503", "The price is now 503 EUR."),
    _call("update_balance", {"amount": 100}, '{"result": 502}', "Your balance is now 502.00."),
    _call("setThreshold", {"value": 500}, "500", "Threshold set to 500 ms."),
    _call("get_score", {"player": "p7"}, "500", "Player 7 has 500 points."),
    _call("update_rating_count", {}, "503", "There are now 503 ratings."),
    _call("adjust_quantity", {"qty": 500}, '{"result": 500}', "Quantity set to 500."),
    _call("set_daily_limit", {"limit": 500}, "500", "Your daily limit is 500."),
    _call("get_price", {"room": "suite"}, "500", "The suite is 500 EUR a night."),
    _call("set_timeout_ms", {"ms": 503}, "503", "The timeout is 503 ms now."),
)

SENTIMENT_LEFTOVERS21: dict[str, tuple[Conv, ...]] = {
    "hope_no_recurrence": tuple(_conv(*c) for c in _HOPE_NO_RECURRENCE),
    "recurred_or_unanswered": _RECURRED_OR_UNANSWERED,
    "emoji_thanks": tuple(_conv(*c) for c in _EMOJI_THANKS),
    "emoji_thanks_not_positive": _EMOJI_THANKS_NOT_POSITIVE,
    "undo_own_mistake": _UNDO_OWN_MISTAKE,
    "charged_twice_by_them": _CHARGED_TWICE_BY_THEM,
    "setter_status": _SETTER_STATUS,
    "number_as_value": _NUMBER_AS_VALUE,
}
# what each form must read: (facet, want); "not X" for any label but X; "FAILED" / "not FAILED"
# for a failed tool call in Issues
WANTS21: dict[str, tuple[str, str]] = {
    "hope_no_recurrence": ("Sentiment", "not NEGATIVE"),
    "recurred_or_unanswered": ("Sentiment", "NEGATIVE"),
    "emoji_thanks": ("Sentiment", "POSITIVE"),
    "emoji_thanks_not_positive": ("Sentiment", "not POSITIVE"),
    "undo_own_mistake": ("Sentiment", "NEUTRAL"),
    "charged_twice_by_them": ("Sentiment", "NEGATIVE"),
    "setter_status": ("Issues", "FAILED"),
    "number_as_value": ("Issues", "not FAILED"),
}


def _shown(case: Conv) -> str:
    (tool, packed), *_ = case
    if tool in ("user", "assistant"):
        return repr(case[-1][1])
    args, reply, after = json.loads(packed)
    return f"{tool}({json.dumps(args)}) -> {reply!r}, then {after!r}"


def score(part: str) -> Scores:
    """Per form: (right, cases, the cases read wrong), with the local summarizer (fitted models
    off) for Sentiment, and the Issues rules (`detect_issues`) for tool calls; `part` is dev,
    test or all."""
    from tracetopics_pipeline.core.facets.summarizers.local.issues import detect_issues

    def read(form: str, want: tuple[str, str], cases: tuple[Conv, ...]) -> list[str]:
        if want[0] == "Issues":
            return [
                "FAILED"
                if any(i.category == "Failed tool call" for i in detect_issues(conversation(c)))
                else "not FAILED"
                for c in cases
            ]
        traces = [{"id": f"{form}{k}", "messages": conversation(c)} for k, c in enumerate(cases)]
        return local_labels(traces, want[0])

    return score_forms(
        split_forms(SENTIMENT_LEFTOVERS21, part, SPLIT_SEED_21),
        WANTS21,
        read,
        lambda got, want: wanted(got, want[1]),
        _shown,
    )


def main() -> None:
    run_part(SPLIT_SEED_21, score, WANTS21)


if __name__ == "__main__":
    main()
