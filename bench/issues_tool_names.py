"""Issues subtopic names of the demo's traffic (issue 12, review rv10 M-5): which tool failed
and how. Generates the demo's days (or reads a directory of demo-*.jsonl), summarizes Issues
with the local rules, clusters the summaries at both levels exactly as a map does
(`maps.cluster_levels`: one text per unique summary, its trace count as weight, its label as
value, the packaged model), and prints each Failed tool call / Timeout subtopic: name, texts,
first text; `--members` adds each subtopic's texts as the namer reads them (`labelled_text`).
Then the figures of issue 12's error classes (`call_figures`): how many Failed tool call
subtopic names give the error class their traces' failed calls have (`tool_error.call_class`
of the summary), and the subtopics' purity by (tool, error class). `--dump FILE` writes the
subtopics as JSON and `--score FILE` scores such a file (so a checkout without `call_class`
can be measured by this one). Prints figures; writes nothing but the generated traffic.

    .venv/bin/python bench/issues_tool_names.py --days 30 --per-day 300 [--members]
"""

from __future__ import annotations

import argparse
import collections
import glob
import json
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
from tracetopics_pipeline.core.topics.labels.cleaning import labelled_text, own_part
from tracetopics_pipeline.core.topics.maps import cluster_levels
from tracetopics_pipeline.demo.traffic import generate_traffic


def call_figures(subs: list[dict]) -> dict[str, float]:
    """Over subtopics ({"name", "members": [[text, traces], ...]}): how many have a failed call
    class said by most of their traces, how many names give that class, and purity by (tool,
    class): the share of the traces with a known pair that are of their subtopic's majority
    pair (weighted by traces), and the same by class alone."""
    from tracetopics_pipeline.core.facets.tool_error import call_class, name_class

    named = with_class = pure = pure_cls = known = stating = minority = 0.0
    for s in subs:
        votes: collections.Counter = collections.Counter()
        for text, n in s["members"]:
            if pair := call_class(text):
                votes[pair] += n
        if not votes:
            continue
        (tool, cls), top = votes.most_common(1)[0]
        classes: collections.Counter = collections.Counter()
        for (_, c), n in votes.items():
            classes[c] += n
        known += sum(votes.values())
        pure += top
        pure_cls += classes.most_common(1)[0][1]
        with_class += 1
        named += name_class(s["name"]) == cls
        if stated := name_class(s["name"]):  # a name states a class: do most traces have it?
            stating += 1
            minority += classes[stated] <= 0.5 * sum(votes.values())
    return {
        "subtopics": len(subs), "with a class": with_class, "names giving it": named,
        "names stating a class": stating, "stating a minority's class": minority,
        "purity (tool, class)": pure / known if known else float("nan"),
        "purity (class)": pure_cls / known if known else float("nan"),
    }  # fmt: skip


def _print_figures(subs: list[dict]) -> None:
    for parent in sorted({s["parent"] for s in subs}):
        f = call_figures([s for s in subs if s["parent"] == parent])
        print(f"{parent}: " + ", ".join(
            f"{k} {v:.3f}" if isinstance(v, float) and v % 1 else f"{k} {v:g}" for k, v in f.items()
        ))  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--days", type=int, default=30)
    ap.add_argument("--per-day", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--end", default="2026-11-30")
    ap.add_argument("--traffic", help="a directory of demo-*.jsonl instead of generating")
    ap.add_argument("--members", action="store_true")
    ap.add_argument("--dump", help="write the subtopics here as JSON")
    ap.add_argument("--score", help="only score a --dump file")
    a = ap.parse_args()
    if a.score:
        _print_figures(json.loads(Path(a.score).read_text()))
        return
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
    dumped = []
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
        members = [[own_part(texts[i], values[i].lower()), w[i]] for i in rows]
        dumped.append({"parent": p, "name": t.label, "members": members})
    if a.dump:
        Path(a.dump).write_text(json.dumps(dumped))
    _print_figures(dumped)


if __name__ == "__main__":
    main()
