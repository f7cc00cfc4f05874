"""Short dialogues as (role, text) pairs, read by the local Sentiment and Issues rules."""

from __future__ import annotations

from tracetopics_pipeline.core.facets.summarizers.local.issues import detect_issues
from tracetopics_pipeline.core.facets.summarizers.local.sentiment import classify, signals

U, A = "user", "assistant"


def sentiment_label(*turns: tuple[str, str]) -> str:
    """The Sentiment rules' label for a dialogue, read with its order (sentiment_context.py)."""
    d = list(turns)
    users = [t for r, t in d if r == U]
    agent = [t for r, t in d if r == A]
    return classify(signals(users, agent, dialogue=d))[0]


def issue_categories(*turns: tuple[str, str]) -> list[str]:
    """The Issues rules' categories for a dialogue without tool calls."""
    return [i.category for i in detect_issues([{"role": r, "content": t} for r, t in turns])]
