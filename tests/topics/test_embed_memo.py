"""The in-process memo of phrase vectors (embedders/memo.py): only unseen texts reach the model,
answers keep the caller's order, a budget's partial answer is passed on, memory is bounded."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
from factories.embedders import HashEmbedder

from tracetopics_pipeline.core.topics.embedders import memo
from tracetopics_pipeline.core.topics.embedders.base import Progress


@pytest.fixture(autouse=True)
def _empty_memo():
    memo.clear()
    yield
    memo.clear()


def test_only_unseen_texts_are_embedded_and_order_is_kept() -> None:
    model = HashEmbedder(dim=16, name="test:memo")
    embed = memo.memoized(model.embed)
    first = embed(["export to csv", "reset password"])
    out = embed(["reset password", "share a chart", "export to csv", "share a chart"])
    assert model.calls == [["export to csv", "reset password"], ["share a chart"]]
    fresh = HashEmbedder(dim=16, name="test:other").embed(
        ["reset password", "share a chart", "export to csv", "share a chart"]
    )
    np.testing.assert_allclose(out, fresh, atol=1e-6)
    np.testing.assert_allclose(out[[2, 0]], first, atol=0)
    assert embed([]).shape == (0, 16)


def test_models_do_not_share_vectors() -> None:
    a, b = HashEmbedder(dim=16, name="test:a"), HashEmbedder(dim=8, name="test:b")
    memo.memoized(a.embed)(["export to csv"])
    assert memo.memoized(b.embed)(["export to csv"]).shape == (1, 8)
    assert b.calls == [["export to csv"]]


def test_a_plain_function_is_not_memoized() -> None:
    def fn(texts: list[str]) -> np.ndarray:
        return np.ones((len(texts), 4), np.float32)

    assert memo.memoized(fn) is fn


class _Refusing(HashEmbedder):
    """Answers the first `allow` texts, then stops as a refused budget does."""

    def __init__(self, allow: int) -> None:
        super().__init__(dim=16, name="test:refusing")
        self.allow = allow

    def batches(self, texts: list[str], progress: Progress | None = None) -> Iterator[np.ndarray]:
        part = texts[: self.allow]
        if part:
            yield from super().batches(part, progress)


def test_a_partial_answer_is_passed_on_and_its_rows_kept() -> None:
    model = _Refusing(allow=1)
    embed = memo.memoized(model.embed)
    assert embed(["a b", "c d"]).shape == (1, 16)  # the caller sees the refusal
    model.allow = 5
    assert embed(["a b", "c d"]).shape == (2, 16)
    assert model.calls[-1] == ["c d"]  # "a b" was kept from the partial answer


def test_memory_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(memo, "MAX_BYTES", 3 * 16 * 4)  # three 16-dim float32 vectors
    model = HashEmbedder(dim=16, name="test:bounded")
    embed = memo.memoized(model.embed)
    embed(["t1", "t2", "t3", "t4"])
    embed(["t1", "t4"])
    assert model.calls[-1] == ["t1"]  # the oldest went first


def test_two_recordings_at_once_each_end_their_own() -> None:
    """Two maps of one model recording at once (two threads): the first to finish must stop
    its own recording, not the other's (equal dicts, both empty, are not the same recording)."""
    model = HashEmbedder(dim=16, name="test:memo")
    embed = memo.memoized(model.embed)
    with memo.recording(model) as second:
        with memo.recording(model) as first:
            pass  # ends while both are still empty
        embed(["export to csv"])
        assert first == {} and set(second) == {"export to csv"}
    embed(["share a chart"])  # after both: neither records any more
    assert first == {} and set(second) == {"export to csv"}
