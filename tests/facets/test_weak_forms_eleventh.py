"""The forms the eleventh pass of issue 14 worked on: calm success reports read as an
incomplete answer, crashes of other languages and runtimes, one-turn sarcasm, giving up,
"didn't help" and repeating, asks for a person in words the rules did not read, and handovers by
a visit or a direct line. Each rule with several phrasings of its own, in words and domains the
robustness batches do not use, and look-alikes that must keep their reading."""

from __future__ import annotations

import pytest
from factories.dialogues import A, U, issue_categories
from factories.dialogues import sentiment_label as _label

from tracetopics_pipeline.core.facets.preprocess import is_error_reply
from tracetopics_pipeline.core.facets.summarizers.local.sentiment import classify, signals
from tracetopics_pipeline.core.facets.summarizers.local.sentiment_irony import ironic_praise
from tracetopics_pipeline.core.facets.summarizers.local.success import reports_success, settles


def _one(turn: str) -> str:
    return classify(signals(["Hello, a question about my order.", turn], ["Sure."]))[0]


def _neg(turn: str) -> bool:
    return _one(turn) in ("NEGATIVE", "MIXED")


# --- success reports after an instruction: no reply needed, not "didn't help" ---------------

FIX = "Tighten the clamp half a turn and switch the pump off and on."
SETTLED = [
    "Tightened it, pump purrs along nicely.",
    "Switched it off and on - running smooth as silk.",
    "Did that, not a single drip since.",
    "Clamp done. The rattle has stopped completely.",
    "Half a turn and the hum's gone, ta.",
    "It hasn't leaked once since.",
    "Did it, all the readings are back.",
]
NOT_SETTLED = [
    "Tightened it, the pump is still dripping.",
    "Switched it off and on, now it asks for a service code.",
    "Did that and the pump has stopped.",
    "Did that, not a peep since from your engineer.",
    "Tightened it. Why is there a second clamp?",
    "Switched it off, the light blinks amber.",
    "Done. Seriously, this is a waste of my afternoon.",
]


@pytest.mark.parametrize("turn", SETTLED)
def test_an_outcome_without_trouble_after_an_instruction_settles(turn):
    assert settles(turn, FIX)
    assert "Incomplete answer" not in issue_categories(
        (U, "The pump rattles."), (A, FIX), (U, turn)
    )


@pytest.mark.parametrize("turn", NOT_SETTLED)
def test_trouble_a_question_or_a_mood_does_not(turn):
    assert not settles(turn, FIX)


def test_a_statement_after_a_question_is_not_settled():
    assert not settles("My order number is 55102.", "What is your order number?")
    assert "Incomplete answer" in issue_categories(
        (U, "Where is my order?"), (A, "What is your order number?"), (U, "It's 55102.")
    )


@pytest.mark.parametrize(
    "turn",
    [
        "Did that, not a single drip since.",
        "The rattle has stopped completely.",
        "Rebooted, the lag's gone.",
        "Logged in again and all my invoices are there.",
    ],
)
def test_a_problem_gone_is_success(turn):
    assert reports_success(turn)


@pytest.mark.parametrize(
    "turn",
    [
        "My files are gone.",
        "The heating has stopped.",
        "Not a word since from your team.",
        "It hasn't worked since.",
    ],
)
def test_a_thing_lost_or_news_not_come_is_not(turn):
    assert not reports_success(turn)


def test_seeing_why_is_an_acknowledgement():
    cats = issue_categories(
        (U, "Why is the pool closed on Mondays?"),
        (A, "Mondays are for cleaning and water tests."),
        (U, "Oh, so that's why. Thanks!"),
    )
    assert "Incomplete answer" not in cats


# --- crashes by shape ---------------------------------------------------------------------

CRASHES = [
    "thread 'worker' panicked at src/sync.rs:12:5:\nexplicit panic",
    "Unhandled exception. System.IO.FileNotFoundException: Could not find file 'a.csv'.",
    'Error in open.connection(con, "rb") : cannot open the connection\nExecution halted',
    "Program received signal SIGSEGV: Segmentation fault - invalid memory reference.",
    "=ERROR REPORT==== 3-Jan-2027::09:00:01 ===\nbad_arg",
    "sync.service: Main process exited, code=exited, status=1/FAILURE",
    "subprocess.CalledProcessError: Command '['make']' returned non-zero exit status 2.",
    "job.lua:7: attempt to call a nil value (global 'send')\nstack traceback:\n\tjob.lua:7: in "
    "main chunk\n\t[C]: in ?",
    "MeterReadingUnknown: no register for 'E7'",
]
NOT_CRASHES = [
    "Build finished, exit code 0.",
    "The guide covers runtime errors in chapter 4.",
    '{"file": "report.py", "line": 12, "status": "ok"}',
    "Opened sync.rs:12 and main.rs:40 for review.",
]


@pytest.mark.parametrize("reply", CRASHES)
def test_crashes_of_any_runtime(reply):
    assert is_error_reply({"role": "tool", "content": reply})


@pytest.mark.parametrize("reply", NOT_CRASHES)
def test_exit_zero_prose_and_file_names_are_not(reply):
    assert not is_error_reply({"role": "tool", "content": reply})


# --- one-turn forms -----------------------------------------------------------------------

SARCASM = [
    "Top work, the cake came out of the box upside down.",
    "Way to go, the movers reversed the van into our gate.",
    "Hats off to you, nobody showed up for the 9am tour.",
    "Gold star, my seat was sold to someone else.",
    "Thanks so much for packing the vase in newspaper, it's in four pieces.",
    "Nice going - you spelled my surname wrong on every certificate.",
]
NOT_SARCASM = [
    "Thanks for sending the new lid, the old one was cracked.",
    "Top work on the garden, the new fence looks great.",
    "Way to go team, the launch went smoothly.",
    "Great, the wrong size turned up but you swapped it next day, thanks.",
]


@pytest.mark.parametrize("turn", SARCASM)
def test_praise_with_a_mishap_of_a_new_family_is_sarcasm(turn):
    assert ironic_praise(turn)


@pytest.mark.parametrize("turn", NOT_SARCASM)
def test_praise_of_another_thing_or_a_mishap_undone_is_not(turn):
    assert not ironic_praise(turn)


GIVING_UP = [
    "Never mind the repair, I'll get it done at another garage.",
    "Right, we'll just hold the picnic without a gazebo then.",
    "I've wasted half my morning on this.",
    "Fine, you win. I'm not going to pursue this any further.",
]
NOT_GIVING_UP = [
    "Never mind the colour, I'll take the grey one.",
    "We'll do without the extra cushions, thanks.",
    "You win a free upgrade if you refer a friend?",
    "I'm not going to chase you for it, no hurry.",
]


@pytest.mark.parametrize("turn", GIVING_UP)
def test_plans_of_ones_own_and_time_written_off_are_giving_up(turn):
    assert _neg(turn)


@pytest.mark.parametrize("turn", NOT_GIVING_UP)
def test_detail_changes_and_calm_asides_are_not(turn):
    assert not _neg(turn)


DIDNT_HELP_AND_REPEATS = [
    "Set it to the mode you told me and the screen is just as dim.",
    "Your ointment has proved completely ineffective.",
    "Tried it twice, to no avail.",
    "I'll ask it one more time: is parking included?",
    "Same question as last week, does the room have a projector?",
    "Raising my query again: can the invoice go to our accounts team?",
]
CALM = [
    "If I move the booking, do I still pay the deposit?",
    "Does the offer still apply if I repeat the order next month?",
    "Is it just as quick to pay by card?",
]


@pytest.mark.parametrize("turn", DIDNT_HELP_AND_REPEATS)
def test_no_effect_and_asking_again_in_new_words(turn):
    assert _neg(turn)


@pytest.mark.parametrize("turn", CALM)
def test_questions_about_terms_are_calm(turn):
    assert not _neg(turn)


# --- asks for a person and handovers --------------------------------------------------------


@pytest.mark.parametrize(
    "ask",
    [
        "I wish to speak to the proprietor.",
        "Please have the owner contact me today.",
        "I want to deal with a person, not this menu.",
        "Can I get the head gardener on the phone?",
    ],
)
def test_asks_in_new_words_unmet(ask):
    cats = issue_categories((U, ask), (A, "Our gardens open at ten."))
    assert "Unmet escalation" in cats


@pytest.mark.parametrize(
    "reply",
    [
        "I've booked Ola from the fitting team to visit on Monday morning.",
        "I can't put calls through, but the owner's direct line is 0161 555 0199.",
        "You can reach her directly on 07700 900456 after two.",
        "Our supervisor will come round to see you tomorrow.",
    ],
)
def test_a_visit_or_a_direct_line_meets_the_ask(reply):
    cats = issue_categories((U, "Could someone from the shop look at the sofa?"), (A, reply))
    assert "Unmet escalation" not in cats
    cats = issue_categories((U, "Can I speak to the owner?"), (A, reply))
    assert "Unmet escalation" not in cats


def test_a_met_polite_ask_by_visit_is_calm():
    turns = (
        (U, "Could a person from the depot check the trailer before we leave?"),
        (A, "Of course, I've booked Sam from the depot to visit at 8."),
        (U, "Lovely, thanks."),
    )
    assert _label(*turns) not in ("NEGATIVE", "MIXED")


@pytest.mark.parametrize("last", ["###STOP###", "You too! ###STOP###", "Thanks!\n\n###STOP###"])
def test_a_simulators_stop_mark_closes(last):
    turns = ((U, "Change my seat."), (A, "Done. Have a great day!"), (U, last))
    assert "Incomplete answer" not in issue_categories(*turns)


def test_a_question_before_the_stop_mark_still_wants_an_answer():
    turns = ((U, "Change my seat."), (A, "Done."), (U, "And my bag? ###STOP###"))
    assert "Incomplete answer" in issue_categories(*turns)


@pytest.mark.parametrize("turn", ["My card was charged twice.", "One more booking to change."])
def test_a_farewell_is_no_instruction(turn):
    assert not settles(turn, "You're welcome! Feel free to reach out. Have a great day!")
