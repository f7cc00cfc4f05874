"""Issues subtopic names of the demo's traffic (issue 12, review rv10 M-5): which tool failed
and how. Generates the demo's days (or reads a directory of demo-*.jsonl), summarizes Issues
with the local rules, clusters the summaries at both levels exactly as a map does
(`maps.cluster_levels`: one text per unique summary, its trace count as weight, its label as
value, the packaged model), and prints each Failed tool call / Timeout subtopic: name, texts,
first text; `--members` adds each subtopic's texts as the namer reads them (`labelled_text`).
Prints figures; writes nothing but the generated traffic (under --out).

    .venv/bin/python bench/issues_tool_names.py --days 30 --per-day 300 [--members]
"""

from __future__ import annotations

import argparse
import collections
import glob
import tempfile
from datetime import date
from pathlib import Path

import numpy as np
import orjson

from tracetopics_pipeline.core.facets.definitions import load_facets
from tracetopics_pipeline.core.facets.summarizers.local.issues import (
    detect_issues,
    summarize_issues,
)
from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.topics.embedders.local import SentenceEmbedder
from tracetopics_pipeline.core.topics.labels.cleaning import labelled_text
from tracetopics_pipeline.core.topics.maps import cluster_levels
from tracetopics_pipeline.demo.traffic import generate_traffic


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--days", type=int, default=30)
    ap.add_argument("--per-day", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--end", default="2026-11-30")
    ap.add_argument("--traffic", help="a directory of demo-*.jsonl instead of generating")
    ap.add_argument("--members", action="store_true")
    a = ap.parse_args()
    src = a.traffic
    if not src:
        src = tempfile.mkdtemp(prefix="issues-tool-names-")
        generate_traffic(
            Path(src), days=a.days, per_day=a.per_day, seed=a.seed,
            end=date.fromisoformat(a.end),
        )  # fmt: skip
    said: collections.Counter[tuple[str, str]] = collections.Counter()
    for f in sorted(glob.glob(f"{src}/demo-*.jsonl")):
        for line in open(f, "rb"):  # noqa: SIM115
            try:
                t = orjson.loads(line)
            except orjson.JSONDecodeError:
                continue  # the demo's deliberately bad lines
            if isinstance(t, dict):
                said[
                    summarize_issues(detect_issues(t.get("messages") or [], t.get("metrics")))
                ] += 1
    texts = [s for s, _ in said]
    values = [v for _, v in said]
    w = [float(n) for n in said.values()]
    embed = SentenceEmbedder().embed
    x = np.asarray(embed(texts), np.float32)
    issues = next(f for f in load_facets() if f.name == "Issues")
    lv = cluster_levels(
        texts, x, settings=Settings(), values=values, weights=w, facet="Issues",
        definition=issues, embed=embed,
    )  # fmt: skip
    parents = {p.topic_id: p.label for p in lv.parents}
    subs = sorted(lv.subs.topics, key=lambda t: (parents[lv.parent_of[t.topic_id]], -t.size))
    for t in subs:
        p = parents[lv.parent_of[t.topic_id]]
        if not p.lower().startswith(("failed", "timeout")):
            continue
        rows = np.flatnonzero(lv.subs.labels == t.topic_id)
        traces = sum(w[i] for i in rows)
        print(
            f"{p:18s} | {t.label:45s} | {len(rows):4d} texts {traces:5.0f} traces | {texts[rows[0]][:70]}"
        )
        if a.members:
            for i in rows:
                print(f"    {w[i]:4.0f} {labelled_text(texts[i], values[i].lower())[:90]}")


if __name__ == "__main__":
    main()
