"""The "roadmap proposal": a Markdown brief for one topic, built from the snapshot's numbers.

Everything in it is computed (volume, share, trend, sentiment and issues mix, accounts) or
quoted verbatim from traces; nothing is invented.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import duckdb

from tracetopics_pipeline.core.topics.report import TOPIC_LATEST
from tracetopics_pipeline.core.warehouse import NO_MATCH, NO_MATCH_LABEL
from tracetopics_pipeline.explorer.filters import TopicFilter, TraceFilter
from tracetopics_pipeline.explorer.queries import topic_list

MAX_QUOTE_CHARS = 2000  # per message; longer messages are cut with an explicit marker


def _facet_named(cur: duckdb.DuckDBPyConnection, name: str) -> str | None:
    row = cur.execute(
        "SELECT facet FROM facets WHERE lower(facet) = lower(?) LIMIT 1", [name]
    ).fetchone()
    return row[0] if row else None


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _mix(
    cur: duckdb.DuckDBPyConnection, ids_sql: str, params: list[Any], facet: str
) -> list[tuple[str, int]]:
    """Label (or topic label) distribution of `facet` over a set of trace ids."""
    rows = cur.execute(
        f"""
        WITH ids AS ({ids_sql}), {TOPIC_LATEST.strip()}
        SELECT coalesce(s.label, CASE WHEN c.topic_id = {NO_MATCH} THEN '{NO_MATCH_LABEL}'
                                      ELSE coalesce(tl.label, c.label) END, '(none)') AS v,
               count(*) AS n
        FROM ids JOIN facets s ON s.trace_id = ids.id AND lower(s.facet) = lower(?)
        LEFT JOIN classifications c ON c.trace_id = s.trace_id AND c.facet = s.facet
        LEFT JOIN topic_latest tl ON tl.facet = c.facet AND tl.topic_id = c.topic_id
        GROUP BY ALL ORDER BY n DESC, v
        """,
        [*params, facet],
    ).fetchall()
    return [(str(v), int(n)) for v, n in rows]


def _mix_table(title: str, topic_mix: list[tuple[str, int]], base: list[tuple[str, int]]) -> str:
    if not topic_mix:
        return f"### {title}\n\nNo data for this facet.\n"
    t_total = sum(n for _, n in topic_mix) or 1
    b_total = sum(n for _, n in base) or 1
    b = dict(base)
    lines = [
        f"### {title}\n",
        "| value | traces | share in topic | share overall |",
        "|---|---:|---:|---:|",
    ]
    for v, n in topic_mix[:10]:
        lines.append(f"| {v} | {n} | {_pct(n / t_total)} | {_pct(b.get(v, 0) / b_total)} |")
    return "\n".join(lines) + "\n"


def _quote_message(m: dict[str, Any]) -> list[str]:
    role = m.get("role", "?")
    content = m.get("content")
    if isinstance(content, list):  # OpenAI content parts
        content = "\n".join(p.get("text", "") if isinstance(p, dict) else str(p) for p in content)
    text = "" if content is None else str(content)
    out: list[str] = []
    for call in m.get("tool_calls") or []:
        fn = call.get("function", call) if isinstance(call, dict) else {}
        out.append(f"> **{role} → tool call** `{fn.get('name', '?')}({fn.get('arguments', '')})`")
    if text:
        cut = len(text) > MAX_QUOTE_CHARS
        body = text[:MAX_QUOTE_CHARS] + (" […cut…]" if cut else "")
        label = f"tool {m.get('name', '')}".strip() if role == "tool" else role
        quoted = "\n> ".join(body.splitlines() or [""])
        out.append(f"> **{label}:** {quoted}")
    return out


def roadmap_proposal(
    cur: duckdb.DuckDBPyConnection,
    f: TraceFilter,
    facet: str,
    topic_id: int,
    *,
    marts: frozenset[str] = frozenset(),
    conversations: int = 4,
) -> str | None:
    """Markdown for one topic within the filter; None when the topic has no traces there."""
    base = replace(f, topics=tuple(t for t in f.topics if t.facet.lower() != facet.lower()))
    listing = topic_list(cur, base, facet, include_no_match=True, samples=3)
    topic = next((t for t in listing["topics"] if t["topic_id"] == topic_id), None)
    if topic is None:
        return None
    ranked = [t for t in listing["topics"] if t["topic_id"] != NO_MATCH]
    rank = next((i + 1 for i, t in enumerate(ranked) if t["topic_id"] == topic_id), None)
    in_topic = replace(base, topics=(*base.topics, TopicFilter(facet, topic_id)))
    t_sql, t_params = in_topic.sql()
    b_sql, b_params = base.sql()

    span = cur.execute(
        f"SELECT min(day), max(day) FROM trace_index WHERE id IN ({t_sql})", t_params
    ).fetchone()
    weekly = cur.execute(
        f"""
        SELECT date_trunc('week', day)::DATE AS wk, count(*) FROM trace_index
        WHERE id IN ({t_sql}) GROUP BY wk ORDER BY wk
        """,
        t_params,
    ).fetchall()
    trend_line = "Not enough history for a week-over-week comparison."
    if len(weekly) >= 2:
        (_, prev), (last_wk, last) = weekly[-2], weekly[-1]
        growth = (last - prev) / prev if prev else float("inf")
        partial = last_wk + timedelta(days=6) > (span[1] if span and span[1] else date.max)
        trend_line = (
            f"Week of {last_wk}: {last} traces vs {prev} the week before "
            f"({'+' if growth >= 0 else ''}{_pct(growth) if prev else 'new'})"
            + (" — the last week is partial." if partial else ".")
        )
    for mart in ("topic_trends_weekly", "topic_trends"):
        flag = _trend_flag(cur, mart, facet, topic_id) if mart in marts else None
        if flag:
            trend_line += f" Trend flag from `marts.{mart}`: **{flag}**."
            break

    sent_facet = _facet_named(cur, "Sentiment")
    issues_facet = _facet_named(cur, "Issues")
    customers = cur.execute(
        f"""
        SELECT coalesce(customer, '(unknown)'), count(*) AS n FROM trace_index
        WHERE id IN ({t_sql}) GROUP BY ALL ORDER BY n DESC LIMIT 8
        """,
        t_params,
    ).fetchall()
    plans = cur.execute(
        f"""
        SELECT coalesce(plan_tier, '(unknown)'), count(*) AS n FROM trace_index
        WHERE id IN ({t_sql}) GROUP BY ALL ORDER BY n DESC
        """,
        t_params,
    ).fetchall()
    # Representative conversations: nearest the topic centroid, one per customer first so the
    # quotes are not all from one account.
    reps = cur.execute(
        f"""
        SELECT c.trace_id FROM classifications c
        JOIN trace_index t ON t.id = c.trace_id
        WHERE c.trace_id IN ({t_sql}) AND lower(c.facet) = lower(?) AND c.topic_id = ?
        ORDER BY row_number() OVER (PARTITION BY coalesce(t.customer, c.trace_id)
                                    ORDER BY c.distance NULLS LAST, c.trace_id),
                 c.distance NULLS LAST, c.trace_id
        LIMIT ?
        """,
        [*t_params, facet, topic_id, conversations],
    ).fetchall()
    rep_ids = [r[0] for r in reps]
    convo = {
        r[0]: r[1:]
        for r in cur.execute(
            """
            SELECT r.id, r.messages, t.customer, t.plan_tier, r.created
            FROM raw_traces r JOIN trace_index t ON t.id = r.id
            WHERE r.id IN (SELECT unnest(?::VARCHAR[]))
            """,
            [rep_ids],
        ).fetchall()
    }

    label = topic["label"] or f"topic {topic_id}"
    lines = [
        f"# Roadmap proposal: {label}",
        "",
        f"*Facet `{facet}`, topic {topic_id}. Generated {datetime.now(UTC):%Y-%m-%d %H:%M} UTC "
        f"by tracetopics from {span[0]} to {span[1]}.*"
        if span and span[0]
        else "",
        "",
        "## Evidence at a glance",
        "",
        f"- **Volume:** {topic['count']} traces"
        + (f" (rank {rank} of {len(ranked)} topics)" if rank else "")
        + ".",
        f"- **Share:** {_pct(topic['share'])} of the facet's classified traffic in scope "
        f"({listing['total']} traces, {_pct(listing['no_match_share'])} unmatched).",
        f"- **Trend:** {trend_line}",
    ]
    if topic["keywords"]:
        lines.append(f"- **Keywords:** {', '.join(topic['keywords'][:10])}")
    if not f.is_empty():
        lines.append(f"- **Scope filter:** `{json.dumps(base.to_json(), default=str)}`")
    lines += ["", "## What users ask for", ""]
    lines += [f"- {s['summary']} (`{s['trace_id']}`)" for s in topic["samples"]]
    lines += ["", "## Weekly volume", "", "| week | traces |", "|---|---:|"]
    lines += [f"| {wk} | {n} |" for wk, n in weekly]
    lines.append("")
    for title, fct in (("Sentiment mix", sent_facet), ("Issues mix", issues_facet)):
        if fct:
            lines.append(
                _mix_table(title, _mix(cur, t_sql, t_params, fct), _mix(cur, b_sql, b_params, fct))
            )
    total = topic["count"] or 1
    lines += ["## Who is asking", "", "| customer | traces | share |", "|---|---:|---:|"]
    lines += [f"| {c} | {n} | {_pct(n / total)} |" for c, n in customers]
    lines += ["", "| plan tier | traces | share |", "|---|---:|---:|"]
    lines += [f"| {p} | {n} | {_pct(n / total)} |" for p, n in plans]
    lines += ["", f"## Representative conversations ({len(rep_ids)}, verbatim)", ""]
    for i, tid in enumerate(rep_ids, 1):
        if tid not in convo:
            continue
        messages, customer, plan, created = convo[tid]
        msgs = json.loads(messages) if isinstance(messages, str) else messages or []
        lines.append(
            f"### {i}. `{tid}` — {customer or 'unknown customer'} ({plan or 'unknown plan'}), "
            f"{created:%Y-%m-%d}"
        )
        lines.append("")
        for m in msgs:
            if isinstance(m, dict) and m.get("role") != "system":
                lines += _quote_message(m)
                lines.append(">")
        if lines[-1] == ">":
            lines.pop()
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _trend_flag(cur: duckdb.DuckDBPyConnection, mart: str, facet: str, topic_id: int) -> str | None:
    """The latest trend flag (growing / flat / fading) the marts give this topic, if any."""
    cols = {
        r[0]
        for r in cur.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema = 'marts' AND table_name = ?",
            [mart],
        ).fetchall()
    }
    flag_col = next((c for c in ("trend", "trend_flag", "flag") if c in cols), None)
    order_col = next((c for c in ("week_start", "iso_week", "week", "day") if c in cols), None)
    if not flag_col or not order_col or not {"facet", "topic_id"} <= cols:
        return None
    row = cur.execute(
        f'SELECT "{flag_col}" FROM marts."{mart}" WHERE lower(facet) = lower(?) '
        f'AND topic_id = ? AND "{flag_col}" IS NOT NULL ORDER BY "{order_col}" DESC LIMIT 1',
        [facet, topic_id],
    ).fetchone()
    return str(row[0]) if row else None
