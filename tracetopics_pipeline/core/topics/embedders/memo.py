"""Vectors of short texts kept in memory per model: the names' candidate phrases.

Naming a map embeds every topic's candidate phrases (labels.naming.name_topics): about 1,400 phrases,
~3.5 CPU-seconds with the packaged model, for 1,000 summaries. The same phrases come back when
the explorer clusters the same or an overlapping subset again, when a map's parents are named
right after its subtopics, and when the next day's map is built in the same process.
`memoized(embedder.embed)` answers them from memory (least recently used out first, within
MAX_BYTES per process). Summaries keep their own cache in the warehouse (embed.py); this one
never touches disk. A daily map `recording` what it named with stores those vectors in the
warehouse (core/topics/phrases.py), and a reader `remember`s them, so a new process does not pay
the model again for phrases a map already embedded.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import numpy as np

from tracetopics_pipeline.core.topics.embedders.base import Embedder

MAX_BYTES = 64 << 20  # per process, all models: ~40,000 phrases of 384 float32

EmbedFn = Callable[[list[str]], np.ndarray]

_lock = threading.Lock()
_store: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
_bytes = 0
_recorders: dict[str, list[dict[str, np.ndarray]]] = {}  # per model: what naming asked for


def _key(embedder: Embedder) -> str:
    # The name identifies the model (a local folder's includes its fingerprint); precision
    # moves vectors by < 1e-4 but is part of the key so a process never mixes two.
    return f"{embedder.kind}:{embedder.name}:{getattr(embedder, 'precision', '')}"


def _put(key: str, texts: list[str], vecs: np.ndarray) -> None:
    global _bytes
    with _lock:
        for text, v in zip(texts, vecs, strict=False):
            k = (key, text)
            if k in _store:
                continue
            _store[k] = v
            _bytes += v.nbytes
        while _bytes > MAX_BYTES and _store:
            _, old = _store.popitem(last=False)
            _bytes -= old.nbytes


def memoized(embed: EmbedFn) -> EmbedFn:
    """`embed` answering texts it has seen from memory, when it is an Embedder's `embed`
    (the model is known); any other function is returned as it is."""
    embedder = getattr(embed, "__self__", None)
    if not isinstance(embedder, Embedder):
        return embed
    key = _key(embedder)

    def call(texts: list[str]) -> np.ndarray:
        texts = list(texts)
        dim = embedder.dim  # None until an endpoint model has answered once: no hits yet
        found: dict[str, np.ndarray] = {}
        if dim:
            with _lock:
                for t in dict.fromkeys(texts):
                    v = _store.get((key, t))
                    if v is not None and v.shape[0] == dim:
                        _store.move_to_end((key, t))
                        found[t] = v
        missing = [t for t in dict.fromkeys(texts) if t not in found]
        if missing:
            got = np.asarray(embed(missing), dtype=np.float32)
            if got.ndim != 2 or (dim and got.shape[1] != dim):
                return got  # malformed or another space: the caller's check handles it
            _put(key, missing, got)  # fewer rows when a budget refused: those few are kept
            if len(got) < len(missing):
                return got  # incomplete, as the embedder's own answer was
            found.update(zip(missing, got, strict=True))
        if not texts:
            return np.zeros((0, dim or 0), dtype=np.float32)
        with _lock:
            for rec in _recorders.get(key, []):
                rec.update(found)
        return np.stack([found[t] for t in texts])

    return call


def remember(embedder: Embedder, texts: list[str], vecs: np.ndarray) -> None:
    """Vectors of `embedder`'s model made elsewhere (a map's stored phrases), answered from
    memory from now on."""
    if len(texts):
        _put(_key(embedder), list(texts), np.asarray(vecs, dtype=np.float32))


@contextmanager
def recording(embedder: Embedder) -> Iterator[dict[str, np.ndarray]]:
    """Every text the memoized calls of `embedder`'s model answer meanwhile, with its vector
    (any thread: a map is built in one)."""
    key, rec = _key(embedder), {}
    with _lock:
        _recorders.setdefault(key, []).append(rec)
    try:
        yield rec
    finally:
        with _lock:  # this recording, not an equal one (two empty dicts compare equal)
            _recorders[key] = [r for r in _recorders[key] if r is not rec]


def clear() -> None:
    """Forget every vector (tests)."""
    global _bytes
    with _lock:
        _store.clear()
        _bytes = 0
