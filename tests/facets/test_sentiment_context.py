"""Forms read from the conversation, not one turn (sentiment_context.py), and the first-turn
"still" that is backstory. Phrasings written for this test, in domains and words the robustness
set's batches do not use."""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.facets.summarizers.local.sentiment import classify, signals
from tracetopics_pipeline.core.facets.summarizers.local.sentiment_context import context_forms


def _label(*turns: tuple[str, str]) -> str:
    d = list(turns)
    users = [t for r, t in d if r == "user"]
    agent = [t for r, t in d if r == "assistant"]
    return classify(signals(users, agent, dialogue=d))[0]


U, A = "user", "assistant"

DIDNT_HELP = [
    ((U, "The printer shows an offline icon."),
     (A, "Please turn it off and on again, then wait a minute."), (U, "Did that, the icon is there.")),
    ((U, "My invoice PDF is empty."), (A, "Try downloading it again from the Billing page."),
     (U, "Downloaded it twice, blank both times")),
    ((U, "Sync fails at 40%."), (A, "I've reset your sync token; it should work in a few minutes."),
     (U, "Waited 20 minutes, nothing happens")),
    ((U, "The oven clock blinks 00:00."), (A, "Hold the timer button for five seconds."),
     (U, "held it for ten, it keeps blinking all the same")),
    # an instruction in the imperative with a verb no list holds
    ((U, "The bathroom fan rattles."), (A, "Loosen the cover screws half a turn."),
     (U, "Loosened them, it still rattles")),
    ((U, "My watch won't pair."), (A, "Forget the device in Bluetooth settings and pair again."),
     (U, "Forgot it and paired, nothing happens")),
]  # fmt: skip
SARCASM = [
    ((U, "Did my parcel ship?"), (A, "Sorry, the order was cancelled because the payment failed."),
     (U, "Fantastic. Love that.")),
    ((U, "Is the room free on Friday?"),
     (A, "Unfortunately the booking failed and the room is now taken."), (U, "Wonderful, just wonderful.")),
    ((U, "Can you renew my permit?"), (A, "I'm afraid the renewal didn't go through, it has expired."),
     (U, "Brilliant. Great job.")),
]  # fmt: skip
CALM = [  # must not read NEGATIVE
    ((U, "I still have the old plan, can I upgrade?"), (A, "Yes, go to Settings > Plan."), (U, "Thanks.")),
    ((U, "My account still shows my maiden name, please change it."), (A, "Done, it's updated."),
     (U, "great thanks")),
    ((U, "Is the museum open Sunday?"), (A, "Sorry, it's closed on Sundays."), (U, "Ok, thanks for checking.")),
    ((U, "Book a table for 4."), (A, "Unfortunately there are no tables at 8; 9 is free."),
     (U, "Perfect, 9 works.")),
    ((U, "Does the gym have a sauna?"), (A, "No, they do not have a sauna, sorry."),
     (U, "That's fine, great, thanks. Bye.")),
    ((U, "The modem light is red."), (A, "Unplug it for 30 seconds and plug it back in."),
     (U, "Can I still use the phone line while it restarts?")),
    ((U, "The app still crashes on start since yesterday's update."),
     (A, "A fix is rolling out today; please update to 4.2.1."), (U, "OK, will do. Thanks.")),
]  # fmt: skip


@pytest.mark.parametrize("turns", DIDNT_HELP)
def test_no_effect_after_an_instruction_is_didnt_help(turns):
    assert context_forms(list(turns)) == {1: ["didnt_help"]}
    assert _label(*turns) == "NEGATIVE"


@pytest.mark.parametrize("turns", SARCASM)
def test_praise_right_after_a_failure_is_sarcasm(turns):
    assert context_forms(list(turns)) == {1: ["sarcasm"]}
    assert _label(*turns) == "NEGATIVE"


@pytest.mark.parametrize("turns", CALM)
def test_calm_conversations_stay_calm(turns):
    assert _label(*turns) != "NEGATIVE"


def test_still_in_the_first_turn_is_backstory_but_not_later():
    first = "The garage door still won't close all the way."
    assert _label((U, first), (A, "Which model is it?"), (U, "A Chamberlain B550.")) != "NEGATIVE"
    later = (U, "Did the reset, it still won't close.")
    assert _label((U, first), (A, "Hold the reset button for 5 seconds."), later) == "NEGATIVE"


REPEATS = [  # asked again, insisting, after an answer that left the request where it was
    ((U, "How do I change my billing email?"), (A, "Our plans start at $10 a month."),
     (U, "ok but where can I update the email address for billing")),
    ((U, "Which gate does the Lisbon flight board from?"), (A, "Boarding starts 40 minutes before."),
     (U, "I'm asking which gate the Lisbon flight uses.")),
    ((U, "Does the loft conversion need planning permission?"),
     (A, "Loft conversions usually take eight weeks."),
     (U, "So does a loft conversion need planning permission or not?")),
]  # fmt: skip
NOT_REPEATS = [  # restating on purpose: after a question, a success, or without insisting
    ((U, "Book a table for four at seven."), (A, "Which restaurant would you like?"),
     (U, "So a table for four at seven at Nando's please.")),
    ((U, "How do I change my billing email?"), (A, "Our plans start at $10 a month."),
     (U, "Where can I update the email address for billing?")),
    ((U, "Can you move my dentist appointment to Friday?"),
     (A, "I've moved it; your reference number is 8831."),
     (U, "ok but can you move the dentist appointment to Friday at 10 instead?")),
]  # fmt: skip


@pytest.mark.parametrize("turns", REPEATS)
def test_a_request_asked_again_insisting_is_repeating(turns):
    assert context_forms(list(turns)) == {1: ["repeated_request"]}


@pytest.mark.parametrize("turns", NOT_REPEATS)
def test_restating_on_purpose_is_not_repeating(turns):
    assert context_forms(list(turns)) == {}


def test_paraphrased_request_rule_can_be_switched_off():
    turns = list(REPEATS[0])
    assert context_forms(turns, repeats=False) == {}


def test_an_imperative_is_an_instruction_whatever_its_verb():
    from tracetopics_pipeline.core.facets.summarizers.local.success import _imperative

    assert _imperative("Soak the filter overnight, then rinse it.")
    assert _imperative("Fine. Give it ten minutes.")
    for statement in ("Transfers take up to five days.", "Boarding starts 40 minutes before.",
                      "Our vans carry two movers.", "Great question, the answer is yes."):  # fmt: skip
        assert not _imperative(statement), statement


@pytest.mark.parametrize(
    "turn",
    [
        "Reset the router like you said, the light is still orange.",
        "Did exactly what you told me with the valve and it drips the same",
        "Cleared the cache as advised, the page is blank",
        "the fix you sent me didnt change anything",  # no apostrophe
        "Followed your steps twice, back where I started.",
    ],
)
def test_did_what_the_agent_said_and_it_did_not_work(turn):
    assert _label(
        (U, "The heating makes a noise."), (A, "Let me look at your account."), (U, turn)
    ) in (
        "NEGATIVE",
        "MIXED",
    )


@pytest.mark.parametrize(
    "turn",
    [
        "Reset the router like you said and now it works, thanks!",
        "As you suggested I'll call the landlord tomorrow, not today.",
    ],
)
def test_did_what_the_agent_said_and_it_worked(turn):
    assert _label(
        (U, "The heating makes a noise."), (A, "Let me look at your account."), (U, turn)
    ) != ("NEGATIVE")


@pytest.mark.parametrize(
    "turn",
    [
        "the heater STILL wouldnt start after that",  # still + any negated verb, no apostrophe
        "Bled the radiators as u said, the top floor is cold like before",
        "Did it like the manual says and the noise hasnt gone down at all",
        "The valve you replaced drips again the exact same way.",
        "The leaflet you sent me is no help whatsoever.",
    ],
)
def test_didnt_help_in_more_words(turn):
    assert _label(
        (U, "The heating makes a noise."), (A, "Let me look at your account."), (U, turn)
    ) in ("NEGATIVE", "MIXED")


REPORTS_AFTER_AN_INSTRUCTION = [
    ((U, "The garage door stops halfway."), (A, "Grease the rails and run it twice."),
     (U, "Greased them this morning. Stops at the same spot.")),
    ((U, "My parcel locker code fails."), (A, "I've issued a new code by text."),
     (U, "Got the new code, locker stays shut")),
    ((U, "The dryer leaves clothes damp."), (A, "Clean the lint filter after every load."),
     (U, "Been doing that for weeks, they come out wetter than ever, worse if anything")),
    ((U, "The gate sensor beeps at night."), (A, "We've sent an engineer to recalibrate it."),
     (U, "He came yesterday. Beeped again at 3am.")),
    ((U, "The kettle trips the fuse."), (A, "Plug it into another socket."), (U, "nope. same.")),
    ((U, "The new blinds are crooked."), (A, "We've rehung them this morning."),
     (U, "Saw them tonight, just as crooked as the first time")),
]  # fmt: skip
AGAIN_AFTER_SUCCESS = [  # "again" that is good news, or a request: not "didn't help"
    ((U, "My hearing aid stopped pairing."), (A, "Hold both buttons for five seconds."),
     (U, "Did it and it pairs again, thanks again!")),
    ((U, "The scanner jams."), (A, "Remove the tray and reseat the roller."),
     (U, "Reseated it, it feeds perfectly now. Thank you again.")),
    ((U, "My radio lost its presets."), (A, "Press Menu and pick Restore."),
     (U, "Restored, I can finally listen again")),
    ((U, "No tables at 7?"), (A, "Try 8pm or pick another day."), (U, "Let's try again, Friday at 7 please.")),
]  # fmt: skip


@pytest.mark.parametrize("turns", REPORTS_AFTER_AN_INSTRUCTION)
def test_the_problem_back_after_an_instruction_is_didnt_help(turns):
    assert "didnt_help" in context_forms(list(turns)).get(1, []), turns[-1][1]


@pytest.mark.parametrize("turns", AGAIN_AFTER_SUCCESS)
def test_again_after_a_success_or_in_a_request_is_not_didnt_help(turns):
    assert "didnt_help" not in context_forms(list(turns)).get(1, []), turns[-1][1]
    assert _label(*turns) != "NEGATIVE", turns[-1][1]


def test_restatement_candidates_need_an_unresolving_turn_a_shared_word_and_new_words():
    from tracetopics_pipeline.core.facets.summarizers.local.sentiment_context import restatements

    q = "Can I bring my dog on the ferry?"
    off = "Tickets are cheaper online."
    assert restatements([(U, q), (A, off), (U, "Are dogs allowed on board the ferry?")])
    for agent, turn in [
        (off, "Can I bring my dog on the ferry?"),  # a re-sent copy
        (off, "What time does the last bus leave?"),  # a new request, no word shared
        ("Yes, on the outside deck.", "Are dogs allowed on board the ferry?"),  # answered
        ("Which crossing is it?", "Are dogs allowed on board the ferry?"),  # asked the user
        ("Sorry, pets are not allowed.", "Are dogs allowed on board the ferry?"),  # a failure
    ]:
        assert not restatements([(U, q), (A, agent), (U, turn)]), (agent, turn)


BAD_NEWS_THEN_PRAISE = [  # bad news said with the apology, in words of its own, then praise
    ((U, "Is my yoga class on tonight?"), (A, "Sorry, the teacher cancelled tonight's class."),
     (U, "Fabulous. Cheers.")),
    ((U, "Did my parcel arrive?"), (A, "Apologies, it was delivered to the wrong address."),
     (U, "Super, thank you so much")),
    ((U, "Is the boiler service still on?"), (A, "Unfortunately the engineer's van broke down."),
     (U, "Brilliant. Top stuff.")),
]  # fmt: skip


@pytest.mark.parametrize("turns", BAD_NEWS_THEN_PRAISE)
def test_praise_right_after_bad_news_is_sarcasm(turns):
    assert "sarcasm" in context_forms(list(turns)).get(1, []), turns[-1][1]


def test_praise_after_bad_news_that_the_user_accepts_is_not_sarcasm():
    turns = [(U, "Is my yoga class on tonight?"),
             (A, "Sorry, the teacher cancelled tonight's class; we can move you to Thursday."),
             (U, "Great, Thursday is fine then.")]  # fmt: skip
    assert "sarcasm" not in context_forms(turns).get(1, [])
