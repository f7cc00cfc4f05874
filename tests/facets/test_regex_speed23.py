"""Regexes on untrusted text stay linear (review of session 23): a 64k-character reply or turn
built against each took 11 to 39 s before; each must take well under 10 s, and read as before.

- A proper name's run of small words ("Abc of of ... of Zed") is read once, not once per word.
- A timeout in a long name of timeouts ("Timed Out Fitness Timeout Bar & Grill of the ...") reads
  only the words next to each match, not the whole sentence before it.
- A recovered connection reads at most 2,000 characters after it ("a.a.a..." made the exception
  name's dotted module path quadratic).
- A quote's frame of saying is read in the 200 characters before it, not the whole sentence.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from tracetopics_pipeline.core.facets.preprocess import is_error_reply, recovered_connection
from tracetopics_pipeline.core.facets.summarizers.local.issues import _timeout_in
from tracetopics_pipeline.core.facets.summarizers.local.sentiment_quotes import own_words

_BOUND_S = 10.0  # each took 11-109 s before (quiet to loaded); 0.04-0.7 s after, even under load


def _timed(f: Callable[[], object]) -> tuple[object, float]:
    start = time.perf_counter()
    out = f()
    return out, time.perf_counter() - start


def test_name_of_small_words_is_linear() -> None:
    text = "Abc " + "of " * 21330 + "Zed"
    out, took = _timed(lambda: is_error_reply({"role": "tool", "content": text}))
    assert out is False
    assert took < _BOUND_S


def test_timeouts_in_a_long_name_are_linear() -> None:
    text = ("Timed Out Fitness Timeout Bar & Grill of the " * 1400)[:64000]
    out, took = _timed(lambda: _timeout_in(text, said=True))
    assert out is None  # every one inside the name
    assert took < _BOUND_S


def test_recovered_connection_reads_a_bounded_rest() -> None:
    text = "connection reset by peer; reconnected. " + "a." * 20000 + "B"
    out, took = _timed(lambda: recovered_connection(text))
    assert out is True
    assert took < _BOUND_S


def test_windows_keep_what_is_said_next_to_a_timeout() -> None:
    # the words before a match still decide, however long the sentence before them
    pad = "the agent checked the order and the shipping record " * 40
    assert _timeout_in(pad + "and then the request timed out.", said=True) is not None
    assert _timeout_in("If " + pad + "the request times out, retry.", said=True) is None
    assert _timeout_in(pad + "I cannot respond in time.", said=True) is None
    assert _timeout_in(pad + "set the timeout to 30.") is None


def test_quotes_in_a_long_turn_are_linear() -> None:
    text = '"a" ' * 4000  # 16k characters, no sentence break: each quote read all before it
    out, took = _timed(lambda: own_words(text))
    assert out == text  # scare quotes, no frame of saying: all stay
    assert took < _BOUND_S
    said = "x " * 5000 + 'my boss said "this dashboard is useless"'
    assert own_words(said).endswith('said "…"')  # a frame right before the quote still reads
