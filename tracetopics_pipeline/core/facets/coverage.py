"""The facet coverage check, read back from the tables: per facet, the share of summaries that
errored over some days, against TRACETOPICS_COVERAGE_THRESHOLD, with the most common error, so
a failure says what went wrong (the asset check and the CLI both use it)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import duckdb


@dataclass(frozen=True)
class FacetCoverage:
    facet: str
    processed: int
    errored: int
    threshold: float
    top_error: str | None = None
    top_error_count: int = 0

    @property
    def share(self) -> float:
        return self.errored / self.processed if self.processed else 0.0

    @property
    def failed(self) -> bool:
        return self.share > self.threshold

    def summary(self) -> str:
        """'Task: 100.00% errored (150 of 150), threshold 5.00%; most common (150×): ...'"""
        text = (
            f"{self.facet}: {self.share:.2%} errored ({self.errored:,} of {self.processed:,}), "
            f"threshold {self.threshold:.2%}"
        )
        if self.top_error:
            text += f"; most common error ({self.top_error_count:,}×): {self.top_error[:200]}"
        return text


def facet_coverage(
    conn: duckdb.DuckDBPyConnection, days: Iterable[date], threshold: float
) -> list[FacetCoverage]:
    """Per facet over `days`: summaries processed and errored, and the most common error."""
    wanted = sorted(set(days))
    rows = conn.execute(
        """
        WITH c AS (SELECT facet, sum(processed) AS processed, sum(errored) AS errored
                   FROM facet_coverage WHERE day IN (SELECT unnest($1::DATE[])) GROUP BY facet),
        e AS (SELECT facet, error, count(*) AS n FROM facet_summaries
              WHERE day IN (SELECT unnest($1::DATE[])) AND status = 'errored' GROUP BY ALL),
        top AS (SELECT facet, arg_max(error, n) AS error, max(n) AS n FROM e GROUP BY facet)
        SELECT c.facet, c.processed, c.errored, top.error, coalesce(top.n, 0)
        FROM c LEFT JOIN top USING (facet) ORDER BY c.facet
        """,
        [wanted],
    ).fetchall()
    return [
        FacetCoverage(f, int(p or 0), int(e or 0), threshold, err, int(n))
        for f, p, e, err, n in rows
    ]
