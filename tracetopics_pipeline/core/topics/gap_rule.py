"""The one capability-gap rule, read from the dbt project: product gap or agent failure.

The rule is SQL, `tt_gap_calls` and `tt_versus_scope` in dbt_project/macros/gap_rule.sql, with
its thresholds in dbt_project.yml's vars (gap_min_lift, gap_min_events, gap_min_side,
gap_side_share; the significance trend_min_z). dbt renders it into marts.capability_gaps; this
module renders the same file with plain Jinja and runs it on the digest's, the home's and the
roadmap proposal's counts, so `tracetopics sql "… from capability_gaps"`, the digest, the
explorer and the proposal name a gap by one text (as `trend_rule` does for growing / fading).
The rule needs only the counts: it runs on a private in-memory DuckDB connection.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tracetopics_pipeline.core.topics.trend_rule import DBT_PROJECT_DIR, macros

if TYPE_CHECKING:
    import duckdb

MACRO_FILE = DBT_PROJECT_DIR / "macros" / "gap_rule.sql"
UNITS = "tt_gap_units"  # the counts' relation while the rule runs
COLUMNS = (
    "topic_id",
    "neg",
    "sent",
    "iss",
    "iss_known",
    "neg_agent",
    "neg_none",
    "total_neg",
    "total_sent",
    "total_iss",
    "total_iss_known",
)
_db: duckdb.DuckDBPyConnection | None = None
_db_lock = threading.Lock()


def _conn() -> duckdb.DuckDBPyConnection:
    """A connection of the caller's own (the explorer serves requests on several threads) to
    one in-memory database the module keeps. Not a connection kept per thread: a forked child
    (the facet stage's workers) frees the locals of the threads fork left behind, and closing
    a database there joins DuckDB threads the child does not have -- every worker segfaulted
    inside os.fork while an explorer thread that had run the rule was alive."""
    global _db
    with _db_lock:
        if _db is None:
            import duckdb

            _db = duckdb.connect()
        return _db.cursor()


def _run(sql: str, columns: Sequence[str], rows: Sequence[Sequence[int]]) -> list[tuple[Any, ...]]:
    import pyarrow as pa

    cols = list(zip(*rows, strict=True)) if rows else [() for _ in columns]
    table = pa.table(
        {"i": pa.array(range(len(rows)), pa.int64())}
        | {c: pa.array(v, pa.int64()) for c, v in zip(columns, cols, strict=True)}
    )
    with _conn() as conn:  # the registered table is this connection's alone
        conn.register(UNITS, table)
        return conn.execute(sql).fetchall()


@dataclass(frozen=True)
class GapCall:
    verdict: str  # the side rule: product_gap | agent_failure | both | too_few
    gap_kind: str | None  # product_gap | agent_failure | unclear_gap | None (no gap)
    gap_reason: str | None  # why unclear, or why no gap (the macro's gap_reason)
    negative_vs: str  # above | below | same: the negative share against the scope
    issue_vs: str  # ... the share with an agent issue
    negative_lifted: bool
    # What `versus_calls` gives for each measure (the effect alone, and z): an unclear gap's
    # line says which test it falls short of from these, with no query of its own.
    negative_z: float
    issue_lifted: bool
    issue_z: float


def gap_calls(
    rows: Sequence[Sequence[int]],
    *,
    min_lift: float,
    min_events: int,
    min_z: float,
    min_side: int,
    side_share: float,
) -> list[GapCall]:
    """The rule's call for each row of COLUMNS, in order."""
    if not rows:
        return []
    m = macros(MACRO_FILE)
    sql = m.tt_gap_calls(UNITS, min_lift, min_events, min_z, min_side, side_share)
    _, neg_z = _effect(m, "c.neg", "c.sent", "c.total_neg", "c.total_sent", min_lift)
    iss_lifted, iss_z = _effect(
        m, "c.iss", "c.iss_known", "c.total_iss", "c.total_iss_known", min_lift
    )
    got = _run(
        f"SELECT verdict, gap_kind, gap_reason, negative_vs, issue_vs, negative_lifted, "
        f"{neg_z}, {iss_lifted}, {iss_z} FROM ({sql}) AS c ORDER BY i",
        COLUMNS,
        rows,
    )
    return [GapCall(*r) for r in got]


def _effect(m: Any, x: str, n: str, total_x: str, total_n: str, min_lift: float) -> list[str]:
    """The SQL of `Versus.lifted` and `Versus.z` for the columns x/n against total_x/total_n."""
    rate, base = m.tt_rate(x, n), m.tt_rate(total_x, total_n)
    return [
        f"coalesce({m.tt_lifted(rate, base, min_lift)}, false)",
        m.tt_two_proportion_z(x, n, f"{total_x} - {x}", f"{total_n} - {n}"),
    ]


@dataclass(frozen=True)
class Versus:
    call: str  # above | below | same
    lifted: bool  # the effect alone (min_lift), without the significance test
    z: float  # two-proportion z of the topic against the rest of its scope


def versus_calls(
    rows: Sequence[tuple[int, int, int, int]], *, min_lift: float, min_events: int, min_z: float
) -> list[Versus]:
    """`tt_versus_scope` for each (x, n, total_x, total_n): a topic's rate x/n against its
    scope's (the topic's traces included), in order."""
    if not rows:
        return []
    m = macros(MACRO_FILE)
    lifted, z = _effect(m, "u.x", "u.n", "u.total_x", "u.total_n", min_lift)
    sql = (
        f"SELECT {m.tt_versus_scope('u.x', 'u.n', 'u.total_x', 'u.total_n', min_lift, min_events, min_z)}, "  # noqa: E501
        f"{lifted}, {z} FROM {UNITS} AS u ORDER BY u.i"
    )
    return [Versus(*r) for r in _run(sql, ("x", "n", "total_x", "total_n"), rows)]
