"""The Sentiment facet's semantic layer: frustration forms and politeness read by meaning.

The phrasings here are written for this test, none from the robustness set or the prototypes; each
is one the regex rules do not catch (checked), so the layer, not a rule, is what is tested.
"""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets, parse_facets
from tracetopics_pipeline.core.facets.summarizers import make_summarizer
from tracetopics_pipeline.core.facets.summarizers.local import sentiment_semantic

OPENING = ("My router keeps dropping the connection every evening.",
           "Please restart it and move it away from the microwave.")  # fmt: skip

# (form, a reply to the agent the rules miss and the layer must read as that form)
MISSED_BY_RULES = [
    ("ask_human", "Is there somebody at your company I could phone about this?"),
    ("cancel_talk", "Honestly we may take our business to a rival."),
    ("agent_complaint", "You don't seem to grasp what I'm telling you."),
]
ORDINARY = [
    "Which channel should the router use?",
    "I moved it to the hallway, what should the lights look like?",
    "Can someone from my family use the same account?",
    "I need to leave at five, can the technician come before that?",
]


def _trace(tid: str, reply: str) -> dict:
    q, a = OPENING
    msgs = [{"role": "user", "content": q}, {"role": "assistant", "content": a},
            {"role": "user", "content": reply}, {"role": "assistant", "content": "I see."}]  # fmt: skip
    return {"id": tid, "messages": msgs}


def _labels(semantic: bool, replies: list[str]) -> list[str | None]:
    facet = find_facet(load_facets(), "Sentiment")
    summ = make_summarizer("local", semantic=semantic, classifier=False)
    res = summ.summarize([_trace(f"t{i}", r) for i, r in enumerate(replies)], [facet])
    return [o.label for o in sorted(res.outputs, key=lambda o: int(o.trace_id[1:]))]


@pytest.mark.parametrize("form,reply", MISSED_BY_RULES)
def test_layer_reads_forms_the_rules_miss(form, reply):
    assert _labels(False, [reply]) == ["NEUTRAL"]  # the rules alone miss it
    facet = find_facet(load_facets(), "Sentiment")
    sig = make_summarizer("local", semantic=True, classifier=False).sentiment_signals(
        _trace("x", reply), facet
    )
    reasons = {sentiment_semantic.FORMS[form][1]}
    assert reasons <= set(sig.why_neg)
    assert _labels(True, [reply]) == ["NEGATIVE"]


def test_ordinary_follow_ups_stay_neutral():
    assert _labels(True, ORDINARY) == ["NEUTRAL"] * len(ORDINARY)


def test_routine_closing_is_not_satisfaction_but_a_fix_is():
    closing = "Awesome, much appreciated, bye!"  # "appreciate it" alone: thanks, for the rules too
    solved = "That did it, the connection has been stable all evening, brilliant!"
    assert _labels(False, [closing, solved]) == ["POSITIVE", "POSITIVE"]  # the rules alone
    assert _labels(True, [closing, solved]) == ["NEUTRAL", "POSITIVE"]


def test_layer_is_off_unless_the_facet_file_turns_it_on():
    shipped = find_facet(load_facets(), "Sentiment")
    assert not make_summarizer("local", preload=False).semantic_on(shipped)
    text = "version: 1\nfacets:\n  - name: Mood\n    local: {kind: sentiment, semantic: true}\n"
    facet = parse_facets(text)[0]
    assert make_summarizer("local", preload=False).semantic_on(facet)
    assert not make_summarizer("local", preload=False, semantic=False).semantic_on(facet)
    with pytest.raises(Exception, match="semantic"):
        parse_facets(text.replace("semantic: true", "semantic: maybe"))


def test_rules_turns_are_not_embedded():
    """A turn a frustration rule already read is not scored again (the rules win; cost)."""
    layer = sentiment_semantic.load()
    facet = find_facet(load_facets(), "Sentiment")
    trace = _trace("r", "I want to speak to a human agent now.")
    sig = make_summarizer("local", semantic=False, classifier=False).sentiment_signals(trace, facet)
    users = [m["content"] for m in trace["messages"] if m["role"] == "user"]
    assert 1 in sig.expressed and not [c for c in layer.candidates(users, sig) if c.turn == 1]
