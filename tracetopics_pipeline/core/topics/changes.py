"""What changed: the facts behind the explorer's home, `tracetopics digest` and `topic_alerts`.

One computation over the warehouse (or the explorer's snapshot, which keeps the same tables):
the trailing window of `since_days` days, ending at the latest classified day, against the
window of the same length before it.

- new / returning / growing / fading: the one trend rule, SQL the marts run too (`trend_rule`,
  dbt_project/macros/trend_rule.sql). New: `min_new` traces in the window, none before it (its
  first classified trace falls in the window) while the facet's window before holds traffic on
  half its days (a new id over older traffic is a map's re-cut: its re-classified traces go back
  further, so it is not new). Returning: `min_new` traces in the window, none in the window
  before, some earlier (back after a gap; not new, and with no baseline not growing).
  Growing / fading: the topic's share of its facet moved by at least
  `min_change` (relative), is significant (two-proportion z >= `min_z`, and Benjamini-Hochberg
  at `fdr` over the facet's topics) and rests on `min_volume` traces (this window for growing,
  the one before for fading); marts.topic_priority's trend is this rule over the last 7 days;
- over-indexed: the share of the topic's traces that are negative (Sentiment NEGATIVE or MIXED)
  or show an agent issue (Issues not NONE) is `min_lift` times the facet's baseline or more (or
  leaves `min_lift` times less: `versus_scope`),
  significant against the rest of the facet (same FDR), with `min_events` such traces (the
  intent facet first; other facets at most `PER_FACET` items per measure). Facets that measure
  pain themselves (`measures_pain: true` in their definition: Sentiment, Churn risk) are not
  measured: their unhappy labels are unhappy by construction;
- capability gaps: Task topics (a clear intent) unhappier than the baseline, split by the
  Issues facet: no agent issue points at a product gap, an agent issue at an agent failure.
  The one gap rule, SQL marts.capability_gaps runs too (`gap_rule`,
  dbt_project/macros/gap_rule.sql; the roadmap proposal's rule too; a kind is named at
  `side_share`, on `min_gap_side` traces or more). A topic where neither kind dominates goes
  to `unclear_gaps`, never under a heading that names a kind;
- priorities: the top of `marts.topic_priority` with its plain-words `why`.

Every item names its facet, topic id, label and level ('topic' on one-level maps; 'parent' or
'sub' with the parent's id and label once maps have two levels). Alerts are a selection of these
facts (`alerts.py`), never a second computation.

The explorer's home computes the same facts on a slice (its filters: `within`, a SELECT of trace
ids); the digest and the alerts read the whole traffic. A section left empty because the slice is
too thin for its rule says so in `notes`, in plain words.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Collection, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from tracetopics_pipeline.core.topics import gap_rule, trend_rule
from tracetopics_pipeline.core.topics.report import TOPIC_LATEST
from tracetopics_pipeline.core.warehouse import NO_MATCH, column_names

if TYPE_CHECKING:
    import duckdb

log = logging.getLogger(__name__)

NEGATIVE = ("NEGATIVE", "MIXED")  # the marts' "negative or mixed" (trace_facts, topic_priority)
PER_FACET = 2  # over-indexed items shown per facet and measure, beyond the intent facet's
SECTIONS = (
    "new",
    "returning",
    "growing",
    "fading",
    "over_indexed",
    "product_gaps",
    "agent_failures",
    "unclear_gaps",
    "priorities",
)
SECTION_TITLES = {
    "new": "New topics",
    "returning": "Returning topics",
    "growing": "Growing",
    "fading": "Fading",
    "over_indexed": "More pain than usual",
    "product_gaps": "Capability gaps: product gaps",
    "agent_failures": "Capability gaps: agent failures",
    "unclear_gaps": "Capability gaps: unhappy, cause unclear",
    "priorities": "Top priorities",
}


@dataclass
class Thresholds:
    # The trend rule's thresholds are the marts' (dbt vars, `trend_rule`): one rule, one setting.
    min_volume: int = field(default_factory=lambda: int(trend_rule.default("trend_min_volume")))
    # traces a growing (this window) or fading (window before) topic needs
    min_change: float = field(
        default_factory=lambda: float(trend_rule.default("trend_share_change"))
    )  # relative change of the share of the facet
    min_z: float = field(default_factory=lambda: float(trend_rule.default("trend_min_z")))
    # two-proportion z of the change (or of the over-index against the rest)
    fdr: float = field(default_factory=lambda: float(trend_rule.default("trend_fdr")))
    # Benjamini-Hochberg false-discovery rate over a facet's topics
    # The gap rule's thresholds are the marts' too (dbt vars, `gap_rule`).
    min_lift: float = field(default_factory=lambda: float(trend_rule.default("gap_min_lift")))
    # over-index: topic rate / facet baseline
    min_events: int = field(default_factory=lambda: int(trend_rule.default("gap_min_events")))
    # over-index and gaps: negative (or issue) traces in the window
    min_gap_side: int = field(default_factory=lambda: int(trend_rule.default("gap_min_side")))
    # gaps: negative traces on the side that names the kind (or, unclear, read by Issues in all)
    side_share: float = field(default_factory=lambda: float(trend_rule.default("gap_side_share")))
    # gaps: a kind is named when its side holds this share of the negative traces Issues read
    min_new: int = field(default_factory=lambda: int(trend_rule.default("trend_min_new")))
    # traces a new (or returning) topic needs in the window
    limit: int = 8  # items per section


@dataclass
class Fact:
    """One line of the home: a topic and why it is there."""

    kind: str  # new | returning | growing | fading | negative | issues | product_gap |
    # agent_failure | unclear_gap | priority
    facet: str
    topic_id: int
    label: str
    why: str
    traces: int  # the topic's traces in the window
    level: str = "topic"  # topic (one-level maps) | parent | sub
    parent_id: int | None = None
    parent_label: str | None = None
    numbers: dict[str, Any] = field(default_factory=dict)


def ranking_window(window_days: int | None, data_days: int | None = None) -> str:
    """The priority ranking's window in words: "last 28 days, all traffic", or "the 21 days there
    are, all traffic" when the data starts inside it (review rv8 L3)."""
    if not window_days:
        return "all traffic"
    if data_days and data_days < window_days:
        return f"the {data_days} days there are, all traffic"
    return f"last {window_days} days, all traffic"


@dataclass
class Changes:
    since_days: int
    start: date | None  # the window, inclusive; None when nothing is classified
    end: date | None
    prev_start: date | None
    prev_end: date | None
    traces: int = 0  # traces classified in the window (any facet)
    prev_traces: int = 0
    prev_days: int = 0  # days of the window before that hold classified traces
    # what the window is compared with, in words (`compared_with`): "week over week", or
    # "against the 7 days there are before" when the data starts inside the window before
    compared: str = ""
    sections: dict[str, list[Fact]] = field(default_factory=lambda: {s: [] for s in SECTIONS})
    spend: dict[str, Any] | None = None  # filled by callers that know the settings
    filtered: bool = False  # computed on a slice of the traffic (the explorer's filters)
    priority_days: int | None = None  # the window the priority mart ranks over (its `why` says)
    priority_data_days: int | None = None  # of those, the days the data covers
    first_day: date | None = None  # the window's first day with classified traces
    # section -> why it is empty (too little data for its rule) or how to read it, plain words
    notes: dict[str, str] = field(default_factory=dict)
    # the notes' keys that say a rule had too little data to run (the page's warning); the
    # other notes are information: what the rule found, or how to read the section
    short: list[str] = field(default_factory=list)

    def facts(self) -> list[Fact]:
        return [f for s in SECTIONS for f in self.sections[s]]

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        for k in ("start", "end", "prev_start", "prev_end", "first_day"):
            out[k] = out[k].isoformat() if out[k] else None
        out["titles"] = SECTION_TITLES
        return out


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%" if abs(x) >= 0.1 or x == 0 else f"{100 * x:.1f}%"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def versus_scope(
    rows: Sequence[tuple[int, int, int, int]], th: Thresholds
) -> list[gap_rule.Versus]:
    """For each (x, n, total_x, total_n): a topic's rate x/n against its scope's (the topic's
    traces included), by the one rule in SQL (`gap_rule.versus_calls`, macros/gap_rule.sql
    `tt_versus_scope`): above at `min_lift` times the scope's rate (or its rest `min_lift` times
    smaller, so a mostly unhappy scope still lets a topic stand out), a z of `min_z` against
    the rest of the scope, on `min_events` traces; below the mirror image; else same."""
    return gap_rule.versus_calls(
        rows, min_lift=th.min_lift, min_events=th.min_events, min_z=th.min_z
    )


def one_sided_p(z: float) -> float:
    """P(Z >= z) under the normal approximation."""
    return 0.5 * math.erfc(z / math.sqrt(2))


def fdr_keep(pvalues: list[float], q: float) -> list[bool]:
    """Benjamini-Hochberg: which of these tests to keep at false-discovery rate q. A facet has
    dozens of topics; at z >= 2 alone a few would move by chance every week."""
    m = len(pvalues)
    order = sorted(range(m), key=lambda i: pvalues[i])
    cut = 0
    for rank, i in enumerate(order, start=1):
        if pvalues[i] <= q * rank / m:
            cut = rank
    keep = [False] * m
    for i in order[:cut]:
        keep[i] = True
    return keep


def _two_levels(conn: duckdb.DuckDBPyConnection) -> bool:
    """Classifications carry a fine topic under the parent (two-level maps, issue 12)."""
    if "subtopic_id" not in column_names(conn, "classifications"):
        return False
    return bool(
        conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM classifications "
            "WHERE subtopic_id IS NOT NULL AND subtopic_id <> topic_id LIMIT 1)"
        ).fetchone()[0]
    )


def _levels(conn: duckdb.DuckDBPyConnection) -> list[tuple[str, str, str]]:
    """(level, id expression, parent id expression) over `classifications c`. A subtopic equal
    to its parent (a label with one sub) is the parent's item, not a second one."""
    if _two_levels(conn):
        return [("parent", "c.topic_id", "NULL"), ("sub", "c.subtopic_id", "c.topic_id")]
    return [("topic", "c.topic_id", "NULL")]


class _Window:
    def __init__(self, end: date, days: int) -> None:
        self.end = end
        self.start = end - timedelta(days=days - 1)
        self.prev_end = self.start - timedelta(days=1)
        self.prev_start = self.prev_end - timedelta(days=days - 1)


def compute_changes(
    conn: duckdb.DuckDBPyConnection,
    *,
    since_days: int = 7,
    end: date | None = None,
    thresholds: Thresholds | None = None,
    task_facet: str = "Task",
    sentiment_facet: str = "Sentiment",
    issues_facet: str = "Issues",
    within: str | None = None,
    params: Sequence[Any] = (),
    pain_facets: Collection[str] | None = None,
    default_labels: Collection[tuple[str, str]] | None = None,
) -> Changes:
    """The facts of the window of `since_days` days ending at `end` (default: the latest
    classified day) against the window before it. Read-only, except that a `within` slice (a
    SELECT of trace ids with its `params`, e.g. the explorer's filter) is held in a temporary
    table of this connection for the duration of the call. `pain_facets`: the facets that
    measure pain themselves (default: the configured facets with `measures_pain`);
    `default_labels`: (facet, label) pairs of each labelled facet's default ("No issue"), left
    out of "more pain than usual" (default: the configured facets')."""
    if since_days < 1:
        raise ValueError("the window must be at least one day")
    pain = {f.lower() for f in (pain_facets if pain_facets is not None else _pain_facets())}
    if default_labels is None:
        default_labels = _default_labels()
    defaults = frozenset((f.lower(), lab.lower()) for f, lab in default_labels)
    if within is None:
        return _compute(conn, since_days, end, thresholds or Thresholds(), task_facet,
                        sentiment_facet, issues_facet, pain, scope="", defaults=defaults)  # fmt: skip
    # Materialized once: every query below reads the slice, and they bind parameters by name.
    conn.execute(f"CREATE OR REPLACE TEMP TABLE changes_scope AS SELECT * FROM ({within})", params)
    try:
        out = _compute(conn, since_days, end, thresholds or Thresholds(), task_facet,
                       sentiment_facet, issues_facet, pain, scope=SCOPE, defaults=defaults)  # fmt: skip
    finally:
        conn.execute("DROP TABLE IF EXISTS changes_scope")
    out.filtered = True
    return out


def _pain_facets() -> list[str]:
    from tracetopics_pipeline.core.facets.definitions import FacetConfigError, load_facets

    try:
        return [f.name for f in load_facets() if f.measures_pain]
    except FacetConfigError as e:  # the home and the digest read the warehouse, not the file
        log.warning("facet file unreadable (%s): no facet is taken to measure pain", e)
        return []


def _default_labels() -> list[tuple[str, str]]:
    from tracetopics_pipeline.core.facets.definitions import FacetConfigError, load_facets

    try:
        facets = load_facets()
    except FacetConfigError:  # said once by _pain_facets
        return []
    return [
        (f.name, name) for f in facets if f.default_label for name in (f.default_label, f.none_text)
    ]


# The slice, as a condition on `classifications c` (changes_scope holds its trace ids).
SCOPE = "AND c.trace_id IN (SELECT * FROM changes_scope)"


def _compute(
    conn: duckdb.DuckDBPyConnection,
    since_days: int,
    end: date | None,
    th: Thresholds,
    task_facet: str,
    sentiment_facet: str,
    issues_facet: str,
    pain_facets: set[str],
    *,
    scope: str,
    defaults: frozenset[tuple[str, str]] = frozenset(),
) -> Changes:
    if end is None:
        sql = f"SELECT max(day) FROM classifications c WHERE true {scope}"
        end = conn.execute(sql).fetchone()[0]
    if end is None:
        out = Changes(since_days, None, None, None, None)
        if scope:
            out.notes["all"] = "No classified traces in this slice."
            out.short = ["all"]
        return out
    w = _Window(end, since_days)
    out = Changes(since_days, w.start, w.end, w.prev_start, w.prev_end)
    out.traces, out.prev_traces, out.prev_days, out.first_day = conn.execute(
        f"""SELECT count(DISTINCT trace_id) FILTER (WHERE day >= ?),
                  count(DISTINCT trace_id) FILTER (WHERE day < ?),
                  count(DISTINCT day) FILTER (WHERE day < ?),
                  min(day) FILTER (WHERE day >= ?)
           FROM classifications c WHERE day BETWEEN ? AND ? {scope}""",
        [w.start, w.start, w.start, w.start, w.prev_start, w.end],
    ).fetchone()
    # A window before that is mostly empty (the data starts inside it) makes every topic look
    # new or growing ("+1200 %" on two days of warm-up): compare only on half its days or more.
    thin = 0 < out.prev_days < since_days / 2
    out.compared = compared_with(since_days, out.prev_days)
    units: list[TopicWindow] = []
    by_level: list[tuple[str, list[TopicWindow]]] = []
    for level, id_sql, parent_sql in _levels(conn):
        rows = _unit_rows(conn, w, id_sql, parent_sql, sentiment_facet, issues_facet, scope)
        units = units or rows  # the top level (parents, or the one level) judges the notes
        by_level.append((level, rows))
        if not thin:
            for section, facts in _trends(conn, rows, level, th, since_days, out.prev_days).items():
                out.sections[section] += facts
    for section, facts in capability_gaps(by_level, th, task_facet).items():
        out.sections[section] += facts
    out.sections["over_indexed"] = _over_indexed(
        by_level, th, sentiment_facet, issues_facet, pain_facets, defaults
    )
    out.sections["priorities"] = _priorities(conn, th, scope)
    if "window_days" in column_names(conn, "topic_priority", "marts"):
        row = conn.execute("SELECT max(window_days) FROM marts.topic_priority").fetchone()
        out.priority_days = int(row[0]) if row and row[0] is not None else None
    if "data_days" in column_names(conn, "topic_priority", "marts"):
        row = conn.execute("SELECT max(data_days) FROM marts.topic_priority").fetchone()
        out.priority_data_days = int(row[0]) if row and row[0] is not None else None
    _rank_and_cut(out, th.limit, task_facet)
    out.notes, out.short = _notes(out, units, th, task_facet, issues_facet, scoped=bool(scope))
    return out


def _notes(
    out: Changes, units: list[TopicWindow], th: Thresholds, task: str, issues: str, *, scoped: bool
) -> tuple[dict[str, str], list[str]]:
    """Why a section is empty when its rule had too little to go on, in plain words (an empty
    section with enough data simply had nothing significant), and the keys of those notes
    (`Changes.short`); the others say what a rule found or how to read a section."""
    notes: dict[str, str] = {}
    days = out.since_days
    where = "this slice" if scoped else "the traffic"
    real = [u for u in units if u.topic_id != NO_MATCH]
    info: set[str] = set()  # notes that are information, not a shortfall of data

    def most(values: list[int]) -> int:
        return max(values, default=0)

    if not out.traces:
        notes["all"] = f"No classified traces in {where} between {out.start} and {out.end}."
        return notes, ["all"]
    s = out.sections
    before = f"the {days} days before"
    if not s["new"]:
        if not out.prev_traces:  # the trend rule calls a topic new against the days before
            notes["new"] = (
                f"Too little data: {where} has no traces in {before}, so nothing can be called new."
            )
        elif most([u.n_now for u in real]) < th.min_new:
            notes["new"] = f"Too little data: no topic has {th.min_new} traces in the window."
    if 0 < out.prev_days < days / 2:
        msg = (
            f"Too little data: {before} hold traces on {out.prev_days} of their days only, "
            "so growth and new topics would be the data starting; choose a shorter window."
        )
        notes["new"] = notes["returning"] = notes["growing"] = notes["fading"] = msg
        notes["trends"] = msg  # the four sections' one reason: the home says it once
    elif not out.prev_traces:  # then neither rule has anything to compare with
        msg = f"Too little data: {where} has no traces in {before}, nothing to compare with."
        notes["returning"] = notes["growing"] = notes["fading"] = msg
        notes["trends"] = (
            f"Too little data: {where} has no traces in {before}, and new, returning, growing "
            "and fading topics are all read against them."
        )
    else:
        grow = most([u.n_now for u in real if u.n_prev])
        if not s["growing"] and grow < th.min_volume:
            notes["growing"] = (
                f"Too little data: growth is judged on topics with {th.min_volume} traces in the "
                f"window and some in {before}; the largest here has {grow}."
            )
        fade = most([u.n_prev for u in real])
        if not s["fading"] and fade < th.min_volume:
            notes["fading"] = (
                f"Too little data: fading is judged on topics with {th.min_volume} traces in "
                f"{before}; the largest here had {fade}."
            )
    if not s["over_indexed"] and most([max(u.neg, u.iss) for u in real]) < th.min_events:
        notes["over_indexed"] = (
            f"Too little data: no topic has {th.min_events} negative traces or "
            f"{th.min_events} with an agent issue in the window."
        )
    tasks = [u for u in real if u.facet.lower() == task.lower()]
    if not (s["product_gaps"] or s["agent_failures"] or s["unclear_gaps"]):
        # One note for the three sections: the home shows them as one card then, saying why
        # once (review rv12 L8: three empty cards side by side on a week of data).
        notes["gaps"], short = gap_note(tasks, th, task, issues, where)
        if not short:
            info.add("gaps")
    if scoped:
        notes["priorities"] = (
            "Ranked over all traffic (the priority mart); shown: the topics with traces in "
            "this slice, with their traces in it."
            if s["priorities"]
            else "No topic of the priority ranking has traces in this slice."
        )
        info.add("priorities")
    # Every other note says a rule had too little data (new, trends, growing, fading, ...).
    return notes, [k for k in notes if k not in info]


def gap_note(
    tasks: list[TopicWindow], th: Thresholds, task: str, issues: str, where: str = "the traffic"
) -> tuple[str, bool]:
    """Why no Task topic is a capability gap, in one sentence, and whether it is a shortfall of
    data: too little to read (True), or what the gap rule (macros/gap_rule.sql) needs, with the
    Task traffic's numbers and how close the unhappiest topic comes (False)."""
    if not tasks:
        return f"No {task} topics in {where}: gaps are read on a clear intent.", True
    read = [u for u in tasks if u.neg_agent + u.neg_none >= th.min_gap_side]
    if not read:  # fewer than a kind needs to be named (capability_gaps)
        return (
            f"Too little data: no {task} topic has {th.min_gap_side} negative traces that "
            f"{issues} read in the window."
        ), True
    total_neg, total_sent = sum(u.neg for u in tasks), sum(u.sent for u in tasks)
    base = total_neg / total_sent if total_sent else 0.0
    need = (
        f"No capability gap in the window: a {task} topic is one when its users are clearly "
        f"unhappier than {task}'s {_pct(base)} negative or mixed ({th.min_lift:g}× that share, "
        f"z ≥ {th.min_z:g}), on at least {th.min_gap_side} negative or mixed traces that "
        f"{issues} read."
    )
    top = max((u for u in read if u.sent), key=lambda u: (u.neg / u.sent, u.neg), default=None)
    if top is None or not base:
        return need, False
    (call,) = versus_scope([(top.neg, top.sent, total_neg, total_sent)], th)
    rate = top.neg / top.sent
    return (
        f"{need} The unhappiest, “{top.label}”, is at {_pct(rate)} ({rate / base:.1f}×, "
        f"z {call.z:.1f}) on {_plural(top.sent, 'trace')}."
    ), False


# Per trace: negative (NULL without a Sentiment label) and issue (NULL without an Issues row
# that says something): the definitions of marts.trace_facts.
FLAGS = """
flags AS (
    SELECT trace_id,
           bool_or(list_contains($negative::VARCHAR[], label))
               FILTER (WHERE lower(facet) = lower($sentiment) AND label IS NOT NULL) AS negative,
           bool_or(NOT (status = 'excluded'
                        OR upper(trim(coalesce(label, summary, ''))) LIKE 'NONE%'))
               FILTER (WHERE lower(facet) = lower($issues) AND status IN ('ok', 'excluded'))
               AS issue
    FROM facet_summaries
    WHERE lower(facet) IN (lower($sentiment), lower($issues))
    GROUP BY trace_id
)
"""


@dataclass
class TopicWindow:
    """One topic's counts in the window and the window before (the digest's unit of work)."""

    facet: str
    topic_id: int
    label: str
    parent_id: int | None
    parent_label: str | None
    n_now: int
    n_prev: int
    facet_now: int
    facet_prev: int
    first_day: date
    facet_first_day: date
    neg: int  # this window: negative traces
    sent: int  # ... traces with a Sentiment label
    iss: int  # ... traces with an agent issue
    iss_known: int  # ... traces the Issues facet read
    neg_agent: int  # negative traces with an agent issue
    neg_none: int  # negative traces where Issues says NONE
    n_older: int = 0  # traces before the window before (0: never seen before the window)
    last_before: date | None = None  # the last day before the window with traces of the topic


def _unit_rows(
    conn: duckdb.DuckDBPyConnection,
    w: _Window,
    id_sql: str,
    parent_sql: str,
    sentiment: str,
    issues: str,
    scope: str = "",
) -> list[TopicWindow]:
    rows = conn.execute(
        f"""
        WITH {TOPIC_LATEST.strip()}, {FLAGS.strip()},
        c AS (
            SELECT c.facet, {id_sql} AS tid, {parent_sql} AS pid, c.label AS cls_label,
                   c.trace_id, c.day
            FROM classifications c
            WHERE {id_sql} IS NOT NULL AND ({parent_sql} IS NULL OR {id_sql} <> {parent_sql})
              {scope}
        ),
        -- A topic's share is of every classified trace of its facet, at both levels (a
        -- subtopic's too: review rv8 L5, 4.3 % of the Task traces with a subtopic on the home
        -- vs 4.1 % of the Task traffic in its proposal).
        totals AS (
            SELECT c.facet, count(*) FILTER (WHERE c.day >= $start) AS facet_now,
                   count(*) FILTER (WHERE c.day < $start) AS facet_prev
            FROM classifications c WHERE c.day BETWEEN $prev_start AND $end {scope}
            GROUP BY c.facet
        ),
        firsts AS (
            SELECT facet, tid, min(day) AS first_day,
                   count(*) FILTER (WHERE day < $prev_start) AS n_older,
                   max(day) FILTER (WHERE day < $start) AS last_before
            FROM c GROUP BY ALL
        ),
        facet_firsts AS (SELECT facet, min(day) AS facet_first_day FROM c GROUP BY facet),
        win AS (
            SELECT c.*, c.day >= $start AS cur, f.negative, f.issue
            FROM c LEFT JOIN flags f USING (trace_id)
            WHERE c.day BETWEEN $prev_start AND $end
        ),
        per AS (
            SELECT facet, tid, any_value(pid) AS pid, any_value(cls_label) AS cls_label,
                   count(*) FILTER (WHERE cur) AS n_now,
                   count(*) FILTER (WHERE NOT cur) AS n_prev,
                   count(*) FILTER (WHERE cur AND negative) AS neg,
                   count(*) FILTER (WHERE cur AND negative IS NOT NULL) AS sent,
                   count(*) FILTER (WHERE cur AND issue) AS iss,
                   count(*) FILTER (WHERE cur AND issue IS NOT NULL) AS iss_known,
                   count(*) FILTER (WHERE cur AND negative AND issue) AS neg_agent,
                   count(*) FILTER (WHERE cur AND negative AND NOT issue) AS neg_none
            FROM win GROUP BY facet, tid
        )
        SELECT p.facet, p.tid, coalesce(tl.label, p.cls_label, '') AS label,
               p.pid, coalesce(pl.label, '') AS parent_label,
               p.n_now, p.n_prev,
               tot.facet_now, tot.facet_prev,
               fi.first_day, ff.facet_first_day,
               p.neg, p.sent, p.iss, p.iss_known, p.neg_agent, p.neg_none,
               fi.n_older, fi.last_before
        FROM per p
        JOIN firsts fi USING (facet, tid)
        JOIN facet_firsts ff USING (facet)
        JOIN totals tot USING (facet)
        LEFT JOIN topic_latest tl ON tl.facet = p.facet AND tl.topic_id = p.tid
        LEFT JOIN topic_latest pl ON pl.facet = p.facet AND pl.topic_id = p.pid
        ORDER BY p.facet, p.tid
        """,
        {
            "start": w.start,
            "prev_start": w.prev_start,
            "end": w.end,
            "negative": list(NEGATIVE),
            "sentiment": sentiment,
            "issues": issues,
        },
    ).fetchall()
    units = []
    for r in rows:
        u = TopicWindow(*r)
        if u.parent_id is None:
            u.parent_label = None
        units.append(u)
    return units


def _fact(u: TopicWindow, level: str, kind: str, why: str, **numbers: Any) -> Fact:
    return Fact(
        kind=kind,
        facet=u.facet,
        topic_id=int(u.topic_id),
        label=u.label,
        why=why,
        traces=int(u.n_now),
        level=level,
        parent_id=None if u.parent_id is None else int(u.parent_id),
        parent_label=u.parent_label,
        numbers=numbers,
    )


def compared_with(days: int, prev_days: int) -> str:
    """What a window of `days` is compared with, in words: "week over week", "against the 14
    days before", or "against the 7 days there are before" when the data starts inside the
    window before (review rv8: a 14-day window on 21 days of data read "against the 14 days
    before" while those held 7 days of traces)."""
    if prev_days == 0:  # not "against the 0 days there are before" (a week of data)
        return f"against the {days} days before (none has traces)"
    if prev_days < days:
        return f"against the {_plural(prev_days, 'day')} there {'is' if prev_days == 1 else 'are'} before"
    return "week over week" if days == 7 else f"against the {days} days before"


def _trends(
    conn: duckdb.DuckDBPyConnection,
    units: list[TopicWindow],
    level: str,
    th: Thresholds,
    days: int,
    prev_days: int,
) -> dict[str, list[Fact]]:
    """New, returning, growing and fading topics by the one trend rule (`trend_rule`, the
    marts' SQL), by section."""
    over = compared_with(days, prev_days)
    calls = trend_rule.trend_calls(
        conn,
        [(u.facet, u.topic_id, u.n_now, u.n_prev, u.n_older, u.facet_now, u.facet_prev)
         for u in units],
        prev_days=prev_days,
        window_days=days,
        min_volume=th.min_volume,
        min_change=th.min_change,
        min_z=th.min_z,
        fdr=th.fdr,
        min_new=th.min_new,
    )  # fmt: skip
    out: dict[str, list[Fact]] = {"new": [], "returning": [], "growing": [], "fading": []}
    for u in units:
        call = calls.get((u.facet, int(u.topic_id)))
        if call is None or call.trend not in out:
            continue
        if call.trend in ("new", "returning"):
            share = u.n_now / u.facet_now if u.facet_now else 0.0
            counted = f"{_plural(u.n_now, 'trace')} ({_pct(share)} of {u.facet}) in the window"
            if call.trend == "new":
                why = f"first seen {u.first_day.isoformat()}; {counted}"
                extra = {"first_day": u.first_day.isoformat()}
            else:
                last = u.last_before.isoformat() if u.last_before else "earlier"
                why = f"none in the {days} days before, last seen {last}; {counted}"
                extra = {"last_before": last, "older_traces": int(u.n_older)}
            out[call.trend].append(_fact(u, level, call.trend, why, share=share, **extra))
            continue
        now, prev, change = call.share or 0.0, call.prev_share or 0.0, call.share_change or 0.0
        moved = (
            f"{u.n_prev:,} → {_plural(u.n_now, 'trace')} {over}; share of {u.facet} "
            f"{_pct(prev)} → {_pct(now)} ({'+' if change >= 0 else ''}{_pct(change)})"
        )
        f = _fact(u, level, call.trend, moved, share=now, prev_share=prev, share_change=change,
                  volume_change=u.n_now - u.n_prev, prev_traces=int(u.n_prev),
                  z=round(call.z, 2))  # fmt: skip
        out[call.trend].append(f)
    return out


def _is_default(u: TopicWindow, defaults: Collection[tuple[str, str]]) -> bool:
    """The topic is its facet's default label (or a subtopic of it)."""
    f = u.facet.lower()
    return any((f, (lab or "").lower()) in defaults for lab in (u.label, u.parent_label))


# An over-index measure: (TopicWindow's count of hits, of traces read, the measure in words).
_MEASURES = {
    "negative": ("neg", "sent", "negative or mixed"),
    "issues": ("iss", "iss_known", "agent issue"),
}


def _over_indexed(
    by_level: Sequence[tuple[str, list[TopicWindow]]],
    th: Thresholds,
    sentiment: str,
    issues: str,
    pain_facets: set[str],
    default_labels: Collection[tuple[str, str]] = (),
) -> list[Fact]:
    """Topics more negative, or with more agent issues, than the rest of their facet, per level
    and facet. Every test of every level, facet and measure is one row of one `versus_scope`
    query (18 queries one at a time took 1.2 s of a cold home); false discovery is then
    controlled per level, facet and measure, as each is a family of its own."""
    groups: list[tuple[str, str, str, str, float, list[TopicWindow]]] = []
    rows: list[tuple[int, int, int, int]] = []
    for level, units in by_level:
        by_facet: dict[str, list[TopicWindow]] = {}
        for u in units:
            if (
                u.facet.lower() not in pain_facets
            ):  # "Negative: more negative than usual" says nothing
                by_facet.setdefault(u.facet, []).append(u)
        for facet, all_units in by_facet.items():
            # A labelled facet's default ("No issue", 65 % of Issues) is no topic to compare
            # with: every issue label would clear a bar set by it (review rv7 P2). Its labels
            # are compared with each other.
            us = [u for u in all_units if not _is_default(u, default_labels)]
            left_out = [
                lab
                for u in all_units
                for lab in (u.label, u.parent_label)
                if lab and (facet.lower(), lab.lower()) in default_labels
            ]
            # The baseline is the facet's other labels, never the default: say so as an
            # exception ("across Issues but “No issue”" read as a comparison with "No issue",
            # review rv13 M7).
            labels = f"all {facet} labels except “{left_out[0]}”" if left_out else facet
            for measure, skip in (("negative", sentiment), ("issues", issues)):
                if facet.lower() == skip.lower():  # the facet that defines the measure
                    continue
                hit, known, _ = _MEASURES[measure]
                total_hit = sum(getattr(u, hit) for u in us)
                total_known = sum(getattr(u, known) for u in us)
                if not total_known or not total_hit:
                    continue
                tested = [u for u in us if u.topic_id != NO_MATCH and getattr(u, known)]
                groups.append((level, labels, measure, hit, total_hit / total_known, tested))
                rows += [(getattr(u, hit), getattr(u, known), total_hit, total_known)
                         for u in tested]  # fmt: skip
    calls = versus_scope(rows, th)
    out, at = [], 0
    for level, labels, measure, hit, base, tested in groups:
        _, known, words = _MEASURES[measure]
        tests: list[tuple[float, Fact | None]] = []
        at += len(tested)
        for u, call in zip(tested, calls[at - len(tested) : at], strict=True):
            x, n = getattr(u, hit), getattr(u, known)
            rate, z = x / n, call.z
            f = None
            if call.call == "above":
                lifted = (
                    f"{rate / base:.1f}×"
                    if rate >= th.min_lift * base
                    else f"only {_pct(1 - rate)} are not, vs {_pct(1 - base)}"
                )
                why = (
                    f"{words} {_pct(rate)} vs {_pct(base)} across {labels} "
                    f"({x:,} of {n:,} traces, {lifted})"
                )
                f = _fact(u, level, measure, why, rate=rate, baseline=base,
                          lift=rate / base, events=x, excess=x - base * n, z=round(z, 2))  # fmt: skip
            tests.append((one_sided_p(z), f))
        keep = fdr_keep([p for p, _ in tests], th.fdr)
        out += [f for (_, f), ok in zip(tests, keep, strict=True) if ok and f is not None]
    return out


def _short_of(
    x: int, n: int, total_x: int, total_n: int, lifted: bool, z: float, th: Thresholds, words: str
) -> str:
    """Why x/n does not stand out from total_x/total_n, in its numbers: `lifted` and `z` are
    `versus_scope`'s for those counts (the gap rule's query gives them, `gap_rule.GapCall`)."""
    rate = x / n if n else 0.0
    base = total_x / total_n if total_n else 0.0
    head = f"{words} {_pct(rate)} vs {_pct(base)} across Task"
    if not lifted:
        lift = f"{rate / base:.2f}×" if base else "no lift"
        return f"{head}: {lift}, under the {th.min_lift:g}× an agent failure needs"
    if x < th.min_events:
        return f"{head}, on {_plural(x, 'trace')} (it needs {th.min_events})"
    return f"{head}, on too few traces to be sure (z {z:.1f}, it needs {th.min_z:g})"


def capability_gaps(
    by_level: Sequence[tuple[str, list[TopicWindow]]], th: Thresholds, task: str
) -> dict[str, list[Fact]]:
    """Task topics unhappier than the Task traffic, by section: product_gaps, agent_failures,
    unclear_gaps — the one gap rule (`gap_rule`, dbt_project/macros/gap_rule.sql, which
    marts.capability_gaps and the roadmap proposal run too) on the topics' counts in the
    window against their level's Task traffic; this function words its calls. Every level's
    topics are rows of one query (each row carries its own level's totals), as
    `_over_indexed` does: one query per level, and one per unclear gap's line, took 3-5."""
    out: dict[str, list[Fact]] = {"product_gaps": [], "agent_failures": [], "unclear_gaps": []}
    tested: list[tuple[str, TopicWindow, tuple[int, int, int, int]]] = []
    for level, units in by_level:
        tasks = [u for u in units if u.facet.lower() == task.lower()]
        totals = (
            sum(u.neg for u in tasks),
            sum(u.sent for u in tasks),
            sum(u.iss for u in tasks),
            sum(u.iss_known for u in tasks),
        )
        if totals[1]:  # no Sentiment label on the level's Task traffic: nothing to compare
            tested += [(level, u, totals) for u in tasks]
    calls = gap_rule.gap_calls(
        [
            (u.topic_id, u.neg, u.sent, u.iss, u.iss_known, u.neg_agent, u.neg_none, *totals)
            for _, u, totals in tested
        ],
        min_lift=th.min_lift,
        min_events=th.min_events,
        min_z=th.min_z,
        min_side=th.min_gap_side,
        side_share=th.side_share,
    )
    for (level, u, totals), call in zip(tested, calls, strict=True):
        kind = call.gap_kind
        if kind is None:
            continue
        total_neg, total_sent, total_iss, total_iss_known = totals
        base = total_neg / total_sent
        rate = u.neg / u.sent
        cause = ": neither kind dominates"
        if call.gap_reason == "agent_issue_not_above":
            # The issue share may be higher, just not clearly (review rv6 G3): say which rule
            # it falls short of, with its numbers (review rv7 P2: 45 % vs 35 % is 1.29x).
            short = _short_of(u.iss, u.iss_known, total_iss, total_iss_known,
                              call.issue_lifted, call.issue_z, th, "agent issue")  # fmt: skip
            cause = f"; short of an agent failure: {short}"
        elif call.gap_reason == "negative_not_lifted":
            short = _short_of(u.neg, u.sent, total_neg, total_sent,
                              call.negative_lifted, call.negative_z, th, "negative or mixed")  # fmt: skip
            cause = f"; short of an agent failure: {short}"
        split = f"{u.neg_agent:,} with an agent issue, {u.neg_none:,} where the agent had none"
        why = (
            f"{_plural(u.neg, 'negative or mixed trace')} (negative or mixed {_pct(rate)} vs "
            f"{_pct(base)} across {task}); " + (split + cause if kind == "unclear_gap" else split)
        )
        f = _fact(u, level, kind, why, negative=u.neg, negative_rate=rate, baseline=base,
                  excess=u.neg - base * u.sent, agent_issue=u.neg_agent, no_issue=u.neg_none,
                  verdict=call.verdict)  # fmt: skip
        out[
            {"product_gap": "product_gaps", "agent_failure": "agent_failures"}.get(
                kind, "unclear_gaps"
            )
        ].append(f)
    return out


def _priorities(conn: duckdb.DuckDBPyConnection, th: Thresholds, scope: str = "") -> list[Fact]:
    """The mart's ranking (dbt's, over all traffic). On a slice: its topics with traces in the
    slice, each with its traces there; the ranking itself is not recomputed."""
    cols = set(column_names(conn, "topic_priority", "marts"))
    need = {"priority_rank", "priority_score", "task_topic_id", "task_topic_label", "why"}
    if not need <= cols:
        return []
    opt = [c if c in cols else "NULL" for c in ("traces", "top_negative_subtopic")]
    traces, join = opt[0], ""
    if scope:
        traces = "n.traces"
        join = f"""JOIN (SELECT c.topic_id, count(*) AS traces FROM classifications c
                         WHERE lower(c.facet) = 'task' {scope} GROUP BY ALL) n
                   ON n.topic_id = p.task_topic_id"""
    rows = conn.execute(
        f"""SELECT priority_rank, priority_score, task_topic_id, task_topic_label, why,
                   {traces}, {opt[1]}
            FROM marts.topic_priority p {join} ORDER BY priority_rank LIMIT ?""",
        [th.limit],
    ).fetchall()
    level = "parent" if _two_levels(conn) else "topic"
    return [
        Fact(
            kind="priority",
            facet="Task",
            topic_id=int(tid),
            label=label or "",
            why=(why or "") + (f"; most pain in {worst}" if worst else ""),
            traces=int(traces or 0),
            level=level,
            numbers=dict(rank=int(rank), score=float(score)),
        )
        for rank, score, tid, label, why, traces, worst in rows
    ]


def _rank_and_cut(out: Changes, limit: int, task: str) -> None:
    """Biggest effects first; at most `limit` per section (priorities keep the mart's order)."""
    key = {
        "new": lambda f: -f.traces,
        "returning": lambda f: -f.traces,
        "growing": lambda f: -(f.numbers["share"] - f.numbers["prev_share"]),
        "fading": lambda f: f.numbers["share"] - f.numbers["prev_share"],
        "over_indexed": lambda f: -f.numbers["excess"],
        "product_gaps": lambda f: -f.numbers["excess"],
        "agent_failures": lambda f: -f.numbers["excess"],
        "unclear_gaps": lambda f: -f.numbers["excess"],
    }
    for s, k in key.items():
        # A subtopic holding all of its parent's traces says the same thing twice.
        parents = {(f.facet, f.kind, f.topic_id, f.traces) for f in out.sections[s]}
        out.sections[s] = [
            f
            for f in out.sections[s]
            if f.parent_id is None or (f.facet, f.kind, f.parent_id, f.traces) not in parents
        ]
        out.sections[s] = sorted(out.sections[s], key=lambda f, k=k: (k(f), f.facet, f.topic_id))
    # The intent facet leads, and every other facet shows at most PER_FACET items per measure.
    shown: dict[tuple[str, str], int] = {}
    kept = []
    for f in sorted(out.sections["over_indexed"], key=lambda f: f.facet.lower() != task.lower()):
        n = shown[(f.facet, f.kind)] = shown.get((f.facet, f.kind), 0) + 1
        if f.facet.lower() == task.lower() or n <= PER_FACET:
            kept.append(f)
    out.sections["over_indexed"] = kept
    for s in out.sections:
        if s != "priorities":
            out.sections[s] = out.sections[s][:limit]
