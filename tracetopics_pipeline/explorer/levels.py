"""Two-level topics in the explorer: parents that expand into subtopics, and the search box.

`classifications.topic_id` is the parent and `subtopic_id` the fine topic (docs/explorer.md,
"Two levels"); parents and subtopics share one id space per facet. A snapshot published before
the two levels (or a facet whose map has no parents) reads as one level: every topic is a
"parent" without subtopics, so the page degrades to a flat list.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

import duckdb

from tracetopics_pipeline.core.topics.overrides import merged_away
from tracetopics_pipeline.core.topics.report import (
    TOPIC_LATEST,
    by_severity,
    listed_subtopics,
    ranked_topics,
    severity_labels,
)
from tracetopics_pipeline.core.warehouse import NO_MATCH, NO_MATCH_LABEL
from tracetopics_pipeline.explorer.filters import TopicFilter, TraceFilter
from tracetopics_pipeline.explorer.queries import level_id, timeline

LEVELS = ("parent", "sub")
# Why a labelled facet's parents have no any-mention count in the explorer (report's
# MENTIONS_MISSING is the warehouse's reason): `app.ensure_snapshot` publishes the labels again
# at start when the warehouse has them or can take them; a run holding the warehouse then is why.
SNAPSHOT_MENTIONS_MISSING_WHY = (
    "not in this snapshot yet: it was published before every label of a trace was kept"
)
SNAPSHOT_MENTIONS_MISSING = (
    f"{SNAPSHOT_MENTIONS_MISSING_WHY}. `tracetopics explore` publishes them when it starts and "
    "no pipeline run holds the warehouse (or `tracetopics migrate`); else the next pipeline run "
    "(`tracetopics run`, or Refresh now) does"
)


def has_levels(cur: duckdb.DuckDBPyConnection, facet: str) -> bool:
    """Whether the facet is read at two levels in this snapshot: its maps have parents and its
    classifications name the subtopic (maps built with parents but classified before the two
    levels read as one level)."""
    rows = cur.execute(
        """SELECT EXISTS (SELECT 1 FROM topics WHERE lower(facet) = lower(?) AND level = 'parent')
              AND EXISTS (SELECT 1 FROM classifications
                          WHERE lower(facet) = lower(?) AND subtopic_id IS NOT NULL)""",
        [facet, facet],
    ).fetchall()
    return bool(rows and rows[0][0])


_WEEKDAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tomorrow"
_SAME_ASK = re.compile(rf"\b(?:{_WEEKDAYS})\b|\d+|[^\w\s]", re.IGNORECASE)


def _ask_key(summary: str) -> str:
    """Summaries that differ only in case, numbers, weekdays or punctuation are one ask:
    "Report stopped sending on Tuesday" and "... on thursday" are not three samples."""
    return " ".join(_SAME_ASK.sub(" ", summary.lower()).split())


def _repeats(key: str, seen: set[str]) -> bool:
    """The same ask as one already picked, or one with a tail ("... email" / "... email Need
    this")."""
    return any(key.startswith(k) or k.startswith(key) for k in seen)


def _samples(cur, head: str, params: list, facet: str, key: str, k: int) -> dict[int, list]:
    """Up to k summaries per topic, nearest its centre first, no two the same ask; a parent's
    come from its largest subtopics in turn, not all from its tightest one (review rv6 P6)."""
    rows = cur.execute(
        head
        + f"""
        SELECT tid, grp, summary, trace_id FROM (
            SELECT cls.{key} AS tid, cls.sid AS grp, s.summary, any_value(cls.trace_id) AS trace_id,
                   min(cls.distance) AS d, sum(count(*)) OVER (PARTITION BY cls.{key}, cls.sid) AS n
            FROM cls JOIN facets s ON s.trace_id = cls.trace_id AND lower(s.facet) = lower(?)
            WHERE s.summary IS NOT NULL
            GROUP BY cls.{key}, cls.sid, s.summary
        )
        QUALIFY row_number() OVER (PARTITION BY tid, grp ORDER BY d NULLS LAST, summary) <= ?
        ORDER BY tid, n DESC, grp, d NULLS LAST, summary
        """,
        [*params, facet, 3 * k],
    ).fetchall()
    groups: dict[int, dict[int, list]] = {}
    for tid, grp, summary, trace_id in rows:
        groups.setdefault(tid, {}).setdefault(grp, []).append((summary, trace_id))
    out: dict[int, list[dict[str, str]]] = {}
    for tid, by_group in groups.items():
        picked, seen = out.setdefault(tid, []), set()
        queues = list(by_group.values())  # largest subtopic first
        while len(picked) < k and any(queues):
            for q in queues:
                while q and _repeats(_ask_key(q[0][0]), seen):
                    q.pop(0)
                if q and len(picked) < k:
                    summary, trace_id = q.pop(0)
                    seen.add(_ask_key(summary))
                    picked.append({"summary": summary, "trace_id": trace_id})
    return out


def topic_tree(
    cur: duckdb.DuckDBPyConnection,
    f: TraceFilter,
    facet: str,
    *,
    level: str = "parent",
    include_no_match: bool = False,
    samples: int = 3,
    parent: int | None = None,
) -> dict[str, Any]:
    """Topics ranked by share of the facet's classified traffic within the filter.

    level="parent": parents, each with its `subtopics` (ranked the same way); level="sub": the
    subtopics as one ranked list, each naming its parent. Every item: topic_id, level, label,
    keywords, count, share (of the filtered classified traffic), pinned, facet_label (labelled
    facets: the label value it stands for), sparkline, samples, merged (the topics a person
    merged into it, {topic_id, label}: the page offers their Undo); a labelled facet's parents
    also `any_mention`, the traces listing the label at all, first or not (None on a snapshot
    from before labels were kept: the answer's `any_mention_missing` says why). A label that
    traces list but none has first has no topic: at the parent level the answer's
    `mention_only` lists each ({label, facet_label, any_mention, any_share}: its traces, and
    their share of `total`).

    `parent`: the parent drilled into. Its subtopics are listed, and `share` stays the share of
    the filter's classified traffic (what `tracetopics topics` prints), not of the parent:
    `parent_share` is that, and `parent` (topic_id, label, count, share) names it. `traffic`
    is the denominator of `share` either way.
    """
    level_id(level)
    two = has_levels(cur, facet)
    if parent is not None:
        outer = f
        f = replace(f, topics=(*f.topics, TopicFilter(facet, parent)))
        level = "sub" if two else "parent"
    fsql, fparams = f.sql()
    head = (
        f"WITH ft AS ({fsql}), {TOPIC_LATEST.strip()},\n"
        """cls AS (
            SELECT c.trace_id, c.topic_id AS pid, coalesce(c.subtopic_id, c.topic_id) AS sid,
                   c.distance
            FROM classifications c JOIN ft ON ft.id = c.trace_id
            WHERE lower(c.facet) = lower(?)
        )
        """
    )
    params = [*fparams, facet]
    # The ranking itself is the CLI's and the proposal's (report.ranked_topics) on the filtered
    # traces; the explorer adds sparklines, samples and the one-list view of subtopics.
    tree = ranked_topics(cur, facet, within=f"SELECT id FROM ({fsql})", params=fparams)
    # labels listed by traces but first in none: no topic, no row of the list (`mention_only`)
    unlisted = [t for t in tree if t.get("mention_only")]
    tree = [t for t in tree if not t.get("mention_only")]
    total = sum(t["count"] for t in tree)
    # Sparklines are the Trends view's daily series (queries.timeline), one per level.
    daily = timeline(cur, f, facet, "day", level="parent")
    days = daily["buckets"]
    spark_p = {s["topic_id"]: s["counts"] for s in daily["series"]}
    spark_s = (
        {s["topic_id"]: s["counts"] for s in timeline(cur, f, facet, "day", "sub")["series"]}
        if two
        else spark_p
    )
    samp_p = _samples(cur, head, params, facet, "pid", samples)
    samp_s = _samples(cur, head, params, facet, "sid", samples) if two else samp_p
    merged = merged_away(cur, facet)

    def node(t: dict[str, Any], lvl: str) -> dict[str, Any]:
        tid, nm = t["topic_id"], t["topic_id"] == NO_MATCH
        return {
            "topic_id": tid,
            "level": lvl,
            "label": NO_MATCH_LABEL if nm else (t["label"] or f"topic {tid}"),
            "keywords": [] if nm else t["keywords"],
            "count": t["count"],
            "share": t["share"],
            "pinned": t["pinned"],
            "facet_label": None if nm else t.get("facet_label"),
            "sparkline": (spark_p if lvl == "parent" else spark_s).get(tid, []),
            "samples": (samp_p if lvl == "parent" else samp_s).get(tid, []),
            "merged": merged.get(tid, []),  # topics a person merged into it: each has an Undo
            # a labelled facet's parents: traces listing the label at all (report.label_mentions)
            **({"any_mention": t["any_mention"]} if "any_mention" in t else {}),
        }

    def ranked(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
        return sorted(items, key=lambda t: (t["topic_id"] == NO_MATCH, -t["count"], t["topic_id"]))

    parents: dict[int, dict[str, Any]] = {}
    subs: list[dict[str, Any]] = []
    for t in tree:
        p = parents[t["topic_id"]] = node(t, "parent" if two else "sub")
        kids = [
            {**node(s, "sub"), "parent_id": p["topic_id"], "parent_label": p["label"]}
            for s in (t["subtopics"] if two and t["topic_id"] != NO_MATCH else [])
        ]
        # under its parent, the CLI's rule (no "SSO requests › SSO requests"); the subtopic
        # level lists every fine topic
        listed = {s["topic_id"] for s in listed_subtopics(t)}
        p["subtopics"] = ranked([k for k in kids if k["topic_id"] in listed])
        subs += kids
    if two and level == "sub":
        items = ranked(subs)
        if NO_MATCH in parents:
            items.append(parents[NO_MATCH])
        order = "share"
    else:
        # A severity-ordered facet (Churn risk) keeps the CLI's order: its labels most severe
        # first, then by share; the page's heading says which order it is (`order`).
        items = by_severity(facet, ranked(list(parents.values())))
        labelled = any(t["facet_label"] for t in items)
        order = "severity" if labelled and severity_labels(facet) else "share"
    no_match = parents.get(NO_MATCH, {}).get("count", 0)
    out: dict[str, Any] = {
        "facet": facet,
        "levels": two,
        "level": level if two else "parent",
        "total": total,
        "traffic": total,
        "no_match": no_match,
        "no_match_share": (no_match / total) if total else 0.0,
        "days": days,
        "days_before": daily["before"],  # traces left off the sparklines' axis (queries.timeline)
        "order": order,  # "severity": label topics most severe first, then share; else "share"
        "topics": [t for t in items if include_no_match or t["topic_id"] != NO_MATCH],
    }
    if any("any_mention" in t and t["any_mention"] is None for t in items):
        out["any_mention_missing"] = SNAPSHOT_MENTIONS_MISSING
    if unlisted and parent is None and out["level"] == "parent":
        out["mention_only"] = [
            {"label": t["label"], "facet_label": t["facet_label"], "any_mention": t["any_mention"],
             "any_share": t["any_mention"] / total if total else 0.0}
            for t in unlisted
        ]  # fmt: skip
    if parent is not None:
        out["traffic"] = traffic = _classified(cur, outer, facet)
        for t in out["topics"]:
            t["parent_share"] = t["count"] / total if total else 0.0
            t["share"] = t["count"] / traffic if traffic else 0.0
        label = cur.execute(
            f"WITH {TOPIC_LATEST.strip()} SELECT label FROM topic_latest"
            " WHERE lower(facet) = lower(?) AND topic_id = ?",
            [facet, parent],
        ).fetchone()
        out["parent"] = {
            "topic_id": parent,
            "label": label[0] if label and label[0] else f"topic {parent}",
            "count": total,
            "share": total / traffic if traffic else 0.0,
        }
    return out


def _classified(cur: duckdb.DuckDBPyConnection, f: TraceFilter, facet: str) -> int:
    """The facet's classified traces (no_match included) in the filter: the denominator of
    every share the CLI and the list print."""
    fsql, fparams = f.sql()
    row = cur.execute(
        "SELECT count(*) FROM classifications c WHERE lower(c.facet) = lower(?)"
        f" AND c.trace_id IN ({fsql})",
        [facet, *fparams],
    ).fetchone()
    return int(row[0]) if row else 0


def _word_starts(words: list[str]) -> list[str]:
    """RE2 patterns, one per word, case-insensitive (RE2 folds the case, so Python's and
    DuckDB's lower-casing never disagree): the word where a word starts, so "sso" finds "SAML
    SSO" and "ssos" but not the tool name "get_sso_config" nor "lesson". Only an ASCII letter,
    digit or "_" before it counts as inside a word, so scripts written without spaces still
    match within a run of text; a word that opens with a mark (".net", "@acme") brings its own
    boundary and matches anywhere ("ASP.NET")."""
    return ["(?i)" + ("(?:^|[^a-z0-9_])" if w[:1].isalnum() else "") + re.escape(w) for w in words]


def _every(text: str, n: int) -> str:
    """SQL true when `text` matches each of `n` patterns, bound one parameter each. A constant
    pattern is compiled once per query; a pattern taken from a list inside the query
    (`[regexp_matches(x, p) FOR p IN ?]`) is compiled again for every row: that was 0.8 s of a
    1.2 s search over 9,800 summaries."""
    return "(" + " AND ".join(["regexp_matches(" + text + ", ?)"] * n) + ")"


def search(
    cur: duckdb.DuckDBPyConnection,
    f: TraceFilter,
    q: str,
    *,
    facet: str | None = None,
    limit: int = 20,
) -> dict[str, Any]:
    """Topics with traces in the filter whose label, keywords or representative summaries hold
    every word of `q` at the start of a word, and traces whose facet summary does (within the
    filter). Case-insensitive; values are bound parameters and every character of `q` matches
    itself."""
    words = [w for w in q.split() if w][:8]
    if not words:
        return {"q": q, "trace_total": 0, "in_scope": 0, "topics": [], "traces": []}
    pats = _word_starts(words)
    n = len(pats)
    fsql, fparams = f.sql()
    topics = cur.execute(
        f"""WITH ft AS ({fsql}), {TOPIC_LATEST.strip()},
        lvl AS (
            SELECT facet, topic_id, max(level) AS level, max(parent_id) AS parent_id
            FROM topics GROUP BY ALL
        ),
        -- each topic's traces in the filter, parents and subtopics counted in one pass
        counts AS (
            SELECT c.facet, u.tid, count(*) AS n
            FROM classifications c JOIN ft ON ft.id = c.trace_id,
                 unnest([c.topic_id, c.subtopic_id]) AS u(tid)
            WHERE u.tid IS NOT NULL GROUP BY ALL
        ),
        doc AS (
            SELECT tl.facet, tl.topic_id, tl.label, tl.keywords, tl.representatives,
                   tl.label AS l, array_to_string(tl.keywords, ' ') AS k,
                   array_to_string(tl.representatives, ' ') AS r
            FROM topic_latest tl
            WHERE (?::VARCHAR IS NULL OR lower(tl.facet) = lower(?))
              AND NOT EXISTS (SELECT 1 FROM topic_overrides o WHERE o.facet = tl.facet
                              AND o.topic_id = tl.topic_id AND o.merged_into IS NOT NULL)
        )
        SELECT d.facet, d.topic_id, d.label, coalesce(lvl.level, 'sub') AS level,
               lvl.parent_id, pl.label AS parent_label, d.keywords,
               counts.n::BIGINT AS count,
               CASE WHEN {_every("d.l", n)} THEN 'label'
                    WHEN {_every("d.l || ' ' || d.k", n)} THEN 'keywords'
                    ELSE 'summaries' END AS matched,
               [x FOR x IN d.representatives IF regexp_matches(x, ?)][1] AS snippet
        FROM doc d
        -- a topic of an earlier map no trace belongs to now is no answer
        JOIN counts ON counts.facet = d.facet AND counts.tid = d.topic_id
        LEFT JOIN lvl ON lvl.facet = d.facet AND lvl.topic_id = d.topic_id
        LEFT JOIN topic_latest pl ON pl.facet = d.facet AND pl.topic_id = lvl.parent_id
        WHERE {_every("d.l || ' ' || d.k || ' ' || d.r", n)}
        ORDER BY (matched = 'label') DESC, (matched = 'keywords') DESC, count DESC,
                 d.topic_id, d.facet
        LIMIT ?""",
        [*fparams, facet, facet, *pats, *pats, pats[0], *pats, limit],
    )
    cols = [d[0] for d in topics.description]
    topic_rows = [dict(zip(cols, r, strict=True)) for r in topics.fetchall()]
    # The newest matching traces, with how many match and how many were searched (the
    # filter's, a drilled topic's): the page says "3 of 41 traces in <topic> match", never an
    # empty box alone (review rv12 L3). One scan: a second query doubled the search's time.
    rows = cur.execute(
        f"""WITH ft AS MATERIALIZED ({fsql}),
        hits AS MATERIALIZED (
            SELECT s.trace_id, s.facet, s.summary
            FROM facets s JOIN ft ON ft.id = s.trace_id
            WHERE (?::VARCHAR IS NULL OR lower(s.facet) = lower(?)) AND s.summary IS NOT NULL
              AND {_every("s.summary", n)}
        )
        SELECT h.trace_id, h.facet, h.summary, t.customer, t.created,
               (SELECT count(DISTINCT trace_id) FROM hits), (SELECT count(*) FROM ft)
        FROM (SELECT 1) AS one
        LEFT JOIN (hits h JOIN trace_index t ON t.id = h.trace_id) ON true
        ORDER BY t.created DESC NULLS LAST, h.trace_id LIMIT ?""",
        [*fparams, facet, facet, *pats, limit],
    ).fetchall()
    total, in_scope = rows[0][5], rows[0][6]
    traces = [r for r in rows if r[0] is not None]
    return {
        "q": q,
        "trace_total": int(total),
        "in_scope": int(in_scope),
        "topics": topic_rows,
        "traces": [
            {
                "trace_id": r[0],
                "facet": r[1],
                "summary": r[2],
                "customer": r[3],
                "created": r[4].isoformat() if r[4] else None,
            }
            for r in traces
        ],
    }
