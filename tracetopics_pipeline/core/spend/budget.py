"""The spend budget: caps per UTC day and per calendar month that every model call reserves
against (TRACETOPICS_BUDGET_USD_DAY / TRACETOPICS_BUDGET_USD_MONTH).

Before a call is sent its worst case is reserved (estimated input tokens, deliberately high,
plus the call's output limit, at the model's price); after it the real usage is charged and
the reservation released. A call that could take spend past a cap is not sent, so the cap
holds; at most one call's worst case goes unused. The first refusal with nothing in flight
exhausts the budget for the rest of the run: callers skip the work left, in the order they
were going to do it (the facet stage goes by a hash of the session or trace id, so what got
done is a deterministic sample), and say so. A later run, with the next day's budget, picks it
up. Charges accumulate per (kind, model) and the stages write them to the ledger
(`spend.ledger.record`). Models without a price cost 0 and are reported as unpriced.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from tracetopics_pipeline.core.settings import Settings
from tracetopics_pipeline.core.spend.prices import cost_usd, price_for

# What a charge paid for: the ledger's `kind`.
SUMMARIES, LABELS, EMBEDDINGS = "summaries", "labels", "embeddings"
# Prefix of the reason recorded on work skipped for the budget (facet_summaries.error).
BUDGET_REASON = "budget"


@dataclass
class Charge:
    kind: str
    model: str
    requests: int = 0
    input_tokens: int = 0
    output_tokens: int = 0
    usd: float = 0.0
    priced: bool = True


class Budget:
    """Spend so far against the caps, for one run; thread-safe (the summarizer calls from a
    pool). `spent_day` / `spent_month` start from the ledger (`ledger.budget_from_ledger`)."""

    def __init__(
        self,
        settings: Settings,
        *,
        spent_day: float = 0.0,
        spent_month: float = 0.0,
        today: date | None = None,
    ) -> None:
        self.settings = settings
        self.day_cap = settings.budget_usd_day
        self.month_cap = settings.budget_usd_month
        self.spent_day = spent_day
        self.spent_month = spent_month
        # Charges go to the day the run started: a run that crosses midnight stays on one day.
        self.today = today or datetime.now(UTC).date()
        self.run_usd = 0.0
        self.exhausted: str | None = None  # why, once a cap refused a call
        self._reserved = 0.0
        self._in_flight = 0  # reservations not yet released (a count: float sums drift)
        self._pending: dict[tuple[str, str], Charge] = {}
        self._run: dict[tuple[str, str], Charge] = {}
        self._prices: dict[str, tuple[float, float] | None] = {}
        self._lock = threading.Lock()

    @property
    def capped(self) -> bool:
        return self.day_cap is not None or self.month_cap is not None

    def price(self, model: str) -> tuple[float, float] | None:
        if model not in self._prices:
            self._prices[model] = price_for(model, self.settings)
        return self._prices[model]

    def estimate(self, model: str, input_tokens: int, output_tokens: int) -> float:
        return cost_usd(self.price(model), input_tokens, output_tokens)

    def reserve(self, usd: float) -> bool:
        """Hold `usd` for a call about to be sent; False when it could pass a cap."""
        with self._lock:
            if usd <= 0 or not self.capped:
                return True  # free (unpriced) calls and uncapped runs are never refused
            if self.exhausted:
                return False
            over = self._over(usd)
            if over is None:
                self._reserved += usd
                self._in_flight += 1
                return True
            if self._in_flight == 0:  # nothing in flight will free room: the cap is reached
                self.exhausted = over
            return False

    def release(self, usd: float) -> None:
        """Give back a reservation made by `reserve(usd)` (the same amount)."""
        if usd > 0 and self.capped:
            with self._lock:
                self._in_flight = max(0, self._in_flight - 1)
                self._reserved = self._reserved - usd if self._in_flight else 0.0

    def _over(self, usd: float) -> str | None:
        if self.day_cap is not None and self.spent_day + self._reserved + usd > self.day_cap:
            return f"daily cap ${self.day_cap:g} reached (${self.spent_day:.4f} spent today)"
        if self.month_cap is not None and self.spent_month + self._reserved + usd > self.month_cap:
            return f"monthly cap ${self.month_cap:g} reached (${self.spent_month:.4f} spent this month)"
        return None

    def charge(
        self, kind: str, model: str, input_tokens: int, output_tokens: int = 0, requests: int = 1
    ) -> float:
        """Record a call's real usage; returns its cost."""
        price = self.price(model)
        usd = cost_usd(price, input_tokens, output_tokens)
        with self._lock:
            for book in (self._pending, self._run):
                c = book.setdefault((kind, model), Charge(kind, model, priced=price is not None))
                c.requests += requests
                c.input_tokens += input_tokens
                c.output_tokens += output_tokens
                c.usd += usd
            self.spent_day += usd
            self.spent_month += usd
            self.run_usd += usd
        return usd

    def drain(self) -> list[Charge]:
        """Charges not yet written to the ledger (and forget them)."""
        with self._lock:
            out = list(self._pending.values())
            self._pending.clear()
        return out

    def skip_reason(self) -> str:
        return f"{BUDGET_REASON}: {self.exhausted or 'cap reached'}; left for the next run"

    def metadata(self) -> dict[str, Any]:
        """Flat Dagster metadata: spend of this run and to date, the caps, why work stopped."""
        md: dict[str, Any] = {
            "spend_usd_run": round(self.run_usd, 6),
            "spend_usd_today": round(self.spent_day, 6),
            "spend_usd_month": round(self.spent_month, 6),
            "budget_usd_day": self.day_cap if self.day_cap is not None else "none",
            "budget_usd_month": self.month_cap if self.month_cap is not None else "none",
            "budget_exhausted": self.exhausted or "",
        }
        unpriced = sorted(c.model for c in self._run.values() if not c.priced)
        if unpriced:
            md["spend_unpriced_models"] = ", ".join(unpriced)
        return md
