"""A decision to cancel said with no object ("We have decided to cancel.", "We're cancelling.")
is the relationship ending: Churn risk CRITICAL. Found by the session-20 adversary: every one of
these read LOW, while Sentiment read the same turn as leaving talk. A cancel with an object is
read by the object (a booking is a task: tests/facets/test_cancel_task.py); a condition caps it
at HIGH; a negation or a question is no decision."""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets
from tracetopics_pipeline.core.facets.summarizers.local.rules import apply_rules


def churn(text: str) -> str:
    return apply_rules(text, find_facet(load_facets(), "Churn risk"))[1] or "LOW"


@pytest.mark.parametrize(
    "text",
    [
        "We have decided to cancel.",
        "We're cancelling. Let me know if you need a reason.",
        "I'm cancelling today.",
        "We will be cancelling at the end of the month.",
        "ok we've decided to cancel, sorry",
        "I am cancelling, effective immediately.",
        "That's it. I'm cancelling!",
        "im cancelling",
        "After three outages we've made the decision to cancel.",
        "We'll be canceling from next month.",
    ],
)
def test_a_decision_to_cancel_with_no_object_is_critical(text: str) -> None:
    assert churn(text) == "CRITICAL"


@pytest.mark.parametrize(
    "text",
    [
        "We're cancelling the order.",
        "I'm cancelling my booking for Friday.",
        "I have decided to cancel the meeting.",
        "I'm cancelling it.",
        "We're not cancelling.",
        "I haven't decided to cancel yet.",
        "Should I cancel?",
        "Are we cancelling?",
        "Were you cancelling the delivery?",
        "The client has decided to cancel the shoot.",
    ],
)
def test_a_cancel_with_an_object_a_negation_or_a_question_is_not(text: str) -> None:
    assert churn(text) != "CRITICAL"


def test_a_decision_on_a_condition_is_a_threat() -> None:
    assert churn("If the sync fails again we're cancelling.") == "HIGH"
