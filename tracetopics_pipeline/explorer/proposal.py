"""The "roadmap proposal": a Markdown brief for one topic, built from the snapshot's numbers.

Sections: problem statement; who is affected (customers, plan tiers); impact (volume, share,
trend, pain, account value, priority rank); product gap or agent failure (from the Issues
facet, the home's rule `changes.capability_gaps`, named only when the topic stands out from its scope);
what users ask for; representative quotes, verbatim,
each linked to its trace; and an empty "Recommendation" section for the PM. Everything is
computed or quoted; nothing is invented.

The topic is a `TopicScope`: a daily map's topic (`map_topic_scope`) or a saved subset's topic
(`subset_topic_scope`), so both kinds of topic get the same brief.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote

import duckdb

from tracetopics_pipeline.core.ingest.messages import loads_json
from tracetopics_pipeline.core.topics import gap_rule
from tracetopics_pipeline.core.topics.changes import (
    NEGATIVE,
    Thresholds,
    ranking_window,
    versus_scope,
)
from tracetopics_pipeline.core.topics.report import TOPIC_LATEST
from tracetopics_pipeline.core.warehouse import NO_MATCH, NO_MATCH_LABEL, column_names
from tracetopics_pipeline.explorer.filters import TopicFilter, TraceFilter
from tracetopics_pipeline.explorer.levels import topic_tree
from tracetopics_pipeline.explorer.saved import find_topic, topic_members

MAX_QUOTE_CHARS = 2000  # per message; longer messages are cut with an explicit marker
_MD_MARKUP = re.compile(r"([\\`*_\[\]|<>])")


def md_line(value: object) -> str:
    """One line of a trace's words or a typed name as Markdown text: its own markup (a link,
    emphasis, code, a table bar, a leading heading mark) escaped, so what a user wrote or a
    rename typed prints as written and never turns into a link or a section of the brief."""
    return re.sub(r"^(\s*)#", r"\1\\#", _MD_MARKUP.sub(r"\\\1", str(value)))


def md_text(value: object) -> str:
    """`md_line` of a value folded onto one line (a table cell, a heading, a sentence)."""
    return md_line(" ".join(str(value).split()))


def md_code(value: object) -> str:
    """A value as a code span, or as `md_text` when a backtick in it would end the span."""
    text = " ".join(str(value).split())
    return f"`{text}`" if "`" not in text else md_text(text)


@dataclass
class TopicScope:
    """One topic to write about, and the scope its shares and baselines are taken over."""

    facet: str
    label: str
    source: str  # e.g. "topic 3 of the Task map"
    base: TraceFilter  # the scope
    in_topic: TraceFilter  # the topic's traces within the scope
    count: int
    share: float  # of the scope's classified traces
    scope_total: int
    no_match_share: float
    rank: int | None
    n_ranked: int
    keywords: list[str] = field(default_factory=list)
    samples: list[dict[str, Any]] = field(default_factory=list)  # {"summary", "trace_id"}
    candidates: list[str] = field(default_factory=list)  # trace ids, nearest the centre first
    topic_id: int | None = None  # the map's topic id; None for a saved subset's topic


def map_topic_scope(
    cur: duckdb.DuckDBPyConnection, f: TraceFilter, facet: str, topic_id: int
) -> TopicScope | None:
    """A daily map's topic within the filter; None when it has no traces there."""
    base = replace(f, topics=tuple(t for t in f.topics if t.facet.lower() != facet.lower()))
    # A parent is ranked among parents, a subtopic among subtopics (one id space per facet).
    for level in ("parent", "sub"):
        listing = topic_tree(cur, base, facet, level=level, include_no_match=True, samples=3)
        topic = next((t for t in listing["topics"] if t["topic_id"] == topic_id), None)
        if topic is not None or not listing["levels"]:
            break
    if topic is None:
        return None
    ranked = [t for t in listing["topics"] if t["topic_id"] != NO_MATCH]
    rank = next((i + 1 for i, t in enumerate(ranked) if t["topic_id"] == topic_id), None)
    in_topic = replace(base, topics=(*base.topics, TopicFilter(facet, topic_id)))
    t_sql, t_params = in_topic.sql()
    candidates = cur.execute(
        f"""
        SELECT c.trace_id FROM classifications c
        WHERE c.trace_id IN ({t_sql}) AND lower(c.facet) = lower(?)
          AND (c.topic_id = ? OR c.subtopic_id = ?)
        ORDER BY c.distance NULLS LAST, c.trace_id LIMIT 200
        """,
        [*t_params, facet, topic_id, topic_id],
    ).fetchall()
    return TopicScope(
        facet=facet,
        label=topic["label"] or f"topic {topic_id}",
        source=f"topic {topic_id} of the {facet} map",
        base=base,
        in_topic=in_topic,
        count=topic["count"],
        share=topic["share"],
        scope_total=listing["total"],
        no_match_share=listing["no_match_share"],
        rank=rank,
        n_ranked=len(ranked),
        keywords=topic["keywords"],
        samples=topic["samples"],
        candidates=[r[0] for r in candidates],
        topic_id=topic_id,
    )


def subset_topic_scope(doc: dict[str, Any], topic_id: int) -> TopicScope:
    """A saved subset's topic (saved.py); its scope is the subset's traces."""
    topic, members = topic_members(doc, topic_id)
    _, siblings = find_topic(doc, topic_id)  # ranked among its level: parents or subtopics
    all_ids = tuple(i for i in (doc.get("ids") or "").split("\n") if i)
    ranked = sorted(siblings, key=lambda t: (-t["size"], t["topic_id"]))
    n_traces = doc.get("n_traces") or len(all_ids)
    kind = "subtopic" if doc.get("parents") and topic.get("level") != "parent" else "topic"
    return TopicScope(
        facet=doc["facet"],
        label=topic["label"],
        source=f"{kind} {topic_id} of the saved subset “{doc.get('name')}”",
        base=TraceFilter(trace_ids=all_ids),
        in_topic=TraceFilter(trace_ids=tuple(members)),
        count=len(members),
        share=len(members) / n_traces if n_traces else 0.0,
        scope_total=n_traces,
        no_match_share=float(doc.get("no_match_share") or 0.0),
        rank=next(i + 1 for i, t in enumerate(ranked) if t["topic_id"] == topic_id),
        n_ranked=len(ranked),
        keywords=topic.get("keywords") or [],
        samples=[{"summary": s, "trace_id": None} for s in topic.get("samples") or []],
        candidates=members[:200],
    )


# ── numbers ─────────────────────────────────────────────────────────────────────────────


def _facet_named(cur: duckdb.DuckDBPyConnection, name: str) -> str | None:
    row = cur.execute(
        "SELECT facet FROM facets WHERE lower(facet) = lower(?) LIMIT 1", [name]
    ).fetchone()
    return row[0] if row else None


def _task_mix(
    cur: duckdb.DuckDBPyConnection, ids_sql: str, params: list[Any], facet: str, k: int = 3
) -> list[tuple[str, int]]:
    """The Task topics (parents) most of a non-Task topic's traces hold, largest first."""
    task = _facet_named(cur, "Task")
    if task is None or facet.lower() == task.lower():
        return []
    return cur.execute(
        f"""
        SELECT any_value(label), count(*) AS n FROM classifications
        WHERE lower(facet) = lower(?) AND topic_id <> ? AND trace_id IN ({ids_sql})
        GROUP BY topic_id ORDER BY n DESC, topic_id LIMIT ?
        """,
        [task, NO_MATCH, *params, k],
    ).fetchall()


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


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


def _mix_table(
    title: str,
    topic_mix: list[tuple[str, int]],
    base: list[tuple[str, int]],
    read: Callable[[str], str] = str,
) -> str:
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
        lines.append(
            f"| {md_text(read(v))} | {n} | {_pct(n / t_total)} | {_pct(b.get(v, 0) / b_total)} |"
        )
    return "\n".join(lines) + "\n"


@dataclass
class Rate:
    """Traces of a topic (or its scope) with a flag, of those the facet read."""

    hit: int
    known: int

    @property
    def share(self) -> float:
        return self.hit / self.known if self.known else 0.0


def _rates(
    cur: duckdb.DuckDBPyConnection,
    ids_sql: str,
    params: list[Any],
    sentiment: str | None,
    issues: str | None,
) -> dict[str, Rate]:
    """'negative' (Sentiment NEGATIVE or MIXED) and 'issue' (Issues says something other than
    its default NONE) over a set of trace ids: the definitions of `changes.FLAGS`."""
    issue = "NOT (s.status = 'excluded' OR upper(trim(coalesce(s.label, s.summary, ''))) LIKE 'NONE%')"  # fmt: skip
    out: dict[str, Rate] = {}
    for key, facet, hit, known, hit_params in (
        ("negative", sentiment, "s.label IN (SELECT unnest(?::VARCHAR[]))", "s.label IS NOT NULL",
         [list(NEGATIVE)]),
        ("issue", issues, issue, "s.status IN ('ok', 'excluded')", []),
    ):  # fmt: skip
        if facet is None:
            continue
        row = cur.execute(
            f"""
            SELECT count(*) FILTER (WHERE {known} AND {hit}), count(*) FILTER (WHERE {known})
            FROM ({ids_sql}) ids JOIN facets s ON s.trace_id = ids.id AND lower(s.facet) = lower(?)
            """,
            [*hit_params, *params, facet],
        ).fetchone()
        out[key] = Rate(int(row[0] or 0), int(row[1] or 0))
    return out


def gap_kind(
    cur: duckdb.DuckDBPyConnection,
    ids_sql: str,
    params: list[Any],
    sentiment: str | None,
    issues: str | None,
    read: Callable[[str], str] = str,
) -> tuple[str, str, int, int] | None:
    """(verdict, the counts behind it in words, negative traces with an agent issue, without
    one) for the topic's negative traces, by the Issues facet: the one gap rule's side verdict
    (`gap_rule`; `_against_scope` adds whether the topic stands out and what it means); `read`
    says how a label value reads. A negative conversation in which the agent had no problem
    (Issues NONE) points at a product gap; one with an agent issue at an agent failure."""
    if sentiment is None or issues is None:
        return None
    rows = cur.execute(
        f"""
        WITH neg AS (
            SELECT ids.id FROM ({ids_sql}) ids
            JOIN facets s ON s.trace_id = ids.id AND lower(s.facet) = lower(?)
            WHERE s.label IN (SELECT unnest(?::VARCHAR[]))
        )
        SELECT CASE WHEN i.status = 'excluded' OR upper(trim(coalesce(i.label, i.summary)))
                         LIKE 'NONE%' THEN 'NONE'
                    ELSE coalesce(i.label, i.summary) END AS issue,
               count(*) AS n
        FROM neg JOIN facets i ON i.trace_id = neg.id AND lower(i.facet) = lower(?)
        GROUP BY ALL ORDER BY n DESC, issue
        """,
        [*params, sentiment, list(NEGATIVE), issues],
    ).fetchall()
    total = sum(n for _, n in rows)
    if not total:
        return None
    none = sum(n for issue, n in rows if issue == "NONE")
    agent = total - none
    top = ", ".join(f"{md_text(read(issue))} {n}" for issue, n in rows if issue != "NONE")
    detail = (
        f"Of the topic's {total} negative or mixed conversations, {agent} "
        f"({_pct(agent / total)}) show an agent issue"
        + (f" ({top})" if top else "")
        + f" and {none} ({_pct(none / total)}) show none."
    )
    th = Thresholds()
    (call,) = gap_rule.gap_calls(
        [(0, 0, 0, 0, 0, agent, none, 0, 0, 0, 0)],  # the side verdict reads the split only
        min_lift=th.min_lift,
        min_events=th.min_events,
        min_z=th.min_z,
        min_side=th.min_gap_side,
        side_share=th.side_share,
    )
    return _VERDICTS[call.verdict], detail, agent, none


_VERDICTS = {
    "too_few": "Too few to tell",
    "agent_failure": "Agent failure",
    "product_gap": "Product gap",
    "both": "Cause unclear",  # the home's "Unhappy, cause unclear"
}
_CONCLUSIONS = {
    "Too few to tell": "Too few conversations of either kind to name one.",
    "Agent failure": "The agent is failing at something users can do.",
    "Product gap": "The agent worked as designed; the product falls short.",
    "Cause unclear": "Neither kind dominates: look at the two groups separately.",
}


def _against_scope(
    split: tuple[str, str, int, int] | None, rates: dict[str, Rate], base: dict[str, Rate]
) -> tuple[tuple[str, str] | None, str]:
    """(verdict, explanation) and a short comparison, from `gap_kind`'s split, by the one gap
    rule (`gap_rule`, macros/gap_rule.sql: the home's, the digest's and
    marts.capability_gaps' rule) on the topic's counts against its scope's: a kind is named only
    when the topic stands out from its scope on the measure that names it (its negative share
    for a product gap; for an agent failure its share of traces with an agent issue, with a
    negative share lifted above the scope's). Otherwise a topic no unhappier than its scope is
    "Not distinguished", and an agent-issue majority in an unhappier one "Cause unclear" (the
    home's "Unhappy, cause unclear": agent issues as common across the scope); the explanation
    never ends with the kind it did not name."""
    if split is None:
        return None, ""
    _, counts, agent, none = split
    neg, iss, b_neg, b_iss = rates["negative"], rates["issue"], base["negative"], base["issue"]
    th = Thresholds()
    (call,) = gap_rule.gap_calls(
        [
            (
                0,
                neg.hit,
                neg.known,
                iss.hit,
                iss.known,
                agent,
                none,
                b_neg.hit,
                b_neg.known,
                b_iss.hit,
                b_iss.known,
            )
        ],  # fmt: skip
        min_lift=th.min_lift,
        min_events=th.min_events,
        min_z=th.min_z,
        min_side=th.min_gap_side,
        side_share=th.side_share,
    )
    verdict = _VERDICTS[call.verdict]
    if verdict not in ("Agent failure", "Product gap"):
        return (verdict, f"{counts} {_CONCLUSIONS[verdict]}"), ""
    key = "issue" if verdict == "Agent failure" else "negative"
    what = "show an agent issue" if key == "issue" else "are negative or mixed"
    r, b = rates[key], base[key]
    short = f"{_pct(r.share)} of its traces {what} vs {_pct(b.share)} of the scope"
    if call.gap_kind == call.verdict:
        return (verdict, f"{counts} {_CONCLUSIONS[verdict]} Against its scope: {short}."), short
    unhappier = call.negative_vs == "above"
    if not unhappier:  # no unhappier than its scope: no gap of its own, of either kind
        what = "are negative or mixed"
        r, b = neg, b_neg
    detail = (
        f"{_pct(r.share)} of the topic's traces {what} ({r.hit} of {r.known}), against "
        f"{_pct(b.share)} of the whole scope: the topic does not stand out from its scope, so "
        f"this is no {verdict.lower()} of its own. {counts}"
    )
    return ("Cause unclear" if unhappier else "Not distinguished", detail), short


def _priority(
    cur: duckdb.DuckDBPyConnection, marts: frozenset[str], scope: TopicScope
) -> dict[str, Any] | None:
    """The topic's row of `marts.topic_priority` (Task map topics only), when published."""
    if "topic_priority" not in marts or scope.topic_id is None:
        return None
    cols = set(column_names(cur, "topic_priority", "marts"))
    if scope.facet.lower() != "task" or not {"task_topic_id", "priority_rank"} <= cols:
        return None
    want = [
        c
        for c in (
            "priority_rank",
            "priority_score",
            "why",
            "account_value",
            "account_score",
            "enterprise_share",
            "top_plan",
            "trend",
            "window_days",
            "data_days",
        )
        if c in cols
    ]
    res = cur.execute(
        f"SELECT {', '.join(want)}, (SELECT count(*) FROM marts.topic_priority) AS n "
        "FROM marts.topic_priority WHERE task_topic_id = ?",
        [scope.topic_id],
    )
    row = res.fetchone()
    if not row:
        return None
    # The mart's trend is the digest's one trend rule (macros/trend_rule.sql): its flag and its
    # `why` agree with the home's Growing / Fading as published (review rv8 P1).
    return dict(zip([*want, "n"], row, strict=True))


def _trend(
    cur: duckdb.DuckDBPyConnection, scope: TopicScope, priority: dict[str, Any] | None
) -> tuple[str, list[tuple[Any, int]], Any]:
    """(the Trend line, the weekly volume rows, the first day of the scope's data) for the
    topic. A dated filter (the home's window) is the period compared, against as many days
    before it: both are read with the date filter widened to cover them, the other filters
    kept (review rv7 P1: inside the filter the days before were always 0 and every topic read
    "new"). Without dates: the 7 days to the snapshot's latest day against the 7 before (the
    digest's and topic_priority's window). Weeks are 7-day bins ending on the period's end."""
    latest, first = cur.execute("SELECT max(day), min(day) FROM trace_index").fetchone()
    if latest is None:
        return "no traces", [], None
    f = scope.in_topic
    dated = f.date_from is not None or f.date_to is not None
    end = min(f.date_to, latest) if f.date_to else latest
    days = max(1, (end - f.date_from).days + 1) if f.date_from else 7
    start, prev_start = end - timedelta(days=days - 1), end - timedelta(days=2 * days - 1)
    topic_f, base_f = scope.in_topic, scope.base
    if dated:
        topic_f, base_f = (replace(x, date_from=prev_start, date_to=end) for x in (topic_f, base_f))
    t_sql, t_params = topic_f.sql()
    b_sql, b_params = base_f.sql()
    weekly = cur.execute(
        f"""
        SELECT ?::DATE - (7 * (date_diff('day', day, ?::DATE) // 7))::INTEGER AS wk_end, count(*)
        FROM trace_index WHERE id IN ({t_sql}) AND day <= ? GROUP BY wk_end ORDER BY wk_end
        """,
        [end, end, *t_params, end],
    ).fetchall()
    (since,) = cur.execute(
        f"SELECT min(day) FROM trace_index WHERE id IN ({b_sql})", b_params
    ).fetchone()
    period = f"the {days} days to {end}"
    before = f"the {days} days before"
    if first > end - timedelta(days=days):  # the warehouse holds nothing before the period
        return f"{period}: no data before {start} in this home to compare with", weekly, since
    # The topic's traces, and the traces its facet classified in the same scope (its share,
    # the home's measure), in the period and the days before.
    counts = [
        cur.execute(
            f"""
            SELECT count(*) FILTER (WHERE day >= ?), count(*) FILTER (WHERE day < ?)
            FROM trace_index WHERE id IN ({sql}) AND day BETWEEN ? AND ?{extra}
            """,
            [start, start, *params, prev_start, end, *more],
        ).fetchone()
        for sql, params, extra, more in (
            (t_sql, t_params, "", []),
            (b_sql, b_params,
             " AND id IN (SELECT trace_id FROM classifications WHERE lower(facet) = lower(?))",
             [scope.facet]),
        )
    ]  # fmt: skip
    (last, prev), (b_last, b_prev) = counts
    partial = ""
    if first > prev_start:  # the data starts inside the days before: say the days there are
        there = (start - first).days
        before = f"the {there} day{'' if there == 1 else 's'} there {'is' if there == 1 else 'are'} before"
        partial = f" (data from {first} only)"
    if prev:
        growth = (last - prev) / prev
        change = f"{'+' if growth >= 0 else ''}{_pct(growth)}"
    else:
        # no baseline: the trend rule's new (none earlier either) or returning, not growth
        change = "no baseline to compare with"
    line = f"{period}: {last} traces vs {prev} in {before}{partial} ({change})"
    if b_last and b_prev:
        now_s, prev_s = last / b_last, prev / b_prev
        if prev_s:
            moved = (now_s - prev_s) / prev_s
            line += (
                f"; share of the {scope.facet} traffic {_pct(prev_s)} → {_pct(now_s)} "
                f"({'+' if moved >= 0 else ''}{_pct(moved)})"
            )
    # The mart's flag reads all traffic over the same two weeks: shown only when this line
    # compares exactly those, so the two never disagree ("new" beside "fading").
    flag = (priority or {}).get("trend")
    same = days == 7 and end == latest and replace(base_f, date_from=None, date_to=None).is_empty()
    # new / returning: the rule's own state for a topic with none in the days before
    if flag and same and (prev or flag in ("new", "returning")):
        line += f"; `marts.topic_priority` flags it **{flag}**"
    return line, weekly, since


def _representatives(
    cur: duckdb.DuckDBPyConnection, candidates: list[str], n: int
) -> list[tuple[str, Any, Any, Any, Any]]:
    """Up to n traces from the candidates (best first), one per customer first, so the quotes
    are not all from one account: (id, messages, customer, plan tier, created)."""
    if not candidates:
        return []
    rows = {
        r[0]: r
        for r in cur.execute(
            """
            SELECT r.id, r.messages, t.customer, t.plan_tier, r.created
            FROM raw_traces r JOIN trace_index t ON t.id = r.id
            WHERE r.id IN (SELECT unnest(?::VARCHAR[]))
            """,
            [candidates],
        ).fetchall()
    }
    ordered = [rows[c] for c in candidates if c in rows]
    picked, seen = [], set()
    for r in ordered:
        key = r[2] or r[0]
        if key not in seen:
            picked.append(r)
            seen.add(key)
    picked += [r for r in ordered if r not in picked]
    return picked[:n]


def _quote_user(messages: Any) -> list[str]:
    """The user's turns, verbatim, as Markdown quote lines."""
    if isinstance(messages, str):
        try:
            messages = loads_json(messages)
        except ValueError:  # not JSON or too deep: no turns to quote
            messages = None
    msgs = messages if isinstance(messages, list) else []
    out: list[str] = []
    for m in msgs:
        if not isinstance(m, dict) or m.get("role") != "user":
            continue
        content = m.get("content")
        if isinstance(content, list):  # OpenAI content parts
            content = "\n".join(
                p.get("text", "") if isinstance(p, dict) else str(p) for p in content
            )
        text = "" if content is None else str(content)
        if not text:
            continue
        cut = len(text) > MAX_QUOTE_CHARS
        body = text[:MAX_QUOTE_CHARS] + (" […cut…]" if cut else "")
        if out:
            out.append(">")
        out.append("> " + "\n> ".join(md_line(x) for x in body.splitlines() or [""]))
    return out


def faded_proposal(
    cur: duckdb.DuckDBPyConnection,
    f: TraceFilter,
    facet: str,
    topic_id: int,
    label: str,
    *,
    trace_url: str = "/?trace=",
) -> str | None:
    """The brief of a map topic with no traces in a dated filter (the home's window) that had
    some before it: it faded to zero. Says so, with its traces in as many days before the
    window, and its last traces (when, how many, links). None when the topic has no traces
    before the window either (nothing to say: the caller's 404). The home's Fading card lists
    such a topic ("10 → 0"); on the window alone its full brief had nothing to read."""
    if f.date_from is None:
        return None
    latest = cur.execute("SELECT max(day) FROM trace_index").fetchone()[0]
    if latest is None:
        return None
    end = min(f.date_to, latest) if f.date_to else latest
    days = max(1, (end - f.date_from).days + 1)
    start, prev_start = end - timedelta(days=days - 1), end - timedelta(days=2 * days - 1)
    base = replace(f, topics=tuple(t for t in f.topics if t.facet.lower() != facet.lower()))
    topic = replace(base, topics=(*base.topics, TopicFilter(facet, topic_id)))
    before = replace(topic, date_from=None, date_to=start - timedelta(days=1))
    b_sql, b_params = before.sql()
    last_day, total = cur.execute(
        f"SELECT max(day), count(*) FROM trace_index WHERE id IN ({b_sql})", b_params
    ).fetchone()
    if last_day is None:
        return None
    (prev,) = cur.execute(
        f"SELECT count(*) FROM trace_index WHERE id IN ({b_sql}) AND day >= ?",
        [*b_params, prev_start],
    ).fetchone()
    last = cur.execute(
        f"""SELECT t.id, t.day, c.summary FROM trace_index t
            LEFT JOIN facets c ON c.trace_id = t.id AND lower(c.facet) = lower(?)
            WHERE t.id IN ({b_sql}) ORDER BY t.day DESC, t.id LIMIT 5""",
        [facet, *b_params],
    ).fetchall()
    (on_last,) = cur.execute(
        f"SELECT count(*) FROM trace_index WHERE id IN ({b_sql}) AND day = ?",
        [*b_params, last_day],
    ).fetchone()
    quiet = (end - last_day).days
    lines = [
        f"# Roadmap proposal: {label}",
        "",
        f"*Topic {topic_id} of the {facet} map, facet `{facet}`. Generated "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC by tracetopics.*",
        "",
        "## Faded to zero",
        "",
        f"“{label}” has **no traces** in the {days} days to {end} ({start} to {end}) in this "
        f"scope. It had **{prev}** in the {days} days before ({prev_start} to "
        f"{start - timedelta(days=1)})"
        + (f", {total} in all before the window" if total != prev else "")
        + f". Its last {_n(on_last, 'trace')} {'was' if on_last == 1 else 'were'} on "
        f"**{last_day}**, {_n(quiet, 'day')} before the window's end.",
        "",
        "Whether it faded because the need went away (a fix shipped, a season ended) or "
        "because its traces now land in another topic or in no_match (a changed map) is "
        "not read here: open the days before the window for its full brief.",
        "",
        "## Its last traces",
        "",
    ]
    for tid, day, summary in last:
        text = f" — {summary}" if summary else ""
        lines.append(f"- {day}: [`{tid}`]({trace_url}{quote(tid)}){text}")
    if not base.is_empty() and not base.trace_ids:
        lines += ["", f"*Scope filter:* `{json.dumps(base.to_json(), default=str)}`"]
    return "\n".join(lines).rstrip() + "\n\n"


# ── the brief ───────────────────────────────────────────────────────────────────────────


def roadmap_proposal(
    cur: duckdb.DuckDBPyConnection,
    scope: TopicScope,
    *,
    marts: frozenset[str] = frozenset(),
    quotes: int = 4,
    trace_url: str = "/?trace=",
    label_names: Mapping[str, Mapping[str, str]] | None = None,
) -> str:
    """Markdown for one topic. `trace_url` + a trace id is the link to that trace's page.
    `label_names`: facet (lower-case) -> {label value: how it reads} (`Facet.label_names`, the
    page's own rule), so the brief says "Failed tool call" where the page does."""

    def reads(facet: str | None) -> Callable[[str], str]:
        names = (label_names or {}).get((facet or "").lower(), {})
        return lambda value: names.get(value, value)

    t_sql, t_params = scope.in_topic.sql()
    b_sql, b_params = scope.base.sql()
    span = cur.execute(
        f"SELECT min(day), max(day) FROM trace_index WHERE id IN ({t_sql})", t_params
    ).fetchone()
    priority = _priority(cur, marts, scope)
    trend_line, weekly, since = _trend(cur, scope, priority)
    sentiment = _facet_named(cur, "Sentiment")
    issues = _facet_named(cur, "Issues")
    rates = _rates(cur, t_sql, t_params, sentiment, issues)
    base_rates = _rates(cur, b_sql, b_params, sentiment, issues)
    neg = rates["negative"].share if sentiment else None
    neg_base = base_rates["negative"].share if sentiment and base_rates["negative"].known else None
    calls = versus_scope(
        [(r.hit, r.known, base_rates[k].hit, base_rates[k].known) for k, r in rates.items()],
        Thresholds(),
    )
    versus = {k: c.call for k, c in zip(rates, calls, strict=True)}
    # A topic of the Issues (or Sentiment) facet judged by that facet is circular ("100 % show
    # an agent issue"): its own measure is left out, and its traces are read by their tasks.
    own = scope.facet.lower()
    circular = own in {(issues or "").lower(), (sentiment or "").lower()}
    gap, gap_short = (
        (None, "")
        if circular
        else _against_scope(
            gap_kind(cur, t_sql, t_params, sentiment, issues, reads(issues)), rates, base_rates
        )
    )
    if own == (sentiment or "").lower():
        neg = None
    tasks = _task_mix(cur, t_sql, t_params, scope.facet)
    customers = cur.execute(
        f"""
        SELECT coalesce(customer, '(unknown)'), count(*) AS n FROM trace_index
        WHERE id IN ({t_sql}) GROUP BY ALL ORDER BY n DESC LIMIT 8
        """,
        t_params,
    ).fetchall()
    n_customers, n_base = (
        cur.execute(
            f"SELECT count(DISTINCT customer) FROM trace_index WHERE id IN ({sql})", params
        ).fetchone()[0]
        for sql, params in ((t_sql, t_params), (b_sql, b_params))
    )
    # "36 customers" reads as reach only beside how many the scope has (often all of them)
    of_base = f"{n_customers} of the scope's {_n(n_base, 'customer')}"
    plans = cur.execute(
        f"""
        SELECT coalesce(plan_tier, '(unknown)'), count(*) AS n FROM trace_index
        WHERE id IN ({t_sql}) GROUP BY ALL ORDER BY n DESC
        """,
        t_params,
    ).fetchall()
    reps = _representatives(cur, scope.candidates, quotes)

    total = scope.count or 1
    label = md_text(scope.label)
    problem = [
        f"{scope.count} conversations ({_pct(scope.share)} of the {scope.facet} traffic in "
        f"scope) are about “{label}”."
    ]
    if neg is not None and neg_base is not None:
        side = {"above": "clearly above", "below": "clearly below"}.get(
            versus["negative"], "not distinguished from"
        )
        problem.append(
            f"{_pct(neg)} of them are negative or mixed, {side} the {_pct(neg_base)} of the "
            "whole scope."
        )
    if gap and gap[0] in ("Agent failure", "Product gap"):
        problem.append(f"By the Issues facet this looks like: **{gap[0].lower()}** ({gap_short}).")
    elif gap and gap_short:
        problem.append(f"By the Issues facet it is not distinguished from its scope ({gap_short}).")
    elif gap:
        problem.append(f"By the Issues facet the cause is unclear. {_CONCLUSIONS[gap[0]]}")
    if tasks:
        problem.append(
            "Its traces are most often about "
            + ", ".join(f"“{md_text(lab)}” ({_pct(n / total)})" for lab, n in tasks)
            + " (Task topics)."
        )
    top_plan = plans[0] if plans else None
    if top_plan:
        problem.append(
            f"{of_base} raised it; the most common plan tier is "
            f"{md_text(top_plan[0])} ({_pct(top_plan[1] / total)})."
        )

    lines = [
        f"# Roadmap proposal: {label}",
        "",
        f"*{scope.source[0].upper()}{scope.source[1:]}, facet `{scope.facet}`. Generated "
        f"{datetime.now(UTC):%Y-%m-%d %H:%M} UTC by tracetopics from traces of {span[0]} to "
        f"{span[1]}.*"
        if span and span[0]
        else "",
        "",
        "## Problem statement",
        "",
        " ".join(problem),
        "",
        "## Who is affected",
        "",
        f"{of_base}. Top accounts and plan tiers:",
        "",
        "| customer | traces | share |",
        "|---|---:|---:|",
    ]
    lines += [f"| {md_text(c)} | {n} | {_pct(n / total)} |" for c, n in customers]
    lines += ["", "| plan tier | traces | share |", "|---|---:|---:|"]
    lines += [f"| {md_text(p)} | {n} | {_pct(n / total)} |" for p, n in plans]

    lines += ["", "## Impact", ""]
    lines.append(
        f"- **Volume:** {scope.count} traces"
        + (
            f" (rank {scope.rank} of {scope.n_ranked} topics by volume in scope)"
            if scope.rank
            else ""
        )
        + "."
    )
    lines.append(
        f"- **Share:** {_pct(scope.share)} of the {scope.facet} traffic in scope "
        f"({scope.scope_total} traces, {_pct(scope.no_match_share)} unmatched)."
    )
    lines.append(f"- **Trend:** {trend_line}.")
    if neg is not None and neg_base is not None:
        lines.append(f"- **Pain:** {_pct(neg)} negative or mixed vs {_pct(neg_base)} overall.")
    # The plan counted is the mart's top_plan, the configured plan of the highest value (review
    # rv13 M3: 'enterprise' by name); a mart from before it had column names 'enterprise'.
    top = (priority or {}).get("top_plan", "enterprise") if priority else "enterprise"
    enterprise = next((n for p, n in plans if top and str(p).lower() == top.lower()), 0)
    # One figure per name, each with its window (review rv8 P2: "Account value: 0.89 (the mart's
    # raw mean)" above "account value 87/100" (its shrunk score) in the mart's `why`, whose
    # enterprise share and volume rank are over the mart's days, not the scope's).
    ranked_over = ranking_window(
        (priority or {}).get("window_days"), (priority or {}).get("data_days")
    )
    account = (
        f"- **Account value:** {_pct(enterprise / total)} of the traces in scope are {top}"
        if top
        else "- **Account value:** not weighed: no plan tiers are configured "
        "(TRACETOPICS_PLAN_WEIGHTS, docs/configuration.md)"
    )
    if top and priority and priority.get("account_score") is not None:
        account += (
            f"; account score {int(100 * float(priority['account_score']) + 0.5)}/100 over the "
            f"{ranked_over} (`marts.topic_priority`: mean plan-tier weight, pulled toward the "
            "average on few traces)"
        )
    elif top and priority and priority.get("account_value") is not None:
        account += (
            f"; mean plan-tier weight {priority['account_value']:.2f} over the {ranked_over} "
            "(`marts.topic_priority`)"
        )
    lines.append(account + ".")
    if priority:
        why = f" — {priority['why']}" if priority.get("why") else ""
        score = priority.get("priority_score")
        lines.append(
            f"- **Priority rank** ({ranked_over}): {priority['priority_rank']} of "
            f"{priority['n']} in `marts.topic_priority`"
            + (f" (score {score:.2f})" if isinstance(score, int | float) else "")
            + f"{why}."
        )
    elif scope.rank:
        lines.append(
            f"- **Priority rank:** not scored by `marts.topic_priority`; rank {scope.rank} of "
            f"{scope.n_ranked} by volume."
        )
    if scope.keywords:
        lines.append(f"- **Keywords:** {', '.join(md_text(k) for k in scope.keywords[:10])}")
    if not scope.base.is_empty() and not scope.base.trace_ids:
        lines.append(
            f"- **Scope filter:** {md_code(json.dumps(scope.base.to_json(), default=str))}"
        )
    lines += ["", "### Weekly volume", "", "| 7 days to | traces |", "|---|---:|"]
    lines += [
        f"| {wk} (data from {since}: {(wk - since).days + 1} days) | {n} |"
        if since is not None and wk - timedelta(days=6) < since
        else f"| {wk} | {n} |"
        for wk, n in weekly
    ]
    lines.append("")
    for title, fct in (("Sentiment mix", sentiment), ("Issues mix", issues)):
        if fct:
            lines.append(
                _mix_table(
                    title,
                    _mix(cur, t_sql, t_params, fct),
                    _mix(cur, b_sql, b_params, fct),
                    reads(fct),
                )
            )

    lines += ["## Product gap or agent failure", ""]
    if gap:
        lines += [f"**{gap[0]}.** {gap[1]}", ""]
    elif circular:
        lines += [
            f"Not asked: the topic is a label of the {scope.facet} facet, which this verdict is "
            "read from. The Task topics its traces hold are in the problem statement.",
            "",
        ]
    else:
        lines += ["Not enough data: the topic has no negative conversations with Issues.", ""]

    lines += ["## What users ask for", ""]
    for s in scope.samples:
        ref = f" ([trace]({trace_url}{quote(s['trace_id'])}))" if s.get("trace_id") else ""
        lines.append(f"- {md_text(s['summary'])}{ref}")
    lines += ["", f"## Representative quotes ({len(reps)}, verbatim)", ""]
    for i, (tid, messages, customer, plan, created) in enumerate(reps, 1):
        lines.append(
            f"### {i}. [{md_code(tid)}]({trace_url}{quote(tid)}) — "
            f"{md_text(customer or 'unknown customer')} ({md_text(plan or 'unknown plan')}), "
            f"{created:%Y-%m-%d}"
        )
        lines.append("")
        lines += _quote_user(messages) or ["> (no user message)"]
        lines.append("")
    lines += ["## Recommendation", "", ""]
    return "\n".join(lines).rstrip() + "\n\n"
