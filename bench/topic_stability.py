"""Topic stability and intent recovery on the demo traffic (no external datasets needed).

Generates `--days` days of demo traces, runs the real Task facet path (local summarizer),
embeds, then:
- builds the Task map for the last-but-one day twice → are the topics identical?
- builds the map for the last day (window shifted by one day) → share of topic ids kept, and
  of parent ids (with the parents' count and how many have one child);
- classifies all days against the latest map → NMI / ARI vs metadata.ground_truth.intent.

    .venv/bin/python bench/topic_stability.py [--days 8] [--per-day 300] [--window 7]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import _common  # noqa: F401  (the offline environment, before the model libraries)
import polars as pl

from tracetopics_pipeline.core import warehouse
from tracetopics_pipeline.core.facets.definitions import load_facets, text_hash
from tracetopics_pipeline.core.facets.summarizers.local import LocalSummarizer
from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.topics.classify import classify_days
from tracetopics_pipeline.core.topics.embed import embed_days
from tracetopics_pipeline.core.topics.evaluate import scores
from tracetopics_pipeline.core.topics.maps import build_map
from tracetopics_pipeline.demo import iter_traces


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--days", type=int, default=8)
    ap.add_argument("--per-day", type=int, default=300)
    ap.add_argument("--window", type=int, default=7)
    args = ap.parse_args(argv)
    settings = replace(Settings.from_env(), window_days=args.window)
    task = [f for f in load_facets() if f.name == "Task"]
    end = date(2026, 11, 20)
    days = [end - timedelta(days=args.days - 1 - i) for i in range(args.days)]
    conn = warehouse.connect(Path(tempfile.mkdtemp()) / "wh.duckdb")
    truth: dict[str, str] = {}
    rows = []
    t0 = time.perf_counter()
    for i, day in enumerate(days):
        traces = list(iter_traces(day, args.per_day, progress=i / max(1, args.days - 1)))
        for t in traces:
            t["id"] = f"{day}-{t['id']}"
            truth[t["id"]] = t["metadata"]["ground_truth"]["intent"]
        for o in LocalSummarizer().summarize(traces, task).outputs:
            rows.append(
                {"day": day, "trace_id": o.trace_id, "facet": "Task", "summary": o.summary,
                 "status": o.status, "text_hash": text_hash(o.summary) if o.summary else None}
            )  # fmt: skip
    warehouse.insert_frame(conn, "facet_summaries", pl.DataFrame(rows))
    print(f"{len(rows)} traces summarized in {time.perf_counter() - t0:.1f}s")
    st = embed_days(conn, days, settings=settings)
    print(f"embedded {st.embedded} unique of {st.texts} summaries in {st.seconds:.1f}s")

    a = build_map(conn, days[-2], facet="Task", settings=settings)
    first = conn.execute(
        "SELECT topic_id, label, size FROM topics WHERE map_id = ? ORDER BY 1", [a.map_id]
    ).fetchall()
    pts1 = conn.execute(
        "SELECT text_hash, topic_id FROM topic_points WHERE map_id = ? ORDER BY 1", [a.map_id]
    ).fetchall()
    a2 = build_map(conn, days[-2], facet="Task", settings=settings)
    again = conn.execute(
        "SELECT topic_id, label, size FROM topics WHERE map_id = ? ORDER BY 1", [a2.map_id]
    ).fetchall()
    pts2 = conn.execute(
        "SELECT text_hash, topic_id FROM topic_points WHERE map_id = ? ORDER BY 1", [a.map_id]
    ).fetchall()
    print(
        f"map {a.map_id}: {a.n_topics} topics from {a.n_docs} summaries, no_match "
        f"{a.no_match_share:.1%}, {a.cluster_seconds:.1f}s; rebuild identical: "
        f"{first == again and pts1 == pts2}"
    )
    b = build_map(conn, days[-1], facet="Task", settings=settings)
    kept = b.lineage.get("continued", 0) + b.lineage.get("merged", 0)
    print(
        f"map {b.map_id} (window shifted one day): {b.n_topics} topics; lineage {b.lineage}; "
        f"ids kept {kept}/{a.n_topics} = {kept / max(1, a.n_topics):.0%}"
    )
    pa, pb = (
        {r[0] for r in conn.execute(
            "SELECT topic_id FROM topics WHERE map_id = ? AND level = 'parent'", [m]
        ).fetchall()}
        for m in (a.map_id, b.map_id)
    )  # fmt: skip
    singles = [
        conn.execute(
            """SELECT count(*) FROM (SELECT parent_id FROM topics WHERE map_id = ?
               AND level = 'sub' GROUP BY 1 HAVING count(*) = 1)""",
            [m],
        ).fetchall()[0][0]
        for m in (a.map_id, b.map_id)
    ]
    print(
        f"parents {len(pa)} -> {len(pb)} (one-child parents {singles[0]} -> {singles[1]}); "
        f"parent ids kept {len(pa & pb)}/{len(pa)} = {len(pa & pb) / max(1, len(pa)):.0%}"
    )
    same, shared = conn.execute(
        """SELECT count(*) FILTER (WHERE a.topic_id = b.topic_id), count(*)
           FROM topic_points a JOIN topic_points b USING (text_hash)
           WHERE a.map_id = ? AND b.map_id = ? AND a.topic_id >= 0""",
        [a.map_id, b.map_id],
    ).fetchall()[0]
    print(
        f"texts in both maps that keep their topic id: {same}/{shared} = {same / max(1, shared):.0%}"
    )
    classify_days(conn, days, facets=task, settings=settings)
    got = conn.execute("SELECT trace_id, topic_id FROM classifications").fetchall()
    s = scores([truth[t] for t, _ in got], [p for _, p in got])
    print(
        f"intent recovery over {s['n']} traces: NMI {s['nmi']:.3f}, ARI {s['ari']:.3f}, "
        f"{s['n_topics']} topics for {s['n_truth']} intents, no_match {s['no_match_share']:.1%}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
