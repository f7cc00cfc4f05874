"""What changed, checked against the demo generator's own trends and timed.

On a home built by `tracetopics demo` (its answer key beside the landing files, and
demo/vocab.py says which intents grow, fade or appear), each growing, fading or new Task fact
is matched to the majority intent of its window's traces. Prints, per section, how many facts
point at an intent the generator moved that way, which designed trends were missed, and how
long `compute_changes` takes on the warehouse.

    TRACETOPICS_HOME=... .venv/bin/python bench/what_changed.py [--since 7]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

import duckdb

from tracetopics_pipeline.core.settings import paths
from tracetopics_pipeline.core.topics.changes import Thresholds, compute_changes
from tracetopics_pipeline.demo import INTENTS, read_answer_key

TREND = {it.name: it.trend for it in INTENTS}
EXPECT = {"growing": {"growing", "appearing"}, "fading": {"fading"}, "new": {"appearing"}}


def majority(
    conn: duckdb.DuckDBPyConnection, answers: dict, level: str, topic_id: int, start: str
) -> tuple:
    col = "subtopic_id" if level == "sub" else "topic_id"
    rows = conn.execute(
        f"""SELECT trace_id FROM classifications
            WHERE facet = 'Task' AND {col} = ? AND day >= ?::DATE""",
        [topic_id, start],
    ).fetchall()
    counts = Counter(answers.get(t, {}).get("intent") for (t,) in rows)
    intent, n = counts.most_common(1)[0] if counts else (None, 0)
    return intent, n / max(1, sum(counts.values()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--since", type=int, default=7)
    args = ap.parse_args()
    conn = duckdb.connect(str(paths().warehouse), read_only=True)
    answers = read_answer_key(paths().landing)
    t0 = time.perf_counter()
    ch = compute_changes(conn, since_days=args.since, thresholds=Thresholds(limit=1000))
    took = time.perf_counter() - t0
    print(f"window {ch.start}..{ch.end} vs {ch.prev_start}..{ch.prev_end}: "
          f"{ch.traces:,} vs {ch.prev_traces:,} traces; compute_changes {took:.2f} s")  # fmt: skip
    for section, want in EXPECT.items():
        facts = [f for f in ch.sections[section] if f.facet == "Task"]
        hits, seen = 0, set()
        print(f"\n{section}: {len(facts)} Task facts")
        for f in facts:
            intent, purity = majority(conn, answers, f.level, f.topic_id, str(ch.start))
            ok = TREND.get(intent) in want
            hits += ok
            seen.add(intent)
            print(f"  {'✓' if ok else '✗'} {f.label[:48]:48s} {f.level:6s} {f.traces:5d} traces; "
                  f"{intent} ({TREND.get(intent)}, {purity:.0%} of the topic)")  # fmt: skip
        designed = sorted(n for n, t in TREND.items() if t in want)
        missed = [n for n in designed if n not in seen]
        print(
            f"  {hits}/{len(facts)} point at an intent the generator moved that way; "
            f"designed: {', '.join(designed)}; not listed: {', '.join(missed) or 'none'}"
        )
    conn.close()


if __name__ == "__main__":
    main()
