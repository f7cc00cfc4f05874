"""The YAML reader raises the interpreter's recursion limit while it reads; reads that overlap
in two threads (the explorer loads facets per request) must leave it as it was."""

from __future__ import annotations

import sys
import threading

from tracetopics_pipeline.core import yamlfile


def test_overlapping_reads_restore_the_recursion_limit() -> None:
    before = sys.getrecursionlimit()
    first, second = yamlfile._stack(5_000), yamlfile._stack(5_000)
    first.__enter__()
    second.__enter__()  # another thread's read starts while the first is inside
    first.__exit__(None, None, None)
    assert sys.getrecursionlimit() >= 5_000  # the second read still needs the room
    second.__exit__(None, None, None)
    assert sys.getrecursionlimit() == before


def test_many_threads_reading_at_once_leave_the_limit_as_it_was() -> None:
    before = sys.getrecursionlimit()
    doc = "a:\n" + "".join(f"  - {{k{i}: [1, 2, {{x: y}}]}}\n" for i in range(300))
    start = threading.Barrier(8)

    def read() -> None:
        start.wait()
        for _ in range(20):
            assert yamlfile.loads(doc)["a"][0] == {"k0": [1, 2, {"x": "y"}]}

    threads = [threading.Thread(target=read) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sys.getrecursionlimit() == before
