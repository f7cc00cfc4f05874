"""A local model run in a child process (the explorer's "Cluster this subset").

A cold click costs ~7 CPU-s of imports (torch, transformers, sentence-transformers) and model
loading before the names can be scored, and ~5 CPU-s of clustering imports and work. Imports
hold the GIL, so threads cannot overlap them; a child process can, on the second core: it
starts loading when the request starts (`prepare`) while this process clusters. The child runs
the same `SentenceEmbedder`, so the vectors are the daily maps' own. If the child dies, the
texts are embedded in this process instead.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing as mp
import os
import signal
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import lru_cache

import numpy as np

from tracetopics_pipeline.core.topics.embedders.base import Progress
from tracetopics_pipeline.core.topics.embedders.local import SentenceEmbedder

log = logging.getLogger(__name__)

Key = tuple[str | None, str, int, int, str]  # path, device, batch size, threads, precision

_lock = threading.Lock()
_children: dict[Key, ProcessPoolExecutor] = {}


@atexit.register
def _stop_children() -> None:
    """Stop the children when this process exits (a server stopped by a signal, too)."""
    with _lock:
        for pool in _children.values():
            pool.shutdown(wait=True, cancel_futures=True)
        _children.clear()


PARENT_CHECK_S = 1.0  # how often the child looks whether its parent still runs


def _watch_parent(parent: int) -> None:  # in the child, a daemon thread
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_S)
    os._exit(0)  # orphaned: nobody will ask for vectors again


def _child_init(parent: int) -> None:  # in the child, first
    # Ctrl-C reaches the whole process group: the child must outlive it until this process's
    # exit stops it (it died first, and the server printed that it fell back to embedding here).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A parent that dies without running atexit (SIGTERM, which uvicorn re-raises after its
    # shutdown; SIGKILL; a crash) cannot stop the child: the child stops itself (it held ~600 MB).
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


@lru_cache(maxsize=2)
def _embedder(key: Key) -> SentenceEmbedder:  # in the child
    path, device, batch_size, threads, precision = key
    return SentenceEmbedder(
        path, device=device, batch_size=batch_size, threads=threads, precision=precision
    )


def _load(key: Key) -> None:  # in the child
    _embedder(key).model()


def _encode(key: Key, texts: list[str]) -> np.ndarray:  # in the child
    return _embedder(key).embed(texts)


class SidecarEmbedder(SentenceEmbedder):
    """`SentenceEmbedder` whose model lives in one child process per model, shared by every
    instance in this process (the warm-up's and each request's)."""

    def _key(self) -> Key:
        return (self.path, self.device, self.batch_size, self.threads, self.precision)

    def _child(self) -> ProcessPoolExecutor:
        key = self._key()
        with _lock:
            if key not in _children:
                # spawn, not fork: this process has threads (the server, the warm-up).
                _children[key] = ProcessPoolExecutor(
                    1,
                    mp_context=mp.get_context("spawn"),
                    initializer=_child_init,
                    initargs=(os.getpid(),),
                )
                _children[key].submit(_load, key)  # the child starts loading now
            return _children[key]

    def prepare(self) -> None:
        self._child()

    def child_pid(self) -> int:
        """The child's process id (it starts the child if none runs)."""
        return self._child().submit(os.getpid).result()

    def batches(self, texts: list[str], progress: Progress | None = None) -> Iterator[np.ndarray]:
        if not texts:
            return
        try:
            out = self._child().submit(_encode, self._key(), texts).result()
        except BrokenProcessPool:
            with _lock:
                _children.pop(self._key(), None)
            log.warning("the embedding child process died; embedding in this process")
            yield from super().batches(texts, progress)
            return
        self.dim = out.shape[1]
        yield out
        if progress is not None:
            progress(len(texts), len(texts))
