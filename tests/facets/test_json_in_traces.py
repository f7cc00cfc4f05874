"""JSON inside a trace (tool replies, tool arguments, input/output/metadata text, a model's
answer) is parsed by the one guarded parser, `messages.loads_json`: a text nested too deeply is
"not JSON", never a RecursionError that errors the trace's facets on every run (review rv7 J1)."""

from __future__ import annotations

import json

import pytest

from tracetopics_pipeline.core.facets.definitions import find_facet, load_facets
from tracetopics_pipeline.core.facets.preprocess import is_error_reply, messages_of, with_metadata
from tracetopics_pipeline.core.facets.summarizers import make_summarizer
from tracetopics_pipeline.core.facets.summarizers.openai import parse_answer
from tracetopics_pipeline.explorer.proposal import _quote_user
from tracetopics_pipeline.explorer.queries import _json

DEEP = "[" * 50_000 + "]" * 50_000  # a valid JSON text, far past Python's stack
DEEP_OBJ = '{"a": ' * 20_000 + "1" + "}" * 20_000


def _trace(reply: str = DEEP) -> dict:
    return {
        "id": "deep-tool-1",
        "created": "2026-11-30T12:00:00Z",
        "messages": [
            {"role": "user", "content": "Why did my export fail?"},
            {
                "role": "assistant",
                "content": "",
                "tool_calls": [
                    {
                        "id": "c1",
                        "type": "function",
                        "function": {"name": "get_export", "arguments": "{}"},
                    }
                ],
            },
            {"role": "tool", "tool_call_id": "c1", "content": reply},
            {"role": "assistant", "content": "The export failed, sorry."},
        ],
    }


@pytest.mark.parametrize("reply", [DEEP, DEEP_OBJ])
def test_a_deeply_nested_tool_reply_is_text_not_an_error(reply):
    assert is_error_reply({"role": "tool", "content": reply}) is False


def test_a_shallow_error_json_reply_is_still_an_error():
    assert is_error_reply({"role": "tool", "content": json.dumps({"error": "not found"})})


def test_messages_input_and_metadata_nested_too_deeply_are_text():
    assert messages_of({"messages": DEEP}) == []
    assert messages_of({"messages": None, "input": DEEP, "output": "ok"}) == [
        {"role": "user", "content": DEEP},
        {"role": "assistant", "content": "ok"},
    ]
    facet = find_facet(load_facets(), "Issues")
    text = with_metadata({"metadata": DEEP_OBJ, "messages": _trace()["messages"]}, facet)
    assert text and text.startswith("metadata: ")


def test_a_model_answer_nested_too_deeply_is_not_a_json_object():
    facets = [find_facet(load_facets(), "Issues")]
    good, bad = parse_answer(DEEP_OBJ, facets)
    assert not good
    assert bad == {"Issues": "answer is not a JSON object"}
    good, bad = parse_answer("Sure: " + DEEP_OBJ + " done", facets)
    assert bad == {"Issues": "answer is not a JSON object"}


def test_explorer_reads_deep_text_as_text():
    assert _json(DEEP) == DEEP
    assert _json('{"a": [1]}') == {"a": [1]}
    assert _quote_user(DEEP) == []
    assert _quote_user(json.dumps([{"role": "user", "content": "hi"}])) != []


def test_the_trace_gets_issues_and_sentiment_answers():
    facets = load_facets()
    wanted = [find_facet(facets, "Sentiment"), find_facet(facets, "Issues")]
    res = make_summarizer("local").summarize([_trace()], wanted)
    by_facet = {o.facet: o for o in res.outputs}
    assert set(by_facet) == {"Sentiment", "Issues"}
    for o in by_facet.values():
        assert o.status == "ok", (o.facet, o.error)
        assert o.error is None
