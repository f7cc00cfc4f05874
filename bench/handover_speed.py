"""`handover.read_handovers` on long conversations: the wall time of one reading.

    .venv/bin/python bench/handover_speed.py [--chars 90000] [--repeats 3]

Builds conversations of about --chars characters from the demo generator's traffic (seeded, so
every run reads the same text): the turns of consecutive demo traces, one after another (many
turns), and agent turns that say no handover as one long agent turn after one user turn (a
runaway reply), the worst case: every sentence is read. Prints the fastest of --repeats readings of each and the machine's load: the
machine may be shared, so figures carry the load they were measured under.
"""

from __future__ import annotations

import argparse
import time
from datetime import date

from _common import load_avg

from tracetopics_pipeline.core.facets.preprocess import content_text
from tracetopics_pipeline.core.facets.summarizers.local.handover import (
    HANDOVER_TEXT,
    handover_done,
    read_handovers,
)
from tracetopics_pipeline.demo.traffic import iter_traces


def said_handover(text: str) -> bool:
    """The agent turn says a handover happens (read_handovers' first test)."""
    return bool(HANDOVER_TEXT.search(text) or handover_done(text))


def conversations(chars: int) -> dict[str, list[dict]]:
    """{shape: messages} of about `chars` characters each (system prompts left out)."""
    turns: list[dict] = []
    said: list[str] = []
    size = length = 0
    for trace in iter_traces(date(2026, 11, 20), 5000):
        for m in trace["messages"]:
            text = content_text(m.get("content"))
            if m.get("role") == "system":
                continue
            if size < chars:
                turns.append(m)
                size += len(text)
            if m.get("role") == "assistant" and text and not said_handover(text):
                said.append(text)
                length += len(text) + 1
        if size >= chars and length >= chars:
            break
    return {
        "many turns": turns,
        "one agent turn": [
            {"role": "user", "content": "Can I talk to a person?"},
            {"role": "assistant", "content": " ".join(said)[:chars]},
        ],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--chars", type=int, default=90_000)
    ap.add_argument("--repeats", type=int, default=3)
    args = ap.parse_args(argv)
    for shape, messages in conversations(args.chars).items():
        size = sum(len(content_text(m.get("content"))) for m in messages)
        best = float("inf")
        for _ in range(args.repeats):
            t0 = time.perf_counter()
            read_handovers(messages)
            best = min(best, time.perf_counter() - t0)
        print(f"  {shape:15s} {len(messages):>5,} messages {size:>8,} chars  {best:6.3f} s")
    print(f"  load average {load_avg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
