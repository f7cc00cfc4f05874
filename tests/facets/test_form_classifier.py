"""The form classifier beside the Sentiment and Issues rules (form_classifier.py).

The phrasings here are written for this test, none from the robustness set, the prototypes or the
training script; each is one the regex rules do not catch (checked first), so the classifier, not
a rule, is what is tested.
"""

from __future__ import annotations

import pytest

from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets, parse_facets
from tracetopics_pipeline.core.facets.summarizers import make_summarizer
from tracetopics_pipeline.core.facets.summarizers.local import form_classifier
from tracetopics_pipeline.core.facets.summarizers.local.issues import detect_issues
from tracetopics_pipeline.core.facets.summarizers.local.sentiment import FORMS

OPENING = ("The projector in meeting room B shows no picture.",
           "Please check that the HDMI cable is plugged into the wall port.")  # fmt: skip


def _trace(tid: str, *turns: str) -> dict:
    q, a = OPENING
    msgs = [{"role": "user", "content": q}, {"role": "assistant", "content": a}]
    for t in turns:
        msgs += [{"role": "user", "content": t}, {"role": "assistant", "content": "I see."}]
    return {"id": tid, "messages": msgs}


def _label(classifier: bool, trace: dict, name: str = "Sentiment") -> tuple[str | None, str]:
    facet = find_facet(load_facets(), name)
    res = make_summarizer("local", classifier=classifier).summarize([trace], [facet])
    return res.outputs[0].label, res.outputs[0].summary or ""


def test_packaged_heads_load_with_a_threshold_each():
    heads = form_classifier.load()
    assert set(heads.names) == set(FORMS) | {form_classifier.APOLOGY}
    assert heads.W.shape == (len(heads.names), 384)
    assert all(0.5 <= t < 1.0 for t in heads.t)


def test_it_reads_a_complaint_the_rules_miss():
    trace = _trace("c", "Your replies read like they were meant for a different customer.")
    assert _label(False, trace)[0] == "NEUTRAL"  # the rules alone
    assert _label(True, trace)[0] == "NEGATIVE"


def test_ordinary_turns_stay_neutral():
    for i, turn in enumerate([
        "It is plugged in, which input should the projector be on?",
        "Can I book room C for tomorrow instead?",
        "Who looks after the projectors, so I can thank them later?",
    ]):  # fmt: skip
        assert _label(True, _trace(f"o{i}", turn))[0] == "NEUTRAL", turn


def test_a_negative_the_rules_found_is_not_read_again():
    heads = form_classifier.load()
    facet = find_facet(load_facets(), "Sentiment")
    trace = _trace("n", "This is useless, I want to speak to a human agent now.")
    sig = make_summarizer("local", classifier=False).sentiment_signals(trace, facet)
    users = [m["content"] for m in trace["messages"] if m["role"] == "user"]
    assert heads.candidates(users, sig) == []


def test_unmet_escalation_from_an_ask_the_rule_misses():
    # ("... in person" became a rule of the Issues facet in the fourteenth pass)
    ask = "Could one of your facilities staff come by and have a look at it?"
    msgs = [{"role": "user", "content": ask},
            {"role": "assistant", "content": "Projectors need a warm-up of about a minute."}]  # fmt: skip
    assert not detect_issues(msgs)  # the rules alone
    heads = form_classifier.load()
    found = detect_issues(msgs, asks_human=heads.asks_human)
    assert [i.category for i in found] == ["Unmet escalation"]
    label, _ = _label(True, {"id": "u", "messages": msgs}, "Issues")
    assert label == "UNMET_ESCALATION"


def test_tool_trouble_after_a_tool_call_and_the_structural_rule_wins():
    call = {"role": "assistant", "content": None, "tool_calls": [{"id": "c1", "type": "function",
            "function": {"name": "book_room", "arguments": "{}"}}]}  # fmt: skip
    ok = {"role": "tool", "tool_call_id": "c1", "name": "book_room", "content": '{"ok": true}'}
    err = {
        "role": "tool",
        "tool_call_id": "c1",
        "name": "book_room",
        "content": "Error: room locked",
    }
    said = {"role": "assistant", "content": "Sorry, the room booking wouldn't go through for me."}
    user = {"role": "user", "content": "Book room C please."}
    asked: list[str] = []

    def trouble(text: str) -> bool:
        asked.append(text)
        return form_classifier.load().tool_trouble(text)

    assert not detect_issues([user, call, ok, said])  # the rules alone
    found = detect_issues([user, call, ok, said], tool_trouble=trouble)
    assert [i.category for i in found] == ["Failed tool call"] and asked
    asked.clear()
    found = detect_issues([user, call, err, said], tool_trouble=trouble)
    assert [i.category for i in found] == ["Failed tool call"] and not asked  # the rule decided
    fine = {"role": "assistant", "content": "Room C is booked for you from 10 to 11."}
    assert not detect_issues([user, call, ok, fine], tool_trouble=trouble)


def test_classifier_is_on_unless_the_facet_file_turns_it_off():
    summ = make_summarizer("local", preload=False)
    for name in ("Sentiment", "Issues"):
        assert summ.classifier_on(find_facet(load_facets(), name))
    assert not summ.classifier_on(find_facet(load_facets(), "Task"))
    text = "version: 1\nfacets:\n  - name: Mood\n    local: {kind: sentiment, classifier: false}\n"
    facet = parse_facets(text)[0]
    assert not summ.classifier_on(facet)
    assert make_summarizer("local", preload=False, classifier=True).classifier_on(facet)
    with pytest.raises(Exception, match="classifier"):
        parse_facets(text.replace("classifier: false", "classifier: maybe"))


def test_cue_gates_spare_ordinary_turns_the_embedding():
    heads = form_classifier.load()
    assert set(heads.cues) == {"user", form_classifier.ASK_HUMAN, form_classifier.APOLOGY}
    assert all(heads.cues.values())
    ordinary = "Which input should the projector be on, HDMI 1 or 2?"
    assert not heads.worth_reading("ok", "user")
    assert not heads.worth_reading(ordinary, form_classifier.ASK_HUMAN)
    assert heads.worth_reading(
        "Could a person from facilities come and look?", form_classifier.ASK_HUMAN
    )
    # a file without gates (trained before them) reads every candidate turn
    import json
    from importlib import resources

    pkg = resources.files(form_classifier.__package__)
    spec = json.loads(pkg.joinpath(form_classifier.FILE).read_text("utf-8"))
    spec.pop("gates")
    assert form_classifier.FormClassifier(spec).worth_reading("ok")


def test_the_block_embeds_only_gated_turns_in_one_batch():
    from tracetopics_pipeline.core.facets.summarizers.local import prototypes

    facets = [find_facet(load_facets(), n) for n in ("Sentiment", "Issues")]
    heads = form_classifier.load()
    turns = ["ok", "Thursday works.", "Room B."]
    assert not any(heads.worth_reading(t) for t in turns)  # none carries a learned cue
    assert not any(heads.worth_reading(t, form_classifier.ASK_HUMAN) for t in turns)
    calm = [{"id": f"k{i}", "messages": [{"role": "user", "content": OPENING[0]},
                                         {"role": "assistant", "content": OPENING[1]},
                                         {"role": "user", "content": t}]}
            for i, t in enumerate(turns)]  # fmt: skip
    summ = make_summarizer("local", classifier=True)
    before = prototypes.CACHE.embedded
    summ.summarize(calm, facets)
    # the opening's problem report may carry a cue (it is read once, cached); the calm turns not
    assert prototypes.CACHE.embedded - before <= 1


RESTATED = [  # a request asked again in other words after an answer about something else (an
    # answer on the same subject that misses the question is not read: too close in meaning)
    ("Do you deliver flowers on Sundays?", "You can pay by card or cash.",
     "can I get a bouquet delivered on a sunday"),
    ("How long is the warranty on the dishwasher?", "Our showroom is open until 8pm.",
     "For how many years is the dishwasher covered by the warranty?"),
    ("Is the pool heated in winter?", "The gym opens at 6am on weekdays.",
     "what temperature is the pool kept at in winter"),
]  # fmt: skip
NOT_RESTATED = [
    # answered (yes/no, or the agent asks for details), a new question, or a re-sent copy
    ("Do you deliver flowers on Sundays?", "No, Monday to Saturday only.",
     "Can I get a bouquet delivered on a Saturday then?"),
    ("Is the pool heated in winter?", "The gym opens at 6am on weekdays.",
     "Is the pool heated in winter?"),
    ("How long is the warranty on the dishwasher?", "Dishwashers come in 45 and 60 cm widths.",
     "Do you also sell washing machines?"),
]  # fmt: skip


def _restated(q: str, a: str, turn: str) -> dict:
    msgs = [{"role": "user", "content": q}, {"role": "assistant", "content": a},
            {"role": "user", "content": turn}, {"role": "assistant", "content": "Let me see."}]  # fmt: skip
    return {"id": "r", "messages": msgs}


@pytest.mark.parametrize("q,a,turn", RESTATED)
def test_a_request_asked_again_in_other_words_is_repeating(q, a, turn):
    assert _label(False, _restated(q, a, turn))[0] == "NEUTRAL"  # no rule reads it
    label, summary = _label(True, _restated(q, a, turn))
    assert label == "NEGATIVE" and FORMS["repeated_request"][1] in summary


@pytest.mark.parametrize("q,a,turn", NOT_RESTATED)
def test_an_answered_request_a_new_one_or_a_copy_is_not_repeating(q, a, turn):
    assert _label(True, _restated(q, a, turn))[0] != "NEGATIVE"
