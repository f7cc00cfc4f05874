"""One trend rule: do the marts and the digest call the same topics growing, fading, new and
returning?

On one or more homes (their marts built), compares
  * `marts.topic_priority.trend` with the Task parents the digest (`compute_changes`, 7 days
    ending on the latest classified day) lists under Growing / Fading;
  * `marts.topic_trends_weekly.trend` of every whole ISO week with the digest's top-level
    Growing / Fading of the 7 days ending on that week's Sunday, every facet;
and times `compute_changes` (which runs the rule's SQL, core/topics/trend_rule.py). A home
whose marts were built before the rule moved to SQL gives the "before" figures.

    .venv/bin/python bench/one_trend_rule.py HOME [HOME ...]
"""

from __future__ import annotations

import argparse
import time
from datetime import timedelta
from pathlib import Path

import duckdb

from tracetopics_pipeline.core.topics.changes import compute_changes

Call = tuple[str, str, int]  # facet, new | returning | growing | fading, topic id


def digest_calls(conn: duckdb.DuckDBPyConnection, end=None) -> set[Call]:
    ch = compute_changes(conn, since_days=7, end=end)
    return {
        (f.facet, f.kind, f.topic_id)
        for s in ("new", "returning", "growing", "fading")
        for f in ch.sections[s]
        if f.level in ("parent", "topic")
    }


def compare(home: Path) -> None:
    conn = duckdb.connect(str(home / "warehouse.duckdb"), read_only=True)
    try:
        t0 = time.perf_counter()
        latest = {c for c in digest_calls(conn) if c[0] == "Task"}
        seconds = time.perf_counter() - t0
        mart = {
            ("Task", trend, int(tid))
            for trend, tid in conn.execute(
                "SELECT trend, task_topic_id FROM marts.topic_priority WHERE trend <> 'flat'"
            ).fetchall()
        }
        print(f"{home}")
        print(f"  topic_priority: digest {len(latest)}, mart {len(mart)}, "
              f"called by one only {len(latest ^ mart)}  ({sorted(latest ^ mart)})")  # fmt: skip
        weeks: dict = {}
        for facet, week, trend, tid in conn.execute(
            "SELECT facet, week_start, trend, topic_id FROM marts.topic_trends_weekly"
        ).fetchall():
            calls = weeks.setdefault(week, set())
            if trend != "flat":
                calls.add((facet, trend, int(tid)))
        (last_day,) = conn.execute("SELECT max(day) FROM classifications").fetchone()
        n_digest = n_mart = n_one = 0
        for week in sorted(weeks):
            if week + timedelta(days=6) > last_day:
                continue  # the week in progress: no digest window ends on its Sunday
            d = digest_calls(conn, week + timedelta(days=6))
            n_digest, n_mart, n_one = n_digest + len(d), n_mart + len(weeks[week]),\
                n_one + len(d ^ weeks[week])  # fmt: skip
        print(f"  topic_trends_weekly, whole weeks: digest {n_digest}, mart {n_mart}, "
              f"called by one only {n_one}")  # fmt: skip
        print(f"  compute_changes (7 days, trend rule in SQL): {seconds:.2f} s")
    finally:
        conn.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("homes", nargs="+", type=Path)
    for home in ap.parse_args().homes:
        compare(home)


if __name__ == "__main__":
    main()
