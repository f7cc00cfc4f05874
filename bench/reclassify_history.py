"""What an upgrade that changes the classification rule costs, and the twin names it leaves.

On a COPY of a home (never the lead's or a demo home in place):

    # 1. a history like a home that ran daily: the days up to D classified against D's map
    .venv/bin/python bench/reclassify_history.py setup --home /tmp/copy --old-map-day 2026-11-16
    # 2. the upgrade: every day's stored rule made another one; the next run's classification
    .venv/bin/python bench/reclassify_history.py measure --home /tmp/copy [--no-upgrade]
    # a year of history for the cost (the same texts repeated under new trace ids)
    .venv/bin/python bench/reclassify_history.py stretch --home /tmp/copy --days 365

`setup` builds every facet's map for D (ids matched to the nearest map in time, as a daily run
does), classifies the days up to D against it, then puts the later maps back as current: the
earlier days carry D's ids, as days past a re-run's reach do. `measure` counts twin names
(siblings of one parent, or parents of one facet, that read the same in `tracetopics topics`),
marks every day classified by another rule, times the `classifications` step for the last day
(`classify_days(..., same_rule=True)`, progress printed) and counts twins again. Run `measure`
with another checkout first on the path (PYTHONPATH) for the code before a change: a
`classify_days` without `progress` runs without it.
"""

from __future__ import annotations

import argparse
import inspect
import time
from datetime import date
from pathlib import Path

import _common

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.facets.definitions import load_facets
from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.topics import classify
from tracetopics_pipeline.core.topics.report import TOPIC_LATEST

# Siblings whose visible names (each id's name in its latest map, as the listing shows it) are
# equal but for case and spacing: subtopics under one parent, parents of one facet.
TWINS_SQL = f"""
WITH {TOPIC_LATEST.strip()},
used AS (SELECT facet, topic_id, coalesce(subtopic_id, topic_id) AS sub_id, count(*) AS n
         FROM classifications WHERE topic_id <> -1 GROUP BY 1, 2, 3),
named AS (SELECT u.*, lower(trim(p.label)) AS p_name, lower(trim(s.label)) AS s_name
          FROM used u
          LEFT JOIN topic_latest p ON p.facet = u.facet AND p.topic_id = u.topic_id
          LEFT JOIN topic_latest s ON s.facet = u.facet AND s.topic_id = u.sub_id),
subs AS (SELECT facet, topic_id, s_name, count(DISTINCT sub_id) AS ids, list(n) AS counts
         FROM named WHERE sub_id <> topic_id GROUP BY 1, 2, 3 HAVING count(DISTINCT sub_id) > 1),
parents AS (SELECT facet, p_name, count(DISTINCT topic_id) AS ids
            FROM named GROUP BY 1, 2 HAVING count(DISTINCT topic_id) > 1)
SELECT 'sub' AS level, facet, s_name, ids FROM subs
UNION ALL SELECT 'parent', facet, p_name, ids FROM parents
ORDER BY 1, 2, 3
"""


def twins(conn) -> list[tuple]:  # noqa: ANN001
    return conn.execute(TWINS_SQL).fetchall()


def setup(home: Path, day: date) -> None:
    from tracetopics_pipeline.core.topics.maps import build_maps

    conn = warehouse.connect(home / "warehouse.duckdb")
    settings, facets = Settings.from_env(), load_facets()
    t0 = time.perf_counter()
    maps = build_maps(conn, day, facets=facets, settings=settings)
    print(f"maps of {day}: {len(maps)} in {time.perf_counter() - t0:.1f} s", flush=True)
    later = [
        r[0]
        for r in conn.execute(
            "SELECT map_id FROM topic_maps WHERE day > ? AND status = 'built'", [day]
        ).fetchall()
    ]
    conn.execute(
        "UPDATE topic_maps SET status = 'bench-hidden' WHERE map_id IN (SELECT unnest(?))",
        [later],
    )
    days = [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT day FROM classifications WHERE day <= ? ORDER BY 1", [day]
        ).fetchall()
    ]
    st = classify.classify_days(conn, days, facets=facets, settings=settings)
    conn.execute(
        "UPDATE topic_maps SET status = 'built' WHERE map_id IN (SELECT unnest(?))", [later]
    )
    print(f"classified {days[0]} … {days[-1]} against the maps of {day}: {st.rows:,} rows")
    conn.close()


def stretch(home: Path, days: int) -> None:
    """The home's days repeated backwards (new trace ids, the same texts: nothing to embed) until
    it holds `days` days: a long history for the cost of re-classifying, not for its topics."""
    conn = warehouse.connect(home / "warehouse.duckdb")
    first, last = conn.execute("SELECT min(day), max(day) FROM classifications").fetchone()
    span = (last - first).days + 1
    copies = -(-days // span) - 1
    tables = {
        "raw_traces": "id",
        "facet_summaries": "trace_id",
        "classifications": "trace_id",
        "classify_rules": None,
    }
    for k in range(1, copies + 1):
        shift = span * k
        for table, key in tables.items():
            renamed = f", {key} || '-{k}' AS {key}" if key else ""
            conn.execute(
                f"""INSERT INTO {table} SELECT * REPLACE (day - {shift} AS day{renamed})
                    FROM {table} WHERE day BETWEEN ? AND ? AND day - {shift} > ? - {days}""",
                [first, last, last],
            )
    print(conn.execute("SELECT count(DISTINCT day), count(*) FROM classifications").fetchone())
    conn.close()


def measure(home: Path, *, upgrade: bool) -> None:
    conn = warehouse.connect(home / "warehouse.duckdb")
    settings, facets = Settings.from_env(), load_facets()
    before = twins(conn)
    print(f"twin names before: {len(before)}")
    for t in before:
        print("   ", t)
    # the upgrade: every day by another rule; else every day by this code's (no upgrade)
    rule = "before-the-upgrade" if upgrade else classify.classify_rule(settings)
    conn.execute("UPDATE classify_rules SET rule = ?", [rule])
    last = conn.execute("SELECT max(day) FROM classifications").fetchone()[0]
    kwargs = {}
    if "progress" in inspect.signature(classify.classify_days).parameters:
        kwargs["progress"] = lambda line: print("   ", line, flush=True)
    print(f"load {_common.load_avg()}")
    t0 = time.perf_counter()
    st = classify.classify_days(
        conn, [last], facets=facets, settings=settings, same_rule=True, **kwargs
    )
    took = time.perf_counter() - t0
    print(f"load {_common.load_avg()}")
    meta = st.metadata()
    print(
        f"step {took:.2f} s: {st.rows:,} rows ({st.rows / took:,.0f} rows/s), "
        f"{len(st.reclassified)} earlier days re-classified, "
        f"reclassified_rows {meta.get('reclassified_rows', '-')}, "
        f"reclassified_rows_per_s {meta.get('reclassified_rows_per_s', '-')}, "
        f"repointed {st.repointed:,}, folded {meta.get('folded_same_names', '-')}"
    )
    rules = conn.execute(
        "SELECT count(DISTINCT day) FILTER (WHERE rule = 'before-the-upgrade'), "
        "count(DISTINCT day) FROM classify_rules"
    ).fetchone()
    print(f"days still under the old rule: {rules[0]} of {rules[1]}")
    after = twins(conn)
    print(f"twin names after: {len(after)}")
    for t in after:
        print("   ", t)
    conn.close()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("step", choices=["setup", "stretch", "measure"])
    ap.add_argument("--home", type=Path, required=True)
    ap.add_argument("--old-map-day", type=date.fromisoformat)
    ap.add_argument("--days", type=int, default=365, help="stretch: days the home holds after")
    ap.add_argument(
        "--no-upgrade",
        action="store_true",
        help="measure: every day classified by this code's rule (a daily run, no upgrade)",
    )
    args = ap.parse_args(argv)
    if args.step == "setup":
        setup(args.home, args.old_map_day)
    elif args.step == "stretch":
        stretch(args.home, args.days)
    else:
        measure(args.home, upgrade=not args.no_upgrade)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
