"""`handover.read_handovers` on a long agent turn (issue 14; docs/benchmarks.md "Handover reading
speed"): each sentence was checked for a later "would you like me to proceed?" by reading every
sentence after it again (6.7 s on one 90k-character turn); now the asks are found once. The
readings themselves must not change: a handover said before a question asking the user's leave
is still no handover, one said after it still is."""

from __future__ import annotations

import re

import pytest

from tracetopics_pipeline.core.facets.summarizers.local import handover
from tracetopics_pipeline.core.facets.summarizers.local.handover import (
    HANDED_OVER,
    UNMET,
    handover_done,
    read_handovers,
)


class _Counted:
    """A compiled pattern that counts its searches."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.searches = pattern, 0

    def search(self, text: str) -> re.Match[str] | None:
        self.searches += 1
        return self.pattern.search(text)


def test_a_long_agent_turn_is_read_for_asks_once_per_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """600 sentences with no handover: the asks-leave pattern read each sentence at most once
    (main read each sentence again for every sentence before it: 175,812 searches)."""
    sentences = [f"Your export number {i} is ready to download, please check your inbox?"
                 if i % 50 == 0 else f"Your export number {i} is ready to download."
                 for i in range(600)]  # fmt: skip
    counted = _Counted(handover._ASKS_LEAVE)
    monkeypatch.setattr(handover, "_ASKS_LEAVE", counted)
    h = read_handovers([{"role": "user", "content": "Can I talk to a person?"},
                        {"role": "assistant", "content": " ".join(sentences)}])  # fmt: skip
    assert h.after(0) == UNMET and not h.said
    assert counted.searches <= len(sentences)


@pytest.mark.parametrize(
    ("text", "done"),
    [
        # asked leave after the handover: still waiting on the user
        (
            "I'm passing your case to our billing team. Would you like me to proceed with the transfer?",
            False,
        ),
        # ... however many sentences between them
        (
            "Transferring you to a team member now. "
            + "Thanks for your patience. " * 300
            + "Is that okay?",
            False,
        ),
        # the question first, the handover after it: a handover
        (
            "Would you like me to proceed with the transfer? Transferring you to a team member now.",
            True,
        ),
        ("Is that okay? " * 200 + "I've passed this to our front desk.", True),
        # a question is no handover, nor a sentence without a handover word
        ("Shall I put you through to our claims team?", False),
        ("Your password was handled by our team. " * 200, False),
        # a handover by a word the pattern reads apart from the verbs
        ("Thanks for waiting. " * 200 + "A nurse is joining the chat.", True),
        ("Thanks for waiting. " * 200 + "I've paged the on-call vet.", True),
    ],
)
def test_the_reading_of_a_handover_is_unchanged(text: str, done: bool) -> None:
    assert bool(handover_done(text)) is done
    h = read_handovers([{"role": "user", "content": "Can I speak to someone?"},
                        {"role": "assistant", "content": text}])  # fmt: skip
    assert (h.after(0) == HANDED_OVER) is done
