"""Review fixes, session 22: typo repair, new Sentiment rules on calm messages, one thanks list.

- `respell` never turns a real word into a cue: the first letter stays, a changed letter is a
  key beside it (or one spelt for it by sound), and a word the vocabulary knows by its stem
  ("stitching", "canceler") is a word. The typos it is for still read as the cue.
- Changing a provider is leaving as the user's own plan or on a condition, not as a request.
- "as I asked" with thanks, praise or a thing done is no repeat; "fine, I can manage without"
  is no giving up.
- "thx"/"ty" are thanks wherever thanks are read ("pairs again thx" is good news).
"""

from __future__ import annotations

import pytest
from factories.dialogues import sentiment_label
from held_out import conv
from test_named_switch import _churn

from tracetopics_pipeline.core.facets.summarizers.local.sentiment_context import context_forms
from tracetopics_pipeline.core.facets.summarizers.local.text import respell

_CUES = [
    "cancel",
    "cancels",
    "canceled",
    "cancelled",
    "canceling",
    "cancelling",
    "cancellation",
    "subscription",
    "membership",
    "account",
    "contract",
    "switching",
    "moving",
    "migrating",
    "leaving",
    "renewing",
]


@pytest.mark.parametrize(
    "word", ["reneging", "emigrating", "cleaving", "stitching", "mowing", "roving", "canceler"]
)
def test_respell_leaves_real_words_that_look_like_cues(word: str) -> None:
    assert respell(f"the {word} one", _CUES) == f"the {word} one"


@pytest.mark.parametrize(
    ("typo", "cue"),
    [
        ("cancle", "cancel"),
        ("cancelin", "canceling"),
        ("acount", "account"),
        ("subscripton", "subscription"),
        ("subscribtion", "subscription"),
        ("memebership", "membership"),
        ("cancleing", "canceling"),
        ("swithcing", "switching"),
        ("contrsct", "contract"),  # s beside a
    ],
)
def test_respell_still_reads_slips(typo: str, cue: str) -> None:
    assert respell(f"my {typo} now", _CUES) == f"my {cue} now"


@pytest.mark.parametrize(
    "text",
    [
        "We're not reneging on the contract, just asking about the invoice.",
        "We are emigrating next month, please update my address.",
        "The stitching on the seat came loose.",
        "Our mowing service is booked for Friday.",
        "Can the canceler be used twice?",
    ],
)
def test_real_words_are_no_churn(text: str) -> None:
    assert _churn(text) == "LOW", text


def _label(*turns: str) -> str:
    return sentiment_label(*conv(*turns))


@pytest.mark.parametrize(
    "text",
    [
        # a provider changed on request
        "Can you change the courier?",
        "Please switch the platform.",
        "I need to change my lab.",
        "Please change my lab because I moved.",
        "We're not going to change bank, just fix it.",
        # as asked, and done
        "Thanks, the invoice was sent as I requested.",
        "Great, it is set up like I asked!",
        "The invoice was sent as I requested.",
        # managing without, calmly
        "That is fine, I can manage without the receipt.",
        "Fine, I guess I can manage without the receipt.",
    ],
)
def test_calm_messages_are_not_negative(text: str) -> None:
    assert _label(text) != "NEGATIVE", text


@pytest.mark.parametrize(
    "text",
    [
        "I will change driving school if this continues.",
        "We'll switch bank.",
        "time to change insurer",
        "I'm changing my bank.",
        "It was not sent as I requested.",
        "Thanks, but it still isn't set up as I asked.",
        "whatever, I'll manage without the receipt then",
        "Fine, I'll manage without it then.",
    ],
)
def test_look_alikes_stay_negative(text: str) -> None:
    assert _label(text) == "NEGATIVE", text


@pytest.mark.parametrize(
    ("last", "forms"),
    [
        ("did it and it pairs again thx", {}),
        ("did that, it pairs again ty", {}),
        ("did it and it pairs again, thank you", {}),
        ("did it and it dropped again", {1: ["didnt_help"]}),
    ],
)
def test_short_thanks_make_again_good_news(last: str, forms: dict[int, list[str]]) -> None:
    d = [
        ("user", "My headset won't pair."),
        ("assistant", "Please hold the button for 5 seconds and retry."),
        ("user", last),
    ]
    assert context_forms(d) == forms
