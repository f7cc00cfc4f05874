"""Churn risk and Competitor mention: an adversary's cases against session 22's churn rules.

- The choosing verb is no name: "Going over your invoice" examines it (it named "Going").
- Leaving unnamed is said by the user: not "they" (a customer's prospect "went with a
  competitor"), not a new job ("joined a new company"), not a meal or a trip ("going elsewhere
  for lunch").
- A complaint in the turn before about the service itself ("Our calls keep dropping") or after
  an interjection ("Ugh the app keeps crashing") still says why the user moves.
"""

from __future__ import annotations

import pytest
from test_named_switch import _churn, _competitor

_FIRED = ("HIGH", "CRITICAL")


@pytest.mark.parametrize(
    "text",
    [
        "Going over your invoice, I noticed a double charge.",
        "Went over your docs twice, where is the export?",
        "I just joined a new company, how do I change the email on my account?",
        "They went with a competitor, how do I mark the deal as lost?",
        "The prospect said they signed with a rival firm, close the opportunity please.",
        "We're going elsewhere for lunch, can you push the demo to 2pm?",
        "I'm taking my money somewhere else for the weekend trip, is my card ok abroad?",
    ],
)
def test_look_alikes_of_choosing_and_leaving_do_not_fire(text: str) -> None:
    assert _churn(text) not in _FIRED, text
    assert _competitor(text) == "NONE", text


@pytest.mark.parametrize(
    "text",
    [
        "We went with Acme over your tool.",
        "We're taking our business elsewhere.",
        "We've joined a rival bank.",
        "We're going elsewhere for our payroll.",
    ],
)
def test_choosing_and_leaving_still_fire(text: str) -> None:
    assert _churn(text) == "CRITICAL", text


@pytest.mark.parametrize(
    ("before", "move", "name"),
    [
        ("Our calls keep dropping, sick of it.", "We're switching to Vonage.", "Vonage"),
        ("Ugh the app keeps crashing", "We're moving to Notion.", "Notion"),
        ("Our broadband is terrible.", "We're moving to Hyperoptic.", "Hyperoptic"),
    ],
)
def test_a_complaint_about_the_service_itself_stays_a_cue(
    before: str, move: str, name: str
) -> None:
    text = f"{before}\n{move}"
    assert _churn(text) == "CRITICAL", text
    assert _competitor(text) == name, text


@pytest.mark.parametrize(
    ("before", "move"),
    [
        ("Ugh our courier is terrible.", "We're switching to Evri, can I print labels?"),
        ("Our printer keeps jamming.", "We're moving to Epson, will reports print?"),
    ],
)
def test_a_complaint_about_another_thing_after_an_interjection_is_no_cue(
    before: str, move: str
) -> None:
    text = f"{before}\n{move}"
    assert _churn(text) not in _FIRED, text
    assert _competitor(text) == "NONE", text
