"""The spend ledger in the warehouse (`spend_ledger`: per UTC day, kind and model, requests,
tokens and USD), and what it says: spend to date for the budget, `spend_summary` for people.

Not day-partitioned like the pipeline tables: money spent stays spent when a partition is
re-materialized, so rows only ever accumulate.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from tracetopics_pipeline.core.spend.budget import Budget
from tracetopics_pipeline.core.warehouse import first_row

if TYPE_CHECKING:
    import duckdb

    from tracetopics_pipeline.core.settings import Settings


def record(conn: duckdb.DuckDBPyConnection, budget: Budget | None) -> int:
    """Add the budget's charges not yet written to the ledger; returns rows touched."""
    if budget is None:
        return 0
    charges = budget.drain()
    for c in charges:
        conn.execute(
            """INSERT INTO spend_ledger
                   (day, kind, model, requests, input_tokens, output_tokens, usd, priced)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT (day, kind, model) DO UPDATE SET
                   requests = spend_ledger.requests + excluded.requests,
                   input_tokens = spend_ledger.input_tokens + excluded.input_tokens,
                   output_tokens = spend_ledger.output_tokens + excluded.output_tokens,
                   usd = spend_ledger.usd + excluded.usd,
                   priced = excluded.priced,
                   updated_at = now()""",
            [budget.today, c.kind, c.model, c.requests, c.input_tokens, c.output_tokens,
             c.usd, c.priced],
        )  # fmt: skip
    return len(charges)


def _month_start(day: date) -> date:
    return day.replace(day=1)


def spend_to_date(conn: duckdb.DuckDBPyConnection, today: date) -> tuple[float, float]:
    """(USD spent on `today`, USD spent in today's calendar month so far)."""
    row = first_row(
        conn,
        """SELECT coalesce(sum(usd) FILTER (WHERE day = ?), 0),
                  coalesce(sum(usd) FILTER (WHERE day >= ? AND day <= ?), 0)
           FROM spend_ledger""",
        [today, _month_start(today), today],
    )
    return (float(row[0]), float(row[1])) if row else (0.0, 0.0)


def budget_from_ledger(
    conn: duckdb.DuckDBPyConnection, settings: Settings, *, today: date | None = None
) -> Budget:
    """A budget for one run, starting from what the ledger says was spent to date."""
    today = today or datetime.now(UTC).date()
    day, month = spend_to_date(conn, today)
    return Budget(settings, spent_day=day, spent_month=month, today=today)


@dataclass
class SpendSummary:
    today: str
    spent_today_usd: float
    spent_month_usd: float
    budget_day_usd: float | None
    budget_month_usd: float | None
    by_model: list[dict[str, Any]] = field(default_factory=list)  # this month, per kind × model
    by_day: list[dict[str, Any]] = field(default_factory=list)  # the last `days` days
    unpriced_models: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def spend_summary(
    conn: duckdb.DuckDBPyConnection,
    settings: Settings,
    *,
    today: date | None = None,
    days: int = 14,
) -> SpendSummary:
    """Spend to date against the caps: today, this month by kind and model, the last days.

    Works on the warehouse and on the explorer's snapshot (both hold `spend_ledger`)."""
    today = today or datetime.now(UTC).date()
    day, month = spend_to_date(conn, today)
    by_model = [
        dict(kind=k, model=m, requests=int(r), input_tokens=int(i), output_tokens=int(o),
             usd=round(float(u), 6), priced=bool(p))
        for k, m, r, i, o, u, p in conn.execute(
            """SELECT kind, model, sum(requests), sum(input_tokens), sum(output_tokens),
                      sum(usd), bool_and(priced)
               FROM spend_ledger WHERE day >= ? AND day <= ?
               GROUP BY kind, model ORDER BY sum(usd) DESC, kind, model""",
            [_month_start(today), today],
        ).fetchall()
    ]  # fmt: skip
    by_day = [
        {"day": d.isoformat(), "usd": round(float(u), 6), "requests": int(r)}
        for d, u, r in conn.execute(
            """SELECT day, sum(usd), sum(requests) FROM spend_ledger
               WHERE day > ? AND day <= ? GROUP BY day ORDER BY day""",
            [today - timedelta(days=days), today],
        ).fetchall()
    ]
    return SpendSummary(
        today=today.isoformat(),
        spent_today_usd=round(day, 6),
        spent_month_usd=round(month, 6),
        budget_day_usd=settings.budget_usd_day,
        budget_month_usd=settings.budget_usd_month,
        by_model=by_model,
        by_day=by_day,
        unpriced_models=sorted({r["model"] for r in by_model if not r["priced"]}),
    )
