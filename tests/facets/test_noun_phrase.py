"""A bare noun phrase or a clause, told apart by word shapes (no parser)."""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.facets.summarizers.local.noun_phrase import is_bare_noun_phrase


@pytest.mark.parametrize(
    "text",
    [
        "the export button is greyed out",  # copula
        "the nightly backup did not run",  # auxiliary, negation
        "a new hire can't open the roster",  # n't
        "the courier never showed up",  # negation adverb
        "the reimbursement form keeps crashing",  # -s verb before -ing
        "the Slack bot stopped posting",  # -ed after a noun
        "the card on file expired",  # -ed after a prepositional phrase
        "the booking page takes me back to the start",  # -s verb before an object
        "the pharmacy just closed",  # adverb between subject and verb
        "the card I ordered hasn't come",  # relative clause, then the main verb
        "THE PORTAL IS DOWN",  # shouted
    ],
)
def test_clauses(text):
    assert not is_bare_noun_phrase(text, object_of_frame=False)


@pytest.mark.parametrize(
    "text",
    [
        "a refund for order 123",
        "a table for four at 8pm",
        "the shared folder from the design team",  # a participle before the noun
        "the user permissions for the finance group",  # a plural noun head
        "a flight to Denver on Tuesday",
        "an alert when a build fails",  # the verb belongs to "when ..."
        "the May payslip",  # a month, not a modal
        "a reminder to not miss the dentist",  # "to not" is not finite
    ],
)
def test_noun_phrases(text):
    assert is_bare_noun_phrase(text, object_of_frame=False)


@pytest.mark.parametrize(
    ("text", "after_greeting", "after_frame"),
    [
        # A frame's object may hold a plural or a participle after a noun...
        ("two bus tickets to Denver", False, True),
        ("the lost card blocked", False, True),
        # ... a relative or wh-clause, or a second verb of the frame's subject.
        ("a restaurant that is open late", False, True),
        ("a reason why my payment was declined", False, True),
        ("a refund and would like it today", False, True),
        # A closed-class verb before any of those is a clause either way.
        ("the app is broken", False, False),
    ],
)
def test_what_governs_the_phrase_decides_which_signals_count(text, after_greeting, after_frame):
    assert is_bare_noun_phrase(text, object_of_frame=False) is after_greeting
    assert is_bare_noun_phrase(text, object_of_frame=True) is after_frame
