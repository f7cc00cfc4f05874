"""Long and hostile inputs never wedge the facet stage (issue 14, session 24).

- The code detector reads a run of "a.a.a..." once, not once per character: an e-mail address
  starts where its run of name characters starts, an exception's module path has at most 16
  parts (64k characters took over 100 s before; well under 10 s after).
- A recovered connection and a broken-after-recovery read the few words before each match, not
  everything before it (128k characters: 30+ s before).
- The local summarizer reads a turn by its first and last TURN_EDGE characters: what each stage
  is given is counted, not timed, so the test cannot flake under load.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest

from tracetopics_pipeline.core.facets.definitions import load_facets
from tracetopics_pipeline.core.facets.preprocess import (
    _left_broken,
    content_text,
    recovered_connection,
)
from tracetopics_pipeline.core.facets.summarizers import local
from tracetopics_pipeline.core.facets.summarizers.local import (
    TURN_EDGE,
    LocalSummarizer,
    bounded,
    code_terms,
)
from tracetopics_pipeline.core.facets.summarizers.local.code_terms import code_spans
from tracetopics_pipeline.core.facets.summarizers.local.text import ends_of

_BOUND_S = 10.0  # the old paths took 30 to 100+ s on these inputs; the fixed ones under 1 s


def _timed(f: Callable[[], object]) -> tuple[object, float]:
    start = time.perf_counter()
    out = f()
    return out, time.perf_counter() - start


def test_code_spans_read_a_dotted_run_once() -> None:
    out, took = _timed(lambda: code_spans("a." * 32000))
    assert out == []
    assert took < _BOUND_S


def test_code_spans_still_find_addresses_and_exception_paths() -> None:
    text = "mail bob.smith+x@example.co.uk: requests.exceptions.ConnectionError: reset by peer"
    kinds = [(text[s.start : s.end], s.kind) for s in code_spans(text)]
    assert kinds == [("requests.exceptions.ConnectionError: reset by peer", "error")]
    deep = "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.KeyError"  # 16 parts: read whole
    assert [(s.start, s.end) for s in code_spans(deep)] == [(0, len(deep))]

    # as before: dotted names and files are no addresses; an address's own dots are no path
    def spans(t: str) -> list[tuple[str, str]]:
        return [(t[s.start : s.end], s.kind) for s in code_spans(t)]

    assert spans("run a.b.c.d then one.two.three()") == [("one.two.three()", "function")]
    assert spans("the error.log file and the errors") == [("error.log", "file")]
    assert spans("x@y a.b@c.io.ValueError") == []


def test_recovered_connection_reads_words_before_a_match() -> None:
    text = "connection reset by peer; " + "restored, " * 12800  # 128k characters
    out, took = _timed(lambda: recovered_connection(text))
    assert out is True
    assert took < _BOUND_S
    # the words right before still decide: a negated recovery is none
    assert recovered_connection("connection reset by peer; not restored") is False
    pad = "the service checked the queue and the worker pool again " * 20
    assert recovered_connection("connection reset by peer; " + pad + "restored") is True
    assert recovered_connection("connection reset by peer; " + pad + "never restored") is False


def test_left_broken_reads_words_before_a_match() -> None:
    text = "0 lost " * 20000  # every loss is "0 lost": none is broken
    out, took = _timed(lambda: _left_broken(text))
    assert out is False
    assert took < _BOUND_S
    assert _left_broken("x " * 500 + "3 messages lost") is True


def test_a_turn_is_read_by_its_ends() -> None:
    short = "word " * (2 * TURN_EDGE // 5)  # exactly 2 * TURN_EDGE characters: read whole
    assert ends_of(short, TURN_EDGE) == short
    trace = {"id": "t", "messages": [{"role": "user", "content": short}]}
    assert bounded(trace) is trace
    long = "first words here " + "lorem ipsum dolor " * 10000 + "the last words"
    got = ends_of(long, TURN_EDGE)
    assert len(got) <= 2 * TURN_EDGE
    assert got.startswith("first words here ") and got.endswith("the last words")
    assert "\n\n" in got  # two paragraphs: no sentence runs across the cut
    assert set(got.split()) <= {"lorem", "ipsum", "dolor", "first", "words", "here", "the", "last"}
    assert ends_of(got, TURN_EDGE) == got  # read once: a bounded trace is bounded


@pytest.mark.parametrize("role", ["user", "assistant", "tool"])
def test_summarizer_stages_are_given_bounded_text(
    role: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []  # the length of every text a stage is given
    real_spans, real_signals, real_error = (
        code_terms.code_spans,
        local.signals,
        local.is_error_reply,
    )

    def spans(text: str) -> list[code_terms.CodeSpan]:
        seen.append(len(text))
        return real_spans(text)

    def signals(users: list[str], agent: list[str], **kw: object) -> object:
        seen.extend(len(t) for t in users + agent)
        return real_signals(users, agent, **kw)

    def error_reply(msg: dict, *args: object) -> bool:
        seen.append(len(content_text(msg.get("content"))))
        return real_error(msg, *args)

    monkeypatch.setattr(code_terms, "code_spans", spans)
    monkeypatch.setattr(local, "signals", signals)
    monkeypatch.setattr(local, "is_error_reply", error_reply)
    paste = "2026-12-03T10:00:00Z INFO worker fetched 250 rows from billing.invoices\n" * 1800
    ask = "I want to cancel my subscription, this export never works."
    msgs = [{"role": "user", "content": (paste + ask) if role == "user" else ask}]
    if role == "tool":
        call = {"id": "c1", "type": "function", "function": {"name": "export", "arguments": "{}"}}
        msgs += [
            {"role": "assistant", "content": "", "tool_calls": [call]},
            {"role": "tool", "tool_call_id": "c1", "content": paste},
        ]
    msgs.append({"role": "assistant", "content": paste if role == "assistant" else "Done."})
    trace = {"id": "long", "messages": msgs}
    summ = LocalSummarizer(classifier=False, fitted_models=False)
    out = {o.facet: o for o in summ.summarize([trace], load_facets()).outputs}
    assert all(o.status != "errored" for o in out.values())
    assert seen and max(seen) <= 4 * TURN_EDGE  # 129k characters each before
    assert out["Churn risk"].label in ("HIGH", "CRITICAL")  # the last words are read
