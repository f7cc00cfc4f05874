"""The one trend rule, read from the dbt project: which topics grow or fade.

The rule is SQL, `tt_trend_calls` in dbt_project/macros/trend_rule.sql, with its thresholds in
dbt_project.yml's vars (trend_min_volume, trend_share_change, trend_min_z, trend_fdr,
trend_min_new). dbt
renders it into marts.topic_priority and marts.topic_trends_weekly; this module renders the same
file with plain Jinja and runs it on the digest's counts (any window, any slice), so the digest,
the explorer's home, the alerts and the marts call a topic growing, fading, new (first seen in
the window) or returning (back after a window without traces) by one text (review rv8: the
mart's ±20 % share rule and the digest's significance test disagreed on 7 of 9 topics).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import duckdb

DBT_PROJECT_DIR = Path(__file__).resolve().parents[3] / "dbt_project"
MACRO_FILE = DBT_PROJECT_DIR / "macros" / "trend_rule.sql"
UNITS = "tt_trend_units"  # the counts' relation while the rule runs
COLUMNS = ("facet", "topic_id", "n_now", "n_prev", "n_older", "total_now", "total_prev")


@cache
def project_vars() -> dict[str, Any]:
    """dbt_project.yml's vars: the thresholds the marts build with."""
    import yaml

    return yaml.safe_load((DBT_PROJECT_DIR / "dbt_project.yml").read_text())["vars"]


def default(name: str) -> Any:
    """One of the trend thresholds as the marts read it (dbt var `name`)."""
    return project_vars()[name]


@cache
def macros(path: Path = MACRO_FILE) -> Any:
    """A macro file of the dbt project rendered with plain Jinja: its macros as functions."""
    import jinja2

    env = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False)
    return env.from_string(path.read_text()).module


def trend_sql(
    units: str, partition_by: Sequence[str], min_volume: int, min_change: float, min_z: float,
    fdr: float, min_new: int,
) -> str:  # fmt: skip
    """The rule over `units` (see the macro for its columns), as SQL."""
    return str(
        macros().tt_trend_calls(
            units, list(partition_by), min_volume, min_change, min_z, fdr, min_new
        )
    )


@dataclass(frozen=True)
class TrendCall:
    trend: str  # growing | fading | new | returning | flat
    reason: str | None  # why flat (the macro's trend_reason)
    share: float | None
    prev_share: float | None
    share_change: float | None
    z: float


def trend_calls(
    conn: duckdb.DuckDBPyConnection,
    rows: Sequence[tuple[str, int, int, int, int, int, int]],
    *,
    prev_days: int,
    window_days: int,
    min_volume: int,
    min_change: float,
    min_z: float,
    fdr: float,
    min_new: int,
) -> dict[tuple[str, int], TrendCall]:
    """(facet, topic_id) -> its call, for `rows` of COLUMNS (one group per facet)."""
    if not rows:
        return {}
    import pyarrow as pa

    cols = list(zip(*rows, strict=True))
    n = len(rows)
    table = pa.table(
        {
            "facet": pa.array(cols[0], pa.string()),
            **{c: pa.array(v, pa.int64()) for c, v in zip(COLUMNS[1:], cols[1:], strict=True)},
            "prev_days": pa.array([prev_days] * n, pa.int64()),
            # the digest's windows end on the latest day, so they are whole
            "now_days": pa.array([window_days] * n, pa.int64()),
            "window_days": pa.array([window_days] * n, pa.int64()),
        }
    )
    sql = trend_sql(UNITS, ["facet"], min_volume, min_change, min_z, fdr, min_new)
    conn.register(UNITS, table)
    try:
        got = conn.execute(
            f"SELECT facet, topic_id, trend, trend_reason, share, prev_share, share_change, z "
            f"FROM ({sql}) AS calls"
        ).fetchall()
    finally:
        conn.unregister(UNITS)
    return {(r[0], int(r[1])): TrendCall(*r[2:]) for r in got}
